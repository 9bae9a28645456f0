"""Time expressions in news: found by rules, normalised against a reference date.

`find_times` locates expressions (pure text rules) and `normalise_time` turns one expression into
a value given a reference date; they are separate so a corpus step can re-anchor an article's
expressions on another reference (a copy's "on Wednesday" is its original's Wednesday).

Values follow TIMEX3 and are read by `dossier.timevalue` (the one date-value type): "2021-10-20"
(day; "2021-10-20TMO" for "this morning"), "2021-W42" (week), "2021-10" (month), "2021-Q3",
"2021" (year), "199" (the 1990s), "19" (the 20th century), durations "P10Y", sets "P1D" /
"XXXX-WXX-4", and "PRESENT_REF" / "PAST_REF" / "FUTURE_REF". Extents follow TIMEX3: no leading
preposition ("for two years" -> "two years"), modifiers included ("the end of 1990").
A relative expression without a reference gets value None: unresolved, not guessed. Bare months,
weekdays and month-days go ahead or back by the tense of the words around them ("is due to be
published in May" on a March page is this May) and of the clause the parse puts them in
(`TimeExpression.tense`, from `clause_tense`), else to the nearest one. Numeric dates are read
day first or month first per article (`day_first`). Written-out dates are parsed with dateparser;
named holidays ("Christmas", "Thanksgiving") take their day from `dossier.analyse.holidays`.
The rules were tuned on TempEval-3's TimeBank part (benchmarks/time_tempeval.py); where TimeBank
is silent or inconsistent they follow the TimeML guidelines and HeidelTime's rules (Strötgen & Gertz
2013: ages are no durations, "last summer" said in autumn is this year's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dossier.analyse import holidays
from dossier.analyse.durations import UNIT_CODES, count_of, duration_value, unit_of
from dossier.model import Sentence, TimeExpression
from dossier.timevalue import PRECISION_RANK, SEASON_START_MONTH, parse_day, parse_span

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
# Frequency adverbs that are TIMEX3 SETs. Not "quarterly": in news it is mostly an adjective of
# money ("quarterly dividend"; 10 false SETs on TimeBank).
SET_ADVERBS = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
               "hourly": "hour"}
DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth", "twenty-first")

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUM = (rf"(?:(?<![\d,.])\d{{1,3}}(?:,\d{{3}})+(?![,.]?\d)|(?<![\d,.])\d{{1,3}}(?:\.\d+)?(?!,\d)|\d{{1,3}}\s+1/2|half\s+an?|a\s+half|{_TENS}[- ]{_DIGIT_WORD}|(?:a|one|{_DIGIT_WORD}|ten)\s+(?:hundred|thousand)|(?:a|one)\s+dozen|a|an|{_DIGIT_WORD}|ten"
        rf"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_TENS}|hundred|dozen"
        r"|several|few|a\s+few|couple\s+of|a\s+couple\s+of|many)")
_UNIT = r"(?:day|week|month|year|decade|century|hour|minute|quarter)"
_UNITS = r"(?:days?|weeks?|months?|years?|decades?|century|centuries|hours?|minutes?|quarters?)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# A day said as an ordinal word, as transcripts write it: "March eighth", "the twenty-first of May".
DAY_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth", "twentieth")
_DAY_WORD = (r"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
             + "|".join(DAY_ORDINALS[::-1]) + ")")
# A weekday said before a date, with what TIMEX3 takes into the same extent ("this coming Sunday, March 8").
_WEEKDAY_BEFORE = r"(?:(?:(?i:this\s+coming|this|next|last)\s+)?{weekday},?\s+)?"
_PART = r"(?:(?:early|mid|late)[- ]?)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
# Longest first, and whole words: "twenty-first" is not "first", "fourteenth" not "fourth".
_ORDINAL = (r"\b(?:twenty[- ]first|" + "|".join(sorted(ORDINALS[:-1], key=len, reverse=True))
            + r"|\d{1,2}(?:st|nd|rd|th))")
# A clock time ("10 p.m.", "7:15 a.m.", "noon"), its zone, and the day it is on when said with one
# ("5 p.m. EST Nov. 9", "noon Thursday", "9 p.m. March 17, 2015" with its year).
_CLOCK = r"(?:\b\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.m\.|[ap]m\b)|\b(?i:noon|midday|midnight)\b)"
_ZONE = r"(?:\s+(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T)\b|\s+(?i:local\s+time)\b)?"
# The day said with a clock time: a weekday, a day word, a month and day, or a weekday with its
# month and day ("6:38 p.m. on Saturday, May 18": one time, the date the weekday's).
_CLOCK_MONTH_DAY = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|"
                    r"Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+[0-3]?\d\b(?:,?\s+(?:1[6-9]\d\d|20\d\d)\b)?")
_CLOCK_DAY = (r"(?:,?\s+(?:(?i:on)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:,?\s+" + _CLOCK_MONTH_DAY + r")?"
              r"|(?i:today|tonight|yesterday|tomorrow)\b|" + _CLOCK_MONTH_DAY + r"))?")
# How far past its reference a bare year may lie and still be read as a date without a time word
# before it: forecasts run to 2050 from the 2010s-2020s ("net zero by 2050"); a year 40+ years on
# with nothing to introduce it was, on the 994 pages of htmldate-eval, only a product ("2080 Ti").
FAR_FUTURE_YEARS = 40
_TIME_WORD_BEFORE = re.compile(r"(?i)\b(?:in|by|until|till|before|after|from|to|through|since|of|during|"
                               r"around|circa|year|and|or)\s+$|[-–]\s*$")
_ANAPHORIC = re.compile(r"(?i)\b(?:following|previous|prior|same|that)\s+\w+$|\bthe\s+next\s+(?:day|morning|afternoon|evening|night)$")
_NEXT_UNIT = re.compile(r"(?i)the\s+next\s+(?:year|month|week)")  # `_narrative_next`
_OF_BETWEEN = re.compile(r"\s+of\s+")  # "the morning [of] April 22"
_PART_OF_DAY_ALONE = re.compile(r"(?i)(?:the|mid-?|mid\s)\s*(?:morning|afternoon|evening)")
_BARE_CLOCK = re.compile(rf"(?:(?i:around|about|approximately|at)\s+)?{_CLOCK}{_ZONE}")
_DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"

# Ordered: the first pattern that matches at a position wins over later ones of equal length.
_PATTERNS: list[tuple[str, str]] = [
    ("clock", rf"{_CLOCK}{_ZONE}{_CLOCK_DAY}"),
    ("iso", r"\b\d{4}-[01]\d-[0-3]\d\b|\b\d{4}/[01]\d/[0-3]\d\b"),
    ("full", rf"(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR})\b"),
    ("numeric", r"\b[0-3]?\d([/.])[0-3]?\d\1(?:19|20)\d\d\b"),
    ("month_day", _WEEKDAY_BEFORE.format(weekday=_WEEKDAY) + rf"(?:(?:{_MONTH}\s+{_DAY}|{_DAY}\s+(?:of\s+)?{_MONTH})\b(?!,?\s+\d)"
                  rf"|{_MONTH}\s+(?i:{_DAY_WORD})\b|(?i:the\s+{_DAY_WORD}\s+of\s+){_MONTH}\b)"),
    # the second day of "April 24 and 25", "May 5 to 7": its month is the first's (`_not_a_time` checks)
    ("second_day", r"(?:(?<=\sand\s)|(?<=\sor\s)|(?<=\sto\s)|(?<=\sthrough\s))[0-3]?\d\b(?![\d,.:%/-]?\d|\s+(?i:percent|per\s+cent)\b)"),
    ("month_year", rf"(?:{_PART})?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b|{_MONTH}\s+(?i:this|last|next)\s+year\b"),
    ("range", rf"(?<![\d,.$£€-])\b{_YEAR}\s*[-–]\s*(?:{_YEAR}|\d\d)\b(?![\d%])"),
    ("quarter", rf"(?i:(?:the(?=\s+(?:year-(?:ago|earlier)\s+|fiscal-)?\w+\s)|this\s+year's|last\s+year's|next\s+year's)\s+)?(?i:year-(?:ago|earlier)\s+)?(?:{_YEAR}\s+)?(?i:fiscal[- ])?"
                rf"(?:(?i:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?i:quarter|half)(?:\s+of\s+(?:{_YEAR}|(?i:this|last|next|the)\s+year))?"
                # "the last half of 1989", "the final quarter of the year": the year's last
                rf"|(?i:last|final)[\s-]+(?i:quarter|half)\s+of\s+(?:{_YEAR}|(?i:this|last|next|the)\s+year))\b"),
    ("same_period", r"\b(?i:the\s+(?:same|corresponding|comparable)\s+(?:period|time|quarter)\s+(?:of\s+)?last\s+year)\b"),
    ("report_period", r"\b(?i:(?:the|this)\s+(?:(?:latest|current|comparable|corresponding)\s+)?(?:(?:year-ago|year-earlier)\s+)?"
                      r"(?:fiscal\s+)?quarter(?![s-])|the\s+(?:latest|(?:comparable\s+)?year-(?:ago|earlier)|(?:1[6-9]|20)\d\d)\s+period"
                      r"|the\s+(?:1[6-9]|20)\d\d\s+quarter(?![s-]))\b"),
    # "year-earlier profit", "the year-ago results": the results' period a year before (`_results_period`)
    ("year_ago", r"\b(?i:year-(?:ago|earlier))\b"),
    # "(for) the year ended Sept. 30": the twelve months a report covers, a TIMEX3 duration (TimeBank 7 of 8)
    ("year_ended", rf"\b(?i:the\s+(?:fiscal\s+)?year)(?=\s+(?i:ended|ending)\s+(?:{_MONTH}|(?i:today|tomorrow|yesterday)\b))"),
    ("period_end", r"\b(?i:year[- ]end|year's\s+end|the\s+(?:end|beginning|start|middle)\s+of\s+the\s+(?:year|month|week))\b"),
    ("decade", rf"(?:(?i:the)\s+)?(?:{_PART})?(?:1[6-9]|20)\d0s\b|(?:(?i:the)\s+)?(?:{_PART})?'[0-9]0s\b"
               rf"|(?i:the\s+)(?:{_PART})?(?i:{_DECADE_WORD})\b"),
    ("century", rf"(?i:(?:the\s+)?(?:{_PART})?{_ORDINAL}[- ]century)\b"),
    ("fiscal", rf"\b(?i:fiscal)\s+(?:year\s+)?{_YEAR}\b"),
    ("day_word", rf"\b(?i:(?:mid-?)?{_PART_OF_DAY}\s+)?(?i:today|tonight|yesterday|tomorrow)(?:\s+(?i:{_PART_OF_DAY}))?\b|\b(?i:this\s+{_PART_OF_DAY})\b|\b(?i:last\s+night)\b"
                 r"|\b(?i:(?:the|mid-?|mid\s)\s*(?:morning|afternoon|evening))\b"),
    ("weekday", rf"(?:\b(?i:last|next|this(?:\s+coming)?|on|early|late|coming)\s+)?{_WEEKDAY}(?:\s+(?i:{_PART_OF_DAY}))?"),
    ("anaphoric", rf"\b(?i:(?:(?:later|earlier)\s+)?(?:the\s+(?:following|previous|prior|same)|that)\s+(?:day|week|month|year|{_PART_OF_DAY}))\b"
                  rf"|\b(?i:the\s+next\s+(?:day|{_PART_OF_DAY}))\b"
                  # "the previous Friday": the Friday before the day named last (HeidelTime's anaphoric weekday)
                  rf"|\b(?i:the\s+(?:following|previous|prior)\s+){_WEEKDAY}\b"),
    ("relative", r"\b(?i:(?:the\s+)?(?:this\s+past|this|last|next|past|coming|previous|current|full|current\s+fiscal)\s+)(?i:week|weekend|month|year|decade|spring|summer|fall|autumn|winter)\b(?:\s+(?i:or\s+so)\b)?"
                 # "last quarter", "the past quarter", "next quarter": the reference's quarter before or after
                 r"|\b(?i:(?:the\s+)?(?:last|past|previous|prior|next|coming)\s+(?:fiscal\s+)?quarter)\b(?![-\w])"
                 r"|\b(?i:the\s+weekend)\b|\b(?i:(?:earlier|later|early|late)\s+in\s+the\s+(?:year|month|week))\b"
                 # "for the year", "the fiscal year", "for the week": the reference's (TimeBank 40 of 41), not
                 # "the year before" (an antecedent's) or "the year 2000"
                 r"|\b(?i:the\s+(?:fiscal\s+)?year)(?![-\w])(?!\s+(?:\d|(?i:two\s+thousand|before|after|earlier|later|ago|ended|ending|to)\b))"
                 r"|\b(?i:the\s+week)(?![-\w])(?!\s+(?i:before|after|earlier|later|ago|of|to)\b)"),
    # "a year earlier" is a date (a results story's year-ago period); "a month earlier", "a day
    # earlier" are durations before a signal word, as "three days later" (TimeBank, TE3 platinum)
    ("ago", rf"\b(?i:(?:about|nearly|almost|some|more\s+than|over)\s+)?(?i:{_NUM})\s+(?:(?i:{_UNITS})\s+(?:(?i:or\s+so)\s+)?(?i:ago|from\s+now)|(?i:years?)\s+(?:(?i:or\s+so)\s+)?(?i:earlier))\b"),
    # "a three-year period", "10-year war", "decade-long"; an age ("a 35-year-old man") is no time
    # expression (HeidelTime's negative duration rule, Strötgen & Gertz 2013).
    ("unit_adjective", rf"\b(?i:(?:an?|the)\s+)?(?:\d+|(?i:{_NUM}))[- ](?i:{_UNIT})\s+(?i:period|term)\b|\b(?i:{_NUM})[- ](?i:{_UNIT})[- ](?i:long)\b|\b(?:\d+|(?i:{_NUM}))-(?i:{_UNIT})(?=\s+[A-Za-z])|\b(?i:decade|year|month|week|day|hour)-long\b"),
    # "eight trading days": counted in days the markets, offices or courts sit (HeidelTime's "trading days")
    # "a quarter century" first: an alternation takes its first branch that matches ("a quarter")
    ("duration", r"\b(?i:(?:(?:nearly|almost|about|roughly|some|more\s+than|over)\s+)?(?:a|one|three)[- ]quarters?[- ](?:of\s+a\s+)?century)\b|"
                 rf"\b(?i:(?:nearly|almost|about|roughly|some|at\s+least|more\s+than|less\s+than|up\s+to|no\s+more\s+than)\s+)?"
                 rf"(?i:(?:the\s+(?:past|last|next|first|latest|coming|previous|year-earlier|year-ago)|(?:past|last|next|first|latest|coming|previous)(?!\s+an?\s))\s+)?(?i:{_NUM})(?:\s+(?i:and\s+a\s+half))?\s+(?:(?i:more|additional|consecutive|straight|successive)\s+)?(?:(?i:trading|business|working)\s+(?=(?i:days?)\b))?(?i:{_UNITS})(?:\s+(?i:and\s+a\s+half))?\b(?:\s+(?i:or\s+so)\b)?(?!\s+old\b)"
                 rf"|\b(?i:the\s+(?:{_NUM})\s+(?:{_UNITS}))\b|\b(?i:(?:for|over|within)\s+(?:the\s+)?|the\s+(?=\w+\s+ahead\b))(?i:years|decades|months|weeks|days|hours)\b(?:\s+(?i:ahead|or\s+(?:years|months|weeks|days)))?|\b(?i:centuries|decades)\b(?!\s+(?:ago|old))"),
    ("set", rf"\b(?i:(?:every|each)\s+(?:day|week|month|year|quarter|morning|afternoon|evening|night|{_WEEKDAY}))\b"
            rf"|\b(?i:every\s+(?:other\s+|{_NUM}\s+)(?:{_UNITS}))\b"
            rf"|\b(?i:(?:once|twice|(?:{_NUM})\s+times)\s+(?:a|an|per)\s+{_UNIT})\b"
            rf"|\b(?i:every|each)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
            r"|\b(?i:(?:every|each)\s+(?:spring|summer|fall|autumn|winter))\b"
            rf"|\b{_WEEKDAY}(?:s|\s+(?i:mornings|afternoons|evenings|nights))\b"
            r"|\b(?i:weekends)\b"
            rf"|\b(?i:{'|'.join(SET_ADVERBS)})\b"),
    ("season", rf"\b(?i:(?:in|by|during|until|since|through)\s+the\s+fall)\b(?!\s+of\s+(?![12]\d\d\d))|\b(?i:(?:this\s+past|this|last|next|the)\s+)?(?i:spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?:{_YEAR}|(?i:nineteen[- ]{_TENS}(?:[- ]{_DIGIT_WORD})?)))?\b"),
    ("holiday", rf"{holidays.PATTERN}(?:\s+(?i:week)\b|,?\s+{_YEAR}\b)?"),
    ("bare_month", rf"(?:\b(?i:in|since|until|till|by|from|during|through|last|this|next|early|late|mid|of|before|after)\s+|\b{_PART}){_MONTH}\b(?!\.?\s+\d)"
                   r"|\b(?:January|February|March|April|June|July|August|September|October|November|December)\b(?!\s+\d)"),
    # not a model number after a product code in capitals ("GeForce GTX 1650", "RTX 2080 Ti")
    ("year", rf"(?<![\d,.$£€])(?<!\d[-–])(?<![A-Z]{{2}}\s)\b{_YEAR}\b(?!\d|[,.]\d|%|-\d|\s*(?:percent|per cent|people|troops|soldiers|points|miles|km|tons|GMT|UTC|local|hours|hrs)\b)"),
    ("spoken_year", rf"(?:{_MONTH}\s+)?\b(?i:nineteen[- ]{_TENS}(?:[- ]{_DIGIT_WORD})?|(?:the\s+year\s+)?two\s+thousand\b(?!\s+(?:{_UNITS})\b))\b"),
    ("present", r"\b(?i:now|currently|at present|nowadays|these\s+days)\b"),
    ("past_ref", r"\b(?i:recently|(?:in\s+)?recent\s+(?:years|months|weeks|days|quarters)|lately|the\s+past)\b(?!\s+(?:\w+\s+)?(?i:years?|months?|weeks?|days?|decades?|century|centuries|hours?|quarters?|spring|summers?|autumns?|winters?)\b)"),
    # not "the future of our peoples": what lies ahead for them, no time
    ("future_ref", r"\b(?i:(?:in\s+)?the\s+(?:near\s+|distant\s+)?future(?!\s+of\b)|(?:in\s+)?the\s+(?:near|short)\s+term(?!-)|(?:in\s+)?(?:(?:the\s+)?coming|future)\s+(?:years|months|weeks|days|quarters))\b"),
]
PATTERN_NAMES = tuple(name for name, _ in _PATTERNS)
# The patterns that read dates written in digits alone, in any language: "2019-03-04", "4.3.2019",
# "2009-2010", "2019".
DIGIT_PATTERNS = frozenset({"iso", "numeric", "range", "year"})
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]
# A word a sentence must hold for a pattern to be tried on it at all: one cheap search saves the
# costly number-word alternations on the many sentences that name no unit.
_UNIT_WORD = re.compile(r"(?i)day|week|month|year|decade|centur|hour|minute|quarter")
# Each is a part that every match of its pattern holds, with the pattern's own case rule, so a
# sentence without it has no match: the patterns run on a fraction of the sentences.
_MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # case as in `_MONTH`
_NEEDS = {"unit_adjective": re.compile(rf"(?i)-{_UNIT}|{_UNIT}(?:[- ]long|\s+(?:period|term))"),
          "duration": _UNIT_WORD, "ago": re.compile(r"(?i)ago|earlier|from\s+now"),
          "year_ago": re.compile(r"(?i)year-(?:ago|earlier)"),
          "century": re.compile(r"(?i)century"), "year_ended": re.compile(r"(?i)year\s+end(?:ed|ing)"), "quarter": re.compile(r"(?i)quarter|half"),
          "full": _MONTH_NAME, "month_day": _MONTH_NAME, "month_year": _MONTH_NAME, "bare_month": _MONTH_NAME,
          "second_day": re.compile(r"\s(?:and|or|to|through)\s\d"),
          "set": re.compile(r"(?i)every|each|once|twice|times|day|daily|weekly|monthly|annually|yearly|hourly|weekends"),
          "decade": re.compile(rf"0s|(?i:{_DECADE_WORD})"),
          "season": re.compile(r"(?i)fall|spring|summer|autumn|winter"),
          "day_word": re.compile(rf"(?i)today|tonight|yesterday|tomorrow|{_PART_OF_DAY}"),
          "relative": re.compile(r"(?i)week|month|year|decade|quarter|spring|summer|fall|autumn|winter"),
          "weekday": re.compile(_WEEKDAY),
          "anaphoric": re.compile(rf"(?i)day|week|month|year|{_PART_OF_DAY}"),  # weekdays end in "day"
          "future_ref": re.compile(r"(?i)future|term|coming"),
          "past_ref": re.compile(r"(?i)recent|lately|past"),
          "spoken_year": re.compile(r"(?i)nineteen|thousand")}
# How much of the sentence around an expression decides past or future (set on TimeBank).
CONTEXT_BEFORE_CHARS = 40
CONTEXT_AFTER_CHARS = 10
# In past context a date at most this far ahead of the reference still counts as not ahead (set on TimeBank).
PAST_TOLERANCE_DAYS = 31
# In future context a date at most this far behind the reference is still the one meant ("ahead of the
# filing deadline at noon on Dec. 20", said on Dec. 30): next year's lies eleven months off.
FUTURE_TOLERANCE_DAYS = 31
_FUTURE = re.compile(r"\b(will|'ll|shall|is to|are to|(?:is|are) expected|plans? to|planned|scheduled|expected to|expects?|set to|next|"
                     r"upcoming|coming|due|slated|as (?:soon|early) as(?!\s+(?:i|he|she|it|we|they|you|the|a|an|this|that|his|her|its|their|our|my|there)\b)|would|going to|supposed to|until|starting|payable|effective|begins|expires|takes effect|to be (?:\w+ed|held|made|paid|sent|done))\b", re.I)
# A future word that modifies a noun ("planned outages", "the upcoming budget"): it says the thing
# was to come, not that the clause is; in a clause the parse reads as past it is no future cue.
_FUTURE_MODIFIER = re.compile(r"\b(?:planned|scheduled|upcoming|slated|proposed)\b(?=\s+(?!(?:for|to|on|in|at|by|until|"
                              r"through|this|next|early|late|mid|and|or|but)\b)[a-z])", re.I)
# A future word that introduces the time itself ("until 9 a.m. Tuesday", "as soon as Monday").
_FUTURE_RIGHT_BEFORE = re.compile(rf"(?:{_FUTURE.pattern})\s+(?:on\s+|at\s+)?(?:{_CLOCK}{_ZONE},?\s+)?$", re.I)
# A past verb right before a weekday dates that verb: "said on Wednesday it would act" is last Wednesday.
_PAST_VERB_BEFORE = re.compile(r"\b(?:said|announced|told|met|was|were|died|killed|arrived|left|reported|added)\s+(?:on\s+)?$", re.I)
# A plan told in the past perfect lies behind: "had been due to expire Friday evening".
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;.]{0,30}$", re.I)
_PAST_RIGHT_BEFORE = re.compile(r"\b(?:was|were|had\s+been)\s+\w{3,}ed\s+(?:on\s+)?$", re.I)
_UNTIL_BEFORE = re.compile(r"\buntil\s+$", re.I)
# "by December", "by the end of March": a deadline (`_tense`).
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:early|mid|late)[- ]?|the\s+(?:end|middle|start)\s+of\s+)?$", re.I)
# "ahead of Tuesday's debate", "in the run-up to Sunday's vote": an event still to come, unless the
# clause is told as past ("sparred ahead of Tuesday's debate", written after it)
_AHEAD_OF_RIGHT_BEFORE = re.compile(r"\b(?:ahead\s+of|in\s+advance\s+of|in\s+the\s+run-up\s+to|"
                                    r"in\s+preparation\s+for)\s+(?:this\s+)?$", re.I)
_HAD = re.compile(r"\bhad(?:n't)?\b", re.I)
_PAST_PLAN = re.compile(r"\bhad\s+(?:previously\s+)?(?:been\s+)?(?:due|scheduled|expected|planned|set|supposed)\b", re.I)
# "a year ago" / "a year earlier": in a story that names a quarter, the same quarter a year before
# (how TimeBank's results stories use it; HeidelTime resolves it the same way).
_YEAR_BEFORE = re.compile(r"(?i)^(?:a\s+year\s+(?:ago|earlier)|year-(?:ago|earlier))$")
_YEAR_AGO_WORD = re.compile(r"(?i)\byear-(?:ago|earlier)\b")
_QUARTER_VALUE = re.compile(r"\d{4}-[QH]\d")
_ORDINAL_PERIOD = re.compile(r"(?i)(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)")
# Months counted from a results year's start: "the first nine months", "the latest six months".
_MONTHS_REPORTED = re.compile(r"(?i)(?:the\s+)?(?:first\s+|latest\s+)?(?:six|nine)\s+months")
_SAME_PERIOD = re.compile(r"(?i)the\s+(?:same|corresponding|comparable)\s+(?:period|time|quarter)\s+(?:of\s+)?last\s+year$")
_REPORT_PERIOD = re.compile(r"(?i)\b(?:latest|comparable|year-ago|year-earlier)\b(?!$)|^the\s+(?:fiscal\s+)?quarter$|^the\s+\d{4}\s")
# Past-tense cues (regular "-ed" forms and the common irregular ones); the future cues win over them.
_PAST = re.compile(r"\b(?:was|were|had|did|\w{3,}ed|met|took|went|came|said|told|made|began|won|lost|held|saw|got|"
                   r"gave|left|fell|rose|sold|bought|paid|ran|wrote|spoke|broke|brought|led|kept|thought|found|became|"
                   r"chose|drew|flew|grew|knew|meant|sent|spent|stood|struck|swore|threw|fought|sought|taught|won)\b", re.I)
# A preposition is part of how a time is said, not of the time: "on Wednesday" -> "Wednesday",
# "for two years" -> "two years" (TIMEX3 extents leave it out).
_LEADING_PREPOSITION = re.compile(r"^(?:on|in|since|until|till|by|from|during|through|of|before|after|for|within|over)\s+", re.I)
# Words before an expression that TIMEX3 takes into its extent without changing its value
# ("around Nov. 1", "the end of 1990", "early next year").
_MODIFIER = re.compile(r"(?:\b(?:around|about|approximately|roughly|nearly|almost|(?:the\s+)?early|(?:the\s+)?late|later|"
                       r"earlier|sometime|right|(?:the\s+)?mid|the\s+(?:end|beginning|start|middle|close)\s+of)\s+|\bmid-)$", re.I)
_MODIFIER_AT_START = re.compile(r"^(?:(?:around|about|approximately|roughly|nearly|almost|(?:the\s+)?early|(?:the\s+)?late|later|earlier|sometime|right|(?:the\s+)?"
                                r"mid|the\s+(?:end|beginning|start|middle|close)\s+of)\s+|mid-)+", re.I)
_PREPOSITION_MODIFIER = re.compile(r"(?i)around|about")
# Patterns whose extent may take a modifier in front (not durations: "about two years" is one).
_MODIFIABLE = frozenset({"clock", "iso", "full", "month_day", "month_year", "quarter", "day_word", "weekday", "relative",
                         "season", "bare_month", "year"})
# "(he will) one day (be)": some day ahead (TIMEX3 FUTURE_REF), not a duration of one day.
_SOME_FUTURE_DAY = re.compile(r"(?i)\b(?:will|would|could|might|may|can|shall|should|must|he|she|they|we|you|i)\s+one\s+day$")
# A common time word written capitalised after the first word of an expression is part of a title
# ("This Week", "60 Minutes"); so is a capitalised "Today"/"Tonight" after a capitalised word that
# does not open the sentence ("USA Today", "VOA Today").
_TITLE_WORD = re.compile(r"(?<=\s)(?:Week|Weekend|Minutes?|Hours?|Days|Months?|Years?|Today|Tonight|Now)\b")
_TITLE_CASE_LEAD = re.compile(r"Today|Tonight|Now")
_CAPITALISED_BEFORE = re.compile(r"(?<=[\w.,;:] )[A-Z][\w.&-]*\s+$")
# A month-day and a conjunction before a bare day number: "April 24 and [25]".
_YEAR_AGO_AFTER = re.compile(r"(?i)-(?:ago|earlier)\b")
_DAY_LIST_BEFORE = re.compile(rf"{_MONTH}\s+{_DAY}\s+(?:and|or|to|through)\s+$")
# "a week" right after an amount is a rate's unit: "four flights a week", "$1.76 a year", "24 hours a day".
_RATE_UNIT = re.compile(r"(?i)an?\s+(?:day|week|month|year)")
# The amount: a figure ("$1.76", "15%", "$500 million") or a count of something ("four flights", "24 hours").
_AMOUNT_BEFORE = re.compile(rf"(?:\d%?|\b(?:million|billion|trillion|percent)|(?:\d|\b(?:{_DIGIT_WORD}|ten|{_TENS}))\s+[a-z]+s)\s+$",
                            re.I)
# "of" after "a quarter" that names no time unit: the quarter is a fraction ("a quarter of the market").
_FRACTION_AFTER = re.compile(rf"\s+of\b(?!\s+(?:an?\s+|the\s+)?(?i:{_UNITS})\b)", re.I)
# A capitalised word right after "daily" is the newspaper's name.
# A measure after "a quarter" makes it a fraction of that measure ("a quarter cup", "a quarter mile").
_MEASURE_AFTER = re.compile(r"(?i)[- ](?:cups?|teaspoons?|tablespoons?|tsp|tbsp|pounds?|lbs?|ounces?|oz|inch(?:es)?|"
                            r"feet|foot|miles?|acres?|gallons?|lit(?:er|re)s?|pints?|points?|turns?|notes?|sizes?)\b")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "March" followed by "for"/"on"/"of" and a capitalised word is a march's name ("the annual March
# for Life", "the March on Washington"), no month.
_MARCH_NAME_AFTER = re.compile(r"\s+(?:for|on|of)\s+[A-Z][a-z]")
# "today's youth", "in today's world", "the people of tomorrow": today and tomorrow as eras (the
# young of these times, the people to come), no day; TimeBank and AQUAINT annotate none of them
# ("today's editions", "tomorrow's vote" stay days)
_GENERIC_KIND = (r"(?:world|society|youth|young|children|kids|generations?|teen-?agers|students|parents|families|"
                 r"consumers|workers|women|men|people|leaders|economy|culture|technology|computers|standards|politics|media)")
_ERA_POSSESSIVE_AFTER = re.compile(rf"(?i)['’]s\s+(?:[a-z-]+\s+)?{_GENERIC_KIND}\b")
_ERA_OF_BEFORE = re.compile(rf"(?i)\b{_GENERIC_KIND}\s+of\s+$")
# A bare year right after the noun of a work, or alone in quote marks, is the work's title.
_WORK_BEFORE = re.compile(r"(?i)\b(?:film|movie|drama|thriller|documentary|novel|book|album|song|single|musical|opera|"
                          r"sitcom|comedy|epic|sequel|remake|painting|poem|symphony|play)\s+$")
_IN_QUOTES = re.compile(r"[\"“‘']\d{4}[\"”’']")
# A house number before a street's name is an address, no year: "Jonathan P. Blair, 29, of 1909
# Jolinda Drive" (a police blotter of article-extraction-benchmark), "2000 Pennsylvania Avenue".
_STREET_AFTER = re.compile(r"\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’-]*\.?\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|"
                           r"Boulevard|Blvd|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|"
                           r"Trail|Pike|Square)\b\.?")
# Two capitalised words right before a year, away from the sentence start, name a product whose
# edition the year is ("played Football Manager 2020"), unless one is a word of the calendar.
_PRODUCT_BEFORE = re.compile(r"(?<=[\w,;:] )[A-Z][\w&-]*\s+[A-Z][\w&-]*\s+$")
_CALENDAR_WORD = re.compile(rf"{_MONTH}|{_WEEKDAY}|\b(?:Spring|Summer|Fall|Autumn|Winter|Day|Eve|Week)\b")
# "the year" said before "ended"/"ending" is the year a report covers (`_year_ended`).
_YEAR_ENDED = re.compile(r"(?i)the\s+(?:fiscal\s+)?year")
_ENDED_AFTER = re.compile(r"(?i)\s+end(?:ed|ing)\b")
# The words that open a range before its first end and join it to its second.
_RANGE_OPEN = re.compile(r"(?i)\b(?:from|between)\s+$")
_RANGE_JOIN = re.compile(r"(?i)\s*(?:-|–|\b(?:to|and|until|till|through)\b)\s*")
_DAY_FIRST_TLD = re.compile(r"\.(?!us$|com$|org$|net$|gov$|edu$|mil$|info$|biz$|io$|co$)[a-z]{2}$")


@dataclass(frozen=True)
class Resolved:
    value: str | None
    precision: str | None
    kind: str = "date"


def find_times(text: str, sentences: list[Sentence], english: bool = True) -> list[TimeExpression]:
    """Time expressions in each sentence of `text`, longest match first, without overlaps.
    Values are left None; `normalise_times` fills them. A text not in English (`english` False)
    is read for dates in digits only (`DIGIT_PATTERNS`): its words are no English time words,
    whatever they look like ("August" in German, "Now" in a name)."""
    found = []
    game: bool | None = None  # whether the text reports a game (decided once, where needed)
    for sentence in sentences:
        taken: list[tuple[int, int]] = []
        candidates = []
        for order, (name, pattern) in enumerate(_COMPILED):
            if (name in _NEEDS and not _NEEDS[name].search(sentence.text)) or (not english and name not in DIGIT_PATTERNS):
                continue
            for match in pattern.finditer(sentence.text):
                start, end = _extent(sentence.text, match.start(), match.end(), name)
                if end > start:
                    candidates.append((-(end - start), order, start, end, name))
        for _, _, start, end, name in sorted(candidates, key=lambda c: (c[2], c[0], c[1])):
            if any(start < e and s < end for s, e in taken) or _not_a_time(sentence.text, start, end, name):
                continue
            if name == "quarter" and not _CALENDAR_PERIOD.search(sentence.text, start, end):
                game = _reports_a_game(text) if game is None else game
                if game:  # "scored 20 points in the first half": the game's half, no date
                    continue
            taken.append((start, end))
            found.append(TimeExpression(text=sentence.text[start:end], start=sentence.start + start,
                                        end=sentence.start + end, value=None, precision=None,
                                        sentence=sentence.index))
    return sorted(found, key=lambda t: t.start)


# "spring" as a verb ("if you spring for the bigger model", "cafes spring up", "to spring a surprise")
# or a water source ("a hot spring"): no season.
_SPRING_VERB_BEFORE = re.compile(r"(?i)\b(?:i|you|we|they|he|she|it|to|will|would|can|could|may|might|should|"
                                 r"must|do|does|did|n't|'ll)\s+$")
_SPRING_VERB_AFTER = re.compile(r"(?i)\s+(?:up|for|into|back|open|loose|free|to\s+life|an?\s+(?:surprise|leak|trap))\b")
_WATER_SPRING_BEFORE = re.compile(r"(?i)\b(?:hot|thermal|mineral|natural|freshwater|underground|sacred)\s+$")


# A holiday joined by a hyphen to a word that makes it a modifier ("Halloween-themed",
# "Christmas-inspired"), not to a word of time ("Christmas-time", "Easter-week").
_COMPOUND_MODIFIER_AFTER = re.compile(r"-(?!(?i:day|eve|time|tide|week|weekend|season|night|morning)\b)[a-z]")


# A quarter or half that says whose it is ("of 2019", "of the year", "fiscal", "this year's") is
# the calendar's; a bare one in a game report ("in the third quarter", "a phenomenal first half")
# is the game's. A game report uses at least GAME_WORDS_MIN of these words (distinct).
_CALENDAR_PERIOD = re.compile(rf"(?i){_YEAR}|\byear|fiscal")
_GAME_WORD = re.compile(r"(?i)\b(scored|scoring|rebounds?|assists|touchdowns?|field goals?|free throws?|"
                        r"three-pointers?|3-pointers?|dunk(?:ed|s)?|layups?|fouls?|fouled|halftime|half-time|"
                        r"interceptions?|quarterback|innings?|buzzer|goalkeeper|penalty kick|free kick)\b")
GAME_WORDS_MIN = 2


def _reports_a_game(text: str) -> bool:
    return len({m.group(1).lower() for m in _GAME_WORD.finditer(text)}) >= GAME_WORDS_MIN


def _not_a_time(text: str, start: int, end: int, name: str) -> bool:
    """Time words that name no time here (TimeML annotates none of them): part of a title ("USA
    Today", ABC's "This Week", CBS's "60 Minutes"), a discourse marker ("Now, he says"), a
    newspaper ("the Communist Party daily Granma")."""
    if name == "holiday":  # "a Halloween-themed party": a kind of thing, no day
        return _COMPOUND_MODIFIER_AFTER.match(text, end) is not None
    if name == "second_day":
        return not _DAY_LIST_BEFORE.search(text, 0, start)
    if name == "duration" and _YEAR_AGO_AFTER.match(text, end):  # "a year" of "a year-earlier loss"
        return True
    if name == "duration" and (_FRACTION_AFTER.match(text, end) or _MEASURE_AFTER.match(text, end)) \
            and text[start:end].lower().endswith("quarter"):
        return True  # "a quarter of the market", "a quarter cup of sugar": a fraction, no time
    if name == "duration" and _RATE_UNIT.fullmatch(text, start, end) and _AMOUNT_BEFORE.search(text, 0, start):
        return True  # "four flights a week", "$500 million a year": a rate, no time (TimeBank 6 of 6)
    if _TITLE_WORD.search(text[start:end]) or (_TITLE_CASE_LEAD.fullmatch(text[start:end].split()[0])
                                               and _CAPITALISED_BEFORE.search(text, 0, start)):
        return True
    if text[start:end] == "Now" and text.startswith(",", end) and not text[:start].strip(" \"'`"):
        return True
    if name == "season" and text[start:end].lower() == "spring":
        return bool(_SPRING_VERB_BEFORE.search(text, 0, start) or _SPRING_VERB_AFTER.match(text, end)
                    or _WATER_SPRING_BEFORE.search(text, 0, start))
    if name == "year" and (_WORK_BEFORE.search(text, 0, start) or _IN_QUOTES.fullmatch(text[max(0, start - 1):end + 1])):
        return True  # a work's title: "the war drama 1917", Orwell's "1984"
    if name == "year" and _STREET_AFTER.match(text, end):
        return True
    if name == "year" and (product := _PRODUCT_BEFORE.search(text, 0, start)) and not _CALENDAR_WORD.search(product.group()):
        return True  # a product's edition: "Football Manager 2020", "Microsoft Office 2019"
    if name == "day_word" and text[start:end].lower() in ("today", "tomorrow"):
        return bool(_ERA_POSSESSIVE_AFTER.match(text, end) or _ERA_OF_BEFORE.search(text, 0, start))
    if name == "bare_month" and text[start:end] == "March":
        return _MARCH_NAME_AFTER.match(text, end) is not None
    return name == "set" and text[start:end].lower() == "daily" and _NAME_AFTER.match(text, end) is not None


def _extent(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """TIMEX3's extent of a match: without a leading preposition or a trailing possessive, with a
    modifier in front that TIMEX3 includes ("around Nov. 1", "the end of 1990")."""
    if name != "past_ref" or text[start:end].lower().startswith("in recent"):
        match = _LEADING_PREPOSITION.match(text[start:end])
        if match:
            start += match.end()
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    possessive = text.startswith(("'s", "’s"), end)
    if name in _MODIFIABLE:
        modifier = _MODIFIER.search(text, 0, start)
        # "about"/"around" before a possessive governs its noun phrase ("talked about Friday's vote",
        # "get around Wednesday's ruling"), no approximation of the time
        if modifier and not (possessive and _PREPOSITION_MODIFIER.match(modifier.group())):
            start = modifier.start()
    return start, end


def day_first(times: list[TimeExpression], site: str | None = None) -> bool:
    """Whether the article writes numeric dates day first ("24/4/2019"). Evidence in order: a
    numeric date of the article that only one order can read (a first number above 12 says day
    first, a second above 12 says month first), then the site's country domain (most countries
    write day first; the United States and generic domains month first), else month first."""
    for t in times:
        parts = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]\d{4}", t.text)
        if parts and int(parts[1]) > 12 >= int(parts[2]):
            return True
        if parts and int(parts[2]) > 12 >= int(parts[1]):
            return False
    host = (site or "").lower().rstrip("/").split("/")[0].split(":")[0]
    return bool(_DAY_FIRST_TLD.search(host))


def normalise_times(times: list[TimeExpression], sentences: list[Sentence],
                    reference: date | None, site: str | None = None,
                    until_sentence: int | None = None) -> list[TimeExpression]:
    """Copies of `times` with value, precision, kind and anchor set against `reference`, each keeping
    the tense the parse gave it (a later re-anchoring, the build's corpus step, reads it again). The
    precision is the one `timevalue.parse_span` gives the value, so every part of Dossier reads a
    value the same way; `site` helps decide the article's numeric date order (`day_first`).
    `until_sentence`: only the times up to the first of a later sentence (times are in text
    order), each resolved as in the whole list (the date order is still decided from every time)."""
    order_day_first = day_first(times, site)
    out = []
    period = None  # the period a results story last named: "a year earlier" is its year-ago twin
    for i, t in enumerate(times):
        if until_sentence is not None and t.sentence > until_sentence:
            break
        context = _context(t, sentences[t.sentence]) if t.sentence < len(sentences) else t.text
        if _implausible_year(t, sentences, reference):
            continue
        resolved = normalise_time(t.text, context, reference, day_first=order_day_first, tense=t.tense)
        reported = _results_period(t.text, resolved, period, reference)
        if reported is not None:
            resolved, period = reported
        elif reference and (_ANAPHORIC.search(t.text) or _narrative_next(t, sentences)):
            resolved = _from_antecedent(t.text, out, reference)
        elif reference and _PART_OF_DAY_ALONE.fullmatch(t.text):
            day_after = _day_said_after(t, times[i + 1] if i + 1 < len(times) else None, sentences, reference,
                                        order_day_first)
            resolved = _part_of_named_day(t.text, out + day_after, reference)
        elif out and re.fullmatch(r"\d{1,2}", t.text):
            resolved = _day_of_month_before(int(t.text), out[-1])
        elif out and resolved.value and _BARE_CLOCK.fullmatch(t.text):
            resolved = _on_day_before(resolved, out[-1], t)
        span = parse_span(resolved.value, resolved.precision) if resolved.kind == "date" else None
        precision = span.precision if span is not None else resolved.precision
        uses_reference = resolved.value is not None and _is_relative(t.text)
        out.append(TimeExpression(text=t.text, start=t.start, end=t.end, value=resolved.value,
                                  precision=precision, kind=resolved.kind,
                                  anchor=reference.isoformat() if reference and uses_reference else None,
                                  sentence=t.sentence, tense=t.tense, describes=t.describes))
    return out


def _implausible_year(t: TimeExpression, sentences: list[Sentence], reference: date | None) -> bool:
    """A bare year over FAR_FUTURE_YEARS after the reference that no time word introduces is a
    number or a model name ("a 2080 Ti", a graphics card), not a date; "by 2075", "in the year
    2090" and "2050-2080" keep theirs (a forecast is introduced)."""
    if reference is None or not re.fullmatch(_YEAR, t.text) or int(t.text) <= reference.year + FAR_FUTURE_YEARS:
        return False
    if t.sentence >= len(sentences):
        return False
    sentence = sentences[t.sentence]
    return not _TIME_WORD_BEFORE.search(sentence.text[:t.start - sentence.start])


def _results_period(text: str, resolved: Resolved, period: Resolved | None,
                    reference: date | None) -> tuple[Resolved, Resolved | None] | None:
    """(value, period named since) for the periods of a results story, None for other expressions.
    `period` is the last one the article named: a quarter or half ("1989-Q3"), or months counted
    from the year's start ("the first nine months": P9M). Against it "a year earlier", "year-ago"
    and "the year-earlier period" are that period a year before (a stretch of months a year before
    is last year, "the year-earlier period" is the stretch itself, as TimeBank writes them), "the
    1988 quarter" is its quarter in 1988, and "the latest quarter" is it only once it has ended
    (a quarter still under way, "fourth-quarter results" said in November, is no report's)."""
    months = period is not None and period.kind == "duration"
    year_before = 1 if _YEAR_AGO_WORD.search(text) else 0
    if resolved.kind == "duration":
        return (resolved, resolved) if _MONTHS_REPORTED.fullmatch(text) else None
    if not resolved.value:
        return None
    if _QUARTER_VALUE.fullmatch(resolved.value) and _ORDINAL_PERIOD.search(text):  # "the year-ago third quarter"
        return resolved, Resolved(_shift_year(resolved.value, year_before), "approximate")
    if _REPORT_PERIOD.search(text) and not re.match(r"(?i)this|the\s+current", text):
        named = period if period is not None and (months or _has_ended(period.value, reference)) else None
        year = re.search(_YEAR, text)
        if year:  # "the 1988 period"
            value = f"{year.group()}{named.value[4:]}" if named is not None and not months else year.group()
            return Resolved(value, "approximate"), period
        if named is not None and months and year_before and text.lower().endswith("period"):
            return named, period
        if named is None or months:
            own = _QUARTER_VALUE.fullmatch(resolved.value)
            return resolved, Resolved(_shift_year(resolved.value, year_before), "approximate") if own else period
        return Resolved(_shift_year(named.value, -year_before), "approximate"), named
    if _QUARTER_VALUE.fullmatch(resolved.value):  # "this quarter"
        return resolved, resolved
    if period is not None and not months and (_SAME_PERIOD.match(text) or _YEAR_BEFORE.match(text)):
        return Resolved(_shift_year(period.value, -1), "approximate"), period
    return None


def _shift_year(value: str, years: int) -> str:
    """A quarter or half value `years` years later: ("1989-Q3", -1) -> "1988-Q3"."""
    return f"{int(value[:4]) + years}{value[4:]}"


def _has_ended(value: str, reference: date | None) -> bool:
    span = parse_span(value, "approximate")
    return reference is None or span is None or span.last_day < reference


def _narrative_next(t: TimeExpression, sentences: list[Sentence]) -> bool:
    """"The next year, he left": opening its sentence, set off by a comma, "the next year" carries
    a narrative on from the year it told last, as "the following year" does; "will rise next year"
    counts from the time of writing."""
    if not _NEXT_UNIT.fullmatch(t.text) or t.sentence >= len(sentences):
        return False
    sentence = sentences[t.sentence]
    at = t.start - sentence.start
    return not sentence.text[:at].strip(" \"'“‘(") and sentence.text.startswith(",", at + len(t.text))


def _from_antecedent(text: str, before: list[TimeExpression], reference: date) -> Resolved:
    """"the following year", "that day", "the previous month": counted from the last date the
    article named before it as finely as the unit ("On March 3 ... in 2002 ... that day" is March
    3: HeidelTime's last-mentioned rule), else from the reference when it named no date."""
    lower = text.lower()
    shift = 1 if re.search(r"following|next", lower) else -1 if re.search(r"previous|prior", lower) else 0
    unit = lower.split()[-1]
    wanted = PRECISION_RANK["day" if unit in PARTS_OF_DAY or unit in WEEKDAYS else "week" if unit == "weekend" else unit]
    spans = [span for span in (parse_span(t.value, t.precision) for t in reversed(before) if t.kind == "date")
             if span is not None]
    antecedent = next((span for span in spans if span.rank >= wanted), None)
    if antecedent is None and spans:  # "that day" after only a year: which day is unknown
        return Resolved(None, None)
    base = antecedent.first_day if antecedent is not None else reference
    if unit in WEEKDAYS:  # the nearest such weekday strictly before or after the base day
        days = shift * ((shift * (WEEKDAYS.index(unit) - base.weekday())) % 7 or 7)
        return Resolved((base + timedelta(days=days)).isoformat(), "day")
    if unit in PARTS_OF_DAY or unit == "day":
        suffix = _part_of_day(unit)
        return Resolved((base + timedelta(days=shift)).isoformat() + suffix, "day")
    if unit in ("week", "weekend"):
        iso = (base + timedelta(weeks=shift)).isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else ""), "week")
    if unit == "month":
        index = base.year * 12 + base.month - 1 + shift
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    return Resolved(str(base.year + shift), "year")


