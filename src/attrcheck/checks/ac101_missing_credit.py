"""The figure carries no credit at all.

What it checks
--------------
The caption (title attribute, caption paragraph, figcaption, Hugo attr, data-credit) credits
nothing: no creator, organisation, licence, copyright statement or credit link. It stays silent
when the resolved licence needs no credit (CC0, the Public Domain Mark, public domain, Unsplash,
Pexels, Pixabay).

Why it matters
--------------
Every Creative Commons licence with the BY element makes credit a condition of the licence: 1.0
§4(b), 2.0/2.5 §4(b), 3.0 §4(b) ("give the Original Author credit"), 4.0 §3(a)(1)(A)
("identification of the creator(s)"). Other media need a credit for the contract or the law
(agency terms, moral rights). An image published without any credit breaches all of them.

Example
-------
    ![Harbour at dawn](img/harbour.jpg)

with a register entry saying the photo is CC BY 2.0 by Jane Doe.

Fix
---
Add a caption with the suggested attribution, e.g.
"Photo by Jane Doe, licensed under CC BY 2.0 (https://creativecommons.org/licenses/by/2.0/)".
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, has_credit, label, needs_nothing
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC101"
NAME = "missing-credit"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    if has_credit(case.credit):
        return
    licence = case.resolved.licence
    if licence is not None and needs_nothing(licence):
        return
    known = f" ({label(licence)})" if licence is not None else ""
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the image has no credit at all{known}: no creator, licence or source is named",
        evidence=("caption", *(item.source for item in case.resolved.evidence)),
        fix="add a caption with the suggested attribution (creator, licence and source)",
        where="caption",
    )  # fmt: skip
