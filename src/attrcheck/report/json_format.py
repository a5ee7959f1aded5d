"""`--format json`: the report records as JSON (DESIGN.md contract, format_version 1)."""

from __future__ import annotations

import json

from attrcheck.report.base import RenderOptions, Report


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
