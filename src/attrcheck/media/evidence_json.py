"""ImageEvidence as plain JSON-ready data (the `attrcheck inspect --format json` document) and as
indented text lines for the terminal.

The JSON has `file`, a `rights` summary, one section per container (`exif`, `iptc`, `xmp`,
`sidecar`, `c2pa`; null when absent), every tagged `values` entry, `history`, the embedded
`modification` verdict and `warnings`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from attrcheck import __version__
from attrcheck.media.embedded_changes import embedded_modification
from attrcheck.model import C2paSummary, ImageEvidence, ModificationVerdict, RightsSummary

FORMAT_VERSION = 1
CONTAINERS = ("exif", "iptc", "xmp", "sidecar")
RIGHTS_LABELS = (
    ("creators", "creator"),
    ("copyright", "copyright"),
    ("credit", "credit"),
    ("title", "title"),
    ("source", "source"),
    ("licence_url", "licence URL"),
    ("web_statement", "web statement"),
    ("usage_terms", "usage terms"),
    ("licensor", "licensor"),
    ("digital_source_type", "source type"),
)


def rights_to_dict(rights: RightsSummary) -> dict[str, Any]:
    data = asdict(rights)
    data["creators"] = list(rights.creators)
    data["conflicts"] = list(rights.conflicts)
    data["sources"] = {key: list(value) for key, value in rights.sources.items()}
    return data


def c2pa_to_dict(c2pa: C2paSummary | None) -> dict[str, Any] | None:
    if c2pa is None:
        return None
    data: dict[str, Any] = _plain(asdict(c2pa))
    data["signed_and_valid"] = c2pa.signed_and_valid
    return data


def verdict_to_dict(verdict: ModificationVerdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    data: dict[str, Any] = _plain(asdict(verdict))
    data["is_adaptation"] = verdict.is_adaptation
    return data


def _plain(value: Any) -> Any:
    """Tuples to lists and mappings to dicts, recursively."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def evidence_to_dict(evidence: ImageEvidence) -> dict[str, Any]:
    """The inspect JSON document of one image."""
    document: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "attrcheck_version": __version__,
        "path": evidence.path,
        "file": {
            "format": evidence.format,
            "width": evidence.width,
            "height": evidence.height,
            "orientation": evidence.orientation,
            "size_bytes": evidence.size_bytes,
            "sha256": evidence.sha256,
            "decodable": evidence.decodable,
            "error": evidence.error,
        },
        "rights": rights_to_dict(evidence.rights),
    }
    for name in CONTAINERS:
        section = evidence.containers.get(name)
        document[name] = _plain(section) if section else None
    document["c2pa"] = c2pa_to_dict(evidence.c2pa)
    document["values"] = [asdict(value) for value in evidence.values]
    document["crop_recorded"] = evidence.crop_recorded
    document["history"] = list(evidence.history)
    document["modification"] = verdict_to_dict(embedded_modification(evidence))
    document["warnings"] = list(evidence.warnings)
    return document


# --------------------------------------------------------------------------- text


def evidence_to_text(evidence: ImageEvidence) -> list[str]:
    """Human-readable lines: file facts, rights summary, containers, C2PA, warnings."""
    lines = [evidence.path, *_file_lines(evidence), "", "rights:"]
    lines.extend(_rights_lines(evidence.rights))
    for name in CONTAINERS:
        section = evidence.containers.get(name)
        if section:
            lines.extend(["", f"{name}:"])
            lines.extend(_section_lines(section, "  "))
    lines.extend(_c2pa_lines(evidence.c2pa))
    verdict = embedded_modification(evidence)
    if verdict is not None:
        lines.extend(["", f"recorded modification: {verdict.kind} (from {verdict.evidence})"])
    if evidence.warnings:
        lines.extend(["", "warnings:", *(f"  - {w}" for w in evidence.warnings)])
    return lines


def _file_lines(evidence: ImageEvidence) -> list[str]:
    size = f"{evidence.width}x{evidence.height}" if evidence.width else "size unknown"
    out = [f"  {evidence.format or 'unknown format'}, {size}, {evidence.size_bytes} bytes"]
    if evidence.orientation and evidence.orientation != 1:
        out.append(f"  EXIF orientation {evidence.orientation}")
    out.append(f"  sha256 {evidence.sha256}")
    if not evidence.decodable:
        out.append(f"  unreadable: {evidence.error}")
    return out


def _rights_lines(rights: RightsSummary) -> list[str]:
    out: list[str] = []
    for key, label in RIGHTS_LABELS:
        value = getattr(rights, key)
        if not value:
            continue
        text = "; ".join(value) if isinstance(value, tuple) else str(value)
        sources = ", ".join(rights.sources.get(key, ()))
        out.append(f"  {label + ':':15} {text}" + (f"  [{sources}]" if sources else ""))
    if not out:
        out.append("  (no rights metadata)")
    out.extend(f"  conflict: {conflict}" for conflict in rights.conflicts)
    return out


def _section_lines(section: Mapping[str, Any], indent: str) -> list[str]:
    out: list[str] = []
    for key, value in section.items():
        if isinstance(value, Mapping):
            out.append(f"{indent}{key}:")
            out.extend(_section_lines(value, indent + "  "))
        elif isinstance(value, list) and any(isinstance(v, Mapping) for v in value):
            out.append(f"{indent}{key}:")
            for item in value:
                item_text = (
                    ", ".join(f"{k}={v}" for k, v in item.items())
                    if isinstance(item, Mapping)
                    else str(item)
                )
                out.append(f"{indent}  - {item_text}")
        elif isinstance(value, list):
            out.append(f"{indent}{key}: {'; '.join(str(v) for v in value)}")
        else:
            out.append(f"{indent}{key}: {value}")
    return out


def _c2pa_lines(c2pa: C2paSummary | None) -> list[str]:
    if c2pa is None:
        return []
    if not c2pa.present:
        return ["", f"c2pa: none embedded ({c2pa.error})" if c2pa.error else "c2pa: none"]
    out = ["", "c2pa:", f"  manifest: {c2pa.active_manifest}", f"  signer: {c2pa.signer}"]
    state = c2pa.validation_state or "unknown"
    errors = f" ({', '.join(c2pa.validation_errors)})" if c2pa.validation_errors else ""
    out.append(f"  validation: {state}{errors}")
    for action in c2pa.actions:
        source_type = action.get("digitalSourceType")
        out.append(
            f"  action: {action.get('action')}" + (f" [{source_type}]" if source_type else "")
        )
    for ingredient in c2pa.ingredients:
        out.append(f"  ingredient: {ingredient.get('title')} ({ingredient.get('relationship')})")
    if c2pa.creators:
        out.append(f"  creators: {'; '.join(c2pa.creators)}")
    return out
