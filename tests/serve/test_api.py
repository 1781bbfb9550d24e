from __future__ import annotations

import csv
import io
import json
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from marsad.model import CodedArticle
from marsad.serve import create_app
from marsad.serve.acled import EVENT_FIELDS, event_json
from tests.serve.test_exports import EXPECTED_COLUMNS
from tests.store import sample

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette: TestClient over httpx is deprecated
    from fastapi.testclient import TestClient

TOKEN = "test-token-1234"
SYRIA = {"Explosions/Remote violence", "Battles", "Violence against civilians"}


@pytest.fixture()
def client(st):
    with TestClient(create_app(st)) as c:
        yield c


@pytest.fixture()
def writable(st):
    with TestClient(create_app(st, token=TOKEN)) as c:
        yield c


def types(response) -> set[str]:
    body = response.json()
    assert response.status_code == 200, body
    assert body["ok"] is True
    return {item["event_type"] for item in body["data"]}


def assert_error(response, status: int, *fragments: str) -> None:
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert set(body) >= {"ok", "error", "status"}
    for fragment in fragments:
        assert fragment in body["error"]


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, SYRIA | {"Protests"}),
        ({"country": "SY"}, SYRIA),
        ({"country": "Syria"}, SYRIA),
        ({"iso": 760}, SYRIA),
        ({"iso": 368, "country": "IQ"}, {"Protests"}),
        ({"event_date_from": "2026-03-03"}, SYRIA),
        ({"event_date_to": "2026-03-02"}, {"Protests"}),
        (
            {"event_date_from": "2026-03-03", "event_date_to": "2026-03-03"},
            {"Explosions/Remote violence", "Battles"},
        ),
        (
            {"event_date": "2026-03-02|2026-03-03", "event_date_where": "BETWEEN"},
            {"Protests", "Explosions/Remote violence", "Battles"},
        ),
        (
            {"event_date": "2026-03-02|2026-03-03"},
            {"Protests", "Explosions/Remote violence", "Battles"},
        ),
        ({"event_date": "2026-03-04"}, {"Violence against civilians"}),
        ({"event_date": "2026-03-03", "event_date_where": ">"}, {"Violence against civilians"}),
        ({"event_date": "2026-03-03", "event_date_where": "<"}, {"Protests"}),
        ({"event_type": "Battles"}, {"Battles"}),
        ({"event_type": "battles"}, {"Battles"}),
        ({"sub_event_type": "Air/drone strike"}, {"Explosions/Remote violence"}),
        ({"actor": "Islamic State"}, {"Battles"}),
        (
            {"actor": "Civilians (Syria)"},
            {"Explosions/Remote violence", "Violence against civilians"},
        ),
        ({"actor": "tribal"}, {"Battles"}),
        ({"admin1": "Basra"}, {"Protests"}),
        ({"bbox": "36,35,37,36"}, {"Explosions/Remote violence"}),
        ({"bbox": "30,25,50,40"}, {"Explosions/Remote violence", "Battles", "Protests"}),
        ({"q": "tear gas"}, {"Protests"}),
        ({"q": "Palmyra"}, {"Battles"}),
        ({"q": "nothing-like-this"}, set()),
        ({"updated_since": "0"}, SYRIA | {"Protests"}),
        ({"updated_since": "2100-01-01"}, set()),
        ({"min_precision": 1}, {"Explosions/Remote violence", "Protests"}),
        ({"min_precision": 2}, {"Explosions/Remote violence", "Protests", "Battles"}),
        ({"include_background": "true", "country": "SY", "event_type": "Battles"}, {"Battles"}),
    ],
)
def test_api_events_filters(client, params, expected):
    assert types(client.get("/api/events", params=params)) == expected


def test_api_events_include_background(client):
    default = client.get("/api/events").json()
    everything = client.get("/api/events", params={"include_background": "true"}).json()
    assert default["count"] == 4 and everything["count"] == 6
    assert {x["modality"] for x in everything["data"]} == {"asserted", "forecast"}
    assert any(x["background"] for x in everything["data"])