def _part_of_named_day(text: str, before: list[TimeExpression], reference: date) -> Resolved:
    """"the morning", "mid-afternoon": that part of the day the article named last (TIMEX3 writes
    it as the day's value + "TMO"/"TAF"/"TEV"), else of the reference day."""
    day = next((m.group() for m in (re.match(r"\d{4}-\d\d-\d\d", t.value or "") for t in reversed(before)) if m),
               reference.isoformat())
    return Resolved(day + _part_of_day(text.lower()), "day")


def _day_said_after(t: TimeExpression, after: TimeExpression | None, sentences: list[Sentence],
                    reference: date, order_day_first: bool) -> list[TimeExpression]:
    """The day of "the morning of April 22" (the expression right after "of"), as a one-item list
    for `_part_of_named_day`; empty when no day follows so."""
    if after is None or after.sentence != t.sentence or t.sentence >= len(sentences):
        return []
    sentence = sentences[t.sentence]
    if not _OF_BETWEEN.fullmatch(sentence.text[t.end - sentence.start:after.start - sentence.start]):
        return []
    value = normalise_time(after.text, _context(after, sentence), reference, day_first=order_day_first,
                           tense=after.tense).value
    return [replace(after, value=value)] if value else []


def _day_of_month_before(day: int, before: TimeExpression) -> Resolved:
    """The second day of "April 24 and 25": day `day` of the month of the date said before it."""
    first = parse_day(before.value) if before.value else None
    second = _safe_date(first.year, first.month, day) if first else None
    return Resolved(second.isoformat() if second else None, "day")


