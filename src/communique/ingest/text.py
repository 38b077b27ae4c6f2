"""Plain text and Markdown articles."""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from communique.ingest.clean import clean_scraped, split_headline
from communique.ingest.fields import parse_date
from communique.records import Article

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
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


@functools.cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _inline_text(children: list[Token]) -> str:
    """The words of a paragraph or heading: link and emphasis text kept, images and HTML
    tags dropped, line breaks kept."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def markdown_to_text(text: str) -> str:
    """Markdown with its markup taken off, keeping the words and paragraphs.

    A CommonMark parser reads it (markdown-it-py, which takes linear time on any input, even
    emphasis marks and brackets left open by the thousand).
    """
    blocks = []
    for token in _markdown().parse(text):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            blocks.append(token.content.strip("\n"))
    return "\n\n".join(block for block in blocks if block.strip())


def read_text(text: str, *, markdown: bool = False, order: str | None = None) -> Article | None:
    """An article from a text file: page furniture removed, the headline taken as title;
    a date in front matter read in ``order`` when one is given (``--dayfirst``).

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
        date=parse_date(meta.get("date"), order),
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        format="markdown" if markdown else "text",
    )
