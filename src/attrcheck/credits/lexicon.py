"""The words picture editors use in credit lines: labels, agencies, platforms, particles.

Data only (plus the compiled patterns built from it), so the rules in `labels.py`, `names.py` and
`statements.py` stay readable. Every list is lower case; matching is case-insensitive unless a
comment says otherwise. Add words here, not special cases in the rules.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- credit labels

# Nouns for a visual work: "<noun> by X", "<noun>: X", "<noun> courtesy of X".
WORK_NOUNS = (
    "photo", "photos", "photograph", "photographs", "photography", "picture", "pictures", "image",
    "images", "illustration", "illustrations", "graphic", "graphics", "icon", "icons", "drawing",
    "drawings", "painting", "artwork", "video", "map", "maps", "figure", "cartoon", "chart",
    "rendering", "logo", "poster", "screenshot", "footage", "foto", "fotos", "bild", "bilder",
    "infographic", "diagram", "animation", "still", "header image", "cover image", "cover photo",
    "lead image", "top image", "featured image", "feature image",
)  # fmt: skip

# Verbs that introduce an author: "illustrated by X".
AUTHOR_VERBS = (
    "photographed", "taken", "illustrated", "drawn", "designed", "created", "shot", "captured",
    "painted", "filmed", "produced", "made", "rendered", "animated", "uploaded", "posted",
    "provided", "supplied", "submitted", "contributed", "drawn", "photographed",
)  # fmt: skip

# "<noun> de/von/par/por X" in other languages (Spanish, Portuguese, French, German, Dutch, ...).
FOREIGN_BY = (
    r"(?:ilustraci[oó]n|ilustra[cç][aã]o|illustration|foto(?:graf[ií]a|grafie)?|imagen|imagem|"
    r"photo(?:graphie)?|dessin|bild|grafik|zeichnung|tekening|illustrasjon|kuva)"
    r"\s+(?:de|por|von|par|di|door|van|av|af)"
)

# Labels followed by a colon (or French " :"): "Photo: X", "Bildquelle: X", "Crédit photo : X".
COLON_LABELS = (
    "photo credit", "photo credits", "image credit", "image credits", "picture credit",
    "photo source", "image source", "picture source", "source image", "crédit photo",
    "crédits photo", "photo courtesy", "image courtesy", "foto/quelle", "bild/quelle",
    "fotos/quelle", "foto/bildquelle", "credit", "credits", "crédit", "crédits", "credito",
    "crediti", "créditos", "crédito", "source", "sources", "quelle", "quellen", "bildquelle",
    "bildquellen", "bildrechte", "bildnachweis", "fotonachweis", "fonte", "fuente", "bron", "kilde",
    "källa", "lähde", "źródło", "zdroj", "copyright", "copyrights", "auteur", "autor", "autora",
    "author", "authors", "photographer", "photographers", "fotograf", "fotografin",
    "fotógrafo", "fotógrafa", "fotografo", "illustrator", "illustratorin", "artist", "abbildung",
    "abb.", "foto's", "fotograaf", "fotografen", "fotó", "kép", "fotka", "snímek", "nuotrauka",
    "beeld", "beeldbron", "imagem",
    "imagen", "fotografía", "fotografia", "fotografie",
    "illustrasjon", "ilustración", "ilustração", "illustratie", "grafik", "kuva", "zdjęcie",
    "screenshot", "screenshots", "screengrab", "screen grab", "composite", "montage", "collage",
    "chart", "karte", "infografik", "infographic", "video still", "still",
    "fot.", "foto", "fotos", "bild", "bilder", "photo", "photos", "photograph", "photography",
    "image", "images", "picture", "pictures", "illustration", "graphic", "video", "map",
    "artwork", "icon", "cover", "header", "фото", "rights", "droits", "bildrecht",
)  # fmt: skip

# Words that may start a segment without a colon as a credit label: "Beeld Lauren Hillebrandt".
BARE_LABELS = (
    "beeld", "foto", "fotos", "bild", "photo", "photos", "fotografie", "kuva", "photographer",
    "fotograf", "fotografin", "fotógrafo", "fotograaf", "illustrator",
)  # fmt: skip

# Words between which a part is a list: "A and B".
AND_WORDS = ("and", "&", "und", "et", "y", "e", "en", "og", "och", "i")

# --------------------------------------------------------------------------- names

# Lower-case words allowed inside personal names ("Giorgio von Arb", "Carl Van Vechten").
NAME_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "dei",
        "degli",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "les",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
        "zu",
        "zur",
        "af",
        "av",
        "y",
        "e",
        "st.",
        "mc",
        "mac",
        "d'",
        "dall'",
        "op",
        "ó",
    ]
)

# Credited parties that are no creator: template placeholders and "unknown".
PLACEHOLDERS = frozenset(
    {
        "artist name", "photographer name", "author name", "creator name", "your name", "name",
        "first last", "firstname lastname", "first name last name", "name surname", "photographer",
        "artist", "author", "creator", "credit", "credits", "source", "agency", "username",
        "user name", "xxx", "xx", "tbd", "tbc", "n/a", "na", "none", "unknown", "anonymous",
        "unbekannt", "inconnu", "desconocido", "desconhecido", "onbekend", "ukjent", "various",
        "privat", "private", "privé", "archiv", "archive", "archivo", "arquivo", "archief",
        "placeholder", "insert credit here", "credit here", "photo credit", "image credit",
        "lorem ipsum",
        "divulgação", "divulgacao", "reprodução",
        "reproducao", "arquivo pessoal", "archivo personal", "privatarchiv", "privat/archiv",
        "handout", "press", "pr", "promo", "pressefoto", "pressebild", "own work", "self",
        "author unknown", "photographer unknown", "unknown author", "unknown photographer",
        "unknown artist", "not known", "archive photo", "file photo", "the artist",
    }
)  # fmt: skip
PLACEHOLDER_ROLE_WORDS = frozenset(
    [
        "unknown",
        "your",
        "first",
        "last",
        "firstname",
        "lastname",
        "surname",
        "here",
        "the",
        "photographer's",
        "artist's",
        "author's",
        "insert",
        "full",
        "of",
    ]
) | frozenset(
    [
        "name",
        "artist",
        "photographer",
        "author",
        "creator",
        "credit",
        "source",
        "agency",
        "user",
        "username",
    ]
)

# Words that end a credit part as noise: "Steren Giannini, licensed", "DEED", "Handout".
NOISE_WORDS = frozenset(
    {
        "licensed", "licenced", "license", "licence", "lizenz", "licencia", "licença", "licentie",
        "deed", "legal code", "legalcode", "under", "cc", "creative commons", "handout",
        "handout photo", "handout picture", "staff photographer", "staff photo", "staff", "special",
        "contributor", "contributing photographer", "freelance", "freelancer", "pool", "pool photo",
        "file", "file photo", "archive photo",
        "stock", "stock photo", "all rights reserved", "some rights reserved", "rights reserved",
        "used with permission", "with permission", "free to share", "public domain",
        "via", "photo", "image", "picture", "foto", "bild", "photos", "images", "fotos",
        "license:", "licence:", "reproduced with permission", "supplied", "submitted",
        "contributed", "provided", "courtesy", "courtesy photo", "file image", "archive image",
        "et al", "et al.", "and others",
        "u. a.", "u.a.", "et coll.",
    }
)  # fmt: skip

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "janeiro",
        "fevereiro",
        "março",
        "maio",
        "junho",
        "julho",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ]
)

# Abbreviations whose final period does not end a sentence ("St. Louis", "Dr. No").
ABBREVIATIONS = frozenset(
    [
        "st", "dr", "jr", "sr", "mr", "mrs", "ms", "mme", "mlle", "no", "nr", "co", "inc", "ltd",
        "corp", "bros", "mt", "ft", "prof", "gen", "col", "lt", "sgt", "capt", "rev", "hon", "dept",
        "univ", "assn", "vs", "etc", "ca", "approx", "fig", "abb", "fot", "vol", "ed", "eds", "spc",
        "pfc", "pvt", "cpl", "maj", "cmdr", "adm", "sra", "srta", "dra", "mme", "hr", "fr", "pte"
    ]
)  # fmt: skip

# --------------------------------------------------------------------------- organisations

# Agencies, stock libraries, platforms and institutions that appear alone in credits.
KNOWN_ORGANISATIONS = frozenset(
    {
        "getty", "getty images", "istock", "istockphoto", "istock.com", "thinkstock",
        "shutterstock",
        "alamy", "alamy stock photo", "adobe stock", "dreamstime", "depositphotos", "123rf",
        "fotolia", "pond5", "stocksy", "unsplash", "pexels", "pixabay", "flickr", "wikimedia",
        "wikimedia commons", "commons", "wikipedia", "wikidata", "geograph", "pixelio", "openverse",
        "freepik", "vecteezy", "canva", "noun project", "the noun project", "twitter", "instagram",
        "facebook", "youtube", "tumblr", "reddit", "imgur", "deviantart", "behance", "dribbble",
        "500px", "digitalvision", "digitalvision vectors", "westend61", "cultura", "image source",
        "science photo library", "bridgeman", "bridgeman images", "mary evans", "akg-images",
        "heritage images", "granger", "reuters", "ap", "associated press", "afp",
        "agence france-presse", "agence france presse", "epa", "epa-efe", "efe", "dpa", "dts",
        "ddp", "picture alliance", "picture-alliance", "keystone", "keystone-sda", "sda", "apa",
        "ansa", "xinhua", "kyodo", "yonhap", "tass", "pa", "pa images", "pa wire", "pa media",
        "press association", "aap", "anp", "belga", "ritzau", "scanpix", "ntb", "tt", "lusa",
        "corbis", "bloomberg", "magnum", "magnum photos", "redux", "polaris", "zuma", "zuma press",
        "zuma wire", "sipa", "sipa usa", "abaca", "rex", "rex features", "imago", "ullstein bild",
        "guardian", "the guardian", "observer", "bbc", "cnn", "nyt", "new york times",
        "the new york times", "washington post", "the washington post", "nasa", "esa", "jpl",
        "caltech", "jpl-caltech", "noaa", "usgs", "library of congress", "national archives",
        "smithsonian", "white house", "the white house", "downing street", "no 10 downing street",
        "nara", "u.s. navy", "us navy", "u.s. army", "u.s. air force", "dod", "fema", "nih", "cdc",
        "wikicommons", "wiki commons",
        "mdr", "ard", "zdf", "orf", "srf", "rts", "rai", "nos", "nrk", "svt", "yle", "dr",
        "pexels.com", "unsplash.com", "pixabay.com", "shutterstock.com", "gettyimages",
        "google", "google maps", "google earth", "openstreetmap", "apple maps", "mapbox",
        "lehtikuva", "tt nyhetsbyrån", "ntb scanpix", "ritzau scanpix", "lapresse", "mti",
        "rijksmuseum", "anp foto", "hollandse hoogte", "belga image", "kyodo news", "jiji press",
        "nurphoto", "anadolu", "anadolu agency", "europa press", "ips", "kna", "epd",
    }
)  # fmt: skip

# Agency names that are also surnames or words: never enough alone inside a longer name.
AMBIGUOUS_ORGANISATION_WORDS = frozenset(
    [
        "rex",
        "magnum",
        "granger",
        "polaris",
        "redux",
        "corbis",
        "bridgeman",
        "sipa",
        "zuma",
        "abaca",
        "keystone",
        "guardian",
        "observer",
        "commons",
        "stone",
        "moment",
        "cultura",
    ]
)

# Words that may sit lower-case inside an organisation's name ("Library of Congress").
ORG_CONNECTORS = frozenset(
    ["of", "and", "&", "for", "the", "de", "du", "des", "der", "die", "das", "und", "et", "y", "e",
     "la", "le", "di", "del", "da", "do", "van", "von", "für"]
)  # fmt: skip

# One word ending in one of these is an institution ("Rijksmuseum", "Staatsbibliothek").
INSTITUTION_SUFFIXES = (
    "museum", "museet", "museo", "bibliothek", "bibliotheek", "archief", "archiv", "galerie",
    "universität", "institut", "ministerium", "agentur", "zeitung",
)  # fmt: skip

# Titles and ranks before a name: "Sgt. John Doe", "Mass Communication Specialist 2nd Class X".
PERSONAL_TITLES = re.compile(
    r"^(?:(?:staff|master|tech\.?|technical|senior|chief|first|1st|gunnery|command|lance|"
    r"petty|private|airman|army|navy|air\s+force|marine|u\.s\.)\s+)*"
    r"(?:sgt\.?|sergeant|spc\.?|specialist|pfc\.?|pvt\.?|cpl\.?|corporal|lt\.?|lieutenant|"
    r"capt\.?|captain|maj\.?|col\.?|colonel|gen\.?|general|airman|officer|seaman|ensign|"
    r"cmdr\.?|commander|cadet|mass\s+communication\s+specialist|photographer's\s+mate|"
    r"dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|sir|dame|sr\.?|sra\.?|srta\.?|dra\.?|mme\.?)"
    r"(?:\s+(?:\d(?:st|nd|rd|th)\s+class|first\s+class|second\s+class|third\s+class|"
    r"seaman(?:\s+apprentice)?|recruit))?\s+",
    re.IGNORECASE,
)

# A person's name followed by one of these is a photographer's studio: "John Smith Photography".
BUSINESS_WORDS = frozenset(
    ["photography", "photographie", "fotografie", "fotografía", "fotografia", "photo", "photos",
     "studio", "studios", "images", "pictures", "media", "design", "illustration"]
)  # fmt: skip

# Stock libraries and photo platforms: the piece before one is the contributor, even when it
# looks like a company ("SDI Productions, iStock", "Van Tay Media on Unsplash").
STOCK_LIBRARIES = frozenset(
    ["istock", "istockphoto", "thinkstock", "getty images", "shutterstock", "shutterstock.com",
     "alamy", "alamy stock photo", "adobe stock", "dreamstime", "depositphotos", "123rf",
     "fotolia", "stocksy", "digitalvision vectors", "e+", "unsplash", "pexels", "pixabay",
     "flickr", "wikimedia commons", "getty images plus", "istock / getty images plus"]
)  # fmt: skip

# First words of PERSONAL_TITLES (a cheap test before the regex).
TITLE_WORDS = frozenset(
    ["staff", "master", "tech", "technical", "senior", "chief", "first", "1st", "gunnery",
     "command", "lance", "petty", "private", "airman", "army", "navy", "air", "marine", "u.s",
     "sgt", "sergeant", "spc", "specialist", "pfc", "pvt", "cpl", "corporal", "lt", "lieutenant",
     "capt", "captain", "maj", "col", "colonel", "gen", "general", "officer", "seaman", "ensign",
     "cmdr", "commander", "cadet", "mass", "photographer's", "dr", "prof", "mr", "mrs", "ms",
     "sir", "dame", "sr", "sra", "srta", "dra", "mme", "hr", "fr"]
)  # fmt: skip

# A word of any of these makes a part an organisation ("Christchurch city council").
ORGANISATION_WORDS = frozenset(
    {
        "agency", "agence", "agentur", "nachrichtenagentur", "administration", "archive",
        "archives",
        "archiv", "museum", "museums", "musée", "library", "libraries", "bibliothek",
        "bibliothèque",
        "university", "universität", "université", "universidad", "universidade", "college",
        "institute", "institut", "instituto", "department", "dept.", "ministry", "ministerium",
        "ministère", "council", "office", "service", "services", "survey", "navy", "army",
        "government", "regierung", "commission", "foundation", "stiftung", "fondation", "society",
        "association", "verband", "verein", "press", "presse", "news", "images", "photos",
        "pictures", "media", "medien", "studio", "studios", "company", "corp", "corp.",
        "corporation", "inc", "inc.", "ltd", "ltd.", "llc", "gmbh", "ag", "plc", "group", "network",
        "project", "commons", "region", "county", "centre", "center", "zentrum", "laboratory",
        "laboratories", "lab", "labs", "observatory", "police", "polizei", "house", "street",
        "rundfunk", "zeitung", "times", "post", "herald", "guardian", "telegraph", "tribune",
        "journal", "magazine", "magazin", "tv", "radio", "broadcasting", "collection",
        "collections", "gallery", "galerie", "trust", "bureau", "team", "wire", "club",
        "federation", "union", "committee", "embassy", "parliament", "senate", "congress",
        "municipality", "stadt", "gemeinde", "kanton", "state", "republic", "national", "federal",
        "royal", "nations", "organization", "organisation", "corps", "force", "forces", "guard",
        "hospital", "clinic", "school", "schule", "académie", "academy", "records", "entertainment",
        "films", "productions", "publishing", "verlag", "éditions", "books", "stock",
        "partners", "associates", "consortium", "alliance", "nachrichten", "presseamt",
        "pressefoto",
        "pressebild", "pressestelle", "newsroom", "handout", "dienst", "ministério", "prefeitura",
        "governo", "gobierno", "ayuntamiento", "mairie", "ville", "gouvernement", "centro",
        "secretaria", "secretaría", "agência", "agencia", "foundation's", "park", "parks",
        "zoo", "aquarium", "garden", "gardens", "airport", "railway", "railways", "airlines",
        "division", "design", "contributors", "photography", "fotografie", "photographie",
        "fotografía", "offices", "ministries", "departments", "authority",
    }
)  # fmt: skip

# Link hosts that name a platform (suffix match on the host name).
PLATFORM_HOSTS: tuple[tuple[str, str], ...] = (
    ("commons.wikimedia.org", "Wikimedia Commons"),
    ("upload.wikimedia.org", "Wikimedia Commons"),
    ("wikipedia.org", "Wikipedia"),
    ("flickr.com", "Flickr"),
    ("flic.kr", "Flickr"),
    ("staticflickr.com", "Flickr"),
    ("unsplash.com", "Unsplash"),
    ("pexels.com", "Pexels"),
    ("pixabay.com", "Pixabay"),
    ("geograph.org.uk", "Geograph"),
    ("geograph.ie", "Geograph"),
    ("thenounproject.com", "Noun Project"),
    ("twitter.com", "Twitter"),
    ("x.com", "X"),
    ("instagram.com", "Instagram"),
    ("facebook.com", "Facebook"),
    ("youtube.com", "YouTube"),
    ("youtu.be", "YouTube"),
    ("shutterstock.com", "Shutterstock"),
    ("istockphoto.com", "iStock"),
    ("gettyimages.com", "Getty Images"),
    ("gettyimages.co.uk", "Getty Images"),
    ("alamy.com", "Alamy"),
    ("pixelio.de", "Pixelio"),
    ("openverse.org", "Openverse"),
    ("deviantart.com", "DeviantArt"),
    ("500px.com", "500px"),
    ("loc.gov", "Library of Congress"),
)

# "Flickr user X", "Wikimedia Commons user X": the platform, then the handle.
PLATFORM_USER_WORDS = frozenset(
    ["user", "member", "contributor", "uploader", "nutzer", "utilisateur"]
)

TLDS = (
    "com|org|net|edu|gov|mil|int|info|io|eu|de|uk|fr|ch|nl|it|es|at|be|dk|no|se|fi|pl|pt|br|au|"
    "ca|us|jp|ru|cz|ie|nz|in|tv|me|co|ar|mx|cl|hu|gr|tr|za|kr|cn|tw|hk|sg|lu|li|is|ee|lv|lt|sk|si"
)
URL_RE = re.compile(
    # possessive label runs and a word-start guard keep this linear on long captions
    rf"(?<![\w.@/-])(?:https?://)?(?:[a-z0-9][a-z0-9-]*+\.)++(?:{TLDS})\b(?::\d+)?"
    r"(?:/[^\s)\]]*)?",
    re.IGNORECASE,
)

# Reproduction numbers naming their repository: "[LC-DIG-highsm-25031]" (Library of Congress).
REPOSITORY_REFERENCES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^LC-(?:DIG|USZ|USW|USF|B|H|F|J|G)\w*-", re.IGNORECASE), "Library of Congress"),
)
