"""Inline suppressions: `<!-- attrcheck: disable-next=AC201,AC104 reason="ticket 123" -->`.

The comment applies to the figure that directly follows it (only whitespace between). Its body is
tokenised like a shell line (quoted values may hold spaces and commas): `disable-next=` lists codes
or code prefixes separated by commas, `reason=` says why. A suppression without a reason has
`reason=None`; the engine reports it. A comment that starts with `attrcheck:` but has no codes is
kept with `codes=()` (it suppresses nothing; the engine can report it as malformed).
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

DIRECTIVE_PREFIX = "attrcheck:"


@dataclass(frozen=True)
class Directive:
    codes: tuple[str, ...]
    reason: str | None


def parse_directive(comment_body: str) -> Directive | None:
    """The directive in a comment's body (the text between `<!--` and `-->`), or None."""
    body = comment_body.strip()
    if not body.lower().startswith(DIRECTIVE_PREFIX):
        return None
    words = _words(body[len(DIRECTIVE_PREFIX) :])
    codes: tuple[str, ...] = ()
    reason: str | None = None
    for word in words:
        key, _, value = word.partition("=")
        key = key.strip().lower()
        if key in ("disable-next", "disable-next-line", "disable"):
            codes = tuple(code.strip().upper() for code in value.split(",") if code.strip())
        elif key == "reason":
            reason = value.strip() or None
    return Directive(codes, reason)


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text, posix=True)
    except ValueError:  # an unterminated quote: keep what can be read
        return text.replace('"', " ").replace("'", " ").split()
