"""What changed inside the aligned picture: colours (tint, grayscale), local edits (logo, retouch).

Both images are resampled onto the same grid (~320 pixels) with Pillow's antialiased resize, so
that resizing and recompression leave only small, evenly spread differences. Then:

- a 3x4 affine colour transform (original RGB -> published RGB) is fitted by least squares,
  twice, the second time without the pixels the first fit explains worst. How far it moves the
  original's colours (capped by the typical pixel difference, so an ill-posed fit on a mostly
  white graphic claims nothing) measures a global colour change, absolutely or relative to a dark
  picture's level; a change of mean chroma measures saturation; a published picture without
  chroma where the original had some is grayscale;
- the residual after that colour transform (luma, and the colour differences blurred and
  weighted down, since JPEG stores colour at half resolution), taking for each pixel the best of
  the 3x3 neighbouring positions (sub-pixel misalignment at edges is forgiven), is averaged over
  8x8 blocks. Blocks far above the picture's own noise floor and above what their edges explain
  are strong; the region grown from them through blocks at half that level (hysteresis) is a
  local edit when its strong blocks cover a minimum area;
- fine detail (difference from a 3x3 blur, at the decoded resolution) that a block lost beyond
  what lossy re-encoding removes marks a blurred or smoothed patch. Re-encoding removes detail
  unevenly (grain on a flat patch is quantised away entirely, an edge keeps its detail), so the
  original is re-encoded like the published picture -- each 8x8 block of the published file
  quantised with its own table, at the scale it was decoded at -- and each block is
  compared with that, relative to the blocks of about the same detail level, and only 2x2
  patches of such blocks count (a line of blocks along an edge is two encoders disagreeing).
  Without the published JPEG's table (WebP, PNG, a mirrored or resampled comparison) the JPEG
  quality that best explains the published detail stands in, with stricter thresholds;
- small print (a credit line, a text watermark far under 1% of the picture) is looked for at the
  decoded resolution too: the luminance residual after a global gain/offset, best of 3x3
  neighbouring positions, per 8x8 block; a connected group of blocks far above the noise floor
  and above what their edges explain is an overlay;
- more edge energy in the edited region of the published picture than in the original means
  something was drawn on it (overlay); less means something was removed or smoothed (retouch).

Every threshold below was chosen on the evaluation pairs of tests/test_compare_cases.py (several
seeds, synthetic and real photographs): the largest value seen on unedited pairs, with margin.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Array = NDArray[np.float32]

ANALYSIS_SIDE = 320
BLOCK = 8
COLOUR_CHANGE = 5.0  # colours moved by the fitted transform and typical pixel difference (0..255)
RELATIVE_CHANGE = 0.045  # ... or this share of the picture's mean level (dark pictures) ...
RELATIVE_MIN_SHIFT = 2.0  # ... when they moved at least this much
DARK_LEVEL = 20.0  # mean levels below this count as this (noise dominates there)
SATURATION_RATIO = 1.3  # published chroma this many times more or less than the original's
SATURATION_RATIO_DULL = 1.8  # ... less, in a nearly colourless original (JPEG loses its chroma)
SATURATION_GAIN_DULL = 1.25  # ... more, in a nearly colourless original
COLOURFUL_CHROMA = 12.0  # mean chroma from which an original counts as colourful
SATURATION_MIN_CHROMA = 3.0  # below this the chroma ratio says nothing
GRAY_CHROMA = 2.5  # mean chroma (max-min of RGB) below which the published image is grey
COLOURFUL = 8.0  # ... when the original's mean chroma is above this
BLOCK_FLOOR = 7.0  # a changed block differs by at least this much (0..255) ...
NOISE_FACTOR = 5.0  # ... and by this many robust deviations above the image's typical block
EDGE_FACTOR = 0.25  # ... plus this many times the block's mean luma gradient
CHROMA_WEIGHT = 0.5  # colour differences count for this much of a luma difference
DETAIL_MIN = 0.8  # a block has fine detail when it differs from its blur by this much (0..255)
EXPECTED_DETAIL_MIN = 0.4  # ... or this much, once re-encoded as the published picture was
DETAIL_LOST = 0.35  # ... and lost it when it keeps less than this share of the typical ratio
EXPECTED_DETAIL_LOST = 0.5  # ... of what the published JPEG's own encoding would keep
COARSE_SHARE = 0.6  # the grid-level detail check runs when the grid is this much coarser
CALIBRATION_QUALITIES = (90, 75, 60, 45, 30)  # JPEG qualities tried to explain lost detail
PATCH = 2  # ... in squares of at least this many blocks a side ...
LOST_MIN_BLOCKS = 6  # ... joined into a group of at least this many blocks (more than a speck)
LEVEL_BANDS = 5  # ... judged against the blocks in the same fifth of the detail levels
LEVEL_PEERS = 15  # ... and at least this many of them
FINE_FLOOR = 12.0  # small print: a block (at the decoded resolution) differs by this much ...
FINE_NOISE_FACTOR = 6.0  # ... and by this many robust deviations above the typical block ...
FINE_EDGE_FACTOR = 0.25  # ... plus this many times its mean gradient ...
FINE_MIN_BLOCKS = 3  # ... in a connected group of at least this many blocks
HYSTERESIS = 0.5  # blocks above this share of the threshold extend a changed region ...
MIN_CHANGED_AREA = 0.003  # ... around strong blocks covering at least this share of the picture


@dataclass(frozen=True)
class Differences:
    alterations: tuple[str, ...]
    colour_shift: float
    chroma_original: float
    chroma_published: float
    changed_area: float  # fraction of the published picture in changed blocks
    changed_box: tuple[float, float, float, float] | None  # in the published image, 0..1
    residual: float  # median block residual: the noise floor
    measures: dict[str, float] = field(default_factory=dict)


def differences(
    original: Image.Image, box: tuple[float, float, float, float], published: Image.Image,
    mirrored: bool, tolerance: float = 1.0, encoding: PublishedJpeg | None = None,
) -> Differences:  # fmt: skip
    """Compare `published` with the region `box` (in `original`'s decoded pixels) of `original`.

    `tolerance` > 1 asks for stronger local evidence (a palette image's banding is not an edit).
    `encoding` describes the published JPEG (its quantisation, its full size): the original is
    re-encoded that way to see what such an encoding removes.
    """
    grid = _grid_size(published.size, box)
    target = _planes(published.resize(grid, Image.Resampling.BILINEAR))
    if mirrored:
        target = np.ascontiguousarray(target[:, :, ::-1])
    source = _planes(_warp_rgb(original, box, grid))
    chroma_o, chroma_p = _chroma(source), _chroma(target)
    fitted, fitted_shift = _fit_colours(source, target)
    shift = min(fitted_shift, _typical_difference(source, target))
    level = float(source.mean())
    alterations = _colour_alterations(shift, level, chroma_o, chroma_p)
    local = _local_change(fitted, target, tolerance)
    lost = DETAIL_LOST / tolerance**2
    same_o, same_p = _luma_pair(original, box, published, mirrored)
    native = same_p.size == published.size and not mirrored
    smoothed = _detail_lost(same_o, same_p, native, grid, tolerance, encoding)
    if max(grid) <= COARSE_SHARE * max(same_p.size):
        smoothed |= _coarse_detail_lost(source, target, lost)
    strong = local.strong | smoothed
    area, region = _largest_region(strong, strong | local.weak)
    strong_area = float((region & strong).sum()) / max(1, region.size)
    marks = _fine_marks(same_o, same_p, grid)
    if strong_area >= MIN_CHANGED_AREA:
        alterations.append(_local_kind(fitted, target, region))
    elif marks.largest >= FINE_MIN_BLOCKS * tolerance**2:
        alterations.append("overlay")
        area, region = _largest_region(marks.blocks, marks.blocks)
    else:
        area, region = strong_area, region & strong
    if mirrored:
        alterations.append("mirror")
    measures = {
        "blocks": float(strong.size), "blocks_changed": float(strong.sum()),
        "blocks_smoothed": float(smoothed.sum()), "peak": local.peak, "strong_area": strong_area,
        "level": level, "fitted_shift": fitted_shift,
    }  # fmt: skip
    return Differences(
        tuple(alterations),
        shift,
        chroma_o,
        chroma_p,
        area,
        _region_box(region),
        local.floor,
        measures,
    )


def _colour_alterations(shift: float, level: float, chroma_o: float, chroma_p: float) -> list[str]:
    """grayscale, or colour-change: colours moved by much, or by a lot for a dark picture (a 10%
    brightening of a night scene moves its values by little), or saturation changed."""
    if chroma_p < GRAY_CHROMA and chroma_o > COLOURFUL:
        return ["grayscale"]
    relative = shift / max(level, DARK_LEVEL)
    moved = shift > COLOUR_CHANGE or (shift > RELATIVE_MIN_SHIFT and relative > RELATIVE_CHANGE)
    if moved or _saturation_changed(chroma_o, chroma_p):
        return ["colour-change"]
    return []


@dataclass(frozen=True)
class _LocalChange:
    strong: NDArray[np.bool_]  # blocks far above the noise floor
    weak: NDArray[np.bool_]  # blocks that may extend a strong region
    floor: float  # the median block residual
    peak: float  # the largest residual / threshold ratio


def _local_change(fitted: Array, target: Array, tolerance: float) -> _LocalChange:
    blocks, edges = _block_residuals(fitted, target)
    floor = float(np.median(blocks))
    spread = float(np.median(np.abs(blocks - floor))) * 1.4826
    threshold = max(BLOCK_FLOOR * tolerance, floor + NOISE_FACTOR * spread) + EDGE_FACTOR * edges
    ratio = blocks / threshold
    return _LocalChange(ratio > 1, ratio > HYSTERESIS, floor, float(ratio.max(initial=0.0)))


def _luma_pair(
    original: Image.Image, box: tuple[float, float, float, float], published: Image.Image,
    mirrored: bool,
) -> tuple[Image.Image, Image.Image]:  # fmt: skip
    """Both luminances on one pixel grid at the finer of the two decoded resolutions (the
    analysis grid is too coarse for fine detail and small print): the original's region and the
    published picture, unmirrored."""
    left, top, right, bottom = box
    inside = (
        max(0.0, left),
        max(0.0, top),
        min(original.width, right),
        min(original.height, bottom),
    )
    size = published.size if published.width <= inside[2] - inside[0] else (
        max(8, round(inside[2] - inside[0])), max(8, round(inside[3] - inside[1]))
    )  # fmt: skip
    same_o = original.convert("L").resize(size, Image.Resampling.BILINEAR, box=inside)
    same_p = published.convert("L")
    if same_p.size != size:
        same_p = same_p.resize(size, Image.Resampling.BILINEAR)
    if mirrored:
        same_p = same_p.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return same_o, same_p


def _detail_lost(
    same_o: Image.Image, same_p: Image.Image, native: bool, grid: tuple[int, int],
    tolerance: float, encoding: PublishedJpeg | None,
) -> NDArray[np.bool_]:  # fmt: skip
    """Blocks where the published picture lost the fine detail the original has there (a blurred
    face, a smoothed patch), beyond what re-encoding removes there.

    Fine detail is the mean absolute difference from a 3x3 box blur, averaged per block. What
    the published picture kept is compared with the original re-encoded like it: with the
    published JPEG's own quantisation when `native` (`same_p` holds its decoded pixels as they
    are, neither resampled nor mirrored), which allows a finer threshold; otherwise at the JPEG
    quality that agrees best with it (a proxy for any lossy codec: WebP wipes out faint detail
    that JPEG keeps), with stricter thresholds.
    """
    blocks_p = _detail_blocks(same_p, grid)
    reencoded = _reencoded(same_o, encoding) if encoding is not None and native else None
    if reencoded is None:
        expected = _calibrated_detail(same_o, blocks_p, grid)
        return _lost_blocks(expected, blocks_p, DETAIL_LOST / tolerance**2)
    expected = _detail_blocks(reencoded, grid)
    return _lost_blocks(
        expected, blocks_p, EXPECTED_DETAIL_LOST / tolerance**2, EXPECTED_DETAIL_MIN
    )


def _fine_marks(same_o: Image.Image, same_p: Image.Image, grid: tuple[int, int]) -> FineMarks:
    """Small print and thin marks (a credit line, a watermark) found at the decoded resolution.

    The luminance residual after a global gain and offset, each pixel's best of the 3x3
    neighbouring positions, averaged over 8x8 blocks; blocks far above the picture's typical
    block and above what their edges explain are marked. Returned on the analysis grid, with the
    size of the largest 8-connected group of marked blocks at the decoded resolution.
    """
    o = np.asarray(same_o, dtype=np.float32)
    p = np.asarray(same_p, dtype=np.float32)
    gain, offset = _gain_offset(o[::2, ::2], p[::2, ::2])
    fitted = gain * o + offset
    best = np.abs(p - fitted)
    edges = _block_means(_gradient_magnitude(fitted))
    nothing = np.zeros(_blocks_shape(grid), dtype=bool)
    if not (_block_means(best) > FINE_FLOOR + FINE_EDGE_FACTOR * edges).any():
        return FineMarks(nothing, 0)  # even without forgiving misalignment nothing stands out
    h, w = p.shape
    around = np.pad(fitted, 1, mode="edge")
    shifted = np.empty_like(best)
    for dy, dx in ((0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)):
        np.subtract(p, around[dy : dy + h, dx : dx + w], out=shifted)
        np.minimum(best, np.abs(shifted, out=shifted), out=best)
    blocks = _block_means(best)
    floor = float(np.median(blocks))
    spread = float(np.median(np.abs(blocks - floor))) * 1.4826
    threshold = max(FINE_FLOOR, floor + FINE_NOISE_FACTOR * spread) + FINE_EDGE_FACTOR * edges
    marked = blocks > threshold
    if not marked.any():
        return FineMarks(nothing, 0)
    size, _ = _largest_region(marked, marked)
    shares = Image.fromarray(marked.astype(np.float32)).resize(
        _blocks_shape(grid)[::-1], Image.Resampling.BOX
    )
    on_grid = np.asarray(shares) > 0
    return FineMarks(on_grid, round(size * marked.size))


@dataclass(frozen=True)
class FineMarks:
    blocks: NDArray[np.bool_]  # on the analysis grid's blocks
    largest: int  # blocks (at the decoded resolution) in the largest connected group


def _gradient_magnitude(values: Array) -> Array:
    """|d/dx| + |d/dy| by forward differences (the last row and column repeat)."""
    magnitude = np.zeros_like(values)
    np.abs(np.diff(values, axis=1), out=magnitude[:, :-1])
    magnitude[:, -1] = magnitude[:, -2] if values.shape[1] > 1 else 0
    vertical = np.abs(np.diff(values, axis=0))
    magnitude[:-1] += vertical
    magnitude[-1] += vertical[-1] if values.shape[0] > 1 else 0
    return magnitude


def _blocks_shape(grid: tuple[int, int]) -> tuple[int, int]:
    return (-(-grid[1] // BLOCK), -(-grid[0] // BLOCK))


def _gain_offset(source: Array, target: Array) -> tuple[float, float]:
    s_mean, t_mean = float(source.mean()), float(target.mean())
    variance = float(((source - s_mean) ** 2).mean())
    if variance < 1e-3:
        return 1.0, t_mean - s_mean
    gain = float(((source - s_mean) * (target - t_mean)).mean()) / variance
    return gain, t_mean - gain * s_mean


@dataclass(frozen=True)
class PublishedJpeg:
    """How the published JPEG was encoded: its luminance quantisation table (natural order) and
    its full size (its pixels may have been decoded reduced, by DCT scaling)."""

    luma_table: tuple[int, ...]
    size: tuple[int, int]


def _detail_blocks(image: Image.Image, grid: tuple[int, int]) -> Array:
    return _block_means(np.asarray(_detail_map(image).resize(grid, Image.Resampling.BOX)))


def _jpeg_roundtrip(image: Image.Image, quality: int) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    buffer.seek(0)
    with Image.open(buffer) as decoded:
        decoded.load()
        return decoded.copy()


def _reencoded(same_o: Image.Image, encoding: PublishedJpeg) -> Image.Image | None:
    """The original's luminance as the published JPEG shows it: each of its 8x8 blocks quantised
    with the published table and decoded as reduced as the published picture was (libjpeg's DCT
    scaling keeps the lowest n x n coefficients of each block and inverts them at n x n pixels).

    `same_o` is the original on the published picture's decoded pixel grid, so an n x n block of
    it stands for one 8x8 block of the published file; at that scale the DCT coefficients are
    the full-size ones divided by 8/n (orthonormal transforms, the mean preserved). None when the
    decoded size is not one libjpeg makes from the file's size.
    """
    width, height = same_o.size
    reduction = round(encoding.size[0] / width)
    if reduction not in (1, 2, 4, 8) or any(
        -(-full // reduction) != decoded
        for full, decoded in zip(encoding.size, same_o.size, strict=True)
    ):
        return None
    n = BLOCK // reduction
    pixels = np.asarray(same_o, dtype=np.float32) - 128
    padded = np.pad(pixels, ((0, -height % n), (0, -width % n)), mode="edge")
    rows, cols = padded.shape[0] // n, padded.shape[1] // n
    blocks = padded.reshape(rows, n, cols, n)  # (block row, y, block column, x)
    basis = _dct_matrix(n)
    steps = np.asarray(encoding.luma_table, dtype=np.float32).reshape(8, 8)[:n, :n] / reduction
    steps = steps[:, None, None, :]  # (v, u) laid out as the coefficients below
    coefficients = np.tensordot(np.tensordot(basis, blocks, ([1], [1])), basis, ([3], [1]))
    quantised = np.round(coefficients / steps) * steps  # (v, block row, block column, u)
    restored = np.tensordot(np.tensordot(basis, quantised, ([0], [0])), basis, ([3], [0]))
    image = restored.transpose(1, 0, 2, 3).reshape(padded.shape)[:height, :width] + 128
    return Image.fromarray(np.clip(np.round(image), 0, 255).astype(np.uint8), "L")


def _dct_matrix(n: int) -> NDArray[np.float32]:
    """The orthonormal DCT-II matrix of size n (rows: frequencies), which is JPEG's transform."""
    k = np.arange(n, dtype=np.float64)[:, None]
    x = np.arange(n, dtype=np.float64)[None, :]
    matrix = np.sqrt(2 / n) * np.cos(np.pi * (2 * x + 1) * k / (2 * n))
    matrix[0] /= np.sqrt(2)
    result: NDArray[np.float32] = matrix.astype(np.float32)
    return result


def _calibrated_detail(same_o: Image.Image, blocks_p: Array, grid: tuple[int, int]) -> Array:
    """Per block, the fine detail the published picture would keep had it only been re-encoded.

    Lossy encoding removes fine detail unevenly: grain on a flat patch is quantised away, an edge
    keeps its detail (and gains ringing). So the original is re-encoded at the JPEG quality (or
    none) whose detail agrees best with the published picture's, block by block. A patch that
    lost much more detail than that was smoothed -- or met the quantiser differently, which is
    why a suspicion is checked against the published JPEG's own encoding when it has one.
    """
    best = _detail_blocks(same_o, grid)
    best_error = _disagreement(best, blocks_p)
    for quality in CALIBRATION_QUALITIES:
        candidate = _detail_blocks(_jpeg_roundtrip(same_o, quality=quality), grid)
        error = _disagreement(candidate, blocks_p)
        if error >= best_error:
            break  # detail falls with quality: past the best agreement it only gets worse
        best, best_error = candidate, error
    return best


def _disagreement(expected: Array, published: Array) -> float:
    """How far the published detail is from the expected one, block by block (median log ratio)."""
    return float(np.median(np.abs(np.log((published + 0.3) / (expected + 0.3)))))


def _coarse_detail_lost(source: Array, target: Array, lost: float) -> NDArray[np.bool_]:
    """The same at the analysis grid: texture coarser than a few pixels, blurred away. Only
    where the grid is much coarser than the decoded pixels: at about their resolution this is the
    fine-detail measure without its allowance for what lossy re-encoding removes."""
    luma_o, luma_p = _opponent(source)[0], _opponent(target)[0]
    blocks_o = _block_means(np.abs(luma_o - _box_blur(luma_o[None])[0]))
    blocks_p = _block_means(np.abs(luma_p - _box_blur(luma_p[None])[0]))
    return _lost_blocks(blocks_o, blocks_p, lost)


def _lost_blocks(
    blocks_o: Array, blocks_p: Array, lost: float, least: float = DETAIL_MIN
) -> NDArray[np.bool_]:
    """Blocks with at least `least` detail in `blocks_o` that kept much less of it than their
    peers did, in patches."""
    textured = blocks_o > least
    textured[[0, -1], :] = False  # the outermost blocks: resampling sees beyond a crop's edge
    textured[:, [0, -1]] = False  # in the original but not in the published picture
    if textured.sum() < 4:
        return np.zeros(blocks_o.shape, dtype=bool)
    ratio: Array = (blocks_p / np.maximum(blocks_o, 1e-3)).astype(np.float32)
    typical = np.ones_like(ratio)
    typical[textured] = _typical_by_level(blocks_o[textured], ratio[textured])
    patches = _patches(textured & (ratio < lost * typical))
    largest, _ = _largest_region(patches, patches)
    return patches if round(largest * patches.size) >= LOST_MIN_BLOCKS else np.zeros_like(patches)


def _patches(blocks: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The blocks that belong to a PATCH x PATCH square of such blocks (a morphological opening):
    a patch was smoothed, not a line or a speck of blocks that two encoders or two resampling
    filters rendered differently."""
    height, width = blocks.shape
    if height < PATCH or width < PATCH:
        return np.zeros_like(blocks)
    squares = np.ones((height - PATCH + 1, width - PATCH + 1), dtype=bool)
    for dy in range(PATCH):
        for dx in range(PATCH):
            squares &= blocks[dy : dy + squares.shape[0], dx : dx + squares.shape[1]]
    kept = np.zeros_like(blocks)
    for dy in range(PATCH):
        for dx in range(PATCH):
            kept[dy : dy + squares.shape[0], dx : dx + squares.shape[1]] |= squares
    return kept


def _typical_by_level(detail: Array, ratio: Array) -> Array:
    """For each block, the median share of detail kept by the blocks with about as much detail.

    Quantisation removes faint detail (grain) more thoroughly than strong detail (edges), so a
    block is judged against its peers: the blocks nearest to it in the original's detail level.
    """
    count = detail.size
    window = min(count, max(LEVEL_PEERS, count // LEVEL_BANDS))
    order = np.argsort(detail, kind="stable")
    ranked = ratio[order]
    medians = np.median(np.lib.stride_tricks.sliding_window_view(ranked, window), axis=1)
    starts = np.clip(np.arange(count) - window // 2, 0, count - window)
    typical = np.empty_like(ratio)
    typical[order] = medians[starts]
    return typical


def _detail_map(image: Image.Image) -> Image.Image:
    grey = np.asarray(image, dtype=np.float32)
    detail = np.abs(grey - _box_blur(grey[None])[0])
    return Image.fromarray(detail, "F")


def _planes(image: Image.Image) -> Array:
    """(3, height, width) float32: one contiguous plane per channel (fast per-pixel maths)."""
    return np.ascontiguousarray(np.asarray(image, dtype=np.float32).transpose(2, 0, 1))


def _grid_size(
    published_size: tuple[int, int], box: tuple[float, float, float, float]
) -> tuple[int, int]:
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    longest = min(ANALYSIS_SIDE, max(published_size), max(box_w, box_h))
    factor = longest / max(published_size)
    return (max(8, round(published_size[0] * factor)), max(8, round(published_size[1] * factor)))


def _warp_rgb(
    image: Image.Image, box: tuple[float, float, float, float], grid: tuple[int, int]
) -> Image.Image:
    left, top, right, bottom = box
    inside = left >= 0 and top >= 0 and right <= image.width and bottom <= image.height
    if inside:
        return image.resize(grid, Image.Resampling.BILINEAR, box=box)
    pad_x = int(max(0.0, -left, right - image.width)) + 2
    pad_y = int(max(0.0, -top, bottom - image.height)) + 2
    array = np.asarray(image)
    padded = Image.fromarray(np.pad(array, ((pad_y, pad_y), (pad_x, pad_x), (0, 0)), mode="edge"))
    shifted = (left + pad_x, top + pad_y, right + pad_x, bottom + pad_y)
    return padded.resize(grid, Image.Resampling.BILINEAR, box=shifted)


def _typical_difference(source: Array, target: Array) -> float:
    """The median over pixels of the largest channel difference: what most of the picture shows."""
    diff = np.abs(source - target)
    return float(np.median(np.maximum(np.maximum(diff[0], diff[1]), diff[2])))


def _saturation_changed(chroma_original: float, chroma_published: float) -> bool:
    """Colours much duller or much more vivid than the original's (even in a dark picture)."""
    if chroma_original < SATURATION_MIN_CHROMA:
        return False
    ratio = chroma_published / chroma_original
    if chroma_original >= COLOURFUL_CHROMA:
        return ratio < 1 / SATURATION_RATIO or ratio > SATURATION_RATIO
    return ratio < 1 / SATURATION_RATIO_DULL or ratio > SATURATION_GAIN_DULL


def _chroma(planes: Array) -> float:
    r, g, b = planes
    return float((np.maximum(np.maximum(r, g), b) - np.minimum(np.minimum(r, g), b)).mean())


def _fit_colours(source: Array, target: Array) -> tuple[Array, float]:
    """The affine colour transform source -> target applied to source, and how far it moves it.

    Least squares by the 4x4 normal equations, twice: the second fit leaves out the pixels the
    first explains worst (a logo must not bend the colours of the whole picture).
    """
    x = source.reshape(3, -1)
    sample_x = source[:, ::2, ::2].reshape(3, -1)  # every fourth pixel fits as well, 4x faster
    sample_y = target[:, ::2, ::2].reshape(3, -1)
    design = np.vstack([sample_x, np.ones((1, sample_x.shape[1]), np.float32)])
    weights = np.ones(sample_x.shape[1], np.float32)
    matrix: NDArray[np.float64] = np.eye(3, 4, dtype=np.float64)
    for _ in range(2):
        weighted = design * weights
        normal = (weighted @ design.T).astype(np.float64) + np.eye(4) * 1e-3
        right = (weighted @ sample_y.T).astype(np.float64)
        matrix = np.asarray(np.linalg.solve(normal, right).T)
        errors = np.abs(matrix.astype(np.float32) @ design - sample_y).max(axis=0)
        weights = (errors <= max(3 * float(np.median(errors)), 2.0)).astype(np.float32)
    full = np.vstack([x, np.ones((1, x.shape[1]), np.float32)])
    fitted = np.clip(matrix.astype(np.float32) @ full, 0, 255).reshape(source.shape)
    shift = float(np.abs(fitted - source).mean())
    if float(np.abs(fitted - target).mean()) > float(np.abs(source - target).mean()):
        return source, shift  # the fit is worse than no change at all (e.g. mostly clipped white)
    return fitted, shift


def _opponent(planes: Array) -> Array:
    """Luma and the two colour differences, chroma weighted down (JPEG keeps it coarser)."""
    r, g, b = planes
    luma = 0.299 * r + 0.587 * g + 0.114 * b
    return np.stack([luma, CHROMA_WEIGHT * 0.564 * (b - luma), CHROMA_WEIGHT * 0.713 * (r - luma)])


def _block_residuals(fitted: Array, target: Array) -> tuple[Array, Array]:
    """Per 8x8 block: mean residual (best 3x3-neighbour match, worst channel) and edge energy."""
    fitted, target = _opponent(fitted), _opponent(target)
    for planes in (fitted, target):  # JPEG keeps colour at half resolution: compare it blurred
        planes[1:] = _box_blur(planes[1:])
    h, w = target.shape[1:]
    around = np.pad(fitted, ((0, 0), (1, 1), (1, 1)), mode="edge")
    best: Array | None = None
    for dy in (0, 1, 2):
        for dx in (0, 1, 2):
            diff = np.abs(target - around[:, dy : dy + h, dx : dx + w])
            error = np.maximum(np.maximum(diff[0], diff[1]), diff[2])
            best = error if best is None else np.minimum(best, error)
    assert best is not None
    grad_y, grad_x = np.gradient(fitted[0])
    return _block_means(best), _block_means(np.abs(grad_x) + np.abs(grad_y))


def _box_blur(planes: Array) -> Array:
    """3x3 mean of each plane (edges repeated)."""
    h, w = planes.shape[1:]
    padded = np.pad(planes, ((0, 0), (1, 1), (1, 1)), mode="edge")
    rows = padded[:, :, :-2] + padded[:, :, 1:-1] + padded[:, :, 2:]
    blurred: Array = (rows[:, :-2] + rows[:, 1:-1] + rows[:, 2:]) / 9
    return blurred[:, :h, :w]


def _block_means(values: Array) -> Array:
    """Means over 8x8 blocks covering the whole grid (the last row and column padded by
    repeating the edge, so a thin banner along the bottom still fills most of a block)."""
    h, w = values.shape
    padded = np.pad(values, ((0, -h % BLOCK), (0, -w % BLOCK)), mode="edge")
    bh, bw = padded.shape[0] // BLOCK, padded.shape[1] // BLOCK
    means: Array = padded.reshape(bh, BLOCK, bw, BLOCK).mean(axis=(1, 3)).astype(np.float32)
    return means


def _largest_region(
    seeds: NDArray[np.bool_], candidates: NDArray[np.bool_]
) -> tuple[float, NDArray[np.bool_]]:
    """The largest 8-connected group of candidate blocks that holds a seed block, as a fraction
    of all blocks (hysteresis, as in edge detection: weak blocks count only next to strong ones)."""
    labels = np.zeros(seeds.shape, dtype=np.int32)
    best_size, best_label = 0, 0
    current = 0
    height, width = seeds.shape
    for start in zip(*np.nonzero(seeds), strict=True):
        if labels[start]:
            continue
        current += 1
        labels[start] = current
        stack, size = [start], 0
        while stack:
            y, x = stack.pop()
            size += 1
            for ny in range(max(0, y - 1), min(height, y + 2)):
                for nx in range(max(0, x - 1), min(width, x + 2)):
                    if candidates[ny, nx] and not labels[ny, nx]:
                        labels[ny, nx] = current
                        stack.append((ny, nx))
        if size > best_size:
            best_size, best_label = size, current
    region = labels == best_label if best_size else np.zeros(seeds.shape, dtype=bool)
    return best_size / max(1, seeds.size), region


def _local_kind(fitted: Array, target: Array, region: NDArray[np.bool_]) -> str:
    """overlay when the published block has more edges than the original there, else retouch."""

    def edges(planes: Array) -> Array:
        grey = planes.mean(axis=0)
        gy, gx = np.gradient(grey)
        magnitude: Array = np.hypot(gx, gy).astype(np.float32)
        return magnitude

    h, w = target.shape[1:]
    mask = np.kron(region, np.ones((BLOCK, BLOCK), dtype=bool))[:h, :w]
    e_pub = float(edges(target)[mask].mean())
    e_orig = float(edges(fitted)[mask].mean())
    return "overlay" if e_pub > 1.1 * e_orig else "retouch"


def _region_box(region: NDArray[np.bool_]) -> tuple[float, float, float, float] | None:
    if not region.any():
        return None
    ys, xs = np.nonzero(region)
    h, w = region.shape
    return (xs.min() / w, ys.min() / h, (xs.max() + 1) / w, (ys.max() + 1) / h)
