"""Resolving a place name: states at their own point, divisions and continents as places,
and a name many places share settled by the article's other places."""

from __future__ import annotations

import pytest

from communique.analysis.places import place_context, resolve_place
from communique.analysis.resources import shipped
from communique.evaluate.places import distance_km


@pytest.fixture(scope="module")
def res():
    return shipped()


def where(res, name: str, text: str = "", others: tuple[str, ...] = ()):
    """``name`` resolved with the article's other place names ``others`` in view."""
    context = place_context((name, *others), res, text)
    return resolve_place(name, 0, len(name), res, context)


def point(found) -> tuple[float, float]:
    assert found.latitude is not None and found.longitude is not None, found
    return found.latitude, found.longitude


def test_a_state_is_at_its_own_point_not_its_capital(res):
    for name, code, capital in (
        ("Germany", "DEU", (52.52, 13.41)),
        ("Brazil", "BRA", (-15.78, -47.93)),
        ("Kazakhstan", "KAZ", (51.18, 71.45)),
    ):
        found = resolve_place(name, 0, len(name), res)
        assert found.country == code and found.geonameid == res.states[code]
        assert distance_km(point(found), capital) > 200, name  # inland, away from the capital


def test_pakistan_has_a_point(res):
    found = resolve_place("Pakistan", 0, 8, res)
    lat, lon = point(found)
    assert found.country == "PAK" and 24 < lat < 37 and 61 < lon < 77


def test_the_nations_of_the_united_kingdom_are_places(res):
    for name, box in (
        ("England", (50, 56, -6, 2)),
        ("Scotland", (55, 59, -7, -1)),
        ("Wales", (51, 54, -5.5, -2.5)),
    ):
        found = resolve_place(name, 0, len(name), res)
        lat, lon = point(found)
        assert found.country == "GBR", name
        assert box[0] < lat < box[1] and box[2] < lon < box[3], (name, lat, lon)


def test_first_level_divisions_and_continents_are_places(res):
    texas = resolve_place("Texas", 0, 5, res)
    assert texas.country == "USA" and distance_km(point(texas), (31.0, -99.5)) < 200
    indiana = resolve_place("Indiana", 0, 7, res)  # not a Brazilian town once called so
    assert indiana.country == "USA" and distance_km(point(indiana), (40.0, -86.1)) < 161
    africa = resolve_place("Africa", 0, 6, res)
    assert africa.country is None and distance_km(point(africa), (5.0, 20.0)) < 1500


def test_a_division_named_for_a_great_city_is_the_city(res):
    found = resolve_place("Istanbul", 0, 8, res)  # most of the province's people
    assert found.country == "TUR" and distance_km(point(found), (41.01, 28.95)) < 30
    found = resolve_place("New York", 0, 8, res)  # a city of millions, though under half
    assert found.country == "USA" and distance_km(point(found), (40.71, -74.0)) < 30
    found = resolve_place("Texas", 0, 5, res)  # no city of that name: the state
    assert found.country == "USA" and distance_km(point(found), (31.0, -99.5)) < 200


def test_a_shared_town_name_goes_to_the_state_the_story_is_in(res):
    text = "Floods closed schools in Alexandria, and the governor of Louisiana sent help."
    found = where(res, "Alexandria", text, ("Louisiana",))
    assert found.country == "USA" and distance_km(point(found), (31.3, -92.45)) < 50
    assert where(res, "Alexandria").country == "EGY"  # alone, the most populous


def test_a_division_of_the_story_outweighs_a_bigger_namesake(res):
    text = "Health officials in Orange County, California, reported cases in Santa Ana."
    found = where(res, "Santa Ana", text, ("California",))
    assert found.country == "USA" and distance_km(point(found), (33.75, -117.87)) < 30


def test_a_state_name_in_a_story_about_another_state(res):
    text = "Storms hit Atlanta and Savannah, and Georgia declared an emergency."
    found = where(res, "Georgia", text, ("Atlanta", "Savannah"))
    assert found.country == "USA" and distance_km(point(found), (32.7, -83.4)) < 200
    assert resolve_place("Georgia", 0, 7, res).country == "GEO"  # alone, the state
    found = where(res, "Georgia", "Tbilisi said Georgia would respond.", ("Tbilisi",))
    assert found.country == "GEO"


def test_demonyms_put_a_state_in_view(res):
    found = where(res, "Santa Ana", "Salvadoran police said the market in Santa Ana burned.")
    assert found.country == "SLV"


@pytest.mark.parametrize(
    ("name", "country", "point"),
    [
        ("Anhui", "CHN", (31.9, 117.2)),  # provinces GeoNames files under its own codes
        ("Queensland", "AUS", (-22.5, 144.5)),
        ("Manitoba", "CAN", (53.8, -98.8)),
        ("Northern Territory", "AUS", (-19.5, 133.4)),
    ],
)
def test_a_first_level_division_has_a_point_in_it(res, name, country, point):
    found = resolve_place(name, 0, len(name), res)
    assert found.country == country and found.latitude is not None
    assert distance_km((found.latitude, found.longitude), point) < 400


def test_a_region_of_a_state_is_not_a_namesake_town_elsewhere(res):
    found = resolve_place("Ontario", 0, 7, res)  # a Canadian province, not the Californian town
    assert found.country == "CAN"
    found = where(
        res, "Ontario", "Flights from Ontario and Riverside were delayed.", ("Riverside",)
    )
    assert found.country == "USA"  # a story about southern California: the town


def test_a_territory_with_a_gazetteer_record_of_its_own_keeps_its_point_and_state(res):
    found = resolve_place("Macao", 0, 5, res)
    assert found.country == "CHN" and found.latitude is not None
    assert distance_km((found.latitude, found.longitude), (22.2, 113.5)) < 50


@pytest.mark.parametrize(
    ("text", "country", "point"),
    [
        ("Hubei Province", "CHN", (31.0, 112.3)),
        ("the Gaza Strip", "PSE", (31.4, 34.4)),
        # a division word chooses the division over the namesake capital or town
        ("Washington State", "USA", (47.4, -120.5)),
        ("New York State", "USA", (42.9, -75.5)),
    ],
)
def test_a_name_with_a_division_word_is_the_division(res, text, country, point):
    found = resolve_place(text, 0, len(text), res)
    assert found.country == country and found.latitude is not None
    assert distance_km((found.latitude, found.longitude), point) < 250
