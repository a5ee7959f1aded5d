"""File output that never leaves a half-written file: write to a temporary file beside the target,
flush and fsync, then rename over it (atomic on POSIX and Windows)."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

from attrcheck.errors import ReportError


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ReportError(f"{target}: cannot write: folder {directory} does not exist")
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise ReportError(f"{target}: cannot write: {error.strerror or error}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp_name, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_name, 0o666 & ~umask)
        os.replace(tmp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise ReportError(f"{target}: cannot write: {error.strerror or error}") from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def emit(text: str, output: str | None) -> None:
    """Write a report to `output` atomically, or to stdout when output is None or "-"."""
    if output and output != "-":
        atomic_write_text(output, text)
        return
    sys.stdout.write(text)
    if text and not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
