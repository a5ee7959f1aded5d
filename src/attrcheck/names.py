"""Creator matching across caption, metadata and register: is this the same person (or body)?

Editors, cameras and registers write one name many ways. `same_creator` treats these as equal:

- case and accents: "José Núñez" = "jose nunez"; ligatures and letters like ø, ł, ß folded;
- "Last, First" and any token order: "Fowles, Pippa" = "FOWLES Pippa" = "Pippa Fowles";
- initials and middle names: "P. Fowles" = "Pippa Fowles"; "Carol M. Highsmith" = "Carol Highsmith";
- handles: "@janedoe" = "Jane Doe" = "jane_doe"; "Flickr user Kirinohana" = "kiri_no_hana";
- credit noise: "Photo: Jane Doe", "© 2020 Jane Doe. All rights reserved." = "Jane Doe", and
  contact details after the name: "Jane Doe (jane@example.com)", "Jane Doe - www.janedoe.com";
- person/organisation pairs: "Pippa Fowles / No 10 Downing Street" = "Pippa Fowles"; when both sides
  name a person, the persons must agree ("Jane Doe/Reuters" is not "John Smith/Reuters");
- a one-letter slip in a long surname with the same first name ("Nistara Randawa" = "Nistara
  Randhawa").

`credited(creator, credit)` says whether a caption credit (a parsed Credit) names the creator, by
its creators, its organisations or, failing those, its plain text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

from attrcheck.model import Credit

__all__ = [
    "AGENCIES",
    "PLATFORMS",
    "clean_name",
    "compact",
    "credited",
    "fold",
    "is_agency",
    "is_placeholder",
    "is_platform",
    "looks_like_organisation",
    "name_parts",
    "same_creator",
]

_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ł": "l", "Ł": "l",
     "đ": "d", "Đ": "d", "þ": "th", "Þ": "th", "ð": "d", "ı": "i", "’": "'", "‘": "'"}
)  # fmt: skip
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SEPARATORS = re.compile(r"\s*(?:/|\||;|\s+via\s+|\s+for\s+|\s+-\s+|\s+–\s+|\s+—\s+)\s*", re.I)
_PREFIX = re.compile(
    r"^\s*(?:(?:photo(?:graph)?s?|pictures?|images?|credit|foto|bild|by|source|courtesy(?: of)?"
    r"|photographer|author|artist|creator|illustration|copyright|\(c\)|©|flickr user|user)"
    r"\s*(?:by|of)?\s*[:.\-]?\s*)+",
    re.I,
)
_YEAR = re.compile(r"^\s*(?:19|20)\d\d\b[\s,.:]*")
# contact details cameras and editors append to a name: "(jane@example.com)", "<www.doe.com>"
_CONTACT = re.compile(
    r"\s*(?:[(<\[][^()<>\[\]]*(?:@|www\.|https?:|\.(?:com|org|net|co\.uk)\b)[^()<>\[\]]*[)>\]]"
    r"|[,\-–]?\s*(?:\S+@\S+\.\w+|https?://\S+|www\.\S+))\s*$",
    re.I,
)
_SUFFIX = re.compile(r"[\s,.;]*(?:all rights reserved|alle rechte vorbehalten)?[\s,.;]*$", re.I)
_PLACEHOLDERS = frozenset(
    {"", "unknown", "anonymous", "anon", "n a", "na", "none", "null", "photographer", "author",
     "artist", "artist name", "creator", "staff", "owner", "camera owner", "copyright", "user",
     "photo", "image", "picture", "various", "test", "your name", "name", "staff photographer",
     "staff photo", "file photo", "uncredited", "not specified", "unspecified", "copyright owner",
     "owner name", "unknown photographer", "unknown author", "not known", "picasa", "default"}
)  # fmt: skip
AGENCIES: frozenset[str] = frozenset(
    {"getty images", "getty", "istock", "istockphoto", "thinkstock", "shutterstock", "reuters",
     "ap", "associated press", "ap photo", "afp", "agence france presse", "agence france-presse",
     "pa", "pa images", "pa wire", "pa media", "press association", "epa", "epa efe", "efe",
     "dpa", "picture alliance", "dpa picture alliance", "alamy", "alamy stock photo", "adobe stock",
     "corbis", "bloomberg", "xinhua", "ansa", "keystone", "rex", "rex features", "rex shutterstock",
     "dreamstime", "123rf", "depositphotos", "pond5", "magnum", "magnum photos", "bridgeman",
     "bridgeman images", "mary evans", "science photo library", "camera press", "sipa",
     "sipa press", "polaris", "zuma", "zuma press", "zuma wire", "nurphoto", "sopa images",
     "wenn", "splash news", "backgrid", "anadolu", "anadolu agency", "kyodo", "yonhap", "tass",
     "sputnik", "jiji press", "imago", "imago images", "ullstein bild", "action images",
     "sportsfile", "offside", "hulton archive", "digitalvision vectors", "digitalvision",
     "the image bank", "westend61", "stocksy", "eyeem", "gettyimages",
     "abaca", "abaca press", "lehtikuva", "scanpix", "belga", "anp", "tt", "ntb", "apa",
     "ddp", "ddp images", "dts", "dts nachrichtenagentur", "newscom", "upi", "wireimage",
     "filmmagic", "ap images"}
)  # fmt: skip
_AGENCY_WORDS = frozenset(word for agency in AGENCIES for word in agency.split())
PLATFORMS: frozenset[str] = frozenset(
    {"flickr", "wikimedia commons", "wikimedia", "commons", "wikipedia", "unsplash", "pexels",
     "pixabay", "openverse", "twitter", "x", "instagram", "facebook", "youtube", "noun project",
     "the noun project", "imgur", "500px", "deviantart", "behance"}
)  # fmt: skip
_ORG_WORDS = frozenset(
    {"street", "office", "ministry", "agency", "images", "image", "news", "press", "department",
     "dept", "university", "inc", "ltd", "llc", "gmbh", "government", "council", "service",
     "services", "photos", "pictures", "media", "museum", "library", "archive", "archives",
     "administration", "institute", "foundation", "society", "association", "company", "corp",
     "corporation", "house", "embassy", "commission", "parliament", "police", "army", "navy",
     "force", "nasa", "esa", "group", "team", "studio", "studios", "center", "centre", "bureau",
     "collection", "gallery", "network", "club", "board", "trust", "project", "stock",
     "rundfunk", "photography", "communications", "federal", "national", "royal", "city",
     "county", "state", "union", "party", "organisation", "organization", "the"}
)  # fmt: skip


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free words separated by single spaces."""
    if text.isascii():
        return _NON_WORD.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


