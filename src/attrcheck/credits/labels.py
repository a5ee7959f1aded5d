"""Where credits sit in a caption: the credit labels and the body each one introduces.

A label is a phrase that introduces a credited party: "Photo by", "Foto:", "Crédit photo :",
"Image courtesy of the", "©", "AP Photo/", a title's "by", "Beeld" at the start of a segment.
The body runs from the label to the first of: the next label, a sentence end, a line break, a
closing bracket that was opened before the label, a semicolon, a licence grant ("is licensed
under"), a change note ("cropped"), or ", with".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from attrcheck.credits.lexicon import (
    ABBREVIATIONS,
    AUTHOR_VERBS,
    BARE_LABELS,
    COLON_LABELS,
    FOREIGN_BY,
    WORK_NOUNS,
)

LabelKind = Literal["strong", "courtesy", "copyright", "agency", "by", "from", "bare"]


def _alternation(words: Sequence[str]) -> str:
    """A regex matching any of `words` (longest first), as a trie so a miss fails fast."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in {word.lower() for word in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends_here = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


_WORKS = _alternation(WORK_NOUNS)
_LABEL_RE = re.compile(
    rf"""
    (?:(?<!\w)(?=\w)|(?=[©(]))  # only at the start of a word (fast rejection elsewhere)
    (?:(?P<agency>(?-i:\b(?P<agency_name>[A-Z][A-Za-z]{{1,9}})\s+(?:PHOTOS?|Photos?|FOTOS?|Fotos?))\s*/)
    |(?P<courtesy>\b(?:(?:{_WORKS})\s+)?courtesy(?:\s+of)?(?:\s+the\b)?(?:\s*:)?
        |\bcortes[ií]a(?:\s+(?:de|di|da|do)\b)?(?:\s*:)?
        |\bmit\s+freundlicher\s+genehmigung(?:\s+(?:von|der|des)\b)?(?:\s*:)?
        |\bavec\s+l[’']aimable\s+autorisation\s+(?:de\s+la|de|du|des)\b
        |\bper\s+gentile\s+concessione\s+(?:di|del|della|dello)\b
        |\bmet\s+dank\s+aan\b)
    |(?P<strong>\b(?:(?:official\s+)?(?:{_WORKS})|{_alternation(AUTHOR_VERBS)})\s+by\b\s*:?)
    |(?P<foreign>\b{FOREIGN_BY}\b\s*:?)
    |(?P<colon>(?<![\w/.])(?:{_alternation(COLON_LABELS)})\s*:(?!//))
    |(?P<credit>\b(?:please\s+credit|credit\s+to|(?:photo|image|picture)\s+credits?)\b\s*:?
        |\bcredits?\s*(?:\.{{2,}}|…))
    |(?P<copyright>©|\(c\)(?=\s)|(?<![\w-])copyright\b|\bcopr\.)
    |(?P<from>\b(?:(?:{_WORKS})|taken|retrieved|reproduced)\s+from\b)
    |(?P<bare>(?:^|(?<=[(|]\s)|(?<=[(|])|(?<=\.\s))(?:{_alternation(BARE_LABELS)})\s+(?=(?-i:[A-Z])))
    |(?P<by>\bby\b(?!-)))
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _first_words(phrases: Sequence[str]) -> set[str]:
    return {re.split(r"[\s/.]+", phrase.lower())[0] for phrase in phrases if phrase}


_START_WORDS = frozenset(
    _first_words(WORK_NOUNS)
    | _first_words(AUTHOR_VERBS)
    | _first_words(COLON_LABELS)
    | _first_words(BARE_LABELS)
    | {"by", "official", "courtesy", "cortesia", "cortesía", "mit", "avec", "per", "met", "please",
       "credit", "credits", "copyright", "copr", "taken", "retrieved", "reproduced", "ilustración",
       "ilustracion", "ilustração", "ilustracao", "illustration", "foto", "fotografía",
       "fotografia", "fotografie", "imagen", "imagem", "photo", "photographie", "dessin", "bild",
       "grafik", "zeichnung", "tekening", "illustrasjon", "kuva"}
)  # fmt: skip

_START_LOWER_RE = re.compile(rf"(?<![\w-])(?:{_alternation(sorted(_START_WORDS))})(?!\w)|©|\(c\)")
_PHOTO_SLASH = re.compile(r"(?:photo|foto)s?\s*/")
_AGENCY_START_RE = re.compile(r"\b[A-Z][A-Za-z]{1,9}(?=\s+(?:PHOTOS?|Photos?|FOTOS?|Fotos?)\s*/)")
_START_RE = re.compile(
    rf"(?<![\w-])(?:{_alternation(sorted(_START_WORDS))})(?!\w)|©|\(c\)"
    r"|(?-i:\b[A-Z][A-Za-z]{1,9}(?=\s+(?:PHOTOS?|Photos?|FOTOS?|Fotos?)\s*/))",
    re.IGNORECASE,
)

_GROUP_KIND: dict[str, LabelKind] = {
    "agency": "agency", "courtesy": "courtesy", "strong": "strong", "foreign": "strong",
    "colon": "strong", "credit": "strong", "copyright": "copyright", "from": "from",
    "bare": "bare", "by": "by",
}  # fmt: skip

_LICENCE_GRANT = re.compile(
    r",?\s*\b(?:(?:is|are|was)\s+)?(?:licen[cs]ed|distributed|published|released|available|"
    r"shared|marked|dedicated|lizenziert|licenciad[ao]|sous\s+licence|bajo\s+licencia|"
    r"under\s+(?:a|the)\b)"
    r"|\bthis\s+(?:work|image|photo|file)\b",
    re.IGNORECASE,
)
_CHANGE_START = re.compile(
    r"[,(]?\s*\b(?:cropped|adapted|edited|modified|retouched|colou?ri[sz]ed|ausschnitt|"
    r"bearbeitet|beschnitten|recadr[ée]e?s?|modifi[ée]e?s?|recortad[ao]|bewerkt)\b",
    re.IGNORECASE,
)
_STRUCTURE = re.compile(r"[()\[\]\n;.!?]")
_SEGMENT_END = re.compile(r"[|\n.!?]")
_GRANT_TRIGGERS = (
    "licen", "distributed", "published", "released", "available", "shared", "lizenz", "sous",
    "marked", "dedicated",
    "bajo", "under", "this",
)  # fmt: skip
# Substrings without which no change note can match.
CHANGE_TRIGGERS = (
    "crop", "adapt", "edit", "modif", "retouch", "colori", "resiz", "deriv", "ausschnitt",
    "bearbeit", "veränder", "beschnitt", "recadr", "recort", "bewerkt", "uitsnede", "beskår",
    "beskar", "redigert", "rajattu", "muokattu", "detail",
)  # fmt: skip
_WITH = re.compile(r",?\s+with\s+(?!permission)", re.IGNORECASE)
_QUOTES_CLOSE = "\"”’'»“"
_PAST_PARTICIPLE = re.compile(r"(?:ed|en|wn)$", re.IGNORECASE)
_STRONG_VERBS = frozenset(AUTHOR_VERBS)


@dataclass(frozen=True)
class Label:
    kind: LabelKind
    start: int
    end: int
    text: str
    agency: str | None = None  # "AP" of "AP Photo/"
    after_title: bool = False  # a "by" right after a quoted title or a link


@dataclass(frozen=True)
class Body:
    label: Label
    start: int
    end: int
    text: str
    grant: bool  # the body ended at a licence grant ("is licensed under")


def find_labels(
    text: str, blocked: Sequence[tuple[int, int]], link_ends: frozenset[int]
) -> list[Label]:
    """Credit labels in reading order, leaving out any inside a licence reference."""
    labels = []
    resume = 0
    for position in _candidate_starts(text):
        if position < resume:
            continue
        match = _LABEL_RE.match(text, position)
        if match is None:
            continue
        resume = match.end()
        if any(start < match.end() and match.start() < end for start, end in blocked):
            continue
        kind = _GROUP_KIND[match.lastgroup or "by"]
        if kind == "strong" and match.group(0).lower().startswith("copyright"):
            kind = "copyright"
        label = Label(kind, match.start(), match.end(), match.group(0), match.group("agency_name"))
        checked = _classify_by(text, label, link_ends) if kind == "by" else label
        if checked is not None:
            labels.append(checked)
    return labels


def _candidate_starts(text: str) -> list[int]:
    """Where a label may start: a word that begins some label, "AP" before "Photo/", ©, (c)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters change length when lower-cased
        return [match.start() for match in _START_RE.finditer(text)]
    starts = [match.start() for match in _START_LOWER_RE.finditer(lowered)]
    if "/" in text and _PHOTO_SLASH.search(lowered):
        starts = sorted({*starts, *(match.start() for match in _AGENCY_START_RE.finditer(text))})
    return starts


def _classify_by(text: str, label: Label, link_ends: frozenset[int]) -> Label | None:
    """A bare "by": after a title or link it is strong; after a participle it is no credit."""
    before = text[: label.start].rstrip()
    if not before:
        return label
    if before[-1] in _QUOTES_CLOSE or len(before) in link_ends:
        return Label("by", label.start, label.end, label.text, after_title=True)
    previous = before.split()[-1].lower().strip(",.;:")
    if previous in _STRONG_VERBS:
        return label
    if _PAST_PARTICIPLE.search(previous) or previous in ("edited", "modified", "adapted"):
        return None
    return label


def bodies(text: str, labels: Sequence[Label], blocked: Sequence[tuple[int, int]]) -> list[Body]:
    """The body each label introduces (empty bodies left out)."""
    found = []
    for index, label in enumerate(labels):
        limit = labels[index + 1].start if index + 1 < len(labels) else len(text)
        end, grant = body_end(text, label.end, limit, blocked)
        body = text[label.end : end]
        if body.strip():
            found.append(Body(label, label.end, end, body, grant))
    return found


def body_end(
    text: str, start: int, limit: int, blocked: Sequence[tuple[int, int]] = ()
) -> tuple[int, bool]:
    """Where a credit body starting at `start` ends (at most `limit`), and whether at a grant."""
    end = _structural_end(text, start, limit, blocked)
    window = text[start:end]
    lowered = window.lower()
    size = len(window)
    grant_end = _first(_LICENCE_GRANT, window, lowered, _GRANT_TRIGGERS)
    change = _first(_CHANGE_START, window, lowered, CHANGE_TRIGGERS)
    cut = min(grant_end, change, _first(_WITH, window, lowered, (" with ",)))
    return start + cut, grant_end == cut and grant_end < size


def contains_any(text: str, words: Sequence[str]) -> bool:
    """Whether `text` contains one of `words` (a cheap test before a costly regex)."""
    for word in words:  # noqa: SIM110 (a plain loop is faster than any() over a generator)
        if word in text:
            return True
    return False


def _first(pattern: re.Pattern[str], window: str, lowered: str, triggers: Sequence[str]) -> int:
    if not contains_any(lowered, triggers):
        return len(window)
    match = pattern.search(window)
    return match.start() if match else len(window)


def _structural_end(text: str, start: int, limit: int, blocked: Sequence[tuple[int, int]]) -> int:
    depth = 0
    for match in _STRUCTURE.finditer(text, start, limit):
        char = match.group(0)
        position = match.start()
        if char in "([":
            depth += 1
        elif char in ")]":
            if depth == 0:
                return position
            depth -= 1
        elif char in "\n;" or (depth == 0 and _sentence_ends(text, position, blocked)):
            return position
    return limit


def _sentence_ends(text: str, position: int, blocked: Sequence[tuple[int, int]]) -> bool:
    following = text[position + 1 : position + 3]
    if following and not following[0].isspace() and following[0] not in "\"'”’)":
        return False  # "geograph.org.uk", "2.0"
    if any(start <= position < end for start, end in blocked):
        return False
    if text[position] != ".":
        return True
    before = text[max(0, position - 40) : position]
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("([\"'“")
    if (len(word) == 1 and word.isalpha()) or "." in word:
        return False  # an initial ("Carol M. Highsmith") or "U.S."
    if word.lower() in ABBREVIATIONS:
        return False
    rest = text[position + 1 : position + 12].lstrip()
    return not rest or not rest[0].islower()


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence or bracketed/piped segment, for credits without a label."""
    start = 0
    for match in _SEGMENT_END.finditer(text):
        position = match.start()
        if match.group(0) in "|\n" or _sentence_ends(text, position, ()):
            yield start, position
            start = position + 1
    yield start, len(text)
