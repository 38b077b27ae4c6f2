"""The words the event stages read: prepositions by event type, modality cues, group and
casualty nouns."""

from __future__ import annotations

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# The prepositions that bring the recipient, by event type ("talks with", "sanctions on").
RECIPIENT_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with",),
    "CONSULT": ("with", "to"),
    "SUPPORT": ("for", "to"),
    "CONCEDE": ("to", "on", "for"),
    "COOPERATE": ("with",),
    "AID": ("to", "for"),
    "RETREAT": ("from", "on", "against"),
    "REQUEST": ("on", "to", "from", "of", "for"),
    "ACCUSE": ("against", "over", "about", "on", "at", "of", "into"),  # "an inquiry into"
    "REJECT": ("to",),
    "THREATEN": ("against", "with", "to"),
    "PROTEST": ("against", "outside", "with"),
    "SANCTION": ("on", "against", "from"),
    "MOBILIZE": ("to", "near", "against", "in", "into"),
    "COERCE": ("on", "against", "from"),  # "seized weapons from the rebels"
    "ASSAULT": ("on", "against", "with", "at"),
}
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
# Words of readiness that make the action after them an offer.
WILLING = frozenset({"ready", "willing", "prepared", "eager", "determined", "offer", "pledge",
                     "promise", "vow", "plan", "intend", "agree"})  # fmt: skip
# Events that mostly happen within one state: an unnamed group is of the other side's state.
DOMESTIC_TYPES = frozenset({"COERCE", "PROTEST", "CONCEDE"})
# Participles that say where their subject stands, not what was done to it.
STATIVE = frozenset({"oppose", "commit", "determine", "dedicate", "prepare", "resolve"})
# Event types whose direct object is mostly a thing moved or imposed, not a side.
THING_OBJECTS = frozenset({"AID", "MOBILIZE", "SANCTION"})
# Nouns of asking and offering: whoever made one is on the receiving end of the answer.
PROPOSALS = frozenset(
    {"offer", "demand", "call", "request", "proposal", "plan", "appeal", "invitation", "bid",
     "suggestion", "initiative", "ultimatum", "claim", "accusation", "charge", "allegation"}
)  # fmt: skip
# Nouns of "in protest of X", "in retaliation for X", "in response to X": X is whom the act
# answers, and so its recipient when no one else is named.
ANSWERS = frozenset({"protest", "retaliation", "response", "reprisal", "revenge", "reaction"})
ANSWER_PREPS = ("of", "against", "at", "over", "to", "for")
# Prepositions that may bring the recipient whatever the event type.
ANY_PREPS = frozenset(
    {"to", "for", "with", "against", "on", "over", "into", "at", "toward", "towards", "upon"}
)  # fmt: skip
# Prepositions that bring an earlier or later event of the same actor: "met Putin after
# talks with Lavrov".
TIME_PREPS = frozenset({"after", "before", "during", "following", "ahead", "amid", "at"})
LIGHT_NOUN_HOSTS = frozenset({"after", "before", "during", "following", "ahead"})
# Prepositions that set one event against another in time: "since the invasion".
EVENT_TIME_PREPS = LIGHT_NOUN_HOSTS | {"since", "amid", "until", "despite"}
CLAIM_CUES = frozenset(
    {"claim", "allege", "suggest", "accuse", "charge", "insist", "contend", "maintain",
     "assert", "believe", "suspect", "think", "speculate", "rumor", "rumour", "deny"}
)  # fmt: skip
HEARSAY = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
MODALS = frozenset({"could", "might", "may", "would"})
CONDITIONS = frozenset({"if", "unless", "whether"})
FAILING = frozenset({"fail", "refuse", "decline", "reject"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
# Pronouns that, in a reported clause, stand for the one who reports.
REPORTED_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "we", "our"})
# Entity labels that never name a side of an event.
NOT_ACTORS = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL", "EVENT", "LAW",
     "WORK_OF_ART", "LANGUAGE", "PRODUCT"}
)  # fmt: skip
# Nouns that, made plural or counted ("the two sides", "both countries", "the pair"),
# stand for the last group of actors the text named together.
GROUP_NOUNS = frozenset(
    {"side", "party", "pair", "leader", "country", "nation", "state", "minister", "diplomat",
     "official", "capital", "government", "president", "counterpart", "delegation"}
)  # fmt: skip
STATE_NOUNS = frozenset({"country", "nation", "state", "capital", "government"})
PEOPLE_NOUNS = frozenset(
    {"two", "pair", "leader", "minister", "diplomat", "official", "president", "counterpart"}
)  # fmt: skip

# Sizes: the verbs that count the dead, injured and arrested, and the event types that keep it.
CASUALTY_VERBS = {
    **dict.fromkeys(("kill", "die", "murder", "slay", "massacre", "execute"), "dead"),
    **dict.fromkeys(("wound", "injure", "hurt", "maim"), "injured"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison", "apprehend"), "arrested"),
}  # fmt: skip
SIZED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
     "ninety": 90}  # fmt: skip
MULTIPLIERS = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
LOWER_BOUNDS = frozenset({"least", "more", "over"})  # "at least", "more than", "over"
NOT_COUNTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"})
