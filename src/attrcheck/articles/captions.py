"""When does a paragraph after an image read as its caption?

A paragraph directly after an image (or the rest of the image's own paragraph) is part of the
image's caption when it

1. is emphasised as a whole (`*Photo: Jane Doe*`, `_..._`, `**...**`);
2. starts with a credit word — Photo, Photograph, Picture, Image, Credit, Source, Courtesy,
   Illustration, Graphic, Copyright, Attribution (and Foto, Bild, Bildrechte, Quelle, Crédit,
   Fotografía, Imagem, Beeld, Bron, Fonte, Fuente, Immagine, Kuva, Zdjęcie …), optionally a
   second one ("Photo credit", "Crédit photo"), then a separator (":", "/", "|", "—", "-", "©",
   "(c)"), a credit preposition ("by", "von", "de", "par", "door", "van", "courtesy", "via" …),
   an agency name, or — in a line of at most 80 characters — a capitalised name ("Beeld Lauren
   Hillebrandt"). "Photo by UKTI", "Foto: Jan", "Image courtesy of …" are captions; "Photos of
   the harbour were shared widely" is not;
3. starts with a news agency / stock library name (Reuters, AP, AFP, Getty, EPA, Shutterstock,
   Unsplash …) followed by a separator, by Photo/Images/Pool/… or nothing, or is at most 60
   characters long;
4. is at most 300 characters and has such a credit phrase later on, after a sentence break or
   in brackets ("Kelce and Swift after the game. (Photo by Ezra Shaw/Getty Images)",
   "… | Foto: Ramiro Furquim/Sul21");
5. is at most 120 characters and names an agency or stock library next to a separator
   ("Jorge Guerrero/AFP via Getty Images", "Andrey Suslov, Shutterstock");
6. is at most 80 characters, has at most 12 words and a "Name/Organisation" slash
   ("Kirk Hargreaves/Christchurch city council");
7. is at most 50 characters of 1 to 5 capitalised words without digits or closing punctuation:
   a bare name ("Giorgio von Arb", "National Archives and Records Administration");
8. carries a licence marker and is short: at most 600 characters for a Creative Commons
   reference ("CC BY-SA 2.5", "CC0", "Creative Commons", "creativecommons.org"), at most 240
   for "©", "(c)", "licence"/"license"/"licensed", "public domain", "all rights reserved".

Lengths count the paragraph's text without Markdown markup (link URLs do not count), with runs of
white space counted as one. The first paragraph that does not read as a caption ends the caption.
"""

from __future__ import annotations

from collections.abc import Iterator

CREDIT_WORDS = frozenset(
    """
    photo photos photograph photographs photography photographer photographed photocredit
    picture pictures pic pics image images img credit credits courtesy source sources
    illustration illustrations illustrated graphic graphics chart map video still stills
    copyright attribution artwork drawing rendering screenshot cartoon
    foto fotos fotografie fotograf fotografin bild bilder bildrechte quelle bildquelle fotoquelle
    crédit crédits credito crédito créditos crediti fotografía fotografia fotografias imagem
    imagens imagen imágenes immagine immagini beeld bron fonte fuente kuva zdjęcie źródło
    ilustración ilustração illustratie afbeelding abbildung grafik
    """.split()  # noqa: SIM905 - a word list reads better as text
)
CREDIT_PHRASES = (
    "cover photo", "cover image", "header image", "header photo", "hero image", "lead image",
    "main image", "top image", "featured image", "feature image", "photo credit", "image credit",
    "picture credit", "image source", "photo source", "photo courtesy", "image courtesy",
)  # fmt: skip
AGENCY_WORDS = frozenset(
    """
    reuters ap afp getty gettyimages epa pa dpa anp ansa efe xinhua keystone shutterstock alamy
    istock istockphoto thinkstock dreamstime depositphotos unsplash pexels pixabay wikimedia
    flickr nasa handout pool rex bloomberg
    """.split()  # noqa: SIM905
)
AMBIGUOUS_AGENCIES = frozenset({"ap", "pa", "epa", "rex", "pool", "nasa", "handout", "flickr"})
SEPARATOR_CHARS = ":/|—–-©(,;"
BREAK_CHARS = "(|.—–-:;[,"
PREPOSITIONS = frozenset(
    ["by", "von", "de", "del", "par", "door", "van", "di", "da", "por", "credit", "credits",
     "courtesy", "via", "from", "source", "taken", "copyright"]
)  # fmt: skip
AGENCY_FOLLOWERS = frozenset(["photo", "photos", "images", "image", "pictures", "wire", "via",
                              "pool", "handout", "news", "press"])  # fmt: skip
NAME_PARTICLES = frozenset(["von", "van", "de", "der", "den", "da", "di", "du", "le", "la", "y",
                            "of", "and", "&", "dos", "das", "del", "bin", "al"])  # fmt: skip
WEAK_MARKERS = ("©", "(c)", "licence", "license", "licensed", "lizenz", "licencia", "licença",
                "licenza", "public domain", "publicdomain", "all rights reserved", "gemeinfrei",
                "domaine public", "dominio público", "copyright")  # fmt: skip
LEADING_PUNCTUATION = " *_[(“\"'«„‘"
SHORT = 240
SHORT_CC = 600
SHORT_CREDIT_INSIDE = 300
SHORT_AGENCY_INSIDE = 120
SHORT_NAME_CREDIT = 80
SHORT_AGENCY = 60
SHORT_BARE_NAME = 50


