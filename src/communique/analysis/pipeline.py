"""Composing the extractors into the per-article analysis."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from communique.analysis.entities import entity_mentions
from communique.analysis.sentences import sentences
from communique.records import Article, ArticleRecords


def analyse_doc(article: Article, doc: Doc) -> ArticleRecords:
    """The records of one article, given the spaCy parse of its text."""
    if doc.text != article.text:
        raise ValueError(f"article {article.id}: the parse is not of this article's text")
    found = sentences(doc, article.id)
    return ArticleRecords(
        article_id=article.id,
        sentences=found,
        mentions=entity_mentions(doc, article.id, found),
    )


def analyse(article: Article, nlp: Language) -> ArticleRecords:
    """Analyse one article: parse it and extract its records."""
    return analyse_doc(article, nlp(article.text))


def analyse_stream(
    articles: Iterable[Article], nlp: Language, batch_size: int = 32
) -> Iterator[tuple[Article, ArticleRecords]]:
    """Analyse many articles, batching the parses through ``nlp.pipe``; order is kept."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, analyse_doc(article, doc)
