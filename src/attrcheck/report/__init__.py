"""Stage `report`: one module per output format, all built from the same plain records (issue 7).

FORMATS maps each `--format` name to the module that renders it; a test checks every name works.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

from attrcheck.report.base import RenderOptions, Report, RuleInfo

__all__ = ["FORMAT_MODULES", "RenderOptions", "Report", "RuleInfo", "choose_auto_format", "render"]

FORMAT_MODULES: dict[str, str] = {
    "text": "attrcheck.report.text",
    "json": "attrcheck.report.json_format",
    "sarif": "attrcheck.report.sarif",
    "junit": "attrcheck.report.junit",
    "github": "attrcheck.report.github",
    "csv": "attrcheck.report.csv_format",
    "html": "attrcheck.report.html",
}


def choose_auto_format(environ: Mapping[str, str]) -> str:
    """`--format auto`: GitHub annotations under GitHub Actions, plain text everywhere else."""
    value = environ.get("GITHUB_ACTIONS", "").strip().lower()
    return "github" if value and value not in ("0", "false", "no") else "text"


def renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    module = importlib.import_module(FORMAT_MODULES[name])
    render_function: Callable[[Report, RenderOptions], str] = module.render
    return render_function


def render(name: str, report: Report, options: RenderOptions) -> str:
    text: Any = renderer(name)(report, options)
    return str(text)
