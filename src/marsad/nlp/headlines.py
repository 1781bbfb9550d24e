"""Headline verbs the small model takes for nouns.

Headlines drop the articles and use the present tense, and spaCy's small English model reads a
present-tense verb after a plural subject as one more noun of a compound: "Rebels target regime
forces in Hama" comes out as the noun phrase "Rebels target regime forces", with no verb and so
no doer and no target. The model reads a word through its NORM, so this component parses such a
sentence again with the candidate verb's norm set to its past tense ("targeted"), which the
model knows only as a verb, and keeps the new parse when the word becomes a verb with a subject.
The model also reads a word's suffix, so where the norm alone is not enough ("The SDF storm IS
positions") the past tense stands in for the word itself in the second parse; only the parse
(heads, labels, tags, lemmas) is copied back, never the text.

It runs after the matchers, over sentences whose root is not a verb (a participle inside a
noun phrase, as in "regime-held areas", makes no clause) or whose candidate is a noun inside a
compound before a verb at the end ("Militias target army posts in the desert and two officers
killed") or whose verb is a party's name ("HTS attacks ISIS near Hama"), and only where a
trigger word (the trigger lexicon) follows a party (the actor dictionary or a generic
description), past a closing quote: "The factions shell", "ISIS expels", "The “Islamic State”
target". The new parse reads every word by the norm set before the model ran ("IS" as "isis").
Other verbless lines ("Air strikes on Idlib", "Clashes in Daraa") are left as they are, and so
is every other sentence whose root is a verb.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY
from marsad.nlp.lemmas import correct_lemmas
from marsad.nlp.titlecase import LOWERED_KEY

# The statistical components that give a parse, in pipeline order.
PARSE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
ATTRS = [HEAD, DEP, TAG, POS, LEMMA]
# what a headline's subject is made of ("The SDF", "Three rebel groups", "Syria's army")
OPENING_POS = {"DET", "PROPN", "NOUN", "ADJ", "NUM", "PUNCT", "PART"}


class HeadlineVerbs:
    """Parses a verbless headline again where a trigger word after a party may be its verb."""

    def __init__(self, nlp: Language) -> None:
        # the parse components this pipeline has (a configured model may lack one)
        self.parse = [nlp.get_pipe(n) for n in PARSE_COMPONENTS if n in nlp.pipe_names]
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        tables = getattr(lemmatizer, "lookups", None)
        exceptions = (
            tables.get_table("lemma_exc").get("verb", {})
            if tables is not None and tables.has_table("lemma_exc")
            else {}
        )
        # irregular past forms from the lemmatizer's own exception table ("shoot" -> "shot")
        self.past: dict[str, str] = {}
        for form, lemmas in exceptions.items():
            for lemma in lemmas:
                if not form.endswith(("ing", "s")) and form != lemma:
                    self.past.setdefault(lemma, form)

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP") or not doc.spans.get(ACTORS_KEY):
            return doc
        parties: set[int] = set()
        for sent in list(doc.sents):
            # A clause's sentence is parsed again only where the candidate is one more noun of
            # a compound ("Militias target army posts ... and two officers killed": the verb
            # at the end made the root); a participle inside a noun phrase ("regime-held") is
            # no clause.
            clause = sent.root.pos_ in ("VERB", "AUX")
            parties = parties or {i for s in doc.spans[ACTORS_KEY] for i in range(s.start, s.end)}
            verb = self._candidate(doc, sent, parties)
            # nor where the verb is a party's name ("HTS attacks ISIS near Hama": "ISIS" the
            # verb, "attacks" its subject)
            misread = sent.root.i in parties
            if verb is not None and clause and verb.dep_ != "compound" and not misread:
                continue
            if verb is not None:
                self._reparse(doc, sent, verb)
        return doc

    def _candidate(self, doc: Doc, sent: Span, parties: set[int]) -> Token | None:
        """A one-word trigger right after a party's words (`parties`: their token indices), and
        not the last word."""
        for span in doc.spans.get(TRIGGERS_KEY, []):
            tok = doc[span.start]
            if (
                len(span) == 1
                and sent.start < tok.i < sent.end - 1
                # "The Houthis expel ...": an adjective; a verb the parser hung in a compound
                and (tok.pos_ in ("NOUN", "ADJ") or (tok.pos_ == "VERB" and tok.dep_ == "compound"))
                and _before(doc, tok.i, sent.start) in parties
                and doc[tok.i + 1].is_alpha
            ):
                return tok
        return None

    def _parse_again(self, doc: Doc, sent: Span, verb: Token, as_word: bool) -> Doc:
        lowered = set(doc.user_data.get(LOWERED_KEY, ()))  # a title's words (nlp/titlecase.py)
        words = [t.lower_ if t.i in lowered else t.text for t in sent]
        if as_word:
            words[verb.i - sent.start] = self._past(verb)
        again = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in sent])
        for tok, before in zip(again, sent, strict=True):
            tok.norm_ = before.norm_  # the norms set before the model ran ("IS" read as "isis")
        again[verb.i - sent.start].norm_ = self._past(verb)
        for component in self.parse:
            again = component(again)
        correct_lemmas(again)
        return again

    def _past(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        if lemma in self.past:
            return self.past[lemma]
        if lemma.endswith("e"):
            return lemma + "d"
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            return lemma[:-1] + "ied"
        return lemma + "ed"

    def _reparse(self, doc: Doc, sent: Span, verb: Token) -> None:
        # the past tense as the word's norm, else as the word itself: the model also reads a
        # word's suffix, and "storm" after "The SDF" stays a noun with the norm alone (as the
        # word only where nothing but the party's noun phrase comes before it: not "officers
        # killed in Taliban attack", whose "attack" follows a preposition)
        opening = all(t.pos_ in OPENING_POS for t in doc[sent.start : verb.i])
        for as_word in (False, True) if opening else (False,):
            again = self._parse_again(doc, sent, verb, as_word)
            new = again[verb.i - sent.start]
            roots = [t for t in again if t.dep_ == "ROOT"]
            subject = any(c.dep_ == "nsubj" for c in new.children)
            if new.pos_ == "VERB" and subject and len(roots) == 1:
                break
        else:
            return
        array = doc.to_array(ATTRS)
        fresh = again.to_array(ATTRS)
        array[sent.start : sent.end] = fresh  # heads are relative offsets: they carry over
        doc.from_array(ATTRS, numpy.asarray(array))


def _before(doc: Doc, i: int, start: int) -> int:
    """The index of the word before token i, past closing quotes ("The “Islamic State”
    stone ...")."""
    i -= 1
    while i > start and doc[i].is_quote:
        i -= 1
    return i


@Language.factory("marsad_headline_verbs")
def make_headline_verbs(nlp: Language, name: str) -> HeadlineVerbs:
    return HeadlineVerbs(nlp)
