"""Stage `articles`: find article files and read their figures (issue 2); rewrite captions (#6).

API (called by the engine):

- `find_articles(paths, root=None) -> list[ArticleFile]`
- `read_article(file) -> Article` (figures in document order, ids `<display>#n`, suppressions)
- `resolve_image(figure, file) -> ImageRef`
- `rewrite_captions(text, edits) -> str`; `plan_fix(figure, suggestion)` picks the caption part
  --fix rewrites and the form of the suggestion that fits it; `read_source` / `write_source` read
  and write an article's text keeping its BOM and line endings.

Conventions are documented in docs/articles.md and in the reader modules' docstrings.
"""

from __future__ import annotations

from attrcheck.articles.discover import ARTICLE_SUFFIXES, ArticleFile, find_articles
from attrcheck.articles.drafts import finish_figures, to_suppression
from attrcheck.articles.html import read_html
from attrcheck.articles.images import resolve_image
from attrcheck.articles.markdown import read_markdown
from attrcheck.articles.rewrite import plan_fix, read_source, rewrite_captions, write_source
from attrcheck.articles.source import ArticleSource, SourceText, load_article_source
from attrcheck.model import Article

__all__ = [
    "ARTICLE_SUFFIXES",
    "ArticleFile",
    "ArticleSource",
    "find_articles",
    "plan_fix",
    "read_article",
    "read_source",
    "resolve_image",
    "rewrite_captions",
    "write_source",
]


def read_article(file: ArticleFile) -> Article:
    """Read one article's figures and suppression comments.

    Raises ArticleError when the file cannot be read, is binary, is not UTF-8, or has front
    matter that is not valid YAML.
    """
    loaded = load_article_source(file.path, file.display)
    source = SourceText(loaded.text)
    if file.format == "html":
        drafts, suppressions = read_html(source.norm)
    else:
        drafts, suppressions = read_markdown(source, file.display)
    unique = sorted({(s.offset, s.codes, s.reason): s for s in suppressions}.values(),
                    key=lambda s: s.offset)  # fmt: skip
    return Article(
        path=file.display,
        file=str(file.path),
        format="html" if file.format == "html" else "markdown",
        figures=finish_figures(drafts, source, file.display),
        suppressions=tuple(to_suppression(s, source) for s in unique),
    )
