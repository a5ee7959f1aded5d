"""Remote provenance end to end (issue 8 acceptance), through the real CLI.

A loopback stand-in (pytest-httpserver) plays Wikimedia Commons (`action=query&prop=imageinfo`),
Flickr (`flickr.photos.getInfo`) and an image host, answering in the services' real formats; the
stand-in is configured through the `remote:` section of a rules.yaml. Nothing here touches the
internet: tests/conftest.py refuses any connection outside loopback, and the tests that must not
resolve names also refuse DNS queries.
"""

from __future__ import annotations

import functools
import io
import json
import os
import socket
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from PIL import Image
from pytest_httpserver import HTTPServer
from requests_cache.backends.sqlite import SQLiteDict
from werkzeug import Request, Response

from attrcheck.cli import main
from attrcheck.provenance import fetch

FLICKR_KEY = "test-key-0123456789"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
ATTRIBUTION_CODES = {"AC101", "AC102", "AC103", "AC104", "AC105", "AC106", "AC107"}


# --------------------------------------------------------------------------- the stand-in


def jpeg_bytes(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _meta(value: str, source: str = "commons-desc-page") -> dict[str, str]:
    return {"value": value, "source": source, "hidden": ""}


def commons_page(title: str, page_id: int, meta: dict[str, str]) -> dict[str, Any]:
    """One page of a formatversion=1 imageinfo answer, as Commons sends it."""
    underscored = title.replace(" ", "_")
    return {
        "pageid": page_id,
        "ns": 6,
        "title": title,
        "imagerepository": "local",
        "imageinfo": [
            {
                "url": f"https://upload.wikimedia.org/wikipedia/commons/a/a8/{underscored[5:]}",
                "descriptionurl": f"https://commons.wikimedia.org/wiki/{underscored}",
                "descriptionshorturl": f"https://commons.wikimedia.org/w/index.php?curid={page_id}",
                "extmetadata": {
                    "DateTime": _meta("2014-05-03 11:22:01", "mediawiki-metadata"),
                    "Categories": _meta("Harbours|Dusk", "commons-categories"),
                    **{key: _meta(value) for key, value in meta.items()},
                },
            }
        ],
    }


COMMONS_FILES: dict[str, dict[str, str]] = {
    "File:Old harbour at dusk.jpg": {
        "ObjectName": "Old harbour at dusk",
        "Artist": (
            '<a href="//commons.wikimedia.org/wiki/User:Jane_Doe" title="User:Jane Doe">'
            '<bdi>Jane Doe</bdi></a><span style="display: none;">vcard</span>'
        ),
        "Credit": '<span class="int-own-work" lang="en">Own work</span>',
        "LicenseShortName": "CC BY-SA 3.0",
        "LicenseUrl": "https://creativecommons.org/licenses/by-sa/3.0",
        "UsageTerms": "Creative Commons Attribution-Share Alike 3.0",
        "AttributionRequired": "true",
        "Copyrighted": "True",
        "Restrictions": "",
    },
}


def commons_answer(request: Request) -> Response:
    """`action=query&prop=imageinfo&iiprop=extmetadata|url&titles=File:…` in Commons' format:
    underscores `normalized` to spaces, a missing file is page -1 with `missing`."""
    args = request.args
    if (args.get("action"), args.get("prop")) != ("query", "imageinfo") or "extmetadata" not in (
        args.get("iiprop") or ""
    ).split("|"):
        return Response(json.dumps({"error": {"code": "badparams", "info": "?"}}), 200)
    asked = args.get("titles", "")
    title = asked.replace("_", " ")
    query: dict[str, Any] = {}
    if title != asked:
        query["normalized"] = [{"from": asked, "to": title}]
    if title in COMMONS_FILES:
        query["pages"] = {"4242": commons_page(title, 4242, COMMONS_FILES[title])}
    else:
        query["pages"] = {"-1": {"ns": 6, "title": title, "missing": "", "imagerepository": ""}}
    body = {"batchcomplete": "", "query": query}
    return Response(json.dumps(body), 200, content_type="application/json; charset=utf-8")


FLICKR_PHOTOS: dict[str, dict[str, Any]] = {
    "52345678901": {
        "license": "2",  # CC BY-NC 2.0
        "owner": {"nsid": "12345678@N00", "username": "bobsnaps", "realname": "Bob Smith"},
        "title": {"_content": "Harbour lights"},
        "urls": {
            "url": [
                {
                    "type": "photopage",
                    "_content": "https://www.flickr.com/photos/bobsnaps/52345678901/",
                }
            ]
        },
    },
}


def flickr_answer(request: Request) -> Response:
    """`flickr.photos.getInfo` with format=json&nojsoncallback=1; `stat: fail` when unknown."""
    args = request.args
    if args.get("api_key") != FLICKR_KEY:
        body: dict[str, Any] = {"stat": "fail", "code": 100, "message": "Invalid API Key"}
    elif args.get("method") != "flickr.photos.getInfo":
        body = {"stat": "fail", "code": 112, "message": "Method not found"}
    elif args.get("photo_id") in FLICKR_PHOTOS:
        photo_id = args["photo_id"]
        photo = {"id": photo_id, "secret": "abc1234def", "server": "65535", "farm": 66}
        photo.update(FLICKR_PHOTOS[photo_id])
        photo.update({"dateuploaded": "1400000000", "isfavorite": 0, "media": "photo"})
        body = {"photo": photo, "stat": "ok"}
    else:
        photo_id = args.get("photo_id", "")
        body = {"stat": "fail", "code": 1, "message": f'Photo "{photo_id}" not found (invalid ID)'}
    return Response(json.dumps(body), 200, content_type="application/json")


@pytest.fixture
def stand_in(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    monkeypatch.setenv("FLICKR_API_KEY", FLICKR_KEY)
    httpserver.expect_request("/w/api.php").respond_with_handler(commons_answer)
    httpserver.expect_request("/services/rest/").respond_with_handler(flickr_answer)
    httpserver.expect_request("/img/harbour.jpg").respond_with_data(
        jpeg_bytes(), content_type="image/jpeg"
    )
    return httpserver


# --------------------------------------------------------------------------- articles and runs


def write_rules(
    folder: Path,
    server: HTTPServer,
    *,
    allow_private: bool = True,
    cache: str | None = "cache/http.sqlite",
    extra: str = "",
) -> Path:
    """rules.yaml pointing `remote:` at the stand-in; `extra` lines go at the end (indented, they
    continue the `remote:` section)."""
    lines = [
        "publication:",
        "  commercial: true",
        "  medium: web",
        "remote:",
        f"  commons_api: {server.url_for('/w/api.php')}",
        f"  flickr_api: {server.url_for('/services/rest/')}",
        f"  openverse_api: {server.url_for('/v1/')}",
        f"  allow_private_hosts: {'true' if allow_private else 'false'}",
    ]
    if cache is not None:
        lines.append(f"  cache: {cache}")
    rules = folder / "rules.yaml"
    rules.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return rules


def write_article(folder: Path, name: str, *figures: tuple[str, str]) -> Path:
    """An article with one `![alt](src)` + caption paragraph per (src, caption)."""
    parts = ["# A harbour story", "", "Some text before the pictures.", ""]
    for index, (src, caption) in enumerate(figures, 1):
        parts += [f"![Picture {index}]({src})", "", caption, "", "More text.", ""]
    path = folder / name
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def local_image(folder: Path, name: str = "local.jpg") -> str:
    (folder / name).write_bytes(jpeg_bytes(32, 24))
    return name


def run_json(
    capsys: pytest.CaptureFixture[str], *args: str | Path
) -> tuple[int, dict[str, Any], str]:
    status = main([*(str(arg) for arg in args), "--format", "json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    report = json.loads(captured.out)
    jsonschema.validate(report, report_schema())
    return status, report, captured.err


@functools.cache
def report_schema() -> dict[str, Any]:
    schema = resources.files("attrcheck") / "schemas" / "report.schema.json"
    loaded: dict[str, Any] = json.loads(schema.read_text(encoding="utf-8"))
    return loaded


def figures_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [figure for article in report["articles"] for figure in article["figures"]]


def codes(figure: dict[str, Any]) -> set[str]:
    return {finding["code"] for finding in figure["findings"]}


def finding(figure: dict[str, Any], code: str) -> dict[str, Any]:
    found = [item for item in figure["findings"] if item["code"] == code]
    assert found, f"{code} not in {codes(figure)}"
    return found[0]


def evidence_sources(figure: dict[str, Any]) -> list[str]:
    licence = figure["licence"]
    return [item["source"] for item in licence["evidence"]] if licence else []


def requests_sent(server: HTTPServer) -> list[str]:
    return [f"{request.path}?{request.query_string.decode()}" for request, _ in server.log]


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Refuse (and record) every name resolution outside loopback: no DNS query leaves."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def guarded(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOCAL_HOSTS and not name.startswith("127."):
            asked.append(name)
            raise socket.gaierror(socket.EAI_NONAME, "no network in tests")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", guarded)
    return asked


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary directory of its own for downloads, to prove none is left behind."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# --------------------------------------------------------------------------- evidence and findings


def commons_figure_article(folder: Path, server: HTTPServer) -> Path:
    page = server.url_for("/wiki/File:Old_harbour_at_dusk.jpg")
    return write_article(
        folder,
        "commons.md",
        (server.url_for("/img/harbour.jpg"), f"Photo: Jane Doe, [Wikimedia Commons]({page})"),
    )


def flickr_figure_article(folder: Path, server: HTTPServer) -> Path:
    page = server.url_for("/photos/bobsnaps/52345678901/")
    return write_article(
        folder, "flickr.md", (local_image(folder), f"Photo by Bob Smith on [Flickr]({page})")
    )


def test_commons_record_is_remote_evidence_and_drives_findings(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write_rules(tmp_path, stand_in)
    article = commons_figure_article(tmp_path, stand_in)

    status, report, _ = run_json(capsys, article, "--rules", rules)

    assert status == 1
    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-SA-3.0"
    assert evidence_sources(figure)[0] == "remote"
    assert "AC103" in codes(figure)  # the caption does not name the licence
    assert "remote" in finding(figure, "AC103")["evidence"]
    ac105 = finding(figure, "AC105")  # a 3.0 licence, a title on Commons, none in the caption
    assert "Old harbour at dusk" in ac105["message"]
    assert "AC303" not in codes(figure)  # Artist HTML read as "Jane Doe", as credited
    assert "AC106" not in codes(figure)  # the caption links the file page it was found by
    assert "AC902" not in codes(figure)
    # the remote image was fetched and read
    assert figure["image"]["url"] == stand_in.url_for("/img/harbour.jpg")
    assert (figure["image"]["format"], figure["image"]["width"]) == ("JPEG", 64)
    assert figure["image"]["sha256"]
    suggestion = figure["suggested_attribution"]["text"]
    assert "Jane Doe" in suggestion and "Old harbour at dusk" in suggestion
    assert "vcard" not in json.dumps(report)
    sent = requests_sent(stand_in)
    commons = [line for line in sent if line.startswith("/w/api.php")]
    assert len(commons) == 1
    assert "titles=File%3AOld_harbour_at_dusk.jpg" in commons[0]
    assert "iiprop=extmetadata%7Curl" in commons[0]
    user_agents = {request.headers.get("User-Agent", "") for request, _ in stand_in.log}
    assert all(agent.startswith("attrcheck/") for agent in user_agents)


def test_flickr_nc_licence_in_a_commercial_publication(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write_rules(tmp_path, stand_in)
    article = flickr_figure_article(tmp_path, stand_in)

    status, report, _ = run_json(capsys, article, "--rules", rules)

    assert status == 1
    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-NC-2.0"
    assert evidence_sources(figure) == ["remote"]
    assert "remote" in finding(figure, "AC201")["evidence"]
    assert "AC103" in codes(figure)
    assert "AC303" not in codes(figure)
    [sent] = stand_in.log
    assert sent[0].args["method"] == "flickr.photos.getInfo"
    assert sent[0].args["photo_id"] == "52345678901"


def test_same_flickr_photo_in_a_non_commercial_publication_is_fine(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write_rules(tmp_path, stand_in)
    rules.write_text(
        rules.read_text().replace("commercial: true", "commercial: false"), encoding="utf-8"
    )
    article = flickr_figure_article(tmp_path, stand_in)

    _, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-NC-2.0"
    assert "AC201" not in codes(figure)


def test_failed_lookups_are_no_crash_and_no_finding_spam(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Flickr `stat: fail`, a missing Commons page: the figure is judged as if nothing had been
    looked up (the caption's own evidence), never a traceback, never an AC902."""
    rules = write_rules(tmp_path, stand_in)
    flickr_page = stand_in.url_for("/photos/bobsnaps/999/")
    commons_page_url = stand_in.url_for("/wiki/File:No_such_file.jpg")
    image = local_image(tmp_path)
    looked_up = write_article(
        tmp_path,
        "failed.md",
        (image, f"Photo by Bob Smith on [Flickr]({flickr_page}), CC BY 2.0"),
        (image, f"Photo: Jane Doe, [Wikimedia Commons]({commons_page_url})"),
    )
    status, report, err = run_json(capsys, looked_up, "--rules", rules)
    assert status in (0, 1)
    assert err == ""
    flickr_fig, commons_fig = figures_of(report)
    assert flickr_fig["licence"]["id"] == "CC-BY-2.0"
    assert evidence_sources(flickr_fig) == ["caption"]
    for figure in (flickr_fig, commons_fig):
        assert "AC902" not in codes(figure)
        assert not any("remote" in item["evidence"] for item in figure["findings"])
    assert len(stand_in.log) == 2

    offline_codes = [codes(figure) for figure in (flickr_fig, commons_fig)]
    _, unlinked, _ = run_json(capsys, looked_up, "--rules", rules, "--offline")
    assert [codes(figure) for figure in figures_of(unlinked)] == offline_codes


# --------------------------------------------------------------------------- offline and cache


def test_offline_sends_nothing_then_the_cache_answers_a_second_run(
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_dns: list[str],
) -> None:
    rules = write_rules(tmp_path, stand_in)
    commons = commons_figure_article(tmp_path, stand_in)
    flickr = flickr_figure_article(tmp_path, stand_in)

    status, offline_report, _ = run_json(capsys, commons, flickr, "--rules", rules, "--offline")
    assert status in (0, 1)
    assert stand_in.log == []
    assert no_dns == []
    assert all(figure["licence"] is None for figure in figures_of(offline_report))

    _, first, _ = run_json(capsys, commons, flickr, "--rules", rules)
    sent = len(stand_in.log)
    assert sent == 3  # Commons, Flickr, the image
    cache_file = tmp_path / "cache" / "http.sqlite"
    assert cache_file.is_file()
    for stored in cache_file.parent.iterdir():  # the API key is never stored
        assert FLICKR_KEY.encode() not in stored.read_bytes()

    _, second, _ = run_json(capsys, commons, flickr, "--rules", rules)
    assert len(stand_in.log) == sent  # answered by the cache
    assert figures_of(second) == figures_of(first)

    _, cached_offline, _ = run_json(capsys, commons, flickr, "--rules", rules, "--offline")
    assert len(stand_in.log) == sent
    assert figures_of(cached_offline) == figures_of(first)

    _, refreshed, _ = run_json(capsys, commons, flickr, "--rules", rules, "--refresh")
    assert len(stand_in.log) == 2 * sent  # --refresh asks again
    assert figures_of(refreshed) == figures_of(first)
    assert no_dns == []


def test_parallel_run_looks_up_the_same_and_shares_the_cache(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write_rules(tmp_path, stand_in)
    commons = commons_figure_article(tmp_path, stand_in)
    flickr = flickr_figure_article(tmp_path, stand_in)

    _, parallel, _ = run_json(capsys, commons, flickr, "--rules", rules, "--jobs", "2")
    sent = len(stand_in.log)
    _, serial, _ = run_json(capsys, commons, flickr, "--rules", rules)

    assert sent == 3
    assert len(stand_in.log) == sent  # the serial run is answered by the workers' cache
    assert sorted(figure["licence"]["id"] for figure in figures_of(parallel)) == [
        "CC-BY-NC-2.0",
        "CC-BY-SA-3.0",
    ]
    assert figures_of(parallel) == figures_of(serial)


def test_offline_remote_image_not_cached_is_not_an_error_finding(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--offline` is the user's choice not to fetch: the image is not examined, which is no
    AC902 (image-unreadable) error that would fail every offline CI run."""
    rules = write_rules(tmp_path, stand_in)
    article = commons_figure_article(tmp_path, stand_in)

    _, report, _ = run_json(capsys, article, "--rules", rules, "--offline")

    [figure] = figures_of(report)
    assert "AC902" not in codes(figure)
    assert figure["image"]["format"] is None
    assert stand_in.log == []


def test_default_cache_is_in_the_user_cache_directory(
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache_home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    rules = write_rules(tmp_path, stand_in, cache=None)
    article = commons_figure_article(tmp_path, stand_in)

    _, first, _ = run_json(capsys, article, "--rules", rules)
    sent = len(stand_in.log)
    assert (cache_home / "attrcheck" / "http-cache.sqlite").is_file()
    _, second, _ = run_json(capsys, article, "--rules", rules)

    assert len(stand_in.log) == sent
    assert figures_of(second) == figures_of(first)
    assert figures_of(first)[0]["licence"]["id"] == "CC-BY-SA-3.0"


@pytest.mark.parametrize("broken", ["parent-is-a-file", "not-a-database"])
def test_unusable_cache_does_not_stop_an_online_run(
    broken: str, stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if broken == "parent-is-a-file":
        (tmp_path / "blocker").write_text("a file where the cache folder should be")
        cache = "blocker/http.sqlite"
    else:
        (tmp_path / "junk.sqlite").write_bytes(b"this is not a database, " * 100)
        cache = "junk.sqlite"
    rules = write_rules(tmp_path, stand_in, cache=cache)
    article = commons_figure_article(tmp_path, stand_in)

    status, report, _ = run_json(capsys, article, "--rules", rules)

    assert status == 1
    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-SA-3.0"
    assert (figure["image"]["format"], figure["image"]["width"]) == ("JPEG", 64)
    assert {"AC103", "AC105"} <= codes(figure)
    assert "AC902" not in codes(figure)
    if broken == "not-a-database":
        assert (tmp_path / "junk.sqlite").read_bytes().startswith(b"this is not a database")

    status, offline, _ = run_json(capsys, article, "--rules", rules, "--offline")
    assert status in (0, 1)  # no crash, nothing sent
    [figure] = figures_of(offline)
    assert "AC902" not in codes(figure)


def test_read_only_cache_does_not_fail_lookups(
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A cache file that opens but cannot be written (read-only file or folder, disk full): the
    answers are used all the same. (Tests run as root, so the write failure is simulated.)"""
    rules = write_rules(tmp_path, stand_in)
    article = commons_figure_article(tmp_path, stand_in)
    flickr = flickr_figure_article(tmp_path, stand_in)

    def read_only(*_args: Any) -> None:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(SQLiteDict, "__setitem__", read_only)
    status, report, err = run_json(capsys, article, flickr, "--rules", rules)

    assert (status, err) == (1, "")
    commons_fig, flickr_fig = figures_of(report)
    assert commons_fig["licence"]["id"] == "CC-BY-SA-3.0"
    assert commons_fig["image"]["format"] == "JPEG"
    assert "AC902" not in codes(commons_fig)
    assert flickr_fig["licence"]["id"] == "CC-BY-NC-2.0"


# --------------------------------------------------------------------------- safety


def test_private_address_is_refused_unless_allowed(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = write_rules(tmp_path, stand_in, allow_private=False)
    article = commons_figure_article(tmp_path, stand_in)

    status, report, err = run_json(capsys, article, "--rules", rules)

    assert status == 1
    assert err == ""
    [figure] = figures_of(report)
    ac902 = finding(figure, "AC902")
    assert "non-public address" in ac902["message"]
    assert ac902["message"].count(stand_in.url_for("/img/harbour.jpg")) == 1
    assert "allow_private_hosts" in ac902["message"]
    assert stand_in.log == []  # neither the image nor the lookup was sent

    allowed = write_rules(tmp_path, stand_in, allow_private=True)
    _, report, _ = run_json(capsys, article, "--rules", allowed)
    [figure] = figures_of(report)
    assert "AC902" not in codes(figure)
    assert figure["licence"]["id"] == "CC-BY-SA-3.0"


def test_redirect_to_a_private_address_is_refused(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A public image host redirecting to the cloud metadata address is refused on the hop.
    (The stand-in at 127.0.0.1 plays the public host: only that address counts as public.)"""
    real = fetch.is_forbidden_address
    monkeypatch.setattr(fetch, "is_forbidden_address", lambda a: a != "127.0.0.1" and real(a))
    httpserver.expect_request("/img/moved.jpg").respond_with_data(
        "", status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    rules = write_rules(tmp_path, httpserver, allow_private=False)
    src = f"http://127.0.0.1:{httpserver.port}/img/moved.jpg"
    article = write_article(tmp_path, "moved.md", (src, "Photo: Jane Doe / CC BY 4.0"))

    status, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    message = finding(figure, "AC902")["message"]
    assert "non-public address 169.254.169.254" in message
    assert status == 1
    assert len(httpserver.log) == 1  # the first hop only


def test_huge_download_is_cut_off_quickly_and_leaves_no_file(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    private_tmp: Path,
) -> None:
    sent_bytes: list[int] = []

    def endless() -> Iterator[bytes]:
        chunk = b"\xff" * 65536
        for _ in range(512 * 16):  # 512 MB in all, if anyone read it
            sent_bytes.append(len(chunk))
            yield chunk

    def huge(request: Request) -> Response:
        return Response(
            endless(),
            200,
            headers={"Content-Length": str(512 * 1024 * 1024)},
            content_type="image/jpeg",
            direct_passthrough=True,
        )

    httpserver.expect_request("/img/huge.jpg").respond_with_handler(huge)
    rules = write_rules(tmp_path, httpserver)
    article = write_article(
        tmp_path, "huge.md", (httpserver.url_for("/img/huge.jpg"), "Photo: Jane Doe / CC BY 4.0")
    )

    started = time.monotonic()
    status, report, _ = run_json(capsys, article, "--rules", rules)
    elapsed = time.monotonic() - started

    [figure] = figures_of(report)
    message = finding(figure, "AC902")["message"]
    assert "Content-Length" in message and "remote.max_bytes" in message
    assert status == 1
    assert elapsed < 30  # a hang guard only; the byte and request counts are the measure
    assert sum(sent_bytes) < 64 * 1024 * 1024
    assert os.listdir(private_tmp) == []


def test_undeclared_stream_beyond_max_bytes_is_cut_off(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    private_tmp: Path,
) -> None:
    def endless(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            while True:
                yield b"\x00" * 65536

        return Response(body(), 200, content_type="image/jpeg")

    httpserver.expect_request("/img/endless.jpg").respond_with_handler(endless)
    rules = write_rules(tmp_path, httpserver, extra="  max_bytes: 1000000\n")
    article = write_article(
        tmp_path, "endless.md", (httpserver.url_for("/img/endless.jpg"), "Photo: A. B. / CC0")
    )

    status, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    assert "more than 1000000 bytes" in finding(figure, "AC902")["message"]
    assert os.listdir(private_tmp) == []
    assert status == 1


# --------------------------------------------------------------------------- no network at all


def test_examples_send_no_request(
    repo_root: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_dns: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`make run` on examples/: nothing there is looked up, so nothing is sent or resolved and
    the cache file is never opened."""
    cache_home = tmp_path / "never"  # must not be created
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    connected: list[Any] = []
    monkeypatch.setattr(socket.socket, "connect", lambda _self, address: connected.append(address))
    monkeypatch.chdir(repo_root)

    status = main(["check", "examples/", "--rules", "examples/rules.yaml", "--exit-zero"])

    capsys.readouterr()
    assert status == 0
    assert connected == [] and no_dns == []
    assert not cache_home.exists()


def test_commons_link_without_network_fails_gracefully(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    no_dns: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An ordinary run (real endpoints, default rules) on a machine without network: the lookup
    fails (no DNS) and the figure is judged on the caption alone: no crash, no AC902, no more
    findings than an offline run gives, at most a note."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    image = local_image(tmp_path)
    article = write_article(
        tmp_path,
        "story.md",
        (
            image,
            "Photo: Jane Doe, CC BY-SA 3.0, "
            "[Wikimedia Commons](https://commons.wikimedia.org/wiki/File:Old_harbour_at_dusk.jpg)",
        ),
        (image, "[Photo by Bob](https://www.flickr.com/photos/bobsnaps/52345678901/)"),
    )

    started = time.monotonic()
    status, report, err = run_json(capsys, article)
    elapsed = time.monotonic() - started

    assert status in (0, 1)
    assert err == ""
    assert elapsed < 30  # a hang guard only; the byte and request counts are the measure
    assert no_dns == ["commons.wikimedia.org"]  # tried once; Flickr skipped without a key
    commons_fig, flickr_fig = figures_of(report)
    assert commons_fig["licence"]["id"] == "CC-BY-SA-3.0"
    for figure in (commons_fig, flickr_fig):
        assert "AC902" not in codes(figure)
        assert not any("remote" in item["evidence"] for item in figure["findings"])
    _, offline, _ = run_json(capsys, article, "--offline")
    assert [codes(f) for f in figures_of(report)] == [codes(f) for f in figures_of(offline)]


def test_unreachable_host_costs_one_failure_per_run(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Names resolve but nothing answers (a firewalled machine): the first lookup fails after
    its retries, the other figures' lookups of the same host fail at once, without findings."""
    monkeypatch.chdir(tmp_path)
    real = socket.getaddrinfo
    resolved: list[str] = []

    def resolve(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "commons.wikimedia.org":
            resolved.append(host)
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    image = local_image(tmp_path)
    figures = [
        (image, f"Photo: Jane Doe, [Commons](https://commons.wikimedia.org/wiki/File:N{n}.jpg)")
        for n in range(6)
    ]
    article = write_article(tmp_path, "many.md", *figures)

    started = time.monotonic()
    status, report, err = run_json(capsys, article)
    elapsed = time.monotonic() - started

    assert (status in (0, 1), err) == (True, "")
    assert elapsed < 30  # a hang guard only: without the breaker, six times the retries
    assert len(resolved) <= 4  # the safety check and three connection attempts, once
    for figure in figures_of(report):
        assert "AC902" not in codes(figure)


# --------------------------------------------------------------------------- where the URL is


def test_hugo_attrlink_and_wrapping_link_are_looked_up(
    stand_in: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image = local_image(tmp_path)
    commons_page_url = stand_in.url_for("/wiki/File:Old_harbour_at_dusk.jpg")
    flickr_page = stand_in.url_for("/photos/bobsnaps/52345678901/")
    hugo = tmp_path / "hugo.md"
    hugo.write_text(
        "# Hugo\n\n"
        f'{{{{< figure src="{image}" alt="Harbour" caption="The harbour" '
        f'attr="Jane Doe" attrlink="{commons_page_url}" >}}}}\n',
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Page</h1><figure>"
        f'<a href="{flickr_page}"><img src="{image}" alt="Harbour"></a>'
        "<figcaption>Photo by Bob Smith</figcaption></figure></body></html>",
        encoding="utf-8",
    )
    rules = write_rules(tmp_path, stand_in)

    _, report, _ = run_json(capsys, hugo, page, "--rules", rules)

    by_article = {Path(a["path"]).name: a["figures"] for a in report["articles"]}
    [hugo_figure] = by_article["hugo.md"]
    [html_figure] = by_article["page.html"]
    assert hugo_figure["licence"]["id"] == "CC-BY-SA-3.0"
    assert evidence_sources(hugo_figure)[0] == "remote"
    assert html_figure["licence"]["id"] == "CC-BY-NC-2.0"
    assert "AC201" in codes(html_figure)


def test_commons_upload_url_as_src_is_looked_up_and_fetched(
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An upload.wikimedia.org src names the Commons file: the record is asked of the configured
    API and the image itself is fetched (here the name upload.wikimedia.org is pointed at the
    stand-in, which answers its path)."""
    real = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: real(
            "127.0.0.1" if host == "upload.wikimedia.org" else host, *a, **k
        ),
    )
    path = "/wikipedia/commons/a/a8/Old_harbour_at_dusk.jpg"
    stand_in.expect_request(path).respond_with_data(jpeg_bytes(80, 60), content_type="image/jpeg")
    src = f"http://upload.wikimedia.org:{stand_in.port}{path}"
    article = write_article(tmp_path, "upload.md", (src, "Photo: Jane Doe"))
    rules = write_rules(tmp_path, stand_in)

    _, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-SA-3.0"
    assert (figure["image"]["format"], figure["image"]["width"]) == ("JPEG", 80)
    assert {"AC103", "AC105"} <= codes(figure)
    # the src is the image, not the file page: the page Commons names is the one to link
    assert (
        "https://commons.wikimedia.org/wiki/File:Old_harbour_at_dusk.jpg"
        in (finding(figure, "AC106")["message"])
    )


def test_remote_published_image_is_compared_with_the_registered_original(
    httpserver: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    private_tmp: Path,
) -> None:
    """The fetched image is compared while its download exists: a crop of an ND original."""
    original = Image.effect_mandelbrot((320, 240), (-2.0, -1.2, 1.0, 1.2), 60).convert("RGB")
    original.save(tmp_path / "original.jpg", "JPEG", quality=95)
    buffer = io.BytesIO()
    original.crop((40, 30, 280, 210)).save(buffer, "JPEG", quality=90)
    httpserver.expect_request("/img/cropped.jpg").respond_with_data(
        buffer.getvalue(), content_type="image/jpeg"
    )
    src = httpserver.url_for("/img/cropped.jpg")
    (tmp_path / "register.yaml").write_text(
        "assets:\n"
        f"  - match: {src}\n"
        "    creator: Jane Doe\n"
        "    licence: CC BY-ND 4.0\n"
        "    original: original.jpg\n",
        encoding="utf-8",
    )
    rules = write_rules(tmp_path, httpserver, extra="register: register.yaml\n")
    article = write_article(tmp_path, "nd.md", (src, "Photo: Jane Doe / CC BY-ND 4.0"))

    _, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    assert figure["image"]["width"] == 240
    assert figure["modification"]["kind"] == "cropped"
    assert "AC202" in codes(figure)
    assert os.listdir(private_tmp) == []  # the download is gone after the comparison


@pytest.mark.parametrize("expire_days", ["0", "0.00001"])
def test_expired_answers_are_asked_again_online_and_used_offline(
    expire_days: str,
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    rules = write_rules(tmp_path, stand_in, extra=f"  expire_days: {expire_days}\n")
    article = commons_figure_article(tmp_path, stand_in)

    _, first, _ = run_json(capsys, article, "--rules", rules)
    sent = len(stand_in.log)
    time.sleep(1.0)  # 0.00001 days is 0.86 s
    _, offline, _ = run_json(capsys, article, "--rules", rules, "--offline")
    assert len(stand_in.log) == sent
    assert figures_of(offline) == figures_of(first)  # stale entries answer offline runs
    _, again, _ = run_json(capsys, article, "--rules", rules)
    assert len(stand_in.log) == 2 * sent  # expired: asked again
    assert figures_of(again) == figures_of(first)


def test_openverse_result_is_remote_evidence(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    image_id = "4bc43a04-ef46-4544-a0c1-63c63f56e276"
    httpserver.expect_request(f"/v1/images/{image_id}/").respond_with_json(
        {
            "id": image_id,
            "title": "Harbour at night",
            "foreign_landing_url": "https://www.flickr.com/photos/bobsnaps/52345678901",
            "url": "https://live.staticflickr.com/65535/52345678901_abc1234def_b.jpg",
            "creator": "Bob Smith",
            "creator_url": "https://www.flickr.com/photos/bobsnaps",
            "license": "by-nc-sa",
            "license_version": "2.0",
            "license_url": "https://creativecommons.org/licenses/by-nc-sa/2.0/?ref=openverse",
            "provider": "flickr",
            "source": "flickr",
            "attribution": '"Harbour at night" by Bob Smith is licensed under CC BY-NC-SA 2.0.',
        }
    )
    rules = write_rules(tmp_path, httpserver)
    result = httpserver.url_for(f"/image/{image_id}")
    article = write_article(
        tmp_path, "ov.md", (local_image(tmp_path), f"Photo by Bob Smith via [Openverse]({result})")
    )

    _, report, _ = run_json(capsys, article, "--rules", rules)

    [figure] = figures_of(report)
    assert figure["licence"]["id"] == "CC-BY-NC-SA-2.0"
    assert evidence_sources(figure) == ["remote"]
    assert {"AC103", "AC201"} <= codes(figure)


def test_flickr_without_an_api_key_sends_nothing(
    stand_in: HTTPServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FLICKR_API_KEY")
    rules = write_rules(tmp_path, stand_in)
    article = flickr_figure_article(tmp_path, stand_in)

    status, report, err = run_json(capsys, article, "--rules", rules)

    assert (status in (0, 1), err) == (True, "")
    assert stand_in.log == []
    [figure] = figures_of(report)
    assert figure["licence"] is None
    assert not any("remote" in item["evidence"] for item in figure["findings"])


@pytest.mark.parametrize("offline", [False, True])
def test_unparseable_image_host_is_a_finding_not_a_crash(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str], offline: bool
) -> None:
    rules = write_rules(tmp_path, httpserver)
    src = "http://" + "a" * 70 + ".example/x.jpg"
    article = write_article(tmp_path, "odd.md", (src, "Photo: A. B. / CC BY 4.0"))

    status, report, err = run_json(
        capsys, article, "--rules", rules, *(["--offline"] if offline else [])
    )

    assert (status, err) == (1, "")
    [figure] = figures_of(report)
    assert "malformed URL" in finding(figure, "AC902")["message"]
