"""Changed facts between two aligned sentences, found by comparing their fact slots.

`compare_slots(a, b)` lists what one sentence claims differently from the other: a different
entity in the same role, a different number, date or quoted word, a negation, a hedge, or an
attribution cue of another stance. Slots present on one side only are omissions or additions,
which rewriting does all the time, and are not reported.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.config import VerifyOptions
from dossier.verify import lexicon
from dossier.verify.slots import (DateSlot, EntitySlot, FactSlots, Quantity, QuotedSpan, Token, is_word,
                                  is_word_or_number, stem)

# The spelling-variant ratio, quoted-word limits, speaker gap, name length and role window are
# options (`VerifyOptions`, with how each was set); every comparison takes them as `o`.
_DEFAULTS = VerifyOptions()
# Stances whose appearance or disappearance changes how a claim is presented.
LOADED_STANCES = frozenset({"doubt", "concession", "denial", "boast"})
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "di", "del", "van", "von", "der", "den",
                            "la", "le", "of", "and", "&"})
INSERTABLE_NEGATIONS = frozenset({"not", "never", "no"})
NOT_A_NEGATION_AFTER = frozenset({"only", "just", "merely", "least", "always", "necessarily"})


@dataclass(frozen=True)
class Change:
    slot: str  # "entity", "number", "date", "quoted word", "negation", "hedge", "cue"
    a: str
    b: str
    severity: str = "high"

    @property
    def detail(self) -> str:
        return f"{self.slot}: {self.a!r} vs {self.b!r}"


def compare_slots(a: FactSlots, b: FactSlots, o: VerifyOptions = _DEFAULTS) -> list[Change]:
    """Every changed fact between two aligned sentences, in a stable order; `o`: the thresholds."""
    changes = (_entity_changes(a, b, o) + _quantity_changes(a, b, o) + _date_changes(a, b, o)
               + _quoted_word_changes(a, b, o) + _polarity(a, b)
               + _hedge_changes(a, b) + _hedge_changes(b, a, swap=True) + _cue_changes(a, b))
    seen, out = set(), []
    for change in changes:
        key = (change.slot, change.a.lower(), change.b.lower())
        if key not in seen:
            seen.add(key)
            out.append(change)
    return out


# ---------------------------------------------------------------- names


def same_word(x: str, y: str, o: VerifyOptions = _DEFAULTS) -> bool:
    """Equal up to spelling variation ("Sergey"/"Sergei", "organisation"/"organization") or a
    unit or title written short ("min"/"minute", "Gov."/"Governor": lexicon.ABBREVIATIONS)."""
    x, y = x.lower(), y.lower()
    if x == y or stem(x) == stem(y) or fuzz.ratio(x, y) >= o.spelling_variant_ratio:
        return True
    x, y = (lexicon.ABBREVIATIONS.get(w.rstrip("."), w) for w in (x, y))
    return stem(x) == stem(y)


_POSSESSIVE = re.compile(r"['\u2019]s\b")
_NOT_WORD = re.compile(r"[^\w\s]")


def name_words(name: str) -> list[str]:
    """Lower-case words of a name without punctuation, possessive or leading article."""
    words = _POSSESSIVE.sub("", name.lower())
    words = _NOT_WORD.sub(" ", words.replace(".", "")).split()
    return words[1:] if words[:1] == ["the"] and len(words) > 1 else words


def same_name(x: str, y: str, o: VerifyOptions = _DEFAULTS) -> bool:
    """Two surface names that can denote one entity: spelling variants, a part of the full name
    ("Lavrov"/"Sergei Lavrov"), an acronym ("US"/"U.S."/"United States", "S&P"/"Standard &
    Poor's"), a demonym ("Russian"/"Russia"). Names that differ in a number ("NBC 5"/"NBC 4")
    are different."""
    return _same_name(x, y, o.spelling_variant_ratio)


# A pure function of its arguments, asked about the same few thousand names a million times in a
# 2k-article build (every aligned sentence pair compares its names): memoised, bounded.
@functools.lru_cache(maxsize=1 << 16)
def _same_name(x: str, y: str, spelling_variant_ratio: float) -> bool:
    xw, yw = name_words(x), name_words(y)
    if not xw or not yw:
        return False
    xl, yl = " ".join(xw), " ".join(yw)
    if re.findall(r"\d+", xl) != re.findall(r"\d+", yl):
        return False
    if xl == yl or fuzz.ratio(xl, yl) >= spelling_variant_ratio:
        return True
    if set(xw) <= set(yw) or set(yw) <= set(xw):
        return True
    short, long_ = sorted((xw, yw), key=lambda w: len("".join(w)))
    if len("".join(short)) <= 5 and "".join(short) == "".join(w[0] for w in long_ if w not in NAME_PARTICLES) \
            and len(long_) > 1:
        return True
    one_word = xl.isalpha() and yl.isalpha()
    return one_word and min(len(xl), len(yl)) >= 4 and (
        xl.startswith(yl[:max(4, len(yl) - 2)]) or yl.startswith(xl[:max(4, len(xl) - 2)]))


def _said_in(name: str, tokens: list[Token], o: VerifyOptions) -> bool:
    """The name occurs in the other sentence, tagged or not (NER misses names in rewrites)."""
    words = [w for w in name.split() if w]
    n = len(words)
    for i in range(len(tokens) - n + 1):
        window = " ".join(t.text for t in tokens[i:i + n])
        if window[:1].isupper() and same_name(name, window, o):
            return True
    last = words[-1] if words else ""
    return len(words) > 1 and len(last) >= 4 and any(t.text == last for t in tokens)


def _entities_match(x: EntitySlot, y: EntitySlot, o: VerifyOptions) -> bool:
    return (x.key is not None and x.key == y.key) or same_name(x.name, y.name, o)


def _word_at(slots: FactSlots, k: int, step: int) -> str | None:
    """The nearest word from token k in direction `step` (punctuation skipped); None at the edge."""
    while 0 <= k < len(slots.tokens):
        if is_word_or_number(slots.tokens[k]):
            return slots.tokens[k].lower
        k += step
    return None


def _shared_neighbours(a: FactSlots, ea: EntitySlot, b: FactSlots, eb: EntitySlot) -> int:
    """How many of the words right before and right after the two names are the same (0-2);
    two names that both open (or close) their sentences share that edge."""
    left = _word_at(a, ea.token - 1, -1) == _word_at(b, eb.token - 1, -1)
    right = _word_at(a, ea.end_token + 1, +1) == _word_at(b, eb.end_token + 1, +1)
    return int(left) + int(right)


def _speaks(slots: FactSlots, e: EntitySlot, gap: int) -> bool:
    """The name stands next to an attribution cue ("Lavrov said", "said Lavrov", "according to
    Lavrov"), with at most `gap` words between: it is the speaker of the sentence."""
    words = [k for k, t in enumerate(slots.tokens) if is_word(t)]
    before = [k for k in words if k < e.token][-gap - 1:]
    after = [k for k in words if k > e.end_token][:gap + 1]
    near = [slots.tokens[k].lower for k in before + after]
    return any(w in lexicon.CUE_CLASS_OF for w in near) or "according" in near


def _same_entity_role(a: FactSlots, x: EntitySlot, b: FactSlots, y: EntitySlot, sole: bool,
                      o: VerifyOptions) -> bool:
    """Same role: both neighbouring words shared, a speaker on both sides, or (same type) two
    words of the context recurring and either a shared neighbouring word or no other unmatched
    name of that type on either side (`sole`). NER often types one name differently in two sentences, so the type
    only lowers the bar, it is not required."""
    shared = _shared_neighbours(a, x, b, y)
    if shared == 2 or (x.group == y.group == "person" and _speaks(a, x, o.speaker_gap)
                       and _speaks(b, y, o.speaker_gap)):
        return True
    if x.group != y.group or (shared == 0 and not sole):
        return False
    w = o.role_window
    return len(context_stems(a, x.token, x.end_token, w) & context_stems(b, y.token, y.end_token, w)) >= 2


def _entity_changes(a: FactSlots, b: FactSlots, o: VerifyOptions) -> list[Change]:
    """Names on each side that the other side lacks, paired by role; a name whose place in the
    other sentence holds an untagged proper name (same words either side) is paired with it."""
    ua = [x for x in a.entities if not any(_entities_match(x, y, o) for y in b.entities)
          and not _said_in(x.name, b.tokens, o)]
    ub = [y for y in b.entities if not any(_entities_match(y, x, o) for x in a.entities)
          and not _said_in(y.name, a.tokens, o)]
    out = []
    for x in ua:
        sole = sum(z.group == x.group for z in ua) == 1 and sum(z.group == x.group for z in ub) == 1
        y = next((y for y in ub if _same_entity_role(a, x, b, y, sole, o)), None)
        if y is not None:
            ub.remove(y)
            group = x.group if x.group == y.group else f"{x.group}/{y.group}"
            out.append(Change(f"{group} changed", x.name, y.name))
            continue
        other = _name_in_place(a, x, b, o)
        if other is not None:
            out.append(Change(f"{x.group} changed", x.name, other))
    for y in ub:
        other = _name_in_place(b, y, a, o)
        if other is not None:
            out.append(Change(f"{y.group} changed", other, y.name))
    return out


def _name_in_place(side: FactSlots, e: EntitySlot, other: FactSlots, o: VerifyOptions) -> str | None:
    """The capitalised words that stand between the name's neighbouring words in the other
    sentence ("on Epstein's unit" / "on McCartney's unit"; "said Hagel." / "said Bennett."), when
    that frame occurs there once. A frame needs two words on at least one side."""
    left = _context(side, e.token - 1, -1)
    right = _context(side, e.end_token + 1, +1)
    if len(left) + len(right) < 2 or max(len(left), len(right)) < 2 and not (left and right):
        return None
    words = other.word_tokens
    lower = [t.lower for t in words]
    span = _between(lower, left, right, o.max_name_words)
    if span is None:
        return None
    tokens = words[span[0]:span[1]]
    name = " ".join(t.text for t in tokens)
    if _name_shaped(tokens) and not same_name(name, e.name, o):
        return name
    return None


def _name_shaped(tokens: list[Token]) -> bool:
    """Capitalised words (with name particles inside: "al", "van der"), not a capitalised
    sentence opener like "The minister" or "He"."""
    if not tokens or tokens[0].lower in lexicon.STOPWORDS or not tokens[0].text[:1].isupper() \
            or not tokens[-1].text[:1].isupper():
        return False
    return all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower in NAME_PARTICLES for t in tokens)


def _between(lower: list[str], left: list[str], right: list[str], max_words: int) -> tuple[int, int] | None:
    """(start, end) of the 1-`max_words` words framed by `left` and `right` (either may be
    empty: the sentence edge) when the frame occurs exactly once."""
    found = []
    for i in range(len(lower) + 1):
        if left and lower[i - len(left):i] != left if i >= len(left) else left:
            continue
        if not left and i != 0:
            continue
        for n in range(1, max_words + 1):
            j = i + n
            if j > len(lower):
                break
            if (right and lower[j:j + len(right)] == right) or (not right and j == len(lower)):
                found.append((i, j))
                break
    return found[0] if len(found) == 1 else None


# ---------------------------------------------------------------- numbers, dates


def _same_value(x: Quantity, y: Quantity) -> bool:
    """Equal, or one is the other rounded to fewer (at least two) significant digits as written:
    "1.53 million" reported as "1.5 million"; "$16.50" and "$16.52" differ (both have four)."""
    if x.value == y.value:
        return True
    shorter, longer = sorted((x, y), key=_significant)
    digits = _significant(shorter)
    return 2 <= digits < _significant(longer) and float(f"{longer.value:.{digits}g}") == shorter.value


def _significant(q: Quantity) -> int:
    """Significant digits as written: "1.5 million" -> 2, "16.50" -> 4, "700" -> 1."""
    number = re.sub(r"[^\d.]", "", q.text.split()[0]) if q.text[:1].isdigit() else ""
    if not number:
        return 1
    if "." in number:
        return len(number.replace(".", "").lstrip("0"))
    return len(number.lstrip("0").rstrip("0")) or 1


def context_stems(slots: FactSlots, first: int, last: int, window: int = _DEFAULTS.role_window) -> set[str]:
    """Content-word stems within `window` words either side of tokens first..last."""
    out: set[str] = set()
    for step, start in ((-1, first - 1), (+1, last + 1)):
        k, seen = start, 0
        while 0 <= k < len(slots.tokens) and seen < window:
            t = slots.tokens[k]
            if is_word(t):
                seen += 1
                if t.lower not in lexicon.STOPWORDS:
                    out.add(stem(t.lower))
            k += step
    return out


def _same_context(a: FactSlots, a_span: tuple[int, int], b: FactSlots, b_span: tuple[int, int],
                  window: int) -> bool:
    """Two slots play the same role when words around them recur ("withdrawing in 1989" and
    "withdrew in 1988" do; "withdrawing in 1989" and "the invasion in 1979" do not)."""
    ca, cb = context_stems(a, *a_span, window), context_stems(b, *b_span, window)
    return bool(ca & cb) or (not ca and not cb)


# Units of a length of time, singular and plural.
_TIME_UNITS = frozenset("""second seconds minute minutes hour hours day days week weeks fortnight fortnights month
months year years decade decades century centuries""".split())


def _time_unit(q: Quantity) -> bool:
    """The quantity is a length of time ("three years", "48 hours")."""
    return bool(q.unit) and q.unit[0].lower() in _TIME_UNITS


def _units_compatible(a: FactSlots, x: Quantity, b: FactSlots, y: Quantity, window: int) -> bool:
    """Same unit, or (a rewrite names the unit differently: "112 people" / "312 dead") two
    context words in common."""
    if set(x.unit) & set(y.unit):
        return True
    if x.unit and y.unit and _time_unit(x) != _time_unit(y):
        return False  # "three years" (of delays) is no count of "50 charges"
    shared = context_stems(a, x.token, x.token, window) & context_stems(b, y.token, y.token, window)
    return len(shared) >= 2 or (not x.unit and not y.unit and len(shared) >= 1)


def _opposite_bounds(x: Quantity, y: Quantity) -> bool:
    signs = {x.bound, y.bound}
    return signs == {">", "<"} or signs == {">=", "<="} or signs == {">", "<="} or signs == {"<", ">="}


def _quantity_changes(a: FactSlots, b: FactSlots, o: VerifyOptions) -> list[Change]:
    ua, ub, out = list(a.quantities), list(b.quantities), []
    # Same value and unit first ("1 cup" with "1 cup", not with the "1 tsp" that comes first).
    for same_unit in (True, False):
        for x in list(ua):
            y = next((y for y in ub if _same_value(x, y) and (not same_unit or x.unit == y.unit)), None)
            if y is not None:
                ua.remove(x)
                ub.remove(y)
                if _opposite_bounds(x, y):
                    out.append(Change("bound changed", _with_bound(a, x), _with_bound(b, y)))
    for x in ua:
        y = next((y for y in ub if _units_compatible(a, x, b, y, o.role_window)), None)
        if y is not None:
            ub.remove(y)
            out.append(Change("number changed", _phrase(a, x), _phrase(b, y)))
    return out


def _phrase(slots: FactSlots, q: Quantity) -> str:
    """The number with its unit words as written, for the flag's detail."""
    if q.unit and not q.unit[0].isalnum():
        return f"{q.unit[0]}{q.text}" if q.unit[0] != "%" else f"{q.text}%"
    last = q.token + len(q.text.split()) - 1
    tail = [t.text for t in slots.tokens[last + 1:last + 1 + len(q.unit)]]
    return " ".join([q.text] + tail)


def _with_bound(slots: FactSlots, q: Quantity) -> str:
    return " ".join(t.text for t in slots.tokens[max(0, q.token - 2):q.token + 1])


def _date_changes(a: FactSlots, b: FactSlots, o: VerifyOptions) -> list[Change]:
    """A date on each side that the other lacks, of the same kind and in the same role. A
    month-day also counts as its month, so "October 20" against "November" is a change."""
    for kind in ("year", "monthday", "weekday", "month"):
        xs, ys = _unmatched(_of_kind(a, kind), _of_kind(b, kind))
        for x in xs:
            y = next((y for y in ys if _same_context(a, (x.token, x.token), b, (y.token, y.token), o.role_window)),
                     None)
            if y is not None:
                # one date difference is enough; a changed day also changes its month
                return [Change("date changed", _date_text(a, x.text), _date_text(b, y.text))]
    return []


def _unmatched(xs: list[DateSlot], ys: list[DateSlot]) -> tuple[list[DateSlot], list[DateSlot]]:
    """Dates left on each side once equal values pair off one to one ("October ... October 2015"
    against "June ... October 2015" leaves October against June)."""
    xs, ys = list(xs), list(ys)
    for x in list(xs):
        y = next((y for y in ys if y.value == x.value), None)
        if y is not None:
            xs.remove(x)
            ys.remove(y)
    return xs, ys


def _of_kind(slots: FactSlots, kind: str) -> list[DateSlot]:
    out = [d for d in slots.dates if d.kind == kind]
    if kind == "month":
        out += [DateSlot("month", d.value[:2], d.text, d.token) for d in slots.dates if d.kind == "monthday"]
    return out


def _date_text(slots: FactSlots, word: str) -> str:
    """The date as written, with the day or year beside the month word."""
    toks = slots.tokens
    i = next((k for k, t in enumerate(toks) if t.text == word), None)
    if i is None:
        return word
    span = [t.text for t in toks[max(0, i - 1):i + 3]
            if t.text == word or t.text.rstrip("stndrh").isdigit() or t.text == ","]
    return " ".join(span).replace(" ,", ",").strip(", ")


# ---------------------------------------------------------------- quoted words


def _words(slots: FactSlots, first: int, last: int) -> list[str]:
    return [t.text for t in slots.tokens[first:last + 1] if is_word_or_number(t)]


def _overlap(x: list[str], y: list[str]) -> float:
    sx, sy = {w.lower() for w in x}, {w.lower() for w in y}
    return len(sx & sy) / max(1, min(len(sx), len(sy)))


# A contraction and its spelled-out words are one wording ("I'm sorry" / "I am sorry"); "'s" is
# read as "is" only after a pronoun ("it's"), never as a possessive ("Obama's").
_CONTRACTED = re.compile(r"(?i)^(\w+?)(n't|'m|'re|'ve|'ll|'d|'s)$")
_CONTRACTION_WORDS = {"n't": "not", "'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'s": "is"}
_IRREGULAR_NEGATIVES = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"],
                        "let's": ["let", "us"]}