@lru_cache(maxsize=8192)
def clean_name(text: str) -> str:
    """The name without credit noise: "Photo: © 2020 Jane Doe. All rights reserved." = Jane Doe"""
    name = text.strip().lstrip("@")
    for _ in range(3):
        before = name
        name = _PREFIX.sub("", name)
        name = _YEAR.sub("", name)
        name = _SUFFIX.sub("", name).strip()
        name = _CONTACT.sub("", name).strip() or name
        name = name.lstrip("@")
        if name == before:
            break
    return name


@lru_cache(maxsize=8192)
def is_placeholder(name: str) -> bool:
    """True for values that name nobody ("Unknown", "artist name", "Camera owner")."""
    return fold(clean_name(name)) in _PLACEHOLDERS


@lru_cache(maxsize=8192)
def is_agency(name: str) -> bool:
    """True for news agencies, picture agencies and stock libraries (by their usual names)."""
    folded = fold(name)
    if folded in AGENCIES:
        return True
    words = folded.split()
    if _AGENCY_WORDS.isdisjoint(words):
        return False
    return any(" ".join(words[i:j]) in AGENCIES for i in range(len(words))
               for j in range(i + 1, min(len(words), i + 3) + 1)
               if j - i > 1 or len(words[i]) > 3)  # fmt: skip


@lru_cache(maxsize=8192)
def is_platform(name: str) -> bool:
    """True for hosting platforms (Flickr, Wikimedia Commons, Unsplash ...): not creators."""
    folded = fold(name)
    return folded in PLATFORMS or folded.removeprefix("via ") in PLATFORMS


@lru_cache(maxsize=8192)
def looks_like_organisation(name: str) -> bool:
    """A guess: agencies, platforms, acronyms ("UKTI", "NASA") and names with organisation words."""
    cleaned = clean_name(name)
    if is_agency(cleaned) or is_platform(cleaned):
        return True
    words = fold(cleaned).split()
    if any(word in _ORG_WORDS or word.isdigit() for word in words):
        return True
    letters = [ch for ch in cleaned if ch.isalpha()]
    return len(words) == 1 and len(letters) >= 2 and all(ch.isupper() for ch in letters)


_BRACKETED_TAIL = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<tail>[^()]+)\)\s*$")


