"""The ACLED profile: an Event as ACLED's 31 export columns, following ACLED's codebook habits
(numeric iso, ACLED regions and country short names, inter codes, interaction = lower code
first, fatalities 0 when unknown), plus marsad's own fields for the JSON Lines / GeoJSON exports.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from marsad import countries, lexicon
from marsad.model import Actor, Event, Figure, Span, to_dict
from marsad.store import ArticleRef, EventRecord
from marsad.store.sqlite import date_columns

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED actor types -> inter codes (ACLED codebook: 1 State forces ... 8 External/Other forces).
INTER_CODES: dict[str, int] = {
    "state forces": 1,
    "rebel group": 2,
    "rebel groups": 2,
    "political militia": 3,
    "political militias": 3,
    "identity militia": 4,
    "identity militias": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
    "external forces": 8,
    "other forces": 8,
}

# Evidence fields whose text makes the notes: the sentence(s) that report the event.
NOTE_FIELDS = ("sentence", "trigger")


def inter_of(actor: Actor | None) -> int | None:
    if actor is None:
        return None
    if actor.inter is not None:
        return actor.inter
    return INTER_CODES.get((actor.kind or "").strip().lower())


def actor_name(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.acled_name or actor.name


# Who meets a demonstration (its Actor 2): the state's or foreign forces, else an armed group
# (ACLED codebook, Protest with intervention: "armed groups ... interact with peaceful
# protesters"); at a peaceful protest an armed group named is the crowd's own.
FORCE_INTERS = frozenset({1, 8})
GROUP_INTERS = frozenset({2, 3, 4})


@dataclass(frozen=True)
class Parties:
    """An event's actors in ACLED's roles."""

    actor1: Actor | None
    actor2: Actor | None
    assoc1: tuple[Actor, ...] = ()
    assoc2: tuple[Actor, ...] = ()


def default_actor(key: str, iso2: str | None) -> Actor | None:
    """A generic actor of descriptors.yaml named for a country ("Protesters (Kenya)"); None
    without a country, as ACLED has no actor of nowhere. (Built here rather than with
    extract.actors.generic_actor, whose module loads spaCy: exports and the API do not.)"""
    country = lexicon.country_name(iso2)
    if country is None:
        return None
    spec = lexicon.descriptors()[1][key]
    name = spec["name"].format(country=country)
    return Actor(
        name=name,
        canonical_id=f"generic:{key}:{iso2}",
        kind=spec["kind"],
        inter=spec["inter"],
        country=iso2,
        acled_name=name,
    )


def _is_generic(actor: Actor, key: str) -> bool:
    return (actor.canonical_id or "").split(":")[:2] == ["generic", key]


def acled_parties(event: Event) -> Parties:
    """The event's actors as ACLED's coders place them (taxonomies/acled.yaml, default_actors):
    a demonstration's crowd is Actor 1 and the armed force that meets it Actor 2, the crowd's
    named groups its associated actors; a role the report leaves empty takes the sub-type's
    generic actor ("Unidentified Armed Group (Nigeria)", "Civilians (Somalia)"). marsad's own
    fields keep the actors as the text names them."""
    defaults = lexicon.acled()["default_actors"]
    iso2 = event.place.country_iso2 if event.place else None
    actor1, actor2 = event.actor1, event.actor2
    assoc1: list[Actor] = list(event.assoc_actors)
    assoc2: list[Actor] = []
    crowd_key = defaults["crowd"].get(event.sub_type)
    if crowd_key is not None:
        named = [a for a in (actor1, actor2) if a is not None]
        crowd = next((a for a in named if _is_generic(a, crowd_key)), None)
        crowd = crowd or default_actor(crowd_key, iso2)
        if crowd is not None:
            # another crowd word ("protesters" at what became a riot) is the same crowd; a
            # named one ("Kurdish protesters") says who the crowd is
            rest = [
                a
                for a in named
                if a is not crowd and not any(_is_generic(a, k) for k in ("protesters", "rioters"))
            ]
            armed = [a for a in rest if a.inter in FORCE_INTERS]
            if not armed and event.sub_type != "Peaceful protest":
                armed = [a for a in rest if a.inter in GROUP_INTERS]
            targets = [a for a in rest if a.inter == 7 and event.sub_type == "Mob violence"]
            # the crowd's own groups ("a teachers' union"); "civilians" says nothing of them
            groups = [
                a for a in rest if a not in armed + targets and not _is_generic(a, "civilians")
            ]
            others = armed + targets
            actor1, actor2 = crowd, (others[0] if others else None)
            assoc1 = groups + assoc1  # repeats are dropped below
            assoc2 = others[1:]
    if actor1 is None and (key := defaults["actor1"].get(event.sub_type)):
        actor1 = default_actor(key, iso2)
    if actor2 is None and (key := defaults["actor2"].get(event.sub_type)):
        actor2 = default_actor(key, iso2)
    # "Colombian army troops": the state the text names and its army are one ACLED actor,
    # "Military Forces of Colombia", never its own associate
    named = {actor_name(a) for a in (actor1, actor2) if a is not None}
    assoc1 = [a for a in dict.fromkeys(assoc1) if actor_name(a) not in named]
    assoc2 = [a for a in dict.fromkeys(assoc2) if actor_name(a) not in named]
    return Parties(actor1, actor2, tuple(assoc1), tuple(assoc2))


def disorder_type(event_type: str, sub_event_type: str) -> str:
    return lexicon.disorder_type(event_type, sub_event_type)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: both inter codes, lower first (17, 23); one actor alone is X0."""
    if not inter1 and not inter2:
        return None
    if not inter1 or not inter2:
        return (inter1 or inter2 or 0) * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def event_id_cnty(event: Event, iso3: str | None) -> str:
    """ACLED's id: country ISO3 + a number; ours is stable, derived from the event id."""
    number = int(hashlib.sha256(event.id.encode("utf-8")).hexdigest()[:12], 16)
    return f"{iso3 or 'XXX'}{number}"


