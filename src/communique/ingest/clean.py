"""Cleaning text scraped from news pages: keep the article, drop the page around it.

Copies of articles saved from a browser or a scraper carry the page's furniture along: ad
slots, newsletter and app promotions, "Learn more" links, video players (a duration such as
"03:29" followed by the clip's title, often twice), photo captions with their credit and the
comment counter at the end. These rules recognise such lines by their shape, never by the
words of one site, and leave every line of prose alone.
"""

from __future__ import annotations

import re

# Whole lines that are page furniture wherever they appear.
_FURNITURE = re.compile(
    r"""^(?:
        advertisements?|advert|ad|sponsored(?:\s+content)?|promoted|paid\s+content
      | (?:learn|read|see|show|load|view)\s+more(?:\s+(?:stories|news|articles))?
      | continue\s+reading|read\s+the\s+(?:full\s+)?(?:story|article)|read\s+next
      | click\s+here\b.*|tap\s+here\b.*
      | subscribe(?:\s+(?:now|today|here))?|sign\s+up\b.{0,60}|sign\s+in|log\s?in|register
      | (?:get\s+more\s+with|download\s+the|get\s+the)\s+\S+(?:\s+app)?
      | share(?:\s+(?:this|on)\b.{0,30})?|tweet|e-?mail|print|copy\s+link|whatsapp|facebook|twitter
      | related(?:\s+(?:articles?|stories|topics|news|coverage))?|recommended(?:\s+for\s+you)?
      | more\s+(?:on\s+this|from)\b.{0,40}|trending(?:\s+now)?|most\s+(?:read|popular|viewed)
      | (?:skip|jump)\s+to\s+(?:main\s+)?content|back\s+to\s+top|top\s+of\s+page
      | follow\s+us\b.{0,40}|cookie\b.{0,80}|accept(?:\s+all)?(?:\s+cookies)?
      | comments?(?:\s*\(\d+\))?|\d[\d,.]*\s*(?:k\s+)?comments?|view\s+comments?
      | (?:\d{1,2}:)?\d{1,2}:\d{2}            # a video's running time
      | \d[\d,.]*k?                           # a bare counter: comments, shares, likes
      | photo|video|watch|listen|audio|gallery|image
    )[\s.:!]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# A running time alone on a line: the next fragment is the video's title.
_DURATION = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}$")

# A caption ending in its credit: "... on Wednesday. Photo: AFP", "(Photo: Reuters)".
_CAPTION = re.compile(
    r"(?:^|[\s(\[|/])(?:photos?|photograph|image|picture|file\s+photo)"
    r"\s*(?:credit)?\s*:\s*[^.!?]{1,80}[)\]]?\s*$",
    re.IGNORECASE,
)

_SENTENCE_END = re.compile(r"""[.!?…:;,]["'”’»)\]]*$""")
_HEADLINE_END = re.compile(r"""[.,;:]["'”’»)\]]*$""")


def is_fragment(line: str) -> bool:
    """A short line that does not end like a sentence: a heading, a label, a link text."""
    return len(line.split()) <= 20 and not _SENTENCE_END.search(line)


def is_furniture(line: str) -> bool:
    """A line that belongs to the page, not the article."""
    return bool(_FURNITURE.match(line) or _CAPTION.search(line))


def _belongs_to_page(
    lines: list[str], furniture: list[bool], i: int, before: int | None, after: int | None
) -> bool:
    """Whether a line that is not furniture itself goes with the furniture around it."""
    line = lines[i]
    if not is_fragment(line):
        return False
    # A fragment between two pieces of furniture belongs to them (a promo block).
    if before is not None and after is not None and furniture[before] and furniture[after]:
        return True
    # The title of an embedded video follows its running time.
    if before is not None and _DURATION.match(lines[before]):
        return True
    # A fragment printed twice in a row is a caption or alt text, not prose.
    return (before is not None and lines[before] == line) or (
        after is not None and lines[after] == line
    )


def clean_scraped(text: str) -> str:
    """The article text with page furniture removed and whitespace tidied.

    Paragraphs stay separated by one blank line; lines keep their words as they were.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    keep = [bool(line) for line in lines]
    furniture = [bool(line) and is_furniture(line) for line in lines]
    nonblank = [i for i, line in enumerate(lines) if line]

    for position, i in enumerate(nonblank):
        before = nonblank[position - 1] if position > 0 else None
        after = nonblank[position + 1] if position + 1 < len(nonblank) else None
        if furniture[i] or _belongs_to_page(lines, furniture, i, before, after):
            keep[i] = False

    out: list[str] = []
    for i, line in enumerate(lines):
        if keep[i]:
            out.append(line)
        elif not line and out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip()


def split_headline(text: str) -> tuple[str | None, str]:
    """Split off the first line when it reads as a headline; returns (title, body)."""
    first, _, rest = text.partition("\n")
    first, rest = first.strip(), rest.strip()
    words = first.split()
    if (
        rest
        and 2 <= len(words) <= 30
        and len(first) <= 200
        and not _HEADLINE_END.search(first)
        and (first[0].isupper() or first[0].isdigit() or first[0] in "\"'“‘")
    ):
        return first, rest
    return None, text.strip()
