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
    _split_glued_semicolons(nlp)
    from marsad.nlp.components import add_components

    add_components(nlp)
    return nlp


# A semicolon between two words with no space after it ("air strike;June 28th", feeds that join
# headlines): spaCy's English infixes split a colon there but not a semicolon, and the glued token
# hides both words from every matcher. After a letter only ("&#8217;" is an HTML entity), before
# a letter or a digit ("Idlib;4 killed"): the parts of an infix get no prefix or suffix split.
GLUED_SEMICOLON = r"(?<=[^\W\d_]);(?=[^\W_])"


def _split_glued_semicolons(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, GLUED_SEMICOLON]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
