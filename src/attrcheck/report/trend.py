"""The dashboard's trend over past runs: geometry for an inline SVG line chart, one line per level.

`build_trend(history)` takes the runs from `history.load_history()` (oldest first) and returns a
view model whose numbers the template writes straight into <svg>: no script, no external asset.
The same data is given as a table and as a one-sentence description for screen readers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from attrcheck.model import LEVELS

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 14, 34
SERIES_LABELS: Mapping[str, str] = {"error": "Errors", "warning": "Warnings", "info": "Info"}


@dataclass(frozen=True)
class TrendPoint:
    x: float
    y: float
    value: int
    label: str  # tooltip: "28 Nov 2026 (abc1234): 4 errors"


@dataclass(frozen=True)
class TrendSeries:
    level: str
    label: str
    points: tuple[TrendPoint, ...]
    polyline: str  # "x,y x,y ..."


@dataclass(frozen=True)
class TrendRun:
    time: str
    label: str
    commit: str
    counts: Mapping[str, int]
    figures: int


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Trend:
    width: int
    height: int
    left: int
    right: float
    top: int
    bottom: float
    series: tuple[TrendSeries, ...]
    y_ticks: tuple[Tick, ...]
    x_ticks: tuple[Tick, ...]
    runs: tuple[TrendRun, ...]
    description: str


def build_trend(history: Sequence[Mapping[str, Any]]) -> Trend | None:
    runs = tuple(trend_run(run) for run in history)
    if not runs:
        return None
    top_value = nice_ceiling(max(max(run.counts.values(), default=0) for run in runs))
    xs = x_positions(len(runs))
    series = tuple(build_series(level, runs, xs, top_value) for level in LEVELS)
    return Trend(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        top=TOP,
        bottom=HEIGHT - BOTTOM,
        series=series,
        y_ticks=tuple(Tick(y_of(value, top_value), str(value)) for value in y_values(top_value)),
        x_ticks=x_ticks(runs, xs),
        runs=runs,
        description=describe(runs),
    )


def trend_run(run: Mapping[str, Any]) -> TrendRun:
    findings = run.get("findings") or {}
    commit = str(run.get("commit") or "")
    return TrendRun(
        time=str(run.get("time", "")),
        label=date_label(str(run.get("time", ""))),
        commit=commit[:12],
        counts={level: int(findings.get(level, 0) or 0) for level in LEVELS},
        figures=int(run.get("figures", 0) or 0),
    )


def build_series(
    level: str, runs: Sequence[TrendRun], xs: Sequence[float], top_value: int
) -> TrendSeries:
    noun = SERIES_LABELS[level].lower()
    points = tuple(
        TrendPoint(
            x=x,
            y=y_of(run.counts[level], top_value),
            value=run.counts[level],
            label=f"{run.label}{f' ({run.commit[:7]})' if run.commit else ''}: "
            f"{run.counts[level]} {noun}",
        )
        for run, x in zip(runs, xs, strict=True)
    )
    polyline = " ".join(f"{point.x:.1f},{point.y:.1f}" for point in points)
    return TrendSeries(level, SERIES_LABELS[level], points, polyline)


def x_positions(count: int) -> list[float]:
    span = WIDTH - RIGHT - LEFT
    if count == 1:
        return [LEFT + span / 2]
    return [LEFT + span * index / (count - 1) for index in range(count)]


def y_of(value: int, top_value: int) -> float:
    span = HEIGHT - BOTTOM - TOP
    return round(TOP + span * (1 - value / top_value), 1)


def nice_ceiling(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50... that is at least value (never 0)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def y_values(top_value: int) -> list[int]:
    """0, the middle when it is a whole number, and the top."""
    return [0, top_value // 2, top_value] if top_value % 2 == 0 else [0, top_value]


def x_ticks(runs: Sequence[TrendRun], xs: Sequence[float]) -> tuple[Tick, ...]:
    indexes = sorted({0, len(runs) // 2, len(runs) - 1}) if len(runs) > 2 else range(len(runs))
    return tuple(Tick(xs[index], runs[index].label) for index in indexes)


def date_label(time: str) -> str:
    try:
        moment = datetime.fromisoformat(time.replace("Z", "+00:00"))
    except ValueError:
        return time
    return moment.strftime("%d %b %Y %H:%M")


def describe(runs: Sequence[TrendRun]) -> str:
    first, last = runs[0], runs[-1]
    changes = ", ".join(
        f"{SERIES_LABELS[level].lower()} {first.counts[level]} to {last.counts[level]}"
        for level in LEVELS
    )
    if len(runs) == 1:
        return f"One recorded run ({first.label}): " + ", ".join(
            f"{last.counts[level]} {SERIES_LABELS[level].lower()}" for level in LEVELS
        )
    return f"Findings over {len(runs)} runs, {first.label} to {last.label}: {changes}."
