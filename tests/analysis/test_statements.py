"""Statements: who said what, to whom, according to whom."""

from __future__ import annotations

import json

import pytest

from communique.analysis import analyse
from communique.analysis.quotes import find_quotes
from communique.ingest import ReadOptions, read_file
from communique.records import Article


def _statements(nlp, text: str):
    article = Article(text=text)
    return article, analyse(article, nlp).statements


def test_quotes_pair_up_and_apostrophes_are_not_quotes():
    text = "China’s envoy said “we will talk” and ‘soon’.\n\nNext paragraph."
    quotes = [(text[q.inner_start : q.inner_end], q.closed, q.double) for q in find_quotes(text)]
    assert quotes == [("we will talk", True, True), ("soon", True, False)]


def test_an_unclosed_quote_ends_with_its_paragraph_and_loses_nothing_after_it():
    text = "“We are ready to talk, he said.\n\nThe talks begin on Monday in Moscow.\n\nMore text."
    (quote,) = find_quotes(text)
    assert not quote.closed and text[quote.inner_start : quote.inner_end] == (
        "We are ready to talk, he said."
    )
    assert quote.end == text.index("\n")


def _inner(text: str) -> list[tuple[str, bool]]:
    return [(text[q.inner_start : q.inner_end], q.closed) for q in find_quotes(text)]


def test_a_closing_mark_of_another_kind_closes_the_open_quote():
    text = (
        '"The harvest failed in every district,” the minister told farmers. She said more aid '
        'was coming. “The roads are open again," her deputy added.'
    )
    assert _inner(text) == [
        ("The harvest failed in every district,", True),
        ("The roads are open again,", True),
    ]


def test_quotes_nest_inside_quotes_of_another_or_the_same_kind():
    text = (
        '“They called the vote "a farce" and walked out,” the envoy said. '
        '"He called it "theatre" again," she added.'
    )
    assert _inner(text) == [
        ('They called the vote "a farce" and walked out,', True),
        ('He called it "theatre" again,', True),
    ]


def test_a_quote_reopened_after_a_sentence_is_a_new_paragraph_of_the_quote():
    # Text whose paragraph breaks were lost: the first paragraph of the quote is never closed.
    text = "“The dam will hold this year. “We have checked it twice,” the engineer said."
    assert _inner(text) == [
        ("The dam will hold this year.", False),
        ("We have checked it twice,", True),
    ]


def test_an_unclosed_quote_in_text_without_paragraphs_ends_with_its_sentence():
    filler = "The council met again on Monday and took no decision. " * 30
    text = f'The mayor said: "We need more buses. Officials disagreed. {filler}'
    (quote,) = find_quotes(text)
    assert not quote.closed
    assert text[quote.inner_start : quote.inner_end] == "We need more buses."


def test_a_stray_straight_mark_after_a_word_opens_nothing():
    text = 'The shelf was 5"6 wide. He said it was done." Then the talks "resumed" on Monday.'
    assert _inner(text) == [("resumed", True)]


def test_mixed_marks_in_a_flattened_story_give_each_speaker_their_quote(nlp):
    text = (
        "\"Our clinics are full and supplies are short,” Maria Lopez, the charity's director, "
        "told the council. She said the rains had cut the roads. "
        '"We cannot reach the villages in the north,” she said. '
        '“The army must open the bridges," said Tomas Berg, a regional governor. '
        "Berg said the bridges were closed in March."
    )
    _, found = _statements(nlp, text)
    summary = [(s.kind, s.speaker_text, text[s.start : s.end]) for s in found]
    assert summary == [
        ("direct", "Maria Lopez", "Our clinics are full and supplies are short"),
        ("indirect", "She", "the rains had cut the roads"),
        ("direct", "she", "We cannot reach the villages in the north"),
        ("direct", "Tomas Berg", "The army must open the bridges"),
        ("indirect", "Berg", "the bridges were closed in March"),
    ]
    assert len({s.speaker_id for s in found}) == 2


