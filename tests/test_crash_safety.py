"""Crash safety under fire (issue 12): SIGKILL at random points of `build` and `add` leaves a store
that opens, answers `stats` and exports exactly the old or the new dossier; a second writer waits
with a message or fails clearly; reading commands never write or migrate a store."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from conftest import SEEDS
from dossier.cli import EXIT_INPUT, EXIT_OK, main
from dossier.store import Store, StoreError
from dossier.store.db import corpus_digest
from dossier.store.migrations import MIGRATIONS

# One process loads the pipeline once (with a rule-based NER and a hashing sentence encoder, so no
# model is timed: the store's transaction is under test, not the models) and forks a child per
# trial; the parent kills the child after a delay spread over twice the operation's uninterrupted
# time (stratified, so every phase can be hit, the commit included), then checks the store. Which
# kills land before or after the commit depends on the machine's load, so only damage is asserted.
RUNNER = textwrap.dedent("""
    import hashlib, json, os, random, shutil, signal, sys, time
    from pathlib import Path
    import numpy as np
    import spacy
    from dossier.config import Options
    from dossier.pipeline import build
    from dossier.resources import Resources
    from dossier.store import Store
    from dossier.store.export import export_dict

    class HashingEncoder:
        max_seq_length = 256
        def encode(self, texts, **_):
            out = np.zeros((len(texts), 64), dtype=np.float32)
            for i, text in enumerate(texts):
                for word in text.lower().split():
                    out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 64] += 1.0
            return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

    def resources(options):
        nlp = spacy.blank("en")
        nlp.add_pipe("entity_ruler", name="ner").add_patterns(
            [{"label": "PERSON", "pattern": "Lavrov"}, {"label": "GPE", "pattern": "Moscow"}])
        res = Resources(options)
        res._cache.update(nlp=nlp, encoder=HashingEncoder())
        return res

    work, one, two, trials = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
    options = Options()
    res = resources(options)

    def run(db, op):
        store = Store(db)
        if op == "build":
            build(store, [one, two], options, resources=res)
        else:
            build(store, [two], options, incremental=True, resources=res)
        store.close()

    def export(db):
        store = Store(db)
        stats = store.stats()
        data = json.dumps(export_dict(store), sort_keys=True)
        store.close()
        return stats, data

    base = work / "base.db"
    store = Store(base)
    build(store, [one], options, resources=res)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    old = export(base)[1]
    rng = random.Random(12)
    report = {}
    for op in ("build", "add"):
        shutil.copy(base, work / "new.db")
        started = time.perf_counter()
        run(work / "new.db", op)
        duration = time.perf_counter() - started
        new = export(work / "new.db")[1]
        outcomes = []
        for k in range(trials):
            db = work / f"{op}-{k}.db"
            shutil.copy(base, db)
            delay = duration * 2 * (k + rng.random()) / trials  # a forked child on a busy machine is slower
            child = os.fork()
            if child == 0:
                try:
                    run(db, op)
                finally:
                    os._exit(0)
            time.sleep(delay)
            os.kill(child, signal.SIGKILL)
            os.waitpid(child, 0)
            stats, data = export(db)
            outcomes.append("old" if data == old else "new" if data == new else "damaged")
        report[op] = {"seconds": round(duration, 2), "outcomes": outcomes}
    print(json.dumps(report))
