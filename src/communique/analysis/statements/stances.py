"""The stance passes: views held ("Beijing is opposed to …", "X fears that …", "Seoul is
confident that …") and how things seemed to someone ("Obama seemed to recognize …")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.found import add
from communique.analysis.statements.nouns import owner_of
from communique.analysis.statements.speakers import (
    antecedent_of,
    phrase_of,
    someone,
    speaker_mention,
    speaker_of,
)
from communique.analysis.statements.subjects import subject_of
from communique.records import Mention

# What opens a question a view is held on, where the parser makes it an adverbial clause
# ("unsure whether …"): "when" and "if" there mostly say when or on what condition.
WH_MARKS = frozenset({"whether", "where", "how", "why", "what", "who", "which"})


def stances(ctx: StatementContext) -> None:
    """ "Trump's criticism of the deal", "the NRA's opposition to background checks",
    "voiced support for Kyiv": a noun of saying or taking a side and what it is about,
    when the text says whose it is."""
    for noun in ctx.doc:
        lemma = noun.lemma_.lower()
        holder = (noun.pos_ == "NOUN" and lemma in ctx.words.stance_holders) or (
            noun.pos_ == "ADJ" and lemma in ctx.words.stance_adjectives
        )
        if not holder and (noun.pos_ != "NOUN" or lemma not in ctx.words.stance_nouns):
            continue
        if ctx.inside_quote(noun.idx):
            continue
        preps = (
            ctx.words.stance_preps if noun.pos_ == "NOUN" else ctx.words.adjective_preps
        )  # not "critical to"
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps), None)
        target = (
            next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None) if prep else None
        )
        if prep is None or target is None:
            continue
        owner = holder_of(ctx, noun) if holder else owner_of(ctx, noun, ("dobj",))
        drawn = noun.dep_ == "dobj" and noun.head.lemma_.lower() in ctx.words.drawing
        if owner is not None and owner.lower_ in ("it", "its", "this", "that"):
            owner = None
        if owner is None and not drawn:
            continue  # no one's view; but "faced criticism for …" is someone's
        speaker: tuple[Span | None, Mention | None] = (None, None)
        if owner is not None and owner.i == noun.i:  # "supporters of the bill"
            speaker = (ctx.doc[noun.left_edge.i : noun.i + 1], None)
        elif owner is not None:
            speaker = (phrase_of(ctx, owner), speaker_mention(ctx, antecedent_of(ctx, owner)))
        last = target.right_edge
        cue = (noun.idx, prep.idx + len(prep), f"{noun.lemma_.lower()} {prep.lower_}")
        add(ctx, "indirect", [(target.left_edge.idx, last.idx + len(last))], None,
                  speaker=speaker, cue=cue)  # fmt: skip


def beliefs(ctx: StatementContext) -> None:
    """ "Seoul is confident that the talks will resume", "the envoy was not sure whether …",
    "officials remain convinced the deal holds": a view someone holds, told by an adjective
    of belief or feeling and the clause it governs (the writer's "it is clear that …" is no
    one's)."""
    for adjective in ctx.doc:
        if adjective.lower_ not in ctx.words.belief_adjectives or ctx.inside_quote(adjective.idx):
            continue
        passive = any(c.dep_ == "auxpass" for c in adjective.children)
        if adjective.dep_ == "acomp" and adjective.pos_ in ("ADJ", "VERB"):
            holder, verb = holder_of(ctx, adjective), adjective.head  # "are convinced that"
        elif passive and adjective.tag_ == "VBN":
            # "officials were concerned the …": the one concerned
            holder = next((c for c in adjective.children if c.dep_ == "nsubjpass"), None)
            verb = adjective
        else:
            continue
        around = [*adjective.children, *(verb.children if verb.i < adjective.i else ())]
        clause = next((c for c in around if _content_clause(c, adjective)), None)
        if clause is None or holder is None:
            continue
        if not (someone(ctx, holder) or holder.pos_ in ("NOUN", "PROPN")):
            continue  # "it is clear that …": the writer's; a noun that is sure is someone
        tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head == clause)]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        if verb.i > adjective.i:
            verb = adjective
        cue = (verb.idx, adjective.idx + len(adjective), adjective.lower_)
        speaker = (phrase_of(ctx, holder), speaker_mention(ctx, antecedent_of(ctx, holder)))
        add(ctx, ctx.kind(start, end), [(start, end)], None, speaker=speaker, cue=cue)


def _content_clause(clause: Token, word: Token) -> bool:
    """Whether a clause after a word is what it governs: "sure that …", "unsure whether …"
    (the parser may hang a wh-clause on the copula instead: see :func:`beliefs`)."""
    if clause.i < word.i:
        return False
    if clause.dep_ == "ccomp":
        return True
    first = clause.left_edge
    return clause.dep_ == "advcl" and first.lower_ in WH_MARKS


def holder_of(ctx: StatementContext, word: Token) -> Token | None:
    """Who "a supporter of NATO" or "critical of Trump" is: the subject it is said of
    ("Graham has been critical of …"), the name it stands beside ("Mr. Schultz, a
    defender of RT"), or the people it names ("supporters of the bill")."""
    node = word  # "one of a clutch of supporters of …", "among the earliest supporters"
    while (
        node.dep_ == "pobj"
        and node.head.lower_ in ("of", "among")
        and (node.head.head.pos_ in ("NOUN", "PRON", "NUM", "VERB", "AUX"))
    ):
        node = node.head.head
        if node.pos_ in ("VERB", "AUX"):
            return subject_of(ctx, node)
    if node.dep_ in ("attr", "acomp"):
        return subject_of(ctx, node.head)
    if word.dep_ == "pobj" and word.head.lower_ == "as" and word.head.head.pos_ == "VERB":
        # "casting himself as a champion of …": the one who casts
        return subject_of(ctx, word.head.head)
    if word.dep_ == "appos":
        return word.head
    return word if word.pos_ == "NOUN" else None


def seeming(ctx: StatementContext) -> None:
    """ "The candidate seemed to be shrinking", "they appear to be unanimous": an
    impression the text reports, with no one named who holds it."""
    for verb in ctx.doc:
        if verb.lemma_.lower() not in ("seem", "appear") or verb.pos_ not in ("VERB", "AUX"):
            continue
        if ctx.inside_quote(verb.idx):
            continue
        if not any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr") for c in verb.children):
            continue  # "he appeared on television"
        tokens = [t for t in verb.subtree if not (t.is_punct and t.i == verb.right_edge.i)]
        if len(tokens) < 3:
            continue
        cue = (verb.idx, verb.idx + len(verb), verb.lemma_.lower())
        fragments = [(tokens[0].idx, tokens[-1].idx + len(tokens[-1]))]
        speaker: tuple[Span | None, Mention | None] = (None, None)
        inner = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if inner is not None and inner.lemma_.lower() in ctx.words.cue_verbs:
            # "Obama seemed to recognize the significance": his view, as it looked
            speaker = speaker_of(ctx, verb)
        add(ctx, ctx.kind(*fragments[0]), fragments, None, speaker=speaker, cue=cue)
