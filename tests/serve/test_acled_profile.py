"""The ACLED profile names who ACLED's coders name where the report does not: the crowd of a
demonstration, an unnamed perpetrator, the civilians attacked, the police who arrest. Real
pipeline, sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad.model import Actor, Event
from marsad.serve.acled import acled_parties, acled_row
from marsad.store import EventRecord


def _rows(code_text, text: str) -> list[dict]:
    return [acled_row(EventRecord(e, 0, None)) for e in code_text(text)]


def _cells(row: dict) -> tuple:
    return (
        row["sub_event_type"],
        row["actor1"],
        row["assoc_actor_1"],
        row["actor2"],
        row["interaction"],
        row["civilian_targeting"],
    )


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        # the crowd is Actor 1 of every demonstration, the force that meets it Actor 2
        (
            "Police fired tear gas to disperse hundreds of nurses protesting over unpaid wages "
            "in Accra on Tuesday.",
            (
                "Protest with intervention",
                "Protesters (Ghana)",
                "",
                "Police Forces of Ghana",
                16,
                None,
            ),
        ),
        (
            "Soldiers opened fire on demonstrators in Bamako on Tuesday, killing four.",
            (
                "Excessive force against protesters",
                "Protesters (Mali)",
                "",
                "Military Forces of Mali",
                16,
                None,
            ),
        ),
        (
            "Hundreds of taxi drivers marched through Lusaka on Tuesday against fuel prices.",
            ("Peaceful protest", "Protesters (Zambia)", "", "", 60, None),
        ),
        # demonstrators who burn are rioters
        (
            "Angry demonstrators set fire to the municipal offices in Kisumu on Tuesday.",
            ("Violent demonstration", "Rioters (Kenya)", "", "", 50, None),
        ),
        # a perpetrator nobody names, and the civilians he attacked
        (
            "A village elder was shot dead in Maiduguri on Tuesday.",
            (
                "Attack",
                "Unidentified Armed Group (Nigeria)",
                "",
                "Civilians (Nigeria)",
                37,
                "Civilian targeting",
            ),
        ),
        (
            "A roadside bomb struck a police patrol in Kismayo on Tuesday.",
            (
                "Remote explosive/landmine/IED",
                "Unidentified Armed Group (Somalia)",
                "",
                "Police Forces of Somalia",
                13,
                None,
            ),
        ),
        # arrests are the police's unless a force is named
        (
            "Twelve opposition activists were arrested in Harare on Tuesday.",
            ("Arrests", "Police Forces of Zimbabwe", "", "", 10, None),
        ),
    ],
)
def test_acled_profile_names_whom_acled_names(code_text, text, cells):
    assert [_cells(r) for r in _rows(code_text, text)] == [cells]


def test_acled_profile_keeps_named_parties(code_text):
    """A report that names both sides is coded as it says."""
    rows = _rows(code_text, "Al-Shabaab fighters attacked an army base in Baidoa on Tuesday.")
    assert [(r["actor1"], r["actor2"]) for r in rows] == [
        ("Al Shabaab", "Military Forces of Somalia")
    ]


def test_acled_profile_an_air_strike_is_nobody_s_guess(code_text):
    """Only states fly: the profile does not guess which one struck."""
    rows = _rows(code_text, "An air strike hit a market in Idlib on Tuesday, killing 11 people.")
    assert [(r["sub_event_type"], r["actor1"]) for r in rows] == [("Air/drone strike", "")]


def test_acled_profile_without_a_country_names_no_generic_actor():
    """ACLED has no actor of nowhere: with no place there is no "Protesters (...)"."""
    event = Event(
        id="e",
        article_id="a",
        type="Protests",
        sub_type="Peaceful protest",
        actor1=None,
        actor2=Actor(name="Police Forces of Kenya", kind="State forces", inter=1, country="KE"),
    )
    parties = acled_parties(event)
    assert (parties.actor1, parties.actor2) == (None, event.actor2)


def test_acled_profile_leaves_marsad_fields_as_the_text_says(code_text):
    """The native actors are the text's: the profile's conventions stay in the ACLED columns."""
    from marsad.serve.acled import event_json

    (event,) = code_text("A village elder was shot dead in Maiduguri on Tuesday.")
    data = event_json(EventRecord(event, 0, None))
    assert data["actor1"] == "Unidentified Armed Group (Nigeria)"
    assert data["actor1_id"] is None
    # the one party the text names: the elder, a civilian (ACLED's Actor 2)
    assert [(a["acled_name"], a["inter"]) for a in data["actors"]] == [("Civilians (Nigeria)", 7)]


def test_acled_profile_an_armed_group_at_a_peaceful_protest_is_the_crowd_s_own():
    """Supporters of an armed movement who rally peacefully: the movement is the crowd's
    associated actor, not a force that met it; police who disperse them are Actor 2."""
    from marsad.model import Place

    movement = Actor(name="Houthis", canonical_id="houthis", kind="Rebel group", inter=2)
    police = Actor(name="Police Forces of Yemen", kind="State forces", inter=1, country="YE")
    place = Place(name="Sanaa", country_iso2="YE")
    rally = Event(
        id="e", article_id="a", type="Protests", sub_type="Peaceful protest",
        actor1=movement, place=place,
    )  # fmt: skip
    parties = acled_parties(rally)
    assert (parties.actor1.name, parties.actor2, [a.name for a in parties.assoc1]) == (
        "Protesters (Yemen)",
        None,
        ["Houthis"],
    )
    dispersed = Event(
        id="e", article_id="a", type="Protests", sub_type="Protest with intervention",
        actor1=police, actor2=movement, place=place,
    )  # fmt: skip
    parties = acled_parties(dispersed)
    assert (parties.actor1.name, parties.actor2.name, [a.name for a in parties.assoc1]) == (
        "Protesters (Yemen)",
        "Police Forces of Yemen",
        ["Houthis"],
    )


def test_acled_profile_a_named_crowd_says_who_the_protesters_are(code_text):
    """ "Kurdish protesters" are the crowd's identity: Actor 1 is ACLED's "Protesters (Turkey)"
    and the named crowd its associated actor, not dropped."""
    rows = _rows(code_text, "Kurdish protesters marched through Diyarbakir on Tuesday.")
    assert [(r["actor1"], r["assoc_actor_1"]) for r in rows] == [
        ("Protesters (Turkey)", "Kurdish protesters")
    ]


def test_acled_profile_an_actor_is_never_its_own_associate(code_text):
    # the state the text names ("Colombian") and its army are one ACLED actor
    rows = _rows(code_text, "Colombian army troops killed five rebels in Cauca on Tuesday.")
    assert rows
    assert rows[0]["actor1"] == "Military Forces of Colombia"
    assert rows[0]["assoc_actor_1"] == ""
