""""What changed" per copy: against the article it was derived from, the facts a flag says changed,
the quotes reworded, the sentences reworded, added and dropped; each item names the sentence
anchor on the compare page (`#s{n}` a sentence of the source, the pivot; `#c1-s{n}` one of the copy).

Everything comes from what the build stored: the link's sentence alignments and the flags. Nothing
is re-aligned here.
"""

from __future__ import annotations

from dossier.store import queries as q
from dossier.web import graph

MAX_COPIES = 5  # digests on one story page; the compare page serves the rest
MAX_ITEMS = 3  # sentences listed per heading; the count says how many there are


def story_digests(db, story: dict, members: list[dict], links: list[dict], flags: list[dict]) -> list[dict]:
    """One digest per copy in the story (members with role "copy"), in the members' order; `links`
    are the story's link summaries (`queries.link_summaries`), the chosen ones read in full."""
    copies = [m for m in members if m["role"] == "copy"][:MAX_COPIES]
    sources = {}
    for copy in copies:
        link = source_link(copy["id"], links, story.get("edges", []))
        if link is not None:
            sources[copy["id"]] = link
    full = q.links_by_id(db, [link["id"] for link in sources.values()])
    texts = {a["id"]: a for a in q.articles_data(db, sorted({i for link in sources.values() for i in (link["a"], link["b"])}))}
    out = []
    for copy in copies:
        link = full.get(sources[copy["id"]]["id"]) if copy["id"] in sources else None
        if link is None or link["a"] not in texts or link["b"] not in texts:
            continue
        source_id = link["a"] if link["b"] == copy["id"] else link["b"]
        out.append(digest(texts[source_id], texts[copy["id"]], link, flags))
    return out


def source_link(copy_id: str, links: list[dict], edges: list[dict] = ()) -> dict | None:
    """The link the copy was derived by: the one joining it to the source of the build's derivation
    edge into it (`Story.edges`), else a directed link into it, else its strongest link."""
    sources = {edge["source"] for edge in edges if edge["derived"] == copy_id}
    by_edge = [link for link in links if copy_id in (link["a"], link["b"]) and {link["a"], link["b"]} & sources]
    into = [link for link in links if (d := graph.source_and_copy(link)) and d[1] == copy_id]
    near = [link for link in links if copy_id in (link["a"], link["b"]) and link["kind"] != "partial"]
    return max(by_edge or into or near, key=lambda link: link["score"], default=None)


def digest(source: dict, copy: dict, link: dict, flags: list[dict]) -> dict:
    """{source_id, copy_id, kind, href, facts, quotes, reworded, added, dropped}; sentence items are
    {index, text, href}."""
    flip = link["a"] == copy["id"]
    pairs = [(al["b_index"], al["a_index"], al) if flip else (al["a_index"], al["b_index"], al)
             for al in link.get("alignments", [])]
    href = f"/compare?ids={source['id']},{copy['id']}"
    aligned_source = {s for s, _, _ in pairs}
    aligned_copy = {c for _, c, _ in pairs}
    copy_text = {s["index"]: s["text"] for s in copy.get("sentences", [])}
    reworded = [{"index": c, "text": copy_text.get(c) or (al["a_sentence"] if flip else al["b_sentence"]),
                 "href": f"{href}#c1-s{c}"}
                for s, c, al in sorted(pairs) if (al["a_sentence"].strip() != al["b_sentence"].strip())]
    dropped = [{"index": s["index"], "text": s["text"], "href": f"{href}#s{s['index']}"}
               for s in source.get("sentences", []) if s["index"] not in aligned_source]
    added = [{"index": s["index"], "text": s["text"], "href": f"{href}#c1-s{s['index']}"}
             for s in copy.get("sentences", []) if s["index"] not in aligned_copy]
    both = {source["id"], copy["id"]}
    named = [f for f in flags if both <= {a.split("#")[0] for a in f["articles"]}]
    facts = [{"detail": f["detail"], "kind": f["kind"], "href": href} for f in named if f["kind"] != "quote_drift"]
    quotes = [{"detail": f["detail"], "kind": f["kind"], "href": href} for f in named if f["kind"] == "quote_drift"]
    return {"source_id": source["id"], "copy_id": copy["id"], "kind": link["kind"], "href": href,
            "facts": facts, "quotes": quotes,
            "reworded": reworded[:MAX_ITEMS], "reworded_count": len(reworded),
            "added": added[:MAX_ITEMS], "added_count": len(added),
            "dropped": dropped[:MAX_ITEMS], "dropped_count": len(dropped)}
