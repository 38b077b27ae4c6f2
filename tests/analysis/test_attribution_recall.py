"""Attributions PolNeAR counts that a plain list of speech verbs misses: hopes the tagger
lemmatises wrongly, verbs of agreeing, deciding and denouncing, things seen "as" something
and findings found "in" a poll."""

from __future__ import annotations

from communique.analysis import analyse
from communique.records import Article, Statement


def _statements(nlp, text: str) -> tuple[str, tuple[Statement, ...]]:
    return text, analyse(Article(text=text), nlp).statements


def _content(text: str, statement: Statement) -> str:
    return " | ".join(text[s:e] for s, e in statement.fragments)


def _by_cue(statements: tuple[Statement, ...], cue: str) -> Statement:
    found = [s for s in statements if s.cue == cue]
    assert found, [s.cue for s in statements]
    return found[0]


def test_hoping_is_a_hope_however_the_tagger_lemmatises_it(nlp):
    text, found = _statements(
        nlp, "The mayor is hoping that the new bridge will open before the winter floods."
    )
    hope = _by_cue(found, "hope")
    assert _content(text, hope) == "the new bridge will open before the winter floods"
    assert hope.speaker_text == "The mayor"


def test_a_title_in_quotes_after_agreeing_to_an_interview_is_no_quote(nlp):
    _, found = _statements(
        nlp, "The senator agreed to a long interview on “Voices of the Coast,” the radio show."
    )
    assert [s.cue for s in found] == []


def test_agreeing_and_deciding_report_what_was_agreed_or_decided(nlp):
    text, found = _statements(
        nlp,
        "The two ministers agreed that the border crossing should reopen next month. "
        "The council decided to postpone the vote on the harbour budget.",
    )
    agreed = _by_cue(found, "agree")
    assert _content(text, agreed) == "the border crossing should reopen next month"
    assert agreed.speaker_text == "The two ministers"
    decided = _by_cue(found, "decide")
    assert "postpone the vote on the harbour budget" in _content(text, decided)
    assert decided.speaker_text == "The council"


def test_denouncing_reports_its_object(nlp):
    text, found = _statements(
        nlp, "The opposition leader denounced the new tax on fishing boats at a rally."
    )
    denounced = _by_cue(found, "denounce")
    assert _content(text, denounced).startswith("the new tax on fishing boats")
    assert denounced.speaker_text == "The opposition leader"


def test_seeing_something_as_something_reports_both(nlp):
    text, found = _statements(
        nlp, "Many farmers see the trade deal as a betrayal of rural communities."
    )
    seen = _by_cue(found, "see")
    assert _content(text, seen) == "the trade deal as a betrayal of rural communities"
    assert seen.speaker_text == "Many farmers"


def test_a_finding_in_a_poll_is_the_poll_s(nlp):
    text, found = _statements(
        nlp, "In the latest Gallup poll, the governor leads her rival by nine points."
    )
    finding = _by_cue(found, "in")
    assert _content(text, finding) == "the governor leads her rival by nine points"
    assert finding.speaker_text == "the latest Gallup poll"


def test_a_poll_whose_respondents_say_something_is_not_a_second_report(nlp):
    _, found = _statements(
        nlp, "In the same survey, most voters said the economy was their main worry."
    )
    assert [s.cue for s in found if s.cue == "in"] == []


def test_a_view_told_by_an_adjective_of_belief_is_its_holders(nlp):
    text, found = _statements(
        nlp, "Farm lobbyists remain confident that the subsidy bill will clear the Senate."
    )
    view = _by_cue(found, "confident")
    assert _content(text, view) == "the subsidy bill will clear the Senate"
    assert view.speaker_text == "Farm lobbyists"
    text, found = _statements(nlp, "Liberals are convinced the court will strike the law down.")
    assert _content(text, _by_cue(found, "convinced")) == "the court will strike the law down"
    text, found = _statements(nlp, "The coach was not sure whether his striker would play.")
    assert _content(text, _by_cue(found, "sure")) == "his striker would play"
    # a passive of feeling: the one who feels it holds the view
    text, found = _statements(nlp, "Nurses were worried the ward would close.")
    assert [(s.speaker_text, _content(text, s)) for s in found] == [
        ("Nurses", "the ward would close")
    ]


def test_no_one_holds_the_writers_certainty_or_a_feeling_about_a_time(nlp):
    for text in (
        "It is not clear that the bridge will open.",
        "The mayor was delighted when the bridge opened.",
        "The new rules are certain to raise prices.",
    ):
        assert _statements(nlp, text)[1] == (), text
