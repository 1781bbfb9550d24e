import pytest
from spacy.tokens import Doc

from marsad.extract.figures import _joined, fatalities, figures_in


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
    assert fatalities(_figures(nlp, "Dozens were killed in the shelling.")) == 12
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
        # what a count of the dead or the wounded comes to
        ("The number of deaths from the clashes rose to 52.", "killed", 52, 52),
        ("The number of the wounded reached 140 by nightfall.", "injured", 140, 140),
        ("Casualties in the besieged district climbed to 19.", "casualties", 19, 19),
        ("The number of casualties rose to 27, and 60 people were wounded.", "killed", 27, 27),
        # a comma ends the phrase: who says so is not what was counted
        ("The toll from the raid rose to 23, medics said.", "killed", 23, 23),
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


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # one count of the killed and the wounded together is no count of the dead
        ("Gunmen killed and wounded 20 villagers on the road.", [("casualties", 20)]),
        ("At least 14 people were killed or wounded in the blast.", [("casualties", 14)]),
        ("Heavy shelling caused 7 casualties in the old city.", [("casualties", 7)]),
        # casualties said to be killed, or told apart from the wounded, are the dead
        ("Eleven casualties were killed in the market bombing.", [("killed", 11)]),
        ("The raid caused 6 casualties and dozens of injuries.", [("killed", 6)]),
        # separate counts keep their own kinds
        (
            "The strike killed 12 people and wounded 30 others.",
            [("killed", 12), ("injured", 30)],
        ),
        ("Two soldiers were killed and three wounded.", [("killed", 2), ("injured", 3)]),
    ],
)
def test_figures_casualties_and_coordinated_harm(nlp, text, kinds):
    found = _figures(nlp, text)
    assert [(f.kind, f.low) for f in found if f.low is not None and f.kind != "people"] == kinds


def test_figures_casualties_are_never_fatalities(nlp):
    assert fatalities(_figures(nlp, "Gunmen killed and wounded 20 villagers.")) is None
    assert fatalities(_figures(nlp, "Heavy shelling caused 7 casualties.")) is None


@pytest.mark.parametrize(
    ("text", "low"),
    [
        # the counted noun after a hyphenated or stacked qualifier
        ("Troops killed 21 Turkey-backed fighters near the town.", 21),
        ("Three Russian military police officers were killed on the highway.", 3),
        # a group's name counts its members
        ("The army said it killed 30 Boko Haram near the lake.", 30),
    ],
)
def test_figures_the_counted_noun_behind_its_qualifiers(nlp, text, low):
    assert [f.low for f in _figures(nlp, text) if f.kind == "killed"] == [low]


@pytest.mark.parametrize(
    ("text", "kind", "low"),
    [
        # the state a verb leaves people in, wherever the parser hangs it
        ("A guided missile left 8 members of an armed group dead in the hills.", "killed", 8),
        ("The blast left 12 people wounded.", "injured", 12),
        ("The storm left 300 people homeless.", "displaced", 300),
        # lives taken, not saved
        ("A strike by warplanes claimed the lives of 11 people in the village.", "killed", 11),
        ("Shelling went on for a fourth day, leading to the death of 7.", "killed", 7),
        ("Four commanders of the militia were killed in the operation.", "killed", 4),
        # the wounded counted vaguely apart leave the casualties the dead
        ("3 casualties and several wounded in shelling on the town", "killed", 3),
        # the state after the object phrase, where the parser hangs it on the subject
        ("A car bomb near the bridge leaves at least 6 members of the militia dead", "killed", 6),
        ("Patrols found three men dead beside the road.", "killed", 3),
        # a headline's members of a group, the participle hung on the group
        ("14 member from the border guards killed in the eastern desert", "killed", 14),
        ("7 members from the local police Killed during the siege of the town", "killed", 7),
        # the victims of a killing are its dead
        ("Eleven farmers were the victims of a massacre by militiamen.", "killed", 11),
        ("Six children are among the victims of the massacre near the river.", "killed", 6),
        ("Five women were the victims of an attack on the market.", "people", 5),
        # put to death, not sentenced to it
        ("A crowd beat four men to death near the station.", "killed", 4),
        ("The court sentenced four men to death on Monday.", "people", 4),
    ],
)
def test_figures_what_befell_the_counted(nlp, text, kind, low):
    assert [f.low for f in _figures(nlp, text) if f.kind == kind] == [low]


def test_figures_lives_saved_are_not_lives_lost(nlp):
    assert not [
        f for f in _figures(nlp, "Doctors saved the lives of 11 people.") if f.kind == "killed"
    ]


def test_figures_what_befell_another_is_not_theirs(nlp):
    # the relatives were arrested; the man of the phrase was the one killed
    text = "Five relatives of the man killed yesterday were arrested."
    assert [(f.kind, f.low) for f in _figures(nlp, text)] == [("arrested", 5)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A police officer was killed when gunmen opened fire on the checkpoint.", "killed"),
        ("Dutch journalist killed in crossfire near the frontline", "killed"),
        ("A roadside bomb killed a soldier and wounded two others.", "killed"),
        ("The militia commander died of his wounds in hospital.", "killed"),
        ("A protester was wounded by a rubber bullet.", "injured"),
        ("Gunmen stoned a farmer to death outside the village.", "killed"),
    ],
)
def test_figures_one_person_named_by_a_singular_noun(nlp, text, kind):
    # ACLED counts "a soldier was killed" as one fatality
    found = [f for f in _figures(nlp, text) if f.kind == kind]
    assert [(f.low, f.best, f.high) for f in found][:1] == [(1, 1, 1)], _figures(nlp, text)
    assert text[found[0].span.start : found[0].span.end] == found[0].span.text


