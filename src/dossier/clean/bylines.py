"""Bylines: every author a byline line names, with roles and outlets read apart from names.

    parse_byline("By Ann Lee and Tom Park")        -> Byline(["Ann Lee", "Tom Park"], None)
    parse_byline("By A. Diaz, Bo Kim and Cy Lund") -> Byline(["A. Diaz", "Bo Kim", "Cy Lund"], None)
    parse_byline("Ann Lee and Tom Park | Reuters") -> Byline(["Ann Lee", "Tom Park"], "Reuters")
    parse_byline("Ann Lee, Staff Writer")          -> Byline(["Ann Lee"], None)

A line without "By" is a byline only when it also names a role or an outlet, so a line that is
just two names ("Ann Lee and Tom Park") in the body is not read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A person's name: 2-4 capitalised words, initials and name particles allowed ("Ana de la Cruz").
_NAME = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?:\s+(?:(?:de|da|del|der|van|von|la|le|bin|al|el)\s+)*"
                   r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)){1,3}$")
_ROLE = re.compile(r"(?i)^(?:the\s+)?(?:(?:ap|afp|associated press|reuters)\s+)?"
                   r"(?:(?:senior|chief|staff|special|contributing|political|foreign|"
                   r"business|sports|science|health|managing|deputy|associate|national|white house|"
                   r"washington|investigative|local|freelance|correspondent|news|auto|technology|"
                   r"entertainment|economics|medical|legal|education|religion|travel)\s+)*"
                   r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|"
                   r"photographer|producer|analyst|critic|bureau chief)s?(?:\s+(?:for|at|of)\s+.{1,40})?$")
# Words that make a capitalised phrase an outlet rather than a person.
_OUTLET = re.compile(r"\b(?:News|Times|Post|Press|Agency|Reuters|AP|AFP|TASS|Tass|BBC|CNN|Journal|"
                     r"Herald|Tribune|Daily|Telegraph|Guardian|Gazette|Wire|Network|TV|Radio|Xinhua|"
                     r"Bloomberg|Dispatch|Chronicle|Associated|Media|Staff|Service|Online|WSVN|"
                     r"Magazine|Review|Desk|Zeitung|Nachrichten|Noticias|Redaktion|Redacción|Rédaction|"
                     r"NOTICIAS|REDACCIÓN)\b")
# "By" and its equivalents in the languages of the example pages (Spanish/Portuguese "Por",
# German "Von", French "Par", Dutch "Door", Italian "Di").
_LEAD = re.compile(r"^\s*(?:by|byline|from|written by|words by|por|von|par|door|di)\s*:?\s+", re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
MAX_WORDS = 20  # longer lines are prose ("By the time police arrived, ...")


# A segment of a byline line that is its date: "March 3, 2021", "3 March 2021 10:45", "2021-03-03".
DATE_SEGMENT = re.compile(r"(?i)^(?:(?:published|posted|updated|last updated|modified)\s*:?\s*(?:on\s+)?)?"
                          r"(?=.*\b(?:1[89]|20)\d{2}\b)(?=.{0,60}$).*\d.*$")
MODIFIED = re.compile(r"(?i)^\s*(?:last\s+)?(?:updated|modified|edited|changed)\b")
_SEGMENT_SPLIT = re.compile(r"\s+[|•·]\s+|\s+[-–—]{1,2}\s+|\s*\|\s*")


@dataclass(frozen=True)
class Byline:
    authors: list[str]
    outlet: str | None = None
    date_text: str | None = None  # the line's date segment, as written ("March 3, 2021")


_NOT_NAMES = re.compile(r"(?i)\b(?:on|in|at|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                        r"january|february|march|april|may|june|july|august|september|october|november|"
                        r"december|updated|published|posted|photo|video)\b")


def is_person_name(text: str) -> bool:
    """A capitalised 2-4 word name that is not an outlet ("7 News", "Staff") or a date."""
    return (bool(_NAME.match(text)) and not _OUTLET.search(text) and not _NOT_NAMES.search(text)
            and not any(c.isdigit() for c in text))


def _is_outlet(text: str) -> bool:
    """A short capitalised name with an outlet word: "Reuters", "7 News WSVN", "The Example Times"."""
    words = text.split()
    return (len(words) <= 5 and bool(_OUTLET.search(text))
            and all(w[0].isupper() or w[0].isdigit() or w in ("of", "the", "and") for w in words))


def parse_byline(line: str) -> Byline | None:
    """The authors (in order) and outlet of a byline line; None when the line is not a byline."""
    text = line.strip().rstrip(".")
    if not text or len(text.split()) > MAX_WORDS or re.search(r"[!?“”\"]", text):
        return None
    lead = _LEAD.match(text)
    body = text[lead.end():] if lead else text
    segments = [s.strip() for s in _SEGMENT_SPLIT.split(body) if s.strip()]
    dates = [s for s in segments[1:] if DATE_SEGMENT.match(s)]
    rest = [s for s in segments[1:] if s not in dates]
    if len(rest) > 1 or not segments:
        return None
    names_part, outlet = segments[0], (rest[0] if rest else None)
    authors, role_seen = [], False
    for piece in (p.strip() for p in _NAME_SPLIT.split(names_part)):
        if not piece:
            continue
        if _ROLE.match(piece):
            role_seen = True
        elif is_person_name(piece):
            authors.append(piece)
        elif lead and authors and outlet is None and _is_outlet(piece):
            outlet = piece  # "By Jessica Holly, Gail Levy, 7 News WSVN"
        else:
            return None
    if not authors or not (lead or role_seen or (outlet and _is_outlet(outlet))):
        return None
    if outlet is not None and not _is_outlet(outlet) and not _ROLE.match(outlet):
        return None  # "By Ann Lee - who was there" is not an outlet
    return Byline(authors, outlet if outlet and not _ROLE.match(outlet) else None, _publication_first(dates))


# What a page's author field carries beside names. trafilatura reads a byline box's text and
# drops its digits, so "CBS News · February 24, 2020" arrives as "CBS News February".
# A date or a "Published"/"Updated" stamp at the end: a month name as the last word, or one before a
# number ("Apr 7"); "May" only before a number, as it ends names ("Theresa May").
_AUTHOR_DATE_TAIL = re.compile(
    r"(?i)(?:^|\s+)(?:(?:first\s+|last\s+)?(?:published|posted|updated|modified)\b.*"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december)\.?$"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d.*)$")
# A dateline's weekday run into a name: trafilatura reads "Jeff Foust — Monday, November 18, 2019"
# as "Jeff Foust Monday; November" (digits dropped, the month piece left out above). Only after a
# name of two words or more, so a one-word name before it stays ("Joe Friday"), or alone ("Ann Lee,
# Monday, May 4" split on its commas).
_AUTHOR_WEEKDAY_TAIL = re.compile(
    r"(?i)^((?:\S+(?:\s+\S+)+?)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?$")
# A bio run into the name: "Phil Helsel is a reporter for NBC News".
_AUTHOR_BIO_TAIL = re.compile(r"\s+(?:is|was|has been)\s+(?:a|an|the)\s.*$")
# A template's stand-in for a missing author, not a name.
_NO_AUTHOR = re.compile(r"(?i)^(?:no\s+author|unknown(?:\s+author)?|anonymous\s+author|admin(?:istrator)?|"
                        r"n/?a|none|null|author)$")


# What an author field puts before a name: "By", "Analysis by", German "Von"/"Vom"/"Autor:", a
# profile link's "Zum Profil von" (trafilatura-eval pages, --start 0 --every 2).
_FIELD_LEAD = re.compile(r"(?i)^\s*(?:(?:(?:news\s+)?analysis|opinion|commentary|interview|story|text|reporting|"
                         r"words|photos?|posted|written)\s+by|by|von|vom|autor(?:in)?|author|interview|"
                         r"(?:ein\s+)?beitrag\s+von|zum\s+profil\s+von)\s*:?\s+")
_QUOTE_MARKS = "'\"“”‘’«»„"
# A company's legal form or a web host's top-level domain ends a publisher's name, never a person's.
_PUBLISHER_TAIL = re.compile(r"(?i)\b(?:gmbh|e\.?\s?v|ag|inc|ltd|llc|plc|verlag|média|com|de|net|org|at|ch)\.?$")
_WORD_KEY = re.compile(r"[^\w]+")
# Degrees and professional post-nominals after a name ("Ilana Muhlstein, MS, RDN"): not authors.
_CREDENTIAL = re.compile(r"^(?:Ph\.?\s?D|M\.?D|M\.?S|M\.?A|MBA|MPH|MSc|BSc|B\.?A|RN|RDN?|LDN?|CDE|DO|DDS|JD|"
                         r"Esq|CPA|LCSW|FACP|FRCP|Dipl\.?-Ing|Dr\.? med)\.?$")


def split_authors(author: str | None, site: str | None = None, url: str | None = None) -> list[str]:
    """Authors from an HTML page's author field (trafilatura joins several with "; "): roles, a
    date or publication stamp run into a name, a bio after it and placeholders ("No Author",
    "admin") left out; initials get back the full stop trafilatura drops ("Leah C Stokes" ->
    "Leah C. Stokes"). Beside a person, the publisher is left out: the page's own `site` or web
    host ("Rob Picheta; CNN" on cnn.com), a company ("... GmbH", "Prisma Média") or an outlet
    ("NOTICIAS TROME"); a field naming only a publisher keeps it. Rules read on trafilatura-eval's
    `--start 0 --every 2` half (benchmarks/page_bylines.py)."""
    if not author:
        return []
    found = []
    for piece in re.split(r"\s*(?:;|,|&|\band\b)\s*", author):
        piece = _FIELD_LEAD.sub("", piece.strip(_QUOTE_MARKS + " ")).strip(_QUOTE_MARKS + " ")
        piece = _AUTHOR_BIO_TAIL.sub("", _AUTHOR_DATE_TAIL.sub("", _LEAD.sub("", piece))).strip()
        piece = _AUTHOR_WEEKDAY_TAIL.sub(lambda m: (m.group(1) or "").strip(), piece)
        if not (_PUBLISHER_TAIL.search(piece) or _names_owner(piece, site, url)):
            piece = _initials_stopped(_without_outlet_tail(_without_site_tail(piece, site)))
        if (piece and not _ROLE.match(piece) and not _NO_AUTHOR.match(piece) and not _CREDENTIAL.match(piece)
                and not any(c.isdigit() for c in piece) and piece not in found):
            found.append(piece)
    people = [_name_case(a) for a in found if not _is_publisher(a, site, url)]
    return people or found


def _name_case(name: str) -> str:
    """A person's name set in capitals, as wire bylines print it ("GARY B. GRAVES", "DANICA KIRKA"),
    in the case a byline shows a name ("Gary B. Graves"); any other name as it is."""
    if not name.isupper():
        return name
    cased = " ".join(w if re.fullmatch(r"[A-Z]\.?", w) else w.title() for w in name.split())
    return cased if is_person_name(cased) else name


def _without_site_tail(piece: str, site: str | None) -> str:
    """"Finian Cunningham Sputnik International" on the site "SputnikInt" -> "Finian Cunningham": the
    site's name, whole or spelt out from its short form, run into a name of two words or more."""
    key = _WORD_KEY.sub("", site or "").casefold()
    words = piece.split()
    if len(key) < 5 or len(words) < 3:
        return piece
    for cut in range(len(words) - 1, 1, -1):
        tail = _WORD_KEY.sub("", " ".join(words[cut:])).casefold()
        if tail.startswith(key) and is_person_name(" ".join(words[:cut])):
            return " ".join(words[:cut])
    return piece


