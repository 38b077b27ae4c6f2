"""The per-article analysis: a pure function from an article to records with exact offsets."""

from __future__ import annotations

from communique.analysis import analyse, analyse_doc, analyse_stream
from communique.ingest import ReadOptions, read_file
from communique.records import Article


def _seed(seeds, key: str) -> Article:
    (article,) = [a for a in read_file(seeds[key], ReadOptions()) if isinstance(a, Article)]
    return article


def test_offsets_point_at_the_text_they_name(seeds, nlp):
    article = _seed(seeds, "004")
    records = analyse(article, nlp)
    assert records.article_id == article.id
    assert len(records.sentences) > 40
    for mention in records.mentions:
        assert article.text[mention.start : mention.end] == mention.text
        sentence = records.sentences[mention.sentence]
        assert sentence.start <= mention.start < mention.end <= sentence.end
    names = {m.text for m in records.mentions if m.label == "PERSON"}
    assert {"Wang Yi", "Vladimir Putin", "Sergey Lavrov", "Nikolai Patrushev"} <= names


def test_sentences_are_in_order_trimmed_and_never_cross_a_paragraph(seeds, nlp):
    article = _seed(seeds, "004")
    records = analyse(article, nlp)
    previous_end = 0
    for index, sentence in enumerate(records.sentences):
        assert sentence.index == index
        assert sentence.start >= previous_end
        text = article.text[sentence.start : sentence.end]
        assert text == text.strip() and text
        assert "\n" not in text, f"sentence {index} spans a paragraph break: {text!r}"
        previous_end = sentence.end


def test_a_paragraph_without_final_punctuation_is_its_own_sentence(nlp):
    text = "China calls for UN to investigate blasts\nWang met Putin in Moscow on Wednesday."
    records = analyse(Article(text=text), nlp)
    assert [text[s.start : s.end] for s in records.sentences] == [
        "China calls for UN to investigate blasts",
        "Wang met Putin in Moscow on Wednesday.",
    ]


def test_the_analysis_is_pure_and_batching_changes_nothing(seeds, nlp):
    articles = [_seed(seeds, key) for key in sorted(seeds)]
    one_by_one = [analyse(article, nlp) for article in articles]
    again = [analyse(article, nlp) for article in articles]
    batched = [records for _, records in analyse_stream(articles, nlp, batch_size=2)]
    assert one_by_one == again == batched


def test_a_parse_of_other_text_is_refused(nlp):
    article = Article(text="Wang met Putin.")
    try:
        analyse_doc(article, nlp("Something else."))
    except ValueError as error:
        assert article.id in str(error)
    else:
        raise AssertionError("a doc of another text was accepted")
