"""Caption markup -> plain text plus the links it carried, with their spans in the plain text.

Inline Markdown (links, emphasis, autolinks, images, code) is read by markdown-it-py in inline
mode; inline HTML tags inside it (a, em, br, img, ...) are read by the standard library's
HTMLParser, one tag token at a time; entities are decoded by markdown-it. A caption with none of
the characters that start markup skips the parser (the common case, and the fast one); so does
one whose only such characters cannot make markup ("z_wei", "[LC-DIG-highsm-25031]").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

MARKUP_CHARS = frozenset("[<&*_`\\")
MARKDOWN_CHARS = frozenset("[*_`\\")
_OTHER_MARKUP_CHARS = frozenset("<&*`\\\n")  # all but "[" and "_" (see _makes_no_markup)
_UNDERSCORES = re.compile(r"_+")
_INLINE_RULES = [
    "entity", "escape", "backticks", "emphasis", "link", "image", "autolink", "html_inline",
    "newline",
]  # fmt: skip


class _InlineMarkdown(MarkdownIt):
    """markdown-it that keeps link targets exactly as written: nothing is rendered, so no URL is
    percent-encoded or refused (the licence database matches targets as written)."""

    def normalizeLink(self, url: str) -> str:
        return url

    def validateLink(self, url: str) -> bool:
        return True


_MD = _InlineMarkdown("zero", {"html": True, "maxNesting": 20}).enable(_INLINE_RULES)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BREAK_TAGS = frozenset({"br", "p", "div", "li", "figcaption", "tr", "hr", "h1", "h2", "h3"})
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript"})
_MAX_OPEN_LINKS = 32


@dataclass(frozen=True)
class Link:
    """A link in the plain text: `start`/`end` delimit its text."""

    start: int
    end: int
    url: str
    text: str


@dataclass(frozen=True)
class Plain:
    text: str
    links: tuple[Link, ...]


class _TagReader(HTMLParser):
    """Collects (kind, tag, attrs) events from tag-only input."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("start", tag, {k: v or "" for k, v in attrs}))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("empty", tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag, {}))


class _Builder:
    """Appends text with runs of white space collapsed, records link spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.last = "\n"
        self.links: list[Link] = []
        self.open_links: list[tuple[int, str]] = []
        self.skip_depth = 0

    def add(self, text: str) -> None:
        if self.skip_depth or not text:
            return
        text = _SPACES.sub(" ", text)
        if text[0] == " " and self.last in " \n":
            text = text[1:]
        if text:
            self.parts.append(text)
            self.length += len(text)
            self.last = text[-1]

    def newline(self) -> None:
        if self.last == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        if self.last != "\n":
            self.parts.append("\n")
            self.length += 1
            self.last = "\n"

    def open_link(self, url: str) -> None:
        if len(self.open_links) < _MAX_OPEN_LINKS:
            self.open_links.append((self.length, url.strip()))

    def close_link(self) -> None:
        if not self.open_links:
            return
        start, url = self.open_links.pop()
        text = "".join(self.parts)[start : self.length]
        stripped = text.strip()
        if url and stripped:
            lead = len(text) - len(text.lstrip())
            begin = start + lead
            self.links.append(Link(begin, begin + len(stripped), url, stripped))

    def result(self) -> Plain:
        while self.open_links:
            self.close_link()
        text = "".join(self.parts)
        body = text.strip()
        shift = len(text) - len(text.lstrip())
        links = sorted(
            (
                Link(link.start - shift, link.end - shift, link.url, link.text)
                for link in self.links
            ),
            key=lambda link: link.start,
        )
        return Plain(body, tuple(links))


def to_plain(caption: str) -> Plain:
    """The caption's text with markup removed, and its links."""
    if MARKUP_CHARS.isdisjoint(caption):
        return _from_text(caption)
    if MARKDOWN_CHARS.isdisjoint(caption):
        if "<" not in caption:
            return _from_text(html.unescape(caption))
        return _from_html(caption)
    if _makes_no_markup(caption):
        return _from_text(caption)
    return _from_markdown(caption)


def _makes_no_markup(caption: str) -> bool:
    """Whether the caption's only Markdown characters are ones the inline parser would keep as
    text: a "[" with no "](" anywhere (a caption defines no link references, so no link or image
    can open), and "_" between two letters or digits ("z_wei": such a run is both left- and
    right-flanking, so it can neither open nor close emphasis). Anything else goes to the parser,
    and so does a line break (the parser reads it as a space)."""
    if not _OTHER_MARKUP_CHARS.isdisjoint(caption) or "](" in caption:
        return False
    for run in _UNDERSCORES.finditer(caption) if "_" in caption else ():
        start, end = run.span()
        if start == 0 or end == len(caption):
            return False
        if not (caption[start - 1].isalnum() and caption[end].isalnum()):
            return False
    return True


def _from_text(caption: str) -> Plain:
    if "\n" not in caption:  # what the builder makes of one line, in one step
        return Plain(_SPACES.sub(" ", caption).strip(), ())
    builder = _Builder()
    for number, line in enumerate(caption.split("\n")):
        if number:
            builder.newline()
        builder.add(line)
    return builder.result()


class _FragmentReader(HTMLParser):
    """An HTML fragment (no Markdown in it) straight into the builder."""

    def __init__(self, builder: _Builder) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = builder

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _apply_tag(self.builder, "start", tag, {k: v or "" for k, v in attrs})

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        _apply_tag(self.builder, "empty", tag, {k: v or "" for k, v in attrs})

    def handle_endtag(self, tag: str) -> None:
        _apply_tag(self.builder, "end", tag, {})

    def handle_data(self, data: str) -> None:
        self.builder.add(data.replace("\n", " "))


def _from_html(caption: str) -> Plain:
    builder = _Builder()
    reader = _FragmentReader(builder)
    reader.feed(caption)
    reader.close()
    return builder.result()


def _from_markdown(caption: str) -> Plain:
    builder = _Builder()
    tokens: list[Token] = []
    _MD.inline.parse(caption, _MD, {}, tokens)  # the inline parser alone: no blocks in a caption
    reader = _TagReader() if "<" in caption else None
    for token in tokens:
        _add_token(builder, token, reader)
    return builder.result()


def _add_token(builder: _Builder, token: Token, reader: _TagReader | None) -> None:
    kind = token.type
    if kind in ("text", "text_special", "code_inline"):
        builder.add(token.content)
    elif kind == "softbreak":
        builder.add(" ")
    elif kind == "hardbreak":
        builder.newline()
    elif kind == "link_open":
        builder.open_link(str(token.attrs.get("href", "")))
    elif kind == "link_close":
        builder.close_link()
    elif kind == "image":
        builder.add(token.content)
    elif kind == "html_inline" and reader is not None:
        _add_tag(builder, token.content, reader)


def _add_tag(builder: _Builder, markup: str, reader: _TagReader) -> None:
    reader.events.clear()
    reader.feed(markup)
    for event, tag, attrs in reader.events:
        _apply_tag(builder, event, tag, attrs)


def _apply_tag(builder: _Builder, event: str, tag: str, attrs: dict[str, str]) -> None:
    if tag in _SKIP_TAGS:
        if event == "start":
            builder.skip_depth += 1
        elif event == "end" and builder.skip_depth:
            builder.skip_depth -= 1
    elif tag == "a" and event == "start":
        builder.open_link(attrs.get("href", ""))
    elif tag == "a" and event == "end":
        builder.close_link()
    elif tag == "img":
        builder.add(attrs.get("alt", ""))
    elif tag in _BREAK_TAGS and (tag in ("br", "hr") or event == "end"):
        builder.newline()
