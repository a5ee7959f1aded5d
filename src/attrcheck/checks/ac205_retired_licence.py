"""The licence has been retired by its steward.

What it checks
--------------
The licence resolved for the image is marked retired in the licence database: Creative Commons
retired the Developing Nations licence, the Sampling, Sampling Plus and NonCommercial Sampling
Plus licences and the 1.0 units without BY (NC, ND, SA, ND-NC, NC-SA) among others.

Why it matters
--------------
A retired licence still binds those who used it, but its terms are unusual: Developing Nations
2.0 §3 grants rights "solely within the geographic territory of one or more Developing Nations";
Sampling 1.0 §3(c) excludes "All advertising and promotional uses". Creative Commons no longer
recommends them, and their terms deserve a human look before publication.

Example
-------
    Track art by Jane Doe, CC Sampling Plus 1.0

Fix
---
Check the retired licence's terms for this use; prefer a version the licensor also offers under a
current licence, or obtain permission and record it in the register.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, label, resolved_evidence
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC205"
NAME = "retired-licence"
LEVEL: Level = "warning"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not licence.retired:
        return
    when = f" on {licence.retired_on}" if licence.retired_on else ""
    instead = f"; its steward points to {licence.replaced_by}" if licence.replaced_by else ""
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{label(licence)} was retired by its steward{when}{instead}",
        evidence=resolved_evidence(case),
        fix="check the retired licence's terms for this use, or obtain permission",
    )  # fmt: skip
