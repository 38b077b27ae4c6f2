"""What the analysis reads besides the article and its parse, in one read-only value.

``Resources`` holds the knowledge base, the ontology, the trigger lexicon, the word lists and
the gazetteer. It is loaded once by whoever runs the analysis (the runner, an evaluation, a
notebook) and handed to every article; nothing in the analysis loads data of its own. Reading
the shipped resources takes about two seconds, so ``shipped`` reads them once a process and
shares them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from communique.analysis.lexicon import Lexicon, read_lexicon
from communique.analysis.triggers import TriggerTable, read_triggers
from communique.kb import KnowledgeBase
from communique.kb import load as load_kb
from communique.kb.places import Gazetteer, load_gazetteer, state_ids
from communique.ontology import plover


@dataclass(frozen=True)
class Resources:
    """The read-only resources of the analysis."""

    kb: KnowledgeBase
    triggers: TriggerTable
    words: Lexicon  # the word lists (lexicon.yaml)
    ontology: plover.Ontology  # PLOVER types and modes, the CAMEO/Goldstein crosswalk
    places: Gazetteer  # the gazetteer: towns by normal name, and every place of a name
    states: Mapping[str, int]  # GeoNames ids of states by ISO alpha-3 code

    @classmethod
    def load(cls, actors: Sequence[str | Path] = ()) -> Resources:
        """The shipped resources, with the user's knowledge-base files read after the
        shipped ones (they win)."""
        if not actors:
            return shipped()
        return replace(shipped(), kb=load_kb(actors))


@functools.lru_cache(maxsize=1)
def shipped() -> Resources:
    """The resources communique ships, read on first use and shared after."""
    words, ontology = read_lexicon(), plover.shipped()
    return Resources(
        kb=shipped_kb(),
        triggers=read_triggers(words, ontology),
        words=words,
        ontology=ontology,
        places=load_gazetteer(),
        states=state_ids(),
    )


@functools.lru_cache(maxsize=1)
def shipped_kb() -> KnowledgeBase:
    """The knowledge base communique ships, read on first use and shared after (commands
    that read the store need it without the rest of the resources)."""
    return load_kb()


def knowledge_base(actors: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base, with the user's files read after it when there are any."""
    return load_kb(actors) if actors else shipped_kb()
