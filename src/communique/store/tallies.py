"""Running totals, and links, that pages read instead of counting or joining whole tables.

- ``actor_tallies``: how often an actor is mentioned and in how many articles, alone
  (``grouped`` false) and as the head of its group (``grouped`` true: a state counts its
  governments' mentions as well, as the summary's places do).
- ``actor_pairs``: in how many sentences two actors are both mentioned (both ways round).
- ``dyad_tallies``: how many event records have one country acting on the other, either way
  (``a`` < ``b``).
- ``actor_outlets``: how often each outlet mentions an actor (an article's outlet or date
  changing takes its parts away and adds them again).
- ``dyad_events``: for each pair of countries (``a`` < ``b``), the event records between
  them as a dyad timeline counts them (``communique.store.timeline``: one acting on the
  other, or both acting with no third party as recipient), a state standing for every
  actor of it, with what the periods and lists need (date, type, quad class, outlet…), so a
  dyad of two states is read from its own rows.
- ``dyad_statements``: for each pair of countries, the statements by an actor of one whose
  content names actors of the other (``statement_about``, kept before it), with those
  mentions.
- ``statement_about``: the actors a statement's content names (a mention of an actor inside
  the content, in one of its pieces when it has several, and not the speaker's own name),
  one row per mention, so "statements about X" is a lookup, not a join of every statement
  with every mention.

Every total is a sum of per-article parts, and the links are per-article rows. The store
keeps them as it writes: an article's parts are taken away before its records are replaced
and added once the new ones are in, in the article's own transaction (``apply``), so a write
costs the article's rows, not the store's. ``rebuild`` makes them afresh from every article
(when the tables are brought in); a test checks that what is kept through writes and
rewrites equals a rebuild.
"""

from __future__ import annotations

import functools

import duckdb

