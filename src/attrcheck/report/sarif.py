"""`--format sarif`: SARIF 2.1.0 (OASIS), for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` come from the check registry (RenderOptions.rules), plus a minimal rule
for any code found in the results but absent from the registry, so every `ruleIndex` resolves.
Each finding is a result with a physical location (the article, relative URI, line and column);
suppressed findings are results with an in-source suppression. When the figure has a suggested
attribution, findings that a new caption cures carry it as a `fixes` entry: it replaces the caption
lines, or is inserted below the image when the figure has no caption of its own line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from attrcheck.report._walk import (
    LocatedFinding,
    Record,
    articles,
    figures,
    iter_findings,
    positive_int,
)
from attrcheck.report.base import RenderOptions, RuleInfo

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://github.com/attrcheck/attrcheck"
BASE_ID = "SRCROOT"
SARIF_LEVELS: Mapping[str, str] = {"error": "error", "warning": "warning", "info": "note"}
# Findings that a better caption cures (the attribution series, a wrong creator, a bad reference).
CAPTION_FIX_PREFIXES = ("AC1", "AC203", "AC303", "AC305")

Json = dict[str, Any]


def render(report: Mapping[str, Any], options: RenderOptions) -> str:
    return json.dumps(build_sarif(report, options), indent=2, ensure_ascii=False) + "\n"


def build_sarif(report: Mapping[str, Any], options: RenderOptions) -> Json:
    rules = rules_for(report, options.rules)
    index = {rule.code: position for position, rule in enumerate(rules)}
    results = [result_for(item, index, options.base_dir) for item in iter_findings(report)]
    results += [
        result_for(item, index, options.base_dir, suppressed=True) for item in suppressed(report)
    ]
    run: Json = {
        "tool": {"driver": driver(report, rules)},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "licenceDbVersion": str(report.get("licence_db_version", "")),
            "policy": dict(report.get("policy") or {}),
        },
    }
    if options.base_dir:
        run["originalUriBaseIds"] = {BASE_ID: {"uri": folder_uri(options.base_dir)}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def driver(report: Mapping[str, Any], rules: Sequence[RuleInfo]) -> Json:
    version = str(report.get("attrcheck_version", "")) or "0"
    return {
        "name": "attrcheck",
        "version": version,
        "semanticVersion": version,
        "informationUri": INFORMATION_URI,
        "rules": [rule_descriptor(rule) for rule in rules],
    }


def rules_for(report: Mapping[str, Any], known: Sequence[RuleInfo]) -> list[RuleInfo]:
    """The registry's rules sorted by code, plus a bare rule for each unknown code in the report."""
    by_code = {rule.code: rule for rule in known}
    for item in [*iter_findings(report), *suppressed(report)]:
        code = str(item.finding.get("code", ""))
        if code and code not in by_code:
            name = str(item.finding.get("name", code))
            level = str(item.finding.get("level", "warning"))
            by_code[code] = RuleInfo(code, name, level, name.replace("-", " "), "", "")
    return [by_code[code] for code in sorted(by_code)]


def rule_descriptor(rule: RuleInfo) -> Json:
    summary = rule.summary or rule.name
    descriptor: Json = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": rule.description or summary},
        "defaultConfiguration": {
            "level": SARIF_LEVELS.get(rule.level, "none"),
            "enabled": rule.level in SARIF_LEVELS,
        },
        "properties": {"tags": ["licence", "attribution"]},
    }
    if rule.description:
        descriptor["help"] = {"text": rule.description, "markdown": rule.description}
    if rule.help_uri:
        descriptor["helpUri"] = rule.help_uri
    return descriptor


