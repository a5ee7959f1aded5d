"""The newsroom's rights register: what it knows about each asset it publishes.

The format is fixed in DESIGN.md ("Rights register"): a YAML mapping with an `assets:` list, or a
CSV file whose columns have the same names. Each asset is matched by a path relative to the
register file, by an image URL, or by `sha256:<hex>` of the file's bytes, and carries creator,
title, source, licence, original and permission.

    register = load_register("media-register.yaml")
    record = register.lookup(image_path, url, sha256)     # SourceRecord | None

The register is validated against `schemas/register.schema.json`; every problem is reported as a
path in the user's own words ("media-register.yaml: assets[3].licence: 42 is not a string") and
raised as RegisterError. An `original` file that does not exist is reported on the record
(`original_missing`), not raised: the rest of the entry is still good evidence.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import yaml

from attrcheck.errors import RegisterError
from attrcheck.model import SourceRecord

FIELDS: tuple[str, ...] = (
    "match",
    "creator",
    "title",
    "source",
    "licence",
    "original",
    "permission",
)
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
MAX_REGISTER_BYTES = 64 * 1024 * 1024
_SHA256 = re.compile(r"sha256:([0-9a-fA-F]{64})")
_URL_SCHEMES = ("http", "https")


# --------------------------------------------------------------------------- the register


@dataclass(frozen=True)
class Asset:
    """One validated register entry, with its match key normalised for lookup."""

    index: int
    match: str
    match_kind: str  # "path" | "url" | "sha256"
    key: str  # normalised: absolute path, URL without scheme, or lowercase hex digest
    values: Mapping[str, str | None]
    location: str


@dataclass(frozen=True)
class Register:
    """A loaded rights register. `lookup` finds the entry for one image."""

    path: Path  # absolute path of the register file
    display: str  # the name used in messages
    assets: tuple[Asset, ...]
    warnings: tuple[str, ...] = ()
    _by_kind: Mapping[str, Mapping[str, Asset]] = field(default_factory=dict, repr=False)

    def lookup(
        self, image_path: str | None, url: str | None, sha256: str | None
    ) -> SourceRecord | None:
        """The record for an image known by its local path, its URL and/or its content digest.

        A digest match wins (it names the very bytes), then the path, then the URL.
        """
        candidates = (
            ("sha256", _digest_key(sha256)),
            ("path", _path_key(image_path) if image_path else None),
            ("path", _path_key(unquote(image_path)) if image_path else None),
            ("url", _url_key(url) if url else None),
        )
        for kind, key in candidates:
            asset = self._by_kind.get(kind, {}).get(key) if key else None
            if asset is not None:
                return self._record(asset)
        if image_path:  # the same file reached through a symlink or a differently spelled path
            real = _real_key(image_path)
            for asset in self.assets:
                if asset.match_kind == "path" and _real_key(asset.key) == real:
                    return self._record(asset)
        return None

    def _record(self, asset: Asset) -> SourceRecord:
        values = asset.values
        original, missing = _resolve_original(values.get("original"), self.path.parent)
        licence = values.get("licence")
        return SourceRecord(
            origin="register",
            match=asset.match,
            creator=values.get("creator"),
            title=values.get("title"),
            source=values.get("source"),
            licence=licence,
            licence_url=licence if licence and _is_url(licence) else None,
            original=original,
            original_missing=missing,
            permission=values.get("permission"),
            note=f"original file not found: {original}" if missing else None,
            location=asset.location,
        )


def lookup_in(
    registers: Iterable[Register],
    image_path: str | None,
    url: str | None,
    sha256: str | None,
) -> SourceRecord | None:
    """The first record any of the registers has for the image (registers tried in order)."""
    for register in registers:
        record = register.lookup(image_path, url, sha256)
        if record is not None:
            return record
    return None


def load_register(path: str | Path) -> Register:
    """Read, validate and index a YAML or CSV rights register. Raises RegisterError."""
    register_path = Path(path)
    display = _display_name(register_path)
    text = _read_text(register_path, display)
    if register_path.suffix.lower() in CSV_SUFFIXES:
        document, locations = _parse_csv(text, display, register_path.suffix.lower())
    else:
        document = _parse_yaml(text, display)
        locations = None
    _validate(document, display, locations)
    return _build(register_path.resolve(), display, document["assets"], locations)


def load_registers(paths: Sequence[str | Path]) -> tuple[Register, ...]:
    return tuple(load_register(path) for path in paths)


# --------------------------------------------------------------------------- reading


def _display_name(path: Path) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def _read_text(path: Path, display: str) -> str:
    try:
        if path.stat().st_size > MAX_REGISTER_BYTES:
            raise RegisterError(f"{display}: register is larger than 64 MB; split it")
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise RegisterError(f"{display}: rights register not found") from error
    except IsADirectoryError as error:
        raise RegisterError(f"{display}: is a folder, not a rights register file") from error
    except OSError as error:
        raise RegisterError(f"{display}: cannot read: {error.strerror or error}") from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterError(
            f"{display}: byte offset {error.start}: not UTF-8 text; save the register as UTF-8"
        ) from error


def _parse_yaml(text: str, display: str) -> Any:
    try:
        document = yaml.load(text, Loader=_RegisterLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{display}:{mark.line + 1}:{mark.column + 1}" if mark else display
        problem = error.problem or error.context or "malformed YAML"
        raise RegisterError(f"{where}: {problem}") from error
    except yaml.YAMLError as error:
        raise RegisterError(f"{display}: malformed YAML: {error}") from error
    if document is None:
        raise RegisterError(f"{display}: the register is empty; expected a mapping with `assets:`")
    return document


class _RegisterLoader(yaml.SafeLoader):
    """Safe YAML without aliases (a register never needs them; they allow 'billion laughs')."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed in a rights register",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


