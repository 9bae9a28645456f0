"""What the story clustering knows about one article: its main event, its own (non-background) text,
and the key facts of its lead that tell look-alike events apart.

Built from the stored per-article products (sentences, events, mentions, times) plus, from the
corpus, the sentences that partial links show to be shared background. Pure: reads the article,
changes nothing.

Key facts come from the lead (title and first `StoriesOptions.lead_sentences` sentences), where news writing puts
the what, where and when: the years its resolved dates name, its numbers (magnitudes, casualty
counts, scores; not the digits of a date) and its places. Two reports of one event repeat them;
two earthquake bulletins or two market wraps share wording but not these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from dossier.analyse.datelines import datelines
from dossier.analyse.timex import MONTHS
from dossier.config import StoriesOptions
from dossier.model import Article, Event, Link
from dossier.stopwords import FUNCTION_WORDS
from dossier.timevalue import DateSpan, parse_span
from dossier.triggers import OCCURRENCE

# The event type of a speech act ("announced", "declared", "statement"): how news is told, not what happened.
STATEMENT = "statement"
# Entity labels that name who or where an event involves, when an event lists no participants.
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Entity labels that name who acted in the lead (places are counted apart).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
# A name's words, compared one by one: "Teixeira" is "Mark Teixeira", "Sox" is "Red Sox".
_NAME_WORD = re.compile(r"[a-z][a-z'’]+")
_NAME_STOP = frozenset({"the", "and", "of", "for", "inc", "co", "mr", "mrs", "ms", "dr"})
# Entity labels that name where something happened.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How many names stand for an article and how long its lead is are options (`StoriesOptions`).
_DEFAULTS = StoriesOptions()
# A number token: 7, 6.1, 1,200, the 6.1 of "6.1-magnitude" (not part of "G20" or "F-16").
_NUMBER = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)*(?!\w)")
# A clock time ("4:59 PM", "02: 22 pm" as tokenised text gives it, "08: 06AM", "11: 47: 35", "8.49pm",
# "2045 GMT") or a date the time tagger left in the text (a numeric one, "05 / 02 / 07", or a day of a
# month, "APR 28", "Jul. 7", "10 Nov") says when a page was posted or something happened: its digits
# are no key number (the 49 of "8.49pm"), and a 24-hour time is no year.
_MONTH_WORD = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_CLOCK = re.compile(r"\b\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?!\d)|\b\d{1,4}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}\b"
                    r"|(?i:\b\d{1,2}(?:\s?[.:]\s?\d{2})?\s?[ap]\.?\s?m\b|\b(?:[01]\d|2[0-3])[0-5]\d\s?(?:[ecmp][sd]?t|gmt|utc|bst|cest?)\b"
                    rf"|\b(?:{_MONTH_WORD})\.?\s?\d{{1,2}}(?:st|nd|rd|th)?(?!\d)|\b\d{{1,2}}(?:st|nd|rd|th)?\s(?:{_MONTH_WORD})\b)")
# Words left in a page stamp besides its date ("Posted", "Updated", "ET", "am"): at most two.
_STAMP_WORD = re.compile(r"[A-Za-z]{3,}")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)")
# A date the page gives as when it was fetched ("[downloaded on 2 October 2013]", "Retrieved 4 May
# 2012", "Accessed: ..."): when someone read the page, not when its news happened.
_FETCHED = re.compile(r"(?i)\b(?:downloaded|retrieved|accessed|fetched|crawled|archived)(?:\s+on)?\s*:?\s*$")
# A date someone was born on ("Page was born on April 22, 1923", "Born in 1923"): an obituary or a
# profile gives it second, and analyse may date the main event (the death) by it, as the first full
# date of the lead; the news is not of that day, nor of that year.
_BORN = re.compile(r"(?i)\bborn(?:\s+(?:on|in))?\s*,?\s*$")
# Someone's age in a lead: "38-year-old", "aged 85", "the age of 85", or a name's apposition in news
# style ("Anthony LaCalamita, 38, of Troy"). One event's reports give the ages of different people
# (the victim's 63, the gunman's 38): their ages disagreeing is no disagreement on the event.
_YEARS_OLD = re.compile(r"\s?-?\s?years?\s?-?\s?old\b", re.I)
_AGE_WORD = re.compile(r"\b(?:aged|age of|age)\s?$", re.I)
_APPOSITIVE = re.compile(r"[A-Z][\w'.-]+(?:\s(?:III|II|IV|Jr\.?|Sr\.?))?\s?,\s?$")
_PUNCTUATION = "\"'“”‘’„«»()[]{}.,;:!?¿¡-–—…"

@dataclass(frozen=True)
class ArticleFeatures:
    id: str
    text: str  # title + sentences that are not background, for the content vector
    date: DateSpan | None
    type: str | None
    place: str | None
    participants: frozenset[str]
    published: str | None
    years: frozenset[int] = frozenset()  # years the lead's resolved dates name
    numbers: frozenset[str] = frozenset()  # numbers of the lead outside dates, "1,200" as "1200"
    places: frozenset[str] = frozenset()  # places the lead names, lowercased
    names: frozenset[str] = frozenset()  # words of the people and bodies the lead names, lowercased
    ages: frozenset[str] = frozenset()  # those of `numbers` that are someone's age ("38-year-old")
    given: frozenset[str] = frozenset()  # those of `names` that are only given names ("michael" of "Michael Webb")


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
    """The event the article reports: its first news (non-background) typed event, preferring a
    dated one. Generic predicate events (`OCCURRENCE`: "said", "was held") are for the timeline,
    not what a story is about: taking the first dated one made stories split on whatever date a
    sentence of the body mentions (ECB+ tune topics 1-20, B-cubed F1 0.818 with them, 0.899 without)."""
    news = [e for e in article.events if not e.background and e.type != OCCURRENCE]
    dated = [e for e in news if parse_span(e.date, e.date_precision)]
    return (dated or news or [None])[0]


def story_type(article: Article, event: Event | None) -> str | None:
    """The kind of what the article reports happened: the type of its first news event that is not
    a statement (as analyse's main type), else its main event's. A lead that tells what someone
    announced or declared about an attack or a firing reports that event; analyse's "statement"
    says how it was told, and two reports of one event, one opening on the statement, were charged
    a type mismatch. ECB+ tune topics 1-20: B3 F1 0.961 -> 0.963 (R .956 -> .960), 3-sentence
    lead 0.931 -> 0.939, every report undated 0.932 -> 0.934; odd, even, 4 sentences held."""
    news = [e for e in article.events if not e.background and e.type not in (OCCURRENCE, STATEMENT)]
    return news[0].type if news else (event.type if event else None)


def article_features(article: Article, skip_sentences: set[int] | frozenset = frozenset(),
                     options: StoriesOptions = _DEFAULTS) -> ArticleFeatures:
    """What the clustering compares of `article`; `skip_sentences`: indices of shared background;
    `options`: the lead's length and how many names stand for the article."""
    lead = options.lead_sentences
    event = main_event(article)
    facts = lead_facts(article, skip_sentences, lead)
    return ArticleFeatures(
        id=article.id,
        text=_own_text(article, skip_sentences),
        date=story_date(article, event, facts["years"], skip_sentences, lead),
        type=story_type(article, event),
        place=_norm(event.place) if event and event.place else None,
        participants=frozenset(_participants(article, event, options.top_participants)),
        published=article.published,
        **facts,
    )


def story_date(article: Article, event: Event | None, lead_years: frozenset[int],
               skip: set[int] | frozenset = frozenset(), lead_sentences: int = _DEFAULTS.lead_sentences) -> DateSpan | None:
    """The date the clustering checks: the main event's, else the page date, else the lead's. A date
    read from the text (the event's or the lead's) counts only in the earliest year the lead names,
    where it names any: a later one is a development's (a 2008 conviction for "an April 2007
    shooting", the 2014 Oscars' host after "the 2013 stint"), which the date window would split from
    its event's reports; an earlier one came from background further down (a contract signed in 2004,
    in a report of a 2005 firing). ECB+ tune topics 1-20: B3 F1 0.951 -> 0.957 (R .936 -> .948).
    A date the page was fetched on ("[ downloaded on 2 October 2013 ]") dates nothing, nor does an
    event anchored on it (tune 0.957 -> 0.961); nor does a date someone was born on."""
    first = min(lead_years, default=None)
    fits = lambda span: span is not None and (first is None or span.first_day.year == first)  # noqa: E731
    fetched = {t.value for t in article.times if _no_news_date(article, t)}
    date = parse_span(event.date, event.date_precision) if event and event.date not in fetched else None
    if fits(date):
        return date
    date = parse_span(article.published, "day")
    if date is not None:
        return date
    date = lead_date(article, skip, lead_sentences)
    return date if fits(date) else None


def lead_facts(article: Article, skip: set[int] | frozenset = frozenset(),
               lead_sentences: int = _DEFAULTS.lead_sentences) -> dict[str, frozenset]:
    """{"years", "numbers", "places", "names", "ages", "given"} of the article's lead (see the module
    docstring); "ages" are those of its numbers that are someone's age (`_is_age`), "given" those of
    its name words that are only people's given names."""
    lead = _lead_sentences(article, skip, lead_sentences)
    if lead is None:  # not analysed: the first lines of the text stand for the lead
        text_lead = "\n".join(article.text.splitlines()[:lead_sentences])
        spans = [(0, len(text_lead))]
    else:
        spans = [(s.start, s.end) for s in lead]
    inside = lambda start: any(lo <= start < hi for lo, hi in spans)  # noqa: E731
    times = [t for t in article.times if inside(t.start) and not _no_news_date(article, t)]
    years = {int(m[1]) for t in times if t.kind == "date" and t.value and (m := _YEAR.match(t.value))}
    in_time = [(t.start, t.end) for t in article.times]
    in_time += [m.span() for lo, hi in spans for m in _CLOCK.finditer(article.text, lo, hi)]
    for lo, hi in spans:  # datelines the tagger missed ("MAR. 14, 2013"): their day is no fact either
        found = datelines(article.text[lo:hi])
        in_time += [(lo + start, lo + end) for start, end, _ in found]
        years.update(span.first_day.year for start, _, span in found
                     if not _no_news_date_at(article.text, lo + start))
    numbers, ages = set(), set()
    for lo, hi in spans:
        for m in _NUMBER.finditer(article.text, lo, hi):
            start = m.start()
            if any(a <= start < b for a, b in in_time):
                continue  # the day of "June 13, 2013" is part of a date, not a fact of its own
            value = m[0].replace(",", "")
            if len(value) == 4 and _YEAR.match(value):
                years.add(int(value))  # a bare year the time tagger left alone
                continue
            numbers.add(value)
            if _is_age(article.text, m.start(), m.end()):
                ages.add(value)
    places = {_norm(m.entity or m.text) for m in article.mentions if m.label in PLACE_LABELS and inside(m.start)}
    actors = [(m.label, [w for w in _NAME_WORD.findall(m.text.lower()) if w not in _NAME_STOP])
              for m in article.mentions if m.label in ACTOR_LABELS and inside(m.start)]
    names = {word for _, words in actors for word in words}
    # The given names of the lead's people ("Michael" of "Michael Webb"), where the word is not also
    # someone's surname or a body's name there: one word of many people's names names nobody.
    given = {w for label, words in actors if label == "PERSON" for w in words[:-1]} \
        - {w for label, words in actors for w in (words[-1:] if label == "PERSON" else words)}
    return {"years": frozenset(years), "numbers": frozenset(numbers), "places": frozenset(places),
            "names": frozenset(names), "ages": frozenset(ages), "given": frozenset(given)}


def lead_date(article: Article, skip: set[int] | frozenset = frozenset(),
              lead_sentences: int = _DEFAULTS.lead_sentences) -> DateSpan | None:
    """The first full date (day precision) of the lead: a dateline or "Updated: November 11, 2011";
    without one the time tagger resolved, a dateline it left alone ("Posted 11 / 27 / 2005")."""
    lead = _lead_sentences(article, skip, lead_sentences)
    if not lead:
        return None
    end = lead[-1].end
    for t in sorted(article.times, key=lambda t: t.start):
        if t.start < end and t.kind == "date" and t.precision == "day" and not _no_news_date(article, t) \
                and (span := parse_span(t.value, "day")):
            return span
    lo = lead[0].start
    found = datelines(article.text[lo:end])
    return next((span for start, _, span in found if not _no_news_date_at(article.text, lo + start)), None)


def _is_age(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`-`end` of `text` is someone's age: "38-year-old" (or "38 - year -
    old" as tokenised text gives it), "aged 85", "at the age of 85", "Anthony LaCalamita, 38, of Troy"."""
    if _YEARS_OLD.match(text, end) or _AGE_WORD.search(text, max(0, start - 12), start):
        return True
    return end - start <= 3 and text[end:end + 2].lstrip().startswith(",") \
        and bool(_APPOSITIVE.search(text, max(0, start - 40), start))


def _no_news_date(article: Article, time) -> bool:
    """Whether `time` is a date the page says it was fetched on (downloaded, retrieved, accessed) or
    someone was born on: no date of the news, nor a year its lead names."""
    return _no_news_date_at(article.text, time.start)


def _no_news_date_at(text: str, start: int) -> bool:
    """Whether the date at `start` of `text` follows a fetch word ("downloaded on", "Retrieved") or
    "born" ("was born on April 22, 1923")."""
    return bool(_FETCHED.search(text, max(0, start - 40), start) or _BORN.search(text, max(0, start - 40), start))


def _lead_sentences(article: Article, skip: set[int] | frozenset, n: int):
    """The first `n` own sentences that say something, with any page stamps among them ("Posted 11 /
    27 / 2005 7: 21 AM", "Updated: May 24, 2005"): a stamp dates the report but is no sentence of
    the news, so it does not push the first one out of the lead."""
    if not article.sentences:
        return None
    own = [s for s in article.sentences if s.index not in skip] or article.sentences
    lead, said = [], 0
    for sentence in own:
        if said == n:
            break
        lead.append(sentence)
        said += not _is_stamp(article, sentence)
    return lead


def _is_stamp(article: Article, sentence) -> bool:
    """A sentence that is only a date or time, with at most a stamp word ("posted", "updated")."""
    text = sentence.text
    spans = [(t.start - sentence.start, t.end - sentence.start) for t in article.times
             if sentence.start <= t.start < sentence.end]
    spans += [(a, b) for a, b, _ in datelines(text)] + [m.span() for m in _CLOCK.finditer(text)]
    words = [m for m in _STAMP_WORD.finditer(text) if not any(a <= m.start() < b for a, b in spans)]
    return bool(spans) and len(words) <= 2


def _own_text(article: Article, skip: set[int] | frozenset) -> str:
    """Title and the sentences that are neither shared background nor evidence of a background event."""
    if not article.sentences:
        return _content_words("\n".join(filter(None, [article.title, article.text])), article.language)
    background = {_norm(ev.text) for e in article.events if e.background for ev in e.evidence}
    kept = [s.text for s in article.sentences
            if s.index not in skip and _norm(s.text) not in background]
    if not kept:  # an article made only of background still needs a vector
        kept = [s.text for s in article.sentences]
    return _content_words("\n".join(filter(None, [article.title, *kept])), article.language)


def _content_words(text: str, language: str | None) -> str:
    """`text` without the function words of its language, where that is not English: the content
    vectors leave out English stop words only, so "der", "und", "mit" made any two German articles
    look alike (994 htmldate-eval pages: 21 unrelated German sports reports in one story)."""
    stop_words = FUNCTION_WORDS.get(language) if language and language != "en" else None
    if not stop_words:
        return text
    return "\n".join(" ".join(w for w in line.split() if w.strip(_PUNCTUATION).lower() not in stop_words)
                     for line in text.splitlines())


def _participants(article: Article, event: Event | None, top: int) -> list[str]:
    if event and event.participants:
        return [_norm(p) for p in event.participants]
    counts = Counter(_norm(m.entity or m.text) for m in article.mentions if m.label in PARTICIPANT_LABELS)
    return [name for name, _ in counts.most_common(top)]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
