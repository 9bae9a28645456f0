"""Sentence alignment between two candidate articles.

First, sentences with the same text on both sides are aligned (cosine 1 by definition: the same
text has the same vector, so it needs no encoding). Then every remaining sentence that shares some
content words with a remaining sentence on the other side (`rows_to_encode`) is matched to its
most similar such sentence there (cosine of sentence vectors), in both directions; a match counts when it reaches `min_cosine`. Position plays no part, so reordered
paragraphs align as well as kept ones; dropped or added sentences simply stay unmatched; a
sentence split in two aligns with both halves (each half's best match is the whole). Each aligned
pair also carries its word 3-gram overlap, which separates verbatim copying from paraphrase.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from dossier.config import ReuseOptions
from dossier.reuse.fingerprints import ArticleProducts, shingles


# How many content-word stems a sentence pair must share to be compared by vector is an option
# (`ReuseOptions.min_shared_stems`, with how it was set).
_MIN_SHARED_STEMS = ReuseOptions().min_shared_stems


@dataclass(frozen=True)
class AlignedPair:
    a_row: int  # row in the products of article a (not the sentence index)
    b_row: int
    cosine: float
    overlap: float  # Jaccard of word 3-grams: ~1 verbatim, ~0 reworded


def overlap(text_a: str, text_b: str) -> float:
    sa, sb = shingles(text_a), shingles(text_b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


def identical_cells(a: ArticleProducts, b: ArticleProducts) -> list[tuple[int, int]]:
    """(row in a, row in b) of every sentence the two articles share word for word."""
    rows_of = defaultdict(list)
    for j, unit in enumerate(b.units):
        rows_of[unit.text].append(j)
    return [(i, j) for i, unit in enumerate(a.units) for j in rows_of.get(unit.text, ())]


def rows_to_encode(a: ArticleProducts, b: ArticleProducts,
                   min_shared_stems: int = _MIN_SHARED_STEMS) -> tuple[list[int], list[int]]:
    """The rows of a and of b whose vectors aligning the pair needs: those not aligned word for
    word that share at least `min_shared_stems` content-word stems with such a row on the other
    side (a boilerplate line, or a sentence the copy dropped, has nothing to be compared with)."""
    cells = identical_cells(a, b)
    rows = set(range(len(a.units))) - {i for i, _ in cells}
    cols = set(range(len(b.units))) - {j for _, j in cells}
    cols_with: dict[str, list[int]] = defaultdict(list)
    for j in cols:
        for stem in b.stem_sets[j]:
            cols_with[stem].append(j)
    keep_rows, keep_cols = set(), set()
    for i in rows:
        shared = Counter(j for stem in a.stem_sets[i] for j in cols_with.get(stem, ()))
        partners = {j for j, count in shared.items() if count >= min_shared_stems}
        if partners:
            keep_rows.add(i)
            keep_cols |= partners
    return sorted(keep_rows), sorted(keep_cols)


def best_matches(sims: np.ndarray, min_cosine: float) -> list[tuple[int, int]]:
    """Row-best and column-best cells at or above `min_cosine`, each cell once, in row order."""
    if sims.size == 0:
        return []
    cells = {(i, int(j)) for i, j in enumerate(sims.argmax(axis=1))}
    cells |= {(int(i), j) for j, i in enumerate(sims.argmax(axis=0))}
    return sorted((i, j) for i, j in cells if sims[i, j] >= min_cosine)


def align(a: ArticleProducts, b: ArticleProducts, min_cosine: float,
          min_shared_stems: int = _MIN_SHARED_STEMS) -> list[AlignedPair]:
    """Aligned sentence pairs, in row order (the rows of `rows_to_encode` must be encoded)."""
    out = [AlignedPair(i, j, 1.0, 1.0) for i, j in identical_cells(a, b)]
    rows, cols = rows_to_encode(a, b, min_shared_stems)
    if rows:
        sims = a.matrix(rows) @ b.matrix(cols).T
        out += [AlignedPair(rows[i], cols[j], round(float(sims[i, j]), 4),
                            round(overlap(a.units[rows[i]].text, b.units[cols[j]].text), 4))
                for i, j in best_matches(sims, min_cosine)]
    return sorted(out, key=lambda p: (p.a_row, p.b_row))
