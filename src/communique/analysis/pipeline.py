"""Composing the extractors into the per-article analysis."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from communique.analysis.actors import ActorLinker
from communique.analysis.entities import entity_mentions
from communique.analysis.events import EventFinder
from communique.analysis.sentences import sentences
from communique.analysis.statements import StatementFinder
from communique.kb import KnowledgeBase
from communique.kb import load as load_kb
from communique.nlp import LONG_ARTICLE, MAX_ARTICLE, parse, piece_limit, pieces
from communique.records import Article, ArticleRecords, Failure, describe_error

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
    """Analyse one article: parse it (in pieces when it is long) and extract its records."""
    return analyse_doc(article, parse(nlp, article.text), kb)


def _parse_batch(batch: list[Article], nlp: Language, batch_size: int) -> list[Doc | Failure]:
    """The parses of a batch of articles; an article the parser fails on is a ``Failure``.

    The pieces of the batch's ordinary articles go through ``nlp.pipe`` together; a long
    article is parsed on its own, on every core. Should the batch fail, each article is
    parsed on its own, so that one bad article costs only itself.
    """
    ordinary = [article for article in batch if len(article.text) < LONG_ARTICLE]
    cut = [pieces(article.text, piece_limit(nlp)) for article in ordinary]
    parsed: dict[str, Doc | Failure] = {}
    try:
        docs = iter(list(nlp.pipe((p for parts in cut for p in parts), batch_size=batch_size)))
        for article, parts in zip(ordinary, cut, strict=True):
            parsed[article.id] = parse(nlp, article.text, list(islice(docs, len(parts))))
    except Exception:  # isolate the article at fault below
        parsed.clear()
    for article in batch:
        if article.id not in parsed:
            try:
                parsed[article.id] = parse(nlp, article.text)
            except Exception as error:  # one article's failure is its own
                parsed[article.id] = Failure(article.id, "parse", describe_error(error))
    return [parsed[article.id] for article in batch]


def analyse_each(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 32,
    kb: KnowledgeBase | None = None,
) -> Iterator[tuple[Article, ArticleRecords | Failure]]:
    """Analyse many articles, batching the parses through ``nlp.pipe``; order is kept.

    Nothing one article holds can stop the others: an article the parser or the analysis
    fails on, or one longer than ``MAX_ARTICLE`` characters, comes out as a ``Failure``
    saying why.
    """
    kb = kb if kb is not None else load_kb()
    stream = iter(articles)
    while batch := list(islice(stream, batch_size)):
        fit = [article for article in batch if len(article.text) <= MAX_ARTICLE]
        docs = dict(zip((a.id for a in fit), _parse_batch(fit, nlp, batch_size), strict=True))
        for article in batch:
            doc = docs.get(article.id)
            if doc is None:
                yield (
                    article,
                    Failure(
                        article.id,
                        "too-long",
                        f"{len(article.text):,} characters, over the {MAX_ARTICLE:,} communique "
                        "analyses; stored but not analysed",
                    ),
                )
            elif isinstance(doc, Failure):
                yield article, doc
            else:
                try:
                    yield article, analyse_doc(article, doc, kb)
                except Exception as error:  # one article's failure is its own
                    yield article, Failure(article.id, "analysis", describe_error(error))


def analyse_stream(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 32,
    kb: KnowledgeBase | None = None,
) -> Iterator[tuple[Article, ArticleRecords]]:
    """Analyse many articles as ``analyse_each`` does, raising on the first that fails."""
    for article, records in analyse_each(articles, nlp, batch_size, kb):
        if isinstance(records, Failure):
            raise AnalysisFailed(f"article {article.id}: {records.message}")
        yield article, records


class AnalysisFailed(RuntimeError):
    """An article could not be analysed."""
