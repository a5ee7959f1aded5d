"""Benchmark remote fetching (issue 8) against loopback servers; nothing leaves the machine.

Measured:
- a server announcing 512 MB (Content-Length) is refused before the body is read: time and
  peak Python heap of the client (target: well under a second, a few MB at most);
- a lying server streaming without Content-Length is cut off at remote.max_bytes (25 MB):
  time, heap, bytes the server managed to send;
- a 2 MB image fetched, then fetched again from the cache, then offline: per-fetch times;
- lookups answered from the cache: lookups per second.

Run: .venv/bin/python benchmarks/bench_remote.py
"""

from __future__ import annotations

import contextlib
import json
import socket
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from attrcheck.errors import RemoteError
from attrcheck.model import RemoteConfig
from attrcheck.provenance.remote import RemoteClient

MB = 1024 * 1024
BLOCK = b"\xff" * 65536
IMAGE = b"\xff\xd8" + b"\x00" * (2 * MB) + b"\xff\xd9"


class StreamingServer:
    """Answers one connection with `head` and then BLOCKs until `limit` or a hang-up."""

    def __init__(self, head: bytes, limit: int) -> None:
        self.head, self.limit, self.sent = head, limit, 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        with contextlib.suppress(OSError):
            connection, _ = self.listener.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(self.head)
                while self.sent < self.limit:
                    connection.sendall(BLOCK)
                    self.sent += len(BLOCK)

    def close(self) -> None:
        self.listener.close()
        self.thread.join(timeout=10)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/api"):
            body = json.dumps({"batchcomplete": "", "query": {"pages": {"1": {
                "title": "File:A.jpg", "imageinfo": [{"extmetadata": {
                    "LicenseShortName": {"value": "CC BY 4.0"}, "Artist": {"value": "A"}}}]}}}}
            ).encode()  # fmt: skip
            kind = "application/json"
        else:
            body, kind = IMAGE, "image/jpeg"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@contextlib.contextmanager
def measured() -> Iterator[dict[str, float]]:
    result: dict[str, float] = {}
    tracemalloc.start()
    start = time.perf_counter()
    try:
        yield result
    finally:
        result["seconds"] = time.perf_counter() - start
        result["peak_mb"] = tracemalloc.get_traced_memory()[1] / MB
        tracemalloc.stop()


def refused(config: RemoteConfig, url: str) -> str:
    with RemoteClient(config) as client:
        try:
            with client.fetch_image(url):
                return "NOT REFUSED"
        except RemoteError as error:
            return str(error)


def bench_cut_offs(cache: Path) -> None:
    config = RemoteConfig(allow_private_hosts=True, cache=str(cache))
    cases = [
        ("512 MB Content-Length", b"Content-Length: 536870912\r\n"),
        ("no Content-Length, endless body", b""),
    ]
    for name, length in cases:
        head = b"HTTP/1.0 200 OK\r\nContent-Type: image/jpeg\r\n" + length + b"\r\n"
        server = StreamingServer(head, limit=512 * MB)
        with measured() as numbers:
            message = refused(config, f"http://127.0.0.1:{server.port}/x.jpg")
        server.close()
        print(
            f"{name}: refused in {numbers['seconds'] * 1000:.0f} ms, client heap peak "
            f"{numbers['peak_mb']:.2f} MB, server sent {server.sent / MB:.1f} MB\n  -> {message}"
        )


def bench_cache(cache: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = RemoteConfig(allow_private_hosts=True, cache=str(cache), commons_api=f"{base}/api")
    url = f"{base}/image.jpg"
    for label, offline in (("network", False), ("cache", False), ("offline", True)):
        client = RemoteClient(config, offline=offline)
        with client, measured() as numbers, client.fetch_image(url) as path:
            size = path.stat().st_size
        print(
            f"2 MB image from {label}: {numbers['seconds'] * 1000:.1f} ms "
            f"({size} bytes, heap peak {numbers['peak_mb']:.1f} MB)"
        )
    urls = [f"https://commons.wikimedia.org/wiki/File:A_{n}.jpg" for n in range(200)]
    with RemoteClient(config) as client:
        for one in urls:
            client.lookup([one])
    with RemoteClient(config) as client:
        start = time.perf_counter()
        for one in urls:
            client.lookup([one])
        elapsed = time.perf_counter() - start
    print(f"lookups answered from the cache: {len(urls) / elapsed:.0f} per second")
    server.shutdown()


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        bench_cut_offs(Path(folder) / "cut.sqlite")
        bench_cache(Path(folder) / "cache.sqlite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
