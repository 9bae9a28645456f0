"""Quotes and speakers on small hand-built texts (real spaCy NER)."""

import pytest

from dossier.analyse import analyse_article
from dossier.model import Article


@pytest.fixture(scope="module")
def analyse(resources):
    def run(text, **kw):
        return analyse_article(Article(id="t", source="t.txt", text=text, **kw), resources)
    return run


def by_start(article, words):
    return next(q for q in article.quotes if q.text.startswith(words))


def test_curly_and_straight_quotes_after_said(analyse):
    a = analyse("“Isolating the country is in no one's interests,” said John Walker, the deputy prime minister.\n"
                '"We will come back next year," Mary Collins told reporters.')
    assert by_start(a, "Isolating").speaker_name == "John Walker"
    assert by_start(a, "We will come back").speaker_name == "Mary Collins"
    assert by_start(a, "We will come back").cue == "told"


def test_interrupted_quote_is_one_quote(analyse):
    a = analyse('Prime Minister Anna Berg spoke on Monday.\n'
                '"We are happy with the engagement," Berg said in her remarks, "which lets us work freely."')
    quote = by_start(a, "We are happy")
    assert "which lets us work freely" in quote.text
    assert quote.speaker_name == "Anna Berg"


def test_surname_and_pronoun_resolve_to_full_name(analyse):
    a = analyse("Foreign Minister Pedro Alvarez arrived in Madrid.\n"
                '"The platform has been productive," Alvarez added. "We want to join it later."\n'
                'He said that the talks would continue in the spring.')
    assert by_start(a, "The platform").speaker_name == "Pedro Alvarez"
    assert "We want to join it later" in by_start(a, "The platform").text  # continuation: one quote
    assert by_start(a, "that the talks would continue").kind == "indirect"
    assert by_start(a, "that the talks would continue").speaker_name == "Pedro Alvarez"


def test_role_phrase_resolves_to_titled_person(analyse):
    a = analyse("French Foreign Minister Claire Dubois met envoys, and Paul Martin, an adviser, attended.\n"
                '"Do not let the region be used against its neighbours," France\'s top diplomat warned.')
    assert by_start(a, "Do not let").speaker_name == "Claire Dubois"


def test_according_to_and_scare_quotes(analyse):
    a = analyse("The ceasefire will hold for a week, according to Reuters news agency.\n"
                'The so-called "peace" lasted.')
    quote = by_start(a, "The ceasefire")
    assert quote.kind == "indirect" and quote.speaker_name == "Reuters"
    assert not any(q.text == "peace" for q in a.quotes)


def test_quote_offsets_point_into_text(analyse):
    a = analyse('"We expect a response soon," Kabir Das said on Tuesday.')
    quote = a.quotes[0]
    assert a.text[quote.start:quote.end].startswith("We expect a response soon")


def span(article, start, end):
    return article.text[start:end] if start is not None else None


def by_cue(article, cue):
    return next(q for q in article.quotes if q.cue == cue)


def source_text(article, quote):
    return span(article, quote.source_start, quote.source_end)


def test_indirect_speech_has_exact_source_and_cue_offsets(analyse):
    a = analyse("Senior officials who spoke on condition of anonymity have also said that the plan failed.")
    quote = by_start(a, "that the plan failed")
    assert source_text(a, quote) == "Senior officials who spoke on condition of anonymity"
    assert span(a, quote.cue_start, quote.cue_end) == "have also said"
    assert quote.speaker_name is None  # a group, not a named person: no guess


def test_direct_quote_source_phrase_keeps_the_appositive(analyse):
    a = analyse('"The plan is bad," said Tom Ryan, the House speaker.')
    quote = by_start(a, "The plan is bad")
    assert quote.speaker_name == "Tom Ryan"
    assert source_text(a, quote) == "Tom Ryan, the House speaker"
    assert span(a, quote.cue_start, quote.cue_end) == "said"


def test_quote_continued_after_attribution_is_one_quote(analyse):
    a = analyse('"We will win," Maria Lopez said. "Nobody can stop us now."')
    quotes = [q for q in a.quotes if "We will win" in q.text]
    assert len(quotes) == 1 and "Nobody can stop us now" in quotes[0].text
    assert not any(q.text.startswith("Nobody") for q in a.quotes)
    assert " … Nobody" in quotes[0].text  # the writer's "Maria Lopez said" is left out, and shows it


def test_a_quote_going_on_into_the_next_paragraph_leaves_nothing_out(analyse):
    a = analyse('Maria Lopez spoke after the vote. "We will win the next one too.\n\n'
                '"Nobody can stop us now," she said.')
    quote = next(q for q in a.quotes if "We will win" in q.text)
    assert "Nobody can stop us now" in quote.text and "…" not in quote.text


def test_double_apostrophe_quote_marks(analyse):
    a = analyse("''It does not make me nervous at all,'' Maria Lopez said of the race.")
    quote = by_start(a, "It does not make me nervous")
    assert quote.kind == "direct" and quote.speaker_name == "Maria Lopez"


def test_according_to_cue_offsets(analyse):
    a = analyse("According to the White House, the summit will take place in June.")
    quote = next(q for q in a.quotes if "summit" in q.text)
    assert span(a, quote.cue_start, quote.cue_end) == "According to"
    assert source_text(a, quote) == "the White House"


# ---- issue 14: one small input per error kind


def test_introductory_phrase_is_not_the_content(analyse):
    a = analyse("In an interview focused on foreign policy, Senator Ann Clark said the treaty was dead.")
    quote = next(q for q in a.quotes if q.cue and "said" in q.cue)
    assert "treaty was dead" in quote.text
    assert "interview" not in quote.text
    assert quote.speaker_name == "Ann Clark"


def test_dateline_is_not_the_source(analyse):
    a = analyse("WASHINGTON (AFP) - The Daily Courier reported that the deal collapsed on Friday.")
    quote = by_start(a, "that the deal collapsed")
    source = source_text(a, quote)
    assert source == "The Daily Courier"


def test_source_never_contains_the_content(analyse):
    a = analyse('Officials said on Monday that the bridge would reopen, adding that repairs were done.')
    for quote in a.quotes:
        if quote.source_start is not None:
            assert quote.source_end <= quote.start or quote.source_start >= quote.end


def test_speaker_named_in_the_sentence_before(analyse):
    a = analyse("Mayor Lena Fischer addressed the crowd on Sunday and told them:\n"
                '"We will rebuild every house on this street before winter comes."')
    assert by_start(a, "We will rebuild").speaker_name == "Lena Fischer"


def test_speaker_named_after_a_multi_paragraph_quote(analyse):
    a = analyse('"The budget is ready," said Finance Minister Omar Haddad.\n'
                '"We have cut spending in every department and we will keep doing so.\n'
                '"Nobody should expect new taxes this year," said Prime Minister Rania Saleh.')
    quote = by_start(a, "We have cut spending")
    assert quote.speaker_name == "Rania Saleh"
    assert "Nobody should expect new taxes" in quote.text
    assert "We have cut spending" not in by_start(a, "The budget is ready").text


def test_headline_and_caption_are_not_quotes(analyse):
    a = analyse("Abuse Inquiry Told Of Missing Files At Care Home\n"
                "Children at the home were not protected, the inquiry heard on Monday.\n"
                "The director, Paul Grant, said the files were lost in a flood.\n"
                "Paul Grant arrives at the inquiry said to be tense (Photo : John Smith/Getty Images)")
    assert not any("Missing Files" in q.text for q in a.quotes)
    assert not any("tense" in q.text for q in a.quotes)
    assert any("files were lost" in q.text and q.speaker_name == "Paul Grant" for q in a.quotes)


def test_quotes_are_typed_direct_indirect_partial(analyse):
    a = analyse('"We will not sign this deal," Foreign Minister Ivan Petrov said.\n'
                'Petrov said the offer was "an insult to our people" and left.\n'
                "He said that talks would resume in May.")
    assert by_start(a, "We will not sign").kind == "direct"
    partial = next(q for q in a.quotes if "an insult to our people" in q.text)
    assert partial.kind == "partial" and "the offer was" in partial.text
    assert next(q for q in a.quotes if "talks would resume" in q.text).kind == "indirect"


def test_colon_headline_names_the_speaker(analyse):
    a = analyse("Rubio: Trump Cannot Be Trusted With Nuclear Codes\n"
                "Senator Marco Rubio spoke on Sunday.")
    quote = next(q for q in a.quotes if "Cannot Be Trusted" in q.text)
    assert quote.speaker_name == "Marco Rubio" and quote.cue == ":"


# ---- issue 14, PolNeAR train errors: one small input per kind


def test_quote_continued_after_a_long_source_phrase_is_one_quote(analyse):
    a = analyse('"I think it is coming," said Mike Lux, a progressive activist who is a former labor official '
                'and veteran of the Clinton administration. "But it will not happen until the field winnows down."')
    quote = by_start(a, "I think it is coming")
    assert "field winnows down" in quote.text and quote.speaker_name == "Mike Lux"
    assert not any(q.text.startswith("But it will not") for q in a.quotes)


def test_partial_quote_in_a_clause_is_not_quoted_twice(analyse):
    a = analyse('Charles Barkley also said that CNN has done an "awful" job of covering the election.')
    assert not any(q.text == "awful" for q in a.quotes)
    clause = next(q for q in a.quotes if '"awful" job' in q.text)
    assert clause.kind == "partial" and clause.speaker_name == "Charles Barkley"


def test_pronoun_next_to_the_cue_is_the_speaker(analyse):
    a = analyse("Tad Devine, a strategist, spoke to reporters on Monday.\n"
                '"I took the money but it did not affect me?" he said, paraphrasing Hillary Clinton\'s remarks.')
    quote = by_start(a, "I took the money")
    assert quote.speaker_text == "he" and quote.speaker_name == "Tad Devine"


def test_source_is_never_inside_quote_marks(analyse):
    a = analyse("Donald Trump spoke in Wilmington.\n"
                "“By the way, if she gets to pick her judges, nothing you can do, folks,” Trump told a North "
                "Carolina rally, saying Clinton would “abolish the second amendment.”")
    quote = by_start(a, "By the way")
    assert quote.source_start >= quote.end and quote.speaker_name == "Donald Trump"


def test_source_before_a_relative_clause_cue_is_kept(analyse):
    a = analyse("The tax plan, which Democrats say could hurt the economy, passed on Friday.")
    quote = next(q for q in a.quotes if "hurt the economy" in q.text)
    assert source_text(a, quote) == "Democrats"


def test_programme_or_book_title_in_quote_marks_is_not_a_quote(analyse):
    a = analyse('On ABC News\'s "This Week," Senator Marco Rubio said the deal was weak.\n'
                'Maria Lopez, the co-author of the book "Strangers No More," spoke on Monday.')
    assert not any(q.text.strip(' ,."') in ("This Week", "Strangers No More") for q in a.quotes)
    assert any("deal was weak" in q.text and q.speaker_name == "Marco Rubio" for q in a.quotes)


