"""The caption names a licence that requires its URI but does not link it.

What it checks
--------------
The caption names an existing licence (e.g. "CC BY-NC-ND 2.0") whose terms require the licence
itself or its URI to travel with the work, and neither links to the licence deed or legal code
nor writes its URL out. For print (`publication.medium: print`) only a written-out URL counts,
since a reader of paper cannot follow a link. The OGL asks for a link only "where possible", so
OGL captions with the attribution statement are not flagged.

Why it matters
--------------
CC 1.0-3.0 §4(a): "You must include a copy of, or the Uniform Resource Identifier for, this
License with every copy or phonorecord of the Work You distribute". CC 4.0 §3(a)(1)(C):
"include the text of, or the URI or hyperlink to, this Public License". A licence name alone
does not satisfy either; pre-4.0 licences terminate on any breach with no cure period (§7(a)).

Example
-------
    Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)
    Photo by UKTI

Fix
---
Link the licence name to its deed:
"[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)" (for print, write the
URL out).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from attrcheck.checks._support import (
    caption_offers_url,
    cure_level,
    finding,
    is_ogl,
    is_open,
    label,
    licence_by_id,
    needs_nothing,
    pinned_mentions,
    same_licence_url,
)
from attrcheck.model import FigureCase, Finding, Level, Licence

CODE = "AC104"
NAME = "missing-licence-link"
LEVEL: Level = "error"


def _needs_link(licence: Licence) -> bool:
    if needs_nothing(licence) or not is_open(licence) or is_ogl(licence):
        return False
    return licence.attribution.licence_uri and licence.url is not None


def _is_licence_url(url: str, licence: Licence) -> bool:
    return same_licence_url(url, licence)


def check(case: FigureCase) -> Iterator[Finding]:
    for mention in pinned_mentions(case.credit):
        licence = licence_by_id(case, mention.id or "")
        if licence is None or not _needs_link(licence):
            continue
        if case.policy.medium == "web" and mention.linked:
            return
        if caption_offers_url(case, partial(_is_licence_url, licence=licence)):
            return
        how = "write out" if case.policy.medium == "print" else "link"
        yield finding(
            case, CODE, NAME, cure_level(licence, "error"),
            f"caption names {label(licence)} but does not {how} {licence.url}",
            evidence=("caption",),
            fix=f"{how} the licence: {label(licence)} -> {licence.url}",
            where="caption",
        )  # fmt: skip
        return
