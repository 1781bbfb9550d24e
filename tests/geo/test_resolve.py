from __future__ import annotations

import pytest

from tests.geo.conftest import find


@pytest.mark.parametrize(
    "text,name",
    [
        ("Government shelling hit Homs late on Tuesday.", "Homs"),
        ("Aid convoys reached Aleppo after a week of talks.", "Aleppo"),
    ],
)
def test_resolve_bare_twin_is_the_city(places_of, text: str, name: str) -> None:
    place = find(places_of(text), name)
    assert place.feature == "populated place"
    assert place.precision == 1
    assert place.country_iso2 == "SY"


@pytest.mark.parametrize(
    "text,name,admin1",
    [
        ("Fighting spread across Homs province over the weekend.", "Homs", "Homs"),
        ("Farmers in Aleppo governorate lost their crops.", "Aleppo", "Aleppo"),
        (
            "Militants remain active in Deir Ezzor province, officials said.",
            "Deir Ezzor",
            "Deir ez-Zor",
        ),
    ],
)
def test_resolve_province_cue_gives_admin1(places_of, text: str, name: str, admin1: str) -> None:
    places = places_of(text)
    place = next(p for p in places if p.span and p.span.text.startswith(name))
    assert place.feature == "admin1"
    assert place.precision == 3
    assert place.country_iso2 == "SY"
    assert place.admin1 == admin1
    assert place.gazetteer_id.startswith("adm1:SY.")


@pytest.mark.parametrize("text", ["Herders watered their flocks on the banks of the Euphrates."])
def test_resolve_euphrates_is_a_river(places_of, text: str) -> None:
    place = find(places_of(text), "Euphrates")
    assert place.feature == "river"
    assert place.gazetteer_id == "sup:euphrates"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a region the cities list lacks is not a small town of a similar name abroad
        ("Militants attacked a checkpoint in Sinai on Monday.", "Sinai"),
        ("Militants attacked a checkpoint in North Sinai on Monday.", "North Sinai"),
    ],
)
def test_resolve_sinai_is_in_egypt(places_of, text: str, name: str) -> None:
    place = find(places_of(text), name)
    assert place.country_iso2 == "EG"
    assert place.precision == 3


@pytest.mark.parametrize("text", ["Engineers restarted pumps at the Omar oil field on Monday."])
def test_resolve_oil_field(places_of, gazetteer, text: str) -> None:
    places = places_of(text)
    place = next(p for p in places if p.span and "Omar" in p.span.text)
    field = gazetteer.get("sup:omar-oil-field")
    assert place.feature == "oil field"
    assert (place.lat, place.lon) == (field.lat, field.lon)


@pytest.mark.parametrize("text", ["Visitors from Qqzzxville travelled on to Damascus by bus."])
def test_resolve_unknown_place_does_not_hide_others(places_of, text: str) -> None:
    places = places_of(text)
    unknown = [p for p in places if p.gazetteer_id is None]
    damascus = find(places, "Damascus")
    assert damascus.country_iso2 == "SY" and damascus.lat is not None
    assert all(p.lat is None and p.lon is None for p in unknown)
    assert [p.span.start for p in places] == sorted(p.span.start for p in places)


@pytest.mark.parametrize(
    "text,iso2", [("Floods hit Iraq this spring.", "IQ"), ("Elections were held in Syria.", "SY")]
)
def test_resolve_country_is_precision_3(places_of, text: str, iso2: str) -> None:
    place = next(p for p in places_of(text) if p.country_iso2 == iso2)
    assert place.feature == "country"
    assert place.precision == 3
    assert place.gazetteer_id == f"iso:{iso2}"


@pytest.mark.parametrize("text", ["Iraqi officials met the delegation at the airport."])
def test_resolve_demonym_resolves_to_country(places_of, text: str) -> None:
    place = find(places_of(text), "Iraqi")
    assert place.country_iso2 == "IQ"
    assert place.feature == "country"
    assert place.name == "Iraqi"  # marked: the demonym as written, not the country's name


@pytest.mark.parametrize("text", ["Shepherds were attacked near Hajin on Friday."])
def test_resolve_near_is_precision_2(places_of, text: str) -> None:
    place = find(places_of(text), "Hajin")
    assert place.precision == 2
    assert place.admin1 == "Deir ez-Zor"


