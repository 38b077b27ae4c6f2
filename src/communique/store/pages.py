"""What the web pages read that no export gives: the overview's figures, the busiest dyads,
one merged event with every mention's evidence, one article with every record in it, an
actor search. Lists (events, statements, conflicts, stories) are read as the exports read
them (``exports.page``), so a page's JSON equals ``communique export`` for the same filter.
"""

from __future__ import annotations

from typing import Any

import duckdb

from communique.store import timeline
from communique.store.filters import member
from communique.store.narrowing import numbers, within
from communique.store.schema import named

QUESTIONS = ("overview", "top_dyads", "recent_merged", "search_actors", "merged_event", "article",
             "actor_roles", "actor_records")  # fmt: skip


def _rows(conn: duckdb.DuckDBPyConnection, sql: str, params: Any = None) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params or [])
    columns = [column[0] for column in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def overview(conn: duckdb.DuckDBPyConnection, top: int = 10) -> dict[str, Any]:
    """What the store holds: counts, the date range, the outlets."""
    found = named(
        conn,
        """
        SELECT count(*) FILTER (WHERE duplicate_of IS NULL) AS articles,
               count(*) FILTER (WHERE analysed_at IS NOT NULL) AS analysed,
               count(DISTINCT outlet) AS outlets, min(date) AS first, max(date) AS last,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM merged_events) AS merged_events,
               (SELECT count(*) FROM statements) AS statements,
               (SELECT count(*) FROM conflicts) AS conflicts,
               (SELECT count(DISTINCT story_id) FROM stories) AS stories
        FROM articles
        """,
    )
    assert found is not None  # an aggregate always has its row
    found["outlet_list"] = _rows(
        conn,
        """SELECT outlet, count(*) AS articles FROM articles
           WHERE outlet IS NOT NULL AND duplicate_of IS NULL
           GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""",
        [top],
    )
    return found


def top_dyads(conn: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    """The pairs of states that act on each other most, by event records either way."""
    return _rows(
        conn,
        """
        SELECT p.a, ra.name AS a_name, p.b, rb.name AS b_name, p.events
        FROM dyad_tallies p JOIN actors ra ON ra.id = p.a AND ra.kind = 'state'
        JOIN actors rb ON rb.id = p.b AND rb.kind = 'state'
        ORDER BY p.events DESC, p.a, p.b LIMIT ?
        """,
        [limit],
    )


def recent_merged(conn: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    """The latest merged events with a date, the most reported first within a day (the
    names of their sides looked up for those only)."""
    return _rows(
        conn,
        """
        WITH latest AS (
            SELECT * FROM merged_events WHERE date_start IS NOT NULL
            ORDER BY date_start DESC, num_mentions DESC, id LIMIT ?
        )
        SELECT me.id, me.type, me.mode, me.quad, me.date_start, me.place_name,
               me.num_mentions, me.num_sources, me.modality,
               (SELECT list(DISTINCT coalesce(r.name, u.x))
                  FROM unnest(me.actors) AS u(x) LEFT JOIN actors r ON r.id = u.x) AS actors,
               (SELECT list(DISTINCT coalesce(r.name, u.x))
                  FROM unnest(me.recipients) AS u(x) LEFT JOIN actors r ON r.id = u.x)
                   AS recipients
        FROM latest me
        ORDER BY me.date_start DESC, me.num_mentions DESC, me.id
        """,
        [limit],
    )


def search_actors(conn: duckdb.DuckDBPyConnection, words: str, limit: int = 50) -> list[dict]:
    """Stored actors whose name or id holds the words typed (any case), the most mentioned
    first."""
    return _rows(
        conn,
        """
        SELECT r.id, r.name, r.kind, r.country,
               coalesce(t.mentions, 0) AS mentions
        FROM actors r LEFT JOIN actor_tallies t ON t.actor_id = r.id AND NOT t.grouped
        WHERE contains(lower(r.name), lower($q)) OR lower(r.id) = lower($q)
        ORDER BY mentions DESC, r.name LIMIT $limit
        """,
        {"q": words, "limit": limit},
    )


def merged_event(conn: duckdb.DuckDBPyConnection, merged_id: str) -> dict[str, Any] | None:
    """A merged event by agreement, with every mention: its article, outlet, date, the
    sentence and the spans of trigger, actors and recipients in it, the reporting chain."""
    found = named(
        conn,
        """SELECT me.*, (SELECT list(DISTINCT coalesce(r.name, u.x)) FROM unnest(me.actors)
                           AS u(x) LEFT JOIN actors r ON r.id = u.x) AS actor_names,
                  (SELECT list(DISTINCT coalesce(r.name, u.x)) FROM unnest(me.recipients)
                           AS u(x) LEFT JOIN actors r ON r.id = u.x) AS recipient_names
           FROM merged_events me WHERE me.id = ?""",
        [merged_id],
    )
    if found is None:
        return None
    found["mentions"] = _rows(
        conn,
        """
        SELECT e.article_id, e.idx, a.title, a.outlet, a.date AS published, a.url,
               e.type, e.mode, e.modality, e.date_start, e.place_name, e.latitude, e.longitude,
               e.cameo, e.goldstein, e.via, s."start" AS sentence_start,
               substring(a.text, s."start" + 1, s."end" - s."start") AS sentence,
               e.trigger_start, e.trigger_end,
               (SELECT list({'side': p.side, 'start': p."start", 'end': p."end",
                             'name': coalesce(r.name, p.text), 'actor_id': p.actor_id}
                            ORDER BY p.position)
                  FROM event_participants p LEFT JOIN actors r ON r.id = p.actor_id
                 WHERE p.article_id = e.article_id AND p.event_idx = e.idx) AS sides,
               coalesce(sr.name, st.speaker_text) AS reported_by
        FROM event_mentions x
        JOIN events e ON e.article_id = x.article_id AND e.idx = x.event_idx
        JOIN articles a ON a.id = e.article_id
        JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
        LEFT JOIN statements st ON st.article_id = e.article_id AND st.idx = e.statement
        LEFT JOIN actors sr ON sr.id = st.speaker_id
        WHERE x.merged_id = ?
        ORDER BY a.date NULLS LAST, a.seq, e.idx
        """,
        [merged_id],
    )
    return found


def article(conn: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article whole, with every mention, statement and event in it (offsets into its
    text), and the merged event each event record belongs to."""
    found = named(
        conn,
        """SELECT id, title, date, outlet, url, text, duplicate_of, analysed_at
           FROM articles WHERE id = ?""",
        [article_id],
    )
    if found is None:
        return None
    found["mentions"] = _rows(
        conn,
        """SELECT m.idx, m."start", m."end", m.actor_id, coalesce(r.name, m.text) AS name,
                  m.label FROM mentions m LEFT JOIN actors r ON r.id = m.actor_id
           WHERE m.article_id = ? ORDER BY m."start\"""",
        [article_id],
    )
    found["statements"] = _rows(
        conn,
        """SELECT s.idx, s."start", s."end", s.kind, s.cue, s.cue_start, s.cue_end,
                  coalesce(r.name, s.speaker_text) AS speaker, s.speaker_start, s.speaker_end,
                  s.addressee_text AS addressee, s.negated
           FROM statements s LEFT JOIN actors r ON r.id = s.speaker_id
           WHERE s.article_id = ? ORDER BY s."start\"""",
        [article_id],
    )
    found["events"] = _rows(
        conn,
        """SELECT e.idx, e.type, e.mode, e.quad, e.modality, e.trigger_start, e.trigger_end,
                  x.merged_id
           FROM events e LEFT JOIN event_mentions x
             ON x.article_id = e.article_id AND x.event_idx = e.idx
           WHERE e.article_id = ? ORDER BY e.trigger_start""",
        [article_id],
    )
    return found


def actor_roles(conn: duckdb.DuckDBPyConnection, actor_id: str, limit: int = 20) -> list[dict]:
    """The roles the articles give an actor, each role once: how often, the first and last
    date, and the latest report's words, outlet and article; the latest held first."""
    return _rows(
        conn,
        """
        SELECT o.role, o.organisation, o.country, o.tense, count(*) AS times,
               min(a.date) AS first, max(a.date) AS last,
               arg_max(o.article_id, (a.date, a.seq)) AS article_id,
               arg_max(a.outlet, (a.date, a.seq)) AS outlet,
               arg_max(substring(a.text, o."start" + 1, o."end" - o."start"), (a.date, a.seq))
                   AS evidence
        FROM roles o JOIN articles a ON a.id = o.article_id
        WHERE o.actor_id = $actor
        GROUP BY o.role, o.organisation, o.country, o.tense
        ORDER BY last DESC NULLS LAST, times DESC, o.role LIMIT $limit
        """,
        {"actor": actor_id, "limit": limit},
    )


# The latest records of each of an actor's lists, read as keys first (``list``, article, index,
# how many the list holds), the words of those few read after.
_EVENT_KEYS = f"""
    WITH hit AS (
        SELECT DISTINCT p.article_id, p.event_idx,
               CASE p.side WHEN 'actor' THEN 'did' ELSE 'done_to' END AS list
        FROM event_participants p WHERE {member("side", "p.actor_id", "p.country")}
    ),
    ranked AS (
        SELECT h.list, h.article_id, h.event_idx AS idx, a.seq,
               count(*) OVER (PARTITION BY h.list) AS n,
               row_number() OVER (PARTITION BY h.list
                                  ORDER BY coalesce(e.date_start, a.date) DESC NULLS LAST,
                                           a.seq DESC, e.idx DESC) AS place
        FROM hit h JOIN events e ON e.article_id = h.article_id AND e.idx = h.event_idx
        JOIN articles a ON a.id = e.article_id
    )
    SELECT list, article_id, idx, seq, n FROM ranked WHERE place <= $limit ORDER BY list, place
"""
_STATEMENT_KEYS = f"""
    WITH side AS (SELECT r.id FROM actors r WHERE {member("side", "r.id", "r.country")}),
    hit AS (
        SELECT s.article_id, s.idx, 'said' AS list
        FROM statements s SEMI JOIN side ON side.id = s.speaker_id
        UNION
        SELECT sa.article_id, sa.statement AS idx, 'said_about' AS list
        FROM statement_about sa SEMI JOIN side ON side.id = sa.actor_id
    ),
    ranked AS (
        SELECT h.list, h.article_id, h.idx, a.seq, count(*) OVER (PARTITION BY h.list) AS n,
               row_number() OVER (PARTITION BY h.list
                                  ORDER BY a.date DESC NULLS LAST, a.seq DESC, h.idx DESC)
                   AS place
        FROM hit h JOIN articles a ON a.id = h.article_id
    )
    SELECT list, article_id, idx, seq, n FROM ranked WHERE place <= $limit ORDER BY list, place
"""
_STATEMENT_WORDS = f"""
    SELECT s.article_id, s.idx AS "index", coalesce(r.name, s.speaker_text) AS speaker,
           s.speaker_text, s.cue, substring(a.text, s."start" + 1, s."end" - s."start")
               AS content, a.outlet, a.date AS published, a.url
    FROM statements s JOIN articles a ON a.id = s.article_id AND {within("a.seq")}
    LEFT JOIN actors r ON r.id = s.speaker_id
    WHERE {within("s.article_seq")}
      AND list_contains($keys, s.article_id || '-' || s.idx)
"""


def actor_records(
    conn: duckdb.DuckDBPyConnection, ids: list[str], countries: list[str], limit: int = 10
) -> dict[str, Any]:
    """An actor's latest statements (``said``), statements about them (``said_about``),
    events as actor (``did``) and as recipient (``done_to``), ``limit`` of each, the latest
    first, and how many each list holds (``counts``). A side is actor ids and the countries
    whose every actor it covers, as the export filters read them."""
    side = {"side_ids": ids, "side_countries": countries, "limit": limit}
    found: dict[str, Any] = {"counts": {}}
    for keys_sql, lists in (
        (_EVENT_KEYS, ("did", "done_to")),
        (_STATEMENT_KEYS, ("said", "said_about")),
    ):
        chosen = conn.execute(keys_sql, side).fetchall()
        triples = [(article, int(idx), int(seq)) for _, article, idx, seq, _ in chosen]
        words: dict[tuple[str, int], Any] = {}
        if triples and keys_sql is _EVENT_KEYS:
            words = dict(timeline.event_words(conn, triples))
        elif triples:
            params = {**numbers(seq for _, _, seq in triples),
                      "keys": [f"{a}-{i}" for a, i, _ in triples]}  # fmt: skip
            words = {
                (r["article_id"], r["index"]): r for r in _rows(conn, _STATEMENT_WORDS, params)
            }
        for name in lists:
            rows = [row for row in chosen if row[0] == name]
            found["counts"][name] = int(rows[0][4]) if rows else 0
            found[name] = [words[(a, i)] for _, a, i, _, _ in rows if (a, i) in words]
    return found
