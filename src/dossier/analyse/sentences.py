"""Sentence splitting with character offsets into `Article.text`.

A line break always ends a sentence (scraped news keeps one paragraph, caption or heading per line).
Inside a line we split after . ! ? (and a closing quote) when the next word starts a sentence,
unless the period ends a known abbreviation or an initial. Rules instead of a parser: this runs on
every article and must be fast; the parser is kept for the few sentences that need it.
"""

from __future__ import annotations

import bisect
import re

from dossier.model import Sentence

# Words whose trailing period does not end a sentence (titles, months, common news abbreviations).
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof sen rep gov gen col lt sgt capt maj adm cmdr st jr sr rev hon pres supt insp
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
no nos vol vs etc inc corp ltd co dept univ ave blvd rd mt ft approx est fig al
u.s u.k u.n e.u d.c a.m p.m i.e e.g
""".split())

# The lookbehind and possessive quantifiers start a match only at the first mark of a run and never
# backtrack into it, so a line of 100,000 dots is scanned once, not once per dot (linear time).
_BOUNDARY = re.compile(r"""(?<![.!?…])[.!?…]++["”’')\]]*+(?=\s+["“‘(\[]?[A-Z0-9])""")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_LONGEST_ABBREVIATION = 16  # characters looked at before a period; every abbreviation above is shorter


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, each with offsets such that `text[start:end] == sentence.text`."""
    sentences: list[Sentence] = []
    for line in _LINE.finditer(text):
        for start, end in _split_line(line.group(), line.start()):
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))
    return sentences


def _split_line(line: str, offset: int) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_abbreviation(line, match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    spans.append((start, len(line)))
    out = []
    for s, e in spans:
        piece = line[s:e]
        stripped_left = len(piece) - len(piece.lstrip())
        stripped_right = len(piece) - len(piece.rstrip())
        if piece.strip():
            out.append((offset + s + stripped_left, offset + e - stripped_right))
    return out


def _is_abbreviation(line: str, dot: int) -> bool:
    """True when the period at `dot` closes an abbreviation or a single-letter initial."""
    if line[dot] != ".":
        return False
    word = _WORD_BEFORE.search(line, max(0, dot - _LONGEST_ABBREVIATION), dot)  # a window: linear
    if not word:
        return False
    token = word.group().lower().rstrip(".")
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def sentence_at(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing character `offset` (the last one starting before it)."""
    position = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1  # no list per call
    return sentences[max(position, 0)].index if sentences else 0
