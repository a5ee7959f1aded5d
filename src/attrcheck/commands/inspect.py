"""Print the rights evidence read from one image: `attrcheck inspect IMAGE [--format text|json]`.

JSON: `file` (format, size, hash, decodable), a `rights` summary, one section per container
(`exif`, `iptc`, `xmp`, `sidecar`, `c2pa`), every tagged value, the recorded history and
modification, and warnings. A file that does not exist exits 2; a file that exists but cannot be
decoded is still inspected (its `file.error` says why).
"""

from __future__ import annotations

import argparse
import json
import sys

from attrcheck.media import read_evidence
from attrcheck.media.evidence_json import evidence_to_dict, evidence_to_text

NAME = "inspect"
HELP = "the rights evidence read from one image"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("image", help="an image file (or an .xmp sidecar)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    evidence = read_evidence(args.image)
    if args.format == "json":
        json.dump(evidence_to_dict(evidence), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(evidence_to_text(evidence)) + "\n")
    return 0
