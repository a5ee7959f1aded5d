"""read_evidence(path) -> ImageEvidence: format, size, hash and the rights metadata of every
container of one image file (EXIF, IPTC IIM, XMP, a sidecar .xmp, C2PA), without decoding pixels.

The file is read once into memory (memory is bounded by one file); Pillow identifies it with a
lazy open (its decompression-bomb limit stays on) and our bounded walkers (containers.py) find
the metadata blocks, which exif.py, iptc.py, xmp.py and c2pa_reader.py decode. Damage never
raises: an image Pillow cannot open gets `decodable=False` and `error`, a malformed block is
skipped with a warning, and whatever could be read is kept.
"""

from __future__ import annotations

import hashlib
import io
import warnings as pywarnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

from attrcheck.errors import MediaError
from attrcheck.media import containers, exif, iptc, rights, xmp
from attrcheck.media.c2pa_reader import read_c2pa, remote_reference
from attrcheck.model import C2paSummary, EvidenceValue, ImageEvidence

IIM_VALUE_FIELDS = (
    "By-line", "Credit", "Source", "CopyrightNotice", "SpecialInstructions", "ObjectName",
    "Caption-Abstract",
)  # fmt: skip
EXIF_VALUE_FIELDS = (
    "Artist",
    "Copyright",
    "ImageDescription",
    "XPAuthor",
    "XPTitle",
)
IRB_IPTC_DIGEST = 0x0425
MAX_WARNINGS = 50


@dataclass
class Identity:
    """What Pillow (or, failing it, the file signature) says the file is."""

    format: str | None = None
    width: int | None = None
    height: int | None = None
    decodable: bool = True
    error: str | None = None
    info: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- identification


def sniff_format(data: bytes) -> str | None:
    """The container kind from the first bytes, independent of Pillow."""
    if data.startswith(b"\xff\xd8"):
        return "JPEG"
    if data.startswith(containers.EXV_HEADER):
        return "EXV"
    if data.startswith(containers.PNG_SIGNATURE):
        return "PNG"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "WEBP"
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if data.startswith(b"8BPS"):
        return "PSD"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if data[4:8] == b"ftyp":
        return "AVIF" if data[8:12] in (b"avif", b"avis") else "HEIF"
    return None


def identify(data: bytes) -> Identity:
    """Open lazily with Pillow (no pixel decoding); a decompression bomb counts as unreadable.

    Pillow's other warnings about damaged files become evidence warnings.
    """
    with pywarnings.catch_warnings(record=True) as caught:
        pywarnings.simplefilter("always")
        pywarnings.simplefilter("error", Image.DecompressionBombWarning)
        identity = _open_lazily(data)
    identity.warnings = [f"Pillow: {w.message}" for w in caught[:5]]
    return identity


def _open_lazily(data: bytes) -> Identity:
    try:
        with Image.open(io.BytesIO(data)) as image:
            info = {k: v for k, v in image.info.items() if k in ("exif", "xmp")}
            fmt = "JPEG" if image.format == "MPO" else image.format
            return Identity(fmt, image.size[0], image.size[1], True, None, info)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        return Identity(sniff_format(data), decodable=False, error=f"decompression bomb: {exc}")
    except UnidentifiedImageError:
        return Identity(
            sniff_format(data), decodable=False, error="not an image format Pillow can open"
        )
    except Exception as exc:  # image plugins raise many types (OSError, RuntimeError, ...)
        return Identity(sniff_format(data), decodable=False, error=f"cannot be opened: {exc}")


# --------------------------------------------------------------------------- raw blocks


def collect_raw(data: bytes, kind: str | None, identity: Identity) -> containers.RawMetadata:
    """Find the undecoded EXIF / IPTC / XMP / IRB blocks of the file."""
    raw = containers.RawMetadata()
    if kind in ("JPEG", "EXV"):
        containers.collect_jpeg(data, raw)
    elif kind == "PNG":
        containers.collect_png(data, raw)
    elif kind == "WEBP":
        containers.collect_riff(data, raw)
    elif kind == "TIFF":
        raw.exif.append(data)
    elif kind == "PSD":
        _collect_psd(data, raw)
    if not raw.exif and isinstance(identity.info.get("exif"), bytes):
        raw.exif.append(identity.info["exif"])
    if not raw.xmp and isinstance(identity.info.get("xmp"), bytes):
        raw.xmp.append(identity.info["xmp"])
    known_place = kind in ("JPEG", "PNG", "WEBP", "TIFF", "PSD") and identity.decodable
    if not raw.xmp and not known_place:
        packet = containers.scan_xmp_packet(data)
        if packet:
            raw.xmp.append(packet)
    if not raw.exif and not known_place:
        blob = containers.scan_exif_blob(data)
        if blob:
            raw.exif.append(blob)
    if kind != "JPEG":  # in JPEG, C2PA lives in APP11 segments, which the walker has seen
        raw.has_jumbf = raw.has_jumbf or (b"jumb" in data and b"c2pa" in data)
    return raw


