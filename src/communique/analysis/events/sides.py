"""The sides stage: the actor and the recipient of a trigger from the parse around it (subject,
object, the preposition the event type takes, a passive's agent, a proposal answered).

Sides named together in the subject ("Jordan and Britain agreed to hold exercises") are all
actors, whatever the type: a reciprocal act (a meeting, an agreement, joint exercises) has
both as doers and no recipient, and for any other type ("Russia and China vetoed") both did
it. No conjunct is made the recipient."""

from __future__ import annotations

import functools

from spacy.tokens import Token

from communique.analysis.events.coding import (
    BETWEEN,
    OBJECTS,
    OF_ACTOR_TYPES,
    SUBJECTS,
    THING_OBJECTS,
)
from communique.analysis.events.context import EventContext
from communique.analysis.events.participants import phrase, side
from communique.analysis.places import is_purpose
from communique.analysis.syntax import agent, bare_participle, has_negation
from communique.analysis.triggers import Match
from communique.records import Participant


def subject_of(ctx: EventContext, verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether it is the passive one (the recipient)."""
    for child in verb.children:
        if child.dep_ in SUBJECTS and ctx.in_dateline(child):
            # "KABUL - Ghani met …", "THE HAGUE, Netherlands -- A prosecutor charged …": the
            # parser takes the dateline for a subject; the subject is the next one, or the
            # phrase it runs on into
            after = [t for t in child.subtree if t.dep_ == "appos" and not ctx.in_dateline(t)]
            if after and not any(c.dep_ in SUBJECTS and c.i > child.i for c in verb.children):
                return after[0], False
            continue
        if child.dep_ in SUBJECTS:
            return child, False
        if child.dep_ == "nsubjpass":
            return child, True
    if verb.dep_ == "conj" and verb.head != verb:
        # "met and signed", "was arrested and charged"; a bare participle joined to a verb
        # of another form is passive of its own ("… while covering events and detained")
        subject, passive = subject_of(ctx, verb.head)
        return subject, passive or bare_participle(verb)
    if verb.dep_ in ("xcomp", "advcl", "acomp") and verb.head != verb:
        # "agreed to hold talks", "is about to restore ties", "Arriving in Moscow, Xi was
        # greeted": the subject of the clause above does this verb, whatever that clause's
        # voice; the verb's own voice decides ("was urged to leave", "Arrested in May, he …").
        subject, _ = subject_of(ctx, verb.head)
        return subject, _passive(verb)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head != verb.head:
        # "After meeting Lavrov, Wang flew home": the subject of the clause the phrase is on
        subject, _ = subject_of(ctx, verb.head.head)
        return subject, _passive(verb)
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = verb.head
        if verb.dep_ == "acl" and noun.dep_ in OBJECTS and not side(ctx, noun):
            # "issued a statement calling on X": whoever issued it calls
            return subject_of(ctx, noun.head)
        return noun, any(c.dep_ == "auxpass" for c in verb.children)
    return None, False


def _passive(verb: Token) -> bool:
    """Whether a verb with no subject of its own is passive: "to be sanctioned", "Arrested in
    May, …" (a past participle with no "have")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not perfect


def _armed(ctx: EventContext, noun: Token) -> bool:
    """Whether a noun phrase is forces: "its troops", "some of its troops", "the bulk of
    the army"."""
    if noun.lemma_.lower() in ctx.words.armed_nouns:
        return True
    part = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)  # fmt: skip
    return part is not None and part.lemma_.lower() in ctx.words.armed_nouns


def recipient_preps(ctx: EventContext, kind: str, mode: str | None) -> tuple[str, ...]:
    """The prepositions that bring an event's recipient: its type's, and its mode's where
    that takes another ("surrendered to the authorities": RETREAT's disarm)."""
    preps = ctx.words.recipient_preps.get(kind, ())
    if mode:
        preps = (*preps, *ctx.words.recipient_preps.get(f"{kind} {mode}", ()))
    return preps


def prep_object(ctx: EventContext, head: Token, preps: tuple[str, ...]) -> Token | None:
    for child in head.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            target = next((g for g in child.children if g.dep_ == "pobj"), None)
            if target is not None and fresh(ctx, target):
                return target
    return None


