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

TEXT = pa.string()
NUMBER = pa.int32()
REAL = pa.float64()
SIDE = pa.struct(
    [
        ("value", TEXT),
        ("article_id", TEXT),
        ("outlet", TEXT),
        ("date", pa.date32()),
        ("start", NUMBER),
        ("end", NUMBER),
        ("text", TEXT),
        ("evidence", TEXT),
    ]
)
# Actor kinds that stand for their state: "Russia" and "Moscow" acting are one side.
STATE_KINDS = ("state", "government")


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
    """The pass's results as Arrow tables shaped like the store's tables."""
    stories = pa.table(
        {
            "article_id": pa.array(list(result.stories), TEXT),
            "story_id": pa.array(list(result.stories.values()), TEXT),
        }
    )
    events = result.events

    def column(name: str, kind: pa.DataType) -> pa.Array:
        return pa.array([getattr(e, name) for e in events], kind)

    merged = pa.table(
        {
            "id": column("id", TEXT),
            "type": column("type", TEXT),
            "mode": column("mode", TEXT),
            "quad": column("quad", NUMBER),
            "cameo": column("cameo", TEXT),
            "goldstein": column("goldstein", REAL),
            "date_start": column("date_start", pa.date32()),
            "date_end": column("date_end", pa.date32()),
            "date_granularity": column("granularity", TEXT),
            "place_name": column("place_name", TEXT),
            "place_country": column("place_country", TEXT),
            "latitude": column("latitude", REAL),
            "longitude": column("longitude", REAL),
            "modality": column("modality", TEXT),
            "num_mentions": column("num_mentions", NUMBER),
            "num_articles": column("num_articles", NUMBER),
            "num_sources": column("num_sources", NUMBER),
            "actors": pa.array([list(e.actors) for e in events], pa.list_(TEXT)),
            "recipients": pa.array([list(e.recipients) for e in events], pa.list_(TEXT)),
        }
    )
    links = [(e.id, m.article_id, m.index) for e in events for m in e.mentions]
    mentions = pa.table(
        {
            "merged_id": pa.array([link[0] for link in links], TEXT),
            "article_id": pa.array([link[1] for link in links], TEXT),
            "event_idx": pa.array([link[2] for link in links], NUMBER),
        }
    )
    found = result.conflicts
    conflicts = pa.table(
        {
            "id": pa.array([c.id for c in found], TEXT),
            "kind": pa.array([c.kind for c in found], TEXT),
            "subject": pa.array([c.subject for c in found], TEXT),
            "fact": pa.array([c.fact for c in found], TEXT),
            "sides": pa.array(
                [
                    [{name: getattr(side, name) for name in SIDE.names} for side in c.sides]
                    for c in found
                ],
                pa.list_(SIDE),
            ),
        }
    )
    return {
        "stories": stories,
        "merged_events": merged,
        "event_mentions": mentions,
        "conflicts": conflicts,
    }


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
