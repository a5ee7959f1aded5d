"""Compare a published image with its original: `attrcheck compare ORIGINAL PUBLISHED`."""

from __future__ import annotations

import argparse

NAME = "compare"
HELP = "how the published image differs from the original (crop, overlay, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("original")
    parser.add_argument("published")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("issue 5")
