"""Language gate: which analyses an article's language allows.

The entity and attribution models are English (`AnalyseOptions.model_language`). An article that
language identification (clean/language.py) found to be in another language keeps its text,
metadata, sentences, time expressions and search, but gets no entities or quotes, and says why in
`Article.analysis_notes`. An article whose language is unknown (too short or mixed to tell) is read
as the model's language, as before identification existed.
"""

from __future__ import annotations

from dossier.model import Article


def model_reads(article: Article, model_language: str) -> bool:
    """True when the model's language is the article's (or the article's is unknown)."""
    return article.language is None or article.language == model_language


def skipped_note(article: Article, model_language: str) -> str:
    """The note a gated article carries, e.g. "no entities or quotes: the text is in es; the
    entity and quote models read en only"."""
    return (f"no entities or quotes: the text is in {article.language}; "
            f"the entity and quote models read {model_language} only")
