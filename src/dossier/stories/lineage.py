"""Lineages: sets of articles that are copies of one another (one independent source each).

The reuse package owns provenance (`reuse.lineages`). This module is the thin adapter the stories
stage reads it through, with a fallback (connected components over copy-like links) so stories work
before or without it. A `partial` link (shared background paragraphs) never joins two lineages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.model import Article, Link
from dossier.stories.unionfind import UnionFind

# Link kinds that make two articles one source. `partial` is left out on purpose: two reports of
# different events may share background paragraphs and are still independent.
SAME_SOURCE_KINDS = frozenset({"copy", "rewrite", "translation"})
# Page dates a reader can rely on for "when was this published". A "weak" date (a lone date line in
# the page chrome, as in a site header) is too often the day the page was scraped.
TRUSTED_PAGE_DATES = frozenset({"ok"})


@dataclass
class Lineage:
    articles: list[str]
    original: str | None = None
    edges: list[tuple[str, str]] = field(default_factory=list)  # (source, derived)


def published(article: Article) -> str | None:
    """The article's publication date when its page date can be trusted."""
    if article.page_date and article.page_date_trust in TRUSTED_PAGE_DATES:
        return article.page_date[:10]
    return None


def find_lineages(articles: list[Article], links: list[Link]) -> list[Lineage]:
    """Every article in exactly one lineage (singletons included), from reuse when it provides it."""
    provided = _from_reuse(articles, links)
    lineages = provided if provided is not None else _components(articles, links)
    seen = {a for lineage in lineages for a in lineage.articles}
    lineages += [Lineage([a.id], a.id) for a in articles if a.id not in seen]
    return sorted(lineages, key=lambda lineage: lineage.articles[0])


def lineage_of(lineages: list[Lineage]) -> dict[str, int]:
    return {a: i for i, lineage in enumerate(lineages) for a in lineage.articles}


def _from_reuse(articles: list[Article], links: list[Link]) -> list[Lineage] | None:
    """Lineages from the reuse package's provenance API, or None while it does not offer one.

    reuse.lineages is asked one connected group at a time (with that group's links only): the
    answer is the same, and the cost stays linear in the number of links.
    """
    try:
        from dossier.reuse import lineages as reuse_lineages
    except ImportError:
        return None
    by_id = {a.id: a for a in articles}
    out = []
    for members, own_links in _groups_with_links(articles, links):
        if len(members) == 1:
            out.append(Lineage(members, members[0]))
            continue
        for item in reuse_lineages([by_id[m] for m in members], own_links):
            edges = [tuple(e) for e in getattr(item, "edges", None) or []]
            out.append(Lineage(sorted(item.articles), item.original, edges))
    return out


def _groups_with_links(articles: list[Article], links: list[Link]):
    """(members, their same-source links) per connected group of same-source links."""
    known = {a.id for a in articles}
    forest = UnionFind(sorted(known))
    strong = [l for l in links if l.kind in SAME_SOURCE_KINDS and l.a in known and l.b in known]
    for link in strong:
        forest.union(link.a, link.b)
    by_root: dict = {}
    for link in strong:
        by_root.setdefault(forest.find(link.a), []).append(link)
    for members in forest.groups():
        yield members, by_root.get(forest.find(members[0]), [])


def _components(articles: list[Article], links: list[Link]) -> list[Lineage]:
    known = {a.id for a in articles}
    forest = UnionFind(a.id for a in articles)
    edges = []
    for link in links:
        if link.kind in SAME_SOURCE_KINDS and link.a in known and link.b in known:
            forest.union(link.a, link.b)
            if link.direction == "a_to_b":
                edges.append((link.a, link.b))
            elif link.direction == "b_to_a":
                edges.append((link.b, link.a))
    by_id = {a.id: a for a in articles}
    lineages = []
    for members in forest.groups():
        inner = [e for e in edges if e[0] in members and e[1] in members] if len(members) > 1 else []
        lineages.append(Lineage(members, _original(members, inner, by_id), inner))
    return lineages


def _original(members: list[str], edges: list[tuple[str, str]], by_id: dict[str, Article]) -> str:
    """The member nothing was copied into it from; ties go to the earliest trusted date, then id."""
    derived = {b for _, b in edges}
    roots = [m for m in members if m not in derived] or members
    return min(roots, key=lambda m: (published(by_id[m]) or "9999", m))
