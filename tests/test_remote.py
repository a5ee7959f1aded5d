"""Remote provenance lookups (issue 8): URL recognition and the services' real answer formats,
served by a local pytest-httpserver. Nothing here touches the internet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from attrcheck.errors import RemoteError
from attrcheck.model import RemoteConfig
from attrcheck.provenance import commons, flickr, openverse
from attrcheck.provenance.remote import RemoteClient, recognise

UUID = "4bc43a04-ef46-4544-a0c1-63c63f56e276"


def make_config(server: HTTPServer, tmp_path: Path, **overrides: Any) -> RemoteConfig:
    values: dict[str, Any] = {
        "commons_api": server.url_for("/w/api.php"),
        "flickr_api": server.url_for("/services/rest/"),
        "openverse_api": server.url_for("/v1/"),
        "allow_private_hosts": True,
        "cache": str(tmp_path / "cache.sqlite"),
    }
    values.update(overrides)
    return RemoteConfig(**values)


@pytest.fixture(autouse=True)
def _no_flickr_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLICKR_API_KEY", raising=False)


# --------------------------------------------------------------------------- recognition


@pytest.mark.parametrize(
    ("url", "service", "key"),
    [
        (
            "https://commons.wikimedia.org/wiki/File:Tour_Eiffel.jpg",
            "commons",
            "File:Tour_Eiffel.jpg",
        ),
        ("https://commons.m.wikimedia.org/wiki/File:A%20b.png", "commons", "File:A b.png"),
        ("https://commons.wikimedia.org/wiki/Image:Old.jpg", "commons", "File:Old.jpg"),
        (
            "https://commons.wikimedia.org/w/index.php?title=File:X.jpg&oldid=1",
            "commons",
            "File:X.jpg",
        ),
        (
            "https://en.wikipedia.org/wiki/Pompeii#/media/File:Garden.jpg",
            "commons",
            "File:Garden.jpg",
        ),
        ("https://de.wikipedia.org/wiki/Datei:Berlin.jpg", "commons", "File:Berlin.jpg"),
        ("https://commons.wikimedia.org/wiki/Special:FilePath/Foo.svg", "commons", "File:Foo.svg"),
        (
            "http://upload.wikimedia.org/wikipedia/commons/e/eb/-_Schlumbergera_trunctata_-.jpg",
            "commons",
            "File:-_Schlumbergera_trunctata_-.jpg",
        ),
        (
            "https://upload.wikimedia.org/wikipedia/commons/thumb/a/a8/Tour_Eiffel.jpg/220px-Tour_Eiffel.jpg",
            "commons",
            "File:Tour_Eiffel.jpg",
        ),
        (
            "https://upload.wikimedia.org/wikipedia/commons/archive/a/a8/20100101000000%21Old.jpg",
            "commons",
            "File:Old.jpg",
        ),
        ("https://www.flickr.com/photos/joi/2591423484/", "flickr", "2591423484"),
        (
            "https://www.flickr.com/photos/kiri_no_hana/9623594449/in/photolist-",
            "flickr",
            "9623594449",
        ),
        ("http://flickr.com/photos/joi/2589954195", "flickr", "2589954195"),
        ("https://www.flickr.com/photo.gne?id=123456", "flickr", "123456"),
        (
            "https://live.staticflickr.com/65535/52345678901_abc1234def_b.jpg",
            "flickr",
            "52345678901",
        ),
        ("https://farm4.staticflickr.com/3040/2591423484_6c1f8a1c3e.jpg", "flickr", "2591423484"),
        (f"https://openverse.org/image/{UUID}", "openverse", UUID),
        (f"https://openverse.org/en/image/{UUID}?q=cat", "openverse", UUID),
        (f"https://wordpress.org/openverse/image/{UUID}/", "openverse", UUID),
        (f"https://api.openverse.org/v1/images/{UUID}/", "openverse", UUID),
    ],
)
def test_recognises_service_urls(url: str, service: str, key: str) -> None:
    ref = recognise(url)
    assert ref is not None
    assert (ref.service, ref.key, ref.url) == (service, key, url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/File:Foo.jpg",
        "https://commons.wikimedia.org/wiki/Main_Page",
        "https://commons.wikimedia.org/wiki/Category:Cats",
        "https://upload.wikimedia.org/wikipedia/en/a/a8/Local_only.jpg",
        "https://www.flickr.com/photos/joi/",
        "https://www.flickr.com/photos/joi/albums/72157",
        "https://openverse.org/image/not-a-uuid",
        "https://flic.kr/p/0OIl",
        "https://commons.wikimedia.org/wiki/File:A.jpg%7CFile:B.jpg",
        "https://commons.wikimedia.org/wiki/File:",
        "https://commons.wikimedia.org/wiki/File:A%0Ab.jpg",
        "javascript:alert(1)",
        "mailto:someone@example.com",
        "img/local.jpg",
        "http://[::1",
        "",
    ],
)
def test_ignores_other_urls(url: str) -> None:
    assert recognise(url) is None


def _base58_encode(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, 58)
        digits = flickr.BASE58_ALPHABET[rest] + digits
    return digits


def test_flic_kr_short_links_decode_offline() -> None:
    for photo_id in (1, 57, 58, 2591423484, 52345678901):
        ref = recognise(f"https://flic.kr/p/{_base58_encode(photo_id)}")
        assert ref is not None and ref.service == "flickr" and ref.key == str(photo_id)
    assert set(flickr.BASE58_ALPHABET).isdisjoint("0OIl")


def test_configured_endpoint_hosts_are_recognised_too() -> None:
    config = RemoteConfig(
        commons_api="http://commons.test/w/api.php",
        flickr_api="http://flickr.test/services/rest/",
        openverse_api="http://openverse.test/v1/",
    )
    assert recognise("http://commons.test/wiki/File:A.jpg", config).key == "File:A.jpg"  # type: ignore[union-attr]
    assert recognise("http://flickr.test/photos/u/42/", config).key == "42"  # type: ignore[union-attr]
    assert recognise(f"http://openverse.test/image/{UUID}", config).key == UUID  # type: ignore[union-attr]


# --------------------------------------------------------------------------- Commons


def commons_answer(title_asked: str, title: str, artist: str, **meta: str) -> dict[str, Any]:
    """An imageinfo answer in the API's default format (formatversion 1)."""

    def field(value: str) -> dict[str, str]:
        return {"value": value, "source": "commons-desc-page", "hidden": ""}

    extmetadata = {
        "ObjectName": field(meta.get("object_name", "Tour Eiffel")),
        "Artist": field(artist),
        "Credit": field('<span class="int-own-work" lang="en">Own work</span>'),
        "LicenseShortName": field(meta.get("short", "CC BY-SA 3.0")),
        "LicenseUrl": field(meta.get("url", "https://creativecommons.org/licenses/by-sa/3.0")),
        "AttributionRequired": field(meta.get("attribution", "true")),
        "Restrictions": field(meta.get("restrictions", "")),
        "UsageTerms": field("Creative Commons Attribution-Share Alike 3.0"),
    }
    query: dict[str, Any] = {
        "pages": {
            "24476974": {
                "pageid": 24476974,
                "ns": 6,
                "title": title,
                "imagerepository": "local",
                "imageinfo": [
                    {
                        "url": "https://upload.wikimedia.org/wikipedia/commons/a/a8/Tour_Eiffel.jpg",
                        "descriptionurl": "https://commons.wikimedia.org/wiki/"
                        + title.replace(" ", "_"),
                        "descriptionshorturl": "https://commons.wikimedia.org/w/index.php?curid=24476974",
                        "extmetadata": extmetadata,
                    }
                ],
            }
        }
    }
    if title_asked != title:
        query["normalized"] = [{"from": title_asked, "to": title}]
    return {"batchcomplete": "", "query": query}


