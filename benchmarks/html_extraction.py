"""HTML main-text extraction: Dossier's HTML path beside plain trafilatura, in the same run.

    .venv/bin/python benchmarks/html_extraction.py /work/shared/data/article-extraction-benchmark \
        /work/shared/data/trafilatura-eval [--limit N] [--dump out.json]

Scores, per data set (the folder's layout says which):
- article-extraction-benchmark: the benchmark's own 4-gram shingle P/R/F1 (re-implemented from its
  PROVENANCE.md; checked against the published trafilatura 2.0.0 and AutoExtract outputs that ship
  with the data, which this script also scores as anchors).
- trafilatura-eval: micro P/R/F1/accuracy of "must" / "must not" snippets (tests/eval_common.py).

Systems: `dossier` = ingest (read_html) + `clean_document` (trafilatura + line cleaner);
`dossier-extract` = the trafilatura step of that path alone, to show what the line cleaner adds;
`trafilatura` = trafilatura.extract with default settings; `trafilatura-eval` = the settings
trafilatura's own evaluation uses (no comments, tables).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import Page, pick_pages  # noqa: E402

TOKEN = re.compile(r"\w+")
SHINGLE = 4


# ------------------------------------------------------------------ systems

def run_dossier(raw: bytes) -> str | None:
    from dossier.clean import clean_document
    from dossier.config import CleanOptions, IngestOptions
    from dossier.ingest.readers import read_html
    from dossier.model import Article

    doc = next(read_html("page.html", raw, IngestOptions()))
    if getattr(doc, "html", None) is None:
        return None
    article = clean_document(doc, CleanOptions())
    return article.text if isinstance(article, Article) else None


def run_dossier_extract(raw: bytes) -> str | None:
    from _datasets import decode_like_ingest

    from dossier.clean.html import extract_main_text

    html = decode_like_ingest(raw)
    return extract_main_text(html) if html else None


def run_trafilatura(raw: bytes) -> str | None:
    import trafilatura

    return trafilatura.extract(raw)


def run_trafilatura_eval(raw: bytes) -> str | None:
    import trafilatura

    return trafilatura.extract(raw, include_comments=False, include_tables=True,
                               include_formatting=False)


SYSTEMS = {"dossier": run_dossier, "dossier-extract": run_dossier_extract,
           "trafilatura": run_trafilatura, "trafilatura-eval": run_trafilatura_eval}
BASELINE = "trafilatura"


def safe_run(system, raw: bytes) -> str | None:
    """A crash counts as no output, as both benchmarks score it."""
    try:
        return system(raw)
    except Exception as err:  # noqa: BLE001 - any extractor failure is a miss, reported below
        print(f"  ! {system.__name__}: {type(err).__name__}: {err}", file=sys.stderr)
        return None


# ------------------------------------------------------------------ shingle metric (article-extraction-benchmark)

def shingles(text: str) -> Counter:
    tokens = TOKEN.findall(text or "")
    return Counter(" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))
                   if tokens[i:i + SHINGLE])


def shingle_counts(gold: str, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) of 4-gram shingle bags, normalised to sum 1 so every page weighs the same."""
    true, guess = shingles(gold), shingles(pred or "")
    tp = sum((true & guess).values())
    fp = sum((guess - true).values())
    fn = sum((true - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def shingle_scores(golds: list[str], preds: list[str | None]) -> dict:
    precisions, recalls, exact = [], [], 0
    for gold, pred in zip(golds, preds):
        tp, fp, fn = shingle_counts(gold, pred)
        if fp == fn == 0:
            precisions.append(1.0)
            recalls.append(1.0)
        else:
            if tp + fp > 0:
                precisions.append(tp / (tp + fp))
            if tp + fn > 0:
                recalls.append(tp / (tp + fn))
        exact += TOKEN.findall(gold) == TOKEN.findall(pred or "")
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "accuracy": exact / len(golds) if golds else 0.0}


# ------------------------------------------------------------------ snippet metric (trafilatura-eval)

def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_scores(pages: list[Page], preds: list[str | None]) -> dict:
    tp = fp = tn = fn = 0
    for page, pred in zip(pages, preds):
        text = _norm(pred) if pred else None
        if text is None:
            fn += len(page.must)
            tn += len(page.must_not)
            continue
        found = sum(_norm(s) in text for s in page.must)
        leaked = sum(_norm(s) in text for s in page.must_not)
        tp, fn = tp + found, fn + len(page.must) - found
        fp, tn = fp + leaked, tn + len(page.must_not) - leaked
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0,
            "accuracy": (tp + tn) / (tp + tn + fp + fn)}


# ------------------------------------------------------------------ runner

def published_outputs(folder: Path, pages: list[Page]) -> dict[str, list[str | None]]:
    """Prediction files shipped with article-extraction-benchmark (anchors, scored here)."""
    outputs = {}
    for name in ("AutoExtract", "trafilatura"):
        path = folder / "output" / f"{name}.json"
        if not path.exists():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        data = data.get("output", data)
        outputs[f"{name} (published output)"] = [data.get(p.key, {}).get("articleBody") for p in pages]
    return outputs


def print_table(title: str, rows: dict[str, dict], seconds: dict[str, float], n: int) -> None:
    print(f"\n{title}  ({n} pages)")
    base = rows.get(BASELINE, {}).get("f1") or None
    print(f"{'system':34} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'F1/traf':>8} {'s/page':>7}")
    for name, s in rows.items():
        ratio = f"{s['f1'] / base:8.3f}" if base else f"{'-':>8}"
        per_page = f"{seconds[name] / n:7.3f}" if name in seconds else f"{'-':>7}"
        print(f"{name:34} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
              f"{s['accuracy']:6.3f} {ratio} {per_page}")


def evaluate_folder(folder: Path, systems: list[str], limit: int | None, dump: dict) -> None:
    pages = list(pick_pages(folder, limit))
    preds: dict[str, list[str | None]] = {}
    seconds: dict[str, float] = {}
    for name in systems:
        start = time.perf_counter()
        preds[name] = [safe_run(SYSTEMS[name], p.raw) for p in pages]
        seconds[name] = time.perf_counter() - start
        misses = sum(p is None for p in preds[name])
        print(f"  {folder.name}: {name} done in {seconds[name]:.0f}s ({misses} pages without output)",
              file=sys.stderr)
    if pages and pages[0].gold_text is not None:
        preds.update(published_outputs(folder, pages))
        rows = {name: shingle_scores([p.gold_text for p in pages], out) for name, out in preds.items()}
        title = f"{folder.name}: shingle P/R/F1 (benchmark metric)"
    else:
        rows = {name: snippet_scores(pages, out) for name, out in preds.items()}
        title = f"{folder.name}: must / must-not snippets"
    print_table(title, rows, seconds, len(pages))
    dump[folder.name] = {p.key: {name: preds[name][i] for name in preds} for i, p in enumerate(pages)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="data set folders")
    parser.add_argument("--limit", type=int, help="first N pages of each set (for development)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    parser.add_argument("--dump", type=Path, help="write every system's output per page as JSON")
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    dump: dict = {}
    for folder in args.folders:
        evaluate_folder(folder, systems, args.limit, dump)
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
