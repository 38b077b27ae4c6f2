"""Event senses, codes and modality on shapes real news writes: which use of a word is an
event, what CAMEO code its wording gives, and whether it happened."""

from __future__ import annotations

from datetime import date

import pytest

from communique.analysis import analyse
from communique.records import Article, Event

PUBLISHED = date(2025, 3, 10)  # a Monday


def _events(nlp, text: str) -> list[Event]:
    return list(analyse(Article(text=text, date=PUBLISHED), nlp).events)


def _coded(nlp, text: str) -> list[tuple[str, tuple, tuple, str]]:
    """Each event as (type, actor countries, recipient countries, modality)."""
    return [
        (
            e.type,
            tuple(p.country for p in e.actors),
            tuple(p.country for p in e.recipients),
            e.modality,
        )
        for e in _events(nlp, text)
    ]


# -- appeals and demands ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese foreign ministry urged Washington to stop selling arms to Taiwan.",
        "Japan called on China to free the detained fishermen.",
        "The EU appealed to Serbia to resume talks with Kosovo.",
    ],
)
def test_an_appeal_is_a_request_with_cameo_s_appeal_code_and_a_positive_score(nlp, text):
    (request,) = [e for e in _events(nlp, text) if e.type == "REQUEST"]
    assert request.cameo is not None and request.cameo.startswith("02")
    assert request.goldstein is not None and request.goldstein > -1
    assert request.quad == 1  # CAMEO's appeals are verbal cooperation


def test_a_demand_stays_a_demand(nlp):
    text = "Russia demanded that Ukraine withdraw its troops from the border region."
    (request,) = [e for e in _events(nlp, text) if e.type == "REQUEST"]
    assert request.cameo is not None and request.cameo.startswith("10")
    assert request.goldstein == -5.0 and request.quad == 3


def test_a_call_for_someone_to_act_is_a_request_to_them_not_their_act(nlp):
    text = "Japan calls for the UN to investigate the sinking of the ferry."
    assert _coded(nlp, text) == [("REQUEST", ("JPN",), ("IGO",), "asserted")]


# -- denials ----------------------------------------------------------------------------------


def test_a_denial_is_a_rejection_coded_as_cameo_s_denial(nlp):
    text = "Beijing denied the accusation that it had shipped drones to Moscow."
    (denial,) = [e for e in _events(nlp, text) if e.type == "REJECT"]
    assert [p.country for p in denial.actors] == ["CHN"]
    assert (denial.cameo, denial.goldstein) == ("016", -2.0)


def test_a_claim_the_state_denies_is_that_state_rejecting_it(nlp):
    events = _events(nlp, "The report repeats a claim that Iran denies.")
    assert [(e.type, [p.country for p in e.actors]) for e in events] == [("REJECT", ["IRN"])]


def test_refusing_a_visa_is_a_rejection_with_its_usual_code(nlp):
    (refusal,) = _events(nlp, "Britain denied visas to the Russian delegation.")
    assert refusal.type == "REJECT" and refusal.cameo != "016"


# -- senses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Exports to Russia declined by 20 percent last year.",
        "The number of migrants crossing into Poland declined sharply in May.",
    ],
)
def test_declining_in_number_is_no_rejection(nlp, text):
    assert [e.type for e in _events(nlp, text)] == []


def test_declining_an_offer_is_a_rejection(nlp):
    events = _events(nlp, "The Syrian government declined the offer of talks with Turkey.")
    assert [e.type for e in events] == ["REJECT"]


@pytest.mark.parametrize(
    "text",
    [
        "Samsung pulled way out front in the chip race, leaving Japan behind.",
        "The company pulled out ahead of its Chinese rivals.",
    ],
)
def test_pulling_out_in_front_is_a_lead_not_a_withdrawal(nlp, text):
    assert "RETREAT" not in [e.type for e in _events(nlp, text)]


