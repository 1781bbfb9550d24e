import pytest

from marsad.extract.figures import fatalities, figures_in


def _figures(nlp, text):
    doc = nlp(text)
    return [f for sent in doc.sents for f in figures_in(sent, "t")]


@pytest.mark.parametrize(
    ("text", "kind", "low", "best", "high", "vague"),
    [
        ("At least nine soldiers were killed in the ambush.", "killed", 9, None, None, None),
        ("The blast wounded 23 people near the market.", "injured", 23, 23, 23, None),
        ("Up to 40 civilians died in the raid.", "killed", None, None, 40, None),
        ("Some 2,500 families fled the fighting.", "displaced", None, 2500, None, None),
        ("Police arrested 14 demonstrators outside parliament.", "arrested", 14, 14, 14, None),
        ("Dozens of villagers were killed.", "killed", None, None, None, "dozens"),
        (
            "Rebels said they captured 12 positions overnight.",
            "captured_positions",
            12,
            12,
            12,
            None,
        ),
        (
            "The militants hold about three square kilometres of desert.",
            "area",
            None,
            3,
            None,
            None,
        ),
        ("Gunmen kidnapped twenty-one workers from the site.", "abducted", 21, 21, 21, None),
    ],
)
def test_figures_kinds_and_bounds(nlp, text, kind, low, best, high, vague):
    found = [f for f in _figures(nlp, text) if f.kind == kind]
    assert found, _figures(nlp, text)
    f = found[0]
    assert (f.low, f.best, f.high, f.vague) == (low, best, high, vague)
    assert f.span is not None and text[f.span.start : f.span.end] == f.span.text


def test_figures_vague_never_invents_a_number(nlp):
    (f,) = [f for f in _figures(nlp, "Hundreds of prisoners remain in custody.") if f.vague]
    assert f.vague == "hundreds" and f.low is None and f.best is None and f.high is None


def test_figures_fatalities_follow_acled_conservative_rule(nlp):
    figs = _figures(nlp, "More than 30 people were killed, and dozens of fighters died.")
    assert fatalities(figs) == 30
    assert fatalities(_figures(nlp, "Dozens of fighters were killed.")) == 12
    assert fatalities(_figures(nlp, "Twelve people were wounded.")) is None


@pytest.mark.parametrize(
    ("text", "kind", "low", "best"),
    [
        # a count with no noun after it: the subject or object of a verb of killing
        ("Forty-two were killed when the bridge was shelled.", "killed", 42, 42),
        ("Mortar fire on the camp killed at least 17 on Tuesday.", "killed", 17, None),
        ("Eight were wounded by the second blast.", "injured", 8, 8),
        # what a death toll rises or comes to
        ("The death toll from the market bombing rose to 64.", "killed", 64, 64),
        ("Rescuers raised the toll to at least 31 after a night of searching.", "killed", 31, None),
        # a name between the number and the counted noun
        ("The army said 35 Boko Haram fighters were killed.", "killed", 35, 35),
        # martyrs are people killed
        ("Nine martyrs were buried after the raid on the village.", "killed", 9, 9),
    ],
)
def test_figures_counts_without_a_counted_noun(nlp, text, kind, low, best):
    found = [f for f in _figures(nlp, text) if f.kind == kind]
    assert found, _figures(nlp, text)
    assert (found[0].low, found[0].best) == (low, best)


def test_figures_a_bare_number_is_not_always_a_count(nlp):
    assert not [f for f in _figures(nlp, "Police arrested 40 on Monday.") if f.kind == "killed"]
    assert _figures(nlp, "The ceasefire held until 2016 in the valley.") == []
