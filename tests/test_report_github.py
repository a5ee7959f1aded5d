"""`--format github`: workflow commands grouped per article, escaped as GitHub's toolkit does."""

from __future__ import annotations

from attrcheck.report import RenderOptions, render
from attrcheck.report.github import escape_data, escape_property
from test_report_samples import assert_golden, sample_report

GROUPING = ("::group::", "::endgroup::", "attrcheck: ")


def lines() -> list[str]:
    return render("github", sample_report(), RenderOptions()).splitlines()


def test_error_lines_name_file_line_column_and_title() -> None:
    first = next(line for line in lines() if line.startswith("::error "))
    assert first.startswith(
        "::error file=content/2020/pompeo.md,line=7,col=1,title=AC201 nc-commercial-use::"
        "CC BY-NC-ND 2.0 prohibits commercial use"
    )


def test_levels_map_to_error_warning_and_notice() -> None:
    commands = [line.split(" ", 1)[0] for line in lines() if not line.startswith(GROUPING)]
    assert set(commands) == {"::error", "::warning", "::notice"}
    notice = [line for line in lines() if line.startswith("::notice ")]
    assert len(notice) == 1 and "title=AC301 unknown-licence" in notice[0]


def test_annotations_are_grouped_per_article() -> None:
    text = lines()
    groups = [line for line in text if line.startswith("::group::")]
    assert groups == [
        "::group::content/2020/pompeo.md",
        "::group::content/2021/harbour, night: a=b.html",
    ]
    assert text.count("::endgroup::") == 2
    assert text[-1].startswith("attrcheck: 4 error(s), 5 warning(s), 1 info")


def test_properties_and_messages_are_escaped() -> None:
    harbour = [line for line in lines() if "harbour" in line and line.startswith("::warning")]
    assert harbour[0].startswith("::warning file=content/2021/harbour%2C night%3A a=b.html,line=3,")
    assert harbour[0].endswith('without reason="…"%0D%0Aline two')
    notice = next(line for line in lines() if line.startswith("::notice "))
    assert "resolves a licence: 50%25,done::ok" in notice


def test_escaping_rules() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_no_output_but_the_summary_without_findings() -> None:
    report = sample_report()
    report["articles"] = report["articles"][2:]
    report["summary"] = {
        "articles": 2,
        "figures": 1,
        "findings": {"error": 0, "warning": 0, "info": 0},
    }
    assert render("github", report, RenderOptions()).splitlines() == [
        "attrcheck: 0 error(s), 0 warning(s), 0 info in 1 figure(s) of 2 article(s)"
    ]


def test_github_golden() -> None:
    assert_golden("sample.github.txt", render("github", sample_report(), RenderOptions()))
