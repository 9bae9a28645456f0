"""Date values: the one TIMEX3 parser, and its contract with the time normaliser."""

from datetime import date

import pytest

from dossier.analyse import timex
from dossier.analyse.sentences import split_sentences
from dossier.timevalue import NON_CALENDAR, parse_day, parse_span, sort_key

REF = date(2021, 10, 22)

# Per pattern of the normaliser, phrases it finds; every pattern must be listed (a new pattern
# without examples fails the contract test below).
EXAMPLES = {
    "iso": ["2021-10-20"],
    "full": ["October 20, 2021", "20 October 2021", "Wednesday, Oct. 20, 2021"],
    "numeric": ["10/20/2021", "24/4/2019", "4/5/2019"],
    "month_day": ["Oct. 20", "20 October", "Monday, March 3", "March eighth", "this coming Sunday, March 8"],
    "second_day": ["April 24 and 25", "May 5 to 7"],
    "month_year": ["August 2021", "mid-August 2021"],
    "range": ["2009-2010", "1957-58", "2009 to 2011"],
    "same_period": ["the same period last year", "the corresponding quarter of last year"],
    "report_period": ["the latest quarter", "the year-ago period", "this quarter", "the 1988 period"],
    "year_ago": ["year-earlier", "year-ago"],
    "year_ended": ["the year ended March 31", "the fiscal year ending June 30"],
    "period_end": ["year-end", "the end of the month", "the beginning of the year", "the end of the week"],
    "quarter": ["the third quarter", "first half of 2020", "the fourth quarter of 2019", "the first half of this year"],
    "decade": ["the 1990s", "the early 1980s", "the '80s", "the nineties"],
    "century": ["the 20th century", "11th century"],
    "fiscal": ["fiscal 2021", "fiscal year 2022"],
    "day_word": ["today", "yesterday", "tomorrow", "this morning", "tonight", "mid-afternoon yesterday", "the morning"],
    "weekday": ["Wednesday", "last Friday", "next Monday", "Tuesday night"],
    "relative": ["last week", "next month", "this year", "earlier this week", "last weekend", "last summer", "the past decade"],
    "anaphoric": ["the following year", "that day", "later that night", "the previous month", "the previous weekend", "the next day"],
    "ago": ["two years ago", "three weeks ago", "a month ago", "10 days ago", "two decades ago", "a century ago"],
    "unit_adjective": ["10-year war", "two-week trip", "decade-long", "day-long"],
    "duration": ["90 days", "two years", "the past three years", "several months", "nearly a decade",
                 "for centuries", "two hours", "a minute and a half", "within weeks", "the months ahead"],
    "set": ["every morning", "every day", "each Thursday", "each year", "every month", "each July", "each spring", "Tuesdays",
            "Tuesday nights", "weekends"],
    "season": ["spring 2020", "last winter", "summer", "in the fall", "the winter of nineteen ninety-four"],
    "holiday": ["Christmas", "Thanksgiving 1997", "Easter", "Memorial Day", "Election Day", "Easter week"],
    "bare_month": ["in May", "since August", "last March"],
    "year": ["2003", "1989", "mid-1996"],
    "spoken_year": ["nineteen ninety-six", "January nineteen ninety-seven", "the year two thousand"],
    "clock": ["10 p.m. Wednesday", "noon Thursday", "5 p.m. EST Nov. 9", "7:15 a.m.", "midnight", "midday"],
    "present": ["now", "currently"],
    "past_ref": ["recently", "lately", "in recent weeks"],
    "future_ref": ["in the future", "in the coming years", "in the near term"],
}


def _emitted(phrase: str, context: str, reference: date | None):
    text = f"{context} {phrase}."
    sentences = split_sentences(text)
    return timex.normalise_times(timex.find_times(text, sentences), sentences, reference)


