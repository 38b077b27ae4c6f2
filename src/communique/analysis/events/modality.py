"""The modality stage: whether an event is asserted, negated, future, hypothetical or claimed
(told by someone else, or "reportedly")."""

from __future__ import annotations

from spacy.tokens import Token

from communique.analysis.dates import is_future
from communique.analysis.events.context import EventContext
from communique.analysis.syntax import has_negation
from communique.analysis.triggers import Match
from communique.records import Statement


def neither(head: Token) -> bool:
    """Whether the subject is denied one by one: "Neither Moscow nor Beijing condemned …"."""
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(c.lower_ == "neither" and c.i < s.i for s in subjects for c in s.children)


def negated(ctx: EventContext, head: Token, noun: Token | None) -> bool:
    if has_negation(head) or neither(head):
        return True
    if noun is not None and any(c.lower_ in ("no", "without") for c in noun.children):
        return True
    governor = head.head if head.dep_ == "xcomp" else None
    return governor is not None and governor.lemma_ in ctx.words.failing


def intended(ctx: EventContext, hit: Match) -> bool:
    """Whether a negated act is a stated intention not to do it: "will not lift", "won't
    cooperate", "would not release" (the future or a conditional's auxiliary)."""
    return (
        hit.future
        or is_future(hit.head, ctx.words)
        or any(c.dep_ == "aux" and c.lower_ in ("would", "wo") for c in hit.head.children)
    )


def willing(ctx: EventContext, head: Token) -> bool:
    """ "is ready to contribute troops", "willing to send": an offer, not a deed."""
    governor = head.head if head.dep_ == "xcomp" else None
    return governor is not None and governor.lemma_.lower() in ctx.words.willing


def hypothetical(ctx: EventContext, head: Token) -> bool:
    chain = [head, *head.ancestors][:4]
    for token in chain:
        if any(c.dep_ == "mark" and c.lower_ in ctx.words.conditions for c in token.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ctx.words.refusal_terms for c in token.children):
            main = token.head
            if main.i != token.i and (has_negation(main) or is_future(main, ctx.words)):
                return True  # "will not lift it until Havana frees them": Havana has not yet
    return any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may") for c in head.children)


def modality_of(ctx: EventContext, hit: Match, statement: Statement | None) -> tuple[str, bool]:
    head, noun = hit.head, hit.noun
    if hit.negated or negated(ctx, head, noun):
        return "negated", True
    if hypothetical(ctx, head):
        return "hypothetical", False
    if hit.future or is_future(head, ctx.words) or willing(ctx, head):
        return "future", False
    hearsay = any(
        (t.lower_ in ctx.words.hearsay or t.lower_ in ctx.words.seeming)
        for t in [*head.children, *(noun.children if noun else ())]
    )
    # "claimed responsibility for the attack": the attack, by the claimer's own claim
    claims = hit.token.i != head.i and head.lemma_.lower() in ctx.words.claim_cues
    # told in someone's words ("he said militants shot them"), not narrated by the writer
    if hearsay or claims or statement is not None:
        return "claimed", False
    return "asserted", False
