"""The whole pipeline for one article or a stream of them:
Article -> Doc (nlp) -> places (geo) -> mentions (extract) -> events (assemble)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from marsad import assemble, extract, geo, ingest
from marsad import nlp as nlp_stage
from marsad.errors import Reasons
from marsad.model import Article, CodedArticle, Rejection
from marsad.settings import Settings


class Pipeline:
    """Holds the loaded model and the open gazetteer: build once per process, reuse."""

    def __init__(self, settings: Settings | None = None, classifier: object = "default"):
        """`classifier`: the sentence-level sub-event-type classifier that arbitrates the trigger
        rules: "default" (the model shipped in marsad/data/models), None (rules only) or an
        `extract.classify.EventClassifier` (evaluation injects one per cross-validation fold)."""
        self.settings = settings or Settings.from_env()
        self.nlp = nlp_stage.load(self.settings)
        self.gazetteer = geo.Gazetteer.open(self.settings)
        if classifier == "default":
            from marsad.extract.classify import shipped

            classifier = shipped()
        self.classifier = classifier

    def code(self, article: Article) -> CodedArticle:
        return self._code_doc(article, self.nlp(article.text))

    def code_many(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        """Code a stream in spaCy batches; an article that fails becomes a Rejection."""
        batch = list(articles)
        # spaCy's own process pool: each worker loads the model once (settings.processes).
        docs = self.nlp.pipe(
            (a.text for a in batch),
            batch_size=self.settings.batch_size,
            n_process=max(1, self.settings.processes)
            if len(batch) > self.settings.batch_size
            else 1,
        )
        for article, doc in zip(batch, docs, strict=True):
            try:
                yield self._code_doc(article, doc)
            except Exception as err:  # noqa: BLE001  one bad article never stops a batch
                code, template = Reasons.FAILED
                yield Rejection(
                    article.source or article.id,
                    "extract",
                    code,
                    template.format(detail=f"{type(err).__name__}: {err}"),
                )

    def _code_doc(self, article: Article, doc) -> CodedArticle:
        places = geo.resolve(doc, article, self.gazetteer)
        index = extract.actor_index(doc, article, places)
        mentions, figures = extract.extract(
            doc, article, places, self.settings, self.classifier, index
        )
        coded = assemble.assemble(mentions, figures, places, article)
        interactions = extract.read_interactions(doc, article, places, index)
        return replace(coded, interactions=tuple(interactions))


@lru_cache(maxsize=2)
def _pipeline(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def code_article(article: Article, settings: Settings | None = None) -> CodedArticle:
    return _pipeline(settings or Settings.from_env()).code(article)


def code_text(
    text: str, settings: Settings | None = None, **meta: object
) -> CodedArticle | Rejection:
    """Code one article given as text (plain or HTML) with optional title/url/published/outlet."""
    settings = settings or Settings.from_env()
    article = ingest.article_from_text(text, settings=settings, **meta)
    if isinstance(article, Rejection):
        return article
    return code_article(article, settings)