def object(ctx: EventContext, verb: Token, kind: str, mode: str | None = None) -> Token | None:
    """The recipient: the verb's object, else the object of the preposition the event
    type takes, on the verb or on its object ("launched airstrikes on PKK targets",
    "lifted a ban on Berlusconi")."""
    preps = recipient_preps(ctx, kind, mode)
    objects = [child for child in verb.children if child.dep_ in OBJECTS]
    objects = objects or shifted(verb)
    if verb.lemma_.lower() in ctx.words.topic_verbs:
        objects = []  # "discussed Ukraine": the topic, not the other side
    if kind == "RETREAT":
        # "withdrew its troops from Georgia": the forces moved are the doer's, the place left
        # is the other side
        objects = [o for o in objects if not _armed(ctx, o)]
    # What is sent, given or imposed ("sent 200 troops", "provided aid") is no side of
    # the event unless it names an actor.
    taken = functools.partial(named, ctx) if kind in THING_OBJECTS else functools.partial(side, ctx)
    if objects and not any(named(ctx, child) for child in objects):
        # "offered its troops to Lebanon's president": of a thing given to someone, the
        # one it is given to is the recipient.
        given = prep_object(ctx, verb, ("to",))
        if given is not None and named(ctx, given):
            return given
    for child in objects:
        if taken(child):
            return child
    for find in (_preposition, _proposer, _clause_subject, _named_anywhere):
        found = find(ctx, verb, objects, preps)
        if found is not None:
            return found
    return condition(ctx, verb, kind) or _purpose(ctx, verb, kind)


def _preposition(
    ctx: EventContext, verb: Token, objects: list[Token], preps: tuple[str, ...]
) -> Token | None:
    """The object of a preposition the event type takes, on the verb, its objects or a
    clause on them ("lifted sanctions imposed on China")."""
    found = prep_object(ctx, verb, preps)
    for child in objects:
        if found is None:
            found = prep_object(ctx, child, preps)
        for clause in (c for c in child.children if c.dep_ in ("acl", "relcl")):
            if found is None:
                found = prep_object(ctx, clause, (*preps, "on", "against"))
    return found


def _proposer(
    ctx: EventContext, verb: Token, objects: list[Token], preps: tuple[str, ...]
) -> Token | None:
    """ "rejected an offer from Afghanistan", "accepted demands by the rebels", "conceded
    to demands from the union": the one whose proposal it is."""
    nouns = [*objects, *(g for c in verb.children if c.dep_ == "prep"
                         for g in c.children if g.dep_ == "pobj")]  # fmt: skip
    for child in nouns:
        if child.lemma_.lower() in ctx.words.proposals:
            found = prep_object(ctx, child, ("from", "by")) or next(
                (c for c in child.children if c.dep_ == "poss" and fresh(ctx, c)), None
            )
            if found is not None:
                return found
    return None


def _clause_subject(
    ctx: EventContext, verb: Token, objects: list[Token], preps: tuple[str, ...]
) -> Token | None:
    """ "allowed Rehman to hold a rally", "demanded that the United States match …",
    "refused to allow UN planes to land", "insisted on its demand that Burundi's government
    grant …": the subject of the clause the verb governs."""
    for clause in clauses(ctx, verb, objects):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and fresh(ctx, subject):
            return subject
    return None


def _named_anywhere(
    ctx: EventContext, verb: Token, objects: list[Token], preps: tuple[str, ...]
) -> Token | None:
    """ "agreed to provide aid for Romania", "complained over Israeli raids": any preposition
    of the verb, its objects or its complement that names an actor."""
    heads = [verb, *objects]
    heads += [c for c in verb.children if c.dep_ == "xcomp"]
    heads += [g for h in heads[len(objects) + 1 :] for g in h.children if g.dep_ == "dobj"]
    for head in heads:
        for child in head.children:
            if child.dep_ in OBJECTS and head != verb and named(ctx, child):
                return child
            if child.dep_ in ("prep", "dative") and child.lower_ in ctx.words.any_preps:
                target = next((g for g in child.children if g.dep_ == "pobj"), None)
                if target is not None and named(ctx, target):
                    return target
                if target is not None and not side(ctx, target):
                    # "commit to assistance to the US-led war": whom the thing is for
                    target = prep_object(ctx, target, tuple(ctx.words.any_preps))
                    if target is not None and named(ctx, target):
                        return target
    return None


