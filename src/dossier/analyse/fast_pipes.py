"""Drop-in equivalents of two spaCy components whose per-token rule work costs as much as the
parser: the `attribute_ruler` (179 Matcher patterns tried on every token) and the rule
`lemmatizer` (which recomputes every base form: spaCy caches only the inflected ones). On 4k
sentences of news, 2 shared cores, the stock pair took 7.5 CPU s against 11.1 for tok2vec and
the parser together.

Both give exactly the stock components' annotations (tests/test_fast_pipes.py compares every token
attribute on varied text), because both keep the stock rules and only memoise where the result is
a pure function of a few token attributes:

- A single-token ruler pattern reads only the token's TAG, LOWER, DEP and IS_SPACE: the patterns
  that do not read LOWER are matched once per distinct (TAG, DEP, IS_SPACE), those naming LOWER
  values are found by the token's LOWER; multi-token patterns ("gon na", "let 's") stay in a
  spaCy Matcher. Matches are applied per token in pattern order, as the
  stock ruler sorts them (later patterns win).
- A lemma is a pure function of (ORTH, POS, MORPH) (`Lemmatizer.rule_lemmatize`), so it is
  computed once per distinct triple, base forms included; the lemma index's word lists, which
  `rule_lemmatize` searches for every candidate form, become sets.

`speed_up(nlp)` swaps them in under the same names; a pipeline without the stock components, or
with a lemmatizer not in rule mode, is returned as it is.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

TOKEN_KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"
_FAST_RULER, _FAST_LEMMATIZER = "dossier_attribute_ruler", "dossier_lemmatizer"


def speed_up(nlp: Language) -> Language:
    """`nlp` with its attribute ruler and rule lemmatizer replaced (in place) by the memoised
    equivalents, under the same pipe names. Returns `nlp`."""
    names = nlp.pipe_names
    if RULER in names:
        _swap(nlp, RULER, _FAST_RULER)
    if LEMMATIZER in names and getattr(nlp.get_pipe(LEMMATIZER), "mode", None) == "rule":
        _swap(nlp, LEMMATIZER, _FAST_LEMMATIZER)
    return nlp


def _swap(nlp: Language, name: str, factory: str) -> None:
    nlp.add_pipe(factory, name=factory, after=name)  # the factory reads the stock pipe `name`
    nlp.remove_pipe(name)
    nlp.rename_pipe(factory, name)


class IndexedAttributeRuler:
    """The stock ruler's patterns and attributes, with single-token patterns indexed: those that
    do not read LOWER are matched once per (TAG, DEP, IS_SPACE); those that name LOWER values are
    found by the token's LOWER; the few with a LOWER regex or exclusion are tried on every token."""

    def __init__(self, stock: Any) -> None:
        self.attrs = stock.attrs  # normalised, as `set_token_attrs` takes them
        self.indices = stock.indices
        self.lowerless: list[tuple[int, dict]] = []  # (attribute id, token pattern)
        self.by_lower: dict[str, list[tuple[int, dict]]] = {}
        self.lower_other: list[tuple[int, dict]] = []
        self.multi = Matcher(stock.vocab)
        for attr_id, entry in enumerate(stock.patterns):  # the stock order is the attribute id
            for pattern in entry["patterns"]:
                if len(pattern) == 1 and set(pattern[0]) <= set(TOKEN_KEYS):
                    self._index(attr_id, pattern[0])
                else:
                    self.multi.add(str(attr_id), [pattern])
        self._lowerless_ids: dict[tuple, list[int]] = {}

    def _index(self, attr_id: int, pattern: dict) -> None:
        lower = pattern.get("LOWER")
        if lower is None:
            self.lowerless.append((attr_id, pattern))
        elif isinstance(lower, str) or set(lower) == {"IN"}:
            for value in [lower] if isinstance(lower, str) else lower["IN"]:
                self.by_lower.setdefault(value, []).append((attr_id, pattern))
        else:
            self.lower_other.append((attr_id, pattern))

    def __call__(self, doc: Doc) -> Doc:
        updates = []  # (attribute id, token index)
        for token in doc:
            tag, dep, space, lower = token.tag_, token.dep_, token.is_space, token.lower_
            key = (tag, dep, space)
            ids = self._lowerless_ids.get(key)
            if ids is None:
                ids = self._lowerless_ids[key] = _matching(self.lowerless, tag, lower, dep, space)
            updates.extend((attr_id, token.i) for attr_id in ids)
            candidates = self.by_lower.get(lower)
            if candidates:
                updates.extend((attr_id, token.i) for attr_id in _matching(candidates, tag, lower, dep, space))
            updates.extend((attr_id, token.i) for attr_id in _matching(self.lower_other, tag, lower, dep, space))
        for match_id, start, end in self.multi(doc, allow_missing=True):
            attr_id = int(doc.vocab.strings[match_id])
            index = self.indices[attr_id]  # into the matched span, negative from its end
            updates.append((attr_id, start + index if index >= 0 else end + index))
        for attr_id, index in sorted(updates):  # later patterns win, as the stock ruler sorts
            set_token_attrs(doc[index], self.attrs[attr_id])
        return doc


def _matching(patterns: list[tuple[int, dict]], tag: str, lower: str, dep: str, space: bool) -> list[int]:
    values = {"TAG": tag, "LOWER": lower, "DEP": dep, "IS_SPACE": space}
    return [attr_id for attr_id, pattern in patterns
            if all(_satisfies(values[key], spec) for key, spec in pattern.items())]


def _satisfies(value: Any, spec: Any) -> bool:
    """spaCy's Matcher predicates on one token attribute: a value, IN, NOT_IN or REGEX (search)."""
    if not isinstance(spec, dict):
        return value == spec
    for operator, argument in spec.items():
        if operator not in ("IN", "NOT_IN", "REGEX"):
            raise ValueError(f"attribute ruler pattern operator {operator!r} is not supported")
        if (operator == "IN" and value not in argument) or (operator == "NOT_IN" and value in argument) \
                or (operator == "REGEX" and not re.search(argument, value)):
            return False
    return True


class MemoLemmatizer:
    """The stock rule lemmatizer, each (ORTH, POS, MORPH) lemmatised once."""

    def __init__(self, stock: Any) -> None:
        self.stock = stock
        self._lemmas: dict[tuple, int] = {}  # -> lemma hash
        # `rule_lemmatize` asks `form in index` of word lists (57k nouns): as sets, the same answers
        index = stock.lookups.get_table("lemma_index")
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        overwrite = self.stock.overwrite
        for token in doc:
            if overwrite or token.lemma == 0:
                token.lemma = self._lemma(token)
        return doc

    def _lemma(self, token: Token) -> int:
        key = (token.orth, token.pos, token.morph.key)
        lemma = self._lemmas.get(key)
        if lemma is None:
            lemma = self._lemmas[key] = token.vocab.strings.add(self.stock.lemmatize(token)[0])
        return lemma


@Language.factory(_FAST_RULER)
def _make_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.get_pipe(RULER))


@Language.factory(_FAST_LEMMATIZER)
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp.get_pipe(LEMMATIZER))
