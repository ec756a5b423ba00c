"""Response and request models of the HTTP API (they are what ``/openapi.json`` documents).

Record models follow the export contract (DESIGN.md "Export format") with two additions: the
evidence carries the sentence offsets, and listed records carry a reference to their article.
"""

from __future__ import annotations

from typing import Any, Generic, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer has this shape (Datasette style)."""

    ok: bool = False
    error: str
    errors: list[str]
    status: int


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    sentence_end: int


class ArticleRef(BaseModel):
    id: str
    title: Optional[str] = None
    source: Optional[str] = None
    lang: Optional[str] = None
    date: Optional[str] = Field(None, description="Published date at its precision (2022-02, 2022-02-14)")
    url: Optional[str] = None
    lead: Optional[str] = Field(None, description="The text's first words, when there is no title")


class ArticleSummary(ArticleRef):
    snippet: Optional[str] = Field(None, description="Search snippet, matches in [brackets]")
    rank: Optional[float] = None
    duplicate_of: Optional[str] = None
    group: Optional[str] = None


class ClaimOut(BaseModel):
    id: str
    source: Optional[str] = None
    source_actor: Optional[str] = None
    source_code: Optional[str] = None
    cue: Optional[str] = None
    polarity: str
    direct: bool
    text: str = Field(description="The claimed content (or the whole evidence when none)")
    via: list[str] = []
    confidence: Optional[float] = None
    extractor: Optional[str] = None
    evidence: EvidenceOut
    content: Optional[EvidenceOut] = None
    speaker: Optional[EvidenceOut] = None
    article: Optional[ArticleRef] = None


class EventOut(BaseModel):
    id: str
    type: str
    mode: str
    source_actor: Optional[str] = None
    target_actor: Optional[str] = None
    cameo: Optional[str] = None
    claim_source: Optional[str] = None
    claim_id: Optional[str] = None
    trigger: Optional[str] = None
    location: Optional[str] = None
    time: Optional[str] = None
    confidence: Optional[float] = None
    extractor: Optional[str] = None
    evidence: EvidenceOut
    article: Optional[ArticleRef] = None


class QuantityOut(BaseModel):
    id: str
    value: Optional[float] = None
    value_max: Optional[float] = None
    approx: bool = False
    unit: Optional[str] = None
    obj: Optional[str] = None
    claimed_by: Optional[str] = None
    claim_id: Optional[str] = None
    extractor: Optional[str] = None
    evidence: EvidenceOut
    article: Optional[ArticleRef] = None


class TimeExpressionOut(BaseModel):
    id: str
    text: str
    start: Optional[str] = None
    end: Optional[str] = None
    resolved: Optional[str] = None
    reason: Optional[str] = None
    extractor: Optional[str] = None
    evidence: EvidenceOut


class ActorOut(BaseModel):
    id: Optional[str] = None
    name: Optional[str] = None
    kind: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    role: Optional[str] = None


class MentionOut(BaseModel):
    id: str
    actor: ActorOut
    by_reference: bool = False
    confidence: Optional[float] = None
    evidence: EvidenceOut


class RegionOut(BaseModel):
    kind: str
    start: int
    end: int


class RelatedOut(BaseModel):
    title: str
    lede: str = ""
    start: int = 0
    end: int = 0


class ArticleDetail(ArticleRef):
    text: str
    duplicate_of: Optional[str] = None
    group: Optional[str] = None
    source_file: Optional[str] = None
    extraction_method: Optional[str] = None
    extractor: Optional[str] = None
    regions: list[RegionOut] = []
    related: list[RelatedOut] = []
    claims: list[ClaimOut] = []
    quantities: list[QuantityOut] = []
    events: list[EventOut] = []
    time_expressions: list[TimeExpressionOut] = []
    mentions: list[MentionOut] = []


class Page(BaseModel, Generic[T]):
    """One page of rows. ``total`` is null for text search (ranked, not counted)."""

    total: Optional[int] = None
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="Offset of the next page, null on the last")
    rows: list[T]


class ActorSummary(BaseModel):
    code: str = Field(description="ISO 3166 alpha-3 or IGO code")
    name: Optional[str] = None
    claims: int = 0
    events_as_source: int = 0
    events_as_target: int = 0
    mentions: int = 0


class StanceRow(BaseModel):
    source: str = Field(description="Actor code of the claim's source, else its name")
    actor: Optional[str] = Field(None, description="The actor code, when the source has one")
    total: int
    polarities: dict[str, int]


class DyadSummary(BaseModel):
    source_actor: str
    target_actor: str
    events: int
    articles: int
    modes: dict[str, int]
    types: dict[str, int]
    first: Optional[str] = None
    last: Optional[str] = None


class SeriesPoint(BaseModel):
    date: str = Field(description="Start of the bucket (YYYY-MM-DD)")
    value: float
    low: Optional[float] = None
    high: Optional[float] = None
    verbal: Optional[float] = None
    material: Optional[float] = None
    events: int = 0
    evidence: str = Field(description="API path listing the events behind this point")


class DyadSeries(BaseModel):
    source_actor: str
    target_actor: str
    bucket: str
    method: str = Field(description="Which function computed the values")
    points: list[SeriesPoint]


class AnalysisRows(BaseModel):
    """Rows of an analysis view; ``available`` is false while ``signaal.analyze`` lacks it."""

    model_config = ConfigDict(extra="allow")

    available: bool
    method: str
    note: Optional[str] = None
    rows: list[dict[str, Any]] = []


class Document(BaseModel):
    """One document to ingest (the fields a JSONL record may carry)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article body")
    title: Optional[str] = None
    url: Optional[str] = None
    date: Optional[str] = Field(None, description="YYYY, YYYY-MM, YYYY-MM-DD or ISO date-time")
    source: Optional[str] = None
    lang: Optional[str] = Field(None, description="ISO 639-1; detected when absent")


class IngestOut(BaseModel):
    ok: bool = True
    summary: str
    articles: int
    new: int
    exact: int
    near: int
    unchanged: int
    quarantined: int
    failed: int
    failed_ids: list[str] = []
    ids: list[str] = Field([], description="Ids of the articles read (new or already stored)")
    quarantine: list[str] = Field([], description="Why each quarantined input was refused")
    extracted: bool


class Health(BaseModel):
    ok: bool
    articles: int
    read_only: bool
    writes_enabled: bool


class Version(BaseModel):
    signaal: str
    extractor: Optional[str] = None
    python: str