# Each table's parts, for the articles listed in ``$tally_articles`` (or, with the marker
# replaced by TRUE, for every article): its key columns, then the counts that add up.
_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "actor_tallies": (
        ("grouped", "actor_id"),
        ("mentions", "articles"),
        """
        SELECT false AS grouped, m.actor_id, count(*) AS mentions,
               count(DISTINCT m.article_id) AS articles
        FROM {mentions} m WHERE m.actor_id IS NOT NULL AND /*articles m*/
        GROUP BY m.actor_id
        UNION ALL
        SELECT true AS grouped, coalesce(s.id, r.id) AS actor_id, count(*) AS mentions,
               count(DISTINCT m.article_id) AS articles
        FROM {mentions} m JOIN actors r ON r.id = m.actor_id
        LEFT JOIN actors s ON r.kind = 'government' AND s.id = r.country
        WHERE /*articles m*/
        GROUP BY coalesce(s.id, r.id)
        """,
    ),
    "actor_pairs": (
        ("actor_id", "partner_id"),
        ("sentences",),
        """
        WITH seen AS (
            SELECT DISTINCT m.article_id, m.sentence, m.actor_id FROM {mentions} m
            WHERE m.actor_id IS NOT NULL AND /*articles m*/
        )
        SELECT x.actor_id, y.actor_id AS partner_id, count(*) AS sentences
        FROM seen x JOIN seen y USING (article_id, sentence)
        WHERE x.actor_id <> y.actor_id
        GROUP BY x.actor_id, y.actor_id
        """,
    ),
    "dyad_tallies": (
        ("a", "b"),
        ("events",),
        """
        WITH sides AS (
            SELECT DISTINCT m.article_id, m.event_idx, m.side, m.country
            FROM {event_participants} m WHERE m.country IS NOT NULL AND /*articles m*/
        )
        SELECT least(x.country, y.country) AS a, greatest(x.country, y.country) AS b,
               count(DISTINCT (x.article_id, x.event_idx)) AS events
        FROM sides x JOIN sides y
          ON y.article_id = x.article_id AND y.event_idx = x.event_idx
         AND x.side = 'actor' AND y.side = 'recipient' AND x.country <> y.country
        GROUP BY 1, 2
        """,
    ),
    "actor_outlets": (
        ("actor_id", "outlet"),
        ("mentions",),
        """
        SELECT m.actor_id, coalesce(a.outlet, '(no outlet)') AS outlet, count(*) AS mentions
        FROM {mentions} m JOIN articles a ON a.id = m.article_id
        WHERE m.actor_id IS NOT NULL AND /*articles m*/
        GROUP BY m.actor_id, coalesce(a.outlet, '(no outlet)')
        """,
    ),
    "dyad_events": (
        ("a", "b", "article_id", "event_idx"),
        (),
        """
        WITH part AS (
            SELECT m.article_id, m.event_idx, m.side, m.actor_id, m.country,
                   list_distinct(list_filter([m.country, r.country], lambda c: c IS NOT NULL))
                       AS states
            FROM {event_participants} m LEFT JOIN actors r ON r.id = m.actor_id
            WHERE /*articles m*/
        ),
        codes AS (SELECT DISTINCT article_id, event_idx, unnest(states) AS code FROM part),
        pairs AS (
            SELECT x.article_id, x.event_idx, x.code AS a, y.code AS b
            FROM codes x JOIN codes y
              ON y.article_id = x.article_id AND y.event_idx = x.event_idx AND x.code < y.code
        ),
        flags AS (
            SELECT q.article_id, q.event_idx, q.a, q.b,
                   bool_or(p.side = 'actor' AND list_contains(p.states, q.a)) AS a_act,
                   bool_or(p.side = 'actor' AND list_contains(p.states, q.b)) AS b_act,
                   bool_or(p.side = 'recipient' AND list_contains(p.states, q.a)) AS a_rec,
                   bool_or(p.side = 'recipient' AND list_contains(p.states, q.b)) AS b_rec,
                   bool_or(p.side = 'recipient' AND NOT list_contains(p.states, q.a)
                           AND NOT list_contains(p.states, q.b)
                           AND (p.actor_id IS NOT NULL OR p.country IS NOT NULL)) AS third
            FROM pairs q JOIN part p ON p.article_id = q.article_id AND p.event_idx = q.event_idx
            GROUP BY q.article_id, q.event_idx, q.a, q.b
        )
        SELECT f.a, f.b,
               CASE WHEN f.a_act AND f.b_act THEN 'A↔B'
                    WHEN f.a_act AND f.b_rec THEN 'A→B' ELSE 'B→A' END AS direction,
               f.article_id, f.event_idx, a.seq AS article_seq,
               coalesce(e.date_start, a.date) AS date, e.type, e.mode, e.quad, e.goldstein,
               e.modality, a.outlet
        FROM flags f JOIN {events} e ON e.article_id = f.article_id AND e.idx = f.event_idx
        JOIN articles a ON a.id = f.article_id
        WHERE (f.a_act AND f.b_act AND NOT f.third)
           OR (f.a_act AND f.b_rec AND NOT f.b_act) OR (f.b_act AND f.a_rec AND NOT f.a_act)
        """,
    ),
    "statement_about": (
        ("article_id", "statement", "mention"),
        (),
        """
        SELECT s.article_id, s.idx AS statement, m.idx AS mention, m.actor_id, m."start",
               m."end", a.seq AS article_seq
        FROM {statements} s JOIN articles a ON a.id = s.article_id
        JOIN {mentions} m
          ON m.article_id = s.article_id AND m."start" >= s."start" AND m."end" <= s."end"
        WHERE m.actor_id IS NOT NULL AND /*articles m*/ AND /*articles s*/
          -- in the content's own words: not the speaker's name, and inside one of the
          -- content's pieces where it comes in several ("…", he said, "…")
          AND NOT coalesce(m."start" < s.speaker_end AND m."end" > s.speaker_start, false)
          AND (coalesce(len(s.fragments), 0) = 0
               OR len(list_filter(s.fragments, lambda f: len(f) = 2 AND f[1] <= m."start"
                                                         AND m."end" <= f[2])) > 0)
        """,
    ),
    "dyad_statements": (
        ("a", "b", "article_id", "idx"),
        (),
        """
        SELECT least(sp.country, x.country) AS a, greatest(sp.country, x.country) AS b,
               CASE WHEN sp.country < x.country THEN 'A→B' ELSE 'B→A' END AS direction,
               s.article_id, s.idx, a.seq AS article_seq, a.date, a.outlet,
               list({{'start': sa."start", 'end': sa."end", 'name': x.name}}
                    ORDER BY sa."start") AS about
        FROM {statements} s JOIN actors sp ON sp.id = s.speaker_id
        JOIN statement_about sa ON sa.article_id = s.article_id AND sa.statement = s.idx
        JOIN actors x ON x.id = sa.actor_id
        JOIN articles a ON a.id = s.article_id
        WHERE sp.country IS NOT NULL AND x.country IS NOT NULL AND sp.country <> x.country
          AND /*articles s*/
        GROUP BY ALL
        """,
    ),
}
TABLES = tuple(_PARTS)


