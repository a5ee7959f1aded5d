"""Stage `media`: rights metadata of image files and modification detection (issue 5).

API: read_evidence(path) -> ImageEvidence; compare(original, published) -> ModificationVerdict;
embedded_modification(evidence) -> ModificationVerdict | None.
"""
