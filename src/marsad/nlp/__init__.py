"""NLP stage: one spaCy pipeline per process, plus marsad's own components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from marsad.errors import Errors, MarsadError
from marsad.settings import Settings


def load(settings: Settings | None = None) -> Language:
    """The configured spaCy pipeline with marsad's components, loaded once per process."""
    settings = settings or Settings.from_env()
    return _load(settings.spacy_model, settings.use_blis)


@lru_cache(maxsize=4)
def _load(model: str, use_blis: bool) -> Language:
    if not use_blis:
        # blis has no kernels for some CPUs (cython-blis#53) and falls back to slow generic
        # ones; numpy gives identical annotations and is faster there (DESIGN.md, measured).
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    try:
        nlp = spacy.load(model)
    except OSError as err:
        raise MarsadError(Errors.E001.format(name=model)) from err
    from marsad.nlp.components import add_components

    add_components(nlp)
    return nlp
