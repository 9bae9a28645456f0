"""Events: typed happenings found from trigger words in sentences, with participants, place,
date (from the time expressions of the same sentence) and the evidence sentence.

Types follow PLOVER's spirit (CONSULT, ACCUSE, AID, MOBILIZE, ASSAULT, RETREAT ...) with news
names. A negated trigger ("refused to recognise", "never removing it from the list"), or one set
aside for another ("rather than recall the phones", "instead of a strike"), is no event.
A trigger inside what someone said, when that is not a fact but a wish, plan or opinion ("Putin
noted that one should not rush to recognise ...", "said aid would be sent"), is no event either: the
sentence reports a `statement`, dated by the time that goes with the speech verb. A heading's event
that the body tells again is left to the body. An event dated well before the article's reference
date, or told as past ("previously designated", "had withdrawn") without a date, is `background`.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from dossier.analyse.datelines import is_page_stamp
from dossier.model import Article, Event, Evidence, TimeExpression
from dossier.timevalue import parse_span
from dossier.triggers import OCCURRENCE, TRIGGERS

_TRIGGER_RE = {kind: re.compile(rf"\b(?:{pattern})\b", re.I) for kind, pattern in TRIGGERS.items()}
# Matches where one of the patterns above does (an alternation finds a match wherever one of its
# branches does): one scan tells the ~95% of sentences without a trigger from the rest.
_ANY_TRIGGER = re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{pattern})" for pattern in TRIGGERS.values()), re.I)
_NEGATION = re.compile(r"\b(?:not|never|no|n't|refused to|refuse to|without|unable to|failed to|won't|cannot|"
                       r"rather than|instead of)\b"
                       r"(?:\s+[\w'-]+){0,3}\s*$", re.I)
# Verbs that report speech: what follows them is what someone said, not necessarily what happened.
SPEECH_VERBS = re.compile(
    r"\b(?:said|says|say|stated|states|noted|notes|stressed|stresses|emphasi[sz]ed|emphasi[sz]es|"
    r"underlined|underscored|told|added|insisted|insists|warned|warns|argued|argues|remarked|explained|"
    r"suggested|believes|believed|called for|urged|urges|promised|pledged|vowed|according to)\b", re.I)
# Words that make reported content a wish, plan, duty or opinion rather than a reported fact.
IRREALIS = re.compile(
    r"\b(?:should|would|will|shall|could|can|might|may|must|ought|need|needs|necessary|necessity|"
    r"hurry|rush|likely|unlikely|plans?|planned|intends?|ready|willing|hopes?|hoped|wants?|wanted|"
    r"if|whether|future|soon|expects?|expected|possible|possibly|'ll|won't|can't)\b", re.I)
# How far past a content trigger its clause may still make it irrealis ("negotiations ... are necessary").
CONTENT_TAIL_CHARS = 40
# Past told without a date, right before the trigger: "previously designated", "had withdrawn".
_PAST_MARKER = re.compile(r"\b(?:previously|formerly|originally|historically|had|had been|once had)"
                          r"(?:\s+(?:long|already|previously|also|first|been))?\s+$", re.I)
# A perfect before a body predicate in its sentence ("has always denied the claims, saying",
# "had, according to X, killed"); not "has 500 staff", "have a plan", "had to".
_PERFECT = re.compile(r"\b(?:has|have|had|'ve|'d)\b(?!\s+(?:(?:to|a|an|the|no|any|some|its|his|her|their|our|my)\b|\d))",
                      re.I)
# "please" before a trigger makes it a request to the reader, also where the parse did not read it.
_PLEASE = re.compile(r"(?i)\bplease\s+$")
# A line without final punctuation this short is a heading or subhead, whatever its capitals.
HEADING_MAX_WORDS = 12
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Sentences after the headline that carry the main reported event.
LEAD_SENTENCES = 4
# A dated event this many days before the reference date is history mentioned in passing.
BACKGROUND_DAYS = 365
# A lead's day this many days before the publication date is no news the article reports: its main
# event is no older than the gate by which stories keep two reports of one event apart
# (stories/evidence.py, 62 days). "what he was doing on the night of March 10" in an interview
# story of 2019-11-18 (read as 2019-03-10) dated every undated "he said" of the article that day.
MAIN_EVENT_MAX_DAYS = 62
SUMMARY_CHARS = 160
# Between a verb and the noun that is its object: at most two words, no clause break ("hold the
# peace talks" -> " the peace ").
_OBJECT_GAP = re.compile(r"\s+(?:[\w'-]+\s+){0,2}")


def extract_events(article: Article, reference: date | None, reference_is_event: bool) -> tuple[list[Event], str | None]:
    """(events, main event date) of one article. `reference` is the date relative expressions were
    resolved against; `reference_is_event` says it is the reported event's date itself (an
    explicit date the article or its lineage establishes), not a publication date."""
    times_by_sentence: dict[int, list[TimeExpression]] = {}
    spans_by_sentence: dict[int, list[tuple[int, int]]] = {}  # every time said, resolved or not
    for t in article.times:
        if t.kind == "date":
            spans_by_sentence.setdefault(t.sentence, []).append((t.start, t.end))
        if t.kind == "date" and t.value and t.value[:1].isdigit() and t.describes is None:
            times_by_sentence.setdefault(t.sentence, []).append(t)
    lead = lead_sentences(article)
    listed = _listed_times(article, times_by_sentence)
    retold = _body_kinds(article)
    events: list[Event] = []
    stamps = {s.index for s in article.sentences if is_page_stamp(s.text)}  # "Updated 10:32 a.m.": no event
    for sentence in article.sentences:
        if sentence.index in stamps:
            continue
        spans = [(start - sentence.start, end - sentence.start) for start, end in spans_by_sentence.get(sentence.index, [])]
        heading = is_heading(sentence)
        triggers = _triggers(sentence.text, spans, names=not heading)
        if heading:
            triggers = [(kind, m) for kind, m in triggers if kind not in retold]
        own = times_by_sentence.get(sentence.index) or ([listed[sentence.index]] if sentence.index in listed else [])
        times = _times_per_trigger(triggers, sentence.start, own)
        for (kind, match), own_times in zip(triggers, times):
            events.append(_event(article, sentence, kind, match, own_times, reference, sentence.index in lead))
    _take_modality(article, events)
    generic = [(p.start, p.end) for p in article.predicates if p.generic]  # "please visit www...": advice
    events = [e for e in events if e.trigger_start is None
              or not (any(start < e.trigger_end and e.trigger_start < end for start, end in generic)
                      or _PLEASE.search(article.text, max(0, e.trigger_start - 8), e.trigger_start))]
    body: list[tuple[Event, str, bool]] = []
    events += [e for e in _predicate_events(article, events, reference, reference_is_event, lead, body, listed)
               if sentence_of(e) not in stamps]
    body[:] = [item for item in body if sentence_of(item[0]) not in stamps]
    main_date = reference.isoformat() if reference_is_event and reference else _main_date(events, article, lead, reference)
    events += _body_events(body, main_date, reference, _focus_times(events), _paragraphs(article))
    main_type = next((e.type for e in events if not e.background and e.type not in ("statement", OCCURRENCE)), None)
    # Undated reports of the main event take its date; with only a publication date, that date
    # bounds the event from above: "approximate", never "day".
    fallback = (main_date, "day") if main_date else \
        (reference.isoformat(), "approximate") if reference is not None else (None, None)
    for index, event in enumerate(events):
        event.id = f"{article.id}-e{index}"
        if event.date is None and fallback[0] and event.type == main_type and not event.background:
            event.date, event.date_precision = fallback
        elif event.date is None and reference is not None and event.type == "statement" and not event.background:
            # what someone said is news told by the article: no later than its reference date
            event.date, event.date_precision = reference.isoformat(), "approximate"
    return events, main_date


def _triggers(text: str, time_spans: list[tuple[int, int]] = (), names: bool = False) -> list[tuple[str, re.Match]]:
    """The first non-negated trigger of each type in one sentence that is not irrealis reported
    content; a sentence whose only triggers were such content is a statement (its speech verb).
    Content with a time of its own ("said talks will be held on Monday") stays an event: planned.
    With `names` (body text, not a title-case heading), a trigger written as part of a name ("the
    Worldwide Developers Conference", "the Paris Agreement") names something, not a happening told."""
    found, reported = [], None
    if not _ANY_TRIGGER.search(text):
        return found
    for kind, pattern in _TRIGGER_RE.items():
        for match in pattern.finditer(text):
            if _NEGATION.search(text[:match.start()]) or (names and _in_name(text, match)):
                continue
            speech = _irrealis_speech(text, match, time_spans)
            if speech is not None:
                reported = reported or speech
                continue
            found.append((kind, match))
            break
    if reported is not None and not any(kind == "statement" for kind, _ in found):
        found.append(("statement", reported))
    # An announcement stays beside what it announces ("announced that the decision to delist ..."):
    # both are events in TimeML's sense, and dropping the announcement cost MEANTIME recall.
    return sorted(found, key=lambda f: f[1].start())


def _in_name(text: str, match: re.Match) -> bool:
    """A capitalised trigger right after another capitalised word, away from the sentence start."""
    before = text[:match.start()].rstrip()
    previous = re.search(r"([\w'’-]+)\W*$", before)
    return match.group()[:1].isupper() and previous is not None and previous.group(1)[:1].isupper() \
        and bool(re.search(r"\w", before[:previous.start()]))


def _irrealis_speech(text: str, trigger: re.Match, time_spans=()) -> re.Match | None:
    """The speech verb whose reported content `trigger` is, when that content is not a fact and
    has no time of its own."""
    speech = None
    for match in SPEECH_VERBS.finditer(text, 0, trigger.start()):
        speech = match  # the nearest speech verb before the trigger reports it
    if speech is None:
        return None
    clause_end = re.search(r"[,;.]|$", text[trigger.end():trigger.end() + CONTENT_TAIL_CHARS])
    end = trigger.end() + clause_end.start()
    if any(trigger.start() <= start and stop <= end for start, stop in time_spans):
        return None
    return speech if IRREALIS.search(text[speech.end():end]) else None


def is_heading(sentence) -> bool:
    """A headline, or a short line without final punctuation (a subhead)."""
    from dossier.analyse.entities import is_headline

    text = sentence.text.rstrip()
    return is_headline(sentence) or (not text.endswith((".", "?", "!", '"', "”", ":"))
                                     and len(text.split()) <= HEADING_MAX_WORDS)


def _body_kinds(article: Article) -> set[str]:
    """Event types the body mentions at all (told as fact, wish or negated)."""
    kinds = set()
    for sentence in article.sentences:
        if not is_heading(sentence) and _ANY_TRIGGER.search(sentence.text):
            kinds.update(kind for kind, pattern in _TRIGGER_RE.items() if pattern.search(sentence.text))
    return kinds


def _times_per_trigger(triggers: list[tuple[str, re.Match]], offset: int,
                       times: list[TimeExpression]) -> list[list[TimeExpression]]:
    """Each time expression belongs to the closest trigger before it (English puts the time after
    the verb: "designated ... in 2003, and its removal from the list" dates the designation), or,
    when it opens the sentence ("On Wednesday, Russia hosted talks"), to the first one after it."""
    owned: list[list[TimeExpression]] = [[] for _ in triggers]
    for t in times:
        before = [i for i, (_, m) in enumerate(triggers) if offset + m.end() <= t.start]
        after = [i for i, (_, m) in enumerate(triggers) if offset + m.start() >= t.end]
        if before:
            owned[before[-1]].append(t)
        elif after:
            owned[after[0]].append(t)
    return owned


def _distance(start: int, end: int, t: TimeExpression) -> int:
    return max(t.start - end, start - t.end, 0)


def _event(article: Article, sentence, kind: str, match: re.Match, times: list[TimeExpression],
           reference: date | None, in_lead: bool) -> Event:
    trigger_at = sentence.start + match.start()
    mentions = [m for m in article.mentions if m.sentence == sentence.index]
    place = _place(article.text, mentions, trigger_at)
    participants = []
    for m in mentions:
        name = m.entity or m.text
        if m.label in PARTICIPANT_LABELS and m.text != place and name not in participants:
            participants.append(name)
    when = min(times, key=lambda t: _distance(trigger_at, trigger_at + len(match.group()), t), default=None)
    event = Event(id="", type=kind, summary=f"{kind}: {_trim(sentence.text)}",
                  date=_calendar(when.value) if when else None, date_precision=when.precision if when else None,
                  place=place, participants=participants, articles=[article.id],
                  evidence=[Evidence(source=f"{article.id}#s{sentence.index}", text=sentence.text)],
                  trigger=match.group(), trigger_start=trigger_at, trigger_end=trigger_at + len(match.group()),
                  predicate=match.group().lower(), time=when.text if when else None,
                  modality="reported" if kind == "statement" else "asserted")
    event.background = _is_background(event, reference, in_lead) or \
        (event.date is None and bool(_PAST_MARKER.search(sentence.text[:match.start()])))
    return event


def _take_modality(article: Article, typed: list[Event]) -> None:
    """A typed event takes the modality the parse gives the predicate at its trigger, or at the verb
    right before it whose object it is ("agreed to hold talks on March 3": the talks are planned;
    "would attend the summit": hypothetical). Statements stay reported; a trigger in a sentence the
    parse did not read stays asserted."""
    for event in typed:
        if event.modality != "asserted" or event.trigger_start is None:
            continue
        found = next((p for p in article.predicates if p.start < event.trigger_end and event.trigger_start < p.end), None)
        if found is None:  # "hold (the) talks": the light verb is the predicate, the noun its object
            before = [p for p in article.predicates if p.end <= event.trigger_start and p.pos == "VERB"
                      and _OBJECT_GAP.fullmatch(article.text[p.end:event.trigger_start])]
            found = max(before, key=lambda p: p.end, default=None)
        if found is not None:
            event.modality = found.modality


def _place(text: str, mentions, trigger_at: int) -> str | None:
    places = [m for m in mentions if m.label in PLACE_LABELS
              and re.search(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start], re.I)]
    if not places:
        return None
    return min(places, key=lambda m: abs(m.start - trigger_at)).text


