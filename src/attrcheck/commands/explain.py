"""Print the documentation of one check: `attrcheck explain CODE` (a code or a name)."""

from __future__ import annotations

import argparse
import inspect

from attrcheck import checks
from attrcheck.errors import UsageError

NAME = "explain"
HELP = "the documentation of one check (e.g. attrcheck explain AC201)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a check code (AC201) or name (nc-commercial-use)")


def render(code_or_name: str) -> str:
    """The page for one check: code, name, default level, then its docstring."""
    module = checks.get(code_or_name)
    if module is None:
        near = checks.nearest(code_or_name)
        hint = f"; did you mean {near}?" if near else "; `attrcheck rules` lists them"
        raise UsageError(f"explain: no check {code_or_name!r}{hint}")
    heading = f"{module.CODE} {module.NAME} (default level: {module.LEVEL})"
    body = inspect.cleandoc(module.__doc__ or "")
    return f"{heading}\n{'=' * len(heading)}\n\n{body}\n"


def run(args: argparse.Namespace) -> int:
    print(render(args.code), end="")
    return 0
