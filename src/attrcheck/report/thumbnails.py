"""Small JPEG thumbnails as data: URIs for the dashboard, made with Pillow from local images only.

A missing, unreadable or remote image gives no thumbnail and a short note saying why; nothing is
ever fetched. Thumbnails are cached per file (path, size, modification time), so an image used by
many figures is decoded once.
"""

from __future__ import annotations

import base64
import io
import os
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

MAX_SIDE = 240
JPEG_QUALITY = 72


class Thumbnailer:
    """Makes thumbnails for image records ({path, url, ...}); relative paths start at base_dir."""

    def __init__(self, base_dir: str | None = None) -> None:
        self.base_dir = base_dir
        self._cache: dict[tuple[str, int, int], str | None] = {}

    def for_image(self, image: Any) -> tuple[str | None, str]:
        """(data URI or None, note on why there is none)."""
        if not image:
            return None, "no image file"
        path = image.get("path")
        if not path:
            return None, "remote image, not embedded" if image.get("url") else "no image file"
        file = Path(str(path))
        if not file.is_absolute() and self.base_dir:
            file = Path(self.base_dir) / file
        try:
            stat = file.stat()
        except OSError:
            return None, "image file not found"
        key = (str(file), stat.st_size, stat.st_mtime_ns)
        if key not in self._cache:
            self._cache[key] = thumbnail_data_uri(file)
        uri = self._cache[key]
        return uri, "" if uri else "image could not be read"


def thumbnail_data_uri(path: str | os.PathLike[str]) -> str | None:
    """A JPEG data: URI at most MAX_SIDE pixels on its longer side, or None if unreadable."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: only downscaled here
            with Image.open(path) as image:
                image.draft("RGB", (MAX_SIDE * 2, MAX_SIDE * 2))
                small = ImageOps.exif_transpose(image)
                small.thumbnail((MAX_SIDE, MAX_SIDE))
                data = jpeg_bytes(small)
    except Exception:  # Pillow raises many kinds (OSError, ValueError, SyntaxError, bombs...)
        return None
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")


def jpeg_bytes(image: Image.Image) -> bytes:
    rgb = flatten(image)
    buffer = io.BytesIO()
    rgb.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue()


def flatten(image: Image.Image) -> Image.Image:
    """RGB on a white background (transparent PNG/WebP/GIF would turn black in JPEG)."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")
