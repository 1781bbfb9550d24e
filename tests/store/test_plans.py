"""Paging plans give the same pages: walking a sort index and stopping at LIMIT (dense filters),
sorting every match (sparse ones), and the fallback when a walk runs out of budget. Capped
counts agree with exact ones whatever the plan."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from marsad import store
from marsad.store import EventQuery
from marsad.store import sqlite as store_sqlite
from marsad.store.query import SORTS
from tests.store import sample

BENCH = Path(__file__).resolve().parents[2] / "bench" / "api.py"


def _synthetic(n: int) -> Iterator:
    spec = importlib.util.spec_from_file_location("marsad_bench_api", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic(n, seed=3)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[store.Store]:
    st = store.open(tmp_path_factory.mktemp("plans") / "plans.db")
    st.save_many(_synthetic(1200), batch=500)
    for coded in [*sample.all_articles(), sample.hostile()]:
        st.save(coded)
    yield st
    st.close()


QUERIES = [
    EventQuery(),
    EventQuery(include_background=True),
    EventQuery(bbox=(35.3, 33.3, 36.3, 34.3)),  # Lebanon: dense
    EventQuery(bbox=(37.0, 34.0, 38.0, 35.0)),
    EventQuery(bbox=(-180.0, -90.0, 180.0, 90.0), include_background=True),
    EventQuery(q="checkpoint"),
    EventQuery(q="said"),
    EventQuery(q="said", country="SY"),
    EventQuery(q='"Tal 1"'),
    EventQuery(q="convoy", country="IQ", bbox=(40.0, 30.0, 46.0, 36.0)),
    EventQuery(country="SY"),
    EventQuery(country="SY", since=date(2020, 1, 1), until=date(2021, 12, 31)),
    EventQuery(event_type="battles"),
    EventQuery(event_type="Protests", min_precision=1),
]
SORT_PARAMS = [None, "article", "-article"] + [
    f"{sign}{key}" for key in SORTS if key != "article" for sign in ("", "-")
]


def _pages(st: store.Store, query: EventQuery, sort: str | None) -> list[list[int]]:
    conn = st._conn()
    return [
        st._page(conn, query, sort, limit, offset)
        for limit, offset in [(100, 0), (7, 0), (25, 50), (1, 300), (None, 0), (None, 10)]
    ]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[10:60])
def test_walk_and_sort_plans_give_the_same_pages(big, query, monkeypatch):
    for sort in SORT_PARAMS:
        monkeypatch.setattr(store_sqlite, "DENSE", 1e12)  # always sort every match
        sorted_pages = _pages(big, query, sort)
        monkeypatch.setattr(store_sqlite, "DENSE", 0)  # always walk when an index serves the sort
        walked = _pages(big, query, sort)
        monkeypatch.setattr(store_sqlite, "WALK_BUDGET_MS", 0)  # every walk gives up: fallback
        fallback = _pages(big, query, sort)
        monkeypatch.setattr(store_sqlite, "WALK_BUDGET_MS", 10_000)
        assert walked == sorted_pages, sort
        assert fallback == sorted_pages, sort
        # the unpaged stream (one joined query) has the same order
        everything = [r.event.id for r in big.records(query, sort=sort)]
        paged = [r.event.id for r in big.records(query, sort=sort, limit=10**6)]
        assert paged == everything, sort


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q)[10:60])
def test_capped_counts_agree_with_exact(big, query):
    exact = big.count(query)
    assert exact == len(list(big.records(query)))
    for cap in (1, 10, 250, 10_000):
        assert big.count(query, cap=cap) == min(cap, exact)


def test_walk_uses_the_sort_index(big):
    conn = big._conn()
    for sort, country, index in [
        (None, False, "events_article"),
        ("-event_date", True, "events_country_date_pk"),
        ("-event_date", False, "events_date_pk"),
        ("-fatalities", False, "events_fatalities"),
        ("fatalities", False, "events_fatalities"),
        ("event_type", False, "events_type"),
    ]:
        query = EventQuery(q="said", bbox=(0, 0, 60, 60), country="SY" if country else None)
        where, params = query.where(fts="row", rtree="row")
        sql = (
            f"SELECT e.pk FROM events e INDEXED BY {index} WHERE {where}"
            f" {store_sqlite.order_by(sort)} LIMIT 10"
        )
        plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
        assert "TEMP B-TREE" not in plan, (sort, plan)
        assert store_sqlite.walk_index(sort, country) == index


def test_no_walk_for_ascending_nullable_keys():
    for key in ("event_date", "geo_precision", "confidence", "country"):
        assert store_sqlite.walk_index(key, False) is None
    assert store_sqlite.walk_index("-article", False) is None
