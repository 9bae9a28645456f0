"""Entity types by evidence inside one article, on top of spaCy's per-token NER.

The small model labels each occurrence of a name on its own, so one name gets several types in
one article ("Leeds" ORG, then LOC, then PERSON) and names in tables, datelines and headlines are
missed. The rules here use what the article says elsewhere (one sense per discourse, Gale, Church
& Yarowsky 1992; the document-level consistency used by CoNLL-2003 systems such as Ratinov & Roth
2009) and news conventions:
- a dateline ("BELGRADE 1996-08-30", "WASHINGTON (Reuters) -") names a place;
- an initial and a surname ("P. Johnson") name a person;
- a place name used as a sports team ("Leeds 2", "Essex beat Kent", "against Derby") is the club,
  an ORG; country names stay places (national teams are typed by the country in CoNLL-2003 and
  OntoNotes);
- one name has one type in the article: the majority type of its mentions, the surname of a person
  is that person, and every further occurrence of a known name is a mention of it;
- a title-case headline fragment the body never names ("Russia Hosts Talks") is not an entity: it
  becomes the names the body does know inside it, if any.
Each rule is a small function over (text, mentions) that returns the new mention list.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from dossier.analyse.gazetteer import country_names, fold
from dossier.analyse.sentences import sentence_at
from dossier.model import Mention, Sentence

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Tie order when a name has as many mentions of two types (people and clubs are the common
# confusions of the small model; a person is rarely also a place).
LABEL_PRIORITY = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")
# A name shorter than this is not propagated to other occurrences ("US" is handled by aliases).
MIN_PROPAGATED_CHARS = 3
_DATELINE = re.compile(
    r"^([A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3})(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?"
    r"(?= \d{4}-\d\d-\d\d\b| \([A-Za-z][\w ]*\) ?[-–—])", re.M)
_INITIALLED_NAME = re.compile(r"(?<![\w.])((?:[A-Z]\. ){1,2}(?:[a-z]{1,3} )?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\b")
# After a title the initial may run into the surname ("Mr T.Clayson", "Mrs A.Reyes"): the name is
# the initials and surname, which NER misreads (an ORG "T.Clayson", a PERSON "Mrs").
_TITLED_INITIALLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.? ((?:[A-Z]\. ?){1,2}[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)\b")
_SCORE_AFTER = re.compile(r" \d{1,3}(?:-\d{1,3})?(?= |$|,|\.| \()")
_TEAM_AFTER = re.compile(r" (?:beat|beats|defeated|drew with|lost to|v|vs\.?)\b")
_TEAM_BEFORE = re.compile(r"\b(?:beat|beating|against|v|vs\.?|lost to|draw with|drew with) $")
_NUMBER = re.compile(r"\d+")
_TEAM_NAME = r"[A-Z][\w.'&-]*(?: (?:[A-Z][\w.'&-]*|\([A-Z]\)))*"
_NUMBERS = r"\d[\d.]*(?:-\d+)?(?: \.?\d[\d.]*(?:-\d+)?)*"
_NAME_THEN_NUMBERS = re.compile(r"(%s) %s" % (_TEAM_NAME, _NUMBERS))
_RESULTS_LINE = re.compile(r"(?:%s %s ?)+" % (_TEAM_NAME, _NUMBERS))
_FIXTURE = re.compile(r"(?<![\w'])(%s) v (%s)(?![\w'])" % (_TEAM_NAME, _TEAM_NAME))


def add_datelines(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """A dateline at the start of a line names a place (GPE), whatever NER said there."""
    found = []
    for match in _DATELINE.finditer(text):
        start, end = match.span(1)
        found.append(Mention(text=text[start:end], label="GPE", start=start, end=end,
                             sentence=sentence_at(sentences, start)))
    return _replace_overlapping(mentions, found)


def add_initialled_names(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """ "P. Johnson", "A. de Silva": an initial before a capitalised surname is a person."""
    found = []
    for match in _INITIALLED_NAME.finditer(text):
        start, end = match.span(1)
        # only where NER found nothing longer ("J. P. Morgan Chase" stays the bank)
        if not any(m.start < end and start < m.end and (m.start < start or end < m.end) for m in mentions):
            found.append(Mention(text=text[start:end], label="PERSON", start=start, end=end,
                                 sentence=sentence_at(sentences, start)))
    for match in _TITLED_INITIALLED_NAME.finditer(text):  # the title says it is a person, whatever NER read
        start, end = match.span(1)
        found = [f for f in found if not (f.start < end and start < f.end)]
        mentions = [m for m in mentions if not (m.start < end and match.start() < m.end)]  # the title too ("Mrs")
        found.append(Mention(text=text[start:end], label="PERSON", start=start, end=end,
                             sentence=sentence_at(sentences, start)))
    return _replace_overlapping(mentions, found)


def add_table_names(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """Names in a sports table or results line are clubs (ORG), or countries (GPE): a line of
    names each followed by numbers ("Essex 14 6 2 6 181", "Fulham 1 Carlisle 0") or a fixture
    ("Walsall v Wrexham"). NER often finds nothing there. A multi-word name NER calls a person
    stays a person (golf and tennis tables list players)."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        if _RESULTS_LINE.fullmatch(line.group()):
            names = [(line.start() + m.start(1), line.start() + m.end(1)) for m in _NAME_THEN_NUMBERS.finditer(line.group())]
        else:
            names = [(line.start() + m.start(g), line.start() + m.end(g)) for m in _FIXTURE.finditer(line.group())
                     for g in (1, 2)]
        for start, end in names:
            name = text[start:end]
            if " " in name and not name.isupper() and any(
                    m.start < end and start < m.end and m.label == "PERSON" for m in mentions):
                continue
            label = "GPE" if fold(name) in country_names() else "ORG"
            found.append(Mention(text=name, label=label, start=start, end=end, sentence=sentence_at(sentences, start)))
    return _replace_overlapping(mentions, found)


