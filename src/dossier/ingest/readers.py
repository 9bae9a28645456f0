"""One reader per input kind. Each takes (source name, raw bytes, options) and yields Documents
or Rejections; none of them reads anything else."""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterator

from dossier.config import IngestOptions
from dossier.ingest.sniff import binary_reason, decode_utf8
from dossier.model import Document, Rejection, content_id

_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(/?)>")
# Markup inside scripts, styles and comments is not structure ("document.write('<div>')").
_NOT_MARKUP = re.compile(rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->", re.I | re.S)
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
         b"param", b"source", b"track", b"wbr", b"p", b"li", b"td", b"tr", b"option"}


def html_depth(raw: bytes, stop_at: int) -> int:
    """Element nesting depth as a browser would build it (a closing tag closes the elements left
    open inside it), stopping early once past `stop_at`; cheap: no parser, no tree."""
    stack: list[bytes] = []
    deepest = 0
    for closing, name, self_closing in (m.groups() for m in _TAG.finditer(_NOT_MARKUP.sub(b"", raw))):
        name = name.lower()
        if name in _VOID or self_closing:
            continue
        if closing:
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        stack.append(name)
        deepest = max(deepest, len(stack))
        if deepest > stop_at:
            break
    return deepest


def _reject(source: str, raw: bytes, reason: str) -> Rejection:
    return Rejection(id=content_id(source.encode() + b"\0" + raw), source=source, stage="ingest",
                     reason=reason, raw=raw)


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def too_large(source: str, size: int, limit: int, setting: str = "max_bytes") -> Rejection:
    return _reject(source, b"", f"file too large ({human_size(size)}; limit {human_size(limit)}, "
                                f"set [ingest] {setting} to raise it)")


def _common_checks(source: str, raw: bytes, options: IngestOptions) -> Rejection | None:
    if not raw.strip():
        return _reject(source, raw, "empty file")
    if len(raw) > options.max_bytes:
        return too_large(source, len(raw), options.max_bytes)
    reason = binary_reason(raw[:8192])
    return _reject(source, raw, reason) if reason else None


def read_text(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    problem = _common_checks(source, raw, options)
    if problem:
        yield problem
        return
    text, reason = decode_utf8(raw)
    if text is None:
        yield _reject(source, raw, reason)
        return
    yield Document(id=content_id(raw), source=source, kind="text", raw=raw, text=text)


def _html_document(source: str, raw: bytes, options: IngestOptions, meta: dict | None = None,
                   kind: str = "html") -> Document | Rejection:
    problem = _common_checks(source, raw, options)
    if problem:
        return problem
    depth = html_depth(raw, options.max_html_depth)
    if depth > options.max_html_depth:
        return _reject(source, raw, f"HTML nested more than {options.max_html_depth} levels deep; "
                                    "not a real page (raise [ingest] max_html_depth to try anyway)")
    html, reason = decode_html(raw)
    if html is None:
        return _reject(source, raw, reason)
    return Document(id=content_id(raw), source=source, kind=kind, raw=raw, html=html,
                    meta=meta or {})


def decode_html(raw: bytes) -> tuple[str | None, str | None]:
    """Page bytes to text as a browser would: UTF-8, else the declared charset, else the detected
    one; a page with a few stray bytes in otherwise valid UTF-8 keeps them as U+FFFD."""
    html, reason = decode_utf8(raw)
    if html is not None:
        return html, None
    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:4096])
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        try:
            return raw.decode(declared.group(1).decode("ascii")), None
        except (LookupError, UnicodeDecodeError):
            pass
    lenient = raw.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(3, len(raw) // 1000):  # stray bytes, not another encoding
        return lenient, None
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    return (str(best), None) if best is not None else (None, reason)


def read_html(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    yield _html_document(source, raw, options)


def read_jsonl(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    """One article per line: `text` or `html`, optional `url`, `title`, `date`, `site`."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text, reason = decode_utf8(raw)
    if text is None:
        yield _reject(source, raw, reason)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        line_source = f"{source}#{number}"
        line_raw = line.encode("utf-8")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            yield _reject(line_source, line_raw, f"invalid JSON on line {number}: {err.msg}")
            continue
        if not isinstance(record, dict) or not (record.get("text") or record.get("html")):
            yield _reject(line_source, line_raw, f"line {number} has neither 'text' nor 'html'")
            continue
        meta = {k: record[k] for k in ("url", "title", "date", "site") if record.get(k)}
        if record.get("html"):
            yield _html_document(line_source, line_raw, options, meta, kind="jsonl")
            doc = None
        else:
            doc = Document(id=content_id(line_raw), source=line_source, kind="jsonl",
                           raw=line_raw, text=str(record["text"]), meta=meta)
        if doc is not None:
            yield doc




def read_warc(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    """HTML response records of a WARC or WARC.gz file; other records are skipped silently
    (requests, metadata), since they are not documents."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    try:
        for record in ArchiveIterator(io.BytesIO(raw)):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            found += 1
            body = record.content_stream().read()
            url = record.rec_headers.get_header("WARC-Target-URI")
            meta = {"url": url} if url else {}
            date = record.rec_headers.get_header("WARC-Date")
            if date:
                meta["crawl_date"] = date[:10]
            record_id = record.rec_headers.get_header("WARC-Record-ID") or str(found)
            yield _html_document(f"{source}#{record_id.strip('<>')}", body, options, meta, kind="warc")
    except ArchiveLoadFailed as err:
        yield _reject(source, raw, f"not a readable WARC file: {err}")
        return
    if not found:
        yield _reject(source, b"", "WARC file holds no HTML response records")


CONTAINER_KINDS = frozenset({"jsonl", "warc"})  # files that hold many documents
READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "warc": read_warc}
