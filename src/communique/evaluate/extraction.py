"""Article-body extraction scored against a gold set of pages.

The measure is the usual one for this task: per page, precision and recall over the multiset
of word 4-gram shingles of the extracted and the gold body (each page weighted equally), then
averaged over pages; F1 is computed from the averages. A directory holds ``ground-truth.json``
(``{id: {"articleBody": ..., "url": ...}}``) and ``html/ID.html.gz`` (or ``.html``) pages;
ground truth of another shape, a page without a body and an empty set of pages are refused.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from communique.evaluate.figures import f1
from communique.evaluate.gold import GoldFormatError

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


@dataclass(frozen=True)
class PageScore:
    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        if self.tp + self.fp == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        if self.tp + self.fn == 0:
            return None
        return 1.0 if self.fp == self.fn == 0 else self.tp / (self.tp + self.fn)


def score_page(gold: str, predicted: str) -> PageScore:
    """Shingle overlap of one page, normalised so that long pages do not weigh more."""
    truth, guess = shingles(gold), shingles(predicted)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return PageScore(tp / total, fp / total, fn / total) if total else PageScore(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class ExtractionScore:
    precision: float
    recall: float
    f1: float
    pages: int
    empty: int  # pages where nothing was extracted

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "pages": self.pages, "empty": self.empty}  # fmt: skip


def aggregate(scores: list[PageScore], empty: int = 0) -> ExtractionScore:
    precisions = [p for s in scores if (p := s.precision) is not None]
    recalls = [r for s in scores if (r := s.recall) is not None]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    return ExtractionScore(precision, recall, f1(precision, recall), len(scores), empty)


def _line(raw: str, key: str) -> str:
    """``:LINE`` of where an id is a key in the raw ground truth, else nothing."""
    found = re.search(re.escape(json.dumps(key)) + r"\s*:", raw)
    return f":{raw.count(chr(10), 0, found.start()) + 1}" if found else ""


def _truth(truth_file: Path) -> dict[str, str]:
    """The gold body of every page of a ``ground-truth.json``, by id; see :func:`load_gold`."""
    raw = truth_file.read_text(encoding="utf-8-sig")
    try:
        truth = json.loads(raw)
    except json.JSONDecodeError as error:
        raise GoldFormatError(f"{truth_file}:{error.lineno}: malformed JSON: {error.msg}") from None
    if not isinstance(truth, dict):
        raise GoldFormatError(f"{truth_file}: not a JSON object of pages by id")
    if not truth:
        raise GoldFormatError(f"{truth_file}: no pages to score (the object is empty)")
    bodies: dict[str, str] = {}
    for key, entry in truth.items():
        body = entry.get("articleBody") if isinstance(entry, dict) else None
        if not isinstance(body, str) or not body.strip():
            raise GoldFormatError(f"{truth_file}{_line(raw, key)}: page {key!r} has no articleBody")
        bodies[key] = body
    return bodies


def load_gold(directory: Path) -> dict[str, tuple[str, Path]]:
    """Gold bodies and page paths by id.

    Raises ``FileNotFoundError`` naming what is missing (``ground-truth.json``, a page) and
    ``GoldFormatError`` naming the file and line for ground truth that is not a JSON object
    of ``{"articleBody": ...}`` objects, a page with no (or an empty) body, and for ground
    truth with no page.
    """
    directory = Path(directory)
    truth_file = directory / "ground-truth.json"
    if not truth_file.is_file():
        raise FileNotFoundError(f"{truth_file}: no ground-truth.json in {directory}")
    pages: dict[str, tuple[str, Path]] = {}
    for key, body in _truth(truth_file).items():
        for candidate in (
            directory / "html" / f"{key}.html.gz",
            directory / "html" / f"{key}.html",
        ):
            if candidate.is_file():
                pages[key] = (body, candidate)
                break
        else:
            raise FileNotFoundError(f"{directory / 'html'}: no page for {key}")
    return pages


def read_page(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def evaluate(
    directory: Path, extract: Callable[[bytes], str], advance: Callable[[], None] = lambda: None
) -> ExtractionScore:
    """Score ``extract`` (page bytes to body text) on every gold page in ``directory``."""
    scores: list[PageScore] = []
    empty = 0
    for gold, path in load_gold(directory).values():
        predicted = extract(read_page(path))
        empty += not predicted.strip()
        scores.append(score_page(gold, predicted))
        advance()
    return aggregate(scores, empty)
