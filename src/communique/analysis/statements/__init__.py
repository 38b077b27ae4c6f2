"""Statements: who said what, to whom, according to whom.

Three kinds, as news writes them:

- **direct**: words in quotation marks with a cue and a speaker around them, before or after
  ("“…,” Wang said", "Lavrov said: “…”", "“…,” said Caddell"), over several paragraphs
  (news leaves the quote open at a paragraph's end and opens it again at the next), and
  quote paragraphs with no cue of their own that continue the previous speaker;
- **indirect**: a reporting verb and what it reports ("Qin stressed that the partnership …",
  "Lavrov urged China and Russia to step up …", "according to the Kremlin, …");
- **mixed**: indirect speech holding quoted words ("Wang said China would “uphold …”").

Each statement keeps the speaker (resolved to an actor through the article's linked
mentions), the cue, the content, the addressee ("told Putin"), the reporting chain ("according
to Sputnik", "Xinhua said") and negation. Pure: the parse, the linked mentions and the
knowledge base in, records out.
"""

from __future__ import annotations

from communique.analysis.passes import Pass, run_passes
from communique.analysis.statements.colons import colons
from communique.analysis.statements.context import StatementContext
from communique.analysis.statements.direct import direct
from communique.analysis.statements.found import outer_views
from communique.analysis.statements.hearsay import according_to, hearsay, in_source
from communique.analysis.statements.indirect import indirect
from communique.analysis.statements.nouns import noun_reports
from communique.analysis.statements.stances import beliefs, seeming, stances
from communique.records import Statement

__all__ = ["PASSES", "StatementContext", "find_statements"]

# What the passes read, besides the parse: "quotes" (quoted stretches and paragraphs),
# "mentions" (the linked mentions and their actors' kinds), "agents" (role nouns from the
# knowledge base), and "found" (the statements earlier passes found). Each adds to "found".
PASSES: tuple[Pass[StatementContext], ...] = (
    # First, so that a quote inside indirect speech stays part of it.
    Pass("indirect", indirect, ("parse", "quotes", "mentions", "agents"), ("found",)),
    Pass("direct", direct, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("colons", colons, ("parse", "quotes", "mentions", "found"), ("found",)),
    # After the reports: a sentence whose report is found already credits its source.
    Pass("according to", according_to, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("in a poll", in_source, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("noun reports", noun_reports, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("stances", stances, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("beliefs", beliefs, ("parse", "quotes", "mentions", "agents", "found"), ("found",)),
    Pass("seeming", seeming, ("parse", "quotes", "mentions", "found"), ("found",)),
    Pass("hearsay", hearsay, ("parse", "quotes", "found"), ("found",)),
)


def find_statements(ctx: StatementContext) -> tuple[Statement, ...]:
    """The statements of the article: the passes in order, then views held inside another
    statement's content dropped."""
    run_passes(PASSES, ctx)
    records = []
    for index, found in enumerate(sorted(outer_views(ctx), key=lambda f: f.start)):
        phrase, mention = found.speaker, found.speaker_mention
        addressee, to = found.addressee, found.addressee_mention
        cue = found.cue
        records.append(
            Statement(
                article_id=ctx.article_id,
                index=index,
                kind=found.kind,
                start=found.start,
                end=found.end,
                fragments=found.fragments,
                speaker_start=phrase.start_char if phrase is not None else None,
                speaker_end=phrase.end_char if phrase is not None else None,
                speaker_text=phrase.text if phrase is not None else None,
                speaker_id=mention.actor_id if mention else None,
                cue_start=cue[0] if cue else None,
                cue_end=cue[1] if cue else None,
                cue=cue[2] if cue else None,
                addressee_start=addressee.start_char if addressee is not None else None,
                addressee_end=addressee.end_char if addressee is not None else None,
                addressee_text=addressee.text if addressee is not None else None,
                addressee_id=to.actor_id if to else None,
                via=found.via,
                negated=found.negated,
                sentence=ctx.sentence_of(found.start),
            )
        )
    return tuple(records)
