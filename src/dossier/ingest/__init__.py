"""Ingest: turn files and folders into `Document`s (or `Rejection`s with a reason).

Readers are pure functions of one file's bytes; `read_paths` walks folders in sorted order so the
input order never changes results.
"""

from dossier.ingest.walk import read_paths, read_file

__all__ = ["read_paths", "read_file"]
