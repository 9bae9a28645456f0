"""Cross-language copies: an article and its translation share names, numbers and dates, in order.

Word overlap and an English sentence encoder see nothing in common between a Spanish article and
its English translation, but a translation keeps the article's numbers ("4.000", "2021", "35") and
its names written in Latin script ("Reyes", "Lavrov") in the same order. That sequence of anchors
is a language-independent signal (the idea behind anchor-based bitext alignment, e.g. Gale &
Church's use of numbers and cognates; Simard et al. 1992):

    anchors(article)                 -> the article's anchor tokens, in text order (kept between
                                        builds with a product cache: `kept_anchors`)
    candidate_pairs(articles)        -> pairs in different languages that share rare anchors
                                        (an inverted index over anchors, never all pairs)
    translation_link(a, b)           -> Link(kind="translation") when the anchors agree in order

Only articles whose languages are known and differ are compared; the direction is left open
unless one side has the earlier trusted page date.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from itertools import combinations
from typing import TYPE_CHECKING

from rapidfuzz.distance import LCSseq

from dossier import config
from dossier.config import ReuseOptions
from dossier.kept import Kept
from dossier.model import Article, Link

if TYPE_CHECKING:
    from dossier.reuse.fingerprints import ProductCache

# The kept anchors' product name; the key holds the text and the code digest.
ANCHORS_PRODUCT = "translation-anchors"

_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# What may stand between a sentence's end and its first word.
_OPENERS = frozenset(" \t\"“«'‘(")
_LATIN_NAME = re.compile(r"(?<![\w.])[A-Z][a-zà-ÿ'’-]{2,}(?:\s+[A-Z][a-zà-ÿ'’-]{2,})*")
# Capitalised words that are language-specific, not names: months, weekdays, pronouns.
_NOT_ANCHORS = frozenset("""january february march april may june july august september october
november december monday tuesday wednesday thursday friday saturday sunday the this that there
these they their it its he she we you his her our and but for with from into after before when""".split())
# How many anchors, in what order and how rare, make a translation are options (`ReuseOptions`
# translation_*, calibrated on the article pairs of tests/fixtures/wild).
_DEFAULTS = ReuseOptions()


def _number(token: str) -> str:
    """Numbers as digits only ("4.000" / "4,000" -> "4000"; "3,5" / "3.5" -> "35"): decimal and
    thousands marks swap between languages, the digits do not."""
    return re.sub(r"\D", "", token)


def _list_marker(text: str, number: re.Match) -> bool:
    """A list item's number ("01. Rob Halford", "12) ..."): any two numbered lists count up alike,
    so these say nothing about one being the other's translation (a German "99 Wege" list and an
    English "Top 100" list were linked by them)."""
    line_start = text.rfind("\n", 0, number.start()) + 1
    return (len(number.group()) <= 3 and not text[line_start:number.start()].strip()
            and text[number.end():number.end() + 1] in (".", ")"))


def anchors(article: Article) -> tuple[str, ...]:
    """Numbers (two digits or more) and Latin-script names of `article.text`, in text order.
    A name is a capitalised word not at the start of a sentence or line."""
    found: list[tuple[int, str]] = []
    text = article.text
    for match in _NUMBER.finditer(text):
        digits = _number(match.group())
        if len(digits) >= 2 and not _list_marker(text, match):
            found.append((match.start(), digits))
    for match in _LATIN_NAME.finditer(text):
        before = match.start()  # back over spaces, quote marks and brackets, not copying the text before
        while before and text[before - 1] in _OPENERS:
            before -= 1
        if not before or text[before - 1] in ".!?\n:—-":
            continue  # sentence-initial: a capital that says nothing about being a name
        for word in match.group().split():
            if word.lower() not in _NOT_ANCHORS:
                found.append((match.start(), word.lower()))
    return tuple(token for _, token in sorted(found))


def kept_anchors(articles: list[Article], cache: ProductCache | None = None) -> list[tuple[str, ...]]:
    """`anchors` of each article, served from `cache` where the article's text and the code are
    those they were kept under (an add reads all articles' anchors: 0.5 ms each to find again)."""
    kept = Kept(cache, ANCHORS_PRODUCT)
    prefix = f"{ANCHORS_PRODUCT}|{config.code_digest()}|".encode() if cache is not None else b""
    out = []
    for article in articles:
        key = hashlib.sha256(prefix + article.text.encode()).hexdigest()[:20] if cache is not None else ""
        found = kept.get(article.id, key)
        if found is None:
            found = anchors(article)
            kept.put(article.id, key, found)
        out.append(tuple(found))
    return out


def candidate_pairs(articles: list[Article], sequences: list[tuple[str, ...]],
                    options: ReuseOptions = _DEFAULTS) -> list[tuple[int, int]]:
    """(i, j), i < j: articles in two different known languages sharing
    `translation_min_shared_rare` anchors that at most `translation_max_anchor_spread` articles contain."""
    index: dict[str, list[int]] = defaultdict(list)
    for i, sequence in enumerate(sequences):
        if articles[i].language:
            for token in set(sequence):
                index[token].append(i)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for members in index.values():
        if len(members) > options.translation_max_anchor_spread:
            continue
        for i, j in combinations(members, 2):
            if articles[i].language != articles[j].language:
                shared[(i, j)] += 1
    return sorted(pair for pair, count in shared.items() if count >= options.translation_min_shared_rare)


def ordered_share(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Longest common subsequence of two anchor sequences over the shorter one's length."""
    shorter = min(len(a), len(b))
    return LCSseq.similarity(a, b) / shorter if shorter else 0.0


def translation_link(a: Article, b: Article, sa: tuple[str, ...], sb: tuple[str, ...],
                     options: ReuseOptions = _DEFAULTS) -> Link | None:
    """A `translation` link when both sides hold `translation_min_anchors` anchors and share
    `translation_min_ordered_share` of the shorter side's in order; direction from trusted page
    dates when they differ."""
    if min(len(sa), len(sb)) < options.translation_min_anchors:
        return None
    share = ordered_share(sa, sb)
    if share < options.translation_min_ordered_share:
        return None
    direction = None
    if a.page_date_trust == "ok" and b.page_date_trust == "ok" and a.page_date and b.page_date:
        if a.page_date[:10] != b.page_date[:10]:
            direction = "a_to_b" if a.page_date[:10] < b.page_date[:10] else "b_to_a"
    return Link(a=a.id, b=b.id, kind="translation", score=round(share, 3), direction=direction)


def translation_links(articles: list[Article], linked: set[frozenset[str]] = frozenset(),
                      options: ReuseOptions = _DEFAULTS, cache: ProductCache | None = None) -> list[Link]:
    """Translation links between `articles` (sorted by id for a deterministic result), leaving out
    pairs in `linked` (pairs another reuse step already linked); `cache` keeps each article's
    anchors between builds (the same links with or without it)."""
    if len({a.language for a in articles if a.language}) < 2:
        return []  # a translation needs two known languages: nothing to index in one
    ordered = sorted(articles, key=lambda a: a.id)
    sequences = kept_anchors(ordered, cache)
    links = []
    for i, j in candidate_pairs(ordered, sequences, options):
        if frozenset((ordered[i].id, ordered[j].id)) in linked:
            continue
        link = translation_link(ordered[i], ordered[j], sequences[i], sequences[j], options)
        if link is not None:
            links.append(link)
    return links
