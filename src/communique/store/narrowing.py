"""Reading a few articles' rows without scanning whole tables.

Every per-article row carries its article's ingest number (``article_seq``; ``seq`` on the
article itself), and an article's rows lie together in ingest order. A query narrowed to some
articles names their numbers twice: as a range, which DuckDB skips to as it scans (a range
is a filter it applies to each stored block, where a list of ids is not), and as the list
itself, which keeps exactly those articles.
"""

from __future__ import annotations

from collections.abc import Iterable


def within(column: str, kind: str = "page") -> str:
    """SQL: ``column`` (an ingest number) is one of ``$<kind>_seqs``."""
    return f"({column} BETWEEN ${kind}_lo AND ${kind}_hi AND list_contains(${kind}_seqs, {column}))"


def numbers(seqs: Iterable[int], kind: str = "page") -> dict[str, object]:
    """The parameters ``within`` reads for these ingest numbers (none: a range of nothing)."""
    ordered = sorted(set(seqs))
    return {f"{kind}_seqs": ordered, f"{kind}_lo": ordered[0] if ordered else 0,
            f"{kind}_hi": ordered[-1] if ordered else -1}  # fmt: skip
