"""The store's read side: read tables follow every corpus write; lists page, sort and filter in SQL;
search matches prefixes and near spellings of names; provenance counts come from the build's
derivation edges."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from dossier.model import (Article, Corpus, Derivation, Document, Entity, Event, Flag, FlagEvidence, Link, Mention,
                           Quote, Story)
from dossier.store import Store
from dossier.store import queries as q
from dossier.store.readmodel import MIGRATIONS, derived_kinds, member_roles, outlet_name


def _article(i: int, site: str | None = None, date: str | None = None, text: str = "") -> Article:
    text = text or f"Article {i} says Sergei Lavrov met Zamir Kabulov in Moscow."
    start = text.find("Sergei Lavrov")
    mentions = [Mention(text="Sergei Lavrov", label="PERSON", start=start, end=start + 13, entity="e-lavrov")] if start >= 0 else []
    return Article(id=f"a{i:02d}", source=f"in/{i:02d}.txt", text=text, title=f"Title {i}", site=site,
                   page_date=date, page_date_trust="ok" if date else "missing", mentions=mentions)


@pytest.fixture()
def store(tmp_path) -> Store:
    store = Store(tmp_path / "d.db")
    articles = [_article(i, site="wire.example" if i % 3 == 0 else f"site{i}.example",
                         date=f"2021-10-{10 + i:02d}" if i % 4 else None) for i in range(12)]
    with store.transaction():
        for article in articles:
            store.put_document(Document(id=article.id, source=article.source, kind="text", raw=b"raw"))
            store.put_article(article)
        links = [Link(a="a00", b="a01", kind="copy", score=0.95, direction="a_to_b"),
                 Link(a="a01", b="a02", kind="rewrite", score=0.8, direction="a_to_b"),
                 Link(a="a00", b="a03", kind="partial", score=0.3)]
        stories = [Story(id="s1", title="Moscow talks", articles=["a00", "a01", "a02", "a03"], original="a00",
                         independent_sources=2, first_reported="2021-10-10", lineages=[["a00", "a01", "a02"], ["a03"]],
                         edges=[Derivation("a00", "a01", "copy"), Derivation("a01", "a02", "rewrite")]),
                   *[Story(id=f"s{i}", title=f"Story {i}", articles=[f"a{i:02d}"], independent_sources=1,
                           first_reported=f"2021-10-{10 + i:02d}", lineages=[[f"a{i:02d}"]]) for i in range(4, 12)]]
        entities = [Entity(id="e-lavrov", name="Sergei Lavrov", type="PERSON", aliases=["Lavrov", "Sergei Lavrov"]),
                    Entity(id="e-kabulov", name="Zamir Kabulov", type="PERSON", aliases=["Kabulov"])]
        quotes = [Quote(id=f"q{i}", article=f"a{i:02d}", text=text, start=0, end=5, speaker="e-lavrov", kind=kind)
                  for i, (text, kind) in enumerate([("an inclusive government is needed", "direct"),
                                                    ("an inclusive government is what is needed", "direct"),
                                                    ("the talks went well", "indirect")])]
        events = [Event(id="ev-b", type="talks", summary="later", date="2021-11", date_precision="month",
                        participants=["e-lavrov"], articles=["a00"], story="s1"),
                  Event(id="ev-a", type="talks", summary="earlier", date="2021-W41", date_precision="week",
                        articles=["a01"], story="s1")]
        flags = [Flag(id="f1", kind="changed_fact", articles=["a00", "a01"],
                      evidence=[FlagEvidence("a00", "logistical"), FlagEvidence("a01#2", "technological")],
                      detail="a word changed", severity="high"),
                 Flag(id="f2", kind="misdated_page", articles=["a05"], evidence=[], detail="misdated", severity="low")]
        store.put_corpus(Corpus(links=links, stories=stories, entities=entities, quotes=quotes, events=events, flags=flags))
    return store


def test_lists_page_sort_and_filter(store):
    first = q.article_list(store.db, "date", {}, q.Paging(1, 5))
    assert first["total"] == 12 and first["pages"] == 3 and len(first["items"]) == 5
    dates = [a["date"] for a in q.article_list(store.db, "date", {}, q.Paging(1, 50))["items"]]
    assert dates == sorted(d for d in dates if d) + [None] * dates.count(None)  # undated last
    wire = q.article_list(store.db, "date", {"outlet": "wire.example"})
    assert wire["total"] == 4 and {a["outlet"] for a in wire["items"]} == {"wire.example"}
    assert {"value": "wire.example", "count": 4} in q.article_list(store.db)["facets"]["outlet"]
    assert q.article_list(store.db, "date", {"outlet": "'; DROP TABLE articles; --"})["total"] == 0
    assert q.article_list(store.db, "nonsense")["sort"] == "date"  # unknown sort keys fall back
    assert [s["id"] for s in q.story_list(store.db, "articles", {}, q.Paging(1, 1))["items"]] == ["s1"]
    assert q.entity_list(store.db, "name", {"name": "Kab"})["items"][0]["id"] == "e-kabulov"
    assert q.entity_list(store.db, "name", {"name": "Sergei Lav"})["total"] == 1  # a phrase, its last word a prefix
    assert q.entity_list(store.db, "name", {"name": 'Kab" OR "Ser'})["total"] == 0  # never FTS syntax


def test_timeline_keeps_the_builds_order(store):
    # The build put "2021-W41" after "2021-11" here on purpose: the read side never re-sorts by string.
    assert [e["id"] for e in q.timeline(store.db)["items"]] == ["ev-b", "ev-a"]
    assert [e["id"] for e in q.timeline(store.db, {"entity": "e-lavrov"})["items"]] == ["ev-b"]


def test_a_decade_reads_as_the_1990s_in_the_timeline_year_facet(tmp_path):
    store = Store(tmp_path / "decade.db")
    events = [Event(id="ev-90s", type="talks", summary="rule of the 1990s", date="199", date_precision="decade",
                    articles=["a00"]),
              Event(id="ev-day", type="talks", summary="met", date="2021-10-20", date_precision="day", articles=["a00"])]
    with store.transaction():
        store.put_corpus(Corpus(links=[], stories=[], entities=[], quotes=[], events=events, flags=[]))
    facets = {f["value"]: f.get("name") for f in q.timeline(store.db)["facets"]["year"]}
    assert facets["199"] == "1990s" and facets["2021"] is None
    assert [e["shown_date"] for e in q.timeline(store.db, {"year": "199"})["items"]] == ["1990s"]


def test_an_event_every_report_foretold_is_marked_expected(tmp_path):
    store = Store(tmp_path / "expected.db")
    articles = [_article(1, date="2021-10-20"), _article(2), _article(3)]
    articles[2].event_date = "2021-10-20"  # no trusted page date: the day of the news it reports
    events = [Event(id="ev-plan", type="visit", summary="to visit next month", date="2021-11", date_precision="month",
                    articles=["a01", "a03"], time="next month"),
              Event(id="ev-told-later", type="visit", summary="visited in November", date="2021-11",
                    date_precision="month", articles=["a01", "a03"], time="November"),  # a03 may be December's
              Event(id="ev-dated-page", type="visit", summary="will visit in November", date="2021-11",
                    date_precision="month", articles=["a01"], time="November"),
              Event(id="ev-done", type="talks", summary="talks on Tuesday", date="2021-10-19", date_precision="day",
                    articles=["a01"]),
              Event(id="ev-unknown", type="visit", summary="a visit in November", date="2021-11",
                    date_precision="month", articles=["a01", "a02"])]  # a02 has no date: cannot tell
    with store.transaction():
        for article in articles:
            store.put_document(Document(id=article.id, source=article.source, kind="text", raw=b"raw"))
            store.put_article(article)
        store.put_corpus(Corpus(links=[], stories=[], entities=[], quotes=[], events=events, flags=[]))
    expected = {e["id"]: e["expected"] for e in q.timeline(store.db)["items"]}
    assert expected == {"ev-plan": True, "ev-told-later": False, "ev-dated-page": True, "ev-done": False,
                        "ev-unknown": False}


def test_timeline_rows_show_one_sentences_events_as_one_row():
    sentence = "They hosted Osama bin Laden in the 1990s, which sparked concern."
    def event(i, label, articles, sources, summary=sentence, date="199"):
        return {"id": f"ev{i}", "label": label, "summary": summary, "date": date, "date_precision": "decade",
                "story": "s1", "background": True, "articles": articles, "participants": [f"p{i}"],
                "evidence": [{"source": articles[0], "text": summary}], "independent_sources": sources}
    rows = q.timeline_rows([event(1, "host", ["a1"], 1), event(2, "the same label", ["a2"], 1),
                            event(3, "spark", ["a1", "a3"], 2), event(4, "host", ["a1"], 1, date="2001"),
                            event(5, "host", ["a1"], 1, summary="Another sentence.")])
    assert [r["ids"] for r in rows] == [["ev1", "ev2", "ev3"], ["ev4"], ["ev5"]]
    first = rows[0]
    assert first["label"] == "host · the same label · spark" and first["articles"] == ["a1", "a2", "a3"]
    assert first["independent_sources"] == 2 and first["participants"] == ["p1", "p2", "p3"]
    assert len(first["evidence"]) == 2  # a1's sentence once, a2's
    assert rows[1]["label"] == "host" and rows[1]["date"] == "2001"


def test_a_timeline_row_tells_the_most_factual_modality_of_its_events():
    def event(i, modality):
        return {"id": f"ev{i}", "label": "visit", "summary": "Putin will visit Kabul.", "date": "2024-05",
                "date_precision": "month", "articles": [f"a{i}"], "independent_sources": 1, "modality": modality}
    planned, = q.timeline_rows([event(1, "hypothetical"), event(2, "planned")])
    assert planned["modality"] == "planned"
    told, = q.timeline_rows([event(1, "reported"), event(2, "asserted"), event(3, "planned")])
    assert told["modality"] == "asserted"


def test_story_provenance_counts_follow_the_builds_edges(store):
    row = q.story_row(store.db, "s1")
    assert (row["independent_sources"], row["copies"], row["rewrites"], row["partials"]) == (2, 1, 1, 1)
    assert q.story_roles(store.db, "s1") == {"a00": "original", "a01": "copy", "a02": "rewrite", "a03": "partial"}


def test_roles_are_the_builds_edges_not_rederived_from_links():
    # The link says translation, the build's edge says rewrite: the edge wins (the web draws what
    # the build decided). w is in x's lineage with no edge into it: a version, not a copy. A partial
    # link makes z, the first of its own lineage, a reuser.
    story = {"articles": ["x", "y", "w", "z"], "original": "x", "lineages": [["x", "y", "w"], ["z"]],
             "edges": [{"source": "x", "derived": "y", "kind": "rewrite", "basis": "lineage"},
                       {"source": "w", "derived": "y", "kind": "rewrite", "basis": "link"}]}
    links = [{"a": "x", "b": "y", "kind": "translation", "direction": None},
             {"a": "y", "b": "z", "kind": "partial", "direction": None},
             {"a": "x", "b": "w", "kind": "partial", "direction": None}]
    assert derived_kinds(story) == {"y": "rewrite"}
    assert member_roles(story, links) == {"x": "original", "y": "rewrite", "w": "version", "z": "partial"}
    # A story stored before edges were kept: later lineage members are copies of an unknown kind.
    assert derived_kinds(dict(story, edges=[])) == {"y": "copy", "w": "copy"}


def test_outlet_names_prefer_site_then_credit_then_byline():
    assert outlet_name("abc.example", "ABC", "Jo", "x/1.txt") == "abc.example"
    assert outlet_name(None, "ABC News", "Jo", "x/1.txt") == "ABC News (credited)"
    assert outlet_name(None, None, "Jo Smith", "x/1.txt") == "Jo Smith (byline)"
    assert outlet_name(None, None, None, "x/1.txt#3") == "1.txt"


def test_search_matches_prefixes_aliases_and_near_spellings(store):
    def search(text):
        return q.search(store.db, q.match_expression(store.db, text))

    assert [h["id"] for h in search("Lavr")["entity"]] == ["e-lavrov"]
    assert [h["id"] for h in search("Sergey")["entity"]] == ["e-lavrov"]  # fuzzy: Sergei
    assert search("Kabul")["entity"][0]["id"] == "e-kabulov"
    assert {h["id"] for h in search("inclusive")["quote"]} == {"q0", "q1"}
    assert [h["id"] for h in search("Moscow talks")["story"]] == ["s1"]
    assert search('Lavr" (*')["counts"]["entity"] == 1  # user text is never FTS syntax
    assert search("Xyzzy")["counts"] == {"entity": 0, "story": 0, "quote": 0, "flag": 0}
    # a widened word (Sergey OR Sergei) beside another word: FTS5 needs an explicit AND there
    assert [h["id"] for h in search("Sergey Lavrov")["entity"]] == ["e-lavrov"]
    assert [h["id"] for h in search("Lavrov Sergey")["entity"]] == ["e-lavrov"]


def test_article_search_filters_in_sql_and_facets_its_best_hits(store):
    match = q.match_expression(store.db, "Kabul")
    everything = q.article_search(store.db, match)
    assert everything["total"] == 12 and not everything["capped"]
    assert {"value": "wire.example", "count": 4} in everything["facets"]["sites"]
    assert everything["facets"]["entities"] == [{"value": "e-lavrov", "count": 12, "name": "Sergei Lavrov"}]
    assert "\x02Kabul" in everything["items"][0]["snippet"]
    # dated 2021-10-11 .. 2021-10-21, every fourth undated: from the 20th on, two; undated never pass
    late = q.article_search(store.db, match, q.ArticleFilters(first_day=date(2021, 10, 20).toordinal()))
    assert sorted(c["id"] for c in late["items"]) == ["a10", "a11"]
    wire = q.article_search(store.db, match, q.ArticleFilters(site="wire.example"), q.Paging(1, 2), facet_hits=3)
    assert (wire["total"], len(wire["items"]), wire["capped"]) == (4, 2, True)
    assert q.article_search(store.db, None, q.ArticleFilters(site="wire.example"))["total"] == 4  # browsing


def test_quote_ledger_groups_wordings_of_one_speaker(store):
    groups = q.quote_groups(store.db, filters={"speaker": "e-lavrov"})["items"]
    assert [[x["id"] for x in g["quotes"]] for g in groups] == [["q0", "q1"], ["q2"]]
    assert q.quote_groups(store.db, filters={"kind": "indirect"})["total"] == 1
    first = q.quote_groups(store.db, filters={"speaker": "e-lavrov"}, per_group=1)["items"][0]
    assert ([x["id"] for x in first["quotes"]], first["count"], first["wordings"]) == (["q0"], 2, 2)


def test_read_tables_follow_a_rebuild_and_an_old_dossier_gets_them(tmp_path, store):
    with store.transaction():
        store.put_corpus(Corpus())
    assert q.counts(store.db)["stories"] == 0 and q.story_list(store.db)["items"] == []
    # A dossier written before the read tables existed: migrating fills them from its rows.
    path = tmp_path / "old.db"
    old = Store(path)
    with old.transaction():
        old.put_document(Document(id="a01", source="in/01.txt", kind="text", raw=b"raw"))
        old.put_article(_article(1, site="old.example"))
    old.close()
    db = sqlite3.connect(path)
    db.executemany("DELETE FROM schema_migrations WHERE version=?", [(v,) for v in MIGRATIONS])
    # full-text tables first (dropping one drops its shadow tables), then the plain ones left
    for table in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'"
                                           " AND name LIKE 'read_%'")]:
        db.execute(f"DROP TABLE {table}")
    for table in [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'read_%'")]:
        db.execute(f"DROP TABLE {table}")
    db.commit()
    db.close()
    reopened = Store(path)
    assert q.article_list(reopened.db)["items"][0]["outlet"] == "old.example"


def test_quotes_without_a_speaker_are_in_no_speaker_facet(tmp_path):
    store = Store(tmp_path / "q.db")
    quotes = [Quote(id="q0", article="a00", text="we will talk", start=0, end=5, speaker="e-lavrov",
                    speaker_text="Lavrov", kind="direct"),
              Quote(id="q1", article="a00", text="they will not", start=0, end=5, speaker=None,
                    speaker_text="they", kind="indirect")]
    article = _article(0)
    with store.transaction():
        store.put_document(Document(id=article.id, source=article.source, kind="text", raw=b"raw"))
        store.put_article(article)
        store.put_corpus(Corpus(links=[], stories=[], entities=[], quotes=quotes, events=[], flags=[]))
    for filters in ({}, {"kind": "indirect"}, {"kind": "direct"}):
        values = [f["value"] for f in q.quote_groups(store.db, filters=filters)["facets"]["speaker"]]
        assert "" not in values and None not in values, filters
    assert q.quote_groups(store.db)["total"] == 2  # the quotes themselves are all listed


def test_the_quote_ledger_tells_words_said_from_stances(tmp_path):
    store = Store(tmp_path / "acts.db")
    quotes = [Quote(id="q-said", article="a01", text="the talks went well", start=0, end=5, speaker="e-lavrov",
                    kind="indirect", cue="said"),
              Quote(id="q-stance", article="a01", text="stability and inclusivity", start=9, end=20,
                    speaker="e-lavrov", kind="indirect", cue="supporting", act="stance")]
    with store.transaction():
        store.put_document(Document(id="a01", source="in/01.txt", kind="text", raw=b"raw"))
        store.put_article(_article(1))
        store.put_corpus(Corpus(links=[], stories=[], entities=[], quotes=quotes, events=[], flags=[]))
    ledger = q.quote_groups(store.db)
    assert {f["value"]: f["count"] for f in ledger["facets"]["act"]} == {"speech": 1, "stance": 1}
    speech = q.quote_groups(store.db, filters={"act": "speech"})
    assert [x["id"] for g in speech["items"] for x in g["quotes"]] == ["q-said"]
    assert {f["value"] for f in speech["facets"]["kind"]} == {"indirect"}
