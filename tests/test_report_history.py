"""Run history in SQLite: record, load, git commit, bad files."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from attrcheck.errors import ReportError
from attrcheck.report.history import current_git_commit, load_history, record_run
from test_report_samples import sample_report

WHEN = datetime(2026, 11, 28, 9, 30, 15, 123456, tzinfo=UTC)


def test_record_and_load_one_run(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite"
    run_id = record_run(db, sample_report(), "0123456789abcdef", now=WHEN)
    [run] = load_history(db)
    assert run["id"] == run_id
    assert run["time"] == "2026-11-28T09:30:15Z"
    assert run["commit"] == "0123456789abcdef"
    assert (run["articles"], run["figures"]) == (4, 5)
    assert run["findings"] == {"error": 4, "warning": 5, "info": 1}
    assert run["checks"]["AC201"] == 2 and run["check_names"]["AC201"] == "nc-commercial-use"
    assert run["by_article"]["content/2020/pompeo.md"] == {
        "figures": 2, "error": 3, "warning": 2, "info": 0,
    }  # fmt: skip
    assert run["by_article"]["content/2023/no-figures.md"]["figures"] == 0


def test_runs_come_back_oldest_first(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite"
    later = datetime(2026, 12, 1, tzinfo=UTC)
    record_run(db, sample_report(), None, now=later)
    report = sample_report()
    report["articles"] = report["articles"][2:]
    record_run(db, report, None, now=WHEN)
    runs = load_history(db)
    assert [run["time"][:10] for run in runs] == ["2026-11-28", "2026-12-01"]
    assert runs[0]["findings"] == {"error": 0, "warning": 0, "info": 0}
    assert runs[1]["commit"] is None


def test_missing_history_is_empty(tmp_path: Path) -> None:
    assert load_history(tmp_path / "absent.sqlite") == []


def test_a_file_that_is_not_sqlite_is_refused_by_name(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite"
    db.write_text("just some text, not a database" * 20)
    with pytest.raises(ReportError, match=r"notes\.sqlite: not a usable attrcheck history file"):
        record_run(db, sample_report(), None)
    assert db.read_text().startswith("just some text")


def test_another_sqlite_database_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
    connection.close()
    with pytest.raises(ReportError, match="not an attrcheck history file"):
        load_history(db)


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        record_run(tmp_path / "nope" / "h.sqlite", sample_report(), None)


def test_current_git_commit(tmp_path: Path) -> None:
    assert current_git_commit(tmp_path) is None  # not a repository
    try:
        subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not installed")
    assert current_git_commit(tmp_path) is None  # no commit yet
    (tmp_path / "a.md").write_text("x")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "add", "a.md"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "first"], check=True)
    commit = current_git_commit(tmp_path)
    assert commit is not None and len(commit) == 40