def test_speaker_of_a_manner_verb_before_the_quote(analyse):
    a = analyse("When Donald Trump suggested that Cuba would sue, Marco Rubio fired back forcefully: "
                '"If they sue us in a court in Miami, they are going to lose."')
    quote = by_start(a, "If they sue us")
    assert quote.speaker_name == "Marco Rubio"


def test_speaker_of_a_manner_verb_after_the_quote(analyse):
    a = analyse("Supporters filled the hall in Oakland on Sunday.\n"
                '"All the way to the convention!" Jane Dawson shouted, lifting a sign.')
    assert by_start(a, "All the way").speaker_name == "Jane Dawson"


def test_unnamed_source_phrase_is_the_source(analyse):
    a = analyse("The meeting ran late on Friday.\n"
                '"Did he lose twenty minutes? Probably," said one former senior agency official.')
    quote = by_start(a, "Did he lose")
    assert source_text(a, quote) == "one former senior agency official"
    assert quote.speaker_name is None


def test_subject_next_to_the_cue_beats_an_organisation_further_on(analyse):
    a = analyse('"Yet another state we would have won if everyone could vote," another supporter wrote on Reddit.')
    quote = by_start(a, "Yet another state")
    assert source_text(a, quote) == "another supporter"


def test_source_of_a_participle_cue_stops_before_the_cue(analyse):
    a = analyse("Donald Trump issued a statement on Tuesday saying that he respected the judge.")
    quote = next(q for q in a.quotes if "respected the judge" in q.text)
    assert quote.cue_start >= quote.source_end


def test_one_sentence_of_attribution_between_two_quotes(analyse):
    a = analyse('"Here in Boston, I remember the historic snowfall you had last winter," Hillary Clinton told the '
                "packed hall, where an overflow crowd of about 1,200 supporters watched on a screen set up in the "
                'square outside. "The pictures I saw of two-story snowdrifts stayed with me."')
    quote = by_start(a, "Here in Boston")
    assert "two-story snowdrifts" in quote.text
    assert not any(q.text.startswith("The pictures") for q in a.quotes)


def test_pro_form_answer_is_the_content(analyse):
    a = analyse("Asked if her email practices were illegal, 46 percent of voters said yes, compared with 23 percent.")
    quote = by_cue(a, "said")
    assert quote.text == "yes" and source_text(a, quote) == "46 percent of voters"


def test_belief_verb_the_lemmatizer_gets_wrong(analyse):
    # the model lemmatizes "hopes" as "hop": the cue table gives the lemma
    a = analyse("Clinton hopes to win the nomination in June.")
    quote = by_cue(a, "hopes")
    assert quote.text == "to win the nomination in June"
    assert source_text(a, quote) == "Clinton"


def test_as_clause_reports_its_host_clause(analyse):
    a = analyse("As Comey noted, people involved in the case could still be punished.")
    quote = by_cue(a, "noted")
    assert quote.text == "people involved in the case could still be punished"
    assert source_text(a, quote) == "Comey"
    a = analyse("As noted above, the plan failed.")
    assert not a.quotes  # the writer's own aside: nobody is the source


def test_parenthetical_cue_inside_the_content(analyse):
    a = analyse("The plan, he said, was a disaster for the region.")
    quote = by_cue(a, "said")
    assert quote.text == "The plan, he said, was a disaster for the region"  # first to last word, as PolNeAR
    assert source_text(a, quote) == "he"


def test_noun_cue_with_a_that_clause_and_a_possessive_holder(analyse):
    a = analyse("Trump's claim that he is worth ten billion dollars was false.")
    quote = by_cue(a, "claim")
    assert quote.text == "that he is worth ten billion dollars"
    assert source_text(a, quote) == "Trump"


def test_noun_cue_whose_holder_is_the_subject_of_its_verb(analyse):
    a = analyse("Senate Democrats raised questions about the deal with Iran.")
    quote = by_cue(a, "questions about")
    assert quote.text == "the deal with Iran"
    assert source_text(a, quote) == "Senate Democrats"
    a = analyse("The ministry issued a statement on Tuesday.")
    assert not a.quotes  # a time is not what the statement said


def test_stance_adjective_after_a_copula(analyse):
    a = analyse("Many voters are worried that the economy will slow.")
    quote = by_cue(a, "are worried")
    assert quote.text == "that the economy will slow"
    assert source_text(a, quote) == "Many voters"
    a = analyse("Senator Rubio seemed hopeful that the country could accept more refugees.")
    quote = by_cue(a, "seemed hopeful")  # not "seemed" with nobody as source
    assert source_text(a, quote) == "Senator Rubio"


def test_made_it_clear(analyse):
    a = analyse("She has made it clear she wants the job.")
    quote = by_cue(a, "made it clear")
    assert quote.text == "she wants the job" and source_text(a, quote) == "She"


def test_subject_of_an_adjective_before_an_infinitive_cue(analyse):
    a = analyse("Her strategists have been reluctant to reveal too much of their playbook.")
    # the cue is "to reveal", or "have been reluctant" (a learned adjective frame) around it
    quote = next(q for q in a.quotes if "their playbook" in q.text)
    assert source_text(a, quote) == "Her strategists"


def test_evaluation_verb_cue(analyse):
    a = analyse("Senator Warren denounced the ruling on Friday.")
    quote = by_cue(a, "denounced")
    assert quote.text.startswith("the ruling") and source_text(a, quote) == "Senator Warren"


def test_direct_object_of_explain_is_the_content_but_a_time_is_not(analyse):
    a = analyse("The actor explained the differences between him and his character.")
    quote = by_cue(a, "explained")
    assert quote.text.startswith("the differences") and source_text(a, quote) == "The actor"
    assert not analyse("The minister explained Tuesday.").quotes


def test_credit_lines_are_not_speakers(analyse):
    a = analyse("The vote is due on Friday.\n\nContributing: Jane Miller and Tom Berg")
    assert not a.quotes
    assert not analyse("A shaky balancing act.\nBYLINE: Amber Phillips\n\nThe senator spoke on Monday.").quotes


def test_a_running_story_label_before_a_headline_is_not_its_speaker(analyse):
    a = analyse("The Latest: Hillary Clinton tells supporters she is with them\n\n"
                "LAS VEGAS (AP) - The Latest on the race for the White House.")
    assert [(q.cue, q.speaker_name) for q in a.quotes] == [("tells", "Hillary Clinton")]


def test_inverted_manner_verb_after_a_quote(analyse):
    a = analyse('"This is fantastic!" beamed Donald Hartley of Madison, Alabama.')
    quote = by_start(a, "This is fantastic")
    assert quote.speaker_name == "Donald Hartley" and quote.cue == "beamed"


def test_two_attributed_sentences_are_two_quotes(analyse):
    a = analyse('Anna Berg spoke in Oslo.\n"We do not want them here," Berg said. Tom Ryan added, "I only want to admit '
                'people who share our values."')
    assert by_start(a, "We do not want").speaker_name == "Anna Berg"
    assert by_start(a, "I only want").speaker_name == "Tom Ryan"


def test_passive_cue_reports_its_subject_and_the_agent_is_the_source(analyse):
    a = analyse("The tax plan was opposed by most Republicans in the Senate.")
    quote = by_cue(a, "was opposed")
    assert quote.text == "The tax plan" and source_text(a, quote) == "most Republicans in the Senate"


def test_noun_cue_received_from_a_holder(analyse):
    a = analyse("The House bill has drawn criticism from several governors.")
    quote = by_cue(a, "drawn criticism")
    assert quote.text == "The House bill" and source_text(a, quote) == "several governors"


def test_quoted_words_inside_a_reported_clause_are_not_a_second_quote(analyse):
    a = analyse('Ryan said he would make the budget "balance by the end of the year," and Berg vowed to '
                '"fight it every step of the way."')
    assert [(q.speaker_name, q.cue) for q in a.quotes] == [("Ryan", "said"), ("Berg", "vowed")]
    assert "balance by the end" in a.quotes[0].text
    b = analyse('Mayor Anna Berg announced on Friday that the plan was "dead for now," according to the local radio.')
    assert "Anna Berg" in [q.speaker_name for q in b.quotes]  # the channel does not hide the speaker


def test_quote_goes_on_after_its_attribution_with_an_abbreviated_place(analyse):
    a = analyse('Tom Ryan spoke on Monday.\n\n"The plan is not a good record for the city," Ryan said at a rally in '
                'Albany, N.Y. "It will cost every family in the state."')
    assert [q.speaker_name for q in a.quotes] == ["Tom Ryan"]
    assert "It will cost every family" in a.quotes[0].text


def test_quoted_clause_goes_on_after_its_attribution(analyse):
    a = analyse('But "if you disagree with him, forget it," said Tom Ryan. "He turns like a switch."')
    assert len(a.quotes) == 1 and "He turns like a switch" in a.quotes[0].text


def test_dateline_before_the_subject_is_not_the_source(analyse):
    a = analyse("MADRID (Reuters) – Senior party official Anna Berg said on Friday she met the prime minister.")
    quote = a.quotes[0]
    assert quote.speaker_name == "Anna Berg" and "Reuters" not in source_text(a, quote)


def test_statement_issued_by_someone_has_the_issuer_as_source(analyse):
    a = analyse("The union placed newspaper ads calling the merger a costly mistake.")
    assert source_text(a, by_cue(a, "calling")) == "The union"


def test_quote_paragraph_goes_on_from_the_sentence_before(analyse):
    a = analyse("Tom Ryan spoke to reporters after the vote. Rather, he said, the council would vote again in May.\n\n"
                '"To my knowledge, nobody has asked for a recount. We will wait for the final count."')
    assert by_start(a, "To my knowledge").speaker_name == "Tom Ryan"
    assert any(q.kind == "indirect" and "vote again in May" in q.text for q in a.quotes)  # its own report stays


def test_according_to_before_a_multi_sentence_quote(analyse):
    a = analyse('According to the newspaper, "The city has spent the money twice. Nobody checked the accounts."')
    quote = by_start(a, "The city has spent")
    assert quote.cue == "According to" and source_text(a, quote) == "the newspaper"


def test_dateline_with_a_country_is_not_the_source(analyse):
    a = analyse("RANGOON, Burma - The opposition party's leaders on Monday predicted an overwhelming victory.")
    assert "Burma" not in source_text(a, by_cue(a, "predicted"))


def test_dateline_with_a_date_is_not_the_source(analyse):
    a = analyse("DENVER, July 19 (UPI) — Former Attorney General Paul Reyes said Tuesday that the inquiry was flawed.")
    assert source_text(a, by_cue(a, "said")) == "Former Attorney General Paul Reyes"


def test_headline_ending_with_a_full_stop(analyse):
    a = analyse("Another Party Figure Endorses Anna Berg.\n\nThe party met on Monday.")
    quote = by_cue(a, "Endorses")
    assert quote.text == "Anna Berg" and source_text(a, quote) == "Another Party Figure"


def test_reported_clause_the_parser_hung_on_a_noun(analyse):
    # the parse reads "that some letters ..." as a relative clause of "time"
    a = analyse("Tom Ryan also said for the first time that some letters have been located and will be released.")
    quote = by_cue(a, "also said")
    assert quote.text.startswith("that some letters") and quote.speaker_name == "Tom Ryan"


