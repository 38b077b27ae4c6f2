"""What a dyad timeline reads: the events between two sides, and what each side said of the
other, as the articles report them (``communique.crossdoc.timeline`` says which count).

A side is actor ids and country codes: an actor is of it when its id is among the ids, or its
country among the codes.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

import duckdb

from communique.store.narrowing import numbers, within
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
    WITH both_sides AS (
        SELECT article_id, event_idx FROM (
            SELECT p.article_id, p.event_idx,
                   ({_match("a", "p.actor_id", "p.country")}) AS is_a,
                   ({_match("b", "p.actor_id", "p.country")}) AS is_b
            FROM event_participants p
        ) WHERE is_a OR is_b
        GROUP BY article_id, event_idx HAVING bool_or(is_a) AND bool_or(is_b)
    ),
    p AS (
        SELECT p.side, p.article_id, p.event_idx, p.actor_id, p.country,
               ({_match("a", "p.actor_id", "p.country")}) AS is_a,
               ({_match("b", "p.actor_id", "p.country")}) AS is_b
        FROM event_participants p
        SEMI JOIN both_sides k ON k.article_id = p.article_id AND k.event_idx = p.event_idx
    ),
    hits AS (
        SELECT article_id, event_idx,
               bool_or(is_a AND side = 'actor') AS a_act,
               bool_or(is_b AND side = 'actor') AS b_act,
               bool_or(is_a AND side = 'recipient') AS a_rec,
               bool_or(is_b AND side = 'recipient') AS b_rec,
               bool_or(side = 'recipient' AND NOT is_a AND NOT is_b
                       AND (actor_id IS NOT NULL OR country IS NOT NULL)) AS third
        FROM p GROUP BY article_id, event_idx
    )
    SELECT CASE WHEN h.a_act AND h.b_act THEN 'A↔B'
                WHEN h.a_act AND h.b_rec THEN 'A→B' ELSE 'B→A' END AS direction,
           coalesce(e.date_start, a.date) AS date, e.article_id, e.idx AS event_idx,
           e.type, e.mode, e.quad, e.goldstein, e.modality, a.outlet, a.seq
    FROM hits h
    JOIN events e ON e.article_id = h.article_id AND e.idx = h.event_idx
    JOIN articles a ON a.id = e.article_id
    WHERE (h.a_act AND h.b_act AND NOT h.third)
       OR (h.a_act AND h.b_rec AND NOT h.b_act) OR (h.b_act AND h.a_rec AND NOT h.a_act)
    ORDER BY date NULLS LAST, a.seq, e.idx
"""

# The words of chosen event records (their articles' numbers, ``narrowing.within``, and ``$keys``
# "<article id>-<index>"): the sides in order, the trigger and the sentence as written, the
# article's outlet, date, URL and title, the merged event.
_EVENT_WORDS = f"""
    WITH sides AS (
        SELECT p.article_id, p.event_idx,
               list({{'text': p.text, 'actor_id': p.actor_id, 'name': r.name,
                      'code': p.country}} ORDER BY p.position)
                   FILTER (WHERE p.side = 'actor') AS actors,
               list({{'text': p.text, 'actor_id': p.actor_id, 'name': r.name,
                      'code': p.country}} ORDER BY p.position)
                   FILTER (WHERE p.side = 'recipient') AS recipients
        FROM event_participants p LEFT JOIN actors r ON r.id = p.actor_id
        WHERE {within("p.article_seq")}
        GROUP BY p.article_id, p.event_idx
    )
    SELECT e.article_id, e.idx AS "index", coalesce(e.date_start, a.date) AS date,
           e.type AS event, e.mode, e.quad AS quad_code, d.actors, d.recipients,
           substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)
               AS trigger_text,
           substring(a.text, s."start" + 1, s."end" - s."start") AS evidence,
           a.outlet, a.date AS published, a.url, a.title, x.merged_id
    FROM events e JOIN articles a ON a.id = e.article_id AND {within("a.seq")}
    LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
         AND {within("s.article_seq")}
    LEFT JOIN sides d ON d.article_id = e.article_id AND d.event_idx = e.idx
    LEFT JOIN event_mentions x ON x.article_id = e.article_id AND x.event_idx = e.idx
         AND {within("x.article_seq")}
    WHERE {within("e.article_seq")}
      AND list_contains($keys, e.article_id || '-' || e.idx)
"""

