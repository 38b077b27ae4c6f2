"""The cross-article pass: stories, merged events and conflicts, rebuilt from what is stored.

:func:`build_crossdoc` reads the stored articles (analysed originals; near-copies are not
analysed and take no part), their mentions' actors, events with their sides, and roles,
through the store (``communique.store.crossdoc``), and rewrites ``stories``,
``merged_events``, ``event_mentions`` and ``conflicts`` in one transaction through
:meth:`Store.save_crossdoc`. It reads no text but the stored articles', and is cheap enough
to run after every ingest: the story grouping and the event merge are both blocked, so the
work grows with the corpus, not its square.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import pyarrow as pa

from communique.crossdoc.conflicts import Conflict, RoleClaim, detect_conflicts
from communique.crossdoc.merge import EventMention, MergedEvent, merge_events
from communique.crossdoc.stories import StoryArticle, group_stories
from communique.kb.places import state_ids
from communique.records import Size
from communique.store import Store
from communique.store.tables import CROSSDOC_TABLES


@dataclass(frozen=True)
class CrossdocCounts:
    """What one cross-article pass found."""

    articles: int = 0
    stories: int = 0  # stories of more than one article
    events: int = 0  # event records
    merged_events: int = 0
    merged_across: int = 0  # merged events told by more than one article
    conflicts: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Crossdoc:
    """The pass's results, before they are written."""

    stories: dict[str, str]
    events: list[MergedEvent]
    conflicts: list[Conflict]
    articles: int


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def compute(store: Store) -> Crossdoc:
    """Stories, merged events and conflicts from what the store holds (reads only)."""
    articles = store.crossdoc_articles()
    stories = group_stories(
        [
            StoryArticle(
                id=a.id, text=a.text, title=a.title, date=a.date, actors=frozenset(a.actors)
            )
            for a in articles
        ]
    )
    about = {a.id: a for a in articles}

    def cut(key: str, start: int | None, end: int | None) -> str | None:
        return about[key].text[start:end] if start is not None and end is not None else None

    countries = frozenset(state_ids().values())  # whole states: "in Russia", not a town
    mentions = []
    for event in store.crossdoc_events():
        article = about[event.article_id]
        mentions.append(
            EventMention(
                article_id=event.article_id,
                index=event.idx,
                type=event.type,
                mode=event.mode,
                actors=_unique(event.actors),
                recipients=_unique(event.recipients),
                modality=event.modality,
                date_start=event.date_start,
                date_end=event.date_end,
                granularity=event.date_granularity,
                place_name=event.place_name,
                place_country=event.place_country,
                latitude=event.latitude,
                longitude=event.longitude,
                place_is_country=event.geonameid is not None and event.geonameid in countries,
                quad=event.quad,
                cameo=event.cameo,
                goldstein=event.goldstein,
                story=stories.get(event.article_id),
                outlet=article.outlet,
                published=article.date,
                order=article.seq,
                named_people=event.people,
                sentence_start=event.sentence_start,
                sentence_end=event.sentence_end,
                sentence=cut(event.article_id, event.sentence_start, event.sentence_end),
                date_text=event.date_text,
                date_span=_span(event.date_text_start, event.date_text_end),
                place_text=event.place_text,
                place_span=_span(event.place_start, event.place_end),
                sizes=tuple(
                    Size(**size, text=article.text[size["start"] : size["end"]])
                    for size in event.sizes
                ),
            )
        )
    merged = merge_events(mentions)
    claims = [
        RoleClaim(
            article_id=role.article_id, index=role.idx, actor_id=role.actor_id, role=role.role,
            organisation=role.organisation, country=role.country, tense=role.tense,
            start=role.start, end=role.end,
            text=about[role.article_id].text[role.start : role.end],
            evidence=cut(role.article_id, *role.sentence) if role.sentence else None,
            outlet=role.outlet, published=role.date, order=role.seq,
        )
        for role in store.crossdoc_roles()
    ]  # fmt: skip
    return Crossdoc(stories, merged, detect_conflicts(merged, claims), len(articles))


# -- writing ----------------------------------------------------------------------------------


def tables(result: Crossdoc) -> dict[str, pa.Table]:
    """The pass's results as Arrow tables, as the store declares them."""
    return {table.name: table.arrow(result) for table in CROSSDOC_TABLES}


def build_crossdoc(store: Store) -> CrossdocCounts:
    """Rebuild stories, merged events and conflicts from the store, in one transaction."""
    started = time.perf_counter()
    result = compute(store)
    store.save_crossdoc(tables(result))
    sizes: dict[str, int] = {}
    for story in result.stories.values():
        sizes[story] = sizes.get(story, 0) + 1
    return CrossdocCounts(
        articles=result.articles,
        stories=sum(1 for n in sizes.values() if n > 1),
        events=sum(e.num_mentions for e in result.events),
        merged_events=len(result.events),
        merged_across=sum(1 for e in result.events if e.num_articles > 1),
        conflicts=len(result.conflicts),
        seconds=time.perf_counter() - started,
    )
