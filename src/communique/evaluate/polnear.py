"""Attributed statements scored against PolNeAR gold attributions.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates US political news with attribution
relations: a Source (who), a Cue (the verb or phrase that attributes) and a Content (what was
said or thought), direct, indirect and mixed. A split directory holds ``text/NAME.txt`` and
``attributions/NAME_ANNOTATOR.ann`` in BRAT standoff: ``T`` lines give labelled spans (offsets
are Python string offsets into the text, end-exclusive; ``;`` joins discontinuous fragments)
and ``E`` lines tie ``Source``, ``Cue`` and ``Content`` spans into one attribution (the Source
may be missing). An article annotated by several annotators has several ``.ann`` files: the
first in sorted order is used.

Measures, over all articles (micro-averaged):

- content precision, recall and F1: a predicted content matches a gold content of the same
  article when their character overlap is at least half the length of the shorter of the two;
  matching is one-to-one, greedy by largest overlap;
- ``exact_f1``: the same with a match requiring identical content characters once whitespace,
  punctuation and quote marks are stripped from both ends;
- on the pairs matched by overlap, ``speaker_accuracy`` (the predicted source overlaps the gold
  Source; when the gold has no Source, the prediction must have none either) and
  ``cue_accuracy`` (the predicted cue overlaps the gold Cue, with the same rule when the gold
  has no Cue).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.evaluate.figures import f1, ratio
from communique.evaluate.gold import GoldFormatError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

    from communique.analysis.resources import Resources

Fragments = tuple[tuple[int, int], ...]
Gold = dict[str, tuple[str, list["Attribution"]]]

_TEXT_BOUND = re.compile(r"(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)")
_EVENT = re.compile(r"(E\d+)\t(.*)")
_IGNORED = re.compile(r"[#ARNM*]\d*\t")  # notes, attributes, relations, normalisations
_ROLE = re.compile(r"([A-Za-z][A-Za-z-]*?)\d*:(T\d+)")
_TRIGGERS = {"Attribution", "Attribution-no-source"}
_ROLES = {"Source", "Cue", "Content"}
# Every span label of the PolNeAR annotation: the three parts, the two triggers, and the
# spans annotators set aside (Discuss, Discard).
_LABELS = _ROLES | _TRIGGERS | {"Discuss", "Discard"}
_EXTRA_STRIP = "`´"  # modifier symbols sometimes typed as quote marks


@dataclass(frozen=True)
class Attribution:
    """One attribution relation as character spans, each a tuple of (start, end) fragments."""

    content: Fragments
    source: Fragments = ()
    cue: Fragments = ()


# --- reading the gold data ------------------------------------------------------------------


def read_gold(directory: Path) -> Gold:
    """Every article of a PolNeAR split: name → (text, gold attributions).

    Texts are read as UTF-8 with no newline translation, so the ``.ann`` offsets index them
    directly. Events without a Content span are skipped (they cannot be scored). Raises
    ``FileNotFoundError`` for a missing folder or text and ``GoldFormatError`` naming the file
    and line for a malformed ``.ann`` line, a span label or event role PolNeAR does not have,
    an event that refers to an unknown span, or a span whose annotated string is not the text
    at its offsets; and naming the folder when it has no ``.ann`` file or no attribution at all.
    """
    directory = Path(directory)
    folder = directory / "attributions"
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: no attributions folder in {directory}")
    chosen: dict[str, Path] = {}
    for path in sorted(folder.glob("*.ann")):
        name = path.stem.rsplit("_", 1)[0] if "_" in path.stem else path.stem
        chosen.setdefault(name, path)  # several annotators: the first file in sorted order
    gold: Gold = {}
    for name, ann in chosen.items():
        text_path = directory / "text" / f"{name}.txt"
        if not text_path.is_file():
            raise FileNotFoundError(f"{text_path}: no text for {ann}")
        with text_path.open(encoding="utf-8", newline="") as handle:
            text = handle.read()
        gold[name] = (text, parse_ann(ann, text))
    if not gold:
        raise GoldFormatError(f"{folder}: no .ann files: no articles to score")
    if not any(attributions for _, attributions in gold.values()):
        raise GoldFormatError(f"{folder}: no attribution with a Content span: nothing to score")
    return gold


def _check_span(
    where: str, key: str, label: str, offsets: str, quoted: str, expected: str, length: int
) -> None:
    """Raise a ``GoldFormatError`` when an annotated span does not fit the text."""
    fragments = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
    if any(start > end or end > length for start, end in fragments):
        raise GoldFormatError(
            f"{where}: span {key} {offsets} lies outside the text ({length} characters)"
        )
    if label not in _LABELS:
        raise GoldFormatError(
            f"{where}: span {key} has label {label!r}, which PolNeAR does not "
            f"have ({', '.join(sorted(_LABELS))})"
        )
    if quoted != expected:
        raise GoldFormatError(
            f"{where}: span {key} is annotated as {quoted[:60]!r} but the text "
            f"at {offsets} reads {expected[:60]!r}"
        )


def parse_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one ``.ann`` file, checked against the article ``text``."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = handle.read().split("\n")
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[tuple[int, str, str]] = []
    number = 0
    while number < len(lines):
        line = lines[number].rstrip("\r")
        number += 1
        if not line.strip() or _IGNORED.match(line):
            continue
        if match := _TEXT_BOUND.fullmatch(line):
            key, label, offsets, quoted = match.groups()
            first = number
            fragments = tuple(
                (int(start), int(end))
                for start, end in (piece.split() for piece in offsets.split(";"))
            )
            expected = " ".join(text[start:end] for start, end in fragments)
            # An annotated string with line breaks continues on the following lines.
            while (
                number < len(lines)
                and len(quoted) < len(expected)
                and expected.startswith(quoted + "\n")
            ):
                quoted += "\n" + lines[number]
                number += 1
            _check_span(f"{path}:{first}", key, label, offsets, quoted, expected, len(text))
            spans[key] = (label, fragments)
        elif match := _EVENT.fullmatch(line):
            events.append((number, match.group(1), match.group(2)))
        else:
            raise GoldFormatError(f"{path}:{number}: malformed line {line[:80]!r}")
    attributions: list[Attribution] = []
    for number, key, arguments in events:
        parts: dict[str, list[tuple[int, int]]] = {role: [] for role in _ROLES}
        for argument in arguments.split():
            match = _ROLE.fullmatch(argument)
            if not match:
                raise GoldFormatError(f"{path}:{number}: malformed argument {argument!r} in {key}")
            role, target = match.groups()
            if target not in spans:
                raise GoldFormatError(f"{path}:{number}: {key} refers to unknown span {target}")
            if role in _TRIGGERS:
                continue
            if role not in _ROLES:
                raise GoldFormatError(f"{path}:{number}: unknown role {role!r} in {key}")
            parts[role].extend(spans[target][1])
        if parts["Content"]:
            attributions.append(
                Attribution(
                    content=_normalise(parts["Content"]),
                    source=_normalise(parts["Source"]),
                    cue=_normalise(parts["Cue"]),
                )
            )
    return attributions


# --- matching -------------------------------------------------------------------------------


def _normalise(fragments: Iterable[tuple[int, int]]) -> Fragments:
    """Fragments sorted, with empty ones dropped and overlapping or touching ones merged."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in fragments if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def span_length(fragments: Sequence[tuple[int, int]]) -> int:
    """Total number of characters covered by the fragments."""
    return sum(end - start for start, end in _normalise(fragments))


