"""LicenceDB: the licence database loaded from licences/index.json, with lookups and identify()."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
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


def licence_from_record(record: Mapping[str, Any]) -> Licence:
    fields = {k: v for k, v in record.items() if k not in ("unit", "attribution")}
    fields["share_alike_compatible"] = tuple(record["share_alike_compatible"])
    return Licence(**fields, attribution=AttributionRequirements(**record["attribution"]))


def alias_key(text: str) -> str:
    return "-".join(text.strip().upper().split())


class LicenceDB:
    """Every licence attrcheck knows, looked up by id, alias, family, URL or free text."""

    def __init__(self, index: Mapping[str, Any]) -> None:
        try:
            records: list[dict[str, Any]] = index["licences"]
            self.version: str = index["licence_db_version"]
            self._licences = [licence_from_record(record) for record in records]
            self._by_id = {licence.id.upper(): licence for licence in self._licences}
            self._aliases: dict[str, str] = index["aliases"]
            self._urls: dict[str, str] = index["urls"]
            self._units = {str(r["id"]): r["unit"] for r in records}
            self._families: dict[str, list[Licence]] = defaultdict(list)
            for licence in self._licences:
                self._families[licence.family.upper()].append(licence)
            self._verdicts: dict[str, Verdict] = {}
            self._resolver = Resolver(records)
            self._recogniser = Recogniser(index["phrases"], self._urls, self._resolver, self._pin)
        except (KeyError, TypeError, ValueError) as error:
            raise LicenceDBError(f"licence database index is malformed: {error!r}") from error

    def _pin(self, ident: str) -> Verdict:
        verdict = self._verdicts.get(ident)
        if verdict is None:
            licence = self._by_id[ident.upper()]
            verdict = Verdict(
                licence.id, licence.family, licence.version, licence.jurisdiction, True
            )
            self._verdicts[ident] = verdict
        return verdict

    def all(self) -> list[Licence]:
        return list(self._licences)

    def family(self, name: str) -> list[Licence]:
        return list(self._families.get(name.strip().upper(), []))

    def families(self) -> list[str]:
        return sorted({licence.family for licence in self._licences})

    def unit(self, ident: str) -> str | None:
        """CC's unit code of a CC tool ("by-nd-nc"), None for other licences."""
        licence = self.get(ident)
        return self._units.get(licence.id) if licence else None

    def get(self, ident: str) -> Licence | None:
        """By id (case-insensitive), CC identifier ("CC BY-NC-ND 2.0"), alias, URL or title."""
        key = alias_key(ident)
        if not key:
            return None
        found = self._by_id.get(key) or self._by_id.get(self._aliases.get(key, "").upper())
        if found is not None:
            return found
        if URL_LIKE_RE.match(ident.strip()):
            return self.by_url(ident)
        matches = [m for m in self.identify(ident) if m.id is not None]
        if len(matches) == 1 and len(matches[0].text) >= len(ident.strip()) * 0.6:
            return self._by_id[matches[0].id.upper()]  # type: ignore[union-attr]
        return None

    def by_url(self, url: str) -> Licence | None:
        """Any URL variant: http/https, www, no trailing slash, deed.xx, legalcode, ?query."""
        ident = self._urls.get(normalise_url(url))
        if ident is None:
            verdict = self._recogniser.verdict_for_url(url.strip())
            ident = verdict.id if verdict is not None else None
        return self._by_id.get(ident.upper()) if ident else None

    def identify(self, text: str) -> list[LicenceMatch]:
        """Every licence reference in `text`, in order, with character spans."""
        return self._recogniser.identify(text)


def load_index() -> LicenceDB:
    return LicenceDB(read_json(INDEX_FILE))


def load_database_entries() -> list[dict[str, Any]]:
    """The full entries of licences/licences.json (titles, ccREL terms, URLs) for `show`."""
    entries: list[dict[str, Any]] = read_json(DATABASE_FILE)["licences"]
    return entries
