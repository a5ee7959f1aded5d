"""List every check: `attrcheck rules`."""

from __future__ import annotations

import argparse

NAME = "rules"
HELP = "list every check with its code, name and default level"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 6")
