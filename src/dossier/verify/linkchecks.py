"""The checks of one checked link, kept between builds, so a component that `dossier add` changes
re-checks only its new and changed links.

A new copy joins an existing lineage, so its component's key (`kept.component_key`) changes and
the component's flags are read again; but what each of its other links finds (the changed facts
of its aligned pairs, its changed quoted words, the quotes its pairs pair up) depends on that
link and its two articles only. `LinkChecker` keeps those per link, keyed by the link, the two
articles' PAIR_FIELDS, the verify options and the code, and the component-level parts (quote
drift, consensus conflicts, the flags) are recomputed from them each time a component is read.

Fresh results go through the same JSON form as kept ones (`_value`, `_read`), so the flags are
the same with or without the cache. Pairs read back carry only their sentence texts
(`FactSlots(text, [])`): the component-level checks read no other fact of a pair.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from dossier.config import VerifyOptions, code_digest
from dossier.kept import Kept
from dossier.model import Article, Link, to_json
from dossier.reuse.fingerprints import ProductCache
from dossier.verify.facts import Change
from dossier.verify.pairs import AlignedPair, PairChanges, SentenceFacts, _oriented, aligned_pairs, changed_facts
from dossier.verify.quotes import QuoteLink, QuoteVariant, quote_links
from dossier.verify.scare_quotes import quoted_word_changes
from dossier.verify.slots import FactSlots

# The product's name; rename (v2, ...) when what a link's checks return changes shape.
LINK_PRODUCT = "verify.link-checks.v1"
# The Article fields one link's checks read: sentence facts (text, sentences, mentions' names)
# and the article id. Not `source` (flag details) nor `quotes` (drift speakers): those are read
# at component level, which is recomputed whenever a component's key changes.
PAIR_FIELDS = ("id", "text", "sentences", "mentions")


@dataclass
class LinkChecks:
    """What one link's checks find, in the link's alignment order."""

    pairs: list[AlignedPair]  # one per alignment
    changed: list[PairChanges]  # changed facts of those pairs (pairs shared with `pairs`)
    quoted: list[PairChanges]  # changed quoted words beyond the alignments
    quotes: list[QuoteLink]  # quoted spans the pairs pair up


class LinkChecker:
    """Each link's checks, from `cache` where kept under the same inputs, else computed (and kept).
    One per build; `slots` is shared by the links computed in one component."""

    def __init__(self, cache: ProductCache | None, options: VerifyOptions) -> None:
        self.options = options
        self.kept = Kept(cache, LINK_PRODUCT) if cache is not None else None
        self._article_keys: dict[str, str] = {}

    def __call__(self, link: Link, by_id: dict[str, Article], slots: SentenceFacts) -> LinkChecks:
        if self.kept is None:
            return _read(link, _value(link, by_id, slots, self.options))
        owner, key = f"{link.a}|{link.b}", self._key(link, by_id)
        value = self.kept.get(owner, key)
        if value is None:
            value = _value(link, by_id, slots, self.options)
            self.kept.put(owner, key, value)
        return _read(link, value)

    def _key(self, link: Link, by_id: dict[str, Article]) -> str:
        h = hashlib.sha256(f"{LINK_PRODUCT}|{code_digest()}|{self.options!r}".encode())
        h.update(to_json(link, sort_keys=True))
        for article in (link.a, link.b):
            h.update(self._article_key(by_id[article]).encode())
        return h.hexdigest()[:20]

    def _article_key(self, article: Article) -> str:
        # an article is in several links: its fields are hashed once per build
        if article.id not in self._article_keys:
            fields = to_json([getattr(article, name) for name in PAIR_FIELDS], sort_keys=True)
            self._article_keys[article.id] = hashlib.sha256(fields).hexdigest()
        return self._article_keys[article.id]


def _value(link: Link, by_id: dict[str, Article], slots: SentenceFacts, options: VerifyOptions) -> dict:
    """One link's checks as JSON: changes and quote pairs by alignment number, quoted-word
    changes with their sentences (they are not aligned ones)."""
    members = [by_id[link.a], by_id[link.b]]
    pairs = aligned_pairs(members, [link], slots)
    number = {id(p): n for n, p in enumerate(pairs)}
    changed = [[number[id(pc.pair)], _changes(pc.changes)] for pc in changed_facts(pairs, options)]
    quoted = [[p.source, p.copy, p.source_index, p.copy_index, p.source_slots.text, p.copy_slots.text,
               p.directed, _changes(pc.changes)]
              for pc in quoted_word_changes(members, [link], slots, options) for p in [pc.pair]]
    quotes = [[number[id(pair)], ql.x.text, ql.y.text, ql.drifting]
              for pair in pairs for ql in quote_links([pair], options)]
    return {"changed": changed, "quoted": quoted, "quotes": quotes}


def _changes(changes: list[Change]) -> list[list[str]]:
    return [[c.slot, c.a, c.b, c.severity] for c in changes]


def _read(link: Link, value: dict) -> LinkChecks:
    pairs = [_oriented(link, al, _text_only) for al in link.alignments]
    changed = [PairChanges(pairs[n], [Change(*c) for c in changes]) for n, changes in value["changed"]]
    quoted = [PairChanges(AlignedPair(source, copy, si, ci, _text_only(source, st), _text_only(copy, ct), directed),
                          [Change(*c) for c in changes])
              for source, copy, si, ci, st, ct, directed, changes in value["quoted"]]
    quotes = [QuoteLink(QuoteVariant(pairs[n].source, x, pairs[n].source_slots.text),
                        QuoteVariant(pairs[n].copy, y, pairs[n].copy_slots.text), drifting)
              for n, x, y, drifting in value["quotes"]]
    return LinkChecks(pairs, changed, quoted, quotes)


def _text_only(article: str, text: str) -> FactSlots:
    return FactSlots(text, [])
