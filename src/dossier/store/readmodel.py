"""Read tables: small, indexed rows derived from the stored articles and corpus, for the read side.

The store keeps each article and corpus item as one JSON row (`articles`, `corpus`); lists that a
reader pages, sorts and filters need columns and indexes instead. `refresh` derives the read
tables from those rows inside the build's transaction (the datasette habit of precomputed, indexed
tables over a read-only file), so a web request reads a page of rows and never the whole corpus.
After an add it rewrites only the rows of what the write changed (`Changed`); the small tables
that summarise the whole dossier (stories, entities, facets, counts) are rebuilt from the other
read tables, never from the JSON rows.

What the build decided is copied, never re-derived: story lineages, originals and counts, each
member's role from the story's typed derivation edges (`Story.edges`), link kinds, the
timeline's order (the `events` position, set by the story stage) and flag verdicts.
The one thing computed here is the quote ledger's wording variants (`quote_variants`), a grouping
for reading that no stage makes.
"""

from __future__ import annotations

import itertools
import json
import math
import operator
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import PurePosixPath

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import orjson
from rapidfuzz import fuzz, process

from dossier.timevalue import parse_span

# Two quotes of one speaker are variants of one quote at this rapidfuzz ratio or above. Measured on
# the seeds by hand: the three wordings of Lavrov's "inclusive government" quote (001/003/004) score
# 79-95 against each other; different quotes of one speaker score 36-49. 65 sits between.
VARIANT_MIN_RATIO = 65
# Wordings at that ratio share far more than a fifth of their words (measured on the seeds: the 8
# non-identical same-speaker pairs at ratio >= 65 have word Jaccard 0.43-1.0); the prefix filter
# finds every pair above PREFIX_JACCARD.
PREFIX_JACCARD = 0.2
_VARIANT_WORD = re.compile(r"\w{3,}")
# Lengths two texts at VARIANT_MIN_RATIO can have: rapidfuzz's ratio is 100 * (1 - indel / (a + b))
# and indel >= |a - b|, so the shorter is at least this share of the longer (an exact bound).
_LENGTH_BOUND = VARIANT_MIN_RATIO / (200 - VARIANT_MIN_RATIO)
FLAG_RANK = {"high": 0, "medium": 1, "low": 2}
NAME_TOKEN = re.compile(r"\w+")

MIGRATIONS = (3, 6, 7, 8, 9, 11)  # the migrations that create or widen the read tables
# kind -> its full-text table (migration 7): entities (name, aliases), quotes (speaker, text),
# stories (title) and flags (kind, detail and evidence). A quote's or flag's full-text row has the
# rowid of its read_quotes / read_flags row (migration 8), so an add deletes it without a scan.
SEARCH_TABLES = {"entity": "read_fts_entity", "story": "read_fts_story", "quote": "read_fts_quote",
                 "flag": "read_fts_flag"}
READ_TABLES = ("read_variants", "read_facets", "read_articles", "read_members", "read_stories", "read_events",
               "read_participants", "read_entities", "read_entity_articles", "read_quotes", "read_flags", "read_names",
               "read_counts", "read_links", *SEARCH_TABLES.values())
# rebuilt whole on every refresh: small, and each row sums over many articles or items
SUMMARY_TABLES = ("read_stories", "read_entities", "read_names", "read_facets", "read_counts",
                  "read_fts_story", "read_fts_entity")


@dataclass(frozen=True)
class Changed:
    """What one write changed: the ids of the articles it rewrote, and per corpus kind ("link",
    "story", "entity", "quote", "event", "flag") the ids it added, rewrote or removed. An item that
    only moved in its list is not listed (positions are copied for every row)."""
    articles: frozenset[str]
    items: Mapping[str, frozenset[str]]

    def of(self, kind: str) -> frozenset[str]:
        return self.items.get(kind, frozenset())