# A statement by one side whose content names an actor of the other (``statement_about``:
# in the content's own words); ``about`` lists those mentions with their spans.
_STATEMENTS = f"""
    WITH sides AS (
        SELECT r.id, r.name, ({_match("a", "r.id", "r.country")}) AS of_a,
               ({_match("b", "r.id", "r.country")}) AS of_b
        FROM actors r
    ),
    said AS (
        SELECT s.article_id, s.idx, sp.of_a AS by_a, sp.of_b AS by_b
        FROM statements s JOIN sides sp ON sp.id = s.speaker_id AND (sp.of_a OR sp.of_b)
    ),
    named AS (
        SELECT sa.article_id, sa.statement, sa."start", sa."end", x.name, x.of_a, x.of_b
        FROM statement_about sa JOIN sides x ON x.id = sa.actor_id AND (x.of_a OR x.of_b)
    )
    SELECT s.article_id, s.idx, CASE WHEN s.by_a THEN 'A→B' ELSE 'B→A' END AS direction,
           a.date, a.outlet, a.seq,
           list({{'start': n."start", 'end': n."end", 'name': n.name}} ORDER BY n."start")
               AS about
    FROM said s
    JOIN articles a ON a.id = s.article_id
    JOIN named n ON n.article_id = s.article_id AND n.statement = s.idx
    WHERE (s.by_a AND n.of_b) OR (s.by_b AND n.of_a)
    GROUP BY ALL
    ORDER BY a.date NULLS LAST, a.seq, s.idx
"""

# The words of chosen statements (as for events): speaker, content and sentence.
_STATEMENT_WORDS = f"""
    SELECT s.article_id, s.idx, coalesce(r.name, s.speaker_text) AS speaker_name, s.kind,
           s.negated, substring(a.text, s."start" + 1, s."end" - s."start") AS content,
           substring(a.text, t."start" + 1, t."end" - t."start") AS sentence_text, a.url
    FROM statements s JOIN articles a ON a.id = s.article_id AND {within("a.seq")}
    LEFT JOIN actors r ON r.id = s.speaker_id
    LEFT JOIN sentences t ON t.article_id = s.article_id AND t.idx = s.sentence
         AND {within("t.article_seq")}
    WHERE {within("s.article_seq")}
      AND list_contains($keys, s.article_id || '-' || s.idx)
"""


@dataclass(frozen=True)
class DyadEvent:
    """An event between the two sides as one article reports it, without its words: what
    the periods count and a list sorts and filters by. ``direction`` is "A→B", "B→A" or
    "A↔B"; ``date`` is the event's own, else the article's."""

    date: date | None
    article_id: str
    event_idx: int
    direction: str
    type: str
    mode: str | None
    quad: int | None
    goldstein: float | None
    modality: str
    outlet: str | None
    seq: int  # the article's ingest number


@dataclass(frozen=True)
class EventWords:
    """An event record as a list shows it: date (its own, else the article's), type, mode,
    quad class, each side's participants in order (dicts with ``text``, ``actor_id``,
    ``name`` and ``code``), the trigger and the sentence (``evidence``) as written, the
    article's outlet, date, URL and title, and the merged event it is one report of (None
    before the cross-article pass)."""

    article_id: str
    index: int
    date: datetime.date | None
    event: str
    mode: str | None
    quad_code: int | None
    actors: list[dict] | None
    recipients: list[dict] | None
    trigger_text: str | None
    evidence: str | None
    outlet: str | None
    published: datetime.date | None
    url: str | None
    title: str | None
    merged_id: str | None


@dataclass(frozen=True)
class DyadStatement:
    """A statement by one side (``direction`` "A→B", or "B→A" when B spoke) whose content
    names actors of the other: ``about`` lists those mentions as dicts with ``start``,
    ``end`` and ``name``."""

    article_id: str
    idx: int
    direction: str
    date: date | None
    outlet: str | None
    seq: int
    about: list[dict]


