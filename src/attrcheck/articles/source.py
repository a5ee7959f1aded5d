"""Reading an article's bytes as text, and mapping offsets to lines and columns.

The text keeps its own line endings (LF, CRLF or CR); a UTF-8 byte order mark is removed (and
remembered, so --fix writes it back). The parsers work on a copy with every line ending turned into
"\\n" (`norm`); `SourceText` maps offsets in that copy back to offsets, lines and columns in the
text as read — the two differ only in line endings, so a (line, column) pair is the same in both.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from pathlib import Path

from attrcheck.errors import ArticleError

UTF8_BOM = b"\xef\xbb\xbf"
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class ArticleSource:
    """An article's text as decoded (BOM removed, line endings kept) and whether it had a BOM."""

    text: str
    bom: bool = False


def decode_article(data: bytes, display: str) -> ArticleSource:
    """Decode article bytes; ArticleError (naming byte offset and line) if not UTF-8 text."""
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    _refuse_binary(body, display, offset=len(UTF8_BOM) if bom else 0)
    try:
        return ArticleSource(body.decode("utf-8"), bom)
    except UnicodeDecodeError as error:
        offset = error.start + (len(UTF8_BOM) if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        raise ArticleError(
            f"{display}: byte {offset} (line {line}): not valid UTF-8; save the file as UTF-8"
        ) from None


def _refuse_binary(body: bytes, display: str, offset: int) -> None:
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(f"{display}: the file is UTF-16; save it as UTF-8")
    nul = body.find(b"\0", 0, _SNIFF_BYTES)
    if nul >= 0:
        raise ArticleError(
            f"{display}: byte {nul + offset}: binary file (NUL byte), not a Markdown or HTML "
            "article; give a text article"
        )


def load_article_source(path: Path, display: str) -> ArticleSource:
    """Read and decode one article file; ArticleError when it cannot be read or is not text."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ArticleError(f"{display}: is a folder, not an article") from None
    except OSError as error:
        raise ArticleError(f"{display}: cannot read: {error.strerror or error}") from None
    return decode_article(data, display)


def encode_article(source: ArticleSource) -> bytes:
    return (UTF8_BOM if source.bom else b"") + source.text.encode("utf-8")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "\r":
            if index + 1 < length and text[index + 1] == "\n":
                index += 1
            starts.append(index + 1)
        elif char == "\n":
            starts.append(index + 1)
        index += 1
    return starts


class SourceText:
    """The article text, its newline-normalised copy `norm`, and offset/line/column mapping."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalise_newlines(text)
        self._starts = _line_starts(text)
        self._norm_starts = _line_starts(self.norm)

    @property
    def uses_crlf(self) -> bool:
        return "\r\n" in self.text

    def norm_position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into `norm` (the same in the original text)."""
        index = bisect.bisect_right(self._norm_starts, offset) - 1
        return index + 1, offset - self._norm_starts[index] + 1

    def to_original(self, offset: int) -> int:
        """Offset into `text` of an offset into `norm`."""
        line, column = self.norm_position(offset)
        return self._starts[line - 1] + column - 1

    def norm_line_start(self, line_index: int) -> int:
        """Offset into `norm` of the start of 0-based line `line_index`."""
        if line_index >= len(self._norm_starts):
            return len(self.norm)
        return self._norm_starts[line_index]

    def norm_line(self, line_index: int) -> str:
        """0-based line `line_index` of `norm`, without its newline."""
        start = self.norm_line_start(line_index)
        end = self.norm.find("\n", start)
        return self.norm[start:] if end < 0 else self.norm[start:end]
