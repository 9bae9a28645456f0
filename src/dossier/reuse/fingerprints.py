"""Per-article products of reuse detection: lexical MinHash signatures, and sentence vectors
computed lazily.

Signatures are cheap and computed for every article: one per sentence and one for the whole
article, both over the sentence's (article's) set of content-word stems: lower-cased words minus
stop words, cut to their first STEM_CHARS characters. The stop words are those of the article's
language (spaCy's lists; the language whose list covers most of its words), so two German pages
do not look alike for sharing "und", "die" and "der". Names, numbers and content words survive
synonym swaps of the other words, clause moves and sentence splits, so the sets of a spun rewrite
stay close to the original's where word n-grams do not.

Sentence vectors (MiniLM) are the expensive part (~100x the rest), so they are computed only for
the sentences that alignment needs (`ensure_vectors`), and kept: a product records which rows are
encoded, and `dossier add` encodes only rows it did not have. A cached product is used only when
its digest (the sentence texts, encoder and signature settings) still matches, so a re-analysed
article is re-encoded, never served stale.

A product cache is anything with the two methods of `dossier.store.Store` that keep per-article
blobs: `products(name) -> {article_id: bytes}` and `put_product(article_id, name, data)`.
`MemoryProducts` is the in-process one used by tests and benchmarks.
"""

from __future__ import annotations

import hashlib
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

import numpy as np
from datasketch import MinHash

from dossier.config import ReuseOptions
from dossier.model import Article
from dossier.resources import encoder_device, encoder_precision
from dossier.reuse.sentences import Unit, article_units, words
from dossier.stopwords import STOP_WORD_LANGUAGES, STOP_WORDS

PRODUCT_NAME = "reuse.sentences.v3"  # v3: stop words of the article's language
# Prefix stems: "negotiations"/"negotiators" and "strike"/"strikes" meet without a stemmer; six
# characters keep unrelated words apart ("minist", "govern").
STEM_CHARS = 6
# 64 permutations per sentence keep the Jaccard estimate within ~0.06 at the LSH threshold, enough
# for a candidate step that is always re-checked; an article's larger set gets 128.
NUM_PERM = 64
ARTICLE_PERM = 128
ENCODE_BATCH = 64
# On a CUDA GPU larger calls keep the device busy: on an H200, 29k news sentences took 4.5 s in calls
# of 64 and 2.8 s in calls of 1,024, vectors within 4e-7 of the CPU's either way
# (benchmarks/encoder_device.py --cuda-batches 64 256 1024).
CUDA_ENCODE_BATCH = 1024
# Texts are padded to their token length rounded up to this (`encode`): 8 wastes ~11% on news
# sentences of ~35 tokens and gives ~16 widths up to MAX_SEQ_TOKENS.
PAD_STEP = 8
# MiniLM was trained at 128 word pieces; sentences are cut there rather than at 256 (measured on
# news sentences: cosine >= 0.998 to the 256-piece vectors) so a rare very long sentence does not
# double a batch's cost.
MAX_SEQ_TOKENS = 128
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
    signatures: np.ndarray  # (n_units, NUM_PERM) uint64: MinHash of each sentence's stems
    stem_counts: np.ndarray  # (n_units,) int: size of each sentence's stem set
    article_signature: np.ndarray  # (ARTICLE_PERM,) uint64: MinHash of all the article's stems
    digest: str
    vectors: dict[int, np.ndarray] = field(default_factory=dict)  # row -> L2-normalised vector

    @cached_property
    def lengths(self) -> np.ndarray:
        return np.array([len(words(u.text)) for u in self.units], dtype=np.float32)

    @cached_property
    def stem_sets(self) -> list[tuple[str, ...]]:
        """Each unit's content-word stems (`compact_stems`); alignment only iterates them."""
        stop_words = STOP_WORDS[stop_word_language(self.units)]
        return [compact_stems(stems(u.text, stop_words)) for u in self.units]

    def matrix(self, rows: list[int]) -> np.ndarray:
        """The vectors of `rows` (all encoded: see `ensure_vectors`), one per line."""
        return np.stack([self.vectors[r] for r in rows]) if rows else np.zeros((0, 1), dtype=np.float32)


def stop_word_language(units: list[Unit]) -> str:
    """The language (of STOP_WORD_LANGUAGES) whose stop words cover most of the units' words; a
    crude identifier, but all stems need: function words are the most frequent words of a text."""
    counts = {lang: 0 for lang in STOP_WORD_LANGUAGES}
    for unit in units:
        for word in words(unit.text):
            for lang in STOP_WORD_LANGUAGES:
                counts[lang] += word in STOP_WORDS[lang]
    return max(STOP_WORD_LANGUAGES, key=lambda lang: counts[lang])  # first of equals: English


def stems(text: str, stop_words: frozenset[str] = STOP_WORDS["en"]) -> set[str]:
    """Content-word stems: what a paraphrase keeps (names, numbers, content words)."""
    return {w[:STEM_CHARS] for w in words(text) if w not in stop_words and (len(w) > 2 or w.isdigit())}


