"""Syntax both the statement and the event passes read: parse labels, and helpers over a
token's subjects, objects, clauses and negation."""

from __future__ import annotations

import re

from spacy.tokens import Token

# Parse labels and tags the passes read.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
NOUN_PHRASE = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"})
# What hangs on a noun without being part of the name it gives ("a PAC that backed Rubio").
CLAUSES = frozenset({"relcl", "acl", "advcl", "dobj", "ccomp"})
DASHES = frozenset({"-", "--", "—", "–", "―"})


def has_negation(word: Token) -> bool:
    """Whether a word is negated by a word of its own: "did not meet", "never said"."""
    return any(child.dep_ == "neg" for child in word.children)


def agentless(verb: Token) -> bool:
    """Whether a verb is a passive that names no one doing it: "was arrested", "were killed"
    (not "was arrested by police")."""
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
    if not passive and verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and not own_subject:
        # "were blocked or harassed", "was detained and beaten": the passive it is joined to;
        # "… while covering events and detained": a passive of its own
        joined = verb.head.i != verb.i and agentless(verb.head)
        return agent(verb) is None and (joined or bare_participle(verb))
    return passive and agent(verb) is None


def bare_participle(verb: Token) -> bool:
    """Whether a conjunct is a past form with no auxiliary or subject of its own joined to a
    gerund: it cannot share the gerund's form, so it is a passive the parser hung on the
    wrong verb ("harassed while covering events and detained")."""
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBN", "VBD")
        and verb.head.tag_ == "VBG"
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
    )


def agent(verb: Token) -> Token | None:
    """Who does what a passive says: "was asked by a reporter" → reporter."""
    agents = [child for child in verb.children if child.dep_ == "agent"]
    objects = [g for a in agents for g in a.children if g.dep_ == "pobj"]
    return objects[0] if objects else None


# Prefixes that make a state word what its noun is for or against, not whose it is.
STANCE_PREFIXES = frozenset({"anti", "pro"})
re_stance = re.compile(r"^(?:anti|pro)[-–]", re.IGNORECASE)


def stance_word(token: Token) -> bool:
    """Whether a word is prefixed by "anti-" or "pro-" ("an anti-Syria journalist", "a
    pro-Russian militia"): the journalist is not Syrian, the militia not Russian."""
    if re_stance.match(token.text):
        return True
    doc, i = token.doc, token.i
    return i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in STANCE_PREFIXES
