"""Geo stage: toponym recognition and resolution against the offline gazetteer.

gaz = Gazetteer.open(settings)
places = resolve(doc, article, gaz)
"""

from __future__ import annotations

from spacy.tokens import Doc

from marsad.geo.gazetteer import Gazetteer
from marsad.geo.rank import _DEFAULT, rank
from marsad.geo.recognise import recognise
from marsad.model import Article, Place, Span

__all__ = ["Gazetteer", "resolve"]


def resolve(doc: Doc, article: Article, gaz: Gazetteer) -> list[Place]:
    """One Place per toponym occurrence in `doc`, ordered by start offset. A name with no
    gazetteer match (or one the ranker abstains on) comes back with gazetteer_id None and no
    coordinates."""
    return resolve_with(doc, article, gaz)


def resolve_with(doc: Doc, article: Article, gaz: Gazetteer, model=_DEFAULT) -> list[Place]:
    """`resolve` with an explicit ranking model (None: the hand ranker); training uses it to
    score each cross-validation fold with the model that did not see its documents."""
    text = _text_of(doc, article)
    mentions = recognise(doc, article, gaz, text)
    chosen = rank(mentions, gaz, _dateline_country(article, gaz), model=model, text=text)
    places = []
    for m, c in zip(mentions, chosen, strict=True):
        span = Span(article.id, m.start, m.end, m.text)
        if c is None:
            places.append(Place(name=m.text, feature=m.cue, precision=3, span=span))
            continue
        precision = c.precision
        if m.near and precision < 2:
            precision = 2
        name = m.text if m.demonym else None
        places.append(gaz.to_place(c, span=span, precision=precision, name=name))
    return places


def _text_of(doc: Doc, article: Article) -> str:
    """The doc's text: the article's own string when the doc was parsed from it (spaCy rebuilds
    `doc.text` token by token on every access, a seventh of resolution time)."""
    if len(doc) and len(article.text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return article.text
    return doc.text


def _dateline_country(article: Article, gaz: Gazetteer) -> str | None:
    """ "CONOCO GAS FIELD (Syria)" -> SY; "BAGHDAD" -> IQ (its most likely reading)."""
    if not article.dateline:
        return None
    line = article.dateline
    if "(" in line:
        inner = line[line.index("(") + 1 :].rstrip(") ")
        for c in gaz.candidates(inner):
            if c.feature == "country":
                return c.cc
    head = line.split("(")[0].strip()
    hits = gaz.lookup(head, limit=1) if head else []
    return hits[0].country_iso2 if hits else None
