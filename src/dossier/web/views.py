"""Page data built from the store: one function per page, each returning a JSON-ready dict.

The JSON twin of a page returns exactly this dict; the HTML template renders it. A view returns
None when the thing asked for does not exist (the app turns that into a 404).
"""

from __future__ import annotations

import json
from collections import defaultdict

from dossier.model import to_dict
from dossier.store import Store
from dossier.web import compare as comparing
from dossier.web import graph, search
from dossier.web.reader import article_summaries, articles_mentioning

MAX_COMPARE = 6  # columns that still fit side by side on a laptop screen


def corpus_dicts(store: Store) -> dict[str, list[dict]]:
    return to_dict(vars(store.corpus()))


def date_key(item: dict, field: str = "date") -> tuple:
    """Sort key: dated items in date order, undated ones last."""
    return (item.get(field) is None, item.get(field) or "")


def entity_names(entities: list[dict]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in entities}


def flag_cards(flags: list[dict], cards: dict[str, dict]) -> dict[str, dict]:
    """Cards of the articles the flags name (evidence may cite "ID#sentence")."""
    named = {a for f in flags for a in f["articles"]} | {ev["article"].split("#")[0] for f in flags for ev in f["evidence"]}
    return {a: cards[a] for a in sorted(named) if a in cards}


def counts(store: Store) -> dict:
    return store.stats()


# ------------------------------------------------------------------ stories


def story_card(story: dict, cards: dict[str, dict], flags: list[dict]) -> dict:
    members = set(story["articles"])
    return {"id": story["id"], "title": story["title"], "articles": len(story["articles"]),
            "independent_sources": story["independent_sources"], "first_reported": story["first_reported"],
            "original": cards.get(story["original"]) if story.get("original") else None,
            "sites": sorted({cards[a]["site"] for a in story["articles"] if a in cards and cards[a]["site"]}),
            "flags": sum(1 for f in flags if members & set(f["articles"]))}


def home(store: Store) -> dict:
    """The stories, newest first report first; the articles themselves while no story is built."""
    corpus = corpus_dicts(store)
    cards = article_summaries(store)
    stories = sorted(corpus["stories"], key=lambda s: (s.get("first_reported") or ""), reverse=True)
    return {"stats": counts(store),
            "stories": [story_card(s, cards, corpus["flags"]) for s in stories],
            "articles": [] if stories else list(cards.values())}


def story(store: Store, story_id: str) -> dict | None:
    corpus = corpus_dicts(store)
    found = next((s for s in corpus["stories"] if s["id"] == story_id), None)
    if found is None:
        return None
    cards = article_summaries(store)
    members = [a for a in found["articles"] if a in cards]
    member_set = set(members)
    links = [link_summary(link) for link in corpus["links"] if link["a"] in member_set and link["b"] in member_set]
    outside = [link_summary(link) for link in corpus["links"]
               if (link["a"] in member_set) != (link["b"] in member_set)]
    ordered = sorted(members, key=lambda a: (a != found.get("original"), date_key(cards[a])))
    events = [e for e in corpus["events"] if e.get("story") == story_id or (not e.get("story") and member_set & set(e["articles"]))]
    story_flags = [f for f in corpus["flags"] if member_set & set(f["articles"])]
    return {"story": found,
            "articles": [dict(cards[a], role=role(a, found, links)) for a in ordered],
            "lineages": [[cards[a] for a in lineage if a in cards] for lineage in found.get("lineages", [])],
            "links": links, "outside_links": outside,
            "graph": graph.layout([cards[a] for a in members], links, found.get("original")),
            "tree": derivation_tree(ordered, links, found.get("original")),
            "timeline": timeline_entries(events, cards),
            "flags": story_flags, "cards": flag_cards(story_flags, cards),
            "compare": ordered[:MAX_COMPARE] if len(ordered) > 1 else [],
            "names": entity_names(corpus["entities"])}


def role(article_id: str, story: dict, links: list[dict]) -> str:
    if article_id == story.get("original"):
        return "original"
    if any(graph.source_and_copy(link) and graph.source_and_copy(link)[1] == article_id for link in links):
        return "copy"
    return "report"


def link_summary(link: dict) -> dict:
    """A link without its alignments (the compare page shows those), plus how many there are."""
    out = {k: v for k, v in link.items() if k != "alignments"}
    out["aligned_sentences"] = len(link.get("alignments", []))
    return out


