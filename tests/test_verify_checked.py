"""Which links verify checks (verify/checked.py): a spanning tree per lineage, one link per pair of
lineages, and the flag a copy's change gets is read against its source."""

from __future__ import annotations

import itertools

from dossier.model import Alignment, Article, Lineage, Link, Mention, Provenance
from dossier.verify import find_flags
from dossier.verify.checked import checked_links


def provenance(lineages: list[list[str]], order: str) -> Provenance:
    """Lineages (original first) and a rank from the letters of `order`."""
    return Provenance([Lineage(sorted(m), m[0]) for m in lineages], {x: i for i, x in enumerate(order)})


def pairs(links: list[Link]) -> list[tuple[str, str]]:
    return [(link.a, link.b) for link in links]


def test_a_fully_linked_lineage_is_checked_once_per_copy_against_the_original():
    links = [Link(x, y, "copy", 0.9) for x, y in itertools.combinations("oabc", 2)]
    chosen = checked_links(links, provenance([["o", "a", "b", "c"]], "oabc"))
    assert pairs(chosen) == [("o", "a"), ("o", "b"), ("o", "c")]


def test_a_copy_not_linked_to_the_original_joins_through_its_closest_linked_version():
    links = [Link("o", "a", "copy", 0.9), Link("a", "b", "copy", 0.9), Link("b", "c", "rewrite", 0.7),
             Link("a", "c", "rewrite", 0.6)]
    chosen = checked_links(links, provenance([["o", "a", "b", "c"]], "oabc"))
    assert pairs(chosen) == [("o", "a"), ("a", "b"), ("a", "c")]


def test_the_tree_follows_the_origin_rank_not_the_ids():
    links = [Link(x, y, "copy", 0.9) for x, y in itertools.combinations("abc", 2)]
    chosen = checked_links(links, provenance([["c", "a", "b"]], "cab"))
    assert sorted(pairs(chosen)) == [("a", "c"), ("b", "c")]


def test_one_link_per_pair_of_lineages_the_one_closest_to_the_originals():
    links = [Link("o", "a", "copy", 0.9), Link("p", "q", "copy", 0.9),
             Link("a", "q", "partial", 0.5), Link("o", "q", "partial", 0.4), Link("a", "p", "partial", 0.3)]
    chosen = checked_links(links, provenance([["o", "a"], ["p", "q"]], "opaq"))
    assert pairs(chosen) == [("o", "a"), ("p", "q"), ("a", "p")]


def test_inside_a_lineage_a_partial_link_to_the_original_is_the_one_checked():
    # b is a heavy rewrite: it shares only some passages with the original, the rest via a
    links = [Link("o", "a", "copy", 0.9), Link("a", "b", "translation", 0.8), Link("o", "b", "partial", 0.4)]
    chosen = checked_links(links, provenance([["o", "a", "b"]], "oab"))
    assert pairs(chosen) == [("o", "a"), ("o", "b")]


def test_checked_links_grow_with_the_articles_not_the_pairs():
    members = [f"m{i:02d}" for i in range(30)]
    links = [Link(x, y, "copy", 0.9) for x, y in itertools.combinations(members, 2)]
    chosen = checked_links(links, Provenance([Lineage(members, members[0])], {m: i for i, m in enumerate(members)}))
    assert len(links) == 435 and len(chosen) == 29


ORIGINAL = "The quake killed 10 people in Aceh on Monday."
CHANGED = "The quake killed 12 people in Aceh on Monday."


def test_a_changed_number_is_flagged_against_the_source_not_again_between_siblings():
    def article(aid: str, text: str) -> Article:
        return Article(id=aid, source=f"{aid}.txt", text=text, mentions=[Mention("Aceh", "GPE", 0, 0)])

    texts = {"o": ORIGINAL, "a": CHANGED, "b": ORIGINAL}
    articles = [article(x, t) for x, t in texts.items()]
    # directions make o the original: a and b are both copied from it, b also from a
    links = [Link(x, y, "copy", 0.95, "a_to_b", [Alignment(texts[x], texts[y], 0.95, 0, 0)])
             for x, y in [("o", "a"), ("o", "b"), ("a", "b")]]
    changed = [f for f in find_flags(articles, links, [], [], []) if f.kind == "changed_fact"]
    assert [f.articles for f in changed] == [["o", "a"]]
    assert "10" in changed[0].detail and "12" in changed[0].detail
