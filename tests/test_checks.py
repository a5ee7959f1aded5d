"""Every check against its YAML cases (tests/checks/*.yml); the registry; the docstring shape."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from attrcheck import checks
from attrcheck.model import EVIDENCE_SOURCES, LEVELS

CASES_DIR = Path(__file__).parent / "checks"
sys.path.insert(0, str(CASES_DIR))

from casebuilder import build  # noqa: E402

SECTIONS = ("What it checks", "Why it matters", "Example", "Fix")


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["code"], case, id=f"{data['code']}-{case['id']}"))
    return params


@pytest.mark.parametrize(("code", "spec"), _load_cases())
def test_check_case(code: str, spec: dict[str, Any]) -> None:
    module = checks.get(code)
    assert module is not None
    case = build(spec)
    found = list(module.check(case))
    assert len(found) <= 1, "a check reports at most once per figure"
    if spec["expect"] == "fail":
        assert found, f"{code} should report"
        finding = found[0]
        assert (finding.code, finding.name) == (module.CODE, module.NAME)
        assert finding.figure_id == case.figure.id
        assert finding.fix
        assert finding.line >= 1 and finding.column >= 1
        assert set(finding.evidence) <= set(EVIDENCE_SOURCES)
        if "message" in spec:
            assert spec["message"] in finding.message
        if "level" in spec:
            assert finding.level == spec["level"]
    else:
        assert not found, f"{code} should stay silent: {found[0].message if found else ''}"
    if "findings" in spec:
        assert sorted(f.code for f in checks.run_checks(case)) == sorted(spec["findings"])


def test_every_check_has_pass_and_fail_cases() -> None:
    for module in checks.REGISTRY:
        path = CASES_DIR / f"{module.CODE}.yml"
        assert path.is_file(), f"{path.name} missing"
        expects = {case["expect"] for case in yaml.safe_load(path.read_text())["cases"]}
        assert expects == {"pass", "fail"}, module.CODE


def test_registry_is_complete_and_ordered() -> None:
    codes = [module.CODE for module in checks.REGISTRY]
    assert codes == sorted(codes)
    assert len(set(codes)) == len(codes) == 21
    assert codes[:7] == [f"AC10{i}" for i in range(1, 8)]
    for module in checks.REGISTRY:
        assert re.fullmatch(r"AC\d{3}", module.CODE)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", module.NAME)
        assert module.LEVEL in LEVELS
        assert module.__name__.rsplit(".", 1)[1] == f"{module.CODE.lower()}_" + (
            module.NAME.replace("-", "_")
        )


def test_names_match_the_catalogue() -> None:
    catalogue = {
        "AC101": "missing-credit", "AC102": "missing-creator", "AC103": "missing-licence-notice",
        "AC104": "missing-licence-link", "AC105": "missing-title", "AC106": "missing-source-link",
        "AC107": "missing-modification-notice", "AC201": "nc-commercial-use",
        "AC202": "nd-modified", "AC203": "sa-adaptation", "AC204": "licence-not-allowed",
        "AC205": "retired-licence", "AC206": "no-permission-record", "AC301": "unknown-licence",
        "AC302": "licence-conflict", "AC303": "creator-mismatch", "AC304": "metadata-stripped",
        "AC305": "invalid-licence-reference", "AC901": "image-not-found",
        "AC902": "image-unreadable", "AC903": "suppression-without-reason",
    }  # fmt: skip
    assert {module.CODE: module.NAME for module in checks.REGISTRY} == catalogue


@pytest.mark.parametrize("module", checks.REGISTRY, ids=lambda m: m.CODE)
def test_docstring_has_the_fixed_shape(module: Any) -> None:
    doc = module.__doc__ or ""
    lines = doc.strip().splitlines()
    assert lines and lines[0].strip().endswith("."), "a one-line summary first"
    positions = []
    for title in SECTIONS:
        match = re.search(
            rf"^{re.escape(title)}\n-+\n(.+?)(?=\n\S[^\n]*\n-+\n|\Z)", doc, re.M | re.S
        )
        assert match, f"section {title!r} missing"
        assert match.group(1).strip(), f"section {title!r} empty"
        positions.append(match.start())
    assert positions == sorted(positions), "sections in order"
    why = re.search(r"^Why it matters\n-+\n(.+?)\nExample", doc, re.M | re.S)
    assert why is not None
    if module.CODE not in ("AC901", "AC902", "AC903"):
        assert "§" in why.group(1), "Why it matters cites the licence clause"


def test_get_by_code_and_name() -> None:
    assert checks.get("ac201") is checks.get("nc-commercial-use") is checks.get(" AC201 ")
    assert checks.get("AC999") is None
    assert checks.nearest("AC2O1") == "AC201"
    assert checks.nearest("nc-comercial-use") == "nc-commercial-use"


def test_run_checks_applies_policy_levels() -> None:
    spec = {
        "caption": "Photo by UKTI, CC BY-NC-ND 2.0",
        "credit": {"creators": ["UKTI"], "licences": [{"id": "CC-BY-NC-ND-2.0"}]},
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["caption"]},
        "policy": {"checks": {"AC201": "info", "missing-licence-link": {"level": "off"}}},
    }
    found = checks.run_checks(build(spec))
    assert [(f.code, f.level) for f in found] == [("AC201", "info")]


def test_findings_are_placed_on_the_caption_or_the_figure() -> None:
    spec = {
        "caption": "Photo by UKTI, CC BY-NC-ND 2.0",
        "figure": {"line": 7, "caption_line": 9},
        "credit": {"creators": ["UKTI"], "licences": [{"id": "CC-BY-NC-ND-2.0"}]},
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["caption"]},
    }
    found = {f.code: f for f in checks.run_checks(build(spec))}
    assert found["AC104"].line == 9
    assert found["AC201"].line == 7
    assert found["AC201"].evidence == ("caption",)


def test_checks_are_pure() -> None:
    """No check module imports an I/O stage (also enforced by import-linter)."""
    forbidden = ("attrcheck.media", "attrcheck.provenance", "attrcheck.articles",
                 "attrcheck.engine", "attrcheck.report", "attrcheck.cli")  # fmt: skip
    for path in Path(checks.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in forbidden:
            assert f"import {name}" not in text and f"from {name}" not in text, path.name


@pytest.mark.parametrize(
    "text",
    ["a-" * 100_000, "x" * 200_000, "a." * 100_000, "Photo by " + "Jane " * 50_000,
     "©" * 50_000, "http://" + "a" * 100_000, "\x00\ufffd" * 10_000],
    ids=["hyphens", "one-word", "dots", "many-words", "symbols", "long-url", "binary"],
)  # fmt: skip
def test_hostile_captions_give_findings_not_errors(text: str) -> None:
    from attrcheck.attribution import suggest

    spec = {
        "caption": text,
        "credit": {"creators": [text[:2000]], "organisations": [text[:5000]]},
        "licence": {"id": "CC-BY-4.0", "from": ["caption"]},
        "register": {"creator": "Jane Doe", "title": text[:3000], "source": "https://x.org/1"},
        "policy": {"publication": {"medium": "print"}},
    }
    case = build(spec)
    assert all(f.code.startswith("AC") for f in checks.run_checks(case))
    assert isinstance(suggest(case).text, str)
