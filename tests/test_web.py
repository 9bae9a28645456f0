"""In-process HTTP tests of the web UI: every page and its JSON twin, on the seeds dossier (built
with the real pipeline) and on a small hand-built dossier whose corpus lists are all filled."""

from __future__ import annotations

import html
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_sample import IMG, SCRIPT, build_sample

from dossier.store import Store, StoreError
from dossier.web import create_app
from dossier.web.compare import changed_spans, evidence_spans, segments
from dossier.web.graph import depths
from dossier.web.digest import source_link
from dossier.web.search import article_filters
from dossier.web.security import host_allowed

LIST_PAGES = ["/", "/timeline", "/articles", "/entities", "/quotes", "/flags", "/rejected", "/search"]


def json_twin(path: str) -> str:
    base, _, query = path.partition("?")
    return (base.rstrip("/") or "/index") + ".json" + (f"?{query}" if query else "")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    db, ids = build_sample(tmp_path_factory.mktemp("web-sample"))
    return db, ids


@pytest.fixture(scope="module")
def sample_client(sample):
    return TestClient(create_app(sample[0]))


@pytest.fixture(scope="module")
def seeds_client(seeds_db):
    return TestClient(create_app(seeds_db))


def sample_pages(ids: dict[str, str]) -> list[str]:
    wire, copy, xss = ids["wire.txt"], ids["copy.txt"], ids["xss.txt"]
    return LIST_PAGES + [
        "/stories/s-geneva", f"/articles/{wire}", f"/articles/{xss}", f"/compare?ids={wire},{copy},{xss}",
        "/entities/e-berg", "/flags?kind=quote_drift", "/search?q=Berg", "/search?q=Berg&entity=e-berg",
        "/search?site=unknown+site&start=2020&end=2030"]


def get_ok(client: TestClient, path: str):
    response = client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response


# ------------------------------------------------------------------ every route, both forms


def test_every_sample_page_and_its_json_twin(sample, sample_client):
    for path in sample_pages(sample[1]):
        page = get_ok(sample_client, path)
        assert page.headers["content-type"].startswith("text/html")
        assert "<main" in page.text and "</html>" in page.text
        twin = get_ok(sample_client, json_twin(path))
        assert twin.headers["content-type"].startswith("application/json")
        assert isinstance(twin.json(), dict)


def test_every_seeds_page_and_its_json_twin(seeds_client):
    data = get_ok(seeds_client, "/articles.json").json()
    ids = [a["id"] for a in data["articles"]]
    assert len(ids) == 5
    paths = LIST_PAGES + [f"/articles/{i}" for i in ids] + ["/search?q=Lavrov", f"/compare?ids={ids[1]},{ids[3]},{ids[4]}"]
    paths += [f"/stories/{s['id']}" for s in get_ok(seeds_client, "/index.json").json()["stories"]]
    paths += [f"/entities/{e['id']}" for e in get_ok(seeds_client, "/entities.json").json()["entities"]][:10]
    for path in paths:
        assert "<main" in get_ok(seeds_client, path).text
        assert isinstance(get_ok(seeds_client, json_twin(path)).json(), dict)


def test_seeds_search_finds_lavrov(seeds_client):
    found = get_ok(seeds_client, "/search.json?q=Lavrov").json()["results"]
    assert len(found) == 5  # every seed names him
    assert any(run["mark"] and run["text"].lower() == "lavrov" for hit in found for run in hit["snippet"])
    page = get_ok(seeds_client, "/search?q=Lavrov").text
    assert re.search(r"<mark>Lavrov</mark>", page)


