"""rules.yaml -> Policy: defaults, every key, errors in the user's words, permissions."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from attrcheck.errors import PolicyError
from attrcheck.model import Credit, Policy, Statement
from attrcheck.policy import find_permission, load_policy, policy_from_mapping


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(PolicyError) as caught:
        load_policy(write(tmp_path, text))
    return str(caught.value)


def test_none_is_the_builtin_default() -> None:
    policy = load_policy(None)
    assert policy == Policy()
    assert policy.commercial is True and policy.medium == "web"


def test_shipped_rules_yaml_equals_the_default(repo_root: Path) -> None:
    policy = load_policy(repo_root / "rules.yaml")
    assert dataclasses.replace(policy, source=None) == Policy()


def test_empty_file_is_the_default(tmp_path: Path) -> None:
    assert dataclasses.replace(load_policy(write(tmp_path, "")), source=None) == Policy()


def test_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
publication: {commercial: false, medium: print}
register: [registers/media.yaml, other.csv]
licences: {allow: ["CC-BY-*"], deny: ["CC-BY-NC-*"]}
permissions:
  - {credit: Getty Images, note: contract 2026-114}
  - credit: "*Reuters*"
modifications: {crop: allowed, mirror: allowed}
checks: {AC106: {level: info}, missing-title: "off"}
remote: {timeout: 5, max_bytes: 1000, allow_private_hosts: true, cache: cache/db.sqlite}
""",
    )
    policy = load_policy(path)
    assert (policy.commercial, policy.medium) == (False, "print")
    assert policy.register == (
        str((tmp_path / "registers/media.yaml").resolve()),
        str((tmp_path / "other.csv").resolve()),
    )
    assert policy.allow == ("CC-BY-*",) and policy.deny == ("CC-BY-NC-*",)
    assert [p.credit for p in policy.permissions] == ["Getty Images", "*Reuters*"]
    assert policy.permissions[0].note == "contract 2026-114"
    assert policy.modifications["crop"] == "allowed"
    assert policy.modifications["alteration"] == "violation"
    assert policy.modifications["mirror"] == "allowed"
    assert policy.levels == {"AC106": "info", "AC105": "off"}
    assert policy.remote.timeout == 5.0 and policy.remote.max_bytes == 1000
    assert policy.remote.allow_private_hosts is True
    assert policy.remote.cache == str((tmp_path / "cache/db.sqlite").resolve())
    assert policy.source == str(path)


def test_register_as_a_single_path(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, "register: media-register.yaml\n"))
    assert policy.register == (str((tmp_path / "media-register.yaml").resolve()),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("publication:\n  commercial: 'yes'\n", "publication.commercial: 'yes' is not a boolean"),
        ("publication: {medium: paper}\n", "publication.medium: 'paper' is not one of 'web'"),
        ("publication: {comercial: true}\n",
         "publication.comercial: unknown key (did you mean 'commercial'?)"),
        ("licence: {}\n", "licence: unknown key (did you mean 'licences'?)"),
        ("licences: {allow: CC-BY-4.0}\n", "licences.allow: 'CC-BY-4.0' is not a list"),
        ("permissions: [{note: x}]\n", "permissions[0]: missing required key ('credit')"),
        ("modifications: {crop: ok}\n",
         "modifications.crop: 'ok' is not one of 'allowed', 'violation'"),
        ("modifications: {cropping: allowed}\n",
         "modifications.cropping: unknown key (did you mean 'crop'?)"),
        ("checks: {AC106: {level: loud}}\n", "checks.AC106.level: 'loud' is not one of"),
        ("checks: {AC999: 'off'}\n", "checks.AC999: unknown check (did you mean"),
        ("checks: {nc-comercial-use: 'off'}\n", "did you mean 'nc-commercial-use'?"),
        ("remote: {timeout: 0}\n", "remote.timeout: 0 is too small (must be greater than 0)"),
        ("remote: {commons_api: 'ftp://x'}\n", "remote.commons_api: 'ftp://x' is not an http"),
        ("remote: {timout: 3}\n", "remote.timout: unknown key (did you mean 'timeout'?)"),
        ("- a\n- b\n", "the top level must be a mapping"),
    ],
)  # fmt: skip
def test_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    error = error_of(tmp_path, text)
    assert error.startswith(f"{tmp_path / 'rules.yaml'}: ")
    assert message in error


