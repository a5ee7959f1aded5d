"""The image is credited, but no evidence says under what licence it is used.

What it checks
--------------
The caption credits someone, the credit is not an agency, stock or © credit (those are AC206),
and no evidence (caption, metadata, register, remote record) resolves a licence. A caption whose
only licence reference is invalid or unversioned ("CC BY-SA 4.0 UK", "CC BY-SA") resolves
nothing either, so it gets this finding as well as AC305. A free stock platform
named in the credit ("on Unsplash") and a public-domain statement count as a licence, and a
credit covered by a `permissions:` entry of rules.yaml (staff, handouts) or a register
`permission:` needs none. A missing or unreadable image (AC901/AC902) resolves nothing either, so
a bare credit next to one gets this finding too.

Why it matters
--------------
Every use of someone else's photo needs a licence: a public licence (e.g. CC BY 4.0 §2(a)(1),
the grant) or a contract. A name alone ("Picture by Pippa Fowles / No 10 Downing Street") says who
made the image, not that the publisher may use it or how it must be credited.

Example
-------
    Picture by Pippa Fowles / No 10 Downing Street.

with no register entry and no licence in the image's metadata.

Fix
---
Find the image's licence at its source and record it in the register (`licence:`, `source:`),
then credit it as the licence requires.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    finding,
    has_credit,
    restricted_credit,
    separately_licensed,
    stock_platform,
)
from attrcheck.model import FigureCase, Finding, Level
from attrcheck.policy import find_permission

CODE = "AC301"
NAME = "unknown-licence"
LEVEL: Level = "warning"


def check(case: FigureCase) -> Iterator[Finding]:
    credit = case.credit
    if case.resolved.licence is not None:
        return
    if not has_credit(credit):
        return
    if restricted_credit(credit) is not None or stock_platform(credit) is not None:
        return
    if any(statement.kind == "public-domain" for statement in credit.statements):
        return
    if separately_licensed(case) or find_permission(case.policy, credit, case.figure.caption):
        return
    searched = ["caption", "image metadata" if case.image is not None else ""]
    searched.append("register" if case.register is not None else "no register entry")
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the image is credited ({credit.text.strip()[:80]!r}) but no evidence names its licence "
        f"(searched: {', '.join(s for s in searched if s)})",
        evidence=("caption", *(("register",) if case.register is not None else ())),
        fix="find the licence at the image's source and record it in the register",
    )  # fmt: skip