_IS_PRONOUNS = frozenset({"it", "he", "she", "that", "there", "here", "what", "who", "where", "how", "this"})


def spelled_out(words: list[str]) -> list[str]:
    """`words` with each contraction written out ("I'm" -> "I", "am"; "don't" -> "do", "not")."""
    out = []
    for word in words:
        plain = word.replace("\u2019", "'")
        lower = plain.lower()
        if lower in _IRREGULAR_NEGATIVES:
            out += _IRREGULAR_NEGATIVES[lower]
            continue
        m = _CONTRACTED.match(plain)
        if m is None or (m.group(2).lower() == "'s" and m.group(1).lower() not in _IS_PRONOUNS):
            out.append(word)
            continue
        out += [m.group(1), _CONTRACTION_WORDS[m.group(2).lower()]]
    return out


def substituted_words(x: list[str], y: list[str], o: VerifyOptions = _DEFAULTS) -> list[tuple[str, str]]:
    """Word substitutions between two wordings (insertions and deletions are not substitutions),
    leaving out spelling variants, stop-word swaps and contractions written out."""
    x, y = spelled_out(x), spelled_out(y)
    sm = difflib.SequenceMatcher(a=[w.lower() for w in x], b=[w.lower() for w in y], autojunk=False)
    subs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        xs = [w for w in x[i1:i2] if w.lower() not in lexicon.STOPWORDS]
        ys = [w for w in y[j1:j2] if w.lower() not in lexicon.STOPWORDS]
        if not xs or not ys:
            continue
        if len(xs) == len(ys) and all(same_word(p, q, o) for p, q in zip(xs, ys)):
            continue
        subs.append((" ".join(xs), " ".join(ys)))
    return subs