def _predicate_events(article: Article, typed: list[Event], reference: date | None, reference_is_event: bool,
                      lead: set[int], body: list[tuple[Event, str, bool]] | None = None,
                      listed: dict[int, TimeExpression] | None = None) -> list[Event]:
    """Domain-general events from the article's predicates (`analyse/predicates.py`), for the
    happenings no typed trigger covers. Each is dated by the time expression of its own clause,
    else by a time of its sentence that no predicate's clause holds, one a copula or light verb it
    depends on holds or the parse left unattached (`Predicate.shared_times`), else by the heading
    of the list it is an item of (`listed`: `_listed_times`, "In 2019:"), else (lead sentences
    only, told as done or ongoing) by the reference date: on or before it, so "approximate" unless
    the reference is the event's own date. A lead predicate told as done goes to `body` instead: it
    is the lead's account of the main event, and takes that event's day once it is known. A time
    that begins after the reference dates no predicate told as past: that was done by then. An undated body predicate told as done or ongoing goes
    to `body` with its tense (not one told as earlier past, "had doubled": before the main event,
    by how much unknown), for `_body_events` to date once the main event's date is known; one in
    the simple present tells a state or habit ("the speed of the island's regrowth demonstrates",
    how-to advice), not a happening (`Predicate.habitual`: the progressive, "are negotiating", is
    going on, and "says" is said, at the time of writing). Any
    other undated one, or a hypothetical or planned one without a time of its own, is left out: it cannot be
    placed on a timeline. The typed families classify a
    predicate their trigger words match; the rest are `OCCURRENCE`s of their predicate."""
    covered = [(e.trigger_start, e.trigger_end) for e in typed if e.trigger_start is not None]
    times = {t.start: t for t in article.times
             if t.kind == "date" and t.describes is None and parse_span(t.value) is not None}
    owned = {start for p in article.predicates for start in p.times}
    dated = {t.sentence for t in times.values()}  # sentences with a date of their own
    timed = {t.sentence for t in article.times}  # ... or any time expression ("in recent years")
    sentences = {s.index: s for s in article.sentences}
    events = []
    for p in article.predicates:
        if p.generic or any(start < p.end and p.start < end for start, end in covered) or p.sentence not in sentences \
                or _rejected(sentences[p.sentence], p, article.times):
            continue
        when = next((times[start] for start in p.times if start in times), None)
        if when is None and not p.times:  # its own time ("in the future", "for years") rules out another's
            free = [times[start] for start in p.shared_times if start in times and start not in owned]
            when = min(free, key=lambda t: _distance(p.start, p.end, t), default=None)
        if when is None and not p.times and listed and p.sentence in listed:
            when = listed[p.sentence]  # an item of a list its heading dates ("In 2019:")
        if when is not None and p.tense == "past" and _after(when, reference):
            when = None  # what is told as done happened by the time of writing: not that date
        event = _predicate_event(article, sentences[p.sentence], p, when)
        if when is None:
            if p.modality in ("hypothetical", "planned") or p.tense not in ("past", "present") or reference is None:
                continue
            if p.habitual and p.sentence not in lead:
                continue  # a state or habit of the body ("the speed of regrowth demonstrates ..."), no happening
            if p.sentence not in lead:
                sentence = sentences[p.sentence]
                # a sentence with a date of its own tells its own time ("the 1990s, when they
                # committed ..."), not the continued account of the main event; its "said" does
                before = sentence.text[:p.start - sentence.start]
                reporting = SPEECH_VERBS.fullmatch(p.text) is not None  # said when the account was given
                if body is not None and (p.sentence not in dated or reporting) and not _PAST_MARKER.search(before):
                    # a narrative past goes on from the time told last; not "said" (when the sources
                    # spoke), a perfect ("has always denied": told from the time of writing) or a
                    # sentence with a vague time of its own
                    continues = not reporting and p.sentence not in timed and not _PERFECT.search(before)
                    body.append((event, p.tense, continues))
                continue
            if p.tense == "past" and not reference_is_event and body is not None:
                # told as done in the lead: the lead's main event, once its day is known
                body.append((event, p.tense, False))
                continue
            event.date = reference.isoformat()
            event.date_precision = "day" if reference_is_event else "approximate"
        event.background = _is_background(event, reference, p.sentence in lead)
        events.append(event)
    return events


