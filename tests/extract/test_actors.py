"""Actors the dictionary does not know are kept as their own words with an ACLED type."""

import pytest

from marsad.extract.actors import resolve_actors


def _actors(nlp, text):
    return [(m.actor.name, m.actor.inter, m.actor.country) for m in resolve_actors(nlp(text), "t")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a people before an armed noun: the noun's type, the demonym's country
        ("Syrian rebels shelled the town on Monday.", ("Syrian rebels", 2, "SY")),
        ("Somali gunmen kidnapped two aid workers.", ("Somali gunmen", 3, "SO")),
        ("Druze militiamen fired on the convoy.", ("Druze militiamen", 3, None)),
        # a people spaCy does not tag, before an armed noun
        ("Karen insurgents ambushed an army patrol.", ("Karen insurgents", 2, None)),
        # an armed organisation's own name
        (
            "The Northern Hills Liberation Front said it had attacked the convoy.",
            ("Northern Hills Liberation Front", 2, None),
        ),
        # a country's named force is that country's forces
        ("The Pakistan Army said it had killed five militants.", ("Pakistan", 1, "PK")),
    ],
)
def test_unnamed_actors_are_kept_with_a_type(nlp, text, expected):
    assert expected in _actors(nlp, text)


def test_generic_description_gives_way_to_the_named_one(nlp):
    found = _actors(nlp, "Maoist rebels ambushed a patrol in the forest.")
    assert ("Maoist rebels", 2, None) in found
    assert not any(name.startswith("Unidentified") for name, _, _ in found)


def test_an_organisation_without_armed_words_is_not_a_party(nlp):
    assert _actors(nlp, "The World Bank said the economy grew in the third quarter.") == []


def _generic(nlp, text):
    return [m.actor.canonical_id for m in resolve_actors(nlp(text), "t")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a side named by its stance towards the government, and armed factions
        ("The regime shelled the eastern suburbs overnight.", "generic:state_forces"),
        ("Regime helicopters dropped barrel bombs on the town.", "generic:state_forces"),
        ("The regime's warplanes struck a bakery.", "generic:state_forces"),
        ("The regime's advance on the town stalled.", "generic:state_forces"),
        # a capitalised headline craft, which the tagger takes for a name
        ("Regime's Warplanes hit a bakery near the river", "generic:state_forces"),
        ("Loyalists ambushed a patrol near the river.", "generic:pro_government_militia"),
        ("Pro-government militias stormed the camp.", "generic:pro_government_militia"),
        ("The factions recaptured two hills near the airport.", "generic:unidentified_armed_group"),
        ("Rebel factions shelled the old town.", "generic:unidentified_armed_group"),
        ("Military forces took control of the port.", "generic:state_forces"),
        (
            "Fighters loyal to the internationally recognised government shelled the port.",
            "generic:state_forces",
        ),
        ("The military said its jets struck a camp.", "generic:state_forces"),
        # the government as the owner of a force or an attack is its armed forces
        ("Government warplanes bombed the market at dawn.", "generic:state_forces"),
        ("The government's offensive on the valley resumed.", "generic:state_forces"),
    ],
)
def test_descriptions_of_sides(nlp, text, expected):
    assert expected in _generic(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The new sanctions regime takes effect on Monday.",
        "Critics say the bill amounts to regime change by other means.",
        "Party factions argued over the budget for hours.",
        "Shells fell on regime-held districts of the city.",
        "Thousands marched against the regime's new tax policies.",
        "Students joined anti-regime rallies in the capital.",
        "Fighters loyal to the former president shelled the port.",
        "The government announced new fuel taxes on Monday.",
        "Government officials visited the flooded port.",
    ],
)
def test_words_that_only_sometimes_name_a_side(nlp, text):
    assert _generic(nlp, text) == []


