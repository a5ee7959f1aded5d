"""caption -> Credit: markup to plain text, licences, labels, parties, title, links, notes.

Reading order of the rules, as a picture editor reads a credit line:
1. markup away (`markup.to_plain`), keeping the links and their spans;
2. licence references (`licence_refs`), so their words ("CC BY") are never read as names;
3. credit labels and their bodies (`labels`); each body is split at "/", ",", "|", " via ",
   " on ", " for ", " from ", dashes and "and", and each piece classified (`names`): the first
   person or handle is the creator, agencies and platforms are organisations, a handle after
   the creator is the agency ("Ramiro Furquim/Sul21"), one before is the creator;
4. "Author, Licence, via Wikimedia Commons" takes the author field whole; without any label:
   the whole caption, its last bracket, its last sentence or what follows its last dash, when
   that is nothing but names ("Kirk Hargreaves/Christchurch city council"), else the name right
   before a licence ("Nino Barbieri CC BY-SA 2.5");
5. platforms named by link targets (a Flickr photo page -> Flickr), statements, change note,
   title, link roles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Literal

from attrcheck.credits.labels import Label, find_labels
from attrcheck.credits.lexicon import URL_RE
from attrcheck.credits.licence_refs import LicenceLink, find_licences, licence_links
from attrcheck.credits.markup import Link, Plain, to_plain
from attrcheck.credits.names import platform_for_url
from attrcheck.credits.parties import Found, credited_parties
from attrcheck.credits.statements import find_change_note, find_statements
from attrcheck.errors import CreditError
from attrcheck.model import Credit, CreditLink

Role = Literal["licence", "creator", "source", "platform", "other"]
MAX_CAPTION_CHARS = 10_000
MAX_CACHED_CHARS = 600  # longer captions are rare and not worth keeping in memory
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_QUOTE_PAIRS = {'"': '"', "”": "“", "“": "“", "’": "‘", "»": "«", "«": "»", "'": "'"}
_GENERIC_TITLES = frozenset(
    ["figure", "photo", "image", "picture", "this", "here", "link", "source", "original", "file",
     "graphic", "icon", "map", "chart", "illustration", "video", "screenshot", "photograph",
     "foto", "bild"]
)  # fmt: skip
_WORK_PAGE = re.compile(
    r"/photos/[^/]+/\d+|/wiki/File:|/wiki/Datei:|unsplash\.com/photos/|/status/\d+|pexels\.com/"
    r"photo/|pixabay\.com/\w+/[^/]+-\d+|geograph\.org\.uk/p(?:hoto)?/\d+|/p/\d+|/term/|/icon/",
    re.IGNORECASE,
)


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
    found = credited_parties(text, labels, blocked, licences)
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


# --------------------------------------------------------------------------- links, title


def _add_platforms(plain: Plain, lic_links: Sequence[LicenceLink], found: Found) -> None:
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
    for _, name in sorted(items, key=itemgetter(0)):
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
