#!/usr/bin/env python3
"""Build the licence database in licences/ from Creative Commons' data and our hand-written entries.

Inputs: ../shared/cc-legal-tools/legal-tools.json (every CC legal tool), titles-i18n.json (the
titles in other languages), legal-tools.meta.json (source commits), and licences/other.json (the
hand-written OGL, public-domain, platform, GFDL, Free Art and all-rights-reserved entries).

Outputs (committed; a test regenerates them and compares):
  licences/licences.json  the database: one entry per licence, sorted by id (see schema.json)
  licences/index.json     the compact form the product loads: Licence records plus the
                          recogniser's phrase, URL and alias tables (precomputed so that
                          loading stays far below 100 ms)

What each CC version requires of a credit comes from attribution-requirements.md (section
numbers quoted there); see `cc_attribution`.

Usage: python scripts/build_licences.py [--shared DIR] [--out DIR] [--check]
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from attrcheck.licences.tokens import TOKEN_RE, phrase_key, token_key  # noqa: E402
from attrcheck.licences.urls import normalise_url  # noqa: E402

DB_REVISION = 2  # bump when our own rules (not CC's data) change the output

Entry = dict[str, Any]

FAMILY_OF_UNIT = {
    "by": "CC-BY", "by-sa": "CC-BY-SA", "by-nc": "CC-BY-NC", "by-nd": "CC-BY-ND",
    "by-nc-sa": "CC-BY-NC-SA", "by-nc-nd": "CC-BY-NC-ND", "by-nd-nc": "CC-BY-NC-ND",
    "nc": "CC-NC", "nd": "CC-ND", "sa": "CC-SA", "nc-sa": "CC-NC-SA", "nd-nc": "CC-ND-NC",
    "sampling": "CC-SAMPLING", "sampling+": "CC-SAMPLING+", "nc-sampling+": "CC-NC-SAMPLING+",
    "devnations": "CC-DEVNATIONS", "zero": "CC0", "mark": "PDM", "certification": "CC-PDDC",
}  # fmt: skip
PUBLIC_DOMAIN_UNITS = {"zero", "mark", "certification"}
SAMPLING_UNITS = {"sampling", "sampling+", "nc-sampling+"}
SHARE_ALIKE_PREFIX = {
    "by-sa": "CC-BY-SA",
    "by-nc-sa": "CC-BY-NC-SA",
    "sa": "CC-SA",
    "nc-sa": "CC-NC-SA",
}

# Section of the credit clause by version and unit (attribution-requirements.md, "Where each
# clause sits"); the licence URI is §4(a) in 1.0-3.0 and §3(a)(1)(C) in 4.0.
CREDIT_CLAUSE = {
    ("1.0", "by"): "4(b)", ("1.0", "by-nc"): "4(c)", ("1.0", "by-nd"): "4(b)",
    ("1.0", "by-nd-nc"): "4(c)", ("1.0", "by-sa"): "4(c)", ("1.0", "by-nc-sa"): "4(d)",
    ("*", "by"): "4(b)", ("*", "by-nd"): "4(b)", ("*", "by-nc"): "4(c)",
    ("*", "by-nc-nd"): "4(c)", ("*", "by-sa"): "4(c)", ("*", "by-nc-sa"): "4(d)",
    ("1.0", "sampling"): "3(d)", ("1.0", "sampling+"): "3(e)", ("1.0", "nc-sampling+"): "3(e)",
    ("2.0", "devnations"): "4(b)",
}  # fmt: skip

# Ports whose text has no "technically necessary modifications" allowance
# (attribution-requirements.md, "Ports that differ": UK England & Wales 2.0, South Africa 2.0).
NO_TECHNICAL_CHANGES = {("2.0", "uk"), ("2.0", "za")}


def cc_id(tool: Entry) -> str:
    """SPDX id where SPDX has one, else CC's identifier with spaces as hyphens."""
    return str(tool["spdx_id"] or tool["identifier"].replace(" ", "-"))


