"""The read side of the store: every query the web UI and the report make, over the read tables.

Lists come back a page at a time, sorted by a named key and filtered by facet values, with the
facet counts of the filtered list (datasette's table view). Single items come back as the
JSON-ready dicts the store keeps. Nothing here writes, and no other package runs SQL.

Shapes: a list query returns `{"items": [...], "total": int, "page": int, "per_page": int,
"pages": int, "sort": str, "filters": {...}, "facets": {name: [{"value", "count"}]}}`.
Unknown sort keys fall back to the list's default; filter values are bound parameters.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from dossier.store.readmodel import SEARCH_TABLES
from dossier.model import MODALITIES, TRUSTED_PAGE_DATES
from dossier.timevalue import parse_span, readable
from dossier.triggers import event_label

PER_PAGE = 50
TALL_PER_PAGE = 20  # lists whose rows are tall on a phone (stories, quote groups, flags, search hits)
MAX_PER_PAGE = 500
MAX_EXPORT = 10_000  # rows in one CSV/Markdown export of a view
FACET_VALUES = 20
# A query word with no prefix match among entity names is widened to name words at or above this
# rapidfuzz ratio ("Sergey" ~ "Sergei" 83, "Lavrov" ~ "Lavrova" 92; "Moscow" ~ "Morocco" 62).
FUZZY_MIN_RATIO = 80
SEARCH_HITS = 8  # per kind shown on the search page (the count says how many match)
SEARCH_FACET_HITS = 100  # search facets count the best this many article hits
SEARCH_PER_PAGE = 10  # article hits per search page (each carries a snippet)
WORD = re.compile(r"\w+")

CARD_COLUMNS = ("id, source, title, site, byline, credited_source, url, page_date, page_date_trust, "
                "event_date, date, year, outlet, label")


@dataclass(frozen=True)
class Paging:
    """Page `number` (from 1) of `size` rows (the web allows MAX_PER_PAGE; exports MAX_EXPORT)."""

    number: int = 1
    size: int = PER_PAGE

    def clamp(self) -> Paging:
        return Paging(max(1, self.number), min(max(1, self.size), MAX_EXPORT))


ALL = Paging(1, MAX_EXPORT)


def _card(row: sqlite3.Row) -> dict:
    card = dict(row)
    card["short"] = card["outlet"]
    return card


# ------------------------------------------------------------------ lists


def _listing(db: sqlite3.Connection, table: str, columns: str, where: list[str], params: list,
             order: str, paging: Paging) -> tuple[list[sqlite3.Row], int]:
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = db.execute(f"SELECT count(*) FROM {table}{clause}", params).fetchone()[0]
    paging = paging.clamp()
    rows = db.execute(f"SELECT {columns} FROM {table}{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                      [*params, paging.size, (paging.number - 1) * paging.size]).fetchall()
    return rows, total


def _facet(db: sqlite3.Connection, key: tuple[str, str], table: str, column: str, where: list[str],
           params: list, name_column: str = "NULL") -> list[dict]:
    """The most frequent values of `column` in the filtered list; an unfiltered list's counts were
    computed with the read tables (`read_facets`, keyed by `key` = (list, facet))."""
    if not where:
        rows = db.execute("SELECT value, count, name FROM read_facets WHERE list = ? AND facet = ?"
                          " ORDER BY count DESC, value LIMIT ?", [*key, FACET_VALUES])
    else:
        rows = db.execute(f"SELECT {column} AS value, count(*) AS n, max({name_column}) FROM {table} WHERE {' AND '.join(where)}"
                          f" GROUP BY {column} ORDER BY n DESC, value LIMIT ?", [*params, FACET_VALUES])
    return [{"value": r[0] if r[0] is not None else "", "count": r[1], **({"name": r[2]} if r[2] else {})}
            for r in rows]


def _result(items: list, total: int, paging: Paging, sort: str, filters: dict, facets: dict) -> dict:
    paging = paging.clamp()
    return {"items": items, "total": total, "page": paging.number, "per_page": paging.size,
            "pages": max(1, -(-total // paging.size)), "sort": sort, "filters": filters, "facets": facets}


def _given(filters: dict | None, spec: dict[str, str]) -> dict:
    """The filters that `spec` knows and that carry a value."""
    return {k: v for k, v in (filters or {}).items() if k in spec and v not in (None, "")}


def _filters(spec: dict[str, str], filters: dict) -> tuple[list[str], list]:
    """`spec`: filter name -> SQL condition with one `?`; only filters given a value apply."""
    where, params = [], []
    for name, condition in spec.items():
        if filters.get(name) not in (None, ""):
            where.append(condition)
            params.append(filters[name])
    return where, params


@dataclass(frozen=True)
class ListSpec:
    """A list's table, the columns it returns, its sorts (the first is the default), its filters
    (name -> SQL condition with one `?`) and its facets (name -> column expression)."""

    name: str
    table: str
    columns: str
    sorts: dict[str, str]
    filters: dict[str, str]
    facets: dict[str, str]


def _run(db: sqlite3.Connection, spec: ListSpec, sort: str, filters: dict | None,
         paging: Paging) -> tuple[list[sqlite3.Row], dict]:
    """One page of rows, and the list result (items still empty) with its facet counts."""
    filters = _given(filters, spec.filters)
    sort = sort if sort in spec.sorts else next(iter(spec.sorts))
    where, params = _filters(spec.filters, filters)
    rows, total = _listing(db, spec.table, spec.columns, where, params, spec.sorts[sort], paging)
    facets = {name: _facet(db, (spec.name, name), spec.table, column, where, params)
              for name, column in spec.facets.items()}
    return rows, _result([], total, paging, sort, filters, facets)


# Each sort matches an index of the read tables (migrations 3 and 6), so a page is an index range.
ARTICLE_SORTS = {"date": "date IS NULL, date, position", "-date": "date IS NULL, date DESC, position",
                 "outlet": "outlet, date, position", "title": "label, position"}
ARTICLE_FILTERS = {"outlet": "outlet = ?", "trust": "page_date_trust = ?", "year": "year = ?",
                   "entity": "id IN (SELECT article FROM read_entity_articles WHERE entity = ?)",
                   "story": "id IN (SELECT article FROM read_members WHERE kind = 'story' AND id = ?)"}


ARTICLES = ListSpec("articles", "read_articles", CARD_COLUMNS, ARTICLE_SORTS, ARTICLE_FILTERS,
                    {"outlet": "outlet", "trust": "page_date_trust", "year": "year"})


def article_list(db: sqlite3.Connection, sort: str = "date", filters: dict | None = None,
                 paging: Paging = Paging()) -> dict:
    """Article cards; filters: outlet, trust, year ("undated" for none), entity id, story id."""
    rows, result = _run(db, ARTICLES, sort, filters, paging)
    return dict(result, items=[_card(r) for r in rows])


# SQLite sorts NULL first, so "recent" (DESC) puts undated stories last with no extra sort key.
STORY_SORTS = {"recent": "first_reported DESC, position DESC",
               "oldest": "first_reported IS NULL, first_reported, position",
               "articles": "articles DESC, position DESC", "sources": "independent_sources DESC, position DESC"}
STORY_FILTERS = {"year": "year = ?",
                 "outlet": "id IN (SELECT m.id FROM read_members m JOIN read_articles a ON a.id = m.article"
                           " WHERE m.kind = 'story' AND a.outlet = ?)"}


STORIES = ListSpec("stories", "read_stories", "*", STORY_SORTS, STORY_FILTERS, {"year": "year"})


def story_list(db: sqlite3.Connection, sort: str = "recent", filters: dict | None = None,
               paging: Paging = Paging()) -> dict:
    """Story rows with their provenance counts and original's card; filters: year, outlet."""
    rows, result = _run(db, STORIES, sort, filters, paging)
    originals = cards(db, [r["original"] for r in rows if r["original"]])
    return dict(result, items=[dict(r, outlets=json.loads(r["outlets"]), original_card=originals.get(r["original"]))
                               for r in rows])


