"""The shipped sub-event-type classifier loads, predicts, and arbitrates the rules."""

from __future__ import annotations

import pytest

from marsad.extract.classify import (
    EMBEDDING_WEIGHT,
    NONE,
    EventClassifier,
    entry_for,
    needs_embedding,
    rule_tags,
    shipped,
)


def test_classify_shipped_model_loads_with_card():
    model = shipped()
    assert model is not None
    assert NONE in model.labels and "Air/drone strike" in model.labels
    assert len(model.card["training_sha256"]) == 64
    assert 0 < model.override <= 1 and 0 < model.propose <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighter jets carried out air strikes on the rebel-held town, killing nine people.",
            "Air/drone strike",
        ),
        ("A suicide bomber blew himself up at a checkpoint outside the city.", "Suicide bomb"),
    ],
)
def test_classify_predicts_sentence(nlp, text, expected):
    doc = nlp(text)
    ((label, p),) = shipped().predict([(text, rule_tags(doc, 0, len(doc)))])
    assert label == expected and 0 < p <= 1


def test_classify_train_save_load(tmp_path):
    rows = [(f"jets bombed town {i}", "trig_air_strike") for i in range(4)]
    rows += [(f"police detained man {i}", "trig_arrests") for i in range(4)]
    labels = ["Air/drone strike"] * 4 + ["Arrests"] * 4
    model = EventClassifier.train(rows, labels)
    model.save(tmp_path / "m.joblib", {"training_sha256": "0" * 64})
    again = EventClassifier.load(tmp_path / "m.joblib")
    assert again.predict([("jets bombed town 9", "trig_air_strike")])[0][0] == "Air/drone strike"
    assert again.card["training_sha256"] == "0" * 64
    assert again.embedded is not None and again.mix == model.mix == EMBEDDING_WEIGHT


def test_classify_needs_embedding_only_with_a_trigger():
    assert needs_embedding("ent_GPE trig_air_strike")
    assert not needs_embedding("ent_ORG inter_1")
    assert not needs_embedding("ent_GPE ent_DATE source")
    assert not needs_embedding("none")


def test_classify_embedding_model_generalises_and_is_gated():
    """The embedding model recognises wording that shares no word with its training rows, and
    reads only rows with a trigger tag; the others get the TF-IDF model alone."""
    air = [
        "Jets bombed the rebel camp at dawn.",
        "Warplanes dropped bombs on the depot.",
        "An aircraft fired missiles at the convoy from above.",
        "Drones struck a vehicle on the highway.",
    ]
    arrests = [
        "Police detained four men at the market.",
        "Officers arrested the suspects after a raid on their house.",
        "Security forces took the journalist into custody.",
        "The gendarmes handcuffed two students outside the school.",
    ]
    # A trigger key outside the lexicon: no rule sub-type, so the row is always embedded.
    tag = "trig_not_in_lexicon"
    rows = [(t, tag) for t in air + arrests]
    labels = ["Air/drone strike"] * 4 + ["Arrests"] * 4
    model = EventClassifier.train(rows, labels, embeddings=1.0)
    unseen = [
        ("Fighter planes hit the village from the sky.", tag),
        ("Cops locked up a protester overnight.", tag),
    ]
    assert [label for label, _ in model.predict(unseen)] == ["Air/drone strike", "Arrests"]
    plain = ("Fighter planes hit the village from the sky.", "ent_GPE inter_1")
    tfidf = model.model.predict_proba([plain])[0]
    ((label, p),) = model.predict([plain])
    assert label == model.labels[tfidf.argmax()] and p == pytest.approx(tfidf.max())
    without = EventClassifier.train(rows, labels, embeddings=0.0)
    assert without.embedded is None and without.mix == 0.0


def test_classify_agreeing_rows_are_not_embedded():
    """Where the TF-IDF model is sure of the trigger's own sub-type, its verdict stands alone."""
    from marsad import lexicon

    key = next(k for k, e in lexicon.triggers().items() if e.sub_type == "Air/drone strike")
    rows = [(f"jets bombed the town of place{i}", f"trig_{key}") for i in range(6)]
    rows += [(f"police detained a man in place{i}", "trig_not_in_lexicon") for i in range(6)]
    labels = ["Air/drone strike"] * 6 + ["Arrests"] * 6
    model = EventClassifier.train(rows, labels)
    row = ("jets bombed the town of place9", f"trig_{key}")
    tfidf = model.model.predict_proba([row])[0]
    assert model.labels[tfidf.argmax()] == "Air/drone strike" and tfidf.max() >= model.agree_skip
    ((label, p),) = model.predict([row])
    assert label == "Air/drone strike" and p == pytest.approx(tfidf.max())


