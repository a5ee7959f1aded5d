"""Figures as the readers find them (offsets into the newline-normalised text), and their
conversion to the shared model: ids in document order, offsets/lines/columns in the text as read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from attrcheck.articles.source import SourceText
from attrcheck.model import CaptionPart, Figure, Suppression


@dataclass
class DraftPart:
    kind: str
    start: int
    end: int
    text: str
    editable: bool = True


@dataclass
class DraftSuppression:
    codes: tuple[str, ...]
    reason: str | None
    offset: int  # where the comment starts
    end: int = -1  # where it ends (-1 when not known)


@dataclass
class DraftFigure:
    kind: str
    src: str
    alt: str
    offset: int
    parts: list[DraftPart] = field(default_factory=list)
    link: str | None = None
    credit_link: str | None = None
    suppression: DraftSuppression | None = None


def mark_shared_parts(drafts: list[DraftFigure]) -> None:
    """A caption part shared by several figures (a gallery caption) is not rewritten by --fix."""
    users: dict[tuple[int, int], int] = {}
    for draft in drafts:
        for part in draft.parts:
            users[(part.start, part.end)] = users.get((part.start, part.end), 0) + 1
    for draft in drafts:
        for part in draft.parts:
            if users[(part.start, part.end)] > 1:
                part.editable = False


def to_suppression(draft: DraftSuppression, source: SourceText) -> Suppression:
    line, column = source.norm_position(draft.offset)
    return Suppression(draft.codes, draft.reason, line, column)


def finish_figures(
    drafts: list[DraftFigure], source: SourceText, display: str
) -> tuple[Figure, ...]:
    """The model figures, numbered from 1 in document order."""
    ordered = sorted(drafts, key=lambda draft: draft.offset)
    mark_shared_parts(ordered)
    return tuple(
        _to_figure(draft, index, source, display) for index, draft in enumerate(ordered, start=1)
    )


def _to_figure(draft: DraftFigure, index: int, source: SourceText, display: str) -> Figure:
    line, column = source.norm_position(draft.offset)
    parts = tuple(_to_part(part, source) for part in sorted(draft.parts, key=_part_order))
    first = parts[0] if parts else None
    return Figure(
        id=f"{display}#{index}",
        article=display,
        index=index,
        src=draft.src,
        alt=draft.alt,
        caption="\n".join(part.text for part in parts),
        line=line,
        column=column,
        caption_line=first.line if first else None,
        caption_column=first.column if first else None,
        kind=draft.kind,
        caption_parts=parts,
        link=draft.link,
        credit_link=draft.credit_link,
        suppression=to_suppression(draft.suppression, source) if draft.suppression else None,
    )


def _part_order(part: DraftPart) -> int:
    return part.start


def _to_part(part: DraftPart, source: SourceText) -> CaptionPart:
    line, column = source.norm_position(part.start)
    return CaptionPart(
        kind=part.kind,
        text=part.text,
        start=source.to_original(part.start),
        end=source.to_original(part.end),
        line=line,
        column=column,
        editable=part.editable,
    )
