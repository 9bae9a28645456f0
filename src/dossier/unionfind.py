"""A small disjoint-set forest (union by size, path halving) keyed by any hashable value: the one
union-find every stage uses (lineages, timeline merges, alignment sites, quote groups)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    def __init__(self, items: Iterable[Hashable] = ()):
        self._parent: dict = {}
        self._size: dict = {}
        for item in items:
            self.add(item)

    def add(self, item: Hashable) -> None:
        if item not in self._parent:
            self._parent[item] = item
            self._size[item] = 1

    def find(self, item: Hashable) -> Hashable:
        parent = self._parent
        if item not in parent:  # checked here, not by a call to add: find runs ~1M times a build
            self.add(item)
            return item
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: Hashable, b: Hashable) -> Hashable:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self._size[ra] < self._size[rb]:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._size[ra] += self._size[rb]
        return ra

    def groups(self) -> list[list]:
        """Members of each set, each set sorted, sets ordered by their first member."""
        out: dict = {}
        for item in self._parent:
            out.setdefault(self.find(item), []).append(item)
        return sorted((sorted(members) for members in out.values()), key=lambda g: g[0])
