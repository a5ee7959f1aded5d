"""Plain JSON-ready dicts of model objects that more than one output shares.

A Credit has one JSON shape everywhere: the `attrcheck credit --format json` object and the
`credit` object of each figure in the JSON report (and every format built from it).
"""

from __future__ import annotations

from typing import Any

from attrcheck.model import Credit, CreditLicence


def credit_to_dict(credit: Credit) -> dict[str, Any]:
    """{text, creators, organisations, licences, links, title, change_note, statements}."""
    return {
        "text": credit.text,
        "creators": list(credit.creators),
        "organisations": list(credit.organisations),
        "licences": [_licence(licence) for licence in credit.licences],
        "links": [{"text": link.text, "url": link.url, "role": link.role} for link in credit.links],
        "title": credit.title,
        "change_note": credit.change_note,
        "statements": [
            {"kind": s.kind, "text": s.text, "year": s.year, "holder": s.holder}
            for s in credit.statements
        ],
    }


def _licence(licence: CreditLicence) -> dict[str, Any]:
    return {
        "id": licence.id,
        "family": licence.family,
        "version": licence.version,
        "jurisdiction": licence.jurisdiction,
        "valid": licence.valid,
        "linked": licence.linked,
        "url": licence.url,
        "span": list(licence.span),
        "text": licence.text,
        "reason": licence.reason,
    }
