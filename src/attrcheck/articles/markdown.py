"""Figures in Markdown, read with markdown-it-py (CommonMark plus tables, with source maps).

Figure conventions:

- inline `![alt](src "title")` and reference-style `![alt][ref]` images (the title of either is a
  caption part of kind "title"), images wrapped in a link (`[![alt](src)](href)` → `link`);
- raw HTML inside Markdown — `<img>`, `<figure><img><figcaption>`, caption/credit classes and
  `data-credit` — read with the HTML reader of `attrcheck.articles.html`;
- Hugo shortcodes `{{< figure src=… alt=… caption=… attr=… attrlink=… link=… >}}` (also the
  `{{% … %}}` form and `img` / `image` shortcodes with a `src`): caption → "hugo-caption",
  attr → "hugo-attr", attrlink → `credit_link`;
- the YAML front matter hero image (see `attrcheck.articles.frontmatter`).

Caption rule for a Markdown image (and an HTML `<img>` or a Hugo figure without caption
parameters) that leads its paragraph: its caption is the image's title attribute, plus

1. the rest of the same paragraph when the image is followed by a line break and that text reads
   as a caption, and then
2. each following paragraph that reads as a caption (see `attrcheck.articles.captions`:
   emphasised as a whole, starting with a credit word such as Photo/Picture/Image/Credit/Foto/
   Bild/Source/Quelle, starting with an agency name, or short with a licence or © mark);
   a paragraph keeps all its lines, so a two-line credit right below the image is one part.

The first paragraph that does not read as a caption (or holds an image) ends the caption.
Positions come from token maps; inline positions are recorded by wrapping markdown-it's own image,
link and inline-HTML rules, never by scanning the Markdown with patterns.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkLabel, parseLinkTitle
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from attrcheck.articles.captions import reads_as_caption
from attrcheck.articles.drafts import DraftFigure, DraftPart, DraftSuppression
from attrcheck.articles.frontmatter import front_matter_figure
from attrcheck.articles.html import directive_comments, find_html_figures, image_source
from attrcheck.articles.htmltree import Comment, Element, mentions_caption, parse_html, plain_text
from attrcheck.articles.shortcodes import Shortcode, find_shortcodes
from attrcheck.articles.source import SourceText
from attrcheck.articles.suppressions import parse_directive

SHORTCODE_FIGURES = frozenset({"figure", "img", "image"})
REF_LINES = "attrcheck_reference_lines"


# --------------------------------------------------------------------------- the parser


def _with_span(
    rule: Callable[[StateInline, bool], bool], token_type: str
) -> Callable[[StateInline, bool], bool]:
    """Wrap an inline rule so the token it opens records where its source starts and ends."""

    def recording(state: StateInline, silent: bool) -> bool:
        start = state.pos
        count = len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if token.type == token_type:
                    token.meta["span"] = (start, state.pos)
                    break
        return matched

    return recording


def _recording_references(
    rule: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """Wrap the reference-definition rule to remember which lines define which label."""

    def recording(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        before = set(state.env.get("references", {}))
        matched = rule(state, start_line, end_line, silent)
        if matched and not silent:
            lines = state.env.setdefault(REF_LINES, {})
            for label in set(state.env.get("references", {})) - before:
                lines[label] = (start_line, state.line)
        return matched

    return recording


@cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    md.use(front_matter_plugin)
    for name, token_type in (
        ("image", "image"),
        ("link", "link_open"),
        ("html_inline", "html_inline"),
    ):
        index = [rule.name for rule in md.inline.ruler.__rules__].index(name)
        md.inline.ruler.at(name, _with_span(md.inline.ruler.__rules__[index].fn, token_type))
    index = [rule.name for rule in md.block.ruler.__rules__].index("reference")
    md.block.ruler.at("reference", _recording_references(md.block.ruler.__rules__[index].fn))
    return md


# --------------------------------------------------------------------------- inline positions


class InlineMap:
    """Maps offsets in an inline token's content to offsets in the normalised article text."""

    def __init__(self, content: str, first_line: int, source: SourceText) -> None:
        self.content = content
        self._content_starts: list[int] = []
        self._norm_starts: list[int] = []
        lines = content.split("\n")
        position = 0
        for index, line in enumerate(lines):
            source_line = source.norm_line(first_line + index)
            prefix = _locate(line, source_line, last=index == len(lines) - 1)
            self._content_starts.append(position)
            self._norm_starts.append(source.norm_line_start(first_line + index) + prefix)
            position += len(line) + 1

    def __call__(self, offset: int) -> int:
        index = bisect.bisect_right(self._content_starts, offset) - 1
        return self._norm_starts[index] + offset - self._content_starts[index]