def _on_day_before(clock: Resolved, before: TimeExpression, t: TimeExpression) -> Resolved:
    """A bare clock time said just after a day in its sentence is on that day ("on Wednesday at
    10 p.m.")."""
    if before.sentence != t.sentence or t.start - before.end > 8 or not before.value:
        return clock
    day = re.match(r"\d{4}-\d\d-\d\d", before.value)
    return Resolved(day.group() + clock.value[10:], clock.precision) if day else clock


def range_ends(times: list[TimeExpression], text: str) -> dict[tuple[int, str], TimeExpression]:
    """(sentence, text) of each expression that opens a range ("from October 2019 to March 2020",
    "between May 5 and 7") -> the expression that closes it. TIMEX3 marks each end as its own
    expression; what is said of the range lasts until its end."""
    out = {}
    for first, second in zip(times, times[1:]):
        if first.sentence == second.sentence and _RANGE_OPEN.search(text, max(0, first.start - 10), first.start) \
                and _RANGE_JOIN.fullmatch(text, first.end, second.start):
            out[(first.sentence, first.text)] = second
    return out


def timex3_type(t: TimeExpression) -> str:
    """TIMEX3's type: DATE, TIME (a day with a time or part of day: "2021-10-20TMO"), DURATION, SET."""
    if t.kind == "duration":
        return "DURATION"
    if t.kind == "set":
        return "SET"
    return "TIME" if t.value and re.match(r"\d{4}-\d\d-\d\dT", t.value) else "DATE"


