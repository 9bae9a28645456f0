"""Evidence for and against two reports being the same event, beyond their shared words.

Look-alike events (two earthquakes in Indonesia four years apart, two Apple keynotes, two market
wraps) share most of their vocabulary; what tells them apart is what a reader checks: when it
happened, where, the numbers (magnitude, deaths, score) and who took part. `pair_evidence` turns
those into one score adjustment added to the content cosine, or None when the dates forbid the
pair outright. `Facts` is what both a report (one lineage) and a story carry for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dossier.timevalue import DateSpan

# All weights were calibrated together on ECB+ topics 1-20 (benchmarks/ecbplus_stories.py, whose
# default reporting topics 21-35 were never tuned on), by coordinate ascent on B-cubed F1 over a
# small grid per weight; each topic there holds two look-alike events. Tune-topic F1 0.868 with the
# earlier hand-set weights, 0.924 with these.
# Main events further apart than this are different events, however alike the words. Two months
# holds a story's developments (an offer and the signing, a rule and its reversal); ECB+ tune F1 by
# window: 14 days 0.903, 31 0.904, 62 0.924, 183 0.930, none 0.898. The shorter of the two best
# keeps rounds of talks months apart as separate stories.
DATE_WINDOW_DAYS = 62
# Shared names (Jaccard of participants) and names with none in common: both cost F1 on the tune
# topics (0.924 -> 0.921 at weight 0.1, -> 0.916 at penalty 0.05), since analyse's most-mentioned
# names include background figures; names still count through the content vector (rare words).
PARTICIPANT_WEIGHT = 0.0
PARTICIPANT_MISMATCH_PENALTY = 0.0
# Both dated and compatible: the date gate checked the pair. One side dated only: it could not,
# so the words must say more (0.10 with the type penalty below: tune F1 0.906 against 0.921 at
# 0.05 and no type penalty, kept because the seeds' undated 2024 delisting report, which shares
# actors and wording with the dated 2021 talks, must stay its own story).
SAME_DATE_BONUS = 0.05
ONE_SIDED_DATE_PENALTY = 0.10
# Leads naming only different years ("the 2009 keynote" / "the 2012 keynote").
YEAR_MISMATCH_PENALTY = 0.10
# Leads with numbers but none in common (magnitude 6.1 vs 7.6; 23 pirates vs 26), and the reward
# for numbers in common (Jaccard-weighted): the strongest evidence on the tune topics. The penalty
# applies only where the date gate could not check the pair: two reports dated alike that give
# other numbers (19 dead vs 91) are one event told inconsistently, which verify flags.
NUMBER_MISMATCH_PENALTY = 0.20
NUMBER_WEIGHT = 0.30
# Places in common (Jaccard-weighted) reward; leads naming different places cost nothing (a
# penalty of 0.05 cost 0.006 F1: "Papua" and "Indonesia" are one place to a reader, not to a set).
PLACE_MISMATCH_PENALTY = 0.0
PLACE_WEIGHT = 0.05
# Main events of different known types (talks vs a delisting). Analyse's types are coarse: alone,
# 0.10 moves tune F1 by under 0.001; with the one-sided date penalty see above.
TYPE_MISMATCH_PENALTY = 0.10


# Reports worded alike (content cosine >= TEMPLATE_COSINE) that disagree on CONFLICTS_TO_SPLIT
# kinds of key fact (years, numbers, places: each given by both, none in common) are one template
# filled twice (two earthquake bulletins, two market wraps): different events, never merged.
# Independent reports of one event word it differently and often differ in the lead's numbers
# and places, so without the wording condition the same rule cost 0.05-0.09 tune F1; at cosine
# 0.5 or 0.6 it costs 0.003 (0.924 -> 0.921), at 0.4 0.008, so the higher one is kept.
TEMPLATE_COSINE = 0.6
CONFLICTS_TO_SPLIT = 2


@dataclass(frozen=True)
class Facts:
    """What a report says about its event, for comparing it with another report."""

    date: DateSpan | None = None
    type: str | None = None
    participants: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    numbers: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()

    @classmethod
    def union(cls, parts: Iterable[Facts], date: DateSpan | None, type: str | None) -> Facts:
        parts = list(parts)
        return cls(date=date, type=type,
                   participants=frozenset().union(*(p.participants for p in parts)),
                   years=frozenset().union(*(p.years for p in parts)),
                   numbers=frozenset().union(*(p.numbers for p in parts)),
                   places=frozenset().union(*(p.places for p in parts)))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def dates_conflict(a: DateSpan | None, b: DateSpan | None) -> bool:
    """True when both are dated and further apart than DATE_WINDOW_DAYS."""
    return bool(a and b and a.gap(b) > DATE_WINDOW_DAYS)


def key_fact_conflicts(a: Facts, b: Facts) -> list[str]:
    """The kinds of key fact both reports give with no value in common."""
    return [kind for kind in ("years", "numbers", "places")
            if getattr(a, kind) and getattr(b, kind) and not getattr(a, kind) & getattr(b, kind)]


def pair_evidence(a: Facts, b: Facts, cosine: float = 0.0) -> float | None:
    """Score adjustment (roughly -0.4..+0.4) for two reports whose content vectors have `cosine`,
    or None when they must not be merged: dates too far apart, or a template filled twice."""
    if dates_conflict(a.date, b.date):
        return None
    if cosine >= TEMPLATE_COSINE and len(key_fact_conflicts(a, b)) >= CONFLICTS_TO_SPLIT:
        return None
    score = 0.0
    if a.participants and b.participants:
        shared = jaccard(a.participants, b.participants)
        score += PARTICIPANT_WEIGHT * shared if shared else -PARTICIPANT_MISMATCH_PENALTY
    if a.date and b.date:
        score += SAME_DATE_BONUS
    elif a.date or b.date:
        score -= ONE_SIDED_DATE_PENALTY
    if a.years and b.years and not a.years & b.years:
        score -= YEAR_MISMATCH_PENALTY
    if a.numbers and b.numbers:
        shared = jaccard(a.numbers, b.numbers)
        if shared:
            score += NUMBER_WEIGHT * shared
        elif not (a.date and b.date):  # dated alike, other numbers are a disagreement to flag, not
            score -= NUMBER_MISMATCH_PENALTY  # another event: the toll of one crash told twice
    if a.places and b.places:
        shared = jaccard(a.places, b.places)
        score += PLACE_WEIGHT * shared if shared else -PLACE_MISMATCH_PENALTY
    if a.type and b.type and a.type != b.type:
        score -= TYPE_MISMATCH_PENALTY
    return score
