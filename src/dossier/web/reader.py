"""Read-only access to a dossier for the web app.

The app never writes: `Store(readonly=True)` opens SQLite with `mode=ro`, so it neither migrates the
file nor takes the write lock a running build holds (WAL mode lets it read the last committed build).
Every query it makes is in `dossier.store.queries`.
"""

from __future__ import annotations

from pathlib import Path

from dossier.store import Store


def open_readonly(path: str | Path) -> Store:
    """A `Store` over a read-only connection (its read methods work; its write methods fail)."""
    return Store(path, readonly=True)
