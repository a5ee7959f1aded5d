"""The licence asks for the work's title, the evidence supplies one, and the caption lacks it.

What it checks
--------------
For licences whose credit clause includes "the title of the Work if supplied" (Creative Commons
1.0, 2.0, 2.5 and 3.0), a title is supplied by the rights register, a remote source record
(Flickr, Wikimedia Commons, Openverse) or the image's metadata (dc:title, IPTC Object Name), and
the caption does not contain it. File-name-like titles ("IMG_1234.jpg") are ignored. 4.0 dropped
the title requirement and is not checked.

Why it matters
--------------
CC BY 2.0 §4(b) and 3.0 §4(b)(ii): credit must convey "the title of the Work if supplied". The
title is how readers find the work and how the licensor knows it is theirs.

Example
-------
    Photo by Pippa Fowles / No 10 Downing Street, CC BY-NC-ND 2.0

with the register recording `title: Secretary Pompeo and the Foreign Secretary`.

Fix
---
Add the title, in quotes, before the creator: '"Secretary Pompeo and the Foreign Secretary" by
Pippa Fowles / No 10 Downing Street, CC BY-NC-ND 2.0'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrcheck import names
from attrcheck.checks._support import (
    attribution_applies,
    finding,
    label,
    per_case,
    resolved_evidence,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC105"
NAME = "missing-title"
LEVEL: Level = "warning"

_FILE_LIKE = re.compile(
    r"^(?:[A-Za-z_]{2,6}[-_ ]?\d{2,}|.*\.(?:jpe?g|png|gif|webp|tiff?|heic|avif|dng|raw|cr2|nef))$",
    re.I,
)


@per_case
def supplied_title(case: FigureCase) -> tuple[str, str] | None:
    """(title, evidence source) from the register, remote record, original or published file."""
    records = [(case.register, "register"), (case.remote, "remote")]
    for record, source in records:
        if record is not None and record.title and _is_title(record.title):
            return record.title.strip(), source
    for image, fallback in ((case.original, "original"), (case.image, "xmp")):
        if image is not None and image.rights.title and _is_title(image.rights.title):
            containers = image.rights.sources.get("title", ())
            source = "original" if fallback == "original" else (containers or (fallback,))[0]
            return image.rights.title.strip(), source
    return None


def _is_title(title: str) -> bool:
    text = title.strip()
    return bool(names.fold(text)) and not _FILE_LIKE.match(text)


def caption_has_title(case: FigureCase, title: str) -> bool:
    wanted = names.fold(title)
    if case.credit.title and names.fold(case.credit.title) == wanted:
        return True
    return f" {wanted} " in f" {names.fold(case.credit.text)} "


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not attribution_applies(licence):
        return
    if not licence.attribution.title:
        return
    supplied = supplied_title(case)
    if supplied is None or caption_has_title(case, supplied[0]):
        return
    title, source = supplied
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{label(licence)} requires the title supplied by the {source} (\u201c{title}\u201d), "
        "but the caption does not give it",
        evidence=("caption", source, *resolved_evidence(case)),
        fix=f"add the title to the caption: \u201c{title}\u201d",
        where="caption",
    )  # fmt: skip
