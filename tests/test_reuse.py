"""Reuse on hand-built articles: copy, rewrite, partial reuse, an unrelated same-topic report."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dossier import reuse
from dossier.model import Article, Derivation, Link, RemovedLine
from dossier.reuse.align import AlignedPair, best_matches
from dossier.reuse.candidates import article_candidates, sentence_candidates
from dossier.reuse.classify import machine_translated, make_link
from dossier.reuse.fingerprints import MemoryProducts, article_products, ensure_vectors, model_key
from dossier.reuse.provenance import Lineage
from dossier.reuse.sentences import MIN_UNIT_WORDS, article_units, long_enough, split_text, words
from reuse_fixtures import ORIGINAL, PARTIAL, REWRITE, article, corpus


@pytest.fixture(scope="module")
def links(options, resources) -> dict[frozenset, Link]:
    found = reuse.find_links(list(corpus().values()), options.reuse, resources)
    return {frozenset((l.a, l.b)): l for l in found}


def link(links, a, b) -> Link | None:
    return links.get(frozenset((a, b)))


def test_verbatim_abridged_copy_is_a_copy_of_the_original(links):
    found = link(links, "original", "copy")
    assert found is not None and found.kind == "copy"
    source = found.a if found.direction == "a_to_b" else found.b
    assert source == "original"  # the copy's sentences are a subset of the original's
    assert len(found.alignments) == 6
    assert all(al.a_sentence == al.b_sentence for al in found.alignments)


def test_paraphrase_is_a_rewrite_with_sentence_evidence(links):
    found = link(links, "original", "rewrite")
    assert found is not None and found.kind == "rewrite"
    pairs = {(al.a_index, al.b_index) for al in found.alignments}
    assert pairs and all(i == j for i, j in pairs)  # each sentence aligned with its paraphrase


def test_background_paragraphs_give_a_partial_link(links):
    found = link(links, "original", "partial")
    assert found is not None and found.kind == "partial"
    assert any("2002" in al.a_sentence and "2002" in al.b_sentence for al in found.alignments)


@pytest.mark.parametrize("language, linked", [("en", True), (None, True), ("de", False)])
def test_the_encoders_cosine_alone_aligns_only_in_the_language_it_reads(options, language, linked):
    # Two sentence pairs at cosine 0.8 sharing few words: paraphrase evidence where MiniLM reads the
    # language; in German its cosines run that high for any same-topic pair, so no partial link.
    a = article("a", [ORIGINAL[0], ORIGINAL[3], ORIGINAL[6]], language=language)
    b = article("b", [PARTIAL[0], PARTIAL[2], PARTIAL[8]], language=language)
    pa, pb = article_products([a, b], model_key(options.reuse))
    pairs = [AlignedPair(a_row=0, b_row=0, cosine=0.8, overlap=0.0),
             AlignedPair(a_row=1, b_row=1, cosine=0.8, overlap=0.0)]
    found = make_link(a, b, pa, pb, pairs, options.reuse)
    assert (found is not None and found.kind == "partial") == linked


@pytest.mark.parametrize("language", ["en", "hu"])
def test_a_form_filled_twice_is_no_reuse_in_any_language(options, language):
    # Two death notices: the form's fixed lines are verbatim, its filled lines differ in names,
    # ages, days and times. Most aligned words sit in the filled lines: a template, not a copy,
    # even where only the verbatim lines are strong enough to count for partial reuse.
    fixed = ["We thank everyone who will accompany him on his last journey.",
             "The family asks that flowers be left at the gate of the cemetery."]
    a = article("a", fixed + ["Ferenc Boroczki of Nyarlorinc died at the age of 64 after a long illness in 2020.",
                              "The farewell will be held on 17 August at 13.00 in the cemetery of Kunpeszer, 2020."],
                language=language)
    b = article("b", fixed + ["Gyorgy Sovany of Nagybajom died aged 85 after a short illness in 2021.",
                              "The farewell takes place on 29 May at 11.00 in the Nagybajom cemetery, 2021."],
                language=language)
    pa, pb = article_products([a, b], model_key(options.reuse))
    pairs = [AlignedPair(a_row=0, b_row=0, cosine=1.0, overlap=1.0), AlignedPair(a_row=1, b_row=1, cosine=1.0, overlap=1.0),
             AlignedPair(a_row=2, b_row=2, cosine=0.85, overlap=0.1), AlignedPair(a_row=3, b_row=3, cosine=0.85, overlap=0.1)]
    assert make_link(a, b, pa, pb, pairs, options.reuse) is None


def test_unrelated_report_on_the_same_topic_is_not_linked(links):
    assert not any("unrelated" in pair for pair in links)


def test_lineage_counts_copies_once(links):
    articles = list(corpus().values())
    groups = reuse.lineages(articles, list(links.values()))
    lineage = next(g for g in groups if "original" in g.articles)
    assert set(lineage.articles) == {"original", "copy", "rewrite"}
    assert lineage.original == "original"
    assert Derivation("original", "copy", "copy", "link") in lineage.edges  # typed by its link
    assert {e.derived for e in lineage.edges} == {"copy", "rewrite"}
    ids = [a.id for a in articles]
    assert reuse.independent_sources(ids, groups) == 3  # lineage, partial, unrelated


def test_result_does_not_depend_on_input_order(options, resources, links):
    shuffled = list(reversed(list(corpus().values())))
    again = reuse.find_links(shuffled, options.reuse, resources)
    assert {frozenset((l.a, l.b)): l for l in again} == links


def test_cached_products_are_reused_and_links_equal_a_fresh_run(options, resources, links):
    articles = list(corpus().values())
    cache = MemoryProducts()
    reuse.find_links(articles[:3], options.reuse, resources, cache)  # first build
    with_cache = reuse.find_links(articles, options.reuse, resources, cache)  # "dossier add"
    assert {frozenset((l.a, l.b)): l for l in with_cache} == links

    # everything the compared pairs need is cached: the encoder is never loaded
    assert reuse.find_links(articles, options.reuse, NO_ENCODER, cache) == list(with_cache)


def _no_encoder():
    raise AssertionError("nothing here needs a sentence vector: the encoder must not be loaded")


NO_ENCODER = type("NoEncoder", (), {"encoder": staticmethod(_no_encoder)})()


def test_a_copy_and_an_unrelated_report_need_no_encoder(options):
    articles = [a for k, a in corpus().items() if k in ("original", "copy", "unrelated")]
    cache = MemoryProducts()
    (found,) = reuse.find_links(articles, options.reuse, NO_ENCODER, cache)
    assert found.kind == "copy" and len(found.alignments) == 6
    products = article_products(articles, model_key(options.reuse), cache)
    assert not any(p.vectors for p in products)


def test_only_sentences_without_a_verbatim_partner_are_encoded(options, resources):
    articles = [a for k, a in corpus().items() if k in ("original", "copy", "rewrite", "unrelated")]
    cache = MemoryProducts()
    reuse.find_links(articles, options.reuse, resources, cache)
    products = {p.article: p for p in article_products(articles, model_key(options.reuse), cache)}
    assert not products["unrelated"].vectors  # no candidate pair: never encoded
    assert len(products["rewrite"].vectors) == len(REWRITE)  # nothing verbatim to lean on
    assert len(products["original"].vectors) == len(ORIGINAL)


def test_changed_text_invalidates_the_cached_product(options, resources):
    cache = MemoryProducts()
    first = article("x", ORIGINAL[:3])
    (products,) = article_products([first], model_key(options.reuse), cache)
    ensure_vectors([products], {0: {0, 1, 2}}, resources.encoder, cache)
    changed = dataclasses.replace(first, text="\n\n".join(ORIGINAL[3:6]))
    (products,) = article_products([changed], model_key(options.reuse), cache)
    assert [u.text for u in products.units] == ORIGINAL[3:6]
    assert not products.vectors  # the old vectors belong to other sentences


def test_short_fragments_are_never_aligned():
    text = "Related Articles\n\nSkip to content\n\n" + ORIGINAL[0] + " Talks resume."
    units = article_units(Article(id="a", source="a", text=text))
    assert [u.text for u in units] == [ORIGINAL[0]]


def test_split_text_keeps_closing_quotes_and_line_breaks():
    assert split_text('He said "no." Then 5 men left.\nA new line') == ['He said "no."', "Then 5 men left.", "A new line"]


def test_machine_translation_disclosure_is_read_from_removed_lines():
    disclosed = Article(id="t", source="t", text=ORIGINAL[0], removed=[RemovedLine(
        "This news is translated automatically by software, not by an editor.", "boilerplate")])
    assert machine_translated(disclosed)
    assert not machine_translated(Article(id="u", source="u", text="The translator said the talks went well."))


def test_best_matches_handles_reordering_and_splits():
    sims = np.array([[0.1, 0.9, 0.2],
                     [0.95, 0.1, 0.1],
                     [0.2, 0.85, 0.1]])  # rows 0 and 2 are halves of column 1; column 2 is new
    assert best_matches(sims, 0.8) == [(0, 1), (1, 0), (2, 1)]


def test_spun_rewrites_are_candidates_without_the_encoder(options):
    spun = [s.replace("strike", "walkout").replace("ships", "vessels").replace("estimated", "reckoned")
            for s in ORIGINAL]
    articles = [article("original", ORIGINAL), article("spun", spun), article("rewrite", REWRITE)] + \
        [corpus()["partial"], corpus()["unrelated"]]
    products = article_products(articles, model_key(options.reuse))
    by_sentence = sentence_candidates(products, options.reuse.sentence_jaccard, options.reuse.partial_min_sentences)
    by_article = article_candidates(products, options.reuse.article_jaccard)
    assert (0, 1) in by_sentence and (0, 1) in by_article  # spun: shares names, numbers, content words
    assert (0, 2) in by_sentence | by_article  # a paraphrase throughout
    assert (0, 3) in by_sentence  # two background sentences reused
    assert not any(4 in pair for pair in by_sentence | by_article)  # same topic, different story


def test_provenance_edges_never_reverse_a_known_direction():
    """Seeds 001 and 003 were both translated into 004; nothing says 001 came from 004."""
    articles = [Article(id=i, source=i, text="x") for i in ("t001", "t003", "t004")]
    links = [Link("t004", "t001", "translation", 0.51, "b_to_a"), Link("t004", "t003", "translation", 0.81, "b_to_a")]
    provenance = reuse.build_provenance(articles, links)
    (lineage,) = provenance.lineages
    assert {(e.source, e.derived, e.basis) for e in lineage.edges} == {("t001", "t004", "link"),
                                                                      ("t003", "t004", "link")}
    assert provenance.independent_sources(["t001", "t003", "t004"]) == 1
    assert provenance.rank[lineage.original] == 0  # the original ranks first


def test_origin_rank_ignores_weak_page_dates():
    """One page-date policy: a weak date (a lone chrome line) never makes an article look earlier."""
    early_weak = Article(id="a", source="a", text="x", page_date="2001-01-01", page_date_trust="weak")
    later_ok = Article(id="b", source="b", text="x", page_date="2021-10-20", page_date_trust="ok")
    links = [Link("a", "b", "partial", 0.3)]  # no lineage: both are originals of their own
    rank = reuse.build_provenance([early_weak, later_ok], links).rank
    assert rank["b"] < rank["a"]


def test_lineage_of_one_for_an_uncopied_article():
    alone = Article(id="solo", source="solo", text=ORIGINAL[0])
    assert reuse.lineages([alone], []) == [Lineage(["solo"], "solo", [])]


def test_articles_without_alignable_sentences_are_left_alone(options, resources):
    articles = list(corpus().values()) + [Article(id="stub", source="stub", text="Related Articles\nSkip")]
    found = reuse.find_links(articles, options.reuse, resources)
    assert not any("stub" in (l.a, l.b) for l in found)
    assert ["stub"] in [g.articles for g in reuse.lineages(articles, found)]


BULLETIN = ("A magnitude {mag} earthquake struck {place}, Indonesia, on {day}, the US Geological Survey said.",
            "The quake hit at a depth of {depth} km, about {dist} km from the city of {town}, officials said.",
            "There were no immediate reports of damage or casualties from the quake on {day}.",
            "The agency said the tremor was felt across the region for about {secs} seconds.")


def test_two_bulletins_filled_with_other_facts_are_not_reuse(options, resources):
    papua = article("papua", [s.format(mag="6.1", place="Papua", day="Tuesday", depth=10, dist=120,
                                       town="Jayapura", secs=20) for s in BULLETIN])
    aceh = article("aceh", [s.format(mag="7.6", place="Aceh", day="Tuesday", depth=35, dist=80,
                                     town="Banda Aceh", secs=45) for s in BULLETIN])
    assert reuse.find_links([papua, aceh], options.reuse, resources) == []


def test_a_copy_that_changed_one_number_is_still_a_copy(options, resources):
    changed = article("changed", [s.replace("200 million", "300 million") for s in ORIGINAL])
    found = reuse.find_links([corpus()["original"], changed], options.reuse, resources)
    assert [l.kind for l in found] == ["copy"]


def test_a_lineage_member_is_compared_with_the_lineage_not_every_member(options):
    """Three verbatim copies: past the cap, two comparisons join all three and the third pair is
    not compared; within it (the default, 8 members) every pair is compared."""
    copies = [article(name, ORIGINAL) for name in ("copy1", "copy2", "copy3")]
    ordered = sorted(copies, key=lambda a: a.id)
    products = article_products(ordered, model_key(options.reuse))
    pairs = reuse.candidate_pairs(products, sentence_jaccard=options.reuse.sentence_jaccard,
                                  article_jaccard=options.reuse.article_jaccard,
                                  min_shared=options.reuse.partial_min_sentences)
    assert len(pairs) == 3
    capped = dataclasses.replace(options.reuse, lineage_full_compare=1)
    found = reuse.score_pairs(ordered, products, pairs, capped, _no_encoder)
    assert len(found) == 2 and {l.kind for l in found} == {"copy"}
    (lineage,) = reuse.lineages(copies, found)
    assert lineage.articles == ["copy1", "copy2", "copy3"]
    assert len(reuse.score_pairs(ordered, products, pairs, options.reuse, _no_encoder)) == 3


def test_german_pages_do_not_meet_on_german_function_words(options):
    """Stems leave out the stop words of the article's language: two unrelated German sentences
    that share only "die", "der", "und", "mit", "von" have nothing to be compared on."""
    first = article("de1", ["Die Regierung hat am Montag mit der Opposition und den Gewerkschaften "
                            "über die Reform von der Rente gesprochen."])
    second = article("de2", ["Die Mannschaft hat am Abend mit der Unterstützung von den Fans und "
                             "dem Trainer die Meisterschaft gewonnen."])
    pa, pb = article_products([first, second], model_key(options.reuse))
    assert not {"die", "der", "und", "mit", "von"} & {*pa.stem_sets[0], *pb.stem_sets[0]}
    assert not any(reuse.needed_rows([pa, pb], [(0, 1)]).values())  # nothing sent to the encoder
    english = article("en", ["The government met the unions on Monday to discuss the pension reform."])
    (pe,) = article_products([english], model_key(options.reuse))
    assert {"govern", "unions", "monday", "pensio", "reform"} <= set(pe.stem_sets[0])
    assert not {"the", "to", "on"} & set(pe.stem_sets[0])


def test_an_add_compares_only_pairs_with_a_new_article(options, resources, links, monkeypatch):
    articles = list(corpus().values())
    old = [a for a in articles if a.id != "rewrite"]
    cache = MemoryProducts()
    reuse.find_links(old, options.reuse, resources, cache)  # the first build
    compared = []
    score = reuse.score_pair

    def counting(a, b, *rest):
        compared.append({a.id, b.id})
        return score(a, b, *rest)

    monkeypatch.setattr(reuse, "score_pair", counting)
    again = reuse.find_links(articles, options.reuse, resources, cache)  # "dossier add" of rewrite
    assert compared and all("rewrite" in pair for pair in compared)
    assert {frozenset((l.a, l.b)): l for l in again} == links  # what a build from scratch finds


def test_band_pairs_are_the_row_pairs_a_minhash_lsh_query_returns():
    """The band-key group-by finds exactly the pairs datasketch's MinHashLSH finds for each row."""
    from datasketch import LeanMinHash, MinHashLSH

    from dossier.reuse.candidates import band_pairs

    generator = np.random.default_rng(7)
    base = generator.integers(0, 2**32, size=(40, 64), dtype=np.uint64)
    # near-duplicates: rows 40-79 copy a random share of a base row's hash values; rows 80-82 are
    # one row three times (a bucket of three gives three pairs)
    copies = np.where(generator.random((40, 64)) < 0.7, base, generator.integers(0, 2**32, size=(40, 64),
                                                                                 dtype=np.uint64))
    signatures = np.vstack([base, copies, np.repeat(base[:1], 3, axis=0)])
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    sketches = [LeanMinHash(seed=1, hashvalues=row, scheme="affine32") for row in signatures]
    for row, sketch in enumerate(sketches):
        lsh.insert(row, sketch)
    expected = sorted((row, other) for row, sketch in enumerate(sketches) for other in lsh.query(sketch) if other > row)
    found = band_pairs(signatures, 0.5)
    assert [tuple(pair) for pair in found.tolist()] == expected
    assert len(expected) > 20 and {(80, 81), (80, 82), (81, 82)} <= set(expected)  # the copies were found