def notes(event: Event) -> str:
    """The sentence(s) reporting the event: spans of field "sentence", else "trigger"."""
    for field in NOTE_FIELDS:
        texts: list[str] = []
        for ev in sorted(
            (e for e in event.evidence if e.field == field), key=lambda e: e.span.start
        ):
            text = " ".join(ev.span.text.split())
            if text and text not in texts:
                texts.append(text)
        if texts:
            return " ".join(texts)
    return ""


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def figure_tag(fig: Figure) -> str:
    """ "displaced>=2000 families", "killed=14", "injured=2-5", "crowd size=several hundred"."""
    kind = "crowd size" if fig.kind == "people" else fig.kind
    unit = f" {fig.unit}" if fig.unit else ""
    if fig.best is not None and fig.low in (None, fig.best) and fig.high in (None, fig.best):
        return f"{kind}={_number(fig.best)}{unit}"
    if fig.low is not None and fig.high is not None:
        return f"{kind}={_number(fig.low)}-{_number(fig.high)}{unit}"
    if fig.low is not None:
        return f"{kind}>={_number(fig.low)}{unit}"
    if fig.high is not None:
        return f"{kind}<={_number(fig.high)}{unit}"
    if fig.vague:
        return f"{kind}={fig.vague}{unit}"
    return ""


def tags(event: Event) -> str:
    seen: list[str] = []
    for fig in event.figures:
        tag = figure_tag(fig)
        if tag and tag not in seen:
            seen.append(tag)
    return "; ".join(seen)


def sources(event: Event, article: ArticleRef | None) -> str:
    names: list[str] = []
    for name in ((article.outlet if article else None), *event.sources):
        if name and name not in names:
            names.append(name)
    return "; ".join(names)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def acled_row(record: EventRecord) -> dict[str, Any]:
    """The 31 ACLED columns of an event (None where ACLED would leave the cell empty)."""
    e, article = record.event, record.article
    place, when = e.place, e.when
    country = countries.by_iso2(place.country_iso2 if place else None)
    parties = acled_parties(e)
    inter1, inter2 = inter_of(parties.actor1), inter_of(parties.actor2)
    disorder = disorder_type(e.type, e.sub_type)
    targeting = "Civilian targeting" if inter2 == 7 and "Political violence" in disorder else None
    return {
        "event_id_cnty": event_id_cnty(e, country.iso3 if country else None),
        "event_date": when.start.isoformat() if when else None,
        "year": when.start.year if when else None,
        "time_precision": when.acled_time_precision if when else None,
        "disorder_type": disorder,
        "event_type": e.type,
        "sub_event_type": e.sub_type,
        "actor1": actor_name(parties.actor1),
        "assoc_actor_1": "; ".join(actor_name(a) for a in parties.assoc1),
        "inter1": inter1,
        "actor2": actor_name(parties.actor2),
        "assoc_actor_2": "; ".join(actor_name(a) for a in parties.assoc2),
        "inter2": inter2 if inter2 is not None else (0 if parties.actor2 is None else None),
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": targeting,
        "iso": country.iso_numeric if country else None,
        "region": country.region if country else None,
        "country": country.name if country else (place.country_iso2 if place else None),
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": _round(place.lat) if place else None,
        "longitude": _round(place.lon) if place else None,
        "geo_precision": place.precision if place else None,
        "source": sources(e, article),
        "source_scale": None,
        "notes": notes(e),
        "fatalities": e.fatalities or 0,
        "tags": tags(e),
        "timestamp": record.updated_at,
    }


