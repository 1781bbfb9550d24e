from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from marsad import store
from marsad.errors import MarsadError
from marsad.model import Figure
from marsad.serve import exports
from marsad.serve.acled import ACLED_COLUMNS, disorder_type, figure_tag, interaction

EXPECTED_COLUMNS = [
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
]


def export_text(st, fmt: str, **filters) -> tuple[str, dict]:
    buf = io.StringIO()
    counts: dict = {}
    exports.write_export(st.events(**filters), fmt, buf, store=st, counts=counts)
    return buf.getvalue(), counts


def test_exports_acled_csv_columns_exact(st):
    assert list(ACLED_COLUMNS) == EXPECTED_COLUMNS
    text, counts = export_text(st, "acled-csv")
    reader = csv.DictReader(io.StringIO(text))
    assert reader.fieldnames == EXPECTED_COLUMNS
    rows = list(reader)
    assert len(rows) == counts["written"] == 4


def test_exports_acled_csv_values(st):
    text, _ = export_text(st, "acled-csv")
    rows = {r["sub_event_type"]: r for r in csv.DictReader(io.StringIO(text))}
    strike = rows["Air/drone strike"]
    assert strike["event_id_cnty"].startswith("SYR") and strike["event_id_cnty"][3:].isdigit()
    assert strike["iso"] == "760"
    assert strike["country"] == "Syria"
    assert strike["region"] == "Middle East"
    assert strike["disorder_type"] == "Political violence"
    assert strike["actor1"] == "Military Forces of Syria (2000-)"
    assert strike["actor2"] == "Civilians (Syria)"
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("1", "7", "17")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert strike["fatalities"] == "14"
    assert strike["time_precision"] == "1"
    assert strike["year"] == "2026"
    assert strike["geo_precision"] == "1"
    assert strike["source"] == "Levant Monitor; a local rescue worker"
    assert strike["notes"].startswith("Government aircraft struck a vegetable market")
    assert strike["tags"] == "killed=14"
    assert int(strike["timestamp"]) > 1_700_000_000
    clash = rows["Armed clash"]
    assert clash["interaction"] == "12"
    assert clash["assoc_actor_1"] == "tribal fighters"
    assert clash["fatalities"] == "0"  # ACLED: 0 when unknown
    assert clash["civilian_targeting"] == ""
    protest = rows["Protest with intervention"]
    assert protest["disorder_type"] == "Demonstrations"
    assert protest["tags"] == "crowd size=several hundred; injured=2"
    assert protest["country"] == "Iraq" and protest["iso"] == "368"
    # event_id_cnty is stable across exports
    again, _ = export_text(st, "acled-csv")
    assert again.splitlines()[1].split(",")[0] == text.splitlines()[1].split(",")[0]


@pytest.mark.parametrize(
    "event_type,sub_type,expected",
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Riots", "Mob violence", "Political violence; Demonstrations"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Strategic developments", "Arrests", "Strategic developments"),
    ],
)
def test_exports_disorder_type(event_type, sub_type, expected):
    assert disorder_type(event_type, sub_type) == expected


@pytest.mark.parametrize(
    "a,b,expected",
    [(1, 7, 17), (7, 1, 17), (2, 3, 23), (2, None, 20), (None, None, None), (6, 6, 66)],
)
def test_exports_interaction(a, b, expected):
    assert interaction(a, b) == expected


@pytest.mark.parametrize(
    "fig,tag",
    [
        (Figure("displaced", low=37000), "displaced>=37000"),
        (Figure("displaced", low=2000, unit="families"), "displaced>=2000 families"),
        (Figure("killed", low=3, best=4, high=6), "killed=3-6"),
        (Figure("people", vague="dozens"), "crowd size=dozens"),
        (Figure("killed", best=12), "killed=12"),
        (Figure("area", best=2.5, unit="km2"), "area=2.5 km2"),
    ],
)
def test_exports_figure_tags(fig, tag):
    assert figure_tag(fig) == tag