def no_requirements(clause: str) -> dict[str, Any]:
    return {
        "creator": False, "title": False, "licence_uri": False, "source_uri": False,
        "modification_notice": "none", "attribution_parties": False, "cure_period_days": None,
        "technical_changes_allowed": True, "statement": None, "clause": clause,
    }  # fmt: skip


def cc_attribution(tool: Entry) -> dict[str, Any]:
    """What a credit must contain under this tool (attribution-requirements.md)."""
    unit, version, port = tool["unit"], tool["version"], tool["jurisdiction"]
    if unit in PUBLIC_DOMAIN_UNITS:
        return no_requirements("no attribution, notice or licence-reference condition")
    if not tool["requires_attribution"]:
        req = no_requirements(
            f"{version} {unit}: §4(a) licence URI and notices only; no credit clause"
        )
        req["licence_uri"] = True
        return req
    four = version == "4.0"
    req = {
        "creator": True,
        "title": not four and unit not in SAMPLING_UNITS,
        "licence_uri": True,
        "source_uri": version != "1.0" or unit in SAMPLING_UNITS,  # sampling §3(d): "the URI"
        "modification_notice": "always" if four else "adaptations",
        "attribution_parties": version in ("2.5", "3.0", "4.0"),
        "cure_period_days": 30 if four else None,
        "technical_changes_allowed": (version, port) not in NO_TECHNICAL_CHANGES,
        "statement": None,
        "clause": credit_clause(unit, version, port),
    }
    return req


def credit_clause(unit: str, version: str, port: str | None) -> str:
    if version == "4.0":
        return "§3(a)(1): credit, modification notice and licence URI; §6(b)(1): 30-day cure"
    if (version, port) == ("2.0", "uk"):
        return (
            "§2.1 (UK: England & Wales 2.0 text): make reference to this Licence by URI; credit "
            "the Licensor / Original Author as appropriate to the media used; no allowance for "
            "technically necessary modifications"
        )
    letter = CREDIT_CLAUSE.get((version, unit)) or CREDIT_CLAUSE.get(("*", unit), "4(b)")
    text = f"§{letter}: credit; §4(a): licence URI"
    if port:
        text += " (numbering of the unported text; the port's may differ)"
    return text


def share_alike_compatible(
    tool: Entry, versions_of_unit: dict[str, list[str]], ported: set[tuple[str, str]]
) -> list[str]:
    """Licences an adaptation may use (CC-to-CC rules of attribution-requirements.md)."""
    prefix = SHARE_ALIKE_PREFIX.get(tool["unit"])
    if prefix is None:
        return []
    own = cc_id(tool)
    version = tool["version"]
    if version == "1.0" or tool["unit"] in ("sa", "nc-sa"):
        return [own]  # 1.0: "only under the terms of this License"
    globs = [own]
    if version in versions_of_unit[tool["unit"]]:
        globs.append(f"{prefix}-{version}")
    if (tool["unit"], version) in ported:
        globs.append(f"{prefix}-{version}-*")  # its ports ("iCommons" / jurisdiction licences)
    later = sorted(v for v in versions_of_unit[tool["unit"]] if v > version)
    globs += [f"{prefix}-{v}" for v in later]  # later versions with the same elements
    if tool["unit"] == "by-sa" and version == "4.0":
        globs.append("LAL-1.3")  # CC's declared BY-SA 4.0 compatible licence (Free Art 1.3)
    return sorted(set(globs))


