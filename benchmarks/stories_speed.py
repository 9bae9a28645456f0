"""Speed and memory of the stories stage: cluster 1k and 10k articles, add 100 to a 10k dossier.

usage: .venv/bin/python benchmarks/stories_speed.py /work/shared/data/ecbplus [--base 300] [--sizes 1000,10000]

Input ("stored per-article products", synthesized from real texts): BASE real ECB+ news documents
are run once through the real analyse stage (sentences, mentions, events, times; not timed here).
Articles are then synthesized from them, round after round:
  - a *new report*: a base article whose proper names get a round-specific suffix (so each round is
    a different event with the same vocabulary), whose resolved dates move 45 days per round, and
    which drops ~15% of its sentences;
  - 15% of articles are instead *rewrites* of an earlier synthetic article (10% of its sentences
    dropped), with a `rewrite` link and sentence alignments, as reuse would give;
  - 5% get a `partial` link (one shared background sentence) to an earlier article.
Goals (issue 6): 10k clustered in <= 60 s on 2 cores; adding 100 in <= 5 s; growth <= n log n.

Peers in the same run: a from-scratch rebuild of 10k+100 (what re-clustering the world costs) and
scikit-learn TF-IDF + average-link agglomerative clustering (all pairs) at 1k and 2k (its distance
matrix grows as n^2: 10k would need ~0.8 GB, so it is not run there).
Timings: wall-clock and process CPU seconds (the machine is shared, so CPU seconds are the fairer
figure; the goals are judged on them). Memory: for the builds, the growth of the process's peak RSS
(runs go up in size, so each sets a new peak); for the add, the tracemalloc peak of the call.
"""

from __future__ import annotations

import argparse
import copy
import math
import os
import random
import re
import resource
import sys
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus_stories import load_documents  # noqa: E402

from dossier.model import Alignment, Article, Link  # noqa: E402
from dossier.stories import build_stories, cluster_articles  # noqa: E402
from dossier.stories.features import article_features, shared_background  # noqa: E402
from dossier.reuse import build_provenance  # noqa: E402

