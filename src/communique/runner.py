"""Running ingest and analysis over a store: reading, de-duplicating, analysing, writing.

The work is resumable at any point: articles are keyed by content, so reading the same input
again adds nothing, and the analysis takes up exactly the stored articles not analysed yet.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from communique.analysis import ANALYSIS_VERSION, analyse_each
from communique.analysis.resources import Resources
from communique.crossdoc.build import CrossdocCounts, build_crossdoc
from communique.display.progress import Meter
from communique.display.terminal import labelled
from communique.ingest import ReadOptions, expand, read_file
from communique.ingest.dedup import (
    DEFAULT_THRESHOLD,
    NearDuplicates,
    from_bytes,
    signature,
    to_bytes,
)
from communique.ingest.sources import path_label
from communique.nlp import DEFAULT_MODEL, load_model, model_label
from communique.records import Article, Failure, Problem, describe_error
from communique.store import Store
from communique.store.store import NewArticle

# Articles inserted per transaction while reading; each row is written whole or not at all.
INSERT_BATCH = 200


@dataclass
class Report:
    """What one run did."""

    files: int = 0
    read: int = 0  # articles found in the input
    added: int = 0  # new articles stored
    duplicates: int = 0  # of those, near-copies of a stored article
    known: int = 0  # already stored (same text)
    differing: int = 0  # of those, read with another title, date, outlet or URL
    updated: int = 0  # of those, given the new ones (--update-metadata)
    analysed: int = 0
    failed: int = 0  # articles the analysis could not take
    problems: list[Problem] = field(default_factory=list)
    read_seconds: float = 0.0
    analyse_seconds: float = 0.0
    words_analysed: int = 0
    crossdoc: CrossdocCounts | None = None  # the cross-article pass that ended the run


def _note(console: Console, problem: Problem) -> None:
    labelled(console, "problem", "yellow", problem)


def _read_safely(path: Path, options: ReadOptions) -> Iterator[Article | Problem]:
    """The items of one file, and a problem in place of whatever error stops its reader: the
    articles read before it are kept, and the run goes on with the next file."""
    try:
        yield from read_file(path, options)
    except Exception as error:  # whatever a reader meets, it is this file's problem only
        yield Problem(path_label(path), f"reading stopped ({describe_error(error)})", "error")


def failure_problem(article: Article, failure: Failure) -> Problem:
    """The problem line that tells a user which stored article was not analysed, and why."""
    where = f"{article.locator}: " if article.locator else ""
    return Problem(
        article.source or f"article {article.id}",
        f"{where}article {article.id} not analysed ({failure.stage}: {failure.message}); "
        "it stays stored and is skipped until the analysis changes",
        "too-long" if failure.stage == "too-long" else "analysis",
    )


def read_into(
    store: Store,
    paths: Iterable[str],
    options: ReadOptions,
    report: Report,
    console: Console,
    run_id: int | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> None:
    """Read articles from the paths into the store, marking near-copies of stored ones."""
    started = time.perf_counter()
    index = NearDuplicates(threshold)
    for key, data in store.signatures():
        index.add(key, from_bytes(data))
    items = list(expand(paths))
    files = [item for item in items if not isinstance(item, Problem)]
    missing = [item for item in items if isinstance(item, Problem)]
    for problem in missing:
        _note(console, problem)
    store.add_problems(run_id, missing)
    report.problems.extend(missing)
    report.files = len(files)

    queued: dict[str, NewArticle] = {}  # read, not yet written: one transaction a batch
    notes: list[Problem] = []  # told once for the whole run
    with Meter(console, "reading", len(files), "files") as meter:
        for path in files:
            problems = []
            for item in _read_safely(path, options):
                if isinstance(item, Problem):
                    if item.kind not in SUMMED:
                        _note(console, item)
                    problems.append(item)
                    continue
                report.read += 1
                if item.id in queued:
                    report.known += 1
                    continue
                if store.has_article(item.id):
                    report.known += 1
                    _known(store, item, options, report)
                    continue
                minhash = signature(item.text, index.num_perm)
                original = index.find(minhash)
                queued[item.id] = NewArticle(
                    item,
                    minhash=to_bytes(minhash),
                    duplicate_of=original[0] if original else None,
                    similarity=original[1] if original else None,
                )
                report.added += 1
                if original:
                    report.duplicates += 1
                else:
                    index.add(item.id, minhash)
                if len(queued) >= INSERT_BATCH:
                    store.add_articles(list(queued.values()))
                    queued.clear()
            store.add_problems(run_id, problems)
            report.problems.extend(problems)
            notes.extend(p for p in problems if p.kind in SUMMED)
            meter.describe(f"reading ({report.read} articles)")
            meter.advance()
        store.add_articles(list(queued.values()))
    for line in summed_notes(notes):
        _note(console, line)
    report.read_seconds = time.perf_counter() - started


# Problems told once for the whole run, with a count and a few examples, not line by line.
SUMMED = ("ambiguous-date", "columns")


def summed_notes(notes: Sequence[Problem]) -> list[Problem]:
    """One line for the run's ambiguous dates (how many, the first few file:line), one for
    the columns no field read (each with the files it is in)."""
    lines = []
    dates = [note for note in notes if note.kind == "ambiguous-date"]
    if dates:
        examples = "; ".join(
            f"{note.path}:{note.line} {note.message.removeprefix('ambiguous date ')}"
            for note in dates[:3]
        )
        more = f" and {len(dates) - 3} more" if len(dates) > 3 else ""
        lines.append(
            Problem(
                "input",
                f"{len(dates)} date{'s' if len(dates) > 1 else ''} could be day or month first: "
                f"{examples}{more}; give --dayfirst or --monthfirst to say which",
                "ambiguous-date",
            )
        )
    columns: dict[str, list[str]] = {}
    for note in notes:
        if note.kind == "columns":
            for name in note.message.removeprefix("columns not read: ").split(", "):
                columns.setdefault(name, []).append(note.path)
    if columns:
        listed = ", ".join(
            f"{name} ({len(paths)} files)" if len(paths) > 1 else name
            for name, paths in list(columns.items())[:12]
        )
        lines.append(
            Problem(
                "input",
                f"columns not read: {listed}; to take one, name it with --field, e.g. "
                "--field outlet=COLUMN",
                "columns",
            )
        )
    return lines


def _known(store: Store, article: Article, options: ReadOptions, report: Report) -> None:
    """An article already stored, read again: its new title, date, outlet or URL taken
    when asked (--update-metadata), else counted so the user can be told."""
    changes = store.metadata_changes(article)
    if not changes:
        return
    report.differing += 1
    if options.update_metadata:
        store.update_metadata(article.id, changes)
        report.updated += 1


def analyse_pending(
    store: Store,
    report: Report,
    console: Console,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    actors: Sequence[str | Path] = (),
    run_id: int | None = None,
) -> None:
    """Analyse every stored original not analysed yet, one transaction per article.

    An article the analysis fails on is marked with the error and the analysis version, and
    recorded as a problem; later runs skip it until the analysis changes. ``actors`` are the
    user's knowledge-base files, read after the shipped ones.
    """
    pending = store.pending(ANALYSIS_VERSION)
    if not pending:
        return
    resources = Resources.load(actors)
    nlp = load_model(model)
    label = model_label(nlp)

    def articles() -> Iterator[Article]:
        for start in range(0, len(pending), 256):
            yield from store.articles(pending[start : start + 256])

    started = time.perf_counter()
    with Meter(console, "analysing", len(pending), "articles") as meter:
        for article, records in analyse_each(
            articles(), nlp, batch_size=batch_size, resources=resources
        ):
            if isinstance(records, Failure):
                problem = failure_problem(article, records)
                store.save_failure(records, ANALYSIS_VERSION, run_id, problem)
                _note(console, problem)
                report.problems.append(problem)
                report.failed += 1
            else:
                store.save_analysis(records, label, ANALYSIS_VERSION)
                report.analysed += 1
                report.words_analysed += len(article.text.split())
            meter.advance()
    report.analyse_seconds = time.perf_counter() - started


def ingest(
    store: Store,
    paths: Sequence[str],
    options: ReadOptions,
    console: Console,
    *,
    model: str = DEFAULT_MODEL,
    analyse: bool = True,
    batch_size: int = 32,
    threshold: float = DEFAULT_THRESHOLD,
    command: str = "ingest",
    actors: Sequence[str | Path] = (),
) -> Report:
    """Read the paths into the store, then analyse what is new (and anything left unanalysed).

    With no paths, only the analysis runs. The run is recorded with what it did; should the
    store itself fail (a full disk, say), the error goes up as it is, the open transaction
    rolled back.
    """
    report = Report()
    run_id = store.start_run(command, model if analyse else None)

    def finish() -> None:
        store.finish_run(
            run_id,
            read=report.read,
            added=report.added,
            duplicates=report.duplicates,
            analysed=report.analysed,
            problems=len(report.problems),
        )

    try:
        if paths:
            read_into(store, paths, options, report, console, run_id, threshold)
        if analyse:
            analyse_pending(store, report, console, model, batch_size, actors, run_id)
        if analyse or report.updated:  # new records, or outlets and dates the pass reads
            report.crossdoc = build_crossdoc(store)
    except BaseException:
        with contextlib.suppress(Exception):  # the error that stopped the run comes first
            finish()
        raise
    finish()
    return report
