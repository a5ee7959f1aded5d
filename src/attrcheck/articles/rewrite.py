"""Rewriting captions in place (--fix): the article side.

`rewrite_captions(text, edits)` replaces each caption part's [start:end] with new caption text,
escaped for where the part sits, and leaves every other character of `text` unchanged:

- "title" (Markdown image or reference title): backslashes doubled, the delimiter (`"`, `'` or
  the parentheses) backslash-escaped, line breaks become spaces;
- "paragraph": Markdown, written as given;
- "figcaption", "sibling" (HTML element content): written as given when it is HTML markup
  (inline tags such as <a>/<em>/<span>, or entities), HTML-escaped when it is plain text;
- "data-credit", "data-caption", "html-title" (HTML attribute values): HTML-escaped, quotes
  included; a bare value gets double quotes;
- "hugo-caption", "hugo-attr" (shortcode parameters): `"` escaped as `\\"` inside double quotes,
  backticks replaced inside a raw string, quotes added to a bare value that needs them;
- "front-matter" (a YAML or TOML string, quotes included in the span): a double-quoted string
  (JSON escapes, valid in both).

New text with "\\n" line breaks is written with the article's own line ending (CRLF stays CRLF).
An editable part's text is exactly what is written at [start:end] (line endings as "\\n"; for
"front-matter" the value, the span covering its quotes); a part that is not editable (a caption
shared by several images, lines with blockquote or list markers, a figcaption holding block
elements, a multi-line YAML value) is refused with ArticleError.
A part whose text already equals the new caption is left alone, so a second run changes nothing.
`plan_fix(figure, suggestion)` chooses the part --fix rewrites and the form of the suggestion
that fits it (text, Markdown or HTML). Suppressed figures are never planned.
"""

from __future__ import annotations

import html
import itertools
import json
from collections.abc import Sequence
from pathlib import Path

from attrcheck.articles.discover import ArticleFile
from attrcheck.articles.htmltree import TolerantHTMLParser
from attrcheck.articles.source import (
    ArticleSource,
    encode_article,
    load_article_source,
    normalise_newlines,
)
from attrcheck.errors import ArticleError
from attrcheck.fileio import atomic_write_bytes
from attrcheck.model import CaptionPart, Figure, SuggestedAttribution

TEXT_KINDS = frozenset(
    {"title", "html-title", "data-credit", "data-caption", "front-matter", "alt-credit"}
)
MARKDOWN_KINDS = frozenset({"paragraph", "hugo-caption", "hugo-attr"})
HTML_KINDS = frozenset({"figcaption", "sibling"})
INLINE_TAGS = frozenset({"a", "abbr", "b", "bdi", "br", "cite", "code", "em", "i", "mark", "q", "s",
                         "small", "span", "strong", "sub", "sup", "time", "u"})  # fmt: skip
FIX_PREFERENCE = ("hugo-attr", "data-credit", "paragraph", "sibling", "figcaption", "hugo-caption",
                  "front-matter", "title", "html-title", "data-caption")  # fmt: skip


def rewrite_captions(text: str, edits: Sequence[tuple[CaptionPart, str]]) -> str:
    """`text` with each part's caption replaced by its new caption (see the module docstring)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    unique = {(part.start, part.end): (part, new) for part, new in edits}
    ordered = sorted(unique.values(), key=lambda edit: edit[0].start)
    for (first, _), (second, _) in itertools.pairwise(ordered):
        if second.start < first.end:
            raise ArticleError(
                f"line {second.line}: caption parts overlap; cannot rewrite them both"
            )
    for part, new in reversed(ordered):
        _check_part(text, part)
        if part.kind == "front-matter" and part.text == new:
            continue
        replacement = encode_caption(part, new, text).replace("\n", newline)
        if text[part.start : part.end] != replacement:
            text = text[: part.start] + replacement + text[part.end :]
    return text


def _check_part(text: str, part: CaptionPart) -> None:
    if not part.editable:
        raise ArticleError(f"line {part.line}: this caption cannot be rewritten in place")
    if not 0 <= part.start <= part.end <= len(text):
        raise ArticleError(f"line {part.line}: caption is outside the article; read it again")
    if part.kind != "front-matter" and normalise_newlines(text[part.start : part.end]) != part.text:
        raise ArticleError(f"line {part.line}: caption changed since it was read; run again")


def encode_caption(part: CaptionPart, new: str, text: str) -> str:
    """The new caption as it must be written in the part's place."""
    before = text[part.start - 1] if part.start > 0 else ""
    if part.kind == "title":
        return _markdown_title(new, before)
    if part.kind in HTML_KINDS:
        return new if _is_html_markup(new) else html.escape(new, quote=False)
    if part.kind in ("data-credit", "data-caption", "html-title"):
        value = html.escape(new.replace("\n", " "), quote=True)
        return value if before in ("'", '"') else f'"{value}"'
    if part.kind in ("hugo-caption", "hugo-attr"):
        return _hugo_value(new, before)
    if part.kind == "front-matter":
        return json.dumps(new.replace("\n", " "), ensure_ascii=False)
    return new


