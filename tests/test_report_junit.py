"""`--format junit`: one test case per figure, a failure per finding at or above the fail level."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from attrcheck.report import RenderOptions, render
from test_report_samples import assert_golden, sample_report


def junit(fail_level: str = "warning", report: dict[str, object] | None = None) -> ET.Element:
    text = render("junit", report or sample_report(), RenderOptions(fail_level=fail_level))
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    return ET.fromstring(text.encode("utf-8"))


def test_one_suite_per_article_and_one_case_per_figure() -> None:
    root = junit()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [
        "content/2020/pompeo.md",
        "content/2021/harbour, night: a=b.html",
        "content/2022/clean.md",
        "content/2023/no-figures.md",
    ]
    cases = suites[0].findall("testcase")
    assert [case.get("name") for case in cases] == [
        "content/2020/pompeo.md#1 img/pompeo-raab.jpg",
        "content/2020/pompeo.md#2 img/ukti.png",
    ]
    assert {case.get("classname") for case in cases} == {"content/2020/pompeo.md"}


def test_failures_at_or_above_the_fail_level() -> None:
    case = junit().find("testsuite/testcase")
    assert case is not None
    failures = case.findall("failure")
    assert [f.get("type") for f in failures] == [
        "AC201 nc-commercial-use", "AC202 nd-modified", "AC103 missing-licence-notice",
    ]  # fmt: skip
    assert "prohibits commercial use" in (failures[0].get("message") or "")
    assert "fix: Replace the image" in (failures[0].text or "")


def test_findings_below_the_fail_level_go_to_system_out() -> None:
    root = junit(fail_level="error")
    harbour = root.findall("testsuite")[1]
    case = harbour.findall("testcase")[1]
    assert case.findall("failure") == []
    out = case.find("system-out")
    assert out is not None and "AC206" in (out.text or "") and "AC301" in (out.text or "")


def test_counts_follow_junit_conventions() -> None:
    root = junit()
    assert root.get("tests") == "6"  # five figures and one article-level case
    assert root.get("failures") == "5"  # failed cases; the clean figure passes
    clean = root.findall("testsuite")[2]
    assert clean.get("failures") == "0"
    passing = clean.find("testcase")
    assert passing is not None and list(passing) == []


def test_article_level_findings_make_their_own_case() -> None:
    harbour = junit().findall("testsuite")[1]
    first = harbour.findall("testcase")[0]
    assert first.get("name", "").endswith("(article)")
    failure = first.find("failure")
    assert failure is not None
    assert failure.get("message") == 'a disable-next comment without reason="…"\r\nline two'


def test_characters_xml_cannot_carry_are_replaced() -> None:
    report = sample_report()
    report["articles"][0]["figures"][0]["findings"][0]["message"] = "bell \x07 and \x00 nul"
    failure = junit(report=report).find("testsuite/testcase/failure")
    assert failure is not None and failure.get("message") == "bell \ufffd and \ufffd nul"


def test_junit_golden() -> None:
    assert_golden("sample.junit.xml", render("junit", sample_report(), RenderOptions()))
