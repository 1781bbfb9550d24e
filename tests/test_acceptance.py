"""The acceptance example: ingest the sample article of ../shared/samples, export ACLED CSV, and
compare field by field with the careful human reading beside it (skipped without ../shared)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.eval.sample import score
from marsad.serve.acled import ACLED_COLUMNS

SAMPLE = "dawn-2019-02-11"


@pytest.fixture(scope="module")
def expected(shared):
    return json.loads((shared / "samples" / f"{SAMPLE}.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exported(tmp_path_factory, gazetteer, shared):
    db = tmp_path_factory.mktemp("acceptance") / "marsad.db"
    article = shared / "samples" / f"{SAMPLE}.txt"
    runner = CliRunner()
    result = runner.invoke(cli, ["ingest", str(article), "--db", str(db)])
    assert result.exit_code == 0, result.output
    out = runner.invoke(cli, ["export", "--format", "acled-csv", "--db", str(db)])
    assert out.exit_code == 0, out.output
    jsonl = runner.invoke(cli, ["export", "--format", "jsonl", "--db", str(db)])
    return list(csv.DictReader(io.StringIO(out.output))), [
        json.loads(x) for x in jsonl.output.splitlines()
    ]


def _row_for(rows, exp):
    """The exported row for an expected event: its evidence in the notes, its type if several."""
    matches = [r for r in rows if all(e in r["notes"] for e in exp["evidence_contains"])]
    assert matches, f"no exported event has {exp['evidence_contains']!r} in its notes"
    typed = [r for r in matches if r["sub_event_type"] in exp["acled_sub_event_type"]]
    return (typed or matches)[0]


def test_acceptance_csv_has_acled_columns(exported):
    rows, _ = exported
    assert list(rows[0].keys()) == list(ACLED_COLUMNS)
    assert len(ACLED_COLUMNS) == 31


def test_acceptance_events_field_by_field(exported, expected):
    rows, _ = exported
    assert len(rows) == len(expected["events"]), [r["sub_event_type"] for r in rows]
    for exp in expected["events"]:
        row = _row_for(rows, exp)
        assert row["event_type"] == exp["acled_event_type"], exp["id"]
        assert row["sub_event_type"] in exp["acled_sub_event_type"], exp["id"]
        assert row["event_date"] == exp["date"], exp["id"]
        assert int(row["time_precision"]) == exp["time_precision"], exp["id"]
        actors = " | ".join(
            [row["actor1"], row["actor2"], row["assoc_actor_1"], row["assoc_actor_2"]]
        )
        for name in exp.get("actors", []):
            acled = {
                "Syrian Democratic Forces": "QSD: Syrian Democratic Forces",
                "Islamic State": "Islamic State",
                "US-led coalition": "Global Coalition Against Daesh",
                "Russia": "Russia",
            }[name]
            assert acled in actors, (exp["id"], actors)
        assert row["country"] == {"SY": "Syria", "IQ": "Iraq"}[exp["country_iso"]], exp["id"]
        if "admin1" in exp:
            assert row["admin1"] == exp["admin1"], exp["id"]
        if "geo_precision" in exp:
            assert int(row["geo_precision"]) in exp["geo_precision"], exp["id"]
        for evidence in exp["evidence_contains"]:
            assert evidence in row["notes"], exp["id"]
        for source in exp.get("sources", []):
            assert source in row["source"], (exp["id"], row["source"])


def test_acceptance_sample_scores_every_field(exported, expected, gazetteer, settings, shared):
    from marsad import ingest
    from marsad.pipeline import code_article

    article = next(a for a in ingest.read([shared / "samples" / f"{SAMPLE}.txt"], settings))
    result = score(code_article(article, settings), expected)
    assert result["events_found"] == result["events_expected"] == 5
    assert result["extra_new_events"] == 0
    assert all(v == 1.0 for v in result["fields"].values()), result["fields"]
    assert result["not_new_events_coded_as_new"] == 0, result["not_new_events_wrongly_coded"]
    assert result["figures_not_events_correct"] == 1.0, result["figures_not_events"]


def test_acceptance_displacement_is_a_lower_bound_from_the_monitor(
    exported, gazetteer, settings, shared
):
    from marsad import ingest
    from marsad.pipeline import code_article

    article = next(a for a in ingest.read([shared / "samples" / f"{SAMPLE}.txt"], settings))
    coded = code_article(article, settings)
    (displaced,) = [f for f in coded.figures if f.kind == "displaced"]
    assert (displaced.low, displaced.high) == (37000, None)
    assert displaced.source == "Syrian Observatory for Human Rights"
    assert article.text[displaced.span.start : displaced.span.end] == displaced.span.text


def test_acceptance_a_backer_named_twice_is_associated_once(exported):
    """The coalition backs the SDF in two sentences, by two names ("US-led coalition",
    "coalition"): one associated actor."""
    rows, _ = exported
    for row in rows:
        for column in ("assoc_actor_1", "assoc_actor_2"):
            names = [n for n in row[column].split("; ") if n]
            assert len(names) == len(set(names)), (row["sub_event_type"], row[column])


def test_acceptance_jsonl_keeps_spans(exported):
    _, lines = exported
    assert lines
    for line in lines:
        assert {"event_id", "article", "evidence", "figures", "modality", "plover_type"} <= set(
            line
        )
        assert {"id", "url", "outlet", "title", "published"} <= set(line["article"])
        for ev in line["evidence"]:
            assert {"field", "article_id", "start", "end", "text"} <= set(ev)
