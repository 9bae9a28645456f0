"""Quotes: direct (any quote marks, interrupted, multi-sentence), embedded fragments and indirect
speech ("X said that ...", "according to X"), each with a cue verb and a speaker.

Works on the normalised text (straight quote marks, see entities.normalise_for_nlp) so offsets are
those of the article. Attribution looks at the frame around a quote: the words between the closing
mark and the end of the sentence, or between the sentence start and the opening mark. A quote
whose frame has no cue continues the previous quote of the paragraph (or of the paragraph before).
Where the sentence was parsed (see attribution.py), the parse gives the exact source phrase, the
cue span and the reported clause; the frame rules name a direct quote's speaker where the parse
gives none. Indirect speech comes from the parse alone (the older frame rules for it matched the
parse's results on PolNeAR train and the seeds, and were removed).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from dossier.analyse.attribution import FINDING_NOUNS, SOURCELESS_ADVERBS, Attribution
from dossier.analyse.cues import ATTRIBUTION_FORM_LEMMAS, NOUN_LIKE_FORMS, RAISING_LEMMAS, find_cues, speech_act
from dossier.analyse.entities import ROLE_ACRONYMS, is_caption, is_headline, names_an_animal
from dossier.analyse.people import PRONOUN_GENDER, PRONOUNS_SINGULAR, PeopleIndex
from dossier.analyse.sentences import sentence_at
from dossier.model import Mention, Quote, Sentence

# A noun phrase set after a name as its appositive: ", a former US Navy pilot", ", the company's CEO".
_APPOSITIVE_START = re.compile(r"(?i)(?:a|an|the)\s")
_APPOSITIVE_GAP = re.compile(r",\s*")
# A quoted span shorter than this is a fragment inside the writer's sentence (kind "partial").
MIN_DIRECT_WORDS = 4
# Longest unnamed source phrase taken before a cue ("the executive says") and after it
# ("said one former senior agency official").
MAX_PHRASE_WORDS_BEFORE = 5
MAX_PHRASE_WORDS_AFTER = 10
_LEADING_CONJUNCTION = re.compile(r"^\s*(?:(?:and|but|or|as|while|so|then)\s+)*", re.I)
# A noun phrase: a determiner or number, a capitalised word, or a plural noun alone ("officials").
_NOUN_PHRASE = re.compile(r"(?:the|a|an|one|another|some|many|several|most|two|three|four|five|his|her|their|our)\s|[A-Z]|[a-z]+s$")
# A subordinating word before the subject of a clause ("Freddy circled it as his friends jeered"):
# the phrase before the cue starts after it.
_SUBORDINATOR = re.compile(r"\b(?:as|while|when|whereas|because|after|before|since|until|where|though|although|if)\s+", re.I)
_PHRASE_AFTER = re.compile(r"\s+((?:the|a|an|one|another|some|many|several|two|three|four|five)\b[^,.;:\"()]{1,80}?)"
                           r"\s*(?=[,.;:\"()]|$)")
# Longest name in quote marks taken for a title (programme, book, film, slogan) rather than speech.
MAX_TITLE_WORDS = 6
# A line this short with no final punctuation, inside the story, is a subheading.
MAX_SUBHEADING_WORDS = 6
# One or two quoted words inside the writer's sentence are a term (scare quotes), not speech.
MAX_TERM_WORDS = 2
_SO_CALLED = re.compile(r"\bso-called\s*$", re.I)
_NAMING_BEFORE = re.compile(r"\b(?:name|named|called|dubbed|nicknamed|titled|alias)\s*$", re.I)
_TERM_BEFORE = re.compile(r"(?:\b[A-Za-z]+|,)\s*$")
# Words right before an opening mark that introduce a title, not speech.
TITLE_INTRODUCERS = frozenset({"on", "of", "with", "to", "told", "called", "titled", "entitled", "named", "read",
                               "book", "show", "program", "programme", "film", "movie", "documentary", "song",
                               "album", "slogan", "column", "op-ed", "essay", "episode", "series"})
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "no"})
# The words between two quoted spans that make one interrupted quote ("A," X said, "B").
MAX_INTERRUPTION_WORDS = 15
# Reported content shorter than this is dropped; 1 keeps "endorsed Clinton" (PolNeAR train: 2
# lost more recall than it gained precision).
MIN_INDIRECT_WORDS = 1
# How far past a quote we look for its cue and speaker.
MAX_FRAME_CHARS = 220
_SPEAKER_PRONOUNS = re.compile(r"\b(he|she|they|we|it)\s*$", re.I)
_SPEAKER_PRONOUN_AFTER = re.compile(r"^\s*(he|she|they|we|it)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]e|[Mm]y|[Oo]ur)\b")
_ADDRESSEE = re.compile(r"you|your|yourself|yourselves", re.I)
_AFTER_PREPOSITION = re.compile(r"\b(?:to|on|in|at|from|with|via|for|by|of|about|against)\s+$")
# A capitalised reporting verb opening a frame, then a name ('Said Dorothy Poynter, ...', 'Stated Stone:').
_INVERTED_OPENING = re.compile(r"\s*(?P<verb>[A-Z][a-z]+)\s+(?P<name>[A-Z])")
# The possessor right before a noun cue, with at most one word between ("her March comment that",
# "Trump's remarks that"): whose comment it is.
_OWNER_BEFORE = re.compile(r"(?:\b(?P<pronoun>his|her|their|its|our|my)|(?P<name>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s?)"
                           r"\s+(?:[\w-]+\s+)?$")
# The end of the frame's sentence; a title ("Mr.", "Sen.") or an initial ("H.") does not end it.
_NOT_AN_END = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bSt)" \
              r"(?<!\bLt)(?<!\bCol)(?<!\bSgt)(?<!\bJr)(?<!\bSr)(?<!\bProf)(?<!\bPres)(?<!\bSec)(?<!\b[A-Z])"
_SENTENCE_STOP = re.compile(_NOT_AN_END + r'[.!?](?=\s|$)|"|\n')
_SENTENCE_STOP_BEFORE = re.compile(_NOT_AN_END + r'[.!?]\s|"')
_CAPITALISED = re.compile(r"[A-Z][\w'-]+")
# A past or present verb (with "back", "on", an adverb; "put it") and a comma or colon ending the words before a quote.
_MANNER_BEFORE = re.compile(r"\b(?P<verb>puts? it|[a-z]+(?:ed|s)|sang|went|wrote|cried|spoke|shot)"
                            r"(?:\s+(?:back|on|out|up|aloud|again|[a-z]+ly))*\s*[,:]\s*$")
# A subject (pronoun, name or a phrase with a determiner: "the crowd", "some protesters") and a
# past or present verb right after a quote.
_MANNER_AFTER = re.compile(r"\s*,?\s*(?P<subject>he|she|they|we|it|I|(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}"
                           r"|(?:the|a|an|some|many|several|other|two|three)\s+[\w-]+(?:\s+[\w-]+){0,4})\s+"
                           r"(?P<verb>[a-z]+(?:ed|s)|sang|read|wrote|cried|spoke|shot)\b")
# The same, inverted: '"This is fantastic!" beamed Donald Hartley', '"...," mused the co-host'.
# A text quoted from reads inverted too: '"...," read the statement' (the statement is the source).
_MANNER_AFTER_INVERTED = re.compile(r"\s*,?\s*(?P<verb>[a-z]+ed|sang|cried|wrote|spoke|(?P<read>reads?))\s+(?=[A-Z]|the\s|an?\s|one\s)")
# A noun naming what was issued, then a comma or colon, right before a quote ('issued a statement, "...').
_STATEMENT_BEFORE = re.compile(r"\b(?P<noun>statement|message|tweet|post|letter|note|remarks|announcement)"
                               r"(?:\s+(?:on|in|to)\s+[\w .'-]{1,30}?)?\s*[,:]\s*$")
# A past or present verb right after a name ("Robby Mook released", "Nordhaus also welcomed").
_VERB_AFTER_NAME = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:[a-z]+ed|[a-z]+s|sang|wrote|put|read|made|gave|sent)\b")
# A credit before a colon in a news digest ('"Title," by Variety's Gordon Cox: "..."'): the
# writer of the excerpt, not a speaker.
_CREDIT = re.compile(r"\bby\s+[A-Z][^,.;:\"]*$")  # not "ended her speech by quoting Leonardo:"
# A credit line after a quote's paragraph: a dash, then the name ('"..."\n\n-Michelle Marks, Philadelphia.').
_CREDIT_LINE = re.compile(r'[.,!?]?"[ \t]*\n+[ \t]*(?P<dash>[-–—]+)[ \t]*(?P<name>[A-Z][^,.;:\n]*)')
_CREDITED_NAME = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}")
_SPAN_EDGE = " \t\n.,;:!?\"'"
# A demonstrative and a copula that stand for the sentence before ("That's according to ...").
_PRO_FORM_COPULA = re.compile(r"(?:that|this|it)(?:['’]s|\s+(?:is|was))", re.I)
_DASH = re.compile(r"\s[-–—]+(?:\s|$)")
_WORD = re.compile(r"\w")
ENTITY_SPEAKER_LABELS = frozenset({"ORG", "GPE", "NORP"})
# A name joined to a participle or adjective by a hyphen modifies the noun after it: "a Washington-based
# expert", "a Trump-backed candidate", "Saudi-led forces" (the expert speaks, not Washington).
_COMPOUND_MODIFIER = re.compile(r"-[a-z]")
# Nouns naming a source that speaks through what it published: "Gallup Poll:", "Report:", "Times:".
SOURCE_LABEL_NOUNS = FINDING_NOUNS | {"times", "post", "journal", "news", "newspaper", "magazine", "press"}
_OPENING_APOSTROPHES = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))''(?=\S)", re.M)
# (also after a nested quote's closing mark and a space: ''I hate the term 'Manhattan poor,' '' she said)
_CLOSING_APOSTROPHES = re.compile(r"(?:(?<=\S)|(?<=' ))''")
# A quote mark that is the inch sign of a height ("5'10\"", "6' 2\""): no quote opens or closes there.
_QUOTE_MARK = re.compile(r"(?<!\d'\d)(?<!\d'\d\d)(?<!\d' \d)(?<!\d' \d\d)\"")


def _double_apostrophes(text: str) -> str:
    """Two apostrophes as a quote mark (''Yes,'' he said: older newspaper style) become one
    straight quote mark plus a space, on the side that keeps the quoted words' offsets."""
    text = _OPENING_APOSTROPHES.sub(' "', text)
    return _CLOSING_APOSTROPHES.sub('" ', text)


