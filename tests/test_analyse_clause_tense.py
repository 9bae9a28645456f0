"""The tense of a time expression's clause, from the parse, moves weekdays and bare months ahead
or back where the words right around the expression say nothing or mislead. Sentences written
for these tests; the reference date is a Friday."""

from __future__ import annotations

from datetime import date

import pytest

from dossier.analyse.clause_tense import with_tenses
from dossier.analyse.entities import normalise_for_nlp
from dossier.analyse.parses import SentenceParses
from dossier.analyse.sentences import split_sentences
from dossier.analyse.timex import find_times, normalise_times

FRIDAY = date(2021, 11, 19)


@pytest.fixture()
def values(resources):
    def run(text: str, parse: bool = True) -> dict[str, str | None]:
        sentences = split_sentences(text)
        times = find_times(text, sentences)
        if parse:
            times = with_tenses(times, sentences, SentenceParses(resources.nlp(), normalise_for_nlp(text)))
        return {t.text: t.value for t in normalise_times(times, sentences, FRIDAY)}
    return run


def test_a_plan_told_far_from_its_weekday_lies_ahead(values):
    text = "Farmers were planning to drive their tractors around the regional parliament building on Monday."
    assert values(text, parse=False)["Monday"] == "2021-11-15"  # the words near "Monday" say nothing
    assert values(text)["Monday"] == "2021-11-22"


def test_a_modal_clause_puts_the_weekday_ahead(values):
    assert values("The delegation from the northern provinces might arrive in the capital on Tuesday.")["Tuesday"] \
        == "2021-11-23"


def test_the_object_of_a_planning_verb_lies_ahead(values):
    assert values("Unions planned a large rally in the old town on Saturday.")["Saturday"] == "2021-11-20"


def test_a_past_clause_keeps_the_weekday_behind(values):
    assert values("Rescuers pulled three survivors from the collapsed hotel on Wednesday.")["Wednesday"] == "2021-11-17"
    # "could" is past ability as often as it is ahead: it moves nothing
    assert values("Neither of the two ministers could be reached for comment on Wednesday.")["Wednesday"] == "2021-11-17"


def test_a_past_clause_puts_a_bare_month_in_the_year_behind(values):
    text = "In March, the chemical maker received a takeover offer from a rival group."
    assert values(text, parse=False)["March"] == "2022-03"  # nearest month, as if nothing were said
    assert values(text)["March"] == "2021-03"


def test_expressions_with_their_year_are_not_parsed(resources):
    text = "The plant was closed on Monday, Nov. 15, 2021."
    sentences = split_sentences(text)

    class NoParses(SentenceParses):
        def docs(self, chosen):
            assert not chosen, "nothing here depends on tense"
            return []

    times = find_times(text, sentences)
    assert [t for t in times if "2021" in t.text]
    assert all(t.tense is None for t in with_tenses([t for t in times if "2021" in t.text], sentences,
                                                      NoParses(None, text)))


def test_a_modal_perfect_looks_back(values):
    text = "Worries about the chip may have been responsible for a fall in the maker's shares on Wednesday."
    assert values(text)["Wednesday"] == "2021-11-17"


def test_a_plan_told_in_the_past_perfect_lies_behind(values):
    text = "The offer, which the directors have rejected, had been scheduled to expire at midnight Tuesday."
    assert values(text)["midnight Tuesday"] == "2021-11-16T24:00"
    assert values("The union had planned a march on Saturday.", parse=False)["Saturday"] == "2021-11-13"
    assert values("The union had planned a march on Saturday.")["Saturday"] == "2021-11-13"
    # the perfect sits on the copula of "due": the plan is still behind
    assert values("The tender offer had been due to expire on Thursday evening.")["Thursday evening"] \
        == "2021-11-18TEV"


def test_a_time_put_before_a_past_verb_of_planning_dates_the_planning(values):
    text = "On Wednesday, the regional government planned to pay the first claims of the flood victims."
    assert values(text)["Wednesday"] == "2021-11-17"
    # after the planned object the time is the plan's own
    assert values("Unions planned a large rally in the old town on Saturday.")["Saturday"] == "2021-11-20"


def test_a_past_clause_keeps_its_weekday_behind_a_future_word_of_another_phrase(values):
    # the page's Friday: the Tuesday before, though "upcoming" / "would" stand near the weekday
    assert values("The council approved the upcoming budget on Tuesday.")["Tuesday"] == "2021-11-16"
    assert values("The council approved the plan on Tuesday that will expand the park.")["Tuesday"] == "2021-11-16"
    assert values("The council said it approved the plan on Tuesday and would vote again.")["Tuesday"] == "2021-11-16"
    # a future word that introduces the time still puts it ahead: a deadline set in the past
    assert values("The agency gave the family until 9 a.m. Tuesday to sign the papers.")["9 a.m. Tuesday"] \
        == "2021-11-23T09:00"