def reads_as_caption(text: str, emphasised: bool = False) -> bool:
    """True when a paragraph's plain text (markup removed) reads as an image caption."""
    text = " ".join(text.split())
    if not text:
        return False
    if emphasised:
        return True
    lead = text.lstrip(LEADING_PUNCTUATION)
    if starts_with_credit_word(lead) or _starts_with_agency(lead):
        return True
    size = len(text)
    return (
        (size <= SHORT_CREDIT_INSIDE and _credit_phrase_inside(text))
        or (size <= SHORT_AGENCY_INSIDE and _agency_inside(text))
        or (size <= SHORT_NAME_CREDIT and _name_slash_organisation(text))
        or (size <= SHORT_BARE_NAME and _bare_name(text))
        or _licence_marker_rule(text)
    )


def starts_with_credit_word(text: str) -> bool:
    """'Photo: …', 'Picture by …', 'Crédit photo : …', 'Image courtesy of …', 'Foto de …'."""
    lowered = text.lower()
    phrase = next((p for p in CREDIT_PHRASES if lowered.startswith(p)), None)
    first, _ = _split_word(lowered)
    if phrase is not None:
        if phrase.split()[-1] in PREPOSITIONS:  # "photo courtesy", "image credit", "…source"
            return True
        position = len(phrase)
    elif first == "courtesy":
        return True
    elif first in CREDIT_WORDS:
        position = len(first)
    else:
        return False
    position = _skip_spaces(text, position)
    second, _ = _split_word(lowered[position:])
    if second in CREDIT_WORDS and second not in PREPOSITIONS:
        position = _skip_spaces(text, position + len(second))
    if position >= len(text):
        return False
    if text[position] in SEPARATOR_CHARS:
        return True
    following, _ = _split_word(lowered[position:])
    if following in PREPOSITIONS or following in AGENCY_WORDS:
        return True
    return len(text) <= SHORT_NAME_CREDIT and text[position].isupper()


def _starts_with_agency(text: str) -> bool:
    """'Reuters/Ola Berg', 'AP Photo/…', 'Getty Images', 'AFP via Getty Images', 'Reuters'."""
    first, rest = _split_word(text)
    if first.lower() not in AGENCY_WORDS or (
        first.lower() in AMBIGUOUS_AGENCIES and not first.isupper() and first.lower() != "pool"
    ):
        return False
    rest = rest.lstrip()
    if not rest or rest[0] in SEPARATOR_CHARS or len(text) <= SHORT_AGENCY:
        return True
    following, _ = _split_word(rest.lower())
    return following in AGENCY_FOLLOWERS


def _credit_phrase_inside(text: str) -> bool:
    """A credit phrase after a sentence break or bracket: '… (Photo by X)', '… | Foto: X'."""
    for start, word in _words(text):
        if start == 0 or word.lower() not in CREDIT_WORDS | {"courtesy"}:
            continue
        before = text[:start].rstrip()[-1:]
        if (word[0].isupper() or before in BREAK_CHARS) and starts_with_credit_word(text[start:]):
            return True
    return False


def _agency_inside(text: str) -> bool:
    """An agency next to a separator: 'Guerrero/AFP via Getty Images', 'Suslov, Shutterstock'."""
    for start, word in _words(text):
        lowered = word.lower()
        if lowered not in AGENCY_WORDS or (lowered in AMBIGUOUS_AGENCIES and not word.isupper()):
            continue
        before = text[:start].rstrip()
        after = text[start + len(word) :].lstrip()
        previous_word = before.rsplit(" ", 1)[-1].lower() if before else ""
        if (
            before[-1:] in ("/", "|", "(", "-", "–", "—")
            or after[:1] in ("/", "|", ")", "")
            or previous_word in ("via", "for", "by")
            or _split_word(after.lower())[0] in AGENCY_FOLLOWERS
        ):
            return True
    return False


def _name_slash_organisation(text: str) -> bool:
    """'Kirk Hargreaves/Christchurch city council', 'Ramiro Furquim/Sul21'."""
    if "://" in text or len(text.split()) > 12:
        return False
    for index, char in enumerate(text):
        if char == "/" and 0 < index < len(text) - 1:
            left, right = text[:index].rstrip()[-1:], text[index + 1 :].lstrip()[:1]
            if left.isalnum() and right.isalnum():
                return True
    return False


def _bare_name(text: str) -> bool:
    """'Roie Galitz', 'Giorgio von Arb': a few capitalised words, no digits, no full stop."""
    words = text.split()
    if not 1 <= len(words) <= 5 or text[-1] in ".!?:;," or any(c.isdigit() for c in text):
        return False
    capitalised = [word for word in words if word[0].isupper()]
    return bool(capitalised) and all(
        word[0].isupper() or word.lower() in NAME_PARTICLES for word in words
    )


def _licence_marker_rule(text: str) -> bool:
    if len(text) <= SHORT_CC and has_cc_marker(text):
        return True
    return len(text) <= SHORT and any(marker in text.lower() for marker in WEAK_MARKERS)


def has_licence_marker(text: str) -> bool:
    """A Creative Commons reference or a ©/licence/public domain mark anywhere in the text."""
    return has_cc_marker(text) or any(marker in text.lower() for marker in WEAK_MARKERS)


def has_cc_marker(text: str) -> bool:
    lowered = text.lower()
    if "creative commons" in lowered or "creativecommons.org" in lowered:
        return True
    for _, word in _words(text):
        upper = word.upper()
        if upper in ("CC", "CC0") or upper.startswith("CCBY"):
            return True
    return False


def _split_word(text: str) -> tuple[str, str]:
    """The leading run of letters of `text`, and the rest."""
    end = 0
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:end], text[end:]


def _skip_spaces(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) for each run of letters and digits."""
    start = -1
    for index, char in enumerate(text):
        if char.isalnum():
            if start < 0:
                start = index
        elif start >= 0:
            yield start, text[start:index]
            start = -1
    if start >= 0:
        yield start, text[start:]
