"""Content vectors: hashed TF-IDF over an article's own text, L2-normalised, sparse.

Hashing keeps the vocabulary fixed, so vectors of articles added later live in the same space; the
IDF is fitted once on the articles present at build time and kept for incremental adds (a new word
gets the highest IDF seen, as a rare word should).
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize
from sklearn.utils import murmurhash3_32

# 2^20 buckets: collisions stay rare for news vocabularies of a few hundred thousand words.
N_FEATURES = 2**20
# Words of two or more letters (digits alone, such as years and counts, say little about the topic).
TOKEN_PATTERN = r"(?u)\b[^\W\d_][^\W_]+\b"


class TermWeights:
    """Fitted IDF over hashed terms; `vectors` turns texts into normalised TF-IDF rows."""

    def __init__(self):
        self._hasher = HashingVectorizer(n_features=N_FEATURES, alternate_sign=False, norm=None,
                                         stop_words="english", token_pattern=TOKEN_PATTERN,
                                         lowercase=True, dtype=np.float32)
        self.idf: np.ndarray | None = None
        # 1 for the terms at least two fitted texts use: only such a term can show two of them alike
        self.shared: np.ndarray | None = None
        # The term counts of the fitted texts, by text: the clustering asks `vectors` for the same
        # texts right after `fit`, and hashing them again was ~1.3 CPU s of an add at 4,000 articles.
        self._fitted: sparse.csr_matrix | None = None
        self._row: dict[str, int] = {}

    def fit(self, texts: list[str]) -> TermWeights:
        counts = self._hasher.transform(texts).tocsr()
        df = np.bincount(counts.indices, minlength=N_FEATURES)
        n = max(len(texts), 1)
        # Smooth IDF (as scikit-learn's TfidfTransformer): unseen terms get ln(n + 1) + 1.
        self.idf = (np.log((n + 1) / (df + 1)) + 1).astype(np.float32)
        self._fitted, self._row = counts, {text: i for i, text in enumerate(texts)}
        self.shared = (df >= 2).astype(np.float32)
        return self

    def vectors(self, texts: list[str]) -> sparse.csr_matrix:
        if self.idf is None:
            raise ValueError("TermWeights.vectors before fit: call fit(texts) on the build's articles first")
        counts = self._counts(texts)
        counts.data = 1 + np.log(counts.data)  # sublinear tf: a word said ten times is not ten times the topic
        weighted = counts.multiply(self.idf).tocsr()
        return normalize(weighted, norm="l2", copy=False).astype(np.float32)

    def shared_only(self, vectors: sparse.csr_matrix) -> sparse.csr_matrix:
        """`vectors` less the terms no two fitted texts share (a new matrix)."""
        out = vectors.copy()
        out.data = out.data * self.shared[out.indices]
        out.eliminate_zeros()
        return out

    def _counts(self, texts: list[str]) -> sparse.csr_matrix:
        """Hashed term counts of `texts` (a new matrix): the fitted rows when every text was fitted,
        else hashed now."""
        rows = [self._row.get(text) for text in texts]
        if self._fitted is not None and texts and None not in rows:
            return self._fitted[rows]
        return self._hasher.transform(texts).tocsr()

    def terms(self, text: str) -> list[str]:
        """The words of `text` as the vectors see them (lowercased, stop words and digits out)."""
        return self._hasher.build_analyzer()(text)

    def idf_of(self, term: str) -> float:
        """The fitted IDF of one word (its hashed column, as HashingVectorizer computes it)."""
        if self.idf is None:
            raise ValueError("TermWeights.idf_of before fit: call fit(texts) first")
        return float(self.idf[abs(murmurhash3_32(term, seed=0)) % N_FEATURES])
