"""Named-entity mentions: spaCy's NER, then corrections for the small model's failures on news.

Only the `ner` component runs (en_core_web_sm's NER has its own embedding layer, so tok2vec,
tagger, parser and lemmatizer are skipped). Corrections, each a small function:
- curly apostrophes and quotes become straight ones before NER ("Putin‘s" stays one name);
  the replacement keeps every offset because each character maps to one character;
- entity spans are trimmed ("the", possessive "'s", line breaks inside a span);
- country names are GPE whatever the model said ("Tajikistan" as NORP);
- PERSON in a title-case headline is kept only when the body confirms the name;
- page chrome ("Stay Connected", photo credits) is dropped;
- then types by evidence across the article (evidence.py): datelines, initialled names, sports
  clubs, one type per name, headline fragments.
"""

from __future__ import annotations

import re

from dossier.analyse.evidence import (add_datelines, add_initialled_names, add_table_names, label_teams,
                                      one_label_per_name, split_headline_fragments)
from dossier.analyse.gazetteer import CHROME_WORDS, country_names, fold
from dossier.analyse.sentences import sentence_at
from dossier.model import Mention, Sentence

# Animals news stories name ("the panda Bao Bao", "Rex, the family dog", "a horse named Lucky").
ANIMAL_NOUNS = ("dog|dogs|puppy|cat|kitten|horse|racehorse|pony|mare|stallion|colt|filly|panda|bear|cub|lion|lioness|"
                "tiger|elephant|gorilla|monkey|chimp|chimpanzee|orangutan|giraffe|dolphin|whale|orca|parrot|eagle|owl|"
                "cow|bull|pig|goat|sheep|lamb|rabbit|hamster|tortoise|turtle|snake|shark|fox|wolf|penguin|"
                "retriever|terrier|poodle|labrador|beagle|bulldog|spaniel|dachshund|mascot")
# (lower case, after a determiner: not "on Fox, Cruz said", "urged surrogates to parrot Manafort's comments")
_ANIMAL_BEFORE = re.compile(rf"\b(?:the|a|an|his|her|their|our|its|my)\s+(?:[\w-]+\s+){{0,2}}(?:{ANIMAL_NOUNS})"
                            rf"(?:,?\s+(?:named|called))?,?\s+$")
_ANIMAL_AFTER = re.compile(rf",\s+(?:the|a|an|his|her|their|our)\s+(?:[\w-]+\s+){{0,3}}(?:{ANIMAL_NOUNS})\b")
# Company roles written as acronyms, which NER reads as an organisation or a name.
ROLE_ACRONYMS = frozenset({"CEO", "CFO", "CMO", "COO", "CTO", "CIO", "CSO", "CISO", "CCO", "CDO", "CPO", "CHRO", "EVP", "SVP"})
KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"})
NAME_PARTICLES = frozenset({"al", "bin", "ibn", "de", "del", "der", "van", "von", "la", "le", "da",
                            "di", "du", "el", "abu", "dos", "das"})
_TYPOGRAPHIC = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                              "′": "'", "`": "'"})
# An e-mail or web address, or markup ("Amazon.com" and "AC/DC" are names; "x.com/abc" is a link).
_ADDRESS = re.compile(r"\w@\w|://|\bwww\.|\.[a-z]{2,}/\S|[<>]|=\s*[\"']", re.I)
_CREDIT_LINE = re.compile(r"\(photo\b|\bphoto\s*:|\bgetty images\b|\bcredit\s*:|\bimage\s*:", re.I)
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A heading: at least this many words, and this share of them capitalised.
HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITALISED_SHARE = 0.7


def normalise_for_nlp(text: str) -> str:
    """Typographic quotes to straight ones, one character for one, so offsets are unchanged."""
    return text.translate(_TYPOGRAPHIC)


def ner_doc(text: str, nlp, max_chars: int = 100_000):
    """Run only the NER component of `nlp` over `text` (normalised). A text longer than
    `max_chars` runs in pieces cut at line breaks (else at a space), joined back into one Doc with
    the same characters, so offsets hold and memory stays bounded."""
    from spacy.tokens import Doc

    disabled = [name for name in nlp.pipe_names if name != "ner"]
    normalised = normalise_for_nlp(text)
    if len(normalised) <= max_chars:
        return nlp(normalised, disable=disabled)
    docs = [nlp(piece, disable=disabled) for piece in text_pieces(normalised, max_chars)]
    return Doc.from_docs(docs, ensure_whitespace=False)


