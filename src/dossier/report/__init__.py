"""The report a user opens after a build: HTML (self-contained, everything escaped) and Markdown."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from dossier.store import Store
from dossier.store import queries
from dossier.store.export import export_dict


def _view(store: Store) -> dict:
    data = export_dict(store)
    by_id = {a["id"]: a for a in data["articles"]}
    label = {a["id"]: (a["title"] or a["source"]) for a in data["articles"]}
    entity_name = {e["id"]: e["name"] for e in data["entities"]}
    links_of = defaultdict(list)
    for link in data["links"]:
        links_of[link["a"]].append(link)
        links_of[link["b"]].append(link)
    # The timeline the web shows, in the same order: the build's (stories/: resolved date interval,
    # then precision); a string sort would put "2021-W41" after "2021-11".
    timeline = queries.timeline_rows(queries.timeline(store.db, paging=queries.ALL)["items"])
    # the quotes a reader takes for someone's words; stances ("supporting", "an interpretation of")
    # are counted here and listed in the export and the web's quote ledger
    speech = [q for q in data["quotes"] if q.get("act", "speech") == "speech"]
    return {"data": data, "by_id": by_id, "label": label, "entity_name": entity_name,
            "speech": speech, "stances": len(data["quotes"]) - len(speech),
            "links_of": links_of, "timeline": [e for e in timeline if e.get("date")],
            "undated": [e for e in timeline if not e.get("date")], "stats": store.stats()}


def md_text(value) -> str:
    """Page text inside a Markdown line: markup and line breaks from a page cannot start a heading,
    a list or an HTML tag there ("<script>" in a title, a summary spanning lines)."""
    text = "" if value is None else str(value)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ")


def md_cell(value) -> str:
    """Page text in a Markdown table cell: its pipes escaped too (as the web's Markdown views do)."""
    return md_text("" if value is None else str(value).replace("\\", "\\\\").replace("|", "\\|"))


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).parent),
                      autoescape=select_autoescape(["html"], default_for_string=False),
                      trim_blocks=True, lstrip_blocks=True)
    # a table cell escapes its pipes too: a site named "WSVN 7News | Miami News, Weather, Sports"
    # split its row into extra columns
    env.filters.update(md_cell=md_cell, md_text=md_text)
    return env


def render_html(store: Store) -> str:
    return _env().get_template("report.html").render(**_view(store))


def render_markdown(store: Store) -> str:
    return _env().get_template("report.md").render(**_view(store))
