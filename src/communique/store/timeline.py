"""What a dyad timeline reads: the events between two sides, and what each side said of the
other, as the articles report them (``communique.crossdoc.timeline`` says which count).

A side is actor ids and country codes: an actor is of it when its id is among the ids, or its
country among the codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

import duckdb

from communique.store.schema import records


class Members(Protocol):
    """Who one side of a dyad is: actor ids, and country codes (any actor of those)."""

    @property
    def ids(self) -> frozenset[str]: ...

    @property
    def countries(self) -> frozenset[str]: ...


def _params(a: Members, b: Members) -> dict[str, object]:
    return {
        "a_ids": sorted(a.ids),
        "a_countries": sorted(a.countries),
        "b_ids": sorted(b.ids),
        "b_countries": sorted(b.countries),
    }


def _match(side: str, id_column: str, country_column: str) -> str:
    """SQL: whether an actor id / country pair is of side ``a`` or ``b`` (never NULL)."""
    return (
        f"coalesce({id_column} IN (SELECT unnest(${side}_ids::VARCHAR[])), false) OR "
        f"coalesce({country_column} IN (SELECT unnest(${side}_countries::VARCHAR[])), false)"
    )


_EVENTS = f"""
    WITH with_a AS (
        SELECT DISTINCT article_id, event_idx FROM event_participants p
        WHERE {_match("a", "p.actor_id", "p.country")}
    ),
    with_b AS (
        SELECT DISTINCT article_id, event_idx FROM event_participants p
        WHERE {_match("b", "p.actor_id", "p.country")}
    ),
    both_sides AS (SELECT * FROM with_a INTERSECT SELECT * FROM with_b),
    p AS (
        SELECT p.*, coalesce(r.name, p.text) AS label,
               ({_match("a", "p.actor_id", "p.country")}) AS is_a,
               ({_match("b", "p.actor_id", "p.country")}) AS is_b
        FROM event_participants p
        SEMI JOIN both_sides k ON k.article_id = p.article_id AND k.event_idx = p.event_idx
        LEFT JOIN actors r ON r.id = p.actor_id
    ),
    hits AS (
        SELECT article_id, event_idx,
               bool_or(is_a AND side = 'actor') AS a_act,
               bool_or(is_b AND side = 'actor') AS b_act,
               bool_or(is_a AND side = 'recipient') AS a_rec,
               bool_or(is_b AND side = 'recipient') AS b_rec,
               bool_or(side = 'recipient' AND NOT is_a AND NOT is_b
                       AND (actor_id IS NOT NULL OR country IS NOT NULL)) AS third,
               list(label ORDER BY position) FILTER (WHERE side = 'actor') AS actors,
               list(label ORDER BY position) FILTER (WHERE side = 'recipient') AS recipients
        FROM p GROUP BY article_id, event_idx
    )
    SELECT CASE WHEN h.a_act AND h.b_act THEN 'A↔B'
                WHEN h.a_act AND h.b_rec THEN 'A→B' ELSE 'B→A' END AS direction,
           coalesce(e.date_start, a.date) AS day, e.article_id, e.idx,
           h.actors, h.recipients, e.type, e.mode, e.quad, e.goldstein, e.modality,
           substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)
               AS trigger_text,
           substring(a.text, s."start" + 1, s."end" - s."start") AS sentence_text,
           a.outlet, a.url, a.title
    FROM hits h
    JOIN events e ON e.article_id = h.article_id AND e.idx = h.event_idx
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
    WHERE (h.a_act AND h.b_act AND NOT h.third)
       OR (h.a_act AND h.b_rec AND NOT h.b_act) OR (h.b_act AND h.a_rec AND NOT h.a_act)
    ORDER BY day NULLS LAST, a.seq, e.idx
"""

_STATEMENTS = f"""
    WITH st AS (
        SELECT s.*, coalesce(r.name, s.speaker_text) AS speaker_name,
               ({_match("a", "s.speaker_id", "r.country")}) AS by_a,
               ({_match("b", "s.speaker_id", "r.country")}) AS by_b
        FROM statements s LEFT JOIN actors r ON r.id = s.speaker_id
    )
    SELECT s.article_id, s.idx, CASE WHEN s.by_a THEN 'A→B' ELSE 'B→A' END AS direction,
           a.date, s.speaker_name, s.kind, s.negated, s.fragments, s."start", s."end",
           substring(a.text, s."start" + 1, s."end" - s."start") AS content,
           substring(a.text, t."start" + 1, t."end" - t."start") AS sentence_text,
           a.outlet, a.url, a.seq,
           list({{'start': m."start", 'end': m."end", 'name': coalesce(x.name, m.text)}}
                ORDER BY m."start") AS about
    FROM st s
    JOIN articles a ON a.id = s.article_id
    LEFT JOIN sentences t ON t.article_id = s.article_id AND t.idx = s.sentence
    JOIN mentions m ON m.article_id = s.article_id
         AND m."start" >= s."start" AND m."end" <= s."end"
         AND NOT (s.speaker_start IS NOT NULL AND m."start" < s.speaker_end
                  AND m."end" > s.speaker_start)
    LEFT JOIN actors x ON x.id = m.actor_id
    WHERE (s.by_a AND ({_match("b", "m.actor_id", "x.country")}))
       OR (s.by_b AND ({_match("a", "m.actor_id", "x.country")}))
    GROUP BY ALL
    ORDER BY a.date NULLS LAST, a.seq, s.idx
"""


@dataclass(frozen=True)
class DyadEvent:
    """An event between the two sides as one article reports it: ``direction`` is "A→B",
    "B→A" or "A↔B"; ``actors`` and ``recipients`` are the names on each side, in order; the
    trigger and its sentence are as written."""

    direction: str
    day: date | None  # the event's own date, else the article's
    article_id: str
    idx: int
    actors: list[str] | None
    recipients: list[str] | None
    type: str
    mode: str | None
    quad: int | None
    goldstein: float | None
    modality: str
    trigger_text: str | None
    sentence_text: str | None
    outlet: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True)
class DyadStatement:
    """A statement by one side (``direction`` "A→B", or "B→A" when B spoke) whose content
    mentions actors of the other: ``about`` lists those mentions as dicts with ``start``,
    ``end`` and ``name``; ``fragments`` are the content's [start, end] pieces, if known."""

    article_id: str
    idx: int
    direction: str
    date: date | None
    speaker_name: str | None
    kind: str
    negated: bool | None
    fragments: list[list[int]] | None
    start: int
    end: int
    content: str | None
    sentence_text: str | None
    outlet: str | None
    url: str | None
    seq: int
    about: list[dict]


def events(conn: duckdb.DuckDBPyConnection, a: Members, b: Members) -> list[DyadEvent]:
    """The events between ``a`` and ``b``, either way, by date (undated last)."""
    return records(conn, _EVENTS, DyadEvent, _params(a, b))


def statements(conn: duckdb.DuckDBPyConnection, a: Members, b: Members) -> list[DyadStatement]:
    """The statements by either side that mention the other, by date (undated last)."""
    return records(conn, _STATEMENTS, DyadStatement, _params(a, b))
