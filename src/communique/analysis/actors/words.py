"""The words the linking passes read: titles and role words, kinds by entity label, how sure
each way of resolving is."""

from __future__ import annotations

import re

re_dash = re.compile(r"\s*[-–—]\s*")

# How sure each way of resolving is; a name in full is as good as it gets.
CONFIDENCE = {
    "name": 0.95,
    "alias": 0.9,
    "surname": 0.85,
    "surname-kb": 0.6,
    "metonym": 0.85,
    "demonym": 0.8,
    "composed": 0.75,
    "descriptor": 0.8,
    "descriptor-kb": 0.65,
    "pronoun": 0.75,
    "new": 0.5,
    "place": 0.5,
}

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions after which a capital is the place something happens, not an actor; and
# those that mean a place only after a word of movement ("a visit to Moscow", not "arms to").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "through",
     "via", "within", "on", "over"}
)  # fmt: skip
MOTION_PREPS = frozenset({"to", "from", "into", "toward", "towards"})
PLACE_VERBS = frozenset(
    {"visit", "leave", "reach", "tour", "enter", "arrive", "fly", "travel", "go", "come",
     "return", "trip", "journey", "flight", "move", "head", "way", "road", "stop", "drive"}
)  # fmt: skip
FORMER_WORDS = frozenset({"former", "ex", "formerly", "previously", "once", "erstwhile", "then"})
TITLE_WORDS = frozenset(
    {
        "president",
        "prime",
        "minister",
        "premier",
        "chancellor",
        "secretary",
        "general",
        "foreign",
        "defence",
        "defense",
        "state",
        "councillor",
        "councilor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "envoy",
        "leader",
        "chairman",
        "chair",
        "king",
        "queen",
        "prince",
        "crown",
        "sheikh",
        "emir",
        "top",
        "chief",
        "senior",
        "vice",
        "deputy",
        "acting",
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "adm",
        "col",
        "sen",
        "rep",
        "gov",
    }
)

LEADER_TITLES = frozenset(
    {"president", "king", "queen", "emir", "sultan", "premier", "chancellor", "prime", "sheikh"}
)
ROYAL_WORDS = frozenset({"king", "queen", "emir", "sultan", "prince", "princess", "sheikh"})
PERSON_KINDS = ("person",)
KINDS = ("state", "igo", "institution", "outlet", "person")
LABEL_KINDS = {
    "PERSON": ("person",),
    "GPE": ("state", "institution", "igo"),
    "NORP": ("state",),
    "ORG": ("igo", "institution", "outlet", "state", "person"),
    "FAC": ("institution", "state"),
    "LOC": ("state", "igo"),
}


# The offices each role phrase names. "leader" is the state's own leader office.
ROLE_KINDS: dict[str, tuple[str, ...]] = {
    "leader": ("head_of_state", "head_of_government"),
    "head of state": ("head_of_state",),
    "president": ("head_of_state",),
    "prime minister": ("head_of_government",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "head of government": ("head_of_government",),
    "foreign minister": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "top diplomat": ("top_diplomat", "foreign_minister"),
    "chief diplomat": ("top_diplomat", "foreign_minister"),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "defence secretary": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "diplomat": ("foreign_minister", "top_diplomat"),
    "minister": ("foreign_minister", "defence_minister", "head_of_government"),
}
# Words of an office's title that also make it fit a broad role phrase.
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "president": ("president",),
    "diplomat": ("ambassador", "diplomat", "foreign"),
    "minister": ("minister",),
}


# Role phrases a definite description can name, longest first.
DESCRIPTOR_PHRASES = (
    "head of state",
    "head of government",
    "prime minister",
    "foreign minister",
    "foreign secretary",
    "secretary of state",
    "top diplomat",
    "chief diplomat",
    "defence minister",
    "defense minister",
    "defence secretary",
    "defense secretary",
    "secretary general",
    "secretary-general",
    "leader",
    "president",
    "premier",
    "chancellor",
    "diplomat",
    "minister",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "secretary",
    "chairman",
    "chairwoman",
    "king",
    "queen",
    "crown prince",
    "emir",
    "general",
    "commander",
)
DESCRIPTOR_HEADS = frozenset(phrase.split()[-1] for phrase in DESCRIPTOR_PHRASES) | {"head"}


PARTICLE = re.compile(r"^(?:al|el|ad|as|an|bin|ibn|bint|abu|de|da|do|dos|du|la|le|van|von|der)\b")
