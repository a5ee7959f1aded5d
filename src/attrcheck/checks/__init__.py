"""Stage `checks`: one module per check, pure functions of a FigureCase.

Each module exports `CODE` ("AC201"), `NAME` ("nc-commercial-use"), `LEVEL` (its default level)
and `check(case) -> Iterator[Finding]`; its docstring is the user documentation (What it checks /
Why it matters / Example / Fix) printed by `attrcheck explain`. `REGISTRY` lists them explicitly
in code order. `run_checks` runs them all on one figure and applies the policy's per-check
levels (`checks:` in rules.yaml: error | warning | info | off).

Checks never do I/O: all evidence is gathered before they run.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from types import ModuleType

from attrcheck.checks import (
    ac101_missing_credit,
    ac102_missing_creator,
    ac103_missing_licence_notice,
    ac104_missing_licence_link,
    ac105_missing_title,
    ac106_missing_source_link,
    ac107_missing_modification_notice,
    ac201_nc_commercial_use,
    ac202_nd_modified,
    ac203_sa_adaptation,
    ac204_licence_not_allowed,
    ac205_retired_licence,
    ac206_no_permission_record,
    ac301_unknown_licence,
    ac302_licence_conflict,
    ac303_creator_mismatch,
    ac304_metadata_stripped,
    ac305_invalid_licence_reference,
    ac901_image_not_found,
    ac902_image_unreadable,
    ac903_suppression_without_reason,
)
from attrcheck.model import LEVELS, FigureCase, Finding, Level

__all__ = ["REGISTRY", "get", "nearest", "run_checks", "summary"]

REGISTRY: tuple[ModuleType, ...] = (
    ac101_missing_credit,
    ac102_missing_creator,
    ac103_missing_licence_notice,
    ac104_missing_licence_link,
    ac105_missing_title,
    ac106_missing_source_link,
    ac107_missing_modification_notice,
    ac201_nc_commercial_use,
    ac202_nd_modified,
    ac203_sa_adaptation,
    ac204_licence_not_allowed,
    ac205_retired_licence,
    ac206_no_permission_record,
    ac301_unknown_licence,
    ac302_licence_conflict,
    ac303_creator_mismatch,
    ac304_metadata_stripped,
    ac305_invalid_licence_reference,
    ac901_image_not_found,
    ac902_image_unreadable,
    ac903_suppression_without_reason,
)

_BY_KEY: dict[str, ModuleType] = {
    **{module.CODE.upper(): module for module in REGISTRY},
    **{module.NAME.upper(): module for module in REGISTRY},
}


def get(code_or_name: str) -> ModuleType | None:
    """The check module for a code ("AC201", "ac201") or a name ("nc-commercial-use")."""
    return _BY_KEY.get(code_or_name.strip().upper())


def nearest(code_or_name: str) -> str | None:
    """The closest known code or name, for "did you mean" messages."""
    matches = difflib.get_close_matches(code_or_name.strip().upper(), list(_BY_KEY), n=1)
    if not matches:
        return None
    module = _BY_KEY[matches[0]]
    return str(module.CODE if matches[0] == module.CODE else module.NAME)


def summary(module: ModuleType) -> str:
    """The first line of a check's docstring."""
    return (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""


def _level(setting: str | None, found: Level) -> Level | None:
    if setting is None:
        return found
    if setting == "off":
        return None
    return next((level for level in LEVELS if level == setting), found)


_CHECKS = tuple((module.CODE, module.check) for module in REGISTRY)


def run_checks(case: FigureCase) -> list[Finding]:
    """Every check's findings for one figure, at the levels the policy sets (off: dropped)."""
    levels = case.policy.levels
    findings: list[Finding] = []
    if not levels:  # the common case: default levels, nothing to adjust
        for _code, check in _CHECKS:
            findings.extend(check(case))
        return findings
    for code, check in _CHECKS:
        setting = levels.get(code) if levels else None
        if setting == "off":
            continue
        for found in check(case):
            level = _level(setting, found.level)
            if level is None:
                continue
            findings.append(found if level == found.level else replace(found, level=level))
    return findings