EVENT_FILTERS = {"year": "year = ?", "type": "type = ?", "story": "story = ?",
                 "entity": "id IN (SELECT event FROM read_participants WHERE entity = ?)",
                 "article": "id IN (SELECT id FROM read_members WHERE kind = 'event' AND article = ?)"}


EVENTS = ListSpec("events", "read_events", "id", {"date": "position"}, EVENT_FILTERS, {"year": "year", "type": "type"})


def timeline(db: sqlite3.Connection, filters: dict | None = None, paging: Paging = Paging()) -> dict:
    """Events in the timeline order the build set (date, then precision; see stories/timeline.py):
    one order for the web, the report and the export, each with the `label` and `shown_date` a
    reader sees (`triggers.event_label`, `timevalue.readable`). Filters: year, type, story, entity, article."""
    rows, result = _run(db, EVENTS, "date", filters, paging)
    items = corpus_items(db, "event", [r["id"] for r in rows])
    for value in result["facets"].get("year", []):  # a decade's "199" reads "1990s"
        if readable(value["value"]) != value["value"]:
            value["name"] = readable(value["value"])
    written = _written(db, [a for e in items for a in e.get("articles", [])])
    return dict(result, items=[dict(e, label=event_label(e), shown_date=readable(e.get("date")),
                                    expected=_expected(e, written)) for e in items])


