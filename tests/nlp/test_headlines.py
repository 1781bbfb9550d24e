import pytest


def _parse(nlp, text, *, repaired=True):
    if repaired:
        return nlp(text)
    with nlp.select_pipes(disable=["marsad_headline_verbs"]):
        return nlp(text)


def test_headlines_component_runs_after_the_matchers(nlp):
    names = nlp.pipe_names
    assert names.index("marsad_headline_verbs") > names.index("marsad_trigger_forms")
    assert names.index("marsad_headline_verbs") < names.index("marsad_particle_triggers")


@pytest.mark.parametrize(
    ("text", "verb", "subject", "obj"),
    [
        # the small model reads the verb as one more noun of a compound after the party
        (
            "Opposition factions shell government positions in the west",
            "shell",
            "factions",
            "positions",
        ),
        ("Regime forces bomb rebel positions near the airport", "bomb", "forces", "positions"),
        # a participle inside the object's phrase makes no clause
        ("The factions bomb army-held positions near the airport", "bomb", "factions", "positions"),
        ("The factions target army-held villages in the south", "target", "factions", "villages"),
        # where the past tense as the norm is not enough, as the word itself
        ("The PKK ambush army patrols near the border", "ambush", "PKK", "patrols"),
        ("The SDF storm IS positions near the dam", "storm", "SDF", "positions"),
        # a verb the model took for an adjective
        ("The Houthis expel government troops from the port", "expel", "Houthis", "troops"),
    ],
)
def test_headlines_verb_after_a_party_is_a_verb(nlp, text, verb, subject, obj):
    before = _parse(nlp, text, repaired=False)
    assert before[:].root.pos_ != "VERB"  # what the model alone gives
    doc = _parse(nlp, text)
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and tok.dep_ == "ROOT"
    assert [c.text for c in tok.children if c.dep_ == "nsubj"] == [subject]
    assert [c.text for c in tok.children if c.dep_ == "dobj"] == [obj]
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes on villages in the north",  # no party before the trigger word
        "Clashes in the eastern districts",  # the trigger word starts the line
        "Army troops shelled rebel positions near the airport",  # it has a verb
        # the trigger after the party follows a preposition: no headline verb
        "Two police officers killed in Taliban attack near Kabul",
    ],
)
def test_headlines_other_lines_keep_their_parse(nlp, text):
    before = _parse(nlp, text, repaired=False)
    doc = _parse(nlp, text)
    assert [(t.pos_, t.dep_, t.head.i) for t in doc] == [(t.pos_, t.dep_, t.head.i) for t in before]


def test_headlines_repaired_parse_gives_the_event_its_parties(code_text):
    events = code_text("Opposition factions shell government positions in the west")
    assert [e.sub_type for e in events] == ["Shelling/artillery/missile attack"]
    assert events[0].actor1 is not None
    assert events[0].actor1.aliases_matched == ("Opposition factions",)


def test_headlines_the_new_parse_keeps_the_acronym_a_name(nlp):
    # the re-parse reads "IS" by the norm set before the model ran, not as the verb "is"
    before = _parse(nlp, "The factions target IS positions near the town", repaired=False)
    assert before[:].root.pos_ != "VERB"
    doc = _parse(nlp, "The factions target IS positions near the town")
    target = doc[2]
    assert target.pos_ == "VERB" and [c.text for c in target.children if c.dep_ == "dobj"] == [
        "positions"
    ]
    assert doc[3].dep_ != "ccomp" and doc[3].pos_ != "AUX"


def test_headlines_label_is_where_and_no_party(code_text):
    # "Libya war:" names where it happened, not who struck
    events = code_text("Libya war: Air strikes kill 20 in Sirte")
    assert [e.sub_type for e in events] == ["Air/drone strike"]
    assert events[0].actor1 is None
    assert events[0].fatalities == 20
    # a label that is a place is the event's place when the headline names none
    events = code_text("Idlib: Rebels destroyed a tank")
    assert events[0].place is not None and events[0].place.name == "Idlib"


def test_headlines_verb_inside_the_subject_of_a_later_verb_is_a_verb(nlp):
    """A verb at the end made the root, and the headline's own verb one more noun of its
    subject's compound: parsed again, the trigger is the verb of its party."""
    text = "Militias target army posts in the desert and two officers from Homs killed"
    before = _parse(nlp, text, repaired=False)
    assert next(t for t in before if t.text == "target").dep_ == "compound"
    doc = _parse(nlp, text)
    tok = next(t for t in doc if t.text == "target")
    assert tok.pos_ == "VERB"
    assert [c.text for c in tok.children if c.dep_ == "nsubj"] == ["Militias"]


@pytest.mark.parametrize(
    ("text", "obj"),
    [
        # the model made the second party's acronym the verb, and the trigger its subject
        ("Jaysh al-Islam attacks ISIS in the east", "ISIS"),
        # or tagged the trigger a verb yet hung it in a compound
        ("The Taliban attacks ISIS fighters in Kunar province", "fighters"),
    ],
)
def test_headlines_verb_the_model_gave_to_a_party(nlp, text, obj):
    doc = _parse(nlp, text)
    tok = next(t for t in doc if t.text == "attacks")
    assert tok.pos_ == "VERB" and tok.dep_ == "ROOT"
    assert [c.text for c in tok.children if c.dep_ == "dobj"] == [obj]


def test_headlines_a_party_in_quotes_is_still_before_its_verb(code_text):
    """Some outlets quote a group's name ("the “Islamic State” target ..."): the closing quote
    stands between the party and its verb."""
    events = code_text("The “Islamic State” target army posts in the eastern desert")
    assert [e.sub_type for e in events] == ["Armed clash"]
    assert events[0].actor1 is not None and events[0].actor1.name == "Islamic State"
