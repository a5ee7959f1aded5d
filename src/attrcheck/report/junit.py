"""`--format junit`: JUnit XML, so GitLab, Jenkins and other CI servers show which image failed.

One <testsuite> per article and one <testcase> per figure (classname = the article path, name = the
figure id and its image src). Each finding at or above the fail level is a <failure> (type = code
and name, message = the finding's message, body = where, the evidence and the fix); findings below
it are listed in the test case's <system-out>. Article-level findings make one extra test case.
Characters XML 1.0 cannot carry are dropped, so any caption or path gives well-formed XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from attrcheck.report._walk import (
    Record,
    article_findings,
    articles,
    at_or_above,
    figures,
    positive_int,
)
from attrcheck.report.base import RenderOptions

# Not a parser of Markdown/HTML: the characters the XML 1.0 `Char` production excludes.
_NOT_XML_CHARS = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def render(report: Mapping[str, Any], options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="attrcheck")
    for article in articles(report):
        root.append(testsuite(article, options.fail_level))
    count_into(root, root.findall("testsuite"))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def testsuite(article: Record, fail_level: str) -> ET.Element:
    path = clean(article.get("path", ""))
    suite = ET.Element("testsuite", name=path, file=path)
    findings = article_findings(article)
    if findings:
        suite.append(testcase(path, f"{path} (article)", 1, findings, fail_level))
    for figure in figures(article):
        name = f"{figure.get('id', '')} {figure.get('src', '')}"
        line = positive_int(figure.get("line"))
        suite.append(testcase(path, name, line, list(figure.get("findings") or []), fail_level))
    count_into(suite, suite.findall("testcase"))
    return suite


def testcase(
    path: str, name: str, line: int, findings: list[Record], fail_level: str
) -> ET.Element:
    case = ET.Element("testcase", classname=path, name=clean(name), file=path, line=str(line))
    case.set("time", "0")
    below: list[str] = []
    for finding in findings:
        if at_or_above(finding.get("level"), fail_level):
            case.append(failure(path, finding))
        else:
            below.append(describe(path, finding))
    if below:
        ET.SubElement(case, "system-out").text = clean("\n".join(below))
    return case


def failure(path: str, finding: Record) -> ET.Element:
    element = ET.Element(
        "failure",
        type=clean(f"{finding.get('code', '')} {finding.get('name', '')}"),
        message=clean(finding.get("message", "")),
    )
    element.text = clean(describe(path, finding))
    return element


def describe(path: str, finding: Record) -> str:
    line, column = finding.get("line", 1), finding.get("column", 1)
    lines = [
        f"{path}:{line}:{column}: {finding.get('level', '')} {finding.get('code', '')} "
        f"{finding.get('name', '')}: {finding.get('message', '')}"
    ]
    evidence = ", ".join(str(source) for source in finding.get("evidence") or [])
    if evidence:
        lines.append(f"evidence: {evidence}")
    if finding.get("fix"):
        lines.append(f"fix: {finding['fix']}")
    return "\n".join(lines)


def count_into(element: ET.Element, cases: list[ET.Element]) -> None:
    """Set tests/failures/errors/skipped on a suite (from its cases) or on the root (its suites).

    As in JUnit, `failures` counts failed test cases (figures), not <failure> elements.
    """
    if element.tag == "testsuites":
        tests = sum(int(suite.get("tests", "0")) for suite in cases)
        failures = sum(int(suite.get("failures", "0")) for suite in cases)
    else:
        tests = len(cases)
        failures = sum(1 for case in cases if case.find("failure") is not None)
    element.set("tests", str(tests))
    element.set("failures", str(failures))
    element.set("errors", "0")
    element.set("skipped", "0")
    element.set("time", "0")


def clean(value: object) -> str:
    return _NOT_XML_CHARS.sub("\ufffd", str(value))
