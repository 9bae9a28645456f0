"""TIMEX3 durations: counts, units and DURATION values."""

import pytest

from dossier.analyse.durations import count_of, duration_value, unit_of


@pytest.mark.parametrize("text, value", [
    ("two years", "P2Y"), ("several weeks", "PXW"), ("90 minutes", "PT90M"), ("a minute and a half", "PT1M30S"),
    ("2 1/2 years", "P2Y6M"), ("twenty four hours", "PT24H"), ("two dozen days", "P24D"), ("a decade", "P1DE"),
])
def test_duration_values(text, value):
    assert duration_value(text)[0] == value


def test_vague_counts_and_units():
    assert count_of("a few months") is None and count_of("a couple of days") == 2
    assert unit_of("for centuries") == "century"
    with pytest.raises(ValueError):
        unit_of("several")
