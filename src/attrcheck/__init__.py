"""attrcheck: media licence attribution checker for publishers."""

__version__ = "0.1.0"