def _after(t: TimeExpression, reference: date | None) -> bool:
    """Whether the time begins after the reference date ("said ... ahead of the Nov. 29 meeting")."""
    span = parse_span(t.value, t.precision)
    return reference is not None and span is not None and span.first_day > reference


_LIST_ITEM = re.compile(r"\s*(?:[-•*–·]|\d{1,2}[.)])\s")  # "- Acme opened ...", "2) It hired ..."
_LIST_HEADING_WORDS = re.compile(r"(?i)\s*(?:in|during|on|by|since|for|through)?\s*:?\s*")


def _listed_times(article: Article, times_by_sentence: dict[int, list[TimeExpression]]) -> dict[int, TimeExpression]:
    """sentence index -> the time of the list heading it is an item of: a line that is only a time
    and a colon ("In 2019:") dates the bulleted lines that follow it ("- Acme opened a plant in
    Ohio."), each of which has no date of its own, up to the first line that is no item."""
    listed: dict[int, TimeExpression] = {}
    heading: TimeExpression | None = None
    for sentence in article.sentences:
        times = times_by_sentence.get(sentence.index, [])
        text = sentence.text.strip()
        if len(times) == 1 and text.endswith(":") and _LIST_HEADING_WORDS.fullmatch(text.replace(times[0].text, "", 1)):
            heading = times[0]
            continue
        starts_line = sentence.start == 0 or article.text[sentence.start - 1] == "\n"
        if heading is not None and starts_line and not _LIST_ITEM.match(sentence.text):
            heading = None  # the list has ended
        if heading is not None and not times:
            listed[sentence.index] = heading
    return listed


