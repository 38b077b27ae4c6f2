"""Attributions scored against PolNeAR: matching rules, the gold reader, the textacy baseline."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from communique.evaluate.polnear import (
    Attribution,
    GoldFormatError,
    contents_match,
    match_contents,
    overlap,
    read_gold,
    score,
    textacy_baseline,
)
from tests.conftest import shared_path

TEXT = "x" * 100
KEYS = [
    "precision",
    "recall",
    "f1",
    "exact_f1",
    "speaker_accuracy",
    "cue_accuracy",
    "n_gold",
    "n_predicted",
]


def _said(start: int, end: int, source: tuple = (), cue: tuple = ()) -> Attribution:
    return Attribution(content=((start, end),), source=source, cue=cue)


# --- matching rules ---------------------------------------------------------------------------


def test_overlap_of_half_the_shorter_span_matches_and_less_does_not():
    assert overlap(((0, 10),), ((5, 20),)) == 5
    assert contents_match(((0, 10),), ((5, 20),))  # 5 of the shorter 10
    assert not contents_match(((0, 10),), ((6, 20),))  # 4 of 10
    assert contents_match(((0, 100),), ((40, 50),))  # a short span inside a long one
    assert not contents_match(((0, 10),), ((10, 20),))  # touching is no overlap
    # fragments: total lengths and the sum of pairwise overlaps
    gold = ((0, 4), (10, 14))  # 8 characters
    assert overlap(gold, ((2, 12),)) == 4 and contents_match(gold, ((2, 12),))
    assert overlap(gold, ((3, 12),)) == 3 and not contents_match(gold, ((3, 12),))


def test_matching_is_one_to_one_and_greedy_by_largest_overlap():
    gold = [_said(0, 10), _said(8, 20)]
    # the first prediction overlaps both gold contents, most of all the second one
    predicted = [_said(5, 18), _said(0, 9)]
    assert match_contents(gold, predicted) == [(0, 1), (1, 0)]
    # two predictions of the same gold content: one is a match, the other a false positive
    doubled = score({"a": (TEXT, [_said(0, 10)])}, {"a": [_said(0, 10), _said(1, 10)]})
    assert doubled.n_matched == 1
    assert doubled.precision == 0.5 and doubled.recall == 1.0
    assert doubled.f1 == pytest.approx(2 / 3)


def test_precision_recall_and_f1_over_articles():
    gold = {"a": (TEXT, [_said(0, 10), _said(20, 30)]), "b": (TEXT, [_said(0, 50)])}
    predicted = {"a": [_said(0, 10), _said(60, 70), _said(80, 90)]}  # "b" predicts nothing
    result = score(gold, predicted)
    assert (result.n_gold, result.n_predicted, result.n_matched) == (3, 3, 1)
    assert result.precision == pytest.approx(1 / 3) and result.recall == pytest.approx(1 / 3)
    assert list(result.as_dict()) == KEYS
    with pytest.raises(KeyError, match="zzz"):
        score(gold, {"zzz": []})
    nothing = score(gold, {})
    assert nothing.precision == nothing.recall == nothing.f1 == nothing.speaker_accuracy == 0.0


def test_exact_match_ignores_whitespace_punctuation_and_quote_marks_at_the_ends():
    text = "He said: “We will win, and win big.” Then he left."
    start, end = text.index("“"), text.index("”") + 1
    words = text.index("We"), text.index(" big") + 4
    gold = {"a": (text, [_said(start, end)])}
    exact = score(gold, {"a": [_said(*words)]})
    assert exact.f1 == 1.0 and exact.exact_f1 == 1.0 and exact.n_exact == 1
    short = score(gold, {"a": [_said(words[0], words[1] - 1)]})  # "…win bi"
    assert short.f1 == 1.0 and short.exact_f1 == 0.0
    inner = score(gold, {"a": [_said(words[0], text.index(","))]})  # a comma inside stays
    assert inner.exact_f1 == 0.0
    # discontinuous gold: the same characters written as fragments still match exactly
    split = {"a": (text, [Attribution(content=((start, start + 10), (start + 10, end)))])}
    assert score(split, {"a": [_said(*words)]}).exact_f1 == 1.0


def test_speaker_and_cue_accuracy_on_matched_pairs():
    gold = [
        _said(0, 10, source=((20, 25),), cue=((26, 30),)),
        _said(40, 50, source=((60, 65),), cue=((66, 70),)),
        _said(100, 110, cue=((111, 115),)),  # no Source in the gold
        _said(120, 130, cue=((131, 135),)),
        _said(200, 210, source=((220, 225),), cue=((226, 230),)),  # left unmatched
    ]
    predicted = [
        _said(0, 10, source=((22, 30),), cue=((28, 29),)),  # both overlap
        _said(40, 50, source=((0, 5),), cue=((66, 67),)),  # wrong speaker
        _said(100, 110, cue=((90, 95),)),  # no source either: right; cue misses
        _said(120, 130, source=((140, 145),), cue=((131, 135),)),  # invents a source
        _said(300, 310, source=((220, 225),)),  # matches no content: not counted
    ]
    result = score({"a": (TEXT * 4, gold)}, {"a": predicted})
    assert result.n_matched == 4
    assert result.speaker_accuracy == pytest.approx(2 / 4)
    assert result.cue_accuracy == pytest.approx(3 / 4)


# --- reading the gold data --------------------------------------------------------------------


def _split(tmp_path: Path, text: str, anns: dict[str, str]) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(text, encoding="utf-8")
    for annotator, body in anns.items():
        (tmp_path / "attributions" / f"art_{annotator}.ann").write_text(body, encoding="utf-8")
    return tmp_path


ARTICLE = 'Title.\n\n"We will win," Trump said.\n\nShe added that\nthey would lose.'


def test_read_gold_takes_the_first_annotator_and_joins_the_parts(tmp_path):
    content = ARTICLE.index('"'), ARTICLE.index(",") + 2
    second = ARTICLE.index("they")
    ann = (
        f'T1\tContent {content[0]} {content[1]}\t"We will win,"\n'
        "T2\tSource 23 28\tTrump\n"
        "T3\tCue 29 33\tsaid\n"
        "T4\tAttribution 29 33\tsaid\n"
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
        "T5\tCue 40 45\tadded\n"
        f"T6\tContent 46 {len(ARTICLE)}\tthat\nthey would lose.\n"  # a line break in a span
        "T7\tAttribution-no-source 40 45\tadded\n"
        "E2\tAttribution-no-source:T7 Content:T6 Cue:T5\n"
        "T8\tContent 0 5\tTitle\n"
        "E3\tAttribution:T4 Content:T8 Content2:T1 Cue:T3\n"
        "E4\tAttribution-no-source:T7 \n"  # nothing to score: skipped
        "#1\tAnnotatorNotes T1\ta note\n"
    )
    folder = _split(tmp_path, ARTICLE, {"aaaa": ann, "bbbb": "not an annotation\n"})
    text, attributions = read_gold(folder)["art"]
    assert text == ARTICLE and ARTICLE[23:28] == "Trump" and ARTICLE[second:] == "they would lose."
    assert attributions == [
        Attribution(content=(content,), source=((23, 28),), cue=((29, 33),)),
        Attribution(content=((46, len(ARTICLE)),), cue=((40, 45),)),
        Attribution(content=((0, 5), content), cue=((29, 33),)),
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("T1\tContent 0 five\tTitle", "malformed line"),
        ("T1\tContent 0 4\tTitle", "annotated as"),
        ("T1\tContent 0 500\tTitle", "outside the text"),
        ("T1\tContent 0 5\tTitle\nE1\tAttribution:T1 Content:T9", "unknown span T9"),
        ("T1\tContent 0 5\tTitle\nE1\tContent:T1 Speaker:T1", "unknown role 'Speaker'"),
    ],
)
def test_a_malformed_ann_line_names_the_file(tmp_path, line, message):
    folder = _split(tmp_path, ARTICLE, {"aaaa": line + "\n"})
    with pytest.raises(GoldFormatError, match=message) as error:
        read_gold(folder)
    assert "art_aaaa.ann:" in str(error.value)


def test_a_missing_text_is_reported(tmp_path):
    folder = _split(tmp_path, ARTICLE, {})
    (folder / "attributions" / "gone_aaaa.ann").write_text("", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match=r"gone\.txt"):
        read_gold(folder)


_SPAN = re.compile(r"T\d+\t(\S+) ([\d ;]+)\t(.*)")


def _positions(fragments) -> set[int]:
    return {i for start, end in fragments for i in range(start, end)}


def test_the_dev_split_reads_84_articles_and_2192_attributions():
    folder = shared_path("eval", "polnear", "dev")
    gold = read_gold(folder)
    assert len(gold) == 84
    assert sum(len(attributions) for _, attributions in gold.values()) == 2192
    # six annotators did two of the articles: the first file in sorted order is the one read
    assert len(list((folder / "attributions").glob("*.ann"))) == 94
    for name in sorted(gold)[::6]:  # a sample of files, checked with a parser of its own
        text, attributions = gold[name]
        ann = sorted((folder / "attributions").glob(f"{name}_*.ann"))[0]
        covered: dict[str, set[int]] = {"Content": set(), "Source": set(), "Cue": set()}
        for line in ann.read_text(encoding="utf-8").splitlines():
            if match := _SPAN.fullmatch(line):
                label, offsets, quoted = match.groups()
                fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
                assert " ".join(text[a:b] for a, b in fragments) == quoted, (ann.name, line)
                covered.setdefault(label, set()).update(_positions(fragments))
        events = [
            line for line in ann.read_text(encoding="utf-8").splitlines() if "Content:" in line
        ]
        assert len(attributions) == len(events)
        for attribution in attributions:
            assert _positions(attribution.content) <= covered["Content"]
            assert _positions(attribution.source) <= covered["Source"]
            assert _positions(attribution.cue) <= covered["Cue"]


def test_the_train_split_reads_every_file():
    gold = read_gold(shared_path("eval", "polnear", "train"))
    assert len(gold) == 840
    # shared/README says 19,834: that counts the 2 train events with a Cue but no Content
    assert sum(len(attributions) for _, attributions in gold.values()) == 19832


# --- the textacy baseline ---------------------------------------------------------------------


def test_the_textacy_baseline_reports_a_missing_textacy(monkeypatch, nlp):
    monkeypatch.setitem(sys.modules, "textacy", None)
    monkeypatch.setitem(sys.modules, "textacy.extract.triples", None)
    with pytest.raises(ImportError, match="pip install textacy"):
        textacy_baseline(nlp)


def test_the_textacy_baseline_on_ten_dev_articles(nlp):
    pytest.importorskip("textacy")
    gold = read_gold(shared_path("eval", "polnear", "dev"))
    sample = {name: gold[name] for name in sorted(gold)[:10]}
    predict = textacy_baseline(nlp)
    predicted = {name: predict(name, text) for name, (text, _) in sample.items()}
    for name, attributions in predicted.items():
        text = sample[name][0]
        for attribution in attributions:  # offsets land on quotations in the whole article
            quote = "".join(text[a:b] for a, b in attribution.content)
            assert re.search('["“”]', quote), quote
            assert all(text[a:b].strip() for a, b in attribution.cue)
    result = score(sample, predicted)
    assert result.n_predicted > 20
    assert result.precision > 0.5  # textacy on all of PolNeAR: about 0.77 precision
