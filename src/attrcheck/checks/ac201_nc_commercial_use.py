"""A NonCommercial licence in a commercial publication.

What it checks
--------------
The licence resolved for the image prohibits commercial use (CC BY-NC, BY-NC-SA, BY-NC-ND in
every version and port, the 1.0 NC units) and rules.yaml says the publication is commercial
(`publication.commercial: true`, the default: ad-supported or paid).

Why it matters
--------------
CC 1.0-3.0 (§4(b) in BY-NC and BY-NC-ND, §4(c) in BY-NC-SA): "You may not exercise any of the
rights granted to You in Section 3 above in any manner that is primarily intended for or directed
toward commercial advantage or private monetary compensation." CC 4.0 §2(a)(1) grants the rights
"for NonCommercial purposes only". Using the image on a commercial site is outside the licence
altogether: crediting it correctly does not help.

Example
-------
    Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)
    Photo by UKTI

on a news site that carries advertising.

Fix
---
Replace the image, or obtain a separate licence from the rights holder and record it in the
register (`permission:`), or set `publication.commercial: false` if the publication really is
non-commercial.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, label, resolved_evidence, separately_licensed
from attrcheck.model import FigureCase, Finding, Level, Licence

CODE = "AC201"
NAME = "nc-commercial-use"
LEVEL: Level = "error"


def clause(licence: Licence) -> str:
    """Where the NonCommercial condition sits in this licence's text."""
    if (licence.version or "").startswith("4"):
        return "§2(a)(1)"
    if licence.share_alike and (licence.version or "") != "1.0":
        return "§4(c)"
    return "§4(b)"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not licence.noncommercial or not case.policy.commercial:
        return
    if separately_licensed(case):
        return
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{label(licence)} prohibits commercial use (NonCommercial, {clause(licence)}), and the "
        "policy says the publication is commercial",
        evidence=resolved_evidence(case),
        fix="replace the image or obtain a separate licence and record it in the register",
    )  # fmt: skip
