"""The JSON export contract (docs/export.schema.json) and the foundation's promises on the seeds."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from conftest import ROOT, by_seed

SCHEMA = json.loads((ROOT / "docs" / "export.schema.json").read_text())

BOILERPLATE = {  # lines of page chrome in the seeds, as a reader sees them
    "001": ["(Photo : ALEXANDER ZEMLIANICHENKO", "RUSSIA-AFGHANISTAN-DIPLOMACY-CONFLICT", "Read Also:",
            "Related Article:", "@YouTube"],
    "002": ["Discover more from Defence Talks", "Subscribe to get the latest posts"],
    "003": ["-0.6 C", "Monday, March 20, 2023", "Cedric is a journalist", "Related Articles",
            "Please enter your comment!", "Please enter your name here", "Stay Connected",
            "- Advertisement -", "Latest Articles"],
    "004": ["Skip to content", "Not all news on the site expresses"],
}


def test_export_matches_the_schema(seeds_export):
    jsonschema.validate(seeds_export, SCHEMA)


def test_schema_requires_every_list_of_the_contract():
    assert set(SCHEMA["required"]) >= {"articles", "links", "stories", "entities", "quotes", "events", "flags"}


def test_schema_rejects_a_bad_trust_value(seeds_export):
    broken = json.loads(json.dumps(seeds_export))
    broken["articles"][0]["page_date_trust"] = "probably"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


def test_seed_metadata(seeds_export):
    assert len(seeds_export["articles"]) == 5
    assert by_seed(seeds_export, "000")["page_date"] == "2023-11-07"
    assert by_seed(seeds_export, "000")["page_date_trust"] == "ok"
    bulletin = by_seed(seeds_export, "003")
    assert bulletin["byline"] == "Cedric Blackwater" and bulletin["site"] == "Bulletin News"
    assert bulletin["page_date_trust"] in ("weak", "contradicted")
    assert by_seed(seeds_export, "004")["credited_source"] == "ABC News"
    assert by_seed(seeds_export, "002")["site"] == "Defence Talks"


@pytest.mark.parametrize("seed", sorted(BOILERPLATE))
def test_seed_boilerplate_removed_and_kept_aside(seeds_export, seed):
    article = by_seed(seeds_export, seed)
    removed = " ".join(r["line"] for r in article["removed"])
    for line in BOILERPLATE[seed]:
        assert line not in article["text"]
        assert line in removed
    assert all(r["reason"] for r in article["removed"])


def test_seed_headlines_subheads_and_quotes_kept(seeds_export):
    text_001 = by_seed(seeds_export, "001")["text"]
    assert text_001.startswith("Russia Seeks To Exert Influence Over New Regime")
    assert "Russia to send humanitarian aid in Afghanistan" in text_001
    assert "Taliban claims it made progress after gaining power" in text_001
    for article in seeds_export["articles"]:
        raw = (ROOT / "examples" / "seeds" / article["source"]).read_text()
        for quote in re.findall(r"[“\"]([^”\"]{20,})[”\"]", raw):
            assert quote in article["text"], f"{article['source']} lost a quote: {quote[:40]}"


def test_csv_cells_never_start_a_formula():
    from dossier.store.export import spreadsheet_safe

    assert spreadsheet_safe('=HYPERLINK("http://evil.test")') == '\'=HYPERLINK("http://evil.test")'
    assert spreadsheet_safe("-0.6 C") == "'-0.6 C"
    assert spreadsheet_safe("Russia holds talks") == "Russia holds talks"
    assert spreadsheet_safe(None) is None


def test_the_markdown_report_keeps_page_text_inside_its_cells_and_lines(tmp_path):
    # A real page (WSVN, htmldate-eval): its site name "WSVN 7News | Miami News, Weather, Sports |
    # Fort Lauderdale" split its row of the Markdown report's article table into extra columns.
    import re

    from dossier.model import Article, Document
    from dossier.report import render_markdown
    from dossier.store import Store

    store = Store(tmp_path / "md.db")
    text = "Police said a 15-year-old driver was killed in a crash in Miami-Dade on Sunday."
    with store.transaction():
        store.put_document(Document(id="w1", source="wsvn|crash.html", kind="text", raw=text.encode()))
        store.put_article(Article(id="w1", source="wsvn|crash.html", text=text, title="Crash <script>x</script>\nkills teen",
                                  site="WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale",
                                  byline="Ann Lee | Staff", page_date="2023-11-05", page_date_trust="ok"))
        store.put_corpus(store.corpus())
    md = render_markdown(store)
    store.close()
    rows = [line for line in md.splitlines() if "Fort Lauderdale" in line and line.startswith("|")]
    assert len(rows) == 1
    assert len(re.findall(r"(?<!\\)\|", rows[0])) == 9  # 8 cells
    assert "<script>" not in md and "\nkills teen" not in md
