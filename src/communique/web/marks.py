"""An article's text cut at every mark — mentions, statements, speakers, cues, triggers — so
a page can show each piece with the marks that cover it. Pure: text and spans in, pieces
out; the template escapes every piece."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Mark:
    """A span of the text and what it is: ``kind`` (mention, statement, speaker, cue,
    trigger), a CSS class, the anchor of the record it belongs to and a short label."""

    start: int
    end: int
    kind: str
    css: str
    anchor: str
    label: str


@dataclass
class Piece:
    """A run of text and the marks covering all of it."""

    text: str
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(dict.fromkeys(mark.css for mark in self.marks))

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(mark.label for mark in self.marks))

    @property
    def anchor(self) -> str | None:
        """The record this piece leads to: the innermost (shortest) mark's."""
        if not self.marks:
            return None
        return min(self.marks, key=lambda mark: mark.end - mark.start).anchor


def pieces(text: str, marks: list[Mark], start: int = 0, end: int | None = None) -> list[Piece]:
    """``text[start:end]`` cut at every mark's edges, each piece with the marks covering it.
    Marks outside the range, empty or out of the text, are left out."""
    end = len(text) if end is None else end
    kept = [m for m in marks if m.start < m.end and m.start < end and m.end > start]
    edges = sorted({start, end, *(max(m.start, start) for m in kept),
                    *(min(m.end, end) for m in kept)})  # fmt: skip
    found = []
    for left, right in itertools.pairwise(edges):
        covering = [m for m in kept if m.start <= left and m.end >= right]
        found.append(Piece(text[left:right], covering))
    return found


# Mentions are coloured by actor: eight colours, the same actor always the same one.
COLOURS = 8


def colour(actor_id: str | None) -> str:
    """The colour class of an actor's mentions (``actor-0`` … ``actor-7``; ``actor-none``)."""
    if not actor_id:
        return "actor-none"
    return f"actor-{sum(actor_id.encode('utf-8')) % COLOURS}"
