"""Why a story's reports were grouped: the evidence a reader can check.

For each story, `grouped_by` lists what its independent reports (lineages) have in common: the
distinctive words at least two of them use (highest IDF first), the names, places and numbers at
least two of them give, and the dates they carry. A story of one report says so and lists nothing
shared. The values are the same ones the clustering scored (stories/evidence.py), so the
explanation cannot disagree with the decision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from dossier.stories.cluster import Group
from dossier.stories.vectors import TermWeights

# Enough words to recognise the event ("quake", "papua", "magnitude"), few enough to read.
MAX_TERMS = 10
MAX_NAMES = 8


def grouped_by(groups: list[Group], texts: dict[str, str], weights: TermWeights,
               names: dict[str, str] | None = None) -> dict:
    """{"reports": n, "shared_terms": [...], "shared_names": [...], "shared_places": [...],
    "shared_numbers": [...], "dates": [ISO values]} for the groups of one story; `names` maps
    entity ids (what resolved mentions carry) to the entity's name."""
    names = names or {}
    terms = _shared(({t for a in g.articles for t in weights.terms(texts.get(a, ""))} for g in groups))
    terms.sort(key=lambda t: (-t[1], -weights.idf_of(t[0]), t[0]))
    people = _shared({names.get(p, p) for p in g.facts.participants} for g in groups)
    places = _shared({names.get(p, p) for p in g.facts.places} for g in groups)
    numbers = _shared(g.facts.numbers for g in groups)
    return {
        "reports": len(groups),
        "shared_terms": [t for t, _ in terms[:MAX_TERMS]],
        "shared_names": [n for n, _ in sorted(people, key=lambda x: (-x[1], x[0]))[:MAX_NAMES]],
        "shared_places": [p for p, _ in sorted(places, key=lambda x: (-x[1], x[0]))[:MAX_NAMES]],
        "shared_numbers": [n for n, _ in sorted(numbers, key=lambda x: (-x[1], x[0]))[:MAX_NAMES]],
        "dates": sorted({g.date.value for g in groups if g.date}),
    }


def _shared(sets: Iterable[Iterable[str]]) -> list[tuple[str, int]]:
    """(value, number of groups giving it) for values at least two groups give."""
    counts = Counter(v for values in sets for v in set(values))
    return [(v, n) for v, n in counts.items() if n >= 2]
