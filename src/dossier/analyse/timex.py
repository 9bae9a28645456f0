"""Time expressions in news: found by rules, normalised against a reference date.

`find_times` locates expressions (pure text rules) and `normalise_time` turns one expression into
a value given a reference date; they are separate so a corpus step can re-anchor an article's
expressions on another reference (a copy's "on Wednesday" is its original's Wednesday).

Values follow TIMEX3: "2021-10-20" (day), "2021-W42" (week), "2021-10" (month), "2021-Q3",
"2021" (year), "199" (the 1990s), durations "P10Y". A relative expression without a reference
gets value None: unresolved, not guessed. Absolute dates are parsed with dateparser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dossier.model import Sentence, TimeExpression

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100}
UNIT_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
              "hour": "H", "minute": "M", "quarter": "Q"}
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|few|couple of|many)"
_UNIT = r"(?:day|week|month|year|decade|century|hour|minute|quarter)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_PART = r"(?:(?:early|mid|late)[- ]?)"

# Ordered: the first pattern that matches at a position wins over later ones of equal length.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}-[01]\d-[0-3]\d\b"),
    ("full", rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})\b"),
    ("numeric", r"\b[01]?\d/[0-3]?\d/(?:19|20)\d\d\b"),
    ("month_day", rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})\b"),
    ("month_year", rf"(?:{_PART})?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    ("quarter", rf"(?i:the\s+)?(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter|half)(?:\s+of\s+{_YEAR})?\b"),
    ("decade", rf"(?:(?i:the)\s+)?(?:{_PART})?(?:1[6-9]|20)\d0s\b|'[0-9]0s\b"),
    ("fiscal", rf"\b(?i:fiscal)\s+(?:year\s+)?{_YEAR}\b"),
    ("day_word", r"\b(?i:today|tonight|yesterday|tomorrow)\b|\b(?i:this\s+(?:morning|afternoon|evening))\b"),
    ("weekday", rf"(?:\b(?i:last|next|this|on|early|late)\s+)?{_WEEKDAY}(?:['’]s)?(?:\s+(?i:morning|afternoon|evening|night))?"),
    ("relative", r"\b(?i:(?:earlier|later)\s+)?(?i:this|last|next|past|coming|previous)\s+(?i:week|weekend|month|year|spring|summer|fall|autumn|winter)\b"),
    ("ago", rf"\b(?i:{_NUM})\s+(?i:{_UNIT})s?\s+(?i:ago|earlier|later|before|from\s+now)\b"),
    ("unit_adjective", rf"\b(?i:{_NUM})[- ](?i:{_UNIT})[- ](?i:long|old)\b|\b(?:\d+|[a-z]+)-(?i:{_UNIT})(?=\s+[a-z])|\b(?i:decade|year|month|week)-long\b"),
    ("duration", rf"\b(?i:(?:for|over|after|within|in|during|nearly|almost|about|more\s+than|the\s+(?:past|last|next))\s+)(?i:(?:the\s+)?(?:past|last|next)\s+)?(?i:{_NUM})\s+(?i:{_UNIT})s?\b|\b(?i:for|over)\s+(?i:years|decades|months|weeks|days)\b"),
    ("season", rf"\b(?i:(?:this|last|next)\s+)?(?i:spring|summer|autumn|winter)(?:\s+(?:of\s+)?{_YEAR})?\b"),
    ("bare_month", rf"(?:\b(?i:in|since|until|till|by|from|during|through|last|this|next|early|late|mid|of|before|after)\s+|\b{_PART}){_MONTH}\b(?!\s+\d)"),
    ("year", rf"(?<![\d,.$£€-])\b{_YEAR}\b(?!\d|,\d|%|-\d|\s*(?:percent|per cent|people|troops|soldiers|points|miles|km|tons)\b)"),
    ("present", r"\b(?i:now|currently|at present|nowadays)\b"),
    ("past_ref", r"\b(?i:recently|in recent (?:years|months|weeks|days)|lately)\b"),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]
# How much of the sentence around an expression decides past or future (set on TimeBank).
CONTEXT_BEFORE_CHARS = 40
CONTEXT_AFTER_CHARS = 10
_FUTURE = re.compile(r"\b(will|'ll|shall|is to|are to|plans? to|planned|scheduled|expected to|set to|next|upcoming|coming)\b", re.I)
# A preposition is part of how a time is said, not of the time: "on Wednesday" -> "Wednesday".
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|since|until|till|by|from|during|through|of|before|after)\s+", re.I)


@dataclass(frozen=True)
class Resolved:
    value: str | None
    precision: str | None
    kind: str = "date"


def find_times(text: str, sentences: list[Sentence]) -> list[TimeExpression]:
    """Time expressions in each sentence of `text`, longest match first, without overlaps.
    Values are left None; `normalise_times` fills them."""
    found = []
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        candidates = []
        for order, (name, pattern) in enumerate(_COMPILED):
            for match in pattern.finditer(sentence.text):
                start, end = _strip_preposition(sentence.text, match.start(), match.end(), name)
                if end > start:
                    candidates.append((-(end - start), order, start, end, name))
        for _, _, start, end, name in sorted(candidates, key=lambda c: (c[2], c[0], c[1])):
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(TimeExpression(text=sentence.text[start:end], start=sentence.start + start,
                                        end=sentence.start + end, value=None, precision=None,
                                        sentence=sentence.index))
    return sorted(found, key=lambda t: t.start)


def _strip_preposition(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    if name in ("duration", "past_ref"):
        return start, end
    match = _LEADING_PREPOSITION.match(text[start:end])
    return (start + match.end(), end) if match else (start, end)


def normalise_times(times: list[TimeExpression], sentences: list[Sentence],
                    reference: date | None) -> list[TimeExpression]:
    """Copies of `times` with value, precision, kind and anchor set against `reference`."""
    out = []
    for t in times:
        context = _context(t, sentences[t.sentence]) if t.sentence < len(sentences) else t.text
        resolved = normalise_time(t.text, context, reference)
        uses_reference = resolved.value is not None and _is_relative(t.text)
        out.append(TimeExpression(text=t.text, start=t.start, end=t.end, value=resolved.value,
                                  precision=resolved.precision, kind=resolved.kind,
                                  anchor=reference.isoformat() if reference and uses_reference else None,
                                  sentence=t.sentence))
    return out


def _context(t: TimeExpression, sentence: Sentence) -> str:
    """The words around an expression that can say it lies ahead ("will travel on Monday"); the
    whole sentence would let a far-away "will" move an unrelated date."""
    start = max(0, t.start - sentence.start - CONTEXT_BEFORE_CHARS)
    return sentence.text[start:t.end - sentence.start + CONTEXT_AFTER_CHARS]


def _is_relative(text: str) -> bool:
    return not re.search(rf"\b{_YEAR}\b|\d{{4}}-\d\d", text)


def normalise_time(text: str, context: str, reference: date | None) -> Resolved:
    """Value of one expression `text`, said in sentence `context`, against `reference`."""
    for name, pattern in _COMPILED:
        for form in (text, _prefix_for(name) + text):
            # a trailing " x" satisfies patterns that look ahead at the next word ("10-year war")
            match = pattern.match(form + " x")
            if pattern.fullmatch(form) or (match and match.end() == len(form)):
                return _RESOLVERS[name](text, context, reference)
    return Resolved(None, None)


def _prefix_for(name: str) -> str:
    return "in " if name == "bare_month" else ""


# ---------------------------------------------------------------- resolvers, one per pattern


def _absolute(text: str, context: str, reference: date | None) -> Resolved:
    import dateparser

    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(cleaned, languages=["en"], settings={"DATE_ORDER": "MDY",
                                                                    "PREFER_DAY_OF_MONTH": "first"})
    return Resolved(parsed.date().isoformat(), "day") if parsed else Resolved(None, None)


def _month_day(text: str, context: str, reference: date | None) -> Resolved:
    month = _month_number(text)
    day = int(re.search(r"\d+", text).group())
    if reference is None or not 1 <= day <= 31:
        return Resolved(None, "day")
    # the year that puts the day nearest the reference (news names dates just past or just ahead);
    # an explicit future context looks forward
    options = [d for d in (_safe_date(reference.year + k, month, day) for k in (-1, 0, 1)) if d]
    if _is_future(context):
        options = [d for d in options if d >= reference] or options
    resolved = min(options, key=lambda d: abs((d - reference).days), default=None)
    return Resolved(resolved.isoformat() if resolved else None, "day")


def _month_year(text: str, context: str, reference: date | None) -> Resolved:
    year = re.search(_YEAR, text).group()
    return Resolved(f"{year}-{_month_number(text):02d}", "month")


def _quarter(text: str, context: str, reference: date | None) -> Resolved:
    ordinal = re.search(r"(?i)first|second|third|fourth|1st|2nd|3rd|4th", text).group().lower()
    number = ORDINAL_QUARTERS[ordinal]
    unit = "H" if re.search(r"(?i)half", text) else "Q"
    year_match = re.search(_YEAR, text)
    if year_match:
        return Resolved(f"{year_match.group()}-{unit}{number}", "approximate")
    if reference is None:
        return Resolved(None, "approximate")
    current = (reference.month - 1) // (3 if unit == "Q" else 6) + 1
    year = reference.year if number <= current or _is_future(context) else reference.year - 1
    return Resolved(f"{year}-{unit}{number}", "approximate")


def _decade(text: str, context: str, reference: date | None) -> Resolved:
    match = re.search(r"(\d{4})s", text)
    if match:
        return Resolved(match.group(1)[:3], "decade")
    short = re.search(r"'(\d)0s", text).group(1)
    century = "19" if reference is None or int(short) > reference.year % 100 // 10 else "20"
    return Resolved(f"{century}{short}", "decade")


def _fiscal(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved(f"FY{re.search(_YEAR, text).group()}", "year")


def _day_word(text: str, context: str, reference: date | None) -> Resolved:
    if reference is None:
        return Resolved(None, "day")
    shift = {"yesterday": -1, "tomorrow": 1}.get(text.lower(), 0)
    return Resolved((reference + timedelta(days=shift)).isoformat(), "day")


def _weekday(text: str, context: str, reference: date | None) -> Resolved:
    if reference is None:
        return Resolved(None, "day")
    lower = text.lower()
    target = next(i for i, name in enumerate(WEEKDAYS) if name in lower)
    back = (reference.weekday() - target) % 7
    if lower.startswith("next") or (_is_future(context) and not lower.startswith("last")):
        forward = (target - reference.weekday()) % 7 or (7 if lower.startswith("next") else 0)
        return Resolved((reference + timedelta(days=forward)).isoformat(), "day")
    if lower.startswith("last") and back == 0:
        back = 7
    return Resolved((reference - timedelta(days=back)).isoformat(), "day")


def _relative(text: str, context: str, reference: date | None) -> Resolved:
    lower = text.lower()
    unit = lower.split()[-1]
    precision = "week" if unit in ("week", "weekend") else unit if unit in ("month", "year") else "approximate"
    if reference is None:
        return Resolved(None, precision)
    shift = -1 if re.search(r"\b(last|past|previous)\b", lower) else 1 if re.search(r"\b(next|coming)\b", lower) else 0
    if unit in ("week", "weekend"):
        iso = (reference + timedelta(weeks=shift)).isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else ""), "week")
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + shift
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "year":
        return Resolved(str(reference.year + shift), "year")
    return Resolved(f"{reference.year + shift}-{SEASONS[unit]}", "approximate")


def _ago(text: str, context: str, reference: date | None) -> Resolved:
    count = _count(text)
    unit = re.search(r"(?i)(day|week|month|year|decade|century|hour|minute|quarter)", text).group(1).lower()
    direction = re.search(r"(?i)ago|earlier|before|later|from\s+now", text).group().lower()
    if direction in ("earlier", "before", "later") and not re.search(r"\bago\b", text):
        # "two days later" is relative to another event in the text, not to the reference.
        return Resolved(None, "approximate")
    if reference is None or count is None:
        return Resolved(None, "approximate")
    sign = 1 if direction == "from now" else -1
    if unit == "day":
        return Resolved((reference + timedelta(days=sign * count)).isoformat(), "day")
    if unit == "week":
        iso = (reference + timedelta(weeks=sign * count)).isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}", "week")
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + sign * count
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit in ("year", "decade"):
        years = count * (10 if unit == "decade" else 1)
        return Resolved(str(reference.year + sign * years), "year")
    return Resolved(None, "approximate")


def _duration(text: str, context: str, reference: date | None) -> Resolved:
    unit_match = re.search(r"(?i)(day|week|month|year|decade|century|hour|minute|quarter)", text)
    unit = unit_match.group(1).lower()
    count = _count(text)
    code = UNIT_CODES[unit]
    amount = "X" if count is None else str(count)
    prefix = "PT" if unit in ("hour", "minute") else "P"
    precision = unit if unit in ("day", "week", "month", "year", "decade") else "approximate"
    return Resolved(f"{prefix}{amount}{code}", precision, "duration")


def _season(text: str, context: str, reference: date | None) -> Resolved:
    season = SEASONS[re.search(r"(?i)spring|summer|autumn|winter", text).group().lower()]
    year = re.search(_YEAR, text)
    if year:
        return Resolved(f"{year.group()}-{season}", "approximate")
    if reference is None:
        return Resolved(None, "approximate")
    shift = -1 if re.match(r"(?i)last", text) else 1 if re.match(r"(?i)next", text) else 0
    return Resolved(f"{reference.year + shift}-{season}", "approximate")


def _bare_month(text: str, context: str, reference: date | None) -> Resolved:
    month = _month_number(text)
    if reference is None:
        return Resolved(None, "month")
    lower = text.lower()
    year = reference.year
    if lower.startswith("next") or (_is_future(context) and not lower.startswith("last")):
        if month < reference.month or (lower.startswith("next") and month == reference.month):
            year += 1
    elif month > reference.month or (lower.startswith("last") and month == reference.month):
        year -= 1
    return Resolved(f"{year}-{month:02d}", "month")


def _year(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved(re.search(_YEAR, text).group(), "year")


def _present(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved("PRESENT_REF", "approximate")


def _past_ref(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved("PAST_REF", "approximate")


_RESOLVERS = {"iso": _absolute, "full": _absolute, "numeric": _absolute, "month_day": _month_day,
              "month_year": _month_year, "quarter": _quarter, "decade": _decade, "fiscal": _fiscal,
              "day_word": _day_word, "weekday": _weekday, "relative": _relative, "ago": _ago,
              "unit_adjective": _duration, "duration": _duration, "season": _season,
              "bare_month": _bare_month, "year": _year, "present": _present, "past_ref": _past_ref}


# ---------------------------------------------------------------- helpers


def _month_number(text: str) -> int:
    lower = text.lower()
    for number, name in enumerate(MONTHS, start=1):
        if re.search(rf"\b{name[:3]}", lower):
            return number
    raise ValueError(f"no month in {text!r}")


def _count(text: str) -> int | None:
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group())
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
        if word in ("decade", "century", "year", "month", "week", "day") and "-long" in text.lower():
            return 1
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_future(context: str) -> bool:
    return bool(_FUTURE.search(context))


def parse_iso_day(value: str | None) -> date | None:
    """`value` as a date when it names one day ("2021-10-20"), else None."""
    if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None
