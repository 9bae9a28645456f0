"""Verify on the five seeds, built with the real pipeline (the issue's "done when" lines)."""

from __future__ import annotations

import copy
import dataclasses
import json

from conftest import by_seed

from dossier.model import Article, Corpus
from dossier.store import Store
from dossier.verify import find_flags


def _blob(flag: dict) -> str:
    text = json.dumps(flag, ensure_ascii=False).lower()
    return text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'")


def _keys(export: dict, ids: list[str]) -> set[str]:
    names = {a["id"]: a["source"].rsplit("/", 1)[-1][:3] for a in export["articles"]}
    return {names[i] for i in ids if i in names}


def test_changed_quoted_word_on_why_the_us_stayed_away(seeds_export):
    flags = [f for f in seeds_export["flags"] if f["kind"] == "changed_fact"]
    hit = [f for f in flags if "'technological' vs 'logistical'" in f["detail"]]
    assert len(hit) == 1
    assert _keys(seeds_export, hit[0]["articles"]) == {"001", "003"}
    assert hit[0]["severity"] == "high"


def test_lavrov_quote_drift(seeds_export):
    drift = [f for f in seeds_export["flags"] if f["kind"] == "quote_drift" and "inclusive government" in _blob(f)]
    assert len(drift) == 1
    assert _keys(seeds_export, drift[0]["articles"]) == {"001", "003", "004"}
    assert "Lavrov" in drift[0]["detail"]
    assert len({e["text"] for e in drift[0]["evidence"]}) == 3


def test_misdated_page(seeds_export):
    assert by_seed(seeds_export, "003")["page_date_trust"] == "contradicted"
    for key in ("000", "001", "002", "004"):
        assert by_seed(seeds_export, key)["page_date_trust"] != "contradicted"
    misdated = [f for f in seeds_export["flags"] if f["kind"] == "misdated_page"]
    assert [sorted(_keys(seeds_export, f["articles"]))[0] for f in misdated] == ["003"]


def test_no_flag_on_harmless_rewording(seeds_export):
    for flag in seeds_export["flags"]:
        blob = _blob(flag)
        assert "5,000" not in blob and "700" not in blob
        assert not ("2003" in blob and "designat" in blob)


def test_rerun_over_stored_articles_is_idempotent(seeds_db):
    """Verify over the stored analysed articles (anchored as the build anchored them) finds the
    build's flags again, twice, and edits none of its inputs."""
    store = Store(seeds_db)
    try:
        decided = {a.id: a for a in store.articles()}
        corpus: Corpus = store.corpus()
        analysed: list[Article] = store.analysed_articles()
    finally:
        store.close()
    # the inputs verify saw: analysed articles with the build's entities, times and events
    articles = [dataclasses.replace(a, mentions=decided[a.id].mentions, quotes=decided[a.id].quotes,
                                    times=decided[a.id].times, events=decided[a.id].events)
                for a in analysed]
    before = copy.deepcopy(articles)
    first = find_flags(articles, corpus.links, corpus.events, corpus.entities, corpus.stories)
    second = find_flags(articles, corpus.links, corpus.events, corpus.entities, corpus.stories)
    assert [f.id for f in first] == [f.id for f in second]
    assert sorted(f.id for f in first) == sorted(f.id for f in corpus.flags)
    assert articles == before


def test_kept_link_flags_equal_fresh_ones_and_only_a_changed_component_is_checked_again(seeds_db, monkeypatch):
    """With a product cache, a second run serves every link component's flags from it; a changed
    member article sends its component (and only it) through the checks again."""
    from dossier import verify
    from dossier.reuse import MemoryProducts

    store = Store(seeds_db)
    try:
        articles, corpus = store.articles(), store.corpus()
    finally:
        store.close()
    inputs = (corpus.links, corpus.events, corpus.entities, corpus.stories)
    fresh = find_flags(articles, *inputs)
    cache = MemoryProducts()
    assert find_flags(articles, *inputs, cache=cache) == fresh
    checked: list[list[str]] = []
    real = verify._link_flags
    monkeypatch.setattr(verify, "_link_flags",
                        lambda members, *rest: checked.append([a.id for a in members]) or real(members, *rest))
    assert find_flags(articles, *inputs, cache=cache) == fresh
    assert checked == []
    linked = {x for link in corpus.links for x in (link.a, link.b)}
    target = next(a for a in articles if a.id in linked)
    # a field the checks do not read (kept.CHECKED_FIELDS) changes no key ...
    dated = [dataclasses.replace(a, event_date="1999-01-01", title="x") if a is target else a for a in articles]
    assert find_flags(dated, *inputs, cache=cache) == fresh and checked == []
    # ... one they read sends the component through the checks again
    edited = [dataclasses.replace(a, mentions=a.mentions[1:]) if a is target else a for a in articles]
    find_flags(edited, *inputs, cache=cache)
    assert len(checked) == 1 and target.id in checked[0]


