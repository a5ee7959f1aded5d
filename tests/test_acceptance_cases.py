"""Acceptance corpus for issue 6: every case of tests/acceptance/cases.yaml is built into a folder
and checked with the real CLI (`attrcheck check --format json --rules rules.yaml CASE_DIR`); each
figure must get exactly the finding names the case declares. The summary test prints precision
and recall of the finding names over the whole corpus (target: at least 0.95 each)."""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from attrcheck.cli import main

sys.path.insert(0, str(Path(__file__).resolve().parent / "acceptance"))
import build_cases

CASES = build_cases.load_cases()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("acceptance")
    build_cases.build_all(root)
    return root


def run_case(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    rules = str(case_dir / "rules.yaml")
    status = main(["check", "--format", "json", "--offline", "--rules", rules, str(case_dir)])
    out = capsys.readouterr().out
    assert status in (0, 1), out
    report: dict[str, Any] = json.loads(out)
    return report


def found_names(report: dict[str, Any]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for article in report["articles"]:
        for figure in article["figures"]:
            names = [finding["name"] for finding in figure["findings"]]
            found.setdefault(figure["src"], []).extend(names)
    return found


def expected_names(case: dict[str, Any]) -> dict[str, list[str]]:
    return {figure["src"]: list(figure["expect"]) for figure in case["figures"]}


@cache
def _results() -> dict[str, dict[str, list[str]]]:
    return {}


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_case(
    case: dict[str, Any],
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
    request: pytest.FixtureRequest,
) -> None:
    if case.get("known_bug"):
        request.applymarker(pytest.mark.xfail(reason=case["known_bug"], strict=False))
    report = run_case(corpus / case["id"], capsys)
    found = found_names(report)
    _results()[case["id"]] = found
    expected = expected_names(case)
    got = {src: sorted(set(found.get(src, []))) for src in expected}
    want = {src: sorted(set(names)) for src, names in expected.items()}
    assert got == want, f"{case['id']} ({case['kind']}): {case['why']}"
    assert set(found) == set(expected), "figures read differ from the case's figures"


def score(
    cases: list[dict[str, Any]], results: dict[str, dict[str, list[str]]]
) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for case in cases:
        found = results.get(case["id"], {})
        for src, names in expected_names(case).items():
            want, got = set(names), set(found.get(src, []))
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
        extra = set(found) - set(expected_names(case))
        fp += sum(len(set(found[src])) for src in extra)
    return tp, fp, fn


def test_precision_and_recall(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = _results()
    for case in CASES:
        if case["id"] not in results:
            results[case["id"]] = found_names(run_case(corpus / case["id"], capsys))
    tp, fp, fn = score(CASES, results)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    with capsys.disabled():
        print(
            f"\nacceptance: {len(CASES)} cases, tp={tp} fp={fp} fn={fn}, "
            f"precision={precision:.3f} recall={recall:.3f}"
        )
    assert precision >= 0.95 and recall >= 0.95
