"""Date values: a TIMEX3 value read as the days it covers. The one parser of date values in Dossier.

TIMEX3 (ISO-TimeML, Pustejovsky et al. 2010) writes a calendar time as "2021-10-20" (day, optionally
with a time "2021-10-20T14:00" or a part of day "2021-10-20TMO"), "2021-W42" (ISO week; "-WE" its
weekend), "2021-10" (month), "2021-Q3" / "2021-H1" (quarter, half), "2021-SP" (season), "2021"
(year), "FY2021" (fiscal year, read as the calendar year), "199" (the 1990s: a decade is the year's
first three digits) and "19" (the 1900s: a century is its first two). "199X" and "19XX" (padding
some tools write) read the same. Durations ("P10Y"), sets and the "PRESENT_REF"-style references
cover no fixed days: `parse_span` gives None for them, and for impossible dates ("2021-02-30").

A `DateSpan` is (value, precision, first day, last day). Two spans are compatible when they overlap;
`sort_key` orders by first day, then narrower first, so a month sorts with its days and the weeks
that start in it, not before a year's weeks as strings would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Higher is more precise. "approximate" (a date known only roughly, e.g. a publication date used as
# an event's upper bound) and "duration" values still carry a year or more.
PRECISION_RANK = {"day": 6, "week": 5, "month": 4, "season": 3, "quarter": 3, "half": 3, "year": 3, "decade": 2,
                  "century": 1, "approximate": 1, "duration": 0, None: 0}
# Northern-hemisphere meteorological seasons (the convention HeidelTime and TimeBank use): first
# month, and three months each; winter runs into the next year.
SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(?:FY)?(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
# Values that are TIMEX3 but name no calendar interval.
NON_CALENDAR = re.compile(r"^(?:P|PT)(?:[\dX.]+[A-Z]+)+$|^(?:PRESENT|PAST|FUTURE)_REF$|^X")


@dataclass(frozen=True)
class DateSpan:
    """The days a TIMEX3 value covers, with the value and precision it came from."""

    value: str
    precision: str
    start: int  # proleptic Gregorian ordinal of the first day
    end: int  # ordinal of the last day

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision, 0)

    @property
    def calendar(self) -> str:
        """The value without a time of day: "2021-10-20TMO" -> "2021-10-20"."""
        return self.value[:10] if _DAY.match(self.value) else self.value

    @property
    def first_day(self) -> date:
        return date.fromordinal(self.start)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.end)

    def gap(self, other: DateSpan) -> int:
        """Days between the two intervals; 0 when they overlap."""
        return max(0, max(self.start, other.start) - min(self.end, other.end))

    def compatible(self, other: DateSpan) -> bool:
        return self.gap(other) == 0

    def sort_key(self) -> tuple[int, int, str]:
        """First day, then narrower spans first (a day before the month that starts with it)."""
        return (self.start, self.end, self.value)


def parse_span(value: str | None, precision: str | None = None) -> DateSpan | None:
    """The DateSpan of a TIMEX3 calendar value, or None (no value, a duration, set or reference, or
    an impossible date). `precision` "approximate" or "duration" is kept on day and year values, so
    a publication date standing in for an event date stays marked as such."""
    if not value:
        return None
    value = value.strip()
    kept = precision if precision in ("approximate", "duration") else None
    try:
        return _calendar(value, kept)
    except ValueError:  # 2021-02-30, week 60: a bad value is no date, not a crash
        return None


def _calendar(value: str, kept: str | None) -> DateSpan | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
        return DateSpan(value, kept or "day", day, day)
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
        if m[3]:
            return DateSpan(value, "week", monday + 5, monday + 6)
        return DateSpan(value, "week", monday, monday + 6)
    if m := _MONTH.match(value):
        return _months(value, "month", int(m[1]), int(m[2]), 1)
    if m := _PART.match(value):
        year, part = int(m[1]), m[2]
        if part[0] == "Q":
            return _months(value, "quarter", year, 3 * int(part[1]) - 2, 3)
        if part[0] == "H":  # its own precision: six months are no quarter to a reader or a sort
            return _months(value, "half", year, 6 * int(part[1]) - 5, 6)
        return _months(value, "season", year, SEASON_START_MONTH[part], 3)
    if m := _YEAR.match(value):
        year = int(m[1])
        return DateSpan(value, kept or "year", date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
    if m := _DECADE.match(value):
        first = int(m[1]) * 10
        return DateSpan(value, "decade", date(max(first, 1), 1, 1).toordinal(), date(first + 9, 12, 31).toordinal())
    if m := _CENTURY.match(value):
        first = int(m[1]) * 100
        return DateSpan(value, "century", date(max(first, 1), 1, 1).toordinal(), date(first + 99, 12, 31).toordinal())
    return None


def _months(value: str, precision: str, year: int, month: int, count: int) -> DateSpan:
    """`count` months from (year, month); month may run past December into the next year."""
    first = date(year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
    after = month - 1 + count
    end = date(year + after // 12, after % 12 + 1, 1) - timedelta(days=1)
    return DateSpan(value, precision, first.toordinal(), end.toordinal())


def is_calendar(value: str | None) -> bool:
    """True when `value` names days on the calendar (what `parse_span` reads)."""
    return parse_span(value) is not None


def parse_day(value: str | None) -> date | None:
    """The date of a value that names exactly one day ("2021-10-20"), else None."""
    span = parse_span(value)
    return span.first_day if span is not None and span.precision == "day" else None


def last_day(value: str | None) -> date | None:
    """The last day a value covers ("2021-10" -> 2021-10-31), else None."""
    span = parse_span(value)
    return span.last_day if span is not None else None


def most_precise(spans: list[DateSpan]) -> DateSpan | None:
    """The most precise span; among equally precise ones the most frequent, then the earliest."""
    if not spans:
        return None
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.value] = counts.get(span.value, 0) + 1
    return min(spans, key=lambda s: (-s.rank, -counts[s.value], s.start, s.value))


def readable(value: str | None) -> str | None:
    """A value as a reader writes it: a decade "199" is "1990s" and a century "19" the "1900s"
    (TIMEX3 keeps their leading digits); every other value as it is."""
    if value and (m := _DECADE.match(value)):
        return f"{m[1]}0s"
    if value and (m := _CENTURY.match(value)):
        return f"{m[1]}00s"
    return value


def sort_key(value: str | None, precision: str | None = None) -> tuple:
    """Sort key for any value: calendar values by `DateSpan.sort_key`, everything else after them
    in string order (undated last)."""
    span = parse_span(value, precision)
    if span is not None:
        return (0, *span.sort_key())
    return (1 if value else 2, 0, 0, value or "")
