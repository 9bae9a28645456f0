"""End-to-end cost of a build at growing corpus sizes, and of adding articles to a built dossier.

    .venv/bin/python benchmarks/build_scale.py /work/shared/data/article-extraction-benchmark \
        /work/shared/data/ecbplus /work/shared/data/polnear /work/shared/data/trafilatura-eval \
        --sizes 1000 10000 --add 100

The corpus is the syndication benchmark's (real article bodies, their copies, rewrites and
partial reuses, with fresh boilerplate; see syndication_data.py), written as JSON Lines and built
with the real pipeline (`dossier.pipeline.build`), each size in its own process so peak memory is
that size's alone. Prints wall time per phase, articles per second, peak RSS, the time to `add`
more articles, and how each phase grows between consecutive sizes (ratio beside n and n log n).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def write_corpus(data_dirs: list[Path], n: int, add: int, seed: int, folder: Path) -> tuple[Path, Path]:
    from syndication_data import generate

    articles = generate(data_dirs, n_articles=n + add, seed=seed).articles()
    base, extra = folder / "base", folder / "extra"
    for sub, chunk in ((base, articles[:n]), (extra, articles[n:n + add])):
        sub.mkdir(parents=True)
        with open(sub / "articles.jsonl", "w", encoding="utf-8") as out:
            for article in chunk:
                record = {"text": article.text, "site": article.site, "date": article.page_date}
                out.write(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n")
    return base, extra


def child(args: argparse.Namespace) -> None:
    """One size, in this process: build, then add; print one JSON line."""
    from dossier.config import EngineOptions, Options
    from dossier.pipeline import build
    from dossier.store import Store

    options = Options(engine=EngineOptions(kind=args.engine, workers=2))
    with tempfile.TemporaryDirectory() as tmp:
        base, extra = write_corpus([Path(d) for d in args.data], args.child, args.add, args.seed, Path(tmp))
        store = Store(Path(tmp) / "scale.db")
        started = time.perf_counter()
        built = build(store, [base], options)
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        added = build(store, [extra], options, incremental=True)
        add_seconds = time.perf_counter() - started
        stats = store.stats()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": args.child, "articles": stats["articles"], "build_s": build_seconds,
                      "phases": built.seconds, "add_s": add_seconds, "add_phases": added.seconds,
                      "links": stats["links"], "stories": stats["stories"], "peak_mb": peak_mb}))


def run_size(args: argparse.Namespace, n: int) -> dict:
    command = [sys.executable, __file__, *args.data, "--child", str(n), "--add", str(args.add),
               "--seed", str(args.seed), "--engine", args.engine]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def report(rows: list[dict], add: int) -> None:
    phases = list(rows[0]["phases"])
    print(f"{'n':>6} {'stored':>6} {'build s':>8} {'art/s':>6} " + " ".join(f"{p:>8}" for p in phases)
          + f" {'add ' + str(add) + ' s':>9} {'peak MB':>8} {'links':>6} {'stories':>7}")
    for r in rows:
        print(f"{r['n']:>6} {r['articles']:>6} {r['build_s']:>8.1f} {r['n'] / r['build_s']:>6.1f} "
              + " ".join(f"{r['phases'][p]:>8.1f}" for p in phases)
              + f" {r['add_s']:>9.1f} {r['peak_mb']:>8.0f} {r['links']:>6} {r['stories']:>7}")
    for small, large in zip(rows, rows[1:]):
        ratio_n = large["n"] / small["n"]
        ratio_nlogn = ratio_n * math.log(large["n"]) / math.log(small["n"])
        growth = ", ".join(f"{p} x{large['phases'][p] / max(small['phases'][p], 1e-9):.1f}" for p in phases)
        print(f"{small['n']} -> {large['n']}: build x{large['build_s'] / small['build_s']:.1f} "
              f"(n x{ratio_n:.0f}, n log n x{ratio_nlogn:.1f}); {growth}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="+", help="data folders holding real article bodies")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--add", type=int, default=100, help="articles added to each built dossier")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--engine", choices=["local", "process"], default="local")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    rows = []
    for n in args.sizes:
        rows.append(run_size(args, n))
        print(f"measured n={n}", file=sys.stderr)
    report(rows, args.add)


if __name__ == "__main__":
    main()
