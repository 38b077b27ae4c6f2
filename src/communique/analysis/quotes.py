"""Quotations and paragraphs: where quoted words start and end, as news writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENERS = {"“": "”", '"': '"', "‘": "’", "«": "»", "''": "''", "``": "''"}


@dataclass(frozen=True)
class Quote:
    """A quotation: the marks' span, the quoted words' span, and whether it was left open."""

    start: int  # the opening mark
    end: int  # after the closing mark (or the paragraph's end)
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool
    double: bool


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of a text as (start, end) offsets: blocks between blank lines or lines."""
    spans = []
    start = 0
    for match in re.finditer(r"\n+", text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find_quotes(text: str) -> list[Quote]:
    """Quotations, paragraph by paragraph; a quote never runs past its paragraph.

    Curly and straight double quotes, doubled apostrophes and backticks (''…'', ``…''), and
    single curly quotes when they open at a word's start and close before a non-letter (so
    that "China’s" is no quote); a closing mark typed where an opening one belongs, before a
    word, opens. A quote left open at a paragraph's end ends there, unclosed:
    news style for a quote that goes on.
    """
    quotes: list[Quote] = []
    for number, (first, last) in enumerate(paragraphs(text)):
        opened: tuple[int, int, str] | None = None  # the mark's start, the words' start, closer
        i = first
        while i < last:
            char, pair = text[i], text[i : i + 2]
            before = text[i - 1] if i > first else " "
            after = text[i + 1] if i + 1 < last else " "
            if opened is None:
                if pair in ("''", "``") and not before.isalnum():
                    opened = (i, i + 2, "''")
                    i += 1
                elif char in ("“", "«") or (char == '"' and not before.isalnum()):
                    opened = (i, i + 1, OPENERS[char])
                elif char == "”" and before.isspace() and after.isalnum():
                    opened = (i, i + 1, "”")  # a closing mark typed to open: ”Mr. Trump …”
                elif char == "‘" and not before.isalnum():
                    opened = (i, i + 1, "’")
                i += 1
                continue
            start, inner, closer = opened
            if closer == "''" and pair == "''":
                quotes.append(Quote(start, i + 2, inner, i, number, True, True))
                opened = None
                i += 1
            elif (
                char == closer
                and (closer != "’" or not after.isalpha())
                and not (closer == '"' and after.isalnum())
            ):
                quotes.append(Quote(start, i + 1, inner, i, number, True, closer != "’"))
                opened = None
            i += 1
        if opened is not None:
            start, inner, closer = opened
            quotes.append(Quote(start, last, inner, last, number, False, closer != "’"))
    return quotes
