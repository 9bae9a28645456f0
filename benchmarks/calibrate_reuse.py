"""Fit the sentence reuse decision on MSRP train rows and syndicated sentence pairs together, and
print the ReuseOptions fields it ships with (dossier.reuse.classify.reuse_probability).

usage: .venv/bin/python benchmarks/calibrate_reuse.py MSRP_DIR DATA_DIR ... [--msrp SPEC ...]
           [--seed 1] [--n 300]
e.g.   .venv/bin/python benchmarks/calibrate_reuse.py /work/shared/data/msrp \\
           /work/shared/data/{article-extraction-benchmark,ecbplus,polnear,trafilatura-eval}

Pairs (never the rows benchmarks report):
- MSRP: the rows of each SPEC (as in msrp.py; default msr_paraphrase_train.txt:1-4/5, while
  msrp.py scores 0/5 by default) with their gold labels: 1 = the same content, 0 = not.
- syndication: the tuning corpus of benchmarks/syndication_data.generate (DATA_DIRs, --n articles,
  --seed; the syndication benchmark reports seed 0). The sentence pairs dossier.reuse's alignment
  finds (`align.rows_to_encode`, then best matches at MiniLM cosine >= ReuseOptions.
  sentence_floor_cosine, the floor of the build's alignment) between each
  spun rewrite and its original, positive when the generator's sentence map pairs them (else a
  misalignment, negative), and between same-topic reports of different lineages (ECB+ topics:
  the independent reports a reuse decision must reject), negative.

Fit: logistic regression (scikit-learn, L2, C=1) on `classify.sentence_features`, the two corpora
weighted equally (each syndication pair weighs n_msrp / n_syndication). Threshold: the probability
(step 0.01) with the best mean of the two corpora's F1 (reuse class) on these calibration pairs,
an MSRP pair below the cosine floor counting as rejected (the build never compares it).
Features tried and left out (5-fold cross-validation on MSRP train, each fold scored unfitted):
word 3-gram Jaccard, content-stem Jaccard and containment, word bigram Jaccard, unmatched content
words, capitalised-word mismatch; none added more than 0.1 F1 to these four.
Prints each corpus's size, the fitted values as ReuseOptions fields, and F1 on each corpus.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.msrp import DEFAULT_CALIBRATE, scores, select  # noqa: E402
from benchmarks.syndication_data import generate  # noqa: E402
from dossier.config import Options  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.reuse.align import best_matches, rows_to_encode  # noqa: E402
from dossier.reuse.classify import SENTENCE_FEATURES, sentence_features  # noqa: E402
from dossier.reuse.fingerprints import MemoryProducts, article_products, encode, ensure_vectors  # noqa: E402

THRESHOLDS = np.round(np.arange(0.05, 0.96, 0.01), 2)


def msrp_pairs(data_dir: Path, specs: list[str], encoder) -> tuple[list[tuple[float, str, str]], np.ndarray]:
    """((cosine, a, b) per pair, gold labels) of the MSRP rows selected by `specs`."""
    out, gold = [], []
    for spec in specs:
        _, rows, (a, b, labels) = select(spec, data_dir)
        sa, sb = [a[i] for i in rows], [b[i] for i in rows]
        cos = (encode(sa, encoder) * encode(sb, encoder)).sum(axis=1)
        out += [(float(c), x, y) for c, x, y in zip(cos, sa, sb)]
        gold.append(labels[rows])
    return out, np.concatenate(gold)


def _same(x: str, y: str) -> bool:
    return x in y or y in x  # units and the generator's sentences differ only in splitting


def syndication_pairs(data_dirs: list[Path], n: int, seed: int, encoder) -> tuple[list[tuple[float, str, str]], np.ndarray]:
    """((cosine, a, b) per aligned sentence pair, labels) from the generated tuning corpus."""
    corpus = generate(data_dirs, n, seed)
    ordered = sorted(corpus.articles(), key=lambda a: a.id)
    at = {a.id: i for i, a in enumerate(ordered)}
    products = article_products(ordered, Options().reuse.embedding_model, MemoryProducts())
    compared = [(at[i.parent], at[i.article.id], i.sentence_map) for i in corpus.items if i.transformation == "spun"]
    compared += [(at[x], at[y], None) for x, y in corpus.hard_negatives()]
    needed: dict[int, set[int]] = {}
    for i, j, _ in compared:
        rows, cols = rows_to_encode(products[i], products[j], Options().reuse.min_shared_stems)
        needed.setdefault(i, set()).update(rows)
        needed.setdefault(j, set()).update(cols)
    ensure_vectors(products, needed, lambda: encoder)
    out, labels = [], []
    for i, j, sentence_map in compared:
        rows, cols = rows_to_encode(products[i], products[j], Options().reuse.min_shared_stems)
        if not rows:
            continue
        sims = products[i].matrix(rows) @ products[j].matrix(cols).T
        mapped = [(" ".join(src.split()), " ".join(new.split())) for new, src in sentence_map or []]
        for r, c in best_matches(sims, Options().reuse.sentence_floor_cosine):
            a, b = products[i].units[rows[r]].text, products[j].units[cols[c]].text
            out.append((float(sims[r, c]), a, b))
            labels.append(int(any(_same(a, src) and _same(b, new) for src, new in mapped)))
    return out, np.array(labels)


def probabilities(model: LogisticRegression, x: np.ndarray) -> np.ndarray:
    """The model's P(reuse) per row; 0 below the build's cosine floor (column 0 is the cosine)."""
    return model.predict_proba(x)[:, 1] * (x[:, 0] >= Options().reuse.sentence_floor_cosine)


def features(pairs: list[tuple[float, str, str]]) -> np.ndarray:
    return np.array([sentence_features(cos, a, b) for cos, a, b in pairs])


def fit(x_msrp: np.ndarray, y_msrp: np.ndarray, x_synd: np.ndarray, y_synd: np.ndarray) -> tuple[LogisticRegression, float]:
    """The logistic model (corpora weighted equally) and its threshold (best mean F1)."""
    x, y = np.vstack([x_msrp, x_synd]), np.concatenate([y_msrp, y_synd])
    weight = np.concatenate([np.ones(len(y_msrp)), np.full(len(y_synd), len(y_msrp) / max(len(y_synd), 1))])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(x, y, sample_weight=weight)
    p_msrp, p_synd = probabilities(model, x_msrp), probabilities(model, x_synd)

    def mean_f1(t: float) -> float:
        return scores((p_msrp >= t).astype(int), y_msrp)[1] + scores((p_synd >= t).astype(int), y_synd)[1]

    return model, float(max(THRESHOLDS, key=mean_f1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("msrp_dir", type=Path)
    parser.add_argument("data_dirs", type=Path, nargs="+", help="syndication_data folders")
    parser.add_argument("--msrp", nargs="+", default=[DEFAULT_CALIBRATE], help="MSRP rows to fit on (SPEC)")
    parser.add_argument("--seed", type=int, default=1, help="syndication tuning corpus seed (not 0: reported)")
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    if args.seed == 0:
        sys.exit("--seed 0 is the corpus the syndication benchmark reports: never fit on it")
    encoder = Resources(Options()).encoder()
    m_pairs, y_msrp = msrp_pairs(args.msrp_dir, args.msrp, encoder)
    s_pairs, y_synd = syndication_pairs(args.data_dirs, args.n, args.seed, encoder)
    x_msrp, x_synd = features(m_pairs), features(s_pairs)
    print(f"MSRP {', '.join(args.msrp)}: {len(y_msrp)} pairs ({y_msrp.mean():.1%} paraphrase); syndication "
          f"seed {args.seed} ({args.n} articles): {len(y_synd)} aligned pairs ({y_synd.mean():.1%} reused)")
    model, threshold = fit(x_msrp, y_msrp, x_synd, y_synd)
    print("\n[reuse]  # ReuseOptions fields")
    print(f"sentence_intercept = {model.intercept_[0]:.3f}")
    for name, weight in zip(SENTENCE_FEATURES, model.coef_[0]):
        print(f"sentence_weight_{name} = {weight:.3f}")
    print(f"sentence_min_probability = {threshold}")
    for name, x, y in (("MSRP", x_msrp, y_msrp), ("syndication", x_synd, y_synd)):
        acc, f1 = scores((probabilities(model, x) >= threshold).astype(int), y)
        print(f"on the calibration pairs, {name}: accuracy {acc:.1f}, F1 {f1:.1f}")


if __name__ == "__main__":
    main()
