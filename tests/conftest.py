"""Shared fixtures. `shared_dir` is ../shared beside the repository (the project's reference data);
tests that need it are skipped with a reason when it is absent, so a bare clone still runs."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


_LOOPBACK_PREFIXES = ("127.", "::1", "localhost", "0.0.0.0")


@pytest.fixture(autouse=True, scope="session")
def _no_internet_and_private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never touch the internet: any connection outside loopback fails loudly, and the
    remote cache lives in a temporary folder instead of the user's cache directory."""
    cache_home = tmp_path_factory.mktemp("xdg-cache")
    original_connect = socket.socket.connect

    def guarded_connect(self: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if self.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(
            _LOOPBACK_PREFIXES
        ):
            raise OSError(f"test tried to reach {host!r}: tests never touch the internet")
        original_connect(self, address)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache_home))
        patch.delenv("FLICKR_API_KEY", raising=False)
        patch.delenv("GITHUB_ACTIONS", raising=False)
        patch.setattr(socket.socket, "connect", guarded_connect)
        yield
