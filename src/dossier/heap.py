"""A build's memory: freed pages back to the operating system between stages, and the cyclic
garbage collector kept off the long-lived objects a build holds.

CPython and PyTorch free through the C library's malloc, and glibc keeps freed heap pages for
reuse instead of unmapping them: after the reuse stage (its encoder activations, sentence vectors
and pair work) a 1,000-article build's process stayed at 1,037 MB RSS through every later stage
although most of that was free. `malloc_trim(3)` returns those pages (measured: 694 MB after it).

CPython's cyclic GC walks every tracked object at each full collection. A build holds millions
(the analysed articles' sentences, mentions and events) that live to its end and form no cycles:
an add of 100 to a 4k dossier spent 16 of its 126 corpus-stage seconds in 9 full collections, and
loading the 4k stored articles 40% of its CPU in the collector (`gc.callbacks` timing). `settle`
moves what is alive into the permanent generation (`gc.freeze`, as CPython's docs advise for
long-lived data), so later collections walk only what the stages allocate.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@functools.cache
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def trim() -> bool:
    """Return the free pages of the C heap to the OS; False, doing nothing, where the C library
    has no `malloc_trim` (it is glibc's: macOS and musl have none)."""
    libc = _libc()
    if libc is None or not hasattr(libc, "malloc_trim"):
        return False
    libc.malloc_trim(0)
    return True

# Allocations between collections of the youngest generation inside a build (CPython's default is
# 700): an add of 100 to 4k made 9,945 such passes in its corpus stages (4.3 s with the next ones).
YOUNG_THRESHOLD = 10_000


@contextmanager
def settled() -> Iterator[None]:
    """The block in which `settle` may be called; everything settled in it is collectable again
    after it (`gc.unfreeze`), so a long-running process (the web app, tests) keeps no garbage.
    Inside it the youngest generation is collected every `YOUNG_THRESHOLD` allocations, not 700:
    a build allocates millions of objects that survive, and each pass over the young ones costs."""
    thresholds = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def settle() -> None:
    """Leave every object alive now out of full collections until the enclosing `settled` block
    ends. Refcounting still frees them when dropped; only cycles among them wait for that end."""
    gc.freeze()


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block (for loops that build acyclic values: decoding
    stored JSON into dataclasses), restoring the collector's previous state after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
