"""Resolved dates as day intervals, so dates of different precision can be compared and merged.

A value such as "2021-10-20" covers one day, "2021-10" a month, "2021-W42" a week, "2021" a year and
"198X" a decade. Two dates are compatible when their intervals overlap; the gap between them is the
number of days between the intervals (0 when they overlap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

# Higher is more precise. "approximate" and "duration" values still carry a year or more.
PRECISION_RANK = {"day": 6, "week": 5, "month": 4, "year": 3, "decade": 2, "approximate": 1,
                  "duration": 0, None: 0}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X$")


@dataclass(frozen=True)
class DateSpan:
    """The days a resolved date covers, with the value and precision it came from."""

    value: str
    precision: str
    start: int  # proleptic Gregorian ordinal of the first day
    end: int  # ordinal of the last day

    @property
    def rank(self) -> int:
        return PRECISION_RANK.get(self.precision, 0)

    def gap(self, other: DateSpan) -> int:
        """Days between the two intervals; 0 when they overlap."""
        return max(0, max(self.start, other.start) - min(self.end, other.end))

    def compatible(self, other: DateSpan) -> bool:
        return self.gap(other) == 0


def _month_end(year: int, month: int) -> date:
    first_next = date(year + month // 12, month % 12 + 1, 1)
    return first_next - timedelta(days=1)


def parse_span(value: str | None, precision: str | None = None) -> DateSpan | None:
    """A DateSpan for an ISO-like value, or None when the value names no calendar time."""
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            name = "approximate" if precision == "approximate" else "day"
            return DateSpan(value[:10], name, day.toordinal(), day.toordinal())
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return DateSpan(value, "week", monday.toordinal(), monday.toordinal() + 6)
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            return DateSpan(value, "month", date(year, month, 1).toordinal(),
                            _month_end(year, month).toordinal())
        if m := _YEAR.match(value):
            year = int(m[1])
            name = precision if precision in ("approximate", "duration") else "year"
            return DateSpan(value, name, date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
        if m := _DECADE.match(value):
            first = int(m[1]) * 10
            return DateSpan(value, "decade", date(max(first, 1), 1, 1).toordinal(),
                            date(first + 9, 12, 31).toordinal())
    except ValueError:  # 2021-02-30, week 60: a bad value is no date, not a crash
        return None
    return None


def most_precise(spans: list[DateSpan]) -> DateSpan | None:
    """The most precise span; among equally precise ones the most frequent, then the earliest."""
    if not spans:
        return None
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.value] = counts.get(span.value, 0) + 1
    return min(spans, key=lambda s: (-s.rank, -counts[s.value], s.start, s.value))
