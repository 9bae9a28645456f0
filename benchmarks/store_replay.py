"""Replay the store phase of one `dossier add`, timed, and check it against the real add.

    python benchmarks/store_replay.py BEFORE.db AFTER.db WORK_DIR [--profile OUT.prof] [--rebuild]

BEFORE.db is a dossier, AFTER.db the same after `dossier add` (neither is written). The replay
copies BEFORE.db into WORK_DIR, writes AFTER.db's decided articles (`put_article`) and corpus
(`put_corpus` with the rewritten ids) in one transaction, as `pipeline.build` does, and prints the
CPU and wall seconds of that. It then compares every read table, the full-text tables, `articles`
and `corpus` with AFTER.db's; `--rebuild` also rebuilds the read tables of a second copy
(`put_corpus(corpus, None)`) and compares the incremental result with that.
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from dossier.pipeline import store_decided
from dossier.store import Store
from dossier.store.readmodel import READ_TABLES

# rowid-keyed tables whose rowids an add legitimately assigns differently from a rebuild
COMPARED = ("articles", "corpus", "article_fts", *READ_TABLES)


def _copy(before: Path, work: Path, name: str, after: Path) -> Path:
    """BEFORE.db copied, with AFTER.db's documents added (an article row needs its document)."""
    target = work / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(before, target)
    db = sqlite3.connect(target)
    db.execute("ATTACH ? AS after", (f"{after.resolve().as_uri()}?mode=ro",))
    db.execute("INSERT OR IGNORE INTO documents SELECT * FROM after.documents")
    db.commit()
    db.close()
    return target


def _replay(path: Path, articles, corpus, incremental: bool, profile: str | None) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    store = Store(path)  # migrates a dossier of an older schema, once
    print(f"open: cpu {time.process_time() - cpu:.2f} s, wall {time.perf_counter() - wall:.2f} s")
    profiler = cProfile.Profile() if profile else None
    cpu, wall = time.process_time(), time.perf_counter()
    if profiler:
        profiler.enable()
    with store.transaction():
        store_decided(store, articles, corpus, incremental)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    store.close()
    return cpu, wall


def _columns(db: sqlite3.Connection, schema: str, table: str) -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA {schema}.table_info({table})")]


def _table_rows(db: sqlite3.Connection, schema: str, table: str, columns: list[str]) -> list[tuple]:
    """A table's rows, sorted, without rowids (FTS tables: their columns, rowids differ by history)."""
    rows = db.execute(f"SELECT {', '.join(columns)} FROM {schema}.{table}").fetchall()
    return sorted(rows, key=repr)


def compare(left: Path, right: Path) -> list[str]:
    """The tables in COMPARED whose rows differ between two dossiers, in the columns both have (a
    dossier of an older schema lacks the later ones)."""
    db = sqlite3.connect(f"{left.resolve().as_uri()}?mode=ro", uri=True)
    db.execute("ATTACH ? AS other", (f"{right.resolve().as_uri()}?mode=ro",))
    differ = []
    for table in COMPARED:
        columns = [c for c in _columns(db, "main", table) if c in _columns(db, "other", table)]
        if _table_rows(db, "main", table, columns) != _table_rows(db, "other", table, columns):
            differ.append(table)
    return differ


def _read(path: Path) -> tuple[list, object]:
    """AFTER.db's decided articles and corpus, read as they are (its schema may be older)."""
    store = Store.__new__(Store)
    store.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return store.articles(), store.corpus()
    finally:
        store.db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--profile")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    articles, corpus = _read(args.after)
    incremental = _copy(args.before, args.work, "incremental.db", args.after)
    cpu, wall = _replay(incremental, articles, corpus, True, args.profile)
    print(f"store phase (add): cpu {cpu:.2f} s, wall {wall:.2f} s")
    differ = compare(incremental, args.after)
    print("vs the real add:", "equal" if not differ else f"DIFFERENT: {differ}")
    if args.rebuild:
        rebuilt = _copy(args.before, args.work, "rebuilt.db", args.after)
        cpu, wall = _replay(rebuilt, articles, corpus, False, None)
        print(f"store phase (rebuild): cpu {cpu:.2f} s, wall {wall:.2f} s")
        rebuilt_differ = compare(incremental, rebuilt)
        print("vs a rebuild:", "equal" if not rebuilt_differ else f"DIFFERENT: {rebuilt_differ}")
        differ += rebuilt_differ
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
