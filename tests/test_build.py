"""Builds end to end: idempotent re-ingest, incremental add equals a build from scratch,
bad inputs beside good ones, and a killed build that leaves the previous dossier intact."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

from conftest import SEEDS
from dossier.pipeline import build
from dossier.store import Store
from dossier.store.export import export_dict


def _seed_files():
    return sorted(SEEDS.glob("*.txt"))


def test_rebuilding_and_re_adding_the_same_files_adds_nothing(tmp_path, options, resources):
    store = Store(tmp_path / "d.db")
    first = build(store, [SEEDS], options, resources=resources)
    again = build(store, [SEEDS], options, incremental=True, resources=resources)
    assert first.added == 5 and again.added == 0 and again.unchanged == 5
    assert store.stats()["documents"] == 5 and store.stats()["articles"] == 5


def test_two_builds_over_one_store_give_byte_equal_exports(seeds_db, tmp_path, options, resources):
    """Re-running every corpus stage over the stored per-article products (an `add` of nothing new)
    decides what the first build decided, byte for byte: no stage reads its own earlier output."""
    shutil.copy(seeds_db, tmp_path / "again.db")
    store = Store(tmp_path / "again.db")
    first = json.dumps(export_dict(store), ensure_ascii=False, indent=2)
    result = build(store, [SEEDS], options, incremental=True, resources=resources)
    assert result.added == 0
    second = json.dumps(export_dict(store), ensure_ascii=False, indent=2)
    assert second == first
    assert '"contradicted"' in first  # a page-date verdict is among what must come back the same


def test_an_add_keeps_claims_for_articles_analysed_before_claims_were_kept(seeds_db, tmp_path, options, resources):
    """A store written before `Article.claims` existed: the next add extracts the stored articles'
    claims once and keeps them, and decides what the store held."""
    from dossier.store.db import ANALYSED

    shutil.copy(seeds_db, tmp_path / "old.db")
    store = Store(tmp_path / "old.db")
    before = json.dumps(export_dict(store), ensure_ascii=False)
    for article_id, data in store.products(ANALYSED).items():
        old = json.loads(data)
        old.pop("claims", None)
        store.put_product(article_id, ANALYSED, json.dumps(old).encode())
    store.db.commit()
    assert all(a.claims is None for a in store.analysed_articles())
    build(store, [SEEDS], options, incremental=True, resources=resources)
    assert all(a.claims is not None for a in store.analysed_articles())
    assert any(a.claims for a in store.analysed_articles())
    assert json.dumps(export_dict(store), ensure_ascii=False) == before


def test_add_equals_build_from_scratch(tmp_path, options, resources):
    part_one, part_two = tmp_path / "one", tmp_path / "two"
    part_one.mkdir()
    part_two.mkdir()
    for i, file in enumerate(_seed_files()):
        shutil.copy(file, (part_one if i % 2 == 0 else part_two) / file.name)
    incremental = Store(tmp_path / "inc.db")
    build(incremental, [part_one], options, resources=resources)
    build(incremental, [part_two], options, incremental=True, resources=resources)
    scratch = Store(tmp_path / "scratch.db")
    build(scratch, [SEEDS], options, resources=resources)

    def comparable(store):  # sources differ by input root only
        data = export_dict(store)
        for article in data["articles"]:
            article["source"] = article["source"].rsplit("/", 1)[-1]
        return data

    assert comparable(incremental) == comparable(scratch)


def test_the_store_step_serialises_only_articles_decided_under_a_new_key(tmp_path, monkeypatch):
    from dossier.model import Article, Corpus, Document
    from dossier.pipeline import store_decided

    store = Store(tmp_path / "d.db")
    first = [Article(id="a", source="a.txt", text="Talks in Moscow."), Article(id="b", source="b.txt", text="Aid.")]
    with store.transaction():
        for article in first:
            store.put_document(Document(id=article.id, source=article.source, kind="text", raw=b"x"))
        assert store_decided(store, first, Corpus(articles=first, decided={"a": "k1", "b": "k1"}), False) == ["a", "b"]
    written = []
    monkeypatch.setattr(Store, "put_article", lambda self, article: written.append(article.id) or True)
    again = [Article(id="a", source="a.txt", text="Talks in Kazan."), first[1]]
    with store.transaction():  # "a" decided under a new key: written; "b" under its stored key: not serialised
        assert store_decided(store, again, Corpus(articles=again, decided={"a": "k2", "b": "k1"}), True) == ["a"]
    assert written == ["a"]


def test_bad_inputs_beside_good_ones(tmp_path, options, resources):
    folder = tmp_path / "mixed"
    shutil.copytree(SEEDS, folder)
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    (folder / "empty.txt").write_bytes(b"")
    with open(folder / "huge.txt", "wb") as huge:  # 50 MB
        huge.write(b"All work and no play. " * (50_000_000 // 22))
    (folder / "invalid.txt").write_bytes(b"Valid start \xff\xfe then garbage \xc3\x28")
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</body></html>")

    store = Store(tmp_path / "d.db")
    result = build(store, [folder], options, resources=resources)
    assert result.added == 5
    reasons = {r.source: r.reason for r in store.rejections()}
    assert set(reasons) == {"picture.png", "empty.txt", "huge.txt", "invalid.txt", "deep.html"}
    assert store.stats()["rejections"] == 5
    assert {r["source"] for r in export_dict(store)["rejected"]} == set(reasons)


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from dossier.config import Options
    from dossier.pipeline import build
    from dossier.store import Store

    def progress(items, label, total=None):
        if label == "analysing":  # the build transaction is open and has written documents
            Path(sys.argv[2]).write_text("mid-build")
            time.sleep(600)
        return items

    build(Store(sys.argv[1]), [Path(sys.argv[3])], Options(), progress=progress)
""")


def test_sigkill_mid_build_keeps_the_previous_build(tmp_path, options, resources):
    db = tmp_path / "d.db"
    store = Store(db)
    build(store, [_seed_files()[0]], options, resources=resources)
    before = export_dict(store)
    store.close()

    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(marker), str(SEEDS)])
    try:
        while not marker.exists():
            assert child.poll() is None, "the build ended before reaching the analyse stage"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
    reopened = Store(db)
    assert export_dict(reopened) == before
    assert reopened.stats()["documents"] == 1
    assert before["articles"][0]["source"].startswith("000")



def test_an_encoder_setting_that_cannot_be_used_stops_the_build_before_it_reads(tmp_path, options, resources):
    """A GPU asked for where torch sees none (or an unknown precision) is a clear error at once,
    not after the whole analysis, and the dossier keeps what it held."""
    import dataclasses

    import pytest
    import torch

    store = Store(tmp_path / "d.db")
    build(store, [SEEDS / "002_e4a18ec38eaa729b.txt"], options, resources=resources)
    before = export_dict(store)
    device = "gpu" if torch.cuda.is_available() else "cuda"
    for reuse in (dataclasses.replace(options.reuse, encoder_device=device),
                  dataclasses.replace(options.reuse, encoder_precision="fp16")):
        with pytest.raises(ValueError, match="encoder_device|encoder_precision"):
            build(store, [SEEDS], dataclasses.replace(options, reuse=reuse), resources=resources,
                  observe=lambda phase: pytest.fail(f"the build reached {phase}"))
    assert export_dict(store) == before
