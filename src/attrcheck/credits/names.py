"""What one piece of a credit names: a person, a handle, an organisation, or nothing creditable.

`classify("Kirk Hargreaves")` is a person, `classify("Christchurch city council")` an organisation
(an organisation word), `classify("NASA")` one too (an acronym), `classify("Shutterstock.com")`
one too (a domain), `classify("artist name")` a template placeholder, `classify("August 7, 2009")`
a date to skip, `classify("a view of the harbour")` not a name at all. Whether a handle
("Zapp2Photo", "Sul21") is the creator or the agency depends on its place in the credit, which
the caller knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from attrcheck.credits.lexicon import (
    AMBIGUOUS_ORGANISATION_WORDS,
    BUSINESS_WORDS,
    INSTITUTION_SUFFIXES,
    KNOWN_ORGANISATIONS,
    MONTHS,
    NAME_PARTICLES,
    NOISE_WORDS,
    ORG_CONNECTORS,
    ORGANISATION_WORDS,
    PERSONAL_TITLES,
    PLACEHOLDER_ROLE_WORDS,
    PLACEHOLDERS,
    PLATFORM_HOSTS,
    PLATFORM_USER_WORDS,
    REPOSITORY_REFERENCES,
    TITLE_WORDS,
    URL_RE,
)

# person: "Jane Doe"; handle: "z_wei"; user: a platform's user ("Flickr user X", always a
# creator); titled: "The Verge" (an agency after a creator, else no name); org; placeholder:
# "artist name"; skip: noise or a date; bad: not a name, the credit ends before it.
Kind = Literal["org", "person", "handle", "user", "titled", "placeholder", "skip", "bad"]

MAX_NAME_WORDS = 6
MAX_ORG_WORDS = 12
_BRACKETED = re.compile(r"\[([^\[\]]*)\]|\(([^()]*)\)")
_STRIP = " \t\n\"'“”‘’„«»‹›*.,:;!?-–—|/\\_~#()[]{}\x00"
_DATE_WORD = re.compile(r"^(?:\d{1,4}(?:[-./]\d{1,4}){0,2}(?:st|nd|rd|th|\.)?|c\.?|ca\.?|circa)$")
_HANDLE = re.compile(r"^@?[\w][\w.'’@+-]*$")
_ACRONYM = re.compile(r"^(?=.*[A-Z])(?:[A-Z0-9&]{2,5}|(?:[A-Z]\.){2,4}|[A-Z][A-Za-z]{1,3}[A-Z])$")
_TRAILING_PHOTO = re.compile(r"\s+(?:photos?|fotos?|pictures?|images? group)$", re.IGNORECASE)
_ARTICLES = frozenset(["the", "die", "der", "das", "le", "la", "les", "el", "los", "las", "de",
                       "het", "o", "a"])  # fmt: skip
_PHOTO_ENDINGS = ("photo", "photos", "foto", "fotos", "picture", "pictures", "group")
_LEADING_ARTICLE = re.compile(r"^(?:the|die|der|das|le|la|les|el|los|las|de|het|o|a)\s+", re.I)
_SENTENCE_BREAK = re.compile(r"[a-z]{3}[.!?]\s+[A-Z]")
_LONG_ACRONYM = re.compile(r"^[A-Z]{6,8}$")
_TRAILING_YEAR = re.compile(r",?\s+(?:\(?\d{4}\)?)$")
_HOST_END = re.compile(r"[/?#:]")
_PLACEHOLDER_MARKUP = re.compile(r"^[<{\[].*[>}\]]$")
_COMMON_LOWER = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "here",
        "there",
        "below",
        "above",
        "left",
        "right",
        "top",
        "bottom",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "with",
        "by",
        "see",
        "more",
        "photo",
        "image",
        "picture",
        "foto",
        "bild",
        "caption",
        "source",
        "credit",
        "details",
        "own",
        "work",
        "unknown",
    ]
)


@dataclass(frozen=True)
class Part:
    """One classified piece of a credit: `text` as it should be reported."""

    text: str
    kind: Kind
    extra_organisations: tuple[str, ...] = ()


@lru_cache(maxsize=16_384)
def classify(raw: str, *, lenient: bool = False, lower_names: bool = False) -> Part:
    """Classify one piece of a credit; `lenient` accepts lower-case handles ("drogatnev"),
    `lower_names` lower-case names ("bongkarn thanyakij", right after "Photo by")."""
    text, extras = _without_brackets(raw)
    text = _clean(text)
    if not text:
        return Part("", "skip", extras)
    lowered = text.lower()  # _clean left single spaces and none at either end
    if lowered in NOISE_WORDS or _is_date(lowered):
        return Part(text, "skip", extras)
    if _is_placeholder(lowered, text):
        return Part(text, "placeholder", extras)
    platform_user = _platform_user(text, lowered)
    if platform_user is not None:
        return platform_user
    organisation = organisation_name(text)
    if organisation is not None:
        if _photographer_business(text):
            return Part(text, "person", extras)  # "John Smith Photography": a photographer
        return Part(organisation, "org", ())
    return _as_person_or_handle(text, extras, lenient=lenient, lower_names=lower_names)


@lru_cache(maxsize=16_384)
def organisation_name(text: str) -> str | None:
    """The display name when `text` names an organisation, else None."""
    if "." in text and URL_RE.fullmatch(text):
        return platform_for_url(text) or _host(text)
    if ". " in text and _SENTENCE_BREAK.search(text):
        return None  # "The Milky Way over Arches National Park. NPS": a sentence, then a name
    first, _, _ = text.partition(" ")
    bare = _LEADING_ARTICLE.sub("", text) if first.lower() in _ARTICLES else text
    bare_lower = bare.lower()
    trimmed = _TRAILING_PHOTO.sub("", bare) if bare_lower.endswith(_PHOTO_ENDINGS) else bare
    shown = text if text[:1].isupper() else bare  # "The New York Times", "the Noun Project"
    if (trimmed.lower() if trimmed is not bare else bare_lower) in KNOWN_ORGANISATIONS:
        return _TRAILING_PHOTO.sub("", shown) if trimmed != bare else shown
    if bare_lower in KNOWN_ORGANISATIONS:
        return shown
    words = text.split()
    if len(words) > MAX_ORG_WORDS:
        return None
    keys = [word.strip(".,()'’") for word in text.lower().split()]
    if not ORGANISATION_WORDS.isdisjoint(keys) or _institution_suffix(keys):
        return shown if _proper_phrase(words, keys, allowed_lower=1) else None
    agency_word = len(words) > 1 and not KNOWN_ORGANISATIONS.isdisjoint(keys)
    if agency_word and any(_is_agency_word(key) for key in keys):
        return shown if _proper_phrase(words, keys, allowed_lower=0) else None
    if trimmed.istitle() and " " in trimmed:
        return None  # "Jane Doe": capitalised words, no acronym
    if _all_acronyms(trimmed.split()):
        return trimmed
    if len(words) == 1 and "-" in trimmed:
        head = trimmed.split("-")[0]
        if len(head) >= 3 and _ACRONYM.match(head):
            return trimmed
    return None


def is_known_or_acronym(text: str) -> bool:
    """Organisations that are never a contributor's name: a known agency or an acronym."""
    bare = _LEADING_ARTICLE.sub("", text.strip())
    words = bare.lower().split()
    return (
        bare.lower() in KNOWN_ORGANISATIONS
        or _all_acronyms(bare.split())
        or any(len(word) >= 4 and word in KNOWN_ORGANISATIONS for word in words)
    )