def _locate(content_line: str, source_line: str, last: bool) -> int:
    """Where a line of inline content starts in its source line (after indentation/markers)."""
    candidate = source_line.rstrip() if last else source_line
    if content_line and candidate.endswith(content_line):
        return len(candidate) - len(content_line)
    found = source_line.find(content_line) if content_line else -1
    if found >= 0:
        return found
    return len(source_line) - len(source_line.lstrip())


# --------------------------------------------------------------------------- items in a paragraph


@dataclass
class Item:
    """A figure found in an inline token, with its content-relative span."""

    start: int
    end: int
    draft: DraftFigure
    captionable: bool = True  # may take caption paragraphs (no caption of its own markup)


@dataclass
class InlineFigures:
    items: list[Item] = field(default_factory=list)
    covered: list[tuple[int, int]] = field(default_factory=list)  # figure, link and comment spans
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # span and body


class MarkdownReader:
    """Reads the figures of one Markdown article."""

    def __init__(self, source: SourceText, display: str) -> None:
        self.source = source
        self.norm = source.norm
        self.display = display
        self.env: dict[str, Any] = {}
        self.toml_end = _toml_front_matter_end(self.norm)
        blanked = "".join("\n" if char == "\n" else " " for char in self.norm[: self.toml_end])
        self.tokens = markdown_parser().parse(blanked + self.norm[self.toml_end :], self.env)
        self.drafts: list[DraftFigure] = []
        self.suppressions: list[DraftSuppression] = []
        self._inline_cache: dict[int, InlineFigures] = {}

    def read(self) -> list[DraftFigure]:
        pending: DraftSuppression | None = None
        if self.toml_end:
            self._toml_front_matter()
        index = 0
        while index < len(self.tokens):
            token = self.tokens[index]
            if token.type == "front_matter":
                self._front_matter(token)
            elif token.type == "html_block":
                index, pending = self._html_region(index)
                continue
            elif token.type == "inline":
                self._inline_block(index, pending)
            if token.type not in ("paragraph_open",):
                pending = None
            index += 1
        self._shortcodes(self._body_start())
        return self.drafts

    def _body_start(self) -> int:
        if self.toml_end:
            return self.toml_end
        first = self.tokens[0] if self.tokens else None
        if first is not None and first.type == "front_matter" and first.map is not None:
            return self.source.norm_line_start(first.map[1])
        return 0

    # ----------------------------------------------------------------------- front matter

    def _toml_front_matter(self) -> None:
        start = self.source.norm_line_start(1)
        end = self.norm.rfind("\n", 0, self.toml_end - 1) + 1
        draft = front_matter_figure(self.norm[start:end], start, 2, self.display, "toml")
        if draft is not None:
            self._add(draft)

    def _front_matter(self, token: Token) -> None:
        if token.map is None:
            return
        start = self.source.norm_line_start(1)
        end = self.source.norm_line_start(token.map[1] - 1)
        draft = front_matter_figure(self.norm[start:end], start, 2, self.display)
        if draft is not None:
            self._add(draft)

    # ----------------------------------------------------------------------- raw HTML blocks

    def _html_region(self, index: int) -> tuple[int, DraftSuppression | None]:
        """Read consecutive HTML blocks as one fragment; returns the next index and a trailing
        suppression comment that applies to the next block."""
        last = index
        while last + 1 < len(self.tokens) and self.tokens[last + 1].type == "html_block":
            last += 1
        start = self._line_offset(self.tokens[index], 0)
        end = self._line_offset(self.tokens[last], 1)
        tree = parse_html(self.norm[start:end], base=start)
        self.suppressions.extend(directive_comments(tree))
        for found in find_html_figures(tree, self.norm):
            if not found.structured_caption and not self.norm[found.anchor.end : end].strip():
                found.draft.parts.extend(self._caption_paragraphs(last + 1))
            self._add(found.draft)
        return last + 1, self._trailing_suppression(tree, end)

    def _line_offset(self, token: Token, which: int) -> int:
        if token.map is None:
            return len(self.norm)
        return self.source.norm_line_start(token.map[which])

    def _trailing_suppression(self, tree: Element, end: int) -> DraftSuppression | None:
        last = tree.children[-1] if tree.children else None
        if isinstance(last, Comment) and not self.norm[last.end : end].strip():
            directive = parse_directive(last.body)
            if directive is not None:
                return DraftSuppression(directive.codes, directive.reason, last.start, last.end)
        return None

    # ----------------------------------------------------------------------- inline content

    def _inline_block(self, index: int, pending: DraftSuppression | None) -> None:
        found = self._inline_figures(index)
        if not found.items:
            return
        token = self.tokens[index]
        in_paragraph = index > 0 and self.tokens[index - 1].type == "paragraph_open"
        first = found.items[0]
        if (
            pending is not None
            and first.draft.suppression is None
            and _blank_outside(token.content, found.covered, 0, first.start)
        ):
            first.draft.suppression = pending
        if in_paragraph:
            self._attach_captions(index, found)
        for item in found.items:
            self._add(item.draft)

    def _attach_captions(self, index: int, found: InlineFigures) -> None:
        """Caption paragraphs for the figures of an image-led paragraph."""
        token = self.tokens[index]
        content = token.content
        first, last = found.items[0], found.items[-1]
        if not _blank_outside(content, found.covered, 0, first.start):
            return
        if not _blank_outside(content, found.covered, first.start, last.end):
            return
        tail = _end_of_covered(content, found.covered, last)
        takers = [item for item in found.items if item.captionable]
        if not takers:
            return
        parts: list[DraftPart] = []
        if content[tail:].strip():
            newline = content.find("\n", tail)
            same_line = content[tail : newline if newline >= 0 else len(content)]
            trailing = self._trailing_caption(index, tail if same_line.strip() else newline + 1)
            if trailing is None:
                return
            parts.append(trailing)
        parts.extend(self._caption_paragraphs(index + 2))
        for item in takers:
            item.draft.parts.extend(
                DraftPart(p.kind, p.start, p.end, p.text, p.editable) for p in parts
            )

    def _trailing_caption(self, index: int, start: int) -> DraftPart | None:
        """The rest of the image's paragraph from `start`, if it reads as a caption (editable when
        its source has no blockquote or list markers inside)."""
        token = self.tokens[index]
        mapper = self._mapper(index)
        rest = token.content[start:]
        offset = start + len(rest) - len(rest.lstrip())
        children = markdown_parser().parseInline(rest.strip(), dict(self.env))[0].children or []
        if _has_shortcode_figure(rest) or not _reads_as_caption(children):
            return None
        begin, end = mapper(offset), mapper(len(token.content))
        written, clean = self.norm[begin:end], token.content[offset:]
        return DraftPart("paragraph", begin, end, clean, written == clean)

    def _caption_paragraphs(self, index: int) -> list[DraftPart]:
        """Caption parts from the paragraphs starting at token `index`, until one is not one."""
        parts: list[DraftPart] = []
        while index < len(self.tokens) and self.tokens[index].type == "html_block":
            part = self._html_caption(self.tokens[index])
            if part is None:
                return parts
            parts.append(part)
            index += 1
        while (
            index + 2 < len(self.tokens)
            and self.tokens[index].type == "paragraph_open"
            and self.tokens[index + 1].type == "inline"
        ):
            inline = self.tokens[index + 1]
            if (
                self._inline_figures(index + 1).items
                or _has_shortcode_figure(inline.content)
                or not _reads_as_caption(inline.children or [])
            ):
                break
            mapper = self._mapper(index + 1)
            begin, end = mapper(0), mapper(len(inline.content))
            written = self.norm[begin:end]
            parts.append(
                DraftPart("paragraph", begin, end, inline.content, written == inline.content)
            )
            index += 3
        return parts

    def _html_caption(self, token: Token) -> DraftPart | None:
        """An HTML block right after an image that holds one caption element
        (`<p class="caption">`, `<figcaption>`, or any element whose text reads as a caption)."""
        start, end = self._line_offset(token, 0), self._line_offset(token, 1)
        tree = parse_html(self.norm[start:end], base=start)
        elements = tree.elements()
        if len(elements) != 1 or elements[0].images:
            return None
        element = elements[0]
        inner = self.norm[element.content_start : element.content_end]
        if not (mentions_caption(element) or reads_as_caption(plain_text(inner))):
            return None
        stripped = inner.strip()
        if not stripped:
            return None
        begin = element.content_start + len(inner) - len(inner.lstrip())
        return DraftPart("sibling", begin, begin + len(stripped), stripped)

    def _mapper(self, index: int) -> InlineMap:
        token = self.tokens[index]
        line_map = token.map or self._parent_map(index)
        return InlineMap(token.content, line_map[0], self.source)

    def _parent_map(self, index: int) -> list[int]:
        for previous in range(index - 1, -1, -1):
            if self.tokens[previous].map is not None:
                return list(self.tokens[previous].map or [0, 0])
        return [0, 0]

    def _inline_figures(self, index: int) -> InlineFigures:
        if index not in self._inline_cache:
            self._inline_cache[index] = self._read_inline(index)
        return self._inline_cache[index]

    def _read_inline(self, index: int) -> InlineFigures:
        token = self.tokens[index]
        mapper = self._mapper(index)
        found = InlineFigures()
        links: list[Token] = []
        html_links: list[str] = []
        pending_comment: tuple[int, DraftSuppression] | None = None
        for child in token.children or []:
            span = child.meta.get("span")
            if child.type == "link_open":
                links.append(child)
                if span:
                    found.covered.append(span)
            elif child.type == "link_close" and links:
                links.pop()
            elif child.type == "image" and span:
                item = self._markdown_image(child, span, mapper, links)
                found.items.append(item)
                found.covered.append(span)
            elif child.type == "html_inline" and span:
                found.covered.append(span)
                html_links = _track_html_link(child.content, html_links)
                comment = self._inline_comment(child, span, mapper)
                if comment is not None:
                    pending_comment = (span[1], comment)
                found.items.extend(self._inline_html_images(child, span, mapper, links, html_links))
            else:
                continue
            if pending_comment and found.items and found.items[-1].draft.suppression is None:
                item = found.items[-1]
                if (
                    item.start >= pending_comment[0]
                    and not token.content[pending_comment[0] : item.start].strip()
                ):
                    item.draft.suppression = pending_comment[1]
        found.items.sort(key=lambda item: item.start)
        return found

    def _markdown_image(
        self, image: Token, span: tuple[int, int], mapper: InlineMap, links: Sequence[Token]
    ) -> Item:
        alt = _alt_text(image.children or [])
        draft = DraftFigure(
            kind="markdown-image",
            src=str(image.attrs.get("src", "")),
            alt=alt,
            offset=mapper(span[0]),
            link=str(links[-1].attrs.get("href", "")) if links else None,
        )
        title = self._title_part(image, span, mapper)
        if title is not None:
            draft.parts.append(title)
        return Item(span[0], span[1], draft)

    def _title_part(
        self, image: Token, span: tuple[int, int], mapper: InlineMap
    ) -> DraftPart | None:
        if not image.attrs.get("title"):
            return None
        content = self.norm  # titles are located in the content of the inline token
        inline_span = _inline_title_span(mapper.content, span)
        if inline_span is not None:
            begin, end = mapper(inline_span[0]), mapper(inline_span[1])
            return DraftPart("title", begin, end, content[begin:end])
        reference = self._reference_title_span(mapper.content, span)
        if reference is None:
            return None
        return DraftPart("title", reference[0], reference[1], content[reference[0] : reference[1]])

    def _reference_title_span(self, content: str, span: tuple[int, int]) -> tuple[int, int] | None:
        """Where the title of a reference-style image's definition is, in the article text."""
        lines: dict[str, tuple[int, int]] = self.env.get(REF_LINES, {})
        found = lines.get(_reference_label(content, span))
        if found is None:
            return None
        start = self.source.norm_line_start(found[0])
        local = _definition_title_span(self.norm[start : self.source.norm_line_start(found[1])])
        return None if local is None else (start + local[0], start + local[1])

    def _inline_comment(
        self, child: Token, span: tuple[int, int], mapper: InlineMap
    ) -> DraftSuppression | None:
        tree = parse_html(child.content)
        comment = next((c for c in tree.children if isinstance(c, Comment)), None)
        if comment is None:
            return None
        directive = parse_directive(comment.body)
        if directive is None:
            return None
        suppression = DraftSuppression(
            directive.codes, directive.reason, mapper(span[0]), mapper(span[1])
        )
        self.suppressions.append(suppression)
        return suppression

    def _inline_html_images(
        self,
        child: Token,
        span: tuple[int, int],
        mapper: InlineMap,
        links: Sequence[Token],
        html_links: Sequence[str],
    ) -> list[Item]:
        tree = parse_html(child.content)
        items: list[Item] = []
        for element in tree.iter():
            if element.tag != "img":
                continue
            draft = DraftFigure(
                kind="html-img",
                src=image_source(element),
                alt=element.attrs.get("alt", ""),
                offset=mapper(span[0] + element.start),
                link=_innermost_link(links, html_links),
            )
            for attribute, kind in (
                ("data-credit", "data-credit"),
                ("data-caption", "data-caption"),
                ("title", "html-title"),
            ):
                value = element.attr_spans.get(attribute)
                text = element.attrs.get(attribute, "")
                if value is None or not text.strip():
                    continue
                if kind == "html-title" and not reads_as_caption(text):
                    continue
                begin, end = mapper(span[0] + value.start), mapper(span[0] + value.end)
                draft.parts.append(DraftPart(kind, begin, end, self.norm[begin:end]))
            items.append(Item(span[0], span[1], draft))
        return items

    # ----------------------------------------------------------------------- Hugo shortcodes

    def _shortcodes(self, body_start: int) -> None:
        """Hugo reads shortcodes from the raw text before Markdown, so they are found there."""
        for shortcode in find_shortcodes(self.norm[body_start:]):
            draft = self._shortcode_figure(shortcode, body_start)
            if draft is not None:
                self._add(draft)

    def _shortcode_figure(self, shortcode: Shortcode, base: int) -> DraftFigure | None:
        params = shortcode.params
        if shortcode.name.lower() not in SHORTCODE_FIGURES or "src" not in params:
            return None
        start, end = base + shortcode.start, base + shortcode.end
        draft = DraftFigure(
            kind="hugo-figure",
            src=params["src"].value.strip(),
            alt=params["alt"].value if "alt" in params else "",
            offset=start,
            link=params["link"].value if "link" in params else None,
            credit_link=params["attrlink"].value if "attrlink" in params else None,
            suppression=self._comment_right_before(start),
        )
        for name, kind in (("caption", "hugo-caption"), ("attr", "hugo-attr")):
            param = params.get(name)
            if param is not None and param.value.strip():
                begin, stop = base + param.start, base + param.end
                draft.parts.append(DraftPart(kind, begin, stop, self.norm[begin:stop]))
        if not draft.parts:
            draft.parts.extend(self._caption_paragraphs(self._block_after(end)))
        return draft

    def _comment_right_before(self, offset: int) -> DraftSuppression | None:
        for suppression in reversed(self.suppressions):
            if 0 <= suppression.end <= offset and not self.norm[suppression.end : offset].strip():
                return suppression
        return None

    def _block_after(self, offset: int) -> int:
        """Index of the first block token that starts on a line after `offset`."""
        line = self.source.norm_position(max(offset - 1, 0))[0]  # 1-based = next 0-based line
        for index, token in enumerate(self.tokens):
            if token.map is not None and token.nesting >= 0 and token.map[0] >= line:
                return index
        return len(self.tokens)

    def _add(self, draft: DraftFigure) -> None:
        self.drafts.append(draft)
        if draft.suppression is not None and draft.suppression not in self.suppressions:
            self.suppressions.append(draft.suppression)


