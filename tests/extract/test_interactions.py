"""PLOVER readings of sentences (extract/interactions.py), on the real spaCy model and gazetteer.

Sentences written for these tests; none comes from a gold file."""

from __future__ import annotations

from datetime import date

import pytest

from marsad import geo
from marsad.extract import extract, read_interactions
from marsad.model import Article, Interaction

PUBLISHED = date(2019, 3, 6)


def _read(nlp, gazetteer, text: str) -> list[Interaction]:
    article = Article(id="t", text=text, published=PUBLISHED)
    doc = nlp(text)
    places = geo.resolve(doc, article, gazetteer)
    return read_interactions(doc, article, places)


@pytest.mark.parametrize(
    ("text", "plover", "source", "source_country", "target", "target_country"),
    [
        # diplomatic acts: source is the subject, target the object
        ("The Kenyan foreign minister visited Ethiopia on Monday.",
         "CONSULT", "Kenyan foreign minister", "KE", "Ethiopia", "ET"),
        ("Chile and Peru held talks on their maritime border last week.",
         "CONSULT", "Chile", "CL", "Peru", "PE"),
        ("Norway has pledged to send humanitarian aid to Yemen.",
         "AGREE", "Norway", "NO", "Yemen", "YE"),
        # an announced hostile act is a threat
        ("Ghana said it would cut diplomatic ties with Togo.",
         "THREATEN", "Ghana", "GH", "Togo", "TG"),
        ("Algeria said it would close its border with Morocco if the attacks continued.",
         "THREATEN", "Algeria", "DZ", "Morocco", "MA"),
        # moving one's own forces: they are not the target, where they go is
        ("Chad will send 300 troops to Cameroon next week.",
         "MOBILIZE", "Chad", "TD", "Cameroon", "CM"),
        # an obligation said of another party is a demand on it
        ("The Danish prime minister said that Russia must release the detained sailors.",
         "REQUEST", "Danish prime minister", "DK", "Russia", "RU"),
        ("Opposition leaders urged the Venezuelan government to free political prisoners.",
         "REQUEST", "Opposition leaders", None, "Venezuelan government", "VE"),
        # the object of a rejection may itself be an act: its owner is the target
        ("Morocco rejected a Spanish proposal for joint patrols.",
         "REJECT", "Morocco", "MA", "Spanish", "ES"),
        ("Canada accused Iran of supplying weapons to militias.",
         "ACCUSE", "Canada", "CA", "Iran", "IR"),
        ("Sweden expelled three Chinese diplomats on Friday.",
         "SANCTION", "Sweden", "SE", "Chinese diplomats", "CN"),
        ("Australia imposed sanctions on Myanmar's military leaders.",
         "SANCTION", "Australia", "AU", "Myanmar's military leaders", "MM"),
        # passive: the agent is the source, the passive subject the target
        ("Two Malian soldiers were wounded by Burkinabe gunmen.",
         "ASSAULT", None, None, "Malian soldiers", "ML"),
        ("Police arrested dozens of Sudanese students in Khartoum.",
         "COERCE", "Police", None, "Sudanese students", "SD"),
        ("Hundreds of Zambian teachers went on strike to protest the government's pay freeze.",
         "PROTEST", "Zambian teachers", "ZM", "government", None),
    ],
)  # fmt: skip
def test_reading(nlp, gazetteer, text, plover, source, source_country, target, target_country):
    found = _read(nlp, gazetteer, text)
    assert found, text
    first = found[0]
    assert first.type == plover, (text, first)
    # the words as written: a party the dictionary knows is named canonically (tested below)
    if source is not None:
        assert first.source is not None and first.source.span is not None, (text, first.source)
        assert first.source.span.text == source, (text, first.source)
        assert first.source.country == source_country
        assert text[first.source.span.start : first.source.span.end] == source
    if target is not None:
        assert first.target is not None and first.target.span is not None, (text, first.target)
        assert first.target.span.text == target, (text, first.target)
        assert first.target.country == target_country


def test_passive_agent_is_source(nlp, gazetteer):
    text = "A convoy of Somali refugees was attacked by Ethiopian troops."
    first = _read(nlp, gazetteer, text)[0]
    assert first.type == "ASSAULT"
    assert first.source is not None and first.source.country == "ET"
    assert first.target is not None and first.target.country == "SO"


def test_intention_is_promise_or_threat(nlp, gazetteer):
    promise = _read(nlp, gazetteer, "Japan will give Vietnam a loan for a new railway.")[0]
    threat = _read(nlp, gazetteer, "Turkey plans to impose tariffs on American goods.")[0]
    assert promise.type == "AGREE" and promise.modality == "forecast"
    assert threat.type == "THREATEN"


def test_trigger_and_sentence_spans(nlp, gazetteer):
    text = "Quiet returned to the capital. Egypt condemned the bombing of a church in Libya."
    found = _read(nlp, gazetteer, text)
    assert len(found) == 1
    first = found[0]
    assert first.type == "ACCUSE"
    assert first.trigger is not None
    assert text[first.trigger.start : first.trigger.end] == "condemned"
    assert first.sentence is not None and first.sentence.text.startswith("Egypt condemned")


