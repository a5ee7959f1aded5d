"""caption -> Credit: markup to plain text, licences, labels and bodies, parties, title, notes.

Reading order of the rules, as a picture editor reads a credit line:
1. markup away (`markup.to_plain`), keeping the links and their spans;
2. licence references (`licence_refs`), so their words ("CC BY") are never read as names;
3. credit labels and their bodies (`labels`); each body is split at "/", ",", "|", " via ",
   " on ", " for ", " from ", dashes and "and", and each piece classified (`names`): the first
   person or handle is the creator, agencies and platforms are organisations, a handle after
   the creator is the agency ("Ramiro Furquim/Sul21"), one before is the creator;
4. without any label: the whole caption, its last bracket or its last sentence when it is
   nothing but names ("Kirk Hargreaves/Christchurch city council"), else the name right before
   a licence ("Nino Barbieri CC BY-SA 2.5");
5. platforms named by link targets (a Flickr photo page -> Flickr), statements, change note,
   title, link roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from attrcheck.credits.labels import Body, Label, bodies, find_labels, split_sentences
from attrcheck.credits.lexicon import AND_WORDS, MONTHS, NAME_PARTICLES, STOCK_LIBRARIES, URL_RE
from attrcheck.credits.licence_refs import LicenceLink, find_licences, licence_links
from attrcheck.credits.markup import Link, Plain, to_plain
from attrcheck.credits.names import (
    classify,
    hyphen_split,
    is_known_or_acronym,
    organisation_name,
    platform_for_url,
)
from attrcheck.credits.statements import find_change_note, find_statements
from attrcheck.errors import CreditError
from attrcheck.model import Credit, CreditLicence, CreditLink

Role = Literal["licence", "creator", "source", "platform", "other"]
MAX_CAPTION_CHARS = 10_000
MAX_CACHED_CHARS = 600  # longer captions are rare and not worth keeping in memory
MAX_AUTHOR_CHARS = 120
MAX_UNLABELLED_WORDS = 16
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEPARATORS = re.compile(
    r"\s*(?:[,/|;\x00+•·]|\s(?:via|on|for|from|bei|auf|sur|en|para|pour|für|per)\s|\s[-–—]\s"
    r"|\s:\s)\s*"
    r"|\s[-–—]$|^[-–—]\s",
    re.IGNORECASE,
)
_AND = re.compile(rf"\s+(?:{'|'.join(re.escape(word) for word in AND_WORDS)})\s+", re.IGNORECASE)
_CONNECTORS = frozenset(
    ["via", "on", "for", "from", "by", "with", "and", "bei", "von", "de", "par"]
)
_LEADING_CONNECTOR = re.compile(r"^(?:via|on|for|from|by|with|and|bei|von|de|par)\s+", re.I)
_QUOTE_PAIRS = {'"': '"', "”": "“", "“": "“", "’": "‘", "»": "«", "«": "»", "'": "'"}
_GENERIC_TITLES = frozenset(
    [
        "figure",
        "photo",
        "image",
        "picture",
        "this",
        "here",
        "link",
        "source",
        "original",
        "file",
        "graphic",
        "icon",
        "map",
        "chart",
        "illustration",
        "video",
        "screenshot",
        "photograph",
        "foto",
        "bild",
    ]
)
_WORK_PAGE = re.compile(
    r"/photos/[^/]+/\d+|/wiki/File:|/wiki/Datei:|unsplash\.com/photos/|/status/\d+|pexels\.com/"
    r"photo/|pixabay\.com/\w+/[^/]+-\d+|geograph\.org\.uk/p(?:hoto)?/\d+|/p/\d+|/term/|/icon/",
    re.IGNORECASE,
)
_BY_WORD = re.compile(r"\b(?:by|de|von|par|por|di|door|van|av|af)\s*:?\s*$", re.IGNORECASE)
_VIA_PLATFORM = re.compile(
    r"\s*[\])]?\s*,?\s*via\s+(Wikimedia\s+Commons|Wikipedia|Flickr)\b", re.IGNORECASE
)
_ET_AL = re.compile(r",?\s*(?:et\s+al\.?|and\s+others)\s*$", re.IGNORECASE)
_PLURAL_LABEL = re.compile(
    r"\b(?:photos|photographs|pictures|images|fotos|bilder|credits|crédits|illustrations)\b", re.I
)
_LAST_DASH = re.compile(r"\s[–—-]\s(?!.*\s[–—-]\s)")
_WHOLE_URL = re.compile(r"://|^www\.|/.*[/\d?=#]")
_CLAUSE_BREAK = re.compile(r"[,;:|()\[\]\n]|(?<=[a-z0-9]{2})[.!?]\s")
_NOT_ORGANISATION = frozenset(["official", "an", "a", "the", "staff", "file", "pool", "handout"])
_NAME_TOKEN = re.compile(r"[^\s,;:()\[\]]+")


@dataclass
class _Found:
    """Parties collected with their positions, so the result is in reading order."""

    creators: list[tuple[int, str]] = field(default_factory=list)
    organisations: list[tuple[int, str]] = field(default_factory=list)

    def add_creator(self, position: int, name: str) -> None:
        self.creators.append((position, name))

    def add_organisation(self, position: int, name: str) -> None:
        self.organisations.append((position, name))

    def has_parties(self) -> bool:
        return bool(self.creators or self.organisations)

    def extend(self, other: _Found) -> None:
        self.creators.extend(other.creators)
        self.organisations.extend(other.organisations)


def parse(caption: str) -> Credit:
    """Read one caption credit (plain text, inline Markdown or an HTML fragment)."""
    if not isinstance(caption, str):
        raise CreditError(f"caption must be text, not {type(caption).__name__}")
    caption = caption[:MAX_CAPTION_CHARS]
    if len(caption) <= MAX_CACHED_CHARS:
        return _parse_cached(caption)
    return _parse_text(caption)


@lru_cache(maxsize=4096)
def _parse_cached(caption: str) -> Credit:
    """Sites repeat their credit lines ("Reuters", "Getty Images"): each is read once."""
    return _parse_text(caption)


def _parse_text(caption: str) -> Credit:
    plain = to_plain(_sanitise(caption))
    text = plain.text
    if not text:
        return Credit(text="")
    lic_links = licence_links(plain)
    licences = find_licences(plain, lic_links)
    blocked = [ref.span for ref in licences]
    link_ends = frozenset(link.end for link in plain.links)
    labels = find_labels(text, blocked, link_ends)
    found = _credited_parties(text, labels, blocked, licences)
    _add_platforms(plain, lic_links, found)
    creators = _unique(found.creators)
    organisations = _unique(found.organisations, exclude=creators)
    title = _title(text, plain.links, labels, lic_links)
    return Credit(
        text=text,
        creators=creators,
        organisations=organisations,
        licences=licences,
        links=_link_roles(plain.links, lic_links, creators, organisations, title),
        title=title,
        change_note=find_change_note(text),
        statements=find_statements(text, labels, blocked),
    )


def _sanitise(caption: str) -> str:
    if _CONTROL_RE.search(caption):
        caption = _CONTROL_RE.sub(" ", caption)
    try:
        caption.encode("utf-8")
    except UnicodeEncodeError:
        caption = caption.encode("utf-8", "replace").decode("utf-8")
    return caption


# --------------------------------------------------------------------------- parties


def _credited_parties(
    text: str, labels: Sequence[Label], blocked: Sequence[tuple[int, int]],
    licences: Sequence[CreditLicence],
) -> _Found:  # fmt: skip
    commons = _platform_form(text, labels, licences)
    if commons is not None:
        return commons
    strong = _Found()
    weak = _Found()
    credit_bodies = bodies(text, labels, blocked)
    for body in credit_bodies:
        target = weak if body.label.kind == "by" and not body.label.after_title else strong
        target.extend(_read_body(text, body, blocked))
    if strong.has_parties():
        return _with_name_before_licence(text, strong, licences)
    if weak.has_parties():
        return _with_name_before_licence(text, weak, licences)
    if any(body.label.kind != "by" for body in credit_bodies):
        return _with_name_before_licence(text, _Found(), licences)  # a label crediting nobody
    return _with_name_before_licence(text, _unlabelled(text, blocked), licences)


def _platform_form(
    text: str, labels: Sequence[Label], licences: Sequence[CreditLicence]
) -> _Found | None:
    """ "Author, CC BY-SA 4.0, via Wikimedia Commons": everything before the licence is the author
    (Commons' own attribution line; the author field is taken whole, "et al." dropped)."""
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
    found = _Found()
    found.add_organisation(via.start(1), " ".join(via.group(1).split()))
    part = classify(author, lenient=True)
    offset = text.find(author) if author else 0
    if part.kind == "org":
        found.add_organisation(offset, part.text)
    elif part.kind not in ("placeholder", "skip") and 0 < len(author) <= MAX_AUTHOR_CHARS:
        found.add_creator(offset, part.text if part.kind == "user" else author)
    return found


def _with_name_before_licence(
    text: str, found: _Found, licences: Sequence[CreditLicence]
) -> _Found:
    if not found.creators and licences:
        _name_before_licence(text, licences[0].span[0], found)
    return found


def _read_body(text: str, body: Body, blocked: Sequence[tuple[int, int]]) -> _Found:
    found = _Found()
    label = body.label
    if label.kind == "agency" and label.agency:
        found.add_organisation(label.start, label.agency)
    if label.kind in ("strong", "courtesy", "bare"):
        _preceding_organisation(text, label, found)
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
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]], found: _Found
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
    text: str, start: int, end: int, blocked: Sequence[tuple[int, int]], found: _Found,
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


