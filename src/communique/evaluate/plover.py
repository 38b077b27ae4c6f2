"""PLOVER events scored against the PLOVER gold standard records (``plover_gsr``).

A gold file has one JSON record a line, one sentence each with exactly one gold event:
``id``, ``text``, ``event`` (the PLOVER type), ``mode`` (or null), and ``actor`` and
``recipient`` lists of ``{"actorText": ..., "code": ..., "sector": ...}`` (a recipient may be
an empty string: none). Codes are ISO 3166 alpha-3 for states, except a few older CAMEO codes
("JAP", "ITL", "VTN", ...) that are mapped to ISO here, and CAMEO group codes (IGO, NGO, IMG
for an international militarised group, ...) that are kept as they are. A sentence with two
events comes as two records (three sentences of the dev file do): each is scored on its own,
so a system that predicts both events is right on both. A record whose type or mode PLOVER
does not have, or whose codes are not 3-letter codes, is refused, as is an empty file (see
:func:`read_gold`).

A predictor takes a batch of sentences and returns, for each, the events it finds as
:class:`Prediction` records. For each sentence the *primary* prediction is the first predicted
event of the gold type, else the first predicted event, else none. Measures:

- per type precision, recall and F1, treating each sentence as one single-label
  classification (the gold type against the primary type, "none" when nothing is predicted);
- ``macro_f1``: the mean F1 over the event types present in the gold (types only predicted
  are listed in ``per_type`` with support 0 but are left out of the mean);
- ``accuracy``: the share of sentences whose primary type is the gold type;
- on sentences with the right type: ``actor_accuracy`` (over those whose gold event has an
  actor code: the predicted actor codes share a code with the gold ones), the same for
  ``recipient_accuracy``, ``mode_accuracy`` (over those with a gold mode) and ``swap_rate``
  (over those whose gold actor and recipient codes are both present and differ: the share
  whose predicted actors match the gold recipients and predicted recipients the gold actors,
  while the right way round does not match).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from communique.evaluate.figures import f1, ratio
from communique.evaluate.gold import GoldFormatError, json_lines, line_of, shorten
from communique.ontology import plover as ontology
from communique.records import Event

# Older CAMEO country codes that differ from ISO 3166 alpha-3. JAP, ITL and VTN are in the
# PLOVER gold records; the others are CAMEO codes for states since renamed or recoded.
OLD_CAMEO_CODES = {
    "JAP": "JPN",  # Japan
    "ITL": "ITA",  # Italy
    "VTN": "VNM",  # Vietnam
    "ROM": "ROU",  # Romania
    "ZAR": "COD",  # Zaire, the DR Congo
    "TMP": "TLS",  # East Timor
    "BUR": "MMR",  # Burma, Myanmar
    "KOS": "XKX",  # Kosovo (user-assigned, as is usual)
}

L = TypeVar("L", bound=Hashable)
_CODE = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True)
class GoldEvent:
    """One gold sentence and its event; codes are normalised (see :func:`normalise_code`)."""

    id: str
    text: str
    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prediction:
    """One predicted event: its type, mode and the codes of its actors and recipients."""

    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


Predictor = Callable[[list[str]], list[list[Prediction]]]


# --- codes and the gold file ------------------------------------------------------------------


def normalise_code(code: str | None) -> str | None:
    """An actor code upper-cased, with old CAMEO country codes mapped to ISO; None if blank."""
    code = (code or "").strip().upper()
    return OLD_CAMEO_CODES.get(code, code) or None


def _codes(codes: Iterable[str | None]) -> tuple[str, ...]:
    """Normalised codes, blanks dropped, each once, in order."""
    return tuple(dict.fromkeys(c for code in codes if (c := normalise_code(code))))


def _mode(mode: str | None) -> str | None:
    return (mode or "").strip().lower() or None


def _type(kind: str | None) -> str:
    return (kind or "").strip().upper()


def gold_entities(value: Any, side: str, where: str) -> list[tuple[str, str | None]]:
    """The ``(actorText, code)`` pairs of a gold record's ``actor`` or ``recipient`` list.

    A code is returned stripped and upper-cased, None when it is missing or blank; a missing
    list (None or "", as a recipient may be) is no entity. Raises ``GoldFormatError`` naming
    ``where`` when the value is not a list of objects, an entity has no ``actorText``, or a
    code is not three letters (ISO 3166 alpha-3, an old CAMEO country code, IGO, NGO ...).
    """
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise GoldFormatError(f"{where}: {side!r} is not a list of objects: {shorten(value)}")
    found: list[tuple[str, str | None]] = []
    for entity in value:
        if not isinstance(entity, dict):
            raise GoldFormatError(
                f"{where}: {side!r} is not a list of objects: {shorten(entity)} in it"
            )
        text, code = entity.get("actorText"), entity.get("code")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: {side} {shorten(entity)} has no actorText")
        if code is None or (isinstance(code, str) and not code.strip()):
            found.append((text, None))
        elif isinstance(code, str) and _CODE.fullmatch(code.strip()):
            found.append((text, code.strip().upper()))
        else:
            raise GoldFormatError(
                f"{where}: {side} code {shorten(code)} of {text!r} is not a 3-letter code "
                "(ISO 3166 alpha-3, IGO, NGO ...)"
            )
    return found


def _gold_type(kind: Any, mode: Any, where: str) -> tuple[str, str | None]:
    """A gold record's PLOVER 2024 type and mode, checked against the ontology.

    2016 type names are taken for their 2024 type, with the mode they imply when the record
    gives none (DISAPPROVE: ACCUSE/disapprove); older mode names are accepted as they are.
    """
    if not isinstance(kind, str) or not kind.strip():
        raise GoldFormatError(f"{where}: no event type")
    try:
        plover_type = ontology.normalize_type(kind)
    except KeyError:
        raise GoldFormatError(
            f"{where}: event type {kind!r} is not a PLOVER type ({', '.join(ontology.TYPES)})"
        ) from None
    if mode is not None and not isinstance(mode, str):
        raise GoldFormatError(f"{where}: mode {shorten(mode)} is not a string")
    name = _mode(mode) or ontology.LEGACY_TYPES.get(_type(kind), (plover_type, None))[1]
    known = {row.mode for row in ontology.modes(plover_type, include_legacy=True)}
    if name is not None and name not in known:
        raise GoldFormatError(f"{where}: mode {mode!r} is not a PLOVER mode of {plover_type}")
    return plover_type, name


def read_gold(path: Path) -> list[GoldEvent]:
    """Every record of a PLOVER gold file, in order; blank lines are skipped.

    Raises ``GoldFormatError`` naming the file and line for a line that is not a JSON object;
    a record without ``text``; an event type or mode that PLOVER does not have (2016 type
    names are read as their 2024 type); actors or recipients that are not a list of objects
    with an ``actorText`` and a 3-letter code or none (see :func:`gold_entities`); and for a
    file with no record.
    """
    gold: list[GoldEvent] = []
    for where, record in json_lines(path):
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: no text")
        kind, mode = _gold_type(record.get("event"), record.get("mode"), where)
        gold.append(
            GoldEvent(
                id=str(record.get("id") or line_of(where)),
                text=text,
                type=kind,
                mode=mode,
                actors=_codes(c for _, c in gold_entities(record.get("actor"), "actor", where)),
                recipients=_codes(
                    c for _, c in gold_entities(record.get("recipient"), "recipient", where)
                ),
            )
        )
    return gold


def predictions_from_events(events: Sequence[Event]) -> list[Prediction]:
    """communique events as predictions, in order; the codes are the participants' countries."""
    return [
        Prediction(
            type=event.type,
            mode=event.mode,
            actors=_codes(p.country for p in event.actors),
            recipients=_codes(p.country for p in event.recipients),
        )
        for event in events
    ]


