"""docs/checks.md (where SARIF helpUri links point) is generated from the check docstrings."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_docs_checks_md_is_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location(
        "make_check_docs", REPO / "scripts" / "make_check_docs.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.render_page()
    actual = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/checks.md is stale: run python scripts/make_check_docs.py"
