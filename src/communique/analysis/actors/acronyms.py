"""Acronyms the article defines or spells out: "the Baloch Liberation Army (BLA)", "Doctors
Without Borders (MSF)", "the BLA, or Baloch Liberation Army", or a bare "BLA" after the name
whose initials it is. A later "BLA" is the same actor as the name, wherever the name is."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from communique.analysis.actors.context import LinkContext

ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,7}$")
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "on", "in", "&"})


def find_acronyms(ctx: LinkContext) -> dict[str, Span]:
    """Each acronym of the article and the name it stands for: defined first, then spelled
    by the initials of an organisation's name."""
    doc = ctx.doc
    defined: dict[str, Span] = {}
    ends = {span.end: span for _, span in ctx.spans}
    starts = {span.start: span for _, span in ctx.spans}
    for token in doc:
        if not acronym(token):
            continue
        before, after = token.i - 1, token.i + 1
        if before > 0 and after < len(doc) and doc[before].text == "(" and doc[after].text == ")":
            # "the Baloch Liberation Army (BLA)"
            full = ends.get(before) or spelled(capitalised_run(ctx, before), token.text)
            if full is not None and token.text not in full.text:
                defined.setdefault(token.text, full)
            continue
        # "the BLA, or Baloch Liberation Army", "BLA (Baloch Liberation Army)"
        if after + 1 < len(doc) and (doc[after].text, doc[after + 1].lower_) == (",", "or"):
            full = starts.get(after + 2) or starts.get(after + 3)
        elif after < len(doc) and doc[after].text == "(":
            full = starts.get(after + 1) or starts.get(after + 2)
        else:
            full = None
        if full is not None and initials(full) == token.text:
            defined.setdefault(token.text, full)
    for _, span in ctx.spans:
        if span.label_ in ("PERSON", "GPE", "DATE", "CARDINAL"):
            continue
        letters = initials(span)
        if letters and len(letters) >= 2 and letters not in defined:
            defined[letters] = span
    return defined


def spelled(run: Span | None, letters: str) -> Span | None:
    """Of a run of capitalised words, the end whose initials an acronym spells, if one does
    ("Separatists of the Baloch Liberation Army" for "BLA"); else the whole run."""
    if run is None:
        return None
    for start in range(run.start, run.end - 1):
        if initials(run.doc[start : run.end]) == letters:
            return run.doc[start : run.end]
    return run


def acronym(token: Token) -> bool:
    return bool(ACRONYM.match(token.text))


def initials(span: Span) -> str:
    """The capitals of a name's words: "the Baloch Liberation Army" → "BLA"."""
    words = [t.text for t in span if t.text[:1].isalpha() and t.lower_ not in CONNECTORS]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def capitalised_run(ctx: LinkContext, end: int) -> Span | None:
    """The capitalised words before ``end`` ("Doctors Without Borders"), with the small
    words inside a name ("Committee to Protect Journalists")."""
    start = end
    while start > 0:
        token = ctx.doc[start - 1]
        word = token.text[:1].isupper() and token.text[:1].isalpha()
        if not word and not (token.lower_ in CONNECTORS | {"to", "without"} and start < end):
            break
        start -= 1
    while start < end and not ctx.doc[start].text[:1].isupper():
        start += 1
    if end - start < 2:
        return None
    return ctx.doc[start:end]


def acronym_of(ctx: LinkContext, span: Span) -> Span | None:
    """The name an acronym mention stands for ("the BLA" → "the Baloch Liberation Army")."""
    names = [t for t in span if t.lower_ != "the" and t.text not in ("’s", "'s")]
    if len(names) != 1 or not acronym(names[0]):
        return None
    full = ctx.state.acronyms.get(names[0].text)
    return full if full is not None and full.start != span.start else None
