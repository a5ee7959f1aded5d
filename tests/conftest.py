"""Shared fixtures. `shared_dir` is ../shared beside the repository (the project's reference data);
tests that need it are skipped with a reason when it is absent, so a bare clone still runs."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED_DIR / "DESIGN.md").is_file():
        pytest.skip(f"reference data not present at {SHARED_DIR} (only in the project workspace)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def media_corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "media"
