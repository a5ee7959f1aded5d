"""When does a paragraph after an image read as its caption?

A paragraph directly after a Markdown image (or in the same paragraph after a line break) is part
of the image's caption when it

1. is emphasised as a whole (`*Photo: Jane Doe*`, `_..._`, `**...**`), or
2. starts with a credit word — Photo, Photograph, Picture, Image, Credit, Source, Courtesy,
   Illustration, Graphic, Copyright, Attribution (and Foto, Bild, Quelle, Crédit, Fotografía,
   Imagem, Beeld, Bron, Fonte, Fuente, Immagine, Kuva, Zdjęcie …), optionally a second one
   ("Photo credit", "Crédit photo"), then a separator (":", "/", "|", "—", "-", "©", "(c)") or a
   credit preposition ("by", "von", "de", "par", "door", "van", "courtesy", "via" …) or an agency
   name — "Photo by UKTI", "Foto: Jan", "Image courtesy of …"; "Photos of the harbour" is not;
3. starts with a news agency / stock library name (Reuters, AP, AFP, Getty, EPA, Shutterstock,
   Unsplash …) followed by a separator, by Photo/Images/Pool/… or nothing, or is at most 60
   characters long, or
4. is short (at most 240 characters of text) and carries a licence marker: "CC" / "CC0" / "CC-BY…"
   as a word, "Creative Commons", "©", "(c)", "licence"/"license"/"licensed", "public domain",
   "all rights reserved".

Lengths count the paragraph's text without Markdown markup (link URLs do not count).
The first paragraph that does not read as a caption ends the caption.
"""

from __future__ import annotations

CREDIT_WORDS = frozenset(
    [
        "photo",
        "photos",
        "photograph",
        "photographs",
        "photography",
        "photographer",
        "photographed",
        "photocredit",
        "picture",
        "pictures",
        "pic",
        "pics",
        "image",
        "images",
        "img",
        "credit",
        "credits",
        "courtesy",
        "source",
        "sources",
        "illustration",
        "illustrations",
        "illustrated",
        "graphic",
        "graphics",
        "chart",
        "map",
        "video",
        "still",
        "stills",
        "copyright",
        "attribution",
        "artwork",
        "drawing",
        "rendering",
        "screenshot",
        "cartoon",
        "foto",
        "fotos",
        "fotografie",
        "fotograf",
        "fotografin",
        "bild",
        "bilder",
        "quelle",
        "bildquelle",
        "fotoquelle",
        "crédit",
        "crédits",
        "credito",
        "crédito",
        "créditos",
        "crediti",
        "fotografía",
        "fotografia",
        "fotografias",
        "imagem",
        "imagens",
        "imagen",
        "imágenes",
        "immagine",
        "immagini",
        "beeld",
        "bron",
        "fonte",
        "fuente",
        "kuva",
        "zdjęcie",
        "źródło",
        "ilustración",
        "ilustração",
        "illustratie",
        "afbeelding",
        "abbildung",
        "grafik",
    ]
)
CREDIT_PHRASES = (
    "cover photo", "cover image", "header image", "header photo", "hero image", "lead image",
    "main image", "top image", "featured image", "feature image", "photo credit", "image credit",
    "picture credit", "image source", "photo source", "photo courtesy", "image courtesy",
)  # fmt: skip
AGENCY_WORDS = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "getty",
        "epa",
        "pa",
        "dpa",
        "anp",
        "ansa",
        "efe",
        "xinhua",
        "shutterstock",
        "alamy",
        "istock",
        "istockphoto",
        "unsplash",
        "pexels",
        "pixabay",
        "wikimedia",
        "flickr",
        "nasa",
        "handout",
        "pool",
        "rex",
        "bloomberg",
    ]
)
SEPARATOR_CHARS = ":/|—–-©(,;"
PREPOSITIONS = frozenset(
    ["by", "von", "de", "del", "par", "door", "van", "di", "da", "por", "credit", "credits",
     "courtesy", "via", "from", "source", "taken", "copyright"]
)  # fmt: skip
AGENCY_FOLLOWERS = frozenset(["photo", "photos", "images", "image", "pictures", "wire", "via",
                              "pool", "handout", "news", "press"])  # fmt: skip
LEADING_PUNCTUATION = " *_[(“\"'«„‘"
SHORT_AGENCY = 60
LICENCE_MARKERS = ("creative commons", "©", "(c)", "licence", "license", "licensed", "lizenz",
                   "licencia", "licença", "licenza", "public domain", "publicdomain",
                   "all rights reserved", "gemeinfrei", "domaine public", "dominio público",
                   "copyright")  # fmt: skip
SHORT = 240


def reads_as_caption(text: str, emphasised: bool = False) -> bool:
    """True when a paragraph's plain text (markup removed) reads as an image caption."""
    text = text.strip()
    if not text:
        return False
    if emphasised:
        return True
    lowered = text.lower().lstrip(LEADING_PUNCTUATION)
    if starts_with_credit_word(lowered) or _starts_with_agency(lowered):
        return True
    return len(text) <= SHORT and has_licence_marker(text)


def starts_with_credit_word(lowered: str) -> bool:
    """'Photo: …', 'Picture by …', 'Crédit photo : …', 'Image courtesy of …', 'Foto de …'."""
    phrase = next((p for p in CREDIT_PHRASES if lowered.startswith(p)), None)
    first, rest = _split_word(lowered)
    if phrase is not None:
        if phrase.split()[-1] in PREPOSITIONS:  # "photo courtesy", "image credit", "…source"
            return True
        rest = lowered[len(phrase) :]
    elif first == "courtesy":
        return True
    elif first not in CREDIT_WORDS:
        return False
    second, after_second = _split_word(rest.lstrip())
    if second in CREDIT_WORDS and second not in PREPOSITIONS:
        rest = after_second
    rest = rest.lstrip()
    if not rest:
        return False
    if rest[0] in SEPARATOR_CHARS:
        return True
    following, _ = _split_word(rest)
    return following in PREPOSITIONS or following in AGENCY_WORDS


def _starts_with_agency(lowered: str) -> bool:
    """'Reuters/Ola Berg', 'AP Photo/…', 'Getty Images', 'AFP via Getty Images', 'Reuters'."""
    first, rest = _split_word(lowered)
    if first not in AGENCY_WORDS:
        return False
    rest = rest.lstrip()
    if not rest or rest[0] in SEPARATOR_CHARS or len(lowered) <= SHORT_AGENCY:
        return True
    following, _ = _split_word(rest)
    return following in AGENCY_FOLLOWERS


def _split_word(text: str) -> tuple[str, str]:
    """The leading run of letters of `text`, and the rest."""
    end = 0
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:end], text[end:]


def has_licence_marker(text: str) -> bool:
    lowered = text.lower()
    if any(marker in lowered for marker in LICENCE_MARKERS):
        return True
    for word in _words(text):
        upper = word.upper()
        if upper in ("CC", "CC0") or upper.startswith("CCBY"):
            return True
    return False


def _words(text: str) -> list[str]:
    """Runs of letters and digits, in order."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words
