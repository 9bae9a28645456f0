"""Attribution by dependency parse: for each reporting verb, its source (the subject phrase) and
its content (the complement clause), with exact character offsets.

Only sentences that hold a reporting-verb form or "according to" are parsed (tagger + parser, no
NER): the rest of the article never needs a parse, which keeps extraction fast. Rules follow the
PARC/PolNeAR reading of an attribution: source = the subject's whole noun phrase, cue = the verb,
content = the complement clause with its "that".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dossier.analyse.entities import is_headline
from dossier.analyse.gazetteer import CHROME_WORDS, fold
from dossier.analyse.parses import SentenceParses
from dossier.analyse.cues import (ACCORDING_TO, ATTRIBUTION_FORMS, ATTRIBUTION_LEMMAS, CLAUSE_LEMMAS, CUE_FRAMES,
                                  HOLDER_NOUNS,
                                  IN_POLL, NOUN_CUE_PREPOSITIONS, NOUN_CUES, POLL_NOUNS, RAISING_LEMMAS,
                                  RECEIVING_LEMMAS, RESTRICTED_NOUN_PREPOSITIONS, STANCE_ADJECTIVES, TIME_WORDS,
                                  attribution_lemma, cue_frames, find_attribution_forms, find_frame_cues,
                                  find_noun_cues, find_stance_adjectives, frame_lemma, is_attribution_form)
from dossier.model import Sentence

Span = tuple[int, int]
# Third-person forms written title-case in headlines ("Trump Says ..."); "Said" is left out, it is
# also a name. A cue before "To" reports an aim, not words ("Russia Seeks To Exert Influence").
HEADLINE_CUE = re.compile(r"\b(%s)\b(?! To\b)" % "|".join(sorted(
    {f.capitalize() for f in ATTRIBUTION_FORMS if f.endswith("s") and not f.endswith("ss")}, key=len, reverse=True)))
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# A verb whose own subject is missing borrows the subject of the verb it hangs from
# ("Trump spoke, adding that ...", "He smiled and said ...").
BORROWING_DEPS = ("advcl", "conj", "xcomp", "dep")  # "dep": "Clinton paused, then revealed ..." misparsed
# A reporting verb inside a relative or participle clause takes the noun it modifies as source
# ("officials who said ...", "a statement saying ...").
NOUN_MODIFIER_DEPS = ("relcl", "acl")
# Words right before the verb that belong to the cue ("also said", "has said", "did not mention").
CUE_MODIFIER_DEPS = ("aux", "auxpass", "neg", "advmod")
# What follows a source's head but is not part of the source phrase (dropping appositives and
# relative clauses too cost 6 points of exact source F1 on PolNeAR train).
SOURCE_ASIDE_DEPS = ("advcl",)
# Words that stand in a holder's place but name nobody ("it said", "which reported", "there were calls").
NAMELESS = frozenset({"it", "this", "that", "there", "which", "what"})
# Pronouns that open a relative clause ("a finish that he said defied expectations").
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
# Prepositions whose object, right before a gerund, is the gerund's subject ("with X calling ...").
GERUND_SUBJECT_PREPOSITIONS = frozenset({"with", "of", "about", "by"})
# Object pronouns that name a person.
PERSON_OBJECTS = frozenset({"him", "her", "them", "us", "me"})
# Verbs with an object whose subject still does what their infinitive says: a promise, a
# purpose ("used his speech to call for ...", "spent $80,000 to support"), a plea ("begged
# reporters to ask"); after other verbs the object does it ("led Priebus to declare"). Chosen on
# PolNeAR train.
SUBJECT_INFINITIVE_LEMMAS = frozenset({"promise", "use", "spend", "take", "beg"})
# Complements that carry what was said when there is no clause ("announced his candidacy",
# "urged Congress to act", "called for unity").
OBJECT_DEPS = ("dobj", "xcomp", "prep", "attr", "oprd", "dative")
# Verbs whose object is not what was said ("said on Tuesday", "continued in the spring"): they
# report only a clause or a quote. "find" with a plain object ("found himself in trouble", "find
# a way") was rarely a gold cue on PolNeAR train (cue_frames.tsv keeps no "find" object frame),
# except after a poll, study or report (FINDING_NOUNS); "posted" reports what was posted, not
# where ("was posted on Facebook").
CLAUSE_ONLY_LEMMAS = frozenset({"say", "continue", "conclude", "observe", "maintain", "add", "think",
                                "believe", "agree", "respond", "reply", "comment", "remark", "point",
                                "write", "tweet", "report", "note", "insist", "argue", "explain", "recall",
                                "find", "post"})
# Subjects whose "found" reports its object ("A Quinnipiac poll found Mr. Trump even with Mrs.
# Clinton", "One 2009 paper found improvements").
FINDING_NOUNS = frozenset({"poll", "survey", "study", "paper", "report", "analysis", "review", "investigation",
                           "inquiry", "audit", "research", "jury"})
# Of those, the verbs whose direct object is what was said ("explained the differences", "noted the
# dichotomy", "tweeted congratulations"); chosen on PolNeAR train.
NOUN_OBJECT_LEMMAS = frozenset({"explain", "note", "tweet", "report", "recall", "post"})
# Verbs whose "if"/"whether" clause is the question reported ("asked if ...", "wondered whether ...").
QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "doubt"})
# Verbs whose "that"-clause is a fact, not someone's statement ("The poll showed ... is already
# covered; "It means that", "The rule requires that").
NOT_REPORTING_LEMMAS = frozenset({"be", "have", "do", "make", "get", "require", "ensure", "mean", "happen",
                                  "seem", "appear", "turn", "prove", "so", "given", "provide"})
# Objects that stand for what was said, even after "say" ("said so", "said yes", "said the same").
PROFORM_OBJECTS = frozenset({"so", "yes", "no", "that", "this", "it", "same", "nothing", "something",
                             "anything", "much", "little"})
# Reflexive pronouns and the reciprocals: whom an act was done to ("thanked each other", "hurled
# himself"), never what was said. A plain object pronoun stays ("endorsed him", "attacking him":
# PolNeAR marks the target of a stance or attack as its content; dropping those too lost content
# recall on PolNeAR train `--start 5 --every 7`).
PERSON_OBJECT_PRONOUNS = frozenset({"himself", "herself", "themselves", "ourselves", "myself", "yourself", "yourselves"})
RECIPROCAL_FIRST = {"each": "other", "one": "another"}
# Verbs that give a name ("a company called X", "a staffer named Y").
NAMING_LEMMAS = frozenset({"call", "name", "dub", "title", "entitle", "nickname", "label", "brand", "term"})
# Prepositions of a time adjunct after such an object ("thanked each other after the vote").
WHEN_PREPOSITIONS = frozenset({"after", "before", "during", "since", "until"})
_EDGE = " \t,;:.-"
# Determiners that stand for a person of a group named before ('"...," tweeted another').
STANDING_DETERMINERS = frozenset({"another", "one", "others", "many", "some", "several", "most"})
# Quantifiers that stand alone for people as a subject ("many argue", "more call themselves ...").
QUANTIFIER_SUBJECTS = STANDING_DETERMINERS | {"more", "few", "fewer"}
# Subordinators opening an adverbial clause ("as he often does", "although he allowed that ...").
SUBORDINATORS = frozenset({"as", "although", "though", "while", "whereas", "because", "since"})
# Quantifiers that float after the noun they count ("X and Y both said", "with X, Y and Z all calling").
FLOATING_QUANTIFIERS = frozenset({"all", "both", "each"})
# Words that make a noun with an infinitive name its doer ("the first to endorse", "the only
# Republicans to vote against").
RANK_WORDS = frozenset({"first", "only", "last", "second", "third", "latest", "next", "sole"})
_DASHES = frozenset({"-", "--", "–", "—"})
_CLOSING_MARKS = frozenset({'"', "”", "''", "’"})
_OPENING_MARKS = frozenset({'"', "“", "``", "''", "‘"})
_OPENING_MARK_AT_END = re.compile(r"\s(?:''|[\"“‘])$")
_THAT = re.compile(r"\w \bthat\b")
_WITH = re.compile(r"\s+with\b", re.I)
# Adverbs that say a clause was reported, by nobody named (lower-case only: a headline is no report).
SOURCELESS_ADVERBS = frozenset({"reportedly"})
_SOURCELESS_ADVERB = re.compile(r"\b(?:%s)\b" % "|".join(SOURCELESS_ADVERBS), re.I)
# "To Sharp, Trump is the man who saved her farm": whose view the sentence gives; besides a name,
# a personal pronoun or a word for people ("To many, ...", "To anyone who follows the race, ...").
VIEW_HOLDERS = frozenset({"me", "us", "you", "him", "her", "them", "anyone", "everyone", "someone", "many",
                          "some", "others", "most"})
_IN_VIEW_OF = re.compile(r"\s*To [A-Z]")
_AS_PUT_IT = re.compile(r"\bas\b[^.;:]{1,80}?\bput(?:s|ting)? it\b", re.I)
# A dateline before the first words of a story: "WASHINGTON (AFP) -", "KABUL, Afghanistan (AP) —", "LONDON -",
# "RANGOON, Burma -", "CLEVELAND, July 19 (UPI) —".
_DATELINE_LEAD = re.compile(r"^(?:[A-Z][\w.'’]*(?:[ ,]+[A-Z][\w.'’]*)*(?:,? [A-Z][a-z]+\.? \d{1,2})?\s*\([\w .]+\)"
                            r"|[A-Z][A-Z.'’, ]+"
                            r"|[A-Z][A-Z.'’ ]+,(?: [A-Z][\w.'’]*)+)\s*[-–—]+\s*")
# Line labels that are not speakers ("UPDATE: ...", "Editor's note: ...").
LINE_LABELS = frozenset({"update", "updated", "exclusive", "breaking", "watch", "listen", "note", "editor s note",
                         "correction", "source", "sources", "related", "see also", "tags", "topics", "filed under",
                         "q", "a", "question", "answer", "warning", "disclaimer", "contact", "email", "phone",
                         "contributing", "twitter", "facebook", "instagram", "follow", "revealed", "photos", "video",
                         "read more", "the latest", "byline", "still to come", "wow"})
# A line whose speaker comes first, then a colon: "Trump: 'We Will Win'", "Pelosi: Russians hacked".
# The speaker is one to four capitalised words (a name, not a section label like "UPDATE").
_NAME = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}")
# A headline may say to whom, where or on what the speaker spoke before the colon: "Clinton to
# Planned Parenthood: ...", "Former AG Mukasey at RNC: ...", "Gillibrand on Hillary Releasing Her
# Speech Transcripts: ..." (every word of it capitalised but the small ones, _TITLE_WORD).
_COLON_HEADLINE = re.compile(rf"({_NAME.pattern})(?P<about> (?:to|at|on|To|At|On) [^:,;\n]{{1,80}}?)?(?P<colon>:) (?=\S)")
_TITLE_WORD = re.compile(r"[A-Z0-9‘'\"“]|(?:to|at|on|of|the|a|an|and|for|with|in|about|by|from|her|his|their)$")
# A headline's speaker after what they said: ", Trevor Noah " before the cue, or right after the
# closing quote mark ('Deal Is a "Gift to China" Berg Says'): the speaker starts after the mark.
_CLOSING_NAME = re.compile(rf"(?:[,;][’'\"”]?|[\"”])\s+(?P<name>{_NAME.pattern})\s+")
# A label ending in a number: a step or section ("Step One", "Part 2", "Round Three").
_NUMBERED = re.compile(r"\s(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)$", re.I)
# A label saying where or to whom, not who: "In Iowa:", "To Voters:", "At the Rally:".
_SETTING_LABEL = re.compile(r"(?:In|To|At|On|For|From|Inside|Outside|Across|Around|Near)\s")


@dataclass
class Attribution:
    cue: Span
    source: Span | None
    source_head: Span | None  # the head noun (or name) of the source phrase
    content: Span | None
    sentence: int
    passive: bool = False
    source_name: Span | None = None  # the last run of proper nouns in the source's head words
    # where another report's content stops: the start of the relative clause this report is in
    # ("moves that he said helped", see _relative_clause; "in October, when he told Clinton that ...")
    clause_start: int | None = None
    label: bool = False  # a "Name:" line label is the source (see _colon_attributions)


def attribution_sentences(normalised: str, sentences: list[Sentence]) -> list[Sentence]:
    """The sentences worth parsing for attribution: a reporting-verb form, "according to" or "that"."""
    return [s for s in sentences if find_attribution_forms(normalised, s.start, s.end)
            or ACCORDING_TO.search(normalised, s.start, s.end) or _THAT.search(normalised, s.start, s.end)
            or IN_POLL.search(normalised, s.start, s.end) or _AS_PUT_IT.search(normalised, s.start, s.end)
            or _SOURCELESS_ADVERB.search(normalised, s.start, s.end) or _IN_VIEW_OF.match(normalised, s.start, s.end)
            or find_noun_cues(normalised, s.start, s.end) or find_stance_adjectives(normalised, s.start, s.end)
            or find_frame_cues(normalised, s.start, s.end)]


def parse_attributions(normalised: str, sentences: list[Sentence], parses: SentenceParses) -> list[Attribution]:
    """Attributions of every sentence that has a reporting-verb form, in text order."""
    chosen = attribution_sentences(normalised, sentences)
    found = []
    for sentence, doc in zip(chosen, parses.docs(chosen)):
        found.extend(_sentence_attributions(doc, sentence))
    found.extend(_headline_attributions(normalised, sentences))
    found.extend(_colon_attributions(normalised, sentences))
    return sorted(found, key=lambda a: a.cue[0])


def _headline_attributions(normalised: str, sentences: list[Sentence]) -> list[Attribution]:
    """Title-case headlines the parser cannot read: "Pelosi Says Russians Hacked DNC"."""
    found = []
    for sentence in sentences:
        if not _title_line(normalised, sentence):
            continue
        match = HEADLINE_CUE.search(normalised, sentence.start, sentence.end)
        if match is None or match.group().lower() == "talks" and _WITH.match(normalised, match.end()):
            continue  # "Russia Hosts Talks with Taliban": whom one talks with is no content
        lead = max(normalised.rfind(":", sentence.start, match.start()) + 1, sentence.start)
        source = _strip(normalised, lead, match.start())
        content = _strip(normalised, match.end(), sentence.end)
        closing = next((m for m in _CLOSING_NAME.finditer(normalised, lead, match.start()) if m.end() == match.start()), None)
        if closing is not None:
            # "Guns Are 'The Ultimate Crisis,' Howard Dean Tells Convention": what was said comes
            # first, the speaker after the comma (whom it was told to is no content)
            source, content = closing.span("name"), _strip(normalised, lead, closing.start())
        if source and content and ":" not in normalised[content[0]:content[1]][:1]:
            found.append(Attribution(cue=(match.start(), match.end()), source=source, source_head=source,
                                     content=content, sentence=sentence.index, source_name=source))
    return found


def _title_line(normalised: str, sentence: Sentence) -> bool:
    """A headline: a title-case line of its own; a final full stop (some feeds end titles with
    one: "Another GOP Figure Endorses Hillary Clinton.") does not make it a sentence."""
    if is_headline(sentence):
        return True
    text = sentence.text.rstrip()
    alone = (sentence.start == 0 or normalised[sentence.start - 1] == "\n") and \
        normalised[sentence.start + len(text):sentence.start + len(text) + 1] in ("\n", "")
    return alone and text.endswith(".") and not text.endswith("..") and is_headline(replace(sentence, text=text[:-1]))


def _colon_attributions(normalised: str, sentences: list[Sentence]) -> list[Attribution]:
    """ "Name: what they said" at the start of a line (headlines, transcripts: "Rubio: I Still
    Believe ...", "JAKE TAPPER: ..."); the colon is the cue, the rest of the line the content."""
    found = []
    for sentence in sentences:
        if sentence.start > 0 and normalised[sentence.start - 1] != "\n":
            continue
        match = _COLON_HEADLINE.match(normalised, sentence.start, sentence.end)
        if match is None or fold(match.group(1)) in LINE_LABELS or fold(match.group(1)).split()[0] in CHROME_WORDS:
            continue
        line_end = normalised.find("\n", match.end())
        content = _strip(normalised, match.end(), line_end if line_end >= 0 else len(normalised))
        if content is None or not re.search(r"[^\W\d_]", normalised[content[0]:content[1]]):
            continue  # "Clinton: 1,769": a figure in a table or tally, not words said
        if _name_list(normalised[content[0]:content[1]]):
            continue  # "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a roster, not words said
        if _NUMBERED.search(match.group(1)):
            continue  # "Step One:", "Part 2:": a numbered section or step, nobody speaking
        if _SETTING_LABEL.match(match.group(1)):
            continue  # "In Iowa: Voters were asked ...": where or to whom, nobody speaking
        if match.group("about") and not all(_TITLE_WORD.match(word) for word in match.group("about").split()):
            continue  # "Focus on security: ...": a label in running text, not a headline's speaker
        name = match.span(1)  # the source phrase takes the setting too ("Former AG Mukasey at RNC")
        source = (name[0], match.end("about")) if match.group("about") else name
        found.append(Attribution(cue=match.span("colon"), source=source, source_head=name,
                                 content=content, sentence=sentence.index, source_name=name, label=True))
    return found


def _name_list(text: str) -> bool:
    """Whether a line is a list of three or more names and nothing else ("Tim Albrecht, Brad Anderson,
    Rob Barron")."""
    items = [item.strip() for item in re.split(r",|\band\b", text.rstrip(" .,")) if item.strip()]
    return len(items) >= 3 and all(_NAME.fullmatch(item) for item in items)


def _strip(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    start += len(piece) - len(piece.lstrip(_EDGE + "'\""))
    end -= len(piece) - len(piece.rstrip(_EDGE + "'\""))
    return (start, end) if end > start else None


def _sentence_attributions(doc, sentence: Sentence) -> list[Attribution]:
    out = []
    base = sentence.start
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            found = _according_to(doc, token, doc[token.i + 1], base, sentence.index)
        elif token.lower_ == "in" and token.dep_ == "prep" and _names_a_poll(token) \
                and (attribution_lemma(_host_verb(token)) not in ATTRIBUTION_LEMMAS  # "said so in the poll": the verb reports
                     or _fronted_before_subject(token, _host_verb(token))):  # "In a poll, 79 percent said ..."
            found = _according_to(doc, token, token, base, sentence.index, _host_verb(token))  # "In a new poll, ..."
        elif token.i == 0 and token.text == "To" and _in_view_of(token) is not None:
            found = _in_view_of(token)(base, sentence.index)
        elif token.text in SOURCELESS_ADVERBS and token.dep_ == "advmod" and token.head.pos_ in ("VERB", "AUX") \
                and not _reporting_verb(token.head):  # "he reportedly argued that ...": the verb's report, his
            found = _adverb(doc, token, base, sentence.index)
        elif token.pos_ in ("VERB", "AUX") and attribution_lemma(token) in ATTRIBUTION_LEMMAS and (
                is_attribution_form(token.text) or _opening_participle(doc, token)):
            found = _verb(doc, token, base, sentence.index)
        elif token.tag_ == "VBN" and token.dep_ == "acomp" and token.lower_ in STANCE_ADJECTIVES:
            found = _adjective(doc, token, base, sentence.index)  # "They are convinced that ...": tagged a participle
        elif _reports_a_clause(token) or _introduces_a_quote(token):
            found = _verb(doc, token, base, sentence.index)
        elif token.pos_ == "VERB" and _put_it(token) is not None and _as_clause(token):
            # "as X put it, ...": the clause was said; after a report of its own ("She pledges to
            # ..., as she put it") the report is the attribution
            host = _host_verb(token)
            found = None if host.i < token.i and attribution_lemma(host) in ATTRIBUTION_LEMMAS \
                else _verb(doc, token, base, sentence.index)
        elif token.pos_ == "VERB" and _learned_frame(token) is not None:
            found = _verb(doc, token, base, sentence.index, learned_only=True)
        elif token.pos_ == "NOUN" and (token.lower_ in NOUN_CUES or _learned_frame(token) is not None):
            found = _noun(doc, token, base, sentence.index)
        elif token.pos_ == "ADJ" and token.dep_ in ("acomp", "xcomp", "oprd") and (
                token.lower_ in STANCE_ADJECTIVES or _learned_frame(token) is not None):
            found = _adjective(doc, token, base, sentence.index)
        elif token.lower_ == "clear" and token.head.lemma_ == "make" and token.dep_ in ("acomp", "ccomp", "oprd"):
            found = _adjective(doc, token, base, sentence.index)  # "He made it clear that ..."
        else:
            continue
        if found is not None:
            out.append(found)
    return _without_according_to(doc, base, _without_relative_reports(doc, base, out))


def _without_relative_reports(doc, base: int, found: list[Attribution]) -> list[Attribution]:
    """Another report's content cut before a relative clause with a report of its own ("He
    praised Pence - moves that he said helped", "dismissed the issue in October, when he told
    Clinton that ..."): each word belongs to one attribution (PARC 3.0), and the clause is the
    inner one's."""
    for inner in [a for a in found if a.clause_start is not None]:
        for a in found:
            start = inner.clause_start
            if a is not inner and a.content and a.cue[0] < start and a.content[0] < start < a.content[1]:
                piece = doc.text[a.content[0] - base:start - base].rstrip(_EDGE)
                a.content = (a.content[0], a.content[0] + len(piece)) if piece else None
    return [a for a in found if a.content is not None]


def _opening_participle(doc, token) -> bool:
    """A capitalised past participle opening the sentence ("Asked about the deal, Ryan said ..."):
    a cue too ("Said" alone stays out: it is also a name)."""
    return token.i == 0 and token.tag_ == "VBN" and token.text != "Said" and is_attribution_form(token.lower_)


def _without_according_to(doc, base: int, found: list[Attribution]) -> list[Attribution]:
    """A verb's object or clause cut before an "according to" phrase that ends the sentence
    ("The department found 600 emails, according to Politico"): the phrase attributes the whole
    sentence, and is not part of what the verb reported."""
    phrases = [a.cue[0] for a in found if doc.text[a.cue[0] - base:a.cue[1] - base].lower() == "according to"
               and a.content and a.content[1] <= a.cue[0]]
    for a in found:
        cut = next((p for p in phrases if a.content and a.cue[0] < p and a.content[0] < p < a.content[1]), None)
        if cut is not None:
            piece = doc.text[a.content[0] - base:cut - base].rstrip(_EDGE)
            a.content = (a.content[0], a.content[0] + len(piece)) if piece else None
    return [a for a in found if a.content is not None]


def _inverted_subject(verb, children):
    """The subject right after a reporting verb that follows a comma ("..., said Tom Lopez"), where
    the parser also made the fronted clause's subject a subject of the verb: the speaker; None
    for any other parse."""
    doc = verb.doc
    after = next((c for c in children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
    before = any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in children)
    return after if after is not None and before and verb.i > 0 and doc[verb.i - 1].text == "," \
        and is_attribution_form(verb.lower_) else None


def _closing_inversion(verb, subject) -> bool:
    """Whether a reporting verb after a comma, with its subject right after it, closes its sentence
    ("..., but it is under intense pressure from imports, said the company's chief executive, John
    Ferriola."), which the parser hung on the clause before as a conjunct: it reports the words
    before the comma."""
    doc = verb.doc
    return subject is not None and subject.i > verb.i and subject.left_edge.i == verb.i + 1 and verb.i > 1 \
        and doc[verb.i - 1].text == "," and is_attribution_form(verb.lower_) and verb.dep_ != "ROOT" \
        and _closes_sentence(verb)


def _closes_sentence(verb) -> bool:
    """Whether only punctuation follows the verb's phrase ("..., said Geert Wilders.")."""
    return all(t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1:])


def _fronted_clause(doc, verb, base: int) -> Span | None:
    """The words before the comma of an inverted report, from the sentence's start, when they hold
    a clause (the parser hung its subject on the reporting verb)."""
    first = next((t.i for t in doc[:verb.i] if not t.is_punct and not t.is_space), None)
    if first is None:
        return None
    # a verb the tagger read as a noun ("The rejection of the treaty signals "the end" for the EU,
    # said Geert Wilders."): words the report closes the sentence after are what it reports
    closing = _closes_sentence(verb) and verb.i - 1 - first >= 4
    if not (_is_clause(doc, first, verb.i - 2) or closing):
        return None
    return _span(doc, first, verb.i - 2, base)


def _reporting_verb(token) -> bool:
    """Whether `token` is a reporting verb with its own attribution (a cue form of a cue lemma)."""
    return token.pos_ == "VERB" and attribution_lemma(token) in ATTRIBUTION_LEMMAS and is_attribution_form(token.text)


def _reports_a_clause(token) -> bool:
    """Any other verb with a "that"-clause and someone as subject states a belief or claim
    ("Democrats fear that ...", "He understood that ..."), as PARC 3.0 / PolNeAR mark them."""
    if token.pos_ != "VERB" or attribution_lemma(token) in NOT_REPORTING_LEMMAS:
        return False
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ not in ("it", "this", "that", "which", "there")


def _introduces_a_quote(token) -> bool:
    """Any verb with someone as subject whose clause is a quote opened after a comma or colon
    ("Clinton emphatically proclaimed at a press conference, "I did not ...""): the verb
    introduces it, whatever verb it is (news writers vary them)."""
    if token.pos_ != "VERB" or attribution_lemma(token) in NOT_REPORTING_LEMMAS:
        return False
    doc = token.doc

    def before(i: int) -> str:  # the token before, past spaces ("conference,\xa0"...")
        return next((t.text for t in reversed(doc[token.i + 1:i]) if not t.is_space), "")
    opened = any(c.dep_ == "ccomp" and c.i > token.i and doc[c.left_edge.i].text in _OPENING_MARKS
                 and before(c.left_edge.i) in (",", ":") for c in token.children)
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return opened and subject is not None and subject.lower_ not in NAMELESS


def _learned_frame(token):
    """The frame of `token` in which its lemma was learned as a cue (cues.CUE_FRAMES), with the
    token heading the complement: a clause first, then an infinitive, an object, a preposition's
    object (nearest first); None when it takes none of them here."""
    frames = CUE_FRAMES.get((token.pos_, frame_lemma(token)))
    if not frames:
        return None
    rank = {"ccomp": 0, "that": 0, "xcomp": 1, "to": 1, "dobj": 2}
    # an object that is itself a noun cue ("issued a statement", "made remarks") is not what was
    # said: its own clause or participle ("a statement saying ...") reports that
    found = [(rank.get(frame, 3), head.i, frame, head) for frame, head in cue_frames(token) if frame in frames
             and not (frame == "dobj" and head.lower_ in NOUN_CUES and not _owned_by_another(head, token))
             and not (frame.startswith("prep:") and _place_of_appearing(token, frame[5:]))]
    return min(found, key=lambda f: f[:2])[2:] if found else None


def _owned_by_another(noun, verb) -> bool:
    """Whether a noun cue that is a verb's object is owned by someone named other than the verb's
    subject ("Curbelo has slammed Trump's comments about immigrants"): the comments are what
    Curbelo slammed, not his own report (as "issued a statement", "made his remarks" are)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN" or noun.lower_ in HOLDER_NOUNS:  # "persuade Sanders' supporters": whom
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.lower_ != owner.lower_


def frame_holder(token):
    """Who would hold a cue frame of `token` (a verb's subject, a noun's holder, the subject of an
    adjective's copula), as the attribution rules find it; None when nobody is named. The frame
    counts (benchmarks/cue_frames_polnear.py) count only words with a holder, as only those
    become attributions."""
    if token.pos_ == "NOUN":
        holder = _noun_holder(token)[0]
    else:
        holder = _subject(token if token.pos_ == "VERB" else token.head)[0]
    return None if holder is None or holder.lower_ in NAMELESS else holder


def _frame_content(doc, frame, base: int):
    """The content of a learned frame and the last word of its cue (the preposition of
    "pointed to", "eager for")."""
    name, head = frame
    if name.startswith("prep:") and head.dep_ == "advcl":  # "called for the U.S. to act": the clause after "for"
        return _span(doc, head.left_edge.i + 1, head.right_edge.i, base), head.left_edge
    if name.startswith("prep:"):
        return _phrase(doc, head, base), head.head
    return (_clause(doc, head, base) if name in ("ccomp", "that") else _phrase(doc, head, base)), None


def _verb(doc, verb, base: int, index: int, learned_only: bool = False) -> Attribution | None:
    """A reporting verb's attribution; a verb known only from the learned frames (`learned_only`)
    reports only the complement of such a frame."""
    if _connective_participle(verb) or _concessive_said(doc, verb) or _naming_participle(verb):
        return None
    subject, passive = _subject(verb)
    if subject is None and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        # '"...," mused Blaze co-host Stu Burguiere': the parser reads the inverted subject as an object
        # ('"...," tweeted another', '... said one'): a determiner standing alone is one too
        subject = next((c for c in verb.rights if c.dep_ in ("dobj", "attr") and c.lower_ not in TIME_WORDS
                        and (c.pos_ in ("PROPN", "NOUN") or c.lower_ in STANDING_DETERMINERS)), None)
    if subject is None:
        subject = _name_read_as_modifier(doc, verb) or _subject_read_as_object(doc, verb) or _shared_subject(doc, verb) \
            or _subject_read_as_conjunct(doc, verb) or _quantifier_read_as_modifier(doc, verb)
    if subject is None and _as_clause(verb):
        return None  # "as noted above": the writer's own aside
    if attribution_lemma(verb) in RAISING_LEMMAS:
        if any(c.dep_ == "xcomp" and attribution_lemma(c) in ATTRIBUTION_LEMMAS or
               c.dep_ in ("acomp", "xcomp", "oprd") and c.lower_ in STANCE_ADJECTIVES for c in verb.children):
            return None  # "A review seems to show that ...", "Rubio seemed hopeful": the inner cue reports it
        subject = None  # "The plan seems to work": nobody is the source
    if _known_as(verb):
        subject = None  # "the campaign, known as "Friends First"": a name it goes by (PolNeAR: no source)
    inverted = None if learned_only else _inverted_speaker(doc, verb, subject)
    fronted, subject = (subject, inverted) if inverted is not None else (None, subject)
    source = _source_phrase(doc, subject, base) if subject is not None else None
    head = _head_words(subject, base) if subject is not None else None
    relative = None if learned_only else _relative_clause(doc, verb, subject, base)
    contact = None if learned_only else _contact_clause(doc, verb, subject, base)
    content, cue_end = (None if learned_only else relative or contact or _content(doc, verb, base)), None
    if fronted is not None:  # the words before the cue open the reported clause
        content = _span(doc, fronted.left_edge.i, verb.right_edge.i, base)
    inverted = _inverted_subject(verb, list(verb.children)) if content is None else None
    if inverted is not None and subject is not None and subject.i == inverted.i:
        content = _fronted_clause(doc, verb, base)  # "A appeals to voters who ..., said X": A
    if content is None and not learned_only and _closing_inversion(verb, subject):
        content = _fronted_clause(doc, verb, base)  # "A is hanging on, but B, said X.": A and B
    frame = _learned_frame(verb) if content is None else None
    if frame is not None:  # "pointed to the polls", "eager to run": a frame learned on PolNeAR train
        content, cue_end = _frame_content(doc, frame, base)
    if content is None and passive and subject is not None:
        # "Her view is shared by Warren", "Clinton's attacks were echoed by Democrats": the
        # passive subject is what was said, the agent its source
        said = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "which", "that", "who")), None)
        content = _phrase(doc, said, base) if said is not None else None
    if content is not None and not learned_only:
        content = _fronted_into_clause(doc, verb, content, base) or content
    if content is not None and _reflexive_object_only(doc, verb, content, base):
        return None  # "congratulated each other", "dubbed himself": whom it was done to, nothing said
    if content is None or learned_only and source is None:
        return None  # a learned frame with nobody holding it ("were welcomed in Moscow") is no report
    if passive and subject is not None and content[0] < base + subject.idx < content[1]:
        content = _before(doc, content, subject.head, base) or content  # "attacked on the speeches | by Sanders"
    source = _outside(doc, _after_dateline(doc, source, base), content, base, base + verb.idx)
    head = _after_dateline(doc, head, base) if source is not None else None
    first = verb
    while first.i > 0 and doc[first.i - 1].head.i == verb.i and doc[first.i - 1].dep_ in CUE_MODIFIER_DEPS \
            and (subject is None or first.i - 1 != subject.i):
        first = doc[first.i - 1]
    cue_end = cue_end or _put_it(verb)
    last = cue_end if cue_end is not None and cue_end.i > verb.i else verb
    cue = (base + first.idx, base + last.idx + len(last))
    particle = next((c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1), None)
    if particle is not None and last is verb:
        cue = (cue[0], base + particle.idx + len(particle))
    if source is not None and source[0] <= cue[0] < source[1]:
        # "a statement saying ...", "Clinton, who declared ...": the noun the clause hangs on
        piece = doc.text[source[0] - base:cue[0] - base].rstrip(_EDGE + "'\"")
        source = (source[0], source[0] + len(piece)) if piece else None
    name = _proper_name(doc, subject, base) if subject is not None else None
    if name is not None and (source is None or not source[0] <= name[0] < source[1]):
        name = None  # the proper name was in the dateline cut off the source
    when = verb.left_edge if verb.dep_ == "relcl" and verb.left_edge.lower_ in ("when", "where") \
        and verb.left_edge.dep_ == "advmod" and verb.left_edge.head.i == verb.i else None
    opener = when or _absolute_with(verb)
    clause_start = relative[0] if relative is not None else (base + opener.idx if opener is not None else None)
    return Attribution(cue=cue, source=source, source_head=head, content=content, sentence=index, passive=passive,
                       source_name=name, clause_start=clause_start)


def _fronted_into_clause(doc, verb, content: Span, base: int) -> Span | None:
    """The reported clause with the words fronted before a report set off by commas in the middle
    of the sentence ("After the court approved the law, Hebert said, most laws were thought safe",
    "At times last year, people close to him said, her name could make him fume"): the parser
    hangs them on the reporting verb, but the frame interrupts the sentence it reports, so they
    open the reported words (a report in them is inside the outer one). None when the report is not such an aside, when only a connective is
    fronted ("Still, he acknowledged, ...") or when the reported words are a quote."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or content[0] <= base + verb.idx:
        return None
    first, last = min(verb.i, subject.left_edge.i), max(verb.i, subject.right_edge.i)
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in ("advmod", "aux", "neg"):
        first -= 1  # "Smith later said", "he has said"
    if first < 2 or last + 2 >= len(doc) or doc[first - 1].text != "," or doc[last + 1].text != "," \
            or doc[last + 2].text in _OPENING_MARKS:
        return None  # '"In a statement, X said, "..."': the quoted words alone are what was said
    fronted = [c for c in verb.children if c.i < first - 1 and c.dep_ in ("advcl", "prep", "npadvmod", "advmod")]
    opening = next((t.i for t in doc[:first - 1] if not t.is_punct and not t.is_space), None)
    if not any(c.dep_ in ("advcl", "prep") for c in fronted) or opening is None or fronted[0].left_edge.i != opening \
            or any(t.head.i == verb.i and t.i not in {c.i for c in fronted} and not t.is_punct for t in doc[:first - 1]):
        return None
    return base + doc[opening].idx, content[1]


def _naming_participle(verb) -> bool:
    """Whether a bare participle of a naming verb on a noun gives the thing its name ("a company
    called Cambridge Analytica", "a former staffer named Bradley Podliska", "a play called "Sons
    of Trump""): the noun is named, nobody says anything (a "by" agent makes it a report: "a
    plan called reckless by critics")."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and attribution_lemma(verb) in NAMING_LEMMAS \
        and verb.head.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("aux", "auxpass", "agent") for c in verb.children)


def _known_as(verb) -> bool:
    """Whether "known" with an "as" phrase gives its noun a name ("the campaign, known as "Friends
    First,"", "is better known as"): PARC 3.0 / PolNeAR mark it as an attribution with no source,
    so the thing named is not one (nobody's words or belief)."""
    return verb.lower_ == "known" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) \
        and not any(c.dep_ == "agent" for c in verb.children)


def _reflexive_object_only(doc, verb, content: Span, base: int) -> bool:
    """Whether the content is only the verb's reflexive or reciprocal object ("each other", "one
    another", "themselves"), with at most a time after it ("after the
    vote", "on Tuesday"): whom the act was done to, no clause or thing said ("it", "that", "so"
    stand for what was said: PROFORM_OBJECTS; "described himself as X", "accused him of X" say X)."""
    tokens = [t for t in doc if content[0] <= base + t.idx < content[1] and not (t.is_punct or t.is_space)]
    if not tokens:
        return False
    first = tokens[0]
    if first.lower_ in RECIPROCAL_FIRST and len(tokens) > 1 and tokens[1].lower_ == RECIPROCAL_FIRST[first.lower_]:
        pronoun = tokens[:2]
    elif first.tag_ == "PRP" and first.lower_ in PERSON_OBJECT_PRONOUNS:
        pronoun = tokens[:1]
    else:
        return False
    if not any(t.head.i == verb.i and t.dep_ in ("dobj", "dative") for t in pronoun):
        return False
    for t in tokens[len(pronoun):]:
        while t.head.i != verb.i and t.head.i != t.i:
            t = t.head
        if t.head.i != verb.i or not (t.dep_ in ("advmod", "npadvmod") or t.dep_ == "prep" and (
                t.lower_ in WHEN_PREPOSITIONS or _time_adjunct(t))):
            return False  # "described himself as ...", "accused him of ...": what was said of them
    return True


def _before(doc, span: Span, token, base: int) -> Span | None:
    """`span` cut to end before `token` (None when nothing is left)."""
    piece = doc.text[span[0] - base:token.idx].rstrip(_EDGE)
    return (span[0], span[0] + len(piece)) if piece else None


def _inverted_speaker(doc, verb, subject):
    """The speaker of a cue set off by commas inside its clause ("And Trump, said Sunshine, who
    knows him, doesn't forgive", "Part of the problem, say experts, is the ground"), which the
    parser reads with the fronted words as the cue's subject and the speaker as the subject of the
    clause after it; None for any other parse."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if subject is None or clause is None or not subject.i < verb.i or doc[verb.i - 1].text != "," \
            or not is_attribution_form(verb.lower_):
        return None
    speaker = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
    last = speaker.right_edge.i if speaker is not None else len(doc)  # a relative clause may end with its comma
    return speaker if last < clause.i and "," in (doc[last].text, doc[last + 1].text) else None


def _relative_clause(doc, verb, subject, base: int) -> Span | None:
    """A report in a relative clause whose pronoun is not its subject ("a finish that he said
    defied expectations", "Christie, whom he describes as tough"): the pronoun stands for what
    was said, so the content runs from it to the clause's end and the source is the clause's own
    subject (PolNeAR train marks them so; the outer report's content stopped short of them)."""
    first = verb.left_edge
    if verb.dep_ != "relcl" or subject is None or subject.head.i != verb.i or subject.dep_ not in SUBJECT_DEPS \
            or first.lower_ not in RELATIVE_PRONOUNS or first.tag_ not in ("WDT", "WP") or first.dep_ == "mark" \
            or first.i == subject.i or subject.lower_ in NAMELESS:
        return None
    return _span(doc, first.i, verb.right_edge.i, base)


def _contact_clause(doc, verb, subject, base: int) -> Span | None:
    """A report in a relative clause without a pronoun whose object is the noun it modifies ("a
    fact he frequently mentions on the campaign trail", "something he denied to me"): the noun is
    what was said, not the phrase after the verb; not a time ("a year Trump spoke about ...")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PRON") or noun.ent_type_ in ("DATE", "TIME") \
            or noun.lower_ in TIME_WORDS or subject is None or subject.head.i != verb.i \
            or subject.dep_ != "nsubj" or subject.tag_ in ("WDT", "WP") or not noun.i < subject.left_edge.i \
            or any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") or c.tag_ in ("WDT", "WP") for c in verb.children):
        return None
    return _span(doc, noun.left_edge.i, noun.i, base)


def _connective_participle(verb) -> bool:
    """ "compared with/to" used as a preposition ("50 percent, compared with 23 percent in June"):
    a bare participle, with no auxiliary or subject of its own, compares figures; nobody compares."""
    return verb.tag_ == "VBN" and attribution_lemma(verb) == "compare" \
        and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in verb.children)


def _concessive_said(doc, verb) -> bool:
    """ "That said, ...", "That being said, ...", "Having said that, ...": a connective opening
    the sentence (nevertheless), no report; the clause after the comma has reports of its own."""
    if verb.lower_ != "said":
        return False
    opening, after = [t.lower_ for t in doc[:verb.i]], [t.lower_ for t in doc[verb.i + 1:verb.i + 3]]
    return opening in (["that"], ["this"], ["that", "being"]) and after[:1] == [","] or \
        opening == ["having"] and after == ["that", ","]


def _noun(doc, noun, base: int, index: int) -> Attribution | None:
    """A noun cue with its complement and its holder: "his claim that ...", "support for the
    bill among Democrats", "Democrats raised questions about the deal" (PARC 3.0 noun cues)."""
    content, cue_end = None, noun
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and
                   any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if noun.lower_ not in NOUN_CUES:
        pass  # a noun known only from the learned frames
    elif clause is not None:
        content = _phrase(doc, clause, base)
    else:
        for prep in noun.rights:
            word = prep.lower_
            if prep.dep_ != "prep" or word not in NOUN_CUE_PREPOSITIONS or \
                    noun.lower_ not in RESTRICTED_NOUN_PREPOSITIONS.get(word, NOUN_CUES - HOLDER_NOUNS):
                continue
            objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objects and objects[0].lower_ not in TIME_WORDS:
                content, cue_end = _phrase(doc, objects[0], base), prep
                break
    frame = _learned_frame(noun) if content is None else None
    if frame is not None:  # "his endorsement of Trump", "the speculation that ...": learned on PolNeAR train
        content, last = _frame_content(doc, frame, base)
        cue_end = last or noun
    cue_start = noun
    if content is None and noun.lower_ in NOUN_CUES and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING_LEMMAS:
        # "The bill has drawn criticism from Democrats": the subject is what the holder criticised
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ not in ("it", "this", "that", "which", "who"):
            content, cue_start = _phrase(doc, subject, base), noun.head
    if content is None:
        return None
    holder, passive = _noun_holder(noun, noun.head if cue_start is not noun else None)
    if holder is None or holder.lower_ in NAMELESS:
        return None
    # a possessor, or the noun the cue is in apposition to: only the words before the cue
    before = holder.dep_ == "poss" or noun.dep_ == "appos"
    source = _span(doc, holder.left_edge.i, holder.i, base) if before else _source_phrase(doc, holder, base)
    source = _outside(doc, source, content, base, base + noun.idx)
    if source is None:
        return None
    return Attribution(cue=(base + cue_start.idx, base + cue_end.idx + len(cue_end)), source=source,
                       source_head=_head_words(holder, base), content=content, sentence=index, passive=passive,
                       source_name=_proper_name(doc, holder, base))


def _adverb(doc, adverb, base: int, index: int) -> Attribution | None:
    """ "Khoga was reportedly on that trip": the clause the adverb hangs on was reported, by
    nobody named (PolNeAR marks the adverb as cue, the whole clause as content, no source)."""
    verb = adverb.head
    content = _span(doc, verb.left_edge.i, verb.right_edge.i, base)
    if content is None or not _is_clause(doc, verb.left_edge.i, verb.right_edge.i):
        return None
    return Attribution(cue=(base + adverb.idx, base + adverb.idx + len(adverb)), source=None, source_head=None,
                       content=content, sentence=index)


def _in_view_of(to):
    """ "To Sharp, Trump is the man who saved her family's farm": a sentence opened by "To" and a
    person (a name or a pronoun) set off by a comma gives that person's view (PolNeAR marks "To"
    the cue, the person the source, the clause after the comma the content); a maker of the
    attribution, or None ("To date, ...", "To be sure, ...", "To win, he must ..." name nobody)."""
    doc = to.doc
    person = next((c for c in to.children if c.dep_ == "pobj"), None)
    if person is None or not (person.pos_ == "PROPN" or person.ent_type_ == "PERSON" or person.lower_ in VIEW_HOLDERS) \
            or person.ent_type_ in ("DATE", "TIME") or person.right_edge.i + 2 >= len(doc) \
            or doc[person.right_edge.i + 1].text != ",":
        return None
    first, last = person.right_edge.i + 2, len(doc) - 1
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if not _is_clause(doc, first, last):
        return None

    def make(base: int, index: int) -> Attribution | None:
        content = _span(doc, first, last, base)
        source = _span(doc, person.left_edge.i, person.right_edge.i, base)
        head = _head_words(person, base)
        return Attribution(cue=(base + to.idx, base + to.idx + len(to)), source=source, source_head=head,
                           content=content, sentence=index, source_name=_proper_name(doc, person, base)) \
            if content is not None else None
    return make


def _adjective(doc, adjective, base: int, index: int) -> Attribution | None:
    """A stance adjective after a copula: "Rubio seemed hopeful that ...", "Democrats are
    skeptical of the deal"; the copula's subject is the source, the cue runs from the copula."""
    verb = adjective.head
    content, cue_end = None, adjective
    # the parser hangs the clause after "made it clear" as an adverbial or subject clause
    deps = ("ccomp", "advcl", "csubj") if adjective.lower_ == "clear" else ("ccomp",)
    clause = next((c for c in adjective.children if c.dep_ in deps and c.i > adjective.i), None)
    if clause is None and adjective.lower_ == "clear" and verb.lemma_ == "make":
        # "Emanuel made clear that he ...": without "it", the parser hangs the clause on "made"
        clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > adjective.i), None)
    if adjective.lower_ not in STANCE_ADJECTIVES and adjective.lower_ != "clear":
        pass  # an adjective known only from the learned frames
    elif clause is not None:
        content = _phrase(doc, clause, base)
    else:
        words = ("of", "about", "on", "to") if adjective.lower_ == "opposed" else ("of", "about", "on")
        prep = next((c for c in adjective.rights if c.dep_ == "prep" and c.lower_ in words), None)
        objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")] if prep is not None else []
        if objects:
            content, cue_end = _phrase(doc, objects[0], base), prep
    frame = _learned_frame(adjective) if content is None else None
    if frame is not None:  # "eager to run", "angry about the deal": learned on PolNeAR train
        content, last = _frame_content(doc, frame, base)
        cue_end = last or adjective
    subject, passive = _subject(verb)
    if content is None or subject is None or subject.lower_ in NAMELESS:
        return None
    source = _outside(doc, _source_phrase(doc, subject, base), content, base, base + verb.idx)
    if source is None:
        return None
    first = verb if verb.i < adjective.i else adjective
    return Attribution(cue=(base + first.idx, base + cue_end.idx + len(cue_end)), source=source,
                       source_head=_head_words(subject, base), content=content, sentence=index, passive=passive,
                       source_name=_proper_name(doc, subject, base))


def _noun_holder(noun, receiver=None):
    """Whose claim, support or question a noun cue is: its possessor ("Trump's claim"), the
    "by"/"from"/"among" phrase ("criticism from Democrats", also on the `receiver` verb: "drew
    criticism from Democrats"), or the subject of the verb it is the object of ("Democrats raised
    questions about ...")."""
    if noun.lower_ in HOLDER_NOUNS:
        return _named_holder(noun), False
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return _owner_as_subject(noun, owner) or owner, False
    for prep in list(noun.children) + (list(receiver.children) if receiver is not None else []):
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from", "among"):
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if objects:
                return objects[0], False
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
        return _subject(noun.head)
    return None, False


def _named_holder(noun):
    """Who a noun naming a stance's holder names (cues.HOLDER_NOUNS): the copula's subject ("Hughes
    is a fervent supporter of Trump") or the noun it is in apposition to ("Adelson, a fierce
    supporter of Israel"); not its possessor or the subject of a verb it is the object of ("his
    supporters", "The schedule struck supporters of both as unfair")."""
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject, passive = _subject(noun.head)
        return None if passive else subject
    return noun.head if noun.dep_ == "appos" else None


def _owner_as_subject(noun, owner):
    """The subject of the verb a noun cue is the object of, where the noun's owner is only a
    possessive pronoun standing for it ("Trump is keeping up his criticism of ...", "Sanders has
    toned down his criticism": PolNeAR's source is the subject, the verb phrase the cue); None
    otherwise, and for a passive."""
    if owner.tag_ != "PRP$" or noun.dep_ != "dobj" or noun.head.pos_ not in ("VERB", "AUX"):
        return None  # after a preposition PolNeAR marks either ("direct in his attacks on", "unsparing in their criticism")
    subject, passive = _subject(noun.head)
    return None if subject is None or passive or subject.lower_ in NAMELESS else subject


def _after_dateline(doc, source: Span | None, base: int) -> Span | None:
    """The source without a leading dateline ("WASHINGTON (AFP) - The Post reported ...")."""
    if source is None:
        return None
    piece = doc.text[source[0] - base:source[1] - base]
    match = _DATELINE_LEAD.match(piece)
    return (source[0] + match.end(), source[1]) if match and match.end() < len(piece) else source


def _outside(doc, source: Span | None, content: Span, base: int, cue: int) -> Span | None:
    """The source cut back to end before the content it reports; None when it would be empty.
    A source between the content's first word and the cue stays: the clause hangs on a relative
    word before it ("which Democrats say could help him", "what analysts said was a sign"), and
    so does one right after a cue the content runs around ("The paradox, says Carl Anthony, is ...")."""
    if source is None or source[1] <= content[0] or content[1] <= source[0]:
        return source
    inverted = content[0] < cue < source[0] and len(doc.text[cue - base:source[0] - base].split()) == 1
    if content[0] < source[0] and source[1] <= cue or inverted:
        return source
    if source[0] >= content[0]:
        return None
    piece = doc.text[source[0] - base:content[0] - base]
    end = source[0] + len(piece.rstrip(_EDGE))
    return (source[0], end) if end > source[0] else None


def _subject(verb):
    """The source token of a reporting verb and whether the verb is passive."""
    node = verb
    if _as_clause(verb):  # "as noted above": nobody named, and the host clause's subject is not the source
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        agent = _agent(verb)
        return (subjects[0], False) if subjects else ((agent, True) if agent is not None else (None, False))
    doer = _gerund_subject(verb) or _reporter_before_participle(verb)
    if doer is not None:
        return doer, False
    if _own_passive(verb) and (agent := _agent(verb)) is not None:
        return agent, True  # "He grew up there and was nominated by the governor": not "he"
    after_preposition = False
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # two subjects is a misparse, mostly of a dateline ("MACAU (Reuters) - Adelson said"): the nearest
            subject = max((c for c in subjects if c.i < node.i), key=lambda c: c.i, default=subjects[0])
            if subject.lower_ in FLOATING_QUANTIFIERS:
                # "Party figures - whose party was once united - both suggested ...": the quantifier
                # floats after the subject an aside cut off from it (the parser made both subjects)
                subject = max((c for c in subjects if c.i < subject.i), key=lambda c: c.i, default=subject)
            subject = _inverted_subject(node, subjects) or subject
            if subject.tag_ in ("WP", "WDT") and node.dep_ in NOUN_MODIFIER_DEPS:
                # "officials who said": the noun, not "who"; "released an ad that attacks": the issuer
                # of an object, not of a noun after a preposition ("to win over the community,
                # which supports ...": the community)
                issuer = _issuer(node.head) if subject.lower_ in ("that", "which") and node.head.dep_ == "dobj" else None
                return issuer or node.head, False
            if subject.dep_ == "nsubjpass" and (node is verb or _passive_form(verb)) and not _contracted_has(node):
                return _agent(node), True
            if node is not verb and subject.lower_ == "it" and (person := _person_object(node)) is not None:
                return person, False  # "It took him a day to ..., then calling Yahoo News": he calls
            return subject, False  # "She was asked about it, saying ...": she says (an active verb borrows)
        if node is verb and node.dep_ == "acl" and _passive_form(verb) and (agent := _agent(verb)) is not None:
            return agent, True  # "changes proposed by the government": the agent, not the thing proposed
        if node.dep_ in NOUN_MODIFIER_DEPS:
            holder = _floated(node.head)
            named = _infinitive_holder(node)
            if named is not None:
                return named, False
            # a participle on an owned noun: its owner ("In her statement condemning the test, ...")
            # ("she revised her statement explaining ...": "her" stands for the subject, the source)
            owner = _possessor(holder) if node is verb and verb.tag_ == "VBG" else None
            if owner is not None:
                owner = _owner_as_subject(holder, owner) or owner
            # (people named do it themselves: "unveiled an ad featuring Hispanics telling their stories")
            named = node.tag_ == "VBG" and (holder.pos_ == "PROPN" or holder.ent_type_ in ("PERSON", "NORP"))
            issuer = (owner or (None if named else _issuer(holder)) or _free_participle_subject(verb)) if node.dep_ == "acl" else None
            return issuer or holder, False
        if node is verb and node.dep_ == "advcl" and node.tag_ == "VBN" \
                and not any(c.dep_ in ("aux", "auxpass") for c in node.children):
            # "Asked about it, Ryan said ...": Ryan was asked; the asker is named only in a "by"
            # phrase ("When asked by a reporter whether ...")
            return _agent(node), True
        if node is verb and (_reporters_second_verb(verb) or _reporters_participle(verb)):
            node = verb.head.head  # "said A but added B", "said A, adding B": the reporter adds
            continue
        if node is verb and verb.dep_ == "conj" and verb.tag_ == "VBG" and _reporters_participle(verb.head):
            node = verb.head.head.head  # "indicated A, vowing B and suggesting C": the reporter suggests
            continue
        controller = _object_controller(node) if not after_preposition else None
        if controller is not None:
            return controller, False
        if node is verb and (main := _subject_before_aside(verb)) is not None:
            return main, False  # 'Clinton suggested A - "B," she said - and charged that C': Clinton charged
        if node.dep_ == "conj" and (own := _subject_read_as_conjunct(verb.doc, node, any_verb=True)) is not None:
            return own, False  # "X will brand you a liar and NBC News will accuse you": not X
        if (node.dep_ in BORROWING_DEPS or node.dep_ == "acomp" and node.pos_ == "ADJ") and node.head.i != node.i:
            node = node.head  # "Her strategists have been reluctant to reveal ...": the adjective's subject
            if verb.dep_ == "conj" and node.i == verb.head.i and _closed_subordinate(node, verb):
                node = node.head  # "Trump jumped on Twitter - as he often does - and retweeted": Trump's
            continue
        if node is verb and verb.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.dep_ == "prep" \
                and node.head.head.pos_ == "NOUN" and (owner := _possessor(node.head.head)) is not None:
            return owner, False  # "their strategy of attacking him": they attack
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head  # "concluded by saying that ...", "In asking ..., Judicial Watch noted"
            after_preposition = True  # "pressured them to stop by threatening ...": not "them"
            continue
        break
    return None, False


def _person_object(verb):
    """The person a verb with "it" as subject acts on ("It took him most of a day", "it cost them
    the race"), who does what a verb borrowing that subject says; None without one."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i), None)
    if obj is None or not (obj.lower_ in PERSON_OBJECTS or obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"):
        return None
    return obj


def _subject_before_aside(verb):
    """The subject of the sentence's first clause, for a verb conjoined after an aside set off by
    dashes that holds a report of its own ('Clinton suggested A - "B," she said - and charged that
    C', 'He fulminated against A - "B," he said - and vowed to C'): the parser hangs the verb on
    the aside's reporting verb, but it goes on with the clause before the aside. None otherwise."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i >= verb.i or verb.i < 3 or doc[verb.i - 1].dep_ != "cc" \
            or doc[verb.i - 2].text not in _DASHES or attribution_lemma(head) not in ATTRIBUTION_LEMMAS:
        return None
    opening = next((t.i for t in reversed(doc[:head.i]) if t.text in _DASHES), None)
    if opening is None or opening < 2:
        return None
    subject = next((t for t in doc[:opening] if t.dep_ == "nsubj" and t.head.i < opening
                    and t.head.pos_ in ("VERB", "AUX")), None)
    return None if subject is None or subject.lower_ in NAMELESS else subject


def _closed_subordinate(clause, conjunct) -> bool:
    """Whether an adverbial clause opened by a subordinator is set off by a dash or parenthesis
    that closes before `conjunct` ("Trump jumped on Twitter - as he often does - and retweeted"):
    the conjunct goes on with the clause it modifies, whose subject it shares (the parser hangs it
    on the nearest verb); without the closing mark it may be the clause's own ("while he is in good
    health and has shown stamina")."""
    doc, first = clause.doc, clause.left_edge.i
    if clause.dep_ != "advcl" or clause.head.i == clause.i or first == 0 or doc[first - 1].text not in (*_DASHES, "("):
        return False
    return any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in clause.children) \
        and any(t.text in (*_DASHES, ")") for t in doc[clause.i + 1:conjunct.i])


def _floated(noun):
    """The noun a floating quantifier stands after ("X, Y and Z all calling for ..."), which the
    parser reads as its apposition; the noun itself otherwise."""
    return noun.head if noun.lower_ in FLOATING_QUANTIFIERS and noun.dep_ == "appos" else noun


def _free_participle_subject(verb):
    """The subject of the clause a participle set off by a comma ends ("Armstrong called for a voice
    vote, and then a visual vote, declaring that ..."), which the parser hung on the noun before
    the comma: the participle says what the subject did, not the noun. None otherwise."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    host = _host_verb(verb.head)
    subject, passive = _subject(host) if host.pos_ in ("VERB", "AUX") and host.i != verb.i else (None, False)
    return None if subject is None or passive or subject.lower_ in NAMELESS else subject


def _possessor(noun):
    """The possessor of a noun that a participle or gerund hangs on, who does what it says ("In
    her statement condemning the test, Clinton ...", "their strategy of attacking him"): PolNeAR
    marks the possessor, not the subject of the host clause; None without one."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return None if owner is None or owner.lower_ in NAMELESS else owner


def _issuer(holder):
    """Whoever issued the thing a participle or a "that"/"which" clause hangs on ("Trump issued a
    statement saying ...", "the group placed ads calling ...", "Lopez wrote in a letter urging
    ...", "Paul released a video that accuses ..."): the subject of the verb the noun hangs from,
    as its object or as a singular noun after a preposition (a plural there is mostly a group
    that is the source itself: "recent polls showing ..."); None when that verb has none. PolNeAR
    marks the issuer as the source."""
    host = holder.head if holder.dep_ == "dobj" else (
        holder.head.head if holder.dep_ == "pobj" and holder.head.dep_ == "prep" and holder.tag_ == "NN"
        and holder.head.lower_ != "to" else None)  # "handed $25 million to an outside group backing X": the group backs
    if host is None or host.pos_ not in ("VERB", "AUX"):
        return None
    issuer, passive = _subject(host)
    return None if issuer is None or passive or issuer.lower_ in ("it", "this", "that", "which") else issuer


def _gerund_subject(verb):
    """The noun right before a gerund after "with", "of", "about" or "by", which does what the
    gerund says ("with Martin O'Malley calling Trump a fascist", "the spectacle of Mr. Netanyahu
    denouncing ...", "asked about Pope Francis calling ..."); the parser hangs the gerund on the
    preposition or the clause instead, and the host's subject is not the doer."""
    if verb.tag_ != "VBG" or verb.i == 0 or verb.dep_ not in ("acl", "advcl", "pcomp") \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    noun = verb.doc[verb.i - 1]
    if noun.dep_ != "pobj" or noun.head.lower_ not in GERUND_SUBJECT_PREPOSITIONS or noun.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return None if noun.lower_ in NAMELESS else noun


def _absolute_with(verb):
    """The "with" opening an absolute clause set off by a comma whose gerund reports ("shrugged off
    the pick, with three in 10 saying it would not matter"): that clause is its own attribution,
    not part of the content of the clause before; None otherwise."""
    doer = _gerund_subject(verb)
    preposition = doer.head if doer is not None else (verb.head if verb.tag_ == "VBG" and verb.dep_ == "pcomp" else None)
    if preposition is None or preposition.lower_ != "with" or preposition.i == 0:
        return None
    return preposition if verb.doc[preposition.i - 1].text == "," else None


def _reporter_before_participle(verb):
    """The subject of a report right before a participle set off by a comma ('"...," he said, not
    even suggesting that ...'), where the parser hung the participle on the quote's own verb or
    made it the root: the reporter goes on. None where the participle has a subject of its own."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "ROOT") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    first = verb
    while first.i > 0 and verb.doc[first.i - 1].head.i == verb.i and verb.doc[first.i - 1].dep_ in ("neg", "advmod"):
        first = verb.doc[first.i - 1]
    before = [t.text for t in verb.doc[max(first.i - 2, 0):first.i]]
    if before and before[-1] in _CLOSING_MARKS and before[:1] == [","]:
        report = _report_of_quote(verb)  # 'she stated, "A," adding, "B"': the participle hangs inside "A"
    elif first.i >= 2 and before[-1] == ",":
        report = verb.doc[first.i - 2]
    else:
        return None
    if report is None or report.pos_ != "VERB" or attribution_lemma(report) not in ATTRIBUTION_LEMMAS:
        return None
    subject = next((c for c in report.children if c.dep_ == "nsubj"), None)
    return None if subject is None or subject.lower_ in NAMELESS else subject


def _report_of_quote(verb):
    """The reporting verb whose clause holds the quote a participle after it hangs on ("stated" in
    'she stated, "A," adding ...'); None when there is none."""
    head = verb.head
    while head.dep_ in ("ccomp", "conj", "advcl") and head.head.i != head.i:
        head = head.head
        if head.pos_ == "VERB" and attribution_lemma(head) in ATTRIBUTION_LEMMAS:
            return head
    return None


def _subject_read_as_object(doc, verb):
    """A noun right before a finite cue with no subject that the parser hung on a preposition
    before it ("more ethanol than the oil industry says the markets can handle"): the subject."""
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is None or verb.tag_ not in ("VBZ", "VBD", "VBP") or before.dep_ != "pobj" \
            or before.pos_ not in ("NOUN", "PROPN", "PRON") or before.lower_ in NAMELESS | TIME_WORDS:
        return None
    return before if before.head.head.i != verb.i else None


def _quantifier_read_as_modifier(doc, verb):
    """A quantifier standing for people right before a finite cue with no subject, which the parser
    read as the verb's modifier ("That attitude, many argue, could ...", "more call themselves
    conservative than liberal"): the subject."""
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is None or verb.tag_ not in ("VBZ", "VBD", "VBP") or before.head.i != verb.i \
            or before.dep_ not in ("amod", "advmod") or before.lower_ not in QUANTIFIER_SUBJECTS:
        return None
    return before


def _subject_read_as_conjunct(doc, verb, any_verb: bool = False):
    """The phrase right before a finite cue with no subject that the parser conjoined to the end
    of the clause before ("One in three said A about the community and one in four said B":
    "one in four" read as a second object of "about"): the subject of the second report."""
    # the verb's own auxiliaries may stand between ("... and NBC News will accuse you")
    first = verb.i
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in ("aux", "neg"):
        first -= 1
    finite = verb.tag_ in ("VBZ", "VBD", "VBP") or first < verb.i and doc[first].tag_ in ("MD", "VBZ", "VBD", "VBP")
    if first < 3 or not finite or not (attribution_lemma(verb) in ATTRIBUTION_LEMMAS or any_verb and verb.pos_ == "VERB"):
        return None
    phrase = next((t for t in doc[:first] if t.right_edge.i == first - 1 and t.dep_ == "conj"
                   and t.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
    if phrase is None or doc[phrase.left_edge.i - 1].dep_ != "cc" or doc[phrase.left_edge.i - 1].lower_ not in ("and", "but") \
            or phrase.lower_ in NAMELESS or phrase.head.i > verb.i:
        return None
    return phrase


def _shared_subject(doc, verb):
    """The subject of a cue the parser read as the clause of the next one in a list of reports
    ("Clinton supports A, opposes B and recalled C": "supports" as the clause of "opposes"),
    shared by both."""
    before = [t.text for t in doc[max(verb.i - 2, 0):verb.i] if t.text not in ('"', "”", "''")]
    if not before or before[-1] != "," or verb.tag_ not in ("VBZ", "VBD", "VBP"):  # ', opposes', '," opposes'
        return None
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == verb.tag_
                  and attribution_lemma(c) in ATTRIBUTION_LEMMAS), None)
    subject = next((c for c in first.children if c.dep_ == "nsubj"), None) if first is not None else None
    return None if subject is None or subject.lower_ in NAMELESS else subject


def _name_read_as_modifier(doc, verb):
    """A capitalised word inside a sentence, right before a cue with no subject, that the parser
    read as its modal or adverb ("In particular, Will wrote, ..."): a name, the subject (PolNeAR
    train: columnist George Will was left without a source). Not at a sentence's start, where
    "Just ask" and "When asked" are capitalised too."""
    before = doc[verb.i - 1] if verb.i > 1 else None
    if before is None or before.head.i != verb.i or before.dep_ not in ("aux", "advmod") \
            or doc[before.i - 1].text in (".", "!", "?", '"', "“", ":"):
        return None
    return before if before.text[:1].isupper() else None


def _contracted_has(verb) -> bool:
    """ "He's said he ...", "she's predicted big wins": a contracted "has" that the parser read as
    a passive "is" (the verb has a clause or an object of its own; PolNeAR train: "'s said",
    "'s predicted" were left without a source)."""
    return any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) \
        and any(c.dep_ in ("ccomp", "dobj") for c in verb.children)


def _own_passive(verb) -> bool:
    """A passive verb with its own auxiliary and no subject of its own, which borrows one through a
    conjunction ("and was nominated ..."): its agent, not the borrowed subject, is the source."""
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _passive_form(verb) -> bool:
    """A past participle with a passive auxiliary or none ("was praised and criticized")."""
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" for c in verb.children)


def _agent(verb):
    """The object of a passive verb's "by" phrase ("was asked by a reporter"), or None. The parser
    may hang the phrase on a noun of the verb's own phrases ("has been attacked on the speeches by
    Sanders", "was confirmed as one of the passengers by the minister"): it is the agent still."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) or \
        next((t for t in verb.subtree if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("prep", "agent")
              and _nominal_path(t, verb)), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _nominal_path(token, verb) -> bool:
    """Whether `token` hangs from `verb` through nouns and prepositions only (no other verb between)."""
    head = token.head
    while head.i != verb.i:
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return False
        head = head.head
    return token.head.i != verb.i


def _object_controller(verb):
    """The object of the verb an infinitive complements, which does what the infinitive says
    (object control: "The victory led Priebus to declare him the nominee", "prompting them to
    focus on ..."); None without such an object, after a verb whose subject does it ("promised
    them to", "used his speech to call for", "begged reporters to ask") or after a cue of its own."""
    host = verb.head
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or host.lemma_ in SUBJECT_INFINITIVE_LEMMAS or attribution_lemma(host) in ATTRIBUTION_LEMMAS \
            or "xcomp" in CUE_FRAMES.get(("VERB", frame_lemma(host)), ()):
        return None  # "urged Congress to act", "asked him to leave": one report, by the subject
    controller = next((c for c in host.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return None if controller is None or controller.lower_ in NAMELESS else controller


def _infinitive_holder(verb):
    """Who does what an infinitive on a noun reports, where the noun only describes them: the
    other side of a copula for "the first/only/last ..." ("X was the first Democrat to endorse Y",
    "X was one of the first to cheer", "The first member to endorse him was X") or the subject of
    the verb the noun is the object of ("The media has done nothing to explain this", "Many have
    had words to say about it"); None for any other verb form or noun ("An effort to recruit ...
    was the brainchild of X": an effort is not X)."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head
    ranked = noun.lower_ in RANK_WORDS or any(c.dep_ == "amod" and c.lower_ in RANK_WORDS for c in noun.children)
    if ranked and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head  # "one of the first to ..."
    host = noun.head
    if ranked and noun.dep_ == "attr" and host.lemma_ == "be":
        other = next((c for c in host.children if c.dep_ == "nsubj"), None)
    elif ranked and noun.dep_ == "nsubj" and host.lemma_ == "be":
        other = next((c for c in host.children if c.dep_ == "attr" and c.i > noun.i), None)
    elif noun.dep_ == "dobj" and host.pos_ in ("VERB", "AUX"):
        other = next((c for c in host.children if c.dep_ == "nsubj"), None)
    elif noun.dep_ in ("pobj", "attr") and noun.pos_ == "NOUN" and noun.ent_type_ == "":
        # a thing after a preposition or copula ("used part of his address to call", "had plenty of
        # reason to be skeptical", "pivoted with every answer to talk", "X was a better way to
        # judge"): the subject of the verb it hangs on does what the infinitive says
        verb_of_noun = _host_verb(noun)
        other = next((c for c in verb_of_noun.children if c.dep_ == "nsubj"), None) \
            if verb_of_noun.pos_ in ("VERB", "AUX") else None
    else:
        return None
    return None if other is None or other.lower_ in NAMELESS or other.lower_ == "who" else other


def _content(doc, verb, base: int) -> Span | None:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses and attribution_lemma(verb) in QUESTION_LEMMAS:
        # "asked if the plan had failed": the parser hangs an "if"/"whether" question as an adverbial
        clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
    if clauses:
        # a clause right after the verb is what it reports, not one the parser hung before it
        # ("Six in 10 said A; 46 percent said B" parsed with A under the second "said"), but not one
        # past a dash or the verb's own subject ("A, allies believe — B", '"A," said X, who ...')
        after = [c for c in clauses if c.i > verb.i and not any(
            t.text in _DASHES or t.head.i == verb.i and t.dep_ in SUBJECT_DEPS for t in doc[verb.i + 1:c.left_edge.i + 1])]
        clause = (after or clauses)[0]
        answer = _answer_after_question(doc, verb, clause)
        if answer is not None:  # 'When asked why, Sembler responded ...': the question is "why"
            return _span(doc, verb.i + 1, answer - 1, base) if answer > verb.i + 1 else None
        if clause.i > verb.i or not _semicolon_between(doc, clause, verb):
            return _clause_after_break(doc, clause, base) if clause.i < verb.i else _with_second_clause(doc, verb, clause, base)
        # "Sanders backs A; Clinton seeks B": A is a sentence of its own; the verb's object is its content
    if attribution_lemma(verb) in CLAUSE_ONLY_LEMMAS or attribution_lemma(verb) == "tell":
        clause = _misparsed_clause(doc, verb, base)  # "told Clinton at a debate that Americans were ..."
        if clause is not None:
            return clause
    if verb.dep_ == "parataxis" or _as_clause(verb):
        return _host_clause(doc, verb, base)
    # a preposition left without its object ("whites who often vote for the Democrat were ...",
    # the object read as the next clause's subject) reports nothing, and neither does a place after
    # "appear" or "show up" (_place_of_appearing)
    lemma = attribution_lemma(verb)
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i > verb.i and not _hearer(verb, c)
               and not (c.dep_ == "prep" and (c.n_rights == 0 or _place_of_appearing(verb, c.lower_) or _time_adjunct(c)))]
    # a conjoined verb phrase is the subject's next act ("voiced support for X and called himself
    # pro-choice, stances that ..."): what the verb reported ends before it
    conjunct = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > verb.i), None)
    objects = [c for c in objects if conjunct is None or c.i < conjunct.i]
    if objects and (lemma not in CLAUSE_ONLY_LEMMAS or objects[0].lower_ in PROFORM_OBJECTS or
                    lemma in NOUN_OBJECT_LEMMAS and objects[0].dep_ == "dobj" and objects[0].lower_ not in TIME_WORDS
                    or lemma == "find" and _finding_subject(verb)):
        return _span(doc, objects[0].left_edge.i, objects[-1].right_edge.i, base)
    # "46 percent said yes", "55 percent said so": the parser reads the pro-form as a modifier
    # ("26 percent said the same": "same" read as a second subject)
    proform = next((c for c in verb.children if c.i > verb.i and c.dep_ in ("intj", "advmod", "nsubj")
                    and c.lower_ in PROFORM_OBJECTS), None)
    return _span(doc, proform.left_edge.i, proform.right_edge.i, base) if proform is not None else None


def _with_second_clause(doc, verb, clause, base: int) -> Span | None:
    """The reported clause and a second "that"-clause of the same verb after it, which the parser
    hangs on the verb as a conjunct ("said the U.S. needs a wall, but that he would not support
    deportation"): one report (PolNeAR marks one content over both)."""
    span = _clause(doc, clause, base)
    second = next((c for c in verb.children if c.dep_ == "conj" and c.i > clause.right_edge.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)), None)
    end = _clause(doc, second, base) if second is not None and span is not None else None
    return (span[0], end[1]) if end is not None else span


def _time_adjunct(prep) -> bool:
    """Whether a preposition's object is a time ("rejected on Monday", "voted on March 2"): when the
    report happened, not what it reported."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_WORDS
                                 for t in objects[0].subtree)


def _place_of_appearing(verb, preposition: str) -> bool:
    """Whether a preposition after "seem", "appear" or "show up" names a place: they are evidence
    with a predicate or clause ("seemed to like it", "seemed like a good move"), coming into view
    with a place ("appeared on MSNBC", "showed up at the rally")."""
    lemma = attribution_lemma(verb)
    appearing = lemma in RAISING_LEMMAS or lemma == "show" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    return appearing and preposition not in ("like", "as")


def _semicolon_between(doc, clause, verb) -> bool:
    """Whether a semicolon parts a clause before a verb from the verb: two sentences joined."""
    return any(t.text == ";" for t in doc[clause.right_edge.i + 1:verb.i])


def _clause_after_break(doc, clause, base: int) -> Span | None:
    """A clause before its cue that the parser hung on a second clause after a semicolon or dash
    ("Allies resent the idea — it is a two-way street, they insist"): only the clause after the
    break was reported."""
    span = _clause(doc, clause, base)
    breaks = [p for p in clause.children if p.i < clause.i and p.dep_ == "punct" and (p.text == ";" or p.text in _DASHES)
              and any(c.dep_ in ("ccomp", "conj", "parataxis") and c.right_edge.i < p.i for c in clause.children)]
    if span is None or not breaks:
        return span
    start = _span(doc, breaks[-1].i + 1, clause.i, base)
    return (start[0], span[1]) if start is not None else span


def _answer_after_question(doc, verb, clause) -> int | None:
    """The comma after a bare participle's question where the parser ran its clause on into the
    answering sentence ("When asked why, Sembler responded ...": "responded" read as the clause of
    "asked"): the index of the comma before the clause's own subject, or None."""
    if verb.tag_ != "VBN" or clause.i < verb.i or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    return next((t.i for t in doc[verb.i + 1:subject.left_edge.i] if t.text == ","), None)


def _hearer(verb, obj) -> bool:
    """Whether the object of "tell" is whom it was told to ("told The Huffington Post", "told his
    supporters", "told him"), not what ("told the story", "tells one joke", "told stories of ..."):
    a name, a pronoun or a bare plural noun; or a preposition's phrase other than "of" or "about"."""
    if attribution_lemma(verb) != "tell":
        return False
    if obj.dep_ == "prep":  # "told NBC News before her appearance": only "of" or "about" says what
        return obj.lower_ not in ("of", "about")
    return obj.dep_ in ("dobj", "dative") and (obj.pos_ in ("PROPN", "PRON") or obj.tag_ == "NNS" and not list(obj.rights)
                                               or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))


def _finding_subject(verb) -> bool:
    """Whether a poll, study or report is the subject ("A new poll found Trump ahead")."""
    subject = _subject(verb)[0]
    return subject is not None and subject.lemma_.lower() in FINDING_NOUNS


def _clause(doc, clause, base: int) -> Span | None:
    """A reported clause without a second report hung at its end ("74 percent said they are set,
    while 22 percent said they might change their mind"): that report has its own source and
    content (PolNeAR marks two attributions)."""
    last = clause.right_edge.i
    for child in clause.rights:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        # not "said that A but that B" (one report), "if it appears", "because it did not want"
        if child.dep_ in ("advcl", "conj") and child.pos_ == "VERB" and is_attribution_form(child.lower_) \
                and attribution_lemma(child) in ATTRIBUTION_LEMMAS - RAISING_LEMMAS and marks <= {"while", "whereas"} \
                and any(c.dep_ == "nsubj" and c.i < child.i for c in child.children) or _reporters_second_verb(child) \
                or _reporters_participle(child):
            last = child.left_edge.i - 1
            break
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.pos_ == "VERB" and not any(c.dep_ in SUBJECT_DEPS for c in after.children):
        subject = _subject_read_as_conjunct(doc, after)  # "said A and one in four said B": A ends before "and"
        if subject is not None and clause.left_edge.i < subject.left_edge.i <= last:
            last = subject.left_edge.i - 1
    while last > clause.i and doc[last].dep_ in ("cc", "punct", "mark"):
        last -= 1
    return _span(doc, clause.left_edge.i, last, base)


def _reporters_participle(verb) -> bool:
    """Whether a speech verb's participle without a subject, set off by a comma at the end of a
    clause another verb reports, is that reporter's next report, which the parser hung on the
    clause ("insisted that he has "expanded the party," claiming that he is responsible for ...",
    "indicated he would try to curb critics, vowing to ..."): it has its own content, cut off the
    clause's, and the reporter as its source."""
    clause, doc = verb.head, verb.doc
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.i < 2 \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
            or attribution_lemma(verb) not in CLAUSE_LEMMAS or not is_attribution_form(verb.lower_):
        return False
    if clause.dep_ != "ccomp" or clause.head.i > clause.i or clause.head.pos_ != "VERB" \
            or attribution_lemma(clause.head) not in ATTRIBUTION_LEMMAS:
        return False
    before = [t.text for t in doc[max(verb.left_edge.i - 2, 0):verb.left_edge.i]]
    return bool(before) and (before[-1] == "," or before[-1] in _CLOSING_MARKS and before[:1] == [","])


def _reporters_second_verb(verb) -> bool:
    """Whether a speech verb without a subject of its own, conjoined to a reported clause, is the
    reporter's second report that the parser hung on the clause ("Suu Kyi said it was too early
    but added, "..."", "X said troop strength lags and asked whether ..."): it goes on from the
    reporting verb, not from the clause."""
    clause = verb.head
    return verb.dep_ == "conj" and verb.pos_ == "VERB" and is_attribution_form(verb.lower_) \
        and attribution_lemma(verb) in CLAUSE_LEMMAS | QUESTION_LEMMAS \
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) \
        and clause.dep_ == "ccomp" and clause.i < verb.i and clause.head.i < clause.i \
        and attribution_lemma(clause.head) in CLAUSE_LEMMAS


def _misparsed_clause(doc, verb, base: int) -> Span | None:
    """The reported clause of "said" that the parser hung elsewhere: on a noun as a relative clause
    ("said during a news conference that he may wait": "that" opens a clause with its own subject,
    it is not the relative pronoun), or
    under a gerund read as the verb's complement ("said legalizing it could put ...")."""
    for token in doc[verb.i + 1:verb.right_edge.i + 1]:
        clause = token.head
        while token.dep_ == "dobj" and clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head
        # "that" as an object only where the clause has an object of its own ("said before
        # attending the town hall that CNN asked her to pose a question": "asked her")
        opener = token.dep_ in ("mark", "advmod") or token.dep_ == "dobj" and any(
            c.dep_ == "dobj" and c.i != token.i for c in clause.children)
        if token.lower_ == "that" and opener and clause.i > token.i \
                and clause.pos_ in ("VERB", "AUX") and clause.dep_ in ("relcl", "acl") \
                and _adjunct_of(clause.head, verb) \
                and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > token.i for c in clause.children):
            return _span(doc, token.i, clause.right_edge.i, base)
    gerund = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == verb.i + 1
                   and any(g.dep_ == "ccomp" for g in c.children)), None)
    if gerund is not None:
        return _phrase(doc, gerund, base)
    return _object_as_subject(doc, verb, base)


def _object_as_subject(doc, verb, base: int) -> Span | None:
    """The clause of "said" whose subject the parser read as the verb's object and whose verb it
    hung on the sentence's root ("saying Obama's strategy -- airstrikes against ... -- is
    inadequate": "strategy" the object, "is" an unlabelled dependent): the object up to that verb's
    phrase."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1
                and c.lower_ not in PROFORM_OBJECTS), None)
    if obj is None:
        return None
    after = obj.right_edge.i + 1
    while after < len(doc) and (doc[after].is_punct or doc[after].is_space):
        after += 1
    if after >= len(doc):
        return None
    finite = doc[after]
    if finite.pos_ not in ("VERB", "AUX") or finite.tag_ not in ("VBZ", "VBD", "VBP", "MD") or finite.dep_ not in ("dep", "ccomp") \
            or any(c.dep_ in SUBJECT_DEPS for c in finite.children) or finite.head.i == verb.i:
        return None
    return _span(doc, obj.left_edge.i, finite.right_edge.i, base)


def _adjunct_of(noun, verb) -> bool:
    """Whether a noun is the object of a preposition on the verb ("said during a news conference"),
    or of a gerund after one ("said before attending the town hall")."""
    if noun.dep_ == "dobj" and noun.head.dep_ == "pcomp":
        noun = noun.head
    return noun.dep_ in ("pobj", "pcomp") and noun.head.dep_ == "prep" and noun.head.head.i == verb.i


def _as_clause(verb) -> bool:
    """A parenthetical "as X noted", "as first reported by Y", "as X put it": the clause it hangs
    on was said."""
    said = _put_it(verb)
    return verb.dep_ in ("advcl", "relcl") and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) \
        and not any(c.dep_ in ("ccomp", "dobj") and (said is None or c.i != said.i) for c in verb.children)


def _put_it(verb):
    """The "it" of "put it" ("As The Post's Ruth Marcus puts it, ..."), a way of saying; None
    for any other verb or object."""
    if verb.lemma_ != "put":
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it" and c.i == verb.i + 1), None)


def _host_clause(doc, verb, base: int) -> Span | None:
    """The clause a parenthetical cue hangs on ("The plan is bad, he said", "The plan, he said,
    was bad", "as Comey noted, people ... could be punished"), without the cue's own words; a
    cue inside the clause leaves its first to last word (PolNeAR marks a split content so)."""
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in ("ROOT",) and head.head.i != head.i:
        head = head.head  # "The RNC, as POLITICO reported, agreed": the parser hung it on the noun
    while head.dep_ == "xcomp" and head.head.i != head.i:
        head = head.head  # "They started reserving ad time, as first reported by Y": the finite verb
    if verb.i > head.i:
        first, last = head.left_edge.i, verb.left_edge.i - 1
        after = [c for c in head.rights if c.i > verb.right_edge.i and c.dep_ not in ("cc", "conj", "punct", "parataxis")]
        if after and not any(c.dep_ in ("cc", "conj") and verb.i < c.i < after[0].i for c in head.rights):
            last = max(c.right_edge.i for c in after)  # "The plan was, he said, a disaster"
    else:
        first, last = verb.right_edge.i + 1, head.right_edge.i
        if head.left_edge.i < verb.left_edge.i:
            first = head.left_edge.i  # "The plan, he said, was a disaster"
    return _span(doc, first, last, base) if _is_clause(doc, first, last) else None


def _is_clause(doc, first: int, last: int) -> bool:
    """Whether tokens first..last hold a finite verb: reported content is a clause, never an
    introductory phrase alone ("In an interview focused on foreign policy,")."""
    return any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBG", "VBN") or t.tag_ == "VBN" and
               any(c.dep_ in ("aux", "auxpass", "nsubj") for c in t.children) for t in doc[max(first, 0):last + 1])


def _names_a_poll(preposition) -> bool:
    """Whether a preposition's object is a poll or survey ("the latest CNN poll", "most surveys")
    or an average of them ("the RealClearPolitics average of New Hampshire polls"); not the
    standing "in the polls" ("rose in the polls")."""
    noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None) if noun is not None else None
    if noun is not None and noun.lemma_.lower() == "average" and of is not None:
        noun = next((c for c in of.children if c.dep_ == "pobj"), None)
    if noun is None or noun.lemma_.lower() not in POLL_NOUNS:
        return False
    return [c.lower_ for c in noun.lefts] != ["the"] or noun.tag_ != "NNS"


def _fronted_before_subject(phrase, verb) -> bool:
    """Whether a phrase opens the clause before the verb's subject ("In a CNN poll, 79 percent of
    Democrats said ..."): the poll reports what its respondents said; "said so in the poll" and
    "79 percent said in the poll" leave the report to the verb."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and phrase.head.i == verb.i and phrase.i < subject.left_edge.i


def _host_verb(token):
    """The verb a phrase hangs on, through the nouns it modifies; the token itself at the root."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _according_to(doc, according, to, base: int, index: int, host=None) -> Attribution | None:
    """ "according to X" (or "in X" for a poll, `according` and `to` the same token): X is the
    source of the sentence (or of the clause of the `host` verb: "as Carson has plunged in recent
    polls") the phrase hangs on."""
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    source = _phrase(doc, objects[0], base)
    phrase_first, phrase_last = according.i, objects[0].right_edge.i
    first, last = (host.left_edge.i, host.right_edge.i) if host is not None else (0, len(doc) - 1)
    swallowed = _swallowed_clause(doc, objects[0], first, last) if phrase_first == first else None
    if swallowed is not None:
        phrase_last = swallowed - 1
        source = _span(doc, objects[0].left_edge.i, phrase_last, base)
    # "It hasn't gone unnoticed: according to polls, Trump holds 14 percent": after a colon or
    # semicolon the phrase opens the clause it attributes
    opens = phrase_first > first and doc[phrase_first - 1].text in (":", ";") and _is_clause(doc, phrase_last + 1, last)
    # "The AP reported that, according to an analysis, 85 of the meetings ...": right after the
    # "that" opening a reported clause, the phrase is inside that clause and attributes the rest
    opens = opens or phrase_first > first + 1 and doc[phrase_first - 1].text == "," \
        and doc[phrase_first - 2].lower_ == "that" and doc[phrase_first - 2].dep_ == "mark" \
        and _is_clause(doc, phrase_last + 1, last)
    if phrase_first > first and _is_clause(doc, first, phrase_first - 1) and not opens:
        content = _span(doc, first, phrase_first - 1, base)
    else:  # "In a new poll, according to Gallup, ...": the clause after it was reported
        content = _span(doc, phrase_last + 1, last, base)
    if content is None:
        return None
    cue = (base + according.idx, base + to.idx + len(to))
    return Attribution(cue=cue, source=source, source_head=_head_words(objects[0], base),
                       content=content, sentence=index, source_name=_proper_name(doc, objects[0], base))


def _swallowed_clause(doc, obj, first: int, last: int) -> int | None:
    """The comma after which the clause an opening "According to X, ..." attributes starts, where
    the parser hung that whole clause on X as appositions ("According to the Associated Press,
    571 of the 714 superdelegates - a group ... - supported Clinton"): X's phrase reaches the end
    of the sentence, and the first comma with a finite verb after it ends the source. None for
    any other parse."""
    if not all(t.is_punct or t.is_space for t in doc[obj.right_edge.i + 1:last + 1]):
        return None
    commas = [t.i for t in doc[obj.i + 1:obj.right_edge.i + 1] if t.text == ","]
    return next((c for c in commas if _is_clause(doc, c + 1, last) and c > first), None)


def _source_phrase(doc, token, base: int) -> Span | None:
    """The source's noun phrase, appositives and relative clauses included (as PolNeAR marks
    them), without a leading conjunction or a trailing adverbial clause ("Cruz, when asked, ...")."""
    first = token.left_edge
    while first.i < token.i and first.dep_ in ("cc", "punct", "advmod"):
        first = doc[first.i + 1]
    last = token
    for child in token.rights:
        if child.dep_ in SOURCE_ASIDE_DEPS:
            break
        last = child.right_edge
    return _span(doc, first.i, last.i, base)


def _phrase(doc, token, base: int) -> Span | None:
    return _span(doc, token.left_edge.i, token.right_edge.i, base)


def _head_words(token, base: int) -> Span:
    """The head noun with its left modifiers ("Russia's foreign ministry"), not its appositive."""
    first = token.left_edge
    return (base + first.idx, base + token.idx + len(token))


def _proper_name(doc, token, base: int) -> Span | None:
    """The last run of proper nouns among the head words ("Reuters news agency" -> Reuters)."""
    runs, current = [], []
    for t in doc[token.left_edge.i:token.i + 1]:
        if t.pos_ == "PROPN":
            current.append(t)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    # a name hyphened to the word after it modifies the head ("a Washington-based expert")
    runs = [r for r in runs if not re.match(r"-[a-z]", doc.text[r[-1].idx + len(r[-1]):r[-1].idx + len(r[-1]) + 2])]
    if not runs:
        return None
    return (base + runs[-1][0].idx, base + runs[-1][-1].idx + len(runs[-1][-1]))


def _span(doc, first: int, last: int, base: int) -> Span | None:
    """Character span of tokens first..last, without edge punctuation; None when empty."""
    if first > last or first < 0 or last >= len(doc):
        return None
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    text = doc.text[start:end]
    start += len(text) - len(text.lstrip(_EDGE))
    # the opening mark of the next sentence's quote, left on this one ("... of golf. ''They're")
    opening = _OPENING_MARK_AT_END.search(text.rstrip(_EDGE))
    end -= len(text) - len(text[:opening.start()].rstrip(_EDGE) if opening else text.rstrip(_EDGE))
    return (base + start, base + end) if end > start else None
