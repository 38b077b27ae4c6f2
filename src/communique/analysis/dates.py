"""When an event happened: date expressions resolved against the publication date.

``resolve`` turns one expression as written ("on Wednesday", "between May 16 and 17",
"last month") into a ``When``; ``event_date`` picks, among a sentence's dates, the one that
modifies an event's trigger. Stated dates go through ``dateparser`` (English only, with the
publication date as the relative base, so nothing depends on the clock or the network);
what it gets wrong is written here: ranges, decades, weekdays, the year of a year-less
date, durations that are not dates, and the period each expression bounds.

Rules, in brief:

* A weekday is the most recent one on or before publication (the publication day itself
  included: "on Wednesday" in an article of Wednesday is that day); with ``future`` it is
  the next one on or after publication. "last Wednesday" is strictly before, "next
  Wednesday" strictly after. ``event_date`` looks ahead for a trigger in a future form
  whatever its modality ("won't meet Tuesday"), scheduled ("talks are set for Tuesday") or
  in the present progressive ("is meeting Xi on Tuesday"): see ``looks_ahead``.
* A year-less stated date takes the publication year, unless that puts a past event more
  than ``TOLERANCE`` after publication (then the year before) or a future event more than
  ``TOLERANCE`` before it (then the year after).
* Weeks run Monday to Sunday; "last week" is the whole of the week before publication's,
  "earlier this week" runs from Monday to the publication day.
* The year can be said in words: "January this year", "May 5 last year", "March next year".
  "The end of the month" is the publication month ("the end of last month" the one before);
  "early", "mid", "late", "the end of" keep the whole period they open.
* Quarters ("the first quarter", "Q3 2024", "the third quarter of last year"; "last quarter"
  is the one before publication's), halves ("the second half of the year") and seasons
  (northern: spring March-May, summer June-August, autumn/fall September-November, winter
  December-February, named by the year of its January) are periods of granularity month. One
  given without a year is the latest that has begun by publication, with ``future`` the first
  that has not ended; "last summer" the latest that has ended, "next spring" the first yet to
  begin.
* Anaphoric dates ("a day earlier", "the day before", "the next day", "the following week",
  "a year later", "later that day") count from the story's date before them (``reference``;
  ``event_date`` finds it in the sentence or the few before), else from publication.
* "Overnight" is the night before publication (start the day before, end publication);
  "since 2019" runs from the start of 2019 to publication: a bound, the start of a state
  that still holds.
* With no publication date, anything relative or year-less is ``unresolved`` (its text
  kept); durations ("two weeks", "a 30-year treaty") and vague times ("recent years") are
  always ``unresolved``.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Span, Token

from communique.analysis.lexicon import Lexicon
from communique.records import When

TOLERANCE = timedelta(days=61)
# The base dateparser gets when there is no publication date: any fixed day will do, since
# only dates that state their year are used then; a leap year lets "February 29" parse.
_FIXED_BASE = datetime(2000, 6, 15)
# A day to test "is this a date at all?" against: relative expressions resolve against it.
_PROBE = date(2000, 6, 15)

Period = tuple[str, date | None, date | None]  # granularity, start, end
UNRESOLVED: Period = ("unresolved", None, None)

_MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {calendar.month_name[number].lower(), calendar.month_abbr[number].lower()}
}
_MONTHS["sept"] = 9
_WEEKDAYS = {
    name: number
    for number in range(7)
    for name in {calendar.day_name[number].lower(), calendar.day_abbr[number].lower()}
}
_WEEKDAYS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

# Words that may open an expression without changing the date it names.
_LEADING = re.compile(
    r"^(?:(?:on|in|at|during|by|around|about|circa|as of|since|until|till|through|"
    r"as early as|as late as|no later than|shortly after|shortly before|just after|"
    r"just before|late|early|earlier|later|mid|the middle of|the end of|the start of|"
    r"the beginning of|end of|start of|beginning of|the turn of|turn of|overnight|"
    r"the (?:first|second|third|fourth|last|final) (?:week|weekend|days?) of)"
    r"[\s-]+)+"
)
_TRAILING = re.compile(rf"(?:\s+{_PART_OF_DAY}|\s*['’]s)+$")

_STATED_WORDS = re.compile(r"^(?:\d{1,4}(?:st|nd|rd|th)?|of|the|[,/.-])$")
_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_BARE_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NUMERIC_DATE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
_DECADE = re.compile(r"^(?:the\s+)?(?:early|mid|late)?[\s-]*'?(\d\d|\d{4})'?s$")
_RANGE = re.compile(
    r"^(?:between|from)?\s*(?P<a>.+?)\s*(?:\band\b|\bto\b|\buntil\b|\btill\b|\bthrough\b|"
    r"\bthru\b|\bor\b|-)\s*(?P<b>.+)$"
)
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_SHIFT = re.compile(
    r"^(?:yesterday|today|tomorrow|the day (?:before yesterday|after tomorrow)|"
    r"(?:last|next|past) (?:week|month|year)|"
    rf"{_NUMBER} {_UNIT}(?: ago| from now)|in {_NUMBER} {_UNIT}(?: time)?)$"
)
_WEEKDAY = re.compile(
    r"^(?P<which>last|this past|past|next|this coming|coming|this)?\s*(?P<day>[a-z]+)$"
)
_THIS = re.compile(
    r"^(?P<when>earlier|later)?\s*(?P<which>this|the|over the|last|next)\s+"
    r"(?P<unit>week|month|year|weekend)$"
)
# "the end of the month": the month of publication (then stripped like "the end of").
_OF_THE = re.compile(r"\b((?:end|start|beginning|middle|turn) of) the (week|month|year)\b")
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_YEAR_WORD = r"(?:this|last|next|the|the current|the previous|the past) year"
# A year-less date with the year said in words: "January this year", "May 5 last year".
_WITH_YEAR_WORD = re.compile(r"^(?P<head>.+?),? (?:of )?(?P<which>this|last|next) year$")
# A weekday of a named week: "Monday of last week", "Friday this week".
_WEEKDAY_OF_WEEK = re.compile(
    r"^(?P<day>[a-z]+),? (?:of )?(?P<which>this|last|next|the previous|the following) week$"
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "latter": 2}  # fmt: skip
_QUARTER = re.compile(
    r"^(?:the )?(?:(?P<ordinal>first|second|third|fourth|final|1st|2nd|3rd|4th|last) quarter"
    r"|(?P<which>this|the current|current|last|the last|the past|past|the previous|previous|"
    r"next|the next|the coming|coming) quarter"
    r"|q(?P<q>[1-4])|(?P<q2>[1-4])q)"
    rf"(?:,? (?:of )?(?:(?P<year>\d{{4}})|(?P<year_word>{_YEAR_WORD})))?$"
)
_HALF = re.compile(
    r"^(?:the )?(?P<ordinal>first|second|latter|final|last) half "
    rf"(?:of )?(?:(?P<year>\d{{4}})|(?P<year_word>{_YEAR_WORD}))$"
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}  # first months
_SEASON = re.compile(
    r"^(?:(?P<when>earlier|later) )?(?:(?P<which>last|next|this|this coming|coming|the|that) )?"
    r"(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:,? (?:of )?(?P<year>\d{4})(?:[/-](?P<year2>\d{2}|\d{4}))?)?$"
)
_UNITS = r"(?:day|week|month|year|weekend|morning|afternoon|evening|night)"
# Dates relative to another date of the story, not to publication: "a day earlier", "the
# next day", "the following week", "later that day".
_ANAPHORIC = re.compile(
    rf"^(?:(?P<count>{_NUMBER}) (?P<unit>{_UNIT}) (?P<direction>earlier|later|before|after|"
    r"previously|prior)"
    rf"|the (?P<unit2>{_UNITS}) (?P<direction2>before|after)"
    r"|the (?P<which>previous|preceding|prior|next|following|subsequent|same) "
    rf"(?P<unit3>{_UNITS})"
    rf"|that (?:same )?(?P<unit4>{_UNITS}))$"
)
_TODAY = re.compile(
    rf"^(?:today|tonight|this {_PART_OF_DAY}|earlier today|later today|"
    r"(?:earlier|later) (?:in|on) the day|earlier on|overnight|"
    rf"today {_PART_OF_DAY}|(?:late )?last night|yesterday {_PART_OF_DAY}|"
    rf"tomorrow {_PART_OF_DAY})$"
)


# -- periods --------------------------------------------------------------------------------


def day_period(day: date) -> Period:
    """One day."""
    return ("day", day, day)


def week_period(day: date) -> Period:
    """The Monday-to-Sunday week that holds ``day``."""
    monday = day - timedelta(days=day.weekday())
    return ("week", monday, monday + timedelta(days=6))


def month_period(year: int, month: int) -> Period:
    """A calendar month."""
    last = calendar.monthrange(year, month)[1]
    return ("month", date(year, month, 1), date(year, month, last))


def year_period(first: int, last: int | None = None) -> Period:
    """A calendar year, or the years ``first`` to ``last``."""
    return ("year", date(first, 1, 1), date(last or first, 12, 31))


def _around(day: date, unit: str) -> Period:
    """The period of granularity ``unit`` that holds ``day``."""
    if unit == "week":
        return week_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "year":
        return year_period(day.year)
    return day_period(day)


# -- dateparser -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _parser(base: datetime, future: bool, parsers: tuple[str, ...]) -> dateparser.DateDataParser:
    """A dateparser for English only, anchored at ``base``: no detection, no clock, no network."""
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "future" if future else "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "PARSERS": list(parsers),
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return dateparser.DateDataParser(
        languages=["en"], try_previous_locales=False, settings=settings
    )


def _dateparse(
    text: str, base: date | None, future: bool, parsers: tuple[str, ...]
) -> tuple[datetime, str | None] | None:
    """dateparser's reading of ``text``: (datetime, period) or None."""
    anchor = datetime(base.year, base.month, base.day) if base else _FIXED_BASE
    data = _parser(anchor, future, parsers).get_date_data(text)
    return (data.date_obj, data.period) if data.date_obj else None