def overlap(first: Sequence[tuple[int, int]], second: Sequence[tuple[int, int]]) -> int:
    """Characters shared by two fragmented spans (sum of pairwise fragment overlaps)."""
    return sum(
        max(0, min(end_a, end_b) - max(start_a, start_b))
        for start_a, end_a in _normalise(first)
        for start_b, end_b in _normalise(second)
    )


def contents_match(gold: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]) -> bool:
    """Overlap of at least half the length of the shorter of the two spans (and not none)."""
    shared = overlap(gold, predicted)
    return shared > 0 and 2 * shared >= min(span_length(gold), span_length(predicted))


def match_contents(
    gold: Sequence[Attribution], predicted: Sequence[Attribution]
) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs, greedy by largest content overlap."""
    candidates = sorted(
        (-overlap(g.content, p.content), i, j)
        for i, g in enumerate(gold)
        for j, p in enumerate(predicted)
        if contents_match(g.content, p.content)
    )
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in candidates:
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _strippable(character: str) -> bool:
    return (
        character.isspace()
        or unicodedata.category(character).startswith("P")
        or character in _EXTRA_STRIP
    )


def exact_key(text: str, fragments: Sequence[tuple[int, int]]) -> frozenset[int]:
    """The character positions of a span with whitespace, punctuation and quotes trimmed.

    Only the two ends are trimmed: punctuation inside the span (or between its fragments)
    stays part of it.
    """
    positions = [i for start, end in _normalise(fragments) for i in range(start, end)]
    first, last = 0, len(positions)
    while first < last and _strippable(text[positions[first]]):
        first += 1
    while last > first and _strippable(text[positions[last - 1]]):
        last -= 1
    return frozenset(positions[first:last])


def count_exact(text: str, gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> int:
    """Predicted contents equal to a gold content once trimmed, counted one-to-one."""
    truth = Counter(key for a in gold if (key := exact_key(text, a.content)))
    guess = Counter(key for a in predicted if (key := exact_key(text, a.content)))
    return sum((truth & guess).values())


def _agrees(gold: Fragments, predicted: Fragments) -> bool:
    """The predicted part overlaps the gold one; with no gold part, none must be predicted."""
    if not gold:
        return not _normalise(predicted)
    return overlap(gold, predicted) > 0


# --- scores ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PolnearScore:
    """Content precision/recall/F1 (overlap and exact), speaker and cue accuracy, counts.

    Accuracies are shares of the pairs matched by overlap (0.0 when nothing matched).
    """

    precision: float
    recall: float
    f1: float
    exact_f1: float
    speaker_accuracy: float
    cue_accuracy: float
    n_gold: int
    n_predicted: int
    n_matched: int = 0
    n_exact: int = 0

    def as_dict(self) -> dict[str, float | int]:
        """The headline figures, for printing or JSON."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "exact_f1": self.exact_f1,
            "speaker_accuracy": self.speaker_accuracy,
            "cue_accuracy": self.cue_accuracy,
            "n_gold": self.n_gold,
            "n_predicted": self.n_predicted,
        }


