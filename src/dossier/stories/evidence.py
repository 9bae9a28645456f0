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

from dossier.config import StoriesOptions
from dossier.timevalue import DateSpan

# The weights, gates and their calibration (ECB+ topics 1-20) are options: `StoriesOptions`.
_DEFAULTS = StoriesOptions()
# The evidence of a template filled twice: below any cosine less the join threshold, so the two
# reports never merge on their own, yet one such pair among the many scored between two clusters
# only lowers their mean link, as other strong evidence against does, rather than vetoing it.
TEMPLATE_EVIDENCE = -1.0


@dataclass(frozen=True)
class Facts:
    """What a report says about its event, for comparing it with another report."""

    date: DateSpan | None = None
    type: str | None = None
    participants: frozenset[str] = frozenset()
    years: frozenset[int] = frozenset()
    numbers: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # words of the lead's names (features.ArticleFeatures.names)
    ages: frozenset[str] = frozenset()  # those of `numbers` that are someone's age (features.ArticleFeatures.ages)
    given: frozenset[str] = frozenset()  # those of `names` only given names (features.ArticleFeatures.given)

    @classmethod
    def union(cls, parts: Iterable[Facts], date: DateSpan | None, type: str | None) -> Facts:
        parts = list(parts)
        return cls(date=date, type=type,
                   participants=frozenset().union(*(p.participants for p in parts)),
                   years=frozenset().union(*(p.years for p in parts)),
                   numbers=frozenset().union(*(p.numbers for p in parts)),
                   places=frozenset().union(*(p.places for p in parts)),
                   names=frozenset().union(*(p.names for p in parts)),
                   ages=frozenset().union(*(p.ages for p in parts)),
                   given=frozenset().union(*(p.given for p in parts)))


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def dates_conflict(a: DateSpan | None, b: DateSpan | None, window_days: int = _DEFAULTS.date_window_days) -> bool:
    """True when both are dated and further apart than `window_days`."""
    return bool(a and b and a.gap(b) > window_days)


def key_fact_conflicts(a: Facts, b: Facts) -> list[str]:
    """The kinds of key fact both reports give with no value in common."""
    return [kind for kind in ("years", "numbers", "places")
            if getattr(a, kind) and getattr(b, kind) and not getattr(a, kind) & getattr(b, kind)]


def pair_evidence(a: Facts, b: Facts, cosine: float = 0.0, options: StoriesOptions = _DEFAULTS) -> float | None:
    """Score adjustment (roughly -0.4..+0.4) for two reports whose content vectors have `cosine`,
    `TEMPLATE_EVIDENCE` for a template filled twice, or None when they must not be merged: dates
    too far apart. The weights are `options`' (see `StoriesOptions` for their calibration)."""
    o = options
    if dates_conflict(a.date, b.date, o.date_window_days):
        return None
    if cosine >= o.template_cosine and len(key_fact_conflicts(a, b)) >= o.conflicts_to_split:
        return TEMPLATE_EVIDENCE
    score = 0.0
    if a.participants and b.participants:
        shared = jaccard(a.participants, b.participants)
        score += o.participant_weight * shared if shared else -o.participant_mismatch_penalty
    if a.names and b.names:  # a reward only: look-alike events share their names too
        shared = len(shared_names(a, b)) / len(a.names | b.names)
        score += o.name_weight * shared
    if a.date and b.date:
        score += o.same_date_bonus
        if not shares_lead_fact(a, b):  # dates of one busy week (page dates) check nothing
            score -= o.no_shared_fact_penalty
        elif names_apart(a, b):  # a number or year in common, but nobody and nowhere
            score -= o.names_apart_penalty
    elif a.date or b.date:
        score -= o.one_sided_date_penalty
    if a.years and b.years and not a.years & b.years and not (a.date and b.date):
        # dated alike, the window has checked the pair: a new year between two reports of a manhunt
        # (an escape in December, the capture in January) is no disagreement
        score -= o.year_mismatch_penalty
    if a.numbers and b.numbers:
        shared = jaccard(a.numbers, b.numbers)
        if shared and not (a.date and b.date and names_apart(a, b)):
            # dated alike and naming different companies, numbers in common are chance: a 2.8% fall
            # and a 2.8% discount (undated, the dates cannot check the pair and a shared magnitude
            # is what tells an event's reports that name its places differently)
            score += o.number_weight * shared
        elif not (a.date and b.date) and a.numbers - a.ages and b.numbers - b.ages:
            # dated alike, other numbers are a disagreement to flag, not another event (the toll of one
            # crash told twice); ages are people's: one report gives the victim's 63, another the
            # gunman's 38 (ECB+ tune topics 1-20 0.963 held; 3-sentence lead 0.939 -> 0.942, 4 0.956
            # -> 0.959). Two clusters agreeing on different ages still differ (cluster.py): ages tell
            # the people apart (two boxers' fights, every report undated).
            score -= o.number_mismatch_penalty
    if a.places and b.places:
        shared = jaccard(a.places, b.places)
        score += o.place_weight * shared if shared else -o.place_mismatch_penalty
    if a.type and b.type and a.type != b.type:
        score -= o.type_mismatch_penalty
    return score


def names_apart(a: Facts, b: Facts) -> bool:
    """Both leads name who or where (people, bodies, places), none in common, and the reports'
    most-mentioned names share none either: Home Depot's quarter and Alibaba's listing, however
    many business words ("shares", "billion") and figures they share. A given name both give only
    as a given name is nobody in common (`shared_names`)."""
    mine, theirs = a.names | a.places, b.names | b.places
    return bool(mine and theirs and not (mine & theirs) - (a.given & b.given) and not a.participants & b.participants)


def shared_names(a: Facts, b: Facts) -> frozenset[str]:
    """The words of the leads' names in common, less a given name both give only as a given name:
    "Michael" of Michael Webb, a kidnapped girl's rescuer, and of Michael Thomas, a prison guard,
    names nobody in common."""
    return (a.names & b.names) - (a.given & b.given)


def shares_lead_fact(a: Facts, b: Facts) -> bool:
    """Whether the leads have any name, place, number or year in common: what a reader checks
    first that two reports tell one event, beyond words of the same topic."""
    return bool(shared_names(a, b) or a.places & b.places or a.numbers & b.numbers or a.years & b.years)