def refresh(db: sqlite3.Connection, changed: Changed | None = None) -> None:
    """Bring every read table in line with `articles` and `corpus` (call inside the build's
    transaction): all rows when `changed` is None, else only the rows of what `changed` names,
    with the same result (tests/test_readmodel.py compares the two after adds)."""
    ids = (lambda kind: None) if changed is None else changed.of  # noqa: E731 - None: every id
    for table in READ_TABLES if changed is None else SUMMARY_TABLES:
        db.execute(f"DELETE FROM {table}")
    _articles(db, None if changed is None else changed.articles)
    _links(db, ids("link"))
    _events(db, ids("event"))
    _flags(db, ids("flag"))
    entities = list(_items(db, "entity", None))  # read once: the quote ledger names speakers by them
    _quotes(db, ids("quote"), ids("entity"), {item_id: entity["name"] for item_id, _, entity in entities})
    if changed is not None:
        for table, kind in (("read_links", "link"), ("read_events", "event"), ("read_flags", "flag")):
            _follow_positions(db, table, kind)
    _stories(db)
    _entities(db, entities)
    _facets(db)
    _counts(db)
    # Table statistics for SQLite's planner (sqlite_stat1): without them it joins read_members by
    # scanning a whole kind, not from the few articles asked. A bounded sample per index keeps
    # this under a second at 10,000 articles.
    db.execute("PRAGMA analysis_limit = 1000")
    db.execute("ANALYZE")


def _items(db: sqlite3.Connection, kind: str, ids: Iterable[str] | None) -> Iterator[tuple[str, int, dict]]:
    """(id, position, item) of one corpus kind in export order: all of them (`ids` None), or those
    of `ids` that the corpus still holds. One at a time: all at once, a 1,000-article dossier's
    parsed links took 15 MB and its quotes 46 MB (traced), growing with the dossier."""
    return ((row[0], row[1], orjson.loads(row[2])) for row in _rows(db, kind, ids, "data"))


def _rows(db: sqlite3.Connection, kind: str, ids: Iterable[str] | None, columns: str) -> sqlite3.Cursor:
    """`columns` (SQL over the row's JSON `data`) of one corpus kind's rows, after id and position, in
    export order: all of them (`ids` None), or those of `ids`."""
    if ids is None:
        return db.execute(f"SELECT id, position, {columns} FROM corpus WHERE kind=? ORDER BY position", (kind,))
    return db.execute(f"SELECT id, position, {columns} FROM corpus WHERE kind=? AND id IN (SELECT value FROM"
                      " json_each(?)) ORDER BY position", (kind, json.dumps(sorted(ids))))


def _forget(db: sqlite3.Connection, sql: str, ids: Iterable[str]) -> None:
    db.executemany(sql, [(i,) for i in ids])


def _follow_positions(db: sqlite3.Connection, table: str, kind: str) -> None:
    """Copy each item's export position from `corpus` where an add moved it."""
    db.execute(f"UPDATE {table} SET position = c.position FROM corpus c WHERE c.kind = ? AND c.id = {table}.id"
               f" AND {table}.position != c.position", (kind,))


COUNTED = {"articles": "read_articles", "stories": "read_stories", "events": "read_events",
           "entities": "read_entities", "quotes": "read_quotes", "flags": "read_flags"}


def _counts(db: sqlite3.Connection) -> None:
    """How many of each thing the dossier holds, counted once per build (the home page shows them)."""
    for name, table in COUNTED.items():
        db.execute(f"INSERT INTO read_counts(name, count) SELECT ?, count(*) FROM {table}", (name,))
    db.execute("INSERT INTO read_counts(name, count) SELECT 'links', count(*) FROM corpus WHERE kind = 'link'")
    # articles the entity, quote and event models did not read (their language): the lists say how many
    db.execute("INSERT INTO read_counts(name, count) SELECT 'unread', coalesce(sum(unread), 0) FROM read_articles")


# list -> facet -> (table, column): the facet counts of each unfiltered list (queries.py reads them)
FACETS = {
    "articles": {"outlet": ("read_articles", "outlet"), "trust": ("read_articles", "page_date_trust"),
                 "year": ("read_articles", "year")},
    "stories": {"year": ("read_stories", "year")},
    "events": {"year": ("read_events", "year"), "type": ("read_events", "type")},
    "entities": {"type": ("read_entities", "type")},
    "quotes": {"kind": ("read_quotes", "kind"), "act": ("read_quotes", "act")},
    "flags": {"kind": ("read_flags", "kind"), "severity": ("read_flags", "severity")},
}


def _facets(db: sqlite3.Connection) -> None:
    for list_name, facets in FACETS.items():
        for facet, (table, column) in facets.items():
            db.execute(f"INSERT INTO read_facets(list, facet, value, count) SELECT ?, ?, {column}, count(*)"
                       f" FROM {table} GROUP BY {column}", (list_name, facet))
    # Quotes with no resolved speaker are no speaker's: their holder words ("they", "he") are not
    # a name, and an empty value cannot be filtered on; the list shows them as "unknown speaker".
    db.execute("INSERT INTO read_facets(list, facet, value, name, count) SELECT 'quotes', 'speaker',"
               " speaker, max(speaker_name), count(*) FROM read_quotes WHERE speaker IS NOT NULL GROUP BY speaker")


