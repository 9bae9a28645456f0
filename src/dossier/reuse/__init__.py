"""Reuse: who copied whom, explained sentence by sentence, and how many independent sources.

Public API (each step a separate function, so it can be cached, swapped or scaled alone):

    products = article_products(articles, resources.encoder, model_name, cache)  # per article
    pairs    = candidate_pairs(products, ...)        # MinHash LSH + vector neighbours, no all-pairs
    link     = score_pair(a, b, pa, pb, options)     # align sentences, classify, direct
    links    = find_links(articles, options, resources, cache)   # all of the above
    groups   = lineages(articles, links)             # -> list[Lineage]

`Lineage(articles, original, edges)`: articles joined by copy / rewrite / translation links (a
lineage of one for an article nobody copied); `original` is the member nothing else in it derives
from (or the closest surviving version); `edges` are (source, derived) pairs. For story building:
`independent_sources(article_ids, lineages(...))` counts each lineage once, and a story's original
is the `original` of its earliest lineage.

Link kinds: copy (near-verbatim), rewrite (paraphrased throughout), translation (a rewrite whose
page discloses machine translation), partial (some passages shared, e.g. background paragraphs).
`Link.direction` is "a_to_b" when a is the source; see `classify` for the evidence used.

`cache` (optional) keeps sentence vectors and MinHash signatures per article between runs: pass
the `Store` (it has `products` / `put_product`) so `dossier add` encodes only new articles. The
links are the same with or without it.
"""

from __future__ import annotations

from dossier.config import ReuseOptions
from dossier.model import Article, Link
from dossier.resources import Resources
from dossier.reuse.align import align
from dossier.reuse.candidates import candidate_pairs
from dossier.reuse.classify import make_link
from dossier.reuse.fingerprints import ArticleProducts, MemoryProducts, ProductCache, article_products
from dossier.reuse.provenance import Lineage, independent_sources, lineages

__all__ = ["find_links", "score_pair", "lineages", "independent_sources", "Lineage",
           "article_products", "candidate_pairs", "MemoryProducts", "ProductCache"]


def score_pair(a: Article, b: Article, pa: ArticleProducts, pb: ArticleProducts,
               options: ReuseOptions) -> Link | None:
    """Align the sentences of two candidate articles and decide whether (and how) they are linked."""
    return make_link(a, b, pa, pb, align(pa, pb, options.align_cosine), options)


def find_links(articles: list[Article], options: ReuseOptions, resources: Resources,
               cache: ProductCache | None = None) -> list[Link]:
    """Links between articles that share text, each with its sentence alignments.

    Deterministic for a given set of articles, whatever their order or the cache state.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    products = article_products(ordered, resources.encoder, options.embedding_model, cache)
    pairs = candidate_pairs(products, verbatim_threshold=options.verbatim_threshold,
                            neighbours=options.neighbours, min_article_cosine=options.min_article_cosine)
    links = []
    for i, j in pairs:
        link = score_pair(ordered[i], ordered[j], products[i], products[j], options)
        if link is not None:
            links.append(link)
    return links
