"""Parse caption credits: `attrcheck credit TEXT`, or `attrcheck credit --format json -`.

The JSON object per caption has the keys text, creators, organisations, licences (id, family,
version, jurisdiction, valid, linked, url, span), links (text, url, role), title, change_note and
statements. With `-`, every stdin line is one caption and gets one output line, in order.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from attrcheck.credits import credit_to_dict, parse
from attrcheck.credits.serialise import credit_to_text

NAME = "credit"
HELP = "parse one caption credit (or one per stdin line with -)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "text", help="the caption text, or - to read one caption per line from stdin"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    if args.text == "-":
        _run_batch(sys.stdin, sys.stdout, args.format)
    else:
        _write(sys.stdout, args.text, args.format)
    return 0


def _run_batch(source: TextIO, out: TextIO, output_format: str) -> None:
    for line in source:
        caption = line.rstrip("\r\n")
        _write(out, caption, output_format)
        if output_format == "text":
            out.write("\n")


def _write(out: TextIO, caption: str, output_format: str) -> None:
    credit = parse(caption)
    if output_format == "json":
        out.write(json.dumps(credit_to_dict(credit), ensure_ascii=False) + "\n")
    else:
        out.write(credit_to_text(credit) + "\n")
