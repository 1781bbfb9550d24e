"""Shared fixtures: the real spaCy model, the real gazetteer, a fresh SQLite store, ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the checkout (development gold and corpora); skip when absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: gold data and corpora are not in the repo")
    return SHARED


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from marsad import nlp as nlp_stage

    return nlp_stage.load(settings)


@pytest.fixture(scope="session")
def code_text(settings: Settings):
    """Codes one text through the whole product pipeline (classifier included): its events."""
    from marsad import ingest
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(settings)

    def code(text: str, published: str = "2020-05-05") -> list:
        article = ingest.article_from_text(text, source="t", settings=settings, published=published)
        return pipeline.code(article).events

    return code


@pytest.fixture(scope="session")
def gazetteer(settings: Settings):
    """The real gazetteer, built once (cached in the user cache folder between runs)."""
    from marsad.geo import Gazetteer

    return Gazetteer.open(settings)


@pytest.fixture()
def st(tmp_path: Path):
    """A fresh SQLite store holding the hand-built sample articles of tests/store/sample.py."""
    from marsad import store
    from tests.store import sample

    s = store.open(tmp_path / "marsad.db")
    for coded in sample.all_articles():
        s.save(coded)
    yield s
    s.close()


# Sentences written for the PLOVER interaction tests (store, serve, CLI); none is from a gold
# file or a sample. Published on a Wednesday: "Monday" is 13 May, "Saturday" 1 June.
DIPLOMACY = (
    "Iran's foreign minister met his Turkish counterpart in Ankara on Monday. "
    "Kenya imposed sanctions on South Sudan's army chief on 3 May. "
    "Norway said it would send humanitarian aid to Sudan. "
    "The weather in Oslo stayed cold."
)
SECURITY = (
    "The SDF arrested dozens of Islamic State suspects near Raqqa on Saturday. "
    "Malian soldiers clashed with rebels near Kidal last week."
)


@pytest.fixture(scope="session")
def plover_articles(settings: Settings):
    """The two articles above coded by the real pipeline: (diplomacy, security)."""
    from datetime import date

    from marsad import ids
    from marsad.model import Article
    from marsad.pipeline import code_article

    return tuple(
        code_article(
            Article(id=ids.article_id(text), text=text, published=published, outlet="Test Wire"),
            settings,
        )
        for text, published in ((DIPLOMACY, date(2024, 5, 15)), (SECURITY, date(2024, 6, 2)))
    )
