"""Corpus stages, in order. Each works from the stored per-article products of all articles."""

from __future__ import annotations

from dossier import analyse, reuse, stories, verify
from dossier.config import Options
from dossier.model import Article, Corpus
from dossier.resources import Resources


def run_corpus_stages(articles: list[Article], options: Options, resources: Resources,
                      cache: reuse.ProductCache | None = None) -> Corpus:
    """`cache` keeps per-article products (sentence vectors) between builds; the Store is one."""
    # Stored articles carry the last run's page-date verdict; every stage sees the cleaner's.
    verify.restore_page_date_trust(articles)
    entities = analyse.resolve_entities(articles)
    links = reuse.find_links(articles, options.reuse, resources, cache)
    analyse.anchor_times(articles, links)
    story_list, events = stories.build_stories(articles, links, entities)
    flags = verify.find_flags(articles, links, events, entities, story_list)
    quotes = [q for a in articles for q in a.quotes]
    return Corpus(links=links, stories=story_list, entities=entities, quotes=quotes,
                  events=events, flags=flags)
