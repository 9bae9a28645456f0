"""Walk input paths and dispatch each file to its reader."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.config import IngestOptions
from dossier.ingest.readers import READERS, _reject, human_size, too_large
from dossier.ingest.sniff import kind_of
from dossier.model import Document, Rejection


def _files(path: Path) -> Iterator[tuple[Path, Path]]:
    """(file, root) pairs in a stable order; hidden files and folders are skipped."""
    if path.is_file():
        yield path, path.parent
        return
    for folder, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder) / name, path


def read_file(file: Path, root: Path, options: IngestOptions) -> Iterator[Document | Rejection]:
    """Documents (or rejections) from one file; `source` is its path relative to `root`."""
    source = file.relative_to(root).as_posix()
    try:
        size = file.stat().st_size
        if size > options.max_bytes:
            # Do not read a huge file into memory just to refuse it.
            yield too_large(source, size, options)
            return
        raw = file.read_bytes()
    except OSError as err:
        yield _reject(source, b"", f"cannot read file: {err.strerror or err}")
        return
    name = file.name
    if name.lower().endswith(".gz") and not name.lower().endswith(".warc.gz"):
        raw, problem = _gunzip(raw, options.max_bytes)
        if problem:
            yield _reject(source, b"" if "too large" in problem else raw, problem)
            return
        name = name[:-3]  # page.html.gz is read as page.html
    yield from READERS[kind_of(name, raw[:4096])](source, raw, options)


def _gunzip(raw: bytes, limit: int) -> tuple[bytes, str | None]:
    """Decompressed bytes, stopping past `limit` so a gzip bomb cannot fill memory."""
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(raw, limit + 1)
    except zlib.error as err:
        return raw, f"not a readable gzip file: {err}"
    if len(data) > limit:
        return b"", f"file too large once decompressed (over {human_size(limit)}; set [ingest] max_bytes to raise it)"
    return data, None


def read_paths(paths: Iterable[Path], options: IngestOptions) -> Iterator[Document | Rejection]:
    """All documents under `paths` (files or folders, walked recursively)."""
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        for file, root in _files(path):
            yield from read_file(file, root, options)
