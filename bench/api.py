"""API latency over a large store: build N synthetic (schema-valid) events, then time queries.

    python bench/api.py                     # 1,000,000 events in a temp folder
    python bench/api.py --events 100000 --db /tmp/bench.db --keep

Prints build time, database size and p50/p95/max latency per query kind, through the real
FastAPI app (in-process ASGI client, so no network), plus the same queries on the store alone.
Numbers only; nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from marsad import ids, lexicon, store
from marsad.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Figure,
    Interaction,
    Place,
    Span,
    When,
)
from marsad.store import EventQuery, InteractionQuery

# (ISO2, name, centre lat, centre lon, spread in degrees, admin1 names)
COUNTRIES = [
    ("SY", "Syria", 35.0, 38.5, 2.0, ["Aleppo", "Idlib", "Homs", "Deir ez-Zor", "Daraa"]),
    ("IQ", "Iraq", 33.3, 43.7, 2.5, ["Nineveh", "Anbar", "Basra", "Kirkuk", "Diyala"]),
    ("YE", "Yemen", 15.4, 45.3, 2.0, ["Taiz", "Marib", "Al Hudaydah", "Aden", "Sanaa"]),
    ("SD", "Sudan", 14.5, 30.0, 3.5, ["Khartoum", "North Darfur", "South Kordofan", "Gezira"]),
    ("ML", "Mali", 15.0, -2.0, 3.0, ["Mopti", "Gao", "Timbuktu", "Segou"]),
    ("NG", "Nigeria", 10.5, 8.0, 3.0, ["Borno", "Zamfara", "Kaduna", "Benue"]),
    ("SO", "Somalia", 4.0, 45.5, 3.0, ["Banadir", "Lower Shabelle", "Bay", "Hiraan"]),
    ("UA", "Ukraine", 48.5, 35.0, 2.5, ["Donetsk", "Kharkiv", "Zaporizhia", "Kherson"]),
    ("MM", "Myanmar", 21.0, 96.0, 3.0, ["Sagaing", "Rakhine", "Shan", "Kachin"]),
    ("AF", "Afghanistan", 34.5, 67.0, 3.0, ["Kabul", "Helmand", "Kandahar", "Nangarhar"]),
    ("CD", "Democratic Republic of Congo", -1.5, 29.0, 2.0, ["North Kivu", "Ituri", "South Kivu"]),
    ("BF", "Burkina Faso", 12.5, -1.5, 2.0, ["Sahel", "Nord", "Est", "Centre-Nord"]),
    ("PK", "Pakistan", 31.0, 70.0, 3.0, ["Khyber Pakhtunkhwa", "Balochistan", "Punjab"]),
    ("LB", "Lebanon", 33.8, 35.8, 0.5, ["South", "Nabatieh", "Beqaa"]),
    ("PS", "Palestine", 31.5, 34.45, 0.2, ["Gaza Strip", "West Bank"]),
]
TYPES = [
    ("Battles", "Armed clash", "clashed with", "FIGHT"),
    ("Explosions/Remote violence", "Air/drone strike", "struck", "ASSAULT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "shelled", "ASSAULT"),
    (
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
        "detonated a device near",
        "ASSAULT",
    ),
    ("Violence against civilians", "Attack", "attacked", "ASSAULT"),
    ("Violence against civilians", "Abduction/forced disappearance", "abducted", "ASSAULT"),
    ("Protests", "Peaceful protest", "marched against", "PROTEST"),
    ("Riots", "Violent demonstration", "rioted against", "PROTEST"),
    ("Strategic developments", "Arrests", "arrested", "COERCE"),
]
ACTORS = [
    ("State forces", 1, "Military Forces of {c}"),
    ("Rebel group", 2, "Rebel Fighters ({c})"),
    ("Political militia", 3, "Unidentified Armed Group ({c})"),
    ("Identity militia", 4, "Communal Militia ({c})"),
    ("Protesters", 6, "Protesters ({c})"),
    ("Civilians", 7, "Civilians ({c})"),
]
OUTLETS = ["Wire One", "Daily Courier", "Regional Times", "Evening Monitor", "Field Report"]
OBJECTS = [
    "a checkpoint",
    "a market",
    "a convoy",
    "a village",
    "an outpost",
    "a hospital",
    "a police station",
    "a camp",
    "a bridge",
    "a school",
]
SOURCES = ["a local official", "witnesses", "a medic", "the ministry", "a monitoring group"]
START = date(2018, 1, 1)
DAYS = 8 * 365


def synthetic(n_events: int, seed: int = 7, per_article: int = 4) -> Iterator[CodedArticle]:
    rnd = random.Random(seed)
    made = 0
    k = 0
    while made < n_events:
        k += 1
        iso2, cname, clat, clon, spread, admins = rnd.choice(COUNTRIES)
        published = START + timedelta(days=rnd.randrange(DAYS))
        outlet = rnd.choice(OUTLETS)
        sentences: list[tuple[str, str, tuple]] = []
        for _ in range(min(per_article, n_events - made)):
            etype, sub, verb, plover = rnd.choice(TYPES)
            a1 = rnd.choice(ACTORS[:4]) if etype not in ("Protests", "Riots") else ACTORS[4]
            a2 = rnd.choice(ACTORS)
            obj = rnd.choice(OBJECTS)
            town = (
                f"{rnd.choice(['Tal', 'Kafr', 'Ain', 'Bir', 'Deir', 'Jabal'])} {rnd.randrange(999)}"
            )
            killed = rnd.choice([None, 0, 1, 2, 3, 5, 8, 13, 40])
            src = rnd.choice(SOURCES)
            who1 = a1[2].format(c=cname)
            tail = f", killing {killed} people" if killed else ""
            sent = f"{who1} {verb} {obj} in {town} in report {k}{tail}, {src} said."
            sentences.append((sent, verb, (etype, sub, plover, a1, a2, town, killed, src)))
        text = f"Report {k} from {cname} ({outlet}). " + " ".join(s for s, _, _ in sentences)
        aid = ids.article_id(text)
        article = Article(
            id=aid,
            text=text,
            title=f"Report {k}",
            url=f"https://example.org/{k}",
            outlet=outlet,
            published=published,
        )
        events = []
        for sent, verb, (etype, sub, plover, a1, a2, town, killed, src) in sentences:
            s0 = text.index(sent)
            t0 = s0 + sent.index(verb)
            trig = Span(aid, t0, t0 + len(verb), verb)
            day = published - timedelta(days=rnd.choice([0, 0, 0, 1, 2]))
            precision = rnd.choice([1, 1, 1, 2, 3])
            lat = round(clat + rnd.uniform(-spread, spread), 4)
            lon = round(clon + rnd.uniform(-spread, spread), 4)
            figures = (Figure("killed", low=killed, best=killed, source=src),) if killed else ()
            events.append(
                Event(
                    id=ids.event_id(aid, "bench", [(trig.start, trig.end)]),
                    article_id=aid,
                    type=etype,
                    sub_type=sub,
                    plover_type=plover,
                    actor1=Actor(
                        a1[2].format(c=cname),
                        kind=a1[0],
                        inter=a1[1],
                        country=iso2,
                        acled_name=a1[2].format(c=cname),
                    ),
                    actor2=Actor(
                        a2[2].format(c=cname),
                        kind=a2[0],
                        inter=a2[1],
                        country=iso2,
                        acled_name=a2[2].format(c=cname),
                    ),
                    place=Place(
                        town,
                        lat=lat,
                        lon=lon,
                        country_iso2=iso2,
                        admin1=rnd.choice(admins),
                        precision=precision,
                    ),
                    when=When(day, day, "day"),
                    figures=figures,
                    fatalities=killed,
                    sources=(src,),
                    modality=rnd.choice(["asserted"] * 9 + ["hedged"]),
                    confidence=0.5,
                    evidence=(
                        Evidence("trigger", trig),
                        Evidence("sentence", Span(aid, s0, s0 + len(sent), sent)),
                    ),
                )
            )
        made += len(events)
        # One PLOVER reading per sentence, as the pipeline gives: the event's parties and date.
        readings = tuple(
            Interaction(
                type=lexicon.plover_types()[(e.plover_type or "ASSAULT").upper()],
                source=e.actor1,
                target=e.actor2,
                modality=e.modality,
                trigger=e.evidence[0].span,
                sentence=e.evidence[1].span,
                when=e.when,
            )
            for e in events
        )
        yield CodedArticle(article=article, events=tuple(events), interactions=readings)


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95, ordered[-1]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def synthetic_store(
    db: Path | None, events: int, reuse: bool, name: str
) -> tuple[store.Store, Path, tempfile.TemporaryDirectory | None]:
    """Open `db` (a file in a new temp folder when None) and fill it with `events` synthetic
    events, unless `reuse` and it already holds some. Returns the store, its path and the temp
    folder to clean up (None for a given path). Shared by bench/api.py and bench/query.py."""
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix=f"marsad-{name}-")
        db = Path(tmp.name) / f"{name}.db"
    st = store.open(db)
    if not (reuse and st.stats()["events"]):
        t0 = time.perf_counter()
        n = st.save_many(synthetic(events), batch=2000, bulk=True)
        build = time.perf_counter() - t0
        t1 = time.perf_counter()
        st.optimize()
        print(
            f"build: {n:,} events in {build:.1f} s ({n / build:,.0f} events/s); "
            f"ANALYZE {time.perf_counter() - t1:.1f} s"
        )
    return st, db, tmp


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temp file)")
    parser.add_argument("--keep", action="store_true", help="keep the store after the run")
    parser.add_argument("--repeat", type=int, default=60, help="requests per query kind")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it has events")
    args = parser.parse_args(argv)

    st, args.db, tmp = synthetic_store(args.db, args.events, args.reuse, "bench")
    size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))
    print(f"store: {args.db} {size / 1e6:,.0f} MB, {st.stats()}")

    with serving(st) as base, httpx.Client(base_url=base, timeout=60) as client:
        run_queries(client, args.repeat)

    # The store alone, for the ratio of API overhead.
    print("\nstore only:")
    for name, query in [
        (
            "count, country + month",
            lambda: st.count(
                EventQuery(country="SY", since=date(2021, 3, 1), until=date(2021, 3, 31))
            ),
        ),
        (
            "page, country + month",
            lambda: list(
                st.records(
                    EventQuery(country="SY", since=date(2021, 3, 1), until=date(2021, 3, 31)),
                    limit=100,
                )
            ),
        ),
        ("count all new events", lambda: st.count(EventQuery())),
        (
            "PLOVER readings page, country + month",
            lambda: list(
                st.interaction_records(
                    InteractionQuery(country="SY", since=date(2021, 3, 1), until=date(2021, 3, 31)),
                    limit=100,
                )
            ),
        ),
    ]:
        p50, p95, worst = percentiles(timed(query, 20))
        print(f"{name:42} {20:>4} {p50:8.1f} {p95:8.1f} {worst:8.1f}")

    st.close()
    if tmp is not None and not args.keep:
        tmp.cleanup()
    elif args.keep:
        print(f"kept {args.db}")
    return 0


@contextlib.contextmanager
def serving(st: store.Store) -> Iterator[str]:
    """uvicorn on 127.0.0.1 and a free port, in a thread, for the length of the block."""
    from marsad.serve import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(st), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def run_queries(client: httpx.Client, repeat: int) -> None:
    rnd = random.Random(11)

    def month() -> tuple[str, str]:
        first = START + timedelta(days=rnd.randrange(DAYS - 31))
        first = first.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return first.isoformat(), last.isoformat()

    def ok(path: str, **params: object) -> httpx.Response:
        r = client.get(path, params=params)
        assert r.status_code == 200, r.text
        return r

    def country_month(path: str, since: str, until: str, **params: object) -> None:
        lo, hi = month()
        ok(path, country=rnd.choice(COUNTRIES)[0], **{since: lo, until: hi}, **params)

    def country_dates() -> None:
        country_month("/api/events", "event_date_from", "event_date_to", limit=100)

    def bbox() -> None:
        _, _, lat, lon, _, _ = rnd.choice(COUNTRIES)
        ok("/api/events", bbox=f"{lon - 0.5},{lat - 0.5},{lon + 0.5},{lat + 0.5}", limit=100)

    def fulltext() -> None:
        # a place name: each synthetic town name is in ~0.1% of the events
        town = f"{rnd.choice(['Tal', 'Kafr', 'Ain', 'Bir', 'Deir', 'Jabal'])} {rnd.randrange(999)}"
        ok("/api/events", q=f'"{town}"', limit=100)

    def fulltext_common() -> None:
        # a word in 10-20% of all events: the worst case for the default (article) order
        word = rnd.choice(["checkpoint", "hospital", "convoy", "bridge", "medic", "ministry"])
        ok("/api/events", q=word, limit=100)

    def fulltext_country() -> None:
        word = rnd.choice(["checkpoint", "hospital", "convoy", "bridge"])
        ok("/api/events", q=word, country=rnd.choice(COUNTRIES)[0], limit=100, sort="-event_date")

    def geojson_month() -> None:
        country_month("/api/events", "event_date_from", "event_date_to", format="geojson")

    def first_page() -> None:
        ok("/api/events", sort="-event_date", limit=25)

    def type_sorted() -> None:
        ok("/api/events", event_type=rnd.choice(TYPES)[0], sort="-fatalities", limit=25)

    def timeline() -> None:
        ok("/api/stats", country=rnd.choice(COUNTRIES)[0], by="day_type")

    def one_event() -> None:
        eid = ok("/api/events", limit=1, offset=rnd.randrange(1000)).json()["data"][0]["event_id"]
        ok(f"/api/events/{eid}")

    def readings_country_month() -> None:
        country_month("/api/interactions", "date_from", "date_to", limit=100)

    def readings_type_source() -> None:
        ok("/api/interactions", plover_type=rnd.choice(TYPES)[3], source="Police", limit=100)

    few = max(10, repeat // 3)
    kinds: list[tuple[str, Callable[[], None], int]] = [
        ("country + month, page of 100", country_dates, repeat),
        ("bbox 1x1 degree, page of 100", bbox, repeat),
        ("full text q, place name, page of 100", fulltext, repeat),
        ("full text q, common word, page of 100", fulltext_common, few),
        ("q common word + country, newest first", fulltext_country, few),
        ("GeoJSON, one country one month", geojson_month, few),
        ("first page, newest first", first_page, few),
        ("event type, sorted by fatalities", type_sorted, few),
        ("timeline stats, one country", timeline, few),
        ("event detail (page + /events/{id})", one_event, repeat),
        ("PLOVER readings, country + month, 100", readings_country_month, repeat),
        ("PLOVER readings, type + source words, 100", readings_type_source, few),
    ]
    print(f"\n{'query':42} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, fn, repeat in kinds:
        fn()  # warm
        p50, p95, worst = percentiles(timed(fn, repeat))
        print(f"{name:42} {repeat:>4} {p50:8.1f} {p95:8.1f} {worst:8.1f}")


if __name__ == "__main__":
    sys.exit(main())
