"""HTML pages (with trafilatura) and HTML fragments such as feed entries."""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura

from communique.ingest.clean import clean_scraped
from communique.ingest.fields import parse_date
from communique.records import Article

# trafilatura reports pages it cannot read through logging; communique reports them itself.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Less text than this (in characters other than spaces) is a teaser or an error page.
MIN_CHARS = 100

_BLOCKS = frozenset(
    {
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
        "ul", "ol", "section", "article", "header", "footer", "figure", "figcaption", "pre",
        "hr", "dd", "dt",
    }
)  # fmt: skip
_BLANKS = re.compile(r"\n\s*\n\s*")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _flow(text: str) -> str:
    """A text node's line breaks are spaces, as a browser shows them; a blank line is kept as
    a paragraph break (exports often hold plain paragraphs with a few inline tags)."""
    return "\n\n".join(part.replace("\n", " ") for part in _BLANK_LINE.split(text))


def extract_page(data: bytes | str) -> Article | None:
    """The article in a news page with its title, date, outlet and canonical URL.

    None when the page holds no article (an index page, an error page, a script shell).
    """
    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_images=False
    )
    if document is None or isinstance(document, dict):  # a dict only when asked for one
        return None
    text = clean_scraped(document.text or "")
    title = (document.title or "").strip()
    first, _, rest = text.partition("\n")
    if title and " ".join(first.split()) == " ".join(title.split()):
        text = rest.strip()  # the headline is the title, not part of the body
    if len(text) - text.count(" ") < MIN_CHARS:
        return None
    return Article(
        text=text,
        title=document.title or None,
        date=parse_date(document.date),
        outlet=document.sitename or document.hostname or None,
        url=document.url or None,
        format="html",
    )


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    pieces: list[str] = []

    def walk(element: lxml.html.HtmlElement, pre: bool = False) -> None:
        block = element.tag in _BLOCKS
        pre = pre or element.tag == "pre"
        flow = str if pre else _flow
        if block:
            pieces.append("\n\n")
        if element.text:
            pieces.append(flow(element.text))
        for child in element:
            if isinstance(child.tag, str):
                walk(child, pre)
            if child.tail:
                pieces.append(flow(child.tail))
        if block:
            pieces.append("\n\n")

    walk(root)
    text = _SPACES.sub(" ", "".join(pieces))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANKS.sub("\n\n", text).strip()


def looks_like_html(text: str) -> bool:
    """Whether a field's value is HTML markup rather than plain text."""
    return bool(
        re.search(r"<(?:p|div|br|span|a|b|i|em|strong|li|h[1-6])\b[^>]*>", text[:2000], re.I)
    )
