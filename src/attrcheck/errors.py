"""Typed errors. Each stage raises its own subclass; the CLI turns any into one line and exit 2.

Messages name the file (and line/byte where it applies) and say what to do, e.g.
"rules.yaml: publication.commercial: 'yes' is not a boolean".
"""

from __future__ import annotations


class AttrcheckError(Exception):
    """A run could not be done because of bad input or configuration (exit status 2)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(AttrcheckError):
    """Bad command-line usage."""


class ArticleError(AttrcheckError):
    """An article cannot be read (missing, binary, not UTF-8)."""


class LicenceDBError(AttrcheckError):
    """The licence database is missing or corrupt."""


class CreditError(AttrcheckError):
    """A caption cannot be parsed."""


class MediaError(AttrcheckError):
    """An image cannot be read at all."""


class RegisterError(AttrcheckError):
    """The rights register is malformed."""


class PolicyError(AttrcheckError):
    """rules.yaml is malformed."""


class RemoteError(AttrcheckError):
    """A remote lookup or fetch failed or was refused."""


class ReportError(AttrcheckError):
    """A report cannot be written."""
