"""Time expressions: finding and normalising news dates against a reference."""

from datetime import date

import pytest

from dossier.analyse.sentences import split_sentences
from dossier.analyse.timex import find_times, normalise_time, normalise_times

REF = date(2021, 10, 22)  # a Friday


def values(text, reference=REF):
    sentences = split_sentences(text)
    times = normalise_times(find_times(text, sentences), sentences, reference)
    return {t.text: (t.value, t.precision, t.kind) for t in times}


@pytest.mark.parametrize("text, expected", [
    ("Wednesday", "2021-10-20"),
    ("Friday", "2021-10-22"),
    ("last Friday", "2021-10-15"),
    ("today", "2021-10-22"),
    ("yesterday", "2021-10-21"),
    ("last week", "2021-W41"),
    ("earlier this week", "2021-W42"),
    ("next month", "2021-11"),
    ("August 2021", "2021-08"),
    ("mid-August 2021", "2021-08"),
    ("October 20, 2021", "2021-10-20"),
    ("20 October 2021", "2021-10-20"),
    ("2003", "2003"),
    ("the 1990s", "199"),
    ("two years ago", "2019"),
])
def test_normalise_against_reference(text, expected):
    assert normalise_time(text, f"It happened {text}.", REF).value == expected


def test_bare_month_is_the_most_recent_one_before_the_reference():
    assert normalise_time("in August", "They took Kabul in August.", REF).value == "2021-08"
    assert normalise_time("in November", "They met in November.", REF).value == "2020-11"


def test_future_context_looks_forward():
    assert normalise_time("Monday", "He will travel on Monday.", REF).value == "2021-10-25"


def test_relative_without_reference_is_unresolved_but_absolute_is_not():
    assert normalise_time("Wednesday", "On Wednesday they met.", None).value is None
    assert normalise_time("in August", "in August", None).value is None
    assert normalise_time("October 20, 2021", "x", None).value == "2021-10-20"


def test_found_in_text_with_durations():
    found = values("On Wednesday, talks began. The Soviet Union waged a 10-year war that ended in 1989. "
                   "It withdrew after a decade. Russia has engaged since 2017.")
    assert found["Wednesday"][0] == "2021-10-20"
    assert found["10-year"] == ("P10Y", "year", "duration")
    assert found["a decade"][2] == "duration"  # TIMEX3 extents leave the preposition out
    assert found["1989"][0] == "1989"
    assert found["2017"][0] == "2017"


def test_numbers_are_not_years():
    found = values("Some 5,000 troops and 1,989 vehicles joined, and 2000 soldiers.")
    assert not any(v[0] in ("1989", "2000") for v in found.values())
