"""Walk input paths and dispatch each file to its reader.

Only regular files are read (a FIFO, device or socket is refused before it can block or stream
forever), symbolic links are followed only to files inside the input folders (unless
[ingest] follow_outside_links), folders that cannot be listed are recorded, single documents are
read with a size cap and containers are streamed, gzip included, so no input can exhaust memory.
File names of any bytes are kept, shown with undecodable bytes escaped (`\\xff`).
"""

from __future__ import annotations

import gzip
import os
import stat
import types
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dossier.config import IngestOptions
from dossier.engine.failures import rejection_for
from dossier.ingest.readers import CONTAINER_KINDS, READERS, _reject, human_size, too_large
from dossier.ingest.sniff import kind_of
from dossier.model import Document, Rejection

_FILE_TYPES = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device",
               stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def shown(path: str | Path) -> str:
    """A file name as text: bytes that are not UTF-8 appear escaped (`caf\\xe9.txt`), so the name
    can be stored, printed and rendered."""
    return os.fsencode(str(path)).decode("utf-8", errors="backslashreplace")


def _files(path: Path) -> Iterator[tuple[Path, Path] | Rejection]:
    """(file, root) pairs in a stable order, and a rejection for each folder that cannot be listed
    or folder link not followed; hidden files and folders are skipped."""
    if not path.is_dir():
        yield path, path.parent
        return
    errors: list[OSError] = []
    for folder, dirs, names in os.walk(path, onerror=errors.append):
        yield from (_folder_rejection(err, path) for err in errors)
        errors.clear()
        for name in sorted(d for d in dirs if not d.startswith(".") and os.path.islink(os.path.join(folder, d))):
            yield _reject(shown(Path(folder, name).relative_to(path).as_posix()), b"",
                          "symbolic link to a folder, not followed; give the folder itself as an input")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(folder) / name, path
    yield from (_folder_rejection(err, path) for err in errors)


def _folder_rejection(err: OSError, root: Path) -> Rejection:
    folder = Path(err.filename) if err.filename else root
    name = folder.relative_to(root).as_posix() if folder != root and folder.is_relative_to(root) else str(folder)
    return _reject(shown(name) + "/", b"", f"cannot read folder: {err.strerror or err}; its files were "
                                           "not read (check its permissions)")


def read_file(file: Path, root: Path, options: IngestOptions,
              roots: tuple[Path, ...] = ()) -> Iterator[Document | Rejection]:
    """Documents (or rejections) from one file; `source` is its path relative to `root`. Any
    failure while reading becomes a rejection of this file (the failure policy), never an
    exception that stops the other files."""
    source = shown(file.relative_to(root).as_posix())
    try:
        yield from _read_file(file, source, options, roots or (root.resolve(),))
    except Exception as err:  # noqa: BLE001 - the per-document failure policy
        yield rejection_for("ingest", types.SimpleNamespace(source=source, raw=b""), err)


def _read_file(file: Path, source: str, options: IngestOptions,
               roots: tuple[Path, ...]) -> Iterator[Document | Rejection]:
    problem = _link_problem(file, roots, options)
    if problem:
        yield _reject(source, b"", problem)
        return
    try:
        handle = _open_regular(file)
    except OSError as err:
        yield _reject(source, b"", f"cannot read file: {err.strerror or err}")
        return
    if isinstance(handle, str):
        yield _reject(source, b"", handle)
        return
    with handle:
        gzipped = _plain_gzip(file.name)
        name = file.name[:-3] if gzipped else file.name  # page.html.gz reads as page.html
        stream: BinaryIO = gzip.GzipFile(fileobj=handle, mode="rb") if gzipped else handle
        try:
            kind = kind_of(name, stream.peek(4096)[:4096])
            if kind in CONTAINER_KINDS:
                size = os.fstat(handle.fileno()).st_size
                if size > options.max_container_bytes:  # refused before it is read
                    yield too_large(source, size, options.max_container_bytes, "max_container_bytes")
                    return
                yield from READERS[kind](source, stream, options)  # streamed, decompressed bytes capped
                return
            raw = stream.read(options.max_bytes + 1)  # capped: a gzip bomb or a /proc file stops here
        except (OSError, EOFError, zlib.error) as err:
            if not gzipped:
                raise
            yield _reject(source, b"", f"not a readable gzip file: {err}")
            return
        if len(raw) > options.max_bytes:
            size = max(len(raw), 0 if gzipped else os.fstat(handle.fileno()).st_size)
            yield _reject(source, b"", f"file too large once decompressed (over {human_size(options.max_bytes)}; "
                                       "set [ingest] max_bytes to raise it)") if gzipped else \
                too_large(source, size, options.max_bytes)
            return
    yield from READERS[kind](source, raw, options)


def _open_regular(file: Path) -> BinaryIO | str:
    """An open binary handle, or why the path is not a regular file. Opened non-blocking, so a FIFO
    with no writer cannot hang the build before it is refused."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        what = _FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")
        return f"{what}, not a regular file; only regular files are read"
    return os.fdopen(fd, "rb")


def _link_problem(file: Path, roots: tuple[Path, ...], options: IngestOptions) -> str | None:
    """Why a symbolic link is not followed, or None. Links that stay inside an input folder are
    read; links leaving them are refused unless [ingest] follow_outside_links is set."""
    if options.follow_outside_links:
        return None
    try:
        target = file.resolve(strict=True)
    except (OSError, RuntimeError) as err:
        return f"broken symbolic link: {getattr(err, 'strerror', None) or err}"
    if any(target == root or target.is_relative_to(root) for root in roots):
        return None
    return (f"symbolic link to {shown(target)}, outside the input folders; not followed (give that file as an "
            "input, or set [ingest] follow_outside_links = true)")


def _plain_gzip(name: str) -> bool:
    return name.lower().endswith(".gz") and not name.lower().endswith(".warc.gz")


def read_paths(paths: Iterable[Path], options: IngestOptions) -> Iterator[Document | Rejection]:
    """All documents under `paths` (files or folders, walked recursively)."""
    paths = [Path(p) for p in paths]
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {shown(path)}")
    roots = tuple(p.resolve() if p.is_dir() else p.resolve().parent for p in paths)
    for path in paths:
        for item in _files(path):
            if isinstance(item, Rejection):
                yield item
            else:
                yield from read_file(*item, options, roots)
