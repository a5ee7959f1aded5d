"""`--format github`: GitHub Actions workflow commands, shown as annotations on the pull request.

`::error file=content/a.md,line=7,col=1,title=AC201 nc-commercial-use::message`, one per finding
(warning -> ::warning, info -> ::notice), grouped per article with ::group::/::endgroup::, and a
summary line at the end. Values are escaped as GitHub's toolkit does: in the message `%`, CR and LF;
in properties also `:` and `,`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrcheck.report._walk import LocatedFinding, articles, iter_article_findings
from attrcheck.report.base import RenderOptions

COMMANDS: Mapping[str, str] = {"error": "error", "warning": "warning", "info": "notice"}


def render(report: Mapping[str, Any], options: RenderOptions) -> str:
    lines: list[str] = []
    for article in articles(report):
        annotations = [annotation(item) for item in iter_article_findings(article)]
        if annotations:
            lines.append(f"::group::{escape_data(str(article.get('path', '')))}")
            lines.extend(annotations)
            lines.append("::endgroup::")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def annotation(item: LocatedFinding) -> str:
    finding = item.finding
    command = COMMANDS.get(str(finding.get("level")), "warning")
    title = f"{finding.get('code', '')} {finding.get('name', '')}".strip()
    properties = ",".join(
        f"{key}={escape_property(value)}"
        for key, value in (
            ("file", item.path),
            ("line", str(item.line)),
            ("col", str(item.column)),
            ("title", title),
        )
    )
    return f"::{command} {properties}::{escape_data(message(item))}"


def message(item: LocatedFinding) -> str:
    text = str(item.finding.get("message") or "")
    if item.figure is not None:
        text = f"{text} (image {item.figure.get('src', '')})"
    if item.finding.get("fix"):
        text = f"{text}\nFix: {item.finding['fix']}"
    return text


def summary_line(report: Mapping[str, Any]) -> str:
    summary = report.get("summary") or {}
    counts = summary.get("findings") or {}
    return (
        f"attrcheck: {counts.get('error', 0)} error(s), {counts.get('warning', 0)} warning(s), "
        f"{counts.get('info', 0)} info in {summary.get('figures', 0)} figure(s) of "
        f"{summary.get('articles', 0)} article(s)"
    )


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")