def _collect_psd(data: bytes, raw: containers.RawMetadata) -> None:
    """The image resources section of a PSD: header (26), colour mode data, resources."""
    if len(data) < 34:
        return
    pos = 30 + int.from_bytes(data[26:30], "big")
    size = int.from_bytes(data[pos : pos + 4], "big")
    raw.irb.append(data[pos + 4 : pos + 4 + size])


# --------------------------------------------------------------------------- decoding


@dataclass
class Decoded:
    exif: dict[str, Any] = field(default_factory=dict)
    iptc: dict[str, Any] = field(default_factory=dict)
    xmp: dict[str, Any] = field(default_factory=dict)  # all properties of the packet(s)
    iim_stale: bool = False


def decode_exif(raw: containers.RawMetadata, warnings: list[str]) -> dict[str, Any]:
    """Rights fields of the first EXIF blob; XMP/IPTC/IRB found in its TIFF tags join `raw`."""
    for blob in raw.exif[:1]:
        block = exif.read_exif(blob, warnings)
        if block is None:
            return {}
        if block.xmp:
            raw.xmp.append(block.xmp)
        if block.iptc:
            raw.iptc.append(block.iptc)
        if block.photoshop:
            raw.irb.append(block.photoshop)
        return block.fields
    return {}


def iim_digest_stale(raw: containers.RawMetadata) -> bool:
    """True when a Photoshop IPTC digest exists and does not match the IIM block."""
    digests: list[bytes] = []
    for block in raw.irb:
        resources = containers.photoshop_resources(block, [])
        if IRB_IPTC_DIGEST in resources:
            digests.append(resources[IRB_IPTC_DIGEST])
    if not digests or not raw.iptc:
        return False  # an all-zero digest (written by tools that do not compute it) is stale too
    return hashlib.md5(raw.iptc[0], usedforsecurity=False).digest() != digests[0][:16]


def decode_xmp(
    packets: list[bytes], raw: containers.RawMetadata | None, warnings: list[str], where: str
) -> dict[str, Any]:
    """Parse the main packet (plus its ExtendedXMP) and let further packets fill gaps."""
    properties: dict[str, Any] = {}
    index = 0
    while index < min(len(packets), 4):
        packet = packets[index]
        index += 1
        try:
            parsed = xmp.parse_packet(packet)
        except xmp.XmpError as exc:
            warnings.append(f"{where}: {exc}")
            continue
        for key, value in parsed.items():
            properties.setdefault(key, value)
        guid = xmp.default_text(parsed.get("xmpNote:HasExtendedXMP"))
        if raw is not None and guid:
            extended = containers.extended_xmp_packet(raw, guid.encode("ascii", "replace"))
            if extended:
                packets.append(extended)
    return properties


def decode_all(raw: containers.RawMetadata, warnings: list[str]) -> Decoded:
    decoded = Decoded()
    containers.collect_irb(raw)  # JPEG APP13, PSD, PNG raw profiles: may hold the EXIF
    decoded.exif = decode_exif(raw, warnings)
    containers.collect_irb(raw)  # TIFF tag 34377, found while reading the EXIF
    decoded.iim_stale = iim_digest_stale(raw)
    decoded.iptc = iptc.read_iptc(raw.iptc, warnings)
    if decoded.iptc:
        decoded.iptc["digest"] = "stale" if decoded.iim_stale else "current or absent"
    if decoded.iim_stale:
        warnings.append("IPTC digest is not current: the IIM was edited after the XMP was written")
    decoded.xmp = decode_xmp(list(raw.xmp), raw, warnings, "XMP")
    return decoded


# --------------------------------------------------------------------------- sidecar


def sidecar_path(path: Path) -> Path | None:
    """photo.xmp or photo.jpg.xmp (either case) next to the image."""
    for candidate in (
        path.with_suffix(".xmp"),
        path.with_suffix(".XMP"),
        path.with_name(path.name + ".xmp"),
        path.with_name(path.name + ".XMP"),
    ):
        if candidate != path and candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path, warnings: list[str]) -> tuple[Path, dict[str, Any]] | None:
    found = sidecar_path(path)
    if found is None:
        return None
    try:
        data = found.read_bytes()
    except OSError as exc:
        warnings.append(f"sidecar {found.name}: cannot be read ({exc.strerror})")
        return None
    return found, decode_xmp([data], None, warnings, f"sidecar {found.name}")


# --------------------------------------------------------------------------- evidence


def xmp_section(properties: dict[str, Any]) -> dict[str, Any]:
    """The xmp/sidecar container section: the kept properties plus history and crop."""
    section = xmp.kept_properties(properties)
    history = xmp.history_events(properties)
    if history:
        section["history"] = history
    crop = xmp.crop_settings(properties)
    if crop:
        section["crop"] = crop
    return section


