"""Story clustering: lineages (copies) grouped with independent reports of the same event.

The unit is a *group*: one lineage of copies (they are one report, so one story, always). Groups are
clustered by average linkage over a sparse candidate graph (`candidates.TermIndex`, never all
pairs): the link between two clusters is the mean content cosine of their groups (exact, from
summed vectors) plus the mean evidence of their scored candidate pairs (`evidence.pair_evidence`:
dates, years, numbers, places, names). The best link merges first while it reaches
`StoriesOptions.join_threshold`; a merge that would put two main events more than
`date_window_days` apart in one story is never made, nor, where the dates cannot check it, one
between clusters whose reports agree on different key numbers, years or places
(`StoriesOptions.agreed_number_share`). Ties are broken by a digest of the groups' texts, and groups
are indexed in that digest's order, so the stories depend only on the texts, not on input order or article ids.

Incremental: `StoryIndex.add` clusters new articles together with the stored stories, which may
take new groups but never merge with each other, except that a new copy linking two stories
merges them (it makes them one source).
"""

from __future__ import annotations

import hashlib
import heapq
from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from dossier.stories.candidates import TermIndex, top_term_matrix
from dossier.config import StoriesOptions
from dossier.stories.evidence import Facts, names_apart, pair_evidence
from dossier.stories.features import ArticleFeatures
from dossier.stories.vectors import TermWeights
from dossier.timevalue import DateSpan, most_precise

# The join threshold and date window, calibrated with the evidence weights on ECB+ topics 1-20, are
# options (`StoriesOptions`); benchmarks/ecbplus_stories.py reports them on topics 21-35.


@dataclass
class Group:
    """One lineage as the clustering sees it."""

    articles: list[str]
    facts: Facts
    place: str | None
    published: str | None
    key: str  # digest of the members' texts: the order and tie-break that ignores ids

    @property
    def date(self) -> DateSpan | None:
        return self.facts.date

    @property
    def type(self) -> str | None:
        return self.facts.type

    @property
    def participants(self) -> frozenset[str]:
        return self.facts.participants


@dataclass
class StoryState:
    id: str
    groups: list[int] = field(default_factory=list)
    dates: list[DateSpan] = field(default_factory=list)
    types: Counter = field(default_factory=Counter)
    places: Counter = field(default_factory=Counter)
    participants: Counter = field(default_factory=Counter)

    @property
    def date(self) -> DateSpan | None:
        return most_precise(self.dates)

    def take(self, index: int, group: Group) -> None:
        self.groups.append(index)
        if group.date:
            self.dates.append(group.date)
        if group.type:
            self.types[group.type] += 1
        if group.place:
            self.places[group.place] += 1
        self.participants.update(group.participants)

    def absorb(self, other: StoryState) -> None:
        self.groups += other.groups
        self.dates += other.dates
        self.types.update(other.types)
        self.places.update(other.places)
        self.participants.update(other.participants)


def story_id(founder: str) -> str:
    """Deterministic: the same founding article always names the same story."""
    return "story-" + hashlib.sha1(founder.encode()).hexdigest()[:12]


def text_key(texts: list[str]) -> str:
    return hashlib.sha1("\x1e".join(sorted(texts)).encode()).hexdigest()


def make_group(members: list[ArticleFeatures]) -> Group:
    types = Counter(m.type for m in members if m.type)
    places = Counter(m.place for m in members if m.place)
    published = sorted(m.published for m in members if m.published)
    date = most_precise([m.date for m in members if m.date])
    type_ = types.most_common(1)[0][0] if types else None
    facts = Facts.union((Facts(participants=m.participants, years=m.years, numbers=m.numbers, names=m.names,
                               places=m.places | ({m.place} if m.place else set()), ages=m.ages,
                               given=m.given)
                         for m in members),
                        date, type_)
    return Group(articles=sorted(m.id for m in members), facts=facts,
                 place=places.most_common(1)[0][0] if places else None,
                 published=published[0] if published else None, key=text_key([m.text for m in members]))