def _written(db: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[int | None, int | None]]:
    """article id -> (the day it was written, as its trusted page date; the first day it can have
    been written: that date, else the day of the news it reports), as ordinals or None."""
    out = {}
    for card in cards(db, ids).values():
        trusted = parse_span(card["page_date"] if card.get("page_date_trust") in TRUSTED_PAGE_DATES else None)
        earliest = trusted or parse_span(card.get("event_date"))
        out[card["id"]] = (trusted.start if trusted else None, earliest.start if earliest else None)
    return out


# A time expression that points forward from when it was written ("next month", "in two weeks").
_FORWARD = re.compile(r"(?i)\b(?:next|coming|upcoming|tomorrow|later this|in (?:a|an|one|two|three|four|five|six|"
                      r"several|a few|\d+) (?:days?|weeks?|months?|years?))\b")


def _expected(event: dict, written: dict[str, tuple[int | None, int | None]]) -> bool:
    """Every report of the event was written before it began: a plan or forecast, not something
    that happened. Known where each report's page date is trusted, or where the event's own time
    points forward ("is likely to visit Moscow next month") and each report's news day is known;
    else False (an article written later may report it as done)."""
    span = parse_span(event.get("date"), event.get("date_precision"))
    days = [written.get(a, (None, None)) for a in event.get("articles", [])]
    if span is None or not days:
        return False
    if all(exact is not None for exact, _ in days):
        return span.start > max(exact for exact, _ in days)
    forward = bool(_FORWARD.search(event.get("time") or ""))
    return forward and all(earliest is not None for _, earliest in days) and span.start > max(e for _, e in days)


def timeline_rows(events: list[dict]) -> list[dict]:
    """One row per reported sentence: `timeline` items (in its order) that share date, precision,
    story, background and summary (the predicates of one sentence: "host" and "spark" of "...
    the 1990s, when they hosted ...") become one row at the first one's place, with `labels` (each
    event's `label`, in order; `label` joins them), the union of their articles, participants and
    evidence, the most independent sources any of them has, `ids` (the events it shows),
    `expected` only where all of them are, and the most factual `modality` of them (`MODALITIES`)."""
    rows: dict[tuple, dict] = {}
    for event in events:
        key = (event.get("date"), event.get("date_precision"), event.get("story"),
               bool(event.get("background")), event.get("summary"))
        row = rows.get(key)
        if row is None:
            rows[key] = dict(event, labels=[event["label"]], ids=[event["id"]])
            continue
        row["ids"].append(event["id"])
        row["expected"] = bool(row.get("expected") and event.get("expected"))
        row["modality"] = min(row.get("modality", "asserted"), event.get("modality", "asserted"), key=MODALITIES.index)
        row["labels"] += [event["label"]] if event["label"] not in row["labels"] else []
        row["independent_sources"] = max(row["independent_sources"], event["independent_sources"])
        for name in ("articles", "participants", "evidence"):
            row[name] = row.get(name, []) + [x for x in event.get(name, []) if x not in row.get(name, [])]
    for row in rows.values():
        row["label"] = " · ".join(row["labels"])
    return list(rows.values())


ENTITY_SORTS = {"articles": "articles DESC, position DESC", "name": "name, position",
                "quotes": "quotes DESC, position DESC"}
# name: the words as one quoted FTS5 phrase, its last word a prefix, on the name column of the
# entity search table (quotes doubled, so the value is never FTS syntax)
ENTITY_FILTERS = {"type": "type = ?",
                  "name": "id IN (SELECT id FROM read_fts_entity WHERE read_fts_entity MATCH"
                          " 'name : \"' || replace(?, '\"', '\"\"') || '\"*')"}


ENTITIES = ListSpec("entities", "read_entities", "*", ENTITY_SORTS, ENTITY_FILTERS, {"type": "type"})


def entity_list(db: sqlite3.Connection, sort: str = "articles", filters: dict | None = None,
                paging: Paging = Paging()) -> dict:
    """Entities with how many articles mention them and how many quotes they have; filters: type,
    name (a word prefix)."""
    rows, result = _run(db, ENTITIES, sort, filters, paging)
    aliases = {e["id"]: e.get("aliases", []) for e in corpus_items(db, "entity", [r["id"] for r in rows])}
    return dict(result, items=[dict(r, aliases=aliases.get(r["id"], [])) for r in rows])


