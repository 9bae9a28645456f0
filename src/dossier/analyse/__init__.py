"""Analyse: sentences, entities, quotes, time expressions and events of one article.

`analyse_article` is a pure function of one article (plus loaded resources). Corpus-level steps
(alias resolution across articles, re-anchoring a copy's times on its original) live in
`resolve_entities` and `anchor_times`.
"""

from __future__ import annotations

from dossier.model import Article, Entity, Link
from dossier.resources import Resources


def analyse_article(article: Article, resources: Resources) -> Article:
    """Fill sentences, mentions, quotes, times and events of one article."""
    return article


def resolve_entities(articles: list[Article]) -> list[Entity]:
    """Corpus entities with aliases; sets `Mention.entity` and `Quote.speaker` to entity ids."""
    return []


def anchor_times(articles: list[Article], links: list[Link]) -> None:
    """Resolve a copy's relative time expressions against its original's trusted date."""
