"""The licence database: schema, ids, URLs, completeness, regeneration, packaging, lookups."""

from __future__ import annotations

import fnmatch
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from attrcheck import licences
from attrcheck.errors import LicenceDBError
from attrcheck.licences import db as db_module
from attrcheck.licences.db import LicenceDB

REPO = Path(__file__).resolve().parents[1]
LICENCES = REPO / "licences"


@pytest.fixture(scope="module")
def database() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((LICENCES / "licences.json").read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def entries(database: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = database["licences"]
    return result


def load_build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_licences", REPO / "scripts" / "build_licences.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the data files


def test_every_entry_validates_against_the_schema(database: dict[str, Any]) -> None:
    schema = json.loads((LICENCES / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(database))
    assert not errors, [f"{e.json_path}: {e.message}" for e in errors[:5]]


def test_ids_are_unique_and_sorted(entries: list[dict[str, Any]]) -> None:
    ids = [entry["id"] for entry in entries]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids))
    assert len({i.upper() for i in ids}) == len(ids)


def test_urls_are_https_with_a_trailing_slash(entries: list[dict[str, Any]]) -> None:
    for entry in entries:
        for url in [entry["url"], *entry["urls"]]:
            if url is None:
                continue
            assert url.startswith("https://"), url
            assert url.endswith("/") or url.endswith(".html"), url  # gnu.org serves documents
        assert entry["url"] is None or entry["url"] in entry["urls"]


def test_counts_and_families(entries: list[dict[str, Any]]) -> None:
    cc = [e for e in entries if e["unit"]]
    assert len(cc) == 639
    families = {e["family"] for e in entries}
    assert {
        "CC-BY",
        "CC0",
        "PDM",
        "CC-PDDC",
        "OGL-UK",
        "public-domain",
        "Unsplash",
        "Pexels",
    } <= families
    assert {"Pixabay", "GFDL", "FAL", "all-rights-reserved", "CC-ND-NC", "CC-SAMPLING+"} <= families
    assert sum(e["family"] == "OGL-UK" for e in entries) == 3


def test_replaced_by_and_sources_name_existing_entries(entries: list[dict[str, Any]]) -> None:
    ids = {entry["id"] for entry in entries}
    for entry in entries:
        for field in ("replaced_by", "source"):
            assert entry[field] is None or entry[field] in ids, (entry["id"], field)


def test_share_alike_globs_match_existing_licences(entries: list[dict[str, Any]]) -> None:
    ids = [entry["id"] for entry in entries]
    for entry in entries:
        assert bool(entry["share_alike_compatible"]) == entry["share_alike"], entry["id"]
        for glob in entry["share_alike_compatible"]:
            assert fnmatch.filter(ids, glob), (entry["id"], glob)


def test_every_cc_tool_of_the_shared_data_is_present(
    shared_dir: Path, entries: list[dict[str, Any]]
) -> None:
    tools = json.loads(
        (shared_dir / "cc-legal-tools" / "legal-tools.json").read_text(encoding="utf-8")
    )
    by_url = {entry["url"]: entry for entry in entries}
    for tool in tools:
        entry = by_url[tool["canonical_url"]]
        assert entry["unit"] == tool["unit"] and entry["version"] == tool["version"]
        assert entry["short_name"] == tool["identifier"]
        assert entry["id"] == (tool["spdx_id"] or tool["identifier"].replace(" ", "-"))
        assert entry["retired"] == tool["deprecated"]


def test_regenerating_gives_the_committed_files(shared_dir: Path) -> None:
    build = load_build_script()
    outputs = build.build(shared_dir / "cc-legal-tools", LICENCES / "other.json")
    for name, text in outputs.items():
        committed = (LICENCES / name).read_text(encoding="utf-8")
        assert committed == text, f"licences/{name} is stale: run `make licences`"


def test_notice_credits_the_sources() -> None:
    notice = (LICENCES / "NOTICE").read_text(encoding="utf-8")
    for source in (
        "cc.licenserdf",
        "cc-legal-tools-app",
        "creativecommons.org",
        "SPDX",
        "MIT License",
    ):
        assert source in notice


# --------------------------------------------------------------------------- packaging


def test_wheel_ships_the_licences_folder() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force["licences"] == "attrcheck/_licences"


def test_data_dir_is_the_repository_folder_in_an_editable_install() -> None:
    assert Path(str(db_module.data_dir())).resolve() == LICENCES.resolve()


def test_packaged_dir_is_what_importlib_resources_names() -> None:
    from importlib import resources

    expected = resources.files("attrcheck") / "_licences"
    assert Path(str(db_module.packaged_dir())) == Path(str(expected))


def test_data_dir_prefers_the_packaged_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "attrcheck"
    shutil.copytree(LICENCES, package / "_licences", ignore=shutil.ignore_patterns("licences.json"))
    monkeypatch.setattr(db_module, "packaged_dir", lambda: package / "_licences")
    assert Path(str(db_module.data_dir())) == package / "_licences"
    assert db_module.load_index().get("CC BY 4.0") is not None


def test_missing_database_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "packaged_dir", lambda: tmp_path / "_licences")
    monkeypatch.setattr(db_module, "__file__", str(tmp_path / "a" / "b" / "c" / "db.py"))
    with pytest.raises(LicenceDBError, match="licence database not found"):
        db_module.data_dir()


