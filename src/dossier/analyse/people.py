"""Who is who inside one article: full names, the titles written beside them, and the resolution
of surnames, pronouns and role phrases ("the minister", "Russia's top diplomat") to a full name.

Rules of thumb from news style: a person is introduced with full name and title, then called by
surname, pronoun or role. We resolve to the nearest earlier compatible person; when nothing is
compatible the answer is None, not a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dossier.analyse.gazetteer import ROLE_EQUIVALENTS, ROLE_NOUNS, fold
from dossier.model import Mention

PRONOUNS_SINGULAR = frozenset({"he", "she", "him", "her"})
# Words before a name that belong to its title ("Russian Foreign Minister", "deputy prime minister").
_TITLE_BEFORE = re.compile(r"((?:[A-Za-z][\w.-]*\s+){1,5})$")
# An appositive after a name: ", the Kremlin ambassador on Afghanistan," / ", a State Department spokesman".
_APPOSITIVE = re.compile(r"^,\s+(?:the|a|an|his|her|its|Russia's|[A-Z][\w-]*'s)\s+([^,.;:\"()]{2,80})")
_ROLE_PHRASE = re.compile(
    r"\b(?:the|his|her|its|[A-Z][\w.-]*'s)\s+((?:[\w-]+\s+){0,3}?(?:%s))\b" % "|".join(sorted(ROLE_NOUNS)),
    re.I)
INTENSIFIERS = frozenset({"top", "chief", "senior", "leading"})
# What the article says of a person's gender: the honorific before a name ("Mrs. Clinton") or a
# gendered role noun in its title ("spokeswoman", "Congressman"); he/she resolve only to a match.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_HONORIFIC_BEFORE = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+$")
_HONORIFIC_GENDER = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f"}
_GENDERED_NOUN = re.compile(r"\b(?:spokes|chair|congress|business|council|alder|committee|assembly|anchor|police|"
                            r"sales|news|camera|states)(?P<woman>wo)?man\b")


@dataclass
class Person:
    name: str  # the fullest form of the name in the article
    first: int  # offset of its first mention
    titles: list[str] = field(default_factory=list)  # folded title phrases
    genders: set[str] = field(default_factory=set)  # "m", "f": what the article says (none: unknown)

    @property
    def gender(self) -> str | None:
        return next(iter(self.genders)) if len(self.genders) == 1 else None

    @property
    def surname(self) -> str:
        return fold(self.name).split()[-1]


@dataclass
class PeopleIndex:
    people: list[Person]
    mentions: list[tuple[int, int, Person]]  # (start, end, person) for every name, surname, role

    def person_at(self, start: int, end: int) -> Person | None:
        for s, e, person in self.mentions:
            if s < end and start < e:
                return person
        return None

    def nearest_before(self, offset: int, skip: Callable[[int], bool] | None = None,
                       gender: str | None = None) -> Person | None:
        """The person mentioned last before `offset`, leaving out mentions starting where `skip`
        says (a name inside quoted words is no antecedent of the pronoun that attributes them)
        and people the article gives the other gender than `gender` ("Mrs. Berg" for "he")."""
        best = None
        for s, e, person in self.mentions:
            if e <= offset and (best is None or s > best[0]) and not (skip and skip(s)) \
                    and not (gender and person.gender and person.gender != gender):
                best = (s, person)
        return best[1] if best else None

    def by_surname(self, word: str, before: int | None = None) -> Person | None:
        """The full-named person with this surname mentioned last before `before` (two people
        named Reyes: the bare "Reyes" is the one the text spoke of last); None when none was
        mentioned before and several share the surname."""
        key = fold(word)
        matches = [p for p in self.people if p.surname == key and len(p.name.split()) > 1]
        if before is None or len(matches) < 2:
            return matches[-1] if matches else None
        wanted = {id(p) for p in matches}
        last_seen = {id(p): s for s, _, p in self.mentions if s < before and id(p) in wanted}
        if not last_seen:
            return None
        return max(matches, key=lambda p: last_seen.get(id(p), -1))

    def by_role(self, phrase: str, before: int) -> Person | None:
        """The person whose title fits `phrase` ("the foreign minister", "Russia's top diplomat")."""
        words = fold(phrase).split()
        head = next((w for w in reversed(words) if w in ROLE_NOUNS), None)
        if head is None:
            return None
        wanted = [head]
        if head in ROLE_EQUIVALENTS and (INTENSIFIERS & set(words) or head == "diplomat"):
            wanted = list(ROLE_EQUIVALENTS["diplomat"]) + list(ROLE_EQUIVALENTS.get(head, ()))
        modifiers = set(words) - {head, "the", "s"} - INTENSIFIERS
        best, best_score = None, None
        for person in self.people:
            if person.first >= before:
                continue
            for rank, role in enumerate(wanted):
                if any(role in title for title in person.titles):
                    overlap = sum(1 for m in modifiers if any(m[:5] in t for t in person.titles))
                    score = (-rank, overlap, person.first)
                    if best_score is None or score > best_score:
                        best, best_score = person, score
                    break
        return best


def build_people(text: str, mentions: list[Mention]) -> PeopleIndex:
    """Index the PERSON mentions of one article (normalised `text`)."""
    people: list[Person] = []
    spans: list[tuple[int, int, Person]] = []
    for m in sorted((m for m in mentions if m.label == "PERSON"), key=lambda m: m.start):
        person = _match_person(people, m.text, spans)
        if person is None:
            person = Person(name=m.text, first=m.start)
            people.append(person)
        elif len(m.text.split()) > len(person.name.split()):
            person.name = m.text
        person.titles.extend(_titles_near(text, m.start, m.end))
        person.genders.update(_gender_near(text, m.start, person.titles))
        spans.append((m.start, m.end, person))
    index = PeopleIndex(people=people, mentions=spans)
    for match in _ROLE_PHRASE.finditer(text):
        if index.person_at(match.start(), match.end()):
            continue
        person = index.by_role(match.group(0), match.start())
        if person is not None:
            spans.append((match.start(), match.end(), person))
    spans.sort(key=lambda s: s[0])
    return index


def _match_person(people: list[Person], name: str, spans: list[tuple[int, int, Person]]) -> Person | None:
    """The known person `name` refers to; a lone surname goes to the person with that surname
    mentioned last (nearest prior full mention), never to one of several unseen ones."""
    words = fold(name).split()
    if not words:
        return None
    if len(words) == 1:
        for _, _, person in reversed(spans):
            if fold(person.name).split()[-1] == words[0]:
                return person
    for person in reversed(people):
        known = fold(person.name).split()
        if words == known or (len(words) == 1 and words[0] == known[-1]) or \
                (len(known) == 1 and known[0] == words[-1]):
            return person
        if len(words) > 1 and len(known) > 1 and words[-1] == known[-1] and words[0][:4] == known[0][:4]:
            return person  # Sergey / Sergei
    return None


def _gender_near(text: str, start: int, titles: list[str]) -> set[str]:
    """The genders an honorific before the mention at `start` or a gendered role noun in the
    person's titles give."""
    found = set()
    honorific = _HONORIFIC_BEFORE.search(text, max(0, start - 6), start)
    if honorific:
        found.add(_HONORIFIC_GENDER[honorific.group("title")])
    for title in titles:
        for noun in _GENDERED_NOUN.finditer(title):
            found.add("f" if noun.group("woman") else "m")
    return found


def _titles_near(text: str, start: int, end: int) -> list[str]:
    titles = []
    line_start = text.rfind("\n", 0, start) + 1
    window = re.split(r"[,.;:()\"]", text[max(line_start, start - 60):start])[-1]
    before = _TITLE_BEFORE.search(window)
    if before:
        words = before.group(1).split()
        # keep the run of words up to the name that contains a role noun
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if any(w in ROLE_NOUNS for w in fold(tail).split()):
                titles.append(fold(tail))
                break
    after = _APPOSITIVE.match(text[end:end + 120])
    if after and any(w in ROLE_NOUNS for w in fold(after.group(1)).split()):
        titles.append(fold(after.group(0)))
    return titles
