"""Event and interaction filters and sorting, turned into one SQL WHERE / ORDER BY that the
store's readers, its counts and the API share (one implementation, as datasette's table view and
its .json/.csv twins share one data function)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from marsad import countries, lexicon

# sort key -> SQL expression; "-" before a key sorts descending.
SORTS: dict[str, str] = {
    "article": "e.article_id",  # the default: article, then first evidence offset
    "event_date": "e.event_date",
    "fatalities": "coalesce(e.fatalities, 0)",  # ACLED: unknown counts as 0
    "geo_precision": "e.geo_precision",
    "confidence": "e.confidence",
    "updated_at": "e.updated_at",
    "event_type": "e.event_type",
    "country": "e.country_iso2",
}
_TIEBREAK = "e.article_id, e.first_offset, e.id"
# Sort keys whose expression is never NULL: ascending needs no NULLS LAST, so an index serves it.
_NOT_NULL = {"article", "fatalities", "updated_at", "event_type"}
# The index that yields each sort key in (key, pk) order, for walking it and stopping at LIMIT;
# with an equality filter on the country, (country_iso2, key) when there is one.
SORT_INDEX: dict[str, str] = {
    "article": "events_article",
    "event_date": "events_date_pk",
    "fatalities": "events_fatalities",
    "geo_precision": "events_geo_precision",
    "confidence": "events_confidence",
    "updated_at": "events_updated",
    "event_type": "events_type",
    "country": "events_country",
}
COUNTRY_SORT_INDEX: dict[str, str] = {"event_date": "events_country_date_pk"}

# evidence.id = event pk << EVIDENCE_SHIFT | ord (so at most 1024 spans per event)
EVIDENCE_SHIFT = 10


class QueryError(ValueError):
    """A filter value that cannot be used; the message says which and why (the API's 422)."""


@dataclass(frozen=True)
class EventQuery:
    country: str | None = None  # ISO2, ISO3, ISO numeric or name
    since: date | None = None  # event_date >= since
    until: date | None = None  # event_date <= until
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of actor1/actor2/assoc name or ACLED name, or an id
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # minlon, minlat, maxlon, maxlat
    q: str | None = None  # full text over evidence
    updated_since: int | None = None  # unix time
    min_precision: int | None = None  # geo_precision at most this (1 = exact)
    include_background: bool = False
    article_id: str | None = None
    ids: tuple[str, ...] | None = None

    def with_(self, **changes: Any) -> EventQuery:
        return replace(self, **changes)

    def where(self, *, fts: str = "in", rtree: str = "in") -> tuple[str, list[Any]]:
        """SQL condition over `events e` and its parameters.

        `fts` and `rtree` say how the full-text and bbox filters are written, to steer the plan
        (the rows matched are the same): "in" an `e.pk IN (...)` that SQLite may loop over,
        "probe" a list built once and probed per row (`+e.pk IN`: never the driving loop),
        "row" a lookup per row (the R*Tree by id, the full-text index by rowid range), "omit"
        left out (a join supplies it)."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_background:
            clauses.append("e.is_new = 1")
        if self.country:
            clauses.append("e.country_iso2 = ?")
            params.append(_iso2(self.country))
        if self.since:
            clauses.append("e.event_date >= ?")
            params.append(_iso(self.since, "since"))
        if self.until:
            clauses.append("e.event_date <= ?")
            params.append(_iso(self.until, "until"))
        if self.event_type:
            clauses.append("e.event_type = ? COLLATE NOCASE")
            params.append(self.event_type)
        if self.sub_event_type:
            clauses.append("e.sub_event_type = ? COLLATE NOCASE")
            params.append(self.sub_event_type)
        if self.admin1:
            clauses.append("e.admin1 = ? COLLATE NOCASE")
            params.append(self.admin1)
        if self.article_id:
            clauses.append("e.article_id = ?")
            params.append(self.article_id)
        if self.ids is not None:
            clauses.append(f"e.id IN ({','.join('?' * len(self.ids))})" if self.ids else "0")
            params.extend(self.ids)
        if self.actor:
            pattern = "%" + _escape_like(self.actor) + "%"
            clauses.append(
                "e.pk IN (SELECT event_pk FROM event_actors WHERE name LIKE ? ESCAPE '\\'"
                " OR acled_name LIKE ? ESCAPE '\\' OR canonical_id = ?)"
            )
            params.extend([pattern, pattern, self.actor])
        if self.bbox:
            minlon, minlat, maxlon, maxlat = self.bbox
            if minlon > maxlon or minlat > maxlat:
                raise QueryError("bbox must be minlon,minlat,maxlon,maxlat with min <= max")
            # The R*Tree stores 32-bit floats: check the exact point too (first: it is cheap).
            # (Its boxes are rounded outwards, so a hit is inside anyway: a join on the R*Tree,
            # rtree="omit", needs neither.)
            if rtree != "omit":
                clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
                params.extend([minlon, maxlon, minlat, maxlat])
            box = "minlon >= ? AND maxlon <= ? AND minlat >= ? AND maxlat <= ?"
            if rtree == "row":
                clauses.append(f"EXISTS (SELECT 1 FROM events_rtree r WHERE r.id = e.pk AND {box})")
            elif rtree != "omit":
                plus = "+" if rtree == "probe" else ""
                clauses.append(f"{plus}e.pk IN (SELECT id FROM events_rtree WHERE {box})")
            if rtree != "omit":
                params.extend([minlon, maxlon, minlat, maxlat])
        if self.q and fts == "row":
            # one index seek per row: cheaper than listing every hit when few rows are read
            clauses.append(
                "EXISTS (SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ? AND rowid"
                f" BETWEEN e.pk << {EVIDENCE_SHIFT} AND (e.pk << {EVIDENCE_SHIFT})"
                f" | {(1 << EVIDENCE_SHIFT) - 1})"
            )
            params.append(fts_query(self.q))
        elif self.q and fts != "omit":
            plus = "+" if fts == "probe" else ""
            clauses.append(
                f"{plus}e.pk IN (SELECT rowid >> {EVIDENCE_SHIFT} FROM evidence_fts"
                " WHERE evidence_fts MATCH ?)"
            )
            params.append(fts_query(self.q))
        if self.updated_since is not None:
            clauses.append("e.updated_at >= ?")
            params.append(int(self.updated_since))
        if self.min_precision is not None:
            clauses.append("e.geo_precision <= ?")
            params.append(int(self.min_precision))
        return (" AND ".join(clauses) or "1"), params


MODALITIES = ("asserted", "hedged", "denied", "forecast")
# The interactions' one order: article, then offset (the interactions_article index yields it).
INTERACTION_ORDER = "ORDER BY i.article_id, i.sentence_start, i.trigger_start, i.pk"


@dataclass(frozen=True)
class InteractionQuery:
    """Filters over PLOVER interactions (`interactions i`), all optional, combined with AND.
    Every modality is included unless `modalities` says which: a threat or a denial is an
    interaction PLOVER codes, not a flag to hide."""

    plover_types: tuple[str, ...] = ()  # PLOVER types, any of (v1 names; earlier names are mapped)
    modalities: tuple[str, ...] = ()  # any of MODALITIES
    source: str | None = None  # substring of the source's name or words, or its canonical id
    target: str | None = None
    actor: str | None = None  # the same, either side
    country: str | None = None  # either party's country (ISO2, ISO3, ISO numeric or name)
    source_country: str | None = None
    target_country: str | None = None
    since: date | None = None  # date_start >= since
    until: date | None = None  # date_start <= until
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.plover_types:
            known = lexicon.plover_types()
            names = []
            for t in self.plover_types:
                name = known.get(t.strip().upper())
                if name is None:
                    raise QueryError(
                        f"unknown PLOVER type {t!r}: use one of "
                        + ", ".join(sorted(set(known.values())))
                    )
                names.append(name)
            clauses.append(f"i.plover_type IN ({','.join('?' * len(names))})")
            params.extend(names)
        if self.modalities:
            wanted = [m.strip().lower() for m in self.modalities]
            bad = [m for m in wanted if m not in MODALITIES]
            if bad:
                raise QueryError(f"unknown modality {bad[0]!r}: use one of {', '.join(MODALITIES)}")
            clauses.append(f"i.modality IN ({','.join('?' * len(wanted))})")
            params.extend(wanted)
        for role, value in (("source", self.source), ("target", self.target)):
            if value:
                clauses.append(_party(role))
                params.extend(_party_params(value))
        if self.actor:
            clauses.append(f"({_party('source')} OR {_party('target')})")
            params.extend(_party_params(self.actor) * 2)
        if self.country:
            # OR of two indexed columns: SQLite answers it by a union of the two indexes
            clauses.append("(i.source_country = ? OR i.target_country = ?)")
            params.extend([_iso2(self.country)] * 2)
        if self.source_country:
            clauses.append("i.source_country = ?")
            params.append(_iso2(self.source_country, "source_country"))
        if self.target_country:
            clauses.append("i.target_country = ?")
            params.append(_iso2(self.target_country, "target_country"))
        if self.since:
            clauses.append("i.date_start >= ?")
            params.append(_iso(self.since, "since"))
        if self.until:
            clauses.append("i.date_start <= ?")
            params.append(_iso(self.until, "until"))
        if self.article_id:
            clauses.append("i.article_id = ?")
            params.append(self.article_id)
        return (" AND ".join(clauses) or "1"), params


def split_names(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """One name, several, or a comma-separated list ("CONSULT,AGREE") as a tuple of names."""
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    return tuple(part.strip() for item in items for part in item.split(",") if part.strip())


def _party(role: str) -> str:
    return (
        f"(i.{role}_name LIKE ? ESCAPE '\\' OR i.{role}_text LIKE ? ESCAPE '\\' OR i.{role}_id = ?)"
    )


def _party_params(value: str) -> list[str]:
    pattern = "%" + _escape_like(value) + "%"
    return [pattern, pattern, value]


def sort_key(sort: str | None) -> tuple[str, bool]:
    """(key, descending) of a sort parameter; unknown keys raise QueryError."""
    if not sort or sort == "article":
        return "article", False
    key = sort.lstrip("-")
    if key not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(sorted(SORTS))}")
    return key, sort.startswith("-")


def order_by(sort: str | None, *, by_index: bool = True) -> str:
    """ORDER BY for a sort key ("event_date", "-fatalities"); unknown keys raise QueryError.

    Unknown (NULL) values sort last either way. by_index=False writes the terms so that no index can
    serve them (`+expr`): SQLite then sorts the matches instead of walking a sort index."""
    key, desc = sort_key(sort)
    plus = "" if by_index else "+"
    if key == "article" and not desc:
        return "ORDER BY " + ", ".join(plus + t for t in _TIEBREAK.split(", "))
    direction = "DESC" if desc else "ASC"
    # NULLs sort first in SQLite: DESC puts them last already, and so does ASC on a key that is
    # never NULL; both are then plain index order. Ties are broken by the row key, which every
    # index ends with, so a sort index yields the exact order.
    nulls = "" if desc or key in _NOT_NULL else " NULLS LAST"
    return f"ORDER BY {plus}{SORTS[key]} {direction}{nulls}, {plus}e.pk {direction}"


def walk_index(sort: str | None, country: bool) -> str | None:
    """The index that yields rows in exactly the `order_by(sort)` order (None: there is none,
    e.g. ascending on a key that may be NULL, which sorts last)."""
    key, desc = sort_key(sort)
    if key == "article":
        return None if desc else SORT_INDEX[key]
    if not desc and key not in _NOT_NULL:
        return None
    return (COUNTRY_SORT_INDEX.get(key) if country else None) or SORT_INDEX[key]


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def fts_query(text: str) -> str:
    """User text -> FTS5 query: every word (or "quoted phrase") must occur, a trailing * keeps
    prefix search; FTS5 operators and punctuation are taken literally, so input never errors."""
    parts: list[str] = []
    for phrase, word in _TOKEN.findall(text):
        term = phrase if phrase else word
        prefix = term.endswith("*") and not phrase
        term = term.rstrip("*") if prefix else term
        term = term.replace('"', '""').strip()
        if term:
            parts.append(f'"{term}"' + ("*" if prefix else ""))
    if not parts:
        raise QueryError("q must contain at least one word")
    return " ".join(parts)


def _iso2(value: str, name: str = "country") -> str:
    found = countries.lookup(value)
    if found is None:
        raise QueryError(f"unknown {name} {value!r}: use ISO2, ISO3, ISO numeric or a name")
    return found.iso2


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _iso(value: date | str, name: str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise QueryError(f"bad date {value!r} for {name}: use YYYY-MM-DD") from exc
