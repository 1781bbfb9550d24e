from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from marsad import store
from marsad.errors import MarsadError
from marsad.model import CodedArticle, Rejection
from marsad.settings import Settings
from marsad.store import LEDGER_TABLES, EventQuery, QueryError
from tests.store import sample

SYRIA_TYPES = {"Explosions/Remote violence", "Battles", "Violence against civilians"}


def all_events() -> list:
    return [e for coded in sample.all_articles() for e in coded.events]


@pytest.mark.parametrize("form", ["plain", "url_relative", "url_absolute"])
def test_store_open_paths_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str):
    monkeypatch.chdir(tmp_path)
    target = {
        "plain": str(tmp_path / "a.db"),
        "url_relative": "sqlite:///sub/b.db",
        "url_absolute": "sqlite:///" + str(tmp_path / "c.db"),
    }[form]
    s = store.open(target)
    s.close()
    expected = {
        "plain": tmp_path / "a.db",
        "url_relative": tmp_path / "sub" / "b.db",
        "url_absolute": tmp_path / "c.db",
    }[form]
    assert expected.exists()
    conn = sqlite3.connect(expected)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in conn.execute("SELECT name FROM _migrations")] == [
        "001_initial",
        "002_sort_indexes",
        "003_events_new",
        "004_interactions",
    ]


def test_store_open_rejects_other_urls():
    with pytest.raises(MarsadError, match=r"\[E005\]"):
        store.open("postgresql://localhost/marsad")


def test_store_migrations_apply_once(tmp_path: Path):
    store.open(tmp_path / "m.db").close()
    s = store.open(tmp_path / "m.db")  # reopening must not re-run migrations
    assert s.stats()["events"] == 0
    s.close()


def test_store_round_trip_events(st):
    got = list(st.events(include_background=True))
    assert sorted(got, key=lambda e: e.id) == sorted(all_events(), key=lambda e: e.id)
    for event in all_events():
        assert st.event(event.id) == event


def test_store_round_trip_article_and_figures(st):
    coded = sample.syria()
    assert st.has_article(coded.article.id)
    assert not st.has_article("a-missing")
    assert st.article(coded.article.id) == coded.article
    assert st.article_figures(coded.article.id) == list(coded.figures)
    assert sorted(a.id for a in st.articles()) == sorted(
        c.article.id for c in sample.all_articles()
    )
    assert st.article("a-missing") is None


def test_store_default_is_new_events_only(st):
    got = list(st.events())
    assert all(e.is_new for e in got)
    assert {e.modality for e in st.events(include_background=True)} == {"asserted", "forecast"}
    assert len(got) == sum(e.is_new for e in all_events())


def test_store_order_article_then_first_offset(st):
    got = list(st.events(include_background=True))
    keys = [(e.article_id, e.first_offset) for e in got]
    assert keys == sorted(keys)


def raw_dump(path: Path) -> dict[str, list]:
    """Every table, index internals included, as a caller without Store.dump would compare."""
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = {
        n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr)
        for n in names
        if n not in LEDGER_TABLES
    }
    conn.close()
    return out


def test_store_resave_identical_changes_nothing(st, tmp_path: Path):
    before = st.dump()
    raw = raw_dump(tmp_path / "marsad.db")
    for coded in sample.all_articles():
        st.save(coded)
    assert st.dump() == before
    assert raw_dump(tmp_path / "marsad.db") == raw


