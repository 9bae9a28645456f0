"""Quotes grouped for reading: by speaker, then into variants of one quote across articles."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

# Two quotes of one speaker are variants of one quote at this rapidfuzz ratio or above. Measured on
# the seeds by hand: the three wordings of Lavrov's "inclusive government" quote (001/003/004) score
# 79-95 against each other; different quotes of one speaker score 36-49. 65 sits between.
VARIANT_MIN_RATIO = 65


def group_quotes(quotes: list[dict], flags: list[dict], cards: dict[str, dict], names: dict[str, str]) -> list[dict]:
    """[{speaker, name, variants: [quote + article card], drift: flag or None}], speakers with the
    most quotes first; groups with drift flags first within a speaker."""
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for quote in quotes:
        by_speaker[quote.get("speaker") or ""].append(quote)
    drift_flags = [f for f in flags if f["kind"] == "quote_drift"]
    groups = []
    for speaker, said in sorted(by_speaker.items(), key=lambda kv: -len(kv[1])):
        speaker_groups = []
        for variants in variant_groups(said):
            drift = next((f for f in drift_flags if any(flag_names(f, q) for q in variants)), None)
            speaker_groups.append({
                "speaker": speaker or None,
                "name": names.get(speaker, speaker) or (variants[0].get("speaker_text") or "unknown speaker"),
                "variants": [dict(q, article_card=cards.get(q["article"])) for q in variants],
                "drift": drift})
        groups.extend(sorted(speaker_groups, key=lambda g: (g["drift"] is None, -len(g["variants"]))))
    return groups


def variant_groups(quotes: list[dict]) -> list[list[dict]]:
    """Greedy grouping against each group's first quote (quotes of one speaker are few)."""
    groups: list[list[dict]] = []
    for quote in quotes:
        home = next((g for g in groups if fuzz.ratio(g[0]["text"], quote["text"]) >= VARIANT_MIN_RATIO), None)
        if home is None:
            groups.append([quote])
        else:
            home.append(quote)
    return groups


def flag_names(flag: dict, quote: dict) -> bool:
    """Whether a flag's evidence is this quote (the evidence text holds it, or it holds the evidence)."""
    text = quote["text"].casefold()
    return any(ev["article"] == quote["article"] and ev.get("text")
               and (ev["text"].casefold() in text or text in ev["text"].casefold())
               for ev in flag.get("evidence", []))
