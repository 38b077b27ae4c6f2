"""The cross-article pass: stories, merged events and conflicts, rebuilt from what is stored.

:func:`build_crossdoc` reads the stored articles (analysed originals; near-copies are not
analysed and take no part), their mentions' actors, events with their sides, and roles, and
rewrites ``stories``, ``merged_events``, ``event_mentions`` and ``conflicts`` in one
transaction through :meth:`Store.save_crossdoc`. It reads no text but the stored articles',
and is cheap enough to run after every ingest: the story grouping and the event merge are
both blocked, so the work grows with the corpus, not its square.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
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


# -- reading ----------------------------------------------------------------------------------

_ARTICLES = """
    SELECT a.id, a.text, a.title, a.date, a.outlet, a.seq,
           coalesce((SELECT list(DISTINCT m.actor_id) FROM mentions m
                     WHERE m.article_id = a.id AND m.actor_id IS NOT NULL), [])
    FROM articles a
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq
"""

_EVENTS = """
    WITH sides AS (
        SELECT p.article_id, p.event_idx, p.side, p.position, r.kind = 'person' AS person,
               CASE WHEN p.actor_id IS NULL THEN coalesce(p.country, 'text:' || lower(p.text))
                    WHEN r.kind IN ('state', 'government')
                        THEN coalesce(r.country, p.country, p.actor_id)
                    ELSE p.actor_id END AS who
        FROM event_participants p LEFT JOIN actors r ON r.id = p.actor_id
    )
    SELECT e.article_id, e.idx, e.type, e.mode, e.modality, e.date_start, e.date_end,
           e.date_granularity, e.place_name, e.place_country, e.latitude, e.longitude,
           e.geonameid, e.quad, e.cameo, e.goldstein,
           e.date_text, e.date_text_start, e.date_text_end,
           e.place_text, e.place_start, e.place_end,
           s."start", s."end",
           coalesce((SELECT list(x.who ORDER BY x.position) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx
                       AND x.side = 'actor'), []),
           coalesce((SELECT list(x.who ORDER BY x.position) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx
                       AND x.side = 'recipient'), []),
           coalesce((SELECT bool_or(x.person) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx), false),
           coalesce((SELECT list({'kind': z.kind, 'value': z.value, 'start': z."start",
                                  'end': z."end", 'at_least': z.at_least}
                                 ORDER BY z."start")
                     FROM event_sizes z
                     WHERE z.article_id = e.article_id AND z.event_idx = e.idx), [])
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq, e.idx
"""

# Spans of the text are cut in Python from the text read once: DuckDB's substring counts
# characters from the start of the string, which costs the article's length every time.
_ROLES = """
    SELECT o.article_id, o.idx, o.actor_id, o.role, o.organisation, o.country, o.tense,
           o."start", o."end",
           (SELECT [s."start", s."end"] FROM sentences s
            WHERE s.article_id = o.article_id AND s."start" <= o."start" AND o."start" < s."end"
            ORDER BY s.idx LIMIT 1),
           a.outlet, a.date, a.seq
    FROM roles o JOIN articles a ON a.id = o.article_id
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq, o.idx
"""


def _span(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def compute(conn: duckdb.DuckDBPyConnection) -> Crossdoc:
    """Stories, merged events and conflicts from what the store holds (reads only)."""
    articles = conn.execute(_ARTICLES).fetchall()
    stories = group_stories(
        [
            StoryArticle(id=key, text=text, title=title, date=day, actors=frozenset(actors))
            for key, text, title, day, _, _, actors in articles
        ]
    )
    about = {key: (outlet, day, seq) for key, _, _, day, outlet, seq, _ in articles}
    texts: dict[str, str] = {key: text for key, text, *_ in articles}

    def cut(key: str, start: int | None, end: int | None) -> str | None:
        return texts[key][start:end] if start is not None and end is not None else None

    countries = frozenset(state_ids().values())  # whole states: "in Russia", not a town
    mentions = []
    for row in conn.execute(_EVENTS).fetchall():
        (key, index, kind, mode, modality, start, end, granularity, place_name, place_country,
         latitude, longitude, geonameid, quad, cameo, goldstein, date_text, date_start,
         date_end, place_text, place_start, place_end, sentence_start, sentence_end,
         actors, recipients, people, sizes) = row  # fmt: skip
        sentence = cut(key, sentence_start, sentence_end)
        outlet, published, seq = about[key]
        mentions.append(
            EventMention(
                article_id=key,
                index=index,
                type=kind,
                mode=mode,
                actors=_unique(actors),
                recipients=_unique(recipients),
                modality=modality,
                date_start=start,
                date_end=end,
                granularity=granularity,
                place_name=place_name,
                place_country=place_country,
                latitude=latitude,
                longitude=longitude,
                place_is_country=geonameid is not None and geonameid in countries,
                quad=quad,
                cameo=cameo,
                goldstein=goldstein,
                story=stories.get(key),
                outlet=outlet,
                published=published,
                order=seq,
                named_people=people,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                sentence=sentence,
                date_text=date_text,
                date_span=_span(date_start, date_end),
                place_text=place_text,
                place_span=_span(place_start, place_end),
                sizes=tuple(
                    Size(**size, text=texts[key][size["start"] : size["end"]]) for size in sizes
                ),
            )
        )
    merged = merge_events(mentions)
    claims = [
        RoleClaim(
            article_id=key, index=index, actor_id=actor, role=role, organisation=organisation,
            country=country, tense=tense, start=start, end=end, text=texts[key][start:end],
            evidence=cut(key, *sentence) if sentence else None,
            outlet=outlet, published=day, order=seq,
        )
        for (key, index, actor, role, organisation, country, tense, start, end, sentence,
             outlet, day, seq) in conn.execute(_ROLES).fetchall()
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
    result = compute(store.conn)
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
