"""Function-word lists per language (spaCy's), for the steps that compare content words: reuse's
stems and the stories' content vectors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

# Languages with a list here (spaCy's); English first, so it wins ties where a step guesses the language.
STOP_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt")


def _spacy_stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop word list for `lang`, read from its module file alone: importing
    `spacy.lang.<lang>.stop_words` runs the language package first (French compiles its tokenizer
    exceptions: 2.5 s of every command's start)."""
    spacy_dir = importlib.util.find_spec("spacy").submodule_search_locations[0]
    path = Path(spacy_dir) / "lang" / lang / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"dossier_stop_words_{lang}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return frozenset(module.STOP_WORDS)


STOP_WORDS: dict[str, frozenset[str]] = {lang: _spacy_stop_words(lang) for lang in STOP_WORD_LANGUAGES}
# Languages whose articles' content words are told by their language's list rather than guessed
# (stories' content vectors): those above and other languages of news written with spaces between words.
KNOWN_LANGUAGES = STOP_WORD_LANGUAGES + ("ru", "uk", "bg", "pl", "cs", "sk", "sl", "hr", "sv", "da", "nb", "fi",
                                         "tr", "ro", "hu", "el", "ar", "id", "hi", "ca")
FUNCTION_WORDS: dict[str, frozenset[str]] = {lang: STOP_WORDS.get(lang) or _spacy_stop_words(lang)
                                             for lang in KNOWN_LANGUAGES}
