"""The trigger lexicon and matcher, with the real spaCy model."""

from __future__ import annotations

import pytest

from communique.analysis.lexicon import read_lexicon
from communique.analysis.triggers import (
    GUARD,
    Match,
    Trigger,
    match,
    match_sentence,
    read_triggers,
)
from communique.ontology import plover

TABLE = read_triggers(read_lexicon(), plover.shipped())


def events(nlp, text: str) -> list[Match]:
    return match_sentence(nlp(text), TABLE)


def first(nlp, text: str) -> tuple[str, str | None] | None:
    found = events(nlp, text)
    return (found[0].type, found[0].mode) if found else None


# ------------------------------------------------------------------------------ the lexicon


def test_every_row_is_a_known_plover_type_and_2024_mode():
    table = TABLE
    assert len(table) > 500
    for row in table:
        assert row.pos in ("VERB", "NOUN")
        assert row.lemma == row.lemma.lower().strip()
        if row.type == GUARD:
            assert row.mode is None
            continue
        assert row.type in plover.TYPES, row
        found = plover.mode(row.type, row.mode)
        assert found.mode == row.mode, row
        assert not found.legacy, row  # only PLOVER 2024 modes


def test_every_type_has_triggers_and_guards_exist():
    table = TABLE
    types = {row.type for row in table}
    assert set(plover.TYPES) <= types
    assert GUARD in types


def test_rows_are_unique_and_indexed_most_specific_first():
    table = TABLE
    keys = [(r.lemma, r.pos, r.particle, r.prep, r.objects) for r in table]
    assert len(keys) == len(set(keys))
    rows = table.lookup("call", "VERB")
    assert rows and [r.specificity for r in rows] == sorted(
        (r.specificity for r in rows), reverse=True
    )
    assert table.lookup("nonexistent", "VERB") == ()


def test_header_credits_the_references():
    from importlib import resources

    text = (resources.files("communique.ontology") / "data" / "triggers.csv").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "PLOVER" in header and "CAMEO" in header and "CC BY-SA 4.0" in header
    assert "communique's own" in header


# ------------------------------------------------------------------------------ the brief


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # PLOVER SUPPORT: "ratify, sign, or finalize an agreement" (a promise to sign is AGREE)
        ("Russia and China signed an agreement on energy.", ("SUPPORT", None)),
        ("The two sides struck a deal.", ("AGREE", None)),
        ("Putin invited Xi for a state visit.", ("AGREE", None)),  # invitations are AGREE
        ("Wang met Putin.", ("CONSULT", None)),
        ("The US imposed sanctions on Iran.", ("SANCTION", "discontinue")),
        ("Protesters marched in Hong Kong.", ("PROTEST", "demo")),
        ("Israeli jets bombed Gaza.", ("ASSAULT", "aerial")),
        ("He called for restraint.", ("REQUEST", "yield")),
        ("The troops withdrew from the town.", ("RETREAT", "withdraw")),
        ("China condemned the attack.", ("ACCUSE", "disapprove")),
        ("They failed to meet the demand.", None),
    ],
)
def test_brief_examples(nlp, text, expected):
    assert first(nlp, text) == expected


def test_light_verb_reports_its_noun_at_the_light_verb(nlp):
    doc = nlp("The two leaders held talks in Moscow.")
    held, talks = doc[3], doc[4]
    found = match(held, TABLE)
    assert found is not None
    assert (found.type, found.kind) == ("CONSULT", "light")
    assert found.head == held and found.token == talks and found.noun == talks
    assert found.trigger.lemma == "talk" and found.trigger.pos == "NOUN"
    assert match(talks, TABLE) is None  # claimed by the light verb: one event
    assert [m.head.i for m in match_sentence(doc, TABLE)] == [held.i]


def test_passive_and_passive_light_verbs(nlp):
    found = events(nlp, "The embassy was attacked by gunmen.")
    assert [(m.type, m.mode) for m in found] == [("ASSAULT", "firearms")]
    found = events(nlp, "The talks were held in Geneva.")
    assert [(m.type, m.head.text, m.token.text) for m in found] == [("CONSULT", "held", "talks")]


