"""Where the published image sits in the original: the box it shows, and whether it is mirrored.

Two steps, chosen by measurement on the evaluation pairs (tests/test_compare_cases.py):

1. Coarse search: the original's luminance at ~128 pixels, the published image shrunk to every
   plausible crop scale (from "the whole original" down to 30% of it, 4% apart, plus the "same
   pixel scale" hypothesis), and normalised cross-correlation computed for all positions at once
   with one batched FFT. The likely hypotheses go first (whole picture, same pixel scale, plain
   and mirrored), then every scale plain, then every scale mirrored, stopping as soon as a match
   convinces. Near-ties go to the larger crop (a patch of a smooth gradient matches anywhere).
   6% steps were measured to miss crops of sharp graphics; 4% did not.
2. Refinement: Lucas-Kanade (Gauss-Newton) on an axis-aligned affine warp (left, top, right,
   bottom) plus gain and offset of the luminance, with Tukey weights so that a logo or a retouched
   patch does not pull the fit, coarse to fine (96 then 224 pixels). The warp is sampled with
   Pillow's antialiased `resize(box=...)`, which keeps both sides filtered alike. When the free
   gain/offset moved, the fit without them is tried as well (it pins crops of smooth gradients);
   when the result is not convincing, the coarse search's runners-up are refined too.

NCC and the gain/offset make the search blind to brightness, contrast, tints and grayscale, which
the difference stage measures afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image

Array = NDArray[np.float32]
Box = tuple[float, float, float, float]

COARSE_SIDE = 128
SMALLEST_CROP = 0.3  # of the original's limiting dimension
SCALE_STEP = 0.96
REFINE_SIDES = (96, 224)
REFINE_ITERATIONS = (8, 5)
GAIN_MOVED, OFFSET_MOVED = 0.03, 3.0  # a free photometric fit that moved this much is checked
IDENTITY_ERROR = 3.0  # median luminance error (0..255) of a good fit without photometric change
NEAR_TIE = 0.005  # NCC difference below which a larger crop / the first candidate is preferred
CONVINCING = 0.9  # a refined match this good ends the search
EXTRA_CANDIDATES = 2  # runners-up of the coarse search refined when the first is not convincing
_PAD = 0.15  # the warp may look this far outside the original while it converges


@dataclass(frozen=True)
class Placement:
    """The published image is the original's `box` (full-size pixels), mirrored or not."""

    box: Box
    mirrored: bool
    ncc: float  # luminance correlation after alignment, -1..1
    coarse_ncc: float
    gain: float = 1.0
    offset: float = 0.0


def luminance(image: Image.Image) -> Array:
    return np.asarray(image.convert("L"), dtype=np.float32)


def locate(
    original: Image.Image,
    original_size: tuple[int, int],
    published: Image.Image,
    published_size: tuple[int, int],
) -> Placement:
    """Find `published` (decoded, possibly reduced) in `original` (likewise)."""
    candidates = _coarse_search(original, original_size, published, published_size)
    best = _refine(original, original_size, published, candidates[0])
    for candidate in candidates[1:]:
        if best.ncc >= CONVINCING:
            break
        other = _refine(original, original_size, published, candidate)
        if other.ncc > best.ncc + NEAR_TIE:
            best = other
    return best


# --------------------------------------------------------------------------- coarse search


def _shrink(image: Image.Image, side: int) -> Image.Image:
    factor = side / max(image.size)
    if factor >= 1:
        return image
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size, Image.Resampling.BOX)


def _scales(published_size: tuple[int, int], original_size: tuple[int, int]) -> list[float]:
    """Crop fractions t (1 = the published image spans the original's limiting dimension)."""
    (wp, hp), (wo, ho) = published_size, original_size
    s_min = max(wp / wo, hp / ho)
    fractions = [1.0]
    while fractions[-1] * SCALE_STEP >= SMALLEST_CROP:
        fractions.append(fractions[-1] * SCALE_STEP)
    same_pixels = s_min  # published pixel = original pixel: t = s_min / 1
    if SMALLEST_CROP <= same_pixels < 1 and all(abs(t - same_pixels) > 1e-3 for t in fractions):
        fractions.append(same_pixels)
    return fractions


