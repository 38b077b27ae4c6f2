"""The word lists the analysis reads, declared here and kept as data in ``lexicon.yaml``.

Every list is a concept with one home: the YAML file beside the ontology holds its words and
what they are for; ``Lexicon`` declares each concept's name and shape (a set of words, words in
order, or words mapped to values). ``read_lexicon`` checks the file against the declaration —
a concept missing, unknown or of the wrong shape is an error naming it — and the lexicon reaches
the analysis in ``Resources.words``.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

_PACKAGE = "communique.ontology"
FILE = "lexicon.yaml"


class LexiconError(ValueError):
    """The word lists do not match their declaration."""


@dataclass(frozen=True)
class Lexicon:
    """Every word list the analysis reads, by concept (see lexicon.yaml for what each is)."""

    # Statements: reporting verbs and nouns, and who holds a view.
    cue_verbs: frozenset[str]
    stance_verbs: frozenset[str]
    view_cues: frozenset[str]
    framing_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    colon_cues: frozenset[str]
    speech_verbs: frozenset[str]
    object_cues: frozenset[str]
    target_cues: frozenset[str]
    physical_targets: frozenset[str]
    armed_nouns: frozenset[str]
    report_preps: Mapping[str, tuple[str, ...]]
    clause_cues: frozenset[str]
    speech_nouns: frozenset[str]
    source_nouns: frozenset[str]
    occasions: frozenset[str]
    relatives: frozenset[str]
    report_nouns: frozenset[str]
    stance_nouns: frozenset[str]
    stance_holders: frozenset[str]
    stance_adjectives: frozenset[str]
    adjective_preps: frozenset[str]
    stance_preps: frozenset[str]
    rubrics: frozenset[str]
    object_control: frozenset[str]
    linking_verbs: frozenset[str]
    owning_preps: frozenset[str]
    people_nouns: frozenset[str]
    depictions: frozenset[str]
    asking: frozenset[str]
    question_words: frozenset[str]
    drawing: frozenset[str]
    concessive: frozenset[str]
    # Events: sides, modality, groups and sizes.
    recipient_preps: Mapping[str, tuple[str, ...]]
    willing: frozenset[str]
    stative: frozenset[str]
    proposals: frozenset[str]
    answers: frozenset[str]
    answer_preps: tuple[str, ...]
    any_preps: frozenset[str]
    time_preps: frozenset[str]
    light_noun_hosts: frozenset[str]
    event_time_preps: frozenset[str]
    claim_cues: frozenset[str]
    hearsay: frozenset[str]
    seeming: frozenset[str]
    modals: frozenset[str]
    conditions: frozenset[str]
    failing: frozenset[str]
    reported_pronouns: frozenset[str]
    group_nouns: frozenset[str]
    state_nouns: frozenset[str]
    group_people_nouns: frozenset[str]
    casualty_verbs: Mapping[str, str]
    number_words: Mapping[str, int]
    multipliers: Mapping[str, int]
    lower_bounds: frozenset[str]
    # Actors: places, titles and role phrases.
    locative_preps: frozenset[str]
    motion_preps: frozenset[str]
    place_verbs: frozenset[str]
    former_words: frozenset[str]
    title_words: frozenset[str]
    leader_titles: frozenset[str]
    royal_words: frozenset[str]
    role_kinds: Mapping[str, tuple[str, ...]]
    role_words: Mapping[str, tuple[str, ...]]
    descriptor_phrases: tuple[str, ...]
    # Actors: who someone is, for pronouns and descriptions (speakers).
    gender_words: Mapping[str, str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    storm_words: frozenset[str]
    body_nouns: Mapping[str, tuple[str, ...]]
    programme_nouns: frozenset[str]
    facility_nouns: frozenset[str]
    # Event triggers: light verbs, what makes a noun report, instruments, the future.
    light_verbs: frozenset[str]
    light_verb_preps: Mapping[str, tuple[str, ...]]
    cause_verbs: frozenset[str]
    occurrence_verbs: frozenset[str]
    vow_verbs: frozenset[str]
    relative_objects: frozenset[str]
    amount_words: frozenset[str]
    assault_instruments: Mapping[str, tuple[str, ...]]
    crowd_control: frozenset[str]
    crowd_control_pairs: Mapping[str, tuple[str, ...]]
    phone_cues: frozenset[str]
    statement_nouns: frozenset[str]
    attempt_nouns: frozenset[str]
    future_auxiliaries: frozenset[str]
    intent_verbs: frozenset[str]
    intent_adjectives: frozenset[str]
    lead_words: frozenset[str]
    topic_verbs: frozenset[str]
    command_verbs: frozenset[str]
    carrier_nouns: frozenset[str]
    crowd_nouns: frozenset[str]
    appeal_words: frozenset[str]
    # Places: where an event happened.
    event_place_preps: frozenset[str]
    area_nouns: frozenset[str]
    destination_preps: frozenset[str]
    # Dates: which date is an event's.
    duration_preps: frozenset[str]
    bound_preps: frozenset[str]
    other_event_words: frozenset[str]
    range_words: frozenset[str]
    future_heads: frozenset[str]
    schedule_preps: frozenset[str]
    refusal_terms: frozenset[str]
    belief_adjectives: frozenset[str]
    undergone_nouns: frozenset[str]
    obligation_modals: frozenset[str]
    appeal_modals: frozenset[str]
    ngo_heads: frozenset[str]
    ngo_marks: frozenset[str]

    @functools.cached_property
    def descriptor_heads(self) -> frozenset[str]:
        """The last words of the role phrases, and "head": what a description ends in."""
        return frozenset(phrase.split()[-1] for phrase in self.descriptor_phrases) | {"head"}

    @functools.cached_property
    def instrument_modes(self) -> Mapping[str, str]:
        """The assault mode each instrument word gives ("jet": aerial), from
        ``assault_instruments``."""
        return MappingProxyType(
            {word: mode for mode, words in self.assault_instruments.items() for word in words}
        )


def read_lexicon(text: str | None = None) -> Lexicon:
    """The lexicon from YAML text (by default the shipped ``lexicon.yaml``), checked."""
    if text is None:
        text = (resources.files(_PACKAGE) / "data" / FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise LexiconError(f"{FILE}: not a mapping of concepts")
    data = {key: value for key, value in data.items() if key != "version"}
    hints = typing.get_type_hints(Lexicon)
    declared = {field.name for field in dataclasses.fields(Lexicon)}
    unknown = sorted(set(data) - declared)
    missing = sorted(declared - set(data))
    if unknown or missing:
        raise LexiconError(
            f"{FILE}: concepts not declared {unknown}, declared but absent {missing}"
        )
    values = {name: _value(name, data, hints[name], set()) for name in declared}
    return Lexicon(**values)


def _value(name: str, data: dict[str, Any], hint: Any, seen: set[str]) -> Any:
    """One concept's words in its declared shape; ``with`` adds other concepts' words."""
    entry = data[name]
    if not isinstance(entry, dict):
        raise LexiconError(f"{FILE}: {name}: not a mapping")
    origin = typing.get_origin(hint)
    if origin is frozenset:
        if not isinstance(entry.get("words"), str):
            raise LexiconError(f"{FILE}: {name}: wants `words:`, a text of words")
        words = set(entry["words"].split())
        for other in entry.get("with", ()):
            if other in seen or other not in data:
                raise LexiconError(f"{FILE}: {name}: cannot take the words of {other!r}")
            words |= _value(other, data, hint, seen | {name})
        return frozenset(words)
    if origin is tuple:
        listed = entry.get("in order")
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            raise LexiconError(f"{FILE}: {name}: wants `in order:`, a list of words")
        return tuple(listed)
    mapped = entry.get("by word")
    if not isinstance(mapped, dict):
        raise LexiconError(f"{FILE}: {name}: wants `by word:`, a mapping")
    kind = typing.get_args(hint)[1]
    converted: dict[str, Any] = {}
    for word, value in mapped.items():
        if typing.get_origin(kind) is tuple:
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            value = tuple(value) if ok else value
        else:
            ok = isinstance(value, kind) and not isinstance(value, bool)
        if not ok:
            raise LexiconError(f"{FILE}: {name}: {word!r} has {value!r}, not a {kind}")
        converted[str(word)] = value
    return MappingProxyType(converted)
