"""Event triggers: the words by which a news text reports each event type.

One vocabulary for every stage that reads event types: analyse finds events with it, and the
timeline asks whether a "statement" event's evidence really announces something.
"""

from __future__ import annotations

# type -> trigger pattern (inflected forms spelled out: no lemmatizer runs).
TRIGGERS: dict[str, str] = {
    "talks": r"talks|negotiations?|meetings?|met|meets?|conferences?|summit|discussions|consultations",
    "designation": r"designat(?:e|es|ed|ing|ion)|blacklist(?:s|ed|ing)?|outlaw(?:ed|s)?",
    "delisting": r"delist(?:s|ed|ing)?|remov(?:e|es|ed|ing|al)\b.{0,40}?\bfrom (?:the|this|its|a) (?:terror\w* )?list|lift(?:s|ed|ing)? the ban",
    "recognition": r"recogni[sz](?:e|es|ed|ing|ion)(?!\s+(?:of\s+)?(?:the\s+)?(?:importance|need|value|role|fact|efforts?|that)\b)",
    "aid": r"humanitarian (?:aid|assistance|supplies)|(?:military|food|economic) (?:aid|assistance|support)|aid shipment|shipment of|cargo of",
    "exercise": r"(?:military )?exercises?|drills",
    "attack": r"attacks?|attacked|bombings?|shelling|massacre|fatalities",
    "resignation": r"resign(?:s|ed|ing|ation)?|quit|quits|stepp?(?:ed|s)? down",
    "withdrawal": r"withdr(?:aw|aws|ew|awn|awing|awal)|pull(?:ed|s)? out",
    "seizure": r"seized? (?:control|power)|takeover|took (?:over|power)|regain(?:ed|ing)? power|(?:rise|rising|came) to power",
    "invasion": r"invasion|invaded|invades?",
    "war": r"(?:waged|fought|wages|fights) (?:a|an|the) [\w-]*\s?war|war (?:in|against|with)",
    "visit": r"visit(?:s|ed|ing)?",
    "agreement": r"agreements?|signed|accords?|treaty",
    "sanctions": r"sanctions|sanctioned",
    "accusation": r"accus(?:e|es|ed|ing)|criticiz(?:e|es|ed)|criticis(?:e|es|ed)|condemn(?:s|ed)?|blamed",
    "statement": r"announc(?:e|es|ed|ement)|declar(?:ed|ation)|statement",
}

# The type of a domain-general event (a predicate no trigger family classifies).
OCCURRENCE = "occurrence"


def event_label(event: dict) -> str:
    """The kind a reader sees for an exported event (a dict): its type, or for a domain-general
    event its predicate ("host", "spark"): one sentence often gives several, and two rows both
    labelled "occurrence" over the same sentence read as a duplicate."""
    if event.get("type") == OCCURRENCE and event.get("predicate"):
        return event["predicate"]
    return event.get("type") or OCCURRENCE
