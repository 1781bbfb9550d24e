"""A sentence never runs across a blank line: headlines, captions and datelines stand alone."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("marsad_paragraphs", assigns=["token.is_sent_start"])
def marsad_paragraphs(doc: Doc) -> Doc:
    # The parser keeps sentence starts that are already set, so this runs before it.
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc
