"""Random mixes of Markdown, HTML, shortcode and front matter fragments: the reader never fails
(beyond a clear front matter error), caption parts always point at their text, and --fix with a
realistic suggestion is idempotent."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from attrcheck.articles import find_articles, plan_fix, read_article, read_source, rewrite_captions
from attrcheck.errors import ArticleError
from attrcheck.model import SuggestedAttribution

SUGGESTION = SuggestedAttribution(
    '"T" by A is licensed under CC BY 2.0.',
    '"T" by [A](http://a) is licensed under [CC BY 2.0](https://creativecommons.org/licenses/by/2.0/).',
    '"T" by <a href="http://a">A</a> is licensed under '
    '<a rel="license" href="https://creativecommons.org/licenses/by/2.0/">CC BY 2.0</a>.',
)
FRAGMENTS = [
    "![a](a.jpg)", '![a](a.jpg "t")', "[![b](b.jpg)](http://l)", "\n", "\n\n", "Photo: X", "*cap*",
    "<img src=x>", "<figure>", "</figure>", "<figcaption>Photo</figcaption>",
    '{{< figure src="h.jpg" attr="A" >}}', "{{< figure", ">}}",
    '<!-- attrcheck: disable-next=AC1 reason="r" -->', "---", "+++", "title: x", "image: y.jpg",
    "> ", "- ", "1. ", "    ", "```", "|a|b|\n|-|-|\n|![c](c.jpg)|d|", '[r]: r.jpg "T"', "![r][r]",
    "\r\n", "\r", "\t", "`code`", "<p class=caption>", "</p>", "<br>", "&amp;", "\\", '"', "'",
    "(", ")", "[", "]", "ü", "€", "<", ">", "=", "`", "<![x]>",
]  # fmt: skip


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pytest.mark.parametrize("name", ["post.md", "page.html"])
def test_random_articles(tmp_path: Path, name: str) -> None:
    chooser = random.Random(20260101)
    path = tmp_path / name
    for _ in range(150):
        text = "".join(chooser.choice(FRAGMENTS) for _ in range(chooser.randint(1, 25)))
        path.write_bytes(text.encode("utf-8"))
        file = find_articles([str(path)])[0]
        try:
            article = read_article(file)
        except ArticleError as error:
            assert "front matter" in str(error)
            continue
        source = read_source(file).text
        for figure in article.figures:
            for part in figure.caption_parts:
                if part.kind != "front-matter" and part.editable:
                    assert normalised(source[part.start : part.end]) == part.text
        edits = [edit for f in article.figures if (edit := plan_fix(f, SUGGESTION))]
        fixed = rewrite_captions(source, edits)
        path.write_bytes(fixed.encode("utf-8"))
        again = read_article(file)
        edits = [edit for f in again.figures if (edit := plan_fix(f, SUGGESTION))]
        assert rewrite_captions(fixed, edits) == fixed, text
