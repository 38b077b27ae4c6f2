"""Export a stored table to a file or standard output: the store reads the rows, this writes
them as JSON Lines, CSV, Parquet, PLOVER or GDELT."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from communique.store import Store
from communique.store.exports import TABLES, Rows

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")
# Formats that only events have: the exchange formats of event data.
EVENT_FORMATS = ("plover", "gdelt")


def plain(value: Any) -> Any:
    """A value as JSON can hold it: dates as ISO strings, records (dataclasses) as objects,
    sets as sorted lists, nested lists, tuples and structs kept."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(plain(item) for item in value)
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def _cell(value: Any) -> Any:
    """A value as a CSV cell: nested lists and structs as JSON text."""
    value = plain(value)
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


# What a spreadsheet reads as the start of a formula: a cell of article text that begins so
# ("=HYPERLINK(...)") is written with a leading apostrophe, as spreadsheet users expect.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class OutputError(ValueError):
    """Where an export was asked to go cannot take it."""


def check_output(out: Path, store: Path | None = None) -> None:
    """Refuse an ``--out`` that would destroy a store or cannot be written: the store itself
    (or its write-ahead log), any DuckDB database, a directory, a folder that does not exist."""
    if out.is_dir():
        raise OutputError(f"--out {out}: is a directory; give a file name")
    if not out.parent.is_dir():
        raise OutputError(f"--out {out}: no folder {out.parent}")
    if store is not None and out.exists():
        wal = store.with_name(store.name + ".wal")
        if any(other.exists() and out.samefile(other) for other in (store, wal)):
            raise OutputError(f"--out {out}: is the store itself; give another file")
    if out.is_file():
        with out.open("rb") as existing:
            if existing.read(12)[8:12] == b"DUCK":
                raise OutputError(f"--out {out}: is a DuckDB database; it is not overwritten")


@contextlib.contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A temporary file beside ``out`` that takes its place once written whole: an export
    that fails leaves whatever was at ``out`` as it was."""
    handle, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, out)
    finally:
        temporary.unlink(missing_ok=True)


def export(store: Store, table: str, fmt: str, out: Path | None, stdout: IO[bytes]) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (or to ``stdout``); returns the number of rows."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in EVENT_FORMATS and table != "events":
        raise ValueError(f"--format {fmt} is for events only")
    count = store.export_count(table)
    if fmt == "parquet" and out is not None:
        with _replacing(out) as temporary:
            store.export_parquet(table, temporary)
        return count
    if fmt == "parquet":
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / f"{table}.parquet"
            store.export_parquet(table, target)
            with open(target, "rb") as source:
                shutil.copyfileobj(source, stdout)
        return count
    write = _write_events if fmt in EVENT_FORMATS else _write_text
    if out is None:
        write(store.export_rows(table), fmt, stdout)
    else:
        with _replacing(out) as temporary, open(temporary, "wb") as sink:
            write(store.export_rows(table), fmt, sink)
    return count


def _write_text(rows: Rows, fmt: str, sink: IO[bytes]) -> None:
    """Write the rows as JSON Lines or CSV (with a header row), a chunk at a time."""
    text = io.StringIO(newline="")
    writer = csv.writer(text) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(rows.columns)
    for chunk in rows.chunks:
        for row in chunk:
            if writer is not None:
                writer.writerow([_inert(_cell(value)) for value in row.values()])
            else:
                values = {column: plain(value) for column, value in row.items()}
                text.write(json.dumps(values, ensure_ascii=False))
                text.write("\n")
        _flush(text, sink)
    _flush(text, sink)  # the header, when there were no rows


def _write_events(rows: Rows, fmt: str, sink: IO[bytes]) -> None:
    """Events as PLOVER JSON Lines, or as a tab-separated GDELT 2.0-style table."""
    from communique.export.events import GDELT_COLUMNS, gdelt_row, plover_record
    from communique.kb.places import state_ids

    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter="\t") if fmt == "gdelt" else None
    if writer is not None:
        writer.writerow(GDELT_COLUMNS)
    states = frozenset(state_ids().values())
    number = 0
    for chunk in rows.chunks:
        for row in chunk:
            number += 1
            if writer is not None:
                record = gdelt_row(row, number, states)
                writer.writerow([_cell(record[name]) for name in GDELT_COLUMNS])
            else:
                text.write(json.dumps(plain(plover_record(row)), ensure_ascii=False))
                text.write("\n")
        _flush(text, sink)
    _flush(text, sink)


def _flush(text: io.StringIO, sink: IO[bytes]) -> None:
    """Write what ``text`` holds to ``sink`` as UTF-8, and empty it."""
    sink.write(text.getvalue().encode("utf-8"))
    text.seek(0)
    text.truncate()
