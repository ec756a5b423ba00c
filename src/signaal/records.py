"""The record vocabulary of Signaal (DESIGN.md "Records"): plain frozen dataclasses, nothing else.

No spaCy object crosses a package boundary: ``nlp``/``extract`` take a ``Doc`` and return these.
All character offsets are half-open and point into ``Article.text`` exactly as stored.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

PRECISIONS = ("year", "month", "day", "time")
POLARITIES = ("asserted", "denied", "expected", "demanded", "hoped")
MODES = ("asserted", "denied", "expected", "demanded", "hypothetical")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# Kinds of non-content regions inside Article.text; extraction skips all of them.
REGION_KINDS = ("teasers", "caption", "byline", "subheading", "dateline")


def stable_id(*parts: Any, length: int = 16) -> str:
    """Content-derived id: the same parts always give the same id (sqlite-utils ``hash_id``)."""
    h = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Interval:
    """A time interval with the precision it was given at; ``end`` is inclusive at that precision.

    ``date 2022-02`` is ``Interval(2022-02-01T00:00, 2022-02-28T23:59:59, "month")``.
    """

    start: datetime
    end: datetime
    precision: str  # year | month | day | time

    def label(self) -> str:
        """The interval as the export contract writes dates: 2022, 2022-02, 2022-02-14 or ISO time."""
        if self.precision == "year":
            return f"{self.start:%Y}"
        if self.precision == "month":
            return f"{self.start:%Y-%m}"
        if self.precision == "day":
            return f"{self.start:%Y-%m-%d}"
        return self.start.isoformat()


@dataclass(frozen=True)
class Provenance:
    """Where an article came from: input file, line or record number (1-based), reader name."""

    file: str
    record: Optional[int] = None
    reader: str = ""


@dataclass(frozen=True)
class Region:
    """A marked stretch of ``Article.text``: non-content (teaser block, caption, byline,
    subheading), or a ``dateline`` ("BRUSSEL (ANP) - "), which stays in its sentence's content
    (a speaker may refer back to it) but names no actor of the story."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Related:
    """One "Lees ook"/"Read more" teaser: its title and lede, with their offsets in the text."""

    title: str
    lede: str = ""
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Article:
    """One news article. ``text`` is the body exactly as read (minus any ``date`` header line)."""

    id: str
    text: str
    url: Optional[str] = None
    source: Optional[str] = None
    lang: Optional[str] = None
    published: Optional[Interval] = None
    title: Optional[str] = None
    related: tuple[Related, ...] = ()
    regions: tuple[Region, ...] = ()
    provenance: Optional[Provenance] = None
    content_hash: str = ""
    duplicate_of: Optional[str] = None
    group: Optional[str] = None  # syndication group id (near-duplicates share it)
    extraction_method: Optional[str] = None  # which reader/cascade stage produced the text

    def content_ranges(self) -> list[tuple[int, int]]:
        """The half-open ranges of ``text`` that extraction may read (text minus regions)."""
        cuts = sorted((r.start, r.end) for r in self.regions if r.kind != "dateline")
        out, pos = [], 0
        for s, e in cuts:
            if s > pos:
                out.append((pos, s))
            pos = max(pos, e)
        if pos < len(self.text):
            out.append((pos, len(self.text)))
        return out

    def is_content(self, start: int, end: int) -> bool:
        """True when [start, end) lies wholly outside every non-content region."""
        return all(end <= r.start or start >= r.end for r in self.regions if r.kind != "dateline")

    def in_dateline(self, pos: int) -> bool:
        """Whether character ``pos`` lies in the dateline ("TAIPEI (ANP/AFP) - ")."""
        return any(r.kind == "dateline" and r.start <= pos < r.end for r in self.regions)


@dataclass(frozen=True)
class Quarantined:
    """Input that could not become an article: where it was and why."""

    file: str
    record: Optional[int]
    reason: str
    reader: str = ""
    snippet: str = ""


