"""Datelines and page stamps the time tagger leaves alone: a month in capitals ("DECEMBER 16,
2008", "MON 22 JUL 2013": `timex` reads months case-sensitively, since "may" and "march" are words)
or a numeric date with a two-digit year or spaced separators ("8/2/13", "11 / 27 / 2005"). They say
when a page was posted; the stories stage dates a report by them where its lead has no resolved date.
"""

from __future__ import annotations

import re

from dossier.analyse.timex import MONTHS
from dossier.timevalue import DateSpan, parse_span

_MONTH_ABBREVIATIONS = tuple(name[:3] for name in MONTHS)
# A month name or abbreviation in any case ("DEC.", "Dec", "december").
_MONTH = r"(?i:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)"
_DATELINE_WORDS = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})"
                             r"(?:st|nd|rd|th)?\b,?\s*[-,]?\s*((?:19|20)\d\d)\b")
_DATELINE_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}"
                                 r",?\s+((?:19|20)\d\d)\b")
_DATELINE_ISO = re.compile(r"(?<![\d/.])((?:19|20)\d\d)\s?([-/])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?![\d/.])")
_DATELINE_NUMBERS = re.compile(r"(?<![\d/.])(\d{1,2})\s?([/.])\s?(\d{1,2})\s?\2\s?((?:19|20)?\d\d)(?![\d/.])")

# A line that stamps the page: "Updated 10:32 a.m.", "Published March 12, 2019 at 6:00 pm",
# "Last modified: 13/03/2019"; a stamp is short (the longest in practice carries a date, a time and
# a zone).
_PAGE_STAMP = re.compile(r"(?i)\s*(?:last\s+|first\s+)?(?:updated|modified|posted|published|edited|created)"
                         rf"(?:\s+(?:on|at))?\s*:?\s+(?=\d|{_MONTH}|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)")
PAGE_STAMP_MAX_WORDS = 12


def is_page_stamp(text: str) -> bool:
    """Whether a sentence is a page stamp (when the page was posted or updated): it tells no
    happening of the article, so it holds no event."""
    return len(text.split()) <= PAGE_STAMP_MAX_WORDS and _PAGE_STAMP.match(text) is not None


def dateline(text: str) -> DateSpan | None:
    """The first calendar day written as a dateline in `text` (the forms `datelines` reads)."""
    return next((span for _, _, span in datelines(text)), None)


def datelines(text: str) -> list[tuple[int, int, DateSpan]]:
    """(start, end, day) of the datelines in `text`, in text order; numbers are month first unless
    the first is above 12, as a page without other evidence is read."""
    found = []
    for m in _DATELINE_WORDS.finditer(text):
        found.append((m.start(), m.end(), int(m[3]), _MONTH_ABBREVIATIONS.index(m[1][:3].lower()) + 1, int(m[2])))
    for m in _DATELINE_DAY_FIRST.finditer(text):
        found.append((m.start(), m.end(), int(m[3]), _MONTH_ABBREVIATIONS.index(m[2][:3].lower()) + 1, int(m[1])))
    for m in _DATELINE_ISO.finditer(text):
        found.append((m.start(), m.end(), int(m[1]), int(m[3]), int(m[4])))
    for m in _DATELINE_NUMBERS.finditer(text):
        first, second, year = int(m[1]), int(m[3]), int(m[4])
        if m[2] == "." and year < 100:
            continue  # "2.5.10" is as likely a version as a date
        month, day = (second, first) if first > 12 else (first, second)
        found.append((m.start(), m.end(), year + 2000 if year < 100 else year, month, day))
    return [(start, end, span) for start, end, year, month, day in sorted(found)
            if (span := parse_span(f"{year:04d}-{month:02d}-{day:02d}", "day")) is not None]