def compact_stems(stem_set: set[str]) -> tuple[str, ...]:
    """A stem set as a tuple of interned strings: a tenth of the memory (on 1k syndication
    articles the sets of every sentence held 39 MB, most of the corpus stage's products), since
    every article's products stay in memory through the links stage."""
    return tuple(map(sys.intern, stem_set))


def shingles(text: str) -> set[bytes]:
    """Word 3-grams (alignment's verbatim test)."""
    tokens = words(text)
    if len(tokens) < 3:
        return {" ".join(tokens).encode()}
    return {" ".join(tokens[i:i + 3]).encode() for i in range(len(tokens) - 2)}


def minhash(items: set[str], num_perm: int) -> np.ndarray:
    sketch = MinHash(num_perm=num_perm, seed=1, scheme=MINHASH_SCHEME)
    sketch.update_batch([item.encode() for item in items])
    return sketch.hashvalues


def minhashes(sets: list[set[str]], num_perm: int) -> np.ndarray:
    """`minhash` of each set, one row each: the permutations are drawn once for all of them
    (datasketch's `MinHash.generator`), not once per set, which was most of the cost."""
    if not sets:
        return np.zeros((0, num_perm), dtype=np.uint64)
    batches = ([item.encode() for item in items] for items in sets)
    return np.stack([m.hashvalues for m in MinHash.generator(batches, num_perm=num_perm, seed=1,
                                                            scheme=MINHASH_SCHEME)])


def lexical_products(article_id: str, units: list[Unit], key: str) -> ArticleProducts:
    stop_words = STOP_WORDS[stop_word_language(units)]
    sets = [stems(u.text, stop_words) for u in units]
    signatures = minhashes(sets, NUM_PERM)
    products = ArticleProducts(article_id, units, signatures, np.array([len(s) for s in sets], dtype=np.int32),
                               minhash(set().union(*sets), ARTICLE_PERM), key)
    products.stem_sets = [compact_stems(s) for s in sets]  # the cached property, already computed
    return products


@contextmanager
def _truncated(encoder) -> Iterator[object]:
    """The encoder cut at MAX_SEQ_TOKENS for the duration (it is a shared resource)."""
    before = encoder.max_seq_length
    encoder.max_seq_length = min(before, MAX_SEQ_TOKENS)
    try:
        yield encoder
    finally:
        encoder.max_seq_length = before


def encode(texts: list[str], encoder, batch: int | None = None) -> np.ndarray:
    """L2-normalised float32 sentence vectors, each distinct text encoded once, `batch` texts per
    encoder call (default ENCODE_BATCH, CUDA_ENCODE_BATCH on a GPU).

    Each text is padded to its own length rounded up to PAD_STEP tokens and batched only with texts
    of that padded width, and every call holds `batch` rows (a short last batch is filled with
    empty texts), so its vector never depends on what else is encoded with it: in bfloat16,
    padding a sentence to its batch's longest moved its vector by up to 0.002 (an add and a rebuild
    then disagreed on alignment scores); in float32 by ~1e-7; and with AMX (oneDNN picks its
    bfloat16 kernel by the matrix's shape) a batch of 2-15 rows gave other vectors than one of 1 or
    64 by up to 0.001. Rounding up keeps the batches full."""
    import torch

    unique = sorted(set(texts))
    vectors = np.zeros((len(unique), encoder.get_embedding_dimension()), dtype=np.float32)
    if not unique:
        return vectors
    size = batch or (CUDA_ENCODE_BATCH if encoder.device.type == "cuda" else ENCODE_BATCH)
    with _truncated(encoder) as cut, torch.inference_mode():
        for width, rows in _by_padded_width(cut.tokenizer, unique, cut.max_seq_length):
            for start in range(0, len(rows), size):
                chunk = rows[start:start + size]
                filled = [unique[i] for i in chunk] + [""] * (size - len(chunk))  # one shape per width
                features = cut.tokenizer(filled, padding="max_length", truncation=True,
                                         max_length=width, return_tensors="pt")
                features = {name: tensor.to(cut.device) for name, tensor in features.items()}
                vectors[chunk] = cut(features)["sentence_embedding"][:len(chunk)].float().cpu().numpy()
    # normalised in float32, whatever the encoder's precision (a bfloat16 norm is off by ~0.4%)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


