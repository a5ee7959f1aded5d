"""The licence database: `attrcheck licences list|show ID|identify TEXT`.

attrcheck licences list [--family CC-BY-SA] [--format text|json]
attrcheck licences show CC-BY-NC-ND-2.0          (an id, "CC BY-NC-ND 2.0", or a licence URL)
attrcheck licences identify [--format text|json] "Photo: Jane Doe, CC BY-SA 4.0"
attrcheck licences identify --format json -      (one text per stdin line, one JSON object
                                                  per line out, in order)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from attrcheck import licences
from attrcheck.errors import UsageError
from attrcheck.licences.db import load_database_entries
from attrcheck.model import Licence, LicenceMatch

NAME = "licences"
HELP = "list, show and identify licences in the licence database"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every licence, or one family")
    listing.add_argument("--family", help="only this family, e.g. CC-BY-SA, OGL-UK, CC0")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    show = actions.add_parser("show", help="one licence: an id, a CC identifier or a URL")
    show.add_argument("value", metavar="ID")
    show.add_argument("--format", choices=("text", "json"), default="text")
    identify = actions.add_parser("identify", help="the licence references in a text")
    identify.add_argument(
        "value", metavar="TEXT", help="the text, or - for one text per stdin line"
    )
    identify.add_argument(
        "--format", choices=("text", "json"), help="default: text; json for the stdin batch (-)"
    )


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        return list_licences(args.family, args.format)
    if args.action == "show":
        return show_licence(args.value, args.format)
    fmt = args.format or ("json" if args.value == "-" else "text")
    return identify_texts(args.value, fmt)


# --------------------------------------------------------------------------- list / show


def list_licences(family: str | None, fmt: str) -> int:
    db = licences.load()
    chosen = db.family(family) if family else db.all()
    if family and not chosen:
        known = ", ".join(db.families())
        raise UsageError(f"licences list: unknown family {family!r} (families: {known})")
    if fmt == "json":
        write(
            json.dumps(
                [licence_record(licence) for licence in chosen], ensure_ascii=False, indent=1
            )
        )
        return 0
    width = max((len(licence.id) for licence in chosen), default=0)
    for licence in chosen:
        flag = "  [retired]" if licence.retired else ""
        write(f"{licence.id:<{width}}  {licence.family:<16}  {licence.name}{flag}")
    return 0


def show_licence(ident: str, fmt: str) -> int:
    db = licences.load()
    licence = db.get(ident)
    if licence is None:
        raise UsageError(
            f"licences show: unknown licence {ident!r} (try `attrcheck licences identify`)"
        )
    entry = next((e for e in load_database_entries() if e["id"] == licence.id), {})
    if fmt == "json":
        write(json.dumps(entry or licence_record(licence), ensure_ascii=False, indent=1))
        return 0
    for line in describe(licence, entry):
        write(line)
    return 0


def describe(licence: Licence, entry: dict[str, Any]) -> Iterator[str]:
    yield f"{licence.id}: {licence.name}"
    yield f"  family: {licence.family} ({licence.kind})"
    for label, value in (
        ("short name", licence.short_name),
        ("version", licence.version),
        ("jurisdiction", entry.get("jurisdiction_name") or licence.jurisdiction),
        ("url", licence.url),
        ("legal code", licence.legal_code_url),
        ("retired", licence.retired_on if licence.retired else None),
        ("replaced by", licence.replaced_by),
    ):
        if value:
            yield f"  {label}: {value}"
    terms = [
        name
        for name, on in (
            ("attribution", licence.requires_attribution),
            ("non-commercial", licence.noncommercial),
            ("no derivatives", licence.no_derivatives),
            ("share alike", licence.share_alike),
        )
        if on
    ]
    yield f"  conditions: {', '.join(terms) or 'none'}"
    req = licence.attribution
    needs = [name for name, on in (("creator", req.creator), ("title", req.title),
             ("licence URI", req.licence_uri), ("source URI", req.source_uri),
             ("attribution parties", req.attribution_parties)) if on]  # fmt: skip
    yield f"  credit must give: {', '.join(needs) or 'nothing'}"
    yield f"  modification notice: {req.modification_notice}"
    if not req.technical_changes_allowed:
        yield "  technical format changes: not expressly allowed by this text"
    if req.cure_period_days:
        yield f"  cure period: {req.cure_period_days} days"
    if req.statement:
        yield f"  statement: {req.statement}"
    if req.clause:
        yield f"  clause: {req.clause}"
    if licence.share_alike_compatible:
        yield f"  adaptations may use: {', '.join(licence.share_alike_compatible)}"
    if entry.get("title_local"):
        yield f"  local title: {entry['title_local']}"


def licence_record(licence: Licence) -> dict[str, Any]:
    return dataclasses.asdict(licence)


# --------------------------------------------------------------------------- identify


def match_record(match: LicenceMatch) -> dict[str, Any]:
    return {
        "id": match.id,
        "family": match.family,
        "version": match.version,
        "jurisdiction": match.jurisdiction,
        "valid": match.valid,
        "reason": match.reason,
        "span": list(match.span),
    }


def identify_texts(value: str, fmt: str) -> int:
    texts: Iterable[str] = read_stdin_lines() if value == "-" else [value]
    db = licences.load()
    out = sys.stdout
    for text in texts:
        matches = db.identify(text)
        if fmt == "json":
            record = {"text": text, "matches": [match_record(m) for m in matches]}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            out.write("".join(line + "\n" for line in describe_matches(text, matches)))
    out.flush()
    return 0


def describe_matches(text: str, matches: list[LicenceMatch]) -> Iterator[str]:
    if not matches:
        yield f"{text!r}: no licence reference found"
        return
    for match in matches:
        start, end = match.span
        what = match.id or (f"{match.family} (unpinned)" if match.family else "unknown licence")
        verdict = "valid" if match.valid else "INVALID"
        reason = f": {match.reason}" if match.reason else ""
        yield f"{start}-{end}\t{match.text!r}\t{what}\t{verdict}{reason}"


def read_stdin_lines() -> Iterator[str]:
    for raw in sys.stdin.buffer:
        yield raw.decode("utf-8", errors="replace").rstrip("\r\n")


def write(line: str) -> None:
    sys.stdout.write(line + "\n")