def derivation_tree(ordered: list[str], links: list[dict], original: str | None) -> list[dict]:
    """Nested list form of the graph: each article under the article it was copied from."""
    children: dict[str, list[str]] = defaultdict(list)
    has_source = set()
    for link in links:
        direction = graph.source_and_copy(link)
        if direction and direction[1] not in has_source:
            children[direction[0]].append(direction[1])
            has_source.add(direction[1])
    kind = {frozenset((link["a"], link["b"])): link["kind"] for link in links}

    def node(article_id: str, parent: str | None, seen: frozenset) -> dict:
        kids = [c for c in children.get(article_id, []) if c not in seen]
        return {"id": article_id, "kind": kind.get(frozenset((article_id, parent))) if parent else None,
                "children": [node(c, article_id, seen | {c}) for c in kids]}

    roots = [a for a in ordered if a not in has_source] or ordered[:1]
    return [node(r, None, frozenset({r})) for r in roots]


def timeline_entries(events: list[dict], cards: dict[str, dict]) -> list[dict]:
    """Events in date order, each with its article cards and the year it falls in (for headings)."""
    out = []
    for event in sorted(events, key=date_key):
        entry = dict(event)
        entry["year"] = (event.get("date") or "")[:4] or "undated"
        prefix = f"{event['type']}: "  # the type is shown as a badge beside the headline
        entry["headline"] = event["summary"][len(prefix):] if event["summary"].startswith(prefix) else event["summary"]
        entry["article_cards"] = [cards[a] for a in event.get("articles", []) if a in cards]
        out.append(entry)
    return out


def timeline(store: Store) -> dict:
    corpus = corpus_dicts(store)
    cards = article_summaries(store)
    titles = {s["id"]: s["title"] for s in corpus["stories"]}
    entries = timeline_entries(corpus["events"], cards)
    for entry in entries:
        entry["story_title"] = titles.get(entry.get("story"))
    return {"events": entries, "names": entity_names(corpus["entities"])}


# ------------------------------------------------------------------ articles


def articles(store: Store) -> dict:
    return {"articles": sorted(article_summaries(store).values(), key=date_key)}


def article(store: Store, article_id: str) -> dict | None:
    found = store.article(article_id)
    if found is None:
        return None
    data = to_dict(found)
    corpus = corpus_dicts(store)
    cards = article_summaries(store)
    names = entity_names(corpus["entities"])
    links = [dict(link_summary(link), other=cards.get(link["b"] if link["a"] == article_id else link["a"]))
             for link in corpus["links"] if article_id in (link["a"], link["b"])]
    article_flags = [f for f in corpus["flags"] if article_id in f["articles"]]
    mentioned = defaultdict(int)
    for mention in data["mentions"]:
        mentioned[mention.get("entity") or mention["text"]] += 1
    return {"article": data, "card": cards.get(article_id),
            "paragraphs": paragraphs(data["text"], data["title"]),
            "links": sorted(links, key=lambda link: -link["score"]),
            "stories": [{"id": s["id"], "title": s["title"]} for s in corpus["stories"] if article_id in s["articles"]],
            "flags": article_flags, "cards": flag_cards(article_flags, cards),
            "entities": [{"id": k, "name": names.get(k, k), "linked": k in names, "mentions": v}
                         for k, v in sorted(mentioned.items(), key=lambda kv: -kv[1])],
            "names": names}


