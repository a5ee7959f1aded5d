"""IPTC IIM (Information Interchange Model) datasets: parse a raw IIM stream and keep the rights
fields, decoded with the declared character set (1:90 ESC % G = UTF-8) or, without one, as
UTF-8 when the bytes are valid UTF-8 and Windows-1252/Latin-1 otherwise.

Field names follow the IPTC IIM specification as ExifTool spells them ("By-line",
"CopyrightNotice", ...).
"""

from __future__ import annotations

from typing import Any

MAX_DATASETS = 20_000
UTF8_ESCAPES = (b"\x1b%G", b"\x1b%/G", b"\x1b%/I")

# (record, dataset) -> (field name, repeatable)
RIGHTS_DATASETS: dict[tuple[int, int], tuple[str, bool]] = {
    (2, 5): ("ObjectName", False),
    (2, 40): ("SpecialInstructions", False),
    (2, 80): ("By-line", True),
    (2, 85): ("By-lineTitle", True),
    (2, 110): ("Credit", False),
    (2, 115): ("Source", False),
    (2, 116): ("CopyrightNotice", False),
    (2, 120): ("Caption-Abstract", False),
}


def iim_datasets(data: bytes, warnings: list[str]) -> list[tuple[int, int, bytes]]:
    """Split an IIM stream into (record, dataset, value) tuples, bounded and without raising."""
    out: list[tuple[int, int, bytes]] = []
    pos, end = 0, len(data)
    while pos + 5 <= end and len(out) < MAX_DATASETS:
        if data[pos] != 0x1C:
            if any(data[pos:]):  # trailing zero padding is normal
                warnings.append(f"IPTC: bad tag marker at byte {pos}; stopped reading")
            break
        record, dataset = data[pos + 1], data[pos + 2]
        length = int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:  # extended dataset: the next n bytes hold the length
            n = length & 0x7FFF
            if n > 4 or pos + n > end:
                warnings.append("IPTC: bad extended dataset length; stopped reading")
                break
            length = int.from_bytes(data[pos : pos + n], "big")
            pos += n
        if pos + length > end:
            warnings.append(f"IPTC: dataset {record}:{dataset} runs past the end; truncated")
        out.append((record, dataset, data[pos : pos + length]))
        pos += length
    return out


def decode_iim_text(value: bytes, utf8: bool) -> str:
    """Decode one IIM text value: UTF-8 when declared or valid, else Windows-1252/Latin-1."""
    value = value.rstrip(b"\x00")
    if utf8:
        return value.decode("utf-8", "replace").strip()
    try:
        return value.decode("utf-8").strip()
    except UnicodeDecodeError:
        pass
    try:
        return value.decode("cp1252").strip()
    except UnicodeDecodeError:
        return value.decode("latin-1").strip()


def declares_utf8(datasets: list[tuple[int, int, bytes]]) -> bool:
    return any(r == 1 and d == 90 and v.startswith(UTF8_ESCAPES) for r, d, v in datasets)


def read_iptc(blocks: list[bytes], warnings: list[str]) -> dict[str, Any]:
    """The rights fields of the first IIM block that has any, as {field: str | [str]}.

    Later blocks (a TIFF carries IIM both in its IPTC tag and in its Photoshop resources) only
    fill fields the first one lacked.
    """
    fields: dict[str, Any] = {}
    for block in blocks:
        datasets = iim_datasets(block, warnings)
        utf8 = declares_utf8(datasets)
        block_fields = _rights_fields(datasets, utf8)
        if block_fields and "charset" not in fields:
            fields["charset"] = "utf-8" if utf8 else "unspecified"
        for name, value in block_fields.items():
            fields.setdefault(name, value)
    return fields


def _rights_fields(datasets: list[tuple[int, int, bytes]], utf8: bool) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for record, dataset, raw in datasets:
        spec = RIGHTS_DATASETS.get((record, dataset))
        if spec is None:
            continue
        name, repeatable = spec
        text = decode_iim_text(raw, utf8)
        if not text:
            continue
        if repeatable:
            fields.setdefault(name, []).append(text)
        else:
            fields.setdefault(name, text)
    return fields
