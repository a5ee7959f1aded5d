"""Safe HTTP for remote provenance: every request attrcheck sends goes through `HttpClient`.

What it guarantees (issue 8):

- only http(s) URLs; hosts that resolve to private, loopback, link-local, multicast, reserved or
  otherwise non-global addresses are refused (after DNS resolution, on every redirect hop, and
  again on the socket actually connected, which defeats DNS rebinding) unless
  `remote.allow_private_hosts` is true;
- redirects are followed by hand (at most `MAX_REDIRECTS`), each hop checked as above;
- connect and read timeouts from the policy, a few retries with exponential backoff on 429 and 5xx,
  honouring `Retry-After` up to `RetryPolicy.max_wait` seconds;
- at most `MAX_PER_HOST` concurrent requests to one host (per process);
- downloads are streamed to a temporary file with a size cap (Content-Length checked first), the
  file is deleted on exit and never left half-written;
- answers are cached in SQLite by requests-cache (JSON serializer: a cache file is never
  unpickled); `offline` sends nothing at all, not even a DNS query, and answers only from the
  cache (stale entries included); `refresh` ignores what is cached and overwrites it.

Every failure is a `RemoteError` whose message names the URL and the reason.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import platformdirs
import requests
import requests_cache
import urllib3.exceptions
from requests.adapters import BaseAdapter, HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from attrcheck import __version__
from attrcheck.errors import RemoteError
from attrcheck.model import RemoteConfig

PROJECT_URL = "https://github.com/attrcheck/attrcheck"
USER_AGENT = f"attrcheck/{__version__} (+{PROJECT_URL}) python-requests/{requests.__version__}"
_Found = TypeVar("_Found", bound=BaseException)
MAX_REDIRECTS = 5
MAX_PER_HOST = 3
CHUNK_SIZE = 64 * 1024
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
CACHEABLE_STATUSES = (200, 203, 300, 301, 302, 303, 307, 308, 404, 410)
CACHE_FILE_NAME = "http-cache.sqlite"
IGNORED_PARAMETERS = ("api_key",)  # never part of a cache key, never stored in the cache


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a request answered with 429/5xx or a dropped connection."""

    attempts: int = 3  # tries in all
    backoff: float = 0.5  # first wait in seconds, doubled on each retry
    max_wait: float = 30.0  # a Retry-After longer than this is not waited for: the fetch fails


# --------------------------------------------------------------------------- address safety


def is_forbidden_address(address: str) -> bool:
    """True for an IP address attrcheck must not connect to unless private hosts are allowed."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        not ip.is_global
        or ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def url_host(url: str) -> str:
    """The host of an http(s) URL, or a RemoteError saying why the URL is refused."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise RemoteError(f"{url}: refused: malformed URL ({error})") from error
    if parts.scheme.lower() not in ("http", "https"):
        scheme = parts.scheme or "no scheme"
        raise RemoteError(f"{url}: refused: only http and https URLs are fetched, not {scheme}")
    if not host:
        raise RemoteError(f"{url}: refused: the URL has no host")
    return host


def check_url_allowed(url: str, *, allow_private: bool) -> None:
    """Refuse a URL whose scheme is not http(s) or whose host resolves to a forbidden address.

    Resolution happens here (a DNS query): call it only when a request is about to be sent.
    """
    host = url_host(url)
    if allow_private:
        return
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        reason = f"cannot resolve host {host}: {error}"
        raise HostUnreachable(f"{url}: {reason}", reason) from error
    for info in infos:
        address = str(info[4][0])
        if is_forbidden_address(address):
            raise RemoteError(
                f"{url}: refused: host {host} resolves to the non-public address {address} "
                "(set remote.allow_private_hosts: true to allow it)"
            )


class OfflineMiss(RemoteError):
    """Offline mode and the answer is not cached: nothing was asked, nothing failed."""