def _photographer_business(text: str) -> bool:
    """ "John Smith Photography", "Jane Doe Fotografie": a person's name and a studio word."""
    words = text.split()
    if len(words) < 3 or words[-1].lower() not in BUSINESS_WORDS:
        return False
    return all(_is_name_word(w) and w.lower() not in ORGANISATION_WORDS for w in words[:-1])


def _institution_suffix(keys: Sequence[str]) -> bool:
    """ "Rijksmuseum", "Staatsbibliothek": one word ending in an institution word."""
    for key in keys:  # noqa: SIM110 (a plain loop is faster than any() over a generator)
        if key.endswith(INSTITUTION_SUFFIXES):
            return True
    return False


def _proper_phrase(words: Sequence[str], keys: Sequence[str], *, allowed_lower: int) -> bool:
    """A name, not a sentence: few lower-case words other than connectors and org words, each
    right before an org word ("Christchurch city council", not "Students in the library")."""
    lower = 0
    for index, (word, key) in enumerate(zip(words, keys, strict=True)):
        if (
            word[:1].islower()
            and key not in ORG_CONNECTORS
            and key not in ORGANISATION_WORDS
            and key not in KNOWN_ORGANISATIONS
        ):
            following = keys[index + 1] if index + 1 < len(keys) else ""
            if following not in ORGANISATION_WORDS:
                return False
            lower += 1
    return lower <= allowed_lower


def _all_acronyms(words: Sequence[str]) -> bool:
    """ "NASA", "JHU APL", "GSA PBS"; not "JANE DOE" (capitals, but a name)."""
    if len(words) == 1:
        return bool(_ACRONYM.match(words[0]) or _LONG_ACRONYM.match(words[0]))
    if not all(_ACRONYM.match(word) for word in words):
        return False
    return all(len(word) <= 3 or word.lower() in KNOWN_ORGANISATIONS for word in words)


def _is_agency_word(key: str) -> bool:
    """ "dpa" in "dpa Picture-Alliance": an unambiguous agency or platform name as one word."""
    return len(key) >= 3 and key in KNOWN_ORGANISATIONS and key not in AMBIGUOUS_ORGANISATION_WORDS


def hyphen_split(text: str) -> list[str] | None:
    """ "Feng-iStock-Thinkstock" -> ["Feng", "iStock", "Thinkstock"] when a piece is an agency."""
    if " " in text.strip() or "-" not in text or text.strip().lower() in KNOWN_ORGANISATIONS:
        return None
    pieces = [piece for piece in text.strip().split("-") if piece]
    if len(pieces) > 1 and any(piece.lower() in KNOWN_ORGANISATIONS for piece in pieces[1:]):
        return pieces
    return None


