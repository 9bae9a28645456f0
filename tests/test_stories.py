"""Stories and timeline on hand-built articles shaped like the seeds (no models loaded)."""

from __future__ import annotations

import copy
import dataclasses
import random

from dossier.model import Alignment, Article, Event, Evidence, Link, Mention, Sentence
from dossier.analyse import anchor_times
from dossier.reuse import build_provenance
from dossier.stories import build_stories, cluster_articles, story_event_dates
from dossier.stories.features import article_features, shared_background

MOSCOW = [
    "Russia hosted talks on Afghanistan with a Taliban delegation in Moscow.",
    "Foreign Minister Sergei Lavrov called for an inclusive government in Kabul.",
    "Deputy prime minister Abdul Salam Hanafi led the Taliban delegation at the Moscow conference.",
    "The United States skipped the troika plus meeting citing logistical issues.",
]
MOSCOW_REWRITE = [
    "Russia sponsored a round of discussions on Afghanistan with senior Taliban leaders in Moscow.",
    "Lavrov opened the conference by calling for a truly inclusive government in Kabul.",
    "Hanafi, deputy prime minister, said the Moscow conference was essential for stability.",
    "Washington was absent from the troika plus format, citing logistical reasons.",
]
HISTORY = [
    "Russia designated the Taliban as a terrorist organization in 2003 and never removed it from the list.",
    "The Soviet Union fought a ten-year war in Afghanistan that ended with withdrawal in 1989.",
]
KAZAN = [
    "Russia reaffirmed its commitment to Afghanistan during talks with Taliban representatives in Kazan.",
    "Lavrov criticised Western countries, and Kabulov said recognition of the Taliban depends on an inclusive government.",
    "Muttaqi invited diplomats and aid workers to visit Afghanistan.",
]
PREVIOUSLY = "While Russia previously designated the Taliban as a terrorist organization, it pursued dialogue."
DELISTING = [
    "The Foreign Ministry said the decision to delist the Taliban as a terrorist organization was made at the highest level.",
    "Kabulov said legal processes are needed before the delisting takes effect.",
    "Muttaqi welcomed the decisions of Kazakhstan and Kyrgyzstan to lift their bans.",
]


def event(eid, etype, evidence, date=None, precision=None, participants=(), background=False, place=None):
    return Event(id=eid, type=etype, summary=evidence, date=date, date_precision=precision, place=place,
                 participants=list(participants), evidence=[Evidence("sentence", evidence)],
                 background=background)


def article(aid, sentences, events=(), title=None, page_date=None, trust="missing"):
    text = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(i, pos, pos + len(s), s))
        pos += len(s) + 1
    return Article(id=aid, source=f"{aid}.txt", text=text, title=title, page_date=page_date,
                   page_date_trust=trust, sentences=sents, events=list(events))


def designation(eid, sentence):
    return event(eid, "designation", sentence, "2003", "year", ["Russia", "Taliban"], background=True)


def withdrawal(eid, sentence):
    return event(eid, "withdrawal", sentence, "1989", "year", ["Soviet Union"], background=True)


