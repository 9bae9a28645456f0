"""Time expressions on TempEval-3 (TBAQ-cleaned): TIMEX3 relaxed F1 and value F1, beside
dateparser's search_dates alone, in the same run.

usage: .venv/bin/python benchmarks/time_tempeval.py /work/shared/data/tempeval3/Training [--limit N]

Relaxed match = a system expression overlaps a gold TIMEX3 (one-to-one); value F1 = value accuracy
(equal TIMEX3 value among relaxed matches) x relaxed F1, as the TE3 scorer defines it. The rules
were written for news and checked on the TimeBank part; AQUAINT was not looked at while writing
them, so its row is the held-out score. Reference date = the document's DCT. Published anchors are
on the TE3 platinum test set (HeidelTime value F1 77.61, SUTime 67.38), which is not in this folder:
compare with care.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

warnings.filterwarnings("ignore")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dossier.analyse.sentences import split_sentences  # noqa: E402
from dossier.analyse.timex import find_times, normalise_times  # noqa: E402


def read_tml(path: Path) -> tuple[str, date, list[tuple[int, int, str]]]:
    """(plain TEXT, DCT, gold timexes as (start, end, value))."""
    root = ElementTree.parse(path).getroot()
    dct_value = root.find("DCT/TIMEX3").get("value")[:10]
    text_el = root.find("TEXT")
    parts, gold = [], []

    def walk(el):
        if el.text:
            parts.append(el.text)
        for child in el:
            start = sum(map(len, parts))
            walk(child)
            if child.tag == "TIMEX3":
                gold.append((start, sum(map(len, parts)), child.get("value")))
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return "".join(parts), date.fromisoformat(dct_value), gold


def ours(text: str, dct: date) -> list[tuple[int, int, str | None]]:
    sentences = split_sentences(text)
    times = normalise_times(find_times(text, sentences), sentences, dct)
    return [(t.start, t.end, t.value) for t in times]


def dateparser_baseline(text: str, dct: date) -> list[tuple[int, int, str | None]]:
    from datetime import datetime

    from dateparser.search import search_dates

    found = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)}) or []
    out, cursor = [], 0
    for surface, value in found:
        at = text.find(surface, cursor)
        if at < 0:
            at = text.find(surface)
        if at < 0:
            continue
        cursor = at + len(surface)
        out.append((at, at + len(surface), value.date().isoformat()))
    return out


def score(system, gold) -> tuple[int, int, int, int]:
    """(system count, gold count, relaxed matches, value matches)."""
    used = set()
    matches = values = 0
    for s, e, v in system:
        for i, (gs, ge, gv) in enumerate(gold):
            if i not in used and s < ge and gs < e:
                used.add(i)
                matches += 1
                values += int(v is not None and v == gv)
                break
    return len(system), len(gold), matches, values


def report(name: str, totals: tuple[int, int, int, int], seconds: float) -> dict:
    n_sys, n_gold, matches, values = totals
    p = matches / n_sys if n_sys else 0.0
    r = matches / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    accuracy = values / matches if matches else 0.0
    return {"system": name, "P": p, "R": r, "relaxed F1": f1, "value acc": accuracy,
            "value F1": accuracy * f1, "seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="TempEval-3 Training folder (holds TBAQ-cleaned/)")
    parser.add_argument("--limit", type=int, default=0, help="documents per part (0 = all)")
    args = parser.parse_args()
    rows = []
    for part in ("TimeBank", "AQUAINT"):
        files = sorted((args.data / "TBAQ-cleaned" / part).glob("*.tml"))
        files = files[:args.limit] if args.limit else files
        docs = [read_tml(f) for f in files]
        for name, system in (("dossier rules", ours), ("dateparser search_dates", dateparser_baseline)):
            totals = [0, 0, 0, 0]
            started = time.perf_counter()
            for text, dct, gold in docs:
                for i, x in enumerate(score(system(text, dct), gold)):
                    totals[i] += x
            rows.append((part, len(docs), report(name, tuple(totals), time.perf_counter() - started)))
    print(f"{'part':9} {'docs':>4} {'system':25} {'P':>6} {'R':>6} {'relaxF1':>8} {'valAcc':>7} {'valueF1':>8} {'sec':>6}")
    for part, n, r in rows:
        print(f"{part:9} {n:>4} {r['system']:25} {r['P']*100:6.1f} {r['R']*100:6.1f} {r['relaxed F1']*100:8.1f} "
              f"{r['value acc']*100:7.1f} {r['value F1']*100:8.1f} {r['seconds']:6.1f}")
    for part in ("TimeBank", "AQUAINT"):
        a = next(r for p, _, r in rows if p == part and r["system"] == "dossier rules")
        b = next(r for p, _, r in rows if p == part and r["system"] != "dossier rules")
        ratio = a["value F1"] / b["value F1"] if b["value F1"] else float("inf")
        print(f"{part}: value F1 ratio dossier / dateparser = {ratio:.2f}")
    print("anchors (TE3 platinum, not this data): HeidelTime value F1 77.61, SUTime 67.38")


if __name__ == "__main__":
    main()