# --- scores -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall and F1 of one label; ``support`` is its number of gold items."""

    precision: float
    recall: float
    f1: float
    support: int
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def as_json(self) -> dict[str, float | int]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "support": self.support,
        }


def per_label(
    gold: Sequence[L], predicted: Sequence[L | None], labels: Iterable[L]
) -> dict[L, ClassScore]:
    """Single-label classification scores for each of ``labels`` (None: nothing predicted)."""
    scores: dict[L, ClassScore] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
        scores[label] = ClassScore(
            precision, recall, f1(precision, recall), tp + fn, tp=tp, fp=fp, fn=fn
        )
    return scores


@dataclass(frozen=True)
class PloverScore:
    """Event type, participant and mode figures over a gold file; see the module docstring.

    Each ``n_*`` count is the denominator of the figure of that name: ``n_actor`` sentences
    scored for actors, ``n_recipient`` for recipients, ``n_swap`` for swaps, ``n_mode`` for
    modes. Figures with nothing to score are 0.0.
    """

    macro_f1: float
    accuracy: float
    actor_accuracy: float
    recipient_accuracy: float
    swap_rate: float
    mode_accuracy: float
    per_type: dict[str, ClassScore] = field(default_factory=dict)
    n_gold: int = 0
    n_predicted: int = 0
    n_correct: int = 0
    n_actor: int = 0
    n_recipient: int = 0
    n_swap: int = 0
    n_mode: int = 0

    def as_json(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict, per-type scores by type."""
        return {
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "actor_accuracy": self.actor_accuracy,
            "recipient_accuracy": self.recipient_accuracy,
            "swap_rate": self.swap_rate,
            "per_type": {kind: s.as_json() for kind, s in self.per_type.items()},
            "mode_accuracy": self.mode_accuracy,
            "n_gold": self.n_gold,
            "n_predicted": self.n_predicted,
        }


def primary(gold_type: str, predictions: Sequence[Prediction]) -> Prediction | None:
    """The first prediction of the gold type, else the first prediction, else None."""
    for prediction in predictions:
        if _type(prediction.type) == gold_type:
            return prediction
    return predictions[0] if predictions else None


def _meets(first: Iterable[str], second: Iterable[str]) -> bool:
    return bool(set(_codes(first)) & set(_codes(second)))


def _normal_gold(g: GoldEvent) -> GoldEvent:
    """A gold event with its type, mode and codes normalised (as read_gold gives them)."""
    return GoldEvent(
        g.id, g.text, _type(g.type), _mode(g.mode), _codes(g.actors), _codes(g.recipients)
    )


def score(gold: Sequence[GoldEvent], predicted: Sequence[Sequence[Prediction]]) -> PloverScore:
    """Score the predictions for each gold sentence (the two sequences run in parallel).

    ``macro_f1`` is the mean of the per-type F1 over the types present in the gold only.
    Raises ``ValueError`` when the two sequences differ in length.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} prediction lists for {len(gold)} gold sentences")
    gold = [_normal_gold(g) for g in gold]
    chosen = [primary(g.type, list(p)) for g, p in zip(gold, predicted, strict=True)]
    truth = [g.type for g in gold]
    guesses = [_type(p.type) if p else None for p in chosen]
    gold_types = sorted(set(truth))
    per_type = per_label(truth, guesses, sorted(set(truth) | {g for g in guesses if g}))
    correct = actor = n_actor = recipient = n_recipient = swap = n_swap = mode = n_mode = 0
    for g, p in zip(gold, chosen, strict=True):
        if p is None or _type(p.type) != g.type:
            continue
        correct += 1
        if g.actors:
            n_actor += 1
            actor += _meets(g.actors, p.actors)
        if g.recipients:
            n_recipient += 1
            recipient += _meets(g.recipients, p.recipients)
        if g.actors and g.recipients and set(g.actors) != set(g.recipients):
            n_swap += 1
            right = _meets(g.actors, p.actors) and _meets(g.recipients, p.recipients)
            crossed = _meets(g.recipients, p.actors) and _meets(g.actors, p.recipients)
            swap += crossed and not right
        if g.mode:
            n_mode += 1
            mode += _mode(p.mode) == g.mode
    return PloverScore(
        macro_f1=ratio(sum(per_type[t].f1 for t in gold_types), len(gold_types)),
        accuracy=ratio(correct, len(gold)),
        actor_accuracy=ratio(actor, n_actor),
        recipient_accuracy=ratio(recipient, n_recipient),
        swap_rate=ratio(swap, n_swap),
        mode_accuracy=ratio(mode, n_mode),
        per_type=per_type,
        n_gold=len(gold),
        n_predicted=sum(1 for p in predicted if p),
        n_correct=correct,
        n_actor=n_actor,
        n_recipient=n_recipient,
        n_swap=n_swap,
        n_mode=n_mode,
    )