def test_malformed_index_is_a_clear_error() -> None:
    with pytest.raises(LicenceDBError, match="malformed"):
        LicenceDB({"licences": [{"id": "X"}], "licence_db_version": "x"})


# --------------------------------------------------------------------------- the API


def test_load_is_cached_and_versioned(database: dict[str, Any]) -> None:
    db = licences.load()
    assert db is licences.load()
    assert db.version == database["licence_db_version"]
    assert db.version.startswith("cc-legal-tools-app@ad03b3e+attrcheck-")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("CC-BY-NC-ND-2.0", "CC-BY-NC-ND-2.0"),
        ("cc-by-nc-nd-2.0", "CC-BY-NC-ND-2.0"),
        ("CC BY-NC-ND 2.0", "CC-BY-NC-ND-2.0"),
        ("CC BY-NC-ND 2.0 UK", "CC-BY-NC-ND-2.0-UK"),
        ("CC BY-ND-NC 1.0", "CC-BY-NC-ND-1.0"),
        ("CC BY-NC-ND 1.0", "CC-BY-NC-ND-1.0"),
        ("cc0-1.0", "CC0-1.0"),
        ("CC0 1.0", "CC0-1.0"),
        ("PDM 1.0", "CC-PDM-1.0"),
        ("CERTIFICATION 1.0 US", "CC-PDDC"),
        ("CC SAMPLING+ 1.0", "CC-SAMPLING+-1.0"),
        ("by-sa/2.0/uk", "CC-BY-SA-2.0-UK"),
        ("ogl-uk-3.0", "OGL-UK-3.0"),
        ("GFDL-1.2", "GFDL-1.2-only"),
        ("licenseref-unsplash", "LicenseRef-Unsplash"),
        ("http://creativecommons.org/licenses/by/4.0/deed.fr", "CC-BY-4.0"),
        ("Attribution-ShareAlike 4.0 International", "CC-BY-SA-4.0"),
    ],
)
def test_get(query: str, expected: str) -> None:
    licence = licences.get(query)
    assert licence is not None and licence.id == expected


@pytest.mark.parametrize("query", ["", "   ", "nope", "CC BY 5.0", "CC BY-SA", "photo by Jane"])
def test_get_unknown(query: str) -> None:
    assert licences.get(query) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://creativecommons.org/licenses/by-sa/2.0/uk/", "CC-BY-SA-2.0-UK"),
        ("http://creativecommons.org/licenses/by-sa/2.0/uk", "CC-BY-SA-2.0-UK"),
        ("https://www.creativecommons.org/licenses/by/4.0/deed.de?ref=chooser-v1", "CC-BY-4.0"),
        ("creativecommons.org/licenses/by-nc/3.0/legalcode.txt", "CC-BY-NC-3.0"),
        ("https://creativecommons.org/publicdomain/zero/1.0/legalcode.fr", "CC0-1.0"),
        ("https://creativecommons.org/licenses/publicdomain/", "CC-PDDC"),
        (
            "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "OGL-UK-3.0",
        ),
        ("https://unsplash.com/license", "LicenseRef-Unsplash"),
    ],
)
def test_by_url(url: str, expected: str) -> None:
    licence = licences.load().by_url(url)
    assert licence is not None and licence.id == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://creativecommons.org/licenses/by/5.0/",
        "https://creativecommons.org/about/",
        "https://example.org/licenses/by/4.0/",
        "not a url",
    ],
)
def test_by_url_unknown(url: str) -> None:
    assert licences.load().by_url(url) is None


def test_every_cc_tool_is_found_by_identifier_url_and_title() -> None:
    db = licences.load()
    for licence in db.all():
        if db.unit(licence.id) is None:
            continue
        for text in (licence.short_name, licence.url, licence.legal_code_url, licence.name):
            if text is None:
                continue
            matches = db.identify(text)
            assert matches and matches[0].id == licence.id, (text, matches)
        assert licence.url is not None and db.by_url(licence.url) is licence


