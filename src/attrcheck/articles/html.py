"""Figures in HTML: whole .html/.htm articles, and raw HTML inside Markdown.

Conventions read (all from the element tree, never by pattern-matching the markup):

- `<figure>` with `<figcaption>`: the figcaption's content is the caption ("figcaption" part);
  elements inside the figure (outside the figcaption) whose class mentions caption, credit or
  attribution are caption parts too ("sibling").
- an `<img>` (or the link / `<picture>` / wrapper element holding only it) followed directly by
  elements whose class mentions caption, credit or attribution, or by text elements that read as
  a caption (`attrcheck.articles.captions`) — "sibling" parts, consecutive ones all count; text
  after the image inside its own paragraph (`<p><img><br>Photo: …</p>`) likewise;
- an image `title` that reads as a caption ("html-title").
- `data-credit` / `data-caption` attributes on the image or on the element wrapping it.
- `<picture>`: the figure is its `<img>`; without one, the first `<source srcset>` candidate.
  Lazy-loading `data-src` is used when `src` is empty or a placeholder `data:` URI.
- a wrapping `<a href>` is the figure's link; a `<!-- attrcheck: disable-next=... -->` comment
  directly before the figure (or before the first element that holds it) is its suppression.

Images inside `<head>`, `<noscript>` and `<template>` and 1x1 tracking pixels are not figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from attrcheck.articles.captions import reads_as_caption
from attrcheck.articles.drafts import DraftFigure, DraftPart, DraftSuppression
from attrcheck.articles.htmltree import Comment, Element, mentions_caption, parse_html, plain_text
from attrcheck.articles.suppressions import parse_directive

SKIPPED_CONTAINERS = frozenset({"head", "noscript", "template", "script", "style"})
WRAPPERS = frozenset({"a", "picture", "span", "div", "p", "center"})
BLOCK_TAGS = frozenset({"p", "div", "ul", "ol", "table", "section", "blockquote", "figure", "h1",
                        "h2", "h3", "h4", "h5", "h6", "pre"})  # fmt: skip
TEXT_ELEMENTS = frozenset({"p", "div", "small", "span", "em", "i", "cite", "center", "figcaption"})
EMPHASIS_ELEMENTS = frozenset({"em", "i", "strong", "b"})
LAZY_SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original")


@dataclass
class HtmlImage:
    """A figure found in HTML and the element it stands for (figure, wrapper or the img)."""

    draft: DraftFigure
    anchor: Element
    structured_caption: bool  # a figcaption/sibling/data-credit was found


def find_html_figures(root: Element, norm: str) -> list[HtmlImage]:
    """Every figure under `root`; `norm` is the text that the tree's offsets index."""
    return [
        _html_image(image, norm)
        for image in root.iter()
        if image.tag == "img" and _is_content_image(image)
    ]


def _is_content_image(image: Element) -> bool:
    if any(ancestor.tag in SKIPPED_CONTAINERS for ancestor in image.ancestors()):
        return False
    sizes = (image.attrs.get("width", "").strip(), image.attrs.get("height", "").strip())
    return sizes not in (("1", "1"), ("0", "0"))


def _html_image(image: Element, norm: str) -> HtmlImage:
    figure = next((node for node in image.ancestors() if node.tag == "figure"), None)
    anchor = figure or _outer_wrapper(image)
    parts = _figure_parts(figure, norm) if figure else _sibling_parts(image, norm)
    parts.extend(_data_parts(image, anchor, norm))
    parts.extend(title_part(image, norm))
    draft = DraftFigure(
        kind="html-figure" if figure else "html-img",
        src=image_source(image),
        alt=image.attrs.get("alt", ""),
        offset=image.start,
        parts=parts,
        link=_wrapping_link(image, anchor),
        suppression=suppression_before(anchor, norm) or suppression_before(image, norm),
    )
    return HtmlImage(draft, anchor, bool(parts))