def _coarse_search(
    original: Image.Image,
    original_size: tuple[int, int],
    published: Image.Image,
    published_size: tuple[int, int],
) -> list[Placement]:
    """Best (fraction, position, mirror) by NCC; the likely hypotheses first, the rest if needed.

    Returns the chosen match and up to EXTRA_CANDIDATES distinct runners-up (refined only when
    the first does not fit convincingly).

    Pass 1: the whole original and "same pixel scale", plain and mirrored. Pass 2: every crop
    scale, plain. Pass 3: every crop scale, mirrored. A pass ends the search when its best match
    is convincing, which keeps the common cases (resize, recompression, plain crop) fast.
    """
    small = luminance(_shrink(original, COARSE_SIDE))
    h, w = small.shape
    kx, ky = w / original_size[0], h / original_size[1]
    s_min = max(published_size[0] / original_size[0], published_size[1] / original_size[1])
    source = _shrink(published.convert("L"), 2 * COARSE_SIDE)
    fractions = _scales(published_size, original_size)
    likely = [fractions[0], *fractions[len(fractions) - 1 :]] if len(fractions) > 1 else fractions
    passes = (
        ([(t, m) for t in dict.fromkeys(likely) for m in (False, True)], 0.97),
        ([(t, False) for t in fractions], 0.9),
        ([(t, True) for t in fractions], -2.0),
    )
    found: list[tuple[float, float, int, int, bool]] = []
    for hypotheses, enough in passes:
        found += _search(small, source, hypotheses, published_size, s_min, (kx, ky))
        if found and max(found)[0] >= enough:
            break
    if not found:
        whole = (0.0, 0.0, float(original_size[0]), float(original_size[1]))
        return [Placement(whole, False, -1.0, -1.0)]
    chosen = [_largest_of_the_best(found)]
    for item in sorted(found, reverse=True):
        if len(chosen) > EXTRA_CANDIDATES:
            break
        if all(_distinct(item, other) for other in chosen):
            chosen.append(item)
    placements = []
    for score, fraction, x, y, mirrored in chosen:
        bw = published_size[0] * fraction / s_min
        bh = published_size[1] * fraction / s_min
        box = (x / kx, y / ky, x / kx + bw, y / ky + bh)
        placements.append(Placement(box, mirrored, score, score))
    return placements


def _distinct(
    a: tuple[float, float, int, int, bool], b: tuple[float, float, int, int, bool]
) -> bool:
    """Two coarse matches that refinement would not turn into each other."""
    if a[4] != b[4]:
        return True
    return abs(a[1] / b[1] - 1) > 2 * (1 - SCALE_STEP) or abs(a[2] - b[2]) + abs(a[3] - b[3]) > 3


def _largest_of_the_best(
    found: list[tuple[float, float, int, int, bool]],
) -> tuple[float, float, int, int, bool]:
    """The largest crop among the near-best matches: a small patch of a smooth gradient matches
    almost anywhere, so near-ties go to the hypothesis that explains more of the original."""
    top = max(item[0] for item in found)
    near = [item for item in found if item[0] >= top - NEAR_TIE]
    return max(near, key=lambda item: (item[1], item[0]))


def _search(
    small: Array, source: Image.Image, hypotheses: list[tuple[float, bool]],
    published_size: tuple[int, int], s_min: float, scale: tuple[float, float],
) -> list[tuple[float, float, int, int, bool]]:  # fmt: skip
    h, w = small.shape
    templates: list[Array] = []
    kept: list[tuple[float, bool]] = []
    for fraction, mirrored in hypotheses:
        tw = min(w, max(1, round(published_size[0] * fraction / s_min * scale[0])))
        th = min(h, max(1, round(published_size[1] * fraction / s_min * scale[1])))
        if tw < 6 or th < 6:
            continue
        template = np.asarray(source.resize((tw, th), Image.Resampling.BOX), dtype=np.float32)
        templates.append(np.ascontiguousarray(template[:, ::-1]) if mirrored else template)
        kept.append((fraction, mirrored))
    if not templates:
        return []
    peaks = _ncc_peaks(small, templates)
    return [
        (score, fraction, x, y, mirrored)
        for (score, x, y), (fraction, mirrored) in zip(peaks, kept, strict=True)
    ]


def _fast_size(n: int) -> int:
    """The smallest 2^a 3^b >= n (sizes the FFT handles fastest)."""
    best = 1 << (n - 1).bit_length()
    power3 = 1
    while power3 < best:
        size = power3
        while size < n:
            size *= 2
        best = min(best, size)
        power3 *= 3
    return best


def _integrals(image: Array) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    padded = np.pad(image.astype(np.float64), ((1, 0), (1, 0)))
    return padded.cumsum(0).cumsum(1), (padded**2).cumsum(0).cumsum(1)


