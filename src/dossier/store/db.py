"""The SQLite store: one file, migrations, one transaction per build.

A build runs inside `Store.transaction()`: until it commits, readers (and a crash) see the previous
dossier, so SIGKILL or Ctrl-C mid-build loses only the unfinished build.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson

from dossier import heap
from dossier.model import (Article, Corpus, Document, Entity, Event, Flag, Link, Quote, Rejection,
                           Story, from_dict, to_json)
from dossier.store import readmodel
from dossier.store.migrations import MIGRATIONS

CORPUS_KINDS: dict[str, tuple[str, type]] = {
    "links": ("link", Link), "stories": ("story", Story), "entities": ("entity", Entity),
    "quotes": ("quote", Quote), "events": ("event", Event), "flags": ("flag", Flag),
}


# products-table name of the analysed article (the corpus stages' input)
ANALYSED = "analysed-article"


class StoreError(Exception):
    """The store cannot be used (not a Dossier database, newer schema, ...)."""


LATEST_SCHEMA = max(v for v, _ in MIGRATIONS)
Waiting = Callable[[str], None]


def corpus_digest(data: str | bytes) -> bytes:
    """A corpus row's digest of its JSON `data` (the `digest` column, migration 10)."""
    return hashlib.blake2b(data.encode() if isinstance(data, str) else data, digest_size=16).digest()


def _item_id(item) -> str:
    """A corpus item's id; a link has none of its own and is named by its two articles."""
    return getattr(item, "id", None) or f"{item.a}:{item.b}"


