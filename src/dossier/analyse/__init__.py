"""Analyse: sentences, entities, quotes, time expressions and events of one article.

`analyse_article` is a pure function of one article (plus loaded resources). Corpus-level steps
(alias resolution across articles, re-anchoring a copy's times on its lineage) live in
`resolve_entities` and `anchor_times`; each returns its product and edits no article.
"""

from __future__ import annotations

from dossier.analyse.aliases import resolve_entities
from dossier.analyse.attribution import parse_attributions
from dossier.analyse.clause_tense import with_tenses
from dossier.analyse.anchoring import anchor_times, date_article, own_reference
from dossier.analyse.entities import find_mentions, ner_doc, normalise_for_nlp
from dossier.analyse.language import model_reads, skipped_note
from dossier.analyse.people import build_people
from dossier.analyse.parses import SentenceParses
from dossier.analyse.predicates import find_predicates, with_described_things
from dossier.analyse.quotes import find_quotes
from dossier.analyse.sentences import split_sentences
from dossier.analyse.timex import find_times
from dossier.model import Article
from dossier.resources import Resources

__all__ = ["analyse_article", "resolve_entities", "anchor_times"]


def analyse_article(article: Article, resources: Resources) -> Article:
    """Fill sentences, mentions, quotes, times and events of one article (mentions and quotes only
    when the model reads the article's language; otherwise `analysis_notes` says why not)."""
    text = article.text
    limits = resources.options.analyse
    article.sentences = split_sentences(text)
    article.analysis_notes = []
    if not model_reads(article, limits.model_language):
        article.mentions, article.quotes = [], []
        article.analysis_notes.append(skipped_note(article, limits.model_language))
        article.times = find_times(text, article.sentences, english=article.language in (None, "en"))
        return date_article(article, own_reference(article))
    normalised = normalise_for_nlp(text)
    article.mentions = find_mentions(text, article.sentences,
                                     ner_doc(text, resources.nlp(), limits.nlp_max_chars))
    people = build_people(normalised, article.mentions)
    parseable = [s for s in article.sentences if s.end - s.start <= limits.parse_max_chars]
    parses = SentenceParses(resources.nlp(), normalised)  # a sentence read twice is parsed once
    article.times = with_described_things(with_tenses(find_times(text, article.sentences), parseable, parses),
                                          parseable, parses)
    attributions = parse_attributions(normalised, parseable, parses)
    article.quotes = find_quotes(article.id, text, normalised, article.sentences, article.mentions, people,
                                 attributions)
    article.predicates = find_predicates(text, parseable, article.times, article.mentions, parses)
    return date_article(article, own_reference(article))