@dataclass(frozen=True)
class StatementWords:
    """What a statement says: its speaker's name, kind, whether negated, the content and its
    sentence as written, and the article's URL."""

    article_id: str
    idx: int
    speaker_name: str | None
    kind: str
    negated: bool | None
    content: str | None
    sentence_text: str | None
    url: str | None


# The same for two states, read from the rows the store keeps per pair of countries
# (``tallies``: "dyad_events"), the direction turned to the order asked.
_PAIR_EVENTS = """
    SELECT date, article_id, event_idx,
           CASE WHEN direction = 'A↔B' THEN 'A↔B'
                WHEN (direction = 'A→B') = (a = $a_code) THEN 'A→B' ELSE 'B→A' END
               AS direction,
           type, mode, quad, goldstein, modality, outlet, article_seq AS seq
    FROM dyad_events
    WHERE a = least($a_code, $b_code) AND b = greatest($a_code, $b_code)
    ORDER BY date NULLS LAST, article_seq, event_idx
"""


def events(conn: duckdb.DuckDBPyConnection, a: Members, b: Members) -> list[DyadEvent]:
    """The events between ``a`` and ``b``, either way, by date (undated last). Two states
    (a side of one country: the country and every actor of it) are read from the rows kept
    for their pair; other sides from the events' participants."""
    if len(a.countries) == 1 and len(b.countries) == 1:
        (code_a,), (code_b,) = a.countries, b.countries
        return records(conn, _PAIR_EVENTS, DyadEvent, {"a_code": code_a, "b_code": code_b})
    return participants_events(conn, a, b)


def participants_events(conn: duckdb.DuckDBPyConnection, a: Members, b: Members) -> list[DyadEvent]:
    """The events between ``a`` and ``b`` found from every event's participants."""
    return records(conn, _EVENTS, DyadEvent, _params(a, b))


_PAIR_STATEMENTS = """
    SELECT article_id, idx,
           CASE WHEN (direction = 'A→B') = (a = $a_code) THEN 'A→B' ELSE 'B→A' END
               AS direction,
           date, outlet, article_seq AS seq, about
    FROM dyad_statements
    WHERE a = least($a_code, $b_code) AND b = greatest($a_code, $b_code)
    ORDER BY date NULLS LAST, article_seq, idx
"""


def statements(conn: duckdb.DuckDBPyConnection, a: Members, b: Members) -> list[DyadStatement]:
    """The statements by either side that name the other, by date (undated last); two
    states are read from the rows kept for their pair, as ``events`` does."""
    if len(a.countries) == 1 and len(b.countries) == 1:
        (code_a,), (code_b,) = a.countries, b.countries
        params = {"a_code": code_a, "b_code": code_b}
        return records(conn, _PAIR_STATEMENTS, DyadStatement, params)
    return speakers_statements(conn, a, b)


def speakers_statements(
    conn: duckdb.DuckDBPyConnection, a: Members, b: Members
) -> list[DyadStatement]:
    """The statements by either side that name the other, found from every statement."""
    return records(conn, _STATEMENTS, DyadStatement, _params(a, b))


def _chosen(keys: Sequence[tuple[str, int, int]]) -> dict[str, object]:
    return {**numbers(seq for _, _, seq in keys),
            "keys": [f"{article}-{idx}" for article, idx, _ in keys]}  # fmt: skip


def event_words(
    conn: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, int, int]]
) -> dict[tuple[str, int], EventWords]:
    """The words of these event records (article id, index, the article's ingest number);
    reads their articles' rows only."""
    if not keys:
        return {}
    found = records(conn, _EVENT_WORDS, EventWords, _chosen(keys))
    return {(row.article_id, int(row.index)): row for row in found}


def statement_words(
    conn: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, int, int]]
) -> dict[tuple[str, int], StatementWords]:
    """The words of these statements (article id, index, the article's ingest number); reads
    their articles' rows only."""
    if not keys:
        return {}
    found = records(conn, _STATEMENT_WORDS, StatementWords, _chosen(keys))
    return {(row.article_id, int(row.idx)): row for row in found}