@functools.cache  # the same few texts for every article written
def _parts(table: str, every: bool, written: bool = False) -> str:
    """The SQL of a table's parts: over every article, or over ``$tally_articles`` — read
    from the stored records, or (``written``) from the article's records as the store is
    writing them (the Arrow tables it registers as ``new_<table>``)."""
    sql = _PARTS[table][2].format_map(
        {name: f"new_{name}" if written else name
         for name in ("mentions", "statements", "events", "event_participants")}
    )  # fmt: skip
    for alias in ("m", "s"):  # a condition on m; and, where a part joins s, on s as well
        narrowed = f"list_contains($tally_articles, {alias}.article_id)"
        sql = sql.replace(f"/*articles {alias}*/", "TRUE" if every else narrowed)
    return sql


def rebuild(conn: duckdb.DuckDBPyConnection, tables: tuple[str, ...] = TABLES) -> None:
    """Sum every article's parts afresh (inside the caller's transaction)."""
    for table in tables:
        conn.execute(f"DELETE FROM {table}")
        conn.execute(f"INSERT INTO {table} BY NAME {_parts(table, True)}")


def apply(
    conn: duckdb.DuckDBPyConnection, article_ids: list[str], sign: int, written: bool = False
) -> None:
    """Add (``sign`` 1) or take away (-1) the parts of these articles' records, inside the
    caller's transaction; totals that reach nothing are dropped. The parts are read from the
    stored records, or with ``written`` from the records being written (``new_<table>``),
    so adding an article reads its own rows only."""
    if sign not in (1, -1):
        raise ValueError("sign is 1 or -1")
    for table in TABLES:
        keys, counts, _ = _PARTS[table]
        if not counts:  # links: the articles' rows
            if sign < 0:
                conn.execute(
                    f"DELETE FROM {table} WHERE list_contains($tally_articles, article_id)",
                    {"tally_articles": article_ids},
                )
            else:
                conn.execute(
                    f"INSERT INTO {table} BY NAME {_parts(table, False, written)}",
                    {"tally_articles": article_ids},
                )
            continue
        on = " AND ".join(f"t.{k} = p.{k}" for k in keys)
        update = ", ".join(f"{c} = t.{c} + {sign} * p.{c}" for c in counts)
        names = ", ".join((*keys, *counts))
        values = ", ".join([*(f"p.{k}" for k in keys), *(f"{sign} * p.{c}" for c in counts)])
        conn.execute(
            f"""MERGE INTO {table} t USING ({_parts(table, False, written)}) p ON {on}
                WHEN MATCHED THEN UPDATE SET {update}
                WHEN NOT MATCHED THEN INSERT ({names}) VALUES ({values})""",
            {"tally_articles": article_ids},
        )
        if sign < 0:
            conn.execute(f"DELETE FROM {table} WHERE {counts[0]} <= 0")
