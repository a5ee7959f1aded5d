"""Walking the plain report records: every finding with the article and figure it belongs to.

Shared by the CI formats (SARIF, JUnit, GitHub, CSV) and the dashboard so that they all list the
same findings in the same order: per article, its article-level findings first, then each figure's
findings in document order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from attrcheck.model import LEVEL_RANK

Record = Mapping[str, Any]


@dataclass(frozen=True)
class LocatedFinding:
    """A finding record with the article (and figure, unless article-level) it was found in."""

    article: Record
    figure: Record | None
    finding: Record

    @property
    def path(self) -> str:
        return str(self.article.get("path", ""))

    @property
    def line(self) -> int:
        return positive_int(self.finding.get("line"), default=1)

    @property
    def column(self) -> int:
        return positive_int(self.finding.get("column"), default=1)


def articles(report: Record) -> list[Record]:
    return list(report.get("articles") or [])


def figures(article: Record) -> list[Record]:
    return list(article.get("figures") or [])


def figure_findings(figure: Record) -> list[Record]:
    return list(figure.get("findings") or [])


def article_findings(article: Record) -> list[Record]:
    return list(article.get("findings") or [])


def iter_article_findings(article: Record) -> Iterator[LocatedFinding]:
    for finding in article_findings(article):
        yield LocatedFinding(article, None, finding)
    for figure in figures(article):
        for finding in figure_findings(figure):
            yield LocatedFinding(article, figure, finding)


def iter_findings(report: Record) -> Iterator[LocatedFinding]:
    for article in articles(report):
        yield from iter_article_findings(article)


def level_rank(level: object) -> int:
    return LEVEL_RANK.get(str(level), 0)


def at_or_above(level: object, threshold: str) -> bool:
    """True when `level` is as severe as `threshold` or more (error > warning > info)."""
    return level_rank(level) >= level_rank(threshold) > 0


def worst_level(levels: Iterator[object] | list[object]) -> str | None:
    ranked = [str(level) for level in levels if level_rank(level)]
    return max(ranked, key=level_rank) if ranked else None


def positive_int(value: object, default: int = 1) -> int:
    return value if isinstance(value, int) and value >= 1 else default
