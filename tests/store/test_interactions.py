"""PLOVER interactions in the store: written with the article, replaced on re-code, filtered,
upgraded into an older store. Real pipeline over sentences written for the tests (conftest.py
DIPLOMACY, SECURITY), real SQLite files."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from marsad import store
from marsad.model import Interaction
from marsad.store import InteractionQuery, QueryError, migrations


@pytest.fixture()
def pst(tmp_path: Path, plover_articles):
    s = store.open(tmp_path / "plover.db")
    for coded in plover_articles:
        s.save(coded)
    yield s
    s.close()


def _rows(st, where: str = "1", params: tuple = ()) -> list[dict]:
    conn = st.connect()
    conn.row_factory = sqlite3.Row
    try:
        sql = f"SELECT * FROM interactions WHERE {where} ORDER BY article_id, sentence_start"
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _types(found) -> list[str]:
    return [i.type for i in found]


def test_store_interactions_round_trip(pst, plover_articles):
    diplomacy, security = plover_articles
    # ordered by article id (security's sorts first), then by offset
    assert list(pst.interactions()) == [*security.interactions, *diplomacy.interactions]
    assert _types(pst.interactions()) == ["COERCE", "ASSAULT", "CONSULT", "SANCTION", "AGREE"]
    assert pst.stats()["interactions"] == 5
    assert pst.count_interactions() == 5


def test_store_interactions_consult_row(pst, plover_articles):
    """ "Iran's foreign minister met his Turkish counterpart in Ankara on Monday." """
    text = plover_articles[0].article.text
    (row,) = _rows(pst, "plover_type = 'CONSULT'")
    assert row["article_id"] == plover_articles[0].article.id and row["ord"] == 0
    assert (row["source_name"], row["source_text"], row["source_country"]) == (
        "Iran's foreign minister",
        "Iran's foreign minister",
        "IR",
    )
    assert row["target_country"] == "TR"
    assert row["modality"] == "asserted" and row["plover_mode"] is None
    assert (row["date_start"], row["date_end"], row["date_precision"]) == (
        "2024-05-13",
        "2024-05-13",
        "day",
    )
    assert row["trigger"] == "met"
    assert text[row["trigger_start"] : row["trigger_end"]] == "met"
    assert text[row["sentence_start"] : row["sentence_end"]].endswith("in Ankara on Monday.")
    assert row["id"].startswith("i") and row["updated_at"] > 0


def test_store_interactions_canonical_name_and_words(pst):
    """A party the actor dictionary knows: canonical name, id and type beside the words."""
    (sanction,) = _rows(pst, "plover_type = 'SANCTION'")
    assert sanction["source_name"] == "Kenya" and sanction["source_country"] == "KE"
    assert sanction["target_name"] == "Military Forces of South Sudan"
    assert sanction["target_text"] == "South Sudan's army chief"
    assert sanction["target_id"] == "generic:state_forces"
    assert sanction["target_kind"] == "State forces" and sanction["target_country"] == "SS"
    assert sanction["date_start"] == "2024-05-03" and sanction["date_precision"] == "day"
    (arrest,) = _rows(pst, "plover_type = 'COERCE'")
    assert (arrest["source_name"], arrest["source_text"], arrest["source_id"]) == (
        "Syrian Democratic Forces",
        "SDF",
        "sdf",
    )
    assert arrest["plover_mode"] == "arrest" and arrest["date_start"] == "2024-06-01"


def test_store_interactions_undated_sentence_gets_publication_week(pst):
    (agree,) = _rows(pst, "plover_type = 'AGREE'")
    assert (agree["date_start"], agree["date_end"], agree["date_precision"]) == (
        "2024-05-15",
        "2024-05-15",
        "week",
    )
    (assault,) = _rows(pst, "plover_type = 'ASSAULT'")  # "last week": the week before
    assert (assault["date_start"], assault["date_end"]) == ("2024-05-26", "2024-06-01")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["COERCE", "ASSAULT", "CONSULT", "SANCTION", "AGREE"]),
        ({"plover_type": "CONSULT"}, ["CONSULT"]),
        ({"plover_type": "consult,sanction"}, ["CONSULT", "SANCTION"]),
        ({"plover_type": ["ASSAULT", "AGREE"]}, ["ASSAULT", "AGREE"]),
        ({"plover_type": "DEMAND"}, []),  # an earlier PLOVER name, mapped to REQUEST
        ({"modality": "hedged"}, ["AGREE"]),
        ({"modality": ["asserted"]}, ["COERCE", "ASSAULT", "CONSULT", "SANCTION"]),
        ({"source": "SDF"}, ["COERCE"]),  # the words as written
        ({"source": "syrian democratic"}, ["COERCE"]),  # the canonical name, any case
        ({"source": "sdf"}, ["COERCE"]),
        ({"target": "south sudan"}, ["SANCTION"]),
        ({"target": "generic:state_forces"}, ["SANCTION"]),  # a canonical id, exactly
        ({"actor": "Military Forces of"}, ["ASSAULT", "SANCTION"]),  # source or target
        ({"actor": "100%"}, []),  # LIKE wildcards are taken literally
        ({"country": "TR"}, ["CONSULT"]),
        ({"country": "Turkey"}, ["CONSULT"]),
        ({"country": "KEN"}, ["SANCTION"]),
        ({"source_country": "SS"}, []),
        ({"target_country": "South Sudan"}, ["SANCTION"]),
        ({"source_country": "IR", "target_country": "TR"}, ["CONSULT"]),
        ({"since": date(2024, 5, 14)}, ["COERCE", "ASSAULT", "AGREE"]),
        ({"until": date(2024, 5, 13)}, ["CONSULT", "SANCTION"]),
        ({"since": date(2024, 5, 4), "until": date(2024, 5, 31)}, ["ASSAULT", "CONSULT", "AGREE"]),
        ({"plover_type": "ASSAULT", "country": "ML"}, ["ASSAULT"]),
        ({"plover_type": "ASSAULT", "country": "IR"}, []),
    ],
)
def test_store_interactions_filters(pst, filters, expected):
    assert _types(pst.interactions(**filters)) == expected


def test_store_interactions_article_filter(pst, plover_articles):
    diplomacy = plover_articles[0]
    found = list(pst.interactions(article_id=diplomacy.article.id))
    assert found == list(diplomacy.interactions)
    assert all(i.trigger.article_id == diplomacy.article.id for i in found)


@pytest.mark.parametrize(
    ("filters", "fragment"),
    [
        ({"plover_type": "CHAT"}, "unknown PLOVER type 'CHAT'"),
        ({"modality": "rumoured"}, "unknown modality 'rumoured'"),
        ({"country": "Atlantis"}, "unknown country 'Atlantis'"),
        ({"target_country": "Narnia"}, "unknown target_country 'Narnia'"),
        ({"since": "May"}, "bad date 'May'"),
    ],
)
def test_store_interactions_bad_filters_raise(pst, filters, fragment):
    with pytest.raises(QueryError, match=fragment):
        list(pst.interactions(**filters))


def test_store_interactions_limit_offset_and_count(pst):
    everything = list(pst.interaction_records())
    page = list(pst.interaction_records(limit=2, offset=1))
    assert [r.id for r in page] == [r.id for r in everything[1:3]]
    assert [r.ord for r in everything] == [0, 1, 0, 1, 2]
    assert list(pst.interactions(limit=1, offset=4)) == [everything[4].interaction]
    assert pst.count_interactions(InteractionQuery(country="TR")) == 1
    assert pst.count_interactions(cap=3) == 3
    record = everything[2]
    assert record.article is not None and record.article.outlet == "Test Wire"
    assert record.article.published == "2024-05-15"


def _article_state(st, article_id: str) -> tuple:
    conn = st.connect()
    try:
        return conn.execute(
            "SELECT content_hash, updated_at, interactions_hash FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
    finally:
        conn.close()


def test_store_interactions_recode_replaces(pst, plover_articles):
    diplomacy = plover_articles[0]
    aid = diplomacy.article.id
    content_hash, updated_at, first_hash = _article_state(pst, aid)
    assert first_hash is not None
    # a re-code that reads fewer interactions in the same, unchanged text: the article row is
    # skipped (same content hash), its interactions are replaced
    pst.save(replace(diplomacy, interactions=diplomacy.interactions[1:]))
    assert _types(pst.interactions(article_id=aid)) == ["SANCTION", "AGREE"]
    assert [r["ord"] for r in _rows(pst, "article_id = ?", (aid,))] == [0, 1]
    content_hash2, updated_at2, second_hash = _article_state(pst, aid)
    assert (content_hash2, updated_at2) == (content_hash, updated_at)
    assert second_hash not in (None, first_hash)
    # none at all: the rows and their documents go, the hash is NULL
    pst.save(replace(diplomacy, interactions=()))
    assert list(pst.interactions(article_id=aid)) == []
    assert _article_state(pst, aid)[2] is None
    assert len(pst.dump()["interaction_docs"]) == 2  # the other article's
    pst.save(diplomacy)
    assert list(pst.interactions(article_id=aid)) == list(diplomacy.interactions)
    assert _article_state(pst, aid)[2] == first_hash
    assert pst.count_interactions() == 5  # the other article's were left alone


def test_store_interactions_recode_with_new_date(tmp_path: Path, plover_articles, settings):
    """A real re-code: the publication date was corrected, so "on Monday" moves."""
    from marsad.pipeline import code_article

    diplomacy = plover_articles[0]
    s = store.open(tmp_path / "r.db")
    s.save(diplomacy)
    corrected = code_article(replace(diplomacy.article, published=date(2024, 5, 22)), settings)
    s.save(corrected)
    consult = next(s.interactions(plover_type="CONSULT"))
    assert consult.when is not None and consult.when.start == date(2024, 5, 20)
    assert s.count_interactions() == 3
    s.close()


def test_store_interactions_unchanged_not_rewritten(pst, plover_articles):
    conn = pst.connect()
    conn.execute("UPDATE interactions SET updated_at = 7")
    conn.close()
    before = pst.dump()
    for coded in plover_articles:
        pst.save(coded)
    assert pst.dump() == before
    assert {r["updated_at"] for r in _rows(pst)} == {7}


def test_store_interactions_bulk_load(tmp_path: Path, pst, plover_articles):
    bulk = store.open(tmp_path / "bulk.db")
    bulk.save_many(plover_articles, bulk=True)
    assert list(bulk.interactions()) == list(pst.interactions())
    strip = [{k: v for k, v in r.items() if k not in ("pk", "updated_at")} for r in _rows(pst)]
    assert [
        {k: v for k, v in r.items() if k not in ("pk", "updated_at")} for r in _rows(bulk)
    ] == strip
    bulk.close()


def test_store_interactions_of_another_article_rejected(pst, plover_articles):
    diplomacy, security = plover_articles
    with pytest.raises(ValueError, match="belongs to article"):
        pst.save(replace(diplomacy, interactions=security.interactions))
    # the transaction rolled back: nothing changed
    assert _types(pst.interactions(article_id=diplomacy.article.id)) == [
        "CONSULT",
        "SANCTION",
        "AGREE",
    ]


def test_store_interactions_upgrade_from_previous_migration(tmp_path: Path, plover_articles):
    """A store made before interactions existed (migrations 001-003) is upgraded on open; its
    articles get their readings when re-coded."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrations.apply(conn, migrations.MIGRATIONS[:3]) == [
        "001_initial",
        "002_sort_indexes",
        "003_events_new",
    ]
    diplomacy = plover_articles[0]
    conn.execute(
        "INSERT INTO articles (id, text, coded, content_hash, updated_at)"
        " VALUES (?, ?, '{}', 'old', 1)",
        (diplomacy.article.id, diplomacy.article.text),
    )
    conn.close()
    s = store.open(path)
    names = [r[0] for r in s.connect().execute("SELECT name FROM _migrations ORDER BY name")]
    assert names[-1] == "004_interactions"
    assert list(s.interactions()) == []
    assert s.article(diplomacy.article.id) is not None  # the old row survived
    s.save(diplomacy)
    assert _types(s.interactions()) == ["CONSULT", "SANCTION", "AGREE"]
    assert s.count_interactions(InteractionQuery(plover_types=("SANCTION",))) == 1
    s.close()
    assert migrations.apply(sqlite3.connect(path, isolation_level=None)) == []  # applied once


def test_store_interactions_model_round_trip_keeps_every_span(pst, plover_articles):
    stored = next(pst.interactions(plover_type="SANCTION"))
    original = next(i for i in plover_articles[0].interactions if i.type == "SANCTION")
    assert isinstance(stored, Interaction) and stored == original
    assert stored.when is not None and stored.when.span is not None
    assert stored.when.span.text == "3 May"
    assert stored.target is not None and stored.target.aliases_matched == (
        "South Sudan's army chief",
    )
