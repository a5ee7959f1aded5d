"""Safe fetching of remote images and the HTTP cache (issue 8), against local servers only:
scheme and address refusal (also on redirects and after DNS rebinding), size caps, retries with
Retry-After, offline mode, answers from the cache, no partial files left behind."""

from __future__ import annotations

import contextlib
import http.server
import socket
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from attrcheck.errors import RemoteError
from attrcheck.model import RemoteConfig
from attrcheck.provenance import fetch
from attrcheck.provenance.fetch import HttpClient, RetryPolicy
from attrcheck.provenance.remote import RemoteClient

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 2000 + b"\xff\xd9"
MB = 1024 * 1024


def make_config(tmp_path: Path, **overrides: Any) -> RemoteConfig:
    values: dict[str, Any] = {"allow_private_hosts": True, "cache": str(tmp_path / "c.sqlite")}
    values.update(overrides)
    return RemoteConfig(**values)


@pytest.fixture(autouse=True)
def _private_tempdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary downloads land in a folder of their own, so leftovers can be counted."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "downloads").iterdir())


def fetch_error(client: RemoteClient | HttpClient, url: str) -> str:
    """The RemoteError message that fetching `url` ends with; fails the test if it succeeds."""
    fetcher = client.fetch_image if isinstance(client, RemoteClient) else client.download
    with pytest.raises(RemoteError) as caught, fetcher(url):
        pass
    return str(caught.value)