def _without_outlet_tail(piece: str) -> str:
    """"Adam Aaronson PhillyVoice Staff" -> "Adam Aaronson": a person's name with the outlet's
    staff credit run into it (four words or more, so "Jerusalem Post Staff" stays; the credit
    is the outlet's name and its word, two words or more)."""
    words = piece.split()
    if len(words) < 4:
        return piece
    for cut in range(min(len(words) - 2, 3), 1, -1):
        name, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if is_person_name(name) and _OUTLET.search(tail) and not _OUTLET.search(name):
            return name
    return piece


def _initials_stopped(piece: str) -> str:
    words = piece.split()
    if len(words) < 2:
        return piece
    return " ".join(w + "." if re.fullmatch(r"[A-Z]|Jr|Sr", w) else w for w in words)


def _is_publisher(name: str, site: str | None, url: str | None) -> bool:
    """Whether an author field's name is the publisher: the site's name or its web host's
    name, optionally with an outlet word ("FOCUS Online" on focus.de), a company's legal form or
    a top-level domain at its end, or an outlet word in it."""
    return bool(_PUBLISHER_TAIL.search(name) or _OUTLET.search(name)) or _names_owner(name, site, url)


def _names_owner(name: str, site: str | None, url: str | None) -> bool:
    """Whether `name` is the site's name or its web host's, alone or with an outlet word."""
    key = _WORD_KEY.sub("", name).casefold()
    owners = {_WORD_KEY.sub("", site).casefold()} if site else set()
    host = re.sub(r"^(?:[a-z]+://)?(?:www\d?\.)?", "", (url or "").casefold()).split("/")[0]
    owners |= {_WORD_KEY.sub("", label) for label in host.split(".")[:-1] if len(label) >= 2}
    if key in owners:
        return True
    words = name.split()
    return any(_WORD_KEY.sub("", " ".join(words[:cut])).casefold() in owners and _OUTLET.search(" ".join(words[cut:]))
               for cut in range(1, len(words)))


def _publication_first(dates: list[str]) -> str | None:
    """A byline's publication date before its "Updated" one: the page date is when it was published."""
    ordered = sorted(dates, key=lambda d: bool(MODIFIED.match(d)))
    return ordered[0] if ordered else None
