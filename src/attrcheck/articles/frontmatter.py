"""Hero images declared in YAML front matter (the `---` block at the top of a Markdown article).

One hero figure per article, from the first of these keys that holds an image path or URL:

    image, featured_image, featuredImage, feature_image, featureImage, hero, hero_image,
    heroImage, cover (a string), cover.image, header.image, header.overlay_image, banner,
    banner_image, images (a list: its first item)

A key may also hold a mapping with `src` / `path` / `url` / `file` / `image` (the image),
`caption`, `credit` / `attribution` and `alt` (Jekyll-style `image: {path: …, caption: …}`).

Caption parts (kind "front-matter"), in this order:

- caption: image_caption, imageCaption, featured_image_caption, hero_caption, cover.caption,
  header.caption, caption, and the mapping's own `caption`
- credit: image_credit, imageCredit, image_credits, image_attribution, photo_credit,
  featured_image_credit, hero_credit, credit, cover.credit, and the mapping's `credit` /
  `attribution`

Alt text: image_alt, imageAlt, featured_image_alt, hero_alt, cover.alt, header.image_description,
image_description, and the mapping's `alt`.

A YAML comment `# attrcheck: disable-next=AC201 reason="…"` on the line directly above the image
key suppresses findings for the hero figure. A caption part is editable by --fix when its value is
a one-line plain or quoted scalar; the part's offsets cover the whole scalar (with its quotes) and
its text is the value.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from attrcheck.articles.drafts import DraftFigure, DraftPart, DraftSuppression
from attrcheck.articles.suppressions import parse_directive
from attrcheck.errors import ArticleError

IMAGE_KEYS = (
    "image", "featured_image", "featuredImage", "featured-image", "feature_image", "featureImage",
    "hero", "hero_image", "heroImage", "cover", "cover.image", "header.image",
    "header.overlay_image", "banner", "banner_image", "images",
)  # fmt: skip
CAPTION_KEYS = ("image_caption", "imageCaption", "featured_image_caption", "hero_caption",
                "cover.caption", "header.caption", "caption")  # fmt: skip
CREDIT_KEYS = ("image_credit", "imageCredit", "image_credits", "image_attribution",
               "photo_credit", "photoCredit", "featured_image_credit", "hero_credit", "credit",
               "cover.credit")  # fmt: skip
ALT_KEYS = ("image_alt", "imageAlt", "featured_image_alt", "hero_alt", "cover.alt",
            "header.image_description", "image_description")  # fmt: skip
MAPPING_IMAGE_KEYS = ("src", "path", "url", "file", "image")
MAPPING_CAPTION_KEYS = ("caption",)
MAPPING_CREDIT_KEYS = ("credit", "attribution")
EDITABLE_STYLES = (None, "'", '"')


def front_matter_figure(
    content: str, base: int, first_line: int, display: str
) -> DraftFigure | None:
    """The hero figure of front matter `content` found at `base` (offset of its first line)."""
    root = _compose(content, first_line, display)
    if not isinstance(root, yaml.MappingNode):
        return None
    found = _image_node(root)
    if found is None:
        return None
    image, holder = found
    keys = {"caption": CAPTION_KEYS, "credit": CREDIT_KEYS}
    nodes = [
        node
        for role in ("caption", "credit")
        for node in [_first_scalar(root, keys[role])]
        + ([_first_scalar(holder, _mapping_keys(role))] if holder is not None else [])
        if node is not None and str(node.value).strip()
    ]
    unique = {node.start_mark.index: node for node in nodes}
    parts = [_part(node, base) for node in unique.values()]
    alt = _first_scalar(root, ALT_KEYS) or (_first_scalar(holder, ("alt",)) if holder else None)
    return DraftFigure(
        kind="front-matter",
        src=str(image.value).strip(),
        alt=str(alt.value) if alt is not None else "",
        offset=base + image.start_mark.index,
        parts=parts,
        suppression=_comment_above(content, image, base),
    )


def _compose(content: str, first_line: int, display: str) -> yaml.Node | None:
    try:
        return yaml.compose(content, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        last_line = max(content.count("\n") - 1, 0)
        where = f"line {first_line + min(mark.line, last_line)}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise ArticleError(
            f"{display}: {where}front matter is not valid YAML ({problem}); fix the --- block"
        ) from None


def _mapping_keys(role: str) -> Sequence[str]:
    return MAPPING_CAPTION_KEYS if role == "caption" else MAPPING_CREDIT_KEYS


def _child(node: yaml.Node | None, dotted: str) -> yaml.Node | None:
    for key in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            return None
        node = next(
            (value for name, value in node.value if isinstance(name, yaml.ScalarNode)
             and name.value == key),
            None,
        )  # fmt: skip
    return node


def _scalar(node: yaml.Node | None) -> yaml.ScalarNode | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:str" and node.value:
        return node
    return None


def _first_scalar(node: yaml.Node | None, keys: Sequence[str]) -> yaml.ScalarNode | None:
    for key in keys:
        scalar = _scalar(_child(node, key))
        if scalar is not None:
            return scalar
    return None


def _image_node(root: yaml.MappingNode) -> tuple[yaml.ScalarNode, yaml.Node | None] | None:
    for key in IMAGE_KEYS:
        node = _child(root, key)
        if isinstance(node, yaml.SequenceNode) and node.value:
            node = node.value[0]
        scalar = _scalar(node)
        if scalar is not None:
            return scalar, None
        if isinstance(node, yaml.MappingNode):
            inner = _first_scalar(node, MAPPING_IMAGE_KEYS)
            if inner is not None:
                return inner, node
    return None


def _part(node: yaml.ScalarNode, base: int) -> DraftPart:
    editable = node.style in EDITABLE_STYLES and node.start_mark.line == node.end_mark.line
    return DraftPart(
        kind="front-matter",
        start=base + node.start_mark.index,
        end=base + node.end_mark.index,
        text=str(node.value),
        editable=editable,
    )


def _comment_above(content: str, image: yaml.Node, base: int) -> DraftSuppression | None:
    """The `# attrcheck:` comment right above the image key (or above its top-level parent)."""
    lines = content.split("\n")
    line = image.start_mark.line
    while line > 0:
        above = lines[line - 1].strip()
        if above.startswith("#"):
            directive = parse_directive(above[1:])
            if directive is None:
                return None
            offset = base + sum(len(text) + 1 for text in lines[: line - 1])
            offset += len(lines[line - 1]) - len(lines[line - 1].lstrip())
            return DraftSuppression(directive.codes, directive.reason, offset)
        if not above or not lines[line].startswith((" ", "\t")):
            return None
        line -= 1
    return None
