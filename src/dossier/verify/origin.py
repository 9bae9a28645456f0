"""Which article of a set is closest to the original: story originals, then link directions."""

from __future__ import annotations

from dossier.model import Article, Link, Story

_UNDATED = "9999"


def origin_rank(articles: list[Article], links: list[Link], stories: list[Story]):
    """A sort key: articles that are an original, then the most often copied from, then the
    earliest trusted page date, come first."""
    originals = {s.original for s in stories if s.original}
    originals |= {lineage[0] for s in stories for lineage in s.lineages if lineage}
    net: dict[str, int] = {}
    for link in links:
        if link.direction == "a_to_b":
            net[link.a] = net.get(link.a, 0) + 1
            net[link.b] = net.get(link.b, 0) - 1
        elif link.direction == "b_to_a":
            net[link.b] = net.get(link.b, 0) + 1
            net[link.a] = net.get(link.a, 0) - 1
    dates = {a.id: (a.page_date or _UNDATED)[:10] if a.page_date_trust in ("ok", "weak") else _UNDATED
             for a in articles}

    def key(article_id: str) -> tuple:
        return (article_id not in originals, -net.get(article_id, 0), dates.get(article_id, _UNDATED),
                article_id)

    return key