@lru_cache(maxsize=8192)
def name_parts(text: str) -> tuple[str, ...]:
    """Split a combined credit into its names: "Pippa Fowles / No 10 Downing Street" -> both.

    An organisation in brackets or after a comma ("Jane Doe (Reuters)", "Jane Doe, Reuters") is a
    part of its own; "Doe, Jane" stays one name.
    """
    parts: list[str] = []
    for piece in _SEPARATORS.split(text):
        parts.extend(_organisation_tail(clean_name(piece)))
    return tuple(part for part in parts if part and not is_placeholder(part))


def _organisation_tail(name: str) -> tuple[str, ...]:
    bracketed = _BRACKETED_TAIL.match(name)
    if bracketed:
        return clean_name(bracketed["head"]), clean_name(bracketed["tail"])
    head, comma, tail = name.rpartition(",")
    if comma and len(head.split()) >= 2 and looks_like_organisation(tail):
        return clean_name(head), clean_name(tail)
    return (name,)


@lru_cache(maxsize=8192)
def _tokens(name: str) -> tuple[str, ...]:
    if name.count(",") == 1:
        last, first = name.split(",")
        if first.strip() and last.strip():
            name = f"{first} {last}"
    return tuple(fold(name.replace("_", " ")).split())


def compact(name: str) -> str:
    """The folded name without spaces: "@Jane_Doe" and "jane doe" both give "janedoe"."""
    return fold(name).replace(" ", "")


def _first_names_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a == b


def _surnames_close(a: str, b: str) -> bool:
    return min(len(a), len(b)) >= 6 and SequenceMatcher(None, a, b).ratio() >= 0.9


@lru_cache(maxsize=8192)
def _same_single_name(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if fold(a) == fold(b) or compact(a) == compact(b):
        return True
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return False
    if sorted(ta) == sorted(tb) or "".join(ta) == "".join(tb):
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    return (
        _ordered_match(ta, tb)
        or _ordered_match(ta[1:] + ta[:1], tb)
        or _ordered_match(ta, tb[1:] + tb[:1])
    )


def _ordered_match(ta: tuple[str, ...], tb: tuple[str, ...]) -> bool:
    """First name (or initial) and surname agree; middle names and initials are ignored."""
    if not _first_names_agree(ta[0], tb[0]):
        return False
    if ta[-1] == tb[-1]:
        return True
    return ta[0] == tb[0] and len(ta[0]) > 1 and _surnames_close(ta[-1], tb[-1])


def _persons(parts: Iterable[str]) -> list[str]:
    return [part for part in parts if not looks_like_organisation(part)]


def _clearly_different(a: str, b: str) -> bool:
    """No word in common and neither squeezed form inside the other: no rule can match them."""
    ca, cb = clean_name(a), clean_name(b)
    if not set(_tokens(ca)).isdisjoint(_tokens(cb)):
        return False
    ka, kb = compact(ca), compact(cb)
    return not (ka and kb and (ka in kb or kb in ka))


@lru_cache(maxsize=16384)
def same_creator(a: str, b: str) -> bool:
    """True when the two strings name the same creator (see the module docstring for the rules)."""
    if is_placeholder(a) or is_placeholder(b):
        return False
    if _clearly_different(a, b):
        return False
    if _same_single_name(clean_name(a), clean_name(b)):
        return True
    parts_a, parts_b = name_parts(a), name_parts(b)
    if not parts_a or not parts_b:
        return False
    persons_a, persons_b = _persons(parts_a), _persons(parts_b)
    if persons_a and persons_b:
        return any(_same_single_name(x, y) for x in persons_a for y in persons_b)
    return any(_same_single_name(x, y) for x in parts_a for y in parts_b)


def _appears_in(name: str, text: str) -> bool:
    folded_name, folded_text = fold(name), fold(text)
    return bool(folded_name) and f" {folded_name} " in f" {folded_text} "


def credited(creator: str, credit: Credit) -> bool:
    """True when the caption credit names `creator` (for a person/organisation pair: its person).

    The credit's creators, organisations and © holders are compared first, then its plain text.
    """
    holders = tuple(s.holder for s in credit.statements if s.holder)
    return _credited(creator, (*credit.creators, *credit.organisations, *holders), credit.text)


@lru_cache(maxsize=4096)
def _credited(creator: str, names: tuple[str, ...], text: str) -> bool:
    parts = name_parts(creator) or (clean_name(creator),)
    persons = _persons(parts)
    wanted = persons or list(parts)
    keys = {compact(name) for name in names}
    if any(compact(part) in keys for part in wanted):
        return True
    for part in wanted:
        if any(same_creator(part, name) for name in names):
            return True
        if _appears_in(part, text):
            return True
    return False