def test_pulling_out_of_a_town_is_a_withdrawal(nlp):
    assert [e.type for e in _events(nlp, "Russian troops pulled out of Kherson.")] == ["RETREAT"]


def test_what_a_meeting_discussed_is_not_its_other_side(nlp):
    text = "Modi and Putin discussed Ukraine during their meeting in Moscow."
    coded = _coded(nlp, text)
    assert coded and all(kind == "CONSULT" for kind, *_ in coded)
    assert all("UKR" not in recipients for _, _, recipients, _ in coded)


# -- visits -----------------------------------------------------------------------------------


def test_arriving_on_a_visit_is_a_visit_to_the_host_state(nlp):
    text = "The Kenyan president arrived in Tokyo on Monday on his first state visit."
    assert _coded(nlp, text) == [("CONSULT", ("KEN",), ("JPN",), "asserted")]
    (visit,) = _events(nlp, text)
    assert visit.mode == "visit"


def test_a_participle_of_arrival_takes_the_subject_of_its_clause(nlp):
    text = "Arriving in Moscow for a two-day visit, Xi was greeted by Putin."
    coded = _coded(nlp, text)
    assert ("CONSULT", ("CHN",), ("RUS",), "asserted") in coded
    assert all(actors for _, actors, _, _ in coded)


def test_an_act_before_the_main_clause_is_an_event_and_going_home_is_no_visit(nlp):
    text = "After meeting Lavrov in Moscow, Wang flew back to Beijing."
    assert _coded(nlp, text) == [("CONSULT", ("CHN",), ("RUS",), "asserted")]


def test_being_about_to_act_keeps_the_actor(nlp):
    text = "North Korea is about to restore ties with Japan, officials said."
    (event,) = _events(nlp, text)
    assert [p.country for p in event.actors] == ["PRK"]
    assert [p.country for p in event.recipients] == ["JPN"]


# -- modality ---------------------------------------------------------------------------------


def test_neither_nor_denies_each_subject_the_act(nlp):
    text = "Neither India nor Brazil boycotted the summit in Kazan."
    assert [(e.type, e.modality) for e in _events(nlp, text)] == [("PROTEST", "negated")]


def test_a_negation_stays_with_its_own_verb(nlp):
    text = "Lula said the tariffs would not work and warned Washington against a trade war."
    (warning,) = [e for e in _events(nlp, text) if e.type == "THREATEN"]
    assert warning.modality == "asserted" and not warning.negated


def test_a_negated_clause_does_not_negate_the_next_one(nlp):
    text = "Serbia did not attack the village, and Hungary sent aid to the region."
    coded = {kind: modality for kind, _, _, modality in _coded(nlp, text)}
    assert coded == {"ASSAULT": "negated", "AID": "asserted"}


def test_a_shared_negation_covers_both_verbs(nlp):
    text = "Turkey did not attack or shell the Kurdish town."
    assert {e.modality for e in _events(nlp, text)} == {"negated"}


def test_a_planned_appeal_asserts_nothing(nlp):
    text = "France plans to urge EU ministers to back a truce in Sudan."
    events = _events(nlp, text)
    assert [e.type for e in events] == ["REQUEST"]
    assert all(e.modality != "asserted" for e in events)


def test_a_threat_of_sanctions_is_no_sanction(nlp):
    events = _events(nlp, "Washington threatened to impose new tariffs on Mexico.")
    assert [e.type for e in events] == ["THREATEN"]


def test_an_earlier_clause_of_time_does_not_replace_the_main_event(nlp):
    text = "Turkey expelled the Syrian envoy after Damascus shelled a border town in May."
    coded = _coded(nlp, text)
    assert ("SANCTION", ("TUR",), ("SYR",), "asserted") in coded
    shelling = next(e for e in _events(nlp, text) if e.type == "ASSAULT")
    expulsion = next(e for e in _events(nlp, text) if e.type == "SANCTION")
    assert shelling.when.start == date(2025, 5, 1) or shelling.when.start == date(2024, 5, 1)
    assert expulsion.when.start != shelling.when.start


