"""The word lists: data in lexicon.yaml, declared and checked by analysis.lexicon."""

from __future__ import annotations

import dataclasses
from importlib import resources

import pytest

from communique.analysis.lexicon import FILE, Lexicon, LexiconError, read_lexicon

SHIPPED = (resources.files("communique.ontology") / "data" / FILE).read_text(encoding="utf-8")


def test_every_declared_concept_is_read_and_none_is_empty() -> None:
    lexicon = read_lexicon()
    for field in dataclasses.fields(Lexicon):
        assert getattr(lexicon, field.name), field.name


def test_a_concept_can_take_the_words_of_another() -> None:
    lexicon = read_lexicon()
    assert lexicon.stance_verbs < lexicon.view_cues  # view_cues: `with: [stance_verbs]`
    assert {"think", "believe"} <= lexicon.view_cues
    assert lexicon.light_noun_hosts < lexicon.event_time_preps


def test_words_are_lowercase_lemmas_without_repeats_in_ordered_lists() -> None:
    lexicon = read_lexicon()
    for field in dataclasses.fields(Lexicon):
        value = getattr(lexicon, field.name)
        words = list(value) if not isinstance(value, str) else [value]
        if field.name not in ("recipient_preps",):  # keyed by PLOVER type
            assert all(w == w.lower() for w in words), field.name
        if isinstance(value, tuple):
            assert len(value) == len(set(value)), field.name


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace("\nrubrics:", "\nrubric_words:"), "rubric_words"),
        (lambda text: text + "\nfresh_concept:\n  words: a b\n", "fresh_concept"),
        (lambda text: text.replace("  with: [stance_verbs", "  with: [no_such"), "no_such"),
        (
            lambda text: text.replace("\nmultipliers:\n  by word:\n    hundred: 100",
                                      "\nmultipliers:\n  by word:\n    hundred: many"),
            "multipliers",
        ),
    ],
)  # fmt: skip
def test_a_lexicon_that_breaks_its_declaration_is_refused_by_name(change, message) -> None:
    with pytest.raises(LexiconError, match=message):
        read_lexicon(change(SHIPPED))