def platform_for_url(url: str) -> str | None:
    """ "https://www.flickr.com/photos/..." -> "Flickr"."""
    host = _host(url).lower()
    for suffix, name in PLATFORM_HOSTS:
        if host == suffix or host.endswith("." + suffix):
            return name
    return None


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    host = _HOST_END.split(rest, maxsplit=1)[0]
    return host[4:] if host.lower().startswith("www.") else host


def _without_brackets(raw: str) -> tuple[str, tuple[str, ...]]:
    extras: list[str] = []

    def note(match: re.Match[str]) -> str:
        inner = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        for pattern, repository in REPOSITORY_REFERENCES:
            if pattern.match(inner):
                extras.append(repository)
        return " "

    if "[" not in raw and "(" not in raw:
        return raw, ()
    return _BRACKETED.sub(note, raw), tuple(extras)


def _clean(text: str) -> str:
    text = " ".join(text.split()).strip(_STRIP)
    return text


def _is_date(lowered: str) -> bool:
    if not lowered[:1].isdigit() and lowered.partition(" ")[0].rstrip(".,") not in MONTHS:
        return False
    words = lowered.replace(",", " ").split()
    return bool(words) and all(
        _DATE_WORD.match(word) or word.rstrip(".") in MONTHS for word in words
    )


def _is_placeholder(lowered: str, text: str) -> bool:
    """ "artist name", "Unknown author", "<name>": a template or no name at all."""
    if lowered in PLACEHOLDERS or (text[:1] in "<{[" and _PLACEHOLDER_MARKUP.match(text)):
        return True
    if " " not in lowered:
        return False  # one word: not a pair of role words
    words = lowered.split()
    return 1 < len(words) <= 3 and PLACEHOLDER_ROLE_WORDS.issuperset(words)


def _platform_user(text: str, lowered: str) -> Part | None:
    """ "Flickr user Kirinohana" -> the handle, with the platform as an organisation."""
    if text.count(" ") < 2 or PLATFORM_USER_WORDS.isdisjoint(lowered.split()):
        return None  # fewer than three words (classify cleaned the spacing), or no "user"
    words = text.split()
    for index, word in enumerate(words[:-1]):
        if index and word.lower() in PLATFORM_USER_WORDS:
            platform = " ".join(words[:index])
            if organisation_name(platform) is not None:
                handle = " ".join(words[index + 1 :])
                return Part(handle, "user", (platform,))
    return None


def _as_person_or_handle(
    text: str, extras: tuple[str, ...], *, lenient: bool, lower_names: bool = False
) -> Part:
    if text[-1:].isdigit() or text.endswith(")"):
        text = _TRAILING_YEAR.sub("", text)
    if text.partition(" ")[0].lower().rstrip(".") in TITLE_WORDS:
        untitled = PERSONAL_TITLES.sub("", text)
        if len(untitled.split()) >= 2:
            text = untitled
    words = text.split()
    if len(words) == 1:
        return (
            Part(text, "handle", extras) if _is_handle(text, lenient=lenient) else Part(text, "bad")
        )
    if _is_capitalised_name(words):
        kind: Kind = "titled" if words[0].lower() in _ARTICLES else "person"
        return Part(text, kind, extras)
    if len(words) - sum(1 for word in words if word.lower() in NAME_PARTICLES) > MAX_NAME_WORDS:
        return Part(text, "bad")
    if lower_names and len(words) <= 4 and all(_is_lower_name_word(word) for word in words):
        return Part(text, "person", extras)
    return Part(text, "bad")


def _is_capitalised_name(words: Sequence[str]) -> bool:
    """Every word capitalised ("Jane Doe", "Carol M. Highsmith") or a particle ("von", "de");
    the first word capitalised; at most MAX_NAME_WORDS words besides particles."""
    if not _is_name_word(words[0]):
        return False
    named = 0
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if not _is_name_word(word):
            return False
        named += 1
    return 0 < named <= MAX_NAME_WORDS


def _is_lower_name_word(word: str) -> bool:
    return word.replace("-", "").replace("'", "").isalpha() and word not in _COMMON_LOWER


def _is_name_word(word: str) -> bool:
    if word[:1].isupper():
        return True
    first = next((char for char in word if char.isalpha()), "")
    if not first:
        return False
    if first.isupper():
        return True
    return "'" in word[:3] or "’" in word[:3]  # d'Alembert


def _is_handle(word: str, *, lenient: bool) -> bool:
    if not _HANDLE.match(word) or len(word) > 40 or not any(c.isalpha() for c in word):
        return False
    if word.lower() in _COMMON_LOWER:
        return False
    if word[0].isupper() or word[0] == "@" or any(c.isdigit() or c == "_" for c in word):
        return True
    return lenient or any(c.isupper() for c in word)
