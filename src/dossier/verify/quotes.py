"""Quote drift: one quote, worded differently across the articles that carry it.

Quoted spans that the alignments pair up (same sentence in two articles, overlapping words) are
joined into groups; a group whose wordings differ by substituted words (not by a shorter excerpt of
the same words) drifts. The variants are listed side by side, the closest to the original first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.config import VerifyOptions
from dossier.model import Article
from dossier.unionfind import UnionFind
from dossier.verify.facts import pair_quotes, substituted_words
from dossier.verify.pairs import AlignedPair
from dossier.verify.slots import FactSlots, QuotedSpan, fold_quotes



@dataclass
class QuoteVariant:
    article: str
    text: str
    sentence: str


@dataclass
class QuoteDrift:
    variants: list[QuoteVariant]  # closest to the original first
    speaker: str | None
    substitutions: list[tuple[str, str]] = field(default_factory=list)  # original words -> copy words

    @property
    def articles(self) -> list[str]:
        return [v.article for v in self.variants]


def normalise(text: str) -> str:
    """Lower-case words only: the same quote with other punctuation is the same wording."""
    return " ".join(w.lower() for w in _words(text))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+(?:'\w+)*", fold_quotes(text))


def _variant(article: str, slots: FactSlots, q: QuotedSpan) -> QuoteVariant:
    return QuoteVariant(article, q.text, slots.text)


@dataclass
class QuoteLink:
    """Two wordings of one quote that an aligned pair pairs up (`facts.pair_quotes`)."""

    x: QuoteVariant  # the pair's source side
    y: QuoteVariant
    drifting: bool  # their words differ by substitutions


def quote_links(pairs: list[AlignedPair], options: VerifyOptions = VerifyOptions()) -> list[QuoteLink]:
    """The quotes each pair pairs up, in pair order (each pair's on its own: `verify.linkchecks`
    keeps them per link)."""
    out = []
    for pair in pairs:
        for qa, qb in pair_quotes(pair.source_slots, pair.copy_slots, options):
            out.append(QuoteLink(_variant(pair.source, pair.source_slots, qa), _variant(pair.copy, pair.copy_slots, qb),
                                 bool(substituted_words(_words(qa.text), _words(qb.text), options))))
    return out


def find_quote_drift(pairs: list[AlignedPair], articles: list[Article], rank,
                     options: VerifyOptions = VerifyOptions()) -> list[QuoteDrift]:
    """Groups of one quote in several articles whose wordings differ; `rank` orders articles by
    closeness to the original (`Provenance.rank`); an analysed quote sharing
    `options.speaker_quote_overlap` of the shorter wording's words names the speaker."""
    return drift_groups(quote_links(pairs, options), articles, rank, options)


def drift_groups(links: list[QuoteLink], articles: list[Article], rank,
                 options: VerifyOptions = VerifyOptions()) -> list[QuoteDrift]:
    """`find_quote_drift` from the pairs' `quote_links`: wordings joined into groups."""
    forest = UnionFind()
    variants: dict[tuple[str, str], QuoteVariant] = {}
    drifting: set[tuple[str, str]] = set()

    def node(v: QuoteVariant) -> tuple[str, str]:
        key = (v.article, normalise(v.text))
        variants.setdefault(key, v)
        forest.add(key)
        return key

    for link in links:
        x, y = node(link.x), node(link.y)
        forest.union(x, y)
        if link.drifting:
            drifting.update((x, y))
    speakers = _speakers(articles)
    out = []
    for members in forest.groups():
        if not drifting & set(members):
            continue
        drift = _drift(sorted(members), variants, rank, speakers, options)
        if drift is not None:
            out.append(drift)
    return sorted(out, key=lambda d: (d.articles, d.variants[0].text))


def _drift(members, variants, rank, speakers, options: VerifyOptions) -> QuoteDrift | None:
    """One variant per article (its longest wording), the closest to the original first."""
    per_article: dict[str, QuoteVariant] = {}
    for key in members:
        v = variants[key]
        best = per_article.get(v.article)
        if best is None or len(v.text) > len(best.text):
            per_article[v.article] = v
    if len(per_article) < 2:
        return None
    ordered = [per_article[a] for a in sorted(per_article, key=rank)]
    original = ordered[0]
    subs = []
    for v in ordered[1:]:
        for s in substituted_words(_words(original.text), _words(v.text), options):
            if s not in subs:
                subs.append(s)
    if not subs:
        return None
    speaker = next((speakers[(v.article, normalise(v.text))] for v in ordered
                    if (v.article, normalise(v.text)) in speakers), None)
    if speaker is None:
        speaker = next((s for v in ordered for (art, text), s in speakers.items()
                        if art == v.article and _overlaps(text, normalise(v.text), options.speaker_quote_overlap)),
                       None)
    return QuoteDrift(ordered, speaker, subs)


def _overlaps(x: str, y: str, share: float) -> bool:
    """Two normalised wordings share at least `share` of the shorter one's words."""
    wx, wy = set(x.split()), set(y.split())
    return bool(wx) and bool(wy) and len(wx & wy) / min(len(wx), len(wy)) >= share


def _speakers(articles: list[Article]) -> dict[tuple[str, str], str]:
    """(article, normalised quote text) -> the speaker's name, from the analysed quotes."""
    out = {}
    for article in articles:
        for q in article.quotes:
            name = q.speaker_text or q.speaker
            if name:
                out[(article.id, normalise(q.text))] = name
    return out
