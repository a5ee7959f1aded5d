"""Two evidence sources name different licences for the same image.

What it checks
--------------
The caption, the image's metadata (EXIF, IPTC, XMP, sidecar, C2PA), the original file, the rights
register or a remote source record resolve to different licences (a different version, port or
set of licence elements), e.g. the caption says CC BY-SA 4.0 and the register CC BY 4.0.

Why it matters
--------------
Only one licence can be the one the licensor granted, and the obligations differ: the title is
required in 3.0 (§4(b)(ii)) but not in 4.0; ShareAlike (4.0 §3(b)) or NonCommercial (§2(a)(1))
may or may not apply. Crediting under the wrong licence misinforms readers and may leave the use
unlicensed. attrcheck resolves by precedence (register and signed C2PA over the original, over
the caption, over the published file) but a human should settle it.

Example
-------
    Coolcaesar, CC BY-SA 4.0

with the register recording `licence: CC BY 4.0`.

Fix
---
Check the licence at the image's source; correct the caption or the register so they agree.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, is_open, licence_by_id, unique
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC302"
NAME = "licence-conflict"
LEVEL: Level = "warning"


_METADATA = frozenset({"exif", "iptc", "xmp", "sidecar", "original"})


def _reserved_notice(case: FigureCase, source: str, licence_id: str) -> bool:
    """An "all rights reserved" line in embedded metadata: a copyright notice, not a licence.

    Photographers' templates write it into every file, including the ones they license openly;
    CC licences themselves ask to keep such notices intact (CC BY 4.0 §3(a)(1)(A)(ii)).
    """
    if source not in _METADATA:
        return False
    licence = licence_by_id(case, licence_id)
    return licence is not None and not is_open(licence)


def real_conflicts(case: FigureCase) -> tuple[tuple[str, str, str, str], ...]:
    """The resolver's conflicts, without metadata copyright notices set against a licence."""
    return tuple(
        (a, id_a, b, id_b)
        for a, id_a, b, id_b in case.resolved.conflicts
        if not (_reserved_notice(case, a, id_a) or _reserved_notice(case, b, id_b))
    )


def check(case: FigureCase) -> Iterator[Finding]:
    conflicts = real_conflicts(case)
    if not conflicts:
        return
    pairs = "; ".join(f"{a} says {id_a}, {b} says {id_b}" for a, id_a, b, id_b in conflicts)
    chosen = case.resolved.licence
    outcome = f" (attrcheck used {chosen.id})" if chosen is not None else ""
    yield finding(
        case, CODE, NAME, LEVEL,
        f"evidence disagrees about the licence: {pairs}{outcome}",
        evidence=unique(source for a, _, b, _ in conflicts for source in (a, b)),
        fix="check the licence at the source and make caption and register agree",
        where="caption",
    )  # fmt: skip