@pytest.mark.parametrize(
    "text,name", [("The Deir ez-Zor Military Council announced new recruits.", "Deir ez-Zor")]
)
def test_resolve_place_nested_in_organisation(places_of, text: str, name: str) -> None:
    assert find(places_of(text), name).country_iso2 == "SY"


def test_resolve_dateline_sets_country(places_of) -> None:
    text = "OMAR OIL FIELD (Syria): Engineers said output had fallen."
    places = places_of(text, dateline="OMAR OIL FIELD (Syria)")
    assert find(places, "OMAR OIL FIELD").feature == "oil field"


def test_resolve_spans_point_into_text(places_of) -> None:
    text = "Convoys left Mosul for Erbil, then for Kirkuk."
    for p in places_of(text):
        assert text[p.span.start : p.span.end] == p.span.text


@pytest.mark.parametrize(
    "text,name,admin1",
    [
        (
            "Flooding closed roads across Laurel County on Sunday, Kentucky officials said.",
            "Laurel County",
            "Kentucky",
        )
    ],
)
def test_resolve_us_county_is_admin2(places_of, text: str, name: str, admin1: str) -> None:
    place = find(places_of(text), name)
    assert place.feature == "admin2"
    assert place.country_iso2 == "US" and place.admin1 == admin1


@pytest.mark.parametrize(
    "text,name,iso2",
    [
        ("Rebels clashed with police in Dagestan last week.", "Dagestan", "RU"),
        ("Heavy rain hit Sichuan over the weekend.", "Sichuan", "CN"),
    ],
)
def test_resolve_admin1_named_by_geonames(places_of, text: str, name: str, iso2: str) -> None:
    place = find(places_of(text), name)
    assert place.feature == "admin1" and place.country_iso2 == iso2


@pytest.mark.parametrize("text", ["The plant near Frankfort, Ky., closed in May."])
def test_resolve_ap_state_abbreviation(places_of, text: str) -> None:
    places = places_of(text)
    state = next(p for p in places if p.span and p.span.text.startswith("Ky"))
    assert state.feature == "admin1" and state.admin1 == "Kentucky"


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Snow closed schools in Edmonton on Monday. Edmonton officials said buses would run.",
            "Edmonton",
        )
    ],
)
def test_resolve_one_sense_per_discourse_recognition(places_of, text: str, name: str) -> None:
    """A name read as a place once is a place at every occurrence in the article."""
    hits = [p for p in places_of(text) if p.span and p.span.text == name]
    assert len(hits) == 2
    assert {p.country_iso2 for p in hits} == {"CA"}


@pytest.mark.parametrize(
    "text,name", [("The Nigerian Army said the road was reopened.", "Nigerian")]
)
def test_resolve_demonym_inside_organisation(places_of, text: str, name: str) -> None:
    place = find(places_of(text), name)
    assert place.feature == "country" and place.country_iso2 == "NG"


def test_rank_learned_model_loads_and_hand_fallback(gazetteer, nlp) -> None:
    from marsad.geo import resolve_with
    from marsad.geo.rank import FEATURES, default_model
    from marsad.model import Article

    model = default_model()
    assert model is not None and len(model.weights) == len(FEATURES)
    text = "Convoys left Mosul for Erbil on Monday."
    article = Article(id="t", text=text)
    for m in (model, None):  # learned, then the hand ranker the package falls back to
        places = resolve_with(nlp(text), article, gazetteer, model=m)
        assert {p.country_iso2 for p in places} == {"IQ"}


def test_resolve_a_name_with_no_reading_inside_its_parent_is_no_place(places_of) -> None:
    # "X in Y": Y holds X, so a reading of X in another country is wrong; Y still says where
    places = places_of("Shells hit the Misrata neighbourhood in Aleppo on Monday.")
    assert find(places, "Misrata").gazetteer_id is None
    assert find(places, "Aleppo").country_iso2 == "SY"
    town = find(places_of("A rally was held in Springfield in Illinois."), "Springfield")
    assert (town.country_iso2, town.admin1) == ("US", "Illinois")
    # a country "in" another is no containment
    embassy = places_of("The Embassy of Ukraine in Nigeria hosted the talks.")
    assert find(embassy, "Ukraine").country_iso2 == "UA"
