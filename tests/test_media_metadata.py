"""read_evidence on files generated here with Pillow: each container in each format, sidecars,
character sets, hostile XML, decompression bombs, and embedded_modification's verdicts."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest
from PIL import Image, TiffImagePlugin
from PIL.PngImagePlugin import PngInfo

from attrcheck.errors import MediaError
from attrcheck.media import embedded_modification, read_evidence
from attrcheck.model import C2paSummary, ImageEvidence

RDF_OPEN = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about=""'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
    ' xmlns:xmpRights="http://ns.adobe.com/xap/1.0/rights/"'
    ' xmlns:cc="http://creativecommons.org/ns#"'
    ' xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"'
    ' xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"'
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
    ' xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"'
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
    ' xmlns:xmpNote="http://ns.adobe.com/xmp/note/"'
)
RDF_CLOSE = "</rdf:Description></rdf:RDF></x:xmpmeta>"
RIGHTS_BODY = (
    ' photoshop:Credit="Agency X" xmpRights:WebStatement="https://example.org/terms">'
    "<dc:creator><rdf:Seq><rdf:li>Ann Author</rdf:li></rdf:Seq></dc:creator>"
    '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2024 Ann Author</rdf:li></rdf:Alt>'
    "</dc:rights>"
    '<cc:license rdf:resource="https://creativecommons.org/licenses/by-nc-nd/4.0/"/>'
    '<xmpRights:UsageTerms><rdf:Alt><rdf:li xml:lang="x-default">Editorial only</rdf:li>'
    "</rdf:Alt></xmpRights:UsageTerms>"
    "<plus:Licensor><rdf:Seq><rdf:li rdf:parseType='Resource'>"
    "<plus:LicensorName>Licensing Co</plus:LicensorName>"
    "<plus:LicensorURL>https://licensing.example</plus:LicensorURL>"
    "</rdf:li></rdf:Seq></plus:Licensor>"
    "<Iptc4xmpExt:DigitalSourceType>"
    "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture</Iptc4xmpExt:DigitalSourceType>"
)


def xmp_packet(body: str = RIGHTS_BODY) -> bytes:
    return (RDF_OPEN + body + RDF_CLOSE).encode("utf-8")


def iim(*datasets: tuple[int, int, bytes]) -> bytes:
    return b"".join(b"\x1c" + bytes([r, d]) + len(v).to_bytes(2, "big") + v for r, d, v in datasets)


def irb(resource_id: int, payload: bytes) -> bytes:
    padding = b"\x00" if len(payload) % 2 else b""
    return (
        b"8BIM" + resource_id.to_bytes(2, "big") + b"\x00\x00"
        + len(payload).to_bytes(4, "big") + payload + padding
    )  # fmt: skip


def with_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """Insert an APPn segment right after SOI."""
    segment = bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return jpeg[:2] + segment + jpeg[2:]


def exif_bytes(**tags: object) -> bytes:
    exif = Image.Exif()
    names = {"Artist": 0x013B, "Copyright": 0x8298, "Orientation": 0x0112, "XPAuthor": 0x9C9D}
    for name, value in tags.items():
        exif[names[name]] = value
    return exif.tobytes()


def jpeg(path: Path, **save: object) -> Path:
    Image.new("RGB", (64, 48), "teal").save(path, "JPEG", **save)
    return path


# --------------------------------------------------------------------------- formats


def test_missing_file_raises_media_error(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match="no such image"):
        read_evidence(tmp_path / "nope.jpg")
    with pytest.raises(MediaError, match="no such image"):
        read_evidence(tmp_path)


def test_jpeg_exif_xmp_and_iptc(tmp_path: Path) -> None:
    path = jpeg(
        tmp_path / "a.jpg",
        exif=exif_bytes(Artist="Ann Author", Copyright="© 2024 Ann Author".encode(), Orientation=6),
        xmp=xmp_packet(),
    )
    block = iim((1, 90, b"\x1b%G"), (2, 80, b"Ann Author"), (2, 110, b"Agency X"))
    path.write_bytes(
        with_segment(path.read_bytes(), 0xED, b"Photoshop 3.0\x00" + irb(0x0404, block))
    )
    evidence = read_evidence(path)
    rights = evidence.rights
    assert (evidence.format, evidence.width, evidence.height, evidence.orientation) == (
        "JPEG",
        64,
        48,
        6,
    )
    assert rights.creators == ("Ann Author",)
    assert rights.copyright == "© 2024 Ann Author"
    assert rights.credit == "Agency X"
    assert rights.licence_url == "https://creativecommons.org/licenses/by-nc-nd/4.0/"
    assert rights.usage_terms == "Editorial only"
    assert rights.licensor == "Licensing Co"
    assert rights.web_statement == "https://example.org/terms"
    assert rights.digital_source_type is not None
    assert rights.sources["creators"] == ("exif", "xmp", "iptc")
    assert rights.conflicts == ()
    assert {v.source for v in evidence.values} == {"exif", "xmp", "iptc"}
    assert evidence.decodable and evidence.error is None and not evidence.warnings


def test_png_itxt_xmp_and_compressed_itxt(tmp_path: Path) -> None:
    for compressed in (False, True):
        info = PngInfo()
        info.add_itxt("XML:com.adobe.xmp", xmp_packet().decode(), zip=compressed)
        path = tmp_path / f"p{compressed}.png"
        Image.new("RGB", (10, 10)).save(path, pnginfo=info)
        assert read_evidence(path).rights.creators == ("Ann Author",)


def test_png_exif_chunk(tmp_path: Path) -> None:
    path = tmp_path / "e.png"
    Image.new("RGB", (10, 10)).save(path, exif=exif_bytes(Artist="Png Artist"))
    assert read_evidence(path).rights.creators == ("Png Artist",)


def test_webp_exif_and_xmp(tmp_path: Path) -> None:
    path = tmp_path / "w.webp"
    Image.new("RGB", (16, 16)).save(path, exif=exif_bytes(Artist="Ann Author"), xmp=xmp_packet())
    evidence = read_evidence(path)
    assert evidence.format == "WEBP"
    assert evidence.rights.sources["creators"] == ("exif", "xmp")


def test_tiff_tags_700_and_33723(tmp_path: Path) -> None:
    ifd = TiffImagePlugin.ImageFileDirectory_v2()
    ifd[700] = xmp_packet()
    ifd.tagtype[700] = 1
    ifd[33723] = iim((2, 116, b"Copyright TIFF IIM"))
    ifd.tagtype[33723] = 7
    ifd[0x013B] = "Tiff Artist"
    path = tmp_path / "t.tif"
    Image.new("RGB", (8, 8)).save(path, tiffinfo=ifd)
    evidence = read_evidence(path)
    assert evidence.rights.creators == ("Tiff Artist",)
    assert ("iptc", "CopyrightNotice", "Copyright TIFF IIM") in {
        (v.source, v.field, v.value) for v in evidence.values
    }
    assert any("differs" in c for c in evidence.rights.conflicts)


def test_xpauthor_is_decoded_from_utf16(tmp_path: Path) -> None:
    path = jpeg(tmp_path / "xp.jpg", exif=exif_bytes(XPAuthor="Zoë".encode("utf-16-le") + b"\0\0"))
    assert read_evidence(path).rights.creators == ("Zoë",)


# --------------------------------------------------------------------------- IPTC charsets


def test_iptc_charset_declared_utf8_and_latin1_fallback(tmp_path: Path) -> None:
    for name, block, expected in (
        ("u.jpg", iim((1, 90, b"\x1b%G"), (2, 80, "Zoë".encode())), "Zoë"),
        ("l.jpg", iim((2, 80, "Zoë".encode("latin-1"))), "Zoë"),
        ("plain.jpg", iim((2, 80, "Zoë".encode())), "Zoë"),
    ):
        path = jpeg(tmp_path / name)
        payload = b"Photoshop 3.0\x00" + irb(0x0404, block)
        path.write_bytes(with_segment(path.read_bytes(), 0xED, payload))
        assert read_evidence(path).rights.creators == (expected,), name


def test_truncated_iim_is_a_warning(tmp_path: Path) -> None:
    path = jpeg(tmp_path / "t.jpg")
    block = iim((2, 80, b"Bob")) + b"\x1c\x02\x74\x10\x00short"
    path.write_bytes(
        with_segment(path.read_bytes(), 0xED, b"Photoshop 3.0\x00" + irb(0x0404, block))
    )
    evidence = read_evidence(path)
    assert evidence.rights.creators == ("Bob",)
    assert any("IPTC" in w for w in evidence.warnings)


# --------------------------------------------------------------------------- sidecars


@pytest.mark.parametrize("sidecar_name", ["photo.xmp", "photo.jpg.xmp"])
def test_sidecar_next_to_the_image(tmp_path: Path, sidecar_name: str) -> None:
    path = jpeg(tmp_path / "photo.jpg")
    (tmp_path / sidecar_name).write_bytes(xmp_packet())
    evidence = read_evidence(path)
    assert evidence.rights.creators == ("Ann Author",)
    assert evidence.rights.sources["creators"] == ("sidecar",)
    assert evidence.containers["sidecar"]["path"].endswith(sidecar_name)
    assert {v.source for v in evidence.values} == {"sidecar"}


def test_xmp_path_given_directly(tmp_path: Path) -> None:
    path = tmp_path / "only.xmp"
    path.write_bytes(xmp_packet())
    evidence = read_evidence(path)
    assert evidence.format == "XMP" and evidence.rights.credit == "Agency X"
    assert {v.source for v in evidence.values} == {"xmp"}


# --------------------------------------------------------------------------- hostile input


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def test_xml_entity_expansion_is_refused(tmp_path: Path) -> None:
    body = RIGHTS_BODY.replace("Ann Author", "&lol3;")
    packet = (BILLION_LAUGHS + RDF_OPEN + body + RDF_CLOSE).encode()
    path = jpeg(tmp_path / "lol.jpg", xmp=packet)
    evidence = read_evidence(path)
    assert not evidence.values
    assert any("refused" in w for w in evidence.warnings)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    packet = (doctype + RDF_OPEN + RIGHTS_BODY.replace("Ann Author", "&ext;") + RDF_CLOSE).encode()
    sidecar = tmp_path / "x.xmp"
    sidecar.write_bytes(packet)
    evidence = read_evidence(sidecar)
    assert not evidence.values and evidence.warnings


def test_malformed_xmp_keeps_the_other_containers(tmp_path: Path) -> None:
    path = jpeg(
        tmp_path / "bad.jpg", exif=exif_bytes(Artist="Still Here"), xmp=b"<x:xmpmeta><rdf:RDF"
    )
    evidence = read_evidence(path)
    assert evidence.rights.creators == ("Still Here",)
    assert any("not well-formed" in w or "no XML" in w for w in evidence.warnings)


def test_deeply_nested_xmp_is_bounded(tmp_path: Path) -> None:
    depth = 5000
    nested = "<dc:creator>" + "<rdf:Bag><rdf:li>" * depth + "x" + "</rdf:li></rdf:Bag>" * depth
    path = jpeg(tmp_path / "deep.jpg")
    (tmp_path / "deep.xmp").write_text(RDF_OPEN + ">" + nested + "</dc:creator>" + RDF_CLOSE)
    started = time.perf_counter()
    read_evidence(path)
    assert time.perf_counter() - started < 2.0


def test_pixel_decompression_bomb_counts_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    Image.new("1", (8, 8)).save(path)
    data = bytearray(path.read_bytes())
    data[16:24] = (200_000).to_bytes(4, "big") + (200_000).to_bytes(4, "big")  # IHDR size
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    evidence = read_evidence(path)
    assert not evidence.decodable
    assert evidence.error is not None and "bomb" in evidence.error


def test_png_text_bomb_is_capped(tmp_path: Path) -> None:
    path = tmp_path / "ztxt.png"
    Image.new("RGB", (4, 4)).save(path)
    data = path.read_bytes()
    bomb = b"XML:com.adobe.xmp\x00\x00" + zlib.compress(b"0" * (64 * 1024 * 1024), 9)
    chunk = (
        len(bomb).to_bytes(4, "big")
        + b"zTXt"
        + bomb
        + zlib.crc32(b"zTXt" + bomb).to_bytes(4, "big")
    )
    iend = data.rfind(b"IEND") - 4
    path.write_bytes(data[:iend] + chunk + data[iend:])
    started = time.perf_counter()
    evidence = read_evidence(path)
    assert time.perf_counter() - started < 1.0
    assert any("inflates too far" in w for w in evidence.warnings)


def test_looping_exif_ifd_terminates(tmp_path: Path) -> None:
    # IFD0 with one entry whose next-IFD offset points back at itself
    tiff = (
        b"II*\x00\x08\x00\x00\x00"
        + b"\x01\x00"
        + b"\x3b\x01\x02\x00\x04\x00\x00\x00Bob\x00"
        + b"\x08\x00\x00\x00"
    )
    path = jpeg(tmp_path / "loop.jpg", exif=b"Exif\x00\x00" + tiff)
    started = time.perf_counter()
    evidence = read_evidence(path)
    assert time.perf_counter() - started < 0.5
    assert evidence.rights.creators == ("Bob",)


def test_garbage_file_is_unreadable_but_hashed(tmp_path: Path) -> None:
    path = tmp_path / "noise.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe1\xff\xff" + bytes(range(256)) * 4)
    evidence = read_evidence(path)
    assert not evidence.decodable and evidence.sha256 and evidence.warnings


# --------------------------------------------------------------------------- embedded modification


def _with_xmp(tmp_path: Path, body: str) -> ImageEvidence:
    return read_evidence(jpeg(tmp_path / "m.jpg", xmp=xmp_packet(body)))


def test_has_crop_records_a_crop(tmp_path: Path) -> None:
    evidence = _with_xmp(
        tmp_path,
        ' crs:HasCrop="True" crs:CropLeft="0.1" crs:CropTop="0" crs:CropRight="1"'
        ' crs:CropBottom="0.9">',
    )
    assert evidence.crop_recorded
    verdict = embedded_modification(evidence)
    assert verdict is not None and (verdict.kind, verdict.evidence) == ("cropped", "xmp")
    assert verdict.detail["crs"]["CropLeft"] == 0.1


def test_has_crop_false_records_nothing(tmp_path: Path) -> None:
    evidence = _with_xmp(tmp_path, ' crs:HasCrop="False" crs:CropLeft="0" crs:CropRight="1">')
    assert not evidence.crop_recorded and embedded_modification(evidence) is None


def _history(*events: tuple[str, str]) -> str:
    items = "".join(
        f"<rdf:li stEvt:action='{action}' stEvt:changed='{changed}'/>" for action, changed in events
    )
    return f"><xmpMM:History><rdf:Seq>{items}</rdf:Seq></xmpMM:History>"


def test_history_edit_of_content_is_an_alteration(tmp_path: Path) -> None:
    evidence = _with_xmp(tmp_path, _history(("saved", "/"), ("edited", "/content")))
    assert evidence.history == ("saved", "edited")
    verdict = embedded_modification(evidence)
    assert verdict is not None and verdict.kind == "altered"


def test_history_metadata_edit_and_saves_are_not_modifications(tmp_path: Path) -> None:
    evidence = _with_xmp(tmp_path, _history(("saved", "/metadata"), ("edited", "/metadata")))
    assert embedded_modification(evidence) is None


def test_history_conversion_is_a_format_change(tmp_path: Path) -> None:
    body = (
        "><xmpMM:History><rdf:Seq><rdf:li stEvt:action='derived'"
        " stEvt:parameters='converted from image/tiff to image/jpeg'/></rdf:Seq></xmpMM:History>"
    )
    verdict = embedded_modification(_with_xmp(tmp_path, body))
    assert verdict is not None and verdict.kind == "format-change" and not verdict.is_adaptation


def test_history_cropped_action(tmp_path: Path) -> None:
    verdict = embedded_modification(_with_xmp(tmp_path, _history(("cropped", "/"))))
    assert verdict is not None and verdict.kind == "cropped"


def _c2pa_evidence(*actions: str, valid: bool = True) -> ImageEvidence:
    summary = C2paSummary(
        present=True,
        validation_state="valid" if valid else "invalid",
        validation_errors=() if valid else ("assertion.dataHash.mismatch",),
        actions=tuple({"action": a} for a in actions),
    )
    return ImageEvidence(path="x.jpg", c2pa=summary)


@pytest.mark.parametrize(
    ("actions", "kind"),
    [
        (("c2pa.opened", "c2pa.cropped"), "cropped"),
        (("c2pa.color_adjustments",), "altered"),
        (("c2pa.drawing",), "altered"),
        (("c2pa.edited",), "altered"),
        (("c2pa.filtered",), "altered"),
        (("c2pa.resized",), "resized"),
        (("c2pa.converted",), "format-change"),
        (("c2pa.transcoded",), "recompressed"),
        (("c2pa.repackaged",), "recompressed"),
        (("c2pa.published",), "recompressed"),
        (("c2pa.resized", "c2pa.cropped", "c2pa.filtered"), "altered"),
    ],
)
def test_c2pa_actions_map_to_kinds(actions: tuple[str, ...], kind: str) -> None:
    verdict = embedded_modification(_c2pa_evidence(*actions))
    assert verdict is not None and verdict.kind == kind and verdict.evidence == "c2pa"


def test_c2pa_created_only_is_no_modification() -> None:
    assert embedded_modification(_c2pa_evidence("c2pa.created", "c2pa.opened")) is None


def test_invalid_manifest_lowers_the_score() -> None:
    valid = embedded_modification(_c2pa_evidence("c2pa.cropped"))
    invalid = embedded_modification(_c2pa_evidence("c2pa.cropped", valid=False))
    assert valid is not None and invalid is not None and invalid.score < valid.score


def test_nothing_recorded_is_none() -> None:
    assert embedded_modification(ImageEvidence(path="x.jpg")) is None


def test_package_exports_functions_even_after_submodule_import() -> None:
    import importlib

    import attrcheck.media as media

    importlib.import_module("attrcheck.media.compare")
    assert callable(media.compare) and callable(media.read_evidence)
    assert callable(media.embedded_modification)


def test_qualified_xmp_values_use_rdf_value(tmp_path: Path) -> None:
    body = (
        "><dc:creator><rdf:Seq><rdf:li><rdf:Description>"
        "<rdf:value>Qualified Name</rdf:value><dc:type>person</dc:type>"
        "</rdf:Description></rdf:li></rdf:Seq></dc:creator>"
        "<photoshop:Credit rdf:parseType='Resource'><rdf:value>Credited</rdf:value>"
        "</photoshop:Credit>"
    )
    evidence = _with_xmp(tmp_path, body)
    assert evidence.rights.creators == ("Qualified Name",)
    assert evidence.rights.credit == "Credited"


def test_photoshop_resources_split_over_two_app13_segments(tmp_path: Path) -> None:
    block = irb(0x0404, iim((2, 80, b"Split Author"), (2, 110, b"X" * 40)))
    first, second = block[:20], block[20:]
    path = jpeg(tmp_path / "split.jpg")
    data = with_segment(path.read_bytes(), 0xED, b"Photoshop 3.0\x00" + second)
    path.write_bytes(with_segment(data, 0xED, b"Photoshop 3.0\x00" + first))
    assert read_evidence(path).rights.creators == ("Split Author",)


def test_exif_copyright_photographer_and_editor_parts(tmp_path: Path) -> None:
    path = jpeg(tmp_path / "c.jpg", exif=exif_bytes(Copyright=b"Ann Author\x00Ed Itor"))
    assert read_evidence(path).rights.copyright == "Ann Author\nEd Itor"


def test_exif_and_xmp_found_in_a_format_pillow_cannot_open(tmp_path: Path) -> None:
    exif_blob = exif_bytes(Artist="Heif Artist")
    fake_heif = (
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 40 + exif_blob
        + b"\x00" * 16 + xmp_packet()
    )  # fmt: skip
    path = tmp_path / "photo.heic"
    path.write_bytes(fake_heif)
    evidence = read_evidence(path)
    assert not evidence.decodable and evidence.format == "HEIF"
    assert evidence.rights.creators == ("Heif Artist",)
    assert evidence.rights.credit == "Agency X"
