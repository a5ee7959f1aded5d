"""Licence URLs: finding them in text, normalising every variant, reading CC deed paths.

All of these name the same tool and normalise to "creativecommons.org/licenses/by-sa/2.0/uk":
http or https, with or without "www.", with or without the trailing slash, followed by
"deed", "deed.<language>", "legalcode", "legalcode.<language>" or "rdf" (a language, never a
jurisdiction), and with any query string ("?ref=chooser-v1") or fragment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Any http(s)/www URL, plus scheme-less URLs on the hosts of the licences we know.
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'`{}|\\^\[\]]+"
    r"|\b(?:creativecommons\.org|nationalarchives\.gov\.uk|unsplash\.com|pexels\.com"
    r"|pixabay\.com|gnu\.org|artlibre\.org|flickr\.com)/[^\s<>\"'`{}|\\^\[\]]*",
    re.IGNORECASE,
)
TRAILING_PUNCTUATION = ".,;:!?'\")]}>*_"
DOCUMENT_SUFFIX_RE = re.compile(r"^(?:deed|legalcode|rdf)(?:[._-][\w-]+)*$", re.IGNORECASE)


def trim_url(url: str) -> str:
    """Drop sentence punctuation that follows a URL in prose (keeps a balanced ")")."""
    while url and url[-1] in TRAILING_PUNCTUATION:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


def split_url(url: str) -> tuple[str, list[str]]:
    """(host without www, path segments) of a URL with or without a scheme."""
    text = url.strip()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text, flags=re.IGNORECASE)
    text = re.split(r"[?#]", text, maxsplit=1)[0]
    host, _, path = text.partition("/")
    host = host.lower().split("@")[-1].split(":")[0]
    host = host.removeprefix("www.")
    segments = [segment for segment in path.lower().split("/") if segment]
    return host, segments


def normalise_url(url: str) -> str:
    """The lookup key of a licence URL (see the module docstring)."""
    host, segments = split_url(url)
    if host.endswith("creativecommons.org") and segments and DOCUMENT_SUFFIX_RE.match(segments[-1]):
        segments = segments[:-1]
    return "/".join([host, *segments])


@dataclass(frozen=True)
class CcPath:
    """A creativecommons.org licence path: /licenses/<unit>[/<version>[/<jurisdiction>]]/."""

    unit: str
    version: str | None
    jurisdiction: str | None


def parse_cc_path(url: str) -> CcPath | None:
    host, segments = split_url(url)
    if not host.endswith("creativecommons.org"):
        return None
    if segments and DOCUMENT_SUFFIX_RE.match(segments[-1]):
        segments = segments[:-1]
    if len(segments) < 2 or segments[0] not in ("licenses", "licences", "publicdomain"):
        return None
    unit, rest = segments[1], segments[2:]
    version = rest[0] if rest and re.fullmatch(r"\d+(?:\.\d+)*", rest[0]) else None
    if rest and version is None:
        return None
    jurisdiction = rest[1] if len(rest) > 1 and re.fullmatch(r"[a-z-]+", rest[1]) else None
    if len(rest) > 2 or (len(rest) == 2 and jurisdiction is None):
        return None
    return CcPath(unit, version, jurisdiction)


OGL_VERSION_RE = re.compile(r"open-government-licence(?:/version/(\d))?")


def parse_ogl_url(url: str) -> tuple[bool, str | None]:
    """(is an OGL URL, version "3.0" or None)."""
    host, segments = split_url(url)
    if not host.endswith("nationalarchives.gov.uk"):
        return False, None
    match = OGL_VERSION_RE.search("/".join(segments))
    if match is None:
        return False, None
    return True, f"{match.group(1)}.0" if match.group(1) else None