QUOTE_SORTS = {"variants": "size DESC, position DESC", "speaker": "speaker_name, position"}
QUOTE_FILTERS = {"speaker": "speaker = ?", "variant": "variant = ?", "kind": "variant IN (SELECT variant FROM read_quotes WHERE kind = ?)",
                 "act": "variant IN (SELECT variant FROM read_quotes WHERE act = ?)",
                 "article": "variant IN (SELECT variant FROM read_quotes WHERE article = ?)"}
VARIANTS = ListSpec("quotes", "read_variants", "variant, speaker, speaker_name", QUOTE_SORTS, QUOTE_FILTERS, {})


def quote_groups(db: sqlite3.Connection, sort: str = "variants", filters: dict | None = None,
                 paging: Paging = Paging(), per_group: int | None = None) -> dict:
    """The quote ledger: one item per wording group of one speaker's quote ({speaker, name,
    variant, quotes: [quote dicts], count, wordings}), a page of groups at a time. Filters:
    speaker, kind (direct, indirect, partial), act (speech, stance), article; a group lists only its quotes that pass
    them, the first `per_group` of them (all when None); `count` and `wordings` (distinct texts)
    count every quote that passes."""
    rows, result = _run(db, VARIANTS, sort, filters, paging)
    filters = result["filters"]
    variants = [r["variant"] for r in rows]
    members: dict[str, list[str]] = {v: [] for v in variants}
    sizes: dict[str, tuple[int, int]] = {}
    extra = [(f"{name} = ?", filters[name]) for name in ("kind", "act", "article") if name in filters]
    if variants:
        chosen = (f"FROM read_quotes WHERE variant IN ({','.join('?' * len(variants))})"
                  + "".join(f" AND {condition}" for condition, _ in extra))
        params = [*variants, *(value for _, value in extra)]
        sizes = {r[0]: (r[1], r[2]) for r in db.execute(
            f"SELECT variant, count(*), count(DISTINCT text) {chosen} GROUP BY variant", params)}
        numbered = f"SELECT id, variant, row_number() OVER (PARTITION BY variant ORDER BY position) AS n {chosen}"
        for row in db.execute(f"SELECT id, variant FROM ({numbered}) WHERE n <= ? ORDER BY variant, n",
                              [*params, per_group if per_group is not None else 1 << 62]):
            members[row["variant"]].append(row["id"])
    quotes = {x["id"]: x for x in corpus_items(db, "quote", [i for ids in members.values() for i in ids])}
    items = [{"variant": r["variant"], "speaker": r["speaker"], "name": r["speaker_name"] or "unknown speaker",
              "quotes": [quotes[i] for i in members[r["variant"]] if i in quotes],
              "count": sizes.get(r["variant"], (0, 0))[0], "wordings": sizes.get(r["variant"], (0, 0))[1]}
             for r in rows]
    where, params = _filters({k: v for k, v in QUOTE_FILTERS.items() if k not in ("speaker", "variant")}, filters)
    where = [w.replace("variant IN (SELECT variant FROM read_quotes WHERE ", "(") for w in where]
    # quotes with no resolved speaker are in no speaker's facet (as in `read_facets`)
    speaker_where = [*where, "speaker IS NOT NULL"] if where else where
    facets = {"speaker": _facet(db, ("quotes", "speaker"), "read_quotes", "speaker", speaker_where, params,
                              "speaker_name"),
              "kind": _facet(db, ("quotes", "kind"), "read_quotes", "kind",
                             *_filters({"speaker": "speaker = ?", "article": "article = ?", "act": "act = ?"}, filters)),
              "act": _facet(db, ("quotes", "act"), "read_quotes", "act",
                            *_filters({"speaker": "speaker = ?", "article": "article = ?", "kind": "kind = ?"}, filters))}
    return dict(result, items=items, facets=facets)


def drift_flags(db: sqlite3.Connection, variants: list[str]) -> dict[str, list[dict]]:
    """variant -> the quote-drift flags naming an article that holds one of its quotes, with the
    (article, text) of those quotes: {"flag": flag dict, "quotes": [{"article", "text"}]}."""
    if not variants:
        return {}
    rows = db.execute(
        "SELECT q.variant, m.id, q.article, q.text FROM read_quotes q JOIN read_members m ON m.kind = 'flag'"
        " AND m.article = q.article JOIN read_flags f ON f.id = m.id AND f.kind = 'quote_drift'"
        f" WHERE q.variant IN ({','.join('?' * len(variants))}) ORDER BY f.position", variants).fetchall()
    flags = {f["id"]: f for f in corpus_items(db, "flag", [r[1] for r in rows])}
    out: dict[str, dict[str, dict]] = {}
    for variant, flag_id, article, text in rows:
        entry = out.setdefault(variant, {}).setdefault(flag_id, {"flag": flags[flag_id], "quotes": []})
        entry["quotes"].append({"article": article, "text": text})
    return {variant: list(found.values()) for variant, found in out.items()}


