"""Evaluation pairs for `compare`: synthetic scenes and real photographs, every verdict kind.

`build_cases(folder, seed, bases)` writes original/published pairs and returns `Case`s with the
expected kind (and crop box in the original's coordinates). Synthetic bases rotate through plain,
grainy (sensor-like noise) and textured scenes; edits include hard re-encoding (quality 35..60),
downscaling to 1/3..3/4 at quality 50..60, small-print credit lines and gently blurred patches.
The unit tests run a small slice; the whole set is measured by
`python tests/test_compare_cases.py [--real DIR] [--seed N]`, which prints the accuracy per kind
(used to choose thresholds; a held-out set is generated with another seed).
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

Box = tuple[int, int, int, int]
REAL_PHOTOS = (  # from ../shared/corpus/media: photographs and a few graphics of a useful size
    "exif.webp",
    "CA.jpg",
    "issue-590.png",
    "sunrise.webp",
    "mushroom.jpg",
    "cloud.jpg",
    "metadata_demo_iim_and_xmp_only.jpg",
    "sig05-002a.tif",
    "C.jpg",
)


@dataclass(frozen=True)
class Case:
    name: str
    original: Path
    published: Path
    kind: str
    crop: Box | None = None
    alterations: tuple[str, ...] = ()


# --------------------------------------------------------------------------- scenes


def synthetic_scene(rng: np.random.Generator, width: int, height: int) -> Image.Image:
    """A photo-like scene: smooth gradient, low-frequency texture, fine grain and shapes."""
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    base = np.empty((height, width, 3), np.float32)
    angle = rng.uniform(0, 2 * math.pi)
    ramp = (x * math.cos(angle) + y * math.sin(angle)) / max(width, height)
    for channel in range(3):
        base[..., channel] = rng.uniform(40, 200) + rng.uniform(-80, 80) * ramp
    small = rng.normal(0, 1, (height // 24 + 2, width // 24 + 2, 3)).astype(np.float32)
    cloud = Image.fromarray(np.uint8(np.clip(small * 40 + 128, 0, 255)), "RGB")
    cloud = cloud.resize((width, height), Image.Resampling.BICUBIC)
    base += (np.asarray(cloud, np.float32) - 128) * rng.uniform(0.3, 0.9)
    base += rng.normal(0, rng.uniform(2, 8), (height, width, 1)).astype(np.float32)
    image = Image.fromarray(np.uint8(np.clip(base, 0, 255)), "RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(int(rng.integers(8, 20))):
        _random_shape(draw, rng, width, height)
    return image.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 1.0)))


def grainy_scene(rng: np.random.Generator, width: int, height: int) -> Image.Image:
    """A scene with sensor-like grain on top: independent per-pixel noise of +-4..8 levels, which
    lossy re-encoding and downscaling remove unevenly (all of it on flat patches)."""
    scene = np.asarray(synthetic_scene(rng, width, height), np.float32)
    grain = rng.normal(0, rng.uniform(4, 8), (height, width, 3)).astype(np.float32)
    return Image.fromarray(np.uint8(np.clip(scene + grain, 0, 255)), "RGB")


def textured_scene(rng: np.random.Generator, width: int, height: int) -> Image.Image:
    """A scene covered with fine texture (foliage, fabric, gravel): a pattern a few pixels across
    that JPEG keeps in some blocks and loses in others."""
    scene = np.asarray(synthetic_scene(rng, width, height), np.float32)
    cell = rng.uniform(1.5, 4.0)
    small = rng.normal(0, 1, (int(height / cell) + 2, int(width / cell) + 2)).astype(np.float32)
    texture = Image.fromarray(small).resize((width, height), Image.Resampling.BICUBIC)
    amplitude = np.asarray(texture, np.float32)[..., None] * rng.uniform(8, 20)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    stripes = np.sin((x * rng.uniform(0.5, 1.5) + y) / rng.uniform(1.2, 3.0))[..., None]
    amplitude += stripes * rng.uniform(0, 10)
    return Image.fromarray(np.uint8(np.clip(scene + amplitude, 0, 255)), "RGB")


def _random_shape(draw: ImageDraw.ImageDraw, rng: np.random.Generator, w: int, h: int) -> None:
    colour = tuple(int(v) for v in rng.integers(0, 256, 3))
    cx, cy = rng.uniform(0, w), rng.uniform(0, h)
    size = rng.uniform(0.03, 0.25) * min(w, h)
    kind = rng.integers(0, 4)
    if kind == 0:
        draw.ellipse((cx - size, cy - size * 0.7, cx + size, cy + size * 0.7), fill=colour)
    elif kind == 1:
        draw.rectangle((cx - size, cy - size / 2, cx + size / 2, cy + size), fill=colour)
    elif kind == 2:
        points = [
            (cx + size * math.cos(a), cy + size * math.sin(a))
            for a in np.sort(rng.uniform(0, 2 * math.pi, 5))
        ]
        draw.polygon(points, fill=colour)
    else:
        draw.line((cx, cy, cx + rng.uniform(-2, 2) * size, cy + size), fill=colour, width=4)


def real_photo(path: Path, max_side: int = 1600) -> Image.Image:
    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image).convert("RGB")
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    return image


# --------------------------------------------------------------------------- edits


def save(image: Image.Image, path: Path, quality: int = 92, **options: object) -> Path:
    fmt = {".jpg": "JPEG", ".png": "PNG", ".webp": "WEBP"}[path.suffix]
    params: dict[str, object] = {"quality": quality} if fmt in ("JPEG", "WEBP") else {}
    params.update(options)
    image.save(path, fmt, **params)
    return path


def random_crop_box(rng: np.random.Generator, w: int, h: int, keep_aspect: bool = False) -> Box:
    """At least 6% removed from the width or the height, at most 55%."""
    if keep_aspect:
        keep = rng.uniform(0.5, 0.92)
        cw, ch = round(w * keep), round(h * keep)
    else:
        keep_w, keep_h = rng.uniform(0.45, 0.94), rng.uniform(0.45, 1.0)
        if rng.random() < 0.3:
            keep_h = 1.0
        elif rng.random() < 0.3:
            keep_w, keep_h = 1.0, rng.uniform(0.45, 0.94)
        cw, ch = round(w * keep_w), round(h * keep_h)
    left = int(rng.integers(0, w - cw + 1))
    top = int(rng.integers(0, h - ch + 1))
    return (left, top, left + cw, top + ch)


def add_logo(image: Image.Image, rng: np.random.Generator, area: float) -> Image.Image:
    """A logo or watermark of `area` (fraction of the image) in a corner or along an edge."""
    out = image.copy()
    w, h = out.size
    lw = int(math.sqrt(area * w * h * rng.uniform(1.0, 3.0)))
    lh = max(8, int(area * w * h / lw))
    margin = int(0.02 * min(w, h))
    corner = rng.integers(0, 4)
    left = margin if corner in (0, 2) else w - lw - margin
    top = margin if corner in (0, 1) else h - lh - margin
    logo = Image.new("RGBA", (lw, lh), (0, 0, 0, 0))
    draw = ImageDraw.Draw(logo)
    colour = tuple(int(v) for v in rng.integers(0, 256, 3))
    style = rng.integers(0, 3)
    if style == 0:  # solid badge with text
        draw.rectangle((0, 0, lw - 1, lh - 1), fill=(*colour, 255))
        draw.text((3, lh // 4), "NEWS", fill=(255, 255, 255, 255), font=_font(lh // 2))
    elif style == 1:  # semi-transparent watermark text, light or dark against what is there
        under = np.asarray(out.convert("L").crop((left, top, left + lw, top + lh)), np.float32)
        ink = (255, 255, 255, 170) if under.mean() < 140 else (0, 0, 0, 170)
        draw.text((0, 0), "© Agency", fill=ink, font=_font(lh))
        draw.rectangle((0, lh - 3, lw - 1, lh - 1), fill=ink)
    else:  # round logo
        draw.ellipse((0, 0, lh - 1, lh - 1), fill=(*colour, 255))
        draw.rectangle((lh, lh // 4, lw - 1, 3 * lh // 4), fill=(255 - colour[0], 40, 90, 255))
    out.paste(logo, (left, top), logo)
    return out


def add_text_mark(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A small credit line in the default font (10..14 pixels), white or black, in a corner."""
    out = image.copy()
    font = _font(int(rng.integers(10, 15)))
    text = str(rng.choice(["(c) NEWS SITE 2026", "© Agency / Photo desk", "example.com"]))
    draw = ImageDraw.Draw(out)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    w, h = out.size
    margin = int(rng.integers(8, 30))
    x = margin if rng.random() < 0.5 else w - (right - left) - margin
    y = margin if rng.random() < 0.5 else h - (bottom - top) - margin
    under = np.asarray(out.convert("L").crop((x, y, x + right, y + bottom)), np.float32)
    ink = (255, 255, 255) if under.mean() < 128 else (0, 0, 0)
    draw.text((x - left, y - top), text, fill=ink, font=font)
    return out


