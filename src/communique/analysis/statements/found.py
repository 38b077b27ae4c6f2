"""The statements the passes find: adding one (unless a wider one holds it), and the views
held inside another statement's content."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from communique.analysis.quotes import SENTENCE_END
from communique.analysis.statements.context import Found, StatementContext
from communique.analysis.statements.spans import Furthest, trim
from communique.analysis.statements.speakers import addressee_of
from communique.analysis.statements.subjects import cue_verb, lemma_of, subject_of
from communique.analysis.syntax import has_negation
from communique.records import Mention


def add(
    ctx: StatementContext,
    kind: str,
    fragments: list[tuple[int, int]],
    verb: Token | None,
    *,
    speaker: tuple[Span | None, Mention | None] = (None, None),
    cue: tuple[int, int, str] | None = None,
    via: Sequence[str] = (),
) -> Found | None:
    fragments = [trim(ctx.text, s, e) for s, e in fragments]
    fragments = [(s, e) for s, e in fragments if e > s]
    if kind != "direct" and fragments:
        fragments = bounded(ctx, fragments, verb, cue)
    if not fragments:
        return None
    start, end = fragments[0][0], fragments[-1][1]
    if ctx.stretches.furthest(start) >= end:
        return None  # already within a statement found
    if cue is None and verb is not None:
        cue = (verb.idx, verb.idx + len(verb), lemma_of(verb))
    # The same report found again, wider (a quote round a parsed object): keep the wider.
    drop_within(ctx, start, end, cue)
    phrase, mention = speaker
    addressee, to = addressee_of(ctx, verb) if verb is not None else (None, None)
    found = Found(
        start=start, end=end, fragments=tuple(fragments), kind=kind,
        speaker=phrase, speaker_mention=mention, cue=cue,
        addressee=addressee, addressee_mention=to, via=tuple(dict.fromkeys(via)),
        negated=has_negation(verb) if verb is not None else False,
    )  # fmt: skip
    ctx.found.append(found)
    ctx.stretches.add(start, end)
    ctx.by_cue.setdefault(cue[0] if cue else None, []).append(found)
    if cue and cue[2] not in ctx.words.view_cues:
        ctx.report_cues.add(cue[0], cue[0])
    return found


def bounded(
    ctx: StatementContext,
    fragments: list[tuple[int, int]],
    verb: Token | None,
    cue: tuple[int, int, str] | None,
) -> list[tuple[int, int]]:
    """Reported content that never runs across another report: indirect or mixed content
    that goes on past the end of a sentence (outside quotation marks) into a stretch where
    someone else is reported saying something ends with that sentence. A parse that runs
    sentences together (a page flattened to one line) otherwise gives content of thousands of
    characters over a dozen speakers."""
    start, end = fragments[0][0], fragments[-1][1]
    own = {cue[0]} if cue else set()
    if verb is not None:
        own.add(verb.idx)
    for stop in SENTENCE_END.finditer(ctx.text, start, end):
        if ctx.inside_quote(stop.start()) is not None:
            continue
        after = ctx.doc.char_span(stop.end(), end, alignment_mode="contract")
        if after is None or not any(
            t.idx not in own and cue_verb(ctx, t) and subject_of(ctx, t) is not None for t in after
        ):
            return fragments
        cut = stop.start() + 1
        kept = [(s, min(e, cut)) for s, e in fragments if s < cut]
        return [trim(ctx.text, s, e) for s, e in kept]
    return fragments


def drop_within(
    ctx: StatementContext, start: int, end: int, cue: tuple[int, int, str] | None
) -> None:
    """Forget the statements of this cue found within ``start``-``end``."""
    same = ctx.by_cue.get(cue[0] if cue else None, [])
    dropped = [f for f in same if start <= f.start and f.end <= end and f.cue == cue]
    if not dropped:
        return
    gone = {id(f) for f in dropped}
    ctx.found = [f for f in ctx.found if id(f) not in gone]
    same[:] = [f for f in same if id(f) not in gone]


def outer_views(ctx: StatementContext) -> list[Found]:
    """The statements found, less views held inside another statement's content ("Trump
    said he wants a wall": what he wants is part of what he said, not a second report)."""
    stretches = Furthest(len(ctx.text))
    by_start: dict[int, list[Found]] = {}
    for found in ctx.found:
        stretches.add(found.start, found.end)
        by_start.setdefault(found.start, []).append(found)

    def held(found: Found) -> bool:
        """Whether another statement holds this one: one starting before it and reaching
        as far, or one starting with it."""
        if stretches.furthest(found.start - 1) >= found.end:
            return True
        return any(other is not found and found.end <= other.end
                   for other in by_start[found.start])  # fmt: skip

    return [
        found for found in ctx.found
        if not (found.cue and found.cue[2] in ctx.words.view_cues and held(found))
    ]  # fmt: skip
