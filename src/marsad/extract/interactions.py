"""PLOVER readings of sentences: who did what to whom, for every kind of interaction.

The ACLED mentions (mentions.py) code political violence, protests and strategic developments;
this component gives every sentence that tells of an interaction between parties -- a visit, a
promise, a demand, a rejection, a sanction, an arrest, an attack -- one `Interaction`: a PLOVER
type (and mode where the words tell it), the source and the target read off the dependency parse
around the trigger, each with its text span and country. It reads the doc only and never adds
or changes an ACLED event.

How a sentence is read (the lexicon and word lists are data: taxonomies/plover.yaml):
1. Trigger words of every PLOVER type are found on lemmas; the act of the sentence is the one
   highest in the parse (the main clause's verb before what it governs: "rejected an offer of
   talks" is a rejection). A light verb yields to its object ("ordered patrols" is a deployment).
2. The act's framing changes its type as PLOVER codes it: an announced intention is a promise
   (AGREE) for cooperative acts and a threat for hostile ones, as is any act made conditional
   ("unless ..."); an obligation said of another party ("X must ...") is a demand on it.
3. Source: the active subject or the passive agent, climbing through control verbs and resolving
   a pronoun to the party that speaks. Target: the object, a passive subject, an indirect
   object, the party inside an object that is itself an act ("an Indian proposal", "calls by X"),
   then prepositional objects ("with X", "to X", "against X", "on X"), then the other conjunct of
   a coordinated subject ("X and Y met"), and last the country or city the act takes place in.
   A party the actor dictionary knows carries its canonical name ("SDF" -> "Syrian Democratic
   Forces"), as event actors do; the words as written stay in its span and `aliases_matched`.
4. Date: as event mentions are dated, the sentence's time expression nearest the act in the
   parse (resolved against the publication date by dates.py), else the publication date at week
   precision with no span.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from marsad import countries, lexicon
from marsad.extract.actors import ActorIndex
from marsad.extract.dates import nearest_date, sentence_dates
from marsad.extract.modality import modality
from marsad.model import Actor, Article, Interaction, Place, Span, When

CLAUSES = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "appos", "conj", "cc"}
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
NOT_TRIGGER_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "WORK_OF_ART"}
NOT_PARTY_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
FORCES = {"troop", "force", "soldier", "army", "police", "unit", "contingent", "personnel",
          "reinforcement", "battalion", "brigade", "division", "warship", "ship", "jet",
          "aircraft", "tank"}  # fmt: skip
PRONOUNS = {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "i"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
GAP_POS = {"DET", "ADJ", "ADV", "NUM", "PRON", "PART", "NOUN"}
GAP_DEPS = {"det", "amod", "compound", "nummod", "poss", "advmod", "npadvmod", "quantmod"}
QUANTIFIERS = {"most", "many", "several", "few", "some", "numerous", "all", "both", "each",
               "up", "to", "at", "least", "about", "around", "nearly", "almost", "over",
               "more", "than", "another", "other", "various", "dozens", "hundreds",
               "thousands", "tens"}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    type: str
    mode: str | None
    words: tuple[str, ...]
    pos: str | None
    objects: frozenset[str]
    order: int


@dataclass(frozen=True)
class Hit:
    entry: Entry
    head: Token
    tokens: tuple[Token, ...]

    @property
    def rank(self) -> tuple[int, int, int, int, int]:
        return (
            depth(self.head),
            0 if self.head.pos_ in ("VERB", "AUX") else 1,
            0 if self.entry.objects else 1,
            -len(self.entry.words),
            self.head.i,
        )


# How far below the main clause a word is: a subordinate clause ("after X happened", "who did
# Y") is background to the main act, a prepositional object is closer than a clause.
EDGE_WEIGHT = {"advcl": 3, "relcl": 3, "acl": 3, "parataxis": 3, "prep": 1, "pobj": 1, "agent": 1}


def depth(tok: Token) -> int:
    total = 0
    while tok.head.i != tok.i:
        total += EDGE_WEIGHT.get(tok.dep_, 2)
        tok = tok.head
    return total


@dataclass
class Frame:
    """How the act is framed between it and the verb that reports it."""

    intention: bool = False  # "will", "plans to", "is ready to"
    obligation: Token | None = None  # the clause verb that carries "must" / "should"
    conditional: bool = False  # "unless ...", "if ..."
    negated: bool = False


@dataclass(frozen=True)
class Reading:
    """What `plover.yaml` says, compiled once."""

    by_first: dict[str, tuple[Entry, ...]]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    legacy: dict[str, str]
    reporting: frozenset[str]
    intention: frozenset[str]
    obligation: frozenset[str]
    conditional: frozenset[str]
    actor_nouns: frozenset[str]
    target_preps: tuple[str, ...]
    light_verbs: frozenset[str]


@lru_cache(maxsize=1)
def reading() -> Reading:
    data = lexicon.load_data("taxonomies/plover.yaml")
    by_first: dict[str, list[Entry]] = {}
    order = 0
    for plover_type, rows in data["lexicon"].items():
        for row in rows:
            for phrase in row["phrases"]:
                words = tuple(str(phrase).lower().split())
                entry = Entry(
                    plover_type,
                    row.get("mode"),
                    words,
                    row.get("pos"),
                    frozenset(str(o) for o in row.get("objects", ())),
                    order,
                )
                order += 1
                by_first.setdefault(words[0], []).append(entry)
    r = data["reading"]
    return Reading(
        by_first={k: tuple(v) for k, v in by_first.items()},
        cooperative=frozenset(data["cooperative"]),
        hostile=frozenset(data["hostile"]),
        legacy=dict(data.get("legacy_types", {})),
        reporting=frozenset(r["reporting"]),
        intention=frozenset(str(w) for w in r["intention"]),
        obligation=frozenset(r["obligation"]),
        conditional=frozenset(r["conditional"]),
        actor_nouns=frozenset(r["actor_nouns"]),
        target_preps=tuple(str(p) for p in r["target_preps"]),
        light_verbs=frozenset(r["light_verbs"]),
    )


def _keys(tok: Token) -> tuple[str, str]:
    return tok.lemma_.lower(), tok.lower_


def _named(template: str | None, iso2: str | None) -> str | None:
    """A dictionary name with its country filled in ("Police Forces of {country}"); None when
    the party's country is unknown (the words as written are then a better name)."""
    if not template or "{country}" not in template:
        return template
    country = lexicon.country_name(iso2)
    return template.format(country=country) if country else None


