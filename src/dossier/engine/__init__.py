"""How per-article stages run: in this process, on a process pool, or on a Dask cluster.

A stage is a pure function `f(item, context) -> result`; engines only decide where it runs. The
algorithm is never written twice for two engines (text-dedup's lesson: its Spark copy of the
helpers drifted and was deleted).

    with open_engine(options.engine) as engine:
        results = list(engine.map(func, items, context))   # input order, whatever the engine

- `local`: a plain loop in this process.
- `process`: `concurrent.futures.ProcessPoolExecutor` with `workers` processes.
- `dask`: `dask.distributed`; a `LocalCluster` of `workers` single-threaded worker processes
  when `scheduler` is None, else the scheduler at that address (`tcp://host:8786`). Items travel
  in partitions of `partition_size` (one task each), the context is scattered to every worker once.

Models load once per worker process: stages that need them take the options as context and keep
one `Resources` per process (see `pipeline._worker_resources`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

from dossier.config import EngineOptions

T = TypeVar("T")
R = TypeVar("R")

KINDS = ("local", "process", "dask")


def usable_cores() -> int:
    """CPU cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_kind() -> str:
    """The CLI's engine when none is named: a process pool when there is more than one core."""
    return "process" if usable_cores() > 1 else "local"


def _apply_all(func: Callable[[T, Any], R], batch: list[T], context: Any) -> list[R]:
    """One partition: `func` over each item (module level so every engine can pickle it)."""
    return [func(item, context) for item in batch]


class LocalEngine:
    kind = "local"

    def map(self, func: Callable[[T, Any], R], items: Iterable[T], context: Any) -> Iterator[R]:
        for item in items:
            yield func(item, context)


class ProcessEngine:
    """A process pool, started on first use and kept for every stage of one build (so each worker
    loads its models once per build, not once per stage)."""

    kind = "process"

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    def map(self, func: Callable[[T, Any], R], items: Iterable[T], context: Any) -> Iterator[R]:
        items = list(items)
        if self.workers < 2 or len(items) < 2:
            yield from LocalEngine().map(func, items, context)
            return
        if self.pool is None:
            self.pool = ProcessPoolExecutor(max_workers=self.workers)
        yield from self.pool.map(func, items, [context] * len(items), chunksize=8)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None


class DaskEngine:
    """Per-article stages mapped over partitions on a `dask.distributed` cluster."""

    kind = "dask"

    def __init__(self, client, partition_size: int) -> None:
        self.client = client
        self.partition_size = partition_size

    def map(self, func: Callable[[T, Any], R], items: Iterable[T], context: Any) -> Iterator[R]:
        items = list(items)
        if not items:
            return
        shared = self.client.scatter(context, broadcast=True, hash=False)
        size = self.partition_size
        futures = [self.client.submit(_apply_all, func, items[i:i + size], shared, pure=False)
                   for i in range(0, len(items), size)]
        try:
            for future in futures:  # in input order; later partitions keep running meanwhile
                yield from future.result()
        finally:
            self.client.cancel(futures)


@contextmanager
def open_engine(options: EngineOptions) -> Iterator[LocalEngine | ProcessEngine | DaskEngine]:
    """The engine `options` name, started for the duration (a LocalCluster is shut down after)."""
    if options.kind == "local":
        yield LocalEngine()
    elif options.kind == "process":
        engine = ProcessEngine(options.workers)
        try:
            yield engine
        finally:
            engine.close()
    elif options.kind == "dask":
        with _dask_client(options) as client:
            yield DaskEngine(client, options.partition_size)
    else:
        raise ValueError(f"unknown engine {options.kind!r}; use one of {', '.join(KINDS)}")


@contextmanager
def _dask_client(options: EngineOptions):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:  # an optional extra on some installs
        raise ValueError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from err
    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    # One thread per worker process: spaCy and torch are not shared across threads, and the GIL
    # would serialise the pure-Python parts anyway. No dashboard: nothing listens beyond loopback.
    with LocalCluster(n_workers=max(1, options.workers), threads_per_worker=1, processes=True,
                      dashboard_address=None, host="127.0.0.1") as cluster, Client(cluster) as client:
        yield client


def map_stage(func: Callable[[T, Any], R], items: Iterable[T], context: Any,
              options: EngineOptions) -> Iterator[R]:
    """Results of `func(item, context)` in input order, on a engine opened for this call only."""
    with open_engine(options) as engine:
        yield from engine.map(func, items, context)