def test_exports_jsonl_keys_and_order(st):
    text, counts = export_text(st, "jsonl", include_background=True)
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == counts["written"] == 6
    required = set(EXPECTED_COLUMNS) | {
        "event_id",
        "article",
        "evidence",
        "figures",
        "modality",
        "plover_type",
        "plover_mode",
        "date_start",
        "date_end",
        "actor1_id",
        "actor2_id",
        "background",
        "confidence",
        "sources",
    }
    for line in lines:
        assert required <= set(line)
        assert set(line["article"]) == {"id", "url", "outlet", "title", "published"}
        for ev in line["evidence"]:
            assert set(ev) == {"field", "article_id", "start", "end", "text"}
    order = [(x["article"]["id"], min(ev["start"] for ev in x["evidence"])) for x in lines]
    assert order == sorted(order)
    strike = next(x for x in lines if x["sub_event_type"] == "Air/drone strike" and x["is_new"])
    assert strike["article"]["outlet"] == "Levant Monitor"
    assert strike["figures"][0]["kind"] == "killed"
    assert strike["figures"][0]["span"]["text"] == "at least 14"
    assert strike["plover_type"] == "ASSAULT"


def test_exports_jsonl_evidence_offsets_match_article(st):
    text, _ = export_text(st, "jsonl")
    for line in map(json.loads, text.splitlines()):
        article = st.article(line["article"]["id"])
        for ev in line["evidence"]:
            assert article.text[ev["start"] : ev["end"]] == ev["text"]


def test_exports_geojson_valid(st, tmp_path: Path):
    path = tmp_path / "events.geojson"
    counts: dict = {}
    n = exports.write_export(st.events(), "geojson", path, store=st, counts=counts)
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    assert n == len(data["features"]) == 3
    assert counts["skipped_no_coordinates"] == 1  # the province-level abduction
    for feat in data["features"]:
        assert feat["type"] == "Feature"
        lon, lat = feat["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert "evidence" not in feat["properties"]
        assert feat["properties"]["notes"]


def test_exports_geojson_empty(tmp_path: Path):
    s = store.open(tmp_path / "empty.db")
    buf = io.StringIO()
    assert exports.write_export(s.events(), "geojson", buf, store=s) == 0
    assert json.loads(buf.getvalue()) == {"type": "FeatureCollection", "features": []}
    s.close()


def test_exports_parquet_round_trip(st, tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    n = exports.write_export(st.events(include_background=True), "parquet", path, store=st)
    table = pq.read_table(path)
    assert n == table.num_rows == 6
    assert table.column_names[:31] == EXPECTED_COLUMNS
    assert {"event_id", "article_id", "evidence"} <= set(table.column_names)
    rows = table.to_pylist()
    strike = next(
        r for r in rows if r["sub_event_type"] == "Air/drone strike" and not r["background"]
    )
    assert strike["iso"] == 760 and strike["fatalities"] == 14
    assert json.loads(strike["evidence"])[0]["field"] == "trigger"


def test_exports_parquet_streamed_chunks(st, tmp_path: Path):
    pq = pytest.importorskip("pyarrow.parquet")
    chunks = list(exports.iter_export(st.records(), "parquet"))
    path = tmp_path / "chunks.parquet"
    path.write_bytes(b"".join(chunks))
    assert pq.read_table(path).num_rows == 4


def test_exports_streams_without_materialising(st):
    """The writer pulls events one by one: a generator is consumed lazily chunk by chunk."""
    pulled = []

    def events():
        for e in st.events():
            pulled.append(e.id)
            yield e

    chunks = exports.iter_export(events(), "jsonl", store=st)
    assert pulled == []  # nothing read before the first chunk is asked for
    assert "".join(chunks).count("\n") == 4


def test_exports_binary_handle_and_path(st, tmp_path: Path):
    raw = io.BytesIO()
    exports.write_export(st.events(), "acled-csv", raw, store=st)
    assert raw.getvalue().decode().splitlines()[0] == ",".join(EXPECTED_COLUMNS)
    path = tmp_path / "out.csv"
    exports.write_export(st.records(), "csv", path)
    assert path.read_text().count("\n") == 5
    assert not (tmp_path / "out.csv.part").exists()


def test_exports_unknown_format(st):
    with pytest.raises(MarsadError, match=r"\[E003\]"):
        exports.write_export(st.events(), "xlsx", io.StringIO(), store=st)
