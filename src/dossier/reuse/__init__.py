"""Reuse: who copied whom, explained sentence by sentence, and how many independent sources.

Public API (each step a separate function, so it can be cached, swapped or scaled alone):

    products = article_products(articles, model_name, cache)  # per article, lexical, no encoder
    pairs    = candidate_pairs(products, ...)        # sentence + article MinHash LSH, no all-pairs
    ensure_vectors(products, needed_rows(products, pairs), resources.encoder, cache)
    link     = score_pair(a, b, pa, pb, options)     # align sentences, classify, direct
    links    = find_links(articles, options, resources, cache)   # all of the above
    groups   = lineages(articles, links)             # -> list[Lineage]

`Lineage(articles, original, edges)`: articles joined by copy / rewrite / translation links (a
lineage of one for an article nobody copied); `original` is the member nothing else in it derives
from (or the closest surviving version); `edges` are (source, derived) pairs. For story building:
`independent_sources(article_ids, lineages(...))` counts each lineage once, and a story's original
is the `original` of its earliest lineage.

Link kinds: copy (near-verbatim), rewrite (paraphrased throughout), translation (a rewrite whose
page discloses machine translation, or an article in another language sharing its names, numbers
and dates in order: `translation.py`), partial (some passages shared, e.g. background paragraphs).
`Link.direction` is "a_to_b" when a is the source; see `classify` for the evidence used.

The encoder (~90% of the cost when it ran over every sentence) runs only on what alignment
needs: sentences of articles in a candidate pair that the other side does not contain word for
word. An article with no candidate is never encoded; nor is a copy's text its original already
has.

`cache` (optional) keeps MinHash signatures and the sentence vectors computed so far per article
between runs: pass the `Store` (it has `products` / `put_product`) so `dossier add` encodes only
sentences no earlier run encoded. The links are the same with or without it.
"""

from __future__ import annotations

from dossier.config import ReuseOptions
from dossier.model import Article, Link
from dossier.resources import Resources
from collections import defaultdict

from dossier.reuse.align import align, rows_to_encode
from dossier.reuse.candidates import Pair, candidate_pairs
from dossier.reuse.classify import make_link
from dossier.reuse.fingerprints import (ArticleProducts, MemoryProducts, ProductCache, article_products,
                                        ensure_vectors)
from dossier.reuse.provenance import Lineage, independent_sources, lineages
from dossier.reuse.translation import translation_links

__all__ = ["find_links", "score_pair", "lineages", "independent_sources", "Lineage",
           "article_products", "candidate_pairs", "needed_rows", "ensure_vectors", "MemoryProducts",
           "ProductCache"]


def score_pair(a: Article, b: Article, pa: ArticleProducts, pb: ArticleProducts,
               options: ReuseOptions) -> Link | None:
    """Align the sentences of two candidate articles and decide whether (and how) they are linked."""
    return make_link(a, b, pa, pb, align(pa, pb, options.align_cosine), options)


def needed_rows(products: list[ArticleProducts], pairs: list[Pair]) -> dict[int, set[int]]:
    """position -> rows whose sentence vectors the candidate pairs' alignments need."""
    needed: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        rows, cols = rows_to_encode(products[i], products[j])
        needed[i].update(rows)
        needed[j].update(cols)
    return needed


def find_links(articles: list[Article], options: ReuseOptions, resources: Resources,
               cache: ProductCache | None = None) -> list[Link]:
    """Links between articles that share text, each with its sentence alignments.

    Deterministic for a given set of articles, whatever their order or the cache state.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    products = article_products(ordered, options.embedding_model, cache)
    pairs = candidate_pairs(products, sentence_jaccard=options.sentence_jaccard,
                            article_jaccard=options.article_jaccard, min_shared=options.partial_min_sentences)
    ensure_vectors(products, needed_rows(products, pairs), resources.encoder, cache)
    links = []
    for i, j in pairs:
        link = score_pair(ordered[i], ordered[j], products[i], products[j], options)
        if link is not None:
            links.append(link)
    # Cross-language copies share no words; their names and numbers in order find them.
    return links + translation_links(ordered, {frozenset((l.a, l.b)) for l in links})
