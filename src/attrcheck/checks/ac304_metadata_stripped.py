"""The published file lost rights metadata the original carried.

What it checks
--------------
The original file (from the rights register) carries rights metadata (creator, copyright notice,
licence URL, web statement or usage terms in EXIF, IPTC or XMP) and the published file has lost
some kind of it, typically because a CMS or image pipeline stripped EXIF/IPTC/XMP on resize.

Why it matters
--------------
CC 1.0-3.0 §4(a)-(b): "You must keep intact all copyright notices for the Work" and "all notices
that refer to this License"; CC 4.0 §3(a)(1)(A) asks to "retain" the copyright notice and the
notice that refers to the licence if supplied. Embedded metadata is how the credit travels with
the file when it is copied off the page.

Example
-------
An original with IPTC By-line "Jane Doe" and XMP cc:license, published through a CMS that
writes a bare JPEG.

Fix
---
Configure the image pipeline to keep EXIF/IPTC/XMP rights fields (e.g. keep the APP1/APP13
segments, or copy them back with exiftool -tagsFromFile).
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import finding, image_unavailable
from attrcheck.model import FigureCase, Finding, Level, RightsSummary

CODE = "AC304"
NAME = "metadata-stripped"
LEVEL: Level = "warning"


def _kinds(rights: RightsSummary) -> dict[str, bool]:
    return {
        "creator": bool(rights.creators),
        "copyright notice": bool(rights.copyright),
        "licence": bool(rights.licence_url or rights.web_statement or rights.usage_terms),
    }


def check(case: FigureCase) -> Iterator[Finding]:
    original, image = case.original, case.image
    if original is None or image is None or image_unavailable(case):
        return
    if not original.rights.has_rights:
        return
    before, after = _kinds(original.rights), _kinds(image.rights)
    lost = [kind for kind, present in before.items() if present and not after[kind]]
    if not lost:
        return
    yield finding(
        case, CODE, NAME, LEVEL,
        f"the original carries rights metadata ({', '.join(lost)}) that the published file lost",
        evidence=("original", *(image.rights.sources.get("creators", ()) or ())),
        fix="keep EXIF/IPTC/XMP rights fields when resizing and publishing the image",
    )  # fmt: skip
