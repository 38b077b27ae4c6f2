"""The sides of an event: a dateline is never one, a side named inside a phrase is that phrase,
and the recipients the trigger's own arguments do not give (a preposition of its mode, a
proposal in a preposition, the thing an act noun is of, a purpose clause)."""

from __future__ import annotations

from datetime import date

import pytest

from communique.analysis import analyse
from communique.analysis.events.context import datelines
from communique.records import Article


def _events(nlp, text: str):
    return analyse(Article(text=text, date=date(2023, 2, 22)), nlp).events


def _event(nlp, text: str, kind: str):
    found = [e for e in _events(nlp, text) if e.type == kind]
    assert found, f"no {kind} event in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("NAIROBI -- Kenyan police arrested ...", "NAIROBI --"),
        ("THE HAGUE, Netherlands - A court ...", "THE HAGUE, Netherlands -"),
        ("SEOUL (Yonhap) — South Korea ...", "SEOUL (Yonhap) —"),
        ("LIMA, June 3 (Reuters) -- Peru's ...", "LIMA, June 3 (Reuters) --"),
        ("BAGHDAD: Iraq's parliament ...", "BAGHDAD:"),
        ("Talks went on.\nCAIRO - Egypt said ...", "CAIRO -"),
    ],
)
def test_a_dateline_is_found(text, dateline):
    ((start, end),) = datelines(text)
    assert text[start:end] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "US-led forces attacked the town.",
        "The EU - Turkey deal holds.",
        "Bogota, May 2 (EFE) The court ruled.",
        "UN: Iran must comply.",
    ],
)
def test_other_openings_are_no_dateline(text):
    assert datelines(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("NAIROBI -- Kenyan police on Monday arrested two Somali journalists.", "Kenyan police"),
        ("BERLIN (AP) -- Olaf Scholz on Monday criticized the Polish government.", "Olaf Scholz"),
        ("ROME, Italy -- An Italian judge has charged a Libyan commander.", "An Italian judge"),
    ],
)
def test_a_dateline_is_no_side(nlp, text, actor):
    (event,) = [e for e in _events(nlp, text) if e.actors]
    assert [p.text for p in event.actors] == [actor]
    head = text.split()[0]
    assert all(head not in p.text for p in (*event.actors, *event.recipients))


def test_a_side_named_inside_a_phrase_is_the_phrase(nlp):
    text = "Islamist fighters stormed a fuel depot of the Malian army on Sunday."
    event = _event(nlp, text, "ASSAULT")
    (recipient,) = event.recipients
    assert recipient.text.startswith("a fuel depot")
    assert recipient.country == "MLI"


def test_a_surrender_is_to_whom_it_is_made(nlp):
    event = _event(nlp, "Three suspected militants surrendered to soldiers on Sunday.", "RETREAT")
    assert [p.text for p in event.recipients] == ["soldiers"]


def test_a_concession_to_demands_is_to_whoever_made_them(nlp):
    text = "The Thai government conceded to demands from the Cambodian government on Friday."
    event = _event(nlp, text, "CONCEDE")
    assert [p.country for p in event.recipients] == ["KHM"]


def test_a_withdrawal_of_part_of_the_forces_is_from_the_place(nlp):
    text = "Turkey has begun withdrawing some of its soldiers from Libya."
    event = _event(nlp, text, "RETREAT")
    assert [p.country for p in event.recipients] == ["LBY"]


def test_a_suspension_of_aid_is_of_aid_to_someone(nlp):
    event = _event(nlp, "Sweden announced a suspension of aid to Zambia.", "SANCTION")
    assert [p.country for p in event.recipients] == ["ZMB"]


