"""Reuse: who copied whom (candidates, scoring, alignment, provenance)."""

from __future__ import annotations

from dossier.config import ReuseOptions
from dossier.model import Article, Link
from dossier.resources import Resources


def find_links(articles: list[Article], options: ReuseOptions, resources: Resources) -> list[Link]:
    """Links between articles that share text, each with its sentence alignments."""
    return []