def test_seeds_article_page_shows_text_boilerplate_and_date_evidence(seeds_client):
    cards = get_ok(seeds_client, "/articles.json").json()["articles"]
    dated = next(c for c in cards if c["source"].startswith("000"))
    data = get_ok(seeds_client, f"/articles/{dated['id']}.json").json()
    page = get_ok(seeds_client, f"/articles/{dated['id']}").text
    assert data["article"]["page_date_evidence"], "000 carries a 'date YYYY-MM-DD' line"
    for ev in data["article"]["page_date_evidence"]:
        assert html.escape(ev["text"], quote=False) in page
    assert "<details" in page and "Removed boilerplate" in page
    chrome = next(c for c in cards if c["source"].startswith("003"))
    removed = get_ok(seeds_client, f"/articles/{chrome['id']}.json").json()["article"]["removed"]
    page = get_ok(seeds_client, f"/articles/{chrome['id']}").text
    assert removed and all(html.escape(r["line"], quote=False) in page for r in removed)


def test_not_found_has_html_and_json_forms(sample_client):
    for path in ["/stories/nope", "/articles/nope", "/entities/nope", "/compare?ids=nope,other"]:
        assert sample_client.get(path).status_code == 404
        assert "Not found" in sample_client.get(path).text
        twin = sample_client.get(json_twin(path))
        assert twin.status_code == 404 and "detail" in twin.json()
    assert sample_client.get("/compare.json").status_code == 422
    assert "<main" in sample_client.get("/compare").text


def test_the_story_list_paths_lead_to_the_home_page(sample_client):
    for path, target in [("/stories", "/"), ("/stories/", "/"), ("/stories?sort=oldest", "/?sort=oldest"),
                         ("/stories.json", "/index.json")]:
        response = sample_client.get(path, follow_redirects=False)
        assert response.status_code == 308 and response.headers["location"] == target
        assert sample_client.get(path).status_code == 200


def test_openapi_describes_every_json_twin(sample_client):
    spec = get_ok(sample_client, "/openapi.json").json()
    for path in ["/index.json", "/stories/{story_id}.json", "/articles/{article_id}.json", "/compare.json",
                 "/entities/{entity_id}.json", "/quotes.json", "/flags.json", "/search.json", "/rejected.json",
                 "/timeline.json", "/articles.json", "/entities.json"]:
        operation = spec["paths"][path]["get"]
        schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path
    assert {"q", "entity", "site", "start", "end"} <= {p["name"] for p in spec["paths"]["/search.json"]["get"]["parameters"]}
    assert "<code>/stories/{story_id}.json</code>" in get_ok(sample_client, "/api").text


# ------------------------------------------------------------------ untrusted content


def test_markup_in_articles_renders_as_text(sample, sample_client):
    db, ids = sample
    for path in sample_pages(ids):
        page = get_ok(sample_client, path).text
        assert SCRIPT not in page and "<img src=x" not in page, path
    article = get_ok(sample_client, f"/articles/{ids['xss.txt']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert get_ok(sample_client, f"/articles/{ids['xss.txt']}.json").json()["article"]["text"].count(SCRIPT) >= 1


def test_security_headers_allow_nothing_from_elsewhere(sample_client):
    for path in ["/", "/index.json", "/static/style.css", "/stories/nope"]:
        policy = sample_client.get(path).headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy and "http" not in policy
    page = get_ok(sample_client, "/").text
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page), "nothing may load from another host"
    assert "<script>" not in page and " style=" not in page, "no inline script or style under the CSP"


def test_raw_input_is_plain_text(sample, sample_client):
    raw = get_ok(sample_client, f"/articles/{sample[1]['xss.txt']}/raw")
    assert raw.headers["content-type"].startswith("text/plain") and SCRIPT in raw.text
    assert raw.headers["x-content-type-options"] == "nosniff"


def test_loopback_server_refuses_foreign_host_names(sample):
    client = TestClient(create_app(sample[0]), base_url="http://127.0.0.1:8000")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "evil.example:8000"}).status_code == 400
    assert host_allowed("127.0.0.1", "localhost:8000") and host_allowed("::1", "[::1]:8000")
    assert not host_allowed("127.0.0.1", "rebind.example") and host_allowed("10.0.0.5", "rebind.example")


# ------------------------------------------------------------------ pages show what the store holds


