"""Word tokens and phrase keys shared by the recogniser and the data build.

A phrase key is the case-folded concatenation of a phrase's word tokens with every separator
removed, so "Attribution-NonCommercial", "Attribution - Non Commercial" and "attribution
noncommercial" all have the key "attributionnoncommercial". The build script computes the keys
of every known title with `phrase_key`; the recogniser computes them from the text's tokens, so
both sides always agree.
"""

from __future__ import annotations

import re

# Dotted abbreviations ("U.S."), versions and numbers ("4.0", "2019"), words (any script; a
# trailing "+" belongs to the word, as in "Sampling+").
TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\d+(?:\.\d+)?|[^\W\d_]+\+?")

VERSION_RE = re.compile(r"\d(?:\.\d)?")


def token_key(raw: str) -> str:
    """The key of one token: case-folded, dots of abbreviations removed."""
    key = raw.casefold()
    if "." in key and not key[0].isdigit():
        return key.replace(".", "")
    return key


def phrase_key(phrase: str) -> str:
    """The key of a whole phrase: its token keys joined without separators."""
    return "".join(token_key(match.group()) for match in TOKEN_RE.finditer(phrase))


def normalise_version(raw: str) -> str | None:
    """ "4" -> "4.0", "2.5" -> "2.5"; None for anything that is not a licence version. A bare 0
    is none: no licence has a version 0, and "CC0" is CC0, not "CC" version 0."""
    if not VERSION_RE.fullmatch(raw) or raw == "0":
        return None
    return raw if "." in raw else f"{raw}.0"
