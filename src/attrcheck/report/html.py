"""The editorial dashboard (`attrcheck report`, `--format html`): one self-contained HTML file.

Built in two steps, as coverage.py builds its HTML report: `build_dashboard()` turns the plain
report records into a view model of frozen dataclasses (totals, the table of articles, a card per
figure, the trend over past runs), then the Jinja2 templates in `report/templates/` render it. CSS
and JavaScript are inlined and pinned by hash in a Content-Security-Policy that forbids every
network load; thumbnails are small JPEG data URIs (see `thumbnails.py`). Nothing is fetched when the
file is opened: it works from a laptop's disk or a phone's downloads folder.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import PurePosixPath
from typing import Any

import jinja2

from attrcheck.model import LEVELS
from attrcheck.report._walk import (
    Record,
    article_findings,
    articles,
    figures,
    iter_findings,
    level_rank,
    positive_int,
    worst_level,
)
from attrcheck.report.base import RenderOptions, RuleInfo
from attrcheck.report.thumbnails import Thumbnailer
from attrcheck.report.trend import Trend, build_trend

UNKNOWN_LICENCE = "unknown"
CLEAN = "clean"
LEVEL_LABELS: Mapping[str, str] = {
    "error": "Error",
    "warning": "Warning",
    "info": "Info",
    CLEAN: "No findings",
}


@dataclass(frozen=True)
class FindingView:
    code: str
    name: str
    level: str
    message: str
    line: int
    column: int
    fix: str
    evidence: str  # "register, caption"
    explanation: str  # the check's one-line summary
    description: str  # the check's full documentation
    help_uri: str


@dataclass(frozen=True)
class EvidenceView:
    source: str
    value: str


@dataclass(frozen=True)
class SuggestionView:
    label: str  # "Markdown", "HTML", "Plain text"
    text: str
    element_id: str


@dataclass(frozen=True)
class FigureView:
    anchor: str
    id: str
    number: int
    src: str
    line: int
    alt: str
    caption: str
    thumbnail: str | None  # data: URI
    thumbnail_note: str  # why there is no thumbnail
    image_label: str  # "JPEG, 1200 × 800"
    licence_key: str  # filter value: licence id or "unknown"
    licence_id: str | None
    licence_name: str | None
    licence_url: str | None
    licence_evidence: tuple[EvidenceView, ...]
    modification: str | None
    findings: tuple[FindingView, ...]
    suppressed: int
    suggestions: tuple[SuggestionView, ...]  # the article's own format first
    worst: str  # error | warning | info | clean
    levels: str  # filter data: "error warning" or "clean"
    codes: str  # filter data: "AC201 AC104"
    search: str  # filter data: lowercased article path, src, alt and caption


@dataclass(frozen=True)
class ArticleView:
    anchor: str
    path: str
    figures: tuple[FigureView, ...]
    findings: tuple[FindingView, ...]  # article-level
    counts: Mapping[str, int]
    worst: str
    levels: str
    codes: str


@dataclass(frozen=True)
class CountView:
    key: str  # filter value
    label: str
    count: int
    level: str | None = None
    detail: str = ""
    share: float = 0.0  # count / largest count, for the bar


@dataclass(frozen=True)
class Dashboard:
    title: str
    generated: str  # ISO time, UTC
    generated_label: str
    attrcheck_version: str
    licence_db_version: str
    policy: str
    article_count: int
    figure_count: int
    clean_figures: int
    by_level: tuple[CountView, ...]
    by_check: tuple[CountView, ...]
    by_licence: tuple[CountView, ...]
    articles: tuple[ArticleView, ...]
    trend: Trend | None


def render(report: Mapping[str, Any], options: RenderOptions) -> str:
    dashboard = build_dashboard(report, options)
    style, script = asset("dashboard.css"), asset("dashboard.js")
    return (
        environment()
        .get_template("dashboard.html.j2")
        .render(
            d=dashboard,
            style=style,
            script=script,
            csp=content_security_policy(style, script),
            level_labels=LEVEL_LABELS,
        )
    )


def build_dashboard(
    report: Mapping[str, Any], options: RenderOptions, now: datetime | None = None
) -> Dashboard:
    rules = {rule.code: rule for rule in options.rules}
    thumbnailer = Thumbnailer(options.base_dir)
    views = [
        article_view(n, article, rules, thumbnailer)
        for n, article in enumerate(articles(report), 1)
    ]
    views.sort(key=lambda view: (-level_rank(view.worst), -view.counts["error"], view.path))
    all_figures = [figure for view in views for figure in view.figures]
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return Dashboard(
        title="attrcheck: image licences and credits",
        generated=moment.isoformat().replace("+00:00", "Z"),
        generated_label=moment.strftime("%d %b %Y, %H:%M UTC"),
        attrcheck_version=str(report.get("attrcheck_version", "")),
        licence_db_version=str(report.get("licence_db_version", "")),
        policy=policy_label(report.get("policy") or {}),
        article_count=len(views),
        figure_count=len(all_figures),
        clean_figures=sum(1 for figure in all_figures if figure.worst == CLEAN),
        by_level=level_counts(report),
        by_check=check_counts(report, rules),
        by_licence=licence_counts(all_figures),
        articles=tuple(views),
        trend=build_trend(options.history) if options.history else None,
    )


def article_view(
    number: int, article: Record, rules: Mapping[str, RuleInfo], thumbnailer: Thumbnailer
) -> ArticleView:
    path = str(article.get("path", ""))
    figure_views = tuple(
        figure_view(f"figure-{number}-{index}", index, path, figure, rules, thumbnailer)
        for index, figure in enumerate(figures(article), 1)
    )
    own = tuple(finding_view(finding, rules) for finding in article_findings(article))
    every = [finding.level for finding in own] + [
        finding.level for figure in figure_views for finding in figure.findings
    ]
    counts = Counter(every)
    return ArticleView(
        anchor=f"article-{number}",
        path=path,
        figures=figure_views,
        findings=own,
        counts={level: counts[level] for level in LEVELS},
        worst=worst_level(list(every)) or CLEAN,
        levels=" ".join(sorted({finding.level for finding in own})),
        codes=" ".join(sorted({finding.code for finding in own})),
    )


def figure_view(
    anchor: str,
    number: int,
    article_path: str,
    figure: Record,
    rules: Mapping[str, RuleInfo],
    thumbnailer: Thumbnailer,
) -> FigureView:
    findings = tuple(finding_view(finding, rules) for finding in figure.get("findings") or [])
    licence = figure.get("licence") or {}
    image = figure.get("image") or {}
    thumbnail, note = thumbnailer.for_image(image)
    levels = sorted({finding.level for finding in findings}, key=level_rank, reverse=True)
    src, alt, caption = (str(figure.get(key) or "") for key in ("src", "alt", "caption"))
    return FigureView(
        anchor=anchor,
        id=str(figure.get("id", "")),
        number=number,
        src=src,
        line=positive_int(figure.get("line")),
        alt=alt,
        caption=caption,
        thumbnail=thumbnail,
        thumbnail_note=note,
        image_label=image_label(image),
        licence_key=str(licence.get("id") or UNKNOWN_LICENCE),
        licence_id=licence.get("id"),
        licence_name=licence.get("name"),
        licence_url=web_link(licence.get("url")),
        licence_evidence=tuple(
            EvidenceView(str(item.get("source", "")), str(item.get("value", "")))
            for item in licence.get("evidence") or []
        ),
        modification=modification_label(figure.get("modification")),
        findings=findings,
        suppressed=len(figure.get("suppressed") or []),
        suggestions=suggestion_views(anchor, article_path, figure.get("suggested_attribution")),
        worst=levels[0] if levels else CLEAN,
        levels=" ".join(levels) or CLEAN,
        codes=" ".join(sorted({finding.code for finding in findings})),
        search=" ".join((article_path, src, alt, caption)).lower(),
    )


def finding_view(finding: Record, rules: Mapping[str, RuleInfo]) -> FindingView:
    code = str(finding.get("code", ""))
    rule = rules.get(code)
    return FindingView(
        code=code,
        name=str(finding.get("name", "")),
        level=str(finding.get("level", "")),
        message=str(finding.get("message", "")),
        line=positive_int(finding.get("line")),
        column=positive_int(finding.get("column")),
        fix=str(finding.get("fix") or ""),
        evidence=", ".join(str(source) for source in finding.get("evidence") or []),
        explanation=rule.summary if rule else "",
        description=rule.description if rule else "",
        help_uri=(web_link(rule.help_uri) or "") if rule else "",
    )


def suggestion_views(anchor: str, article_path: str, suggestion: Any) -> tuple[SuggestionView, ...]:
    if not suggestion:
        return ()
    suffix = PurePosixPath(article_path.replace("\\", "/")).suffix.lower()
    order = ["markdown", "html", "text"] if suffix in (".md", ".markdown") else []
    order = order or (["html", "markdown", "text"] if suffix in (".html", ".htm") else [])
    order = order or ["text", "markdown", "html"]
    labels = {"markdown": "Markdown", "html": "HTML", "text": "Plain text"}
    return tuple(
        SuggestionView(labels[key], str(suggestion[key]), f"{anchor}-{key}")
        for key in order
        if suggestion.get(key)
    )


def web_link(url: object) -> str | None:
    """The URL when it is an http(s) link, else None (no javascript: or data: hrefs)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("https://", "http://")) else None