@pytest.mark.parametrize(
    "text",
    [
        "A gunman killed three villagers before fleeing.",  # the doer, not the dead
        "A family was killed when the shell hit their house.",  # more than one
        "One soldier was killed in the attack.",  # counted as a number, once
        "The soldier was arrested at the border.",  # not harmed
    ],
)
def test_figures_one_person_only_when_one_was_harmed(nlp, text):
    ones = [f for f in _figures(nlp, text) if f.kind in ("killed", "injured") and f.low == 1]
    assert len(ones) == (1 if text.startswith("One soldier") else 0), _figures(nlp, text)


def test_figures_a_count_of_someones_people_and_one_beside_it(nlp):
    # "three of his students": the possessive does not hide the counted noun; "a teacher"
    # beside a count is still one
    text = "Gunmen killed a teacher and three of his students."
    assert [(f.kind, f.low) for f in _figures(nlp, text)][:2] == [("killed", 1), ("killed", 3)]


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("The attack killed four soldiers and two civilians near the base.", 6),
        ("Gunmen killed a teacher and three of his students.", 4),
        ("Nine soldiers and at least three rebels were killed in the clashes.", 12),
    ],
)
def test_figures_counts_joined_by_and_add_up(nlp, text, total):
    assert fatalities(_figures(nlp, text)) == total


def test_figures_a_count_inside_another_is_not_added(nlp):
    text = "Forty people were killed on Sunday, including eight soldiers."
    assert fatalities(_figures(nlp, text)) == 40


def test_figures_counts_across_a_semicolon_are_not_added(nlp):
    # the parse the small model gives joined headlines: both counts one role of one verb
    words = ["Nine", "soldiers", "and", "police", "died", ";", "90", "people", "died"]
    heads = [1, 4, 1, 1, 4, 4, 7, 4, 4]
    deps = ["nummod", "nsubj", "cc", "conj", "ROOT", "punct", "nummod", "nsubj", "dep"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    assert _joined(doc[1], doc[3])
    assert not _joined(doc[1], doc[7])


def test_figures_no_total_without_a_bound_of_the_whole(nlp):
    text = "Up to 30 people and at least 5 soldiers were killed."
    assert all(
        (f.low, f.best, f.high) != (None, None, None) for f in _figures(nlp, text) if not f.vague
    )


@pytest.mark.parametrize(
    ("text", "kind", "low", "high"),
    [
        ("Between six and nine people were killed in the raid.", "killed", 6, 9),
        ("Twenty to 25 soldiers were wounded on Monday.", "injured", 20, 25),
        ("Between 300 and 400 families fled the district.", "displaced", 300, 400),
    ],
)
def test_figures_a_range_is_a_low_and_a_high(nlp, text, kind, low, high):
    (f,) = [f for f in _figures(nlp, text) if f.kind == kind]
    assert (f.low, f.best, f.high) == (low, None, high)
    assert f.span is not None and text[f.span.start : f.span.end] == f.span.text


def test_figures_a_change_and_a_year_are_no_counts(nlp):
    # "from 12 to 20" is a toll that changed, not a range; "2013 killed" is no count
    assert fatalities(_figures(nlp, "Fighting from 2011 to 2013 killed 40 people.")) == 40
    assert all(f.low != 12 for f in _figures(nlp, "The toll rose from 12 to 20 people."))


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # who kills is not killed
        ("Six gunmen killed three policemen at a checkpoint.", [3]),
        ("About 30 fighters stormed the barracks, killing four guards.", [4]),
        # a headline's passive and harm the subject itself suffers are its own
        ("Two soldiers killed in ambush near the border", [2]),
        ("Eight soldiers lost their lives in the battle.", [8]),
        # the doers after "by" are not the dead
        ("A teacher was killed by two masked gunmen outside the school.", [1]),
        ("Three soldiers were killed by dozens of militants.", [3]),
    ],
)
def test_figures_the_doer_is_not_counted_as_killed(nlp, text, killed):
    assert [f.best for f in _figures(nlp, text) if f.kind == "killed"] == killed


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        # whom a verb of killing or wounding befalls is people, named or not in the people list
        ("Two shepherds were killed by a landmine near the border.", "killed", 2),
        ("Gunmen shot dead three engineers on the road.", "killed", 3),
        ("Four paramedics were wounded in the strike.", "injured", 4),
        ("Militiamen slaughtered eleven herders at the well.", "killed", 11),
    ],
)
def test_figures_whom_killing_befalls_is_counted(nlp, text, kind, count):
    assert [(f.kind, f.best) for f in _figures(nlp, text)] == [(kind, count)]


@pytest.mark.parametrize(
    "text",
    [
        "Raiders killed 40 sheep in the night.",
        "The army lost three tanks near the river.",
        "Farmers slaughtered 200 goats for the feast.",
    ],
)
def test_figures_what_is_not_people_is_no_toll(nlp, text):
    assert [f for f in _figures(nlp, text) if f.kind in ("killed", "injured")] == []