class Waits(list[float]):
    """A sleep() that records how long it was asked to wait."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


# --------------------------------------------------------------------------- downloads


def test_fetch_image_streams_to_a_file_deleted_on_exit(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/img/photo.jpg").respond_with_data(JPEG, content_type="image/jpeg")
    with RemoteClient(make_config(tmp_path)) as client:
        with client.fetch_image(httpserver.url_for("/img/photo.jpg")) as path:
            assert path.read_bytes() == JPEG
            assert path.suffix == ".jpg"
        assert not path.exists()
    assert leftovers(tmp_path) == []
    assert httpserver.log[0][0].headers["User-Agent"].startswith("attrcheck/")


def test_the_file_is_deleted_when_the_caller_fails(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/a.jpg").respond_with_data(JPEG)
    client = RemoteClient(make_config(tmp_path))
    with client, pytest.raises(ValueError), client.fetch_image(httpserver.url_for("/a.jpg")):
        raise ValueError("reader failed")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/a.jpg",
        "gopher://x/",
        "data:image/png;base64,AA==",
        "//x/a.jpg",
    ],
)
def test_non_http_schemes_are_refused(tmp_path: Path, url: str) -> None:
    with RemoteClient(make_config(tmp_path)) as client:
        assert "refused" in fetch_error(client, url)
    assert leftovers(tmp_path) == []


def test_http_error_status_is_a_remote_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/gone.jpg").respond_with_data("no", status=404)
    with RemoteClient(make_config(tmp_path)) as client:
        assert "HTTP 404" in fetch_error(client, httpserver.url_for("/gone.jpg"))
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------- size caps


class HostileServer:
    """A raw socket server on 127.0.0.1 that answers every request with `head`, then streams the
    same 64 KiB block until `limit` bytes are sent or the client hangs up. It allocates next to
    nothing itself, so tracemalloc measures the client alone."""

    def __init__(self, head: bytes, limit: int) -> None:
        self.head = head
        self.limit = limit
        self.sent = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        block = b"\xff" * 65536
        with contextlib.suppress(OSError):
            connection, _ = self.listener.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(self.head)
                while self.sent < self.limit:
                    connection.sendall(block)
                    self.sent += len(block)

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=10)


def client_peak_memory(config: RemoteConfig, url: str, expected: str) -> int:
    tracemalloc.start()
    try:
        with RemoteClient(config) as client:
            assert expected in fetch_error(client, url)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_huge_content_length_is_cut_off_before_reading(tmp_path: Path) -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: 536870912\r\n\r\n"
    server = HostileServer(head, limit=512 * MB)
    try:
        url = f"http://127.0.0.1:{server.port}/huge.jpg"
        config = make_config(tmp_path, max_bytes=25 * MB)
        peak = client_peak_memory(config, url, "Content-Length 536870912 bytes exceeds")
    finally:
        server.close()
    assert peak < 4 * MB
    assert server.sent < 64 * MB  # the download was stopped long before 512 MB
    assert leftovers(tmp_path) == []


def test_lying_server_without_content_length_is_stopped_at_max_bytes(tmp_path: Path) -> None:
    head = b"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\n\r\n"  # ends when the server closes
    server = HostileServer(head, limit=512 * MB)
    try:
        url = f"http://127.0.0.1:{server.port}/lie.jpg"
        config = make_config(tmp_path, max_bytes=1 * MB)
        peak = client_peak_memory(config, url, "more than 1048576 bytes")
    finally:
        server.close()
    assert peak < 4 * MB
    assert server.sent < 64 * MB
    assert leftovers(tmp_path) == []


def test_truncated_body_is_a_remote_error_and_leaves_no_file(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    def handler(request: Request) -> Response:
        return Response(
            iter([b"\xff" * 1000]), headers={"Content-Length": "5000"}, direct_passthrough=True
        )

    httpserver.expect_request("/short.jpg").respond_with_handler(handler)
    with RemoteClient(make_config(tmp_path)) as client:
        assert "download failed" in fetch_error(client, httpserver.url_for("/short.jpg"))
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------- address safety


@pytest.mark.parametrize(
    "address",
    [
        *("10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "::1", "fe80::1%eth0"),
        *("169.254.169.254", "224.0.0.1", "ff02::1", "::ffff:127.0.0.1", "0.0.0.0"),
        *("100.64.0.1", "240.0.0.1", "fc00::1", "junk"),
    ],
)
def test_forbidden_addresses(address: str) -> None:
    assert fetch.is_forbidden_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946"]
)
def test_public_addresses(address: str) -> None:
    assert not fetch.is_forbidden_address(address)


def test_private_host_is_refused_unless_allowed(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/a.jpg").respond_with_data(JPEG)
    url = httpserver.url_for("/a.jpg")
    with RemoteClient(make_config(tmp_path, allow_private_hosts=False)) as client:
        assert "non-public address 127.0.0.1" in fetch_error(client, url)
    assert httpserver.log == []
    with (
        RemoteClient(make_config(tmp_path, allow_private_hosts=True)) as client,
        client.fetch_image(url) as path,
    ):
        assert path.read_bytes() == JPEG


@pytest.fixture
def server_counts_as_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat the local test server (127.0.0.1) as a public host, everything else as usual."""
    real = fetch.is_forbidden_address
    monkeypatch.setattr(fetch, "is_forbidden_address", lambda a: a != "127.0.0.1" and real(a))


@pytest.mark.usefixtures("server_counts_as_public")
@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:9/x",
        "http://10.1.2.3/x",
        "file:///etc/passwd",
    ],
)
def test_redirect_to_a_private_address_is_refused(
    httpserver: HTTPServer, tmp_path: Path, target: str
) -> None:
    httpserver.expect_request("/start.jpg").respond_with_data(
        "", status=302, headers={"Location": target}
    )
    url = f"http://127.0.0.1:{httpserver.port}/start.jpg"
    with RemoteClient(make_config(tmp_path, allow_private_hosts=False)) as client:
        assert "refused" in fetch_error(client, url)
    assert len(httpserver.log) == 1  # the first hop only
    assert leftovers(tmp_path) == []


