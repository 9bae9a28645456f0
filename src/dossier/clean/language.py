"""Language identification of an article's text, and the length measure that suits its script.

Identification is py3langid (Lui & Baldwin's langid.py, 97 languages, naive Bayes over byte
n-grams; the copy trafilatura itself uses), with probabilities normalised so that a guess below
`MIN_PROBABILITY` stays unknown. Length: Chinese and Japanese write words without spaces, so their
text is measured in characters, other scripts in words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Below this probability a guess is not recorded. py3langid 0.4 calibrates its softmax by text
# length, so one sentence of news prose scores 0.97-1.0 (en, es, ru, ja, and ar or zh once their
# varieties are folded in, below); a lone word ("Home", "Reuters") scores under 0.2.
MIN_PROBABILITY = 0.8
# py3langid tells regional varieties apart; an article's language is the macrolanguage.
VARIETIES = {"ary": "ar", "arz": "ar", "wuu": "zh", "yue": "zh", "uzs": "uz", "nn": "no"}
SAMPLE_CHARS = 3000  # the first characters decide: enough for langid.py, and quick on long pages
CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# The shortest article kept: 5 words, or 10 CJK characters (two characters to a word, the same
# rule as clean/text.py `word_count`). A headline alone is shorter.
MIN_WORDS = 5
MIN_CJK_CHARACTERS = 2 * MIN_WORDS


@dataclass(frozen=True)
class LanguageGuess:
    code: str | None  # ISO 639-1 ("en", "es", "ru", "ar", "zh", "ja"); None when not confident
    probability: float


@functools.lru_cache(maxsize=1)
def _identifier():
    """langid.py's shipped model, loaded once per process (read-only after loading)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> LanguageGuess:
    """The language of `text` with its probability; code None when below MIN_PROBABILITY."""
    sample = text[:SAMPLE_CHARS].strip()
    if not sample:
        return LanguageGuess(None, 0.0)
    folded: dict[str, float] = {}
    for label, probability in _identifier().rank(sample):
        code = VARIETIES.get(label, label)
        folded[code] = folded.get(code, 0.0) + float(probability)
    code, probability = max(folded.items(), key=lambda item: item[1])
    if code == "zxx":  # langid.py's "no linguistic content"
        return LanguageGuess(None, probability)
    return LanguageGuess(code if probability >= MIN_PROBABILITY else None, round(probability, 4))


def text_length(text: str, language: str | None) -> tuple[int, str]:
    """(length, unit): CJK characters for Chinese, Japanese and Korean text (or any text mostly
    written in CJK characters), else words split on spaces."""
    cjk = len(_CJK.findall(text))
    words = len(text.split())
    if language in CJK_LANGUAGES or cjk > words:
        return cjk, "characters"
    return words, "words"


def long_enough(text: str, language: str | None) -> tuple[bool, str]:
    """Whether `text` is long enough to be an article, and its length in words for the reason."""
    length, unit = text_length(text, language)
    minimum = MIN_CJK_CHARACTERS if unit == "characters" else MIN_WORDS
    return length >= minimum, f"{length} {unit}"