@dataclass
class Speaker:
    name: str | None  # resolved full name (or organisation), None if not resolved
    text: str  # the words naming the speaker here
    start: int
    end: int
    source: tuple[int, int] | None = None  # the whole source phrase, when the parse gave one

    @property
    def source_span(self) -> tuple[int, int]:
        return self.source or (self.start, self.end)


@dataclass
class Cue:
    text: str
    start: int
    end: int


@dataclass
class _Unit:
    """One direct quote: one or more quoted spans (interrupted by a frame)."""
    spans: list[tuple[int, int]]  # content offsets, without the marks
    paragraph: int
    open_end: bool = False  # the last span runs to the end of its paragraph without a closing mark


def find_quotes(article_id: str, text: str, normalised: str, sentences: list[Sentence],
                mentions: list[Mention], people: PeopleIndex,
                attributions: list[Attribution] | None = None) -> list[Quote]:
    """All quotes of one article, in text order. `attributions` (from the parse of the sentences
    with a reporting verb) give exact source phrases and reported clauses; without them the
    frame rules alone attribute."""
    finder = _Finder(text, normalised, sentences, mentions, people, attributions or [])
    quotes = finder.direct() + finder.indirect()
    quotes.sort(key=lambda q: (q.start, -q.end))
    quotes = _univocal(normalised, quotes)
    for index, quote in enumerate(quotes):
        quote.id = f"{article_id}-q{index}"
        quote.article = article_id
    return quotes


def _match_at(text: str, start: int, end: int) -> re.Match:
    """text[start:end] as a match object: the form the speaker finders take a cue in."""
    return re.compile(re.escape(text[start:end])).match(text, start)


