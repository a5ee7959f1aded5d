"""The check registry described for reports: one RuleInfo per check (SARIF rules, dashboard help).

Reports never import the checks; the command layer builds this list and passes it in RenderOptions.
Each check module has CODE, NAME, LEVEL and a docstring (What it checks / Why it matters / Example /
Fix); the summary is the docstring's first sentence that is not a section heading.
"""

from __future__ import annotations

import inspect
from types import ModuleType

from attrcheck import checks
from attrcheck.report.base import RuleInfo

PROJECT_URL = "https://github.com/attrcheck/attrcheck"
SECTION_HEADINGS = ("what it checks", "why it matters", "example", "fix")


def rule_infos() -> list[RuleInfo]:
    """Every registered check as a RuleInfo, sorted by code."""
    return sorted((rule_info(module) for module in checks.REGISTRY), key=_code)


def rule_info(module: ModuleType) -> RuleInfo:
    code, name = str(module.CODE), str(module.NAME)
    description = inspect.cleandoc(module.__doc__ or "")
    return RuleInfo(
        code=code,
        name=name,
        level=str(module.LEVEL),
        summary=summary_of(description) or name.replace("-", " "),
        description=description,
        help_uri=help_uri(code),
    )


def summary_of(docstring: str) -> str:
    """The first sentence of the docstring's first paragraph that is not a section heading."""
    for paragraph in docstring.split("\n\n"):
        text = " ".join(paragraph.split())
        if not text or text.rstrip(":").lower() in SECTION_HEADINGS:
            continue
        for heading in SECTION_HEADINGS:
            if text.lower().startswith(heading + ":"):
                text = text[len(heading) + 1 :].strip()
        first, dot, _rest = text.partition(". ")
        return first + ("." if dot else "")
    return ""


def help_uri(code: str) -> str:
    """Where a check's documentation is published (docs/checks.md, one heading per code)."""
    return f"{PROJECT_URL}/blob/main/docs/checks.md#{code.lower()}"


def _code(rule: RuleInfo) -> str:
    return rule.code
