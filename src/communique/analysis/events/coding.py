"""How the event stages code: the parse labels they read, and the PLOVER types each of their
rules applies to. The words they read are in ``lexicon.yaml`` (``Resources.words``)."""

from __future__ import annotations

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# The preposition of an event noun that names the two sides it is carried on between
# ("mediation between Syria and Arafat"): when its doer is named apart, they receive it.
BETWEEN = "between"
# Event types whose noun takes its doer in an of-phrase: "the withdrawal of the troops".
OF_ACTOR_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST", "CONSULT", "AID", "COOPERATE"})
# Event types whose place, when no one else is named, is where they land: its state.
PLACE_TARGETS = frozenset(
    {"ASSAULT", "MOBILIZE", "AID", "COERCE", "PROTEST", "CONCEDE", "SANCTION", "THREATEN",
     "RETREAT"}
)  # fmt: skip
# Event types whose place says nothing of a recipient: PLOVER codes a meeting at a neutral
# place with all its parties as actors and no recipient.
PLACE_NEUTRAL = frozenset({"CONSULT"})
# What a future event of these types is coded as: PLOVER codes a stated willingness or
# commitment to cooperate or to concede ("will allow", "is ready to host") as AGREE.
PROMISED = {
    "CONSULT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE", "SUPPORT": "AGREE",
    "CONCEDE": "AGREE", "RETREAT": "AGREE",
}  # fmt: skip
# Material conflict told as what someone will do ("will impose a curfew", "said it would
# boycott the vote", "will launch an offensive"): PLOVER codes an act of conflict that is
# only announced as a threat of it (as an announced cooperation is an agreement), with the
# act as the threat's mode.
THREATENED = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"})
# What a refusal of these types is coded as, with the mode of what is refused: "will not
# lift the ban" (yield), "will not cooperate" (assist), "will not attend the talks" (meet).
REFUSED = {
    "CONCEDE": "yield", "RETREAT": "yield", "COOPERATE": "assist", "AID": "assist",
    "SUPPORT": "assist", "CONSULT": "meet", "AGREE": "meet",
}  # fmt: skip
# Acts of a state's authorities: told in the passive with a place and no one doing them
# ("was arrested in Rwanda", "were released in Libya"), the state of the place did them.
STATE_ACTS = frozenset({"COERCE", "SANCTION", "RETREAT"})
# Events that mostly happen within one state: an unnamed group is of the other side's state.
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "CONCEDE"})
# Event types whose direct object is mostly a thing moved or imposed, not a side.
THING_OBJECTS = frozenset({"AID", "MOBILIZE", "SANCTION"})
# Entity labels that never name a side of an event.
NOT_ACTORS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW",
     "WORK_OF_ART", "LANGUAGE", "PRODUCT"}
)  # fmt: skip
# Event types that keep a count of dead, injured or arrested.
SIZED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# Entity labels of numbers that count no one.
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