@pytest.mark.parametrize(
    "params,fragment",
    [
        ({"country": "Atlantis"}, "unknown country"),
        ({"iso": 999}, "unknown iso"),
        ({"iso": 760, "country": "IQ"}, "different countries"),
        ({"event_date_from": "03/02/2026"}, "YYYY-MM-DD"),
        ({"event_date_from": "2026-03-05", "event_date_to": "2026-03-01"}, "empty date range"),
        ({"event_date": "2026-03-01", "event_date_where": "LIKE"}, "event_date_where"),
        ({"event_date": "2026-03-01", "event_date_where": "BETWEEN"}, "from|to"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "10,0,5,1"}, "bbox"),
        ({"bbox": "0,0,200,1"}, "bbox"),
        ({"min_precision": 0}, "min_precision"),
        ({"min_precision": "x"}, "min_precision"),
        ({"limit": -1}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -5}, "offset"),
        ({"sort": "colour"}, "unknown sort"),
        ({"fields": "event_id,colour"}, "unknown field"),
        ({"format": "xlsx"}, "bad format"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"q": "   "}, None),
    ],
)
def test_api_events_invalid_filters_422(client, params, fragment):
    response = client.get("/api/events", params=params)
    if fragment is None:  # blank text search means no text filter
        assert response.status_code == 200
        return
    assert_error(response, 422, fragment)


def test_api_events_paging_next(client):
    first = client.get("/api/events", params={"limit": 3, "sort": "event_date"}).json()
    assert first["count"] == 4 and len(first["data"]) == 3
    assert first["next"] and "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["data"]) == 1 and second["next"] is None
    ids = [x["event_id"] for x in first["data"] + second["data"]]
    assert len(set(ids)) == 4
    page2 = client.get("/api/events", params={"limit": 3, "page": 2, "sort": "event_date"}).json()
    assert page2["data"] == second["data"]
    assert page2["offset"] == 3


@pytest.mark.parametrize(
    "sort,key,reverse",
    [
        ("event_date", "event_date", False),
        ("-event_date", "event_date", True),
        ("-fatalities", "fatalities", True),
        ("fatalities", "fatalities", False),
    ],
)
def test_api_events_sort(client, sort, key, reverse):
    data = client.get("/api/events", params={"sort": sort}).json()["data"]
    values = [x[key] for x in data]
    assert values == sorted(values, reverse=reverse)


def test_api_events_default_order_article_then_offset(client):
    data = client.get("/api/events", params={"include_background": "true"}).json()["data"]
    keys = [(x["article_id"], min(e["start"] for e in x["evidence"])) for x in data]
    assert keys == sorted(keys)


def test_api_events_fields(client):
    data = client.get("/api/events", params={"fields": "event_id,fatalities,country"}).json()
    assert all(set(x) == {"event_id", "fatalities", "country"} for x in data["data"])


def test_api_events_json_item_shape(client, st):
    item = client.get("/api/events", params={"sub_event_type": "Air/drone strike"}).json()["data"][
        0
    ]
    assert list(item) == list(EVENT_FIELDS)
    record = next(st.records())
    assert list(event_json(record)) == list(EVENT_FIELDS)


