"""Markup, links, licences linked or not, title, change notes and statements of a caption."""

from __future__ import annotations

import random

import pytest

from attrcheck.credits import credit_to_dict, markup, parse
from attrcheck.credits.markup import to_plain

FLICKR_TASL = (
    "_Photo Credit: Gwynne Kostin, August 7, 2009. \"[Rusted door to JFK's nuclear bunker]"
    '(https://www.flickr.com/photos/gwynnek/3797768429/)." This work is licensed under a '
    "[Creative Commons Attribution-NonCommercial-NoDerivs 2.0 Generic License (CC BY-NC-ND 2.0)]"
    "(https://creativecommons.org/licenses/by-nc-nd/2.0/)._"
)


def test_markdown_link_spans_point_into_the_plain_text() -> None:
    plain = to_plain("Photo by [Jane Doe](https://example.org/jd) on **Unsplash**")
    assert plain.text == "Photo by Jane Doe on Unsplash"
    (link,) = plain.links
    assert plain.text[link.start : link.end] == "Jane Doe"
    assert link.url == "https://example.org/jd"


def test_html_fragment_entities_and_breaks() -> None:
    plain = to_plain(
        '<em>&#34;Title&#34; by <a href="https://x.org/u">S&#252;d</a></em><br>&copy; X'
    )
    assert plain.text == '"Title" by Süd\n© X'
    assert plain.links[0].text == "Süd"


def test_html_and_markdown_mixed() -> None:
    plain = to_plain('[Jane](https://a.org/j)<br/>Photo: <a href="https://b.org">Bob</a>')
    assert plain.text == "Jane\nPhoto: Bob"
    assert [link.url for link in plain.links] == ["https://a.org/j", "https://b.org"]


def test_image_alt_text_is_read() -> None:
    plain = to_plain(
        "[![Layer cake, by Flickr user Kiri](cake.jpg)](https://www.flickr.com/photos/k/1/)"
    )
    assert plain.text == "Layer cake, by Flickr user Kiri"
    credit = parse(
        "[![Layer cake, by Flickr user Kiri](cake.jpg)](https://www.flickr.com/photos/k/1/)"
    )
    assert credit.creators == ("Kiri",)
    assert "Flickr" in credit.organisations


def test_script_content_is_not_text() -> None:
    assert to_plain("Photo: Jane<script>alert('Bob Roe')</script>").text == "Photo: Jane"


def test_flickr_long_form_title_link_and_licence_link() -> None:
    credit = parse(FLICKR_TASL)
    assert credit.creators == ("Gwynne Kostin",)
    assert credit.title == "Rusted door to JFK's nuclear bunker"
    assert [(ref.id, ref.linked) for ref in credit.licences] == [("CC-BY-NC-ND-2.0", True)]
    roles = {link.text[:12]: link.role for link in credit.links}
    assert roles == {"Rusted door ": "source", "Creative Com": "licence"}


def test_link_target_decides_the_port_and_says_why() -> None:
    credit = parse(
        '<a href="http://creativecommons.org/licenses/by/3.0/us/">Photo by Steren Giannini, '
        "licensed CC-BY-3.0</a>"
    )
    (licence,) = credit.licences
    assert (licence.id, licence.linked) == ("CC-BY-3.0-US", True)
    assert licence.reason is not None and "CC-BY-3.0-US" in licence.reason
    assert credit.creators == ("Steren Giannini",)


def test_licence_link_with_other_words_is_a_reference() -> None:
    credit = parse(
        "Jane Doe, [some rights reserved](https://creativecommons.org/licenses/by-sa/2.0/uk/)"
    )
    assert [(ref.id, ref.linked, ref.text) for ref in credit.licences] == [
        ("CC-BY-SA-2.0-UK", True, "some rights reserved")
    ]


def test_link_to_the_photo_page_is_not_a_licence_link() -> None:
    credit = parse("(photo courtesy [Joi Ito CC BY](http://www.flickr.com/photos/joi/2590709576/))")
    assert [(ref.family, ref.linked) for ref in credit.licences] == [("CC-BY", False)]
    assert credit.links[0].role == "creator"


