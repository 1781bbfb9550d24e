import pytest

from marsad.nlp.components import TRIGGERS_KEY
from marsad.nlp.lemmas import corrected


def test_lemmas_run_before_the_trigger_rulers(nlp):
    names = nlp.pipe_names
    assert names.index("lemmatizer") < names.index("marsad_lemmas")
    assert names.index("marsad_lemmas") < names.index("marsad_triggers")


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        # the rule lemmatizer strips the wrong suffix ("rap", "stag", "wag")
        ("Soldiers raped two women in the village.", "raped", "rape"),
        ("The students staged a sit-in outside the ministry.", "staged", "stage"),
        ("The group has been waging war on the state for years.", "waging", "wage"),
        # an irregular past its exception table lacks
        ("The army retook the town on Monday.", "retook", "retake"),
        # a lemma that fits its word stays, though the word has another reading ("wind")
        ("Gunmen wound three people.", "wound", "wound"),
        ("The troops left the town.", "left", "leave"),
        # a plural opening the sentence that the tagger takes for a name
        ("Mortars rained down on the camp at dawn.", "Mortars", "mortar"),
        # a singular common noun opening the sentence, taken for a name
        ("Helicopter gunships strafed the ridge.", "Helicopter", "helicopter"),
        ("The rebels attacked the checkpoint.", "attacked", "attack"),
    ],
)
def test_lemmas_mended_where_they_cannot_be_right(nlp, text, word, lemma):
    tok = next(t for t in nlp(text) if t.text == word)
    assert tok.lemma_ == lemma


def test_lemmas_a_mended_verb_is_a_trigger(nlp):
    doc = nlp("Militiamen raped a woman at the checkpoint.")
    assert [(s.text, s.label_) for s in doc.spans[TRIGGERS_KEY]][:1] == [
        ("raped", "sexual_violence")
    ]


def test_lemmas_unknown_words_are_left_alone():
    assert corrected("xqzzied", "xqzzie", "VERB") is None
