"""The image the article references does not exist.

What it checks
--------------
The image's `src` resolves to a local path (relative to the article, or to `--root` for absolute
paths) where no file exists.

Why it matters
--------------
Nothing can be checked about an image that is not there: its metadata, its modifications against
the original, the register entry matched by its hash. A broken image is also a broken article.
(No licence clause is involved; every other check depends on this one.)

Example
-------
    ![Harbour](img/harbour.jpg "Photo by Jane Doe, CC BY 4.0")

where img/harbour.jpg is absent.

Fix
---
Correct the path or add the file, then run attrcheck again.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC901"
NAME = "image-not-found"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    if not (case.image_missing or case.image_ref.kind == "missing"):
        return
    where = case.image_ref.path or case.figure.src
    reason = f" ({case.image_ref.reason})" if case.image_ref.reason else ""
    yield finding(
        case,
        CODE,
        NAME,
        LEVEL,
        f"image not found: {where}{reason}",
        fix="correct the image path or add the file",
    )
