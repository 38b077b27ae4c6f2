"""Who said it: pronouns, descriptions and acronyms resolved to the person or body the article
named, and speakers that cannot speak left out (issue 15)."""

from __future__ import annotations

from communique.analysis import analyse
from communique.analysis.actors.acronyms import initials
from communique.analysis.actors.names import edits
from communique.records import Article


def _speakers(nlp, text: str) -> list[tuple[str | None, str | None]]:
    """Each statement's speaker as written, and the name of the actor it resolves to."""
    records = analyse(Article(text=text), nlp)
    names = {actor.id: actor.name for actor in records.actors}
    return [(s.speaker_text, names.get(s.speaker_id or "")) for s in records.statements]


def _actor_of(nlp, text: str, written: str) -> str | None:
    """The name of the actor the last mention written ``written`` resolves to."""
    records = analyse(Article(text=text), nlp)
    names = {actor.id: actor.name for actor in records.actors}
    mentions = [m for m in records.mentions if m.text == written]
    assert mentions, f"no mention {written!r}"
    return names.get(mentions[-1].actor_id or "")


def test_a_pronoun_skips_the_person_named_in_an_aside(nlp):
    text = (
        "Like Tanaka, Maria Costa, head of the central bank of Peru, stressed the risk of "
        "inflation on Monday. She said rates would stay high."
    )
    assert _actor_of(nlp, text, "She") == "Maria Costa"


def test_a_named_storm_is_no_one_and_the_main_subject_is_the_antecedent(nlp):
    text = (
        "Lucia Fernandes, director of Brazil's national weather service, told reporters that "
        "Storm Delia had moved east. She said more rain was expected in the north."
    )
    assert _actor_of(nlp, text, "She") == "Lucia Fernandes"
    records = analyse(Article(text=text), nlp)
    assert not any("Delia" in a.name for a in records.actors if a.kind == "person")


def test_he_and_she_skip_people_of_the_other_gender(nlp):
    text = (
        "Thomas Becker, the union's chairman, met Elena Vasquez on Tuesday. Vasquez and "
        "Becker spoke for an hour. She said the talks had gone well."
    )
    assert _actor_of(nlp, text, "She") == "Elena Vasquez"


def test_a_title_or_role_noun_gives_a_gender(nlp):
    text = (
        "Mrs. Okafor met Mr. Lind in Oslo on Friday. Okafor and Lind discussed trade. She "
        "said the meeting was useful."
    )
    assert _actor_of(nlp, text, "She") == "Okafor"
    # "he" and "she" fit anyone of no known gender: the other person here is a man.
    text = (
        "The spokeswoman, Robin Hughes, met the chairman, Jordan Clarke, in London on Friday. "
        "Hughes and Clarke discussed the border. She said the talks would resume."
    )
    assert _actor_of(nlp, text, "She") == "Robin Hughes"


def test_a_description_goes_to_the_person_the_article_described_so(nlp):
    text = (
        "Lt. Gen. Ana Petrov, director general of the army's media wing, said the operation "
        "was over. The army spokesperson said no hostages were hurt. The spokesperson "
        "said the troops had withdrawn."
    )
    speakers = _speakers(nlp, text)
    assert speakers[1:] == [
        ("The army spokesperson", "Ana Petrov"),
        ("The spokesperson", "Ana Petrov"),
    ]


def test_a_description_by_an_office_named_in_the_text(nlp):
    text = (
        "Trade Secretary Paul Hendry told reporters the duties would stay. The Trade chief "
        "also rejected fears of a recession."
    )
    assert _speakers(nlp, text)[-1] == ("The Trade chief", "Paul Hendry")


def test_the_group_and_the_party_go_to_the_organisation_named(nlp):
    text = (
        "Ruth Mensah, president of the National Association of Cocoa Growers, says prices "
        "have fallen. The cocoa growers group says many farms have closed. The group says "
        "exports will fall."
    )
    names = [name or "" for _, name in _speakers(nlp, text)[1:]]
    assert len(names) == 2
    assert all(name.endswith("National Association of Cocoa Growers") for name in names)
    text = "Moyo was expelled from the Zanu PF party for what the party described as disloyalty."
    assert _actor_of(nlp, text, "the party") == "Zanu PF"


def test_the_officials_go_to_the_body_named_before(nlp):
    text = (
        "Iraqi officials said the strike killed a senior commander. The officials also said "
        "they arrested seven suspects."
    )
    records = analyse(Article(text=text), nlp)
    first, second = records.statements
    assert first.speaker_id is not None and second.speaker_id == first.speaker_id


def test_it_said_goes_to_the_organisation_that_spoke(nlp):
    text = (
        "The watchdog Freedom Monitor International said conditions had improved. But it "
        "noted in its report that arrests continued."
    )
    speakers = _speakers(nlp, text)
    assert speakers[-1][0] == "it" and speakers[-1][1] is not None
    assert speakers[-1][1] == speakers[0][1]


def test_an_acronym_is_the_actor_whose_name_it_spells(nlp):
    text = (
        "Fighters of the Kivu Liberation Front (KLF) attacked a convoy on Sunday. The KLF "
        "said it would fight on. Later, Medics Across Nations (MAN) said the wounded were "
        "treated. The ZDF, or Zambezi Defence Forces, said it had lost two men."
    )
    records = analyse(Article(text=text), nlp)
    names = {actor.id: actor.name for actor in records.actors}
    by_text = {m.text: names.get(m.actor_id or "") for m in records.mentions}
    assert (by_text["KLF"] or "").endswith("Kivu Liberation Front")
    assert (by_text["ZDF"] or "").endswith("Zambezi Defence Forces")


def test_the_initials_of_a_name(nlp):
    doc = nlp("the Baloch Liberation Army and the Committee for the Defence of Rights met.")
    assert initials(doc[0:4]) == "BLA"
    assert initials(doc[6:12]) == "CDR"
    assert initials(doc[3:4]) == ""


def test_a_show_is_no_speaker(nlp):
    text = (
        "Trump, in a taped interview with Fox News’ “Sunday Morning Futures” show, dodged a "
        "question about a recession, but said, “There is a period of transition.”"
    )
    for speaker, name in _speakers(nlp, text):
        assert speaker is None or "show" not in speaker
        assert name in (None, "Donald Trump")


def test_a_misspelt_surname_is_the_person_of_that_name():
    assert edits("chaudhry", "chaundry") == 2
    assert edits("zelensky", "zelenskyy") == 1
