"""The policy's allow/deny lists exclude the image's licence.

What it checks
--------------
rules.yaml `licences.deny` matches the licence id or family (globs, case-insensitive, e.g.
"CC-BY-NC-*"), or `licences.allow` is not empty and matches neither. Deny wins over allow.

Why it matters
--------------
The licence may be valid and honoured, yet not one the publication accepts: a house rule against
ShareAlike because the site cannot license its own adaptations alike (CC BY-SA 4.0 §3(b)), or
against NonCommercial material for syndicated content (CC BY-NC 4.0 §2(a)(1)). The policy is
the newsroom's own clause, enforced like the licence's.

Example
-------
    Photo by Jane Doe, CC BY-SA 4.0

with `licences: {deny: ["CC-BY-SA-*"]}` in rules.yaml.

Fix
---
Replace the image with one under an allowed licence, or change the policy.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    finding,
    label,
    matches_any,
    resolved_evidence,
    separately_licensed,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC204"
NAME = "licence-not-allowed"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    policy = case.policy
    if licence is None or not (policy.allow or policy.deny) or separately_licensed(case):
        return
    denied = matches_any(licence, policy.deny)
    if denied is not None:
        why = f"the policy denies {denied!r}"
    elif policy.allow and matches_any(licence, policy.allow) is None:
        why = f"it is not in the policy's allow list ({', '.join(policy.allow)})"
    else:
        return
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{label(licence)} ({licence.id}) is not allowed: {why}",
        evidence=resolved_evidence(case),
        fix="replace the image with one under an allowed licence, or change rules.yaml licences:",
    )  # fmt: skip
