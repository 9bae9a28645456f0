"""Alias resolution across the corpus: one `Entity` per person, organisation or place, whatever
spelling or short form each article used.

Blocking instead of all pairs: people are grouped by folded surname, other names by their folded
key (after a table of well-known aliases); fuzzy comparison happens only inside a block.
- Persons: full names in one surname block merge when their first names are spelling variants
  (Sergey / Sergei); different first names never merge (Sergey Lavrov is not Sergey Shoigu). A lone
  surname joins the full name its own article introduced, else the only full name with that
  surname in the corpus, else stays on its own (ambiguous).
- Others: known alias groups (ISIS = Islamic State), acronyms of a unique longer name, and
  spelling variants of one key.
Deterministic (everything sorted). A corpus stage that returns its product (`EntityResolution`:
the entities, each mention's entity, each quote's speaker) and edits no article; the build applies
it (`EntityResolution.apply`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz.fuzz import ratio

from dossier.analyse.evidence import corpus_person_names
from dossier.analyse.gazetteer import fold, known_alias_index
from dossier.config import AnalyseOptions
from dossier.model import Article, Entity

# How similar two spellings must be to be one name is an option (`AnalyseOptions.first_name_similarity`,
# `name_similarity`, `min_fuzzy_key_length`, with the pairs they were set on).
_DEFAULTS = AnalyseOptions()
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "in", "on", "de"})
_ROMAN = re.compile(r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})")


@dataclass
class EntityResolution:
    """`entities`: one per person, organisation or place (sorted by type, name, id).
    `mentions`: article id -> entity id of each of its mentions, in mention order.
    `speakers`: article id -> each quote's speaker (entity id, else the name), in quote order."""

    entities: list[Entity] = field(default_factory=list)
    mentions: dict[str, list[str]] = field(default_factory=dict)
    speakers: dict[str, list[str | None]] = field(default_factory=dict)

    def apply(self, article: Article) -> Article:
        """A new Article whose mentions and quotes name their entities (the input is left as it was)."""
        entity_ids = self.mentions.get(article.id)
        speakers = self.speakers.get(article.id)
        if entity_ids is None:
            return article
        mentions = [dataclasses.replace(m, entity=e) for m, e in zip(article.mentions, entity_ids)]
        quotes = [dataclasses.replace(q, speaker=s) for q, s in zip(article.quotes, speakers)]
        return dataclasses.replace(article, mentions=mentions, quotes=quotes)


def resolve_entities(articles: list[Article], options: AnalyseOptions = _DEFAULTS) -> EntityResolution:
    """Entities across `articles`, and which entity each mention and quote speaker is; `options`
    gives the name-similarity thresholds."""
    clusters = _Clusters()
    person_key = {}  # (article id, mention index) -> cluster key
    other_key = {}
    people = corpus_person_names(articles)  # one person is one PERSON everywhere
    local_fulls = {}  # article id -> its full names by surname, for its mentions and its quotes' speakers
    for article in articles:
        local_full = local_fulls[article.id] = _full_names_by_surname(article)
        for i, m in enumerate(article.mentions):
            if m.label == "PERSON" or fold(m.text) in people:
                person_key[(article.id, i)] = _local_person_name(m.text, local_full, m.start)
            else:
                other_key[(article.id, i)] = _other_key(m.text)
    person_ids = _cluster_people(sorted(set(person_key.values())), options)
    other_ids = _cluster_others(sorted(set(other_key.values())), options)

    def cluster_of(article_id: str, i: int) -> str:
        key = (article_id, i)
        return person_ids[person_key[key]] if key in person_key else other_ids[other_key[key]]

    for article in articles:
        for i, m in enumerate(article.mentions):
            clusters.add(cluster_of(article.id, i), m.text, "PERSON" if (article.id, i) in person_key else m.label)
    entities, by_cluster = clusters.entities()
    out = EntityResolution(entities)
    for article in articles:
        local_full = local_fulls[article.id]
        out.mentions[article.id] = [by_cluster[cluster_of(article.id, i)].id for i in range(len(article.mentions))]
        speakers = []
        for quote in article.quotes:
            name = quote.speaker_name
            entity = _entity_for_name(name, person_ids, other_ids, by_cluster, local_full, quote.start) if name else None
            speakers.append(entity or name)
        out.speakers[article.id] = speakers
    return out


def _entity_for_name(name, person_ids, other_ids, by_cluster, local_full, offset=None) -> str | None:
    person = person_ids.get(_local_person_name(name, local_full, offset))
    if person is not None and person in by_cluster:
        return by_cluster[person].id
    other = other_ids.get(_other_key(name))
    return by_cluster[other].id if other in by_cluster else None


# ---------------------------------------------------------------- people


def _full_names_by_surname(article: Article) -> dict[str, list[tuple[int, str]]]:
    """Folded surname -> [(offset, folded full name)] of the article's full-name mentions, in text order."""
    names: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for m in sorted(article.mentions, key=lambda m: m.start):
        words = fold(m.text).split()
        if m.label == "PERSON" and len(words) > 1:
            names[words[-1]].append((m.start, " ".join(words)))
    return names


def _local_person_name(text: str, local_full: dict[str, list[tuple[int, str]]], offset: int | None = None) -> str:
    """A lone surname becomes the full name mentioned nearest before it in the article; with no
    prior mention, the article's only full name with that surname; else it stays alone (ambiguous)."""
    words = fold(text).split()
    if len(words) != 1 or words[0] not in local_full:
        return " ".join(words)
    full = local_full[words[0]]
    prior = [name for start, name in full if offset is not None and start < offset]
    if prior:
        return prior[-1]
    return full[0][1] if len({name for _, name in full}) == 1 else words[0]


