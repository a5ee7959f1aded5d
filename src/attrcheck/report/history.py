"""Run history for the dashboard trend: an embedded SQLite file, no server.

`record_run(db_path, report, commit)` stores one run: its time (UTC), the git commit when there is
one, the totals, and the counts per check and per article. `load_history(db_path)` gives the runs
oldest first, as plain dicts the dashboard draws (see `RunRecord` keys below). A file that is not an
attrcheck history raises ReportError naming it; a failed write leaves the file as it was.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from attrcheck.errors import ReportError
from attrcheck.model import LEVELS
from attrcheck.report._walk import articles, figures, iter_article_findings, iter_findings

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time TEXT NOT NULL,
    git_commit TEXT,
    attrcheck_version TEXT NOT NULL,
    articles INTEGER NOT NULL,
    figures INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS check_counts (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (run_id, code)
);
CREATE TABLE IF NOT EXISTS article_counts (
    run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    article TEXT NOT NULL,
    figures INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    PRIMARY KEY (run_id, article)
);
"""


def record_run(
    db_path: str | Path,
    report: Mapping[str, Any],
    commit: str | None,
    *,
    now: datetime | None = None,
) -> int:
    """Append this report's run to the history file (created when absent); returns the run id."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    totals = level_counts(item.finding for item in iter_findings(report))
    with connection(db_path) as db:
        cursor = db.execute(
            "INSERT INTO runs (time, git_commit, attrcheck_version, articles, figures,"
            " errors, warnings, infos) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                moment.isoformat().replace("+00:00", "Z"),
                commit,
                str(report.get("attrcheck_version", "")),
                len(articles(report)),
                sum(len(figures(article)) for article in articles(report)),
                *(totals[level] for level in LEVELS),
            ),
        )
        run_id = int(cursor.lastrowid or 0)
        db.executemany(
            "INSERT INTO check_counts (run_id, code, name, count) VALUES (?, ?, ?, ?)",
            [(run_id, code, name, count) for (code, name), count in check_counts(report).items()],
        )
        db.executemany(
            "INSERT OR REPLACE INTO article_counts VALUES (?, ?, ?, ?, ?, ?)",
            [(run_id, *row) for row in article_rows(report)],
        )
    return run_id


def load_history(db_path: str | Path) -> list[dict[str, Any]]:
    """Every recorded run, oldest first: {id, time, commit, attrcheck_version, articles, figures,
    findings: {error, warning, info}, checks: {code: count}, check_names: {code: name},
    by_article: {path: {figures, error, warning, info}}}. A missing file is an empty history."""
    if not Path(db_path).exists():
        return []
    with connection(db_path) as db:
        runs = [run_dict(row) for row in db.execute("SELECT * FROM runs ORDER BY time, id")]
        by_id = {run["id"]: run for run in runs}
        for run_id, code, name, count in db.execute(
            "SELECT run_id, code, name, count FROM check_counts ORDER BY code"
        ):
            by_id[run_id]["checks"][code] = count
            by_id[run_id]["check_names"][code] = name
        for run_id, article, figure_count, *counts in db.execute(
            "SELECT run_id, article, figures, errors, warnings, infos FROM article_counts"
            " ORDER BY article"
        ):
            record = {"figures": figure_count, **dict(zip(LEVELS, counts, strict=True))}
            by_id[run_id]["by_article"][article] = record
    return runs


def current_git_commit(cwd: str | Path) -> str | None:
    """`git rev-parse HEAD` in cwd; None outside a repository, without commits or without git."""
    try:
        completed = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "HEAD"],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = completed.stdout.strip()
    return commit if completed.returncode == 0 and commit else None


def level_counts(findings: Iterator[Mapping[str, Any]] | list[Mapping[str, Any]]) -> Counter[str]:
    counts: Counter[str] = Counter(dict.fromkeys(LEVELS, 0))
    for finding in findings:
        level = str(finding.get("level", ""))
        if level in LEVELS:
            counts[level] += 1
    return counts


def check_counts(report: Mapping[str, Any]) -> Counter[tuple[str, str]]:
    return Counter(
        (str(item.finding.get("code", "")), str(item.finding.get("name", "")))
        for item in iter_findings(report)
    )


def article_rows(report: Mapping[str, Any]) -> list[tuple[str, int, int, int, int]]:
    rows = []
    for article in articles(report):
        counts = level_counts(item.finding for item in iter_article_findings(article))
        path = str(article.get("path", ""))
        rows.append(
            (path, len(figures(article)), counts["error"], counts["warning"], counts["info"])
        )
    return rows


def run_dict(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "time": row["time"],
        "commit": row["git_commit"],
        "attrcheck_version": row["attrcheck_version"],
        "articles": row["articles"],
        "figures": row["figures"],
        "findings": {"error": row["errors"], "warning": row["warnings"], "info": row["infos"]},
        "checks": {},
        "check_names": {},
        "by_article": {},
    }


@contextmanager
def connection(db_path: str | Path) -> Iterator[sqlite3.Connection]:
    """An open, schema-checked history database; commits on success, rolls back on error."""
    path = Path(db_path)
    if path.parent and not path.parent.is_dir():
        raise ReportError(f"{path}: cannot write history: folder {path.parent} does not exist")
    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            db.row_factory = sqlite3.Row
            ensure_schema(db, path)
            with db:
                yield db
    except sqlite3.DatabaseError as error:
        raise ReportError(f"{path}: not a usable attrcheck history file ({error})") from error


def ensure_schema(db: sqlite3.Connection, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if version == 0 and not tables - {"sqlite_sequence"}:
        with db:
            db.executescript(SCHEMA + f"PRAGMA user_version = {SCHEMA_VERSION};")
        return
    if version != SCHEMA_VERSION or "runs" not in tables:
        raise ReportError(
            f"{path}: not an attrcheck history file (schema version {version}, expected "
            f"{SCHEMA_VERSION}); give --history a new file name"
        )
