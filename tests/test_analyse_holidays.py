"""Named holidays: the day each falls on in a year."""

from datetime import date

import pytest

from dossier.analyse.holidays import easter, holiday_date


@pytest.mark.parametrize("year, expected", [(1998, date(1998, 4, 12)), (2000, date(2000, 4, 23)),
                                            (2013, date(2013, 3, 31)), (2019, date(2019, 4, 21))])
def test_easter_by_the_gregorian_computus(year, expected):
    assert easter(year) == expected


@pytest.mark.parametrize("name, year, expected", [
    ("Christmas", 1998, date(1998, 12, 25)), ("new year's eve", 1999, date(1999, 12, 31)),
    ("Thanksgiving", 1998, date(1998, 11, 26)), ("Memorial Day", 1998, date(1998, 5, 25)),
    ("Labor  Day", 2013, date(2013, 9, 2)), ("Good Friday", 2013, date(2013, 3, 29)),
    ("Election Day", 1998, date(1998, 11, 3)), ("Election Day", 2021, date(2021, 11, 2)),  # not Nov. 1
])
def test_holiday_days(name, year, expected):
    assert holiday_date(name, year) == expected


def test_an_unknown_name_has_no_day():
    assert holiday_date("Founders Day", 2000) is None