FLAG_SORTS = {"severity": "rank, kind, position", "kind": "kind, rank, position"}
FLAG_FILTERS = {"kind": "kind = ?", "severity": "severity = ?",
                "story": "id IN (SELECT f.id FROM read_members s JOIN read_members f ON f.kind = 'flag'"
                         " AND f.article = s.article WHERE s.kind = 'story' AND s.id = ?)",
                "article": "id IN (SELECT id FROM read_members WHERE kind = 'flag' AND article = ?)"}


FLAGS = ListSpec("flags", "read_flags", "id", FLAG_SORTS, FLAG_FILTERS, {"kind": "kind", "severity": "severity"})


def flag_list(db: sqlite3.Connection, sort: str = "severity", filters: dict | None = None,
              paging: Paging = Paging()) -> dict:
    """Flags, most severe first; filters: kind, severity, article, story (naming its articles)."""
    rows, result = _run(db, FLAGS, sort, filters, paging)
    return dict(result, items=corpus_items(db, "flag", [r["id"] for r in rows]))


# ------------------------------------------------------------------ single items


def corpus_items(db: sqlite3.Connection, kind: str, ids: list[str]) -> list[dict]:
    """The stored corpus items of one kind (link, story, entity, quote, event, flag), in `ids` order."""
    found: dict[str, dict] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):  # SQLite's bound-parameter limit
        chunk = unique[start:start + 500]
        rows = db.execute(f"SELECT id, data FROM corpus WHERE kind = ? AND id IN ({','.join('?' * len(chunk))})",
                          [kind, *chunk])
        found.update((r[0], json.loads(r[1])) for r in rows)
    return [found[i] for i in unique if i in found]


def corpus_item(db: sqlite3.Connection, kind: str, item_id: str) -> dict | None:
    items = corpus_items(db, kind, [item_id])
    return items[0] if items else None


