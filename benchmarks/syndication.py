"""Syndication benchmark: find copies, rewrites and partial reuse in a generated corpus with known
lineages; dossier.reuse beside datasketch MinHashLSH (text-dedup defaults) and a MiniLM
mean-embedding threshold.

usage: .venv/bin/python benchmarks/syndication.py DATA_DIR [DATA_DIR ...] [--n 1000] [--seed 0]
           [--tune-seed 1] [--tune-n 300] [--no-mean-embedding] [--config OPTIONS.toml]
e.g.   .venv/bin/python benchmarks/syndication.py /work/shared/data/{article-extraction-benchmark,ecbplus,polnear,trafilatura-eval}

The corpus comes from benchmarks/syndication_data.generate(DATA_DIRS, n, seed). The mean-embedding
threshold is fitted on a separate corpus (--tune-seed, --tune-n), never on the reported one;
dossier.reuse runs at its shipped ReuseOptions (calibrated on the seeds and on seed 1).

Reported per transformation (edges parent -> child of that kind): recall = share of edges with a
direct copy/rewrite/translation link; precision = share of such links touching those children that
stay inside the child's lineage. partial: a link of any kind to the source lineage (and the share
of those labelled partial). Hard negatives: same-topic articles of different lineages (ECB+ topics):
share with any link. Lineages: pairwise P/R/F1 and ARI of connected components over strong links
against the gold lineages; original identification: for each gold lineage of 2+ articles, whether
the predicted lineage holding most of it names the gold original (dossier.reuse.lineages is used
for every method). Time excludes corpus generation and model loading; memory is the peak RSS
increase over the method's run, sampled at 20 Hz. dossier.reuse's time is split into its lexical
steps (signatures, candidates) and its lineage-aware scoring (`reuse.score_pairs`: sentence encoding
of only what the compared pairs need, and alignment); the recall of its candidate pairs is reported
per transformation. The mean-embedding peer needs every sentence encoded: it reuses the vectors
dossier.reuse made and encodes the rest; its time adds dossier.reuse's scoring time (encoding
included, so an upper bound) to its own (--no-mean-embedding skips it, for large corpora).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH
from sklearn.metrics import adjusted_rand_score

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.syndication_data import LINEAGE_KINDS, SyndicationCorpus, generate  # noqa: E402
from dossier import reuse  # noqa: E402
from dossier.config import load_options  # noqa: E402
from dossier.model import Article, Link  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.reuse.fingerprints import MemoryProducts, article_products, ensure_vectors, model_key  # noqa: E402

STRONG = {"copy", "rewrite", "translation"}
# text-dedup's MinHash defaults: word 5-grams, 256 permutations, Jaccard threshold 0.7.
MINHASH_NGRAM, MINHASH_PERM, MINHASH_THRESHOLD = 5, 256, 0.7
MEAN_NEIGHBOURS = 20


# ------------------------------------------------------------------ measuring


class PeakMemory:
    """Peak resident memory above the level at start, sampled in a background thread."""

    def __enter__(self):
        self.start = self.peak = _rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, _rss())

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, _rss())

    @property
    def megabytes(self) -> float:
        return (self.peak - self.start) / 2**20


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measured(fn: Callable[[], list[Link]]) -> tuple[list[Link], float, float]:
    with PeakMemory() as memory:
        started = time.perf_counter()
        links = fn()
        seconds = time.perf_counter() - started
    return links, seconds, memory.megabytes


# ------------------------------------------------------------------ peers


def minhash_links(articles: list[Article]) -> list[Link]:
    """datasketch MinHashLSH over whole articles, text-dedup style: every LSH collision is a duplicate."""
    lsh = MinHashLSH(threshold=MINHASH_THRESHOLD, num_perm=MINHASH_PERM)
    sketches = {}
    for article in articles:
        tokens = re.findall(r"\w+", article.text.lower())
        grams = {" ".join(tokens[i:i + MINHASH_NGRAM]).encode() for i in range(max(1, len(tokens) - MINHASH_NGRAM + 1))}
        sketch = MinHash(num_perm=MINHASH_PERM)
        sketch.update_batch(list(grams))
        sketches[article.id] = sketch
        lsh.insert(article.id, sketch, check_duplication=False)
    pairs = {tuple(sorted((a, b))) for a, sketch in sketches.items() for b in lsh.query(sketch) if a != b}
    return [Link(a, b, "copy", round(sketches[a].jaccard(sketches[b]), 3)) for a, b in sorted(pairs)]


def mean_vectors(articles: list[Article], cache: MemoryProducts, resources: Resources) -> np.ndarray:
    """One L2-normalised mean sentence vector per article (sorted by id), every sentence encoded
    (reusing the vectors in `cache`); zeros for an article with no alignable sentence."""
    ordered = sorted(articles, key=lambda a: a.id)
    products = article_products(ordered, model_key(resources.options.reuse), cache)
    ensure_vectors(products, {i: set(range(len(p.units))) for i, p in enumerate(products)}, resources.encoder, cache)
    out = np.zeros((len(products), 384), dtype=np.float32)
    for i, item in enumerate(products):
        if item.units:
            mean = item.matrix(list(range(len(item.units)))).mean(axis=0)
            out[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
    return out


def top_k_neighbours(vectors: np.ndarray, k: int, min_cosine: float, block: int = 1024):
    """(i, j, cosine) for each row's k most similar other rows at or above `min_cosine`."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return
    for start in range(0, n, block):
        sims = vectors[start:start + block] @ vectors.T
        rows = np.arange(len(sims))
        sims[rows, rows + start] = -np.inf
        best = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for row, columns in enumerate(best):
            for j in columns:
                if sims[row, j] >= min_cosine:
                    yield start + row, int(j), float(sims[row, j])


