"""What the checks share: views of a FigureCase (its licence, the caption's licence references, the
evidence for creator, title, source and modification) and the one way to build a Finding.

Everything here is a pure function of the case; nothing reads files or the network.
"""

from __future__ import annotations

import fnmatch
import importlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Literal, TypeVar

from attrcheck import names
from attrcheck.model import (
    EVIDENCE_SOURCES,
    Credit,
    CreditLicence,
    FigureCase,
    Finding,
    ImageEvidence,
    Level,
    Licence,
    Policy,
)

Where = Literal["caption", "figure"]
T = TypeVar("T")

NO_ATTRIBUTION_FAMILIES = frozenset(
    {"CC0", "PDM", "public-domain", "Unsplash", "Pexels", "Pixabay", "PD", "certification"}
)
NO_ATTRIBUTION_KINDS = frozenset({"public-domain", "platform"})
STOCK_PLATFORMS = {"unsplash": "Unsplash", "pexels": "Pexels", "pixabay": "Pixabay"}
HOLDER_STATEMENTS = frozenset(
    {"all-rights-reserved", "copyright", "courtesy", "permission", "handout"}
)
_LICENCE_WORDING = re.compile(
    r"^(?:public domain|no known copyright|all rights reserved|creative commons|cc(?: |$)|cc0)"
)
_DOMAIN = re.compile(r"\.[a-z]{2,}(?:/|$)", re.I)
POLICY_KEY = {
    "resized": "resize",
    "recompressed": "recompress",
    "format-change": "format-change",
    "cropped": "crop",
    "altered": "alteration",
}
_CHANGE_RANK = {"identical": 0, "recompressed": 1, "format-change": 1, "resized": 2,
                "cropped": 3, "altered": 4}  # fmt: skip
_C2PA_CHANGES = {
    "c2pa.cropped": "cropped",
    "c2pa.color_adjustments": "altered",
    "c2pa.drawing": "altered",
    "c2pa.edited": "altered",
    "c2pa.filtered": "altered",
}
_URL_TOKEN = re.compile(r"(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/)", re.I)
_SOURCES = frozenset(EVIDENCE_SOURCES)
_URL_SCAN_LIMIT = 20_000
_CHANGE_WORDS = frozenset(
    {"cropped", "adapted", "adaptation", "modified", "modification", "edited", "altered",
     "detail", "derivative", "retouched", "composite", "colourised", "colorized", "ausschnitt",
     "bearbeitet", "recadre", "recadree", "modifie", "modifiee", "recortada", "recortado",
     "mirrored", "flipped", "tinted", "desaturated", "crop", "cropping", "changed", "changes",
     "modifications", "edits", "greyscale", "grayscale", "recoloured", "recolored", "annotated",
     "montage", "remix", "remixed"}
)  # fmt: skip


# --------------------------------------------------------------------------- per-figure memo

A = TypeVar("A")


def last_object(function: Callable[[A], T]) -> Callable[[A], T]:
    """Compute a view of one object (a case, a credit) once while the checks look at it.

    Keeps the result for the most recent argument only, keyed by identity: cheaper than hashing
    a frozen dataclass, and nothing outlives the figure being checked. The (argument, result)
    pair is replaced as one object, so concurrent threads at worst recompute.
    """
    last: list[tuple[A, T]] = []

    @wraps(function)
    def memoised(argument: A) -> T:
        if last:
            seen = last[0]
            if seen[0] is argument:
                return seen[1]
        value = function(argument)
        last[:] = [(argument, value)]
        return value

    return memoised


per_case = last_object


# --------------------------------------------------------------------------- findings


def finding(
    case: FigureCase,
    code: str,
    name: str,
    level: Level,
    message: str,
    *,
    evidence: Iterable[str] = (),
    fix: str | None = None,
    where: Where = "figure",
) -> Finding:
    """A Finding placed on the figure (or on its caption when that is where the problem is)."""
    figure = case.figure
    line, column = figure.line, figure.column
    if where == "caption" and figure.caption_line is not None:
        line, column = figure.caption_line, figure.caption_column or 1
    return Finding(
        code=code,
        name=name,
        level=level,
        message=message,
        line=line,
        column=column,
        evidence=unique(source for source in evidence if source in _SOURCES),
        figure_id=figure.id,
        fix=fix,
    )


def unique(items: Iterable[str]) -> tuple[str, ...]:
    """Items in first-seen order without repeats or blanks."""
    return tuple(dict.fromkeys(item for item in items if item))