def test_the_timeline_says_which_events_no_report_tells_as_fact(sample_client):
    """An event known only from what someone said carries its modality on the page, in the JSON,
    and the CSV and Markdown exports; an asserted one carries no mark."""
    rows = {e["id"]: e["modality"] for e in get_ok(sample_client, "/timeline.json").json()["events"]}
    assert rows == {"ev0": "reported", "ev1": "asserted"}
    page = get_ok(sample_client, "/timeline").text
    assert page.count('class="badge modality"') == 1 and "what someone is reported to have said" in page
    csv_rows = get_ok(sample_client, "/timeline.csv").text.splitlines()
    assert "modality" in csv_rows[0].split(",") and sum(",reported," in r for r in csv_rows) == 1
    assert "| modality |" in get_ok(sample_client, "/timeline.md").text


def test_story_page_shows_graph_counts_timeline_and_flags(sample, sample_client):
    ids = sample[1]
    data = get_ok(sample_client, "/stories/s-geneva.json").json()
    # Roles follow the build's lineages: xss.txt is its own lineage, so an independent source (it
    # was called "report", which contradicted the story's count of independent sources).
    assert [a["role"] for a in data["articles"]] == ["original", "copy", "independent"]
    assert [a["derived_by"] for a in data["articles"]] == [None, "rewrite", None]
    assert data["row"]["rewrites"] == 1 and data["row"]["partials"] == 1
    assert {n["id"] for n in data["graph"]["nodes"]} == set(ids.values())
    assert [e["date"] for e in data["timeline"]] == ["2022", "2024-05-07"] and data["timeline"][0]["background"]
    assert data["compare"][0] == ids["wire.txt"]
    page = get_ok(sample_client, "/stories/s-geneva").text
    assert "<svg" in page and 'marker-end="url(#arrow)"' in page and "rewrite 0.82" in page
    assert "<strong>2</strong> independent sources" in page
    assert "why the United States stayed away changed" in page
    assert f"/compare?ids={ids['wire.txt']}%2C{ids['copy.txt']}%2C{ids['xss.txt']}" in page


def test_compare_pairs_aligned_sentences_and_marks_changed_facts(sample, sample_client):
    ids = sample[1]
    data = get_ok(sample_client, f"/compare.json?ids={ids['wire.txt']}&ids={ids['copy.txt']}").json()
    row = next(r for r in data["rows"] if "stayed away" in "".join(s["text"] for s in r["pivot"]))
    assert row["aligned"] and row["flagged"]
    other = row["cells"][0][0]["segments"]
    assert {"text": "technological issues", "mark": "flag"} in other
    assert any(r["aligned"] is False for r in data["rows"])  # "Talks continue next week." has no pair
    assert data["unaligned"] == [[{"index": 3, "text": "A weather front hit the city."}]]
    page = get_ok(sample_client, f"/compare?ids={ids['wire.txt']},{ids['copy.txt']}").text
    assert '<mark class="fact">technological issues</mark>' in page


def test_entity_quotes_and_flags_pages(sample, sample_client):
    entity = get_ok(sample_client, "/entities/e-berg.json").json()
    assert entity["entity"]["name"] == "Anna Berg" and len(entity["quotes"]) == 2
    assert {m["article"]["source"] for m in entity["mentions"]} == {"wire.txt", "copy.txt", "xss.txt"}
    assert entity["events"][0]["id"] == "ev1"
    groups = get_ok(sample_client, "/quotes.json").json()["groups"]
    assert groups[0]["name"] == "Anna Berg" and len(groups[0]["variants"]) == 2 and groups[0]["drift"]["id"] == "f2"
    flags = get_ok(sample_client, "/flags.json?kind=changed_fact").json()
    assert [f["id"] for f in flags["flags"]] == ["f1"] and flags["kinds"] == {"changed_fact": 1, "quote_drift": 1}


