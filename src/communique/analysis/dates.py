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
  Wednesday" strictly after.
* A year-less stated date takes the publication year, unless that puts a past event more
  than ``TOLERANCE`` after publication (then the year before) or a future event more than
  ``TOLERANCE`` before it (then the year after).
* Weeks run Monday to Sunday; "last week" is the whole of the week before publication's,
  "earlier this week" runs from Monday to the publication day.
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
    r"the beginning of|end of|start of|beginning of|"
    r"the (?:first|second|third|fourth|last|final) (?:week|weekend|days?|half|quarter) of)"
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
    return re.sub(r"\bthis past\b", "last", text)


def _strip(text: str) -> str:
    """The expression without openers ("on", "early", "the end of") and times of day."""
    if _TODAY.match(text) or _THIS.match(text) or _SHIFT.match(text):
        return text
    stripped = _TRAILING.sub("", _LEADING.sub("", text)).strip(" ,")
    return stripped or text


def _today(text: str, published: date, future: bool) -> Period | None:
    """Today, tonight, earlier in the day, last night, yesterday morning, ..."""
    if not _TODAY.match(text):
        return None
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
        if which == "last" and published.weekday() == 6 and saturday == published:
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


_RELATIVE: tuple[Callable[[str, date, bool], Period | None], ...] = (
    _today,
    _this,
    _shift,
    _weekday,
    _named_month,
)


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


def _single(text: str, published: date | None, future: bool) -> Period | None:
    """The period of one (not a range) expression, or None when it names no date."""
    text = _strip(text)
    return _decade(text) or _relative(text, published, future) or _stated(text, published, future)


# -- the API --------------------------------------------------------------------------------


def resolve(expression: str, published: date | None, future: bool = False) -> When:
    """The period a date expression names, resolved against the publication date.

    ``future`` says the event is yet to come ("Putin will visit China on Tuesday"): weekdays
    and year-less dates are then looked for after publication. The expression is kept as
    ``text``; anything that is not a date, or cannot be anchored, is ``unresolved``.
    """
    text = _clean(expression)
    found = (_range(text, published, future) if " " in text or "-" in text else None) or _single(
        text, published, future
    )
    granularity, start, end = found or UNRESOLVED
    return When(granularity=granularity, start=start, end=end, text=expression)


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

    Touching pieces ("Wednesday" + "night") and the ends of a range ("between May 16" +
    "and" + "17") make one span. ``entities`` are the sentence's entities when the caller
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
    return spans


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
    if preposition in words.duration_preps or not is_date(span.text):
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
    found = resolve(span.text, published, future)
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