def _cluster_people(names: list[str], options: AnalyseOptions) -> dict[str, str]:
    """Folded person name -> cluster key, blocking on the surname."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in names:
        if name:
            by_surname[name.split()[-1]].append(name)
    cluster: dict[str, str] = {}
    for surname, block in sorted(by_surname.items()):
        full = [n for n in block if len(n.split()) > 1]
        groups: list[list[str]] = []
        for name in full:
            for group in groups:
                if _same_first_name(name.split()[0], group[0].split()[0], options.first_name_similarity):
                    group.append(name)
                    break
            else:
                groups.append([name])
        for group in groups:
            for name in group:
                cluster[name] = "person:" + group[0]
        if surname in block:  # the lone surname
            cluster[surname] = "person:" + groups[0][0] if len(groups) == 1 else "person:" + surname
    return cluster


def _same_first_name(a: str, b: str, similarity: int) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return False  # an initial alone is too weak: "S. Lavrov" might be anyone
    return abs(len(a) - len(b)) <= 1 and ratio(a, b) >= similarity


# ---------------------------------------------------------------- organisations, places, groups


def _other_key(text: str) -> str:
    folded = fold(text)
    known = known_alias_index().get(folded)
    if known is None and folded.startswith("the "):
        known = known_alias_index().get(folded[4:])
        folded = folded[4:]
    return "known:" + fold(known) if known else folded


def _spelling_variants(a: str, b: str, similarity: int, numerals: dict[str, tuple[str, ...]]) -> bool:
    """Two spellings of one organisation or place name ("al qaida" / "al qaeda", "taliban" /
    "taleban"): alike (`similarity`), of one length give or take a letter, with the same ending and
    numbers (`numerals`: each key's `_numerals`). A longer or differently ending word is another
    name: "austrian" / "australian", "american" / "americas", "christian" / "christiana",
    "california" / "california iso"."""
    if numerals[a] != numerals[b]:
        return False
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return abs(len(a) - len(b)) <= 1 and a[-2:] == b[-2:] and ratio(a, b) >= similarity


def _numerals(key: str) -> tuple[str, ...]:
    """The numbers a name carries (digits, and roman numerals up to 39 as words): "World War I" and
    "World War II", "G7" and "G8", "Season 2" and "Season 3" are spelled alike but name two things."""
    return tuple(re.findall(r"\d+", key)) + tuple(w for w in key.split() if _ROMAN.fullmatch(w))


def _cluster_others(keys: list[str], options: AnalyseOptions) -> dict[str, str]:
    """Key -> cluster key: spelling variants within a first-letters block, then acronyms."""
    cluster = {key: key for key in keys}
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        compact = key.replace(" ", "")
        if not key.startswith("known:") and len(compact) >= options.min_fuzzy_key_length:
            blocks[compact[:2]].append(key)
    # once per key, not per pair compared (a 2k-article dossier compares 89k pairs)
    numerals = {key: _numerals(key) for block in blocks.values() for key in block}
    for block in blocks.values():
        for i, key in enumerate(block):
            for earlier in block[:i]:
                if _spelling_variants(key, earlier, options.name_similarity, numerals):
                    cluster[key] = cluster[earlier]
                    break
    initials: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = [w for w in key.removeprefix("known:").split() if w not in ACRONYM_STOPWORDS]
        if len(words) > 1:
            initials["".join(w[0] for w in words)].append(key)
    for key in keys:
        if " " not in key and 2 <= len(key) <= 5 and len(initials.get(key, [])) == 1:
            cluster[key] = cluster[initials[key][0]]
    return cluster


# ---------------------------------------------------------------- output


class _Clusters:
    def __init__(self):
        self.surfaces: dict[str, Counter] = defaultdict(Counter)
        self.labels: dict[str, Counter] = defaultdict(Counter)

    def add(self, cluster: str, surface: str, label: str) -> None:
        self.surfaces[cluster][surface] += 1
        self.labels[cluster][label] += 1

    def entities(self) -> tuple[list[Entity], dict[str, Entity]]:
        by_cluster = {}
        for cluster in sorted(self.surfaces):
            surfaces = self.surfaces[cluster]
            label = max(sorted(self.labels[cluster]), key=lambda l: self.labels[cluster][l])
            name = self._canonical(cluster, surfaces, label)
            entity_id = "ent-" + hashlib.sha1(f"{label}:{cluster}".encode()).hexdigest()[:12]
            aliases = sorted(s for s in surfaces if s != name)
            by_cluster[cluster] = Entity(id=entity_id, name=name, type=label, aliases=aliases)
        entities = sorted(by_cluster.values(), key=lambda e: (e.type, e.name, e.id))
        return entities, by_cluster

    @staticmethod
    def _canonical(cluster: str, surfaces: Counter, label: str) -> str:
        if cluster.startswith("known:"):
            for alias, canonical in known_alias_index().items():
                if fold(canonical) == cluster[6:]:
                    return canonical
        longest = max(len(s.split()) for s in surfaces) if label == "PERSON" else 0
        candidates = [s for s in surfaces if len(s.split()) >= longest]
        return sorted(candidates, key=lambda s: (-surfaces[s], s))[0]
