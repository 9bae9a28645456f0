"""Named holidays as calendar days: TIMEX3 gives a holiday the value of its day ("Christmas" said
in 1998 -> "1998-12-25"), as HeidelTime's holiday rules do (Strötgen & Gertz 2013).

A holiday is a fixed (month, day), the n-th (or last) weekday of a month (or days after it), or a
number of days after Western Easter Sunday (Gregorian computus, Meeus/Jones/Butcher).
"""

from __future__ import annotations

from datetime import date, timedelta

# name as written -> (month, day)
FIXED = {"New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Valentine's Day": (2, 14),
         "St. Patrick's Day": (3, 17), "Independence Day": (7, 4), "Fourth of July": (7, 4), "Halloween": (10, 31),
         "Veterans Day": (11, 11), "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25),
         "Boxing Day": (12, 26)}
# name -> (month, weekday with Monday 0, n-th; -1 for the last)
NTH_WEEKDAY = {"Martin Luther King Day": (1, 0, 3), "Presidents Day": (2, 0, 3), "Memorial Day": (5, 0, -1),
               "Labor Day": (9, 0, 1), "Columbus Day": (10, 0, 2), "Thanksgiving Day": (11, 3, 4),
               "Thanksgiving": (11, 3, 4)}
# name -> (rule in NTH_WEEKDAY's form, days after that day): the United States' Election Day is
# the Tuesday after the first Monday in November.
AFTER_NTH_WEEKDAY = {"Election Day": ((11, 0, 1), 1)}
# name -> days after Easter Sunday
EASTER_OFFSET = {"Easter Sunday": 0, "Easter Monday": 1, "Easter": 0, "Good Friday": -2}

_NAMES = sorted({*FIXED, *NTH_WEEKDAY, *AFTER_NTH_WEEKDAY, *EASTER_OFFSET}, key=len, reverse=True)
# Capitalised, as names are written ("christmas shopping" in lower case is left alone).
PATTERN = r"\b(?:" + "|".join(n.replace(".", r"\.").replace(" ", r"\s+").replace("'", "['’]") for n in _NAMES) + r")\b"


def easter(year: int) -> date:
    """Western Easter Sunday of `year` (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holiday_date(name: str, year: int) -> date | None:
    """The day holiday `name` (any case and spacing) falls on in `year`; None for an unknown name."""
    key = " ".join(name.replace("’", "'").split()).lower()
    for table in (FIXED, NTH_WEEKDAY, AFTER_NTH_WEEKDAY, EASTER_OFFSET):
        rule = next((rule for written, rule in table.items() if written.lower() == key), None)
        if rule is None:
            continue
        if table is FIXED:
            return date(year, *rule)
        if table is EASTER_OFFSET:
            return easter(year) + timedelta(days=rule)
        if table is AFTER_NTH_WEEKDAY:
            return _nth_weekday(year, *rule[0]) + timedelta(days=rule[1])
        return _nth_weekday(year, *rule)
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)
