"""Snapshot the records communique stores for a corpus, and compare two snapshots.

A refactoring should keep every stored record. This ingests corpora into a fresh store and
writes each table's rows, sorted, as JSON Lines (one file per table) into a folder; run it
before and after a change and compare the two folders::

    .venv/bin/python benchmarks/records_snapshot.py take OUT [--corpus PATH ...]
    .venv/bin/python benchmarks/records_snapshot.py compare BEFORE AFTER

``take`` defaults to the seed articles, the 89 VOA stories and the 300 BASIL articles from
``../shared``. Columns that change from run to run (times, run ids, the model's label) are
left out. ``compare`` prints, per table, the rows only in one snapshot, and a few of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from rich.console import Console
from rich.table import Table

from communique.export.tables import plain
from communique.ingest import ReadOptions
from communique.runner import ingest
from communique.store import Store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_CORPORA = [
    SHARED / "seeds",
    REPO / "src" / "communique" / "data" / "voa_stories.jsonl",
    SHARED / "corpora" / "basil" / "basil_articles.jsonl",
]
# Tables that hold a run's bookkeeping rather than records.
SKIPPED_TABLES = {"runs", "problems", "schema_version"}
# Columns whose values differ between two runs over the same input.
VOLATILE = {"run_id", "ingested_at", "analysed_at", "started_at", "finished_at", "model"}


def take(out: Path, corpora: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory() as work:
        db = Path(work) / "snapshot.duckdb"
        with Store(db) as store:
            ingest(store, [str(path) for path in corpora], ReadOptions(), console=console)
        with Store(db, read_only=True) as store:
            for table, columns in store.table_columns().items():
                if table in SKIPPED_TABLES:
                    continue
                kept = [column for column in columns if column not in VOLATILE]
                rows = []
                for row in store.rows_of(table, kept):
                    values = dict(zip(kept, row, strict=True))
                    if isinstance(values.get("source"), str):  # the same file in another clone
                        values["source"] = values["source"].replace(str(REPO), "<repo>")
                    rows.append(json.dumps(values, default=_json, sort_keys=True))
                rows.sort()
                (out / f"{table}.jsonl").write_text("".join(row + "\n" for row in rows))
    console.print(f"snapshot written to {out}")


def _json(value: object) -> object:
    """What JSON cannot hold as it is: bytes as their hex digits, the rest as exports write it."""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    converted = plain(value)
    return str(converted) if converted is value else converted


def compare(before: Path, after: Path, shown: int) -> int:
    console = Console()
    table = Table("table", "rows before", "rows after", "only before", "only after")
    examples: list[tuple[str, str, str]] = []
    changed = 0
    for path in sorted(
        {p.name for p in before.glob("*.jsonl")} | {p.name for p in after.glob("*.jsonl")}
    ):
        old = _lines(before / path)
        new = _lines(after / path)
        gone = sorted(set(old) - set(new))
        added = sorted(set(new) - set(old))
        changed += len(gone) + len(added)
        table.add_row(
            path.removesuffix(".jsonl"),
            str(len(old)),
            str(len(new)),
            str(len(gone)),
            str(len(added)),
        )
        examples += [(path, "-", row) for row in gone[:shown]]
        examples += [(path, "+", row) for row in added[:shown]]
    console.print(table)
    for path, sign, row in examples:
        shown_row = row if len(row) <= 400 else row[:400] + " …"
        console.print(f"{path} {sign} {shown_row}", markup=False, highlight=False, soft_wrap=True)
    return 1 if changed else 0


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    taking = commands.add_parser("take", help="ingest corpora and write the snapshot")
    taking.add_argument("out", type=Path)
    taking.add_argument(
        "--corpus", type=Path, action="append", help="a corpus file or folder (repeatable)"
    )
    comparing = commands.add_parser(
        "compare", help="compare two snapshots; exit 1 when they differ"
    )
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument(
        "--shown", type=int, default=3, help="differing rows shown per table and side"
    )
    args = parser.parse_args()
    if args.command == "take":
        take(args.out, args.corpus or DEFAULT_CORPORA)
        return 0
    return compare(args.before, args.after, args.shown)


if __name__ == "__main__":
    sys.exit(main())
