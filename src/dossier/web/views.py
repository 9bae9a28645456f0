"""Page data built from the store's read side: one function per page, each returning a JSON-ready dict.

The JSON twin of a page returns exactly this dict; the HTML template renders it. A view returns
None when the thing asked for does not exist (the app turns that into a 404). Every list comes a
page at a time from `dossier.store.queries`, so a request reads what it shows, not the corpus.
"""

from __future__ import annotations

from collections import defaultdict

from dossier.store import Store
from dossier.store import queries as q
from dossier.timevalue import sort_key
from dossier.web import compare as comparing
from dossier.web import digest, graph, search

MAX_COMPARE = 6  # columns that still fit side by side on a laptop screen
MAX_GRAPH_NODES = 40  # a larger story's graph would be unreadable; /articles?story= lists everyone
MAX_STORY_ITEMS = 10  # events and flags shown on one story page (the lists link to the rest)
MAX_LINKS = 40  # links listed on one story page
# Caps chosen so that no page is taller than 20 screens at 390x844 (measured in the browser tests
# and in benchmarks/web_speed.py --browser on a 10,000-article dossier).
VARIANTS_SHOWN = 5  # wordings shown per quote group; the group's own page lists them all
ROLE_NAMES = {"original": "the first version of the story the build found",
              "independent": "an independent report (its own lineage: not derived from another article here)",
              "copy": "derived from another article here (the link kind says how)",
              "version": "in another article's lineage, counted with it as one source, but the build found "
                         "nothing here it was made from (it may be the source of a copy)"}
LINK_KINDS = {"copy": "the same text, lightly edited", "rewrite": "the same sentences reworded",
              "translation": "the same text translated: in another language, or reworded by a machine translation "
                             "the page discloses", "partial": "reuses a paragraph or two"}
TRUST_NAMES = {"ok": "page date from the page's own metadata", "weak": "page date guessed from the page text",
               "missing": "no page date", "contradicted": "page date contradicted by the articles' own dates"}


def legend() -> dict:
    """What roles, link kinds and date-trust verdicts mean (shown beside every provenance bar)."""
    return {"roles": ROLE_NAMES, "link_kinds": LINK_KINDS, "trust": TRUST_NAMES}


def flag_cards(db, flags: list[dict]) -> dict[str, dict]:
    """Cards of the articles the flags name (evidence may cite "ID#sentence")."""
    named = {a for f in flags for a in f["articles"]} | {ev["article"].split("#")[0] for f in flags for ev in f["evidence"]}
    return q.cards(db, sorted(named))


def compare_ids(ids: list[str]) -> list[str]:
    """Distinct article ids (evidence's "ID#sentence" cut to the id), at most MAX_COMPARE."""
    return list(dict.fromkeys(i.split("#")[0] for i in ids if i))[:MAX_COMPARE]


def with_compare(flags: list[dict]) -> list[dict]:
    """Flags with `compare`: the distinct articles they name (a link only when there are two)."""
    return [dict(f, compare=compare_ids(f["articles"] + [ev["article"] for ev in f["evidence"]])) for f in flags]


# ------------------------------------------------------------------ stories


