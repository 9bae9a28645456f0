"""SQLite store: round trips, migrations, transactions, search."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier.model import (Alignment, Article, Corpus, Document, Evidence, Link, Quote, Rejection,
                           RemovedLine, Sentence)
from dossier.store import Store, StoreError
from dossier.store.migrations import MIGRATIONS


def _article(article_id="a1", text="Lavrov met the delegation in Moscow.") -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", text=text, title="Talks",
                   page_date="2021-10-20", page_date_trust="ok",
                   page_date_evidence=[Evidence("header", "date 2021-10-20")],
                   removed=[RemovedLine("Skip to content", "navigation", 0)],
                   sentences=[Sentence(0, 0, len(text), text)],
                   quotes=[Quote(id="q1", article=article_id, text="We talk", start=0, end=7, cue="said")])


def _store_with(tmp_path, *articles) -> Store:
    store = Store(tmp_path / "d.db")
    with store.transaction():
        for article in articles:
            store.put_document(Document(id=article.id, source=article.source, kind="text", raw=b"raw"))
            store.put_article(article)
    return store


def test_article_round_trip_keeps_every_field(tmp_path):
    article = _article()
    store = _store_with(tmp_path, article)
    assert store.article("a1") == article
    assert store.articles() == [article]
    assert store.raw_bytes("a1") == b"raw"


def test_corpus_round_trip(tmp_path):
    store = _store_with(tmp_path, _article())
    corpus = Corpus(links=[Link("a1", "a2", "rewrite", 0.9, "a_to_b", [Alignment("x", "y", 0.8, 1, 2)])])
    with store.transaction():
        store.put_corpus(corpus)
    assert store.corpus() == corpus


def test_migrations_are_applied_once_and_recorded(tmp_path):
    Store(tmp_path / "d.db").close()
    store = Store(tmp_path / "d.db")
    assert store.schema_version() == max(v for v, _ in MIGRATIONS)
    assert store.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_newer_schema_is_refused(tmp_path):
    Store(tmp_path / "d.db").close()
    db = sqlite3.connect(tmp_path / "d.db")
    db.execute("INSERT INTO schema_migrations(version) VALUES (999)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer Dossier"):
        Store(tmp_path / "d.db")


def test_not_a_database_is_a_clear_error(tmp_path):
    (tmp_path / "d.db").write_text("hello, I am a text file" * 100)
    with pytest.raises(StoreError, match="not a Dossier database"):
        Store(tmp_path / "d.db")


def test_failed_transaction_leaves_previous_state(tmp_path):
    store = _store_with(tmp_path, _article())
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.clear()
            store.put_rejection(Rejection("r", "bad.png", "ingest", "binary"))
            raise RuntimeError("crash mid-build")
    assert [a.id for a in store.articles()] == ["a1"]
    assert store.rejections() == []


def test_search_ranks_and_never_parses_user_syntax(tmp_path):
    store = _store_with(tmp_path, _article("a1", "Lavrov met the Taliban. Lavrov spoke."),
                        _article("a2", "The Taliban met in Kazan; Lavrov was absent."))
    hits = store.search("Lavrov")
    assert [h["id"] for h in hits] == ["a1", "a2"]  # two mentions rank above one (BM25)
    assert store.search('Lavrov" OR "x') is not None  # quotes in the query are not FTS syntax
    assert store.search("NEAR(") == []


def test_readonly_store_reads_and_refuses_writes(tmp_path):
    _store_with(tmp_path, _article()).close()
    reader = Store(tmp_path / "d.db", readonly=True)
    assert [a.id for a in reader.articles()] == ["a1"]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.put_rejection(Rejection("r", "x", "ingest", "why"))


def test_readonly_store_needs_an_existing_file(tmp_path):
    with pytest.raises(StoreError, match="no dossier at"):
        Store(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_rewriting_an_article_replaces_its_search_row_and_skips_unchanged_ones(tmp_path):
    store = _store_with(tmp_path, _article("a1"), _article("a2", "Blinken stayed in Washington."))
    with store.transaction():
        assert store.put_article(_article("a2", "Blinken stayed in Washington.")) is False  # unchanged
        assert store.put_article(_article("a1", "Lavrov flew to Kazan instead.")) is True
    assert [hit["id"] for hit in store.search("Kazan")] == ["a1"]
    assert store.search("Moscow") == []  # the old text left the index
    assert [hit["id"] for hit in store.search("Washington")] == ["a2"]
    assert store.db.execute("SELECT count(*) FROM article_fts").fetchone()[0] == 2


def _schema(path, below: int) -> sqlite3.Connection:
    """A dossier as the migrations before `below` left it."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
    for version, sql in MIGRATIONS:
        if version < below:
            for statement in sql.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute("INSERT INTO schema_migrations(version) VALUES (?)", (version,))
    return db


