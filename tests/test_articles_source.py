"""Reading an article's bytes: BOM, CRLF, binary files, invalid UTF-8, unreadable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from attrcheck.articles import find_articles, read_article
from attrcheck.articles.source import SourceText, decode_article
from attrcheck.errors import ArticleError


def write_and_read(tmp_path: Path, data: bytes, name: str = "post.md") -> None:
    (tmp_path / name).write_bytes(data)
    read_article(find_articles([str(tmp_path / name)])[0])


def test_invalid_utf8_names_byte_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("post.md").write_bytes(b"line one\nline two\ncaf\xe9\n")
    with pytest.raises(ArticleError) as error:
        read_article(find_articles(["post.md"])[0])
    assert str(error.value) == "post.md: byte 21 (line 3): not valid UTF-8; save the file as UTF-8"


def test_invalid_utf8_after_a_bom_counts_the_bom() -> None:
    with pytest.raises(ArticleError, match=r"^a\.md: byte 4 \(line 1\)"):
        decode_article(b"\xef\xbb\xbfa\xff", "a.md")


def test_binary_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"post\.md: byte 4: binary file \(NUL byte\)"):
        write_and_read(tmp_path, b"\x89PNG\x00\x00\x00\rIHDR")


def test_utf16_is_refused_with_advice() -> None:
    with pytest.raises(ArticleError, match=r"a\.md: the file is UTF-16; save it as UTF-8"):
        decode_article("hello".encode("utf-16"), "a.md")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "post.md"
    path.write_text("x", encoding="utf-8")
    file = find_articles([str(path)])[0]

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(ArticleError, match=r"post\.md: cannot read: Permission denied$"):
        read_article(file)


def test_bom_is_removed_and_remembered() -> None:
    source = decode_article(b"\xef\xbb\xbf# Title\r\n", "a.md")
    assert (source.text, source.bom) == ("# Title\r\n", True)


def test_source_text_maps_crlf_and_cr_offsets() -> None:
    text = "ab\r\ncd\ref\ngh"
    source = SourceText(text)
    assert source.norm == "ab\ncd\nef\ngh"
    for line, column, char in ((2, 2, "d"), (3, 1, "e"), (4, 2, "h")):
        norm_offset = source.norm.index(char)
        assert source.norm_position(norm_offset) == (line, column)
        assert text[source.to_original(norm_offset)] == char
    assert source.uses_crlf
