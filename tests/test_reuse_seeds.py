"""Reuse on the seeds export (built with the real pipeline), and `dossier add` equal to a build."""

from __future__ import annotations

from pathlib import Path

from conftest import SEEDS, by_seed

STRONG = {"copy", "rewrite", "translation"}


def _pairs(export, kinds):
    key = {a["id"]: Path(a["source"]).name[:3] for a in export["articles"]}
    return [({key[l["a"]], key[l["b"]]}, l) for l in export["links"] if l["kind"] in kinds]


def test_rewrites_of_the_2021_story_form_one_lineage(seeds_export):
    edges = [pair for pair, _ in _pairs(seeds_export, STRONG)]
    assert {"003", "004"} in edges or {"001", "004"} in edges
    joined = {"001"}
    for _ in range(3):
        for pair in edges:
            if pair & joined:
                joined |= pair
    assert joined == {"001", "003", "004"}


def test_later_stories_only_share_background(seeds_export):
    for pair, _ in _pairs(seeds_export, STRONG):
        assert "000" not in pair and "002" not in pair
    partial = [pair for pair, _ in _pairs(seeds_export, {"partial"})]
    assert any("000" in pair and pair & {"001", "003", "004"} for pair in partial)


def test_alignments_hold_the_rewritten_sentences(seeds_export):
    def aligned(k1, k2, phrase):
        return any(phrase in (al["a_sentence"] + al["b_sentence"]).lower()
                   for pair, l in _pairs(seeds_export, STRONG | {"partial"}) if pair == {k1, k2}
                   for al in l["alignments"])

    assert aligned("001", "004", "inclusive government")
    assert aligned("003", "004", "embassy in kabul") or aligned("001", "003", "embassy in kabul")


def test_lineage_api_counts_one_independent_source(seeds_export):
    from dossier import reuse
    from dossier.model import Article, Link, from_dict

    articles = [from_dict(Article, a) for a in seeds_export["articles"]]
    links = [from_dict(Link, l) for l in seeds_export["links"]]
    groups = reuse.lineages(articles, links)
    ids = [by_seed(seeds_export, k)["id"] for k in ("001", "003", "004")]
    assert reuse.independent_sources(ids, groups) == 1
    assert len(groups) == 3  # the 2021 lineage, 000, 002
    lineage = next(g for g in groups if ids[0] in g.articles)
    assert lineage.original in ids and len(lineage.edges) >= 2


def test_add_equals_build_from_scratch(tmp_path, options, resources, seeds_export):
    from dossier.pipeline import build
    from dossier.store import Store
    from dossier.store.export import export_dict

    files = sorted(SEEDS.iterdir())
    store = Store(tmp_path / "inc.db")
    build(store, files[:3], options, resources=resources)
    build(store, files[3:], options, incremental=True, resources=resources)
    from dossier.reuse.fingerprints import PRODUCT_NAME

    assert len(store.products(PRODUCT_NAME)) == 5
    added = export_dict(store)
    store.close()
    key = lambda l: (l["a"], l["b"])  # noqa: E731
    assert sorted(added["links"], key=key) == sorted(seeds_export["links"], key=key)
