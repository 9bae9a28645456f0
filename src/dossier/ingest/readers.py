"""One reader per input kind. Each takes (source name, raw bytes or, for containers, a binary
stream, options) and yields Documents or Rejections; none of them reads anything else.

Every check runs before the expensive step it protects: sizes and line counts before decoding,
nesting depth before parsing, a JSON Lines line's length before it is parsed, a WARC record's
length before its body is read. Every rejection names its source and says what to do."""

from __future__ import annotations

import datetime
import io
import json
import re
from collections.abc import Iterator
from typing import BinaryIO

from dossier.config import IngestOptions
from dossier.ingest.decode import Decoded, charset_parameter, decode
from dossier.ingest.sniff import binary_reason
from dossier.model import Document, Rejection, content_id

# A tag ends at the first ">" and cannot contain "<": a failed match stops at the next "<", so the
# scan stays linear even on a megabyte of "<a<a<a...".
_TAG = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
# Markup inside scripts, styles and comments is not structure ("document.write('<div>')").
_RAW_TEXT_OPEN = re.compile(rb"<(script|style)\b|<!--", re.I)
_RAW_TEXT_CLOSE = {b"script": re.compile(rb"</script\s*>", re.I), b"style": re.compile(rb"</style\s*>", re.I),
                   None: re.compile(rb"-->")}
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
         b"param", b"source", b"track", b"wbr", b"p", b"li", b"td", b"tr", b"option"}


def html_depth(raw: bytes, stop_at: int) -> int:
    """Element nesting depth as a browser would build it (a closing tag closes the elements left
    open inside it), stopping early once past `stop_at`; cheap: no parser, no tree."""
    stack: list[bytes] = []
    deepest = 0
    for closing, name, self_closing in (m.groups() for m in _TAG.finditer(strip_raw_text(raw))):
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


def strip_raw_text(raw: bytes) -> bytes:
    """`raw` without script, style and comment contents. One forward pass: each opener is matched
    with the next closer only, and an unclosed one runs to the end of the page (as in a browser);
    a regular expression with `.*?` re-scanned the rest of the page for every unclosed opener."""
    kept, position = [], 0
    while (opener := _RAW_TEXT_OPEN.search(raw, position)) is not None:
        kept.append(raw[position:opener.start()])
        name = opener.group(1).lower() if opener.group(1) else None
        closer = _RAW_TEXT_CLOSE[name].search(raw, opener.end())
        if closer is None:
            return b"".join(kept)
        position = closer.end()
    kept.append(raw[position:])
    return b"".join(kept)


def _reject(source: str, raw: bytes, reason: str) -> Rejection:
    return Rejection(id=content_id(source.encode("utf-8", "backslashreplace") + b"\0" + raw), source=source,
                     stage="ingest", reason=reason, raw=raw)


def human_size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def too_large(source: str, size: int, limit: int, setting: str = "max_bytes", what: str = "file") -> Rejection:
    return _reject(source, b"", f"{what} too large ({human_size(size)}; limit {human_size(limit)}, "
                                f"set [ingest] {setting} to raise it)")


def _common_checks(source: str, raw: bytes, options: IngestOptions, text: bool = True) -> Rejection | None:
    """Refusals decided from the bytes alone, before any decoding. The line budget applies to text
    (the line cleaner's input), not to markup."""
    if len(raw) > options.max_bytes:
        return too_large(source, len(raw), options.max_bytes)
    if not raw.strip() or raw.strip() in _BOM_ONLY:
        return _reject(source, raw, "empty file")
    lines = raw.count(b"\n") + 1
    if text and lines > options.max_lines:
        return _reject(source, raw, f"too many lines ({lines:,}; limit {options.max_lines:,}): a log or a list, "
                                    "not an article (set [ingest] max_lines to raise it)")
    return None