def mean_embedding_links(articles: list[Article], vectors: np.ndarray, threshold: float) -> list[Link]:
    """Articles whose mean sentence vectors are within `threshold` cosine (k-NN search, k=20)."""
    ordered = sorted(articles, key=lambda a: a.id)
    pairs = {}
    for i, j, cosine in top_k_neighbours(vectors, MEAN_NEIGHBOURS, threshold):
        pairs[(min(i, j), max(i, j))] = cosine
    return [Link(ordered[i].id, ordered[j].id, "rewrite", round(c, 3)) for (i, j), c in sorted(pairs.items())]


def fit_mean_threshold(corpus: SyndicationCorpus, vectors: np.ndarray) -> float:
    """The threshold with the best lineage pairwise F1 on a tuning corpus."""
    best = max(np.arange(0.70, 0.995, 0.01),
               key=lambda t: lineage_scores(corpus, mean_embedding_links(corpus.articles(), vectors, t))["pair_f1"])
    return round(float(best), 2)


def candidate_recall(corpus: SyndicationCorpus, pairs: set[frozenset]) -> dict[str, float]:
    """Share of gold edges (partial: host and any member of the source lineage; hard negatives:
    the pair) among dossier.reuse's candidate pairs."""
    out = {}
    edges = corpus.gold_edges()
    for kind in LINEAGE_KINDS:
        chosen = [frozenset((p, c)) for p, c, t in edges if t == kind]
        if chosen:
            out[kind] = sum(pair in pairs for pair in chosen) / len(chosen)
    lineages = corpus.lineages()
    hosts = corpus.partial_sources()
    if hosts:
        out["partial"] = sum(any(frozenset((h, m)) in pairs for m in lineages[src]) for h, src in hosts.items()) / len(hosts)
    negatives = corpus.hard_negatives()
    if negatives:
        out["hard negatives"] = sum(frozenset(pair) in pairs for pair in negatives) / len(negatives)
    return out