def test_api_events_csv(client):
    response = client.get("/api/events", params={"format": "csv", "country": "SY"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == EXPECTED_COLUMNS
    assert {r["country"] for r in rows} == {"Syria"} and len(rows) == 3


def test_api_events_geojson(client):
    response = client.get("/api/events", params={"format": "geojson"})
    assert response.status_code == 200
    data = response.json()
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 3
    assert all(f["geometry"]["type"] == "Point" for f in data["features"])


def test_api_events_jsonl_and_parquet(client, tmp_path: Path):
    lines = client.get("/api/events", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 4 and all("evidence" in json.loads(x) for x in lines)
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "x.parquet"
    path.write_bytes(client.get("/api/events", params={"format": "parquet"}).content)
    assert pq.read_table(path).num_rows == 4


def test_api_events_stream_limit(client):
    text = client.get("/api/events", params={"format": "csv", "limit": 1}).text
    assert len(text.strip().splitlines()) == 2


def test_api_event_detail(client, st):
    strike = sample.syria().events[0]
    body = client.get(f"/api/events/{strike.id}").json()
    assert body["ok"] is True
    data = body["data"]
    assert data["event_id"] == strike.id
    assert data["event"]["actor1"]["span"]["text"] == "Government aircraft"
    assert [e["field"] for e in data["evidence"]] == ["trigger", "sentence", "place", "fatalities"]
    assert data["articles"][0]["id"] == strike.article_id
    assert data["articles"][0]["outlet"] == "Levant Monitor"
    assert "text" not in data["articles"][0]


def test_api_event_404(client):
    assert_error(client.get("/api/events/e0000"), 404, "no event")


def test_api_article_with_spans(client):
    coded = sample.syria()
    data = client.get(f"/api/articles/{coded.article.id}").json()["data"]
    assert data["text"] == coded.article.text
    assert len(data["events"]) == 2
    for event in data["events"]:
        for span in event["spans"]:
            assert data["text"][span["start"] : span["end"]] == span["text"]
    assert data["figures"][0]["kind"] == "displaced"


def test_api_article_404(client):
    assert_error(client.get("/api/articles/a-missing"), 404, "no article")


def test_api_unknown_route_json_404(client):
    assert_error(client.get("/api/nothing-here"), 404, "not found")


def test_api_stats(client):
    body = client.get("/api/stats").json()
    assert body["totals"]["events"] == 6 and body["count"] == 4
    assert {d["event_date"]: d["events"] for d in body["by_day"]} == {
        "2026-03-02": 1,
        "2026-03-03": 2,
        "2026-03-04": 1,
    }
    assert {d["country_iso2"] for d in body["by_country"]} == {"SY", "IQ"}
    assert {(d["event_date"], d["event_type"]) for d in body["by_day_type"]} >= {
        ("2026-03-03", "Battles")
    }
    only = client.get("/api/stats", params={"by": "type", "country": "IQ"}).json()
    assert only["by_type"] == [{"event_type": "Protests", "events": 1, "fatalities": 0}]
    assert_error(client.get("/api/stats", params={"by": "colour"}), 422, "unknown grouping")


def test_api_deleted_feed(client, st):
    coded = sample.syria()
    st.save(
        CodedArticle(
            coded.article, events=(replace(coded.events[1], fatalities=2),), figures=coded.figures
        )
    )
    body = client.get("/api/deleted", params={"since": "2000-01-01"}).json()
    assert [d["event_id"] for d in body["data"]] == [coded.events[0].id]
    assert client.get("/api/deleted", params={"since": "2100-01-01"}).json()["count"] == 0
    assert_error(client.get("/api/deleted", params={"since": "soon"}), 422, "since")


def test_api_meta_and_openapi(client):
    meta = client.get("/api/meta").json()
    assert meta["writable"] is False
    assert "Battles" in meta["event_types"]
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/deleted",
    } <= set(schema["paths"])
    assert "post" not in schema["paths"].get("/api/articles", {})
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {
        "country",
        "iso",
        "event_date_from",
        "event_date_to",
        "bbox",
        "q",
        "sort",
        "fields",
        "format",
        "limit",
        "offset",
        "updated_since",
        "min_precision",
    } <= params


def test_api_read_only_without_token(client):
    response = client.post("/api/articles", json={"text": "Some text."})
    assert response.status_code in (404, 405)
    assert response.json()["ok"] is False


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": TOKEN},
        {"Authorization": f"Basic {TOKEN}"},
    ],
)
def test_api_post_needs_token_401(writable, headers):
    response = writable.post("/api/articles", json={"text": "x"}, headers=headers)
    assert_error(response, 401, "token")
    assert response.headers["www-authenticate"] == "Bearer"
    # authentication comes before body validation
    assert writable.post("/api/articles", json={}, headers=headers).status_code == 401


