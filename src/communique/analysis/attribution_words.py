"""The words of attribution: reporting verbs and nouns, and the words around them that tell
who holds a view and who does not. One place for the vocabulary the statement finder reads."""

from __future__ import annotations

# Reporting verbs and phrases (lemmas). "tell" and "ask" take an addressee.
_CUES = """say tell add stress emphasise emphasize underscore underline highlight note point frame
    reiterate describe call urge warn insist express reaffirm state claim argue announce
    explain suggest write report declare assert acknowledge admit deny confirm comment remark
    mention recall believe think hope predict complain accuse respond reply ask vow pledge
    promise threaten conclude caution allege maintain contend observe indicate convey tweet
    testify propose demand appeal voice affirm welcome thank praise criticise criticize
    condemn reject dismiss estimate forecast question wonder worry fear expect
    charge blame concede recommend advise show find see know feel consider learn realize
    realise understand recognize recognise remember doubt wish want plan intend seek refuse
    decline support back endorse oppose prefer favor favour discuss list cite joke quip mock
    ridicule talk speak boast brag lament blast slam defend dispute challenge vote insist
    push advocate campaign reveal disclose inform assure acknowledge argue attack offer refer
    brand label dub"""
CUE_VERBS = frozenset(_CUES.split())
# Verbs of wanting and siding: a view only when someone holds it ("a framework built to
# support coexistence" is no one's statement).
STANCE_VERBS = frozenset(
    {"support", "seek", "intend", "want", "plan", "back", "endorse", "oppose", "prefer",
     "favor", "favour", "push", "advocate", "campaign", "vote", "hope", "wish", "refuse",
     "decline", "expect", "discuss", "defend", "challenge"}
)  # fmt: skip
# Verbs of holding a view: inside another report, part of what it says.
VIEW_CUES = STANCE_VERBS | {"think", "believe", "know", "see", "show", "feel", "consider", "offer"}
# Verbs that also give names ("a website called …").
NAMING_VERBS = frozenset({"call", "know", "name", "dub", "brand", "label", "term", "title"})
# Verbs that introduce what follows a colon, and only then: "Caddell continued:".
COLON_CUES = frozenset({"continue", "go", "begin", "put", "conclude", "summarize", "summarise"})
# Verbs of saying proper: a report that holds one is the chain of the statement inside it.
SPEECH_VERBS = frozenset(
    {"say", "tell", "add", "stress", "emphasise", "emphasize", "underscore", "note", "reiterate",
     "state", "claim", "argue", "announce", "explain", "declare", "assert", "insist", "urge",
     "warn", "call", "express", "reaffirm", "describe", "confirm", "deny", "suggest", "write",
     "comment", "remark"}
)  # fmt: skip
# Verbs whose report is their object or an infinitive, not a that-clause.
OBJECT_CUES = frozenset(
    {"urge", "call", "express", "reaffirm", "voice", "welcome", "thank", "praise", "criticise",
     "criticize", "condemn", "reject", "dismiss", "describe", "warn", "demand", "propose",
     "appeal", "accuse", "blame", "recommend", "advise", "support", "back", "endorse",
     "oppose", "prefer", "favor", "favour", "announce", "discuss", "mention", "list", "cite",
     "mock", "ridicule", "blast", "slam", "defend", "dispute", "challenge", "deny", "reveal",
     "disclose", "show", "want", "seek", "question", "talk", "speak",
     "vote", "push", "advocate", "campaign", "complain", "worry", "argue", "point", "ask",
     "frame", "attack", "offer", "refer", "note", "confirm", "tweet", "brand", "label", "dub",
     "comment", "brag", "boast", "wonder"}
)  # fmt: skip
# The preposition that brings the report after some verbs: "talked about", "voted for".
REPORT_PREPS = {
    "call": ("for",), "describe": ("as",), "appeal": ("for",), "warn": ("of", "about", "against"),
    "talk": ("about", "of"), "speak": ("about", "of"), "vote": ("for", "against"),
    "push": ("for",), "advocate": ("for",), "campaign": ("for", "against"),
    "complain": ("about",), "worry": ("about",), "argue": ("for", "against"), "point": ("to",),
    "frame": ("as",), "refer": ("to",), "brand": ("as",), "label": ("as",), "dub": ("as",),
    "ask": ("about",), "accuse": ("of",), "blame": ("for",), "criticize": ("for",),
    "criticise": ("for",), "praise": ("for",), "thank": ("for",), "attack": ("for", "over"),
    "slam": ("for", "over"), "blast": ("for", "over"), "condemn": ("for",), "mock": ("for",),
    "comment": ("on", "about"), "brag": ("about", "of"), "boast": ("about", "of"),
    "wonder": ("about",),
}  # fmt: skip
# Verbs that report only with a clause or an infinitive: "pledged to act", not "pledged aid".
CLAUSE_CUES = frozenset(
    {"pledge", "promise", "vow", "threaten", "plan", "intend", "hope", "expect", "refuse",
     "decline", "wish", "agree"}
)  # fmt: skip
SPEECH_NOUNS = frozenset(
    {"statement", "report", "readout", "communique", "communiqué", "release", "transcript",
     "announcement", "declaration", "letter", "message", "post", "tweet", "article",
     "editorial", "commentary", "interview", "briefing", "document", "memo", "note",
     "resolution", "website", "petition", "proposal", "motion", "filing", "lawsuit",
     "complaint", "notice"}
)  # fmt: skip
# Nouns for a source that reports what people think, as a headline names one ("Poll: …").
SOURCE_NOUNS = frozenset({"poll", "survey", "study", "report"})
# Occasions of speaking: what is said at one is said by whoever holds it.
OCCASIONS = frozenset(
    {"conference", "speech", "address", "appearance", "hearing", "rally", "remarks", "event",
     "testimony", "ad", "advertisement", "video", "email", "op-ed", "column", "paper",
     "campaign", "effort", "bid", "drive"}
)  # fmt: skip
RELATIVES = frozenset({"who", "which", "that"})
# Nouns of saying and believing whose that-clause is what was said: "his warning that …".
REPORT_NOUNS = frozenset(
    {"claim", "warning", "statement", "assertion", "belief", "argument", "view", "suggestion",
     "promise", "pledge", "threat", "fear", "hope", "charge", "allegation", "insistence",
     "concern", "message", "assurance", "admission", "announcement", "accusation",
     "acknowledgement", "acknowledgment", "prediction", "complaint", "demand", "denial",
     "contention", "conviction", "impression", "sense", "reminder", "confirmation", "report",
     "remark", "comment", "vow", "notion", "expectation", "speculation", "rumor", "rumour"}
)  # fmt: skip
# Nouns of saying or siding whose prepositional object is what they are about.
STANCE_NOUNS = frozenset(
    {"criticism", "opposition", "support", "concern", "comment", "remark", "view",
     "position", "stance", "attack", "praise", "call", "message", "warning", "complaint",
     "objection", "doubt", "question", "argument", "reaction", "response", "take", "thought",
     "feeling", "fear", "hope", "commitment", "endorsement", "rejection", "condemnation",
     "defense", "defence", "embrace", "skepticism", "scepticism", "opinion", "attitude",
     "critique", "assessment", "claim", "description", "characterization", "portrayal",
     "reference", "denunciation", "dismissal", "disdain", "contempt", "admiration", "distrust",
     "mistrust", "suspicion", "disapproval", "approval", "backing", "insistence", "emphasis",
     "focus", "passion", "enthusiasm", "pledge", "promise", "demand", "push", "plea",
     "appeal", "vote", "tirade", "rant", "diatribe", "jab", "swipe", "broadside"}
)  # fmt: skip
# People by the side they take, and words for taking one: "a supporter of NATO", "has been
# critical of Trump".
STANCE_HOLDERS = frozenset(
    {"supporter", "opponent", "critic", "defender", "advocate", "proponent", "champion",
     "backer", "foe", "detractor", "admirer"}
)  # fmt: skip
STANCE_ADJECTIVES = frozenset(
    {"critical", "supportive", "skeptical", "sceptical", "wary", "dismissive", "contemptuous",
     "scornful", "suspicious", "fond", "proud", "appreciative", "respectful", "disdainful",
     "concerned", "worried", "passionate", "optimistic", "pessimistic", "confident", "nervous",
     "excited", "upset", "angry", "furious", "anxious", "enthusiastic", "hopeful", "coy",
     "vague", "candid", "adamant", "silent", "frank", "doubtful", "unhappy", "pleased",
     "disappointed", "frustrated"}
)  # fmt: skip
# "critical of", "wary about": the prepositions after an adjective that take a side.
ADJECTIVE_PREPS = frozenset({"of", "about", "toward", "towards", "over", "with", "on"})
STANCE_PREPS = frozenset(
    {"of", "on", "about", "for", "to", "against", "with", "toward", "towards", "over",
     "regarding"}
)  # fmt: skip
# Headline labels before a colon that name a kind of piece, not a speaker.
RUBRICS = frozenset(
    {"analysis", "opinion", "editorial", "exclusive", "update", "updated", "breaking", "watch",
     "video", "photos", "live", "explainer", "factbox", "timeline", "review", "interview",
     "comment", "commentary", "correction", "note", "editor", "podcast", "listen", "read",
     "fact", "q&a", "factcheck", "special", "first", "more", "related", "see",
     "source", "sources", "photo", "image", "credit", "by", "urgent", "flashback",
     "clarification", "disclaimer", "warning", "summary", "background", "context"}
)  # fmt: skip
# Verbs that bring their object to say or think what the verb after it says ("led Ivans to
# fear", "forced Stumpf to admit"); a verb that asks, lets or obliges is the cue itself.
OBJECT_CONTROL = frozenset(
    {"lead", "leave", "force", "prompt", "push", "compel", "drive", "cause", "make", "get",
     "pressure", "press", "persuade", "convince"}
)  # fmt: skip
# Verbs whose "it" is a placeholder ("it seems that …", "it is clear that …").
LINKING_VERBS = frozenset({"be", "seem", "appear", "remain", "become", "look", "sound", "feel"})
# Prepositions that leave a noun of saying with the subject of the verb: "said in a statement
# that", "stirred controversy with an assertion that" (not "amid concerns that").
OWNING_PREPS = frozenset({"in", "with", "into", "to"})
# Nouns for people in general, beside the knowledge base's role nouns: who can hold a view.
PEOPLE_NOUNS = frozenset(
    {"member", "official", "expert", "analyst", "critic", "supporter", "opponent", "people",
     "person", "observer", "source", "spokesman", "spokeswoman", "spokesperson", "aide",
     "adviser", "advisor", "diplomat", "leader", "delegate", "candidate", "voter", "resident",
     "citizen", "activist", "economist", "scholar", "researcher", "lawyer", "attorney",
     "witness", "protester", "participant", "author", "writer", "reporter", "journalist"}
)  # fmt: skip
# Recordings that show someone speaking: "footage of Clinton asking …".
DEPICTIONS = frozenset(
    {"footage", "video", "clip", "image", "picture", "photo", "recording", "tape", "audio"}
)
# Verbs of asking, and the words that open the question after them ("Trump, asked how …").
ASKING = frozenset({"ask", "question", "press", "quiz"})
QUESTION_WORDS = frozenset(
    {"whether", "if", "about", "how", "what", "why", "when", "who", "which", "where", "for", "by"}
)
# Verbs whose subject meets or causes a view, not holds it: "faced questions about",
# "drew criticism for", "sparked outrage over".
DRAWING = frozenset(
    {"face", "draw", "receive", "attract", "dodge", "deflect", "escape", "weather", "endure",
     "spark", "provoke", "trigger", "invite", "fuel", "prompt", "earn", "court", "incur"}
)  # fmt: skip
# Words that open a concession, the writer's and not the speaker's ("…, although he …").
CONCESSIVE = frozenset({"although", "though", "whereas", "while"})
