"""Headlines written in title case.

Feeds and news sites often write titles with every main word capitalised ("Rebels Shell Army
Positions Near Hama"). spaCy's small English model learned from text in sentence case and reads
such a word as a name: it tags "Shell" and "Positions" PROPN, keeps their written forms as lemmas
(so the lemma rulers miss "shell", the trigger), and its NER makes one organisation of "Islamic
State Fighters Seize Village Near Aleppo". This component parses a title-case line again with its
common words in lower case ("Rebels shell army positions near Hama") and copies the new analysis
(tags, parse, lemmas, entities) back onto the original words, whose text does not change.

A word is lowered where lower case is surely right: a verb, an adjective, an adverb or a plural
noun of the lemmatizer's English word lists (WordNet's, which spaCy ships), or a word of the
trigger lexicon or of the descriptions of parties ("regime", "army", "bombardment"). Never a
month, a weekday, a country or a nationality, nor a word right before a name in a place or
nationality entity the model found in the original ("Northern Iraq", "New York"); the rest of an
entity may be lowered, for in a title the model makes places and people of whole clauses ("Jets
Pound Rebel Positions" is a person to it). The line's first word and the
first after a colon keep their capitals, as in sentence case (the colon tells a headline's
label, "Syria: Army Shells ..."). Other singular nouns keep theirs: the word lists hold "aleppo"
and "mosul" too, and nothing here tells the two apart. Lines in sentence case, nearly all news
text, are left as they are.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from functools import lru_cache

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc, Span, Token

from marsad import countries, lexicon

ATTRS = [HEAD, DEP, TAG, POS, MORPH, LEMMA, ENT_IOB, ENT_TYPE]
# spaCy's codes of Token.ent_iob: inside an entity, its first token.
IOB_INSIDE, IOB_BEGIN = 1, 3
# Where the indices of the words read in lower case are kept (`Doc.user_data`), for a later
# parse of the same words (nlp/headlines.py).
LOWERED_KEY = "marsad_lowered"
# Entities whose words keep their capitals, common or not (not ORG: in title case the model
# makes organisations of whole clauses).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
# Parts of speech whose every form in the word lists is a common word.
OPEN_CLASSES = ("verb", "adj", "adv")
# Capitalised content words after the first a line needs to be read as a title ("Shelling
# Kills 3 in Aden"; "Clashes Resume" is too few to tell a title from a name).
MIN_WORDS = 2
# Longer lines are text, whatever their case (and a second parse of them would cost time).
MAX_TOKENS = 40
CALENDAR_WORDS = frozenset(
    w.lower() for w in [*calendar.month_name, *calendar.day_name, *calendar.month_abbr] if w
)


class TitleCase:
    """Parses a title-case line again with its common words in lower case."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
        self.lookups = getattr(lemmatizer, "lookups", None)
        self.domain = _domain_words()

    def __call__(self, doc: Doc) -> Doc:
        if self.lookups is None or not doc.has_annotation("DEP"):
            return doc
        for line in _lines(doc):
            if _in_title_case(line):
                lowered = self._lowered(line)
                if lowered:
                    self._reparse(doc, line, lowered)
                    # a list: spaCy's worker processes send user_data as msgpack, which has no sets
                    doc.user_data.setdefault(LOWERED_KEY, []).extend(
                        sorted(line.start + i for i in lowered)
                    )
        return doc

    def _lowered(self, line: Span) -> set[int]:
        """Indices (in the line) of the words to read in lower case."""
        common = {t.i for t in line if self._common(t)}
        # A common word right before a name in a place or nationality keeps its capital:
        # "Northern Iraq", "New York". The rest of the entity need not: in a title the model
        # makes places of whole clauses ("Heavy Raids That Target Villages Near Kandahar"),
        # as it makes people of them ("Jets Pound Rebel Positions").
        kept: set[int] = set()
        for ent in line.ents:
            if ent.label_ not in PLACE_LABELS:
                continue
            for tok in reversed(ent[:-1]):
                after = tok.doc[tok.i + 1]
                name = after.is_title and not after.is_stop and after.i not in common
                # through adjectives before a name: "New South Wales", not "Target Northern Iraq"
                if tok.i in common and (name or (after.i in kept and self._adjective(tok))):
                    kept.add(tok.i)
        return {i - line.start for i in common - kept}

    def _adjective(self, tok: Token) -> bool:
        assert self.lookups is not None
        return tok.lower_ in self.lookups.get_table("lemma_index").get("adj", ())

    def _common(self, tok: Token) -> bool:
        """A capitalised common word that is no month, weekday, country or nationality, and
        does not start the line or follow a colon: those keep their capitals, as in sentence
        case (the colon tells a headline's label, "Syria: Army Shells ...", nlp/paragraphs.py)."""
        return (
            tok.is_title
            and tok.i > 0
            and tok.doc[tok.i - 1].text != ":"
            and not tok.doc[tok.i - 1].is_space
            and tok.lower_ not in CALENDAR_WORDS
            and (tok.lower_ in self.domain or _common_word(self.lookups, tok.lower_))
            and countries.lookup(tok.text) is None
            and tok.lower_ not in _demonym_words()
        )

    def _reparse(self, doc: Doc, line: Span, lowered: set[int]) -> None:
        words = [t.lower_ if i in lowered else t.text for i, t in enumerate(line)]
        again = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in line])
        for name, component in self.nlp.pipeline:
            if name == self.name:
                break
            again = component(again)
        array = doc.to_array(ATTRS)
        array[line.start : line.end] = again.to_array(ATTRS)  # heads are relative offsets
        iob = ATTRS.index(ENT_IOB)
        if line.end < len(doc) and array[line.end, iob] == IOB_INSIDE:
            # the model's entity ran on past the line (into its line break): what is left of
            # it after the line starts anew
            array[line.end, iob] = IOB_BEGIN
        doc.from_array(ATTRS, numpy.asarray(array))


