"""PLOVER events scored against gold records with coded sides (``plover_gsr``) or with the sides
marked as spans of the sentence only (``plv``).

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

**Sides with no code.** A record may give its sides as text only (``[{"actorText": ...}]``,
as the PLV records do). Where the side is in the sentence is taken from ``marked`` when the
record has it (the sentence with the actor in ``<s>…</s>`` and the recipient in ``<t>…</t>``;
the PLV records tag every place the side's text occurs, and every tagged span is a place of
the side; a side with no tag is absent, its ``actorText`` a placeholder such as "An actor"),
else from every place its ``actorText`` occurs in ``text``. Each gold side is scored by codes
when one of its entities has a code, else by its span (see :func:`head_words`).

**YIELD.** PLOVER 2018's YIELD is what PLOVER 2024 splits into CONCEDE and RETREAT. A file
whose gold uses YIELD is scored in that label set: every predicted CONCEDE or RETREAT is read as
YIELD, wherever it is predicted (so a CONCEDE predicted for a gold REJECT counts against
YIELD's precision). The folding is reported with the figures. A file that mixes YIELD with
CONCEDE or RETREAT has no faithful label set and is refused.

A predictor takes a batch of sentences and returns, for each, the events it finds as
:class:`Prediction` records. For each sentence the *primary* prediction is the first predicted
event of the gold type, else the first predicted event, else none. Measures:

- per type precision, recall and F1, treating each sentence as one single-label
  classification (the gold type against the primary type, "none" when nothing is predicted);
  ``confusion`` counts the sentences of each (gold type, primary type or "none") pair;
- ``macro_f1``: the mean F1 over the event types present in the gold (types only predicted
  are listed in ``per_type`` with support 0 but are left out of the mean);
- ``accuracy``: the share of sentences whose primary type is the gold type; ``no_event_rate``
  the share for which nothing at all was predicted;
- on sentences with the right type: ``actor_accuracy`` (over those whose gold event has an
  actor: the side is right, see below), the same for ``recipient_accuracy``,
  ``sides_accuracy`` (over those with at least one gold side: every gold side is right),
  ``mode_accuracy`` (over those with a gold mode) and ``swap_rate`` (over those whose gold
  actor and recipient are both present and differ: the share whose predicted actors match the
  gold recipients and predicted recipients the gold actors, while the right way round does
  not match);
- ``full_accuracy``: the share of all sentences whose primary type is right and every gold
  side right.

**Reciprocal records.** communique records a reciprocal act ("Jordan and Britain agreed to hold
exercises", talks, fighting between two forces) as one event with both sides as actors and no
recipient, where a gold file may put one side as actor and the other as recipient. Such a
record is read as the gold pair: both gold sides are right when each is met by a different
actor of a record with no recipient (``n_reciprocal`` counts the sentences so read).

A side scored by codes is right when the predicted codes share a code with the gold ones. A
side scored by span is right when one of the predicted mentions overlaps (by character
offsets) a head word of the gold span, where the heads are found by rule
(:func:`head_words`): the head of an English noun phrase is its last word before the first
post-modifier (a preposition, a relative pronoun, a participle with its complement, a comma or
a bracket), and a coordination or an apposition has one head per member. This is the head
match of the ACE mention scoring: "Teachers" is right for "Teachers from Denver Public Schools"
and "Zarif" for "Iranian Foreign Minister Mohammad Javad Zarif", while "Zimbabwe" is wrong for
"a spate of human rights violations in Zimbabwe" and "France" for "the leaders of France,
Germany and Britain" (a mere overlap of words would take both).
"""

from __future__ import annotations

import re
from collections import Counter
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

YIELD = "YIELD"
"""PLOVER 2018's type for what PLOVER 2024 splits into CONCEDE and RETREAT."""
YIELD_SPLIT = ("CONCEDE", "RETREAT")
NO_EVENT = "none"
"""The predicted label of a sentence for which nothing was predicted (in ``confusion``)."""

L = TypeVar("L", bound=Hashable)
Span = tuple[int, int]
_CODE = re.compile(r"[A-Za-z]{3}")
_TAG = re.compile(r"</?([st])>")