def _paragraphs(article: Article) -> dict[int, int]:
    """sentence index -> its paragraph (a line of the article's text), counted from 0."""
    breaks = [match.start() for match in re.finditer("\n", article.text)]
    return {s.index: bisect.bisect_left(breaks, s.start) for s in article.sentences}


def _focus_times(events: list[Event]) -> list[tuple[int, str, str]]:
    """(sentence, date, precision) of each sentence whose event has a time of its own, in text
    order: the temporal focus a past sentence without a time continues (Webber 1988, tense as
    discourse anaphor)."""
    dated: dict[int, tuple[str, str]] = {}
    for event in events:
        if event.time is not None and event.date and event.date_precision != "approximate":
            dated.setdefault(sentence_of(event), (event.date, event.date_precision))
    return [(index, date, precision) for index, (date, precision) in sorted(dated.items())]


def _body_events(body: list[tuple[Event, str, bool]], main_date: str | None, reference: date | None,
                 focus: list[tuple[int, str, str]] = (), paragraphs: dict[int, int] | None = None) -> list[Event]:
    """Undated body predicates, anchored as TimeML anchors an event without a time of its own: a
    past one that `continues` a narrative goes on from the time of the last sentence before it
    that has one, in its paragraph ("the Punjab government in 2009 enacted the act. The delay
    allowed ...": 2009); any other past one continues the article's account of its main event
    (that event's day, when the article has one); a present one holds at the time of writing.
    Either is on or before the reference date ("approximate") when nothing more precise is known.
    A main event dated after the reference (a meeting to come, "ahead of a Nov. 29 meeting") is no
    day for what is told as past: that happened by the time of writing. `focus`: `_focus_times`;
    `paragraphs`: `_paragraphs`."""
    out = []
    span = parse_span(main_date) if main_date else None
    ahead = span is not None and reference is not None and span.first_day > reference
    paragraphs = paragraphs or {}
    behind = [f for f in focus if (span := parse_span(f[1], f[2])) is not None
              and (reference is None or span.first_day <= reference)]  # a time to come is no narrative's
    for event, tense, continues in body:
        here = sentence_of(event)
        last = next((f for f in reversed(behind) if f[0] < here), None)
        in_paragraph = last is not None and paragraphs.get(last[0], -1) == paragraphs.get(here, -2)
        if tense == "past" and continues and in_paragraph:
            event.date, event.date_precision = last[1], last[2]
        elif tense == "past" and main_date and not ahead:
            event.date, event.date_precision = main_date, "day"
        elif reference is not None:
            event.date, event.date_precision = reference.isoformat(), "approximate"
        else:
            continue
        event.background = _is_background(event, reference, False)
        out.append(event)
    return out


