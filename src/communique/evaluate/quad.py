"""Sentences scored by quad class against the ConfliBERT CAMEO classification data.

The gold file (``cameo_class/train.tsv``) has one ``sentence<TAB>label`` line per sentence,
no header, CRLF line ends; the label is 0 (no event, or a neutral statement or appeal), 1
verbal cooperation, 2 material cooperation, 3 verbal conflict or 4 material conflict: the
five classes of the Phoenix event data over CAMEO roots (see ``PENTACLASS``), which a
sentence's events are read through. A few
sentences are CSV-quoted (in double quotes, with the quote marks inside doubled): the outer
quotes are removed and the doubled ones undone.

A predictor takes a batch of sentences and returns one label each. Measures: per class
precision, recall and F1 (classes 0–4), ``macro_f1`` as the mean F1 over all five classes
(a class absent from the gold counts with F1 0), ``accuracy`` and ``n``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from communique.evaluate.gold import GoldFormatError
from communique.evaluate.plover import ClassScore, per_label, predict_all
from communique.records import Event

CLASSES = (0, 1, 2, 3, 4)
NAMES = {
    0: "no event or neutral",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

Predictor = Callable[[list[str]], list[int]]


@dataclass(frozen=True)
class QuadSentence:
    text: str
    label: int


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def read_gold(path: Path) -> list[QuadSentence]:
    """Every labelled sentence of a quad TSV file, in order; blank lines are skipped.

    The label is the text after the last tab. A first line ``sentence<TAB>label`` is taken
    for a header. Raises ``GoldFormatError`` naming the file and line for a line with no tab,
    an empty sentence or a label that is not 0–4, and for a file with no labelled sentence.
    """
    path = Path(path)
    gold: list[QuadSentence] = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = handle.read().splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        if "\t" not in line:
            raise GoldFormatError(f"{where}: no tab between sentence and label: {line[:60]!r}")
        text, label = line.rsplit("\t", 1)
        if number == 1 and label.strip().lower() == "label":
            continue
        if label.strip() not in {str(c) for c in CLASSES}:
            raise GoldFormatError(f"{where}: label {label.strip()!r} is not one of 0–4")
        text = _unquote(text.strip()).strip()
        if not text:
            raise GoldFormatError(f"{where}: no sentence")
        gold.append(QuadSentence(text, int(label)))
    if not gold:
        raise GoldFormatError(f"{path}: no labelled sentences (the file is empty)")
    return gold


@dataclass(frozen=True)
class QuadScore:
    """Per-class precision/recall/F1, their macro mean over the five classes, accuracy."""

    macro_f1: float
    accuracy: float
    per_class: dict[int, ClassScore] = field(default_factory=dict)
    n: int = 0

    def as_json(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict; per-class keys are the labels as strings."""
        return {
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "per_class": {str(label): s.as_json() for label, s in self.per_class.items()},
            "n": self.n,
        }


def score(gold_labels: Sequence[int], predicted_labels: Sequence[int]) -> QuadScore:
    """Score predicted labels against gold ones (parallel sequences).

    Raises ``ValueError`` when they differ in length or a label is not 0–4.
    """
    if len(gold_labels) != len(predicted_labels):
        raise ValueError(f"{len(predicted_labels)} predictions for {len(gold_labels)} sentences")
    for label in (*gold_labels, *predicted_labels):
        if label not in CLASSES:
            raise ValueError(f"label {label!r} is not one of 0–4")
    gold, predicted = [int(x) for x in gold_labels], [int(x) for x in predicted_labels]
    per_class = per_label(gold, predicted, CLASSES)
    n = len(gold)
    return QuadScore(
        macro_f1=sum(s.f1 for s in per_class.values()) / len(CLASSES),
        accuracy=sum(g == p for g, p in zip(gold, predicted, strict=True)) / n if n else 0.0,
        per_class=per_class,
        n=n,
    )


def quad_of(events: Sequence[Event], quad_code: Callable[[str], int]) -> int:
    """The quad label of a sentence from its events: that of the first one that counts,
    else 0.

    An event's label is the five-class reading of its CAMEO code's root (``PENTACLASS``: a
    statement or an appeal is class 0, a reduction of relations verbal conflict), or, for an
    event with no CAMEO code, its PLOVER type's quad (``quad_code``, as
    ``communique.ontology.plover.quad_code``). Events that did not happen (negated) or only
    might (hypothetical) do not count; planned ones count as what they are coded as (a
    planned visit is an agreement, verbal cooperation), and so do claimed ones.
    """
    for event in events:
        if event.modality in COUNTED and not event.negated:
            if event.cameo and event.cameo[:2] in PENTACLASS:
                return PENTACLASS[event.cameo[:2]]
            return quad_code(event.type)
    return 0


# The five classes ConfliBERT's labels follow, by CAMEO root: the Phoenix event data's
# "quad class" (Open Event Data Alliance, phoenix_pipeline, postprocess.py, MIT licence),
# where 0 is neutral. It departs from GDELT's four classes in three places: statements and
# appeals (01, 02) are neutral, protests (14) material conflict, and reductions of relations
# (16: sanctions, suspended aid, expulsions) verbal conflict.
PENTACLASS = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08"), 2),
    **dict.fromkeys(("09", "10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


# The modalities whose events give a sentence its quad class.
COUNTED = frozenset({"asserted", "future", "claimed"})


def evaluate(
    path: Path,
    predictor: Predictor,
    batch_size: int = 32,
    advance: Callable[[int], None] = lambda n: None,
) -> QuadScore:
    """Score ``predictor`` on every sentence of a quad TSV file, in batches."""
    gold = read_gold(path)
    predicted = predict_all([g.text for g in gold], predictor, batch_size, advance)
    return score([g.label for g in gold], [int(p) for p in predicted])


def format_table(result: QuadScore) -> str:
    """Per-class rows then accuracy and macro F1, as plain fixed-width text for the CLI."""
    lines = [f"{'class':24}{'precision':>11}{'recall':>9}{'f1':>9}{'support':>9}"]
    for label, s in result.per_class.items():
        name = f"{label} {NAMES[label]}"
        lines.append(f"{name:24}{s.precision:>11.4f}{s.recall:>9.4f}{s.f1:>9.4f}{s.support:>9}")
    lines += [
        "",
        f"macro f1  {result.macro_f1:.4f}  (over the 5 classes)",
        f"accuracy  {result.accuracy:.4f}  ({result.n} sentences)",
    ]
    return "\n".join(lines)
