"""`--format text`: findings grouped by article, one line each, and a summary line.

    examples/article.md
    examples/article.md:12:1: AC201 nc-commercial-use The licence ... [error; evidence: register]
        fix: ...
    2 articles, 3 figures: 2 errors, 1 warning, 0 info

Colour (level names and codes) only when options.color is true (the caller checks for a TTY).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrcheck.report.base import RenderOptions, Report

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def _paint(text: str, colour: str, enabled: bool) -> str:
    return f"{colour}{text}{_RESET}" if enabled else text


def _finding_lines(path: str, finding: Mapping[str, Any], color: bool) -> Iterable[str]:
    level = finding["level"]
    where = f"{path}:{finding['line']}:{finding.get('column', 1)}"
    code = _paint(f"{finding['code']} {finding['name']}", _BOLD, color)
    evidence = finding.get("evidence") or []
    basis = f"; evidence: {', '.join(evidence)}" if evidence else ""
    tag = _paint(f"[{level}{basis}]", _COLOURS.get(level, ""), color)
    yield f"{where}: {code} {finding['message']} {tag}"
    if finding.get("fix"):
        yield f"    fix: {finding['fix']}"


def _article_findings(article: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = list(article.get("findings", []))
    for figure in article["figures"]:
        found.extend(figure["findings"])
    return sorted(found, key=lambda f: (f["line"], f.get("column", 1), f["code"]))


def _note_lines(path: str, article: Mapping[str, Any]) -> list[str]:
    return [
        f"{path}:{figure['line']}:{figure.get('column', 1)}: note: {note}"
        for figure in article["figures"]
        for note in figure.get("notes", [])
    ]


def _summary(report: Report) -> str:
    summary = report["summary"]
    counts = summary["findings"]
    articles, figures = summary["articles"], summary["figures"]
    parts = [
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
        f"{counts['info']} info",
    ]
    return (
        f"{articles} article{'s' if articles != 1 else ''}, "
        f"{figures} figure{'s' if figures != 1 else ''}: {', '.join(parts)}"
    )


def render(report: Report, options: RenderOptions) -> str:
    lines: list[str] = []
    for article in report["articles"]:
        findings = _article_findings(article)
        notes = _note_lines(article["path"], article)
        if not findings and not notes:
            continue
        lines.append(_paint(article["path"], _BOLD, options.color))
        for finding in findings:
            lines.extend(_finding_lines(article["path"], finding, options.color))
        lines.extend(notes)
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"
