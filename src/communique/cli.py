"""The ``communique`` command line: thin commands over ingest, the store and the scorers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, cast

import typer

from communique import __version__
from communique.defaults import DEFAULT_DB, DEFAULT_MODEL, DEFAULT_NEAR_DUPLICATE

# The NLP stack, DuckDB and Arrow load in the commands that use them, not to show the version
# or the help.
if TYPE_CHECKING:
    from rich.console import Console

    from communique.ingest import ReadOptions
    from communique.kb import KnowledgeBase
    from communique.records import Event
    from communique.store import Store
    from communique.store.filters import Among
    from communique.store.names import Named

app = typer.Typer(
    name="communique",
    help="Turn news coverage of international relations into a sourced record of who said "
    "and did what to whom.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: it shows at once, without loading rich
)
eval_app = typer.Typer(
    help="Measure communique against gold data.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(eval_app, name="eval")


class _Console:
    """A console made on first use (``communique.display.terminal``): the help and the
    version load no rich."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._made: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._made is None:
            from communique.display.terminal import console

            self._made = console(stderr=self._stderr)
        return getattr(self._made, name)


out = cast("Console", _Console())
err = cast("Console", _Console(stderr=True))


def printable(text: object) -> str:
    from communique.display.terminal import printable as shown

    return shown(text)


def _user_errors() -> tuple[type[BaseException], ...]:
    """What a user can put right: each is shown as one line, and the command exits 2 (read
    when one is raised, so that showing the version loads none of their modules)."""
    from communique.evaluate.gold import GoldFormatError
    from communique.export.tables import OutputError
    from communique.kb import KBError
    from communique.nlp import ModelNotFound
    from communique.store import SchemaError, StoreLocked

    return (ModelNotFound, SchemaError, StoreLocked, KBError, OutputError, GoldFormatError)


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
ActorsOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--actors",
        help="Your own knowledge-base file (YAML, see docs/knowledge-base.md); repeatable.",
    ),
]


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print one JSON document for scripts instead of text.")
]


def _print_json(value: object) -> None:
    """One JSON document on standard output, never wrapped or styled."""
    from communique.export.tables import plain

    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False) + "\n")


class Table(StrEnum):
    articles = "articles"
    sentences = "sentences"
    mentions = "mentions"
    actors = "actors"
    roles = "roles"
    statements = "statements"
    events = "events"
    stories = "stories"
    merged_events = "merged_events"
    conflicts = "conflicts"
    problems = "problems"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    gdelt = "gdelt"


class ConflictKind(StrEnum):
    date = "date"
    place = "place"
    office = "office"
    number = "number"


def _error_line(message: str) -> None:
    from communique.display.terminal import labelled

    labelled(err, "error", "red", message)


def _fail(message: str, code: int = 2) -> typer.Exit:
    _error_line(message)
    return typer.Exit(code)


def _resolve(store: Store, name: str, kb: KnowledgeBase, option: str) -> Named | None:
    """The actor a NAME stands for (see ``communique.store.names``); an ambiguous name is an
    error that lists the candidates."""
    from communique.store.names import Ambiguous

    try:
        return store.resolve(name, kb)
    except Ambiguous as error:
        raise _fail(f"{option}: {error}") from None


def _among(store: Store, name: str, kb: KnowledgeBase, option: str, *, words: bool) -> Among:
    """A filter for ``name``: the actor (a state with its people and bodies), else, where the
    option takes them, the words themselves."""
    from communique.store.names import Ambiguous

    try:
        found = store.among(name, kb, words=words)
    except Ambiguous as error:
        raise _fail(f"{option}: {error}") from None
    if found is None:
        raise _fail(f"{option}: no actor called {name!r} in {store.path}", 1)
    return found


def _name(value: str | None, option: str) -> str | None:
    """A name typed by the user, stripped; an empty one is refused."""
    if value is None:
        return None
    if not value.strip():
        raise _fail(f"{option}: give a name, not an empty string")
    return value.strip()


