"""Stage `media`: rights metadata of image files and modification detection (issue 5).

API: read_evidence(path) -> ImageEvidence; compare(original, published) -> ModificationVerdict;
embedded_modification(evidence) -> ModificationVerdict | None.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from attrcheck.media.embedded_changes import embedded_modification
from attrcheck.media.metadata import read_evidence
from attrcheck.model import ModificationVerdict

__all__ = ["compare", "embedded_modification", "read_evidence"]


def compare(original: str | Path, published: str | Path, **options: Any) -> ModificationVerdict:
    """How `published` differs from `original` (implemented in attrcheck.media.compare)."""
    from attrcheck.media import compare as compare_module

    function: Any = compare_module.compare
    verdict: ModificationVerdict = function(original, published, **options)
    return verdict
