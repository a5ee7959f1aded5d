"""The checks on real stages: the credit parser, the licence database and the resolver.

Skipped (with the reason) while one of those stages is not installed. Builds FigureCases the way
the gatherer does for a caption and register record, without files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from attrcheck.checks import run_checks
from attrcheck.model import Figure, FigureCase, ImageRef, Licence, Policy, SourceRecord

sys.path.insert(0, str(Path(__file__).parent / "checks"))

from casebuilder import licence as factory_licence

from attrcheck import credits, licences, resolve


def case_for(caption: str, register: SourceRecord | None = None, **policy: Any) -> FigureCase:
    credit = credits.parse(caption)
    figure = Figure(
        id="a.md#1", article="a.md", index=1, src="img/a.jpg", alt="", caption=caption,
        line=3, column=1, caption_line=5, caption_column=1,
    )  # fmt: skip
    return FigureCase(
        figure=figure,
        credit=credit,
        policy=Policy(**policy),
        image_ref=ImageRef(kind="local", path="/x/a.jpg"),
        register=register,
        resolved=resolve.resolve_licence(credit, None, None, register, None),
    )


def codes(case: FigureCase) -> list[str]:
    return sorted(f.code for f in run_checks(case))


UKTI = "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI"
PIPPA = "Picture by Pippa Fowles / No 10 Downing Street."
PIPPA_RECORD = SourceRecord(
    origin="register",
    creator="Pippa Fowles",
    title="Secretary Pompeo and the Foreign Secretary",
    source="https://www.flickr.com/photos/number10gov/49999/",
    licence="CC BY-NC-ND 2.0",
)


def test_seed_ukti() -> None:
    assert codes(case_for(UKTI)) == ["AC104", "AC201"]
    assert codes(case_for(UKTI, commercial=False)) == ["AC104"]


def test_seed_pippa_without_and_with_register() -> None:
    assert codes(case_for(PIPPA)) == ["AC301"]
    with_register = codes(case_for(PIPPA, PIPPA_RECORD))
    assert with_register == ["AC103", "AC105", "AC106", "AC201"]
    assert codes(case_for(PIPPA, PIPPA_RECORD, commercial=False)) == ["AC103", "AC105", "AC106"]


@pytest.mark.parametrize(
    "caption",
    [
        "Photo by Jane Doe, CC0",
        "U.S. Navy / Public domain",
        "Photo by Brooke Cagle on Unsplash",
        "Photo by Jane Doe on Pexels",
        "Contains public sector information licensed under the Open Government Licence v3.0.",
        "Photo by Jane Doe, [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)",
    ],
)
def test_no_false_alarms(caption: str) -> None:
    assert codes(case_for(caption)) == []


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Photo by Jane Doe, CC BY-SA", ["AC301", "AC305"]),
        ("Photo by Jane Doe, CC BY-SA 4.0 UK", ["AC301", "AC305"]),
        ("Photo: John Smith/Reuters", ["AC206"]),
        ("Andrey Suslov, Shutterstock", ["AC206"]),
    ],
)
def test_caption_only_findings(caption: str, expected: list[str]) -> None:
    assert codes(case_for(caption)) == expected


def test_policy_permission_covers_agency() -> None:
    from attrcheck.model import Permission

    policy = {"permissions": (Permission("Reuters", "wire subscription"),)}
    assert codes(case_for("Photo: John Smith/Reuters", **policy)) == []


@pytest.mark.parametrize(
    "licence_id",
    ["CC-BY-1.0", "CC-BY-2.0", "CC-BY-2.5", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-NC-ND-2.0",
     "CC-BY-NC-ND-2.0-UK", "CC-BY-SA-4.0", "CC-NC-1.0", "CC0-1.0", "OGL-UK-3.0"],
)  # fmt: skip
def test_test_factory_agrees_with_the_database(licence_id: str) -> None:
    """The YAML cases' licence factory follows the database on everything the checks read."""
    real: Licence | None = licences.load().get(licence_id)
    assert real is not None
    made = factory_licence(licence_id)
    for flag in ("requires_attribution", "noncommercial", "no_derivatives", "share_alike",
                 "kind", "url", "family"):  # fmt: skip
        assert getattr(made, flag) == getattr(real, flag), flag
    for field in ("creator", "title", "licence_uri", "source_uri", "cure_period_days",
                  "technical_changes_allowed"):  # fmt: skip
        assert getattr(made.attribution, field) == getattr(real.attribution, field), field
    assert bool(made.attribution.statement) == bool(real.attribution.statement)