@pytest.mark.usefixtures("server_counts_as_public")
def test_redirect_to_a_name_resolving_privately_is_refused(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "intranet.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.9.8.7", 80))]
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    httpserver.expect_request("/start.jpg").respond_with_data(
        "", status=301, headers={"Location": "http://intranet.example/secret.jpg"}
    )
    url = f"http://127.0.0.1:{httpserver.port}/start.jpg"
    with RemoteClient(make_config(tmp_path, allow_private_hosts=False)) as client:
        message = fetch_error(client, url)
    assert "intranet.example resolves to the non-public address 10.9.8.7" in message


def test_dns_rebinding_is_caught_on_the_connected_socket(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The name resolves publicly when checked, then to 127.0.0.1 when connecting."""
    real_getaddrinfo = socket.getaddrinfo
    answers = iter(["93.184.216.34"])

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "rebind.example":
            address = next(answers, "127.0.0.1")
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    httpserver.expect_request("/a.jpg").respond_with_data(JPEG)
    url = f"http://rebind.example:{httpserver.port}/a.jpg"
    with RemoteClient(make_config(tmp_path, allow_private_hosts=False)) as client:
        assert "connected to the non-public address 127.0.0.1" in fetch_error(client, url)
    assert httpserver.log == []


def test_redirects_are_followed_and_bounded(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/r1").respond_with_data("", status=301, headers={"Location": "/r2"})
    httpserver.expect_request("/r2").respond_with_data(
        "", status=307, headers={"Location": "/final.jpg"}
    )
    httpserver.expect_request("/final.jpg").respond_with_data(JPEG)
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    with RemoteClient(make_config(tmp_path)) as client:
        with client.fetch_image(httpserver.url_for("/r1")) as path:
            assert path.read_bytes() == JPEG
        assert "more than 5 redirects" in fetch_error(client, httpserver.url_for("/loop"))


# --------------------------------------------------------------------------- retries


def test_429_with_retry_after_is_retried_after_the_wait(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_ordered_request("/busy.jpg").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "2"}
    )
    httpserver.expect_ordered_request("/busy.jpg").respond_with_data(JPEG)
    waits = Waits()
    http = HttpClient(make_config(tmp_path), sleep=waits)
    with http, http.download(httpserver.url_for("/busy.jpg")) as path:
        assert path.read_bytes() == JPEG
    assert waits == [2.0]


def test_5xx_is_retried_with_backoff_then_fails(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/down.jpg").respond_with_data("down", status=503)
    waits = Waits()
    retry = RetryPolicy(attempts=3, backoff=0.5)
    with HttpClient(make_config(tmp_path), retry=retry, sleep=waits) as http:
        assert "HTTP 503" in fetch_error(http, httpserver.url_for("/down.jpg"))
    assert waits == [0.5, 1.0]
    assert len(httpserver.log) == 3


def test_a_retry_after_beyond_the_bound_is_not_waited_for(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/later").respond_with_json(
        {}, status=429, headers={"Retry-After": "3600"}
    )
    waits = Waits()
    http = HttpClient(make_config(tmp_path), sleep=waits)
    with http, pytest.raises(RemoteError, match="retry after 3600 s"):
        http.get_json(httpserver.url_for("/later"))
    assert waits == [] and len(httpserver.log) == 1


def test_retry_after_forms() -> None:
    assert fetch.retry_after_seconds("7") == 7.0
    assert fetch.retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == 10.0
    assert fetch.retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412490.0) == 0.0
    assert fetch.retry_after_seconds("soon") is None
    assert fetch.retry_after_seconds(None) is None


def test_unreachable_host_is_a_remote_error(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    waits = Waits()
    with HttpClient(make_config(tmp_path, connect_timeout=1.0), sleep=waits) as http:
        assert "cannot connect" in fetch_error(http, f"http://127.0.0.1:{port}/a.jpg")
    assert len(waits) == 2


def test_unreachable_host_is_not_retried_again_in_the_same_run(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    waits = Waits()
    with HttpClient(make_config(tmp_path, connect_timeout=1.0), sleep=waits) as http:
        fetch_error(http, f"http://127.0.0.1:{port}/a.jpg")
        message = fetch_error(http, f"http://127.0.0.1:{port}/b.jpg")
        with pytest.raises(RemoteError, match="not retried in this run"):
            http.get_json(f"http://127.0.0.1:{port}/api")
    assert "cannot connect (not retried in this run)" in message
    assert len(waits) == 2  # the first request's retries only


@pytest.mark.parametrize("allow_private", [True, False])
@pytest.mark.parametrize(
    "url", ["http://" + "a" * 70 + ".example/x.jpg", "http://xn--.example/x.jpg", "http://a..b/x"]
)
def test_unparseable_hosts_are_refused_not_a_crash(
    tmp_path: Path, url: str, allow_private: bool
) -> None:
    waits = Waits()
    config = make_config(tmp_path, allow_private_hosts=allow_private)
    with HttpClient(config, sleep=waits) as http:
        fetch_error(http, url)
        with pytest.raises(RemoteError):
            http.get_json(url)
    with HttpClient(config, offline=True) as http:
        fetch_error(http, url)
    assert waits == []


def test_name_that_does_not_resolve_is_not_retried_and_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def no_such_name(host: Any, *args: Any, **kwargs: Any) -> Any:
        asked.append(str(host))
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_name)
    waits = Waits()
    for allow_private in (True, False):
        asked.clear()
        config = make_config(tmp_path, allow_private_hosts=allow_private)
        with HttpClient(config, sleep=waits) as http:
            assert "resolve" in fetch_error(http, "http://nowhere.example/a.jpg")
            assert "not retried in this run" in fetch_error(http, "http://nowhere.example/b.jpg")
        assert asked == ["nowhere.example"]
    assert waits == []


def test_redirect_to_an_unparseable_host_is_refused(tmp_path: Path) -> None:
    """(werkzeug will not send such a Location, so a bare http.server does.)"""

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(302)
            self.send_header("Location", "http://" + "b" * 70 + ".example/x.jpg")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with HttpClient(make_config(tmp_path)) as client:
            url = f"http://127.0.0.1:{server.server_address[1]}/start.jpg"
            assert "refused: malformed URL" in fetch_error(client, url)
    finally:
        server.shutdown()
        server.server_close()
    assert leftovers(tmp_path) == []


def test_at_most_a_few_concurrent_requests_per_host(tmp_path: Path) -> None:
    server = HTTPServer(threaded=True)
    server.start()
    active = []
    peak = []
    lock = threading.Lock()

    def handler(request: Request) -> Response:
        with lock:
            active.append(1)
            peak.append(len(active))
        time.sleep(0.2)
        with lock:
            active.pop()
        return Response(JPEG, content_type="image/jpeg")

    server.expect_request("/slow.jpg").respond_with_handler(handler)
    errors = []
    try:
        with RemoteClient(make_config(tmp_path)) as client:

            def worker(n: int) -> None:
                try:
                    with client.fetch_image(server.url_for(f"/slow.jpg?n={n}")) as path:
                        assert path.read_bytes() == JPEG
                except Exception as error:  # reported below
                    errors.append(error)

            threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
    finally:
        server.clear()
        server.stop()
    assert errors == []
    assert len(peak) == 8 and max(peak) <= fetch.MAX_PER_HOST


# --------------------------------------------------------------------------- cache and offline


def test_offline_sends_no_request(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLICKR_API_KEY", "k")
    httpserver.expect_request("/a.jpg").respond_with_data(JPEG)
    httpserver.expect_request("/api").respond_with_json({"ok": True})

    def no_dns(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("offline mode resolved a name")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    api = httpserver.url_for("/api")
    config = make_config(tmp_path, commons_api=api, flickr_api=api, openverse_api=api)
    with RemoteClient(config, offline=True) as client:
        assert "offline" in fetch_error(client, httpserver.url_for("/a.jpg"))
        for url in (
            "https://commons.wikimedia.org/wiki/File:A.jpg",
            "https://www.flickr.com/photos/joi/2591423484/",
            "https://openverse.org/image/4bc43a04-ef46-4544-a0c1-63c63f56e276",
        ):
            with pytest.raises(RemoteError, match="offline mode sends no request"):
                client.lookup([url])
    assert httpserver.log == []
    assert leftovers(tmp_path) == []


def test_second_run_is_answered_by_the_cache(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/api").respond_with_json({"answer": 42})
    httpserver.expect_request("/moved.jpg").respond_with_data(
        "", status=302, headers={"Location": "/a.jpg"}
    )
    httpserver.expect_request("/a.jpg").respond_with_data(JPEG, content_type="image/jpeg")
    config = make_config(tmp_path)
    with HttpClient(config) as http:
        assert http.get_json(httpserver.url_for("/api")) == (200, {"answer": 42})
        with http.download(httpserver.url_for("/moved.jpg")) as path:
            assert path.read_bytes() == JPEG
    sent = len(httpserver.log)
    with HttpClient(config) as http:  # a second run
        assert http.get_json(httpserver.url_for("/api")) == (200, {"answer": 42})
        with http.download(httpserver.url_for("/moved.jpg")) as path:
            assert path.read_bytes() == JPEG
    assert len(httpserver.log) == sent
    with HttpClient(config, offline=True) as http:  # and offline
        assert http.get_json(httpserver.url_for("/api")) == (200, {"answer": 42})
        with http.download(httpserver.url_for("/moved.jpg")) as path:
            assert path.read_bytes() == JPEG
    assert len(httpserver.log) == sent
    with HttpClient(config, refresh=True) as http:  # refresh asks again
        assert http.get_json(httpserver.url_for("/api")) == (200, {"answer": 42})
    assert len(httpserver.log) == sent + 1


def test_expired_entries_are_asked_again_online_but_used_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/api").respond_with_json({"v": 1})
    config = make_config(tmp_path, expire_days=-1)  # everything stored is already stale
    with HttpClient(config) as http:
        http.get_json(httpserver.url_for("/api"))
        http.get_json(httpserver.url_for("/api"))
    assert len(httpserver.log) == 2
    with HttpClient(config, offline=True) as http:
        assert http.get_json(httpserver.url_for("/api")) == (200, {"v": 1})
    assert len(httpserver.log) == 2


def test_cache_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cachedir"
    folder.mkdir()
    assert fetch.cache_path(RemoteConfig(cache=str(folder))) == folder / "http-cache.sqlite"
    assert fetch.cache_path(RemoteConfig(cache=str(tmp_path / "x.sqlite"))) == tmp_path / "x.sqlite"
    monkeypatch.setattr(
        fetch.platformdirs, "user_cache_dir", lambda *a, **k: str(tmp_path / "user")
    )
    assert fetch.cache_path(RemoteConfig()) == tmp_path / "user" / "http-cache.sqlite"


def test_an_unusable_cache_is_kept_in_memory_online_and_fails_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/api").respond_with_json({"v": 1})
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    not_a_database = tmp_path / "junk.sqlite"
    not_a_database.write_bytes(b"this is not SQLite" * 100)
    for cache in (blocker / "sub" / "c.sqlite", not_a_database):
        with HttpClient(make_config(tmp_path, cache=str(cache))) as http:
            assert http.get_json(httpserver.url_for("/api")) == (200, {"v": 1})
            assert http.get_json(httpserver.url_for("/api")) == (200, {"v": 1})
        http = HttpClient(make_config(tmp_path, cache=str(cache)), offline=True)
        with http, pytest.raises(RemoteError, match="cannot open the HTTP cache"):
            http.get_json(httpserver.url_for("/api"))
    assert len(httpserver.log) == 2  # once per cache: the second answer came from memory


def test_construction_touches_nothing(tmp_path: Path) -> None:
    config = make_config(tmp_path, cache=str(tmp_path / "never" / "c.sqlite"))
    with RemoteClient(config):
        pass
    assert not (tmp_path / "never").exists()
