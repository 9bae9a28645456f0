"""Per-article products of reuse detection: sentence MinHash signatures and sentence vectors.

They are the expensive part (the encoder costs ~100x the rest), so they are computed once per
article and kept in a product cache: `dossier add` encodes only the new articles. A cached product
is used only when its digest (the sentence texts, encoder and MinHash settings) still matches, so a
re-analysed article is re-encoded, never served stale.

A product cache is anything with the two methods of `dossier.store.Store` that keep per-article
blobs: `products(name) -> {article_id: bytes}` and `put_product(article_id, name, data)`.
`MemoryProducts` is the in-process one used by tests and benchmarks.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from collections.abc import Callable
from typing import Protocol

import numpy as np
from datasketch import MinHash

from dossier.model import Article
from dossier.reuse.sentences import Unit, article_units, words

PRODUCT_NAME = "reuse.sentences.v1"
# Word 3-grams: a shared 3-gram is rare between unrelated sentences, and one changed word in a
# 20-word sentence still leaves ~85% of them; 64 permutations keep the Jaccard estimate within
# ~0.06 at the LSH threshold, enough for a candidate step that is always re-checked.
SHINGLE_WORDS = 3
NUM_PERM = 64
ENCODE_BATCH = 64
MINHASH_SCHEME = "affine32"  # datasketch 2's default, named so stored signatures stay readable


class ProductCache(Protocol):
    def products(self, name: str) -> dict[str, bytes]: ...

    def put_product(self, article_id: str, name: str, data: bytes) -> None: ...


class MemoryProducts:
    """A product cache in a dict (tests, benchmarks, one-off runs)."""

    def __init__(self) -> None:
        self._data: dict[tuple[str, str], bytes] = {}

    def products(self, name: str) -> dict[str, bytes]:
        return {article: data for (article, kind), data in self._data.items() if kind == name}

    def put_product(self, article_id: str, name: str, data: bytes) -> None:
        self._data[(article_id, name)] = data


@dataclass
class ArticleProducts:
    """What the corpus step needs of one article, never its raw text again."""

    article: str
    units: list[Unit]
    signatures: np.ndarray  # (n_units, NUM_PERM) uint64 MinHash hash values
    vectors: np.ndarray  # (n_units, dim) float32, L2-normalised
    digest: str

    @property
    def lengths(self) -> np.ndarray:
        return np.array([len(words(u.text)) for u in self.units], dtype=np.float32)


def shingles(text: str) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < SHINGLE_WORDS:
        return {" ".join(tokens).encode()}
    return {" ".join(tokens[i:i + SHINGLE_WORDS]).encode() for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def sentence_signatures(texts: list[str]) -> np.ndarray:
    """MinHash hash values of each sentence's word 3-grams (datasketch's permutation scheme)."""
    out = np.empty((len(texts), NUM_PERM), dtype=np.uint64)
    for row, text in enumerate(texts):
        sketch = MinHash(num_perm=NUM_PERM, seed=1, scheme=MINHASH_SCHEME)
        sketch.update_batch(list(shingles(text)))
        out[row] = sketch.hashvalues
    return out


def encode(texts: list[str], encoder) -> np.ndarray:
    """L2-normalised sentence vectors, each distinct text encoded once, in length-sorted batches."""
    unique = sorted(set(texts))
    vectors = encoder.encode(unique, batch_size=ENCODE_BATCH, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False).astype(np.float32)
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def digest(units: list[Unit], model_name: str) -> str:
    h = hashlib.sha256(f"{model_name}|{SHINGLE_WORDS}|{NUM_PERM}|{MINHASH_SCHEME}".encode())
    for unit in units:
        h.update(f"\x00{unit.index}\x01{unit.text}".encode())
    return h.hexdigest()[:16]


def to_bytes(products: ArticleProducts) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, digest=np.array(products.digest), signatures=products.signatures,
             vectors=products.vectors)
    return buffer.getvalue()


def from_bytes(article: str, units: list[Unit], data: bytes) -> ArticleProducts:
    with np.load(io.BytesIO(data)) as npz:
        return ArticleProducts(article, units, npz["signatures"], npz["vectors"], str(npz["digest"]))


def article_products(articles: list[Article], load_encoder: Callable[[], object], model_name: str,
                     cache: ProductCache | None = None) -> list[ArticleProducts]:
    """Products of every article, from the cache where valid, computing (and caching) the rest.

    `load_encoder` is called only when something must be encoded (a fully cached `add` never
    loads the model). Texts already encoded for a cached article are not encoded again: syndicated copies share
    most sentences verbatim, so this removes most of the encoder's work on a syndication corpus.
    """
    cached = cache.products(PRODUCT_NAME) if cache is not None else {}
    out: list[ArticleProducts | None] = []
    missing: list[tuple[int, Article, list[Unit], str]] = []
    known_vectors: dict[str, np.ndarray] = {}
    for position, article in enumerate(articles):
        units = article_units(article)
        key = digest(units, model_name)
        hit = cached.get(article.id)
        products = from_bytes(article.id, units, hit) if hit is not None else None
        if products is not None and products.digest == key:
            out.append(products)
            known_vectors.update(zip((u.text for u in units), products.vectors))
        else:
            out.append(None)
            missing.append((position, article, units, key))
    to_encode = sorted({u.text for _, _, units, _ in missing for u in units} - known_vectors.keys())
    if to_encode:
        known_vectors.update(zip(to_encode, encode(to_encode, load_encoder())))
    dim = next(iter(known_vectors.values())).shape[0] if known_vectors else 0
    for position, article, units, key in missing:
        texts = [u.text for u in units]
        vectors = (np.stack([known_vectors[t] for t in texts]) if texts
                   else np.zeros((0, dim), dtype=np.float32))
        products = ArticleProducts(article.id, units, sentence_signatures(texts), vectors, key)
        if cache is not None:
            cache.put_product(article.id, PRODUCT_NAME, to_bytes(products))
        out[position] = products
    return out
