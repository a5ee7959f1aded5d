"""A progress bar on stderr for runs over many articles: only on a terminal, never in CI.

`with progress(total, "checking articles") as bar: ... bar.advance()`. The bar is drawn with rich
when stderr is a TTY, TERM is not "dumb" and no CI variable is set; otherwise (piped, redirected,
CI logs) the same object is silent, so callers never branch.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

# Set by GitHub Actions, GitLab CI, Jenkins, Azure Pipelines, CircleCI, Travis, Buildkite, ...
CI_VARIABLES = (
    "CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TF_BUILD", "CIRCLECI", "TRAVIS",
    "BUILDKITE", "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER", "DRONE", "CODEBUILD_BUILD_ID",
)  # fmt: skip
MIN_TOTAL = 2  # a bar for one article is noise


class Advancer(Protocol):
    def advance(self, steps: int = 1) -> None: ...


class SilentProgress:
    """The progress object when no bar is drawn."""

    def __init__(self) -> None:
        self.done = 0

    def advance(self, steps: int = 1) -> None:
        self.done += steps


class _RichProgress:
    def __init__(self, bar: Any, task: Any) -> None:
        self._bar, self._task = bar, task

    def advance(self, steps: int = 1) -> None:
        self._bar.advance(self._task, steps)


def should_show(
    total: int, stream: TextIO | None = None, environ: Mapping[str, str] | None = None
) -> bool:
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    if total < MIN_TOTAL or environ.get("TERM") == "dumb":
        return False
    if any(
        environ.get(name, "").strip().lower() not in ("", "0", "false") for name in CI_VARIABLES
    ):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


@contextmanager
def progress(
    total: int,
    label: str,
    *,
    stream: TextIO | None = None,
    environ: Mapping[str, str] | None = None,
) -> Iterator[Advancer]:
    """A context manager giving an object with .advance(); draws a bar only where it helps."""
    if not should_show(total, stream, environ):
        yield SilentProgress()
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(file=sys.stderr if stream is None else stream)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        yield _RichProgress(bar, bar.add_task(label, total=total))
