"""How per-article stages run: in this process, or on a process pool.

A stage is a pure function `f(item, options) -> result`; engines only decide where it runs. The
algorithm is never written twice for two engines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

from dossier.config import EngineOptions

T = TypeVar("T")
R = TypeVar("R")


def map_stage(func: Callable[[T, Any], R], items: Iterable[T], context: Any,
              options: EngineOptions) -> Iterator[R]:
    """Results of `func(item, context)` in input order."""
    items = list(items)
    if options.kind == "process" and options.workers > 1 and len(items) > 1:
        with ProcessPoolExecutor(max_workers=options.workers) as pool:
            yield from pool.map(func, items, [context] * len(items), chunksize=8)
    elif options.kind in ("local", "process"):
        for item in items:
            yield func(item, context)
    else:
        raise ValueError(f"unknown engine {options.kind!r}; use 'local' or 'process'")