def _context(t: TimeExpression, sentence: Sentence) -> str:
    """The words around an expression that can say it lies ahead ("will travel on Monday"); the
    whole sentence would let a far-away "will" move an unrelated date."""
    start = max(0, t.start - sentence.start - CONTEXT_BEFORE_CHARS)
    # after "until" the clause that follows says whether it held up to then ("Until Tuesday, the
    # board had not met": `_is_future`), so more of it is read
    after = CONTEXT_BEFORE_CHARS if _UNTIL_BEFORE.search(sentence.text, 0, t.start - sentence.start) else CONTEXT_AFTER_CHARS
    return sentence.text[start:t.end - sentence.start + after]


def _is_relative(text: str) -> bool:
    return not re.search(rf"\b{_YEAR}\b|\d{{4}}-\d\d", text)


def normalise_time(text: str, context: str, reference: date | None, day_first: bool = False,
                   tense: str | None = None) -> Resolved:
    """Value of one expression `text`, said in sentence `context`, against `reference`;
    `day_first` reads "4/5/2019" as 4 May; `tense` is its clause's tense from the parse
    (`TimeExpression.tense`), which the words around it can only add to."""
    at = context.rfind(text)
    if _YEAR_ENDED.fullmatch(text) and at >= 0 and _ENDED_AFTER.match(context, at + len(text)):
        return _year_ended(text, context, reference)
    for core in dict.fromkeys((text, _MODIFIER_AT_START.sub("", text) or text)):
        for name, pattern in _COMPILED:
            for form in (core, _prefix_for(name) + core):
                # a trailing " x" satisfies patterns that look ahead at the next word ("10-year war")
                match = pattern.match(form + " x")
                if pattern.fullmatch(form) or (match and match.end() == len(form)):
                    if name == "numeric":
                        return _numeric(core, day_first)
                    if name in _TENSED:
                        return _RESOLVERS[name](core, context, reference, tense)
                    return _RESOLVERS[name](core, context, reference)
    return Resolved(None, None)