def outlet_name(site: str | None, credited: str | None, byline: str | None, source: str) -> str:
    """What to call the outlet behind an article: its site, else the credited source, else the
    byline, and the file name only as a last resort."""
    if site:
        return site
    if credited:
        return f"{credited} (credited)"
    if byline:
        return f"{byline} (byline)"
    return PurePosixPath(source.split("#")[0]).name or source


ARTICLE_COLUMNS = ("SELECT id, source, json_extract(data, '$.title'), json_extract(data, '$.site'),"
                   " json_extract(data, '$.byline'), json_extract(data, '$.credited_source'), json_extract(data, '$.url'),"
                   " json_extract(data, '$.page_date'), json_extract(data, '$.page_date_trust'),"
                   " json_extract(data, '$.event_date'), json_array_length(data, '$.analysis_notes') > 0 FROM articles")


def _articles(db: sqlite3.Connection, ids: frozenset[str] | None) -> None:
    """read_articles and read_entity_articles rows of every article (`ids` None) or of `ids`;
    positions follow (source, id) order, renumbered where an add shifted them."""
    if ids is None:
        rows = db.execute(ARTICLE_COLUMNS).fetchall()
        only = ""
    else:
        _forget(db, "DELETE FROM read_articles WHERE id=?", ids)
        _forget(db, "DELETE FROM read_entity_articles WHERE article=?", ids)
        only = " AND a.id IN (SELECT value FROM json_each(?))"
        rows = db.execute(ARTICLE_COLUMNS + " WHERE id IN (SELECT value FROM json_each(?))",
                          (json.dumps(sorted(ids)),)).fetchall()
    out = []
    for aid, source, title, site, byline, credited, url, page_date, trust, event_date, unread in rows:
        date = event_date or page_date
        span = parse_span(date)
        out.append((aid, -1, source, title, site, byline, credited, url, page_date, trust or "missing",
                    event_date, date, (date or "")[:4] or "undated", outlet_name(site, credited, byline, source),
                    title or PurePosixPath(source).name, span.start if span else None, span.end if span else None,
                    int(bool(unread))))
    db.executemany("INSERT INTO read_articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", out)
    db.execute("UPDATE read_articles SET position = r.position FROM (SELECT id, row_number() OVER"
               " (ORDER BY source, id) - 1 AS position FROM read_articles) r"
               " WHERE r.id = read_articles.id AND read_articles.position != r.position")
    # Mentions resolved to an entity, counted per article with their spans (the entity page cuts
    # its contexts from the text with them), straight from the stored JSON.
    db.execute("INSERT INTO read_entity_articles(entity, article, mentions, spans)"
               " SELECT json_extract(m.value, '$.entity'), a.id, count(*), json_group_array(json_array("
               "json_extract(m.value, '$.start'), json_extract(m.value, '$.end'), json_extract(m.value, '$.text')))"
               " FROM articles a, json_each(a.data, '$.mentions') m WHERE json_extract(m.value, '$.entity') IS NOT NULL"
               + only + " GROUP BY 1, 2", () if ids is None else (json.dumps(sorted(ids)),))


def _members(db: sqlite3.Connection, kind: str, item_id: str, articles, role: str = "") -> None:
    db.executemany("INSERT OR IGNORE INTO read_members(kind, id, article, role) VALUES (?,?,?,?)",
                   [(kind, item_id, a, role) for a in articles])


def _links(db: sqlite3.Connection, ids: frozenset[str] | None) -> None:
    if ids is not None:
        _forget(db, "DELETE FROM read_links WHERE id=?", ids)
        _forget(db, "DELETE FROM read_members WHERE kind='link' AND id=?", ids)
    # the columns only: a link's sentence alignments are most of its ~7 kB
    for item_id, position, a, b, kind, score, direction, alignments in _rows(
            db, "link", ids, "data ->> '$.a', data ->> '$.b', data ->> '$.kind', data ->> '$.score',"
            " data ->> '$.direction', coalesce(json_array_length(data, '$.alignments'), 0)"):
        _members(db, "link", item_id, [a, b])
        db.execute("INSERT INTO read_links VALUES (?,?,?,?,?,?,?,?)",
                   (item_id, position, a, b, kind, score, direction, alignments))


