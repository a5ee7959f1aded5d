"""Finding articles: folders searched recursively, hidden folders and node_modules skipped,
deterministic order, roots, and the bad inputs (each one clear message)."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.articles import ArticleFile, find_articles
from attrcheck.errors import ArticleError


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    touch(
        tmp_path / "content",
        "b.md", "a.markdown", "z/page.HTML", "z/old.htm", "notes.txt", "img/a.jpg",
        ".hidden/secret.md", "node_modules/pkg/readme.md", ".draft.md", "sub/.git/x.md",
    )  # fmt: skip
    return tmp_path


def test_folder_is_searched_recursively_in_sorted_order(site: Path) -> None:
    found = find_articles(["content"])
    assert [a.display for a in found] == [
        "content/a.markdown", "content/b.md", "content/z/old.htm", "content/z/page.HTML"
    ]  # fmt: skip
    assert all(a.root == site / "content" for a in found)
    assert all(a.path.is_absolute() and a.path.is_file() for a in found)


def test_trailing_slash_and_dot(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert find_articles(["content/"])[0].display == "content/a.markdown"
    monkeypatch.chdir(site / "content")
    assert [a.display for a in find_articles(["."])][:2] == ["a.markdown", "b.md"]


def test_file_argument_root_is_its_folder(site: Path) -> None:
    (article,) = find_articles(["content/z/page.HTML"])
    assert article == ArticleFile(
        site / "content/z/page.HTML", "content/z/page.HTML", site / "content/z"
    )
    assert article.format == "html"


def test_root_option_overrides(site: Path) -> None:
    found = find_articles(["content/b.md", "content/z"], root=str(site))
    assert [a.root for a in found] == [site, site, site]


def test_arguments_keep_their_order_and_duplicates_are_dropped(site: Path) -> None:
    found = find_articles(["content/z/old.htm", "content"])
    assert [a.display for a in found] == [
        "content/z/old.htm", "content/a.markdown", "content/b.md", "content/z/page.HTML"
    ]  # fmt: skip


def test_nonexistent_path(site: Path) -> None:
    with pytest.raises(ArticleError) as error:
        find_articles(["nosuch.md"])
    assert str(error.value) == "nosuch.md: no such file or folder"


def test_folder_without_articles(site: Path) -> None:
    (site / "drafts").mkdir()
    touch(site / "drafts", "notes.txt", ".hidden/a.md")
    with pytest.raises(ArticleError) as error:
        find_articles(["drafts"])
    assert str(error.value) == (
        "drafts/: no Markdown or HTML articles found (looked for .md .markdown .html .htm)"
    )


def test_file_with_another_extension(site: Path) -> None:
    with pytest.raises(ArticleError) as error:
        find_articles(["content/notes.txt"])
    assert str(error.value) == (
        "content/notes.txt: not a Markdown or HTML article; attrcheck reads .md .markdown .html "
        ".htm files"
    )


def test_root_that_is_not_a_folder(site: Path) -> None:
    with pytest.raises(ArticleError, match="nowhere: --root is not a folder"):
        find_articles(["content"], root="nowhere")
