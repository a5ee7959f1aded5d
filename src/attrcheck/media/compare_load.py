"""Decoding for `compare`: just enough pixels, upright, as RGB, with the file's identity.

JPEG files are decoded in draft mode (DCT scaling: 1/2, 1/4 or 1/8 of the size straight from the
compressed data) down to the working resolution, which is what makes a comparison of two large
photographs take milliseconds. EXIF orientation is applied so that a sideways original with an
Orientation tag compares equal to its upright copy.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from attrcheck.errors import MediaError

WORK_SIDE = 480  # decode at least this many pixels along the longer side (when the file has them)
_ROTATED = frozenset({5, 6, 7, 8})
_JPEG_FORMATS = frozenset({"JPEG", "MPO"})
_MAX_PIXELS = 200_000_000


@dataclass(frozen=True)
class Decoded:
    """One image as `compare` sees it."""

    path: Path
    format: str  # "JPEG", "PNG", ... (MPO counts as JPEG)
    size: tuple[int, int]  # full size, upright
    sha256: str
    image: Image.Image  # RGB, upright, possibly reduced (see `scale`)
    palette: bool = False  # stored with a palette of at most 256 colours (GIF, PNG8)
    luma_table: tuple[int, ...] | None = None  # JPEG, stored upright: its luminance quantisation

    @property
    def scale(self) -> float:
        """Decoded pixels per full-size pixel."""
        return self.image.width / self.size[0]


def file_digest(path: Path) -> tuple[bytes, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise MediaError(f"{path}: image not found") from error
    except IsADirectoryError as error:
        raise MediaError(f"{path}: is a folder, not an image") from error
    except OSError as error:
        raise MediaError(f"{path}: cannot read: {error.strerror or error}") from error
    return data, hashlib.sha256(data).hexdigest()


def decode(path: Path, data: bytes, sha256: str, work_side: int = WORK_SIDE) -> Decoded:
    """Decode `data` (the bytes of `path`) for comparison; MediaError when it is not an image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # judged below
            with Image.open(io.BytesIO(data)) as image:
                return _decode_open(path, image, sha256, work_side)
    except MediaError:
        raise
    except Image.DecompressionBombError as error:
        raise MediaError(f"{path}: too many pixels to compare safely ({error})") from None
    except UnidentifiedImageError:
        raise MediaError(f"{path}: not an image Pillow can decode") from None
    except (OSError, ValueError, SyntaxError, EOFError, MemoryError) as error:
        raise MediaError(f"{path}: cannot decode the image: {error}") from error


def _decode_open(path: Path, image: Image.Image, sha256: str, work_side: int) -> Decoded:
    fmt = "JPEG" if image.format in _JPEG_FORMATS else (image.format or "unknown")
    palette = image.mode in ("P", "PA")
    width, height = image.size
    limit = _MAX_PIXELS if fmt == "JPEG" else (Image.MAX_IMAGE_PIXELS or _MAX_PIXELS)
    if width * height > limit:  # JPEG is decoded reduced (draft), other formats in full
        raise MediaError(f"{path}: {width}x{height} pixels is too many to compare safely")
    orientation = _orientation(image)
    full = (height, width) if orientation in _ROTATED else (width, height)
    if fmt == "JPEG":
        _draft(image, work_side)
    image.load()
    upright = _reduced(_upright(image, orientation), work_side)
    table = _luma_table(image) if fmt == "JPEG" and orientation == 1 else None
    return Decoded(path, fmt, full, sha256, _to_rgb(upright), palette, table)


def _luma_table(image: Image.Image) -> tuple[int, ...] | None:
    """The first quantisation table (luminance) of a JPEG, when it has a usable one."""
    tables = getattr(image, "quantization", None)
    if not isinstance(tables, dict) or not tables:
        return None
    table = tuple(int(value) for value in tables[min(tables)])
    return table if len(table) == 64 and all(1 <= value <= 255 for value in table) else None


def _reduced(image: Image.Image, work_side: int) -> Image.Image:
    """Formats without draft decoding: shrink by a whole factor (fast box averaging) right away."""
    factor = max(image.size) // work_side
    if factor < 2:
        return image
    if image.mode not in ("RGB", "L", "RGBA", "LA", "CMYK"):
        image = _to_rgb(image)
    return image.reduce(factor)


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block must not stop the comparison
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _draft(image: Image.Image, work_side: int) -> None:
    width, height = image.size
    longer = max(width, height)
    if longer <= work_side:
        return
    factor = work_side / longer
    requested = (max(1, int(width * factor)), max(1, int(height * factor)))
    mode = "L" if image.mode == "L" else "RGB"
    image.draft(mode, requested)


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    if orientation == 1:
        return image
    try:
        return ImageOps.exif_transpose(image)
    except Exception:  # orientation unreadable: compare the pixels as stored
        return image


def _to_rgb(image: Image.Image) -> Image.Image:
    """RGB; transparent pixels are shown over white, as a page would show them."""
    if image.mode == "RGB":
        return image
    if image.mode.startswith("I") or image.mode == "F":  # 16/32-bit grey: scale to 8 bits
        values = np.asarray(image, dtype=np.float32)
        peak = 65535.0 if float(values.max(initial=0)) > 255 else 255.0
        image = Image.fromarray(np.uint8(np.clip(values * (255 / peak), 0, 255)), "L")
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return image.convert("RGB")
