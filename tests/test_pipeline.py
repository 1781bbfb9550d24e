from dataclasses import replace

import pytest
from spacy.language import Language

from marsad import ingest
from marsad import nlp as nlp_stage
from marsad.model import CodedArticle, Rejection
from marsad.pipeline import Pipeline

MARKER = "UNREADABLE"


@Language.component("test_fails_on_marker")
def _fails_on_marker(doc):
    # a component that breaks on one input, as a bug in any component would
    if MARKER in doc.text:
        raise ValueError("this component cannot read the article")
    return doc


@pytest.fixture(scope="module")
def breaking_pipeline(settings):
    pipeline = Pipeline(settings, classifier=None)
    # a model of its own: the shared one (nlp.load caches it) must not get the breaking part
    fresh = nlp_stage._load.__wrapped__(settings.spacy_model, settings.use_blis)
    fresh.add_pipe("test_fails_on_marker")
    pipeline.nlp = fresh
    return pipeline


@pytest.mark.parametrize("batch_size", [1, 100])
def test_pipeline_a_component_failure_rejects_one_article_and_codes_the_rest(
    settings, breaking_pipeline, batch_size
):
    texts = [
        "Gunmen killed three soldiers in an ambush near Mosul on Tuesday.",
        f"{MARKER}: protesters marched in Baghdad on Tuesday.",
        "Government forces shelled rebel positions near Hama on Tuesday.",
        "Police arrested 20 protesters in Basra on Tuesday.",
    ]
    articles = [
        ingest.article_from_text(t, settings=settings, source=f"doc{i}", published="2017-06-14")
        for i, t in enumerate(texts)
    ]
    breaking_pipeline.settings = replace(settings, batch_size=batch_size)
    results = list(breaking_pipeline.code_many(articles))
    assert [type(r) for r in results] == [CodedArticle, Rejection, CodedArticle, CodedArticle]
    rejected = results[1]
    assert rejected.source == "doc1" and rejected.stage == "nlp"
    assert "cannot read the article" in rejected.reason
    assert results[2].events and results[2].events[0].sub_type.startswith("Shelling")
