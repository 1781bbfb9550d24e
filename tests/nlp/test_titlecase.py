import pytest

from marsad.nlp.components import TRIGGERS_KEY
from marsad.pipeline import code_text

TITLE = "marsad_title_case"


def _parse(nlp, text, *, reread=True):
    if reread:
        return nlp(text)
    with nlp.select_pipes(disable=[TITLE]):
        return nlp(text)


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_title_case_runs_after_the_model_and_before_the_matchers(nlp):
    names = nlp.pipe_names
    assert names.index("ner") < names.index(TITLE) < names.index("marsad_actors")


@pytest.mark.parametrize(
    ("text", "verb", "lemma"),
    [
        ("Militants Shell Army Positions Near the Border", "Shell", "shell"),
        ("Gunmen Seize Village After Fierce Clashes", "Seize", "seize"),
        ("Warplanes Bomb Rebel Positions in the North", "Bomb", "bomb"),
    ],
)
def test_title_case_common_words_are_read_in_lower_case(nlp, text, verb, lemma):
    doc = _parse(nlp, text)
    tok = _token(doc, verb)
    assert tok.text == verb  # the text is never changed
    assert tok.lemma_ == lemma and tok.pos_ == "VERB"


def test_title_case_trigger_is_found_where_the_model_alone_takes_it_for_a_name(nlp):
    text = "Renewed Mortar Attacks Reported in Border Villages"
    before = _parse(nlp, text, reread=False)
    assert _token(before, "Attacks").lemma_ == "Attacks"  # a name's lemma is its text
    doc = _parse(nlp, text)
    assert _token(doc, "Attacks").lemma_ == "attack"
    assert any("Attacks" in s.text for s in doc.spans[TRIGGERS_KEY])


def test_title_case_keeps_names_dates_and_nationalities(nlp):
    doc = _parse(nlp, "Islamic State Fighters Seize Village Near Aleppo on Sunday After Clashes")
    assert _token(doc, "Fighters").lemma_ == "fighter"
    assert _token(doc, "Aleppo").pos_ == "PROPN"  # a singular noun keeps its capital
    assert any(e.text == "Sunday" and e.label_ == "DATE" for e in doc.ents)
    doc = _parse(nlp, "Turkish Jets Strike Kurdish Militants in Northern Iraq")
    assert {"Turkish", "Kurdish"} <= {e.text for e in doc.ents if e.label_ == "NORP"}


@pytest.mark.parametrize(
    "text",
    [
        # sentence case, as nearly all news text is
        "Militants shelled army positions near the border on Sunday, killing three soldiers.",
        # names alone are no title
        "Bashar al-Assad met Vladimir Putin in Moscow.",
        # too few words to tell a title from a name
        "Clashes Resume",
    ],
)
def test_title_case_leaves_other_lines_alone(nlp, text):
    before = _parse(nlp, text, reread=False)
    after = _parse(nlp, text)
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in before] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in after
    ]


def test_title_case_line_of_an_article_only(nlp):
    text = "Militants Shell Army Positions Near the Border\n\nMilitants shelled army positions."
    doc = _parse(nlp, text)
    assert _token(doc, "Shell").pos_ == "VERB"
    body = _parse(nlp, "Militants shelled army positions.", reread=False)
    tail = doc[len(doc) - len(body) :]
    assert [t.dep_ for t in tail] == [t.dep_ for t in body]


@pytest.mark.parametrize(
    ("headline", "sub_type", "actor1", "place"),
    [
        (
            "Syria: Army Shells Rebel Positions in Hama",
            "Shelling/artillery/missile attack",
            "Military Forces of Syria",
            "Hama",
        ),
        (
            "Deadly Chemical Attacks Reported in Villages Near Mosul",
            "Chemical weapon",
            None,
            "Mosul",
        ),
    ],
)
def test_title_case_headline_is_coded(headline, sub_type, actor1, place):
    event = code_text(headline, published="2017-05-01").events[0]
    assert event.sub_type == sub_type
    assert (event.actor1.name if event.actor1 else None) == actor1
    assert event.place is not None and event.place.name == place


def test_title_case_words_stay_lower_case_when_a_headline_verb_is_parsed_again(nlp):
    # the model reads "factions target ..." as one noun phrase; the headline component parses
    # the line again, with the words the title-case component lowered
    doc = _parse(nlp, "The Factions Target Army-Held Villages in the South")
    verb = _token(doc, "Target")
    assert verb.pos_ == "VERB" and verb.dep_ == "ROOT"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["Factions"]
    assert [c.text for c in verb.children if c.dep_ == "dobj"] == ["Villages"]


def test_title_case_doc_crosses_process_boundaries(nlp):
    # spaCy's worker processes (settings.processes > 1) send each Doc back as bytes
    doc = _parse(nlp, "Militants Shell Army Positions Near the Border")
    again = type(doc)(nlp.vocab).from_bytes(doc.to_bytes())
    assert [t.lemma_ for t in again] == [t.lemma_ for t in doc]
    assert again.user_data == doc.user_data


def test_title_case_entity_running_into_the_line_break(nlp):
    # the model's entity runs on into the line break; the line is parsed again without it
    text = "Northwind Realty Holdings Limited Partnership Announces Results\nThe Company said so."
    before = _parse(nlp, text, reread=False)
    assert before[7].is_space and before[7].ent_iob_ == "I"
    doc = _parse(nlp, text)
    assert _token(doc, "Announces").lemma_ == "announce"
    assert all(t.ent_iob_ != "I" or doc[t.i - 1].ent_iob_ in "BI" for t in doc)


def test_title_case_a_place_entity_keeps_only_the_words_before_its_name(nlp):
    # the model's entities are given here: in a title it makes places of whole clauses
    from spacy.tokens import Doc

    words = ["Dozens", "Hurt", "in", "Heavy", "Raids", "That", "Target", "Northern", "Iraq"]
    ents = ["O", "O", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC"]
    doc = Doc(nlp.vocab, words=words, ents=ents)
    lowered = {doc[i].text for i in nlp.get_pipe(TITLE)._lowered(doc[:])}
    assert lowered == {"Hurt", "Heavy", "Raids", "Target"}  # "Northern" stays before "Iraq"
