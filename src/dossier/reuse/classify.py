"""From the aligned sentences of two articles to a `Link`: kind, score and direction.

- aligned sentences: best matches at MiniLM cosine >= align_cosine, or ones the sentence reuse
  decision accepts (alignment compares pairs down to sentence_floor_cosine; `is_strong`: a
  logistic model over MiniLM cosine, word overlap, length ratio and differing numbers, calibrated
  on MSRP and syndicated sentences together). Strongly aligned: the same probability at the
  stricter coverage operating point (`coverage_min_probability`), since independent rewordings of
  one event are paraphrases but not reuse.
- coverage of a side = the share of its alignable words that sit in strongly aligned sentences;
  containment = the larger of the two coverages: how much of one article the other explains.
- copy: containment >= rewrite_containment and most of it verbatim (word 3-gram overlap).
- rewrite: containment >= rewrite_containment, paraphrased. translation: a rewrite one of whose
  sides says it was machine-translated (a disclosure line, kept or removed as boilerplate).
- partial: below that, but at least `partial_min_sentences` aligned sentences (shared background).
- none: a template filled twice. When most of the aligned words sit in sentence pairs
  whose numbers differ (an earthquake bulletin's magnitude and depth, a market wrap's prices),
  the two texts share a form, not a report: neither is a copy of the other, and their differing
  numbers are no "changed fact". A copy that changed a number or two stays a copy.
Direction (a_to_b: a is the source): both page dates trusted and different, then a credit line
naming the other's site, then a machine-translation disclosure on one side only, then containment
(the copy's content is a subset of the original's). Otherwise it stays None.
"""

from __future__ import annotations

import re

import numpy as np

from dossier.analyse.language import model_reads
from dossier.config import ReuseOptions
from dossier.model import Alignment, Article, Link
from dossier.reuse.align import AlignedPair
from dossier.reuse.fingerprints import ArticleProducts
from dossier.reuse.sentences import words

# The verbatim, copy, direction and template thresholds and the sentence decision's coefficients are
# options (`ReuseOptions`, with how each was set).

_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")

_MACHINE_TRANSLATION = re.compile(
    r"\b(machine|automatic(?:ally)?|programmatic|google)\b[^.\n]{0,80}\btranslat|"
    r"\btranslat\w*\b[^.\n]{0,80}\b(machine|automatic(?:ally)?|programmatic|software|technology)\b",
    re.IGNORECASE)


def machine_translated(article: Article) -> bool:
    """True when the page discloses machine translation (such lines are usually removed as
    boilerplate, so the removed lines are read too)."""
    lines = [r.line for r in article.removed] + article.text.splitlines()
    return any(_MACHINE_TRANSLATION.search(line) for line in lines)


SENTENCE_FEATURES = ("cosine", "words", "length", "numbers")


def sentence_features(cosine: float, text_a: str, text_b: str) -> np.ndarray:
    """The features of the sentence reuse decision, in SENTENCE_FEATURES order, each in [0, 1]:
    MiniLM cosine; Jaccard of the two sentences' word sets; length ratio (shorter / longer, in
    words); 1.0 when both sentences state numbers and not the same ones (`numbers_differ`).
    Word overlap and length are the classic paraphrase-identification features (Wan et al. 2006,
    "Using dependency-based features to take the 'para-farce' out of paraphrase"), the number
    mismatch as in Socher et al. 2011 ("Dynamic pooling and unfolding recursive autoencoders for
    paraphrase detection"), both on MSRP."""
    wa, wb = words(text_a), words(text_b)
    sa, sb = set(wa), set(wb)
    return np.array([
        cosine,
        len(sa & sb) / len(sa | sb) if sa and sb else 0.0,
        min(len(wa), len(wb)) / max(len(wa), len(wb)) if wa and wb else 0.0,
        float(numbers_differ(text_a, text_b)),
    ])


def reuse_probability(features: np.ndarray, options: ReuseOptions) -> np.ndarray | float:
    """P(one sentence restates the other): the logistic function of intercept + weights . features,
    for one row of `sentence_features` (a float) or a stack of n rows (n values). The intercept and
    weights are ReuseOptions fields fitted by benchmarks/calibrate_reuse.py."""
    weights = np.array([options.sentence_weight_cosine, options.sentence_weight_words,
                        options.sentence_weight_length, options.sentence_weight_numbers])
    return 1.0 / (1.0 + np.exp(-(options.sentence_intercept + features @ weights)))


def sentence_probability(pair: AlignedPair, text_a: str, text_b: str, options: ReuseOptions) -> float:
    """P(one sentence restates the other), in [0, 1]; 1.0 for the same text."""
    if text_a == text_b:
        return 1.0
    return float(reuse_probability(sentence_features(pair.cosine, text_a, text_b), options))


def is_strong(pair: AlignedPair, text_a: str, text_b: str, options: ReuseOptions) -> bool:
    """The sentence paraphrase decision for an aligned pair: the same text, or a probability at or
    above `sentence_min_probability` (calibrated on MSRP and syndicated sentence pairs together)."""
    return sentence_probability(pair, text_a, text_b, options) >= options.sentence_min_probability


def distinct(pairs: list[AlignedPair]) -> int:
    """Aligned sentences counted once per side (a split sentence aligns twice)."""
    return min(len({p.a_row for p in pairs}), len({p.b_row for p in pairs}))


def coverage(products: ArticleProducts, rows: set[int]) -> float:
    lengths = products.lengths
    total = float(lengths.sum())
    return float(lengths[sorted(rows)].sum()) / total if rows and total else 0.0


