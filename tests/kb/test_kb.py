"""The knowledge base: shipped facts, the user's own files, and clear errors for bad ones."""

from __future__ import annotations

import datetime

import pytest

from communique.kb import KBError, KnowledgeBase, load, normal

USER_FILE = """\
version: 3
source: our desk's list
people:
  - id: pavel-zarubin
    name: Pavel Zarubin
    surname: Zarubin
    gender: m
    country: RUS
    offices:
      - {role: journalist, kind: other, country: RUS, sector: JRN, from: 2010}
  - id: wang-yi
    name: Wang Yi
    aliases: [Wang Yi (diplomat)]
    wikidata: Q0000001
outlets:
  - {id: desk-wire, name: Desk Wire, country: GBR, state_run: false, kind: agency}
"""


def test_the_shipped_knowledge_base_covers_what_it_promises():
    kb = load()
    assert len([c for c in kb.countries.values() if c.status == "member"]) == 193
    assert {"VAT", "PSE", "TWN", "XKX"} <= set(kb.countries)
    assert kb.by_demonym["chinese"] == "CHN" and kb.by_prefix["sino"] == "CHN"
    assert kb.by_metonym["kremlin"] == "RUS" and kb.by_metonym["kyiv"] == "UKR"
    for name, code in (("NATO", "IGO"), ("Xinhua", "CHN"), ("Pentagon", "USA")):
        (actor,) = kb.named(name)
        assert actor.country == code, name
    assert kb.named("Xinhua")[0].state_run is True
    assert kb.agents["foreign minister"] == "GOV" and kb.agents["troops"] == "MIL"


def test_offices_carry_dates_and_descriptors_find_their_holders():
    kb = load()
    on = datetime.date(2023, 2, 22)
    assert [a.id for a in kb.holders("RUS", ["head_of_state"], on)] == ["vladimir-putin"]
    assert [a.id for a in kb.holders("CHN", ["top_diplomat"], on)] == ["wang-yi"]
    foreign = {a.id for a in kb.holders("CHN", ["foreign_minister"], on)}
    assert foreign == {"qin-gang"}
    assert "vladimir-putin" in {a.id for a in kb.holders("RUS", ["head_of_state"], None)}


def test_generated_people_fold_into_hand_kept_ones_of_the_same_country():
    kb = load()
    patrushev = kb.actors["nikolai-patrushev"]
    assert "nikolay-patrushev" not in kb.actors  # the Phoenix spelling joined the hand record
    assert "Nikolay Patrushev" in patrushev.aliases
    assert patrushev.offices_on(datetime.date(2023, 2, 22))
    assert [a.id for a in kb.named("Nikolay Patrushev")] == ["nikolai-patrushev"]


def test_a_users_file_adds_actors_and_overrides_shipped_facts(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    kb = load([path])
    zarubin = kb.actors["pavel-zarubin"]
    assert (zarubin.country, zarubin.gender, zarubin.offices[0].start) == (
        "RUS", "m", datetime.date(2010, 1, 1),
    )  # fmt: skip
    wang = kb.actors["wang-yi"]
    assert wang.wikidata == "Q0000001"  # the user's value wins
    assert wang.offices and wang.country == "CHN"  # shipped facts the user did not give stay
    assert kb.named("Desk Wire")[0].kind == "outlet"
    assert "mine.yaml" in kb.version and load() is not kb


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("people: [{id: x, name: X, offices: [{role: r, from: 2020-13-01}]}]", "not a date"),
        ("people: [{id: x, name: X, offices: [{role: r, kind: emperor}]}]", "kind must be"),
        ("people: [{name: X}]", "missing 'id'"),
        ("countries: [{code: ABC, name: A, leader: king}]", "leader must be"),
        ("just: text", "no list of records"),
        ("people: [unbalanced", "not valid YAML"),
    ],
)
def test_a_bad_file_is_named_with_the_record_and_the_fault(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(KBError, match=message) as error:
        load([path])
    assert "bad.yaml" in str(error.value)


def test_people_and_offices_can_come_as_csv(tmp_path):
    kb = KnowledgeBase()
    kb.add_file(
        "people.csv",
        "# a comment\nid,name,aliases,surname,country\nab-cd,Ab Cd,A. Cd | Abby Cd,Cd,FRA\n",
    )
    kb.add_file(
        "offices.csv",
        "person,role,kind,country,sector,from,to\nab-cd,Mayor,other,FRA,GOV,2001,2008-03\n",
    )
    kb.index()
    actor = kb.actors["ab-cd"]
    assert actor.aliases == ("A. Cd", "Abby Cd")
    (office,) = actor.offices
    assert (office.start, office.end) == (datetime.date(2001, 1, 1), datetime.date(2008, 3, 31))


def test_names_compare_without_case_accents_dots_or_possessives():
    assert normal("the U.S.'s") == "us"
    assert normal("Erdoğan") == normal("ERDOGAN") == "erdogan"
    assert normal("Wang Yi’s") == "wang yi"
