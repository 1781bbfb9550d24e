import pytest

from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY


def test_components_in_pipeline(nlp):
    assert nlp.pipe_names.index("marsad_paragraphs") < nlp.pipe_names.index("parser")
    assert nlp.pipe_names[0] == "marsad_acronym_norms"
    assert {"marsad_actors", "marsad_triggers"} <= set(nlp.pipe_names)


@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        ("Fighters of the YPG repelled the raid.", "YPG", "ypg"),
        ("Daesh claimed the attack on Tuesday.", "Daesh", "islamic_state"),
        ("The Popular Mobilisation Forces entered the town.", "Popular Mobilisation Forces", "pmf"),
        ("Hezbollah fighters crossed the border.", "Hezbollah", "hezbollah"),
        ("Da’esh fighters shelled the road.", "Da’esh", "islamic_state"),
        (
            "The Kurdistan Regional Government closed the crossing.",
            "Kurdistan Regional Government",
            "krg",
        ),
        ("Faylaq al-Sham shelled the hill overnight.", "Faylaq al-Sham", "faylaq_al_sham"),
        ("The al-Rahman Corps repelled the assault.", "al-Rahman Corps", "faylaq_al_rahman"),
        (
            "Ministers of the Global Coalition to Counter Daesh met.",
            "Global Coalition to Counter Daesh",
            "global_coalition",
        ),
    ],
)
def test_components_actor_aliases(nlp, text, alias, canonical):
    doc = nlp(text)
    spans = [s for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"]
    assert [(s.text, s.id_) for s in spans] == [(alias, canonical)]


def test_components_acronym_is_case_sensitive(nlp):
    doc = nlp("This is where IS fighters attacked.")
    assert [s.text for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"] == ["IS"]


@pytest.mark.parametrize(
    ("text", "word", "dep"),
    [
        # "IS" read as the verb "is" leaves these sentences without a verb of their own
        ("Kurdish forces attack IS near the dam.", "IS", "dobj"),
        ("Rebels killed 20 IS fighters near the border.", "IS", "compound"),
        ("IS fighters seized two villages on Monday.", "seized", "ROOT"),
    ],
)
def test_components_acronym_that_spells_a_word_is_read_as_a_name(nlp, text, word, dep):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    assert tok.dep_ == dep
    assert [s.text for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"] == ["IS"]


def test_components_acronym_in_capitalised_text_stays_a_word(nlp):
    doc = nlp("WHAT IS LEFT OF THE OLD CITY AFTER THE WAR")
    assert doc[1].norm_ == "is"
    assert not [s for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Heavy clashes broke out overnight.", "armed_clash"),
        ("Two airstrikes hit the village.", "air_strike"),
        ("A roadside bomb exploded near the convoy.", "remote_explosive"),
        ("Protesters gathered in the square.", "peaceful_protest"),
        ("Gunmen abducted three engineers.", "abduction"),
        ("A fire exchange near the crossing lasted an hour.", "armed_clash"),
        ("Booby-trapped cars hit two checkpoints in the south.", "remote_explosive"),
    ],
)
def test_components_triggers(nlp, text, key):
    doc = nlp(text)
    assert key in {s.label_ for s in doc.spans[TRIGGERS_KEY]}


def test_components_paragraph_breaks_end_sentences(nlp):
    doc = nlp("Rebels shell city\n\nThe army said on Monday it had retaken the hill.")
    assert [s.text.strip() for s in doc.sents][0] == "Rebels shell city"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Yemen: Rebels shell a market in Taiz", "Yemen:"),
        ("Somalia conflict: Gunmen attack a hotel in Mogadishu", "Somalia conflict:"),
    ],
)
def test_components_a_headline_label_stands_alone(nlp, text, first):
    sents = [s.text for s in nlp(text).sents]
    assert sents[0] == first
    assert nlp(text)[len(first.split()) + 1].dep_ == "nsubj"


