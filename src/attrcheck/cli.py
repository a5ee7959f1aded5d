"""Command-line entry point: argument parsing and dispatch only.

`attrcheck PATH...` is short for `attrcheck check PATH...`. Every AttrcheckError becomes one line on
stderr and exit status 2; no traceback reaches the user (set ATTRCHECK_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from attrcheck import __version__
from attrcheck.commands import COMMANDS
from attrcheck.errors import AttrcheckError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line naming the problem (its default, kept explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n(see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="attrcheck",
        description="Check that every image in an article is credited the way its licence demands.",
    )
    parser.add_argument("--version", action="version", version=f"attrcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command_parser = sub.add_parser(
            command.NAME, help=command.HELP, description=command.__doc__
        )
        command.add_arguments(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    names = {command.NAME for command in COMMANDS}
    if argv and argv[0] not in names and argv[0] not in ("-h", "--help", "--version"):
        return ["check", *argv]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    if not args_list:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    args = parser.parse_args(args_list)
    try:
        status: int = args.run(args)
        return status
    except AttrcheckError as error:
        print(f"attrcheck: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("attrcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # last resort: never a traceback for the user
        if os.environ.get("ATTRCHECK_DEBUG"):
            raise
        print(
            f"attrcheck: internal error: {type(error).__name__}: {error} "
            "(this is a bug; rerun with ATTRCHECK_DEBUG=1 and report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR
