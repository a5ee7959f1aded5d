"""`attrcheck report PATH... -o dashboard.html`: the command glue, with the pipeline stubbed out.

The engine is replaced by a stub returning the sample report, so these tests exercise only the
command: arguments, history recording, atomic output and errors.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Any

import pytest

import attrcheck.licences
from attrcheck import cli, engine
from attrcheck.commands._rules import rule_infos, summary_of
from attrcheck.engine import CheckOptions
from attrcheck.report import records
from attrcheck.report.history import load_history
from test_report_samples import with_images


@pytest.fixture
def stub_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[CheckOptions]:
    """The real command around a recorded run: run_check and build_report are replaced."""
    calls: list[CheckOptions] = []
    report = with_images(tmp_path)

    def run_check(options: CheckOptions, progress: Any = None) -> str:
        calls.append(options)
        return "run-result"

    monkeypatch.setattr(engine, "run_check", run_check)
    monkeypatch.setattr(records, "build_report", lambda run, version: report)

    database = types.SimpleNamespace(version="test-db")
    monkeypatch.setattr(attrcheck.licences, "load", lambda: database, raising=False)
    monkeypatch.chdir(tmp_path)
    return calls


def test_report_writes_the_dashboard(
    stub_pipeline: list[CheckOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dashboard.html"
    status = cli.main(["report", "content", "--offline", "--root", "site", "-o", str(out)])
    assert status == 0
    html = out.read_text(encoding="utf-8")
    assert "content/2020/pompeo.md" in html and "Trend over runs" not in html
    options = stub_pipeline[0]
    assert (options.paths, options.offline, options.root) == (("content",), True, "site")
    assert "dashboard of 4 article(s), 5 figure(s)" in capsys.readouterr().err


def test_report_with_history_records_runs_and_draws_the_trend(
    stub_pipeline: list[CheckOptions], tmp_path: Path
) -> None:
    out, history = tmp_path / "dashboard.html", tmp_path / "history.sqlite"
    for _ in range(2):
        assert cli.main(["report", "content", "-o", str(out), "--history", str(history)]) == 0
    assert len(load_history(history)) == 2
    html = out.read_text(encoding="utf-8")
    assert "Trend over runs" in html and "Findings over 2 runs" in html


def test_missing_output_folder_fails_before_the_run(
    stub_pipeline: list[CheckOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["report", "content", "-o", str(tmp_path / "no" / "dash.html")])
    assert status == 2
    assert stub_pipeline == []
    err = capsys.readouterr().err
    assert err.startswith("attrcheck: error: ") and "does not exist" in err
    assert len(err.strip().splitlines()) == 1


def test_output_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["report", "content"])
    assert stopped.value.code == 2
    assert "-o/--output" in capsys.readouterr().err


def test_rule_infos_come_from_the_registry() -> None:
    rules = rule_infos()
    assert [rule.code for rule in rules] == sorted(rule.code for rule in rules)
    ac201 = next(rule for rule in rules if rule.code == "AC201")
    assert ac201.name == "nc-commercial-use"
    assert ac201.level in ("error", "warning", "info")
    assert ac201.summary and ac201.description and ac201.help_uri.endswith("#ac201")


def test_summary_skips_section_headings() -> None:
    doc = "What it checks:\n  The caption names\n  no creator. More text.\n\nWhy it matters: ..."
    assert summary_of(doc) == "The caption names no creator."
    assert summary_of("AC201: a NonCommercial image.\n\nMore.") == "AC201: a NonCommercial image."
    assert summary_of("") == ""
