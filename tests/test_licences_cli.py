"""`attrcheck licences list|show|identify`, including the batch form on stdin."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from attrcheck import licences
from attrcheck.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["licences", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def feed_stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    )


def test_list_all(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list")
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 652
    assert lines[0].startswith("CC-BY-1.0 ")


def test_list_one_family_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "list", "--family", "OGL-UK", "--format", "json")
    assert status == 0
    records = json.loads(out)
    assert [r["id"] for r in records] == ["OGL-UK-1.0", "OGL-UK-2.0", "OGL-UK-3.0"]
    assert records[2]["attribution"]["statement"].startswith("Contains public sector information")


def test_list_unknown_family_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "list", "--family", "CC-XYZ")
    assert status == 2
    assert "unknown family 'CC-XYZ'" in err and "CC-BY-SA" in err


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "show", "CC BY-NC-ND 2.0 UK")
    assert status == 0
    assert out.startswith(
        "CC-BY-NC-ND-2.0-UK: Attribution-NonCommercial-NoDerivs 2.0 UK: England & Wales"
    )
    assert "technical format changes: not expressly allowed" in out


def test_show_json_is_the_full_entry(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "show", "https://creativecommons.org/licenses/by-sa/4.0/deed.de", "--format", "json"
    )
    assert status == 0
    entry = json.loads(out)
    assert entry["id"] == "CC-BY-SA-4.0"
    assert entry["titles"]["de"].startswith("Namensnennung")


def test_show_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "show", "CC BY 9.0")
    assert status == 2
    assert "unknown licence 'CC BY 9.0'" in err


def test_identify_text(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "identify", "Photo: Jane Doe (CC BY-SA 4.0 UK)")
    assert status == 0
    assert out == "17-32\t'CC BY-SA 4.0 UK'\tCC-BY-SA (unpinned)\tINVALID: 4.0 has no ports\n"


def test_identify_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "identify", "Photo by Jane")
    assert status == 0
    assert "no licence reference found" in out


def test_identify_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "identify", "--format", "json", "CC BY 4.0")
    assert status == 0
    assert json.loads(out) == {
        "text": "CC BY 4.0",
        "matches": [
            {"id": "CC-BY-4.0", "family": "CC-BY", "version": "4.0", "jurisdiction": None,
             "valid": True, "reason": None, "span": [0, 9]}
        ],
    }  # fmt: skip


def test_identify_batch_from_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, "CC BY-SA\n\nphoto by x\r\nOpen Government Licence v3.0\nCC BY 5.0")
    status, out, _ = run(capsys, "identify", "--format", "json", "-")
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in records] == [
        "CC BY-SA",
        "",
        "photo by x",
        "Open Government Licence v3.0",
        "CC BY 5.0",
    ]
    assert records[0]["matches"][0] == {
        "id": None, "family": "CC-BY-SA", "version": None, "jurisdiction": None,
        "valid": True, "reason": "no version given", "span": [0, 8],
    }  # fmt: skip
    assert records[1]["matches"] == [] and records[2]["matches"] == []
    assert records[3]["matches"][0]["id"] == "OGL-UK-3.0"
    assert records[4]["matches"][0]["valid"] is False


def test_identify_batch_survives_bad_bytes(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.TextIOWrapper(io.BytesIO(b"CC BY \xff\xfe 4.0\nCC0\n"), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", raw)
    status, out, _ = run(capsys, "identify", "--format", "json", "-")
    assert status == 0
    assert len(out.splitlines()) == 2


def test_identify_needs_a_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["licences", "identify"])
    assert stop.value.code == 2


def test_the_batch_form_is_json_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_stdin(monkeypatch, "CC BY 2.0\n")
    status, out, _ = run(capsys, "identify", "-")
    assert status == 0
    assert json.loads(out)["matches"][0]["id"] == "CC-BY-2.0"


def test_the_json_report_names_the_licence_database_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.md"
    article.write_text(
        '# T\n\n![A photo](img.jpg "Photo: Jane Doe, CC BY-SA 4.0")\n', encoding="utf-8"
    )
    main(["check", str(article), "--format", "json", "--exit-zero"])
    report = json.loads(capsys.readouterr().out)
    assert report["licence_db_version"] == licences.load().version