def pair_quotes(a: FactSlots, b: FactSlots, o: VerifyOptions = _DEFAULTS) -> list[tuple[QuotedSpan, QuotedSpan]]:
    """Quoted spans of two aligned sentences that render the same words (`o.quote_pair_overlap`)."""
    pairs, taken = [], set()
    for qa in a.quotes:
        wa = _words(a, qa.first, qa.last)
        best = None
        for k, qb in enumerate(b.quotes):
            if k in taken:
                continue
            score = _overlap(wa, _words(b, qb.first, qb.last))
            if score >= o.quote_pair_overlap and (best is None or score > best[0]):
                best = (score, k, qb)
        if best is not None:
            taken.add(best[1])
            pairs.append((qa, best[2]))
    return pairs


def _quoted_word_changes(a: FactSlots, b: FactSlots, o: VerifyOptions) -> list[Change]:
    out = []
    paired = pair_quotes(a, b, o)
    for qa, qb in paired:
        subs = substituted_words(_words(a, qa.first, qa.last), _words(b, qb.first, qb.last), o)
        if 0 < len(subs) <= o.max_quoted_word_changes:
            out += [Change("quoted word changed", x, y) for x, y in subs]
    paired_a = {id(p[0]) for p in paired}
    paired_b = {id(p[1]) for p in paired}
    out += _unpaired_quoted_words(a, b, [q for q in a.quotes if id(q) not in paired_a], swap=False, o=o)
    out += _unpaired_quoted_words(b, a, [q for q in b.quotes if id(q) not in paired_b], swap=True, o=o)
    out += _quote_in_plain_text(a, b, [q for q in a.quotes if id(q) not in paired_a], swap=False, o=o)
    out += _quote_in_plain_text(b, a, [q for q in b.quotes if id(q) not in paired_b], swap=True, o=o)
    return out