def derived_kinds(story: dict) -> dict[str, str]:
    """article id -> the kind of the derivation edge into it (copy, rewrite, translation), as the
    build decided (`Story.edges`, from reuse/provenance.py's lineages). A story stored before the
    build kept its edges marks every lineage member after the first (its original) "copy":
    derived, by a kind that dossier does not record."""
    if story.get("edges"):
        out: dict[str, str] = {}
        for edge in story["edges"]:
            out.setdefault(edge["derived"], edge["kind"])
        return out
    return {a: "copy" for lineage in story.get("lineages") or [] for a in lineage[1:]}


def member_roles(story: dict, links: list[dict]) -> dict[str, str]:
    """article id -> its role in the story, as the build decided it: "original" (the story's);
    the kind of the derivation edge into it (copy, rewrite, translation); "version" for a member of
    a lineage, after its original, with no edge into it (the build joined it to the lineage but
    found nothing it was made from: it is counted with the original as one source); else the first
    of its own lineage, "partial" when it reuses another member's paragraph (a partial link, which
    never joins lineages), "independent" when not."""
    members = set(story["articles"])
    kinds = {a: k for a, k in derived_kinds(story).items() if a in members}
    lineages = story.get("lineages") or [[a] for a in story["articles"]]
    heads = {lineage[0] for lineage in lineages if lineage}
    reusing = {end for link in links if link["kind"] == "partial" and link["a"] in members and link["b"] in members
               for end in (link["a"], link["b"])}
    roles = {}
    for article in story["articles"]:
        if article == story.get("original"):
            roles[article] = "original"
        elif article in kinds:
            roles[article] = kinds[article]
        elif article not in heads:
            roles[article] = "version"
        else:
            roles[article] = "partial" if article in reusing else "independent"
    return roles


def _stories(db: sqlite3.Connection) -> None:
    """Every story's row, members and full-text row, from the story items and the read tables of
    links, flags and articles (all rebuilt: a new article's link or flag changes its story's counts)."""
    links_of = defaultdict(list)
    for a, b, kind in db.execute("SELECT a, b, kind FROM read_links"):
        link = {"a": a, "b": b, "kind": kind}
        links_of[a].append(link)
        links_of[b].append(link)
    flagged = defaultdict(set)
    for flag_id, article in db.execute("SELECT id, article FROM read_members WHERE kind='flag'"):
        flagged[article].add(flag_id)
    sites = dict(db.execute("SELECT id, outlet FROM read_articles"))
    db.execute("DELETE FROM read_members WHERE kind='story'")
    stories = list(_items(db, "story", None))
    for item_id, position, story in stories:
        members = story["articles"]
        roles = member_roles(story, [link for a in members for link in links_of[a]])
        db.executemany("INSERT OR IGNORE INTO read_members(kind, id, article, role) VALUES ('story',?,?,?)",
                       [(item_id, a, roles[a]) for a in members])
        counted = Counter(roles.values())
        story_flags = set().union(*(flagged[a] for a in members)) if members else set()
        db.execute("INSERT INTO read_stories(id, position, title, first_reported, articles, independent_sources,"
                   " original, copies, rewrites, translations, partials, flags, outlets, year)"
                   " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   (item_id, position, story["title"], story.get("first_reported"), len(members),
                    story.get("independent_sources", 0), story.get("original"), counted["copy"],
                    counted["rewrite"], counted["translation"], counted["partial"], len(story_flags),
                    json.dumps(sorted({sites[a] for a in members if a in sites})),
                    (story.get("first_reported") or "")[:4] or "undated"))
    db.executemany("INSERT INTO read_fts_story(id, name, text) VALUES (?,?,'')",
                   [(item_id, story["title"]) for item_id, _, story in stories])


def _events(db: sqlite3.Connection, ids: frozenset[str] | None) -> None:
    if ids is not None:
        _forget(db, "DELETE FROM read_events WHERE id=?", ids)
        _forget(db, "DELETE FROM read_members WHERE kind='event' AND id=?", ids)
        _forget(db, "DELETE FROM read_participants WHERE event=?", ids)
    for item_id, position, event in _items(db, "event", ids):
        date = event.get("date")
        db.execute("INSERT INTO read_events VALUES (?,?,?,?,?,?,?,?)",
                   (item_id, position, date, (date or "")[:4] or "undated", event.get("date_precision"),
                    event["type"], event.get("story"), int(bool(event.get("background")))))
        _members(db, "event", item_id, event.get("articles", []))
        db.executemany("INSERT OR IGNORE INTO read_participants(event, entity) VALUES (?,?)",
                       [(item_id, p) for p in event.get("participants", [])])