# ------------------------------------------------------------------------------ by type


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korea has agreed to re-open its borders.", ("AGREE", None)),
        ("The rebels pledged to respect the truce.", ("CONCEDE", None)),
        ("Russia agreed to withdraw its troops from the border.", ("CONCEDE", None)),
        ("Lavrov held talks with his Iranian counterpart.", ("CONSULT", None)),
        ("Putin called Xi on Tuesday.", ("CONSULT", "phone")),
        ("Macron spoke with Biden by phone.", ("CONSULT", "phone")),
        ("Blinken paid a visit to Beijing.", ("CONSULT", "visit")),
        ("The president praised the decision.", ("SUPPORT", None)),
        ("The government apologised for the raid.", ("CONCEDE", None)),
        ("The two armies launched joint exercises.", ("COOPERATE", None)),
        ("Japan provided $5 million in humanitarian aid to Haiti.", ("AID", None)),
        ("Police rescued ten hostages.", ("AID", None)),
        ("The rebels released three hostages.", ("RETREAT", "release")),
        ("The minister resigned on Friday.", ("RETREAT", "resign")),
        ("The US called on Iran to release the prisoners.", ("REQUEST", "yield")),
        ("The opposition demanded the resignation of the prime minister.", ("REQUEST", "change")),
        ("Prosecutors charged him with fraud.", ("ACCUSE", "allege")),
        ("Police launched an investigation into the killing.", ("ACCUSE", "investigate")),
        ("Iran rejected the proposal for talks.", ("REJECT", "meet")),
        ("Israel refused to release the prisoners.", ("REJECT", "yield")),
        ("Trump threatened to impose tariffs on China.", ("THREATEN", "restrict")),
        ("Russia vowed to retaliate.", ("THREATEN", "violence")),
        ("Workers went on strike for better pay.", ("PROTEST", "strike")),
        ("Inmates began a hunger strike.", ("PROTEST", "hunger")),
        ("Russia expelled two British diplomats.", ("SANCTION", "expel")),
        ("The court convicted the former minister.", ("SANCTION", "convict")),
        ("Russia pulled out of the treaty.", ("SANCTION", "withdraw")),
        ("Russia deployed troops to the border.", ("MOBILIZE", "troops")),
        ("Police arrested 20 protesters.", ("COERCE", "arrest")),
        ("The army imposed a curfew on the city.", ("COERCE", "curfew")),
        ("Thailand deported the activists.", ("COERCE", "deport")),
        ("Police fired tear gas at protesters.", ("ASSAULT", "crowd-control")),
        ("Israeli jets carried out air strikes on Gaza.", ("ASSAULT", "aerial")),
        ("Gunmen kidnapped two aid workers.", ("ASSAULT", "abduct")),
        ("A suicide bomber attacked the mosque.", ("ASSAULT", "suicide-attack")),
    ],
)
def test_types_and_modes(nlp, text, expected):
    assert first(nlp, text) == expected


def test_nouns_report_only_as_clause_subjects(nlp):
    assert first(nlp, "Protests erupted in the capital.") == ("PROTEST", "demo")
    assert first(nlp, "There were clashes in the north.") == ("ASSAULT", None)
    # mentions, not reports
    assert events(nlp, "He spoke after the attack.") == []
    assert events(nlp, "The Taliban blamed the government for the attack.")[0].type == "ACCUSE"


def test_claiming_responsibility_reports_the_act_claimed(nlp):
    # the claimer is the doer, by their own claim (the event's modality says so)
    (found,) = events(nlp, "The Taliban claimed responsibility for the attack.")
    assert (found.type, found.head.lemma_, found.token.lemma_) == ("ASSAULT", "claim", "attack")


