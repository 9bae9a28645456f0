"""Dependency parses of one article's sentences, each sentence parsed at most once.

Attribution (reporting-verb sentences) and predicates (lead and time-bearing sentences) both read
the parse, and many sentences are chosen by both: on 500 articles of the syndication benchmark,
8,129 + 4,355 chosen sentences are 9,967 distinct ones, so sharing parses 20% fewer. The parse
runs the pipeline without NER (mentions come from `entities.ner_doc` over the whole text).
"""

from __future__ import annotations

from dossier.model import Sentence


class SentenceParses:
    """`docs(sentences)` -> one spaCy `Doc` per sentence, in order; a sentence parsed before is
    not parsed again. One instance per article (sentence indexes are the article's)."""

    def __init__(self, nlp, normalised: str) -> None:
        self.nlp = nlp
        self.normalised = normalised  # `entities.normalise_for_nlp(article.text)`: same offsets
        self._docs: dict[int, object] = {}

    def docs(self, sentences: list[Sentence]) -> list:
        missing = [s for s in {s.index: s for s in sentences}.values() if s.index not in self._docs]
        if missing:
            disabled = [name for name in self.nlp.pipe_names if name == "ner"]
            texts = [self.normalised[s.start:s.end] for s in missing]
            self._docs.update(zip((s.index for s in missing), self.nlp.pipe(texts, disable=disabled)))
        return [self._docs[s.index] for s in sentences]

    def parsed(self) -> set[int]:
        """Indexes of the sentences parsed so far (reading them again costs nothing)."""
        return set(self._docs)
