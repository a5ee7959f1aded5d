"""`attrcheck credit`: one caption as text or JSON, and the batch form reading stdin."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from attrcheck.cli import main
from attrcheck.credits import credit_to_dict, parse

KEYS = [
    "text",
    "creators",
    "organisations",
    "licences",
    "links",
    "title",
    "change_note",
    "statements",
]


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["credit", "Jorge Guerrero/AFP via Getty Images"]) == 0
    out = capsys.readouterr().out
    assert "creators:      Jorge Guerrero" in out
    assert "organisations: AFP; Getty Images" in out


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["credit", "--format", "json", "Coolcaesar, CC BY-SA 4.0 DEED"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == KEYS
    assert data["creators"] == ["Coolcaesar"]
    assert data["licences"][0]["id"] == "CC-BY-SA-4.0"


def test_batch_from_stdin_keeps_order_and_blank_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = ["Roie Galitz", "", "Image: NASA/JPL-Caltech", "\udcff binary\x00"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    assert main(["credit", "--format", "json", "-"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == len(lines)
    records = [json.loads(line) for line in out]
    assert [record["creators"] for record in records] == [["Roie Galitz"], [], [], []]
    assert records[2]["organisations"] == ["NASA", "JPL-Caltech"]


def test_batch_windows_line_endings(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Roie Galitz\r\nBeeld Lauren Hillebrandt\r\n"))
    assert main(["credit", "--format", "json", "-"]) == 0
    texts = [json.loads(line)["text"] for line in capsys.readouterr().out.splitlines()]
    assert texts == ["Roie Galitz", "Beeld Lauren Hillebrandt"]


def test_credit_object_fits_the_report_schema(repo_root: Path) -> None:
    schema = json.loads((repo_root / "src/attrcheck/schemas/report.schema.json").read_text("utf-8"))
    credit_schema = {"$defs": schema["$defs"], "$ref": "#/$defs/credit"}
    caption = (
        "Ravi Kant, [CC BY-SA 4.0](https://creativecommons.org/licenses/by-sa/4.0/), "
        "via Wikimedia Commons"
    )
    jsonschema.validate(credit_to_dict(parse(caption)), credit_schema)


def test_ascii_terminal_and_bad_bytes(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "attrcheck", "credit", "--format", "json", "-"]
    result = subprocess.run(
        command, input=b"Foto: Jens B\xc3\xbcttner/dpa\nPhoto: Jane\xff Doe\n", env=env,
        capture_output=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode("ascii").splitlines()]
    assert records[0]["creators"] == ["Jens Büttner"]
    assert len(records) == 2
