"""The project checks its own documentation with attrcheck: no false alarms on our own pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.cli import main


def test_docs_and_readme_pass(repo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(repo_root / "docs"), str(repo_root / "README.md"), str(repo_root / "CHANGELOG.md")]
    status = main([*paths, "--offline"])
    assert status == 0, capsys.readouterr().out
