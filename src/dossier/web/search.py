"""Search results for reading: snippets as marked runs, the article filters, and the other kinds'
hits (entities, stories, quotes, flags) grouped with links.

The queries themselves are the store's (`dossier.store.queries.search`, `article_search`). Snippet
markers are control characters, which cannot occur in cleaned text, so a "[" in an article is
never mistaken for a highlight.
"""

from __future__ import annotations

from urllib.parse import quote as quote_plus
from urllib.parse import urlencode

from dossier.store import queries as q
from dossier.timevalue import parse_span

HIT, END = q.HIT, q.END


def snippet_segments(snippet: str) -> list[dict]:
    """FTS snippet -> [{"text", "mark"}] runs, mark True inside a hit."""
    out, marked = [], False
    for part in snippet.replace(END, HIT).split(HIT):
        if part:
            out.append({"text": part, "mark": marked})
        marked = not marked
    return out


def facet_links(text: str, filters: dict, facets: dict) -> dict:
    """Facet values with `href`: the search narrowed to that value (a year is a start-end range).
    The query string without the facet's own parameters is encoded once per facet."""
    def without(*names: str) -> str:
        return urlencode({k: v for k, v in {"q": text, **filters}.items() if v and k not in names})

    def href(rest: str, added: str) -> str:
        return "/search?" + "&".join(part for part in (rest, added) if part)

    sites, entities, dates = without("site"), without("entity"), without("start", "end")
    return {"sites": [dict(f, href=href(sites, urlencode({"site": f["value"]}))) for f in facets["sites"]],
            "entities": [dict(f, href=href(entities, urlencode({"entity": f["value"]}))) for f in facets["entities"]],
            "years": [dict(f, href=None if f["value"] == "undated" else
                           href(dates, urlencode({"start": f["value"], "end": f["value"]}))) for f in facets["years"]]}


def article_filters(entity: str | None, site: str | None, start: str | None, end: str | None) -> q.ArticleFilters:
    """The search's article filters; `start` and `end` may be partial dates ("2021-10"): an article
    is in range when the days its date covers overlap the days from the first day of `start` to the
    last day of `end`. Undated articles are excluded only when a range is asked for."""
    first, last = parse_span(start), parse_span(end)
    return q.ArticleFilters(entity=entity or None, site=site or None, first_day=first.start if first else None,
                            last_day=last.end if last else None)


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