def blur_patch(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """A gently blurred region (Gaussian, radius 2..3): a face or a number plate made unreadable."""
    out = image.copy()
    w, h = out.size
    pw, ph = int(w * rng.uniform(0.12, 0.22)), int(h * rng.uniform(0.12, 0.22))
    grey = np.asarray(image.convert("L"), np.float32)
    spots = [(int(rng.integers(0, w - pw)), int(rng.integers(0, h - ph))) for _ in range(6)]
    x, y = max(spots, key=lambda s: float(grey[s[1] : s[1] + ph, s[0] : s[0] + pw].std()))
    radius = float(rng.uniform(2, 3))
    out.paste(out.crop((x, y, x + pw, y + ph)).filter(ImageFilter.GaussianBlur(radius)), (x, y))
    return out


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(8, size))


def retouch(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    """Remove or change something: clone a patch over another place, blur or paint over it."""
    out = image.copy()
    w, h = out.size
    pw, ph = int(w * rng.uniform(0.12, 0.22)), int(h * rng.uniform(0.12, 0.22))
    grey = np.asarray(image.convert("L"), np.float32)
    spots = [(int(rng.integers(0, w - pw)), int(rng.integers(0, h - ph))) for _ in range(6)]
    x, y = max(spots, key=lambda s: float(grey[s[1] : s[1] + ph, s[0] : s[0] + pw].std()))
    style = rng.integers(0, 3)
    if style == 0:
        sx, sy = int(rng.integers(0, w - pw)), int(rng.integers(0, h - ph))
        while abs(sx - x) < pw and abs(sy - y) < ph:
            sx, sy = int(rng.integers(0, w - pw)), int(rng.integers(0, h - ph))
        out.paste(image.crop((sx, sy, sx + pw, sy + ph)), (x, y))
    elif style == 1:
        region = out.crop((x, y, x + pw, y + ph)).filter(ImageFilter.GaussianBlur(12))
        out.paste(region, (x, y))
    else:
        region = np.asarray(out.crop((x, y, x + pw, y + ph)), np.float32)
        fill = tuple(int(v) for v in np.median(region.reshape(-1, 3), axis=0))
        ImageDraw.Draw(out).ellipse((x, y, x + pw, y + ph), fill=fill)
    return out


def tint(image: Image.Image, rng: np.random.Generator) -> Image.Image:
    array = np.asarray(image, np.float32)
    style = rng.integers(0, 4)
    if style == 0:  # warm/cool cast
        shift = rng.choice([-1, 1]) * rng.uniform(14, 30)
        array = array + np.array([shift, 0.2 * shift, -shift], np.float32)
    elif style == 1:  # brightness
        array = array * rng.choice([0.8, 1.2])
    elif style == 2:  # saturation
        grey = array.mean(axis=2, keepdims=True)
        array = grey + (array - grey) * rng.choice([0.4, 1.6])
    else:  # sepia-like
        grey = array.mean(axis=2, keepdims=True)
        array = grey * np.array([1.07, 0.95, 0.75], np.float32)
    return Image.fromarray(np.uint8(np.clip(array, 0, 255)), "RGB")


# --------------------------------------------------------------------------- the pairs

Edit = Callable[[Image.Image, np.random.Generator, Path, Path], Case]


def _pair_name(index: int, name: str) -> str:
    return f"{index:03d}-{name}"


def build_cases(folder: Path, seed: int, bases: list[tuple[str, Image.Image]]) -> list[Case]:
    """One pair per (base, edit); edits rotate so that every kind is covered evenly."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []
    edits = list(EDITS)
    for index, (base_name, base) in enumerate(bases):
        edit_name = edits[index % len(edits)]
        stem = folder / _pair_name(index, f"{base_name}-{edit_name}")
        cases.append(EDITS[edit_name](base, rng, stem, folder))
    return cases


def _original(base: Image.Image, stem: Path, fmt: str = ".jpg") -> Path:
    return save(base, stem.with_name(stem.name + "-orig" + fmt), quality=95)


def _published(image: Image.Image, stem: Path, fmt: str = ".jpg", quality: int = 85) -> Path:
    return save(image, stem.with_name(stem.name + "-pub" + fmt), quality=quality)


def edit_identical(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem, ".jpg" if rng.random() < 0.7 else ".png")
    published = stem.with_name(stem.name + "-pub" + original.suffix)
    shutil.copyfile(original, published)
    return Case(stem.name, original, published, "identical")


def edit_recompress(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    with Image.open(original) as decoded:
        pixels = decoded.convert("RGB")
    published = _published(pixels, stem, quality=int(rng.integers(50, 86)))
    return Case(stem.name, original, published, "recompressed")


def edit_resize(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    fmt = ".png" if rng.random() < 0.2 else ".jpg"
    original = _original(base, stem, fmt)
    factor = rng.uniform(0.33, 0.85)
    size = (round(base.width * factor), round(base.height * factor))
    small = base.resize(size, Image.Resampling.LANCZOS)
    published = _published(small, stem, fmt, quality=int(rng.integers(50, 90)))
    return Case(stem.name, original, published, "resized")


def edit_recompress_low(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    """Re-encoded hard (quality 35..60): a technical change however lossy."""
    original = _original(base, stem)
    with Image.open(original) as decoded:
        pixels = decoded.convert("RGB")
    published = _published(pixels, stem, quality=int(rng.integers(35, 61)))
    return Case(stem.name, original, published, "recompressed")


def edit_resize_low(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    """Downscaled to 1/3..3/4 and saved at quality 50..60."""
    original = _original(base, stem)
    factor = float(rng.choice([1 / 3, 0.5, 0.667, 0.75])) * rng.uniform(0.97, 1.03)
    size = (round(base.width * factor), round(base.height * factor))
    small = base.resize(size, Image.Resampling.LANCZOS)
    published = _published(small, stem, quality=int(rng.integers(50, 61)))
    return Case(stem.name, original, published, "resized")


def edit_text_mark(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    published = _published(add_text_mark(base, rng), stem, quality=int(rng.integers(70, 93)))
    return Case(stem.name, original, published, "altered", alterations=("overlay",))


def edit_blur(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    published = _published(blur_patch(base, rng), stem, quality=int(rng.integers(70, 93)))
    return Case(stem.name, original, published, "altered", alterations=("retouch",))


def edit_format(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    pairs = ((".jpg", ".png"), (".png", ".jpg"), (".jpg", ".webp"), (".png", ".webp"))
    source_fmt, target_fmt = pairs[int(rng.integers(0, len(pairs)))]
    original = _original(base, stem, source_fmt)
    with Image.open(original) as decoded:
        pixels = decoded.convert("RGB")
    published = _published(pixels, stem, target_fmt, quality=int(rng.integers(70, 95)))
    return Case(stem.name, original, published, "format-change")


def edit_crop(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    box = random_crop_box(rng, *base.size)
    published = _published(base.crop(box), stem, quality=int(rng.integers(60, 95)))
    return Case(stem.name, original, published, "cropped", box)


def edit_crop_resize(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    keep_aspect = rng.random() < 0.4
    box = random_crop_box(rng, *base.size, keep_aspect=keep_aspect)
    cropped = base.crop(box)
    factor = base.width / cropped.width if keep_aspect else rng.uniform(0.4, 0.9)
    size = (round(cropped.width * factor), round(cropped.height * factor))
    small = cropped.resize(size, Image.Resampling.LANCZOS)
    published = _published(small, stem, quality=int(rng.integers(55, 90)))
    return Case(stem.name, original, published, "cropped", box)


def edit_overlay(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    edited = add_logo(base, rng, rng.uniform(0.01, 0.04))
    if rng.random() < 0.4:
        factor = rng.uniform(0.4, 0.9)
        edited = edited.resize((round(base.width * factor), round(base.height * factor)))
    published = _published(edited, stem, quality=int(rng.integers(55, 92)))
    return Case(stem.name, original, published, "altered", alterations=("overlay",))


def edit_colour(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    published = _published(tint(base, rng), stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "altered", alterations=("colour-change",))


def edit_grayscale(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    grey = base.convert("L")
    if rng.random() < 0.5:
        grey = grey.resize((base.width // 2, base.height // 2), Image.Resampling.LANCZOS)
    published = _published(grey, stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "altered", alterations=("grayscale",))


def edit_mirror(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    mirrored = ImageOps.mirror(base)
    box = None
    if rng.random() < 0.4:
        box = random_crop_box(rng, *base.size)
        mirrored = ImageOps.mirror(base.crop(box))
    published = _published(mirrored, stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "altered", box, ("mirror",))


def edit_retouch(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    published = _published(retouch(base, rng), stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "altered", alterations=("retouch",))


def edit_crop_overlay(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    original = _original(base, stem)
    box = random_crop_box(rng, *base.size)
    edited = add_logo(base.crop(box), rng, rng.uniform(0.015, 0.04))
    published = _published(edited, stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "altered", box, ("overlay",))


def edit_orientation(base: Image.Image, rng: np.random.Generator, stem: Path, _: Path) -> Case:
    """The original is stored sideways with an EXIF Orientation tag; the published one upright."""
    orientation = int(rng.choice([3, 6, 8]))
    stored = base.transpose(_INVERSE_TRANSPOSE[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    original = stem.with_name(stem.name + "-orig.jpg")
    stored.save(original, "JPEG", quality=95, exif=exif.tobytes())
    resize = rng.random() < 0.5
    upright = base.resize((base.width // 2, base.height // 2)) if resize else base
    published = _published(upright, stem, quality=int(rng.integers(60, 92)))
    return Case(stem.name, original, published, "resized" if resize else "recompressed")


_INVERSE_TRANSPOSE = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}

EDITS: dict[str, Edit] = {
    "identical": edit_identical,
    "recompress": edit_recompress,
    "resize": edit_resize,
    "format": edit_format,
    "crop": edit_crop,
    "crop-resize": edit_crop_resize,
    "overlay": edit_overlay,
    "colour": edit_colour,
    "grayscale": edit_grayscale,
    "mirror": edit_mirror,
    "retouch": edit_retouch,
    "crop-overlay": edit_crop_overlay,
    "orientation": edit_orientation,
    "crop2": edit_crop,
    "overlay2": edit_overlay,
    "recompress-low": edit_recompress_low,
    "resize-low": edit_resize_low,
    "text-mark": edit_text_mark,
    "blur": edit_blur,
    "resize-low2": edit_resize_low,
}


def synthetic_bases(
    seed: int, count: int, size: tuple[int, int]
) -> Iterator[tuple[str, Image.Image]]:
    rng = np.random.default_rng(seed + 1000)
    for index in range(count):
        aspect = rng.choice([1.5, 1.333, 0.75, 1.0, 1.78])
        width = size[0]
        height = int(width / aspect)
        kind = index % 3
        scene = (synthetic_scene, grainy_scene, textured_scene)[kind]
        name = ("syn", "grain", "tex")[kind]
        yield f"{name}{index}", scene(rng, width, min(height, size[1] * 2))


def real_bases(folder: Path, repeats: int) -> list[tuple[str, Image.Image]]:
    found = [folder / name for name in REAL_PHOTOS if (folder / name).is_file()]
    photos = [(path.stem, real_photo(path)) for path in found]
    return [item for _ in range(repeats) for item in photos]


# --------------------------------------------------------------------------- measuring


def crop_error(
    expected: Box | None, found: tuple[int, int, int, int] | None, size: tuple[int, int]
) -> float:
    """The largest edge error as a fraction of the original's width or height."""
    if expected is None or found is None:
        return 0.0 if expected == found else 1.0
    w, h = size
    return max(
        abs(a - b) / (w if i % 2 == 0 else h)
        for i, (a, b) in enumerate(zip(expected, found, strict=True))
    )


def evaluate(cases: list[Case], verbose: bool = True) -> dict[str, tuple[int, int]]:
    from attrcheck.media.compare import compare

    per_kind: dict[str, list[bool]] = defaultdict(list)
    confusions: Counter[tuple[str, str]] = Counter()
    times = []
    for case in cases:
        start = time.perf_counter()
        verdict = compare(case.original, case.published)
        times.append(time.perf_counter() - start)
        ok = verdict.kind == case.kind
        if ok and case.crop is not None:
            with Image.open(case.original) as original:
                size = ImageOps.exif_transpose(original).size
            ok = crop_error(case.crop, verdict.crop, size) <= 0.02
        per_kind[case.kind].append(ok)
        if not ok:
            confusions[(case.kind, verdict.kind)] += 1
            if verbose:
                print(
                    f"MISS {case.name}: expected {case.kind} {case.crop} got {verdict.kind} "
                    f"{verdict.crop} {verdict.alterations} {dict(verdict.detail)}"
                )
    result = {kind: (sum(oks), len(oks)) for kind, oks in sorted(per_kind.items())}
    if verbose:
        for kind, (good, total) in result.items():
            print(f"{kind:15s} {good:3d}/{total:3d}")
        good = sum(g for g, _ in result.values())
        total = sum(t for _, t in result.values())
        print(
            f"{'overall':15s} {good:3d}/{total:3d} = {good / total:.1%}; "
            f"median {1000 * float(np.median(times)):.1f} ms"
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--synthetic", type=int, default=60)
    parser.add_argument(
        "--real", type=Path, default=Path(__file__).parents[2] / "shared/corpus/media"
    )
    parser.add_argument("--real-repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("/tmp/attrcheck-compare-eval"))
    parser.add_argument("--width", type=int, default=900)
    args = parser.parse_args(argv)
    bases = list(synthetic_bases(args.seed, args.synthetic, (args.width, args.width)))
    if args.real.is_dir():
        bases += real_bases(args.real, args.real_repeats)
    shutil.rmtree(args.out, ignore_errors=True)
    cases = build_cases(args.out, args.seed, bases)
    evaluate(cases)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
    sys.exit(main())