_BOM_ONLY = {b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"}


def _decoded(source: str, raw: bytes, options: IngestOptions, declared: str | None = None,
             markup: bool = False) -> Decoded | Rejection:
    """Text of `raw`, or the rejection saying why it is not text."""
    reason = binary_reason(raw[:8192])
    if reason and "NUL" not in reason:  # NUL bytes may be UTF-16: decide after decoding
        return _reject(source, raw, reason)
    result = decode(raw, declared=declared, markup=markup, max_chaos=options.max_decode_chaos)
    if result.text is None:
        return _reject(source, raw, result.reason)
    if "\x00" in result.text[:8192]:
        return _reject(source, raw, "binary file (contains NUL bytes), not an article")
    if not result.text.strip():
        return _reject(source, raw, "empty file")
    return result


def read_text(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    problem = _common_checks(source, raw, options)
    if problem:
        yield problem
        return
    decoded = _decoded(source, raw, options)
    if isinstance(decoded, Rejection):
        yield decoded
        return
    yield Document(id=content_id(raw), source=source, kind="text", raw=raw, text=decoded.text,
                   meta={"encoding": decoded.encoding})


def _html_document(source: str, raw: bytes, options: IngestOptions, meta: dict | None = None,
                   kind: str = "html", declared: str | None = None) -> Document | Rejection:
    problem = _common_checks(source, raw, options, text=False)
    if problem:
        return problem
    depth = html_depth(raw, options.max_html_depth)
    if depth > options.max_html_depth:
        return _reject(source, raw, f"HTML nested more than {options.max_html_depth} levels deep; "
                                    "not a real page (raise [ingest] max_html_depth to try anyway)")
    decoded = _decoded(source, raw, options, declared=declared, markup=True)
    if isinstance(decoded, Rejection):
        return decoded
    return Document(id=content_id(raw), source=source, kind=kind, raw=raw, html=decoded.text,
                    meta={**(meta or {}), "encoding": decoded.encoding})


def decode_html(raw: bytes) -> tuple[str | None, str | None]:
    """Page bytes to text as a browser would (see ingest/decode.py): (html, None) or (None, reason)."""
    result = decode(raw, markup=True)
    return result.text, result.reason


def read_html(source: str, raw: bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    yield _html_document(source, raw, options)


# ---------------------------------------------------------------- JSON Lines

TEXT_FIELDS = ("text", "html")
META_FIELDS = ("url", "title", "date", "site")
_JSON_TYPES = {dict: "an object", list: "a list", int: "a number", float: "a number", bool: "true/false",
               type(None): "null"}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CHUNK = 8 << 20  # how much of an over-long line is read at a time while skipping it


def read_jsonl(source: str, stream: BinaryIO | bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    """One article per line: `text` or `html` (a string), optional string `url`, `title`, `site`
    and an ISO `date`. Read line by line: a line longer than [ingest] max_bytes is skipped (not held
    in memory) and rejected; the whole file stops at [ingest] max_container_bytes."""
    stream = io.BytesIO(stream) if isinstance(stream, bytes) else stream
    total = 0
    for number, line, length in _lines(stream, options.max_bytes):
        total += length
        if total > options.max_container_bytes:
            yield too_large(source, total, options.max_container_bytes, "max_container_bytes",
                            what="file (once decompressed)")
            return
        line_source = f"{source}#{number}"
        if length > options.max_bytes:
            yield too_large(line_source, length, options.max_bytes, what=f"line {number}")
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        yield _jsonl_record(line_source, number, line.rstrip(b"\r\n"), options)


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes, int]]:
    """(number, line, length) per line; a line over `limit` comes back empty with its length, read
    through in pieces so it never sits in memory."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        length = len(line)
        if length > limit and not line.endswith(b"\n"):
            while (piece := stream.readline(_CHUNK)) and not piece.endswith(b"\n"):
                length += len(piece)
            length += len(piece)
            line = b""
        yield number, line, length


def _jsonl_record(source: str, number: int, line: bytes, options: IngestOptions) -> Document | Rejection:
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        return _reject(source, line, f"line {number} is not valid UTF-8 (JSON Lines must be UTF-8); "
                                     "convert the file and add it again")
    except (json.JSONDecodeError, RecursionError) as err:
        message = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
        return _reject(source, line, f"invalid JSON on line {number}: {message}")
    problem = _record_problem(record, number)
    if problem:
        return _reject(source, line, problem)
    record = {k: _repaired(v) for k, v in record.items() if k in TEXT_FIELDS + META_FIELDS and v}
    meta = {k: record[k] for k in META_FIELDS if k in record}
    if record.get("html"):
        html = record["html"].encode("utf-8")
        checked = _html_document(source, html, options, meta, kind="jsonl")
        if isinstance(checked, Rejection):
            return Rejection(id=checked.id, source=source, stage="ingest", reason=checked.reason, raw=line)
        checked.raw, checked.id, checked.html = line, content_id(line), record["html"]
        return checked
    problem = _common_checks(source, record["text"].encode("utf-8"), options)
    if problem:
        return Rejection(id=problem.id, source=source, stage="ingest", reason=problem.reason, raw=line)
    return Document(id=content_id(line), source=source, kind="jsonl", raw=line, text=record["text"], meta=meta)


def _record_problem(record, number: int) -> str | None:
    """Why a parsed line cannot be an article, or None. Fields are checked by type, never
    converted: a list stored as its Python repr would be silent corruption."""
    if not isinstance(record, dict):
        return f"line {number} is {_JSON_TYPES.get(type(record), 'a string')}, not an object with 'text' or 'html'"
    for name in TEXT_FIELDS + META_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return (f"line {number}: field '{name}' is {_JSON_TYPES.get(type(value), type(value).__name__)}, "
                    "not a string; fix the field or leave it out")
    if not any((record.get(name) or "").strip() for name in TEXT_FIELDS):
        return f"line {number} has neither 'text' nor 'html'"
    date = record.get("date")
    if date and not valid_date(date):
        return (f"line {number}: field 'date' is not a date ({date[:40]!r}); give an ISO date such as "
                "2021-10-20 (a time may follow), or leave it out")
    return None


def valid_date(value: str) -> bool:
    """An ISO 8601 date or date-time between 1800 and 2200 (later checks trust it as a page date)."""
    value = value.strip()
    try:
        day = datetime.date.fromisoformat(value[:10])
        if len(value) > 10:
            datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return 1800 <= day.year <= 2200


def _repaired(value: str) -> str:
    """A string without lone UTF-16 surrogates (legal in JSON escapes, impossible in UTF-8): each
    becomes U+FFFD, as a stray byte does in decoding."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", value)


# ---------------------------------------------------------------- WARC


def read_warc(source: str, stream: BinaryIO | bytes, options: IngestOptions) -> Iterator[Document | Rejection]:
    """HTML response records of a WARC or WARC.gz file; other records are skipped silently
    (requests, metadata), since they are not documents. The charset in a record's HTTP
    `Content-Type` is used to decode it; a record shorter than its `Content-Length` (a truncated
    file) is rejected, and a body over [ingest] max_bytes is refused before it is read."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    stream = io.BytesIO(stream) if isinstance(stream, bytes) else stream
    found = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            found += 1
            yield _warc_document(source, record, found, ctype, options)
    except Exception as err:  # noqa: BLE001 - warcio raises many kinds (AttributeError included) on corrupt records
        what = str(err) if isinstance(err, ArchiveLoadFailed) else f"{type(err).__name__}: {err}"
        yield _reject(source, b"", f"not a readable WARC file after {found} HTML record(s): {what}; "
                                   "the records before it were kept")
        return
    if not found:
        yield _reject(source, b"", "WARC file holds no HTML response records")


def _warc_document(source: str, record, number: int, ctype: str, options: IngestOptions) -> Document | Rejection:
    record_id = record.rec_headers.get_header("WARC-Record-ID") or str(number)
    record_source = f"{source}#{record_id.strip('<>')}"
    declared_length = int(record.rec_headers.get_header("Content-Length") or 0)
    body = record.content_stream().read(options.max_bytes + 1)  # decompressed in pieces: a bomb stops here
    if len(body) > options.max_bytes:
        return _reject(record_source, b"", f"WARC record body over {human_size(options.max_bytes)} (once "
                                           "decompressed); set [ingest] max_bytes to raise it")
    record.raw_stream.read()  # the rest of the record, to learn whether it is all there
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _reject(record_source, body, f"WARC record truncated: {declared_length:,} bytes declared, the file "
                                            "ends before them; re-download or re-crawl the page")
    url = record.rec_headers.get_header("WARC-Target-URI")
    meta = {"url": url} if url else {}
    date = record.rec_headers.get_header("WARC-Date")
    if date:
        meta["crawl_date"] = date[:10]
    return _html_document(record_source, body, options, meta, kind="warc", declared=charset_parameter(ctype))


CONTAINER_KINDS = frozenset({"jsonl", "warc"})  # files that hold many documents, read as streams
READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "warc": read_warc}