@pytest.mark.parametrize(
    ("text", "kind", "recipient"),
    [
        ("Canada gave 20 million dollars to rebuild schools in Haiti.", "AID", "HTI"),
        ("Japan has donated medical equipment to assist Indonesia.", "AID", "IDN"),
        ("Britain offered to send engineers to help the Nigerian army.", "AGREE", "NGA"),
    ],
)
def test_whom_an_act_is_for_is_its_recipient(nlp, text, kind, recipient):
    event = _event(nlp, text, kind)
    assert [p.country for p in event.recipients] == [recipient]


def test_a_refusal_until_someone_acts_is_put_to_them_and_their_act_has_not_happened(nlp):
    text = "Australia will not resume the aid until Fiji releases the detained editors."
    found = _events(nlp, text)
    refusal = next(e for e in found if e.type == "REJECT")
    assert [p.country for p in refusal.recipients] == ["FJI"]
    assert refusal.modality == "future"
    release = next(e for e in found if e.type == "RETREAT")
    assert release.modality == "hypothetical"
    # a past act that lasted until something happened names no recipient by it
    fought = next(e for e in _events(nlp, "Chad's army fought until Libya withdrew.")
                  if e.type == "ASSAULT")  # fmt: skip
    assert not fought.recipients
    withdrew = next(e for e in _events(nlp, "Chad's army fought until Libya withdrew.")
                    if e.type == "RETREAT")  # fmt: skip
    assert withdrew.modality == "asserted"


def test_the_possessor_of_an_act_done_to_people_did_not_do_it(nlp):
    text = "Police said Navalny's arrest was lawful."
    assert not [e for e in _events(nlp, text) if e.type == "COERCE"]
    invasion = _event(
        nlp, "Officials said Iraq's invasion of Kuwait changed the region.", "ASSAULT"
    )
    assert [p.country for p in invasion.actors] == ["IRQ"]


def test_a_passive_joined_to_a_passive_or_to_another_verb_form_names_no_doer(nlp):
    assert not _events(nlp, "Reporters were blocked or harassed, and jailed.")
    text = "Aid workers were threatened while delivering food and briefly detained and assaulted."
    assert [e.type for e in _events(nlp, text)] == ["AID"]  # they delivered it


@pytest.mark.parametrize(
    "text",
    [
        "Press freedom groups condemned the arrest of the editor.",
        "Humanitarian agencies delivered tents to Herat.",
        "Several charities urged Canada to admit more refugees.",
    ],
)
def test_an_unnamed_non_governmental_group_is_coded_ngo(nlp, text):
    (event,) = [e for e in _events(nlp, text) if e.actors]
    assert [p.country for p in event.actors] == ["NGO"]


def test_an_armed_or_political_group_is_no_ngo(nlp):
    for text in ("Armed groups attacked the convoy near Goma.", "Opposition groups met in Lusaka."):
        assert all(p.country != "NGO" for e in _events(nlp, text) for p in e.actors), text


def test_a_person_the_knowledge_base_does_not_place_keeps_the_body_they_were_named_with(nlp):
    text = (
        "Floods hit Malawi in March. UNHCR envoy Miriam Okello toured the camps on Monday. "
        "She urged donors to fund shelters in Malawi."
    )
    request = _event(nlp, text, "REQUEST")
    assert [p.country for p in request.actors] == ["IGO"]  # not the story's state


def test_a_people_named_with_where_it_lives_is_coded_by_that_state(nlp):
    protest = _event(
        nlp, "Ethnic Hungarians in Slovakia protested against the language law.", "PROTEST"
    )
    assert [p.country for p in protest.actors] == ["SVK"]
    attack = _event(nlp, "Hungarians attacked the border post.", "ASSAULT")
    assert [p.country for p in attack.actors] == ["HUN"]


def test_the_people_an_act_is_done_to_are_its_recipients_in_a_story_of_no_one_state(nlp):
    arrest = _event(nlp, "Chilean police detained 40 people after the march.", "COERCE")
    assert [p.text for p in arrest.recipients] == ["40 people"]
    assert [p.country for p in arrest.recipients] == ["CHL"]  # done at home, by its police
