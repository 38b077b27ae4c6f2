"""Event dates: expressions resolved against the publication date, and picked per trigger."""

from __future__ import annotations

from datetime import date

import pytest

from communique.analysis.dates import event_date, is_date, is_future, publication_day, resolve
from communique.analysis.lexicon import read_lexicon
from communique.records import When

WORDS = read_lexicon()
WEDNESDAY = date(2023, 9, 20)  # the publication date most tests use: a Wednesday


@pytest.fixture(scope="module")
def model():
    from communique.nlp import load_model

    return load_model()


def parse(model, text: str, word: str):
    """The sentence and the token ``word`` (its first occurrence) of a parsed text."""
    doc = model(text)
    trigger = next(token for token in doc if token.text == word)
    return trigger.sent, trigger


def period(when: When) -> tuple[str, date | None, date | None]:
    return (when.granularity, when.start, when.end)


# -- resolve: stated dates -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on October 2", ("day", date(2023, 10, 2), date(2023, 10, 2))),
        ("October 2, 2023", ("day", date(2023, 10, 2), date(2023, 10, 2))),
        ("2 October", ("day", date(2023, 10, 2), date(2023, 10, 2))),
        ("Sept. 11, 2001", ("day", date(2001, 9, 11), date(2001, 9, 11))),
        ("2023-10-02", ("day", date(2023, 10, 2), date(2023, 10, 2))),
        ("in March", ("month", date(2023, 3, 1), date(2023, 3, 31))),
        ("mid-March", ("month", date(2023, 3, 1), date(2023, 3, 31))),
        ("March 2022", ("month", date(2022, 3, 1), date(2022, 3, 31))),
        ("in 2019", ("year", date(2019, 1, 1), date(2019, 12, 31))),
        ("early 2022", ("year", date(2022, 1, 1), date(2022, 12, 31))),
        ("the 1990s", ("year", date(1990, 1, 1), date(1999, 12, 31))),
    ],
)
def test_stated_dates(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("between May 16 and 17", ("day", date(2023, 5, 16), date(2023, 5, 17))),
        ("16-17 May", ("day", date(2023, 5, 16), date(2023, 5, 17))),
        ("May 16 and 17, 2021", ("day", date(2021, 5, 16), date(2021, 5, 17))),
        ("between March and May", ("month", date(2023, 3, 1), date(2023, 5, 31))),
        ("2019-2021", ("year", date(2019, 1, 1), date(2021, 12, 31))),
        ("from Monday to Wednesday", ("day", date(2023, 9, 18), date(2023, 9, 20))),
    ],
)
def test_ranges(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


def test_a_year_less_date_too_far_after_publication_is_last_year():
    # 2 December 2023 would be ten weeks after publication: a past event was in 2022.
    assert resolve("December 2", WEDNESDAY).start == date(2022, 12, 2)
    # ... but a scheduled one is this year.
    assert resolve("December 2", WEDNESDAY, future=True).start == date(2023, 12, 2)
    # A future event "in March" (six months before publication) is next March.
    assert period(resolve("in March", WEDNESDAY, future=True)) == (
        "month",
        date(2024, 3, 1),
        date(2024, 3, 31),
    )


def test_a_named_weekday_picks_the_year_it_fits():
    # 3 October was a Tuesday in 2023, not in 2022.
    assert resolve("Tuesday, October 3", date(2023, 12, 20)).start == date(2023, 10, 3)


# -- resolve: relative dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Wednesday", ("day", WEDNESDAY, WEDNESDAY)),  # the publication day itself
        ("Wednesday night", ("day", WEDNESDAY, WEDNESDAY)),
        ("on Monday", ("day", date(2023, 9, 18), date(2023, 9, 18))),
        ("on Thursday", ("day", date(2023, 9, 14), date(2023, 9, 14))),
        ("last Wednesday", ("day", date(2023, 9, 13), date(2023, 9, 13))),
        ("yesterday", ("day", date(2023, 9, 19), date(2023, 9, 19))),
        ("last night", ("day", date(2023, 9, 19), date(2023, 9, 19))),
        ("today", ("day", WEDNESDAY, WEDNESDAY)),
        ("earlier in the day", ("day", WEDNESDAY, WEDNESDAY)),
        ("tomorrow", ("day", date(2023, 9, 21), date(2023, 9, 21))),
        ("two days ago", ("day", date(2023, 9, 18), date(2023, 9, 18))),
        ("last week", ("week", date(2023, 9, 11), date(2023, 9, 17))),
        ("earlier this week", ("week", date(2023, 9, 18), WEDNESDAY)),
        ("next week", ("week", date(2023, 9, 25), date(2023, 10, 1))),
        ("last month", ("month", date(2023, 8, 1), date(2023, 8, 31))),
        ("this month", ("month", date(2023, 9, 1), date(2023, 9, 30))),
        ("next month", ("month", date(2023, 10, 1), date(2023, 10, 31))),
        ("a year ago", ("year", date(2022, 1, 1), date(2022, 12, 31))),
        ("last year", ("year", date(2022, 1, 1), date(2022, 12, 31))),
        ("over the weekend", ("week", date(2023, 9, 16), date(2023, 9, 17))),
    ],
)
def test_relative_dates(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


def test_future_weekdays_look_forward():
    assert resolve("on Monday", WEDNESDAY, future=True).start == date(2023, 9, 25)
    assert resolve("on Wednesday", WEDNESDAY, future=True).start == WEDNESDAY
    assert resolve("next Wednesday", WEDNESDAY).start == date(2023, 9, 27)


@pytest.mark.parametrize(
    "expression", ["on Wednesday", "yesterday", "last week", "in March", "October 2"]
)
def test_without_a_publication_date_relative_and_year_less_dates_are_unresolved(expression):
    when = resolve(expression, None)
    assert when == When(granularity="unresolved", text=expression)


def test_without_a_publication_date_stated_years_still_resolve():
    assert period(resolve("October 2, 2023", None)) == ("day", date(2023, 10, 2), date(2023, 10, 2))
    assert period(resolve("between May 16 and 17, 2021", None))[1:] == (
        date(2021, 5, 16),
        date(2021, 5, 17),
    )


@pytest.mark.parametrize(
    "expression",
    ["30-year", "two weeks", "for two weeks", "recent years", "decades", "the past decade", "now"],
)
def test_durations_and_vague_times_are_not_dates(expression):
    when = resolve(expression, WEDNESDAY)
    assert (when.granularity, when.start, when.text) == ("unresolved", None, expression)
    assert not is_date(expression)


def test_is_date_needs_no_publication_date():
    assert is_date("on Wednesday")
    assert is_date("between May 16 and 17")


def test_publication_day():
    assert publication_day(WEDNESDAY) == When(granularity="day", start=WEDNESDAY, end=WEDNESDAY)
    assert publication_day(None) == When()


# -- event_date: which date is the event's -------------------------------------------------

MOSCOW = (
    "Chinese Foreign Minister Wang Yi met Russian President Vladimir Putin in Moscow on Wednesday."
)


def test_the_date_attached_to_the_trigger(model):
    sentence, trigger = parse(model, MOSCOW, "met")
    when = event_date(sentence, trigger, WEDNESDAY, WORDS)
    assert period(when) == ("day", WEDNESDAY, WEDNESDAY)
    assert when.text == "Wednesday"
    assert MOSCOW[when.text_start : when.text_end] == "Wednesday"


def test_a_future_event(model):
    sentence, trigger = parse(model, "Putin will visit China next month.", "visit")
    assert is_future(trigger, WORDS)
    when = event_date(sentence, trigger, WEDNESDAY, WORDS, future=is_future(trigger, WORDS))
    assert period(when) == ("month", date(2023, 10, 1), date(2023, 10, 31))
    assert when.text == "next month"


def test_a_future_weekday(model):
    sentence, trigger = parse(model, "Putin will travel to Beijing on Monday.", "travel")
    when = event_date(sentence, trigger, WEDNESDAY, WORDS, future=is_future(trigger, WORDS))
    assert when.start == date(2023, 9, 25)


def test_a_range(model):
    text = "The talks were held in Geneva between May 16 and 17."
    sentence, trigger = parse(model, text, "held")
    when = event_date(sentence, trigger, WEDNESDAY, WORDS)
    assert period(when) == ("day", date(2023, 5, 16), date(2023, 5, 17))
    assert text[when.text_start : when.text_end] == when.text


def test_no_publication_date_keeps_the_text(model):
    sentence, trigger = parse(model, MOSCOW, "met")
    when = event_date(sentence, trigger, None, WORDS)
    assert when.granularity == "unresolved"
    assert when.start is None
    assert when.text == "Wednesday"


def test_a_duration_is_not_a_date(model):
    sentence, trigger = parse(model, "The two countries signed a 30-year treaty.", "signed")
    assert event_date(sentence, trigger, WEDNESDAY, WORDS) == When()
    sentence, trigger = parse(model, "The delegation stayed in Beijing for two weeks.", "stayed")
    assert event_date(sentence, trigger, WEDNESDAY, WORDS) == When()


def test_the_date_of_a_reporting_verb_is_not_the_reported_event(model):
    text = "He said on Monday that talks in Geneva would resume."
    sentence, trigger = parse(model, text, "resume")
    assert event_date(sentence, trigger, WEDNESDAY, WORDS) == When()
    sentence, trigger = parse(model, text, "said")
    assert event_date(sentence, trigger, WEDNESDAY, WORDS).start == date(2023, 9, 18)


def test_each_clause_keeps_its_own_date(model):
    text = "The two leaders agreed on Friday to meet again in October."
    sentence, agreed = parse(model, text, "agreed")
    meet = next(token for token in sentence if token.text == "meet")
    assert event_date(sentence, agreed, WEDNESDAY, WORDS).start == date(2023, 9, 15)
    assert event_date(sentence, meet, WEDNESDAY, WORDS).granularity == "month"


def test_time_entities_are_dates_too(model):
    sentence, trigger = parse(model, "Earlier in the day, Lavrov met Blinken.", "met")
    assert period(event_date(sentence, trigger, WEDNESDAY, WORDS)) == ("day", WEDNESDAY, WEDNESDAY)
    sentence, trigger = parse(model, "On Wednesday night, missiles struck Kyiv.", "struck")
    when = event_date(sentence, trigger, date(2023, 9, 22), WORDS)
    assert (when.text, when.start) == ("Wednesday night", WEDNESDAY)


def test_no_date_is_not_the_publication_date(model):
    sentence, trigger = parse(
        model, "In recent years, China and Russia have deepened ties.", "deepened"
    )
    assert event_date(sentence, trigger, WEDNESDAY, WORDS) == When()


def test_a_date_inside_a_phrase_about_another_event_is_not_the_triggers(model):
    text = (
        "Wang, the most senior Chinese official to visit Moscow since the Russian invasion "
        "of Ukraine a year ago, met Putin."
    )
    sentence, trigger = parse(model, text, "visit")
    assert event_date(sentence, trigger, WEDNESDAY, WORDS) == When()
    text = "He was referring to an agreement struck at the end of last year."
    sentence, referring = parse(model, text, "referring")
    struck = next(token for token in sentence if token.text == "struck")
    assert event_date(sentence, referring, WEDNESDAY, WORDS) == When()
    assert event_date(sentence, struck, WEDNESDAY, WORDS).start == date(2022, 1, 1)


def test_either_of_two_months_bounds_the_period(model):
    text = "Xi was preparing for a possible visit in April or May."
    sentence, trigger = parse(model, text, "visit")
    when = event_date(sentence, trigger, date(2023, 2, 21), WORDS)
    assert period(when) == ("month", date(2023, 4, 1), date(2023, 5, 31))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Putin will visit China next month.", "visit", True),
        ("Xi is going to visit Moscow next week.", "visit", True),
        ("Putin plans to visit China in October.", "visit", True),
        ("Talks won't resume on Monday.", "resume", True),
        ("Putin visited China last month.", "visited", False),
    ],
)
def test_is_future(model, text, word, expected):
    _, trigger = parse(model, text, word)
    assert is_future(trigger, WORDS) is expected


