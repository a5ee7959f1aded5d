"""The progress bar: drawn on a terminal only; silent when piped and under CI."""

from __future__ import annotations

import io

from attrcheck.report.progress import SilentProgress, progress, should_show


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_silent_when_piped() -> None:
    stream = io.StringIO()
    with progress(50, "checking articles", stream=stream, environ={}) as bar:
        assert isinstance(bar, SilentProgress)
        for _ in range(50):
            bar.advance()
    assert stream.getvalue() == ""
    assert bar.done == 50


def test_silent_under_ci_even_on_a_terminal() -> None:
    for variable in ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL"):
        assert not should_show(50, FakeTerminal(), {variable: "true"})
    assert not should_show(50, FakeTerminal(), {"TERM": "dumb"})


def test_shown_on_a_terminal_for_many_articles() -> None:
    assert should_show(50, FakeTerminal(), {"CI": "false"})
    assert not should_show(1, FakeTerminal(), {})


def test_bar_draws_on_a_terminal() -> None:
    terminal = FakeTerminal()
    with progress(3, "checking articles", stream=terminal, environ={}) as bar:
        for _ in range(3):
            bar.advance()
    assert not isinstance(bar, SilentProgress)
    assert "checking articles" in terminal.getvalue()
