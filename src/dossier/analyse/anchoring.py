"""Reference dates: what an article's relative times ("on Wednesday", "last week") count from.

Per article: its page date when trusted ("ok"); otherwise a date the article itself establishes —
an explicit full date in the lead that the lead's "today" / weekday words agree with (a caption's
"in Moscow on October 20, 2021" plus "today's meetings"); when neither exists, a weak page date (a
lone chrome date line, a date htmldate found only in the page text): better than leaving "in
February" unresolved, and every time resolved against it says so (`anchor_trust = "weak"`).

Per lineage (the build's `Provenance`): the trusted date of a member nothing is known to be copied
from, else the earliest trusted date of any member, else a date the lineage establishes from all
members' leads, else the earliest weak page date. Every member's times are then re-normalised from
their text.

`anchor_times` is a corpus stage that returns its product (`Anchoring`) and edits no article; the
build applies it (`Anchoring.apply`). With a product cache (the Store), each article's anchored
times are kept under ANCHORED_PRODUCT with the digest of their inputs (the article as the stage
reads it, its reference and the code), so `dossier add` re-anchors only articles whose inputs
changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dossier.analyse.events import extract_events, lead_sentences
from dossier.analyse.timex import WEEKDAYS, normalise_times
from dossier.config import code_digest
from dossier.kept import Kept
from dossier.model import Article, Event, Lineage, Provenance, TimeExpression, from_dict, to_dict, to_json
from dossier.timevalue import parse_day

if TYPE_CHECKING:
    from dossier.reuse.fingerprints import ProductCache

# The product's name; the key holds the code digest, so results kept by other code are never served.
ANCHORED_PRODUCT = "anchoring.v2"

_TODAY = re.compile(r"(?i)^(today|tonight|this (morning|afternoon|evening))")


@dataclass(frozen=True)
class Reference:
    day: date | None
    is_event: bool  # True: the reported event's own date; False: a publication date
    trust: str = "ok"  # "weak": a weak page date, used because nothing better exists


@dataclass
class AnchoredTimes:
    """One article's times re-normalised against its reference, and the events and event date
    they give (the fields `date_article` sets)."""

    times: list[TimeExpression]
    events: list[Event]
    event_date: str | None


@dataclass
class Anchoring:
    """The anchoring stage's product. `articles`: article id -> its anchored times (every article);
    `established`: lineage original -> the day ("YYYY-MM-DD") the lineage's dated members establish
    from their own leads, for lineages with no trusted page date (the stories stage's inferred
    first report); `keys`: article id -> the digest its anchored times are kept under, of the whole
    article the stage read, its reference and the code (with a product cache only), so a later step
    can tell an article decided from the same inputs without serialising it again."""

    articles: dict[str, AnchoredTimes] = field(default_factory=dict)
    established: dict[str, str] = field(default_factory=dict)
    keys: dict[str, str] = field(default_factory=dict, compare=False)  # bookkeeping, not the product

    def apply(self, article: Article) -> Article:
        """A new Article with its anchored times (the input is left as it was)."""
        found = self.articles.get(article.id)
        if found is None:
            return article
        return dataclasses.replace(article, times=found.times, events=found.events, event_date=found.event_date)


def trusted_page_date(article: Article, trust: str = "ok") -> date | None:
    """The page date as a day when its trust is `trust`: "ok" (the trusted publication date,
    `Article.published`), or "weak" (the reference of last resort)."""
    if trust == "weak":
        value = article.page_date[:10] if article.page_date and article.page_date_trust == "weak" else None
    else:
        value = article.published
    try:
        return date.fromisoformat(value) if value else None
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
    leads = [lead_sentences(article) for article in articles]
    if not any(_says_a_day_word(t.text) for article, lead in zip(articles, leads)
               for t in article.times if t.sentence in lead):
        return None  # nothing to confirm a day with: spare normalising every time (most articles)
    candidates: list[date] = []
    weekdays: set[int] = set()
    has_today = False
    for article, lead in zip(articles, leads):
        for t in normalise_times(article.times, article.sentences, None, until_sentence=max(lead, default=-1)):
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


def _says_a_day_word(text: str) -> bool:
    """True when a time expression's words could confirm a day: "today" and its kin, or a weekday
    name (a superset of what `established_date` counts)."""
    lowered = text.lower()
    return bool(_TODAY.match(text)) or any(name in lowered for name in WEEKDAYS)


def lineage_reference(members: list[Article], lineage: Lineage) -> Reference | None:
    copies = {edge.derived for edge in lineage.edges if edge.basis == "link"}
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


def anchored(article: Article, reference: Reference) -> AnchoredTimes:
    """The article's times normalised against `reference`, and the events and event date they give."""
    times = normalise_times(article.times, article.sentences, reference.day)
    for t in times:
        t.anchor_trust = reference.trust if t.anchor else None
    events, event_date = extract_events(dataclasses.replace(article, times=times), reference.day,
                                        reference.is_event)
    return AnchoredTimes(times, events, event_date)


