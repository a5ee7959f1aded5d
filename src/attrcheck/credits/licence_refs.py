"""Licence references in a caption: the recogniser's matches, tied to the caption's links.

A licence is `linked` when a link's target is that licence's deed or legal code (per the licence
database's `by_url`). A link to a licence decides which tool is meant: "licensed CC-BY-3.0" linked
to .../by/3.0/us/ is CC-BY-3.0-US (with a reason saying the text and the link differ). A licence
link whose text names no licence ("[some rights reserved](https://creativecommons.org/...)")
is a reference of its own. Repeats of one reference ("Attribution 2.0 Generic [CC BY 2.0]") merge,
spanning the closing bracket too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from attrcheck.credits.lexicon import KNOWN_ORGANISATIONS
from attrcheck.credits.markup import Link, Plain
from attrcheck.model import CreditLicence, Licence, LicenceMatch

_JOINERS = frozenset(" ,;:()[]-–—/.\n")
_LICENCE_WORDS = ("licen", "lizenz", "licença", "terms")


class _Database(Protocol):
    def by_url(self, url: str) -> Licence | None: ...


@dataclass(frozen=True)
class _Recogniser:
    identify: Callable[[str], Sequence[LicenceMatch]]
    database: _Database
    closing_brackets_end: Callable[[str, tuple[int, int]], int]


@lru_cache(maxsize=1)
def _recogniser() -> _Recogniser:
    from attrcheck.licences import load  # stage licences (imported when first used)
    from attrcheck.licences.recogniser import closing_brackets_end

    database = load()
    return _Recogniser(database.identify, database, closing_brackets_end)


@lru_cache(maxsize=4096)
def _licence_for_url(url: str) -> Licence | None:
    if not url or len(url) > 2000:
        return None
    return _recogniser().database.by_url(url)


@dataclass(frozen=True)
class LicenceLink:
    link: Link
    licence: Licence


def licence_links(plain: Plain) -> list[LicenceLink]:
    """The caption's links whose target is a licence deed or legal code."""
    found = []
    for link in plain.links:
        licence = _licence_for_url(link.url)
        if licence is not None:
            found.append(LicenceLink(link, licence))
    return found


def find_licences(plain: Plain, links: Sequence[LicenceLink]) -> tuple[CreditLicence, ...]:
    """Every licence reference in the caption, in order, with `linked` decided from its links."""
    matches = [
        match for match in _recogniser().identify(plain.text) if not _platform_name_only(match)
    ]
    matches = _merge_repeats(matches, plain.text)
    result = [_from_match(match, links) for match in matches]
    for licence_link in links:
        if not any(_inside(ref.span, licence_link.link) for ref in result):
            result.append(_from_link(licence_link))
    return tuple(sorted(result, key=lambda ref: ref.span))


def _platform_name_only(match: LicenceMatch) -> bool:
    """ "Brooke Cagle on Unsplash" names the platform, not the Unsplash License."""
    words = match.text.lower()
    if match.url or any(word in words for word in _LICENCE_WORDS):
        return False
    return words.strip() in KNOWN_ORGANISATIONS


def _merge_repeats(matches: list[LicenceMatch], text: str) -> list[LicenceMatch]:
    merged: list[LicenceMatch] = []
    for match in matches:
        if merged and _same_reference(merged[-1], match, text):
            previous = merged.pop()
            keep = previous if previous.id is not None or match.id is None else match
            span = (previous.span[0], max(previous.span[1], match.span[1]))
            span = (span[0], _recogniser().closing_brackets_end(text, span))
            match = LicenceMatch(
                text=text[span[0] : span[1]], span=span, id=keep.id, family=keep.family,
                version=keep.version, jurisdiction=keep.jurisdiction, valid=keep.valid,
                reason=keep.reason, url=previous.url or match.url,
            )  # fmt: skip
        merged.append(match)
    return merged


def _same_reference(first: LicenceMatch, second: LicenceMatch, text: str) -> bool:
    gap = text[first.span[1] : second.span[0]]
    if len(gap) > 3 or not set(gap) <= _JOINERS:
        return False
    if first.id is not None and second.id is not None:
        return first.id == second.id
    return first.family is not None and first.family == second.family


def _inside(span: tuple[int, int], link: Link) -> bool:
    return link.start <= span[0] and span[1] <= link.end


def _from_match(match: LicenceMatch, links: Sequence[LicenceLink]) -> CreditLicence:
    container = next((item for item in links if _inside(match.span, item.link)), None)
    if container is not None:
        licence = container.licence
        reason = match.reason
        if match.id is not None and match.id != licence.id:
            reason = f"the text says {match.id} but the link goes to {licence.id}"
        return CreditLicence(
            id=licence.id, family=licence.family, version=licence.version,
            jurisdiction=licence.jurisdiction, valid=True, linked=True, url=container.link.url,
            span=match.span, text=match.text, reason=reason,
        )  # fmt: skip
    same = next((item for item in links if match.id and item.licence.id == match.id), None)
    bare_url = match.url is not None and match.text.lower().startswith(("http://", "https://"))
    return CreditLicence(
        id=match.id, family=match.family, version=match.version, jurisdiction=match.jurisdiction,
        valid=match.valid, linked=same is not None or bare_url,
        url=same.link.url if same is not None else match.url, span=match.span, text=match.text,
        reason=match.reason,
    )  # fmt: skip


def _from_link(item: LicenceLink) -> CreditLicence:
    licence = item.licence
    return CreditLicence(
        id=licence.id, family=licence.family, version=licence.version,
        jurisdiction=licence.jurisdiction, valid=True, linked=True, url=item.link.url,
        span=(item.link.start, item.link.end), text=item.link.text,
    )  # fmt: skip
