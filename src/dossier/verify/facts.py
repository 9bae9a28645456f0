"""Changed facts between two aligned sentences, found by comparing their fact slots.

`compare_slots(a, b)` lists what one sentence claims differently from the other: a different
entity in the same role, a different number, date or quoted word, a negation, a hedge, or an
attribution cue of another stance. Slots present on one side only are omissions or additions,
which rewriting does all the time, and are not reported.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

from dossier.verify import lexicon
from dossier.verify.slots import DateSlot, EntitySlot, FactSlots, Quantity, QuotedSpan, Token, is_word, stem

# Two names or words this similar (rapidfuzz ratio, 0-100) are one name spelled two ways:
# "Sergey"/"Sergei" = 83, "Sergey Lavrov"/"Sergei Lavrov" = 92, "organisation"/"organization" = 92,
# while "Iran"/"Iraq" = 75 and "logistical"/"technological" = 72. Set between the two groups on
# these pairs and kept on the benchmark's tuning half (benchmarks/verify_corruptions.py).
SPELLING_VARIANT_RATIO = 82
# A quote that differs from its counterpart in this many substituted words is a changed quoted
# word (a fact); more than this is rewording of the whole quote, reported as quote drift.
MAX_QUOTED_WORD_CHANGES = 1
# A quote this short ("logistical") is a quoted word, compared with the words in its place.
MAX_SHORT_QUOTE_WORDS = 3
# Quoted spans pair up across the two sentences when this share of the shorter one's words recur.
QUOTE_PAIR_OVERLAP = 0.4
# Stances whose appearance or disappearance changes how a claim is presented.
LOADED_STANCES = frozenset({"doubt", "concession", "denial", "boast"})
# Words either side of a number or date that tell its role (see `_same_context`).
ROLE_WINDOW = 5
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


def compare_slots(a: FactSlots, b: FactSlots) -> list[Change]:
    """Every changed fact between two aligned sentences, in a stable order."""
    changes = (_entity_changes(a, b) + _quantity_changes(a, b) + _date_changes(a, b)
               + _quoted_word_changes(a, b) + _polarity_changes(a, b) + _polarity_changes(b, a, swap=True)
               + _hedge_changes(a, b) + _hedge_changes(b, a, swap=True) + _cue_changes(a, b))
    seen, out = set(), []
    for change in changes:
        key = (change.slot, change.a.lower(), change.b.lower())
        if key not in seen:
            seen.add(key)
            out.append(change)
    return out


# ---------------------------------------------------------------- names


def same_word(x: str, y: str) -> bool:
    """Equal up to spelling variation ("Sergey"/"Sergei", "organisation"/"organization")."""
    x, y = x.lower(), y.lower()
    return x == y or stem(x) == stem(y) or fuzz.ratio(x, y) >= SPELLING_VARIANT_RATIO


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_name(x: str, y: str) -> bool:
    """Two surface names that can denote one entity: spelling variants, a part of the full name
    ("Lavrov"/"Sergei Lavrov"), an acronym ("US"/"United States"), a demonym ("Russian"/"Russia")."""
    xl, yl = x.lower().strip(), y.lower().strip()
    if not xl or not yl:
        return False
    if xl == yl or fuzz.ratio(xl, yl) >= SPELLING_VARIANT_RATIO:
        return True
    xw, yw = set(xl.split()), set(yl.split())
    if xw <= yw or yw <= xw:
        return True
    short, long_ = sorted((x.replace(".", ""), y.replace(".", "")), key=len)
    if short.isupper() and len(short) >= 2 and _initials(long_) == short:
        return True
    return min(len(xl), len(yl)) >= 4 and (xl.startswith(yl[:max(4, len(yl) - 2)])
                                           or yl.startswith(xl[:max(4, len(xl) - 2)]))


def _said_in(name: str, tokens: list[Token]) -> bool:
    """The name occurs in the other sentence, tagged or not (NER misses names in rewrites)."""
    words = [w for w in name.split() if w]
    n = len(words)
    for i in range(len(tokens) - n + 1):
        window = " ".join(t.text for t in tokens[i:i + n])
        if window[:1].isupper() and same_name(name, window):
            return True
    last = words[-1] if words else ""
    return len(words) > 1 and len(last) >= 4 and any(t.text == last for t in tokens)


def _entities_match(x: EntitySlot, y: EntitySlot) -> bool:
    return (x.key is not None and x.key == y.key) or same_name(x.name, y.name)


def _neighbours(slots: FactSlots, e: EntitySlot) -> tuple[str | None, str | None]:
    toks = slots.tokens
    left = toks[e.token - 1].lower if e.token > 0 else None
    right = toks[e.end_token + 1].lower if e.end_token + 1 < len(toks) else None
    return left, right


def _shared_neighbours(a: FactSlots, ea: EntitySlot, b: FactSlots, eb: EntitySlot) -> int:
    """How many of the words right before and right after the two names are the same (0-2)."""
    (la, ra), (lb, rb) = _neighbours(a, ea), _neighbours(b, eb)
    return int(la == lb) + int(ra == rb)  # None == None: both names open or close the sentence


def _entity_changes(a: FactSlots, b: FactSlots) -> list[Change]:
    """Names on each side that the other side lacks, paired when they hold the same role: same
    type and the only such pair, or same type and a shared neighbouring word, or (NER often
    types one name differently in two sentences) any type with both neighbouring words shared."""
    ua = [x for x in a.entities if not any(_entities_match(x, y) for y in b.entities)
          and not _said_in(x.name, b.tokens)]
    ub = [y for y in b.entities if not any(_entities_match(y, x) for x in a.entities)
          and not _said_in(y.name, a.tokens)]
    out = []
    for x in ua:
        same_group = [y for y in ub if y.group == x.group]
        sole = len(same_group) == 1 and sum(1 for z in ua if z.group == x.group) == 1
        y = next((y for y in ub if _shared_neighbours(a, x, b, y) == 2), None)
        if y is None:
            y = next((y for y in same_group if sole or _shared_neighbours(a, x, b, y) >= 1), None)
        if y is not None:
            ub.remove(y)
            group = x.group if x.group == y.group else f"{x.group}/{y.group}"
            out.append(Change(f"{group} changed", x.name, y.name))
    return out


# ---------------------------------------------------------------- numbers, dates


def _same_value(x: float, y: float) -> bool:
    """Equal, or one is the other rounded to at least two significant digits (1.53m vs 1.5m)."""
    if x == y:
        return True
    shorter, longer = sorted((x, y), key=_significant)
    digits = _significant(shorter)
    return digits >= 2 and float(f"{longer:.{digits}g}") == shorter


def _significant(x: float) -> int:
    """Significant digits as written: 1500000 -> 2, 1.53 -> 3, 700 -> 1."""
    s = f"{abs(x):.12g}"
    if "e" in s:
        s = s.split("e")[0]
    digits = s.replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) if "." not in s else len(digits)


def context_stems(slots: FactSlots, first: int, last: int) -> set[str]:
    """Content-word stems within ROLE_WINDOW words either side of tokens first..last."""
    out: set[str] = set()
    for step, start in ((-1, first - 1), (+1, last + 1)):
        k, seen = start, 0
        while 0 <= k < len(slots.tokens) and seen < ROLE_WINDOW:
            t = slots.tokens[k]
            if is_word(t):
                seen += 1
                if t.lower not in lexicon.STOPWORDS:
                    out.add(stem(t.lower))
            k += step
    return out


def _same_context(a: FactSlots, a_span: tuple[int, int], b: FactSlots, b_span: tuple[int, int]) -> bool:
    """Two slots play the same role when words around them recur ("withdrawing in 1989" and
    "withdrew in 1988" do; "withdrawing in 1989" and "the invasion in 1979" do not)."""
    ca, cb = context_stems(a, *a_span), context_stems(b, *b_span)
    return bool(ca & cb) or (not ca and not cb)


def _units_compatible(a: FactSlots, x: Quantity, b: FactSlots, y: Quantity) -> bool:
    if x.unit or y.unit:
        return bool(set(x.unit) & set(y.unit))
    return _same_context(a, (x.token, x.token), b, (y.token, y.token))


def _opposite_bounds(x: Quantity, y: Quantity) -> bool:
    signs = {x.bound, y.bound}
    return signs == {">", "<"} or signs == {">=", "<="} or signs == {">", "<="} or signs == {"<", ">="}


def _quantity_changes(a: FactSlots, b: FactSlots) -> list[Change]:
    ua, ub, out = list(a.quantities), list(b.quantities), []
    for x in list(ua):
        y = next((y for y in ub if _same_value(x.value, y.value)), None)
        if y is not None:
            ua.remove(x)
            ub.remove(y)
            if _opposite_bounds(x, y):
                out.append(Change("bound changed", _with_bound(a, x), _with_bound(b, y)))
    for x in ua:
        y = next((y for y in ub if _units_compatible(a, x, b, y)), None)
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


def _date_changes(a: FactSlots, b: FactSlots) -> list[Change]:
    """A date on each side that the other lacks, of the same kind and in the same role. A
    month-day also counts as its month, so "October 20" against "November" is a change."""
    for kind in ("year", "monthday", "weekday", "month"):
        xs = [d for d in _of_kind(a, kind) if d.value not in {e.value for e in _of_kind(b, kind)}]
        ys = [d for d in _of_kind(b, kind) if d.value not in {e.value for e in _of_kind(a, kind)}]
        for x in xs:
            y = next((y for y in ys if _same_context(a, (x.token, x.token), b, (y.token, y.token))), None)
            if y is not None:
                # one date difference is enough; a changed day also changes its month
                return [Change("date changed", _date_text(a, x.text), _date_text(b, y.text))]
    return []


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
    return [t.text for t in slots.tokens[first:last + 1] if is_word(t) or t.text[0].isdigit()]


def _overlap(x: list[str], y: list[str]) -> float:
    sx, sy = {w.lower() for w in x}, {w.lower() for w in y}
    return len(sx & sy) / max(1, min(len(sx), len(sy)))


def substituted_words(x: list[str], y: list[str]) -> list[tuple[str, str]]:
    """Word substitutions between two wordings (insertions and deletions are not substitutions),
    leaving out spelling variants and stop-word swaps."""
    sm = difflib.SequenceMatcher(a=[w.lower() for w in x], b=[w.lower() for w in y], autojunk=False)
    subs = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        xs = [w for w in x[i1:i2] if w.lower() not in lexicon.STOPWORDS]
        ys = [w for w in y[j1:j2] if w.lower() not in lexicon.STOPWORDS]
        if not xs or not ys:
            continue
        if len(xs) == len(ys) and all(same_word(p, q) for p, q in zip(xs, ys)):
            continue
        subs.append((" ".join(xs), " ".join(ys)))
    return subs


def pair_quotes(a: FactSlots, b: FactSlots) -> list[tuple[QuotedSpan, QuotedSpan]]:
    """Quoted spans of two aligned sentences that render the same words."""
    pairs, taken = [], set()
    for qa in a.quotes:
        wa = _words(a, qa.first, qa.last)
        best = None
        for k, qb in enumerate(b.quotes):
            if k in taken:
                continue
            score = _overlap(wa, _words(b, qb.first, qb.last))
            if score >= QUOTE_PAIR_OVERLAP and (best is None or score > best[0]):
                best = (score, k, qb)
        if best is not None:
            taken.add(best[1])
            pairs.append((qa, best[2]))
    return pairs


def _quoted_word_changes(a: FactSlots, b: FactSlots) -> list[Change]:
    out = []
    paired = pair_quotes(a, b)
    for qa, qb in paired:
        subs = substituted_words(_words(a, qa.first, qa.last), _words(b, qb.first, qb.last))
        if 0 < len(subs) <= MAX_QUOTED_WORD_CHANGES:
            out += [Change("quoted word changed", x, y) for x, y in subs]
    paired_a = {id(p[0]) for p in paired}
    paired_b = {id(p[1]) for p in paired}
    out += _unpaired_quoted_words(a, b, [q for q in a.quotes if id(q) not in paired_a], swap=False)
    out += _unpaired_quoted_words(b, a, [q for q in b.quotes if id(q) not in paired_b], swap=True)
    return out


def _unpaired_quoted_words(q_side: FactSlots, other: FactSlots, quotes: list[QuotedSpan],
                           swap: bool) -> list[Change]:
    """A short quote ("logistical" issues) whose place in the other sentence holds other words
    (technological issues), located by the words right after or right before the quote."""
    out = []
    other_words = [t for t in other.tokens if is_word(t) or t.text[0].isdigit()]
    other_text = " ".join(t.lower for t in other_words)
    for q in quotes:
        quoted = _words(q_side, q.first, q.last)
        if not quoted or len(quoted) > MAX_SHORT_QUOTE_WORDS or " ".join(quoted).lower() in other_text:
            continue
        found = _substitute(q_side, q, other_words, len(quoted))
        if found and not all(same_word(x, y) for x, y in zip(quoted, found)):
            x, y = " ".join(quoted), " ".join(found)
            out.append(Change("quoted word changed", y if swap else x, x if swap else y))
    return out


def _context(slots: FactSlots, start: int, step: int) -> list[str]:
    """Up to two words next to a quote, walking from token `start` in direction `step`."""
    words, k = [], start
    while 0 <= k < len(slots.tokens) and len(words) < 2:
        t = slots.tokens[k]
        if t.text in ".;:!?":
            break
        if is_word(t) or t.text[0].isdigit():
            words.append(t.lower)
        k += step
    return words if step > 0 else words[::-1]


def _substitute(side: FactSlots, q: QuotedSpan, other_words: list[Token], n: int) -> list[str] | None:
    """The n words of the other sentence that stand where the quote stands, when the quote's
    neighbouring words (with at least one content word) occur there exactly once."""
    lower = [t.lower for t in other_words]
    for ctx, after in ((_context(side, q.last + 1, +1), True), (_context(side, q.first - 1, -1), False)):
        if not ctx or all(w in lexicon.STOPWORDS for w in ctx):
            continue
        hits = [j for j in range(len(lower) - len(ctx) + 1) if lower[j:j + len(ctx)] == ctx]
        if len(hits) != 1:
            continue
        j = hits[0]
        span = other_words[j - n:j] if after else other_words[j + len(ctx):j + len(ctx) + n]
        if len(span) == n:
            return [t.text for t in span]
    return None


# ---------------------------------------------------------------- polarity, hedges, cues


def _real_negations(slots: FactSlots) -> dict[str, str]:
    return {s: cue for s, cue in slots.negated.items()
            if cue.split()[-1].lower() not in NOT_A_NEGATION_AFTER}


def _polarity_changes(a: FactSlots, b: FactSlots, swap: bool = False) -> list[Change]:
    """A predicate negated on one side and asserted, with the same word, on the other."""
    out, nb, b_stems = [], _real_negations(b), b.stems
    for s, cue in _real_negations(a).items():
        if s not in nb and s in b_stems and not _real_negations(b):
            plain = cue.split()[-1]
            out.append(Change("negation", plain if swap else cue, cue if swap else plain))
    return out


def _hedge_changes(a: FactSlots, b: FactSlots, swap: bool = False) -> list[Change]:
    """A claim hedged on one side ("may have", "reportedly") and asserted on the other."""
    if b.hedged:
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
