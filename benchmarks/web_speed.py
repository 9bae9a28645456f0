"""How fast each web page is on a large dossier, as a ratio to the same page on the 5-article seeds.

    .venv/bin/python benchmarks/web_speed.py /work/shared/data/article-extraction-benchmark \
        /work/shared/data/ecbplus /work/shared/data/polnear /work/shared/data/trafilatura-eval \
        --sizes 1000 10000 --out /tmp/web-speed [--reuse BIG.db ...] [--browser]

Floor: the seeds (examples/seeds) built with the real pipeline (`--floor DB` reuses one). Large
dossiers: the syndication corpus (syndication_data.py: real article bodies, their copies, rewrites
and partial reuses) written to a store as a build would write it, with the corpus products taken
from the generator's known lineages instead of the corpus stages (a real 10,000-article build does
not fit this benchmark's time on 2 cores; `--reuse` times a real build's dossier instead). Per-article
annotations are cheap stand-ins with the real shape: sentences, capitalised names as entity
mentions, quoted speech with the nearest name as speaker, one event per story, a changed-fact flag
per rewritten copy. What is measured is the web's read side, which sees only the stored rows.

Prints, per page, the median wall time and the median CPU time of this process (server and client
threads; steadier than wall time on a shared machine) of `--repeat` in-process requests
(Starlette's TestClient, after one warm-up request) on each dossier and their ratios to the floor; with `--browser`, each page's
height in 390x844 screens and its width in Debian chromium (Playwright), largest dossier only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
QUOTED = re.compile(r"[\"“]([^\"“”]{12,300})[\"”]")
KINDS = {"verbatim": "copy", "abridged": "copy", "reordered": "copy", "chain": "copy", "spun": "rewrite"}


# ------------------------------------------------------------------ dossiers


def entity_id(name: str) -> str:
    return "ent-" + hashlib.sha1(name.encode()).hexdigest()[:12]


def annotate(article) -> None:
    """Sentences, name mentions and quotes: cheap stand-ins with the shapes the analysis stores."""
    from dossier.model import Mention, Quote, Sentence

    from syndication_data import sentences_of

    offset = 0
    for line in article.text.split("\n"):
        for text in sentences_of(line):
            start = article.text.find(text, offset)
            if start < 0:
                continue
            index = len(article.sentences)
            article.sentences.append(Sentence(index, start, start + len(text), text))
            names = [(m.start() + start, m.end() + start, m.group()) for m in NAME.finditer(text)]
            article.mentions += [Mention(text=n, label="PERSON", start=s, end=e, sentence=index, entity=entity_id(n))
                                 for s, e, n in names]
            for match in QUOTED.finditer(text):
                speaker = names[-1][2] if names else None
                article.quotes.append(Quote(id=f"{article.id}-q{len(article.quotes)}", article=article.id,
                                            text=match.group(1), start=start + match.start(1), end=start + match.end(1),
                                            speaker=entity_id(speaker) if speaker else None, speaker_text=speaker,
                                            cue="said", sentence=index))
            offset = start + len(text)


def synthetic_dossier(path: Path, data_dirs: list[Path], n: int, seed: int) -> Path:
    from dossier.model import (Alignment, Corpus, Derivation, Document, Entity, Event, Flag, FlagEvidence, Link,
                               Story)
    from dossier.store import Store

    from syndication_data import generate

    started = time.perf_counter()
    corpus = generate(data_dirs, n_articles=n, seed=seed)
    print(f"  generated {len(corpus.items)} articles in {time.perf_counter() - started:.0f} s", flush=True)
    items = corpus.by_id()
    for item in corpus.items:
        annotate(item.article)
    links, flags, edges = [], [], defaultdict(list)
    for parent, child, transformation in corpus.gold_edges():
        a, b = items[parent].article, items[child].article
        by_text = {s.text: s.index for s in a.sentences}
        pairs = [(by_text[s.text], s.index) for s in b.sentences if s.text in by_text]
        mapped = {new: old for new, old in items[child].sentence_map}
        pairs += [(by_text[mapped[s.text]], s.index) for s in b.sentences if s.text in mapped and mapped[s.text] in by_text]
        alignments = [Alignment(a.sentences[i].text, b.sentences[j].text, 1.0 if a.sentences[i].text == b.sentences[j].text
                                else 0.8, i, j) for i, j in pairs]
        kind = KINDS.get(transformation, "copy")
        edges[parent].append(Derivation(parent, child, kind))
        links.append(Link(a=parent, b=child, kind=kind, score=0.9, direction="a_to_b", alignments=alignments))
        changed = next((al for al in alignments if al.score < 1), None)
        if kind == "rewrite" and changed:
            flags.append(Flag(id=f"flag-{child}", kind="changed_fact", articles=[parent, child],
                              evidence=[FlagEvidence(parent, changed.a_sentence), FlagEvidence(child, changed.b_sentence)],
                              detail="a sentence was reworded in the copy", severity="medium"))
    originals = corpus.originals()
    for host, lineage in corpus.partial_sources().items():
        links.append(Link(a=originals[lineage], b=host, kind="partial", score=0.3))
    stories, events = [], []
    for lineage, members in sorted(corpus.lineages().items()):
        dates = sorted(items[m].article.page_date for m in members if items[m].article.page_date)
        original = items[originals.get(lineage, members[0])].article
        names = Counter(m.entity for m in original.mentions).most_common(3)
        story_id = f"story-{lineage}"
        stories.append(Story(id=story_id, title=original.sentences[0].text[:120] if original.sentences else lineage,
                             articles=members, original=original.id, independent_sources=1,
                             first_reported=dates[0] if dates else None, lineages=[sorted(members)],
                             edges=[e for m in sorted(members) for e in edges[m]]))
        events.append(Event(id=f"ev-{lineage}", type="report", summary=stories[-1].title, date=dates[0] if dates else None,
                            date_precision="day" if dates else None, participants=[e for e, _ in names],
                            articles=members, independent_sources=1, story=story_id, first_reported=original.id))
    events.sort(key=lambda e: (e.date is None, e.date or "", e.id))  # the build's timeline order: by date
    names = {m.entity: m.text for item in corpus.items for m in item.article.mentions}
    entities = [Entity(id=e, name=name, type="PERSON", aliases=[name, name.split()[-1]]) for e, name in sorted(names.items())]
    quotes = [q for item in corpus.items for q in item.article.quotes]
    store = Store(path)
    started = time.perf_counter()
    with store.transaction():
        store.clear()
        for item in corpus.items:
            article = item.article
            store.put_document(Document(id=article.id, source=article.source, kind="text", raw=article.text.encode()))
            store.put_article(article)
        print(f"  stored the articles in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        store.put_corpus(Corpus(links=links, stories=stories, entities=entities, quotes=quotes, events=events, flags=flags))
    print(f"  stored the corpus and its read tables in {time.perf_counter() - started:.0f} s", flush=True)
    store.close()
    return path


def seeds_dossier(path: Path) -> Path:
    from dossier.config import Options
    from dossier.pipeline import build
    from dossier.store import Store

    store = Store(path)
    build(store, [ROOT / "examples" / "seeds"], Options())
    store.close()
    return path


# ------------------------------------------------------------------ timing


def pages(client) -> dict[str, str]:
    """Page name -> path on this dossier (the largest story, the most mentioned entity, ...)."""
    stories = client.get("/index.json?sort=articles&per_page=1").json()["stories"]
    story = stories[0]["id"] if stories else None
    entity = client.get("/entities.json?per_page=1").json()["entities"]
    members = client.get(f"/stories/{quote(story)}.json").json()["articles"] if story else []
    article = members[0]["id"] if members else client.get("/articles.json?per_page=1").json()["articles"][0]["id"]
    name = entity[0]["name"] if entity else "the"
    out = {"home": "/", "timeline": "/timeline", "articles": "/articles", "entities": "/entities", "quotes": "/quotes",
           "flags": "/flags", "article": f"/articles/{article}",
           "search": f"/search?q={quote(name.split()[-1][:4])}", "home.json": "/index.json"}
    if story:
        out["story"] = f"/stories/{quote(story)}"
    if entity:
        out["entity"] = f"/entities/{quote(entity[0]['id'])}"
    if len(members) > 1:
        out["compare"] = f"/compare?ids={members[0]['id']},{members[1]['id']}"
    return out


def time_pages(db: Path, repeat: int) -> tuple[dict[str, tuple[float, float]], dict[str, str]]:
    """Page -> (median wall seconds, median CPU seconds of this process) per request. The CPU time
    (server and client threads together) is what the request costs; the wall time adds whatever
    else the machine runs."""
    from fastapi.testclient import TestClient

    from dossier.web import create_app

    client = TestClient(create_app(db))
    paths = pages(client)
    medians = {}
    for name, path in paths.items():
        assert client.get(path).status_code == 200, path  # warm-up, and a check
        wall, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        medians[name] = (statistics.median(wall), statistics.median(cpu))
    return medians, paths


def browser_sizes(db: Path, paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    """Page -> (height in 390x844 screens, scroll width in px) in Debian chromium."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from test_web_browser import CHROMIUM, CHROMIUM_ARGS, serve

    out = {}
    with serve(db) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for name, path in paths.items():
            if name.endswith(".json"):
                continue
            page.goto(base + path)
            height, width = page.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]")
            out[name] = (height / 844, width)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dirs", nargs="*", type=Path, help="syndication_data.py body folders")
    parser.add_argument("--sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--reuse", nargs="*", type=Path, default=[], help="time these dossiers too (real builds)")
    parser.add_argument("--floor", type=Path, help="the seeds dossier (built with the real pipeline if missing)")
    parser.add_argument("--out", type=Path, default=Path("/tmp/web-speed"), help="where dossiers are kept between runs")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--browser", action="store_true", help="page heights and widths at 390 px (largest dossier)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    floor = args.floor or args.out / "seeds.db"
    if not floor.exists():
        print(f"building the seeds floor {floor} ...", flush=True)
        seeds_dossier(floor)
    dossiers = [("seeds (5)", floor)]
    for n in args.sizes:
        path = args.out / f"synthetic-{n}-seed{args.seed}.db"
        if not path.exists():
            start = time.perf_counter()
            synthetic_dossier(path, args.data_dirs, n, args.seed)
            print(f"wrote {path} in {time.perf_counter() - start:.0f} s", flush=True)
        dossiers.append((f"synthetic {n}", path))
    dossiers += [(f"reused {p.name}", p) for p in args.reuse]
    results = {}
    for label, path in dossiers:
        results[label], paths = time_pages(path, args.repeat)
        from dossier.store import Store
        from dossier.store import queries

        store = Store(path, readonly=True)
        counts = queries.counts(store.db)
        store.close()
        print(f"{label}: {counts['articles']} articles, {counts['stories']} stories, {counts['quotes']} quotes, "
              f"{counts['entities']} entities, {counts['events']} events, {counts['flags']} flags", flush=True)
    names = list(results[dossiers[0][0]])
    for column, title in ((0, "median wall ms per request"), (1, "median CPU ms per request (this process)")):
        header = f"{'page':<10}" + "".join(f"{label:>22}" for label, _ in dossiers)
        print(f"\n{title} (ratio to the seeds)\n" + header)
        for name in names:
            floor_ms = results[dossiers[0][0]][name][column] * 1000
            cells = []
            for label, _ in dossiers:
                ms = results[label][name][column] * 1000 if name in results[label] else None
                cells.append(f"{'—':>22}" if ms is None else f"{ms:>12.1f} ({ms / floor_ms:>5.2f}x)")
            print(f"{name:<10}" + "".join(f"{c:>22}" for c in cells))
        worst = max((results[label][n][column] / results[dossiers[0][0]][n][column], label, n)
                    for label, _ in dossiers[1:] for n in names if n in results[label])
        print(f"largest ratio: {worst[0]:.2f}x ({worst[2]} on {worst[1]})")
    if args.browser:
        label, path = dossiers[-1]
        _, paths = time_pages(path, 1)
        print(f"\n{label} at 390x844 in chromium: page height in screens, width in px")
        sizes = browser_sizes(path, paths)
        for name, (screens, width) in sizes.items():
            print(f"{name:<10} {screens:>6.1f} screens {width:>5d} px")
        tallest = max(sizes, key=lambda n: sizes[n][0])
        print(f"tallest: {tallest} {sizes[tallest][0]:.1f} screens; widest: {max(w for _, w in sizes.values())} px")


if __name__ == "__main__":
    main()