def _preceding_organisation(text: str, label: Label, found: _Found) -> None:
    """ "Official White House Photo by X": the words right before the label name an organisation."""
    before = text[max(0, label.start - 60) : label.start]
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


def _unlabelled(text: str, blocked: Sequence[tuple[int, int]]) -> _Found:
    """A caption without a label: credited only when a whole segment is nothing but names."""
    candidates = [(0, len(text))]
    stripped = text.rstrip(" .")
    if stripped.endswith(")") and "(" in stripped:
        candidates.append((stripped.rindex("(") + 1, len(stripped) - 1))
    segments = [
        segment for segment in split_sentences(text) if text[segment[0] : segment[1]].strip()
    ]
    if len(segments) > 1:
        candidates.append(segments[-1])
    dash = _LAST_DASH.search(text)
    if dash is not None:
        candidates.append((dash.end(), len(text)))  # "A caption — Jane Doe/Reuters"
    tried: set[str] = set()
    for start, end in candidates:
        key = text[start:end].strip(" .()")
        if key in tried:
            continue
        tried.add(key)
        if text.count(" ", start, end) >= MAX_UNLABELLED_WORDS:
            continue  # a sentence, not a credit line
        if _outer_brackets(text, start, end):
            start, end = start + 1, end - 1
        found = _Found()
        if _read_parties(text, start, end, blocked, found, lenient=True) and _credible(found, text):
            return found
    return _Found()


