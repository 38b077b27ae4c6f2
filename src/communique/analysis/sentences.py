"""Sentences: spans of the article text, trimmed of surrounding whitespace."""

from __future__ import annotations

from spacy.tokens import Doc

from communique.records import Sentence


def sentences(doc: Doc, article_id: str) -> tuple[Sentence, ...]:
    """The article's sentences in order, each with its character offsets; blank ones dropped."""
    found: list[Sentence] = []
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if not words:
            continue
        start = words[0].idx
        end = words[-1].idx + len(words[-1].text)
        found.append(Sentence(article_id, len(found), start, end))
    return tuple(found)
