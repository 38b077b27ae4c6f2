"""The linking passes' rules: which kinds of actor each entity label can be, how sure each way
of resolving is, and the shape of names. The words they read are in ``lexicon.yaml``
(``Resources.words``)."""

from __future__ import annotations

import re

re_dash = re.compile(r"\s*[-–—]\s*")

# How sure each way of resolving is; a name in full is as good as it gets.
CONFIDENCE = {
    "name": 0.95,
    "alias": 0.9,
    "surname": 0.85,
    "surname-kb": 0.6,
    "metonym": 0.85,
    "demonym": 0.8,
    "composed": 0.75,
    "descriptor": 0.8,
    "descriptor-kb": 0.65,
    "pronoun": 0.75,
    "new": 0.5,
    "place": 0.5,
}

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})

PERSON_KINDS = ("person",)
KINDS = ("state", "igo", "institution", "outlet", "person")
LABEL_KINDS = {
    "PERSON": ("person",),
    "GPE": ("state", "institution", "igo"),
    "NORP": ("state",),
    "ORG": ("igo", "institution", "outlet", "state", "person"),
    "FAC": ("institution", "state"),
    "LOC": ("state", "igo"),
}


PARTICLE = re.compile(r"^(?:al|el|ad|as|an|bin|ibn|bint|abu|de|da|do|dos|du|la|le|van|von|der)\b")
