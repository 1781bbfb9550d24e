"""Geo fixtures: a helper that runs the real model and the real gazetteer over a sentence."""

from __future__ import annotations

import pytest

from marsad.geo import resolve
from marsad.model import Article, Place


@pytest.fixture(scope="session")
def places_of(nlp, gazetteer):
    def run(text: str, dateline: str | None = None) -> list[Place]:
        article = Article(id="test", text=text, dateline=dateline)
        return resolve(nlp(text), article, gazetteer)

    return run


def find(places: list[Place], text: str) -> Place:
    hits = [p for p in places if p.span is not None and p.span.text == text]
    assert hits, f"no place for {text!r} in {[p.span.text for p in places if p.span]}"
    return hits[0]
