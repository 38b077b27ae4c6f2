"""RSS and Atom feed files: one article per item, from its content or else its summary."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

import feedparser

from communique.ingest.clean import clean_scraped
from communique.ingest.html import fragment_to_text
from communique.records import Article, Problem


def _entry_date(entry: feedparser.FeedParserDict) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except (ValueError, TypeError):  # "0000-00-00T00:00:00Z" and the like
                continue
    return None


def _entry_text(entry: feedparser.FeedParserDict) -> str:
    """The text an item carries: its content (all parts), else its summary or description."""
    parts = [part.get("value", "") for part in entry.get("content", [])]
    content = "\n\n".join(clean_scraped(fragment_to_text(part)) for part in parts if part)
    return content.strip() or clean_scraped(fragment_to_text(entry.get("summary", "")))


def read_feed(data: bytes, path: str) -> Iterator[Article | Problem]:
    """Articles from a feed file's items; an item without text is reported."""
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = feed.get("bozo_exception")
        message = f"not a readable feed ({reason})" if reason else "feed has no items"
        yield Problem(path, message, "malformed")
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        text = _entry_text(entry)
        if not text:
            yield Problem(path, f"item {number}: no content or summary", "no-text")
            continue
        yield Article(
            text=text,
            title=entry.get("title") or None,
            date=_entry_date(entry),
            outlet=outlet,
            url=entry.get("link") or None,
            locator=f"item {number}",
            format="feed",
        )