def _outer_brackets(text: str, start: int, end: int) -> bool:
    window = text[start:end].strip()
    return len(window) > 2 and window[0] == "(" and window.rstrip(".")[-1] == ")"


def _credible(found: _Found, text: str) -> bool:
    """Names alone are a credit when an organisation is among them, or a person is named."""
    if found.organisations:
        return True
    for _, name in found.creators:
        if " " in name or any(char.isupper() or char.isdigit() or char == "_" for char in name):
            return True
    return False


def _name_before_licence(text: str, licence_start: int, found: _Found) -> None:
    """ "... February 2007 Nino Barbieri CC BY-SA 2.5": the capitalised run right before it."""
    before = text[max(0, licence_start - 80) : licence_start]
    tokens = list(_NAME_TOKEN.finditer(before))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group(0)
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


# --------------------------------------------------------------------------- links, title


def _add_platforms(plain: Plain, lic_links: Sequence[LicenceLink], found: _Found) -> None:
    """Link targets and bare URLs on a known platform name it: a Flickr photo page -> Flickr."""
    licence_urls = {item.link.url for item in lic_links}
    for link in plain.links:
        if link.url not in licence_urls:
            platform = platform_for_url(link.url)
            if platform is not None:
                found.add_organisation(link.start, platform)
    if "://" in plain.text or "www." in plain.text:
        for match in URL_RE.finditer(plain.text):
            url = match.group(0)
            if "://" in url or url.lower().startswith("www."):
                platform = platform_for_url(url)
                if platform is not None:
                    found.add_organisation(match.start(), platform)


def _unique(items: Sequence[tuple[int, str]], exclude: Sequence[str] = ()) -> tuple[str, ...]:
    seen = {name.casefold() for name in exclude}
    result = []
    for _, name in sorted(items, key=lambda item: item[0]):
        key = name.casefold()
        if key not in seen and name:
            seen.add(key)
            result.append(name)
    return tuple(result)


def _title(
    text: str, links: Sequence[Link], labels: Sequence[Label], lic_links: Sequence[LicenceLink]
) -> str | None:
    """A quoted title before "by", or a link whose text is quoted (the work's page)."""
    for label in labels:
        if label.kind == "by" and label.after_title:
            title = _quoted_before(text, label.start)
            if title:
                return title
            link = next(
                (item for item in links if item.end == len(text[: label.start].rstrip())), None
            )
            if link is not None and link.text.lower() not in _GENERIC_TITLES:
                return link.text
    licence_urls = {item.link.url for item in lic_links}
    for link in links:
        before = text[: link.start].rstrip()[-1:]
        after = text[link.end : link.end + 3].lstrip(".,")[:1]
        if before in _QUOTE_PAIRS and after in _QUOTE_PAIRS and link.url not in licence_urls:
            return link.text.strip(" .,")
    return None


def _quoted_before(text: str, position: int) -> str | None:
    before = text[:position].rstrip(" ,")
    if not before or before[-1] not in _QUOTE_PAIRS:
        return None
    opening = _QUOTE_PAIRS[before[-1]]
    start = before.rfind(opening, 0, len(before) - 1)
    if start < 0 and opening == "“":
        start = before.rfind('"', 0, len(before) - 1)
    if start < 0:
        return None
    title = before[start + 1 : -1].strip(" .,")
    return title or None


def _link_roles(
    links: Sequence[Link], lic_links: Sequence[LicenceLink], creators: Sequence[str],
    organisations: Sequence[str], title: str | None,
) -> tuple[CreditLink, ...]:  # fmt: skip
    licence_urls = {item.link.url for item in lic_links}
    lowered_creators = [name.casefold() for name in creators]
    lowered_orgs = {name.casefold() for name in organisations}
    result = []
    for link in links:
        text = link.text.casefold()
        role: Role
        if link.url in licence_urls:
            role = "licence"
        elif any(name in text or text in name for name in lowered_creators):
            role = "creator"
        elif text in lowered_orgs or text.strip("* ") in lowered_orgs:
            role = "platform"
        elif _WORK_PAGE.search(link.url) or (title is not None and link.text.strip(" .,") == title):
            role = "source"
        else:
            role = "other"
        result.append(CreditLink(text=link.text, url=link.url, role=role))
    return tuple(result)