def _rejected(sentence, p, times: list[TimeExpression]) -> bool:
    """The typed layer's tests, applied to a predicate: negated, or irrealis reported content."""
    match = re.compile(re.escape(p.text)).search(sentence.text, p.start - sentence.start)
    if match is None:
        return False
    spans = [(t.start - sentence.start, t.end - sentence.start) for t in times if t.sentence == sentence.index]
    return bool(_NEGATION.search(sentence.text[:match.start()])) or _irrealis_speech(sentence.text, match, spans) is not None


def _predicate_event(article: Article, sentence, p, when: TimeExpression | None) -> Event:
    kind = next((k for k, pattern in _TRIGGER_RE.items() if k != "statement" and pattern.fullmatch(p.text)), OCCURRENCE)
    span = parse_span(when.value) if when is not None else None
    return Event(id="", type=kind, summary=f"{kind}: {_trim(sentence.text)}",
                 date=span.calendar if span else None, date_precision=span.precision if span else None,
                 place=p.place, participants=list(p.participants), articles=[article.id],
                 evidence=[Evidence(source=f"{article.id}#s{sentence.index}", text=sentence.text)],
                 trigger=p.text, trigger_start=p.start, trigger_end=p.end, predicate=p.lemma,
                 modality=p.modality, time=when.text if when is not None else None)


