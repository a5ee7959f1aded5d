"""Openverse: recognise result URLs and turn an image record into a SourceRecord.

Recognised: `openverse.org/image/<uuid>` (with or without a locale such as `/en/`),
`wordpress.org/openverse/image/<uuid>`, the old `search.creativecommons.org/photos/<uuid>`, and
API URLs `…/v1/images/<uuid>/`.

Asked: `GET <openverse_api>images/<uuid>/`. The record's `license` code and `license_version`
become a licence name ("by-sa" + "2.0" -> "CC BY-SA 2.0", "cc0" -> "CC0 1.0", "pdm" ->
"Public Domain Mark 1.0"); `license_url` loses Openverse's `?ref=openverse`; `foreign_landing_url`
is the work's page; 404 (`{"detail": "Not found."}`) is a RemoteError.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

from attrcheck.errors import RemoteError
from attrcheck.model import SourceRecord

RESULT_HOSTS = frozenset(
    {"openverse.org", "www.openverse.org", "search.creativecommons.org",
     "ccsearch.creativecommons.org", "wordpress.org", "www.wordpress.org"}
)  # fmt: skip
API_HOSTS = frozenset({"api.openverse.org", "api.openverse.engineering"})
RESULT_KINDS = frozenset({"image", "photos"})
NO_ATTRIBUTION = frozenset({"cc0", "pdm"})
SPECIAL_NAMES = {
    "cc0": "CC0",
    "pdm": "Public Domain Mark",
    "sampling+": "CC Sampling+",
    "nc-sampling+": "CC NC-Sampling+",
}


def openverse_id(url: str, api_hosts: frozenset[str] = frozenset()) -> str | None:
    """The Openverse image id (a UUID) a result or API URL refers to, or None."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host in API_HOSTS:
        return _after(segments, "images")
    if host in api_hosts:  # a configured stand-in: its API paths and its result pages
        return _after(segments, "images") or _after(segments, "image")
    if host in RESULT_HOSTS:
        for kind in RESULT_KINDS:
            found = _after(segments, kind)
            if found:
                return found
    return None


def _after(segments: list[str], marker: str) -> str | None:
    for index, segment in enumerate(segments[:-1]):
        if segment == marker:
            return _as_uuid(segments[index + 1])
    return None


def _as_uuid(text: str) -> str | None:
    try:
        return str(uuid.UUID(text))
    except ValueError:
        return None


def image_endpoint(api: str, image_id: str) -> str:
    base = api if api.endswith("/") else api + "/"
    return urljoin(base, f"images/{image_id}/")


def record_from_answer(status: int, data: Any, image_id: str, url: str) -> SourceRecord:
    """A SourceRecord from an Openverse image record; 404 and malformed answers raise."""
    if status == 404:
        raise RemoteError(f"Openverse: no image {image_id} (not found)")
    if not isinstance(data, Mapping) or status >= 400:
        detail = data.get("detail") if isinstance(data, Mapping) else None
        raise RemoteError(f"Openverse: image {image_id}: HTTP {status} {detail or ''}".strip())
    code = _text(data.get("license"))
    return SourceRecord(
        origin="remote",
        service="openverse",
        match=url,
        creator=_text(data.get("creator")),
        title=_text(data.get("title")),
        source=_text(data.get("foreign_landing_url")),
        licence=licence_name(code, _text(data.get("license_version"))),
        licence_url=clean_licence_url(_text(data.get("license_url"))),
        attribution_required=None if code is None else code.lower() not in NO_ATTRIBUTION,
        note=_provider_note(data),
    )


def licence_name(code: str | None, version: str | None) -> str | None:
    """'by-nc-sa' + '2.0' -> 'CC BY-NC-SA 2.0'; 'cc0' -> 'CC0 1.0'; None when unknown."""
    if not code:
        return None
    code = code.strip().lower()
    name = SPECIAL_NAMES.get(code)
    if name is None:
        if not code.startswith("by"):
            return None
        name = "CC " + code.upper()
    if version is None and code in ("cc0", "pdm"):
        version = "1.0"
    return f"{name} {version}" if version else name


def clean_licence_url(url: str | None) -> str | None:
    """Drop the `?ref=openverse` tracking query Openverse appends to deed URLs."""
    if not url:
        return None
    parts = urlsplit(url)
    return parts._replace(query="", fragment="").geturl() if parts.query else url


def _provider_note(data: Mapping[str, Any]) -> str | None:
    provider = _text(data.get("provider")) or _text(data.get("source"))
    return f"via Openverse, from {provider}" if provider else None


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
