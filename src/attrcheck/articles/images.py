"""Where a figure's image lives: resolving `src` against the article and the site root.

- `http://` / `https://` URLs (and protocol-relative `//host/…`) are remote references;
- `data:` URIs are inline data;
- a relative path resolves against the article's folder, an absolute one (`/img/x.jpg`) against
  the root (`--root DIR`, default the folder given on the command line). When that file does not
  exist but the same path exists under the root's `static/` (Hugo) or `public/` folder, that one is
  used;
- `file:` URLs are local paths; a template prefix such as `{{ site.baseurl }}` is dropped;
- query strings and fragments are removed and percent-escapes decoded for local files.

A local path is returned even when no file is there: the engine reports it (AC901).
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from attrcheck.articles.discover import ArticleFile
from attrcheck.model import Figure, ImageRef

SITE_FOLDERS = ("static", "public")


def resolve_image(figure: Figure, file: ArticleFile) -> ImageRef:
    return resolve_src(figure.src, file)


def resolve_src(src: str, file: ArticleFile) -> ImageRef:
    reference = _drop_template_prefix(src.strip())
    if not reference:
        return ImageRef(kind="missing", reason="the image has no src")
    lowered = reference.lower()
    if lowered.startswith("data:"):
        return ImageRef(kind="data", reason="inline data: URI")
    if lowered.startswith("//"):
        return ImageRef(kind="remote", url="https:" + reference)
    scheme = urlsplit(reference).scheme.lower()
    if scheme in ("http", "https"):
        return ImageRef(kind="remote", url=reference)
    if scheme == "file":
        return ImageRef(kind="local", path=str(Path(unquote(urlsplit(reference).path))))
    if len(scheme) > 1:  # mailto:, ftp:, … (a one-letter scheme is a Windows drive)
        return ImageRef(kind="missing", reason=f"unsupported image address scheme {scheme}:")
    return ImageRef(kind="local", path=str(_local_path(reference, file)))


def _drop_template_prefix(src: str) -> str:
    if src.startswith(("{{", "{%")):
        closer = "}}" if src.startswith("{{") else "%}"
        end = src.find(closer)
        if end >= 0:
            return src[end + len(closer) :].strip()
    return src


def _local_path(reference: str, file: ArticleFile) -> Path:
    parts = urlsplit(reference)
    relative = unquote(parts.path) if not _is_windows_drive(reference) else reference
    if relative.startswith("/"):
        stripped = relative.lstrip("/")
        primary = _normalised(file.root / stripped)
        if primary.exists():
            return primary
        for folder in SITE_FOLDERS:
            candidate = _normalised(file.root / folder / stripped)
            if candidate.exists():
                return candidate
        return primary
    return _normalised(file.path.parent / relative)


def _is_windows_drive(reference: str) -> bool:
    return len(reference) > 2 and reference[1] == ":" and reference[0].isalpha()


def _normalised(path: Path) -> Path:
    return Path(os.path.normpath(path))