def test_every_pattern_has_examples():
    assert set(EXAMPLES) == set(timex.PATTERN_NAMES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_every_value_the_normaliser_emits_is_a_timex3_value_the_date_type_reads(name):
    for phrase in EXAMPLES[name]:
        emitted = []
        for context, reference in (("It happened", REF), ("It will happen", REF), ("It happened", None)):
            emitted += _emitted(phrase, context, reference)
        assert any(phrase.lower() in t.text.lower() or t.text.lower() in phrase.lower() for t in emitted), phrase
        for t in emitted:
            if t.value is None:
                continue
            span = parse_span(t.value, t.precision)
            if t.kind == "date":
                assert span is not None or NON_CALENDAR.match(t.value), (phrase, t.value)
            else:
                assert span is None and NON_CALENDAR.match(t.value), (phrase, t.kind, t.value)
            if span is not None:
                assert span.value == t.value and span.precision == t.precision, (phrase, t)
                assert span.start <= span.end


def test_decades_and_centuries_are_spans():
    """TIMEX3 writes the 1990s as "199" and the 20th century as "19"; both are dated spans."""
    decade = parse_span(timex.normalise_time("the 1990s", "It happened in the 1990s.", REF).value)
    assert (decade.first_day, decade.last_day, decade.precision) == (date(1990, 1, 1), date(1999, 12, 31), "decade")
    assert (parse_span("199X").start, parse_span("199X").end) == (decade.start, decade.end)
    century = parse_span("19")
    assert (century.first_day, century.last_day) == (date(1900, 1, 1), date(1999, 12, 31))


def test_spans_of_each_calendar_form():
    assert (parse_span("2021-W42").first_day, parse_span("2021-W42").last_day) == (date(2021, 10, 18), date(2021, 10, 24))
    assert parse_span("2021-W42-WE").first_day == date(2021, 10, 23)
    assert parse_span("2021-02").last_day == date(2021, 2, 28)
    assert (parse_span("2021-Q4").first_day, parse_span("2021-Q4").last_day) == (date(2021, 10, 1), date(2021, 12, 31))
    assert parse_span("2020-H2").first_day == date(2020, 7, 1)
    assert (parse_span("2020-WI").first_day, parse_span("2020-WI").last_day) == (date(2020, 12, 1), date(2021, 2, 28))
    assert parse_span("FY2021").first_day == date(2021, 1, 1)
    assert parse_span("2021-10-20T14:00").precision == "day"
    assert parse_day("2021-10-20") == date(2021, 10, 20) and parse_day("2021-10") is None


def test_a_half_year_has_its_own_precision():
    """"the first half of 2019" is six months, not a quarter: 2019-H1 with precision "half"."""
    half = timex.normalise_time("the first half of 2019", "Sales rose in the first half of 2019.", REF)
    span = parse_span(half.value, half.precision)
    assert (span.value, span.precision, span.first_day, span.last_day) == ("2019-H1", "half", date(2019, 1, 1), date(2019, 6, 30))
    assert parse_span("2020-H2").precision == "half" and parse_span("2020-Q2").precision == "quarter"


@pytest.mark.parametrize("value", [None, "", "P10Y", "PT3H", "PRESENT_REF", "XXXX-XX-XX", "2021-02-30", "2021-W60", "soon"])
def test_what_names_no_days_is_none(value):
    assert parse_span(value) is None


def test_a_month_sorts_with_its_days_not_before_its_weeks():
    values = ["2021-W42", "2021-10-20", "2021-10", "2021-12-31", "2021-10-01", "2021", "2021-W39", None, "P3Y"]
    ordered = sorted(values, key=sort_key)
    assert ordered == ["2021", "2021-W39", "2021-10-01", "2021-10", "2021-W42", "2021-10-20", "2021-12-31", "P3Y", None]


def test_every_example_of_a_prefiltered_pattern_holds_the_word_the_prefilter_needs():
    # find_times skips a pattern on sentences without its needed word; an example without it
    # would be a form the pattern can no longer find.
    for name, needed in timex._NEEDS.items():
        for phrase in EXAMPLES[name]:
            assert needed.search(phrase), (name, phrase)


def test_decades_and_centuries_read_as_a_reader_writes_them():
    from dossier.timevalue import readable

    assert [readable(v) for v in ("199", "199X", "19", "19XX", "2021-10", "2021", None)] == \
        ["1990s", "1990s", "1900s", "1900s", "2021-10", "2021", None]