_RegisterLoader.yaml_constructors = {  # dates stay text: "2024-05-01" is a title, not a date
    **yaml.SafeLoader.yaml_constructors,
    "tag:yaml.org,2002:timestamp": yaml.SafeLoader.construct_yaml_str,
}


def _parse_csv(text: str, display: str, suffix: str) -> tuple[dict[str, Any], list[str]]:
    """CSV rows as the same document the YAML form gives; locations are 'file:line' per row."""
    delimiter = "\t" if suffix == ".tsv" else _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            raise RegisterError(f"{display}: the register is empty; expected a header row")
        columns = [name.strip().lower() for name in header]  # spreadsheets capitalise headers
        _check_columns(columns, display)
        assets: list[dict[str, Any]] = []
        locations: list[str] = []
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                raise RegisterError(
                    f"{display}:{reader.line_num}: {len(row)} cells but {len(columns)} columns"
                )
            cells = [cell.strip() for cell in row] + [""] * (len(columns) - len(row))
            assets.append({name: (cell or None) for name, cell in zip(columns, cells, strict=True)})
            locations.append(f"{display}:{reader.line_num}")
    except csv.Error as error:
        raise RegisterError(f"{display}:{reader.line_num}: malformed CSV: {error}") from error
    return {"assets": assets}, locations


def _sniff_delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _check_columns(columns: list[str], display: str) -> None:
    for name in columns:
        if name not in FIELDS:
            raise RegisterError(
                f"{display}:1: unknown column {name!r}{_did_you_mean(name, FIELDS)}"
            )
    duplicates = sorted({name for name in columns if columns.count(name) > 1})
    if duplicates:
        raise RegisterError(f"{display}:1: column {duplicates[0]!r} appears more than once")
    if "match" not in columns:
        raise RegisterError(f"{display}:1: missing required column 'match'")


# --------------------------------------------------------------------------- validation


@cache
def _validator() -> jsonschema.protocols.Validator:
    text = resources.files("attrcheck").joinpath("schemas/register.schema.json").read_text("utf-8")
    schema = json.loads(text)
    validator_class = jsonschema.validators.validator_for(schema)
    return validator_class(schema)


def _validate(document: Any, display: str, locations: list[str] | None) -> None:
    errors = sorted(_validator().iter_errors(document), key=_error_sort_key)
    if errors:
        raise RegisterError(_describe(errors[0], display, locations))
    for index, asset in enumerate(document["assets"]):
        problem = _match_problem(asset["match"])
        if problem:
            where = _where(display, ["assets", index, "match"], locations)
            raise RegisterError(f"{where}: {problem}")


def _error_sort_key(error: jsonschema.ValidationError) -> tuple[int, str]:
    return (0 if error.validator == "additionalProperties" else 1, json.dumps(list(error.path)))


def _describe(error: jsonschema.ValidationError, display: str, locations: list[str] | None) -> str:
    path = list(error.absolute_path)
    where = _where(display, path, locations)
    value = error.instance
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "additionalProperties" and isinstance(value, Mapping):
        known = tuple(schema.get("properties", {}))
        unknown = sorted(str(key) for key in value if key not in known)
        name = unknown[0] if unknown else "?"
        return f"{where}: unknown key {name!r}{_did_you_mean(name, known)}"
    if error.validator == "required" and isinstance(error.validator_value, list):
        present = value if isinstance(value, Mapping) else {}
        missing = [key for key in error.validator_value if key not in present]
        return f"{where}: missing required key {missing[0]!r}" if missing else error.message
    if error.validator == "type" and value is None:
        return f"{where}: empty, expected {_type_words(error.validator_value)}"
    if error.validator == "type":
        return f"{where}: {_show(value)} is not {_type_words(error.validator_value)}"
    if error.validator == "minLength":
        return f"{where}: must not be empty"
    return f"{where}: {error.message}"


