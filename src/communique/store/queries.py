"""Read-only queries over the store: what exports, summaries and look-ups ask."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from communique.store.schema import one

# One query per exportable table; columns are the record fields users get.
EXPORTS: dict[str, str] = {
    "articles": """
        SELECT id, title, date, outlet, url, text, duplicate_of
        FROM articles ORDER BY seq
    """,
    "sentences": """
        SELECT s.article_id, s.idx AS "index", s."start", s."end",
               substring(a.text, s."start" + 1, s."end" - s."start") AS text
        FROM sentences s JOIN articles a ON a.id = s.article_id
        ORDER BY a.seq, s.idx
    """,
    "mentions": """
        SELECT m.article_id, m."start", m."end", m.text, m.actor_id, r.name AS actor_name,
               m.how, m.confidence, m.label, m.sentence
        FROM mentions m JOIN articles a ON a.id = m.article_id
        LEFT JOIN actors r ON r.id = m.actor_id
        ORDER BY a.seq, m.idx
    """,
    "actors": """
        SELECT r.id, r.name, r.kind, r.country, r.sector, r.wikidata,
               coalesce((
                   SELECT list({'role': o.role, 'organisation': o.organisation,
                                'country': o.country, 'tense': o.tense, 'date': a.date,
                                'outlet': a.outlet, 'article_id': o.article_id,
                                'start': o."start", 'end': o."end"}
                               ORDER BY a.date NULLS LAST, a.seq, o.idx)
                   FROM roles o JOIN articles a ON a.id = o.article_id
                   WHERE o.actor_id = r.id), []) AS roles,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) AS mentions
        FROM actors r ORDER BY mentions DESC, r.id
    """,
    "roles": """
        SELECT o.article_id, o.actor_id, r.name AS actor_name, o.role, o.organisation,
               o.country, o.tense, a.date, a.outlet, o."start", o."end",
               substring(a.text, o."start" + 1, o."end" - o."start") AS evidence
        FROM roles o JOIN articles a ON a.id = o.article_id
        LEFT JOIN actors r ON r.id = o.actor_id
        ORDER BY a.seq, o.idx
    """,
    "problems": """
        SELECT run_id, path, line, kind, message, seen_at
        FROM problems ORDER BY id
    """,
}

# Actor kinds grouped the way a reader thinks of them.
ACTOR_GROUPS: dict[str, tuple[str, ...]] = {
    "people": ("person",),
    "places": ("state", "government"),
    "organisations": ("igo", "institution", "outlet", "group"),
}


@dataclass(frozen=True)
class Summary:
    articles: int
    duplicates: int
    analysed: int
    sentences: int
    mentions: int
    problems: int
    top: dict[str, list[tuple[str, int, int]]]  # group -> (name, mentions, articles)


def summary(conn: duckdb.DuckDBPyConnection, top_n: int = 10) -> Summary:
    """Counts over the whole store and the most mentioned people, states and organisations."""
    articles, duplicates, analysed, sentences, mentions, problems = one(
        conn,
        "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), "
        "count(*) FILTER (WHERE duplicate_of IS NOT NULL), "
        "count(*) FILTER (WHERE analysed_at IS NOT NULL), "
        "(SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), "
        "(SELECT count(*) FROM problems) FROM articles",
    )
    top = {group: top_actors(conn, kinds, top_n) for group, kinds in ACTOR_GROUPS.items()}
    return Summary(articles, duplicates, analysed, sentences, mentions, problems, top)


def top_actors(
    conn: duckdb.DuckDBPyConnection, kinds: tuple[str, ...], limit: int
) -> list[tuple[str, int, int]]:
    """The most mentioned actors of these kinds: (name, mentions, articles mentioning it).

    Every way of naming an actor counts ("Putin", "the Russian leader", "he"); states count
    their governments ("Moscow" acting) and the places in them as well.
    """
    rows = conn.execute(
        """
        SELECT coalesce(s.name, r.name) AS name, count(*) AS n,
               count(DISTINCT m.article_id) AS docs
        FROM mentions m JOIN actors r ON r.id = m.actor_id
        LEFT JOIN actors s ON r.kind = 'government' AND s.id = r.country
        WHERE list_contains(?, r.kind)
        GROUP BY 1 ORDER BY n DESC, docs DESC, name LIMIT ?
        """,
        [list(kinds), limit],
    ).fetchall()
    return [(name, int(n), int(docs)) for name, n, docs in rows]


@dataclass(frozen=True)
class Profile:
    """What the store says of one actor."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None
    mentions: int
    articles: int
    roles: list[tuple]  # (date, outlet, role, organisation, country, tense, evidence, article_id)
    by_outlet: list[tuple[str, int]]
    together: list[tuple[str, str, int]]  # (actor id, name, sentences shared)


def find_actors(conn: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str, int]]:
    """Stored actors whose id is ``name`` or whose name contains it: (id, name, mentions)."""
    rows = conn.execute(
        """
        SELECT r.id, r.name, (SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) AS n
        FROM actors r
        WHERE r.id = ? OR r.name ILIKE '%' || ? || '%'
        ORDER BY r.id = ? DESC, lower(r.name) = lower(?) DESC, n DESC
        """,
        [name, name, name, name],
    ).fetchall()
    return [(key, label, int(n)) for key, label, n in rows]


def profile(conn: duckdb.DuckDBPyConnection, actor_id: str, top: int = 10) -> Profile | None:
    """An actor's roles over time with their sources, its outlets and its company."""
    row = one(conn, "SELECT id, name, kind, country, sector, wikidata FROM actors WHERE id = ?",
              [actor_id])  # fmt: skip
    if row is None:
        return None
    mentions, articles = one(
        conn,
        "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE actor_id = ?",
        [actor_id],
    )
    roles = conn.execute(
        """
        SELECT a.date, a.outlet, o.role, o.organisation, o.country, o.tense,
               substring(a.text, o."start" + 1, o."end" - o."start"), o.article_id
        FROM roles o JOIN articles a ON a.id = o.article_id
        WHERE o.actor_id = ? ORDER BY a.date NULLS LAST, a.seq, o.idx
        """,
        [actor_id],
    ).fetchall()
    by_outlet = conn.execute(
        """
        SELECT coalesce(a.outlet, '(no outlet)'), count(*) AS n
        FROM mentions m JOIN articles a ON a.id = m.article_id
        WHERE m.actor_id = ? GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?
        """,
        [actor_id, top],
    ).fetchall()
    together = conn.execute(
        """
        WITH mine AS (SELECT DISTINCT article_id, sentence FROM mentions WHERE actor_id = ?)
        SELECT m.actor_id, r.name, count(DISTINCT (m.article_id, m.sentence)) AS n
        FROM mentions m JOIN mine USING (article_id, sentence) JOIN actors r ON r.id = m.actor_id
        WHERE m.actor_id <> ? GROUP BY 1, 2 ORDER BY n DESC, 2 LIMIT ?
        """,
        [actor_id, actor_id, top],
    ).fetchall()
    return Profile(*row, int(mentions), int(articles), roles, by_outlet, together)