def cure_level(licence: Licence, without_cure: Level, with_cure: Level = "warning") -> Level:
    """Pre-4.0 CC licences end on any breach; 4.0 reinstates a licence cured within 30 days."""
    return with_cure if licence.attribution.cure_period_days else without_cure


# --------------------------------------------------------------------------- licences


def label(licence: Licence) -> str:
    """The licence as a reader knows it: "CC BY-NC-ND 2.0"."""
    return licence.short_name or licence.name or licence.id


def needs_nothing(licence: Licence) -> bool:
    """CC0, the Public Domain Mark, public domain and the free stock-platform licences."""
    if licence.kind in NO_ATTRIBUTION_KINDS or licence.family in NO_ATTRIBUTION_FAMILIES:
        return True
    return not licence.requires_attribution and not licence.attribution.licence_uri


def is_open(licence: Licence) -> bool:
    """A licence that grants the public rights (everything except all-rights-reserved terms)."""
    return licence.kind != "proprietary" and licence.family != "all-rights-reserved"


def is_ogl(licence: Licence) -> bool:
    return licence.family.upper().startswith("OGL") or licence.kind == "government"


def attribution_applies(licence: Licence) -> bool:
    """The attribution checks (AC102-AC107) apply to open licences that ask for attribution."""
    return is_open(licence) and not needs_nothing(licence)


@per_case
def resolved_evidence(case: FigureCase) -> tuple[str, ...]:
    """Evidence sources that named the resolved licence."""
    return unique(item.source for item in case.resolved.evidence)


@per_case
def licence_from_elsewhere(case: FigureCase) -> tuple[str, ...]:
    """Non-caption sources that named the resolved licence."""
    return tuple(source for source in resolved_evidence(case) if source != "caption")


@lru_cache(maxsize=1)
def _database_lookup() -> Callable[[str], Licence | None] | None:
    """The licence database's lookup, when the licences stage is installed (it may not be yet)."""
    try:
        module = importlib.import_module("attrcheck.licences")
        database = module.load()
    except Exception:  # the database is optional to the checks: resolve fills candidates
        return None
    getter = getattr(database, "get", None)
    return getter if callable(getter) else None


def licence_by_id(case: FigureCase, licence_id: str) -> Licence | None:
    """The Licence for an id: from the case's resolution first, then the licence database."""
    resolved = case.resolved.licence
    if resolved is not None and resolved.id == licence_id:
        return resolved
    for _source, candidate in case.resolved.candidates:
        if candidate.id == licence_id:
            return candidate
    lookup = _database_lookup()
    if lookup is None:
        return None
    try:
        return lookup(licence_id)
    except Exception:
        return None


def pinned_mentions(credit: Credit) -> tuple[CreditLicence, ...]:
    """Caption licence references that name one existing licence."""
    return tuple(m for m in credit.licences if m.valid and m.id)


def caption_names(case: FigureCase, licence: Licence) -> bool:
    """The caption names this licence: by name, code, link, or (OGL) its statement.

    An unversioned mention of the same family ("CC BY-SA") names it (AC305 asks for the version);
    a mention pinned to another version or port ("CC BY 2.0" for CC BY 4.0) does not."""
    for mention in case.credit.licences:
        if mention.id == licence.id:
            return True
        if not mention.id and mention.family and mention.family == licence.family:
            return True
        if mention.url and same_licence_url(mention.url, licence):
            return True
    if any(link.url and same_licence_url(link.url, licence) for link in case.credit.links):
        return True
    if licence.kind == "public-domain" or licence.family in ("public-domain", "PDM"):
        return any(s.kind == "public-domain" for s in case.credit.statements)
    return bool(is_ogl(licence) and "open government licence" in names.fold(case.credit.text))


def separately_licensed(case: FigureCase) -> bool:
    """A register permission or a policy permission covers the use: the public licence is moot."""
    register = case.register
    return (register is not None and bool(register.permission)) or case.permission is not None


# --------------------------------------------------------------------------- URLs


@lru_cache(maxsize=4096)
def norm_url(url: str) -> str:
    """A URL reduced for comparison: no scheme, www, query, fragment, deed/legalcode or slash."""
    text = url.strip().strip("<>()[]\"'.,;“”‘’").lower()
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.removeprefix("www.")
    text = text.split("#", 1)[0].split("?", 1)[0]
    text = re.sub(r"/(?:deed|legalcode)(?:\.[a-z-]+)?(?:\.html?|\.txt)?/?$", "/", text)
    text = re.sub(r"/index\.html?$", "/", text)
    return text.rstrip("/")