def test_api_post_validates_body_422(writable):
    response = writable.post(
        "/api/articles", json={"title": "no text"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert_error(response, 422, "text")
    assert writable.get("/api/meta").json()["writable"] is True
    schema = writable.get("/openapi.json").json()
    assert "post" in schema["paths"]["/api/articles"]


@pytest.mark.slow
def test_api_post_codes_article(writable, st):
    """The real pipeline (spaCy model + gazetteer) codes a posted article into the store."""
    pytest.importorskip("marsad.pipeline")
    text = (
        "Two soldiers were killed on Sunday when militants attacked an army post near the town of "
        "Palmyra in central Syria, a military source said. The army said it repelled the attack."
    )
    response = writable.post(
        "/api/articles",
        json={
            "text": text,
            "title": "Post attacked",
            "outlet": "Test Wire",
            "published": "2026-03-08",
        },
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    if response.status_code == 503:
        pytest.skip(f"pipeline unavailable: {response.json()['error']}")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["ok"] is True
    assert st.has_article(body["article_id"])
    assert st.article(body["article_id"]).outlet == "Test Wire"
    assert isinstance(body["events"], list)


def test_api_dashboard_served_with_csp(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "<script" in response.text


def test_api_count_capped(client, monkeypatch: pytest.MonkeyPatch):
    from marsad.serve import api

    monkeypatch.setattr(api, "COUNT_CAP", 2)
    body = client.get("/api/events", params={"limit": 2}).json()
    assert (body["count"], body["count_exact"]) == (2, False)
    assert body["next"] is not None  # a full page: there may be more
    body = client.get("/api/events", params={"limit": 2, "q": "tear gas"}).json()
    assert (body["count"], body["count_exact"]) == (1, True)
    last = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert len(last["data"]) == 2 and last["count"] >= 2


# -- PLOVER interactions: the real pipeline over tests/conftest.py DIPLOMACY and SECURITY ------

ALL_READINGS = ["COERCE", "ASSAULT", "CONSULT", "SANCTION", "AGREE"]


@pytest.fixture()
def plover_client(tmp_path: Path, plover_articles):
    from marsad import store

    s = store.open(tmp_path / "plover.db")
    for coded in plover_articles:
        s.save(coded)
    with TestClient(create_app(s)) as c:
        yield c
    s.close()


def readings(response) -> list[str]:
    body = response.json()
    assert response.status_code == 200, body
    assert body["ok"] is True
    return [item["plover_type"] for item in body["data"]]


def readings_of(body: dict) -> list[str]:
    return [x["plover_type"] for x in body["data"]]


def test_api_interactions_item(plover_client, plover_articles):
    from marsad.serve.interactions import INTERACTION_FIELDS

    body = plover_client.get("/api/interactions").json()
    assert (body["count"], body["count_exact"], body["next"]) == (5, True, None)
    assert [x["plover_type"] for x in body["data"]] == ALL_READINGS
    consult = body["data"][2]
    assert list(consult) == [*INTERACTION_FIELDS, "article", "evidence"]
    assert consult["source_name"] == "Iran's foreign minister"
    assert (consult["source_country"], consult["target_country"]) == ("IR", "TR")
    assert (consult["date_start"], consult["date_precision"]) == ("2024-05-13", "day")
    assert consult["trigger"] == "met" and consult["modality"] == "asserted"
    assert consult["article"]["outlet"] == "Test Wire"
    assert consult["article"]["published"] == "2024-05-15"
    text = plover_articles[0].article.text
    assert [e["field"] for e in consult["evidence"]] == [
        "trigger",
        "sentence",
        "source",
        "target",
        "date",
    ]
    for span in consult["evidence"]:
        assert text[span["start"] : span["end"]] == span["text"]
    sanction = body["data"][3]
    assert sanction["target_name"] == "Military Forces of South Sudan"
    assert sanction["target_text"] == "South Sudan's army chief"
    assert sanction["target_kind"] == "State forces"
    agree = body["data"][4]  # no date in the sentence: the publication date, no span
    assert (agree["date_start"], agree["date_precision"]) == ("2024-05-15", "week")
    assert "date" not in [e["field"] for e in agree["evidence"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"plover_type": "CONSULT"}, ["CONSULT"]),
        ({"plover_type": "consult,sanction"}, ["CONSULT", "SANCTION"]),
        ([("plover_type", "ASSAULT"), ("plover_type", "AGREE")], ["ASSAULT", "AGREE"]),
        ({"modality": "hedged"}, ["AGREE"]),
        ({"source": "SDF"}, ["COERCE"]),
        ({"source": "Syrian Democratic Forces"}, ["COERCE"]),
        ({"target": "south sudan"}, ["SANCTION"]),
        ({"actor": "Military Forces of"}, ["ASSAULT", "SANCTION"]),
        ({"country": "Turkey"}, ["CONSULT"]),
        ({"source_country": "IR", "target_country": "TUR"}, ["CONSULT"]),
        ({"source_country": "TR"}, []),
        ({"date_from": "2024-05-14"}, ["COERCE", "ASSAULT", "AGREE"]),
        ({"date_from": "2024-05-01", "date_to": "2024-05-13"}, ["CONSULT", "SANCTION"]),
    ],
)
def test_api_interactions_filters(plover_client, params, expected):
    assert readings(plover_client.get("/api/interactions", params=params)) == expected


def test_api_interactions_article_filter(plover_client, plover_articles):
    security = plover_articles[1]
    response = plover_client.get("/api/interactions", params={"article_id": security.article.id})
    assert readings(response) == ["COERCE", "ASSAULT"]


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"plover_type": "CHAT"}, "unknown PLOVER type 'CHAT'"),
        ({"modality": "rumoured"}, "unknown modality"),
        ({"country": "Atlantis"}, "unknown country 'Atlantis'"),
        ({"source_country": "Narnia"}, "unknown source_country"),
        ({"date_from": "May"}, "bad date 'May' for date_from"),
        ({"date_from": "2024-06-01", "date_to": "2024-05-01"}, "empty date range"),
        ({"format": "xml"}, "bad format"),
        ({"limit": 6000}, "over 5000"),
        ({"offset": -1}, "offset"),
    ],
)
def test_api_interactions_invalid_422(plover_client, params, fragment):
    assert_error(plover_client.get("/api/interactions", params=params), 422, fragment)


