"""The REST API and the dashboard, one FastAPI app over the store.

Read-only unless a token is given; then `POST /api/articles` codes an article into the store for
callers that send `Authorization: Bearer <token>`. Responses follow datasette's shape:
`{"ok": true, ...}` on success, `{"ok": false, "error": ..., "status": ...}` on failure.
"""

from __future__ import annotations

import hmac
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any, TypeVar

from fastapi import Depends, FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__, countries, lexicon
from marsad import store as store_stage
from marsad.errors import MarsadError
from marsad.model import Rejection, to_dict
from marsad.serve import interactions as plover
from marsad.serve.acled import EVENT_FIELDS, event_json
from marsad.serve.exports import EXTENSIONS, MEDIA_TYPES, iter_export
from marsad.settings import Settings
from marsad.store import EventQuery, InteractionQuery, QueryError, Store
from marsad.store.query import SORTS, order_by, split_names

Q = TypeVar("Q", EventQuery, InteractionQuery)

STATIC = Path(__file__).parent / "static"
DEFAULT_LIMIT = 100
MAX_LIMIT = 5000
COUNT_CAP = 10_000  # totals above this are reported as "at least COUNT_CAP" (count_exact false)
API_FORMATS = {
    "json": None,
    "csv": "acled-csv",
    "geojson": "geojson",
    "jsonl": "jsonl",
    "parquet": "parquet",
}
DATE_WHERE = ("=", ">", ">=", "<", "<=", "BETWEEN")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'none'"
)


class ApiError(Exception):
    def __init__(self, status: int, message: str, errors: list[Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "errors": errors or [], "status": status}


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="The article text (plain text or HTML).")
    title: str | None = None
    url: str | None = None
    published: date | None = Field(None, description="Publication date, YYYY-MM-DD.")
    outlet: str | None = None


# -- filters shared by /api/events and /api/stats ----------------------------------------------