class HostUnreachable(RemoteError):
    """The host's name does not resolve or nothing answers there (no network, a dead host).

    Remembered for the rest of the run: later requests to the host fail at once, so a run
    without network costs one timeout per host, not one per figure."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class _RefusedPeer(OSError):
    """Raised inside urllib3 when the socket connected to a forbidden address."""


def _check_peer(sock: socket.socket, host: str) -> None:
    try:
        address = str(sock.getpeername()[0])
    except OSError:
        return
    if is_forbidden_address(address):
        sock.close()
        raise _RefusedPeer(
            f"refused: host {host} connected to the non-public address {address} "
            "(set remote.allow_private_hosts: true to allow it)"
        )


class _GuardedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _GuardedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _check_peer(sock, self.host)
        return sock


class _GuardedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _GuardedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _GuardedAdapter(HTTPAdapter):
    """An HTTPAdapter whose direct connections refuse non-public peers (DNS rebinding defence)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _GuardedHTTPPool,
            "https": _GuardedHTTPSPool,
        }


class _OfflineAdapter(BaseAdapter):
    """Mounted in offline mode: anything that would reach the network is an error, never sent."""

    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> Any:
        raise OfflineMiss(f"{request.url}: not in the cache, and offline mode sends no request")

    def close(self) -> None:
        return None


def _wrapped_in(error: BaseException, kind: type[_Found]) -> _Found | None:
    """Find an exception of `kind` wrapped inside requests/urllib3 exceptions."""
    seen: set[int] = set()
    stack: list[object] = [error]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return item
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return None


def _refusal_in(error: BaseException) -> _RefusedPeer | None:
    """Find a peer refusal wrapped inside requests/urllib3 exceptions."""
    return _wrapped_in(error, _RefusedPeer)


def _transient(error: requests.RequestException) -> bool:
    """Worth another try: no connection, or one dropped mid-answer. Not a read timeout (the
    server is there but slow: trying again would double the wait), a name that does not
    resolve, nor a malformed URL."""
    if isinstance(error, requests.ReadTimeout):
        return False
    if _wrapped_in(error, urllib3.exceptions.NameResolutionError) is not None:
        return False  # the resolver has answered: the name does not exist
    return isinstance(error, requests.ConnectionError | requests.exceptions.ChunkedEncodingError)


def _could_not_connect(error: requests.RequestException) -> bool:
    """True when no connection was made at all (name not resolved, refused, connect timeout),
    as opposed to a connection dropped or slow after it was made."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    return _wrapped_in(error, urllib3.exceptions.NewConnectionError) is not None


# --------------------------------------------------------------------------- retries


def retry_after_seconds(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), None if absent."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, moment.timestamp() - current)


# --------------------------------------------------------------------------- cache location


def cache_path(config: RemoteConfig) -> Path:
    """The SQLite file of the HTTP cache: `remote.cache` (a file, or a folder to put it in) or
    the platform's user cache directory."""
    if config.cache:
        path = Path(config.cache).expanduser()
        if path.is_dir() or config.cache.endswith(("/", os.sep)):
            return path / CACHE_FILE_NAME
        return path
    return Path(platformdirs.user_cache_dir("attrcheck", appauthor=False)) / CACHE_FILE_NAME