def cc_entry(
    tool: Entry, titles: dict[str, str], ids_by_url: dict[str, str], versions: Any, ported: Any
) -> Entry:
    unit = tool["unit"]
    aliases = [tool["identifier"]]
    if unit == "by-nd-nc":
        aliases.append(tool["identifier"].replace("BY-ND-NC", "BY-NC-ND"))
    urls = [tool["canonical_url"], *tool["legacy_urls"]]
    all_titles = {"en": tool["title_en"], **titles}
    return {
        "id": cc_id(tool),
        "family": FAMILY_OF_UNIT[unit],
        "kind": "public-domain" if unit in PUBLIC_DOMAIN_UNITS else "cc",
        "name": tool["title_en"],
        "short_name": tool["identifier"],
        "unit": unit,
        "version": tool["version"],
        "jurisdiction": tool["jurisdiction"],
        "jurisdiction_name": tool["jurisdiction_name"],
        "url": tool["canonical_url"],
        "legal_code_url": tool["legal_code_url"],
        "urls": urls,
        "titles": dict(sorted(all_titles.items())),
        "title_local": tool["title_local"],
        "aliases": aliases,
        "spdx_id": tool["spdx_id"],
        "permits": tool["permits"],
        "requires": tool["requires"],
        "prohibits": tool["prohibits"],
        "requires_attribution": tool["requires_attribution"],
        "noncommercial": tool["noncommercial"],
        "no_derivatives": tool["no_derivatives"],
        "share_alike": tool["share_alike"],
        "retired": tool["deprecated"],
        "retired_on": tool["deprecated_on"],
        "replaced_by": ids_by_url.get(tool["is_replaced_by"] or ""),
        "source": ids_by_url.get(tool["source"] or ""),
        "legal_code_languages": tool["legal_code_languages"],
        "attribution": cc_attribution(tool),
        "share_alike_compatible": share_alike_compatible(tool, versions, ported),
    }


OTHER_DEFAULTS: Entry = {
    "unit": None, "version": None, "jurisdiction": None, "jurisdiction_name": None, "url": None,
    "legal_code_url": None, "urls": [], "titles": {}, "title_local": None, "aliases": [],
    "spdx_id": None, "permits": [], "requires": [], "prohibits": [],
    "requires_attribution": True, "noncommercial": False, "no_derivatives": False,
    "share_alike": False, "retired": False, "retired_on": None, "replaced_by": None,
    "source": None, "legal_code_languages": [], "share_alike_compatible": [],
}  # fmt: skip


def other_entry(raw: Entry) -> Entry:
    entry = {**OTHER_DEFAULTS, **raw}
    entry["titles"] = entry["titles"] or {"en": entry["name"]}
    return entry


def build_entries(shared: Path, other_path: Path) -> list[Entry]:
    tools = json.loads((shared / "legal-tools.json").read_text(encoding="utf-8"))
    titles = json.loads((shared / "titles-i18n.json").read_text(encoding="utf-8"))
    ids_by_url = {tool["canonical_url"]: cc_id(tool) for tool in tools}
    versions: dict[str, list[str]] = defaultdict(list)
    for tool in tools:
        if tool["jurisdiction"] is None:
            versions[tool["unit"]].append(tool["version"])
    ported = {(tool["unit"], tool["version"]) for tool in tools if tool["jurisdiction"]}
    entries = [cc_entry(t, titles.get(t["id"], {}), ids_by_url, versions, ported) for t in tools]
    others = json.loads(other_path.read_text(encoding="utf-8"))["licences"]
    entries += [other_entry(raw) for raw in others]
    entries.sort(key=lambda entry: entry["id"])
    duplicates = [i for i, n in Counter(e["id"] for e in entries).items() if n > 1]
    if duplicates:
        raise SystemExit(f"duplicate licence ids: {duplicates}")
    return entries


def db_version(shared: Path) -> str:
    meta = json.loads((shared / "legal-tools.meta.json").read_text(encoding="utf-8"))
    app = meta["sources"]["cc-legal-tools-app"]["commit"][:7]
    return f"cc-legal-tools-app@{app}+attrcheck-{DB_REVISION}"


# --------------------------------------------------------------------------- recogniser tables

