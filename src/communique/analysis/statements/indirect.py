"""The indirect pass: a reporting verb and what it reports ("Qin stressed that …", "Lavrov
urged China to …"), mixed speech included."""

from __future__ import annotations

from spacy.tokens import Token

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.speakers import (
    is_source,
    reports_speech,
    someone,
    speaker_of,
    via_of,
)
from communique.analysis.statements.subjects import (
    after_quote,
    asked,
    clause_subject,
    cue_verb,
    lemma_of,
    second_report,
    subject_of,
)
from communique.analysis.syntax import FINITE, SUBJECTS


def indirect(ctx: StatementContext) -> None:
    """A reporting verb and the clause, object or infinitive it reports."""
    for token in ctx.doc:
        if not cue_verb(ctx, token):
            continue
        content = reported(ctx, token)
        if not content:
            continue
        start, end = content[0][0], content[-1][1]
        subject = subject_of(ctx, token)
        if lemma_of(token) in ctx.words.stance_verbs and not someone(ctx, subject):
            continue  # "a framework built to support coexistence": no one holds a view
        if subject is not None and is_source(ctx, subject) and reports_speech(ctx, start, end):
            continue  # the report is the reporting chain of the statement inside it
        add(ctx, ctx.kind(start, end), content, token,
                  speaker=speaker_of(ctx, token), via=via_of(ctx, token))  # fmt: skip


def reported(ctx: StatementContext, verb: Token) -> list[tuple[int, int]] | None:
    """What a reporting verb reports, as fragments of the text."""
    misparsed = clause_subject(ctx, verb)
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    for child in verb.children:
        if (misparsed is not None or marked) and child.i < verb.i:
            # "One attendee, who spoke on …, said the message was …"; "continues to
            # insist, …, that he wants": the clause before is who reports, not what.
            continue
        if asked(ctx, child):
            continue  # "Trump, asked how …, said they …": the question, not the answer
        if child.dep_ in ("ccomp", "parataxis") and (
            child.i > verb.i or not ctx.inside_quote(child.idx)
        ):
            if (
                child.i > verb.i
                and verb.tag_ in FINITE
                and after_quote(ctx, verb)
                and not any(c.dep_ in SUBJECTS for c in verb.children)
            ):
                continue  # "“…,” said David Brock, who heads …": the speaker, misparsed
            # "… that X" after the verb; "X, the rights group says" before it.
            stop = next_report(ctx, child, verb)
            tokens = [
                t
                for t in child.subtree
                if not (t.dep_ == "mark" and t.head == child) and t.i < stop
            ]
            return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        around = _around_aside(ctx, verb)
        if around is not None:
            return around
    later = later_that(ctx, verb)
    if later is not None:
        return later
    return _cued_object(ctx, verb)


def _around_aside(ctx: StatementContext, verb: Token) -> list[tuple[int, int]] | None:
    """ "This campaign, he says, is different": the sentence round the aside; but "…, she
    said, “I read it once.”" is a quote after its cue."""
    head = verb.head
    after = next((t for t in ctx.doc[verb.right_edge.i + 1 : verb.sent.end]
                  if not t.is_punct), None)  # fmt: skip
    opened = head.i > verb.i and after is not None and ctx.quoted(after)
    # "“…,” Sanders said, going on to say …": the verb reports the quote before it.
    opened = opened or any(
        c.dep_ == "ccomp" and c.i < verb.i and ctx.quoted(c) for c in verb.children
    )
    if not opened and (head.i > verb.i or any(t.i > verb.right_edge.i for t in head.subtree)):
        aside = {t.i for t in verb.subtree}
        tokens = [t for t in head.subtree if t.i not in aside]
        if tokens and not ctx.inside_quote(tokens[0].idx):
            before = [t for t in tokens if t.i < verb.left_edge.i]
            behind = [t for t in tokens if t.i > verb.right_edge.i]
            return [(part[0].idx, part[-1].idx + len(part[-1]))
                    for part in (before, behind) if part]  # fmt: skip
    return None


