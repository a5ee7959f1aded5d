"""`attrcheck explain CODE` and `attrcheck rules`."""

from __future__ import annotations

import json

import pytest

from attrcheck import checks
from attrcheck.cli import main


def test_explain_by_code_and_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "AC201"]) == 0
    by_code = capsys.readouterr().out
    assert by_code.startswith("AC201 nc-commercial-use (default level: error)\n")
    for section in ("What it checks", "Why it matters", "Example", "Fix"):
        assert f"\n{section}\n" in by_code
    assert main(["explain", "nc-commercial-use"]) == 0
    assert capsys.readouterr().out == by_code


def test_explain_unknown_suggests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "AC2O1"]) == 2
    err = capsys.readouterr().err
    assert "no check 'AC2O1'; did you mean AC201?" in err
    assert err.count("\n") == 1


def test_rules_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(checks.REGISTRY)
    assert lines[0].split()[:3] == ["AC101", "missing-credit", "error"]


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["code"] for row in rows] == [m.CODE for m in checks.REGISTRY]
    assert set(rows[0]) == {"code", "name", "level", "summary"}