def cards(db: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """id -> article card (the fields lists show), for the ids that exist."""
    out: dict[str, dict] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        rows = db.execute(f"SELECT {CARD_COLUMNS} FROM read_articles WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        out.update((r["id"], _card(r)) for r in rows)
    return {i: out[i] for i in unique if i in out}


def article_data(db: sqlite3.Connection, article_id: str) -> dict | None:
    """The stored article (text and annotations) as a dict."""
    row = db.execute("SELECT data FROM articles WHERE id = ?", (article_id,)).fetchone()
    return json.loads(row[0]) if row else None


def articles_data(db: sqlite3.Connection, ids: list[str]) -> list[dict]:
    return [a for a in (article_data(db, i) for i in ids) if a is not None]


def links_touching(db: sqlite3.Connection, ids: list[str], both: bool = False) -> list[dict]:
    """Links with an end among `ids` (both ends when `both`)."""
    wanted = set(ids)
    link_ids = [r[0] for start in range(0, len(ids), 500) for r in db.execute(
        f"SELECT DISTINCT id FROM read_members WHERE kind = 'link' AND article IN ({','.join('?' * len(ids[start:start + 500]))})",
        ids[start:start + 500])]
    links = corpus_items(db, "link", link_ids)
    return [link for link in links if not both or (link["a"] in wanted and link["b"] in wanted)]


def link_summaries(db: sqlite3.Connection, ids: list[str]) -> list[dict]:
    """Links with an end among `ids`, without their alignments, in export order: [{id, a, b, kind,
    score, direction, aligned_sentences}]."""
    found: dict[str, dict] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        found.update((r["id"], dict(r)) for r in db.execute(
            "SELECT l.id, l.position, l.a, l.b, l.kind, l.score, l.direction, l.aligned_sentences FROM read_links l"
            f" WHERE l.id IN (SELECT id FROM read_members WHERE kind = 'link' AND article IN ({','.join('?' * len(chunk))}))",
            chunk))
    return [{k: v for k, v in link.items() if k != "position"} for link in sorted(found.values(), key=lambda l: l["position"])]


def links_by_id(db: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """link id -> the stored link, alignments included."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    return {r[0]: json.loads(r[1]) for r in db.execute(
        f"SELECT id, data FROM corpus WHERE kind = 'link' AND id IN ({','.join('?' * len(ids))})", ids)}


def items_naming(db: sqlite3.Connection, kind: str, article_ids: list[str], limit: int = 500) -> list[dict]:
    """Stories, events or flags that name any of the articles, in export order."""
    if not article_ids:
        return []
    ids = [r[0] for r in db.execute(
        f"SELECT DISTINCT m.id FROM read_members m JOIN corpus c ON c.kind = m.kind AND c.id = m.id"
        f" WHERE m.kind = ? AND m.article IN ({','.join('?' * len(article_ids))}) ORDER BY c.position LIMIT ?",
        [kind, *article_ids, limit])]
    return corpus_items(db, kind, ids)


def story_roles(db: sqlite3.Connection, story_id: str) -> dict[str, str]:
    """article id -> its role in the story: original, independent, or the kind of link it was
    derived by (copy, rewrite, translation, partial)."""
    return dict(db.execute("SELECT article, role FROM read_members WHERE kind = 'story' AND id = ?", (story_id,)))


def story_row(db: sqlite3.Connection, story_id: str) -> dict | None:
    row = db.execute("SELECT * FROM read_stories WHERE id = ?", (story_id,)).fetchone()
    return dict(row, outlets=json.loads(row["outlets"])) if row else None


def entity_row(db: sqlite3.Connection, entity_id: str) -> dict | None:
    row = db.execute("SELECT * FROM read_entities WHERE id = ?", (entity_id,)).fetchone()
    return dict(row) if row else None


def entity_articles(db: sqlite3.Connection, entity_id: str,
                    paging: Paging = Paging()) -> tuple[list[tuple[str, int, list]], int]:
    """(article id, mentions, spans: [[start, end, text]] in text order) of the articles mentioning
    an entity, most mentions first, a page at a time; and the total."""
    total = db.execute("SELECT count(*) FROM read_entity_articles WHERE entity = ?", (entity_id,)).fetchone()[0]
    paging = paging.clamp()
    rows = db.execute("SELECT article, mentions, spans FROM read_entity_articles WHERE entity = ?"
                      " ORDER BY mentions DESC, article LIMIT ? OFFSET ?",
                      (entity_id, paging.size, (paging.number - 1) * paging.size))
    return [(r[0], r[1], sorted(json.loads(r[2]))) for r in rows], total


def article_texts(db: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """id -> the article's text, read from the full-text index's row (no article JSON parsed)."""
    return dict(_fts_texts(db, list(dict.fromkeys(ids))))


def entity_stories(db: sqlite3.Connection, entity_id: str, limit: int = 50) -> list[dict]:
    """Stories holding an article that mentions the entity, the most mentions first."""
    rows = db.execute("SELECT m.id FROM read_entity_articles e JOIN read_members m ON m.article = e.article"
                      " AND m.kind = 'story' WHERE e.entity = ? GROUP BY m.id ORDER BY sum(e.mentions) DESC LIMIT ?",
                      (entity_id, limit))
    ids = [r[0] for r in rows]
    return [story_row(db, i) for i in ids]


def entity_names(db: sqlite3.Connection, ids) -> dict[str, str]:
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return {}
    return dict(db.execute(f"SELECT id, name FROM read_entities WHERE id IN ({','.join('?' * len(ids))})", ids))


def story_titles(db: sqlite3.Connection, ids) -> dict[str, str]:
    ids = [i for i in dict.fromkeys(ids) if i]
    if not ids:
        return {}
    return dict(db.execute(f"SELECT id, title FROM read_stories WHERE id IN ({','.join('?' * len(ids))})", ids))


def counts(db: sqlite3.Connection) -> dict[str, int]:
    """How many of each thing the dossier holds (counted by the build: `read_counts`; "unread": the
    articles in a language the models do not read), and how many inputs were rejected."""
    out = dict.fromkeys(("articles", "stories", "events", "entities", "quotes", "flags", "links", "unread"), 0)
    out.update((r[0], r[1]) for r in db.execute("SELECT name, count FROM read_counts"))
    out["rejections"] = db.execute("SELECT count(*) FROM rejections").fetchone()[0]
    return out


def rejections(db: sqlite3.Connection, paging: Paging = Paging()) -> dict:
    rows, total = _listing(db, "rejections", "id, source, stage, reason", [], [], "source, id", paging)
    return _result([dict(r) for r in rows], total, paging, "source", {}, {})


# ------------------------------------------------------------------ search


HIT, END = "\x02", "\x03"  # snippet markers: control characters never occur in cleaned text


def match_expression(db: sqlite3.Connection, query: str, fuzzy: bool = True) -> str | None:
    """An FTS5 expression for a user's words: each word is quoted (never read as FTS syntax) and
    matched as a prefix ("Lavr" finds "Lavrov"); a word that starts no entity name word is widened
    with the name words close to it (`FUZZY_MIN_RATIO`), so "Sergey" finds "Sergei"."""
    words = WORD.findall(query)
    if not words:
        return None
    parts = []
    for word in words:
        options = [f'"{word}"*']
        folded = word.casefold()
        if fuzzy and len(word) > 3 and not db.execute(
                "SELECT 1 FROM read_names WHERE term >= ? AND term < ? LIMIT 1", (folded, folded + "\U0010ffff")).fetchone():
            # candidates share the first letter: an index range, not a scan of every name word
            terms = [r[0] for r in db.execute("SELECT term FROM read_names WHERE term >= ? AND term < ?",
                                              (folded[0], folded[0] + "\U0010ffff"))]
            options += [f'"{t}"' for t, _, _ in process.extract(folded, terms, scorer=fuzz.ratio,
                                                                 score_cutoff=FUZZY_MIN_RATIO, limit=3)]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    # explicit AND: FTS5 reads juxtaposed phrases as AND, but not a phrase beside a bracketed group
    return " AND ".join(parts)


def search(db: sqlite3.Connection, match: str | None, kinds: tuple[str, ...] = tuple(SEARCH_TABLES),
           limit: int = SEARCH_HITS) -> dict:
    """Best hits per kind other than articles (see `article_search`) for a `match_expression`:
    {"entity": [{id, name, snippet}], ...} with hits wrapped in HIT/END markers, and "counts":
    {kind: matches}. Each kind has its own full-text table, so a kind's count and ranking (BM25,
    names weighted 4:1 over text) read only that kind's matches."""
    out: dict = {kind: [] for kind in kinds}
    out["counts"] = {kind: 0 for kind in kinds}
    if match is None:
        return out
    for kind in kinds:
        table = SEARCH_TABLES[kind]
        out["counts"][kind] = db.execute(f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (match,)).fetchone()[0]
        if not out["counts"][kind]:
            continue
        out[kind] = [dict(r) for r in db.execute(
            f"SELECT id, highlight({table}, 1, '{HIT}', '{END}') AS name,"
            f" snippet({table}, 2, '{HIT}', '{END}', '…', 20) AS snippet FROM {table}"
            f" WHERE {table} MATCH ? ORDER BY bm25({table}, 0, 4.0, 1.0) LIMIT ?", (match, limit))]
    return out


@dataclass(frozen=True)
class ArticleFilters:
    """Search filters on article hits: an entity id the article mentions, its site ("unknown
    site" for none), and a range of days (`date.toordinal()`, inclusive, either end open) that
    the days the article's date covers must overlap (undated articles never do)."""

    entity: str | None = None
    site: str | None = None
    first_day: int | None = None
    last_day: int | None = None

    def sql(self) -> tuple[list[str], list]:
        where, params = [], []
        if self.entity:
            where.append("a.id IN (SELECT article FROM read_entity_articles WHERE entity = ?)")
            params.append(self.entity)
        if self.site:
            where.append("coalesce(a.site, 'unknown site') = ?")
            params.append(self.site)
        if self.first_day is not None:
            where.append("a.day_last >= ?")
            params.append(self.first_day)
        if self.last_day is not None:
            where.append("a.day_first <= ?")
            params.append(self.last_day)
        return where, params


def article_search(db: sqlite3.Connection, match: str | None, filters: ArticleFilters = ArticleFilters(),
                   paging: Paging = Paging(1, SEARCH_PER_PAGE), facet_hits: int = SEARCH_FACET_HITS) -> dict:
    """Articles matching a `match_expression` and the filters, best first (BM25), or with no
    expression every article that passes the filters, in date order: {"items": [card with
    "snippet"], "total", "capped", "facets": {"sites", "entities", "years": [{value, count,
    name?}]}}. The filters are SQL conditions on the ranked query; facets count the first
    `facet_hits` results ("capped" when there are more); snippets are made for the page shown only."""
    where, params = filters.sql()
    if match is None:
        source, order = "FROM read_articles a WHERE 1", "a.date IS NULL, a.date, a.position"
    else:
        source = ("FROM article_fts JOIN article_fts_rows r ON r.row = article_fts.rowid"
                  " JOIN read_articles a ON a.id = r.id WHERE article_fts MATCH ?")
        order, params = "bm25(article_fts)", [match, *params]
    source += "".join(f" AND {w}" for w in where)
    if match is not None and not where:  # the full-text index counts its matches without the joins
        total = db.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (match,)).fetchone()[0]
    else:
        total = db.execute(f"SELECT count(*) {source}", params).fetchone()[0]
    paging = paging.clamp()
    wanted = max(facet_hits, paging.number * paging.size)
    if match is not None and not where:  # rank in the full-text index alone, then name the best rows
        rows = [r[0] for r in db.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ?"
                                         " ORDER BY bm25(article_fts) LIMIT ?", (match, wanted))]
        ids = dict(db.execute(f"SELECT row, id FROM article_fts_rows WHERE row IN ({','.join('?' * len(rows))})", rows))
        ranked = [ids[r] for r in rows if r in ids]
    else:
        ranked = [r[0] for r in db.execute(f"SELECT a.id {source} ORDER BY {order} LIMIT ?", (*params, wanted))]
    shown = ranked[(paging.number - 1) * paging.size:paging.number * paging.size]
    cards_of = cards(db, shown)
    snippet_of = snippets(db, match, shown) if match is not None else {}
    best = ranked[:facet_hits]
    return {"items": [dict(cards_of[i], snippet=snippet_of.get(i, "")) for i in shown if i in cards_of],
            "total": total, "capped": total > len(best), "facets": _hit_facets(db, best)}