def _markdown_title(new: str, delimiter: str) -> str:
    value = " ".join(new.split("\n")).replace("\\", "\\\\")
    escapes = {'"': '"', "'": "'", "(": "()"}.get(delimiter, '"')
    for char in escapes:
        value = value.replace(char, "\\" + char)
    return value


def _hugo_value(new: str, delimiter: str) -> str:
    value = new.replace("\n", " ")
    if delimiter == "`":
        return value.replace("`", "'")
    if delimiter == '"':
        return value.replace('"', '\\"')
    if value and not any(char.isspace() or char in "\"'`" for char in value):
        return value
    return '"' + value.replace('"', '\\"') + '"'


class _MarkupProbe(TolerantHTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.markup = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup = self.markup or tag in INLINE_TAGS

    def handle_endtag(self, tag: str) -> None:
        self.markup = self.markup or tag in INLINE_TAGS

    def handle_entityref(self, name: str) -> None:
        self.markup = True

    def handle_charref(self, name: str) -> None:
        self.markup = True


def _is_html_markup(text: str) -> bool:
    probe = _MarkupProbe()
    probe.feed_all(text)
    return probe.markup


# --------------------------------------------------------------------------- choosing the part


def fix_target(figure: Figure) -> CaptionPart | None:
    """The caption part --fix rewrites: the credit-bearing editable part, or None."""
    if figure.suppression is not None:
        return None
    editable = [part for part in figure.caption_parts if part.editable]
    for kind in FIX_PREFERENCE:
        matching = [part for part in editable if part.kind == kind]
        if matching:
            return matching[-1]
    return None


def suggestion_for(part: CaptionPart, suggestion: SuggestedAttribution) -> str:
    """The form of the suggestion that fits the part: text, Markdown or HTML."""
    if part.kind in HTML_KINDS:
        return suggestion.html
    if part.kind in MARKDOWN_KINDS:
        markdown = suggestion.markdown
        if part.kind == "paragraph" and _wrapped_in_emphasis(part.text):
            marker = part.text[0]
            return f"{marker}{markdown}{marker}"
        return markdown
    return suggestion.text


def _wrapped_in_emphasis(text: str) -> bool:
    stripped = text.strip()
    return (
        len(stripped) > 2
        and stripped[0] in "*_"
        and stripped[-1] == stripped[0]
        and (stripped[1] != stripped[0])
    )


def plan_fix(
    figure: Figure, suggestion: SuggestedAttribution | None
) -> tuple[CaptionPart, str] | None:
    """The (part, new caption) edit --fix makes for a figure, or None when none is safe."""
    if suggestion is None:
        return None
    part = fix_target(figure)
    if part is None:
        return None
    return part, suggestion_for(part, suggestion)


# --------------------------------------------------------------------------- reading and writing


def read_source(file: ArticleFile) -> ArticleSource:
    """The article's text (BOM removed, line endings kept) — the text caption offsets index."""
    return load_article_source(file.path, file.display)


def write_source(path: Path | str, source: ArticleSource, text: str) -> None:
    """Write new text for an article atomically, keeping its byte order mark if it had one."""
    atomic_write_bytes(path, encode_article(ArticleSource(text, source.bom)))
