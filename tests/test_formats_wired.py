"""Every `--format` choice of `attrcheck check` renders a report (pip-audit's wiring test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.commands.check import FORMATS
from attrcheck.report import FORMAT_MODULES, RenderOptions, choose_auto_format, render
from test_report_samples import sample_rules, with_images

CONCRETE = [name for name in FORMATS if name != "auto"]


def test_every_choice_has_a_module() -> None:
    assert sorted(CONCRETE) == sorted(FORMAT_MODULES)


@pytest.mark.parametrize("name", CONCRETE)
def test_every_format_renders_the_sample(name: str, tmp_path: Path) -> None:
    options = RenderOptions(rules=sample_rules(), base_dir=str(tmp_path))
    text = render(name, with_images(tmp_path), options)
    assert isinstance(text, str) and text.strip()
    assert "pompeo" in text


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "text"),
        ({"GITHUB_ACTIONS": "true"}, "github"),
        ({"GITHUB_ACTIONS": "false"}, "text"),
        ({"GITLAB_CI": "true"}, "text"),
    ],
)
def test_auto_picks_github_under_actions(environ: dict[str, str], expected: str) -> None:
    assert choose_auto_format(environ) == expected
    assert expected in FORMAT_MODULES
