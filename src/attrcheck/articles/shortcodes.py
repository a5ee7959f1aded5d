"""A tokenizer for Hugo shortcodes: `{{< figure src="x.jpg" caption="…" attr="…" >}}`.

Both `{{< … >}}` and `{{% … %}}` forms; named parameters with "double-quoted" (Hugo unescapes only
`\\"`), `backtick raw` or bare values; positional parameters are kept under their index ("0", "1").
`{{</* … */>}}` (an escaped, literal shortcode) and closing tags are skipped. Each parameter keeps
the offsets of its value (inside the quotes) so --fix can rewrite it in place.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPENERS = {"<": ">}}", "%": "%}}"}


@dataclass(frozen=True)
class ShortcodeParam:
    name: str
    value: str  # unescaped
    start: int  # offset of the value's first character (inside its quotes)
    end: int
    quote: str  # '"', '`' or "" for a bare value


@dataclass
class Shortcode:
    name: str
    start: int  # offset of "{{"
    end: int  # offset after "}}"
    params: dict[str, ShortcodeParam] = field(default_factory=dict)


def find_shortcodes(text: str) -> list[Shortcode]:
    """Every complete shortcode opening in `text`, in order."""
    found: list[Shortcode] = []
    position = 0
    while True:
        start = text.find("{{", position)
        if start < 0 or start + 2 >= len(text):
            return found
        closer = OPENERS.get(text[start + 2])
        if closer is None:
            position = start + 2
            continue
        shortcode = _read_shortcode(text, start, closer)
        if shortcode is None:
            position = start + 3
            continue
        found.append(shortcode)
        position = shortcode.end


def _read_shortcode(text: str, start: int, closer: str) -> Shortcode | None:
    position = _skip_space(text, start + 3)
    if text.startswith(("/*", "/"), position):
        return None
    name_end = position
    while (
        name_end < len(text)
        and not text[name_end].isspace()
        and not text.startswith(closer, name_end)
    ):
        name_end += 1
    if name_end == position:
        return None
    shortcode = Shortcode(text[position:name_end], start, -1)
    position = name_end
    index = 0
    while True:
        position = _skip_space(text, position)
        if position >= len(text):
            return None
        if text.startswith(closer, position):
            shortcode.end = position + len(closer)
            return shortcode
        param = _read_param(text, position, closer, str(index))
        if param is None:
            return None
        parsed, position = param
        if parsed.name == str(index):
            index += 1
        shortcode.params.setdefault(parsed.name, parsed)


def _read_param(
    text: str, position: int, closer: str, index: str
) -> tuple[ShortcodeParam, int] | None:
    if text[position] in '"`':
        return _read_value(text, position, closer, index)
    name_end = position
    while (
        name_end < len(text)
        and text[name_end] not in '= \t\r\n"`'
        and not text.startswith(closer, name_end)
    ):
        name_end += 1
    if name_end < len(text) and text[name_end] == "=":
        value = _read_value(text, name_end + 1, closer, text[position:name_end].lower())
        return value
    bare = text[position:name_end]
    if not bare:
        return None
    return ShortcodeParam(index, bare, position, name_end, ""), name_end


def _read_value(
    text: str, position: int, closer: str, name: str
) -> tuple[ShortcodeParam, int] | None:
    if position >= len(text):
        return None
    quote = text[position]
    if quote == "`":
        end = text.find("`", position + 1)
        if end < 0:
            return None
        return ShortcodeParam(name, text[position + 1 : end], position + 1, end, "`"), end + 1
    if quote == '"':
        end = position + 1
        while end < len(text) and text[end] != '"':
            end += 2 if text[end] == "\\" else 1
        if end >= len(text):
            return None
        raw = text[position + 1 : end]
        return ShortcodeParam(name, raw.replace('\\"', '"'), position + 1, end, '"'), end + 1
    end = position
    while end < len(text) and not text[end].isspace() and not text.startswith(closer, end):
        end += 1
    return ShortcodeParam(name, text[position:end], position, end, ""), end


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position
