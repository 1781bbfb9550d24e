"""A sentence never runs across a blank line: headlines, captions and datelines stand alone. Nor
does a headline's label ("Syria: Rebels shell army posts", "Iraq war: ..."): the parser would
make the label the root and the headline's clause hang from it, without its subject."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

# The longest label read as one ("Syria civil war:", "North Sinai province:").
LABEL_WORDS = 4


@Language.component("marsad_paragraphs", assigns=["token.is_sent_start"])
def marsad_paragraphs(doc: Doc) -> Doc:
    # The parser keeps sentence starts that are already set, so this runs before it (and after
    # the tagger, whose tags tell a label from a clause).
    line_start = 0
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
            line_start = tok.i + 1
        elif tok.text == ":" and ends_label(doc, line_start, tok.i):
            doc[tok.i + 1].is_sent_start = True
    return doc


def ends_label(doc: Doc, start: int, colon: int) -> bool:
    """A colon after a short capitalised phrase with no verb at a line's start, before a
    capitalised word ("Syria: Rebels ..."); not "He said: ..." nor "Update: 10 dead"."""
    label = doc[start:colon]
    after = doc[colon + 1]
    return (
        0 < len(label) <= LABEL_WORDS
        and label[0].is_title
        and not any(t.tag_.startswith("VB") or t.is_punct for t in label)
        and after.is_alpha
        and after.is_title
    )
