"""Print the documentation of one check: `attrcheck explain CODE`."""

from __future__ import annotations

import argparse

NAME = "explain"
HELP = "the documentation of one check (e.g. attrcheck explain AC201)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a check code (AC201) or name (nc-commercial-use)")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 2/6")
