"""The caption names a licence that does not exist or cannot be pinned to one version.

What it checks
--------------
A licence reference in the caption is invalid ("CC BY 5.0", "CC BY-SA 4.0 UK": 4.0 has no
ports) or unversioned ("CC BY-SA", "Creative Commons Attribution", "CC:BY") with nothing else in
the caption (another mention, a licence link) pinning the version.

Why it matters
--------------
Attribution must identify "this License" by copy or URI (CC 1.0-3.0 §4(a); 4.0 §3(a)(1)(C):
"include the text of, or the URI or hyperlink to, this Public License"). The versions differ in
substance (the title is required up to 3.0; 4.0 has a 30-day cure period, §6(b)), so an
unversioned or non-existent licence tells readers nothing they can rely on.

Example
-------
    Photo by Jane Doe, CC BY-SA

Fix
---
Name the exact licence and version the source gives, and link it: "[CC BY-SA
4.0](https://creativecommons.org/licenses/by-sa/4.0/)".
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, label, pinned_mentions
from attrcheck.model import CreditLicence, FigureCase, Finding, Level

CODE = "AC305"
NAME = "invalid-licence-reference"
LEVEL: Level = "warning"


def _problem(mention: CreditLicence) -> str:
    shown = mention.text.strip() or mention.family or "licence"
    if not mention.valid:
        reason = f" ({mention.reason})" if mention.reason else ""
        return f"{shown!r} names a licence that does not exist{reason}"
    return f"{shown!r} does not say which version of the licence"


def _unpinned(case: FigureCase) -> list[CreditLicence]:
    pinned_families = {m.family for m in pinned_mentions(case.credit) if m.family}
    bad = []
    for mention in case.credit.licences:
        if not mention.valid or (not mention.id and mention.family not in pinned_families):
            bad.append(mention)
    return bad


def check(case: FigureCase) -> Iterator[Finding]:
    bad = _unpinned(case)
    if not bad:
        return
    resolved = case.resolved.licence
    hint = f"; the evidence points to {label(resolved)}" if resolved is not None else ""
    yield finding(
        case, CODE, NAME, LEVEL,
        f"caption licence reference: {'; '.join(_problem(m) for m in bad)}{hint}",
        evidence=("caption",),
        fix="name the exact licence and version and link it"
        + (f": {label(resolved)} {resolved.url or ''}".rstrip() if resolved else ""),
        where="caption",
    )  # fmt: skip