def test_sentence_without_interaction(nlp, gazetteer):
    assert _read(nlp, gazetteer, "The weather in Oslo was cold and grey all week.") == []


def test_named_organisation_is_not_a_trigger(nlp, gazetteer):
    """ "Amnesty" (CONCEDE) inside an organisation's name is no act."""
    first = _read(nlp, gazetteer, "Amnesty International criticized the Egyptian authorities.")[0]
    assert first.type == "ACCUSE"
    assert first.target is not None and first.target.country == "EG"


def test_interactions_do_not_change_acled_events(nlp, gazetteer):
    """A diplomatic sentence gets a PLOVER reading but no ACLED event."""
    text = "The Iraqi prime minister met the Turkish ambassador in Baghdad on Sunday."
    article = Article(id="t", text=text, published=PUBLISHED)
    doc = nlp(text)
    places = geo.resolve(doc, article, gazetteer)
    mentions, _ = extract(doc, article, places)
    assert mentions == []
    first = read_interactions(doc, article, places)[0]
    assert first.type == "CONSULT"
    assert first.source is not None and first.source.country == "IQ"
    assert first.target is not None and first.target.country == "TR"


def test_pipeline_attaches_interactions(settings):
    from marsad.pipeline import Pipeline

    coded = Pipeline(settings, classifier=None).code(
        Article(id="p", text="Brazil praised the new president of Argentina on Monday.")
    )
    assert coded.events == ()
    assert [i.type for i in coded.interactions] == ["SUPPORT"]


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "words"),
    [
        # the sentence's own time expression, resolved against the publication date
        ("Iran's foreign minister met his Turkish counterpart in Ankara on Monday.",
         date(2019, 3, 4), date(2019, 3, 4), "day", "Monday"),
        ("Kenya imposed sanctions on South Sudan's army chief on 3 February.",
         date(2019, 2, 3), date(2019, 2, 3), "day", "3 February"),
        ("Malian soldiers clashed with rebels near Kidal last week.",
         date(2019, 2, 27), date(2019, 3, 5), "week", "last week"),
        # none: the publication date, at week precision and with no span
        ("Norway said it would send humanitarian aid to Sudan.",
         PUBLISHED, PUBLISHED, "week", None),
        # a period is no date of the act ("since January")
        ("Chile and Peru have held talks on their border since January.",
         PUBLISHED, PUBLISHED, "week", None),
    ],
)  # fmt: skip
def test_reading_date(nlp, gazetteer, text, start, end, precision, words):
    first = _read(nlp, gazetteer, text)[0]
    assert first.when is not None, text
    assert (first.when.start, first.when.end, first.when.precision) == (start, end, precision)
    if words is None:
        assert first.when.span is None
    else:
        assert first.when.span is not None and first.when.span.text == words
        assert text[first.when.span.start : first.when.span.end] == words


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Egypt, which hosted talks on Sunday, condemned the bombing on Tuesday.", "ACCUSE"),
        ("Ten days after the election of 2 March, Kenya imposed sanctions on Uganda on Tuesday.",
         "SANCTION"),
    ],
)  # fmt: skip
def test_reading_date_nearest_the_act(nlp, gazetteer, text, plover):
    """Two dates: the one the act's verb governs, not an earlier one about something else."""
    first = _read(nlp, gazetteer, text)[0]
    assert first.type == plover
    assert first.when is not None and first.when.span is not None
    assert first.when.span.text == "Tuesday" and first.when.start == date(2019, 3, 5)


def test_reading_without_publication_date_has_no_inferred_date(nlp, gazetteer):
    text = "Brazil praised the new president of Argentina."
    doc = nlp(text)
    article = Article(id="t", text=text)
    places = geo.resolve(doc, article, gazetteer)
    assert read_interactions(doc, article, places)[0].when is None


@pytest.mark.parametrize(
    ("text", "role", "name", "words", "canonical_id"),
    [
        ("The SDF arrested dozens of Islamic State suspects near Raqqa.",
         "source", "Syrian Democratic Forces", "SDF", "sdf"),
        ("Kenya imposed sanctions on South Sudan's army chief.",
         "target", "Military Forces of South Sudan", "South Sudan's army chief",
         "generic:state_forces"),
        # not in the dictionary: named by its words
        ("Kenya imposed sanctions on the ruling party of Zambia.",
         "target", "ruling party of Zambia", "ruling party of Zambia", None),
    ],
)  # fmt: skip
def test_reading_party_named_as_the_dictionary_names_it(
    nlp, gazetteer, text, role, name, words, canonical_id
):
    first = _read(nlp, gazetteer, text)[0]
    party = getattr(first, role)
    assert party is not None, (text, first)
    assert (party.name, party.canonical_id) == (name, canonical_id)
    assert party.span is not None and party.span.text == words
    assert party.aliases_matched == (words,)
