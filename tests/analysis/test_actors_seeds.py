"""Every person named in seeds 000, 001 and 004 resolves to the right actor in every mention.

The expected lists were written by reading each article: every mention of a person, in text
order, as (words the mention holds, actor) — full names, surnames, possessives, descriptions
("the head of state", "the Russian president") and pronouns ("he") alike.
"""

from __future__ import annotations

import pytest

from communique.analysis import analyse
from communique.ingest import ReadOptions, read_file
from communique.records import Article

QIN, WANG, ZARUBIN = "qin-gang", "wang-yi", "person:pavel-zarubin"
PUTIN, XI, LAVROV = "vladimir-putin", "xi-jinping", "sergey-lavrov"
PATRUSHEV, ZAKHAROVA = "nikolai-patrushev", "maria-zakharova"
BIDEN, ZELENSKY = "joe-biden", "volodymyr-zelensky"

EXPECTED = {
    "000": [
        ("Qin Gang", QIN), ("He", QIN), ("Pavel Zarubin", ZARUBIN), ("Zarubin", ZARUBIN),
        ("Qin", QIN), ("He", QIN), ("He", QIN), ("The minister", QIN), ("Qin Gang", QIN),
        ("He", QIN), ("The diplomat", QIN), ("he", QIN), ("Wang Yi", WANG),
    ],
    "001": [
        ("Vladimir Putin", PUTIN), ("The head of state", PUTIN), ("Xi Jinping", XI),
        ("Putin", PUTIN), ("Putin", PUTIN), ("He", PUTIN), ("the Russian leader", PUTIN),
        ("Xi Jinping", XI), ("He", XI),
    ],
    "004": [
        ("Wang", WANG), ("Putin", PUTIN), ("Wang Yi", WANG), ("Vladimir Putin", PUTIN),
        ("Wang", WANG), ("the most senior Chinese official", WANG), ("Putin", PUTIN),
        ("Sergey Lavrov", LAVROV), ("Wang", WANG), ("Putin", PUTIN), ("he", WANG),
        ("Wang", WANG), ("Putin", PUTIN), ("Wang", WANG), ("He", PUTIN), ("he", PUTIN),
        ("Xi Jinping", XI), ("He", PUTIN), ("Putin", PUTIN), ("Wang", WANG), ("Wang", WANG),
        ("Putin", PUTIN), ("Wang", WANG), ("Maria Zakharova", ZAKHAROVA), ("Wang", WANG),
        ("Wang", WANG), ("Xi", XI), ("Putin", PUTIN), ("Xi", XI),
        ("the Russian president", PUTIN), ("Xi", XI), ("Wang", WANG), ("Lavrov", LAVROV),
        ("Lavrov", LAVROV), ("Wang", WANG), ("Wang", WANG), ("he", WANG), ("Wang", WANG),
        ("he", WANG), ("Wang", WANG), ("Nikolai Patrushev", PATRUSHEV), ("Wang", WANG),
        ("Patrushev", PATRUSHEV), ("Wang", WANG), ("He", WANG), ("Putin", PUTIN), ("Xi", XI),
        ("Wang", WANG), ("he", WANG), ("Patrushev", PATRUSHEV), ("he", PATRUSHEV),
        ("Wang", WANG), ("Joe Biden", BIDEN), ("he", BIDEN), ("Volodymyr Zelensky", ZELENSKY),
        ("Wang", WANG), ("Patrushev", PATRUSHEV), ("Wang", WANG), ("Patrushev", PATRUSHEV),
        ("Patrushev", PATRUSHEV), ("He", PATRUSHEV), ("Patrushev", PATRUSHEV),
    ],
}  # fmt: skip


def _seed(seeds, key: str) -> Article:
    (article,) = [a for a in read_file(seeds[key], ReadOptions()) if isinstance(a, Article)]
    return article


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_person_mention_resolves_to_the_right_actor(seeds, nlp, key):
    article = _seed(seeds, key)
    records = analyse(article, nlp)
    people = {actor.id for actor in records.actors if actor.kind == "person"}
    found = [(m.text, m.actor_id) for m in records.mentions if m.actor_id in people]
    expected = EXPECTED[key]
    for index, ((text, actor), (want_text, want_actor)) in enumerate(
        zip(found, expected, strict=False)
    ):
        assert want_text.lower() in text.lower() and actor == want_actor, (
            f"person mention {index}: got {text!r} → {actor}, want {want_text!r} → {want_actor}"
            f"\nfound: {found[max(0, index - 3) : index + 3]}"
        )
    assert len(found) == len(expected), found[len(expected) :] or expected[len(found) :]


