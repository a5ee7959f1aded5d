"""What every output format shares: the options a renderer gets and the rule metadata it may show.

A format is a module with `render(report: Mapping[str, Any], options: RenderOptions) -> str`, where
`report` is the plain JSON-shaped record built by `attrcheck.report.records.build_report` (the
DESIGN.md JSON report). Formats never look at pipeline objects, only at those records.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Report = Mapping[str, Any]


@dataclass(frozen=True)
class RuleInfo:
    """A check as reports describe it (from the check registry, passed in by the command layer)."""

    code: str
    name: str
    level: str  # default level
    summary: str  # one line
    description: str  # the full docstring (What it checks / Why it matters / Example / Fix)
    help_uri: str


@dataclass(frozen=True)
class RenderOptions:
    fail_level: str = "warning"
    color: bool = False
    rules: Sequence[RuleInfo] = ()
    history: Sequence[Mapping[str, Any]] = field(default_factory=tuple)  # past runs, oldest first
    base_dir: str | None = None  # folder the report's relative paths start from
