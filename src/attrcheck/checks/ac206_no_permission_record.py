"""An agency, stock or all-rights-reserved credit with no record of permission.

What it checks
--------------
The caption credits a news or picture agency or a stock library (Getty Images, iStock, Reuters,
AP, AFP, PA, Shutterstock, dpa ...), or carries "all rights reserved" or a © notice, no open
licence resolves for the image, and neither a rights-register entry with `permission:` nor a
`permissions:` entry of rules.yaml (matched against the credit) covers it. Free stock platforms
(Unsplash, Pexels, Pixabay) have their own licences and are not flagged.

Why it matters
--------------
Agency and stock images are licensed by contract, not by a public licence, and a © notice
reserves every right ("all rights reserved"): reproducing and displaying the work are the owner's
exclusive rights (17 U.S.C. §106; UK CDPA 1988 s.16-s.20). Without a record of the subscription,
purchase or permission, nobody can show the use was licensed.

Example
-------
    Photo: Andrey Suslov/Shutterstock

with no register entry and no matching permission in rules.yaml.

Fix
---
Record the licence: add `permission: "Shutterstock enterprise plan, order 123"` to the image's
register entry, or a `permissions:` entry with `credit: "Shutterstock"` to rules.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, is_open, restricted_credit
from attrcheck.model import FigureCase, Finding, Level
from attrcheck.policy import find_permission

CODE = "AC206"
NAME = "no-permission-record"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    reason = restricted_credit(case.credit)
    if reason is None and licence is not None and not is_open(licence):
        reason = f"{licence.name} terms"
    if reason is None or (licence is not None and is_open(licence)):
        return
    if case.register is not None and case.register.permission:
        return
    if case.permission is not None:
        return
    if find_permission(case.policy, case.credit, case.figure.caption) is not None:
        return
    where = "no register entry" if case.register is None else "the register entry has no permission"
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{reason}, but {where} and no policy permission covers it",
        evidence=("caption", *(("register",) if case.register is not None else ())),
        fix="record the permission in the register (permission:) or in rules.yaml permissions:",
    )  # fmt: skip
