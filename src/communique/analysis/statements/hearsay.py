"""The hearsay passes: "according to X, …", "in a new poll, …" and unsourced reports
("reportedly", "allegedly")."""

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


def in_source(ctx: StatementContext) -> None:
    """ "In the latest Quinnipiac poll, Smith leads Jones by nine points": a finding the
    text credits to the poll, survey or study it is found "in"; the clause the phrase is
    on is what the source says."""
    for prep in ctx.doc:
        if prep.lower_ != "in" or prep.dep_ != "prep" or ctx.inside_quote(prep.idx):
            continue
        source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is None or source.lemma_.lower() not in ctx.words.source_nouns:
            continue
        clause = prep.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
            clause = clause.head  # "a lead in the polls": the clause the noun is in
        if clause.pos_ not in ("VERB", "AUX") or ctx.inside_quote(clause.idx):
            continue
        sentence = clause.sent
        if ctx.report_cues.furthest(sentence.end_char - 1) >= sentence.start_char:
            continue  # "In the poll, 40 percent said …": the report found is the finding
        phrase = {t.i for t in prep.subtree}
        tokens = [t for t in clause.subtree if t.i not in phrase]
        before = [t for t in tokens if t.i < prep.i]
        after = [t for t in tokens if t.i > prep.right_edge.i]
        fragments = [(part[0].idx, part[-1].idx + len(part[-1]))
                     for part in (before, after) if part]  # fmt: skip
        if not fragments:
            continue
        mention = ctx.mention_at(source.left_edge.idx, source.idx + len(source))
        cue = (prep.idx, prep.idx + len(prep), "in")
        add(ctx, "indirect", fragments, None, speaker=(phrase_of(ctx, source), mention), cue=cue)
