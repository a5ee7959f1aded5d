"""The evidence gives the work's URL, and the caption does not link it.

What it checks
--------------
For licences from version 2.0 on, the rights register, a remote source record or the image's
metadata (XMP cc:attributionURL, photoshop:Source) gives a URL for the work (its Flickr or
Commons page, the licensor's page), and the caption neither links to it (a credit link, the Hugo
attrlink, a link around the image) nor writes it out. For print only a written-out URL counts.

Why it matters
--------------
CC BY 2.0-3.0 §4(b)(iii): credit must include, "to the extent reasonably practicable, the
Uniform Resource Identifier, if any, that Licensor specifies to be associated with the Work";
4.0 §3(a)(1)(A)(v): "a URI or hyperlink to the Licensed Material to the extent reasonably
practicable". On the web a link is practicable.

Example
-------
    Photo by Jane Doe, [CC BY 2.0](https://creativecommons.org/licenses/by/2.0/)

with the register recording `source: https://www.flickr.com/photos/janedoe/123/`.

Fix
---
Link the work: "[Photo](https://www.flickr.com/photos/janedoe/123/) by Jane Doe, CC BY 2.0".
"""

from __future__ import annotations

from collections.abc import Iterator

from attrcheck.checks._support import (
    attribution_applies,
    caption_offers_url,
    finding,
    label,
    per_case,
    resolved_evidence,
    same_url,
)
from attrcheck.model import FigureCase, Finding, Level

CODE = "AC106"
NAME = "missing-source-link"
LEVEL: Level = "warning"


@per_case
def supplied_source(case: FigureCase) -> tuple[str, str] | None:
    """(URL of the work, evidence source) from the register, remote record or metadata."""
    for record, source in ((case.register, "register"), (case.remote, "remote")):
        if record is not None and record.source and _is_url(record.source):
            return record.source.strip(), source
    for image, fallback in ((case.original, "original"), (case.image, "xmp")):
        if image is None:
            continue
        for value in image.values:
            if value.field == "cc:attributionURL" and _is_url(value.value):
                return value.value.strip(), "original" if fallback == "original" else value.source
        if image.rights.source and _is_url(image.rights.source):
            containers = image.rights.sources.get("source", ()) or (fallback,)
            source = "original" if fallback == "original" else containers[0]
            return image.rights.source.strip(), source
    return None


def _is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def check(case: FigureCase) -> Iterator[Finding]:
    licence = case.resolved.licence
    if licence is None or not attribution_applies(licence):
        return
    if not licence.attribution.source_uri:
        return
    supplied = supplied_source(case)
    if supplied is None:
        return
    url, source = supplied
    if caption_offers_url(case, lambda candidate: same_url(candidate, url)):
        return
    how = "write out" if case.policy.medium == "print" else "link"
    yield finding(
        case, CODE, NAME, LEVEL,
        f"{label(licence)} asks for the work's URL, which the {source} gives ({url}), but the "
        f"caption does not {how} it",
        evidence=("caption", source, *resolved_evidence(case)),
        fix=f"{how} the source in the caption: {url}",
        where="caption",
    )  # fmt: skip