@dataclass(frozen=True)
class GoldEvent:
    """One gold sentence and its event; codes are normalised (see :func:`normalise_code`).

    ``actor_spans`` and ``recipient_spans`` are the character offsets of the sides in
    ``text``, where the record says (they are used for a side with no code).
    """

    id: str
    text: str
    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    actor_spans: tuple[Span, ...] = ()
    recipient_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Prediction:
    """One predicted event: its type, mode and the codes and spans of its actors and
    recipients (character offsets into the sentence)."""

    type: str
    mode: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    actor_spans: tuple[Span, ...] = ()
    recipient_spans: tuple[Span, ...] = ()


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
    PLOVER 2018's YIELD is kept as YIELD (see the module docstring), with a mode of CONCEDE or
    RETREAT if any.
    """
    if not isinstance(kind, str) or not kind.strip():
        raise GoldFormatError(f"{where}: no event type")
    split: tuple[str, ...] = YIELD_SPLIT  # the 2024 types whose modes the record may have
    if _type(kind) == YIELD:
        plover_type = YIELD
    else:
        try:
            plover_type = ontology.normalize_type(kind)
        except KeyError:
            raise GoldFormatError(
                f"{where}: event type {kind!r} is not a PLOVER type "
                f"({', '.join(ontology.TYPES)}, or {YIELD} of PLOVER 2018)"
            ) from None
        split = (plover_type,)
    if mode is not None and not isinstance(mode, str):
        raise GoldFormatError(f"{where}: mode {shorten(mode)} is not a string")
    name = _mode(mode) or ontology.LEGACY_TYPES.get(_type(kind), (plover_type, None))[1]
    known = {row.mode for t in split for row in ontology.modes(t, include_legacy=True)}
    if name is not None and name not in known:
        raise GoldFormatError(f"{where}: mode {mode!r} is not a PLOVER mode of {plover_type}")
    return plover_type, name


def marked_spans(marked: str, text: str, where: str) -> dict[str, tuple[Span, ...]]:
    """The offsets in ``text`` of the ``<s>…</s>`` (key "s") and ``<t>…</t>`` ("t") spans of
    a ``marked`` sentence, each stripped of surrounding white space.

    Raises ``GoldFormatError`` naming ``where`` when the tags do not pair up or the sentence
    without its tags is not ``text``.
    """
    plain: list[str] = []
    length = position = 0
    opened: dict[str, int] = {}
    spans: dict[str, list[Span]] = {"s": [], "t": []}
    for tag in _TAG.finditer(marked):
        piece = marked[position : tag.start()]
        plain.append(piece)
        length += len(piece)
        position = tag.end()
        name = tag.group(1)
        if not tag.group().startswith("</"):
            if name in opened:
                raise GoldFormatError(f"{where}: 'marked' opens <{name}> twice")
            opened[name] = length
        elif name not in opened:
            raise GoldFormatError(f"{where}: 'marked' closes </{name}> it did not open")
        else:
            start = opened.pop(name)
            spans[name].append(_strip(text, start, length))
    plain.append(marked[position:])
    if opened:
        raise GoldFormatError(f"{where}: 'marked' leaves <{next(iter(opened))}> open")
    if "".join(plain) != text:
        raise GoldFormatError(f"{where}: 'marked' without its tags is not the text")
    return {name: tuple(found) for name, found in spans.items()}


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _side_spans(
    record: dict[str, Any],
    entities: list[tuple[str, str | None]],
    tag: str,
    marked: dict[str, tuple[Span, ...]] | None,
    where: str,
) -> tuple[Span, ...]:
    """Where a gold side is in the sentence: its ``marked`` tags, else every place where the
    text of one of its entities occurs.

    A side with no code whose texts are not in the sentence (and no ``marked``) is refused: it
    could not be scored.
    """
    if marked is not None:
        return marked[tag]
    text: str = record["text"]
    spans: list[Span] = []
    for actor_text, _ in entities:
        needle = actor_text.strip()
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if entities and not spans and not any(code for _, code in entities):
        raise GoldFormatError(
            f"{where}: {entities[0][0]!r} has no code and is not in the text: its side cannot be "
            "scored"
        )
    return tuple(sorted(set(spans)))


def read_gold(path: Path, limit: int | None = None) -> list[GoldEvent]:
    """Every record of a PLOVER gold file (the first ``limit`` when given), in order; blank
    lines are skipped.

    Raises ``GoldFormatError`` naming the file and line for a line that is not a JSON object;
    a record without ``text``; an event type or mode that PLOVER does not have (2016 type
    names are read as their 2024 type, 2018's YIELD is kept); actors or recipients that are
    not a list of objects with an ``actorText`` and a 3-letter code or none (see
    :func:`gold_entities`); a ``marked`` sentence that does not match ``text``; an uncoded
    side that is not in the sentence; for a file that mixes YIELD with CONCEDE or RETREAT; and
    for a file with no record.
    """
    gold: list[GoldEvent] = []
    first_of: dict[str, str] = {}
    for where, record in json_lines(path)[:limit]:
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: no text")
        kind, mode = _gold_type(record.get("event"), record.get("mode"), where)
        first_of.setdefault(kind, where)
        marked = record.get("marked")
        if marked is not None and not isinstance(marked, str):
            raise GoldFormatError(f"{where}: 'marked' {shorten(marked)} is not a string")
        tags = marked_spans(marked, text, where) if marked else None
        actors = gold_entities(record.get("actor"), "actor", where)
        recipients = gold_entities(record.get("recipient"), "recipient", where)
        gold.append(
            GoldEvent(
                id=str(record.get("id") or line_of(where)),
                text=text,
                type=kind,
                mode=mode,
                actors=_codes(c for _, c in actors),
                recipients=_codes(c for _, c in recipients),
                actor_spans=_side_spans(record, actors, "s", tags, where),
                recipient_spans=_side_spans(record, recipients, "t", tags, where),
            )
        )
    mixed = [first_of[kind] for kind in YIELD_SPLIT if kind in first_of]
    if YIELD in first_of and mixed:
        raise GoldFormatError(
            f"{mixed[0]}: a file with {YIELD} (PLOVER 2018, {first_of[YIELD]}) cannot also have "
            f"{' or '.join(YIELD_SPLIT)} (PLOVER 2024)"
        )
    return gold


def predictions_from_events(events: Sequence[Event]) -> list[Prediction]:
    """communique events as predictions, in order; the codes are the participants' countries,
    the spans their offsets."""
    return [
        Prediction(
            type=event.type,
            mode=event.mode,
            actors=_codes(p.country for p in event.actors),
            recipients=_codes(p.country for p in event.recipients),
            actor_spans=tuple((p.start, p.end) for p in event.actors),
            recipient_spans=tuple((p.start, p.end) for p in event.recipients),
        )
        for event in events
    ]


# --- the heads of a gold span -----------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A word (with inner hyphens, dots, slashes or ampersands: "al-Sisi", "U.S", "AT&T"), a number
# with inner commas or dots ("3,000"), a possessive 's, or one other non-space character.
_TOKEN = re.compile(r"\d+(?:[,.]\d+)+|[^\W_]+(?:[-.&/][^\W_]+)*|['’]s\b|[^\w\s]")
Token = tuple[int, int, str]
# Words that start a post-modifier of a noun phrase: everything from them on is not the head.
_PREPOSITIONS = _words(
    "of in at on for from to with by near during under over against into about after before "
    "between among across within without including like since inside outside via amid "
    "toward towards throughout upon per following behind beyond along alongside versus vs "
    "whose who whom which that where when"
)
_POST_WORDS = _words("loyal close responsible opposed allied such elsewhere today yesterday")
# Past participles that do not end in -ed; any of them, or a word in -ed, followed by a
# preposition or particle starts a reduced relative clause ("every offer made by the Taliban").
_PARTICIPLES = _words(
    "made held led laid known set sent run built taken given brought found kept paid won shot "
    "seen told left caught struck hit put spent done drawn written thrown stolen"
)
_PARTICLES = _PREPOSITIONS | _words("out up down off back away forward as")
# What may follow a verb in -ing that takes an object ("the coalition fighting Houthi rebels");
# before a preposition it is taken for a noun ("a government building in Kabul").
_OBJECT_STARTS = _words("the a an its their his her our some dozens hundreds thousands more")
# Titles and role nouns that come before a name: "Secretary of State Mike Pompeo", "the British
# Prime Minister Theresa May", "his British counterpart Gordon Brown" have two heads each.
_TITLES = _words(
    "secretary minister ambassador president chairman chairwoman chair governor director head "
    "leader chief commander spokesman spokeswoman spokesperson speaker mayor envoy king queen "
    "prince princess general prosecutor representative judge senator deputy premier chancellor "
    "attorney adviser advisor commissioner member counterpart rival"
)
# Lower-case words inside a name: "al Shabaab", "Osama bin Laden", "Ruud van Nistelrooy".
_NAME_PARTICLES = _words("al el bin ibn de del der van von la le da di du dos")
# Nouns that classify the name before them: in "the Islamic State group" "State" is a head too.
_CLASSIFIERS = _words(
    "group movement militia organisation organization network faction party regime "
    "administration government coalition alliance"
)
_CONJUNCTIONS = _words("and or & nor plus")
_DETERMINERS = _words("the a an this that these those its his her their our my your")
_NOT_NOUNS = _DETERMINERS | _PREPOSITIONS | _CONJUNCTIONS
_SEPARATORS = frozenset({",", ";"})
_BREAKS = frozenset({"(", "[", "-", "–", "—", ":", '"', "“", "”", "|", "/"})
# Quantity and collective words whose "of" phrase holds the head ("dozens of students", "one of
# the critics", "a group of hackers").
_QUANTIFIERS = _DETERMINERS | _words(
    "dozens hundreds thousands millions scores tens some many most all none each both any few "
    "several one two three four five six seven eight nine ten half part majority rest number "
    "around about nearly almost over more than at least group handful couple batch band crowd"
)


def _tokens(text: str, start: int, end: int) -> list[Token]:
    return [
        (m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])
    ]


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token) and token.lower() not in ("'s", "’s")


def _is_title(word: str) -> bool:
    lower = word.lower()
    return lower in _TITLES or (lower.endswith("s") and lower[:-1] in _TITLES)


def _is_name(word: str) -> bool:
    return any(c.isupper() for c in word) or word in _NAME_PARTICLES


def _is_proper(word: str) -> bool:
    """A capitalised word that is not a compound like "Saudi-led"."""
    return word[:1].isupper() and not re.search(r"-[a-z]", word)


def _starts_modifier(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` (not the first) starts a post-modifier of what comes before it."""
    word = tokens[j][2]
    lower = word.lower()
    following = tokens[j + 1][2] if j + 1 < len(tokens) else ""
    if word in _BREAKS or lower in _POST_WORDS:
        return True
    if lower in _PREPOSITIONS:
        # "dozens of students": the quantity is not the head
        return not (
            lower == "of"
            and all(t[2].lower() in _QUANTIFIERS or t[2][0].isdigit() for t in tokens[:j])
        )
    if not word.islower():
        return False
    if lower in _PARTICIPLES or (lower.endswith("ed") and len(lower) > 3):
        return following.lower() in _PARTICLES
    if lower.endswith("ing") and len(lower) > 5 and tokens[j - 1][2].lower() not in _QUANTIFIERS:
        return following.lower() in _OBJECT_STARTS | _PARTICLES - _PREPOSITIONS or (
            following[:1].isupper() or following[:1].isdigit()
        )
    return False


def _conjunct_heads(words: list[Token]) -> list[Span]:
    """The heads of one conjunct (its words before any post-modifier): its last word, with the
    title or role noun before a name that ends it, the name before a classifying noun that
    ends it, and the word before a number that ends it ("Resolution 4005")."""
    heads = [words[-1][:2]]
    last = words[-1][2]
    if len(words) > 1 and last[0].isdigit():
        heads.append(words[-2][:2])
    elif len(words) > 1 and last.lower() in _CLASSIFIERS and _is_proper(words[-2][2]):
        heads.append(words[-2][:2])  # "the Islamic State group"
    elif _is_name(last) and not _is_title(last):
        i = len(words) - 1
        while i >= 0 and _is_name(words[i][2]) and not _is_title(words[i][2]):
            i -= 1
        before = words[i][2] if i >= 0 else ""
        common = before.isalpha() and before.islower() and before not in _NOT_NOUNS
        if _is_title(before) or common:
            heads.append(words[i][:2])  # "the Palestinian leader Yasir Arafat"
    return heads


def head_words(text: str, start: int, end: int) -> tuple[Span, ...]:
    """The offsets of the head words of the noun phrase ``text[start:end]``, by rule.

    The phrase is cut into members at top-level commas and semicolons (a list or an
    apposition), and each member into conjuncts at "and", "or", "&". The head of a conjunct is
    its last word before the first post-modifier: a preposition (but the "of" after a quantity
    or collective: "dozens of students", "a group of hackers"), a relative pronoun, a
    participle followed by a preposition or particle ("every offer made by the Taliban"), a
    verb in -ing followed by its object ("the coalition fighting Houthi rebels"), "loyal" and
    the like, a bracket or a dash. A possessive "'s" is never a head and neither is the
    possessor. A name after a title or role noun makes both heads ("the Palestinian leader
    Yasir Arafat", "Secretary of State Mike Pompeo"), as does a name before a classifying noun
    ("the Islamic State group"). A member that starts with a preposition ("…, including 29 in
    Nigeria"), and every member after one with a post-modifier ("the leaders of France,
    Germany and Britain"), belong to that modifier and give no head. When no head is found,
    every word is one.
    """
    tokens = _tokens(text, start, end)
    members: list[list[Token]] = [[]]
    depth = 0
    for token in tokens:
        if token[2] in ("(", "["):
            depth += 1
        elif token[2] in (")", "]"):
            depth = max(depth - 1, 0)
        if token[2] in _SEPARATORS and depth == 0:
            members.append([])
        else:
            members[-1].append(token)
    heads: list[Span] = []
    for number, member in enumerate(m for m in members if m):
        if number and member[0][2].lower() in _PREPOSITIONS:
            break
        cut = next((j for j in range(1, len(member)) if _starts_modifier(member, j)), None)
        words = [t for t in member if _is_word(t[2])]
        title = member[cut - 1][2] if cut is not None else ""
        if title[:1].isupper() and _is_title(title) and words and _is_name(words[-1][2]):
            heads.append(words[-1][:2])  # "Secretary of State Mike Pompeo"
        conjunct: list[Token] = []
        for token in [*member[:cut], (0, 0, "and")]:
            if token[2].lower() in _CONJUNCTIONS:
                if words := [t for t in conjunct if _is_word(t[2])]:
                    heads.extend(_conjunct_heads(words))
                conjunct = []
            else:
                conjunct.append(token)
        if cut is not None:
            break
    return tuple(dict.fromkeys(heads)) or tuple(t[:2] for t in tokens if _is_word(t[2]))


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
class Outcome:
    """How one gold sentence was scored: the primary type (None: nothing predicted, as the
    type is read in the gold's label set) and, when the type is right, whether each gold side
    is right (None: no such gold side) and whether the sides were swapped."""

    id: str
    gold: str
    predicted: str | None
    actor: bool | None = None
    recipient: bool | None = None
    swapped: bool = False


@dataclass(frozen=True)
class PloverScore:
    """Event type, participant and mode figures over a gold file; see the module docstring.

    Each ``n_*`` count is the denominator of the figure of that name: ``n_actor`` sentences
    scored for actors, ``n_recipient`` for recipients, ``n_sides`` for both, ``n_swap`` for
    swaps, ``n_mode`` for modes. Figures with nothing to score are 0.0. ``side_codes`` and
    ``side_spans`` count the gold sides scored by codes and by span; ``folded`` maps the
    predicted types read as another (CONCEDE and RETREAT as YIELD); ``outcomes`` has one
    :class:`Outcome` a sentence, in order.
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
    sides_accuracy: float = 0.0
    full_accuracy: float = 0.0
    n_sides: int = 0
    n_reciprocal: int = 0
    side_codes: int = 0
    side_spans: int = 0
    folded: dict[str, str] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    outcomes: tuple[Outcome, ...] = ()

    @property
    def no_event_rate(self) -> float:
        """The share of sentences for which nothing at all was predicted."""
        return ratio(self.n_gold - self.n_predicted, self.n_gold)

    @property
    def side_scoring(self) -> str:
        """How the gold sides were scored: "codes", "spans", "codes and spans" or "none"."""
        kinds = [kind for kind, n in (("codes", self.side_codes), ("spans", self.side_spans)) if n]
        return " and ".join(kinds) or "none"

    def as_json(self) -> dict[str, Any]:
        """The figures as a JSON-ready dict, per-type scores by type."""
        return {
            "macro_f1": self.macro_f1,
            "accuracy": self.accuracy,
            "actor_accuracy": self.actor_accuracy,
            "recipient_accuracy": self.recipient_accuracy,
            "sides_accuracy": self.sides_accuracy,
            "full_accuracy": self.full_accuracy,
            "swap_rate": self.swap_rate,
            "per_type": {kind: s.as_json() for kind, s in self.per_type.items()},
            "mode_accuracy": self.mode_accuracy,
            "no_event_rate": self.no_event_rate,
            "n_gold": self.n_gold,
            "n_predicted": self.n_predicted,
            "n_correct": self.n_correct,
            "n_actor": self.n_actor,
            "n_recipient": self.n_recipient,
            "n_sides": self.n_sides,
            "n_reciprocal": self.n_reciprocal,
            "n_swap": self.n_swap,
            "n_mode": self.n_mode,
            "side_scoring": {
                "by": self.side_scoring,
                "codes": self.side_codes,
                "spans": self.side_spans,
                "span_rule": SPAN_RULE if self.side_spans else None,
            },
            "folded": dict(self.folded),
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
        }


SPAN_RULE = "a predicted mention overlaps a head word of the gold span"
"""How a side with no code is scored, in a line (see :func:`head_words`)."""


def folding(gold_types: Iterable[str]) -> dict[str, str]:
    """The predicted types to read as another for gold in these types: CONCEDE and RETREAT as
    YIELD when the gold has YIELD, else none. Raises ``ValueError`` for gold that mixes YIELD
    with CONCEDE or RETREAT."""
    kinds = set(gold_types)
    if YIELD not in kinds:
        return {}
    if kinds & set(YIELD_SPLIT):
        raise ValueError(f"gold with {YIELD} cannot also have {' or '.join(YIELD_SPLIT)}")
    return dict.fromkeys(YIELD_SPLIT, YIELD)


def primary(
    gold_type: str, predictions: Sequence[Prediction], folded: dict[str, str] | None = None
) -> Prediction | None:
    """The first prediction of the gold type (read through ``folded``), else the first
    prediction, else None."""
    for prediction in predictions:
        if _folded(prediction.type, folded or {}) == gold_type:
            return prediction
    return predictions[0] if predictions else None


def _folded(kind: str, folded: dict[str, str]) -> str:
    return folded.get(_type(kind), _type(kind))


def _meets(first: Iterable[str], second: Iterable[str]) -> bool:
    return bool(set(_codes(first)) & set(_codes(second)))


def _overlaps(mentions: Iterable[Span], heads: Iterable[Span]) -> bool:
    return any(s < he and hs < e for s, e in mentions for hs, he in heads)


def _normal_gold(g: GoldEvent) -> GoldEvent:
    """A gold event with its type, mode and codes normalised (as read_gold gives them)."""
    return GoldEvent(
        g.id,
        g.text,
        _type(g.type),
        _mode(g.mode),
        _codes(g.actors),
        _codes(g.recipients),
        g.actor_spans,
        g.recipient_spans,
    )


@dataclass(frozen=True)
class _Side:
    """One gold side as it is scored: by ``codes``, else by ``heads`` (offsets), else not."""

    codes: tuple[str, ...]
    heads: tuple[Span, ...]

    @classmethod
    def of(cls, text: str, codes: tuple[str, ...], spans: tuple[Span, ...]) -> _Side:
        if codes:
            return cls(codes, ())
        return cls((), tuple(h for s, e in spans for h in head_words(text, s, e)))

    def __bool__(self) -> bool:
        return bool(self.codes or self.heads)

    def met_by(self, codes: tuple[str, ...], spans: tuple[Span, ...]) -> bool:
        return _meets(self.codes, codes) if self.codes else _overlaps(spans, self.heads)

    def differs(self, other: _Side) -> bool:
        if self.codes and other.codes:
            return set(self.codes) != set(other.codes)
        return set(self.heads) != set(other.heads) or bool(self.codes or other.codes)


def _reciprocal(actor: _Side, recipient: _Side, p: Prediction) -> bool:
    """Whether a record with no recipient and several actors has the gold actor and the gold
    recipient each among its actors, as different mentions (a reciprocal record)."""
    if not actor or not recipient or p.recipients or p.recipient_spans:
        return False
    if actor.codes and recipient.codes:
        mine = set(_codes(p.actors))
        first, second = mine & set(actor.codes), mine & set(recipient.codes)
        return bool(first and second) and len(first | second) >= 2
    spans = list(p.actor_spans)
    by_actor = (
        {i for i, span in enumerate(spans) if actor.met_by((), (span,))}
        if not actor.codes
        else set()
    )
    by_recipient = (
        {i for i, span in enumerate(spans) if recipient.met_by((), (span,))}
        if not recipient.codes
        else set()
    )
    return any(i != j for i in by_actor for j in by_recipient)


def score(gold: Sequence[GoldEvent], predicted: Sequence[Sequence[Prediction]]) -> PloverScore:
    """Score the predictions for each gold sentence (the two sequences run in parallel).

    ``macro_f1`` is the mean of the per-type F1 over the types present in the gold only.
    Raises ``ValueError`` when the two sequences differ in length, or the gold mixes YIELD
    with CONCEDE or RETREAT.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} prediction lists for {len(gold)} gold sentences")
    gold = [_normal_gold(g) for g in gold]
    folded = folding(g.type for g in gold)
    chosen = [primary(g.type, list(p), folded) for g, p in zip(gold, predicted, strict=True)]
    truth = [g.type for g in gold]
    guesses = [_folded(p.type, folded) if p else None for p in chosen]
    gold_types = sorted(set(truth))
    per_type = per_label(truth, guesses, sorted(set(truth) | {g for g in guesses if g}))
    confusion: dict[str, Counter[str]] = {kind: Counter() for kind in gold_types}
    for kind, guess in zip(truth, guesses, strict=True):
        confusion[kind][guess or NO_EVENT] += 1
    counts: Counter[str] = Counter()
    outcomes: list[Outcome] = []
    for g, p, guess in zip(gold, chosen, guesses, strict=True):
        actor = _Side.of(g.text, g.actors, g.actor_spans)
        recipient = _Side.of(g.text, g.recipients, g.recipient_spans)
        counts["codes"] += bool(actor.codes) + bool(recipient.codes)
        counts["spans"] += bool(actor.heads) + bool(recipient.heads)
        if p is None or guess != g.type:
            outcomes.append(Outcome(g.id, g.type, guess))
            continue
        counts["correct"] += 1
        actor_right = actor.met_by(p.actors, p.actor_spans) if actor else None
        recipient_right = recipient.met_by(p.recipients, p.recipient_spans) if recipient else None
        if recipient_right is False and _reciprocal(actor, recipient, p):
            actor_right = recipient_right = True
            counts["reciprocal"] += 1
        swapped = False
        for name, right in (("actor", actor_right), ("recipient", recipient_right)):
            if right is not None:
                counts[f"n_{name}"] += 1
                counts[name] += right
        if actor or recipient:
            counts["n_sides"] += 1
            counts["sides"] += actor_right is not False and recipient_right is not False
        counts["full"] += actor_right is not False and recipient_right is not False
        if actor and recipient and actor.differs(recipient):
            counts["n_swap"] += 1
            crossed = recipient.met_by(p.actors, p.actor_spans) and actor.met_by(
                p.recipients, p.recipient_spans
            )
            swapped = crossed and not (actor_right and recipient_right)
            counts["swap"] += swapped
        if g.mode:
            counts["n_mode"] += 1
            counts["mode"] += _mode(p.mode) == g.mode
        outcomes.append(Outcome(g.id, g.type, guess, actor_right, recipient_right, swapped))
    return PloverScore(
        macro_f1=ratio(sum(per_type[t].f1 for t in gold_types), len(gold_types)),
        accuracy=ratio(counts["correct"], len(gold)),
        actor_accuracy=ratio(counts["actor"], counts["n_actor"]),
        recipient_accuracy=ratio(counts["recipient"], counts["n_recipient"]),
        swap_rate=ratio(counts["swap"], counts["n_swap"]),
        mode_accuracy=ratio(counts["mode"], counts["n_mode"]),
        per_type=per_type,
        n_gold=len(gold),
        n_predicted=sum(1 for p in predicted if p),
        n_correct=counts["correct"],
        n_actor=counts["n_actor"],
        n_recipient=counts["n_recipient"],
        n_swap=counts["n_swap"],
        n_reciprocal=counts["reciprocal"],
        n_mode=counts["n_mode"],
        sides_accuracy=ratio(counts["sides"], counts["n_sides"]),
        full_accuracy=ratio(counts["full"], len(gold)),
        n_sides=counts["n_sides"],
        side_codes=counts["codes"],
        side_spans=counts["spans"],
        folded=folded,
        confusion={kind: dict(row.most_common()) for kind, row in confusion.items()},
        outcomes=tuple(outcomes),
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
    limit: int | None = None,
) -> PloverScore:
    """Score ``predictor`` on every sentence of a PLOVER gold file (the first ``limit`` when
    given), in batches."""
    gold = read_gold(path, limit)
    predicted = predict_all([g.text for g in gold], predictor, batch_size, advance)
    return score(gold, [list(p) for p in predicted])