def _date_option(value: str | None, option: str) -> date | None:
    """``2024``, ``2024-03`` or ``2024-03-14`` as the first day it names."""
    from communique.store.filters import day

    if value is None:
        return None
    try:
        return day(value)
    except ValueError as error:
        raise _fail(f"{option} {value!r}: {error}") from None


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"communique {__version__}\n")
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
    actors: list[Path] | None = None,
) -> int:
    from communique import runner
    from communique.display import reports as display
    from communique.store import Store

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
            actors=actors or (),
        )
        display.run_report(out, report)
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
    ] = DEFAULT_NEAR_DUPLICATE,
    actors: ActorsOption = None,
    dayfirst: Annotated[
        bool, typer.Option("--dayfirst", help="Read 04/09/2023 as 4 September.")
    ] = False,
    monthfirst: Annotated[
        bool, typer.Option("--monthfirst", help="Read 04/09/2023 as April 9.")
    ] = False,
    update_metadata: Annotated[
        bool,
        typer.Option(
            "--update-metadata",
            help="Give stored articles read again their title, date, outlet and URL as read now.",
        ),
    ] = False,
) -> None:
    """Read news files into the store and analyse them.

    Reads .txt/.md, .html/.htm (also gzipped), .jsonl/.json/.csv exports and RSS/Atom feeds.
    A file or record that cannot be read, or an article that cannot be analysed, is one
    problem line (also kept in the store) and the run goes on. Dates written all in numbers
    that could be day or month first are counted in one warning unless --dayfirst or
    --monthfirst says which; so are columns no field reads. Reading stored articles again
    with --update-metadata corrects their title, date, outlet and URL (a new date has the
    article analysed again; relative dates are read from it). Exits 0 when any article was
    read, 1 when none could be, 2 when the store or an option is at fault.
    """
    from communique.ingest import ReadOptions, parse_size
    from communique.ingest.fields import parse_field_overrides
    from communique.ingest.sources import path_label

    if dayfirst and monthfirst:
        raise _fail("--dayfirst and --monthfirst: give one or the other")
    try:
        options = ReadOptions(
            max_bytes=parse_size(max_size),
            fields=parse_field_overrides(field or []),
            outlet=outlet,
            actors=tuple(str(path) for path in actors or ()),
            date_order="dmy" if dayfirst else "mdy" if monthfirst else None,
            update_metadata=update_metadata,
        )
    except ValueError as error:
        raise _fail(str(error)) from None
    from communique.kb.load import load_outlets

    load_outlets(options.actors)  # a bad knowledge-base file stops the run before any reading
    command = "ingest " + " ".join(path_label(path) for path in paths)
    read = _run_ingest(paths, db, options, model, analyse, batch_size, threshold, command, actors)
    if read == 0:
        raise _fail("no article could be read from the input", 1)


@app.command()
def analyse(
    db: DbOption = Path(DEFAULT_DB),
    model: ModelOption = DEFAULT_MODEL,
    batch_size: BatchOption = 32,
    actors: ActorsOption = None,
) -> None:
    """Analyse the stored articles that are not analysed yet (after --no-analyse or a stop),
    then group stories, merge events across articles and list conflicts afresh."""
    from communique.ingest import ReadOptions

    options = ReadOptions()
    _run_ingest([], db, options, model, True, batch_size, DEFAULT_NEAR_DUPLICATE, "analyse", actors)


def _option(help_text: str) -> Any:
    return typer.Option(help=help_text, rich_help_panel="Filters")


