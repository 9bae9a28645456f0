"""Response models of the JSON twins: they describe the API in FastAPI's OpenAPI document and check
that every view returns what the document promises. Corpus items reuse `dossier.model` types."""

from __future__ import annotations

from pydantic import BaseModel

from dossier.model import Article, Entity, Evidence, Flag, Story


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


class StoryCard(BaseModel):
    id: str
    title: str
    articles: int
    independent_sources: int
    first_reported: str | None
    original: Card | None
    sites: list[str]
    flags: int


class HomePage(BaseModel):
    stats: dict[str, int]
    stories: list[StoryCard]
    articles: list[Card]


class LinkSummary(BaseModel):
    a: str
    b: str
    kind: str
    score: float
    direction: str | None = None
    aligned_sentences: int
    other: Card | None = None


class RoleCard(Card):
    role: str  # original, copy, report


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
    headline: str
    article_cards: list[Card]
    story_title: str | None = None


class StoryPage(BaseModel):
    story: Story
    articles: list[RoleCard]
    lineages: list[list[Card]]
    links: list[LinkSummary]
    outside_links: list[LinkSummary]
    graph: Graph
    tree: list[TreeNode]
    timeline: list[TimelineEntry]
    flags: list[Flag]
    compare: list[str]
    names: dict[str, str]
    cards: dict[str, Card]  # the articles the flags' evidence names


class TimelinePage(BaseModel):
    events: list[TimelineEntry]
    names: dict[str, str]


class ArticleList(BaseModel):
    articles: list[Card]


class EntityCount(BaseModel):
    id: str
    name: str
    linked: bool
    mentions: int


class ArticlePage(BaseModel):
    article: Article
    card: Card | None
    paragraphs: list[str]
    links: list[LinkSummary]
    stories: list[dict[str, str]]
    flags: list[Flag]
    entities: list[EntityCount]
    names: dict[str, str]
    cards: dict[str, Card]  # the articles the flags' evidence names


class Segment(BaseModel):
    text: str
    mark: str | bool | None


class AlignedSentence(BaseModel):
    index: int
    score: float
    text: str
    segments: list[Segment]
    flagged: bool


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
    quotes: int = 0


class EntityList(BaseModel):
    entities: list[EntityWithQuotes]


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
    cue: str | None = None
    kind: str = "direct"
    sentence: int = 0
    article_card: Card | None = None


class EntityPage(BaseModel):
    entity: Entity
    mentions: list[EntityMentions]
    quotes: list[QuoteWithCard]
    events: list[TimelineEntry]
    names: dict[str, str]


class QuoteGroup(BaseModel):
    speaker: str | None
    name: str
    variants: list[QuoteWithCard]
    drift: Flag | None


class QuotesPage(BaseModel):
    groups: list[QuoteGroup]
    total: int


class FlagsPage(BaseModel):
    kind: str | None
    kinds: dict[str, int]
    flags: list[Flag]
    cards: dict[str, Card]  # the articles the flags' evidence names


class RejectedInput(BaseModel):
    id: str
    source: str
    stage: str
    reason: str


class RejectedPage(BaseModel):
    rejected: list[RejectedInput]


class SearchHit(Card):
    snippet: list[Segment]


class FacetValue(BaseModel):
    value: str
    count: int
    name: str | None = None


class Facets(BaseModel):
    sites: list[FacetValue]
    entities: list[FacetValue]
    years: list[FacetValue]


class SearchPage(BaseModel):
    q: str
    filters: dict[str, str | None]
    entity_name: str | None
    results: list[SearchHit]
    facets: Facets