def test_families() -> None:
    db = licences.load()
    assert len(db.family("CC-BY")) == 101
    assert "CC-BY-NC-ND-1.0" in {licence.id for licence in db.family("cc-by-nc-nd")}
    assert {licence.id for licence in db.family("public-domain")} == {
        "LicenseRef-Public-Domain",
        "LicenseRef-US-Government-Work",
        "LicenseRef-No-Known-Copyright",
    }
    assert db.family("no such family") == []
    assert len(db.all()) == 639 + 13


def attribution_of(ident: str) -> Any:
    licence = licences.get(ident)
    assert licence is not None
    return licence.attribution


def test_attribution_requirements_by_version() -> None:
    four = attribution_of("CC-BY-4.0")
    assert (four.title, four.source_uri, four.modification_notice, four.cure_period_days) == (
        False, True, "always", 30,
    )  # fmt: skip
    three = attribution_of("CC-BY-SA-3.0")
    assert (three.title, three.attribution_parties, three.modification_notice) == (
        True,
        True,
        "adaptations",
    )
    assert three.cure_period_days is None
    assert (
        attribution_of("CC-BY-2.0").source_uri
        and not attribution_of("CC-BY-2.0").attribution_parties
    )
    assert attribution_of("CC-BY-2.5").attribution_parties
    assert not attribution_of("CC-BY-1.0").source_uri
    assert attribution_of("CC-BY-NC-4.0").clause.startswith("§3(a)(1)")
    assert attribution_of("CC-BY-NC-ND-3.0").clause.startswith("§4(c)")


def test_ports_that_differ() -> None:
    assert not attribution_of("CC-BY-NC-ND-2.0-UK").technical_changes_allowed
    assert not attribution_of("CC-BY-SA-2.0-UK").technical_changes_allowed
    assert attribution_of("CC-BY-NC-ND-2.5-SCOTLAND").technical_changes_allowed
    assert attribution_of("CC-BY-NC-ND-2.0").technical_changes_allowed


def test_licences_without_a_credit_clause() -> None:
    for ident in ("CC-NC-1.0", "CC-SA-2.0-JP", "CC0-1.0", "CC-PDM-1.0", "LicenseRef-Unsplash"):
        licence = licences.get(ident)
        assert licence is not None and not licence.requires_attribution, ident
        assert licence.attribution.modification_notice == "none"
        assert not licence.attribution.creator


def test_other_licences() -> None:
    ogl = licences.get("OGL-UK-3.0")
    assert ogl is not None and ogl.kind == "government"
    assert ogl.attribution.statement == (
        "Contains public sector information licensed under the Open Government Licence v3.0."
    )
    arr = licences.get("LicenseRef-All-Rights-Reserved")
    assert arr is not None and arr.kind == "proprietary"
    zero = licences.get("CC0-1.0")
    assert zero is not None and zero.kind == "public-domain"


def test_retirement_and_replacement() -> None:
    sampling = licences.get("CC-SAMPLING-1.0")
    assert sampling is not None and sampling.retired and sampling.retired_on == "2007-06-04"
    old = licences.get("CC-BY-SA-2.0")
    assert old is not None and not old.retired and old.replaced_by == "CC-BY-SA-4.0"


def test_share_alike_compatibility() -> None:
    by_sa_3 = licences.get("CC-BY-SA-3.0")
    assert by_sa_3 is not None
    assert {"CC-BY-SA-3.0", "CC-BY-SA-3.0-*", "CC-BY-SA-4.0"} <= set(by_sa_3.share_alike_compatible)
    assert "CC-BY-SA-2.5" not in by_sa_3.share_alike_compatible
    by_sa_1 = licences.get("CC-BY-SA-1.0")
    assert by_sa_1 is not None and by_sa_1.share_alike_compatible == ("CC-BY-SA-1.0",)
    nc_sa_4 = licences.get("CC-BY-NC-SA-4.0")
    assert nc_sa_4 is not None and nc_sa_4.share_alike_compatible == ("CC-BY-NC-SA-4.0",)
    by = licences.get("CC-BY-4.0")
    assert by is not None and by.share_alike_compatible == ()


@pytest.mark.slow
def test_an_installed_wheel_reads_its_packaged_copy(tmp_path: Path) -> None:
    """Build the wheel, install it into a folder, and load the database from there."""
    pytest.importorskip("hatchling", reason="hatchling (the build backend) is not installed")
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    build = [sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-q"]
    subprocess.run([*build, "-w", str(wheels), str(REPO)], check=True, capture_output=True)
    [wheel] = wheels.glob("attrcheck-*.whl")
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target)]
    subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    code = (
        "from attrcheck import licences; print(licences.data_dir()); "
        "print(licences.identify('CC BY-SA 2.0 UK')[0].id)"
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    out = subprocess.run(
        [sys.executable, "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    where, ident = out.stdout.split()
    assert Path(where) == target / "attrcheck" / "_licences"
    assert ident == "CC-BY-SA-2.0-UK"
