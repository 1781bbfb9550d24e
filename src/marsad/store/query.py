"""Event filters and sorting, turned into one SQL WHERE / ORDER BY that the store's readers,
its counts and the API share (one implementation, as datasette's table view and its .json/.csv
twins share one data function)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from marsad.store import countries

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

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition over `events e` and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if not self.include_background:
            clauses.append("e.is_new = 1")
        if self.country:
            found = countries.lookup(self.country)
            if found is None:
                raise QueryError(
                    f"unknown country {self.country!r}: use ISO2, ISO3, ISO numeric or a name"
                )
            clauses.append("e.country_iso2 = ?")
            params.append(found.iso2)
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
            clauses.append(
                "e.pk IN (SELECT id FROM events_rtree WHERE minlon >= ? AND maxlon <= ?"
                " AND minlat >= ? AND maxlat <= ?)"
            )
            params.extend([minlon, maxlon, minlat, maxlat])
            # The R*Tree stores 32-bit floats: check the exact point too.
            clauses.append("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?")
            params.extend([minlon, maxlon, minlat, maxlat])
        if self.q:
            clauses.append(
                f"e.pk IN (SELECT rowid >> {EVIDENCE_SHIFT} FROM evidence_fts"
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


def order_by(sort: str | None) -> str:
    """ORDER BY for a sort key ("event_date", "-fatalities"); unknown keys raise QueryError."""
    if not sort or sort == "article":
        return "ORDER BY " + _TIEBREAK
    desc = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        raise QueryError(f"unknown sort {sort!r}: use one of {', '.join(sorted(SORTS))}")
    direction = "DESC" if desc else "ASC"
    # Ties broken by the row key: it is in every index, so a sort served by a covering index
    # never reads the rows (the article order would read every candidate row).
    return f"ORDER BY {SORTS[key]} {direction} NULLS LAST, e.pk {direction}"


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
