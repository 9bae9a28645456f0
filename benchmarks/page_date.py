"""Page date: Dossier's `page_date` beside htmldate alone, on htmldate's own evaluation set.

    .venv/bin/python benchmarks/page_date.py /work/shared/data/htmldate-eval [--limit N]

Scoring as htmldate's tests/evaluation.py (described in the set's PROVENANCE.md): per page, no
output counts fn (plus tn where the gold says "no date"); the gold date counts tp; any other date
fp. Accuracy = (tp+tn)/(tp+tn+fp+fn). Pages are given as HTML only (no URL), `original_date=True`.

Systems: `dossier` = clean/html.py `page_date` on the page as Dossier's ingest decodes it (a page
ingest refuses gets no date); `htmldate fast` / `htmldate extensive` = `find_date` on the raw bytes.
Dossier's trust levels are then scored apart: a date trusted `ok` (from markup) should be right
more often than a `weak` one (found by searching the page text).

Not a held-out score for clean/page_dates.py: when Dossier overrules htmldate's choice (a
modification date no publication field names, more than a day from the publication date) was set
on this set's disagreements (that module's docstring says how). This set's gold often follows the
date a page shows, which can be its update date; Dossier keeps the publication date (issue 15).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import decode_like_ingest, pick_pages  # noqa: E402

BASELINE = "htmldate extensive"


def run_dossier(raw: bytes) -> tuple[str | None, str]:
    from dossier.clean.html import page_date

    html = decode_like_ingest(raw)
    if html is None:
        return None, "refused by ingest"
    try:
        date, trust, _evidence = page_date(html)
    except (ValueError, RecursionError):  # as clean_document: unparseable markup gives no date
        return None, "missing"
    return date, trust


def run_htmldate(raw: bytes, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        return find_date(raw, extensive_search=extensive, original_date=True)
    except (ValueError, RecursionError):
        return None


def score(golds: list[str | None], results: list[str | None]) -> dict:
    tp = fp = fn = tn = 0
    for gold, result in zip(golds, results):
        if result is None:
            fn += 1
            tn += gold is None
        elif result == gold:
            tp += 1
        else:
            fp += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "accuracy": (tp + tn) / (tp + tn + fp + fn),
            "f1": 2 * tp / (2 * tp + fp + fn) if tp else 0.0}


def print_by_trust(golds: list[str | None], results: list[str | None], trusts: list[str]) -> None:
    """How often each trust level is right: a date equal to the gold, or no date where none is."""
    groups: dict[str, list[bool]] = defaultdict(list)
    for gold, result, trust in zip(golds, results, trusts):
        groups[trust].append(result == gold)
    print(f"\ndossier by trust level   {'pages':>6} {'share':>6} {'right':>6}")
    for trust in ("ok", "weak", "missing", "refused by ingest"):
        right = groups.get(trust, [])
        share = len(right) / len(golds) if golds else 0.0
        rate = sum(right) / len(right) if right else 0.0
        note = "(no date; right = the gold has none either)" if trust in ("missing", "refused by ingest") else ""
        print(f"  {trust:22} {len(right):6d} {share:6.3f} {rate:6.3f} {note}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the htmldate-eval folder")
    parser.add_argument("--limit", type=int, help="first N pages (for development)")
    args = parser.parse_args(argv)
    pages = list(pick_pages(args.folder, args.limit))
    golds = [p.gold_date for p in pages]

    results, seconds = {}, {}
    start = time.perf_counter()
    dossier = [run_dossier(p.raw) for p in pages]
    seconds["dossier"] = time.perf_counter() - start
    results["dossier"] = [date for date, _ in dossier]
    for name, extensive in (("htmldate fast", False), ("htmldate extensive", True)):
        start = time.perf_counter()
        results[name] = [run_htmldate(p.raw, extensive) for p in pages]
        seconds[name] = time.perf_counter() - start

    rows = {name: score(golds, out) for name, out in results.items()}
    base = rows[BASELINE]["accuracy"] or None
    print(f"{args.folder.name}: {len(pages)} pages ({sum(g is None for g in golds)} without a date)")
    print(f"{'system':22} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'acc/htmldate-ext':>17} {'ms/page':>8}")
    for name, s in rows.items():
        ratio = f"{s['accuracy'] / base:17.3f}" if base else f"{'-':>17}"
        print(f"{name:22} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['accuracy']:6.3f} "
              f"{ratio} {1000 * seconds[name] / max(len(pages), 1):8.1f}")
    print_by_trust(golds, results["dossier"], [trust for _, trust in dossier])


if __name__ == "__main__":
    main()