def label_teams(text: str, mentions: list[Mention]) -> list[Mention]:
    """A non-country place (or a one-word name) that plays in a sports line is the club (ORG),
    in every mention of that name in the article."""
    teams = set()
    for m in mentions:
        if m.label == "ORG" or fold(m.text) in country_names():
            continue
        if m.label not in PLACE_LABELS and not (m.label == "PERSON" and " " not in m.text):
            continue
        if _plays(text, m):
            teams.add(m.text)
    for m in mentions:
        if m.text in teams:
            m.label = "ORG"
    return mentions


def _plays(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    line_end = text.find("\n", m.end)
    line_end = line_end if line_end >= 0 else len(text)
    after = text[m.end:min(line_end, m.end + 40)]  # near windows only: a long line stays linear
    if _SCORE_AFTER.match(after) and len(_NUMBER.findall(text, max(line_start, m.start - 80), min(line_end, m.end + 80))) >= 2:
        return True  # a results or table line: "Essex 532 and 83-3", "Leeds 2 Chelsea 1"
    return bool(_TEAM_AFTER.match(after) or _TEAM_BEFORE.search(text, max(line_start, m.start - 30), m.start))


def one_label_per_name(text: str, mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """Each name gets its majority type in the article; a person's surname is that person; further
    occurrences of a known name (also in an all-capitals line) become mentions of it."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        counts[m.text][m.label] += 1
    labels = {name: _majority(c) for name, c in counts.items()}
    for name, label in sorted(labels.items()):
        words = name.split()
        if label == "PERSON" and len(words) > 1 and len(words[-1]) >= MIN_PROPAGATED_CHARS \
                and words[-1][0].isupper() and fold(words[-1]) not in country_names():
            labels[words[-1]] = "PERSON"
    for m in mentions:
        m.label = labels[m.text]
    taken = sorted((m.start, m.end) for m in mentions)
    added = []
    for name, label in sorted(labels.items()):
        if len(name) < MIN_PROPAGATED_CHARS or not name[0].isupper():
            continue
        for start, end in _occurrences(text, name):
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            added.append(Mention(text=text[start:end], label=label, start=start, end=end,
                                 sentence=sentence_at(sentences, start)))
    return sorted(mentions + added, key=lambda m: m.start)


def _majority(counts: Counter) -> str:
    return max(counts, key=lambda label: (counts[label], -_priority(label)))


def _priority(label: str) -> int:
    return LABEL_PRIORITY.index(label) if label in LABEL_PRIORITY else len(LABEL_PRIORITY)


def _occurrences(text: str, name: str):
    """Spans of `name` as a whole name: not inside a longer capitalised run ("Essex" in "Essex
    County Council"); in an all-capitals line the upper-case form counts too."""
    for form in {name, name.upper()}:
        for start in _standalone(text, form):
            end = start + len(form)
            if form != name and not _all_caps_line(text, start):
                continue
            if form == name and (_capitalised_word(text, start, before=True) or _capitalised_word(text, end, before=False)):
                continue
            yield start, end


def _standalone(text: str, form: str):
    r"""Starts of `form` in `text` with no word character, apostrophe or hyphen just before and no
    word character or hyphen just after: the matches of `(?<![\w'’-])form(?![\w-])`, found with
    `str.find` because a pattern per name overflowed `re`'s cache and was recompiled every time."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if (at == 0 or not _joins(text[at - 1], "'’-")) and (end == len(text) or not _joins(text[end], "-")):
            yield at
            at = text.find(form, end)  # matches do not overlap, as with `re.finditer`
        else:
            at = text.find(form, at + 1)


def _joins(ch: str, marks: str) -> bool:
    r"""Whether `ch` is a word character (`re`'s `\w`: alphanumeric or "_") or one of `marks`."""
    return ch.isalnum() or ch == "_" or ch in marks


def _all_caps_line(text: str, offset: int) -> bool:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    letters = [ch for ch in text[line_start:line_end if line_end >= 0 else len(text)] if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.9


def _capitalised_word(text: str, offset: int, before: bool) -> bool:
    """Whether a capitalised word touches `offset` on the same line (one space apart)."""
    if before:
        match = re.search(r"([A-Z][\w'-]*) $", text[max(0, offset - 30):offset])
        return bool(match) and not _sentence_start(text, offset - 1 - len(match.group(1)))
    return bool(re.match(r" [A-Z][a-z]", text[offset:offset + 3]))


def _sentence_start(text: str, offset: int) -> bool:
    before = text[:offset].rstrip(" ")
    return not before or before[-1] in ".!?\n\"'“‘:-–—("


def split_headline_fragments(mentions: list[Mention], headline: set[int]) -> list[Mention]:
    """A multi-word name in a headline sentence that the body never uses is a headline fragment
    ("Russia Hosts Talks"): keep the body names inside it ("Russia"), drop the rest."""
    body = {m.text: m for m in mentions if m.sentence not in headline}
    kept = []
    for m in mentions:
        if m.sentence not in headline or len(m.text.split()) < 2 or m.text in body or m.label == "PERSON":
            kept.append(m)
            continue
        for name, known in sorted(body.items(), key=lambda x: -len(x[0])):
            at = re.search(r"(?<!\w)%s(?!\w)" % re.escape(name), m.text)
            if at and not any(k.start <= m.start + at.start() < k.end for k in kept):
                kept.append(Mention(text=name, label=known.label, start=m.start + at.start(),
                                    end=m.start + at.end(), sentence=m.sentence))
    return sorted(kept, key=lambda m: m.start)


def _replace_overlapping(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """`found` wins over the NER mentions it overlaps."""
    kept = [m for m in mentions if not any(f.start < m.end and m.start < f.end for f in found)]
    return sorted(kept + found, key=lambda m: m.start)


def corpus_person_names(articles) -> frozenset[str]:
    """Folded names that are people by the corpus's majority: a name typed otherwise in one article
    ("Muttaqi" as a place) is a person when more mentions across the corpus make it one, by its
    own PERSON mentions or as the surname of a full-named person. Country names never change."""
    person: Counter = Counter()
    other: Counter = Counter()
    for article in articles:
        for m in article.mentions:
            words = fold(m.text).split()
            if not words:
                continue
            if m.label == "PERSON":
                person[" ".join(words)] += 1
                if len(words) > 1 and len(words[-1]) >= MIN_PROPAGATED_CHARS:
                    person[words[-1]] += 1
            else:
                other[" ".join(words)] += 1
    countries = country_names()
    return frozenset(name for name, n in person.items() if n > other[name] and name not in countries)
