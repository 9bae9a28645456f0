"""MSRP: the sentence-pair reuse decision at its shipped thresholds, beside MiniLM cosine and TF-IDF.

usage: .venv/bin/python benchmarks/msrp.py DATA_DIR [--calibrate SPEC ...] [--score SPEC] [--config OPTIONS.toml]
e.g. on the held-out test file:  ... msrp.py /work/shared/data/msrp --score msr_paraphrase_test.txt

SPEC is a file in DATA_DIR (tab-separated, header, quoting off), optionally with a row selection
`FILE:PARTS/N`: the rows whose index modulo N is in PARTS ("0/5", "1-4/5"). Defaults: calibrate on
msr_paraphrase_train.txt:1-4/5, score msr_paraphrase_train.txt:0/5 (the only file here is train).
The script refuses to score a row it calibrates on, or a row the shipped decision was fitted on
(SHIPPED_FIT: msr_paraphrase_train.txt:1-4/5, see ReuseOptions and benchmarks/calibrate_reuse.py).

Methods (every threshold marked fitted is fitted in this run on the calibration rows only):
- reuse decision (shipped): the sentence paraphrase decision of dossier.reuse as the build applies
  it to a sentence pair (what it keeps as aligned evidence; counting a sentence toward an article
  copy or rewrite takes the same probability at ReuseOptions.coverage_min_probability): MiniLM cosine >= ReuseOptions.sentence_floor_cosine (alignment compares nothing
  below) and `classify.reuse_probability` (a logistic model over cosine, word 3-gram and
  content-word overlap, length ratio, differing numbers) >= ReuseOptions.sentence_min_probability.
  Nothing is fitted here: its values were fitted by calibrate_reuse.py on SHIPPED_FIT rows and
  the syndication tuning corpus.
- previous rule: the decision this replaced, MiniLM cosine >= 0.8 or word 3-gram overlap >= 0.5.
- aligned by cosine: cosine >= ReuseOptions.align_cosine alone.
- MiniLM cosine: cosine >= t, t fitted for best accuracy, and for best F1.
- TF-IDF cosine: word unigram TF-IDF (fitted on the calibration sentences) cosine >= t.
- all paraphrase: the published trivial anchor.
Accuracy and F1 (paraphrase class) are printed with ratios to MiniLM cosine (accuracy-fitted).
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

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier.config import load_options  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.reuse.align import overlap  # noqa: E402
from dossier.reuse.classify import reuse_probability, sentence_features  # noqa: E402
from dossier.reuse.fingerprints import encode  # noqa: E402

ANCHORS = {"all paraphrase (published, test)": (66.5, 79.9), "BERT-base (published F1, test)": (None, 88.9)}
GRID = np.round(np.arange(0.30, 1.0001, 0.01), 2)
DEFAULT_CALIBRATE = "msr_paraphrase_train.txt:1-4/5"
DEFAULT_SCORE = "msr_paraphrase_train.txt:0/5"
# The rows ReuseOptions' sentence decision was fitted on (config.py): never scored.
SHIPPED_FIT = DEFAULT_CALIBRATE
# The decision the fitted one replaced (cosine or verbatim overlap), kept as a peer.
PREVIOUS_RULE = (0.8, 0.5)


def parse_spec(spec: str) -> tuple[str, set[int] | None, int]:
    """'FILE:1-4/5' -> ('FILE', {1, 2, 3, 4}, 5); 'FILE' -> ('FILE', None, 1)."""
    name, _, rows = spec.partition(":")
    if not rows:
        return name, None, 1
    try:
        parts, _, n = rows.partition("/")
        lo, _, hi = parts.partition("-")
        return name, set(range(int(lo), int(hi or lo) + 1)), int(n)
    except ValueError:
        raise SystemExit(f"{spec!r}: expected FILE or FILE:PARTS/N such as train.txt:1-4/5") from None


def read_pairs(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows = [r for r in rows[1:] if len(r) >= 5 and r[0].strip() in ("0", "1")]
    return [r[3] for r in rows], [r[4] for r in rows], np.array([int(r[0]) for r in rows])


def select(spec: str, data_dir: Path) -> tuple[str, np.ndarray, tuple]:
    """(file name, row indices, (a, b, gold) of the whole file) for a SPEC."""
    name, parts, n = parse_spec(spec)
    path = data_dir / name
    if not path.exists():
        raise SystemExit(f"{path}: no such file")
    a, b, gold = read_pairs(path)
    rows = np.arange(len(gold)) if parts is None else np.array([i for i in range(len(gold)) if i % n in parts])
    return name, rows, (a, b, gold)


def scores(pred: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    tp = int(((pred == 1) & (gold == 1)).sum())
    fp = int(((pred == 1) & (gold == 0)).sum())
    fn = int(((pred == 0) & (gold == 1)).sum())
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return 100 * float((pred == gold).mean()), 100 * f1


def fit_threshold(values: np.ndarray, gold: np.ndarray, objective: str = "accuracy") -> float:
    def value(t):
        return scores((values >= t).astype(int), gold)[0 if objective == "accuracy" else 1]
    return float(max(GRID, key=value))


class Pairs:
    """Sentence pairs with what the decisions read: MiniLM cosine, word 3-gram overlap and the
    features of the shipped decision."""

    def __init__(self, a: list[str], b: list[str], gold: np.ndarray, encoder):
        started = time.perf_counter()
        va, vb = encode(a, encoder), encode(b, encoder)
        self.encode_seconds = time.perf_counter() - started
        self.a, self.b, self.gold = a, b, gold
        self.cos = (va * vb).sum(axis=1)
        self.lex = np.array([overlap(x, y) for x, y in zip(a, b)])
        self.features = np.array([sentence_features(c, x, y) for c, x, y in zip(self.cos, a, b)])

    def shipped(self, options) -> np.ndarray:
        """The shipped sentence decision, as the build applies it (alignment's cosine floor first)."""
        probability = reuse_probability(self.features, options)
        return ((self.cos >= options.sentence_floor_cosine) & (probability >= options.sentence_min_probability)).astype(int)

    def rule(self, cosine: float, overlap_min: float) -> np.ndarray:
        return ((self.cos >= cosine) | (self.lex >= overlap_min)).astype(int)


def tfidf_cosine(fit_texts: list[str], a: list[str], b: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(lowercase=True, token_pattern=r"\w+").fit(fit_texts)
    return np.asarray(vectorizer.transform(a).multiply(vectorizer.transform(b)).sum(axis=1)).ravel()


def print_table(title: str, results: dict[str, tuple[float, float]]) -> None:
    ref_acc, ref_f1 = results["MiniLM cosine (fitted: accuracy)"]
    print(f"\n{title}")
    print(f"{'method':36} {'acc':>6} {'F1':>6} {'acc/MiniLM':>11} {'F1/MiniLM':>10}")
    for name, (acc, f1) in results.items():
        print(f"{name:36} {acc:6.1f} {f1:6.1f} {acc / ref_acc:11.3f} {f1 / ref_f1:10.3f}")
    for name, (acc, f1) in ANCHORS.items():
        print(f"{name:36} {acc if acc else float('nan'):6.1f} {f1:6.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--calibrate", nargs="+", default=[DEFAULT_CALIBRATE])
    parser.add_argument("--score", default=DEFAULT_SCORE)
    parser.add_argument("--config", type=Path, help="TOML options (e.g. [reuse] align_cosine = 0.8)")
    args = parser.parse_args()

    score_name, score_rows, score_data = select(args.score, args.data_dir)
    calibration = [select(spec, args.data_dir) for spec in args.calibrate]
    fitted = calibration + ([select(SHIPPED_FIT, args.data_dir)] if score_name == parse_spec(SHIPPED_FIT)[0] else [])
    for name, rows, _ in fitted:
        if name == score_name and set(rows.tolist()) & set(score_rows.tolist()):
            sys.exit(f"{args.score} overlaps rows of {name} that were fitted on (calibration rows, or "
                     f"{SHIPPED_FIT} for the shipped decision): never fit on the rows you score")

    options = load_options(args.config)
    encoder = Resources(options).encoder()
    pick = lambda data, rows: ([data[0][i] for i in rows], [data[1][i] for i in rows], data[2][rows])  # noqa: E731
    test = Pairs(*pick(score_data, score_rows), encoder)
    parts = [pick(data, rows) for _, rows, data in calibration]
    fit_all = Pairs([x for p in parts for x in p[0]], [x for p in parts for x in p[1]],
                    np.concatenate([p[2] for p in parts]), encoder)
    print(f"score {args.score}: {len(test.gold)} pairs ({test.gold.mean():.1%} paraphrase); calibrate "
          f"{', '.join(args.calibrate)}: {len(fit_all.gold)} pairs; encoding {test.encode_seconds:.0f}s "
          f"+ {fit_all.encode_seconds:.0f}s", file=sys.stderr)
    options = options.reuse
    t_acc = fit_threshold(fit_all.cos, fit_all.gold)
    t_f1 = fit_threshold(fit_all.cos, fit_all.gold, "f1")
    texts = fit_all.a + fit_all.b
    t_tfidf = fit_threshold(tfidf_cosine(texts, fit_all.a, fit_all.b), fit_all.gold)
    results = {
        f"reuse decision (shipped, p>={options.sentence_min_probability})": scores(test.shipped(options), test.gold),
        f"previous rule ({PREVIOUS_RULE[0]}/{PREVIOUS_RULE[1]})": scores(test.rule(*PREVIOUS_RULE), test.gold),
        f"aligned by cosine ({options.align_cosine})": scores(test.rule(options.align_cosine, 2.0), test.gold),
        "MiniLM cosine (fitted: accuracy)": scores((test.cos >= t_acc).astype(int), test.gold),
        "MiniLM cosine (fitted: F1)": scores((test.cos >= t_f1).astype(int), test.gold),
        "TF-IDF cosine": scores((tfidf_cosine(texts, test.a, test.b) >= t_tfidf).astype(int), test.gold),
        "all paraphrase": scores(np.ones_like(test.gold), test.gold),
    }
    print_table(f"scored on {args.score}; fitted on {', '.join(args.calibrate)}; "
                f"MiniLM thresholds {t_acc} (accuracy) / {t_f1} (F1)", results)


if __name__ == "__main__":
    main()
