"""Provenance: lineages of copies, their original, derivation edges, independent sources.

A lineage is a connected component over copy / rewrite / translation links (partial reuse of a
background paragraph does not make two reports one). Its original is the member nothing in the
lineage is derived from, preferring (in order) the most links pointing away from it, the earliest
trusted page date, the longest text (copies abridge more often than they expand), then the id.
When no direction is known this is "the closest surviving version", not proof of origin.
"""

from __future__ import annotations

from collections import defaultdict, deque

from dossier.model import Article, Derivation, Lineage, Link, Provenance
from dossier.unionfind import UnionFind

STRONG_KINDS = frozenset({"copy", "rewrite", "translation"})
_UNDATED = "9999"


def components(article_ids: list[str], links: list[Link]) -> list[list[str]]:
    """Groups of articles joined by strong links (singletons included), each sorted."""
    forest = UnionFind(article_ids)
    known = set(article_ids)
    for link in links:
        if link.kind in STRONG_KINDS and link.a in known and link.b in known:
            forest.union(link.a, link.b)
    return forest.groups()


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
        published = article.published if article is not None else None
        return (-sources[article_id], published or _UNDATED, -sizes.get(article_id, 0), article_id)

    return min(roots, key=rank)


def derivation_edges(original: str, members: list[str], links: list[Link]) -> list[Derivation]:
    """Edges into each derived member: its known directions, else one edge outward from the original
    (breadth-first, strongest links first) unless that would reverse a known direction. Each edge
    is typed by the link that joins its ends."""
    known = [(edge, link.kind) for link in links if (edge := directed(link))]
    neighbours = defaultdict(list)
    for link in links:
        neighbours[link.a].append((-link.score, link.b, link.kind))
        neighbours[link.b].append((-link.score, link.a, link.kind))
    parent: dict[str, tuple[str, str]] = {}
    member_set = set(members)
    seen, queue = {original}, deque([original])
    while queue:
        node = queue.popleft()
        for _, other, kind in sorted(neighbours[node]):
            if other not in seen and other in member_set:
                seen.add(other)
                parent[other] = (node, kind)
                queue.append(other)
    known_derived = {d for (_, d), _ in known}
    known_pairs = {pair for pair, _ in known}
    edges = {Derivation(s, d, kind, "link") for (s, d), kind in known}
    # An inferred edge never reverses a known one: a member known only as a source stays a root.
    edges |= {Derivation(p, c, kind, "lineage") for c, (p, kind) in parent.items()
              if c not in known_derived and (c, p) not in known_pairs}
    return sorted(edges, key=lambda e: (e.source, e.derived, e.kind, e.basis))


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
    return Provenance(lineage_list).independent_sources(article_ids)


def origin_rank(articles: list[Article], links: list[Link], lineage_list: list[Lineage]) -> dict[str, int]:
    """article id -> position, closest to the original first: lineage originals, then the articles
    most often copied from (net directed links of any kind), then the earliest trusted page date
    (`Article.published`, the one page-date policy), then id."""
    originals = {lineage.original for lineage in lineage_list}
    net: dict[str, int] = defaultdict(int)
    for link in links:
        if edge := directed(link):
            net[edge[0]] += 1
            net[edge[1]] -= 1
    order = sorted(articles, key=lambda a: (a.id not in originals, -net[a.id], a.published or _UNDATED, a.id))
    return {a.id: i for i, a in enumerate(order)}


def build_provenance(articles: list[Article], links: list[Link]) -> Provenance:
    """The build's one provenance: lineages (with originals and typed derivation edges) and the
    origin rank, from one union-find over the copy / rewrite / translation links."""
    found = lineages(articles, links)
    return Provenance(found, origin_rank(articles, links, found))
