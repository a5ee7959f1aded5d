"""When does a paragraph after an image read as its caption?

A paragraph directly after a Markdown image (or in the same paragraph after a line break) is part
of the image's caption when it

1. is emphasised as a whole (`*Photo: Jane Doe*`, `_..._`, `**...**`), or
2. starts with a credit word — Photo, Photograph, Picture, Image, Credit, Source, Courtesy,
   Illustration, Graphic, Copyright, Attribution (and Foto, Bild, Quelle, Crédit, Fotografía,
   Imagem, Beeld, Bron, Fonte, Fuente, Immagine, Kuva, Zdjęcie …) — followed by a separator
   (":", "/", "by", "—" …) or in a paragraph of at most 300 characters, or
3. starts with a news agency / stock library name (Reuters, AP, AFP, Getty Images, Shutterstock,
   Unsplash …) and is short (at most 240 characters), or
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
SEPARATORS = (":", "/", "|", "—", "–", "-", "©", "by", "von", "de", "par", "door", "di", "por",
              "credit", "courtesy", "via", "from", "source")  # fmt: skip
LICENCE_MARKERS = ("creative commons", "©", "(c)", "licence", "license", "licensed", "lizenz",
                   "licencia", "licença", "licenza", "public domain", "publicdomain",
                   "all rights reserved", "gemeinfrei", "domaine public", "dominio público",
                   "copyright")  # fmt: skip
SHORT = 240
CREDIT_WORD_PARAGRAPH = 300


def reads_as_caption(text: str, emphasised: bool = False) -> bool:
    """True when a paragraph's plain text (markup removed) reads as an image caption."""
    text = text.strip()
    if not text:
        return False
    if emphasised:
        return True
    words = _leading_words(text, 3)
    if _starts_with_credit_word(text, words):
        return True
    if len(text) <= SHORT and words and words[0] in AGENCY_WORDS:
        return True
    return len(text) <= SHORT and has_licence_marker(text)


def has_licence_marker(text: str) -> bool:
    lowered = text.lower()
    if any(marker in lowered for marker in LICENCE_MARKERS):
        return True
    for word in _words(text):
        upper = word.upper()
        if upper in ("CC", "CC0") or upper.startswith("CCBY"):
            return True
    return False


def _starts_with_credit_word(text: str, words: list[str]) -> bool:
    if not words:
        return False
    lowered = text.lower()
    phrase = next((p for p in CREDIT_PHRASES if lowered.startswith(p)), None)
    if phrase is None and words[0] not in CREDIT_WORDS:
        return False
    if len(text) <= CREDIT_WORD_PARAGRAPH:
        return True
    rest = lowered[len(phrase) if phrase else len(words[0]) :].lstrip(" s")
    return rest.startswith(SEPARATORS)


def _leading_words(text: str, count: int) -> list[str]:
    words: list[str] = []
    for word in _words(text.lower()):
        words.append(word)
        if len(words) == count:
            break
    return words


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