def test_direct_indirect_and_mixed_statements_with_their_speakers(nlp):
    text = (
        "Foreign Minister Sergey Lavrov said Russia would “never accept” the proposal.\n\n"
        "“We are ready to continue the dialogue with Beijing,” Lavrov told reporters.\n\n"
        "Lavrov stressed that the partnership does not threaten any third country."
    )
    _, found = _statements(nlp, text)
    summary = [(s.kind, s.speaker_id, s.cue, text[s.start : s.end]) for s in found]
    assert summary == [
        ("mixed", "sergey-lavrov", "say", "Russia would “never accept” the proposal"),
        ("direct", "sergey-lavrov", "tell", "We are ready to continue the dialogue with Beijing"),
        (
            "indirect",
            "sergey-lavrov",
            "stress",
            "the partnership does not threaten any third country",
        ),
    ]
    assert found[1].addressee_text == "reporters"


def test_a_quote_over_paragraphs_and_a_cueless_paragraph_keep_the_speaker(nlp):
    text = (
        "“China and Russia have always maintained our strategic determination,” Wang Yi said.\n\n"
        "“We will exchange further in-depth views on common interests.”\n\n"
        "Caddell continued:\n\n"
        "“The health issue overall is very much a partisan issue for the voters.”"
    )
    _, found = _statements(nlp, text)
    assert [(s.kind, s.speaker_id) for s in found[:2]] == [("direct", "wang-yi")] * 2
    assert text[found[1].start : found[1].end].startswith("We will exchange")
    assert found[2].speaker_text == "Caddell" and found[2].cue == "continue"


def test_the_reporting_chain_is_kept(nlp):
    text = (
        "According to Sputnik, Wang Yi said that China and Russia should take new steps.\n\n"
        "A more detailed report from Sputnik said Wang told Nikolai Patrushev that the ties "
        "were solid.\n\n"
        "Putin told Wang that cooperation was important, according to the Kremlin."
    )
    _, found = _statements(nlp, text)
    links = [(s.speaker_id, s.addressee_id, s.via) for s in found]
    assert links == [
        ("wang-yi", None, ("sputnik",)),
        ("wang-yi", "nikolai-patrushev", ("sputnik",)),
        ("vladimir-putin", "wang-yi", ("rus-kremlin",)),
    ]


def test_negation_and_colons(nlp):
    text = (
        "The minister did not say that the talks had failed.\n\n"
        "Sergey Lavrov: If Washington wants talks, the door is open."
    )
    _, found = _statements(nlp, text)
    assert found[0].negated and found[0].cue == "say"
    assert found[1].cue == ":" and found[1].speaker_id == "sergey-lavrov"


def test_a_rubric_or_an_interviewer_before_a_colon_is_no_speaker(nlp):
    text = (
        "The Latest: Talks in Geneva are due to resume on Monday after a pause.\n\n"
        "Q: Will the two sides meet again before the summit in June?\n\n"
        "Success on Signature Issue: The bill passed the Senate by a wide margin."
    )
    _, found = _statements(nlp, text)
    assert [s.speaker_text for s in found if s.cue == ":"] == []


def _seed(seeds, key):
    (article,) = [a for a in read_file(seeds[key], ReadOptions()) if isinstance(a, Article)]
    return article


# Statements of seed 004 read by hand: (speaker, addressee, via, kind, words the content holds).
SEED_004 = [
    ("wang-yi", "vladimir-putin", (), "mixed", "China-Russia relations had “withstood pressure”"),
    ("wang-yi", None, (), "direct", "Against the backdrop of a very complex"),
    ("wang-yi", None, (), "direct", "We are also ready to emphasise"),
    ("vladimir-putin", "wang-yi", ("rus-kremlin",), "indirect", "cooperation between Russia"),
    ("maria-zakharova", None, (), "mixed", "Russia welcomed Wang’s statement"),
    ("sergey-lavrov", None, (), "mixed", "China and Russia to step up strategic joint efforts"),
    ("wang-yi", "nikolai-patrushev", ("sputnik",), "mixed", "are mature and solid as a rock"),
    ("wang-yi", None, ("sputnik",), "mixed", "China and Russia should take"),
    ("nikolai-patrushev", None, ("sputnik",), "direct", "The bloody events unleashed by the West"),
    ("wang-yi", "nikolai-patrushev", ("tass",), "mixed", "work together with all like-minded"),
    ("nikolai-patrushev", None, (), "direct", "Our [two] countries are in favour"),
]  # fmt: skip


