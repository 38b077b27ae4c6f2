"""The people of a statement: its speaker (resolved to a linked mention), its addressee ("told
Putin"), and its reporting chain ("according to Sputnik")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.subjects import cue_verb, issuer_of, subject_of
from communique.analysis.syntax import CLAUSES, SUBJECTS
from communique.records import Mention


def phrase_of(ctx: StatementContext, token: Token) -> Span:
    """A noun phrase for a subject or object: the token's subtree without clauses."""
    skip = {t.i for child in token.children if child.dep_ in CLAUSES | {"appos", "punct"}
            for t in child.subtree}  # fmt: skip
    tokens = [
        t
        for t in token.subtree
        if t.i not in skip and not (t.dep_ == "compound" and t.pos_ == "VERB")
    ]  # "Said Ellis"
    return ctx.doc[tokens[0].i : tokens[-1].i + 1] if tokens else ctx.doc[token.i : token.i + 1]


def antecedent_of(ctx: StatementContext, subject: Token) -> Token:
    """What a relative pronoun stands for: "the report, which added …" → report."""
    verb = subject.head
    if verb.dep_ in ("aux", "auxpass"):
        verb = verb.head
    if subject.lower_ in ctx.words.relatives and verb.dep_ == "relcl":
        return verb.head
    return subject


def speaker_of(ctx: StatementContext, verb: Token) -> tuple[Span | None, Mention | None]:
    subject = subject_of(ctx, verb)
    if subject is None or subject.lower_ == "there":
        return None, None
    if subject.lower_ in ("it", "this") and (
        subject.dep_ != "nsubj" or subject.head.lemma_ in ctx.words.linking_verbs
    ):
        return None, None  # "it is said", "it seems": no one speaks; "It said" does
    if subject.lower_ in ctx.words.relatives:  # "released a letter that says": the letter's issuer
        antecedent = antecedent_of(ctx, subject)
        issuer = issuer_of(ctx, antecedent)
        if issuer.i != antecedent.i:
            subject = issuer
        elif subject.lower_ == "that":
            # "a super PAC that backed Rubio": the noun, as PolNeAR marks it; "who" and
            # "which" stay as written, the pronouns they are.
            subject = antecedent
    if unspeaking(ctx, subject):
        # "Trump, in an interview with Fox News' “Sunday Morning Futures” show, … said":
        # a show does not speak; the person the parse left before it may.
        return fronted_speaker(ctx, verb, subject)
    phrase = phrase_of(ctx, subject)
    others = [c for c in subject.head.children if c.dep_ in SUBJECTS and c.i < subject.i]
    if others and subject.head == verb:  # both subjects make the speaker's phrase
        phrase = ctx.doc[min(phrase_of(ctx, o).start for o in others) : phrase.end]
    # The speaker as written ("who"), the actor it stands for (the noun before it).
    return phrase, speaker_mention(ctx, antecedent_of(ctx, subject))