def _prefix_for(name: str) -> str:
    """What the extent left out that the pattern needs: "in May" -> "May", "for years" -> "years",
    "in the fall" -> "the fall"."""
    return {"bare_month": "in ", "duration": "for ", "season": "in "}.get(name, "")


# ---------------------------------------------------------------- resolvers, one per pattern


def _second_day(text: str, context: str, reference: date | None) -> Resolved:
    """Alone, a day number has no month; `normalise_times` takes the month of the date before it."""
    return Resolved(None, "day")


def _absolute(text: str, context: str, reference: date | None) -> Resolved:
    import dateparser

    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    parsed = dateparser.parse(cleaned, languages=["en"], settings={"DATE_ORDER": "MDY",
                                                                    "PREFER_DAY_OF_MONTH": "first"})
    return Resolved(parsed.date().isoformat(), "day") if parsed else Resolved(None, None)


def _clock(text: str, context: str, reference: date | None, tense: str | None = None) -> Resolved:
    """A clock time on its day, TIMEX3 style: "10 p.m. Wednesday" -> "1998-02-11T22:00"; "noon" is
    T12:00 (so is "midday") and "midnight" T24:00 (TimeML's end of the day). Without a day named, the
    reference's day (`normalise_times` puts the day of a date said just before it in the sentence
    instead)."""
    lower = text.lower()
    clock = re.search(r"(\d{1,2})(?::(\d\d))?\s*([ap])\.?m|noon|midday|midnight", lower)
    if clock.group() in ("noon", "midday", "midnight"):
        hour, minute = (24, 0) if clock.group() == "midnight" else (12, 0)
    else:
        hour, minute = int(clock[1]) % 12 + (12 if clock[3] == "p" else 0), int(clock[2] or 0)
        if int(clock[1]) > 12:
            return Resolved(None, None)
    day_text = text[re.match(rf"{_CLOCK}{_ZONE}(?:,?\s+(?i:on\s+)?)?", text).end():]
    if day_text:
        day = normalise_time(day_text, context, reference, tense=tense).value
    else:
        day = reference.isoformat() if reference else None
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day[:10]):
        return Resolved(None, "day")
    return Resolved(f"{day[:10]}T{hour:02d}:{minute:02d}", "day")