def _by_padded_width(tokenizer, texts: list[str], limit: int) -> list[tuple[int, list[int]]]:
    """[(padded width in tokens, positions of the texts padded to it)], narrowest first."""
    lengths = [len(ids) for ids in tokenizer(texts, truncation=True, max_length=limit)["input_ids"]]
    widths: dict[int, list[int]] = {}
    for position, length in enumerate(lengths):
        widths.setdefault(min(-(-length // PAD_STEP) * PAD_STEP, limit), []).append(position)
    return sorted(widths.items())


def model_key(options: ReuseOptions) -> str:
    """What names the encoder in the products' key: the model, the precision it runs in and a GPU
    if it runs on one (vectors kept from another precision or device are not reused)."""
    key = f"{options.embedding_model}|{encoder_precision(options)}"
    return key + "|cuda" if encoder_device(options) == "cuda" else key


def digest(units: list[Unit], model_name: str) -> str:
    h = hashlib.sha256(f"{model_name}|{MAX_SEQ_TOKENS}|{STEM_CHARS}|{NUM_PERM}|{ARTICLE_PERM}|{MINHASH_SCHEME}".encode())
    for unit in units:
        h.update(f"\x00{unit.index}\x01{unit.text}".encode())
    return h.hexdigest()[:16]


# Stored products: MAGIC, a 4-byte little-endian header length, a JSON header (digest, vector rows,
# each array's dtype and shape) and the arrays' raw bytes in header order. Reading it is a few
# `np.frombuffer` views; the .npz it replaces parsed a zip and a header per array (5 ms an article).
MAGIC = b"DSP1"
_ARRAYS = ("signatures", "stem_counts", "article_signature", "vectors")


def to_bytes(products: ArticleProducts) -> bytes:
    rows = sorted(products.vectors)
    arrays = {"signatures": products.signatures, "stem_counts": products.stem_counts,
              "article_signature": products.article_signature,
              "vectors": products.matrix(rows).astype(np.float32)}
    header = json.dumps({"digest": products.digest, "rows": rows,
                         "arrays": [[arrays[n].dtype.str, list(arrays[n].shape)] for n in _ARRAYS]}).encode()
    body = b"".join(np.ascontiguousarray(arrays[n]).tobytes() for n in _ARRAYS)
    return MAGIC + len(header).to_bytes(4, "little") + header + body


def from_bytes(article: str, units: list[Unit], data: bytes) -> ArticleProducts:
    """The stored products (also from the .npz of stores written before MAGIC)."""
    if not data.startswith(MAGIC):
        with np.load(io.BytesIO(data)) as npz:
            vectors = dict(zip((int(r) for r in npz["rows"]), npz["vectors"]))
            return ArticleProducts(article, units, npz["signatures"], npz["stem_counts"],
                                   npz["article_signature"], str(npz["digest"]), vectors)
    size = int.from_bytes(data[4:8], "little")
    header = json.loads(data[8:8 + size])
    arrays, at = {}, 8 + size
    for name, (dtype, shape) in zip(_ARRAYS, header["arrays"]):
        count = int(np.prod(shape))
        arrays[name] = np.frombuffer(data, dtype=dtype, count=count, offset=at).reshape(shape)
        at += count * np.dtype(dtype).itemsize
    vectors = dict(zip(header["rows"], arrays["vectors"]))
    return ArticleProducts(article, units, arrays["signatures"], arrays["stem_counts"],
                           arrays["article_signature"], header["digest"], vectors)


def article_products(articles: list[Article], model_name: str,
                     cache: ProductCache | None = None) -> list[ArticleProducts]:
    """Lexical products of every article (with whatever vectors the cache holds); no encoding."""
    cached = cache.products(PRODUCT_NAME) if cache is not None else {}
    out = []
    for article in articles:
        units = article_units(article)
        key = digest(units, model_name)
        hit = cached.get(article.id)
        products = from_bytes(article.id, units, hit) if hit is not None else None
        if products is None or products.digest != key:
            products = lexical_products(article.id, units, key)
            if cache is not None:
                cache.put_product(article.id, PRODUCT_NAME, to_bytes(products))
        out.append(products)
    return out


def vectors_by_text(products: list[ArticleProducts]) -> dict[str, np.ndarray]:
    """Every sentence vector the products hold, by sentence text."""
    return {item.units[row].text: vector for item in products for row, vector in item.vectors.items()}


def ensure_vectors(products: list[ArticleProducts], needed: dict[int, set[int]],
                   load_encoder: Callable[[], object], cache: ProductCache | None = None,
                   known: dict[str, np.ndarray] | None = None) -> int:
    """Give each products[position] a vector for each of its `needed` rows; returns texts encoded.

    A vector already held for the same text (this article's or any other's) is reused, never
    recomputed; `load_encoder` is called only when something is left to encode. `known`: the
    caller's `vectors_by_text(products)`, kept up to date here, for a caller that calls this in
    many chunks (else every call would scan every product's vectors: quadratic over a build).
    """
    wanted = {p: sorted(r for r in rows if r not in products[p].vectors) for p, rows in needed.items()}
    wanted = {p: rows for p, rows in wanted.items() if rows}
    texts = {products[p].units[r].text for p, rows in wanted.items() for r in rows}
    known = vectors_by_text(products) if known is None else known
    to_encode = sorted(texts - known.keys())
    if to_encode:
        known.update(zip(to_encode, encode(to_encode, load_encoder())))
    for p in sorted(wanted):
        item = products[p]
        item.vectors.update({r: known[item.units[r].text] for r in wanted[p]})
    keep_vectors(products, wanted, cache)
    return len(to_encode)


def keep_vectors(products: list[ArticleProducts], positions, cache: ProductCache | None) -> None:
    """Write the products at `positions` (with the vectors they hold now) to the cache, if any."""
    if cache is not None:
        for p in sorted(positions):
            cache.put_product(products[p].article, PRODUCT_NAME, to_bytes(products[p]))
