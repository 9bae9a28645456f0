"""MSRP: the sentence-pair decision of reuse alignment, beside TF-IDF and raw MiniLM cosine.

usage: .venv/bin/python benchmarks/msrp.py /work/shared/data/msrp [--folds 10]

Every `msr_paraphrase_*.txt` in the folder (tab-separated, header, quoting off) is scored by
stratified k-fold cross-validation: each method's threshold(s) are fitted on the training folds
only (best accuracy on a grid) and scored on the held-out fold; accuracy and F1 (paraphrase class)
are pooled over folds. When both a train and a test file are present, thresholds fitted on the
whole train file are also scored once on test.

Methods:
- reuse (fitted): the alignment decision of dossier.reuse -- a pair matches when MiniLM cosine
  >= t_cos or word 3-gram overlap >= t_overlap (both fitted).
- reuse (shipped): the same rule at the shipped thresholds (ReuseOptions.strong_cosine and
  classify.VERBATIM_OVERLAP; `aligned` = ReuseOptions.align_cosine alone), nothing fitted.
- MiniLM cosine: cosine >= t.   - TF-IDF cosine: word unigram TF-IDF (fitted on the training
  folds' sentences) cosine >= t.   - all paraphrase: the published trivial anchor.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from dossier.config import Options  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.reuse.align import overlap  # noqa: E402
from dossier.reuse.classify import VERBATIM_OVERLAP  # noqa: E402
from dossier.reuse.fingerprints import encode  # noqa: E402

ANCHORS = {"all paraphrase (published, test)": (66.5, 79.9), "BERT-base (published F1, test)": (None, 88.9)}
GRID = np.round(np.arange(0.30, 1.0001, 0.01), 2)
OVERLAP_GRID = np.round(np.arange(0.2, 1.0001, 0.05), 2)


def read_pairs(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = [r for r in rows[1:] if len(r) >= 5 and r[0].strip() in ("0", "1")]
    return [r[3] for r in rows], [r[4] for r in rows], np.array([int(r[0]) for r in rows])


def scores(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    tp = int(((pred == 1) & (gold == 1)).sum())
    fp = int(((pred == 1) & (gold == 0)).sum())
    fn = int(((pred == 0) & (gold == 1)).sum())
    accuracy = float((pred == gold).mean())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return 100 * accuracy, 100 * f1


def fit_threshold(values: np.ndarray, gold: np.ndarray) -> float:
    return float(max(GRID, key=lambda t: ((values >= t) == gold).mean()))


def fit_two(cos: np.ndarray, lex: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    best = max(((t, u) for t in GRID for u in OVERLAP_GRID),
               key=lambda tu: (((cos >= tu[0]) | (lex >= tu[1])) == gold).mean())
    return float(best[0]), float(best[1])


def tfidf_cosine(train_texts: list[str], a: list[str], b: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(lowercase=True, token_pattern=r"\w+").fit(train_texts)
    va, vb = vectorizer.transform(a), vectorizer.transform(b)
    return np.asarray(va.multiply(vb).sum(axis=1)).ravel()


class Features:
    """Per-pair features of one file: MiniLM cosine and word 3-gram overlap (computed once)."""

    def __init__(self, a: list[str], b: list[str], encoder) -> None:
        started = time.perf_counter()
        va, vb = encode(a, encoder), encode(b, encoder)
        self.encode_seconds = time.perf_counter() - started
        self.a, self.b = a, b
        self.cos = (va * vb).sum(axis=1)
        self.lex = np.array([overlap(x, y) for x, y in zip(a, b)])


def predict(method: str, train: np.ndarray, test: np.ndarray, f: Features, gold: np.ndarray,
            test_f: Features | None = None) -> np.ndarray:
    """Fit `method` on rows `train` of `f` and predict rows `test` (of `test_f` when given)."""
    g = test_f or f
    options = Options().reuse
    if method == "reuse (fitted)":
        t, u = fit_two(f.cos[train], f.lex[train], gold[train])
        return ((g.cos[test] >= t) | (g.lex[test] >= u)).astype(int)
    if method == "reuse (shipped, strong)":
        return ((g.cos[test] >= options.strong_cosine) | (g.lex[test] >= VERBATIM_OVERLAP)).astype(int)
    if method == "reuse (shipped, aligned)":
        return (g.cos[test] >= options.align_cosine).astype(int)
    if method == "MiniLM cosine":
        return (g.cos[test] >= fit_threshold(f.cos[train], gold[train])).astype(int)
    if method == "TF-IDF cosine":
        texts = [f.a[i] for i in train] + [f.b[i] for i in train]
        fitted = tfidf_cosine(texts, [f.a[i] for i in train], [f.b[i] for i in train])
        t = fit_threshold(fitted, gold[train])
        return (tfidf_cosine(texts, [g.a[i] for i in test], [g.b[i] for i in test]) >= t).astype(int)
    if method == "all paraphrase":
        return np.ones(len(test), dtype=int)
    raise ValueError(method)


METHODS = ["reuse (fitted)", "reuse (shipped, strong)", "reuse (shipped, aligned)", "MiniLM cosine",
           "TF-IDF cosine", "all paraphrase"]


def print_table(title: str, results: dict[str, tuple[float, float]]) -> None:
    base_acc, base_f1 = results["all paraphrase"]
    print(f"\n{title}")
    print(f"{'method':28} {'acc':>6} {'F1':>6} {'acc/all-para':>13} {'F1/all-para':>12} {'F1/BERT':>8}")
    for name, (acc, f1) in results.items():
        print(f"{name:28} {acc:6.1f} {f1:6.1f} {acc / base_acc:13.3f} {f1 / base_f1:12.3f} {f1 / 88.9:8.3f}")
    for name, (acc, f1) in ANCHORS.items():
        print(f"{name:28} {acc if acc else float('nan'):6.1f} {f1:6.1f}")


def cross_validate(f: Features, gold: np.ndarray, folds: int) -> dict[str, tuple[float, float]]:
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    predictions = {m: np.zeros_like(gold) for m in METHODS}
    for train, test in splitter.split(np.zeros(len(gold)), gold):
        for method in METHODS:
            predictions[method][test] = predict(method, train, test, f, gold)
    return {m: scores(p, gold) for m, p in predictions.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--folds", type=int, default=10)
    args = parser.parse_args()
    files = sorted(args.data_dir.glob("msr_paraphrase_*.txt"))
    if not files:
        sys.exit(f"no msr_paraphrase_*.txt in {args.data_dir}")
    encoder = Resources(Options()).encoder()
    features = {}
    for path in files:
        a, b, gold = read_pairs(path)
        features[path.name] = (Features(a, b, encoder), gold)
        f = features[path.name][0]
        print(f"{path.name}: {len(gold)} pairs, {gold.mean():.1%} paraphrase; "
              f"encoded {2 * len(gold)} sentences in {f.encode_seconds:.0f}s")
        print_table(f"{path.name}: {args.folds}-fold cross-validation (thresholds fitted on training folds)",
                    cross_validate(f, gold, args.folds))
    train = next((k for k in features if "train" in k), None)
    test = next((k for k in features if "test" in k), None)
    if train and test:
        (ft, gt), (fs, gs) = features[train], features[test]
        results = {m: scores(predict(m, np.arange(len(gt)), np.arange(len(gs)), ft, gt, fs), gs) for m in METHODS}
        print_table(f"fitted on {train}, scored on {test}", results)


if __name__ == "__main__":
    main()
