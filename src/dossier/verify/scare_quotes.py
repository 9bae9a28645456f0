"""Quoted words across linked articles, beyond the sentence alignments.

A word in quote marks ("logistical" issues) is a claim about exact wording, and rewriting often
swaps it (technological issues) while rewording the rest of the sentence so much that sentence
similarity no longer aligns the two. For each short quote in one article of a link, the other
article's sentence that carries the quote's neighbouring word and shares enough of the sentence's
names and content words is taken as its counterpart, and only the quoted word is compared.
Bounded: one scan of the other article's sentences per short quote of a linked pair.
"""

from __future__ import annotations

import re

from dossier.config import VerifyOptions
from dossier.model import Article, Link
from dossier.verify.facts import Change, _unpaired_quoted_words, same_name
from dossier.verify.pairs import AlignedPair, PairChanges, SentenceFacts
from dossier.verify.slots import FactSlots, is_word, stem

# How many words a counterpart sentence must share with the quoting one is an option
# (`VerifyOptions.scare_quote_min_shared`).
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])|\n+")


def sentences_of(article: Article) -> list[tuple[int, str]]:
    if article.sentences:
        return [(s.index, s.text) for s in article.sentences]
    parts = [p.strip() for p in _SENTENCE_END.split(article.text) if p.strip()]
    return list(enumerate(parts))


def _sentences(article: Article, memo: dict[str, list[tuple[int, str]]]) -> list[tuple[int, str]]:
    if article.id not in memo:
        memo[article.id] = sentences_of(article)
    return memo[article.id]


def _short_quotes(slots: FactSlots, max_words: int):
    return [q for q in slots.quotes if 0 < sum(1 for t in slots.tokens[q.first:q.last + 1] if is_word(t))
            <= max_words]


def _shared(x: FactSlots, y: FactSlots, o: VerifyOptions) -> int:
    ys = y.content_stems
    names = sum(1 for e in x.entities if any(same_name(e.name, f.name, o) for f in y.entities)
                and stem(e.name.lower()) not in ys)
    return len(x.content_stems & ys) + names


def quoted_word_changes(articles: list[Article], links: list[Link], slots: SentenceFacts | None = None,
                        options: VerifyOptions = VerifyOptions()) -> list[PairChanges]:
    """Changed quoted words between linked articles, source side first where the link says.
    `slots` shares sentence facts with the other checks (each sentence is read once per build);
    `options`: the thresholds (`scare_quote_min_shared`, `max_short_quote_words`, ...)."""
    by_id = {a.id: a for a in articles}
    slots = slots or SentenceFacts(articles)
    sentences: dict[str, list[tuple[int, str]]] = {}
    out = []
    for link in links:
        if link.a not in by_id or link.b not in by_id:
            continue
        source = link.b if link.direction == "b_to_a" else link.a
        for quoting, other in ((link.a, link.b), (link.b, link.a)):
            for pair in _one_way(by_id[quoting], by_id[other], slots, sentences, options):
                out.append(_oriented(pair, source, link.direction is not None))
    return out


def _oriented(found: PairChanges, source: str, directed: bool) -> PairChanges:
    p = found.pair
    if p.source == source:
        return PairChanges(AlignedPair(p.source, p.copy, p.source_index, p.copy_index, p.source_slots,
                                       p.copy_slots, directed), found.changes)
    flipped = [Change(c.slot, c.b, c.a, c.severity) for c in found.changes]
    return PairChanges(AlignedPair(p.copy, p.source, p.copy_index, p.source_index, p.copy_slots,
                                   p.source_slots, directed), flipped)


def _one_way(quoting: Article, other: Article, slots: SentenceFacts,
             sentences: dict[str, list[tuple[int, str]]], o: VerifyOptions) -> list[PairChanges]:
    """Changes where `quoting` puts a short quote and `other` has other words in its place, as
    pairs with `other` first. `sentences` memoises `sentences_of` per article id."""
    out = []
    other_sentences = None
    for q_index, q_text in _sentences(quoting, sentences):
        if '"' not in q_text and "\u201c" not in q_text:
            continue
        q_slots = slots(quoting.id, q_text)
        quotes = _short_quotes(q_slots, o.max_short_quote_words)
        if not quotes:
            continue
        if other_sentences is None:
            other_sentences = [(i, slots(other.id, t)) for i, t in _sentences(other, sentences)]
        scored = sorted(((_shared(q_slots, s, o), i, s) for i, s in other_sentences), key=lambda x: (-x[0], x[1]))
        if not scored or scored[0][0] < o.scare_quote_min_shared or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            continue
        _, o_index, o_slots = scored[0]
        changes = _unpaired_quoted_words(q_slots, o_slots, quotes, swap=True, o=o)
        if changes:
            out.append(PairChanges(AlignedPair(other.id, quoting.id, o_index, q_index, o_slots, q_slots,
                                               False), changes))
    return out
