"""List every check: `attrcheck rules` (code, name, default level and one-line summary)."""

from __future__ import annotations

import argparse
import json
from typing import Any

from attrcheck import checks

NAME = "rules"
HELP = "list every check with its code, name and default level"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")


def records() -> list[dict[str, Any]]:
    """One plain record per check, in code order."""
    return [
        {
            "code": module.CODE,
            "name": module.NAME,
            "level": module.LEVEL,
            "summary": checks.summary(module),
        }
        for module in checks.REGISTRY
    ]


def render_text(rows: list[dict[str, Any]]) -> str:
    name_width = max(len(row["name"]) for row in rows)
    lines = [
        f"{row['code']}  {row['name']:<{name_width}}  {row['level']:<7}  {row['summary']}"
        for row in rows
    ]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    rows = records()
    if args.format == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(render_text(rows), end="")
    return 0