def text_pieces(text: str, max_chars: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `max_chars`, at the last line break (else
    space) before the limit; `"".join(pieces) == text`."""
    pieces, start = [], 0
    while len(text) - start > max_chars:
        end = start + max_chars
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def find_mentions(text: str, sentences: list[Sentence], doc) -> list[Mention]:
    """Corrected entity mentions of `text`, given its sentences and a spaCy doc with `ents`."""
    raw = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS:
            continue
        for start, end in _name_pieces(text, ent.start_char, ent.end_char, ent.label_):
            raw.append(Mention(text=text[start:end], label=ent.label_, start=start, end=end,
                               sentence=sentence_at(sentences, start)))
    # a name taken whole after its particle ("Ursula von der Leyen") holds the model's own "Leyen"
    raw = _outside_longer(raw)
    credit_lines: dict[int, bool] = {}  # line start -> is a credit line; one search per line, not per mention
    mentions = [_relabel_country(m) for m in raw if not _is_chrome(text, m, credit_lines) and not _is_address(m.text)]
    mentions = [m for m in mentions if m.label != "PERSON" or _plausible_person(m.text)]
    # "told Us." (Us Weekly), a sentence's first "Us": the country is written "US" or "U.S."
    mentions = [m for m in mentions if not (m.label in ("GPE", "LOC") and m.text == "Us")]
    # "the CMO added", "CEO Anna Berg": a role, not a company or a person
    mentions = [m for m in mentions if m.text.rstrip("s") not in ROLE_ACRONYMS]
    mentions = _drop_unconfirmed_headline_people(mentions, sentences)
    mentions = split_headline_fragments(mentions, {s.index for s in sentences if is_headline(s)})
    mentions = add_datelines(text, mentions, sentences)
    mentions = add_initialled_names(text, mentions, sentences)
    mentions = add_table_names(text, mentions, sentences)
    mentions = label_teams(text, mentions)
    return _without_animals(text, _relabel_known_people(one_label_per_name(text, mentions, sentences)))


def _trimmed_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span split at line breaks, without a leading "the" or a trailing possessive."""
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        s, e = start + match.start(), start + match.end()
        piece = text[s:e]
        # an opening quote mark the model took into the name ('the "Games" sequel' gave 'the "Games', read '"Games')
        lead = re.match(r"(?i)(?:the\s+|[\"“”„«»`]+\s*)*", piece)
        if lead:
            s += lead.end()
        tail = re.search(r"(?:['’‘]s?|[\s,;:\"“”„«»`])+$", text[s:e])
        if tail and tail.start() > 0:
            e = s + tail.start()
        if e > s and any(ch.isalpha() for ch in text[s:e]):
            pieces.append((s, e))
    return pieces


# A list the model read as one name ("Christie, DeSantis"), not a name and its suffix ("Acme, Inc.").
_LIST_COMMA = re.compile(r",\s+(?!(?:inc|ltd|llc|plc|corp|co|jr|sr|ii|iii|iv|s\.?a|ag|gmbh|n\.?v|l\.?p)\b\.?)(?=[A-Z])", re.I)


def _name_pieces(text: str, start: int, end: int, label: str) -> list[tuple[int, int]]:
    """`_trimmed_pieces` of a person's or organisation's span, mended: an editor's bracket cuts the
    name after it ("[Russian President Vladimir] Putin": "Putin"), a list of capitalised names is
    split at its commas ("Christie, DeSantis"), and a person's name ending in a particle takes the word after it
    ("Ursula von der" before "Leyen")."""
    pieces = _trimmed_pieces(text, start, end)
    if label not in ("PERSON", "ORG"):
        return pieces
    out = []
    for s, e in pieces:
        bracket = max(text.rfind("]", s, e), text.rfind(")", s, e))
        if bracket >= 0:
            s = bracket + 1 + len(text[bracket + 1:e]) - len(text[bracket + 1:e].lstrip())
        cuts = [s] + [m.end() for m in _LIST_COMMA.finditer(text, s, e)]
        if any(w[:1].islower() for w in text[s:e].split()):
            cuts = [s]  # "Council on Energy, Environment and Water": one name with a list in it
        for a, b in zip(cuts, cuts[1:] + [e]):
            b = a + len(text[a:b].rstrip(" ,"))
            if label == "PERSON" and b == e and text[a:b].split()[-1:] and text[a:b].split()[-1].lower() in NAME_PARTICLES:
                after = re.match(r"\s+([A-Z][\w'’-]+)", text[b:b + 40])
                b = b + after.end() if after else b
            if b > a and any(ch.isalpha() for ch in text[a:b]):
                out.append((a, b))
    return out


def _outside_longer(mentions: list[Mention]) -> list[Mention]:
    """The mentions (in order) that lie in no longer one (the model's spans never overlap; mended ones may)."""
    kept, reach = [], -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end > reach:
            kept.append(m)
            reach = m.end
    return kept


def _without_animals(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the article gives an animal ("the panda Bao Bao", "Rex, the family dog") names no
    person or organisation, in any of its mentions: an animal is no speaker."""
    animals = {fold(m.text) for m in mentions if m.label in ("PERSON", "ORG") and _animal_at(text, m.start, m.end)}
    return [m for m in mentions if fold(m.text) not in animals] if animals else mentions


def names_an_animal(text: str, name: str) -> bool:
    """Whether the article gives `name` to an animal somewhere (see _without_animals)."""
    return any(_animal_at(text, m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))


def _animal_at(text: str, start: int, end: int) -> bool:
    return bool(_ANIMAL_BEFORE.search(text, max(0, start - 40), start) or _ANIMAL_AFTER.match(text, end))


def _relabel_known_people(mentions: list[Mention]) -> list[Mention]:
    """A name the article uses for a person elsewhere is that person here too ("Lavrov" as ORG)."""
    people = set()
    for m in mentions:
        if m.label == "PERSON":
            people.add(fold(m.text))
            if len(m.text.split()) > 1:
                people.add(fold(m.text).split()[-1])
    for m in mentions:
        if m.label in ("ORG", "NORP", "FAC", "LOC") and fold(m.text) in people:
            m.label = "PERSON"
    return mentions


def _relabel_country(mention: Mention) -> Mention:
    if mention.label != "GPE" and fold(mention.text) in country_names():
        mention.label = "GPE"
    return mention


def _is_address(name: str) -> bool:
    """An e-mail or web address or a piece of markup the model took for a name
    ("conor.burns.mp@parliament.uk", "pic.twitter.com/RLEsMPYSRd", 'style="font-size:12pt'): no entity."""
    return bool(_ADDRESS.search(name))


def _is_chrome(text: str, mention: Mention, credit_lines: dict[int, bool]) -> bool:
    words = fold(mention.text).split()
    if words and all(w in CHROME_WORDS for w in words) and not _in_prose(text, mention):
        return True  # "Reuters" in a credit line is chrome; "told Reuters." is the agency
    line_start = text.rfind("\n", 0, mention.start) + 1
    if line_start not in credit_lines:
        line_end = text.find("\n", mention.end)
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        credit_lines[line_start] = (bool(_CREDIT_LINE.search(line))
                                    and not line.rstrip().endswith((".", "!", "?", '"', "”")))
    return credit_lines[line_start]


def is_caption(text: str, offset: int) -> bool:
    """Whether the line at `offset` is a photo caption or credit ("(Photo : X/AFP via Getty Images)")."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    return bool(_CREDIT_LINE.search(text, line_start, line_end if line_end >= 0 else len(text)))


def _in_prose(text: str, mention: Mention) -> bool:
    """Whether the mention sits in a sentence of running text (a line of more than six words
    ending in sentence punctuation)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].rstrip()
    return len(line.split()) > 6 and line.endswith((".", "!", "?", '"', "”", ":"))


def _plausible_person(name: str) -> bool:
    words = name.split()
    if any(ch.isdigit() for ch in name) or len(words) > 5:
        return False
    return all(w[0].isupper() or w.lower().strip(".-'") in NAME_PARTICLES for w in words)


def is_headline(sentence: Sentence) -> bool:
    """A title-case line without final punctuation: a headline or heading."""
    # the cheap tests first: this runs several times per sentence, and most sentences end in "."
    if sentence.text.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    words = _HEADLINE_WORD.findall(sentence.text)
    if len(words) < HEADLINE_MIN_WORDS:
        return False
    if any(ch.isdigit() for ch in sentence.text):
        return False  # result lines and tables, not headings
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in {"a", "an", "the", "of", "in",
                                                                          "on", "to", "for", "and", "as", "at", "with", "by"})
    return capitalised / len(words) >= HEADLINE_CAPITALISED_SHARE


def _drop_unconfirmed_headline_people(mentions: list[Mention], sentences: list[Sentence]) -> list[Mention]:
    """Title case makes any two words look like a name: trust a headline PERSON only when the body
    names the same person (full name or surname)."""
    headline = {s.index for s in sentences if is_headline(s)}
    body_names = set()
    for m in mentions:
        if m.label == "PERSON" and m.sentence not in headline:
            body_names.add(fold(m.text))
            body_names.update(fold(m.text).split())
    kept = []
    for m in mentions:
        if m.label == "PERSON" and m.sentence in headline:
            words = fold(m.text).split()
            if fold(m.text) not in body_names and not (words and words[-1] in body_names):
                continue
        kept.append(m)
    return kept
