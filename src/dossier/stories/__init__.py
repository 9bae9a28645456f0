"""Stories and timeline: articles grouped by event, events merged and ordered.

`build_stories` is the corpus stage: the build's `Provenance` (lineages of copies) -> per-article
features -> story clustering (`cluster.StoryIndex`) -> timeline (`timeline.build_timeline`) -> `Story`
values, each carrying its lineages and their derivation edges. It recomputes everything from the
per-article products on every run, so a rebuild or `dossier add` gives the same result for the same
articles.
"""

from __future__ import annotations

from datetime import date

from dossier.config import StoriesOptions
from dossier.model import Article, Entity, Event, Lineage, Link, Provenance, Story
from dossier.reuse.provenance import build_provenance
from dossier.stories.cluster import StoryIndex
from dossier.stories.explain import grouped_by
from dossier.stories.features import article_features, shared_background
from dossier.stories.timeline import build_timeline
from dossier.timevalue import PRECISION_RANK, parse_span

__all__ = ["build_stories", "cluster_articles", "story_event_dates", "StoryIndex"]

TITLE_CHARS = 120
# The title line and the first two sentences: where a news report states its event (the lead, as
# `StoriesOptions.lead_sentences` counts it for the clustering, plus the title).
MAIN_EVENT_LEAD = StoriesOptions().lead_sentences + 1


def cluster_articles(articles: list[Article], links: list[Link], provenance: Provenance | None = None,
                     options: StoriesOptions = StoriesOptions()) -> StoryIndex:
    """The story index of a set of articles (call `.add` on it to place more later). `provenance`
    is the build's (computed from `links` when not given); `options`: the clustering's thresholds."""
    provenance = provenance if provenance is not None else build_provenance(articles, links)
    skip = shared_background(links)
    features = [article_features(a, skip.get(a.id, set()), options) for a in articles]
    return StoryIndex.build(features, [lineage.articles for lineage in provenance.lineages], options)


def build_stories(articles: list[Article], links: list[Link], entities: list[Entity] | None = None,
                  provenance: Provenance | None = None,
                  established: dict[str, str] | None = None,
                  options: StoriesOptions = StoriesOptions()) -> tuple[list[Story], list[Event]]:
    """(stories, timeline events) with independent-source counts (copies count once); edits no
    article (`story_event_dates` gives the event dates members take from their story).

    `entities` name the story explanations; `provenance`: the build's (computed from `links` when
    not given). `established`: lineage
    original -> the day its text establishes (`analyse.anchor_times`' product), used as an inferred
    first report where no page date is trusted. `options`: the clustering's thresholds.
    """
    if not articles:
        return [], []
    provenance = provenance if provenance is not None else build_provenance(articles, links)
    index = cluster_articles(articles, links, provenance, options)
    article_story = index.article_story()
    events = build_timeline(articles, links, provenance.lineage_of(), article_story, options)
    stories = _stories(articles, provenance.lineages, article_story, events, established or {})
    names = {e.id: e.name for e in entities or []}
    for story in stories:
        state = index.stories[story.id]
        story.grouped_by = grouped_by([index.groups[g] for g in state.groups], index.texts, index.weights, names)
    stories.sort(key=lambda s: _story_order(s, index.stories[s.id].date))
    return stories, events


def _stories(articles: list[Article], lineages: list[Lineage], article_story: dict[str, str],
             events: list[Event], established: dict[str, str]) -> list[Story]:
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
        ids.sort(key=lambda a: (by_id[a].published or "9999", a))
        own = sorted(lineages_of.get(sid, []), key=lambda l: _lineage_order(l, by_id))
        original = own[0].original if own else ids[0]
        first, basis = _first_reported(ids, own, by_id, established)
        stories.append(Story(id=sid, title=_title(by_id[original], main.get(sid)), articles=ids,
                             original=original, independent_sources=len(own), first_reported=first,
                             lineages=[_with_original_first(l) for l in own], first_reported_basis=basis,
                             edges=[edge for l in own for edge in l.edges]))
    return stories


def _first_reported(ids: list[str], own: list[Lineage], by_id: dict[str, Article],
                    established: dict[str, str]) -> tuple[str | None, str | None]:
    """(date, basis): the earliest trusted page date; without one, the earliest date a lineage
    establishes from its own text ("today's meetings" + a caption's full date), marked inferred."""
    dates = [d for d in (by_id[a].published for a in ids) if d]
    if dates:
        return min(dates), "page_date"
    inferred = [established[lineage.original] for lineage in own if lineage.original in established]
    return (min(inferred), "inferred") if inferred else (None, None)


def _story_order(story: Story, date) -> tuple:
    """Chronological by the story's main-event date (undated last), then first report, then id."""
    return (date is None, date.start if date else 0, story.first_reported or "9999", story.id)


