"""Which links verify checks: each copy against its closest earlier version, not every pair.

Reuse links every pair of a small lineage (`ReuseOptions.lineage_full_compare`), so a lineage of
k copies brings up to k(k-1)/2 links, and one background paragraph reused by several outlets
links every member of one lineage with every member of the other. Checking them all finds each
change once per pair that carries it, at a cost that grows with the square of a lineage's size.
A copy's changes are read against one version it derives from:

- inside a lineage: a spanning tree of the links among its members, grown from the original in
  origin order (Prim's algorithm with `Provenance.rank` as the priority): each next member joins
  through its link to the member closest to the original that it is linked with, whatever the
  link's kind (a heavy rewrite may share only some passages with its original, as a partial
  link, and that comparison is the one a reader wants);
- between two lineages: one link, the one whose later end (in origin order) ranks earliest.

So a lineage of k articles is checked over k - 1 links, and the links checked grow with the
articles, not with the pairs. Sites (consensus) and quote groups are joined through the tree, so
they still span every member. What is not checked is a difference between two siblings that
each differ from their common source, which the checks against that source report already.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

from dossier.model import Link, Provenance


def checked_links(links: list[Link], provenance: Provenance) -> list[Link]:
    """The subset of `links` (input order kept) that verify compares: per lineage a spanning tree
    of the links among its members, grown from the original by `provenance.rank`, and per pair
    of linked lineages the link whose later end ranks earliest (ends closest to the originals).
    Links to articles outside `provenance` are left out."""
    lineage_of = provenance.lineage_of()
    rank = provenance.rank
    within: dict[int, list[Link]] = defaultdict(list)
    across: dict[tuple[int, int], Link] = {}
    for link in links:
        la, lb = lineage_of.get(link.a), lineage_of.get(link.b)
        if la is None or lb is None:
            continue
        if la == lb:
            within[la].append(link)
            continue
        key = (min(la, lb), max(la, lb))
        if key not in across or _closeness(link, rank) < _closeness(across[key], rank):
            across[key] = link
    chosen = {id(link) for group in within.values() for link in _spanning_tree(group, rank)}
    chosen |= {id(link) for link in across.values()}
    return [link for link in links if id(link) in chosen]


def _closeness(link: Link, rank: dict[str, int]) -> tuple:
    later, earlier = sorted((rank[link.a], rank[link.b]), reverse=True)
    return (later, earlier, -link.score, link.a, link.b)


def _spanning_tree(links: list[Link], rank: dict[str, int]) -> list[Link]:
    """Prim's algorithm from the lowest-ranked member (the lineage's original): the next member to
    join is the lowest-ranked one linked to the tree, through its link to the lowest-ranked tree
    member; ties by the higher score, then ids. Deterministic for given links and ranks."""
    touching: dict[str, list[Link]] = defaultdict(list)
    for link in links:
        touching[link.a].append(link)
        touching[link.b].append(link)
    if not touching:
        return []
    start = min(touching, key=rank.__getitem__)
    inside, tree, frontier = {start}, [], []

    def reach_from(member: str) -> None:
        for n, link in enumerate(touching[member]):
            other = link.b if link.a == member else link.a
            if other not in inside:
                heapq.heappush(frontier, (rank[other], rank[member], -link.score, link.a, link.b, member, n))

    reach_from(start)
    while frontier:
        *_, member, n = heapq.heappop(frontier)
        link = touching[member][n]
        other = link.b if link.a == member else link.a
        if other in inside:
            continue
        inside.add(other)
        tree.append(link)
        reach_from(other)
    return tree
