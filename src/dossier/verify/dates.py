"""Misdated pages: a page date that the article's own news refutes.

An article that reports events as news ("on Wednesday", "this week") was published within days of
them. When the dates of those events, known independently of the page date (explicit dates in the
article or its lineage, the timeline event it belongs to, the trusted page date of an earlier copy),
all lie long before the page date, the page date is contradicted.

The check edits no article: `page_date_verdicts` turns its flags into per-article verdicts that the
build applies to its output, so the next run reads the cleaner's trust again.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date

from dossier.analyse.events import sentence_of
from dossier.analyse.timex import range_ends
from dossier.config import VerifyOptions
from dossier.model import Article, Event, Evidence, Flag, Provenance
from dossier.timevalue import parse_span

# How many days of lag contradict a page date is an option (`VerifyOptions.max_news_lag_days`).
# Only copies make a lineage; a `partial` link is shared background, not the same report.
CHECK_SOURCE = "verify-page-date"
# "today" as news's day, not "today's codebases" or "healthy today" (nowadays) in an essay
_DEICTIC = re.compile(
    r"\b(today(?![’']s)|tonight|yesterday|this (?:week|morning|afternoon|evening|weekend)|"
    r"(?:earlier|later) this (?:week|month)|last (?:week|night)|"
    r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)'s)\b", re.I)
_NEWS_PRECISIONS = frozenset({"day", "week", "month"})
# News presents its news as current in its lead ("On Wednesday, Russia sponsored a round of
# discussions ..."); a "today" deep in a long essay (the real-pile case: a blog's "Python is still
# healthy today" 29,000 characters in) says nothing about when the page appeared.
LEAD_SENTENCES = 5
# A date written as a modifier inside a noun phrase, after a determiner or a possessive and before
# the noun ("her June 2012 car accident case", "the 2008 crisis", "its October 2019 recall"), names
# an earlier event by its date: history the report recalls, not the day of its news.
_NOUN_PHRASE_OPEN = re.compile(r"(?i)(?:\b(?:the|a|an|her|his|its|their|our|your|my)|['’]s)\s+$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


@dataclass(frozen=True)
class NewsDate:
    day: date
    article: str
    text: str  # the sentence or metadata that gives the date


@dataclass(frozen=True)
class Misdating:
    article: str
    page_date: str
    news: NewsDate
    cue: str  # the article's words that present the events as news
    lag_days: int

    @property
    def detail(self) -> str:
        text = self.news.text if len(self.news.text) <= 90 else self.news.text[:87].rsplit(" ", 1)[0] + "…"
        return (f"page date {self.page_date} is {self.lag_days} days after the latest news it reports "
                f"(by {self.news.day.isoformat()}: '{text}'), which it presents as current ('{self.cue}')")


@dataclass(frozen=True)
class PageDateVerdict:
    """Verify's verdict on one article's page date: contradicted, with the evidence that says why."""

    evidence: Evidence

    def apply(self, article: Article) -> Article:
        """A new Article whose page date is marked contradicted (the input is left as it was)."""
        return dataclasses.replace(article, page_date_trust="contradicted",
                                   page_date_evidence=[*article.page_date_evidence, self.evidence])


def page_date_verdicts(articles: list[Article], flags: list[Flag]) -> dict[str, PageDateVerdict]:
    """article id -> verdict, one per misdated-page flag (the evidence keeps the cleaner's trust)."""
    by_id = {a.id: a for a in articles}
    out = {}
    for flag in flags:
        article = by_id.get(flag.articles[0]) if flag.kind == "misdated_page" else None
        if article is not None:
            out[article.id] = PageDateVerdict(
                Evidence(CHECK_SOURCE, f"cleaner trust {article.page_date_trust}: {flag.detail}"))
    return out


def find_misdated(articles: list[Article], provenance: Provenance, events: list[Event],
                  max_lag_days: int = VerifyOptions().max_news_lag_days) -> list[Misdating]:
    """Articles whose page date lies more than `max_lag_days` after every independent date of the
    news they report (`VerifyOptions.max_news_lag_days` says how that was set)."""
    by_id = {a.id: a for a in articles}
    lineage = _lineage_members(provenance)
    timeline = _timeline_dates(events)
    out = []
    for article in articles:
        page = _parse_day(article.page_date)
        cue = _news_cue(_lead(article))
        if page is None or cue is None:
            continue
        dates = _own_dates(article) + timeline.get(article.id, [])
        for other in sorted(lineage.get(article.id, ())):
            dates += _copy_dates(by_id[other])
        if not dates:
            continue
        latest = max(dates, key=lambda d: (d.day, d.article))
        lag = (page - latest.day).days
        if lag > max_lag_days:
            out.append(Misdating(article.id, article.page_date[:10], latest, cue, lag))
    return out


def _lead(article: Article) -> str:
    """The article's first LEAD_SENTENCES sentences (its analysed ones, else its first lines)."""
    if article.sentences:
        return " ".join(s.text for s in article.sentences[:LEAD_SENTENCES])
    return "\n".join(article.text.splitlines()[:LEAD_SENTENCES])


def _news_cue(text: str) -> str | None:
    match = _DEICTIC.search(text)
    return match.group(0) if match else None


def _parse_day(value: str | None) -> date | None:
    """Last day of a value at week precision or finer ("2021-10-20", "2021-10", "2021-W42"); None
    for a year or coarser. The last day, so that a month-precise event never makes a page look
    later than it is."""
    span = parse_span(value)
    return span.last_day if span is not None and span.precision in ("day", "week", "month") else None


def _anchored_on_page(article: Article) -> set[str]:
    """Values of time expressions resolved against the page date itself: they cannot judge it."""
    page = (article.page_date or "")[:10]
    return {t.value for t in article.times if t.value and t.anchor and t.anchor[:10] == page}


def _event_dates(article: Article, circular: set[str]) -> list[NewsDate]:
    """The news days of the article's events: the last day of each one's date, or of the range its
    time opens ("from October 2019 to March 2020": March 2020, not October)."""
    ends = range_ends(article.times, article.text)
    naming = {(t.sentence, t.text) for t in article.times if _names_an_event(article.text, t)}
    out = []
    for event in article.events:
        end = ends.get((sentence_of(event), event.time))
        value = end.value if end is not None else event.date
        if event.background or event.date_precision not in _NEWS_PRECISIONS or {event.date, value} & circular \
                or (sentence_of(event), event.time) in naming:
            continue
        day = _parse_day(value)
        if day is not None:
            text = event.evidence[0].text if event.evidence else event.summary
            out.append(NewsDate(day, article.id, text))
    return out


def _names_an_event(text: str, t) -> bool:
    """Whether the time expression `t` is a date inside a noun phrase ("her June 2012 car accident
    case"): it tells which earlier event is meant, not when the news happened."""
    return bool(_NOUN_PHRASE_OPEN.search(text, max(0, t.start - 8), t.start) and _NOUN_AFTER.match(text, t.end))


def _own_dates(article: Article) -> list[NewsDate]:
    return _event_dates(article, _anchored_on_page(article))


def _copy_dates(copy: Article) -> list[NewsDate]:
    """What a copy says about when the news happened: its trusted page date and its news events."""
    out = _own_dates(copy)
    if copy.published:
        day = _parse_day(copy.published)
        if day is not None:
            evidence = copy.page_date_evidence[0].text if copy.page_date_evidence else copy.page_date
            out.append(NewsDate(day, copy.id, evidence))
    return out


def _timeline_dates(events: list[Event]) -> dict[str, list[NewsDate]]:
    """Per article, the dates of the news (not background) timeline events it reports."""
    out: dict[str, list[NewsDate]] = {}
    for event in events:
        if event.background or event.date_precision not in _NEWS_PRECISIONS:
            continue
        day = _parse_day(event.date)
        if day is None:
            continue
        for article_id in event.articles:
            text = _evidence_outside(event, article_id)
            if text is not None:
                out.setdefault(article_id, []).append(NewsDate(day, text[0], text[1]))
    return out


def _evidence_outside(event: Event, article_id: str) -> tuple[str, str] | None:
    """(article, text) of the timeline event's evidence, preferring another article's: a date an
    article derives only from its own page date would judge that page date by itself."""
    others = [e for e in event.evidence if _article_of(e.source) != article_id]
    if others:
        return _article_of(others[0].source), others[0].text
    return None


def _article_of(evidence_source: str) -> str:
    """Timeline evidence names its sentence as "<article id>#s<index>"."""
    return (evidence_source or "").split("#", 1)[0]


def _lineage_members(provenance: Provenance) -> dict[str, set[str]]:
    """Per article, the other members of its copy lineage."""
    return {a: set(lineage.articles) - {a} for lineage in provenance.lineages for a in lineage.articles}
