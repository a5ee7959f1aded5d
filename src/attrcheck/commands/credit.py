"""Parse caption credits: `attrcheck credit TEXT`, or `attrcheck credit --format json -` for one caption per line."""

from __future__ import annotations

import argparse

NAME = "credit"
HELP = "parse one caption credit (or one per stdin line with -)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("text", help="the caption text, or - to read one caption per line from stdin")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 4")