def _quote_in_plain_text(q_side: FactSlots, other: FactSlots, quotes: list[QuotedSpan],
                         swap: bool, o: VerifyOptions) -> list[Change]:
    """A longer quote whose words the other sentence carries without quote marks (or with a
    mark missing): the words it shares mark the region, and substitutions inside it count."""
    out = []
    other_words = [t.text for t in other.word_tokens]
    for q in quotes:
        quoted = _words(q_side, q.first, q.last)
        if len(quoted) <= o.max_short_quote_words:
            continue
        sm = difflib.SequenceMatcher(a=[w.lower() for w in quoted], b=[w.lower() for w in other_words],
                                     autojunk=False)
        blocks = [m for m in sm.get_matching_blocks() if m.size]
        if not blocks or sum(m.size for m in blocks) < o.quote_in_text_share * len(quoted):
            continue
        region = other_words[blocks[0].b:blocks[-1].b + blocks[-1].size]
        inside = quoted[blocks[0].a:blocks[-1].a + blocks[-1].size]
        subs = substituted_words(inside, region, o)
        if 0 < len(subs) <= o.max_quoted_word_changes:
            out += [Change("quoted word changed", y if swap else x, x if swap else y) for x, y in subs]
    return out


def _unpaired_quoted_words(q_side: FactSlots, other: FactSlots, quotes: list[QuotedSpan],
                           swap: bool, o: VerifyOptions = _DEFAULTS) -> list[Change]:
    """A short quote ("logistical" issues) whose place in the other sentence holds other words
    (technological issues), located by the words right after or right before the quote."""
    if not quotes:
        return []
    out = []
    other_words = other.word_tokens
    other_text = " ".join(t.lower for t in other_words)
    for q in quotes:
        quoted = _words(q_side, q.first, q.last)
        if not quoted or len(quoted) > o.max_short_quote_words or " ".join(quoted).lower() in other_text:
            continue
        found = _substitute(q_side, q, other_words, len(quoted))
        if found and not all(same_word(x, y, o) for x, y in zip(quoted, found)):
            x, y = " ".join(quoted), " ".join(found)
            out.append(Change("quoted word changed", y if swap else x, x if swap else y))
    return out


