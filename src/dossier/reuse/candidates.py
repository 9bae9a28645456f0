"""Candidate article pairs, without comparing all pairs and without the sentence encoder.

Two cheap, approximate sources over content-word stem sets (see `fingerprints`), whose union is
re-checked sentence by sentence in `align`:

- `sentence_candidates`: MinHash LSH over single sentences. Two articles that share at least
  `min_shared` sentences, verbatim or reworded (a spun sentence keeps most of its names, numbers
  and content words), collide: copies, abridged copies, spun copies, reused background paragraphs.
- `article_candidates`: MinHash LSH over each article's whole stem set. A rewrite that rephrases
  every sentence too much for the sentence index still keeps much of the article's vocabulary.

Pairs are `(i, j)` with `i < j`, positions in the products list.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from dossier.config import ReuseOptions
from dossier.reuse.fingerprints import ARTICLE_PERM, MINHASH_SCHEME, NUM_PERM, ArticleProducts

Pair = tuple[int, int]
# Which sentences are indexed (`min_stems`, `max_spread`) are options: `ReuseOptions.min_sentence_stems`,
# `max_sentence_spread`, with their reasons.
_DEFAULTS = ReuseOptions()


def _sketch(hashvalues: np.ndarray) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=hashvalues, scheme=MINHASH_SCHEME)


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def sentence_candidates(products: list[ArticleProducts], threshold: float, min_shared: int,
                        min_stems: int = _DEFAULTS.min_sentence_stems,
                        max_spread: int = _DEFAULTS.max_sentence_spread) -> set[Pair]:
    """Article pairs sharing >= min_shared sentences whose stem sets have Jaccard >= threshold;
    sentences of under `min_stems` stems, or found in over `max_spread` articles, are not used."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    indexed = [(i, row) for i, item in enumerate(products)
               for row in np.flatnonzero(item.stem_counts >= min_stems)]
    with lsh.insertion_session() as session:
        for i, row in indexed:
            session.insert((i, int(row)), _sketch(products[i].signatures[row]), check_duplication=False)
    shared: dict[Pair, set[tuple[int, int]]] = defaultdict(set)
    for i, row in indexed:
        signature = products[i].signatures[row]
        hits = [(j, col) for j, col in lsh.query(_sketch(signature)) if j > i]
        if len({j for j, _ in hits}) > max_spread:
            continue
        for j, col in hits:
            if estimated_jaccard(signature, products[j].signatures[col]) >= threshold:
                shared[(i, j)].add((int(row), col))
    return {pair for pair, cells in shared.items()
            if min(len({r for r, _ in cells}), len({c for _, c in cells})) >= min_shared}


def article_candidates(products: list[ArticleProducts], threshold: float) -> set[Pair]:
    """Article pairs whose whole stem sets have Jaccard >= threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=ARTICLE_PERM)
    usable = [i for i, item in enumerate(products) if item.units]
    with lsh.insertion_session() as session:
        for i in usable:
            session.insert(i, _sketch(products[i].article_signature), check_duplication=False)
    pairs = set()
    for i in usable:
        signature = products[i].article_signature
        for j in lsh.query(_sketch(signature)):
            if j > i and estimated_jaccard(signature, products[j].article_signature) >= threshold:
                pairs.add((i, j))
    return pairs


def candidate_pairs(products: list[ArticleProducts], *, sentence_jaccard: float, article_jaccard: float,
                    min_shared: int, min_sentence_stems: int = _DEFAULTS.min_sentence_stems,
                    max_sentence_spread: int = _DEFAULTS.max_sentence_spread) -> list[Pair]:
    """The union of both sources, sorted (so scoring order, and thus output, is deterministic)."""
    pairs = sentence_candidates(products, sentence_jaccard, min_shared, min_sentence_stems, max_sentence_spread)
    pairs |= article_candidates(products, article_jaccard)
    return sorted(pairs)
