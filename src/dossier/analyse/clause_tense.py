"""Past or future: the tense of the clause a time expression sits in, read from its dependency parse.

Weekdays, month-days and bare months resolve ahead of or behind the reference date by tense
(`timex`). A window of words around the expression misses the verb when it is far away ("were
planning to drive around Miami International Airport on Monday") and can catch a verb of another
clause; the parse names the verb that governs the expression (`predicates.time_owners`).
Rules: a future or modal auxiliary, or a verb of planning above the expression, says "future"
("might come on Tuesday", "planned a rally on Saturday"), unless the time stands before a past
verb of planning and so dates the planning ("On Friday, the government planned to pay"); a past
form or past auxiliary says "past" ("met Monday", "was announced Wednesday"), and so does a modal
perfect or a plan told in the past perfect ("may have been behind Wednesday's fall", "had been
scheduled to expire Friday"); anything else (present, bare infinitive) says nothing, and the word
window decides. Chosen on TempEval-3 TimeBank and every other AQUAINT
file from the first (benchmarks/time_tempeval.py), where the word window alone left 20 future
weekdays and months behind the reference.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dossier.analyse.parses import SentenceParses
from dossier.analyse.predicates import FUTURE_AUX, MODALS, time_owners, verb_tense
from dossier.model import Sentence, TimeExpression

# "could" and "can" are left out: as often past ability ("could not be reached Wednesday") as ahead.
FUTURE_AUXILIARIES = FUTURE_AUX | (MODALS - {"could", "can", "ought"})
# Verbs whose object or "to"-clause lies ahead of when they are said ("plans to visit on Monday").
PLAN_VERBS = frozenset({"plan", "expect", "schedule", "intend", "prepare", "aim", "propose", "threaten", "vow",
                        "promise", "hope"})
# Words before a "to"-clause that put it ahead ("due to meet Friday", "ready to leave on Tuesday").
AHEAD_WORDS = frozenset({"due", "set", "scheduled", "expected", "ready", "poised", "going"})
# Expressions whose value depends on tense: a weekday or a month named without its year.
_DIRECTIONAL = re.compile(r"(?i)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                          r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def with_tenses(times: list[TimeExpression], sentences: list[Sentence],
                parses: SentenceParses) -> list[TimeExpression]:
    """`times` with `tense` set ("past", "future" or None) on each weekday or month named without
    a year whose sentence is in `sentences` (those the caller allows to be parsed); the others
    are returned as they are."""
    directional = [t for t in times if _DIRECTIONAL.search(t.text) and not _YEAR.search(t.text)]
    by_index = {s.index: s for s in sentences}
    chosen = [by_index[i] for i in sorted({t.sentence for t in directional}) if i in by_index]
    tenses: dict[int, str | None] = {}
    for sentence, doc in zip(chosen, parses.docs(chosen)):
        own = [t for t in directional if t.sentence == sentence.index]
        for t, owner in time_owners(doc, sentence, own):
            before = owner is not None and t.start - sentence.start < owner.idx
            tenses[t.start] = clause_tense(owner, before)
    return [replace(t, tense=tenses[t.start]) if tenses.get(t.start) else t for t in times]


def clause_tense(owner, before: bool = False) -> str | None:
    """"future", "past" or None for the clause whose predicate is the spaCy token `owner` (a verb,
    or an event noun whose verb is read instead); `before`: the time stands before its predicate."""
    if owner is None:
        return None
    verb = owner if owner.pos_ in ("VERB", "AUX") else \
        next((a for a in owner.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    auxiliaries = _auxiliaries(verb)
    if auxiliaries & MODALS and "have" in auxiliaries:
        return "past"  # "may have been responsible on Wednesday": a modal perfect looks back
    if auxiliaries & FUTURE_AUXILIARIES or _plans(verb, owner, before):
        return "past" if "had" in auxiliaries else "future"  # "had planned a rally on Saturday"
    if "to" in auxiliaries and verb.tag_ == "VB":  # an infinitive is as far ahead as what it depends on
        head = verb.head
        if head.lemma_ not in PLAN_VERBS and head.lower_ not in AHEAD_WORDS:
            return None
        # a plan told in the past perfect lies behind: "had been scheduled to expire Friday"; after
        # "due"/"set" the perfect is the copula's ("had been due to expire Friday")
        governor = head.head if head.dep_ == "acomp" else head
        return "past" if "had" in _auxiliaries(governor) else "future"
    tense = verb_tense(verb)  # past forms, past auxiliaries, the present perfect
    return tense if tense in ("past", "future") else None


def _auxiliaries(verb) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _plans(verb, owner, before: bool = False) -> bool:
    """A verb of planning whose plan the time belongs to: the time sits under what is planned, or
    beside a planned object ("planned a rally on Saturday": the rally is on Saturday). A time put
    before a past verb of planning dates the planning ("On Friday, the government planned to pay")."""
    if verb.lemma_ not in PLAN_VERBS or (before and verb.i == owner.i and verb.tag_ == "VBD"):
        return False
    return verb.i != owner.i or any(c.dep_ in ("dobj", "xcomp") for c in verb.children)