# -- issue 15: months with the year in words, parts of years, anaphoric dates, tense --------

MONDAY = date(2023, 9, 18)  # a Monday story, for weekdays said by tense


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("February this year", ("month", date(2023, 2, 1), date(2023, 2, 28))),
        ("in July last year", ("month", date(2022, 7, 1), date(2022, 7, 31))),
        ("in April next year", ("month", date(2024, 4, 1), date(2024, 4, 30))),
        ("late November of last year", ("month", date(2022, 11, 1), date(2022, 11, 30))),
        ("on March 8 last year", ("day", date(2022, 3, 8), date(2022, 3, 8))),
    ],
)
def test_a_month_with_the_year_in_words(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


def test_a_month_with_the_year_in_words_needs_a_publication_date():
    assert resolve("February this year", None).granularity == "unresolved"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("at the end of the month", ("month", date(2023, 9, 1), date(2023, 9, 30))),
        ("by the end of the year", ("year", date(2023, 1, 1), date(2023, 12, 31))),
        ("the start of the week", ("week", date(2023, 9, 18), date(2023, 9, 24))),
    ],
)
def test_the_end_of_the_month_is_the_publication_month(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # relative to publication, already read before issue 15: kept as they are
        ("a year ago", ("year", date(2022, 1, 1), date(2022, 12, 31))),
        ("three years ago", ("year", date(2020, 1, 1), date(2020, 12, 31))),
        ("late last month", ("month", date(2023, 8, 1), date(2023, 8, 31))),
        ("earlier this month", ("month", date(2023, 9, 1), WEDNESDAY)),
        ("early this month", ("month", date(2023, 9, 1), date(2023, 9, 30))),
        ("the end of last month", ("month", date(2023, 8, 1), date(2023, 8, 31))),
        ("early next year", ("year", date(2024, 1, 1), date(2024, 12, 31))),
        ("late last year", ("year", date(2022, 1, 1), date(2022, 12, 31))),
        ("mid-August", ("month", date(2023, 8, 1), date(2023, 8, 31))),
        ("this week", ("week", date(2023, 9, 18), date(2023, 9, 24))),
        ("in 2017", ("year", date(2017, 1, 1), date(2017, 12, 31))),
    ],
)
def test_relative_periods_read_before_stay_as_they_were(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


@pytest.mark.parametrize(
    ("expression", "future", "expected"),
    [
        ("in the second quarter", False, ("month", date(2023, 4, 1), date(2023, 6, 30))),
        # a past fourth quarter, in September, is last year's; a coming one this year's
        ("the fourth quarter", False, ("month", date(2022, 10, 1), date(2022, 12, 31))),
        ("the fourth quarter", True, ("month", date(2023, 10, 1), date(2023, 12, 31))),
        ("Q1 2025", False, ("month", date(2025, 1, 1), date(2025, 3, 31))),
        ("the second quarter of last year", False, ("month", date(2022, 4, 1), date(2022, 6, 30))),
        ("the first quarter of 2021", False, ("month", date(2021, 1, 1), date(2021, 3, 31))),
        # "the last quarter": the one before publication's; "of 2021": the fourth
        ("in the last quarter", False, ("month", date(2023, 4, 1), date(2023, 6, 30))),
        ("the last quarter of 2021", False, ("month", date(2021, 10, 1), date(2021, 12, 31))),
        ("next quarter", False, ("month", date(2023, 10, 1), date(2023, 12, 31))),
        ("the first half of 2021", False, ("month", date(2021, 1, 1), date(2021, 6, 30))),
        ("the second half of the year", False, ("month", date(2023, 7, 1), date(2023, 12, 31))),
    ],
)
def test_quarters_and_halves_are_three_and_six_months(expression, future, expected):
    assert period(resolve(expression, WEDNESDAY, future)) == expected


def test_a_quarter_without_a_publication_date_needs_its_year():
    assert period(resolve("Q1 2025", None))[1] == date(2025, 1, 1)
    assert resolve("the first quarter", None).granularity == "unresolved"


JULY = date(2023, 7, 12)


@pytest.mark.parametrize(
    ("expression", "published", "future", "expected"),
    [
        # "last": the latest that has ended; in July, the summer before
        ("last summer", JULY, False, ("month", date(2022, 6, 1), date(2022, 8, 31))),
        ("last summer", WEDNESDAY, False, ("month", date(2023, 6, 1), date(2023, 8, 31))),
        ("this spring", WEDNESDAY, False, ("month", date(2023, 3, 1), date(2023, 5, 31))),
        (
            "in the autumn of 2022",
            WEDNESDAY,
            False,
            ("month", date(2022, 9, 1), date(2022, 11, 30)),
        ),
        ("fall 2024", WEDNESDAY, False, ("month", date(2024, 9, 1), date(2024, 11, 30))),
        # winter: December to February, named by the year of its January
        ("during the winter", WEDNESDAY, False, ("month", date(2022, 12, 1), date(2023, 2, 28))),
        ("in the winter", WEDNESDAY, True, ("month", date(2023, 12, 1), date(2024, 2, 29))),
        ("this winter", WEDNESDAY, False, ("month", date(2023, 12, 1), date(2024, 2, 29))),
        (
            "the winter of 2021-22",
            WEDNESDAY,
            False,
            ("month", date(2021, 12, 1), date(2022, 2, 28)),
        ),
        ("next spring", WEDNESDAY, False, ("month", date(2024, 3, 1), date(2024, 5, 31))),
        ("earlier this summer", JULY, False, ("month", date(2023, 6, 1), JULY)),
    ],
)
def test_seasons_are_northern_three_month_periods(expression, published, future, expected):
    assert period(resolve(expression, published, future)) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # with no earlier date in the story, counted from publication (Wednesday 20)
        ("a day earlier", ("day", date(2023, 9, 19), date(2023, 9, 19))),
        ("the day before", ("day", date(2023, 9, 19), date(2023, 9, 19))),
        ("the following day", ("day", date(2023, 9, 21), date(2023, 9, 21))),
        ("the following week", ("week", date(2023, 9, 25), date(2023, 10, 1))),
        ("a year earlier", ("year", date(2022, 1, 1), date(2022, 12, 31))),
    ],
)
def test_anaphoric_dates_without_a_reference_count_from_publication(expression, expected):
    assert period(resolve(expression, WEDNESDAY)) == expected


