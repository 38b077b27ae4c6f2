"""Plain text and Markdown articles."""

from __future__ import annotations

import re

from communique.ingest.clean import clean_scraped, split_headline
from communique.ingest.fields import parse_date
from communique.records import Article

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--.*?-->", re.DOTALL), ""),  # comments
    (re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$", re.MULTILINE), ""),  # link definitions
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*_]\s*){3,}$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),  # code
)
_META_KEYS = {"title": "title", "headline": "title", "date": "date", "published": "date",
              "url": "url", "link": "url", "outlet": "outlet", "source": "outlet",
              "publisher": "outlet"}  # fmt: skip


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` fences at the top of a Markdown file."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        field = _META_KEYS.get(key.strip().lower())
        if sep and field and value.strip():
            meta[field] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def markdown_to_text(text: str) -> str:
    """Markdown with its markup taken off, keeping the words and paragraphs."""
    for pattern, replacement in _MD_RULES:
        text = pattern.sub(replacement, text)
    return text


def read_text(text: str, *, markdown: bool = False) -> Article | None:
    """An article from a text file: page furniture removed, the headline taken as title.

    Returns None when no text is left.
    """
    meta: dict[str, str] = {}
    if markdown:
        meta, text = _front_matter(text)
        text = markdown_to_text(text)
    body = clean_scraped(text)
    title = meta.get("title")
    if title is None:
        title, body = split_headline(body)
    if not body:
        return None
    return Article(
        text=body,
        title=title,
        date=parse_date(meta.get("date")),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        format="markdown" if markdown else "text",
    )
