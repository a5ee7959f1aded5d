"""read_evidence over the real media corpus (../shared/corpus/media): every file is read without a
traceback and in bounded time, the known facts of the MANIFEST come out, and the rights values
agree with exiftool's reading (exiftool.json) for at least 95% of the values."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

import pytest

from attrcheck.media import embedded_modification, read_evidence
from attrcheck.media.evidence_json import evidence_to_dict
from attrcheck.model import ImageEvidence

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "media"
CORPUS_FILES = (
    sorted(p.name for p in CORPUS.iterdir() if p.suffix not in (".md", ".json"))
    if CORPUS.is_dir()
    else []
)
MALFORMED = (
    "infinite_loop_exif.jpg",
    "huge_tag_exif.jpg",
    "tiff_poc.tiff",
    "truncated_jpeg.jpg",
    "png_decompression_dos.png",
    "invalid-exif.jpg",
    "broken.png",
)
# exiftool "Group:Tag" -> (our source, our field)
EXIFTOOL_FIELDS: dict[str, tuple[str, str]] = {
    "IFD0:Artist": ("exif", "Artist"),
    "IFD0:Copyright": ("exif", "Copyright"),
    "IFD0:XPAuthor": ("exif", "XPAuthor"),
    "XMP-dc:Creator": ("xmp", "dc:creator"),
    "XMP-dc:Rights": ("xmp", "dc:rights"),
    "XMP-photoshop:Credit": ("xmp", "photoshop:Credit"),
    "XMP-xmpRights:WebStatement": ("xmp", "xmpRights:WebStatement"),
    "XMP-xmpRights:UsageTerms": ("xmp", "xmpRights:UsageTerms"),
    "XMP-plus:LicensorName": ("xmp", "plus:LicensorName"),
    "XMP-plus:LicensorURL": ("xmp", "plus:LicensorURL"),
    **{
        f"{group}:{tag}": ("iptc", tag)
        for group in ("IPTC", "IPTC2")
        for tag in ("By-line", "Credit", "CopyrightNotice")
    },
}


def _evidence(media_corpus: Path, name: str) -> ImageEvidence:
    return read_evidence(media_corpus / name)


def _value_set(evidence: ImageEvidence) -> set[tuple[str, str, str]]:
    return {(v.source, v.field, " ".join(v.value.split())) for v in evidence.values}


def _expected(entry: dict[str, Any]) -> list[tuple[str, str, str]]:
    out = []
    for tag, (source, field) in EXIFTOOL_FIELDS.items():
        raw = entry.get(tag)
        for value in raw if isinstance(raw, list) else [raw]:
            text = " ".join(str(value).split()) if value is not None else ""
            if text:
                out.append((source, field, text))
    return out


@pytest.fixture(scope="module")
def exiftool_reading(media_corpus: Path) -> dict[str, dict[str, Any]]:
    entries = json.loads((media_corpus / "exiftool.json").read_text(encoding="utf-8"))
    return {entry["SourceFile"]: entry for entry in entries}


# --------------------------------------------------------------------------- every file


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_corpus_file_is_read_and_serialised(media_corpus: Path, name: str) -> None:
    started = time.perf_counter()
    evidence = _evidence(media_corpus, name)
    elapsed = time.perf_counter() - started
    document = evidence_to_dict(evidence)
    json.dumps(document)
    assert evidence.sha256 and evidence.size_bytes == (media_corpus / name).stat().st_size
    assert elapsed < 2.0, f"{name} took {elapsed:.2f}s"
    assert set(document) >= {"rights", "exif", "iptc", "xmp", "sidecar", "c2pa", "file"}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_files_finish_fast_with_a_clear_state(media_corpus: Path, name: str) -> None:
    started = time.perf_counter()
    evidence = _evidence(media_corpus, name)
    assert time.perf_counter() - started < 0.5
    assert not evidence.rights.has_rights
    assert evidence.error or evidence.warnings or name == "infinite_loop_exif.jpg"


def test_undecodable_files_name_the_reason(media_corpus: Path) -> None:
    for name in ("huge_tag_exif.jpg", "tiff_poc.tiff", "png_decompression_dos.png", "broken.png"):
        evidence = _evidence(media_corpus, name)
        assert not evidence.decodable and evidence.error, name
    bomb = _evidence(media_corpus, "png_decompression_dos.png")
    assert (bomb.width, bomb.height) == (1, 1)
    assert "truncated" in " ".join(_evidence(media_corpus, "truncated_jpeg.jpg").warnings)


# --------------------------------------------------------------------------- agreement


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_rights_values_agree_with_exiftool_per_file(
    media_corpus: Path, exiftool_reading: dict[str, dict[str, Any]], name: str
) -> None:
    expected = _expected(exiftool_reading[name])
    have = _value_set(_evidence(media_corpus, name))
    missing = [item for item in expected if item not in have]
    assert len(missing) <= max(1, len(expected) // 10), missing


def test_rights_values_agree_with_exiftool_overall(
    media_corpus: Path,
    exiftool_reading: dict[str, dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    total = agreed = 0
    for name, entry in exiftool_reading.items():
        have = _value_set(_evidence(media_corpus, name))
        expected = _expected(entry)
        total += len(expected)
        agreed += sum(item in have for item in expected)
    with capsys.disabled():
        print(f"\nexiftool agreement: {agreed}/{total} = {agreed / total:.1%}")
    assert total > 100
    assert agreed / total >= 0.95


# --------------------------------------------------------------------------- known facts


def test_iptc_reference_image_fills_every_summary_field(media_corpus: Path) -> None:
    rights = _evidence(media_corpus, "IPTC-PhotometadataRef-Std2023.2.jpg").rights
    assert rights.creators == ("Creator1 (ref2023.2)",)
    assert rights.credit == "Credit Line (ref2023.2)"
    assert rights.web_statement == "https://example.com/WebStatementOfRights/ref2023.2"
    assert rights.usage_terms == "Rights Usage Terms (ref2023.2)"
    assert rights.licensor == "Licensor Name 1 (ref2023.2)"
    assert rights.digital_source_type is not None
    assert rights.digital_source_type.endswith("/softwareImage")
    assert rights.sources["creators"] == ("exif", "xmp", "iptc")
    assert rights.conflicts == ()


def test_mwg_conflicts_are_reported_and_exif_artist_wins(media_corpus: Path) -> None:
    rights = _evidence(media_corpus, "MWG.jpg").rights
    assert rights.creators == ("RIGHT1of2-EXIF-Creator", "RIGHT2of2-EXIF-Creator")
    assert rights.copyright == "RIGHT-XMP-Copyright"
    assert any(
        c.startswith("creator: EXIF Artist") and "XMP dc:creator" in c for c in rights.conflicts
    )
    assert any(c.startswith("copyright: XMP dc:rights") for c in rights.conflicts)


def test_three_way_out_of_sync_file_reports_each_container(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "metadata_demo_inc_exif_out_of_sync_Inc_adobe.jpg")
    conflicts = " ".join(evidence.rights.conflicts)
    assert "Carl Seibert (Exif)" in conflicts and "(IIM)" in conflicts and "(XMP)" in conflicts
    assert evidence.containers["iptc"]["digest"] == "stale"


def test_iim_outside_app13_is_read(media_corpus: Path) -> None:
    afcp = _evidence(media_corpus, "AFCP.jpg")
    assert afcp.rights.copyright == "copy freely" and afcp.rights.sources["copyright"] == ("iptc",)
    reagan = _evidence(media_corpus, "ReaganSmallPng.png")
    assert ("iptc", "By-line", "Photographerís Mate 3rd Class (") in _value_set(reagan)
    assert reagan.containers["iptc"]["charset"] == "utf-8"


def test_psd_tiff_and_exv_containers(media_corpus: Path) -> None:
    psd = _evidence(media_corpus, "Photoshop.psd")
    assert {"exif", "iptc", "xmp"} <= set(psd.containers)
    tiff = _evidence(media_corpus, "sig05-002a.tif")
    assert tiff.rights.usage_terms == "Public Domain"
    assert tiff.containers["sidecar"]["path"].endswith("sig05-002a.xmp")
    exv = _evidence(media_corpus, "CanonEF100mmF2.8LMacroISUSM.exv")
    assert exv.rights.licence_url == "http://creativecommons.org/licenses/by/3.0/deed.en"
    assert not exv.decodable


def test_extended_xmp_is_reassembled(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "ExtendedXMP.jpg")
    assert "xmpNote:HasExtendedXMP" in evidence.containers["xmp"]
    assert not evidence.warnings


def test_utf16_xmp_packet_is_read(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "ExifTool.jpg")
    assert evidence.rights.web_statement == "https://exiftool.org/"
    assert not [w for w in evidence.warnings if "XMP" in w.split(":")[0]]
    assert evidence.containers["iptc"]["digest"] == "stale"  # as exiftool warns


def test_xmp_file_given_directly(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "7.xmp")
    assert evidence.format == "XMP" and not evidence.decodable
    assert evidence.rights.licence_url == "http://creativecommons.com/cc-by-2.9"
    assert evidence.rights.usage_terms == "do whatever you want"
    assert evidence.containers["xmp"]["xmpRights:UsageTerms"]["en-GB"].startswith("Do whatever")


def test_pentax_xpauthor_is_only_a_fallback(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "Pentax_K10D.jpg")
    assert evidence.rights.creators == ("Laitche",)
    assert ("exif", "XPAuthor", "www.laitche.com") in _value_set(evidence)


def test_orientation_and_size_as_stored(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "MWG.jpg")
    assert evidence.orientation == 6 and (evidence.width, evidence.height) == (8, 8)


# --------------------------------------------------------------------------- C2PA


def test_c2pa_manifest_with_creative_work_author(media_corpus: Path) -> None:
    c2pa = _evidence(media_corpus, "C.jpg").c2pa
    assert c2pa is not None and c2pa.present and c2pa.signed_and_valid
    assert c2pa.creators == ("John Doe",)
    assert c2pa.actions[0]["action"] == "c2pa.created"
    assert str(c2pa.actions[0]["digitalSourceType"]).endswith("algorithmicMedia")
    assert c2pa.signer and "C2PA" in c2pa.signer


def test_c2pa_ingredient_and_colour_adjustment(media_corpus: Path) -> None:
    evidence = _evidence(media_corpus, "CA.jpg")
    assert evidence.c2pa is not None
    assert evidence.c2pa.ingredients[0]["title"] == "A.jpg"
    assert "c2pa.color_adjustments" in evidence.history
    verdict = embedded_modification(evidence)
    assert verdict is not None and verdict.kind == "altered" and verdict.evidence == "c2pa"


def test_c2pa_tampered_file_is_invalid(media_corpus: Path) -> None:
    c2pa = _evidence(media_corpus, "XCA.jpg").c2pa
    assert c2pa is not None and c2pa.present
    assert c2pa.validation_state == "invalid"
    assert "assertion.dataHash.mismatch" in c2pa.validation_errors
    assert not c2pa.signed_and_valid


def test_cawg_and_remote_manifests(media_corpus: Path) -> None:
    cawg = _evidence(media_corpus, "C_with_CAWG_data.jpg")
    assert cawg.c2pa is not None and cawg.c2pa.present
    assert cawg.c2pa.creators == ("C2PA Signer",)  # the X.509 identity's named actor
    assert (
        cawg.rights.digital_source_type
        == "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"
    )
    cloud = _evidence(media_corpus, "cloud.jpg").c2pa
    assert cloud is not None and not cloud.present
    assert cloud.error and "not embedded" in cloud.error


def test_no_c2pa_for_plain_and_pre_c2pa_files(media_corpus: Path) -> None:
    assert _evidence(media_corpus, "mushroom.jpg").c2pa is None
    assert _evidence(media_corpus, "ExifTool.jpg").c2pa is None


def test_mutated_corpus_files_never_raise(media_corpus: Path, tmp_path: Path) -> None:
    """Bit flips, truncations and 0xFF runs in real files: no exception, bounded time."""
    rng = random.Random(5)
    sources = [
        media_corpus / n for n in CORPUS_FILES if (media_corpus / n).stat().st_size < 200_000
    ]
    for round_ in range(150):
        source = rng.choice(sources)
        data = bytearray(source.read_bytes())
        choice = rng.random()
        if choice < 0.4:
            for _ in range(rng.randint(1, 20)):
                data[rng.randrange(min(len(data), 70_000))] = rng.randrange(256)
        elif choice < 0.7:
            data = data[: rng.randrange(1, len(data))]
        else:
            at = rng.randrange(min(len(data), 70_000))
            data[at : at + 4] = b"\xff\xff\xff\xff"
        target = tmp_path / f"m{round_}{source.suffix}"
        target.write_bytes(bytes(data))
        started = time.perf_counter()
        evidence = read_evidence(target)
        assert time.perf_counter() - started < 1.0, source.name
        json.dumps(evidence_to_dict(evidence))