@dataclass
class _Cluster:
    """A cluster during agglomeration: its groups' summed vectors and date bounds."""

    groups: list[int]
    vector: dict[int, float]  # term -> summed weight of its (normalised) group vectors
    key: str
    latest_start: float  # the cluster's dates must all overlap within the date window
    earliest_end: float
    story: str | None = None  # a stored story (incremental add), which another stored one never joins
    version: int = 0
    numbers: Counter = field(default_factory=Counter)  # lead number -> how many groups state it
    numbered: int = 0  # groups whose lead states any number
    years: Counter = field(default_factory=Counter)  # lead year -> how many groups name it
    yeared: int = 0  # groups whose lead names any year
    places: Counter = field(default_factory=Counter)  # lead place -> how many groups name it
    placed: int = 0  # groups whose lead names any place
    agreed: tuple = ()  # (numbers, years, places) agreed at `agreed_at` (version, share): `key_facts`
    agreed_at: tuple | None = None

    def key_facts(self, share: float) -> tuple[set, set, set]:
        """The numbers, years and places the cluster agrees on (`_agreed`), once per version: every
        link pushed after a merge asks again, and most asked of an unchanged cluster."""
        if self.agreed_at != (self.version, share):
            self.agreed = (_agreed(self.numbers, self.numbered, share), _agreed(self.years, self.yeared, share),
                           _agreed(self.places, self.placed, share))
            self.agreed_at = (self.version, share)
        return self.agreed

    def key_facts_conflict(self, other: _Cluster, share: float) -> bool:
        """Both sides agree on numbers that none of the other's reports give: two template events
        (a 5.6 quake and a 5.9 one), told apart where no date can. One side's agreed number missing
        from the other is not enough: a report's incidental numbers (staff, engines) differ. Years
        the leads name are checked alike (a firing told "in 2008" and a hiring told "in 2005"), and
        places (one player's offers from a club at the winter meetings in Las Vegas and from
        another in Boston)."""
        stated = zip(self.key_facts(share), (self.numbers, self.years, self.places),
                     other.key_facts(share), (other.numbers, other.years, other.places))
        return any(_facts_conflict(*kind) for kind in stated)

    @property
    def dated(self) -> bool:
        return self.latest_start != float("-inf")

    def can_join(self, other: _Cluster, window_days: int) -> bool:
        if self.story and other.story:
            return False
        latest = max(self.latest_start, other.latest_start)
        earliest = min(self.earliest_end, other.earliest_end)
        return latest - earliest <= window_days

    def mean_cosine(self, other: _Cluster) -> float:
        small, large = sorted((self.vector, other.vector), key=len)
        get = large.get
        return sum(w * get(t, 0.0) for t, w in small.items()) / (len(self.groups) * len(other.groups))


def _agreed(counts: Counter, stating: int, share: float) -> set:
    """The values at least two groups and `share` of the groups stating any give: the cluster's key
    facts (a magnitude, an age at death), not one report's detail."""
    floor = max(2.0, share * stating)
    return {value for value, count in counts.items() if count >= floor}


def _facts_conflict(agreed_mine: set, mine: Counter, agreed_theirs: set, theirs: Counter) -> bool:
    """Each side agrees on values of one kind of fact that none of the other's reports give."""
    return bool(agreed_mine and agreed_theirs and not agreed_mine & theirs.keys() and not agreed_theirs & mine.keys())