class Store:
    def __init__(self, path: str | Path = "dossier.db", *, readonly: bool = False,
                 lock_timeout: float = 600.0, on_wait: Waiting | None = None):
        """Open (and migrate) a dossier; `readonly` opens an existing one with SQLite `mode=ro`,
        which never writes, never migrates (an older schema is refused with what to run) and never
        waits for the write lock a running build holds. A writer that finds another build holding
        the lock calls `on_wait` with a message and waits up to `lock_timeout` seconds for it."""
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self.on_wait = on_wait
        try:
            if readonly:
                self._open_readonly(Path(path))
            else:
                self._open_readwrite(Path(path))
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a Dossier database ({err})") from err

    def _open_readwrite(self, path: Path) -> None:
        if path.exists() and not os.access(path, os.W_OK):
            raise StoreError(f"{path} is read-only: 'build', 'add' and 'migrate' need write access; "
                             "'export', 'stats', 'search', 'report' and 'serve' read it as it is")
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.create_function("corpus_digest", 1, corpus_digest, deterministic=True)  # migration 10
        self._migrate()

    def _open_readonly(self, path: Path) -> None:
        if not path.exists():
            raise StoreError(f"no dossier at {path}; run 'dossier build PATH --db {path}' first")
        self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        try:
            version = self.schema_version()
        except sqlite3.OperationalError:
            if os.access(path, os.W_OK) and os.access(path.resolve().parent, os.W_OK):
                raise
            # A read-only WAL file in a read-only folder cannot get its shared-memory file; nobody
            # can write it either, so it is read as immutable (no locks, no -shm).
            self.db.close()
            self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                      check_same_thread=False)
            version = self.schema_version()
        self.db.row_factory = sqlite3.Row
        if version > LATEST_SCHEMA:
            raise StoreError(f"{path} was written by a newer Dossier (schema {version}); upgrade Dossier")
        if version < LATEST_SCHEMA:
            raise StoreError(f"{path} was made by an older Dossier (schema {version}, this one reads "
                             f"{LATEST_SCHEMA}); run 'dossier migrate --db {path}' or rebuild it")

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ schema

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                        "(version INTEGER PRIMARY KEY, applied_at TEXT DEFAULT (datetime('now')))")
        applied = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        self._opened_at = max(applied, default=0)
        known = {v for v, _ in MIGRATIONS}
        if applied - known:
            raise StoreError(f"{self.path} was written by a newer Dossier (schema {max(applied)}); upgrade Dossier")
        for version, sql in MIGRATIONS:
            if version in applied:
                continue
            with self.transaction():
                for statement in sql.split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations(version) VALUES (?)", (version,))
                if version == max(readmodel.MIGRATIONS) and applied:  # an older dossier: fill its read tables
                    readmodel.refresh(self.db)

    def schema_version(self) -> int:
        return self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self._begin()
        try:
            yield
        except BaseException:  # Ctrl-C included: roll back, then let it propagate
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE (the write lock); when another build holds it, say so and wait for it."""
        self.db.execute("PRAGMA busy_timeout=0")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) and "busy" not in str(err):
                raise
        if self.on_wait:
            self.on_wait(f"another dossier build or add is writing {self.path}; waiting for it to finish "
                         f"(up to {self.lock_timeout:g} s)")
        self.db.execute(f"PRAGMA busy_timeout={int(self.lock_timeout * 1000)}")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as err:
            raise StoreError(f"another dossier build or add kept {self.path} locked for over "
                             f"{self.lock_timeout:g} s; try again when it has finished") from err

    def migrate(self) -> tuple[int, int]:
        """(version before, version after); opening read-write has already applied migrations."""
        return self._opened_at, self.schema_version()

    def clear(self) -> None:
        for table in ("article_fts", "article_fts_rows", "articles", "products", "corpus", "rejections",
                      "documents"):
            self.db.execute(f"DELETE FROM {table}")

    # ------------------------------------------------------------ documents

    def has_document(self, doc_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def put_document(self, doc: Document) -> None:
        self.db.execute("INSERT OR IGNORE INTO documents(id, source, kind, raw, encoding) VALUES (?,?,?,?,?)",
                        (doc.id, doc.source, doc.kind, doc.raw, doc.meta.get("encoding")))

    def encodings(self) -> dict[str, int]:
        """How many documents were decoded with each encoding ("utf-8", "cp1251", "utf-16", ...)."""
        rows = self.db.execute("SELECT coalesce(encoding, 'unknown'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")
        return {r[0]: r[1] for r in rows}

    def document_encoding(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT encoding FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def raw_bytes(self, doc_id: str) -> bytes | None:
        row = self.db.execute("SELECT raw FROM documents WHERE id=?", (doc_id,)).fetchone()
        return bytes(row[0]) if row else None

    def put_rejection(self, rejection: Rejection) -> None:
        self.db.execute("INSERT OR REPLACE INTO rejections(id, source, stage, reason, raw) VALUES (?,?,?,?,?)",
                        (rejection.id, rejection.source, rejection.stage, rejection.reason, rejection.raw))

    def rejections(self) -> list[Rejection]:
        rows = self.db.execute("SELECT id, source, stage, reason FROM rejections ORDER BY source, id")
        return [Rejection(id=r["id"], source=r["source"], stage=r["stage"], reason=r["reason"]) for r in rows]

    # ------------------------------------------------------------ articles

    def put_article(self, article: Article) -> bool:
        """Store `article` (and its full-text row); False, writing nothing, when the stored copy is
        already the same. The cost per article does not grow with the store: the full-text row is
        found through `article_fts_rows`, never by scanning the FTS table."""
        data = to_json(article)
        # compared as bytes: decoding both sides (231 MB of JSON at 4,000 articles) cost more than the test
        old = self.db.execute("SELECT source, CAST(data AS BLOB) FROM articles WHERE id=?", (article.id,)).fetchone()
        if old is not None and old[1] == data and old[0] == article.source:
            return False
        self.db.execute("INSERT OR REPLACE INTO articles(id, source, data) VALUES (?,?,?)",
                        (article.id, article.source, data.decode()))
        row = self.db.execute("SELECT row FROM article_fts_rows WHERE id=?", (article.id,)).fetchone()
        if row is not None:
            self.db.execute("DELETE FROM article_fts WHERE rowid=?", (row[0],))
        row = self.db.execute("INSERT INTO article_fts(id, title, text) VALUES (?,?,?)",
                              (article.id, article.title or "", article.text)).lastrowid
        self.db.execute("INSERT OR REPLACE INTO article_fts_rows(id, row) VALUES (?,?)", (article.id, row))
        return True

    def articles(self) -> list[Article]:
        rows = self.db.execute("SELECT data FROM articles ORDER BY source, id")
        return [from_dict(Article, orjson.loads(r[0])) for r in rows]

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute("SELECT data FROM articles WHERE id=?", (article_id,)).fetchone()
        return from_dict(Article, orjson.loads(row[0])) if row else None

    def put_analysed(self, article: Article) -> None:
        """Keep the per-article product the corpus stages start from (`articles` holds the article
        as the build decided it), so `dossier add` re-runs them on the same inputs."""
        self.put_product(article.id, ANALYSED, to_json(article))

    def analysed_articles(self) -> list[Article]:
        """The stored per-article products, ordered by (source, id) like `articles()`. A store
        written before they were kept gives its stored articles instead."""
        with heap.collector_paused():  # acyclic values: the collector's passes here were 40% of the load
            found = {i: from_dict(Article, orjson.loads(data)) for i, data in self.products(ANALYSED).items()}
        if len(found) < self.db.execute("SELECT count(*) FROM articles").fetchone()[0]:
            found = {a.id: a for a in self.articles()} | found
        return sorted(found.values(), key=lambda a: (a.source, a.id))

    def put_product(self, article_id: str, name: str, data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO products(article, name, data) VALUES (?,?,?)",
                        (article_id, name, data))

    def products(self, name: str) -> dict[str, bytes]:
        rows = self.db.execute("SELECT article, data FROM products WHERE name=?", (name,))
        return {r[0]: bytes(r[1]) for r in rows}

    # ------------------------------------------------------------ corpus products

    def put_corpus(self, corpus: Corpus, changed_articles: Iterable[str] | None = None) -> None:
        """Store the corpus products, writing only the items that are new, rewritten or moved and
        deleting those gone, then bring the read tables in line. `changed_articles`: the ids of
        the articles this write rewrote (`put_article` returned True), so the read tables redo only
        their rows and those of the changed items; None (the default) rebuilds every read table."""
        changed_items = {kind: self._write_items(kind, getattr(corpus, field_name))
                         for field_name, (kind, _) in CORPUS_KINDS.items()}
        # the read side's indexed tables follow every corpus write
        readmodel.refresh(self.db, None if changed_articles is None else
                          readmodel.Changed(frozenset(changed_articles), changed_items))

    def _write_items(self, kind: str, items: list) -> frozenset[str]:
        """Write one corpus kind's items (in export order) where they differ from the stored rows;
        the ids added, rewritten or removed (not those that only moved). Each item's JSON is made
        and written one at a time: the links' JSON of a 10,000-article dossier is 207 MB."""
        # stored digests, never the rows' text: a stored link runs to ~7 kB (10k syndication dossier)
        stored = {r[0]: (r[1], r[2])
                  for r in self.db.execute("SELECT id, position, digest FROM corpus WHERE kind=?", (kind,))}
        last = {}  # id -> position; a repeated id keeps its last place, as a rewrite would
        for position, item in enumerate(items):
            last[_item_id(item)] = position
        changed: set[str] = set()
        moved: list[tuple[int, str, str]] = []

        def writes() -> Iterator[tuple[str, str, int, str, bytes]]:
            for position, item in enumerate(items):
                item_id = _item_id(item)
                if last[item_id] != position:
                    continue
                data = to_json(item)
                digest = corpus_digest(data)
                old = stored.get(item_id)
                if old is None or old[1] != digest:
                    changed.add(item_id)
                    yield kind, item_id, position, data.decode(), digest
                elif old[0] != position:
                    moved.append((position, kind, item_id))

        self.db.executemany("INSERT OR REPLACE INTO corpus(kind, id, position, data, digest) VALUES (?,?,?,?,?)",
                            writes())
        # An add shifts most items' positions: the position alone is updated, in place (rewriting
        # the rows, 139 MB at 4,000 articles, was most of the store phase).
        self.db.executemany("UPDATE corpus SET position=? WHERE kind=? AND id=?", moved)
        gone = stored.keys() - last.keys()
        self.db.executemany("DELETE FROM corpus WHERE kind=? AND id=?", [(kind, i) for i in gone])
        return frozenset(changed | gone)

    def corpus(self) -> Corpus:
        out = Corpus()
        for field_name, (kind, cls) in CORPUS_KINDS.items():
            rows = self.db.execute("SELECT data FROM corpus WHERE kind=? ORDER BY position", (kind,))
            setattr(out, field_name, [from_dict(cls, orjson.loads(r[0])) for r in rows])
        return out

    # ------------------------------------------------------------ builds, search, stats

    def record_build(self, command: str, inputs: list[str], options: dict, started_at: str) -> None:
        self.db.execute("INSERT INTO builds(command, inputs, options, started_at) VALUES (?,?,?,?)",
                        (command, json.dumps(inputs), json.dumps(options), started_at))

    def builds(self) -> list[dict]:
        return [dict(r) for r in self.db.execute("SELECT * FROM builds ORDER BY id")]

    def search(self, query: str, limit: int = 20) -> list[dict]:
        """Full-text search (FTS5, BM25 ranking). The query is quoted term by term, so user input
        is never read as FTS syntax."""
        terms = [t for t in query.replace('"', " ").split() if t]
        if not terms:
            return []
        match = " ".join(f'"{t}"' for t in terms)
        rows = self.db.execute(
            "SELECT id, title, snippet(article_fts, 2, '[', ']', '…', 12) AS snippet, bm25(article_fts) AS rank "
            "FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        return [dict(r) for r in rows]

    def stats(self) -> dict:
        count = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        corpus = {kind: count(f"SELECT count(*) FROM corpus WHERE kind='{kind}'")
                  for kind, _ in CORPUS_KINDS.values()}
        return {
            "documents": count("SELECT count(*) FROM documents"),
            "articles": count("SELECT count(*) FROM articles"),
            "rejections": count("SELECT count(*) FROM rejections"),
            **{f"{k}s" if not k.endswith("y") else k[:-1] + "ies": v for k, v in corpus.items()},
            "schema_version": self.schema_version(),
            "builds": count("SELECT count(*) FROM builds"),
        }
