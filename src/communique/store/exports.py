"""What ``communique export`` reads: one query per exportable table, its row count, its rows a
chunk at a time, or the whole result written as Parquet by DuckDB."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from communique.store.filters import Filters, where
from communique.store.narrowing import numbers, within
from communique.store.tables import DECLARED

# One query per exportable table; columns are the record fields users get. A stored column is
# named as ``<table alias: column ...>`` and written from the table's declaration
# (``store.tables``), so an export cannot name a column the store does not declare.
_WRITTEN: dict[str, str] = {
    "articles": """
        SELECT a.id, a.title, a.date, a.outlet, a.url, a.text, a.duplicate_of
        FROM articles a WHERE /*filters*/ ORDER BY a.seq
    """,
    "sentences": """
        SELECT s.article_id, s.idx AS "index", <sentences s: start end>,
               substring(a.text, s."start" + 1, s."end" - s."start") AS text
        FROM sentences s JOIN articles a ON a.id = s.article_id
        ORDER BY a.seq, s.idx
    """,
    "mentions": """
        SELECT <mentions m: article_id start end text actor_id>, r.name AS actor_name,
               <mentions m: how confidence label sentence>,
               substring(a.text, t."start" + 1, t."end" - t."start") AS evidence,
               a.outlet, a.date AS published
        FROM mentions m JOIN articles a ON a.id = m.article_id
        LEFT JOIN actors r ON r.id = m.actor_id
        LEFT JOIN sentences t ON t.article_id = m.article_id AND t.idx = m.sentence
        WHERE /*filters*/
        ORDER BY a.seq, m.idx
    """,
    "actors": """
        SELECT <actors r: id name kind country sector wikidata>,
               coalesce((
                   SELECT list({'role': o.role, 'organisation': o.organisation,
                                'country': o.country, 'tense': o.tense, 'date': a.date,
                                'outlet': a.outlet, 'article_id': o.article_id,
                                'start': o."start", 'end': o."end"}
                               ORDER BY a.date NULLS LAST, a.seq, o.idx)
                   FROM roles o JOIN articles a ON a.id = o.article_id
                   WHERE o.actor_id = r.id), []) AS roles,
               (SELECT count(*) FROM mentions m WHERE m.actor_id = r.id) AS mentions
        FROM actors r WHERE /*filters*/ ORDER BY mentions DESC, r.id
    """,
    "roles": """
        SELECT <roles o: article_id actor_id>, r.name AS actor_name,
               <roles o: role organisation country tense>, a.date, a.outlet,
               <roles o: start end>,
               substring(a.text, o."start" + 1, o."end" - o."start") AS evidence
        FROM roles o JOIN articles a ON a.id = o.article_id
        LEFT JOIN actors r ON r.id = o.actor_id
        WHERE /*filters*/
        ORDER BY a.seq, o.idx
    """,
    "statements": """
        SELECT s.article_id, s.idx AS "index", r.name AS speaker,
               <statements s: speaker_id speaker_text cue>,
               substring(a.text, s."start" + 1, s."end" - s."start") AS content, s.kind,
               s.addressee_text AS addressee, <statements s: addressee_id via start end negated>,
               <statements s: speaker_start speaker_end cue_start cue_end fragments>,
               <statements s: addressee_start addressee_end>,
               least(t."start", s."start", coalesce(s.speaker_start, s."start"),
                     coalesce(s.cue_start, s."start")) AS evidence_start,
               substring(a.text, evidence_start + 1,
                         greatest(t."end", s."end", coalesce(s.speaker_end, s."end"),
                                  coalesce(s.cue_end, s."end")) - evidence_start) AS evidence,
               a.outlet, a.date AS published, a.url, a.title
        FROM statements s JOIN articles a ON a.id = s.article_id
             /*page a.seq*/ /*page s.article_seq*/
        LEFT JOIN actors r ON r.id = s.speaker_id
        LEFT JOIN sentences t ON t.article_id = s.article_id AND t.idx = s.sentence
             /*page t.article_seq*/
        WHERE /*filters*/
        ORDER BY a.seq, s.idx
    """,
    "events": """
        WITH sides AS (
            SELECT p.article_id, p.event_idx,
                   list({'text': p.text, 'actor_id': p.actor_id, 'name': r.name,
                         'code': p.country, 'sector': p.sector, 'wikidata': r.wikidata,
                         'start': p."start", 'end': p."end"} ORDER BY p.position)
                       FILTER (WHERE p.side = 'actor') AS actors,
                   list({'text': p.text, 'actor_id': p.actor_id, 'name': r.name,
                         'code': p.country, 'sector': p.sector, 'wikidata': r.wikidata,
                         'start': p."start", 'end': p."end"} ORDER BY p.position)
                       FILTER (WHERE p.side = 'recipient') AS recipients
            FROM event_participants p LEFT JOIN actors r ON r.id = p.actor_id
            WHERE TRUE /*page p.article_seq*/
            GROUP BY p.article_id, p.event_idx
        ),
        sizes AS (
            SELECT z.article_id, z.event_idx,
                   list({'kind': z.kind, 'value': z.value, 'at_least': z.at_least,
                         'start': z."start", 'end': z."end",
                         'text': substring(za.text, z."start" + 1, z."end" - z."start")}
                        ORDER BY z."start") AS sizes
            FROM event_sizes z JOIN articles za ON za.id = z.article_id
            WHERE TRUE /*page z.article_seq*/ /*page za.seq*/
            GROUP BY z.article_id, z.event_idx
        ),
        told AS (
            SELECT x.merged_id,
                   list({'article_id': x.article_id, 'outlet': xa.outlet,
                         'start': xs."start", 'end': xs."end",
                         'sentence': substring(xa.text, xs."start" + 1, xs."end" - xs."start")}
                        ORDER BY xa.seq, x.event_idx) AS mentions
            FROM event_mentions x JOIN events xe
                ON xe.article_id = x.article_id AND xe.idx = x.event_idx
            JOIN articles xa ON xa.id = x.article_id
            JOIN sentences xs ON xs.article_id = xe.article_id AND xs.idx = xe.sentence
            WHERE TRUE /*told x.article_seq*/ /*told xe.article_seq*/ /*told xa.seq*/
                  /*told xs.article_seq*/
            GROUP BY x.merged_id
        )
        SELECT e.article_id || '-' || e.idx AS id, e.article_id, e.idx AS "index",
               e.type AS event, e.mode, e.quad AS quad_code, <events e: cameo goldstein>,
               coalesce(e.date_start, a.date) AS date,
               <events e: date_start date_end date_granularity date_text>,
               coalesce(sd.actors, []) AS actors, coalesce(sd.recipients, []) AS recipients,
               coalesce(sz.sizes, []) AS sizes,
               <events e: trigger trigger_start trigger_end>,
               substring(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)
                   AS trigger_text,
               <events e: place_text place_name place_country latitude longitude geonameid>,
               <events e: modality negated via statement sentence>,
               s."start" AS sentence_start, s."end" AS sentence_end,
               substring(a.text, s."start" + 1, s."end" - s."start") AS evidence,
               a.url, a.outlet, a.title, a.date AS published, a.analysed_at AS coded_at,
               length(a.text) AS article_chars, em.merged_id,
               coalesce(me.num_mentions, 1) AS num_mentions,
               coalesce(me.num_articles, 1) AS num_articles,
               coalesce(me.num_sources, 1) AS num_sources,
               coalesce(tm.mentions,
                        [{'article_id': e.article_id, 'outlet': a.outlet,
                          'start': s."start", 'end': s."end",
                          'sentence': substring(a.text, s."start" + 1, s."end" - s."start")}])
                   AS mentions
        FROM events e JOIN articles a ON a.id = e.article_id
             /*page a.seq*/ /*page e.article_seq*/
        JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
             /*page s.article_seq*/
        LEFT JOIN event_mentions em ON em.article_id = e.article_id AND em.event_idx = e.idx
             /*page em.article_seq*/
        LEFT JOIN merged_events me ON me.id = em.merged_id /*merged me.id*/
        LEFT JOIN sides sd ON sd.article_id = e.article_id AND sd.event_idx = e.idx
        LEFT JOIN sizes sz ON sz.article_id = e.article_id AND sz.event_idx = e.idx
        LEFT JOIN told tm ON tm.merged_id = em.merged_id
        WHERE /*filters*/
        ORDER BY a.seq, e.idx
    """,
    "merged_events": """
        SELECT me.id, me.type AS event, me.mode, me.quad AS quad_code,
               <merged_events me: cameo goldstein date_start date_end date_granularity>,
               <merged_events me: place_name place_country latitude longitude modality>,
               <merged_events me: num_mentions num_articles num_sources actors recipients>,
               (SELECT list({'article_id': x.article_id, 'index': x.event_idx,
                             'outlet': a.outlet, 'published': a.date,
                             'start': s."start", 'end': s."end",
                             'sentence': substring(a.text, s."start" + 1,
                                                   s."end" - s."start")}
                            ORDER BY a.seq, x.event_idx)
                  FROM event_mentions x
                  JOIN events e ON e.article_id = x.article_id AND e.idx = x.event_idx
                  JOIN articles a ON a.id = x.article_id
                  JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
                 WHERE x.merged_id = me.id) AS mentions
        FROM merged_events me
        WHERE /*filters*/
        ORDER BY me.num_mentions DESC, me.date_start NULLS LAST, me.id
    """,
    "stories": """
        SELECT t.story_id, t.article_id, a.title, a.date, a.outlet, a.url, z.articles
        FROM stories t JOIN articles a ON a.id = t.article_id
        JOIN (SELECT story_id, count(*) AS articles FROM stories GROUP BY story_id) z
          ON z.story_id = t.story_id
        WHERE /*filters*/
        ORDER BY z.articles DESC, t.story_id, a.date NULLS LAST, a.seq
    """,
    "conflicts": """
        SELECT <conflicts c: id kind subject>, coalesce(r.name, c.subject) AS subject_name,
               <conflicts c: fact sides>
        FROM conflicts c LEFT JOIN actors r ON r.id = c.subject
        WHERE /*filters*/
        ORDER BY c.kind, c.subject, c.id
    """,
    "problems": """
        SELECT run_id, path, line, kind, message, seen_at
        FROM problems ORDER BY id
    """,
}

_DECLARED = re.compile(r"<(\w+) (\w+): ([\w ]+)>")


def _declared(sql: str) -> str:
    def select(match: re.Match[str]) -> str:
        table, alias, names = match.groups()
        return DECLARED[table].select(alias, names.split())

    return _DECLARED.sub(select, sql)


EXPORTS: dict[str, str] = {name: _declared(sql) for name, sql in _WRITTEN.items()}
TABLES = tuple(EXPORTS)
CHUNK = 2048  # rows read and handed on at a time


@dataclass(frozen=True)
class Rows:
    """A table's rows as an export reads them: its columns in order, then the rows a chunk at
    a time, each row a dict by column."""

    columns: list[str]
    chunks: Iterator[list[dict[str, Any]]]


# Where a page of rows narrows a query to its articles, by their ingest numbers (``seq`` of
# articles, ``article_seq`` of their rows): ``/*page COLUMN*/`` (the page's own articles) and
# ``/*told COLUMN*/`` (every article telling the page's merged events). A whole export drops
# them; a page puts them in as a range DuckDB skips to as it scans (an article's rows lie
# together in ingest order) and the numbers themselves, so a page reads its articles' rows,
# not every table whole.
# ``/*merged COLUMN*/`` narrows to the page's merged events (``$page_merged``).
_NARROW = re.compile(r"/\*(page|told|merged) ([\w.]+)\*/")


def _narrow(match: re.Match[str]) -> str:
    kind, column = match[1], match[2]
    if kind == "merged":
        return f"AND list_contains($page_merged, {column})"
    return f"AND {within(column, kind)}"


def _narrowed(sql: str, narrow: bool) -> str:
    return _NARROW.sub(_narrow if narrow else "", sql)


def _query(table: str, filters: Filters | None = None) -> tuple[str, dict[str, object]]:
    """The export query of ``table`` with ``filters`` put on it, and its parameters."""
    if table not in EXPORTS:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    condition, params = where(table, filters)
    return _narrowed(EXPORTS[table], False).replace("/*filters*/", condition), params


def rows(conn: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None) -> Rows:
    """The export of ``table``, read in chunks as the caller takes them."""
    sql, params = _query(table, filters)
    cursor = conn.execute(sql, params)
    columns = [column[0] for column in cursor.description]

    def chunks() -> Iterator[list[dict[str, Any]]]:
        while batch := cursor.fetchmany(CHUNK):
            yield [dict(zip(columns, row, strict=True)) for row in batch]

    return Rows(columns, chunks())


def relation(
    conn: duckdb.DuckDBPyConnection, table: str, filters: Filters | None = None
) -> duckdb.DuckDBPyRelation:
    """The export of ``table`` as a DuckDB relation, which hands its rows over whole as a
    DataFrame or an Arrow table, or as a stream of Arrow batches."""
    sql, params = _query(table, filters)
    return conn.sql(sql, params=params)


@dataclass(frozen=True)
class Page:
    """One page of an export: its rows, how many there are in all, and where it starts."""

    columns: list[str]
    rows: list[dict[str, Any]]
    total: int
    offset: int
    limit: int


@dataclass(frozen=True)
class Keyed:
    """How a page of a large table is read: its rows' keys chosen first over the bare join
    the filters need (``source``, in the export's ``order``, or sorted by a column's plain
    expression), then only those rows filled in by the export query."""

    source: str
    key: str
    order: str
    sorts: dict[str, str]
    seq: str = "NULL"  # the ingest number of a row's article, where the export narrows by it


_ARTICLE_SORTS = {"date": "a.date", "outlet": "a.outlet", "title": "a.title"}
KEYED: dict[str, Keyed] = {
    "events": Keyed(
        "events e JOIN articles a ON a.id = e.article_id",
        "e.article_id || '-' || e.idx",
        "a.seq, e.idx",
        {"date": "coalesce(e.date_start, a.date)", "event": "e.type", "outlet": "a.outlet",
         "goldstein": "e.goldstein", "quad_code": "e.quad", "modality": "e.modality"},
        "a.seq",
    ),
    "statements": Keyed(
        "statements s JOIN articles a ON a.id = s.article_id "
        "LEFT JOIN actors r ON r.id = s.speaker_id",
        "s.article_id || '-' || s.idx",
        "a.seq, s.idx",
        {**_ARTICLE_SORTS, "published": "a.date", "speaker": "r.name", "kind": "s.kind"},
        "a.seq",
    ),
    "merged_events": Keyed(
        "merged_events me",
        "me.id",
        "me.num_mentions DESC, me.date_start NULLS LAST, me.id",
        {"date_start": "me.date_start", "event": "me.type", "num_mentions": "me.num_mentions",
         "num_sources": "me.num_sources", "goldstein": "me.goldstein"},
    ),
    "articles": Keyed("articles a", "a.id", "a.seq", _ARTICLE_SORTS),
    "stories": Keyed(
        "stories t JOIN articles a ON a.id = t.article_id "
        "JOIN (SELECT story_id, count(*) AS articles FROM stories GROUP BY story_id) z "
        "ON z.story_id = t.story_id",
        "t.article_id",
        "z.articles DESC, t.story_id, a.date NULLS LAST, a.seq",
        {**_ARTICLE_SORTS, "articles": "z.articles", "story_id": "t.story_id"},
    ),
}  # fmt: skip


def page(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    filters: Filters | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str | None = None,
    descending: bool = False,
) -> Page:
    """Rows ``offset`` to ``offset + limit`` of the export of ``table``, in its own order or
    sorted by one of its columns (``sort``; a name it does not have is refused). A large
    table's page costs its rows, not the table's (``KEYED``)."""
    sql, params = _query(table, filters)
    columns = _columns(conn, table, sql, params)
    if sort is not None and sort not in columns:
        raise ValueError(f"sort={sort!r}: {table} has no such column")
    direction = "DESC" if descending else "ASC"
    keyed = KEYED.get(table)
    if keyed is not None and (sort is None or sort in keyed.sorts):
        condition, params = where(table, filters)
        order = (
            keyed.order
            if sort is None
            else f"{keyed.sorts[sort]} {direction} NULLS LAST, {keyed.order}"
        )
        base = f"FROM {keyed.source} WHERE {condition}"
        total, keys, seqs = _keys(
            conn, keyed, base, order, params, limit, offset, condition == "TRUE"
        )
        chosen = _narrowed(EXPORTS[table], True).replace(
            "/*filters*/", f"({condition}) AND list_contains($page_keys, {keyed.key})"
        )
        narrowing = _narrowing(conn, chosen, keys, seqs)
        cursor = conn.execute(chosen, {**params, "page_keys": keys, **narrowing})
        found = {}
        for row in cursor.fetchall():
            record = dict(zip(columns, row, strict=True))
            found[_key_of(table, record)] = record
        return Page(columns, [found[key] for key in keys if key in found], total, offset, limit)
    # ties broken by every other column, so pages never overlap
    rest = ", ".join(f'"{name}"' for name in columns if name != sort)
    order = "" if sort is None else f'ORDER BY "{sort}" {direction} NULLS LAST, {rest}'
    total = int(conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0])
    cursor = conn.execute(
        f"SELECT * FROM ({sql}) {order} LIMIT $page_limit OFFSET $page_offset",
        {**params, "page_limit": limit, "page_offset": offset},
    )
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return Page(columns, rows, total, offset, limit)


_COLUMNS: dict[str, list[str]] = {}  # an export's columns, the same for every filter


def _columns(
    conn: duckdb.DuckDBPyConnection, table: str, sql: str, params: dict[str, object]
) -> list[str]:
    """The columns of the export of ``table``, asked of DuckDB once per process."""
    if table not in _COLUMNS:
        _COLUMNS[table] = [row[0] for row in conn.execute(f"DESCRIBE {sql}", params).fetchall()]
    return _COLUMNS[table]


def _keys(
    conn: duckdb.DuckDBPyConnection,
    keyed: Keyed,
    base: str,
    order: str,
    params: dict[str, object],
    limit: int,
    offset: int,
    whole: bool,
) -> tuple[int, list[str], set[int]]:
    """How many rows the filters keep, the keys of the page's rows, and the ingest numbers
    of their articles. A whole table is counted on its own (a cheap pass) and its page
    chosen by a top-N; filtered rows are counted in the pass that chooses the page, so the
    filters run once."""
    paged = {**params, "page_limit": limit, "page_offset": offset}
    if whole:
        rows = conn.execute(
            f"SELECT {keyed.key}, {keyed.seq} {base} ORDER BY {order} "
            "LIMIT $page_limit OFFSET $page_offset",
            paged,
        ).fetchall()
        # every record belongs to a stored article (the store writes none for another, and
        # removes no article), so the unfiltered join counts as its first table does: at
        # once, from what DuckDB keeps of the table
        first = keyed.source.split()[0]
        total = int(conn.execute(f"SELECT count(*) FROM {first}").fetchall()[0][0])
    else:
        rows = conn.execute(
            f"SELECT {keyed.key}, {keyed.seq}, count(*) OVER () {base} ORDER BY {order} "
            "LIMIT $page_limit OFFSET $page_offset",
            paged,
        ).fetchall()
        total = int(rows[0][2]) if rows else 0
        if not rows:  # a page past the end: count on its own
            total = int(conn.execute(f"SELECT count(*) {base}", params).fetchall()[0][0])
    return total, [row[0] for row in rows], {row[1] for row in rows if row[1] is not None}


def _narrowing(
    conn: duckdb.DuckDBPyConnection, sql: str, keys: list[str], seqs: set[int]
) -> dict[str, object]:
    """The numbers of the articles a page's rows (``keys``) are in (``$page_…``) and, where
    the query lists every report of an event, the page's merged events (``$page_merged``)
    and the numbers of the articles telling them (``$told_…``)."""
    found = numbers(seqs) if "$page_seqs" in sql else {}
    if "$told_seqs" in sql or "$page_merged" in sql:
        merged = conn.execute(
            """SELECT DISTINCT merged_id FROM event_mentions
               WHERE article_seq BETWEEN $page_lo AND $page_hi
                 AND list_contains($page_seqs, article_seq)
                 AND list_contains($keys, article_id || '-' || event_idx)""",
            {**numbers(seqs), "keys": keys},
        ).fetchall()
        found["page_merged"] = [row[0] for row in merged]
        rows = conn.execute(
            "SELECT DISTINCT article_seq FROM event_mentions "
            "WHERE list_contains($merged, merged_id)",
            {"merged": found["page_merged"]},
        ).fetchall()
        found.update(numbers(kind="told", seqs={row[0] for row in rows} | seqs))
    return found


def _key_of(table: str, record: dict[str, Any]) -> str:
    """A row's key as ``KEYED`` writes it, from the export's own columns."""
    if table in ("merged_events", "articles"):
        return str(record["id"])
    if table == "stories":
        return str(record["article_id"])
    return f"{record['article_id']}-{record['index']}"


def to_parquet(
    conn: duckdb.DuckDBPyConnection, table: str, path: Path, filters: Filters | None = None
) -> int:
    """Write the export of ``table`` to the Parquet file ``path``, a batch at a time; returns
    the number of rows written."""
    import pyarrow.parquet as pq

    found: Any = relation(conn, table, filters)
    reader = found.to_arrow_reader(CHUNK * 8)
    count = 0
    with pq.ParquetWriter(path, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            count += batch.num_rows
    return count


OUTPUTS = ("pandas", "arrow", "polars")


def converted(result: duckdb.DuckDBPyRelation, output: str) -> Any:
    """A relation's rows as a pandas DataFrame, an Arrow table or a polars DataFrame."""
    rows: Any = result  # the stubs do not list every conversion DuckDB has
    if output == "pandas":
        return rows.df()
    if output == "arrow":
        return rows.to_arrow_table()
    if output == "polars":
        return rows.pl()
    raise ValueError(f"output {output!r}: choose one of {', '.join(OUTPUTS)}")


def frame(conn: duckdb.DuckDBPyConnection, table: str, filters: Filters | None, output: str) -> Any:
    """The export of ``table`` whole, converted as ``output`` says."""
    if output not in OUTPUTS:
        raise ValueError(f"output {output!r}: choose one of {', '.join(OUTPUTS)}")
    return converted(relation(conn, table, filters), output)
