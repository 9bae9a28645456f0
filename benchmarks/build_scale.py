"""End-to-end cost of a build at growing corpus sizes, per engine, against spaCy NER alone.

    .venv/bin/python benchmarks/build_scale.py /work/shared/data/article-extraction-benchmark \
        /work/shared/data/ecbplus /work/shared/data/polnear /work/shared/data/trafilatura-eval \
        --sizes 1000 10000 --add 100 --engines local process dask

The corpus is the syndication benchmark's (real article bodies, their copies, rewrites and
partial reuses, with fresh boilerplate; see syndication_data.py), written as JSON Lines and built
with the real pipeline (`dossier.pipeline.build`). Each (size, engine) runs in its own process, so
peak memory is that run's alone. Per run it prints wall and CPU seconds per phase (CPU of the
whole process tree: engine workers included), articles per second, peak RSS and PSS per phase (the
process tree's sums, sampled at 10 Hz; RSS counts the pages forked workers share with the parent
once per process, PSS splits them), the time to `add` more articles, and the floor: spaCy's
pipeline with only tok2vec+ner (batch 64, one process) over the same texts, in the same process
right after the build, as the ratio build wall / NER wall. Between consecutive sizes (and from
the smallest to the largest, given three or more) it prints each phase's growth exponent k in
cost ~ n^k (1 = linear), for wall and for CPU seconds. `--save ROWS.jsonl` keeps each measured row
as it comes (a long run that fails late keeps the sizes it finished); `--from ROWS.jsonl` prints
the report of saved rows again.

The machine's load average is printed at the start and end: on shared cores absolute times are
noisy, ratios measured in the same run much less so.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

PHASES = ("read", "clean", "analyse", "corpus", "store")
NER_BATCH = 64


def write_corpus(data_dirs: list[Path], n: int, add: int, seed: int, folder: Path) -> tuple[Path, Path, list[str]]:
    from syndication_data import generate

    articles = generate(data_dirs, n_articles=n + add, seed=seed).articles()
    base, extra = folder / "base", folder / "extra"
    for sub, chunk in ((base, articles[:n]), (extra, articles[n:n + add])):
        sub.mkdir(parents=True)
        with open(sub / "articles.jsonl", "w", encoding="utf-8") as out:
            for article in chunk:
                record = {"text": article.text, "site": article.site, "date": article.page_date}
                out.write(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n")
    return base, extra, [a.text for a in articles[:n]]


class TreeMonitor:
    """CPU seconds and peak RSS of this process and all its descendants, per phase.

    A sampler thread reads every process of the tree at 10 Hz; CPU is summed over every process
    ever seen at its last reading (so workers that exit keep what they used), RSS is the tree's
    sum at each sample, its maximum kept per phase."""

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.cpu_seen: dict[int, float] = {}
        self.phase = "start"
        self.marks: dict[str, float] = {}
        self.peak: dict[str, float] = {}  # phase -> MB, RSS summed over the tree
        self.peak_pss: dict[str, float] = {}  # phase -> MB, PSS summed over the tree
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _sample(self) -> float:
        rss = pss = 0.0
        for proc in [self.me, *self.me.children(recursive=True)]:
            try:
                with proc.oneshot():
                    times = proc.cpu_times()
                    self.cpu_seen[proc.pid] = times.user + times.system
                    memory = proc.memory_full_info()
                    rss += memory.rss
                    pss += getattr(memory, "pss", memory.rss)  # PSS: Linux only
            except psutil.Error:
                continue  # ended between listing and reading
        with self.lock:
            self.peak[self.phase] = max(self.peak.get(self.phase, 0.0), rss / 2**20)
            self.peak_pss[self.phase] = max(self.peak_pss.get(self.phase, 0.0), pss / 2**20)
        return rss

    def _run(self) -> None:
        while not self.stopped.wait(0.1):
            self._sample()

    def observe(self, phase: str) -> None:
        """Called by `build` as each phase starts: closes the last one."""
        self._sample()
        with self.lock:
            self.marks[phase] = sum(self.cpu_seen.values())
            self.phase = phase

    def cpu_by_phase(self, phases: list[str]) -> dict[str, float]:
        return {p: self.marks[after] - self.marks[p] for p, after in zip(phases, [*phases[1:], "done"])
                if p in self.marks and after in self.marks}

    def close(self) -> None:
        self.stopped.set()
        self.thread.join()


class CollectorClock:
    """Wall seconds this process spends in CPython's cyclic garbage collector, per phase (the
    parent runs the corpus stages and the store, so their collections are all here); `observe`
    follows the phases like `TreeMonitor.observe`."""

    def __init__(self) -> None:
        self.phase, self.started = "start", 0.0
        self.seconds: dict[str, float] = {}
        gc.callbacks.append(self._callback)

    def _callback(self, stage: str, info: dict) -> None:
        if stage == "start":
            self.started = time.perf_counter()
        else:
            self.seconds[self.phase] = self.seconds.get(self.phase, 0.0) + time.perf_counter() - self.started

    def observe(self, phase: str) -> None:
        self.phase = phase

    def close(self) -> None:
        gc.callbacks.remove(self._callback)


def ner_floor(texts: list[str], model: str) -> tuple[float, float]:
    """(wall s, CPU s) of spaCy tok2vec+ner over `texts`, batch NER_BATCH, this process only."""
    import spacy

    nlp = spacy.load(model)
    keep = {"tok2vec", "ner"}
    for name in [n for n in nlp.pipe_names if n not in keep]:
        nlp.disable_pipe(name)
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=NER_BATCH):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def child(args: argparse.Namespace) -> None:
    """One size on one engine, in this process: build, then add, then the NER floor; one JSON line."""
    from dossier.config import EngineOptions, Options
    from dossier.pipeline import build
    from dossier.store import Store

    options = Options(engine=EngineOptions(kind=args.engine, workers=args.workers))
    with tempfile.TemporaryDirectory() as tmp:
        base, extra, texts = write_corpus([Path(d) for d in args.data], args.child, args.add, args.seed, Path(tmp))
        store = Store(Path(tmp) / "scale.db")
        monitor, collector = TreeMonitor(), CollectorClock()

        def observe(phase: str) -> None:
            monitor.observe(phase)
            collector.observe(phase)

        started = time.perf_counter()
        built = build(store, [base], options, observe=observe)
        build_seconds = time.perf_counter() - started
        cpu, peak, peak_pss = monitor.cpu_by_phase(list(PHASES)), dict(monitor.peak), dict(monitor.peak_pss)
        monitor.close()
        build_gc, collector.seconds = collector.seconds, {}
        started = time.perf_counter()
        added = build(store, [extra], options, incremental=True, observe=collector.observe)
        add_seconds = time.perf_counter() - started
        collector.close()
        stats = store.stats()
    ner_wall, ner_cpu = ner_floor(texts, options.analyse.spacy_model)
    print(json.dumps({"n": args.child, "engine": args.engine, "articles": stats["articles"],
                      "build_s": build_seconds, "phases": built.seconds, "cpu": cpu,
                      "peak_mb": {p: peak.get(p, 0.0) for p in PHASES},
                      "peak_pss_mb": {p: peak_pss.get(p, 0.0) for p in PHASES}, "add_s": add_seconds,
                      "add_phases": added.seconds, "corpus_cpu": built.corpus_cpu,
                      "add_corpus_cpu": added.corpus_cpu, "gc_s": build_gc, "add_gc_s": collector.seconds,
                      "links": stats["links"], "stories": stats["stories"],
                      "ner_s": ner_wall, "ner_cpu": ner_cpu}))


def run_one(args: argparse.Namespace, n: int, engine: str) -> dict:
    command = [sys.executable, __file__, *args.data, "--child", str(n), "--add", str(args.add),
               "--seed", str(args.seed), "--engines", engine, "--workers", str(args.workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"n={n} engine={engine} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def exponent(small: float, large: float, n_small: int, n_large: int) -> float:
    """k in cost ~ n^k between two sizes (1.0 = linear)."""
    return math.log(max(large, 1e-9) / max(small, 1e-9)) / math.log(n_large / n_small)


def _size_pairs(rows: list[dict]) -> list[tuple[dict, dict]]:
    """Each size with the next, and the smallest with the largest when there are more than two
    (the growth over the whole range, as the scale issues state their goals)."""
    pairs = list(zip(rows, rows[1:]))
    return pairs + [(rows[0], rows[-1])] if len(rows) > 2 else pairs


def report(rows: list[dict], add: int) -> None:
    print(f"{'engine':>7} {'n':>6} {'stored':>6} {'wall s':>7} {'CPU s':>7} {'art/s':>6} {'x NER':>6} "
          + " ".join(f"{p + ' s':>11}" for p in PHASES) + f" {'add ' + str(add) + ' s':>9} {'links':>6}")
    for r in rows:
        total_cpu = sum(r["cpu"].values())
        print(f"{r['engine']:>7} {r['n']:>6} {r['articles']:>6} {r['build_s']:>7.1f} {total_cpu:>7.1f} "
              f"{r['n'] / r['build_s']:>6.1f} {r['build_s'] / r['ner_s']:>6.2f} "
              + " ".join(f"{r['phases'].get(p, 0):>5.1f}/{r['cpu'].get(p, 0):>5.1f}" for p in PHASES)
              + f" {r['add_s']:>9.1f} {r['links']:>6}")
    print("(phase columns: wall/CPU seconds; x NER: build wall / spaCy tok2vec+ner wall on one process, "
          "same texts, same run)")
    print(f"\n{'engine':>7} {'n':>6} {'NER s':>7} {'NER art/s':>9} " + " ".join(f"{p + ' MB':>10}" for p in PHASES))
    for r in rows:
        print(f"{r['engine']:>7} {r['n']:>6} {r['ner_s']:>7.1f} {r['n'] / r['ner_s']:>9.1f} "
              + " ".join(f"{r['peak_mb'][p]:>10.0f}" for p in PHASES))
    print("(peak RSS of the process tree per phase, MB: each process's RSS summed, so pages the forked "
          "workers share with the parent count once per process)")
    print(f"\n{'engine':>7} {'n':>6} " + " ".join(f"{p + ' MB':>10}" for p in PHASES))
    for r in rows:
        print(f"{r['engine']:>7} {r['n']:>6} " + " ".join(f"{r['peak_pss_mb'][p]:>10.0f}" for p in PHASES))
    print("(peak PSS of the process tree per phase, MB: a shared page counts once, split among its "
          "processes; the tree's real footprint)\n")
    for engine in dict.fromkeys(r["engine"] for r in rows):
        mine = [r for r in rows if r["engine"] == engine]
        for small, large in _size_pairs(mine):
            wall = {p: exponent(small["phases"].get(p, 0), large["phases"].get(p, 0), small["n"], large["n"])
                    for p in PHASES}
            cpu = {p: exponent(small["cpu"].get(p, 0), large["cpu"].get(p, 0), small["n"], large["n"])
                   for p in PHASES}
            total = exponent(small["build_s"], large["build_s"], small["n"], large["n"])
            total_cpu = exponent(sum(small["cpu"].values()), sum(large["cpu"].values()), small["n"], large["n"])
            print(f"{engine} {small['n']} -> {large['n']}: growth exponent wall {total:.2f}, CPU {total_cpu:.2f}; "
                  + ", ".join(f"{p} {wall[p]:.2f}/{cpu[p]:.2f}" for p in PHASES if p != "read"))
    stages = list(dict.fromkeys(stage for r in rows for stage in r["corpus_cpu"]))
    print(f"\n{'engine':>7} {'n':>6} " + " ".join(f"{s:>10}" for s in stages) + "   (corpus stages, CPU s; "
          f"then the same stages in the add of {add})")
    for r in rows:
        print(f"{r['engine']:>7} {r['n']:>6} " + " ".join(f"{r['corpus_cpu'].get(s, 0):>10.1f}" for s in stages)
              + "   " + " ".join(f"{r['add_corpus_cpu'].get(s, 0):.1f}" for s in stages))
    for engine in dict.fromkeys(r["engine"] for r in rows):
        mine = [r for r in rows if r["engine"] == engine]
        for small, large in _size_pairs(mine):
            print(f"{engine} {small['n']} -> {large['n']}: corpus stage growth exponents (CPU) "
                  + ", ".join(f"{s} {exponent(small['corpus_cpu'].get(s, 0), large['corpus_cpu'].get(s, 0), small['n'], large['n']):.2f}"
                              for s in stages))
    print(f"\n{'engine':>7} {'n':>6} " + " ".join(f"{p + ' GC s':>12}" for p in PHASES)
          + f" {'add GC s':>9}   (the parent's time in the cyclic garbage collector)")
    for r in rows:
        print(f"{r['engine']:>7} {r['n']:>6} " + " ".join(f"{r['gc_s'].get(p, 0):>12.2f}" for p in PHASES)
              + f" {sum(r['add_gc_s'].values()):>9.2f}")
    by_size: dict[int, dict[str, dict]] = {}
    for r in rows:
        by_size.setdefault(r["n"], {})[r["engine"]] = r
    for n, engines in by_size.items():
        if "local" in engines:
            for engine, r in engines.items():
                if engine != "local":
                    print(f"n={n}: {engine} over local: build x{engines['local']['build_s'] / r['build_s']:.2f}, "
                          f"analyse x{engines['local']['phases']['analyse'] / r['phases']['analyse']:.2f} "
                          "(wall-time speed-up)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="+", help="data folders holding real article bodies")
    parser.add_argument("--sizes", nargs="+", type=int, default=[1000, 10000])
    parser.add_argument("--add", type=int, default=100, help="articles added to each built dossier")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--engines", nargs="+", choices=["local", "process", "dask"], default=["process"])
    parser.add_argument("--workers", type=int, default=2, help="processes of the process and dask engines")
    parser.add_argument("--save", type=Path, help="append each measured row to this JSON Lines file as it comes")
    parser.add_argument("--from", dest="saved", type=Path,
                        help="print the report of rows saved by --save (nothing is measured)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        args.engine = args.engines[0]
        child(args)
        return
    if args.saved:
        report([json.loads(line) for line in args.saved.read_text().splitlines() if line.strip()], args.add)
        return
    print(f"load average at start: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    rows = []
    for n in args.sizes:
        for engine in args.engines:
            rows.append(run_one(args, n, engine))
            print(f"measured n={n} engine={engine}", file=sys.stderr)
            if args.save:
                with open(args.save, "a", encoding="utf-8") as out:
                    out.write(json.dumps(rows[-1]) + "\n")
    print(f"load average at end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    report(rows, args.add)


if __name__ == "__main__":
    main()
