"""`--format csv`: one row per finding, for spreadsheets.

Columns: article, figure, src, line, column, code, name, level, licence, message, fix. Article-level
findings leave the figure columns empty. A cell that a spreadsheet would run as a formula (starting
with = + - @ or a tab/CR) is prefixed with an apostrophe, so hostile captions stay text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from attrcheck.report._walk import LocatedFinding, iter_findings
from attrcheck.report.base import RenderOptions

COLUMNS = (
    "article", "figure", "src", "line", "column",
    "code", "name", "level", "licence", "message", "fix",
)  # fmt: skip
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(report: Mapping[str, Any], options: RenderOptions) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in iter_findings(report):
        writer.writerow([safe_cell(value) for value in row(item)])
    return buffer.getvalue()


def row(item: LocatedFinding) -> list[str]:
    finding, figure = item.finding, item.figure or {}
    licence = figure.get("licence") or {}
    return [
        item.path,
        str(figure.get("id", "")),
        str(figure.get("src", "")),
        str(item.line),
        str(item.column),
        str(finding.get("code", "")),
        str(finding.get("name", "")),
        str(finding.get("level", "")),
        str(licence.get("id", "")),
        str(finding.get("message", "")),
        str(finding.get("fix") or ""),
    ]


def safe_cell(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_STARTS) else value
