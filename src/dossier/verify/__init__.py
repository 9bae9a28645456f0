"""Verify: flags where copies change facts, quotes drift, claims conflict, page dates lie."""

from __future__ import annotations

from dossier.model import Article, Entity, Event, Flag, Link, Story


def find_flags(articles: list[Article], links: list[Link], events: list[Event],
               entities: list[Entity], stories: list[Story]) -> list[Flag]:
    """All flags; sets `page_date_trust = "contradicted"` on articles whose page date is refuted."""
    return []
