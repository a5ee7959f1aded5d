"""LicenceDB: the licence database loaded from licences/index.json, with lookups and identify()."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrcheck.errors import LicenceDBError
from attrcheck.licences.recogniser import Recogniser
from attrcheck.licences.resolver import Resolver, Verdict
from attrcheck.licences.urls import normalise_url
from attrcheck.model import AttributionRequirements, Licence, LicenceMatch

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

INDEX_FILE = "index.json"
DATABASE_FILE = "licences.json"
URL_LIKE_RE = re.compile(r"^(?:https?://|www\.)|^[\w.-]+\.(?:org|com|uk|net)/", re.IGNORECASE)


def packaged_dir() -> Traversable:
    """importlib.resources.files("attrcheck") / "_licences", where the wheel puts licences/.

    For an ordinary installed package that is the folder beside attrcheck/__init__.py, found
    without importing importlib.resources (which costs more than the rest of the load).
    """
    package = Path(__file__).resolve().parents[1]
    if (package / "__init__.py").is_file():
        return package / "_licences"
    from importlib import resources  # zipped or otherwise unusual installs

    return resources.files("attrcheck") / "_licences"


def data_dir() -> Traversable:
    """The licences/ folder: packaged in the wheel as attrcheck/_licences, else the repo's."""
    packaged = packaged_dir()
    if packaged.is_dir():
        return packaged
    repo = Path(__file__).resolve().parents[3] / "licences"
    if repo.is_dir():
        return repo
    raise LicenceDBError(
        f"licence database not found: neither {packaged} nor {repo} exists (reinstall attrcheck)"
    )


def read_json(name: str) -> Any:
    path = data_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LicenceDBError(f"{path}: cannot read the licence database: {error}") from error


RECORD_KEYS = frozenset(
    ("id", "family", "name", "version", "jurisdiction", "url", "legal_code_url", "short_name",
     "kind", "requires_attribution", "noncommercial", "no_derivatives", "share_alike", "retired",
     "retired_on", "replaced_by", "attribution", "share_alike_compatible", "unit")
)  # fmt: skip


def alias_key(text: str) -> str:
    return "-".join(text.strip().upper().split())


class LicenceDB:
    """Every licence attrcheck knows, looked up by id, alias, family, URL or free text.

    Licence objects are made on first use (identify() needs only the index tables), which keeps
    loading fast.
    """

    def __init__(self, index: Mapping[str, Any]) -> None:
        try:
            records: list[dict[str, Any]] = index["licences"]
            self.version: str = index["licence_db_version"]
            self._attributions = [AttributionRequirements(**a) for a in index["attributions"]]
            for record in records:
                if record.keys() != RECORD_KEYS:
                    raise ValueError(f"record {record.get('id')!r} has fields {sorted(record)}")
            self._records = {str(record["id"]).upper(): record for record in records}
            self._made: dict[str, Licence] = {}
            self._aliases: dict[str, str] = index["aliases"]
            self._urls: dict[str, str] = index["urls"]
            self._families: dict[str, list[str]] = defaultdict(list)
            for record in records:
                self._families[str(record["family"]).upper()].append(str(record["id"]))
            self._verdicts: dict[str, Verdict] = {}
            self._resolver = Resolver(records)
            self._recogniser = Recogniser(
                index["phrases"], self._urls, self._resolver, self._pin, index["starts"]
            )
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise LicenceDBError(f"licence database index is malformed: {error!r}") from error

    def _licence(self, ident: str) -> Licence | None:
        key = ident.upper()
        licence = self._made.get(key)
        if licence is None:
            record = self._records.get(key)
            if record is None:
                return None
            fields = {k: v for k, v in record.items() if k not in ("unit", "attribution")}
            fields["share_alike_compatible"] = tuple(record["share_alike_compatible"])
            attribution = self._attributions[record["attribution"]]
            licence = self._made[key] = Licence(**fields, attribution=attribution)
        return licence

    def _pin(self, ident: str) -> Verdict:
        verdict = self._verdicts.get(ident)
        if verdict is None:
            record = self._records[ident.upper()]
            verdict = Verdict(
                record["id"], record["family"], record["version"], record["jurisdiction"], True
            )
            self._verdicts[ident] = verdict
        return verdict

    def all(self) -> list[Licence]:
        """Every licence, sorted by id."""
        return self._made_all(self._records)

    def family(self, name: str) -> list[Licence]:
        idents = self._families.get(name.strip().upper(), [])
        return self._made_all(idents)

    def _made_all(self, idents: Iterable[str]) -> list[Licence]:
        return [licence for ident in idents if (licence := self._licence(ident)) is not None]

    def families(self) -> list[str]:
        return sorted({str(record["family"]) for record in self._records.values()})

    def unit(self, ident: str) -> str | None:
        """CC's unit code of a CC tool ("by-nd-nc"), None for other licences."""
        licence = self.get(ident)
        return self._records[licence.id.upper()]["unit"] if licence else None

    def get(self, ident: str) -> Licence | None:
        """By id (case-insensitive), CC identifier ("CC BY-NC-ND 2.0"), alias, URL or title."""
        key = alias_key(ident)
        if not key:
            return None
        found = self._licence(key) or self._licence(self._aliases.get(key, ""))
        if found is not None:
            return found
        if URL_LIKE_RE.match(ident.strip()):
            return self.by_url(ident)
        pinned = [m for m in self.identify(ident) if m.id is not None]
        if len(pinned) == 1 and pinned[0].id and len(pinned[0].text) >= len(ident.strip()) * 0.6:
            return self._licence(pinned[0].id)
        return None

    def by_url(self, url: str) -> Licence | None:
        """Any URL variant: http/https, www, no trailing slash, deed.xx, legalcode, ?query."""
        ident = self._urls.get(normalise_url(url))
        if ident is None:
            verdict = self._recogniser.verdict_for_url(url.strip())
            ident = verdict.id if verdict is not None else None
        return self._licence(ident) if ident else None

    def identify(self, text: str) -> list[LicenceMatch]:
        """Every licence reference in `text`, in order, with character spans."""
        return self._recogniser.identify(text)


def load_index() -> LicenceDB:
    return LicenceDB(read_json(INDEX_FILE))


def load_database_entries() -> list[dict[str, Any]]:
    """The full entries of licences/licences.json (titles, ccREL terms, URLs) for `show`."""
    entries: list[dict[str, Any]] = read_json(DATABASE_FILE)["licences"]
    return entries