def _entities(db: sqlite3.Connection, entities: list[tuple[str, int, dict]]) -> None:
    """Every entity's row (with its article, mention and quote counts from the read tables),
    name words and full-text row."""
    said = dict(db.execute("SELECT speaker, count(*) FROM read_quotes WHERE speaker IS NOT NULL GROUP BY speaker"))
    counts = {row[0]: (row[1], row[2]) for row in db.execute(
        "SELECT entity, count(*), sum(mentions) FROM read_entity_articles GROUP BY entity")}
    for item_id, position, entity in entities:
        articles, mentions = counts.get(item_id, (0, 0))
        db.execute("INSERT INTO read_entities VALUES (?,?,?,?,?,?,?)",
                   (item_id, position, entity["name"], entity["type"], articles, mentions, said.get(item_id, 0)))
        for name in [entity["name"], *entity.get("aliases", [])]:
            db.executemany("INSERT OR IGNORE INTO read_names(term) VALUES (?)",
                           [(t.casefold(),) for t in NAME_TOKEN.findall(name) if len(t) > 2])
    db.executemany("INSERT INTO read_fts_entity(id, name, text) VALUES (?,?,?)",
                   [(item_id, e["name"], " ".join(e.get("aliases", []))) for item_id, _, e in entities])


def quote_variants(quotes: list[dict]) -> list[list[dict]]:
    """Quotes of one speaker grouped into wordings of one quote: greedy, against each group's first
    quote, at VARIANT_MIN_RATIO (rapidfuzz ratio).

    Not against every group: a quote is compared with the groups whose first quote shares a word
    of its prefix filter (the set-similarity join's prefix filter, Chaudhuri et al. 2006, PPJoin:
    words ordered rarest first, the first |words| - ceil(PREFIX_JACCARD * |words|) + 1 of them),
    which any two wordings sharing PREFIX_JACCARD of their words have in common. Thousands of
    quotes with no known speaker then cost about linear time, not their square. A text seen
    before goes to the group it went to: every group before that one failed it then and fails it
    again, and that one takes it (verbatim copies, most quotes of a syndicated corpus, cost one
    dict lookup)."""
    words = [frozenset(_VARIANT_WORD.findall(q["text"].casefold())) for q in quotes]
    frequency = Counter(w for ws in words for w in ws)
    groups: list[list[dict]] = []
    heads: list[tuple[str, int]] = []  # each group's first text and its length
    heads_with: dict[str, list[int]] = defaultdict(list)  # prefix word -> groups whose head has it
    placed: dict[str, int] = {}  # text -> the group it joined
    for quote, own in zip(quotes, words):
        text = quote["text"]
        home = placed.get(text)
        if home is None:
            prefix = _prefix(own, frequency)
            home = _variant_home(text, prefix, heads, heads_with)
            if home is None:
                home = len(groups)
                groups.append([])
                heads.append((text, len(text)))
                for w in prefix:
                    heads_with[w].append(home)
        groups[home].append(quote)
        placed[text] = home
    return groups


def _prefix(own: frozenset[str], frequency: Counter) -> list[str]:
    """The prefix filter's words: rarest first, all but the share PREFIX_JACCARD allows to differ."""
    ranked = sorted(own, key=lambda w: (frequency[w], w)) or [""]  # no words: one shared key
    return ranked[:len(ranked) - math.ceil(PREFIX_JACCARD * len(ranked)) + 1]


def _variant_home(text: str, prefix: list[str], heads: list[tuple[str, int]],
                  heads_with: dict[str, list[int]]) -> int | None:
    """The first group whose head `text` is a wording of (VARIANT_MIN_RATIO), or None."""
    candidates = sorted({g for w in prefix for g in heads_with.get(w, ())})
    shortest, longest = len(text) * _LENGTH_BOUND, len(text) / _LENGTH_BOUND
    fits = [g for g in candidates if shortest <= heads[g][1] <= longest]
    # the first that scores, in rapidfuzz's C loop (a speakerless ledger makes ~1M comparisons)
    hit = next(process.extract_iter(text, [heads[g][0] for g in fits], scorer=fuzz.ratio, processor=None,
                                    score_cutoff=VARIANT_MIN_RATIO), None)
    return None if hit is None else fits[hit[2]]