@pytest.mark.parametrize(("speaker", "addressee", "via", "kind", "words"), SEED_004)
def test_seed_004_statements_have_the_right_speaker_and_chain(
    seeds, nlp, speaker, addressee, via, kind, words
):
    article = _seed(seeds, "004")
    found = analyse(article, nlp).statements
    (statement,) = [s for s in found if words in article.text[s.start : s.end]]
    assert (statement.speaker_id, statement.addressee_id, statement.via, statement.kind) == (
        speaker, addressee, via, kind,
    )  # fmt: skip


# Every statement of seed 004 as ingested (its headline is the title), in order, read by
# hand: who says it (the actor; the text as written when no single actor is meant) and
# words its content holds.
SEED_004_ALL = [
    ("wang-yi", "have stood up to pressure"),
    ("vladimir-putin", "cooperation between Moscow and Beijing is important"),
    ("wang-yi", "China-Russia relations had “withstood pressure”"),
    ("wang-yi", "Against the backdrop"),
    ("wang-yi", "We are also ready to emphasise"),
    ("wang-yi", "China was ready to deepen strategic cooperation"),
    ("vladimir-putin", "cooperation between Russia and China was important"),
    ("vladimir-putin", "he was looking forward to Chinese President Xi Jinping’s visit"),
    ("vladimir-putin", "it would give “further impetus”"),
    ("vladimir-putin", "reached “new levels of cooperation”"),
    ("CHN:GOV", "Putin and Wang also exchanged in-depth views"),
    ("wang-yi", "appreciation for Russia’s willingness"),
    ("wang-yi", "uphold an objective and fair stance"),
    ("maria-zakharova", "Russia welcomed Wang’s statement"),
    ("wall-street-journal", "Xi was preparing for a possible visit"),
    ("USA", "Beijing is considering supplying arms"),
    ("sergey-lavrov", "China and Russia to step up"),
    ("sergey-lavrov", "Moscow and Beijing will continue to work together"),
    ("sergey-lavrov", "Moscow and Beijing were not alone"),
    ("sergey-lavrov", "Our joint work is supported"),
    ("sergey-lavrov", "I believe China and Russia will continue"),
    ("wang-yi", "China was willing to continue to push forward"),
    ("wang-yi", "no matter how the international storm"),
    ("wang-yi", "China and Russia have always maintained"),
    ("wang-yi", "exchange further in-depth views"),
    ("wang-yi", "“peace efforts”"),
    ("wang-yi", "he hoped relevant parties"),
    ("wang-yi", "relations between the two countries as “solid as rock"),
    ("xinhua", "the two sides “had discussions"),
    ("xinhua", "the pair “expressed willingness"),
    ("They", "a cold-war mentality"),  # Wang and Patrushev together
    ("xinhua", "the two sides also “exchanged views over Ukraine"),
    ("wang-yi", "are mature and solid as a rock"),
    ("wang-yi", "We are ready, together with the Russian side"),
    ("wang-yi", "an agreement struck at the end of last year"),
    ("wang-yi", "China and Russia should take"),
    ("wang-yi", "In conditions of a changing international situation"),
    ("wang-yi", "I believe that today we have very good opportunities"),
    ("analysts", "China’s stance on Ukraine conflict is based on its own interests"),
    ("nikolai-patrushev", "the two neighbours needed to expand"),
    ("nikolai-patrushev", "The bloody events unleashed by the West"),  # … “, he said,
    ("nikolai-patrushev", "In the context of the campaign by the collective West"),
    ("USA:GOV", "Ukraine"),  # Washington's support for Ukraine
    ("wang-yi", "work together with all like-minded partners"),
    ("nikolai-patrushev", "the expansion of Russia’s strategic partnership"),
    ("nikolai-patrushev", "unwavering support for Beijing"),
    ("nikolai-patrushev", "Our [two] countries are in favour"),
]  # fmt: skip