def count_records(path: Path) -> int:
    """The number of records (non-blank lines) of a gold file, for a progress meter."""
    with open(path, encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())


# --- printing ---------------------------------------------------------------------------------


def format_table(result: PloverScore, confusions: int = 10) -> str:
    """Per-type rows, the summary lines and the ``confusions`` most frequent confusions, as
    plain fixed-width text for the CLI."""
    lines = [f"{'type':12}{'precision':>11}{'recall':>9}{'f1':>9}{'support':>9}"]
    for kind, s in result.per_type.items():
        lines.append(f"{kind:12}{s.precision:>11.4f}{s.recall:>9.4f}{s.f1:>9.4f}{s.support:>9}")
    lines += [
        "",
        f"macro f1            {result.macro_f1:.4f}  (over the {_gold_types(result)} gold types)",
        f"accuracy            {result.accuracy:.4f}  ({result.n_correct} of {result.n_gold}"
        f" sentences; {result.n_predicted} with a prediction)",
        f"no event            {result.no_event_rate:.4f}  ({result.n_gold - result.n_predicted}"
        " sentences with no event predicted)",
        f"actor accuracy      {result.actor_accuracy:.4f}  ({result.n_actor})",
        f"recipient accuracy  {result.recipient_accuracy:.4f}  ({result.n_recipient})",
        f"sides right         {result.sides_accuracy:.4f}  ({result.n_sides}; every gold side"
        " right)",
        f"type and sides      {result.full_accuracy:.4f}  (of all {result.n_gold} sentences)",
        f"reciprocal read     {result.n_reciprocal}  (gold actor and recipient both actors of"
        " a record with no recipient)",
        f"swap rate           {result.swap_rate:.4f}  ({result.n_swap})",
        f"mode accuracy       {result.mode_accuracy:.4f}  ({result.n_mode})",
        f"sides scored by     {result.side_scoring}  ({result.side_codes} by codes,"
        f" {result.side_spans} by span)",
    ]
    if result.side_spans:
        lines.append(f"span rule           {SPAN_RULE}")
    if result.folded:
        read = " and ".join(sorted(result.folded))
        lines.append(
            f"types folded        {read} predictions read as "
            f"{'/'.join(sorted(set(result.folded.values())))} (PLOVER 2018 gold)"
        )
    cells = sorted(
        ((n, g, p) for g, row in result.confusion.items() for p, n in row.items() if g != p),
        key=lambda cell: (-cell[0], cell[1], cell[2]),
    )[:confusions]
    if cells:
        lines += ["", f"{'gold':12}{'predicted':12}{'sentences':>9}"]
        lines += [f"{g:12}{p:12}{n:>9}" for n, g, p in cells]
    return "\n".join(lines)


def _gold_types(result: PloverScore) -> int:
    return sum(1 for s in result.per_type.values() if s.support)