""")


def test_sigkill_at_random_points_of_build_and_add_leaves_old_or_new(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    for i, seed in enumerate(sorted(SEEDS.glob("*.txt"))[:3]):
        (one if i < 2 else two).joinpath(seed.name).write_bytes(seed.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    run = subprocess.run([sys.executable, "-c", RUNNER, str(tmp_path), str(one), str(two), "10"],
                         capture_output=True, text=True, env=env, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout.strip().splitlines()[-1])
    outcomes = report["build"]["outcomes"] + report["add"]["outcomes"]
    assert len(outcomes) >= 20 and "damaged" not in outcomes, report


# ---------------------------------------------------------------- two writers


def _holding_the_lock(db: Path, seconds: float, started: threading.Event) -> threading.Thread:
    def hold():
        store = Store(db)
        with store.transaction():
            store.db.execute("INSERT INTO builds(command, inputs, options, started_at) VALUES ('add','[]','{}','t')")
            started.set()
            time.sleep(seconds)
        store.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread


def test_a_second_writer_waits_with_a_message_and_nothing_is_lost(tmp_path):
    db = tmp_path / "d.db"
    Store(db).close()
    started = threading.Event()
    first = _holding_the_lock(db, 1.0, started)
    started.wait()
    messages = []
    second = Store(db, lock_timeout=60, on_wait=messages.append)
    with second.transaction():
        second.db.execute("INSERT INTO builds(command, inputs, options, started_at) VALUES ('add','[]','{}','u')")
    first.join()
    assert len(messages) == 1 and "another dossier build or add is writing" in messages[0]
    assert [b["started_at"] for b in second.builds()] == ["t", "u"]


def test_a_second_writer_fails_clearly_when_the_first_takes_too_long(tmp_path):
    db = tmp_path / "d.db"
    Store(db).close()
    started = threading.Event()
    first = _holding_the_lock(db, 2.0, started)
    started.wait()
    with pytest.raises(StoreError, match="kept .* locked for over 0.3 s; try again"):
        with Store(db, lock_timeout=0.3).transaction():
            pass
    first.join()


# ---------------------------------------------------------------- readers never write


def _old_store(tmp_path) -> Path:
    """A dossier as the previous schema left it: every migration but the last applied."""
    db = tmp_path / "old.db"
    raw = sqlite3.connect(db)
    raw.create_function("corpus_digest", 1, corpus_digest, deterministic=True)  # migration 10 calls it
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT DEFAULT (datetime('now')))")
    for version, sql in MIGRATIONS[:-1]:
        for statement in sql.split(";"):
            if statement.strip():
                raw.execute(statement)
        raw.execute("INSERT INTO schema_migrations(version) VALUES (?)", (version,))
    raw.commit()
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    return db


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_and_serve_never_migrate_an_old_store(tmp_path, capsys):
    from dossier.web import create_app

    db = _old_store(tmp_path)
    before = _digest(db)
    for command in (["stats"], ["export"], ["search", "x"], ["serve"]):
        assert main([*command, "--db", str(db)]) == EXIT_INPUT, command
        assert f"run 'dossier migrate --db {db}' or rebuild it" in capsys.readouterr().err
    with pytest.raises(StoreError, match="dossier migrate"):
        create_app(db)
    assert _digest(db) == before
    assert main(["migrate", "--db", str(db)]) == EXIT_OK
    assert f"schema {MIGRATIONS[-2][0]} -> {MIGRATIONS[-1][0]}" in capsys.readouterr().out
    assert main(["stats", "--db", str(db)]) == EXIT_OK


def test_a_read_only_store_can_be_listed_exported_and_served(tmp_path, capsys, monkeypatch):
    from dossier.model import Article, Document

    db = tmp_path / "ro" / "d.db"
    db.parent.mkdir()
    store = Store(db)
    with store.transaction():
        store.put_document(Document(id="a1", source="a.txt", kind="text", raw=b"Talks went on."))
        store.put_article(Article(id="a1", source="a.txt", text="Talks went on."))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    os.chmod(db, 0o444)
    os.chmod(db.parent, 0o555)
    try:
        if os.geteuid() == 0:  # root writes anything: make the permission check see what a user would
            real = os.access
            monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK else real(p, mode, **kw))
        capsys.readouterr()
        assert main(["stats", "--db", str(db)]) == EXIT_OK and "articles: 1" in capsys.readouterr().out
        assert main(["export", "--db", str(db)]) == EXIT_OK
        assert json.loads(capsys.readouterr().out)["articles"]
        from dossier.web import create_app

        create_app(db)
        assert main(["add", str(SEEDS), "--db", str(db)]) == EXIT_INPUT
        assert "is read-only: 'build', 'add' and 'migrate' need write access" in capsys.readouterr().err
    finally:
        os.chmod(db.parent, 0o755)
        os.chmod(db, 0o644)