# -- the rules ------------------------------------------------------------------------------


def _clean(expression: str) -> str:
    """Lower case, one kind of dash, no dots after abbreviations, single spaces."""
    text = expression.lower().replace("–", "-").replace("—", "-").replace("’", "'")
    text = re.sub(r"(?<=[a-z])\.", "", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return _OF_THE.sub(r"\1 this \2", re.sub(r"\bthis past\b", "last", text))


def _strip(text: str) -> str:
    """The expression without openers ("on", "early", "the end of") and times of day."""
    if _TODAY.match(text) or _THIS.match(text) or _SHIFT.match(text) or _SEASON.match(text):
        return text
    stripped = _TRAILING.sub("", _LEADING.sub("", text)).strip(" ,")
    return stripped or text


def _today(text: str, published: date, future: bool) -> Period | None:
    """Today, tonight, earlier in the day, last night, yesterday morning, ..."""
    if not _TODAY.match(text):
        return None
    if text == "overnight":  # the night before publication (with ``future``, the one after)
        first = published if future else published - timedelta(days=1)
        return ("day", first, first + timedelta(days=1))
    if text.startswith(("last night", "late last night", "yesterday")):
        return day_period(published - timedelta(days=1))
    if text.startswith("tomorrow"):
        return day_period(published + timedelta(days=1))
    return day_period(published)


def _weekend(which: str, published: date, future: bool) -> Period:
    """The Saturday and Sunday meant by "the weekend", "last weekend", "next weekend"."""
    forward = which == "next" or (future and which != "last")
    if forward:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        if which == "next" and saturday == published:
            saturday += timedelta(days=7)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
        if which == "last" and published.weekday() >= 5:  # said on a weekend: the one before
            saturday -= timedelta(days=7)
    return ("week", saturday, saturday + timedelta(days=1))


def _this(text: str, published: date, future: bool) -> Period | None:
    """This/last/next week, month or year, and "earlier this month", "later this year"."""
    found = _THIS.match(text)
    if not found:
        return None
    when, which, unit = found["when"], found["which"], found["unit"]
    if unit == "weekend":
        return _weekend(which, published, future)
    if which in ("the", "over the"):
        return None
    if which != "this":
        step = -1 if which == "last" else 1
        shifted = {
            "week": lambda: published + timedelta(weeks=step),
            "month": lambda: _add_months(published, step),
            "year": lambda: published.replace(year=published.year + step, day=1),
        }[unit]()
        return None if when else _around(shifted, unit)
    granularity, start, end = _around(published, unit)
    if when == "earlier":
        end = published
    elif when == "later":
        start = published
    return (granularity, start, end)


def _add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` away from ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _weekday(text: str, published: date, future: bool) -> Period | None:
    """A weekday: the latest on or before publication, or with ``future`` the next on or after."""
    found = _WEEKDAY.match(text)
    if not found or found["day"] not in _WEEKDAYS:
        return None
    which, target = found["which"], _WEEKDAYS[found["day"]]
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if which in ("last", "past"):
        return day_period(published - timedelta(days=back or 7))
    if which == "next":
        return day_period(published + timedelta(days=ahead or 7))
    if which in ("this coming", "coming") or future:
        return day_period(published + timedelta(days=ahead))
    return day_period(published - timedelta(days=back))


def _shift(text: str, published: date, future: bool) -> Period | None:
    """Yesterday, tomorrow, last month, two days ago, in three weeks: dateparser's arithmetic."""
    if not _SHIFT.match(text):
        return None
    found = _dateparse(text.replace("past ", "last "), published, future, ("relative-time",))
    if found is None:
        return None
    moment, period = found
    return _around(moment.date(), period if period in ("week", "month", "year") else "day")


def _named_month(text: str, published: date, future: bool) -> Period | None:
    """A month named relative to publication: "last September", "next January"."""
    found = re.fullmatch(r"(last|next|this|this coming|coming) ([a-z]+)", text)
    if not found or found[2] not in _MONTHS:
        return None
    month, year = _MONTHS[found[2]], published.year
    if found[1] == "last":
        year -= month >= published.month
    elif found[1] != "this":
        year += month <= published.month
    return month_period(year, month)


def _weekday_of_week(text: str, published: date, future: bool) -> Period | None:
    """A weekday of a named week: "Monday of last week", "Friday this week"."""
    found = _WEEKDAY_OF_WEEK.match(text)
    if not found or found["day"] not in _WEEKDAYS:
        return None
    step = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(found["which"], 0)
    monday = published - timedelta(days=published.weekday(), weeks=-step)
    return day_period(monday + timedelta(days=_WEEKDAYS[found["day"]]))


def _this_time(text: str, published: date, future: bool) -> Period | None:
    """ "This time last year": the month of publication, a year before."""
    if text != "this time last year":
        return None
    return month_period(published.year - 1, published.month)


_RELATIVE: tuple[Callable[[str, date, bool], Period | None], ...] = (
    _today,
    _this,
    _shift,
    _weekday,
    _named_month,
    _weekday_of_week,
    _this_time,
)


# -- parts of years: quarters, halves, seasons ----------------------------------------------


def _months(year: int, first: int, count: int) -> Period:
    """``count`` calendar months from month ``first`` of ``year`` (which may run into the next
    year), as a period of granularity month."""
    last = _add_months(date(year, first, 1), count - 1)
    return ("month", date(year, first, 1), month_period(last.year, last.month)[2])


def _occurrence(period_of: Callable[[int], Period], published: date, future: bool) -> Period:
    """The occurrence of a yearly period ("the first quarter", "the summer") meant without a
    year: the latest that has begun by publication, or with ``future`` the first that has not
    ended by then."""
    years = range(published.year - 1, published.year + 2)
    if future:
        return next((p for p in map(period_of, years) if p[2] and p[2] >= published), UNRESOLVED)
    return next(
        (p for p in map(period_of, reversed(years)) if p[1] and p[1] <= published), UNRESOLVED
    )


def _year_of(found: re.Match[str], published: date | None) -> int | None:
    """The year a quarter or half names: stated, said in words ("of last year"), or None."""
    if found["year"]:
        return int(found["year"])
    if found["year_word"] is None or published is None:
        return None
    which = found["year_word"].split()[-2]
    return published.year + {"last": -1, "previous": -1, "past": -1, "next": 1}.get(which, 0)


def _quarter(text: str, published: date | None, future: bool) -> Period | None:
    """A quarter, as three months: "the first quarter", "Q3 2024", "the third quarter of last
    year", "last quarter" (the one before publication's), "the last quarter of 2023" (Q4).

    Without a year, the latest such quarter begun by publication (see ``_occurrence``).
    """
    found = _QUARTER.match(text)
    if not found:
        return None
    year = _year_of(found, published)
    number = int(found["q"] or found["q2"] or 0) or _ORDINALS.get(found["ordinal"] or "", 0)
    if not number and found["ordinal"] == "last" and year is not None:
        number = 4  # "the last quarter of 2023"
    if number:
        if year is not None:
            return _months(year, 3 * number - 2, 3)
        if found["year"] or found["year_word"] or published is None:
            return UNRESOLVED
        return _occurrence(lambda y: _months(y, 3 * number - 2, 3), published, future)
    if published is None or found["year"] or found["year_word"]:
        return UNRESOLVED
    which = (found["which"] or "last").split()[-1]
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
    first = _add_months(date(published.year, 3 * ((published.month - 1) // 3) + 1, 1), 3 * step)
    return _months(first.year, first.month, 3)


def _half(text: str, published: date | None, future: bool) -> Period | None:
    """A half year: "the first half of 2023", "the second half of the year"."""
    found = _HALF.match(text)
    if not found:
        return None
    year = _year_of(found, published)
    if year is None:
        return UNRESOLVED
    return _months(year, 1 if found["ordinal"] == "first" else 7, 6)


def _season_of(first: int) -> Callable[[int], Period]:
    """The season that begins in month ``first``, of a given year: spring March to May,
    summer June to August, autumn September to November (northern hemisphere); winter is
    named by the year of its January (winter 2023: December 2022 to February 2023)."""
    if first == 12:
        return lambda year: _months(year - 1, 12, 3)
    return lambda year: _months(year, first, 3)


def _season(text: str, published: date | None, future: bool) -> Period | None:
    """A season, as three months: "last summer", "this spring", "the autumn of 2023",
    "winter", "winter 2022-23", "earlier this summer".

    "this" is the season of publication's year (for winter, the one under way, else the coming
    one from June and the one just ended before); "last" the latest that has ended by
    publication, "next" the first yet to begin; a bare season is read like a year-less month
    (see ``_occurrence``).
    """
    found = _SEASON.match(text)
    if not found:
        return None
    period_of = _season_of(_SEASONS[found["season"]])
    if found["year"]:
        if found["year2"] and found["season"] != "winter":
            return UNRESOLVED
        return period_of(int(found["year"]) + bool(found["year2"]))
    if published is None:
        return UNRESOLVED
    which = found["which"] or ""
    years = range(published.year - 1, published.year + 3)
    if which == "last":
        period = next(p for p in map(period_of, reversed(years)) if p[2] and p[2] < published)
    elif which in ("next", "coming", "this coming"):
        period = next(p for p in map(period_of, years) if p[1] and p[1] > published)
    elif which == "this":
        winter = found["season"] == "winter"
        period = period_of(published.year + (winter and published.month >= 6))
    else:
        period = _occurrence(period_of, published, future)
    granularity, start, end = period
    if start is not None and end is not None and start <= published <= end:
        if found["when"] == "earlier":
            end = published
        elif found["when"] == "later":
            start = published
    return (granularity, start, end)


_PARTS: tuple[Callable[[str, date | None, bool], Period | None], ...] = (_quarter, _half, _season)


def _part_of_year(text: str, published: date | None, future: bool) -> Period | None:
    """A quarter, half or season; with no publication date, only one that states its year."""
    for rule in _PARTS:
        found = rule(text, published, future)
        if found is not None:
            return found
    return None


def _with_year_word(text: str, published: date | None, future: bool) -> Period | None:
    """A year-less date with the year in words: "January this year", "June last year", "May
    5 last year", "March next year"."""
    found = _WITH_YEAR_WORD.match(text)
    if not found:
        return None
    head = found["head"]
    if (
        not _is_stated(head)
        or _YEAR.search(head)
        or not any(w in _MONTHS for w in re.findall(r"[a-z]+", head))
    ):
        return None
    if published is None:
        return UNRESOLVED
    year = published.year + {"last": -1, "next": 1}.get(found["which"], 0)
    return _stated(f"{head} {year}", published, future)


# -- dates relative to another of the story's dates ------------------------------------------

_COARSENESS = ("day", "week", "month", "year")


def _shifted(day: date, count: int, unit: str) -> date:
    """``day`` moved by ``count`` units (a month or year later keeps the day where it can)."""
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = count * (12 if unit == "year" else 1)
    first = _add_months(day, months)
    return first.replace(day=min(day.day, calendar.monthrange(first.year, first.month)[1]))


def _anaphoric_step(found: re.Match[str]) -> tuple[int, str]:
    """How far and in what unit an anaphoric expression moves: "two days earlier" (-2, day)."""
    if found["count"]:
        count = _NUMBERS.get(found["count"]) or int(found["count"])
        backward = found["direction"] in ("earlier", "before", "previously", "prior")
        return (-count if backward else count), found["unit"].rstrip("s")
    if found["unit2"]:
        return (-1 if found["direction2"] == "before" else 1), found["unit2"]
    if found["unit3"]:
        which = found["which"]
        step = 0 if which == "same" else -1 if which in ("previous", "preceding", "prior") else 1
        return step, found["unit3"]
    return 0, found["unit4"]


def _anaphoric(text: str, published: date | None, reference: Period | None) -> Period | None:
    """A date relative to another of the story's ("a day earlier", "the next day", "the
    following week", "a year later", "later that day"): moved from ``reference``, the period
    of the date before it, else from the publication day (the story's present).

    Moving back starts from the reference's start, forward from its end; the result has the
    granularity of the unit ("the following week" is a week), or the reference's own when that
    is coarser ("in March ... a day later": March 2 to April 1).
    """
    found = _ANAPHORIC.match(text)
    if not found:
        return None
    anchor = reference or (day_period(published) if published else UNRESOLVED)
    granularity, start, end = anchor
    if start is None or end is None:
        return UNRESOLVED
    step, unit = _anaphoric_step(found)
    if unit == "weekend":
        anchor_day = start if step <= 0 else end
        saturday = anchor_day - timedelta(days=anchor_day.weekday() - 5)  # its week's
        if step > 0:  # the next after the anchor, then on
            saturday += timedelta(weeks=step - (anchor_day.weekday() < 5))
        elif step < 0:  # the one before the anchor's week, then back
            saturday += timedelta(weeks=step)
        return ("week", saturday, saturday + timedelta(days=1))
    if unit not in _COARSENESS:  # the next morning, that night
        unit = "day"
    if _COARSENESS.index(granularity) > _COARSENESS.index(unit):
        return (granularity, _shifted(start, step, unit), _shifted(end, step, unit))
    return _around(_shifted(start if step <= 0 else end, step, unit), unit)


def _relative(text: str, published: date | None, future: bool) -> Period | None:
    """The period a relative expression names; UNRESOLVED with no publication date."""
    for rule in _RELATIVE:
        found = rule(text, published or _PROBE, future)
        if found is not None:
            return found if published else UNRESOLVED
    return None


def _decade(text: str) -> Period | None:
    """The years of a decade: "the 1990s", "the '90s" (30s to 90s are 19xx)."""
    found = _DECADE.match(text)
    if not found or int(found[1]) % 10:
        return None
    start = int(found[1])
    if start < 100:
        start += 1900 if start >= 30 else 2000
    return year_period(start, start + 9)


def _is_stated(text: str) -> bool:
    """Whether ``text`` is made only of date words: months, weekdays, numbers, "of", ",".

    A day number needs a month name beside it ("19, 2016" is a fragment, not a date).
    """
    if _NUMERIC_DATE.match(text):
        return True
    words = re.findall(r"[a-z]+|\d+(?:st|nd|rd|th)?|[,/.-]", text)
    month = any(w in _MONTHS for w in words)
    years = set(_YEAR.findall(text))
    days = [w for w in words if w[:1].isdigit() and w not in years]
    if not (month or years) or (days and not month):
        return False
    return all(w in _MONTHS or w in _WEEKDAYS or _STATED_WORDS.match(w) for w in words)


def _year_for(month: int, day: int | None, published: date, future: bool) -> int:
    """The year of a year-less date: the publication year unless that is too far off."""
    year = published.year
    length = calendar.monthrange(year, month)[1]
    first = date(year, month, min(day or 1, length))
    last = date(year, month, min(day or length, length))
    if not future and first > published + TOLERANCE:
        return year - 1
    if future and last < published - TOLERANCE:
        return year + 1
    return year


def _stated(text: str, published: date | None, future: bool) -> Period | None:
    """A date as stated: "October 2, 2023", "2 October", "March", "2019", "March 2022"."""
    if not _is_stated(text):
        return None
    found = _dateparse(text, published, future, ("custom-formats", "absolute-time"))
    if found is None:
        return UNRESOLVED
    moment, period = found
    has_year = bool(_YEAR.search(text)) or bool(_NUMERIC_DATE.match(text))
    if period == "year":
        return year_period(moment.year) if has_year else UNRESOLVED
    if has_year:
        return _around(moment.date(), "month" if period == "month" else "day")
    if published is None:
        return UNRESOLVED
    day = moment.day if period != "month" else None
    return _yearless(text, moment.month, day, published, future)


def _yearless(text: str, month: int, day: int | None, published: date, future: bool) -> Period:
    """A year-less day or month placed in a year; a named weekday that fits picks the year."""
    year = _year_for(month, day, published, future)
    weekday = next((_WEEKDAYS[w] for w in re.findall(r"[a-z]+", text) if w in _WEEKDAYS), None)
    try:
        if day is None:
            return month_period(year, month)
        if weekday is not None and date(year, month, day).weekday() != weekday:
            other = year + (1 if future else -1)
            if date(other, month, day).weekday() == weekday:
                year = other
        return day_period(date(year, month, day))
    except ValueError:  # February 29 of a year that has none
        return UNRESOLVED


def _sides(text: str) -> tuple[str, str] | None:
    """The two ends of a range, each completed with the month or year only the other states."""
    if _NUMERIC_DATE.match(text):
        return None
    found = _RANGE.match(text)
    if not found:
        return None
    a, b = found["a"].strip(" ,"), found["b"].strip(" ,")
    if not a or not b:
        return None
    month_a = next((w for w in re.findall(r"[a-z]+", a) if w in _MONTHS), None)
    month_b = next((w for w in re.findall(r"[a-z]+", b) if w in _MONTHS), None)
    if _BARE_DAY.fullmatch(_YEAR.sub("", b).strip(" ,")) and month_a and not month_b:
        b = f"{month_a} {b}"
    elif _BARE_DAY.fullmatch(a) and month_b and not month_a:
        a = f"{a} {month_b}"
        month_a = month_b
    year_b = _YEAR.search(b)
    if year_b and month_a and not _YEAR.search(a):
        a = f"{a} {year_b[0]}"
    return a, b


def _range(text: str, published: date | None, future: bool) -> Period | None:
    """A range ("between May 16 and 17", "Monday to Wednesday", "2019-2021"): both ends."""
    sides = _sides(text)
    if sides is None:
        return None
    first, second = (_single(side, published, future) for side in sides)
    if first is None or second is None:
        return None
    if first is UNRESOLVED or second is UNRESOLVED or first[1] is None or second[2] is None:
        return UNRESOLVED
    if second[2] < first[1]:  # "Monday to Wednesday", "December 28 to January 3"
        second = _single(sides[1], first[1], True) or UNRESOLVED
        if second[2] is None or second[2] < first[1]:
            return UNRESOLVED
    coarse = max(first[0], second[0], key=("day", "week", "month", "year").index)
    return (coarse, first[1], second[2])


def _single(
    text: str, published: date | None, future: bool, reference: Period | None = None
) -> Period | None:
    """The period of one (not a range) expression, or None when it names no date."""
    text = _strip(text)
    return (
        _decade(text)
        or _part_of_year(text, published, future)
        or _anaphoric(text, published, reference)
        or _relative(text, published, future)
        or _with_year_word(text, published, future)
        or _stated(text, published, future)
    )


# -- the API --------------------------------------------------------------------------------


def resolve(
    expression: str,
    published: date | None,
    future: bool = False,
    reference: Period | None = None,
) -> When:
    """The period a date expression names, resolved against the publication date.

    ``future`` says the event is yet to come ("Putin will visit China on Tuesday"): weekdays
    and year-less dates are then looked for after publication. ``reference`` is the period of
    the story's date before this one, which "a day earlier", "the next day" are counted from
    (without it, from publication). "since 2019" runs from the start of 2019 to publication (a
    bound: the state it dates began then and holds when the story is written). The expression
    is kept as ``text``; anything that is not a date, or cannot be anchored, is ``unresolved``.
    """
    text = _clean(expression)
    since = text.startswith("since ")
    found = (_range(text, published, future) if " " in text or "-" in text else None) or _single(
        text, published, future, reference
    )
    granularity, start, end = found or UNRESOLVED
    if since and published is not None and end is not None and end < published:
        end = published
    return When(granularity=granularity, start=start, end=end, text=expression)


def is_anaphoric(expression: str) -> bool:
    """Whether an expression is counted from another date of the story ("the next day")."""
    return bool(_ANAPHORIC.match(_strip(_clean(expression))))


def is_date(expression: str) -> bool:
    """Whether an expression names a date or period at all (not "two weeks", "recent years")."""
    return resolve(expression, _PROBE).granularity != "unresolved"


# -- which date an event has -------------------------------------------------------------

# Dependencies by which a verb heads a clause of its own: a date or place beyond one belongs
# to that clause's event. (A verb-tagged word in a nominal role, "talks" as a subject, is not
# one; nor is a participle modifying a noun, "the meeting held on Monday".)
CLAUSAL = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "csubj", "csubjpass", "pcomp",
     "parataxis", "acomp"}
)  # fmt: skip
# The words that tell which date is an event's (durations, bounds, other events, ranges, the
# future) are concepts of lexicon.yaml, passed in as ``words``.
_MODIFIER = frozenset({"compound", "amod", "nummod", "nmod", "poss"})


def clause_head(token: Token) -> bool:
    """Whether ``token`` heads a clause of its own (a verb in a clausal role)."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ in CLAUSAL


def clause_of(token: Token) -> Token | None:
    """The head of the clause ``token`` is in: itself or its nearest clause-heading ancestor."""
    for candidate in (token, *token.ancestors):
        if clause_head(candidate):
            return candidate
    return None


def _steps(root: Token, trigger: Token, words: Lexicon) -> int | None:
    """How many heads up from ``root`` the trigger is, if nothing on the way stops it.

    Stops: a verb heading another clause; a participle modifying a noun other than the
    trigger ("an agreement struck at the end of last year"); and a preposition relating
    another event ("since the invasion a year ago", "ahead of Friday's anniversary"), other
    than the phrase's own ("since 2014").
    """
    token, steps = root, 0
    own = root.head if root.dep_ == "pobj" else root
    while token != trigger:
        if token.head == token:
            return None
        token = token.head
        steps += 1
        if token == trigger:
            break
        if clause_head(token) or (token.dep_ == "acl" and token.head != trigger):
            return None
        if token != own and token.lower_ in words.other_event_words:
            return None
    return steps


def _shares_auxiliaries(trigger: Token) -> bool:
    """Whether a conjoined verb has no auxiliary or subject of its own ("arrived ... and met")."""
    own = {"aux", "auxpass", "nsubj", "nsubjpass", "neg"}
    return trigger.dep_ == "conj" and not any(child.dep_ in own for child in trigger.children)


def attachment(root: Token, trigger: Token, words: Lexicon) -> tuple[int, int] | None:
    """How closely a phrase headed by ``root`` modifies ``trigger``: (tier, steps), or None.

    Tier 0: its head chain reaches the trigger without crossing another clause; 1: it is in
    the trigger's clause (a nominal trigger: "pay a visit ... next month"); 2: it modifies the
    verb the trigger is conjoined to and shares its subject and auxiliaries with ("arrived in
    Beijing on Tuesday and met Xi"). Smaller is closer.
    """
    steps = _steps(root, trigger, words)
    if steps is not None:
        return (0, steps)
    clause = clause_of(root)
    nominal = trigger.pos_ not in ("VERB", "AUX")
    if clause is not None and nominal and clause == clause_of(trigger):
        return (1, _depth(root, clause))
    if _shares_auxiliaries(trigger) and clause_head(trigger.head):
        steps = _steps(root, trigger.head, words)
        if steps is not None:
            return (2, steps)
    return None


def _depth(token: Token, ancestor: Token) -> int:
    """How many heads up from ``token`` ``ancestor`` is."""
    return next((n for n, a in enumerate(token.ancestors, start=1) if a == ancestor), 99)


def _date_spans(
    sentence: Span, words: Lexicon, entities: Sequence[Span] | None = None
) -> list[Span]:
    """The sentence's DATE and TIME entities, with the pieces of one date joined.

    Touching pieces ("Wednesday" + "night"), the ends of a range ("between May 16" + "and" +
    "17") and a trailing adverb ("the day" + "before") make one span; an "overnight" the
    recogniser left out is one too. ``entities`` are the sentence's entities when the caller
    has them (``sentence.ents`` walks the whole doc).
    """
    doc = sentence.doc
    spans: list[Span] = []
    for entity in sentence.ents if entities is None else entities:
        if entity.label_ not in ("DATE", "TIME"):
            continue
        gap = doc[spans[-1].end : entity.start] if spans else None
        if gap is not None and all(token.lower_ in words.range_words for token in gap):
            start = spans[-1].start
            if len(gap) and start > sentence.start and doc[start - 1].lower_ in ("between", "from"):
                start -= 1
            spans[-1] = doc[start : entity.end]
        else:
            spans.append(doc[entity.start : entity.end])
        after = doc[spans[-1].end] if spans[-1].end < sentence.end else None
        if after is not None and after.lower_ in _AFTERWORDS and not any(after.children):
            joined = doc[spans[-1].start : after.i + 1]  # "the day" + "before"
            spans[-1] = joined if is_anaphoric(joined.text) else spans[-1]
    taken = {i for span in spans for i in range(span.start, span.end)}
    overnight = [  # an adverb the recogniser often leaves out: "struck Kyiv overnight"
        doc[t.i : t.i + 1]
        for t in sentence
        if t.lower_ == "overnight" and t.dep_ in ("advmod", "npadvmod") and t.i not in taken
    ]
    return sorted(spans + overnight, key=lambda span: span.start) if overnight else spans


_AFTERWORDS = frozenset({"before", "after", "earlier", "later"})


def _preposition(span: Span) -> str | None:
    """The preposition a date phrase is the object of, or opens with ("between ... and")."""
    root = span.root
    if root.dep_ == "prep" or root.pos_ == "ADP":
        return root.lower_
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.lower_
    return None


def _ranked(span: Span, trigger: Token, words: Lexicon) -> tuple[int, int, int, int, int] | None:
    """The sort key of a candidate date for ``trigger``; None for one that cannot date it."""
    preposition = _preposition(span)
    if not is_date(span.text):
        return None
    if preposition in words.duration_preps and not (
        preposition in words.schedule_preps and resolve(span.text, _PROBE).granularity == "day"
    ):
        return None
    where = attachment(span.root, trigger, words)
    if where is None:
        return None
    nominal = span.root.dep_ in _MODIFIER and span.root.head.i not in range(span.start, span.end)
    weak = preposition in words.bound_preps
    distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
    return (where[0], int(weak), int(nominal), where[1], distance)


def event_date(
    sentence: Span,
    trigger: Token,
    published: date | None,
    words: Lexicon,
    future: bool = False,
    entities: Sequence[Span] | None = None,
) -> When:
    """The date of the event ``trigger`` names, from the sentence's DATE/TIME entities.

    The date that modifies the trigger most closely wins (see ``attachment``): one whose head
    chain reaches it without crossing another clause or event, else for a nominal trigger one
    in its clause, else one of the verb it is conjoined to. Among those, a stated point ("on
    Monday") beats a bound ("since 2014"), which beats a date modifying a noun ("the 2018
    summit"); then the fewest steps, then the nearest. Durations ("for two weeks", "a
    30-year treaty") and dates of other clauses ("He said on Monday that talks would
    resume": Monday is the saying's) are never taken. With none, ``When()``: the publication
    date is *not* assumed here (see ``publication_day``). ``words``: the lexicon (durations,
    bounds, ranges). ``entities``: the sentence's entities, when the caller has them (see
    ``entities.EntityIndex``).
    """
    spans = _date_spans(sentence, words, entities)
    ranked = [(key, span) for span in spans if (key := _ranked(span, trigger, words))]
    if not ranked:
        return When()
    span = min(ranked, key=lambda pair: pair[0])[1]
    # the clause's tense, unless the date names the trigger's own noun ("Monday's attack")
    own = span.root.dep_ in _MODIFIER and span.root.head == trigger
    future = future or (not own and looks_ahead(trigger, words))
    reference = _reference(sentence, span, published, words) if is_anaphoric(span.text) else None
    text = f"since {span.text}" if _preposition(span) == "since" else span.text
    found = resolve(text, published, future, reference)
    return When(
        granularity=found.granularity,
        start=found.start,
        end=found.end,
        text=span.text,
        text_start=span.start_char,
        text_end=span.end_char,
    )


def is_future(trigger: Token, words: Lexicon) -> bool:
    """Whether the trigger's verb is in a future form.

    "will visit", "would resume" (reported), "is going to visit", "plans to visit", "is
    expected to visit", "is due to visit".
    """
    auxiliaries = words.future_auxiliaries
    if any(child.dep_ == "aux" and child.lower_ in auxiliaries for child in trigger.children):
        return True
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.lemma_.lower() in words.future_heads and head != trigger


def looks_ahead(trigger: Token, words: Lexicon) -> bool:
    """Whether the trigger's date is to be looked for after publication: a future form (see
    ``is_future``), whatever the event's modality ("won't meet on Tuesday"); a nominal trigger
    of a clause in one ("talks will resume Tuesday"), or scheduled ("talks are set for
    Tuesday", "the meeting is scheduled for Tuesday"); or an arrangement in the present
    progressive ("is meeting Xi on Tuesday")."""
    if is_future(trigger, words):
        return True
    verb = trigger if clause_head(trigger) else clause_of(trigger)
    if verb is None:
        return False
    if verb != trigger and is_future(verb, words):
        return True
    present = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP")
    ]
    if not present:
        return False
    scheduled = verb.tag_ == "VBN" and verb.lemma_.lower() in words.future_heads
    return scheduled or verb.tag_ == "VBG"


_LOOKBACK = 8  # sentences searched back for the date an anaphoric one counts from


def _reference(
    sentence: Span, span: Span, published: date | None, words: Lexicon, depth: int = 0
) -> Period | None:
    """The period of the nearest date before ``span`` (in its sentence, else in the few
    before), which an anaphoric date ("the next day") is counted from; None if there is none.
    One that is itself anaphoric is counted from its own reference, a few steps deep."""
    doc = sentence.doc
    sentences = [sentence]
    while len(sentences) <= _LOOKBACK and sentences[-1].start > 0:
        sentences.append(doc[sentences[-1].start - 1].sent)
    for current in sentences:
        candidates = [s for s in _date_spans(current, words) if s.end <= span.start]
        for candidate in reversed(candidates):
            if _preposition(candidate) in words.duration_preps or not is_date(candidate.text):
                continue
            clause = clause_of(candidate.root)
            ahead = clause is not None and looks_ahead(clause, words)
            earlier = None
            if is_anaphoric(candidate.text):
                if depth >= 2:
                    continue
                earlier = _reference(current, candidate, published, words, depth + 1)
            found = resolve(candidate.text, published, ahead, earlier)
            if found.granularity != "unresolved":
                return (found.granularity, found.start, found.end)
    return None


def publication_day(published: date | None) -> When:
    """The publication day as a ``When``, for a caller that dates an undated event by it.

    ``event_date`` never does this itself: an event a sentence gives no date for may have
    happened any time before the article, and only the caller knows whether "the day of
    publication" is a fair guess (breaking news) or not (a background paragraph). ``text``
    is None, which tells the two apart in the records.
    """
    if published is None:
        return When()
    return When(granularity="day", start=published, end=published)