def test_stored_products_read_back_from_the_current_and_the_older_npz_format():
    import io

    from dossier.reuse.fingerprints import from_bytes, lexical_products, to_bytes

    units = article_units(article("p", ORIGINAL))
    made = lexical_products("p", units, "digest")
    made.vectors = {0: np.ones(4, dtype=np.float32), 2: np.zeros(4, dtype=np.float32)}
    older = io.BytesIO()  # how stores written before the current format kept them
    np.savez(older, digest=np.array(made.digest), signatures=made.signatures, stem_counts=made.stem_counts,
             article_signature=made.article_signature, rows=np.array([0, 2], dtype=np.int32),
             vectors=made.matrix([0, 2]))
    for data in (to_bytes(made), older.getvalue()):
        back = from_bytes("p", units, data)
        assert back.digest == made.digest and sorted(back.vectors) == [0, 2]
        assert np.array_equal(back.signatures, made.signatures) and back.signatures.dtype == made.signatures.dtype
        assert np.array_equal(back.stem_counts, made.stem_counts)
        assert np.array_equal(back.article_signature, made.article_signature)
        assert np.array_equal(back.vectors[0], made.vectors[0])


def test_stop_words_are_spacys_lists_read_without_their_language_packages():
    import importlib
    import sys

    from dossier.reuse.fingerprints import STOP_WORD_LANGUAGES, STOP_WORDS

    for lang in STOP_WORD_LANGUAGES:
        assert STOP_WORDS[lang] == frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
    assert "le" in STOP_WORDS["fr"] and "the" in STOP_WORDS["en"] and "der" in STOP_WORDS["de"]
    assert not any(name.startswith("dossier_stop_words") for name in sys.modules)  # nothing registered


