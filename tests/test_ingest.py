"""Readers: each input kind, sniffing, content-hash ids, and a clear reason for every refusal."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from dossier.config import IngestOptions
from dossier.ingest import read_paths
from dossier.model import Document, Rejection

PAGE = ("<html><head><title>Talks end</title><meta property='article:published_time' content='2021-10-20'>"
        "</head><body><article><h1>Talks end</h1><p>" + "Delegates met in Moscow and agreed to meet again. " * 8 +
        "</p></article></body></html>")


def _read(tmp_path: Path, **options) -> tuple[list[Document], list[Rejection]]:
    items = list(read_paths([tmp_path], IngestOptions(**options)))
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Rejection)])


def test_plain_text_keeps_raw_bytes_and_hash_id(tmp_path):
    (tmp_path / "a.txt").write_text("Some article text here.", encoding="utf-8")
    (docs,), _ = _read(tmp_path)
    assert docs.raw == b"Some article text here."
    assert docs.text == "Some article text here."
    assert len(docs.id) == 16 and docs.source == "a.txt"


def test_same_bytes_under_two_names_have_one_id(tmp_path):
    (tmp_path / "a.txt").write_text("Same words.")
    (tmp_path / "b.txt").write_text("Same words.")
    docs, _ = _read(tmp_path)
    assert docs[0].id == docs[1].id


def test_walk_is_recursive_sorted_and_relative(tmp_path):
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "deep").mkdir()
    (tmp_path / "z" / "deep" / "x.txt").write_text("deep one")
    (tmp_path / "a.txt").write_text("top one")
    (tmp_path / ".hidden.txt").write_text("ignored")
    docs, _ = _read(tmp_path)
    assert [d.source for d in docs] == ["a.txt", "z/deep/x.txt"]


def test_html_by_extension_and_by_content(tmp_path):
    (tmp_path / "page.html").write_text(PAGE)
    (tmp_path / "page-without-extension").write_text("<!DOCTYPE html>" + PAGE)
    docs, _ = _read(tmp_path)
    assert {d.kind for d in docs} == {"html"}
    assert all("Moscow" in d.html for d in docs)


def test_jsonl_lines_become_documents_with_metadata(tmp_path):
    lines = [{"text": "First article text.", "url": "https://x.test/1", "title": "One", "date": "2021-10-20",
              "site": "X"}, {"html": PAGE}, {"nothing": 1}, "not json"]
    (tmp_path / "batch.jsonl").write_text("\n".join(l if isinstance(l, str) else json.dumps(l) for l in lines))
    docs, rejected = _read(tmp_path)
    assert [d.source for d in docs] == ["batch.jsonl#1", "batch.jsonl#2"]
    assert docs[0].meta == {"url": "https://x.test/1", "title": "One", "date": "2021-10-20", "site": "X"}
    assert docs[1].html and docs[1].kind == "jsonl"
    assert [r.source for r in rejected] == ["batch.jsonl#3", "batch.jsonl#4"]
    assert "neither 'text' nor 'html'" in rejected[0].reason and "invalid JSON" in rejected[1].reason


def _warc(records: list[tuple[str, str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


def test_warc_html_responses_only(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(_warc([("https://x.test/a", "text/html", PAGE.encode()),
                                                    ("https://x.test/logo.png", "image/png", b"\x89PNG")]))
    (doc,), rejected = _read(tmp_path)
    assert doc.kind == "warc" and doc.meta["url"] == "https://x.test/a" and "Moscow" in doc.html
    assert rejected == []


def test_broken_warc_is_rejected_with_reason(tmp_path):
    (tmp_path / "broken.warc.gz").write_bytes(gzip.compress(b"this is not a warc"))
    _, (rejection,) = _read(tmp_path)
    assert rejection.stage == "ingest" and "WARC" in rejection.reason


def test_every_bad_input_has_a_reason(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "unknown.txt").write_bytes(bytes(range(1, 256)) * 4)  # no encoding fits: refused, not guessed
    (tmp_path / "deep.html").write_text("<html><body>" + "<div>" * 2000 + "x" + "</div>" * 2000 + "</body></html>")
    (tmp_path / "big.txt").write_bytes(b"a " * 30_000)
    _, rejected = _read(tmp_path, max_bytes=50_000)
    reasons = {r.source: r.reason for r in rejected}
    assert "PNG image" in reasons["image.png"]
    assert reasons["empty.txt"] == "empty file"
    assert "could not be detected with confidence" in reasons["unknown.txt"]
    assert "nested more than" in reasons["deep.html"]
    assert reasons["big.txt"] == "file too large (60.0 KB; limit 50.0 KB, set [ingest] max_bytes to raise it)"


def test_missing_path_is_a_clear_error(tmp_path):
    import pytest

    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        list(read_paths([tmp_path / "nope"], IngestOptions()))


def test_gzipped_pages_and_text_are_read_by_their_inner_name(tmp_path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"A plain note."))
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 200_000))
    docs, rejected = _read(tmp_path, max_bytes=100_000)
    assert {d.source: d.kind for d in docs} == {"note.txt.gz": "text", "page.html.gz": "html"}
    assert [r.source for r in rejected] == ["bomb.txt.gz"] and "once decompressed" in rejected[0].reason


def test_html_decoding_follows_browsers(tmp_path):
    latin = "<html><head><meta charset='iso-8859-1'></head><body><p>Gr\xfc\xdfe aus K\xf6ln</p></body></html>"
    (tmp_path / "declared.html").write_bytes(latin.encode("latin-1"))
    stray = PAGE.replace("Moscow", "Moscow \u2713", 1).encode("utf-8").replace(b"Delegates", b"Dele\xe9gates", 1)
    (tmp_path / "stray.html").write_bytes(stray)  # valid UTF-8 but for one stray Latin-1 byte
    docs, rejected = _read(tmp_path)
    assert rejected == []
    html = {d.source: d.html for d in docs}
    assert "Grüße aus Köln" in html["declared.html"]
    assert "Moscow \u2713" in html["stray.html"] and "Dele\ufffdgates" in html["stray.html"]


def test_unclosed_tags_are_not_depth(tmp_path):
    sloppy = "<html><body>" + ("<div>" + "<span>never closed" * 300 + "</div>") * 5 + "</body></html>"
    scripted = "<html><body><script>" + "document.write('<div>');" * 2000 + "</script><p>x</p></body></html>"
    (tmp_path / "sloppy.html").write_text(sloppy)
    (tmp_path / "scripted.html").write_text(scripted)
    docs, rejected = _read(tmp_path)
    assert rejected == [] and len(docs) == 2


def test_containers_have_their_own_size_limit(tmp_path):
    lines = "\n".join(json.dumps({"text": f"Article number {i} says something new."}) for i in range(100))
    (tmp_path / "many.jsonl").write_text(lines)
    (tmp_path / "one.txt").write_text("x " * 3000)
    docs, rejected = _read(tmp_path, max_bytes=5000)
    assert len(docs) == 100
    assert [r.source for r in rejected] == ["one.txt"] and "[ingest] max_bytes" in rejected[0].reason
    docs, rejected = _read(tmp_path, max_bytes=5000, max_container_bytes=1000)
    assert "[ingest] max_container_bytes" in next(r.reason for r in rejected if r.source == "many.jsonl")
