"""The image was modified, the licence allows that, but the caption does not say so.

What it checks
--------------
The published image differs from the original in a way the policy grades as a modification
(by default a crop or an alteration: overlay, colour change, mirror, retouch; `modifications:` in
rules.yaml), or a crop is recorded in its XMP or C2PA manifest; the licence permits derivatives
and asks for changes to be indicated; and the caption has no change note ("cropped", "adapted",
"detail", "modified" ...). NoDerivatives licences are AC202 instead.

Why it matters
--------------
CC 4.0 §3(a)(1)(B): "indicate if You modified the Licensed Material and retain an indication of
any previous modifications" (always). CC 3.0 §3(b): an Adaptation must "clearly label, demarcate
or otherwise identify that changes were made to the original Work", with a credit "identifying
the use of the Work in the Adaptation" (§4(b)(iv)); 1.0-2.5 §4(b) likewise for Derivative Works.

Example
-------
    Photo by Jane Doe, CC BY 4.0

for an image cropped from the original recorded in the register.

Fix
---
Say what changed: "Photo by Jane Doe, cropped, CC BY 4.0" (or "adapted from ...").
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    adaptation,
    attribution_applies,
    finding,
    is_ogl,
    label,
    resolved_evidence,
    says_modified,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC107"
NAME = "missing-modification-notice"
LEVEL: Level = "warning"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not attribution_applies(licence):
        return
    if licence.no_derivatives or is_ogl(licence):
        return
    if licence.attribution.modification_notice == "none":
        return
    changed = adaptation(case, licence)
    if changed is None or says_modified(case.credit):
        return
    word = "cropped" if changed.kind == "cropped" else "adapted"
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the image was {changed.description}; {label(licence)} requires saying so, but the "
        "caption has no modification notice",
        evidence=(*changed.evidence, "caption", *resolved_evidence(case)),
        fix=f'say so in the caption, e.g. "{word}"',
        where="caption",
    )  # fmt: skip
