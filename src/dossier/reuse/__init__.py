"""Reuse: who copied whom, explained sentence by sentence, and how many independent sources.

Public API (each step a separate function, so it can be cached, swapped or scaled alone):

    products = article_products(articles, model_name, cache)  # per article, lexical, no encoder
    pairs    = candidate_pairs(products, ...)        # sentence + article MinHash LSH, no all-pairs
    link     = score_pair(a, b, pa, pb, options)     # align sentences, classify, direct
    links    = score_pairs(articles, products, pairs, options, encoder, cache)  # lineage-aware,
                                                     # encoding (ensure_vectors) only what is compared
    links    = find_links(articles, options, resources, cache)   # all of the above
    groups   = lineages(articles, links)             # -> list[Lineage]
    prov     = build_provenance(articles, links)     # -> Provenance: lineages + origin rank, once per build

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

`cache` (optional) keeps MinHash signatures, the sentence vectors computed so far and the
translation anchors per article between runs: pass the `Store` (it has `products` / `put_product`) so `dossier add` encodes only
sentences no earlier run encoded. The links are the same with or without it.
"""

from __future__ import annotations

from collections import defaultdict

from dossier.config import ReuseOptions
from dossier.model import Article, Link
from dossier.resources import Resources
from dossier.reuse.align import align, rows_to_encode
from dossier.reuse.candidates import Pair, candidate_pairs, estimated_jaccard
from dossier.reuse.classify import make_link
from dossier.reuse.fingerprints import (ArticleProducts, MemoryProducts, ProductCache, article_products,
                                        ensure_vectors, keep_vectors, model_key, vectors_by_text)
from dossier.reuse.provenance import STRONG_KINDS, Lineage, build_provenance, independent_sources, lineages
from dossier.reuse.scored import ScoredPairs
from dossier.reuse.translation import translation_links
from dossier.unionfind import UnionFind

__all__ = ["find_links", "score_pair", "score_pairs", "comparison_order", "lineages", "build_provenance",
           "independent_sources", "Lineage", "article_products", "candidate_pairs", "needed_rows",
           "ensure_vectors", "MemoryProducts",
           "ProductCache"]

# Candidate pairs compared per encoder call: enough sentences for full encoder batches, few enough
# that little is encoded for pairs that an earlier link in the chunk makes redundant.
COMPARE_CHUNK = 256


def score_pair(a: Article, b: Article, pa: ArticleProducts, pb: ArticleProducts,
               options: ReuseOptions) -> Link | None:
    """Align the sentences of two candidate articles and decide whether (and how) they are linked."""
    return make_link(a, b, pa, pb, align(pa, pb, options.sentence_floor_cosine, options.min_shared_stems), options)


def needed_rows(products: list[ArticleProducts], pairs: list[Pair],
                min_shared_stems: int = ReuseOptions().min_shared_stems) -> dict[int, set[int]]:
    """position -> rows whose sentence vectors the candidate pairs' alignments need."""
    needed: dict[int, set[int]] = defaultdict(set)
    for i, j in pairs:
        rows, cols = rows_to_encode(products[i], products[j], min_shared_stems)
        needed[i].update(rows)
        needed[j].update(cols)
    return needed


def find_links(articles: list[Article], options: ReuseOptions, resources: Resources,
               cache: ProductCache | None = None) -> list[Link]:
    """Links between articles that share text, each with its sentence alignments.

    Deterministic for a given set of articles, whatever their order or the cache state.
    """
    ordered = sorted(articles, key=lambda a: a.id)
    products = article_products(ordered, model_key(options), cache)
    pairs = candidate_pairs(products, sentence_jaccard=options.sentence_jaccard,
                            article_jaccard=options.article_jaccard, min_shared=options.partial_min_sentences,
                            min_sentence_stems=options.min_sentence_stems,
                            max_sentence_spread=options.max_sentence_spread)
    links = score_pairs(ordered, products, pairs, options, resources.encoder, cache)
    # Cross-language copies share no words; their names and numbers in order find them.
    return links + translation_links(ordered, {frozenset((l.a, l.b)) for l in links}, options, cache)


def comparison_order(products: list[ArticleProducts], pairs: list[Pair]) -> list[Pair]:
    """Candidate pairs most similar first (estimated Jaccard of the articles' stem sets), then by
    position: copies join a lineage before looser rewrites of it are considered."""
    def similarity(pair: Pair) -> float:
        return estimated_jaccard(products[pair[0]].article_signature, products[pair[1]].article_signature)

    return sorted(pairs, key=lambda pair: (-similarity(pair), pair))


def score_pairs(ordered: list[Article], products: list[ArticleProducts], pairs: list[Pair],
                options: ReuseOptions, load_encoder, cache: ProductCache | None = None) -> list[Link]:
    """Links of the candidate `pairs`, lineage-aware, in pair order.

    Pairs go most similar first. Once copy / rewrite / translation links have joined more than
    `options.lineage_full_compare` articles into one lineage, a pair inside it is not compared:
    a further member is linked to the lineage through its closest member (as Kruskal builds a
    maximum spanning forest), not to every member. The lineages are those of comparing every pair
    (a skipped pair could only join what is joined already), and a lineage's cost grows with its
    size, not with its square.
    Sentence vectors are encoded in chunks of COMPARE_CHUNK pairs, only for pairs still compared.
    With a `cache`, a pair compared by an earlier build with the same inputs is not compared
    again (`scored.ScoredPairs`): `dossier add` aligns only pairs that involve what it changed.
    """
    joined = UnionFind([a.id for a in ordered])
    scored = ScoredPairs(ordered, products, options, cache)  # verdicts of earlier builds

    size: dict[str, int] = defaultdict(lambda: 1)  # lineage root -> members joined so far

    def same_lineage(pair: Pair) -> bool:
        """True for a pair inside a lineage past `lineage_full_compare` members (not compared)."""
        root = joined.find(ordered[pair[0]].id)
        return root == joined.find(ordered[pair[1]].id) and size[root] > options.lineage_full_compare

    queue = comparison_order(products, pairs)
    known = vectors_by_text(products)  # sentence text -> vector, across chunks
    found: dict[Pair, Link] = {}
    touched: set[int] = set()
    for start in range(0, len(queue), COMPARE_CHUNK):
        chunk = [pair for pair in queue[start:start + COMPARE_CHUNK] if not same_lineage(pair)]
        needed = needed_rows(products, [pair for pair in chunk if not scored.known(pair)], options.min_shared_stems)
        ensure_vectors(products, needed, load_encoder, known=known)
        touched |= needed.keys()
        for i, j in chunk:
            if same_lineage((i, j)):  # joined by a link compared earlier in this chunk
                continue
            if scored.known((i, j)):
                link = scored.get((i, j))
            else:
                link = score_pair(ordered[i], ordered[j], products[i], products[j], options)
                scored.put((i, j), link)
            if link is not None:
                found[(i, j)] = link
                ra, rb = joined.find(link.a), joined.find(link.b)
                if link.kind in STRONG_KINDS and ra != rb:
                    joined.union(link.a, link.b)
                    size[joined.find(link.a)] = size.pop(ra, 1) + size.pop(rb, 1)
    keep_vectors(products, touched, cache)
    scored.save()
    return [found[pair] for pair in sorted(found)]