def date_article(article: Article, reference: Reference) -> Article:
    """Per-article stage: normalise the article's times against `reference`, then (re)derive its
    events and event date."""
    found = anchored(article, reference)
    article.times, article.events, article.event_date = found.times, found.events, found.event_date
    return article


def anchor_times(articles: list[Article], provenance: Provenance,
                 cache: ProductCache | None = None) -> Anchoring:
    """Every article's times anchored on its lineage's reference date (see the module docstring);
    `cache` keeps each article's result between builds (the same result with or without it)."""
    by_id = {a.id: a for a in articles}
    references: dict[str, Reference] = {}
    for lineage in provenance.lineages:
        members = [by_id[a] for a in lineage.articles if a in by_id]
        if len(members) < 2:
            continue
        shared = lineage_reference(members, lineage)
        if shared is not None:
            for article in members:
                references[article.id] = shared
    for article in articles:  # the rest: their own (normalising every time: not asked where unused)
        if article.id not in references:
            references[article.id] = own_reference(article)
    keys = {a.id: _anchor_key(a, references[a.id]) for a in articles} if cache is not None else {}
    out = Anchoring(_anchored_all(articles, references, keys, cache), keys=keys)
    for lineage in provenance.lineages:
        out.established.update(_established(lineage, by_id, out))
    return out


def _anchored_all(articles: list[Article], references: dict[str, Reference], keys: dict[str, str],
                  cache: ProductCache | None) -> dict[str, AnchoredTimes]:
    """article id -> `anchored(article, its reference)`, served from `cache` where the inputs'
    digest (`keys`) matches the kept one, computed (and kept) otherwise."""
    kept = Kept(cache, ANCHORED_PRODUCT)
    out = {}
    for article in articles:
        reference = references[article.id]
        key = keys.get(article.id, "")
        found = kept.get(article.id, key)
        if found is not None:
            out[article.id] = AnchoredTimes([from_dict(TimeExpression, t) for t in found["times"]],
                                            [from_dict(Event, e) for e in found["events"]], found["event_date"])
        else:
            out[article.id] = anchored(article, reference)
            kept.put(article.id, key, to_dict(out[article.id]))
    return out


def _anchor_key(article: Article, reference: Reference) -> str:
    """Digest of what decides `anchored`: the whole article (entities resolved), the reference and
    the code."""
    h = hashlib.sha256(f"{ANCHORED_PRODUCT}|{code_digest()}|{reference!r}|".encode())
    h.update(to_json(article, sort_keys=True))
    return h.hexdigest()[:20]


def _established(lineage: Lineage, by_id: dict[str, Article], anchoring: Anchoring) -> dict[str, str]:
    """{original: day} when the lineage's members that took an event date from their text establish
    one and no member has a trusted page date; else {}."""
    members = [by_id[a] for a in sorted(lineage.articles) if a in by_id]
    if any(a.published for a in members):
        return {}
    dated = [a for a in members if anchoring.articles[a.id].event_date]
    day = established_date([anchoring.apply(a) for a in dated]) if dated else None
    return {lineage.original: day.isoformat()} if day else {}
