"""Hero images declared in front matter: YAML (`---` … `---`) or TOML (`+++` … `+++`, Hugo).

One hero figure per article, from the first of these keys that holds an image path or URL:

    image, featured_image, featuredImage, featured-image, feature_image, featureImage, hero,
    hero_image, heroImage, cover (a string), cover.image, header.image, header.overlay_image,
    banner, banner_image, images (a list: its first item)

A key may also hold a mapping (a TOML table) with `src` / `path` / `url` / `file` / `image`
(the image), `caption`, `credit` / `attribution` and `alt` (Jekyll-style
`image: {path: …, caption: …}`).

Caption parts (kind "front-matter"), in document order:

- caption: image_caption, imageCaption, featured_image_caption, hero_caption, cover.caption,
  header.caption, caption, and the mapping's own `caption`
- credit: image_credit, imageCredit, image_credits, image_attribution, photo_credit,
  photoCredit, featured_image_credit, hero_credit, credit, cover.credit, and the mapping's
  `credit` / `attribution`

Alt text: image_alt, imageAlt, featured_image_alt, hero_alt, cover.alt, header.image_description,
image_description, and the mapping's `alt`.

A comment `# attrcheck: disable-next=AC201 reason="…"` on the line directly above the image key
(or above the top-level key holding it) suppresses findings for the hero figure. A caption part is
editable by --fix when its value is a one-line plain or quoted string; the part's offsets cover
the whole value (with its quotes) and its text is the value.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

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
MAPPING_ALT_KEYS = ("alt",)
EDITABLE_YAML_STYLES = (None, "'", '"')


@dataclass(frozen=True)
class Entry:
    """A string value in the front matter: offsets of the written value (quotes included) into
    the front matter text, the line of its key (0-based), and whether --fix may rewrite it."""

    value: str
    start: int
    end: int
    key_line: int
    editable: bool


Table = dict[str, Entry]  # dotted key ("cover.image", "images.0") -> entry


def front_matter_figure(
    content: str, base: int, first_line: int, display: str, syntax: str = "yaml"
) -> DraftFigure | None:
    """The hero figure of front matter `content` found at `base` (offset of its first line).

    `first_line` is the 1-based line of the content's first line; `syntax` is "yaml" or "toml".
    """
    table = (
        _toml_table(content, first_line, display)
        if syntax == "toml"
        else _yaml_table(content, first_line, display)
    )
    found = _image_entry(table)
    if found is None:
        return None
    image, holder = found
    roles = [
        _first(table, CAPTION_KEYS, holder, MAPPING_CAPTION_KEYS),
        _first(table, CREDIT_KEYS, holder, MAPPING_CREDIT_KEYS),
    ]
    entries = {entry.start: entry for group in roles for entry in group if entry.value.strip()}
    alt = next(iter(_first(table, ALT_KEYS, holder, MAPPING_ALT_KEYS)), None)
    return DraftFigure(
        kind="front-matter",
        src=image.value.strip(),
        alt=alt.value if alt is not None else "",
        offset=base + image.start,
        parts=[
            DraftPart("front-matter", base + e.start, base + e.end, e.value, e.editable)
            for e in sorted(entries.values(), key=lambda entry: entry.start)
        ],
        suppression=_comment_above(content, image.key_line, base),
    )


def _image_entry(table: Table) -> tuple[Entry, str | None] | None:
    for key in IMAGE_KEYS:
        for candidate in (key, f"{key}.0"):
            if candidate in table:
                return table[candidate], None
        for inner in MAPPING_IMAGE_KEYS:
            for candidate in (f"{key}.{inner}", f"{key}.0.{inner}"):
                if candidate in table:
                    return table[candidate], candidate.rsplit(".", 1)[0]
    return None


def _first(
    table: Table, keys: Sequence[str], holder: str | None, inner: Sequence[str]
) -> list[Entry]:
    """The first entry for the top-level keys, and the first for the holder's own keys."""
    found = [next((table[key] for key in keys if key in table), None)]
    if holder is not None:
        found.append(
            next((table[f"{holder}.{k}"] for k in inner if f"{holder}.{k}" in table), None)
        )
    return [entry for entry in found if entry is not None]


# --------------------------------------------------------------------------- YAML