@pytest.mark.parametrize(
    "text",
    ["The minister said: Rebels will be defeated.", "Update 3: police say two men were held."],
)
def test_components_a_colon_inside_a_clause_is_no_label(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        ("The OPCW said the samples tested positive.", "OPCW", "opcw"),
        ("State news agency SANA reported the blast.", "SANA", "news_agencies"),
        ("The European Union extended its sanctions.", "European Union", "eu"),
    ],
)
def test_components_source_aliases(nlp, text, alias, canonical):
    doc = nlp(text)
    spans = [s for s in doc.spans[ACTORS_KEY] if s.label_ == "SOURCE"]
    assert [(s.text, s.id_) for s in spans] == [(alias, canonical)]


@pytest.mark.parametrize(
    ("text", "verb", "key"),
    [
        ("Troops drove the insurgents out of the valley.", "drove", "expel"),
        ("Army units pushed the militants out of two districts.", "pushed", "expel"),
        ("The army took the town back on Monday.", "took", "territory"),
        # "to death" after the object
        ("Militants stoned a young woman to death in the square.", "stoned", "attack"),
        ("A crowd hacked two traders to death at the market.", "hacked", "attack"),
        # what the object was made, after it ("took the crew captive", "burned them alive")
        ("Gunmen took the two drivers captive on the highway.", "took", "abduction"),
        ("The mob seized the suspects and burned them alive.", "burned", "attack"),
    ],
)
def test_components_particle_apart_from_its_verb(nlp, text, verb, key):
    doc = nlp(text)
    assert (verb, key) in {(s.text, s.label_) for s in doc.spans[TRIGGERS_KEY]}
    # the one-word reading of the same verb ("a push") gives way
    assert all(s.label_ == key for s in doc.spans[TRIGGERS_KEY] if s.text == verb)


def test_components_a_sentence_to_death_is_no_trigger(nlp):
    doc = nlp("The court sentenced two men to death on Monday.")
    assert [s.text for s in doc.spans[TRIGGERS_KEY]] == []


def test_tokenizer_splits_a_semicolon_glued_between_words(nlp):
    doc = nlp("Rebels shelled the air base;Militants attacked a checkpoint near the river.")
    assert [t.text for t in doc[4:7]] == ["base", ";", "Militants"]
    assert {(s.text, s.label_) for s in doc.spans[TRIGGERS_KEY]} >= {("attacked", "attack")}
    assert [t.text for t in nlp("Shells hit Idlib;4 killed")][2:5] == ["Idlib", ";", "4"]
    # an HTML entity keeps its semicolon
    assert "O&#8217;Brien" in [t.text for t in nlp("Officers met O&#8217;Brien at noon.")]


@pytest.mark.parametrize(
    ("text", "noun", "armed"),
    [
        ("Men armed with rifles stormed the village.", "Men", True),
        ("Two men armed with AK-47 rifles and machetes attacked the farm.", "men", True),
        # what a crowd picks up makes no armed group
        ("A group of men armed with bats and bottles attacked the workers.", "men", False),
        ("Men carrying rifles walked to the market.", "Men", False),
    ],
)
def test_components_people_armed_with_weapons_are_an_armed_group(nlp, text, noun, armed):
    doc = nlp(text)
    found = [s for s in doc.spans[ACTORS_KEY] if s.text == noun and s.label_ == "DESCRIPTOR"]
    assert bool(found) == armed
    if armed:
        assert found[0].id_.endswith("unidentified_armed_group")


@pytest.mark.parametrize(
    "text",
    ["Rebels set the church ablaze on Sunday.", "Farmers set hay bales and tyres alight."],
)
def test_components_a_thing_set_ablaze_is_a_burning(nlp, text):
    doc = nlp(text)
    assert [s.label_ for s in doc.spans[TRIGGERS_KEY]] == ["looting"]
    assert doc.spans[TRIGGERS_KEY][0].text == "set"