@pytest.mark.parametrize(
    "sub_type", ["Protest with intervention", "Government regains territory", "Grenade"]
)
def test_classify_entry_for_every_sub_type(sub_type):
    entry = entry_for(sub_type)
    assert entry.sub_type == sub_type and entry.role is None and entry.plover


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Protesters threw stones at police and set fire to tyres in the main square.",
            "Violent demonstration",
        ),
        (
            "Police fired tear gas to disperse hundreds of protesters outside parliament.",
            "Protest with intervention",
        ),
        ("Gunmen shot dead two farmers in their fields on Sunday.", "Attack"),
        (
            "Three soldiers were killed by a roadside bomb on the highway.",
            "Remote explosive/landmine/IED",
        ),
    ],
)
def test_classify_rules_general_patterns(nlp, text, sub_type):
    """The rule refinements (protest sub-types, attacks on civilians, one specific event)."""
    from marsad.extract import extract
    from marsad.model import Article

    mentions, _ = extract(nlp(text), Article(id="t", text=text))
    assert mentions and mentions[0].sub_type == sub_type


@pytest.mark.parametrize(
    ("text", "stand_in"),
    [
        ("Officials said the troops dug new trenches near the border.", "dug"),
        ("The minister vowed that forces would deploy more units to the region.", "deploy"),
    ],
)
def test_classify_proposed_event_stands_on_the_event_verb(nlp, text, stand_in):
    """A sentence the classifier proposes as an event is read from its event verb, not from
    "said" or "vowed" (whose speaker and modality lie above the event)."""
    from marsad.extract import actor_index
    from marsad.extract.mentions import MentionReader
    from marsad.model import Article

    doc = nlp(text)
    article = Article(id="t", text=text)
    reader = MentionReader(doc, article, actor_index(doc, article), [], 30)
    sent = next(iter(doc.sents))
    assert reader._stand_in(sent, "Change to group/activity").text == stand_in


def test_classify_rule_tags_skip_trigger_words_inside_dates(nlp):
    """ "March" the month is no protest march, for the classifier as for the rules."""
    from marsad.extract.classify import rule_tags

    doc = nlp("In March, the food company apologized to its customers.")
    assert not [t for t in rule_tags(doc, 0, len(doc)).split() if t.startswith("trig_")]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("An activist was found dead near the market.", False),
        ("The bodies of two farmers were found in a ditch.", False),
        ("Returning villagers found their homes looted.", False),
        ("Troops found a cache of rifles in a cave.", True),
        ("Soldiers uncovered a big stock of ammunition near the border.", True),
    ],
)
def test_classify_rule_tags_find_no_weapons_in_people_found(nlp, text, found):
    """People, bodies or ruins found are no weapons found, for the classifier's tags as for the
    rules; what else is found keeps the tag, however the parser hangs it."""
    from marsad.extract.classify import rule_tags

    doc = nlp(text)
    assert ("trig_weapons_found" in rule_tags(doc, 0, len(doc)).split()) is found


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        (
            "Police opened fire on peaceful protesters in the capital on Monday, killing three.",
            "Excessive force against protesters",
        ),
        ("Protesters threw stones at police in the capital on Monday.", "Violent demonstration"),
        # the crowd as the doer of a burning: the classifier reads a burning, the rule a riot
        (
            "Angry demonstrators torched a police post in the capital on Monday.",
            "Violent demonstration",
        ),
    ],
)
def test_classify_protest_kind_decided_by_cues_stands(settings, text, sub_type):
    """The shipped classifier arbitrates, yet the protest kind the sentence's cues decide stays."""
    from marsad.pipeline import code_text

    coded = code_text(text, settings)
    assert [e.sub_type for e in coded.events] == [sub_type]


