"""Composing the extractors into the per-article analysis."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from communique.analysis.actors import LinkContext, link_actors
from communique.analysis.entities import entity_mentions
from communique.analysis.events import EventContext, find_events
from communique.analysis.passes import Pass, run_passes
from communique.analysis.resources import Resources, shipped
from communique.analysis.sentences import sentences
from communique.analysis.statements import StatementContext, find_statements
from communique.nlp import LONG_ARTICLE, MAX_ARTICLE, parse, piece_limit, pieces
from communique.records import (
    ActorRef,
    Article,
    ArticleRecords,
    Event,
    Failure,
    Mention,
    Role,
    Sentence,
    Statement,
    describe_error,
)

# Raised whenever the analysis changes what it finds, so stored articles are analysed again.
ANALYSIS_VERSION = 13


@dataclass
class ArticleContext:
    """One article as the passes share it: the input (the article, its parse, the read-only
    resources), and what each pass adds."""

    article: Article
    doc: Doc
    resources: Resources
    sentences: tuple[Sentence, ...] = ()
    starts: list[int] = field(default_factory=list)  # where each sentence starts
    mentions: tuple[Mention, ...] = ()
    actors: tuple[ActorRef, ...] = ()
    roles: tuple[Role, ...] = ()
    statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()

    def sentence_of(self, offset: int) -> int:
        """The number of the sentence holding a character."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)


def split_sentences(ctx: ArticleContext) -> None:
    ctx.sentences = sentences(ctx.doc, ctx.article.id)
    ctx.starts = [sentence.start for sentence in ctx.sentences]


def link(ctx: ArticleContext) -> None:
    ctx.mentions, ctx.actors, ctx.roles = link_actors(
        LinkContext(ctx.doc, ctx.article.id, ctx.article.date, ctx.resources),
        entity_mentions(ctx.doc, ctx.article.id, ctx.sentences),
        ctx.sentence_of,
    )


def attribute(ctx: ArticleContext) -> None:
    ctx.statements = find_statements(
        StatementContext(
            ctx.doc,
            ctx.article.id,
            ctx.mentions,
            ctx.actors,
            ctx.sentence_of,
            ctx.resources,
        )
    )


def code_events(ctx: ArticleContext) -> None:
    ctx.events = find_events(
        EventContext(
            ctx.doc, ctx.article.id, ctx.article.date, ctx.mentions, ctx.actors,
            ctx.statements, ctx.sentence_of, ctx.resources,
        )
    )  # fmt: skip


# What the analysis is given, and its passes in order (each has passes of its own:
# ``actors.PASSES``, ``statements.PASSES``, ``events.STAGES``).
GIVEN = ("article", "parse", "resources")
PASSES: tuple[Pass[ArticleContext], ...] = (
    Pass("sentences", split_sentences, ("article", "parse"), ("sentences",)),
    Pass(
        "actors",
        link,
        ("article", "parse", "resources", "sentences"),
        ("mentions", "actors", "roles"),
    ),
    Pass(
        "statements",
        attribute,
        ("article", "parse", "resources", "sentences", "mentions", "actors"),
        ("statements",),
    ),
    Pass(
        "events",
        code_events,
        ("article", "parse", "resources", "sentences", "mentions", "actors", "statements"),
        ("events",),
    ),
)


def analyse_doc(article: Article, doc: Doc, resources: Resources | None = None) -> ArticleRecords:
    """The records of one article, given the spaCy parse of its text and the read-only
    resources (by default those communique ships)."""
    if doc.text != article.text:
        raise ValueError(f"article {article.id}: the parse is not of this article's text")
    ctx = run_passes(PASSES, ArticleContext(article, doc, resources or shipped()))
    return ArticleRecords(
        article_id=article.id,
        sentences=ctx.sentences,
        mentions=ctx.mentions,
        actors=ctx.actors,
        roles=ctx.roles,
        statements=ctx.statements,
        events=ctx.events,
    )


def analyse(article: Article, nlp: Language, resources: Resources | None = None) -> ArticleRecords:
    """Analyse one article: parse it (in pieces when it is long) and extract its records."""
    return analyse_doc(article, parse(nlp, article.text), resources)


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
    resources: Resources | None = None,
) -> Iterator[tuple[Article, ArticleRecords | Failure]]:
    """Analyse many articles, batching the parses through ``nlp.pipe``; order is kept.

    Nothing one article holds can stop the others: an article the parser or the analysis
    fails on, or one longer than ``MAX_ARTICLE`` characters, comes out as a ``Failure``
    saying why.
    """
    resources = resources or shipped()
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
                    yield article, analyse_doc(article, doc, resources)
                except Exception as error:  # one article's failure is its own
                    yield article, Failure(article.id, "analysis", describe_error(error))


def analyse_stream(
    articles: Iterable[Article],
    nlp: Language,
    batch_size: int = 32,
    resources: Resources | None = None,
) -> Iterator[tuple[Article, ArticleRecords]]:
    """Analyse many articles as ``analyse_each`` does, raising on the first that fails."""
    for article, records in analyse_each(articles, nlp, batch_size, resources):
        if isinstance(records, Failure):
            raise AnalysisFailed(f"article {article.id}: {records.message}")
        yield article, records


class AnalysisFailed(RuntimeError):
    """An article could not be analysed."""
