"""The direct pass: quoted words with the cue and speaker around them, quotes that go on over
paragraphs, and quotes signed after a dash."""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from communique.analysis.quotes import OPENERS, Quote
from communique.analysis.statements.context import Found, StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.spans import SIGNATURE
from communique.analysis.statements.speakers import speaker_of, via_of
from communique.analysis.statements.subjects import cue_verb, lemma_of, subject_of

# How a clause hangs on a verb that reports only with a clause ("agreed that …").
CLAUSAL = frozenset({"ccomp", "xcomp", "parataxis"})


def direct(ctx: StatementContext) -> None:
    """Quoted words with the cue and speaker around them, and quotes that go on.

    Each quote of a paragraph goes with the reporting verb that governs it in the parse
    ("“…,” Warren said. “…,” she said." is two statements); a quote with no verb of its
    own goes on from the quote before it in the paragraph ("“…,” he said. “…”"). A
    paragraph of quotes no verb governs takes its first cue with a speaker, else the one
    before a colon ending the paragraph before, else continues the previous speaker, as
    news writes a quote over paragraphs.
    """
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in ctx.quotes:
        if quote.double:
            by_paragraph.setdefault(quote.paragraph, []).append(quote)
    previous: Found | None = None
    for number, (first, last) in enumerate(ctx.paragraph_spans):
        groups = quote_groups(ctx, by_paragraph.get(number, []))
        if not groups:
            previous = previous if opens(ctx, first) else None
            continue
        if groups[0][0] is None:
            quotes = groups[0][1]
            signed = signature(ctx, quotes[-1], last)
            if signed is not None:  # "“…” ― Sonya Herridge"
                name, dash = signed
                previous = add(ctx,
                    "direct", [(q.inner_start, q.inner_end) for q in quotes], None,
                    speaker=(name, ctx.mention_at(name.start_char, name.end_char)),
                    cue=(dash, dash + 1, ctx.text[dash]),
                )  # fmt: skip
                continue
            verb = frame_cue(ctx, first, last, quotes)
            if verb is None and number > 0 and colon_before(ctx, number):
                # "Caddell continued:" and the quote in a paragraph of its own.
                verb = paragraph_cue(ctx, *ctx.paragraph_spans[number - 1])
            groups = [(verb, quotes)]
        for verb, members in groups:
            if verb is not None and partial(ctx, verb, members):
                continue  # partial quotes inside the verb's indirect speech
            fragments = [(q.inner_start, q.inner_end) for q in members]
            if verb is not None:
                found = add(ctx, "direct", fragments, verb, speaker=speaker_of(ctx, verb),
                                  via=via_of(ctx, verb))  # fmt: skip
                previous = found or previous
            elif previous is not None and opens(ctx, first):
                # A quote paragraph with no cue of its own: the previous speaker goes on.
                add(ctx, "direct", fragments, None,
                          speaker=(previous.speaker, previous.speaker_mention),
                          cue=previous.cue, via=previous.via)  # fmt: skip


def signature(ctx: StatementContext, quote: Quote, last: int) -> tuple[Span, int] | None:
    """ "“…” ― Sonya Herridge": a name after a dash that ends the quote's paragraph, as
    collections of quotes sign them; the name's span and the dash's offset."""
    match = SIGNATURE.match(ctx.text, quote.end, last)
    if match is None:
        return None
    name = ctx.doc.char_span(match.start(2), match.end(2), alignment_mode="expand")
    if name is None or len(name) > 6 or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    return name, match.start(1)


def partial(ctx: StatementContext, verb: Token, quotes: list[Quote]) -> bool:
    """Whether quotes a verb governs are part of the indirect speech found for it
    ("adding China would “uphold an objective stance” and play a “constructive role”")."""
    return any(
        f.cue and f.cue[0] == verb.idx and f.start <= q.inner_start < f.end
        for f in ctx.by_cue.get(verb.idx, [])
        for q in quotes
    )


def quote_groups(
    ctx: StatementContext, quotes: list[Quote]
) -> list[tuple[Token | None, list[Quote]]]:
    """A paragraph's quotes grouped by the reporting verb that governs each, in order.

    A quote no verb governs joins the group before it, or the first one after it; when
    none is governed, they make one group with no verb. A quote of a word or two counts
    only when a verb governs it ("“It’s finished,” she said"; not the “gun violence”
    narrative).
    """
    groups: list[tuple[Token | None, list[Quote]]] = []
    waiting: list[Quote] = []  # quotes before the first governed one
    for quote in quotes:
        verb = governor(ctx, quote)
        if verb is None and len(ctx.text[quote.inner_start : quote.inner_end].split()) < 3:
            continue  # a term, not a quote
        if verb is None and ctx.stretches.furthest(quote.inner_start) > quote.inner_start:
            continue  # a partial quote in indirect speech found already
        if verb is None:
            (groups[-1][1] if groups else waiting).append(quote)
        elif groups and groups[-1][0] == verb:
            groups[-1][1].append(quote)
        else:
            groups.append((verb, [*waiting, quote]))
            waiting = []
    return groups or ([(None, waiting)] if waiting else [])