def test_the_full_text_migration_maps_rows_of_an_older_dossier(tmp_path):
    path = tmp_path / "old.db"
    db = _schema(path, 5)
    db.execute("INSERT INTO documents(id, source, kind, raw) VALUES ('a1', 'a1.txt', 'text', x'00')")
    db.execute("INSERT INTO articles(id, source, data) VALUES ('a1', 'a1.txt', '{}')")
    db.execute("INSERT INTO article_fts(id, title, text) VALUES ('a1', 'Talks', 'Lavrov in Moscow')")
    db.close()
    store = Store(path)
    with store.transaction():
        store.put_article(_article("a1", "Lavrov flew to Kazan instead."))
    assert store.search("Moscow") == [] and [hit["id"] for hit in store.search("Kazan")] == ["a1"]


def test_quote_variants_group_rewordings_and_keep_other_quotes_apart():
    from rapidfuzz import fuzz

    from dossier.store.readmodel import VARIANT_MIN_RATIO, quote_variants

    said = ["We support the formation of an inclusive government in Afghanistan",
            "The talks will continue in Moscow next week",
            "We back the formation of an inclusive government in Afghanistan.",
            "Moscow will host the next round of talks",
            "we support forming an inclusive Afghan government"]
    groups = quote_variants([{"text": t} for t in said])
    assert [[said.index(q["text"]) for q in g] for g in groups] == [[0, 2, 4], [1], [3]]
    # the prefix filter finds what comparing with every group finds
    assert fuzz.ratio(said[0], said[4]) >= VARIANT_MIN_RATIO > fuzz.ratio(said[1], said[3])


@given(st.lists(st.sampled_from(["we support an inclusive government", "we back an inclusive government",
                                  "an inclusive government we support", "talks go on in Moscow",
                                  "the talks go on in Moscow next week", "no comment"]), max_size=12))
def test_quote_variants_send_a_repeated_text_where_it_went_first(texts):
    from dossier.store.readmodel import quote_variants

    groups = quote_variants([{"text": t, "i": i} for i, t in enumerate(texts)])
    group_of = {q["i"]: n for n, g in enumerate(groups) for q in g}
    assert sorted(group_of) == list(range(len(texts)))
    for i, t in enumerate(texts):
        assert group_of[i] == group_of[texts.index(t)]
    # each group starts at its first quote, in input order
    assert [g[0]["i"] for g in groups] == sorted(g[0]["i"] for g in groups)


@given(st.text(alphabet="ab c", max_size=40), st.text(alphabet="ab c", max_size=40))
def test_two_texts_at_the_variant_ratio_pass_the_length_bound(a, b):
    from rapidfuzz import fuzz

    from dossier.store.readmodel import _LENGTH_BOUND, VARIANT_MIN_RATIO

    if fuzz.ratio(a, b) >= VARIANT_MIN_RATIO:
        assert len(b) * _LENGTH_BOUND <= len(a) <= len(b) / _LENGTH_BOUND


def test_the_digest_migration_lets_an_unchanged_corpus_write_nothing(tmp_path):
    from dossier.model import to_json
    from dossier.store.db import corpus_digest

    quotes = [Quote(id=f"q{i}", article="a1", text=f"We talk {i}", start=0, end=7) for i in range(3)]
    db = _schema(tmp_path / "old.db", 10)
    db.executemany("INSERT INTO corpus(kind, id, position, data) VALUES ('quote', ?, ?, ?)",
                   [(q.id, i, to_json(q).decode()) for i, q in enumerate(quotes)])
    db.close()
    store = Store(tmp_path / "old.db")
    assert [bytes(r[0]) for r in store.db.execute("SELECT digest FROM corpus ORDER BY position")] == \
        [corpus_digest(to_json(q)) for q in quotes]
    with store.transaction():
        store.db.execute("CREATE TEMP TRIGGER written AFTER INSERT ON corpus BEGIN SELECT raise(ABORT, 'written'); END")
        store.put_corpus(Corpus(quotes=quotes), changed_articles=[])  # raises if any row is written
        # moved items keep their rows: only the positions change, and none counts as changed
        assert store._write_items("quote", quotes[::-1]) == frozenset()
    assert store.corpus().quotes == quotes[::-1]