def _yaml_table(content: str, first_line: int, display: str) -> Table:
    try:
        root = yaml.compose(content, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        last_line = max(content.count("\n") - 1, 0)
        where = f"line {first_line + min(mark.line, last_line)}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise ArticleError(
            f"{display}: {where}front matter is not valid YAML ({problem}); fix the --- block"
        ) from None
    table: Table = {}
    if isinstance(root, yaml.MappingNode):
        _flatten_yaml(root, "", table, root.start_mark.line)
    return table


def _flatten_yaml(node: yaml.Node, prefix: str, table: Table, key_line: int) -> None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                _flatten_yaml(value, f"{prefix}{key.value}.", table, key.start_mark.line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _flatten_yaml(item, f"{prefix}{index}.", table, item.start_mark.line)
    elif (
        isinstance(node, yaml.ScalarNode)
        and node.tag == "tag:yaml.org,2002:str"
        and str(node.value)
    ):
        editable = node.style in EDITABLE_YAML_STYLES and node.start_mark.line == node.end_mark.line
        table[prefix[:-1]] = Entry(
            str(node.value), node.start_mark.index, node.end_mark.index, key_line, editable
        )


# --------------------------------------------------------------------------- TOML


def _toml_table(content: str, first_line: int, display: str) -> Table:
    """Values from tomllib; where each string is written, from a scan of `key = value` lines."""
    try:
        data = tomllib.loads(content)
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(
            f"{display}: front matter is not valid TOML ({error}); fix the +++ block"
        ) from None
    values: dict[str, str] = {}
    _flatten_toml(data, "", values)
    positions = _toml_positions(content)
    table: Table = {}
    for key, value in values.items():
        start, end, line, editable = positions.get(key, (0, 0, 0, False))
        table[key] = Entry(value, start, end, line, editable)
    return table


def _flatten_toml(data: Any, prefix: str, values: dict[str, str]) -> None:
    if isinstance(data, dict):
        for key, value in data.items():
            _flatten_toml(value, f"{prefix}{key}.", values)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            _flatten_toml(item, f"{prefix}{index}.", values)
    elif isinstance(data, str) and data:
        values[prefix[:-1]] = data


def _toml_positions(content: str) -> dict[str, tuple[int, int, int, bool]]:
    """Offsets of one-line string values: `key = "value"` under `[table]` headers, and the first
    string of `key = ["…", …]` (as key ".0")."""
    positions: dict[str, tuple[int, int, int, bool]] = {}
    table = ""
    offset = 0
    for number, line in enumerate(content.split("\n")):
        stripped = line.strip()
        if stripped.startswith("[") and not stripped.startswith("[["):
            table = stripped.strip("[]").strip().replace('"', "") + "."
        elif "=" in stripped and not stripped.startswith("#"):
            key, _, rest = line.partition("=")
            name = table + key.strip().strip('"').strip("'")
            value_start = offset + len(line) - len(rest) + len(rest) - len(rest.lstrip())
            found = _toml_string_span(content, value_start)
            if found is not None:
                suffix = ".0" if content[value_start] == "[" else ""
                positions[name + suffix] = (*found, number, not suffix)
        offset += len(line) + 1
    return positions


def _toml_string_span(content: str, start: int) -> tuple[int, int] | None:
    """The span of a one-line basic or literal string starting at (or just inside `[` at) start."""
    position = start + 1 if content.startswith("[", start) else start
    while position < len(content) and content[position] in " \t":
        position += 1
    quote = content[position : position + 1]
    if quote not in ('"', "'") or content.startswith(quote * 3, position):
        return None
    end = position + 1
    while end < len(content) and content[end] not in (quote, "\n"):
        end += 2 if quote == '"' and content[end] == "\\" else 1
    if end >= len(content) or content[end] != quote:
        return None
    return position, end + 1


# --------------------------------------------------------------------------- suppressions


def _comment_above(content: str, key_line: int, base: int) -> DraftSuppression | None:
    """The `# attrcheck:` comment right above the image key (or above its top-level parent)."""
    lines = content.split("\n")
    line = key_line
    while 0 < line < len(lines) + 1:
        above = lines[line - 1].strip()
        if above.startswith("#"):
            directive = parse_directive(above[1:])
            if directive is None:
                return None
            offset = base + sum(len(text) + 1 for text in lines[: line - 1])
            offset += len(lines[line - 1]) - len(lines[line - 1].lstrip())
            return DraftSuppression(directive.codes, directive.reason, offset)
        if not above or line >= len(lines) or not lines[line].startswith((" ", "\t")):
            return None
        line -= 1
    return None
