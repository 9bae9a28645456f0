"""Exports: the JSON contract (docs/export.schema.json) and CSV of articles. Markdown is a view,
rendered by the report package; the store imports no view."""

from __future__ import annotations

import csv
import io

from dossier.analyse.timex import timex3_type
from dossier.model import Article, TimeExpression, to_dict
from dossier.store.db import CORPUS_KINDS, Store

SCHEMA_VERSION = "1.0"
ARTICLE_FIELDS = ["id", "source", "title", "site", "byline", "credited_source", "url", "page_date",
                  "page_date_trust", "event_date", "text"]


def export_article(article: Article) -> dict:
    out = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    out["page_date_evidence"] = to_dict(article.page_date_evidence)
    out["language"] = article.language
    out["authors"] = list(article.authors)
    out["analysis_notes"] = list(article.analysis_notes)
    out["removed"] = [{"line": r.line, "reason": r.reason} for r in article.removed]
    return out


def time_expression(article_id: str, t: TimeExpression) -> dict:
    """One time expression: offsets into the exported article `text`, its TIMEX3 type and value,
    and the reference date it was resolved against (None when it needed none)."""
    return {"article": article_id, "start": t.start, "end": t.end, "text": t.text, "type": timex3_type(t),
            "value": t.value, "anchor": t.anchor}


def export_dict(store: Store) -> dict:
    """The whole dossier as the stable JSON contract: every list present, empty until filled."""
    corpus = store.corpus()
    data = {"dossier_export": SCHEMA_VERSION,
            "articles": [export_article(a) for a in store.articles()]}
    for field_name in CORPUS_KINDS:
        data[field_name] = to_dict(getattr(corpus, field_name))
    data["time_expressions"] = [time_expression(a.id, t) for a in store.articles() for t in a.times]
    data["rejected"] = [{"source": r.source, "stage": r.stage, "reason": r.reason} for r in store.rejections()]
    return data


def spreadsheet_safe(value):
    """Article text is untrusted: a cell starting with = + - @ would run as a spreadsheet formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_csv(store: Store) -> str:
    """One row per article (the text last), then no other tables: CSV is for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=ARTICLE_FIELDS + ["removed_lines"])
    writer.writeheader()
    for article in store.articles():
        row = {name: spreadsheet_safe(getattr(article, name)) for name in ARTICLE_FIELDS}
        row["removed_lines"] = len(article.removed)
        writer.writerow(row)
    return buffer.getvalue()