def _parse_day(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ApiError(422, f"bad date {value!r} for {name}: use YYYY-MM-DD") from exc


def _parse_time(value: str, name: str) -> int:
    """Unix seconds from an integer or an ISO date/datetime (UTC when no offset is given)."""
    text = value.strip()
    if text.lstrip("-").isdigit():
        return int(text)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise ApiError(
            422, f"bad time {value!r} for {name}: use unix seconds or an ISO date/datetime"
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def _parse_bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError as exc:
        raise ApiError(
            422, f"bad bbox {value!r}: use minlon,minlat,maxlon,maxlat (four numbers)"
        ) from exc
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise ApiError(
            422,
            f"bad bbox {value!r}: need -180 <= minlon <= maxlon <= 180"
            " and -90 <= minlat <= maxlat <= 90",
        )
    return minlon, minlat, maxlon, maxlat


def event_filters(
    country: Annotated[
        str | None, Query(description="ISO2, ISO3, ISO numeric or English name: SY, SYR, Syria")
    ] = None,
    iso: Annotated[int | None, Query(description="ISO 3166 numeric, as ACLED's iso column")] = None,
    event_date_from: Annotated[
        str | None, Query(description="Events on or after this day (YYYY-MM-DD)")
    ] = None,
    event_date_to: Annotated[
        str | None, Query(description="Events on or before this day (YYYY-MM-DD)")
    ] = None,
    event_date: Annotated[
        str | None,
        Query(description="ACLED style: a day, or 'from|to' with event_date_where=BETWEEN"),
    ] = None,
    event_date_where: Annotated[
        str | None, Query(description="ACLED style operator for event_date: = > >= < <= BETWEEN")
    ] = None,
    event_type: Annotated[str | None, Query(description="ACLED event type")] = None,
    sub_event_type: Annotated[str | None, Query(description="ACLED sub-event type")] = None,
    actor: Annotated[
        str | None,
        Query(description="Substring of actor1/actor2/associated actor name, or a canonical id"),
    ] = None,
    admin1: Annotated[str | None, Query(description="First-level division name")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
    q: Annotated[str | None, Query(description="Full text over evidence spans")] = None,
    updated_since: Annotated[
        str | None, Query(description="Events changed since: unix seconds or ISO date/time")
    ] = None,
    min_precision: Annotated[
        int | None,
        Query(ge=1, le=3, description="Only geo_precision <= this (1 town/exact, 3 region)"),
    ] = None,
    include_background: Annotated[
        bool, Query(description="Also hedged, denied, forecast and background events")
    ] = False,
    article_id: Annotated[str | None, Query(description="Events of one article")] = None,
) -> EventQuery:
    iso2 = _iso2(country, "country")
    if iso is not None:
        found = countries.lookup(iso)
        if found is None:
            raise ApiError(422, f"unknown iso {iso}: use an ISO 3166 numeric code such as 760")
        if iso2 and iso2 != found.iso2:
            raise ApiError(422, f"country {country!r} and iso {iso} name different countries")
        iso2 = found.iso2
    since = _parse_day(event_date_from, "event_date_from") if event_date_from else None
    until = _parse_day(event_date_to, "event_date_to") if event_date_to else None
    if event_date:
        where = (event_date_where or ("BETWEEN" if "|" in event_date else "=")).upper()
        if where not in DATE_WHERE:
            raise ApiError(
                422,
                f"bad event_date_where {event_date_where!r}: use one of " + ", ".join(DATE_WHERE),
            )
        if where == "BETWEEN":
            low, sep, high = event_date.partition("|")
            if not sep:
                raise ApiError(422, "event_date with event_date_where=BETWEEN must be 'from|to'")
            since, until = _parse_day(low, "event_date"), _parse_day(high, "event_date")
        else:
            day = _parse_day(event_date, "event_date")
            since, until = {
                "=": (day, day),
                ">": (day + timedelta(days=1), until),
                ">=": (day, until),
                "<": (since, day - timedelta(days=1)),
                "<=": (since, day),
            }[where]
    return _checked(
        EventQuery(
            country=iso2,
            since=since,
            until=until,
            event_type=event_type or None,
            sub_event_type=sub_event_type or None,
            actor=actor or None,
            admin1=admin1 or None,
            bbox=_parse_bbox(bbox) if bbox else None,
            q=q if q and q.strip() else None,
            updated_since=_parse_time(updated_since, "updated_since") if updated_since else None,
            min_precision=min_precision,
            include_background=include_background,
            article_id=article_id or None,
        )
    )


def _checked(query: Q) -> Q:
    """The query, once its dates and filters are known to make sense (422 otherwise)."""
    if query.since and query.until and query.since > query.until:
        raise ApiError(422, f"empty date range: {query.since} is after {query.until}")
    try:
        query.where()
    except QueryError as exc:
        raise ApiError(422, str(exc)) from exc
    return query


Filters = Annotated[EventQuery, Depends(event_filters)]


def _iso2(value: str | None, name: str) -> str | None:
    if not value:
        return None
    found = countries.lookup(value)
    if found is None:
        raise ApiError(422, f"unknown {name} {value!r}: use ISO2, ISO3, ISO numeric or a name")
    return found.iso2


def interaction_filters(
    plover_type: Annotated[
        list[str] | None,
        Query(description="PLOVER type(s): repeat the parameter or separate by commas"),
    ] = None,
    modality: Annotated[
        list[str] | None,
        Query(description="asserted, hedged, denied, forecast (default: all); repeat or commas"),
    ] = None,
    source: Annotated[
        str | None, Query(description="Substring of the source's name or words, or its id")
    ] = None,
    target: Annotated[
        str | None, Query(description="Substring of the target's name or words, or its id")
    ] = None,
    actor: Annotated[str | None, Query(description="The same, source or target")] = None,
    country: Annotated[
        str | None, Query(description="Either party's country: ISO2, ISO3, ISO numeric or name")
    ] = None,
    source_country: Annotated[str | None, Query(description="The source's country")] = None,
    target_country: Annotated[str | None, Query(description="The target's country")] = None,
    date_from: Annotated[
        str | None, Query(description="Dated on or after this day (YYYY-MM-DD)")
    ] = None,
    date_to: Annotated[
        str | None, Query(description="Dated on or before this day (YYYY-MM-DD)")
    ] = None,
    article_id: Annotated[str | None, Query(description="The interactions of one article")] = None,
) -> InteractionQuery:
    return _checked(
        InteractionQuery(
            plover_types=split_names(plover_type),
            modalities=split_names(modality),
            source=source or None,
            target=target or None,
            actor=actor or None,
            # the query resolves and checks the countries (a bad one is a 422 in _checked)
            country=country or None,
            source_country=source_country or None,
            target_country=target_country or None,
            since=_parse_day(date_from, "date_from") if date_from else None,
            until=_parse_day(date_to, "date_to") if date_to else None,
            article_id=article_id or None,
        )
    )


InteractionFilters = Annotated[InteractionQuery, Depends(interaction_filters)]
Limit = Annotated[
    int | None,
    Query(
        ge=0,
        le=1_000_000_000,
        description=f"Page size (JSON default {DEFAULT_LIMIT}, at most {MAX_LIMIT}); "
        "other formats stream every match unless a limit is given",
    ),
]
Offset = Annotated[int, Query(ge=0, description="Items to skip")]
Page = Annotated[int | None, Query(ge=1, description="1-based page (instead of offset)")]


def _paging(fmt: str, limit: int | None, offset: int, page: int | None) -> tuple[int | None, int]:
    """(limit, offset) of a request: JSON pages are at most MAX_LIMIT (the other formats
    stream); `page` replaces `offset`."""
    if fmt == "json" and limit is not None and limit > MAX_LIMIT:
        raise ApiError(
            422,
            f"limit {limit} is over {MAX_LIMIT} for JSON: page, or use a format that"
            " streams (format=jsonl or csv)",
        )
    if page is not None:
        offset = (page - 1) * (limit if limit is not None else DEFAULT_LIMIT)
    return limit, offset


def _paged(
    request: Request,
    data: list[dict[str, Any]],
    counted: tuple[int, bool],
    offset: int,
    limit: int,
) -> dict[str, Any]:
    """A JSON page: the items, the (capped) total and the next page's URL while there is one."""
    total, exact = counted
    total = max(total, offset) if not exact else total
    more = offset + limit < total if exact else len(data) == limit
    next_url = None
    if more and limit > 0:
        next_url = str(
            request.url.remove_query_params("page").include_query_params(
                offset=offset + limit, limit=limit
            )
        )
    return {
        "ok": True,
        "count": total,
        "count_exact": exact,
        "offset": offset,
        "limit": limit,
        "data": data,
        "next": next_url,
    }


def create_app(
    store_or_url: Store | str | Path,
    token: str | None = None,
    *,
    settings: Settings | None = None,
    static_dir: Path | None = None,
) -> FastAPI:
    st = store_or_url if isinstance(store_or_url, Store) else store_stage.open(store_or_url)
    settings = settings or Settings.from_env()
    static = static_dir or STATIC
    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Conflict events coded from news, with the evidence that supports them.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = st
    # The page's total is counted on another connection while the page is read: the two
    # queries overlap (SQLite runs without the GIL), so a request costs the longer, not the sum.
    counter = ThreadPoolExecutor(max_workers=4, thread_name_prefix="marsad-count")
    app.state.counter = counter

    # -- errors: one JSON shape --------------------------------------------------------------

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return JSONResponse(
            error_body(exc.status, exc.message, exc.errors), status_code=exc.status, headers=headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        message = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'][1:]) or e['loc']}: {e['msg']}" for e in errors
        )
        return JSONResponse(error_body(422, message, errors), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        return JSONResponse(error_body(exc.status_code, message), status_code=exc.status_code)

    @app.middleware("http")
    async def _headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CSP)
            response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # -- events ------------------------------------------------------------------------------

    @app.get("/api/events", summary="Events, filtered, sorted and paged; JSON, CSV or GeoJSON")
    def list_events(
        request: Request,
        query: Filters,
        limit: Limit = None,
        offset: Offset = 0,
        page: Page = None,
        sort: Annotated[
            str | None,
            Query(
                description="article (default), event_date, fatalities, geo_precision, "
                "confidence, updated_at, event_type, country; '-' prefix for descending"
            ),
        ] = None,
        fields: Annotated[
            str | None, Query(description="Comma-separated keys to return (JSON formats)")
        ] = None,
        format: Annotated[  # noqa: A002 - the public parameter name
            str,
            Query(description="json (default), csv (ACLED 31 columns), geojson, jsonl, parquet"),
        ] = "json",
    ) -> Any:
        fmt = format.lower()
        if fmt not in API_FORMATS:
            raise ApiError(422, f"bad format {format!r}: use one of {', '.join(API_FORMATS)}")
        try:
            order_by(sort)
        except QueryError as exc:
            raise ApiError(422, str(exc)) from exc
        selected = _fields(fields)
        limit, offset = _paging(fmt, limit, offset, page)
        if fmt != "json":
            records = st.records(query, sort=sort, limit=limit, offset=offset, stream=True)
            export_fmt = API_FORMATS[fmt]
            assert export_fmt is not None
            chunks = iter_export(records, export_fmt)
            filename = f"marsad-events.{EXTENSIONS[export_fmt]}"
            return StreamingResponse(
                chunks,
                media_type=MEDIA_TYPES[export_fmt],
                headers={"Content-Disposition": f'inline; filename="{filename}"'},
            )
        limit = DEFAULT_LIMIT if limit is None else limit
        counting = counter.submit(_count, st, query) if st.concurrent_reads else None
        data = [
            _select(event_json(r, evidence=selected is None or "evidence" in selected), selected)
            for r in st.records(query, sort=sort, limit=limit, offset=offset)
        ]
        counted = counting.result() if counting is not None else _count(st, query)
        return _paged(request, data, counted, offset, limit)

    @app.get("/api/events/{event_id}", summary="One event: every field, its evidence, its article")
    def get_event(event_id: str) -> dict[str, Any]:
        record = st.record(event_id)
        if record is None:
            raise ApiError(404, f"no event with id {event_id!r}")
        data = event_json(record)
        data["event"] = to_dict(record.event)  # the model value itself, every span
        articles = []
        for aid in sorted(
            {ev.span.article_id for ev in record.event.evidence} | {record.event.article_id}
        ):
            art = st.article(aid)
            if art is not None:
                articles.append({k: v for k, v in to_dict(art).items() if k != "text"})
        data["articles"] = articles
        return {"ok": True, "data": data}

    # -- PLOVER interactions -----------------------------------------------------------------

    @app.get(
        "/api/interactions",
        summary="PLOVER interactions (who did what to whom), filtered and paged; JSON or CSV",
    )
    def list_interactions(
        request: Request,
        query: InteractionFilters,
        limit: Limit = None,
        offset: Offset = 0,
        page: Page = None,
        format: Annotated[  # noqa: A002 - the public parameter name
            str, Query(description="json (default), csv, jsonl")
        ] = "json",
    ) -> Any:
        fmt = format.lower()
        if fmt not in ("json", *plover.FORMATS):
            raise ApiError(
                422, f"bad format {format!r}: use one of json, {', '.join(plover.FORMATS)}"
            )
        limit, offset = _paging(fmt, limit, offset, page)
        if fmt != "json":
            records = st.interaction_records(query, limit=limit, offset=offset, stream=True)
            return StreamingResponse(
                plover.iter_interactions(records, fmt),
                media_type=plover.MEDIA_TYPES[fmt],
                headers={"Content-Disposition": f'inline; filename="marsad-interactions.{fmt}"'},
            )
        limit = DEFAULT_LIMIT if limit is None else limit
        counting = counter.submit(_count_interactions, st, query) if st.concurrent_reads else None
        data = [
            plover.interaction_json(r)
            for r in st.interaction_records(query, limit=limit, offset=offset)
        ]
        counted = counting.result() if counting is not None else _count_interactions(st, query)
        return _paged(request, data, counted, offset, limit)

    # -- articles ----------------------------------------------------------------------------

    @app.get("/api/articles/{article_id}", summary="An article's text and the spans to highlight")
    def get_article(article_id: str) -> dict[str, Any]:
        art = st.article(article_id)
        if art is None:
            raise ApiError(404, f"no article with id {article_id!r}")
        events = []
        for record in st.records(EventQuery(article_id=article_id, include_background=True)):
            e = record.event
            events.append(
                {
                    "event_id": e.id,
                    "event_type": e.type,
                    "sub_event_type": e.sub_type,
                    "modality": e.modality,
                    "background": e.background,
                    "sources": list(e.sources),
                    "spans": [
                        {
                            "field": ev.field,
                            "start": ev.span.start,
                            "end": ev.span.end,
                            "text": ev.span.text,
                        }
                        for ev in e.evidence
                        if ev.span.article_id == article_id
                    ],
                }
            )
        return {
            "ok": True,
            "data": to_dict(art)
            | {
                "events": events,
                "figures": [to_dict(f) for f in st.article_figures(article_id)],
                "interactions": [
                    plover.interaction_json(r)
                    for r in st.interaction_records(InteractionQuery(article_id=article_id))
                ],
            },
        }

    if token:

        def require_token(
            authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
        ) -> None:
            scheme, _, given = (authorization or "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                given.strip().encode(), token.encode()
            ):
                raise ApiError(401, "missing or wrong token: send 'Authorization: Bearer <token>'")

        @app.post(
            "/api/articles",
            status_code=201,
            dependencies=[Depends(require_token)],
            summary="Code an article into the store (needs the token)",
        )
        def post_article(body: ArticleIn) -> dict[str, Any]:
            from marsad import pipeline

            try:
                result = pipeline.code_text(
                    body.text,
                    settings,
                    source="api",
                    title=body.title,
                    url=body.url,
                    published=body.published,
                    outlet=body.outlet,
                )
            except MarsadError as exc:
                raise ApiError(503, str(exc)) from exc
            if isinstance(result, Rejection):
                raise ApiError(422, f"rejected: {result.code} {result.reason}")
            st.save(result)
            records = st.records(EventQuery(article_id=result.article.id, include_background=True))
            readings = st.interaction_records(InteractionQuery(article_id=result.article.id))
            return {
                "ok": True,
                "article_id": result.article.id,
                "events": [event_json(r) for r in records],
                "interactions": [plover.interaction_json(r) for r in readings],
            }

    # -- aggregates and feeds ----------------------------------------------------------------

    @app.get("/api/stats", summary="Counts per day, type and country (the timeline)")
    def stats(
        query: Filters,
        by: Annotated[
            str | None,
            Query(description="Only one grouping: day, type, sub_type, country or day_type"),
        ] = None,
    ) -> dict[str, Any]:
        groups = ("day", "type", "country", "day_type") if by is None else (by,)
        total, exact = _count(st, query)
        out: dict[str, Any] = {"ok": True, "count": total, "count_exact": exact}
        if by is None:
            out["totals"] = st.stats()
        for group in groups:
            try:
                out[f"by_{group}"] = st.counts(query, by=group)
            except ValueError as exc:
                raise ApiError(422, str(exc)) from exc
        return out

    @app.get("/api/deleted", summary="Events deleted by re-coding since a time")
    def deleted(
        since: Annotated[
            str | None, Query(description="Unix seconds or ISO date/time; default all")
        ] = None,
    ) -> dict[str, Any]:
        data = st.deleted(_parse_time(since, "since") if since else None)
        return {"ok": True, "count": len(data), "data": data}

    @app.get("/api/meta", summary="What the dashboard needs: types present, sort keys, fields")
    def meta() -> dict[str, Any]:
        types = st.event_types()
        return {
            "ok": True,
            "version": __version__,
            "writable": bool(token),
            "event_types": types,
            "sorts": sorted(SORTS),
            "fields": list(EVENT_FIELDS),
            "formats": list(API_FORMATS),
            "plover_types": sorted(set(lexicon.plover_types().values())),
            "interaction_fields": [*plover.INTERACTION_FIELDS, "article", "evidence"],
        }

    # -- dashboard ---------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> Any:
        page = static / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html")
        return HTMLResponse(
            "<!doctype html><title>marsad</title><p>The dashboard is not built: run "
            "<code>npm ci &amp;&amp; npm run build</code> in frontend/. The API is at "
            "<a href='/api/docs'>/api/docs</a>.</p>"
        )

    if (static / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=static / "assets"), name="assets")

    return app


def _count(st: Store, query: EventQuery) -> tuple[int, bool]:
    """Matching events, counted up to COUNT_CAP (past it, a lower bound): counting a million
    matches would cost more than the page itself."""
    return _capped(st.count(query, cap=COUNT_CAP + 1) or 0)


def _count_interactions(st: Store, query: InteractionQuery) -> tuple[int, bool]:
    return _capped(st.count_interactions(query, cap=COUNT_CAP + 1))


def _capped(n: int) -> tuple[int, bool]:
    """(total, exact) of a count made with cap COUNT_CAP + 1."""
    return (n, True) if n <= COUNT_CAP else (COUNT_CAP, False)


def _fields(fields: str | None) -> list[str] | None:
    if not fields:
        return None
    names = [f.strip() for f in fields.split(",") if f.strip()]
    unknown = [n for n in names if n not in EVENT_FIELDS]
    if unknown:
        raise ApiError(
            422, f"unknown field(s) {', '.join(unknown)}: choose from {', '.join(EVENT_FIELDS)}"
        )
    return names


def _select(item: dict[str, Any], selected: list[str] | None) -> dict[str, Any]:
    if selected is None:
        return item
    return {k: item[k] for k in selected}
