from dossier.analyse.sentences import sentence_at, split_sentences


def test_offsets_and_abbreviations():
    text = "Headline Without Stop\nMr. Smith met Gen. Jones in the U.S. on Monday. They spoke.\n\nEnd here!"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["Headline Without Stop",
                                           "Mr. Smith met Gen. Jones in the U.S. on Monday.",
                                           "They spoke.", "End here!"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert sentence_at(sentences, text.index("spoke")) == 2


def test_quote_closing_after_period_stays_with_its_sentence():
    text = '"We are ready." Lavrov said so.'
    assert [s.text for s in split_sentences(text)] == ['"We are ready."', "Lavrov said so."]
