"""marsad's spaCy components: matchers over the actor dictionary and the trigger lexicon.

Both are spaCy SpanRulers filled from package data files, so the results sit in
`doc.spans["marsad_actors"]` / `doc.spans["marsad_triggers"]` with the dictionary id on `span.id_`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from marsad import lexicon

ACTORS_KEY = "marsad_actors"
TRIGGERS_KEY = "marsad_triggers"


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 6 and bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def word_acronyms() -> dict[str, str]:
    """Actors' acronyms that spell an English word ("IS"), each with the norm the model should
    read it by: another acronym of the same actor, lower-cased ("isis")."""
    norms: dict[str, str] = {}
    for entry in lexicon.actors().values():
        acronyms = [a for a in entry.aliases if _is_acronym(a) and " " not in a]
        plain = [a for a in acronyms if a.lower() not in STOP_WORDS]
        for alias in acronyms:
            if alias.lower() in STOP_WORDS and plain:
                norms.setdefault(alias, plain[0].lower())
    return norms


def _pattern(nlp: Language, phrase: str, *, case_sensitive: bool) -> str | list[dict]:
    """A phrase pattern (hash lookups in spaCy's PhraseMatcher, fast) unless the phrase must
    match case-sensitively ("IS" is the group, "is" the verb): then an ORTH token pattern. An
    acronym that spells a word matches only where AcronymNorms took it for a name."""
    if case_sensitive:
        norm = word_acronyms().get(phrase)
        if norm is not None:
            return [{"ORTH": phrase, "NORM": norm}]
        return [{"ORTH": t.text} for t in nlp.make_doc(phrase)]
    return phrase


def actor_patterns(nlp: Language) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in lexicon.actors().values():
        label = "SOURCE" if entry.is_source else "ACTOR"
        for alias in entry.aliases:
            pattern = _pattern(nlp, alias, case_sensitive=_is_acronym(alias))
            patterns.append({"label": label, "pattern": pattern, "id": entry.id})
    descriptors, _ = lexicon.descriptors()
    for row in descriptors:
        ident = f"{row.get('tag', '')}|{row.get('generic', '')}"
        if row.get("participant"):
            ident += "|participant"  # kept only where it names a party (extract/actors.py)
        if row.get("modifier"):
            ident += "|modifier"  # kept only before a force or an attack (extract/actors.py)
        patterns.append({"label": "DESCRIPTOR", "pattern": row["phrase"], "id": ident})
    return patterns


def trigger_patterns(nlp: Language) -> list[dict[str, Any]]:
    return [
        {"label": entry.key, "pattern": phrase, "id": entry.key}
        for entry in lexicon.triggers().values()
        for phrase in entry.phrases
    ]


# (component name, spans key, patterns, phrase attribute, keep earlier spans in the key)
RULERS = (
    ("marsad_actors", ACTORS_KEY, actor_patterns, "LOWER", False),
    # Triggers match on lemmas ("clashed" ~ "clash") and on surface forms ("fighting" the noun,
    # whose lemma differs from the verb's), the second ruler adding to the first one's spans.
    ("marsad_triggers", TRIGGERS_KEY, trigger_patterns, "LEMMA", False),
    ("marsad_trigger_forms", TRIGGERS_KEY, trigger_patterns, "LOWER", True),
)


# Words that finish a two-word verb trigger and may stand apart from it ("drove the rebels out").
PARTICLES = {"out", "back", "up", "down", "off", "over", "away"}
# What may stand between a verb and the object noun of a two-word trigger ("traded heavy
# gunfire", "took full control"): the noun's own modifiers.
OBJECT_MODIFIERS = {"amod", "compound", "det", "nummod", "poss", "advmod"}
# The end of a verb trigger that may stand after its object ("stoned a woman to death").
TO_DEATH = ("to", "death")
# Prepositions that open the end of a verb trigger standing after its object ("took them into
# custody", "set the church on fire", "put him behind bars").
PHRASE_PREPOSITIONS = {"into", "on", "behind"}
# Words of things set burning, after the object ("set the church ablaze").
BURNING = {"ablaze", "alight", "afire"}


class ParticleTriggers:
    """Verb triggers whose particle stands apart from the verb ("pushed the militants out of",
    "took the town back"), those that end "to death" after the object ("stoned a woman to
    death") and those that end in what the object was made ("took the crew captive"). The
    phrase rulers match only adjacent words; this adds the verb as the trigger, replacing a
    one-word reading of the same verb ("push" the offensive). A verb and its object
    noun with modifiers between ("traded heavy gunfire", "took full control") are the phrase
    they spell, from the verb to the noun."""

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], str] = {}
        self.objects: dict[tuple[str, str], str] = {}
        for entry in lexicon.triggers().values():
            for phrase in entry.phrases:
                words = phrase.split()
                if len(words) == 2 and words[1] in PARTICLES:
                    self.keys.setdefault((words[0], words[1]), entry.key)
                elif len(words) == 3 and (
                    tuple(words[1:]) == TO_DEATH or words[1] in PHRASE_PREPOSITIONS
                ):
                    self.keys.setdefault((words[0], " ".join(words[1:])), entry.key)
                elif len(words) == 2:
                    self.objects.setdefault((words[0], words[1]), entry.key)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[int, str] = {}
        spread: list[tuple[int, int, str]] = []  # (verb, object end, key)
        for tok in doc:
            if (verb_key := self._verb_apart(tok)) is not None:
                found[verb_key[0].i] = verb_key[1]
            elif (key := self._object_apart(tok)) is not None:
                spread.append((tok.head.i, tok.i + 1, key))
            elif (key := self._passive_object(tok)) is not None:
                spread.append((tok.i, tok.head.i + 1, key))
        if found or spread:
            spans = doc.spans[TRIGGERS_KEY]
            inside = {i for start, end, _ in spread for i in range(start, end)}
            kept = [
                s
                for s in spans
                if not (s.end - s.start == 1 and (s.start in found or s.start in inside))
            ]
            # a longer phrase over the verb ("take control") keeps it
            covered = {i for s in kept for i in range(s.start, s.end)}
            found = {i: k for i, k in found.items() if i not in covered}
            added = [Span(doc, i, i + 1, label=k, span_id=k) for i, k in found.items()]
            added += [
                Span(doc, start, end, label=k, span_id=k)
                for start, end, k in spread
                if not covered & set(range(start, end))
            ]
            doc.spans[TRIGGERS_KEY] = sorted([*kept, *added], key=lambda s: (s.start, s.end))
        return doc

    def _object_apart(self, tok: Token) -> str | None:
        """The key of a verb-object phrase whose object noun stands apart from its verb with
        only its own modifiers between ("trade heavy gunfire", "took full control")."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.pos_ != "VERB" or tok.i <= verb.i + 1:
            return None
        key = self.objects.get((verb.lemma_.lower(), tok.lemma_.lower()))
        between = tok.doc[verb.i + 1 : tok.i]
        if key is None or any(t.head.i != tok.i or t.dep_ not in OBJECT_MODIFIERS for t in between):
            return None
        return key

    def _passive_object(self, tok: Token) -> str | None:
        """The key of a verb-object phrase told in the passive, the object its subject
        ("gunfire was exchanged between ...", "fire was traded"): the span runs from the noun
        to the verb, with only auxiliaries between."""
        verb = tok.head
        if tok.dep_ != "nsubjpass" or verb.pos_ != "VERB" or tok.i >= verb.i:
            return None
        key = self.objects.get((verb.lemma_.lower(), tok.lemma_.lower()))
        between = tok.doc[tok.i + 1 : verb.i]
        if key is None or any(
            t.head.i != verb.i or t.dep_ not in ("auxpass", "aux", "neg", "advmod") for t in between
        ):
            return None
        return key

    def _verb_apart(self, tok: Token) -> tuple[Token, str] | None:
        """The verb and trigger key of a phrase whose end `tok` stands apart from the verb."""
        verb = tok.head
        if (
            tok.lower_ in PARTICLES
            and tok.dep_ in ("prt", "prep", "advmod")
            and verb.pos_ == "VERB"
            and tok.i > verb.i + 1
        ):
            key = self.keys.get((verb.lemma_.lower(), tok.lower_))
        elif (tok.dep_ in ("oprd", "amod") or (tok.dep_ == "advcl" and tok.pos_ == "ADJ")) and (
            tok.i > verb.i
        ):
            # what the object was made: "took its crew captive"; the parser may hang the word
            # on the object as an adjective after it ("took five workers captive")
            if tok.dep_ == "amod":
                if verb.dep_ != "dobj" or tok.i != verb.i + 1:
                    return None
                verb = verb.head
            if verb.pos_ != "VERB" or tok.i <= verb.i + 1:
                return None
            key = self.objects.get((verb.lemma_.lower(), tok.lower_))
        elif tok.lower_ in BURNING:
            # "set the church ablaze", "set tyres alight": the parser hangs the word anywhere
            # (on the verb, on a noun after it); the verb is the nearest "set" before it
            window = tok.doc[max(tok.sent.start, tok.i - 8) : tok.i]
            verb = next((t for t in reversed(window) if t.lemma_.lower() == "set"), None)
            if verb is None or verb.pos_ != "VERB" or tok.i <= verb.i + 1:
                return None
            key = self.objects.get(("set", tok.lower_))
        elif tok.dep_ == "pobj" and (
            (tok.lower_, tok.head.lower_) == (TO_DEATH[1], TO_DEATH[0])
            or tok.head.lower_ in PHRASE_PREPOSITIONS
        ):
            # the verb a "to death" or "into custody" after its object belongs to: the
            # preposition hangs on the verb or somewhere in its object ("stoned [a woman [to
            # death]]", "beat two men suspected of being thieves to death")
            to = tok.head
            for verb in list(to.ancestors)[:7]:
                key = self.keys.get((verb.lemma_.lower(), f"{to.lower_} {tok.lower_}"))
                # (not where the phrase rulers matched it whole: "taken into custody")
                if key and verb.pos_ == "VERB" and (to.i > verb.i + 1 or tok.i > to.i + 1):
                    return verb, key
            return None
        else:
            return None
        return (verb, key) if key else None


class AcronymNorms:
    """An actor's acronym that spells an English word ("IS", the Islamic State, and "is") is read
    by the statistical model through its NORM, the lower-case word: the small model parses "IS
    fighters" and "regime forces target IS" as if "is" were the verb, and the sentence around
    it falls apart. Where such an acronym is written in capitals in text that is not, it gets the
    norm of another acronym of the same actor ("isis"), so the tagger, parser and NER see a name.
    Runs before the model; in capitalised text ("WHAT IS LEFT") the word keeps its own norm."""

    def __call__(self, doc: Doc) -> Doc:
        norms = word_acronyms()
        for tok in doc:
            norm = norms.get(tok.text)
            if norm is not None and not _in_capitals(doc, tok.i):
                tok.norm_ = norm
        return doc


def _in_capitals(doc: Doc, i: int, window: int = 3) -> bool:
    """Whether the words around token `i` are written in capitals (a shouted headline)."""
    near = [t for t in doc[max(0, i - window) : i + window + 1] if t.i != i and t.is_alpha]
    return sum(t.is_upper and len(t) > 1 for t in near) >= 2


# People words that, told armed with weapons of war, are an armed group with no name ("men
# armed with AK-47 rifles"); what a crowd picks up ("men armed with bats") makes no armed group.
ARMED_PEOPLE = {"man", "person", "individual", "people", "assailant", "group"}
CROWD_WEAPONS = {
    "bat", "club", "stick", "bottle", "stone", "rock", "rod", "whip", "cudgel", "brick", "pipe",
    "chain", "baton", "plank", "sword", "axe", "spear", "lathi", "trident",
}  # fmt: skip
ARMED_DESCRIPTOR = "|unidentified_armed_group"


class ArmedPeople:
    """People told armed with weapons ("men armed with rifles stormed the village") are an
    unidentified armed group, as "armed men" are in the descriptor list. The phrase rulers
    cannot read the participle after the noun; this adds the noun as a descriptor span."""

    def __call__(self, doc: Doc) -> Doc:
        armed = [tok for tok in doc if tok.lemma_.lower() in ARMED_PEOPLE and war_armed(tok)]
        if not armed:
            return doc  # most documents: no actor spans to read
        taken = {i for s in doc.spans[ACTORS_KEY] for i in range(s.start, s.end)}
        added = [
            Span(doc, tok.i, tok.i + 1, label="DESCRIPTOR", span_id=ARMED_DESCRIPTOR)
            for tok in armed
            if tok.i not in taken
        ]
        if added:
            spans = [*doc.spans[ACTORS_KEY], *added]
            doc.spans[ACTORS_KEY] = sorted(spans, key=lambda s: (s.start, s.end))
        return doc


def armed_with(people: Token) -> list[Token]:
    """What the people are told armed with ("men armed with bats and bottles")."""
    return [
        w
        for a in people.children
        if a.dep_ == "acl" and a.lower_ == "armed"
        for p in a.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for o in p.children
        if o.dep_ == "pobj"
        for w in (o, *o.conjuncts)
    ]


def war_armed(people: Token) -> bool:
    """The people are told armed with something other than what a crowd picks up."""
    return any(w.lemma_.lower() not in CROWD_WEAPONS for w in armed_with(people))


@Language.factory("marsad_armed_people")
def make_armed_people(nlp: Language, name: str) -> ArmedPeople:
    return ArmedPeople()


@Language.factory("marsad_acronym_norms")
def make_acronym_norms(nlp: Language, name: str) -> AcronymNorms:
    return AcronymNorms()


@Language.factory("marsad_particle_triggers")
def make_particle_triggers(nlp: Language, name: str) -> ParticleTriggers:
    return ParticleTriggers()


def add_components(nlp: Language) -> None:
    """Acronym norms before the model, paragraph breaks before the parser, title-case lines
    parsed again after it, lemmas mended; the matchers after NER (they need lemmas)."""
    from marsad.nlp import paragraphs  # noqa: F401  (registers the component)

    if "marsad_acronym_norms" not in nlp.pipe_names and nlp.pipe_names:
        nlp.add_pipe("marsad_acronym_norms", first=True)
    if "marsad_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("marsad_paragraphs", before="parser")
    if "marsad_title_case" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        from marsad.nlp import titlecase  # noqa: F401  (registers the component)

        nlp.add_pipe("marsad_title_case")  # after the model: it parses title-case lines again
    if "marsad_lemmas" not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        from marsad.nlp import lemmas  # noqa: F401  (registers the component)

        nlp.add_pipe("marsad_lemmas")  # before the rulers, which match on lemmas
    longest = {"@misc": "spacy.first_longest_spans_filter.v1"}
    for name, key, build, attr, keep in RULERS:
        if name in nlp.pipe_names:
            continue
        ruler = nlp.add_pipe(
            "span_ruler",
            name=name,
            config={
                "spans_key": key,
                "spans_filter": longest,
                "phrase_matcher_attr": attr,
                "overwrite": not keep,
                "validate": False,
            },
        )
        ruler.add_patterns(build(nlp))
    if "marsad_armed_people" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("marsad_armed_people")
    if "marsad_headline_verbs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        from marsad.nlp import headlines  # noqa: F401  (registers the component)

        nlp.add_pipe("marsad_headline_verbs")
    if "marsad_particle_triggers" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("marsad_particle_triggers")
