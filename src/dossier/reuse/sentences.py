"""The sentences of one article that reuse detection may align (pure, per article).

Articles analysed upstream carry `Article.sentences`; their indices are kept so an alignment's
`a_index` points into that list. Articles without sentences (hand-built ones, benchmarks) are split
here with a cheap rule: a line break ends a sentence, and so does . ! ? before a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.model import Article

# Fragments shorter than this are headings, datelines or captions: aligning them says nothing
# about reuse ("Related Articles", "Taliban claims progress") and makes same-topic pages look copied.
MIN_UNIT_WORDS = 5

_WORD = re.compile(r"\w+", re.UNICODE)
# MIN_UNIT_WORDS words as `words` finds them, found without listing every word of the sentence
# (listing them all was most of `article_units`, which an add runs over every article)
_ALIGNABLE = re.compile(r"\w+(?:\W+\w+){%d}" % (MIN_UNIT_WORDS - 1), re.UNICODE)
_BOUNDARY = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Unit:
    """One alignable sentence: its index in the article's sentence list and its text."""

    index: int
    text: str


def words(text: str) -> list[str]:
    """Lower-cased word tokens; the one tokenizer of this package (shingles, overlap, lengths)."""
    return _WORD.findall(text.lower())


def split_text(text: str) -> list[str]:
    """Fallback splitter for articles that arrive without sentences."""
    out = []
    for line in text.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            out.append(line[start:match.end()])
            start = match.end()
        out.append(line[start:])
    return [piece.strip() for piece in out if piece.strip()]


def article_units(article: Article) -> list[Unit]:
    """The article's sentences long enough to align, in reading order."""
    if article.sentences:
        pairs = [(s.index, s.text) for s in article.sentences]
    else:
        pairs = list(enumerate(split_text(article.text)))
    return [Unit(i, " ".join(t.split())) for i, t in pairs if long_enough(t)]


def long_enough(text: str) -> bool:
    """True when `text` holds at least MIN_UNIT_WORDS words (`len(words(text)) >= MIN_UNIT_WORDS`)."""
    return _ALIGNABLE.search(text.lower()) is not None
