"""The pre-commit hook definition and the CI documentation stay true to the CLI."""

from __future__ import annotations

from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from attrcheck.cli import _with_default_command as with_default_command
from attrcheck.cli import build_parser
from attrcheck.commands.check import FORMATS

ROOT = Path(__file__).resolve().parents[1]


def test_pre_commit_hook_runs_attrcheck_on_markdown_and_html() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "attrcheck"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "html"}
    command, *args = hook["entry"].split()
    assert command == "attrcheck"
    parsed = build_parser().parse_args([*args, "article.md", "--offline"])
    assert parsed.paths == ["article.md"]


def test_ci_doc_uses_real_formats_and_options() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "github/codeql-action/upload-sarif" in text
    assert "reports:\n      junit: attrcheck-junit.xml" in text
    code = "\n".join(t.content for t in MarkdownIt().parse(text) if t.type == "fence")
    for line in code.splitlines():
        line = line.strip().removeprefix("- ").removeprefix("run: ")
        if line.startswith("attrcheck ") and "||" not in line:
            argv = line.split("#", 1)[0].split()[1:]
            build_parser().parse_args(with_default_command(argv))  # exits on a bad option
    for name in ("sarif", "junit", "github", "csv", "auto"):
        assert name in FORMATS and f"--format {name}" in text
