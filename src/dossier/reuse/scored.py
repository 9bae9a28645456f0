"""Compared pairs kept between builds, so `dossier add` compares only pairs it never compared.

A pair's verdict (its `Link`, or "not reuse") is a function of the two articles' reuse products
(their alignable sentences, named by `ArticleProducts.digest`), of the article fields `classify`
reads (text and removed lines for translation disclosures; language, for whether the encoder's
cosine counts; page date, its trust, site and credited source for direction) and of the reuse
options. `pair_key` hashes exactly those, so a kept verdict is used only where comparing again
would reach the same one; anything else is compared afresh.

Verdicts live in the product cache (the Store's `products` table) under PAIR_PRODUCT, one JSON
object per article for the pairs where it is the first (lower id) side. Each run writes back only
the objects of articles that gained a verdict, holding only the keys that run used, so verdicts
of re-analysed articles do not pile up.
"""

from __future__ import annotations

import hashlib

import orjson

from dossier.config import ReuseOptions
from dossier.model import Article, Link, from_dict, to_dict
from dossier.reuse.fingerprints import ArticleProducts, ProductCache

# Rename (v2, ...) whenever `align` or `classify` change what they decide: kept verdicts of the
# old code are then ignored instead of served.
PAIR_PRODUCT = "reuse.pairs.v3"  # v2: the calibrated sentence decision; v3: the encoder's language


def article_key(article: Article, products: ArticleProducts) -> str:
    """What of one article a pair verdict depends on, as a digest."""
    h = hashlib.sha256(products.digest.encode())
    for value in (article.text, article.language, article.page_date, article.page_date_trust, article.site,
                  article.credited_source, *(r.line for r in article.removed)):
        h.update(b"\x00" + str(value).encode())
    return h.hexdigest()[:16]


def pair_key(key_a: str, key_b: str, options: bytes) -> str:
    """`options`: `options_part(options)`, made once for all pairs of a run."""
    return hashlib.sha256(f"{key_a}|{key_b}".encode() + options).hexdigest()[:20]


def options_part(options: ReuseOptions) -> bytes:
    """The reuse options' share of a pair key: their repr (every field; 5 us to make, so made once)."""
    return f"|{options!r}".encode()


class ScoredPairs:
    """Verdicts of compared pairs (positions into `ordered`), read from and written to `cache`."""

    def __init__(self, ordered: list[Article], products: list[ArticleProducts], options: ReuseOptions,
                 cache: ProductCache | None) -> None:
        self.ordered, self.cache, self.options = ordered, cache, options
        stored = cache.products(PAIR_PRODUCT) if cache is not None else {}
        self.kept = {article: _verdicts(data) for article, data in stored.items()}
        self.keys = [article_key(a, p) for a, p in zip(ordered, products)] if cache is not None else []
        self.used: dict[str, dict] = {}
        self.changed: set[str] = set()
        self._options = options_part(options)

    def _key(self, pair: tuple[int, int]) -> str:
        return pair_key(self.keys[pair[0]], self.keys[pair[1]], self._options)

    def known(self, pair: tuple[int, int]) -> bool:
        return self.cache is not None and self._key(pair) in self.kept.get(self.ordered[pair[0]].id, {})

    def get(self, pair: tuple[int, int]) -> Link | None:
        """The kept verdict of a `known` pair."""
        owner, key = self.ordered[pair[0]].id, self._key(pair)
        verdict = self.kept[owner][key]
        self.used.setdefault(owner, {})[key] = verdict
        return from_dict(Link, verdict) if verdict is not None else None

    def put(self, pair: tuple[int, int], link: Link | None) -> None:
        if self.cache is None:
            return
        owner = self.ordered[pair[0]].id
        self.used.setdefault(owner, {})[self._key(pair)] = to_dict(link) if link is not None else None
        self.changed.add(owner)

    def save(self) -> None:
        for owner in sorted(self.changed):
            self.cache.put_product(owner, PAIR_PRODUCT, orjson.dumps(self.used[owner]))


def _verdicts(data: bytes) -> dict:
    """One article's kept pair verdicts (pair key -> link or None); {} when kept in a form this code
    does not read (they are compared again)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return {}
