"""Print the rights evidence read from one image: `attrcheck inspect IMAGE [--format text|json]`."""

from __future__ import annotations

import argparse

NAME = "inspect"
HELP = "the rights evidence read from one image"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("image")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 5")