@app.command()
def export(
    table: Annotated[Table, typer.Argument(help="What to export.")],
    db: DbOption = Path(DEFAULT_DB),
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.jsonl,
    output: Annotated[
        Path | None, typer.Option("--out", help="File to write; standard output when absent.")
    ] = None,
    actor: Annotated[str | None, _option("Who did it (events), or who is mentioned.")] = None,
    recipient: Annotated[
        str | None, _option("Whom it was done to (events); to whom it was said.")
    ] = None,
    speaker: Annotated[str | None, _option("Who said it.")] = None,
    about: Annotated[
        str | None, _option("Either side of an event; an actor or words in a statement.")
    ] = None,
    via: Annotated[str | None, _option("The outlet or document credited.")] = None,
    outlet: Annotated[str | None, _option("Words of the outlet's name.")] = None,
    since: Annotated[str | None, _option("From this date on (2024, 2024-03, 2024-03-14).")] = None,
    until: Annotated[str | None, _option("Up to this date.")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="A PLOVER event type.", rich_help_panel="Filters")
    ] = None,
    modality: Annotated[str | None, _option("asserted, negated, future, ...")] = None,
    kind: Annotated[ConflictKind | None, _option("A conflict's kind.")] = None,
    header: Annotated[bool, typer.Option("--header", help="GDELT files: a header row.")] = False,
    include_modal: Annotated[
        bool,
        typer.Option(
            "--include-modal", help="GDELT files: also negated, planned and claimed events."
        ),
    ] = False,
) -> None:
    """Write stored records as JSON Lines, CSV or Parquet; events also as PLOVER JSON Lines
    (--format plover) or GDELT 2.0's event table (--format gdelt), and `export mentions
    --format gdelt` GDELT 2.0's mentions table. The filters are those of the Python API.

    A NAME is an actor id, a name or alias the knowledge base knows, or words of one stored
    actor's name; a state stands for its people and bodies."""
    from communique.analysis.resources import knowledge_base
    from communique.export import export as export_table
    from communique.export.tables import Options, check_output
    from communique.ontology.plover import TYPES
    from communique.records import MODALITIES
    from communique.store import Store
    from communique.store.filters import FilterError, Filters

    if fmt is Format.parquet and output is None and sys.stdout.isatty():
        raise _fail("Parquet is binary: give --out FILE or redirect the output")
    if fmt is Format.plover and table is not Table.events:
        raise _fail("--format plover is for events only")
    if fmt is Format.gdelt and table not in (Table.events, Table.mentions):
        raise _fail("--format gdelt is for events (the event table) and mentions")
    if event_type is not None and event_type.strip().upper() not in TYPES:
        raise _fail(f"--type {event_type!r}: choose one of {', '.join(TYPES)}")
    if modality is not None and modality.strip().lower() not in MODALITIES:
        raise _fail(f"--modality {modality!r}: choose one of {', '.join(MODALITIES)}")
    if output is not None:
        check_output(output, db)
    named = {
        "--actor": (_name(actor, "--actor"), False),
        "--recipient": (_name(recipient, "--recipient"), False),
        "--speaker": (_name(speaker, "--speaker"), False),
        "--about": (_name(about, "--about"), True),
        "--via": (_name(via, "--via"), True),
    }
    with Store(db, read_only=True) as store:
        among = {
            option.lstrip("-"): _among(store, value, knowledge_base(), option, words=words)
            for option, (value, words) in named.items()
            if value is not None
        }
        filters = Filters(
            **among,
            outlet=_name(outlet, "--outlet"),
            since=_date_option(since, "--since"),
            until=_date_option(until, "--until"),
            type=event_type.strip().upper() if event_type else None,
            modality=modality.strip().lower() if modality else None,
            kind=kind.value if kind else None,
        )
        options = Options(filters, header, include_modal)
        sys.stdout.flush()
        try:
            count = export_table(store, table.value, fmt.value, output, sys.stdout.buffer, options)
        except FilterError as error:
            raise _fail(str(error)) from None
        sys.stdout.buffer.flush()
    if output is not None:
        err.print(f"{count} {table.value} written to {printable(output)}")


