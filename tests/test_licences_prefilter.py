"""The recogniser's prefilter: it turns away captions that name no licence, and never one that
does (identify() with and without it agrees)."""

from __future__ import annotations

import itertools
import random

import pytest

from attrcheck import licences
from attrcheck.licences.recogniser import Recogniser

LONG_CAPTION = (
    "LAS VEGAS – FEB. 11: Travis Kelce kisses Taylor Swift after the Kansas City Chiefs defeated "
    "the San Francisco 49ers in Super Bowl LVIII. (Photo by Ezra Shaw/Getty Images)"
)

# Words that begin some phrase of the table, licence words, versions and ordinary words.
WORD_LINES = (
    "in the public domain Domaine public dominio público gemeinfrei publiek domein",
    "all rights reserved free art work of US federal government open OGL e no ne uso",
    "pas keine Bearbeitungen Namensnennung Weitergabe unter gleichen Bedingungen",
    "CC BY SA NC ND by-sa Creative Commons Attribution ShareAlike NonCommercial",
    "NoDerivs Generic Unported International license licence version v v. ver",
    "4 3 2.0 4.0 2,5 UK DE US U.S. FAL 1 Sampling+ ccbysa PD-US Photo Jane Doe",
    "Reuters İstanbul Straße ( ) , - / : ;",
)
WORDS = [word for line in WORD_LINES for word in line.split()]


def texts(count: int) -> list[str]:
    rng = random.Random(2026)
    found = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 8))) for _ in range(count)]
    found += [" ".join(pair) for pair in itertools.product(WORDS, repeat=2)]
    return found


def test_common_words_that_begin_a_phrase_do_not_pass() -> None:
    recogniser = licences.load()._recogniser
    for text in [LONG_CAPTION, "All photos by Jane Doe", "Work in progress", "No comment"]:
        assert not recogniser.may_hold_a_reference(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Jane Doe, BY-SA version 4",
        "BY-NC v. 3",
        "FAL 1",
        "Jane Doe, Namensnennung - Keine Bearbeitungen",  # an ending on the last word
        "Foto: Max Muster, gemeinfrei",
        "Work of the U.S. federal government",
        "CCBYSA",
    ],
)
def test_references_without_a_decimal_version_pass(text: str) -> None:
    assert licences.load()._recogniser.may_hold_a_reference(text)
    assert licences.identify(text)


def test_identify_agrees_with_and_without_the_prefilter(monkeypatch: pytest.MonkeyPatch) -> None:
    db = licences.load()
    sample = texts(3000)
    filtered = [db.identify(text) for text in sample]
    monkeypatch.setattr(Recogniser, "may_hold_a_reference", lambda self, text: True)
    unfiltered = [db.identify(text) for text in sample]
    differing = [text for text, a, b in zip(sample, filtered, unfiltered, strict=True) if a != b]
    assert differing == []
    assert sum(1 for found in filtered if found) > 1000  # the sample is not all prose
