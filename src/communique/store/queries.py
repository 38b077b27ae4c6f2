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
        SELECT m.article_id, m."start", m."end", m.text, m.label, m.sentence
        FROM mentions m JOIN articles a ON a.id = m.article_id
        ORDER BY a.seq, m.idx
    """,
    "problems": """
        SELECT run_id, path, line, kind, message, seen_at
        FROM problems ORDER BY id
    """,
}

# Entity labels grouped the way a reader thinks of them.
ENTITY_GROUPS: dict[str, tuple[str, ...]] = {
    "people": ("PERSON",),
    "places": ("GPE", "LOC", "FAC"),
    "organisations": ("ORG",),
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
    """Counts over the whole store and the most mentioned people, places and organisations."""
    articles, duplicates, analysed, sentences, mentions, problems = one(
        conn,
        "SELECT count(*) FILTER (WHERE duplicate_of IS NULL), "
        "count(*) FILTER (WHERE duplicate_of IS NOT NULL), "
        "count(*) FILTER (WHERE analysed_at IS NOT NULL), "
        "(SELECT count(*) FROM sentences), (SELECT count(*) FROM mentions), "
        "(SELECT count(*) FROM problems) FROM articles",
    )
    top = {group: top_entities(conn, labels, top_n) for group, labels in ENTITY_GROUPS.items()}
    return Summary(articles, duplicates, analysed, sentences, mentions, problems, top)


def top_entities(
    conn: duckdb.DuckDBPyConnection, labels: tuple[str, ...], limit: int
) -> list[tuple[str, int, int]]:
    """The most mentioned names with these labels: (name, mentions, articles mentioning it).

    Names are counted as written, less a leading "the" and a trailing possessive; linking
    mentions to actors (so "Putin" and "Vladimir Putin" count together) is the actors' work.
    """
    rows = conn.execute(
        """
        WITH names AS (
            SELECT article_id,
                   regexp_replace(regexp_replace(trim(text), '^[Tt]he\\s+', ''),
                                  '[’'']s?$', '') AS name
            FROM mentions WHERE list_contains(?, label)
        )
        SELECT name, count(*) AS n, count(DISTINCT article_id) AS docs
        FROM names WHERE name <> ''
        GROUP BY name ORDER BY n DESC, docs DESC, name LIMIT ?
        """,
        [list(labels), limit],
    ).fetchall()
    return [(name, int(n), int(docs)) for name, n, docs in rows]
