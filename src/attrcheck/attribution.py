"""Suggested attribution for a figure, in TASL order (Title, Author, Source, Licence), right for its
licence and version.

`suggest(case)` returns the same credit as plain text, Markdown and HTML (the licence link with
rel="license"):

- CC licences: the title in quotes when supplied (required up to 3.0), "by" the creator (with the
  credited organisation: "Pippa Fowles / No 10 Downing Street"), the work linked to its source,
  "cropped from" / "adapted from" when the image was modified (not for NoDerivatives licences,
  which forbid it), and "licensed under" the licence's short name linked to its deed;
- CC0 and the Public Domain Mark: a courtesy credit with the tool named and linked;
- public domain: a courtesy credit and "public domain";
- Unsplash, Pexels, Pixabay: the platforms' own form ("Photo by X on Unsplash");
- the OGL: the credit and the licence's attribution statement, the licence linked;
- agency, stock and all-rights-reserved credits: "Creator / Agency" as recorded.

The result depends only on the evidence, so it is deterministic and idempotent: a caption already
equal to the suggestion parses to the same evidence and gets the same suggestion.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from attrcheck import names
from attrcheck.checks._support import (
    adaptation,
    credited_names,
    is_ogl,
    is_open,
    label,
    restricted_credit,
    stock_platform,
    unique,
)
from attrcheck.checks.ac105_missing_title import supplied_title
from attrcheck.checks.ac106_missing_source_link import supplied_source
from attrcheck.model import FigureCase, Licence, SuggestedAttribution

__all__ = ["suggest"]

_MARKDOWN_SPECIAL = str.maketrans({ch: f"\\{ch}" for ch in "\\`*_[]<>"})


@dataclass(frozen=True)
class _Parts:
    """The pieces of a credit, each as plain text plus an optional URL."""

    title: str | None
    creator: str | None
    source: str | None
    licence: Licence | None
    modified: str | None  # "cropped" | "adapted"


class _Writer:
    """Renders text, Markdown and HTML side by side."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.markdown: list[str] = []
        self.html: list[str] = []

    def plain(self, words: str) -> None:
        self.text.append(words)
        self.markdown.append(words.translate(_MARKDOWN_SPECIAL))
        self.html.append(html.escape(words, quote=False))

    def link(self, words: str, url: str | None, *, rel: str | None = None) -> None:
        if not url:
            self.plain(words)
            return
        self.text.append(f"{words} ({url})")
        target = f"<{url}>" if any(ch in url for ch in " ()<>") else url
        self.markdown.append(f"[{words.translate(_MARKDOWN_SPECIAL)}]({target})")
        rel_attr = f' rel="{rel}"' if rel else ""
        self.html.append(
            f'<a{rel_attr} href="{html.escape(url)}">{html.escape(words, quote=False)}</a>'
        )

    def result(self) -> SuggestedAttribution:
        return SuggestedAttribution(
            text="".join(self.text).strip(),
            markdown="".join(self.markdown).strip(),
            html="".join(self.html).strip(),
        )


def _creator(case: FigureCase) -> str | None:
    """The creator as recorded, with the credited organisation when there is one."""
    people: list[str] = []
    for record in (case.register, case.remote):
        if record is not None and record.creator and not names.is_placeholder(record.creator):
            people = [record.creator]
            break
    if not people:
        people = [n for n in credited_names(case.credit) if not names.is_placeholder(n)]
    if not people:
        for image in (case.original, case.image):
            if image is not None and image.rights.creators:
                people = [c for c in image.rights.creators if not names.is_placeholder(c)]
                break
    if not people:
        return None
    organisations = set(case.credit.organisations)
    extra = [
        name
        for name in credited_names(case.credit)
        if (name in organisations or names.looks_like_organisation(name))
        and not any(names.same_creator(name, p) for p in people)
    ]
    return " / ".join(unique([*people, *extra]))


def _source(case: FigureCase) -> str | None:
    supplied = supplied_source(case)
    if supplied is not None:
        return supplied[0]
    if case.figure.credit_link:
        return case.figure.credit_link
    links = [link.url for link in case.credit.links if link.role == "source"]
    return links[0] if links else None


