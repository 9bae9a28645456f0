"""Timeline: the events of all articles merged across articles, dated, counted by independent source.

Two article events are one timeline entry when they have the same type and compatible dates and
either belong to the same story (news: never across stories; a domain-general predicate only with
an actor in common) or share participants or place (history told by many), or when a link aligns
the sentences that report them (whatever the types each copy's words gave them).
History is merged by related types too: "a war that ended in 1989 with the withdrawal" and
"withdrawing in 1989" are one happening. Undated reports attach to the best dated entry of their
story and type (one that shares their actors first), so one explicit date dates every copy ("Wednesday" in a
copy, nothing in a translation); undated history ("previously designated") joins the one dated
history entry of its type and actors, in any story. Reported speech (a statement with no
announcement word) attaches only by alignment: two things said in one story are rarely one. The merged date is the most precise date
any member resolves; news that no member dates takes its first report's publication date as an
`approximate` date. The entry keeps the most specific type its members give.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.config import StoriesOptions
from dossier.model import MODALITIES, Article, Event, Evidence, Link
from dossier.timevalue import DateSpan, most_precise, parse_span, sort_key
from dossier.triggers import OCCURRENCE, TRIGGERS
from dossier.unionfind import UnionFind

# How large a block of same-type, same-year events is compared in full is an option
# (`StoriesOptions.timeline_max_block`, `timeline_block_window`).
_DEFAULTS = StoriesOptions()
# Types that can name one historical happening ("a 10-year war that ended in 1989 with the
# withdrawal"); only background events merge across them.
RELATED_TYPES = ({"war", "withdrawal", "invasion"},)
# Less specific types give way to more specific ones when reports of one event differ.
GENERIC_TYPES = {OCCURRENCE: 0, "statement": 0, "talks": 1, "war": 1, "visit": 1}
SPECIFIC = 2
_ANNOUNCEMENT = re.compile(rf"\b(?:{TRIGGERS['statement']})\b", re.I)


@dataclass(frozen=True)
class Item:
    """One event as one article reported it."""

    key: int
    article: str
    event: Event
    span: DateSpan | None
    story: str | None
    participants: frozenset[str]
    place: str | None
    # `_kind`, `_family` and `_family(event, False)` of the event, read once: the merges compare
    # them hundreds of thousands of times
    kind: str = field(init=False)
    family: str = field(init=False)
    related: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _kind(self.event))
        object.__setattr__(self, "family", _family(self.event))
        object.__setattr__(self, "related", _family(self.event, False))


def build_timeline(articles: list[Article], links: list[Link], lineage_of: dict[str, int],
                   article_story: dict[str, str], options: StoriesOptions = _DEFAULTS) -> list[Event]:
    """The timeline: the articles' events merged across reports (`lineage_of`: article -> lineage
    number; `article_story`: article -> story id), in timeline order."""
    items = _items(articles, article_story)
    forest = UnionFind(range(len(items)))
    _merge_dated(items, forest, options.timeline_max_block, options.timeline_block_window)
    _merge_aligned(items, articles, links, forest)
    _attach_undated(items, forest)
    _attach_undated_history(items, forest)
    dates = {a.id: a.published for a in articles}
    members = [[items[i] for i in group] for group in forest.groups()]
    events = [_merged(group, lineage_of, dates) for group in members]
    return sorted(events, key=_timeline_order)


def entity_timeline(events: list[Event], entity: str, names: set[str] = frozenset()) -> list[Event]:
    """Everything dated that involves one entity, in timeline order: the entries whose participants
    or place name the entity id or one of its `names` (how analysts ask "what happened to Airbus,
    in order?"). `events` are timeline entries as `build_timeline` returns them."""
    wanted = {_norm(n) for n in names} | {_norm(entity)}
    involved = [e for e in events if e.date and ({_norm(p) for p in e.participants} | {_norm(e.place or "")}) & wanted]
    return sorted(involved, key=_timeline_order)


def _items(articles: list[Article], article_story: dict[str, str]) -> list[Item]:
    items = []
    spans: dict[tuple, DateSpan | None] = {}  # events repeat few dates: each parsed once
    for article in articles:
        for event in article.events:
            when = (event.date, event.date_precision)
            if when not in spans:
                spans[when] = parse_span(*when)
            items.append(Item(len(items), article.id, event, spans[when], article_story.get(article.id),
                              frozenset(_norm(p) for p in event.participants),
                              _norm(event.place) if event.place else None))
    return items


def _family(event: Event, history_only: bool = True) -> str:
    """The type, or (for history, or always when `history_only` is False) the first type of its
    related group."""
    if event.background or not history_only:
        for group in RELATED_TYPES:
            if event.type in group:
                return min(group)
    return _kind(event)


def _kind(event: Event) -> str:
    """The type; a domain-general event is one kind of happening per predicate."""
    return f"{OCCURRENCE}:{event.predicate}" if event.type == OCCURRENCE else event.type


def _same_event(a: Item, b: Item) -> bool:
    """Dated reports of the same type and compatible dates: news in the same story; history (one side
    at least) with shared actors or place."""
    if a.family != b.family or a.span is None or b.span is None or not a.span.compatible(b.span):
        return False
    if not a.event.background and not b.event.background:
        # news is merged within its story only: stories decide what is one event; a domain-general
        # predicate said twice in a story ("they are working on it", "Russia has worked for years")
        # is one event only with an actor in common (copies' wordings merge by alignment instead)
        shared = a.event.type != OCCURRENCE or bool(a.participants & b.participants)
        return a.story == b.story and shared
    if a.place and b.place and a.place != b.place:
        return False
    if a.family == "statement" and a.story != b.story:
        return False  # what someone said before is history only with its story ("noted in a statement")
    if a.participants & b.participants or (a.place is not None and a.place == b.place):
        return True
    # neither names an actor: one happening when its type names one ("the withdrawal"), never for a
    # domain-general predicate ("campaign", "cause"), which would join every story's use of the verb
    return a.event.type != OCCURRENCE and not (a.participants or b.participants)


def _merge_dated(items: list[Item], forest: UnionFind, max_block: int, block_window: int) -> None:
    """Events of one family and year, compared in date order: every pair in a block of at most
    `max_block`, each event with its next `block_window` in a larger one. News merges within its
    story only (`_same_event`), so news is compared with the news of its own story (in a larger
    block, with its next `block_window` there) and history with everything."""
    blocks: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        if item.span is not None:
            blocks[(item.family, _year(item.span.start))].append(item)
    for block in blocks.values():
        block.sort(key=lambda it: (it.span.start, it.key))
        window = len(block) if len(block) <= max_block else block_window
        news: dict[str | None, list[Item]] = defaultdict(list)
        for i, a in enumerate(block):
            if a.event.background:  # history: with every event in reach, before or after it
                for b in block[max(0, i - window):i] + _overlapping_next(block, i, window):
                    if (not b.event.background or b.key > a.key) and _same_event(a, b):
                        forest.union(a.key, b.key)
            else:
                news[a.story].append(a)
        for told in news.values():
            for i, a in enumerate(told):
                for b in _overlapping_next(told, i, window):
                    if _same_event(a, b):
                        forest.union(a.key, b.key)


def _overlapping_next(ordered: list[Item], i: int, window: int) -> list[Item]:
    """The next `window` items after `ordered[i]` up to the first that starts after it ends: in
    start order no later one can overlap it, so the rest could not pass `_same_event`."""
    end, out = ordered[i].span.end, []
    for j in range(i + 1, min(len(ordered), i + 1 + window)):
        if ordered[j].span.start > end:
            break
        out.append(ordered[j])
    return out


def _merge_aligned(items: list[Item], articles: list[Article], links: list[Link], forest: UnionFind) -> None:
    """Events whose evidence sentences a link aligns are one event: matched by type first; the one
    event left on each side is the same event whatever type each wording gave it."""
    at_sentence = _events_by_sentence(items, articles)
    for link in links:
        for alignment in link.alignments:
            left = at_sentence.get((link.a, alignment.a_index), [])
            right = at_sentence.get((link.b, alignment.b_index), [])
            for a, b in _aligned_pairs(left, right):
                if _dates_allow(a, b):
                    forest.union(a.key, b.key)


def _aligned_pairs(left: list[Item], right: list[Item]) -> list[tuple[Item, Item]]:
    """Pairs of the same type, then of related types; then the one dated event left on each side."""
    if not left or not right:  # most aligned sentences tell no event on one side
        return []
    pairs = [(a, b) for a in left for b in right if a.kind == b.kind]
    paired = {it.key for pair in pairs for it in pair}
    pairs += [(a, b) for a in left if a.key not in paired
              for b in right if b.key not in paired and a.related == b.related]
    paired = {it.key for pair in pairs for it in pair}
    rest_left = [a for a in left if a.key not in paired]
    rest_right = [b for b in right if b.key not in paired]
    if len(rest_left) == 1 and len(rest_right) == 1:
        a, b = rest_left[0], rest_right[0]
        if a.span is not None and b.span is not None and a.event.background == b.event.background:
            pairs.append((a, b))
    return pairs


def _dates_allow(a: Item, b: Item) -> bool:
    return a.span is None or b.span is None or a.span.compatible(b.span)


def _events_by_sentence(items: list[Item], articles: list[Article]) -> dict[tuple[str, int], list[Item]]:
    """(article, sentence index) -> the events that sentence is evidence of."""
    by_article = defaultdict(list)
    for item in items:
        by_article[item.article].append(item)
    out: dict[tuple[str, int], list[Item]] = defaultdict(list)
    for article in articles:
        if article.id not in by_article:
            continue
        index_of = None  # by sentence text, only for evidence without an index in its source
        prefix = f"{article.id}#s"
        for item in by_article[article.id]:
            for evidence in item.event.evidence:
                index = _evidence_sentence(evidence, prefix)
                if index is None:
                    index_of = index_of or {_norm(s.text): s.index for s in article.sentences}
                    index = index_of.get(_norm(evidence.text))
                if index is not None:
                    out[(article.id, index)].append(item)
    return out


def _evidence_sentence(evidence: Evidence, prefix: str) -> int | None:
    """The sentence index analyse writes into the evidence source ("<article>#s<index>"; `prefix`:
    "<article>#s")."""
    source = evidence.source
    if source and source.startswith(prefix) and source[len(prefix):].isdigit():
        return int(source[len(prefix):])
    return None


def _attach_undated(items: list[Item], forest: UnionFind) -> None:
    """An undated news report joins the largest entry of its story and type, preferring those that
    share its actors (names are often pronouns, so sharing none is no proof); else the undated ones
    of that story and type are one entry (attaching to one entry only avoids chaining two dates).
    A domain-general predicate joins only an entry it shares an actor with. Statements are left as
    they are (see the module note)."""
    root = {it.key: forest.find(it.key) for it in items}  # nothing is joined until the last loop
    sizes = Counter(root.values())
    actors: dict[int, set[str]] = defaultdict(set)
    for item in items:
        actors[root[item.key]].update(item.participants)
    dated_roots: dict[tuple, set[int]] = defaultdict(set)
    for item in items:
        if item.span is not None and not item.event.background and item.story is not None:
            dated_roots[(item.story, item.kind)].add(root[item.key])
    undated: dict[tuple, list[Item]] = defaultdict(list)
    for item in items:
        if item.span is None and not item.event.background and item.story is not None \
                and sizes[root[item.key]] == 1 and not _reported_speech(item.event):
            undated[(item.story, item.kind)].append(item)
    for key, group in undated.items():
        roots = dated_roots.get(key, set())
        for item in group:
            if item.event.type == OCCURRENCE:  # as dated ones: an actor in common, else it stays alone
                fits = [r for r in roots if item.participants & actors[r]]
                if not fits:
                    continue
            else:
                fits = [r for r in roots if _shares_actors(item.participants, actors[r])] or roots
            target = max(fits, key=lambda r: (sizes[r], -r)) if fits else group[0].key
            forest.union(target, item.key)


def _reported_speech(event: Event) -> bool:
    """A statement told by a speech verb ("noted that ...", "said ... would"), not an announcement:
    what one person said, rarely the same as what another said in the same story."""
    return event.type == "statement" and not any(_ANNOUNCEMENT.search(e.text) for e in event.evidence)


def _shares_actors(participants: frozenset[str], others: set[str]) -> bool:
    return not participants or not others or bool(participants & others)


def _attach_undated_history(items: list[Item], forest: UnionFind) -> None:
    """Undated history ("previously designated") joins the dated history entry of its type and
    actors, in any story, when exactly one date is told for it."""
    dated: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.span is not None and item.event.background:
            dated[item.family].append(item)
    sizes = Counter(forest.find(it.key) for it in items)
    for item in items:
        if item.span is not None or not item.event.background or sizes[forest.find(item.key)] > 1:
            continue
        fits = [d for d in dated.get(item.family, []) if item.participants & d.participants]
        if len({d.span.value for d in fits}) == 1:
            forest.union(fits[0].key, item.key)


def _merged(group: list[Item], lineage_of: dict[str, int], dates: dict[str, str | None]) -> Event:
    single = len(group) == 1  # most entries: one report, nothing to choose between members
    span = group[0].span if single else most_precise([it.span for it in group if it.span])
    lead = group[0] if single else min(group, key=lambda it: (span is None or it.span != span,
                                                              dates.get(it.article) or "9999", it.article, it.key))
    article_ids = [lead.article] if single else sorted({it.article for it in group},
                                                       key=lambda a: (dates.get(a) or "9999", a))
    first = [dates[a] for a in article_ids if dates.get(a)]
    background = lead.event.background if single else _background(group)
    if span is None and first and not background:
        # News told without a date happened about when it was first reported (news is new): an
        # approximate date places it on the timeline, and any member's resolved date outranks it.
        span = parse_span(min(first), "approximate")
    return Event(
        id="event-" + hashlib.sha1(min(f"{it.article}:{it.event.id}" for it in group).encode()).hexdigest()[:12],
        type=lead.event.type if single else _most_specific_type(group, lead),
        summary=_summary(lead.event),
        date=span.calendar if span else None,
        date_precision=span.precision if span else None,
        place=_most_common(it.event.place for it in group),
        participants=_by_frequency(p for it in group for p in it.event.participants),
        articles=article_ids,
        independent_sources=len({lineage_of.get(a, a) for a in article_ids}),
        evidence=_evidence(group, lead),
        background=background,
        story=lead.story if single else _story(group, background),
        first_reported=min(first) if first else None,
        # the lead report's trigger; its offsets are in the text of the first evidence's article
        trigger=lead.event.trigger, trigger_start=lead.event.trigger_start, trigger_end=lead.event.trigger_end,
        predicate=lead.event.predicate, time=lead.event.time,
        # one report telling it as fact makes it asserted, whatever the others said of it
        modality=min((it.event.modality for it in group), key=MODALITIES.index),
    )


def _most_specific_type(group: list[Item], lead: Item) -> str:
    """The most specific type members give; among equals the most frequent, then the lead's."""
    counts = _counts(it.event.type for it in group)
    return min(counts, key=lambda t: (-GENERIC_TYPES.get(t, SPECIFIC), -counts[t], t != lead.event.type, t))


def _background(group: list[Item]) -> bool:
    """History, not news: every dated report tells it as background (an undated report cannot say
    how old the event is, so it does not vote unless no report is dated)."""
    dated = [it for it in group if it.span is not None]
    if not dated and len({it.story for it in group}) > 1:
        return True  # undated and told in several stories: context they share, not any one's news
    return all(it.event.background for it in dated or group)


def _story(group: list[Item], background: bool) -> str | None:
    """News: the story most of its reports belong to. History (`background`, `_background(group)`):
    a story only if all tell it there."""
    news = [it.story for it in group if not it.event.background and it.story]
    if news and not background:
        counts = _counts(news)
        return min(counts, key=lambda s: (-counts[s], s))
    stories = {it.story for it in group}
    return stories.pop() if len(stories) == 1 else None


def _evidence(group: list[Item], lead: Item) -> list[Evidence]:
    """Each report's evidence sentences, the lead report's first."""
    seen, out = set(), []
    for item in sorted(group, key=lambda it: (it is not lead, it.article, it.key)):
        for evidence in item.event.evidence:
            source = evidence.source or item.article
            if (source, evidence.text) not in seen:
                seen.add((source, evidence.text))
                out.append(Evidence(source, evidence.text))
    return out


def _summary(event: Event) -> str:
    """The summary without a leading "type: " (the entry shows its type apart)."""
    prefix = f"{event.type}: "
    return event.summary[len(prefix):] if event.summary.startswith(prefix) else event.summary


def _timeline_order(event: Event) -> tuple:
    """Date, then precision (`sort_key`); within one date the most independently reported first,
    a typed event before a domain-general one, and the events of one sentence side by side (the
    views show them as one row)."""
    return (*sort_key(event.date, event.date_precision), -event.independent_sources,
            event.type == OCCURRENCE, event.summary, event.id)


def _most_common(values) -> str | None:
    counts = _counts(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def _by_frequency(values) -> list[str]:
    counts = _counts(values)
    return sorted(counts, key=lambda v: (-counts[v], v))


def _counts(values) -> dict:
    """How often each value occurs: a plain dict, as `Counter` without its constructor's checks,
    which cost more than the counting in the one- or two-report entries most entries are."""
    counts: dict = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _year(ordinal: int) -> int:
    from datetime import date

    return date.fromordinal(ordinal).year


def _norm(text: str) -> str:
    return " ".join(text.lower().split())
