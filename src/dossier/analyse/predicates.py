"""Event mentions from the parse, TimeML style: verbal and nominal predicates with their
participants, tense, modality and the time expressions of their own clause.

Only the sentences that can put an event on a timeline are parsed: the lead (what the article
reports) and every sentence with a time expression, at most `MAX_PARSED_SENTENCES` per article,
so the parser's cost stays bounded (benchmarks/extraction_speed.py measures it). A body sentence
another layer has parsed already (attribution parses every reporting sentence) is read too, at
no parsing cost: its events are the body's account of what the article reports. The parse uses the
spaCy pipeline the options name, without NER (entities come from the entity layer).

A predicate is a VERB that is not a light, aspectual or cognitive verb, or a NOUN that names a
happening (`EVENT_NOUNS`, or one of them done again: "relaunch") or that a month and day modify
("the July 25 call"). A reporting verb ("said", "noted") is a predicate: TimeML annotates it as an
event (class REPORTING) beside the events it reports, dated like any other. Negated predicates and
words inside time expressions are left out. Modality: "hypothetical" under a modal
(would, could, might, may, should) or a condition (if, unless); "reported" inside what a speech
verb reports; "planned" as the complement of a verb or noun of intention ("aims to convert",
"agreed to hold talks", "a plan to build": TimeML's SLINK of type MODAL, Pustejovsky et al. 2005),
whose event the sentence does not say happened; else "asserted". A predicate that tells advice or
a kind of activity (an imperative, the writer's generic "you", a gerund subject) is `generic`; a
time that describes a thing ("a 2019 Toyota") is no time of its clause (`with_described_things`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from dossier.analyse.entities import is_headline
from dossier.analyse.parses import SentenceParses
from dossier.analyse.events import LEAD_SENTENCES
from dossier.model import Mention, Predicate, Sentence, TimeExpression

# A bound on parsed sentences per article: the lead plus the first sentences with a time.
MAX_PARSED_SENTENCES = 12
MAX_PARTICIPANT_WORDS = 5
# Verbs that carry no happening of their own (copulas, light and cognitive verbs). Reporting
# verbs are events (the typed layer's "statement" takes those whose content is irrealis).
LIGHT_VERBS = frozenset("""
be have do get make take give go come seem become remain keep let put set use include involve
know think believe want need like expect hope try appear look feel mean consider see find
according
aim strive seek help require reflect concern emphasize emphasise underscore highlight represent
welcome allow enable last date precede follow begin start continue stop end try intend plan accord
""".split())
SPEECH_VERBS = frozenset("""
say tell add note state report claim announce confirm deny insist stress argue suggest write
warn explain ask told
""".split())
MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ought"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
CONDITIONS = frozenset({"if", "unless", "whether"})
# Verbs and nouns of intention, promise and arrangement whose infinitive complement is an event
# still to come (TimeML SLINK MODAL: "want", "plan", "promise"); "expect" and "try" are left out:
# a forecast or an attempt says nothing of anyone's intention.
INTENTION_WORDS = frozenset("""
aim plan intend seek want wish hope vow pledge promise threaten propose agree decide schedule
prepare resolve commit offer undertake vote mean set due
bid goal target intention proposal threat decision agreement deal
""".split())
# Nouns that name a happening across domains (accidents, disasters, business, politics, markets).
# The last line's nominals are those TimeBank tags as EVENT in at least half their occurrences
# (TBAQ-cleaned: decision 47/53, dispute 11/11, request 16/19, departure 9/9, interview 13/14, ...).
EVENT_NOUNS = frozenset("""
crash collision accident derailment explosion blast fire wildfire flood flooding earthquake quake
tremor aftershock tsunami storm hurricane typhoon cyclone tornado landslide eruption drought outbreak
attack bombing shooting stabbing assault raid strike airstrike invasion war battle clash ambush siege
killing murder death arrest trial verdict ruling conviction sentence appeal indictment lawsuit
election vote referendum poll campaign protest demonstration riot coup resignation appointment
summit meeting talks negotiation visit ceremony funeral wedding visit
launch release unveiling announcement merger acquisition takeover deal sale purchase bankruptcy
layoff recall delivery order contract ipo listing delisting offering
fall drop decline plunge slump rise gain rally surge jump crash selloff sell-off rebound recovery
collapse crisis shutdown default
decision dispute request departure leave speech interview hearing settlement demand
""".split())
_PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "dative", "attr", "poss", "compound"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nouns whose period modifier dates an occasion, not a thing ("at the 2020 Olympics", "the 2019
# season"), and the dependencies of a modifier before its noun (spaCy's English labels).
OCCASION_NOUNS = frozenset("""
season seasons game games olympics olympic cup championship championships tournament final finals race
midterm midterms primary primaries census festival conference session term semester edition series
year years quarter month week era period decade century
""".split())
_STYLE_PERIOD = re.compile(r"(?i)centur|\d0s\b|\b(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b")  # a century, a decade
_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "nmod"})
_TIME_PREPOSITIONS = frozenset({"in", "at", "during", "since", "before", "after", "until", "through",
                                "throughout", "following", "amid", "by", "for", "over", "from"})

_BOUND_PREPOSITIONS = frozenset({"before", "until", "till"})
_INFLECTED_E = re.compile(r"(?:(?<!a)ch|sh)e$")  # `lemma_of`
# Month names as a date before a noun writes them ("the July 25 call", "the Nov. 29 meeting").
_MONTH_WORDS = frozenset("""
january february march april may june july august september october november december
jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.
""".split())


def find_predicates(text: str, sentences: list[Sentence], times: list[TimeExpression],
                    mentions: list[Mention], parses: SentenceParses) -> list[Predicate]:
    """Predicates of the lead and time-bearing sentences of one article, and of the body sentences
    parsed already, in text order."""
    chosen = predicate_sentences(sentences, times)
    picked = {s.index for s in chosen}
    parsed = parses.parsed()
    chosen = [s for s in sentences if s.index in picked or (s.index in parsed and not is_headline(s))]
    found: list[Predicate] = []
    for sentence, doc in zip(chosen, parses.docs(chosen)):
        own_times = [t for t in times if t.sentence == sentence.index]
        own_mentions = [m for m in mentions if m.sentence == sentence.index]
        found.extend(_sentence_predicates(doc, sentence, own_times, own_mentions))
    return found


def with_described_things(times: list[TimeExpression], sentences: list[Sentence],
                          parses: SentenceParses) -> list[TimeExpression]:
    """`times` with `describes` set on each that is a period modifier of a thing ("acquired an
    18th-century painting", "stole a 2019 Toyota"): the noun it describes, whose age or model it
    gives; such a time is no time of the clause's event. Read in the sentences `find_predicates`
    parses (`predicate_sentences`, all parsed here in one batch), so nothing is parsed twice."""
    chosen = predicate_sentences(sentences, times)
    described: dict[int, str] = {}
    for sentence, doc in zip(chosen, parses.docs(chosen)):
        for t in times:
            if t.sentence == sentence.index and (thing := _described_thing(doc, sentence, t)) is not None:
                described[t.start] = thing
    return [replace(t, describes=described[t.start]) if t.start in described else t for t in times]


def _described_thing(doc, sentence: Sentence, t: TimeExpression) -> str | None:
    """The noun `t` modifies before it when that noun is a thing, not an occasion: no event noun
    ("the 2016 election" dates the election), no named occasion ("the 2018 World Cup", "the 2019
    season") and not the object of a time preposition ("during the 1990s boom"). A year needs an
    article or a possessor before it ("a 2019 Toyota": one of a model year; "the 1991 agreement",
    "his 2010 appearance": the time of that thing, not of "violated" or "recalled" that governs it);
    a century or decade says a style or period of any noun ("the 19th-century mansion")."""
    end = t.end - sentence.start
    heads = [tok for tok in _time_heads(doc, sentence, t) if tok.dep_ != "det"]  # "the 19th-century"
    if len(heads) != 1 or heads[0].dep_ not in _MODIFIER_DEPS:
        return None
    noun = heads[0].head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.idx < end or _is_predicate(noun) \
            or noun.lemma_.lower() in OCCASION_NOUNS or any(w.lemma_.lower() in OCCASION_NOUNS for w in noun.lefts if w.idx >= end) \
            or (noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPOSITIONS):
        return None
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in noun.children)
    definite = any((c.dep_ == "poss" or c.lower_ == "the") and c.idx < t.start - sentence.start for c in noun.children)
    if not indefinite and not definite and not _STYLE_PERIOD.search(t.text):
        return None
    return noun.text


def predicate_sentences(sentences: list[Sentence], times: list[TimeExpression]) -> list[Sentence]:
    """The lead sentences and those with a time expression (at most MAX_PARSED_SENTENCES)."""
    body = [s for s in sentences if not is_headline(s)]
    lead = {s.index for s in body[:LEAD_SENTENCES]}
    timed = {t.sentence for t in times}
    chosen = [s for s in body if s.index in lead or s.index in timed]
    return chosen[:MAX_PARSED_SENTENCES]


def _sentence_predicates(doc, sentence: Sentence, times: list[TimeExpression],
                         mentions: list[Mention]) -> list[Predicate]:
    owners = [(t, owner) for t, owner in time_owners(doc, sentence, times)
              if not _bound_only(doc, sentence, t)]
    owned_by: dict[int, list[int]] = {}
    for t, owner in owners:
        if owner is not None and t.describes is None:
            owned_by.setdefault(owner.i, []).append(t.start)
    # times no predicate's clause holds: unattached, or held by a copula or light verb ("the
    # meeting was on Monday"); a predicate may share one only inside that word's clause
    loose = [(t.start, owner) for t, owner in owners
             if t.describes is None and (owner is None or not _is_predicate(owner))]
    out = []
    for token in doc:
        owned = sorted(owned_by.get(token.i) or owned_by.get(_time_source(token).i, []))
        if not _is_predicate(token) or _negated(token) or _inside_time(token, sentence, times):
            continue
        start = sentence.start + token.idx
        participants, place = _participants(token, sentence, mentions)
        source = _time_source(token)
        if token.pos_ == "NOUN" and source is not token:  # "an earthquake struck southern Turkey"
            more, verb_place = _participants(source, sentence, mentions, without=token)
            participants += [name for name in more if name not in participants]
            place = place or verb_place
        tense = _tense(token)
        modality = _modality(token)
        out.append(Predicate(start=start, end=start + len(token.text), text=token.text,
                             lemma=lemma_of(token), sentence=sentence.index, pos=token.pos_,
                             tense=tense, habitual=_habitual(token, tense),
                             generic=_generic(token, modality), modality=modality, participants=participants,
                             place=place, times=owned,
                             shared_times=[] if owned else _shared_times(token, loose)))
    return out


def _shared_times(token, loose: list[tuple[int, object]]) -> list[int]:
    """The loose times of the sentence a predicate without a time of its own may take: one the
    parse attached to nothing, or one held by a non-predicate word the predicate depends on ("The
    meeting was on Monday"), never one of another clause ("rule changes made in January that
    weaken": "weaken" is not inside "made"'s clause)."""
    above = {a.i for a in token.ancestors}
    return [start for start, owner in loose if owner is None or owner.i in above]


def _is_predicate(token) -> bool:
    lemma = lemma_of(token)
    if token.pos_ == "VERB":
        return lemma not in LIGHT_VERBS and token.is_alpha
    if token.pos_ == "NOUN":
        return lemma in EVENT_NOUNS or _again(lemma) in EVENT_NOUNS or _dated_by_day(token)
    return False


def lemma_of(token) -> str:
    """The token's lemma, lower case; a verb in -ch or -sh the lemmatizer does not know keeps no
    -e of its inflection ("relaunched" -> "relaunch", not "relaunche"; "cached" stays "cache")."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and _INFLECTED_E.search(lemma) and token.lower_.endswith(("ed", "es")):
        return lemma[:-1]
    return lemma


def _again(lemma: str) -> str:
    """A noun of a happening done again, without its "re": "relaunch" -> "launch", "re-election"
    -> "election" (the event noun it repeats); any other noun as it is."""
    if lemma.startswith("re") and len(lemma) > 6:
        return lemma[2:].lstrip("-")
    return lemma


def _dated_by_day(token) -> bool:
    """Whether a month and day before the noun make it a happening ("discussed the July 25 call"):
    a thing has a year or an era, an occasion has a day (TimeML annotates such nominals as events).
    Not after a preposition: "In a July 16 press conference, Jobs said" sets the clause's time."""
    return token.dep_ != "pobj" and any(w.dep_ in _MODIFIER_DEPS and w.lower_ in _MONTH_WORDS and any(c.like_num for c in w.children)
               for w in token.lefts)


def _inside_time(token, sentence: Sentence, times: list[TimeExpression]) -> bool:
    at = sentence.start + token.idx
    return any(t.start <= at < t.end for t in times)


def _negated(token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)


def _clause_head(token):
    """The predicate a token belongs to: itself or the nearest verb or event noun above it."""
    node = token
    while node.head.i != node.i:  # spaCy makes a new Token per access: compare positions, never `is`
        node = node.head
        if _is_predicate(node) or node.pos_ in ("VERB", "AUX"):
            return node
    return node


def _bound_only(doc, sentence: Sentence, t: TimeExpression) -> bool:
    """Whether `t` is the object of "before", "until" or "till": a bound of its clause's event
    (TimeML signals of BEFORE / ENDED_BY), not the time it happened ("banned sowing before May 10")."""
    heads = _time_heads(doc, sentence, t)
    return bool(heads) and heads[0].dep_ == "pobj" and heads[0].head.lower_ in _BOUND_PREPOSITIONS


def time_owners(doc, sentence: Sentence, times: list[TimeExpression]) -> list[tuple[TimeExpression, object]]:
    """Each time expression with the predicate of its clause (the first verb or event noun above
    its head word), or None when its head is not found in the parse."""
    out = []
    for t in times:
        heads = _time_heads(doc, sentence, t)
        if not heads:
            out.append((t, None))
            continue
        head = heads[0]
        out.append((t, _clause_head(head) if head.head.i != head.i else None))
    return out


def _time_heads(doc, sentence: Sentence, t: TimeExpression) -> list:
    """The tokens of `t` whose head lies outside it (or that are the sentence's root), in order."""
    start, end = t.start - sentence.start, t.end - sentence.start
    return [tok for tok in doc if start <= tok.idx < end and (not start <= tok.head.idx < end or tok.head.i == tok.i)]


def _time_source(token):
    """Whose clause times a predicate shares when it has none: an event noun its verb's ("an
    earthquake struck ... on Monday"), a participle or coordinated verb its head's ("crashed on
    Tuesday, killing 12")."""
    if token.pos_ == "NOUN":
        return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
    if token.dep_ in ("advcl", "xcomp", "conj") and token.head.pos_ == "VERB":
        return token.head
    return token


def _habitual(token, tense: str | None) -> bool:
    """Whether the predicate is told in the simple present and reports nothing: "Acme ships engines
    to Europe" (a habit), "the speed of regrowth demonstrates" (a state); not the progressive
    ("are negotiating": going on now) and not a reporting verb ("Acme says": said now). `tense`:
    `_tense(token)`."""
    if tense != "present" or token.lemma_.lower() in SPEECH_VERBS:
        return False
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is None or not (verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children))


def _generic(token, modality: str) -> bool:
    """Whether the predicate tells no particular happening but advice or a kind of activity: an
    imperative ("please visit www...", "Visit the museum to see"), the writer's generic "you" ("You
    want to double down", "you're saving 100 calories"; not inside what someone is reported to
    have said to a listener), or a gerund that is the subject ("Retiring early takes time").
    NewsReader/MEANTIME mark such events generic and leave them off timelines."""
    if token.pos_ != "VERB":  # an event noun names its happening ("raising 2016 elections")
        return False
    if token.tag_ == "VBG" and token.dep_ in ("csubj", "csubjpass", "nsubj"):
        return True
    clause = token
    while not _subjects(clause) and clause.dep_ in ("xcomp", "conj", "advcl") and clause.head.pos_ == "VERB":
        clause = clause.head  # "You want to double down and do more": want's subject
    subjects = _subjects(clause)
    if not subjects:
        return clause.dep_ == "ROOT" and clause.tag_ == "VB" \
            and not any(c.dep_ in ("aux", "auxpass") and c.lower_ not in ("do", "don't") for c in clause.children)
    return modality != "reported" and all(s.lower_ == "you" for s in subjects)


def _subjects(verb) -> list:
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]


def _tense(token) -> str | None:
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    while verb is not None and _participle_clause(verb):
        head = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if head is None:
            break
        verb = head
    return verb_tense(verb) if verb is not None else None


# Where a bare participle hangs from another predicate: an adverbial or complement clause
# ("unveiled the phone, saying ...", "started by hinting at"), a conjunct, a reduced relative.
_PARTICIPLE_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})


