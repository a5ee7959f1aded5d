"""Turn a parsed reference (elements + version + port, or a URL) into a verdict about one tool.

A reference names a CC unit by its elements ("by-nc-nd"), optionally a version and a port. The
resolver pins it to one legal tool, or says why it cannot: "no version given" (valid, family
only), "no version 5.0 of CC BY", "4.0 has no ports", "CC BY 2.1 exists only as ports (au, ca,
es, jp)", "CC BY-SA 3.0 has no UK port". The 1.0 oddity lives here: "BY-NC-ND 1.0" is the unit
by-nd-nc, and "NC-ND" is the unit nd-nc.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from attrcheck.licences.urls import CcPath, parse_cc_path, parse_ogl_url

ELEMENTS = ("by", "nc", "nd", "sa")
MAX_REMEMBERED = 4096  # verdicts kept by Resolver.resolve_cc
UNITS_OF_SPEC = {"by-nc-nd": ("by-nc-nd", "by-nd-nc"), "nc-nd": ("nd-nc",)}
FAMILY_OF_SPEC = {
    "by": "CC-BY", "by-sa": "CC-BY-SA", "by-nc": "CC-BY-NC", "by-nd": "CC-BY-ND",
    "by-nc-sa": "CC-BY-NC-SA", "by-nc-nd": "CC-BY-NC-ND", "nc": "CC-NC", "nd": "CC-ND",
    "sa": "CC-SA", "nc-sa": "CC-NC-SA", "nc-nd": "CC-ND-NC", "sampling": "CC-SAMPLING",
    "sampling+": "CC-SAMPLING+", "nc-sampling+": "CC-NC-SAMPLING+",
    "devnations": "CC-DEVNATIONS", "zero": "CC0", "mark": "PDM", "certification": "CC-PDDC",
}  # fmt: skip
DISPLAY_OF_SPEC = {
    "zero": "CC0", "mark": "PDM", "certification": "the Public Domain Certification",
    "sampling": "CC Sampling", "sampling+": "CC Sampling+", "nc-sampling+": "CC NC Sampling+",
    "devnations": "CC Developing Nations", "nc-nd": "CC ND-NC",
}  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    id: str | None
    family: str | None
    version: str | None
    jurisdiction: str | None
    valid: bool
    reason: str | None = None


def spec_of_unit(unit: str) -> str:
    """Canonical element spec of a CC unit or URL path segment ("by-nd-nc" -> "by-nc-nd")."""
    parts = unit.lower().split("-")
    if all(part in ELEMENTS for part in parts) and len(set(parts)) == len(parts):
        return "-".join(sorted(parts, key=ELEMENTS.index))
    return unit.lower()


def display_name(spec: str) -> str:
    return DISPLAY_OF_SPEC.get(spec) or f"CC {spec.upper()}"


class Resolver:
    """Lookup tables over the CC tools and the other licences' families and versions."""

    def __init__(self, records: list[dict[str, object]]) -> None:
        self.tools: dict[tuple[str, str, str | None], str] = {}
        self.ports: dict[tuple[str, str], list[str | None]] = defaultdict(list)
        self.units: dict[str, list[str]] = defaultdict(list)
        self.family_versions: dict[tuple[str, str | None], str] = {}
        self.family_ids: dict[str, list[str]] = defaultdict(list)
        self.paths: dict[str, str] = {}
        self.where: dict[str, tuple[str | None, str | None]] = {}
        self._cc_verdicts: dict[tuple[str, str | None, str | None], Verdict] = {}
        for record in records:
            ident, family = str(record["id"]), str(record["family"])
            version = record["version"] if isinstance(record["version"], str) else None
            port = record["jurisdiction"] if isinstance(record["jurisdiction"], str) else None
            unit = record.get("unit")
            self.family_ids[family].append(ident)
            if isinstance(unit, str) and version is not None:
                self.tools[(unit, version, port)] = ident
                self.ports[(unit, version)].append(port)
                self.units[unit].append(ident)
                self.where[ident] = (version, port)
                if isinstance(record["url"], str):
                    self.paths[ident] = record["url"].split("creativecommons.org", 1)[-1]
            else:
                self.family_versions.setdefault((family, version), ident)

    # ----------------------------------------------------------------------- CC references

    def resolve_cc(self, spec: str, version: str | None, port: str | None) -> Verdict:
        """The verdict on CC `spec` `version` `port` (each asked once: verdicts are frozen)."""
        key = (spec, version, port)
        verdict = self._cc_verdicts.get(key)
        if verdict is None:
            if len(self._cc_verdicts) >= MAX_REMEMBERED:
                self._cc_verdicts.clear()  # hostile text naming endless made-up versions
            verdict = self._cc_verdicts[key] = self._resolve_cc(spec, version, port)
        return verdict

    def forget(self) -> None:
        """Drop the remembered verdicts (benchmarks measure a cold start with this)."""
        self._cc_verdicts.clear()

    def _resolve_cc(self, spec: str, version: str | None, port: str | None) -> Verdict:
        family = FAMILY_OF_SPEC.get(spec)
        if family is None:
            reason = "ND and SA cannot be combined" if "nd" in spec and "sa" in spec else None
            return Verdict(None, None, version, port, False, reason or f"no CC unit {spec}")
        units = UNITS_OF_SPEC.get(spec, (spec,))
        only = self._only_tool(units)
        if version is None:
            if only is not None and port is None:
                return self._pinned(only, family)
            return Verdict(None, family, None, port, True, "no version given")
        for unit in units:
            ident = self.tools.get((unit, version, port))
            if ident is not None:
                return Verdict(ident, family, version, port, True)
        if only is not None and port is None and self._version_of(only) == version:
            return self._pinned(only, family)
        return Verdict(
            None, family, version, port, False, self._why_not(spec, units, version, port)
        )

    def _only_tool(self, units: tuple[str, ...]) -> str | None:
        idents = [ident for unit in units for ident in self.units.get(unit, [])]
        return idents[0] if len(idents) == 1 else None

    def _version_of(self, ident: str) -> str | None:
        return self.where.get(ident, (None, None))[0]

    def _pinned(self, ident: str, family: str) -> Verdict:
        version, port = self.where.get(ident, (None, None))
        return Verdict(ident, family, version, port, True)

    def _why_not(self, spec: str, units: tuple[str, ...], version: str, port: str | None) -> str:
        name = display_name(spec)
        ports = [p for unit in units for p in self.ports.get((unit, version), [])]
        if port is not None and version == "4.0":
            return "4.0 has no ports"
        if not ports:
            return f"no version {version} of {name}"
        if port is None:
            listed = ", ".join(sorted(p for p in ports if p))
            return f"{name} {version} exists only as ports ({listed})"
        return f"{name} {version} has no {port.upper()} port"

    # ----------------------------------------------------------------------- other licences

    def resolve_family(self, family: str, version: str | None) -> Verdict:
        idents = self.family_ids.get(family, [])
        if version is None:
            if len(idents) == 1:
                return Verdict(idents[0], family, None, None, True)
            return Verdict(None, family, None, None, True, "no version given")
        ident = self.family_versions.get((family, version))
        if ident is None:
            return Verdict(None, family, version, None, False, f"no version {version} of {family}")
        return Verdict(ident, family, version, None, True)

    # ----------------------------------------------------------------------- URLs

    def resolve_url(self, url: str) -> Verdict | None:
        """Verdict for a licence URL the URL table does not know (a wrong or unversioned one)."""
        path = parse_cc_path(url)
        if path is not None:
            return self._resolve_cc_path(path)
        is_ogl, version = parse_ogl_url(url)
        if is_ogl:
            return self.resolve_family("OGL-UK", version)
        return None

    def _resolve_cc_path(self, path: CcPath) -> Verdict | None:
        spec = spec_of_unit(path.unit)
        if spec not in FAMILY_OF_SPEC:
            if path.version is None:
                return None  # e.g. /licenses/list/: a page, not a tool
            reason = f"not a current Creative Commons legal tool ({path.unit})"
            return Verdict(None, None, path.version, path.jurisdiction, False, reason)
        verdict = self.resolve_cc(spec, path.version, path.jurisdiction)
        literal = (path.unit, path.version, path.jurisdiction)
        if verdict.id is not None and path.version is not None and literal not in self.tools:
            reason = f"no such URL: {verdict.id} is at {self.paths[verdict.id]}"
            return Verdict(None, verdict.family, path.version, path.jurisdiction, False, reason)
        return verdict
