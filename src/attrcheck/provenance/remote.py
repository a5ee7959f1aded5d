"""Remote provenance (issue 8): ask Wikimedia Commons, Flickr or Openverse what they know about a
figure's image, and fetch remote images safely.

    with RemoteClient(policy.remote, offline=False, refresh=False) as remote:
        record = remote.lookup([figure.src, figure.link, *caption_link_urls])  # SourceRecord | None
        with remote.fetch_image("https://upload.wikimedia.org/…/Foo.jpg") as path:
            ...  # a temporary file, deleted on exit

`lookup` recognises the candidate URLs (see commons.py, flickr.py, openverse.py), asks the
service of each recognised one in the order given, and returns the first answer that names a
licence (else the first answer at all, e.g. a Flickr record skipped for want of an API key).
It returns None when no URL is recognised and raises RemoteError when every lookup failed.
When the URL that named the work is the work's own page (a Commons file page in any wiki or
language, a Flickr photo page), the record's `source` is that URL as written: the article
already links the work's page, whatever form the service gives it in.
All network traffic goes through fetch.HttpClient (safety checks, retries, cache, offline).
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from attrcheck.errors import RemoteError
from attrcheck.model import RemoteConfig, SourceRecord
from attrcheck.provenance import commons, flickr, openverse
from attrcheck.provenance.fetch import HttpClient, OfflineMiss

__all__ = ["OfflineMiss", "RemoteClient", "RemoteRef", "recognise"]

Service = Literal["commons", "flickr", "openverse"]
FLICKR_KEY_VARIABLE = "FLICKR_API_KEY"


@dataclass(frozen=True)
class RemoteRef:
    """A candidate URL recognised as naming one work on one service."""

    service: Service
    key: str  # Commons File: title, Flickr photo id, Openverse UUID
    url: str  # the URL as given
    photo: flickr.FlickrPhoto | None = None
    page: bool = False  # the URL is the work's own page (Commons file page, Flickr photo page)


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def recognise(url: str, config: RemoteConfig | None = None) -> RemoteRef | None:
    """Which service and work a URL names, or None. Sends nothing.

    Besides the services' public hosts, the hosts of the configured endpoints are recognised too
    (a mirror or stand-in serving `/wiki/File:…`, `/photos/<user>/<id>`, `/image/<uuid>`).
    """
    config = config or RemoteConfig()
    title = commons.commons_title(url, {_host(config.commons_api)} - {""})
    if title is not None:
        return RemoteRef("commons", title, url, page=commons.is_file_page(url))
    photo = flickr.flickr_photo(url, frozenset({_host(config.flickr_api)} - {""}))
    if photo is not None:
        return RemoteRef("flickr", photo.id, url, photo, page=photo.page is not None)
    image_id = openverse.openverse_id(url, frozenset({_host(config.openverse_api)} - {""}))
    if image_id is not None:
        return RemoteRef("openverse", image_id, url)
    return None


class RemoteClient:
    """Lookups of a work's own record on Commons, Flickr or Openverse, and remote image fetches.

    `offline=True` sends nothing at all and answers from the cache only; `refresh=True` ignores
    the cache (and rewrites it). Use it as a context manager, or call close().
    """

    def __init__(
        self, config: RemoteConfig, *, offline: bool = False, refresh: bool = False
    ) -> None:
        self.config = config
        self.offline = offline
        self.refresh = refresh
        self.flickr_api_key = os.environ.get(FLICKR_KEY_VARIABLE, "").strip() or None
        self._http = HttpClient(config, offline=offline, refresh=refresh)
        self._answers: dict[tuple[str, str], SourceRecord | RemoteError] = {}
        self._answers_lock = threading.Lock()

    def __enter__(self) -> RemoteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------------ lookups

    def lookup(self, urls: Sequence[str]) -> SourceRecord | None:
        """The service's record for the first recognised URL that yields one (see module doc)."""
        refs = self._recognised(urls)
        if not refs:
            return None
        fallback: SourceRecord | None = None
        first_error: RemoteError | None = None
        for ref in refs:
            try:
                record = self._answer(ref)
            except RemoteError as error:
                first_error = first_error or error
                continue
            if record.licence:
                return record
            fallback = fallback or record
        if fallback is not None:
            return fallback
        assert first_error is not None
        raise first_error

    def _recognised(self, urls: Sequence[str]) -> list[RemoteRef]:
        refs: list[RemoteRef] = []
        seen: set[tuple[str, str]] = set()
        for url in urls:
            if not isinstance(url, str) or not url.strip():
                continue
            ref = recognise(url, self.config)
            if ref is not None and (ref.service, ref.key) not in seen:
                seen.add((ref.service, ref.key))
                refs.append(ref)
        return refs

    def _answer(self, ref: RemoteRef) -> SourceRecord:
        """The record for `ref`, asked once per client (failures remembered too)."""
        memo_key = (ref.service, ref.key)
        with self._answers_lock:
            known = self._answers.get(memo_key)
        if known is None:
            try:
                known = self._ask(ref)
            except RemoteError as error:
                known = error
            with self._answers_lock:
                self._answers[memo_key] = known
        if isinstance(known, RemoteError):
            raise known
        if ref.page:  # the work's page as the article links it (mobile, localised, by nsid…)
            return replace(known, match=ref.url, source=ref.url)
        return replace(known, match=ref.url)

    def _ask(self, ref: RemoteRef) -> SourceRecord:
        if ref.service == "commons":
            return self._ask_commons(ref)
        if ref.service == "flickr":
            return self._ask_flickr(ref)
        return self._ask_openverse(ref)

    def _ask_commons(self, ref: RemoteRef) -> SourceRecord:
        status, data = self._http.get_json(self.config.commons_api, commons.commons_params(ref.key))
        if status != 200:
            raise RemoteError(f"Commons: HTTP {status} for {ref.key}")
        return commons.record_from_answer(data, ref.key, ref.url)

    def _ask_flickr(self, ref: RemoteRef) -> SourceRecord:
        photo = ref.photo or flickr.FlickrPhoto(ref.key)
        if self.flickr_api_key is None:
            return flickr.skipped_record(photo, ref.url)
        params = flickr.flickr_params(photo.id, self.flickr_api_key)
        status, data = self._http.get_json(self.config.flickr_api, params)
        if status != 200:
            raise RemoteError(f"Flickr: HTTP {status} for photo {photo.id}")
        return flickr.record_from_answer(data, photo, ref.url)

    def _ask_openverse(self, ref: RemoteRef) -> SourceRecord:
        endpoint = openverse.image_endpoint(self.config.openverse_api, ref.key)
        status, data = self._http.get_json(endpoint)
        return openverse.record_from_answer(status, data, ref.key, ref.url)

    # ------------------------------------------------------------------ images

    def fetch_image(self, url: str) -> contextlib.AbstractContextManager[Path]:
        """Download `url` to a temporary file (size-capped, guarded); delete it on exit."""
        return self._http.download(url)