def test_store_ledger_excluded_from_dump(st):
    before = st.dump()
    run = st.start_run(["folder/"], Settings())
    for coded in sample.all_articles():
        st.save(coded, run_id=run)
    st.reject(Rejection("folder/empty.txt", "ingest", "R001", "empty: no text"), run_id=run)
    st.finish_run(run, {"articles": 3})
    after = st.dump()
    assert set(after) - set(before) == set()
    assert after["rejections"] != before["rejections"]  # content: the rejection itself
    # second run with the same input: content unchanged
    run2 = st.start_run(["folder/"], Settings())
    for coded in sample.all_articles():
        st.save(coded, run_id=run2)
    st.reject(Rejection("folder/empty.txt", "ingest", "R001", "empty: no text"), run_id=run2)
    st.finish_run(run2, {"articles": 3})
    assert st.dump() == after
    assert all(t not in after for t in LEDGER_TABLES)
    assert {r["id"] for r in st.runs()} == {run, run2}
    assert st.runs()[0]["counts"] == {"articles": 3}
    assert st.rejections(run2) == [
        Rejection("folder/empty.txt", "ingest", "R001", "empty: no text")
    ]
    assert st.stats()["runs"] == 2


def test_store_recode_records_deletions(st):
    coded = sample.syria()
    strike, clash = coded.events
    changed = replace(clash, fatalities=3)
    st.save(CodedArticle(coded.article, events=(changed,), figures=coded.figures))
    assert st.event(strike.id) is None
    assert st.event(clash.id) == changed
    deleted = st.deleted()
    assert [d["event_id"] for d in deleted] == [strike.id]
    assert deleted[0]["article_id"] == coded.article.id
    # the deleted event coming back leaves the deletions feed
    st.save(coded)
    assert st.deleted() == []
    assert st.event(strike.id) == strike


def test_store_unchanged_event_keeps_timestamp(st):
    coded = sample.syria()
    strike, clash = coded.events
    stamp = st.event_updated_at(strike.id)
    st._conn().execute("UPDATE events SET updated_at = 1 WHERE id = ?", (strike.id,))
    st.save(
        CodedArticle(
            coded.article, events=(strike, replace(clash, confidence=0.1)), figures=coded.figures
        )
    )
    assert st.event_updated_at(strike.id) == 1  # untouched
    assert st.event_updated_at(clash.id) >= stamp


def test_store_save_is_atomic(st, tmp_path: Path):
    coded = sample.iraq()
    bad = replace(coded.events[0], id="e-other", article_id="a-someone-else")
    before = st.dump()
    with pytest.raises(ValueError, match="belongs to article"):
        st.save(CodedArticle(replace(coded.article, title="changed"), events=(bad,)))
    assert st.dump() == before


@pytest.mark.parametrize(
    "filters,expected_types",
    [
        ({"country": "SY"}, SYRIA_TYPES),
        ({"country": "Syria"}, SYRIA_TYPES),
        ({"country": "SYR"}, SYRIA_TYPES),
        ({"country": "760"}, SYRIA_TYPES),
        ({"country": "368"}, {"Protests"}),
        ({"country": "iraq"}, {"Protests"}),
        (
            {"since": date(2026, 3, 3)},
            {"Explosions/Remote violence", "Battles", "Violence against civilians"},
        ),
        ({"until": date(2026, 3, 2)}, {"Protests"}),
        (
            {"since": date(2026, 3, 3), "until": date(2026, 3, 3)},
            {"Explosions/Remote violence", "Battles"},
        ),
        ({"event_type": "Battles"}, {"Battles"}),
        ({"sub_event_type": "air/drone strike"}, {"Explosions/Remote violence"}),
        ({"actor": "Islamic State"}, {"Battles"}),
        ({"actor": "military forces of syria"}, {"Explosions/Remote violence", "Battles"}),
        ({"actor": "iq-police"}, {"Protests"}),
        ({"actor": "tribal"}, {"Battles"}),
        ({"admin1": "idlib"}, {"Explosions/Remote violence"}),
        ({"bbox": (36.0, 35.0, 37.0, 36.0)}, {"Explosions/Remote violence"}),
        ({"q": "tear gas"}, {"Protests"}),
        ({"q": "checkpoint Palmyra"}, {"Battles"}),
        ({"q": "vegeta*"}, {"Explosions/Remote violence"}),
        ({"min_precision": 1}, {"Explosions/Remote violence", "Protests"}),
    ],
)
def test_store_filters(st, filters, expected_types):
    assert {e.type for e in st.events(**filters)} == expected_types