ELEMENT_WORDS = {
    "by": ["attribution"],
    "nc": ["noncommercial"],
    "nd": ["noderivs", "noderivatives", "noderivativeworks", "noderivative"],
    "sa": ["sharealike"],
}
ELEMENT_ORDER = ("by", "nc", "nd", "sa")
ELEMENT_SPECS = {"by-nc", "by-nd", "by-sa", "by-nc-nd", "by-nc-sa", "nc-nd", "nc-sa"}
GLUED, LOCALISED = 1, 2  # flags of a unit phrase: contains the "CC" prefix; from titles-i18n
SPECIAL_UNIT_PHRASES = {
    "sampling": (["Sampling"], 1),
    "sampling+": (["Sampling+", "Sampling Plus"], 0),
    "nc-sampling+": (
        [
            "NC Sampling+",
            "NC Sampling Plus",
            "NonCommercial Sampling Plus",
            "NonCommercial Sampling+",
        ],
        1,
    ),
    "devnations": (["DevNations", "Developing Nations"], 0),
    "zero": (["CC0", "CC Zero", "Creative Commons Zero", "Public Domain Dedication"], 0),
    "mark": (["Public Domain Mark", "PDM"], 0),
    "certification": (
        [
            "PDDC",
            "Public Domain Certification",
            "Copyright-Only Dedication",
            "Copyright-Only Dedication (based on United States law) or Public Domain Certification",
        ],
        0,
    ),
}
PREFIXED_ONLY_UNIT_PHRASES = {"zero": ["Zero", "0"], "mark": ["Public Domain"]}
VERSIONED_UNIT_PHRASES = {"certification": ["Certification"]}
PREFIX_PHRASES = ["CC", "Creative Commons"]
SUFFIX_PHRASES = [
    "License", "Licence", "Licenses", "Licences", "Public License", "Public Licence",
    "Deed", "Legal Code", "Public Domain Dedication",
    "Lizenz", "Licencia", "Licenza", "Licentie", "Licença",
]  # fmt: skip
VERSION_WORDS = ["v", "version", "ver"]
NO_PORT_PHRASES = ["Generic", "Unported", "International", "Universal", "Worldwide", "Intl"]
EXTRA_JURISDICTION_NAMES = {
    "uk": ["England & Wales", "England and Wales", "UK: England and Wales", "England"],
    "scotland": ["UK Scotland"],
    "us": ["USA", "United States of America", "U.S."],
    "igo": ["Intergovernmental Organisation", "IGO"],
    "cn": ["China", "Mainland China"],
    "kr": ["South Korea", "Republic of Korea"],
    "cz": ["Czechia"],
    "mk": ["North Macedonia"],
    "nl": ["The Netherlands"],
}


def element_spec(unit: str) -> str:
    """The canonical element spec of a unit: "by-nd-nc" -> "by-nc-nd", "nd-nc" -> "nc-nd"."""
    parts = unit.split("-")
    if all(part in ELEMENT_ORDER for part in parts):
        return "-".join(sorted(parts, key=ELEMENT_ORDER.index))
    return unit


class PhraseTable:
    """key -> {role: value}; first writer of a role wins (English before localised).

    `starts` collects the first word of every phrase that can open a reference without a
    version (the recogniser's `opens_alone`): its prefilter skips a text that has none of them,
    no version and no licence URL. (The whole titles `add_exact_titles` pins all have one.)
    """

    def __init__(self) -> None:
        self.table: dict[str, dict[str, Any]] = {}
        self.starts: set[str] = set()

    def add(self, phrase: str, role: str, value: Any) -> None:
        key = phrase_key(phrase)
        if len(key) < 2 and not (role == "v" or key == "0"):
            return
        self.table.setdefault(key, {}).setdefault(role, value)
        glued = role == "u" and len(value) > 2 and bool(value[2] & GLUED)
        opens = role in ("p", "o") or (role == "u" and value[1] == 0) or glued
        if opens:
            self.starts.add(token_key(TOKEN_RE.findall(phrase)[0]))