def _hit_facets(db: sqlite3.Connection, ids: list[str]) -> dict:
    """Site, entity and year counts among the given articles (the top FACET_VALUES of each)."""
    if not ids:
        return {"sites": [], "entities": [], "years": []}
    marks = ",".join("?" * len(ids))
    sites = db.execute(f"SELECT coalesce(site, 'unknown site'), count(*) AS n FROM read_articles WHERE id IN ({marks})"
                       " GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?", (*ids, FACET_VALUES)).fetchall()
    entities = db.execute(f"SELECT entity, count(*) AS n FROM read_entity_articles WHERE article IN ({marks})"
                          " GROUP BY entity ORDER BY n DESC, entity LIMIT ?", (*ids, FACET_VALUES)).fetchall()
    names = entity_names(db, [r[0] for r in entities])
    years = db.execute(f"SELECT coalesce(substr(date, 1, 4), 'undated'), count(*) FROM read_articles"
                       f" WHERE id IN ({marks}) GROUP BY 1 ORDER BY 1", ids).fetchall()
    return {"sites": [{"value": r[0], "count": r[1]} for r in sites],
            "entities": [{"value": r[0], "count": r[1], "name": names.get(r[0], r[0])} for r in entities],
            "years": [{"value": r[0], "count": r[1]} for r in years]}


