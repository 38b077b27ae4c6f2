"""Event places: locative phrases attached to the trigger, resolved to the gazetteer."""

from __future__ import annotations

import pytest

from communique.analysis.places import event_place, resolve_place
from communique.analysis.resources import shipped


@pytest.fixture(scope="module")
def model():
    from communique.nlp import load_model

    return load_model()


@pytest.fixture(scope="module")
def res():
    return shipped()


def place(model, res, text: str, word: str):
    """The place of the event ``word`` (its first occurrence) names in ``text``."""
    doc = model(text)
    trigger = next(token for token in doc if token.text == word)
    return event_place(trigger.sent, trigger, res)


def test_a_city(model, res):
    text = (
        "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin "
        "in Moscow on Wednesday."
    )
    where = place(model, res, text, "met")
    assert where is not None
    assert (where.text, where.name, where.country) == ("Moscow", "Moscow", "RUS")
    assert text[where.text_start : where.text_end] == "Moscow"
    assert where.latitude == pytest.approx(55.75, abs=0.1)
    assert where.longitude == pytest.approx(37.6, abs=0.1)
    assert where.geonameid == 524901


def test_the_place_of_the_reported_event_not_of_the_report(model, res):
    text = "He said on Monday that talks in Geneva would resume."
    where = place(model, res, text, "resume")
    assert where is not None
    assert (where.text, where.country) == ("Geneva", "CHE")
    assert where.latitude == pytest.approx(46.2, abs=0.1)
    assert place(model, res, text, "said") is None


def test_a_country_has_its_own_point_not_its_capitals(model, res):
    where = place(model, res, "The ministers met in Germany.", "met")
    assert where is not None
    assert (where.name, where.country) == ("Germany", "DEU")
    assert where.geonameid == 2921044  # the country's GeoNames entry, not Berlin's
    assert where.latitude == pytest.approx(51.5, abs=1)  # the middle of Germany, not Berlin
    assert where.longitude == pytest.approx(10.5, abs=1)


def test_an_event_place_is_chosen_with_the_storys_other_places_in_view(model, res):
    text = (
        "Officials in Louisiana said on Monday that the storm had flooded dozens of homes. "
        "Volunteers handed out food in Alexandria on Tuesday."
    )
    where = place(model, res, text, "handed")
    assert where is not None and where.text == "Alexandria"
    assert where.country == "USA"  # Alexandria, Louisiana, not Egypt's
    assert where.latitude == pytest.approx(31.3, abs=0.3)


def test_a_seat_of_power_is_its_capital(model, res):
    where = place(model, res, "Earlier in the day, Lavrov met Blinken at the Kremlin.", "met")
    assert where is not None
    assert (where.text, where.name, where.country) == ("Kremlin", "Moscow", "RUS")
    where = place(model, res, "Biden hosted Zelensky at the White House last week.", "hosted")
    assert where is not None
    assert (where.name, where.country) == ("Washington", "USA")


def test_an_actor_is_not_a_place(model, res):
    assert place(model, res, "Moscow said it would retaliate.", "said") is None
    assert place(model, res, "Putin will visit China next month.", "visit") is None


def test_a_persons_post_or_origin_is_not_the_events_place(model, res):
    text = "The US ambassador in Moscow met Lavrov on Tuesday."
    assert place(model, res, text, "met") is None
    text = "A diplomat from Moscow criticised the sanctions."
    assert place(model, res, text, "criticised") is None


def test_descriptions_and_untagged_names(model, res):
    where = place(model, res, "Explosions were heard in the Ukrainian capital, Kyiv.", "heard")
    assert where is not None
    assert (where.text, where.country) == ("Kyiv", "UKR")
    where = place(model, res, "Explosions were heard in the Russian capital on Monday.", "heard")
    assert where is not None
    assert (where.text, where.name) == ("Russian capital", "Moscow")
    where = place(model, res, "Drones struck targets on the outskirts of Kyiv.", "struck")
    assert where is not None
    assert where.name == "Kyiv"


def test_the_nearest_attached_place_wins(model, res):
    where = place(model, res, "Xi met Putin in Beijing after talks in Shanghai.", "met")
    assert where is not None
    assert where.text == "Beijing"
    # The talks were in Shanghai; where the meeting was, the sentence does not say.
    assert place(model, res, "Xi met Putin after talks in Shanghai.", "met") is None


def test_a_region_gives_its_country_only(res):
    where = resolve_place("Karabakh", 10, 18, res)  # a region the gazetteer does not place
    assert (where.country, where.latitude, where.geonameid) == ("AZE", None, None)


def test_an_unknown_place_keeps_its_text(res):
    where = resolve_place("Gondor", 0, 6, res)
    assert (where.text, where.text_start, where.text_end) == ("Gondor", 0, 6)
    assert (where.name, where.country, where.latitude) == (None, None, None)


def test_old_spellings_resolve(res):
    where = resolve_place("Kiev", 0, 4, res)
    assert (where.name, where.country) == ("Kyiv", "UKR")
