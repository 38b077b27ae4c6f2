"""Stretches of an article's text: trimming them, and asking which reach furthest."""

from __future__ import annotations

import re

EDGE = " \t\n,.;:—–-"
# Three words or more, as ``str.split`` counts them (both split at ``str.isspace``).
THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")
# A name signing a quote: a dash after it, then capitalised words to the paragraph's end.
SIGNATURE = re.compile(r"[ \t\u00a0]*(―|—|–)[ \t\u00a0]*([A-Z][^\n―—–]{1,60}?)[ \t\u00a0.]*$", re.M)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


class Furthest:
    """Stretches of a text added in any order, asked for the furthest end among those that
    start at or before an offset: a Fenwick tree of maxima, so that neither adding nor asking
    walks every stretch added."""

    def __init__(self, length: int) -> None:
        self._tree = [-1] * (length + 2)  # 1-based: offset o is at o + 1

    def add(self, start: int, end: int) -> None:
        i = start + 1
        while i < len(self._tree):
            self._tree[i] = max(self._tree[i], end)
            i += i & -i

    def furthest(self, offset: int) -> int:
        """The furthest end of the stretches starting at or before ``offset``; -1 for none."""
        i, best = min(offset + 1, len(self._tree) - 1), -1
        while i > 0:
            best = max(best, self._tree[i])
            i -= i & -i
        return best