def governor(ctx: StatementContext, quote: Quote) -> Token | None:
    """The reporting verb outside quotation marks nearest above a quote's words."""
    span = ctx.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
    for token in span or ():
        if token.is_punct or quote.start <= token.head.idx < quote.end:
            continue  # only the quote's own heads lead out of it
        below = token
        for verb in token.ancestors:
            reached, below = below, verb
            if ctx.inside_quote(verb.idx) is not None:
                continue
            if lemma_of(verb) in ctx.words.clause_cues and reached.dep_ not in CLAUSAL:
                continue  # "agreed to an interview on “Women in Power”": a title, not words
            if cue_verb(ctx, verb) or (verb.pos_ == "VERB" and verb.lemma_ in ctx.words.colon_cues):
                return verb
            fronted = fronted_cue(ctx, verb)
            if fronted is not None:
                return fronted
    # "“…,” The Hill reported.": the quote is the sentence's root, its cue hung on it.
    hung = [
        child for token in span or () if token.dep_ == "ROOT" for child in token.children
        if child.dep_ in ("parataxis", "ccomp") and cue_verb(ctx, child)
        and not quote.start <= child.idx < quote.end
    ]  # fmt: skip
    return min(hung, key=lambda c: abs(c.idx - quote.end), default=None)


def fronted_cue(ctx: StatementContext, name: Token) -> Token | None:
    """ "Said Ellis: “…”": a cue verb put before the speaker, parsed as part of the name."""
    if name.pos_ not in ("PROPN", "NOUN"):
        return None
    return next((c for c in name.lefts if c.dep_ == "compound" and cue_verb(ctx, c)), None)


def opens(ctx: StatementContext, offset: int) -> bool:
    """Whether a quotation mark opens at an offset."""
    return ctx.text[offset] in OPENERS or ctx.text[offset : offset + 2] in OPENERS


def clauseless(ctx: StatementContext, verb: Token) -> bool:
    """Whether a verb that reports only with a clause has none ("agreed to an interview"):
    it frames no quote."""
    return lemma_of(verb) in ctx.words.clause_cues and not any(
        c.dep_ in CLAUSAL for c in verb.children
    )


def colon_before(ctx: StatementContext, number: int) -> bool:
    first, last = ctx.paragraph_spans[number - 1]
    return ctx.text[first:last].rstrip().endswith(":")


def paragraph_cue(ctx: StatementContext, first: int, last: int) -> Token | None:
    """The cue with a speaker nearest the colon that ends a paragraph ("The woman
    disputes the idea. McCrummen reports:")."""
    span = ctx.doc.char_span(first, last, alignment_mode="expand")
    for token in reversed(span or ()):
        cue = cue_verb(ctx, token) or token.lemma_ in ctx.words.colon_cues
        if cue and subject_of(ctx, token) is not None:
            return token
    return None


def frame_cue(ctx: StatementContext, first: int, last: int, quotes: list[Quote]) -> Token | None:
    """For quotes no reporting verb governs: the paragraph's first one with a speaker."""
    span = ctx.doc.char_span(first, last, alignment_mode="expand")
    starts = [q.start for q in quotes]  # in text order, never nested

    def in_quote(offset: int) -> bool:
        at = bisect.bisect_right(starts, offset) - 1
        return at >= 0 and offset < quotes[at].end

    def distance(verb: Token) -> int:  # to the nearest quote's start
        at = bisect.bisect_left(starts, verb.idx)
        return min(abs(verb.idx - s) for s in starts[max(at - 1, 0) : at + 1])

    cues = [
        verb for verb in span or ()
        if not in_quote(verb.idx) and cue_verb(ctx, verb) and subject_of(ctx, verb) is not None
        and not clauseless(ctx, verb)
    ]  # fmt: skip
    # First a verb the parse hung on the quoted words, the nearest ("Asked by Lauer
    # whether …, she said, “I read it”").
    hung = [v for v in cues if in_quote(v.head.idx)]
    hung.sort(key=distance)
    return hung[0] if hung else cues[0] if cues else None
