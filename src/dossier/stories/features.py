"""What the story clustering knows about one article: its main event and its own (non-background) text.

Built from the stored per-article products (sentences, events, mentions) plus, from the corpus, the
sentences that partial links show to be shared background. Pure: reads the article, changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.model import Article, Event, Link
from dossier.stories.dates import DateSpan, parse_span
from dossier.stories.lineage import published

# Entity labels that name who or where an event involves, when an event lists no participants.
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# The few most-mentioned names stand for what the article is about; the tail is background colour.
TOP_PARTICIPANTS = 8


@dataclass(frozen=True)
class ArticleFeatures:
    id: str
    text: str  # title + sentences that are not background, for the content vector
    date: DateSpan | None
    type: str | None
    place: str | None
    participants: frozenset[str]
    published: str | None


def shared_background(links: Iterable[Link]) -> dict[str, set[int]]:
    """Sentence indices per article that a partial link aligns with another article."""
    shared: dict[str, set[int]] = {}
    for link in links:
        if link.kind != "partial":
            continue
        for alignment in link.alignments:
            shared.setdefault(link.a, set()).add(alignment.a_index)
            shared.setdefault(link.b, set()).add(alignment.b_index)
    return shared


def main_event(article: Article) -> Event | None:
    """The event the article reports: its first news (non-background) event, preferring a dated one."""
    news = [e for e in article.events if not e.background]
    dated = [e for e in news if parse_span(e.date, e.date_precision)]
    return (dated or news or [None])[0]


def article_features(article: Article, skip_sentences: set[int] | frozenset = frozenset()) -> ArticleFeatures:
    event = main_event(article)
    date = parse_span(event.date, event.date_precision) if event else None
    if date is None:
        date = parse_span(published(article), "day")
    return ArticleFeatures(
        id=article.id,
        text=_own_text(article, skip_sentences),
        date=date,
        type=event.type if event else None,
        place=_norm(event.place) if event and event.place else None,
        participants=frozenset(_participants(article, event)),
        published=published(article),
    )


def _own_text(article: Article, skip: set[int] | frozenset) -> str:
    """Title and the sentences that are neither shared background nor evidence of a background event."""
    if not article.sentences:
        return "\n".join(filter(None, [article.title, article.text]))
    background = {_norm(ev.text) for e in article.events if e.background for ev in e.evidence}
    kept = [s.text for s in article.sentences
            if s.index not in skip and _norm(s.text) not in background]
    if not kept:  # an article made only of background still needs a vector
        kept = [s.text for s in article.sentences]
    return "\n".join(filter(None, [article.title, *kept]))


def _participants(article: Article, event: Event | None) -> list[str]:
    if event and event.participants:
        return [_norm(p) for p in event.participants]
    counts = Counter(_norm(m.entity or m.text) for m in article.mentions if m.label in PARTICIPANT_LABELS)
    return [name for name, _ in counts.most_common(TOP_PARTICIPANTS)]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
