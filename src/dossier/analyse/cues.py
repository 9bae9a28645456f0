"""Reporting verbs (cues) in every inflection we match on, without a lemmatizer."""

from __future__ import annotations

import re
from pathlib import Path

# lemma -> forms. Speech and statement verbs that introduce quotes or reported speech in news.
CUE_LEMMAS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "state": ("state", "states", "stated", "stating"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "note": ("note", "notes", "noted", "noting"),
    "warn": ("warn", "warns", "warned", "warning"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing", "emphasise", "emphasises",
                  "emphasised", "emphasising"),
    "underline": ("underline", "underlines", "underlined", "underlining"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "write": ("write", "writes", "wrote", "writing"),
    "ask": ("ask", "asks", "asked"),
    "reply": ("reply", "replies", "replied"),
    "respond": ("respond", "responds", "responded"),
    "urge": ("urge", "urges", "urged"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted"),
    "suggest": ("suggest", "suggests", "suggested"),
    "indicate": ("indicate", "indicates", "indicated"),
    "remark": ("remark", "remarks", "remarked"),
    "comment": ("comment", "comments", "commented"),
    "continue": ("continued",),
    "conclude": ("concluded",),
    "report": ("report", "reports", "reported"),
    "recall": ("recall", "recalls", "recalled"),
    "vow": ("vow", "vows", "vowed"),
    "pledge": ("pledge", "pledges", "pledged"),
    "promise": ("promise", "promises", "promised"),
    "predict": ("predict", "predicts", "predicted"),
    "deny": ("deny", "denies", "denied"),
    "confirm": ("confirm", "confirms", "confirmed"),
    "tweet": ("tweet", "tweets", "tweeted"),
    "believe": ("believe", "believes", "believed"),
    "think": ("think", "thinks", "thought"),
    "agree": ("agree", "agrees", "agreed"),
    "describe": ("describe", "describes", "described"),
    "call": ("call", "calls", "called"),
    "express": ("express", "expresses", "expressed"),
    "highlight": ("highlight", "highlights", "highlighted", "highlighting"),
    "point": ("pointed",),
    "allege": ("allege", "alleges", "alleged"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "maintain": ("maintains", "maintained"),
    "contend": ("contend", "contends", "contended"),
    "observe": ("observed",),
    "mention": ("mention", "mentions", "mentioned"),
    "post": ("posted",),
}
# Verbs that take a "that"-clause or a quote directly; "call", "express", "describe" etc. only
# count next to a quote mark.
CLAUSE_LEMMAS = frozenset({"say", "tell", "add", "state", "stress", "note", "warn", "emphasize",
                           "underline", "explain", "argue", "claim", "insist", "declare", "announce",
                           "write", "acknowledge", "admit", "suggest", "indicate", "report", "recall",
                           "vow", "pledge", "promise", "predict", "deny", "confirm", "believe",
                           "think", "agree", "allege", "assert", "maintain", "contend", "observe",
                           "remark", "reply", "respond", "comment", "mention"})

FORM_TO_LEMMA = {form: lemma for lemma, forms in CUE_LEMMAS.items() for form in forms}
_CUE = re.compile(r"\b(%s)\b" % "|".join(sorted(FORM_TO_LEMMA, key=len, reverse=True)), re.I)
ACCORDING_TO = re.compile(r"\baccording to\b", re.I)
# "In a new poll, ..." / "... in the latest polls": a poll or survey is the source of the clause
# it hangs on (PolNeAR marks "in" the cue).
POLL_NOUNS = frozenset({"poll", "survey"})
IN_POLL = re.compile(r"\bin\b[^.;:]{0,80}?\b(?:poll|survey)s?\b", re.I)


# Forms that are more often nouns ("state news agency", "in his remarks"): a cue only when a
# clause or a quote follows them.
NOUN_LIKE_FORMS = frozenset({"state", "states", "remarks", "comments", "claims", "reports", "calls",
                             "notes", "call", "report", "comment", "claim", "note", "promise",
                             "promises", "tweet", "tweets", "warning", "pledge", "pledges", "vow",
                             "vows", "remark", "writing", "mention", "mentions", "agree", "express"})
_CLAUSE_FOLLOWS = re.compile(r'\s+that\b|\s*[,:]?\s*"')


# Further attribution verbs, used with the parser only (its lemma and part of speech tell the verb
# from the noun): criticism, questions, findings of polls and reports. Chosen on PolNeAR train.
PARSED_ONLY_LEMMAS = ("ask", "call", "criticize", "accuse", "blame", "praise", "question", "answer",
                      "show", "find", "reveal", "testify", "complain", "concede", "caution", "hint",
                      "demand", "repeat", "predict", "charge", "counter", "estimate", "describe",
                      "dismiss", "defend", "attack", "slam", "blast", "mock", "joke", "boast", "tout",
                      "insist", "signal", "propose", "recommend", "threaten", "inform", "lament",
                      "quip", "shout", "reiterate", "acknowledge", "endorse", "accept", "reject",
                      "cite", "decline", "refuse", "discuss", "oppose", "support",
                      # beliefs, intentions and stances, which PolNeAR (after PARC 3.0) marks as
                      # attributions ("Trump wants to ...", "Bush is expected to ..."); added on
                      # PolNeAR train, where they were the largest group of missed cues
                      "want", "hope", "expect", "see", "know", "feel", "fear", "worry", "plan",
                      "intend", "seek", "prefer", "consider", "seem", "appear", "learn",
                      "talk", "refer", "offer", "list", "back", "vote", "thank",
                      "congratulate", "pledge", "doubt", "wonder", "insist", "stress", "assure",
                      # evaluations and stances (PARC 3.0 cue verbs); added on PolNeAR train, the
                      # most frequent missed cue verbs there ("denounced", "favored", "focused on")
                      "denounce", "condemn", "decry", "portray", "characterize", "favor", "favour", "echo",
                      "imply", "assume", "suspect", "realize", "recognize", "speculate", "request", "applaud", "hail", "lambaste", "assail", "belittle", "allude",
                      "contradict", "disclose", "focus", "vouch", "muse", "shrug", "celebrate", "advocate",
                      "champion", "dispute", "rebut", "criticise", "side",
                      # naming, comparing and pressing ("named X his running mate", "pushed for",
                      # "railed against"): added on PolNeAR train, verbs whose uses with a subject were
                      # a gold cue 40% of the time or more ("release", "issue", "publish" were too, but
                      # their objects are rarely the marked content)
                      "share", "push", "remember", "name", "compare", "order", "rail",
                      "remind", "nominate", "apologize", "aim", "press", "promote", "voice",
                      "deem", "project", "rule")
# Adjectives of belief and stance after a copula ("Rubio seemed hopeful that ...", "Democrats are
# skeptical of the deal"), which PARC 3.0 / PolNeAR mark as attributions with the subject as source.
STANCE_ADJECTIVES = frozenset({"confident", "convinced", "certain", "sure", "hopeful", "optimistic",
                               "pessimistic", "skeptical", "sceptical", "doubtful", "worried", "concerned",
                               "fearful", "afraid", "adamant", "critical", "supportive", "aware", "unaware",
                               "opposed", "vocal"})
_STANCE = re.compile(r"\b(?:%s)\s+(?:that|of|about|on|to)\b|\bma(?:de|ke|kes|king)\s+(?:it\s+)?clear\b"
                     % "|".join(sorted(STANCE_ADJECTIVES)), re.I)


def find_stance_adjectives(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a stance adjective with its complement, or "made (it) clear"
    (worth a parse)."""
    return _STANCE.search(text, start, len(text) if end is None else end) is not None


# Verbs whose subject belongs to the content, not the source ("The plan seems to work").
RAISING_LEMMAS = frozenset({"seem", "appear"})
_IRREGULAR = {"find": ("found",), "show": ("shown",), "tell": ("told",), "say": ("said",),
              "write": ("wrote", "written"), "think": ("thought",), "see": ("saw", "seen", "seeing", "sees"),
              "know": ("knew", "known"), "seek": ("sought",), "feel": ("felt",), "plan": ("planned", "planning"),
              "prefer": ("preferred", "preferring"), "refer": ("referred", "referring"),
              "echo": ("echoes",), "shrug": ("shrugged", "shrugging"), "rebut": ("rebutted", "rebutting")}
ATTRIBUTION_LEMMAS = frozenset(CUE_LEMMAS) | frozenset(PARSED_ONLY_LEMMAS)


def _inflections(verb: str) -> tuple[str, ...]:
    stem = verb[:-1] if verb.endswith("e") else verb
    plural = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    past = verb + "d" if verb.endswith("e") else (verb[:-1] + "ied" if verb.endswith("y") and verb[-2] not in "aeiou" else verb + "ed")
    if verb.endswith("y") and verb[-2] not in "aeiou":
        plural = verb[:-1] + "ies"
    return (verb, plural, past, stem + "ing") + _IRREGULAR.get(verb, ())


# Lemmas of CUE_LEMMAS with a restricted list of forms ("continued", not "continue") keep it.
RESTRICTED_LEMMAS = frozenset(verb for verb, forms in CUE_LEMMAS.items() if verb not in forms)
ATTRIBUTION_FORM_LEMMAS = {form: verb for verb in sorted(ATTRIBUTION_LEMMAS) for form in
                           (CUE_LEMMAS[verb] if verb in RESTRICTED_LEMMAS else
                            CUE_LEMMAS.get(verb, ()) + _inflections(verb))}
ATTRIBUTION_FORMS = frozenset(ATTRIBUTION_FORM_LEMMAS)
# Cues that report speech without a speech verb: a source ("according to"), a "Name:" line, "as X
# put it" and "reportedly".
SPEECH_CUE_PHRASES = re.compile(r"(?i)^(?:according to|:|as\b.*\bput(?:s|ting)? it|reportedly)$")
# Verbs that name something said though they are no reporting verb of CUE_LEMMAS ("Lavrov praised
# the Taliban for ...", "the ministry answered questions ... by saying").
SPEECH_ACT_LEMMAS = frozenset({"praise", "criticize", "criticise", "condemn", "accuse", "answer", "cite",
                               "reaffirm", "thank", "welcome", "invite"})


def speech_act(kind: str, cue: str | None) -> str:
    """"speech" for quoted words (direct, partial), for a report without a cue and for a cue that
    is a speech or statement verb (`CUE_LEMMAS`, its last word) or phrase; "stance" for the other
    attribution cues (the beliefs, support and criticism of the PolNeAR-learned cue frames)."""
    if kind != "indirect" or not cue or SPEECH_CUE_PHRASES.match(cue.strip()):
        return "speech"
    last = cue.split()[-1].lower()
    lemma = _SPEECH_FORM_LEMMAS.get(last, last)
    return "speech" if lemma in CUE_LEMMAS or lemma in SPEECH_ACT_LEMMAS else "stance"


# form -> lemma for every cue form and every inflection of SPEECH_ACT_LEMMAS ("praised" -> "praise")
_SPEECH_FORM_LEMMAS = {form: verb for verb in sorted(SPEECH_ACT_LEMMAS) for form in _inflections(verb)} \
    | ATTRIBUTION_FORM_LEMMAS


# Every form is one run of word characters (a test checks), so the forms in a text are its whole
# words that are in ATTRIBUTION_FORMS: a word scan and a set lookup, 7x faster than `\b(form|...)\b`
# with 700 branches.
_FORM_WORD = re.compile(r"\b\w+\b")


# Nouns that name the holder of a stance ("X is a fervent supporter of Y", "Y, a critic of Z"): the
# copula's subject or the noun they are in apposition to holds it (PolNeAR train: "is a supporter
# of", "were supporters of", "a fierce supporter of" were missed cues).
HOLDER_NOUNS = frozenset({"supporter", "supporters", "critic", "critics", "opponent", "opponents", "backer",
                          "backers", "proponent", "proponents"})
# Nouns that carry an attribution (PARC 3.0 / PolNeAR noun cues: "his claim that ...", "support for
# the bill", "Democrats raised questions about ..."): statements, beliefs and stances. They count only
# with a complement (a "that"-clause or one of NOUN_CUE_PREPOSITIONS) and a source (a possessive,
# "by"/"from" someone, or the subject of the verb they are the object of).
NOUN_CUES = frozenset({
    "statement", "statements", "remark", "remarks", "comment", "comments", "claim", "claims", "argument",
    "arguments", "assertion", "assertions", "allegation", "allegations", "accusation", "accusations",
    "criticism", "criticisms", "warning", "warnings", "call", "calls", "promise", "promises", "pledge",
    "pledges", "vow", "vows", "belief", "beliefs", "view", "views", "opinion", "opinions", "fear", "fears",
    "concern", "concerns", "hope", "hopes", "worry", "worries", "doubt", "doubts", "question", "questions",
    "announcement", "admission", "insistence", "suggestion", "prediction", "predictions", "support",
    "opposition", "praise", "denial", "assurance", "assurances", "demand", "demands",
    "proposal", "proposals", "plea", "appeal", "stance", "position", "focus"}) | HOLDER_NOUNS
# The prepositions that open a noun cue's content ("support for", "questions about", "criticism of").
NOUN_CUE_PREPOSITIONS = frozenset({"for", "about", "on", "over", "against", "to", "of"})
# "of" and "to" open the content only after these ("criticism of Trump", "opposition to the deal");
# elsewhere they name the holder ("the support of voters"), a part ("a statement of principles") or
# the addressee ("an appeal to voters").
RESTRICTED_NOUN_PREPOSITIONS = {"of": frozenset({"criticism", "criticisms", "praise", "denial", "view", "views"})
                                | HOLDER_NOUNS,
                                "to": frozenset({"opposition"})}
# A preposition's object that dates the noun rather than saying what it was about ("a statement on
# Tuesday", "remarks over the past 18 months").
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
                        "yesterday", "tonight", "morning", "afternoon", "evening", "night", "day", "days", "week",
                        "weeks", "weekend", "month", "months", "year", "years", "january", "february", "march",
                        "april", "may", "june", "july", "august", "september", "october", "november", "december"})
# Verbs whose object noun cue is held by someone else, about their subject ("The bill has drawn
# criticism from Democrats", "The plan enjoys support among voters").
RECEIVING_LEMMAS = frozenset({"draw", "face", "receive", "attract", "win", "earn", "garner", "enjoy"})
_NOUN_CUE = re.compile(r"\b(%s)\s+(?:that|from|among|%s)\b" % ("|".join(sorted(NOUN_CUES)),
                                                             "|".join(sorted(NOUN_CUE_PREPOSITIONS))), re.I)


def find_noun_cues(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a noun cue followed by its complement (worth a parse)."""
    return _NOUN_CUE.search(text, start, len(text) if end is None else end) is not None


def attribution_lemma(token) -> str:
    """The lemma of a spaCy token, from our own form table where the word is an attribution
    form: the model's lemmatizer gets some wrong ("hopes" -> "hop", "stress" -> "stres")."""
    return ATTRIBUTION_FORM_LEMMAS.get(token.lower_) or token.lemma_.lower()


def is_attribution_form(word: str) -> bool:
    return word in ATTRIBUTION_FORMS  # lower-case only: "Said" in a name is not a cue


# A form right after one of these words is a noun ("the state", "his remarks", "of support"):
# no reason to parse its sentence.
_NOUN_CONTEXT = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|of|in|for|these|those|this|"
                           r"any|no|some|many|new|50|United)|'s)\s+$", re.I)


def find_attribution_forms(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a lower-case form of an attribution verb used as a verb
    (worth a parse)."""
    for match in _FORM_WORD.finditer(text, start, len(text) if end is None else end):
        if match.group() in ATTRIBUTION_FORMS and not _NOUN_CONTEXT.search(text, max(start, match.start() - 12), match.start()):
            return True
    return False


def find_cues(text: str, start: int = 0, end: int | None = None) -> list[re.Match]:
    """Cue verb matches in text[start:end] (lower-case words only: "Said" in a name is not a cue)."""
    end = len(text) if end is None else end
    return [m for m in _CUE.finditer(text, start, end) if m.group()[0].islower()
            and text[m.start() - 1:m.start()] != "-"  # "so-called", "much-touted" are adjectives
            and (m.group() not in NOUN_LIKE_FORMS or _CLAUSE_FOLLOWS.match(text, m.end()))]


def lemma(form: str) -> str:
    return FORM_TO_LEMMA.get(form.lower(), form.lower())


# ------------------------------------------------------------ cue frames learned from PolNeAR train
# A lemma with its syntactic frame (a verb with a clause "ccomp", an infinitive "xcomp", an object
# "dobj" or a preposition "prep:about"; a noun or adjective with a "that"-clause, a "to"-infinitive
# or a preposition) counted on PolNeAR train, articles whose index (sorted by file name) % 5 is 0-3,
# by benchmarks/cue_frames_polnear.py: how often it occurs with a holder (a subject, a possessive:
# attribution.frame_holder), and how often it was then a gold cue whose content overlaps that
# complement. Rows with 3+ occurrences and a 20%+ share are kept in the file.
FRAME_COUNTS_FILE = Path(__file__).with_name("cue_frames.tsv")
# A frame counts as a cue when the lemma was a gold cue in >= 30% of its >= 3 occurrences with that
# frame and a holder (chosen from PolNeAR train counts, train articles % 5 in 0-3). The thresholds
# were chosen on the disjoint `--split train --start 4 --every 5` (benchmarks/quotes_polnear.py,
# content overlap F1): 77.8 without the frames; 3+ and 25% 79.2, 30% 79.3, 35% 79.1, 40% 79.0
# (counted without the holder condition, as the rules took shape: 20% 79.2, 50% 78.8, 4+ and 30%
# 79.2).
MIN_FRAME_OCCURRENCES = 3
MIN_FRAME_SHARE = 0.3


def read_frame_counts(path: Path = FRAME_COUNTS_FILE) -> dict[tuple[str, str, str], tuple[int, int]]:
    """(part of speech, lemma, frame) -> (times a gold cue with that complement, occurrences)."""
    counts = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            pos, lemma_, frame, cues, occurrences = line.split("\t")
            counts[(pos, lemma_, frame)] = (int(cues), int(occurrences))
    return counts


def learned_frames(counts: dict[tuple[str, str, str], tuple[int, int]], min_occurrences: int = MIN_FRAME_OCCURRENCES,
                   min_share: float = MIN_FRAME_SHARE) -> dict[tuple[str, str], frozenset[str]]:
    """(part of speech, lemma) -> the frames in which it is a cue."""
    frames: dict[tuple[str, str], set[str]] = {}
    for (pos, lemma_, frame), (cues, occurrences) in counts.items():
        if occurrences >= min_occurrences and cues >= min_share * occurrences:
            frames.setdefault((pos, lemma_), set()).add(frame)
    return {key: frozenset(value) for key, value in frames.items()}


CUE_FRAMES = learned_frames(read_frame_counts())


def _noun_forms(noun: str) -> tuple[str, ...]:
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else \
        noun + ("es" if noun.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return noun, plural


# The words that make a sentence worth a parse for a learned frame.
FRAME_FORMS = frozenset(form for (pos, word) in CUE_FRAMES for form in
                        (_inflections(word) if pos == "VERB" else _noun_forms(word) if pos == "NOUN" else (word,)))
_LOWER_WORD = re.compile(r"[a-z]+")


def find_frame_cues(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] holds a lower-case form of a lemma with a learned cue frame."""
    return any(word in FRAME_FORMS for word in _LOWER_WORD.findall(text, start, len(text) if end is None else end))


def frame_lemma(token) -> str:
    """The key of a token in the frame table: a verb's lemma, a noun's lemma, an adjective as written."""
    if token.pos_ == "VERB":
        return attribution_lemma(token)
    return token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_


def cue_frames(token) -> list[tuple[str, object]]:
    """The frames a verb, noun or adjective takes in a parse, each with the token heading its
    complement, in text order: a verb's "ccomp", "xcomp", "dobj" or "prep:<word>" (the
    preposition's object, or a "for ... to" clause), a noun's or adjective's "that" (clause), "to"
    (infinitive), "ccomp" or "prep:<word>". An infinitive or preposition whose complement is itself a cue verb ("ended by
    saying", "reluctant to reveal") is no frame: that verb is the cue."""
    found = []
    for child in token.rights:
        if child.dep_ in ("xcomp", "acl", "prep") and any(
                c.pos_ == "VERB" and is_attribution_form(c.lower_) and attribution_lemma(c) in ATTRIBUTION_LEMMAS
                for c in [child] + [g for g in child.children if g.dep_ == "pcomp"]):
            continue
        dep = child.dep_
        if dep == "prep":
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                found.append(("prep:" + child.lower_, objects[0]))
        elif token.pos_ == "VERB":
            if dep in ("ccomp", "xcomp", "dobj"):
                found.append((dep, child))
            elif dep == "advcl" and child.left_edge.dep_ == "mark" and child.left_edge.lower_ == "for":
                found.append(("prep:for", child))  # "called for the U.S. to act": "for" parsed as the clause's mark
        elif dep in ("acl", "ccomp", "xcomp", "relcl"):
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                found.append(("that", child))
            elif dep != "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                found.append(("to", child))
            elif dep == "ccomp":
                found.append(("ccomp", child))
    return found
