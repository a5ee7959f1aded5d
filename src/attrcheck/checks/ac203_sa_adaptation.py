"""A ShareAlike image was adapted, and the caption does not license the adaptation alike.

What it checks
--------------
The licence has the ShareAlike element, the image was modified in a way the policy grades as an
adaptation (a crop or an alteration by default), and the caption names neither the same licence
nor a later version or compatible licence for the result. An unmodified ShareAlike image is only
shown, not adapted, and is not flagged.

Why it matters
--------------
CC BY-SA 1.0-3.0 §4(b): "You may distribute ... a Derivative Work [Adaptation] only under the
terms of this License, a later version of this License with the same License Elements ...";
CC BY-SA 4.0 §3(b)(1): "The Adapter's License You apply must be a Creative Commons license with
the same License Elements, this version or later, or a BY-SA Compatible License", and §3(b)(2)
requires its URI or hyperlink.

Example
-------
    Photo by Jane Doe (cropped)

for a CC BY-SA 4.0 image recorded in the register.

Fix
---
State the licence of the adapted image: "Photo by Jane Doe, cropped, licensed under
[CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/)".
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

from attrcheck.checks._support import adaptation, finding, label, resolved_evidence
from attrcheck.model import CreditLicence, FigureCase, Finding, Level, Licence

CODE = "AC203"
NAME = "sa-adaptation"
LEVEL: Level = "warning"


def _version(text: str | None) -> float:
    try:
        return float(text or "0")
    except ValueError:
        return 0.0


def compatible(mention: CreditLicence, licence: Licence) -> bool:
    """The caption's licence may carry an adaptation of the ShareAlike work."""
    if not mention.valid or not mention.id:
        return False
    if mention.id == licence.id:
        return True
    if any(fnmatch.fnmatchcase(mention.id, pattern) for pattern in licence.share_alike_compatible):
        return True
    same_family = mention.family == licence.family and mention.jurisdiction is None
    return same_family and _version(mention.version) >= _version(licence.version)


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not licence.share_alike or licence.no_derivatives:
        return
    changed = adaptation(case, licence)
    if changed is None:
        return
    if any(compatible(mention, licence) for mention in case.credit.licences):
        return
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the image was {changed.description}; as an adaptation of a {label(licence)} work it "
        f"must be shared under {label(licence)} or a compatible licence, which the caption does "
        "not state",
        evidence=(*changed.evidence, "caption", *resolved_evidence(case)),
        fix=f"state in the caption that the adapted image is licensed under {label(licence)}",
        where="caption",
    )  # fmt: skip
