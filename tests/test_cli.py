"""The CLI end to end on real inputs: real model, real gazetteer, real SQLite."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from marsad import store as store_stage
from marsad.cli import cli, example_paths
from tests.ingest.inputs import undecodable_bytes

ARTICLE = (
    "Rebels seize checkpoint near Idlib\n\n"
    "Published on March 3, 2020\n\n"
    "Hayat Tahrir al-Sham fighters clashed with Syrian government forces near Saraqib on Monday, "
    "killing at least 11 soldiers, the Syrian Observatory for Human Rights said.\n\n"
    "Russian warplanes carried out air strikes on the town of Ariha on Tuesday, a monitor said.\n"
)


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "inbox"
    (root / "nested").mkdir(parents=True)
    (root / "idlib.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(example_paths()[0], root / "nested" / "sample.txt")
    return root


def _invoke(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def test_cli_ingest_twice_leaves_store_unchanged(folder, tmp_path, gazetteer):
    db = tmp_path / "m.db"
    first = _invoke("ingest", folder, "--db", db)
    assert "coded 2 articles" in first.output
    st = store_stage.open(db)
    before = st.dump()
    st.close()
    second = _invoke("ingest", folder, "--db", db)
    assert "coded 0 articles" in second.output and "2 duplicates skipped" in second.output
    st = store_stage.open(db)
    assert st.dump() == before
    st.close()


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "R002"),
        ("empty.txt", b"   \n\n ", "R001"),
        ("broken.txt", undecodable_bytes(), "R003"),
    ],
)
def test_cli_corrupt_file_rejected_rest_coded(folder, tmp_path, gazetteer, name, content, code):
    (folder / name).write_bytes(content)
    db = tmp_path / "m.db"
    result = _invoke("ingest", folder, "--db", db)
    assert "coded 2 articles" in result.output
    assert f"[{code}]" in result.output and name in result.output
    st = store_stage.open(db)
    rejections = st.rejections()
    st.close()
    assert [r.code for r in rejections] == [code]
    assert rejections[0].reason


def test_cli_code_json_has_spans(tmp_path, gazetteer):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    payload = json.loads(_invoke("code", path, "--json").output)
    events = payload["events"]
    clash = next(e for e in events if e["sub_type"] == "Armed clash")
    assert clash["actor1"]["canonical_id"] == "hts"
    assert clash["actor2"]["canonical_id"] == "syria_military"
    assert clash["when"]["start"] == "2020-03-02"
    assert clash["fatalities"] == 11
    assert clash["sources"] == ["Syrian Observatory for Human Rights"]
    for ev in clash["evidence"]:
        span = ev["span"]
        assert ARTICLE[span["start"] : span["end"]] == span["text"]
    strike = next(e for e in events if e["sub_type"] == "Air/drone strike")
    assert strike["actor1"]["canonical_id"] == "russia_military"
    assert strike["when"]["start"] == "2020-03-03"


def test_cli_events_filters(folder, tmp_path, gazetteer):
    db = tmp_path / "m.db"
    _invoke("ingest", folder, "--db", db)
    assert "Air/drone strike" in _invoke("events", "--db", db, "--type", "Air/drone strike").output
    lines = _invoke(
        "events", "--db", db, "--json", "--country", "SY", "--since", "2020-01-01"
    ).output.splitlines()
    assert lines and all(json.loads(x)["when"]["start"] >= "2020-01-01" for x in lines)
    none = _invoke("events", "--db", db, "--actor", "Hezbollah").output
    assert "No events." in none
    bad = CliRunner().invoke(cli, ["events", "--db", str(db), "--since", "March"])
    assert bad.exit_code == 2 and "E007" in bad.output


@pytest.mark.parametrize("fmt", ["acled-csv", "jsonl", "geojson", "parquet"])
def test_cli_export_formats_to_file(folder, tmp_path, gazetteer, fmt):
    db = tmp_path / "m.db"
    _invoke("ingest", folder, "--db", db)
    out = tmp_path / f"out.{fmt}"
    _invoke("export", "--format", fmt, "--db", db, "-o", out)
    assert out.stat().st_size > 0


def test_cli_demo_codes_bundled_examples(tmp_path, gazetteer):
    db = tmp_path / "demo.db"
    result = _invoke("demo", "--db", db)
    assert "coded 3 example articles" in result.output
    for sub_type in ("Abduction/forced disappearance", "Air/drone strike", "Excessive force"):
        assert sub_type in result.output


def test_cli_interactions(tmp_path, gazetteer):
    """PLOVER interactions from ingest to `marsad interactions` (table, JSON Lines, CSV)."""
    from tests.conftest import DIPLOMACY

    root = tmp_path / "diplomacy"
    root.mkdir()
    (root / "brief.txt").write_text(
        f"Wednesday briefing\n\nPublished on May 15, 2024\n\n{DIPLOMACY}\n", encoding="utf-8"
    )
    db = tmp_path / "p.db"
    assert "0 events and 3 PLOVER interactions stored" in _invoke("ingest", root, "--db", db).output
    table = _invoke("interactions", "--db", db).output
    assert "2024-05-13 (day)  CONSULT  Iran's foreign minister [IR] -> Turkish [TR]" in table
    assert (
        "2024-05-03 (day)  SANCTION  Kenya [KE] -> Military Forces of South Sudan"
        ' ("South Sudan\'s army chief") [SS]'
    ) in table
    assert "2024-05-15 (week)  AGREE  [hedged]  Norway [NO] -> Sudan [SD]" in table
    assert 'trigger: "met"' in table
    assert table.index("CONSULT") < table.index("SANCTION") < table.index("AGREE")

    (line,) = _invoke("interactions", "--db", db, "--type", "sanction", "--json").output.split(
        "\n"
    )[:-1]
    item = json.loads(line)
    assert (item["source_name"], item["target_text"], item["date_start"]) == (
        "Kenya",
        "South Sudan's army chief",
        "2024-05-03",
    )
    assert item["article"]["title"] == "Wednesday briefing"
    assert [e["field"] for e in item["evidence"]] == [
        "trigger",
        "sentence",
        "source",
        "target",
        "date",
    ]
    paged = _invoke("interactions", "--db", db, "--json", "--limit", "1", "--offset", "1")
    assert [json.loads(x)["plover_type"] for x in paged.output.splitlines()] == ["SANCTION"]
    hedged = _invoke("interactions", "--db", db, "--modality", "hedged,denied", "--json")
    assert [json.loads(x)["plover_type"] for x in hedged.output.splitlines()] == ["AGREE"]
    both = _invoke("interactions", "--db", db, "--type", "CONSULT", "--type", "AGREE", "--json")
    assert [json.loads(x)["plover_type"] for x in both.output.splitlines()] == [
        "CONSULT",
        "AGREE",
    ]

    rows = list(csv.DictReader(io.StringIO(_invoke("interactions", "--db", db, "--csv").output)))
    assert [r["plover_type"] for r in rows] == ["CONSULT", "SANCTION", "AGREE"]
    assert rows[0]["source_country"] == "IR" and rows[0]["trigger"] == "met"
    dyad = _invoke(
        "interactions", "--db", db, "--source-country", "IR", "--target-country", "Turkey"
    )
    assert "CONSULT" in dyad.output and "SANCTION" not in dyad.output
    assert "No interactions." in _invoke("interactions", "--db", db, "--actor", "Hezbollah").output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--type", "CHAT"], 1, "unknown PLOVER type 'CHAT'"),
        (["--country", "Atlantis"], 1, "unknown country 'Atlantis'"),
        (["--since", "March"], 2, "E007"),
        (["--json", "--csv"], 2, "--json and --csv: choose one"),
    ],
)
def test_cli_interactions_bad_options(tmp_path, args, code, message):
    result = CliRunner().invoke(cli, ["interactions", "--db", str(tmp_path / "e.db"), *args])
    assert result.exit_code == code and message in result.output


def test_cli_recode_fills_what_an_older_store_lacks(folder, tmp_path, gazetteer):
    """A store made before the PLOVER table existed has no readings and `ingest` skips its
    articles; `recode` codes them again: the readings come back, the events stay as they were."""
    db = tmp_path / "m.db"
    _invoke("ingest", folder, "--db", db)
    st = store_stage.open(db)
    readings = [r.interaction for r in st.interaction_records()]
    events = [e.id for e in st.events(include_background=True)]
    conn = st.connect()
    with conn:  # what an upgraded store holds: the table is there, empty
        conn.execute("DELETE FROM interaction_docs")
        conn.execute("DELETE FROM interactions")
        conn.execute("UPDATE articles SET interactions_hash = NULL")
    conn.close()
    st.close()
    assert readings and events
    assert "coded 0 articles" in _invoke("ingest", folder, "--db", db).output
    result = _invoke("recode", "--db", db, "--quiet")
    assert "coded 2 articles" in result.output
    assert f"{len(readings)} PLOVER interactions stored" in result.output
    st = store_stage.open(db)
    assert [r.interaction for r in st.interaction_records()] == readings
    assert [e.id for e in st.events(include_background=True)] == events
    assert st.deleted() == []
    st.close()