REWRITE_SHARE = 0.15
PARTIAL_SHARE = 0.05
ROUND_DAYS = 45
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def analysed_base(data: Path, n: int) -> list[Article]:
    from dossier.analyse import analyse_article
    from dossier.config import Options
    from dossier.resources import Resources

    docs = load_documents(data, set(range(1, 46)))
    step = max(1, len(docs) // n)
    picked = docs[::step][:n]
    resources = Resources(Options())
    return [analyse_article(Article(id=d["id"], source=d["id"], text=d["text"]), resources) for d in picked]


def _suffix(round_: int) -> str:
    letters = "qxzjvkwy"
    out, k = "", round_ + 1
    while k:
        out, k = letters[k % 8] + out, k // 8
    return out


def _name_pattern(article: Article) -> re.Pattern | None:
    """The words of the article's named entities (people, places, organisations...)."""
    words = {w for m in article.mentions if m.label in NAME_LABELS for w in re.findall(r"[A-Z][\w'-]+", m.text)}
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b") if words else None


def _renamer(article: Article, code: str):
    pattern = _name_pattern(article) if code else None
    return lambda text: pattern.sub(lambda m: m.group(1) + code, text) if text and pattern else text


def _shift(value: str | None, days: int) -> str | None:
    if not value or days == 0 or not value[:4].isdigit():
        return value
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat()
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return (date(int(value[:4]), int(value[5:]), 15) + timedelta(days=days)).strftime("%Y-%m")
        if len(value) == 4:
            return str(int(value) + days // 365)
    except ValueError:
        return value
    return value


def _variant(base: Article, new_id: str, code: str, days: int, keep) -> Article:
    article = copy.deepcopy(base)
    rename = _renamer(base, code)
    article.id, article.source = new_id, new_id
    article.sentences = [s for s in article.sentences if keep(s.index)] or article.sentences[:1]
    for s in article.sentences:
        s.text = rename(s.text)
    kept = {s.index for s in article.sentences}
    article.text = " ".join(s.text for s in article.sentences)
    article.title = rename(article.title)
    article.mentions = [m for m in article.mentions if m.sentence in kept]
    for m in article.mentions:
        m.text, m.entity = rename(m.text), rename(m.entity)
    article.events = [e for e in article.events
                      if any(ev.source.endswith(f"#s{i}") for ev in e.evidence for i in kept)]
    for e in article.events:
        e.id = f"{new_id}-{e.id}"
        e.date = _shift(e.date, days)
        e.summary = rename(e.summary)
        e.place = rename(e.place)
        e.participants = [rename(p) for p in e.participants]
        e.evidence = [type(ev)(ev.source.replace(base.id, new_id, 1), rename(ev.text)) for ev in e.evidence]
    article.page_date = _shift(article.page_date, days)
    return article


def synthesize(base: list[Article], n: int, seed: int = 13, start: int = 0) -> tuple[list[Article], list[Link]]:
    """n synthetic articles (ids from `start`) and their links, deterministic for a seed."""
    rng = random.Random(seed + start)
    articles: list[Article] = []
    links: list[Link] = []
    for i in range(start, start + n):
        new_id = f"syn{i:06d}"
        if articles and rng.random() < REWRITE_SHARE:
            source = rng.choice(articles)
            article = _variant(source, new_id, "", 0, lambda _: rng.random() > 0.10)
            aligned = [Alignment(s.text, s.text, 0.9, s.index, s.index) for s in article.sentences]
            links.append(Link(source.id, new_id, "rewrite", 0.8, "a_to_b", aligned))
        else:
            round_ = i // len(base)
            article = _variant(base[i % len(base)], new_id, _suffix(round_), round_ * ROUND_DAYS,
                               lambda _: rng.random() > 0.15)
        if articles and rng.random() < PARTIAL_SHARE:
            other = rng.choice(articles)
            links.append(Link(other.id, new_id, "partial", 0.3, None,
                              [Alignment("", "", 0.9, other.sentences[0].index, article.sentences[0].index)]))
        articles.append(article)
    return articles, links


def timed(fn, *args):
    """(result, wall seconds); the call's process CPU seconds are left in `timed.cpu`."""
    started, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    timed.cpu = time.process_time() - cpu
    return out, time.perf_counter() - started


def rss_growth_mib(fn, *args):
    """(result, growth of the process's peak RSS in MiB): cheap, meaningful when runs grow in size."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out = fn(*args)
    return out, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024


def peak_mib(fn, *args) -> float:
    tracemalloc.start()
    fn(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def agglomerative(articles: list[Article]) -> None:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([a.text for a in articles])
    AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                            distance_threshold=0.8).fit_predict(vectors.toarray())


def _cpu(fn, *args):
    """(result, CPU seconds) of a call; its wall seconds are left in `timed.wall`."""
    started, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    timed.wall = time.perf_counter() - started
    return out, time.process_time() - cpu


def add_to_index(index, articles: list[Article], links: list[Link]) -> None:
    skip = shared_background(links)
    features = [article_features(a, skip.get(a.id, set())) for a in articles]
    index.add(features, [lineage.articles for lineage in build_provenance(articles, links).lineages])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--base", type=int, default=300, help="real documents analysed to synthesize from")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--no-memory", action="store_true")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]

    base, analyse_s = timed(analysed_base, args.data, args.base)
    print(f"analysed {len(base)} real ECB+ documents in {analyse_s:.1f} s (setup, not timed below); "
          f"{os.cpu_count()} CPU cores", file=sys.stderr)
    biggest = max(sizes)
    everything, all_links = synthesize(base, biggest + 100)
    rows = []
    results = {}
    for n in sizes:
        arts = everything[:n]
        ids = {a.id for a in arts}
        links = [l for l in all_links if l.a in ids and l.b in ids]
        fresh = [copy.deepcopy(a) for a in arts]
        started = time.perf_counter()
        ((stories, events), memory), cpu = _cpu(rss_growth_mib, build_stories, fresh, links)
        seconds = time.perf_counter() - started
        results[n] = cpu
        rows.append((f"Dossier build_stories (cluster + timeline), {n}", seconds, cpu, memory,
                     f"{len(stories)} stories, {len(events)} events"))
        _, cluster_s = timed(cluster_articles, arts, links)
        rows.append((f"  of which story clustering, {n}", cluster_s, timed.cpu, None, ""))

    n = biggest
    arts, new = everything[:n], everything[n:n + 100]
    old_ids = {a.id for a in arts}
    new_ids = {a.id for a in new}
    links_old = [l for l in all_links if l.a in old_ids and l.b in old_ids]
    links_new = [l for l in all_links if l.b in new_ids or l.a in new_ids]
    index = cluster_articles(arts, links_old)
    before = index.article_story()
    _, add_s = timed(add_to_index, index, new, links_new)
    add_cpu = timed.cpu
    unchanged = sum(index.article_story()[a] == s for a, s in before.items())
    memory = None if args.no_memory else peak_mib(add_to_index, cluster_articles(arts, links_old), new, links_new)
    rows.append((f"Dossier StoryIndex.add: 100 articles to {n}", add_s, add_cpu, memory,
                 f"{unchanged}/{len(before)} earlier placements unchanged"))
    _, rebuild_s = timed(build_stories, [copy.deepcopy(a) for a in everything[:n + 100]], all_links)
    rebuild_cpu = timed.cpu
    rows.append((f"peer: rebuild build_stories from scratch, {n + 100}", rebuild_s, rebuild_cpu, None,
                 "re-cluster the world"))

    for m in (1000, 2000):
        if m <= biggest:
            (_, memory), cpu = _cpu(rss_growth_mib, agglomerative, everything[:m])
            rows.append((f"peer: TF-IDF agglomerative (all pairs), {m}", timed.wall, cpu, memory, ""))

    print(f"\n{'run':52} {'wall s':>7} {'CPU s':>7} {'MiB':>7}  note")
    for name, seconds, cpu, memory, note in rows:
        print(f"{name:52} {seconds:7.2f} {cpu:7.2f} {(f'{memory:7.1f}' if memory is not None else '      -')}  {note}")
    if len(sizes) >= 2:
        small, large = min(sizes), max(sizes)
        growth = results[large] / results[small]
        nlogn = (large * math.log(large)) / (small * math.log(small))
        print(f"\ngrowth {small}->{large} (CPU s): time x{growth:.1f}; n log n would be x{nlogn:.1f}; "
              f"linear x{large / small:.0f} (ratio to n log n: {growth / nlogn:.2f})")
    print(f"add 100 vs rebuild (CPU s): {add_cpu:.2f} vs {rebuild_cpu:.2f} (x{rebuild_cpu / max(add_cpu, 1e-9):.0f} less)")
    print(f"goals (CPU s): {biggest} in <= 60 s: {'met' if results[biggest] <= 60 else 'NOT met'}; "
          f"add 100 in <= 5 s: {'met' if add_cpu <= 5 else 'NOT met'}")


if __name__ == "__main__":
    main()
