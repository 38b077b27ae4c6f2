"""Place resolution scored on GeoVirus (Gritta et al., ACL 2018): toponyms given, points asked.

A gold file is GeoVirus' XML: ``<article>`` elements, each with a ``<text>`` and
``<locations>`` of ``<location>`` elements (``name``, ``start``, ``end``, ``lat``, ``lon``,
``page``). The names and their offsets are given; what is scored is where each is resolved to,
with the whole article in view: the resolver gets the article and returns a point (or None)
for each of its toponyms. The file as published ends inside an XML comment (a template
article) and counts ``start`` from one: the reader skips comments, closed or not, and takes
the offsets that find the name (``text[start:end]``, else one character earlier, else the
name's nearest occurrence).

Measures (the usual ones for toponym resolution):

- ``accuracy_161km``: the share of toponyms resolved within 161 km (100 miles) of the gold;
- ``mean_error_km`` and ``median_error_km`` over every toponym, and ``mean_resolved_error_km``
  over those resolved;
- ``auc``: the area under the curve of the sorted errors on a log scale,
  log(1 + error km) / log(20039), by the trapezoid rule over the toponyms; 0 is every toponym
  exact, 1 every one at the far side of the earth; lower is better.

A toponym left unresolved counts as an error of ``MAX_ERROR_KM`` (20,039 km, half the
earth's circumference) in every measure but ``mean_resolved_error_km``, and is also counted
apart (``n_unresolved``).
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from communique.evaluate.figures import ratio
from communique.evaluate.gold import GoldFormatError, shorten

if TYPE_CHECKING:
    from communique.analysis.resources import Resources

MAX_ERROR_KM = 20039.0
WITHIN_KM = 161.0
EARTH_RADIUS_KM = 6371.0
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_ARTICLE = re.compile(r"<article>.*?</article>", re.DOTALL)

Point = tuple[float, float]


@dataclass(frozen=True)
class Toponym:
    name: str
    start: int  # offsets into the article's text, end-exclusive
    end: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class GeoArticle:
    text: str
    source: str
    toponyms: tuple[Toponym, ...]


@dataclass(frozen=True)
class Miss:
    """A toponym resolved more than ``WITHIN_KM`` from the gold (or not at all)."""

    name: str
    error_km: float  # MAX_ERROR_KM when unresolved
    resolved: bool


@dataclass
class PlacesScore:
    """Every toponym's error, in gold order, and the articles scored."""

    errors: list[float] = field(default_factory=list)
    unresolved: int = 0
    articles: int = 0
    misses: list[Miss] = field(default_factory=list)

    def as_dict(self) -> dict[str, float | int]:
        errors = self.errors
        resolved = [e for e in errors if e < MAX_ERROR_KM]
        return {
            "accuracy_161km": ratio(sum(1 for e in errors if e < WITHIN_KM), len(errors)),
            "mean_error_km": round(ratio(sum(errors), len(errors)), 1),
            "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
            "mean_resolved_error_km": round(ratio(sum(resolved), len(resolved)), 1),
            "auc": auc(errors),
            "n_toponyms": len(errors),
            "n_unresolved": self.unresolved,
            "n_articles": self.articles,
        }


def distance_km(a: Point, b: Point) -> float:
    """The great-circle distance between two (latitude, longitude) points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def auc(errors: Sequence[float]) -> float:
    """The area under the curve of log errors (Gritta et al. 2018): the errors sorted and
    scaled to log(1 + km) / log(MAX_ERROR_KM), integrated by the trapezoid rule over unit
    steps and divided by the steps' count; one error is its own scaled value."""
    if not errors:
        return 0.0
    scaled = sorted(math.log1p(min(e, MAX_ERROR_KM)) / math.log(MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))
    return area / (len(scaled) - 1)


def _offsets(text: str, name: str, start: int, end: int, where: str) -> tuple[int, int]:
    """The offsets of ``name`` in ``text`` given gold ``start`` and ``end`` (see the module
    docstring); raises ``GoldFormatError`` when the name is not in the text."""
    if text[start:end] == name:
        return start, end
    if start > 0 and text[start - 1 : end - 1] == name:
        return start - 1, end - 1
    found = [m.start() for m in re.finditer(re.escape(name), text)]
    if not found:
        raise GoldFormatError(f"{where}: toponym {shorten(name)} is not in the text")
    nearest = min(found, key=lambda at: abs(at - start))
    return nearest, nearest + len(name)


