"""Any input returns a Credit (or CreditError for what is not text), in bounded time."""

from __future__ import annotations

import pytest

from attrcheck.credits import MAX_CAPTION_CHARS, parse
from attrcheck.errors import CreditError

HOSTILE = {
    "empty": "",
    "spaces": " \t\n  ",
    "huge": "Photo by Jane Doe / Reuters. " * 50_000,
    "nested anchors": '<a href="https://x.org">' * 3_000 + "Jane" + "</a>" * 3_000,
    "nested emphasis": "<em>" * 3_000 + "Photo: Jane Doe" + "</em>" * 3_000,
    "open brackets": "[" * 20_000,
    "link openers": "[a](" * 5_000,
    "image openers": "![" * 5_000,
    "stars": "*a " * 5_000,
    "underscores": "_" * 20_000,
    "angles": "<" * 20_000,
    "entities": "&amp;&#0;&#x110000;&bogus;" * 500,
    "binary": bytes(range(256)).decode("latin-1") * 60,
    "nul and controls": "Photo:\x00Jane\x01Doe\x1b[31m",
    "lone surrogate": "Photo: \udcff Jane Doe",
    "by by by": "by " * 10_000,
    "labels only": "Photo: " * 3_000,
    "periods": "A. " * 5_000,
    "parentheses": "(" * 5_000 + ")" * 5_000,
    "licences": "CC BY 2.0 " * 2_000,
    "licence links": "[CC BY](https://creativecommons.org/licenses/by/2.0/) " * 500,
    "unterminated tag": '<a href="https://x.org/' + "a" * 20_000,
    "comment": "<!--" + "-" * 20_000,
    "javascript url": '<a href="javascript:alert(1)">Jane Doe</a>',
    "rtl and emoji": "تصوير: محمد 📷 / رويترز",
}


@pytest.mark.parametrize("caption", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_input_returns_a_credit(caption: str) -> None:
    credit = parse(caption)
    assert len(credit.text) <= MAX_CAPTION_CHARS
    assert "\x00" not in credit.text
    credit.text.encode("utf-8")  # printable as UTF-8
    for licence in credit.licences:
        assert 0 <= licence.span[0] <= licence.span[1] <= len(credit.text)


@pytest.mark.parametrize("value", [None, b"Photo: Jane Doe", 42, ["Photo"]])
def test_not_text_is_a_credit_error(value: object) -> None:
    with pytest.raises(CreditError, match="caption must be text"):
        parse(value)  # type: ignore[arg-type]


def test_only_the_first_characters_are_read() -> None:
    caption = "Photo: Jane Doe. " + "x" * (MAX_CAPTION_CHARS * 2) + " Photo: Bob Roe"
    assert parse(caption).creators == ("Jane Doe",)


def test_parse_is_deterministic() -> None:
    caption = "Ravi Kant, CC BY-SA 4.0, via Wikimedia Commons"
    assert parse(caption) == parse(caption + "")