def _title(case: FigureCase) -> str | None:
    supplied = supplied_title(case)
    if supplied is not None:
        return supplied[0]
    return case.credit.title.strip() if case.credit.title else None


def _modified(case: FigureCase, licence: Licence | None) -> str | None:
    if licence is not None and licence.no_derivatives:
        return None
    changed = adaptation(case, licence)
    if changed is None:
        return None
    return "cropped" if changed.kind == "cropped" else "adapted"


def _parts(case: FigureCase) -> _Parts:
    licence = case.resolved.licence
    return _Parts(
        title=_title(case),
        creator=_creator(case),
        source=_source(case),
        licence=licence,
        modified=_modified(case, licence),
    )


def _work(writer: _Writer, parts: _Parts, noun: str = "Photo") -> None:
    """'[Cropped from ]“Title” by Creator' or 'Photo by Creator', the work linked to its source."""
    lead = f"{parts.modified.capitalize()} from " if parts.modified else ""
    if lead:
        writer.plain(lead)
    if parts.title:
        writer.link(f"\u201c{parts.title}\u201d", parts.source)
        if parts.creator:
            writer.plain(f" by {parts.creator}")
        return
    writer.link(noun.lower() if lead else noun, parts.source)
    if parts.creator:
        writer.plain(f" by {parts.creator}")


def _licence_clause(writer: _Writer, licence: Licence, lead: str = ", licensed under ") -> None:
    writer.plain(lead)
    writer.link(label(licence), licence.url, rel="license")


def _cc(parts: _Parts, licence: Licence) -> SuggestedAttribution:
    writer = _Writer()
    _work(writer, parts)
    _licence_clause(writer, licence)
    writer.plain(".")
    return writer.result()


def _public_domain(parts: _Parts, licence: Licence) -> SuggestedAttribution:
    writer = _Writer()
    _work(writer, parts)
    if licence.url:
        _licence_clause(writer, licence, ", ")
        writer.plain(".")
    else:
        writer.plain(", public domain.")
    return writer.result()


def _platform(parts: _Parts, platform: str) -> SuggestedAttribution:
    writer = _Writer()
    preposition = "from" if platform == "Pixabay" else "on"
    noun = "Image" if platform == "Pixabay" else "Photo"
    _work(writer, parts, noun)
    writer.plain(f" {preposition} {platform}.")
    return writer.result()


def _ogl(parts: _Parts, licence: Licence) -> SuggestedAttribution:
    writer = _Writer()
    if parts.creator or parts.title:
        _work(writer, parts)
        writer.plain(". ")
    version = licence.version or "3.0"
    statement = licence.attribution.statement or (
        f"Contains public sector information licensed under the Open Government Licence v{version}."
    )
    name = f"Open Government Licence v{version}"
    before, found, after = statement.partition(name)
    writer.plain(before)
    if found:
        writer.link(found, licence.url, rel="license")
    writer.plain(after)
    return writer.result()


def _as_recorded(case: FigureCase, parts: _Parts) -> SuggestedAttribution:
    writer = _Writer()
    writer.plain(parts.creator or case.credit.text.strip())
    return writer.result()


def suggest(case: FigureCase) -> SuggestedAttribution:
    """The attribution this figure should carry, in text, Markdown and HTML."""
    parts = _parts(case)
    licence = parts.licence
    platform = stock_platform(case.credit)
    if licence is not None and licence.kind == "platform":
        return _platform(parts, licence.family if licence.family else platform or "Unsplash")
    if licence is None and platform is not None:
        return _platform(parts, platform)
    if licence is not None and licence.kind == "public-domain":
        return _public_domain(parts, licence)
    if licence is not None and is_ogl(licence):
        return _ogl(parts, licence)
    if licence is not None and is_open(licence):
        return _cc(parts, licence)
    if licence is not None or restricted_credit(case.credit) is not None or parts.creator:
        return _as_recorded(case, parts)
    return SuggestedAttribution(text="", markdown="", html="")