ARTIST_HTML = (
    '<a href="//commons.wikimedia.org/wiki/User:Benh" title="User:Benh">Benh LIEU&nbsp;SONG</a>'
    '<span style="display: none;">hidden vcard</span>'
)


def test_commons_answer_with_normalised_title_and_html_artist(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    answer = commons_answer("File:Tour_Eiffel.jpg", "File:Tour Eiffel.jpg", ARTIST_HTML)
    httpserver.expect_request(
        "/w/api.php",
        query_string={
            "action": "query",
            "format": "json",
            "prop": "imageinfo",
            "iiprop": "extmetadata|url",
            "titles": "File:Tour_Eiffel.jpg",
            "redirects": "1",
        },
    ).respond_with_json(answer)
    url = "https://upload.wikimedia.org/wikipedia/commons/thumb/a/a8/Tour_Eiffel.jpg/220px-Tour_Eiffel.jpg"
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        record = client.lookup(["img/local.jpg", url])
    assert record is not None
    assert record.origin == "remote" and record.service == "commons" and record.match == url
    assert record.creator == "Benh LIEU SONG"
    assert record.title == "Tour Eiffel"
    assert record.licence == "CC BY-SA 3.0"
    assert record.licence_url == "https://creativecommons.org/licenses/by-sa/3.0/"
    assert record.attribution_required is True
    assert record.source == "https://commons.wikimedia.org/wiki/File:Tour_Eiffel.jpg"
    user_agent = httpserver.log[0][0].headers["User-Agent"]
    assert (
        user_agent.startswith("attrcheck/")
        and "https://github.com/attrcheck/attrcheck" in user_agent
    )


def test_commons_missing_page_is_a_remote_error(httpserver: HTTPServer, tmp_path: Path) -> None:
    missing = {
        "batchcomplete": "",
        "query": {
            "normalized": [{"from": "File:Does_not_exist.jpg", "to": "File:Does not exist.jpg"}],
            "pages": {
                "-1": {
                    "ns": 6,
                    "title": "File:Does not exist.jpg",
                    "missing": "",
                    "imagerepository": "",
                }
            },
        },
    }
    httpserver.expect_request("/w/api.php").respond_with_json(missing)
    client = RemoteClient(make_config(httpserver, tmp_path))
    with client, pytest.raises(RemoteError, match=r"Does not exist\.jpg does not exist"):
        client.lookup(["https://commons.wikimedia.org/wiki/File:Does_not_exist.jpg"])


def test_commons_formatversion_2_redirect_and_public_domain() -> None:
    answer = {
        "batchcomplete": True,
        "query": {
            "normalized": [
                {"fromencoded": False, "from": "File:Old_name.jpg", "to": "File:Old name.jpg"}
            ],
            "redirects": [{"from": "File:Old name.jpg", "to": "File:New name.jpg"}],
            "pages": [
                {
                    "pageid": 7,
                    "ns": 6,
                    "title": "File:New name.jpg",
                    "imagerepository": "local",
                    "imageinfo": [
                        {
                            "extmetadata": {
                                "Artist": {"value": "Unknown author<br>Unknown author"},
                                "LicenseShortName": {"value": "Public domain"},
                                "AttributionRequired": {"value": "false"},
                                "Restrictions": {"value": "trademarked|personality"},
                            }
                        }
                    ],
                }
            ],
        },
    }
    record = commons.record_from_answer(answer, "File:Old_name.jpg", "u")
    assert record.licence == "Public domain"
    assert record.attribution_required is False
    assert record.creator is None  # Commons' {{Unknown|author}} names nobody
    assert record.title is None
    assert record.source == "https://commons.wikimedia.org/wiki/File:New_name.jpg"
    assert record.note == (
        "author unknown on Commons (Unknown author Unknown author); "
        "restrictions: trademarked, personality"
    )


def test_commons_error_and_invalid_answers() -> None:
    with pytest.raises(RemoteError, match="badvalue"):
        commons.record_from_answer({"error": {"code": "badvalue", "info": "bad"}}, "File:A", "u")
    invalid = {
        "query": {"pages": {"-1": {"title": "File:<", "invalid": "", "invalidreason": "bad char"}}}
    }
    with pytest.raises(RemoteError, match="bad char"):
        commons.record_from_answer(invalid, "File:<", "u")
    with pytest.raises(RemoteError, match="unexpected"):
        commons.record_from_answer(["not", "an", "object"], "File:A", "u")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://creativecommons.org/licenses/by-sa/4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
        ("//creativecommons.org/licenses/by/2.0", "https://creativecommons.org/licenses/by/2.0/"),
        ("https://creativecommons.org/licenses/by/3.0/de", "https://creativecommons.org/licenses/by/3.0/de/"),
        ("https://creativecommons.org/publicdomain/zero/1.0/deed.en", "https://creativecommons.org/publicdomain/zero/1.0/deed.en"),
        ("https://creativecommons.org/licenses/by/4.0/legalcode", "https://creativecommons.org/licenses/by/4.0/legalcode"),
        ("https://www.gnu.org/copyleft/fdl.html", "https://www.gnu.org/copyleft/fdl.html"),
        ("", None),
    ],
)  # fmt: skip
def test_commons_licence_urls_get_their_trailing_slash(given: str, expected: str | None) -> None:
    assert commons.normalise_licence_url(given) == expected


