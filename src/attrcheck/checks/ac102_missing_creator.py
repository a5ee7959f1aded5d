"""The caption credits no creator or credited party although the licence requires one.

What it checks
--------------
The licence resolved for the image requires credit to the author (every CC licence with BY; the
OGL's attribution statement counts for the OGL), but the caption (or the lack of one: a figure
with no caption also gets AC101) names no creator, no organisation other than a hosting
platform, and no copyright holder. A creator named in the register or metadata and found in the
caption text counts as credited.

Why it matters
--------------
CC BY 1.0-3.0 §4(b) require "the name of the Original Author (or pseudonym, if applicable) if
supplied"; 4.0 §3(a)(1)(A)(i) requires "identification of the creator(s) of the Licensed Material
and any others designated to receive attribution". The 1.0 NC, ND and SA units have no credit
clause, so they are not checked. Before 4.0 a breach ends the licence at once (§7(a)); 4.0 allows
30 days to cure (§6(b)), so those findings are warnings.

Example
-------
    ![Bridge](img/bridge.jpg "CC BY-SA 4.0 via Wikimedia Commons")

Fix
---
Name the creator (or the party the licensor designated): "Photo by Jane Doe, CC BY-SA 4.0, via
Wikimedia Commons".
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck import names
from attrcheck.checks._support import (
    attribution_applies,
    credited_names,
    cure_level,
    finding,
    is_ogl,
    label,
    resolved_evidence,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC102"
NAME = "missing-creator"
LEVEL: Level = "error"


def _known_creator(case: FigureCase) -> str | None:
    for record in (case.register, case.remote):
        if record is not None and record.creator and not names.is_placeholder(record.creator):
            return record.creator
    for image in (case.original, case.image):
        if image is not None:
            for creator in image.rights.creators:
                if not names.is_placeholder(creator):
                    return creator
    return None


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not attribution_applies(licence):
        return
    if not (licence.requires_attribution and licence.attribution.creator):
        return
    if credited_names(case.credit):
        return
    if is_ogl(licence) and "open government licence" in names.fold(case.credit.text):
        return
    creator = _known_creator(case)
    if creator is not None and names.credited(creator, case.credit):
        return
    who = f" ({creator} according to the evidence)" if creator else ""
    yield finding(
        case, CODE, NAME, cure_level(licence, "error"),
        f"{label(licence)} requires credit to the creator, but the caption names no creator"
        f"{who}",
        evidence=("caption", *resolved_evidence(case)),
        fix=f"name the creator in the caption{': ' + creator if creator else ''}",
        where="caption",
    )  # fmt: skip
