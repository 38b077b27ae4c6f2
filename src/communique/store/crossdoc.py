"""What the cross-article pass reads: the analysed originals (near-copies are not analysed and
take no part), their events with their sides, and the roles they give actors.

Spans of the text are cut by the pass from the text read once: DuckDB's substring counts
characters from the start of the string, which costs the article's length every time.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import duckdb

from communique.kb.model import STATE_KINDS
from communique.store.schema import records
from communique.store.tables import EVENTS, ROLES, Table

_ARTICLES = """
    SELECT a.id, a.text, a.title, a.date, a.outlet, a.seq,
           coalesce((SELECT list(DISTINCT m.actor_id) FROM mentions m
                     WHERE m.article_id = a.id AND m.actor_id IS NOT NULL), []) AS actors
    FROM articles a
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq
"""

_EVENTS_SQL = """
    WITH sides AS (
        SELECT p.article_id, p.event_idx, p.side, p.position, r.kind = 'person' AS person,
               CASE WHEN p.actor_id IS NULL
                        -- an unnamed group is known by its head word, not its count: "12
                        -- people" in one report is "14 people" in another
                        THEN coalesce(p.country, 'text:' || regexp_extract(
                            lower(p.text), '([[:alpha:]-]+)[^[:alpha:]]*$', 1))
                    WHEN r.kind IN {state_kinds}
                        THEN coalesce(r.country, p.country, p.actor_id)
                    ELSE p.actor_id END AS who
        FROM event_participants p LEFT JOIN actors r ON r.id = p.actor_id
    )
    SELECT {stored},
           s."start" AS sentence_start, s."end" AS sentence_end,
           coalesce((SELECT list(x.who ORDER BY x.position) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx
                       AND x.side = 'actor'), []) AS actors,
           coalesce((SELECT list(x.who ORDER BY x.position) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx
                       AND x.side = 'recipient'), []) AS recipients,
           coalesce((SELECT bool_or(x.person) FROM sides x
                     WHERE x.article_id = e.article_id AND x.event_idx = e.idx), false)
               AS people,
           coalesce((SELECT list({'kind': z.kind, 'value': z.value, 'start': z."start",
                                  'end': z."end", 'at_least': z.at_least}
                                 ORDER BY z."start")
                     FROM event_sizes z
                     WHERE z.article_id = e.article_id AND z.event_idx = e.idx), []) AS sizes
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq, e.idx
"""

_ROLES_SQL = """
    SELECT {stored},
           (SELECT [s."start", s."end"] FROM sentences s
            WHERE s.article_id = o.article_id AND s."start" <= o."start" AND o."start" < s."end"
            ORDER BY s.idx LIMIT 1) AS sentence,
           a.outlet, a.date, a.seq
    FROM roles o JOIN articles a ON a.id = o.article_id
    WHERE a.duplicate_of IS NULL AND a.analysed_at IS NOT NULL
    ORDER BY a.seq, o.idx
"""


@dataclass(frozen=True)
class PassArticle:
    """An analysed original, with the ids of the actors its mentions refer to."""

    id: str
    text: str
    title: str | None
    date: date | None
    outlet: str | None
    seq: int
    actors: list[str]


@dataclass(frozen=True)
class PassEvent:
    """An event of an analysed original. Its sides are who each participant stands for: a
    state's people and bodies stand for the state ("RUS"), an actor not known by its id or
    country for its words ("text:protesters"); ``people`` says whether a person takes part.
    ``sizes`` are dicts with ``kind``, ``value``, ``start``, ``end`` and ``at_least``."""

    article_id: str
    idx: int
    type: str
    mode: str | None
    modality: str
    date_start: date | None
    date_end: date | None
    date_granularity: str
    place_name: str | None
    place_country: str | None
    latitude: float | None
    longitude: float | None
    geonameid: int | None
    quad: int | None
    cameo: str | None
    goldstein: float | None
    date_text: str | None
    date_text_start: int | None
    date_text_end: int | None
    place_text: str | None
    place_start: int | None
    place_end: int | None
    sentence_start: int | None
    sentence_end: int | None
    actors: list[str]
    recipients: list[str]
    people: bool
    sizes: list[dict]


@dataclass(frozen=True)
class PassRole:
    """A role an analysed original gives an actor, with the span of the sentence it is in
    (``sentence``: [start, end], or None) and the article's outlet, date and order."""

    article_id: str
    idx: int
    actor_id: str
    role: str
    organisation: str | None
    country: str | None
    tense: str
    start: int
    end: int
    sentence: list[int] | None
    outlet: str | None
    date: date | None
    seq: int


def articles(conn: duckdb.DuckDBPyConnection) -> list[PassArticle]:
    """The analysed originals, in ingest order."""
    return records(conn, _ARTICLES, PassArticle)


def _stored(table: Table, alias: str, kind: type) -> str:
    """The select list of the fields of ``kind`` that ``table`` stores, as it declares them:
    the reads follow the declaration, and a field it does not declare fails here."""
    return table.select(alias, (f.name for f in fields(kind) if f.name in table.names))


# The pass's reads: each record's stored fields from the declaration, the rest computed here.
_EVENTS = _EVENTS_SQL.replace("{stored}", _stored(EVENTS, "e", PassEvent)).replace(
    "{state_kinds}", "(" + ", ".join(f"'{kind}'" for kind in STATE_KINDS) + ")"
)
_ROLES = _ROLES_SQL.replace("{stored}", _stored(ROLES, "o", PassRole))


def events(conn: duckdb.DuckDBPyConnection) -> list[PassEvent]:
    """The events of the analysed originals, in ingest order and then article order."""
    return records(conn, _EVENTS, PassEvent)


def roles(conn: duckdb.DuckDBPyConnection) -> list[PassRole]:
    """The roles the analysed originals give actors, in ingest order and then article order."""
    return records(conn, _ROLES, PassRole)
