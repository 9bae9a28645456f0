"""Build and add: ingest -> clean -> (site chrome) -> analyse -> corpus stages -> store, in one
transaction, so a failed or killed build leaves the previous dossier intact."""

from __future__ import annotations

import dataclasses
import functools
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import orjson

from dossier import heap
from dossier.analyse import analyse_article
from dossier.clean import clean_document, remove_site_repeats
from dossier.config import Options
from dossier.corpus import run_corpus_stages
from dossier.engine import open_engine
from dossier.engine.failures import guarded
from dossier.ingest import read_paths
from dossier.kept import Kept
from dossier.model import Article, Corpus, Document, Rejection, from_dict, to_json
from dossier.reuse.fingerprints import model_key
from dossier.resources import Resources
from dossier.store import Store
from dossier.verify.claims import extract_claims

Progress = Callable[[Iterable, str, int | None], Iterable]
# products-table name of the key each stored article row was written under (`store_decided`)
DECIDED_PRODUCT = "decided-article"


def no_progress(items: Iterable, label: str, total: int | None = None) -> Iterable:
    return items


@dataclass
class BuildResult:
    added: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase
    corpus_cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per corpus stage


@contextmanager
def _timed(result: BuildResult, phase: str, observe: Callable[[str], None] | None = None) -> Iterator[None]:
    if observe is not None:
        observe(phase)
    started = time.perf_counter()
    yield
    result.seconds[phase] = result.seconds.get(phase, 0.0) + time.perf_counter() - started


@functools.lru_cache(maxsize=2)
def _worker_resources(options: Options) -> Resources:
    """One Resources per worker process (process and dask engines): models load once, not per article."""
    return Resources(options)


def _clean_one(doc: Document, options: Options) -> Article | Rejection:
    return clean_document(doc, options.clean)


def _analyse_one(article: Article, context: Resources | Options) -> bytes:
    """The analysed article as JSON, the store's form: one bytes object crosses a process boundary
    faster than a pickled tree of small objects, and `_analysed` rebuilds it with shared strings."""
    resources = context if isinstance(context, Resources) else _worker_resources(context)
    article = analyse_article(article, resources)
    article.claims = extract_claims(article)  # per article, so an add extracts only its own
    return to_json(article)


def _analysed(data: bytes) -> Article:
    return from_dict(Article, orjson.loads(data))


def build(store: Store, paths: list[Path], options: Options, *, incremental: bool = False,
          progress: Progress = no_progress, resources: Resources | None = None,
          observe: Callable[[str], None] | None = None) -> BuildResult:
    """Build a dossier from `paths` (replacing what the store held), or add to it (`incremental`).
    `observe(phase)` is called as each phase starts, then with "done" (benchmarks sample there).
    An encoder device or precision that cannot be used is a ValueError before anything is read."""
    model_key(options.reuse)  # the encoder's settings resolve now, not after the analysis
    resources = resources or Resources(options)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    result = BuildResult()
    with store.transaction(), heap.settled():
        if not incremental:
            store.clear()
        everyone, new_ids = _per_article_stages(store, paths, options, incremental, resources, progress,
                                                result, observe)
        heap.trim()  # the documents and cleaned articles just freed
        heap.settle()  # the analysed articles live to the end: no full collection walks them again
        with _timed(result, "corpus", observe):
            corpus = run_corpus_stages(everyone, options, resources, cache=store, cpu=result.corpus_cpu)
        with _timed(result, "store", observe):
            store_decided(store, corpus.articles, corpus, incremental)
            store.record_build("add" if incremental else "build", [str(p) for p in paths],
                               options.to_dict(), started)
        kept = {a.id for a in everyone}
        result.added = sum(i in kept for i in new_ids)
    if observe is not None:
        observe("done")
    return result


def store_decided(store: Store, articles: list[Article], corpus: Corpus, incremental: bool) -> list[str]:
    """The store step: the decided articles written where they changed, then the corpus products
    and read tables (a build rewrote every read row anyway; an add redoes only the rows it changed).
    An article whose stored row was written under the key it is decided by now (`Corpus.decided`,
    kept as DECIDED_PRODUCT) is that row already: it is not serialised to compare (1.1 CPU s at
    2,100 articles). Returns the ids of the articles rewritten. The replay benchmarks time this call."""
    kept = Kept(store, DECIDED_PRODUCT)
    rewritten = []
    for decided in articles:
        key = corpus.decided.get(decided.id)
        if key and kept.get(decided.id, key):
            continue
        if store.put_article(decided):
            rewritten.append(decided.id)
        if key:
            kept.put(decided.id, key, True)
    store.put_corpus(corpus, rewritten if incremental else None)
    return rewritten