def test_api_interactions_paging(plover_client):
    first = plover_client.get("/api/interactions", params={"limit": 2}).json()
    assert first["count"] == 5 and readings_of(first) == ALL_READINGS[:2]
    assert first["next"] and "offset=2" in first["next"]
    second = plover_client.get(first["next"]).json()
    assert readings_of(second) == ALL_READINGS[2:4]
    page3 = plover_client.get("/api/interactions", params={"limit": 2, "page": 3}).json()
    assert readings_of(page3) == ALL_READINGS[4:] and page3["next"] is None
    assert page3["offset"] == 4


def test_api_interactions_csv_and_jsonl(plover_client):
    from marsad.serve.interactions import CSV_COLUMNS

    response = plover_client.get("/api/interactions", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["plover_type"] for r in rows] == ALL_READINGS
    coerce = rows[0]
    assert (coerce["source_name"], coerce["source_text"], coerce["plover_mode"]) == (
        "Syrian Democratic Forces",
        "SDF",
        "arrest",
    )
    assert coerce["article_outlet"] == "Test Wire" and coerce["date_start"] == "2024-06-01"
    limited = plover_client.get(
        "/api/interactions", params={"format": "csv", "plover_type": "SANCTION", "limit": 1}
    )
    assert len(limited.text.strip().splitlines()) == 2
    lines = plover_client.get("/api/interactions", params={"format": "jsonl"}).text.splitlines()
    data = plover_client.get("/api/interactions").json()["data"]
    assert [json.loads(x) for x in lines] == data


def test_api_interactions_beside_article_stats_meta(plover_client, plover_articles):
    diplomacy = plover_articles[0]
    article = plover_client.get(f"/api/articles/{diplomacy.article.id}").json()["data"]
    assert [x["plover_type"] for x in article["interactions"]] == ["CONSULT", "SANCTION", "AGREE"]
    assert article["events"] == []  # diplomacy is no ACLED event
    assert plover_client.get("/api/stats").json()["totals"]["interactions"] == 5
    meta = plover_client.get("/api/meta").json()
    assert "CONSULT" in meta["plover_types"] and len(meta["plover_types"]) == 16
    assert "source_name" in meta["interaction_fields"]
    schema = plover_client.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/interactions"]["get"]["parameters"]}
    assert {
        "plover_type",
        "modality",
        "source",
        "target",
        "actor",
        "country",
        "source_country",
        "target_country",
        "date_from",
        "date_to",
        "article_id",
        "limit",
        "offset",
        "page",
        "format",
    } <= params


@pytest.mark.slow
def test_api_post_returns_interactions(writable, st):
    from tests.conftest import DIPLOMACY

    response = writable.post(
        "/api/articles",
        json={"text": DIPLOMACY, "published": "2024-05-15"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert [x["plover_type"] for x in body["interactions"]] == ["CONSULT", "SANCTION", "AGREE"]
    assert [i.type for i in st.interactions(article_id=body["article_id"])] == [
        "CONSULT",
        "SANCTION",
        "AGREE",
    ]