def test_malformed_yaml_gives_line_and_column(tmp_path: Path) -> None:
    error = error_of(tmp_path, "publication:\n  commercial: true\n  medium: [web\n")
    assert error.startswith(f"{tmp_path / 'rules.yaml'}:")
    assert "not valid YAML" in error
    line_col = error.split(": ", 1)[0].rsplit(":", 2)[1:]
    assert all(part.isdigit() for part in line_col)


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="no such file"):
        load_policy(tmp_path / "nope.yaml")
    binary = tmp_path / "rules.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(PolicyError, match="not UTF-8"):
        load_policy(binary)


def test_mapping_form_names_the_file() -> None:
    with pytest.raises(PolicyError, match=r"^custom\.yaml: publication\.commercial"):
        policy_from_mapping({"publication": {"commercial": 1}}, "custom.yaml")


# --------------------------------------------------------------------------- permissions


GETTY = ("Getty Images",)
HOLDER = Statement("copyright", "", holder="Jane Doe")


def _policy(*patterns: str) -> Policy:
    return policy_from_mapping({"permissions": [{"credit": p} for p in patterns]})


@pytest.mark.parametrize(
    ("pattern", "caption", "credit", "covered"),
    [
        ("Getty Images", "Ics813/iStock, via Getty Images", Credit("", organisations=GETTY), True),
        ("getty images", "Photo: GETTY IMAGES", Credit("Photo: GETTY IMAGES"), True),
        ("Getty*", "x", Credit("x", organisations=("Getty Images",)), True),
        ("*reuters*", "Photo: John Smith/Reuters", Credit("Photo: John Smith/Reuters"), True),
        ("AP", "Photo: Apple Inc.", Credit("Photo: Apple Inc."), False),
        ("AP", "Photo: Evan Vucci/AP", Credit("Photo: Evan Vucci/AP"), True),
        ("Sudtirol", "by IDM Südtirol", Credit("by IDM Südtirol"), True),
        ("Jane Doe", "© Jane Doe", Credit("", statements=(HOLDER,)), True),
        ("Reuters", "Photo: AFP", Credit("Photo: AFP"), False),
    ],
)  # fmt: skip
def test_find_permission(pattern: str, caption: str, credit: Credit, covered: bool) -> None:
    found = find_permission(_policy(pattern), credit, caption)
    assert (found is not None) == covered
    if covered:
        assert found is not None and found.credit == pattern


def test_no_permissions() -> None:
    assert find_permission(Policy(), Credit("Getty Images"), "Getty Images") is None


def test_unquoted_off_means_off(tmp_path: Path) -> None:
    policy = load_policy(write(tmp_path, "checks:\n  AC106: off\n  AC105: {level: off}\n"))
    assert policy.levels == {"AC106": "off", "AC105": "off"}


def test_empty_sections_are_empty(tmp_path: Path) -> None:
    text = "publication:\n  # commercial: false\nremote:\nchecks:\npermissions:\n"
    assert dataclasses.replace(load_policy(write(tmp_path, text)), source=None) == Policy()


def test_unknown_key_inside_a_check_setting(tmp_path: Path) -> None:
    assert "checks.AC101.levl: unknown key (did you mean 'level'?)" in error_of(
        tmp_path, "checks: {AC101: {levl: 'off'}}\n"
    )


def test_home_relative_paths_are_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    rules = write(tmp_path, "register: ~/register.yaml\nremote: {cache: ~/cache.sqlite}\n")
    policy = load_policy(rules)
    assert policy.register == (str((tmp_path / "home" / "register.yaml").resolve()),)
    assert policy.remote.cache == str((tmp_path / "home" / "cache.sqlite").resolve())
