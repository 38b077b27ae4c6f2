"""Export a stored table to a file or standard output: the store reads the rows, this writes
them as JSON Lines, CSV, Parquet, PLOVER or GDELT."""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import functools
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from communique.store import Store
from communique.store.exports import TABLES, Rows
from communique.store.filters import Filters

FORMATS = ("jsonl", "csv", "parquet", "plover", "gdelt")


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


@dataclasses.dataclass(frozen=True)
class Options:
    """How an export is written: the filters on its rows, a header row for GDELT files, and
    whether GDELT files take events that are not asserted."""

    filters: Filters | None = None
    header: bool = False
    include_modal: bool = False


def export(
    store: Store,
    table: str,
    fmt: str,
    out: Path | None,
    stdout: IO[bytes],
    options: Options | None = None,
) -> int:
    """Write ``table`` in ``fmt`` to ``out`` (or to ``stdout``); returns the number of rows
    written. ``export mentions --format gdelt`` writes GDELT's mentions table."""
    options = options or Options()
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "plover" and table != "events":
        raise ValueError("--format plover is for events only")
    if fmt == "gdelt" and table not in ("events", "mentions"):
        raise ValueError("--format gdelt is for events (GDELT's event table) and mentions")
    if fmt == "gdelt":
        source = store.export_rows("events", options.filters)
        write: Callable[[IO[bytes]], int] = functools.partial(_write_gdelt, source, table, options)
    elif fmt == "parquet":
        return _parquet(store, table, out, stdout, options.filters)
    else:
        rows = store.export_rows(table, options.filters)
        writer = _write_plover if fmt == "plover" else _write_text
        write = functools.partial(writer, rows, fmt)
    if out is None:
        return write(stdout)
    with _replacing(out) as temporary, open(temporary, "wb") as sink:
        return write(sink)


def _parquet(
    store: Store, table: str, out: Path | None, stdout: IO[bytes], filters: Filters | None
) -> int:
    if out is not None:
        with _replacing(out) as temporary:
            return store.export_parquet(table, temporary, filters)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{table}.parquet"
        count = store.export_parquet(table, target, filters)
        with open(target, "rb") as source:
            shutil.copyfileobj(source, stdout)
    return count


def _write_text(rows: Rows, fmt: str, sink: IO[bytes]) -> int:
    """Write the rows as JSON Lines or CSV (with a header row), a chunk at a time."""
    text = io.StringIO(newline="")
    writer = csv.writer(text) if fmt == "csv" else None
    if writer is not None:
        writer.writerow(rows.columns)
    count = 0
    for chunk in rows.chunks:
        for row in chunk:
            if writer is not None:
                writer.writerow([_inert(_cell(value)) for value in row.values()])
            else:
                values = {column: plain(value) for column, value in row.items()}
                text.write(json.dumps(values, ensure_ascii=False))
                text.write("\n")
        count += len(chunk)
        _flush(text, sink)
    _flush(text, sink)  # the header, when there were no rows
    return count


def _write_plover(rows: Rows, fmt: str, sink: IO[bytes]) -> int:
    """Events as PLOVER JSON Lines."""
    from communique.export.plover import plover_record

    text = io.StringIO(newline="")
    count = 0
    for chunk in rows.chunks:
        for row in chunk:
            text.write(json.dumps(plain(plover_record(row)), ensure_ascii=False))
            text.write("\n")
        count += len(chunk)
        _flush(text, sink)
    return count


def _gdelt_cell(value: Any) -> str:
    """A GDELT cell: empty for none, tabs and line breaks in text made spaces."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write_gdelt(rows: Rows, table: str, options: Options, sink: IO[bytes]) -> int:
    """GDELT 2.0's event table (``table`` events) or mentions table (``mentions``): tab-
    separated, LF line endings, a header row only when asked."""
    from communique.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, Writer
    from communique.kb.places import state_ids

    columns = EVENT_COLUMNS if table == "events" else MENTION_COLUMNS
    gdelt = Writer(frozenset(state_ids().values()), options.include_modal)
    take = gdelt.events if table == "events" else gdelt.mentions
    text = io.StringIO(newline="")
    if options.header:
        text.write("\t".join(columns) + "\n")
    count = 0
    for chunk in rows.chunks:
        for row in chunk:
            for record in take(row):
                text.write("\t".join(_gdelt_cell(record[name]) for name in columns) + "\n")
                count += 1
        _flush(text, sink)
    _flush(text, sink)
    return count


def _flush(text: io.StringIO, sink: IO[bytes]) -> None:
    """Write what ``text`` holds to ``sink`` as UTF-8, and empty it."""
    sink.write(text.getvalue().encode("utf-8"))
    text.seek(0)
    text.truncate()
