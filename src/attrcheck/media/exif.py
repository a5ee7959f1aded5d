"""EXIF rights fields (IFD0 Artist, Copyright, ImageDescription, XPAuthor, XPTitle) and the
orientation, read with Pillow's Exif parser from a TIFF-structured blob.

Only IFD0 is read, so looping or deeply nested IFD chains are never followed. Pillow's warnings
about corrupt entries become evidence warnings. EXIF text is nominally ASCII; real files carry
UTF-8 (or Windows-1252), which is decoded the way ExifTool does: UTF-8 when valid.
"""

from __future__ import annotations

import warnings as pywarnings
from dataclasses import dataclass
from typing import Any

from PIL import Image

MAX_IFD_ENTRIES = 2048

TAG_IMAGE_DESCRIPTION = 0x010E
TAG_ORIENTATION = 0x0112
TAG_ARTIST = 0x013B
TAG_COPYRIGHT = 0x8298
TAG_XP_TITLE = 0x9C9B
TAG_XP_AUTHOR = 0x9C9D
TAG_XMP = 700
TAG_IPTC = 33723
TAG_PHOTOSHOP = 34377


def _tiff_body(blob: bytes) -> bytes | None:
    body = blob[6:] if blob.startswith(b"Exif\x00\x00") else blob
    if not body.startswith((b"II*\x00", b"MM\x00*")):
        return None
    return body


def _ifd0_entry_count(body: bytes) -> int | None:
    order = "little" if body[:2] == b"II" else "big"
    offset = int.from_bytes(body[4:8], order)  # type: ignore[arg-type]
    if offset + 2 > len(body):
        return None
    return int.from_bytes(body[offset : offset + 2], order)  # type: ignore[arg-type]


@dataclass
class ExifBlock:
    """What one TIFF-structured blob holds for us: rights fields and embedded metadata blobs."""

    fields: dict[str, Any]
    xmp: bytes | None = None
    iptc: bytes | None = None
    photoshop: bytes | None = None


def read_exif(blob: bytes, warnings: list[str], where: str = "EXIF") -> ExifBlock | None:
    """Parse IFD0 of a TIFF-structured blob with Pillow; None (and a warning) when unusable.

    Pillow decodes tag values lazily and warns about damage while doing so; all of that happens
    inside one guarded block, and its warnings become evidence warnings.
    """
    body = _tiff_body(blob)
    if body is None:
        warnings.append(f"{where}: no TIFF header; skipped")
        return None
    count = _ifd0_entry_count(body)
    if count is None or count > MAX_IFD_ENTRIES:
        warnings.append(f"{where}: IFD0 offset or entry count is impossible; skipped")
        return None
    with pywarnings.catch_warnings(record=True) as caught:
        pywarnings.simplefilter("always")
        try:
            ifd0 = Image.Exif()
            ifd0.load(body)
            xmp, iptc, photoshop = embedded_blobs(ifd0)
            block = ExifBlock(rights_fields(ifd0), xmp, iptc, photoshop)
        except Exception as exc:  # Pillow's TIFF reader raises many types on hostile input
            warnings.append(f"{where}: malformed ({type(exc).__name__}: {exc}); skipped")
            return None
    warnings.extend(f"{where}: {warning.message}" for warning in caught[:5])
    return block


def decode_exif_text(value: Any) -> str | None:
    """Turn a Pillow ASCII value (decoded as Latin-1) back into text, preferring UTF-8."""
    if isinstance(value, bytes):
        raw = value
    elif isinstance(value, str):
        raw = value.encode("latin-1", "replace")
    else:
        return None
    raw = raw.strip(b"\x00 ")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    return text.strip() or None


def decode_xp_text(value: Any) -> str | None:
    """Windows XP* tags hold UTF-16LE text as a byte array."""
    if isinstance(value, tuple):
        value = bytes(v for v in value if isinstance(v, int) and 0 <= v < 256)
    if not isinstance(value, bytes):
        return None
    return value.decode("utf-16-le", "replace").rstrip("\x00").strip() or None


def rights_fields(exif: Image.Exif) -> dict[str, Any]:
    """{field: value} for the rights tags of IFD0, plus Orientation when valid."""
    fields: dict[str, Any] = {}
    artist = decode_exif_text(exif.get(TAG_ARTIST))
    if artist:
        fields["Artist"] = artist
    _add_copyright(fields, exif.get(TAG_COPYRIGHT))
    description = decode_exif_text(exif.get(TAG_IMAGE_DESCRIPTION))
    if description:
        fields["ImageDescription"] = description
    for tag, name in ((TAG_XP_AUTHOR, "XPAuthor"), (TAG_XP_TITLE, "XPTitle")):
        text = decode_xp_text(exif.get(tag))
        if text:
            fields[name] = text
    orientation = exif.get(TAG_ORIENTATION)
    if isinstance(orientation, int) and 1 <= orientation <= 8:
        fields["Orientation"] = orientation
    return fields


def _add_copyright(fields: dict[str, Any], value: Any) -> None:
    """EXIF Copyright is "photographer\\0editor"; shown as ExifTool does: one line each."""
    if isinstance(value, str):
        value = value.encode("latin-1", "replace")
    if not isinstance(value, bytes):
        return
    parts = [decode_exif_text(part) for part in value.split(b"\x00")[:2]]
    text = "\n".join(part for part in parts if part)
    if text:
        fields["Copyright"] = text


def embedded_blobs(exif: Image.Exif) -> tuple[bytes | None, bytes | None, bytes | None]:
    """(XMP, IPTC, Photoshop IRB) stored as TIFF tags 700, 33723 and 34377, when present.

    The raw tag bytes are taken as stored: Photoshop types IPTC as LONG, which a decoded value
    would scramble on little-endian files.
    """
    return _tag_bytes(exif, TAG_XMP), _tag_bytes(exif, TAG_IPTC), _tag_bytes(exif, TAG_PHOTOSHOP)


def _tag_bytes(exif: Image.Exif, tag: int) -> bytes | None:
    info = getattr(exif, "_info", None)
    raw = getattr(info, "_tagdata", {}).get(tag) if info is not None else None
    if isinstance(raw, bytes) and raw:
        return raw
    return _as_bytes(exif.get(tag))


def _as_bytes(value: Any) -> bytes | None:
    if isinstance(value, bytes):
        return value or None
    if isinstance(value, str):
        return value.encode("latin-1", "replace") or None
    if isinstance(value, tuple) and value and all(isinstance(v, int) for v in value):
        if all(0 <= v < 256 for v in value):
            return bytes(value)
        # IPTC typed as LONG by Photoshop: each value holds four bytes
        return b"".join(int(v).to_bytes(4, "big") for v in value if 0 <= v < 2**32)
    return None