def _window_sums(integral: NDArray[np.float64], th: int, tw: int) -> NDArray[np.float64]:
    return integral[th:, tw:] - integral[:-th, tw:] - integral[th:, :-tw] + integral[:-th, :-tw]


def _ncc_peaks(image: Array, templates: list[Array]) -> list[tuple[float, int, int]]:
    """For each template: the best normalised cross-correlation over all valid positions."""
    shape = image.shape
    fast = (_fast_size(shape[0]), _fast_size(shape[1]))
    stack = np.zeros((len(templates), *fast), dtype=np.float64)  # pocketfft is faster in double
    energies = []
    for index, template in enumerate(templates):
        zero_mean = template - template.mean()
        stack[index, : template.shape[0], : template.shape[1]] = zero_mean
        energies.append(float((zero_mean**2).sum()))
    spectra = np.conj(np.fft.rfft2(stack)) * np.fft.rfft2(image, s=fast)[None]
    correlations = np.fft.irfft2(spectra, s=fast)
    integrals = _integrals(image)
    sums: dict[tuple[int, int], NDArray[np.float64]] = {}
    peaks = []
    for index, template in enumerate(templates):
        th, tw = template.shape
        if (th, tw) not in sums:
            total = _window_sums(integrals[0], th, tw)
            squares = _window_sums(integrals[1], th, tw)
            sums[(th, tw)] = np.sqrt(np.maximum(squares - total**2 / (th * tw), 0.0))
        deviation = sums[(th, tw)] * np.sqrt(energies[index])
        valid = correlations[index, : shape[0] - th + 1, : shape[1] - tw + 1]
        ncc = np.where(deviation > 1e-3 * th * tw, valid / np.maximum(deviation, 1e-9), -1.0)
        position = int(np.argmax(ncc))
        y, x = divmod(position, ncc.shape[1])
        peaks.append((float(ncc[y, x]) if energies[index] > 1e-6 else -1.0, x, y))
    return peaks


# --------------------------------------------------------------------------- refinement


def _padded(original: Image.Image) -> tuple[Image.Image, int, int]:
    """The original's luminance with edge pixels repeated around it (so boxes may overshoot)."""
    array = luminance(original)
    pad_y, pad_x = int(array.shape[0] * _PAD) + 2, int(array.shape[1] * _PAD) + 2
    padded = np.pad(array, ((pad_y, pad_y), (pad_x, pad_x)), mode="edge")
    return Image.fromarray(padded, "F"), pad_x, pad_y


def _refine(
    original: Image.Image, original_size: tuple[int, int], published: Image.Image, start: Placement
) -> Placement:
    """Lucas-Kanade from the coarse placement; gain and offset free, then, if they moved, fixed.

    With gain and offset free a smooth gradient fits almost any crop of itself; when the free fit
    needed a photometric change, the fit without one is tried too and kept if it explains the
    published picture as well (the colours did not change after all, and the geometry is pinned).
    """
    padded, pad_x, pad_y = _padded(original)
    sx, sy = original.width / original_size[0], original.height / original_size[1]
    box = np.array(
        [start.box[0] * sx + pad_x, start.box[1] * sy + pad_y,
         start.box[2] * sx + pad_x, start.box[3] * sy + pad_y], dtype=np.float64
    )  # fmt: skip
    targets = []
    for side in REFINE_SIDES:
        target = luminance(_shrink(published, side))
        targets.append(np.ascontiguousarray(target[:, ::-1]) if start.mirrored else target)
    free_box, gain_offset = box, (1.0, 0.0)
    for target, iterations in zip(targets, REFINE_ITERATIONS, strict=True):
        free_box, gain_offset = _lucas_kanade(padded, target, free_box, True, iterations)
    chosen = free_box
    if abs(gain_offset[0] - 1) > GAIN_MOVED or abs(gain_offset[1]) > OFFSET_MOVED:
        fixed_box = box
        for target, iterations in zip(targets, REFINE_ITERATIONS, strict=True):
            fixed_box, _ = _lucas_kanade(padded, target, fixed_box, False, iterations)
        fixed_error = _median_error(_warp(padded, fixed_box, targets[-1].shape), targets[-1])
        free_warped = _warp(padded, free_box, targets[-1].shape)
        free_error = _median_error(gain_offset[0] * free_warped + gain_offset[1], targets[-1])
        if fixed_error <= max(IDENTITY_ERROR, 1.25 * free_error):
            chosen, gain_offset = fixed_box, (1.0, 0.0)
    ncc = _correlation(_warp(padded, chosen, targets[-1].shape), targets[-1])
    full = (
        (chosen[0] - pad_x) / sx, (chosen[1] - pad_y) / sy,
        (chosen[2] - pad_x) / sx, (chosen[3] - pad_y) / sy,
    )  # fmt: skip
    return Placement(full, start.mirrored, ncc, start.coarse_ncc, *gain_offset)


