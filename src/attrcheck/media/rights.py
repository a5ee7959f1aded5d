"""The normalised rights summary of an image: one value per key chosen across containers, the
containers that gave each key, and the conflicts between them.

Precedence follows the Metadata Working Group guidelines: EXIF first for the fields it has, then
XMP (a sidecar .xmp before the embedded packet), then IPTC IIM, then C2PA. When the Photoshop
IPTC digest shows the IIM block was edited after the XMP was written, IIM comes before XMP.
Values that differ only in case, spacing, a © sign, or by a fixed-length IIM truncation are not
conflicts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from attrcheck.model import C2paSummary, EvidenceValue, RightsSummary

# summary key -> (source, field) pairs that can give it
KEY_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "creators": (
        ("exif", "Artist"), ("xmp", "dc:creator"), ("iptc", "By-line"), ("c2pa", "creator"),
    ),
    "copyright": (("exif", "Copyright"), ("xmp", "dc:rights"), ("iptc", "CopyrightNotice")),
    "credit": (("xmp", "photoshop:Credit"), ("iptc", "Credit")),
    "title": (("xmp", "dc:title"), ("iptc", "ObjectName")),
    "source": (("xmp", "photoshop:Source"), ("iptc", "Source")),
    "web_statement": (("xmp", "xmpRights:WebStatement"),),
    "usage_terms": (("xmp", "xmpRights:UsageTerms"),),
    "licensor": (("xmp", "plus:LicensorName"), ("xmp", "plus:LicensorURL")),
    "digital_source_type": (
        ("xmp", "Iptc4xmpExt:DigitalSourceType"), ("c2pa", "digitalSourceType"),
    ),
}  # fmt: skip
# used only when no container gives the key through KEY_FIELDS (and never compared)
FALLBACK_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "creators": (
        ("exif", "XPAuthor"),
        ("xmp", "plus:ImageCreatorName"),
        ("xmp", "cc:attributionName"),
    ),
    "title": (("exif", "XPTitle"),),
    "licensor": (("xmp", "cc:attributionName"),),
}
CONFLICT_KEYS = (
    "creators",
    "copyright",
    "credit",
    "title",
    "source",
    "web_statement",
    "usage_terms",
    "licensor",
)
LABELS = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "sidecar": "sidecar XMP", "c2pa": "C2PA"}
SUMMARY_NAMES = {"creators": "creator"}
CC_URL = re.compile(r"https?://(?:www\.)?creativecommons\.org/[^\s\"'<>)\]]+", re.IGNORECASE)
LICENCE_TEXT_FIELDS = (
    ("xmp", "xmpRights:WebStatement"), ("xmp", "xmpRights:UsageTerms"), ("exif", "Copyright"),
    ("xmp", "dc:rights"), ("iptc", "CopyrightNotice"), ("xmp", "cc:morePermissions"),
)  # fmt: skip
IIM_TRUNCATION = 16  # a value at least this long that prefixes the other counts as truncated


def container_order(iim_stale: bool) -> tuple[str, ...]:
    if iim_stale:
        return ("exif", "iptc", "sidecar", "xmp", "c2pa")
    return ("exif", "sidecar", "xmp", "iptc", "c2pa")


def _source_kind(source: str) -> str:
    """Sidecar values use the XMP field names."""
    return "xmp" if source == "sidecar" else source


def index_values(values: Sequence[EvidenceValue]) -> dict[tuple[str, str], list[str]]:
    """{(source, field): [texts]} in the order the values were read."""
    index: dict[tuple[str, str], list[str]] = {}
    for value in values:
        index.setdefault((value.source, value.field), []).append(value.value)
    return index


def values_for(
    values: dict[tuple[str, str], list[str]],
    key: str,
    order: Sequence[str],
    table: dict[str, tuple[tuple[str, str], ...]] = KEY_FIELDS,
) -> list[tuple[str, str, list[str]]]:
    """[(source, field, texts)] for one key, one entry per container, in precedence order."""
    out: list[tuple[str, str, list[str]]] = []
    for source in order:
        for kind, field in table.get(key, ()):
            if kind != _source_kind(source):
                continue
            texts = values.get((source, field))
            if texts:
                out.append((source, field, texts))
                break
    return out


def split_creators(field: str, texts: list[str]) -> list[str]:
    """EXIF Artist holds several creators separated by semicolons (MWG)."""
    if field != "Artist":
        return texts
    return [part.strip() for text in texts for part in text.split(";") if part.strip()]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("©", " ").replace("(c)", " ")
    text = re.sub(r"\bcopyright\b", " ", text)
    return " ".join(text.split())


def same_value(a: str, b: str) -> bool:
    na, nb = normalise(a), normalise(b)
    if na == nb:
        return True
    short, long_ = sorted((na, nb), key=len)
    return len(short) >= IIM_TRUNCATION and long_.startswith(short)


def same_values(a: Iterable[str], b: Iterable[str]) -> bool:
    left, right = list(a), list(b)
    return len(left) == len(right) and all(
        same_value(x, y) for x, y in zip(sorted(left), sorted(right), strict=True)
    )


def _conflicts(key: str, entries: list[tuple[str, str, list[str]]]) -> list[str]:
    if len(entries) < 2:
        return []
    name = SUMMARY_NAMES.get(key, key.replace("_", " "))
    first_source, first_field, first = entries[0]
    first = split_creators(first_field, first) if key == "creators" else first[:1]
    out = []
    for source, field, texts in entries[1:]:
        other = split_creators(field, texts) if key == "creators" else texts[:1]
        if not same_values(first, other):
            out.append(
                f"{name}: {LABELS[first_source]} {first_field} {_quote(first)} differs from "
                f"{LABELS[source]} {field} {_quote(other)}"
            )
    return out


def _quote(texts: list[str]) -> str:
    return ", ".join(repr(t) for t in texts)


def licence_url(
    values: Sequence[EvidenceValue], c2pa: C2paSummary | None
) -> tuple[str | None, list[str]]:
    """cc:license, else a Creative Commons URL in a rights text, else the C2PA licence."""
    for value in values:
        if value.field == "cc:license" and value.value.strip():
            return value.value.strip(), [value.source]
    for kind, field in LICENCE_TEXT_FIELDS:
        for value in values:
            if _source_kind(value.source) == kind and value.field == field:
                match = CC_URL.search(value.value)
                if match:
                    return match.group(0).rstrip(".,;"), [value.source]
    if c2pa is not None and c2pa.licence_url:
        return c2pa.licence_url, ["c2pa"]
    return None, []


def summarise(
    values: Sequence[EvidenceValue], c2pa: C2paSummary | None, iim_stale: bool = False
) -> RightsSummary:
    """Build the RightsSummary from tagged values."""
    order = container_order(iim_stale)
    index = index_values(values)
    chosen: dict[str, object] = {}
    sources: dict[str, tuple[str, ...]] = {}
    conflicts: list[str] = []
    for key in KEY_FIELDS:
        entries = values_for(index, key, order)
        if not entries:
            entries = values_for(index, key, order, FALLBACK_FIELDS)[:1]
        if not entries:
            continue
        sources[key] = tuple(dict.fromkeys(source for source, _, _ in entries))
        _, field, texts = entries[0]
        if key == "creators":
            chosen[key] = tuple(dict.fromkeys(split_creators(field, texts)))
        else:
            chosen[key] = texts[0]
        if key in CONFLICT_KEYS:
            conflicts.extend(_conflicts(key, entries))
    url, url_sources = licence_url(values, c2pa)
    if url:
        sources["licence_url"] = tuple(url_sources)
    return RightsSummary(
        creators=chosen.get("creators", ()),  # type: ignore[arg-type]
        copyright=_opt(chosen.get("copyright")),
        credit=_opt(chosen.get("credit")),
        title=_opt(chosen.get("title")),
        source=_opt(chosen.get("source")),
        licence_url=url,
        web_statement=_opt(chosen.get("web_statement")),
        usage_terms=_opt(chosen.get("usage_terms")),
        licensor=_opt(chosen.get("licensor")),
        digital_source_type=_opt(chosen.get("digital_source_type")),
        conflicts=tuple(conflicts),
        sources=sources,
    )


def _opt(value: object) -> str | None:
    return value if isinstance(value, str) else None
