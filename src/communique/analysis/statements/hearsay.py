"""The hearsay passes: "according to X, …" and unsourced reports ("reportedly", "allegedly")."""

from __future__ import annotations

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.speakers import phrase_of


def hearsay(ctx: StatementContext) -> None:
    """ "Bloomberg is reportedly considering a run": a report with no one named."""
    for adverb in ctx.doc:
        if adverb.lower_ not in ctx.words.hearsay:
            continue
        verb = adverb.head
        if ctx.inside_quote(adverb.idx) or verb.pos_ not in ("VERB", "AUX"):
            continue
        tokens = [t for t in verb.subtree if t.i != adverb.i and not t.is_punct]
        if tokens:
            cue = (adverb.idx, adverb.idx + len(adverb), adverb.lower_)
            fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
            add(ctx, "indirect", fragments, None, cue=cue)


def according_to(ctx: StatementContext) -> None:
    """ "According to Sputnik, Wang said …", "…, according to the Kremlin"."""
    for token in ctx.doc:
        if token.lower_ != "according" or ctx.inside_quote(token.idx):
            continue
        preps = [c for c in token.children if c.lower_ == "to"]
        targets = [t for p in preps for t in p.children if t.dep_ == "pobj"]
        if not targets:
            continue
        target = targets[0]
        sentence = token.sent
        if ctx.report_cues.furthest(sentence.end_char - 1) >= sentence.start_char:
            # "Wang said …, according to Sputnik": the chain of that statement; but
            # "according to police, officers saw …" is what the police say.
            continue
        phrase = ctx.doc[token.i : target.right_edge.i + 1]
        before = (sentence.start_char, phrase.start_char)
        after = (phrase.end_char, sentence.end_char)
        body = after if phrase.start == sentence.start else before
        mention = ctx.mention_at(target.idx, target.idx + len(target))
        speaker = (phrase_of(ctx, target), mention)
        cue = (phrase.start_char, token.idx + len("according to"), "according to")
        add(ctx, "indirect", [body], None, speaker=speaker, cue=cue)
