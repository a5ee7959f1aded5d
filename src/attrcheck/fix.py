"""--fix: rewrite plain captions with the suggested attribution, where that is safe.

A figure is rewritten when it has an attribution finding a better caption cures (AC102-AC107),
its licence is resolved, it is not suppressed, and it has an editable caption part. The part that
carries the credit is replaced: a caption paragraph or figcaption with the Markdown/HTML
suggestion, a Hugo `attr`, an image title or a `data-credit` with the plain text. Every other byte
of the file is left as it is; running --fix twice changes nothing the second time.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from attrcheck.articles import rewrite_captions
from attrcheck.fileio import atomic_write_bytes
from attrcheck.model import ArticleResult, CaptionPart, FigureResult, RunResult

BOM = b"\xef\xbb\xbf"
FIXABLE_CODES = frozenset({"AC102", "AC103", "AC104", "AC105", "AC106", "AC107"})
_PART_PRIORITY = ("paragraph", "figcaption", "sibling", "hugo-attr", "data-credit", "title")
_MARKUP_BY_KIND = {"paragraph": "markdown", "figcaption": "html", "sibling": "html"}


@dataclass(frozen=True)
class FileFix:
    file: str
    display: str
    old: str  # the article text as read (no BOM, line endings as in the file)
    new: str
    bom: bool = False

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.old.splitlines(keepends=True),
                self.new.splitlines(keepends=True),
                fromfile=f"a/{self.display}",
                tofile=f"b/{self.display}",
            )
        )


def _target_part(result: FigureResult) -> CaptionPart | None:
    parts = [part for part in result.case.figure.caption_parts if part.editable]
    for kind in _PART_PRIORITY:
        for part in parts:
            if part.kind == kind:
                return part
    return None


def _replacement(result: FigureResult, part: CaptionPart, article_format: str) -> str | None:
    suggestion = result.suggestion
    if suggestion is None:
        return None
    markup = _MARKUP_BY_KIND.get(part.kind, "text")
    if part.kind == "paragraph" and article_format == "html":
        markup = "html"
    return {"markdown": suggestion.markdown, "html": suggestion.html}.get(markup, suggestion.text)


def _wants_fix(result: FigureResult) -> bool:
    if result.case.resolved.licence is None:
        return False
    return any(finding.code in FIXABLE_CODES for finding in result.findings)


def _edits(article: ArticleResult) -> Iterable[tuple[CaptionPart, str]]:
    for result in article.figures:
        if not _wants_fix(result):
            continue
        part = _target_part(result)
        if part is None:
            continue
        text = _replacement(result, part, article.article.format)
        if text is not None and text != part.text:
            yield part, text


def plan_fixes(run: RunResult) -> list[FileFix]:
    fixes: list[FileFix] = []
    for article in run.articles:
        edits = list(_edits(article))
        if not edits:
            continue
        path = Path(article.article.file)
        raw = path.read_bytes()
        bom = raw.startswith(BOM)
        old = raw[len(BOM) :].decode("utf-8") if bom else raw.decode("utf-8")
        new = rewrite_captions(old, edits)
        if new != old:
            fixes.append(FileFix(str(path), article.article.path, old, new, bom))
    return fixes


def apply_fixes(fixes: Iterable[FileFix]) -> None:
    for fix in fixes:
        atomic_write_bytes(fix.file, (BOM if fix.bom else b"") + fix.new.encode("utf-8"))
