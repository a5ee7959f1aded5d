"""Build FigureCase objects for check tests from plain mappings (the tests/checks/*.yml cases).

Licences come from a small factory that follows the licence database's rules by version (title up
to 3.0, source URI from 2.0, modification notice always in 4.0, 30-day cure in 4.0, no credit
clause in the 1.0 NC/ND/SA units, no technical-change allowance in the England & Wales 2.0
port), so these tests do not depend on the licences stage being installed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from attrcheck.model import (
    AttributionRequirements,
    C2paSummary,
    Credit,
    CreditLicence,
    CreditLink,
    EvidenceItem,
    EvidenceValue,
    Figure,
    FigureCase,
    ImageEvidence,
    ImageRef,
    Licence,
    ModificationVerdict,
    Permission,
    ResolvedLicence,
    RightsSummary,
    SourceRecord,
    Statement,
    Suppression,
)
from attrcheck.policy import policy_from_mapping

_CC = re.compile(r"^CC-(?P<unit>[A-Z+-]+?)-(?P<version>\d\.\d)(?:-(?P<jur>[A-Z]{2,}))?$")
_ELEMENT_WORDS = {"BY": "Attribution", "NC": "NonCommercial", "ND": "NoDerivs", "SA": "ShareAlike"}
_OTHER: dict[str, Licence] = {
    "CC0-1.0": Licence(
        id="CC0-1.0", family="CC0", name="CC0 1.0 Universal", version="1.0",
        url="https://creativecommons.org/publicdomain/zero/1.0/", short_name="CC0 1.0",
        kind="public-domain", requires_attribution=False,
        attribution=AttributionRequirements(
            creator=False, licence_uri=False, modification_notice="none"
        ),
    ),
    "CC-PDM-1.0": Licence(
        id="CC-PDM-1.0", family="PDM", name="Public Domain Mark 1.0", version="1.0",
        url="https://creativecommons.org/publicdomain/mark/1.0/", short_name="PDM 1.0",
        kind="public-domain", requires_attribution=False,
        attribution=AttributionRequirements(
            creator=False, licence_uri=False, modification_notice="none"
        ),
    ),
    "LicenseRef-Public-Domain": Licence(
        id="LicenseRef-Public-Domain", family="public-domain", name="Public domain",
        kind="public-domain", requires_attribution=False,
        attribution=AttributionRequirements(
            creator=False, licence_uri=False, modification_notice="none"
        ),
    ),
    "OGL-UK-3.0": Licence(
        id="OGL-UK-3.0", family="OGL-UK", name="Open Government Licence v3.0", version="3.0",
        url="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        short_name="OGL v3.0", kind="government",
        attribution=AttributionRequirements(
            creator=False, licence_uri=True, modification_notice="none",
            attribution_parties=True,
            statement="Contains public sector information licensed under the Open Government "
            "Licence v3.0.",
        ),
    ),
    "LicenseRef-All-Rights-Reserved": Licence(
        id="LicenseRef-All-Rights-Reserved", family="all-rights-reserved",
        name="All rights reserved", kind="proprietary",
        attribution=AttributionRequirements(licence_uri=False),
    ),
}  # fmt: skip
for _name in ("Unsplash", "Pexels", "Pixabay"):
    _OTHER[f"LicenseRef-{_name}"] = Licence(
        id=f"LicenseRef-{_name}", family=_name, name=f"{_name} License", kind="platform",
        url=f"https://{_name.lower()}.com/license/", short_name=f"{_name} License",
        requires_attribution=False,
        attribution=AttributionRequirements(creator=False, licence_uri=False,
                                            modification_notice="none"),
    )  # fmt: skip


def licence(licence_id: str) -> Licence:
    """A Licence for an id, with the attribution requirements its version implies."""
    if licence_id in _OTHER:
        return _OTHER[licence_id]
    match = _CC.match(licence_id)
    if not match:
        raise ValueError(f"the test licence factory does not know {licence_id!r}")
    unit, version, jurisdiction = match["unit"], match["version"], match["jur"]
    elements = unit.split("-")
    retired = unit in ("SAMPLING+", "SAMPLING", "DEVNATIONS") or "BY" not in elements
    by = "BY" in elements or unit in ("SAMPLING+", "DEVNATIONS")
    v = float(version)
    port = f" {jurisdiction}" if jurisdiction else ""
    path = unit.lower() if unit != "SAMPLING+" else "sampling+"
    url_port = f"{jurisdiction.lower()}/" if jurisdiction else ""
    return Licence(
        id=licence_id,
        family=f"CC-{unit}",
        name=" ".join(_ELEMENT_WORDS.get(e, e) for e in elements) + f" {version}{port}",
        version=version,
        jurisdiction=jurisdiction.lower() if jurisdiction else None,
        url=f"https://creativecommons.org/licenses/{path}/{version}/{url_port}",
        short_name=f"CC {unit} {version}{port}",
        requires_attribution=by,
        noncommercial="NC" in elements,
        no_derivatives="ND" in elements,
        share_alike="SA" in elements,
        retired=retired,
        attribution=AttributionRequirements(
            creator=by,
            title=by and v < 4,
            licence_uri=True,
            source_uri=by and v >= 2,
            modification_notice=("always" if v >= 4 else "adaptations") if by else "none",
            attribution_parties=v >= 2.5,
            cure_period_days=30 if v >= 4 else None,
            technical_changes_allowed=not (jurisdiction == "UK" and version == "2.0"),
        ),
    )


# --------------------------------------------------------------------------- building


def _mention(spec: Mapping[str, Any]) -> CreditLicence:
    licence_id = spec.get("id")
    known = licence(licence_id) if licence_id else None
    return CreditLicence(
        id=licence_id,
        family=spec.get("family", known.family if known else None),
        version=spec.get("version", known.version if known else None),
        jurisdiction=spec.get("jurisdiction", known.jurisdiction if known else None),
        valid=spec.get("valid", True),
        linked=spec.get("linked", False),
        url=spec.get("url", known.url if known and spec.get("linked") else None),
        span=(0, 0),
        text=spec.get("text", known.short_name or "" if known else ""),
        reason=spec.get("reason"),
    )


def credit(caption: str, spec: Mapping[str, Any] | None) -> Credit:
    spec = spec or {}
    return Credit(
        text=spec.get("text", caption),
        creators=tuple(spec.get("creators", ())),
        organisations=tuple(spec.get("organisations", ())),
        licences=tuple(_mention(m) for m in spec.get("licences", ())),
        links=tuple(
            CreditLink(text=link.get("text", ""), url=link["url"], role=link.get("role", "other"))
            for link in spec.get("links", ())
        ),
        title=spec.get("title"),
        change_note=spec.get("change_note"),
        statements=tuple(
            Statement(
                kind=s["kind"], text=s.get("text", ""), year=s.get("year"), holder=s.get("holder")
            )
            for s in spec.get("statements", ())
        ),
    )


def rights(spec: Mapping[str, Any] | None) -> RightsSummary:
    spec = dict(spec or {})
    sources = {key: tuple(value) for key, value in spec.pop("sources", {}).items()}
    creators = tuple(spec.pop("creators", ()))
    return RightsSummary(creators=creators, sources=sources, **spec)


def image(spec: Mapping[str, Any] | None, path: str = "/site/img/photo.jpg") -> ImageEvidence:
    spec = spec or {}
    c2pa = spec.get("c2pa")
    return ImageEvidence(
        path=spec.get("path", path),
        format=spec.get("format", "JPEG"),
        width=spec.get("width", 1200),
        height=spec.get("height", 800),
        decodable=spec.get("decodable", True),
        error=spec.get("error"),
        rights=rights(spec.get("rights")),
        crop_recorded=spec.get("crop_recorded", False),
        values=tuple(EvidenceValue(**value) for value in spec.get("values", ())),
        history=tuple(spec.get("history", ())),
        c2pa=C2paSummary(
            present=True,
            validation_state=c2pa.get("validation_state", "valid"),
            actions=tuple({"action": a} for a in c2pa.get("actions", ())),
            creators=tuple(c2pa.get("creators", ())),
        )
        if c2pa
        else None,
    )


def record(spec: Mapping[str, Any] | None, origin: str) -> SourceRecord | None:
    if spec is None:
        return None
    return SourceRecord(origin=origin, **spec)  # type: ignore[arg-type]


def resolved(spec: Mapping[str, Any] | None) -> ResolvedLicence:
    spec = spec or {}
    licence_id = spec.get("id")
    found = licence(licence_id) if licence_id else None
    sources: Sequence[str] = spec.get("from", ("caption",))
    conflicts = tuple(tuple(c) for c in spec.get("conflicts", ()))
    return ResolvedLicence(
        licence=found,
        evidence=tuple(EvidenceItem(source=s, value=licence_id or "") for s in sources)
        if found
        else (),
        candidates=tuple((s, found) for s in sources) if found else (),
        conflicts=conflicts,  # type: ignore[arg-type]
    )


def build(spec: Mapping[str, Any]) -> FigureCase:
    """A FigureCase from a test-case mapping (see tests/checks/README.md)."""
    caption = spec.get("caption", "")
    fig = spec.get("figure", {})
    figure = Figure(
        id="article.md#1", article="article.md", index=1, src=fig.get("src", "img/photo.jpg"),
        alt=fig.get("alt", ""), caption=caption, line=fig.get("line", 3), column=1,
        caption_line=fig.get("caption_line", 4 if caption else None),
        caption_column=1 if caption else None,
        link=fig.get("link"), credit_link=fig.get("credit_link"),
        suppression=Suppression(
            codes=tuple(fig["suppression"].get("codes", ())),
            reason=fig["suppression"].get("reason"), line=fig["suppression"].get("line", 2),
            column=1,
        ) if fig.get("suppression") else None,
    )  # fmt: skip
    image_spec = spec.get("image", {})
    missing = bool(image_spec and image_spec.get("missing"))
    remote_error = spec.get("remote_error")
    ref_kind = "missing" if missing else ("remote" if remote_error else "local")
    modification = spec.get("modification")
    permission = spec.get("permission")
    return FigureCase(
        figure=figure,
        credit=credit(caption, spec.get("credit")),
        policy=policy_from_mapping(spec.get("policy", {})),
        image_ref=ImageRef(kind=ref_kind, path="/site/img/photo.jpg",
                           url="https://example.org/photo.jpg" if remote_error else None),
        image=None if missing or remote_error else image(image_spec),
        image_missing=missing,
        original=image(spec["original"], "/site/originals/photo.jpg")
        if "original" in spec else None,
        register=record(spec.get("register"), "register"),
        remote=record(spec.get("remote"), "remote"),
        remote_error=remote_error,
        resolved=resolved(spec.get("licence")),
        modification=ModificationVerdict(
            kind=modification["kind"], evidence=modification.get("evidence", "original"),
            crop=tuple(modification["crop"]) if modification.get("crop") else None,
            alterations=tuple(modification.get("alterations", ())),
        ) if modification else None,
        permission=Permission(**permission) if permission else None,
    )  # fmt: skip