def add_english_units(table: PhraseTable) -> None:
    for size in range(1, 5):
        for combo in itertools.permutations(ELEMENT_ORDER, size):
            spec = "-".join(sorted(combo, key=ELEMENT_ORDER.index))
            # codes alone need a version, single ones ("by") and impossible ones ("sa-nd" =
            # "sand") need the CC prefix
            impossible = "nd" in combo and "sa" in combo
            table.add("-".join(combo), "u", [spec, 1 if size > 1 and not impossible else 2])
            table.add("CC" + "".join(combo), "u", [spec, 0, GLUED])  # "CCBYSA 4.0", "ccby"
            for words in itertools.product(*(ELEMENT_WORDS[e] for e in combo)):
                table.add("-".join(words), "u", [spec, 0 if size > 1 else 1])
    for unit, (phrases, need) in SPECIAL_UNIT_PHRASES.items():
        for phrase in phrases:
            table.add(phrase, "u", [unit, need])
    for unit, phrases in PREFIXED_ONLY_UNIT_PHRASES.items():
        for phrase in phrases:
            table.add(phrase, "u", [unit, 2])
    for unit, phrases in VERSIONED_UNIT_PHRASES.items():
        for phrase in phrases:
            table.add(phrase, "u", [unit, 1])


BRACKETED_RE = re.compile(r"[«(（\[]([^»)）\]]+)[»)）\]]")


def phrase_variants(phrase: str) -> list[str]:
    """The phrase, plus its bracketed and unbracketed parts: «Attribution» («Атрибуция»)."""
    inner = [part.strip(" «»") for part in BRACKETED_RE.findall(phrase)]
    outer = BRACKETED_RE.sub(" ", phrase).strip(" «»")
    return [phrase, *(part for part in [*inner, outer] if part and part != phrase)]


def split_title(title: str, version: str) -> tuple[str, str] | None:
    at = title.find(f" {version}")
    if at <= 0:
        return None
    return title[:at], title[at + len(version) + 1 :]


class Votes:
    """Which unit (or port) a localised phrase means, by majority over every title using it.

    The legacy RDF translations have errors (e.g. the Romanian BY-NC-SA titles reuse the BY-NC-ND
    phrase; the 3.0 ZA titles say "United States"). A clear majority wins; on a near tie, the
    candidate whose element words the phrase contains, then the one that has no other phrase in
    those languages, then the one with fewer phrases overall (the erroneous one has more).
    """

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.langs: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.keys_of: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.examples: dict[str, str] = {}

    def add(self, phrase: str, value: str, lang: str) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        self.counts[key][value] += 1
        self.langs[(key, value)].add(lang)
        self.keys_of[(lang, value)].add(key)
        self.examples.setdefault(key, phrase)

    def winner(self, key: str) -> str | None:
        ranked = self.counts[key].most_common()
        best, count = ranked[0]
        if len(ranked) == 1 or count >= 2 * ranked[1][1]:
            return best
        close = [value for value, n in ranked if 2 * n > count]
        scores = {
            value: (
                -self.consistency(key, value),
                self.alternatives(key, value),
                self.spread(value),
            )
            for value in close
        }
        low = min(scores.values())
        chosen = [value for value, score in scores.items() if score == low]
        return chosen[0] if len(chosen) == 1 else None

    def element_words(self, lang: str) -> dict[str, set[str]]:
        """Per language, the words of NC/ND/SA: a "by-X" phrase minus the "by" phrase."""
        words: dict[str, set[str]] = defaultdict(set)
        for element in ("nc", "nd", "sa"):
            for pair in self.keys_of.get((lang, f"by-{element}"), set()):
                for single in self.keys_of.get((lang, "by"), set()):
                    if pair.startswith(single) and len(pair) > len(single):
                        words[element].add(pair[len(single) :])
        return words

    def consistency(self, key: str, value: str) -> int:
        """How many of the value's elements have their word in the phrase, over its languages."""
        score = 0
        for lang in self.langs[(key, value)]:
            words = self.element_words(lang)
            for element in value.split("-"):
                if words.get(element):
                    score += 1 if any(word in key for word in words[element]) else -1
        return score

    def spread(self, value: str) -> int:
        """How many phrases the value has over all languages. A value whose every phrase is
        shared with another (the 3.0 US titles, copied into the 3.0 ZA ones) has fewer."""
        return sum(len(keys) for (_, other), keys in self.keys_of.items() if other == value)

    def alternatives(self, key: str, value: str) -> int:
        return sum(len(self.keys_of[(lang, value)]) - 1 for lang in self.langs[(key, value)])

    def decided(self) -> Iterator[tuple[str, str]]:
        for key in sorted(self.counts):
            value = self.winner(key)
            if value is not None:
                yield self.examples[key], value