def _purpose(ctx: EventContext, verb: Token, kind: str) -> Token | None:
    """Whom an act is done for, when it names no one itself: the one its purpose clause
    acts on ("donated ventilators to assist Ethiopia", "offered to send troops to help the
    Philippine army", "gave 50 million euros to promote investment in Ethiopia": aid is for
    those it is given in)."""
    opened = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    preps = ctx.words.any_preps | ({"in"} if kind == "AID" else set())
    clauses = [c for v in opened for c in v.children if is_purpose(c)]
    # "donated equipment to assist Indonesia": the parser hangs it on the thing given
    things = [c for v in opened for c in v.children if c.dep_ == "dobj"]
    clauses += [
        c
        for thing in things
        for c in thing.children
        if c.dep_ in ("relcl", "acl")
        and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    ]
    for clause in clauses:
        objects = [c for c in clause.children if c.dep_ in OBJECTS]
        for noun in objects:
            if named(ctx, noun):
                return noun
        for head in (clause, *objects):
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
                target = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if target is not None and named(ctx, target):
                    return target
    return None


def answered(ctx: EventContext, head: Token) -> Token | None:
    """Whom an act answers, in "in protest of X", "in retaliation for X's raids", "in
    response to X": the one protested or retaliated against."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for reason in prep.children:
            if reason.dep_ == "pobj" and reason.lemma_.lower() in ctx.words.answers:
                target = prep_object(ctx, reason, ctx.words.answer_preps)
                if target is not None and named(ctx, target) and owned(ctx, target):
                    return target
    return None


def owned(ctx: EventContext, noun: Token) -> bool:
    """Whether a noun's possessor, if it has one, is known: "in response to its invasion
    of Kuwait" answers whoever "its" is, not Kuwait."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner is None or bool(side(ctx, owner))


def shifted(verb: Token) -> list[Token]:
    """A heavy object moved after the verb's as-phrase, which the parser takes for an
    apposition of it: "denounced as an ugly crime Serbia's suppression of …"."""
    return [
        appos
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for appos in pobj.children
        if appos.dep_ == "appos"
    ]