# ------------------------------------------------------------------ scoring


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def edge_scores(corpus: SyndicationCorpus, links: list[Link]) -> dict[str, dict]:
    items = corpus.by_id()
    strong = defaultdict(set)
    linked = defaultdict(set)
    kinds = {}
    for link in links:
        linked[link.a].add(link.b)
        linked[link.b].add(link.a)
        kinds[frozenset((link.a, link.b))] = link.kind
        if link.kind in STRONG:
            strong[link.a].add(link.b)
            strong[link.b].add(link.a)
    out = {}
    edges = corpus.gold_edges()
    for kind in LINEAGE_KINDS:
        chosen = [(p, c) for p, c, t in edges if t == kind]
        if not chosen:
            continue
        recall = sum(p in strong[c] for p, c in chosen) / len(chosen)
        incident = [(c, o) for _, c in chosen for o in strong[c]]
        precision = (sum(items[o].lineage == items[c].lineage for c, o in incident) / len(incident)
                     if incident else 1.0)
        out[kind] = dict(n=len(chosen), p=precision, r=recall, f1=_f1(precision, recall))
    hosts = corpus.partial_sources()
    if hosts:
        found = [any(items[o].lineage == source for o in linked[h]) for h, source in hosts.items()]
        incident = [(h, o) for h in hosts for o in linked[h]]
        good = [(h, o) for h, o in incident if items[o].lineage == hosts[h]]
        precision = len(good) / len(incident) if incident else 1.0
        recall = sum(found) / len(found)
        labelled = sum(kinds[frozenset(pair)] == "partial" for pair in good) / len(good) if good else 0.0
        out["partial"] = dict(n=len(hosts), p=precision, r=recall, f1=_f1(precision, recall), partial_kind=labelled)
    negatives = corpus.hard_negatives()
    if negatives:
        any_link = sum(b in linked[a] for a, b in negatives) / len(negatives)
        strong_link = sum(b in strong[a] for a, b in negatives) / len(negatives)
        out["hard negatives"] = dict(n=len(negatives), any_link=any_link, strong_link=strong_link)
    return out


