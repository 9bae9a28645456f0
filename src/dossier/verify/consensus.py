"""Consensus: one article's claim against what the other articles carrying the same sentence say.

Aligned sentences join into sites (one sentence as it appears across articles). At a site, each
changed fact splits the articles into values; an article alone with its value, against a value
that two or more others give, makes a conflicting claim. Agreement counts in independent sources
(lineages): two copies of one wire story agreeing is one voice, two outlets is two.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.unionfind import UnionFind
from dossier.verify.pairs import AlignedPair, PairChanges


@dataclass
class Conflict:
    outlier: str  # article id
    value: str
    agreeing: list[str]  # article ids that give `majority`
    majority: str
    slot: str
    independent: int  # distinct lineages among the agreeing articles
    sentences: dict[str, str]  # article id -> sentence text


def find_conflicts(pairs: list[AlignedPair], found: list[PairChanges],
                   lineage_of: dict[str, int], rank) -> list[Conflict]:
    """Per site and slot, an article whose value no other article shares while others agree.
    `pairs` are all aligned pairs (unchanged ones carry agreement), `found` those with changes;
    `rank` orders articles by closeness to the original (`Provenance.rank`);
    `lineage_of` maps an article to its lineage. Copies of one
    source that all repeat a change against their own original are no consensus against it."""
    changed = {id(pc.pair): pc for pc in found}
    sites = _sites([changed.get(id(p), PairChanges(p, [])) for p in pairs])
    out = []
    for site_pairs in sites:
        slots = sorted({c.slot for pc in site_pairs for c in pc.changes})
        if len({a for pc in site_pairs for a in (pc.pair.source, pc.pair.copy)}) < 3:
            continue
        for slot in slots:
            conflict = _site_conflict(site_pairs, slot, lineage_of)
            if conflict is not None and not _copies_against_original(conflict, rank):
                out.append(conflict)
    return sorted(out, key=lambda c: (c.outlier, c.slot, c.value))


def _copies_against_original(conflict: Conflict, rank) -> bool:
    return conflict.independent < 2 and rank(conflict.outlier) < min(rank(a) for a in conflict.agreeing)


def _sites(found: list[PairChanges]) -> list[list[PairChanges]]:
    """Aligned pairs joined into sites: one sentence (article, index) as it appears across articles."""
    forest = UnionFind()
    for pc in found:
        forest.union((pc.pair.source, pc.pair.source_index), (pc.pair.copy, pc.pair.copy_index))
    groups: dict = {}
    for pc in found:
        groups.setdefault(forest.find((pc.pair.source, pc.pair.source_index)), []).append(pc)
    return list(groups.values())


def _site_conflict(site_pairs: list[PairChanges], slot: str, lineage_of: dict[str, int]) -> Conflict | None:
    values: dict[str, str] = {}
    sentences: dict[str, str] = {}
    for pc in site_pairs:
        sentences[pc.pair.source] = pc.pair.source_slots.text
        sentences[pc.pair.copy] = pc.pair.copy_slots.text
        for change in pc.changes:
            if change.slot == slot:
                values.setdefault(pc.pair.source, change.a)
                values.setdefault(pc.pair.copy, change.b)
    _spread_agreement(site_pairs, slot, values)
    groups: dict[str, list[str]] = {}
    for article, value in values.items():
        groups.setdefault(value.lower(), []).append(article)
    if len(groups) < 2:
        return None
    ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    (majority, agreeing), (minority, alone) = ranked[0], ranked[-1]
    if len(agreeing) < 2 or len(alone) != 1:
        return None
    independent = len({lineage_of.get(a, a) for a in agreeing})
    return Conflict(alone[0], values[alone[0]], sorted(agreeing), values[agreeing[0]], slot,
                    independent, sentences)


def _spread_agreement(site_pairs: list[PairChanges], slot: str, values: dict[str, str]) -> None:
    """An article aligned with another without a change on this slot gives the same value."""
    quiet = [pc.pair for pc in site_pairs if not any(c.slot == slot for c in pc.changes)]
    for _ in range(len(quiet)):
        moved = False
        for p in quiet:
            if p.source in values and p.copy not in values:
                values[p.copy], moved = values[p.source], True
            elif p.copy in values and p.source not in values:
                values[p.source], moved = values[p.copy], True
        if not moved:
            break