# -- refusals, concluded agreements, orders -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Spain will not lift the ban on Moroccan tomatoes.", "yield"),
        ("Egypt will not release the detained activists.", "yield"),
        ("Hungary won't cooperate with the court in The Hague.", "assist"),
        ("Turkey will not attend the summit in Brussels.", "meet"),
        ("Nepal said it would not meet the strikers' demands.", "yield"),
    ],
)
def test_a_stated_refusal_is_a_rejection_of_what_is_refused(nlp, text, mode):
    (event,) = _events(nlp, text)
    assert (event.type, event.mode, event.negated) == ("REJECT", mode, False)
    assert event.modality == "future"


@pytest.mark.parametrize(
    ("text", "mode", "actor"),
    [
        ("Peru's government will impose a curfew on Lima.", "restrict", "PER"),
        ("Ghana said it would expel the Chinese miners.", "expel", "GHA"),
        ("Ankara announced it will launch an offensive against the rebels.", "violence", "TUR"),
        ("The Kenyan opposition will boycott the vote.", "restrict", "KEN"),
    ],
)
def test_an_act_of_conflict_only_announced_is_a_threat_of_it(nlp, text, mode, actor):
    threats = [e for e in _events(nlp, text) if e.type == "THREATEN"]
    assert [(e.mode, e.modality) for e in threats] == [(mode, "future")]
    assert [p.country for p in threats[0].actors] == [actor]


def test_an_act_of_conflict_that_happened_or_only_may_stays_what_it_is(nlp):
    assert {e.type for e in _events(nlp, "Peru imposed a curfew on Lima.")} == {"COERCE"}
    found = _events(nlp, "Analysts said Peru might impose a curfew on Lima.")
    assert "THREATEN" not in {e.type for e in found}


def test_a_concession_that_did_not_happen_stays_a_negated_concession(nlp):
    (event,) = _events(nlp, "Spain did not lift the ban on Moroccan tomatoes.")
    assert (event.type, event.modality) == ("CONCEDE", "negated")


@pytest.mark.parametrize(
    "text",
    [
        "The rebels reached a peace agreement with the Sudanese government.",
        "Chile and Peru have agreed a fisheries agreement.",
        "The State Department pledged support for Armenian civil groups.",
    ],
)
def test_concluding_an_agreement_or_pledging_support_is_support(nlp, text):
    assert [e.type for e in _events(nlp, text)] == ["SUPPORT"]


def test_agreeing_to_act_and_pledging_aid_stay_agreements(nlp):
    assert [e.type for e in _events(nlp, "Norway pledged aid to the flood victims in Chad.")] == [
        "AGREE"
    ]
    assert [e.type for e in _events(nlp, "Iran agreed to release the tanker.")] == ["AGREE"]


def test_an_order_to_arrest_is_the_arrest_and_a_warrant_a_threat_of_it(nlp):
    (order,) = _events(nlp, "A court in Lima ordered the arrest of the former president.")
    assert (order.type, order.mode) == ("COERCE", "arrest")
    (warrant,) = _events(nlp, "Police in Seoul issued an arrest warrant for the Japanese trader.")
    assert (warrant.type, warrant.mode) == ("THREATEN", "arrest")


def test_forces_withdrawn_are_the_doer_s_and_the_place_left_the_other_side(nlp):
    (event,) = _events(nlp, "Armenia withdrew its troops from the disputed villages in Tavush.")
    assert event.type == "RETREAT"
    assert all("troops" not in p.text for p in event.recipients)


def test_claiming_responsibility_for_an_attack_is_the_attack_by_the_claimer_as_claimed(nlp):
    text = "The Taliban claimed responsibility for the bombing in Kandahar."
    (event,) = _events(nlp, text)
    assert (event.type, event.modality) == ("ASSAULT", "claimed")
    assert [p.country for p in event.actors] == ["AFG"]