# --------------------------------------------------------------------------- Flickr


def flickr_answer(licence: str = "3") -> dict[str, Any]:
    return {
        "photo": {
            "id": "2591423484",
            "secret": "6c1f8a1c3e",
            "server": "3040",
            "farm": 4,
            "license": licence,
            "owner": {
                "nsid": "35034346050@N01",
                "username": "Joi",
                "realname": "Joi Ito",
                "path_alias": "joi",
            },
            "title": {"_content": "Cute dog"},
            "description": {"_content": ""},
            "urls": {"url": [{"type": "photopage", "_content": "https://www.flickr.com/photos/joi/2591423484/"}]},
            "media": "photo",
        },
        "stat": "ok",
    }  # fmt: skip


def test_flickr_without_key_is_skipped_with_a_note(httpserver: HTTPServer, tmp_path: Path) -> None:
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        record = client.lookup(["https://www.flickr.com/photos/joi/2591423484/"])
    assert record is not None
    assert record.service == "flickr" and record.licence is None
    assert record.note == "Flickr lookup skipped: set FLICKR_API_KEY"
    assert record.source == "https://www.flickr.com/photos/joi/2591423484/"
    assert httpserver.log == []


def test_flickr_getinfo_maps_licence_and_owner(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLICKR_API_KEY", "s3cr3t-key")
    httpserver.expect_request(
        "/services/rest/",
        query_string={
            "method": "flickr.photos.getInfo",
            "api_key": "s3cr3t-key",
            "photo_id": "2591423484",
            "format": "json",
            "nojsoncallback": "1",
        },
    ).respond_with_json(flickr_answer("3"))
    config = make_config(httpserver, tmp_path)
    with RemoteClient(config) as client:
        record = client.lookup(["https://flic.kr/p/" + _base58_encode(2591423484)])
    assert record is not None
    assert record.creator == "Joi Ito" and record.title == "Cute dog"
    assert record.licence == "CC BY-NC-ND 2.0"
    assert record.licence_url == "https://creativecommons.org/licenses/by-nc-nd/2.0/"
    assert record.source == "https://www.flickr.com/photos/joi/2591423484/"
    assert record.attribution_required is True
    assert b"s3cr3t-key" not in Path(config.cache or "").read_bytes()


def test_flickr_stat_fail_is_a_remote_error(
    httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLICKR_API_KEY", "k")
    fail = {"stat": "fail", "code": 1, "message": 'Photo "1" not found (invalid ID)'}
    httpserver.expect_request("/services/rest/").respond_with_json(fail)
    client = RemoteClient(make_config(httpserver, tmp_path))
    with client, pytest.raises(RemoteError, match=r"Photo \"1\" not found .*error 1"):
        client.lookup(["https://www.flickr.com/photos/x/1/"])


def test_flickr_licence_table_matches_licenses_getinfo() -> None:
    table = flickr.FLICKR_LICENCES
    assert sorted(table) == list(range(17))
    codes = ["BY-NC-SA", "BY-NC", "BY-NC-ND", "BY", "BY-SA", "BY-ND"]
    assert [table[i].name for i in range(1, 7)] == [f"CC {code} 2.0" for code in codes]
    codes = ["BY", "BY-SA", "BY-ND", "BY-NC", "BY-NC-SA", "BY-NC-ND"]
    assert [table[i].name for i in range(11, 17)] == [f"CC {code} 4.0" for code in codes]
    assert table[9].url == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert table[10].url == "https://creativecommons.org/publicdomain/mark/1.0/"
    assert table[7].name == "No known copyright restrictions"
    for licence in table.values():
        if licence.url and "creativecommons.org" in licence.url:
            assert licence.url.startswith("https://") and licence.url.endswith("/")


def test_flickr_entities_in_names_and_titles_are_decoded() -> None:
    answer = flickr_answer("4")
    answer["photo"]["title"] = {"_content": "Tom &amp; Jerry"}
    answer["photo"]["owner"]["realname"] = ""
    answer["photo"]["owner"]["username"] = "S&#252;dtirol"
    record = flickr.record_from_answer(answer, flickr.FlickrPhoto("1"), "u")
    assert (record.title, record.creator) == ("Tom & Jerry", "Südtirol")


def test_flickr_all_rights_reserved_and_unknown_ids() -> None:
    photo = flickr.FlickrPhoto("2591423484")
    record = flickr.record_from_answer(flickr_answer("0"), photo, "u")
    assert record.licence == "All Rights Reserved" and record.note and "permission" in record.note
    record = flickr.record_from_answer(flickr_answer("99"), photo, "u")
    assert record.licence is None and record.note == "unknown Flickr licence id 99"


# --------------------------------------------------------------------------- Openverse


def openverse_answer() -> dict[str, Any]:
    return {
        "id": UUID,
        "title": "Lighthouse at dusk",
        "indexed_on": "2020-04-07T01:23:45Z",
        "foreign_landing_url": "https://www.flickr.com/photos/someone/1234/",
        "url": "https://live.staticflickr.com/1/1234_abcd.jpg",
        "creator": "Some One",
        "creator_url": "https://www.flickr.com/photos/someone",
        "license": "by-nc-sa",
        "license_version": "2.0",
        "license_url": "https://creativecommons.org/licenses/by-nc-sa/2.0/?ref=openverse",
        "provider": "flickr",
        "source": "flickr",
        "attribution": '"Lighthouse at dusk" by Some One is licensed under CC BY-NC-SA 2.0.',
        "mature": False,
        "tags": [],
    }


def test_openverse_image_record(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(f"/v1/images/{UUID}/").respond_with_json(openverse_answer())
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        record = client.lookup([f"https://openverse.org/en/image/{UUID}"])
    assert record is not None and record.service == "openverse"
    assert record.licence == "CC BY-NC-SA 2.0"
    assert record.licence_url == "https://creativecommons.org/licenses/by-nc-sa/2.0/"
    assert (record.creator, record.title) == ("Some One", "Lighthouse at dusk")
    assert record.source == "https://www.flickr.com/photos/someone/1234/"
    assert record.attribution_required is True


def test_openverse_not_found(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(f"/v1/images/{UUID}/").respond_with_json(
        {"detail": "Not found."}, status=404
    )
    client = RemoteClient(make_config(httpserver, tmp_path))
    with client, pytest.raises(RemoteError, match="not found"):
        client.lookup([f"https://openverse.org/image/{UUID}"])


@pytest.mark.parametrize(
    ("code", "version", "name"),
    [
        ("by", "4.0", "CC BY 4.0"),
        ("by-nd", "2.5", "CC BY-ND 2.5"),
        ("cc0", "1.0", "CC0 1.0"),
        ("pdm", None, "Public Domain Mark 1.0"),
        ("sampling+", "1.0", "CC Sampling+ 1.0"),
        ("mystery", "1.0", None),
        (None, None, None),
    ],
)
def test_openverse_licence_names(code: str | None, version: str | None, name: str | None) -> None:
    assert openverse.licence_name(code, version) == name


# --------------------------------------------------------------------------- lookup()


def test_unrecognised_urls_give_none_and_send_nothing(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        assert client.lookup(["img/a.jpg", "https://example.com/photo.jpg"]) is None
        assert client.lookup([]) is None
    assert httpserver.log == []


def test_lookup_prefers_an_answer_with_a_licence(httpserver: HTTPServer, tmp_path: Path) -> None:
    answer = commons_answer("File:Tour_Eiffel.jpg", "File:Tour Eiffel.jpg", "Benh")
    httpserver.expect_request("/w/api.php").respond_with_json(answer)
    urls = [
        "https://www.flickr.com/photos/joi/2591423484/",  # skipped: no key
        "https://commons.wikimedia.org/wiki/File:Tour_Eiffel.jpg",
    ]
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        record = client.lookup(urls)
    assert record is not None and record.service == "commons" and record.creator == "Benh"


def test_lookup_survives_one_failure_and_raises_when_all_fail(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request(f"/v1/images/{UUID}/").respond_with_json(openverse_answer())
    httpserver.expect_request("/w/api.php").respond_with_data("<html>oops</html>", status=200)
    broken = "https://commons.wikimedia.org/wiki/File:Broken.jpg"
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        record = client.lookup([broken, f"https://openverse.org/image/{UUID}"])
        assert record is not None and record.service == "openverse"
        with pytest.raises(RemoteError, match="not JSON"):
            client.lookup([broken])


def test_same_work_is_asked_once_per_client(httpserver: HTTPServer, tmp_path: Path) -> None:
    calls = []

    def handler(request: Request) -> Response:
        calls.append(request.args["titles"])
        answer = commons_answer(request.args["titles"], "File:Tour Eiffel.jpg", "Benh")
        return Response(json.dumps(answer), content_type="application/json")

    httpserver.expect_request("/w/api.php").respond_with_handler(handler)
    with RemoteClient(make_config(httpserver, tmp_path), refresh=True) as client:
        first = client.lookup(["https://commons.wikimedia.org/wiki/File:Tour_Eiffel.jpg"])
        second = client.lookup(["https://en.wikipedia.org/wiki/X#/media/File:Tour_Eiffel.jpg"])
    assert first is not None and second is not None
    assert second.match == "https://en.wikipedia.org/wiki/X#/media/File:Tour_Eiffel.jpg"
    assert calls == ["File:Tour_Eiffel.jpg"]


def test_second_run_and_offline_run_are_answered_by_the_cache(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    answer = commons_answer("File:Tour_Eiffel.jpg", "File:Tour Eiffel.jpg", ARTIST_HTML)
    httpserver.expect_request("/w/api.php").respond_with_json(answer)
    config = make_config(httpserver, tmp_path)
    url = ["https://commons.wikimedia.org/wiki/File:Tour_Eiffel.jpg"]
    records = []
    for offline in (False, False, True):
        with RemoteClient(config, offline=offline) as client:
            records.append(client.lookup(url))
    assert len(httpserver.log) == 1
    assert records[0] == records[1] == records[2]
    assert records[0] is not None and records[0].licence == "CC BY-SA 3.0"


@pytest.mark.parametrize(
    ("artist", "creator"),
    [
        ("<i>Unknown author</i>", None),
        ('<span lang="en">Anonymous</span>', None),
        ("Unknown photographer", None),
        ("Author", "Author"),  # a lone word that is not a placeholder is kept
        ("Unknown Pleasures Studio", "Unknown Pleasures Studio"),
        ('<a href="//commons.wikimedia.org/wiki/User:Jane">Jane Doe</a>', "Jane Doe"),
        (  # Flickr-transferred files: the place is not part of the name
            '<a rel="nofollow" class="external text" '
            'href="https://www.flickr.com/people/12345@N00">Bob Smith</a> from London, UK',
            "Bob Smith",
        ),
        ("Bob Smith from London", "Bob Smith from London"),  # no link: not that shape
        ('<a href="https://x.example">A</a> and <a href="https://y.example">B</a>', "A and B"),
    ],
)
def test_commons_unknown_author_placeholders(artist: str, creator: str | None) -> None:
    page = {
        "title": "File:A.jpg",
        "imageinfo": [
            {
                "extmetadata": {
                    "Artist": {"value": artist},
                    "Credit": {"value": '<span class="int-own-work">Own work</span>'},
                }
            }
        ],
    }
    record = commons.record_from_answer({"query": {"pages": {"1": page}}}, "File:A.jpg", "u")
    assert record.creator == creator
    assert "Own work" not in (record.note or "")


@pytest.mark.parametrize(
    ("url", "page"),
    [
        ("https://commons.m.wikimedia.org/wiki/File:A_b.jpg", True),
        ("https://en.wikipedia.org/wiki/Harbour#/media/File:A_b.jpg", True),
        ("https://de.wikipedia.org/wiki/Datei:A_b.jpg", True),
        ("https://commons.wikimedia.org/wiki/Special:FilePath/A_b.jpg", False),
        ("https://upload.wikimedia.org/wikipedia/commons/a/a8/A_b.jpg", False),
        ("https://www.flickr.com/photos/12345678@N00/52345678901/in/photolist-x", True),
        ("https://live.staticflickr.com/65535/52345678901_abc1234def_b.jpg", False),
        ("https://flic.kr/p/2nSZvyX", False),
        (f"https://openverse.org/image/{UUID}", False),
    ],
)
def test_work_pages_are_told_from_image_urls(url: str, page: bool) -> None:
    ref = recognise(url)
    assert ref is not None and ref.page is page


def test_record_source_is_the_page_the_article_links(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Commons names its canonical page; the mobile or Wikipedia page the article links is the
    same work's page, so it is the source (no AC106 for linking the 'wrong' form)."""
    answer = {
        "query": {
            "pages": {
                "9": {
                    "title": "File:A b.jpg",
                    "imageinfo": [
                        {
                            "descriptionurl": "https://commons.wikimedia.org/wiki/File:A_b.jpg",
                            "extmetadata": {"LicenseShortName": {"value": "CC BY 4.0"}},
                        }
                    ],
                }
            }
        }
    }
    httpserver.expect_request("/w/api.php").respond_with_json(answer)
    mobile = "https://commons.m.wikimedia.org/wiki/File:A_b.jpg"
    upload = "https://upload.wikimedia.org/wikipedia/commons/a/a8/A_b.jpg"
    with RemoteClient(make_config(httpserver, tmp_path)) as client:
        from_page = client.lookup([mobile])
        from_image = client.lookup([upload])
    assert from_page is not None and from_page.source == mobile
    assert from_image is not None
    assert from_image.source == "https://commons.wikimedia.org/wiki/File:A_b.jpg"
    assert len(httpserver.log) == 1  # one question per work per run
