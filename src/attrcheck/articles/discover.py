"""Find the article files named on the command line.

Folders are searched recursively for Markdown (.md .markdown) and HTML (.html .htm) files, in a
sorted, deterministic order; hidden folders and files (name starting with ".") and `node_modules`
are skipped. Each article carries its *root*: the folder that absolute image paths (`/img/x.jpg`)
start from — `--root DIR` when given, else the folder named on the command line, or for a file
argument its parent folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from attrcheck.errors import ArticleError

MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = MARKDOWN_SUFFIXES + HTML_SUFFIXES
SKIPPED_FOLDERS = frozenset({"node_modules"})
_ACCEPTED = " ".join(ARTICLE_SUFFIXES)


@dataclass(frozen=True)
class ArticleFile:
    """One article to read: where it is, how to show it, and where `/absolute` paths start."""

    path: Path  # absolute
    display: str  # as given on the command line, or given folder + relative path (POSIX form)
    root: Path  # absolute

    @property
    def format(self) -> str:
        return "html" if self.path.suffix.lower() in HTML_SUFFIXES else "markdown"


def is_article_name(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in ARTICLE_SUFFIXES


def find_articles(paths: Sequence[str], root: str | None = None) -> list[ArticleFile]:
    """The articles named by `paths` (files or folders), in argument order, each folder sorted.

    Raises ArticleError for a path that does not exist, a folder without articles, or a file
    given explicitly whose extension is not an article's.
    """
    root_path = Path(root).resolve() if root else None
    if root_path is not None and not root_path.is_dir():
        raise ArticleError(f"{root}: --root is not a folder")
    found: list[ArticleFile] = []
    seen: set[Path] = set()
    for given in paths:
        for article in _articles_for(given, root_path):
            if article.path not in seen:
                seen.add(article.path)
                found.append(article)
    return found


def _articles_for(given: str, root: Path | None) -> list[ArticleFile]:
    path = Path(given)
    if not path.exists():
        raise ArticleError(f"{given}: no such file or folder")
    if path.is_dir():
        return _articles_in_folder(given, path, root)
    if not is_article_name(path.name):
        raise ArticleError(
            f"{given}: not a Markdown or HTML article; attrcheck reads {_ACCEPTED} files"
        )
    absolute = path.resolve()
    return [ArticleFile(absolute, _posix(given), root or absolute.parent)]


def _articles_in_folder(given: str, folder: Path, root: Path | None) -> list[ArticleFile]:
    base = folder.resolve()
    articles = [
        ArticleFile(
            path=(base / relative).resolve(),
            display=_posix(os.path.normpath(os.path.join(given, relative))),
            root=root or base,
        )
        for relative in sorted(_relative_article_names(base))
    ]
    if not articles:
        shown = given if given.endswith(("/", os.sep)) else given + "/"
        raise ArticleError(f"{shown}: no Markdown or HTML articles found (looked for {_ACCEPTED})")
    return articles


def _relative_article_names(base: Path) -> Iterator[str]:
    for folder, subfolders, files in os.walk(base):
        subfolders[:] = sorted(
            name for name in subfolders if not name.startswith(".") and name not in SKIPPED_FOLDERS
        )
        for name in files:
            if not name.startswith(".") and is_article_name(name):
                full = os.path.join(folder, name)
                if os.path.isfile(full):
                    yield os.path.relpath(full, base)


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")
