"""Credit -> plain JSON-ready dict (the `attrcheck credit --format json` object and the report's
`credit` object), and a short human-readable rendering for `--format text`."""

from __future__ import annotations

from attrcheck.model import Credit
from attrcheck.serialise import credit_to_dict

__all__ = ["credit_to_dict", "credit_to_text"]


def credit_to_text(credit: Credit) -> str:
    """A few aligned lines for a person at a terminal."""
    lines = [f"text:          {credit.text}"]
    lines.append(f"creators:      {'; '.join(credit.creators) or '-'}")
    lines.append(f"organisations: {'; '.join(credit.organisations) or '-'}")
    for licence in credit.licences:
        name = licence.id or f"{licence.family or '?'} (unversioned)"
        flags = ["linked" if licence.linked else "not linked"]
        if not licence.valid:
            flags.append(f"invalid: {licence.reason}")
        elif licence.reason:
            flags.append(licence.reason)
        lines.append(f"licence:       {name} [{', '.join(flags)}] from {licence.text!r}")
    if not credit.licences:
        lines.append("licence:       -")
    for link in credit.links:
        lines.append(f"link:          {link.role}: {link.text} <{link.url}>")
    if credit.title:
        lines.append(f"title:         {credit.title}")
    if credit.change_note:
        lines.append(f"change note:   {credit.change_note}")
    for statement in credit.statements:
        pairs = (("year", statement.year), ("holder", statement.holder))
        extra = ", ".join(f"{key} {value}" for key, value in pairs if value)
        lines.append(
            f"statement:     {statement.kind}: {statement.text}" + (f" ({extra})" if extra else "")
        )
    return "\n".join(lines)