def test_openverse_tasl() -> None:
    credit = parse(
        '"[Sunset](https://www.flickr.com/photos/jd/123/)" by [Jane Doe](https://www.flickr.com/'
        "people/jd/) is licensed under [CC BY 2.0](https://creativecommons.org/licenses/by/2.0/"
        "?ref=openverse)."
    )
    assert (credit.title, credit.creators) == ("Sunset", ("Jane Doe",))
    assert [link.role for link in credit.links] == ["source", "creator", "licence"]
    assert credit.licences[0].linked


def test_platform_name_alone_is_not_its_licence() -> None:
    assert parse("Photo by Jane Doe on Unsplash").licences == ()
    credit = parse("Photo by Jane Doe on Unsplash, Unsplash License")
    assert [ref.family for ref in credit.licences] == ["Unsplash"]


def test_change_notes() -> None:
    assert parse("Photo: Jane Doe (cropped)").change_note == "cropped"
    assert parse("Foto: Max Muster, Ausschnitt").change_note == "Ausschnitt"
    assert parse("Photo : Jean Dupont, recadré").change_note == "recadré"
    assert parse("Jane Doe, CC BY 2.0, adapted from the original").change_note == (
        "adapted from the original"
    )
    assert parse("Photo: Jane Doe").change_note is None


def test_statements() -> None:
    credit = parse("Photo: Jane Doe. © 2020 Jane Doe. All rights reserved.")
    kinds = [(s.kind, s.year, s.holder) for s in credit.statements]
    assert kinds == [("copyright", "2020", "Jane Doe"), ("all-rights-reserved", None, None)]
    assert [s.kind for s in parse("Handout photo via Reuters").statements] == ["handout", "via"]
    assert parse("Courtesy of NASA").statements[0].holder == "NASA"
    assert parse("Photo by Jane Doe, used with permission").statements[0].kind == "permission"
    assert parse("U.S. Navy / Public domain").statements[0].kind == "public-domain"


def test_credit_to_dict_shape() -> None:
    data = credit_to_dict(
        parse("Jane Doe, [CC BY 2.0](https://creativecommons.org/licenses/by/2.0/)")
    )
    assert list(data) == [
        "text", "creators", "organisations", "licences", "links", "title", "change_note",
        "statements",
    ]  # fmt: skip
    licence = data["licences"][0]
    for key in ("id", "family", "version", "jurisdiction", "valid", "linked", "url", "span"):
        assert key in licence
    assert licence["span"] == [10, 19]
    assert data["links"] == [
        {
            "text": "CC BY 2.0",
            "url": "https://creativecommons.org/licenses/by/2.0/",
            "role": "licence",
        }
    ]


def test_public_domain_in_other_languages_is_a_licence() -> None:
    for caption in ("Photo : Domaine public", "Foto: gemeinfrei", "Imagen: dominio público"):
        credit = parse(caption)
        assert [ref.family for ref in credit.licences] == ["public-domain"], caption
        assert [s.kind for s in credit.statements] == ["public-domain"]


def test_markdown_characters_that_make_no_markup_skip_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_parser(caption: str) -> None:
        raise AssertionError(f"the inline parser read {caption!r}")

    monkeypatch.setattr(markup, "_from_markdown", no_parser)
    assert to_plain("z_wei/iStock/Thinkstock").text == "z_wei/iStock/Thinkstock"
    assert to_plain("Photo by Carol M. Highsmith [LC-DIG-highsm-25031].").links == ()


def test_the_text_path_reads_as_the_inline_parser_would() -> None:
    rng = random.Random(4)
    pieces = [*"ab Z9_[]()!.-:/—«»é² \u00a0\t", "__", "](", "![", " _", "_ ", "http://x.org/a_b"]
    taken = 0
    for _ in range(20_000):
        caption = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        if markup._makes_no_markup(caption):
            taken += 1
            assert markup._from_text(caption) == markup._from_markdown(caption), caption
    assert taken > 2_000