REFERENCE = ("day", date(2023, 5, 10), date(2023, 5, 10))  # a Wednesday


@pytest.mark.parametrize(
    ("expression", "reference", "expected"),
    [
        ("two days earlier", REFERENCE, ("day", date(2023, 5, 8), date(2023, 5, 8))),
        ("the next day", REFERENCE, ("day", date(2023, 5, 11), date(2023, 5, 11))),
        ("later that day", REFERENCE, REFERENCE),
        ("the previous week", REFERENCE, ("week", date(2023, 5, 1), date(2023, 5, 7))),
        ("the following weekend", REFERENCE, ("week", date(2023, 5, 13), date(2023, 5, 14))),
        ("the previous weekend", REFERENCE, ("week", date(2023, 5, 6), date(2023, 5, 7))),
        ("a year later", REFERENCE, ("year", date(2024, 1, 1), date(2024, 12, 31))),
        # counted back from a range's start, forward from its end
        (
            "the day before",
            ("day", date(2023, 5, 16), date(2023, 5, 17)),
            ("day", date(2023, 5, 15), date(2023, 5, 15)),
        ),
        # a reference coarser than the step keeps its granularity
        (
            "a week later",
            ("month", date(2023, 3, 1), date(2023, 3, 31)),
            ("month", date(2023, 3, 8), date(2023, 4, 7)),
        ),
    ],
)
def test_anaphoric_dates_count_from_the_reference(expression, reference, expected):
    assert period(resolve(expression, WEDNESDAY, reference=reference)) == expected
    # a reference stated with its year needs no publication date
    assert period(resolve(expression, None, reference=reference)) == expected


