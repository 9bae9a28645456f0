"""Decide what a file is before any reader touches it, and refuse what is not an article."""

from __future__ import annotations

_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
]

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".warc": "warc",
}


def kind_of(name: str, head: bytes) -> str:
    """The reader for a file: by extension, else by content."""
    lower = name.lower()
    if lower.endswith(".warc.gz") or lower.endswith(".warc"):
        return "warc"
    for ext, kind in EXTENSIONS.items():
        if lower.endswith(ext):
            return kind
    start = head.lstrip()[:200].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<body" in head[:2000].lower():
        return "html"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def binary_reason(head: bytes) -> str | None:
    """A reason to refuse the bytes as text, or None when they look like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({what}), not an article"
    if b"\x00" in head[:8192]:
        return "binary file (contains NUL bytes), not an article"
    return None