def _is_background(event: Event, reference: date | None, in_lead: bool) -> bool:
    span = parse_span(event.date, event.date_precision)
    if span is None:
        return False
    if reference is not None:
        # the END of a period is what matters for "well before": 2021-08 is not history in 2021-10
        return (reference - span.last_day).days > BACKGROUND_DAYS
    return span.precision in ("year", "decade", "century") and not in_lead


def lead_sentences(article: Article) -> set[int]:
    from dossier.analyse.entities import is_headline

    body = [s.index for s in article.sentences if not is_headline(s)]
    return set(body[:LEAD_SENTENCES])


def _main_date(events: list[Event], article: Article, lead: set[int], reference: date | None = None) -> str | None:
    """The date of the first dated, non-background event told in the lead, at day precision: first
    in the text, whether a typed family or the parse found it ("has died yesterday" before "On
    August 24, he resigned"); not a day more than MAIN_EVENT_MAX_DAYS before the publication date
    `reference` (an earlier event the lead recalls)."""
    def position(event: Event) -> tuple[int, int]:
        return sentence_of(event), event.trigger_start or 0

    def recent(event: Event) -> bool:
        span = parse_span(event.date, event.date_precision)
        return reference is None or span is None or (reference - span.last_day).days <= MAIN_EVENT_MAX_DAYS

    for event in sorted(events, key=position):
        if sentence_of(event) in lead and not event.background and event.date_precision == "day" and recent(event):
            return event.date
    return None


def sentence_of(event: Event) -> int:
    """The index of the sentence an article's own event was found in (its evidence source is
    "<article id>#s<index>")."""
    return int(event.evidence[0].source.rsplit("#s", 1)[1])


def _calendar(value: str) -> str:
    span = parse_span(value)
    return span.calendar if span is not None else value


def _trim(text: str) -> str:
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
