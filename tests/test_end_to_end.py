"""attrcheck over the example article, end to end: the seed's findings, the JSON contract,
exit codes, --output, --select/--ignore, --baseline, suppressions and --fix."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from attrcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SCHEMA = REPO / "src" / "attrcheck" / "schemas" / "report.schema.json"


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text())
    return loaded


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    status = main([*args, "--format", "json"])
    out = capsys.readouterr().out
    report: dict[str, Any] = json.loads(out)
    jsonschema.validate(report, _schema())
    return status, report


def codes_by_src(report: dict[str, Any]) -> dict[str, set[str]]:
    return {
        figure["src"]: {finding["code"] for finding in figure["findings"]}
        for article in report["articles"]
        for figure in article["figures"]
    }


@pytest.fixture
def site(tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(EXAMPLES, target)
    return target


def test_example_with_register(capsys: pytest.CaptureFixture[str]) -> None:
    status, report = run_json(capsys, str(EXAMPLES), "--rules", str(EXAMPLES / "rules.yaml"))
    assert status == 1
    found = codes_by_src(report)
    assert {"AC201", "AC104"} <= found["img/ukti.jpg"]
    assert "AC202" not in found["img/ukti.jpg"]  # not modified
    ukti = report["articles"][0]["figures"][1]
    assert ukti["licence"]["id"] == "CC-BY-NC-ND-2.0"
    assert "register" in {item["source"] for item in ukti["licence"]["evidence"]}
    assert report["format_version"] == 1
    assert list(report)[:3] == ["format_version", "attrcheck_version", "licence_db_version"]


def test_example_without_register_is_unknown_licence_for_pippa_fowles(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    (site / "rules.yaml").unlink()
    (site / "media-register.yaml").unlink()
    _, report = run_json(capsys, str(site))
    found = codes_by_src(report)
    assert found["img/pompeo-raab.jpg"] == {"AC301"}
    assert {"AC201", "AC104"} <= found["img/ukti.jpg"]
    pippa = report["articles"][0]["figures"][0]
    assert pippa["credit"]["creators"] == ["Pippa Fowles"]
    assert pippa["caption"] == "Picture by Pippa Fowles / No 10 Downing Street."


def test_non_commercial_publication_has_no_nc_finding(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    rules = site / "rules.yaml"
    rules.write_text(rules.read_text().replace("commercial: true", "commercial: false"))
    _, report = run_json(capsys, str(site), "--rules", str(rules))
    assert report["policy"] == {"commercial": False, "medium": "web"}
    assert "AC201" not in codes_by_src(report)["img/ukti.jpg"]


def test_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    rules = str(EXAMPLES / "rules.yaml")
    assert main([str(EXAMPLES), "--rules", rules]) == 1
    assert main([str(EXAMPLES), "--rules", rules, "--exit-zero"]) == 0
    assert main([str(EXAMPLES), "--rules", rules, "--select", "AC9"]) == 0
    capsys.readouterr()


def test_output_file_is_written(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    main([str(EXAMPLES), "--format", "json", "--output", str(out), "--exit-zero"])
    assert capsys.readouterr().out == ""
    jsonschema.validate(json.loads(out.read_text()), _schema())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_select_and_ignore_by_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    rules = str(EXAMPLES / "rules.yaml")
    _, selected = run_json(capsys, str(EXAMPLES), "--rules", rules, "--select", "AC2")
    assert set().union(*codes_by_src(selected).values()) == {"AC201"}
    _, ignored = run_json(capsys, str(EXAMPLES), "--rules", rules, "--ignore", "AC1,AC3")
    assert set().union(*codes_by_src(ignored).values()) == {"AC201"}


def test_baseline_reports_only_new_findings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = str(EXAMPLES / "rules.yaml")
    baseline = tmp_path / "baseline.json"
    main([str(EXAMPLES), "--rules", rules, "--format", "json", "-o", str(baseline)])
    capsys.readouterr()
    status, report = run_json(capsys, str(EXAMPLES), "--rules", rules, "--baseline", str(baseline))
    assert status == 0
    assert report["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}


def test_suppression_with_reason(capsys: pytest.CaptureFixture[str], site: Path) -> None:
    article = site / "article.md"
    text = article.read_text()
    article.write_text(
        text.replace(
            "![Delegates",
            '<!-- attrcheck: disable-next=AC201 reason="licensed separately, ticket 123" -->\n'
            "![Delegates",
        )
    )
    _, report = run_json(capsys, str(site))
    ukti = report["articles"][0]["figures"][1]
    assert "AC201" not in {f["code"] for f in ukti["findings"]}
    assert "AC201" in {f["code"] for f in ukti["suppressed"]}


def test_suppression_without_reason_is_a_finding(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    article = site / "article.md"
    article.write_text(
        article.read_text().replace(
            "![Delegates", "<!-- attrcheck: disable-next=AC201 -->\n![Delegates"
        )
    )
    _, report = run_json(capsys, str(site))
    ukti = report["articles"][0]["figures"][1]
    codes = {f["code"] for f in ukti["findings"]}
    assert {"AC201", "AC903"} <= codes


def test_fix_rewrites_caption_once_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    article = site / "article.md"
    before = article.read_text()
    main([str(site), "--fix", "--exit-zero"])
    after = article.read_text()
    assert after != before
    assert "[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)" in after
    assert "Picture by Pippa Fowles / No 10 Downing Street." in after  # no licence known: untouched
    untouched = before.split("![Delegates")[0]
    assert after.startswith(untouched)
    capsys.readouterr()
    _, report = run_json(capsys, str(site))
    ukti = codes_by_src(report)["img/ukti.jpg"]
    assert not ukti & {"AC104", "AC105", "AC106"}
    main([str(site), "--fix", "--exit-zero"])
    assert article.read_text() == after  # idempotent


def test_fix_diff_changes_nothing(capsys: pytest.CaptureFixture[str], site: Path) -> None:
    article = site / "article.md"
    before = article.read_bytes()
    main([str(site), "--fix", "--diff", "--exit-zero"])
    out = capsys.readouterr().out
    assert out.startswith("--- a/")
    assert article.read_bytes() == before


def test_missing_original_is_a_note_not_a_failure(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    register = site / "media-register.yaml"
    register.write_text(
        register.read_text().replace("original: null", "original: originals/ukti-full.jpg")
    )
    rules = str(site / "rules.yaml")
    status, report = run_json(capsys, str(site), "--rules", rules)
    assert status == 1
    ukti = report["articles"][0]["figures"][1]
    assert any("originals/ukti-full.jpg" in note for note in ukti["notes"])
    main([str(site), "--rules", rules, "--exit-zero"])
    out = capsys.readouterr().out
    assert "note: " in out
    assert "ukti-full.jpg not found" in out


def test_duplicate_register_entries_are_a_warning(
    capsys: pytest.CaptureFixture[str], site: Path
) -> None:
    register = site / "media-register.yaml"
    text = register.read_text()
    entry = text[text.index("  - match: img/ukti.jpg") :]
    register.write_text(text + entry.replace("CC BY-NC-ND 2.0", "CC BY 2.0"))
    status = main([str(site), "--rules", str(site / "rules.yaml"), "--format", "json"])
    captured = capsys.readouterr()
    assert status == 1
    assert "attrcheck: warning:" in captured.err
    assert "same match" in captured.err
    assert json.loads(captured.out)["articles"][0]["figures"][1]["licence"]["id"] == (
        "CC-BY-NC-ND-2.0"
    )