# --------------------------------------------------------------------------- helpers


def _end_of_covered(content: str, covered: Sequence[tuple[int, int]], last: Item) -> int:
    """Where the figures end: after the last one, the links around it and any markup spans
    (closing `</a>`, comments) that follow it with only white space between."""
    tail = max([last.end] + [end for start, end in covered if start <= last.start < end])
    for start, end in sorted(covered):
        if start >= tail and not content[tail:start].strip():
            tail = end
    return tail


def _track_html_link(tag: str, open_links: list[str]) -> list[str]:
    """The hrefs of inline HTML `<a>` elements open after this inline HTML tag."""
    stripped = tag.strip().lower()
    if stripped.startswith("</a"):
        return open_links[:-1]
    if stripped.startswith("<a ") or stripped.startswith("<a\n"):
        anchors = [e for e in parse_html(tag).iter() if e.tag == "a"]
        if anchors:
            return [*open_links, anchors[0].attrs.get("href", "")]
    return open_links


def _innermost_link(links: Sequence[Token], html_links: Sequence[str]) -> str | None:
    if html_links and html_links[-1]:
        return html_links[-1]
    return str(links[-1].attrs.get("href", "")) if links else None


def _has_shortcode_figure(text: str) -> bool:
    return any(
        code.name.lower() in SHORTCODE_FIGURES and "src" in code.params
        for code in find_shortcodes(text)
    )


