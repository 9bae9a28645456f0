"""Candidate article pairs, without comparing all pairs.

Two cheap, approximate sources, whose union is re-checked sentence by sentence in `align`:

- `verbatim_candidates`: MinHash LSH over single sentences (word 3-grams). Two articles that share
  even one near-verbatim sentence collide: copies, abridged copies, copied background paragraphs.
- `semantic_candidates`: the k nearest articles by the mean of their sentence vectors, searched in
  row blocks (memory stays at block x n). Rewrites keep the meaning of most sentences while
  sharing few word n-grams, so their mean vectors sit close together.

Pairs are `(i, j)` with `i < j`, positions in the products list.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from dossier.reuse.fingerprints import MINHASH_SCHEME, NUM_PERM, ArticleProducts

Pair = tuple[int, int]
SEARCH_BLOCK = 1024


def verbatim_candidates(products: list[ArticleProducts], threshold: float) -> set[Pair]:
    """Article pairs with at least one pair of sentences whose estimated Jaccard >= threshold."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, item in enumerate(products):
            for row, signature in enumerate(item.signatures):
                session.insert((i, row), LeanMinHash(seed=1, hashvalues=signature, scheme=MINHASH_SCHEME), check_duplication=False)
    pairs: set[Pair] = set()
    for i, item in enumerate(products):
        for signature in item.signatures:
            for j, _ in lsh.query(LeanMinHash(seed=1, hashvalues=signature, scheme=MINHASH_SCHEME)):
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def mean_vectors(products: list[ArticleProducts]) -> np.ndarray:
    """One L2-normalised vector per article (zeros for an article with no alignable sentence)."""
    dim = next((p.vectors.shape[1] for p in products if len(p.vectors)), 1)
    out = np.zeros((len(products), dim), dtype=np.float32)
    for i, item in enumerate(products):
        if len(item.vectors):
            mean = item.vectors.mean(axis=0)
            out[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def top_k_neighbours(vectors: np.ndarray, k: int, min_cosine: float) -> Iterator[tuple[int, int, float]]:
    """(i, j, cosine) for each row's k most similar other rows at or above `min_cosine`."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return
    for start in range(0, n, SEARCH_BLOCK):
        sims = vectors[start:start + SEARCH_BLOCK] @ vectors.T
        rows = np.arange(len(sims))
        sims[rows, rows + start] = -np.inf
        best = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for row, columns in enumerate(best):
            for j in columns:
                if sims[row, j] >= min_cosine:
                    yield start + row, int(j), float(sims[row, j])


def semantic_candidates(products: list[ArticleProducts], k: int, min_cosine: float) -> set[Pair]:
    """Article pairs among each article's k nearest neighbours by mean sentence vector."""
    return {(min(i, j), max(i, j)) for i, j, _ in top_k_neighbours(mean_vectors(products), k, min_cosine)}


def candidate_pairs(products: list[ArticleProducts], *, verbatim_threshold: float, neighbours: int,
                    min_article_cosine: float) -> list[Pair]:
    """The union of both sources, sorted (so scoring order, and thus output, is deterministic)."""
    pairs = verbatim_candidates(products, verbatim_threshold)
    pairs |= semantic_candidates(products, neighbours, min_article_cosine)
    return sorted(pairs)