def test_store_filter_with_background(st):
    got = list(st.events(country="SY", include_background=True, q="strike"))
    assert {e.background for e in got} == {True}


@pytest.mark.parametrize(
    "bad",
    [{"country": "Atlantis"}, {"q": "   "}, {"sort": "colour"}, {"bbox": (10.0, 0.0, 5.0, 1.0)}],
)
def test_store_bad_filters_raise(st, bad):
    with pytest.raises(QueryError):
        list(st.events(**bad))


@pytest.mark.parametrize("q", ['"unbalanced', "AND OR NOT", "near(", "x:y", "-minus"])
def test_store_fts_input_never_errors(st, q):
    assert isinstance(list(st.events(q=q)), list)


def test_store_sort_limit_offset_count(st):
    by_date = list(st.events(sort="-event_date", include_background=True))
    dates = [e.when.start for e in by_date if e.when]
    assert dates == sorted(dates, reverse=True)
    assert by_date[-1].when is None  # NULLS LAST
    page = list(st.events(sort="-event_date", include_background=True, limit=2, offset=1))
    assert page == by_date[1:3]
    assert st.count(EventQuery(include_background=True)) == 6
    assert st.count(EventQuery(country="SY")) == 3


def test_store_counts_for_timeline(st):
    days = st.counts(by="day")
    assert {d["event_date"]: d["events"] for d in days} == {
        "2026-03-02": 1,
        "2026-03-03": 2,
        "2026-03-04": 1,
    }
    assert sum(d["fatalities"] for d in days) == 14
    assert {d["event_type"] for d in st.counts(by="type")} == {
        "Protests",
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
    }
    assert st.counts(by="country") == [
        {"country_iso2": "IQ", "events": 1, "fatalities": 0},
        {"country_iso2": "SY", "events": 3, "fatalities": 14},
    ]


def test_store_rejections_deduplicated(tmp_path: Path):
    s = store.open(tmp_path / "r.db")
    r = Rejection("x.bin", "ingest", "R002", "binary")
    s.reject(r)
    s.reject(r)
    assert s.rejections() == [r]
    assert s.stats()["rejections"] == 1
    s.close()


def test_store_readers_from_threads(st):
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        counts = list(pool.map(lambda _: len(list(st.events())), range(8)))
    assert set(counts) == {4}


def test_store_memory(tmp_path: Path):
    s = store.open(":memory:")
    s.save(sample.iraq())
    assert [e.type for e in s.events()] == ["Protests"]
    s.close()


def test_store_bulk_load_rebuilds_full_text(tmp_path: Path):
    s = store.open(tmp_path / "bulk.db")
    assert s.save_many(sample.all_articles(), bulk=True, batch=2) == 6
    assert {e.type for e in s.events(q="tear gas")} == {"Protests"}
    s.save(sample.hostile())  # the row-by-row triggers are back
    assert [e.type for e in s.events(q="looted")] == ["Strategic developments"]
    before = s.dump()
    s.save_many(sample.all_articles(), bulk=True)
    assert s.dump() == before
    s.optimize()
    s.close()


def test_store_count_cap_and_budget(st):
    assert st.count(EventQuery(include_background=True), cap=2) == 2
    assert st.count(EventQuery(include_background=True), cap=100) == 6
    assert st.count(EventQuery(), budget_ms=10_000) == 4


def test_store_event_types(st):
    assert st.event_types() == [
        "Battles",
        "Explosions/Remote violence",
        "Protests",
        "Violence against civilians",
    ]


def test_store_count_capped_full_text(st):
    every = EventQuery(q="said", include_background=True)
    assert st.count(every, cap=100) == st.count(every) == 3
    assert st.count(every, cap=1) == 1
    assert st.count(EventQuery(q="said", country="IQ"), cap=100) == 1
    assert st.count(EventQuery(q="said"), cap=100) == st.count(EventQuery(q="said")) == 2