def _toml_front_matter_end(norm: str) -> int:
    """Offset after the closing `+++` line of TOML front matter at the very top, else 0."""
    if norm.split("\n", 1)[0].rstrip() != "+++":
        return 0
    position = norm.find("\n") + 1
    while 0 < position < len(norm):
        end = norm.find("\n", position)
        line = norm[position:] if end < 0 else norm[position:end]
        if line.rstrip() == "+++":
            return len(norm) if end < 0 else end + 1
        position = 0 if end < 0 else end + 1
    return 0


def _blank_outside(content: str, covered: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """True when content[start:end], minus the covered spans, is whitespace (or link brackets
    closing/opening around a covered figure)."""
    position = start
    for span_start, span_end in sorted(covered):
        if span_end <= position or span_start >= end:
            continue
        if content[position:span_start].strip():
            return False
        position = max(position, span_end)
    return not content[position:end].strip()


def _reads_as_caption(children: Sequence[Token]) -> bool:
    if any(child.type == "image" for child in children):
        return False
    text = _plain_text(children)
    if text.lstrip().startswith(("{{<", "{{%")):
        return False
    return reads_as_caption(text, emphasised=_emphasised(children))


def _alt_text(children: Sequence[Token]) -> str:
    """An image's alt text: its label without markup (as CommonMark renders it)."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "image":
            parts.append(_alt_text(child.children or []))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _plain_text(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _emphasised(children: Sequence[Token]) -> bool:
    """The whole paragraph is inside one emphasis (`*…*`, `_…_`, `**…**`)."""
    meaningful = [
        child for child in children if not (child.type == "text" and not child.content.strip())
    ]
    if len(meaningful) < 3 or meaningful[0].type not in ("em_open", "strong_open"):
        return False
    depth = 0
    for position, child in enumerate(meaningful):
        if child.type in ("em_open", "strong_open"):
            depth += 1
        elif child.type in ("em_close", "strong_close"):
            depth -= 1
            if depth == 0:
                return position == len(meaningful) - 1
    return False


def _inline_title_span(content: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """The title's raw span inside `![alt](dest "title")`, using markdown-it's own helpers."""
    state = StateInline(content, markdown_parser(), {}, [])
    label_end = parseLinkLabel(state, span[0] + 1, False)
    position = label_end + 1
    if label_end < 0 or position >= span[1] or content[position] != "(":
        return None
    position = _skip_whitespace(content, position + 1, span[1])
    destination = parseLinkDestination(content, position, span[1])
    if destination.ok:
        position = destination.pos
    position = _skip_whitespace(content, position, span[1])
    title = parseLinkTitle(content, position, span[1])
    if not title.ok:
        return None
    return position + 1, title.pos - 1


def _definition_title_span(definition: str) -> tuple[int, int] | None:
    """The title's raw span inside a reference definition `[label]: dest "title"`."""
    position = definition.find("[")
    if position < 0:
        return None
    position += 1
    while position < len(definition) and definition[position] != "]":
        position += 2 if definition[position] == "\\" else 1
    if not definition.startswith("]:", position):
        return None
    position = _skip_whitespace(definition, position + 2, len(definition))
    destination = parseLinkDestination(definition, position, len(definition))
    if not destination.ok:
        return None
    position = _skip_whitespace(definition, destination.pos, len(definition))
    title = parseLinkTitle(definition, position, len(definition))
    if not title.ok:
        return None
    return position + 1, title.pos - 1


def _reference_label(content: str, span: tuple[int, int]) -> str:
    """The normalised label a reference-style image at `span` refers to."""
    text = content[span[0] : span[1]]
    inner = text[text.rfind("[") + 1 : -1] if text.endswith("]") else ""
    if not inner:  # collapsed `![alt][]` or shortcut `![alt]`
        inner = text[2 : text.find("]", 2)] if "]" in text[2:] else ""
    return normalizeReference(inner)


def _skip_whitespace(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \t\n":
        position += 1
    return position


def read_markdown(
    source: SourceText, display: str
) -> tuple[list[DraftFigure], list[DraftSuppression]]:
    """The figures and suppression comments of a Markdown article."""
    reader = MarkdownReader(source, display)
    drafts = reader.read()
    return drafts, reader.suppressions
