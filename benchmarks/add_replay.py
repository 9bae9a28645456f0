"""The part of every `dossier add` that grows with the dossier, timed: the corpus stages and the
store step rerun over a dossier's stored analyses with its kept products, adding nothing.

    python benchmarks/add_replay.py DOSSIER.db WORK_DIR [--repeat N] [--profile OUT.prof] [--code-digest HEX]
                                    [--add ARTICLES]

DOSSIER.db is not written: the replay copies it into WORK_DIR and, in one transaction as
`pipeline.build` does, loads the stored analysed articles, runs `run_corpus_stages` with the store
as product cache, and writes the decided articles and corpus back. It prints CPU seconds (this
process) for the load, each corpus stage and the store step. With the kept products current, this
is what an add of N articles costs beyond analysing, encoding, comparing and checking its own N.

Kept anchoring, translation anchors, flags and the keys the stored articles were written under
(`pipeline.store_decided`) hold `config.code_digest()` (every source file), so a dossier built by
other code recomputes them all. To compare two versions of the code on one dossier,
pass the digest the dossier was built with (`--code-digest`; the first replay prints the
digest it ran under): kept products are then served as if made by this code, which is right only
where the two versions decide them alike (check the exports).

`--add ARTICLES` times a whole add instead: `pipeline.build(..., incremental=True)` of that file or
folder onto the copy, on the process engine with 2 workers (as `build_scale.py` adds), printing
its wall time, the parent's CPU, each phase's wall time and each corpus stage's CPU. With
`--code-digest` it compares two versions of the code on one dossier's add without rebuilding it.

Dossiers for this: `build_scale.write_corpus(data, 4000, 300, seed=0)` built with `dossier build`
and one `dossier add` of 100 of the extra articles (its kept products then hold the add's state).
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--code-digest", help="serve kept products made by the code with this digest")
    parser.add_argument("--add", type=Path, help="time a real add of these articles (file or folder)")
    args = parser.parse_args()

    from dossier import config
    if args.code_digest:
        _pretend_code_digest(args.code_digest)
    from dossier import heap
    from dossier.config import Options
    from dossier.corpus import run_corpus_stages
    from dossier.pipeline import store_decided
    from dossier.resources import Resources
    from dossier.store import Store

    if args.add:
        return _timed_adds(args)
    options = Options()
    resources = Resources(options)
    resources.encoder()  # loaded before the clock: an add loads it only when it has sentences to encode
    args.work.mkdir(parents=True, exist_ok=True)
    for _ in range(args.repeat):
        copy = args.work / "replay.db"
        shutil.copyfile(args.db, copy)
        store = Store(copy)
        profile = cProfile.Profile() if args.profile else None
        if profile:
            profile.enable()
        started = time.process_time()
        cpu: dict[str, float] = {}
        with store.transaction(), heap.settled():
            articles = store.analysed_articles()
            load = time.process_time() - started
            heap.settle()
            corpus = run_corpus_stages(articles, options, resources, cache=store, cpu=cpu)
            stored = time.process_time()
            rewritten = store_decided(store, corpus.articles, corpus, incremental=True)
            store_cpu = time.process_time() - stored
        if profile:
            profile.disable()
            profile.dump_stats(args.profile)
        store.close()
        print(f"load {load:.2f}  " + "  ".join(f"{stage} {seconds:.2f}" for stage, seconds in cpu.items())
              + f"  | corpus {sum(cpu.values()):.2f}  store {store_cpu:.2f}  articles rewritten {len(rewritten)}"
              + f"  (CPU s; code digest {config.code_digest()})")


def _timed_adds(args: argparse.Namespace) -> None:
    """`args.repeat` adds of `args.add` onto fresh copies of `args.db`, each printed."""
    import dataclasses

    from dossier.config import EngineOptions, Options
    from dossier.pipeline import build
    from dossier.store import Store

    options = dataclasses.replace(Options(), engine=EngineOptions(kind="process", workers=2))
    args.work.mkdir(parents=True, exist_ok=True)
    for _ in range(args.repeat):
        copy = args.work / "add.db"
        shutil.copyfile(args.db, copy)
        store = Store(copy)
        wall, cpu = time.perf_counter(), time.process_time()
        result = build(store, [args.add], options, incremental=True)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        store.close()
        print(f"add of {result.added}: wall {wall:.1f} s, parent CPU {cpu:.1f} s | phases (wall s) "
              + " ".join(f"{phase} {seconds:.1f}" for phase, seconds in result.seconds.items())
              + " | corpus stages (CPU s) " + " ".join(f"{stage} {seconds:.2f}"
                                                        for stage, seconds in result.corpus_cpu.items()))


def _pretend_code_digest(digest: str) -> None:
    """Every module that keys kept products by the code digest reads this one instead."""
    from dossier import config
    from dossier.analyse import anchoring
    from dossier.verify import kept, linkchecks

    for module in (config, anchoring, kept, linkchecks):  # reuse/translation reads `config.code_digest`
        module.code_digest = lambda: digest


if __name__ == "__main__":
    main()
