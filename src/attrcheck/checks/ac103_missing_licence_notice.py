"""The licence is known from other evidence, but the caption does not name it.

What it checks
--------------
The licence was resolved from the rights register, the image's metadata (EXIF, IPTC, XMP,
sidecar, C2PA), the original file or a remote source record, and the caption (if there is one)
does not name it: no name, code, link, or (for the OGL) attribution statement of that licence. A
caption that names a different licence does not name it either, so such a caption gets this
finding as well as the conflict (AC302).

Why it matters
--------------
CC 1.0-3.0 §4(a): "You must include a copy of, or the Uniform Resource Identifier for, this
License with every copy". 4.0 §3(a)(1)(C): "indicate the Licensed Material is licensed under
this Public License, and include the text of, or the URI or hyperlink to, this Public License".
OGL v3.0: acknowledge the source with the attribution statement and, where possible, link the
licence. Readers cannot learn what they may do with the image otherwise.

Example
-------
    Picture by Pippa Fowles / No 10 Downing Street.

with the register recording `licence: CC BY-NC-ND 2.0`.

Fix
---
Name and link the licence: "Picture by Pippa Fowles / No 10 Downing Street, licensed under
[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)".
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    attribution_applies,
    caption_names,
    cure_level,
    finding,
    label,
    licence_from_elsewhere,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC103"
NAME = "missing-licence-notice"
LEVEL: Level = "error"


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not attribution_applies(licence):
        return
    if not (licence.attribution.licence_uri or licence.attribution.statement):
        return
    sources = licence_from_elsewhere(case)
    if not sources or caption_names(case, licence):
        return
    link = f" ({licence.url})" if licence.url else ""
    yield finding(
        case, CODE, NAME, cure_level(licence, "error"),
        f"the {', '.join(sources)} records {label(licence)}, but the caption does not name the "
        "licence",
        evidence=("caption", *sources),
        fix=f"name and link the licence in the caption: {label(licence)}{link}",
        where="caption",
    )  # fmt: skip
