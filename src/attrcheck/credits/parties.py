"""Who a credit names: the bodies after credit labels, split into pieces and classified.

`credited_parties(text, labels, blocked, licences)` returns the creators and organisations of
a caption, each with its position (for reading order). The conventions, in order: the
"Author, Licence, via Wikimedia Commons" line (author taken whole); credit labels and their
bodies (labels found by `labels.py`); without a label, a whole segment that is nothing but names;
last, the name right before a licence. A body is split at "/", ",", "|", " via ", " on ",
" for ", " from ", dashes and "and"; the first person or handle is the creator, agencies and
platforms are organisations, a handle after the creator is the agency ("Ramiro Furquim/Sul21").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from attrcheck.credits.labels import Body, Label, bodies, split_sentences
from attrcheck.credits.lexicon import AND_WORDS, MONTHS, NAME_PARTICLES, STOCK_LIBRARIES, URL_RE
from attrcheck.credits.names import (
    classify,
    hyphen_split,
    is_known_or_acronym,
    organisation_name,
)
from attrcheck.model import CreditLicence

MAX_AUTHOR_CHARS = 120
MAX_UNLABELLED_WORDS = 16
_SEPARATORS = re.compile(
    r"(?=[\s,/|;\x00+•·\-–—])"  # every separator starts so: a cheap test at each position
    r"(?:\s*(?:[,/|;\x00+•·]|\s(?:via|on|for|from|bei|auf|sur|en|para|pour|für|per)\s|\s[-–—]\s"
    r"|\s:\s)\s*"
    r"|\s[-–—]$|^[-–—]\s)",
    re.IGNORECASE,
)
_AND = re.compile(rf"\s+(?:{'|'.join(re.escape(word) for word in AND_WORDS)})\s+", re.IGNORECASE)
_CONNECTORS = frozenset(
    ["via", "on", "for", "from", "by", "with", "and", "bei", "von", "de", "par"]
)
_LEADING_CONNECTOR = re.compile(r"^(?:via|on|for|from|by|with|and|bei|von|de|par)\s+", re.I)
_BY_WORD = re.compile(r"\b(?:by|de|von|par|por|di|door|van|av|af)\s*:?\s*$", re.IGNORECASE)
_VIA_PLATFORM = re.compile(
    r"\s*[\])]?\s*,?\s*via\s+(Wikimedia\s+Commons|Wikipedia|Flickr)\b", re.IGNORECASE
)
_SOURCE_NOTE = re.compile(r"\s*\([^()]*\)$")  # "(Own work)" after a Commons author
_ET_AL = re.compile(r",?\s*(?:et\s+al\.?|and\s+others)\s*$", re.IGNORECASE)
_PLURAL_LABEL = re.compile(
    r"\b(?:photos|photographs|pictures|images|fotos|bilder|credits|crédits|illustrations)\b", re.I
)
_LAST_DASH = re.compile(r"\s[–—-]\s(?!.*\s[–—-]\s)")
_WHOLE_URL = re.compile(r"://|^www\.|/.*[/\d?=#]")
_CLAUSE_BREAK = re.compile(r"[,;:|()\[\]\n]|(?<=[a-z0-9]{2})[.!?]\s")
_NOT_ORGANISATION = frozenset(["official", "an", "a", "the", "staff", "file", "pool", "handout"])
_RUN_BREAKS = frozenset(":()[]")
_NAME_TOKEN = re.compile(r"[^\s,;:()\[\]]+")


class Found:
    """Parties collected with their positions, so the result is in reading order."""

    __slots__ = ("creators", "organisations")

    def __init__(self) -> None:
        self.creators: list[tuple[int, str]] = []
        self.organisations: list[tuple[int, str]] = []

    def add_creator(self, position: int, name: str) -> None:
        self.creators.append((position, name))

    def add_organisation(self, position: int, name: str) -> None:
        self.organisations.append((position, name))

    def has_parties(self) -> bool:
        return bool(self.creators or self.organisations)

    def extend(self, other: Found) -> None:
        self.creators.extend(other.creators)
        self.organisations.extend(other.organisations)


def credited_parties(
    text: str, labels: Sequence[Label], blocked: Sequence[tuple[int, int]],
    licences: Sequence[CreditLicence],
) -> Found:  # fmt: skip
    commons = _platform_form(text, labels, licences)
    if commons is not None:
        return commons
    strong = Found()
    weak = Found()
    credit_bodies = bodies(text, labels, blocked)
    for body in credit_bodies:
        target = weak if body.label.kind == "by" and not body.label.after_title else strong
        target.extend(_read_body(text, body, blocked))
    if strong.has_parties():
        return _with_name_before_licence(text, strong, licences)
    if weak.has_parties():
        return _with_name_before_licence(text, weak, licences)
    if any(body.label.kind != "by" for body in credit_bodies):
        return _with_name_before_licence(text, Found(), licences)  # a label crediting nobody
    return _with_name_before_licence(text, _unlabelled(text, blocked), licences)


def _platform_form(
    text: str, labels: Sequence[Label], licences: Sequence[CreditLicence]
) -> Found | None:
    """ "Author, CC BY-SA 4.0, via Wikimedia Commons": everything before the licence is the author
    (Commons' own attribution line; the author field is taken whole, "et al." dropped). In the
    older form "By Author (Own work) [CC BY-SA 4.0 (URL)], via Wikimedia Commons" the bracket
    after the author names the source, not the author."""
    if not licences:
        return None
    start, end = licences[0].span
    via = _VIA_PLATFORM.match(text, end)
    before = text[:start].rstrip()
    if via is None or not before.endswith((",", "[")):
        return None
    if any(0 < label.start < start for label in labels):
        return None
    author = _ET_AL.sub("", re.sub(r"^by\s+", "", before[:-1].strip(), flags=re.IGNORECASE))
    author = author.strip(" ,")
    if before.endswith("["):
        author = _SOURCE_NOTE.sub("", author) or author
    found = Found()
    found.add_organisation(via.start(1), " ".join(via.group(1).split()))
    part = classify(author, lenient=True)
    offset = text.find(author) if author else 0
    if part.kind == "org":
        found.add_organisation(offset, part.text)
    elif part.kind not in ("placeholder", "skip") and 0 < len(author) <= MAX_AUTHOR_CHARS:
        found.add_creator(offset, part.text if part.kind == "user" else author)
    return found


def _with_name_before_licence(text: str, found: Found, licences: Sequence[CreditLicence]) -> Found:
    if not found.creators and licences:
        _name_before_licence(text, licences[0].span[0], found)
    return found


def _read_body(text: str, body: Body, blocked: Sequence[tuple[int, int]]) -> Found:
    found = Found()
    label = body.label
    if label.kind == "agency" and label.agency:
        found.add_organisation(label.start, label.agency)
    if label.kind in ("strong", "courtesy", "bare"):
        _preceding_organisation(text, label, blocked, found)
    start, end = body.start, body.end
    if label.kind == "copyright":
        start += _year_prefix(text[start:end])
    if label.kind == "by" and label.after_title and body.grant:
        _read_author_field(text, start, end, blocked, found)
        return found
    if label.kind == "by" and not label.after_title:
        first = text[start:end].lstrip()[:1]
        if not first or not (first.isupper() or first == "@" or first.isdigit()):
            return found
    plural = bool(_PLURAL_LABEL.search(label.text))
    lower_names = label.after_title or (
        label.kind == "strong" and bool(_BY_WORD.search(label.text))
    )
    _read_parties(
        text, start, end, blocked, found, lenient=True, plural=plural, lower_names=lower_names
    )
    return found


def _year_prefix(body: str) -> int:
    match = re.match(r"\s*\d{4}(?:\s*[-–]\s*\d{2,4})?\b\s*,?", body)
    return match.end() if match else 0


def _read_author_field(
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]], found: Found
) -> None:
    """The author of a "Title" by Author is licensed under ... sentence, taken whole."""
    masked = _masked(text, start, end, blocked).split("\x00")[0]
    name = " ".join(masked.split()).strip(" .,;:")
    if not name or len(name) > MAX_AUTHOR_CHARS:
        return
    offset = start + len(masked) - len(masked.lstrip())
    part = classify(name, lenient=True)
    if part.kind in ("skip", "placeholder"):
        return
    for organisation in part.extra_organisations:
        found.add_organisation(offset, organisation)
    found.add_creator(offset, part.text if part.kind in ("person", "handle", "user") else name)


def _read_parties(
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]], found: Found,
    *, lenient: bool, plural: bool = False, lower_names: bool = False,
) -> bool:  # fmt: skip
    """Classify the pieces of text[start:end]; False when a piece is not a name (stops there)."""
    creator_slot_used = False
    pieces = _pieces(_masked(text, start, end, blocked), start)
    for index, (position, piece, joined) in enumerate(pieces):
        part = classify(piece, lenient=lenient, lower_names=lower_names and index == 0)
        last = part.kind == "bad" and ". " in piece and len(piece.split(". ", 1)[0]) > 3
        if last:
            part = classify(piece.split(". ", 1)[0], lenient=lenient)  # "Jane Doe. a view of"
        for organisation in part.extra_organisations:
            found.add_organisation(position, organisation)
        kind = part.kind
        if kind == "org" and index == 0 and _stock_library_follows(pieces):
            kind = "handle"  # "SDI Productions, iStock": the contributor's name
        if kind == "titled":
            kind = "org"  # "The Verge", "The Economist"
        if kind == "bad":
            return False
        if kind == "placeholder":
            creator_slot_used = True
        elif (
            kind == "user"
            or (kind == "person" and (plural or not creator_slot_used))
            or (kind == "handle" and (joined or not creator_slot_used))
        ):
            found.add_creator(position, part.text)
            creator_slot_used = True
        elif kind == "person" and joined:
            found.add_creator(position, part.text)
        elif kind != "skip":
            found.add_organisation(position, part.text)
        if last:
            return False
    return True


def _stock_library_follows(pieces: Sequence[tuple[int, str, bool]]) -> bool:
    if len(pieces) < 2 or is_known_or_acronym(pieces[0][1]):
        return False
    return pieces[1][1].strip().lower() in STOCK_LIBRARIES


def _masked(text: str, start: int, end: int, blocked: Sequence[tuple[int, int]]) -> str:
    """text[start:end] with licence references replaced by \\x00 (a separator) of equal length."""
    if not any(span_start < end and start < span_end for span_start, span_end in blocked):
        return text[start:end]
    window = list(text[start:end])
    for span_start, span_end in blocked:
        for index in range(max(span_start, start), min(span_end, end)):
            window[index - start] = "\x00"
    return "".join(window)


def _pieces(window: str, offset: int) -> list[tuple[int, str, bool]]:
    """(position, text, joined-by-"and") for each piece of a credit body; a URL is one piece."""
    return [(offset + start, piece, joined) for start, piece, joined in _relative_pieces(window)]


@lru_cache(maxsize=8192)
def _relative_pieces(window: str) -> tuple[tuple[int, str, bool], ...]:
    """The pieces of one credit body (cached: sites repeat their credit lines)."""
    pieces: list[tuple[int, str, bool]] = []
    cursor = 0
    for url in URL_RE.finditer(window) if "." in window else ():
        if not _WHOLE_URL.search(url.group(0)):
            continue  # "iStock.com/fizkes": a domain, then a name
        _split_chunks(pieces, window[cursor : url.start()], cursor)
        pieces.append((url.start(), url.group(0), False))
        cursor = url.end()
    _split_chunks(pieces, window[cursor:], cursor)
    return tuple(pieces)


def _split_chunks(pieces: list[tuple[int, str, bool]], window: str, offset: int) -> None:
    cursor = 0
    for match in _SEPARATORS.finditer(window):
        _add_chunk(pieces, window[cursor : match.start()], offset + cursor)
        cursor = match.end()
    _add_chunk(pieces, window[cursor:], offset + cursor)


def _add_chunk(pieces: list[tuple[int, str, bool]], chunk: str, position: int) -> None:
    stripped = chunk.strip()
    if stripped.partition(" ")[0].lower() in _CONNECTORS:
        stripped = _LEADING_CONNECTOR.sub("", stripped)
    if not stripped.strip(" .\x00"):
        return
    position += chunk.find(stripped[:3]) if stripped[:3] in chunk else 0
    split = hyphen_split(stripped)
    if split is not None:
        pieces.extend((position, piece, False) for piece in split)
        return
    if _AND.search(stripped) and organisation_name(stripped) is None:
        cursor = 0
        for index, match in enumerate(_AND.finditer(stripped)):
            pieces.append((position + cursor, stripped[cursor : match.start()], index > 0))
            cursor = match.end()
        pieces.append((position + cursor, stripped[cursor:], True))
        return
    pieces.append((position, stripped, False))


def _preceding_organisation(
    text: str, label: Label, blocked: Sequence[tuple[int, int]], found: Found
) -> None:
    """ "Official White House Photo by X": the words right before the label name an organisation
    (not a licence: "CC BY photo by X")."""
    window_start = max(0, label.start - 60)
    for _, span_end in blocked:
        if window_start < span_end <= label.start:
            window_start = span_end
    before = text[window_start : label.start]
    segment = _CLAUSE_BREAK.split(before)[-1].strip()
    words = [word for word in segment.split() if word.lower() not in _NOT_ORGANISATION]
    if not words or len(words) > 5:
        return
    candidate = " ".join(words)
    if not candidate[:1].isupper():
        return
    name = organisation_name(candidate)
    if name is not None:
        found.add_organisation(label.start - len(segment), name)


def _unlabelled(text: str, blocked: Sequence[tuple[int, int]]) -> Found:
    """A caption without a label: credited only when a whole segment is nothing but names."""
    tried: set[str] = set()
    for start, end in _unlabelled_candidates(text):
        key = text[start:end].strip(" .()")
        if key in tried:
            continue
        tried.add(key)
        if text.count(" ", start, end) >= MAX_UNLABELLED_WORDS:
            continue  # a sentence, not a credit line
        if _outer_brackets(text, start, end):
            start, end = start + 1, end - 1
        found = Found()
        if _read_parties(text, start, end, blocked, found, lenient=True) and _credible(found, text):
            return found
    return Found()


def _unlabelled_candidates(text: str) -> Iterator[tuple[int, int]]:
    """The segments that may be a credit, in the order they are tried (each found only when the
    ones before it were not a credit): the whole caption, its last bracket, its last sentence,
    what follows its last dash."""
    yield 0, len(text)
    stripped = text.rstrip(" .")
    if stripped.endswith(")") and "(" in stripped:
        yield stripped.rindex("(") + 1, len(stripped) - 1
    segments = [
        segment for segment in split_sentences(text) if text[segment[0] : segment[1]].strip()
    ]
    if len(segments) > 1:
        yield segments[-1]
    dash = _LAST_DASH.search(text)
    if dash is not None:
        yield dash.end(), len(text)  # "A caption — Jane Doe/Reuters"


def _outer_brackets(text: str, start: int, end: int) -> bool:
    window = text[start:end].strip()
    return len(window) > 2 and window[0] == "(" and window.rstrip(".")[-1] == ")"


def _credible(found: Found, text: str) -> bool:
    """Names alone are a credit when an organisation is among them, or a person is named."""
    if found.organisations:
        return True
    for _, name in found.creators:
        if " " in name or any(char.isupper() or char.isdigit() or char == "_" for char in name):
            return True
    return False


def _name_before_licence(text: str, licence_start: int, found: Found) -> None:
    """ "... February 2007 Nino Barbieri CC BY-SA 2.5": the capitalised run right before it."""
    before = text[max(0, licence_start - 80) : licence_start]
    tokens = list(_NAME_TOKEN.finditer(before))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
        if run and _RUN_BREAKS.intersection(before[token.end() : run[0].start()]):
            break  # "Foto: Rijksmuseum (publiek domein)": a label or a bracket ends the run
        if _is_run_word(word) and len(run) < 5:
            run.insert(0, token)
            continue
        break
    while run and (run[0].group(0).lower() in NAME_PARTICLES or run[0].group(0).lower() in MONTHS):
        run.pop(0)
    if not run:
        return
    name = before[run[0].start() : run[-1].end()]
    part = classify(name)
    position = licence_start - len(before) + run[0].start()
    if part.kind in ("person", "handle", "user"):
        found.add_creator(position, part.text)
    elif part.kind == "org":
        found.add_organisation(position, part.text)


def _is_run_word(word: str) -> bool:
    if URL_RE.fullmatch(word) or "://" in word:
        return False
    return word[:1].isupper() or word.lower() in NAME_PARTICLES