def predict_all(
    texts: Sequence[str],
    predictor: Callable[[list[str]], list[Any]],
    batch_size: int = 32,
    advance: Callable[[int], None] = lambda n: None,
) -> list[Any]:
    """Run a batch predictor over ``texts``, ``batch_size`` at a time; one result per text.

    ``advance`` is told how many texts each batch held (``Meter.advance`` fits). Raises
    ``ValueError`` when the predictor returns the wrong number of results for a batch.
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {batch_size}")
    results: list[Any] = []
    for start in range(0, len(texts), batch_size):
        batch = list(texts[start : start + batch_size])
        found = list(predictor(batch))
        if len(found) != len(batch):
            raise ValueError(f"the predictor gave {len(found)} results for {len(batch)} texts")
        results.extend(found)
        advance(len(batch))
    return results


def evaluate(
    path: Path,
    predictor: Predictor,
    batch_size: int = 32,
    advance: Callable[[int], None] = lambda n: None,
) -> PloverScore:
    """Score ``predictor`` on every sentence of a PLOVER gold file, in batches."""
    gold = read_gold(path)
    predicted = predict_all([g.text for g in gold], predictor, batch_size, advance)
    return score(gold, [list(p) for p in predicted])


def count_records(path: Path) -> int:
    """The number of records (non-blank lines) of a gold file, for a progress meter."""
    with open(path, encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())


# --- printing ---------------------------------------------------------------------------------


def format_table(result: PloverScore) -> str:
    """Per-type rows then the summary lines, as plain fixed-width text for the CLI."""
    lines = [f"{'type':12}{'precision':>11}{'recall':>9}{'f1':>9}{'support':>9}"]
    for kind, s in result.per_type.items():
        lines.append(f"{kind:12}{s.precision:>11.4f}{s.recall:>9.4f}{s.f1:>9.4f}{s.support:>9}")
    lines += [
        "",
        f"macro f1            {result.macro_f1:.4f}  (over the {_gold_types(result)} gold types)",
        f"accuracy            {result.accuracy:.4f}  ({result.n_correct} of {result.n_gold}"
        f" sentences; {result.n_predicted} with a prediction)",
        f"actor accuracy      {result.actor_accuracy:.4f}  ({result.n_actor})",
        f"recipient accuracy  {result.recipient_accuracy:.4f}  ({result.n_recipient})",
        f"swap rate           {result.swap_rate:.4f}  ({result.n_swap})",
        f"mode accuracy       {result.mode_accuracy:.4f}  ({result.n_mode})",
    ]
    return "\n".join(lines)


def _gold_types(result: PloverScore) -> int:
    return sum(1 for s in result.per_type.values() if s.support)
