"""--fix: rewrite plain captions with the suggested attribution, where that is safe.

A figure is rewritten when it has an attribution finding that a better caption cures
(AC102-AC107), its licence is resolved, it is not suppressed, and it has an editable caption part.
The articles stage chooses the part that carries the credit and the form that fits it (Markdown
for a caption paragraph, HTML for a figcaption, plain text for a title, Hugo attr or data-credit).
Every other byte of the file is left as it is; running --fix twice changes nothing the second
time; files are written atomically and keep their byte order mark.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from attrcheck.articles import (
    ArticleFile,
    ArticleSource,
    plan_fix,
    read_source,
    rewrite_captions,
    write_source,
)
from attrcheck.model import ArticleResult, CaptionPart, FigureResult, RunResult

FIXABLE_CODES = frozenset({"AC102", "AC103", "AC104", "AC105", "AC106", "AC107"})


@dataclass(frozen=True)
class FileFix:
    file: str
    display: str
    source: ArticleSource  # the text as read (no BOM, line endings as in the file)
    new: str

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.source.text.splitlines(keepends=True),
                self.new.splitlines(keepends=True),
                fromfile=f"a/{self.display}",
                tofile=f"b/{self.display}",
            )
        )


def _wants_fix(result: FigureResult) -> bool:
    if result.case.resolved.licence is None:
        return False
    return any(finding.code in FIXABLE_CODES for finding in result.findings)


def _edits(article: ArticleResult) -> Iterable[tuple[CaptionPart, str]]:
    for result in article.figures:
        if not _wants_fix(result):
            continue
        edit = plan_fix(result.case.figure, result.suggestion)
        if edit is not None and edit[1] != edit[0].text:
            yield edit


def plan_fixes(run: RunResult) -> list[FileFix]:
    fixes: list[FileFix] = []
    for article in run.articles:
        edits = list(_edits(article))
        if not edits:
            continue
        path = Path(article.article.file)
        source = read_source(ArticleFile(path=path, display=article.article.path, root=path.parent))
        new = rewrite_captions(source.text, edits)
        if new != source.text:
            fixes.append(FileFix(str(path), article.article.path, source, new))
    return fixes


def apply_fixes(fixes: Iterable[FileFix]) -> None:
    for fix in fixes:
        write_source(fix.file, fix.source, fix.new)
