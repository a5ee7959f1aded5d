"""Figures and captions read from Markdown: every convention, with exact lines, columns and text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from attrcheck.articles import find_articles, read_article
from attrcheck.errors import ArticleError
from attrcheck.model import Article, CaptionPart, Figure

Read = Callable[..., Article]


@pytest.fixture
def read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Read:
    monkeypatch.chdir(tmp_path)

    def read_text(text: str, name: str = "post.md") -> Article:
        Path(name).write_bytes(text.encode("utf-8"))
        return read_article(find_articles([name])[0])

    return read_text


def only(article: Article) -> Figure:
    assert len(article.figures) == 1, article.figures
    return article.figures[0]


def source_of(article: Article) -> str:
    return Path(article.file).read_bytes().decode("utf-8-sig")


def assert_parts_point_at_text(article: Article) -> None:
    text = source_of(article)
    for figure in article.figures:
        for part in figure.caption_parts:
            if part.kind != "front-matter" and part.editable:
                raw = text[part.start : part.end].replace("\r\n", "\n")
                assert raw == part.text, (figure.id, part)


SEED = """# Sanctions

Body text.

![Two ministers](img/pompeo-raab.jpg)

Picture by Pippa Fowles / No 10 Downing Street.

More body text.

![Trade mission](img/ukti.jpg)

Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)
Photo by UKTI