def test_a_nationality_of_a_force_after_of_names_the_force(settings):
    """ "a convoy of Pakistani forces": the forces, not a place called Pakistan."""
    from marsad.pipeline import code_text

    coded = code_text("Gunmen attacked a convoy of Pakistani forces on Saturday.", settings)
    assert [e.actor2.country for e in coded.events] == ["PK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Al-Shabaab gunmen stormed a hotel in Mogadishu.", [("Al-Shabaab", "Al-Shabaab gunmen")]),
        (
            "Boko Haram terrorists attacked a village.",
            [("Boko Haram (JAS)", "Boko Haram terrorists")],
        ),
    ],
)
def test_a_description_after_a_named_party_is_that_party(nlp, text, expected):
    """ "Al-Shabaab gunmen": one actor, not the group and an unidentified armed group."""
    doc = nlp(text)
    assert [(m.actor.name, doc[m.start : m.end].text) for m in resolve_actors(doc, "t")] == expected


def test_a_country_owning_a_party_is_not_a_second_party(settings):
    """ "Nigeria's Boko Haram militants": where the party is from, not the state as its ally."""
    from marsad.pipeline import code_text

    coded = code_text("Nigeria's Boko Haram militants stormed a village on Saturday.", settings)
    (event,) = coded.events
    parties = [a.name for a in (event.actor1, event.actor2, *event.assoc_actors) if a]
    assert parties == ["Boko Haram (JAS)"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Seven fighters of the Syrian Democratic Forces were killed near Raqqa.",
            "Syrian Democratic Forces",
        ),
        ("Two members of al-Shabaab were arrested in the port.", "Al-Shabaab"),
    ],
)
def test_a_description_of_a_named_party_is_that_party(nlp, text, name):
    assert [a[0] for a in _actors(nlp, text)] == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # renamed groups are the names the text gives, as ACLED and UCDP list them
        ("Fighters of the Nusra Front ambushed a patrol.", "Jabhat al-Nusra"),
        ("Jabhat Fateh al-Sham fighters ambushed a patrol.", "Jabhat Fateh al-Sham"),
        ("Hay'at Tahrir al-Sham fighters ambushed a patrol.", "Hayat Tahrir al-Sham"),
    ],
)
def test_a_group_is_named_as_the_text_names_it(nlp, text, name):
    assert [a[0] for a in _actors(nlp, text)] == [name]


def test_a_nationality_gives_a_generic_force_its_country(nlp):
    assert ("Military Forces of {country}", 1, "TR") in _actors(
        nlp, "Turkish soldiers shelled the village."
    )


@pytest.mark.parametrize(
    "text",
    [
        "An air strike hit a bakery near Idlib, Syria, on Tuesday.",
        "Gunmen attacked a checkpoint in Diyala province, Iraq, on Monday.",
    ],
)
def test_the_country_that_ends_an_address_is_no_party(code_text, text):
    (event,) = code_text(text)
    parties = [a for a in (event.actor1, event.actor2) if a is not None]
    assert not any((a.canonical_id or "").startswith("state:") for a in parties), parties


def test_countries_listed_together_stay_parties(code_text):
    (event,) = code_text("Russia, Iran and Turkey signed a ceasefire agreement in Astana.")
    named = [event.actor1, event.actor2, *event.assoc_actors]
    assert {a.country for a in named if a is not None} >= {"RU", "IR"}


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # "the group" is the armed group named last before it
        (
            "Boko Haram fighters raided a village on Monday. Gunmen from the group also burned"
            " a church nearby.",
            "Boko Haram (JAS)",
        ),
        ("Al-Shabaab claimed the attack. Fighters of the group later withdrew.", "Al-Shabaab"),
        # not a group that reports, and not a group "of" someone
        ("Amnesty International criticised the arrests. The group said they were unlawful.", None),
        ("Al-Shabaab claimed the attack. The group of elders met later.", None),
    ],
)
def test_the_group_refers_back_to_the_armed_group_named_before_it(nlp, text, group):
    doc = nlp(text)
    second = next(iter(doc.sents)).end
    later = [m.actor.name for m in resolve_actors(doc, "t") if m.start >= second]
    assert later == ([group] if group else [])


def test_the_group_with_no_armed_group_named_before_it_leaves_its_fighters_unnamed(nlp):
    names = [name for name, _, _ in _actors(nlp, "Fighters of the group entered the town.")]
    assert names == ["Unidentified Armed Group ({country})"]