def test_search_facets_filter(sample, sample_client):
    everything = get_ok(sample_client, "/search.json").json()
    assert len(everything["results"]) == 3 and everything["facets"]["entities"][0]["value"] == "e-berg"
    assert get_ok(sample_client, "/search.json?q=technological").json()["results"][0]["id"] == sample[1]["copy.txt"]
    assert get_ok(sample_client, "/search.json?q=Berg&site=elsewhere.example").json()["results"] == []
    assert get_ok(sample_client, "/search.json?q=Berg&start=2020").json()["results"] == []  # all undated
    assert get_ok(sample_client, '/search.json?q="unbalanced AND (').status_code == 200


def test_empty_dossier_shows_empty_states(tmp_path):
    Store(tmp_path / "empty.db").close()
    client = TestClient(create_app(tmp_path / "empty.db"))
    for path in LIST_PAGES:
        assert 'class="empty"' in get_ok(client, path).text, path
        get_ok(client, json_twin(path))


def test_reads_while_a_build_holds_the_write_lock(sample, sample_client):
    writer = sqlite3.connect(sample[0], isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM corpus")
    try:
        assert len(get_ok(sample_client, "/index.json").json()["stories"]) == 1  # the last committed build
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_missing_or_foreign_file_fails_at_start(tmp_path):
    with pytest.raises(StoreError, match="no dossier"):
        create_app(tmp_path / "missing.db")
    (tmp_path / "notes.db").write_text("not a database " * 100)
    with pytest.raises(StoreError, match="not a Dossier database"):
        create_app(tmp_path / "notes.db")


# ------------------------------------------------------------------ helpers


def test_layers_follow_copy_direction_and_survive_cycles():
    links = [{"a": "o", "b": "c1", "direction": "a_to_b"}, {"a": "c2", "b": "c1", "direction": "b_to_a"},
             {"a": "o", "b": "x", "direction": None}]
    assert depths(["o", "c1", "c2", "x"], links) == {"o": 0, "c1": 1, "c2": 2, "x": 0}
    cycle = [{"a": "p", "b": "q", "direction": "a_to_b"}, {"a": "q", "b": "p", "direction": "a_to_b"}]
    assert max(depths(["p", "q"], cycle).values()) <= 2


def test_segments_mark_flag_evidence_and_word_changes():
    runs = segments("citing technological issues.", "citing logistical issues.", ["technological issues"])
    assert {"text": "technological issues", "mark": "flag"} in runs
    assert "".join(r["text"] for r in runs) == "citing technological issues."
    assert changed_spans("the big dog ran", "the small dog ran") == [(4, 7)]
    assert changed_spans("entirely other words here", "the small dog ran") == []  # a rewrite: no word marks
    assert evidence_spans("Short one.", "A passage holding Short one. and more") == [(0, 10)]


def test_date_ranges_compare_partial_dates():
    year_to_month = article_filters(None, None, "2021", "2021-12")
    assert (date.fromordinal(year_to_month.first_day), date.fromordinal(year_to_month.last_day)) == \
        (date(2021, 1, 1), date(2021, 12, 31))
    open_end = article_filters(None, "", "2021-10-01", None)
    assert (open_end.first_day, open_end.last_day, open_end.site) == (date(2021, 10, 1).toordinal(), None, None)


# ------------------------------------------------------------------ lists, exports, search, digests


def test_lists_page_and_keep_their_filters(sample_client):
    second = get_ok(sample_client, "/articles.json?per_page=1&page=2&sort=title").json()["listing"]
    assert (second["total"], second["pages"], second["page"], len(second["items"])) == (3, 3, 2, 1)
    page = get_ok(sample_client, "/articles?per_page=1&sort=title").text
    assert 'rel="next" href="/articles?per_page=1&amp;sort=title&amp;page=2"' in page
    assert get_ok(sample_client, "/timeline.json?year=2022").json()["listing"]["total"] == 1
    assert sample_client.get("/articles.json?per_page=100000").status_code == 422


def test_exports_of_the_filtered_view_stay_inert(sample, sample_client):
    rows = get_ok(sample_client, "/articles.csv").text.splitlines()
    assert rows[0].startswith("outlet,title,date") and len(rows) == 4
    timeline = get_ok(sample_client, "/timeline.md?year=2024").text
    assert "| date |" in timeline and "2024-05-07" in timeline and "2022" not in timeline.split("|---", 1)[1]
    assert "wire.txt" in timeline or "(credited)" in timeline or ".example" in timeline  # sources are cited
    assert "<script>" not in timeline and "&lt;script&gt;" in timeline
    assert "technical guarantees" in get_ok(sample_client, "/quotes.csv?speaker=e-berg").text
    assert get_ok(sample_client, "/flags.csv?kind=changed_fact").text.count("\n") == 2


def test_one_search_groups_kinds_and_matches_prefixes(sample_client):
    found = get_ok(sample_client, "/search.json?q=Ber").json()
    assert {g["kind"] for g in found["groups"]} >= {"entity", "quote"} and found["counts"]["entity"] == 1
    assert found["groups"][0]["hits"][0]["href"] == "/entities/e-berg"
    assert len(found["results"]) == 3  # "Ber" starts "Berg" in every article
    page = get_ok(sample_client, "/search?q=Ber").text
    assert 'href="#hits-entity"' in page and 'id="hits-article"' in page


def test_compare_links_always_resolve(sample, sample_client):
    wire, copy = sample[1]["wire.txt"], sample[1]["copy.txt"]
    assert sample_client.get(f"/compare?ids={wire}%232,{copy}").status_code == 200  # evidence "ID#sentence"
    assert sample_client.get(f"/compare?ids={wire},{wire}").status_code == 200  # one article
    flags = get_ok(sample_client, "/flags.json").json()["flags"]
    assert all(set(f["compare"]) == {wire, copy} for f in flags)


def test_digest_follows_the_builds_derivation_edge():
    # The build derived c from s2 (its edge), though the link from s1 is directed and stronger.
    links = [{"id": "s1:c", "a": "s1", "b": "c", "kind": "copy", "score": 0.9, "direction": "a_to_b"},
             {"id": "s2:c", "a": "s2", "b": "c", "kind": "rewrite", "score": 0.6, "direction": None}]
    edges = [{"source": "s2", "derived": "c", "kind": "rewrite", "basis": "lineage"}]
    assert source_link("c", links, edges)["id"] == "s2:c"
    assert source_link("c", links)["id"] == "s1:c"  # no edge stored: the directed link


def test_story_digest_links_to_sentences_in_compare(sample, sample_client):
    data = get_ok(sample_client, "/stories/s-geneva.json").json()
    digest = data["digests"][0]
    assert (digest["source_id"], digest["copy_id"]) == (sample[1]["wire.txt"], sample[1]["copy.txt"])
    assert [x["text"] for x in digest["added"]] == ["A weather front hit the city."]
    assert digest["added"][0]["href"].endswith("#c1-s3") and digest["dropped"][0]["href"].endswith("#s3")
    assert digest["facts"][0]["detail"] == "why the United States stayed away changed"
    compare = get_ok(sample_client, digest["href"]).text
    assert 'id="s3"' in compare and 'id="c1-s3"' in compare
    assert '<del class="dropped"' in compare  # "from every port" vs "from each port"
    page = get_ok(sample_client, "/stories/s-geneva").text
    assert 'class="bar"' in page and "1 rewrite" in page and 'class="legend"' in page


def test_quote_and_entity_pages_say_how_many_articles_the_models_did_not_read(tmp_path, options, resources):
    from dossier.pipeline import build

    wild = Path(__file__).parent / "fixtures" / "wild" / "languages"
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("en.txt", "es.txt"):
        (folder / name).write_text((wild / name).read_text(encoding="utf-8"), encoding="utf-8")
    store = Store(tmp_path / "two.db")
    build(store, [folder], options, resources=resources)
    store.close()
    client = TestClient(create_app(tmp_path / "two.db"))
    for path in ("/quotes", "/entities"):
        assert "1 of 2 articles are in a language" in html.unescape(client.get(path).text)
    assert client.get("/quotes.json").json()["counts"]["unread"] == 1