class _Finder:
    def __init__(self, text, normalised, sentences, mentions, people, attributions):
        self.text = text
        normalised = _double_apostrophes(normalised)
        self.people = people
        attributions = [_name_out_of_cue(normalised, a, people) for a in attributions]
        self.attributions = attributions
        self.by_cue = {a.cue[0]: a for a in attributions}
        # every word of a parsed cue ("also said", "has not said") finds its attribution
        self.cue_words = {a.cue[0] + m.start(): a for a in attributions
                          for m in re.finditer(r"\S+", normalised[a.cue[0]:a.cue[1]])}
        self.norm = normalised
        self.sentences = sentences
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.quoted: list[tuple[int, int]] = []  # mark-inclusive spans, to skip in indirect()
        self.newlines = [m.start() for m in re.finditer("\n", normalised)]  # line bounds by bisection
        self.not_speech_lines: dict[int, bool] = {}
        self.used_cues: set[int] = set()

    # ------------------------------------------------------------ direct quotes

    def direct(self) -> list[Quote]:
        units = self._units(self._quoted_spans())
        quotes = []
        previous: tuple[_Unit, Speaker | None, Cue | None] | None = None
        for index, unit in enumerate(units):
            start, end = unit.spans[0][0], unit.spans[-1][1]
            if self._not_speech(start):
                self.quoted = [q for q in self.quoted if not start - 1 <= q[0] < end]  # the headline rules may take it
                continue
            if self._is_title(unit) or self._inside_source_phrase(unit):
                continue  # a programme, book or slogan named in quote marks, not speech
            chained = previous is not None and previous[0] is units[index - 1] and self._chained(previous[0], unit)
            cue, speaker = self._attribute(unit) if chained else (None, None)  # next paragraph of a multi-paragraph quote
            if chained and not self._own_attribution(quotes[-1], cue):
                self._extend(quotes[-1], start, end, unit)
                if cue is not None and quotes[-1].speaker_text is None:
                    self._attribute_quote(quotes[-1], speaker, cue)
                previous = (unit, speaker or previous[1], cue or previous[2])
                continue
            words = sum(len(self.text[s:e].split()) for s, e in unit.spans)
            if words <= MAX_TERM_WORDS and self._term(unit):
                continue  # 'the so-called "rebels" that', 'Politico, "Playbook," seven days': the writer's term
            # '"We will win," she said': a short sentence of its own, not a fragment
            closed_clause = self.norm[end - 1:end] in (",", ".", "?", "!") and self.norm[start:start + 1].isupper()
            kind = "direct" if words >= MIN_DIRECT_WORDS or (closed_clause and words > 1) else "partial"
            used = set(self.used_cues)
            cue, speaker = self._attribute(unit)
            if cue is not None and self._reports_elsewhere(cue, start, end):
                # 'the prince called for Trump to drop out, calling him "a disgrace ..."': the
                # nearest cue word before the quote ("called") reports something else; the
                # report whose clause holds the quoted words ("calling") is theirs, and the
                # first keeps its own clause
                taken = set(self.used_cues)
                self.used_cues = used
                around_cue, around_speaker = self._enclosing_attribution(start, end)
                if around_cue is not None:
                    cue, speaker = around_cue, around_speaker
                else:
                    self.used_cues = taken
            if cue is not None and kind == "direct" and previous is not None and previous[2] is not None \
                    and cue.start == previous[2].start and self._continues(quotes[-1], cue, start) \
                    and not any(quotes[-1].end < a.cue[0] < start and a.cue[0] != cue.start for a in self.attributions):
                # '"A," X said at a rally in N.Y. "B."': the words before B are A's attribution (and
                # report nothing else: '"A," X says, but she cautions that "B"' is two)
                self._extend(quotes[-1], start, end, unit)
                previous = (unit, speaker, cue)
                continue
            if cue is None:
                cue, speaker = self._enclosing_attribution(start, end)
            if cue is None:
                cue, speaker = self._later_in_chain(units, index)
            embedded = None
            if cue is None and kind == "direct" and previous is not None and unit.paragraph - previous[0].paragraph <= 1:
                speaker, cue = previous[1], previous[2]  # continuation of the previous quote
                if self._continues(quotes[-1], cue, start) or self._goes_on_in_paragraph(quotes[-1], cue, start):
                    self._extend(quotes[-1], start, end, unit)
                    previous = (unit, speaker, cue)
                    continue
                # 'X agreed. "..."' after another speaker's quote: the report in the quote's own
                # paragraph, right before it, names the speaker
                own_cue, own_speaker = self._sentence_before(start, same_paragraph=True)
                embedded = self._embedding_subject(start) if own_cue is None else None
                if own_cue is not None:
                    cue, speaker = own_cue, own_speaker
                elif embedded is not None:  # 'Sanders enjoys "Modern Family."': not the last quote's speaker
                    cue, speaker = None, embedded
            if cue is None and kind == "direct" and embedded is None:
                cue, speaker = self._sentence_before(start)
            if cue is None and speaker is None and kind == "direct":
                # 'Mook released a memo titled "The Facts ..."': the person the writer's sentence
                # names first is whose words they are
                speaker = self._embedding_subject(start, subject_first=True)
            if kind == "partial" and speaker is None:
                continue  # scare quotes or a title, not speech
            text = " ".join(self.text[s:e].strip() for s, e in unit.spans)
            clause = self._clause_around(cue, start, end)
            if clause is not None and (kind == "partial" or self._writer_words(clause, unit)):
                # 'X said the plan was "a disaster"': the clause was said, partly in his words
                start, end = _with_closing_mark(self.norm, *clause)
                text = self.text[start:end]
                kind = "partial"
            quotes.append(self._quote(text, start, end, speaker, cue, kind))
            previous = (unit, speaker, cue)
        return quotes

    def _term(self, unit: _Unit) -> bool:
        """Whether one or two quoted words sit inside the writer's sentence as a term, not as
        someone's words: after "so-called" ('the so-called "rebels"'), or a title in capitals set
        off by a comma after the writer's words ('at Politico, "Playbook," seven days a week', 'In
        "Hail, Caesar!," Mr. Brolin'; '"Disaster," she said' opens its sentence and is speech)."""
        if len(unit.spans) > 1:
            return False
        start, end = unit.spans[0]
        sentence = self.sentences[self._sentence_position(start - 1)]
        before = self.norm[max(self._line(start)[0], sentence.start):start - 1]
        if _SO_CALLED.search(before):
            return True
        words = re.findall(r"[\w'-]+", self.norm[start:end])
        title = bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words)
        # (not what a parsed report is about: 'went on to promote "Celebrity Apprentice,"'; nor a
        # name given: 'an alias email with the name "Richard Windsor,"', which PolNeAR marks)
        reported = any(a.content and a.content[0] <= start and end <= a.content[1] + 1 for a in self.attributions)
        return title and self.norm[end - 1:end] == "," and _TERM_BEFORE.search(before) is not None \
            and not find_cues(before[-30:]) and not reported and not _NAMING_BEFORE.search(before)

    def _embedding_subject(self, start: int, subject_first: bool = False) -> Speaker | None:
        """The person a sentence of the writer's names first when a quote with no cue ends it
        ('Bernie Sanders, the Vermont senator, enjoys "Modern Family."', 'The Florida senator likes
        "The Walking Dead."'): the quoted words are that sentence's, not a previous speaker's going on."""
        sentence = self.sentences[self._sentence_position(start)]
        before = self.norm[sentence.start:max(sentence.start, start - 1)]
        if len(before.split()) < 2 or before.rstrip().endswith((":", ",")) or "\n" in before:
            return None
        people = [(a, b, p) for a, b, p in self.people.mentions if sentence.start <= a and b <= start - 1]
        if not people:
            return None
        # (`subject_first`: the person right before a verb, not a name modifying the subject:
        # "Clinton campaign manager Robby Mook released a memo titled "...""
        subjects = [x for x in people if _VERB_AFTER_NAME.match(self.norm, x[1])] if subject_first else []
        a, b, person = (subjects or people)[0]
        return Speaker(person.name, self.text[a:b], a, b)

    @staticmethod
    def _own_attribution(quote: Quote, cue: Cue | None) -> bool:
        """Whether the next paragraph of a multi-paragraph quote has an attribution of its own
        ('"...," Christie added.\n\n"He'll appoint ...," he said.'): PolNeAR marks it apart."""
        return cue is not None and quote.speaker_text is not None and quote.cue_start != cue.start

    def _chained(self, before: _Unit, unit: _Unit) -> bool:
        """News style for a quote over several paragraphs: the paragraph's quote is left open and
        the next paragraph starts with a new opening mark."""
        last_end = before.spans[-1][1]
        line_end = self._line(last_end)[1]
        open_at_end = before.open_end and not self.norm[last_end:line_end].strip()
        line_start = self._line(unit.spans[0][0])[0]
        return (open_at_end and unit.paragraph == before.paragraph + 1
                and not self.norm[line_start:unit.spans[0][0] - 1].strip())

    def _later_in_chain(self, units: list[_Unit], index: int) -> tuple[Cue | None, Speaker | None]:
        """The attribution of a multi-paragraph quote often comes only in a later paragraph."""
        while index + 1 < len(units) and self._chained(units[index], units[index + 1]):
            index += 1
            cue, speaker = self._attribute(units[index])
            if cue is not None:
                return cue, speaker
        return None, None

    def _sentence_before(self, start: int, same_paragraph: bool = False) -> tuple[Cue | None, Speaker | None]:
        """A quote standing alone after a sentence that introduces it ('Trump told the crowd:'
        or 'Clinton took questions. "We will win."'): the cue and speaker of that sentence. A
        paragraph that opens with an unattributed quote goes on from the last sentence of the
        paragraph before ('Rather, he said, ... \n\n"To my knowledge, ..."'). The sentence's own
        reported clause stays its quote ('Perez says too many women are torn. "They feel ..."':
        two attributions, one speaker) unless a colon ends it: then the quote is that clause."""
        position = bisect.bisect_right(self.sentences, start, key=lambda s: s.start) - 1
        if position < 1:
            return None, None
        sentence = self.sentences[position - 1]
        between = self.norm[sentence.end:start]
        introduced = self.norm[sentence.start:sentence.end].rstrip().endswith(":")
        new_paragraph = "\n" in between and not introduced
        if same_paragraph and "\n" in between:
            return None, None
        if new_paragraph and (between.count("\n") > 2 or self.norm[self._line(start)[0]:start - 1].strip()):
            return None, None  # not a paragraph that opens with the quote, right after the sentence
        if not find_cues(self.norm, sentence.start, sentence.end):
            if not introduced:
                return None, None
            result = self._inverted_opening(sentence.start, sentence.end)  # "Stated Stone:\n\n"..."
            return result if result[0] else self._introducer(sentence.start, sentence.end)
        used = set(self.used_cues)
        cue, speaker = self._frame_speaker(sentence.start, sentence.end, prefer_end=True)
        if not introduced:  # a colon's sentence reports the quote ("describes itself as follows:")
            self.used_cues = used  # the sentence's own reported clause is still its quote
        return cue, speaker

    def _inverted_opening(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """A frame that opens with a capitalised reporting verb and its speaker ('Said Dorothy
        Poynter, who grew up with Ali, "..."', 'Stated Stone:'): the verb is the cue, the name after
        it the speaker (find_cues leaves capitalised forms out: "Said" is also a name)."""
        match = _INVERTED_OPENING.match(self.norm, start, end)
        if match is None or match.group("verb").lower() not in ATTRIBUTION_FORM_LEMMAS:
            return None, None
        verb = _match_at(self.norm, *match.span("verb"))
        first = match.start("name")
        named = [(s, e, p) for s, e, p in self.people.mentions if s <= first < e]
        if not named:
            return None, None
        s, e, person = named[0]
        # NER may take the verb into the name ("Stated Roger Stone"): the name starts after it
        name = person.name if s == first else self.text[first:e]
        return Cue(verb.group(), verb.start(), verb.end()), Speaker(name, self.text[first:e], first, e)

    def _introducer(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """A sentence with no cue word that introduces a quote with a colon ('When Wallace died,
        President Clinton released the following statement:'): the person or organisation named
        last before its verb phrase, short of the colon, is the source; the colon the cue."""
        colon = self.norm.rfind(":", start, end)
        if colon < 0 or self.norm[colon + 1:end].strip():
            return None, None
        named = [(s, e, p.name) for s, e, p in self.people.mentions if start <= s and e <= colon] + \
                [(m.start, m.end, m.text) for m in self.mentions if m.label in ENTITY_SPEAKER_LABELS and start <= m.start and m.end <= colon]
        # the subject: a name followed by a lower-case word (its verb), the last such before the colon
        subjects = [x for x in named if re.match(r"\s+[a-z]", self.norm[x[1]:colon])]
        if not subjects:
            return None, None
        s, e, name = max(subjects)
        return Cue(":", colon, colon + 1), Speaker(name, self.text[s:e], s, e)

    def _is_title(self, unit: _Unit) -> bool:
        """A name in quote marks after "on", "of", "told", "called" or a possessive: a programme,
        book or slogan ('told "Fox and Friends,"', 'the book "Strangers No More"', 'his book, "Doomed
        to Succeed,"'), not speech."""
        if len(unit.spans) > 1:
            return False
        start, end = unit.spans[0]
        words = re.findall(r"[\w'&-]+", self.norm[start:end])
        if not words or len(words) > MAX_TITLE_WORDS:
            return False
        if not all(w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words):
            return False  # ("Sharknado 3")
        before = re.search(r"([\w']+),?\s*$", self.norm[max(0, start - 30):start - 1])  # "his book, "An American Son""
        if re.search(r"\bknown\s+as\s*$", self.norm[max(0, start - 30):start - 1]):
            return True  # 'the campaign, known as "Friends First,"': the name it goes by
        return before is not None and (before.group(1).lower() in TITLE_INTRODUCERS or before.group(1).endswith("'s"))

    def _inside_source_phrase(self, unit: _Unit) -> bool:
        """Quoted words with words of a parsed source phrase on both sides ('the "Pose" actor
        said'): a title modifying the speaker's noun, which names a work, not words said."""
        if len(unit.spans) > 1:
            return False
        start, end = unit.spans[0]
        return any(a.source is not None and a.source[0] < start - 1 and end + 1 < a.source[1]
                   and re.search(r"\w", self.norm[end + 1:a.source[1]]) for a in self.attributions)

    def _writer_words(self, clause: tuple[int, int], unit: _Unit) -> bool:
        """Whether the reported clause has the writer's own words beside the quoted ones."""
        outside = self.norm[clause[0]:unit.spans[0][0] - 1] + " " + self.norm[unit.spans[-1][1] + 1:clause[1]]
        return bool(set(re.findall(r"[a-z]+", outside.lower())) - {"that"})

    def _not_speech(self, offset: int) -> bool:
        """Headlines and photo captions carry no quotes of their own (the parse of a headline is
        unreliable: "Inquiry told of abuse" has no speaker)."""
        line_start, line_end = self._line(offset)
        if line_start not in self.not_speech_lines:  # once per line: long one-line texts stay linear
            position = self._sentence_position(line_start)
            on_line = [x for x in self.sentences[position:position + 2] if line_start <= x.start < line_end]
            headline = len(on_line) == 1 and is_headline(on_line[0])  # a headline is a line of its own
            self.not_speech_lines[line_start] = headline or is_caption(self.norm, line_start) \
                or self._subheading(line_start, line_end)
        return self.not_speech_lines[line_start]

    def _subheading(self, line_start: int, line_end: int) -> bool:
        """A short line of its own inside the story, with no final punctuation ("He said, she
        said", "Who said what"): a section heading, whatever its words say. The first line (the
        story's title, "Trump says he will win") is left to the headline rules."""
        line = self.norm[line_start:line_end].strip()
        if line_start == 0 or not self.norm[:line_start].strip() or not line:
            return False
        return len(line.split()) <= MAX_SUBHEADING_WORDS and line[-1] not in '.?!:"\''

    def _sentence_position(self, offset: int) -> int:
        return max(bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1, 0)

    def _line(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line holding `offset`, without the line break."""
        i = bisect.bisect_left(self.newlines, offset)
        start = self.newlines[i - 1] + 1 if i > 0 else 0
        end = self.newlines[i] if i < len(self.newlines) else len(self.norm)
        return start, end

    def _continues(self, quote: Quote, cue: Cue | None, start: int) -> bool:
        """A quote that goes on after its own attribution ('"A," he said. "B."') or into the next
        paragraph is one quote."""
        gap = self.norm[quote.end + 1:start - 1]
        if not gap.strip():
            return True
        if cue is None or not quote.end < cue.start < start or not self._ends_quoted(quote):
            return False
        if "\n" in gap and gap[gap.rfind("\n") + 1:].strip():
            return False  # the quote's paragraph opens with the writer's words ('X agreed. "B."')
        # the source phrase may be long ('said Mike Lux, a former labor official who ...'):
        # only the words besides it count
        source = (quote.source_start, quote.source_end) if quote.source_start is not None else (start, start)
        outside = self.norm[quote.end + 1:max(quote.end + 1, source[0])] + " " + self.norm[max(quote.end + 1, source[1]):start - 1]
        if len(outside.split()) <= MAX_INTERRUPTION_WORDS:
            return True
        # '"A," she told the hall, where a crowd of 1,200 watched outside. "B."': one sentence of attribution
        return "\n" not in gap and not _SENTENCE_STOP_BEFORE.search(gap.rstrip().rstrip(".!?") + " ")

    def _goes_on_in_paragraph(self, quote: Quote, cue: Cue | None, start: int) -> bool:
        """A quote with no frame of its own later in the same paragraph as the previous quote, with
        no other report between ('"A," X told the show "Inside Edition" after the attack, which was
        filmed. "B."'): the same speaker goes on, one attribution (PolNeAR marks it from A to B)."""
        if "\n" in self.norm[quote.end:start]:
            return False
        return not any(quote.end < a.cue[0] < start and (cue is None or a.cue[0] != cue.start) for a in self.attributions)

    def _ends_quoted(self, quote: Quote) -> bool:
        """Whether the quote ends with quoted words (a direct quote, or a clause ending in them)."""
        after = re.match(r'[\s.,;:!?]*"', self.norm[quote.end:quote.end + 4])  # 'But "if ..., forget it,"'
        return quote.kind == "direct" or after is not None

    def _extend(self, quote: Quote, start: int, end: int, unit: _Unit) -> None:
        """The quote goes on with `unit`; the writer's words left out between the pieces ('"A,"
        he said. "B."') show as an ellipsis, as a quotation leaving words out marks them. A unit
        the quote already holds (a reported clause taken with the quoted words that end it: 'said
        the talks left them with "concerns" and a wish to "continue talking"') adds nothing."""
        if end <= quote.end:
            return
        left_out = re.search(r"[^\s\"'.,;:!?]", self.norm[quote.end:start]) is not None
        joined = " ".join(self.text[s:e].strip() for s, e in unit.spans)
        quote.text = f"{quote.text}{' … ' if left_out else ' '}{joined}"
        quote.end = end

    def _enclosing_attribution(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """The parsed attribution whose reported clause holds this quote ('According to X, the
        plan was "a disaster"')."""
        # the parse's clause may stop at the first sentence end inside the quote ('According to
        # the paper, "A. B."'): a clause that opens before the quote and runs into it holds it
        around = [a for a in self.attributions if a.content and a.content[0] <= start
                  and (end <= a.content[1] + 1 or a.cue[1] < start <= a.content[1])
                  and a.cue[0] not in self.used_cues and not self._inside_quote(a.cue[0])]
        if not around:
            return None, None
        parsed = min(around, key=lambda a: a.content[1] - a.content[0])
        self.used_cues.add(parsed.cue[0])
        return Cue(self.text[parsed.cue[0]:parsed.cue[1]], *parsed.cue), self._parsed_speaker(parsed, lambda: None)

    def _reports_elsewhere(self, cue: Cue, start: int, end: int) -> bool:
        """Whether the parsed report of `cue` has a clause that shares no word with the quoted
        words start..end."""
        parsed = self.by_cue.get(cue.start)
        return parsed is not None and parsed.content is not None and (parsed.content[1] <= start or end <= parsed.content[0])

    def _clause_around(self, cue: Cue | None, start: int, end: int) -> tuple[int, int] | None:
        parsed = self.by_cue.get(cue.start) if cue is not None else None
        if parsed is None or parsed.content is None:
            return None
        s, e = parsed.content
        if any(s <= a.cue[0] < cue.start and len(self.norm[s:a.cue[0]].split()) <= 1 and (a.source or a.cue)[0] >= a.cue[0]
               for a in self.attributions):
            return None  # a clause run back over the question it opens with ('Asked what ..., he said, "..."')
        return (s, e) if s <= start and end <= e + 1 else None

    def _quoted_spans(self) -> list[tuple[int, int, int, bool]]:
        """(content start, content end, paragraph, unclosed) for each pair of quote marks in a
        paragraph; an unclosed quote runs to the end of its paragraph (news style for
        multi-paragraph quotes)."""
        spans = []
        for paragraph, line in enumerate(re.finditer(r"[^\n]+", self.norm)):
            marks = [m.start() for m in _QUOTE_MARK.finditer(line.group())]
            for i in range(0, len(marks), 2):
                open_at = line.start() + marks[i]
                close_at = line.start() + marks[i + 1] if i + 1 < len(marks) else line.end()
                if self.text[open_at + 1:close_at].strip():
                    spans.append((open_at + 1, close_at, paragraph, i + 1 >= len(marks)))
                    self.quoted.append((open_at, close_at + 1))
        return spans

    def _units(self, spans: list[tuple[int, int, int, bool]]) -> list[_Unit]:
        units: list[_Unit] = []
        for start, end, paragraph, unclosed in spans:
            if units and units[-1].paragraph == paragraph and self._is_interruption(units[-1].spans[-1][1], start) \
                    and not self._reported_apart(units[-1].spans[-1][1], start, end):
                units[-1].spans.append((start, end))
                units[-1].open_end = unclosed
            else:
                units.append(_Unit(spans=[(start, end)], paragraph=paragraph, open_end=unclosed))
        return units

    def _is_interruption(self, previous_end: int, start: int) -> bool:
        between = self.norm[previous_end + 1:start - 1]
        comma = between.strip().startswith(",") or self.norm[previous_end - 1:previous_end] == ","
        # '"A," Trump said. He added, "B"': two sentences, each with its own attribution
        two_sentences = _SENTENCE_STOP_BEFORE.search(between.rstrip() + " ") is not None
        # '"A," Cruz said as the heckler yelled: "B"': a second clause's verb at the mark
        manner = _MANNER_BEFORE.search(between)
        two_reports = manner is not None and any(
            _SUBORDINATOR.search(between, c.end(), manner.start("verb")) for c in find_cues(between))
        return (len(between.split()) <= MAX_INTERRUPTION_WORDS and comma and not two_sentences and not two_reports
                and between.rstrip().endswith((",", ":"))
                and (bool(find_cues(between)) or _MANNER_AFTER.match(between) is not None))  # '"A," he exclaimed, "B"'

    def _reported_apart(self, previous_end: int, start: int, end: int) -> bool:
        """Whether the quoted piece at start..end, after a frame with a cue, has an attribution of its
        own right after it ('"A," she said, but despite the tone, "B," said Kunin'): two quotes, each
        with its own speaker, not one quote the first frame interrupts."""
        if not find_cues(self.norm, previous_end + 1, start - 1):
            return False
        after = self._frame_after(end)
        if after is None:
            return False
        closed = self.norm[max(start, end - 3):end].rstrip(" '")[-1:] in (",", "?", "!") \
            or self.norm[after[0]:after[1]].lstrip().startswith(",")
        cues = find_cues(self.norm, after[0], after[1])
        return closed and bool(cues) and len(self.norm[after[0]:cues[0].start()].split()) <= MAX_PHRASE_WORDS_BEFORE

    def _attribute(self, unit: _Unit) -> tuple[Cue | None, Speaker | None]:
        cue, speaker = self._frame_attribution(unit)
        if cue is not None and speaker is None:
            speaker = self._speaker_in_sentence(cue, unit.spans[0][0] - 1, unit.spans[-1][1] + 1)
        return cue, speaker

    def _speaker_in_sentence(self, cue: Cue, open_mark: int, close_mark: int) -> Speaker | None:
        """The speaker of a cue whose frame, cut at another quote mark, holds no subject ('Carson
        shared a syllabus for a class called "Perception" on his page, writing "..."', '"...," X,
        wearing "Cruz" pins, said'): looked for in the cue's sentence, outside the quote."""
        sentence = self.sentences[self._sentence_position(cue.start)]
        start, end = (sentence.start, open_mark) if cue.end <= open_mark else (close_mark, sentence.end)
        if not start <= cue.start < end:
            return None
        return self._speaker_near(_match_at(self.norm, cue.start, cue.end), start, end)

    def _frame_attribution(self, unit: _Unit) -> tuple[Cue | None, Speaker | None]:
        start, end = unit.spans[0][0], unit.spans[-1][1]
        if len(unit.spans) > 1:
            frame = (unit.spans[0][1] + 1, unit.spans[1][0] - 1)
            result = self._frame_speaker(*frame)
            if result[0] is None:
                result = self._manner_speaker(*frame)  # '"A," the judge exclaimed, "B"'
            if result[0]:
                return result
        after = self._frame_after(end)
        before = self._frame_before(start)
        content_end = self.norm[max(start, end - 3):end].rstrip(" '")  # ",'" closes a nested quote
        attribution_follows = after and (self.norm[after[0]:after[1]].lstrip().startswith(",") or content_end[-1:] in ",?!")
        if attribution_follows and self._in_source_phrase(start, end, after):
            return None, None  # 'the hacker known as "Guccifer," stated that ...': a name in the speaker's phrase
        if attribution_follows:
            result = self._frame_speaker(*after)
            if result[0] is None:
                result = self._manner_speaker(*after)
            if result[0]:
                return result
        if before:
            result = self._parsed_report_of(before, start)
            if result[0] is None:
                result = self._inverted_opening(*before)
            if result[0]:
                return result
            # 'When Trump suggested ..., Rubio fired back forcefully: "..."': the verb at the mark
            result = self._manner_speaker_before(*before)
            if result[0] and not find_cues(self.norm, result[0].start, before[1]):
                return result
            result = self._frame_speaker(*before, prefer_end=True)
            if result[0]:
                return result
            result = self._colon_speaker(*before)
            if result[0]:
                return result
            result = self._statement_speaker(*before)
            if result[0]:
                return result
        if after and len(self.norm[after[0]:after[1]].split()) <= 8:
            return self._frame_speaker(*after)
        return self._credit_line(end)

    def _in_source_phrase(self, start: int, end: int, after: tuple[int, int]) -> bool:
        """Whether the quoted words belong to the source phrase of the report right after them
        ('Lehel, the hacker known as "Guccifer," stated that ...'): a name or title the speaker
        goes by, not what was said; the report's own clause is its quote."""
        first = next((a for a in self.attributions if after[0] <= a.cue[0] < after[1]), None)
        return first is not None and first.source is not None and first.content is not None \
            and first.source[0] < start and end <= first.source[1] + 2 and first.content[0] >= first.cue[1]

    def _credit_line(self, end: int) -> tuple[Cue | None, Speaker | None]:
        """A quote whose paragraph ends with it, credited on the next line after a dash ('"Great
        speech."\n\n-President Obama, tweeting after the speech.'): the name after the dash speaks."""
        match = _CREDIT_LINE.match(self.norm, end)
        if match is None:
            return None, None
        s, e = match.span("name")
        speaker = self._named_in(s, e)
        if speaker is None and _CREDITED_NAME.fullmatch(self.norm, s, e):  # a name NER missed
            speaker = Speaker(self.text[s:e], self.text[s:e], s, e)
        if speaker is None:
            return None, None
        return Cue(self.text[match.start("dash"):match.end("dash")], *match.span("dash")), speaker

    def _parsed_report_of(self, frame: tuple[int, int], start: int) -> tuple[Cue | None, Speaker | None]:
        """The parsed report in the words before a quote whose reported clause is the quote itself
        ('When asked why, Sembler responded in a text message: "..."': "responded", not "asked",
        whose clause the parser ran on over the answer)."""
        reports = [a for a in self.attributions if frame[0] <= a.cue[0] < frame[1] and a.content is not None
                   and frame[1] <= a.content[0] <= start and a.cue[0] not in self.used_cues]
        if not reports:
            return None, None
        parsed = reports[-1]
        self.used_cues.add(parsed.cue[0])
        cue = _match_at(self.norm, *parsed.cue)
        return Cue(self.text[parsed.cue[0]:parsed.cue[1]], *parsed.cue), \
            self._parsed_speaker(parsed, lambda: self._speaker_near(cue, *frame))

    def _manner_speaker_before(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """'Mr. Trump yelled, "Out, out, out!"', 'Rubio fired back forcefully:': a subject and a
        verb of any manner of speaking, then a comma or colon, right before the quote."""
        match = _MANNER_BEFORE.search(self.norm, max(start, end - 80), end)
        if match is None:
            return None, None
        verb = _match_at(self.norm, *match.span("verb"))
        speaker = self._speaker_near(verb, start, verb.start())
        if speaker is None:
            return None, None
        return Cue(verb.group(), verb.start(), verb.end()), speaker

    def _manner_speaker(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """'"Go back to Univision," Trump barked': after a quote that ends with a comma, a
        subject and a verb of any manner of speaking (shouted, sang, chanted) attribute it."""
        match = _MANNER_AFTER.match(self.norm, start, end) or _MANNER_AFTER_INVERTED.match(self.norm, start, end)
        if match is None:
            return None, None
        verb = _match_at(self.norm, *match.span("verb"))
        # the text read is the source, not a person named after it ("which was sent by Miller")
        read = match.re is _MANNER_AFTER_INVERTED and match.group("read") is not None
        speaker = self._phrase_at(verb, verb.start(), end) if read else self._speaker_near(verb, start, end)
        if speaker is None and match.re is _MANNER_AFTER:  # a phrase longer than the frame rules take
            speaker = Speaker(None, self.text[match.start("subject"):match.end("subject")], *match.span("subject"))
        if speaker is None:
            return None, None
        return Cue(verb.group(), verb.start(), verb.end()), speaker

    def _frame_after(self, end: int) -> tuple[int, int] | None:
        limit = min(len(self.norm), end + 1 + MAX_FRAME_CHARS)
        stop = _SENTENCE_STOP.search(self.norm, end + 1, limit)
        frame_end = stop.start() if stop else limit
        return (end + 1, frame_end) if frame_end > end + 1 else None

    def _frame_before(self, start: int) -> tuple[int, int] | None:
        open_mark = start - 1
        line_start = self.norm.rfind("\n", 0, open_mark) + 1
        frame_start = line_start
        for width in (512, open_mark - line_start):  # the near end first: a one-line text stays linear
            window_start = max(line_start, open_mark - width)
            ends = [m.end() for m in _SENTENCE_STOP_BEFORE.finditer(self.norm, window_start, open_mark)]
            if ends or window_start == line_start:
                frame_start = ends[-1] if ends else line_start
                break
        return (frame_start, open_mark) if open_mark > frame_start else None

    def _frame_speaker(self, start: int, end: int, prefer_end: bool = False) -> tuple[Cue | None, Speaker | None]:
        cues = [c for c in find_cues(self.norm, start, end)]
        if not cues:
            return None, None
        match = cues[-1] if prefer_end else cues[0]
        self.used_cues.add(match.start())
        parsed = self.cue_words.get(match.start())
        if parsed is None:
            return Cue(match.group(), match.start(), match.end()), self._speaker_near(match, start, end)
        self.used_cues.add(parsed.cue[0])
        cue = Cue(self.text[parsed.cue[0]:parsed.cue[1]], *parsed.cue)
        return cue, self._parsed_speaker(parsed, lambda: self._speaker_near(match, start, end))

    def _statement_speaker(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """A quote right after a noun naming what was issued ('Trump issued a statement, "..."',
        'posted this message:'): the noun is the cue, whoever issued it the speaker."""
        match = _STATEMENT_BEFORE.search(self.norm, max(start, end - 40), end)
        if match is None:
            return None, None
        noun = _match_at(self.norm, *match.span("noun"))
        speaker = self._speaker_near(noun, start, noun.start())
        return (Cue(noun.group(), noun.start(), noun.end()), speaker) if speaker is not None else (None, None)

    def _colon_speaker(self, start: int, end: int) -> tuple[Cue | None, Speaker | None]:
        """A transcript or interview line: 'Rep. Trey Gowdy (R-S.C.): "..."' names its speaker."""
        colon = self.norm.rfind(":", start, end)
        if colon < 0 or self.norm[colon + 1:end].strip() or _CREDIT.search(self.norm, start, colon):
            return None, None
        people = [(s, e, p) for s, e, p in self.people.mentions if start <= s and e <= colon]
        if not people:
            return None, None
        s, e, person = people[0]
        return Cue(":", colon, colon + 1), Speaker(person.name, self.text[s:e], s, e, source=(start, colon))

    def _parsed_speaker(self, parsed: Attribution, fallback) -> Speaker | None:
        """The speaker named by a parsed source phrase; the frame rules name it when the parse
        has no source or cannot name one inside it."""
        head = parsed.source_head or parsed.source
        if parsed.source is not None and self._addressed(parsed):
            return None  # "if you want to understand it", "you can't help but see it": the reader, nobody's report
        if parsed.source is None or (self._within_marks(parsed.source[0]) or self._within_marks(head[1] - 1)) \
                and not self._quoted_words_in_phrase(*parsed.source):
            # a parse that took quoted words for the subject (a title in quote marks at the end of
            # an appositive is not that: 'Trump, the star of "The Apprentice," said'; nor is a phrase
            # with quoted words in it: '"Daily Show" host Trevor Noah showed', 'a "super PAC" supporting')
            return fallback()
        if parsed.label:
            return self._label_speaker(parsed)
        speaker = self._name_in(parsed.source, parsed.source_head, parsed.source_name)
        if speaker.name is None:
            other = fallback()
            if other is not None and other.name and parsed.source[0] <= other.start and other.end <= parsed.source[1]:
                speaker = other
        speaker.source = parsed.source
        return speaker

    def _label_speaker(self, parsed: Attribution) -> Speaker:
        """Who a "Name:" line label names ('Lopez: We will win', 'BOULDUAN: Why not debate?',
        'Sanders: Clinton Email Story Has Moved'): a person or organisation the article names
        elsewhere, a label in capitals (a transcript's) or one whose words are in the first
        person; an organisation the label names (NER's ORG); a poll, report or newspaper ("Gallup
        Poll:", "Report:", "New York Times:"), which speaks through what it published. Any other
        label ("Butter:", "Disclosures:") stays the source phrase, naming nobody."""
        s, e = parsed.source_name or parsed.source  # the name, without where it was said ("at RNC")
        label = self.text[s:e]
        person = self.people.person_at(s, e) or self.people.by_surname(label.split()[-1])
        if person is not None and any(p is person and not s <= a < e for a, _, p in self.people.mentions):
            return Speaker(person.name, label, s, e, source=parsed.source)
        organisation = any(m.label in ENTITY_SPEAKER_LABELS and m.text == label and not s <= m.start < e for m in self.mentions)
        # an organisation named by the label alone ("Greenpeace: ..."), not a place ("Iowa: Tim Albrecht")
        organisation = organisation or any(m.label == "ORG" and (m.start, m.end) == (s, e) for m in self.mentions)
        publisher = label.split()[-1].lower() in SOURCE_LABEL_NOUNS
        if organisation or publisher or label.isupper() or _FIRST_PERSON.search(self.norm, *parsed.content):
            return Speaker(label, label, s, e, source=parsed.source)
        return Speaker(None, label, s, e, source=parsed.source)

    def _addressed(self, parsed: Attribution) -> bool:
        """Whether the parsed source is the writer's "you" (the reader, or anyone at all)."""
        s, e = parsed.source_head or parsed.source
        return _ADDRESSEE.fullmatch(self.norm, s, e) is not None

    def _name_in(self, source: tuple[int, int], head: tuple[int, int], proper: tuple[int, int] | None) -> Speaker:
        """Who a source phrase names: the person (name, surname, pronoun or role) or organisation
        at its head, else the head words themselves, unresolved ("officials", "a source")."""
        s, e = source
        hs, he = head
        # a title in quote marks modifying the head names a work, not the speaker ('the "Pose" actor')
        people = [(a, b, p) for a, b, p in self.people.mentions if s <= a and b <= e and not self._within_marks(a)
                  and not _COMPOUND_MODIFIER.match(self.norm, b)]
        at_head = [x for x in people if x[0] < he and hs < x[1]] or people[:1]
        if at_head:
            a, b, person = at_head[0]
            return Speaker(person.name, self.text[a:b], a, b)
        head_text = self.norm[hs:he]
        pronoun = _SPEAKER_PRONOUNS.search(head_text)
        if pronoun and pronoun.start() == 0:
            return self._pronoun(hs, he)
        if (described := self._appositive_of(s)) is not None:
            return described
        names = [m for m in self.mentions if m.label in ENTITY_SPEAKER_LABELS and m.start < he and hs < m.end and s <= m.start
                 and not (m.label == "NORP" and m.end < he)  # "Russian state news agency Tass": a modifier
                 and not _COMPOUND_MODIFIER.match(self.norm, m.end)
                 and not self._within_marks(m.start)]
        if names:
            m = names[-1]
            return Speaker(m.text, self.text[m.start:m.end], m.start, m.end)
        for word in _CAPITALISED.finditer(self.norm, hs, he):
            person = self.people.by_surname(word.group(), before=word.start())
            if person is not None and not self._within_marks(word.start()):
                return Speaker(person.name, word.group(), word.start(), word.end())
        if proper is not None and (self._within_marks(proper[0]) or self.norm[proper[0]:proper[1]] in ROLE_ACRONYMS
                                   or names_an_animal(self.norm, self.norm[proper[0]:proper[1]])):
            proper = None  # (a role written in capitals is no name: "the CMO added"; nor is a pet's)
        if proper is not None:  # a name NER missed ("Reuters news agency")
            return Speaker(self.text[proper[0]:proper[1]], self.text[proper[0]:proper[1]], *proper)
        return Speaker(None, self.text[hs:he], hs, he)

    # ------------------------------------------------------------ speakers

    def _speaker_near(self, cue: re.Match, start: int, end: int) -> Speaker | None:
        """The speaker of `cue` in the frame text[start:end]: a person, a pronoun or role phrase
        resolved to a person, an organisation, or a capitalised surname met earlier."""
        people = [(s, e, p) for s, e, p in self.people.mentions if start <= s and e <= end]
        owner = self._owner_of(cue, start)
        if owner is not None:
            return owner
        subject = _SPEAKER_PRONOUNS.search(self.norm, start, cue.start())
        if subject:  # "he said, paraphrasing Clinton's remarks": the pronoun next to the cue
            return self._pronoun(subject.start(1), subject.end(1))
        phrase = self._phrase_before(cue, start)
        if phrase is not None:  # the subject right before the cue ("another supporter wrote on Reddit")
            s, e = phrase
            named = self._named_in(s, e)
            if named is not None:
                return named
            if not _CAPITALISED.match(self.norm, s):
                return Speaker(None, self.text[s:e], s, e)
        if people:
            # a person named before the cue is its subject ('"A," Steve Moody, a farmer, said at Mr.
            # Trump's rally', 'X told Mr. Obama'); one after it only speaks in the inverted order ('said X')
            before = [x for x in people if x[1] <= cue.start()]
            # not one after a preposition ('Trump took to Twitter, writing:', 'met with Obama, saying')
            before = [x for x in before if not _AFTER_PREPOSITION.search(self.norm, start, x[0])] or before
            s, e, person = before[-1] if before else min(people, key=lambda x: abs(x[0] - cue.end()))
            return Speaker(person.name, self.text[s:e], s, e)
        pronoun = _SPEAKER_PRONOUN_AFTER.match(self.norm, cue.end(), end)
        if pronoun:
            return self._pronoun(pronoun.start(1), pronoun.end(1))
        organisations = [m for m in self.mentions if m.label in ENTITY_SPEAKER_LABELS and start <= m.start and m.end <= end
                         and not _COMPOUND_MODIFIER.match(self.norm, m.end)]
        if organisations:
            m = min(organisations, key=lambda m: abs(m.start - cue.start()))
            return Speaker(m.text, self.text[m.start:m.end], m.start, m.end)
        for word in _CAPITALISED.finditer(self.norm, start, end):
            person = self.people.by_surname(word.group(), before=word.start())
            if person is not None:
                return Speaker(person.name, word.group(), word.start(), word.end())
        return self._phrase_at(cue, start, end)

    def _owner_of(self, cue: re.Match, start: int) -> Speaker | None:
        """The possessor of a noun cue ("after her March comment that, "..."", "Trump's remarks
        that"): whose comment it is, not a person named earlier in the frame (PolNeAR marks the
        possessive)."""
        if cue.group().lower() not in NOUN_LIKE_FORMS:
            return None
        match = _OWNER_BEFORE.search(self.norm, max(start, cue.start() - 60), cue.start())
        if match is None:
            return None
        if match.group("pronoun"):
            s, e = match.span("pronoun")
            word = self.norm[s:e].lower()
            person = self.people.nearest_before(s, skip=self._within_marks, gender=PRONOUN_GENDER[word]) \
                if word in ("his", "her") else None
            return Speaker(person.name if person else None, self.text[s:e], s, e)
        return self._named_in(*match.span("name"))

    def _named_in(self, s: int, e: int) -> Speaker | None:
        """The last person named in text[s:e], else the last organisation (a group word modifying
        the head is none: "the Republican nominee riffed"); None without either."""
        named = [(a, b, p) for a, b, p in self.people.mentions if s <= a and b <= e and not _COMPOUND_MODIFIER.match(self.norm, b)]
        if named:
            a, b, person = named[-1]
            return Speaker(person.name, self.text[a:b], a, b)
        if (described := self._appositive_of(s)) is not None:
            return described
        organisations = [m for m in self.mentions if m.label in ENTITY_SPEAKER_LABELS and s <= m.start and m.end <= e
                         and not (m.label == "NORP" and m.end < e) and not _COMPOUND_MODIFIER.match(self.norm, m.end)]
        if not organisations:
            return None
        m = organisations[-1]
        return Speaker(m.text, self.text[m.start:m.end], m.start, m.end)

    def _appositive_of(self, s: int) -> Speaker | None:
        """The person a source phrase with no name describes, set after the name as its appositive
        ("Ryan Graves, a former US Navy pilot who asserted in July that ...": Ryan Graves, not the
        organisation modifying "pilot"); None when the phrase follows no name and a comma."""
        if not _APPOSITIVE_START.match(self.norm, s):
            return None
        before = [(a, b, p) for a, b, p in self.people.mentions if b <= s and _APPOSITIVE_GAP.fullmatch(self.norm, b, s)]
        if not before:
            return None
        a, b, person = before[-1]
        return Speaker(person.name, self.text[a:b], a, b)

    def _phrase_before(self, cue: re.Match, start: int) -> tuple[int, int] | None:
        """The short noun phrase right before the cue, back to a comma ("the executive says")."""
        before = self.norm[start:cue.start()]
        cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind('"')) + 1
        cut = max([cut] + [m.end() for m in _SUBORDINATOR.finditer(before, cut)])
        phrase = _LEADING_CONJUNCTION.sub("", before[cut:].rstrip())
        if not phrase or len(phrase.split()) > MAX_PHRASE_WORDS_BEFORE or not _NOUN_PHRASE.match(phrase):
            return None
        s = cue.start() - len(before[cut:]) + (len(before[cut:].rstrip()) - len(phrase))
        return s, s + len(phrase)

    def _phrase_at(self, cue: re.Match, start: int, end: int) -> Speaker | None:
        """A source nobody is named in ("the executive says", "said one former senior official"):
        the short phrase right before the cue (back to a comma) or after it (up to one), unresolved."""
        phrase = self._phrase_before(cue, start)
        if phrase is not None:
            return Speaker(None, self.text[phrase[0]:phrase[1]], *phrase)
        after = _PHRASE_AFTER.match(self.norm, cue.end(), end)
        if after and len(after.group(1).split()) <= MAX_PHRASE_WORDS_AFTER:
            return Speaker(None, self.text[after.start(1):after.end(1)], after.start(1), after.end(1))
        return None

    def _pronoun(self, s: int, e: int) -> Speaker:
        word = self.norm[s:e].lower()
        gender = PRONOUN_GENDER.get(word)
        person = self.people.nearest_before(s, skip=self._within_marks, gender=gender) if word in PRONOUNS_SINGULAR else None
        if person is not None:
            focus = self._reporter_in_focus(person, s) or self._reporter_of_sentence(person, s)
            # (the topic only where the article does not give it the other gender, and only one
            # named before the pronoun: in 'Berg will lose, she said, Mary Olsen reported' the
            # reporter named after it is no antecedent)
            fits = focus is not None and not (focus.gender and focus.gender != gender) and self._named_before(focus, s)
            person = focus if fits else person
        return Speaker(person.name if person else None, self.text[s:e], s, e)

    def _named_before(self, person, offset: int) -> bool:
        return any(p is person and e <= offset for _, e, p in self.people.mentions)

    def _reporter_of_sentence(self, nearest, offset: int):
        """The person named as the source of a report in the sentence that names `nearest` last
        before `offset`, when `nearest` is no source there: the one reporting is that sentence's
        subject and stays the topic (Centering's subject preference; "DeSantis blasted Biden for
        trying to address Islamophobia. "He is launching ...," he said." is DeSantis)."""
        last = max((m for m in self.people.mentions if m[1] <= offset and not self._within_marks(m[0])
                    and m[2] is nearest), key=lambda m: m[0], default=None)
        if last is None:
            return None
        sentence = self.sentences[self._sentence_position(last[0])]
        reporters = [p for a in sorted(self.attributions, key=lambda a: a.cue[0])
                     if a.source is not None and sentence.start <= a.cue[0] < min(sentence.end, offset)
                     for s0, e0, p in self.people.mentions if a.source[0] <= s0 and e0 <= a.source[1] + 1]
        if not reporters or any(p is nearest for p in reporters):
            return None
        return reporters[0]

    def _reporter_in_focus(self, nearest, offset: int):
        """The person who reported the clause that names `nearest` last before `offset`, when that
        clause is the last report before the pronoun: the one reporting stays the topic ("Lavrov said
        Moscow would talk with Muttaqi. Although he did not mention ..." is Lavrov)."""
        before = [a for a in self.attributions if a.content is not None and a.content[1] <= offset + 1]
        if not before:
            return None
        last = max(before, key=lambda a: a.content[1])
        mentions = [m for m in self.people.mentions if last.content[0] <= m[0] and m[1] <= last.content[1]]
        if not any(p is nearest for _, _, p in mentions) or last.source is None:
            return None
        reporter = self.people.nearest_before(last.source[1] + 1)
        inside_source = reporter is not None and any(
            p is reporter and last.source[0] <= s0 < last.source[1] + 1 for s0, _, p in self.people.mentions)
        return reporter if inside_source and reporter is not nearest else None

    # ------------------------------------------------------------ indirect speech

    def indirect(self) -> list[Quote]:
        """Reported speech, from the parse ("X said that ...", "according to X, ...")."""
        direct_cues = set(self.used_cues)
        return [q for q in (self._parsed_indirect(a, direct_cues) for a in self.attributions) if q is not None]

    def _parsed_indirect(self, parsed: Attribution, direct_cues: set[int]) -> Quote | None:
        if parsed.content is None or parsed.cue[0] in self.used_cues or self._inside_quote(parsed.cue[0]):
            return None
        if self._adjunct_over_report(parsed, direct_cues):
            return None
        cue_text = self.norm[parsed.cue[0]:parsed.cue[1]]
        if self._not_speech(parsed.cue[0]) and not (cue_text == ":" or cue_text[:1].isupper()):
            return None  # a headline's parse ("Inquiry told of abuse"): only the headline rules count
        if self._not_speech(parsed.cue[0]) and parsed.source and _DASH.search(self.norm, parsed.source[0], parsed.cue[0]):
            return None  # "Russia Hosts Talks with Taliban – Calls for ...": the second part has no subject
        if any(a.content and a is not parsed and a.content[0] <= parsed.cue[0] < a.content[1] for a in self.attributions):
            return None  # reported inside another report: the outer one names the source
        if parsed.source is not None and self._addressed(parsed) and self._in_question(parsed.cue[0]):
            return None  # "Do you support X?": the writer asks the reader, nobody reports
        start, end = self._pro_form_antecedent(parsed) or parsed.content
        if len(self.norm[start:end].split()) < MIN_INDIRECT_WORDS:
            return None
        if self._inside_quote(start) and self._inside_quote(end - 1):
            return None  # the quoted words themselves: a direct quote already
        self.used_cues.add(parsed.cue[0])
        speaker = self._parsed_speaker(parsed, lambda: self._subject_before(parsed))
        start, end = _with_closing_mark(self.norm, start, end)
        kind = _kind_of(self.norm, start, end)
        cue = Cue(self.text[parsed.cue[0]:parsed.cue[1]], *parsed.cue)
        return self._quote(self.text[start:end], start, end, speaker, cue, kind)

    def _pro_form_antecedent(self, parsed: Attribution) -> tuple[int, int] | None:
        """The sentence before "That's according to X" ('Teens love AirPods more than ever. That's
        according to a survey'): the pro-form and copula stand for that sentence, which is what
        X reported; None for any other content or with no sentence before it in the paragraph."""
        start, end = parsed.content
        if not _PRO_FORM_COPULA.fullmatch(self.norm, start, end) or end > parsed.cue[0]:
            return None
        position = self._sentence_position(start)
        if position < 1 or self.sentences[position].start != start:
            return None
        before = self.sentences[position - 1]
        if "\n" in self.norm[before.end:start]:
            return None
        return _trimmed(self.norm, before.start, before.end)

    def _adjunct_over_report(self, parsed: Attribution, direct_cues: set[int]) -> bool:
        """Whether a report in a clause after a direct quote's own frame took that whole sentence
        for its content ('"A," she said, as the crowd applauded', '"A," X noted, as reported by
        Y'): the quote has its attribution; the adjunct clause reports nothing of it ("according
        to X" after a quote is not an adjunct clause: PolNeAR marks it over the quote)."""
        start, end = parsed.content
        return end <= parsed.cue[0] and _SUBORDINATOR.search(self.norm[end:parsed.cue[0]]) is not None \
            and any(start <= c < end for c in direct_cues)

    def _subject_before(self, parsed: Attribution) -> Speaker | None:
        """The speaker the frame rules find before a cue the parse gave no subject ("Jay Lee, the
        club's president, suggested that ..." read as an appositive; "Trump" tagged an
        interjection): not for a passive, a question asked of someone ("Asked about it, ...") or
        a raising verb."""
        words = self.norm[parsed.cue[0]:parsed.cue[1]].lower().split()
        if parsed.passive or parsed.source is not None or ATTRIBUTION_FORM_LEMMAS.get(words[-1]) in RAISING_LEMMAS \
                or words[-1] in SOURCELESS_ADVERBS:
            return None  # "The plan seems to work", "X was reportedly there": the subject is no source
        sentence = self.sentences[parsed.sentence] if parsed.sentence < len(self.sentences) else None
        if sentence is None or not sentence.start <= parsed.cue[0] < sentence.end or parsed.cue[0] <= sentence.start:
            return None
        return self._speaker_near(_match_at(self.norm, *parsed.cue), sentence.start, parsed.cue[0])

    def _in_question(self, offset: int) -> bool:
        """Whether the sentence holding `offset` is a question."""
        sentence = self.sentences[self._sentence_position(offset)]
        return sentence.text.rstrip().endswith("?")

    def _inside_quote(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def _quoted_words_in_phrase(self, start: int, end: int) -> bool:
        """Whether text[start:end] is a phrase with quoted words in it ('"Daily Show" host Trevor
        Noah', 'a "super PAC"'): a word outside every pair of quote marks, and each pair it touches
        opened as a quote mark is, after a space (not markup: 'datetime="2016-06-29">Trump')."""
        touching = [(s, e) for s, e in self.quoted if s < end and start < e]
        return any(not self._inside_quote(m.start()) for m in _WORD.finditer(self.norm, start, end)) \
            and all(s == 0 or self.norm[s - 1].isspace() for s, _ in touching)

    def _within_marks(self, offset: int) -> bool:
        """Whether `offset` is strictly between a pair of quote marks (not on a mark)."""
        i = bisect.bisect_right(self.quoted, (offset, len(self.norm) + 1)) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1] - 1

    # ------------------------------------------------------------ output

    def _quote(self, text: str, start: int, end: int, speaker: Speaker | None, cue: Cue | None, kind: str) -> Quote:
        quote = Quote(id="", article="", text=text, start=start, end=end, kind=kind,
                      sentence=sentence_at(self.sentences, start))
        return self._attribute_quote(quote, speaker, cue)

    @staticmethod
    def _attribute_quote(quote: Quote, speaker: Speaker | None, cue: Cue | None) -> Quote:
        source = speaker.source_span if speaker else (None, None)
        quote.speaker = quote.speaker_name = speaker.name if speaker else None
        quote.speaker_text = speaker.text if speaker else None
        quote.source_start, quote.source_end = source
        quote.cue = cue.text if cue else None
        quote.cue_start, quote.cue_end = (cue.start, cue.end) if cue else (None, None)
        quote.act = speech_act(quote.kind, quote.cue)
        return quote


def _name_out_of_cue(norm: str, parsed: Attribution, people: PeopleIndex) -> Attribution:
    """A cue with no source that opens with the surname of someone named before ("Jolly said he
    would ...", the name read as an adverb): the name is the source, the rest the cue."""
    word = re.match(r"([A-Z][\w'-]+)\s+(?=\S)", norm[parsed.cue[0]:parsed.cue[1]])
    if parsed.source is not None or word is None or people.by_surname(word.group(1), before=parsed.cue[0]) is None:
        return parsed
    name = (parsed.cue[0], parsed.cue[0] + len(word.group(1)))
    return replace(parsed, cue=(parsed.cue[0] + word.end(), parsed.cue[1]), source=name, source_head=name, source_name=name)


def _univocal(norm: str, quotes: list[Quote]) -> list[Quote]:
    """Each word belongs to one attribution (PARC 3.0 / PolNeAR): a quote whose words lie inside
    another quote's reported clause is dropped ('he'd make sand "glow in the dark"' is Cruz's
    clause, not a second quote; a nested cue inside it too: on PolNeAR train, keeping those cost
    more precision than it gained recall); an aside in the frame of a direct quote stays, and so
    does a speaker's own report inside "according to" or a poll's "in" (the channel, not the
    speaker, is outer).
    `quotes` is sorted by start, longest first; the outer quote is kept."""
    kept: list[Quote] = []
    outer: Quote | None = None  # the kept quote reaching furthest (all kept ones start earlier)
    for quote in quotes:
        if outer is not None and _nested(norm, quote, outer):
            continue
        kept.append(quote)
        if outer is None or quote.end > outer.end:
            outer = quote
    return kept


def _nested(norm: str, quote: Quote, outer: Quote) -> bool:
    """Whether `quote` (starting at or after `outer`) only repeats words `outer` reports."""
    inner, around = _trimmed(norm, quote.start, quote.end), _trimmed(norm, outer.start, outer.end)
    if inner[1] > around[1] + 1:
        return False
    if inner == around:
        return True  # the same clause found twice (two quoted fragments in one reported clause)
    # an aside in the frame between two quoted pieces ('X said, referring to Y, "..."') is its own
    return outer.kind != "direct" and (outer.cue or "").lower() not in ("according to", "in")


def _trimmed(norm: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge spaces, punctuation and quote marks (a clause may stop before '."')."""
    while start < end and norm[start] in _SPAN_EDGE:
        start += 1
    while end > start and norm[end - 1] in _SPAN_EDGE:
        end -= 1
    return start, end


def _with_closing_mark(norm: str, start: int, end: int) -> tuple[int, int]:
    """A reported clause that ends inside quoted words (the parse leaves out the closing mark and
    the punctuation before it: 'was made "at the highest level,"') takes them, so the words it
    shows as quoted are closed."""
    if len(_QUOTE_MARK.findall(norm, start, end)) % 2 and (closing := re.match(r'[.,;:!?]?"', norm[end:end + 2])):
        return start, end + closing.end()
    return start, end


def _kind_of(norm: str, start: int, end: int) -> str:
    """direct: all of the content is inside one pair of quote marks; partial: some of it is;
    indirect: none."""
    inner = norm[start:end].strip(" ,.;:")
    marks = len(_QUOTE_MARK.findall(inner))  # (not an inch sign: 'he is 5'10" tall')
    if inner.startswith('"') and marks <= 2 and (inner.endswith('"') or marks == 1):
        return "direct"
    return "partial" if marks else "indirect"