QUOTE_COLUMNS = ("data ->> '$.article', coalesce(data ->> '$.speaker', ''), data ->> '$.speaker_name',"
                 " data ->> '$.speaker_text', coalesce(data ->> '$.kind', 'direct'), data ->> '$.text',"
                 " coalesce(data ->> '$.act', 'speech')")


def _quotes(db: sqlite3.Connection, ids: frozenset[str] | None, entity_ids: frozenset[str] | None,
            names: dict[str, str]) -> None:
    """The quote ledger's rows, variants and full-text rows: of every speaker (`ids` None), else of
    the speakers whose quotes an add changed, whose entity it changed, or whose quotes it put in
    another order (a speaker's variants depend on all of its quotes, in order). A regrouped quote
    keeps its row (an upsert), so its full-text row is redone only if its words or name changed.
    `names`: entity id -> name, every entity's. One speaker's quotes are in memory at a time, and of
    each only the columns the ledger shows (all of them parsed took 46 MB traced at 1,000 articles)."""
    where, params, stale = "", (), None
    if ids is not None:
        speakers = _speakers_to_regroup(db, ids, entity_ids)
        where, params = " AND coalesce(data ->> '$.speaker', '') IN (SELECT value FROM json_each(?))", \
            (json.dumps(sorted(speakers)),)
        # a full-text row holds the quote's words and its speaker's name: redone when either changed
        stale = ids | {row[0] for row in db.execute("SELECT id FROM read_quotes WHERE speaker IN (SELECT value FROM"
                                                     " json_each(?))", (json.dumps(sorted(entity_ids)),))}
        _forget(db, "DELETE FROM read_fts_quote WHERE rowid IN (SELECT rowid FROM read_quotes WHERE id=?)", stale)
        kept = {row[0] for row in _rows(db, "quote", ids, "1")}
        _forget(db, "DELETE FROM read_quotes WHERE id=?", ids - kept)  # removed
    rows = db.execute(f"SELECT id, position, {QUOTE_COLUMNS} FROM corpus WHERE kind='quote'{where}"
                      " ORDER BY 4, position", params)
    for speaker, group in itertools.groupby(rows, key=operator.itemgetter(3)):
        said = [{"_id": item_id, "_position": position, "article": article, "speaker_name": speaker_name,
                 "speaker_text": speaker_text, "kind": kind, "text": text, "act": act}
                for item_id, position, article, _, speaker_name, speaker_text, kind, text, act in group]
        _speaker_ledger(db, speaker, said, names)
    if ids is not None:  # a regrouped speaker's variants that are gone; the others' only moved
        db.execute("DELETE FROM read_variants WHERE variant NOT IN (SELECT variant FROM read_quotes)")
        _follow_positions(db, "read_quotes", "quote")
        db.execute("UPDATE read_variants SET position = q.position FROM (SELECT variant, min(position) AS position"
                   " FROM read_quotes GROUP BY variant) q WHERE q.variant = read_variants.variant"
                   " AND read_variants.position != q.position")
    # The search name is the speaker entity's name, else the quote's own name words. In rowid order:
    # FTS5 appends ascending rowids to its segments, others cost ~5x (measured).
    only = "" if stale is None else " WHERE q.id IN (SELECT value FROM json_each(?))"
    db.execute("INSERT INTO read_fts_quote(rowid, id, name, text) SELECT q.rowid, q.id,"
               " coalesce(nullif(e.data ->> '$.name', ''), nullif(c.data ->> '$.speaker_name', ''),"
               " nullif(c.data ->> '$.speaker_text', ''), ''), q.text FROM read_quotes q"
               " JOIN corpus c ON c.kind = 'quote' AND c.id = q.id"
               " LEFT JOIN corpus e ON e.kind = 'entity' AND e.id = q.speaker" + only + " ORDER BY q.rowid",
               () if stale is None else (json.dumps(sorted(stale)),))


