"""The rights register: loading YAML and CSV, schema errors in the user's words, lookups."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from attrcheck.errors import RegisterError
from attrcheck.provenance.register import load_register, load_registers, lookup_in

REGISTER = """\
# what the newsroom knows
assets:
  - match: img/pompeo-raab.jpg
    creator: Pippa Fowles
    title: Secretary Pompeo and the Foreign Secretary
    source: https://www.flickr.com/photos/number10gov/1
    licence: CC BY-NC-ND 2.0
    original: originals/pompeo-raab.jpg
    permission: null
  - match: https://example.org/media/ukti.jpg
    creator: UKTI
    licence: https://creativecommons.org/licenses/by-nc-nd/2.0/
  - match: sha256:{digest}
    creator: Reuters
    permission: Reuters subscription
    original: originals/missing.jpg
"""


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    (tmp_path / "img").mkdir()
    (tmp_path / "originals").mkdir()
    (tmp_path / "img" / "pompeo-raab.jpg").write_bytes(b"published")
    (tmp_path / "originals" / "pompeo-raab.jpg").write_bytes(b"original")
    digest = hashlib.sha256(b"agency picture").hexdigest()
    (tmp_path / "media-register.yaml").write_text(REGISTER.format(digest=digest.upper()))
    return tmp_path


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(path.parent)
    with pytest.raises(RegisterError) as caught:
        load_register(path)
    return str(caught.value)


def test_lookup_by_relative_path_resolves_original(newsroom: Path) -> None:
    register = load_register(newsroom / "media-register.yaml")
    record = register.lookup(str(newsroom / "img" / "pompeo-raab.jpg"), None, None)
    assert record is not None
    assert record.origin == "register"
    assert record.creator == "Pippa Fowles"
    assert record.licence == "CC BY-NC-ND 2.0"
    assert record.original == str(newsroom / "originals" / "pompeo-raab.jpg")
    assert record.original_missing is False
    assert record.permission is None
    assert record.location is not None and record.location.endswith(": assets[0]")


def test_path_match_is_normalised(newsroom: Path) -> None:
    register = load_register(newsroom / "media-register.yaml")
    spelled = str(newsroom / "img" / ".." / "img" / "." / "pompeo-raab.jpg")
    assert register.lookup(spelled, None, None) is not None
    assert register.lookup(str(newsroom / "pompeo-raab.jpg"), None, None) is None


def test_lookup_by_url_ignores_scheme_and_trailing_slash(newsroom: Path) -> None:
    register = load_register(newsroom / "media-register.yaml")
    record = register.lookup(None, "http://EXAMPLE.org/media/ukti.jpg/", None)
    assert record is not None and record.creator == "UKTI"
    assert record.licence_url == "https://creativecommons.org/licenses/by-nc-nd/2.0/"
    assert register.lookup(None, "https://example.org/media/other.jpg", None) is None


def test_lookup_by_sha256_reports_missing_original(newsroom: Path) -> None:
    register = load_register(newsroom / "media-register.yaml")
    digest = hashlib.sha256(b"agency picture").hexdigest()
    record = register.lookup("/elsewhere/x.jpg", None, digest)
    assert record is not None
    assert record.permission == "Reuters subscription"
    assert record.original_missing is True
    assert record.original == str(newsroom / "originals" / "missing.jpg")
    assert record.match is not None and record.match.startswith("sha256:")
    assert register.lookup(None, None, f"sha256:{digest}") is not None


def test_several_registers_are_tried_in_order(newsroom: Path, tmp_path: Path) -> None:
    other = write(newsroom, "agency.yaml", "assets:\n  - match: img/x.jpg\n    creator: AP\n")
    registers = load_registers([newsroom / "media-register.yaml", other])
    record = lookup_in(registers, str(newsroom / "img" / "x.jpg"), None, None)
    assert record is not None and record.creator == "AP"
    assert lookup_in(registers, str(newsroom / "img" / "y.jpg"), None, None) is None


def test_csv_register_with_the_same_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "register.csv",
        "\ufeffmatch,creator,licence,original\n"
        'img/a.jpg,"Doe, Jane",CC BY 4.0,\n'
        "\n"
        "img/b.png,Max,CC0 1.0,orig/b.tif\n",
    )
    register = load_register(path)
    first = register.lookup(str(tmp_path / "img" / "a.jpg"), None, None)
    assert first is not None and first.creator == "Doe, Jane" and first.original is None
    second = register.lookup(str(tmp_path / "img" / "b.png"), None, None)
    assert second is not None and second.original_missing is True
    assert second.location is not None and second.location.endswith("register.csv:4")


def test_semicolon_csv(tmp_path: Path) -> None:
    path = write(tmp_path, "register.csv", "match;creator\nimg/a.jpg;Jane\n")
    record = load_register(path).lookup(str(tmp_path / "img/a.jpg"), None, None)
    assert record is not None and record.creator == "Jane"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "assets:\n  - match: a.jpg\n  - match: b.jpg\n    licence: 42\n",
            "media-register.yaml: assets[1].licence: 42 is not a string",
        ),
        (
            "assets:\n  - match: a.jpg\n    licnce: CC BY 4.0\n",
            "media-register.yaml: assets[0]: unknown key 'licnce' (did you mean 'licence'?)",
        ),
        (
            "assets:\n  - match: a.jpg\n    license: CC BY 4.0\n",
            "media-register.yaml: assets[0]: unknown key 'license' (did you mean 'licence'?)",
        ),
        (
            "asset:\n  - match: a.jpg\n",
            "media-register.yaml: (top level): unknown key 'asset' (did you mean 'assets'?)",
        ),
        (
            "assets:\n  - creator: Jane\n",
            "media-register.yaml: assets[0]: missing required key 'match'",
        ),
        (
            "assets:\n  - match: sha256:1234\n",
            "media-register.yaml: assets[0].match: 'sha256:1234' is not sha256: followed by 64",
        ),
        ("assets: {}\n", "media-register.yaml: assets: a mapping is not a list"),
        ("- match: a.jpg\n", "media-register.yaml: (top level): a list is not a mapping"),
        ("", "media-register.yaml: the register is empty"),
        (
            "assets:\n  - match: a.jpg\n    creator: [Jane\n",
            "media-register.yaml:4:1: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "assets:\n  - match: a.jpg\n     creator: Jane\n",
            "media-register.yaml:3:13: mapping values are not allowed here",
        ),
        (
            "x: &a [1, 2]\nassets:\n  - match: *a\n",
            "media-register.yaml:3:12: aliases (*name) are not allowed",
        ),
    ],
)
def test_errors_name_the_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    path = write(tmp_path, "media-register.yaml", text)
    assert error_of(path, monkeypatch).startswith(message)


def test_dates_stay_text(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "assets:\n  - match: a.jpg\n    title: 2024-05-01\n")
    record = load_register(path).lookup(str(tmp_path / "a.jpg"), None, None)
    assert record is not None and record.title == "2024-05-01"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "match,licnse\na.jpg,x\n",
            "register.csv:1: unknown column 'licnse' (did you mean 'licence'?)",
        ),
        ("creator\nJane\n", "register.csv:1: missing required column 'match'"),
        ("match,creator\n,Jane\n", "register.csv:2: match: empty, expected a string"),
        ("match,creator\na.jpg,Jane,extra\n", "register.csv:2: 3 cells but 2 columns"),
    ],
)
def test_csv_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    path = write(tmp_path, "register.csv", text)
    assert error_of(path, monkeypatch).startswith(message)


def test_unreadable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RegisterError, match=r"absent\.yaml: rights register not found"):
        load_register("absent.yaml")
    (tmp_path / "bin.yaml").write_bytes(b"assets:\n  - match: \xff\xfe\n")
    with pytest.raises(RegisterError, match=r"bin\.yaml: byte offset 19: not UTF-8"):
        load_register("bin.yaml")
    with pytest.raises(RegisterError, match="is a folder"):
        load_register(tmp_path)


def test_duplicate_matches_warn_and_first_wins(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "r.yaml",
        "assets:\n  - match: a.jpg\n    creator: One\n  - match: ./a.jpg\n    creator: Two\n",
    )
    register = load_register(path)
    record = register.lookup(str(tmp_path / "a.jpg"), None, None)
    assert record is not None and record.creator == "One"
    assert len(register.warnings) == 1 and "assets[1]" in register.warnings[0]


def test_percent_encoded_match(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "assets:\n  - match: img/my%20photo.jpg\n    creator: A\n")
    assert load_register(path).lookup(str(tmp_path / "img/my photo.jpg"), None, None) is not None


def test_site_root_path_matches_relative_to_the_register(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", "assets:\n  - match: /img/a.jpg\n    creator: A\n")
    assert load_register(path).lookup(str(tmp_path / "img" / "a.jpg"), None, None) is not None


def test_the_schema_is_a_valid_json_schema(repo_root: Path) -> None:
    import json

    import jsonschema

    schema = json.loads((repo_root / "src/attrcheck/schemas/register.schema.json").read_text())
    jsonschema.validators.validator_for(schema).check_schema(schema)
    assert set(schema["$defs"]["asset"]["properties"]) == {
        "match", "creator", "title", "source", "licence", "original", "permission",
    }  # fmt: skip


def test_csv_headers_are_case_insensitive(tmp_path: Path) -> None:
    path = write(tmp_path, "r.csv", "Match,Creator,Licence\nimg/a.jpg,Jane,CC BY 4.0\n")
    record = load_register(path).lookup(str(tmp_path / "img/a.jpg"), None, None)
    assert record is not None and record.creator == "Jane" and record.licence == "CC BY 4.0"
