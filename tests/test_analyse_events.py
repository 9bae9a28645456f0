"""Events, reference dates and lineage anchoring on hand-built articles."""

import pytest

from dossier.analyse import analyse_article, anchor_times
from dossier.model import Article, Link


@pytest.fixture(scope="module")
def analyse(resources):
    def run(id, text, **kw):
        return analyse_article(Article(id=id, source=f"{id}.txt", text=text, **kw), resources)
    return run


def events_of(article, kind):
    return [e for e in article.events if e.type == kind]


def test_background_history_and_nearest_date(analyse):
    a = analyse("a", "Talks Open In Vienna\nOn Tuesday, Austria hosted talks in Vienna with Iran.\n"
                     "Austria designated the group as a terrorist organization in 2003, and its removal from "
                     "the list is now discussed.\nThe Soviet Union fought a 10-year war that ended with the "
                     "withdrawal of its troops in 1989.",
                page_date="2021-06-10", page_date_trust="ok")
    talks = events_of(a, "talks")[0]
    assert talks.date == "2021-06-08" and not talks.background and talks.place == "Vienna"
    designation = events_of(a, "designation")[0]
    assert designation.date == "2003" and designation.background
    assert events_of(a, "delisting")[0].date is None  # the year belongs to the designation
    withdrawal = events_of(a, "withdrawal")[0]
    assert withdrawal.date == "1989" and withdrawal.background
    assert withdrawal.evidence[0].text.startswith("The Soviet Union fought")


def test_weak_page_date_is_never_a_reference(analyse):
    a = analyse("b", "On Wednesday, ministers met in Oslo for talks.", page_date="2023-03-20", page_date_trust="weak")
    assert a.times[0].value is None
    assert events_of(a, "talks")[0].date is None and a.event_date is None


def test_negated_trigger_is_no_event(analyse):
    a = analyse("c", "No country has officially recognized the new government.")
    assert not events_of(a, "recognition")


def test_article_establishes_its_own_event_date(analyse):
    a = analyse("d", "Delegates attend a conference in Geneva on October 20, 2021.\n"
                     "During today's meetings, the delegates agreed on a text.")
    assert a.event_date == "2021-10-20"


def test_lineage_anchors_a_copy_on_the_original_and_is_idempotent(analyse):
    original = analyse("o", "Delegates attend a conference in Geneva on October 20, 2021.\n"
                            "During today's meetings, the delegates spoke about trade.")
    copy = analyse("c2", "On Wednesday, delegates held talks in Geneva. The meeting was preceded by "
                         "consultations earlier this week.", page_date="2023-03-20", page_date_trust="weak")
    assert copy.times[0].value is None
    links = [Link(a="o", b="c2", kind="rewrite", score=0.9, direction="a_to_b")]
    anchor_times([original, copy], links)
    first = [(t.value, t.anchor) for t in copy.times]
    assert first[0] == ("2021-10-20", "2021-10-20")
    assert events_of(copy, "talks")[0].date == "2021-10-20"
    anchor_times([original, copy], links)
    assert [(t.value, t.anchor) for t in copy.times] == first
    anchor_times([original, copy], [])  # link gone: back to the copy's own (unresolved) reading
    assert copy.times[0].value is None


def test_inconsistent_weekday_establishes_nothing(analyse):
    a = analyse("e", "Delegates attend a conference in Geneva on October 20, 2021.\n"
                     "On Monday, the delegates spoke about trade.")
    assert a.event_date == "2021-10-20"  # the explicit date still dates the lead event
    assert next(t for t in a.times if t.text == "Monday").value is None  # but anchors nothing
