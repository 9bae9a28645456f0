"""Claims and their consensus: who belongs to what, who holds which role, how many died.

A claim is an (entity, attribute, value) triple read from one sentence of one article, with its
evidence span: appositions ("A, the Blue Party's minister"), "led by" phrases ("the Red Party
delegation led by Minister A"), role titles before a name ("Deputy Foreign Minister A"), and numbers
attached to the story's event (dead, injured, missing, magnitude). `extract_claims` is a pure
function of one article, run per article after analyse (`Article.claims`: an add extracts only
the new articles' claims); `find_claim_conflicts` names their entities as the corpus resolved them
(`resolved_claims`) and compares claims across all articles without needing their sentences to
align (the aligned-sentence check lives in `consensus.py`).

Consensus counts independent lineages, not articles: two copies of one wire story are one voice.
A value is a conflicting claim when a value incompatible with it has more independent sources
behind it (and at least two), or, for event numbers, when two sources give disjoint figures.

Not conflicts, by construction:
- aliases: values are compared as resolved entities (IS / ISIS / Islamic State are one entity);
- hedges and ranges: "at least 19", "about 20", "19 to 25" are intervals, and only disjoint
  intervals disagree;
- change over time: roles are compared only between articles dated within `role_window_days` of
  each other, event numbers within `number_window_days` (a toll rises; a minister is promoted);
- reported claims: a figure or title inside a direct quote, or inside speech whose cue disputes it
  ("claimed", "denied"), is someone's claim, not the outlet's, and is left out;
- several counts under one key: where one article gives figures for an event key that cannot all
  be one count (a war's tolls and one strike's), no figure of that key is disputed.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from dossier.analyse.gazetteer import fold
from dossier.config import ClaimOptions  # the windows claims are compared in: `VerifyOptions.claims`
from dossier.model import Article, Claim, Entity, Mention, Story

# Words of a role title. A title is a run of these before a name or after "the"/"a" in an
# apposition; the head noun is the last word. Written from the titles in the example corpus,
# PolNeAR train and the ECB+ tuning topics (politics, disasters, business).
ROLE_HEADS = frozenset("""
minister president premier chancellor ambassador envoy spokesman spokeswoman spokesperson secretary
chairman chairwoman chair governor mayor general commander director leader ceo chief head king queen
prince senator representative congressman congresswoman judge prosecutor justice mufti emir
""".split())
ROLE_MODIFIERS = frozenset("""
prime foreign defence defense interior finance economy trade health justice education energy
home state special senior supreme military army police party opposition executive managing
general attorney national regional chief top
""".split())
# Modifiers that change the office itself: a deputy minister is not the minister.
RANK_MODIFIERS = frozenset({"deputy", "vice", "acting", "former", "ex", "assistant", "first", "interim", "late"})
GROUP_NOUNS = "delegation|group|team|party|faction|forces|militia|government|movement|mission|side"

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100,
                 "dozens": 24, "a dozen": 12, "dozen": 12, "hundreds": 200}
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True)) + r")"
_HEDGE = (r"(?:at least|more than|over|nearly|almost|about|around|some|approximately|roughly|"
          r"up to|as many as|fewer than|less than|under|an estimated|at most)")
_CASUALTY = {"killed": "dead", "dead": "dead", "died": "dead", "deaths": "dead", "dying": "dead",
             "injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured",
             "missing": "missing"}
_COUNT_BEFORE = re.compile(
    rf"\b(?P<hedge>{_HEDGE}\s+)?(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*(?P<n2>{_NUM}))?\s+"
    r"(?:(?:people|persons|passengers|civilians|soldiers|workers|miners|children|students|others|"
    r"residents|tourists|pilgrims|police(?:men)?|officers)\s+)?"
    r"(?:(?:were|was|are|have been|had been|being|got)\s+)?(?:reported\s+)?"
    r"(?P<what>killed|dead|died|deaths|injured|wounded|hurt|injuries|missing)\b", re.I)
_COUNT_AFTER = re.compile(
    rf"\b(?P<what>killing|killed|injuring|wounding|injured|wounded|left)\s+(?P<hedge>{_HEDGE}\s+)?"
    rf"(?P<n>{_NUM})(?:\s*(?:-|–|to)\s*(?P<n2>{_NUM}))?\s+(?:people\s+|persons\s+)?(?P<left>dead|injured|wounded)?"
    rf"(?!\s*\w*\s+and\s+(?:a|an|one|{_NUM})\b)", re.I)  # "killing two women and a man": a sum, not read
_TOLL = re.compile(
    rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of|reached|hit|is|was)\s+(?P<hedge>{_HEDGE}\s+)?(?P<n>{_NUM})\b", re.I)
_MAGNITUDE = re.compile(
    r"\b(?:magnitude(?:-|\s+of\s+|\s+)(?P<n>\d(?:\.\d)?)|(?P<m>\d\.\d)(?:-|\s)magnitude)\b", re.I)
_DISPUTING_CUES = re.compile(r"\b(claim|alleg|den(?:y|ied|ies)|insist|accus|reject|dismiss|rumou?r)", re.I)


@dataclass
class ClaimConflict:
    attribute: str
    subject: str  # display name of the entity, or "" for an event figure
    minority: list[Claim]
    majority: list[Claim]
    minority_sources: int  # independent lineages behind each side
    majority_sources: int
    story: str | None = None
    key: str = field(default="")
    minority_value: str = ""  # the values as a reader names them (an entity's name, a figure)
    majority_value: str = ""


# ---------------------------------------------------------------- extraction (per article)


def extract_claims(article: Article) -> list[Claim]:
    """Claims stated by `article`'s own voice (not inside quoted or disputed speech): a pure
    function of one article, run per article after analyse (`Article.claims`).

    A subject or affiliation is named by its mention's `Mention.entity`, else its folded text;
    `resolved_claims` names it as the corpus resolved it. Offsets are character offsets into
    `article.text`."""
    reported = _reported_spans(article)
    claims = []
    by_start = sorted(range(len(article.mentions)), key=lambda i: article.mentions[i].start)
    starts = [article.mentions[i].start for i in by_start]
    for sentence in article.sentences:  # each sentence's mentions by bisection: linear in the article
        own = by_start[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        for claim in _sentence_claims(article, sentence.text, sentence.start, own):
            if not any(s <= claim.start < e for s, e in reported):
                claims.append(claim)
    return claims


def resolved_claims(article: Article, entity_of: Callable[[Article, Mention], str]) -> list[Claim]:
    """`article`'s claims (those extracted per article, else extracted now) with each subject and
    affiliation named by `entity_of` (the corpus's entity resolution)."""
    claims = article.claims if article.claims is not None else extract_claims(article)
    mentions = article.mentions
    out = []
    for c in claims:
        subject = entity_of(article, mentions[c.subject_mention]) if c.subject_mention >= 0 else c.subject
        value = entity_of(article, mentions[c.value_mention]) if c.value_mention >= 0 else c.value
        out.append(c if (subject, value) == (c.subject, c.value) else replace(c, subject=subject, value=value))
    return out


def _reported_spans(article: Article) -> list[tuple[int, int]]:
    """Direct quotes and disputed speech: someone else's claim, not the article's."""
    return [(q.start, q.end) for q in article.quotes
            if q.kind in ("direct", "partial") or (q.cue and _DISPUTING_CUES.search(q.cue))]


def _sentence_claims(article: Article, text: str, offset: int, own: list[int]) -> list[Claim]:
    """Claims of one sentence; `own`: the indexes (in `article.mentions`) of its mentions."""
    claims = []
    people = [i for i in own if article.mentions[i].label == "PERSON"]
    groups = [i for i in own if article.mentions[i].label in ("ORG", "NORP")]
    for p in people:
        person = article.mentions[p]
        subject = _own_name(person)
        local = person.start - offset, person.end - offset
        role = _role_before(text, local[0])
        if role:
            claims.append(_claim(article, subject, "role", role[0], text, offset, role[1], local[1], p))
        appo = _apposition(text, local[1])
        if appo:
            claims.append(_claim(article, subject, "role", appo[0], text, offset, local[0], appo[1], p))
        for k in groups:
            group = article.mentions[k]
            g = group.start - offset, group.end - offset
            if _leads(text, g[0], g[1], local[0]) or _apposition_affiliation(text, local[1], *g) \
                    or re.fullmatch(r"\s+of\s+(?:the\s+)?", text[local[1]:g[0]]):
                claims.append(_claim(article, subject, "affiliation", _own_name(group), text, offset,
                                     min(g[0], local[0]), max(g[1], local[1]), p, k))
    claims += _figures(article, text, offset)
    return claims


def _own_name(mention: Mention) -> str:
    """A mention's name before corpus resolution: its entity id, else its folded text."""
    return mention.entity or fold(mention.text)


def _claim(article: Article, subject: str, attribute: str, value: str, text: str, offset: int,
           start: int, end: int, subject_mention: int = -1, value_mention: int = -1,
           low: float = 0.0, high: float = 0.0) -> Claim:
    return Claim(article.id, subject, attribute, value, text[start:end], text, offset + start, offset + end,
                 low, None if high == math.inf else high, subject_mention, value_mention)


def _role_before(text: str, person_start: int) -> tuple[str, int] | None:
    """'Deputy Foreign Minister' right before a name: (normalised role, start offset). A country
    between a rank and the office ("former U.S. President", "former Russian President") is not
    part of the role, but the rank is: a former president is not the president."""
    m = re.search(r"((?:[A-Za-z][A-Za-z.\-]*\s){1,6})$", text[:person_start])
    if not m:
        return None
    words = m.group(1).split()
    taken: list[str] = []
    first = len(words)  # index of the leftmost word of the phrase
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word.lower().removeprefix("ex-") in ROLE_HEADS | ROLE_MODIFIERS | RANK_MODIFIERS and "." not in word:
            taken.insert(0, word)
            first = i
        elif taken and word[:1].isupper() and i > 0 and words[i - 1].lower() in RANK_MODIFIERS:
            first = i  # "U.S." or "Russian" between "former" and the office: skipped
        else:
            break
    if not taken or taken[-1].lower() not in ROLE_HEADS:
        return None
    start = person_start - len(" ".join(words[first:])) - 1
    return _normal_role(" ".join(taken)), start


def _apposition(text: str, person_end: int) -> tuple[str, int] | None:
    """'A, the deputy prime minister who ...' / 'A, the Blue Party's minister': (role, end offset)."""
    m = re.match(r",\s+(?:the|a|an|its|their)\s+(?:[A-Z][\w\-’']*\s+)*?(?:[A-Z][\w\-]*(?:’s|'s)\s+)?"
                 r"(?P<role>(?:[a-z\-]+\s+){0,3}[a-z\-]+)\b", text[person_end:])
    if not m:
        return None
    words = m.group("role").split()
    while words and words[-1].lower() not in ROLE_HEADS:
        words.pop()
    if not words or not all(w.lower().removeprefix("ex-") in ROLE_HEADS | ROLE_MODIFIERS | RANK_MODIFIERS
                            for w in words):
        return None
    return _normal_role(" ".join(words)), person_end + m.start("role") + len(" ".join(words))


def _apposition_affiliation(text: str, person_end: int, group_start: int, group_end: int) -> bool:
    """'A, the Blue Party's minister' or 'A, a minister in the Blue Party's government'."""
    between = text[person_end:group_start]
    after = text[group_end:group_end + 40]
    return (group_start > person_end and len(between) < 60 and re.match(r",\s+(?:the|a|an)\b", between) is not None
            and "," not in between[1:] and (re.match(r"(?:’s|'s)\s", after) is not None
                                            or re.search(r"\b(?:of|in|for|from)\s+(?:the\s+)?$", between) is not None))


def _leads(text: str, group_start: int, group_end: int, person_start: int) -> bool:
    """'the Red Party delegation led by (Minister) A'."""
    between = text[group_end:person_start]
    return group_end <= person_start and re.fullmatch(
        rf"\s+(?:{GROUP_NOUNS})\s+(?:was\s+|is\s+)?(?:led|headed)\s+by\s+(?:[A-Za-z\-]+\s+){{0,4}}", between) is not None


def _normal_role(words: str) -> str:
    return " ".join(w.lower().removeprefix("ex-").replace("defense", "defence") for w in words.split())


def _figures(article: Article, text: str, offset: int) -> list[Claim]:
    out = []
    for pattern in (_COUNT_BEFORE, _COUNT_AFTER, _TOLL):
        for m in pattern.finditer(text):
            what = m.groupdict().get("what")
            attribute = "dead" if pattern is _TOLL else _CASUALTY.get((m.group("left") if m.groupdict().get("left") else what or "").lower())
            if what and what.lower() == "left" and not m.group("left"):
                continue
            if what and pattern is _COUNT_AFTER and not m.groupdict().get("left"):
                attribute = "dead" if what.lower().startswith("kill") else "injured"
            if attribute is None:
                continue
            low, high = _interval(m.group("hedge"), m.group("n"), m.groupdict().get("n2"))
            if low is None:
                continue
            out.append(_claim(article, "", attribute, m.group("n"), text, offset, m.start(), m.end(),
                              low=low, high=high))
    for m in _MAGNITUDE.finditer(text):
        value = float(m.group("n") or m.group("m"))
        out.append(_claim(article, "", "magnitude", str(value), text, offset, m.start(), m.end(),
                          low=value - 0.05, high=value + 0.05))  # magnitudes are given to one decimal
    return _unique(out)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, out = set(), []
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        if not any(s <= c.start < e and a == c.attribute for s, e, a in seen):
            seen.add((c.start, c.end, c.attribute))
            out.append(c)
    return out


def _number(word: str) -> float | None:
    word = word.lower().replace(",", "")
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    try:
        return float(word)
    except ValueError:
        return None


def _interval(hedge: str | None, n: str, n2: str | None) -> tuple[float | None, float]:
    """A figure as the interval of values it allows: 'at least 19' is [19, inf)."""
    low, high = _number(n), _number(n2) if n2 else None
    if low is None:
        return None, 0.0
    if high is not None:
        return low, high
    if n.lower() in ("dozens", "hundreds"):
        return low / 2, low * 5
    hedge = (hedge or "").strip().lower()
    if hedge in ("at least", "more than", "over", "as many as"):
        return low, math.inf if hedge != "as many as" else low
    if hedge in ("up to", "fewer than", "less than", "under", "at most"):
        return 0.0, low
    if hedge:  # about, around, nearly, some, an estimated...: a rounded figure
        return low * 0.8, low * 1.2
    return low, low


# ---------------------------------------------------------------- consensus (corpus)


def find_claim_conflicts(articles: list[Article], entities: list[Entity], stories: list[Story],
                         options: ClaimOptions = ClaimOptions()) -> list[ClaimConflict]:
    """Conflicting claims across all articles, counted in independent lineages.

    Roles and affiliations are keyed by entity across stories; event figures by story. Cost is
    linear in claims: claims are grouped by key and split into periods by date, and only the few distinct values
    of one key are compared with each other."""
    entity_of = _entity_resolver(entities)
    lineage_of, story_of = _lineage_index(stories)
    day = {a.id: _article_day(a) for a in articles}
    names = {e.id: e.name for e in entities}
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for article in articles:
        for claim in resolved_claims(article, entity_of):
            numeric = claim.attribute not in ("role", "affiliation")
            story = story_of.get(claim.article)
            if not (numeric and story is None):
                groups[(story if numeric else "", claim.subject, claim.attribute)].append(claim)
    out = []
    for (story, subject, attribute), claims in sorted(groups.items()):
        numeric = attribute not in ("role", "affiliation")
        window = options.number_window_days if numeric else options.role_window_days
        for period in _periods(claims, day, window):
            conflict = _conflict(period, lineage_of, numeric)
            if conflict:
                conflict.story, conflict.subject = story or None, names.get(subject, subject)
                conflict.minority_value = _shown(conflict.minority[0], names)
                conflict.majority_value = _shown(conflict.majority[0], names)
                out.append(conflict)
    return out


def _conflict(claims: list[Claim], lineage_of: dict[str, str], numeric: bool) -> ClaimConflict | None:
    """The weakest value against the strongest value it cannot be reconciled with."""
    values = sorted({_value_key(c) for c in claims})
    if len(values) < 2 or numeric and _counts_several(claims):
        return None
    support = {v: {lineage_of.get(c.article, c.article) for c in claims if _compatible(v, _value_key(c), numeric)}
               for v in values}
    best = None
    for weak in values:
        for strong in values:
            if _compatible(weak, strong, numeric) or support[weak] == support[strong]:
                continue  # one lineage on both sides is a copy's change, flagged as changed_fact
            s_weak, s_strong = len(support[weak]), len(support[strong])
            decisive = s_strong >= 2 and s_strong > s_weak
            disagree = numeric and s_weak == s_strong == 1 and weak < strong
            if (decisive or disagree) and (best is None or (s_strong - s_weak, strong) > best[0]):
                best = ((s_strong - s_weak, strong), weak, strong, s_weak, s_strong)
    if best is None:
        return None
    _, weak, strong, s_weak, s_strong = best
    minority = [c for c in claims if _value_key(c) == weak]
    majority = [c for c in claims if _compatible(strong, _value_key(c), numeric)
                and not _compatible(weak, _value_key(c), numeric)]
    if not majority:
        return None
    return ClaimConflict(minority[0].attribute, minority[0].subject, minority, majority, s_weak, s_strong,
                         key=f"{weak}|{strong}")


def _counts_several(claims: list[Claim]) -> bool:
    """Whether one article gives figures for the key that cannot all be one count: it counts
    several things under one story ("killed 1,400 people", "killing over 10,000", "at least 195
    people were killed" in one report of a war), so another source's figure disagrees with none of
    them in particular (a real pile's "four people were killed" in one strike, flagged against them)."""
    by_article: dict[str, list[tuple]] = defaultdict(list)
    for claim in claims:
        by_article[claim.article].append(_value_key(claim))
    return any(not _compatible(a, b, True) for keys in by_article.values() for a in keys for b in keys)


def _periods(claims: list[Claim], day: dict[str, date | None], window: int) -> list[list[Claim]]:
    """Claims split where consecutive article dates are more than `window` days apart (a gap in
    time explains a change). Undated claims join the period when there is only one, else stand apart."""
    dated = sorted((c for c in claims if day[c.article]), key=lambda c: (day[c.article], c.article, c.start))
    undated = [c for c in claims if not day[c.article]]
    periods: list[list[Claim]] = []
    for claim in dated:
        if periods and (day[claim.article] - day[periods[-1][-1].article]).days <= window:
            periods[-1].append(claim)
        else:
            periods.append([claim])
    if len(periods) <= 1:
        return [(periods[0] if periods else []) + undated]
    return periods + ([undated] if undated else [])


def _shown(claim: Claim, names: dict[str, str]) -> str:
    return names.get(claim.value, claim.value) if claim.attribute == "affiliation" else claim.value


def _value_key(claim: Claim):
    if claim.attribute in ("role", "affiliation"):
        return claim.value
    return (claim.low, claim.upper)


def _compatible(a, b, numeric: bool) -> bool:
    if numeric:
        return a[0] <= b[1] and b[0] <= a[1]  # intervals overlap
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if wa[-1] not in ROLE_HEADS or wb[-1] not in ROLE_HEADS:
        return False  # affiliations: entity ids, already alias-resolved
    rank_a, rank_b = set(wa) & RANK_MODIFIERS, set(wb) & RANK_MODIFIERS
    core_a, core_b = set(wa) - RANK_MODIFIERS, set(wb) - RANK_MODIFIERS
    return rank_a == rank_b and wa[-1] == wb[-1] and (core_a <= core_b or core_b <= core_a)


def _entity_resolver(entities: list[Entity]) -> Callable[[Article, Mention], str]:
    """Mention -> entity id: the resolved id, else the entity whose name or alias it is."""
    index = {}
    for e in entities:
        for name in (e.name, *e.aliases):
            index.setdefault(fold(name), e.id)
    return lambda _a, m: m.entity or index.get(fold(m.text), fold(m.text))


def _lineage_index(stories: list[Story]) -> tuple[dict[str, str], dict[str, str]]:
    lineage_of, story_of = {}, {}
    for story in stories:
        for k, lineage in enumerate(story.lineages):
            for a in lineage:
                lineage_of[a] = f"{story.id}:{k}"
        for a in story.articles:
            story_of[a] = story.id
    return lineage_of, story_of


def _article_day(article: Article) -> date | None:
    """The article's date for windows: a trusted page date, else its event date (day precision)."""
    for value, trusted in ((article.page_date, article.page_date_trust in ("ok", "weak")),
                           (article.event_date, True)):
        if value and trusted and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None