def _median_error(a: Array, b: Array) -> float:
    return float(np.median(np.abs(a - b)))


def _warp(image: Image.Image, box: NDArray[np.float64], shape: tuple[int, ...]) -> Array:
    left, top, right, bottom = (float(v) for v in box)
    left, top = max(0.0, left), max(0.0, top)
    right, bottom = min(float(image.width), right), min(float(image.height), bottom)
    if right - left < 1 or bottom - top < 1:
        return np.zeros(shape, np.float32)
    size = (shape[1], shape[0])
    warped = image.resize(size, Image.Resampling.BILINEAR, box=(left, top, right, bottom))
    return np.asarray(warped, dtype=np.float32)


def _lucas_kanade(
    image: Image.Image, target: Array, box: NDArray[np.float64], photometric: bool,
    iterations: int = 10,
) -> tuple[NDArray[np.float64], tuple[float, float]]:  # fmt: skip
    """Gauss-Newton on (left, top, right, bottom) [+ gain, offset], Tukey-weighted."""
    gh, gw = target.shape
    u = ((np.arange(gw, dtype=np.float32) + 0.5) / gw)[None, :]
    v = ((np.arange(gh, dtype=np.float32) + 0.5) / gh)[:, None]
    gain, offset = 1.0, 0.0
    columns = 6 if photometric else 4
    for _ in range(iterations):
        warped = _warp(image, box, target.shape)
        if photometric:
            gain, offset = _fit_gain(warped, target)
        residual = target - (gain * warped + offset)
        grad_v, grad_u = np.gradient(warped)
        dx = grad_u * (gain * gw / max(box[2] - box[0], 1e-6))
        dy = grad_v * (gain * gh / max(box[3] - box[1], 1e-6))
        jacobian = np.empty((columns, gh * gw), dtype=np.float32)
        jacobian[0] = (dx * (1 - u)).ravel()
        jacobian[1] = (dy * (1 - v)).ravel()
        jacobian[2] = (dx * u).ravel()
        jacobian[3] = (dy * v).ravel()
        if photometric:
            jacobian[4] = warped.ravel()
            jacobian[5] = 1.0
        weighted = jacobian * _tukey(residual, np.abs(dx) + np.abs(dy)).ravel()[None, :]
        hessian = (weighted @ jacobian.T).astype(np.float64) + np.eye(columns) * 1e-6
        step = np.linalg.solve(hessian, (weighted @ residual.ravel()).astype(np.float64))
        box = box + step[:4]
        if np.abs(step[:4]).max() < 0.02 * (box[2] - box[0]) / gw:
            break
    return box, (gain, offset)


def _fit_gain(warped: Array, target: Array) -> tuple[float, float]:
    w_mean, t_mean = float(warped.mean()), float(target.mean())
    variance = float(((warped - w_mean) ** 2).mean())
    if variance < 1e-6:
        return 1.0, t_mean - w_mean
    gain = float(((warped - w_mean) * (target - t_mean)).mean()) / variance
    return gain, t_mean - gain * w_mean


def _tukey(residual: Array, gradient: Array) -> Array:
    """Tukey biweights, the scale measured where the picture has a gradient: on a mostly flat
    graphic (white page, red letters) the flat pixels match exactly whatever the warp, and a
    scale taken over them would reject every edge pixel -- the only ones that say where to go."""
    step = 7
    sample, strength = residual.ravel()[::step], gradient.ravel()[::step]
    informative = sample[strength > np.median(strength)]
    if informative.size >= 16:
        sample = informative
    spread = float(np.median(np.abs(sample - np.median(sample)))) * 1.4826 + 0.5
    scaled = residual / (4.685 * spread)
    weights = (1 - scaled**2) ** 2
    return np.where(np.abs(scaled) < 1, weights, 0.0).astype(np.float32)


def _correlation(a: Array, b: Array) -> float:
    a0, b0 = a - a.mean(), b - b.mean()
    denominator = float(np.sqrt((a0**2).sum() * (b0**2).sum()))
    return float((a0 * b0).sum()) / denominator if denominator > 1e-6 else 0.0
