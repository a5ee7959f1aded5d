"""Stage credits: a caption credit line -> `attrcheck.model.Credit`.

    from attrcheck.credits import parse, credit_to_dict
    credit = parse("Jorge Guerrero/AFP via Getty Images")
    credit.creators == ("Jorge Guerrero",); credit.organisations == ("AFP", "Getty Images")

`parse` reads plain text, inline Markdown and HTML fragments with deterministic rules (no model),
never raises for odd text (only `CreditError` for input that is not text) and reads at most the
first 10,000 characters. `credit_to_dict` is the JSON shape used by `attrcheck credit` and by the
JSON report's `credit` object.
"""

from __future__ import annotations

from attrcheck.credits.parser import MAX_CAPTION_CHARS, parse
from attrcheck.credits.serialise import credit_to_dict

__all__ = ["MAX_CAPTION_CHARS", "credit_to_dict", "parse"]
