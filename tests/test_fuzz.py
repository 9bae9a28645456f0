"""Property tests (hypothesis) of every reader, the decoder, the line cleaner and the JSON Lines /
WARC field handling: whatever the bytes, each per-document step returns documents or rejections
(never raises), and what it returns can be stored (UTF-8 text, string metadata, a named source).

Examples are bounded and derandomized, so CI runs the same few hundred cases in well under a
minute; raise FUZZ_EXAMPLES to search longer locally.
"""

from __future__ import annotations

import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.config import CleanOptions, IngestOptions
from dossier.ingest.decode import decode
from dossier.ingest.readers import read_html, read_jsonl, read_text, read_warc
from dossier.model import Document, Rejection

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
OPTIONS = IngestOptions(max_bytes=20_000, max_lines=200, max_container_bytes=200_000)

# Bytes that look like what scrapers deliver: markup, BOMs, NULs, stray high bytes, line breaks.
FRAGMENTS = st.sampled_from([b"<html>", b"<body>", b"<p>", b"</p>", b"<script>", b"</script>", b"<!--", b"-->",
                             b"<svg>", b"<meta charset='koi8-r'>", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00",
                             b"\n", b"\r\n", b"\xe9", b"\xc3\xa9", b"\xd0\x9c", b"\xed\xa0\x80", b". ", b"\"",
                             b"Lavrov said ", b"date 2021-10-20\n"])
HOSTILE_BYTES = st.one_of(st.binary(max_size=3000),
                          st.lists(st.one_of(FRAGMENTS, st.binary(max_size=20)), max_size=60).map(b"".join))


def _storable(items: list) -> None:
    """What a reader returns can go into the store as it is."""
    assert items
    for item in items:
        assert isinstance(item, (Document, Rejection))
        item.source.encode("utf-8")
        if isinstance(item, Rejection):
            assert item.reason and item.stage == "ingest"
            item.reason.encode("utf-8")
            continue
        for value in (item.text, item.html):
            if value is not None:
                value.encode("utf-8")
        assert all(isinstance(v, str) for v in item.meta.values())
        json.dumps(item.meta).encode("utf-8")


@FUZZ
@given(raw=HOSTILE_BYTES)
def test_text_and_html_readers_never_raise(raw):
    _storable(list(read_text("a.txt", raw, OPTIONS)))
    _storable(list(read_html("a.html", raw, OPTIONS)))


@FUZZ
@given(raw=HOSTILE_BYTES, declared=st.one_of(st.none(), st.sampled_from(["utf-8", "windows-1251", "latin-1",
                                                                         "utf-16", "x-bogus", "utf-7", ""])),
       markup=st.booleans())
def test_the_decoder_gives_text_with_its_encoding_or_a_reason(raw, declared, markup):
    result = decode(raw, declared=declared, markup=markup)
    if result.text is None:
        assert result.reason and "UTF-8" in result.reason
    else:
        assert result.encoding
        result.text.encode("utf-8", errors="surrogatepass")


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=200),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
FIELDS = st.sampled_from(["text", "html", "url", "title", "date", "site", "other"])
RECORDS = st.dictionaries(FIELDS, JSON_VALUES | st.text(max_size=400)
                          | st.sampled_from(["2021-10-20", "2021-02-30", "9999-99-99", "2021-10-20T09:00:00Z"]),
                          max_size=6)


@FUZZ
@given(records=st.lists(st.one_of(RECORDS, JSON_VALUES), max_size=8),
       junk=st.lists(st.binary(max_size=40), max_size=3))
def test_jsonl_records_of_any_shape_become_documents_or_reasons(records, junk):
    lines = [json.dumps(r).encode() for r in records] + junk
    _storable(list(read_jsonl("b.jsonl", io.BytesIO(b"\n".join(lines) + b"x"), OPTIONS)))


def _warc(records, gzip: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, ctype, body in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


CONTENT_TYPES = st.sampled_from(["text/html", "text/html; charset=windows-1251", "text/html; charset=bogus",
                                 "text/html; charset=utf-16", "image/png", "text/html;charset=\"koi8-r\""])


@FUZZ
@given(records=st.lists(st.tuples(st.sampled_from(["https://x.test/a", "", "not a url"]), CONTENT_TYPES, HOSTILE_BYTES),
                        min_size=1, max_size=3),
       gzip=st.booleans(), cut=st.integers(min_value=0, max_value=400), flip=st.integers(min_value=0, max_value=5000))
def test_warc_records_cut_or_corrupted_anywhere_never_raise(records, gzip, cut, flip):
    data = bytearray(_warc(records, gzip))
    if flip < len(data):
        data[flip] ^= 0x55
    _storable(list(read_warc("c.warc", bytes(data[:len(data) - cut]), OPTIONS)))


@FUZZ
@given(text=st.text(st.characters(blacklist_categories=["Cs"]), max_size=2000)
       | st.lists(st.sampled_from(["Skip to content", "By Ann Lee and Tom Park", "date 2021-10-20", "Reply",
                                   "\"We agree,\" Lavrov said.", "Photo: Getty Images", "", "Read also: x",
                                   "12 comments", "Share this:", "—", "\u200b"]), max_size=40).map("\n".join),
       extracted=st.booleans())
def test_the_line_cleaner_never_raises_and_keeps_every_line_somewhere(text, extracted):
    from dossier.clean.text import clean_lines

    cleaned = clean_lines(text, CleanOptions(), extracted=extracted)
    assert isinstance(cleaned.text, str)
    for removed in cleaned.removed:
        assert removed.reason and removed.line.strip() in text
