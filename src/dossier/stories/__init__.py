"""Stories and timeline: articles grouped by event, events merged and ordered."""

from __future__ import annotations

from dossier.model import Article, Entity, Event, Link, Story


def build_stories(articles: list[Article], links: list[Link],
                  entities: list[Entity]) -> tuple[list[Story], list[Event]]:
    """(stories, timeline events) with independent-source counts (copies count once)."""
    return [], []
