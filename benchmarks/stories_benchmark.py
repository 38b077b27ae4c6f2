"""Does story grouping grow linearly with the corpus, and does it keep its accuracy?

In one run this measures:

1. ``group_stories`` over the gold articles (BASIL: 300 articles, 100 stories), in seconds,
   and its pairwise F1 against the gold stories;
2. the same over the set replicated ten times: copy 0 is the original, each further copy of
   a story is shifted in time by a random 8 to 90 days past the previous copy (more than the
   grouping window plus a story's own spread, so copies must not merge) and reworded (each
   word dropped with probability ``--drop``, replaced by a word drawn from the
   corpus text with probability
   ``--replace``), with new ids; its gold is (story, copy);
3. the ratio of the two times: about 10 means the work grows linearly; and, as a figure the
   machine's load does not blur, the number of article pairs each run compares.

Each time is the best of ``--repeat`` runs. Nothing is downloaded; no model is loaded.

Run it from the repository root with::

    .venv/bin/python benchmarks/stories_benchmark.py [--corpus PATH] [--copies N] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import random
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from communique.crossdoc.stories import (
    DEFAULT_WINDOW_DAYS,
    StoryArticle,
    candidate_pairs,
    group_stories,
    vectors,
)
from communique.evaluate.stories import StoryScore, read_gold, score

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "basil" / "basil_articles.jsonl"

Gold = list[tuple[StoryArticle, str]]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="JSONL with story_id (default: ../shared/corpora/basil/basil_articles.jsonl)",
    )
    parser.add_argument("--copies", type=int, default=10, help="replicate the set this often")
    parser.add_argument("--drop", type=float, default=0.1, help="share of words dropped")
    parser.add_argument("--replace", type=float, default=0.1, help="share of words replaced")
    parser.add_argument("--repeat", type=int, default=5, help="time each run this often")
    parser.add_argument("--seed", type=int, default=13, help="random seed of the copies")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object instead of the table"
    )
    return parser.parse_args(argv)


def reword(
    text: str, vocabulary: list[str], drop: float, replace: float, rng: random.Random
) -> str:
    """The text with some words dropped and some replaced by random corpus words."""
    words = []
    for word in text.split(" "):
        draw = rng.random()
        if draw < drop:
            continue
        words.append(rng.choice(vocabulary) if draw < drop + replace else word)
    return " ".join(words)


def replicate(gold: Gold, copies: int, drop: float, replace: float, seed: int) -> Gold:
    """Copy 0 as it is, then reworded copies of every story, each far later than the last."""
    rng = random.Random(seed)
    # Replacements are drawn from the running text, so common words come up as often as they
    # are used (distinct words drawn uniformly would be mostly rare names and numbers).
    vocabulary = [word for article, _ in gold for word in article.text.split()]
    shifts: dict[str, int] = {}
    result: Gold = list(gold)
    for copy in range(1, copies):
        for story in sorted({story for _, story in gold}):
            shifts[story] = shifts.get(story, 0) + rng.randint(8, 90)
        for article, story in gold:
            moved = article.date + datetime.timedelta(days=shifts[story]) if article.date else None
            result.append(
                (
                    dataclasses.replace(
                        article,
                        id=f"{article.id}~{copy}",
                        text=reword(article.text, vocabulary, drop, replace, rng),
                        title=reword(article.title, vocabulary, drop, replace, rng)
                        if article.title
                        else None,
                        date=moved,
                    ),
                    f"{story}~{copy}",
                )
            )
    return result


def timed(gold: Gold, repeat: int) -> tuple[float, StoryScore]:
    """The best time of ``repeat`` groupings, and the grouping's score."""
    articles = [article for article, _ in gold]
    best = float("inf")
    stories: dict[str, str] = {}
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        stories = group_stories(articles)
        best = min(best, time.perf_counter() - started)
    return best, score([story for _, story in gold], [stories[a.id] for a in articles])


def compared(gold: Gold) -> int:
    """How many article pairs the blocking lets through to be compared."""
    articles = sorted((article for article, _ in gold), key=lambda article: article.id)
    return len(candidate_pairs(articles, vectors(articles), DEFAULT_WINDOW_DAYS))


Row = tuple[str, int, int, float, StoryScore]


def render(console: Console, rows: list[Row], ratio: float) -> None:
    table = Table(title="communique story grouping benchmark")
    table.add_column("set")
    for heading in ("articles", "pairs", "seconds", "precision", "recall", "f1"):
        table.add_column(heading, justify="right")
    for name, n, pairs, seconds, result in rows:
        table.add_row(
            name,
            f"{n:,}",
            f"{pairs:,}",
            f"{seconds:.3f}",
            f"{result.precision:.4f}",
            f"{result.recall:.4f}",
            f"{result.f1:.4f}",
        )
    console.print(table)
    scale = rows[1][1] / rows[0][1]
    console.print(
        f"time ratio {ratio:.2f}×, pairs compared {rows[1][2] / rows[0][2]:.2f}×, "
        f"for {scale:.0f}× the articles ({scale:.0f}× would be linear)"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus: Path = args.corpus or DEFAULT_CORPUS
    if not corpus.is_file():
        print(f"stories_benchmark: corpus not found: {corpus}", file=sys.stderr)
        if args.corpus is None:
            print("stories_benchmark: skipped (../shared is absent; pass --corpus PATH)")
            return 0
        return 2

    gold = read_gold(corpus)
    replicated = replicate(gold, args.copies, args.drop, args.replace, args.seed)
    group_stories([article for article, _ in gold[:10]])  # warm up
    small_seconds, small = timed(gold, args.repeat)
    large_seconds, large = timed(replicated, args.repeat)
    ratio = large_seconds / small_seconds if small_seconds else float("nan")
    small_pairs, large_pairs = compared(gold), compared(replicated)

    if args.json:
        result = {
            "corpus": str(corpus),
            "original": {
                "seconds": round(small_seconds, 4),
                "pairs_compared": small_pairs,
                **small.as_json(),
            },
            "replicated": {
                "copies": args.copies,
                "seconds": round(large_seconds, 4),
                "pairs_compared": large_pairs,
                **large.as_json(),
            },
            "time_ratio": round(ratio, 3),
        }
        print(json.dumps(result, indent=2))
    else:
        rows = [
            ("original", len(gold), small_pairs, small_seconds, small),
            (f"×{args.copies} reworded", len(replicated), large_pairs, large_seconds, large),
        ]
        render(Console(), rows, ratio)
    return 0


if __name__ == "__main__":
    sys.exit(main())
