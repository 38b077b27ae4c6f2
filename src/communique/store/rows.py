"""Records as Arrow tables shaped like the store's tables, ready for one bulk insert."""

from __future__ import annotations

from collections.abc import Sequence

import pyarrow as pa

from communique.ontology import plover
from communique.records import ArticleRecords, Event

TEXT = pa.string()
NUMBER = pa.int32()
REAL = pa.float64()


def statements_table(records: ArticleRecords) -> pa.Table:
    """An article's statements, shaped like the ``statements`` table."""
    rows = records.statements

    def column(name: str, kind: pa.DataType) -> pa.Array:
        return pa.array([getattr(s, name) for s in rows], kind)

    return pa.table(
        {
            "article_id": column("article_id", TEXT),
            "idx": column("index", NUMBER),
            "sentence": column("sentence", NUMBER),
            "kind": column("kind", TEXT),
            "start": column("start", NUMBER),
            "end": column("end", NUMBER),
            "fragments": pa.array(
                [[list(f) for f in s.fragments] for s in rows], pa.list_(pa.list_(NUMBER))
            ),
            **{name: column(name, TEXT) for name in (
                "speaker_id", "speaker_text", "cue", "addressee_id", "addressee_text")},
            **{name: column(name, NUMBER) for name in (
                "speaker_start", "speaker_end", "cue_start", "cue_end", "addressee_start",
                "addressee_end")},
            "via": pa.array([list(s.via) for s in rows], pa.list_(TEXT)),
            "negated": column("negated", pa.bool_()),
        }
    )  # fmt: skip


def _coding(event: Event) -> plover.Mode | None:
    try:
        return plover.mode(event.type, event.mode)
    except KeyError:
        return None


def event_tables(records: ArticleRecords) -> tuple[pa.Table, pa.Table, pa.Table]:
    """An article's events, their sides and their sizes, shaped like ``events``,
    ``event_participants`` and ``event_sizes``; quad class, CAMEO code and Goldstein value
    come from the crosswalk."""
    rows = records.events
    codings = [_coding(e) for e in rows]
    places = [e.where for e in rows]

    def column(values: list, kind: pa.DataType) -> pa.Array:
        return pa.array(values, kind)

    def place(name: str, kind: pa.DataType) -> pa.Array:
        return pa.array([getattr(p, name) if p else None for p in places], kind)

    events = pa.table(
        {
            "article_id": column([e.article_id for e in rows], TEXT),
            "idx": column([e.index for e in rows], NUMBER),
            "sentence": column([e.sentence for e in rows], NUMBER),
            "type": column([e.type for e in rows], TEXT),
            "mode": column([e.mode for e in rows], TEXT),
            "quad": column([c.quad if c else None for c in codings], NUMBER),
            "cameo": column([c.cameo if c else None for c in codings], TEXT),
            "goldstein": column([c.goldstein if c else None for c in codings], REAL),
            "trigger": column([e.trigger for e in rows], TEXT),
            "trigger_start": column([e.trigger_start for e in rows], NUMBER),
            "trigger_end": column([e.trigger_end for e in rows], NUMBER),
            "date_start": column([e.when.start for e in rows], pa.date32()),
            "date_end": column([e.when.end for e in rows], pa.date32()),
            "date_granularity": column([e.when.granularity for e in rows], TEXT),
            "date_text": column([e.when.text for e in rows], TEXT),
            "date_text_start": column([e.when.text_start for e in rows], NUMBER),
            "date_text_end": column([e.when.text_end for e in rows], NUMBER),
            "place_text": place("text", TEXT),
            "place_start": place("text_start", NUMBER),
            "place_end": place("text_end", NUMBER),
            "place_name": place("name", TEXT),
            "place_country": place("country", TEXT),
            "latitude": place("latitude", REAL),
            "longitude": place("longitude", REAL),
            "geonameid": place("geonameid", NUMBER),
            "modality": column([e.modality for e in rows], TEXT),
            "negated": column([e.negated for e in rows], pa.bool_()),
            "via": column([list(e.via) for e in rows], pa.list_(TEXT)),
            "statement": column([e.statement for e in rows], NUMBER),
        }
    )
    sides = [
        (event, side, position, participant)
        for event in rows
        for side, members in (("actor", event.actors), ("recipient", event.recipients))
        for position, participant in enumerate(members)
    ]
    participants = pa.table(
        {
            "article_id": column([e.article_id for e, _, _, _ in sides], TEXT),
            "event_idx": column([e.index for e, _, _, _ in sides], NUMBER),
            "side": column([s for _, s, _, _ in sides], TEXT),
            "position": column([n for _, _, n, _ in sides], NUMBER),
            **{
                name: column([getattr(p, name) for _, _, _, p in sides], NUMBER)
                for name in ("start", "end")
            },
            **{
                name: column([getattr(p, name) for _, _, _, p in sides], TEXT)
                for name in ("text", "actor_id", "country", "sector")
            },
        }
    )
    counts = [(event, size) for event in rows for size in event.sizes]
    sizes = pa.table(
        {
            "article_id": column([e.article_id for e, _ in counts], TEXT),
            "event_idx": column([e.index for e, _ in counts], NUMBER),
            "kind": column([z.kind for _, z in counts], TEXT),
            "value": column([z.value for _, z in counts], pa.int64()),
            "at_least": column([z.at_least for _, z in counts], pa.bool_()),
            "start": column([z.start for _, z in counts], NUMBER),
            "end": column([z.end for _, z in counts], NUMBER),
        }
    )
    return events, participants, sizes


def _table(rows: Sequence[object], columns: dict[str, tuple[str, pa.DataType | None]]) -> pa.Table:
    """Records as a table: each column from the attribute and of the type named for it (None:
    the type the values have)."""
    return pa.table(
        {
            column: pa.array([getattr(row, name) for row in rows], kind)
            for column, (name, kind) in columns.items()
        }
    )


def record_tables(records: ArticleRecords) -> dict[str, pa.Table]:
    """All an article's records, by the table they go to, in the order they are written."""
    spans = {"start": ("start", NUMBER), "end": ("end", NUMBER)}
    sentences = _table(
        records.sentences, {"article_id": ("article_id", None), "idx": ("index", NUMBER), **spans}
    )
    mentions = _table(
        records.mentions,
        {
            "article_id": ("article_id", None), "idx": ("index", NUMBER),
            "sentence": ("sentence", NUMBER), **spans,
            **{name: (name, TEXT) for name in ("text", "label", "actor_id", "how")},
            "confidence": ("confidence", REAL),
        },
    )  # fmt: skip
    roles = _table(
        records.roles,
        {
            "article_id": ("article_id", TEXT), "idx": ("index", NUMBER),
            **{name: (name, TEXT) for name in (
                "actor_id", "role", "organisation", "country", "tense")},
            **spans,
        },
    )  # fmt: skip
    events, participants, sizes = event_tables(records)
    return {
        "sentences": sentences,
        "mentions": mentions,
        "roles": roles,
        "statements": statements_table(records),
        "events": events,
        "event_participants": participants,
        "event_sizes": sizes,
    }