def image_source(image: Element) -> str:
    src = image.attrs.get("src", "").strip()
    if not src or src.startswith("data:"):
        lazy = next((image.attrs[a] for a in LAZY_SRC_ATTRIBUTES if image.attrs.get(a)), "")
        src = lazy.strip() or src
    if not src:
        src = _first_srcset_candidate(image.attrs.get("srcset", ""))
    if not src and image.parent is not None and image.parent.tag == "picture":
        for source in image.parent.elements():
            if source.tag == "source" and source.attrs.get("srcset"):
                return _first_srcset_candidate(source.attrs["srcset"])
    return src


def _first_srcset_candidate(srcset: str) -> str:
    first = srcset.split(",")[0].strip()
    return first.split()[0] if first else ""


def _outer_wrapper(image: Element) -> Element:
    """The outermost element that holds this image and nothing else of substance."""
    anchor = image
    node = image.parent
    while node is not None and node.tag in WRAPPERS and _only_image_in(node):
        anchor = node
        node = node.parent
    return anchor


def _only_image_in(node: Element) -> bool:
    """`node` holds `image` and no other image, and no caption element."""
    return node.images == 1 and node.captions == 0


def _figure_parts(figure: Element, norm: str) -> list[DraftPart]:
    parts: list[DraftPart] = []
    for element in figure.iter()[1:]:
        if element.tag == "figcaption" and _nearest_figure(element) is figure:
            editable = not any(node.tag in BLOCK_TAGS for node in element.iter()[1:])
            parts.extend(_content_part("figcaption", element, norm, editable))
        elif mentions_caption(element) and not _inside_caption(element, figure):
            parts.extend(_content_part("sibling", element, norm, True))
    return parts


def _nearest_figure(element: Element) -> Element | None:
    return next((node for node in element.ancestors() if node.tag == "figure"), None)


def _inside_caption(element: Element, figure: Element) -> bool:
    for ancestor in element.ancestors():
        if ancestor is figure:
            return False
        if mentions_caption(ancestor):
            return True
    return False


def _sibling_parts(image: Element, norm: str) -> list[DraftPart]:
    """Caption elements right after the image or after a wrapper holding only it; else the
    text after the image inside its wrapper (`<p><img><br>Photo: …</p>`) if it reads as one."""
    node = image
    while node.parent is not None:
        siblings = _following_caption_elements(node, norm)
        if siblings:
            parts: list[DraftPart] = []
            for element in siblings:
                parts.extend(_content_part("sibling", element, norm, True))
            return parts
        trailing = _trailing_text_part(node, norm)
        if trailing is not None:
            return [trailing]
        if node.parent.tag not in WRAPPERS or not _only_image_in(node.parent):
            break
        node = node.parent
    return []


def _following_caption_elements(node: Element, norm: str) -> list[Element]:
    """The elements directly after `node` that are captions: a caption/credit class, or a text
    element (p, div, small, …) whose text reads as a caption; the first other one ends them."""
    found: list[Element] = []
    position = node.end
    for sibling in node.following_siblings():
        if isinstance(sibling, Comment):
            continue
        if norm[position : sibling.start].strip() or not _is_caption_element(sibling, norm):
            break
        found.append(sibling)
        position = sibling.end
    return found


def _is_caption_element(element: Element, norm: str) -> bool:
    if mentions_caption(element):
        return True
    if element.tag not in TEXT_ELEMENTS or element.images:
        return False
    inner = norm[element.content_start : element.content_end]
    return reads_as_caption(plain_text(inner), emphasised=_emphasised(element, norm))


def _emphasised(element: Element, norm: str) -> bool:
    """The element's whole content is one <em>/<i>/<strong>/<b> element."""
    children = element.elements()
    if len(children) != 1 or children[0].tag not in EMPHASIS_ELEMENTS:
        return False
    only = children[0]
    before = norm[element.content_start : only.start]
    after = norm[only.end : element.content_end]
    return not before.strip() and not after.strip()