def test_they_after_an_event_of_many_is_that_side(nlp):
    text = "Gunmen attacked a convoy near Kandahar. They killed four guards and burned two trucks."
    events = _events(nlp, text)
    assert [e.type for e in events][:2] == ["ASSAULT", "ASSAULT"]
    assert all([p.country for p in e.actors] == ["AFG"] for e in events)


def test_they_looks_back_only_a_little(nlp):
    filler = " ".join(f"The council met for the {n}th time on the budget." for n in range(5, 15))
    text = f"Gunmen attacked a convoy near Kandahar. {filler} They killed four guards."
    killing = [e for e in _events(nlp, text) if e.trigger == "kill"]
    assert killing == [] or all(not e.actors for e in killing)


def test_an_accusation_or_a_denial_is_asserted_not_claimed(nlp):
    for text in ("Iran accused Israel of the attack.", "Beijing denied the charges."):
        (event,) = _events(nlp, text)
        assert event.modality == "asserted"


def test_an_agentless_passive_is_no_event_for_want_of_an_actor(nlp):
    assert _events(nlp, "Three reporters were arrested on Tuesday.") == []
    (by_police,) = _events(nlp, "Three reporters were arrested by Egyptian police on Tuesday.")
    assert [p.country for p in by_police.actors] == ["EGY"]


def test_a_passive_arrest_in_a_state_is_that_state_s(nlp):
    (event,) = _events(nlp, "Three reporters were arrested in Rwanda on Tuesday.")
    assert (event.type, [p.country for p in event.actors]) == ("COERCE", ["RWA"])


def test_people_with_no_country_of_their_own_are_of_the_story_s_state(nlp):
    text = (
        "Gunmen attacked a bus in Pakistan's Balochistan province on Monday. Pakistani police "
        "said the gunmen seized hostages. Pakistan's interior minister said Pakistan would "
        "hunt the attackers down. The gunmen stopped a second bus and shot him."
    )
    events = _events(nlp, text)
    seizing = next(e for e in events if e.trigger == "seize")
    assert [(p.text, p.country) for p in seizing.recipients] == [("hostages", "PAK")]
    shooting = next(e for e in events if e.trigger == "shoot")
    assert [(p.text, p.country) for p in shooting.recipients] == [("him", "PAK")]


def test_an_event_told_in_someone_s_words_is_claimed_and_the_telling_asserted(nlp):
    text = "A witness said the soldiers shot two farmers. Kenya accused Somalia of the attack."
    events = {e.type: e.modality for e in _events(nlp, text)}
    assert events == {"ASSAULT": "claimed", "ACCUSE": "asserted"}


def test_an_announced_return_of_seized_arms_is_a_promise(nlp):
    found = _events(nlp, "The militia announced it will return the weapons seized from the army.")
    assert [(e.type, e.modality) for e in found] == [("AGREE", "future")]
    assert "RETREAT" not in {e.type for e in _events(nlp, "Marines returned fire on the gunmen.")}


@pytest.mark.parametrize(
    ("text", "recipient", "cameo_root"),
    [
        ("Norway said Sudan must release the detained monks.", "SDN", "10"),
        ("The Arab League says Iraq should reopen its embassy in Kuwait.", "IRQ", "02"),
    ],
)
def test_a_duty_put_on_another_in_a_report_is_a_request(nlp, text, recipient, cameo_root):
    found = _events(nlp, text)
    assert [e.type for e in found] == ["REQUEST"]  # the act demanded reports nothing itself
    (request,) = found
    assert [p.country for p in request.recipients] == [recipient]
    assert request.cameo is not None and request.cameo.startswith(cameo_root)
    assert request.modality == "asserted"


def test_a_duty_the_speaker_puts_on_itself_is_no_request(nlp):
    assert "REQUEST" not in {e.type for e in _events(nlp, "Sudan said it must free them.")}
