"""The editorial dashboard: `attrcheck report PATH... -o dashboard.html`.

Checks the articles as `attrcheck check` does, then writes one self-contained HTML file (no network
needed to open it). With `--history FILE.sqlite` the run is recorded first (time, git commit, counts
per check and per article) and the dashboard draws the trend over every recorded run.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from attrcheck.errors import ReportError

NAME = "report"
HELP = "the editorial dashboard (one self-contained HTML file) for a whole site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the dashboard to write, e.g. dashboard.html")  # fmt: skip
    parser.add_argument(
        "--rules", metavar="FILE", help="policy file (default ./rules.yaml if present)"
    )
    parser.add_argument("--register", metavar="FILE", action="append", default=[],
                        help="rights register (repeatable; default: rules.yaml)")  # fmt: skip
    parser.add_argument("--history", metavar="FILE.sqlite",
                        help="record this run and draw the trend over recorded runs")  # fmt: skip
    parser.add_argument("--offline", action="store_true", help="no network at all")
    parser.add_argument("--refresh", action="store_true", help="ignore cached remote answers")
    parser.add_argument("--root", metavar="DIR", help="folder that absolute image paths start from")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N")


def run(args: argparse.Namespace) -> int:
    # Imported here so that `attrcheck --version` and the small commands start fast.
    from attrcheck import licences
    from attrcheck.commands._rules import rule_infos
    from attrcheck.commands._shared import progress_bar
    from attrcheck.commands.check import options_from_args
    from attrcheck.engine import run_check
    from attrcheck.fileio import emit
    from attrcheck.report import RenderOptions, render
    from attrcheck.report.history import current_git_commit, load_history, record_run
    from attrcheck.report.records import build_report

    ensure_writable_folder(args.output)
    if args.history:
        ensure_writable_folder(args.history)
    with progress_bar() as progress:
        result = run_check(options_from_args(args), progress)
    report = build_report(result, licences.load().version)
    history: list[dict[str, object]] = []
    if args.history:
        record_run(args.history, report, current_git_commit(os.getcwd()))
        history = load_history(args.history)
    options = RenderOptions(rules=rule_infos(), history=tuple(history), base_dir=os.getcwd())
    emit(render("html", report, options), args.output)
    if args.output != "-":
        summary = report["summary"]
        print(
            f"attrcheck: dashboard of {summary['articles']} article(s), {summary['figures']} "
            f"figure(s) written to {args.output}",
            file=sys.stderr,
        )
    return 0


def ensure_writable_folder(output: str) -> None:
    """Fail before the (possibly long) run when the output's folder does not exist."""
    if output == "-":
        return
    folder = Path(output).parent
    if not folder.is_dir():
        raise ReportError(f"{output}: cannot write: folder {folder} does not exist")
    if Path(output).is_dir():
        raise ReportError(
            f"{output}: is a folder; give a file name such as {output}/dashboard.html"
        )