def test_verb_the_parser_left_unlabelled_borrows_the_subject(analyse):
    a = analyse("Anna Berg paused, then revealed why the work was especially moving.")
    assert by_cue(a, "then revealed").speaker_name == "Anna Berg"


def test_source_ending_in_a_quoted_title_is_still_the_source(analyse):
    a = analyse('Tom Ryan, the longtime host of the radio show "Morning Talk," said in an interview that the '
                "station had been too dull.")
    assert by_cue(a, "said").speaker_name == "Tom Ryan"


def test_credit_in_a_news_digest_is_not_a_speaker(analyse):
    a = analyse('"Star leaves the musical," by Variety\'s Gordon Cox: "The star of the show is leaving the musical '
                'next month after a long run."')
    assert all(q.speaker_name != "Gordon Cox" for q in a.quotes)
    b = analyse('At the conference, Anna Berg ended her speech by quoting her father: "Every obstacle yields to '
                'stern resolve, as the old saying goes."')
    quote = next(q for q in b.quotes if q.kind == "direct")  # "quoting her father" is a report of its own
    assert source_text(b, quote).startswith("At the conference, Anna Berg")


def test_opening_past_participle_is_a_cue_without_the_answerer_as_source(analyse):
    a = analyse('Asked about the merger, Tom Ryan said, "We will see what the board decides next week."')
    asked = by_cue(a, "Asked")
    assert asked.text == "about the merger" and asked.speaker_name is None
    assert by_start(a, "We will see").speaker_name == "Tom Ryan"


def test_asked_if_reports_the_question(analyse):
    a = analyse("Asked if the plan had failed, Anna Berg said the council would vote again.")
    assert by_cue(a, "Asked").text == "if the plan had failed"
    assert by_cue(a, "said").speaker_name == "Anna Berg"


def test_naming_comparing_and_pressing_verbs_are_cues(analyse):
    a = analyse("Senator Anna Berg pushed for a new tax on polluters. Tom Ryan compared the plan to a house of cards.")
    pushed = by_cue(a, "pushed")
    assert "a new tax" in pushed.text and pushed.speaker_name == "Anna Berg"
    assert by_cue(a, "compared").speaker_name == "Tom Ryan"


def test_quote_goes_on_later_in_its_paragraph_after_a_long_frame(analyse):
    a = analyse('"The plan is dead," Tom Ryan told the radio show "Morning Talk" after the vote, which was held late '
                'at night in the old town hall. "We will start again next year."')
    quote = by_start(a, "The plan is dead")
    assert "We will start again" in quote.text and quote.speaker_name == "Tom Ryan"
    assert len([q for q in a.quotes if q.kind == "direct"]) == 1


def test_quote_interrupted_by_a_manner_of_speaking_verb_is_one_quote(analyse):
    a = analyse('Judge Anna Berg listened to both sides.\n'
                '"Everything that you have said and everything that I have said," Berg exclaimed, "has totally overlapped."')
    quote = by_start(a, "Everything that you")
    assert "has totally overlapped" in quote.text and quote.cue == "exclaimed" and quote.speaker_name == "Anna Berg"


def test_cue_whose_subject_the_parse_missed_takes_the_person_before_it(analyse):
    # the parse reads the speaker as an appositive of the place and leaves "suggested" without a subject
    a = analyse("At Pine Hills, where it costs new members $50,000 to join, Tom Ryan, the club's 78-year-old "
                "president and general manager, suggested that the troubles of some of his rivals could be "
                "attributed to poor management.")
    assert by_cue(a, "suggested").speaker_name == "Tom Ryan"


def test_second_report_hung_at_the_end_of_a_reported_clause_is_its_own(analyse):
    a = analyse("Among the members, 64 percent said they would vote for the plan, while 30 percent said they "
                "might change their mind.")
    first = by_start(a, "they would vote")
    assert "30 percent" not in first.text and source_text(a, first) == "64 percent"
    assert source_text(a, by_start(a, "they might change")) == "30 percent"


def test_verb_frame_learned_from_polnear_is_a_cue(analyse):
    # "point" reports only a clause, but "pointed to X" was a gold cue 30 of 49 times on PolNeAR train
    a = analyse("Senator Tom Ryan pointed to the rising cost of housing.")
    quote = by_cue(a, "pointed to")
    assert quote.text == "the rising cost of housing" and source_text(a, quote) == "Senator Tom Ryan"


def test_adjective_frame_learned_from_polnear_is_a_cue(analyse):
    a = analyse("Democrats in the House are eager to hold a vote on the bill.")
    quote = by_cue(a, "are eager")
    assert quote.text == "to hold a vote on the bill" and source_text(a, quote) == "Democrats in the House"


def test_noun_frame_learned_from_polnear_is_a_cue(analyse):
    a = analyse("Berg's endorsement of Smith surprised many.")
    quote = by_cue(a, "endorsement of")
    assert quote.text == "Smith" and source_text(a, quote) == "Berg"


def test_every_attribution_form_is_one_word_as_the_form_scan_assumes():
    # find_attribution_forms looks forms up word by word; a form with a space or hyphen would be missed
    import re

    from dossier.analyse.cues import ATTRIBUTION_FORMS, find_attribution_forms

    assert all(re.fullmatch(r"\w+", form) for form in ATTRIBUTION_FORMS)
    assert find_attribution_forms("Officials said it was over.") and not find_attribution_forms("the said statement")


def test_participle_on_a_noun_after_a_preposition_has_the_verbs_subject_as_source(analyse):
    # "in a letter urging ...": the letter is the channel; who wrote it is the source (PolNeAR)
    a = analyse("Senator Maria Lopez wrote to the governor on Monday in a letter urging him to veto the bill.")
    quote = by_cue(a, "urging")
    assert source_text(a, quote) == "Senator Maria Lopez"
    assert quote.speaker_name == "Maria Lopez"


def test_clause_after_the_verb_is_its_content_not_a_report_hung_before_it(analyse):
    # the parser hangs the first report under the second "said"; each keeps its own clause and source
    a = analyse("More than six in 10 said they were not looking forward to the next few months of the campaign; "
                "46 percent said they were unenthusiastic about the 2016 presidential election.")
    first = next(q for q in a.quotes if q.text.startswith("they were not looking"))
    second = next(q for q in a.quotes if q.text.startswith("they were unenthusiastic"))
    assert source_text(a, first) == "More than six in 10"
    assert source_text(a, second) == "46 percent"
    # a clause before the verb stays its content when the words after it follow a dash
    a = analyse("Such a move could alienate his backers, Clinton allies believe — backers she will need come November.")
    assert by_cue(a, "believe").text == "Such a move could alienate his backers"


def test_infinitive_on_a_describing_noun_takes_whom_the_noun_describes(analyse):
    a = analyse("Grijalva was the first Democrat in Congress to endorse Sanders in the Democratic primary.")
    assert source_text(a, by_cue(a, "to endorse")) == "Grijalva"
    a = analyse("Amanda Carpenter, a former aide to Sen. Ted Cruz, was one of the first to cheer on the idea.")
    assert source_text(a, by_cue(a, "to cheer on")).startswith("Amanda Carpenter")
    a = analyse("Many of the speakers have had less than kind words to say about his candidacy.")
    assert source_text(a, by_cue(a, "to say about")) == "Many of the speakers"


def test_compared_with_as_a_preposition_is_no_cue(analyse):
    a = analyse("Voters view her as prepared, with 50 percent saying she is prepared, compared with the 30 percent "
                "who say the same about Mr. Trump.")
    assert not any(q.cue == "compared" for q in a.quotes)
    assert source_text(a, by_cue(a, "say")) == "the 30 percent who"  # no longer nested in a "compared" clause
    a = analyse("Trump compared her to a thief.")
    assert by_cue(a, "compared").text == "her to a thief"


def test_according_to_after_a_colon_attributes_the_clause_after_it(analyse):
    a = analyse("And it hasn't gone unnoticed: According to recent polls, Trump holds only 14 percent of the Latino vote.")
    quote = by_cue(a, "According to")
    assert quote.text == "Trump holds only 14 percent of the Latino vote"
    assert source_text(a, quote) == "recent polls"


def test_reported_clause_stops_before_the_next_quotes_opening_marks(analyse):
    a = analyse("The club's heavy investment in its facilities, Ms. Tanzer said, ''is a perfect example of adapting'' "
                "to the changing economics of golf. ''They're spending a fortune on the place,'' she said.")
    first = by_start(a, "The club's")
    assert first.text.endswith("economics of golf")
    assert source_text(a, by_start(a, "They're")) == "she"



# (text, cue, source): one behaviour of the source rules each, named by its id
SOURCES = {
    "asker in a by-phrase of an opening participle": (
        'When asked by a reporter whether this differed from the old rules, Trump said, "You tell me."',
        "When asked", "a reporter"),
    "object of a causing verb does its infinitive": (
        "The decisive victory led Republican National Committee Chairman Reince Priebus to declare him the "
        "presumptive nominee.", "to declare", "Republican National Committee Chairman Reince Priebus"),
    "subject of a purpose infinitive does it": (
        "Ramos used his acceptance speech to call for the resignation of the president.", "to call", "Ramos"),
    "noun before a gerund after a preposition is its subject": (
        "Democratic candidates went further, with former Maryland Gov. Martin O'Malley calling Trump a fascist.",
        "calling", "former Maryland Gov. Martin O'Malley"),
    "subject of the verb whose object a noun cue is, for a possessive pronoun": (
        "Sanders himself has toned down his criticism of Hillary Clinton.", "criticism of", "Sanders himself"),
    "person before the cue after a quote, not one after it": (
        "''He says what everyone else wants to say,'' Steve Moody, a small-business owner, said at Mr. Trump's "
        "rally on Tuesday.", "said", "Steve Moody"),
    "inverted source inside the content it splits": (
        "The paradox of Nancy, says Carl Anthony, historian at the National First Ladies Library, is that she was "
        "powerful.", "says", "Carl Anthony, historian at the National First Ladies Library"),
    "a determiner phrase before a manner-of-speaking verb after a quote": (
        '"Hey, hey! Ho, ho! The mayor has got to go!" some protesters chanted, three days after the release.',
        "chanted", "some protesters"),
    "the subject after a subordinating word before a manner verb, not a person named before it": (
        "Once, when they spotted a trawler off the coast, Freddy circled it as his friends jeered, ''Do svidaniya!'' "
        "- Russian for goodbye.", "jeered", "his friends"),
    "a second clause's manner verb before a quote is no interruption of the first": (
        'Cruz spoke at a rally.\n\n"Apparently there is a young man who is having some problems," Cruz said as the '
        'heckler yelled: "You suck!"', "yelled", "the heckler"),
    "\"shot back\" after a quote": (
        '"Look at all these supporters here," Paradis said with a smirk.\n\n"They are all here because he is '
        'promising to give them free stuff," Bennett shot back with a laugh.', "shot", "Bennett"),
    "a capitalised verb opening the frame, then the speaker": (
        'The small pink home was renovated. Said Dorothy Poynter, who grew up with Ali in the neighborhood, '
        '"We were all so proud of him and his family."', "Said", "Dorothy Poynter"),
    "a capitalised verb and a name introducing the next paragraph's quote": (
        'Stone was speaking in an interview on the radio.\n\nStated Roger Stone:\n\n"I think that the stakes are so '
        'high that they would do anything necessary to remain in power."', "Stated", "Roger Stone"),
    "the person before the cue, not one after a preposition": (
        'Republican presidential candidate Donald Trump quickly took to Twitter, writing: "Another horrific attack, '
        'this time in Nice, France. Many dead and injured. When will we learn?"', "writing", "Donald Trump"),
    "a determiner phrase with a party word and a hyphenated adjective before a manner verb": (
        'Pence spoke at a rally.\n\n"Governor, let me help you out - the answer is no," the Republican '
        'vice-presidential nominee riffed on the moment, drawing applause.', "riffed",
        "the Republican vice-presidential nominee"),
    "a poll after \"in\" is the source of its clause": (
        "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton.",
        "In", "an NBC News/Wall Street Journal poll released Monday"),
    "an active participle borrows the passive subject of its host": (
        "Since her op-ed in May, she's tacked to the left on environmental issues, criticizing the Keystone XL "
        "pipeline.", "criticizing", "she"),
    "owner of the noun a participle hangs on": (
        "In her statement condemning the test, Hillary Clinton defended the deal.", "condemning", "her"),
    "owner of the noun a gerund after \"of\" hangs on": (
        "The two rivals largely abandoned their strategy of brutally attacking him.", "brutally attacking", "their"),
    "issuer, not owner, for a verb the parser joined to an infinitive on an owned noun": (
        "Mitt Romney largely ran on his ability to jolt the economic recovery into hyperdrive and accused Obama of "
        "bungling the rehabilitation.", "accused", "Mitt Romney"),
}


