from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.events.coding import (
    OBJECTS,
)
from communique.analysis.events.context import EventContext
from communique.analysis.lexicon import Lexicon
from communique.analysis.triggers import Match, match_sentence


def matches(ctx: EventContext, sentence: Span) -> list[Match]:
    """The sentence's triggers, each trigger word once."""
    found: dict[int, Match] = {}
    for hit in match_sentence(sentence, ctx.triggers):
        found.setdefault(hit.token.i, hit)
    taken = {m.token.i for m in found.values()} | {m.head.i for m in found.values()}
    for token in sentence:
        if token.i not in taken and token.pos_ == "NOUN":
            noun_hit = noun_event(ctx, token)
            if noun_hit is not None:
                found[token.i] = noun_hit
    return sorted(found.values(), key=lambda m: m.token.i)


def noun_event(ctx: EventContext, noun: Token) -> Match | None:
    """An event noun the sentence mentions in passing, when it names who did it or
    hangs on another event in time: "the Russian invasion of Ukraine", "met Putin after
    talks with Lavrov"."""
    row = ctx.triggers.best(noun, "NOUN")
    if row is None or row.guard:
        return None
    timed = noun.dep_ == "pobj" and noun.head.lower_ in ctx.words.event_time_preps
    # "Mhlanga's arrest", "her release": of an act done to people, the possessor is the
    # one it is done to, who names no doer
    undergone = noun.lemma_.lower() in ctx.words.undergone_nouns
    doer = any(
        c.dep_ in ("poss", "amod", "compound")
        and not (undergone and c.dep_ == "poss")
        and ctx.mention(c) is not None
        for c in noun.children
    )
    if not (timed or doer):
        return None
    return Match(row, row.type, row.mode, noun, noun, "noun", words=ctx.triggers.words)


def acts(hit: Match, words: Lexicon) -> list[Token]:
    """The acts a trigger announces, refuses or threatens, where their place is to be
    looked for: its complement trigger, else the verbs of its open complement ("agreed
    to set up", "threatened to resume"), and the act a proposal it answers puts forward
    ("rejected a call for its forces to be deployed in East Timor")."""
    acts = [c for c in hit.head.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    if hit.complement is not None:
        acts = [hit.complement]
    proposals = [
        c
        for c in (*hit.head.children, *acts)
        if c.dep_ in OBJECTS and c.lemma_.lower() in words.proposals
    ]
    acts += [
        c
        for proposal in proposals
        for c in proposal.children
        if c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX")
    ]
    return list(dict.fromkeys(acts))
