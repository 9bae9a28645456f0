"""CSV and Markdown of a list page's current filtered view (datasette's .csv links): the same query
as the page, every matching row (up to `queries.MAX_EXPORT`), flat columns.

Article text is untrusted: CSV cells never start a spreadsheet formula (`spreadsheet_safe`), and
Markdown cells escape pipes, angle brackets and line breaks, so a cell stays a cell and no markup
renders. The timeline's rows cite their sources (outlet, date, URL of each article).
"""

from __future__ import annotations

import csv
import io

from dossier.store.export import spreadsheet_safe


def _outlets(cards: list[dict]) -> str:
    return "; ".join(f"{c['outlet']}{' ' + c['date'] if c.get('date') else ''}{' <' + c['url'] + '>' if c.get('url') else ''}"
                     for c in cards)


def rows(page: str, data: dict) -> tuple[list[str], list[dict]]:
    """(columns, rows) of the view `page` ("index", "timeline", "articles", ...) for its data."""
    items = data.get("listing", {}).get("items", [])
    if page == "index":
        return (["title", "first_reported", "articles", "independent_sources", "copies", "original", "outlets", "flags", "id"],
                [{"title": s["title"], "first_reported": s["first_reported"], "articles": s["articles"],
                  "independent_sources": s["independent_sources"],
                  "copies": ", ".join(f"{b['count']} {b['kind']}" for b in s["bar"] if b["kind"] != "independent"),
                  "original": (s["original"] or {}).get("outlet"), "outlets": ", ".join(s["sites"]),
                  "flags": s["flags"], "id": s["id"]} for s in items])
    if page == "timeline":
        return (["date", "precision", "type", "event", "place", "independent_sources", "background", "expected", "modality",
                 "story", "sources"],
                [{"date": e.get("date"), "precision": e.get("date_precision"), "type": e["type"], "event": e["headline"],
                  "place": e.get("place"), "independent_sources": e.get("independent_sources"),
                  "background": "yes" if e.get("background") else "", "expected": "yes" if e.get("expected") else "",
                  "modality": e.get("modality", "asserted"), "story": e.get("story_title"),
                  "sources": _outlets(e["article_cards"])} for e in items])
    if page == "articles":
        columns = ["outlet", "title", "date", "page_date", "page_date_trust", "site", "credited_source", "byline", "url",
                   "source", "id"]
        return columns, [{c: a.get(c) for c in columns} for a in items]
    if page == "entities":
        return (["name", "type", "articles", "mentions", "quotes", "aliases", "id"],
                [dict({c: e.get(c) for c in ("name", "type", "articles", "mentions", "quotes", "id")},
                      aliases="; ".join(e.get("aliases", []))) for e in items])
    if page == "quotes":
        return (["speaker", "variant", "kind", "act", "quote", "outlet", "date", "url", "article"],
                [{"speaker": g["name"], "variant": g["variant"], "kind": x.get("kind"), "act": x.get("act", "speech"),
                  "quote": x["text"],
                  "outlet": (x.get("article_card") or {}).get("outlet"), "date": (x.get("article_card") or {}).get("date"),
                  "url": (x.get("article_card") or {}).get("url"), "article": x["article"]}
                 for g in items for x in g["variants"]])
    if page == "flags":
        cards = data.get("cards", {})
        return (["kind", "severity", "detail", "articles", "evidence", "id"],
                [{"kind": f["kind"], "severity": f["severity"], "detail": f["detail"],
                  "articles": _outlets([cards[a] for a in f["articles"] if a in cards]),
                  "evidence": " | ".join(ev["text"] for ev in f["evidence"]), "id": f["id"]} for f in items])
    if page == "search":
        columns = ["outlet", "title", "date", "page_date_trust", "url", "id"]
        return columns, [{c: a.get(c) for c in columns} for a in data["results"]]
    raise ValueError(f"no export for page {page!r}")


def to_csv(columns: list[str], table: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in table:
        writer.writerow({c: spreadsheet_safe(row.get(c)) for c in columns})
    return buffer.getvalue()


def md_cell(value) -> str:
    text = "" if value is None else str(value)
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", " ").replace("\n", " "))


def to_markdown(title: str, columns: list[str], table: list[dict]) -> str:
    lines = [f"# {md_cell(title)}", "", f"{len(table)} row{'' if len(table) == 1 else 's'}", "",
             "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(md_cell(row.get(c)) for c in columns) + " |" for row in table]
    return "\n".join(lines) + "\n"
