"""The colon pass: "Lavrov: …" in headlines and transcripts, and a cue before a colon."""

from __future__ import annotations

from spacy.tokens import Span

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.spans import THREE_WORDS
from communique.analysis.statements.speakers import speaker_of, via_of
from communique.analysis.statements.subjects import cue_verb, subject_of


def colons(ctx: StatementContext) -> None:
    """ "Wash Post Fact-Check: If Obama says it …", "Trump said: the wall …"."""
    for colon in ctx.doc:
        if colon.text != ":":
            continue
        sentence = colon.sent
        left = ctx.doc[sentence.start : colon.i]
        if ctx.inside_quote(colon.idx) and not transcript_label(ctx, left):
            continue  # a quoted transcript's "“WALLACE: …" still names who speaks
        paragraph = ctx.paragraph_at(colon.idx)
        if paragraph is None or len(left) == 0:
            continue
        start, end = colon.idx + 1, paragraph[1]
        if not THREE_WORDS.match(ctx.text, start, end):  # under three words to its end
            continue
        verbs = [t for t in left if cue_verb(ctx, t) or t.lemma_ in ctx.words.colon_cues]
        if verbs and subject_of(ctx, verbs[-1]) is not None:
            verb = verbs[-1]
            add(ctx, ctx.kind(start, end), [(start, end)], verb,
                      speaker=speaker_of(ctx, verb), via=via_of(ctx, verb))  # fmt: skip
        elif headline_speaker(ctx, left):
            first = left[0].i
            while first < colon.i and ctx.doc[first].is_punct:
                first += 1
            speaker = ctx.doc[first : colon.i]
            mention = ctx.mention_at(speaker.start_char, speaker.end_char)
            cue = (colon.idx, colon.idx + 1, ":")
            add(ctx, ctx.kind(start, end), [(start, end)], None,
                      speaker=(speaker, mention), cue=cue)  # fmt: skip


def headline_speaker(ctx: StatementContext, left: Span) -> bool:
    """Whether the words before a colon name who speaks: "Trump: …", "Poll: …".

    They must name a known actor, a person, a transcript's speaker in capitals or a source
    ("AP-GfK Poll"): a subhead ("Success on
    Signature Issue: …"), a rubric ("The Latest:", "Analysis:"), an interview's "Q:" and
    "A:" or an opening phrase ("Then, on CNN: …") names no one.
    """
    words = [t for t in left if not t.is_punct]
    if not words or len(left) > 8 or any(t.pos_ in ("VERB", "AUX") for t in left):
        return False
    if words[0].lower_ in ctx.words.rubrics or not words[-1].text[:1].isupper():
        return False  # "Analysis: …", "Ukraine war: 1 year on"
    if (len(words) == 1 and len(words[0]) == 1) or any(t.text == "," for t in left):
        return False
    if words[-1].lemma_.lower() in ctx.words.source_nouns:
        return True
    if transcript_label(ctx, left):
        return True  # a transcript's "WALLACE: …", "PENCE: …"
    mention = ctx.mention_at(words[0].idx, words[-1].idx + len(words[-1]))
    # An organisation first met here is as likely a subhead that NER took for a name.
    return mention is not None and (mention.how != "new" or mention.label == "PERSON")


def transcript_label(ctx: StatementContext, left: Span) -> bool:
    """A speaker's name in capitals before a colon, as transcripts write it."""
    words = [t for t in left if not t.is_punct]
    return 0 < len(words) <= 2 and all(
        w.is_upper and w.is_alpha and len(w) > 2 and w.lower_ not in ctx.words.rubrics
        for w in words
    )
