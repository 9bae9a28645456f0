"""Aligned sentence pairs of the reuse links, with their fact slots and changed facts.

Reads only the links' alignments and each article's mentions (no raw-text re-reading of pairs).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dossier.config import VerifyOptions
from dossier.model import Alignment, Article, Link
from dossier.verify.facts import Change, compare_slots
from dossier.verify.slots import FactSlots, extract_slots


@dataclass(frozen=True)
class AlignedPair:
    """One aligned sentence pair, source side first when the link knows who copied whom."""

    source: str  # article id
    copy: str
    source_index: int
    copy_index: int
    source_slots: FactSlots
    copy_slots: FactSlots
    directed: bool  # True when the link's direction says `source` is the earlier text


@dataclass(frozen=True)
class PairChanges:
    pair: AlignedPair
    changes: list[Change]


def article_names(article: Article) -> dict[str, tuple[str, str | None]]:
    """Surface name -> (most frequent NER label, entity id) over the article's mentions."""
    labels: dict[str, Counter] = {}
    keys: dict[str, str | None] = {}
    for m in article.mentions:
        labels.setdefault(m.text, Counter())[m.label] += 1
        keys[m.text] = keys.get(m.text) or m.entity
    return {name: (c.most_common(1)[0][0], keys[name]) for name, c in labels.items()}


def sentence_slots(text: str, names: dict[str, tuple[str, str | None]]) -> FactSlots:
    present = [(n, label, key) for n, (label, key) in names.items() if n and n in text]
    return extract_slots(text, present)


class SentenceFacts:
    """Fact slots per (article, sentence text), each computed once per build and shared by every
    check of verify (one sentence is in many links: computing it per link made verify grow with
    the square of a lineage's size)."""

    def __init__(self, articles: list[Article]) -> None:
        self._articles = {a.id: a for a in articles}
        self._names: dict[str, dict[str, tuple[str, str | None]]] = {}
        self._slots: dict[tuple[str, str], FactSlots] = {}

    def __call__(self, article: str, text: str) -> FactSlots:
        key = (article, text)
        if key not in self._slots:
            if article not in self._names:
                known = self._articles.get(article)
                self._names[article] = article_names(known) if known is not None else {}
            self._slots[key] = sentence_slots(text, self._names[article])
        return self._slots[key]


def aligned_pairs(articles: list[Article], links: list[Link],
                  slots: SentenceFacts | None = None) -> list[AlignedPair]:
    by_id = {a.id: a for a in articles}
    slots = slots or SentenceFacts(articles)
    out = []
    for link in links:
        if link.a not in by_id or link.b not in by_id:
            continue
        for al in link.alignments:
            out.append(_oriented(link, al, slots))
    return out


def _oriented(link: Link, al: Alignment, slots) -> AlignedPair:
    a = (link.a, al.a_index, slots(link.a, al.a_sentence))
    b = (link.b, al.b_index, slots(link.b, al.b_sentence))
    if link.direction == "b_to_a":
        a, b = b, a
    return AlignedPair(a[0], b[0], a[1], b[1], a[2], b[2], directed=link.direction is not None)


def changed_facts(pairs: list[AlignedPair], options: VerifyOptions = VerifyOptions()) -> list[PairChanges]:
    """The pairs whose sentences state a fact differently (`facts.compare_slots` under `options`)."""
    out = []
    for pair in pairs:
        changes = compare_slots(pair.source_slots, pair.copy_slots, options)
        if changes:
            out.append(PairChanges(pair, changes))
    return out
