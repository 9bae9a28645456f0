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
    (3, """
    -- Read tables (store/readmodel.py fills them, store/queries.py reads them): indexed columns
    -- derived from the JSON rows above, so a page reads a page of rows, not the whole corpus.
    CREATE TABLE read_articles (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, source TEXT NOT NULL, title TEXT, site TEXT,
        byline TEXT, credited_source TEXT, url TEXT, page_date TEXT, page_date_trust TEXT NOT NULL,
        event_date TEXT,
        date TEXT,                    -- event date, else page date: the date a reader should trust most
        year TEXT,
        outlet TEXT NOT NULL,         -- site, credited source, byline, file name: the first known
        label TEXT NOT NULL
    );
    CREATE INDEX read_articles_date ON read_articles(date, position);
    CREATE INDEX read_articles_outlet ON read_articles(outlet, date);
    CREATE INDEX read_articles_year ON read_articles(year, date);
    CREATE INDEX read_articles_trust ON read_articles(page_date_trust, date);
    CREATE TABLE read_members (       -- which articles a story, link, event or flag names
        kind TEXT NOT NULL, id TEXT NOT NULL, article TEXT NOT NULL,
        role TEXT NOT NULL DEFAULT '', -- stories: original, independent, or the kind a copy was derived by
        PRIMARY KEY (kind, id, article)
    );
    CREATE INDEX read_members_article ON read_members(article, kind);
    CREATE TABLE read_stories (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, title TEXT NOT NULL, first_reported TEXT,
        articles INTEGER NOT NULL, independent_sources INTEGER NOT NULL, original TEXT,
        copies INTEGER NOT NULL, rewrites INTEGER NOT NULL, translations INTEGER NOT NULL,
        partials INTEGER NOT NULL, flags INTEGER NOT NULL, outlets TEXT NOT NULL  -- JSON list
    );
    CREATE INDEX read_stories_first ON read_stories(first_reported, position);
    CREATE INDEX read_stories_size ON read_stories(articles, position);
    CREATE INDEX read_stories_sources ON read_stories(independent_sources, position);
    CREATE TABLE read_events (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL,  -- position: the timeline order the build set
        date TEXT, year TEXT NOT NULL, precision TEXT, type TEXT NOT NULL, story TEXT,
        background INTEGER NOT NULL
    );
    CREATE INDEX read_events_position ON read_events(position);
    CREATE INDEX read_events_year ON read_events(year, position);
    CREATE INDEX read_events_type ON read_events(type, position);
    CREATE INDEX read_events_story ON read_events(story, position);
    CREATE TABLE read_participants (event TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (entity, event));
    CREATE TABLE read_entities (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL,
        articles INTEGER NOT NULL, mentions INTEGER NOT NULL, quotes INTEGER NOT NULL
    );
    CREATE INDEX read_entities_articles ON read_entities(articles, position);
    CREATE INDEX read_entities_name ON read_entities(name);
    CREATE INDEX read_entities_type ON read_entities(type, articles);
    CREATE TABLE read_entity_articles (
        entity TEXT NOT NULL, article TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY (entity, article)
    );
    CREATE INDEX read_entity_articles_article ON read_entity_articles(article);
    CREATE TABLE read_quotes (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, article TEXT NOT NULL, speaker TEXT,
        speaker_name TEXT, kind TEXT NOT NULL,
        variant TEXT NOT NULL,        -- "speaker#n": the wordings of one quote share it
        variant_size INTEGER NOT NULL, text TEXT NOT NULL
    );
    CREATE INDEX read_quotes_variant ON read_quotes(variant, position);
    CREATE INDEX read_quotes_speaker ON read_quotes(speaker, variant_size, variant);
    CREATE INDEX read_quotes_size ON read_quotes(variant_size, variant);
    CREATE INDEX read_quotes_article ON read_quotes(article);
    CREATE TABLE read_flags (
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL, severity TEXT NOT NULL,
        rank INTEGER NOT NULL         -- high 0, medium 1, low 2
    );
    CREATE INDEX read_flags_rank ON read_flags(rank, kind, position);
    CREATE INDEX read_flags_kind ON read_flags(kind, rank, position);
    CREATE TABLE read_names (term TEXT PRIMARY KEY);  -- name words of entities, for fuzzy search
    CREATE VIRTUAL TABLE read_search USING fts5(kind UNINDEXED, id UNINDEXED, name, text,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    """),
    (4, """
    ALTER TABLE documents ADD COLUMN encoding TEXT;   -- the encoding the text was decoded with
    """),
    # Article id -> its full-text row, so an update deletes that row by rowid instead of scanning
    # the FTS table's UNINDEXED id column (issue 18 measured 1.5 ms an article at 500 rows, 17 ms at 8,000).
    (5, """
    CREATE TABLE article_fts_rows (
        id TEXT PRIMARY KEY,
        row INTEGER NOT NULL          -- rowid in article_fts
    );
    INSERT INTO article_fts_rows(id, row) SELECT id, max(rowid) FROM article_fts GROUP BY id;
    """),
    (6, """
    -- Read tables, second step: sorts and facets that an index serves, so a page of a 10,000-article
    -- dossier costs what it costs on five articles.
    ALTER TABLE read_stories ADD COLUMN year TEXT NOT NULL DEFAULT 'undated';
    CREATE INDEX read_stories_year ON read_stories(year, first_reported);
    CREATE INDEX read_articles_dated ON read_articles(date IS NULL, date, position);
    CREATE INDEX read_articles_label ON read_articles(label, position);
    CREATE INDEX read_entities_quotes ON read_entities(quotes, position);
    CREATE INDEX read_entities_by_name ON read_entities(name, position);
    CREATE INDEX read_quotes_kind ON read_quotes(kind, variant);
    CREATE TABLE read_variants (      -- one row per wording group of the quote ledger
        variant TEXT PRIMARY KEY, position INTEGER NOT NULL, speaker TEXT, speaker_name TEXT,
        size INTEGER NOT NULL
    );
    CREATE INDEX read_variants_size ON read_variants(size, position);
    CREATE INDEX read_variants_speaker ON read_variants(speaker, size, position);
    CREATE INDEX read_variants_name ON read_variants(speaker_name, position);
    CREATE TABLE read_facets (        -- facet counts of each unfiltered list
        list TEXT NOT NULL, facet TEXT NOT NULL, value TEXT, name TEXT, count INTEGER NOT NULL
    );
    CREATE INDEX read_facets_count ON read_facets(list, facet, count);
    """),
    (7, """
    -- Read tables, third step: search reads one full-text table per kind, so a kind's count and
    -- its best hits touch only that kind's matches (one table for all kinds ranked every match of
    -- every kind per request). Article dates as day ranges, so a date filter is a comparison.
    -- article_fts rows found by rowid, so ranked hits join the read tables.
    DROP TABLE read_search;
    CREATE VIRTUAL TABLE read_fts_entity USING fts5(id UNINDEXED, name, text,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE VIRTUAL TABLE read_fts_quote USING fts5(id UNINDEXED, name, text,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE VIRTUAL TABLE read_fts_story USING fts5(id UNINDEXED, name, text,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    CREATE VIRTUAL TABLE read_fts_flag USING fts5(id UNINDEXED, name, text,
        tokenize='unicode61 remove_diacritics 2', prefix='2 3');
    ALTER TABLE read_articles ADD COLUMN day_first INTEGER;  -- date.toordinal() of the first day `date` covers
    ALTER TABLE read_articles ADD COLUMN day_last INTEGER;   -- and of its last day (timevalue.parse_span)
    CREATE INDEX IF NOT EXISTS article_fts_rows_row ON article_fts_rows(row);
    CREATE TABLE read_counts (name TEXT PRIMARY KEY, count INTEGER NOT NULL);  -- articles, stories, ...
    DROP INDEX read_facets_count;
    CREATE INDEX read_facets_order ON read_facets(list, facet, count DESC, value);  -- ties need no sort
    ALTER TABLE read_entity_articles ADD COLUMN spans TEXT NOT NULL DEFAULT '[]';  -- [[start, end, text]]
    DROP INDEX read_entity_articles_article;  -- covered by the next: search facets read no table rows
    CREATE INDEX read_entity_articles_by_article ON read_entity_articles(article, entity, mentions);
    DROP INDEX read_members_article;  -- by article, covering: the planner then never scans a kind
    CREATE INDEX read_members_by_article ON read_members(article, kind, id);
    CREATE TABLE read_links (         -- links without their alignments (compare reads those)
        id TEXT PRIMARY KEY, position INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, kind TEXT NOT NULL,
        score REAL NOT NULL, direction TEXT, aligned_sentences INTEGER NOT NULL
    );
    """),
    (8, """
    -- Read tables, fourth step: an add rewrites only the read rows of what it changed
    -- (store/readmodel.refresh), deleting participants by event, and a quote's or flag's full-text
    -- row by rowid: it has the rowid of its read_quotes / read_flags row from now on (the read
    -- tables are refilled after this migration).
    CREATE INDEX read_participants_event ON read_participants(event);
    """),
    (9, """
    -- The quote ledger tells words said from stances attributed (`Quote.act`). The read tables are
    -- refilled after this migration: a dossier analysed before keeps every quote as speech.
    ALTER TABLE read_quotes ADD COLUMN act TEXT NOT NULL DEFAULT 'speech';
    CREATE INDEX read_quotes_act ON read_quotes(act, variant);
    """),
    (10, """
    -- Each corpus row's digest (store/db.py's `corpus_digest` of its data), so an add finds the
    -- items it changed without reading every stored row's JSON (a link runs to ~7 kB).
    ALTER TABLE corpus ADD COLUMN digest BLOB;
    UPDATE corpus SET digest = corpus_digest(data);
    """),
    (11, """
    -- Whether the models read an article (1: its language is one they do not read, see its
    -- analysis notes): the quote and entity lists say how many were not. Filled with the read rows
    -- (the read tables are refilled after this migration), so counting reads no article JSON.
    ALTER TABLE read_articles ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
    """),
]
