"""Lemmas the small model's rule lemmatizer gets wrong.

spaCy's English rule lemmatizer strips a suffix and keeps the first candidate its word index
knows, so "raped" and "raping" become "rap", "staged" "stag", "waging" "wag", "raging" "rag";
irregular forms missing from its exception table stay as written ("retook"); and some plurals
become another word ("graves" -> "graf", "corpses" -> "corps"). The trigger rulers match on
lemmas and the extraction rules read them, so each such miss loses a whole event ("soldiers
raped two women" had no trigger). lemminflect's verb and noun dictionaries (from the
Automatically Generated Inflection Database) give every lemma a known word can have; this
component takes the dictionary's first lemma only where spaCy's is none of them. A lemma that
fits its word ("wound", which could also be "wind"; "bases", which could be "basis") is never
touched. Verbs and plural nouns only (and a plural opening a sentence that the tagger took for a
name): their tags tell lemminflect which dictionary to read. A singular common noun opening a
sentence as a name gets its lower-case form.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas
from spacy.language import Language
from spacy.tokens import Doc, Span, Token


def _upos(tok: Token) -> str | None:
    if tok.tag_.startswith("VB"):
        return "VERB"
    # a plural opening the sentence is often tagged a name ("Rockets rained down")
    plural = tok.tag_ == "NNS" or (tok.tag_ == "NNPS" and tok.is_sent_start)
    return "NOUN" if plural else None


def _opening_common_noun(tok: Token) -> bool:
    """A capitalised word opening the sentence that the tagger took for a name, though no
    entity: "Helicopter gunships strafed ...". Its lemma is the word in lower case, as the
    lexicon's phrases are written, where the noun dictionary knows the word."""
    return (
        tok.is_sent_start
        and tok.tag_ == "NNP"
        and not tok.ent_type_
        and tok.lemma_ != tok.lower_
        and tok.lower_ in getAllLemmas(tok.lower_, upos="NOUN").get("NOUN", ())
    )


@lru_cache(maxsize=65536)
def corrected(word: str, lemma: str, upos: str) -> str | None:
    """The dictionary's lemma of a lower-case `word` whose lemma `lemma` is none of the word's
    lemmas in the dictionary, else None (the lemma fits, or the dictionary does not know the
    word)."""
    # Only the lemma dictionary: its inflection tables would cost 18 MB more for nothing here.
    lemmas = getAllLemmas(word, upos=upos).get(upos, ())
    if not lemmas or lemma in lemmas:
        return None
    return lemmas[0]


def correct_lemmas(tokens: Doc | Span) -> None:
    for tok in tokens:
        if tok.is_alpha and _opening_common_noun(tok):
            tok.lemma_ = tok.lower_
            continue
        upos = _upos(tok)
        if upos is None or not tok.is_alpha:
            continue
        better = corrected(tok.lower_, tok.lemma_.lower(), upos)
        if better is not None:
            tok.lemma_ = better


class Lemmas:
    """Corrects the lemmas of verbs and plural nouns the rule lemmatizer got wrong."""

    def __call__(self, doc: Doc) -> Doc:
        correct_lemmas(doc)
        return doc


@Language.factory("marsad_lemmas")
def make_lemmas(nlp: Language, name: str) -> Lemmas:
    return Lemmas()
