"""Every stored record, declared once: its table, its columns and their types, and where each
column's value comes from in the record.

From these declarations come the Arrow tables the store writes (``Table.arrow``), the
``CREATE TABLE`` text of the schema the records need (``Table.ddl``) and the column lists the
store reads back (``Table.names``). The migrations in ``schema.py`` are the history of how a
store got to that schema; ``tests/store/test_tables.py`` proves a migrated store has exactly
the declared columns and types, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from communique.records import ActorRef, ArticleRecords, Event, Participant, Size

# DuckDB types and the Arrow types their columns are written as.
SIDE_STRUCT = (
    'STRUCT(value VARCHAR, article_id VARCHAR, outlet VARCHAR, date DATE, "start" INTEGER, '
    '"end" INTEGER, text VARCHAR, evidence VARCHAR)[]'
)
_SIDE = pa.struct(
    [("value", pa.string()), ("article_id", pa.string()), ("outlet", pa.string()),
     ("date", pa.date32()), ("start", pa.int32()), ("end", pa.int32()), ("text", pa.string()),
     ("evidence", pa.string())]
)  # fmt: skip
ARROW: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER[][]": pa.list_(pa.list_(pa.int32())),
    SIDE_STRUCT: pa.list_(_SIDE),
}


@dataclass(frozen=True)
class Column:
    """One column: its name, its DuckDB type, whether it may be NULL, and its value in a row."""

    name: str
    type: str
    value: Callable[[Any], Any]
    nullable: bool = True


@dataclass(frozen=True)
class Table:
    """One stored record's table: its columns, its key, and the rows a source gives it."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    rows: Callable[[Any], Sequence[Any]]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def schema(self) -> pa.Schema:
        return pa.schema([(c.name, ARROW[c.type], c.nullable) for c in self.columns])

    def arrow(self, source: Any) -> pa.Table:
        """The rows ``source`` gives this table, as an Arrow table of the declared types."""
        rows = self.rows(source)
        return pa.table(
            {c.name: pa.array([c.value(row) for row in rows], ARROW[c.type]) for c in self.columns}
        )

    def select(self, alias: str, names: Iterable[str]) -> str:
        """A SQL select list of these declared columns of the table aliased ``alias``; a name
        the table does not declare is an error."""
        names = list(names)
        unknown = [name for name in names if name not in self.names]
        if unknown:
            raise KeyError(f"{self.name} declares no column {', '.join(unknown)}")
        return ", ".join(f'{alias}."{name}"' for name in names)

    def ddl(self) -> str:
        """``CREATE TABLE`` for the declared columns and key."""
        lines = [
            f'    "{c.name}" {c.type}{"" if c.nullable else " NOT NULL"}' for c in self.columns
        ]
        lines.append(f"    PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE {self.name} (\n" + ",\n".join(lines) + "\n)"


def _columns(*specs: tuple[str, str, Callable[[Any], Any]] | Column) -> tuple[Column, ...]:
    """Columns from ``(name, type, value)`` triples (nullable) or ``Column``s."""
    return tuple(spec if isinstance(spec, Column) else Column(*spec) for spec in specs)


def _field(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, name)


def _required(name: str, kind: str, attribute: str | None = None) -> Column:
    return Column(name, kind, _field(attribute or name), nullable=False)


def _article_key(record_index: str = "index") -> tuple[Column, Column]:
    return _required("article_id", "VARCHAR"), _required("idx", "INTEGER", record_index)


# The article's ingest number (``articles.seq``) on every row of it, set by the store as it
# writes (``ARTICLE_SEQ``): an article's rows lie together in ingest order, so a range of these
# numbers lets a reader skip to a few articles' rows instead of scanning a whole table.
ARTICLE_SEQ = "article_seq"


def _article_seq() -> Column:
    return Column(ARTICLE_SEQ, "BIGINT", lambda row: None)


def _span() -> tuple[Column, Column]:
    return _required("start", "INTEGER"), _required("end", "INTEGER")


# -- what one article's analysis found ------------------------------------------------------

SENTENCES = Table(
    "sentences",
    (*_article_key(), *_span(), _article_seq()),
    ("article_id", "idx"),
    lambda records: records.sentences,
)

MENTIONS = Table(
    "mentions",
    _columns(
        *_article_key(), _required("sentence", "INTEGER"), *_span(),
        _required("text", "VARCHAR"), _required("label", "VARCHAR"),
        ("actor_id", "VARCHAR", _field("actor_id")), ("how", "VARCHAR", _field("how")),
        ("confidence", "DOUBLE", _field("confidence")),
        _article_seq(),
    ),
    ("article_id", "idx"),
    lambda records: records.mentions,
)  # fmt: skip

ROLES = Table(
    "roles",
    _columns(
        *_article_key(), _required("actor_id", "VARCHAR"), _required("role", "VARCHAR"),
        ("organisation", "VARCHAR", _field("organisation")),
        ("country", "VARCHAR", _field("country")), _required("tense", "VARCHAR"), *_span(),
        _article_seq(),
    ),
    ("article_id", "idx"),
    lambda records: records.roles,
)  # fmt: skip

STATEMENTS = Table(
    "statements",
    _columns(
        *_article_key(), _required("sentence", "INTEGER"), _required("kind", "VARCHAR"),
        *_span(),
        ("fragments", "INTEGER[][]", lambda s: [list(f) for f in s.fragments]),
        *((name, "VARCHAR" if name.endswith(("_id", "_text")) else "INTEGER", _field(name))
          for name in ("speaker_id", "speaker_text", "speaker_start", "speaker_end")),
        ("cue", "VARCHAR", _field("cue")), ("cue_start", "INTEGER", _field("cue_start")),
        ("cue_end", "INTEGER", _field("cue_end")),
        *((name, "VARCHAR" if name.endswith(("_id", "_text")) else "INTEGER", _field(name))
          for name in ("addressee_id", "addressee_text", "addressee_start", "addressee_end")),
        ("via", "VARCHAR[]", lambda s: list(s.via)), _required("negated", "BOOLEAN"),
        _article_seq(),
    ),
    ("article_id", "idx"),
    lambda records: records.statements,
)  # fmt: skip


def _place(name: str) -> Callable[[Event], Any]:
    return lambda e: getattr(e.where, name) if e.where is not None else None


def _when(name: str) -> Callable[[Event], Any]:
    return lambda e: getattr(e.when, name)


EVENTS = Table(
    "events",
    _columns(
        *_article_key(), _required("sentence", "INTEGER"), _required("type", "VARCHAR"),
        ("mode", "VARCHAR", _field("mode")), ("quad", "INTEGER", _field("quad")),
        ("cameo", "VARCHAR", _field("cameo")), ("goldstein", "DOUBLE", _field("goldstein")),
        _required("trigger", "VARCHAR"), _required("trigger_start", "INTEGER"),
        _required("trigger_end", "INTEGER"),
        ("date_start", "DATE", _when("start")), ("date_end", "DATE", _when("end")),
        Column("date_granularity", "VARCHAR", _when("granularity"), nullable=False),
        ("date_text", "VARCHAR", _when("text")),
        ("date_text_start", "INTEGER", _when("text_start")),
        ("date_text_end", "INTEGER", _when("text_end")),
        ("place_text", "VARCHAR", _place("text")),
        ("place_start", "INTEGER", _place("text_start")),
        ("place_end", "INTEGER", _place("text_end")),
        ("place_name", "VARCHAR", _place("name")),
        ("place_country", "VARCHAR", _place("country")),
        ("latitude", "DOUBLE", _place("latitude")), ("longitude", "DOUBLE", _place("longitude")),
        ("geonameid", "INTEGER", _place("geonameid")),
        _required("modality", "VARCHAR"), _required("negated", "BOOLEAN"),
        ("via", "VARCHAR[]", lambda e: list(e.via)),
        ("statement", "INTEGER", _field("statement")),
        _article_seq(),
    ),
    ("article_id", "idx"),
    lambda records: records.events,
)  # fmt: skip


@dataclass(frozen=True)
class _Side:
    event: Event
    side: str
    position: int
    participant: Participant


def _sides(records: ArticleRecords) -> list[_Side]:
    return [
        _Side(event, side, position, participant)
        for event in records.events
        for side, members in (("actor", event.actors), ("recipient", event.recipients))
        for position, participant in enumerate(members)
    ]


EVENT_PARTICIPANTS = Table(
    "event_participants",
    _columns(
        Column("article_id", "VARCHAR", lambda s: s.event.article_id, nullable=False),
        Column("event_idx", "INTEGER", lambda s: s.event.index, nullable=False),
        _required("side", "VARCHAR"), _required("position", "INTEGER"),
        Column("start", "INTEGER", lambda s: s.participant.start, nullable=False),
        Column("end", "INTEGER", lambda s: s.participant.end, nullable=False),
        Column("text", "VARCHAR", lambda s: s.participant.text, nullable=False),
        *((name, "VARCHAR", (lambda n: lambda s: getattr(s.participant, n))(name))
          for name in ("actor_id", "country", "sector")),
        _article_seq(),
    ),
    ("article_id", "event_idx", "side", "position"),
    _sides,
)  # fmt: skip


@dataclass(frozen=True)
class _Count:
    event: Event
    size: Size


EVENT_SIZES = Table(
    "event_sizes",
    _columns(
        Column("article_id", "VARCHAR", lambda c: c.event.article_id, nullable=False),
        Column("event_idx", "INTEGER", lambda c: c.event.index, nullable=False),
        Column("kind", "VARCHAR", lambda c: c.size.kind, nullable=False),
        Column("value", "BIGINT", lambda c: c.size.value, nullable=False),
        Column("at_least", "BOOLEAN", lambda c: c.size.at_least, nullable=False),
        Column("start", "INTEGER", lambda c: c.size.start, nullable=False),
        Column("end", "INTEGER", lambda c: c.size.end, nullable=False),
        _article_seq(),
    ),
    ("article_id", "event_idx", "kind"),
    lambda records: [_Count(e, size) for e in records.events for size in e.sizes],
)

# The tables of one article's records, in the order they are written.
RECORD_TABLES: tuple[Table, ...] = (
    SENTENCES, MENTIONS, ROLES, STATEMENTS, EVENTS, EVENT_PARTICIPANTS, EVENT_SIZES
)  # fmt: skip


@dataclass(frozen=True)
class _Met:
    actor: ActorRef
    article_id: str


ACTORS = Table(
    "actors",
    _columns(
        Column("id", "VARCHAR", lambda m: m.actor.id, nullable=False),
        Column("name", "VARCHAR", lambda m: m.actor.name, nullable=False),
        Column("kind", "VARCHAR", lambda m: m.actor.kind, nullable=False),
        *((name, "VARCHAR", (lambda n: lambda m: getattr(m.actor, n))(name))
          for name in ("country", "sector", "wikidata")),
        Column("origin", "VARCHAR", lambda m: m.actor.origin, nullable=False),
        ("first_seen", "VARCHAR", _field("article_id")),
    ),
    ("id",),
    lambda records: [_Met(actor, records.article_id) for actor in records.actors],
)  # fmt: skip


# -- what the cross-article pass makes of them ----------------------------------------------
# Their rows come from the pass's result (``crossdoc.build.Crossdoc``): each article's story,
# the merged events with their mentions, and the disagreements between articles.


@dataclass(frozen=True)
class _Pair:
    key: str
    value: str


@dataclass(frozen=True)
class _Link:
    merged_id: str
    article_id: str
    event_idx: int


STORIES = Table(
    "stories",
    _columns(
        Column("article_id", "VARCHAR", _field("key"), nullable=False),
        Column("story_id", "VARCHAR", _field("value"), nullable=False),
    ),
    ("article_id",),
    lambda result: [_Pair(article, story) for article, story in result.stories.items()],
)


def _merged_columns() -> Iterable[Column]:
    yield _required("id", "VARCHAR")
    yield _required("type", "VARCHAR")
    optional = (("mode", "VARCHAR"), ("quad", "INTEGER"), ("cameo", "VARCHAR"),
                ("goldstein", "DOUBLE"), ("date_start", "DATE"), ("date_end", "DATE"))  # fmt: skip
    for name, kind in optional:
        yield Column(name, kind, _field(name))
    yield Column("date_granularity", "VARCHAR", _field("granularity"), nullable=False)
    for name, kind in (("place_name", "VARCHAR"), ("place_country", "VARCHAR"),
                       ("latitude", "DOUBLE"), ("longitude", "DOUBLE")):  # fmt: skip
        yield Column(name, kind, _field(name))
    yield _required("modality", "VARCHAR")
    for name in ("num_mentions", "num_articles", "num_sources"):
        yield _required(name, "INTEGER")
    yield Column("actors", "VARCHAR[]", lambda e: list(e.actors))
    yield Column("recipients", "VARCHAR[]", lambda e: list(e.recipients))


MERGED_EVENTS = Table(
    "merged_events", tuple(_merged_columns()), ("id",), lambda result: result.events
)

EVENT_MENTIONS = Table(
    "event_mentions",
    _columns(
        _required("merged_id", "VARCHAR"), _required("article_id", "VARCHAR"),
        _required("event_idx", "INTEGER"),
        _article_seq(),
    ),
    ("article_id", "event_idx"),
    lambda result: [
        _Link(e.id, m.article_id, m.index) for e in result.events for m in e.mentions
    ],
)  # fmt: skip

CONFLICTS = Table(
    "conflicts",
    _columns(
        _required("id", "VARCHAR"), _required("kind", "VARCHAR"), _required("subject", "VARCHAR"),
        _required("fact", "VARCHAR"),
        ("sides", SIDE_STRUCT,
         lambda c: [{name: getattr(side, name) for name in _SIDE.names} for side in c.sides]),
    ),
    ("id",),
    lambda result: result.conflicts,
)  # fmt: skip

# The tables the cross-article pass rebuilds whole, in the order they are written.
CROSSDOC_TABLES: tuple[Table, ...] = (STORIES, MERGED_EVENTS, EVENT_MENTIONS, CONFLICTS)

# Every declared table by name.
DECLARED: dict[str, Table] = {
    table.name: table for table in (*RECORD_TABLES, ACTORS, *CROSSDOC_TABLES)
}
