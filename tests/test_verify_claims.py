"""Claims and their consensus (issue 17): small articles written for each pattern and each case
that must not be flagged, built through the real pipeline; extraction units on hand-built articles."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from dossier.model import Article, Claim, Mention, Quote, Sentence
from dossier.verify.claims import _compatible, _conflict, _interval, extract_claims

CASES = Path(__file__).parent / "fixtures" / "claims"


def _article(text: str, mentions: list[tuple[str, str]], quotes=()) -> Article:
    found = []
    for surface, label in mentions:
        at = text.index(surface)
        found.append(Mention(surface, label, at, at + len(surface), entity=surface.lower()))
    return Article(id="a", source="a.txt", text=text, sentences=[Sentence(0, 0, len(text), text)],
                   mentions=found, quotes=list(quotes))


def _claims(article: Article) -> set[tuple[str, str, str]]:
    return {(c.subject, c.attribute, c.value) for c in extract_claims(article)}


def test_role_title_before_a_name():
    a = _article("Deputy Foreign Minister Ann Lee met the envoy.", [("Ann Lee", "PERSON")])
    assert _claims(a) == {("ann lee", "role", "deputy foreign minister")}


def test_a_rank_before_a_country_and_the_office_stays_in_the_role():
    a = _article("The debate does not include former U.S. President Donald Trump, who is running again.",
                 [("Donald Trump", "PERSON")])
    assert _claims(a) == {("donald trump", "role", "former president")}
    b = _article("Analysts quoted former Russian President Dmitry Medvedev on Monday.", [("Dmitry Medvedev", "PERSON")])
    assert _claims(b) == {("dmitry medvedev", "role", "former president")}


def test_apposition_gives_role_and_affiliation():
    a = _article("Ahmed Karimi, the Blue Party's minister, met farmers.",
                 [("Ahmed Karimi", "PERSON"), ("Blue Party", "ORG")])
    assert _claims(a) == {("ahmed karimi", "role", "minister"), ("ahmed karimi", "affiliation", "blue party")}


def test_led_by_phrase_gives_affiliation():
    a = _article("The Red Party delegation led by Minister Ahmed Karimi met farmers.",
                 [("Red Party", "ORG"), ("Ahmed Karimi", "PERSON")])
    assert ("ahmed karimi", "affiliation", "red party") in _claims(a)
    assert ("ahmed karimi", "role", "minister") in _claims(a)


def test_casualty_figures_with_hedges_are_intervals():
    a = _article("At least 19 people were killed and 40 injured; the death toll rose to 25 by evening.", [])
    got = sorted((c.attribute, c.low, c.upper) for c in extract_claims(a))
    assert got == [("dead", 19.0, math.inf), ("dead", 25.0, 25.0), ("injured", 40.0, 40.0)]
    assert _interval("about", "20", None) == (16.0, 24.0)
    assert _interval(None, "19", "25") == (19.0, 25.0)


def test_magnitude_read_both_ways():
    a = _article("A magnitude 6.1 quake struck; an earlier 5.4-magnitude tremor hit at dawn.", [])
    assert sorted(c.value for c in extract_claims(a)) == ["5.4", "6.1"]


def test_figures_inside_direct_quotes_are_someone_elses_claim():
    text = 'Officials said 12 died. "They claim 91 soldiers were killed," he said.'
    start = text.index("They")
    quote = Quote("q", "a", text[start:text.index(',"') + 1], start, text.index(',"') + 1, kind="direct")
    assert [c.value for c in extract_claims(_article(text, [], [quote]))] == ["12"]


def test_role_compatibility():
    assert _compatible("foreign minister", "minister", numeric=False)
    assert not _compatible("deputy foreign minister", "foreign minister", numeric=False)
    assert not _compatible("deputy minister", "minister", numeric=False)
    assert not _compatible("president", "minister", numeric=False)
    assert _compatible((19.0, math.inf), (25.0, 25.0), numeric=True)
    assert not _compatible((19.0, 19.0), (91.0, 91.0), numeric=True)


@pytest.fixture(scope="module")
def build_case(tmp_path_factory, options, resources):
    from dossier.pipeline import build
    from dossier.store import Store
    from dossier.store.export import export_dict

    def run(name: str) -> list[dict]:
        store = Store(tmp_path_factory.mktemp(name) / "case.db")
        try:
            build(store, [CASES / name], options, resources=resources)
            return [f for f in export_dict(store)["flags"] if f["kind"] == "conflicting_claim"]
        finally:
            store.close()
    return run


def _sources(flag: dict) -> list[str]:
    return [Path(p).name for p in flag["articles"]]


def test_spun_copy_swapping_the_party_is_flagged(build_case):
    flags = build_case("party")
    assert len(flags) == 1
    assert "'Red Party'" in flags[0]["detail"] and "'Blue Party'" in flags[0]["detail"]
    assert "(3 independent source(s))" in flags[0]["detail"]
    sides = {e["side"] for e in flags[0]["evidence"] if "Red Party delegation led by" in e["text"]}
    assert sides == {"claim"}
    assert {e["side"] for e in flags[0]["evidence"] if "Blue Party" in e["text"]} == {"against"}


def test_title_against_two_independent_reports_the_same_week_is_flagged(build_case):
    flags = build_case("title")
    assert len(flags) == 1
    assert "'trade minister'" in flags[0]["detail"] and "'deputy trade minister'" in flags[0]["detail"]


def test_two_reports_of_one_crash_disagreeing_on_the_toll_are_flagged(build_case):
    flags = build_case("toll")
    assert len(flags) == 1 and "'19'" in flags[0]["detail"] and "'91'" in flags[0]["detail"]


@pytest.mark.parametrize("case", ["nf_alias", "nf_hedge", "nf_time", "nf_quote"])
def test_no_flag_for_alias_hedge_promotion_or_reported_claim(build_case, case):
    assert build_case(case) == []


def test_a_sum_of_victims_is_not_read_as_one_figure():
    a = _article("The bomb killed two women and a man in the bank. Officials said 4 people died.", [])
    assert [c.value for c in extract_claims(a)] == ["4"]


def test_claims_extracted_per_article_name_the_entities_resolved_later():
    import dataclasses

    from dossier.verify.claims import resolved_claims

    text = "Ahmed Karimi, the Blue Party's minister, met farmers; 12 people were injured."
    a = _article(text, [("Ahmed Karimi", "PERSON"), ("Blue Party", "ORG")])
    a = dataclasses.replace(a, mentions=[dataclasses.replace(m, entity=None) for m in a.mentions])
    a.claims = extract_claims(a)  # as the per-article stage does: no entity resolved yet
    assert {(c.subject, c.attribute, c.value) for c in a.claims} >= {("ahmed karimi", "affiliation", "blue party")}
    # the corpus resolves the mentions; the kept claims then name the same entities as claims
    # extracted from the resolved article
    ids = {"Ahmed Karimi": "ent-karimi", "Blue Party": "ent-blue"}
    resolved = dataclasses.replace(a, mentions=[dataclasses.replace(m, entity=ids[m.text]) for m in a.mentions])
    entity_of = lambda _a, m: m.entity  # noqa: E731 (what extraction reads from a resolved mention)
    assert resolved_claims(resolved, entity_of) == extract_claims(dataclasses.replace(resolved, claims=None))
    assert ("ent-karimi", "affiliation", "ent-blue") in {(c.subject, c.attribute, c.value)
                                                          for c in resolved_claims(resolved, entity_of)}


def _toll(article: str, low: float, high: float | None, text: str) -> Claim:
    return Claim(article, "", "dead", text, text, f"{text} were killed.", 0, len(text), low, high)


@pytest.mark.parametrize("others, flagged", [
    # a report of a war gives several tolls (the attack's, the war's, one strike's): a fifth figure
    # elsewhere disagrees with none of them in particular
    ([_toll("b", 1400, 1400, "1,400"), _toll("b", 10_000, None, "over 10,000"), _toll("b", 195, None, "at least 195")],
     False),
    ([_toll("b", 12, 12, "12")], True),  # one figure each: two sources disputing one toll
])
def test_a_report_counting_several_things_under_one_key_disputes_no_figure(others, flagged):
    strike = _toll("a", 4, 4, "four")
    found = _conflict([strike, *others], {"a": "story:0", "b": "story:1"}, numeric=True)
    assert (found is not None) == flagged
