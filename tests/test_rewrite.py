"""--fix on the article side: captions rewritten in place, escaped for their context, the rest of
the file byte for byte unchanged, idempotent."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from attrcheck.articles import (
    find_articles,
    plan_fix,
    read_article,
    read_source,
    rewrite_captions,
    write_source,
)
from attrcheck.articles.markdown import markdown_parser
from attrcheck.articles.shortcodes import find_shortcodes
from attrcheck.errors import ArticleError
from attrcheck.model import Article, CaptionPart, Figure, SuggestedAttribution, Suppression

SUGGESTION = SuggestedAttribution(
    text='"Trade mission" by UKTI is licensed under CC BY-NC-ND 2.0.',
    markdown='"Trade mission" by [UKTI](https://example.org/ukti) is licensed under '
    "[CC BY-NC-ND 2.0](https://creativecommons.org/licenses/by-nc-nd/2.0/).",
    html='"Trade mission" by <a href="https://example.org/ukti">UKTI</a> is licensed under '
    '<a rel="license" href="https://creativecommons.org/licenses/by-nc-nd/2.0/">'
    "CC BY-NC-ND 2.0</a>.",
)

SEED = (
    "# News\n\nBody.\n\n![Trade](img/ukti.jpg)\n\n"
    "Attribution-NonCommercial-NoDerivs 2.0 Generic (CC BY-NC-ND 2.0)\nPhoto by UKTI\n\n"
    "Closing paragraph.\n"
)


def load(tmp_path: Path, text: str, name: str = "post.md") -> tuple[str, Article]:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return text, read_article(find_articles([str(path)])[0])


def fix_all(text: str, article: Article) -> str:
    edits = [edit for f in article.figures if (edit := plan_fix(f, SUGGESTION)) is not None]
    return rewrite_captions(text, edits)


def test_caption_paragraph_is_replaced_and_nothing_else(tmp_path: Path) -> None:
    text, article = load(tmp_path, SEED)
    part = article.figures[0].caption_parts[0]
    new = fix_all(text, article)
    assert new == text[: part.start] + SUGGESTION.markdown + text[part.end :]
    assert new.startswith("# News\n\nBody.\n\n![Trade](img/ukti.jpg)\n\n")
    assert new.endswith("\n\nClosing paragraph.\n")


def test_fix_is_idempotent(tmp_path: Path) -> None:
    text, article = load(tmp_path, SEED)
    once = fix_all(text, article)
    again_text, again = load(tmp_path, once)
    assert again.figures[0].caption == SUGGESTION.markdown
    assert fix_all(again_text, again) == once
    edits = [(p, p.text) for f in article.figures for p in f.caption_parts]
    assert rewrite_captions(text, edits) == text


def test_parts_that_are_not_editable_are_refused(tmp_path: Path) -> None:
    text, article = load(tmp_path, "> ![a](a.jpg)\n> Photo: Ann\n> CC BY 2.0\n")
    part = article.figures[0].caption_parts[0]
    with pytest.raises(ArticleError, match="line 2: this caption cannot be rewritten in place"):
        rewrite_captions(text, [(part, "New")])


def test_crlf_is_kept_in_new_multiline_text(tmp_path: Path) -> None:
    text, article = load(tmp_path, SEED.replace("\n", "\r\n"))
    part = article.figures[0].caption_parts[0]
    new = rewrite_captions(text, [(part, "Photo by UKTI\nCC BY-NC-ND 2.0")])
    assert new == text[: part.start] + "Photo by UKTI\r\nCC BY-NC-ND 2.0" + text[part.end :]
    assert "\n" not in new.replace("\r\n", "")


@pytest.mark.parametrize("title", ['"Old"', "'Old'", "(Old)"])
def test_markdown_title_is_escaped_for_its_delimiter(tmp_path: Path, title: str) -> None:
    text, article = load(tmp_path, f"![x](x.jpg {title})\n")
    part = article.figures[0].caption_parts[0]
    wanted = 'Say "cheese" (it\'s \\ fine)'
    new = rewrite_captions(text, [(part, wanted)])
    image = markdown_parser().parseInline(new)[0].children[0]  # type: ignore[index]
    assert image.attrs["title"] == wanted
    assert new.startswith("![x](x.jpg ") and new.endswith(")\n")
    _, again = load(tmp_path, new)
    assert rewrite_captions(new, [(again.figures[0].caption_parts[0], wanted)]) == new


def test_hugo_attr_quoting(tmp_path: Path) -> None:
    text, article = load(
        tmp_path, '{{< figure src="a.jpg" attr="Old" >}}\n{{< figure src="b.jpg" attr=Old >}}\n'
    )
    wanted = 'Photo by "Jo" Lee, CC BY 4.0'
    edits = [(f.caption_parts[0], wanted) for f in article.figures]
    new = rewrite_captions(text, edits)
    values = [code.params["attr"].value for code in find_shortcodes(new)]
    assert values == [wanted, wanted]
    _, again = load(tmp_path, new)
    assert rewrite_captions(new, [(f.caption_parts[0], wanted) for f in again.figures]) == new


def test_figcaption_takes_html_and_escapes_plain_text(tmp_path: Path) -> None:
    text, article = load(
        tmp_path, "<figure><img src='a.jpg'><figcaption>Old</figcaption></figure>\n", "p.html"
    )
    part = article.figures[0].caption_parts[0]
    assert rewrite_captions(text, [(part, SUGGESTION.html)]) == text.replace("Old", SUGGESTION.html)
    assert rewrite_captions(text, [(part, "A & B <C>")]) == text.replace(
        "Old", "A &amp; B &lt;C&gt;"
    )


def test_data_credit_attribute_is_html_escaped(tmp_path: Path) -> None:
    text, article = load(tmp_path, '<p>x</p>\n<img src="a.jpg" data-credit="Old">\n', "p.html")
    part = article.figures[0].caption_parts[0]
    new = rewrite_captions(text, [(part, 'Photo "A" & B')])
    assert new == '<p>x</p>\n<img src="a.jpg" data-credit="Photo &quot;A&quot; &amp; B">\n'
    _, again = load(tmp_path, new, "p.html")
    assert again.figures[0].caption_parts[0].text == "Photo &quot;A&quot; &amp; B"


def test_front_matter_value_becomes_a_yaml_string(tmp_path: Path) -> None:
    text, article = load(
        tmp_path, "---\nimage: a.jpg\nimage_credit: Old credit # note\n---\nBody\n"
    )
    part = article.figures[0].caption_parts[0]
    wanted = 'Photo: "Ann": CC BY 4.0 # not a comment'
    new = rewrite_captions(text, [(part, wanted)])
    assert yaml.safe_load(new.split("---\n")[1])["image_credit"] == wanted
    assert new.endswith(" # note\n---\nBody\n")
    _, again = load(tmp_path, new)
    assert again.figures[0].caption == wanted
    assert rewrite_captions(new, [(again.figures[0].caption_parts[0], wanted)]) == new


def test_stale_and_overlapping_edits_are_refused(tmp_path: Path) -> None:
    text, article = load(tmp_path, SEED)
    part = article.figures[0].caption_parts[0]
    with pytest.raises(ArticleError, match="line 7: caption changed since it was read"):
        rewrite_captions(text.replace("by UKTI", "by UKTJ"), [(part, "New")])
    inner = replace(part, start=part.start + 2, end=part.end - 2, text=part.text[2:-2])
    with pytest.raises(ArticleError, match="overlap"):
        rewrite_captions(text, [(part, "A"), (inner, "B")])


def figure_with(parts: tuple[CaptionPart, ...], suppression: Suppression | None = None) -> Figure:
    return Figure(id="p#1", article="p", index=1, src="a.jpg", alt="", caption="", line=1,
                  column=1, caption_parts=parts, suppression=suppression)  # fmt: skip


def part(kind: str, text: str = "Old", editable: bool = True) -> CaptionPart:
    return CaptionPart(kind, text, 0, len(text), 1, 1, editable)


def test_plan_fix_chooses_the_credit_part_and_the_fitting_form() -> None:
    hugo = figure_with((part("hugo-caption"), part("hugo-attr")))
    assert plan_fix(hugo, SUGGESTION) == (part("hugo-attr"), SUGGESTION.markdown)
    paragraphs = figure_with((part("title"), part("paragraph", "*A*"), part("paragraph", "B")))
    assert plan_fix(paragraphs, SUGGESTION) == (part("paragraph", "B"), SUGGESTION.markdown)
    emphasised = figure_with((part("paragraph", "*Photo: Old*"),))
    assert plan_fix(emphasised, SUGGESTION) == (
        part("paragraph", "*Photo: Old*"), f"*{SUGGESTION.markdown}*"
    )  # fmt: skip
    assert plan_fix(figure_with((part("figcaption"),)), SUGGESTION) == (
        part("figcaption"), SUGGESTION.html
    )  # fmt: skip
    assert plan_fix(figure_with((part("title"),)), SUGGESTION) == (part("title"), SUGGESTION.text)


def test_plan_fix_leaves_suppressed_uneditable_and_uncaptioned_figures() -> None:
    suppressed = figure_with((part("paragraph"),), Suppression(("AC104",), "r", 1, 1))
    assert plan_fix(suppressed, SUGGESTION) is None
    assert plan_fix(figure_with((part("paragraph", editable=False),)), SUGGESTION) is None
    assert plan_fix(figure_with(()), SUGGESTION) is None
    assert plan_fix(figure_with((part("paragraph"),)), None) is None


def test_write_source_keeps_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_bytes(b"\xef\xbb\xbf![a](a.jpg)\r\n\r\nPhoto: Old\r\n")
    file = find_articles([str(path)])[0]
    source = read_source(file)
    figure = read_article(file).figures[0]
    write_source(
        path, source, rewrite_captions(source.text, [(figure.caption_parts[0], "Photo: New")])
    )
    assert path.read_bytes() == b"\xef\xbb\xbf![a](a.jpg)\r\n\r\nPhoto: New\r\n"


def test_toml_front_matter_value_is_rewritten_as_a_toml_string(tmp_path: Path) -> None:
    text, article = load(tmp_path, "+++\nimage = 'a.jpg'\nimage_credit = 'Old'\n+++\nBody\n")
    part = article.figures[0].caption_parts[0]
    wanted = 'Photo: "Ann" \\ CC BY 4.0'
    new = rewrite_captions(text, [(part, wanted)])
    assert tomllib.loads(new.split("+++\n")[1])["image_credit"] == wanted
    _, again = load(tmp_path, new)
    assert again.figures[0].caption == wanted
