"""Readers for the labelled HTML sets in ../shared/data, shared by the benchmark scripts.

Each reader takes the data folder and yields plain records; none of them scores anything. Pages
are read as raw bytes, exactly as Dossier's ingest would see a file on disk.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Page:
    key: str  # the data set's id for the page (hash or URL)
    raw: bytes
    gold_text: str | None = None  # article-extraction-benchmark: the gold body
    must: list[str] = field(default_factory=list)  # trafilatura-eval: snippets that must appear
    must_not: list[str] = field(default_factory=list)  # ... and snippets that must not
    gold_date: str | None = None  # htmldate-eval: YYYY-MM-DD, or None where the page has no date


def article_extraction_pages(folder: Path, limit: int | None = None) -> Iterator[Page]:
    """scrapinghub/article-extraction-benchmark: html/<id>.html.gz + ground-truth.json."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for n, (key, item) in enumerate(sorted(truth.items())):
        if limit is not None and n >= limit:
            return
        raw = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        yield Page(key=key, raw=raw, gold_text=item["articleBody"])


def trafilatura_eval_pages(folder: Path, limit: int | None = None) -> Iterator[Page]:
    """adbar/trafilatura tests/evaldata.json: html/<file>.gz with must / must-not snippets."""
    data = json.loads((folder / "evaldata.json").read_text(encoding="utf-8"))
    for n, (url, item) in enumerate(sorted(data.items())):
        if limit is not None and n >= limit:
            return
        raw = gzip.decompress((folder / "html" / f"{item['file']}.gz").read_bytes())
        yield Page(key=url, raw=raw, must=list(item.get("with", [])),
                   must_not=list(item.get("without", [])))


def htmldate_pages(folder: Path, limit: int | None = None) -> Iterator[Page]:
    """adbar/htmldate eval_default.json + eval_mediacloud_2020.json; a NaN date means "no date"."""
    entries: list[tuple[str, dict]] = []
    for name in ("eval_default.json", "eval_mediacloud_2020.json"):
        entries += sorted(json.loads((folder / name).read_text(encoding="utf-8")).items())
    for n, (url, item) in enumerate(entries):
        if limit is not None and n >= limit:
            return
        raw = gzip.decompress((folder / "html" / f"{item['file']}.gz").read_bytes())
        date = item.get("date")
        yield Page(key=url, raw=raw, gold_date=date if isinstance(date, str) else None)


def pick_pages(folder: Path, limit: int | None = None) -> Iterator[Page]:
    """The reader that fits the folder's layout."""
    if (folder / "ground-truth.json").exists():
        return article_extraction_pages(folder, limit)
    if (folder / "evaldata.json").exists():
        return trafilatura_eval_pages(folder, limit)
    if (folder / "eval_default.json").exists():
        return htmldate_pages(folder, limit)
    raise SystemExit(f"{folder}: not a known data set (no ground-truth.json, evaldata.json "
                     "or eval_default.json)")


def decode_like_ingest(raw: bytes) -> str | None:
    """The page as Dossier's HTML reader decodes it (UTF-8, else the declared charset)."""
    from dossier.config import IngestOptions
    from dossier.ingest.readers import read_html

    doc = next(read_html("page.html", raw, IngestOptions()))
    return getattr(doc, "html", None)
