"""Ingest speed: articles per second and peak memory of Dossier's ingest + clean beside trafilatura.

    .venv/bin/python benchmarks/ingest_speed.py /work/shared/data/article-extraction-benchmark \
        /work/shared/data/trafilatura-eval [--limit N]

Each system runs in its own subprocess (one process, one core) over the same pages, which are read
and decompressed, and one warm-up page run (imports, first-use caches), before the clock starts.
Peak memory is the subprocess's maximum resident set (getrusage ru_maxrss); "RSS before" is the same
measure once pages are loaded and imports done, so "growth" is what the work itself added.

Systems: `dossier` = ingest `read_html` + `clean_document` (trafilatura text, metadata, two htmldate
passes, the line cleaner); `trafilatura` = `trafilatura.extract` with default settings;
`trafilatura+meta` = `extract(with_metadata=True)`, which also finds the date (comparable work).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _datasets import pick_pages  # noqa: E402

SYSTEMS = ("dossier", "trafilatura", "trafilatura+meta")
BASELINE = "trafilatura"


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _work(system: str):
    """The per-page function of a system, with its imports done."""
    if system == "dossier":
        from dossier.clean import clean_document
        from dossier.config import CleanOptions, IngestOptions
        from dossier.ingest.readers import read_html

        ingest, clean = IngestOptions(), CleanOptions()

        def run(raw: bytes) -> bool:
            doc = next(read_html("page.html", raw, ingest))
            return getattr(doc, "html", None) is not None and hasattr(clean_document(doc, clean), "text")
        return run
    import trafilatura

    meta = system == "trafilatura+meta"
    return lambda raw: trafilatura.extract(raw, with_metadata=meta) is not None


def worker(system: str, folders: list[Path], limit: int | None) -> dict:
    run = _work(system)
    pages = [p.raw for folder in folders for p in pick_pages(folder, limit)]
    run(pages[0])  # warm-up outside the clock: lazy imports, first-use caches
    loaded = _maxrss_mb()
    start = time.perf_counter()
    articles = sum(bool(run(raw)) for raw in pages)
    seconds = time.perf_counter() - start
    return {"system": system, "pages": len(pages), "articles": articles, "seconds": seconds,
            "rss_before_mb": loaded, "peak_rss_mb": _maxrss_mb()}


def measure(system: str, folders: list[Path], limit: int | None) -> dict:
    command = [sys.executable, __file__, "--worker", system, *map(str, folders)]
    if limit is not None:
        command += ["--limit", str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="HTML data set folders")
    parser.add_argument("--limit", type=int, help="first N pages of each set (for development)")
    parser.add_argument("--worker", choices=SYSTEMS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.folders, args.limit)))
        return
    rows = {system: measure(system, args.folders, args.limit) for system in SYSTEMS}
    base = rows[BASELINE]["pages"] / rows[BASELINE]["seconds"]
    print(f"{' + '.join(f.name for f in args.folders)}: {rows[BASELINE]['pages']} pages, one process each")
    print(f"{'system':18} {'pages/s':>8} {'ratio':>6} {'with text':>9} {'RSS before':>11} "
          f"{'peak RSS':>9} {'growth':>7}  (MB)")
    for name, r in rows.items():
        rate = r["pages"] / r["seconds"]
        print(f"{name:18} {rate:8.1f} {rate / base:6.2f} {r['articles']:9d} {r['rss_before_mb']:11.0f} "
              f"{r['peak_rss_mb']:9.0f} {r['peak_rss_mb'] - r['rss_before_mb']:7.0f}")


if __name__ == "__main__":
    main()