def test_every_statement_of_seed_004_has_its_speaker(seeds, nlp):
    article = _seed(seeds, "004")
    found = analyse(article, nlp).statements
    got = [
        (s.speaker_id or s.speaker_text, article.text[s.start : s.end].replace("\n", " "))
        for s in found
    ]
    assert len(got) == len(SEED_004_ALL)
    for (speaker, content), (want, words) in zip(got, SEED_004_ALL, strict=True):
        assert (speaker, words in content) == (want, True), content


def test_statements_export_and_listing(tmp_path, seeds, cli):
    db = tmp_path / "s.duckdb"
    assert cli("ingest", seeds["004"], "--db", db).returncode == 0
    rows = [
        json.loads(line) for line in cli("export", "statements", "--db", db).stdout.splitlines()
    ]
    assert rows and set(rows[0]) >= {
        "article_id", "index", "speaker", "speaker_id", "speaker_text", "cue", "content", "kind",
        "addressee", "via", "start", "end",
    }  # fmt: skip
    listed = cli("statements", "--db", db, "--speaker", "Patrushev", "--via", "Sputnik")
    assert listed.returncode == 0, listed.stderr
    assert "Nikolai Patrushev" in listed.stdout and "via Sputnik" in listed.stdout
    assert "The bloody events" in listed.stdout
    none = cli("statements", "--db", db, "--speaker", "Nobody Atall")
    assert none.returncode == 1 and "no actor called 'Nobody Atall'" in none.stderr


def test_eval_polnear_scores_ours_beside_textacys(tmp_path, cli):
    import shutil

    from tests.conftest import shared_path

    dev = shared_path("eval", "polnear", "dev")
    names = sorted(p.stem for p in (dev / "text").glob("*.txt"))[:3]
    for folder in ("text", "attributions"):
        (tmp_path / folder).mkdir()
    for name in names:
        shutil.copy(dev / "text" / f"{name}.txt", tmp_path / "text")
        for ann in (dev / "attributions").glob(f"{name}_*.ann"):
            shutil.copy(ann, tmp_path / "attributions")
    result = cli("eval", "polnear", tmp_path, "--baseline", "textacy", "--json")
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert set(scores) == {"communique", "textacy"}
    for score in scores.values():
        assert set(score) == {"precision", "recall", "f1", "exact_f1", "speaker_accuracy",
                              "cue_accuracy", "n_gold", "n_predicted"}  # fmt: skip
    assert scores["communique"]["recall"] > scores["textacy"]["recall"]