def _numeric(text: str, day_first: bool) -> Resolved:
    """"4/5/2019": 5 April month first, 4 May day first; a number above 12 decides by itself. Dots
    are written day first wherever they are used ("3.4.2019" is 3 April: German, Russian, Dutch
    ...; no month-first country writes them)."""
    first, second, year = (int(x) for x in re.split(r"[/.]", text))
    if first > 12 or ((day_first or "." in text) and second <= 12):
        first, second = second, first
    day = _safe_date(year, first, second)
    return Resolved(day.isoformat() if day else None, "day")


def _month_day(text: str, context: str, reference: date | None, tense: str | None = None) -> Resolved:
    month = _month_number(text)
    digits = re.search(r"\d+", text)
    day = int(digits.group()) if digits else _day_ordinal(text)
    if reference is None or not 1 <= day <= 31:
        return Resolved(None, "day")
    options = [d for d in (_safe_date(reference.year + k, month, day) for k in (-1, 0, 1)) if d]
    # a day just passed in future context is that day, not next year's
    resolved = _by_tense(options, reference, _tense(context, text, tense), behind=FUTURE_TOLERANCE_DAYS)
    return Resolved(resolved.isoformat() if resolved else None, "day")


def _day_ordinal(text: str) -> int:
    """The day of "March eighth" / "the twenty-first of May"."""
    word = re.search(rf"(?i){_DAY_WORD}", text).group().lower()
    tens = 20 if word.startswith("twenty") and word != "twentieth" else 30 if word.startswith("thirty") else 0
    last = re.split(r"[- ]", word)[-1]
    return tens + (DAY_ORDINALS.index(last) + 1 if last in DAY_ORDINALS else 30 if last == "thirtieth" else 0)


def _by_tense(options: list[date], reference: date, tense: str | None, behind: int = 0) -> date | None:
    """The option the tense points to, nearest the reference: ahead in future context (or at most
    `behind` days behind it), not ahead in past context, else simply nearest (news names dates just
    past or just ahead)."""
    if tense == "future":
        options = [d for d in options if (reference - d).days <= behind] or options
    elif tense == "past":  # a date days ahead in past context is a deadline set ("asked to respond by Oct. 31")
        options = [d for d in options if (d - reference).days <= PAST_TOLERANCE_DAYS] or options
    return min(options, key=lambda d: (abs((d - reference).days), d > reference), default=None)


def _month_year(text: str, context: str, reference: date | None) -> Resolved:
    year = re.search(_YEAR, text)
    if year is None:  # "June last year"
        if reference is None:
            return Resolved(None, "month")
        shift = -1 if re.search(r"(?i)last\s+year", text) else 1 if re.search(r"(?i)next\s+year", text) else 0
        return Resolved(f"{reference.year + shift}-{_month_number(text):02d}", "month")
    return Resolved(f"{year.group()}-{_month_number(text):02d}", "month")


def _range(text: str, context: str, reference: date | None) -> Resolved:
    """"2009-2010", "1957-58": dated by the year the range starts (TIMEX3 has no range value)."""
    return Resolved(re.search(_YEAR, text).group(), "year")


def _quarter(text: str, context: str, reference: date | None) -> Resolved:
    ordinal = re.search(r"(?i)first|second|third|fourth|1st|2nd|3rd|4th|last|final", text).group().lower()
    unit = "H" if re.search(r"(?i)half", text) else "Q"
    number = ORDINAL_QUARTERS.get(ordinal) or (2 if unit == "H" else 4)  # "the last half": the second
    year_match = re.search(_YEAR, text)
    if year_match:
        return Resolved(f"{year_match.group()}-{unit}{number}", "approximate")
    if reference is None:
        return Resolved(None, "approximate")
    shift = -1 if re.search(r"(?i)last year|year-(?:ago|earlier)", text) else 1 if re.search(r"(?i)next year", text) else None
    if shift is not None or re.search(r"(?i)this year|of the year", text):
        return Resolved(f"{reference.year + (shift or 0)}-{unit}{number}", "approximate")
    current = (reference.month - 1) // (3 if unit == "Q" else 6) + 1
    year = reference.year if number <= current or _is_future(context) else reference.year - 1
    return Resolved(f"{year}-{unit}{number}", "approximate")


def _same_period(text: str, context: str, reference: date | None) -> Resolved:
    """Alone, "the same period last year" is last year; `normalise_times` puts the period the
    article named, a year before."""
    return Resolved(str(reference.year - 1), "year") if reference else Resolved(None, "year")


def _report_period(text: str, context: str, reference: date | None) -> Resolved:
    """"the latest quarter", "the year-ago period": in results news, the quarter just reported (the
    one before the reference's); `normalise_times` puts the quarter the article named instead."""
    year = re.search(_YEAR, text)
    if year:  # "the 1988 quarter": `normalise_times` puts the quarter the article named
        return Resolved(year.group(), "year")
    if reference is None:
        return Resolved(None, "approximate")
    index = reference.year * 4 + (reference.month - 1) // 3
    if not re.match(r"(?i)this|the\s+current", text):
        index -= 1
    if re.search(r"(?i)year-(?:ago|earlier)", text):
        index -= 4
    return Resolved(f"{index // 4}-Q{index % 4 + 1}", "approximate")


def _year_ago(text: str, context: str, reference: date | None) -> Resolved:
    """Alone, "year-earlier (profit)" is last year; `normalise_times` puts the period the article
    named, a year before."""
    return Resolved(str(reference.year - 1), "year") if reference else Resolved(None, "year")


def _year_ended(text: str, context: str, reference: date | None) -> Resolved:
    """"the (fiscal) year ended March 31": a year long, ending on the day named after it."""
    return Resolved("P1Y", "year", "duration")


def _period_end(text: str, context: str, reference: date | None) -> Resolved:
    if reference is None:
        return Resolved(None, "approximate")
    if text.lower().endswith("month"):
        return Resolved(f"{reference.year}-{reference.month:02d}", "month")
    if text.lower().endswith("week"):  # "by the end of the week": the reference's ISO week
        iso = reference.isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}", "week")
    return Resolved(str(reference.year), "year")


