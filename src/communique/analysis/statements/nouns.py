"""The noun-report pass: reports carried by a noun ("his claim that …", "a statement saying …")
and whose they are."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.speakers import antecedent_of, phrase_of, speaker_mention
from communique.analysis.statements.subjects import subject_of
from communique.records import Mention


def noun_reports(ctx: StatementContext) -> None:
    """ "his warning that Britain would go to the back of the queue", "the claim that …":
    a noun of saying or believing and its that-clause; the speaker is its owner, or the
    subject of the verb that has it."""
    for noun in ctx.doc:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ctx.words.report_nouns:
            continue
        if ctx.inside_quote(noun.idx):
            continue
        clause = next(
            (c for c in noun.children if c.dep_ in ("acl", "ccomp", "appos")
             and c.i > noun.i and any(g.dep_ == "mark" and g.lower_ == "that"
                                      for g in c.children)),
            None,
        )  # fmt: skip
        if clause is None:
            continue
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
        owner = owner_of(ctx, noun, ("dobj", "pobj"))
        speaker: tuple[Span | None, Mention | None] = (None, None)
        if owner is not None:
            speaker = (phrase_of(ctx, owner), speaker_mention(ctx, antecedent_of(ctx, owner)))
        cue = (noun.idx, noun.idx + len(noun), noun.lemma_.lower())
        fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
        start, end = fragments[0]
        add(ctx, ctx.kind(start, end), fragments, None, speaker=speaker, cue=cue)


def owner_of(ctx: StatementContext, noun: Token, roles: tuple[str, ...]) -> Token | None:
    """Whose a noun of saying is: its possessor ("Trump's claim"), or the subject of the
    verb that has it ("voiced support for …"); a possessive pronoun gives way to that
    subject, who names the same one ("Trump highlighted his message that …")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return owner
    # "Trump claims that …" read as a noun: its subject, or the name before it.
    if noun.dep_ == "ROOT":
        subject = next(
            (
                c
                for c in noun.children
                if c.dep_ == "nsubj"
                or (c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == noun.i - 1)
            ),
            None,
        )
        if subject is not None:
            return subject
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.dep_ == "ROOT"
        and head.i == noun.i - 1
        and (head.pos_ in ("NOUN", "PROPN") and head.text[:1].isupper())
    ):
        return head  # "Trump charges that …"
    agent = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
    if agent is not None:  # "the suggestion by a president that", "warnings from his lawyer"
        return agent
    if noun.dep_ in roles and noun.head.pos_ == "VERB":
        if noun.head.lemma_.lower() in ctx.words.drawing:
            return owner  # "Suu Kyi has faced criticism for …": not hers
        return subject_of(ctx, noun.head) or owner
    if (
        "pobj" in roles
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ctx.words.owning_preps
        and noun.head.head.pos_ == "VERB"
    ):
        # "said in a statement that …", "stirred controversy with an assertion that …"
        return subject_of(ctx, noun.head.head) or owner
    return owner
