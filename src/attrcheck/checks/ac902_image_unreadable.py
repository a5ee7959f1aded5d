"""The image exists but cannot be decoded (or a remote image could not be fetched).

What it checks
--------------
The image file exists but is not an image attrcheck can read (truncated, corrupt, an unsupported
format, a decompression bomb), or a remote image could not be fetched (refused private host, too
large, HTTP error, timeout).

Why it matters
--------------
Its rights metadata (EXIF, IPTC, XMP, C2PA) and pixels cannot be examined, so the licence and
modification checks rest on the caption and register alone. A file browsers cannot render is also
a broken article. (No licence clause is involved.)

Example
-------
    ![Chart](img/chart.png "Chart by Jane Doe, CC BY 4.0")

where img/chart.png is a truncated download.

Fix
---
Replace the file with a valid export of the image (or make the remote image reachable), then run
attrcheck again.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC902"
NAME = "image-unreadable"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    if case.image_missing:
        return
    image = case.image
    if image is not None and not image.decodable:
        reason = f": {image.error}" if image.error else ""
        yield finding(
            case,
            CODE,
            NAME,
            LEVEL,
            f"image cannot be decoded: {image.path}{reason}",
            fix="replace the file with a valid export of the image",
        )
    elif image is None and case.remote_error is not None:
        where = case.image_ref.url or case.figure.src
        yield finding(
            case,
            CODE,
            NAME,
            LEVEL,
            f"remote image could not be fetched: {where}: {case.remote_error}",
            evidence=("remote",),
            fix="make the image reachable (or store a local copy), or run with network access",
        )