_QUOTE_MARKS = frozenset('"\u201c\u201d\u201e\u00ab\u00bb')
_LIST_JOINERS = frozenset({",", "and", "or", "&"})


def _context(slots: FactSlots, start: int, step: int) -> list[str]:
    """Up to two words next to a quote, walking from token `start` in direction `step`."""
    words, k, between = [], start, []
    while 0 <= k < len(slots.tokens) and len(words) < 2:
        t = slots.tokens[k]
        if t.text in ".;:!?":
            break
        if t.text in _QUOTE_MARKS and between and all(w in _LIST_JOINERS for w in between):
            break  # the next of a list of quoted titles ('"American Pie", "Van Wilder"'): not a neighbour
        if t.text not in _QUOTE_MARKS:
            between.append(t.lower)
        if is_word_or_number(t):
            words.append(t.lower)
        k += step
    return words if step > 0 else words[::-1]


def _substitute(side: FactSlots, q: QuotedSpan, other_words: list[Token], n: int) -> list[str] | None:
    """The n words of the other sentence that stand where the quote stands, when the quote's
    neighbouring words (with at least one content word) occur there exactly once: two of them, or
    one with the word on the quote's other side bordering them there too. One shared name beside a
    quote ("Mr. Ramaswamy "scum" for ..." / "Ramaswamy said, after ...") does not make two
    sentences parallel."""
    lower = [t.lower for t in other_words]
    before, after_words = _context(side, q.first - 1, -1), _context(side, q.last + 1, +1)
    for ctx, after in ((after_words, True), (before, False)):
        if not ctx or all(w in lexicon.STOPWORDS for w in ctx):
            continue
        hits = [j for j in range(len(lower) - len(ctx) + 1) if lower[j:j + len(ctx)] == ctx]
        if len(hits) != 1:
            continue
        start = hits[0] - n if after else hits[0] + len(ctx)
        span = other_words[max(start, 0):start + n]
        # the quote's neighbour on its other side, where it has one, should border the span too
        position, expected = (start - 1, before[-1:]) if after else (start + n, after_words[:1])
        bordered = not expected or (0 <= position < len(lower) and lower[position] == expected[0])
        if len(span) == n and (len(ctx) > 1 or bordered):
            return [t.text for t in span]
    return None