def _main_events(events: list[Event]) -> dict[str, Event]:
    """Per story, the news event most of its reports tell in their lead, then the one most report
    (then the most precisely dated)."""
    main: dict[str, tuple[tuple, Event]] = {}
    for event in events:
        if event.background or not event.story:
            continue
        weight = _weight(event)  # once per event: the best so far keeps its own
        best = main.get(event.story)
        if best is None or weight > best[0]:
            main[event.story] = (weight, event)
    return {story: event for story, (_, event) in main.items()}


def _weight(event: Event) -> tuple:
    """Reports that tell it in their lead first: context every report repeats ("the Taliban's
    takeover in mid-August 2021") is not what the story reports, however many tell it."""
    return (len(_lead_reports(event)), len(event.articles), event.date is not None,
            PRECISION_RANK.get(event.date_precision, 0))


def _lead_reports(event: Event) -> set[str]:
    """The articles whose evidence for `event` is among their first MAIN_EVENT_LEAD sentences
    (analyse writes an evidence source as "<article>#s<index>")."""
    out = set()
    for evidence in event.evidence:
        article, _, index = (evidence.source or "").rpartition("#s")
        if article and index.isdigit() and int(index) < MAIN_EVENT_LEAD:
            out.add(article)
    return out


def story_event_dates(articles: list[Article], stories: list[Story], events: list[Event]) -> dict[str, str]:
    """article id -> event date, for members without one: their story's main-event date (never an
    approximate one: a publication date is no event date), unless the member's trusted page date is
    before that date: written ahead of the event (a preview), it does not report it as news; or
    more than MAIN_EVENT_MAX_DAYS after it: an event it recalls, not its news.
    Edits no article."""
    story_of = {a: s.id for s in stories for a in s.articles}
    main = _main_events([e for e in events if not _recalled(e, _first_trusted_days(articles, story_of))])
    out = {}
    for article in articles:
        event = main.get(story_of.get(article.id))
        if article.event_date is None and event is not None and event.date \
                and event.date_precision != "approximate" and not _written_before(article, event.date) \
                and not _written_long_after(article, event.date):
            out[article.id] = event.date
    return out


def _first_trusted_days(articles: list[Article], story_of: dict[str, str]) -> dict[str, date]:
    """story id -> the earliest trusted page date of its members."""
    out: dict[str, date] = {}
    for article in articles:
        if article.page_date_trust == "ok" and article.page_date and article.id in story_of:
            try:
                day = date.fromisoformat(article.page_date[:10])
            except ValueError:
                continue
            sid = story_of[article.id]
            out[sid] = min(out.get(sid, day), day)
    return out


def _recalled(event: Event, first_days: dict[str, date]) -> bool:
    """Whether `event` ended more than MAIN_EVENT_MAX_DAYS before its story's first trusted report:
    history the reports recall, no candidate for the news they tell."""
    from dossier.analyse.events import MAIN_EVENT_MAX_DAYS

    first = first_days.get(event.story)
    span = parse_span(event.date, event.date_precision) if event.date else None
    return first is not None and span is not None and (first - span.last_day).days > MAIN_EVENT_MAX_DAYS


def _written_long_after(article: Article, event_date: str) -> bool:
    """Whether the article's trusted page date is more than MAIN_EVENT_MAX_DAYS after the last day of
    `event_date`: an event that old is one the report recalls, not its news (analyse/events.py's
    rule for a lead's day, which its own story must not give back)."""
    from dossier.analyse.events import MAIN_EVENT_MAX_DAYS

    span = parse_span(event_date)
    if span is None or article.page_date_trust != "ok" or not article.page_date:
        return False
    try:
        return (date.fromisoformat(article.page_date[:10]) - span.last_day).days > MAIN_EVENT_MAX_DAYS
    except ValueError:
        return False


def _written_before(article: Article, event_date: str) -> bool:
    """Whether the article's trusted page date is before the first day of `event_date`."""
    span = parse_span(event_date)
    if span is None or article.page_date_trust != "ok" or not article.page_date:
        return False
    try:
        return date.fromisoformat(article.page_date[:10]) < span.first_day
    except ValueError:
        return False


def _lineage_order(lineage: Lineage, by_id: dict[str, Article]) -> tuple:
    dates = [d for d in (by_id[a].published for a in lineage.articles) if d]
    return (min(dates) if dates else "9999", lineage.articles[0])


def _with_original_first(lineage: Lineage) -> list[str]:
    return [lineage.original] + lineage.derived


def _title(original: Article, main: Event | None) -> str:
    if original.title:
        return original.title
    if main is not None and main.summary:
        return main.summary
    first_line = next((line.strip() for line in original.text.splitlines() if line.strip()), original.id)
    return first_line[:TITLE_CHARS]
