"""`--format csv`: one row per finding, spreadsheet-safe."""

from __future__ import annotations

import csv
import io

from attrcheck.report import RenderOptions, render
from attrcheck.report.csv_format import COLUMNS
from test_report_samples import assert_golden, sample_report


def rows() -> list[dict[str, str]]:
    text = render("csv", sample_report(), RenderOptions())
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_and_one_row_per_finding() -> None:
    text = render("csv", sample_report(), RenderOptions())
    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert len(rows()) == 10  # summary: 4 errors, 5 warnings, 1 info


def test_row_carries_figure_location_and_licence() -> None:
    first = rows()[0]
    assert first == {
        "article": "content/2020/pompeo.md",
        "figure": "content/2020/pompeo.md#1",
        "src": "img/pompeo-raab.jpg",
        "line": "7",
        "column": "1",
        "code": "AC201",
        "name": "nc-commercial-use",
        "level": "error",
        "licence": "CC-BY-NC-ND-2.0",
        "message": "CC BY-NC-ND 2.0 prohibits commercial use, and this publication is commercial",
        "fix": "Replace the image or obtain a commercial licence from the creator.",
    }


def test_article_level_findings_leave_figure_columns_empty() -> None:
    row = next(row for row in rows() if row["code"] == "AC001")
    assert (row["figure"], row["src"], row["licence"]) == ("", "", "")
    assert row["message"] == 'a disable-next comment without reason="…"\r\nline two'


def test_formulas_are_neutralised() -> None:
    row = next(row for row in rows() if row["code"] == "AC206")
    assert row["message"].startswith("'=cmd|")


def test_csv_golden() -> None:
    assert_golden("sample.csv", render("csv", sample_report(), RenderOptions()))
