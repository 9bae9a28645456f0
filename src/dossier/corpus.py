"""Corpus stages, in order. Each works from the per-article products of all articles and returns
its own product; none edits an `Article`. The build applies each product to new article values
before the next stage reads them:

    resolve entities -> find links -> provenance (once) -> anchor times -> stories -> flags

so the stored per-article products are the same inputs on every run (`dossier add` needs no undo).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager

from dossier import analyse, heap, reuse, stories, verify
from dossier.analyse.anchoring import Anchoring
from dossier.config import Options
from dossier.model import Article, Corpus
from dossier.resources import Resources


def run_corpus_stages(articles: list[Article], options: Options, resources: Resources,
                      cache: reuse.ProductCache | None = None, cpu: dict[str, float] | None = None) -> Corpus:
    """`articles`: the analysed per-article products (left as they are). `cache` keeps products
    between builds (sentence vectors, compared pairs, anchored times, link flags); the Store is
    one. `cpu`, when given, receives the CPU seconds of each stage (this process: corpus stages
    run here), for benchmarks. Returns every
    corpus product, with `Corpus.articles` the articles as the build decided them (entities,
    anchored times, story event dates and page-date verdicts applied)."""
    clock = _StageClock(cpu if cpu is not None else {})
    with clock("entities"):
        resolution = analyse.resolve_entities(articles, options.analyse)
        articles = [resolution.apply(a) for a in articles]
    with clock("links"):
        links = reuse.find_links(articles, options.reuse, resources, cache)
    with clock("provenance"):
        provenance = reuse.build_provenance(articles, links)
    with clock("anchoring"):
        anchoring = analyse.anchor_times(articles, provenance, cache)
        articles = [anchoring.apply(a) for a in articles]
    with clock("stories"):
        story_list, events = stories.build_stories(articles, links, resolution.entities, provenance,
                                                   anchoring.established, options.stories)
        event_dates = stories.story_event_dates(articles, story_list, events)
        articles = [dataclasses.replace(a, event_date=event_dates[a.id]) if a.id in event_dates else a
                    for a in articles]
    with clock("flags"):
        flags = verify.find_flags(articles, links, events, resolution.entities, story_list, provenance,
                                  options.verify, cache)
        verdicts = verify.page_date_verdicts(articles, flags)
        articles = [verdicts[a.id].apply(a) if a.id in verdicts else a for a in articles]
    quotes = [q for a in articles for q in a.quotes]
    return Corpus(links=links, stories=story_list, entities=resolution.entities, quotes=quotes,
                  events=events, flags=flags, provenance=provenance, articles=articles,
                  decided=decided_keys(anchoring, event_dates, verdicts))


def decided_keys(anchoring: Anchoring, event_dates: dict[str, str | None],
                 verdicts: dict[str, verify.PageDateVerdict]) -> dict[str, str]:
    """article id -> digest of all that decides the article as the build stores it: its anchoring
    key (the whole article after entity resolution, its reference date, the code), then the story
    event date and the page-date verdict set on it. Only where anchoring kept its times (a cache)."""
    out = {}
    for article_id, key in anchoring.keys.items():
        later = (article_id in event_dates, event_dates.get(article_id), verdicts.get(article_id))
        out[article_id] = hashlib.sha256(f"{key}|{later!r}".encode()).hexdigest()[:20]
    return out


class _StageClock:
    """`with clock(name):` adds the block's CPU seconds (this process) to `seconds[name]`, then
    gives the memory the stage freed back to the OS (`heap.trim`), so the next stage's peak does
    not sit on this one's, and settles what it made (`heap.settle`: no later stage's full
    collections walk it)."""

    def __init__(self, seconds: dict[str, float]) -> None:
        self.seconds = seconds

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.process_time()
        try:
            yield
        finally:
            heap.trim()
            heap.settle()
            self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - started