def _emphasised_markup(markup: str) -> bool:
    root = parse_html(markup)
    return len(root.children) == 1 and _emphasised(root, markup)


def _trailing_text_part(node: Element, norm: str) -> DraftPart | None:
    """Text after `node` (and line breaks) to the end of its parent, if it reads as a caption."""
    parent = node.parent
    if parent is None or parent.tag not in WRAPPERS or parent.images != 1:
        return None
    position = node.end
    for sibling in node.following_siblings():
        if not isinstance(sibling, Element) or sibling.tag != "br":
            break
        if norm[position : sibling.start].strip():
            break
        position = sibling.end
    raw = norm[position : parent.content_end]
    stripped = raw.strip()
    if not stripped or not reads_as_caption(plain_text(stripped), _emphasised_markup(stripped)):
        return None
    start = position + len(raw) - len(raw.lstrip())
    return DraftPart("sibling", start, start + len(stripped), stripped)


def _content_part(kind: str, element: Element, norm: str, editable: bool) -> list[DraftPart]:
    start, end = element.content_start, element.content_end
    raw = norm[start:end]
    stripped = raw.strip()
    if not stripped:
        return []
    start += len(raw) - len(raw.lstrip())
    return [DraftPart(kind, start, start + len(stripped), stripped, editable)]


def _data_parts(image: Element, anchor: Element, norm: str) -> list[DraftPart]:
    holders = [image, *_between(image, anchor)]
    if anchor is not image:
        holders.append(anchor)
    parts: list[DraftPart] = []
    for attribute, kind in (("data-credit", "data-credit"), ("data-caption", "data-caption")):
        for holder in holders:
            span = holder.attr_spans.get(attribute)
            if span is not None and holder.attrs.get(attribute, "").strip():
                parts.append(DraftPart(kind, span.start, span.end, norm[span.start : span.end]))
                break
    return parts


def title_part(image: Element, norm: str) -> list[DraftPart]:
    """An image's `title` attribute when it reads as a credit (kind "html-title")."""
    span = image.attr_spans.get("title")
    if span is None or not reads_as_caption(image.attrs.get("title", "")):
        return []
    return [DraftPart("html-title", span.start, span.end, norm[span.start : span.end])]


def _between(image: Element, anchor: Element) -> list[Element]:
    chain: list[Element] = []
    for node in image.ancestors():
        if node is anchor:
            break
        chain.append(node)
    return chain


def _wrapping_link(image: Element, anchor: Element) -> str | None:
    for node in [image, *image.ancestors()]:
        if node.tag == "a" and node.attrs.get("href"):
            return node.attrs["href"]
        if node is anchor:
            break
    return None


def suppression_before(anchor: Element, norm: str) -> DraftSuppression | None:
    """The attrcheck comment directly before `anchor` or before the first element holding it."""
    node: Element = anchor
    while node.parent is not None:
        parent = node.parent
        previous = node.previous_sibling()
        gap_start = previous.end if previous is not None else parent.content_start
        if norm[gap_start : node.start].strip():
            return None
        if isinstance(previous, Comment):
            directive = parse_directive(previous.body)
            if directive is None:
                return None
            return DraftSuppression(directive.codes, directive.reason, previous.start, previous.end)
        if previous is not None or parent.tag == "#root":
            return None
        node = parent
    return None


def read_html(norm: str) -> tuple[list[DraftFigure], list[DraftSuppression]]:
    """The figures and suppression comments of an HTML article (newline-normalised text)."""
    tree = parse_html(norm)
    drafts = [found.draft for found in find_html_figures(tree, norm)]
    return drafts, directive_comments(tree)


def directive_comments(tree: Element) -> list[DraftSuppression]:
    found: list[DraftSuppression] = []
    for element in tree.iter():
        for child in element.children:
            if isinstance(child, Comment):
                directive = parse_directive(child.body)
                if directive is not None:
                    found.append(
                        DraftSuppression(directive.codes, directive.reason, child.start, child.end)
                    )
    return found