def same_url(a: str, b: str) -> bool:
    """Equal after normalising, or one extends the other's path (Flickr's /in/album-...)."""
    na, nb = norm_url(a), norm_url(b)
    if not na or not nb:
        return False
    return na == nb or na.startswith(nb + "/") or nb.startswith(na + "/")


def same_licence_url(url: str, licence: Licence) -> bool:
    wanted = [u for u in (licence.url, licence.legal_code_url) if u]
    return any(norm_url(url) == norm_url(target) for target in wanted)


@lru_cache(maxsize=1024)
def urls_in_text(text: str) -> tuple[str, ...]:
    """URLs written out in plain caption text (what a print reader sees).

    Only the first 20,000 characters are searched: no real caption is longer, and the bound keeps
    hostile input cheap.
    """
    tokens = (token.lstrip("([<{\"'“") for token in text[:_URL_SCAN_LIMIT].split())
    return tuple(token for token in tokens if _URL_TOKEN.match(token))


def caption_links(case: FigureCase) -> tuple[str, ...]:
    """Every link target the caption or figure offers a web reader."""
    credit, figure = case.credit, case.figure
    targets = [m.url for m in credit.licences if m.linked and m.url]
    targets += [link.url for link in credit.links]
    targets += [url for url in (figure.credit_link, figure.link) if url]
    return unique(targets)


def caption_offers_url(case: FigureCase, matches: Callable[[str], bool]) -> bool:
    """The reader can reach the URL: linked (web only) or written out."""
    if any(matches(url) for url in urls_in_text(case.credit.text)):
        return True
    if case.policy.medium == "print":
        return False
    return any(matches(url) for url in caption_links(case))


# --------------------------------------------------------------------------- credit


@last_object
def has_credit(credit: Credit) -> bool:
    """The caption credits something: a creator, organisation, licence, statement or credit link."""
    return bool(
        credit.creators or credit.organisations or credit.licences or credit.statements
        or any(link.role != "other" for link in credit.links)
    )  # fmt: skip


@last_object
def credited_names(credit: Credit) -> tuple[str, ...]:
    """Who the caption credits: creators, organisations that are not mere platforms, © holders.

    Combined names are split ("Tom Jenkins / Guardian") and each name is listed once.
    """
    holders = [s.holder for s in credit.statements if s.holder and s.kind in HOLDER_STATEMENTS]
    found: dict[str, str] = {}
    for name in (*credit.creators, *credit.organisations, *holders):
        for part in names.name_parts(name) or (name.strip(),):
            key = names.compact(part)
            if key not in found and _names_someone(part):
                found[key] = part
    return tuple(found.values())


@lru_cache(maxsize=4096)
def _names_someone(part: str) -> bool:
    """A credited name, not a platform, a web address or licence wording ("Public domain")."""
    if len(part) < 2 or not any(ch.isalpha() for ch in part) or _DOMAIN.search(part):
        return False
    folded = names.fold(part)
    return not names.is_platform(part) and not _LICENCE_WORDING.match(folded)


@last_object
def stock_platform(credit: Credit) -> str | None:
    """ "Photo by X on Unsplash": the free stock platform named, if any."""
    for org in credit.organisations:
        platform = STOCK_PLATFORMS.get(names.fold(org))
        if platform:
            return platform
    folded = f" {names.fold(credit.text)} "
    for key, platform in STOCK_PLATFORMS.items():
        if f" on {key} " in folded or f" from {key} " in folded or f" via {key} " in folded:
            return platform
    return None


@last_object
def restricted_credit(credit: Credit) -> str | None:
    """Why the credit is an agency, stock or all-rights-reserved credit, or None."""
    for statement in credit.statements:
        if statement.kind == "all-rights-reserved":
            return '"all rights reserved" credit'
    agencies = [org for org in (*credit.organisations, *credit.creators) if names.is_agency(org)]
    if agencies:
        return f"agency/stock credit {agencies[0]!r}"
    for statement in credit.statements:
        if statement.kind == "copyright":
            holder = f" {statement.holder}" if statement.holder else ""
            return f"copyright credit (©{holder})"
    return None


@last_object
def says_modified(credit: Credit) -> bool:
    """The caption tells the reader the image was changed ("cropped", "adapted", "detail" ...)."""
    if credit.change_note:
        return True
    return any(word in _CHANGE_WORDS for word in names.fold(credit.text).split())