def paragraphs(text: str, title: str | None) -> list[str]:
    """The text's non-empty lines, without a first line that repeats the title shown above it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[1:] if lines and title and lines[0] == title.strip() else lines


def compare(store: Store, ids: list[str]) -> dict | None:
    """Two or more articles side by side; None if any id is unknown."""
    ids = list(dict.fromkeys(i for i in ids if i))[:MAX_COMPARE]
    found = [store.article(i) for i in ids]
    if len(ids) < 2 or any(a is None for a in found):
        return None
    chosen = [to_dict(a) for a in found]
    corpus = corpus_dicts(store)
    id_set = set(ids)
    links = [link for link in corpus["links"] if link["a"] in id_set and link["b"] in id_set]
    flags = [f for f in corpus["flags"] if id_set & {ev["article"] for ev in f["evidence"]}]
    cards = article_summaries(store)
    return {"articles": [cards[i] for i in ids], "flags": flags, "cards": flag_cards(flags, cards),
            "links": [link_summary(link) for link in links],
            **comparing.compare_rows(chosen, links, flags)}


# ------------------------------------------------------------------ entities, quotes, flags


def entities(store: Store) -> dict:
    corpus = corpus_dicts(store)
    quotes_by = defaultdict(int)
    for quote in corpus["quotes"]:
        quotes_by[quote.get("speaker")] += 1
    return {"entities": [dict(e, quotes=quotes_by.get(e["id"], 0))
                         for e in sorted(corpus["entities"], key=lambda e: (e["type"], e["name"]))]}


def entity(store: Store, entity_id: str) -> dict | None:
    corpus = corpus_dicts(store)
    found = next((e for e in corpus["entities"] if e["id"] == entity_id), None)
    if found is None:
        return None
    cards = article_summaries(store)
    mentions = []
    for data in articles_mentioning(store, entity_id):
        hits = [m for m in data.get("mentions", []) if m.get("entity") == entity_id]
        if hits:
            mentions.append({"article": cards.get(data["id"]), "count": len(hits),
                             "forms": sorted({m["text"] for m in hits}),
                             "contexts": [context(data, m) for m in hits[:3]]})
    return {"entity": found, "mentions": mentions,
            "quotes": [dict(q, article_card=cards.get(q["article"])) for q in corpus["quotes"] if q.get("speaker") == entity_id],
            "events": timeline_entries([e for e in corpus["events"] if entity_id in e.get("participants", [])], cards),
            "names": entity_names(corpus["entities"])}


CONTEXT_CHARS = 90


def context(article: dict, mention: dict) -> dict:
    """The sentence holding a mention (or a window of text around it), cut around the name."""
    text = article["text"]
    start, end = max(0, mention["start"] - CONTEXT_CHARS), min(len(text), mention["end"] + CONTEXT_CHARS)
    return {"before": ("…" if start else "") + text[start:mention["start"]], "name": text[mention["start"]:mention["end"]],
            "after": text[mention["end"]:end] + ("…" if end < len(text) else "")}


def quotes(store: Store) -> dict:
    """Quotes grouped by speaker, then into variants of one quote (flagged drift first)."""
    from dossier.web.quotes import group_quotes

    corpus = corpus_dicts(store)
    cards = article_summaries(store)
    return {"groups": group_quotes(corpus["quotes"], corpus["flags"], cards, entity_names(corpus["entities"])),
            "total": len(corpus["quotes"])}


FLAG_ORDER = {"high": 0, "medium": 1, "low": 2}


def flags(store: Store, kind: str | None = None) -> dict:
    corpus = corpus_dicts(store)
    cards = article_summaries(store)
    kinds = defaultdict(int)
    for f in corpus["flags"]:
        kinds[f["kind"]] += 1
    chosen = [f for f in corpus["flags"] if kind is None or f["kind"] == kind]
    return {"kind": kind, "kinds": dict(sorted(kinds.items())), "cards": flag_cards(chosen, cards),
            "flags": sorted(chosen, key=lambda f: (FLAG_ORDER.get(f["severity"], 3), f["kind"]))}


def rejected(store: Store) -> dict:
    return {"rejected": [{"id": r.id, "source": r.source, "stage": r.stage, "reason": r.reason}
                         for r in store.rejections()]}


# ------------------------------------------------------------------ search


def find(store: Store, q: str = "", entity: str | None = None, site: str | None = None,
         start: str | None = None, end: str | None = None) -> dict:
    """Search results with facets. An empty query lists every article, so facets alone browse."""
    cards = article_summaries(store)
    hits = search.fts_hits(store, q) if q.strip() else [{"id": i, "snippet": []} for i in cards]
    names = entity_names(to_dict(store.corpus().entities))
    entities_of = {h["id"]: mentioned_entities(store, h["id"]) for h in hits}
    results = []
    for hit in hits:
        card = cards.get(hit["id"])
        if card is None or (site and (card["site"] or "unknown site") != site):
            continue
        if entity and entity not in entities_of[hit["id"]]:
            continue
        if not search.in_range(card["date"], start, end):
            continue
        results.append(dict(card, snippet=hit["snippet"]))
    return {"q": q, "filters": {"entity": entity, "site": site, "start": start, "end": end},
            "entity_name": names.get(entity, entity) if entity else None,
            "results": results, "facets": search.facet_counts(results, entities_of, names)}


def mentioned_entities(store: Store, article_id: str) -> list[str]:
    row = store.db.execute("SELECT json_extract(data, '$.mentions') FROM articles WHERE id=?", (article_id,)).fetchone()
    mentions = json.loads(row[0]) if row and row[0] else []
    return sorted({m["entity"] for m in mentions if m.get("entity")})

