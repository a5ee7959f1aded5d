"""Compare a published image with its original: `attrcheck compare ORIGINAL PUBLISHED`.

Prints the verdict (identical, resized, recompressed, format-change, cropped or altered), the crop
box in the original's pixels, the confidence score and what was measured. `--format json` prints
{"kind", "crop", "score", "evidence", "alterations", "detail"}.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from attrcheck.fileio import emit
from attrcheck.media.compare import compare
from attrcheck.model import ModificationVerdict

NAME = "compare"
HELP = "how the published image differs from the original (crop, overlay, ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("original", help="the image as received (the register's `original`)")
    parser.add_argument("published", help="the image as published")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    verdict = compare(args.original, args.published)
    if args.format == "json":
        emit(json.dumps(verdict_record(verdict), indent=2, ensure_ascii=False) + "\n", None)
    else:
        emit(verdict_text(verdict, args.original, args.published), None)
    return 0


def verdict_record(verdict: ModificationVerdict) -> dict[str, Any]:
    """The verdict as plain JSON-ready data."""
    return {
        "kind": verdict.kind,
        "crop": list(verdict.crop) if verdict.crop else None,
        "score": verdict.score,
        "evidence": verdict.evidence,
        "alterations": list(verdict.alterations),
        "detail": _plain(verdict.detail),
    }


def verdict_text(verdict: ModificationVerdict, original: str, published: str) -> str:
    lines = [f"{published}: {verdict.kind} (score {verdict.score:.2f}, compared with {original})"]
    if verdict.crop:
        left, top, right, bottom = verdict.crop
        lines.append(f"  crop: left {left}, top {top}, right {right}, bottom {bottom}")
    if verdict.alterations:
        lines.append(f"  alterations: {', '.join(verdict.alterations)}")
    changes = verdict.detail.get("changes")
    if changes:
        lines.append(f"  changes: {', '.join(str(change) for change in changes)}")
    for side in ("original", "published"):
        info = verdict.detail.get(side)
        if isinstance(info, dict):
            width, height = info.get("size", ("?", "?"))
            lines.append(f"  {side}: {info.get('format')} {width}x{height}")
    note = verdict.detail.get("note")
    if note:
        lines.append(f"  note: {note}")
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float):
        return round(value, 4)
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)
