"""`--format sarif`: valid against the OASIS SARIF 2.1.0 schema, rules from the registry, fixes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from attrcheck.report import RenderOptions, render
from test_report_samples import assert_golden, sample_report, sample_rules

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema)


def sarif(report: dict[str, Any] | None = None, **options: Any) -> dict[str, Any]:
    options.setdefault("rules", sample_rules())
    text = render("sarif", report or sample_report(), RenderOptions(**options))
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def test_sarif_validates_against_the_oasis_schema(validator: jsonschema.Draft4Validator) -> None:
    errors = [error.message for error in validator.iter_errors(sarif(base_dir="/srv/site"))]
    assert errors == []


def test_sarif_without_rules_or_findings_still_validates(
    validator: jsonschema.Draft4Validator,
) -> None:
    empty = {**sample_report(), "articles": []}
    document = sarif(empty, rules=[])
    validator.validate(document)
    assert document["runs"][0]["results"] == []


def test_driver_carries_rules_metadata() -> None:
    driver = sarif()["runs"][0]["tool"]["driver"]
    assert driver["name"] == "attrcheck"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    rule = next(rule for rule in driver["rules"] if rule["id"] == "AC201")
    assert rule["name"] == "nc-commercial-use"
    assert rule["shortDescription"]["text"] == "A NonCommercial image in a commercial outlet."
    assert "Why it matters" in rule["fullDescription"]["text"]
    assert rule["helpUri"].endswith("#ac201")
    assert rule["defaultConfiguration"]["level"] == "error"
    info_rule = next(rule for rule in driver["rules"] if rule["id"] == "AC301")
    assert info_rule["defaultConfiguration"]["level"] == "note"


def test_every_result_points_at_its_rule() -> None:
    run = sarif()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert run["results"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_codes_missing_from_the_registry_get_a_bare_rule() -> None:
    run = sarif()["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "AC001" in ids  # the article-level finding, unknown to the sample registry
    assert ids == sorted(ids)


def test_results_have_levels_messages_and_relative_locations() -> None:
    results = sarif(base_dir="/srv/site")["runs"][0]["results"]
    first = results[0]
    assert first["ruleId"] == "AC201"
    assert first["level"] == "error"
    assert "prohibits commercial use" in first["message"]["text"]
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"] == {"uri": "content/2020/pompeo.md", "uriBaseId": "SRCROOT"}
    assert physical["region"] == {"startLine": 7, "startColumn": 1}
    levels = {result["ruleId"]: result["level"] for result in results}
    assert levels["AC103"] == "warning"
    assert levels["AC301"] == "note"


def test_paths_become_uri_references() -> None:
    results = sarif()["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "content/2021/harbour%2C%20night%3A%20a%3Db.html" in uris


def test_base_dir_becomes_an_original_uri_base() -> None:
    run = sarif(base_dir="/srv/site")["runs"][0]
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == "file:///srv/site/"


def test_suggested_caption_replaces_the_caption_lines_as_a_fix() -> None:
    results = sarif()["runs"][0]["results"]
    notice = next(r for r in results if r["ruleId"] == "AC104")
    change = notice["fixes"][0]["artifactChanges"][0]
    replacement = change["replacements"][0]
    assert replacement["deletedRegion"] == {"startLine": 17, "endLine": 18}  # two caption lines
    assert replacement["insertedContent"]["text"].startswith("Photo by UKTI, [CC BY-NC-ND 2.0](")


def test_caption_on_the_image_line_is_fixed_by_an_insertion_below() -> None:
    report = sample_report()
    figure = report["articles"][0]["figures"][0]
    figure["caption_line"] = figure["line"]
    notice = next(r for r in sarif(report)["runs"][0]["results"] if r["ruleId"] == "AC103")
    replacement = notice["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["deletedRegion"] == {
        "startLine": 8, "startColumn": 1, "endLine": 8, "endColumn": 1,
    }  # fmt: skip
    assert replacement["insertedContent"]["text"].endswith("\n")


def test_no_fix_for_findings_a_caption_cannot_cure() -> None:
    results = sarif()["runs"][0]["results"]
    assert all("fixes" not in r for r in results if r["ruleId"] in ("AC201", "AC202"))
    assert all("fixes" not in r for r in results if r["ruleId"] == "AC206")  # no suggestion


def test_suppressed_findings_are_results_with_a_suppression() -> None:
    results = sarif()["runs"][0]["results"]
    suppressed = [r for r in results if "suppressions" in r]
    assert [r["ruleId"] for r in suppressed] == ["AC102"]
    assert suppressed[0]["suppressions"] == [{"kind": "inSource"}]


def test_fingerprints_are_stable_and_distinct() -> None:
    first = [r["partialFingerprints"] for r in sarif()["runs"][0]["results"]]
    second = [r["partialFingerprints"] for r in sarif()["runs"][0]["results"]]
    assert first == second
    assert len({json.dumps(f) for f in first}) == len(first)  # one per article, image and code


def test_sarif_golden() -> None:
    assert_golden(
        "sample.sarif", render("sarif", sample_report(), RenderOptions(rules=sample_rules()))
    )
