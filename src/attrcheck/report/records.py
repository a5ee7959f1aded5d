"""Turn a RunResult into the plain JSON-shaped records every format is built from.

The shape is the DESIGN.md JSON report contract (format_version 1; schema in
attrcheck/schemas/report.schema.json); version fields come first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from attrcheck import __version__
from attrcheck.model import (
    LEVELS,
    ArticleResult,
    FigureCase,
    FigureResult,
    Finding,
    ModificationVerdict,
    ResolvedLicence,
    RunResult,
)
from attrcheck.serialise import credit_to_dict

FORMAT_VERSION = 1


def build_report(run: RunResult, licence_db_version: str) -> dict[str, Any]:
    articles = [_article(result) for result in run.articles]
    return {
        "format_version": FORMAT_VERSION,
        "attrcheck_version": __version__,
        "licence_db_version": licence_db_version,
        "policy": {"commercial": run.policy.commercial, "medium": run.policy.medium},
        "articles": articles,
        "summary": _summary(articles),
    }


def _summary(articles: list[dict[str, Any]]) -> dict[str, Any]:
    counts = dict.fromkeys(LEVELS, 0)
    figures = 0
    for article in articles:
        figures += len(article["figures"])
        for finding in _all_findings(article):
            counts[finding["level"]] += 1
    return {"articles": len(articles), "figures": figures, "findings": counts}


def _all_findings(article: dict[str, Any]) -> Iterable[dict[str, Any]]:
    yield from article.get("findings", [])
    for figure in article["figures"]:
        yield from figure["findings"]


def _article(result: ArticleResult) -> dict[str, Any]:
    return {
        "path": result.article.path,
        "figures": [_figure(figure) for figure in result.figures],
        "findings": [finding_record(finding) for finding in result.findings],
    }


def _figure(result: FigureResult) -> dict[str, Any]:
    case = result.case
    figure = case.figure
    suggestion = result.suggestion
    return {
        "id": figure.id,
        "src": figure.src,
        "line": figure.line,
        "column": figure.column,
        "caption_line": figure.caption_line,
        "alt": figure.alt,
        "caption": figure.caption,
        "credit": credit_to_dict(case.credit),
        "image": _image(result),
        "licence": _licence(case.resolved),
        "modification": _modification(case.modification),
        "findings": [finding_record(finding) for finding in result.findings],
        "suppressed": [finding_record(finding) for finding in result.suppressed],
        "suggested_attribution": asdict(suggestion) if suggestion is not None else None,
        "notes": figure_notes(case),
    }


def figure_notes(case: FigureCase) -> list[str]:
    """What the reader should know about the evidence that is not a finding."""
    notes: list[str] = []
    register = case.register
    if register is not None and register.original_missing:
        notes.append(
            f"{register.location or 'register'}: original {register.original} not found; "
            "the published image was not compared with it"
        )
    if case.remote is not None and case.remote.note:
        notes.append(f"remote: {case.remote.note}")
    return notes


def _image(result: FigureResult) -> dict[str, Any] | None:
    case = result.case
    ref = case.image_ref
    image = case.image
    if ref.kind not in ("local", "remote"):
        return None
    return {
        "path": ref.path,
        "url": ref.url,
        "format": image.format if image else None,
        "width": image.width if image else None,
        "height": image.height if image else None,
        "sha256": image.sha256 if image else None,
    }


def _licence(resolved: ResolvedLicence) -> dict[str, Any] | None:
    licence = resolved.licence
    if licence is None:
        return None
    return {
        "id": licence.id,
        "name": licence.name,
        "url": licence.url,
        "short_name": licence.short_name,
        "evidence": [{"source": item.source, "value": item.value} for item in resolved.evidence],
    }


def _modification(verdict: ModificationVerdict | None) -> dict[str, Any] | None:
    if verdict is None:
        return None
    detail: dict[str, Any] = dict(verdict.detail)
    if verdict.crop is not None:
        detail["crop"] = list(verdict.crop)
    if verdict.alterations:
        detail["alterations"] = list(verdict.alterations)
    return {"kind": verdict.kind, "evidence": verdict.evidence, "score": verdict.score,
            "detail": _jsonable(detail)}  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def finding_record(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "name": finding.name,
        "level": finding.level,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "evidence": list(finding.evidence),
        "fix": finding.fix,
    }
