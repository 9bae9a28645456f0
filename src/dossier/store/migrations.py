"""Schema migrations: an ordered registry, applied once each and recorded in `schema_migrations`."""

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,          -- content hash of the raw bytes
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        raw BLOB NOT NULL,
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE rejections (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw BLOB NOT NULL,
        added_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE articles (
        id TEXT PRIMARY KEY REFERENCES documents(id),
        source TEXT NOT NULL,
        data TEXT NOT NULL            -- the Article as JSON, annotations included
    );
    CREATE VIRTUAL TABLE article_fts USING fts5(id UNINDEXED, title, text, tokenize='porter unicode61');
    CREATE TABLE corpus (
        kind TEXT NOT NULL,           -- link, story, entity, quote, event, flag
        id TEXT NOT NULL,
        position INTEGER NOT NULL,    -- export order
        data TEXT NOT NULL,
        PRIMARY KEY (kind, id)
    );
    CREATE TABLE builds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        inputs TEXT NOT NULL,
        options TEXT NOT NULL,        -- the resolved options, as spaCy saves its filled config
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """),
    (2, """
    CREATE TABLE products (
        article TEXT NOT NULL,        -- compact per-article products for corpus stages
        name TEXT NOT NULL,           -- e.g. sentence vectors, fingerprints
        data BLOB NOT NULL,
        PRIMARY KEY (article, name)
    );
    """),
]