SUBJECTS_THE_PARSER_HUNG_ELSEWHERE = {
    "a noun after 'than'": ("That would probably still be more ethanol than the oil industry says the gasoline "
                            "markets can handle without causing stress.", "says", "the oil industry"),
    "a list of reports": ('The mayor supports "modest pay raises," opposes "arbitrary pay freezes" and praised the staff.',
                          "opposes", "The mayor"),
    "a participle after a quote's report": ("''For the next several months, he will have the loudest voice, but there "
                                            "will be other voices as well,'' he said, not even suggesting Mr. Trump "
                                            "could have the party's loudest voice for four years.",
                                            "not even suggesting", "he"),
}


@pytest.mark.parametrize("text, cue, source", [*SOURCES.values(), *SUBJECTS_THE_PARSER_HUNG_ELSEWHERE.values()],
                         ids=[*SOURCES, *SUBJECTS_THE_PARSER_HUNG_ELSEWHERE])
def test_source_of_a_cue(analyse, text, cue, source):
    a = analyse(text)
    assert source_text(a, by_cue(a, cue)) == source


def test_poll_source_reports_only_the_clause_it_hangs_on(analyse):
    a = analyse("Former advisers told POLITICO that a shakeup is necessary as the neurosurgeon has plunged in recent "
                "polls amid questions about his record. Cruz came in second in January polls.")
    assert source_text(a, by_cue(a, "told")) == "Former advisers"  # not inside the poll's clause
    assert [source_text(a, q) for q in a.quotes if q.cue == "in"] == ["January polls"]


def test_a_poll_opening_the_sentence_is_the_source_of_what_its_respondents_said(analyse):
    a = analyse("In a New York Times/CBS News survey released last Thursday, 79 percent of Democrats said they were "
                "satisfied with the president. Most voters said so in the poll.")
    quote = by_cue(a, "In")
    assert source_text(a, quote) == "a New York Times/CBS News survey released last Thursday"
    assert a.text[quote.start:quote.end].startswith("79 percent of Democrats said")
    assert source_text(a, by_cue(a, "said")) == "Most voters"  # after the verb, "in the poll" is no source


def test_next_paragraph_of_an_open_quote_with_its_own_attribution_is_its_own_quote(analyse):
    a = analyse('Forbes says it tracks an additional 500 billionaire "family fortunes.\n\n'
                '"The quality of these lists comes down to resources," Mr. Friedman said. "The more people you have '
                'working on it, the better."')
    assert source_text(a, by_start(a, "The quality")) == "Mr. Friedman"
    assert source_text(a, by_cue(a, "says")) == "Forbes"


def test_sentence_introducing_a_quote_with_a_colon_names_its_subject_without_a_cue_word(analyse):
    a = analyse("Wallace was a governor. When Wallace died in 1998, President Clinton released the following statement:"
                "\n\n\u201cHillary and I offer our condolences to the family and friends of George Wallace.\u201d")
    quote = by_start(a, "Hillary and I")
    assert quote.cue == ":" and source_text(a, quote) == "Clinton"


def test_report_in_a_relative_clause_is_its_own_quote(analyse):
    a = analyse("The mayor praised the new budget and its tax cuts, moves that he said helped the city's economy.")
    inner = by_cue(a, "said")
    assert inner.text == "that he said helped the city's economy" and source_text(a, inner) == "he"
    assert "moves that" not in by_cue(a, "praised").text  # the outer report stops before the clause


def test_call_for_someone_to_act_reports_the_clause_after_for(analyse):
    a = analyse("The union leader is calling for the city council to raise the minimum wage next year.")
    quote = by_cue(a, "is calling for")
    assert quote.text == "the city council to raise the minimum wage next year"
    assert source_text(a, quote) == "The union leader"


def test_noun_naming_a_supporter_is_held_by_the_copulas_subject_or_its_appositive(analyse):
    a = analyse("Maria Lopez is a longtime supporter of the mayor. The banker John Reed, a fierce critic of the plan, "
                "left early. The new schedule struck supporters of both candidates as unfair.")
    quotes = [q for q in a.quotes if q.cue in ("supporter of", "critic of", "supporters of")]
    assert [(q.text, q.speaker_name) for q in quotes] == [("the mayor", "Maria Lopez"), ("the plan", "John Reed")]


def test_issuer_of_an_ad_that_attacks_is_its_source(analyse):
    a = analyse("A group backing the governor released a new television ad that accuses the mayor of wasting money.")
    assert source_text(a, by_cue(a, "accuses")) == "A group backing the governor"
    b = analyse("Officials who said the plan failed were fired.")
    assert source_text(b, by_cue(b, "said")).startswith("Officials")


SUBJECTS_MISREAD = {
    "a contracted has read as a passive": ("She's said the deal is dead.", "'s said", "She"),
    "a surname read as a modal": ("In his column, Will wrote, the governor can win the state.", "wrote", "Will"),
}


@pytest.mark.parametrize("text, cue, source", SUBJECTS_MISREAD.values(), ids=SUBJECTS_MISREAD.keys())
def test_subject_the_parser_misread_is_the_source(analyse, text, cue, source):
    a = analyse(text)
    assert source_text(a, by_cue(a, cue)) == source


def test_cue_set_off_by_commas_inside_its_clause_has_the_speaker_after_it(analyse):
    a = analyse("And the governor, said Ruth Gold, who has known him for years, never forgets a slight.")
    quote = by_cue(a, "said")
    assert source_text(a, quote).startswith("Ruth Gold") and quote.text.endswith("never forgets a slight")


def test_found_reports_an_object_only_after_a_poll_or_study(analyse):
    a = analyse("The senator found himself in trouble again. A new state poll found the senator ahead by four points.")
    assert [(q.cue, q.text) for q in a.quotes if "found" in (q.cue or "")] == [("found", "the senator ahead by four points")]


def test_posted_reports_its_object_not_the_place_it_was_posted(analyse):
    a = analyse("A video of the rally was posted on Facebook. The mayor posted a long statement about the budget.")
    assert [q.text for q in a.quotes if "posted" in (q.cue or "")] == ["a long statement about the budget"]


def test_double_apostrophes_close_after_a_nested_quote(analyse):
    a = analyse("''I never liked the label 'rust belt,' '' she said, and she added that the town was doing well.")
    quote = by_start(a, "I never liked")
    assert quote.cue == "said" and source_text(a, quote) == "she"


def test_a_nationality_modifying_the_source_is_not_the_speaker(analyse):
    a = analyse("The port will reopen next month, according to Norwegian public broadcaster NRK.")
    quote = by_start(a, "The port will reopen")
    assert quote.speaker_name != "Norwegian" and "broadcaster" in (quote.speaker_text or "")


def test_a_headline_that_states_an_aim_is_no_quote(analyse):
    a = analyse("Norway Seeks To Expand Its Fishing Zone\n"
                "Minister Says Quotas Will Rise\nThe talks began on Monday in Oslo.")
    quoted = {q.text for q in a.quotes}
    assert not any(t.startswith("To Expand") for t in quoted)
    assert "Quotas Will Rise" in quoted  # a headline that reports words still does


def test_as_someone_put_it_attributes_the_clause(analyse):
    a = analyse("As the columnist Ruth Marcus puts it, the mayor is making the council an offer it cannot refuse. "
                'The senator put it bluntly: "This person will not be confirmed."')
    quote = by_cue(a, "puts it")
    assert quote.text.endswith("an offer it cannot refuse") and source_text(a, quote) == "the columnist Ruth Marcus"
    assert by_start(a, "This person will not").cue == "put it"
    b = analyse("The mayor regularly pledges to cut taxes for everyone, as she put it on Wednesday.")
    assert [q.cue for q in b.quotes] == ["regularly pledges"]  # the report attributes its own clause


def test_figures_after_a_name_and_colon_are_not_speech(analyse):
    a = analyse("Delegates won so far:\nClinton: 1,769\nSanders: 1,501\nPaul Lopez: We will win this state.")
    assert [q.text for q in a.quotes if q.cue == ":"] == ["We will win this state"]


def test_headline_part_after_a_dash_has_no_source(analyse):
    a = analyse("Norway Hosts Talks with Sweden – Calls for A Joint Fishing Zone\n\nThe talks began on Monday in Oslo.")
    assert not [q for q in a.quotes if "Fishing Zone" in q.text or "Sweden" in q.text]


def test_relative_clause_on_a_noun_after_a_preposition_is_held_by_that_noun(analyse):
    a = analyse("The senator has been increasing his efforts to win over the farming community, which largely "
                "supports the new trade deal.")
    assert source_text(a, by_cue(a, "largely supports")).startswith("the farming community")


def test_title_after_a_comma_or_with_a_numeral_is_not_a_quote(analyse):
    a = analyse("The war dampened plans to return home, Ms. Lopez said in her 2012 book, ''A Daughter of Havana.'' "
                "He later acted in the movie \"Shark Attack 3: The Return\" and in a play.")
    assert [q.text for q in a.quotes if "Daughter" in q.text or "Shark" in q.text] == []
    assert by_cue(a, "said").text.startswith("The war dampened plans")


def test_whom_something_was_told_is_not_what_was_said(analyse):
    a = analyse("The mayor told his supporters. The plan contradicted what the governor told NBC News before the vote. "
                "Her sister told stories of how both girls grew up.")
    assert [q.text for q in a.quotes if "told" in (q.cue or "")] == ["stories of how both girls grew up"]


