"""Bounded walkers over the byte structures that carry metadata: JPEG/EXV segments, PNG chunks,
RIFF (WebP) chunks, Photoshop image resource blocks and the AFCP trailer.

Every walker works on bytes already in memory, never reads past the end, caps the number of
items it visits and reports damage as a short warning string instead of raising. They find the
metadata blocks only; decoding the blocks is the job of exif.py, iptc.py and xmp.py.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

MAX_SEGMENTS = 4096
MAX_CHUNKS = 100_000
MAX_RESOURCES = 4096
MAX_INFLATED_TEXT = 4 * 1024 * 1024  # a PNG text chunk may inflate to at most this many bytes

XMP_APP1_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
EXTENDED_XMP_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
EXIF_APP1_HEADER = b"Exif\x00\x00"
PHOTOSHOP_APP13_HEADER = b"Photoshop 3.0\x00"
EXV_HEADER = b"\xff\x01Exiv2"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# PNG text keywords worth inflating; everything else (e.g. a 2 MiB "Big1" bomb) is left alone.
PNG_TEXT_KEYWORDS = frozenset(
    {
        "XML:com.adobe.xmp",
        "Raw profile type exif",
        "Raw profile type APP1",
        "Raw profile type iptc",
        "Raw profile type 8bim",
        "Raw profile type xmp",
    }
)


@dataclass
class RawMetadata:
    """The undecoded metadata blocks found in one file."""

    exif: list[bytes] = field(
        default_factory=list
    )  # TIFF-structured blobs (maybe "Exif\0\0" first)
    xmp: list[bytes] = field(default_factory=list)  # XMP packets, main packet first
    extended_xmp: dict[bytes, dict[int, bytes]] = field(
        default_factory=dict
    )  # guid -> offset -> part
    extended_xmp_length: dict[bytes, int] = field(default_factory=dict)
    iptc: list[bytes] = field(default_factory=list)  # raw IIM streams
    irb: list[bytes] = field(default_factory=list)  # Photoshop image resource blocks
    irb_done: int = 0  # how many of `irb` collect_irb has already unpacked
    has_jumbf: bool = False
    scan_offset: int | None = None  # JPEG: where the entropy-coded data starts (after SOS)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- JPEG / EXV


def jpeg_segments(data: bytes, start: int, warnings: list[str]) -> Iterator[tuple[int, bytes]]:
    """Yield (marker, payload) for every marker segment before the scan data (SOS) or EOI."""
    pos, end, count = start, len(data), 0
    while pos + 2 <= end and count < MAX_SEGMENTS:
        if data[pos] != 0xFF:
            warnings.append(f"JPEG: garbage instead of a marker at byte {pos}; stopped reading")
            return
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker == 0xD9:
            return
        if marker == 0xDA:
            yield marker, b""
            return
        if pos + 4 > end:
            break
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2 or pos + 2 + length > end:
            warnings.append(
                f"JPEG: segment 0x{marker:02X} at byte {pos} runs past the end of the file"
            )
            return
        count += 1
        yield marker, data[pos + 4 : pos + 2 + length]
        pos += 2 + length
    if count >= MAX_SEGMENTS:
        warnings.append(f"JPEG: more than {MAX_SEGMENTS} segments; the rest was skipped")


def collect_jpeg(data: bytes, raw: RawMetadata) -> None:
    """Gather EXIF, XMP (standard and extended), Photoshop IRB and JUMBF from JPEG or EXV bytes."""
    start = len(EXV_HEADER) if data.startswith(EXV_HEADER) else 2
    photoshop: list[bytes] = []  # Photoshop splits large resource blocks over several APP13
    for marker, payload in jpeg_segments(data, start, raw.warnings):
        if marker == 0xDA:
            raw.scan_offset = data.find(b"\xff\xda", start)
        elif marker == 0xE1:
            _collect_app1(payload, raw)
        elif marker == 0xED and payload.startswith(PHOTOSHOP_APP13_HEADER):
            photoshop.append(payload[len(PHOTOSHOP_APP13_HEADER) :])
        elif marker == 0xEB and b"jumb" in payload[:64]:
            raw.has_jumbf = True
    if photoshop:
        raw.irb.append(b"".join(photoshop))
    afcp_iptc = afcp_trailer_iptc(data, raw.warnings)
    if afcp_iptc:
        raw.iptc.append(afcp_iptc)


def _collect_app1(payload: bytes, raw: RawMetadata) -> None:
    if payload.startswith(EXIF_APP1_HEADER):
        if not raw.exif:  # the first Exif APP1 is the image's; later ones belong to thumbnails
            raw.exif.append(payload)
    elif payload.startswith(XMP_APP1_HEADER):
        raw.xmp.append(payload[len(XMP_APP1_HEADER) :])
    elif payload.startswith(EXTENDED_XMP_HEADER):
        _collect_extended_xmp(payload[len(EXTENDED_XMP_HEADER) :], raw)


def _collect_extended_xmp(body: bytes, raw: RawMetadata) -> None:
    if len(body) < 40:
        raw.warnings.append("JPEG: ExtendedXMP segment too short; skipped")
        return
    guid = body[:32]
    full_length = int.from_bytes(body[32:36], "big")
    offset = int.from_bytes(body[36:40], "big")
    if full_length > 64 * 1024 * 1024 or offset >= full_length:
        raw.warnings.append("JPEG: ExtendedXMP segment with impossible length/offset; skipped")
        return
    raw.extended_xmp.setdefault(guid, {})[offset] = body[40:]
    raw.extended_xmp_length[guid] = full_length


def jpeg_truncated(data: bytes, raw: RawMetadata) -> bool:
    """True when the scan data has no end-of-image marker after it (0xFFD9 cannot occur inside
    entropy-coded data, so any later 0xFFD9 is the EOI, even with a trailer behind it)."""
    return raw.scan_offset is not None and data.rfind(b"\xff\xd9", raw.scan_offset) < 0


def extended_xmp_packet(raw: RawMetadata, guid: bytes) -> bytes | None:
    """Reassemble the ExtendedXMP packet whose GUID the main packet names, if complete."""
    parts = raw.extended_xmp.get(guid)
    if not parts:
        return None
    packet = b"".join(parts[offset] for offset in sorted(parts))
    if len(packet) != raw.extended_xmp_length.get(guid):
        raw.warnings.append("JPEG: ExtendedXMP is incomplete; used what was there")
    return packet


def afcp_trailer_iptc(data: bytes, warnings: list[str]) -> bytes | None:
    """The IIM block of an AFCP ("AXS!") trailer after the JPEG image data, if any."""
    if len(data) < 12 or data[-12:-9] != b"AXS":
        return None
    start = int.from_bytes(data[-8:-4], "big")
    if start + 12 > len(data) - 12 or data[start : start + 3] != b"AXS":
        warnings.append("AFCP trailer: bad start offset; skipped")
        return None
    count = int.from_bytes(data[start + 6 : start + 8], "big")
    entry = start + 12
    for _ in range(min(count, 64)):
        tag = data[entry : entry + 4]
        size = int.from_bytes(data[entry + 4 : entry + 8], "big")
        offset = int.from_bytes(data[entry + 8 : entry + 12], "big")
        entry += 12
        if tag == b"IPTC":
            for base in (0, start):
                block = data[base + offset : base + offset + size]
                if block[:1] == b"\x1c":
                    return block
            warnings.append("AFCP trailer: IPTC entry points outside the file; skipped")
    return None


# --------------------------------------------------------------------------- Photoshop IRB


def photoshop_resources(block: bytes, warnings: list[str]) -> dict[int, bytes]:
    """Parse Photoshop image resource blocks ("8BIM" id name size data) into {id: data}."""
    resources: dict[int, bytes] = {}
    pos, end = 0, len(block)
    for _ in range(MAX_RESOURCES):
        if pos + 12 > end:
            break
        if block[pos : pos + 4] not in (b"8BIM", b"PHUT", b"AgHg", b"DCSR"):
            warnings.append(f"Photoshop resources: bad signature at byte {pos}; stopped reading")
            break
        res_id = int.from_bytes(block[pos + 4 : pos + 6], "big")
        name_len = block[pos + 6]
        pos += 7 + name_len + ((name_len + 1) % 2)  # Pascal string padded to even length
        if pos + 4 > end:
            break
        size = int.from_bytes(block[pos : pos + 4], "big")
        pos += 4
        if pos + size > end:
            warnings.append(f"Photoshop resource {res_id} runs past its block; truncated")
        resources.setdefault(res_id, block[pos : pos + size])
        pos += size + (size % 2)
    return resources


def collect_irb(raw: RawMetadata) -> None:
    """Move IPTC (0x0404), XMP (0x0424) and EXIF (0x0422) out of the Photoshop resource blocks."""
    for block in raw.irb[raw.irb_done :]:
        raw.irb_done += 1
        resources = photoshop_resources(block, raw.warnings)
        if 0x0404 in resources:
            raw.iptc.append(resources[0x0404])
        if 0x0424 in resources:
            raw.xmp.append(resources[0x0424])
        if 0x0422 in resources and not raw.exif:
            raw.exif.append(resources[0x0422])


# --------------------------------------------------------------------------- PNG


def png_chunks(data: bytes, warnings: list[str]) -> Iterator[tuple[bytes, int, int]]:
    """Yield (type, start, length) of each PNG chunk's data, stopping at IEND or at damage.

    Offsets rather than slices, so that a large image's IDAT data is never copied.
    """
    pos, end = len(PNG_SIGNATURE), len(data)
    for _ in range(MAX_CHUNKS):
        if pos + 8 > end:
            warnings.append("PNG: file ends before IEND")
            return
        length = int.from_bytes(data[pos : pos + 4], "big")
        ctype = data[pos + 4 : pos + 8]
        if not ctype.isalpha():
            warnings.append(f"PNG: bad chunk type at byte {pos}; stopped reading")
            return
        if pos + 12 + length > end:
            warnings.append(f"PNG: chunk {ctype.decode('ascii')} runs past the end of the file")
            return
        yield ctype, pos + 8, length
        if ctype == b"IEND":
            return
        pos += 12 + length


def png_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the IHDR chunk, when the file starts with one."""
    if data.startswith(PNG_SIGNATURE) and data[12:16] == b"IHDR" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    return None


def bounded_inflate(payload: bytes, limit: int = MAX_INFLATED_TEXT) -> bytes | None:
    """zlib-inflate at most `limit` bytes; None when the data would inflate further or is bad."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(payload, limit)
    except zlib.error:
        return None
    if inflater.unconsumed_tail:
        return None
    return out


def png_text(ctype: bytes, body: bytes, warnings: list[str]) -> tuple[str, bytes] | None:
    """(keyword, text bytes) of an interesting tEXt/zTXt/iTXt chunk; None for the others."""
    keyword_bytes, sep, rest = body.partition(b"\x00")
    keyword = keyword_bytes.decode("latin-1")
    if not sep or keyword not in PNG_TEXT_KEYWORDS:
        return None
    compressed = ctype == b"zTXt"
    if ctype == b"iTXt":
        if len(rest) < 2:
            return None
        compressed = rest[0] == 1
        rest = rest[2:].split(b"\x00", 2)[-1]  # skip language tag and translated keyword
    elif compressed:
        rest = rest[1:]
    if compressed:
        inflated = bounded_inflate(rest)
        if inflated is None:
            warnings.append(f"PNG: text chunk {keyword!r} is corrupt or inflates too far; skipped")
            return None
        rest = inflated
    return keyword, rest


def raw_profile(text: bytes, warnings: list[str]) -> bytes | None:
    """Decode an ImageMagick 'Raw profile type …' text: "\\nname\\n  length\\nhex…"."""
    lines = text.split(b"\n", 3)
    if len(lines) < 4:
        return None
    try:
        length = int(lines[2].strip())
        blob = bytes.fromhex(lines[3].replace(b"\n", b"").decode("ascii"))
    except ValueError:
        warnings.append(f"PNG: raw profile {lines[1].decode('latin-1')!r} is not hex; skipped")
        return None
    return blob[:length]


def collect_png(data: bytes, raw: RawMetadata) -> None:
    """Gather eXIf, XMP and ImageMagick raw profiles (exif, iptc, 8bim, xmp) from PNG chunks."""
    for ctype, start, length in png_chunks(data, raw.warnings):
        if ctype == b"eXIf":
            raw.exif.append(data[start : start + length])
        elif ctype == b"caBX":
            raw.has_jumbf = True
        elif ctype in (b"tEXt", b"zTXt", b"iTXt"):
            text = png_text(ctype, data[start : start + length], raw.warnings)
            if text is not None:
                _collect_png_text(*text, raw)


def _collect_png_text(keyword: str, text: bytes, raw: RawMetadata) -> None:
    if keyword == "XML:com.adobe.xmp":
        raw.xmp.append(text)
        return
    blob = raw_profile(text, raw.warnings)
    if not blob:
        return
    kind = keyword.rsplit(" ", 1)[-1].lower()
    if kind in ("exif", "app1") and blob.startswith((EXIF_APP1_HEADER, b"II*\x00", b"MM\x00*")):
        raw.exif.append(blob)
    elif kind == "xmp" or (kind == "app1" and blob.startswith(XMP_APP1_HEADER)):
        raw.xmp.append(blob.removeprefix(XMP_APP1_HEADER))
    elif kind in ("iptc", "8bim"):
        if blob.startswith(b"\x1c"):
            raw.iptc.append(blob)
        else:
            raw.irb.append(blob)


# --------------------------------------------------------------------------- RIFF (WebP)


def collect_riff(data: bytes, raw: RawMetadata) -> None:
    """Gather EXIF and XMP chunks from a RIFF/WebP file."""
    pos, end = 12, len(data)
    for _ in range(MAX_CHUNKS):
        if pos + 8 > end:
            return
        ctype = data[pos : pos + 4]
        size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        if ctype == b"EXIF":
            raw.exif.append(data[pos + 8 : pos + 8 + size])
        elif ctype == b"XMP ":
            raw.xmp.append(data[pos + 8 : pos + 8 + size])
        elif ctype == b"C2PA":
            raw.has_jumbf = True
        pos += 8 + size + (size % 2)


# --------------------------------------------------------------------------- XMP by scanning


def scan_xmp_packet(data: bytes) -> bytes | None:
    """Find an XMP packet anywhere in the bytes (formats without a known XMP place)."""
    start = data.find(b"<x:xmpmeta")
    end_tag = b"</x:xmpmeta>"
    if start < 0:
        start, end_tag = data.find(b"<rdf:RDF"), b"</rdf:RDF>"
    if start < 0:
        return None
    end = data.find(end_tag, start)
    if end < 0:
        return None
    return data[start : end + len(end_tag)]


def scan_exif_blob(data: bytes) -> bytes | None:
    """An "Exif\\0\\0" + TIFF header anywhere in the bytes (e.g. the Exif item of a HEIF file
    no plugin can open); the blob runs to the end of the file, as IFD offsets are relative."""
    for header in (b"Exif\x00\x00II*\x00", b"Exif\x00\x00MM\x00*"):
        start = data.find(header)
        if start >= 0:
            return data[start:]
    return None
