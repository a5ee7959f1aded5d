"""`attrcheck report PATH... -o dashboard.html`: the command glue, with the pipeline stubbed out.

The engine is replaced by a stub returning the sample report, so these tests exercise only the
command: arguments, history recording, atomic output and errors.
"""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from attrcheck import cli
from attrcheck.commands._rules import rule_infos, summary_of
from attrcheck.report.history import load_history
from test_report_samples import with_images


@dataclass
class StubOptions:
    paths: tuple[str, ...]
    rules: str | None = None
    registers: tuple[str, ...] = ()
    root: str | None = None
    offline: bool = False
    refresh: bool = False
    jobs: int = 1
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None
    seen: list[Any] = field(default_factory=list)


@pytest.fixture
def stub_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[StubOptions]:
    calls: list[StubOptions] = []
    report = with_images(tmp_path)

    def run_check(options: StubOptions, progress: Any = None) -> str:
        calls.append(options)
        return "run-result"

    engine = types.ModuleType("attrcheck.engine")
    engine.CheckOptions = StubOptions  # type: ignore[attr-defined]
    engine.parse_codes = lambda text: ()  # type: ignore[attr-defined]
    engine.run_check = run_check  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "attrcheck.engine", engine)
    records = types.ModuleType("attrcheck.report.records")
    records.build_report = lambda run, version: report  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "attrcheck.report.records", records)
    import attrcheck.licences

    database = types.SimpleNamespace(version="test-db")
    monkeypatch.setattr(attrcheck.licences, "load", lambda: database, raising=False)
    monkeypatch.chdir(tmp_path)
    return calls


def test_report_writes_the_dashboard(
    stub_pipeline: list[StubOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
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
    stub_pipeline: list[StubOptions], tmp_path: Path
) -> None:
    out, history = tmp_path / "dashboard.html", tmp_path / "history.sqlite"
    for _ in range(2):
        assert cli.main(["report", "content", "-o", str(out), "--history", str(history)]) == 0
    assert len(load_history(history)) == 2
    html = out.read_text(encoding="utf-8")
    assert "Trend over runs" in html and "Findings over 2 runs" in html


def test_missing_output_folder_fails_before_the_run(
    stub_pipeline: list[StubOptions], tmp_path: Path, capsys: pytest.CaptureFixture[str]
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
