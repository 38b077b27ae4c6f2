"""The ``communique`` command line: thin commands over ingest, the store and the scorers."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from communique import __version__
from communique.ingest import ReadOptions, parse_size
from communique.ingest.dedup import DEFAULT_THRESHOLD
from communique.ingest.fields import parse_field_overrides
from communique.nlp import DEFAULT_MODEL, ModelNotFound
from communique.store import DEFAULT_DB, SchemaError, Store, StoreLocked

app = typer.Typer(
    name="communique",
    help="Turn news coverage of international relations into a sourced record of who said "
    "and did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure communique against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file.")]
ModelOption = Annotated[
    str,
    typer.Option(
        "--model",
        help="spaCy pipeline to load by name or path (e.g. en_core_web_trf); never downloaded.",
    ),
]
BatchOption = Annotated[
    int, typer.Option("--batch-size", min=1, help="Articles per nlp.pipe batch.")
]


class Table(StrEnum):
    articles = "articles"
    sentences = "sentences"
    mentions = "mentions"
    problems = "problems"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        out.print(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """communique: who said and did what to whom, with the sentence behind every record."""


def _run_ingest(
    paths: list[str],
    db: Path,
    options: ReadOptions,
    model: str,
    analyse: bool,
    batch_size: int,
    threshold: float,
    command: str,
) -> int:
    from communique import display, runner

    try:
        with Store(db) as store:
            report = runner.ingest(
                store,
                paths,
                options,
                err,
                model=model,
                analyse=analyse,
                batch_size=batch_size,
                threshold=threshold,
                command=command,
            )
            display.run_report(out, report)
    except (ModelNotFound, SchemaError, StoreLocked) as error:
        raise _fail(str(error)) from None
    return report.read


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns.")],
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    field: Annotated[
        list[str] | None,
        typer.Option("--field", help="Record field to use, as FIELD=NAME (e.g. text=body)."),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Outlet for articles whose source names none.")
    ] = None,
    max_size: Annotated[str, typer.Option("--max-size", help="Largest file to read.")] = "50MB",
    analyse: Annotated[
        bool, typer.Option("--analyse/--no-analyse", help="Analyse new articles after reading.")
    ] = True,
    batch_size: BatchOption = 32,
    threshold: Annotated[
        float,
        typer.Option("--near-duplicate", min=0.5, max=1.0, help="Similarity for near-copies."),
    ] = DEFAULT_THRESHOLD,
) -> None:
    """Read news files into the store and analyse them.

    Reads .txt/.md, .html/.htm (also gzipped), .jsonl/.json/.csv exports and RSS/Atom feeds.
    Exits 0 when any article was read, 1 when none could be.
    """
    try:
        options = ReadOptions(
            max_bytes=parse_size(max_size),
            fields=parse_field_overrides(field or []),
            outlet=outlet,
        )
    except ValueError as error:
        raise _fail(str(error)) from None
    command = "ingest " + " ".join(paths)
    read = _run_ingest(paths, db, options, model, analyse, batch_size, threshold, command)
    if read == 0:
        raise _fail("no article could be read from the input", 1)


@app.command()
def analyse(
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    batch_size: BatchOption = 32,
) -> None:
    """Analyse the stored articles that are not analysed yet (after --no-analyse or a stop)."""
    from communique import display, runner

    try:
        with Store(db) as store:
            report = runner.Report()
            runner.analyse_pending(store, report, err, model, batch_size)
            display.run_report(out, report)
    except (ModelNotFound, SchemaError, StoreLocked) as error:
        raise _fail(str(error)) from None


@app.command()
def export(
    table: Annotated[Table, typer.Argument(help="What to export.")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("--out", help="File to write; standard output when absent.")
    ] = None,
) -> None:
    """Write stored records as JSON Lines, CSV or Parquet."""
    from communique.export import export as export_table

    if fmt is Format.parquet and output is None and sys.stdout.isatty():
        raise _fail("Parquet is binary: give --out FILE or redirect the output")
    try:
        with Store(db, read_only=True) as store:
            sys.stdout.flush()
            count = export_table(store.conn, table.value, fmt.value, output, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    except (SchemaError, StoreLocked) as error:
        raise _fail(str(error)) from None
    if output is not None:
        err.print(f"{count} {table.value} written to {output}")


@app.command()
def summary(db: DbOption = Path(DEFAULT_DB)) -> None:
    """What the store holds: counts and the most mentioned people, places and organisations."""
    from communique import display
    from communique.store.queries import summary as store_summary

    try:
        with Store(db, read_only=True) as store:
            display.store_summary(out, store_summary(store.conn), str(db))
    except (SchemaError, StoreLocked) as error:
        raise _fail(str(error)) from None


def demo_corpus() -> Path:
    """The bundled demo corpus: public-domain Voice of America stories."""
    return Path(str(resources.files("communique") / "data" / "voa_stories.jsonl"))


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Ingest and analyse the bundled sample corpus (Voice of America stories) and summarise it."""
    from communique import display
    from communique.store.queries import summary as store_summary

    corpus = demo_corpus()
    out.print(
        f"communique demo: {corpus.name} (Voice of America, voanews.com; public domain) → {db}"
    )
    options = ReadOptions(outlet="Voice of America")
    _run_ingest([str(corpus)], db, options, model, True, 32, DEFAULT_THRESHOLD, "demo")
    with Store(db, read_only=True) as store:
        display.store_summary(out, store_summary(store.conn), str(db))
    out.print(f"Explore it: communique export mentions --db {db} | head")


@eval_app.command("extraction")
def eval_extraction(
    directory: Annotated[Path, typer.Argument(help="Directory with ground-truth.json and html/.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score article-body extraction from HTML pages (word 4-gram shingles, as usual)."""
    from communique.evaluate.extraction import evaluate, load_gold
    from communique.ingest.html import extract_page
    from communique.progress import Meter

    def body(page: bytes) -> str:
        article = extract_page(page)
        return article.text if article else ""

    try:
        total = len(load_gold(directory))
    except (FileNotFoundError, ValueError) as error:
        raise _fail(str(error)) from None
    with Meter(err, "pages", total, "pages") as meter:
        score = evaluate(directory, body, meter.advance)
    if as_json:
        print(json.dumps(score.as_dict()))
        return
    out.print(f"pages      {score.pages} ({score.empty} with nothing extracted)")
    out.print(f"precision  {score.precision:.4f}")
    out.print(f"recall     {score.recall:.4f}")
    out.print(f"f1         {score.f1:.4f}")


def main() -> None:
    app()
