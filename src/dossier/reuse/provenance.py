"""Provenance: lineages of copies, their original, derivation edges, independent sources.

A lineage is a connected component over copy / rewrite / translation links (partial reuse of a
background paragraph does not make two reports one). Its original is the member nothing in the
lineage is derived from, preferring (in order) the most links pointing away from it, the earliest
trusted page date, the longest text (copies abridge more often than they expand), then the id.
When no direction is known this is "the closest surviving version", not proof of origin.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from dossier.model import Article, Link

STRONG_KINDS = frozenset({"copy", "rewrite", "translation"})


@dataclass
class Lineage:
    articles: list[str]  # sorted ids
    original: str
    edges: list[tuple[str, str]] = field(default_factory=list)  # (source, derived)

    @property
    def derived(self) -> list[str]:
        return [a for a in self.articles if a != self.original]


class _UnionFind:
    def __init__(self, items: list[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def components(article_ids: list[str], links: list[Link]) -> list[list[str]]:
    """Groups of articles joined by strong links (singletons included), each sorted."""
    sets = _UnionFind(article_ids)
    for link in links:
        if link.kind in STRONG_KINDS and link.a in sets.parent and link.b in sets.parent:
            sets.union(link.a, link.b)
    groups: dict[str, list[str]] = defaultdict(list)
    for item in article_ids:
        groups[sets.find(item)].append(item)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def directed(link: Link) -> tuple[str, str] | None:
    if link.direction == "a_to_b":
        return link.a, link.b
    if link.direction == "b_to_a":
        return link.b, link.a
    return None


def choose_original(members: list[str], links: list[Link], by_id: dict[str, Article],
                    sizes: dict[str, int]) -> str:
    derived = {edge[1] for link in links if (edge := directed(link))}
    sources = defaultdict(int)
    for link in links:
        if edge := directed(link):
            sources[edge[0]] += 1
    roots = [m for m in members if m not in derived] or members

    def rank(article_id: str) -> tuple:
        article = by_id.get(article_id)
        trusted = article is not None and article.page_date_trust == "ok" and article.page_date
        return (-sources[article_id], article.page_date[:10] if trusted else "9999",
                -sizes.get(article_id, 0), article_id)

    return min(roots, key=rank)


def derivation_edges(original: str, members: list[str], links: list[Link]) -> list[tuple[str, str]]:
    """(source, derived) per member: a known direction wins, else outward from the original."""
    known = [edge for link in links if (edge := directed(link))]
    neighbours = defaultdict(list)
    for link in links:
        neighbours[link.a].append((-link.score, link.b))
        neighbours[link.b].append((-link.score, link.a))
    parent: dict[str, str] = {}
    seen, queue = {original}, deque([original])
    while queue:  # breadth-first from the original, strongest links first
        node = queue.popleft()
        for _, other in sorted(neighbours[node]):
            if other not in seen and other in members:
                seen.add(other)
                parent[other] = node
                queue.append(other)
    known_derived = {d for _, d in known}
    edges = set(known) | {(p, c) for c, p in parent.items() if c not in known_derived}
    return sorted(edges)


def lineages(articles: list[Article], links: list[Link]) -> list[Lineage]:
    """One lineage per group of articles joined by copy / rewrite / translation links.

    Every article is in exactly one lineage (an article nobody copied is a lineage of one), so
    `len(lineages)` over a set of articles is its number of independent sources.
    """
    by_id = {a.id: a for a in articles}
    sizes = {a.id: len(a.text.split()) for a in articles}
    groups = components(sorted(by_id), links)
    group_of = {a: i for i, members in enumerate(groups) for a in members}
    links_of: dict[int, list[Link]] = defaultdict(list)  # one pass over links, not one per group
    for link in links:
        if link.kind in STRONG_KINDS and link.a in group_of and group_of.get(link.b) == group_of[link.a]:
            links_of[group_of[link.a]].append(link)
    out = []
    for i, members in enumerate(groups):
        own = links_of[i]
        original = choose_original(members, own, by_id, sizes)
        out.append(Lineage(members, original, derivation_edges(original, members, own)))
    return out


def independent_sources(article_ids: list[str], lineage_list: list[Lineage]) -> int:
    """How many lineages the given articles come from: copies of one report count once."""
    lineage_of = {a: i for i, lineage in enumerate(lineage_list) for a in lineage.articles}
    return len({lineage_of.get(a, a) for a in article_ids})
