"""The shipped sub-event-type classifier loads, predicts, and arbitrates the rules."""

from __future__ import annotations

import pytest

from marsad.extract.classify import NONE, EventClassifier, entry_for, rule_tags, shipped


def test_classify_shipped_model_loads_with_card():
    model = shipped()
    assert model is not None
    assert NONE in model.labels and "Air/drone strike" in model.labels
    assert len(model.card["training_sha256"]) == 64
    assert 0 < model.override <= 1 and 0 < model.propose <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighter jets carried out air strikes on the rebel-held town, killing nine people.",
            "Air/drone strike",
        ),
        ("A suicide bomber blew himself up at a checkpoint outside the city.", "Suicide bomb"),
    ],
)
def test_classify_predicts_sentence(nlp, text, expected):
    doc = nlp(text)
    ((label, p),) = shipped().predict([(text, rule_tags(doc, 0, len(doc)))])
    assert label == expected and 0 < p <= 1


def test_classify_train_save_load(tmp_path):
    rows = [(f"jets bombed town {i}", "trig_air_strike") for i in range(4)]
    rows += [(f"police detained man {i}", "trig_arrests") for i in range(4)]
    labels = ["Air/drone strike"] * 4 + ["Arrests"] * 4
    model = EventClassifier.train(rows, labels)
    model.save(tmp_path / "m.joblib", {"training_sha256": "0" * 64})
    again = EventClassifier.load(tmp_path / "m.joblib")
    assert again.predict([("jets bombed town 9", "trig_air_strike")])[0][0] == "Air/drone strike"
    assert again.card["training_sha256"] == "0" * 64


@pytest.mark.parametrize(
    "sub_type", ["Protest with intervention", "Government regains territory", "Grenade"]
)
def test_classify_entry_for_every_sub_type(sub_type):
    entry = entry_for(sub_type)
    assert entry.sub_type == sub_type and entry.role is None and entry.plover


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Protesters threw stones at police and set fire to tyres in the main square.",
            "Violent demonstration",
        ),
        (
            "Police fired tear gas to disperse hundreds of protesters outside parliament.",
            "Protest with intervention",
        ),
        ("Gunmen shot dead two farmers in their fields on Sunday.", "Attack"),
        (
            "Three soldiers were killed by a roadside bomb on the highway.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_classify_rules_general_patterns(nlp, text, sub_type):
    """The rule refinements (protest sub-types, attacks on civilians, one specific event)."""
    from marsad.extract import extract
    from marsad.model import Article

    mentions, _ = extract(nlp(text), Article(id="t", text=text))
    assert mentions and mentions[0].sub_type == sub_type