def score(gold: Gold, predicted: dict[str, list[Attribution]]) -> PolnearScore:
    """Score predicted attributions (by article name) against the gold ones.

    An article of ``gold`` missing from ``predicted`` counts as predicting nothing; a predicted
    article that is not in ``gold`` is an error (its text is unknown).
    """
    unknown = sorted(set(predicted) - set(gold))
    if unknown:
        raise KeyError(f"predictions for articles not in the gold set: {', '.join(unknown[:5])}")
    n_gold = n_predicted = matched = exact = speakers = cues = 0
    for name, (text, truth) in gold.items():
        guesses = list(predicted.get(name, ()))
        n_gold += len(truth)
        n_predicted += len(guesses)
        pairs = match_contents(truth, guesses)
        matched += len(pairs)
        speakers += sum(_agrees(truth[i].source, guesses[j].source) for i, j in pairs)
        cues += sum(_agrees(truth[i].cue, guesses[j].cue) for i, j in pairs)
        exact += count_exact(text, truth, guesses)
    precision, recall = ratio(matched, n_predicted), ratio(matched, n_gold)
    return PolnearScore(
        precision=precision,
        recall=recall,
        f1=f1(precision, recall),
        exact_f1=f1(ratio(exact, n_predicted), ratio(exact, n_gold)),
        speaker_accuracy=ratio(speakers, matched),
        cue_accuracy=ratio(cues, matched),
        n_gold=n_gold,
        n_predicted=n_predicted,
        n_matched=matched,
        n_exact=exact,
    )


def evaluate(
    directory: Path,
    predict: Callable[[str, str], list[Attribution]],
    advance: Callable[[], None] = lambda: None,
) -> PolnearScore:
    """Score ``predict(name, text)`` on every article of a PolNeAR split directory."""
    gold = read_gold(directory)
    predicted: dict[str, list[Attribution]] = {}
    for name, (text, _) in gold.items():
        predicted[name] = list(predict(name, text))
        advance()
    return score(gold, predicted)


# --- the textacy baseline -------------------------------------------------------------------

_PARAGRAPH = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs: PolNeAR paragraphs are lines, mostly with blank lines between."""
    return [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _token_fragments(tokens: Iterable[Token], offset: int) -> Fragments:
    """Fragments covering tokens, one per run of adjacent tokens."""
    runs: list[list[Any]] = []
    for token in sorted(tokens, key=lambda t: t.i):
        end = token.idx + len(token.text)
        if runs and token.i == runs[-1][0] + 1:
            runs[-1][0], runs[-1][2] = token.i, end
        else:
            runs.append([token.i, token.idx, end])
    return tuple((offset + start, offset + end) for _, start, end in runs)


def textacy_baseline(nlp: Language) -> Callable[[str, str], list[Attribution]]:
    """A predictor using textacy's ``direct_quotations`` on each paragraph parsed by ``nlp``.

    Each ``DQTriple`` becomes an Attribution: its content span, speaker tokens and cue tokens,
    with offsets into the whole article. A paragraph with unbalanced quotation marks, on which
    textacy refuses to guess, yields nothing. Raises ``ImportError`` when textacy is not
    installed.
    """
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as error:
        raise ImportError(
            "the textacy baseline needs textacy: pip install textacy==0.13.0"
        ) from error

    def predict(name: str, text: str) -> list[Attribution]:
        pieces = paragraphs(text)
        found: list[Attribution] = []
        for (offset, _), doc in zip(pieces, nlp.pipe(p for _, p in pieces), strict=True):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:  # textacy bails out on unbalanced quotation marks
                continue
            for triple in triples:
                content = triple.content
                found.append(
                    Attribution(
                        content=((offset + content.start_char, offset + content.end_char),),
                        source=_token_fragments(triple.speaker, offset),
                        cue=_token_fragments(triple.cue, offset),
                    )
                )
        return found

    return predict


def _span(start: int | None, end: int | None) -> tuple[tuple[int, int], ...]:
    return ((start, end),) if start is not None and end is not None else ()


def statements_predictor(
    nlp: Language, resources: Resources | None = None
) -> Callable[[str, str], list[Attribution]]:
    """communique's statements as PolNeAR attributions: content, speaker and cue spans."""
    from communique.analysis import analyse
    from communique.records import Article

    def predict(name: str, text: str) -> list[Attribution]:
        found = analyse(Article(text=text), nlp, resources).statements
        return [
            Attribution(
                content=tuple(statement.fragments),
                source=_span(statement.speaker_start, statement.speaker_end),
                cue=_span(statement.cue_start, statement.cue_end),
            )
            for statement in found
        ]

    return predict
