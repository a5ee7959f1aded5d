"""The editorial dashboard: `attrcheck report PATH... -o dashboard.html`."""

from __future__ import annotations

import argparse

NAME = "report"
HELP = "the editorial dashboard (one self-contained HTML file) for a whole site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("-o", "--output", required=True)


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 7")
