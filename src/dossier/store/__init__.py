"""SQLite store, export formats and full-text search."""

from dossier.store.db import Store, StoreError

__all__ = ["Store", "StoreError"]
