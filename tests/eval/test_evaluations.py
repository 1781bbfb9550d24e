"""The `marsad eval` commands on small gold files written here (own sentences, same formats as
the public corpora), and the CASE 2021 contract: what eval scores is what the product exports."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from marsad.cli import cli

CASE_ROWS = [
    (
        "1",
        "Government warplanes bombed a market in the northern town on Friday, "
        "killing twelve people.",
        "AIR_STRIKE",
    ),
    (
        "2",
        "Thousands of teachers marched peacefully through the capital demanding higher wages.",
        "PEACE_PROTEST",
    ),
    ("3", "Police arrested four men suspected of smuggling weapons across the border.", "ARREST"),
    (
        "4",
        "A strong earthquake struck the coastal province, destroying hundreds of homes.",
        "NATURAL_DISASTER",
    ),
]


@pytest.fixture()
def case_file(tmp_path):
    path = tmp_path / "case.tsv"
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in CASE_ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("extra", [[], ["--rules-only"]])
def test_eval_case21_json(case_file, gazetteer, extra):
    result = CliRunner().invoke(cli, ["eval", "case21", str(case_file), "--json", *extra])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["snippets"] == 4 and data["inside_acled"] == 3 and data["outside_acled"] == 1
    for key in ("weighted_f1", "macro_f1", "accuracy", "false_alarm_violent"):
        assert 0.0 <= data[key] <= 1.0
    assert set(data["per_class"]) >= {"Air/drone strike", "Peaceful protest", "Arrests"}
    assert data["false_alarm_violent"] == 0.0  # the earthquake is not political violence


def test_eval_case21_product_path_equals_eval_path(case_file, tmp_path, gazetteer, settings):
    """Ingest the snippets as JSON Lines, export JSON Lines: each article's first exported event
    has the sub-type the evaluation scores."""
    from marsad.eval.case21 import NONE, predict, read_case21

    rows = read_case21(case_file)
    jsonl = tmp_path / "snippets.jsonl"
    jsonl.write_text("".join(json.dumps({"text": r.text}) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "m.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(jsonl), "--db", str(db)]).exit_code == 0
    out = runner.invoke(cli, ["export", "--format", "jsonl", "--db", str(db)])
    assert out.exit_code == 0, out.output
    first: dict[str, str] = {}
    for line in out.output.splitlines():
        event = json.loads(line)
        first.setdefault(event["article"]["id"], event["sub_event_type"])
    from marsad.ids import article_id

    exported = [first.get(article_id(r.text), NONE) for r in rows]
    assert exported == predict([r.text for r in rows], settings)


def test_eval_case21_cross_validation(case_file, gazetteer, tmp_path):
    rows = [("id", "EventSnippet", "SubType")]
    texts = {
        "AIR_STRIKE": [
            "Jets bombed {} overnight.",
            "A drone strike hit a car near {}.",
            "Warplanes pounded {}.",
        ],
        "ARREST": [
            "Police detained six people in {}.",
            "Officers arrested a lawyer in {}.",
            "Police arrested two men in {}.",
        ],
    }
    for label, templates in texts.items():
        for template in templates:
            for town in ("Alpha", "Beta"):
                rows.append((str(len(rows)), template.format(town), label))
    path = tmp_path / "cv.tsv"
    path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "case21", str(path), "--cv", "3", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["mode"].startswith("3-fold") and data["snippets"] == 12


def test_eval_re3d_json(tmp_path, gazetteer):
    text = (
        "Turkish troops entered Afrin on Monday, said Recep Tayyip Erdogan, "
        "the president of Turkey."
    )

    def span(value, kind):
        start = text.index(value)
        return {"start": start, "end": start + len(value), "type": kind, "value": value}

    doc = {
        "id": "d1",
        "source": "test",
        "title": "t",
        "url": None,
        "text": text,
        "relations": [],
        "entities": [
            span("Turkish", "Nationality"),
            span("Afrin", "Location"),
            span("Recep Tayyip Erdogan", "Person"),
            span("Turkey", "Location"),
            span("Monday", "Temporal"),
        ],
    }
    path = tmp_path / "re3d.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "re3d", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["types"] == ["Location", "Nationality", "Person", "Temporal"]
    assert data["per_type"]["Location"]["tp"] >= 1
    assert 0.0 <= data["main_types_macro_f1"] <= 1.0 and 0.0 <= data["all_types_macro_f1"] <= 1.0


def test_eval_plover_json(tmp_path, gazetteer):
    record = {
        "id": "p1",
        "text": "Iraqi forces clashed with Islamic State fighters near Mosul on Tuesday.",
        "event": "ASSAULT",
        "mode": None,
        "source": [{"actorText": "Iraqi forces", "code": "IRQMIL"}],
        "target": [{"actorText": "Islamic State fighters", "code": "IMGMUSISI"}],
        "markup": "",
        "marks": [],
    }
    path = tmp_path / "plover.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "plover", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["records"] == 1
    assert data["event_type_accuracy"] == 1.0
    assert data["source_f1"] == 1.0 and data["target_f1"] == 1.0


def test_eval_plover_reciprocal_and_legacy_types(tmp_path, gazetteer):
    """A reciprocal (SRC/TAR) actor is gold for both roles; v0.5 type names compare in v1."""
    records = [
        {
            "id": "p1",
            "text": "Chile and Peru held talks on their maritime border on Monday.",
            "event": "CONSULT",
            "source": [{"actorText": "Chile", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}],
            "target": [],
            "marks": [{"tag": "SRC/TAR", "text": "Chile"}, {"tag": "SRC/TAR", "text": "Peru"}],
        },
        {
            "id": "p2",
            "text": "Canada condemned the Iranian government on Tuesday.",
            "event": "DISAPPROVE",
            "source": [{"actorText": "Canada", "code": "CAN"}],
            "target": [{"actorText": "Iranian government", "code": "IRNGOV"}],
            "marks": [],
        },
    ]
    path = tmp_path / "plover.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "plover", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["event_type_accuracy"] == 1.0
    assert data["event_type_accuracy_strict"] == 0.5  # ACCUSE is DISAPPROVE's v1 name
    assert data["source_f1"] == 1.0 and data["target_f1"] == 1.0
    assert data["per_type_accuracy"]["ACCUSE"]["records"] == 1


def test_plover_actor_match_is_word_aligned():
    from marsad.eval.plover import actor_matches, gold_roles
    from marsad.model import Actor

    assert not actor_matches(Actor(name="US"), {"actorText": "Russia", "code": "RUS"})
    assert actor_matches(Actor(name="US"), {"actorText": "US forces", "code": "USA"})
    assert actor_matches(Actor(name="x", country="RU"), {"actorText": "Moscow", "code": "RUS"})
    roles = gold_roles(
        {
            "source": [{"actorText": "A"}, {"actorText": "B"}],
            "target": [],
            "marks": [{"tag": "SRC/TAR", "text": "A"}, {"tag": "SRC/TAR", "text": "B"}],
        }
    )
    assert [g["actorText"] for g in roles["target"]] == ["A", "B"]


def test_eval_ucdp_events_json(tmp_path, gazetteer):
    columns = ["id", "source_headline", "side_a", "side_b", "best", "low", "high"]
    rows = [
        [
            "1",
            "Syrian army clashes with Islamic State near Palmyra, 7 killed",
            "Government of Syria",
            "IS",
            "7",
            "7",
            "7",
        ],
        [
            "2",
            "Storm floods valley roads",
            "Government of Syria",
            "Syrian insurgents",
            "0",
            "0",
            "0",
        ],
    ]
    path = tmp_path / "ged.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(columns)
        writer.writerows(rows)
    result = CliRunner().invoke(cli, ["eval", "ucdp-events", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["rows_scored"] == 2 and data["headlines_stating_deaths"] == 1
    assert data["dyad_exact"] == 0.5
    # Only the first headline names its sides (and states UCDP's best, 7).
    assert data["names_both_sides"] == {"rows": 1, "dyad_exact": 1.0, "side_any": 1.0}
    assert data["names_a_side"]["rows"] == 1 and data["states_best"]["rows"] == 1
    assert data["states_best"]["deaths_exact"] == 1.0


@pytest.mark.parametrize(
    ("headline", "side", "named"),
    [
        ("Loyalist gunners shell a hill town", "Government of Syria", True),
        ("The regime's helicopters drop barrels on two villages", "Government of Syria", True),
        ("Warplanes strike a bakery in the north", "Government of Syria", False),
        ("ISIS fighters retreat from the dam", "IS", True),
        ("It is quiet along the river", "IS", False),  # the verb "is" is not IS
        ("QSD units enter the old market", "SDF", True),
        ("The factions repel an attack near the airport", "Syrian insurgents", True),
        ("Fighting between Ahrar al-Sham and a rival brigade", "Syrian insurgents", True),
        ("A car bomb hits the Tigris Rangers' base", "Tigris Rangers", True),
        ("A car bomb hits a base", "Tigris Rangers, Northern Hawks", False),
        ("The Northern Hawks lose a checkpoint", "Tigris Rangers, Northern Hawks", True),
    ],
)
def test_ucdp_names_side(headline, side, named):
    from marsad.eval.ucdp import names_side

    assert names_side(headline, side) is named


@pytest.mark.parametrize(
    ("headline", "sides"),
    [
        # the government's foreign backers fighting in Syria are the government in GED
        (
            "Russian warplanes bombed a market in Idlib on Monday, killing nine civilians",
            {"Government of Syria", "Civilians"},
        ),
        # a rebel group facing the government is UCDP's collective side ...
        (
            "Clashes between Ahrar al-Sham and the Syrian army near Hama on Friday",
            {"Syrian insurgents", "Government of Syria"},
        ),
        # ... and keeps its own name against another non-state group
        (
            "Clashes between Ahrar al-Sham and the Islamic State near Hama on Friday",
            {"Ahrar al-Sham", "IS"},
        ),
        # sides named by their stance
        ("The regime shelled the eastern suburbs of Aleppo on Sunday", {"Government of Syria"}),
        (
            "Loyalists clashed with the factions near Daraa on Sunday",
            {"Government of Syria", "Syrian insurgents"},
        ),
    ],
)
def test_ucdp_sides_read_as_ged_codes_them(gazetteer, headline, sides):
    from marsad.eval.common import code_texts, first_event
    from marsad.eval.ucdp import ucdp_sides

    (coded,) = code_texts([headline])
    assert ucdp_sides(first_event(coded)) == sides


def test_ucdp_states_number():
    from marsad.eval.ucdp import states_number

    text = "40 killed today, among them nine members of the loyalist militias"
    assert states_number(text, 40) and states_number(text, 9)
    assert not states_number(text, 12) and not states_number(text, 0)
    assert not states_number("Nine villages shelled after the truce", 9)  # no death word


# re3d mention conventions (marsad.eval.re3d): own sentences, the real spaCy model, no places
# (the gazetteer layer is exercised by test_eval_re3d_json above).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Syrian Democratic Forces said IS fighters had withdrawn from the town.",
            {
                ("The Syrian Democratic Forces", "Organisation"),
                ("IS fighters", "Organisation"),
                ("the town", "Location"),
            },
        ),
        (
            "Foreign Minister Jane Doe met the Defence Secretary and Mr Smith on Monday.",
            {
                ("Foreign Minister Jane Doe", "Person"),
                ("the Defence Secretary", "Person"),
                ("Mr Smith", "Person"),
            },
        ),
        (
            "An Iraqi official praised the Jordanian policy, and Iraqi security forces "
            "entered the village of Qaryat al-Nur.",
            {
                ("An Iraqi official", "Person"),
                ("Jordanian", "Nationality"),
                ("Iraqi security forces", "Organisation"),
                ("the village of Qaryat al-Nur", "Location"),
            },
        ),
        (
            "We said they had left, but he stayed.",
            {("We", "Organisation"), ("they", "Organisation"), ("he", "Person")},
        ),
    ],
)
def test_re3d_mentions_follow_re3d_conventions(nlp, text, expected):
    from marsad.eval.re3d import MAIN_TYPES, predict_entities

    got = {(text[a:b], t) for a, b, t in predict_entities(nlp(text), []) if t in MAIN_TYPES}
    assert expected <= got
    # Mentions do not nest: no nationality inside "Iraqi security forces" or "An Iraqi official".
    assert ("Iraqi", "Nationality") not in got


def test_re3d_amounts_and_minor_types(nlp):
    from marsad.eval.re3d import predict_entities

    text = "The frigate HMS Example stopped some 15km from the coast to talk on 12.5 MHz radio."
    got = {(text[a:b], t) for a, b, t in predict_entities(nlp(text), [])}
    assert ("HMS Example", "MilitaryPlatform") in got
    assert ("15km", "Quantity") in got
    assert ("12.5 MHz", "Frequency") in got
    assert not any(t == "Person" for _, t in got)