Closing paragraph.
"""


def test_seed_figures_and_their_credit_lines(read: Read) -> None:
    article = read(SEED)
    first, second = article.figures
    assert (first.id, first.src, first.alt, first.line, first.column) == (
        "post.md#1", "img/pompeo-raab.jpg", "Two ministers", 5, 1
    )  # fmt: skip
    assert first.caption == "Picture by Pippa Fowles / No 10 Downing Street."
    assert (first.caption_line, first.caption_column) == (7, 1)
    assert second.id == "post.md#2"
    assert second.caption == (
        "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI"
    )
    assert (second.line, second.caption_line, second.caption_column) == (11, 13, 1)
    assert [part.kind for part in second.caption_parts] == ["paragraph"]
    assert second.caption_parts[0].editable
    assert article.format == "markdown"
    assert_parts_point_at_text(article)


def test_title_attribute_is_a_caption_part(read: Read) -> None:
    article = read('Intro.\n\n![Dunes](dunes.jpg "Photo: Kai Berg, CC BY 4.0")\n')
    figure = only(article)
    assert figure.caption == "Photo: Kai Berg, CC BY 4.0"
    (part,) = figure.caption_parts
    assert (part.kind, part.line, part.column) == ("title", 3, 21)
    assert_parts_point_at_text(article)


def test_title_and_caption_paragraph_in_document_order(read: Read) -> None:
    article = read("![Dunes](dunes.jpg 'The dunes')\n\n*Photo: Kai Berg*\n")
    figure = only(article)
    assert [part.kind for part in figure.caption_parts] == ["title", "paragraph"]
    assert figure.caption == "The dunes\n*Photo: Kai Berg*"
    assert_parts_point_at_text(article)


def test_escaped_quotes_in_title_are_kept_raw(read: Read) -> None:
    article = read('![x](x.jpg "The \\"blue\\" hour")\n')
    assert only(article).caption == 'The \\"blue\\" hour'
    assert_parts_point_at_text(article)


def test_reference_style_image_takes_the_title_of_its_definition(read: Read) -> None:
    article = read(
        "![Harbour][harbour]\n\nCredit: Port Authority\n\n"
        '[harbour]: img/harbour.jpg "Harbour at dawn"\n'
    )
    figure = only(article)
    assert (figure.src, figure.alt, figure.line, figure.column) == (
        "img/harbour.jpg", "Harbour", 1, 1
    )  # fmt: skip
    assert figure.caption == "Credit: Port Authority\nHarbour at dawn"
    title = figure.caption_parts[1]
    assert (title.kind, title.line, title.column) == ("title", 5, 29)
    assert_parts_point_at_text(article)


@pytest.mark.parametrize("image", ["![Harbour][]", "![Harbour]"])
def test_collapsed_and_shortcut_references(read: Read, image: str) -> None:
    figure = only(read(f"{image}\n\n[harbour]: /img/h.jpg\n"))
    assert (figure.src, figure.alt, figure.caption) == ("/img/h.jpg", "Harbour", "")


def test_image_wrapped_in_a_link(read: Read) -> None:
    article = read("[![Crowd](crowd.jpg)](https://example.org/crowd)\n\nPhoto: Lee Park\n")
    figure = only(article)
    assert figure.link == "https://example.org/crowd"
    assert (figure.line, figure.column) == (1, 2)
    assert figure.caption == "Photo: Lee Park"


def test_caption_in_the_same_paragraph_after_a_line_break(read: Read) -> None:
    article = read("![Bay](bay.jpg)\n*Photo: Ana Lima / CC BY-SA 4.0*\n\nBody.\n")
    figure = only(article)
    assert figure.caption == "*Photo: Ana Lima / CC BY-SA 4.0*"
    (part,) = figure.caption_parts
    assert (part.kind, part.line, part.column) == ("paragraph", 2, 1)
    assert_parts_point_at_text(article)


def test_same_paragraph_text_that_is_not_a_caption_is_ignored(read: Read) -> None:
    figure = only(read("![Bay](bay.jpg)\nThe bay was quiet that morning, as it always is.\n"))
    assert figure.caption == ""
    assert figure.caption_parts == ()


def test_caption_stops_at_the_first_paragraph_that_is_not_one(read: Read) -> None:
    text = (
        "![Bay](bay.jpg)\n\n*Fishing boats at rest.*\n\nPhoto: Ana Lima\n\n"
        "The council met on Monday.\n\nPhoto: someone else\n"
    )
    figure = only(read(text))
    assert figure.caption == "*Fishing boats at rest.*\nPhoto: Ana Lima"
    assert [part.line for part in figure.caption_parts] == [3, 5]


def test_body_paragraph_after_an_image_is_not_a_caption(read: Read) -> None:
    figure = only(read("![Bay](bay.jpg)\n\nThe minister arrived late and left early.\n"))
    assert (figure.caption, figure.caption_line, figure.caption_column) == ("", None, None)


def test_image_inside_prose_takes_no_caption_paragraph(read: Read) -> None:
    figure = only(read("See the map ![map](map.png) below.\n\nPhoto: not this one\n"))
    assert figure.caption == ""
    assert (figure.line, figure.column) == (1, 13)


@pytest.mark.parametrize(
    "caption",
    [
        "Foto: Jan de Vries",
        "Bild: Deutsche Presse",
        "Quelle: Stadtarchiv",
        "Crédit photo : Marie Dupont",
        "Fotografía: Luis Gómez",
        "Imagem: Ana Souza",
        "Beeld: Jan Smit",
        "Source: Wikimedia Commons",
        "Illustration by Kim Ode",
        "Image courtesy of the museum",
        "© 2021 Sara Holm",
        "Sara Holm, CC BY 2.0",
        "Wikimedia Commons, public domain",
        "Reuters/Ola Berg",
        "**Credit:** Lee Park",
        "_A quiet morning on the quay_",
    ],
)
def test_paragraphs_that_read_as_captions(read: Read, caption: str) -> None:
    assert only(read(f"![x](x.jpg)\n\n{caption}\n\nBody.\n")).caption == caption


def test_raw_html_img_and_figure_inside_markdown(read: Read) -> None:
    text = (
        "Intro.\n\n"
        '<img src="a.jpg" alt="A">\n\n'
        "Photo: Ann Ode\n\n"
        "<figure>\n"
        '  <img src="b.jpg" alt="B">\n'
        '  <figcaption>Photo by <a href="https://x.example">Bo</a></figcaption>\n'
        "</figure>\n\n"
        'Inline <img src="c.png" data-credit="Foto: Cem"> image.\n'
    )
    article = read(text)
    a, b, c = article.figures
    assert (a.kind, a.src, a.alt, a.line, a.column, a.caption) == (
        "html-img", "a.jpg", "A", 3, 1, "Photo: Ann Ode"
    )  # fmt: skip
    assert (b.kind, b.src, b.line, b.column) == ("html-figure", "b.jpg", 8, 3)
    assert b.caption == 'Photo by <a href="https://x.example">Bo</a>'
    assert (b.caption_line, b.caption_column) == (9, 15)
    assert (c.kind, c.src, c.line, c.column, c.caption) == (
        "html-img", "c.png", 12, 8, "Foto: Cem"
    )  # fmt: skip
    assert c.caption_parts[0].kind == "data-credit"
    assert_parts_point_at_text(article)


def test_hugo_figure_shortcodes(read: Read) -> None:
    text = (
        "Intro.\n\n"
        '{{< figure src="img/nets.jpg" alt="Nets" caption="Nets on the quay." '
        'attr="Photo by Tomás Ruiz, CC BY 4.0" attrlink="https://example.org/ruiz" '
        'link="https://example.org/big.jpg" >}}\n\n'
        '{{% figure src=img/gulls.jpg attr=`Foto: Jan "JD" de Vries` %}}\n\n'
        "{{< figure\n"
        '    src="img/quay.jpg"\n'
        '    alt="Quay"\n'
        ">}}\n\n"
        "Photo: Ana Lima\n\n"
        '{{</* figure src="img/not-a-figure.jpg" */>}}\n'
    )
    article = read(text)
    nets, gulls, quay = article.figures
    assert (nets.kind, nets.src, nets.alt, nets.line, nets.column) == (
        "hugo-figure", "img/nets.jpg", "Nets", 3, 1
    )  # fmt: skip
    assert nets.caption == "Nets on the quay.\nPhoto by Tomás Ruiz, CC BY 4.0"
    assert [part.kind for part in nets.caption_parts] == ["hugo-caption", "hugo-attr"]
    assert (nets.caption_line, nets.caption_column) == (3, 51)
    assert nets.credit_link == "https://example.org/ruiz"
    assert nets.link == "https://example.org/big.jpg"
    assert (gulls.src, gulls.caption, gulls.line) == (
        "img/gulls.jpg", 'Foto: Jan "JD" de Vries', 5
    )  # fmt: skip
    assert (quay.src, quay.alt, quay.line, quay.caption) == (
        "img/quay.jpg", "Quay", 7, "Photo: Ana Lima"
    )  # fmt: skip
    assert_parts_point_at_text(article)


def test_front_matter_hero_image(read: Read) -> None:
    text = (
        "---\n"
        "title: Harbour\n"
        "featured_image: /images/harbour.jpg\n"
        "featured_image_alt: Boats\n"
        'image_caption: "Boats return before sunrise."\n'
        "image_credit: 'Photo: Ana Lima / CC BY-SA 4.0'\n"
        "---\n\n"
        "Body.\n"
    )
    article = read(text)
    hero = only(article)
    assert (hero.id, hero.kind, hero.src, hero.alt, hero.line, hero.column) == (
        "post.md#1", "front-matter", "/images/harbour.jpg", "Boats", 3, 17
    )  # fmt: skip
    assert hero.caption == "Boats return before sunrise.\nPhoto: Ana Lima / CC BY-SA 4.0"
    caption, credit = hero.caption_parts
    assert (caption.line, caption.column, credit.line, credit.column) == (5, 16, 6, 15)
    assert source_of(article)[credit.start : credit.end] == "'Photo: Ana Lima / CC BY-SA 4.0'"


@pytest.mark.parametrize(
    ("front", "src", "alt", "caption"),
    [
        ("cover:\n  image: c.jpg\n  alt: Cover\n  caption: 'Photo: Ann'\n", "c.jpg", "Cover",
         "Photo: Ann"),
        ("image:\n  path: /p.jpg\n  caption: Quay\n  credit: Foto Bo\n", "/p.jpg", "",
         "Quay\nFoto Bo"),
        ("images:\n  - one.jpg\n  - two.jpg\nimage_credit: © Lee\n", "one.jpg", "", "© Lee"),
        ("hero_image: h.jpg\nhero_credit: Credit Jo\nimage_alt: Hero\n", "h.jpg", "Hero",
         "Credit Jo"),
        ("header:\n  image: hd.jpg\n  caption: 'Photo credit: Mo'\n", "hd.jpg", "",
         "Photo credit: Mo"),
    ],
)  # fmt: skip
def test_front_matter_key_variants(
    read: Read, front: str, src: str, alt: str, caption: str
) -> None:
    hero = only(read(f"---\n{front}---\nBody.\n"))
    assert (hero.src, hero.alt, hero.caption) == (src, alt, caption)


def test_front_matter_without_image_gives_no_figure(read: Read) -> None:
    assert read("---\ntitle: x\ntags: [a, b]\n---\nBody.\n").figures == ()


def test_malformed_front_matter_names_file_and_line(read: Read) -> None:
    with pytest.raises(ArticleError, match=r"^post\.md: line 3: front matter is not valid YAML"):
        read("---\ntitle: ok\nimage: [unclosed\n---\nBody.\n")


def test_front_matter_suppression_comment(read: Read) -> None:
    article = read(
        '---\n# attrcheck: disable-next=AC201 reason="bought"\nimage: a.jpg\n---\nBody.\n'
    )
    suppression = only(article).suppression
    assert suppression is not None
    assert (suppression.codes, suppression.reason, suppression.line) == (("AC201",), "bought", 2)


def test_ids_follow_document_order(read: Read) -> None:
    text = "---\nimage: hero.jpg\n---\n\n![a](a.jpg)\n\n<img src='b.jpg'>\n\n![c](c.jpg)\n"
    article = read(text, name="news.md")
    assert [(f.id, f.index, f.src) for f in article.figures] == [
        ("news.md#1", 1, "hero.jpg"),
        ("news.md#2", 2, "a.jpg"),
        ("news.md#3", 3, "b.jpg"),
        ("news.md#4", 4, "c.jpg"),
    ]
    assert all(f.article == "news.md" for f in article.figures)


def test_images_in_lists_blockquotes_tables_and_headings(read: Read) -> None:
    text = (
        "- item\n"
        "- ![L](list.jpg)\n\n"
        "  Photo: In List\n\n"
        "> ![Q](quote.jpg)\n"
        ">\n"
        "> Photo: In Quote\n\n"
        "| a | b |\n"
        "| - | - |\n"
        "| x | ![T](table.jpg) |\n\n"
        "## Title ![H](heading.png)\n"
    )
    article = read(text)
    positions = [(f.src, f.line, f.column, f.caption) for f in article.figures]
    assert positions == [
        ("list.jpg", 2, 3, "Photo: In List"),
        ("quote.jpg", 6, 3, "Photo: In Quote"),
        ("table.jpg", 12, 7, ""),
        ("heading.png", 14, 10, ""),
    ]
    assert_parts_point_at_text(article)


def test_images_in_code_are_not_figures(read: Read) -> None:
    text = "```markdown\n![x](x.jpg)\n```\n\n    ![y](y.jpg)\n\nUse `![z](z.jpg)`.\n"
    assert read(text).figures == ()


def test_gallery_paragraph_shares_its_caption_but_not_for_fix(read: Read) -> None:
    figures = read("![a](a.jpg) ![b](b.jpg)\n\nPhotos: Ann Ode\n").figures
    assert [f.caption for f in figures] == ["Photos: Ann Ode", "Photos: Ann Ode"]
    assert all(not part.editable for f in figures for part in f.caption_parts)


def test_crlf_line_endings_keep_positions_and_offsets(read: Read) -> None:
    article = read(SEED.replace("\n", "\r\n"))
    first, second = article.figures
    assert (first.line, first.caption_line, second.line, second.caption_line) == (5, 7, 11, 13)
    assert second.caption == (
        "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI"
    )
    part: CaptionPart = second.caption_parts[0]
    assert source_of(article)[part.start : part.end].endswith("(CC BY-NC-ND 2.0)\r\nPhoto by UKTI")
    assert_parts_point_at_text(article)


def test_byte_order_mark_is_accepted_and_offsets_exclude_it(read: Read, tmp_path: Path) -> None:
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf![a](a.jpg)\n\nPhoto: Ann\n")
    article = read_article(find_articles(["bom.md"])[0])
    figure = only(article)
    assert (figure.line, figure.column, figure.caption) == (1, 1, "Photo: Ann")
    part = figure.caption_parts[0]
    assert source_of(article)[part.start : part.end] == "Photo: Ann"


def test_html_caption_blocks_after_markdown_images(read: Read) -> None:
    text = (
        "![a](a.jpg)\n\n"
        '<p class="caption">Fishing boats.</p>\n\n'
        "Body.\n\n"
        "<figure>\n\n"
        "![b](b.jpg)\n\n"
        "<figcaption>Photo: Bo / CC BY 2.0</figcaption>\n"
        "</figure>\n\n"
        "![c](c.jpg)\n\n"
        "<div>An unrelated block</div>\n"
    )
    article = read(text)
    rows = [(f.src, f.caption, f.caption_line, f.caption_column) for f in article.figures]
    assert rows == [
        ("a.jpg", "Fishing boats.", 3, 20),
        ("b.jpg", "Photo: Bo / CC BY 2.0", 11, 13),
        ("c.jpg", "", None, None),
    ]
    assert all(p.kind == "sibling" for f in article.figures for p in f.caption_parts)
    assert_parts_point_at_text(article)


def test_hostile_inputs_do_not_break_the_reader(read: Read) -> None:
    deep = "<div>" * 5000 + '<img src="deep.jpg">' + "</div>" * 5000
    article = read(deep + "\n\n" + "[" * 3000 + "![x](x.jpg)\n\n" + "*" * 5000 + "\n")
    assert [f.src for f in article.figures] == ["deep.jpg", "x.jpg"]


def test_caption_on_the_same_line_as_the_image(read: Read) -> None:
    article = read(
        "![Bay](bay.jpg) *Photo: Ana Lima*\n\n![Quay](quay.jpg) and the rest of a sentence.\n"
    )
    bay, quay = article.figures
    assert (bay.caption, bay.caption_line, bay.caption_column) == ("*Photo: Ana Lima*", 1, 17)
    assert quay.caption == ""
    assert_parts_point_at_text(article)


def test_html_img_title_counts_when_it_reads_as_a_credit(read: Read) -> None:
    article = read(
        '<img src="a.jpg" title="Photo: Dee / CC BY 4.0">\n\nBody.\n\n'
        'Text <img src="b.jpg" title="A quiet quay"> more.\n'
    )
    a, b = article.figures
    assert (a.caption, [p.kind for p in a.caption_parts]) == (
        "Photo: Dee / CC BY 4.0",
        ["html-title"],
    )
    assert b.caption == ""


def test_toml_front_matter_hero_image(read: Read) -> None:
    text = (
        "+++\n"
        'title = "Harbour"\n'
        '# attrcheck: disable-next=AC301 reason="on file"\n'
        'featured_image = "/img/hero.jpg"\n'
        "image_credit = 'Photo: Ana Lima / CC BY-SA 4.0'\n"
        "[cover]\n"
        'caption = "Boats at dawn"\n'
        'alt = "Boats"\n'
        "+++\n\n"
        "![a](a.jpg)\n\n"
        "Photo: Bo\n"
    )
    article = read(text)
    hero, body = article.figures
    assert (hero.src, hero.alt, hero.line, hero.column) == ("/img/hero.jpg", "Boats", 4, 18)
    assert hero.caption == "Photo: Ana Lima / CC BY-SA 4.0\nBoats at dawn"
    assert [(p.line, p.column) for p in hero.caption_parts] == [(5, 16), (7, 11)]
    assert hero.suppression is not None and hero.suppression.line == 3
    assert (body.src, body.line, body.caption) == ("a.jpg", 11, "Photo: Bo")


def test_toml_front_matter_arrays_and_errors(read: Read) -> None:
    hero = only(read('+++\nimages = ["one.jpg", "two.jpg"]\n+++\nBody.\n'))
    assert (hero.src, hero.line, hero.column) == ("one.jpg", 2, 11)
    with pytest.raises(ArticleError, match=r"^post\.md: front matter is not valid TOML"):
        read("+++\nimage = \n+++\n")


def test_hugo_post_fixture() -> None:
    fixture = Path(__file__).parent / "fixtures/articles/hugo-post.md"
    article = read_article(find_articles([str(fixture)])[0])
    rows = [(f.kind, f.src, f.alt, f.line, f.column, f.caption) for f in article.figures]
    assert rows == [
        ("front-matter", "/images/harbour.jpg", "Fishing boats in the harbour", 3, 17,
         "Boats return before sunrise.\nPhoto: Ana Lima / CC BY-SA 4.0"),
        ("hugo-figure", "img/nets.jpg", "Nets drying", 11, 1,
         "Nets drying on the quay.\nPhoto by Tomás Ruiz, CC BY 4.0"),
        ("hugo-figure", "img/gulls.jpg", "Gulls", 13, 1, "Foto: Jan de Vries"),
    ]  # fmt: skip
    assert article.figures[1].credit_link == "https://example.org/ruiz"


def test_inline_html_link_around_an_inline_html_image(read: Read) -> None:
    figure = only(read('<a href="https://example.org/big.jpg"><img src="a.jpg"></a>\nPhoto: Ann\n'))
    assert (figure.link, figure.caption) == ("https://example.org/big.jpg", "Photo: Ann")


def test_caption_lines_inside_a_blockquote_are_read_but_not_rewritten(read: Read) -> None:
    figure = only(read("> ![a](a.jpg)\n> Photo: Ann\n> CC BY 2.0\n"))
    assert figure.caption == "Photo: Ann\nCC BY 2.0"
    assert not figure.caption_parts[0].editable
