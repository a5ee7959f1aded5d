"""Stage `media`: rights metadata of image files and modification detection (issue 5).

API: read_evidence(path) -> ImageEvidence; compare(original, published) -> ModificationVerdict;
embedded_modification(evidence) -> ModificationVerdict | None.

`compare` lives in attrcheck.media.compare. It is bound here by a from-import, so the package
attribute is the function even after something imports the submodule (a lazy wrapper would be
replaced by the module object the first time the submodule is imported). Until that module
exists, a stub raises MediaError, so this package always imports.
"""

from __future__ import annotations

from pathlib import Path

from attrcheck.errors import MediaError
from attrcheck.media.embedded_changes import embedded_modification
from attrcheck.media.metadata import read_evidence
from attrcheck.model import ModificationVerdict

try:
    from attrcheck.media.compare import compare
except ModuleNotFoundError as missing:  # pragma: no cover - only before compare.py exists
    if missing.name != "attrcheck.media.compare":
        raise

    def compare(original: str | Path, published: str | Path) -> ModificationVerdict:
        """Placeholder until attrcheck.media.compare is installed."""
        raise MediaError(f"{published}: image comparison is not available in this build")


__all__ = ["compare", "embedded_modification", "read_evidence"]
