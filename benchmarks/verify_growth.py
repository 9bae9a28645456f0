"""Growth of verify's link checks and the store's quote grouping with dossier size, per unit of work.

How many articles are copies, how many links verify checks, and what each check costs.

usage: .venv/bin/python benchmarks/verify_growth.py DB [DB ...]        (dossiers, smallest first)
       .venv/bin/python benchmarks/verify_growth.py --write-corpus N FOLDER DATA_DIR [DATA_DIR ...]
e.g.   for n in 2000 4000; do
         .venv/bin/python benchmarks/verify_growth.py --write-corpus $n /tmp/c$n \
             ../shared/data/{article-extraction-benchmark,ecbplus,polnear,trafilatura-eval}
         .venv/bin/dossier build /tmp/c$n/base --db /tmp/d$n.db
       done
       .venv/bin/python benchmarks/verify_growth.py /tmp/d2000.db /tmp/d4000.db

`--write-corpus` writes the syndication corpus `build_scale.py` builds (seed 0, 100 extra articles
in FOLDER/extra). For each dossier: lineages and copies (articles minus lineages), links, the
links verify checks (`verify.checked.checked_links`), `find_flags` CPU seconds with nothing kept
(no cache) and per checked link, and `readmodel.quote_variants` CPU seconds over the stored quotes.
Then growth exponents between consecutive dossiers: a stage whose cost per checked link is flat
grows like the checked links, which grow like the copies, whatever the articles do.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dossier.model import to_dict  # noqa: E402
from dossier.reuse import build_provenance  # noqa: E402
from dossier.store import Store  # noqa: E402
from dossier.store.readmodel import quote_variants  # noqa: E402
from dossier.verify import find_flags  # noqa: E402
from dossier.verify.checked import checked_links  # noqa: E402


def measure(db: Path) -> dict:
    store = Store(db, readonly=True)
    articles, corpus = store.articles(), store.corpus()
    provenance = build_provenance(articles, corpus.links)  # the stored one lacks ranks
    lineages = len(provenance.lineages)
    checked = checked_links(corpus.links, provenance)
    started = time.process_time()
    flags = find_flags(articles, corpus.links, corpus.events, corpus.entities, corpus.stories, provenance)
    flags_cpu = time.process_time() - started
    by_speaker = defaultdict(list)
    for quote in corpus.quotes:
        by_speaker[quote.speaker or ""].append(to_dict(quote))
    started = time.process_time()
    for said in by_speaker.values():
        quote_variants(said)
    return {"n": len(articles), "lineages": lineages, "copies": len(articles) - lineages,
            "links": len(corpus.links), "checked": len(checked), "quotes": len(corpus.quotes),
            "flags": len(flags), "flags_cpu": flags_cpu, "variants_cpu": time.process_time() - started}


def exponent(small: float, large: float, n_small: float, n_large: float) -> float:
    """k in cost ~ size^k between two sizes."""
    return math.log(max(large, 1e-9) / max(small, 1e-9)) / math.log(n_large / n_small)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dbs", nargs="*", type=Path, help="dossier databases, smallest first")
    parser.add_argument("--write-corpus", nargs="+", metavar=("N FOLDER", "DATA_DIR"),
                        help="write the N-article syndication corpus to FOLDER from DATA_DIRs, then exit")
    args = parser.parse_args()
    if args.write_corpus:
        from build_scale import write_corpus

        n, folder, *data = args.write_corpus
        if not data:
            parser.error("--write-corpus needs N FOLDER DATA_DIR [DATA_DIR ...]")
        base, extra, _ = write_corpus([Path(d) for d in data], int(n), 100, 0, Path(folder))
        print(f"wrote {base} and {extra}")
        return
    if not args.dbs:
        parser.error("give dossier databases (or --write-corpus)")
    rows = [measure(db) for db in args.dbs]
    print(f"{'articles':>8} {'lineages':>8} {'copies':>13} {'links':>7} {'checked':>7} {'quotes':>7} "
          f"{'flags':>6} {'flags CPU s':>11} {'ms/checked':>10} {'variants CPU s':>14}")
    for r in rows:
        print(f"{r['n']:8,} {r['lineages']:8,} {r['copies']:7,} ({r['copies'] / r['n']:3.0%}) {r['links']:7,} "
              f"{r['checked']:7,} {r['quotes']:7,} {r['flags']:6,} {r['flags_cpu']:11.2f} "
              f"{1000 * r['flags_cpu'] / max(r['checked'], 1):10.2f} {r['variants_cpu']:14.2f}")
    for a, b in zip(rows, rows[1:]):
        grow = {k: exponent(a[k], b[k], a["n"], b["n"]) for k in ("copies", "checked", "flags_cpu", "variants_cpu")}
        print(f"{a['n']:,} -> {b['n']:,} articles, growth exponents in n: "
              + ", ".join(f"{k} {v:.2f}" for k, v in grow.items())
              + f"; find_flags CPU per checked link x{(b['flags_cpu'] / b['checked']) / (a['flags_cpu'] / a['checked']):.2f}")


if __name__ == "__main__":
    main()
