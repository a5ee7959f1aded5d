"""Bad input: one clear line on stderr naming the file (and place), exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from attrcheck.cli import main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "attrcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def assert_one_clear_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines, "no message on stderr"
    assert lines[0].startswith("attrcheck"), lines
    for needle in needles:
        assert needle in result.stderr, (needle, result.stderr)


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("attrcheck ")


def test_no_arguments_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().err


def test_nonexistent_path(tmp_path: Path) -> None:
    assert_one_clear_error(run_cli(str(tmp_path / "nosuch.md")), "nosuch.md")


def test_folder_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    assert_one_clear_error(run_cli(str(tmp_path)), str(tmp_path.name))


def test_binary_file_as_article(tmp_path: Path) -> None:
    article = tmp_path / "photo.md"
    article.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_clear_error(run_cli(str(article)), "photo.md")


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_bytes(b"# Title\n\nCaf" + b"\xe9 au lait\n")
    result = run_cli(str(article))
    assert_one_clear_error(result, "post.md", "byte")


def test_unreadable_rules_file(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n\nNo figures here.\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text("publication: [unclosed\n")
    assert_one_clear_error(run_cli(str(article), "--rules", str(rules)), "rules.yaml")


def test_missing_rules_file(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n")
    assert_one_clear_error(
        run_cli(str(article), "--rules", str(tmp_path / "nope.yaml")), "nope.yaml"
    )


def test_rules_wrong_type(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n")
    rules = tmp_path / "rules.yaml"
    rules.write_text("publication:\n  commercial: 'yes'\n")
    assert_one_clear_error(run_cli(str(article), "--rules", str(rules)), "publication.commercial")


def test_unknown_check_code_for_explain() -> None:
    assert_one_clear_error(run_cli("explain", "AC999"), "AC999")


def test_diff_without_fix(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n")
    assert_one_clear_error(run_cli(str(article), "--diff"), "--fix")


def test_bad_select_code(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n")
    assert_one_clear_error(run_cli(str(article), "--select", "E501"), "E501")


def test_output_into_missing_folder(tmp_path: Path) -> None:
    article = tmp_path / "post.md"
    article.write_text("# Title\n")
    assert_one_clear_error(
        run_cli(str(article), "--output", str(tmp_path / "no" / "such" / "report.json")),
        "report.json",
    )


def test_broken_image_is_a_finding_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    article = tmp_path / "post.md"
    article.write_text("![A harbour](broken.jpg)\n\n*Photo: Jane Doe, CC BY 4.0*\n")
    result = run_cli(str(article), "--format", "json")
    assert result.returncode == 1, result.stderr
    assert "AC902" in result.stdout
