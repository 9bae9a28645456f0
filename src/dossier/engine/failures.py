"""The per-document failure policy: one bad document never sinks a build.

Every per-document stage (read, clean, analyse) runs under `guarded`: an exception, or a document
that overruns its time budget, becomes a `Rejection` kept with the stage, a reason naming what went
wrong, and a short digest of the traceback; the build goes on with the other documents. This is
spaCy's `nlp.set_error_handler` idea, with the reason stored instead of printed.

The time budget uses `signal.setitimer`, so it applies where a stage runs on a process's main
thread (the local and process engines); Python cannot interrupt a long call inside C code before
it returns, which is why the stages are also kept linear in their input and checked against size
budgets before the expensive step.
"""

from __future__ import annotations

import hashlib
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.model import Rejection, content_id


class DocumentTimeout(Exception):
    """A per-document stage ran past its time budget."""


def traceback_digest(err: BaseException, frames: int = 3) -> str:
    """A short, stable summary of where `err` was raised: a hash of the whole traceback (so equal
    failures group together) and the innermost `frames` frames as `file:line func`."""
    stack = traceback.extract_tb(err.__traceback__)
    full = "".join(traceback.format_exception(type(err), err, err.__traceback__))
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack[-frames:]))
    return f"{hashlib.sha1(full.encode('utf-8', 'replace')).hexdigest()[:8]} {where}".strip()


def failure_reason(stage: str, err: BaseException) -> str:
    """One line for a user: what failed, on which stage, where in the code, and what to do."""
    if isinstance(err, DocumentTimeout):
        return f"{stage} stopped: {err} (raise [engine] document_seconds to allow more)"
    message = " ".join(str(err).split())[:300] or "(no message)"
    return (f"{stage} failed on this document: {type(err).__name__}: {message} "
            f"[traceback digest {traceback_digest(err)}]; the other documents were built; "
            "please report this input")


def rejection_for(stage: str, item: Any, err: BaseException) -> Rejection:
    """The kept rejection of a document or article that failed in `stage`."""
    source = getattr(item, "source", "?")
    raw = getattr(item, "raw", b"") or b""
    item_id = getattr(item, "id", None) or content_id(source.encode("utf-8", "backslashreplace") + b"\0" + raw)
    return Rejection(id=item_id, source=source, stage=stage, reason=failure_reason(stage, err), raw=raw)


@contextmanager
def time_budget(seconds: float, what: str) -> Iterator[None]:
    """Raise `DocumentTimeout` in the body after `seconds` (0 disables; only on the main thread)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() \
            or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise DocumentTimeout(f"{what} took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Guarded:
    """`func(item, context)` under the failure policy: its result, or a `Rejection` for `item`.
    Picklable (a module-level class holding a module-level function), so process pools can run it."""

    stage: str
    func: Callable[[Any, Any], Any]
    seconds: float = 0.0

    def __call__(self, item: Any, context: Any) -> Any:
        try:
            with time_budget(self.seconds, f"{self.stage} of {getattr(item, 'source', 'a document')}"):
                return self.func(item, context)
        except Exception as err:  # noqa: BLE001 - the policy: any failure of one document is kept
            return rejection_for(self.stage, item, err)


def guarded(stage: str, func: Callable[[Any, Any], Any], seconds: float = 0.0) -> Guarded:
    """Wrap a per-document stage function with the failure policy (see module docstring)."""
    return Guarded(stage, func, seconds)