def test_surname_the_parser_read_as_an_adverb_is_the_source(analyse):
    a = analyse("Rep. David Jolly is running for the Senate. Jolly said he would be cautious in restructuring federal "
                "education spending.")
    quote = by_start(a, "he would be cautious")
    assert quote.cue == "said" and source_text(a, quote) == "Jolly" and quote.speaker_name == "David Jolly"


def test_reportedly_marks_a_clause_reported_by_nobody_named(analyse):
    a = analyse("Mayor Reportedly Quits\n\nThe mayor, Anna Berg, was reportedly on that flight with her sister.")
    quotes = [q for q in a.quotes if (q.cue or "").lower() == "reportedly"]
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("The mayor, Anna Berg, was reportedly on that flight with her sister", None)]


def test_a_reported_clause_ending_in_quoted_words_keeps_the_closing_mark(analyse):
    a = analyse("The minister emphasized the importance of the new leadership “respecting ethnic groups, women, "
                "and children.”")
    quote = next(q for q in a.quotes if "the new leadership" in q.text)
    assert quote.kind == "partial" and quote.text.endswith("children.”")
    assert a.text[quote.start:quote.end] == quote.text


def test_a_stance_attributed_is_told_apart_from_words_said(analyse):
    a = analyse("Russia has been supporting stability and inclusivity in the region for years.\n"
                "Lavrov said that the talks would go on next month.\n"
                "Lavrov praised the delegation for its efforts to stabilize the country.")
    acts = {q.cue: q.act for q in a.quotes}
    assert acts.get("said") == "speech" and acts.get("praised") == "speech"
    assert "stance" in acts.values()  # "supporting"
    from dossier.analyse.cues import speech_act
    assert speech_act("direct", None) == "speech" and speech_act("indirect", "according to") == "speech"
    assert speech_act("indirect", "interpretation of") == "stance" and speech_act("indirect", "have accepted") == "stance"


def test_a_pronoun_after_a_report_naming_someone_else_is_the_reporter(analyse):
    a = analyse("Foreign Minister Sergei Lavrov said on Friday that Moscow would keep talking to Kabul, during a "
                "meeting with Amir Khan Muttaqi and envoys from the region. Although he did not mention the "
                "Taliban by name, he praised the current leadership for its efforts against drug production.")
    mention = next(q for q in a.quotes if (q.cue or "").endswith("mention"))
    assert mention.speaker_name == "Sergei Lavrov"


def test_a_name_inside_the_quoted_words_is_not_who_he_is(analyse):
    a = analyse("President Maria Lopez read the reports closely.\n"
                '"My top science adviser, John Holdren, will issue some chart in the morning meetings," she said, '
                '"and they are terrifying."')
    quote = next(q for q in a.quotes if "science adviser" in q.text)
    assert quote.speaker_name == "Maria Lopez"


def test_owner_of_a_noun_cue_before_a_quote_is_its_speaker(analyse):
    a = analyse("The mine workers are unlikely to give Clinton the nod after her March comment that, "
                '"We are going to put a lot of coal companies out of business."')
    quote = by_start(a, "We are going")
    assert quote.cue == "comment" and source_text(a, quote) == "her" and quote.speaker_name == "Clinton"


def test_question_of_an_opening_participle_ends_at_the_comma_before_the_answer(analyse):
    a = analyse("Florida developer Mel Sembler has agreed to serve as a vice chairman of the fund.\n\n"
                'When asked why, Sembler responded in a text message: "Trump will be the Republican Party\'s nominee."')
    quote = by_start(a, "Trump will be")
    assert quote.cue == "responded" and source_text(a, quote) == "Sembler"
    assert by_cue(a, "When asked").text == "why"


def test_that_clause_of_said_read_as_a_relative_clause_after_a_gerund(analyse):
    a = analyse("Heather Johnston, a 26-year-old benefits manager from Derry, said before attending Wednesday's town "
                "hall that CNN asked her to pose a question about her top issue: student debt.")
    quote = by_cue(a, "said")
    assert quote.text.startswith("that CNN asked her") and quote.speaker_name == "Heather Johnston"


@pytest.mark.parametrize("opening", ["That said", "That being said", "Having said that"])
def test_concessive_that_said_is_no_report(analyse, opening):
    a = analyse(f"{opening}, the mayor said he would run again.")
    assert [(q.cue, source_text(a, q), q.text) for q in a.quotes] == [("said", "the mayor", "he would run again")]


def test_a_preposition_left_without_its_object_is_no_content(analyse):
    a = analyse("Nate Cohn looked at the polls. If whites who often vote for the more conservative Democrat were moving "
                'his way, Cohn wrote, "the assumption that Mrs. Clinton will easily maintain her strength may be '
                'shakier than once thought."')
    assert all(q.text.strip() != "for" for q in a.quotes)
    assert source_text(a, by_start(a, "the assumption")) == "Cohn"


def test_report_in_a_when_clause_is_its_own_and_ends_the_outer_content(analyse):
    a = analyse('Sanders appeared to dismiss the email issue in October, when he told Clinton at a debate that '
                'Americans were "sick and tired of hearing about your damn emails."')
    assert by_cue(a, "to dismiss").text == "the email issue in October"
    told = by_cue(a, "told")
    assert told.text.startswith("that Americans were") and source_text(a, told) == "he"


def test_reportedly_on_a_reporting_verb_leaves_the_verb_its_subject(analyse):
    a = analyse("Last year, the mayor played down the complaints and reportedly argued that a fight would only help "
                "his rival.")
    quote = by_start(a, "that a fight")
    assert source_text(a, quote) == "the mayor" and quote.cue == "reportedly argued"


def test_any_verb_introducing_a_quote_after_a_comma_is_its_cue(analyse):
    a = analyse('In the spring, Maria Lopez emphatically proclaimed at a press conference, "I did not send any '
                'secret files to anyone."')
    quote = by_start(a, "I did not send")
    assert quote.speaker_name == "Maria Lopez" and quote.cue == "emphatically proclaimed"


def test_a_clause_before_a_semicolon_is_not_the_next_verbs_content(analyse):
    a = analyse("Senator Tom Lopez backs a tax on all income groups; Mrs. Anna Berg seeks a smaller tax on the "
                "wealthy.")
    assert source_text(a, by_start(a, "a smaller tax")) == "Mrs. Anna Berg"
    assert source_text(a, by_start(a, "a tax on all")) == "Senator Tom Lopez"


def test_a_clause_after_a_dash_alone_is_the_parenthetical_cues_content(analyse):
    a = analyse("The allies resent the idea that he is to blame for the feud — it is a two-way street, they insist.")
    assert by_cue(a, "insist").text == "it is a two-way street"


def test_with_absolute_clause_is_its_own_report(analyse):
    a = analyse("Most voters shrugged off the choice, with many saying the pick would not change their vote.")
    assert by_cue(a, "shrugged off").text == "the choice"
    assert source_text(a, by_cue(a, "saying")) == "many"


def test_inverted_determiner_source_after_a_quote(analyse):
    a = analyse('Two readers wrote in about the roads.\n"The buses never come on time, and nobody cares," said one.')
    assert source_text(a, by_start(a, "The buses")) == "one"


def test_possessive_pronoun_of_an_object_noun_with_a_participle_is_the_subject(analyse):
    a = analyse("Anna Berg spoke to reporters. Later, she revised her statement explaining that she had not seen "
                "the letters.")
    quote = by_cue(a, "explaining")
    assert source_text(a, quote) == "she" and quote.speaker_name == "Anna Berg"


def test_inverted_read_names_the_text_read_as_source(analyse):
    a = analyse('"Our team took notes on her life and used some of her own phrases," read the statement, which was '
                'sent by Tom Miller.\n"There are fence posts with more backbone than the senator," reads an '
                'editorial in The Daily Ledger.')
    assert source_text(a, by_start(a, "Our team")) == "the statement"
    assert source_text(a, by_start(a, "There are fence")) == "an editorial in The Daily Ledger"


def test_by_agent_hung_on_a_noun_is_the_passive_verbs_source(analyse):
    a = analyse("Lopez has been attacked on the speeches by Anna Berg, who cites them as evidence.\n"
                "Ali was confirmed as another one of the passengers by the deputy foreign minister, Sami Haddad.")
    attacked = by_cue(a, "has been attacked")
    assert attacked.speaker_name == "Anna Berg" and attacked.text == "on the speeches"
    assert by_cue(a, "was confirmed").speaker_name == "Sami Haddad"


def test_a_conjoined_passive_takes_its_agent_not_the_borrowed_subject(analyse):
    a = analyse("He grew up in a small town and was nominated to the bench in 2010 by the governor.")
    assert source_text(a, by_cue(a, "was nominated")) == "the governor"


def test_participle_after_a_comma_is_the_clause_subjects(analyse):
    a = analyse("The party chairman, Kelly Armstrong, called for a voice vote, and then a visual vote, declaring "
                "after both that the request was denied.")
    assert by_cue(a, "declaring").speaker_name == "Kelly Armstrong"


def test_infinitive_on_a_thing_is_done_by_the_clause_subject(analyse):
    a = analyse("Tom Lopez, the doctor who ran last year, used part of his address to call Mrs. Berg a radical.\n"
                "As he has done before, Lopez pivoted with every answer to talk about the economy.")
    assert by_cue(a, "to call").speaker_name == "Tom Lopez"
    assert by_cue(a, "to talk").speaker_name == "Tom Lopez"


def test_floating_quantifier_leaves_the_names_as_source(analyse):
    a = analyse("The field is split, with Tom Lopez, Anna Berg and Sam Ortiz all calling for a strong rule.")
    assert source_text(a, by_cue(a, "calling")) == "Tom Lopez, Anna Berg and Sam Ortiz all"


def test_participle_between_two_quoted_pieces_goes_on_with_the_first_reporter(analyse):
    a = analyse('On the radio the day before, Anna Berg stated, "Without the bridge, the town would have been cut '
                'off for weeks," adding, "I think maybe a thousand people would have left."')
    assert by_start(a, "Without the bridge").speaker_name == "Anna Berg"


def test_a_name_line_listing_names_is_no_quote(analyse):
    a = analyse("The insiders are listed below.\nOhio: Tim Albers, Brad Anders, Rob Barr, Jeff Boyd, Bonnie Camp.\n"
                "Lopez: We will win, and nobody can stop us.")
    assert [(q.cue, source_text(a, q)) for q in a.quotes] == [(":", "Lopez")]


def test_inverted_said_after_a_misparsed_fronted_clause(analyse):
    a = analyse('The promise to "bring jobs back" and "fix the roads" appeals to older voters who wish for a '
                'return to an era when a diploma was not needed, said Tom Lopez, a historian at Ohio State.')
    quote = by_cue(a, "said")
    assert quote.speaker_name == "Tom Lopez" and quote.text.startswith("The promise to")
    assert source_text(a, quote) == "Tom Lopez, a historian at Ohio State"