def _decade(text: str, context: str, reference: date | None) -> Resolved:
    """TIMEX3 writes a decade as its first three digits: "the 1990s" -> "199"."""
    match = re.search(r"(\d{4})s", text)
    if match:
        return Resolved(match.group(1)[:3], "decade")
    word = re.search(rf"(?i){_DECADE_WORD}", text)
    if word:
        tens = DECADE_WORDS.index(word.group().lower()) + 2
        return Resolved(f"19{tens}", "decade")
    short = re.search(r"'(\d)0s", text).group(1)
    # the latest such decade that has begun by the reference: "the '80s" in 1989 is the 1980s
    century = "19" if reference is None or int(short) * 10 > reference.year % 100 else str(reference.year // 100)
    return Resolved(f"{century}{short}", "decade")


def _century(text: str, context: str, reference: date | None) -> Resolved:
    """TIMEX3 writes a century as its first two digits: "the 20th century" -> "19"."""
    ordinal = re.sub(r"\s+", "-", re.search(rf"(?i){_ORDINAL}", text).group().lower())
    number = int(re.match(r"\d+", ordinal).group()) if ordinal[0].isdigit() else ORDINALS.index(ordinal) + 1
    return Resolved(f"{number - 1:02d}", "century")


def _fiscal(text: str, context: str, reference: date | None) -> Resolved:
    # TimeBank annotates "fiscal 1989" as the year 1989; a company's fiscal calendar is unknown here.
    return Resolved(re.search(_YEAR, text).group(), "year")


def _day_word(text: str, context: str, reference: date | None) -> Resolved:
    if reference is None:
        return Resolved(None, "day")
    lower = text.lower()
    shift = -1 if re.search(r"\b(?:yesterday|last)\b", lower) else 1 if "tomorrow" in lower else 0
    day = (reference + timedelta(days=shift)).isoformat()
    return Resolved(day + _part_of_day(lower), "day")


def _part_of_day(lower: str) -> str:
    """TIMEX3's part-of-day suffix: "this morning" -> "TMO"."""
    for word, code in PARTS_OF_DAY.items():
        if word in lower:
            return "T" + code
    return ""


def _weekday(text: str, context: str, reference: date | None, tense: str | None = None) -> Resolved:
    if reference is None:
        return Resolved(None, "day")
    lower = text.lower()
    target = next(i for i, name in enumerate(WEEKDAYS) if name in lower)
    back = (reference.weekday() - target) % 7
    # "Sunday night" is that Sunday, as TBAQ's AQUAINT writes 8 of 12 ("Friday night" is no TNI
    # there); a weekday's morning, afternoon or evening keeps its part ("2000-01-28TMO")
    suffix = "" if lower.endswith("night") else _part_of_day(lower)
    before = context[:max(0, context.rfind(text))]
    said_then = _PAST_VERB_BEFORE.search(before) or _PAST_RIGHT_BEFORE.search(before)  # "said Wednesday it would"
    # a clause the parse reads as past keeps its weekday behind a future word of another phrase
    # ("approved the upcoming budget on Tuesday and would vote"), not one that introduces it ("gave
    # them until Tuesday": a deadline)
    introduced = _FUTURE_RIGHT_BEFORE.search(before)
    ahead_of = tense != "past" and not said_then and _AHEAD_OF_RIGHT_BEFORE.search(before)
    # a possessive weekday dates its noun ("get around Wednesday's ruling"): only the parse of the
    # clause that noun sits in ("will face off in Tuesday's debate") puts it ahead, not a future word
    # the window catches of the verb above it ("would look for ways to get around Wednesday's
    # ruling": the ruling was Wednesday; TimeBank and AQUAINT's tuning half, 19 of 19 behind)
    at = context.rfind(text)
    possessive = at >= 0 and context.startswith(("'s", "’s"), at + len(text))
    ahead = (tense == "future" or bool(ahead_of)
             or (_is_future(context) and not said_then and not possessive and (tense != "past" or introduced)))
    if lower.startswith(("next", "coming")) or (ahead and not lower.startswith("last")):
        forward = (target - reference.weekday()) % 7 or (7 if lower.startswith("next") else 0)
        return Resolved((reference + timedelta(days=forward)).isoformat() + suffix, "day")
    if lower.startswith("last") and back == 0:
        back = 7
    return Resolved((reference - timedelta(days=back)).isoformat() + suffix, "day")


def _anaphoric(text: str, context: str, reference: date | None) -> Resolved:
    """Alone, "the following year" counts from the reference; `normalise_times` counts it from
    the date the article named last (`_from_antecedent`)."""
    return _from_antecedent(text, [], reference) if reference else Resolved(None, None)


def _relative(text: str, context: str, reference: date | None) -> Resolved:
    lower = re.sub(r"\s+or\s+so$", "", text.lower())  # "the next year or so"
    unit = lower.split()[-1]
    precision = "week" if unit in ("week", "weekend") else unit if unit in ("month", "year") else "approximate"
    if reference is None:
        return Resolved(None, precision)
    shift = -1 if re.search(r"\b(last|past|previous)\b", lower) else 1 if re.search(r"\b(next|coming)\b", lower) else 0
    if lower == "the weekend" and reference.weekday() < 5 and not _is_future(context):
        shift = -1  # "over the weekend" in a weekday's news: the one just past
    if unit in ("week", "weekend"):
        iso = (reference + timedelta(weeks=shift)).isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}" + ("-WE" if unit == "weekend" else ""), "week")
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + shift
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "year":
        return Resolved(str(reference.year + shift), "year")
    if unit == "quarter":
        index = reference.year * 4 + (reference.month - 1) // 3 + shift
        return Resolved(f"{index // 4}-Q{index % 4 + 1}", "approximate")
    if unit == "decade":  # TIMEX3 writes a decade as its first three digits: "the last decade" in 1998 -> "198"
        return Resolved(str(reference.year // 10 + shift), "decade")
    return Resolved(f"{_season_year(SEASONS[unit], reference, shift)}-{SEASONS[unit]}", "approximate")


def _ago(text: str, context: str, reference: date | None) -> Resolved:
    count = count_of(text)
    unit = unit_of(text)
    sign = 1 if re.search(r"(?i)from\s+now", text) else -1
    if reference is None:
        return Resolved(None, "approximate")
    if count is None:  # "a few years ago": some time before the reference
        return Resolved("PAST_REF" if sign < 0 else "FUTURE_REF", "approximate")
    count = int(count)  # "2 1/2 years ago": the calendar unit it falls in
    if unit == "day":
        return Resolved((reference + timedelta(days=sign * count)).isoformat(), "day")
    if unit == "week":
        iso = (reference + timedelta(weeks=sign * count)).isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}", "week")
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + sign * count
        return Resolved(f"{index // 12}-{index % 12 + 1:02d}", "month")
    if unit == "year":
        year = reference.year + sign * count
        # "2,500 years ago": before year 1 no calendar year is written; "1,200 years ago" is "0819"
        return Resolved(f"{year:04d}", "year") if year >= 1 else Resolved("PAST_REF", "approximate")
    if unit in ("decade", "century"):  # TIMEX3 keeps the expression's granularity: "a decade ago" in 1998 -> "198"
        shifted = reference.year + sign * count * (10 if unit == "decade" else 100)
        return Resolved(str(shifted // 10) if unit == "decade" else f"{shifted // 100:02d}", unit)
    return Resolved(None, "approximate")


def _duration(text: str, context: str, reference: date | None) -> Resolved:
    """TIMEX3 DURATION values (`durations.duration_value`); "(will) one day" is FUTURE_REF, not a
    day long."""
    if _SOME_FUTURE_DAY.search(context[:max(0, context.rfind(text))] + text):
        return Resolved("FUTURE_REF", "approximate")
    value, precision = duration_value(_YEAR_AGO_WORD.sub("", text))  # "the year-earlier nine months": P9M
    return Resolved(value, precision, "duration")


def _set(text: str, context: str, reference: date | None) -> Resolved:
    """TIMEX3 SET values: "every day"/"daily" -> "P1D", "every morning" -> "XXXX-XX-XXTMO",
    "each Thursday"/"Thursdays" -> "XXXX-WXX-4", "Tuesday nights" -> "XXXX-WXX-2TNI", "each July"
    -> "XXXX-07", "each spring" -> "XXXX-SP" (the calendar value with its unknown parts written X,
    TimeML 1.2.1 guidelines)."""
    lower = text.lower()
    if lower.endswith("weekends"):  # "on weekends": every weekend, TIMEX3's "WE" in an unknown week
        return Resolved("XXXX-WXX-WE", None, "set")
    weekday = next((i for i, name in enumerate(WEEKDAYS) if name in lower), None)
    if weekday is not None:
        return Resolved(f"XXXX-WXX-{weekday + 1}{_part_of_day(lower)}", None, "set")
    if re.search(_MONTH, text):
        return Resolved(f"XXXX-{_month_number(text):02d}", None, "set")
    season = re.search(r"(?i)spring|summer|fall|autumn|winter", text)
    if season:  # "each spring": TIMEX3's season code in an unknown year
        return Resolved(f"XXXX-{SEASONS[season.group().lower()]}", None, "set")
    if any(part in lower for part in PARTS_OF_DAY):
        return Resolved("XXXX-XX-XX" + _part_of_day(lower), None, "set")
    unit = SET_ADVERBS.get(lower) or unit_of(text)
    prefix = "PT" if unit in ("hour", "minute") else "P"
    # "every two years": P2Y; "twice a year" is P1Y (the times are TIMEX3's freq, not its value)
    every = 2 if "other" in lower else int(count_of(re.sub(r"(?i)^every\s+|^.*\b(?:a|an|per)\s+", "", text)) or 1)
    return Resolved(f"{prefix}{every}{UNIT_CODES[unit]}", None, "set")


def _season(text: str, context: str, reference: date | None) -> Resolved:
    season = SEASONS[re.search(r"(?i)spring|summer|autumn|winter|fall", text).group().lower()]
    year = re.search(_YEAR, text)
    if year:
        return Resolved(f"{year.group()}-{season}", "approximate")
    spoken = re.search(r"(?i)nineteen\b.*", text)  # "the winter of nineteen ninety-four"
    if spoken:
        return Resolved(f"{_spoken_year(spoken.group(), context, reference).value}-{season}", "approximate")
    if reference is None:
        return Resolved(None, "approximate")
    direction = -1 if re.match(r"(?i)last|this\s+past", text) else 1 if re.match(r"(?i)next", text) else 0
    return Resolved(f"{_season_year(season, reference, direction)}-{season}", "approximate")


def _season_year(season: str, reference: date, direction: int) -> int:
    """The year of the season said "last" (-1: the latest one that ended before the current
    season began: "last summer" said in October is this year's), "next" (+1: the first one that
    starts after the reference) or "this" (0: the reference's year), as HeidelTime resolves them."""
    starts = [date(year, SEASON_START_MONTH[season], 1) for year in range(reference.year - 2, reference.year + 2)]
    if direction == 0:
        return reference.year
    if direction > 0:
        return next(s for s in starts if s > reference).year
    current = max(date(year, month, 1) for year in (reference.year - 1, reference.year)
                  for month in SEASON_START_MONTH.values() if date(year, month, 1) <= reference)
    return max(s for s in starts if s < current).year


def _bare_month(text: str, context: str, reference: date | None, tense: str | None = None) -> Resolved:
    """A month without a year: "this May" is this year's; "next"/"last" and the tense of the
    context choose ahead or behind ("is due to be published in May" on a March page is this May);
    with neither, the nearest such month."""
    month = _month_number(text)
    if reference is None:
        return Resolved(None, "month")
    lower = text.lower()
    if lower.startswith("this"):
        return Resolved(f"{reference.year}-{month:02d}", "month")
    tense = "future" if lower.startswith("next") else "past" if lower.startswith("last") else _tense(context, text, tense)
    firsts = [date(reference.year + k, month, 1) for k in (-1, 0, 1)]
    this_month = date(reference.year, reference.month, 1)
    if lower.startswith(("next", "last")):
        firsts = [d for d in firsts if d != this_month]
    if tense == "past":
        firsts = [d for d in firsts if d <= this_month] or firsts
    chosen = _by_tense(firsts, this_month, tense)
    return Resolved(f"{chosen.year}-{month:02d}", "month")


def _holiday(text: str, context: str, reference: date | None, tense: str | None = None) -> Resolved:
    """"Christmas", "Thanksgiving 1997": the holiday's day in the year said, else the year the
    tense points to, nearest the reference (as month-days are read); "Easter week" is the ISO week
    of that day."""
    name = re.match(holidays.PATTERN, text).group()
    year = re.search(_YEAR, text)
    if year:
        day = holidays.holiday_date(name, int(year.group()))
    elif reference is None:
        return Resolved(None, "day")
    else:
        options = [holidays.holiday_date(name, reference.year + k) for k in (-1, 0, 1)]
        day = _by_tense(options, reference, _tense(context, parsed=tense))
    if re.search(r"(?i)week$", text):
        iso = day.isocalendar()
        return Resolved(f"{iso[0]}-W{iso[1]:02d}", "week")
    return Resolved(day.isoformat(), "day")


def _spoken_year(text: str, context: str, reference: date | None) -> Resolved:
    """A year said in words, as broadcast transcripts write it: "January nineteen ninety-seven"."""
    lower = text.lower()
    year = 2000 if "thousand" in lower else 1900 + int(count_of(lower.split("nineteen", 1)[1]) or 0)
    if re.match(_MONTH, text):
        return Resolved(f"{year}-{_month_number(text.split()[0]):02d}", "month")
    return Resolved(str(year), "year")


def _year(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved(re.search(_YEAR, text).group(), "year")


def _present(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved("PRESENT_REF", "approximate")


def _past_ref(text: str, context: str, reference: date | None) -> Resolved:
    """"recently", "the past": PAST_REF. "(in) recent years" names a stretch of units of unknown
    length: a TIMEX3 duration "PXY" (how TimeBank and AQUAINT write it 7 times of 11)."""
    if re.search(r"(?i)recent\s+\w+s$", text):
        value, precision = duration_value(text)
        return Resolved(value, precision, "duration")
    return Resolved("PAST_REF", "approximate")


def _future_ref(text: str, context: str, reference: date | None) -> Resolved:
    return Resolved("FUTURE_REF", "approximate")


_RESOLVERS = {"clock": _clock, "iso": _absolute, "full": _absolute, "month_day": _month_day,
              "second_day": _second_day, "month_year": _month_year, "range": _range, "report_period": _report_period, "year_ago": _year_ago, "period_end": _period_end, "quarter": _quarter, "decade": _decade,
              "century": _century, "fiscal": _fiscal, "day_word": _day_word, "weekday": _weekday,
              "relative": _relative, "anaphoric": _anaphoric, "ago": _ago, "unit_adjective": _duration, "duration": _duration,
              "set": _set, "season": _season, "bare_month": _bare_month, "year": _year, "spoken_year": _spoken_year,
              "same_period": _same_period, "year_ended": _year_ended, "holiday": _holiday, "present": _present, "past_ref": _past_ref, "future_ref": _future_ref}
# Resolvers that also take the clause's tense from the parse.
_TENSED = frozenset({"clock", "month_day", "weekday", "bare_month", "holiday"})


# ---------------------------------------------------------------- helpers


def _month_number(text: str) -> int:
    lower = text.lower()
    for number, name in enumerate(MONTHS, start=1):
        if re.search(rf"\b{name[:3]}", lower):
            return number
    raise ValueError(f"no month in {text!r}")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_future(context: str) -> bool:
    """Whether the words say ahead; "until" alone does not when a past perfect says the state
    held up to then ("Until Thursday, they had not called him a suspect")."""
    cues = {m.group().lower() for m in _FUTURE.finditer(context)}
    if not cues or _PAST_PLAN.search(context):
        return False
    return cues != {"until"} or not _HAD.search(context)


def _tense(context: str, text: str = "", parsed: str | None = None) -> str | None:
    """"future", "past" or None: what the words around an expression say about when it lies,
    with `parsed`, its clause's tense from the parse: either saying "future" wins (a plan told in
    the past still lies ahead), then either saying "past". The words before it speak first: in
    "launched in mid-July, will run" the launch is past; "since January" is always behind."""
    at = context.rfind(text) if text else -1
    if at >= 0 and _SINCE_BEFORE.search(context, 0, at):
        return "past"
    if parsed == "past":  # "initiated four rounds of planned outages in October": October is behind
        context = _FUTURE_MODIFIER.sub(lambda m: " " * len(m.group()), context)
    said = _said_tense(context, text, at)
    if "future" in (parsed, said):
        return "future"
    if at >= 0 and "past" not in (parsed, said) and _BY_BEFORE.search(context, 0, at):
        return "future"  # "must leave by December": a deadline, ahead unless told as past
    return said or parsed


def _said_tense(context: str, text: str, at: int) -> str | None:
    parts = (context[:at], context[at + len(text):]) if at >= 0 else (context,)
    for part in parts:
        if _is_future(part):
            return "future"
        if _PAST.search(part):
            return "past"
    return None
