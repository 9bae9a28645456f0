"""The data types that flow between stages.

One `Article` is threaded through the per-article stages (clean, analyse); corpus stages read
articles and produce `Link`, `Story`, `Entity`, `Event` and `Flag` values. Every type is a plain
dataclass that round-trips through JSON (`to_dict` / `from_dict`), which is how the store keeps it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import sys
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import orjson

PageDateTrust = Literal["ok", "weak", "missing", "contradicted"]
LinkKind = Literal["copy", "rewrite", "translation", "partial"]
# The one page-date policy: a date a reader can rely on for "when was this published". A "weak"
# date (a lone chrome date line, or one htmldate found only in the page text: 68% right on
# htmldate-eval against 93% for "ok") is too often the day the page was scraped.
TRUSTED_PAGE_DATES = frozenset({"ok"})

T = TypeVar("T")


def content_id(raw: bytes) -> str:
    """Content-hash id: the same bytes always give the same id, so re-ingest adds nothing."""
    return hashlib.sha256(raw).hexdigest()[:16]


def to_dict(obj: Any) -> Any:
    """Dataclass (or nested lists of them) to JSON-ready values; bytes are left out."""
    kind = type(obj)
    if kind in _SCALAR_TYPES:  # most values: answered before any other check
        return obj
    if dataclasses.is_dataclass(kind):
        return _converter(kind)(obj)
    if isinstance(obj, _SCALARS):
        return obj
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def to_json(obj: Any, *, sort_keys: bool = False) -> bytes:
    """`to_dict(obj)` as compact UTF-8 JSON, about 10x faster than `json.dumps(to_dict(obj))`:
    orjson serialises dataclasses natively, in field order (measured on 2.1k analysed articles:
    0.09 against 0.68 CPU s, the same values). `sort_keys` sorts dict keys, for digests (a
    dataclass's fields always come in their declared order). Values orjson refuses (bytes fields,
    non-string dict keys) go through `to_dict`. Non-finite floats become null, as SQLite's JSON
    functions need."""
    option = orjson.OPT_SORT_KEYS if sort_keys else 0
    try:
        return orjson.dumps(obj, option=option)
    except TypeError:
        return orjson.dumps(to_dict(obj), option=option | orjson.OPT_NON_STR_KEYS)


_SCALARS = (str, int, float, type(None))
_SCALAR_TYPES = frozenset({str, int, float, bool, type(None)})


@functools.cache
def _converter(cls: type):
    """`to_dict` for instances of dataclass `cls`: scalar field values are copied without a call
    per value (they are most values: an article holds ~5,000, and a build converts every article
    several times for digests and the store)."""
    names = _field_names(cls)

    def convert(obj) -> dict:
        out = {}
        for name in names:
            value = getattr(obj, name)
            if type(value) in _SCALAR_TYPES:
                out[name] = value
            elif type(value) is list:
                out[name] = [x if type(x) in _SCALAR_TYPES else to_dict(x) for x in value]
            elif not isinstance(value, bytes):
                out[name] = to_dict(value)
        return out
    return convert


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class (`dataclasses.fields` per object was
    the store's main cost)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: dict) -> T:
    """Inverse of `to_dict` for the types in this module (unknown keys are ignored). Equal strings
    share one object (`sys.intern`): the same names, labels and sentences recur across an article's
    layers and across the copies in a corpus, and shared they take 41% less memory for the analysed
    articles a build holds (73 -> 43 kB an article on a 1k syndication build)."""
    return _builder(cls)(data)


@functools.cache
def _builder(cls: type):
    """`from_dict` for dataclass `cls`. A dict holding exactly the class's fields (what `to_dict`
    and `to_json` write) goes through a constructor call generated once per class, which reads
    each field by name, interns the string fields and builds the nested lists, with no loop or dict
    copy per object (an add at 4,100 articles builds ~1.3M objects: 3.2-3.4 -> 1.6-2.1 CPU s measured).
    Other dicts (a field missing or unknown: a value stored by other code) take `_general_builder`."""
    general = _general_builder(cls)
    if any(not f.init or f.kw_only for f in dataclasses.fields(cls)):
        return general  # the generated call passes every field by position
    names = _field_names(cls)
    nested = _nested_fields(cls)
    strings = set(_string_fields(cls))
    env = {"cls": cls, "general": general, "intern": sys.intern, "str": str, "list": list, "type": type}
    args = []
    for number, name in enumerate(names):
        value = f"data[{name!r}]"
        if name in nested:
            env[f"inner{number}"] = _builder(nested[name])
            args.append(f"[inner{number}(v) for v in x] if (x := {value}) else x")
        elif name in strings:
            args.append(f"intern(x) if type(x := {value}) is str else "
                        f"([intern(v) if type(v) is str else v for v in x] if type(x) is list and x else x)")
        else:
            args.append(value)
    source = (f"def build(data):\n    if len(data) != {len(names)}:\n        return general(data)\n"
              f"    try:\n        return cls({', '.join(args)})\n    except KeyError:\n        return general(data)\n")
    exec(source, env)  # noqa: S102 - source made above from the class's own field names
    return env["build"]


@functools.cache
def _general_builder(cls: type):
    """`from_dict` for dataclass `cls`, for any dict: its nested lists and its string fields looked
    up once per class, so a value is touched only where it needs converting and the rest go to the
    class as they are. Unknown keys take the slower path that drops them."""
    fields = frozenset(_field_names(cls))
    nested = tuple((name, _builder(inner)) for name, inner in _nested_fields(cls).items())
    strings = _string_fields(cls)
    intern = sys.intern

    def build(data: dict):
        kwargs = dict(data)  # the caller's dict stays as it was
        for name, inner in nested:
            value = kwargs.get(name)
            if value:
                kwargs[name] = [inner(v) for v in value]
        for name in strings:
            value = kwargs.get(name)
            if type(value) is str:
                kwargs[name] = intern(value)
            elif type(value) is list and value and type(value[0]) is str:
                kwargs[name] = [intern(x) if type(x) is str else x for x in value]
        try:
            return cls(**kwargs)
        except TypeError:
            return cls(**{name: value for name, value in kwargs.items() if name in fields})
    return build


def _string_fields(cls: type) -> tuple[str, ...]:
    """The fields of `cls` typed as text (a string, a Literal of strings, a list of them, maybe
    None), whose values `from_dict` interns."""
    hints = typing.get_type_hints(cls)
    return tuple(f.name for f in dataclasses.fields(cls) if _is_text(hints[f.name]))


def _is_text(annotation: Any) -> bool:
    if annotation is str:
        return True
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Literal:
        return all(isinstance(a, str) for a in args)
    if origin in (list, types.UnionType, typing.Union):
        return any(_is_text(a) for a in args)
    return False


@functools.cache
def _nested_fields(cls: type) -> dict[str, type]:
    """field name -> the dataclass its list holds, for `cls` (from `_NESTED`)."""
    return {name: inner for (owner, name), inner in _NESTED.items() if owner == cls.__name__}


# ---------------------------------------------------------------- ingest


@dataclass(slots=True)
class Document:
    """One input document exactly as read: raw bytes plus what the reader could decode."""

    id: str
    source: str  # path relative to the input root; "file.jsonl#3", "file.warc.gz#<record id>"
    kind: Literal["text", "html", "jsonl", "warc"]
    raw: bytes
    text: str | None = None  # decoded text for plain-text inputs
    html: str | None = None  # decoded markup for HTML inputs
    meta: dict[str, Any] = field(default_factory=dict)  # url, title, date, site given by the input


@dataclass(slots=True)
class Rejection:
    """A document some stage could not use, kept with the reason so nothing is silently lost."""

    id: str
    source: str
    stage: str  # "ingest", "clean", "analyse"
    reason: str
    raw: bytes = b""


# ---------------------------------------------------------------- clean


@dataclass(slots=True)
class RemovedLine:
    line: str
    reason: str
    position: int = 0  # line number in the input text, so a user can restore it in place


@dataclass(slots=True)
class Evidence:
    """Why a metadata value was chosen: where it was found and the text that says it."""

    source: str  # "header", "jsonl", "html-meta", "htmldate", "chrome-date-line", "byline-line", ...
    text: str


# ---------------------------------------------------------------- analyse


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    text: str
    label: str  # PERSON, ORG, GPE, NORP, LOC, EVENT, ...
    start: int
    end: int
    sentence: int = 0
    entity: str | None = None  # corpus entity id, filled by alias resolution


@dataclass(slots=True)
class Quote:
    id: str
    article: str
    text: str
    start: int
    end: int
    speaker: str | None = None  # entity id after resolution, else the surface name
    speaker_text: str | None = None  # the words in the article that name the speaker
    speaker_name: str | None = None  # the speaker's full name within the article (kept across corpus runs)
    cue: str | None = None
    # direct: verbatim, all in quote marks; partial: a reported clause with quoted words in it;
    # indirect: reported speech without quote marks.
    kind: Literal["direct", "indirect", "partial"] = "direct"
    sentence: int = 0
    # Exact character offsets of the cue ("said", "according to") and of the whole source phrase
    # ("Lavrov, Russia's foreign minister"); None where the article does not give them.
    cue_start: int | None = None
    cue_end: int | None = None
    source_start: int | None = None
    source_end: int | None = None
    # speech: words someone said or wrote (a quote, or a report by a speech verb, "according to");
    # stance: a belief, support or criticism attributed to someone ("supporting", "an interpretation
    # of"), which PARC-style attribution counts but a reader does not take for a quotation.
    act: Literal["speech", "stance"] = "speech"


@dataclass(slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None  # ISO-like: "2021-10-20", "2021-W42", "2021-08", "2003", None if unresolved
    precision: Literal["day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "approximate",
                       "duration"] | None
    kind: Literal["date", "duration", "set"] = "date"
    anchor: str | None = None  # the reference date it was resolved against
    sentence: int = 0
    # How far that reference date can be trusted: "ok" (a trusted page date or one the text
    # establishes), "weak" (a weak page date, used only when nothing better exists).
    anchor_trust: str | None = None
    # "past" or "future": the tense of the clause the parse puts it in (`analyse.clause_tense`);
    # None when not parsed or when the clause says neither (then the words around it decide).
    tense: str | None = None
    # The noun it describes when it is a period modifier of a thing, not the time of an event
    # ("an 18th-century painting", "a 2019 Toyota"; `analyse.predicates.with_described_things`):
    # it dates no event of its clause. None otherwise.
    describes: str | None = None


# An event's modality, most factual first (`analyse/predicates.py`): told as fact; inside what
# someone is reported to have said; the aim of a plan, promise or agreement (TimeML SLINK MODAL);
# under a modal or condition (would, could, if).
MODALITIES = ("asserted", "reported", "planned", "hypothetical")


@dataclass(slots=True)
class Predicate:
    """An event mention from the parse (TimeML EVENT): a verbal or nominal predicate with its
    participants, found per article so the corpus step can date it without parsing again."""

    start: int  # trigger offsets in Article.text
    end: int
    text: str
    lemma: str
    sentence: int
    pos: str  # VERB or NOUN
    tense: str | None = None  # past, present, future
    # the simple present of a verb that reports nothing: a state or habit ("ships engines to
    # Europe", "demonstrates that"), not a happening; not "is negotiating", not "says"
    habitual: bool = False
    # advice or a kind of activity, no particular happening: an imperative, the generic "you", a
    # gerund subject ("Retiring early takes time")
    generic: bool = False
    modality: str = "asserted"  # one of MODALITIES
    participants: list[str] = field(default_factory=list)  # entity names or head phrases
    place: str | None = None
    times: list[int] = field(default_factory=list)  # start offsets of the time expressions in its clause
    # without times of its own: the sentence's times no predicate holds that it may take
    # (`analyse.predicates._shared_times`), nearest first chosen by `analyse.events`
    shared_times: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    id: str
    type: str  # talks, statement, designation, delisting, recognition, aid, exercise, attack, ...
    summary: str
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    participants: list[str] = field(default_factory=list)  # entity ids (or names before resolution)
    articles: list[str] = field(default_factory=list)
    independent_sources: int = 0
    evidence: list[Evidence] = field(default_factory=list)  # sentence text per article
    background: bool = False  # mentioned as history, not reported as news
    story: str | None = None
    first_reported: str | None = None
    trigger: str | None = None  # the predicate as written ("plunged"), TimeML's EVENT extent
    trigger_start: int | None = None  # offsets of the trigger in the article's text (per-article events)
    trigger_end: int | None = None
    predicate: str | None = None  # its lemma ("plunge"): what makes two mentions the same kind of event
    modality: str = "asserted"  # one of MODALITIES: the most factual its mentions give
    time: str | None = None  # the time expression that dates it, as written; None when the reference date does


@dataclass(frozen=True, slots=True)
class Claim:
    """(subject, attribute, value) from one sentence; `low`/`high` bound a figure (hedges widen).
    Extracted per article, where `subject` (and an affiliation's `value`) is the folded name of
    mention number `subject_mention` (`value_mention`) of the article; the corpus stage puts the
    resolved entity id in their place (`verify.claims.resolved_claims`). -1: no mention."""

    article: str
    subject: str  # entity id (or folded name) for roles and affiliations; "" for event figures
    attribute: str  # "role", "affiliation", "dead", "injured", "missing", "magnitude"
    value: str  # normalised: role words, entity id, or the figure as written
    text: str  # the words that state it
    sentence: str  # the evidence sentence
    start: int  # character offsets of `text` in the article
    end: int
    low: float = 0.0
    high: float | None = 0.0  # None: no upper bound ("at least 19"); JSON has no infinity
    subject_mention: int = -1
    value_mention: int = -1

    @property
    def upper(self) -> float:
        """`high`, with no bound as infinity."""
        return math.inf if self.high is None else self.high


@dataclass(slots=True)
class Article:
    """A cleaned article; analysis annotations are added by later per-article stages."""

    id: str
    source: str
    text: str
    title: str | None = None
    site: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)  # every author the byline names, in order
    credited_source: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1 code found by language identification ("en", "es", "ja")
    page_date: str | None = None
    page_date_trust: PageDateTrust = "missing"
    page_date_evidence: list[Evidence] = field(default_factory=list)
    event_date: str | None = None
    removed: list[RemovedLine] = field(default_factory=list)
    kind: str = "text"
    # annotations (filled by analyse/)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Why an analysis is absent ("no entities: language es; the entity model reads English only").
    analysis_notes: list[str] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    # Claims in the article's own voice (`verify.claims.extract_claims`, a per-article stage run
    # after analyse); None when not extracted yet (then the corpus stage extracts them).
    claims: list[Claim] | None = None

    @property
    def published(self) -> str | None:
        """The publication day ("YYYY-MM-DD") when the page date is trusted (`TRUSTED_PAGE_DATES`),
        else None. Every stage that asks "when was this published" asks here."""
        if self.page_date and self.page_date_trust in TRUSTED_PAGE_DATES:
            return self.page_date[:10]
        return None


# ---------------------------------------------------------------- corpus


@dataclass(slots=True)
class Alignment:
    a_sentence: str
    b_sentence: str
    score: float
    a_index: int = 0
    b_index: int = 0


@dataclass(slots=True)
class Link:
    a: str
    b: str
    kind: LinkKind
    score: float
    direction: Literal["a_to_b", "b_to_a"] | None = None  # a_to_b: a is the source b copied from
    alignments: list[Alignment] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Derivation:
    """A derivation edge: `derived` was made from `source` (a copy, rewrite or translation of it).

    `basis` says how its direction is known: "link" when the link's own evidence directs it
    (reuse/classify.py), "lineage" when it only points outward from the lineage's original.
    """

    source: str
    derived: str
    kind: LinkKind
    basis: Literal["link", "lineage"] = "link"


@dataclass(slots=True)
class Lineage:
    """Articles that are copies of one another: one independent source.

    `original` is the member nothing else in it derives from (or, with no direction known, the
    closest surviving version); `edges` link every other member to what it was made from.
    """

    articles: list[str]  # sorted ids
    original: str
    edges: list[Derivation] = field(default_factory=list)

    @property
    def derived(self) -> list[str]:
        return [a for a in self.articles if a != self.original]


@dataclass(slots=True)
class Provenance:
    """Who copied whom, decided once per build (reuse/provenance.py) and read by every later stage.

    `lineages`: every article in exactly one (sorted by first member), so the number of lineages
    among some articles is their number of independent sources. `rank`: article id -> position in
    the order "closest to the original first" (lineage originals, then articles most copied from,
    then the earliest trusted page date, then id).
    """

    lineages: list[Lineage] = field(default_factory=list)
    rank: dict[str, int] = field(default_factory=dict)

    def lineage_of(self) -> dict[str, int]:
        """article id -> index of its lineage."""
        return {a: i for i, lineage in enumerate(self.lineages) for a in lineage.articles}

    def independent_sources(self, article_ids: list[str]) -> int:
        """How many lineages the given articles come from: copies of one report count once."""
        lineage_of = self.lineage_of()
        return len({lineage_of.get(a, a) for a in article_ids})


@dataclass(slots=True)
class Story:
    id: str
    title: str
    articles: list[str]
    original: str | None = None
    independent_sources: int = 0
    first_reported: str | None = None
    lineages: list[list[str]] = field(default_factory=list)  # each with its original first
    # "page_date": a trusted publication date; "inferred": a date the articles' own text establishes
    # (a caption's full date that "today's meetings" confirms), used when no page date is trusted.
    first_reported_basis: Literal["page_date", "inferred"] | None = None
    # why its reports were grouped (stories/explain.py): shared terms, names, places, numbers, dates
    grouped_by: dict = field(default_factory=dict)
    edges: list[Derivation] = field(default_factory=list)  # derivation edges within its lineages


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class FlagEvidence:
    article: str
    text: str
    # conflicting claims: "claim" for the minority's evidence, "against" for what contradicts it
    side: Literal["claim", "against"] | None = None


@dataclass(slots=True)
class Flag:
    id: str
    kind: str  # changed_fact, quote_drift, conflicting_claim, misdated_page
    articles: list[str]
    evidence: list[FlagEvidence]
    detail: str
    severity: Literal["low", "medium", "high"] = "medium"


@dataclass(slots=True)
class Corpus:
    """Everything the corpus stages produce: the exported lists in export order, then the build's
    provenance and the articles as the build decided them (both kept out of the corpus table), and
    `decided`: article id -> digest of what decided it (`corpus.decided_keys`; with a product cache)."""

    links: list[Link] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    provenance: Provenance = field(default_factory=Provenance)
    articles: list[Article] = field(default_factory=list)
    decided: dict[str, str] = field(default_factory=dict, compare=False)  # bookkeeping, not a product


_NESTED: dict[tuple[str, str], type] = {
    ("Article", "removed"): RemovedLine,
    ("Article", "page_date_evidence"): Evidence,
    ("Article", "sentences"): Sentence,
    ("Article", "mentions"): Mention,
    ("Article", "quotes"): Quote,
    ("Article", "times"): TimeExpression,
    ("Article", "events"): Event,
    ("Article", "predicates"): Predicate,
    ("Article", "claims"): Claim,
    ("Event", "evidence"): Evidence,
    ("Link", "alignments"): Alignment,
    ("Story", "edges"): Derivation,
    ("Lineage", "edges"): Derivation,
    ("Provenance", "lineages"): Lineage,
    ("Flag", "evidence"): FlagEvidence,
}
