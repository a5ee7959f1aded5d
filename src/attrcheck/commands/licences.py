"""The licence database: `attrcheck licences list|show ID|identify TEXT`."""

from __future__ import annotations

import argparse

NAME = "licences"
HELP = "list, show and identify licences in the licence database"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("list", "show", "identify"))
    parser.add_argument("value", nargs="?")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 3")
