"""Composing the extractors into the per-article analysis."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from communique.analysis.actors import ActorLinker
from communique.analysis.entities import entity_mentions
from communique.analysis.events import EventFinder
from communique.analysis.sentences import sentences
from communique.analysis.statements import StatementFinder
from communique.kb import KnowledgeBase
from communique.kb import load as load_kb
from communique.records import Article, ArticleRecords

# Raised whenever the analysis changes what it finds, so stored articles are analysed again.
ANALYSIS_VERSION = 7


def analyse_doc(article: Article, doc: Doc, kb: KnowledgeBase | None = None) -> ArticleRecords:
    """The records of one article, given the spaCy parse of its text and the knowledge base."""
    if doc.text != article.text:
        raise ValueError(f"article {article.id}: the parse is not of this article's text")
    kb = kb if kb is not None else load_kb()
    found = sentences(doc, article.id)
    starts = [sentence.start for sentence in found]

    def sentence_of(offset: int) -> int:
        return max(bisect.bisect_right(starts, offset) - 1, 0)

    linker = ActorLinker(doc, article.id, article.date, kb)
    mentions, actors, roles = linker.link(entity_mentions(doc, article.id, found), sentence_of)
    finder = StatementFinder(doc, article.id, mentions, actors, sentence_of, kb.agents)
    statements = finder.statements()
    events = EventFinder(
        doc, article.id, article.date, mentions, actors, statements, sentence_of, kb
    ).events()
    return ArticleRecords(
        article_id=article.id,
        sentences=found,
        mentions=mentions,
        actors=actors,
        roles=roles,
        statements=statements,
        events=events,
    )


def analyse(article: Article, nlp: Language, kb: KnowledgeBase | None = None) -> ArticleRecords:
    """Analyse one article: parse it and extract its records."""
    return analyse_doc(article, nlp(article.text), kb)


def analyse_stream(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 32,
    kb: KnowledgeBase | None = None,
) -> Iterator[tuple[Article, ArticleRecords]]:
    """Analyse many articles, batching the parses through ``nlp.pipe``; order is kept."""
    kb = kb if kb is not None else load_kb()
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, analyse_doc(article, doc, kb)