def image_label(image: Record) -> str:
    parts = [str(image.get("format") or "")]
    if image.get("width") and image.get("height"):
        parts.append(f"{image['width']} × {image['height']}")
    return ", ".join(part for part in parts if part)


def modification_label(modification: Any) -> str | None:
    if not modification:
        return None
    kind = str(modification.get("kind", ""))
    detail = modification.get("detail") or {}
    extra = "; ".join(f"{key} {value}" for key, value in detail.items())
    source = modification.get("evidence")
    text = f"{kind} (from {source})" if source else kind
    return f"{text}: {extra}" if extra else text


def policy_label(policy: Mapping[str, Any]) -> str:
    kind = "commercial" if policy.get("commercial", True) else "non-commercial"
    return f"{kind} publication, {policy.get('medium', 'web')}"


def level_counts(report: Mapping[str, Any]) -> tuple[CountView, ...]:
    counts = Counter(str(item.finding.get("level")) for item in iter_findings(report))
    return tuple(CountView(level, LEVEL_LABELS[level], counts[level], level) for level in LEVELS)


def check_counts(report: Mapping[str, Any], rules: Mapping[str, RuleInfo]) -> tuple[CountView, ...]:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    levels: dict[str, list[str]] = {}
    for item in iter_findings(report):
        code = str(item.finding.get("code", ""))
        counts[code] += 1
        names[code] = str(item.finding.get("name", ""))
        levels.setdefault(code, []).append(str(item.finding.get("level", "")))
    largest = max(counts.values(), default=1)
    return tuple(
        CountView(
            key=code,
            label=f"{code} {names[code]}",
            count=count,
            level=worst_level(list(levels[code])),
            detail=rules[code].summary if code in rules else "",
            share=count / largest,
        )
        for code, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    )


def licence_counts(all_figures: Sequence[FigureView]) -> tuple[CountView, ...]:
    counts = Counter(figure.licence_key for figure in all_figures)
    names = {figure.licence_key: figure.licence_name or "" for figure in all_figures}
    largest = max(counts.values(), default=1)
    return tuple(
        CountView(
            key=key,
            label="No licence resolved" if key == UNKNOWN_LICENCE else key,
            count=count,
            detail=names.get(key, ""),
            share=count / largest,
        )
        for key, count in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    )


def content_security_policy(style: str, script: str) -> str:
    """Allow only the inline style and script shipped here and data: images: no network at all."""
    return (
        "default-src 'none'; img-src data:; "
        f"style-src '{sha256_source(style)}'; script-src '{sha256_source(script)}'; "
        "base-uri 'none'; form-action 'none'"
    )


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("attrcheck.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def asset(name: str) -> str:
    """A CSS/JS file from the templates folder, to be inlined."""
    loader = environment().loader
    assert loader is not None
    source, _filename, _uptodate = loader.get_source(environment(), name)
    return source
