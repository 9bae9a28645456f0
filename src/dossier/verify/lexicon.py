"""Closed word lists the fact-slot extractor reads: negation, hedging, attribution cues, numbers.

Lists are frozen sets of lower-case words so lookups are cheap and nothing can mutate them.
"""

from __future__ import annotations

NEGATION_CUES = frozenset({
    "not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor", "without",
    "unable", "cannot", "can't", "won't", "didn't", "doesn't", "don't", "isn't", "wasn't", "aren't",
    "weren't", "hasn't", "haven't", "hadn't", "wouldn't", "shouldn't", "couldn't",
    "fail", "fails", "failed", "refuse", "refuses", "refused",
    "decline", "declines", "declined", "nowhere",
})  # "deny" takes a clause, not a predicate: it is an attribution cue (CUE_CLASSES) instead

# Negation said another way: a sentence with one of these may negate without a cue above
# ("unless the subsidies are repealed" = "if the subsidies are not repealed"); a negated subject
# negates its clause's predicate, however far ("None of the buyers were charged" = "the buyers were
# not charged").
NEGATION_REWORDINGS = frozenset({"unless", "lack", "lacks", "lacked", "lacking", "absent", "absence",
                                 "neither", "nor", "instead", "rather", "none", "nobody", "nothing"})

# Words that carry no predicate of their own: the negated predicate is the next word after them.
NEGATION_SKIP = frozenset({
    "be", "been", "being", "is", "are", "was", "were", "to", "a", "an", "the", "have", "has", "had",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "yet", "ever", "even", "also", "longer", "any", "only", "just", "so", "very", "it", "its",
    "that", "this", "their", "his", "her", "they", "he", "she", "we", "you", "i",
    "been", "much", "more", "all", "at",
}) | NEGATION_CUES

# Modals that make a claim conditional already: against one of these a hedge is rewording
# ("would attend" / "could attend"), against a plain assertion it is a change.
SOFT_MODALS = frozenset({"would", "could", "can", "may", "might", "should"})

HEDGE_CUES = frozenset({
    "may", "might", "could", "possibly", "perhaps", "probably", "probable", "likely", "unlikely", "reportedly",
    "allegedly", "apparently", "purportedly", "seemingly", "supposedly", "suspected", "presumably",
    "rumoured", "rumored", "believed", "appears", "appeared", "seems", "seemed",
})

# Attribution verbs by stance. Moving a cue between classes changes how the claim is presented
# ("said" -> "claimed" casts doubt); moving inside a class is rewording ("said" -> "stated").
CUE_CLASSES: dict[str, frozenset[str]] = {
    "neutral": frozenset({
        "say", "says", "said", "saying", "state", "states", "stated", "stating", "tell", "tells",
        "told", "telling", "note", "notes", "noted", "noting", "add", "adds", "added", "adding",
        "explain", "explains", "explained", "explaining", "remark", "remarked", "announce",
        "announced", "announces", "report", "reported", "reports", "write", "wrote", "writes",
        "comment", "commented", "mention", "mentioned", "stress", "stressed", "stressing",
        "emphasize", "emphasized", "emphasised", "emphasizing", "emphasising", "underline",
        "underlined", "highlight", "highlighted", "indicate", "indicated", "declare", "declared",
        "observe", "observed", "respond", "responded", "reply", "replied", "answer", "answered",
        "argue", "argues", "argued", "arguing",  # news style uses it for reasoning, not doubt
    }),
    "doubt": frozenset({
        "claim", "claims", "claimed", "claiming", "allege", "alleges", "alleged", "alleging",
        "insist", "insists", "insisted", "insisting", "contend", "contends", "contended",
        "purport", "purported", "maintain", "maintained",
        "assert", "asserted", "asserting", "asserts",
    }),
    "concession": frozenset({
        "admit", "admits", "admitted", "admitting", "concede", "concedes", "conceded", "confess",
        "confessed", "acknowledge", "acknowledged", "acknowledges", "acknowledging",
    }),
    "denial": frozenset({"deny", "denies", "denied", "denying", "dispute", "disputed", "reject",
                         "rejected"}),
    "boast": frozenset({"boast", "boasts", "boasted", "brag", "bragged", "trumpet", "trumpeted"}),
    "warning": frozenset({"warn", "warns", "warned", "warning", "threaten", "threatened"}),
}
CUE_CLASS_OF = {word: cls for cls, words in CUE_CLASSES.items() for word in words}

# Quantity phrases that mean the same bound ("over 700" = "more than 700"), mapped to one token.
BOUND_PHRASES = (  # longer phrases first: "no fewer than" before "fewer than"
    ("no fewer than", ">="), ("no less than", ">="), ("not less than", ">="), ("not fewer than", ">="),
    ("no more than", "<="), ("not more than", "<="),
    ("more than", ">"), ("over", ">"), ("above", ">"), ("in excess of", ">"), ("upwards of", ">"),
    ("fewer than", "<"), ("less than", "<"), ("under", "<"), ("below", "<"),
    ("about", "~"), ("around", "~"), ("roughly", "~"), ("approximately", "~"), ("nearly", "~"),
    ("almost", "~"), ("some", "~"), ("at least", ">="), ("at most", "<="), ("up to", "<="),
)

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "half": 0.5,
}
MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3,
               "m": 1e6, "bn": 1e9, "mln": 1e6, "hundred": 100}

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# A unit or title written short and the word it stands for: one wording ("a 30 minute activity" /
# "a 30 min activity"), never a changed word.
ABBREVIATIONS = {
    "sec": "second", "secs": "seconds", "min": "minute", "mins": "minutes", "hr": "hour", "hrs": "hours",
    "wk": "week", "wks": "weeks", "mo": "month", "mos": "months", "yr": "year", "yrs": "years",
    "km": "kilometre", "kms": "kilometres", "mi": "mile", "ft": "foot", "yd": "yard", "yds": "yards",
    "kg": "kilogram", "kgs": "kilograms", "lb": "pound", "lbs": "pounds", "oz": "ounce", "mph": "miles",
    "pct": "percent", "approx": "approximately", "dept": "department", "govt": "government",
    "st": "street", "ave": "avenue", "blvd": "boulevard", "rd": "road", "mt": "mount",
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "sgt": "sergeant",
    "lt": "lieutenant", "capt": "captain", "col": "colonel", "prof": "professor", "dr": "doctor",
    "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
    "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
    "dec": "december",
}
WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
            "saturday": 6, "sunday": 7}

# Words too common to anchor a position in a sentence (used when locating a substituted word).
STOPWORDS = frozenset("""
a an the and or but of to in on at by for with from as is are was were be been being it its this
that these those he she they we you i his her their our your them him us me who whom which what
when where why how has have had do does did will would shall should can could may might must not
no so than then there here also very just only into over under about after before while if
""".split())
