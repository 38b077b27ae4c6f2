"""What the article says people are: titles ("Russian Foreign Minister Sergey Lavrov"),
appositions and relative clauses ("Wang Yi, who formerly chaired …"), as dated roles."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from communique.analysis.actors.context import (
    LinkContext,
    bare,
)
from communique.kb import Actor, normal
from communique.records import Role


def read_roles(ctx: LinkContext, actor: Actor, span: Span) -> None:
    """Titles before a name, appositions and relative clauses after it: what someone is."""
    root = span.root
    if root.left_edge.i < span.start:
        title_role(ctx, actor, ctx.doc[root.left_edge.i : span.start])
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            # "a senior member of the Politburo and head of the ... Office": two roles.
            for head in (child, *child.conjuncts):
                phrase_role(ctx, actor, head)
        elif child.dep_ == "relcl":
            clause_role(ctx, actor, child)


def title_role(ctx: LinkContext, actor: Actor, title: Span) -> None:
    """ "Russian Foreign Minister", "Russian Security Council secretary"."""
    orgs = [ent for ent in ctx.entities.within(title) if ent.label_ in ("ORG", "FAC")]
    in_org = {t.i for ent in orgs for t in ent}
    words = [t for t in title if t.i not in in_org]
    organisation = bare(orgs[0].text) if orgs else None
    record(ctx, actor, words, organisation, title, None)


def phrase_role(ctx: LinkContext, actor: Actor, head: Token, tense: str | None = None) -> None:
    """ "secretary of the Russian Security Council": role, organisation, country."""
    own = {
        t.i
        for child in head.children
        if child.dep_ in ("conj", "cc", "punct", "relcl", "acl")
        for t in child.subtree
    }
    tokens = [t for t in head.subtree if t.i not in own]
    if not tokens:
        return
    evidence = ctx.doc[tokens[0].i : tokens[-1].i + 1]
    organisation = None
    role_end = head.i + 1
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "in") and child.i > head.i:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                target = objects[0]
                organisation = bare(ctx.doc[target.left_edge.i : target.right_edge.i + 1].text)
            break
    words = [t for t in tokens if t.i < role_end]
    record(ctx, actor, words, organisation, evidence, tense, context=evidence)


def clause_role(ctx: LinkContext, actor: Actor, verb: Token) -> None:
    """ "who formerly chaired the ... Office", "who previously served as Deputy ..."."""
    former = any(c.lower_ in ctx.words.former_words for c in verb.children) or verb.tag_ == "VBD"
    tense = "former" if former else "current"
    if verb.lemma_ == "serve":
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                for target in prep.children:
                    if target.dep_ == "pobj":
                        phrase_role(ctx, actor, target, tense)
        return
    nouns = {"chair": "chair", "head": "head", "lead": "leader", "run": "head",
             "command": "commander", "direct": "director"}  # fmt: skip
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_ not in nouns or not objects:
        return
    target = objects[0]
    organisation = bare(ctx.doc[target.left_edge.i : target.right_edge.i + 1].text)
    evidence = ctx.doc[verb.left_edge.i : target.right_edge.i + 1]
    record(ctx, actor, [], organisation, evidence, tense, role=nouns[verb.lemma_])


def record(
    ctx: LinkContext,
    actor: Actor,
    words: list[Token],
    organisation: str | None,
    evidence: Span,
    tense: str | None,
    *,
    role: str | None = None,
    context: Span | None = None,
) -> None:
    """Keep a role the text gives someone, when its words name a role."""
    former = any(t.lower_.strip("-") in ctx.words.former_words for t in (context or evidence))
    country = None
    kept: list[Token] = []
    for token in words:
        if token.pos_ in ("DET", "PUNCT") or token.tag_ == "POS":
            continue
        if token.lower_.strip("-") in ctx.words.former_words:
            continue
        state = ctx.state_named(token)
        if state:
            country = country or state
            continue
        kept.append(token)
    while kept and kept[0].pos_ in ("ADP", "CCONJ"):
        kept.pop(0)
    while kept and kept[-1].pos_ in ("ADP", "CCONJ"):
        kept.pop()
    if role is None:
        named = any(
            normal(t.text) in ctx.kb.agents or t.lower_ in ctx.words.descriptor_heads for t in kept
        )
        # "a senior member of the Politburo": a post in a named body is a role too.
        if not kept or not (named or (organisation and kept[-1].pos_ == "NOUN")):
            return
        role = " ".join(t.text for t in kept)
    for token in evidence:  # a nationality in the organisation's name: "Russian Security"
        country = country or (ctx.state_named(token) if token.ent_type_ else None)
    ctx.state.text_roles.setdefault(actor.id, []).append(normal(role))
    ctx.roles.append(
        Role(
            article_id=ctx.article_id,
            index=len(ctx.roles),
            actor_id=actor.id,
            role=role,
            organisation=organisation,
            country=country,
            tense=tense or ("former" if former else "current"),
            start=evidence.start_char,
            end=evidence.end_char,
        )
    )
    if actor.id in ctx.state.new and (actor.country is None or actor.sector is None):
        sector = ctx.sector_of(ctx.doc[kept[0].i : kept[-1].i + 1]) if kept else None
        updated = replace(actor, country=actor.country or country,
                          sector=actor.sector or sector)  # fmt: skip
        ctx.state.new[actor.id] = updated
        ctx.state.cast[actor.id] = updated