def lineage_scores(corpus: SyndicationCorpus, links: list[Link]) -> dict[str, float]:
    articles = corpus.articles()
    predicted = reuse.lineages(articles, links)
    of = {a: i for i, lineage in enumerate(predicted) for a in lineage.articles}
    ids = [a.id for a in articles]
    gold_of = {i.article.id: i.lineage for i in corpus.items}
    ari = adjusted_rand_score([gold_of[i] for i in ids], [of[i] for i in ids])
    gold_groups = corpus.lineages()
    gold_pairs = sum(len(m) * (len(m) - 1) // 2 for m in gold_groups.values())
    predicted_pairs = sum(len(g.articles) * (len(g.articles) - 1) // 2 for g in predicted)
    together = sum(1 for g in predicted for a, b in combinations(g.articles, 2) if gold_of[a] == gold_of[b])
    precision = together / predicted_pairs if predicted_pairs else 1.0
    recall = together / gold_pairs if gold_pairs else 1.0
    originals = corpus.originals()
    correct = total = 0
    for lineage_id, members in gold_groups.items():
        if len(members) < 2:
            continue
        total += 1
        group = Counter(of[m] for m in members).most_common(1)[0][0]
        correct += predicted[group].original == originals[lineage_id]
    return dict(ari=ari, pair_p=precision, pair_r=recall, pair_f1=_f1(precision, recall),
                original_acc=correct / total if total else 0.0)


# ------------------------------------------------------------------ report


def report(corpus: SyndicationCorpus, runs: dict[str, tuple[list[Link], float, float]]) -> None:
    counts = Counter(i.transformation for i in corpus.items)
    print(f"corpus: {len(corpus.items)} articles (seed {corpus.seed}): "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    scored = {name: (edge_scores(corpus, links), lineage_scores(corpus, links)) for name, (links, _, _) in runs.items()}
    names = list(runs)
    print("\nper transformation: P / R / F1")
    print(f"{'transformation':16} {'n':>6} " + " ".join(f"{n:>24}" for n in names))
    rows = [k for k in list(LINEAGE_KINDS) + ["partial"] if k in scored[names[0]][0]]
    for kind in rows:
        cells = []
        for name in names:
            s = scored[name][0][kind]
            cells.append(f"{s['p']:.3f}/{s['r']:.3f}/{s['f1']:.3f}")
        print(f"{kind:16} {scored[names[0]][0][kind]['n']:6d} " + " ".join(f"{c:>24}" for c in cells))
    if "partial" in rows:
        print(f"{'  labelled partial':23} " + " ".join(f"{scored[n][0]['partial']['partial_kind']:>24.3f}" for n in names))
    if "hard negatives" in scored[names[0]][0]:
        neg = scored[names[0]][0]["hard negatives"]
        print(f"{'hard neg: any link':16} {neg['n']:6d} "
              + " ".join(f"{scored[n][0]['hard negatives']['any_link']:>24.4f}" for n in names))
        print(f"{'hard neg: strong':16} {'':6} "
              + " ".join(f"{scored[n][0]['hard negatives']['strong_link']:>24.4f}" for n in names))
    print("\nlineages")
    for key in ("pair_p", "pair_r", "pair_f1", "ari", "original_acc"):
        print(f"{key:23} " + " ".join(f"{scored[n][1][key]:>24.3f}" for n in names))
    base_time = runs[names[-1]][1] or 1e-9
    print("\ncost")
    print(f"{'seconds':23} " + " ".join(f"{runs[n][1]:>24.1f}" for n in names))
    print(f"{'x MinHash time':23} " + " ".join(f"{runs[n][1] / base_time:>24.1f}" for n in names))
    print(f"{'peak RSS increase (MB)':23} " + " ".join(f"{runs[n][2]:>24.0f}" for n in names))
    spun = {n: scored[n][0].get("spun", {}).get("f1", 0) for n in names}
    print("\nratios vs MinHash: F1 spun " + ", ".join(f"{n} {spun[n]:.3f}" for n in names))


def run_reuse(articles: list[Article], resources: Resources, cache: MemoryProducts) -> dict:
    """dossier.reuse end to end, step by step as `reuse.find_links` runs them, each step timed."""
    options = resources.options.reuse
    with PeakMemory() as memory:
        started = time.perf_counter()
        ordered = sorted(articles, key=lambda a: a.id)
        products = article_products(ordered, model_key(options), cache)
        pairs = reuse.candidate_pairs(products, sentence_jaccard=options.sentence_jaccard,
                                      article_jaccard=options.article_jaccard, min_shared=options.partial_min_sentences)
        lexical = time.perf_counter()
        links = reuse.score_pairs(ordered, products, pairs, options, resources.encoder, cache)
        finished = time.perf_counter()
    return dict(links=links, seconds=finished - started, lexical=lexical - started, scoring=finished - lexical,
                megabytes=memory.megabytes, encoded=len({p.units[r].text for p in products for r in p.vectors}),
                units=len({u.text for p in products for u in p.units}), n_pairs=len(pairs),
                pairs={frozenset((ordered[i].id, ordered[j].id)) for i, j in pairs})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dirs", type=Path, nargs="+")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tune-seed", type=int, default=1)
    parser.add_argument("--tune-n", type=int, default=300)
    parser.add_argument("--no-mean-embedding", action="store_true", help="skip the peer that encodes everything")
    parser.add_argument("--config", type=Path, help="TOML options for dossier.reuse (e.g. [reuse] align_cosine = 0.8)")
    args = parser.parse_args()
    if args.tune_seed == args.seed:
        sys.exit("--tune-seed must differ from --seed: thresholds are never fitted on the reported corpus")
    resources = Resources(load_options(args.config))
    resources.encoder()  # loaded once, outside every timing

    if not args.no_mean_embedding:
        tuning = generate(args.data_dirs, args.tune_n, args.tune_seed)
        tune_vectors = mean_vectors(tuning.articles(), MemoryProducts(), resources)
        threshold = fit_mean_threshold(tuning, tune_vectors)
        print(f"mean-embedding threshold fitted on seed {args.tune_seed} ({len(tuning.items)} articles): {threshold}")

    corpus = generate(args.data_dirs, args.n, args.seed)
    articles = corpus.articles()
    cache = MemoryProducts()
    minhash = measured(lambda: minhash_links(articles))
    run = run_reuse(articles, resources, cache)
    print(f"dossier.reuse: {run['seconds']:.1f}s = lexical signatures + candidates {run['lexical']:.1f}s"
          f" + lineage-aware scoring (sentence encoding and alignment) {run['scoring']:.1f}s;"
          f" {run['n_pairs']} candidate pairs; encoded {run['encoded']} of {run['units']} distinct sentences")
    print("candidate-pair recall: " + ", ".join(f"{k} {v:.3f}" for k, v in candidate_recall(corpus, run["pairs"]).items()))
    runs = {"dossier.reuse": (run["links"], run["seconds"], run["megabytes"])}
    if not args.no_mean_embedding:
        mean_links, mean_seconds, mean_mb = measured(
            lambda: mean_embedding_links(articles, mean_vectors(articles, cache, resources), threshold))
        runs[f"mean-emb>={threshold}"] = (mean_links, mean_seconds + run["scoring"], mean_mb)
    runs["MinHashLSH 5g/0.7"] = minhash
    report(corpus, runs)


if __name__ == "__main__":
    main()
