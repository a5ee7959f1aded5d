"""Run the pipeline: find articles, gather evidence per figure, run the checks, apply suppressions,
--select/--ignore and the baseline. Articles are read up front so that a bad article stops the run
(exit 2) before any report is written; with --jobs N articles are checked in N processes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from attrcheck import attribution, checks
from attrcheck.articles import ArticleFile, find_articles, read_article
from attrcheck.errors import AttrcheckError, UsageError
from attrcheck.gather import Gatherer
from attrcheck.model import (
    Article,
    ArticleResult,
    FigureResult,
    Finding,
    Policy,
    RunResult,
    Suppression,
)
from attrcheck.policy import load_policy
from attrcheck.provenance.register import Register, load_register
from attrcheck.provenance.remote import RemoteClient

DEFAULT_RULES_FILE = "rules.yaml"


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    rules: str | None = None
    registers: tuple[str, ...] = ()
    root: str | None = None
    offline: bool = False
    refresh: bool = False
    jobs: int = 1
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    baseline: str | None = None


BaselineKey = tuple[str, str, str]


def parse_codes(text: str | None) -> tuple[str, ...]:
    """ "AC2, ac101" -> ("AC2", "AC101"); codes or prefixes, validated."""
    if not text:
        return ()
    codes = tuple(part.strip().upper() for part in text.split(",") if part.strip())
    for code in codes:
        if not code.startswith("AC") or not code[2:].isdigit():
            raise UsageError(f"{code!r} is not a check code or prefix (like AC201 or AC2)")
    return codes


def load_options_policy(options: CheckOptions) -> Policy:
    rules = options.rules
    if rules is None and Path(DEFAULT_RULES_FILE).is_file():
        rules = DEFAULT_RULES_FILE
    return load_policy(rules)


def load_registers(options: CheckOptions, policy: Policy) -> list[Register]:
    paths = options.registers or policy.register
    return [load_register(path) for path in paths]


class Progress(Protocol):
    """Told how many articles there are, then once per article checked."""

    def start(self, total: int) -> None: ...

    def advance(self, label: str) -> None: ...


def run_check(options: CheckOptions, progress: Progress | None = None) -> RunResult:
    """Check every article under options.paths; AttrcheckError when the run cannot be done."""
    policy = load_options_policy(options)
    registers = load_registers(options, policy)
    baseline = load_baseline(options.baseline) if options.baseline else None
    files = find_articles(options.paths, options.root)
    articles = [(file, read_article(file)) for file in files]
    on_article = progress.advance if progress is not None else None
    if progress is not None:
        progress.start(len(articles))
    if options.jobs > 1 and len(articles) > 1:
        results = _check_in_processes(articles, options, policy, options.jobs, on_article)
    else:
        results = _check_serially(articles, options, policy, registers, on_article)
    filtered = tuple(
        _filter_article(result, options.select, options.ignore, baseline) for result in results
    )
    warnings = tuple(warning for register in registers for warning in register.warnings)
    return RunResult(articles=filtered, policy=policy, errors=warnings)


def _check_serially(
    articles: Sequence[tuple[ArticleFile, Article]],
    options: CheckOptions,
    policy: Policy,
    registers: Sequence[Register],
    on_article: Callable[[str], None] | None,
) -> list[ArticleResult]:
    remote = RemoteClient(policy.remote, offline=options.offline, refresh=options.refresh)
    with remote:
        gatherer = Gatherer(policy=policy, registers=registers, remote=remote)
        results = []
        for file, article in articles:
            results.append(check_article(gatherer, file, article))
            if on_article is not None:
                on_article(article.path)
    return results


_WORKER: Gatherer | None = None


def _init_worker(options: CheckOptions) -> None:
    global _WORKER
    policy = load_options_policy(options)
    remote = RemoteClient(policy.remote, offline=options.offline, refresh=options.refresh)
    _WORKER = Gatherer(policy=policy, registers=load_registers(options, policy), remote=remote)


def _check_in_worker(item: tuple[ArticleFile, Article]) -> ArticleResult:
    assert _WORKER is not None, "worker not initialised"
    return check_article(_WORKER, item[0], item[1])


def _check_in_processes(
    articles: Sequence[tuple[ArticleFile, Article]],
    options: CheckOptions,
    policy: Policy,
    jobs: int,
    on_article: Callable[[str], None] | None,
) -> list[ArticleResult]:
    results = []
    with ProcessPoolExecutor(
        max_workers=jobs, initializer=_init_worker, initargs=(options,)
    ) as pool:
        for result in pool.map(_check_in_worker, articles, chunksize=4):
            results.append(result)
            if on_article is not None:
                on_article(result.article.path)
    return results


def check_article(gatherer: Gatherer, file: ArticleFile, article: Article) -> ArticleResult:
    figures = []
    for figure in article.figures:
        case = gatherer.case(figure, file)
        findings = checks.run_checks(case)
        kept, suppressed = _apply_suppression(findings, case.figure.suppression)
        figures.append(
            FigureResult(
                case=case,
                findings=tuple(kept),
                suggestion=attribution.suggest(case),
                suppressed=tuple(suppressed),
            )
        )
    return ArticleResult(article=article, figures=tuple(figures))


def _apply_suppression(
    findings: Iterable[Finding], suppression: Suppression | None
) -> tuple[list[Finding], list[Finding]]:
    """Move findings named by a reasoned `disable-next` comment to `suppressed`.

    A comment without a reason suppresses nothing (and is itself reported by AC903)."""
    if suppression is None or not suppression.reason:
        return list(findings), []
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        if _matches(finding.code, suppression.codes):
            suppressed.append(finding)
        else:
            kept.append(finding)
    return kept, suppressed


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(code.upper().startswith(pattern.upper()) for pattern in patterns)


def _keep(finding: Finding, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if select and not _matches(finding.code, select):
        return False
    return not (ignore and _matches(finding.code, ignore))


def _filter_article(
    result: ArticleResult,
    select: Sequence[str],
    ignore: Sequence[str],
    baseline: frozenset[BaselineKey] | None,
) -> ArticleResult:
    def wanted(figure_src: str, finding: Finding) -> bool:
        if not _keep(finding, select, ignore):
            return False
        return baseline is None or (result.article.path, figure_src, finding.code) not in baseline

    figures = tuple(
        replace(
            figure,
            findings=tuple(f for f in figure.findings if wanted(figure.case.figure.src, f)),
        )
        for figure in result.figures
    )
    article_findings = tuple(f for f in result.findings if wanted("", f))
    return replace(result, figures=figures, findings=article_findings)


def load_baseline(path: str) -> frozenset[BaselineKey]:
    """Findings of an earlier JSON report, keyed by (article path, image src, code)."""
    try:
        with open(path, encoding="utf-8") as handle:
            report = json.load(handle)
    except FileNotFoundError as error:
        raise UsageError(f"{path}: baseline report not found") from error
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read the baseline report: {error}") from error
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path}:{error.lineno}:{error.colno}: not a JSON report ({error.msg}); "
            "make one with `attrcheck --format json -o FILE`"
        ) from error
    try:
        return frozenset(
            (article["path"], figure["src"], finding["code"])
            for article in report["articles"]
            for figure in article["figures"]
            for finding in figure["findings"]
        )
    except (KeyError, TypeError) as error:
        raise UsageError(
            f"{path}: not an attrcheck JSON report (missing {error}); "
            "make one with `attrcheck --format json -o FILE`"
        ) from error


__all__ = ["AttrcheckError", "CheckOptions", "check_article", "parse_codes", "run_check"]
