"""Did the published image change? `compare(original, published) -> ModificationVerdict`.

Verdicts, from the weightiest down (the first that applies is the kind; the others are in detail):

- altered: the picture's content changed: overlay (logo, watermark, text), colour-change (tint,
  brightness, saturation), grayscale, mirror, retouch (something cloned, blurred or painted out);
- cropped: the published picture shows only part of the original (`crop` is the box it shows,
  left, top, right, bottom, in the original's upright pixel coordinates);
- resized: the same picture at another size;
- format-change: the same picture in another container format (PNG <-> JPEG <-> WebP ...);
- recompressed: same size and format, different bytes (re-encoded, or metadata rewritten);
- identical: the very same bytes.

Method (see compare_align and compare_diff for the measured choices): decode both images reduced
(JPEG draft mode) and upright (EXIF orientation applied); locate the published picture in the
original with a multi-scale normalised cross-correlation search, refined by Lucas-Kanade; then
compare colours and 8x8 blocks on the aligned grid. A crop is reported when at least 2% of the
original's width or height is cut away (the contract is 5%: the margin absorbs rounding).

What the file's own metadata records (C2PA actions, crs:HasCrop) is read by
attrcheck.media.embedded_changes, not here: this module looks at pixels only.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrcheck.media.compare_align import Placement, locate
from attrcheck.media.compare_diff import Differences, PublishedJpeg, differences
from attrcheck.media.compare_load import Decoded, decode, file_digest
from attrcheck.model import ModificationKind, ModificationVerdict

CROP_FRACTION = 0.02  # of the original's width or height, cut away on one side or more
PALETTE_TOLERANCE = 1.6  # a published GIF/palette PNG has banding: local changes must be stronger
MIN_SIDE = 16  # pixels; smaller images are judged by their sizes only
MAX_ASPECT = 20.0  # thinner strips too
MATCH_NCC = 0.5  # below this luminance correlation the published image is not this original


def compare(original: str | Path, published: str | Path) -> ModificationVerdict:
    """How `published` differs from `original`. Raises MediaError when either cannot be decoded."""
    original_path, published_path = Path(original), Path(published)
    original_bytes, original_sha = file_digest(original_path)
    published_bytes, published_sha = file_digest(published_path)
    first = decode(original_path, original_bytes, original_sha)
    if original_sha == published_sha:
        return _identical(first)
    second = decode(published_path, published_bytes, published_sha)
    if _too_small(first) or _too_small(second):
        return _by_size_only(first, second)
    placement = locate(first.image, first.size, second.image, second.size)
    if placement.ncc < MATCH_NCC:
        return _unrelated(first, second, placement)
    decoded_box = _scaled_box(placement.box, first)
    tolerance = PALETTE_TOLERANCE if second.palette and not first.palette else 1.0
    encoding = PublishedJpeg(second.luma_table, second.size) if second.luma_table else None
    found = differences(
        first.image, decoded_box, second.image, placement.mirrored, tolerance, encoding
    )
    return _verdict(first, second, placement, found)


# --------------------------------------------------------------------------- verdicts


def _identical(decoded: Decoded) -> ModificationVerdict:
    detail = {"sha256": decoded.sha256, "format": decoded.format, "size": list(decoded.size)}
    return ModificationVerdict(kind="identical", evidence="original", score=1.0, detail=detail)


def _too_small(decoded: Decoded) -> bool:
    """Too few pixels (or too thin a strip) to measure anything in."""
    width, height = decoded.image.size
    short, long = min(width, height), max(width, height)
    return min(decoded.size) < MIN_SIDE or short < 4 or long / short > MAX_ASPECT


def _by_size_only(first: Decoded, second: Decoded) -> ModificationVerdict:
    kind: ModificationKind = "recompressed"
    (wo, ho), (wp, hp) = first.size, second.size
    if (wo, ho) != (wp, hp):
        same_shape = abs(wo * hp - wp * ho) <= max(wo, ho, wp, hp)
        kind = "resized" if same_shape else "cropped"
    elif first.format != second.format:
        kind = "format-change"
    detail: dict[str, Any] = {
        "original": {"format": first.format, "size": list(first.size), "sha256": first.sha256},
        "published": {"format": second.format, "size": list(second.size), "sha256": second.sha256},
        "note": f"too small to compare pixels (under {MIN_SIDE} pixels a side): sizes only",
        "changes": [kind],
    }
    return ModificationVerdict(kind=kind, evidence="original", score=0.3, detail=detail)


def _unrelated(first: Decoded, second: Decoded, placement: Placement) -> ModificationVerdict:
    detail = _base_detail(first, second, placement)
    detail["note"] = "the published image does not match the original anywhere"
    return ModificationVerdict(
        kind="altered",
        evidence="original",
        score=round(max(0.5, 1 - max(placement.ncc, 0.0)), 3),
        alterations=("replaced",),
        detail=detail,
    )


def _verdict(
    first: Decoded, second: Decoded, placement: Placement, found: Differences
) -> ModificationVerdict:
    crop = _crop_box(placement, first.size)
    kind = _kind(first, second, crop, found)
    detail = _base_detail(first, second, placement)
    detail.update(_difference_detail(found))
    if crop is not None:
        detail["crop"] = list(crop)
    detail["changes"] = _all_changes(first, second, crop, found)
    return ModificationVerdict(
        kind=kind,
        evidence="original",
        score=_confidence(kind, placement, found),
        crop=crop,
        alterations=found.alterations,
        detail=detail,
    )


def _kind(
    first: Decoded, second: Decoded, crop: tuple[int, int, int, int] | None, found: Differences
) -> ModificationKind:
    if found.alterations:
        return "altered"
    if crop is not None:
        return "cropped"
    if first.size != second.size:
        return "resized"
    if first.format != second.format:
        return "format-change"
    return "recompressed"


def _all_changes(
    first: Decoded, second: Decoded, crop: tuple[int, int, int, int] | None, found: Differences
) -> list[str]:
    changes = list(found.alterations)
    if crop is not None:
        changes.append("cropped")
    crop_size = (crop[2] - crop[0], crop[3] - crop[1]) if crop else first.size
    if _differs(crop_size, second.size):
        changes.append("resized")
    if first.format != second.format:
        changes.append("format-change")
    if not changes:
        changes.append("recompressed")
    return changes


def _differs(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return abs(a[0] - b[0]) > max(2, 0.01 * a[0]) or abs(a[1] - b[1]) > max(2, 0.01 * a[1])


def _crop_box(placement: Placement, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    width, height = size
    left, top, right, bottom = placement.box
    near_corner = (max(0, round(left)), max(0, round(top)))
    box = (*near_corner, min(width, round(right)), min(height, round(bottom)))
    cut_x = (box[0] + width - box[2]) / width
    cut_y = (box[1] + height - box[3]) / height
    if max(cut_x, cut_y) < CROP_FRACTION:
        return None
    return box


def _scaled_box(
    box: tuple[float, float, float, float], decoded: Decoded
) -> tuple[float, float, float, float]:
    sx = decoded.image.width / decoded.size[0]
    sy = decoded.image.height / decoded.size[1]
    return (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy)


def _confidence(kind: str, placement: Placement, found: Differences) -> float:
    match = max(0.0, min(1.0, placement.ncc))
    if kind == "altered":
        return round(max(0.5, min(1.0, 0.6 + 40 * found.changed_area + found.colour_shift / 50)), 3)
    return round(match, 3)


def _base_detail(first: Decoded, second: Decoded, placement: Placement) -> dict[str, Any]:
    return {
        "original": {"format": first.format, "size": list(first.size), "sha256": first.sha256},
        "published": {"format": second.format, "size": list(second.size), "sha256": second.sha256},
        "match": {
            "ncc": round(float(placement.ncc), 4),
            "box": [round(float(value), 1) for value in placement.box],
            "mirrored": placement.mirrored,
            "gain": round(placement.gain, 3),
            "offset": round(placement.offset, 2),
        },
    }


def _difference_detail(found: Differences) -> dict[str, Any]:
    return {
        "colour_shift": round(found.colour_shift, 2),
        "chroma": [round(found.chroma_original, 2), round(found.chroma_published, 2)],
        "changed_area": round(found.changed_area, 4),
        "changed_region": (
            [round(float(v), 3) for v in found.changed_box] if found.changed_box else None
        ),
        "noise_floor": round(found.residual, 2),
    }