def test_quote_after_an_issued_statement_is_the_issuers(analyse):
    a = analyse('Immediately after the storm, Tom Lopez issued a statement, "Last night, our city was hit hard. '
                'My thoughts are with the families."')
    quote = by_start(a, "Last night")
    assert quote.speaker_name == "Tom Lopez" and quote.cue == "statement"


def test_quote_after_another_speakers_quote_takes_the_report_right_before_it(analyse):
    a = analyse('"The council has run out of ideas," said Tom Berg, a former mayor of Riverton.\n\n'
                'The historian Mary Olsen agreed. "The town needs a plan before the winter."\n\n'
                'Or maybe the bridge, the planner Anna Reyes says. "Several studies point to a second crossing. '
                'The money is there."')
    assert by_start(a, "The council").end < by_start(a, "The town needs").start  # not one quote of Berg's
    assert by_start(a, "The town needs").speaker_name == "Mary Olsen"
    assert by_start(a, "Several studies").speaker_name == "Anna Reyes"


def test_you_is_never_a_speaker(analyse):
    a = analyse("If you want to understand the vote, read the report. The mayor said the vote was fair.\n"
                "Do you support the mayor? Like the page.")
    assert [source_text(a, q) for q in a.quotes if q.cue == "want"] in ([], [None])  # the reader, nobody's report
    assert source_text(a, by_start(a, "the vote was fair")) == "The mayor"
    assert not [q for q in a.quotes if q.text.startswith("the mayor")]  # the writer's question to the reader


def test_a_line_label_names_a_speaker_only_when_it_names_someone(analyse):
    a = analyse("How to make the cake.\nButter: two tablespoons, melted.\n"
                "Step One: Preheat the oven to 180 degrees and grease the pan.\n"
                "Disclosures: The author owns shares in the bakery.\nLopez: We will win, and nobody can stop us.")
    label_quotes = {source_text(a, q): q.speaker_name for q in a.quotes if q.cue == ":"}
    assert label_quotes == {"Butter": None, "Disclosures": None, "Lopez": "Lopez"}


def test_a_line_label_names_an_organisation_or_a_publication_but_not_a_place(analyse):
    a = analyse("Budget vote.\nAmnesty International: The prisoners were beaten in the jail for years.\n"
                "Gallup Poll: Most voters back the plan for a new bridge.\n"
                "In Iowa: Voters turned out in the snow for the caucus.\nTo Voters: We will win and nobody can stop us.")
    label_quotes = {source_text(a, q): q.speaker_name for q in a.quotes if q.cue == ":"}
    assert label_quotes == {"Amnesty International": "Amnesty International", "Gallup Poll": "Gallup Poll"}


def test_a_credit_line_after_a_dash_names_the_speaker(analyse):
    a = analyse('Overheard at the convention.\n\n"The whole idea of a crooked mayor is something we hear about all '
                'the time, and it needs to stop."\n\n-Michelle Marks, Riverton.\n\nThe vote is on Friday.')
    quote = by_start(a, "The whole idea")
    assert quote.speaker_name == "Michelle Marks" and source_text(a, quote) == "Michelle Marks"


def test_speaker_found_in_the_sentence_when_a_title_in_quote_marks_cuts_the_frame(analyse):
    a = analyse('Later on Sunday, Anna Berg shared a syllabus for a 2002 class called "Perception" on her Facebook '
                'page, writing "Allow me also to do the research for the reporter. Here is a syllabus for the class."')
    quote = by_start(a, "Allow me")
    assert quote.cue == "writing" and quote.speaker_name == "Anna Berg"


def test_an_adjunct_report_after_a_quotes_frame_does_not_take_the_quote(analyse):
    a = analyse("The mayor did not hesitate. ''Well, I would say that everybody should be heard at first until "
                "the facts are known,'' she said, with a smile, as the crowd applauded.")
    quote = by_start(a, "Well, I would say")
    assert quote.cue == "said" and source_text(a, quote) == "she"


def test_a_longer_phrase_with_a_determiner_before_a_manner_verb(analyse):
    a = analyse('Anna Berg spoke first. "Will she be the next mayor of this town?" a volunteer in the '
                'hall wondered.')
    quote = by_start(a, "Will she be")
    assert quote.cue == "wondered" and source_text(a, quote) == "a volunteer in the hall"


def test_a_quote_after_an_opening_question_is_not_run_back_over_it(analyse):
    a = analyse('The imam spoke on Monday. Asked what he personally believed about the plan, he said, '
                '"It is the wrong thing to do."')
    quote = by_cue(a, "said")
    assert quote.text.startswith("It is the wrong thing") and source_text(a, quote) == "he"


def test_a_report_before_an_unattributed_quote_keeps_its_own_clause(analyse):
    a = analyse('The minister visited the plant on Monday. Garcia says too many workers are leaving the region '
                'for good. "They cannot find homes here." The plant employs 400 people.')
    assert by_start(a, "too many workers").speaker_text == "Garcia"
    assert by_start(a, "They cannot find homes").speaker_text == "Garcia"


def test_appearing_somewhere_is_no_report(analyse):
    a = analyse("The senator appeared on a morning show in Denver on Monday. "
                "Her rival seemed to enjoy the attention.")
    assert not any("morning show" in q.text for q in a.quotes)
    assert any(q.text.startswith("to enjoy the attention") for q in a.quotes)


def test_showing_up_somewhere_is_no_report(analyse):
    a = analyse("Hundreds of supporters showed up at the rally in Ohio on Friday. "
                "A new poll showed that voters want change.")
    assert not any("the rally" in q.text for q in a.quotes)
    assert any(q.text.startswith("that voters want change") for q in a.quotes)


def test_a_verb_after_a_closed_off_subordinate_clause_takes_the_main_subject(analyse):
    a = analyse("Mayor Dana Price jumped onto her Twitter account — as she so often does — and retweeted a post "
                "from a supporter.")
    assert by_start(a, "a post from a supporter").speaker_name == "Dana Price"


def test_a_date_after_the_object_is_not_what_was_reported(analyse):
    a = analyse("Senator Mary Hill rejected the proposal on Tuesday.")
    assert [q.text for q in a.quotes] == ["the proposal"]


def test_a_second_that_clause_of_the_same_verb_is_one_report(analyse):
    a = analyse("The governor said the state needs to fix its roads, but that he would not support a new fuel tax.")
    assert [q.text for q in a.quotes] == ["the state needs to fix its roads, but that he would not support a new fuel tax"]


def test_a_speech_verb_conjoined_to_the_reported_clause_is_the_reporters_second_report(analyse):
    a = analyse('Mayor Lena Ortiz said it was too early to count the votes but added, "We know we have won." '
                "Mark Hale said the budget is already short and asked whether the council could find more money.")
    said, added = by_cue(a, "said"), by_cue(a, "added")
    assert said.text == "it was too early to count the votes" and added.speaker_name == "Lena Ortiz"
    assert by_start(a, "whether the council").speaker_name == "Mark Hale"
    assert by_start(a, "the budget is already short").text == "the budget is already short"


def test_a_verbs_object_ends_before_a_conjoined_verb_phrase(analyse):
    a = analyse("In 2010, Mayor Tom Reed had voiced support for a citywide bus plan and called himself a centrist, "
                "stances that he has since dropped.")
    assert by_cue(a, "had voiced").text == "support for a citywide bus plan"
    assert by_cue(a, "called").text.startswith("himself a centrist")


def test_a_report_in_a_relative_clause_without_a_pronoun_reports_the_noun(analyse):
    a = analyse("Mayor Ana Cruz has one argument she often mentions on the campaign trail. "
                "It was the year she spoke about taxes.")
    quote = by_cue(a, "often mentions")
    assert quote.text == "one argument" and quote.speaker_text == "she"
    assert not any(q.text.startswith("the year") for q in a.quotes)


def test_a_name_in_quote_marks_inside_the_speakers_phrase_leaves_the_report_its_clause(analyse):
    a = analyse('On Monday, Ion Petrescu, the forger known as "Maestro," stated that he had copied the paintings.')
    quote = by_cue(a, "stated")
    assert quote.text == "that he had copied the paintings" and quote.speaker_name == "Ion Petrescu"


def test_a_passive_participle_on_a_noun_is_reported_by_its_by_agent(analyse):
    a = analyse("In 2008, the party launched its initiative against legislative changes proposed by the government "
                "concerning naturalization.")
    assert source_text(a, by_cue(a, "proposed")) == "the government"  # not the changes proposed
    a = analyse("The bank settled with several firms sued by the civil rights group for targeting black borrowers.")
    assert source_text(a, by_cue(a, "sued by the civil rights group for")) == "the civil rights group"


def test_a_second_report_whose_subject_the_parse_conjoined_to_the_first_clause(analyse):
    a = analyse("One in three said the party doesn’t care very much about the Latino community and one in four "
                "said the party was outright hostile to the Latino community.")
    first, second = sorted(a.quotes, key=lambda q: q.start)
    assert a.text[first.start:first.end].endswith("the Latino community")  # not "... and one in four"
    assert source_text(a, second) == "one in four"


def test_a_quantifier_the_parse_read_as_a_modifier_of_the_cue_is_its_subject(analyse):
    a = analyse("That attitude, many argue, could carry constitutional implications. On economic issues, "
                "more call themselves conservative than liberal.")
    assert source_text(a, by_cue(a, "argue")) == "many"
    assert source_text(a, by_cue(a, "call")) == "more"


def test_a_quote_ending_a_sentence_of_the_writer_is_not_the_last_speaker_going_on(analyse):
    a = analyse('"Sometimes us ex-diplomats need our fix!" Clinton said to People.\n\n'
                'Bernie Sanders, the Vermont senator who is challenging Clinton, enjoys "Modern Family."')
    quote = by_start(a, "Modern Family")
    assert quote.speaker == "Bernie Sanders"  # not Clinton, whose quote came before


def test_an_inverted_report_closing_the_sentence_reports_the_words_before_it(analyse):
    a = analyse('The rejection of the treaty signals "the beginning of the end" for the EU, said Geert Wilders, '
                'founder of the right-wing Dutch Party for Freedom.')
    quote = by_cue(a, "said")
    assert a.text[quote.start:quote.end].startswith("The rejection of the treaty")
    assert quote.speaker == "Geert Wilders"


def test_an_inverted_report_the_parse_conjoined_to_the_clause_before_reports_it(analyse):
    a = analyse("In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure from Asian "
                "imports, said the company's chief executive, John J. Ferriola.")
    quote = by_cue(a, "said")
    assert a.text[quote.start:quote.end].startswith("In nearby Decatur")
    assert "John J. Ferriola" in source_text(a, quote)


def test_a_pro_form_the_parse_read_as_a_second_subject_is_what_was_said(analyse):
    a = analyse("Last month, 26 percent said the same.")
    quote = by_cue(a, "said")
    assert a.text[quote.start:quote.end] == "the same"
    assert source_text(a, quote) == "26 percent"


