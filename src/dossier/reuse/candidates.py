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
from datasketch import MinHashLSH

from dossier.config import ReuseOptions
from dossier.reuse.fingerprints import ArticleProducts

Pair = tuple[int, int]
# Which sentences are indexed (`min_stems`, `max_spread`) are options: `ReuseOptions.min_sentence_stems`,
# `max_sentence_spread`, with their reasons.
_DEFAULTS = ReuseOptions()


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))


def _similar(signatures: np.ndarray, row: int, others: list[int], threshold: float) -> np.ndarray:
    """The rows of `others` whose estimated Jaccard with `row` is at least `threshold` (one numpy
    comparison for all of them)."""
    others = np.asarray(others, dtype=int)
    return others[(signatures[others] == signatures[row]).mean(axis=1) >= threshold]


def band_partners(signatures: np.ndarray, threshold: float) -> list[set[int]]:
    """For each row of `signatures` (n, num_perm), the other rows sharing one of its LSH bands.

    The banding is datasketch's `MinHashLSH` for (`threshold`, num_perm): the (b, r) it chooses,
    bands of r consecutive hash values. The index is a group-by of band keys (the key is the
    band's bytes), the form a distributed engine shuffles on; querying every row of one
    `MinHashLSH` gives the same partners at several times the cost (per-row insert and query)."""
    rows, num_perm = signatures.shape
    banding = MinHashLSH(threshold=threshold, num_perm=num_perm)
    partners: list[set[int]] = [set() for _ in range(rows)]
    for band in range(banding.b):
        for members in _buckets(np.ascontiguousarray(signatures[:, band * banding.r:(band + 1) * banding.r])):
            for row in members:
                partners[row].update(members)
    for row, found in enumerate(partners):
        found.discard(row)
    return partners


def _buckets(band: np.ndarray) -> list[list[int]]:
    """The rows of `band` (n, r) with equal values, for each value two or more rows share. One sort
    of the rows' bytes (numpy), not a Python dict insert per row: most rows share their band with
    no other, and at 100k sentences the per-row loop was the candidate step's main cost."""
    keys = band.view(np.dtype((np.void, band.itemsize * band.shape[1]))).ravel()
    _, bucket, counts = np.unique(keys, return_inverse=True, return_counts=True)
    shared = np.flatnonzero(counts[bucket] > 1)
    ordered = shared[np.argsort(bucket[shared], kind="stable")]
    rows, bounds = ordered.tolist(), [0, *(np.flatnonzero(np.diff(bucket[ordered])) + 1).tolist(), len(ordered)]
    return [rows[start:end] for start, end in zip(bounds, bounds[1:]) if end > start]


def sentence_candidates(products: list[ArticleProducts], threshold: float, min_shared: int,
                        min_stems: int = _DEFAULTS.min_sentence_stems,
                        max_spread: int = _DEFAULTS.max_sentence_spread) -> set[Pair]:
    """Article pairs sharing >= min_shared sentences whose stem sets have Jaccard >= threshold;
    sentences of under `min_stems` stems, or found in over `max_spread` articles, are not used."""
    indexed = [(i, int(row)) for i, item in enumerate(products)
               for row in np.flatnonzero(item.stem_counts >= min_stems)]
    if not indexed:
        return set()
    signatures = np.stack([products[i].signatures[row] for i, row in indexed])
    shared: dict[Pair, set[tuple[int, int]]] = defaultdict(set)
    for position, found in enumerate(band_partners(signatures, threshold)):
        i, row = indexed[position]
        later = sorted(q for q in found if indexed[q][0] > i)
        if not later or len({indexed[q][0] for q in later}) > max_spread:
            continue
        for q in _similar(signatures, position, later, threshold):
            j, col = indexed[q]
            shared[(i, j)].add((row, col))
    return {pair for pair, cells in shared.items()
            if min(len({r for r, _ in cells}), len({c for _, c in cells})) >= min_shared}


def article_candidates(products: list[ArticleProducts], threshold: float) -> set[Pair]:
    """Article pairs whose whole stem sets have Jaccard >= threshold."""
    usable = [i for i, item in enumerate(products) if item.units]
    if not usable:
        return set()
    signatures = np.stack([products[i].article_signature for i in usable])
    pairs = set()
    for position, found in enumerate(band_partners(signatures, threshold)):
        later = sorted(q for q in found if q > position)
        if not later:
            continue
        pairs.update((usable[position], usable[q]) for q in _similar(signatures, position, later, threshold))
    return pairs


def candidate_pairs(products: list[ArticleProducts], *, sentence_jaccard: float, article_jaccard: float,
                    min_shared: int, min_sentence_stems: int = _DEFAULTS.min_sentence_stems,
                    max_sentence_spread: int = _DEFAULTS.max_sentence_spread) -> list[Pair]:
    """The union of both sources, sorted (so scoring order, and thus output, is deterministic)."""
    pairs = sentence_candidates(products, sentence_jaccard, min_shared, min_sentence_stems, max_sentence_spread)
    pairs |= article_candidates(products, article_jaccard)
    return sorted(pairs)