@app.command()
def conflicts(
    db: DbOption = Path(DEFAULT_DB),
    kind: Annotated[ConflictKind | None, typer.Option("--kind", help="Only this kind.")] = None,
    about: Annotated[
        str | None,
        typer.Option("--about", help="An actor's name or id, or a merged event's id."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Show where sources disagree — an event's date or place, a person's office — with
    each side's value, outlet and sentence."""
    from communique.analysis.resources import knowledge_base
    from communique.display.crossdoc import print_conflicts
    from communique.store import Store

    about = _name(about, "--about")
    only = kind.value if kind else None
    with Store(db, read_only=True) as store:
        subjects = (about,) if about is not None else None  # an actor's or merged event's id
        rows = store.find_conflicts(only, subjects)
        if about is not None and not rows:
            found = _resolve(store, about, knowledge_base(), "--about")
            if found is not None:
                rows = store.find_conflicts(only, (found.id,))
    if as_json:
        _print_json(rows)
    elif not rows:
        raise _fail("no conflict found", 1)
    else:
        print_conflicts(out, rows)


class By(StrEnum):
    week = "week"
    month = "month"


@app.command()
def timeline(
    a: Annotated[
        str,
        typer.Argument(metavar="A", help="A state, person or actor id (Russia, Putin, RUS)."),
    ],
    b: Annotated[str, typer.Argument(metavar="B", help="The other side.")],
    by: Annotated[By, typer.Option("--by", help="Period to group by.")] = By.month,
    output: Annotated[
        Path | None, typer.Option("--out", help="Also draw the chart: FILE.png or FILE.html.")
    ] = None,
    db: DbOption = Path(DEFAULT_DB),
    as_json: JsonOption = False,
) -> None:
    """Show what two actors did to each other and said of each other over time: events with
    their PLOVER quad class and Goldstein value, a cooperation–conflict index per period, and
    statements. A state covers its people and bodies ("Russia": Putin, the Kremlin, ...)."""
    from communique.crossdoc.timeline import build_timeline, plot, resolve_side
    from communique.display.timeline import print_timeline
    from communique.export.tables import check_output
    from communique.store import Store
    from communique.store.names import Ambiguous

    if output is not None and output.suffix.lower() not in (".png", ".html", ".htm"):
        raise _fail(f"--out {output}: the chart is written as .png or .html")
    if output is not None:
        check_output(output, db)
    names = [_name(a, "A"), _name(b, "B")]
    try:
        with Store(db, read_only=True) as store:
            sides = []
            for name in names:
                side = resolve_side(store, name or "")
                if side is None:
                    raise _fail(f"no actor or state called {name!r} in {db}", 1)
                sides.append(side)
            found = build_timeline(store, sides[0], sides[1], by.value)
    except Ambiguous as error:
        raise _fail(str(error)) from None
    except ValueError as error:
        raise _fail(str(error), 1) from None
    if as_json:
        _print_json(found)
    elif not found.events and not found.statements:
        raise _fail(f"no event or statement links {found.a.label} and {found.b.label} in {db}", 1)
    else:
        print_timeline(out, found)
    if output is not None:
        try:
            plot(found, output)
        except (OSError, ValueError) as error:
            raise _fail(f"--out {output}: {error}") from None
        err.print(f"chart written to {output}")


@app.command()
def summary(db: DbOption = Path(DEFAULT_DB), as_json: JsonOption = False) -> None:
    """What the store holds: counts and the most mentioned people, places and organisations."""
    from communique.display import reports as display
    from communique.store import Store

    with Store(db, read_only=True) as store:
        found = store.summary()
    if as_json:
        _print_json(found)
    else:
        display.store_summary(out, found, str(db))


@app.command()
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (only this machine by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8765,
) -> None:
    """Browse the store in a web browser: dyads over time, events with every report,
    statements, disagreements and stories, down to the sentence in its article. Read-only;
    `communique ingest` can run while it serves."""
    import uvicorn

    from communique.web import create_app

    if not db.exists():
        raise _fail(f"{db}: no such store (run `communique ingest` first)")
    where = f"http://{host}:{port}/"
    err.print(f"communique serve: {printable(db)} at {where} (Ctrl-C stops it)")
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")


def demo_corpus() -> Path:
    """The bundled demo corpus: public-domain Voice of America stories."""
    from importlib import resources

    return Path(str(resources.files("communique") / "data" / "voa_stories.jsonl"))


@app.command()
def demo(
    db: DbOption = Path("demo.duckdb"),
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
) -> None:
    """Ingest and analyse the bundled sample corpus (Voice of America stories) and summarise it."""
    from communique.display import reports as display
    from communique.ingest import ReadOptions
    from communique.store import Store

    corpus = demo_corpus()
    out.print(
        f"communique demo: {corpus.name} (Voice of America, voanews.com; public domain) → {db}"
    )
    options = ReadOptions(outlet="Voice of America")
    _run_ingest([str(corpus)], db, options, model, True, 32, DEFAULT_NEAR_DUPLICATE, "demo", actors)
    with Store(db, read_only=True) as store:
        display.store_summary(out, store.summary(), str(db))
    out.print(f"Explore it: communique export mentions --db {db} | head")
    out.print(f"Browse it: communique serve --db {db}  (then open http://127.0.0.1:8765/)")


@app.command()
def statements(
    db: DbOption = Path(DEFAULT_DB),
    speaker: Annotated[str | None, typer.Option("--speaker", help="Who said it.")] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="An actor or words in what was said.")
    ] = None,
    via: Annotated[
        str | None, typer.Option("--via", help="The outlet or document credited.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Articles from this date on.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many to show.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Show statements: who said what, to whom, according to whom, with sentence and source.

    A NAME is an actor id, a name or alias the knowledge base knows, or words of one stored
    actor's name; a state stands for its people and bodies. --about and --via also take words
    of the content or of the credited source."""
    from communique.analysis.resources import knowledge_base
    from communique.display import reports as display
    from communique.store import Store

    speaker, about, via = (_name(speaker, "--speaker"), _name(about, "--about"),
                           _name(via, "--via"))  # fmt: skip
    day = _date_option(since, "--since")
    kb = knowledge_base()
    with Store(db, read_only=True) as store:
        speakers = abouts = vias = None
        if speaker is not None:
            speakers = _among(store, speaker, kb, "--speaker", words=False)
        if about is not None:
            abouts = _among(store, about, kb, "--about", words=True)
        if via is not None:
            vias = _among(store, via, kb, "--via", words=True)
        rows = store.find_statements(speakers, abouts, vias, day, limit)
    if as_json:
        _print_json(rows)
    elif not rows:
        raise _fail("no statement matches", 1)
    else:
        display.statements(out, rows)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="A name, part of one, or an actor id.")],
    db: DbOption = Path(DEFAULT_DB),
    actors: ActorsOption = None,
    as_json: JsonOption = False,
) -> None:
    """Profile an actor: offices, roles the articles give it with their sources, its company."""
    from communique.analysis.resources import knowledge_base
    from communique.display import reports as display
    from communique.export.tables import plain
    from communique.store import Store

    name = _name(name, "NAME") or ""
    kb = knowledge_base(actors or ())
    with Store(db, read_only=True) as store:
        found = _resolve(store, name, kb, "NAME")
        if found is None:
            raise _fail(f"no actor called {name!r} in {db}", 1)
        profile = store.profile(found.id)
    if profile is None:
        raise _fail(f"{found.name} is in the knowledge base but not mentioned in {db}", 1)
    known = kb.actors.get(profile.id)
    if as_json:
        offices = list(known.offices) if known is not None else []
        record = plain(profile)
        assert isinstance(record, dict)
        _print_json({**record, "offices": offices})
        return
    display.actor_profile(out, profile, known)


@eval_app.command("actors")
def eval_actors(
    gold: Annotated[Path, typer.Argument(help="PLOVER gold records, one JSON object a line.")],
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    misses: Annotated[int, typer.Option("--misses", help="Show this many misses.")] = 0,
) -> None:
    """Score actor and recipient codes on PLOVER gold records (accuracy over gold entities)."""
    from communique.analysis.resources import Resources
    from communique.display.progress import Meter
    from communique.evaluate.actors import evaluate, read_gold
    from communique.nlp import load_model

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    total = len(read_gold(gold))  # a malformed file is refused before the model loads
    resources = Resources.load(actors or ())
    nlp = load_model(model)
    with Meter(err, "records", total, "records") as meter:
        score = evaluate(gold, nlp, resources, meter.advance)
    figures = score.as_dict()
    if as_json:
        print(json.dumps(figures))
        return
    out.print(f"accuracy            {figures['accuracy']:.4f}  ({figures['n']} gold entities)")
    out.print(f"actor accuracy      {figures['actor_accuracy']:.4f}  ({figures['n_actor']})")
    out.print(
        f"recipient accuracy  {figures['recipient_accuracy']:.4f}  ({figures['n_recipient']})"
    )
    for miss in score.misses[:misses]:
        out.print(f"- {miss.side} {miss.text!r}: gold {miss.gold}, got {miss.predicted}")


@eval_app.command("polnear")
def eval_polnear(
    directory: Annotated[Path, typer.Argument(help="PolNeAR layout: text/ and attributions/.")],
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    baseline: Annotated[
        str | None, typer.Option("--baseline", help="Also score a baseline: textacy.")
    ] = None,
) -> None:
    """Score statements against PolNeAR attributions: content P/R/F1, speaker and cue accuracy."""
    from communique.analysis.resources import Resources
    from communique.display.progress import Meter
    from communique.evaluate.polnear import evaluate, read_gold, statements_predictor
    from communique.nlp import load_model

    if baseline not in (None, "textacy"):
        raise _fail(f"--baseline {baseline!r}: the baseline on offer is textacy")
    try:
        total = len(read_gold(directory))
    except OSError as error:
        raise _fail(f"{directory}: {error.strerror or error}") from None
    try:
        resources = Resources.load(actors or ())
        nlp = load_model(model)
        runs = [("communique", statements_predictor(nlp, resources))]
        if baseline == "textacy":
            from communique.evaluate.polnear import textacy_baseline

            runs.append(("textacy", textacy_baseline(nlp)))
        scores = {}
        for name, predict in runs:
            with Meter(err, name, total, "articles") as meter:
                scores[name] = evaluate(directory, predict, meter.advance).as_dict()
    except ImportError as error:
        raise _fail(f"--baseline textacy: {error}") from None
    if as_json:
        print(json.dumps(scores["communique"] if len(scores) == 1 else scores))
        return
    keys = ("precision", "recall", "f1", "exact_f1", "speaker_accuracy", "cue_accuracy",
            "n_gold", "n_predicted")  # fmt: skip
    out.print(f"{'':18}" + "".join(f"{name:>12}" for name in scores))
    for key in keys:
        values = [scores[name][key] for name in scores]
        cells = "".join(f"{v:>12.4f}" if isinstance(v, float) else f"{v:>12}" for v in values)
        out.print(f"{key:18}{cells}")


def _print_score(figures: dict, table: str, as_json: bool) -> None:
    """A scorer's figures: one JSON object with --json, else its table."""
    if as_json:
        print(json.dumps(figures))
    else:
        out.print(table, markup=False)


def _events_of(
    model: str, actors: list[Path] | None
) -> Callable[[list[str]], list[tuple[Event, ...]]]:
    """Each text's events, analysed as a one-sentence article (batched through the parser)."""
    from communique.analysis import analyse_stream
    from communique.analysis.resources import Resources
    from communique.nlp import load_model
    from communique.records import Article

    resources = Resources.load(actors or ())
    nlp = load_model(model)

    def events(texts: list[str]) -> list[tuple[Event, ...]]:
        articles = [Article(text=text) for text in texts]
        return [records.events for _, records in analyse_stream(articles, nlp, resources=resources)]

    return events


@eval_app.command("plover")
def eval_plover(
    gold: Annotated[Path, typer.Argument(help="PLOVER gold records, one sentence a line.")],
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Score only the first N records.")
    ] = None,
) -> None:
    """Score event coding on PLOVER gold: per-type P/R/F1, macro-F1, confusions, sides and
    swaps. Sides with codes are scored by code, sides given as text only by span (a predicted
    mention must overlap the head word of the gold span); a file in PLOVER 2018's YIELD reads
    predicted CONCEDE and RETREAT as YIELD."""
    from communique.display.progress import Meter
    from communique.evaluate.plover import (
        evaluate,
        format_table,
        predictions_from_events,
        read_gold,
    )

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    total = len(read_gold(gold, limit))  # a malformed file is refused before the model loads
    events = _events_of(model, actors)
    with Meter(err, "sentences", total, "sentences") as meter:
        score = evaluate(
            gold,
            lambda texts: [predictions_from_events(found) for found in events(texts)],
            32,
            meter.advance,
            limit,
        )
    _print_score(score.as_json(), format_table(score), as_json)


@eval_app.command("news")
def eval_news(
    gold: Annotated[
        Path, typer.Argument(help="Stories coded by a reader, one JSON object a line.")
    ],
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score statements (P/R/F1, speaker accuracy) and events (P/R/F1, actor and recipient
    codes, modality, date) on whole news stories coded by a careful reader."""
    from communique.analysis import analyse
    from communique.analysis.resources import Resources
    from communique.display.progress import Meter
    from communique.evaluate import news
    from communique.nlp import load_model

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    total = len(news.read_gold(gold))  # a malformed file is refused before the model loads
    resources = Resources.load(actors or ())
    nlp = load_model(model)
    with Meter(err, "stories", total, "stories") as meter:
        score = news.evaluate(gold, lambda a: analyse(a, nlp, resources), meter.advance)
    figures = score.as_dict()
    table = "\n".join(
        f"{name:<24}{value:>8.4f}" if isinstance(value, float) else f"{name:<24}{value:>8}"
        for name, value in figures.items()
    )
    _print_score(figures, table, as_json)


@eval_app.command("places")
def eval_places(
    gold: Annotated[Path, typer.Argument(help="GeoVirus XML: articles with their toponyms.")],
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score place resolution on GeoVirus toponyms (names given): share within 161 km, mean
    and median error in km, AUC of log errors, unresolved count."""
    from communique.analysis.resources import Resources
    from communique.display.progress import Meter
    from communique.evaluate import places

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    total = len(places.read_gold(gold))  # a malformed file is refused before loading
    resolve = places.resolver(Resources.load(actors or ()))
    with Meter(err, "articles", total, "articles") as meter:
        score = places.evaluate(gold, resolve, meter.advance)
    _print_score(score.as_dict(), places.format_table(score), as_json)


@eval_app.command("quad")
def eval_quad(
    gold: Annotated[Path, typer.Argument(help="Sentences and quad labels 0-4, tab-separated.")],
    model: ModelOption = DEFAULT_MODEL,
    actors: ActorsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score the quad class of each sentence's first asserted event (0: none) on labelled
    sentences."""
    from communique.display.progress import Meter
    from communique.evaluate import quad
    from communique.ontology.plover import quad_code

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    total = len(quad.read_gold(gold))  # a malformed file is refused before the model loads
    events = _events_of(model, actors)
    with Meter(err, "sentences", total, "sentences") as meter:
        score = quad.evaluate(
            gold,
            lambda texts: [quad.quad_of(found, quad_code) for found in events(texts)],
            32,
            meter.advance,
        )
    _print_score(score.as_json(), quad.format_table(score), as_json)


@eval_app.command("stories")
def eval_stories(
    gold: Annotated[Path, typer.Argument(help="Articles with a story_id, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score story grouping on articles labelled with their story: pairwise P/R/F1."""
    from communique.display.progress import Meter
    from communique.evaluate.stories import evaluate, format_table, read_gold

    if not gold.is_file():
        raise _fail(f"{gold}: no such file")
    try:
        total = len(read_gold(gold))
        with Meter(err, "articles", total, "articles") as meter:
            score = evaluate(gold, meter.advance)
    except (ValueError, OSError) as error:  # a GoldFormatError names file:line
        raise _fail(str(error)) from None
    _print_score(score.as_json(), format_table(score), as_json)


@eval_app.command("extraction")
def eval_extraction(
    directory: Annotated[Path, typer.Argument(help="Directory with ground-truth.json and html/.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Score article-body extraction from HTML pages (word 4-gram shingles, as usual)."""
    from communique.display.progress import Meter
    from communique.evaluate.extraction import evaluate, load_gold
    from communique.ingest.html import extract_page

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


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def _usage_line(error: Any) -> str:
    """A command-line usage error as one line: what is wrong, and where the help is."""
    message = " ".join(error.format_message().split()).replace("Value error, ", "")
    where = f" (see {error.ctx.command_path} --help)" if error.ctx is not None else ""
    return message[:1].lower() + message[1:] + where


def main() -> None:
    """The console script: every error a user can meet is one line and exit code 2."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer's own click

    try:
        code = app(standalone_mode=False, prog_name="communique")
    except NoArgsIsHelpError as error:  # a command given nothing: its help
        error.show()
        sys.exit(error.exit_code)
    except UsageError as error:
        _error_line(_usage_line(error))
        sys.exit(2)
    except typer.Abort:
        _error_line("stopped")
        sys.exit(130)
    except Exception as error:
        from communique.store import StoreError

        if isinstance(error, _user_errors()):
            _error_line(str(error))
        elif isinstance(error, StoreError):
            _error_line(f"the store could not be used: {_one_line(error)}")
        elif isinstance(error, OSError):
            where = f"{error.filename}: " if error.filename else ""
            _error_line(f"{where}{error.strerror or _one_line(error)}")
        elif isinstance(error, UnicodeDecodeError):
            _error_line(f"a file given is not UTF-8 text ({_one_line(error)})")
        elif isinstance(error, MemoryError):
            _error_line("out of memory")
        else:
            raise
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