def _per_article_stages(store: Store, paths: list[Path], options: Options, incremental: bool,
                        resources: Resources, progress: Progress, result: BuildResult,
                        observe: Callable[[str], None] | None) -> tuple[list[Article], list[str]]:
    """Read, clean and analyse what is new; store each product. Returns (every article, analysed;
    the ids of the new ones). The documents and cleaned articles end here, so the corpus stages
    run without them in memory (their deep size at 500 articles: 5.6 and 4.2 MB)."""
    # The engine (its worker processes and their models) lives only as long as the
    # per-article stages: the corpus stages run here, without their memory.
    with open_engine(options.engine) as engine:
        with _timed(result, "read", observe):
            documents = _read_new_documents(store, paths, options, progress, result)
        with _timed(result, "clean", observe):
            new_articles = _clean_documents(store, documents, options, engine, progress, result)
        del documents
        with _timed(result, "analyse", observe):
            stored = store.analysed_articles() if incremental else []
            heap.settle()
            everyone, analysed = _analyse_articles(stored, new_articles, options, resources, engine, progress,
                                                   store, result)
            for article in everyone:
                if article.id in analysed:  # the others' stored analysis is already this one
                    store.put_analysed(article)
    return everyone, [a.id for a in new_articles]


def _read_new_documents(store: Store, paths: list[Path], options: Options, progress: Progress,
                        result: BuildResult) -> list[Document]:
    """Documents not yet in the store (stored as they are read); rejections are stored too."""
    documents: dict[str, Document] = {}
    for item in progress(read_paths(paths, options.ingest), "reading", None):
        if isinstance(item, Rejection):
            store.put_rejection(item)
            result.rejected.append(item)
        elif item.id in documents or store.has_document(item.id):
            result.unchanged += 1  # same bytes as a stored document (the first name wins)
        else:
            store.put_document(item)
            documents[item.id] = item
    return list(documents.values())


def _clean_documents(store: Store, documents: list[Document], options: Options, engine, progress: Progress,
                     result: BuildResult) -> list[Article]:
    articles = []
    stage = guarded("clean", _clean_one, options.engine.document_seconds)
    for item in progress(engine.map(stage, documents, options), "cleaning", len(documents)):
        if isinstance(item, Rejection):
            store.put_rejection(item)
            result.rejected.append(item)
        else:
            articles.append(item)
    return articles


def _analyse_articles(stored: list[Article], new_articles: list[Article], options: Options,
                      resources: Resources, engine, progress: Progress, store: Store | None = None,
                      result: BuildResult | None = None) -> tuple[list[Article], set[str]]:
    """All articles, analysed: the new ones, and stored ones whose text the site-chrome pass changed;
    and the ids of those analysed by this run. An article whose analysis fails is kept as a
    rejection (stage "analyse") and left out."""
    stripped = remove_site_repeats(stored + new_articles, options.clean)  # new values, by id
    stored = [stripped.get(a.id, a) for a in stored]
    new_articles = [stripped.get(a.id, a) for a in new_articles]
    everyone = stored + new_articles
    to_analyse = new_articles + [a for a in stored if a.id in stripped]
    # Remote workers load their own models once (`_worker_resources`); only options travel.
    context = resources if engine.kind == "local" else options
    stage = guarded("analyse", _analyse_one, options.engine.document_seconds)
    analysed, failed = {}, set()
    for item in progress(engine.map(stage, to_analyse, context), "analysing", len(to_analyse)):
        if isinstance(item, Rejection):
            failed.add(item.id)
            if store is not None:
                store.put_rejection(item)
            if result is not None:
                result.rejected.append(item)
        else:
            article = _analysed(item)
            analysed[article.id] = article
    for article in stored:  # analysed before claims were kept: extracted once, then kept with it
        if article.claims is None and article.id not in analysed and article.id not in failed:
            analysed[article.id] = dataclasses.replace(article, claims=extract_claims(article))
    stored_ids = {a.id for a in stored}  # a stored article that fails again keeps its last analysis
    kept = (analysed.get(a.id, a) for a in everyone if a.id not in failed or a.id in stored_ids)
    return sorted(kept, key=lambda a: (a.source, a.id)), set(analysed)
