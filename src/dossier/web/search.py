"""Search results for reading: snippets as marked runs, facets (site, entity, year) over the
article hits, and the other kinds' hits (entities, stories, quotes, flags) grouped with links.

The queries themselves are the store's (`dossier.store.queries.search`, `article_hits`). Snippet
markers are control characters, which cannot occur in cleaned text, so a "[" in an article is
never mistaken for a highlight.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote as quote_plus

from dossier.store import queries as q
from dossier.timevalue import parse_span

HIT, END = q.HIT, q.END
MAX_HITS = 500  # facets count over at most this many best-ranked hits


def snippet_segments(snippet: str) -> list[dict]:
    """FTS snippet -> [{"text", "mark"}] runs, mark True inside a hit."""
    out, marked = [], False
    for part in snippet.replace(END, HIT).split(HIT):
        if part:
            out.append({"text": part, "mark": marked})
        marked = not marked
    return out


def in_range(date: str | None, start: str | None, end: str | None) -> bool:
    """A dated item is in range when the days its value covers overlap the days from `start` to
    `end` (either may be a partial date: "2021-10"). Undated articles are excluded only when a
    range is asked for."""
    if not (start or end):
        return True
    span = parse_span(date)
    if span is None:
        return False
    first, last = parse_span(start), parse_span(end)
    return (first is None or span.end >= first.start) and (last is None or span.start <= last.end)


def facet_counts(cards: list[dict], entities_of: dict[str, list[str]], entity_names: dict[str, str]) -> dict:
    """Counts per site, per entity and per year among the given article cards."""
    sites = Counter(c.get("site") or "unknown site" for c in cards)
    entities = Counter(e for c in cards for e in set(entities_of.get(c["id"], [])))
    years = Counter((c.get("date") or "")[:4] or "undated" for c in cards)
    return {"sites": [{"value": k, "count": v} for k, v in sites.most_common()],
            "entities": [{"value": k, "name": entity_names.get(k, k), "count": v} for k, v in entities.most_common(20)],
            "years": [{"value": k, "count": v} for k, v in sorted(years.items())]}


KIND_NAMES = {"entity": "Entities", "story": "Stories", "quote": "Quotes", "flag": "Flags"}


def other_groups(db, found: dict) -> list[dict]:
    """[{kind, name, count, hits: [{href, title (runs), snippet (runs)}]}] for the kinds with hits."""
    groups = []
    speakers = {x["id"]: x for x in q.corpus_items(db, "quote", [h["id"] for h in found.get("quote", [])])}
    for kind, name in KIND_NAMES.items():
        hits = []
        for hit in found.get(kind, []):
            if kind == "quote":
                quote = speakers.get(hit["id"], {})
                speaker = quote.get("speaker")
                href = f"/quotes?speaker={quote_plus(speaker)}" if speaker else f"/articles/{quote.get('article', '')}"
            elif kind == "flag":
                href = f"/flags#{hit['id']}"
            else:
                href = f"/{'entities' if kind == 'entity' else 'stories'}/{quote_plus(hit['id'])}"
            hits.append({"id": hit["id"], "href": href, "title": snippet_segments(hit["name"]),
                         "snippet": snippet_segments(hit["snippet"]) if hit["snippet"] else []})
        if hits:
            groups.append({"kind": kind, "name": name, "count": found["counts"][kind], "hits": hits})
    return groups