def _field(element: ElementTree.Element, tag: str, where: str) -> str:
    value = element.findtext(tag)
    if value is None or not value.strip():
        raise GoldFormatError(f"{where}: no <{tag}>")
    return value.strip()


def _toponym(location: ElementTree.Element, text: str, where: str) -> Toponym:
    name = _field(location, "name", where)
    try:
        start, end = int(_field(location, "start", where)), int(_field(location, "end", where))
        point = float(_field(location, "lat", where)), float(_field(location, "lon", where))
    except ValueError:
        raise GoldFormatError(f"{where}: {shorten(name)}: offsets or point not numbers") from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise GoldFormatError(f"{where}: {shorten(name)}: no point on earth {point}")
    start, end = _offsets(text, name, start, end, where)
    return Toponym(name=name, start=start, end=end, latitude=point[0], longitude=point[1])


def read_gold(path: Path) -> list[GeoArticle]:
    """Every article of a GeoVirus XML file with its toponyms, checked: a text, a name found
    in it, numeric offsets and a point on earth. Raises ``GoldFormatError`` naming the file and
    article (``FILE:article N``) at fault, and for a file with no article."""
    path = Path(path)
    raw = _COMMENT.sub("", path.read_text(encoding="utf-8-sig"))
    articles = []
    for number, block in enumerate(_ARTICLE.findall(raw), 1):
        where = f"{path}:article {number}"
        try:
            element = ElementTree.fromstring(block)  # a gold file is trusted input
        except ElementTree.ParseError as error:
            raise GoldFormatError(f"{where}: malformed XML: {error}") from None
        text = element.findtext("text") or ""
        if not text.strip():
            raise GoldFormatError(f"{where}: no text")
        toponyms = tuple(_toponym(loc, text, where) for loc in element.iter("location"))
        articles.append(
            GeoArticle(
                text=text, source=(element.findtext("source") or "").strip(), toponyms=toponyms
            )
        )
    if not articles:
        raise GoldFormatError(f"{path}: no <article> to score")
    return articles


Resolver = Callable[[GeoArticle], Sequence[Point | None]]


def resolver(res: Resources) -> Resolver:
    """communique's resolver: each toponym resolved with ``analysis.places.resolve_place``,
    the article's toponyms and demonyms in view (``place_context``)."""
    from communique.analysis.places import place_context, resolve_place

    def resolve(article: GeoArticle) -> list[Point | None]:
        context = place_context([t.name for t in article.toponyms], res, article.text)
        points: list[Point | None] = []
        for toponym in article.toponyms:
            text = article.text[toponym.start : toponym.end]
            where = resolve_place(text, toponym.start, toponym.end, res, context)
            lat, lon = where.latitude, where.longitude
            points.append((lat, lon) if lat is not None and lon is not None else None)
        return points

    return resolve


def evaluate(
    path: Path, resolve: Resolver, advance: Callable[[], None] = lambda: None
) -> PlacesScore:
    """Score ``resolve`` on every toponym of a GeoVirus file (read and checked whole first)."""
    articles = read_gold(path)
    score = PlacesScore(articles=len(articles))
    for article in articles:
        points = list(resolve(article))
        if len(points) != len(article.toponyms):
            raise ValueError(f"{len(points)} points for {len(article.toponyms)} toponyms")
        for toponym, point in zip(article.toponyms, points, strict=True):
            gold = (toponym.latitude, toponym.longitude)
            error = MAX_ERROR_KM if point is None else min(distance_km(gold, point), MAX_ERROR_KM)
            score.errors.append(error)
            score.unresolved += point is None
            if error >= WITHIN_KM:
                score.misses.append(Miss(toponym.name, error, point is not None))
        advance()
    return score


def format_table(score: PlacesScore) -> str:
    """The figures, then the names missed most often, as plain fixed-width text."""
    figures = score.as_dict()
    lines = [
        f"{name:<24}{value:>10.4f}" if isinstance(value, float) else f"{name:<24}{value:>10}"
        for name, value in figures.items()
    ]
    counts: dict[str, int] = {}
    for miss in score.misses:
        label = miss.name if miss.resolved else f"{miss.name} (unresolved)"
        counts[label] = counts.get(label, 0) + 1
    if counts:
        lines += ["", "missed most often (beyond 161 km or unresolved):"]
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:15]
        lines += [f"  {count:>4}  {label}" for label, count in top]
    return "\n".join(lines)
