"""How much slower is a full ``communique ingest`` than spaCy's bare ``nlp.pipe``?

In one run, on the same texts and the same loaded model, this measures:

1. bare ``nlp.pipe`` over the corpus texts, exactly as communique stores them (read and
   cleaned by ``communique.ingest.read_file``), in articles/s and words/s;
2. the full ingest of the corpus into a fresh temporary DuckDB store
   (``communique.runner.ingest``): reading, de-duplication, analysis and writing, timed
   end to end, in articles/s and words/s;
3. the ratio of full-ingest time to bare ``nlp.pipe`` time, and of the analysis stage
   alone (``Report.analyse_seconds``) to bare ``nlp.pipe`` time.

The model is loaded once and warmed up on one text before anything is timed, so model loading
counts in neither figure. Words are ``len(text.split())``.

Run it from the repository root with ``make bench`` or::

    .venv/bin/python benchmarks/ingest_benchmark.py [--corpus PATH] [--model NAME]
        [--batch-size N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from communique.ingest import ReadOptions, read_file
from communique.nlp import DEFAULT_MODEL, load_model
from communique.records import Article
from communique.runner import ingest
from communique.store import Store

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "basil" / "basil_articles.jsonl"


@dataclass
class Stage:
    """One timed stage: how many articles and words it handled, and how long it took."""

    name: str
    articles: int
    words: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            **asdict(self),
            "articles_per_second": round(self.articles_per_second, 2),
            "words_per_second": round(self.words_per_second, 1),
        }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=DEFAULT_CORPUS,
        help="JSONL corpus to ingest (default: ../shared/corpora/basil/basil_articles.jsonl)",
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model to load")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    return parser.parse_args(argv)


def stored_texts(corpus: Path) -> list[str]:
    """The article texts as communique stores them: read and cleaned by ``read_file``."""
    return [item.text for item in read_file(corpus, ReadOptions()) if isinstance(item, Article)]


def time_bare_pipe(texts: list[str], model: str, batch_size: int) -> Stage:
    """Parse every text with ``nlp.pipe``, consuming the docs and nothing else."""
    nlp = load_model(model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    seconds = time.perf_counter() - started
    words = sum(len(text.split()) for text in texts)
    return Stage("bare nlp.pipe", len(texts), words, seconds)


def time_full_ingest(corpus: Path, model: str, batch_size: int) -> tuple[Stage, Stage, int]:
    """Ingest the corpus into a fresh temporary store; the whole run and its analysis stage.

    Also returns the number of articles read (the analysis skips near-duplicates).
    """
    console = Console(stderr=True)
    with tempfile.TemporaryDirectory(prefix="communique-bench-") as tmp:
        store = Store(Path(tmp) / "bench.duckdb")
        try:
            started = time.perf_counter()
            report = ingest(
                store, [str(corpus)], ReadOptions(), console, model=model, batch_size=batch_size
            )
            seconds = time.perf_counter() - started
        finally:
            store.close()
    full = Stage("full ingest", report.analysed, report.words_analysed, seconds)
    analysis = Stage(
        "  of which analysis", report.analysed, report.words_analysed, report.analyse_seconds
    )
    return full, analysis, report.read


def render(
    console: Console,
    stages: list[Stage],
    ratios: dict[str, float],
    model: str,
    batch_size: int,
    read: int,
) -> None:
    table = Table(title=f"communique ingest benchmark ({model}, batch size {batch_size})")
    table.add_column("stage")
    for heading in ("articles", "seconds", "articles/s", "words/s"):
        table.add_column(heading, justify="right")
    for stage in stages:
        table.add_row(
            stage.name,
            f"{stage.articles:,}",
            f"{stage.seconds:.2f}",
            f"{stage.articles_per_second:,.1f}",
            f"{stage.words_per_second:,.0f}",
        )
    console.print(table)
    console.print(f"full ingest / bare nlp.pipe:    {ratios['full_over_bare']:.2f}×")
    console.print(f"analysis stage / bare nlp.pipe: {ratios['analysis_over_bare']:.2f}×")
    if stages[1].articles != stages[0].articles:
        console.print(
            f"[yellow]note[/yellow]: ingest read {read} articles but analysed "
            f"{stages[1].articles} (near-duplicates are stored, not analysed); compare the "
            "per-article rates as well as the ratios"
        )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus
    if not corpus.is_file():
        print(
            f"ingest_benchmark: corpus not found: {corpus}\n"
            "pass --corpus PATH to a JSONL file of articles",
            file=sys.stderr,
        )
        return 2

    texts = stored_texts(corpus)
    if not texts:
        print(f"ingest_benchmark: no articles could be read from {corpus}", file=sys.stderr)
        return 2

    # Load once (load_model is cached, so the runner reuses this pipeline) and warm up.
    nlp = load_model(args.model)
    nlp(texts[0])

    bare = time_bare_pipe(texts, args.model, args.batch_size)
    full, analysis, read = time_full_ingest(corpus, args.model, args.batch_size)
    ratios = {
        "full_over_bare": full.seconds / bare.seconds,
        "analysis_over_bare": analysis.seconds / bare.seconds,
    }

    if args.json:
        result = {
            "corpus": str(corpus),
            "model": args.model,
            "batch_size": args.batch_size,
            "articles_read": read,
            "bare_pipe": bare.as_dict(),
            "full_ingest": full.as_dict(),
            "analysis_stage": analysis.as_dict(),
            "ratios": {name: round(value, 3) for name, value in ratios.items()},
        }
        print(json.dumps(result, indent=2))
    else:
        render(Console(), [bare, full, analysis], ratios, args.model, args.batch_size, read)
    return 0


if __name__ == "__main__":
    sys.exit(main())
