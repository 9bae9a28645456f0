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


# Pairs whose estimated Jaccard is computed per numpy call: bounds the (pairs, num_perm) comparison
# array (50,000 x 128 booleans: 6.4 MB).
_SIMILARITY_CHUNK = 50_000
# Band pairs held before their repeats are dropped (8 bytes each).
_PENDING_PAIRS = 1_000_000


def _similar(signatures: np.ndarray, pairs: np.ndarray, threshold: float) -> np.ndarray:
    """The rows of `pairs` (m, 2) whose two signature rows have estimated Jaccard >= `threshold`."""
    keep = np.zeros(len(pairs), dtype=bool)
    for start in range(0, len(pairs), _SIMILARITY_CHUNK):
        chunk = pairs[start:start + _SIMILARITY_CHUNK]
        keep[start:start + len(chunk)] = (signatures[chunk[:, 0]] == signatures[chunk[:, 1]]).mean(axis=1) >= threshold
    return pairs[keep]


def band_pairs(signatures: np.ndarray, threshold: float) -> np.ndarray:
    """The row pairs (p, q), p < q, each once and sorted, of `signatures` (n, num_perm) that share
    one of their LSH bands: an (m, 2) int64 array.

    The banding is datasketch's `MinHashLSH` for (`threshold`, num_perm): the (b, r) it chooses,
    bands of r consecutive hash values. The index is a group-by of band keys (the key is the
    band's bytes), the form a distributed engine shuffles on; querying every row of one
    `MinHashLSH` gives the same pairs at several times the cost (per-row insert and query). A
    bucket of s rows gives its s(s-1)/2 pairs in numpy, never a Python loop per row."""
    rows, num_perm = signatures.shape
    banding = MinHashLSH(threshold=threshold, num_perm=num_perm)
    codes, pending = np.zeros(0, dtype=np.int64), []
    for band in range(banding.b):
        pending.append(_bucket_pairs(np.ascontiguousarray(signatures[:, band * banding.r:(band + 1) * banding.r])))
        if sum(map(len, pending)) > max(len(codes), _PENDING_PAIRS):
            # most pairs share several bands: held once, memory stays near the distinct pairs'
            codes, pending = _distinct(np.concatenate([codes, *pending])), []
    codes = _distinct(np.concatenate([codes, *pending]))
    return np.stack([codes // rows, codes % rows], axis=1)


def _bucket_pairs(band: np.ndarray) -> np.ndarray:
    """Every pair of rows of `band` (n, r) with equal values, coded p * n + q (p < q). One sort of
    the rows' bytes (numpy), not a Python dict insert per row: most rows share their band with
    no other, and at 100k sentences the per-row loop was the candidate step's main cost."""
    n = len(band)
    keys = band.view(np.dtype((np.void, band.itemsize * band.shape[1]))).ravel()
    _, bucket, counts = np.unique(keys, return_inverse=True, return_counts=True)
    shared = np.flatnonzero(counts[bucket] > 1)
    ordered = shared[np.argsort(bucket[shared], kind="stable")]  # by bucket, rows ascending within one
    if not len(ordered):
        return np.zeros(0, dtype=np.int64)
    grouped = bucket[ordered]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    ends = np.r_[starts[1:], len(ordered)]
    later = np.repeat(ends, ends - starts) - np.arange(len(ordered)) - 1  # rows after each in its bucket
    left = np.repeat(np.arange(len(ordered)), later)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later)
    return ordered[left].astype(np.int64) * n + ordered[right]


def sentence_candidates(products: list[ArticleProducts], threshold: float, min_shared: int,
                        min_stems: int = _DEFAULTS.min_sentence_stems,
                        max_spread: int = _DEFAULTS.max_sentence_spread) -> set[Pair]:
    """Article pairs sharing >= min_shared sentences whose stem sets have Jaccard >= threshold;
    sentences of under `min_stems` stems, or found in over `max_spread` articles, are not used
    (a sentence's spread: the later articles that share a band with it)."""
    indexed = [(i, int(row)) for i, item in enumerate(products)
               for row in np.flatnonzero(item.stem_counts >= min_stems)]
    if not indexed:
        return set()
    article, row = (np.array(column, dtype=np.int64) for column in zip(*indexed))
    signatures = np.stack([products[i].signatures[r] for i, r in indexed])
    pairs = band_pairs(signatures, threshold)
    pairs = pairs[article[pairs[:, 1]] > article[pairs[:, 0]]]  # indexed by article: later ones only
    if not len(pairs):
        return set()
    articles = len(products)
    spread = np.bincount(_distinct(pairs[:, 0] * articles + article[pairs[:, 1]]) // articles, minlength=len(indexed))
    pairs = _similar(signatures, pairs[spread[pairs[:, 0]] <= max_spread], threshold)
    article_pair = article[pairs[:, 0]] * articles + article[pairs[:, 1]]
    rows = _distinct_per_key(article_pair, row[pairs[:, 0]])
    cols = _distinct_per_key(article_pair, row[pairs[:, 1]])
    return {divmod(int(key), articles) for key, count in rows.items() if min(count, cols[key]) >= min_shared}


def _distinct_per_key(keys: np.ndarray, values: np.ndarray) -> dict[int, int]:
    """key -> how many distinct `values` occur with it (both non-negative int64 arrays)."""
    span = int(values.max()) + 1 if len(values) else 1
    distinct = _distinct(keys * span + values) // span  # sorted, so each key's run is contiguous
    if not len(distinct):
        return {}
    starts = np.flatnonzero(np.r_[True, distinct[1:] != distinct[:-1]])
    return dict(zip(distinct[starts].tolist(), np.diff(np.r_[starts, len(distinct)]).tolist()))


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values of a 1-D integer array, sorted: `np.unique` by one sort (numpy 2.4's
    hash-based `np.unique` of integers took 19x as long on 3M values here)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if len(ordered) else ordered


def article_candidates(products: list[ArticleProducts], threshold: float) -> set[Pair]:
    """Article pairs whose whole stem sets have Jaccard >= threshold."""
    usable = np.array([i for i, item in enumerate(products) if item.units], dtype=np.int64)
    if not len(usable):
        return set()
    signatures = np.stack([products[i].article_signature for i in usable])
    pairs = usable[_similar(signatures, band_pairs(signatures, threshold), threshold)]
    return {(int(i), int(j)) for i, j in pairs}


def candidate_pairs(products: list[ArticleProducts], *, sentence_jaccard: float, article_jaccard: float,
                    min_shared: int, min_sentence_stems: int = _DEFAULTS.min_sentence_stems,
                    max_sentence_spread: int = _DEFAULTS.max_sentence_spread) -> list[Pair]:
    """The union of both sources, sorted (so scoring order, and thus output, is deterministic)."""
    pairs = sentence_candidates(products, sentence_jaccard, min_shared, min_sentence_stems, max_sentence_spread)
    pairs |= article_candidates(products, article_jaccard)
    return sorted(pairs)