class StoryIndex:
    """Groups and stories so far, with the term index that finds candidate neighbours."""

    def __init__(self, weights: TermWeights, options: StoriesOptions = StoriesOptions()):
        self.weights = weights
        self.options = options
        self.terms = TermIndex(options)
        self.groups: list[Group] = []
        self.group_story: list[str] = []
        self.stories: dict[str, StoryState] = {}
        self.article_group: dict[str, int] = {}
        self.evidence: dict[tuple[int, int], float | None] = {}  # scored candidate pairs (lo, hi)
        self.heaviest: list[frozenset[int]] = []  # each group's `top_terms` heaviest terms (`_unrelated`)
        self.texts: dict[str, str] = {}

    @classmethod
    def build(cls, features: list[ArticleFeatures], lineages: list[list[str]],
              options: StoriesOptions = StoriesOptions()) -> StoryIndex:
        """Cluster a whole dossier: fit the term weights on it, then add everything."""
        index = cls(TermWeights().fit(sorted(f.text for f in features)), options)
        index.add(features, lineages)
        return index

    def article_story(self) -> dict[str, str]:
        return {a: self.story_of_group(g) for a, g in self.article_group.items()}

    def story_of_group(self, group: int) -> str:
        return self.group_story[group]

    def add(self, features: list[ArticleFeatures], lineages: list[list[str]]) -> dict[str, str]:
        """Place new articles; `lineages` may mention stored articles, which the new ones then join."""
        by_id = {f.id: f for f in features if f.id not in self.article_group}
        if not by_id:
            return {}
        self.texts.update({a: f.text for a, f in by_id.items()})
        fresh_groups, joined = self._split_lineages(by_id, lineages)
        for group_index, new_members in sorted(joined.items()):
            self._join_existing(group_index, [by_id[a] for a in new_members])
        groups = sorted((make_group([by_id[a] for a in g]) for g in fresh_groups), key=lambda g: g.key)
        if groups:
            first = len(self.groups)
            vectors = _group_vectors(self.weights, [[self.texts[a] for a in g.articles] for g in groups])
            for group in groups:
                self._new_group(group)
            tops = top_term_matrix(vectors, self.options.top_terms)
            self.heaviest += [frozenset(tops.indices[tops.indptr[i]:tops.indptr[i + 1]].tolist())
                              for i in range(len(groups))]
            shared = self.weights.shared_only(vectors)
            self.terms.add(vectors, shared)
            neighbours = self.terms.query(vectors, shared=shared)
            for offset, (items, cosines) in enumerate(zip(neighbours.items, neighbours.cosines)):
                self._score_edges(first + offset, items.tolist(), cosines.tolist())
            self._agglomerate(range(first, len(self.groups)))
        return {a: self.group_story[self.article_group[a]] for a in by_id}

    # ---------------------------------------------------------------- internals

    def _score_edges(self, index: int, items: list[int], cosines: list[float]) -> None:
        for item, cosine in zip(items, cosines):
            if item != index:
                pair = (min(index, item), max(index, item))
                if pair not in self.evidence and not self._unrelated(*pair):
                    self.evidence[pair] = pair_evidence(self.groups[pair[0]].facts, self.groups[pair[1]].facts,
                                                        cosine, self.options)

    def _unrelated(self, a: int, b: int) -> bool:
        """Two groups dated alike whose leads name different people and places (`names_apart`) and
        that share none of their heaviest terms: alike only in the words many texts of the pile use
        (a week's reports of three games, Browns, Chargers and Lakers: "game", "season", "points").
        Such a pair is not scored: the index finds it only by the shared words (`index_terms`),
        which are there to join reports of one event that name it differently, not ones that name
        other people."""
        x, y = self.groups[a].facts, self.groups[b].facts
        return bool(x.date and y.date and names_apart(x, y) and not self.heaviest[a] & self.heaviest[b])

    def _agglomerate(self, fresh: range) -> None:
        """Average-link merging of the fresh groups with each other and with the stored stories."""
        clusters: dict[int, _Cluster] = {}  # cluster id -> cluster; a group's first cluster id is its index
        owner: dict[int, int] = {}  # group -> cluster id
        touched = {g for pair in self.evidence for g in pair if pair[0] in fresh or pair[1] in fresh}
        stored = {self.group_story[g] for g in touched if g not in fresh}
        for sid in sorted(stored):  # a stored story enters whole, as one cluster
            members = self.stories[sid].groups
            cid = min(members)
            clusters[cid] = self._cluster(members, story=sid)
            owner.update({g: cid for g in members})
        for g in fresh:
            clusters[g] = self._cluster([g])
            owner[g] = g
        edges: dict[int, dict[int, list[float]]] = {cid: {} for cid in clusters}  # cid -> cid -> [sum, n]
        for (a, b), value in self.evidence.items():
            if a not in owner or b not in owner or (a not in fresh and b not in fresh):
                continue
            ca, cb = owner[a], owner[b]
            if ca == cb:
                continue
            for x, y in ((ca, cb), (cb, ca)):
                cell = edges[x].setdefault(y, [0.0, 0])
                cell[0] += value if value is not None else float("-inf")
                cell[1] += 1
        heap: list = []
        for ca in sorted(edges):
            for cb in sorted(edges[ca]):
                if ca < cb:
                    self._push(heap, clusters, edges, ca, cb)
        while heap:
            neg, _, _, ca, cb, va, vb = heapq.heappop(heap)
            if ca not in clusters or cb not in clusters or \
                    (clusters[ca].version, clusters[cb].version) != (va, vb):
                continue  # stale: one side has changed since this link was scored
            self._merge(clusters, edges, ca, cb)
            keep = min(ca, cb)
            for other in sorted(edges[keep]):
                self._push(heap, clusters, edges, keep, other)
        for cluster in clusters.values():
            self._assign(cluster)

    def _cluster(self, groups: list[int], story: str | None = None) -> _Cluster:
        vector: dict[int, float] = {}
        dates = [self.groups[g].date for g in groups if self.groups[g].date]
        for g in groups:
            for t, w in zip(*self.terms.row(g)):
                vector[t] = vector.get(t, 0.0) + w
        numbers = Counter(n for g in groups for n in self.groups[g].facts.numbers)
        return _Cluster(groups=list(groups), vector=vector, key=min(self.groups[g].key for g in groups),
                        latest_start=max((d.start for d in dates), default=float("-inf")),
                        earliest_end=min((d.end for d in dates), default=float("inf")), story=story,
                        numbers=numbers, numbered=sum(1 for g in groups if self.groups[g].facts.numbers),
                        years=Counter(y for g in groups for y in self.groups[g].facts.years),
                        yeared=sum(1 for g in groups if self.groups[g].facts.years),
                        places=Counter(p for g in groups for p in self.groups[g].facts.places),
                        placed=sum(1 for g in groups if self.groups[g].facts.places))

    def _push(self, heap: list, clusters: dict[int, _Cluster], edges: dict, ca: int, cb: int) -> None:
        a, b = clusters[ca], clusters[cb]
        total, count = edges[ca][cb]
        if total == float("-inf") or not a.can_join(b, self.options.date_window_days):
            return
        share = self.options.agreed_number_share
        if share and not (a.dated and b.dated) and a.key_facts_conflict(b, share):
            return
        link = a.mean_cosine(b) + total / count
        if link >= self.options.join_threshold:
            first, second = sorted((a.key, b.key))
            heapq.heappush(heap, (-link, first, second, ca, cb, a.version, b.version))

    def _merge(self, clusters: dict[int, _Cluster], edges: dict, ca: int, cb: int) -> None:
        keep, gone = min(ca, cb), max(ca, cb)
        a, b = clusters[keep], clusters.pop(gone)
        a.groups += b.groups
        for t, w in b.vector.items():
            a.vector[t] = a.vector.get(t, 0.0) + w
        a.key = min(a.key, b.key)
        a.latest_start, a.earliest_end = max(a.latest_start, b.latest_start), min(a.earliest_end, b.earliest_end)
        a.story = a.story or b.story
        a.numbers.update(b.numbers)
        a.numbered += b.numbered
        a.years.update(b.years)
        a.yeared += b.yeared
        a.places.update(b.places)
        a.placed += b.placed
        a.version += 1
        for other, (total, count) in edges.pop(gone).items():
            del edges[other][gone]
            if other == keep:
                continue
            cell = edges[keep].setdefault(other, [0.0, 0])
            cell[0] += total
            cell[1] += count
            edges[other][keep] = cell

    def _assign(self, cluster: _Cluster) -> None:
        sid = cluster.story
        if sid is None:
            sid = story_id(min(a for g in cluster.groups for a in self.groups[g].articles))
            self.stories[sid] = StoryState(sid)
        story = self.stories[sid]
        for g in sorted(cluster.groups):
            if self.group_story[g] != sid:
                story.take(g, self.groups[g])
                self.group_story[g] = sid

    def _split_lineages(self, new: dict[str, ArticleFeatures], lineages: list[list[str]]):
        """New articles grouped by lineage: fresh groups, and additions to stored groups."""
        fresh, joined, seen = [], {}, set()
        for lineage in lineages:
            members = [a for a in lineage if a in new]
            if not members:
                continue
            seen.update(members)
            stored = sorted({self.article_group[a] for a in lineage if a in self.article_group})
            if stored:
                for g in stored[1:]:  # a new copy of two stored groups makes them one source
                    self._merge_stories(self.group_story[stored[0]], self.group_story[g])
                joined.setdefault(stored[0], []).extend(members)
            else:
                fresh.append(sorted(members))
        fresh += [[a] for a in new if a not in seen]
        return fresh, joined

    def _new_group(self, group: Group) -> None:
        index = len(self.groups)
        self.groups.append(group)
        self.group_story.append("")
        for a in group.articles:
            self.article_group[a] = index

    def _join_existing(self, index: int, members: list[ArticleFeatures]) -> None:
        group = self.groups[index]
        for m in members:
            self.article_group[m.id] = index
        group.articles = sorted(group.articles + [m.id for m in members])
        if any(m.date for m in members):
            story = self.stories[self.group_story[index]]
            story.dates += [m.date for m in members if m.date]

    def _merge_stories(self, keep: str, other: str) -> None:
        if keep == other:
            return
        absorbed = self.stories.pop(other)
        self.stories[keep].absorb(absorbed)
        for g in absorbed.groups:
            self.group_story[g] = keep


def _group_vectors(weights: TermWeights, texts: list[list[str]]) -> sparse.csr_matrix:
    """A lineage's vector: the normalised sum of its members' vectors."""
    article_vectors = weights.vectors([t for group in texts for t in group])
    rows = np.repeat(np.arange(len(texts)), [len(group) for group in texts])
    pick = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, np.arange(len(rows)))),
                             shape=(len(texts), article_vectors.shape[0]))
    return normalize(pick @ article_vectors, norm="l2").astype(np.float32).tocsr()
