"""Sentence alignment between two candidate articles.

Every sentence is matched to its most similar sentence on the other side (cosine of sentence
vectors), in both directions; a match counts when it reaches `min_cosine`. Position plays no part,
so reordered paragraphs align as well as kept ones; dropped or added sentences simply stay
unmatched; a sentence split in two aligns with both halves (each half's best match is the
whole). Each aligned pair also carries its word 3-gram overlap, which separates verbatim
copying from paraphrase.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dossier.reuse.fingerprints import ArticleProducts, shingles


@dataclass(frozen=True)
class AlignedPair:
    a_row: int  # row in the products of article a (not the sentence index)
    b_row: int
    cosine: float
    overlap: float  # Jaccard of word 3-grams: ~1 verbatim, ~0 reworded


def similarity(a: ArticleProducts, b: ArticleProducts) -> np.ndarray:
    return a.vectors @ b.vectors.T


def overlap(text_a: str, text_b: str) -> float:
    sa, sb = shingles(text_a), shingles(text_b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def best_matches(sims: np.ndarray, min_cosine: float) -> list[tuple[int, int]]:
    """Row-best and column-best cells at or above `min_cosine`, each cell once, in row order."""
    if sims.size == 0:
        return []
    cells = {(i, int(j)) for i, j in enumerate(sims.argmax(axis=1))}
    cells |= {(int(i), j) for j, i in enumerate(sims.argmax(axis=0))}
    return sorted((i, j) for i, j in cells if sims[i, j] >= min_cosine)


def align(a: ArticleProducts, b: ArticleProducts, min_cosine: float) -> list[AlignedPair]:
    sims = similarity(a, b)
    return [AlignedPair(i, j, round(float(sims[i, j]), 4), round(overlap(a.units[i].text, b.units[j].text), 4))
            for i, j in best_matches(sims, min_cosine)]