def test_mentions_say_how_they_were_resolved(seeds, nlp):
    records = analyse(_seed(seeds, "001"), nlp)
    how = {(m.text, m.how) for m in records.mentions}
    assert {("Vladimir Putin", "name"), ("Putin", "surname"), ("He", "pronoun")} <= how
    assert ("The head of state", "descriptor") in how and (
        "the Russian leader",
        "descriptor",
    ) in how
    assert all(0 < m.confidence <= 1 for m in records.mentions if m.actor_id)


def test_capitals_acting_are_governments_and_places_are_states(seeds, nlp):
    article = _seed(seeds, "004")
    records = analyse(article, nlp)
    links = [
        (m.text, m.actor_id, m.how) for m in records.mentions if m.text in ("Moscow", "Beijing")
    ]
    # "Moscow and Beijing will continue to work together": the governments act.
    assert ("Moscow", "RUS:GOV", "metonym") in links and ("Beijing", "CHN:GOV", "metonym") in links
    # "the most senior Chinese official to visit Moscow": a place in Russia.
    assert ("Moscow", "RUS", "place") in links


def test_titles_and_appositions_become_roles(seeds, nlp):
    roles = {(r.actor_id, r.role.lower(), r.organisation, r.country, r.tense)
             for r in analyse(_seed(seeds, "004"), nlp).roles}  # fmt: skip
    assert (LAVROV, "foreign minister", None, "RUS", "current") in roles
    assert (PATRUSHEV, "secretary", "Russian Security Council", "RUS", "current") in roles
    former = analyse(_seed(seeds, "000"), nlp).roles
    (wang,) = [r for r in former if r.actor_id == WANG]
    assert wang.tense == "former" and wang.role == "chair"
    assert wang.organisation.startswith("Foreign Affairs Commission Office")


def test_coordinated_appositions_and_clauses_give_each_role(seeds, nlp):
    roles = analyse(_seed(seeds, "002"), nlp).roles
    wang = {(r.role, r.organisation) for r in roles if r.actor_id == WANG}
    assert ("senior member", "Politburo") in wang
    assert any(
        role == "head" and org.startswith("Foreign Affairs Commission Office") for role, org in wang
    )
    ushakov = [r for r in analyse(_seed(seeds, "003"), nlp).roles if r.actor_id == "yuri-ushakov"]
    assert [(r.role, r.tense) for r in ushakov] == [("Deputy", "former")]


def test_places_resolve_to_their_state_and_regions_to_none(nlp):
    text = "Protesters gathered in Cizre and Khanty-Mansiysk, while leaders in Asia watched."
    records = analyse(Article(text=text, title=None), nlp)
    links = {m.text: (m.actor_id, m.how) for m in records.mentions}
    assert links["Cizre"] == ("TUR", "place")
    assert links.get("Asia", (None, None))[0] is None


def test_a_description_with_no_one_named_finds_the_office_holder_of_the_day(nlp):
    import datetime

    text = "The Russian leader met the Chinese foreign minister, and the minister smiled."
    day = datetime.date(2023, 2, 22)
    records = analyse(Article(text=text, date=day), nlp)
    links = [(m.text, m.actor_id, m.how) for m in records.mentions if m.label == "NOUN"]
    assert ("The Russian leader", PUTIN, "descriptor-kb") in links
    assert ("the Chinese foreign minister", QIN, "descriptor-kb") in links
    assert ("the minister", QIN, "descriptor") in links  # the one just named, not a guess
    later = analyse(Article(text=text, date=datetime.date(2024, 1, 10)), nlp)
    assert ("the Chinese foreign minister", WANG, "descriptor-kb") in [
        (m.text, m.actor_id, m.how) for m in later.mentions
    ]


def test_a_surname_alone_names_only_a_leader_of_the_knowledge_base(nlp):
    """ "Obama" alone is the former president; a lone "Ferguson" or "Walter" is not whichever
    of the knowledge base's thousands of officials bears that name."""
    text = "Ferguson and Walter spoke to reporters on Monday. Obama said the deal was good."
    mentions = analyse(Article(text=text), nlp).mentions
    linked = {m.text: (m.actor_id, m.how) for m in mentions}
    assert linked["Obama"] == ("barack-obama", "surname-kb")
    assert linked["Ferguson"][1] != "surname-kb" and linked["Walter"][1] != "surname-kb"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hong Kong police arrested three activists on Monday.", "CHN:COP"),
        ("New York police said the suspect fled.", "USA:COP"),
        ("Officials of the Hong Kong government denied the report.", "CHN"),
    ],
)
def test_a_word_inside_a_place_name_is_no_ones_surname(nlp, text, expected):
    mentions = analyse(Article(text=text), nlp).mentions
    linked = [m.actor_id for m in mentions if m.actor_id]
    assert linked and linked[0].startswith(expected), linked
