"""Parse caption credits: `attrcheck credit TEXT`, or `attrcheck credit --format json -`.

The JSON object per caption has the keys text, creators, organisations, licences (id, family,
version, jurisdiction, valid, linked, url, span), links (text, url, role), title, change_note and
statements. With `-`, every stdin line is one caption and gets one output line, in order.
"""

from __future__ import annotations

import argparse
import io
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
    out = _tolerant(sys.stdout, "backslashreplace")
    if args.text == "-":
        _run_batch(_utf8_lines(sys.stdin), out, args.format)
    else:
        _write(out, args.text, args.format)
    out.flush()
    return 0


def _utf8_lines(stream: TextIO) -> TextIO:
    """stdin read as UTF-8 whatever the locale says; bytes that are not UTF-8 become U+FFFD."""
    raw = getattr(stream, "buffer", None)
    if raw is None:
        return stream  # already text (tests, embedding)
    return io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="\n")


def _tolerant(stream: TextIO, errors: str) -> TextIO:
    """The stream, set to replace what its encoding cannot carry (characters an ASCII terminal
    cannot show) instead of failing."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors=errors)
    return stream


def _run_batch(source: TextIO, out: TextIO, output_format: str) -> None:
    for line in source:
        caption = line.rstrip("\r\n")
        _write(out, caption, output_format)
        if output_format == "text":
            out.write("\n")


def _write(out: TextIO, caption: str, output_format: str) -> None:
    credit = parse(caption)
    if output_format == "json":
        ascii_only = not (getattr(out, "encoding", None) or "utf-8").lower().startswith("utf")
        out.write(json.dumps(credit_to_dict(credit), ensure_ascii=ascii_only) + "\n")
    else:
        out.write(credit_to_text(credit) + "\n")