def test_embedded_triggers_are_claimed(nlp):
    found = events(nlp, "China accused the US of launching attacks.")
    assert [(m.type, m.mode) for m in found] == [("ACCUSE", "allege")]
    found = events(nlp, "The US called on Iran to release the prisoners.")
    assert len(found) == 1 and found[0].complement is not None
    assert found[0].complement.text == "release"


@pytest.mark.parametrize(
    "text",
    [
        "They failed to meet the demand.",
        "The company met its sales target.",
        "He called the decision a mistake.",
        "The UN warned of famine in the region.",
        "The ministry declined to comment.",
        "Exports to China declined last year.",
        "Doctors are fighting the disease.",
        "She released a new album.",
        "He held a press conference.",
    ],
)
def test_guards_and_non_events(nlp, text):
    assert events(nlp, text) == []


def test_a_denial_is_a_rejection_with_the_denial_code(nlp):
    # CAMEO 016 "Deny responsibility", which the PLOVER manual allows coding as REJECT
    (found,) = events(nlp, "The government denied the allegations.")
    assert (found.type, found.trigger.cameo) == ("REJECT", "016")


def test_modifiers_do_not_report(nlp):
    # "ousted", "US-backed": participles modifying a noun mention an event
    assert first(nlp, "The ousted president left the country.") is None
    assert first(nlp, "US-backed fighters entered the town.") is None


def test_hints_and_reverse(nlp):
    found = events(nlp, "China will not send troops to Russia.")
    assert found and found[0].future and found[0].negated
    found = events(nlp, "Xi hosted Putin in Beijing.")
    assert found and found[0].type == "CONSULT" and found[0].reverse


def test_trigger_is_frozen():
    row = TABLE.rows[0]
    assert isinstance(row, Trigger)
    with pytest.raises(AttributeError):
        row.type = "AGREE"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks that broke down: a rejection of the deal, one event at "failed"
        ("Chile and Peru failed to reach an accord on fishing rights.", ("REJECT", "meet")),
        ("The negotiators failed to agree on a text.", ("REJECT", "meet")),
        ("The two parties failed to sign the coalition pact.", ("REJECT", "meet")),
        # a failure at anything else is no event between actors
        ("The party failed to reach the second round.", None),
        ("The drone failed to strike its target.", None),
        ("The ministry failed to meet the deadline.", None),
    ],
)
def test_a_failure_to_agree_is_a_rejection_and_no_other_failure_is(nlp, text, expected):
    found = events(nlp, text)
    assert ((found[0].type, found[0].mode) if found else None) == expected
    if expected:
        assert [m.head.lower_ for m in found] == ["failed"]


@pytest.mark.parametrize(
    "text",
    [
        "Eritrea let free 40 detained pastors.",
        "The militia set free two kidnapped engineers.",
        "Iran set the sailors free on Friday.",
        "Cuba let the dissidents free.",
    ],
)
def test_letting_or_setting_people_free_is_a_release(nlp, text):
    assert first(nlp, text) == ("RETREAT", "release")


def test_setting_other_things_is_no_release(nlp):
    assert first(nlp, "The council set a date for the vote.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The junta met the protesters' demands.", ("CONCEDE", None)),
        ("The regime satisfied the miners' demands.", ("CONCEDE", None)),
        ("The agency met its emissions target.", None),
    ],
)
def test_meeting_demands_is_yielding_and_meeting_targets_is_nothing(nlp, text, expected):
    assert first(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that carries its noun's event takes the sense the noun's modifiers tell
        (
            "The senator launched a blistering attack on the health minister.",
            ("ACCUSE", "disapprove"),
        ),
        ("The mayor launched an attack on the new zoning policy.", ("ACCUSE", "disapprove")),
        ("State hackers launched a cyber attack on the ministry.", ("COERCE", "cyber")),
        ("Rebels launched an attack on the army base.", ("ASSAULT", None)),
        # a verb that does something to what the noun names keeps its own sense
        ("The court lifted the travel ban on the journalist.", ("CONCEDE", None)),
    ],
)
def test_a_carried_noun_tells_its_own_sense(nlp, text, expected):
    assert first(nlp, text) == expected
