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
        done = 0
        try:
            for article, doc in zip(batch, docs, strict=True):
                yield self._coded(article, doc)
                done += 1
        except Exception as err:  # noqa: BLE001  one bad article never stops a batch
            if done == len(batch):
                raise
            # A component failed inside spaCy's stream, which ends there: the article it was
            # on is rejected, and the rest are read one at a time.
            yield _failed(batch[done], "nlp", err)
            for article in batch[done + 1 :]:
                try:
                    doc = self.nlp(article.text)
                except Exception as failure:  # noqa: BLE001
                    yield _failed(article, "nlp", failure)
                    continue
                yield self._coded(article, doc)

    def _coded(self, article: Article, doc) -> CodedArticle | Rejection:
        try:
            return self._code_doc(article, doc)
        except Exception as err:  # noqa: BLE001  one bad article never stops a batch
            return _failed(article, "extract", err)

    def _code_doc(self, article: Article, doc) -> CodedArticle:
        places = geo.resolve(doc, article, self.gazetteer)
        index = extract.actor_index(doc, article, places)
        mentions, figures = extract.extract(
            doc, article, places, self.settings, self.classifier, index
        )
        coded = assemble.assemble(mentions, figures, places, article)
        interactions = extract.read_interactions(doc, article, places, index)
        return replace(coded, interactions=tuple(interactions))


def _failed(article: Article, stage: str, err: Exception) -> Rejection:
    code, template = Reasons.FAILED
    detail = f"{type(err).__name__}: {err}"
    return Rejection(article.source or article.id, stage, code, template.format(detail=detail))


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
