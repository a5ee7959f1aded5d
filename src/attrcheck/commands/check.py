"""Check articles: `attrcheck [check] PATH...` (Markdown or HTML files, or folders of them)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from attrcheck.errors import UsageError
from attrcheck.model import LEVEL_RANK

if TYPE_CHECKING:
    from attrcheck.engine import CheckOptions
    from attrcheck.model import RunResult

NAME = "check"
HELP = "check the figures of Markdown/HTML articles (the default command)"

FORMATS = ("text", "json", "sarif", "junit", "github", "csv", "html", "auto")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument(
        "--rules", metavar="FILE", help="policy file (default ./rules.yaml if present)"
    )
    parser.add_argument(
        "--register",
        metavar="FILE",
        action="append",
        default=[],
        help="rights register (repeatable; default: rules.yaml `register:`)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the report there (atomically)"
    )
    parser.add_argument("--fail-level", choices=("error", "warning", "info"), default="warning")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument(
        "--select", metavar="CODES", help="only these codes or prefixes (AC2,AC101)"
    )
    parser.add_argument("--ignore", metavar="CODES", help="never these codes or prefixes")
    parser.add_argument(
        "--baseline", metavar="REPORT", help="a JSON report: show only new findings"
    )
    parser.add_argument(
        "--fix", action="store_true", help="rewrite plain captions where it is safe"
    )
    parser.add_argument(
        "--diff", action="store_true", help="with --fix: print a diff, change nothing"
    )
    parser.add_argument("--offline", action="store_true", help="no network at all")
    parser.add_argument("--refresh", action="store_true", help="ignore cached remote answers")
    parser.add_argument("--root", metavar="DIR", help="folder that absolute image paths start from")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N")
    parser.add_argument(
        "--history", metavar="FILE.sqlite", help="record this run in a history file"
    )


def options_from_args(args: argparse.Namespace) -> CheckOptions:
    from attrcheck.engine import CheckOptions, parse_codes

    if args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give a number of processes of 1 or more")
    return CheckOptions(
        paths=tuple(args.paths),
        rules=args.rules,
        registers=tuple(args.register),
        root=args.root,
        offline=args.offline,
        refresh=args.refresh,
        jobs=args.jobs,
        select=parse_codes(getattr(args, "select", None)),
        ignore=parse_codes(getattr(args, "ignore", None)),
        baseline=getattr(args, "baseline", None),
    )


def exit_status(report: Mapping[str, Any], fail_level: str, exit_zero: bool) -> int:
    """0 when no finding is at or above the fail level (or --exit-zero), else 1."""
    if exit_zero:
        return 0
    threshold = LEVEL_RANK[fail_level]
    counts = report["summary"]["findings"]
    failing = sum(count for level, count in counts.items() if LEVEL_RANK[level] >= threshold)
    return 1 if failing else 0


def run(args: argparse.Namespace) -> int:
    # Imported here so that `attrcheck --version` and the small commands start fast.
    from attrcheck import licences
    from attrcheck.commands._shared import (
        choose_format,
        progress_bar,
        record_history,
        render_options_for,
    )
    from attrcheck.engine import run_check
    from attrcheck.fileio import emit
    from attrcheck.report import render
    from attrcheck.report.records import build_report

    if args.diff and not args.fix:
        raise UsageError("--diff previews --fix: use them together (attrcheck --fix --diff PATH)")
    options = options_from_args(args)
    with progress_bar() as progress:
        result = run_check(options, progress)
    for warning in result.errors:
        print(f"attrcheck: warning: {warning}", file=sys.stderr)
    report = build_report(result, licences.load().version)
    if args.fix:
        _fix(result, preview=args.diff)
    fmt = choose_format(args.format)
    render_options = render_options_for(args, fmt)
    emit(render(fmt, report, render_options), args.output)
    if args.history:
        record_history(args.history, report)
    return exit_status(report, args.fail_level, args.exit_zero)


def _fix(result: RunResult, preview: bool) -> None:
    from attrcheck.fix import apply_fixes, plan_fixes

    fixes = plan_fixes(result)
    if preview:
        sys.stdout.write("".join(fix.diff() for fix in fixes))
        return
    apply_fixes(fixes)
    for fix in fixes:
        print(f"attrcheck: fixed captions in {fix.display}", file=sys.stderr)