def test_statements_on_polnear_dev_keep_their_accuracy(cli):
    from tests.conftest import shared_path

    result = cli("eval", "polnear", shared_path("eval", "polnear", "dev"), "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["n_gold"] == 2192
    assert score["f1"] >= 0.75 and score["precision"] >= 0.85, score
    assert score["speaker_accuracy"] >= 0.89 and score["cue_accuracy"] >= 0.88, score


def test_seed_000_statements_are_all_qin_gangs_or_wang_yis(seeds, nlp):
    """Seed 000 reports Qin Gang's interview, named, as "the minister", "the diplomat", "he"."""
    article = _seed(seeds, "000")
    found = analyse(article, nlp).statements
    people = [(s.speaker_id, s.cue) for s in found if s.speaker_id and ":" not in s.speaker_id]
    assert people == [
        ("qin-gang", "stress"), ("qin-gang", "describe"), ("qin-gang", "emphasize"),
        ("qin-gang", "underscore"), ("qin-gang", "frame"), ("qin-gang", "highlight"),
        ("qin-gang", "describe"), ("qin-gang", "point"), ("qin-gang", "suggest"),
        ("wang-yi", "reiterate"),
    ]  # fmt: skip


def test_a_share_of_people_in_a_poll_is_the_speaker(nlp):
    text = "About 4 in 10 say they want the next president to have more liberal policies."
    _, (found,) = _statements(nlp, text)
    assert found.speaker_text == "About 4 in 10" and found.cue == "say"
    assert text[found.start : found.end].startswith("they want the next president")


# News-style attributions the parser gets wrong or leaves open: (text, [(speaker as written,
# cue lemma, words the content starts with)]) for every statement the text holds.
ATTRIBUTIONS = [
    (  # each quote goes with the verb that governs it
        "“We will not back down,” Warren said. “You should resign,” she said, turning to him.",
        [("Warren", "say", "We will not back down"), ("she", "say", "You should resign")],
    ),
    (  # the speaker after the verb, whatever the parse made of the words after him
        "“What's shaping up is a battle for the ages,” said David Brock, a Clinton confidant "
        "who heads a super PAC.",
        [("David Brock", "say", "What's shaping up")],
    ),
    (  # the cue before the speaker, before a colon
        "Experts say the plan is vague. Said Ellis: “I don’t get the sense she’s interested.”",
        [("Experts", "say", "the plan is vague"), ("Ellis", "say", "“I don’t get the sense")],
    ),
    (  # a dateline is not the speaker
        "WASHINGTON -- President Obama, speaking at the White House, said the deal was good.",
        [("President Obama", "say", "the deal was good")],
    ),
    (  # a document speaks for whoever issues it
        "The Security Council issued a statement calling for an immediate ceasefire.",
        [("The Security Council", "call", "for an immediate ceasefire")],
    ),
    (  # "it" speaks when it is the subject of saying, not of "seem"
        "The Kremlin did not comment at first. Later it said the talks had been useful.",
        [("it", "say", "the talks had been useful")],
    ),
    ("The rally was organised by a group called “We The People” in the city centre.", []),
    (  # what the police say, though "saw" is not theirs
        "According to police, officers saw the man flee the scene on foot.",
        [("police", "according to", "officers saw the man flee")],
    ),
    (  # a relative clause the parser took for the reported clause
        "One attendee, who spoke on condition of anonymity to discuss the meeting, said the "
        "message was clear.",
        [("One attendee", "say", "the message was clear")],
    ),
    (  # a concession is the writer's, not part of the claim
        "He claimed that paying no income taxes was smart, although he again refused to "
        "pledge to release his returns.",
        [("He", "claim", "paying no income taxes was smart"), ("he", "refuse", "to pledge")],
    ),
    (  # the one who asks, and the quote with the verb next to it
        "Asked by Matt Lauer whether she had practiced her speech, she said, “I read it once.”",
        [("Matt Lauer", "ask", "she had practiced"), ("she", "say", "I read it once")],
    ),
    (  # "says in a statement that …": the statement's that-clause, the subject's words
        "Kasich’s chief strategist John Weaver says in a statement that the race will now be "
        "a four-man contest.",
        [("Kasich’s chief strategist John Weaver", "statement", "the race will now be")],
    ),
    (  # a verb the tagger took for a noun
        "But Trump claims that he should be the exception.",
        [("Trump", "claim", "he should be the exception")],
    ),
    (  # someone shown speaking in a recording
        "The ad uses footage of Hillary Clinton asking, “Why aren’t I 50 points ahead?”",
        [("Hillary Clinton", "ask", "Why aren’t I 50 points ahead")],
    ),
    (  # warnings from someone are theirs
        "The move took place despite repeated warnings from his attorney that the showdown "
        "was fruitless.",
        [("his attorney", "warning", "the showdown was fruitless")],
    ),
    (  # the one asked is not the asker; he is the one who answers
        "Trump, asked how ties would fare if he won the election, said they would be good.",
        [(None, "ask", "how ties would fare"), ("Trump", "say", "they would be good")],
    ),
    (  # criticism faced is no one's named
        "Suu Kyi has faced sharp criticism for failing to address ethnic violence.",
        [(None, "criticism for", "failing to address")],
    ),
    (  # a transcript names its speakers in capitals
        "WALLACE: Let’s start with breaking news on the debate story.\n\n"
        "PENCE: Well, look, this is an episode of a reality show.",
        [("WALLACE", ":", "Let’s start with"), ("PENCE", ":", "Well, look")],
    ),
    (  # "going on to say" goes on from the speaker of the quote before it
        "“That is insane,” Sanders said, going on to say that the country has spent hundreds "
        "of years fighting racism.",
        [("Sanders", "say", "That is insane"), ("Sanders", "say", "the country has spent")],
    ),
    (  # what someone is accused of is what the accuser says
        "Trump accused Holt of being a Democrat.",
        [("Trump", "accuse", "Holt of being a Democrat")],
    ),
    (  # people by the side they take, and the words for taking one
        "Graham has been critical of Trump. Clinton has been an outspoken supporter of NATO. "
        "Trump is casting himself as a champion of the little guy.",
        [
            ("Graham", "critical of", "Trump"),
            ("Clinton", "supporter of", "NATO"),
            ("Trump", "champion of", "the little guy"),
        ],
    ),
    ("The way Pence carried himself was critical to his success.", []),
    (  # quotes signed with a dash and a name, as collections of quotes print them
        "“He represents our greatest shame.” ― Sonya Herridge\n"
        "”He is ignorant of our culture and lives.”― Pamela Padilla",
        [
            ("Sonya Herridge", "―", "He represents our greatest shame"),
            ("Pamela Padilla", "―", "He is ignorant of our culture"),
        ],
    ),
    (  # a participle after a quoted title is not an inverted "said"
        "Lynch agreed to an interview on “Women in Power,” answering questions about how "
        "gender has affected her career.",
        [("Lynch", "question about", "how gender has affected")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ATTRIBUTIONS)
def test_news_style_attributions(nlp, text, expected):
    _, found = _statements(nlp, text)
    got = [(s.speaker_text, s.cue, text[s.start : s.end]) for s in found]
    assert [(speaker, cue) for speaker, cue, _ in got] == [(w[0], w[1]) for w in expected], got
    for (_, _, content), (_, _, words) in zip(got, expected, strict=True):
        assert content.startswith(words), got


def test_a_headline_that_is_all_preposition_is_analysed(nlp):
    """A gerund under a preposition the parse made the root: the climb to a speaker stops."""
    _, (found,) = _statements(nlp, "On criticizing Iran.")
    assert (found.speaker_text, found.cue) == (None, "criticize")


def test_an_attack_with_weapons_is_an_event_and_no_statement_but_one_in_words_is_one(nlp):
    article, found = _statements(nlp, "Israeli jets attacked Gaza on Tuesday, killing 12 people.")
    assert found == ()
    assert [e.type for e in analyse(article, nlp).events][:1] == ["ASSAULT"]
    for text in (
        "Militants attacked a passenger train in Balochistan.",  # a physical target
        "In 2000, they attacked the USS Cole, killing 17 Americans.",  # its dead counted
    ):
        assert _statements(nlp, text)[1] == (), text
    for text, said in (
        ("The senator attacked Trump over his remarks on NATO.", "Trump over his remarks"),
        ("She attacked law enforcement officers nationwide.", "law enforcement officers"),
        ("Mr. Biden attacked his policy on Medicare.", "his policy"),
    ):
        _, found = _statements(nlp, text)
        assert found and found[0].cue == "attack", text
        assert text[found[0].start : found[0].end].startswith(said), text


def test_hearsay_is_one_concept_for_statements_and_events(nlp):
    text = "Russian troops reportedly shelled the village."
    article, found = _statements(nlp, text)
    assert [s.cue for s in found] == ["reportedly"]
    assert {e.modality for e in analyse(article, nlp).events} == {"claimed"}
    # "apparently" says how things seemed, not who reported them: a claimed event, no statement
    article, found = _statements(nlp, "Russian troops apparently shelled the village.")
    assert found == ()
    assert {e.modality for e in analyse(article, nlp).events} == {"claimed"}


def test_reported_content_never_runs_across_another_report(nlp):
    text = (
        "Then Maria Vela, the region's governor, said that from Monday she was charging 30% "
        "more for the gas the region sends to three towns across the border: Arlo, Bede and "
        "Cray. “I will not hesitate to raise this charge again. If they retaliate, I will "
        "cut the gas off,” Vela said at a news conference in Ostra. She added, “Believe me "
        "when I say I do not want this.” With the new charge, bills in the three towns would "
        "rise by about $40 a month, Vela said. The mayor of Arlo called the move “reckless "
        "and cruel.”"
    )
    _, found = _statements(nlp, text)
    first = found[0]
    assert text[first.start : first.end].startswith("from Monday she was charging")
    assert first.end <= text.index("Cray.") + len("Cray")
    assert len(found) >= 4 and all(s.end - s.start < 200 for s in found)