def _subtree_lemmas(tok: Token) -> set[str]:
    out = {tok.lemma_.lower(), tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "conj"):
            out |= {c.lemma_.lower(), c.lower_}
    return out


class InteractionReader:
    def __init__(self, doc: Doc, article: Article, index: ActorIndex, places: Sequence[Place]):
        self.doc = doc
        self.ents = doc.ents  # spaCy builds this tuple anew on every access: read once
        self.article = article
        self.index = index
        self.r = reading()
        self.country_by_char: dict[int, str] = {}
        for p in places:
            if p.span is not None and p.country_iso2:
                for c in range(p.span.start, p.span.end):
                    self.country_by_char.setdefault(c, p.country_iso2)
        self.last_source: Actor | None = None

    # -- the whole doc ------------------------------------------------------------------------
    def read(self) -> list[Interaction]:
        out: list[Interaction] = []
        for sent in self.doc.sents:
            found = self._sentence(sent)
            if found is not None:
                out.append(found)
                if found.source is not None:
                    self.last_source = found.source
        return out

    # -- triggers -----------------------------------------------------------------------------
    def _hits(self, sent: SpacySpan) -> Iterator[Hit]:
        by_first = self.r.by_first
        for tok in sent:
            entries = {e for k in _keys(tok) for e in by_first.get(k, ())}
            if not entries:
                continue
            for entry in sorted(entries, key=lambda e: e.order):
                tokens = self._match(tok, entry.words, sent.end)
                if tokens is None:
                    continue
                head = min(tokens, key=depth)
                if self._usable(head, entry):
                    yield Hit(entry, head, tokens)

    def _match(self, first: Token, words: tuple[str, ...], end: int) -> tuple[Token, ...] | None:
        tokens = [first]
        i = first.i + 1
        for word in words[1:]:
            gap = 0
            while i < end and word not in _keys(self.doc[i]):
                gap_tok = self.doc[i]
                if (gap_tok.pos_ not in GAP_POS and gap_tok.dep_ not in GAP_DEPS) or gap >= 2:
                    return None
                gap += 1
                i += 1
            if i >= end:
                return None
            tokens.append(self.doc[i])
            i += 1
        return tuple(tokens)

    def _usable(self, head: Token, entry: Entry) -> bool:
        if head.ent_type_ in NOT_TRIGGER_ENTITIES:
            return False  # "Amnesty International", "Liberation Tigers", "March"
        if entry.pos == "VERB" and head.pos_ not in ("VERB", "AUX"):
            return False
        if entry.pos == "NOUN" and head.pos_ not in ("NOUN", "PROPN"):
            return False
        if (
            head.pos_ in ("NOUN", "PROPN", "ADJ")
            and head.dep_ in MODIFIER_DEPS
            and self._is_party(head.head)
        ):
            return False  # "riot police", "peacekeeping force": a kind of party, not an act
        if head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            return False
        if head.dep_ in ("acl", "amod") and head.tag_ == "VBN" and not self._agent(head):
            return False  # "prisoners accused of X", "a planned visit": said of a noun, no act
        if entry.objects:
            return bool(self._object_lemmas(head) & entry.objects)
        return True

    def _object_lemmas(self, head: Token) -> set[str]:
        out: set[str] = set()
        if head.pos_ in ("NOUN", "PROPN"):
            # a noun reading like "lifting of the blockade": what it is of
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "on"):
                    for o in c.children:
                        if o.dep_ == "pobj":
                            out |= _subtree_lemmas(o)
            return out
        for c in head.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                out |= _subtree_lemmas(c)
            elif c.dep_ == "prt":
                for o in head.children:
                    if o.dep_ == "dobj":
                        out |= _subtree_lemmas(o)
        return out

    # -- one sentence -------------------------------------------------------------------------
    def _sentence(self, sent: SpacySpan) -> Interaction | None:
        hits = list(self._hits(sent))
        if not hits:
            return None
        best: dict[int, Hit] = {}
        for h in hits:  # one reading per head: a condition met beats none, longer beats shorter
            old = best.get(h.head.i)
            if old is None or h.rank[2:4] < old.rank[2:4]:
                best[h.head.i] = h
        for top in sorted(best.values(), key=lambda h: h.rank):
            found = self._reading(sent, top, best)
            if found is not None:
                return found  # the highest act that names a party
        return None

    def _reading(self, sent: SpacySpan, top: Hit, best: dict[int, Hit]) -> Interaction | None:
        plover_type, mode = top.entry.type, top.entry.mode
        act = top.head
        if act.lemma_.lower() in self.r.light_verbs and act.pos_ in ("VERB", "AUX"):
            # "ordered patrols", "signed an accord": the object's act, told by the light verb
            objects = [best[c.i] for c in act.children if c.dep_ == "dobj" and c.i in best]
            if objects:
                plover_type, mode = objects[0].entry.type, objects[0].entry.mode
        verb = act if act.pos_ in ("VERB", "AUX") else self._governor(act)
        frame = self._frame(verb or act)
        if frame.obligation is not None and plover_type != "REQUEST":
            plover_type, mode = "REQUEST", None  # "X said Y must ...": a demand on Y
        elif plover_type not in ("AGREE", "THREATEN", "REQUEST", "REJECT"):
            if frame.conditional and frame.intention:
                plover_type, mode = "THREATEN", None
            elif frame.intention:
                if plover_type in self.r.cooperative:
                    plover_type, mode = "AGREE", None
                elif plover_type in self.r.hostile:
                    plover_type, mode = "THREATEN", None
        if frame.negated and plover_type in self.r.cooperative | {"REQUEST"}:
            plover_type, mode = "REJECT", None

        own_forces = top.entry.type in ("MOBILIZE", "RETREAT")
        source, target = self._roles(act, verb, frame, plover_type, own_forces)
        if source is None and target is None:
            return None  # no party acts or is acted on: "quiet returned to the city"
        trigger_tokens = sorted(top.tokens, key=lambda t: t.i)
        trig = self.doc[trigger_tokens[0].i : trigger_tokens[-1].i + 1]
        return Interaction(
            type=plover_type,
            source=source,
            target=target,
            mode=mode,
            modality=modality(act),
            trigger=Span(self.article.id, trig.start_char, trig.end_char, trig.text),
            sentence=Span(self.article.id, sent.start_char, sent.end_char, sent.text),
            when=self._when(sent, act),
        )

    # -- date ---------------------------------------------------------------------------------
    def _when(self, sent: SpacySpan, act: Token) -> When | None:
        """The sentence's point in time nearest the act in the parse; else the publication
        date at week precision (ACLED time_precision 2), as an undated event mention gets."""
        published: date | None = self.article.published
        own = nearest_date(act, sentence_dates(sent, published, self.article.id))
        if own is not None:
            return own
        return When(published, published, "week", None) if published is not None else None

    def _governor(self, noun: Token) -> Token | None:
        """The verb a noun trigger is the object (or subject) of: "imposed sanctions"."""
        tok = noun
        for _ in range(4):
            if tok.head.i == tok.i:
                return None
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                return tok
        return None

    def _frame(self, verb: Token) -> Frame:
        """Intention, obligation, condition and negation around the act, up to the verb that
        reports it ("X said it would ...": the report is not the act)."""
        frame = Frame()
        r = self.r
        for n, tok in enumerate([verb, *verb.ancestors]):
            lemma = tok.lemma_.lower()
            if n and lemma in r.reporting:
                break
            if n and tok.dep_ in ("relcl", "acl"):
                break
            for c in tok.children:
                cl = c.lower_
                if c.dep_ in ("aux", "auxpass"):
                    if cl in r.obligation and frame.obligation is None:
                        frame.obligation = tok
                    if cl in r.intention or c.lemma_.lower() in r.intention:
                        frame.intention = True
                elif c.dep_ == "neg" and n == 0:
                    frame.negated = True
                elif c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in r.conditional for m in c.children
                ):
                    frame.conditional = True
            if n and (lemma in r.intention or tok.lower_ in r.intention):
                frame.intention = True
            if n and tok.dep_ == "acomp" and lemma in r.intention:
                frame.intention = True
            if tok.dep_ in ("ROOT",):
                break
            if tok.dep_ not in ("xcomp", "ccomp", "conj", "acomp", "advcl", "pcomp", "prep",
                                "pobj", "dobj"):  # fmt: skip
                break
        # "X is willing / ready / prepared to ...": the adjective governs the act
        head = verb.head
        if verb.dep_ == "xcomp" and head.lemma_.lower() in r.intention:
            frame.intention = True
        return frame

    # -- roles --------------------------------------------------------------------------------
    def _roles(
        self, act: Token, verb: Token | None, frame: Frame, plover_type: str, own_forces: bool
    ) -> tuple[Actor | None, Actor | None]:
        """Source and target of the act. `own_forces`: the act moves the source's own forces
        ("deployed troops to X", "pulled its forces out of X"): they are not its target."""
        obligation = frame.obligation
        if obligation is not None and plover_type == "REQUEST":
            # "X said Y must ...": the speaker demands, Y is asked
            subj = self._subject(obligation, climb=False)
            speaker = self._speaker(obligation)
            if speaker is not None:
                target = self._actor(subj) if subj is not None else None
                return self._actor(speaker), target
        source_tok: Token | None = None
        target_toks: list[Token] = []
        if verb is not None:
            agent = self._agent(verb)
            passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if agent is not None:
                source_tok = agent
            if passive:
                target_toks.extend(passive)  # "a camp for refugees was attacked": inside it
                target_toks.extend(t for p in passive for t in self._noun_targets(p))
            if agent is None and not passive:
                source_tok = self._subject(verb)
        if verb is not None and verb.dep_ == "acl" and source_tok is not None:
            target_toks.append(verb.head)  # "the SDF, supported by the coalition"
        if verb is None or act.i != verb.i:
            target_toks.extend(self._noun_targets(act))
        if verb is not None:
            target_toks.extend(self._verb_targets(verb, exclude=act))
        if source_tok is not None:
            target_toks.extend(c for c in source_tok.children if c.dep_ == "conj")
        if verb is not None:
            target_toks.extend(self._purpose(verb))
            target_toks.extend(self._where(verb))
        source = self._actor(source_tok) if source_tok is not None else None
        if source is None and source_tok is not None:
            # "Israeli army bulldozers", "thousands of Kurds": the party the phrase is of
            inner = [
                c
                for c in source_tok.children
                if c.dep_ in ("poss", "compound", "amod", "nmod") and self._is_party(c)
            ] + [o for c in source_tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"]  # fmt: skip
            source = next((a for t in inner if (a := self._actor(t)) is not None), None)
        target = None
        seen = set(self._phrase(source_tok)) if source_tok is not None else set()
        for tok in target_toks:
            if tok in seen or tok.i in {t.i for t in seen}:
                continue
            if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                continue  # "withdrew its troops": the doer's own, not the other party
            if own_forces and tok.lemma_.lower() in FORCES:
                continue
            cand = self._actor(tok)
            if cand is None:
                continue
            if source is not None and cand.span == source.span:
                continue
            target = cand
            break
        return source, target

    def _agent(self, verb: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ == "agent":
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
        return None

    def _subject(self, verb: Token, climb: bool = True) -> Token | None:
        tok = verb
        for _ in range(4):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
            if subj:
                s = subj[0]
                if s.lower_ in PRONOUNS or s.pos_ == "PRON":
                    return self._speaker(tok) or self._antecedent(s)
                return s
            agent = self._agent(tok)
            if agent is not None and tok.i != verb.i:
                return agent
            if not climb:
                return None
            if tok.dep_ == "xcomp":
                # object control: "urged X to ...", "allowed X to ..."
                objs = [c for c in tok.head.children if c.dep_ in ("dobj", "dative")]
                if objs and tok.head.lemma_.lower() not in self.r.intention:
                    return objs[0] if tok.i != verb.i else self._subject(tok.head)
            if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and tok.head.i != tok.i:
                tok = tok.head
                continue
            if tok.dep_ == "acl" and tok.tag_ != "VBN" and self._is_party(tok.head):
                return tok.head  # "rebels fighting the army": the party it says it of
            if tok.dep_ == "acl" and tok.head.dep_ in ("dobj", "pobj", "attr"):
                # "issued a statement demanding ...": the issuer demands
                tok = tok.head.head
                continue
            if tok.dep_ in ("pobj", "prep"):
                tok = tok.head
                continue
            break
        return None

    def _antecedent(self, pronoun: Token) -> Token:
        """ "They urged ...": the source of the previous sentence's interaction, else the
        pronoun itself (no party)."""
        source = self.last_source
        if source is not None and source.span is not None and pronoun.lower_ in ("they", "it"):
            span = self.doc.char_span(source.span.start, source.span.end, alignment_mode="expand")
            if span is not None:
                return span.root
        return pronoun

    def _speaker(self, tok: Token) -> Token | None:
        """The nearest governing verb's subject that names a party (not a pronoun)."""
        for anc in tok.ancestors:
            for c in anc.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" and self._is_party(c):
                    return c
        root = tok.sent.root
        if root.i != tok.i and root.lemma_.lower() in self.r.reporting:
            for c in root.children:
                if c.dep_ == "nsubj" and c.pos_ != "PRON":
                    return c
        return None

    def _verb_targets(self, verb: Token, exclude: Token | None, depth: int = 0) -> list[Token]:
        out: list[Token] = []
        kids = list(verb.children)
        out.extend(c for c in kids if c.dep_ == "dative")
        for c in kids:
            excluded = exclude is not None and c.i == exclude.i
            if c.dep_ in ("dobj", "attr", "oprd") and not excluded:
                out.append(c)
                out.extend(self._noun_targets(c))
            elif c.dep_ == "dobj" and excluded:
                out.extend(self._noun_targets(c))
        for prep in self.r.target_preps:
            if prep in ("by", "in"):
                continue
            for c in kids:
                if c.dep_ in ("prep", "dative") and c.lower_ == prep:
                    for o in c.children:
                        if o.dep_ == "pobj":
                            out.append(o)
                            out.extend(self._noun_targets(o))
                        elif o.dep_ == "pcomp":
                            out.extend(self._verb_targets(o, None, depth + 1))
        for c in kids:
            if c.dep_ in ("xcomp", "ccomp") and depth < 2:
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                for s in subj:
                    if s.pos_ != "PRON":
                        out.append(s)
                        out.extend(self._noun_targets(s))
                out.extend(self._verb_targets(c, None, depth + 1))
        return out

    def _noun_targets(self, noun: Token, depth: int = 0) -> list[Token]:
        """The party inside an object that is itself an act or a thing: "an Indian proposal",
        "President X's statement", "calls by X", "sanctions against X", "offices of X"."""
        out: list[Token] = []
        for c in noun.children:
            if c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound", "nmod")
                and (c.ent_type_ in NAMED or c.lower_ in countries.demonyms() or c.pos_ == "PROPN")
            ):
                out.append(c)
        for prep in self.r.target_preps:
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ == prep:
                    for o in c.children:
                        if o.dep_ != "pobj":
                            continue
                        if prep != "in":
                            out.append(o)
                        elif o.ent_type_ in ("GPE", "LOC", "FAC"):
                            continue  # where, not whom
                        if depth < 2:
                            out.extend(self._noun_targets(o, depth + 1))
        return out

    def _purpose(self, verb: Token) -> list[Token]:
        """Next: whom the act is aimed at by its purpose ("went on strike to protest X's
        policy", "in protest at X", "calling for independence from X")."""
        out: list[Token] = []
        for c in verb.children:
            if c.dep_ == "advcl":
                out.extend(self._verb_targets(c, None, 1))
            elif c.dep_ == "prep" and c.lower_ == "in":
                for o in c.children:
                    if o.dep_ == "pobj" and o.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"):
                        out.extend(self._noun_targets(o))
        return out

    def _where(self, verb: Token) -> list[Token]:
        """Last resort: the country or city the act takes place in ("demonstrated in X")."""
        out: list[Token] = []
        for tok in (verb, *[c for c in verb.children if c.dep_ in ("xcomp", "dobj")]):
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "into"):
                    for o in c.children:
                        if o.dep_ == "pobj" and o.ent_type_ == "GPE":
                            out.append(o)
        return out

    # -- actors -------------------------------------------------------------------------------
    def _phrase(self, head: Token, where: bool = True) -> list[Token]:
        """The noun phrase of a party without its clauses; `where=False` also leaves out
        where it is ("students in Khartoum" -> "students")."""
        out = [head]
        for c in head.children:
            if c.dep_ in CLAUSES or (c.dep_ == "punct" and c.text not in ("-", "/", "'", "&")):
                continue
            if c.dep_ == "prep" and c.lower_ not in ("of", "in", "from"):
                continue
            if c.dep_ == "prep" and c.lower_ == "in" and not where:
                continue
            out.extend(self._phrase(c, where))
        return sorted(out, key=lambda t: t.i)

    def _is_party(self, head: Token) -> bool:
        if head.ent_type_ in NOT_PARTY_ENTITIES:
            return False
        if head.ent_type_ in NAMED or head.i in self.index.by_token:
            return True
        if head.lemma_.lower() in self.r.actor_nouns or head.lower_ in self.r.actor_nouns:
            return True
        return head.lower_ in countries.demonyms()

    def _actor(self, head: Token | None) -> Actor | None:
        if head is None or head.pos_ in ("PRON", "DET") or head.lower_ in PRONOUNS:
            return None
        if head.dep_ == "poss" and head.head.lemma_.lower() in self.r.actor_nouns:
            head = head.head  # "Jordan's king": the king, of Jordan
        if not self._is_party(head):
            return None  # "Palestinian lorries": the party is the modifier, read on its own
        whole = self._phrase(head)
        tokens = self._phrase(head, where=False)
        while (
            tokens
            and tokens[0].i != head.i
            and (
                tokens[0].pos_ in ("DET", "PUNCT", "CCONJ", "NUM", "SPACE")
                or tokens[0].dep_ in ("det", "predet", "nummod", "quantmod")
                or tokens[0].lower_ in QUANTIFIERS
            )
        ):
            tokens = tokens[1:]
        while tokens and tokens[-1].pos_ in ("PUNCT", "PART", "SPACE") and tokens[-1].i != head.i:
            tokens = tokens[:-1]
        s = self.doc[tokens[0].i : tokens[-1].i + 1]
        span = Span(self.article.id, s.start_char, s.end_char, s.text)
        known = next((self.index.by_token[t.i] for t in whole if t.i in self.index.by_token), None)
        known_actor = known.actor if known is not None and not known.is_source else None
        country = self._country(whole) or (known_actor.country if known_actor else None)
        canonical = _named(known_actor.name, country) if known_actor else None
        return Actor(
            name=canonical or s.text,
            canonical_id=known_actor.canonical_id if known_actor else None,
            kind=known_actor.kind if known_actor else None,
            inter=known_actor.inter if known_actor else None,
            country=country,
            acled_name=_named(known_actor.acled_name, country) if known_actor else None,
            aliases_matched=(s.text,),
            span=span,
        )

    def _country(self, tokens: list[Token]) -> str | None:
        """A country named in the phrase: a country name, a nationality, then any place the
        gazetteer resolved ("Amman" -> JO)."""
        inside = {t.i for t in tokens}
        for ent in self.ents:
            if ent.label_ == "GPE" and ent.start in inside:
                text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
                found = countries.lookup(text)
                if found is not None:
                    return found.iso2
        demonyms = countries.demonyms()
        for t in tokens:
            if (t.ent_type_ in ("NORP", "GPE") or t.pos_ in ("PROPN", "ADJ")) and (
                t.lower_ in demonyms
            ):
                return demonyms[t.lower_]
        for t in tokens:
            iso2 = self.country_by_char.get(t.idx)
            if iso2:
                return iso2
        return None