def _span_dict(span: Any) -> dict[str, Any] | None:
    return to_dict(span) if span is not None else None


def _actor_dicts(e: Event) -> list[dict[str, Any]]:
    roles: Iterable[tuple[str, Actor | None]] = [
        ("actor1", e.actor1),
        ("actor2", e.actor2),
        *(("assoc", a) for a in e.assoc_actors),
    ]
    return [
        {
            "role": role,
            "name": a.name,
            "acled_name": a.acled_name,
            "canonical_id": a.canonical_id,
            "kind": a.kind,
            "inter": inter_of(a),
            "country": a.country,
        }
        for role, a in roles
        if a is not None
    ]


# marsad's own keys in the JSON forms, after the ACLED columns (a test keeps this in sync).
NATIVE_FIELDS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "article",
    "plover_type",
    "plover_mode",
    "modality",
    "background",
    "is_new",
    "confidence",
    "date_start",
    "date_end",
    "date_precision",
    "low",
    "best",
    "high",
    "fatalities_reported",
    "actor1_id",
    "actor2_id",
    "assoc_actor_ids",
    "actors",
    "sources",
    "place",
    "figures",
    "updated_at",
    "evidence",
)
EVENT_FIELDS: tuple[str, ...] = (*ACLED_COLUMNS, *NATIVE_FIELDS)


def native_fields(record: EventRecord, *, evidence: bool = True) -> dict[str, Any]:
    """marsad's fields beside the ACLED ones (JSON Lines, GeoJSON, API). Keys only grow."""
    e, article = record.event, record.article
    when, place = e.when, e.place
    killed = next((f for f in e.figures if f.kind == "killed"), None)
    out: dict[str, Any] = {
        "event_id": e.id,
        "article_id": e.article_id,
        "article": (
            {
                "id": article.id,
                "url": article.url,
                "outlet": article.outlet,
                "title": article.title,
                "published": article.published,
            }
            if article
            else {"id": e.article_id, "url": None, "outlet": None, "title": None, "published": None}
        ),
        "plover_type": e.plover_type,
        "plover_mode": e.plover_mode,
        "modality": e.modality,
        "background": e.background,
        "is_new": e.is_new,
        "confidence": e.confidence,
        # UCDP-style fields
        **date_columns(when),
        "low": killed.low if killed else None,
        "best": killed.best if killed else None,
        "high": killed.high if killed else None,
        "fatalities_reported": e.fatalities,
        "actor1_id": e.actor1.canonical_id if e.actor1 else None,
        "actor2_id": e.actor2.canonical_id if e.actor2 else None,
        "assoc_actor_ids": [a.canonical_id for a in e.assoc_actors],
        "actors": _actor_dicts(e),
        "sources": list(e.sources),
        "place": (
            {k: v for k, v in to_dict(place).items() if k != "span"}
            | {"span": _span_dict(place.span)}
            if place
            else None
        ),
        "figures": [to_dict(f) for f in e.figures],
        "updated_at": record.updated_at,
    }
    if evidence:
        out["evidence"] = [evidence_json(ev.field, ev.span) for ev in e.evidence]
    return out


def evidence_json(field: str, span: Span) -> dict[str, Any]:
    """A span and the field it supports, offsets into the article's text (events and PLOVER
    readings alike)."""
    return {
        "field": field,
        "article_id": span.article_id,
        "start": span.start,
        "end": span.end,
        "text": span.text,
    }


def event_json(record: EventRecord, *, evidence: bool = True) -> dict[str, Any]:
    """One event as the JSON Lines export and the API give it: ACLED columns + marsad fields."""
    return acled_row(record) | native_fields(record, evidence=evidence)