# ---------------------------------------------------------------- polarity, hedges, cues


def _polarity(a: FactSlots, b: FactSlots) -> list[Change]:
    return (_polarity_changes(a, b) + _polarity_changes(b, a, swap=True)) or _inserted_negation(a, b)


def _real_negations(slots: FactSlots) -> dict[str, str]:
    return {s: cue for s, cue in slots.negated.items()
            if cue.split()[-1].lower() not in NOT_A_NEGATION_AFTER}


def _polarity_changes(a: FactSlots, b: FactSlots, swap: bool = False) -> list[Change]:
    """A predicate negated on one side and asserted, with the same word, on the other, which
    negates nothing ("failed to attend" / "attended")."""
    if any(t.lower in lexicon.NEGATION_REWORDINGS for t in b.tokens):
        return []
    out, nb, b_stems = [], _real_negations(b), b.stems
    if nb:
        return []  # both sides negate something: the negation moved with the rewording
    for s, cue in _real_negations(a).items():
        if s in b_stems:
            plain = cue.split()[-1]
            out.append(Change("negation", plain if swap else cue, cue if swap else plain))
    return out


def _inserted_negation(a: FactSlots, b: FactSlots) -> list[Change]:
    """A negation word inserted (or removed) between words both sentences share in that order:
    "is a must" / "is not a must", whatever the negated phrase is."""
    wa, wb = a.words, b.words
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        added, removed = wb[j1:j2], wa[i1:i2]
        if op == "insert" and all(w in INSERTABLE_NEGATIONS for w in added):
            before, after = wa[i1 - 1] if i1 else "", wa[i1] if i1 < len(wa) else ""
            return [Change("negation", f"{before} {after}".strip(), f"{before} {' '.join(added)} {after}".strip())]
        if op == "delete" and all(w in INSERTABLE_NEGATIONS for w in removed):
            before, after = wb[j1 - 1] if j1 else "", wb[j1] if j1 < len(wb) else ""
            return [Change("negation", f"{before} {' '.join(removed)} {after}".strip(), f"{before} {after}".strip())]
    return []


def _hedge_changes(a: FactSlots, b: FactSlots, swap: bool = False) -> list[Change]:
    """A claim hedged on one side ("may have", "reportedly") and asserted on the other."""
    if b.hedged:
        return []
    if any(t.lower in lexicon.SOFT_MODALS for t in b.tokens):
        return []
    out, b_stems = [], b.stems
    for s, cue in a.hedged.items():
        if s in b_stems:
            plain = cue.split()[-1]
            out.append(Change("hedge", plain if swap else cue, cue if swap else plain, "medium"))
    return out


def _cue_changes(a: FactSlots, b: FactSlots) -> list[Change]:
    ca = {cls: word for word, cls in a.cues}
    cb = {cls: word for word, cls in b.cues}
    only_a = [c for c in ca if c not in cb]
    only_b = [c for c in cb if c not in ca]
    if not only_a or not only_b or not (set(only_a) | set(only_b)) & LOADED_STANCES:
        return []
    return [Change("attribution cue changed", ca[only_a[0]], cb[only_b[0]], "medium")]
