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


def test_modality_stops_at_a_fragment_the_parser_could_not_attach(nlp):
    """A headline's country tag that the parser hangs, with the clause after it, under a verb of
    fear ("Chad: rebels overrun camp, officials fear") is no governor of that clause: the deed is
    told as a fact. The parse is written out, as the parser gives it on such headlines."""
    from spacy.tokens import Doc

    from marsad.extract.modality import modality

    words = ["Chad", ":", "rebels", "overrun", "camp", ",", "officials", "fear"]
    heads = [7, 0, 3, 0, 3, 7, 7, 7]
    deps = ["dep", "punct", "nsubj", "appos", "dobj", "punct", "nsubj", "ROOT"]
    lemmas = ["Chad", ":", "rebel", "overrun", "camp", ",", "official", "fear"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)
    assert modality(doc[3]) == "asserted"
    # without the fragment, the verb of fear above the deed makes it a deed to come
    deps[0] = "ccomp"
    assert modality(Doc(nlp.vocab, words=words, heads=heads, deps=deps, lemmas=lemmas)[3]) == (
        "forecast"
    )
