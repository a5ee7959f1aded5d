"""Glue shared by the commands that run checks (`check`, `report`): output format choice,
render options, progress and history. The report/ modules do the work; this only wires them."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

from attrcheck.report import RenderOptions, choose_auto_format


def choose_format(name: str) -> str:
    return choose_auto_format(os.environ) if name == "auto" else name


def render_options_for(args: argparse.Namespace, fmt: str) -> RenderOptions:
    from attrcheck.commands._rules import rule_infos

    color = fmt == "text" and args.output in (None, "-") and sys.stdout.isatty()
    color = color and "NO_COLOR" not in os.environ
    return RenderOptions(
        fail_level=getattr(args, "fail_level", "warning"),
        color=color,
        rules=rule_infos(),
        base_dir=os.getcwd(),
    )


class _ProgressBar:
    """Adapts the engine's Progress hook to report.progress (a bar on stderr, TTY only)."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        self._stack = stack
        self._bar: Any = None

    def start(self, total: int) -> None:
        from attrcheck.report.progress import progress

        self._bar = self._stack.enter_context(progress(total, "checking articles"))

    def advance(self, label: str) -> None:
        if self._bar is not None:
            self._bar.advance()


@contextlib.contextmanager
def progress_bar() -> Iterator[_ProgressBar]:
    with contextlib.ExitStack() as stack:
        yield _ProgressBar(stack)


def record_history(path: str, report: Mapping[str, Any]) -> None:
    from attrcheck.report.history import current_git_commit, record_run

    record_run(path, report, current_git_commit(os.getcwd()))