def _open_cached_session(config: RemoteConfig, *, offline: bool) -> requests_cache.CachedSession:
    """The SQLite-cached session. When the cache file cannot be opened (read-only home, a file
    that is not a database) an online run keeps its answers in memory instead; an offline run,
    which has nothing else to answer from, fails."""
    path = cache_path(config)
    settings: dict[str, Any] = {
        "serializer": "json",
        "expire_after": timedelta(days=config.expire_days),
        "allowable_codes": CACHEABLE_STATUSES,
        "allowable_methods": ("GET",),
        "ignored_parameters": IGNORED_PARAMETERS,
        "stale_if_error": offline,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return requests_cache.CachedSession(
            str(path),
            backend="sqlite",
            busy_timeout=30_000,  # parallel workers share the file
            **settings,
        )
    except Exception as error:  # sqlite3, OSError: the cache cannot be opened at all
        if offline:
            raise OfflineMiss(f"{path}: cannot open the HTTP cache: {error}") from error
        return requests_cache.CachedSession(backend="memory", **settings)


# --------------------------------------------------------------------------- the client


class HttpClient:
    """Cached, guarded HTTP GET for JSON APIs and image downloads (see the module docstring)."""

    def __init__(
        self,
        config: RemoteConfig,
        *,
        offline: bool = False,
        refresh: bool = False,
        retry: RetryPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self.offline = offline
        self.refresh = refresh and not offline
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._unreachable: dict[str, str] = {}  # host -> why nothing could be reached there
        self._cache_writable = True
        self._lock = threading.Lock()
        self._sessions: tuple[requests_cache.CachedSession, requests.Session] | None = None

    @property
    def _cached(self) -> requests_cache.CachedSession:
        """The cached session for API answers (opened on first use, so a run that never looks
        anything up never touches the cache file)."""
        return self._open()[0]

    @property
    def _plain(self) -> requests.Session:
        """The uncached session for streamed downloads (requests-cache would read a body whole)."""
        return self._open()[1]

    def _open(self) -> tuple[requests_cache.CachedSession, requests.Session]:
        with self._lock:
            if self._sessions is None:
                cached = _open_cached_session(self.config, offline=self.offline)
                plain = requests.Session()
                for session in (cached, plain):
                    session.headers["User-Agent"] = USER_AGENT
                    self._mount_adapters(session)
                self._sessions = (cached, plain)
            return self._sessions

    def _mount_adapters(self, session: requests.Session) -> None:
        if self.offline:
            adapter: BaseAdapter = _OfflineAdapter()
        elif self.config.allow_private_hosts:
            adapter = HTTPAdapter()
        else:
            adapter = _GuardedAdapter()
        session.mount("http://", adapter)
        session.mount("https://", adapter)

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, None
        if sessions is not None:
            sessions[1].close()
            sessions[0].close()  # type: ignore[no-untyped-call]

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ JSON APIs

    def get_json(self, url: str, params: Mapping[str, str] | None = None) -> tuple[int, Any]:
        """GET an API URL (cached), follow redirects safely; return (status, decoded JSON).

        A status other than 2xx/4xx after retries, or a body that is not JSON, is a RemoteError.
        """
        with _malformed_url_refused(url):
            request = requests.Request("GET", url, params=dict(params or {})).prepare()
            full_url = request.url or url
            response = self._follow(full_url, self._cached, stream=False)
        display = _redact(full_url)
        try:
            if response.status_code >= 500 or response.status_code in RETRY_STATUSES:
                raise RemoteError(f"{display}: HTTP {response.status_code} {response.reason}")
            try:
                return response.status_code, response.json()
            except ValueError as error:
                raise RemoteError(
                    f"{display}: HTTP {response.status_code}, answer is not JSON"
                ) from error
        finally:
            response.close()

    # ------------------------------------------------------------------ downloads

    @contextlib.contextmanager
    def download(self, url: str) -> Iterator[Path]:
        """Stream `url` to a temporary file (size-capped), yield its path, delete it on exit."""
        url_host(url)
        fd, name = tempfile.mkstemp(prefix="attrcheck-", suffix=_suffix_of(url))
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle, _malformed_url_refused(url):
                self._download_into(url, path, handle)
            yield path
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    def _download_into(self, url: str, path: Path, handle: Any) -> None:
        if not self.refresh and self._copy_cached_image(url, handle):
            return
        if self.offline:
            raise OfflineMiss(f"{url}: not in the cache, and offline mode sends no request")
        response = self._follow(url, self._plain, stream=True)
        try:
            if response.status_code != 200:
                raise RemoteError(f"{url}: HTTP {response.status_code} {response.reason}")
            self._check_declared_length(url, response)
            self._stream_capped(url, response, handle)
        finally:
            response.close()
        handle.flush()
        self._store_image(url, response, path)

    def _check_declared_length(self, url: str, response: requests.Response) -> None:
        declared = response.headers.get("Content-Length")
        if declared is None:
            return
        try:
            size = int(declared)
        except ValueError:
            return
        if size > self.config.max_bytes:
            raise RemoteError(
                f"{url}: refused: Content-Length {size} bytes exceeds the limit of "
                f"{self.config.max_bytes} bytes (remote.max_bytes)"
            )

    def _stream_capped(self, url: str, response: requests.Response, handle: Any) -> None:
        received = 0
        deadline = time.monotonic() + max(60.0, self.config.timeout * 6)
        try:
            for chunk in response.iter_content(CHUNK_SIZE):
                received += len(chunk)
                if received > self.config.max_bytes:
                    raise RemoteError(
                        f"{url}: refused: more than {self.config.max_bytes} bytes sent "
                        "(remote.max_bytes); download stopped"
                    )
                if time.monotonic() > deadline:
                    raise RemoteError(f"{url}: download too slow, stopped after {received} bytes")
                handle.write(chunk)
        except requests.RequestException as error:
            raise RemoteError(f"{url}: download failed: {_reason(error)}") from error
        handle.flush()

    def _copy_cached_image(self, url: str, handle: Any) -> bool:
        response = self._from_cache(url)
        if response is None or response.status_code != 200:
            return False
        handle.write(response.content)
        handle.flush()
        return True

    def _store_image(self, url: str, response: requests.Response, path: Path) -> None:
        """Keep the downloaded bytes in the cache under the URL asked for (offline runs, reruns)."""
        try:
            response._content = path.read_bytes()
            key_request = self._cached.prepare_request(requests.Request("GET", url))
            cache = self._cached.cache
            cache.save_response(
                response,
                cache_key=cache.create_key(key_request),
                expires=requests_cache.get_expiration_datetime(
                    timedelta(days=self.config.expire_days)
                ),
            )
        except Exception:  # a cache that cannot be written must not fail the check
            return

    # ------------------------------------------------------------------ one request

    def _follow(self, url: str, session: requests.Session, *, stream: bool) -> requests.Response:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            response = self._get_once(current, session, stream=stream)
            location = response.headers.get("Location")
            if response.status_code not in REDIRECT_STATUSES or not location:
                return response
            response.close()
            current = urljoin(current, location)
        raise RemoteError(f"{_redact(url)}: more than {MAX_REDIRECTS} redirects")

    def _from_cache(self, url: str) -> requests.Response | None:
        """The cached answer for `url` (stale ones too when offline), or None. Sends nothing."""
        try:
            response = self._cached.get(url, only_if_cached=True, allow_redirects=False)
        except sqlite3.Error as error:
            if self.offline:
                message = f"{cache_path(self.config)}: HTTP cache unusable: {error}"
                raise OfflineMiss(message) from error
            return None  # online: ask the source instead
        return None if _not_cached(response) else response

    def _get_once(self, url: str, session: requests.Session, *, stream: bool) -> requests.Response:
        cached_session = session is self._cached
        if cached_session and not self.refresh:
            response = self._from_cache(url)
            if response is not None:
                return response
        if self.offline:
            raise OfflineMiss(
                f"{_redact(url)}: not in the cache, and offline mode sends no request"
            )
        host = url_host(url).lower()
        with self._lock:
            known = self._unreachable.get(host)
        if known is not None:
            raise HostUnreachable(f"{_redact(url)}: {known} (not retried in this run)", known)
        try:
            check_url_allowed(url, allow_private=self.config.allow_private_hosts)
            with self._host_slot(host):
                return self._send_with_retries(url, session, stream=stream)
        except HostUnreachable as error:
            with self._lock:
                self._unreachable.setdefault(host, error.reason)
            raise

    def _send_with_retries(
        self, url: str, session: requests.Session, *, stream: bool
    ) -> requests.Response:
        timeout = (self.config.connect_timeout, self.config.timeout)
        extra: dict[str, Any] = {"headers": {"Accept-Encoding": "identity"}} if stream else {}
        for attempt in range(1, self.retry.attempts + 1):
            last = attempt == self.retry.attempts
            try:
                response = self._session_get(
                    session, url, timeout=timeout, allow_redirects=False, stream=stream, **extra
                )
            except requests.RequestException as error:
                refusal = _refusal_in(error)
                if refusal is not None:
                    raise RemoteError(f"{_redact(url)}: {refusal}") from error
                if last or not _transient(error):
                    reason = _reason(error)
                    if _could_not_connect(error):
                        raise HostUnreachable(f"{_redact(url)}: {reason}", reason) from error
                    raise RemoteError(f"{_redact(url)}: {reason}") from error
                self._sleep(self._backoff(attempt))
                continue
            if response.status_code not in RETRY_STATUSES or last:
                return response
            wait = self._wait_before_retry(url, response, attempt)
            response.close()
            self._sleep(wait)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _session_get(self, session: requests.Session, url: str, **kwargs: Any) -> requests.Response:
        """GET through `session`. A cache that cannot be written (read-only file, disk full) is
        given up for the rest of the run: the answer is still used, never a failed lookup."""
        if session is not self._cached:
            return session.get(url, **kwargs)
        if not self._cache_writable:
            return self._plain.get(url, **kwargs)
        try:
            return session.get(url, force_refresh=True, **kwargs)
        except sqlite3.Error:
            self._cache_writable = False
            return self._plain.get(url, **kwargs)

    def _backoff(self, attempt: int) -> float:
        return float(self.retry.backoff * (2 ** (attempt - 1)))

    def _wait_before_retry(self, url: str, response: requests.Response, attempt: int) -> float:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        if asked is None:
            return self._backoff(attempt)
        if asked > self.retry.max_wait:
            response.close()
            raise RemoteError(
                f"{_redact(url)}: HTTP {response.status_code}: the server asks to retry after "
                f"{asked:.0f} s, longer than {self.retry.max_wait:.0f} s"
            )
        return asked

    @contextlib.contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._lock:
            slot = self._host_slots.setdefault(host, threading.BoundedSemaphore(MAX_PER_HOST))
        with slot:
            yield


# --------------------------------------------------------------------------- helpers


@contextlib.contextmanager
def _malformed_url_refused(url: str) -> Iterator[None]:
    """requests, urllib3 and requests-cache raise ValueError (LocationParseError, InvalidURL,
    UnicodeError from IDNA) for hosts they cannot parse, e.g. a 70-character label, in the URL
    or in a redirect: a RemoteError like any other refusal, never a crash."""
    try:
        yield
    except ValueError as error:
        raise RemoteError(f"{_redact(url)}: refused: malformed URL ({error})") from error


def _not_cached(response: requests.Response) -> bool:
    """requests-cache answers a miss under only_if_cached with a synthetic 504 Not Cached."""
    return response.status_code == 504 and response.reason == "Not Cached"


def _reason(error: requests.RequestException) -> str:
    if isinstance(error, requests.ConnectTimeout):
        return "connection timed out"
    if isinstance(error, requests.ReadTimeout):
        return "no answer in time (read timeout)"
    if _wrapped_in(error, urllib3.exceptions.NameResolutionError) is not None:
        return "cannot resolve the host name"
    if isinstance(error, requests.ConnectionError):
        return "cannot connect"
    return type(error).__name__


def _redact(url: str) -> str:
    """The URL without secrets (api_key) for messages."""
    parts = urlsplit(url)
    if "api_key=" not in parts.query:
        return url
    query = "&".join(
        "api_key=…" if item.startswith("api_key=") else item for item in parts.query.split("&")
    )
    return parts._replace(query=query).geturl()


def _suffix_of(url: str) -> str:
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower()
    return suffix if 1 < len(suffix) <= 6 and suffix[1:].isalnum() else ""