def _participle_clause(verb) -> bool:
    """A participle without auxiliaries in a dependent clause: TimeML gives it no tense of its own
    (tense NONE); it happens when the predicate it depends on does ("While introducing iPhone 4,
    Jobs started by hinting at the incident, saying ..." is all past)."""
    return verb.tag_ in ("VBG", "VBN") and verb.dep_ in _PARTICIPLE_DEPS \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def verb_tense(verb) -> str | None:
    """"future", "past", "present" or None, from the spaCy verb token's form and auxiliaries."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or (verb.tag_ == "VB" and "to" in aux
                            and verb.head.lemma_ in ("plan", "expect", "set", "due", "schedule")):
        return "future"
    if verb.tag_ == "VBD" or aux & {"was", "were", "had", "did"}:
        return "past"
    if verb.tag_ == "VBN" and aux & {"has", "have"}:
        return "past"  # present perfect: done by the time of writing
    if verb.tag_ in ("VBZ", "VBP", "VBG") or aux & {"is", "are", "am"}:
        return "present"
    return None


def _modality(token) -> str:
    for node in [token, *token.ancestors]:
        children = list(node.children)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children) \
                or any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in children):
            return "hypothetical"
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in SPEECH_VERBS:
            return "reported"
        if node.dep_ in ("xcomp", "acl") and node.tag_ == "VB" and node.head.lemma_.lower() in INTENTION_WORDS:
            return "planned"  # "vowed to rebuild", "a plan to build": to come, not told as done
        if node.dep_ in ("ROOT", "conj") and node.pos_ in ("VERB", "AUX"):
            break
    return "asserted"


def _participants(token, sentence: Sentence, mentions: list[Mention], without=None) -> tuple[list[str], str | None]:
    """(participants, place): the entities (or head phrases) in its subject, object and possessor
    slots (leaving out the slot that holds `without`); a place from an "in/at/near" phrase that
    names a place."""
    names: list[str] = []
    place = None
    for child in token.children:
        if without is not None and (child is without or without in child.subtree):
            continue
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
            for obj in child.children:
                found = _mention_in(obj, sentence, mentions)
                if found is not None and found.label in PLACE_LABELS and place is None:
                    place = found.text
            continue
        if child.dep_ == "agent":
            child = next((c for c in child.children if c.dep_ == "pobj"), child)
        elif child.dep_ not in _PARTICIPANT_DEPS:
            continue
        found = _mention_in(child, sentence, mentions)
        name = (found.entity or found.text) if found is not None else _phrase(child)
        if name and name not in names:
            names.append(name)
    return names, place


def _mention_in(token, sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    start = sentence.start + token.left_edge.idx
    end = sentence.start + token.right_edge.idx + len(token.right_edge.text)
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return min(inside, key=lambda m: abs(m.start - (sentence.start + token.idx)), default=None)


def _phrase(token) -> str | None:
    """The head word with its compounds and modifiers on the left ("the city bus" -> "city bus")."""
    if token.pos_ in ("PRON", "DET", "NUM") or not token.is_alpha:
        return None
    words = [w for w in token.lefts if w.dep_ in ("compound", "amod")][-(MAX_PARTICIPANT_WORDS - 1):]
    return " ".join([w.text for w in words] + [token.text])
