"""Stage `report`: one module per output format, all built from the same plain records (issue 7).

FORMATS maps each `--format` name to the module that renders it; a test checks every name works.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from attrcheck.report.base import RenderOptions, Report, RuleInfo

__all__ = ["FORMAT_MODULES", "RenderOptions", "Report", "RuleInfo", "render"]

FORMAT_MODULES: dict[str, str] = {
    "text": "attrcheck.report.text",
    "json": "attrcheck.report.json_format",
}


def renderer(name: str) -> Callable[[Report, RenderOptions], str]:
    module = importlib.import_module(FORMAT_MODULES[name])
    render_function: Callable[[Report, RenderOptions], str] = module.render
    return render_function


def render(name: str, report: Report, options: RenderOptions) -> str:
    text: Any = renderer(name)(report, options)
    return str(text)