def localised_need(phrase: str, spec: str) -> int:
    """A localised title of two or more elements in two or more words stands alone, unversioned
    ("Namensnennung - Weitergabe unter gleichen Bedingungen"); a single element ("Namensnennung",
    "表示") is an ordinary word and needs a version or the CC prefix."""
    several_elements = spec.count("-") >= 1 and spec in ELEMENT_SPECS
    several_words = len(TOKEN_RE.findall(phrase)) >= 2 and len(phrase_key(phrase)) >= 12
    return 0 if several_elements and several_words else 1


def add_localised(table: PhraseTable, entries: list[Entry]) -> None:
    units, ports = Votes(), Votes()
    for entry in entries:
        if entry["unit"] is None:
            continue
        for lang, title in entry["titles"].items():
            parts = split_title(title, entry["version"])
            if parts is None or "<" in title or "country." in title:
                continue  # untranslated templates in the legacy RDF
            unit_phrase, port_phrase = parts
            for variant in phrase_variants(unit_phrase):
                units.add(variant, element_spec(entry["unit"]), lang)
            if port_phrase.strip():
                ports.add(port_phrase, entry["jurisdiction"] or "", lang)
    for phrase, spec in units.decided():
        table.add(phrase, "u", [spec, localised_need(phrase, spec), LOCALISED])
    for phrase, port in ports.decided():
        table.add(phrase, "j", [port, 0])


def add_jurisdictions(table: PhraseTable, entries: list[Entry]) -> None:
    for phrase in NO_PORT_PHRASES:
        table.add(phrase, "j", ["", 0])
    names = {e["jurisdiction"]: e["jurisdiction_name"] for e in entries if e["jurisdiction"]}
    for code in sorted(names):
        table.add(code, "j", [code, 1 if len(code) == 2 else 0])
    for code, name in sorted(names.items()):
        table.add(name, "j", [code, 0])
        if name.startswith("UK: "):
            table.add(name[4:], "j", [code, 0])
        for extra in EXTRA_JURISDICTION_NAMES.get(code, []):
            table.add(extra, "j", [code, 0])


# Abbreviations that are ordinary words or other things unless a version follows ("FAL 1.3").
AMBIGUOUS_NAMES = {"fal", "lal", "fdl"}


def add_others(table: PhraseTable, entries: list[Entry]) -> None:
    for entry in entries:
        if entry["unit"] is not None:
            continue
        for alias in [entry["name"], entry["short_name"], entry["id"], *entry["aliases"]]:
            if not alias:
                continue
            version = entry["version"]
            stripped = alias.removesuffix(version) if version else alias
            stripped = re.sub(r"\s*\b(?:v|version)\.?\s*$", "", stripped, flags=re.IGNORECASE)
            if version and stripped != alias and stripped.strip():
                key = phrase_key(stripped)
                table.add(stripped, "o", [f"fam:{entry['family']}", int(key in AMBIGUOUS_NAMES)])
            else:
                table.add(alias, "o", [f"id:{entry['id']}", 0])


