"""Store query latency without HTTP: the same synthetic store as bench/api.py, queried through
`Store.count` / `Store.records`, and a full streamed export.

    python bench/query.py --events 200000
    python bench/query.py --db /tmp/bench.db --reuse       # a store kept by bench/api.py --keep

Prints p50/p95 per query kind and export throughput; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from api import COUNTRIES, DAYS, START, percentiles, synthetic_store, timed  # noqa: E402

from marsad.serve.exports import write_export  # noqa: E402
from marsad.store import EventQuery  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--reuse", action="store_true", help="query --db as it is")
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args(argv)

    st, args.db, tmp = synthetic_store(args.db, args.events, args.reuse, "query")
    print(f"store: {st.stats()}")
    rnd = random.Random(5)

    def month() -> tuple[date, date]:
        first = (START + timedelta(days=rnd.randrange(DAYS - 31))).replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)

    def country_month() -> EventQuery:
        lo, hi = month()
        return EventQuery(country=rnd.choice(COUNTRIES)[0], since=lo, until=hi)

    def box() -> EventQuery:
        _, _, lat, lon, _, _ = rnd.choice(COUNTRIES)
        return EventQuery(bbox=(lon - 0.5, lat - 0.5, lon + 0.5, lat + 0.5))

    def text() -> EventQuery:
        return EventQuery(q=rnd.choice(["checkpoint", "hospital", "bridge", "convoy"]))

    kinds = [
        ("page 100, country + month", lambda: list(st.records(country_month(), limit=100))),
        ("count, country + month", lambda: st.count(country_month())),
        ("page 100, bbox 1x1 degree", lambda: list(st.records(box(), limit=100))),
        ("page 100, full text", lambda: list(st.records(text(), limit=100))),
        ("count capped 10k, full text", lambda: st.count(text(), cap=10_000)),
        (
            "page 25, newest first",
            lambda: list(st.records(EventQuery(), sort="-event_date", limit=25)),
        ),
        ("timeline, one country", lambda: st.counts(EventQuery(country="SY"), by="day_type")),
        ("timeline, everything", lambda: st.counts(EventQuery(), by="day_type")),
    ]
    print(f"\n{'query':36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, fn in kinds:
        fn()
        p50, p95, worst = percentiles(timed(fn, args.repeat))
        print(f"{name:36} {p50:8.1f} {p95:8.1f} {worst:8.1f}")

    for fmt in ("acled-csv", "jsonl", "geojson"):
        sink = io.StringIO() if st.stats()["events"] <= 200_000 else _Null()
        t0 = time.perf_counter()
        n = write_export(st.records(EventQuery(include_background=True)), fmt, sink)
        dt = time.perf_counter() - t0
        print(f"export {fmt:10} {n:>9,} events in {dt:6.1f} s ({n / dt:,.0f} events/s)")
    st.close()
    if tmp is not None:
        tmp.cleanup()
    return 0


class _Null(io.TextIOBase):
    def write(self, s: str) -> int:
        return len(s)


if __name__ == "__main__":
    sys.exit(main())
