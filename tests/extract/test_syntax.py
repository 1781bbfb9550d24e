import pytest

from marsad import lexicon
from marsad.extract.classify import rule_tags
from marsad.extract.syntax import acted_on, gated_out
from marsad.nlp.components import TRIGGERS_KEY


def _trigger(doc, text):
    return next(s for s in doc.spans[TRIGGERS_KEY] if s.text == text)


@pytest.mark.parametrize(
    ("text", "word", "gated"),
    [
        ("The coalition set up two new bases near the border.", "set up", False),
        ("The ministry set up a committee to study the plan.", "set up", True),
        ("He was released from jail on Monday.", "jail", True),
        ("Fighter jets pounded the town overnight.", "Fighter jets", False),
        ("The air force took delivery of new fighter jets.", "fighter jets", True),
        ("The army dispatched hundreds of soldiers to the border.", "dispatched", False),
        ("The army dispatched a letter to the governor.", "dispatched", True),
        ("Police deployed tear gas against the crowd.", "deployed", True),
    ],
)
def test_gated_out(nlp, text, word, gated):
    doc = nlp(text)
    span = _trigger(doc, word)
    assert gated_out(lexicon.triggers()[span.label_], span) is gated
    # the classifier sees the trigger tag only where the rules would take the word
    assert (f"trig_{span.label_}" in rule_tags(doc, 0, len(doc)).split()) is not gated


def test_acted_on_reads_through_quantity_nouns(nlp):
    doc = nlp("Police seized a large amount of weapons and ammunition.")
    verb = next(t for t in doc if t.lemma_ == "seize")
    assert {t.text for t in acted_on(verb)} >= {"amount", "weapons", "ammunition"}
