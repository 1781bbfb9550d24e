"""The data model: the contract between pipeline stages (DESIGN.md, "Data model").

Every class is a frozen dataclass so that values can be hashed, compared and handed between
processes; every extracted value points to the span of text that supports it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Span:
    """A stretch of one article's text: `text == article.text[start:end]`."""

    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    """A span and the field of an event it supports ("trigger", "actor1", "date", ...)."""

    field: str
    span: Span


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str = "en"
    dateline: str | None = None
    source: str | None = None  # where it was read from: a path, "path:line", a URL or "-"


@dataclass(frozen=True)
class Rejection:
    """An input that could not be coded, and why. Kept in the run ledger, never dropped."""

    source: str
    stage: str
    code: str
    reason: str


@dataclass(frozen=True)
class Actor:
    name: str
    canonical_id: str | None = None
    kind: str | None = None  # ACLED actor type, e.g. "Rebel group"
    inter: int | None = None  # ACLED inter code 1-8
    country: str | None = None  # ISO 3166-1 alpha-2
    acled_name: str | None = None  # ACLED naming habit, e.g. "Military Forces of Syria (2000-)"
    aliases_matched: tuple[str, ...] = ()
    span: Span | None = None


@dataclass(frozen=True)
class Place:
    name: str
    gazetteer_id: str | None = None
    lat: float | None = None
    lon: float | None = None
    country_iso2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    feature: str | None = None  # country, admin1, admin2, populated place, river, oil field...
    precision: int = 3  # ACLED geo_precision: 1 town/exact, 2 near a town / part of area, 3 region
    span: Span | None = None


@dataclass(frozen=True)
class When:
    start: date
    end: date
    precision: str = "day"  # day | week | month | year
    span: Span | None = None

    @property
    def acled_time_precision(self) -> int:
        # ACLED time_precision: 1 day, 2 week (or a few days), 3 month or coarser.
        return {"day": 1, "week": 2}.get(self.precision, 3)


@dataclass(frozen=True)
class Figure:
    # killed injured casualties (killed and wounded together) displaced arrested detained abducted
    # captured_positions area people
    kind: str
    low: float | None = None
    best: float | None = None
    high: float | None = None
    unit: str | None = None
    vague: str | None = None  # "dozens", "hundreds": a vague quantity, no number invented
    span: Span | None = None
    source: str | None = None


@dataclass(frozen=True)
class Mention:
    """One sentence-level event mention, before mentions of the same happening are merged."""

    article_id: str
    trigger: Span
    sentence: Span
    trigger_key: str
    type: str
    sub_type: str
    plover_type: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    when: When | None = None
    when_inherited: bool = False  # dated by an earlier sentence or the publication date
    figures: tuple[Figure, ...] = ()
    sources: tuple[str, ...] = ()
    modality: str = "asserted"
    background: bool = False
    places: tuple[Place, ...] = ()  # places named in the mention's sentence
    extra_evidence: tuple[Evidence, ...] = ()
    # a noun that names again a happening told before ("the abduction", "this attack")
    told_before: bool = False


@dataclass(frozen=True)
class Event:
    id: str
    article_id: str
    type: str  # ACLED event type
    sub_type: str  # ACLED sub-event type
    plover_type: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actors: tuple[Actor, ...] = ()
    place: Place | None = None
    when: When | None = None
    figures: tuple[Figure, ...] = ()
    fatalities: int | None = None  # ACLED's conservative count: the lowest credible figure
    sources: tuple[str, ...] = ()  # who is quoted
    modality: str = "asserted"  # asserted | hedged | denied | forecast
    background: bool = False  # a past event told as context, not news of the reporting window
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_new(self) -> bool:
        """An event of the reporting window: asserted and not background."""
        return self.modality == "asserted" and not self.background

    @property
    def first_offset(self) -> int:
        return min((e.span.start for e in self.evidence), default=0)


@dataclass(frozen=True)
class Interaction:
    """A sentence's PLOVER reading: who did what to whom, for every kind of interaction
    (diplomatic, verbal, material or violent). It is never an ACLED event by itself."""

    type: str  # PLOVER v1 event type, e.g. CONSULT
    source: Actor | None = None
    target: Actor | None = None
    mode: str | None = None
    modality: str = "asserted"  # asserted | hedged | denied | forecast
    trigger: Span | None = None  # the words of the act ("imposed sanctions" -> "sanctions")
    sentence: Span | None = None
    # The sentence's own time expression (its span), else the publication date at week
    # precision with no span, as event mentions are dated (extract/mentions.py).
    when: When | None = None


@dataclass(frozen=True)
class Incident:
    id: str
    events: tuple[str, ...]
    first_reported: date | None = None
    sources: tuple[str, ...] = ()
    number_of_sources: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None


@dataclass(frozen=True)
class CodedArticle:
    """What the pipeline makes of one article: its events and the figures not tied to one."""

    article: Article
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    interactions: tuple[Interaction, ...] = ()  # PLOVER readings, one per sentence that has one


def to_dict(value: Any) -> Any:
    """Plain JSON-ready dict of a model value (dates as ISO strings)."""

    def convert(obj: Any) -> Any:
        if isinstance(obj, date):
            return obj.isoformat()
        if isinstance(obj, dict):
            return {k: convert(v) for k, v in obj.items()}
        if isinstance(obj, list | tuple):
            return [convert(v) for v in obj]
        return obj

    data = convert(asdict(value))
    if isinstance(value, Event):
        data["is_new"] = value.is_new
    return data
