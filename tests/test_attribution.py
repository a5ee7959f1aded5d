"""Suggested attribution: TASL order, right for the licence and version; deterministic."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from attrcheck import credits
from attrcheck.attribution import suggest

sys.path.insert(0, str(Path(__file__).parent / "checks"))

from casebuilder import build

SEED_REGISTER = {
    "creator": "Pippa Fowles",
    "title": "Secretary Pompeo and the Foreign Secretary",
    "source": "https://www.flickr.com/photos/number10gov/50000/",
    "licence": "CC BY-NC-ND 2.0",
}
PIPPA = {"creators": ["Pippa Fowles"], "organisations": ["No 10 Downing Street"]}


def test_seed_with_register_is_full_tasl() -> None:
    case = build({
        "caption": "Picture by Pippa Fowles / No 10 Downing Street.", "credit": PIPPA,
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["register"]}, "register": SEED_REGISTER,
    })  # fmt: skip
    result = suggest(case)
    assert result.text == (
        "\u201cSecretary Pompeo and the Foreign Secretary\u201d "
        "(https://www.flickr.com/photos/number10gov/50000/) by Pippa Fowles / No 10 Downing "
        "Street, licensed under CC BY-NC-ND 2.0 (https://creativecommons.org/licenses/by-nc-nd/2.0/)."
    )
    assert result.markdown == (
        "[\u201cSecretary Pompeo and the Foreign Secretary\u201d]"
        "(https://www.flickr.com/photos/number10gov/50000/) by Pippa Fowles / No 10 Downing "
        "Street, licensed under [CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)."
    )
    assert '<a rel="license" href="https://creativecommons.org/licenses/by-nc-nd/2.0/">' in (
        result.html
    )
    assert '<a href="https://www.flickr.com/photos/number10gov/50000/">' in result.html
    # TASL order: title, author, source (linked title), licence
    text = result.text
    assert text.index("Secretary") < text.index("Pippa") < text.index("CC BY-NC-ND")


def test_title_omitted_when_not_supplied() -> None:
    case = build({
        "caption": "Photo by UKTI", "credit": {"creators": ["UKTI"]},
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["caption"]},
    })  # fmt: skip
    assert suggest(case).markdown == (
        "Photo by UKTI, licensed under "
        "[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/)."
    )


@pytest.mark.parametrize(("kind", "word"), [("cropped", "Cropped"), ("altered", "Adapted")])
def test_modification_note(kind: str, word: str) -> None:
    case = build({
        "caption": "Photo by Jane Doe", "credit": {"creators": ["Jane Doe"]},
        "licence": {"id": "CC-BY-4.0", "from": ["caption"]}, "modification": {"kind": kind},
    })  # fmt: skip
    assert suggest(case).text.startswith(f"{word} from photo by Jane Doe, licensed under CC BY 4.0")


def test_no_modification_note_for_resize_or_nd() -> None:
    resized = build({
        "caption": "Photo by Jane Doe", "credit": {"creators": ["Jane Doe"]},
        "licence": {"id": "CC-BY-4.0", "from": ["caption"]}, "modification": {"kind": "resized"},
    })  # fmt: skip
    assert suggest(resized).text.startswith("Photo by Jane Doe")
    nd = build({
        "caption": "Photo by Jane Doe", "credit": {"creators": ["Jane Doe"]},
        "licence": {"id": "CC-BY-ND-4.0", "from": ["caption"]}, "modification": {"kind": "cropped"},
    })  # fmt: skip
    assert "ropped" not in suggest(nd).text


def test_cc0_and_pdm_courtesy_credit() -> None:
    for licence_id, short in (("CC0-1.0", "CC0 1.0"), ("CC-PDM-1.0", "PDM 1.0")):
        case = build({
            "caption": "Photo by Jane Doe", "credit": {"creators": ["Jane Doe"]},
            "licence": {"id": licence_id, "from": ["xmp"]},
        })  # fmt: skip
        result = suggest(case)
        assert result.text.startswith(f"Photo by Jane Doe, {short} (https://creativecommons.org/")
        assert 'rel="license"' in result.html


def test_public_domain_statement() -> None:
    case = build({
        "caption": "U.S. Navy / Public domain",
        "credit": {"organisations": ["U.S. Navy"], "statements": [{"kind": "public-domain"}]},
        "licence": {"id": "LicenseRef-Public-Domain", "from": ["caption"]},
    })  # fmt: skip
    assert suggest(case).text == "Photo by U.S. Navy, public domain."


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("Unsplash", "Photo by Brooke Cagle on Unsplash."),
     ("Pexels", "Photo by Brooke Cagle on Pexels."),
     ("Pixabay", "Image by Brooke Cagle from Pixabay.")],
)  # fmt: skip
def test_platforms(platform: str, expected: str) -> None:
    case = build({
        "caption": f"Photo by Brooke Cagle on {platform}",
        "credit": {"creators": ["Brooke Cagle"], "organisations": [platform]},
        "licence": {"id": f"LicenseRef-{platform}", "from": ["caption"]},
    })  # fmt: skip
    assert suggest(case).text == expected
    without_licence = build({
        "caption": f"Photo by Brooke Cagle on {platform}",
        "credit": {"creators": ["Brooke Cagle"], "organisations": [platform]},
    })  # fmt: skip
    assert suggest(without_licence).text == expected


def test_ogl_statement() -> None:
    case = build({
        "caption": "Picture by Pippa Fowles / No 10 Downing Street.", "credit": PIPPA,
        "licence": {"id": "OGL-UK-3.0", "from": ["register"]},
    })  # fmt: skip
    result = suggest(case)
    assert result.text.startswith("Photo by Pippa Fowles / No 10 Downing Street. Contains public")
    assert "licensed under the Open Government Licence v3.0 (https://www.nationalarchives" in (
        result.text
    )
    assert '<a rel="license" href="https://www.nationalarchives.gov.uk/doc/open-government' in (
        result.html
    )


def test_agency_as_recorded() -> None:
    case = build({
        "caption": "drogatnev/iStock via Getty Images",
        "credit": {"creators": ["drogatnev"], "organisations": ["iStock", "Getty Images"]},
    })  # fmt: skip
    assert suggest(case).text == "drogatnev / iStock / Getty Images"


def test_register_creator_wins_over_caption() -> None:
    case = build({
        "caption": "Photo by John Smith", "credit": {"creators": ["John Smith"]},
        "register": {"creator": "Jane Doe"}, "licence": {"id": "CC-BY-4.0", "from": ["register"]},
    })  # fmt: skip
    assert suggest(case).text.startswith("Photo by Jane Doe,")


def test_nothing_known_gives_empty() -> None:
    assert suggest(build({"caption": ""})).text == ""


def test_escaping() -> None:
    case = build({
        "caption": "z_wei <x>", "credit": {"creators": ["z_wei <x>"]},
        "licence": {"id": "CC-BY-SA-3.0", "from": ["caption"]},
        "register": {"source": "https://example.org/a (b)"},
    })  # fmt: skip
    result = suggest(case)
    assert "z\\_wei \\<x\\>" in result.markdown
    assert "[Photo](<https://example.org/a (b)>)" in result.markdown
    assert "z_wei &lt;x&gt;" in result.html


def _reparsed(result_text: str, spec: dict[str, Any]) -> dict[str, Any]:
    """The case as it would be after --fix wrote the suggestion and the caption was re-read."""
    return {**spec, "caption": result_text}


def test_deterministic_and_idempotent() -> None:
    spec = {
        "caption": "Picture by Pippa Fowles / No 10 Downing Street.", "credit": PIPPA,
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["register"]}, "register": SEED_REGISTER,
    }  # fmt: skip
    first = suggest(build(spec))
    assert suggest(build(spec)) == first
    again = suggest(build(_reparsed(first.text, spec)))
    assert again == first


def test_integration_with_the_credit_parser() -> None:
    """suggest() on the credit parser's reading of its own output gives the same text."""
    parse = credits.parse
    spec = {"caption": "Photo by Jane Doe", "credit": {"creators": ["Jane Doe"]},
            "licence": {"id": "CC-BY-4.0", "from": ["register"]}}  # fmt: skip
    first = suggest(build(spec))
    parsed = parse(first.markdown)
    assert "Jane Doe" in parsed.creators
    assert any(m.id == "CC-BY-4.0" and m.linked for m in parsed.licences)


