"""A small element tree with source offsets, built on the standard library's HTML parser.

BeautifulSoup gives the line of a start tag but not where its content ends; --fix needs exact
offsets of a `<figcaption>`'s content and of attribute values, so this builder records, for every
element, the offsets of its start tag, its content and its end tag, and for every comment its body.
Offsets are into the text given (plus `base`). Void elements close themselves; an end tag closes
the open elements above its match; `<p>` closes before a block element, as browsers do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser, attrfind_tolerant  # type: ignore[attr-defined]

VOID_ELEMENTS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
    ]
)


@dataclass(frozen=True)
class AttrSpan:
    """An attribute value's offsets (without its quotes) and its quote character ("" if bare)."""

    start: int
    end: int
    quote: str


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    start: int  # offset of "<"
    content_start: int  # offset after the start tag's ">"
    content_end: int = -1  # offset of the end tag's "<" (or where the element was closed)
    end: int = -1  # offset after the end tag
    parent: Element | None = None
    children: list[Node] = field(default_factory=list)
    attr_spans: dict[str, AttrSpan] = field(default_factory=dict)
    position: int = 0  # index in the parent's children
    images: int = 0  # <img> elements in this subtree (itself included), set when the tree is built
    captions: int = 0  # caption/credit elements below this one, set when the tree is built

    def classes(self) -> str:
        return self.attrs.get("class", "").lower()

    def elements(self) -> list[Element]:
        return [child for child in self.children if isinstance(child, Element)]

    def iter(self) -> list[Element]:
        """This element and every element below it, in document order (no recursion)."""
        found: list[Element] = []
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            found.append(element)
            stack.extend(reversed(element.elements()))
        return found

    def previous_sibling(self) -> Node | None:
        if self.parent is None or self.position == 0:
            return None
        return self.parent.children[self.position - 1]

    def following_siblings(self) -> list[Node]:
        return [] if self.parent is None else self.parent.children[self.position + 1 :]

    def ancestors(self) -> list[Element]:
        chain: list[Element] = []
        node = self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain


@dataclass(eq=False)
class Comment:
    body: str
    start: int
    end: int
    parent: Element | None = None


Node = Element | Comment


class TolerantHTMLParser(HTMLParser):
    """The standard library parser, minus its assertion on `<![…` marked sections (Python 3.11):
    those are bogus comments, as browsers treat them. Use `feed_all` to feed it."""

    def parse_html_declaration(self, i: int) -> int:
        raw: str = self.rawdata
        if raw.startswith("<![", i) and not raw.startswith("<![CDATA[", i):
            end = raw.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return int(super().parse_html_declaration(i))

    def feed_all(self, text: str) -> None:
        try:
            self.feed(text)
            self.close()
        except AssertionError:  # the parser's own consistency checks on malformed declarations
            pass  # keep what was read up to there


class _TreeBuilder(TolerantHTMLParser):
    def __init__(self, text: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.base = base
        self.root = Element("#root", {}, base, base)
        self.stack: list[Element] = [self.root]
        self._line_starts = [0]
        self._line_starts.extend(i + 1 for i, char in enumerate(text) if char == "\n")

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open(tag, attrs, self_closing=True)

    def _open(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if tag in CLOSES_P and self.stack[-1].tag == "p":
            self._close_top(start)
        element = Element(
            tag=tag,
            attrs={name: value or "" for name, value in attrs},
            start=self.base + start,
            content_start=self.base + start + len(raw),
            parent=self.stack[-1],
            attr_spans=_attribute_spans(raw, self.base + start),
        )
        element.position = len(self.stack[-1].children)
        self.stack[-1].children.append(element)
        if self_closing or tag in VOID_ELEMENTS:
            element.content_end = element.end = element.content_start
        else:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS or not any(open_.tag == tag for open_ in self.stack[1:]):
            return
        start = self._offset()
        close = self.text.find(">", start)
        end = len(self.text) if close < 0 else close + 1
        while self.stack[-1].tag != tag:
            self._close_top(start)
        element = self.stack.pop()
        element.content_end = self.base + start
        element.end = self.base + end

    def _close_top(self, offset: int) -> None:
        element = self.stack.pop()
        element.content_end = element.end = self.base + offset

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        close = self.text.find("-->", start + 4)
        end = len(self.text) if close < 0 else close + 3
        comment = Comment(data, self.base + start, self.base + end, self.stack[-1])
        self.stack[-1].children.append(comment)

    def finish(self) -> Element:
        end = self.base + len(self.text)
        while len(self.stack) > 1:
            self._close_top(len(self.text))
        self.root.content_end = self.root.end = end
        _count_below(self.root)
        return self.root


CAPTION_CLASS_WORDS = ("caption", "credit", "attribution")


def mentions_caption(element: Element) -> bool:
    """A figcaption, or an element whose class mentions caption, credit or attribution."""
    classes = element.classes()
    return element.tag == "figcaption" or any(word in classes for word in CAPTION_CLASS_WORDS)


def _count_below(root: Element) -> None:
    """Fill `images` and `captions` for every element, children before parents."""
    for element in reversed(root.iter()):
        element.images = int(element.tag == "img")
        element.captions = 0
        for child in element.elements():
            element.images += child.images
            element.captions += child.captions + int(mentions_caption(child))


def _attribute_spans(raw_tag: str, base: int) -> dict[str, AttrSpan]:
    """Offsets of each attribute value in a start tag, found with html.parser's own tokenizer."""
    spans: dict[str, AttrSpan] = {}
    name_end = 1
    while (
        name_end < len(raw_tag)
        and not raw_tag[name_end].isspace()
        and raw_tag[name_end] not in "/>"
    ):
        name_end += 1
    for match in attrfind_tolerant.finditer(raw_tag, name_end):
        name = match.group(1).lower() if match.group(1) else ""
        value = match.group(3)
        if not name or value is None or name in spans:
            continue
        start, end = match.span(3)
        quote = value[0] if value[:1] in ("'", '"') and value[-1:] == value[:1] else ""
        if quote:
            start, end = start + 1, end - 1
        spans[name] = AttrSpan(base + start, base + end, quote)
    return spans


def parse_html(text: str, base: int = 0) -> Element:
    """The element tree of an HTML document or fragment; offsets are `base` + index into `text`."""
    builder = _TreeBuilder(text, base)
    builder.feed_all(text)
    return builder.finish()


class _TextCollector(TolerantHTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(markup: str) -> str:
    """The text of an HTML fragment, tags removed and character references decoded."""
    collector = _TextCollector()
    collector.feed_all(markup)
    return "".join(collector.parts)
