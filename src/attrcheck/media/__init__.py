"""Stage `media`: rights metadata of image files and modification detection (issue 5).

API: read_evidence(path) -> ImageEvidence; compare(original, published) -> ModificationVerdict;
embedded_modification(evidence) -> ModificationVerdict | None.

`compare` lives in attrcheck.media.compare and is bound here by a from-import, so the package
attribute stays the function even after something imports the submodule.
"""

from __future__ import annotations

from attrcheck.media.compare import compare
from attrcheck.media.embedded_changes import embedded_modification
from attrcheck.media.metadata import read_evidence

__all__ = ["compare", "embedded_modification", "read_evidence"]