@dataclass(frozen=True)
class Evidence:
    """The exact characters a record was read from, and the whole sentence around them."""

    article_id: str
    start_char: int
    end_char: int
    text: str
    sentence_start: int
    sentence_end: int
    sentence: str

    def to_export(self) -> dict:
        return {"start": self.start_char, "end": self.end_char, "text": self.text,
                "sentence": self.sentence}


@dataclass(frozen=True)
class Actor:
    """Who is who: a country, government, IGO, party, person or group, with its code."""

    id: str
    name: str
    kind: str  # state | government | military | igo | party | person | group
    country: Optional[str] = None  # ISO 3166 alpha-3 or IGO code (NATO, EU, UN, ...)
    sector: Optional[str] = None  # GOV, MIL, POL, JUD, OPP, ...
    code: Optional[str] = None  # CAMEO-style composite code, e.g. RUSGOV, IGONATO
    role: Optional[str] = None


@dataclass(frozen=True)
class Mention:
    """A span that refers to an actor."""

    evidence: Evidence
    actor: Actor
    confidence: float = 1.0
    by_reference: bool = False  # resolved from a pronoun or definite description
    extractor: str = ""


@dataclass(frozen=True)
class Claim:
    """An attributed proposition: who said it, with which cue and stance."""

    id: str
    source: str  # canonical English name at the level the text gives
    source_actor: Optional[str]  # ISO3 or IGO code, None when multinational/unspecified
    cue: Optional[str]
    polarity: str
    direct: bool
    content: Optional[Evidence]
    evidence: Evidence
    via: tuple[str, ...] = ()
    source_code: Optional[str] = None  # CAMEO-style composite (RUSGOV)
    speaker: Optional[Evidence] = None  # the span naming the source, when the text has one
    confidence: float = 1.0
    extractor: str = ""


@dataclass(frozen=True)
class Quantity:
    """A number in the text, what it counts, and who claims it."""

    id: str
    value: float
    unit: Optional[str]
    evidence: Evidence
    value_max: Optional[float] = None
    approx: bool = False
    obj: Optional[str] = None  # the counted thing as written ("militairen")
    claimed_by: str = "narrator"
    claim_id: Optional[str] = None
    extractor: str = ""


@dataclass(frozen=True)
class TimeExpression:
    """A time reference and the interval it resolves to, or why it does not resolve."""

    id: str
    text: str
    evidence: Evidence
    start: Optional[str] = None  # ISO date of the interval's first day, if bounded
    end: Optional[str] = None
    resolved: Optional[str] = None  # the guide's value: "2022-02", "2021-06-14", ".../..." or None
    reason: Optional[str] = None  # why it is unresolved
    extractor: str = ""


@dataclass(frozen=True)
class Event:
    """Who did what to whom (PLOVER), in which mode, per which claim."""

    id: str
    type: str
    mode: str
    source_actor: Optional[str]
    target_actor: Optional[str]
    evidence: Evidence
    trigger: str = ""
    location: Optional[str] = None
    time: Optional[str] = None
    claim_id: Optional[str] = None
    claim_source: Optional[str] = None
    confidence: float = 1.0
    extractor: str = ""


@dataclass(frozen=True)
class Signals:
    """Everything extracted from one article."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    extractor: str = ""


def to_dict(record: Any) -> dict:
    """A record as plain JSON-ready data (datetimes as ISO strings)."""

    def conv(v: Any) -> Any:
        if isinstance(v, datetime):
            return v.isoformat()
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        return v

    return conv(dataclasses.asdict(record))


__all__ = [
    "Article", "Actor", "Claim", "Event", "Evidence", "Interval", "Mention", "Provenance",
    "Quantity", "Quarantined", "Region", "Related", "Signals", "TimeExpression",
    "POLARITIES", "MODES", "PLOVER_TYPES", "PRECISIONS", "REGION_KINDS", "stable_id", "to_dict",
]