def _lines(doc: Doc) -> list[Span]:
    """The document's lines: runs of tokens between line breaks."""
    out, start = [], 0
    for tok in doc:
        if tok.is_space and "\n" in tok.text:
            if tok.i > start:
                out.append(doc[start : tok.i])
            start = tok.i + 1
    if start < len(doc):
        out.append(doc[start:])
    return out


def _in_title_case(line: Span) -> bool:
    """Every content word after the first is capitalised ("Rebels Shell Army Positions Near
    Hama"): small words ("in", "of") and the end of a hyphenated word ("Regime-held") may be
    either."""
    if len(line) > MAX_TOKENS:
        return False
    words = [
        t
        for t in line[1:]
        if t.is_alpha
        and not t.is_stop
        and len(t) > 1
        and not t.is_upper
        and not (t.doc[t.i - 1].text == "-" and not t.doc[t.i - 2].whitespace_)
    ]
    return len(words) >= MIN_WORDS and all(t.text[0].isupper() for t in words)


def _common_word(lookups: Lookups, word: str) -> bool:
    """Whether `word` is a verb, adjective or adverb form, or a plural noun, in the English word
    lists ("kill", "kills", "deadly", "soldiers"): the lemmatizer's own index, exceptions and
    suffix rules."""
    index = lookups.get_table("lemma_index")
    exceptions = lookups.get_table("lemma_exc")
    rules = lookups.get_table("lemma_rules")
    for pos in OPEN_CLASSES:
        if word in index.get(pos, ()) or word in exceptions.get(pos, {}):
            return True
        if any(_stem_in(word, old, new, index.get(pos, ())) for old, new in rules.get(pos, ())):
            return True
    plural = exceptions.get("noun", {}).get(word)
    if plural and plural[0] != word:
        return True
    return any(
        old and _stem_in(word, old, new, index.get("noun", ()))
        for old, new in rules.get("noun", ())
        if old.endswith("s")
    )


def _stem_in(word: str, old: str, new: str, words: Collection[str]) -> bool:
    return word.endswith(old) and word[: len(word) - len(old)] + new in words


@lru_cache(maxsize=1)
def _domain_words() -> frozenset[str]:
    """The words of the trigger lexicon and of the generic descriptions of parties ("regime",
    "army", "bombardment"): common nouns of conflict news, singular or not."""
    phrases = [p for e in lexicon.triggers().values() for p in e.phrases]
    phrases += [row["phrase"] for row in lexicon.descriptors()[0]]
    words = {w for p in phrases for w in p.lower().split() if w.isalpha()}
    return frozenset(w for w in words if countries.lookup(w) is None) - _demonym_words()


@lru_cache(maxsize=1)
def _demonym_words() -> frozenset[str]:
    """Every word of a nationality and its plural ("syrian", "iraqis", "saudi")."""
    return frozenset(w.lower() for d in countries.demonyms() for w in d.split())


@Language.factory("marsad_title_case")
def make_title_case(nlp: Language, name: str) -> TitleCase:
    return TitleCase(nlp, name)
