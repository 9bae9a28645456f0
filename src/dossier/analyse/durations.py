"""TIMEX3 durations: how many of which calendar unit an expression counts ("two and a half
hours" -> 2.5 hours), written as TIMEX3 writes a DURATION value ("PT2H30M", "P3Y", "PXW" for an
unknown count). Units and codes follow ISO 8601 as TIMEX3 uses it, with "DE" and "CE" for decades
and centuries (TimeML 1.2.1 guidelines)."""

from __future__ import annotations

import re

NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
                "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
              "hour": "H", "minute": "M", "quarter": "Q"}
# A half of a unit, as TIMEX3 writes it: (smaller unit, count of it, prefix): "2 1/2 years" -> "P2Y6M".
HALF_OF = {"year": ("M", 6, "P"), "hour": ("M", 30, "PT"), "minute": ("S", 30, "PT")}
# Half of one unit alone ("half an hour", "half a century"), in the unit TIMEX3 writes it in.
HALF_ALONE = {"minute": "PT30S", "hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}
# "a quarter century", "three-quarters of a century": quarters of a century, counted in years.
QUARTER_CENTURY = re.compile(r"(?i)\b(a|one|three)[- ]quarters?[- ](?:of\s+a\s+)?century\b")


def duration_value(text: str) -> tuple[str, str]:
    """(TIMEX3 DURATION value, precision) of `text`: "two years" -> ("P2Y", "year"), "several
    weeks" -> ("PXW", "week"), "90 minutes" -> ("PT90M", "approximate"), "a minute and a half" ->
    ("PT1M30S", "approximate"), "a quarter century" -> ("P25Y", "year"). `text` must name a unit
    (ValueError otherwise)."""
    if quarters := QUARTER_CENTURY.search(text):  # a quarter of the century, not a count of quarters
        return f"P{75 if quarters[1].lower() == 'three' else 25}Y", "year"
    unit = unit_of(text)
    count = count_of(text)
    code = UNIT_CODES[unit]
    if count == 0.5 and unit in HALF_ALONE:
        return HALF_ALONE[unit], "year" if unit in ("year", "decade", "century") else "approximate"
    if count is None:
        amount = "X"
    elif count != int(count) and unit in HALF_OF:  # TIMEX3 writes a half in the next smaller unit
        smaller, half, prefix = HALF_OF[unit]
        return f"{prefix}{int(count)}{code}{half}{smaller}", "year" if unit == "year" else "approximate"
    elif count != int(count):  # TIMEX3 durations take decimals
        amount = f"{count:g}"
    else:
        amount = str(int(count))
    prefix = "PT" if unit in ("hour", "minute") else "P"
    precision = unit if unit in ("day", "week", "month", "year", "decade") else "approximate"
    return f"{prefix}{amount}{code}", precision


def unit_of(text: str) -> str:
    """The calendar unit an expression counts in ("centuries" -> "century")."""
    match = re.search(r"(?i)(day|week|month|year|decade|centur|hour|minute|quarter)", text)
    if match is None:
        raise ValueError(f"no calendar unit in {text!r}")
    unit = match.group(1).lower()
    return "century" if unit == "centur" else unit


def count_of(text: str) -> float | None:
    """How many units: digits ("2 1/2" -> 2.5), number words, "a couple of" -> 2; None for vague
    amounts ("several", "a few")."""
    lower = text.lower()
    half = re.search(r"(\d+)\s+1/2", lower)
    if half:
        return int(half.group(1)) + 0.5
    if re.search(r"\band\s+a\s+half\b", lower):  # "a minute and a half", "two and a half hours"
        whole = count_of(re.sub(r"\s+and\s+a\s+half\b", "", lower))
        return whole + 0.5 if whole is not None else None
    if re.search(r"\bhalf\s+an?\b|\ba\s+half\b", lower) and not re.search(r"\d", lower):  # "half an hour"
        return 0.5
    digits = re.search(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?", lower)  # "2,500" is 2500
    if digits:
        return float(digits.group().replace(",", ""))
    if re.search(r"\b(?:several|few|many|some)\b", lower):
        return None
    if "couple" in lower:
        return 2
    words = [NUMBER_WORDS[w] for w in re.findall(r"[a-z]+", lower) if w in NUMBER_WORDS]
    if words and words[-1] in (100, 1000, 12):  # "a hundred", "two thousand", "two dozen"
        return words[-1] * (words[-2] if len(words) > 1 else 1)
    if len(words) > 1 and words[-2] >= 20 and words[-1] < 10:  # "twenty four"
        return words[-2] + words[-1]
    if words:
        return words[-1]
    for word in re.findall(r"[a-z]+", lower):
        if word in ("decade", "century", "year", "month", "week", "day", "hour") and "-long" in lower:
            return 1
    return None
