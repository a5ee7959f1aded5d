"""Resolving a figure's src: relative to the article, absolute against the root, remote, data."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.articles import ArticleFile, resolve_image
from attrcheck.model import Figure, ImageRef


@pytest.fixture
def article(tmp_path: Path) -> ArticleFile:
    (tmp_path / "content/2020").mkdir(parents=True)
    (tmp_path / "static/img").mkdir(parents=True)
    (tmp_path / "static/img/logo.png").write_bytes(b"x")
    return ArticleFile(tmp_path / "content/2020/post.md", "content/2020/post.md", tmp_path)


def resolve(src: str, file: ArticleFile) -> ImageRef:
    figure = Figure(id="p#1", article="p", index=1, src=src, alt="", caption="", line=1, column=1)
    return resolve_image(figure, file)


def test_relative_paths_resolve_against_the_article_folder(article: ArticleFile) -> None:
    base = article.path.parent
    assert resolve("img/a.jpg", article) == ImageRef("local", path=str(base / "img/a.jpg"))
    assert resolve("./img/a.jpg", article).path == str(base / "img/a.jpg")
    assert resolve("../../shared/b.jpg", article).path == str(article.root / "shared/b.jpg")


def test_absolute_paths_resolve_against_the_root(article: ArticleFile) -> None:
    assert resolve("/img/x.jpg", article).path == str(article.root / "img/x.jpg")


def test_absolute_paths_fall_back_to_static_folder(article: ArticleFile) -> None:
    assert resolve("/img/logo.png", article).path == str(article.root / "static/img/logo.png")


def test_percent_escapes_query_and_fragment(article: ArticleFile) -> None:
    base = article.path.parent
    ref = resolve("img/caf%C3%A9%20bar.jpg?w=800#top", article)
    assert ref == ImageRef("local", path=str(base / "img/café bar.jpg"))


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("https://example.org/a.jpg?x=1", ImageRef("remote", url="https://example.org/a.jpg?x=1")),
        ("HTTP://example.org/a.jpg", ImageRef("remote", url="HTTP://example.org/a.jpg")),
        ("//cdn.example.org/a.jpg", ImageRef("remote", url="https://cdn.example.org/a.jpg")),
        ("data:image/png;base64,iVBOR", ImageRef("data", reason="inline data: URI")),
        ("", ImageRef("missing", reason="the image has no src")),
        (
            "mailto:x@example.org",
            ImageRef("missing", reason="unsupported image address scheme mailto:"),
        ),
        ("file:///srv/img/a.jpg", ImageRef("local", path="/srv/img/a.jpg")),
    ],
)
def test_other_kinds(article: ArticleFile, src: str, expected: ImageRef) -> None:
    assert resolve(src, article) == expected


def test_template_prefix_is_dropped(article: ArticleFile) -> None:
    assert resolve("{{ site.baseurl }}/img/x.jpg", article).path == str(article.root / "img/x.jpg")