def build_phrases(entries: list[Entry]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    table = PhraseTable()
    for phrase in PREFIX_PHRASES:
        table.add(phrase, "p", 1)
    for phrase in SUFFIX_PHRASES:
        table.add(phrase, "s", 1)
    for phrase in VERSION_WORDS:
        table.add(phrase, "v", 1)
    add_english_units(table)
    add_jurisdictions(table, entries)
    add_others(table, entries)
    add_localised(table, entries)
    return dict(sorted(table.table.items())), sorted(table.starts)


RECORD_FIELDS = (
    "id", "family", "name", "version", "jurisdiction", "url", "legal_code_url", "short_name",
    "kind", "requires_attribution", "noncommercial", "no_derivatives", "share_alike", "retired",
    "retired_on", "replaced_by", "attribution", "share_alike_compatible", "unit",
)  # fmt: skip


def cc_path(entry: Entry) -> str:
    return f"{entry['unit']}/{entry['version']}/{entry['jurisdiction'] or ''}".upper().rstrip("/")


def build_index(entries: list[Entry], version: str) -> Entry:
    urls: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for entry in entries:
        for url in entry["urls"]:
            urls[normalise_url(url)] = entry["id"]
        for alias in [entry["short_name"], *entry["aliases"]]:
            if alias:
                aliases.setdefault(alias.upper().replace(" ", "-"), entry["id"])
        if entry["unit"]:
            aliases.setdefault(cc_path(entry), entry["id"])
    attributions: list[str] = []  # each distinct requirement once; records refer by position
    records = []
    for entry in entries:
        record = {name: entry[name] for name in RECORD_FIELDS}
        text = json.dumps(entry["attribution"], sort_keys=True)
        if text not in attributions:
            attributions.append(text)
        record["attribution"] = attributions.index(text)
        records.append(record)
    phrases, starts = build_phrases(entries)
    index = {
        "licence_db_version": version,
        "attributions": [json.loads(text) for text in attributions],
        "licences": records,
        "phrases": phrases,
        "starts": starts,
        "urls": dict(sorted(urls.items())),
        "aliases": dict(sorted(aliases.items())),
    }
    add_exact_titles(index, entries)
    return index


def add_exact_titles(index: Entry, entries: list[Entry]) -> None:
    """Whole titles the phrase grammar reads as another tool, pinned to their own tool.

    The legacy RDF has titles that do not say their port (the 2.0 JP titles say "Generic") or
    say another unit; a title that belongs to exactly one tool is still that tool's name. Found
    by running the recogniser built so far over every title, so only the exceptions are stored.
    """
    from attrcheck.licences.db import LicenceDB

    owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for title in entry["titles"].values():
            owners[phrase_key(title)].add(entry["id"])
    db = LicenceDB(index)
    phrases = index["phrases"]
    for entry in entries:
        for title in entry["titles"].values():
            key = phrase_key(title)
            if (
                owners[key] != {entry["id"]}
                or "<" in title
                or not split_title(title, entry["version"])
            ):
                continue  # shared, marked up, or without its version (untranslated fragments)
            matches = db.identify(title)
            if matches and matches[0].id == entry["id"]:
                continue
            phrases.setdefault(key, {})["t"] = entry["id"]
    index["phrases"] = dict(sorted(phrases.items()))


def render(data: Any, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False) + "\n"


def build(shared: Path, other_path: Path) -> dict[str, str]:
    """file name -> content of every generated file."""
    entries = build_entries(shared, other_path)
    version = db_version(shared)
    meta = json.loads((shared / "legal-tools.meta.json").read_text(encoding="utf-8"))
    database = {
        "licence_db_version": version,
        "generated_by": "scripts/build_licences.py",
        "sources": meta["sources"],
        "count": len(entries),
        "licences": entries,
    }
    return {
        "licences.json": render(database, 1),
        "index.json": render(build_index(entries, version), None),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "cc-legal-tools")
    parser.add_argument("--out", type=Path, default=REPO / "licences")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not (args.shared / "legal-tools.json").is_file():
        print(f"build_licences: {args.shared}/legal-tools.json not found", file=sys.stderr)
        return 2
    outputs = build(args.shared, args.out / "other.json")
    stale = [
        n
        for n, text in outputs.items()
        if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != text
    ]
    if args.check:
        for name in stale:
            print(f"build_licences: {args.out / name} is out of date", file=sys.stderr)
        return 1 if stale else 0
    for name in stale:
        (args.out / name).write_text(outputs[name], encoding="utf-8")
        print(f"wrote {args.out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
