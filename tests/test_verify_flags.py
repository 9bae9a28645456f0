"""The verify corpus stage on hand-built articles, links and alignments (no models)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from dossier.analyse.sentences import split_sentences
from dossier.analyse.timex import find_times, normalise_times
from dossier.model import Alignment, Article, Event, Evidence, Link, Mention, Provenance, Quote, Story
from dossier.verify import find_flags, page_date_verdicts
from dossier.verify.dates import find_misdated

QUOTE_A = 'Lavrov said that "forming a fully inclusive government properly representing all groups" is required.'
QUOTE_B = 'Lavrov said that "forming a truly inclusive government fully reflecting all groups" is necessary.'
QUOTE_C = 'Lavrov stressed that "forming a truly inclusive government fully reflecting all groups" is necessary.'
WHY_A = "The US said it will not participate owing to technological issues."
WHY_B = "The United States said it was unable to participate due to \u201clogistical\u201d issues."
DRILL_A = "This week, Tajikistan began an exercise involving 5,000 troops and over 700 vehicles."
DRILL_B = "An exercise in Tajikistan involving 5,000 troops and more than 700 vehicles began this week."


def article(aid, text, **kw):
    mentions = [Mention("Lavrov", "PERSON", 0, 0), Mention("US", "GPE", 0, 0),
                Mention("United States", "GPE", 0, 0), Mention("Tajikistan", "GPE", 0, 0)]
    return Article(id=aid, source=f"{aid}.txt", text=text, mentions=[m for m in mentions if m.text in text], **kw)


def corpus():
    a = article("a", " ".join([QUOTE_A, WHY_A, DRILL_A]))
    b = article("b", " ".join(["On Wednesday, Russia hosted the talks.", QUOTE_B, WHY_B, DRILL_B]),
                page_date="2023-03-20", page_date_trust="weak",
                page_date_evidence=[Evidence("chrome-date-line", "Monday, March 20, 2023")])
    c = article("c", QUOTE_C)
    a.quotes = [Quote("q1", "a", "forming a fully inclusive government properly representing all groups",
                      0, 0, speaker="Sergey Lavrov", speaker_text="Lavrov")]
    links = [
        Link("a", "b", "rewrite", 0.8, "a_to_b", [Alignment(QUOTE_A, QUOTE_B, 0.9, 0, 0),
                                                   Alignment(WHY_A, WHY_B, 0.7, 1, 1),
                                                   Alignment(DRILL_A, DRILL_B, 0.9, 2, 2)]),
        Link("b", "c", "translation", 0.8, "b_to_a", [Alignment(QUOTE_B, QUOTE_C, 0.95, 0, 0)]),
    ]
    talks = Event("e1", "talks", "Moscow talks", date="2021-10-20", date_precision="day",
                  articles=["a", "b", "c"], evidence=[Evidence("a", "talks in Moscow on October 20, 2021")])
    stories = [Story("s1", "talks", ["a", "b", "c"], original="a", independent_sources=1,
                     lineages=[["a", "b", "c"]])]
    return [a, b, c], links, [talks], stories


def run(articles, links, events, stories):
    """Flags from the real stage (its provenance comes from the links)."""
    return find_flags(articles, links, events, [], stories)


def test_changed_quoted_word_flagged_with_both_sentences():
    flags = run(*corpus())
    changed = [f for f in flags if f.kind == "changed_fact"]
    assert len(changed) == 1
    flag = changed[0]
    assert "'technological' vs 'logistical'" in flag.detail
    assert [e.article for e in flag.evidence] == ["a", "b"]
    assert [e.text for e in flag.evidence] == [WHY_A, WHY_B]
    assert flag.severity == "high"


def test_no_flag_on_the_reworded_exercise():
    flags = run(*corpus())
    assert not any("5,000" in e.text for f in flags for e in f.evidence)


def test_quote_drift_lists_variants_original_first():
    flags = run(*corpus())
    drift = [f for f in flags if f.kind == "quote_drift"]
    assert len(drift) == 1
    assert drift[0].articles[0] == "a"
    assert set(drift[0].articles) == {"a", "b", "c"}
    assert "closest to the original: a.txt" in drift[0].detail
    assert "Lavrov" in drift[0].detail


def test_misdated_page_contradicted_and_idempotent():
    articles, links, events, stories = corpus()
    flags = run(articles, links, events, stories)
    verdicts = page_date_verdicts(articles, flags)
    assert list(verdicts) == ["b"]
    b = verdicts["b"].apply(articles[1])
    assert b.page_date_trust == "contradicted"
    assert articles[1].page_date_trust == "weak"  # a new value: the input is left as it was
    misdated = [f for f in flags if f.kind == "misdated_page"]
    assert [f.articles for f in misdated] == [["b", "a"]]
    assert "2023-03-20" in misdated[0].detail
    again = run(articles, links, events, stories)
    assert [f.id for f in again] == [f.id for f in flags]
    assert page_date_verdicts(articles, again) == verdicts
    assert sum(e.source == "verify-page-date" for e in b.page_date_evidence) == 1


def test_no_contradiction_without_the_evidence():
    articles, links, events, stories = corpus()
    assert page_date_verdicts(articles, run(articles, [], [], stories)) == {}


def test_page_date_close_to_the_news_is_not_contradicted():
    articles, links, events, stories = corpus()
    articles[1].page_date = "2021-10-21"
    assert page_date_verdicts(articles, run(articles, links, events, stories)) == {}


def test_conflicting_claim_against_agreeing_sources():
    s1, s2, s3 = ("Russia designated the group in 2003.", "Russia designated the group in 2003.",
                  "Russia designated the group in 2005.")
    arts = [article(x, s) for x, s in zip("xyz", (s1, s2, s3))]
    links = [Link("x", "y", "partial", 0.3, None, [Alignment(s1, s2, 1.0, 0, 0)]),
             Link("x", "z", "partial", 0.3, None, [Alignment(s1, s3, 0.9, 0, 0)]),
             Link("y", "z", "partial", 0.3, None, [Alignment(s2, s3, 0.9, 0, 0)])]
    stories = [Story("s", "t", ["x", "y", "z"], lineages=[["x"], ["y"], ["z"]])]
    flags = run(arts, links, [], stories)
    conflicts = [f for f in flags if f.kind == "conflicting_claim"]
    assert len(conflicts) == 1
    assert conflicts[0].articles == ["z", "x", "y"]
    assert conflicts[0].severity == "high"
    assert "2005" in conflicts[0].detail and "2003" in conflicts[0].detail


def test_flags_do_not_depend_on_input_order():
    articles, links, events, stories = corpus()
    first = [f.id for f in run(copy.deepcopy(articles), links, events, stories)]
    second = [f.id for f in run(copy.deepcopy(articles[::-1]), links[::-1], events, stories)]
    assert first == second


def test_quoted_word_found_beyond_the_alignments():
    """The sentence pair is too reworded for the alignment; the quoted word still gets compared."""
    a_text = "Talks opened in Moscow. " + WHY_A
    b_text = "Talks opened in Moscow on Wednesday. " + WHY_B
    a, b = article("a", a_text), article("b", b_text)
    links = [Link("a", "b", "rewrite", 0.7, "a_to_b",
                  [Alignment("Talks opened in Moscow.", "Talks opened in Moscow on Wednesday.", 0.9, 0, 0)])]
    flags = run([a, b], links, [], [])
    assert [(f.kind, f.articles) for f in flags] == [("changed_fact", ["a", "b"])]
    assert "'technological' vs 'logistical'" in flags[0].detail
    assert [e.text for e in flags[0].evidence] == [WHY_A, WHY_B]


def sales_report(period: str, lead: str = "Prices rose sharply this week.", after: str = "") -> Article:
    """A page dated 2020-04-20 that opens with `lead` (by default presenting its news as current,
    "this week") and reports sales over `period`, the sales event dated by the period's first time
    (as events are), then says `after`."""
    text = f"{lead} The company sold 4,000 cars {period}. {after}".strip()
    a = article("a", text, page_date="2020-04-20", page_date_trust="ok")
    a.sentences = split_sentences(text)
    a.times = normalise_times(find_times(text, a.sentences), a.sentences, date(2020, 4, 20))
    first = next(t for t in a.times if t.sentence == 1)
    a.events = [Event("a-e0", "occurrence", "sold", date=first.value, date_precision=first.precision,
                      articles=["a"], evidence=[Evidence("a#s1", a.sentences[1].text)], time=first.text)]
    return a


def test_a_range_dates_its_news_by_its_end_not_its_start():
    # sales up to March 2020 are news a few weeks before an April page: no contradiction
    for period in ("from October 2019 to March 2020", "between October 2019 and March 2020",
                   "between October 2019 to March 2020"):
        assert find_misdated([sales_report(period)], Provenance(), []) == []
    # a single month half a year before the page still contradicts it
    [found] = find_misdated([sales_report("in October 2019")], Provenance(), [])
    assert found.news.day == date(2019, 10, 31)


@pytest.mark.parametrize("period", ["after its October 2019 recall", "in a deal stemming from the October 2019 crash"])
def test_a_date_that_names_an_earlier_event_is_no_date_of_the_news(period):
    # "her June 2012 car accident case" (a user's pile: ECB+ 1_1ecbplus, a report of the day before
    # its page whose only other date was the accident behind the plea deal): a date inside a noun
    # phrase tells which earlier event is meant, history the report recalls, so it refutes no page
    # date; "sold ... in October 2019" (the test above) still does.
    assert find_misdated([sales_report(period)], Provenance(), []) == []


ESSAY_MIDDLE = " ".join(["Its first models were small.", "Later ones grew larger.", "Engines became cleaner.",
                         "Prices followed wages.", "Dealers spread across the country."])


@pytest.mark.parametrize("lead, after", [
    ("Prices rose sharply over the decade.", ESSAY_MIDDLE + " Demand is still strong today."),
    ("Today's buyers want electric cars.", ""),
])
def test_today_outside_the_lead_or_as_nowadays_presents_no_news_as_current(lead, after):
    # An essay that names a sale half a year before its page and says "today" only as "nowadays"
    # (deep in the text, or "today's buyers") does not present that sale as the day's news.
    assert find_misdated([sales_report("in October 2019", lead, after)], Provenance(), []) == []


REWORDED = ("The three were joined by former governor Chris Christie and senator Tim Scott on the stage.",
            "Two other candidates, former governor Chris Christie and senator Tim Scott, were on the stage.")
COPIED = (DRILL_B, DRILL_B.replace("5,000", "7,000"))
QUOTE_COPIED = ('The minister said the new pipeline was "really dangerous" for the whole region and its farmers.',
                'The minister said the new pipeline was "truly dangerous" for the whole region and its farmers.')


@pytest.mark.parametrize("kind, flagged", [("rewrite", {REWORDED, COPIED, QUOTE_COPIED}),
                                           ("partial", {COPIED, QUOTE_COPIED})])
def test_two_independent_sources_differ_only_where_one_copied_the_sentence(kind, flagged):
    # Under a rewrite (one report and its rewording) every pair's number or quoted word is a change
    # the copy made; between two independent reports sharing a passage (a partial link, two
    # lineages), only a sentence copied word for word shows a change, here a number or a quoted word
    # (compared beyond the alignments, as quoted words are): a reworded one is each outlet's words.
    pairs, aligned = [REWORDED, COPIED, QUOTE_COPIED], [REWORDED, COPIED]
    a, b = article("a", " ".join(p[0] for p in pairs)), article("b", " ".join(p[1] for p in pairs))
    links = [Link("a", "b", kind, 0.3, "a_to_b" if kind == "rewrite" else None,
                  [Alignment(x, y, 0.8, n, n) for n, (x, y) in enumerate(aligned)])]
    changed = [f for f in run([a, b], links, [], []) if f.kind == "changed_fact"]
    assert {(f.evidence[0].text, f.evidence[1].text) for f in changed} == flagged