def _where(display: str, path: Sequence[Any], locations: list[str] | None) -> str:
    if locations is not None and len(path) >= 2 and path[0] == "assets":
        row = locations[int(path[1])]
        return f"{row}: {'.'.join(str(part) for part in path[2:])}".rstrip(": ")
    return f"{display}: {_json_path(path) or '(top level)'}"


def _json_path(path: Sequence[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


_TYPE_WORDS = {
    "string": "a string",
    "object": "a mapping",
    "array": "a list",
    "null": "empty",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
}


def _type_words(expected: Any) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    words = [_TYPE_WORDS.get(name, name) for name in names if name != "null"]
    return " or ".join(words) or "empty"


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(name.lower(), list(choices), n=1, cutoff=0.5)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(choices)})"


def _match_problem(match: str) -> str | None:
    if match.lower().startswith("sha256:") and not _SHA256.fullmatch(match.strip()):
        return f"{match!r} is not sha256: followed by 64 hexadecimal digits"
    if _is_url(match) and not urlsplit(match).netloc:
        return f"{match!r} is not a complete URL"
    return None


# --------------------------------------------------------------------------- indexing


def _build(
    path: Path, display: str, raw_assets: list[dict[str, Any]], locations: list[str] | None
) -> Register:
    assets: list[Asset] = []
    by_kind: dict[str, dict[str, Asset]] = {"path": {}, "url": {}, "sha256": {}}
    warnings: list[str] = []
    for index, raw in enumerate(raw_assets):
        location = locations[index] if locations else f"{display}: assets[{index}]"
        match = str(raw["match"]).strip()
        kind, key = _match_key(match, path.parent)
        values = {name: _text(raw.get(name)) for name in FIELDS if name != "match"}
        asset = Asset(index, match, kind, key, values, location)
        assets.append(asset)
        first = by_kind[kind].setdefault(key, asset)
        if first is not asset:
            warnings.append(f"{location}: same match as {first.location}; the first one is used")
        if kind == "path":
            for alias in _path_aliases(match, path.parent):
                by_kind[kind].setdefault(alias, asset)
    return Register(path, display, tuple(assets), tuple(warnings), by_kind)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _match_key(match: str, base: Path) -> tuple[str, str]:
    digest = _SHA256.fullmatch(match)
    if digest:
        return "sha256", digest.group(1).lower()
    if _is_url(match) or match.startswith("//"):
        return "url", _url_key(match)
    return "path", _path_key(str(base / match.replace("\\", "/")))


def _path_aliases(match: str, base: Path) -> set[str]:
    """Other spellings of a path match: percent-decoded ("my%20photo.jpg"), and a site-root path
    ("/img/a.jpg") read as relative to the register's folder as well as to the file system root."""
    spelled = match.replace("\\", "/")
    aliases = {_path_key(str(base / unquote(spelled)))}
    if spelled.startswith("/"):
        relative = spelled.lstrip("/")
        aliases |= {_path_key(str(base / relative)), _path_key(str(base / unquote(relative)))}
    return aliases


def _is_url(text: str) -> bool:
    return urlsplit(text.strip()).scheme.lower() in _URL_SCHEMES


def _digest_key(sha256: str | None) -> str | None:
    if not sha256:
        return None
    text = sha256.strip().lower()
    return text.removeprefix("sha256:")


def _path_key(path: str) -> str:
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def _real_key(path: str) -> str:
    return os.path.normcase(os.path.realpath(path))


def _url_key(url: str) -> str:
    """A URL without scheme, fragment or trailing slash, host in lower case."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower()
    for default_port in (":80", ":443"):
        host = host.removesuffix(default_port)
    path = unquote(parts.path).rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"//{host}{path}{query}"


def _resolve_original(original: str | None, base: Path) -> tuple[str | None, bool]:
    if not original:
        return None, False
    if _is_url(original):
        return original, False
    resolved = os.path.normpath(base / original.replace("\\", "/"))
    return resolved, not os.path.isfile(resolved)


def iter_records(register: Register) -> Iterator[SourceRecord]:
    """Every entry as a SourceRecord (for reports that list the register)."""
    for asset in register.assets:
        yield register._record(asset)