# --------------------------------------------------------------------------- image


@per_case
def image_unavailable(case: FigureCase) -> bool:
    """Missing, undecodable or not fetched: its metadata and pixels are unknown."""
    if case.image_missing or case.image_ref.kind == "missing":
        return True
    if case.image is not None and not case.image.decodable:
        return True
    return case.image is None and case.remote_error is not None


@dataclass(frozen=True)
class Change:
    """The strongest modification known for the published image."""

    kind: str  # a ModificationVerdict kind
    evidence: tuple[str, ...]
    description: str
    alterations: tuple[str, ...] = ()


def _verdict_change(case: FigureCase) -> Change | None:
    verdict = case.modification
    if verdict is None or verdict.kind == "identical":
        return None
    description: str = verdict.kind
    if verdict.kind == "cropped" and verdict.crop:
        box = ", ".join(str(v) for v in verdict.crop)
        description = f"cropped (crop box {box} in the original)"
    elif verdict.kind == "altered" and verdict.alterations:
        description = f"altered ({', '.join(verdict.alterations)})"
    if verdict.evidence in ("xmp", "c2pa", "sidecar"):
        description += f" (recorded in the image's {verdict.evidence.upper()} metadata)"
    elif verdict.evidence == "original" and "original" not in description:
        description += " (compared with the original)"
    return Change(verdict.kind, (verdict.evidence,), description, verdict.alterations)


def _embedded_changes(image: ImageEvidence) -> list[Change]:
    changes: list[Change] = []
    if image.crop_recorded:
        changes.append(Change("cropped", ("xmp",), "cropped (recorded in the image's XMP)"))
    actions = [str(a.get("action", "")) for a in (image.c2pa.actions if image.c2pa else ())]
    for action in (*actions, *image.history):
        kind = _C2PA_CHANGES.get(action.strip().lower())
        source = "c2pa" if action.startswith("c2pa.") else "xmp"
        if kind is None and "crop" in action.lower():
            kind = "cropped"
        if kind:
            changes.append(Change(kind, (source,), f"{kind} (recorded as {action!r} in {source})"))
    return changes


def _pixel_compared(case: FigureCase) -> bool:
    verdict = case.modification
    return verdict is not None and verdict.evidence in ("original", "remote")


@per_case
def change(case: FigureCase) -> Change | None:
    """The modification: the pixel comparison when there was one, else the embedded record."""
    found = _verdict_change(case)
    candidates = [found] if found else []
    if case.image is not None and not _pixel_compared(case):
        original_cropped = case.original is not None and case.original.crop_recorded
        candidates += [
            c for c in _embedded_changes(case.image)
            if not (original_cropped and c.kind == "cropped")
        ]  # fmt: skip
    if not candidates:
        return None
    return max(candidates, key=lambda c: _CHANGE_RANK.get(c.kind, 0))


def graded_violation(found: Change, policy: Policy, licence: Licence | None) -> bool:
    """Does the policy count it as a change? Under a NoDerivatives licence without an allowance
    for technical changes (the England & Wales 2.0 port) every change counts."""
    if found.kind == "identical":
        return False
    strict = licence is not None and licence.no_derivatives
    if strict and licence is not None and not licence.attribution.technical_changes_allowed:
        return True
    grades = policy.modifications
    if found.kind == "altered" and found.alterations:
        specific = [grades.get(a) for a in found.alterations]
        if all(specific):
            return "violation" in specific
    default = "violation" if found.kind in ("cropped", "altered") else "allowed"
    return grades.get(POLICY_KEY.get(found.kind, found.kind), default) == "violation"


def adaptation(case: FigureCase, licence: Licence | None) -> Change | None:
    """The change, if the policy (or the licence) treats it as a modification of the work."""
    found = change(case)
    if found is None or not graded_violation(found, case.policy, licence):
        return None
    return found


# --------------------------------------------------------------------------- policy lists


def _pattern(text: str) -> str:
    return re.sub(r"\s+", "-", text.strip()).casefold()


def matches_any(licence: Licence, patterns: Iterable[str]) -> str | None:
    """The first id/family glob (case-insensitive; spaces read as hyphens) the licence matches."""
    keys = [key.casefold() for key in (licence.id, licence.family) if key]
    for pattern in patterns:
        wanted = _pattern(pattern)
        if any(fnmatch.fnmatchcase(key, wanted) for key in keys):
            return pattern
    return None
