from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from marsad import ingest
from marsad.model import Article
from marsad.settings import Settings

EXAMPLE = resources.files("marsad") / "data" / "examples" / "khartoum-2019-06-03.txt"


@pytest.mark.parametrize(
    "field,expected",
    [("published", date(2019, 6, 3)), ("outlet", None), ("dateline", "KHARTOUM (Sudan)")],
)
def test_ingest_bundled_example(field: str, expected: object) -> None:
    [article] = ingest.read([str(EXAMPLE)], Settings())
    assert isinstance(article, Article)
    assert getattr(article, field) == expected
    assert article.text == EXAMPLE.read_text(encoding="utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize(
    "field,expected",
    [("published", date(2019, 2, 11)), ("outlet", "Dawn"), ("dateline", "OMAR OIL FIELD (Syria)")],
)
def test_ingest_the_sample_article(shared, field: str, expected: object) -> None:
    path = shared / "samples" / "dawn-2019-02-11.txt"
    [article] = ingest.read([str(path)], Settings())
    assert isinstance(article, Article)
    assert getattr(article, field) == expected


@pytest.mark.parametrize(
    "kwargs,field,expected",
    [
        ({"published": "2020-05-01T10:00:00Z"}, "published", date(2020, 5, 1)),
        ({"published": "garbage"}, "published", None),
        ({"outlet": "  Frontier   Daily "}, "outlet", "Frontier Daily"),
        ({"url": "https://x.example/2021/04/09/story"}, "published", date(2021, 4, 9)),
        ({}, "source", "-"),
    ],
)
def test_ingest_article_from_text_metadata(kwargs: dict, field: str, expected: object) -> None:
    text = "Gunmen attacked a police post on the highway overnight, officials said."
    article = ingest.article_from_text(text, settings=Settings(), **kwargs)
    assert isinstance(article, Article)
    assert getattr(article, field) == expected


def test_ingest_a_text_shorter_than_min_chars_is_rejected_with_the_limit() -> None:
    """A short headline is not "no text": the reason says how short and what the limit is."""
    rejected = ingest.article_from_text("Army kills 4 rebels", settings=Settings())
    assert not isinstance(rejected, Article)
    assert rejected.code == "R001"
    assert "19 characters" in rejected.reason and "min_chars (20)" in rejected.reason
    kept = ingest.article_from_text("Army kills 4 rebels", settings=Settings(min_chars=10))
    assert isinstance(kept, Article)