def result_for(
    item: LocatedFinding, index: Mapping[str, int], base_dir: str | None, suppressed: bool = False
) -> Json:
    finding = item.finding
    code = str(finding.get("code", ""))
    result: Json = {
        "ruleId": code,
        "ruleIndex": index[code],
        "level": SARIF_LEVELS.get(str(finding.get("level")), "warning"),
        "message": {"text": str(finding.get("message") or code)},
        "locations": [location(item, base_dir)],
        "partialFingerprints": {"attrcheckFinding/v1": fingerprint(item)},
        "properties": result_properties(item),
    }
    fix = caption_fix(item, base_dir)
    if fix is not None:
        result["fixes"] = [fix]
    if suppressed:
        result["suppressions"] = [{"kind": "inSource"}]
    return result


def location(item: LocatedFinding, base_dir: str | None) -> Json:
    physical: Json = {
        "artifactLocation": artifact_location(item.path, base_dir),
        "region": {"startLine": item.line, "startColumn": item.column},
    }
    located: Json = {"physicalLocation": physical}
    if item.figure is not None:
        located["logicalLocations"] = [
            {"fullyQualifiedName": str(item.figure.get("id", "")), "kind": "element"}
        ]
    return located


def artifact_location(path: str, base_dir: str | None) -> Json:
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": Path(path).as_uri()}
    artifact: Json = {"uri": quote(posix, safe="/")}
    if base_dir:
        artifact["uriBaseId"] = BASE_ID
    return artifact


def folder_uri(folder: str) -> str:
    uri = Path(folder).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def fingerprint(item: LocatedFinding) -> str:
    figure_src = str(item.figure.get("src", "")) if item.figure is not None else ""
    key = "\x1f".join((item.path, figure_src, str(item.finding.get("code", ""))))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def result_properties(item: LocatedFinding) -> Json:
    properties: Json = {
        "name": str(item.finding.get("name", "")),
        "evidence": [str(source) for source in item.finding.get("evidence") or []],
    }
    if item.finding.get("fix"):
        properties["fix"] = str(item.finding["fix"])
    if item.figure is not None:
        licence = item.figure.get("licence") or {}
        properties["figureId"] = str(item.figure.get("id", ""))
        properties["src"] = str(item.figure.get("src", ""))
        properties["licence"] = licence.get("id")
    return properties


def caption_fix(item: LocatedFinding, base_dir: str | None) -> Json | None:
    """The suggested attribution as a SARIF fix, for findings that a new caption cures."""
    figure = item.figure
    code = str(item.finding.get("code", ""))
    if figure is None or not code.startswith(CAPTION_FIX_PREFIXES):
        return None
    suggestion = figure.get("suggested_attribution")
    if not suggestion:
        return None
    text = suggestion_for(item.path, suggestion)
    region, inserted = caption_region(figure, text)
    description = str(item.finding.get("fix") or "Use the suggested attribution as the caption.")
    return {
        "description": {"text": description},
        "artifactChanges": [
            {
                "artifactLocation": artifact_location(item.path, base_dir),
                "replacements": [{"deletedRegion": region, "insertedContent": {"text": inserted}}],
            }
        ],
    }


def suggestion_for(article_path: str, suggestion: Record) -> str:
    suffix = PurePosixPath(article_path.replace("\\", "/")).suffix.lower()
    key = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
    return str(suggestion.get(key.get(suffix, "text"), "") or suggestion.get("text", ""))


def caption_region(figure: Record, text: str) -> tuple[Json, str]:
    """Replace the caption's own lines; insert below the image when the caption shares its line."""
    image_line = positive_int(figure.get("line"))
    caption_line = positive_int(figure.get("caption_line"), default=0)
    caption = str(figure.get("caption") or "")
    if caption_line > image_line and caption:
        last_line = caption_line + caption.count("\n")
        return {"startLine": caption_line, "endLine": last_line}, text
    below = image_line + 1
    return {"startLine": below, "startColumn": 1, "endLine": below, "endColumn": 1}, text + "\n"


def suppressed(report: Mapping[str, Any]) -> list[LocatedFinding]:
    return [
        LocatedFinding(article, figure, finding)
        for article in articles(report)
        for figure in figures(article)
        for finding in figure.get("suppressed") or []
    ]
