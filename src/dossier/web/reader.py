"""Read-only access to a dossier for the web app.

The app never writes: `Store(readonly=True)` opens SQLite with `mode=ro`, so it neither migrates the
file nor takes the write lock a running build holds (WAL mode lets it read the last committed build).
"""

from __future__ import annotations

import json
from pathlib import Path

from dossier.store import Store

SUMMARY_FIELDS = ("title", "site", "byline", "credited_source", "url", "page_date", "page_date_trust",
                  "event_date")


def open_readonly(path: str | Path) -> Store:
    """A `Store` over a read-only connection (its read methods work; its write methods fail)."""
    return Store(path, readonly=True)


def article_summaries(store: Store) -> dict[str, dict]:
    """id -> the few fields every list shows, read with json_extract so no article text is parsed."""
    columns = ", ".join(f"json_extract(data, '$.{name}') AS {name}" for name in SUMMARY_FIELDS)
    rows = store.db.execute(f"SELECT id, source, {columns} FROM articles ORDER BY source, id")
    return {r["id"]: summary(dict(r)) for r in rows}


def summary(fields: dict) -> dict:
    """The card of one article: its fields plus the date a reader should trust most."""
    card = {"id": fields["id"], "source": fields["source"]}
    card.update({name: fields.get(name) for name in SUMMARY_FIELDS})
    card["page_date_trust"] = card["page_date_trust"] or "missing"
    card["label"] = card["title"] or Path(card["source"]).name
    card["short"] = card["site"] or Path(card["source"]).name  # fits beside evidence, in graph nodes
    card["date"] = card["event_date"] or card["page_date"]
    return card


def articles_mentioning(store: Store, needle: str) -> list[dict]:
    """Article JSON for the articles whose stored data contains `needle` (a cheap pre-filter in
    SQLite, so an entity page does not parse every article)."""
    rows = store.db.execute("SELECT data FROM articles WHERE instr(data, ?) > 0 ORDER BY source, id", (needle,))
    return [json.loads(r[0]) for r in rows]