def test_a_said_clause_whose_subject_the_parse_read_as_the_object(analyse):
    a = analyse("Other Republicans echoed those comments, saying Obama's strategy -- airstrikes against Islamic "
                "State positions in Iraq and Syria and training local ground forces -- is inadequate to the threat.")
    quote = by_cue(a, "saying")
    assert a.text[quote.start:quote.end].startswith("Obama's strategy")
    assert a.text[quote.start:quote.end].endswith("is inadequate to the threat")
    assert source_text(a, quote) == "Other Republicans"
    a = analyse("So Labor Secretary Thomas Perez stopped writing his speech, packed up his papers and moved to the "
                "cramped last row.")
    assert all("packed" not in a.text[q.start:q.end] for q in a.quotes)  # the next act, not what he wrote


def test_a_title_in_quote_marks_inside_the_source_phrase_is_neither_speaker_nor_quote(analyse):
    a = analyse('James Van Der Beek shared a clip of his wife.\n\n'
                '"Hearing the heartbeat was something we never take for granted," the "Pose" actor previously '
                'said on the show.')
    quote = by_start(a, "Hearing the heartbeat")
    assert quote.speaker != "Pose" and quote.speaker_text != "Pose"
    assert source_text(a, quote) == 'the "Pose" actor'
    assert not any(q.text == "Pose" for q in a.quotes)  # the show's title names the actor, nobody said it

def test_a_reciprocal_or_reflexive_object_alone_is_no_reported_content(analyse):
    for text in ("The two leaders congratulated each other.", "They thanked each other after the vote.",
                 "He dubbed himself on Tuesday.", "The brothers praised one another."):
        a = analyse(text)
        assert not a.quotes, text
    a = analyse("He told reporters that they would support each other.")
    assert a.text[a.quotes[0].start:a.quotes[0].end] == "that they would support each other"




def test_that_is_according_to_reports_the_sentence_before(analyse):
    a = analyse("Teens love the new headphones more than ever before. That's according to a new survey from "
                "Piper Jaffray.")
    quote = by_cue(a, "according to")
    assert a.text[quote.start:quote.end] == "Teens love the new headphones more than ever before"
    assert "Piper Jaffray" in source_text(a, quote)


def test_a_participle_naming_a_thing_is_no_report(analyse):
    for text in ("They paid $332,000 to a company called Cambridge Analytica last year.",
                 "The lawsuit was filed by a former staffer named Bradley Podliska.",
                 "A group of Mexican comedians is performing a popular play called Sons of Trump in Mexico City."):
        a = analyse(text)
        assert not any(q.cue in ("called", "named") for q in a.quotes), text
    a = analyse("Bernie Sanders called Trump a pathological liar.")
    assert by_cue(a, "called").speaker == "Bernie Sanders"


def test_a_quote_without_a_cue_that_ends_the_writers_sentence_is_its_subjects(analyse):
    a = analyse('The campaign was quiet for a week.\n\n'
                'Clinton campaign manager Robby Mook released a memo titled "The Facts on Where the Race Stands Today."')
    quote = by_start(a, "The Facts on Where")
    assert quote.speaker == "Robby Mook"


def test_a_pronoun_after_a_sentence_whose_reporter_names_someone_else_is_the_reporter(analyse):
    # A real pile (HuffPost, 2023-11-09): the pronoun went to the person named last, the object of
    # the sentence before ("blasted Biden", "pilloried Zelenskyy"), not to its reporting subject.
    a = analyse("Florida Gov. Ron DeSantis even blasted President Joe Biden for trying to address Islamophobia, "
                "which he suggested is not a problem at all. “He is launching an initiative to combat so-called "
                "Islamophobia,” he said.")
    assert by_start(a, "He is launching").speaker_name == "Ron DeSantis"
    a = analyse("Entrepreneur Vivek Ramaswamy declared himself vindicated for supporting an end to military aid "
                "as he pilloried Ukrainian President Volodymyr Zelenskyy. Ukraine “has threatened not to hold "
                "elections this year. That is not democratic,” he said.")
    assert by_start(a, "has threatened").speaker_name == "Vivek Ramaswamy"
    # no report in the sentence before: the person named last, as before
    a = analyse('Senator Mary Jones met Governor Tom Smith on Monday. "We agreed on the budget," he said.')
    assert by_start(a, "We agreed").speaker_name == "Tom Smith"


def test_a_quote_goes_to_the_report_whose_clause_holds_it_not_the_nearest_cue_word(analyse):
    a = analyse('In December, the prince called for Trump to drop out of the race, calling him "a disgrace '
                'not only to the GOP but to all America."')
    called = by_cue(a, "called for")
    assert a.text[called.start:called.end] == "Trump to drop out of the race"
    assert by_cue(a, "calling").text.startswith('him "a disgrace')
    a = analyse('Trump denied the accusations through a spokeswoman, dismissing the woman as '
                '"a disgruntled former employee who was fired for cause."')
    assert a.text[by_cue(a, "denied").start:by_cue(a, "denied").end].startswith("the accusations")


def test_a_speech_participle_after_a_reported_clause_is_the_reporters_next_report(analyse):
    a = analyse("Republican front-runner Donald Trump is insisting that he has expanded the Republican party, "
                "claiming that he is responsible for higher voter turnout in the primary states.")
    insisting = by_cue(a, "is insisting")
    assert a.text[insisting.start:insisting.end] == "that he has expanded the Republican party"
    claiming = by_cue(a, "claiming")
    assert a.text[claiming.start:claiming.end].startswith("that he is responsible")
    assert claiming.speaker == "Donald Trump"
    a = analyse("If he wins the presidency, Donald Trump has indicated he would try to curb critics, vowing to open up "
                "libel laws, and suggesting he would require federal employees to sign nondisclosure agreements.")
    assert a.text[by_cue(a, "has indicated").start:by_cue(a, "has indicated").end] == "he would try to curb critics"
    assert by_cue(a, "vowing").speaker == "Donald Trump"
    assert by_cue(a, "suggesting").speaker == "Donald Trump"


def test_a_headline_naming_its_speaker_after_a_comma_reports_what_comes_before(analyse):
    a = analyse("Trump Is Like A Lawyer’s Dumbest Client Ever, Trevor Noah Says.\n\nThe comedian spoke on Monday.")
    quote = by_cue(a, "Says")
    assert quote.text.startswith("Trump Is Like A Lawyer")
    assert source_text(a, quote) == "Trevor Noah"
    a = analyse("Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Democratic Convention.\n\n"
                "Dean spoke on Monday.")
    quote = by_cue(a, "Tells")
    assert quote.text.startswith("Guns Are") and source_text(a, quote) == "Howard Dean"


def test_a_headline_saying_to_whom_or_where_before_the_colon_names_its_speaker(analyse):
    a = analyse("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nWASHINGTON - Clinton spoke on Friday.")
    quote = by_cue(a, ":")
    assert quote.text.startswith("Trump will reverse") and quote.speaker_text == "Clinton"
    a = analyse("Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.\n\nHe spoke on Monday.")
    assert by_cue(a, ":").text.startswith("Clinton email scandal")
    a = analyse("Focus on security: the mayor hopes to win the vote.\n\nMore follows.")
    assert not any(q.cue == ":" for q in a.quotes)


def test_a_headlines_source_phrase_before_the_colon_takes_where_it_was_said(analyse):
    a = analyse("Former AG Mukasey at RNC: Clinton email scandal disqualifies her for presidency.\n\nHe spoke on Monday.")
    quote = by_cue(a, ":")
    assert source_text(a, quote) == "Former AG Mukasey at RNC"
    assert quote.speaker_text == "Former AG Mukasey"


def test_to_a_person_opening_a_sentence_gives_that_persons_view(analyse):
    a = analyse("To Sharp, Trump is the kind man who saved her family's farm back in 1986.")
    quote = by_cue(a, "To")
    assert quote.text.startswith("Trump is the kind man") and source_text(a, quote) == "Sharp"
    for text in ("To date, the company has sold 400 units.", "To be sure, the plan has flaws.",
                 "To that, Smith added nothing."):
        assert not any(q.cue == "To" for q in analyse(text).quotes), text


def test_a_quoted_piece_with_its_own_attribution_after_it_is_a_quote_of_its_own(analyse):
    a = analyse('Mary Kunin spoke on Monday. "His normal demeanor is grumpy," she said, but despite the tone, '
                '"I think he will do it," said Kunin, who is a former governor.')
    first, second = by_start(a, "His normal demeanor"), by_start(a, "I think he will")
    assert first is not second and "I think" not in first.text
    assert source_text(a, first) == "she"
    assert source_text(a, second).startswith("Kunin")


def test_a_floating_both_after_an_aside_leaves_the_subject_before_the_aside_the_source(analyse):
    a = analyse("Republican establishment figures — whose party was once respected for its discipline and public "
                "unity — both suggested the speechwriter be fired.")
    assert source_text(a, by_start(a, "the speechwriter")).startswith("Republican establishment figures")


def test_a_conjoined_report_keeps_its_own_subject_the_parser_read_as_a_conjunct(analyse):
    a = analyse("If you don't believe your federal government, the Washington Post will brand you a liar and NBC "
                "News will accuse you of engaging in a freak out.")
    assert source_text(a, by_start(a, "you of engaging")) == "NBC News"


def test_words_fronted_before_a_report_set_off_by_commas_open_its_reported_clause(analyse):
    a = analyse("After the council rejected the budget last spring, Mayor Anna Reyes said, the plan would fail.")
    quote = by_start(a, "After the council")
    assert quote.text.endswith("the plan would fail") and quote.cue == "said"
    assert source_text(a, quote) == "Mayor Anna Reyes"
    assert [q.cue for q in a.quotes] == ["said"]  # the council's rejection is inside what she said
    a = analyse('In a statement, Mayor Anna Reyes said, "The plan would fail."')
    assert by_start(a, "The plan").cue == "said"  # the quoted words alone


def test_an_opening_according_to_attributes_the_clause_the_parser_hung_on_its_source(analyse):
    a = analyse("According to the Associated Press, 571 of the 714 Democratic superdelegates — a group made up of "
                "influential party leaders — supported Clinton, with less than 100 still uncommitted.")
    quote = by_start(a, "571 of the 714")
    assert quote.cue == "According to" and source_text(a, quote) == "the Associated Press"


def test_according_to_right_after_that_attributes_the_rest_of_the_reported_clause(analyse):
    a = analyse("Police officials said that, according to two witnesses, the man was armed.")
    quote = by_start(a, "that, according to")
    assert quote.cue == "said" and source_text(a, quote) == "Police officials"
    assert quote.text.endswith("the man was armed")


def test_a_participle_after_the_reported_clause_is_the_reporters_second_report(analyse):
    a = analyse("Mayor Anna Reyes argued that the plan was too costly, saying the delay hurt residents.")
    first, second = by_start(a, "that the plan"), by_start(a, "the delay hurt")
    assert first.text.rstrip(",. ").endswith("too costly")
    assert second.cue == "saying" and source_text(a, second) == "Mayor Anna Reyes"


