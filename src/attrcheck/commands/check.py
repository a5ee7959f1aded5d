"""Check articles: `attrcheck [check] PATH...` (Markdown or HTML files, or folders of them)."""

from __future__ import annotations

import argparse

NAME = "check"
HELP = "check the figures of Markdown/HTML articles (the default command)"

FORMATS = ("text", "json", "sarif", "junit", "github", "csv", "html", "auto")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of them")
    parser.add_argument("--rules", metavar="FILE", help="policy file (default ./rules.yaml if present)")
    parser.add_argument("--register", metavar="FILE", action="append", default=[],
                        help="rights register (repeatable; default: rules.yaml `register:`)")  # fmt: skip
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report there (atomically)")
    parser.add_argument("--fail-level", choices=("error", "warning", "info"), default="warning")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument("--select", metavar="CODES", help="only these codes or prefixes (AC2,AC101)")
    parser.add_argument("--ignore", metavar="CODES", help="never these codes or prefixes")
    parser.add_argument("--baseline", metavar="REPORT", help="a JSON report: show only new findings")
    parser.add_argument("--fix", action="store_true", help="rewrite plain captions where it is safe")
    parser.add_argument("--diff", action="store_true", help="with --fix: print a diff, change nothing")
    parser.add_argument("--offline", action="store_true", help="no network at all")
    parser.add_argument("--refresh", action="store_true", help="ignore cached remote answers")
    parser.add_argument("--root", metavar="DIR", help="folder that absolute image paths start from")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N")
    parser.add_argument("--history", metavar="FILE.sqlite", help="record this run in a history file")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 2")