SNIPPET_CHARS = 160  # about the 24 tokens an FTS5 snippet() of this page would show
TERM = re.compile(r'"([^"]+)"(\*?)')


def snippets(db: sqlite3.Connection, match: str, ids: list[str]) -> dict[str, str]:
    """id -> a snippet of the article around a `match_expression`'s words, hits wrapped in HIT/END
    markers, for the ids asked. FTS5's snippet() tokenizes the whole text (about 1 ms an article
    here), so the window is cut in Python around the first word that starts with a query word;
    an article whose hit only the stemmer sees ("runs" for "running") gets snippet()'s."""
    terms = TERM.findall(match)
    hit = re.compile(r"\b(?:" + "|".join(re.escape(t) + (r"\w*" if star else r"\b") for t, star in terms) + ")",
                     re.IGNORECASE)
    out = {}
    for article_id, text in _fts_texts(db, ids):
        first = hit.search(text)
        if first is None:
            row = db.execute(f"SELECT snippet(article_fts, 2, '{HIT}', '{END}', '…', 24) FROM article_fts"
                             " WHERE article_fts MATCH ? AND rowid = (SELECT row FROM article_fts_rows WHERE id = ?)",
                             (match, article_id)).fetchone()
            out[article_id] = row[0] if row else ""
            continue
        start = max(0, text.rfind(" ", 0, max(0, first.start() - SNIPPET_CHARS // 3)) + 1)
        end = text.find(" ", start + SNIPPET_CHARS)
        end = len(text) if end < 0 else end
        window = hit.sub(lambda m: HIT + m.group() + END, text[start:end].replace("\n", " "))
        out[article_id] = ("…" if start else "") + window + ("…" if end < len(text) else "")
    return out


def _fts_texts(db: sqlite3.Connection, ids: list[str]) -> list[tuple[str, str]]:
    """(id, text) as the full-text index holds it, for the ids asked."""
    if not ids:
        return []
    return db.execute(f"SELECT r.id, f.text FROM article_fts_rows r JOIN article_fts f ON f.rowid = r.row"
                      f" WHERE r.id IN ({','.join('?' * len(ids))})", ids).fetchall()
