"""The caption credits someone other than the creator named by the register or metadata.

What it checks
--------------
The caption credits a creator or organisation, and the most authoritative evidence that names a
creator (the rights register, then a signed C2PA manifest, the original file's metadata, a remote
source record, then the published file's EXIF Artist, IPTC By-line or XMP dc:creator) names
someone the caption does not credit. Names are matched the way a picture editor would: case,
accents, "Last, First", initials, handles, and person/organisation pairs ("Picture by Pippa
Fowles / No 10 Downing Street" credits Pippa Fowles). Placeholders ("Unknown", "Camera owner")
are ignored.

Why it matters
--------------
The credit must convey "the name of the Original Author" (CC 1.0-3.0 §4(b)) or "identification
of the creator(s)" (CC 4.0 §3(a)(1)(A)(i)). Crediting the wrong person fails the condition and
falsely attributes the work.

Example
-------
    Photo by John Smith, CC BY 4.0

for an image whose IPTC By-line and register entry say "Jane Doe".

Fix
---
Credit the creator the evidence names, or correct the register or metadata if it is wrong.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck import names
from attrcheck.checks._support import credited_names, finding, per_case
from attrcheck.model import FigureCase, Finding, ImageEvidence, Level

CODE = "AC303"
NAME = "creator-mismatch"
LEVEL: Level = "warning"


def _real(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v for v in values if v and v.strip() and not names.is_placeholder(v))


_CREATOR_FIELDS = frozenset(
    {"Artist", "XPAuthor", "By-line", "dc:creator", "plus:ImageCreatorName", "cc:attributionName"}
)


def _metadata_sources(image: ImageEvidence) -> tuple[str, ...]:
    return tuple(image.rights.sources.get("creators", ())) or ("exif",)


def _metadata_creators(image: ImageEvidence) -> tuple[str, ...]:
    """Every creator value of every container (EXIF and IPTC may disagree; either may be right)."""
    values = [v.value for v in image.values if v.field in _CREATOR_FIELDS and v.value]
    return tuple(dict.fromkeys([*image.rights.creators, *values]))


@per_case
def evidence_creators(case: FigureCase) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(creators, evidence sources) from the most authoritative source that names any."""
    tiers: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    if case.register is not None and case.register.creator:
        tiers.append(((case.register.creator,), ("register",)))
    image = case.image
    if image is not None and image.c2pa is not None and image.c2pa.signed_and_valid:
        tiers.append((image.c2pa.creators, ("c2pa",)))
    if case.original is not None:
        tiers.append((_metadata_creators(case.original), ("original",)))
    if case.remote is not None and case.remote.creator:
        tiers.append(((case.remote.creator,), ("remote",)))
    if image is not None:
        tiers.append((_metadata_creators(image), _metadata_sources(image)))
    for creators, sources in tiers:
        real = _real(creators)
        if real:
            return real, sources
    return (), ()


def credit_parties(case: FigureCase) -> tuple[str, ...]:
    """Parties the metadata itself credits (IPTC Credit, © holder, licensor), e.g. agencies."""
    parties: list[str] = []
    for image in (case.original, case.image):
        if image is not None:
            rights = image.rights
            parties += [v for v in (rights.credit, rights.copyright, rights.licensor) if v]
    return tuple(parties)


def _credits_a_party(case: FigureCase, captioned: tuple[str, ...]) -> bool:
    """The caption credits only organisations, and the metadata names them as credit or owner."""
    if case.credit.creators:
        return False
    parties = credit_parties(case)
    return any(
        names.same_creator(name, party) or names.fold(name) in names.fold(party)
        for name in captioned
        for party in parties
    )


def check(case: FigureCase) -> Iterator[Finding]:
    captioned = credited_names(case.credit)
    if not captioned:
        return
    creators, sources = evidence_creators(case)
    if not creators or any(names.credited(creator, case.credit) for creator in creators):
        return
    if _credits_a_party(case, captioned):
        return
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the caption credits {', '.join(captioned)}, but the {', '.join(sources)} names "
        f"{', '.join(creators)} as the creator",
        evidence=("caption", *sources),
        fix=f"credit {creators[0]} (or correct the {sources[0]} if it is wrong)",
        where="caption",
    )  # fmt: skip
