"""Figures and captions read from HTML articles (.html/.htm)."""

from __future__ import annotations

from pathlib import Path

from attrcheck.articles import find_articles, read_article
from attrcheck.model import Article

FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def read(tmp_path: Path, text: str, name: str = "page.html") -> Article:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return read_article(find_articles([str(path)])[0])


def assert_parts_point_at_text(article: Article) -> None:
    text = Path(article.file).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    for figure in article.figures:
        for part in figure.caption_parts:
            assert text[part.start : part.end] == part.text


def test_gallery_fixture_conventions() -> None:
    article = read_article(find_articles([str(FIXTURES / "gallery.html")])[0])
    rows = [
        (f.kind, f.src, f.alt, f.line, f.column, f.caption, f.caption_line, f.caption_column,
         f.link, [p.kind for p in f.caption_parts])
        for f in article.figures
    ]  # fmt: skip
    assert rows == [
        ("html-figure", "img/stall.jpg", "A fruit stall", 12, 5,
         'Fruit for sale. <span class="credit">Photo: Mia Chen / CC BY 2.0</span>', 13, 17, None,
         ["figcaption"]),
        ("html-img", "/img/crowd.jpg", "Crowd", 17, 50, "Picture by Sam Okafor", 19, 27,
         "https://example.org/full/crowd.jpg", ["sibling"]),
        ("html-img", "img/bread.jpg", "Bread", 21, 3, "Reuters/Ola Berg", 21, 53, None,
         ["data-credit"]),
        ("html-img", "img/cheese.jpg", "Cheese", 24, 5, "Cheese &amp; wine, © Lea Roth", 26, 25,
         None, ["sibling"]),
    ]  # fmt: skip
    assert article.format == "html"
    assert article.figures[2].suppression is not None
    assert article.figures[2].suppression.reason == "agency contract 77"
    assert_parts_point_at_text(article)


def test_credit_element_inside_figure_outside_figcaption(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<figure><img src="a.jpg"><span class="photo-credit">© Ann</span>\n'
        "<figcaption>The quay</figcaption></figure>",
    )
    (figure,) = article.figures
    assert figure.caption == "© Ann\nThe quay"
    assert [p.kind for p in figure.caption_parts] == ["sibling", "figcaption"]


def test_figure_with_several_images_shares_a_caption_not_editable(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<figure><img src="a.jpg"><img src="b.jpg"><figcaption>Photos: Ann</figcaption></figure>',
    )
    assert [f.caption for f in article.figures] == ["Photos: Ann", "Photos: Ann"]
    assert not any(p.editable for f in article.figures for p in f.caption_parts)


def test_figcaption_with_block_content_is_not_editable(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<figure><img src="a.jpg"><figcaption><p>One</p><p>Photo: Two</p></figcaption></figure>',
    )
    (part,) = article.figures[0].caption_parts
    assert not part.editable


def test_lazy_sources_srcset_and_picture_without_img_src(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<img src="data:image/gif;base64,R0lGOD" data-src="lazy.jpg">\n'
        '<img srcset="small.jpg 480w, big.jpg 1080w">\n'
        '<picture><source srcset="p.avif 1x, p2.avif 2x"><img alt="P"></picture>\n',
    )
    assert [f.src for f in article.figures] == ["lazy.jpg", "small.jpg", "p.avif"]


def test_head_noscript_template_and_tracking_pixels_are_not_figures(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<html><head><img src="og.jpg"></head><body>'
        '<noscript><img src="n.jpg"></noscript><template><img src="t.jpg"></template>'
        '<img src="px.gif" width="1" height="1"><img src="real.jpg"></body></html>',
    )
    assert [f.src for f in article.figures] == ["real.jpg"]


def test_caption_class_must_follow_directly(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        '<div><img src="a.jpg"></div>\n<p>Body text</p>\n<p class="caption">Photo: late</p>',
    )
    assert article.figures[0].caption == ""


def test_crlf_html(tmp_path: Path) -> None:
    text = (
        '<figure>\r\n  <img src="a.jpg">\r\n  <figcaption>\r\n    Photo: Ann\r\n'
        "  </figcaption>\r\n</figure>\r\n"
    )
    article = read(tmp_path, text, name="page.htm")
    (figure,) = article.figures
    assert (figure.line, figure.column, figure.caption_line, figure.caption_column) == (2, 3, 4, 5)
    part = figure.caption_parts[0]
    assert text[part.start : part.end] == "Photo: Ann"


def test_paragraph_captions_after_an_image_paragraph(tmp_path: Path) -> None:
    article = read(
        tmp_path,
        "<html><body>\n"
        '<p><img src="a.jpg" alt="Two ministers"></p>\n'
        "<p>Picture by Pippa Fowles / No 10 Downing Street.</p>\n"
        "<p>Body text.</p>\n"
        '<p><img src="b.jpg"></p>\n'
        "<p>Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)<br>\n"
        "Photo by UKTI</p>\n"
        '<p><img src="c.jpg"><br>\n<em>A quiet quay</em></p>\n'
        '<p><img src="d.jpg"></p>\n'
        "<p><i>Sunset over the bay</i></p>\n"
        '<p><img src="e.jpg"></p>\n'
        "<p>The council met on Monday.</p>\n"
        "</body></html>\n",
    )
    rows = [(f.src, f.caption, f.caption_line, f.caption_column) for f in article.figures]
    assert rows == [
        ("a.jpg", "Picture by Pippa Fowles / No 10 Downing Street.", 3, 4),
        ("b.jpg", "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)<br>\n"
         "Photo by UKTI", 6, 4),
        ("c.jpg", "<em>A quiet quay</em>", 9, 1),
        ("d.jpg", "<i>Sunset over the bay</i>", 11, 4),
        ("e.jpg", "", None, None),
    ]  # fmt: skip
    assert_parts_point_at_text(article)


def test_malformed_declarations_do_not_stop_the_reader(tmp_path: Path) -> None:
    article = read(tmp_path, '<p><![a](x)> <img src="a.jpg"></p>\n<p class="credit">Photo: Ann</p>')
    assert [(f.src, f.caption) for f in article.figures] == [("a.jpg", "Photo: Ann")]