def test_last_weekend_said_on_a_weekend_is_the_one_before():
    saturday, sunday = date(2023, 9, 23), date(2023, 9, 24)
    before = ("week", date(2023, 9, 16), date(2023, 9, 17))
    assert period(resolve("last weekend", saturday)) == before
    assert period(resolve("last weekend", sunday)) == before
    assert period(resolve("last weekend", MONDAY)) == before


def test_overnight_is_the_night_before_publication():
    assert period(resolve("overnight", MONDAY)) == ("day", date(2023, 9, 17), MONDAY)
    assert period(resolve("overnight", MONDAY, future=True)) == (
        "day",
        MONDAY,
        date(2023, 9, 19),
    )


def test_since_runs_from_the_bound_to_publication():
    assert period(resolve("since 2019", WEDNESDAY)) == ("year", date(2019, 1, 1), WEDNESDAY)
    assert period(resolve("since March", WEDNESDAY)) == ("month", date(2023, 3, 1), WEDNESDAY)
    # without a publication date the bound alone
    assert period(resolve("since 2019", None)) == ("year", date(2019, 1, 1), date(2019, 12, 31))


def test_a_weekday_of_a_named_week_and_this_time_last_year():
    assert period(resolve("Thursday of last week", WEDNESDAY))[1] == date(2023, 9, 14)
    assert period(resolve("Friday next week", WEDNESDAY))[1] == date(2023, 9, 29)
    assert period(resolve("this time last year", WEDNESDAY)) == (
        "month",
        date(2022, 9, 1),
        date(2022, 9, 30),
    )


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # said in a Monday story: a coming event's Tuesday is the next day, a past one's the
        # Tuesday before; the Monday itself is that day
        ("The two foreign ministers will confer Tuesday in Doha.", "confer", date(2023, 9, 19)),
        ("Negotiations on the grain deal are set for Tuesday.", "Negotiations", date(2023, 9, 19)),
        ("The Saudi envoy is due to arrive in Tehran on Tuesday.", "arrive", date(2023, 9, 19)),
        (
            "The chancellor is hosting the Kenyan president on Tuesday.",
            "hosting",
            date(2023, 9, 19),
        ),
        ("Ankara won't deploy its frigates on Tuesday.", "deploy", date(2023, 9, 19)),
        ("The two foreign ministers conferred Tuesday in Doha.", "conferred", date(2023, 9, 12)),
        ("The defence minister visited Warsaw on Monday.", "visited", MONDAY),
        ("The defence minister will visit Warsaw on Monday.", "visit", MONDAY),
    ],
)
def test_a_weekday_follows_the_tense_of_its_event(model, text, word, expected):
    sentence, trigger = parse(model, text, word)
    assert event_date(sentence, trigger, MONDAY, WORDS).start == expected


