"""Article-body extraction is measured on a gold set and keeps trafilatura's accuracy."""

from __future__ import annotations

import gzip
import json

import pytest

from communique.evaluate.extraction import aggregate, score_page
from tests.conftest import shared_path

BODY = " ".join(f"word{i}" for i in range(40))


def test_page_scores_count_shared_word_4_grams():
    perfect = score_page(BODY, BODY)
    assert perfect.precision == perfect.recall == 1.0
    missing_half = score_page(BODY, " ".join(BODY.split()[:20]))
    assert missing_half.precision == 1.0 and missing_half.recall == pytest.approx(17 / 37)
    padded = score_page(BODY, BODY + " " + " ".join(f"menu{i}" for i in range(37)))
    assert padded.recall == 1.0 and padded.precision == pytest.approx(37 / 74)
    nothing = score_page(BODY, "")
    assert nothing.precision is None and nothing.recall == 0.0
    total = aggregate([perfect, missing_half, nothing], empty=1)
    assert total.precision == pytest.approx(1.0)
    assert total.recall == pytest.approx((1 + 17 / 37 + 0) / 3)


def _page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return gzip.compress(
        f"<html><head><title>T</title></head><body><nav>Home World</nav><article>{body}</article>"
        "<footer>Copyright</footer></body></html>".encode()
    )


def test_the_cli_scores_a_directory_of_pages(tmp_path, cli):
    prose = [
        "The foreign ministers of China and Russia met in Moscow on Wednesday to discuss the war.",
        "They agreed to deepen cooperation in trade, energy and security over the coming year.",
        "Officials said the talks were frank and constructive and would continue next month.",
    ]
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html.gz").write_bytes(_page(prose))
    (tmp_path / "html" / "b.html.gz").write_bytes(
        gzip.compress(b"<html><body><nav>Home</nav></body></html>")
    )
    truth = {"a": {"articleBody": "\n".join(prose)}, "b": {"articleBody": " ".join(prose)}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth))
    result = cli("eval", "extraction", tmp_path, "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["pages"] == 2 and score["empty"] == 1
    assert score["precision"] == pytest.approx(1.0) and score["recall"] == pytest.approx(0.5)


def test_extraction_on_the_benchmark_keeps_f1_above_0_95(cli):
    directory = shared_path("eval", "article_extraction")
    result = cli("eval", "extraction", directory, "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["pages"] == 181
    assert score["f1"] >= 0.95, score


def test_a_directory_without_gold_is_refused(tmp_path, cli):
    result = cli("eval", "extraction", tmp_path)
    assert result.returncode == 2 and "ground-truth.json" in result.stderr
