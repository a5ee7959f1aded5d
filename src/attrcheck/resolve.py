"""Resolve one licence for a figure from all its evidence, and record who said what.

Precedence, strongest first (documented in README "How the licence is resolved"):

1. `register`  — the newsroom's own rights register;
2. `remote`    — the source's own page (Wikimedia Commons, Flickr, Openverse);
3. `c2pa`      — a C2PA manifest that is signed and validates;
4. `original`  — rights metadata embedded in the original file as received;
5. `caption`   — the licence the caption names;
6. `xmp`, `sidecar`, `exif`, `iptc` — the published file's own metadata (it is the copy most
   likely to have been edited, so it is the weakest witness).

Every source is read; the strongest one that pins a licence to one legal tool wins. Two sources
that pin different licences are a conflict (AC302), whatever their rank. References that name a
family without a version ("CC BY-SA") or name a tool that does not exist are kept as
`unresolved_mentions` for AC305; an unversioned reference never conflicts with a versioned one of
the same family.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from attrcheck import licences
from attrcheck.model import (
    Credit,
    EvidenceItem,
    ImageEvidence,
    Licence,
    LicenceMatch,
    ResolvedLicence,
    SourceRecord,
)

PRECEDENCE: tuple[str, ...] = (
    "register", "remote", "c2pa", "original", "caption", "xmp", "sidecar", "exif", "iptc",
)  # fmt: skip

# Rights fields of an image that may carry a licence, in the order they are trusted.
_RIGHTS_FIELDS: tuple[str, ...] = ("licence_url", "web_statement", "usage_terms", "copyright")


def _pinned(matches: Iterable[LicenceMatch]) -> Iterator[Licence]:
    database = licences.load()
    for match in matches:
        if match.valid and match.id:
            licence = database.get(match.id)
            if licence is not None:
                yield licence


def licence_from_text(text: str | None) -> tuple[Licence | None, list[LicenceMatch]]:
    """The first licence a text pins down, and the references it makes without pinning one."""
    if not text:
        return None, []
    database = licences.load()
    by_url = database.by_url(text.strip()) if "://" in text else None
    if by_url is not None:
        return by_url, []
    matches = database.identify(text)
    pinned = next(_pinned(matches), None)
    loose = [m for m in matches if not (m.valid and m.id)]
    return pinned, loose


def _record_licence(record: SourceRecord | None) -> tuple[Licence | None, str | None]:
    if record is None:
        return None, None
    for text in (record.licence, record.licence_url):
        licence, _ = licence_from_text(text)
        if licence is not None:
            return licence, text
    return None, None


def _caption_licence(credit: Credit) -> tuple[Licence | None, str | None, list[LicenceMatch]]:
    database = licences.load()
    loose: list[LicenceMatch] = []
    found: tuple[Licence | None, str | None] = (None, None)
    for mention in credit.licences:
        licence = database.get(mention.id) if mention.valid and mention.id else None
        if licence is not None and found[0] is None:
            found = (licence, mention.text or licence.short_name or licence.id)
        elif licence is None:
            loose.append(
                LicenceMatch(
                    text=mention.text,
                    span=mention.span,
                    id=mention.id,
                    family=mention.family,
                    version=mention.version,
                    jurisdiction=mention.jurisdiction,
                    valid=mention.valid,
                    reason=mention.reason,
                    url=mention.url,
                )
            )
    return found[0], found[1], loose


def _image_licences(image: ImageEvidence | None) -> Iterator[tuple[str, Licence, str]]:
    """(container, licence, value) for each licence the image's own metadata names."""
    if image is None:
        return
    rights = image.rights
    for key in _RIGHTS_FIELDS:
        value = getattr(rights, key)
        licence, _ = licence_from_text(value)
        if licence is None:
            continue
        containers = rights.sources.get(key, ()) or ("xmp",)
        yield containers[0], licence, str(value)
        return


def _c2pa_licence(image: ImageEvidence | None) -> tuple[Licence | None, str | None]:
    if image is None or image.c2pa is None or not image.c2pa.signed_and_valid:
        return None, None
    licence, _ = licence_from_text(image.c2pa.licence_url)
    return licence, image.c2pa.licence_url


def _original_licence(original: ImageEvidence | None) -> tuple[Licence | None, str | None]:
    for _container, licence, value in _image_licences(original):
        return licence, value
    return None, None


def resolve_licence(
    credit: Credit,
    image: ImageEvidence | None,
    original: ImageEvidence | None,
    register: SourceRecord | None,
    remote: SourceRecord | None,
) -> ResolvedLicence:
    """One licence from every witness, with the evidence behind it and any conflicts."""
    candidates: list[tuple[str, Licence, str]] = []
    for source, (licence, value) in (
        ("register", _record_licence(register)),
        ("remote", _record_licence(remote)),
        ("c2pa", _c2pa_licence(image)),
        ("original", _original_licence(original)),
    ):
        if licence is not None and value is not None:
            candidates.append((source, licence, value))
    caption_licence, caption_value, loose = _caption_licence(credit)
    if caption_licence is not None and caption_value is not None:
        candidates.append(("caption", caption_licence, caption_value))
    candidates.extend(_image_licences(image))
    candidates.sort(key=lambda item: PRECEDENCE.index(item[0]))
    if not candidates:
        return ResolvedLicence(licence=None, unresolved_mentions=tuple(loose))
    winner = candidates[0][1]
    evidence = tuple(
        EvidenceItem(source=source, value=value)
        for source, licence, value in candidates
        if licence.id == winner.id
    )
    conflicts = tuple(
        (first[0], first[1].id, other[0], other[1].id)
        for index, first in enumerate(candidates)
        for other in candidates[index + 1 :]
        if other[1].id != first[1].id
    )
    return ResolvedLicence(
        licence=winner,
        evidence=evidence,
        candidates=tuple((source, licence) for source, licence, _ in candidates),
        conflicts=_first_per_pair(conflicts),
        unresolved_mentions=tuple(loose),
    )


def _first_per_pair(
    conflicts: tuple[tuple[str, str, str, str], ...],
) -> tuple[tuple[str, str, str, str], ...]:
    seen: set[frozenset[str]] = set()
    kept: list[tuple[str, str, str, str]] = []
    for conflict in conflicts:
        key = frozenset((conflict[1], conflict[3]))
        if key not in seen:
            seen.add(key)
            kept.append(conflict)
    return tuple(kept)