def verbatim_share(pairs: list[AlignedPair], products: ArticleProducts, overlap: float) -> float:
    lengths = products.lengths
    total = sum(float(lengths[p.a_row]) for p in pairs)
    verbatim = sum(float(lengths[p.a_row]) for p in pairs if p.overlap >= overlap)
    return verbatim / total if total else 0.0


def numbers(text: str) -> frozenset[str]:
    """The numbers a sentence states ("1,200" as "1200")."""
    return frozenset(m[0].replace(",", "") for m in _NUMBER.finditer(text))


def numbers_differ(text_a: str, text_b: str) -> bool:
    """True when both sentences state numbers and not the same ones (6.1 vs 7.6; 10 km vs 35 km)."""
    na, nb = numbers(text_a), numbers(text_b)
    return bool(na and nb and na != nb)


def template_share(pairs: list[AlignedPair], a: ArticleProducts, b: ArticleProducts) -> float:
    """Share of the aligned words (side a) in pairs whose sentences both state numbers, differently."""
    lengths = a.lengths
    total = sum(float(lengths[p.a_row]) for p in pairs)
    differing = 0.0
    for p in pairs:
        if numbers_differ(a.units[p.a_row].text, b.units[p.b_row].text):
            differing += float(lengths[p.a_row])
    return differing / total if total else 0.0


def link_kind(pairs: list[AlignedPair], strong: list[AlignedPair], a: ArticleProducts, b: ArticleProducts,
              translated: bool, options: ReuseOptions) -> tuple[str, float, float, float] | None:
    """(kind, score, coverage_a, coverage_b) from the aligned `pairs` and their `strong` subset,
    or None when the pair is not reuse (`make_link` has already left out filled templates)."""
    cov_a = coverage(a, {p.a_row for p in strong})
    cov_b = coverage(b, {p.b_row for p in strong})
    containment = max(cov_a, cov_b)
    if containment >= options.rewrite_containment and distinct(strong) >= options.partial_min_sentences:
        if verbatim_share(strong, a, options.verbatim_overlap) >= options.copy_verbatim_share:
            kind = "copy"
        else:
            kind = "translation" if translated else "rewrite"
        return kind, containment, cov_a, cov_b
    if distinct(pairs) >= options.partial_min_sentences:
        weak_a = coverage(a, {p.a_row for p in pairs})
        weak_b = coverage(b, {p.b_row for p in pairs})
        return "partial", max(weak_a, weak_b), cov_a, cov_b
    return None


def _trusted_date(article: Article) -> str | None:
    return article.page_date[:10] if article.page_date and article.page_date_trust == "ok" else None


def _credits(article: Article, other: Article) -> bool:
    credited, site = (article.credited_source or "").strip().lower(), (other.site or "").strip().lower()
    return bool(credited and site and (credited in site or site in credited))


def direction(a: Article, b: Article, cov_a: float, cov_b: float,
              options: ReuseOptions = ReuseOptions()) -> str | None:
    """'a_to_b' when a is the source b was derived from, 'b_to_a' for the reverse, else None."""
    date_a, date_b = _trusted_date(a), _trusted_date(b)
    if date_a and date_b and date_a != date_b:
        return "a_to_b" if date_a < date_b else "b_to_a"
    if _credits(b, a) != _credits(a, b):
        return "a_to_b" if _credits(b, a) else "b_to_a"
    if machine_translated(a) != machine_translated(b):
        return "a_to_b" if machine_translated(b) else "b_to_a"
    least, gap = options.direction_min_coverage, options.direction_gap
    if cov_b >= least and cov_b - cov_a >= gap:
        return "a_to_b"
    if cov_a >= least and cov_a - cov_b >= gap:
        return "b_to_a"
    return None


def make_link(a: Article, b: Article, pa: ArticleProducts, pb: ArticleProducts,
              pairs: list[AlignedPair], options: ReuseOptions) -> Link | None:
    """The link between two articles, with its aligned sentences as evidence, or None."""
    translated = machine_translated(a) or machine_translated(b)
    probability = [sentence_probability(p, pa.units[p.a_row].text, pb.units[p.b_row].text, options)
                   for p in pairs]
    # Two operating points of one probability: paraphrase evidence is kept as alignment; only the
    # stricter coverage point counts toward copy/rewrite (see ReuseOptions.coverage_min_probability).
    strong = [p for p, pr in zip(pairs, probability) if pr >= options.coverage_min_probability]
    pairs = [p for p, pr in zip(pairs, probability)
             if pr >= options.sentence_min_probability or p.cosine >= options.align_cosine]
    if pairs and template_share(pairs, pa, pb) >= options.template_share:
        return None  # one form filled with other facts (obituaries, bulletins): not reuse
    # MiniLM reads English only (`ReuseOptions.encoder_language`): on two texts in another language
    # its cosines run high for any same-topic sentences (German finance pages at ~0.8), so there
    # partial reuse needs strongly aligned sentences; a copy or rewrite (decided on those anyway)
    # keeps its looser pairs as evidence for verify.
    read = model_reads(a, options.encoder_language) and model_reads(b, options.encoder_language)
    decided = link_kind(pairs if read else strong, strong, pa, pb, translated, options)
    if decided is None:
        return None
    kind, score, cov_a, cov_b = decided
    if kind == "partial" and not read:
        pairs = strong
    alignments = [Alignment(a_sentence=pa.units[p.a_row].text, b_sentence=pb.units[p.b_row].text,
                            score=p.cosine, a_index=pa.units[p.a_row].index, b_index=pb.units[p.b_row].index)
                  for p in pairs]
    return Link(a=a.id, b=b.id, kind=kind, score=round(float(np.clip(score, 0, 1)), 3),
                direction=direction(a, b, cov_a, cov_b, options) if kind != "partial" else None,
                alignments=alignments)
