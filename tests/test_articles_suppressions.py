"""`<!-- attrcheck: disable-next=... reason="..." -->` comments in Markdown and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.articles import find_articles, read_article
from attrcheck.articles.suppressions import parse_directive
from attrcheck.model import Article, Suppression


def read(tmp_path: Path, text: str, name: str = "post.md") -> Article:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return read_article(find_articles([str(path)])[0])


@pytest.mark.parametrize(
    ("body", "codes", "reason"),
    [
        (' attrcheck: disable-next=AC201,AC104 reason="licensed separately, ticket 123" ',
         ("AC201", "AC104"), "licensed separately, ticket 123"),
        ("attrcheck: disable-next=ac2 reason='contract'", ("AC2",), "contract"),
        ("attrcheck: disable-next=AC101", ("AC101",), None),
        ('attrcheck: disable-next=AC101 reason=""', ("AC101",), None),
        ('attrcheck: disable-next=AC101 reason="unterminated', ("AC101",), None),
        ("attrcheck: reason=why", (), "why"),
    ],
)  # fmt: skip
def test_directive_parsing(body: str, codes: tuple[str, ...], reason: str | None) -> None:
    directive = parse_directive(body)
    assert directive is not None
    assert (directive.codes, directive.reason) == (codes, reason)


def test_other_comments_are_not_directives() -> None:
    assert parse_directive(" a note for editors ") is None
    assert parse_directive("more") is None


def test_markdown_comment_block_before_an_image(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "Intro.\n\n"
        '<!-- attrcheck: disable-next=AC201,AC104 reason="licensed separately, ticket 123" -->\n'
        "![UKTI](ukti.jpg)\n\n"
        "Photo by UKTI\n\n"
        "![Other](other.jpg)\n",
    )
    first, second = article.figures
    expected = Suppression(("AC201", "AC104"), "licensed separately, ticket 123", 3, 1)
    assert first.suppression == expected
    assert first.caption == "Photo by UKTI"
    assert second.suppression is None
    assert article.suppressions == (expected,)


def test_blank_line_between_comment_and_image_still_counts(tmp_path: Path) -> None:
    article = read(tmp_path, "<!-- attrcheck: disable-next=AC301 -->\n\n![a](a.jpg)\n")
    assert article.figures[0].suppression == Suppression(("AC301",), None, 1, 1)


def test_comment_separated_by_text_does_not_apply(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<!-- attrcheck: disable-next=AC301 reason="x" -->\n\nA paragraph.\n\n![a](a.jpg)\n',
    )
    assert article.figures[0].suppression is None
    assert article.suppressions == (Suppression(("AC301",), "x", 1, 1),)


def test_inline_comment_right_before_an_image(tmp_path: Path) -> None:
    article = read(tmp_path, 'Text <!-- attrcheck: disable-next=AC102 reason="r" -->![a](a.jpg)\n')
    assert article.figures[0].suppression == Suppression(("AC102",), "r", 1, 6)


def test_comment_before_html_figure_and_hugo_shortcode(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<!-- attrcheck: disable-next=AC206 reason="wire" -->\n'
        '<figure><img src="a.jpg"><figcaption>Reuters</figcaption></figure>\n\n'
        '<!-- attrcheck: disable-next=AC201 reason="bought" -->\n'
        '{{< figure src="b.jpg" attr="Photo: X" >}}\n',
    )
    figure, hugo = article.figures
    assert figure.suppression == Suppression(("AC206",), "wire", 1, 1)
    assert hugo.suppression == Suppression(("AC201",), "bought", 4, 1)


def test_html_article_comment_before_a_wrapped_image(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "<html><body>\n"
        "  <!-- attrcheck: disable-next=AC104 -->\n"
        '  <p><a href="x"><img src="a.jpg"></a></p>\n'
        '  <img src="b.jpg">\n'
        "</body></html>\n",
        name="page.html",
    )
    first, second = article.figures
    assert first.suppression == Suppression(("AC104",), None, 2, 3)
    assert second.suppression is None


def test_comment_inside_a_figure_before_its_image(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<figure>\n  <!-- attrcheck: disable-next=AC201 reason="r" -->\n  <img src="a.jpg">\n'
        "  <figcaption>Photo: Ann</figcaption>\n</figure>\n",
        name="page.html",
    )
    assert article.figures[0].suppression == Suppression(("AC201",), "r", 2, 3)
