"""Sizes: the dead, injured and arrested a sentence counts ("killing 12 people", "41
wounded")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from communique.analysis.events.coding import NOT_COUNTS
from communique.analysis.lexicon import Lexicon
from communique.records import Size


def number_of(words: Sequence[str], lexicon: Lexicon) -> int | None:
    """The value of a number's words: "23", "3,000", "twenty-one", "two hundred", "1.5
    million"; None for anything else ("dozens", "hundreds")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        digits = word.replace(",", "")
        if digits.replace(".", "", 1).isdigit():
            current += float(digits)
        elif word in lexicon.number_words:
            current += lexicon.number_words[word]
        elif word == "hundred" and seen:
            current *= 100
        elif word in lexicon.multipliers and seen:
            total, current = total + current * lexicon.multipliers[word], 0.0
        elif word != "-":
            return None
        seen = True
    return int(total + current) if seen else None


def count_of(noun: Token, lexicon: Lexicon) -> tuple[int, int, int, bool] | None:
    """The number a noun is counted by ("23 people", or "41" itself): value, span, lower
    bound."""
    number: Token | None = noun
    if noun.pos_ != "NUM":
        number = next((c for c in noun.children if c.dep_ == "nummod"), None)
    if number is None or number.ent_type_ in NOT_COUNTS:
        return None
    phrase = [t for t in number.subtree if t.i <= number.i]
    words = [
        t.lower_ for t in phrase if t.like_num or t.lower_ in lexicon.multipliers or t.text == "-"
    ]
    value = number_of(words, lexicon)
    if value is None:
        return None
    bound = any(t.lower_ in lexicon.lower_bounds for t in phrase)
    return value, phrase[0].idx, number.idx + len(number), bound


def victim_of(verb: Token) -> Token | None:
    """Who was killed, injured or arrested: the object, the passive subject, the subject of
    "died" or of an elided passive ("and 41 wounded"), the noun a participle modifies ("12
    people killed in the attack")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    deps = {child.dep_: child for child in reversed(list(verb.children))}
    if "nsubjpass" in deps:
        return deps["nsubjpass"]
    if verb.lemma_ == "die" or (verb.tag_ == "VBN" and not {"aux", "dobj"} & deps.keys()):
        return deps.get("nsubj")
    return deps.get("dobj")


def casualties(
    sentence: Span, lexicon: Lexicon, text: str | None = None
) -> list[tuple[Token, Size]]:
    """The counts of dead, injured and arrested a sentence gives, each with its verb.
    Coordinated victims add up ("12 civilians and three soldiers"); the span is then the
    whole phrase. ``text`` is the doc's text, when the caller has it (``Doc.text`` is
    joined anew from the tokens at each call)."""
    found = []
    for verb in sentence:
        kind = lexicon.casualty_verbs.get(verb.lemma_.lower())
        victim = victim_of(verb) if kind and verb.pos_ in ("VERB", "AUX") else None
        if kind is None or victim is None:
            continue
        nouns = (victim, *victim.conjuncts)
        counts = [count_of(noun, lexicon) for noun in nouns]
        if any(count is None for count in counts):
            continue
        value = sum(count[0] for count in counts if count)
        first = counts[0]
        assert first is not None
        _, start, end, bound = first
        if len(nouns) > 1:
            end = max(noun.idx + len(noun) for noun in nouns)
        text = sentence.doc.text if text is None else text
        size = Size(kind, value, start, end, text[start:end], bound)
        found.append((verb, size))
    return found
