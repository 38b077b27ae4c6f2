"""Does the per-article analysis grow linearly with an article's length, as the parse does?

For articles of about 14, 57 and 228 KB of prose (stories of the bundled VOA demo corpus,
``src/communique/data/voa_stories.jsonl``, joined with blank lines, the last one cut after a
full stop near the size), this measures, on the same loaded model and knowledge base:

1. the parse, ``nlp(text)``, in seconds;
2. the analysis of that parse, ``communique.analysis.analyse_doc``, in seconds;
3. the ratio of the two. It should stay about the same whatever the length: the analysis of
   one article is meant to cost at most about twice its parse.

The model and the knowledge base are loaded once, and both steps warmed up on one short story,
before anything is timed.

Run it from the repository root with::

    .venv/bin/python benchmarks/length_benchmark.py [--sizes 14 57 228] [--model NAME] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table
from spacy.language import Language

from communique.analysis import analyse_doc
from communique.analysis.resources import Resources, shipped
from communique.nlp import DEFAULT_MODEL, load_model
from communique.records import Article

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "src" / "communique" / "data" / "voa_stories.jsonl"
DEFAULT_SIZES = (14, 57, 228)  # KB of prose
KB = 1000  # characters


@dataclass
class Measure:
    """One article length: its size, how long the parse and the analysis took."""

    kilobytes: int
    characters: int
    parse_seconds: float
    analysis_seconds: float

    @property
    def ratio(self) -> float:
        return self.analysis_seconds / self.parse_seconds if self.parse_seconds else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "ratio": round(self.ratio, 3)}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(DEFAULT_SIZES),
        help="article sizes to measure, in KB of prose (default: 14 57 228)",
    )
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy model to load")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    return parser.parse_args(argv)


def stories(corpus: Path = CORPUS) -> list[str]:
    """The texts of the demo corpus, in file order."""
    with corpus.open(encoding="utf-8") as lines:
        return [text for line in lines if line.strip() and (text := json.loads(line)["text"])]


def prose(texts: list[str], characters: int) -> str:
    """Stories joined with blank lines, from the first, to about ``characters``: the last
    story is cut after its last full stop before that length."""
    chosen: list[str] = []
    length = 0
    for text in texts:
        if length >= characters:
            break
        chosen.append(text)
        length += len(text) + 2
    if length < characters:
        raise ValueError(f"the corpus holds under {characters:,} characters of prose")
    joined = "\n\n".join(chosen)
    stop = joined.rfind(". ", len(joined) - len(chosen[-1]), characters)
    return joined[: stop + 1] if stop > 0 else joined


def measure(nlp: Language, resources: Resources, kilobytes: int, text: str) -> Measure:
    """Parse one text and analyse the parse, timing each."""
    started = time.perf_counter()
    doc = nlp(text)
    parsed = time.perf_counter()
    analyse_doc(Article(text=text), doc, resources)
    analysed = time.perf_counter()
    return Measure(kilobytes, len(text), parsed - started, analysed - parsed)


def render(console: Console, measures: list[Measure], model: str) -> None:
    table = Table(title=f"communique analysis against article length ({model})")
    for heading in ("size", "characters", "parse s", "analysis s", "analysis / parse"):
        table.add_column(heading, justify="right")
    for found in measures:
        table.add_row(
            f"{found.kilobytes} KB",
            f"{found.characters:,}",
            f"{found.parse_seconds:.2f}",
            f"{found.analysis_seconds:.2f}",
            f"{found.ratio:.2f}×",
        )
    console.print(table)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    texts = stories()
    try:
        inputs = [(size, prose(texts, size * KB)) for size in args.sizes]
    except ValueError as error:
        print(f"length_benchmark: {error}", file=sys.stderr)
        return 2

    # Load once and warm up both steps on one short story.
    nlp = load_model(args.model)
    resources = shipped()
    short = min(texts, key=len)
    analyse_doc(Article(text=short), nlp(short), resources)

    measures = [measure(nlp, resources, size, text) for size, text in inputs]
    if args.json:
        result = {"model": args.model, "sizes": [found.as_dict() for found in measures]}
        print(json.dumps(result, indent=2))
    else:
        render(Console(), measures, args.model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