@pytest.mark.parametrize(
    ("text", "sub_type", "silenced"),
    [
        # a bombing is someone's act though the text names nobody: the classifier, trained on
        # disasters' tolls too, does not silence it ...
        (
            "The death toll from Sunday's bombing of a bus station in Kano has risen to 31.",
            "Remote explosive/landmine/IED",
            False,
        ),
        # ... while an explosion nobody did stays its to silence
        ("An explosion at a chemical plant killed 12 workers on Monday.", None, True),
        # workers of a trade who stop work are a crowd that protests
        (
            "Dockworkers walked off the job for 24 hours on Thursday, demanding tougher safety "
            "rules.",
            "Peaceful protest",
            False,
        ),
    ],
)
def test_classify_does_not_silence_what_is_someones_doing(settings, text, sub_type, silenced):
    from marsad.pipeline import Pipeline

    coded = Pipeline(settings).code(_article(settings, text))
    rules = Pipeline(settings, classifier=None).code(_article(settings, text))
    assert rules.events  # the rules find both
    assert [e.sub_type for e in coded.events] == ([] if silenced else [sub_type])


def _article(settings, text):
    from marsad import ingest

    return ingest.article_from_text(text, settings=settings, published="2017-06-14")


@pytest.mark.parametrize(
    ("text", "verdict", "sub_type"),
    [
        # a weapon the text names is more specific than the classifier's generic attack ...
        (
            "Army artillery shelled the village on Monday, killing two farmers.",
            "Attack",
            "Shelling/artillery/missile attack",
        ),
        # ... and the classifier does not invent a weapon the text does not name
        (
            "Soldiers clashed with gunmen near the village on Monday.",
            "Grenade",
            "Armed clash",
        ),
        # ground taken is more specific than a clash
        (
            "Government troops recaptured the town from the rebels on Monday.",
            "Armed clash",
            "Government regains territory",
        ),
        # an offensive launched is a strategic development, not the fighting itself
        (
            "The rebels launched a new offensive in the north on Saturday.",
            "Armed clash",
            "Change to group/activity",
        ),
        # an arrest for organising a protest is an arrest
        (
            "Police arrested an activist on Monday for organising a protest.",
            "Peaceful protest",
            "Arrests",
        ),
        # ground the classifier reads as taken is taken by the clash's doer: here the state's
        (
            "Army units clashed with insurgents and advanced to the crossroads on Monday.",
            "Non-state actor overtakes territory",
            "Government regains territory",
        ),
        # nor an agreement no word names
        (
            "Opposition fighters shelled army positions near the town on Monday.",
            "Agreement",
            "Shelling/artillery/missile attack",
        ),
        # an attack foiled did not happen
        (
            "The army thwarted an attack on the base on Monday.",
            "Armed clash",
            "Disrupted weapons use",
        ),
        # a party driven out of a place did not hand it over
        (
            "Rebel fighters drove the army out of the town on Monday.",
            "Non-violent transfer of territory",
            "Non-state actor overtakes territory",
        ),
        # a clash the rules read is no ground handed over without a fight
        (
            "Clashes continue around the town between the rebels and the army.",
            "Non-violent transfer of territory",
            "Armed clash",
        ),
        # people the state's forces capture are arrested
        (
            "Troops captured 15 militants in the hills on Monday.",
            "Abduction/forced disappearance",
            "Arrests",
        ),
        # demonstrators who burn riot, whatever the deed looks like alone
        (
            "Angry demonstrators torched a police post on Monday.",
            "Looting/property destruction",
            "Violent demonstration",
        ),
        # armed groups that fight are no mob, however communal their quarrel
        (
            "Armed militias of two clans fought over a well near the village on Monday.",
            "Mob violence",
            "Armed clash",
        ),
        # no force against a protest that no word tells
        (
            "Families of the missing held a silent vigil outside the police headquarters.",
            "Excessive force against protesters",
            "Peaceful protest",
        ),
        # but no ground is taken where no word says so
        (
            "Army units clashed with insurgents at the crossroads on Monday.",
            "Non-state actor overtakes territory",
            "Armed clash",
        ),
        # otherwise a sure classifier retypes the rules' reading
        (
            "Soldiers clashed with gunmen near the village on Monday.",
            "Attack",
            "Attack",
        ),
        # what the rules read in so many words: a bomb driven into its target, a lynching,
        # tear gas fired at a crowd, arms handed in under a deal
        (
            "A bomber drove an explosives-laden truck into the gate of the base.",
            "Remote explosive/landmine/IED",
            "Suicide bomb",
        ),
        # a fight where neither a crowd nor the police are named is no riot; one with the
        # riot police may be
        (
            "Violent clashes broke out in the desert east of the town.",
            "Violent demonstration",
            "Armed clash",
        ),
        (
            "Hundreds of people were injured in clashes with riot police overnight.",
            "Violent demonstration",
            "Violent demonstration",
        ),
        (
            "A mob dragged a suspected thief from a police van and beat him to death.",
            "Arrests",
            "Mob violence",
        ),
        (
            "Police fired grenades filled with tear gas at the crowd.",
            "Grenade",
            "Protest with intervention",
        ),
        (
            "Under a deal brokered by elders, 300 rebel fighters handed their weapons over to "
            "the army.",
            "Attack",
            "Agreement",
        ),
        # a disappearance and a rape told in so many words
        (
            "Four boys were missing after being detained by an army patrol.",
            "Arrests",
            "Abduction/forced disappearance",
        ),
        (
            "Gunmen abducted two girls and raped them.",
            "Abduction/forced disappearance",
            "Sexual violence",
        ),
    ],
)
def test_classify_arbitration_keeps_the_more_specific_reading(nlp, text, verdict, sub_type):
    from marsad.extract import actor_index
    from marsad.extract.mentions import MentionReader
    from marsad.model import Article

    doc = nlp(text)
    article = Article(id="t", text=text)
    reader = MentionReader(doc, article, actor_index(doc, article), [], 30, shipped())
    sent = next(iter(doc.sents))
    found = [m for t in doc.spans["marsad_triggers"] if (m := reader._mention(t, sent, [], []))]
    found = reader._merge_in_sentence(found)
    decided = reader._arbitrate(sent, found, {verdict: 0.9, NONE: 0.1}, [], [])
    assert [m.sub_type for m in decided] == [sub_type]


