"""Stories and timeline: articles grouped by event, events merged and ordered.

`build_stories` is the corpus stage: lineages (copies) -> per-article features -> story clustering
(`cluster.StoryIndex`) -> timeline (`timeline.build_timeline`) -> `Story` values. It recomputes
everything from the per-article products on every run and overwrites what it sets, so a rebuild or
`dossier add` gives the same result for the same articles.
"""

from __future__ import annotations

from dossier.analyse.anchoring import established_date
from dossier.model import Article, Entity, Event, Link, Story
from dossier.stories.cluster import StoryIndex
from dossier.stories.explain import grouped_by
from dossier.stories.features import article_features, shared_background
from dossier.stories.lineage import Lineage, find_lineages, lineage_of, published
from dossier.stories.timeline import build_timeline
from dossier.timevalue import PRECISION_RANK

__all__ = ["build_stories", "cluster_articles", "StoryIndex"]

TITLE_CHARS = 120


def cluster_articles(articles: list[Article], links: list[Link],
                     lineages: list[Lineage] | None = None) -> StoryIndex:
    """The story index of a set of articles (call `.add` on it to place more later)."""
    lineages = lineages if lineages is not None else find_lineages(articles, links)
    skip = shared_background(links)
    features = [article_features(a, skip.get(a.id, set())) for a in articles]
    return StoryIndex.build(features, [lineage.articles for lineage in lineages])


def build_stories(articles: list[Article], links: list[Link],
                  entities: list[Entity]) -> tuple[list[Story], list[Event]]:
    """(stories, timeline events) with independent-source counts (copies count once)."""
    if not articles:
        return [], []
    lineages = find_lineages(articles, links)
    source_of = lineage_of(lineages)
    index = cluster_articles(articles, links, lineages)
    article_story = index.article_story()
    events = build_timeline(articles, links, source_of, article_story)
    stories = _stories(articles, lineages, article_story, events)
    names = {e.id: e.name for e in entities}
    for story in stories:
        state = index.stories[story.id]
        story.grouped_by = grouped_by([index.groups[g] for g in state.groups], index.texts, index.weights, names)
    stories.sort(key=lambda s: _story_order(s, index.stories[s.id].date))
    _fill_event_dates(articles, article_story, events)
    return stories, events


def _stories(articles: list[Article], lineages: list[Lineage], article_story: dict[str, str],
             events: list[Event]) -> list[Story]:
    by_id = {a.id: a for a in articles}
    members: dict[str, list[str]] = {}
    for article in articles:
        members.setdefault(article_story[article.id], []).append(article.id)
    lineages_of: dict[str, list[Lineage]] = {}
    for lineage in lineages:
        lineages_of.setdefault(article_story[lineage.articles[0]], []).append(lineage)
    main = _main_events(events)
    stories = []
    for sid, ids in members.items():
        ids.sort(key=lambda a: (published(by_id[a]) or "9999", a))
        own = sorted(lineages_of.get(sid, []), key=lambda l: _lineage_order(l, by_id))
        original = (own[0].original or own[0].articles[0]) if own else ids[0]
        first, basis = _first_reported(ids, own, by_id)
        stories.append(Story(id=sid, title=_title(by_id[original], main.get(sid)), articles=ids,
                             original=original, independent_sources=len(own), first_reported=first,
                             lineages=[_with_original_first(l) for l in own], first_reported_basis=basis))
    return stories


def _first_reported(ids: list[str], own: list[Lineage], by_id: dict[str, Article]) -> tuple[str | None, str | None]:
    """(date, basis): the earliest trusted page date; without one, the earliest date a lineage
    establishes from its own text ("today's meetings" + a caption's full date), marked inferred."""
    dates = [d for d in (published(by_id[a]) for a in ids) if d]
    if dates:
        return min(dates), "page_date"
    inferred = [d for d in (_established(lineage, by_id) for lineage in own) if d]
    return (min(inferred), "inferred") if inferred else (None, None)


def _established(lineage: Lineage, by_id: dict[str, Article]) -> str | None:
    # Only articles that took an event date from their text can establish one: skip the rest cheaply.
    members = [by_id[a] for a in sorted(lineage.articles) if by_id[a].event_date]
    day = established_date(members) if members else None
    return day.isoformat() if day else None


def _story_order(story: Story, date) -> tuple:
    """Chronological by the story's main-event date (undated last), then first report, then id."""
    return (date is None, date.start if date else 0, story.first_reported or "9999", story.id)


def _main_events(events: list[Event]) -> dict[str, Event]:
    """Per story, the news event reported by most articles (then the most precisely dated)."""
    main: dict[str, Event] = {}
    for event in events:
        if event.background or not event.story:
            continue
        best = main.get(event.story)
        if best is None or _weight(event) > _weight(best):
            main[event.story] = event
    return main


def _weight(event: Event) -> tuple:
    return (len(event.articles), event.date is not None, PRECISION_RANK.get(event.date_precision, 0))


def _fill_event_dates(articles: list[Article], article_story: dict[str, str], events: list[Event]) -> None:
    """Members without an event date take their story's main-event date."""
    main = _main_events(events)
    for article in articles:
        event = main.get(article_story[article.id])
        if article.event_date is None and event is not None and event.date \
                and event.date_precision != "approximate":  # a publication date is no event date
            article.event_date = event.date


def _lineage_order(lineage: Lineage, by_id: dict[str, Article]) -> tuple:
    dates = [d for d in (published(by_id[a]) for a in lineage.articles) if d]
    return (min(dates) if dates else "9999", lineage.articles[0])


def _with_original_first(lineage: Lineage) -> list[str]:
    rest = [a for a in lineage.articles if a != lineage.original]
    return ([lineage.original] if lineage.original in lineage.articles else []) + rest


def _title(original: Article, main: Event | None) -> str:
    if original.title:
        return original.title
    if main is not None and main.summary:
        return main.summary
    first_line = next((line.strip() for line in original.text.splitlines() if line.strip()), original.id)
    return first_line[:TITLE_CHARS]
