"""The place scorer: GeoVirus toponyms resolved with the article in view, scored by distance."""

from __future__ import annotations

import json
import math

import pytest

from communique.analysis.resources import shipped
from communique.evaluate.gold import GoldFormatError
from communique.evaluate.places import (
    MAX_ERROR_KM,
    auc,
    distance_km,
    evaluate,
    read_gold,
    resolver,
)
from tests.conftest import shared_path

# Offsets counted from one, as GeoVirus counts them, and a file that ends inside a comment.
GOLD = """<articles>
<article>
  <source>https://example.org/one</source>
  <text>Farmers near Lyon said the outbreak reached Tours and Quimper.</text>
  <locations>
    <location><name>Lyon</name><start>14</start><end>18</end>
      <lat>45.75</lat><lon>4.85</lon><page>x</page></location>
    <location><name>Tours</name><start>45</start><end>50</end>
      <lat>47.39</lat><lon>0.69</lon><page>x</page></location>
    <location><name>Quimper</name><start>55</start><end>62</end>
      <lat>48.0</lat><lon>-4.1</lon><page>x</page></location>
  </locations>
</article>
<!--<article>
  <text></text>
</article>
</articles>
"""


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "geo.xml"
    path.write_text(GOLD, encoding="utf-8")
    return path


def test_the_reader_skips_comments_and_finds_each_name(gold):
    (article,) = read_gold(gold)
    assert [t.name for t in article.toponyms] == ["Lyon", "Tours", "Quimper"]
    for toponym in article.toponyms:
        assert article.text[toponym.start : toponym.end] == toponym.name


def test_a_name_not_in_the_text_is_refused(tmp_path):
    path = tmp_path / "geo.xml"
    path.write_text(GOLD.replace("<name>Tours</name>", "<name>Nantes</name>"), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="Nantes"):
        read_gold(path)


def test_distance_and_auc():
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == pytest.approx(111.19, abs=0.1)
    assert distance_km((0.0, 0.0), (0.0, 180.0)) == pytest.approx(20015, abs=1)  # half round
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([0.0, MAX_ERROR_KM]) == pytest.approx(0.5, rel=1e-4)  # one step from 0 to 1
    assert auc([MAX_ERROR_KM]) == pytest.approx(1.0, rel=1e-4)
    middle, top = (math.log1p(e) / math.log(MAX_ERROR_KM) for e in (100, MAX_ERROR_KM))
    assert auc([0.0, 100.0, MAX_ERROR_KM]) == pytest.approx((middle / 2 + (middle + top) / 2) / 2)


def test_scores_count_distance_and_unresolved(gold):
    # Lyon exact, Tours about 300 km off (at Paris), Quimper unresolved.
    score = evaluate(gold, lambda article: [(45.75, 4.85), (48.86, 2.35), None])
    figures = score.as_dict()
    assert figures["n_toponyms"] == 3 and figures["n_unresolved"] == 1
    assert figures["accuracy_161km"] == pytest.approx(1 / 3)
    tours = distance_km((47.39, 0.69), (48.86, 2.35))
    assert 150 < tours < 250
    assert figures["mean_error_km"] == pytest.approx((tours + MAX_ERROR_KM) / 3, abs=0.1)
    assert figures["mean_resolved_error_km"] == pytest.approx(tours / 2, abs=0.1)
    assert figures["auc"] == pytest.approx(auc([0.0, tours, MAX_ERROR_KM]))
    assert [m.name for m in score.misses] == ["Tours", "Quimper"]


def test_communiques_resolver_on_a_small_file(gold):
    figures = evaluate(gold, resolver(shipped())).as_dict()
    assert figures["n_toponyms"] == 3
    assert figures["accuracy_161km"] >= 2 / 3  # Lyon and Tours are towns of the gazetteer


def test_the_shared_dev_file(cli):
    path = shared_path("eval", "geo", "GeoVirus_dev.xml")
    result = cli("eval", "places", path, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["n_articles"] > 100 and figures["n_toponyms"] > 1000
    assert 0 <= figures["n_unresolved"] < figures["n_toponyms"] / 2
    assert 0.0 < figures["auc"] < 1.0
    assert 0.5 < figures["accuracy_161km"] <= 1.0  # well above the 0.27 before states' points
    assert figures["median_error_km"] < 161
