"""Story grouping: rewrites of one story by other outlets group together, other stories do not."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import date

import pytest

from communique.crossdoc.stories import StoryArticle, group_stories, terms
from communique.evaluate.stories import (
    GoldFormatError,
    evaluate,
    format_table,
    read_gold,
    score,
)
from tests.conftest import shared_path

# Two outlets telling the same meeting in their own words, a day apart.
REUTERS = StoryArticle(
    id="reuters-wang-lavrov",
    title="China's Wang Yi hosts Russia's Lavrov, vows closer coordination",
    date=date(2024, 4, 9),
    text=(
        "BEIJING, April 9 (Reuters) - Chinese Foreign Minister Wang Yi told his Russian "
        "counterpart Sergei Lavrov in Beijing on Tuesday that the two countries would "
        "strengthen strategic coordination, as Moscow seeks support for its war in Ukraine. "
        "Lavrov, on a two-day visit, said Russia and China would work together against "
        "Western attempts to contain them. The talks covered the Ukraine crisis, the situation "
        "in the Asia-Pacific and preparations for a visit by President Vladimir Putin."
    ),
)
TASS = StoryArticle(
    id="tass-lavrov-beijing",
    title="Lavrov, Wang Yi discuss Ukraine settlement and Putin's visit in Beijing talks",
    date=date(2024, 4, 10),
    text=(
        "Russian Foreign Minister Sergei Lavrov held talks with Chinese Foreign Minister Wang "
        "Yi in Beijing, the Russian Foreign Ministry said. The ministers discussed the "
        "settlement of the Ukraine crisis, the situation in the Asia-Pacific region and "
        "preparations for the upcoming visit of Russian President Vladimir Putin to China. "
        "Wang Yi said Beijing and Moscow would deepen strategic coordination."
    ),
)
# The same two ministers, the same topics: a month later, another meeting.
MONTH_LATER = StoryArticle(
    id="ap-wang-lavrov-may",
    title="Wang Yi and Lavrov meet again as Putin visits Beijing",
    date=date(2024, 5, 16),
    text=(
        "Chinese Foreign Minister Wang Yi met Russian Foreign Minister Sergei Lavrov in "
        "Beijing on Thursday as President Vladimir Putin arrived for a state visit. The two "
        "ministers discussed the Ukraine crisis and strategic coordination between Russia and "
        "China in the Asia-Pacific, the Russian Foreign Ministry said."
    ),
)
UNRELATED = StoryArticle(
    id="afp-brazil-floods",
    title="Death toll from floods in southern Brazil rises to 78",
    date=date(2024, 4, 9),
    text=(
        "PORTO ALEGRE, Brazil (AFP) - Torrential rain in the southern state of Rio Grande do "
        "Sul has killed at least 78 people, officials said on Tuesday, as rescuers searched "
        "for more than 100 missing residents. Governor Eduardo Leite called the flooding the "
        "worst disaster in the state's history."
    ),
)
# A second story told twice, on the same days as the first.
KYODO = StoryArticle(
    id="kyodo-japan-korea",
    title="Japan, South Korea agree to resume defense dialogue",
    date=date(2024, 4, 9),
    text=(
        "TOKYO (Kyodo) - Japanese Defense Minister Minoru Kihara and South Korean Defense "
        "Minister Shin Won-sik agreed on Tuesday to resume a security dialogue suspended since "
        "2018 over a radar lock-on incident, the Japanese Defense Ministry said."
    ),
)
YONHAP = StoryArticle(
    id="yonhap-korea-japan",
    title="S. Korea, Japan to restart defense talks stalled since 2018 radar row",
    date=date(2024, 4, 10),
    text=(
        "SEOUL (Yonhap) - South Korea and Japan will resume defense talks halted since 2018 "
        "over a radar lock-on dispute, after Defense Minister Shin Won-sik and his Japanese "
        "counterpart Minoru Kihara agreed in a phone call, the Seoul ministry said."
    ),
)
ALL = [REUTERS, TASS, MONTH_LATER, UNRELATED, KYODO, YONHAP]


def test_rewrites_by_other_outlets_group_together() -> None:
    stories = group_stories(ALL)
    assert set(stories) == {article.id for article in ALL}
    # The story is named after its earliest article: Reuters (9 April) before TASS (10 April).
    assert stories[REUTERS.id] == stories[TASS.id] == REUTERS.id
    assert stories[KYODO.id] == stories[YONHAP.id] == KYODO.id


def test_same_topic_a_month_later_is_another_story() -> None:
    stories = group_stories(ALL)
    assert stories[MONTH_LATER.id] == MONTH_LATER.id
    # Its words alone would join it to April's meeting: the date window keeps it apart.
    undated = [dataclasses.replace(a, date=None) for a in (REUTERS, TASS, MONTH_LATER)]
    assert len(set(group_stories(undated).values())) == 1


def test_unrelated_story_stays_apart() -> None:
    stories = group_stories(ALL)
    assert stories[UNRELATED.id] == UNRELATED.id
    assert sum(story == UNRELATED.id for story in stories.values()) == 1


def test_undated_rewrites_are_grouped_by_words_alone() -> None:
    undated = [dataclasses.replace(a, date=None) for a in (REUTERS, TASS, UNRELATED)]
    stories = group_stories(undated)
    # No dates: the earliest is the smaller id.
    assert stories[REUTERS.id] == stories[TASS.id] == REUTERS.id
    assert stories[UNRELATED.id] == UNRELATED.id


def test_input_order_does_not_change_the_result() -> None:
    expected = group_stories(ALL)
    shuffled = list(ALL)
    for seed in range(5):
        random.Random(seed).shuffle(shuffled)
        assert group_stories(shuffled) == expected
    assert group_stories(list(reversed(ALL))) == expected


def test_a_chain_of_overlapping_articles_is_not_one_story() -> None:
    # Each article shares half its words with the next: A-B-C-D-E-F, but A and F share none.
    # Every word is in exactly two articles, so all weigh the same.
    words = [f"{stem}word" for stem in "abcdefghijklmnopqrst"]
    halves = [words[i : i + 4] for i in range(0, 20, 4)]  # five halves of four words
    texts = [halves[0], *(halves[i] + halves[i + 1] for i in range(4)), halves[4]]
    chain = [
        StoryArticle(id=f"chain-{i}", text=" ".join(t), date=date(2024, 1, 1))
        for i, t in enumerate(texts)
    ]
    stories = group_stories(chain)
    # Neighbours: cos 0.71 at the ends, 0.5 in the middle. Average link stops the chain
    # where a group's average similarity to the next article falls below the threshold:
    # {0,1,2} vs 3 is (0 + 0 + 0.5) / 3 = 0.17.
    assert stories == {
        "chain-0": "chain-0",
        "chain-1": "chain-0",
        "chain-2": "chain-0",
        "chain-3": "chain-3",
        "chain-4": "chain-3",
        "chain-5": "chain-3",
    }


def test_actor_ids_are_terms() -> None:
    article = dataclasses.replace(REUTERS, actors=frozenset({"Q123", "CHN"}))
    counts, _ = terms(article)
    assert counts["actor:Q123"] == counts["actor:CHN"] == 1


def test_edge_cases() -> None:
    assert group_stories([]) == {}
    assert group_stories([UNRELATED]) == {UNRELATED.id: UNRELATED.id}
    with pytest.raises(ValueError, match="share the id"):
        group_stories([UNRELATED, dataclasses.replace(REUTERS, id=UNRELATED.id)])


# --- the scorer -----------------------------------------------------------------------------


def test_score_counts_pairs() -> None:
    # Gold pairs: 3 in story a + 1 in b = 4. Predicted: 1 in x + 3 in y = 4.
    # Both together: (1,2) in a/x and (4,5) in b/y = 2. P = R = F1 = 2/4.
    result = score(["a", "a", "a", "b", "b"], ["x", "x", "y", "y", "y"])
    assert (result.precision, result.recall, result.f1) == (0.5, 0.5, 0.5)
    assert (result.n_gold_pairs, result.n_predicted_pairs, result.n_true_pairs) == (4, 4, 2)
    assert result.as_json() == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "n_articles": 5,
        "n_gold_stories": 2,
        "n_predicted_stories": 2,
    }


def test_score_uneven() -> None:
    # Gold: a a b b. Predicted all in one: 6 pairs, of which 2 are gold: P 1/3, R 1, F1 1/2.
    result = score(["a", "a", "b", "b"], ["x"] * 4)
    assert result.precision == pytest.approx(1 / 3)
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(0.5)
    # Nothing predicted together: nothing wrong claimed (P 1) but no gold pair found (R 0).
    apart = score(["a", "a", "b", "b"], ["1", "2", "3", "4"])
    assert (apart.precision, apart.recall, apart.f1) == (1.0, 0.0, 0.0)
    assert apart.n_predicted_stories == 4
    perfect = score(["a", "a", "b"], ["p", "p", "q"])
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError):
        score(["a"], ["a", "b"])


def _write_gold(path, articles_and_stories) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for article, story in articles_and_stories:
            record = {
                "story_id": story,
                "title": article.title,
                "story_date": f"{article.date.isoformat()}T16:15:00-07:00",
                "text": article.text,
            }
            handle.write(json.dumps(record) + "\n")


def test_evaluate_a_gold_file(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    labelled = [(REUTERS, 1), (TASS, 1), (MONTH_LATER, 2), (UNRELATED, 3), (KYODO, 4)]
    labelled.append((YONHAP, 4))
    _write_gold(path, labelled)
    gold = read_gold(path)
    assert [story for _, story in gold] == ["1", "1", "2", "3", "4", "4"]
    assert gold[0][0].date == date(2024, 4, 9)
    assert gold[0][0].title == REUTERS.title
    calls = []
    result = evaluate(path, calls.append)
    assert calls == [6]
    assert (result.precision, result.recall, result.f1) == (1.0, 1.0, 1.0)
    assert result.n_gold_stories == result.n_predicted_stories == 4
    assert "f1         1.0000" in format_table(result)


def test_read_gold_ids(tmp_path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "empty", "story_id": "s", "text": "one"},
        {"id": "empty", "story_id": "s", "text": "two"},
        {"id": "kept", "story_id": "t", "text": "three", "date": "2020-01-02"},
        {"story_id": "t", "text": "one"},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    ids = [article.id for article, _ in read_gold(path)]
    # A repeated file id gives way to the text's hash; a repeated text gets its line number.
    assert ids[2] == "kept"
    assert "empty" not in ids
    assert len(set(ids)) == 4
    assert ids[3].endswith("#4")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"story_id": 1, "text": "x"', "malformed JSON"),
        ('["story_id"]', "not a JSON object"),
        ('{"text": "x"}', "no story_id"),
        ('{"story_id": 1, "text": " "}', "no text"),
        ('{"story_id": 1, "text": "x", "date": "9 April"}', "not ISO 8601"),
    ],
)
def test_read_gold_names_file_and_line(tmp_path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"story_id": 1, "text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as error:
        read_gold(path)
    assert str(error.value).startswith(f"{path}:2: ")


@pytest.mark.slow
def test_basil_f1() -> None:
    result = evaluate(shared_path("corpora", "basil", "basil_articles.jsonl"))
    assert result.n_articles == 300
    assert result.n_gold_stories == 100
    assert result.f1 >= 0.90
