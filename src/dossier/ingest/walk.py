"""Walk input paths and dispatch each file to its reader."""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from dossier.config import IngestOptions
from dossier.ingest.readers import CONTAINER_KINDS, READERS, _reject, human_size, too_large
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
    name = file.name[:-3] if _plain_gzip(file.name) else file.name  # page.html.gz reads as page.html
    try:
        with open(file, "rb") as handle:
            head = handle.read(4096)
        kind = kind_of(name, head)
        limit, setting = _size_limit(kind, options)
        size = file.stat().st_size
        if size > limit:  # refused before it is read into memory
            yield too_large(source, size, limit, setting)
            return
        raw = file.read_bytes()
    except OSError as err:
        yield _reject(source, b"", f"cannot read file: {err.strerror or err}")
        return
    if _plain_gzip(file.name):
        raw, problem = _gunzip(raw, limit, setting)
        if problem:
            yield _reject(source, b"" if "too large" in problem else raw, problem)
            return
        kind = kind_of(name, raw[:4096])
    yield from READERS[kind](source, raw, options)


def _plain_gzip(name: str) -> bool:
    return name.lower().endswith(".gz") and not name.lower().endswith(".warc.gz")


def _size_limit(kind: str, options: IngestOptions) -> tuple[int, str]:
    """JSON Lines and WARC files hold many documents: they get the container limit; each document
    inside still gets the per-document limit."""
    if kind in CONTAINER_KINDS:
        return options.max_container_bytes, "max_container_bytes"
    return options.max_bytes, "max_bytes"


def _gunzip(raw: bytes, limit: int, setting: str) -> tuple[bytes, str | None]:
    """Decompressed bytes, stopping past `limit` so a gzip bomb cannot fill memory."""
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(raw, limit + 1)
    except zlib.error as err:
        return raw, f"not a readable gzip file: {err}"
    if len(data) > limit:
        return b"", f"file too large once decompressed (over {human_size(limit)}; set [ingest] {setting} to raise it)"
    return data, None


def read_paths(paths: Iterable[Path], options: IngestOptions) -> Iterator[Document | Rejection]:
    """All documents under `paths` (files or folders, walked recursively)."""
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(f"no such file or folder: {path}")
        for file, root in _files(path):
            yield from read_file(file, root, options)
