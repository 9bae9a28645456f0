"""Small word lists the analysers share: country names, well-known alias groups, chrome words,
role nouns. General news knowledge, not tied to any one corpus."""

from __future__ import annotations

import functools
import unicodedata

# Territory names babel lists that are not countries a news NER should call GPE.
_NOT_COUNTRIES = {"European Union", "Eurozone", "United Nations", "Pseudo-Accents", "Pseudo-Bidi",
                  "Unknown Region", "Outlying Oceania"}
_EXTRA_COUNTRIES = {"Turkey", "Burma", "Czech Republic", "Ivory Coast", "Britain", "Great Britain",
                    "England", "Scotland", "Wales", "Palestine", "Gaza", "West Bank", "Hong Kong",
                    "Congo", "Macedonia", "Swaziland", "East Timor", "America"}

# Alias groups that string similarity cannot find (acronyms, translations, renamed bodies).
# The first name of each group is the canonical one.
KNOWN_ALIAS_GROUPS: tuple[tuple[str, ...], ...] = (
    ("Islamic State", "ISIS", "ISIL", "IS", "Daesh", "Islamic State of Iraq and Syria",
     "Islamic State of Iraq and the Levant", "Islamic State group"),
    ("al-Qaida", "al-Qaeda", "al Qaeda", "al Qaida", "Al-Qaeda", "Al Qaeda"),
    ("United States", "US", "U.S.", "USA", "U.S.A.", "United States of America", "America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("United Nations", "UN", "U.N."),
    ("European Union", "EU", "E.U."),
    ("Soviet Union", "USSR", "U.S.S.R.", "Soviet Union"),
    ("North Atlantic Treaty Organization", "NATO", "Nato"),
    ("World Food Programme", "World Food Program", "WFP"),
    ("Russia", "Russian Federation"),
    ("Kremlin", "the Kremlin"),
)

# Words that page chrome puts in title case and NER then calls names.
CHROME_WORDS = frozenset("""
advertisement advertisements subscribe subscribed share tweet email print comments comment reply
related latest stay connected follow login log sign newsletter menu search home skip content photo
photos image images video videos credit credits getty afp pool reuters ap epa caption read also
more trending popular cookie cookies privacy policy terms copyright rights reserved
""".split())

# Nouns that name a role; a phrase headed by one can stand for a person whose title used it.
ROLE_NOUNS = frozenset("""
minister ministers president vice-president premier chancellor secretary spokesman spokeswoman
spokesperson envoy ambassador diplomat official officials representative leader chief head
director governor mayor senator lawmaker general commander king queen prince emir sheikh
prosecutor judge chairman chairwoman chair ceo founder negotiator deputy adviser advisor aide
""".split())

# Role phrases that mean a title other than their head noun ("top diplomat" = foreign minister).
ROLE_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "diplomat": ("foreign minister", "secretary of state", "foreign secretary"),
    "ambassador": ("ambassador", "envoy", "foreign minister"),
    "envoy": ("envoy", "representative", "ambassador"),
    "spokesperson": ("spokesman", "spokeswoman", "spokesperson"),
}


# Pure, and asked about the same names again and again (a 2k-article build folds 457k strings,
# mostly repeats: 70% of entity resolution's time before this cache); bounded.
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents or punctuation, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = "".join(ch if ch.isalnum() else " " for ch in text.lower())
    return " ".join(text.split())


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Folded English country names (babel's territory list, plus common short forms)."""
    from babel import Locale

    names = {name for code, name in Locale("en").territories.items()
             if code.isalpha() and name not in _NOT_COUNTRIES}
    names |= _EXTRA_COUNTRIES
    folded = set()
    for name in names:
        folded.add(fold(name.replace("&", "and")))
        folded.add(fold(name.split(" (")[0].split(" SAR")[0]))
    return frozenset(folded)


@functools.lru_cache(maxsize=1)
def known_alias_index() -> dict[str, str]:
    """Folded alias -> canonical name, from `KNOWN_ALIAS_GROUPS`."""
    index = {}
    for group in KNOWN_ALIAS_GROUPS:
        for alias in group:
            index[fold(alias)] = group[0]
    return index