def _speaker_ledger(db: sqlite3.Connection, speaker: str, said: list[dict], names: dict[str, str]) -> None:
    """One speaker's ("" for none) read_variants and read_quotes rows (upserts), from its quotes in
    export order."""
    variants, rows = [], []
    for number, group in enumerate(quote_variants(said)):
        variant = f"{speaker}#{number}"
        first = group[0]
        name = names.get(speaker) or first["speaker_name"] or first["speaker_text"] or speaker or None
        variants.append((variant, first["_position"], speaker or None, name, len(group)))
        rows += [(quote["_id"], quote["_position"], quote["article"], speaker or None, name, quote["kind"],
                  variant, len(group), quote["text"], quote["act"]) for quote in group]
    # a regrouped speaker's variants and quotes mostly come back as they were: those rows (and
    # their indexes) are left alone
    db.executemany("INSERT INTO read_variants VALUES (?,?,?,?,?) ON CONFLICT(variant) DO UPDATE SET"
                   " position=excluded.position, speaker=excluded.speaker, speaker_name=excluded.speaker_name,"
                   " size=excluded.size", _unstored(db, "SELECT variant, position, speaker, speaker_name, size"
                                                    " FROM read_variants WHERE speaker IS ?", speaker, variants))
    db.executemany("INSERT INTO read_quotes VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET"
                   " position=excluded.position, article=excluded.article, speaker=excluded.speaker,"
                   " speaker_name=excluded.speaker_name, kind=excluded.kind, variant=excluded.variant,"
                   " variant_size=excluded.variant_size, text=excluded.text, act=excluded.act",
                   _unstored(db, "SELECT id, position, article, speaker, speaker_name, kind, variant, variant_size,"
                             " text, act FROM read_quotes WHERE speaker IS ?", speaker, rows))


def _unstored(db: sqlite3.Connection, sql: str, speaker: str, rows: list[tuple]) -> list[tuple]:
    """`rows` (key, position, ...) less those `sql` finds stored with the same values but for the
    position: an add copies positions afterwards (`_quotes`), for every row."""
    stored = {row[0]: row[2:] for row in db.execute(sql, (speaker or None,))}
    return [row for row in rows if stored.get(row[0]) != row[2:]]


def _speakers_to_regroup(db: sqlite3.Connection, ids: frozenset[str], entity_ids: frozenset[str]) -> set[str]:
    """Speakers ("" for none) whose variants an add may change: those of the changed quotes, before
    and after; the changed entities; and any whose quotes now come in another order."""
    speakers = set(entity_ids)
    for item_id in ids:
        row = db.execute("SELECT coalesce(speaker, '') FROM read_quotes WHERE id=?", (item_id,)).fetchone()
        if row is not None:
            speakers.add(row[0])
    speakers |= {quote.get("speaker") or "" for _, _, quote in _items(db, "quote", ids)}
    new_position = dict(db.execute("SELECT id, position FROM corpus WHERE kind='quote'"))
    before = defaultdict(list)
    for item_id, speaker in db.execute("SELECT id, coalesce(speaker, '') FROM read_quotes ORDER BY position"):
        if item_id in new_position and item_id not in ids:
            before[speaker].append(item_id)
    for speaker, in_order in before.items():
        if speaker not in speakers and any(new_position[a] > new_position[b] for a, b in zip(in_order, in_order[1:])):
            speakers.add(speaker)
    return speakers


def _flags(db: sqlite3.Connection, ids: frozenset[str] | None) -> None:
    if ids is not None:
        _forget(db, "DELETE FROM read_fts_flag WHERE rowid IN (SELECT rowid FROM read_flags WHERE id=?)", ids)
        _forget(db, "DELETE FROM read_flags WHERE id=?", ids)
        _forget(db, "DELETE FROM read_members WHERE kind='flag' AND id=?", ids)
    flags = list(_items(db, "flag", ids))
    for item_id, position, flag in flags:
        db.execute("INSERT INTO read_flags VALUES (?,?,?,?,?)",
                   (item_id, position, flag["kind"], flag["severity"], FLAG_RANK.get(flag["severity"], 3)))
        _members(db, "flag", item_id, flag["articles"])
    rowids = dict(db.execute("SELECT id, rowid FROM read_flags"))
    db.executemany("INSERT INTO read_fts_flag(rowid, id, name, text) VALUES (?,?,?,?)",
                   sorted((rowids[item_id], item_id, flag["kind"].replace("_", " "),
                           flag["detail"] + " " + " ".join(ev["text"] for ev in flag["evidence"]))
                          for item_id, _, flag in flags))
