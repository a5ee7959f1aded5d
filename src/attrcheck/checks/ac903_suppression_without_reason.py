"""A `disable-next` comment before the figure gives no reason, so it suppresses nothing.

What it checks
--------------
The figure is preceded by `<!-- attrcheck: disable-next=AC201 -->` (Markdown or HTML comment,
or the front-matter form) without `reason="..."`. Such a comment suppresses nothing: the findings
it names are still reported, and this finding says why.

Why it matters
--------------
A suppression is a decision that a licence condition (e.g. CC BY-NC 4.0 §2(a)(1) for AC201) does
not apply here, typically because the image is licensed separately. Without a recorded reason
nobody can later check that decision, and the next editor cannot tell a real licence from a
silenced warning.

Example
-------
    <!-- attrcheck: disable-next=AC201 -->
    ![Delegates](img/ukti.jpg)

Fix
---
Say why, and where the evidence is:
`<!-- attrcheck: disable-next=AC201 reason="licensed separately, ticket 123" -->`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from attrcheck.checks._support import finding
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC903"
NAME = "suppression-without-reason"
LEVEL: Level = "warning"


def check(case: FigureCase) -> Iterator[Finding]:
    suppression = case.figure.suppression
    if suppression is None or (suppression.reason and suppression.reason.strip()):
        return
    codes = ",".join(suppression.codes) or "?"
    found = finding(
        case, CODE, NAME, LEVEL,
        f"disable-next={codes} has no reason, so it suppresses nothing",
        fix=f'add a reason: <!-- attrcheck: disable-next={codes} reason="..." -->',
    )  # fmt: skip
    yield replace(found, line=max(1, suppression.line), column=max(1, suppression.column))