def seeds_like():
    """a1 original (dated talks), a3 rewrite (anchored date), a4 translation (undated), a0 Kazan
    2023 (shares a background paragraph), a2 delisting (undated)."""
    a1 = article("a1", MOSCOW + HISTORY, [
        event("e1", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"], place="Moscow"),
        designation("e2", HISTORY[0]), withdrawal("e3", HISTORY[1])], title="Russia hosts Taliban in Moscow")
    a3 = article("a3", MOSCOW_REWRITE + HISTORY, [
        event("e1", "talks", MOSCOW_REWRITE[0], "2021-10-20", "day", ["Russia", "Taliban"], place="Moscow"),
        designation("e2", HISTORY[0]), withdrawal("e3", HISTORY[1])],
        page_date="2023-03-20", trust="contradicted")
    a4 = article("a4", MOSCOW[:2] + HISTORY, [
        event("e1", "talks", MOSCOW[0], participants=["Russia", "Taliban"], place="Moscow"),
        designation("e2", HISTORY[0])])
    previously = event("e3", "designation", PREVIOUSLY, participants=["Russia", "Taliban"])
    previously.evidence = [Evidence("a0#s4", PREVIOUSLY)]  # analyse writes the sentence index here
    a0 = article("a0", KAZAN + HISTORY[1:] + [PREVIOUSLY], [
        event("e1", "talks", KAZAN[0], "2023-11-07", "day", ["Russia", "Taliban"], place="Kazan"),
        withdrawal("e2", HISTORY[1]), previously], page_date="2023-11-07", trust="ok")
    a2 = article("a2", DELISTING + HISTORY[:1], [
        event("e1", "delisting", DELISTING[0], participants=["Russia", "Taliban"]),
        designation("e2", HISTORY[0])])
    links = [
        Link("a1", "a3", "rewrite", 0.8, "a_to_b", [Alignment(MOSCOW[i], MOSCOW_REWRITE[i], 0.8, i, i) for i in range(4)]),
        Link("a1", "a4", "translation", 0.9, "a_to_b", [Alignment(MOSCOW[0], MOSCOW[0], 1.0, 0, 0)]),
        Link("a1", "a0", "partial", 0.3, None, [Alignment(HISTORY[1], HISTORY[1], 1.0, 5, 3),
                                                Alignment(HISTORY[0], PREVIOUSLY, 0.7, 4, 4)]),
        Link("a1", "a2", "partial", 0.3, None, [Alignment(HISTORY[0], HISTORY[0], 1.0, 4, 3)]),
    ]
    return [a0, a1, a2, a3, a4], links


def story_sets(stories):
    return {frozenset(s.articles) for s in stories}


def test_seeds_like_three_stories():
    articles, links = seeds_like()
    stories, _ = build_stories(articles, links)
    assert story_sets(stories) == {frozenset({"a1", "a3", "a4"}), frozenset({"a0"}), frozenset({"a2"})}
    moscow = next(s for s in stories if "a1" in s.articles)
    assert moscow.independent_sources == 1
    assert moscow.original == "a1"
    assert moscow.lineages == [["a1", "a3", "a4"]]


def test_timeline_merges_copies_and_dates_them_from_the_most_precise_member():
    articles, links = seeds_like()
    stories, events = build_stories(articles, links)
    moscow = next(s for s in stories if "a1" in s.articles)
    talks = [e for e in events if e.type == "talks" and e.date == "2021-10-20"]
    assert len(talks) == 1
    assert set(talks[0].articles) == {"a1", "a3", "a4"}
    assert talks[0].independent_sources == 1
    assert talks[0].story == moscow.id and not talks[0].background
    assert talks[0].date_precision == "day"


def test_background_events_are_on_the_timeline_counted_by_independent_source():
    articles, links = seeds_like()
    _, events = build_stories(articles, links)
    designations = [e for e in events if e.date == "2003"]
    assert len(designations) == 1 and designations[0].background
    # a0's undated "previously designated" joins through the aligned background sentence
    assert set(designations[0].articles) == {"a0", "a1", "a2", "a3", "a4"}
    assert designations[0].independent_sources == 3  # the Moscow lineage, Kazan, the delisting report
    assert designations[0].story is None  # told in two stories
    withdrawals = [e for e in events if e.date == "1989"]
    assert len(withdrawals) == 1 and set(withdrawals[0].articles) == {"a0", "a1", "a3"}


def test_timeline_is_in_date_order_and_ids_are_unique():
    articles, links = seeds_like()
    _, events = build_stories(articles, links)
    dated = [e.date for e in events if e.date]
    assert dated[:2] == ["1989", "2003"] and dated.index("2021-10-20") < dated.index("2023-11-07")
    assert len({e.id for e in events}) == len(events)


def test_within_a_date_the_most_reported_typed_event_comes_first_and_one_sentence_stays_together():
    from dossier.stories.timeline import _timeline_order
    def entry(i, type_, sources, summary, date="2021-10-20"):
        return Event(id=f"event-{i}", type=type_, summary=summary, date=date, date_precision="day",
                     independent_sources=sources)
    events = [entry(1, "occurrence", 1, "B sentence"), entry(2, "occurrence", 1, "A sentence"),
              entry(3, "occurrence", 3, "C sentence"), entry(4, "talks", 1, "D sentence"),
              entry(5, "occurrence", 1, "B sentence"), entry(0, "talks", 9, "Earlier", date="2021-10-19")]
    assert [e.id for e in sorted(events, key=_timeline_order)] == \
        ["event-0", "event-3", "event-4", "event-2", "event-1", "event-5"]


def test_one_predicate_in_two_reports_of_a_story_is_one_event_only_with_an_actor_in_common():
    from dossier.stories.timeline import build_timeline
    def working(eid, sentence, participants, date="2021-10-20"):
        found = event(eid, "occurrence", sentence, date, "day" if date else None, participants)
        found.predicate = "work"
        return found
    a = article("a", ["Russia has worked for years to reach the Taliban."],
                [working("e1", "Russia has worked for years to reach the Taliban.", ["Russia"])])
    b = article("b", ["They are working on it, Kabulov said."],
                [working("e1", "They are working on it, Kabulov said.", [])])
    c = article("c", ["Russia worked with its neighbours."],
                [working("e1", "Russia worked with its neighbours.", ["Russia"])])
    d = article("d", ["Officials are working on a plan."], [working("e1", "Officials are working on a plan.", [], None)])
    story = {x.id: "s1" for x in (a, b, c, d)}
    entries = build_timeline([a, b, c, d], [], {}, story)
    assert sorted(sorted(e.articles) for e in entries) == [["a", "c"], ["b"], ["d"]]


def test_a_storys_main_event_is_the_one_its_reports_lead_with_not_the_context_they_repeat():
    from dossier.model import Story
    def told(eid, date, where):
        return Event(id=eid, type="talks", summary=eid, date=date, date_precision="day" if len(date) == 10 else "month",
                     articles=sorted({w.split("#")[0] for w in where}), story="s",
                     evidence=[Evidence(w, eid) for w in where])
    articles = [article(x, ["One.", "Two."]) for x in ("a", "b", "c")]
    events = [told("takeover", "2021-08", ["a#s5", "b#s6", "c#s7"]), told("talks", "2021-10-20", ["a#s0", "b#s1"])]
    story = Story(id="s", title="t", articles=["a", "b", "c"])
    assert story_event_dates(articles, [story], events) == {"a": "2021-10-20", "b": "2021-10-20", "c": "2021-10-20"}


def test_a_report_written_before_its_storys_event_does_not_take_that_date():
    """A page dated (trusted) before the story's main event previewed it: it is not listed as news
    of that day (a page of 2020-01-28 was listed on 2020-02-18)."""
    from dossier.model import Story
    main = Event(id="e", type="talks", summary="e", date="2021-10-20", date_precision="day",
                 articles=["a", "b"], story="s", evidence=[Evidence("a#s0", "e"), Evidence("b#s0", "e")])
    articles = [article("a", ["One."]), article("b", ["One."], page_date="2021-10-01", trust="ok"),
                article("c", ["One."], page_date="2021-10-22", trust="ok"),
                article("d", ["One."], page_date="2021-09-01", trust="weak")]
    story = Story(id="s", title="t", articles=["a", "b", "c", "d"])
    assert story_event_dates(articles, [story], [main]) == {"a": "2021-10-20", "c": "2021-10-20", "d": "2021-10-20"}


def test_dated_merging_compares_news_within_its_story_and_history_with_all_as_every_pair_would():
    from dossier.stories.timeline import Item, _merge_dated, _same_event
    from dossier.timevalue import parse_span
    from dossier.unionfind import UnionFind
    rng = random.Random(7)
    items = []
    for key in range(120):
        day = f"2021-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
        ev = event(f"e{key}", rng.choice(["talks", "occurrence"]), "x", day, "day",
                   background=rng.random() < 0.3)
        ev.predicate = "meet"
        items.append(Item(key, f"a{key}", ev, parse_span(day, "day"), rng.choice(["s1", "s2", "s3", None]),
                          frozenset(rng.sample(["russia", "taliban", "china"], rng.randint(0, 2))),
                          rng.choice([None, "moscow", "kazan"])))
    merged = UnionFind(range(len(items)))
    _merge_dated(items, merged, max_block=1000, block_window=50)
    every_pair = UnionFind(range(len(items)))
    for a in items:
        for b in items[a.key + 1:]:
            if _same_event(a, b):
                every_pair.union(a.key, b.key)
    assert sorted(map(sorted, merged.groups())) == sorted(map(sorted, every_pair.groups()))
    assert len(merged.groups()) < len(items)  # the case merges something


def test_members_without_event_date_take_the_story_date():
    articles, links = seeds_like()
    stories, events = build_stories(articles, links)
    taken = story_event_dates(articles, stories, events)
    date = {a.id: taken.get(a.id, a.event_date) for a in articles}
    assert date["a4"] == "2021-10-20"
    assert date["a2"] is None  # its story has no dated news event
    assert date["a0"] == "2023-11-07"  # its talks, not the 2003 history it mentions


def test_an_undated_event_told_in_two_stories_is_background():
    articles, links = seeds_like()
    by_id = {a.id: a for a in articles}
    by_id["a2"].events.append(event("e9", "aid", "Russia would continue to provide food.", participants=["Russia"]))
    by_id["a0"].events.append(event("e9", "aid", "Russia would continue to provide food.", participants=["Russia"]))
    links.append(Link("a0", "a2", "partial", 0.2, None, [Alignment("x", "y", 0.9, 0, 0)]))
    by_id["a0"].events[-1].evidence = [Evidence("a0#s0", "x")]
    by_id["a2"].events[-1].evidence = [Evidence("a2#s0", "y")]
    _, events = build_stories(articles, links)
    aid = [e for e in events if e.type == "aid"]
    assert len(aid) == 1 and aid[0].background and aid[0].story is None


def test_stories_are_in_chronological_order_and_summaries_carry_no_type_prefix():
    articles, links = seeds_like()
    for a in articles:
        for e in a.events:
            e.summary = f"{e.type}: {e.summary}"
    stories, events = build_stories(articles, links)
    assert [s.articles[0] for s in stories][:2] == ["a1", "a0"]  # 2021 talks, then 2023; undated last
    assert not any(e.summary.startswith(f"{e.type}: ") for e in events)


def test_partial_link_shared_paragraph_is_left_out_of_the_content():
    articles, links = seeds_like()
    skip = shared_background(links)
    kazan = next(a for a in articles if a.id == "a0")
    assert "withdrawal" not in article_features(kazan, skip["a0"]).text.lower()


def test_same_actors_far_apart_in_time_are_two_stories_even_with_alike_words():
    first = article("x1", MOSCOW, [event("e", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"])])
    again = article("x2", MOSCOW_REWRITE, [event("e", "talks", MOSCOW_REWRITE[0], "2023-11-07", "day",
                                                 ["Russia", "Taliban"])])
    stories, _ = build_stories([first, again], [Link("x1", "x2", "partial", 0.4)])
    assert len(stories) == 2


def test_independent_reports_of_one_event_are_one_story_with_two_sources():
    first = article("y1", MOSCOW, [event("e", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"])])
    other = article("y2", MOSCOW_REWRITE, [event("e", "talks", MOSCOW_REWRITE[0], "2021-10-20", "day",
                                                 ["Russia", "Taliban"])])
    stories, events = build_stories([first, other], [])
    assert story_sets(stories) == {frozenset({"y1", "y2"})}
    assert stories[0].independent_sources == 2
    talks = [e for e in events if e.type == "talks"]
    assert len(talks) == 1 and talks[0].independent_sources == 2


def test_unrelated_articles_are_apart():
    a = article("z1", MOSCOW)
    b = article("z2", ["The city council approved a new budget for schools and parks.",
                       "Residents asked for more bus lines in the northern districts."])
    stories, _ = build_stories([a, b], [])
    assert len(stories) == 2


def test_unrelated_articles_in_german_are_apart_though_they_share_its_function_words():
    match = article("g1", ["Der Verein hat am Samstag das Spiel gegen die Gäste aus der Stadt mit drei zu eins "
                           "gewonnen, und die Fans waren mit der Leistung sehr zufrieden.",
                           "Der Trainer sagte nach dem Spiel, dass die Mannschaft in der Liga nun auf dem "
                           "dritten Platz steht."])
    law = article("g2", ["Die Regierung hat in der Woche ein neues Gesetz für die Bauern auf dem Land vorgelegt, "
                         "und die Opposition war mit dem Plan nicht einverstanden.",
                         "Der Minister sagte, dass die Reform in der nächsten Woche im Parlament auf der "
                         "Tagesordnung steht."])
    for german in (match, law):
        german.language = "de"
    english = [article("g3", MOSCOW), article("g4", ["The city council approved a new budget for schools.",
                                                     "Residents asked for more bus lines in the north."])]
    stories, _ = build_stories([match, law, *english], [])
    assert len(stories) == 4


def test_history_told_by_a_bare_predicate_with_no_actor_joins_no_other_storys_event():
    """"the campaign" in one story's background and "campaigned" in another's news share only the verb."""
    from dossier.triggers import OCCURRENCE

    def happening(eid, sentence, date, precision, background):
        return dataclasses.replace(event(eid, OCCURRENCE, sentence, date, precision, background=background),
                                   predicate="campaign")

    football = article("h1", ["The club's campaign ended in defeat after a poor run of form in the league."],
                       [happening("e", "The club's campaign ended in defeat", "2020-02", "month", True)])
    politics = article("h2", ["The senator campaigned across the state on February 19, 2020 before the vote."],
                       [happening("e", "The senator campaigned across the state", "2020-02-19", "day", False)])
    _, events = build_stories([football, politics], [])
    assert all(len(e.articles) == 1 for e in events)


def test_a_statement_told_as_history_joins_no_other_storys_statement():
    """What one person said in 2020 (background in a 2023 debate report) and another article's
    2020 news statement naming the same person are two things said, not one told by two sources."""
    debate = article("s1", ["Biden's team noted in a statement that Trump lost the 2020 presidential election."],
                     [event("e", "statement", "Biden's team noted in a statement", "2020", "year", ["Trump", "Biden"],
                            background=True)], page_date="2023-11-09", trust="ok")
    donations = article("s2", ["Corporate leaders announced donations after Trump's post about protesters."],
                        [event("e", "statement", "Corporate leaders announced donations", "2020-06-01", "day",
                               ["Trump"])], page_date="2020-06-01", trust="ok")
    stories, events = build_stories([debate, donations], [])
    assert len(stories) == 2
    assert all(len(e.articles) == 1 for e in events)


def test_story_ids_are_deterministic_whatever_the_input_order():
    articles, links = seeds_like()
    first, _ = build_stories(articles, links)
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    again, _ = build_stories(shuffled, list(reversed(links)))
    assert {s.id: set(s.articles) for s in first} == {s.id: set(s.articles) for s in again}


def test_rerun_is_idempotent():
    articles, links = seeds_like()
    first = build_stories(articles, links)
    second = build_stories(articles, links)
    assert first == second


def test_incremental_add_places_new_articles_without_reclustering():
    articles, links = seeds_like()
    by_id = {a.id: a for a in articles}
    stored = [by_id[a] for a in ("a0", "a1", "a2")]
    index = cluster_articles(stored, [])
    before = index.article_story()
    skip = shared_background(links)
    new = [article_features(by_id[a], skip.get(a, set())) for a in ("a3", "a4")]
    placed = index.add(new, [["a1", "a3", "a4"]])
    assert {a: s for a, s in index.article_story().items() if a in before} == before
    assert placed == {"a3": before["a1"], "a4": before["a1"]}
    fresh = index.add([article_features(article("n1", ["The city council approved a new budget for schools."]))], [])
    assert fresh["n1"] not in set(before.values())
    scratch = cluster_articles(articles, links).article_story()
    assert {frozenset(a for a in scratch if scratch[a] == s) for s in set(scratch.values())} == \
        {frozenset(a for a, s2 in index.article_story().items() if s2 == s and a != "n1")
         for s in set(before.values())}


def test_undated_news_takes_its_first_report_date_as_approximate_but_history_does_not():
    kazan = article("k1", KAZAN, [event("e1", "talks", KAZAN[0], participants=["Russia", "Taliban"]),
                                  event("e2", "withdrawal", HISTORY[1], background=True)],
                    page_date="2023-11-07", trust="ok")
    stories, events = build_stories([kazan], [])
    talks = next(e for e in events if e.type == "talks")
    assert (talks.date, talks.date_precision) == ("2023-11-07", "approximate")
    assert next(e for e in events if e.type == "withdrawal").date is None
    assert story_event_dates([kazan], stories, events) == {}  # a publication date is no event date


# ---------------------------------------------------------------- telling the story straight

PUTIN_A = "Last week Putin noted that one should not rush to recognize the Taliban, but stressed talks."
PUTIN_B = "Last week, Putin stated that there is no need to hurry into recognizing the Taliban."


def test_aligned_reports_of_one_event_are_one_entry_whatever_their_types():
    a = article("p1", MOSCOW + [PUTIN_A], [
        event("e1", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"]),
        event("e2", "talks", PUTIN_A, "2021-W41", "week", ["Putin", "Taliban"])])
    b = article("p2", MOSCOW_REWRITE + [PUTIN_B], [
        event("e1", "talks", MOSCOW_REWRITE[0], "2021-10-20", "day", ["Russia", "Taliban"]),
        event("e2", "recognition", PUTIN_B, "2021-W41", "week", ["Putin", "Taliban"])])
    a.events[1].evidence = [Evidence("p1#s4", PUTIN_A)]
    b.events[1].evidence = [Evidence("p2#s4", PUTIN_B)]
    link = Link("p1", "p2", "rewrite", 0.8, "a_to_b", [Alignment(PUTIN_A, PUTIN_B, 0.8, 4, 4)])
    _, events = build_stories([a, b], [link])
    week = [e for e in events if e.date == "2021-W41"]
    assert len(week) == 1 and set(week[0].articles) == {"p1", "p2"}
    assert week[0].type == "recognition"  # the more specific type
    assert len([e for e in events if e.date == "2021-10-20"]) == 1  # the talks stay their own entry


def test_aligned_events_of_unrelated_types_do_not_merge_when_one_is_undated():
    a = article("q1", [PREVIOUSLY], [event("e1", "designation", PREVIOUSLY, participants=["Russia"])])
    b = article("q2", [MOSCOW[0]], [event("e1", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia"])])
    a.events[0].evidence, b.events[0].evidence = [Evidence("q1#s0", PREVIOUSLY)], [Evidence("q2#s0", MOSCOW[0])]
    _, events = build_stories([a, b], [Link("q1", "q2", "partial", 0.3, None,
                                             [Alignment(PREVIOUSLY, MOSCOW[0], 0.6, 0, 0)])])
    assert {e.type for e in events} == {"designation", "talks"}


WAR = "In Afghanistan, the Soviet Union waged a 10-year war that concluded in 1989."
WITHDRAWN = "The Soviet Union engaged in a decade-long conflict before withdrawing in 1989."


def test_history_of_related_types_in_one_year_with_the_same_actors_is_one_entry_across_stories():
    a = article("h1", MOSCOW + [WAR], [
        event("e1", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"]),
        event("e2", "war", WAR, "1989", "year", ["Soviet Union", "Afghanistan"], background=True)])
    b = article("h2", KAZAN + [WITHDRAWN], [
        event("e1", "talks", KAZAN[0], "2023-11-07", "day", ["Russia", "Taliban"]),
        event("e2", "withdrawal", WITHDRAWN, "1989", "year", ["Soviet Union"], background=True)],
        page_date="2023-11-07", trust="ok")
    stories, events = build_stories([a, b], [])
    assert len(stories) == 2
    history = [e for e in events if e.date == "1989"]
    assert len(history) == 1 and history[0].type == "withdrawal" and history[0].background
    assert set(history[0].articles) == {"h1", "h2"} and history[0].independent_sources == 2
    # related types merge only as history: news of a war and of a withdrawal stay apart
    a.events[1].background = b.events[1].background = False
    _, events = build_stories([a, b], [])
    assert len([e for e in events if e.date == "1989"]) == 2


def test_undated_past_history_joins_the_dated_entry_of_its_type_and_actors_in_another_story():
    articles, links = seeds_like()
    links = [l for l in links if l.kind != "partial"]  # no aligned sentence to lean on
    by_id = {a.id: a for a in articles}
    previously = next(e for e in by_id["a0"].events if e.type == "designation")
    previously.background = True  # analyse marks "previously designated" as told history
    stories, events = build_stories(articles, links)
    designation = next(e for e in events if e.date == "2003")
    assert "a0" in designation.articles and designation.background
    assert not any(e.type == "designation" and e.date is None for e in events)
    # two dates told for that history: which one "previously" means is unknown, so it stays apart
    by_id["a2"].events.append(event("e8", "designation", "Russia designated the Taliban in 2015.",
                                    "2015", "year", ["Russia", "Taliban"], background=True))
    _, events = build_stories(articles, links)
    assert any(e.type == "designation" and e.date is None and e.articles == ["a0"] for e in events)


def test_news_events_never_merge_across_stories():
    first = article("n1", MOSCOW, [event("e", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"])])
    budget = ["The city council approved a new budget for schools and parks.",
              "Residents asked for more bus lines in the northern districts.",
              "A councillor compared the budget talks to those between Russia and the Taliban in October."]
    other = article("n2", budget, [event("e", "talks", budget[2], "2021-10", "month", ["Russia", "Taliban"])])
    stories, events = build_stories([first, other], [])
    assert len(stories) == 2
    assert len([e for e in events if e.type == "talks"]) == 2


def test_undated_report_attaches_to_the_dated_entry_of_its_story_and_type_but_statements_do_not():
    articles, links = seeds_like()
    by_id = {a.id: a for a in articles}
    by_id["a3"].events.append(event("e8", "talks", MOSCOW_REWRITE[2], participants=["Hanafi"]))
    by_id["a1"].events.append(event("e8", "statement", "Lavrov said aid would be sent.", "2021-10-20", "day",
                                    ["Lavrov"]))
    by_id["a3"].events.append(event("e9", "statement", "The US said it would attend later.",
                                    participants=["United States"]))
    _, events = build_stories(articles, links)
    talks = next(e for e in events if e.type == "talks" and e.date == "2021-10-20")
    assert MOSCOW_REWRITE[2] in {ev.text for ev in talks.evidence}
    statements = [e for e in events if e.type == "statement"]
    assert len(statements) == 2 and any(e.date is None for e in statements)


def _dated_by_text(aid, sentences):
    from dossier.analyse.timex import find_times

    a = article(aid, sentences)
    a.times = find_times(a.text, a.sentences)
    a.event_date = "2021-10-20"  # what analyse sets when the text establishes its own date
    return a


def _anchored_stories(articles, links):
    """Stories as the build makes them: the build's provenance, and the dates anchoring establishes."""
    provenance = build_provenance(articles, links)
    return build_stories(articles, links, [], provenance, anchor_times(articles, provenance).established)


def test_first_report_is_inferred_from_the_text_when_no_page_date_is_trusted():
    lead = ["Delegates attend a conference in Geneva on October 20, 2021.",
            "During today's meetings, the delegates agreed on a text."]
    a = _dated_by_text("f1", lead)
    b = _dated_by_text("f2", lead)
    b.page_date, b.page_date_trust = "2023-03-20", "contradicted"
    stories, _ = _anchored_stories([a, b], [Link("f1", "f2", "copy", 0.99, "a_to_b")])
    assert (stories[0].first_reported, stories[0].first_reported_basis) == ("2021-10-20", "inferred")
    b.page_date_trust = "ok"  # a trusted page date comes first
    stories, _ = _anchored_stories([a, b], [Link("f1", "f2", "copy", 0.99, "a_to_b")])
    assert (stories[0].first_reported, stories[0].first_reported_basis) == ("2023-03-20", "page_date")
    a.sentences[1].text = "The delegates agreed on a text."  # no "today" to confirm the date
    a.times = b.times = []
    b.page_date_trust = "weak"
    stories, _ = _anchored_stories([a, b], [Link("f1", "f2", "copy", 0.99, "a_to_b")])
    assert (stories[0].first_reported, stories[0].first_reported_basis) == (None, None)


# ---------------------------------------------------------------- look-alike events, order, explanations

QUAKE = ("A magnitude {mag} earthquake struck {place}, Indonesia, on {day}, the US Geological Survey said.",
         "The quake hit at a depth of {depth} km, about {dist} km from {town}.",
         "There were no immediate reports of damage or casualties.")


def bulletin(aid, mag, place, day, depth, dist, town, date=None):
    sentences = [s.format(mag=mag, place=place, day=day, depth=depth, dist=dist, town=town) for s in QUAKE]
    a = article(aid, sentences, [event("e", "earthquake", sentences[0], date, "day" if date else None,
                                       place=place)])
    for name in (place, town):
        start = a.text.index(name)
        a.mentions.append(Mention(name, "GPE", start, start + len(name), 0 if name == place else 1))
    return a


def test_two_earthquake_bulletins_of_different_dates_places_and_magnitudes_are_two_stories():
    papua = bulletin("q1", "6.1", "Papua", "Tuesday", 10, 120, "Jayapura", "2012-04-10")
    aceh = bulletin("q2", "7.6", "Aceh", "Wednesday", 35, 80, "Banda Aceh", "2016-12-07")
    stories, _ = build_stories([papua, aceh], [], [])
    assert len(stories) == 2


def test_template_bulletins_of_the_same_week_differing_in_key_facts_are_two_stories():
    # undated: only the wording's key facts (magnitude, depth, places) tell the two quakes apart
    papua = bulletin("q1", "6.1", "Papua", "Tuesday", 10, 120, "Jayapura")
    aceh = bulletin("q2", "7.6", "Aceh", "Wednesday", 35, 80, "Banda Aceh")
    stories, _ = build_stories([papua, aceh], [], [])
    assert len(stories) == 2


def test_two_reports_of_one_quake_worded_differently_are_one_story():
    first = bulletin("q1", "6.1", "Papua", "Tuesday", 10, 120, "Jayapura")
    other = article("q3", ["Indonesia's Papua province was shaken by a 6.1-magnitude quake on Tuesday.",
                           "Residents of Jayapura ran into the streets, but no damage was reported, "
                           "the US Geological Survey and local officials said."])
    stories, _ = build_stories([first, other], [], [])
    assert len(stories) == 1
    assert "6.1" in stories[0].grouped_by["shared_numbers"]
    assert "jayapura" in stories[0].grouped_by["shared_terms"]


def test_stories_do_not_depend_on_article_ids_or_input_order():
    articles, links = seeds_like()
    articles += [bulletin("q1", "6.1", "Papua", "Tuesday", 10, 120, "Jayapura"),
                 bulletin("q2", "7.6", "Aceh", "Wednesday", 35, 80, "Banda Aceh"),
                 article("q3", ["Indonesia's Papua province was shaken by a 6.1-magnitude quake on Tuesday.",
                                "Residents of Jayapura ran into the streets, the US Geological Survey said."])]
    first, _ = build_stories(articles, links, [])
    by_text = {a.id: a.text for a in articles}
    expected = {frozenset(by_text[a] for a in s.articles) for s in first}
    for seed in range(5):
        rng = random.Random(seed)
        new_ids = {a.id: f"{rng.getrandbits(64):016x}" for a in articles}
        renamed = [dataclasses.replace(copy.deepcopy(a), id=new_ids[a.id]) for a in articles]
        rng.shuffle(renamed)
        moved = [dataclasses.replace(link, a=new_ids[link.a], b=new_ids[link.b]) for link in links]
        rng.shuffle(moved)
        again, _ = build_stories(renamed, moved, [])
        texts = {a.id: a.text for a in renamed}
        assert {frozenset(texts[a] for a in s.articles) for s in again} == expected


def test_each_story_says_why_its_reports_were_grouped():
    first = article("y1", MOSCOW, [event("e", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"])])
    other = article("y2", MOSCOW_REWRITE, [event("e", "talks", MOSCOW_REWRITE[0], "2021-10-20", "day",
                                                 ["Russia", "Taliban"])])
    lone = article("z2", ["The city council approved a new budget for schools and parks."])
    stories, _ = build_stories([first, other, lone], [], [])
    talks = next(s for s in stories if "y1" in s.articles)
    assert talks.grouped_by["reports"] == 2
    assert {"lavrov", "kabul", "hanafi"} <= set(talks.grouped_by["shared_terms"])
    assert talks.grouped_by["shared_names"] == ["russia", "taliban"]
    assert talks.grouped_by["dates"] == ["2021-10-20"]
    council = next(s for s in stories if "z2" in s.articles)
    assert council.grouped_by["reports"] == 1 and council.grouped_by["shared_terms"] == []


def test_entity_timeline_lists_what_involves_one_entity_in_date_order():
    from dossier.stories.timeline import entity_timeline

    events = [Event(id="1", type="occurrence", summary="a", date="2021-10", date_precision="month", participants=["Airbus"]),
              Event(id="2", type="occurrence", summary="b", date="2021-W42", date_precision="week", participants=["Boeing"]),
              Event(id="3", type="occurrence", summary="c", date="2021-10-01", date_precision="day", participants=["airbus"]),
              Event(id="4", type="occurrence", summary="d", date=None, participants=["Airbus"]),
              Event(id="5", type="occurrence", summary="e", date="2020", date_precision="year", place="Toulouse")]
    assert [e.id for e in entity_timeline(events, "Airbus")] == ["3", "1"]
    assert [e.id for e in entity_timeline(events, "ent-7", {"Airbus", "Toulouse"})] == ["5", "3", "1"]


def test_the_stories_options_decide_the_clustering():
    """The join threshold and the date window are read from `StoriesOptions`, not fixed."""
    from dossier.config import StoriesOptions

    first = article("w1", MOSCOW, [event("e", "talks", MOSCOW[0], "2021-10-20", "day", ["Russia", "Taliban"])])
    later = article("w2", MOSCOW_REWRITE, [event("e", "talks", MOSCOW_REWRITE[0], "2021-11-19", "day",
                                                 ["Russia", "Taliban"])])
    assert len(build_stories([first, later], [])[0]) == 1  # a month apart: inside the default window
    strict = StoriesOptions(join_threshold=0.9)
    assert len(build_stories([first, later], [], options=strict)[0]) == 2
    narrow = StoriesOptions(date_window_days=14)
    assert len(build_stories([first, later], [], options=narrow)[0]) == 2
    assert len(cluster_articles([first, later], [], options=narrow).stories) == 2


def test_a_story_is_dated_by_its_typed_event_not_by_a_dated_generic_predicate():
    """A body sentence's predicate ("was founded in 1990") gives no story date: the article's typed
    event (an undated earthquake report) decides, else the lead's own date."""
    from dossier.stories.features import article_features, main_event

    quake = event("q", "disaster", "A strong earthquake struck the coast.")
    founded = event("f", "occurrence", "The observatory was founded in 1990.", date="1990", precision="year")
    report = article("r", ["A strong earthquake struck the coast.", "The observatory was founded in 1990."],
                     events=[founded, quake])
    assert main_event(report) is quake
    assert article_features(report).date is None
    only_generic = article("g", ["The observatory was founded in 1990."], events=[founded])
    assert main_event(only_generic) is None


def test_a_text_date_outside_the_leads_earliest_year_does_not_date_the_story():
    """A lead recalling an earlier year tells a development of that year's event (a conviction for
    a 2007 shooting): its own date would split it from the event's reports. A lead naming only a
    later year than the main event's shows that date came from background further down. A page
    date still dates either; a date in the lead's earliest year is kept."""
    conviction = event("c", "conviction", "A jury convicted the gunman on Tuesday.", date="2008-04-29",
                       precision="day")
    lead = ["A jury convicted the gunman of the 2007 office shooting.", "A jury convicted the gunman on Tuesday."]
    assert article_features(article("d", lead, [conviction])).date is None
    paged = article_features(article("p", lead, [conviction], page_date="2008-04-30", trust="ok"))
    assert paged.date.value == "2008-04-30"
    signed = event("s", "agreement", "He signed the contract in April 2004.", date="2004-04-21", precision="day")
    firing = ["The 76ers fired their coach after one season in 2005.", "The owner explained the decision.",
              "He signed the contract in April 2004."]
    assert article_features(article("f", firing, [signed])).date is None
    same_year = ["A jury convicted the gunman in 2008 of the office shooting.", "A jury convicted the gunman on Tuesday."]
    assert article_features(article("y", same_year, [conviction])).date.value == "2008-04-29"


def test_a_dateline_the_time_tagger_left_alone_dates_the_report_and_is_no_fact():
    """Capitals and spaced numbers ("MONDAY, NOVEMBER 28, 2005", "11 / 27 / 2005") still date an
    undated report; their day and the clock beside them are not numbers of the event."""
    caps = article("d1", ["Ten dead in southern Iran quake", "MONDAY, NOVEMBER 28, 2005 02: 24 GMT",
                          "A magnitude 5.9 quake hit the island of Qeshm."])
    features = article_features(caps)
    assert features.date.value == "2005-11-28"
    assert features.years == {2005} and features.numbers == {"5.9"}  # the stamp is not a lead sentence
    spaced = article("d2", ["Posted 11 / 27 / 2005 7: 21 AM", "Strong earthquake jolts southern Iran"])
    assert article_features(spaced).date.value == "2005-11-27"
    day_first = article("d3", ["10: 24 AM, MON 22 JUL 2013", "Fire at Waitrose supermarket may have been arson"])
    assert article_features(day_first).date.value == "2013-07-22"


def test_a_date_the_page_was_downloaded_on_is_no_date_of_its_news():
    """"Posted 1 year, 160 days ago [ downloaded on 2 October 2013 ]": the date says when someone
    fetched the page, so neither it nor an event anchored on it ("Now, THR is reporting ...") dates
    the report, and its year is no year of the lead; a posting date still dates it."""
    from dossier.model import TimeExpression

    lead = ["Director still in negotiations for the sequel",
            "Posted 1 year, 160 days ago [ downloaded on 2 October 2013 ]",
            "Now, THR is reporting that the director is in tense negotiations."]
    fetched = article("f1", lead)
    features = article_features(fetched)
    assert features.date is None and not features.years
    start = fetched.text.index("2 October 2013")
    fetched.times = [TimeExpression(text="2 October 2013", start=start, end=start + 14, value="2013-10-02",
                                    precision="day", kind="date", sentence=1)]
    fetched.events = [event("n", "talks", lead[2], date="2013-10-02", precision="day")]
    assert article_features(fetched).date is None
    posted = article("f2", [lead[0], "Posted on 2 October 2013", lead[2]])
    assert article_features(posted).date.value == "2013-10-02"


def test_a_statement_about_an_event_does_not_type_the_report():
    """A lead opening on what someone announced ("Police announced ...") reports the attack it
    tells of: the report's type for the story is the first news event that is not a statement, so
    it is not charged a type mismatch against a report of the attack itself."""
    lead = ["Police announced that a man was killed in the attack on the bank.",
            "The attack happened on Main Street."]
    told = article("s1", lead, [event("a", "statement", lead[0]), event("b", "attack", lead[1])])
    assert article_features(told).type == "attack"
    said = article("s2", lead[:1], [event("a", "statement", lead[0])])
    assert article_features(said).type == "statement"  # nothing else happened in it
    history = article("s3", lead, [event("a", "statement", lead[0]),
                                   event("b", "attack", lead[1], background=True)])
    assert article_features(history).type == "statement"  # background is not what it reports


def test_a_date_someone_was_born_on_is_no_date_of_its_news():
    """An obituary gives the birth date second ("Page was born on April 22, 1923"): analyse may
    date the death by it, as the first full date of the lead, but neither it nor an event anchored
    on it dates the report, and 1923 is no year of the lead."""
    from dossier.model import TimeExpression

    lead = ["Pinup icon Bettie Page died Thursday evening at a hospital in Los Angeles.",
            "Page was born on April 22, 1923, in Nashville."]
    obituary = article("b1", lead, [event("d", "attack", lead[0], date="1923-04-22", precision="day")])
    start = obituary.text.index("April 22, 1923")
    obituary.times = [TimeExpression(text="April 22, 1923", start=start, end=start + 14, value="1923-04-22",
                                     precision="day", kind="date", sentence=1)]
    features = article_features(obituary)
    assert features.date is None and not features.years
    posted = article("b2", [lead[0], "Posted on April 22, 2008."])
    assert article_features(posted).date.value == "2008-04-22"


def test_different_ages_of_two_reports_are_no_disagreement_on_the_numbers():
    """One shooting's reports give the victim's age ("63-year-old Madeline Kafoury") and the
    gunman's ("Anthony LaCalamita, 38, of Troy"): ages are people's, so two leads whose only numbers
    apart are ages are not charged the number mismatch; other numbers still are (5.6 and 5.9)."""
    from dossier.config import StoriesOptions
    from dossier.stories.evidence import Facts, pair_evidence

    victim = article("v1", ["He was charged in the slaying of 63 - year - old Madeline Kafoury.",
                            "The woman was shot at the firm."])
    gunman = article("v2", ["Police said Anthony LaCalamita, 38, of Troy was arrested on Interstate 75.",
                            "A man aged 52 was hurt."])
    assert article_features(victim).ages == {"63"}
    assert article_features(gunman).numbers == {"38", "75", "52"} and article_features(gunman).ages == {"38", "52"}
    options = StoriesOptions(number_mismatch_penalty=0.2, name_weight=0, place_weight=0)
    a, b = (Facts(numbers=f.numbers, ages=f.ages) for f in map(article_features, (victim, gunman)))
    assert pair_evidence(a, b, options=options) == 0.0
    quake = Facts(numbers=frozenset({"5.6"}))
    assert pair_evidence(quake, Facts(numbers=frozenset({"5.9"})), options=options) == -0.2
    assert pair_evidence(quake, b, options=options) == -0.2  # a magnitude against a highway number


def test_clusters_agreeing_on_different_key_numbers_are_two_events():
    from collections import Counter

    from dossier.stories.cluster import _Cluster

    def cluster(*numbers):
        return _Cluster(groups=list(range(len(numbers))), vector={}, key="k", latest_start=float("-inf"),
                        earliest_end=float("inf"), numbers=Counter(n for ns in numbers for n in ns),
                        numbered=sum(1 for ns in numbers if ns))

    five_six = cluster({"5.6"}, {"5.6", "1336"}, {"5.6"}, set())
    five_nine = cluster({"5.9", "10"}, {"5.9"}, {"10", "80"})
    assert five_six.key_facts_conflict(five_nine, 0.5)
    assert not five_six.key_facts_conflict(cluster({"5.6", "5"}, {"5.6"}), 0.5)  # the same magnitude
    staff = cluster({"50"}, {"50", "10"}, {"50"})
    assert not staff.key_facts_conflict(cluster({"60"}, {"8"}), 0.5)  # nothing agreed: incidental numbers
    # The agreed facts are kept per version of a cluster; a merge (a new version) asks again.
    assert five_nine.key_facts(0.5)[0] == {"5.9", "10"}
    five_nine.numbers.update({"5.6": 3})
    five_nine.numbered += 3
    assert five_nine.key_facts(0.5)[0] == {"5.9", "10"}  # same version: the kept sets
    five_nine.version += 1
    assert five_nine.key_facts(0.5)[0] == {"5.6"} and not five_six.key_facts_conflict(five_nine, 0.5)


def test_the_names_of_the_lead_are_evidence_for_one_event():
    """The words of the people and bodies a lead names ("Mark Teixeira", "Red Sox") reward a pair
    sharing them; a lead naming no one in common costs nothing (look-alike events share names too)."""
    from dossier.config import StoriesOptions
    from dossier.stories.evidence import Facts, pair_evidence

    sentences = ["The Red Sox made an offer to Mark Teixeira.", "Boston reportedly offered eight years."]
    lead = article("n1", sentences + ["Theo Epstein met the agent."])
    lead.mentions = [Mention("Red Sox", "ORG", 4, 11, 0), Mention("Mark Teixeira", "PERSON", 29, 42, 0),
                     Mention("Theo Epstein", "PERSON", 83, 95, 2)]
    assert article_features(lead).names == {"red", "sox", "mark", "teixeira"}  # the lead only
    options = StoriesOptions(name_weight=0.2)
    sox, angels = Facts(names=frozenset({"red", "sox", "teixeira"})), Facts(names=frozenset({"angels", "teixeira"}))
    assert pair_evidence(sox, sox, options=options) == 0.2
    assert 0 < pair_evidence(sox, angels, options=options) < 0.2
    assert pair_evidence(sox, Facts(names=frozenset({"yankees"})), options=options) == 0.0


def test_clusters_whose_leads_agree_on_different_years_are_two_events():
    """A firing whose reports say "in 2008" and a hiring whose reports say "2005": told apart by the
    years the leads agree on, as by key numbers, where no date checks them."""
    from collections import Counter

    from dossier.stories.cluster import _Cluster

    def cluster(*years):
        return _Cluster(groups=list(range(len(years))), vector={}, key="k", latest_start=float("-inf"),
                        earliest_end=float("inf"), years=Counter(y for ys in years for y in ys),
                        yeared=sum(1 for ys in years if ys))

    firing = cluster({2008}, {2008, 2007}, set(), {2008})
    hiring = cluster({2005}, {2005}, {2005})
    assert firing.key_facts_conflict(hiring, 0.5)
    assert not firing.key_facts_conflict(cluster({2008}, {2008}), 0.5)
    assert not firing.key_facts_conflict(cluster({2005}, {2006}), 0.5)  # nothing agreed on the other side



def placed(aid, sentences, *places):
    """An undated report whose lead names `places` (tagged as the entity model would)."""
    a = article(aid, sentences)
    for name in places:
        start = a.text.index(name)
        a.mentions.append(Mention(name, "GPE", start, start + len(name), 0))
    return a


def test_clusters_whose_leads_agree_on_different_places_are_two_events_where_no_date_checks_them():
    """One player, two clubs' offers, no dates: the reports of one offer agree on Las Vegas, those
    of the other on Boston, and none of either names the other's place, so the two are never one
    story however alike their words. Without places they are one story."""
    vegas = [placed("v1", ["The Angels made an eight-year offer to free agent first baseman Mark Teixeira in Las Vegas.",
                           "General manager Tony Reagins confirmed the offer at the winter meetings."], "Las Vegas"),
             placed("v2", ["In Las Vegas the Angels confirmed an eight-year offer to free agent Mark Teixeira.",
                           "The first baseman is weighing the offer, Tony Reagins said at the winter meetings."],
                    "Las Vegas")]
    boston = [placed("b1", ["The Red Sox made an eight-year offer to free agent first baseman Mark Teixeira in Boston.",
                            "General manager Theo Epstein confirmed the offer to the free agent."], "Boston"),
              placed("b2", ["In Boston the Red Sox confirmed an eight-year offer to free agent Mark Teixeira.",
                            "The first baseman is weighing the offer, Theo Epstein said."], "Boston")]
    stories, _ = build_stories(vegas + boston, [])
    assert story_sets(stories) == {frozenset({"v1", "v2"}), frozenset({"b1", "b2"})}
    unplaced = [dataclasses.replace(a, mentions=[]) for a in vegas + boston]
    assert len(build_stories(unplaced, [])[0]) == 1



def test_dated_clusters_are_not_told_apart_by_their_places():
    """Where both clusters are dated the date gate has checked them, and "Athens" and "Greece" are one
    place to a reader, not to a set: reports of one firebombing dated alike stay one story."""
    athens = ["A firebomb attack on a bank in Athens killed three employees during a general strike.",
              "Protesters threw petrol bombs at the bank as police fired tear gas at the crowd."]
    greece = ["A firebomb attack on a bank in Greece killed three employees during a general strike.",
              "Police fired tear gas as protesters threw petrol bombs at the bank during the strike."]
    reports = [placed(f"{place[0]}{i}", sentences + [later], place)
               for place, sentences in (("Athens", athens), ("Greece", greece))
               for i, later in ((1, "The strike closed schools."), (2, "Flights were grounded."))]
    for a in reports:
        a.events = [event("e", "attack", a.sentences[0].text, "2010-05-05", "day", place=None)]
    stories, _ = build_stories(reports, [])
    assert story_sets(stories) == {frozenset({"A1", "A2", "G1", "G2"})}

def test_places_are_checked_only_as_agreed_facts_of_both_clusters():
    from collections import Counter

    from dossier.stories.cluster import _Cluster

    def cluster(*places):
        return _Cluster(groups=list(range(len(places))), vector={}, key="k", latest_start=float("-inf"),
                        earliest_end=float("inf"), places=Counter(p for ps in places for p in ps),
                        placed=sum(1 for ps in places if ps))

    vegas = cluster({"las vegas"}, {"las vegas", "anaheim"}, set())
    assert vegas.key_facts_conflict(cluster({"boston"}, {"boston"}), 0.5)
    assert not vegas.key_facts_conflict(cluster({"boston"}, {"boston", "las vegas"}), 0.5)  # named there too
    assert not vegas.key_facts_conflict(cluster({"boston"}, {"texas"}), 0.5)  # nothing agreed on the other side

def test_a_page_stamp_does_not_push_the_first_sentence_out_of_the_lead():
    """A headline, then "December 15th, 2008, 7: 35 am", then the news: the stamp dates the report,
    and the lead's two sentences are the headline and the news, with its figure."""
    stamped = article("s1", ["Red Sox offer Teixeira", "December 15th, 2008, 7: 35 am",
                             "The Red Sox made an eight-year, 200 million offer.", "The Angels made 160 million."])
    features = article_features(stamped)
    assert features.date.value == "2008-12-15"
    assert features.numbers == {"200"} and features.years == {2008}
    plain = article("s2", ["Red Sox offer Teixeira", "The Red Sox made an offer.", "It is worth 200 million."])
    assert article_features(plain).numbers == frozenset()


def test_a_domain_general_event_is_labelled_by_its_predicate_not_its_type():
    from dossier.triggers import OCCURRENCE, event_label

    assert event_label({"type": OCCURRENCE, "predicate": "host"}) == "host"
    assert event_label({"type": OCCURRENCE, "predicate": None}) == OCCURRENCE
    assert event_label({"type": "talks", "predicate": "talks"}) == "talks"


def test_the_report_timeline_shows_no_two_rows_alike_for_one_sentence(seeds_db):
    import re

    from dossier.report import render_markdown
    from dossier.store import Store

    rows = [line for line in render_markdown(Store(seeds_db, readonly=True)).splitlines()
            if re.match(r"- \*\*\d", line)]
    assert rows and not any(" occurrence: " in row for row in rows)
    assert any(row.startswith("- **1990s** (decade)") for row in rows)  # not the TIMEX3 "199"
    assert len(rows) == len(set(rows))  # one sentence with two predicates gives two labelled rows


def test_the_report_lists_words_said_and_counts_attributed_stances_apart(seeds_db):
    from dossier.report import render_html
    from dossier.store import Store
    from dossier.store.export import export_dict

    store = Store(seeds_db, readonly=True)
    quotes = export_dict(store)["quotes"]
    stances = [q for q in quotes if q["act"] == "stance"]
    assert stances and len(stances) < len(quotes)
    page = render_html(store)
    table = page.split("<h2>Quotes</h2>", 1)[1].split("</table>", 1)[0]
    assert any(q["text"][:40] in table for q in quotes if q["act"] == "speech")
    assert not any(q["text"] in table for q in stances if len(q["text"]) > 25)
    assert f"{len(stances)} more attribution(s) name a stance" in page


def test_term_vectors_of_fitted_texts_equal_those_hashed_afresh():
    """The clustering's vectors reuse the term counts hashed at fit; a text not fitted is hashed
    then. Both give the same rows."""
    import numpy as np

    from dossier.stories.vectors import TermWeights

    texts = ["Rescuers reached the village after the earthquake on Monday.",
             "The central bank raised interest rates by half a point.",
             "Rescuers searched the rubble of the village for survivors."]
    weights = TermWeights().fit(texts)
    reused = weights.vectors(texts)
    hashed = weights.vectors(texts + ["A text the weights were not fitted on."])[:3]
    assert reused.shape == (3, hashed.shape[1]) and reused.nnz > 0
    assert np.array_equal(reused.toarray(), hashed.toarray())
    assert weights.vectors(texts[:1]).nnz == reused[0].nnz  # the rows asked for, in that order


def test_reports_dated_alike_need_a_shared_lead_fact_besides_topic_words():
    """Two reports of one week (a Davis Cup tie, a Lakers game) are both dated and within the date
    window, which checks nothing there; sharing only crowd words and no name, place, number or year
    in the lead, they are two stories (one with the former same-date bonus and no such penalty)."""
    from dossier.config import StoriesOptions
    from dossier.stories.evidence import Facts, pair_evidence
    from dossier.timevalue import parse_span

    def reports():
        return [article("T", ["Spain beat Russia in the Davis Cup tie in Madrid.",
                              "Fans cheered the home win late at night."], page_date="2019-11-20", trust="ok"),
                article("L", ["The Lakers defeated the Thunder behind LeBron James in Los Angeles.",
                              "Fans cheered another assist."], page_date="2019-11-19", trust="ok")]

    assert story_sets(build_stories(reports(), [])[0]) == {frozenset({"T"}), frozenset({"L"})}
    before = StoriesOptions(same_date_bonus=0.05, no_shared_fact_penalty=0.0)
    assert story_sets(build_stories(reports(), [], options=before)[0]) == {frozenset({"T", "L"})}
    day = parse_span("2019-11-19", "day")
    tie, game = Facts(date=day, numbers=frozenset({"2"})), Facts(date=day, numbers=frozenset({"113"}))
    options = StoriesOptions(no_shared_fact_penalty=0.03, number_weight=0.0, same_date_bonus=0.0)
    assert pair_evidence(tie, game, options=options) == -0.03
    assert pair_evidence(tie, tie, options=options) == 0.0  # a number in common
    assert pair_evidence(Facts(numbers=frozenset({"2"})), Facts(), options=options) == 0.0  # undated: not here


def test_one_pair_of_reports_read_as_a_template_filled_twice_does_not_split_their_event():
    """Two reports worded alike whose leads disagree on two kinds of key fact (a year, a number) are
    kept apart on their own, but as one pair among those between two clusters of one event's
    reports they only lower the link: they veto nothing."""
    from dossier.stories.cluster import StoryIndex
    from dossier.stories.evidence import TEMPLATE_EVIDENCE, Facts, pair_evidence
    from dossier.stories.features import ArticleFeatures

    told = Facts(years=frozenset({2008}), numbers=frozenset({"50"}))
    misread = Facts(years=frozenset({2045}), numbers=frozenset({"8"}))
    assert pair_evidence(told, misread, cosine=0.9) == TEMPLATE_EVIDENCE
    assert 0.9 + TEMPLATE_EVIDENCE < 0.1  # a pair alone never reaches the join threshold

    body = ("More than fifty firefighters fought the blaze that gutted the Waitrose supermarket in "
            "Banstead High Street, Surrey, which police treat as potentially suspicious")

    def report(aid, extra, years, numbers):
        return ArticleFeatures(id=aid, text=f"{body}. {extra}", date=None, type=None, place=None,
                               participants=frozenset(), published=None, years=frozenset(years),
                               numbers=frozenset(numbers), names=frozenset({"waitrose"}))

    reports = [report("r1", "Sixty residents were moved from their homes.", {2008}, {"50"}),
               report("r2", "Roads nearby were closed overnight.", (), ()),
               report("r3", "Neighbours watched the roof collapse.", (), ()),
               report("r4", "The fire broke out on the roof.", {2045}, {"8"})]
    index = StoryIndex.build(reports, [])
    assert len(set(index.article_story().values())) == 1
    alone = StoryIndex.build([reports[0], reports[3]], [])
    assert len(set(alone.article_story().values())) == 2


def test_clock_times_and_days_the_tagger_left_are_no_key_numbers_or_years():
    """A 24-hour time before its zone ("2045 GMT") is no year 2045, and the digits of "8.49pm",
    "11: 47: 35" or "APR 28" say when, not what: only the firefighters and the hurt are facts."""
    from dossier.stories.features import lead_facts

    fire = article("c1", ["The fire broke out on the roof at about 2045 GMT, and by 8.49pm more than 50 "
                          "firefighters were at the scene (posted 11: 47: 35).",
                          "APR 28 update: 3 people were hurt, police said on 10 Nov."])
    facts = lead_facts(fire)
    assert facts["numbers"] == {"50", "3"}
    assert not facts["years"]


def test_business_reports_dated_alike_naming_different_companies_are_two_stories():
    """A user's pile: Home Depot's quarterly results and Alibaba's Hong Kong listing, published a
    day apart, shared business words ("shares", "billion", "company") and a chance figure (a 2.8%
    fall, a 2.8% discount) and were one story. Dated alike, with leads naming different companies
    and places and no most-mentioned name in common, a number in common is no evidence and the
    pair is charged for naming nobody in common; two reports of one listing still join."""
    from dossier.stories.cluster import StoryIndex
    from dossier.stories.evidence import Facts, pair_evidence
    from dossier.stories.features import ArticleFeatures
    from dossier.timevalue import parse_span

    def report(aid, text, day, names, places, participants, numbers=("2.8",)):
        return ArticleFeatures(id=aid, text=text, date=parse_span(day, "day"), type=None, place=None,
                               participants=frozenset(participants), published=day,
                               numbers=frozenset(numbers), years=frozenset({2019}),
                               names=frozenset(names), places=frozenset(places))

    depot = report("depot", "Home Depot shares fell 2.8 percent after the retailer cut its sales forecast, "
                   "blaming weaker lumber prices.", "2019-11-19", {"home", "depot"}, set(), {"home depot", "lowe's"})
    listing = report("listing", "Alibaba priced its shares at a 2.8 percent discount for its Hong Kong listing, "
                     "raising 12.9 billion dollars.", "2019-11-20", {"alibaba"}, {"hong kong"},
                     {"alibaba", "hong kong"}, ("2.8", "12.9"))
    again = report("again", "Alibaba raised 12.9 billion dollars in its Hong Kong listing, pricing its shares "
                   "at a 2.8 percent discount to their New York close.", "2019-11-20",
                   {"alibaba"}, {"hong kong", "new york"}, {"alibaba", "hong kong"}, ("2.8", "12.9"))
    index = StoryIndex.build([depot, listing], [])
    assert len(set(index.article_story().values())) == 2
    index = StoryIndex.build([depot, listing, again], [])
    story = index.article_story()
    assert story["listing"] == story["again"] != story["depot"]
    facts = lambda f: Facts(date=f.date, participants=f.participants, years=f.years,  # noqa: E731
                            numbers=f.numbers, names=f.names, places=f.places)
    assert pair_evidence(facts(depot), facts(listing)) < 0 < pair_evidence(facts(listing), facts(again))


ESCAPE = {
    "escape": ("Seven inmates overpowered civilian workers and guards at a maximum-security prison in South "
               "Texas on Wednesday, stole more than a dozen guns and escaped in a prison pickup truck. The "
               "inmates, led by George Rivas, tied up and gagged the workers at the Connally Unit before "
               "fleeing, said Larry Todd, a spokesman for the prison system.", "2000-12-13", {2000},
               {"george", "rivas", "larry", "todd"}, {"south texas", "connally unit"}),
    "search": ("Law officers fanned out across South Texas on Thursday in search of seven convicts who broke "
               "out of the Connally Unit near Kenedy, armed with stolen guns. The prison pickup truck the men "
               "used was found abandoned behind a Walmart store. Among the escapees are George Rivas, Larry "
               "Harper and Patrick Murphy.", "2000-12-14", {2000},
               {"george", "rivas", "larry", "harper", "patrick", "murphy"}, {"south texas", "connally unit", "kenedy"}),
    "officer": ("A police officer was shot dead on Sunday night outside a sporting goods store in Irving, and "
                "authorities said the seven inmates who escaped from a South Texas prison this month were "
                "responsible. Officer Aubrey Hawkins was ambushed as he arrived at the store, where the robbers "
                "took more than 40 guns.", "2000-12-24", {2000},
                {"aubrey", "hawkins"}, {"irving", "south texas"}),
    "reward": ("The reward for information leading to the capture of the seven inmates who escaped from a "
               "Texas prison rose on Tuesday, as the FBI added the men to its list of most wanted fugitives. "
               "Investigators said the escapees, led by George Rivas, could be anywhere after they killed an "
               "Irving police officer on Christmas Eve.", "2001-01-02", {2001},
               {"fbi", "george", "rivas"}, {"texas", "irving"}),
    "captured": ("Four of the seven inmates who escaped from a Texas prison in December were captured on Monday "
                 "at a trailer park in the Colorado mountains, and a fifth killed himself as officers "
                 "surrounded his motor home. George Rivas, the leader of the group, was among those arrested "
                 "after a tip from viewers of a television program.", "2001-01-22", {2000, 2001},
                 {"george", "rivas"}, {"texas", "colorado"}),
    "surrender": ("The last two of the seven inmates who escaped from a Texas prison surrendered early on "
                  "Wednesday at a Holiday Inn in Colorado Springs after a standoff with police, ending a "
                  "six-week manhunt. Patrick Murphy and Donald Newbury gave up after they were allowed to make "
                  "statements on a local television station.", "2001-01-24", {2001},
                  {"patrick", "murphy", "donald", "newbury"}, {"texas", "colorado springs"}),
}


def escape_reports(dated: bool):
    from dossier.stories.features import ArticleFeatures
    from dossier.timevalue import parse_span

    return [ArticleFeatures(id=aid, text=text, date=parse_span(day, "day") if dated else None, type=None,
                            place=None, participants=frozenset(), published=day if dated else None,
                            years=frozenset(years) if dated else frozenset(), names=frozenset(names),
                            places=frozenset(places))
            for aid, (text, day, years, names, places) in ESCAPE.items()]


def test_reports_of_one_event_in_a_small_pile_find_each_other_by_the_words_they_share():
    """In a pile of a few reports a report's heaviest terms are the words no other text uses (the
    rarest): indexed only under those, the reports of one escape and its manhunt found almost no
    candidate neighbours and stayed apart. Each is also indexed under its heaviest words that
    another text uses."""
    from dossier.stories.cluster import StoryIndex

    reports = escape_reports(dated=False)[:4]
    index = StoryIndex.build(reports, [])
    assert len(set(index.article_story().values())) == 1
    assert len(index.evidence) == 6  # every pair of the four was scored


def test_a_manhunt_over_the_new_year_is_one_story():
    """A user's pile split the escape of seven Texas inmates (December) and their capture (January)
    apart: the leads name 2000 and 2001, which was charged as leads naming different years (three
    stories of the six reports before the candidate change, two of five after it). Both
    dated within the window, the dates have checked the pair; a new year between two reports is no
    disagreement. Undated, different years still count against (two keynotes, 2009 and 2012)."""
    from dossier.stories.cluster import StoryIndex
    from dossier.stories.evidence import Facts, pair_evidence
    from dossier.timevalue import parse_span

    index = StoryIndex.build(escape_reports(dated=True)[:5], [])
    assert len(set(index.article_story().values())) == 1
    december, january = parse_span("2000-12-24", "day"), parse_span("2001-01-02", "day")
    rivas = frozenset({"rivas"})
    assert pair_evidence(Facts(date=december, years=frozenset({2000}), names=rivas),
                         Facts(date=january, years=frozenset({2001}), names=rivas)) == \
        pair_evidence(Facts(date=december, years=frozenset({2001}), names=rivas),
                      Facts(date=january, years=frozenset({2001}), names=rivas))
    assert pair_evidence(Facts(years=frozenset({2009})), Facts(years=frozenset({2012}))) < 0


GAMES = {
    "chargers": ("Chargers coach Anthony Lynn conceded that playoff hopes faded after Monday's defeat by the "
                 "Chiefs at Estadio Azteca in Mexico City, where Patrick Mahomes threw for 283 yards. Philip "
                 "Rivers was intercepted four times. The coach said the team needed to win the game this season and the players agreed.",
                 "2019-11-19", {"chargers", "anthony", "lynn", "chiefs", "patrick", "mahomes", "philip", "rivers"},
                 {"mexico city"}, {"chargers", "chiefs", "anthony lynn", "philip rivers"}),
    "lakers": ("LeBron James posted a triple-double and Davis scored 34 points as the Lakers beat "
               "Oklahoma City on Tuesday for a fifth straight victory at Staples Center. Russell Westbrook "
               "sat out. The coach said the team needed to win the game this season and the players agreed.",
               "2019-11-20", {"lebron", "james", "davis", "lakers", "russell", "westbrook"},
               {"oklahoma city", "staples center"}, {"lakers", "thunder", "lebron james", "anthony davis"}),
    "browns": ("Myles Garrett swung a helmet at Mason Rudolph as the Browns beat Pittsburgh on Thursday, and "
               "the league suspended the defensive end indefinitely, with tackle Larry Ogunjobi banned one "
               "week. The coach said the team needed to win the game this season and the players agreed.",
               "2019-11-15", {"myles", "garrett", "mason", "rudolph", "browns", "larry", "ogunjobi"},
               {"pittsburgh"}, {"browns", "steelers", "myles garrett", "mason rudolph"}),
}


def test_reports_of_different_games_in_one_week_alike_only_in_the_pile_words_are_apart():
    """A user's pile: reports of three games of one week (Browns, Chargers, Lakers), their leads
    naming different teams and players, shared only the words every game report uses ("game",
    "season", "quarter", "win") and none of their heaviest terms; found as candidates by those
    shared words (`candidates.index_terms`), they were one story. Dated alike, naming different
    people and sharing none of their heaviest terms, such a pair is not scored."""
    from dossier.stories.cluster import StoryIndex
    from dossier.stories.features import ArticleFeatures
    from dossier.timevalue import parse_span

    reports = [ArticleFeatures(id=aid, text=text, date=parse_span(day, "day"), type=None, place=None,
                               participants=frozenset(participants), published=day, years=frozenset({2019}),
                               names=frozenset(names), places=frozenset(places))
               for aid, (text, day, names, places, participants) in GAMES.items()]
    index = StoryIndex.build(reports, [])
    assert len(set(index.article_story().values())) == 3


def test_a_given_name_alone_in_common_is_nobody_in_common():
    """A user's week of pages: a kidnapped girl rescued by Michael Webb in Fort Worth and two prison
    guards, one of them Michael Thomas, charged over Jeffrey Epstein's death, shared only the word
    "michael" of their leads' names; that counted as a name in common, so the pair was neither
    charged for naming nobody in common nor denied the name reward, and the reports were one story.
    A word both leads give only as someone's given name names nobody in common."""
    from dossier.stories.cluster import StoryIndex
    from dossier.stories.evidence import Facts, names_apart
    from dossier.stories.features import ArticleFeatures, lead_facts
    from dossier.timevalue import parse_span

    def person_lead(aid, sentences, people):
        a = article(aid, sentences)
        a.mentions = [Mention(p, "PERSON", a.text.index(p), a.text.index(p) + len(p)) for p in people]
        return lead_facts(a)

    rescue = person_lead("rescue", ["A kidnapped girl was rescued in Fort Worth on Monday after Michael Webb was "
                                    "arrested at a motel.", "Webb was charged with kidnapping."], ["Michael Webb", "Webb"])
    guards = person_lead("guards", ["Two guards, Michael Thomas and Tova Noel, were charged on Tuesday with "
                                    "falsifying records on the night Jeffrey Epstein died.", "They pleaded not guilty."],
                         ["Michael Thomas", "Tova Noel", "Jeffrey Epstein"])
    assert rescue["given"] == {"michael"} and guards["given"] == {"michael", "tova", "jeffrey"}
    again = person_lead("again", ["Michael Webb, 51, was charged on Monday.", "Police said Michael found her."],
                        ["Michael Webb", "Michael"])
    assert not again["given"]  # "Michael" alone names someone there

    texts = {"rescue": ("Police rescued a kidnapped girl from a motel room in Forest Hill after a neighbour "
                        "recognised the car from an alert, and Michael Webb was charged on Tuesday with kidnapping. "
                        "Detectives said the driver who called was a hero."),
             "guards": ("Two federal prison guards were charged on Tuesday with falsifying records on the night "
                        "Jeffrey Epstein killed himself in his cell, prosecutors said. Michael Thomas and Tova Noel "
                        "slept instead of checking on inmates, police said.")}
    facts = {"rescue": rescue, "guards": guards}
    reports = [ArticleFeatures(id=aid, text=texts[aid], date=parse_span(day, "day"), type=None, place=None,
                               participants=frozenset(), published=day, **facts[aid])
               for aid, day in (("rescue", "2019-11-18"), ("guards", "2019-11-19"))]
    pair = [Facts(names=r.names, places=r.places, given=r.given, numbers=r.numbers, years=r.years) for r in reports]
    assert names_apart(*pair)
    index = StoryIndex.build(reports, [])
    assert len(set(index.article_story().values())) == 2


def test_a_report_written_months_after_its_storys_event_does_not_take_that_date():
    """Washington Examiner (article-extraction-benchmark, 2019-11-18): the lead recalls "the night of
    March 10" (2019-03-10); analyse no longer makes that the article's event date, but the story's
    main event (the lead's dated event) gave it back to its only report."""
    from dossier.model import Story
    main = Event(id="e", type="occurrence", summary="e", date="2019-03-10", date_precision="day",
                 articles=["a", "b"], story="s", evidence=[Evidence("a#s1", "e"), Evidence("b#s1", "e")])
    articles = [article("a", ["One."], page_date="2019-11-18", trust="ok"),
                article("b", ["One."], page_date="2019-03-12", trust="ok")]
    story = Story(id="s", title="t", articles=["a", "b"])
    assert story_event_dates(articles, [story], [main]) == {"b": "2019-03-10"}


def test_a_storys_event_recalled_months_before_its_reports_is_not_its_main_event():
    """The same story (article-extraction-benchmark): both columns on the interview lead with it
    ("spent the weekend", "the interview aired"), one also with the recalled "night of March 10";
    the story's main event was that night, so neither report got the weekend as its event date."""
    from dossier.model import Story
    def told(eid, day, precision, where):
        return Event(id=eid, type="occurrence", summary=eid, date=day, date_precision=precision,
                     articles=sorted({w.split("#")[0] for w in where}), story="s",
                     evidence=[Evidence(w, eid) for w in where])
    events = [told("night", "2019-03-10", "day", ["a#s1", "b#s2"]), told("weekend", "2019-W46-WE", "week", ["a#s0"])]
    articles = [article("a", ["One."], page_date="2019-11-18", trust="ok"),
                article("b", ["One."], page_date="2019-11-18", trust="ok")]
    story = Story(id="s", title="t", articles=["a", "b"])
    assert story_event_dates(articles, [story], events) == {"a": "2019-W46-WE", "b": "2019-W46-WE"}
