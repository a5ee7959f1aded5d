"""Creator matching: case, accents, "Last, First", initials, handles, person/organisation pairs."""

from __future__ import annotations

import pytest

from attrcheck import names
from attrcheck.model import Credit, Statement

SAME = [
    ("Pippa Fowles", "pippa fowles"),
    ("José Núñez", "Jose Nunez"),
    ("Søren Ørsted", "Soren Orsted"),
    ("Fowles, Pippa", "Pippa Fowles"),
    ("FOWLES Pippa", "Pippa Fowles"),
    ("P. Fowles", "Pippa Fowles"),
    ("J.R. Smith", "John Robert Smith"),
    ("Carol M. Highsmith", "Carol Highsmith"),
    ("@janedoe", "Jane Doe"),
    ("jane_doe", "Jane Doe"),
    ("Flickr user Kirinohana", "kiri_no_hana"),
    ("Photo: © 2020 Jane Doe. All rights reserved.", "Jane Doe"),
    ("Copyright 2019 Jane Doe", "Jane Doe"),
    ("Pippa Fowles / No 10 Downing Street", "Pippa Fowles"),
    ("Pippa Fowles", "Pippa Fowles / No 10 Downing Street"),
    ("John Smith/Reuters", "Reuters"),
    ("UKTI", "UKTI"),
    ("Nistara Randawa", "Nistara Randhawa"),
    ("NASA/JPL-Caltech", "NASA / JPL-Caltech"),
]
DIFFERENT = [
    ("John Smith", "Joan Smith"),
    ("John Smith", "Jane Smith"),
    ("J. Smith", "Jane Doe"),
    ("Jane Doe/Reuters", "John Smith/Reuters"),
    ("Ann Lee", "Ann Leigh"),
    ("Unknown", "Unknown"),
    ("", "Jane Doe"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_creator(a: str, b: str) -> None:
    assert names.same_creator(a, b)
    assert names.same_creator(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_creators(a: str, b: str) -> None:
    assert not names.same_creator(a, b)


def test_fold() -> None:
    assert names.fold("  Ça   Va, Straße!  ") == "ca va strasse"
    assert names.fold("Łódź") == "lodz"


def test_clean_name_and_placeholders() -> None:
    assert names.clean_name("Photo by Jane Doe") == "Jane Doe"
    assert names.clean_name("© 2021 Jane Doe, all rights reserved") == "Jane Doe"
    assert names.is_placeholder("artist name")
    assert names.is_placeholder("Unknown")
    assert not names.is_placeholder("Jane Doe")


def test_name_parts() -> None:
    assert names.name_parts("Pippa Fowles / No 10 Downing Street") == (
        "Pippa Fowles",
        "No 10 Downing Street",
    )
    assert names.name_parts("Ics813/iStock via Getty Images") == (
        "Ics813",
        "iStock",
        "Getty Images",
    )


def test_organisations_agencies_platforms() -> None:
    assert names.is_agency("Getty Images") and names.is_agency("iStock")
    assert names.is_agency("dpa Picture-Alliance") and names.is_agency("AP")
    assert not names.is_agency("The Apprentice") and not names.is_agency("Pippa Fowles")
    assert names.is_platform("Wikimedia Commons") and names.is_platform("Flickr")
    assert names.looks_like_organisation("No 10 Downing Street")
    assert names.looks_like_organisation("UKTI")
    assert not names.looks_like_organisation("Pippa Fowles")


def test_credited_by_creators_organisations_and_text() -> None:
    seed = Credit(
        text="Picture by Pippa Fowles / No 10 Downing Street.",
        creators=("Pippa Fowles",),
        organisations=("No 10 Downing Street",),
    )
    assert names.credited("Pippa Fowles", seed)
    assert names.credited("Fowles, Pippa", seed)
    assert names.credited("Pippa Fowles / No 10 Downing Street", seed)
    assert names.credited("No 10 Downing Street", seed)
    assert not names.credited("John Smith", seed)
    assert names.credited("UKTI", Credit(text="Photo by UKTI"))
    holder = Credit(
        text="(c) J Doe", statements=(Statement("copyright", "(c) J Doe", holder="J Doe"),)
    )
    assert names.credited("Jane Doe", holder)
    agency = Credit(text="John Smith/Reuters", creators=("John Smith",), organisations=("Reuters",))
    assert not names.credited("Jane Doe/Reuters", agency)
    assert names.credited("Reuters", agency)


@pytest.mark.parametrize(
    "metadata",
    [
        "Jane Doe (jane@example.com)",
        "Jane Doe <jane@example.org>",
        "Jane Doe - www.janedoe.com",
        "Jane Doe (Reuters)",
        "Jane Doe, Reuters",
    ],
)
def test_contact_details_and_bracketed_organisations_are_not_part_of_the_name(
    metadata: str,
) -> None:
    assert names.same_creator(metadata, "Jane Doe")
    assert not names.same_creator(metadata, "John Smith")
