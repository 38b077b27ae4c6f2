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


# The kinds of double quote marks. News mixes them ("…”, “…") when quotes were typed or
# converted by hand, so a closing mark of another kind closes the quote that is open.
_OPENING_KINDS = {"“": "curly", "«": "angle", '"': "straight"}
_CLOSING_KINDS = {"”": "curly", "»": "angle", '"': "straight"}
# A "paragraph" longer than this is text whose paragraph breaks were lost (a page flattened
# to one line): a quote left open in it ends with its sentence, not with the whole text.
LONG_PARAGRAPH = 1500
# The end of a sentence in plain text: its mark (and a closing quote or bracket), before a space
# and a capital. The one home of this test for the passes that read text, not the parse.
SENTENCE_END = re.compile(r"[.!?…][\"”’'»)]?(?=\s+[\"“‘«(]?[A-Z])")
_ENDS_SENTENCE = re.compile(r"[.!?…][’'»)]?\s+$")


@dataclass
class _Open:
    """A double quote opened and not yet closed."""

    start: int  # the mark
    inner: int  # the words
    kind: str


def _double_mark(text: str, i: int, first: int, last: int, depth: int) -> tuple[str, str, int]:
    """What the character at ``i`` does to double quotes: ("open" | "close" | "", kind, width).

    Curly marks and guillemets say which they are, except a closing mark typed to open
    (”Mr. Trump …”) or an opening one typed to close. A straight mark opens after a space or
    an opening bracket and before a word, closes after a word or punctuation, and is nothing
    between two letters (5"6).
    """
    char, pair = text[i], text[i : i + 2]
    before = text[i - 1] if i > first else " "
    width = 2 if pair in ("``", "''") else 1
    after = text[i + width] if i + width < last else " "
    if pair == "``" and not before.isalnum():
        return "open", "doubled", 2
    if pair == "''":
        if depth:
            return "close", "doubled", 2
        return ("open", "doubled", 2) if not before.isalnum() else ("", "", 2)
    if char in ("“", "«"):
        if depth and not before.isspace() and not after.isalnum():
            return "close", _OPENING_KINDS[char], 1  # “ typed to close: …ready,“ he said
        return "open", _OPENING_KINDS[char], 1
    if char in ("”", "»"):
        if before.isspace() and after.isalnum():
            return "open", _CLOSING_KINDS[char], 1  # ” typed to open: ”Mr. Trump …”
        return "close", _CLOSING_KINDS[char], 1
    if char != '"':
        return "", "", 1
    if not depth:
        # A straight mark after a word, followed by a space, closes nothing open: not a quote.
        stray = not before.isspace() and (after.isspace() or i + 1 >= last)
        return ("open", "straight", 1) if not before.isalnum() and not stray else ("", "", 1)
    if not before.isspace() and not after.isalnum():
        return "close", "straight", 1
    if before.isspace() or before in "([{—–-/":
        return ("open", "straight", 1) if not after.isspace() else ("close", "straight", 1)
    return "", "", 1


def _open_end(text: str, inner: int, first: int, last: int) -> int:
    """Where a quote left open ends: its paragraph's end, or in a paragraph too long to be
    one (breaks lost), the end of the sentence it opened in."""
    if last - first <= LONG_PARAGRAPH:
        return last
    found = SENTENCE_END.search(text, inner, last)
    return found.end() if found else last


def _single(text: str, i: int, first: int, last: int) -> bool:
    """Whether a single curly quote opens at ``i``: ‘ at a word's start."""
    return text[i] == "‘" and not (i > first and text[i - 1].isalnum())


def find_quotes(text: str) -> list[Quote]:
    """Quotations, paragraph by paragraph; a quote never runs past its paragraph.

    Curly and straight double quotes, guillemets, doubled apostrophes and backticks (''…'',
    ``…''), and single curly quotes when they open at a word's start and close before a
    non-letter (so that "China’s" is no quote).

    - Quotes nest ("He called it "fake news" today," …): a closing mark closes the latest
      quote opened with its kind, or, when none is open, the latest of any kind ("…”).
    - An opening mark right after a sentence ends, inside a quote, starts a new paragraph of
      the quote in text whose paragraph breaks were lost ("… we will. “We …"): the open
      quote ends there, unclosed.
    - A quote left open at a paragraph's end ends there, unclosed: news style for a quote
      that goes on (in an overlong paragraph, at the end of its sentence).
    """
    quotes: list[Quote] = []
    for number, (first, last) in enumerate(paragraphs(text)):
        stack: list[_Open] = []
        single: tuple[int, int] | None = None  # a single quote's mark and words
        i = first
        while i < last:
            if single is not None:
                after = text[i + 1] if i + 1 < last else " "
                if text[i] == "’" and not after.isalpha():
                    quotes.append(Quote(single[0], i + 1, single[1], i, number, True, False))
                    single = None
                i += 1
                continue
            action, kind, width = _double_mark(text, i, first, last, len(stack))
            if action == "open":
                if len(stack) == 1 and _ENDS_SENTENCE.search(text[max(first, i - 8) : i]):
                    opened = stack.pop()
                    end = len(text[:i].rstrip())
                    quotes.append(Quote(opened.start, end, opened.inner, end, number, False, True))
                stack.append(_Open(i, i + width, kind))
            elif action == "close" and stack:
                same = [n for n, opened in enumerate(stack) if opened.kind == kind]
                outer = stack[0]
                del stack[same[-1] if same else -1 :]
                if not stack:
                    quotes.append(Quote(outer.start, i + width, outer.inner, i, number, True, True))
            elif not stack and _single(text, i, first, last):
                single = (i, i + 1)
            i += width
        opened_left = stack[0] if stack else None
        if opened_left is not None:
            end = _open_end(text, opened_left.inner, first, last)
            quotes.append(
                Quote(opened_left.start, end, opened_left.inner, end, number, False, True)
            )
        elif single is not None:
            quotes.append(Quote(single[0], last, single[1], last, number, False, False))
    return quotes
