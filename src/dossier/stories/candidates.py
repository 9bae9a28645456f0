"""Candidate neighbours without comparing all pairs: an inverted index over each item's top terms.

Each item is indexed under its `top_terms` heaviest TF-IDF terms (names, places and rare words of its
own text) and its `top_terms` heaviest among the words at least two fitted texts use (`index_terms`). Two items are candidates when they share a top term that is not too common among the
indexed items; only candidates get an exact cosine. Like datasketch's LSH `query`, this is
approximate: a pair sharing no top term is never scored.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dossier.config import StoriesOptions
from dossier.stories.vectors import N_FEATURES

# How many top terms, postings, candidates and neighbours are options (`StoriesOptions`, where their
# reasons are). A top term shared by more than `max_posting` items is a topic word, skipped when
# looking up candidates, which bounds the work per query (at most top_terms x max_posting); before
# any cosine a query keeps the `max_candidates` sharing the most top terms, so exact scoring is at
# most n x max_candidates pairs however crowded the postings are.
_DEFAULTS = StoriesOptions()


@dataclass
class Neighbours:
    """For each query row: candidate item indices and their cosines, best first."""

    items: list[np.ndarray]
    cosines: list[np.ndarray]


def top_term_matrix(vectors: sparse.csr_matrix, k: int = _DEFAULTS.top_terms) -> sparse.csr_matrix:
    """Binary rows marking each row's k heaviest terms."""
    rows, cols = [], []
    for i in range(vectors.shape[0]):
        start, end = vectors.indptr[i], vectors.indptr[i + 1]
        data, idx = vectors.data[start:end], vectors.indices[start:end]
        if len(data) > k:
            keep = np.argpartition(-data, k - 1)[:k]
            idx = idx[keep]
        rows.append(np.full(len(idx), i, dtype=np.int64))
        cols.append(idx)
    row = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    return sparse.csr_matrix((np.ones(len(row), dtype=np.float32), (row, col)),
                             shape=(vectors.shape[0], N_FEATURES))


class TermIndex:
    """Indexed items (normalised sparse vectors) that can be queried for likely neighbours."""

    def __init__(self, options: StoriesOptions = _DEFAULTS):
        self.options = options
        self.vectors = sparse.csr_matrix((0, N_FEATURES), dtype=np.float32)
        self._tops = sparse.csr_matrix((0, N_FEATURES), dtype=np.float32)
        self._df = np.zeros(N_FEATURES, dtype=np.int32)

    def __len__(self) -> int:
        return self.vectors.shape[0]

    def row(self, item: int) -> tuple[list[int], list[float]]:
        """The (terms, weights) of one indexed item, without slicing the matrix."""
        lo, hi = self.vectors.indptr[item], self.vectors.indptr[item + 1]
        return self.vectors.indices[lo:hi].tolist(), self.vectors.data[lo:hi].tolist()

    def add(self, vectors: sparse.csr_matrix, shared: sparse.csr_matrix | None = None) -> range:
        """Index new rows; returns their item indices. `shared`: the same rows less the terms that
        only one text uses (`index_terms`)."""
        first = len(self)
        tops = index_terms(vectors, shared, self.options.top_terms)
        self.vectors = sparse.vstack([self.vectors, vectors], format="csr")
        self._tops = sparse.vstack([self._tops, tops], format="csr")
        self._df += np.bincount(tops.indices, minlength=N_FEATURES).astype(np.int32)
        return range(first, len(self))

    def query(self, vectors: sparse.csr_matrix, max_neighbours: int | None = None,
              shared: sparse.csr_matrix | None = None) -> Neighbours:
        """Likely neighbours among the indexed items for each query row (an item may be its own);
        `shared` as for `add`."""
        o = self.options
        tops = index_terms(vectors, shared, o.top_terms)
        usable = (self._df <= o.max_posting).astype(np.float32)
        tops = tops.multiply(usable).tocsr()
        shared = (tops @ self._tops.T).tocoo()
        q, item = _most_shared(shared.row, shared.col, shared.data, o.max_candidates)
        cos = np.asarray(vectors[q].multiply(self.vectors[item]).sum(axis=1)).ravel()
        return _best_per_row(vectors.shape[0], q, item, cos, max_neighbours or o.max_neighbours)


def index_terms(vectors: sparse.csr_matrix, shared: sparse.csr_matrix | None, k: int) -> sparse.csr_matrix:
    """Binary rows marking each row's k heaviest terms and, given `shared` (the rows less the terms
    only one text uses), its k heaviest there too. In a small pile a report's heaviest terms are the
    words no other text uses (the rarest), which find no neighbour: six reports of one prison escape
    and manhunt in a pile of six shared no top term but in two pairs and were four stories."""
    tops = top_term_matrix(vectors, k)
    if shared is not None:
        tops = ((tops + top_term_matrix(shared, k)) > 0).astype(np.float32).tocsr()
    return tops


def _most_shared(rows: np.ndarray, items: np.ndarray, counts: np.ndarray, limit: int):
    """Per query row, the `limit` items sharing the most top terms (ties: lower item index)."""
    order = np.lexsort((items, -counts, rows))
    rows, items = rows[order], items[order]
    starts = np.searchsorted(rows, rows, side="left")
    keep = (np.arange(len(rows)) - starts) < limit
    return rows[keep], items[keep]


def _best_per_row(n_rows: int, rows: np.ndarray, items: np.ndarray, cos: np.ndarray,
                  limit: int) -> Neighbours:
    order = np.lexsort((items, -cos, rows))
    rows, items, cos = rows[order], items[order], cos[order]
    bounds = np.searchsorted(rows, np.arange(n_rows + 1))
    out_items, out_cos = [], []
    for i in range(n_rows):
        lo, hi = bounds[i], min(bounds[i + 1], bounds[i] + limit)
        out_items.append(items[lo:hi])
        out_cos.append(cos[lo:hi])
    return Neighbours(out_items, out_cos)
