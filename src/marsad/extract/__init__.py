"""Extract stage: event mentions with actors, dates, figures, sources and modality."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from marsad.extract.actors import ActorIndex, resolve_actors
from marsad.extract.classify import EventClassifier
from marsad.extract.interactions import InteractionReader
from marsad.extract.mentions import MentionReader
from marsad.model import Article, Figure, Interaction, Mention, Place
from marsad.settings import Settings


def actor_index(doc: Doc, article: Article, places: Sequence[Place] = ()) -> ActorIndex:
    """The article's actor mentions, read once and shared by the mention and PLOVER readers."""
    return ActorIndex(doc, resolve_actors(doc, article.id), list(places), article.id)


def extract(
    doc: Doc,
    article: Article,
    places: Sequence[Place] = (),
    settings: Settings | None = None,
    classifier: EventClassifier | None = None,
    index: ActorIndex | None = None,
) -> tuple[list[Mention], list[Figure]]:
    """Event mentions of one article, and the figures that belong to no mention. With a
    classifier, it arbitrates each sentence's sub-type (extract/classify.py)."""
    settings = settings or Settings.from_env()
    index = index or actor_index(doc, article, places)
    return MentionReader(
        doc, article, index, list(places), settings.background_days, classifier
    ).read()


def read_interactions(
    doc: Doc, article: Article, places: Sequence[Place] = (), index: ActorIndex | None = None
) -> list[Interaction]:
    """PLOVER readings of the article's sentences (extract/interactions.py): who did what to
    whom for every kind of interaction; they never become ACLED events."""
    index = index or actor_index(doc, article, places)
    return InteractionReader(doc, article, index, places).read()