def test_classify_sentences_skipped_could_change_nothing(nlp, shared):
    """The reader asks the classifier only about sentences with a trigger word or a party or
    weapon; on real news, any verdict on the other sentences would have added no event."""
    import json

    from marsad.extract import actor_index
    from marsad.extract.mentions import MentionReader
    from marsad.model import Article

    corpus = shared / "corpora" / "wikinews-geovirus.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")][:40]
    model = shipped()
    skipped = 0
    for i, (text, doc) in enumerate(zip(texts, nlp.pipe(texts), strict=True)):
        article = Article(id=f"w{i}", text=text)
        reader = MentionReader(doc, article, actor_index(doc, article), [], 30, model)
        sents = list(doc.sents)
        by_sentence: dict[int, list] = {}
        for t in doc.spans["marsad_triggers"]:
            by_sentence.setdefault(t.sent.start, []).append(t)
        verdicts = reader._classify(sents, by_sentence)
        for sent, verdict in zip(sents, verdicts, strict=True):
            if verdict is not None:
                continue
            skipped += 1
            (asked,) = model.distributions([(sent.text, rule_tags(doc, sent.start, sent.end))])
            # any sure verdict, of any sub-type: still nothing to keep, retype or propose
            for label in asked:
                assert reader._arbitrate(sent, [], {label: 0.99}, [], []) == [], sent.text
    assert skipped > 100  # running text: most sentences tell no conflict event


def test_classify_the_taker_decides_arrest_or_abduction(settings):
    """The shipped classifier reads a capture of people as an abduction; taken by the state's
    forces they are arrested, and the rules, which know the taker, decide."""
    from marsad.pipeline import code_text

    coded = code_text("Troops captured 15 militants in the hills near Mopti on Sunday.", settings)
    assert [e.sub_type for e in coded.events] == ["Arrests"]


def test_classify_a_device_that_went_off_is_someone_s_doing(settings):
    """Nobody is named, yet a car bomb that went off was set by someone: the classifier, which
    may silence doerless violence words, keeps it."""
    from marsad.pipeline import code_text

    coded = code_text("A car bomb went off outside a hotel in the capital on Friday.", settings)
    assert [e.sub_type for e in coded.events] == ["Remote explosive/landmine/IED"]