def test_a_weekday_naming_the_triggers_noun_is_not_the_clauses_future(model):
    text = "The ministers will discuss Sunday's shelling of the port."
    sentence, trigger = parse(model, text, "shelling")
    assert event_date(sentence, trigger, MONDAY, WORDS).start == date(2023, 9, 17)


def test_a_nominal_trigger_of_a_scheduled_clause_looks_ahead(model):
    sentence, trigger = parse(model, "The vote in parliament is scheduled for Friday.", "vote")
    when = event_date(sentence, trigger, MONDAY, WORDS)
    assert (when.text, when.start) == ("Friday", date(2023, 9, 22))
    # ... but "for" before a length of time is still a duration
    sentence, trigger = parse(model, "The observers stayed in Goma for a month.", "stayed")
    assert event_date(sentence, trigger, MONDAY, WORDS) == When()


def test_an_anaphoric_date_counts_from_the_date_before_it(model):
    text = (
        "The Chilean and Peruvian presidents met in Lima on April 4. "
        "A day earlier, their trade ministers had initialled the accord. "
        "The following week, both parliaments ratified it."
    )
    doc = model(text)
    initialled = next(t for t in doc if t.text == "initialled")
    when = event_date(initialled.sent, initialled, WEDNESDAY, WORDS)
    assert (when.text, period(when)) == (
        "A day earlier",
        ("day", date(2023, 4, 3), date(2023, 4, 3)),
    )
    # counted on from the day before, itself counted from April 4
    ratified = next(t for t in doc if t.text == "ratified")
    when = event_date(ratified.sent, ratified, WEDNESDAY, WORDS)
    assert period(when) == ("week", date(2023, 4, 10), date(2023, 4, 16))


def test_the_day_before_is_one_date(model):
    text = "The envoy reached Kabul the day before."
    sentence, trigger = parse(model, text, "reached")
    when = event_date(sentence, trigger, MONDAY, WORDS)
    assert (when.text, when.start) == ("the day before", date(2023, 9, 17))
    assert text[when.text_start : when.text_end] == "the day before"


def test_overnight_left_out_by_the_recogniser_still_dates_the_event(model):
    sentence, trigger = parse(model, "Drones struck the port overnight.", "struck")
    when = event_date(sentence, trigger, MONDAY, WORDS)
    assert (when.text, period(when)) == ("overnight", ("day", date(2023, 9, 17), MONDAY))


def test_a_date_after_since_runs_to_publication(model):
    sentence, trigger = parse(model, "Iran has held the reporter since 2019.", "held")
    when = event_date(sentence, trigger, WEDNESDAY, WORDS)
    assert (when.text, period(when)) == ("2019", ("year", date(2019, 1, 1), WEDNESDAY))
