"""Reference dates: what an article's relative times ("on Wednesday", "last week") count from.

Per article: its page date when trusted ("ok"); otherwise a date the article itself establishes —
an explicit full date in the lead that the lead's "today" / weekday words agree with (a caption's
"in Moscow on October 20, 2021" plus "today's meetings"); when neither exists, a weak page date (a
lone chrome date line, a date htmldate found only in the page text): better than leaving "in
February" unresolved, and every time resolved against it says so (`anchor_trust = "weak"`).

Per lineage (copy / rewrite / translation links): the original's trusted date, else the earliest
trusted date of any member, else a date the lineage establishes from all members' leads, else the
earliest weak page date. Every member's times are then re-normalised from their text, so the step
is idempotent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dossier.analyse.events import extract_events, lead_sentences
from dossier.analyse.timex import WEEKDAYS, normalise_times
from dossier.model import Article, Link
from dossier.reuse.provenance import components
from dossier.timevalue import parse_day

LINEAGE_KINDS = frozenset({"copy", "rewrite", "translation"})
_TODAY = re.compile(r"(?i)^(today|tonight|this (morning|afternoon|evening))")


@dataclass(frozen=True)
class Reference:
    day: date | None
    is_event: bool  # True: the reported event's own date; False: a publication date
    trust: str = "ok"  # "weak": a weak page date, used because nothing better exists


def trusted_page_date(article: Article, trust: str = "ok") -> date | None:
    if article.page_date_trust != trust or not article.page_date:
        return None
    try:
        return date.fromisoformat(article.page_date[:10])
    except ValueError:
        return None


def own_reference(article: Article) -> Reference:
    page = trusted_page_date(article)
    if page is not None:
        return Reference(page, False)
    established = established_date([article])
    weak = trusted_page_date(article, "weak")
    if established is None and weak is not None:
        return Reference(weak, False, "weak")
    return Reference(established, True)


def established_date(articles: list[Article]) -> date | None:
    """An explicit day in the leads of `articles` that their day words ("today", "on Wednesday")
    agree with; None when there is no such day or no day word to confirm it."""
    candidates: list[date] = []
    weekdays: set[int] = set()
    has_today = False
    for article in articles:
        lead = lead_sentences(article)
        for t in normalise_times(article.times, article.sentences, None):
            if t.sentence not in lead:
                continue
            day = parse_day(t.value)
            if day is not None:
                candidates.append(day)
            elif _TODAY.match(t.text):
                has_today = True
            else:
                named = [i for i, name in enumerate(WEEKDAYS) if name in t.text.lower()]
                if named and not re.match(r"(?i)(last|next)\b", t.text):
                    weekdays.add(named[0])
    if not (has_today or weekdays):
        return None
    for day in candidates:
        if all(day.weekday() == w for w in weekdays):
            return day
    return None


def lineage_reference(members: list[Article], links: list[Link]) -> Reference | None:
    copies = {l.b if l.direction == "a_to_b" else l.a for l in links if l.direction}
    originals = [a for a in members if a.id not in copies]
    for group in (originals, members):
        dates = [d for d in (trusted_page_date(a) for a in group) if d is not None]
        if dates:
            return Reference(min(dates), False)
    day = established_date(sorted(members, key=lambda a: a.id))
    if day:
        return Reference(day, True)
    weak = [d for d in (trusted_page_date(a, "weak") for a in members) if d is not None]
    return Reference(min(weak), False, "weak") if weak else None


def lineages(articles: list[Article], links: list[Link]) -> list[list[Article]]:
    """Connected groups (size >= 2) of articles joined by copy/rewrite/translation links."""
    by_id = {a.id: a for a in articles}
    return [[by_id[i] for i in group] for group in components(list(by_id), links) if len(group) > 1]


def date_article(article: Article, reference: Reference) -> Article:
    """Normalise the article's times against `reference`, then (re)derive its events and event date."""
    article.times = normalise_times(article.times, article.sentences, reference.day)
    for t in article.times:
        t.anchor_trust = reference.trust if t.anchor else None
    article.events, article.event_date = extract_events(article, reference.day, reference.is_event)
    return article


def anchor_times(articles: list[Article], links: list[Link]) -> None:
    references = {a.id: own_reference(a) for a in articles}
    groups = lineages(articles, links)
    group_of = {a.id: i for i, group in enumerate(groups) for a in group}
    links_of: dict[int, list[Link]] = {}  # one pass over the links, not one per lineage
    for link in links:
        if link.kind in LINEAGE_KINDS and link.a in group_of and group_of.get(link.b) == group_of[link.a]:
            links_of.setdefault(group_of[link.a], []).append(link)
    for i, group in enumerate(groups):
        shared = lineage_reference(group, links_of.get(i, []))
        if shared is not None:
            for article in group:
                references[article.id] = shared
    for article in articles:
        date_article(article, references[article.id])

