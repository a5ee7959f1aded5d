"""Flickr: recognise photo URLs and turn a `flickr.photos.getInfo` answer into a SourceRecord.

Recognised: photo pages (`flickr.com/photos/<user>/<id>/…`, also `m.` and `secure.`),
`flickr.com/photo.gne?id=<id>`, short links `flic.kr/p/<base58>` (decoded here, no request) and
static image URLs (`live.staticflickr.com/<server>/<id>_<secret>….jpg`, `farmN.staticflickr.com`).

Asked: `method=flickr.photos.getInfo&photo_id=…&api_key=…&format=json&nojsoncallback=1`; the key
comes from the FLICKR_API_KEY environment variable. `{"stat": "fail", "code": …, "message": …}`
is a RemoteError. Licence ids follow `flickr.photos.licenses.getInfo` (0–16).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from attrcheck.errors import RemoteError
from attrcheck.model import SourceRecord

BASE58_ALPHABET = "123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
FLICKR_HOSTS = frozenset({"flickr.com", "www.flickr.com", "m.flickr.com", "secure.flickr.com"})
SHORT_HOSTS = frozenset({"flic.kr", "www.flic.kr"})
SKIPPED_NOTE = "Flickr lookup skipped: set FLICKR_API_KEY"


@dataclass(frozen=True)
class FlickrLicence:
    name: str  # as the licence database recognises it
    url: str | None
    attribution_required: bool | None


CC = "https://creativecommons.org/"

# flickr.photos.licenses.getInfo, ids 0-16 (the 2.0 generic CC licences, then 4.0 since 2020).
FLICKR_LICENCES: Mapping[int, FlickrLicence] = {
    0: FlickrLicence("All Rights Reserved", None, None),
    1: FlickrLicence("CC BY-NC-SA 2.0", CC + "licenses/by-nc-sa/2.0/", True),
    2: FlickrLicence("CC BY-NC 2.0", CC + "licenses/by-nc/2.0/", True),
    3: FlickrLicence("CC BY-NC-ND 2.0", CC + "licenses/by-nc-nd/2.0/", True),
    4: FlickrLicence("CC BY 2.0", CC + "licenses/by/2.0/", True),
    5: FlickrLicence("CC BY-SA 2.0", CC + "licenses/by-sa/2.0/", True),
    6: FlickrLicence("CC BY-ND 2.0", CC + "licenses/by-nd/2.0/", True),
    7: FlickrLicence(
        "No known copyright restrictions", "https://www.flickr.com/commons/usage/", None
    ),
    8: FlickrLicence("United States Government Work", "http://www.usa.gov/copyright.shtml", False),
    9: FlickrLicence("CC0 1.0", CC + "publicdomain/zero/1.0/", False),
    10: FlickrLicence("Public Domain Mark 1.0", CC + "publicdomain/mark/1.0/", False),
    11: FlickrLicence("CC BY 4.0", CC + "licenses/by/4.0/", True),
    12: FlickrLicence("CC BY-SA 4.0", CC + "licenses/by-sa/4.0/", True),
    13: FlickrLicence("CC BY-ND 4.0", CC + "licenses/by-nd/4.0/", True),
    14: FlickrLicence("CC BY-NC 4.0", CC + "licenses/by-nc/4.0/", True),
    15: FlickrLicence("CC BY-NC-SA 4.0", CC + "licenses/by-nc-sa/4.0/", True),
    16: FlickrLicence("CC BY-NC-ND 4.0", CC + "licenses/by-nc-nd/4.0/", True),
}


@dataclass(frozen=True)
class FlickrPhoto:
    """A photo named by a URL: its id, and its page URL when the URL was the page."""

    id: str
    page: str | None = None


def base58_decode(text: str) -> int:
    """Decode a flic.kr short id (Flickr's base58 alphabet, no 0/O/I/l)."""
    number = 0
    for char in text:
        digit = BASE58_ALPHABET.find(char)
        if digit < 0:
            raise ValueError(f"not a flic.kr id: {text!r}")
        number = number * 58 + digit
    return number


def flickr_photo(url: str, page_hosts: frozenset[str] = frozenset()) -> FlickrPhoto | None:
    """The Flickr photo a URL refers to, or None. `page_hosts` adds hosts serving photo pages."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host in SHORT_HOSTS:
        return _short_link(segments)
    if host.endswith("staticflickr.com"):
        return _static_image(segments)
    if host in FLICKR_HOSTS or host in page_hosts:
        if segments[:1] == ["photo.gne"]:
            ids = parse_qs(parts.query).get("id", [])
            return FlickrPhoto(ids[0]) if ids and ids[0].isdigit() else None
        if len(segments) >= 3 and segments[0] == "photos" and segments[2].isdigit():
            page = f"https://www.flickr.com/photos/{segments[1]}/{segments[2]}/"
            return FlickrPhoto(segments[2], page if host in FLICKR_HOSTS else url)
    return None


def _short_link(segments: list[str]) -> FlickrPhoto | None:
    if len(segments) != 2 or segments[0] != "p":
        return None
    try:
        return FlickrPhoto(str(base58_decode(segments[1])))
    except ValueError:
        return None


def _static_image(segments: list[str]) -> FlickrPhoto | None:
    if not segments:
        return None
    stem = segments[-1].rsplit(".", 1)[0]
    photo_id, _, secret = stem.partition("_")
    return FlickrPhoto(photo_id) if photo_id.isdigit() and secret else None


def flickr_params(photo_id: str, api_key: str) -> dict[str, str]:
    return {
        "method": "flickr.photos.getInfo",
        "api_key": api_key,
        "photo_id": photo_id,
        "format": "json",
        "nojsoncallback": "1",
    }


def skipped_record(photo: FlickrPhoto, url: str) -> SourceRecord:
    """What is known without an API key: the photo page, no licence, and why."""
    return SourceRecord(
        origin="remote", service="flickr", match=url, source=photo.page, note=SKIPPED_NOTE
    )


def record_from_answer(data: Any, photo: FlickrPhoto, url: str) -> SourceRecord:
    """A SourceRecord from a getInfo answer; `stat: fail` and malformed answers raise."""
    if not isinstance(data, Mapping):
        raise RemoteError(f"Flickr: unexpected answer for photo {photo.id}")
    if data.get("stat") != "ok":
        code = data.get("code", "?")
        message = data.get("message", "request failed")
        raise RemoteError(f"Flickr: photo {photo.id}: {message} (error {code})")
    info = data.get("photo")
    if not isinstance(info, Mapping):
        raise RemoteError(f"Flickr: unexpected answer for photo {photo.id} (no photo)")
    licence, note = _licence(info.get("license"))
    return SourceRecord(
        origin="remote",
        service="flickr",
        match=url,
        creator=_owner_name(info.get("owner")),
        title=_content(info.get("title")),
        source=_photo_page(info) or photo.page,
        licence=licence.name if licence else None,
        licence_url=licence.url if licence else None,
        attribution_required=licence.attribution_required if licence else None,
        note=note,
    )


def _licence(value: Any) -> tuple[FlickrLicence | None, str | None]:
    try:
        licence_id = int(str(value).strip())
    except ValueError:
        return None, f"Flickr gave no usable licence id ({value!r})"
    licence = FLICKR_LICENCES.get(licence_id)
    if licence is None:
        return None, f"unknown Flickr licence id {licence_id}"
    if licence_id == 0:
        return licence, "all rights reserved on Flickr: reuse needs the owner's permission"
    return licence, None


def _content(value: Any) -> str | None:
    """Flickr wraps text as {"_content": "…"}; empty means absent."""
    text = value.get("_content") if isinstance(value, Mapping) else value
    if not isinstance(text, str):
        return None
    return " ".join(html.unescape(text).split()) or None


def _owner_name(owner: Any) -> str | None:
    if not isinstance(owner, Mapping):
        return None
    for key in ("realname", "username"):
        value = owner.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(html.unescape(value).split())
    return None


def _photo_page(info: Mapping[str, Any]) -> str | None:
    urls = info.get("urls")
    entries = urls.get("url") if isinstance(urls, Mapping) else None
    if not isinstance(entries, list):
        return None
    for entry in entries:
        if isinstance(entry, Mapping) and entry.get("type") == "photopage":
            return _content(entry)
    return None