def tagged_values(
    decoded: Decoded, sidecar: dict[str, Any] | None, c2pa: C2paSummary | None
) -> list[EvidenceValue]:
    values: list[EvidenceValue] = []
    for name in EXIF_VALUE_FIELDS:
        if name in decoded.exif:
            values.append(EvidenceValue("exif", name, str(decoded.exif[name])))
    for name in IIM_VALUE_FIELDS:
        for text in xmp.texts(decoded.iptc.get(name)):
            values.append(EvidenceValue("iptc", name, text))
    values.extend(EvidenceValue("xmp", f, v) for f, v in xmp.rights_values(decoded.xmp))
    if sidecar is not None:
        values.extend(EvidenceValue("sidecar", f, v) for f, v in xmp.rights_values(sidecar))
    if c2pa is not None and c2pa.present:
        values.extend(EvidenceValue("c2pa", "creator", name) for name in c2pa.creators)
        for action in c2pa.actions:
            if action.get("digitalSourceType"):
                values.append(
                    EvidenceValue("c2pa", "digitalSourceType", str(action["digitalSourceType"]))
                )
                break
        if c2pa.licence_url:
            values.append(EvidenceValue("c2pa", "license", c2pa.licence_url))
    return values


def history_of(sections: list[dict[str, Any]], c2pa: C2paSummary | None) -> tuple[str, ...]:
    actions = [str(e["action"]) for s in sections for e in s.get("history", [])]
    if c2pa is not None:
        actions.extend(str(a.get("action")) for a in c2pa.actions)
    return tuple(actions)


def c2pa_of(
    data: bytes,
    fmt: str | None,
    raw: containers.RawMetadata,
    xmp_props: dict[str, Any],
    warnings: list[str],
) -> C2paSummary | None:
    if raw.has_jumbf:
        summary = read_c2pa(data, fmt, warnings)
        if summary is not None:
            return summary
    provenance = xmp.default_text(xmp_props.get("dcterms:provenance"))
    if provenance and provenance.startswith(("http://", "https://")):
        return remote_reference(provenance)
    return None


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise MediaError(f"{path}: no such image")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise MediaError(f"{path}: cannot be read ({exc.strerror})") from exc


def read_evidence(path: str | Path) -> ImageEvidence:
    """Everything the file itself says about its rights; see the module docstring."""
    file_path = Path(path)
    data = _read_bytes(file_path)
    if file_path.suffix.lower() == ".xmp":
        return _xmp_file_evidence(file_path, data)
    identity = identify(data)
    warnings: list[str] = list(identity.warnings)
    kind = sniff_format(data) or identity.format
    raw = collect_raw(data, kind, identity)
    warnings.extend(raw.warnings)
    raw.warnings = warnings
    if kind == "JPEG" and containers.jpeg_truncated(data, raw):
        warnings.append("JPEG: no end-of-image marker; the image data is truncated")
    try:
        decoded = decode_all(raw, warnings)
    except Exception as exc:  # last resort: hostile input must never become a traceback
        warnings.append(f"metadata could not be read ({type(exc).__name__}: {exc})")
        decoded = Decoded()
    sidecar = read_sidecar(file_path, warnings)
    fmt = identity.format or kind
    c2pa = c2pa_of(data, fmt, raw, decoded.xmp, warnings)
    return _evidence(file_path, data, identity, fmt, decoded, sidecar, c2pa, warnings)


def _evidence(
    file_path: Path,
    data: bytes,
    identity: Identity,
    fmt: str | None,
    decoded: Decoded,
    sidecar: tuple[Path, dict[str, Any]] | None,
    c2pa: C2paSummary | None,
    warnings: list[str],
) -> ImageEvidence:
    sections: dict[str, dict[str, Any]] = {}
    if decoded.exif:
        sections["exif"] = decoded.exif
    if decoded.iptc:
        sections["iptc"] = decoded.iptc
    if decoded.xmp:
        sections["xmp"] = xmp_section(decoded.xmp)
    sidecar_props = sidecar[1] if sidecar else None
    if sidecar is not None:
        sections["sidecar"] = {"path": str(sidecar[0]), **xmp_section(sidecar[1])}
    values = tagged_values(decoded, sidecar_props, c2pa)
    size = identity.width, identity.height
    if identity.width is None and fmt == "PNG":
        size = containers.png_size(data) or size
    crop_sections = [s for k, s in sections.items() if k in ("xmp", "sidecar")]
    return ImageEvidence(
        path=str(file_path),
        format=fmt,
        width=size[0],
        height=size[1],
        sha256=hashlib.sha256(data).hexdigest(),
        size_bytes=len(data),
        decodable=identity.decodable,
        error=identity.error,
        warnings=tuple(dict.fromkeys(warnings))[:MAX_WARNINGS],
        values=tuple(values),
        containers=sections,
        rights=rights.summarise(values, c2pa, decoded.iim_stale),
        c2pa=c2pa,
        orientation=decoded.exif.get("Orientation"),
        crop_recorded=any("crop" in s for s in crop_sections),
        history=history_of(crop_sections, c2pa),
    )


def _xmp_file_evidence(file_path: Path, data: bytes) -> ImageEvidence:
    """A .xmp file read on its own: its packet is the "xmp" container."""
    warnings: list[str] = []
    decoded = Decoded(xmp=decode_xmp([data], None, warnings, f"XMP file {file_path.name}"))
    return _evidence(
        file_path,
        data,
        Identity("XMP", decodable=False, error="an XMP metadata file, not an image"),
        "XMP",
        decoded,
        None,
        None,
        warnings,
    )