def test_kept_translation_anchors_are_served_for_the_same_text_and_found_again_for_a_new_one():
    from dossier.reuse.translation import ANCHORS_PRODUCT, anchors, kept_anchors

    text = "Talks in Moscow. The minister met Sergei Lavrov on 20 October 2021 with 35 delegates."
    articles = [Article(id="es", source="es.txt", text=text), Article(id="en", source="en.txt", text="No names here.")]
    cache = MemoryProducts()
    first = kept_anchors(articles, cache)
    assert first == [anchors(a) for a in articles] == kept_anchors(articles)  # with or without a cache
    assert "lavrov" in first[0] and "2021" in first[0]
    cache.put_product("es", ANCHORS_PRODUCT, cache.products(ANCHORS_PRODUCT)["es"].replace(b"lavrov", b"shoigu"))
    assert "shoigu" in kept_anchors(articles, cache)[0]  # served as kept (the same text)
    changed = [Article(id="es", source="es.txt", text=text.replace("Lavrov", "Blinken")), articles[1]]
    assert kept_anchors(changed, cache)[0] == anchors(changed[0])  # a new text: found again



@pytest.mark.parametrize("text", ["One two three four five", "One two three four", "  a-b c.d e ", "İİİİİ",
                                  "İstanbul talks go on", "x_y 1 2 3 4", "Lavrov, Blinken; Wang — Guterres… Scholz!", ""])
def test_a_sentence_is_long_enough_to_align_exactly_when_words_counts_enough_of_them(text):
    assert long_enough(text) == (len(words(text)) >= MIN_UNIT_WORDS)


@given(st.text(alphabet="aZ İ_1 ,.-\u0301é", max_size=30))
def test_long_enough_agrees_with_counting_words_on_any_text(text):
    assert long_enough(text) == (len(words(text)) >= MIN_UNIT_WORDS)
