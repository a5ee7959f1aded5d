"""`attrcheck inspect IMAGE [--format text|json]` through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from attrcheck.cli import main

XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:cc="http://creativecommons.org/ns#">'
    "<dc:creator><rdf:Seq><rdf:li>Ann Author</rdf:li></rdf:Seq></dc:creator>"
    '<cc:license rdf:resource="https://creativecommons.org/licenses/by/4.0/"/>'
    "</rdf:Description></rdf:RDF></x:xmpmeta>"
)


@pytest.fixture
def image(tmp_path: Path) -> Path:
    path = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x013B] = "Ann Author"
    Image.new("RGB", (40, 30), "navy").save(path, exif=exif.tobytes(), xmp=XMP.encode())
    return path


def run_json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["inspect", "--format", "json", *args]) == 0
    document: dict[str, object] = json.loads(capsys.readouterr().out)
    return document


def test_json_has_rights_and_a_section_per_container(
    image: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = run_json([str(image)], capsys)
    assert list(document)[:2] == ["format_version", "attrcheck_version"]
    for key in ("file", "rights", "exif", "iptc", "xmp", "sidecar", "c2pa", "values", "warnings"):
        assert key in document
    rights = document["rights"]
    assert isinstance(rights, dict)
    assert rights["creators"] == ["Ann Author"]
    assert rights["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert rights["sources"]["creators"] == ["exif", "xmp"]
    assert document["exif"] == {"Artist": "Ann Author"}
    assert document["iptc"] is None and document["c2pa"] is None
    file_info = document["file"]
    assert isinstance(file_info, dict)
    assert (file_info["format"], file_info["width"], file_info["height"]) == ("JPEG", 40, 30)
    assert file_info["decodable"] is True


def test_text_output(image: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(image)]) == 0
    out = capsys.readouterr().out
    assert "creator:" in out and "Ann Author" in out and "[exif, xmp]" in out
    assert "licence URL:" in out


def test_missing_image_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", str(tmp_path / "missing.png")]) == 2
    err = capsys.readouterr().err
    assert "missing.png: no such image" in err and "Traceback" not in err


def test_unreadable_image_is_inspected_with_its_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    document = run_json([str(path)], capsys)
    file_info = document["file"]
    assert isinstance(file_info, dict)
    assert file_info["decodable"] is False and file_info["error"]
    assert main(["inspect", str(path)]) == 0
    assert "unreadable:" in capsys.readouterr().out


def test_xmp_file_and_sidecar(image: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sidecar = image.with_suffix(".xmp")
    sidecar.write_text(XMP.replace("Ann Author", "Sid Car"), encoding="utf-8")
    document = run_json([str(sidecar)], capsys)
    assert document["rights"]["creators"] == ["Sid Car"]  # type: ignore[index]
    document = run_json([str(image)], capsys)
    assert document["sidecar"]["dc:creator"] == ["Sid Car"]  # type: ignore[index]
    assert any("differs" in c for c in document["rights"]["conflicts"])  # type: ignore[index]


def test_corpus_json_has_no_traceback(
    media_corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for path in sorted(media_corpus.iterdir()):
        if path.suffix in (".md", ".json"):
            continue
        document = run_json([str(path)], capsys)
        assert document["path"] == str(path)
