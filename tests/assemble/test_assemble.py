"""Assembly on real text: mentions of one happening merge, opponents and places are completed."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import assemble, extract, geo
from marsad.model import Article

TEXT = (
    "HASAKAH (Syria): Kurdish-led fighters clashed with Islamic State militants near the town of "
    "Shaddadi on Tuesday, a spokesman said.\n\n"
    "The Syrian Democratic Forces said the fighting lasted six hours and left at least four "
    "militants dead.\n\n"
    "The SDF was backed by US-led coalition air strikes, the spokesman added.\n\n"
    "In 2015, the jihadists captured several villages in the province.\n"
)


@pytest.fixture(scope="module")
def coded(nlp, gazetteer):
    article = Article(id="asm", text=TEXT, published=date(2018, 5, 17), dateline="HASAKAH (Syria)")
    doc = nlp(TEXT)
    places = geo.resolve(doc, article, gazetteer)
    mentions, figures = extract.extract(doc, article, places)
    return assemble.assemble(mentions, figures, places, article)


def test_assemble_merges_one_battle(coded):
    battles = [e for e in coded.events if e.type == "Battles" and e.is_new]
    assert len(battles) == 1
    (battle,) = battles
    assert battle.when.start == date(2018, 5, 15)
    assert {battle.actor1.canonical_id, battle.actor2.canonical_id} == {"sdf", "islamic_state"}
    assert battle.fatalities == 4
    assert len([ev for ev in battle.evidence if ev.field == "trigger"]) >= 2


def test_assemble_completes_the_opponent_of_supporting_strikes(coded):
    strike = next(e for e in coded.events if e.sub_type == "Air/drone strike")
    assert strike.actor1.canonical_id == "global_coalition"
    assert strike.actor2 is not None and strike.actor2.canonical_id == "islamic_state"
    assert strike.actor2.acled_name == "Islamic State (Syria)"


def test_assemble_place_is_not_the_dateline(coded):
    battle = next(e for e in coded.events if e.type == "Battles" and e.is_new)
    assert battle.place is not None and battle.place.country_iso2 == "SY"
    assert "HASAKAH" not in (battle.place.span.text if battle.place.span else "")


def test_assemble_background_kept_but_not_new(coded):
    old = [e for e in coded.events if e.when and e.when.start.year == 2015]
    assert old and all(e.background and not e.is_new for e in old)


def test_assemble_ids_are_deterministic(nlp, gazetteer, coded):
    article = coded.article
    doc = nlp(TEXT)
    places = geo.resolve(doc, article, gazetteer)
    again = assemble.assemble(*extract.extract(doc, article, places), places, article)
    assert [e.id for e in again.events] == [e.id for e in coded.events]


def _protests(nlp, gazetteer, text):
    """The protest events of `text` coded as one article."""
    article = Article(id="prot", text=text, published=date(2019, 3, 9))
    doc = nlp(text)
    places = geo.resolve(doc, article, gazetteer)
    mentions, figures = extract.extract(doc, article, places)
    coded = assemble.assemble(mentions, figures, places, article)
    return [e for e in coded.events if e.type in ("Protests", "Riots")]


def test_assemble_one_protest_told_twice_is_its_most_serious_kind(nlp, gazetteer):
    text = (
        "Thousands of nurses protested in Lyon on Friday against pay cuts. Police arrested "
        "twelve of the demonstrators. Later the protesters set fire to a police car in Lyon."
    )
    assert [e.sub_type for e in _protests(nlp, gazetteer, text)] == ["Violent demonstration"]


def test_assemble_protests_in_two_towns_stay_two_events(nlp, gazetteer):
    text = (
        "Thousands of nurses protested in Lyon on Friday against pay cuts. In Marseille, "
        "protesters set fire to a police car on Friday."
    )
    protests = _protests(nlp, gazetteer, text)
    assert sorted(e.place.name for e in protests) == ["Lyon", "Marseille"]
    assert sorted(e.sub_type for e in protests) == ["Peaceful protest", "Violent demonstration"]


def test_assemble_with_no_place_the_parties_country_names_generic_actors(code_text):
    """No place in the text: the one country its named parties belong to is that of "government
    forces", not "Military Forces of Unknown"."""
    text = "Government forces withdrew on Monday. Later that day Boko Haram seized the barracks."
    events = code_text(text)
    assert all(e.place is None for e in events)
    names = {a.acled_name for e in events for a in (e.actor1, e.actor2) if a is not None}
    assert "Military Forces of Nigeria" in names
    assert not any("Unknown" in (n or "") for n in names)


def test_assemble_with_no_country_at_all_a_generic_actor_names_none(code_text):
    """Nothing says where: the state's forces are "Military Forces", not "of Unknown"."""
    (event,) = code_text("Government warplanes bombed the rebel-held town on Monday.")
    assert event.place is None
    assert (event.actor1.name, event.actor1.acled_name) == ("Military Forces", "Military Forces")


def test_assemble_one_party_is_never_both_sides_of_a_merged_event(code_text):
    """One sentence names the soldiers as the ones ambushed, the next as the ones who fought:
    merged, they are Actor 1, and Actor 2 is not taken from the first sentence."""
    text = (
        "Soldiers were ambushed near Beni on Monday. "
        "The army said its soldiers fought for two hours near Beni on Monday."
    )
    (event,) = code_text(text)
    assert event.actor1 is not None and event.actor1.name.startswith("Military Forces")
    assert event.actor2 is None


@pytest.mark.parametrize(
    ("text", "sub_type", "count"),
    [
        # "the abduction" names again the abduction told before, whoever is blamed for it
        (
            "Gunmen abducted 20 farmers near Beni on Monday, local officials said. "
            "No group has claimed the abduction, but residents blamed the ADF.",
            "Abduction/forced disappearance",
            1,
        ),
        # a happening with words of its own may be another
        (
            "Gunmen attacked a bus near Beni on Monday, killing four passengers. "
            "On Tuesday militants attacked a church in Butembo, killing five worshippers.",
            "Attack",
            2,
        ),
    ],
)
def test_assemble_a_happening_named_again_joins_the_one_told_before(
    code_text, text, sub_type, count
):
    assert len([e for e in code_text(text) if e.sub_type == sub_type]) == count


@pytest.mark.parametrize(
    ("text", "sub_types"),
    [
        # a later sentence names the weapon of a happening told by a word with no means
        (
            "A blast at a cafe in the old town wounded eleven people late on Friday. "
            "Police said a man on a motorbike had thrown a hand grenade through the window.",
            ["Grenade"],
        ),
        (
            "Explosions shook the camp for displaced people on Monday. Medics said mortar "
            "rounds landed near the clinic, killing four women.",
            ["Shelling/artillery/missile attack"],
        ),
        # a happening told with its means keeps them, and one in another town is another
        (
            "Gunmen shot dead two traders in the market on Monday. In a town further north, "
            "a drone struck a house, killing a child.",
            ["Attack", "Air/drone strike"],
        ),
    ],
)
def test_assemble_a_later_sentence_names_the_means_of_a_happening(code_text, text, sub_types):
    assert [e.sub_type for e in code_text(text) if e.is_new] == sub_types
