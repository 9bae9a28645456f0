"""Response models of the JSON twins: they describe the API in FastAPI's OpenAPI document and check
that every view returns what the document promises. Corpus items reuse `dossier.model` types."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from dossier.model import Article, Entity, Evidence, Flag, FlagEvidence, Story


ItemT = TypeVar("ItemT")


class FacetCount(BaseModel):
    value: str
    count: int
    name: str | None = None


class ListPage(BaseModel, Generic[ItemT]):
    """One page of a list, with its sort, filters and the facet counts of the filtered list."""

    items: list[ItemT]
    total: int
    page: int
    per_page: int
    pages: int
    sort: str
    filters: dict[str, str | None]
    facets: dict[str, list[FacetCount]]


class Legend(BaseModel):
    roles: dict[str, str]
    link_kinds: dict[str, str]
    trust: dict[str, str]


class Card(BaseModel):
    """The summary of one article that lists show."""

    id: str
    source: str
    label: str
    short: str
    title: str | None = None
    site: str | None = None
    byline: str | None = None
    credited_source: str | None = None
    url: str | None = None
    page_date: str | None = None
    page_date_trust: str = "missing"
    event_date: str | None = None
    date: str | None = None
    year: str | None = None
    outlet: str | None = None  # site, credited source, byline, file name: the first known


class BarSegment(BaseModel):
    kind: str  # independent, version, copy, rewrite, translation
    count: int
    label: str  # "2 translations"
    width: int  # twentieths of the bar, 1-20


class StoryCard(BaseModel):
    id: str
    title: str
    articles: int
    independent_sources: int
    first_reported: str | None
    original: Card | None
    sites: list[str]
    more_sites: int = 0
    flags: int
    partials: int = 0
    bar: list[BarSegment]


class HomePage(BaseModel):
    stats: dict[str, int]
    listing: ListPage[StoryCard]
    stories: list[StoryCard]
    articles: list[Card]
    legend: Legend


class LinkSummary(BaseModel):
    a: str
    b: str
    kind: str
    score: float
    direction: str | None = None
    aligned_sentences: int
    other: Card | None = None


class RoleCard(Card):
    role: str  # original, independent, copy
    derived_by: str | None = None  # for a copy: copy, rewrite or translation
    reuses: bool = False  # an independent report that reuses a paragraph of another member


class GraphNode(BaseModel):
    id: str
    x: float
    y: float
    depth: int
    label: str
    sublabel: str
    original: bool


class GraphEdge(BaseModel):
    a: str
    b: str
    kind: str
    directed: bool
    path: str
    label: str
    label_x: int
    label_y: int


class Graph(BaseModel):
    width: float
    height: float
    node_width: int
    node_height: int
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class TreeNode(BaseModel):
    id: str
    kind: str | None
    children: list[TreeNode]


class TimelineEntry(BaseModel):
    id: str
    type: str
    summary: str
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None
    participants: list[str] = []
    articles: list[str] = []
    independent_sources: int = 0
    evidence: list[Evidence] = []
    background: bool = False
    story: str | None = None
    first_reported: str | None = None
    year: str
    label: str = ""  # what the page shows as its kind (`triggers.event_label`; a row's labels joined)
    labels: list[str] = []  # the row's events' labels (`queries.timeline_rows`: one row per sentence)
    ids: list[str] = []  # the events the row shows
    expected: bool = False  # every report was written before its date: a plan or forecast (`queries.timeline`)
    modality: str = "asserted"  # model.MODALITIES: how its reports tell it (asserted, reported, planned, hypothetical)
    shown_date: str | None = None  # the date as the page shows it ("1990s" for the TIMEX3 "199")
    headline: str
    article_cards: list[Card]
    story_title: str | None = None


class DigestSentence(BaseModel):
    index: int
    text: str
    href: str


class DigestFlag(BaseModel):
    detail: str
    kind: str
    href: str


class Digest(BaseModel):
    """What changed in one copy against the article it was derived from."""

    source_id: str
    copy_id: str
    kind: str
    href: str
    facts: list[DigestFlag]
    quotes: list[DigestFlag]
    reworded: list[DigestSentence]
    reworded_count: int
    added: list[DigestSentence]
    added_count: int
    dropped: list[DigestSentence]
    dropped_count: int


class FlagWithCompare(BaseModel):
    """A flag (dossier.model.Flag) plus the distinct articles a compare link shows."""

    id: str
    kind: str
    articles: list[str]
    evidence: list[FlagEvidence]
    detail: str
    severity: str = "medium"
    compare: list[str] = []


class StoryPage(BaseModel):
    story: Story
    row: dict[str, Any] | None
    articles: list[RoleCard]  # the first MAX_GRAPH_NODES; /articles?story= lists all
    article_total: int
    lineages: list[list[Card]]
    links: list[LinkSummary]
    outside_links: list[LinkSummary]
    graph: Graph
    tree: list[TreeNode]
    graph_truncated: bool
    totals: dict[str, int]  # links, outside_links, events, flags: how many the story has in all
    timeline: list[TimelineEntry]
    flags: list[FlagWithCompare]
    compare: list[str]
    digests: list[Digest]
    names: dict[str, str]
    cards: dict[str, Card]  # the members and the articles the flags' evidence names
    legend: Legend


class TimelinePage(BaseModel):
    listing: ListPage[TimelineEntry]
    events: list[TimelineEntry]
    names: dict[str, str]


class ArticleList(BaseModel):
    listing: ListPage[Card]
    articles: list[Card]
    legend: Legend


class EntityCount(BaseModel):
    id: str
    name: str
    linked: bool
    mentions: int


class ArticlePage(BaseModel):
    article: Article
    card: Card | None
    paragraphs: list[str]
    warnings: list[str]
    links: list[LinkSummary]
    stories: list[dict[str, str]]
    flags: list[FlagWithCompare]
    entities: list[EntityCount]
    names: dict[str, str]
    cards: dict[str, Card]  # the articles the flags' evidence names
    legend: Legend


class Segment(BaseModel):
    text: str
    mark: str | bool | None


class AlignedSentence(BaseModel):
    index: int
    score: float
    text: str
    segments: list[Segment]
    flagged: bool
    anchor: bool = True  # carries the sentence's id (its first row, when it aligns to two)


class CompareRow(BaseModel):
    pivot_index: int
    pivot: list[Segment]
    cells: list[list[AlignedSentence]]
    aligned: bool
    flagged: bool


class PlainSentence(BaseModel):
    index: int
    text: str


class ComparePage(BaseModel):
    articles: list[Card]
    flags: list[Flag]
    links: list[LinkSummary]
    rows: list[CompareRow]
    unaligned: list[list[PlainSentence]]
    aligned_counts: list[int]
    link_kinds: list[str | None]
    cards: dict[str, Card]  # the articles the flags' evidence names


class EntityWithQuotes(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str] = []
    articles: int = 0
    mentions: int = 0
    quotes: int = 0


class EntityList(BaseModel):
    listing: ListPage[EntityWithQuotes]
    entities: list[EntityWithQuotes]
    counts: dict[str, int]  # the dossier's counts; "unread": articles in a language the models do not read


class MentionContext(BaseModel):
    before: str
    name: str
    after: str


class EntityMentions(BaseModel):
    article: Card | None
    count: int
    forms: list[str]
    contexts: list[MentionContext]


class QuoteWithCard(BaseModel):
    id: str
    article: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_text: str | None = None
    speaker_name: str | None = None
    cue: str | None = None
    kind: str = "direct"
    act: str = "speech"  # speech, or stance: a belief, support or criticism attributed, no words said
    sentence: int = 0
    article_card: Card | None = None


class StoryRow(BaseModel):
    id: str
    title: str
    first_reported: str | None = None
    articles: int
    independent_sources: int


class QuoteGroup(BaseModel):
    speaker: str | None
    name: str
    variant: str
    variants: list[QuoteWithCard]  # the first VARIANTS_SHOWN unless the page is filtered to this group
    count: int
    wordings: int
    drift: FlagWithCompare | None


class RawQuoteGroup(BaseModel):
    variant: str
    speaker: str | None
    name: str
    quotes: list[dict[str, Any]]


class EntityPage(BaseModel):
    entity: Entity
    row: dict[str, Any]
    mentions: list[EntityMentions]
    mention_total: int
    quotes: list[QuoteWithCard]
    quote_groups: list[RawQuoteGroup]
    quote_total: int
    events: list[TimelineEntry]
    event_total: int
    stories: list[StoryRow]
    names: dict[str, str]


class QuotesPage(BaseModel):
    listing: ListPage[QuoteGroup]
    groups: list[QuoteGroup]
    total: int
    counts: dict[str, int]  # the dossier's counts; "unread": articles in a language the models do not read


class FlagsPage(BaseModel):
    listing: ListPage[FlagWithCompare]
    kind: str | None
    kinds: dict[str, int]
    flags: list[FlagWithCompare]
    cards: dict[str, Card]  # the articles the flags' evidence names


class RejectedInput(BaseModel):
    id: str
    source: str
    stage: str
    reason: str


class RejectedPage(BaseModel):
    listing: ListPage[RejectedInput]
    rejected: list[RejectedInput]


class SearchHit(Card):
    snippet: list[Segment]


class FacetValue(BaseModel):
    value: str
    count: int
    name: str | None = None
    href: str | None = None  # the search narrowed to this value


class Facets(BaseModel):
    sites: list[FacetValue]
    entities: list[FacetValue]
    years: list[FacetValue]


class OtherHit(BaseModel):
    id: str
    href: str
    title: list[Segment]
    snippet: list[Segment]


class HitGroup(BaseModel):
    kind: str  # entity, story, quote, flag
    name: str
    count: int
    hits: list[OtherHit]


class SearchPage(BaseModel):
    q: str
    filters: dict[str, str | None]
    entity_name: str | None
    results: list[SearchHit]
    total: int
    capped: bool  # the facets count the best hits only
    listing: ListPage[Any]
    facets: Facets
    groups: list[HitGroup]
    counts: dict[str, int]
