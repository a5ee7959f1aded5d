"""A NoDerivatives image was cropped or altered.

What it checks
--------------
The licence permits no derivatives (CC BY-ND, BY-NC-ND, the 1.0 ND units) and the published
image differs from the original beyond what the policy allows: by default a crop or an
alteration (overlay, colour change or grayscale, mirror, retouch), found by comparing with the
original, or recorded in the image's XMP (crs:HasCrop, xmpMM:History) or C2PA actions. Resizing,
recompression and format changes are allowed by default (`modifications:` in rules.yaml). The
England & Wales 2.0 port has no allowance for technical changes, so under it any change counts.

Why it matters
--------------
CC 1.0-3.0 grant only the right to reproduce and distribute the Work "as incorporated in
Collective Works"; 3.0 §3 allows "modifications as are technically necessary ... but otherwise
you have no rights to make Adaptations". CC 4.0 §2(a)(1)(B) lets you "produce and reproduce, but
not Share, Adapted Material". The England & Wales 2.0 §2.1: "You must not: ... make any
Derivative Works", a Derivative Work being "any work created by the editing, modification,
adaptation or translation of the Work in any media" (§1(c)).

Example
-------
    Photo by UKTI, CC BY-NC-ND 2.0

for an image cropped from the original in the register.

Fix
---
Publish the image uncropped and unaltered (resizing is fine), or obtain permission from the rights
holder and record it in the register.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    adaptation,
    finding,
    label,
    resolved_evidence,
    separately_licensed,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC202"
NAME = "nd-modified"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not licence.no_derivatives:
        return
    if separately_licensed(case):
        return
    changed = adaptation(case, licence)
    if changed is None:
        return
    port = ""
    if not licence.attribution.technical_changes_allowed:
        port = " (this licence does not allow even technical changes)"
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the image was {changed.description}, but {label(licence)} permits no derivatives{port}",
        evidence=(*changed.evidence, *resolved_evidence(case)),
        fix="publish the image unmodified (resizing is fine) or obtain permission",
    )  # fmt: skip