def test_link_checks_read_no_article_field_their_key_leaves_out(seeds_db):
    """Every component's link flags are the same when each Article field outside
    kept.CHECKED_FIELDS is changed, so `component_key` may leave those fields out."""
    from dossier import verify
    from dossier.config import VerifyOptions
    from dossier.reuse import build_provenance
    from dossier.verify.kept import CHECKED_FIELDS, link_components

    store = Store(seeds_db)
    try:
        articles, links = store.articles(), store.corpus().links
    finally:
        store.close()
    other = {str: "changed", list: [], type(None): "changed"}
    scrambled = {a.id: dataclasses.replace(a, **{f.name: other.get(type(getattr(a, f.name)), None)
                                                for f in dataclasses.fields(Article) if f.name not in CHECKED_FIELDS})
                 for a in articles}
    provenance = build_provenance(articles, links)
    name = {a.id: a.source.rsplit("/", 1)[-1] for a in articles}.get
    by_id = {a.id: a for a in articles}
    checked = 0
    for group in link_components(links):
        ids = sorted({x for link in group for x in (link.a, link.b)})
        flags = [verify._link_flags([source[i] for i in ids], group, provenance.rank.__getitem__,
                                    provenance.lineage_of(), VerifyOptions(), name) for source in (by_id, scrambled)]
        assert flags[0] == flags[1]
        checked += bool(flags[0])
    assert checked  # the seeds' components do raise flags


def test_an_add_checks_again_only_the_links_it_changes_and_the_flags_stay_the_same(seeds_db, monkeypatch):
    """An add-like change: a copy joins a linked component after the build kept its checks. The
    component is read again, but only links that the first run did not check are checked; a
    changed article's mentions send only its own links through the checks. The flags equal those
    of a run without the cache."""
    from dossier.reuse import MemoryProducts
    from dossier.verify import linkchecks

    store = Store(seeds_db)
    try:
        articles, corpus = store.articles(), store.corpus()
    finally:
        store.close()
    rest = (corpus.events, corpus.entities, corpus.stories)
    degree = {a.id: sum(a.id in (link.a, link.b) for link in corpus.links) for a in articles}
    new = max((a.id for a in articles), key=lambda i: (degree[i], i))
    earlier = [link for link in corpus.links if new not in (link.a, link.b)]
    assert earlier  # the newcomer joins articles that are linked already
    checked: list[list[tuple[str, str]]] = [[]]
    real = linkchecks._value
    monkeypatch.setattr(linkchecks, "_value",
                        lambda link, *more: checked[-1].append((link.a, link.b)) or real(link, *more))
    cache = MemoryProducts()
    find_flags([a for a in articles if a.id != new], earlier, *rest, cache=cache)
    before = set(checked[-1])
    checked.append([])
    added = find_flags(articles, corpus.links, *rest, cache=cache)
    assert checked[-1] and not set(checked[-1]) & before
    assert added == find_flags(articles, corpus.links, *rest)
    target = next(a for a in articles if a.id != new and degree[a.id])
    edited = [dataclasses.replace(a, mentions=a.mentions[1:]) if a is target else a for a in articles]
    checked.append([])
    kept = find_flags(edited, corpus.links, *rest, cache=cache)
    assert checked[-1] and all(target.id in pair for pair in checked[-1])
    assert kept == find_flags(edited, corpus.links, *rest)
