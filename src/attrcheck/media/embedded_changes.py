"""What the image's own metadata says was done to it: C2PA actions, XMP crs:HasCrop and
xmpMM:History, turned into a ModificationVerdict (the strongest recorded change wins).

Strength: altered > cropped > format-change > resized > recompressed. Only the active C2PA
manifest's actions count, and only when the manifest validates; an invalid manifest's claims
are still reported, with a lower score.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrcheck.model import ImageEvidence, ModificationKind, ModificationVerdict

STRENGTH: dict[str, int] = {
    "recompressed": 1,
    "resized": 2,
    "format-change": 3,
    "cropped": 4,
    "altered": 5,
}
C2PA_ACTIONS: dict[str, str] = {
    "c2pa.cropped": "cropped",
    "c2pa.color_adjustments": "altered",
    "c2pa.drawing": "altered",
    "c2pa.edited": "altered",
    "c2pa.filtered": "altered",
    "c2pa.resized": "resized",
    "c2pa.converted": "format-change",
    "c2pa.transcoded": "recompressed",
    "c2pa.repackaged": "recompressed",
    "c2pa.published": "recompressed",
}
C2PA_ALTERATIONS: dict[str, str] = {
    "c2pa.color_adjustments": "colour-change",
    "c2pa.drawing": "overlay",
    "c2pa.edited": "retouch",
    "c2pa.filtered": "colour-change",
}
# xmpMM:History stEvt:action values (Adobe's vocabulary) that record a change of the pixels
HISTORY_ACTIONS: dict[str, str] = {
    "cropped": "cropped",
    "edited": "altered",
    "filtered": "altered",
    "converted": "format-change",
    "resized": "resized",
}
CONTENT_PARTS = ("/", "/content")


def _c2pa_findings(evidence: ImageEvidence) -> list[tuple[str, str, str]]:
    """(kind, evidence source, action) recorded by the C2PA manifest."""
    c2pa = evidence.c2pa
    if c2pa is None or not c2pa.present:
        return []
    return [
        (C2PA_ACTIONS[name], "c2pa", name)
        for action in c2pa.actions
        for name in [str(action.get("action", ""))]
        if name in C2PA_ACTIONS
    ]


def _history_findings(evidence: ImageEvidence) -> list[tuple[str, str, str]]:
    """(kind, "xmp", action) from xmpMM:History events in the embedded XMP or the sidecar."""
    out: list[tuple[str, str, str]] = []
    for container in ("xmp", "sidecar"):
        for event in (evidence.containers.get(container) or {}).get("history") or []:
            kind = _history_kind(event)
            if kind:
                out.append((kind, "xmp", str(event.get("action"))))
    return out


def _history_kind(event: Mapping[str, Any]) -> str | None:
    action = str(event.get("action", "")).strip().lower()
    kind = HISTORY_ACTIONS.get(action)
    if kind is None and "converted from" in str(event.get("parameters", "")).lower():
        return "format-change"  # e.g. derived: "converted from image/tiff to image/jpeg"
    if kind == "altered":  # "edited /metadata" touches no pixels
        changed = str(event.get("changed", "/")).strip() or "/"
        parts = [part.strip() for part in changed.split(";")]
        return kind if any(p in CONTENT_PARTS for p in parts) else None
    return kind


def embedded_modification(evidence: ImageEvidence) -> ModificationVerdict | None:
    """The strongest change the image's own metadata records, or None when it records none."""
    findings = _c2pa_findings(evidence) + _history_findings(evidence)
    if evidence.crop_recorded:
        findings.append(("cropped", "xmp", "crs:HasCrop"))
    if not findings:
        return None
    kind, source, _ = max(findings, key=lambda f: STRENGTH[f[0]])
    alterations = tuple(
        dict.fromkeys(
            C2PA_ALTERATIONS[a] for _, s, a in findings if s == "c2pa" and a in C2PA_ALTERATIONS
        )
    )
    return ModificationVerdict(
        kind=_as_kind(kind),
        evidence=source,
        score=_score(evidence, source),
        alterations=alterations if kind == "altered" else (),
        detail={"recorded": [f"{s}: {a}" for _, s, a in findings], **_crop_detail(evidence, kind)},
    )


def _score(evidence: ImageEvidence, source: str) -> float:
    if source == "c2pa" and evidence.c2pa is not None:
        return 0.95 if evidence.c2pa.signed_and_valid else 0.5
    return 0.8


def _crop_detail(evidence: ImageEvidence, kind: str) -> dict[str, Any]:
    if kind != "cropped":
        return {}
    crop = (evidence.containers.get("xmp") or {}).get("crop") or (
        evidence.containers.get("sidecar") or {}
    ).get("crop")
    return {"crs": crop} if crop else {}


def _as_kind(kind: str) -> ModificationKind:
    kinds: dict[str, ModificationKind] = {
        "recompressed": "recompressed",
        "resized": "resized",
        "format-change": "format-change",
        "cropped": "cropped",
        "altered": "altered",
    }
    return kinds[kind]