def test_a_name_after_known_as_has_no_speaker_and_continues_no_quote(analyse):
    # "known as" gives a thing its name (PolNeAR: an attribution with no source): the thing named
    # is no speaker, and the quoted name is not more of the quote before it
    a = analyse('"We are grateful to every donor," director Jane Hollis said. The campaign, known as '
                '"Friends First," will run until June.')
    assert by_start(a, "We are grateful").text == "We are grateful to every donor,"
    assert by_start(a, "We are grateful").speaker_name == "Jane Hollis"
    assert all(q.speaker_text is None for q in a.quotes if "Friends First" in q.text)


def test_made_clear_without_it_reports_the_clause_the_parser_hung_on_the_verb(analyse):
    # "made clear that ..." (no "it"): the clause hangs on "made", and the subject made it clear
    a = analyse("Mayor Anna Reyes also made clear that she has not considered resigning.")
    quote = by_start(a, "that she has not")
    assert quote.cue == "made clear" and source_text(a, quote) == "Mayor Anna Reyes"


def test_a_source_phrase_with_quoted_words_in_it_is_still_the_source(analyse):
    # a scare-quoted or titled word inside the subject ('"Daily Show" host ...', 'a "super PAC"') is
    # part of the source phrase, not quoted words the parser took for a subject
    a = analyse('"Daily Show" host Trevor Noah on Thursday showed that the senator was given a chance to explain.')
    assert source_text(a, by_start(a, "that the senator")).endswith("Trevor Noah")
    a = analyse('Last week a "super PAC" supporting the governor spent heavily.')
    assert source_text(a, by_start(a, "the governor")) == 'a "super PAC"'


def test_a_verb_object_that_is_another_persons_statement_is_what_the_verb_reports(analyse):
    # "slammed Trump's comments": the comments are what Curbelo slammed (a noun cue as object is
    # left out only as one's own: "issued a statement", "made his remarks")
    a = analyse("Curbelo, in particular, has slammed Trump's comments about immigrants and Muslims.")
    quote = by_start(a, "Trump's comments")
    assert quote.cue == "has slammed" and source_text(a, quote) == "Curbelo"


def test_a_participle_on_a_recipient_after_to_is_done_by_the_recipient(analyse):
    # "handed $25 million to an outside group backing X": the group backs X, not the donors (the
    # issuer rule is for things issued: "wrote in a letter urging ...")
    a = analyse("Wealthy donors handed over $25 million last month to an outside group backing Senator Anna Reyes.")
    quote = by_start(a, "Senator Anna Reyes")
    assert quote.cue == "backing" and source_text(a, quote) == "an outside group"


def test_a_stance_adjective_tagged_a_participle_is_still_a_stance(analyse):
    # "convinced" after "are" is tagged a past participle: the stance adjective's frame still holds
    a = analyse("Many voters are convinced that the mayor could have accomplished much more.")
    quote = by_start(a, "that the mayor")
    assert quote.cue == "are convinced" and source_text(a, quote) == "Many voters"


def test_a_conjoined_verb_keeps_its_own_subject_the_parser_read_as_a_conjunct_for_any_verb(analyse):
    # "charged the officer with murder and Reyes fired her police chief, acknowledging ...": the
    # parser reads "Reyes" as a second object after "with"; she fired the chief and acknowledged
    a = analyse("Days later prosecutors charged the officer with murder and Reyes fired her police chief, "
                "acknowledging that many residents have lost trust in the force.")
    quote = by_start(a, "that many residents")
    assert quote.cue == "acknowledging" and source_text(a, quote) == "Reyes"


def test_a_verb_conjoined_after_a_quoted_aside_in_dashes_goes_on_with_the_first_clause(analyse):
    # 'Reyes suggested A - "B," she said - and charged that C': the parser hangs "charged" on the
    # aside's "said", but Reyes charged (PolNeAR marks the first clause's subject)
    a = analyse('Mayor Anna Reyes suggested that the plan was unserious - "We need the details," she said - and '
                'charged that the council would waste the money.')
    quote = by_start(a, "that the council")
    assert quote.cue == "charged" and source_text(a, quote) == "Mayor Anna Reyes"


def test_a_participle_on_people_named_as_an_object_is_done_by_them_not_the_issuer(analyse):
    # "unveiled an ad, featuring Hispanics telling their stories and criticizing X": the people the
    # ad features criticise X (the issuer rule is for things issued: "placed ads calling ...")
    a = analyse("Mayor Anna Reyes unveiled her first campaign ad, featuring Hispanics telling their family "
                "stories and criticizing Donald Trump's immigration proposals.")
    quote = by_start(a, "Donald Trump's immigration")
    assert quote.cue == "criticizing" and source_text(a, quote).startswith("Hispanics")


def test_a_verb_borrowing_it_as_subject_goes_to_the_person_it_acts_on(analyse):
    # "It took him most of a day to ..., then calling Yahoo News": he calls, not "It"
    a = analyse("It took him most of a day to formulate a comeback, delivering an apology to voters, then "
                "calling Yahoo News to ask readers to watch the interview.")
    quote = by_start(a, "Yahoo News")
    assert quote.cue.endswith("calling") and source_text(a, quote) == "him"


def test_a_reported_clause_ending_in_quoted_words_does_not_repeat_them(analyse):
    # Breaking News Today (htmldate-eval): the clause of "said" takes the quoted words that end it;
    # the last quoted unit was then added to the quote a second time
    a = analyse("He explained that scientists had employed radiocarbon dating.\n"
                "Congress representatives said the information had left them with “thoughts” and “concerns” "
                "and with the view to “continue talking about this”.\n")
    quote = by_start(a, "the information")
    assert quote.text.count("continue talking about this") == 1
    assert quote.text == a.text[quote.start:quote.end]


def test_a_source_described_by_an_appositive_is_the_person_named_before_it(analyse):
    # Breaking News Today (htmldate-eval): "Ryan Graves, a former US Navy pilot who asserted in July
    # that ..." was attributed to "US Navy", the organisation modifying "pilot"
    a = analyse("The event drew a crowd.\n"
                "Ryan Graves, a former US Navy pilot who asserted in July that the quantity of UFOs was "
                "significantly underreported, was also present at the event.\n"
                "John Park, a Reuters reporter who wrote that the deal was dead, left early.\n")
    assert by_start(a, "that the quantity").speaker_name == "Ryan Graves"
    assert by_start(a, "that the deal").speaker_name == "John Park"


def test_the_inch_sign_of_a_height_is_no_quote_mark(analyse):
    a = analyse('The suspect is 5\'10" tall and wore a red coat, police said on Monday. '
                '"He is dangerous and he is armed," the chief said.')
    assert by_start(a, "He is dangerous").speaker_name is None and source_text(a, by_start(a, "He is dangerous")) == "the chief"
    height = by_start(a, "The suspect is")
    assert height.kind == "indirect" and source_text(a, height) == "police"


def test_one_or_two_quoted_words_in_the_writers_sentence_are_a_term_not_a_quote(analyse):
    a = analyse('Anna Berg wrote a novel last year. In "Second Spring," Berg gets into the spirit of the town.\n'
                'The army was giving weapons to the so-called "rebels" on Monday, the mayor said.\n'
                '"Disaster," the mayor said.')
    assert not [q for q in a.quotes if q.text.startswith(("Second Spring", "rebels"))]
    assert by_start(a, "Disaster").speaker_name is None and source_text(a, by_start(a, "Disaster")) == "the mayor"


def test_a_title_a_parsed_report_is_about_stays_its_content(analyse):
    a = analyse('Anna Berg spoke for an hour. Then Tom Reyes went on to promote "Second Spring," a show he hosts.')
    assert [q for q in a.quotes if "Second Spring" in q.text]


def test_a_name_given_in_quote_marks_is_no_writers_term(analyse):
    a = analyse('The discovery was that Anna Berg had been using an alias email at work with the name "Mary Olsen," '
                'largely for personal mail.')
    assert [q for q in a.quotes if "Mary Olsen" in q.text]


def test_a_place_hyphened_to_a_descriptor_is_no_speaker(analyse):
    a = analyse('Tom Reyes spoke on Monday. "The plan will fail within a year," said a Washington-based expert.\n'
                "A Washington-based lobbyist said the bridge would cost twice as much.")
    quote = by_start(a, "The plan will fail")
    assert quote.speaker_name is None and source_text(a, quote) == "a Washington-based expert"
    report = by_start(a, "the bridge would cost")
    assert report.speaker_name is None and source_text(a, report) == "A Washington-based lobbyist"


def test_an_initial_run_into_the_surname_after_a_title_is_a_name(analyse):
    a = analyse('Shares fell. Mr T.Clayson said the firm would recover next year.\n'
                'The plant closed. "We lost a lot of money this year," said Mrs A.Reyes.')
    assert by_start(a, "the firm would recover").speaker_name == "T.Clayson"
    assert by_start(a, "We lost a lot").speaker_name == "A.Reyes"


def test_a_role_written_as_an_acronym_is_no_name(analyse):
    a = analyse('The firm lost money. "We will recover next year," said Anna Berg. "Sales are up," the CMO added.\n'
                'Shares fell. "We will grow again," CFO said on Monday.')
    assert by_start(a, "Sales are up").speaker_name is None and source_text(a, by_start(a, "Sales are up")) == "the CMO"
    assert by_start(a, "We will grow").speaker_name is None
    assert not [m for m in a.mentions if m.text in ("CMO", "CFO")]


def test_an_animals_name_is_no_speaker(analyse):
    a = analyse('The zoo opened on Monday with the panda Bao Bao. "I love the new bamboo trees here," Bao Bao said.\n'
                'Rex, the family dog, barked at the mayor. "He is not a good dog today," Rex said.')
    assert by_start(a, "I love the new").speaker_name is None
    assert by_start(a, "He is not a good dog").speaker_name is None
    assert not [m for m in a.mentions if m.text in ("Bao Bao", "Rex")]


def test_a_subheading_is_no_quote(analyse):
    a = analyse("Anna Berg and Tom Reyes met on Monday to talk about the bridge.\n\nHe said, she said\n\n"
                'The talks went badly. "We will not build it," Berg said.')
    assert not [q for q in a.quotes if q.text.startswith("she said")]
    assert by_start(a, "We will not build it").speaker_name == "Anna Berg"


def test_he_and_she_resolve_to_a_person_of_the_gender_the_article_gives(analyse):
    a = analyse('Mrs. Anna Berg met Mr. Tom Reyes on Monday. "We will win the vote next week," she said.\n\n'
                'Mary Olsen, a council spokeswoman, thanked Tom Reyes for the work. "The bridge is ready," he said.')
    assert by_start(a, "We will win").speaker_name == "Anna Berg"
    assert by_start(a, "The bridge is ready").speaker_name == "Tom Reyes"


def test_a_pronoun_never_resolves_to_a_name_first_given_after_it(analyse):
    a = analyse("Anna Berg spoke first. Berg will lose the vote, and she knows it, Mary Olsen said on Monday.")
    assert by_cue(a, "knows").speaker_name == "Anna Berg"


def test_a_headlines_speaker_starts_after_the_closing_quote_mark(analyse):
    a = analyse("Trade Talks Resume\nDeal Is a “Gift to China” Berg Says\nThe talks went on for a week.")
    quote = by_cue(a, "Says")
    assert source_text(a, quote) == "Berg" and quote.text.startswith("Deal Is a")