def clauses(ctx: EventContext, verb: Token, objects: list[Token]) -> list[Token]:
    """The clauses whose subject is the one an act is put to: the verb's complements
    and those of its open complement ("refused to allow X to …"), and the that-clause
    of a demand or offer it takes ("rejected the demand that X …")."""
    opened = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    clauses = [c for v in opened for c in v.children if c.dep_ in ("ccomp", "xcomp")]
    # "calls for the UN to investigate": the clause the parser hangs on "for" as its mark
    clauses += [
        c
        for c in verb.children
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
    ]
    nouns = [*objects, *(g for c in verb.children if c.dep_ == "prep"
                         for g in c.children if g.dep_ == "pobj")]  # fmt: skip
    for noun in (n for n in nouns if n.lemma_.lower() in ctx.words.proposals):
        clauses += [
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
    return clauses


def condition(ctx: EventContext, verb: Token, kind: str) -> Token | None:
    """Whom a threat, a demand or a refusal is put to when its act names no one: the subject
    of its condition ("threatened to strike unless Israel rescinded …", "will not end the
    strike until the ministry pays"), whose doing it turns on."""
    refusal = kind == "REJECT" or has_negation(verb)  # "will not lift it until Havana …"
    marks = ctx.words.conditions | (ctx.words.refusal_terms if refusal else frozenset())
    opened = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for clause in (c for v in opened for c in v.children if c.dep_ == "advcl"):
        if not any(g.dep_ == "mark" and g.lower_ in marks for g in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and named(ctx, subject):
            return subject
    return None


def named(ctx: EventContext, token: Token) -> bool:
    """Whether a noun phrase names an actor the linker knows (not a bare role noun)."""
    return any(p.actor_id or p.country for p in fresh(ctx, token))


def fresh(ctx: EventContext, token: Token) -> list[Participant]:
    """The sides a noun phrase stands for, less the event's actors: "threatened to break
    off relations over their ties" does not make Pakistan its own recipient."""
    return [p for p in side(ctx, token) if p not in ctx.taken]


def sides(ctx: EventContext, found: Match) -> tuple[list[Participant], list[Participant]]:
    kind = found.type
    head, noun = found.head, found.noun
    actor_token: Token | None
    recipient_token: Token | None = None
    if noun is not None and noun != head:
        # "held talks with Lavrov": the light verb's subject, the noun's preposition.
        actor_token, passive = subject_of(ctx, head)
        if passive:
            actor_token = agent(head)
        preps = (*recipient_preps(ctx, kind, found.mode), BETWEEN)
        if kind not in OF_ACTOR_TYPES:  # "mounted an invasion of South Lebanon"
            preps = (*preps, "of")
        recipient_token = prep_object(ctx, noun, preps)
        if recipient_token is None and noun.dep_ == "compound":
            # "undertook a mediation mission between Syria and Arafat"
            recipient_token = prep_object(ctx, noun.head, preps)
        recipient_token = recipient_token or _of_thing(ctx, noun, preps)
        recipient_token = recipient_token or condition(ctx, head, kind)
    elif head.pos_ in ("NOUN", "PROPN"):
        actor_token, recipient_token = noun_sides(ctx, head, kind, found.mode)
    else:
        subject, passive = subject_of(ctx, head)
        if passive and head.lemma_.lower() in ctx.words.stative and agent(head) is None:
            passive = False  # "Israel is opposed to French mediation"
        if passive:
            actor_token, recipient_token = agent(head), subject
        else:
            actor_token = subject
            ctx.taken = side(ctx, subject)
            recipient_token = object(ctx, head, kind, found.mode)
            ctx.taken = []
    if recipient_token is None and actor_token is not None:
        # "went on hunger strike in protest of the government's refusal"
        recipient_token = answered(ctx, noun) if noun is not None else None
        recipient_token = recipient_token or answered(ctx, head)
    if found.reverse:  # "Putin hosted Xi": the guest is the one who visits
        actor_token, recipient_token = recipient_token, actor_token
    if found.cause:  # "the ruling sparked protests": the subject did not protest
        actor_token = None
    actors = side(ctx, actor_token)
    recipients = [r for r in side(ctx, recipient_token) if r not in actors]
    if recipient_token is not None:
        recipients = [phrase(ctx, recipient_token, r) for r in recipients]
    return actors, recipients


def _of_thing(ctx: EventContext, noun: Token, preps: tuple[str, ...]) -> Token | None:
    """The recipient on the thing an act noun is of: "a suspension of aid to Egypt", "an
    end of arms sales to Taiwan" (whom the aid or the sales went to)."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for thing in (g for g in prep.children if g.dep_ == "pobj"):
            if not side(ctx, thing):
                found = prep_object(ctx, thing, tuple(p for p in preps if p != "of"))
                if found is not None:
                    return found
    return None


def noun_sides(
    ctx: EventContext, noun: Token, kind: str, mode: str | None = None
) -> tuple[Token | None, Token | None]:
    """ "Russia's invasion of Ukraine", "Russian airstrikes on Kyiv", "the talks with
    Lavrov" after "met Putin": the noun's own modifiers, else the governing verb's
    subject."""
    actor: Token | None = None
    if kind in OF_ACTOR_TYPES:  # "the deployment of NATO troops": NATO deploys
        actor = prep_object(ctx, noun, ("of", "by"))
        recipient = prep_object(ctx, noun, recipient_preps(ctx, kind, mode))
    else:  # "the invasion of Ukraine by Russia"
        actor = prep_object(ctx, noun, ("by",))
        recipient = prep_object(ctx, noun, (*recipient_preps(ctx, kind, mode), "of"))
    recipient = recipient or _of_thing(ctx, noun, recipient_preps(ctx, kind, mode))
    for child in noun.children:
        if actor is not None:
            break
        if child.dep_ in ("poss", "compound", "amod", "nmod") and side(ctx, child):
            if child.dep_ == "compound" and kind == "ASSAULT" and recipient is None:
                recipient = child  # "the Ukraine war", "Gaza strikes": where, on whom
                continue
            actor = child
            break
    if actor is None and noun.dep_ == "pobj" and noun.head.lower_ in ctx.words.light_noun_hosts:
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            actor, _ = subject_of(ctx, verb)
    if actor is None and noun.dep_ in SUBJECTS | {"nsubjpass"}:
        actor = None  # "the attack killed ten": no one named
    return actor, recipient
