"""Rights statements and change notes in a caption's plain text.

Statements: public-domain ("Public domain", "gemeinfrei"), all-rights-reserved, copyright ("© 2019
Reuters/John Smith" -> year 2019, holder "Reuters/John Smith"), courtesy ("Courtesy of the
Department of Energy"), handout, permission ("used with permission", "Free to share"), via
("via Getty Images"). Change notes: "cropped", "adapted from", "edited by X", "(detail)",
"Ausschnitt", "bearbeitet", "recadré", ...
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrcheck.credits.labels import CHANGE_TRIGGERS, Label, body_end, contains_any
from attrcheck.model import Statement

PUBLIC_DOMAIN_RE = re.compile(
    r"\bpublic[\s-]+domain\b|\bgemeinfrei\b|\bdomaine\s+public\b|\bdom[ií]nio\s+p[uú]blico\b|"
    r"\bdominio\s+p[uú]blico\b|\bpublieke?\s+domein\b|\bpubblico\s+dominio\b|"
    r"\bno\s+known\s+copyright\s+restrictions\b",
    re.IGNORECASE,
)
_FIXED = (
    ("public-domain", PUBLIC_DOMAIN_RE),
    (
        "all-rights-reserved",
        re.compile(
            r"\ball\s+rights\s+reserved\b|\balle\s+rechte\s+vorbehalten\b|"
            r"\btous\s+droits\s+r[ée]serv[ée]s\b|\btodos\s+los\s+derechos\s+reservados\b|"
            r"\btutti\s+i\s+diritti\s+riservati\b|\btodos\s+os\s+direitos\s+reservados\b|"
            r"\balle\s+rechten\s+voorbehouden\b",
            re.IGNORECASE,
        ),
    ),
    ("handout", re.compile(r"\bhandout\b", re.IGNORECASE)),
    (
        "permission",
        re.compile(
            r"\b(?:used|reproduced|reprinted|published|printed)\s+(?:with|by)\s+(?:the\s+)?"
            r"(?:kind\s+)?permission\b(?:\s+(?:of|from)\s+[^.;|)\n]+)?|"
            r"\bwith\s+(?:the\s+)?(?:kind\s+)?permission\b(?:\s+(?:of|from)\s+[^.;|)\n]+)?|"
            r"\bby\s+(?:kind\s+)?permission\b(?:\s+of\s+[^.;|)\n]+)?|"
            r"\bmit\s+freundlicher\s+genehmigung\b[^.;|)\n]*|"
            r"\bavec\s+l[’']aimable\s+autorisation\b[^.;|)\n]*|\bcon\s+permiso\b|"
            r"\bcom\s+permiss[ãa]o\b|\bfree\s+to\s+(?:share|use)\b",
            re.IGNORECASE,
        ),
    ),
)
_FIXED_RE = re.compile(
    "|".join(f"(?P<{kind.replace('-', '_')}>{pattern.pattern})" for kind, pattern in _FIXED),
    re.IGNORECASE,
)
# Substrings without which a pattern cannot match (a cheap test before the regex).
_FIXED_TRIGGERS = (
    "public", "domain", "gemeinfrei", "domaine", "dominio", "domínio", "domein", "dominio",
    "known copyright", "rights", "rechte", "droits", "derechos", "diritti", "direitos", "rechten",
    "handout", "permission", "genehmigung", "autorisation", "permiso", "permiss", "free to",
)  # fmt: skip
_VIA = re.compile(r"\bvia\s+(?=\S)", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(\d{4}(?:\s*[-–]\s*\d{2,4})?)\b\s*,?\s*")
_TRAILING_YEAR = re.compile(r",?\s+(\d{4})\s*[.]?\s*$")
_HOLDER_STRIP = " \t\n.,;:-–—|/()[]\"'“”"
_CHANGE = re.compile(
    r"\b(?:cropped|adapted|edited|modified|retouched|colou?ri[sz]ed|resized|derivative|"
    r"ausschnitt|bearbeitet|verändert|beschnitten|recadr[ée]e?s?|modifi[ée]e?s?|"
    r"retouch[ée]e?s?|recortad[ao]s?|adaptad[ao]s?|editad[ao]s?|modificad[ao]s?|bewerkt|"
    r"uitsnede|besk[åa]ret|redigert|rajattu|muokattu)\b|\(\s*detail\s*\)|\bdetail\s+(?:of|from)\b|"
    r"^\s*detail\b|\bdetail\s*$",
    re.IGNORECASE,
)
_CHANGE_STOP = re.compile(r"[.,;|)\n]|\s[-–—]\s")
MAX_NOTE = 120


def find_statements(
    text: str, labels: Sequence[Label], blocked: Sequence[tuple[int, int]]
) -> tuple[Statement, ...]:
    """The rights statements of the caption, in order of appearance."""
    found: list[tuple[int, Statement]] = []
    lowered = text.lower()
    fixed = _FIXED_RE.finditer(text) if contains_any(lowered, _FIXED_TRIGGERS) else ()
    for match in fixed:
        kind = (match.lastgroup or "").replace("_", "-")
        found.append((match.start(), Statement(kind, match.group(0).strip())))
    for label in labels:
        if label.kind in ("copyright", "courtesy"):
            found.append((label.start, _labelled(text, label, blocked)))
    for match in _VIA.finditer(text) if "via" in lowered else ():
        end, _ = body_end(text, match.end(), len(text), blocked)
        holder = _holder(text[match.end() : end].split(",")[0])
        if holder:
            found.append(
                (match.start(), Statement("via", text[match.start() : end].strip(), holder=holder))
            )
    found.sort(key=lambda item: item[0])
    return tuple(statement for _, statement in found)


def _labelled(text: str, label: Label, blocked: Sequence[tuple[int, int]]) -> Statement:
    end, _ = body_end(text, label.end, len(text), blocked)
    body = text[label.end : end]
    year = None
    if label.kind == "copyright":
        match = _YEAR.match(body) or _TRAILING_YEAR.search(body)
        if match:
            year = match.group(1)
            body = body[: match.start()] + body[match.end() :]
    kind = "copyright" if label.kind == "copyright" else "courtesy"
    statement_text = text[label.start : end].strip()
    return Statement(kind, statement_text, year=year, holder=_holder(body) or None)


def _holder(text: str) -> str:
    return " ".join(text.split()).strip(_HOLDER_STRIP)


def find_change_note(text: str) -> str | None:
    """The caption's note of a change to the work ("cropped from the original"), if any."""
    lowered = text.lower()
    if not contains_any(lowered, CHANGE_TRIGGERS):
        return None
    match = _CHANGE.search(text)
    if match is None:
        return None
    start = match.start()
    if text[start] == "(":
        return match.group(0).strip("() ")
    stop = _CHANGE_STOP.search(text, match.end())
    end = stop.start() if stop else len(text)
    note = " ".join(text[start:end].split()).strip(" ,:")
    return note[:MAX_NOTE] or None
