"""The 63 real credit lines of ../shared/corpus/credit-lines-sample.tsv with their careful reading.

Licence (exact id; family only for unversioned mentions; none where the line states none),
whether it is linked, every creator in order, and each source/agency (loosely: the reading
writes some names in full, "Associated Press" for "AP").
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from attrcheck.credits import parse
from attrcheck.model import Credit

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "credit-lines-sample.tsv"
ORGANISATION_ALIASES = {"associatedpress": ("ap",)}


def _rows() -> list[dict[str, str]]:
    if not CORPUS.is_file():
        return []
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = _rows()


def _params() -> Iterator[object]:
    if not ROWS:
        yield pytest.param(None, marks=pytest.mark.skip(reason=f"corpus not present at {CORPUS}"))
        return
    for number, row in enumerate(ROWS, start=2):
        yield pytest.param(row, id=f"L{number}:{row['line'][:40]}")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Credit]:
    return {row["line"]: parse(row["line"]) for row in ROWS}


@pytest.mark.parametrize("row", list(_params()))
def test_licence(row: dict[str, str], parsed: dict[str, Credit]) -> None:
    credit = parsed[row["line"]]
    expected = row["licence"]
    if expected == "none":
        assert credit.licences == ()
    elif expected == "unknown":
        assert all(licence.id is None for licence in credit.licences)
    elif expected == "public-domain":
        families = [licence.family for licence in credit.licences]
        assert "public-domain" in families or any(
            statement.kind == "public-domain" for statement in credit.statements
        )
    elif re.fullmatch(r"CC-[A-Z-]+", expected) and not re.search(r"\d", expected):
        assert credit.licences, "no licence found"
        assert (credit.licences[0].id, credit.licences[0].family) == (None, expected)
    else:
        assert credit.licences, "no licence found"
        assert credit.licences[0].id == expected
    if row["licence_linked"] in ("yes", "no") and credit.licences:
        assert credit.licences[0].linked is (row["licence_linked"] == "yes")


@pytest.mark.parametrize("row", list(_params()))
def test_creators(row: dict[str, str], parsed: dict[str, Credit]) -> None:
    expected = () if row["creators"] == "none" else tuple(row["creators"].split("; "))
    assert parsed[row["line"]].creators == expected


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold().removeprefix("the "))


def _matches(expected: str, found: tuple[str, ...]) -> bool:
    want = _key(expected)
    keys = [_key(name) for name in found]
    aliases = ORGANISATION_ALIASES.get(want, ())
    return any(key in aliases or (len(key) > 2 and (key in want or want in key)) for key in keys)


@pytest.mark.parametrize("row", list(_params()))
def test_organisations(row: dict[str, str], parsed: dict[str, Credit]) -> None:
    credit = parsed[row["line"]]
    if row["source_agency"] == "none":
        return
    missing = [
        name
        for name in row["source_agency"].split("; ")
        if not _matches(name, credit.organisations)
    ]
    assert not missing, f"missing {missing} in {credit.organisations}"


def test_first_creator_rate() -> None:
    if not ROWS:
        pytest.skip(f"corpus not present at {CORPUS}")
    right = 0
    for row in ROWS:
        expected = None if row["creators"] == "none" else row["creators"].split("; ")[0]
        creators = parse(row["line"]).creators
        right += (creators[0] if creators else None) == expected
    assert right / len(ROWS) >= 0.9