def unspeaking(ctx: StatementContext, subject: Token) -> bool:
    """Whether a subject is a programme or a building named by its title or name ("the
    “Sunday Morning Futures” show", "JFK airport"): no one who can speak."""
    lemma = subject.lemma_.lower()
    if subject.pos_ != "NOUN":
        return False
    named = [c for c in subject.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    if lemma in ctx.words.facility_nouns:
        return bool(named)
    if lemma not in ctx.words.programme_nouns:
        return False
    titled = any(c.ent_type_ in ("WORK_OF_ART", "EVENT") or ctx.quoted(c) for c in named)
    return titled or any(c.is_quote for c in subject.children)


def fronted_speaker(
    ctx: StatementContext, verb: Token, subject: Token
) -> tuple[Span | None, Mention | None]:
    """A person named first in the clause, hung on its verb as no subject ("Trump, in …")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head != clause:
        clause = clause.head
    for child in clause.children:
        if child.i >= subject.i or child.dep_ not in ("dep", "npadvmod", "nsubj", "intj"):
            continue
        mention = ctx.mention_at(child.idx, child.idx + len(child))
        if mention is not None and ctx.kinds.get(mention.actor_id or "") == "person":
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            return span, mention
    return None, None


def speaker_mention(ctx: StatementContext, subject: Token) -> Mention | None:
    """The actor a subject names: a person, outlet or body before a nationality or group.

    "A more detailed report from Sputnik" → Sputnik; "Russian news agency Tass" → Tass.
    """
    # The noun phrase with its apposition ("the spokeswoman, Maria Zakharova"), not the
    # clauses on it ("a super PAC that backed Rubio").
    skip = {t.i for child in subject.children if child.dep_ in CLAUSES | {"punct"}
            for t in child.subtree}  # fmt: skip
    tokens = [t for t in subject.subtree if t.i not in skip]
    first, last = tokens[0], tokens[-1]
    start, end = first.idx, last.idx + len(last)
    rank = {"person": 0, "outlet": 1, "institution": 1, "igo": 1, "state": 2}
    best: tuple[int, int, Mention] | None = None
    for mention in ctx.linked_between(start, end):
        if mention.actor_id and start <= mention.start and mention.end <= end:
            head = mention.start <= subject.idx < mention.end
            key = (rank.get(ctx.kinds.get(mention.actor_id, ""), 3), 0 if head else 1)
            if best is None or key < best[:2]:
                best = (*key, mention)
    return best[2] if best else None


def addressee_of(ctx: StatementContext, verb: Token) -> tuple[Span | None, Mention | None]:
    for child in verb.children:
        if verb.lemma_ in ("tell", "ask", "assure", "inform", "brief") and child.dep_ in (
            "dobj", "dative"):  # fmt: skip
            return phrase_of(ctx, child), ctx.mention_at(child.idx, child.idx + len(child))
        if child.dep_ == "prep" and child.lower_ == "to" and verb.lemma_ in (
            "say", "speak", "explain", "write", "declare", "reply", "complain"):  # fmt: skip
            for target in child.children:
                if target.dep_ == "pobj":
                    end = target.idx + len(target)
                    return phrase_of(ctx, target), ctx.mention_at(target.idx, end)
    return None, None


def via_of(ctx: StatementContext, verb: Token) -> list[str]:
    """Outlets and documents the text credits: "according to Sputnik", "the … report"."""
    via: list[str] = []
    # "Xinhua said Wang told …", "a ministry statement said …": the report holding this one.
    for ancestor in verb.ancestors:
        if cue_verb(ctx, ancestor):
            subject = subject_of(ctx, ancestor)
            if subject is not None and is_source(ctx, subject):
                mention = speaker_mention(ctx, subject)
                via.append(
                    mention.actor_id
                    if mention and mention.actor_id
                    else phrase_of(ctx, subject).text
                )
    for token in verb.sent:
        if token.lower_ == "according" and token.i + 1 < len(ctx.doc):
            for prep in token.children:
                for target in prep.children:
                    if target.dep_ == "pobj":
                        mention = ctx.mention_at(target.left_edge.idx, target.idx + len(target))
                        via.append(
                            mention.actor_id
                            if mention and mention.actor_id
                            else phrase_of(ctx, target).text
                        )
    return via


def someone(ctx: StatementContext, subject: Token | None) -> bool:
    """Whether a subject is someone who can hold a view: an actor, a pronoun, a role noun."""
    if subject is None:
        return False
    subject = antecedent_of(ctx, subject)
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("it", "that", "which", "this", "what")
    if speaker_mention(ctx, subject) is not None or subject.ent_type_ in ("NORP", "PERSON"):
        return True  # "Democrats are convinced …"
    lemma = subject.lemma_.lower()
    return lemma in ctx.words.people_nouns or lemma in ctx.agents or subject.lower_ in ctx.agents


def is_source(ctx: StatementContext, subject: Token) -> bool:
    """Whether a speaker is an outlet or a document: it reports what others say."""
    subject = antecedent_of(ctx, subject)
    mention = speaker_mention(ctx, subject)
    key = mention.actor_id or "" if mention else ""
    return (
        ctx.kinds.get(key) == "outlet"
        or key.endswith(":JRN")
        or subject.lemma_.lower() in ctx.words.speech_nouns
    )


def reports_speech(ctx: StatementContext, start: int, end: int) -> bool:
    """Whether a stretch of text holds a verb of saying with a speaker of its own."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(
        t.lemma_.lower() in ctx.words.speech_verbs
        and cue_verb(ctx, t)
        and subject_of(ctx, t) is not None
        for t in span
    )