def provenance_bar(row: dict) -> list[dict]:
    """Segments of a story's bar: independent sources, then copies by the kind of derivation edge
    into them (the build's `Story.edges`, counted in store/readmodel.py)."""
    derived = row["copies"] + row["rewrites"] + row["translations"]
    # Every member is the first of a lineage (one per independent source), derived by an edge, or
    # a version: in a lineage with no edge into it (see readmodel.member_roles).
    versions = max(0, row["articles"] - row["independent_sources"] - derived)
    parts = [("independent", row["independent_sources"]), ("version", versions), ("copy", row["copies"]),
             ("rewrite", row["rewrites"]), ("translation", row["translations"])]
    total = row["articles"] or 1
    return [{"kind": kind, "count": n, "width": min(20, -(-n * 20 // total)),
             "label": f"{n} {'independent source' if kind == 'independent' else kind}{'' if n == 1 else 's'}"}
            for kind, n in parts if n]


def story_card(row: dict) -> dict:
    return {"id": row["id"], "title": row["title"], "articles": row["articles"],
            "independent_sources": row["independent_sources"], "first_reported": row["first_reported"],
            "original": row.get("original_card"), "sites": row["outlets"][:8], "more_sites": max(0, len(row["outlets"]) - 8),
            "flags": row["flags"], "partials": row["partials"], "bar": provenance_bar(row)}


def home(store: Store, sort: str = "recent", filters: dict | None = None, paging: q.Paging = q.Paging()) -> dict:
    """The stories, a page at a time; the articles themselves while no story is built."""
    stories = q.story_list(store.db, sort, filters, paging)
    stats = q.counts(store.db)
    articles = q.article_list(store.db, paging=paging)["items"] if not stats["stories"] else []
    return {"stats": stats, "listing": dict(stories, items=[story_card(r) for r in stories["items"]]),
            "stories": [story_card(r) for r in stories["items"]], "articles": articles, "legend": legend()}


def story(store: Store, story_id: str) -> dict | None:
    db = store.db
    found = q.corpus_item(db, "story", story_id)
    if found is None:
        return None
    row = q.story_row(db, story_id)
    roles = q.story_roles(db, story_id)
    cards = q.cards(db, found["articles"])
    members = [a for a in found["articles"] if a in cards]
    member_set = set(members)
    touching = q.link_summaries(db, members)
    links = [link for link in touching if link["a"] in member_set and link["b"] in member_set]
    outside = [link for link in touching if (link["a"] in member_set) != (link["b"] in member_set)]
    ordered = sorted(members, key=lambda a: (a != found.get("original"), date_key(cards[a])))
    event_page = q.timeline(db, {"story": story_id}, q.Paging(1, MAX_STORY_ITEMS))
    events = event_page["items"]
    flag_page = q.flag_list(db, filters={"story": story_id}, paging=q.Paging(1, MAX_STORY_ITEMS))
    story_flags = with_compare(flag_page["items"])
    role_cards = [dict(cards[a], **role_of(roles.get(a))) for a in ordered]
    drawn = ordered[:MAX_GRAPH_NODES]
    return {"story": found, "row": dict(row, bar=provenance_bar(row)) if row else None,
            "articles": role_cards[:MAX_GRAPH_NODES], "article_total": len(role_cards),
            "lineages": [[cards[a] for a in lineage if a in cards] for lineage in found.get("lineages", [])],
            "links": links[:MAX_LINKS], "outside_links": outside[:MAX_LINKS],
            "totals": {"links": len(links), "outside_links": len(outside), "events": event_page["total"],
                       "flags": flag_page["total"]},
            "graph": graph.layout([cards[a] for a in drawn], graph.oriented(links, found.get("edges", [])),
                                  found.get("original")),
            "graph_truncated": len(ordered) > len(drawn),
            "tree": derivation_tree(drawn, found.get("edges", []), found.get("original")),
            "timeline": timeline_entries(db, events),
            "flags": story_flags, "cards": dict(cards, **flag_cards(db, story_flags)),
            "compare": ordered[:MAX_COMPARE] if len(ordered) > 1 else [],
            "digests": digest.story_digests(db, found, role_cards, touching, with_compare(q.items_naming(db, "flag", members))),
            "names": q.entity_names(db, [p for e in events for p in e.get("participants", [])]),
            "legend": legend()}


def role_of(role: str | None) -> dict:
    """A member's role as the page shows it: original, independent, version or copy, and for a
    copy the kind of derivation edge into it; `reuses` marks an independent report that reuses a paragraph."""
    if role in ("copy", "rewrite", "translation"):
        return {"role": "copy", "derived_by": role, "reuses": False}
    return {"role": role if role in ("original", "independent", "version") else "independent", "derived_by": None,
            "reuses": role == "partial"}


def date_key(item: dict, field: str = "date") -> tuple:
    """Sort key: dated items in date order (a month with its days, see `timevalue.sort_key`),
    undated ones last."""
    return sort_key(item.get(field), item.get(f"{field}_precision"))


def link_summary(link: dict) -> dict:
    """A link without its alignments (the compare page shows those), plus how many there are."""
    out = {k: v for k, v in link.items() if k != "alignments"}
    out["aligned_sentences"] = len(link.get("alignments", []))
    return out


def derivation_tree(ordered: list[str], edges: list[dict], original: str | None) -> list[dict]:
    """Nested list form of the graph: each article under the article it was derived from, by the
    build's typed derivation edges (`Story.edges`)."""
    children: dict[str, list[tuple[str, str]]] = defaultdict(list)
    has_source = set()
    present = set(ordered)
    for edge in edges:
        if edge["derived"] not in has_source and {edge["source"], edge["derived"]} <= present:
            children[edge["source"]].append((edge["derived"], edge["kind"]))
            has_source.add(edge["derived"])

    def node(article_id: str, kind: str | None, seen: frozenset) -> dict:
        kids = [(c, k) for c, k in children.get(article_id, []) if c not in seen]
        return {"id": article_id, "kind": kind, "children": [node(c, k, seen | {c}) for c, k in kids]}

    roots = [a for a in ordered if a not in has_source] or ordered[:1]
    return [node(r, None, frozenset({r})) for r in roots]


def timeline_entries(db, events: list[dict]) -> list[dict]:
    """Timeline rows in the order given (the build's timeline order, `q.timeline` items: they carry
    the `label` and `shown_date` a reader sees), one per reported sentence (`q.timeline_rows`), each
    with its article cards, story title and the year it falls in (for headings; a decade heads
    itself, "1990s")."""
    events = q.timeline_rows(events)
    cards = q.cards(db, [a for e in events for a in e.get("articles", [])])
    titles = q.story_titles(db, [e.get("story") for e in events])
    out = []
    for event in events:
        entry = dict(event)
        date, shown = event.get("date"), event.get("shown_date")
        entry["year"] = (shown if shown != date else (date or "")[:4]) or "undated"
        prefix = f"{event['type']}: "  # the type is shown as a badge beside the headline
        entry["headline"] = event["summary"][len(prefix):] if event["summary"].startswith(prefix) else event["summary"]
        entry["article_cards"] = [cards[a] for a in event.get("articles", []) if a in cards]
        entry["story_title"] = titles.get(event.get("story"))
        out.append(entry)
    return out


def timeline(store: Store, filters: dict | None = None, paging: q.Paging = q.Paging()) -> dict:
    page = q.timeline(store.db, filters, paging)
    events = timeline_entries(store.db, page["items"])
    names = q.entity_names(store.db, [p for e in events for p in e.get("participants", [])])
    if (filters or {}).get("entity"):
        names.update(q.entity_names(store.db, [filters["entity"]]))
    names.update({f["value"]: f["name"] for f in page["facets"].get("year", []) if f.get("name")})
    return {"listing": dict(page, items=events), "events": events, "names": names}


# ------------------------------------------------------------------ articles


def articles(store: Store, sort: str = "date", filters: dict | None = None, paging: q.Paging = q.Paging()) -> dict:
    page = q.article_list(store.db, sort, filters, paging)
    return {"listing": page, "articles": page["items"], "legend": legend()}


def article(store: Store, article_id: str) -> dict | None:
    db = store.db
    data = q.article_data(db, article_id)
    if data is None:
        return None
    links = q.link_summaries(db, [article_id])
    others = q.cards(db, [link["b"] if link["a"] == article_id else link["a"] for link in links])
    links = [dict(link, other=others.get(link["b"] if link["a"] == article_id else link["a"])) for link in links]
    article_flags = with_compare(q.items_naming(db, "flag", [article_id]))
    mentioned = defaultdict(int)
    for mention in data["mentions"]:
        mentioned[mention.get("entity") or mention["text"]] += 1
    names = q.entity_names(db, list(mentioned))
    return {"article": data, "card": q.cards(db, [article_id]).get(article_id),
            "paragraphs": paragraphs(data["text"], data["title"]),
            "warnings": article_warnings(data, article_flags),
            "links": sorted(links, key=lambda link: -link["score"]),
            "stories": [{"id": s["id"], "title": s["title"]} for s in q.items_naming(db, "story", [article_id])],
            "flags": article_flags, "cards": flag_cards(db, article_flags),
            "entities": [{"id": k, "name": names.get(k, k), "linked": k in names, "mentions": v}
                         for k, v in sorted(mentioned.items(), key=lambda kv: -kv[1])],
            "names": names, "legend": legend()}


def article_warnings(data: dict, flags: list[dict]) -> list[str]:
    """What a reader must know before trusting the article, shown at the top of its page."""
    out = [f["detail"] for f in flags if f["kind"] == "misdated_page"]
    if data.get("page_date_trust") == "contradicted" and not out:
        out.append(f"The page date {data.get('page_date')} is contradicted by the articles' own dates.")
    return out


def paragraphs(text: str, title: str | None) -> list[str]:
    """The text's non-empty lines, without a first line that repeats the title shown above it."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[1:] if lines and title and lines[0] == title.strip() else lines


def compare(store: Store, ids: list[str]) -> dict | None:
    """Two or more articles side by side (one alone shows its sentences); None if any id is unknown."""
    db = store.db
    ids = compare_ids(ids)
    chosen = q.articles_data(db, ids)
    if not ids or len(chosen) < len(ids):
        return None
    links = q.links_touching(db, ids, both=True)
    flags = [f for f in q.items_naming(db, "flag", ids) if set(ids) & {ev["article"].split("#")[0] for ev in f["evidence"]}]
    cards = q.cards(db, ids)
    return {"articles": [cards[i] for i in ids], "flags": flags, "cards": flag_cards(db, flags),
            "links": [link_summary(link) for link in links],
            **comparing.compare_rows(chosen, links, flags)}


# ------------------------------------------------------------------ entities, quotes, flags


def entities(store: Store, sort: str = "articles", filters: dict | None = None, paging: q.Paging = q.Paging()) -> dict:
    page = q.entity_list(store.db, sort, filters, paging)
    return {"listing": page, "entities": page["items"], "counts": q.counts(store.db)}


MENTION_PAGE = 10
ENTITY_QUOTE_GROUPS = 5
ENTITY_EVENTS = 10
CONTEXT_CHARS = 90


def entity(store: Store, entity_id: str, paging: q.Paging = q.Paging(1, MENTION_PAGE)) -> dict | None:
    db = store.db
    found = q.corpus_item(db, "entity", entity_id)
    if found is None:
        return None
    row = q.entity_row(db, entity_id) or {}
    mentioned, total = q.entity_articles(db, entity_id, paging)
    cards = q.cards(db, [a for a, _, _ in mentioned])
    texts = q.article_texts(db, [a for a, _, _ in mentioned])
    mentions = [{"article": cards.get(article_id), "count": count, "forms": sorted({form for _, _, form in spans}),
                 "contexts": [context(texts[article_id], start, end) for start, end, _ in spans[:3]]}
                for article_id, count, spans in mentioned if article_id in texts]
    # three versions a group: the ledger (/quotes?variant=) lists every version
    quotes = q.quote_groups(db, filters={"speaker": entity_id}, paging=q.Paging(1, ENTITY_QUOTE_GROUPS), per_group=3)
    events = q.timeline(db, {"entity": entity_id}, q.Paging(1, ENTITY_EVENTS))
    return {"entity": found, "row": row, "mentions": mentions, "mention_total": total,
            "quotes": [dict(x, article_card=c) for g in quotes["items"] for x, c in with_cards(db, g["quotes"])],
            "quote_groups": quotes["items"], "quote_total": row.get("quotes", 0),
            "events": timeline_entries(db, events["items"]), "event_total": events["total"],
            "stories": [s for s in q.entity_stories(db, entity_id, limit=10) if s],
            "names": q.entity_names(db, [p for e in events["items"] for p in e.get("participants", [])] + [entity_id])}


def with_cards(db, quotes: list[dict]) -> list[tuple[dict, dict | None]]:
    cards = q.cards(db, [x["article"] for x in quotes])
    return [(x, cards.get(x["article"])) for x in quotes]


def context(text: str, start: int, end: int) -> dict:
    """The text around a mention (`start`, `end`: its character offsets), cut CONTEXT_CHARS each side."""
    left, right = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    return {"before": ("…" if left else "") + text[left:start], "name": text[start:end],
            "after": text[end:right] + ("…" if right < len(text) else "")}


def quotes(store: Store, sort: str = "variants", filters: dict | None = None,
           paging: q.Paging = q.Paging(1, q.TALL_PER_PAGE)) -> dict:
    """The quote ledger: a page of wording groups (one speaker, one quote, its variants across
    articles), each with the quote-drift flag that names it."""
    db = store.db
    per_group = None if (filters or {}).get("variant") else VARIANTS_SHOWN
    page = q.quote_groups(db, sort, filters, paging, per_group)
    drift = q.drift_flags(db, [g["variant"] for g in page["items"]])
    cards = q.cards(db, [x["article"] for g in page["items"] for x in g["quotes"]])
    groups = []
    for group in page["items"]:
        variants = [dict(x, article_card=cards.get(x["article"])) for x in group["quotes"]]
        flag = next((d["flag"] for d in drift.get(group["variant"], []) if any(flag_names(d["flag"], x) for x in d["quotes"])),
                    None)
        groups.append({"speaker": group["speaker"], "name": group["name"], "variant": group["variant"],
                       "variants": variants, "count": group["count"], "wordings": group["wordings"],
                       "drift": with_compare([flag])[0] if flag else None})
    counts = q.counts(db)
    return {"listing": dict(page, items=groups), "groups": groups, "total": counts["quotes"], "counts": counts}


def flag_names(flag: dict, quote: dict) -> bool:
    """Whether a flag's evidence is this quote (the evidence text holds it, or it holds the evidence)."""
    text = quote["text"].casefold()
    return any(ev["article"].split("#")[0] == quote["article"] and ev.get("text")
               and (ev["text"].casefold() in text or text in ev["text"].casefold())
               for ev in flag.get("evidence", []))


def flags(store: Store, sort: str = "severity", filters: dict | None = None, paging: q.Paging = q.Paging()) -> dict:
    db = store.db
    page = q.flag_list(db, sort, filters, paging)
    chosen = with_compare(page["items"])
    everything = q.flag_list(db, filters={}, paging=q.Paging(1, 1))["facets"]["kind"]
    return {"listing": dict(page, items=chosen), "kind": (filters or {}).get("kind"),
            "kinds": dict(sorted((f["value"], f["count"]) for f in everything)),
            "cards": flag_cards(db, chosen), "flags": chosen}


def rejected(store: Store, paging: q.Paging = q.Paging()) -> dict:
    page = q.rejections(store.db, paging)
    return {"listing": page, "rejected": page["items"]}


# ------------------------------------------------------------------ search


def find(store: Store, text: str = "", entity: str | None = None, site: str | None = None,
         start: str | None = None, end: str | None = None, paging: q.Paging = q.Paging()) -> dict:
    """One search over articles, entities (names and aliases), quotes, stories and flags, grouped
    by kind; the article results (a page at a time, with snippets) carry facets (site, entity,
    year) over the best `q.SEARCH_FACET_HITS` hits. An empty query lists every article, so facets
    alone browse."""
    db = store.db
    match = q.match_expression(db, text) if text.strip() else None
    found = q.search(db, match) if match is not None else {"counts": {}}
    hits = q.article_search(db, match, search.article_filters(entity, site, start, end), paging)
    if text.strip() and match is None:  # words with no letters or digits: nothing can match
        hits = dict(hits, items=[], total=0, capped=False, facets={"sites": [], "entities": [], "years": []})
    filters = {"entity": entity, "site": site, "start": start, "end": end}
    names = q.entity_names(db, [entity]) if entity else {}
    paging = paging.clamp()
    return {"q": text, "filters": filters,
            "entity_name": names.get(entity, entity) if entity else None,
            "results": [dict(c, snippet=search.snippet_segments(c["snippet"])) for c in hits["items"]],
            "total": hits["total"], "capped": hits["capped"],
            "listing": {"items": [], "total": hits["total"], "page": paging.number, "per_page": paging.size,
                        "pages": max(1, -(-hits["total"] // paging.size)), "sort": "relevance",
                        "filters": {"q": text, **filters}, "facets": {}},
            "facets": search.facet_links(text, filters, hits["facets"]),
            "groups": search.other_groups(db, found) if match is not None else [],
            "counts": found["counts"]}