IDEMPOTENT_CASES = {
    "seed-register": {
        "caption": "Picture by Pippa Fowles / No 10 Downing Street.",
        "licence": {"id": "CC-BY-NC-ND-2.0", "from": ["register"]},
        "register": SEED_REGISTER,
    },
    "cropped-by-4": {
        "caption": "Photo by Jane Doe",
        "licence": {"id": "CC-BY-4.0", "from": ["register"]},
        "register": {"creator": "Jane Doe"},
        "modification": {"kind": "cropped"},
    },
    "adapted-by-sa-3-with-title": {
        "caption": "Photo by Jane Doe",
        "licence": {"id": "CC-BY-SA-3.0", "from": ["register"]},
        "register": {
            "creator": "Jane Doe",
            "title": "Harbour at dawn",
            "source": "https://commons.wikimedia.org/wiki/File:Harbour.jpg",
        },
        "modification": {"kind": "altered"},
    },
    "cc0": {"caption": "Photo by Jane Doe", "licence": {"id": "CC0-1.0", "from": ["register"]}},
    "ogl": {
        "caption": "Picture by Pippa Fowles / No 10 Downing Street.",
        "licence": {"id": "OGL-UK-3.0", "from": ["register"]},
    },
    "unsplash": {"caption": "Photo by Brooke Cagle on Unsplash"},
}


@pytest.mark.parametrize("name", IDEMPOTENT_CASES)
def test_idempotent_through_the_credit_parser(name: str) -> None:
    """suggest() -> caption -> credits.parse -> suggest() gives the same attribution."""
    spec = IDEMPOTENT_CASES[name]
    first_case = replace(build(spec), credit=credits.parse(spec["caption"]))
    first = suggest(first_case)
    rewritten = {**spec, "caption": first.markdown}
    second = suggest(replace(build(rewritten), credit=credits.parse(first.markdown)))
    assert second == first