def _cued_object(ctx: StatementContext, verb: Token) -> list[tuple[int, int]] | None:
    """What a cue reports in its object or complement: "half said so", "warned of …"."""
    if lemma_of(verb) in ctx.words.framing_verbs:
        # "saw the vote as a rebuke", "is widely seen as a rival": the thing and what it
        # is taken for.
        taken = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > verb.i]
        if taken and any(g.dep_ in ("pobj", "pcomp") for g in taken[0].children):
            things = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
            left = ctx.doc[min(p.left_edge.i for p in (*things, taken[0]))]
            right = taken[0].right_edge
            return [(left.idx, right.idx + len(right))]
    if verb.lemma_ in ("say", "answer", "reply"):
        short = ("so", "yes", "no", "same", "otherwise")  # "half said so"
        answers = [
            c
            for c in verb.children
            if c.dep_ in ("dobj", "advmod", "intj") and c.i > verb.i and c.lower_ in short
        ]
        if answers:
            end = answers[0].right_edge
            return [(answers[0].left_edge.idx, end.idx + len(end))]
    if lemma_of(verb) in ctx.words.clause_cues:
        parts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if parts:
            end = parts[0].right_edge
            return [(parts[0].left_edge.idx, end.idx + len(end))]
    if verb.lemma_ in ctx.words.object_cues:
        parts = [c for c in verb.children
                 if c.dep_ in ("dobj", "xcomp", "ccomp", "oprd") and c.i > verb.i]  # fmt: skip
        if verb.lemma_ in ctx.words.target_cues:
            parts = [c for c in parts if not _armed_attack(ctx, verb, c)]  # not "attacked Gaza"
        wanted = ctx.words.report_preps.get(verb.lemma_, ())
        parts += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in wanted]
        if parts:
            left = ctx.doc[min(p.left_edge.i for p in parts)]
            right = ctx.doc[max(p.right_edge.i for p in parts)]
            return [(left.idx, right.idx + len(right))]
    return None


def _armed_attack(ctx: StatementContext, verb: Token, target: Token) -> bool:
    """Whether a target cue ("attack") is one of weapons, not words: aimed at a place or a
    physical target ("attacked Gaza", "attacked a convoy"), done by armed men ("militants
    attacked …"), or counting its dead ("…, killing 17")."""
    words = ctx.words
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # A person named as the attacker attacks a place in words ("Trump attacked Machado",
    # whom the parser took for a town); a state or a force, with weapons.
    by_person = any(s.ent_type_ == "PERSON" for s in subjects)
    return (
        (target.ent_type_ in ("GPE", "LOC", "FAC") and not by_person)
        or target.lemma_.lower() in words.physical_targets
        or any(s.lemma_.lower() in words.armed_nouns for s in subjects)
        or any(t.lemma_.lower() in words.casualty_verbs for t in verb.subtree if t.i > verb.i)
    )


def later_that(ctx: StatementContext, verb: Token) -> list[tuple[int, int]] | None:
    """ "The nominee continues to insist, most recently in an interview, that he wants
    …": the parse made the that-clause the head of the sentence and the reporting verb
    a clause on it."""
    node = verb
    while node.dep_ in ("xcomp", "ccomp") and node.head != node:
        parent = node.head
        marks = [c for c in parent.children
                 if c.dep_ == "mark" and c.lower_ == "that" and c.i > verb.i]  # fmt: skip
        if node.dep_ == "ccomp" and node.i < parent.i and marks:
            aside = {t.i for t in node.subtree}
            tokens = [t for t in parent.subtree if t.i not in aside and t.i > marks[0].i]
            if tokens:
                return [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
        node = parent
    return None


def next_report(ctx: StatementContext, clause: Token, verb: Token) -> int:
    """Where a reported clause stops: before a second report the parse hung on it.

    "Kasich says he'd sit Putin down and tells the crowd he was first": "tells" is
    Kasich's second statement, not part of the first one's content.
    """
    for token in clause.subtree:
        if token.i <= clause.i or not (second_report(ctx, token, verb) or concession(ctx, token)):
            continue
        stop = token.left_edge.i
        while stop > clause.i and (ctx.doc[stop - 1].dep_ == "cc" or ctx.doc[stop - 1].is_punct):
            stop -= 1
        return stop
    return len(ctx.doc)


def concession(ctx: StatementContext, token: Token) -> bool:
    """ "He claimed that X was smart, although he again refused to …": a clause set off
    by a comma and "although" is the writer's, whatever the parse hung it on."""
    if token.dep_ != "advcl" or token.left_edge.i == 0:
        return False
    first = token.left_edge
    return first.lower_ in ctx.words.concessive and ctx.doc[first.i - 1].text == ","
