"""Full-text search with facets (site, entity, date range) over the store's FTS5 index.

The snippet markers are control characters, which cannot occur in cleaned text, so a "[" in an
article is never mistaken for a highlight.
"""

from __future__ import annotations

from collections import Counter

from dossier.store import Store

HIT, END = "\x02", "\x03"
MAX_HITS = 500  # facets count over at most this many best-ranked hits
SNIPPET_WORDS = 24


def fts_hits(store: Store, query: str) -> list[dict]:
    """(id, snippet) of matching articles, best first; every term is quoted, so user input is
    never read as FTS5 syntax."""
    terms = [t for t in query.replace('"', " ").split() if t]
    if not terms:
        return []
    match = " ".join(f'"{t}"' for t in terms)
    rows = store.db.execute(
        f"SELECT id, snippet(article_fts, 2, '{HIT}', '{END}', '…', {SNIPPET_WORDS}) AS snippet "
        "FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?", (match, MAX_HITS))
    return [{"id": r["id"], "snippet": snippet_segments(r["snippet"])} for r in rows]


def snippet_segments(snippet: str) -> list[dict]:
    """FTS snippet -> [{"text", "mark"}] runs, mark True inside a hit."""
    out, marked = [], False
    for part in snippet.replace(END, HIT).split(HIT):
        if part:
            out.append({"text": part, "mark": marked})
        marked = not marked
    return out


def in_range(date: str | None, start: str | None, end: str | None) -> bool:
    """ISO-like dates compare as strings; a partial date ("2021-10") is in range when its prefix is.
    Undated articles are excluded only when a range is asked for."""
    if not (start or end):
        return True
    if not date:
        return False
    return (not start or date[:len(start)] >= start[:len(date)]) and (not end or date[:len(end)] <= end[:len(date)])


def facet_counts(cards: list[dict], entities_of: dict[str, list[str]], entity_names: dict[str, str]) -> dict:
    """Counts per site, per entity and per year among the given article cards."""
    sites = Counter(c.get("site") or "unknown site" for c in cards)
    entities = Counter(e for c in cards for e in set(entities_of.get(c["id"], [])))
    years = Counter((c.get("date") or "")[:4] or "undated" for c in cards)
    return {"sites": [{"value": k, "count": v} for k, v in sites.most_common()],
            "entities": [{"value": k, "name": entity_names.get(k, k), "count": v} for k, v in entities.most_common(20)],
            "years": [{"value": k, "count": v} for k, v in sorted(years.items())]}
