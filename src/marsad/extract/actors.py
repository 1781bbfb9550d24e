"""Actor mentions of one article, normalised to canonical actors.

Dictionary aliases give canonical actors directly; generic descriptions ("the jihadists", "the
Kurdish-led alliance") are resolved inside the article to the most mentioned actor that carries a
matching tag, else to a country-scoped generic actor ("Civilians ({country})"), whose country is
filled in when the event's place is known.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from marsad import countries, lexicon
from marsad.model import Actor, Place, Span
from marsad.nlp.components import ACTORS_KEY

FORCE_NOUNS = {
    "fighters",
    "forces",
    "troops",
    "men",
    "militants",
    "soldiers",
    "militiamen",
    "units",
}
PERSONAL_PRONOUNS = {"he", "she", "they", "it", "we"}
# The tag of a descriptor that refers back to the party last named ("the group").
ANTECEDENT = "@antecedent"
NON_STATE_ARMED = {2, 3, 4}
# A nationality names a state actor only when it qualifies its forces or their weapons
# ("Turkish troops", "Russian air strikes"), not people ("Egyptian women").
FORCE_HEADS = {
    "force", "troop", "army", "military", "soldier", "police", "warplane", "jet", "aircraft",
    "plane", "drone", "navy", "artillery", "shelling", "strike", "airstrike", "raid", "government",
    "authority", "official", "militia", "fighter", "helicopter", "tank", "gunboat", "coast",
    "guard", "bombardment", "attack", "offensive", "operation", "missile", "rocket", "commando",
}  # fmt: skip


@dataclass(frozen=True)
class ActorMention:
    start: int  # token offsets in the doc
    end: int
    actor: Actor
    is_source: bool  # a monitor or agency that reports, not a party


def _span(doc: Doc, start: int, end: int, article_id: str) -> Span:
    s = doc[start:end]
    return Span(article_id, s.start_char, s.end_char, s.text)


def entry_actor(entry: lexicon.ActorEntry, text: str, span: Span | None) -> Actor:
    return Actor(
        name=entry.name,
        canonical_id=entry.id,
        kind=entry.kind,
        inter=entry.inter,
        country=entry.country,
        acled_name=entry.acled_name or entry.name,
        aliases_matched=(text,),
        span=span,
    )


def generic_actor(key: str, text: str, span: Span | None, country: str | None = None) -> Actor:
    _, generics = lexicon.descriptors()
    spec = generics[key]
    return Actor(
        name=spec["name"],
        canonical_id=f"generic:{key}" + (f":{country}" if country else ""),
        kind=spec["kind"],
        inter=spec["inter"],
        country=country,
        acled_name=spec["name"],
        aliases_matched=(text,),
        span=span,
    )


def country_actor(iso2: str, text: str, span: Span | None, *, violent: bool) -> Actor:
    """A country named as a doer: its military for violence, its government otherwise."""
    name = lexicon.country_name(iso2) or iso2
    key = "state_forces" if violent else "government"
    _, generics = lexicon.descriptors()
    return Actor(
        name=name,
        canonical_id=f"state:{iso2}",
        kind="State forces",
        inter=1,
        country=iso2,
        acled_name=generics[key]["name"].format(country=name),
        aliases_matched=(text,),
        span=span,
    )


def resolve_actors(doc: Doc, article_id: str) -> list[ActorMention]:
    entries = lexicon.actors()
    spans = sorted(doc.spans[ACTORS_KEY], key=lambda s: s.start)
    salience: Counter[str] = Counter(s.id_ for s in spans if s.label_ in ("ACTOR", "SOURCE"))
    by_tag: dict[str, list[str]] = {}
    for ident in salience:
        for tag in entries[ident].tags:
            by_tag.setdefault(tag, []).append(ident)

    # named parties, and "the group" that refers back to one ("fighters of the group")
    named_starts = {s.start for s in spans if s.label_ == "ACTOR"}
    named_starts |= {
        s.start
        for s in spans
        if s.label_ == "DESCRIPTOR"
        and s.id_.startswith(ANTECEDENT)
        and _armed_antecedent(
            next(
                (
                    entries[n.id_]
                    for n in reversed(spans)
                    if n.label_ in ("ACTOR", "SOURCE") and n.start < s.start
                ),
                None,
            )
        )
    }
    mentions: list[ActorMention] = []
    for s in spans:
        span = _span(doc, s.start, s.end, article_id)
        if s.label_ in ("ACTOR", "SOURCE"):
            entry = entries[s.id_]
            mentions.append(
                ActorMention(s.start, s.end, entry_actor(entry, s.text, span), entry.is_source)
            )
            continue
        named = mentions[-1] if mentions else None
        if (
            named is not None
            and not named.is_source
            and named.end == s.start
            and doc[named.end - 1].head.i in range(s.start, s.end)
        ):
            # "Al-Nusra Front terrorists", "Taliban fighters": the description is the named
            # party's own noun, one actor
            mentions[-1] = ActorMention(
                named.start,
                s.end,
                replace(named.actor, span=_span(doc, named.start, s.end, article_id)),
                False,
            )
            continue
        reading = descriptor_of(s)
        if reading is None or _loyal(s.root) or _of_named(s.root, named_starts):
            # "fighters loyal to ...": whose they are is read by `_with_loyal_forces`;
            # "fighters of the SDF", "members of ISIS" are the named party's
            continue
        tag, generic = reading
        if not tag and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in s.root.children):
            continue  # "his fighters": the speaker's side (`_pronoun_actor`), no one unknown
        if tag == ANTECEDENT:
            # "the group": the party last named before it, if that is an armed group (not a
            # monitor or a rights group that reports: "HRW ... the group said")
            last = next((m for m in reversed(mentions) if m.actor.canonical_id in entries), None)
            if (
                last is not None
                and _armed_antecedent(entries[last.actor.canonical_id])
                and not any(c.dep_ == "prep" for c in s.root.children)  # "the group of men"
            ):
                mentions.append(ActorMention(s.start, s.end, replace(last.actor, span=span), False))
            continue
        candidates = by_tag.get(tag, []) if tag else []
        if candidates:
            best = max(candidates, key=lambda i: (salience[i], -list(salience).index(i)))
            entry = entries[best]
            mentions.append(
                ActorMention(s.start, s.end, entry_actor(entry, s.text, span), entry.is_source)
            )
        elif generic:
            # "Syrian rebels" is a named group of its own (`_with_unnamed`); "Turkish soldiers"
            # are the generic state forces of Turkey
            named_head = s.root.lemma_.lower() in lexicon.unnamed_actor_cues()[0]
            start, country = (s.start, None) if named_head else _nationality(s)
            if start < s.start:
                span = _span(doc, start, s.end, article_id)
            actor = generic_actor(generic, doc[start : s.end].text, span, country)
            mentions.append(ActorMention(start, s.end, actor, False))
    return _with_unnamed(doc, _with_loyal_forces(doc, mentions, article_id), article_id)


def _armed_antecedent(last: lexicon.ActorEntry | None) -> bool:
    """The party named last so far is an armed group that "the group" can refer to."""
    return last is not None and not last.is_source and last.inter in NON_STATE_ARMED


def _named_by_noun(key: str, noun: Token, article_id: str) -> Actor:
    """The generic party `key` that a word for people names, with its modifiers and the
    nationality among them."""
    first = min(t.i for t in noun.subtree if t.i <= noun.i)
    _, country = _nationality(noun.doc[noun.i : noun.i + 1])
    span = _span(noun.doc, first, noun.i + 1, article_id)
    return generic_actor(key, span.text, span, country)


def civilians_actor(noun: Token, article_id: str) -> Actor:
    """The civilians a word for people names, the victims of violence against civilians ("two
    Chinese nationals": Civilians (China); "a farmer": Civilians of the event's country)."""
    return _named_by_noun("civilians", noun, article_id)


def communal_militia_actor(noun: Token, article_id: str) -> Actor:
    """The people a word names as doers of violence that no armed group's name covers: herders
    who attack ("herders attacked farmers, killing five"). ACLED names them "Unidentified
    Communal Militia (X)"."""
    return _named_by_noun("communal_militia", noun, article_id)


def _nationality(span: SpacySpan) -> tuple[int, str | None]:
    """The country a generic description is qualified by, and where the qualified phrase starts:
    "Turkish soldiers", "Iraqi police", "Syria's army", "the Nigerian army" (otherwise the
    country of the event's place fills it in, at assembly)."""
    if span.root.ent_type_ == "ORG":
        return span.start, None  # "the Pakistan Army": a name, read by `_with_unnamed`
    for tok in span.root.lefts:
        if tok.i >= span.start or tok.dep_ not in ("amod", "compound", "nmod", "poss"):
            continue
        first = min(t.i for t in tok.subtree)
        # the whole qualifier must be the country: "US-backed soldiers" are not US forces
        words = span.doc[first : tok.i + 1].text.removesuffix("'s").removesuffix("’s").strip()
        if (iso2 := _country_named(words)) is not None:
            return first, iso2
    return span.start, None


LOYAL_TO_STATE = {"government", "state"}
ARMED_PEOPLE = {"force", "troop", "soldier", "fighter", "unit", "militiaman", "militia"}


def _of_named(tok: Token, named_starts: set[int]) -> bool:
    """The description is "of" or "from" a named party: "fighters of the Syrian Democratic
    Forces", "gunmen from the group"."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in ("of", "from")
        and any(o.dep_ == "pobj" and {t.i for t in o.subtree} & named_starts for o in prep.children)
        for prep in tok.children
    )


def _loyal(tok: Token) -> list[Token]:
    """The "loyal" of "forces loyal to ...", or parsed as a clause: "forces [are] loyal to"."""
    near = [*tok.children, *([tok.head] if tok.dep_ == "nsubj" else [])]
    return [t for t in near if t.lemma_.lower() == "loyal"]


def _with_loyal_forces(
    doc: Doc, mentions: list[ActorMention], article_id: str
) -> list[ActorMention]:
    """ "Forces loyal to the (internationally recognised) government" are the state's forces,
    however the government is qualified (ACLED: Military Forces of the country)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    added = []
    for tok in doc:
        if tok.i in taken or tok.lemma_.lower() not in ARMED_PEOPLE:
            continue
        to_whom = [
            obj
            for loyal in _loyal(tok)
            for prep in loyal.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.lemma_.lower() in LOYAL_TO_STATE
        ]
        if to_whom:
            start = min(t.i for t in tok.subtree if t.i <= tok.i and t.dep_ != "det")
            end = to_whom[0].i + 1
            span = _span(doc, start, end, article_id)
            actor = generic_actor("state_forces", doc[start:end].text, span)
            added.append(ActorMention(start, end, actor, False))
    return sorted([*mentions, *added], key=lambda m: m.start)


# What a party's name may qualify or possess and still name the party ("regime helicopters", "the
# regime's advance").
PARTY_HEADS = FORCE_HEADS | {
    "advance", "advancement", "assault", "bombing", "fire", "siege", "ambush", "incursion",
    "counterattack", "counteroffensive", "onslaught", "group", "unit", "faction",
    # its weapons' fire ("rebel shells", "regime mortars")
    "shell", "mortar", "bullet", "gunfire", "shellfire", "bomb", "barrel", "projectile",
    # its people ("regime members", "rebel gunmen")
    "member", "personnel", "officer", "gunman", "militiaman", "sniper", "loyalist", "element",
    # its posts and hardware ("rebel positions", "a military base"), whose owner is the party
    # struck ("regime-held areas" name no party)
    "position", "target", "base", "outpost", "checkpoint", "hideout", "stronghold", "convoy",
    "headquarters", "post", "barracks", "garrison", "bunker", "trench", "depot", "camp",
}  # fmt: skip
CIVIL_HEADS = {
    "government", "authority", "official", "group", "unit", "faction", "member", "officer",
    "personnel",
}  # fmt: skip


def descriptor_of(span: SpacySpan) -> tuple[str, str] | None:
    """(tag, generic actor) of a DESCRIPTOR span, from the id `nlp.components.actor_patterns`
    gives it; None where a word flagged `participant` names no party ("the sanctions regime"),
    or one flagged `modifier` qualifies no force or attack ("the government said")."""
    tag, generic, *flags = span.id_.split("|")
    if "participant" in flags and not names_party(span.root):
        return None
    if "modifier" in flags and not (_qualifies_force(span.root) or _paired_with_party(span.root)):
        return None
    return tag, generic


def _paired_with_party(tok: Token) -> bool:
    """A government named beside an armed party is that party's opposite ("the government and
    the rebels signed a truce", "talks between the government and the M23")."""
    heads, _ = lexicon.unnamed_actor_cues()
    parties = {
        i for s in tok.doc.spans[ACTORS_KEY] if s.root.i != tok.i for i in range(s.start, s.end)
    }
    return any(c.i in parties or c.lemma_.lower() in heads for c in tok.conjuncts)


def _qualifies_force(tok: Token) -> bool:
    """A word that names an armed party only as the owner of a force or an attack: "government
    warplanes", "the government's offensive"; not "the government said", "government officials"."""
    return (
        tok.dep_ in ("compound", "amod", "nmod", "poss")
        and tok.head.lemma_.lower() not in CIVIL_HEADS
        and names_party(tok)
    )


def names_party(tok: Token) -> bool:
    """A word that may also name a thing ("regime", "factions") names a party unless a common
    noun qualifies it ("the sanctions regime", "party factions"), it is what someone is against
    ("anti-regime protests"), or it only qualifies or possesses what is not a force or an attack
    ("regime change", "regime-held areas", "the regime's policies")."""
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in tok.children):
        return False
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ == "anti":
        return False
    if tok.dep_ in ("compound", "amod", "nmod", "npadvmod", "poss"):
        head = tok.head
        # a capitalised headline noun is tagged a proper noun and keeps its plural as lemma
        # ("Regime's Helicopters")
        singular = head.lower_[:-1] if head.pos_ == "PROPN" and head.lower_.endswith("s") else ""
        return bool({head.lemma_.lower(), singular} & PARTY_HEADS)
    return True


def _country_named(phrase: str) -> str | None:
    """The ISO2 of a nationality word or a country's name ("Nigerian", "Sri Lanka")."""
    if (iso2 := countries.demonyms().get(phrase.lower())) is not None:
        return iso2
    country = countries.lookup(phrase)
    return country.iso2 if country is not None else None


def _country_in(tokens: SpacySpan) -> str | None:
    """The country a name carries in one or two of its words ("Pakistan Army", "Sri Lanka
    Navy", "Nigerian Police Force")."""
    words = [t.text for t in tokens]
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            if (iso2 := _country_named(" ".join(words[i : i + size]))) is not None:
                return iso2
    return None


# Formations an army numbers ("the 47th Brigade", "3rd Infantry Division").
NUMBERED_FORMATIONS = {
    "brigade", "division", "battalion", "regiment", "corps", "army", "squadron", "fleet",
}  # fmt: skip
ORDINAL = re.compile(r"\d+(st|nd|rd|th)")


def _numbered_formation(name: SpacySpan) -> bool:
    return any(ORDINAL.fullmatch(t.lower_) for t in name) and any(
        t.lower_ in NUMBERED_FORMATIONS for t in name
    )


def _possessor_country(doc: Doc, start: int) -> str | None:
    """The country named as the possessor right before a name ("Ukraine's 47th Brigade")."""
    if start < 2 or doc[start - 1].tag_ != "POS":
        return None
    owner = doc[start - 2]
    return _country_named(owner.text) if owner.ent_type_ in ("GPE", "NORP") else None


def unnamed_actor(
    text: str, span: Span | None, kind: str, inter: int, country: str | None = None
) -> Actor:
    """An actor the dictionary does not know, kept as its own words with the ACLED type its
    wording gives."""
    if inter == 1 and country is not None:
        return country_actor(country, text, span, violent=True)
    slug = "_".join(text.lower().split())
    return Actor(
        name=text,
        canonical_id=f"unnamed:{slug}",
        kind=kind,
        inter=inter,
        country=country,
        acled_name=text,
        aliases_matched=(text,),
        span=span,
    )


def _single_token_entity(tok: Token) -> bool:
    following = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "B" and (following is None or following.ent_iob_ != "I")


def _with_unnamed(doc: Doc, mentions: list[ActorMention], article_id: str) -> list[ActorMention]:
    """Add the organisations and peoples that the dictionary does not know but the text shows
    to be armed or mobilised (lexicon.unnamed_actor_cues): "Baloch fighters", "Maoist rebels",
    "the National Liberation Front". A generic description of the same noun ("rebels") gives
    way to the named one; a dictionary actor or a coreferent description never does."""
    heads, name_words = lexicon.unnamed_actor_cues()
    demonyms = countries.demonyms()
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    replaced: set[int] = set()
    added: list[ActorMention] = []
    # Peoples and organisations spaCy tags, and nationality words it leaves untagged
    # ("Somali gunmen").
    named = [e for e in doc.ents if e.label_ in ("ORG", "NORP")]
    named += [
        doc[t.i : t.i + 1]
        for t in doc
        if t.ent_type_ == "" and t.lower_ in demonyms and t.dep_ in ("amod", "compound")
    ]
    # and peoples it leaves untagged, or takes for a person, before an armed noun ("Baloch
    # fighters", "Karen insurgents")
    named += [
        doc[t.i : t.i + 1]
        for t in doc
        if (t.ent_type_ == "" or (t.ent_type_ == "PERSON" and _single_token_entity(t)))
        and t.pos_ == "PROPN"
        and t.is_title
        and t.lower_ not in demonyms
        and t.dep_ in ("amod", "compound", "nmod")
        and t.head.i > t.i
        and t.head.lemma_.lower() in heads
    ]
    for ent in named:
        label = ent.label_ or "NORP"
        inside = {id(m): m for t in ent if (m := by_token.get(t.i)) is not None}
        if inside and not (
            label == "ORG"
            and all(
                ent.start <= m.start
                and m.end <= ent.end
                and (m.actor.canonical_id or "").startswith("generic:")
                for m in inside.values()
            )
        ):
            continue  # a known actor, or a description read with the article's actors
        start = ent.start + (doc[ent.start].lower_ == "the")
        if start >= ent.end:
            continue
        if inside and all(t.i in by_token for t in doc[start : ent.end]):
            continue  # "Army units": a capitalised description names nobody
        noun = ent.root.head
        head = heads.get(noun.lemma_.lower())
        country = demonyms.get(ent.text.lower()) if label == "NORP" else None
        if (
            head is not None
            and ent.root.dep_ in ("compound", "amod", "nmod")
            and noun.i >= ent.end
            and noun.pos_ in ("NOUN", "PROPN")
        ):
            taken = by_token.get(noun.i)
            if taken is not None and (
                (taken.start, taken.end) != (noun.i, noun.i + 1)
                or not (taken.actor.canonical_id or "").startswith("generic:")
            ):
                continue
            if taken is not None:
                replaced.add(id(taken))
            replaced.update(inside)  # "the Syrian Army fighters": one actor, not two
            end = noun.i + 1
            text = doc[start:end].text
            actor = unnamed_actor(
                text, _span(doc, start, end, article_id), head["kind"], head["inter"], country
            )
            added.append(ActorMention(start, end, actor, False))
        elif label == "ORG":
            name = doc[start : ent.end]
            cues = [name_words[w] for t in name if (w := t.lower_) in name_words]
            if not cues:
                continue
            cue = cues[-1]
            country = _country_in(name) if any(c.get("state") for c in cues) else None
            if country is None and _numbered_formation(name):
                # "Ukraine's 47th Brigade", "the 3rd Division": a numbered formation is an
                # army's, of the country named with it
                country = _country_in(name) or _possessor_country(doc, start)
            inter = 1 if country is not None else cue["inter"]
            kind = "State forces" if inter == 1 else cue["kind"]
            if inter == 1 and country is None:
                continue  # "the police force" of nowhere named: the descriptors read it
            span = _span(doc, start, ent.end, article_id)
            replaced.update(inside)  # "the Pakistan Army": not the generic "army"
            added.append(
                ActorMention(
                    start, ent.end, unnamed_actor(name.text, span, kind, inter, country), False
                )
            )
    if not added:
        return mentions
    kept = [m for m in mentions if id(m) not in replaced]
    return sorted(kept + added, key=lambda m: m.start)


# Words that end the name of an administrative area ("Raqqa governorate", "Idlib province").
ADMIN_WORDS = {"governorate", "province", "district", "region", "state", "county", "oblast"}
LOCATIVE_PREPS = {
    "in",
    "of",
    "near",
    "across",
    "inside",
    "throughout",
    "into",
    "to",
    "around",
    "outside",
    "from",
}


# "IS-held", "rebel-controlled": a party named as who holds a place qualifies the place.
HOLDING = {"held", "controlled", "run", "occupied", "besieged", "dominated", "administered"}
# "US-backed SDF", "Russian-backed forces": a party that only backs the party named after it.
BACKING = {"backed", "supported", "sponsored", "funded", "trained", "armed", "allied", "aligned"}


def _is_location(tok: Token) -> bool:
    """ "in eastern Syria", "near Raqqa, Syria": a country after a locative preposition is a
    place, not a doer."""
    head = tok
    while head.dep_ in ("compound", "amod", "conj", "appos") and head.head.i != head.i:
        head = head.head
    # "a convoy of Pakistani forces": a nationality of a force names the force, not a place
    return (
        head.dep_ == "pobj"
        and head.head.lower_ in LOCATIVE_PREPS
        and head.lemma_.lower() not in FORCE_HEADS
    )


class ActorIndex:
    """Token -> actor mention lookups for one doc, plus countries named by GPE/NORP entities."""

    def __init__(
        self, doc: Doc, mentions: list[ActorMention], places: list[Place], article_id: str
    ):
        self.doc = doc
        self.article_id = article_id
        self.mentions = mentions
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m
        self.country_at: dict[int, str] = {}
        # a nationality word the recogniser missed, on a force or an attack ("Israeli strikes
        # on a building killed 14" opening the sentence, tagged an adjective)
        self.demonym_at: dict[int, str] = {
            t.i: iso2
            for t in doc
            if not t.ent_type_
            and t.is_title
            and t.dep_ in ("amod", "compound")
            and {t.head.lemma_.lower(), t.head.lower_} & FORCE_HEADS
            and (iso2 := countries.demonyms().get(t.lower_)) is not None
        }
        by_char = {p.span.start: p for p in places if p.span is not None and p.country_iso2}
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP"):
                continue
            place = by_char.get(ent.start_char)
            if place is not None and place.feature == "country":
                for i in range(ent.start, ent.end):
                    self.country_at[i] = place.country_iso2 or ""

    def _ends_address(self, tok: Token) -> bool:
        """A country after a comma that follows a place below it ("Raqqa, Syria", "Raqqa
        governorate, Syria"): the end of an address, not a doer. Not a list of countries
        ("Russia, Iran and Turkey")."""
        if tok.i < 2 or tok.nbor(-1).text != "," or tok.dep_ == "conj":
            return False
        before = tok.nbor(-2)
        if before.i in self.country_at:
            return False
        return before.ent_type_ in ("GPE", "LOC", "FAC") or before.lemma_.lower() in ADMIN_WORDS

    def _owns_actor(self, tok: Token) -> bool:
        """ "Yemen's Houthi rebels", "Syria's army": a country in the possessive before a party
        says where the party is from; the party is the doer, not the country."""
        head = tok
        while head.dep_ in ("compound", "conj") and head.head.i != head.i:
            head = head.head
        return head.dep_ == "poss" and head.head.i in self.by_token

    def holds_place(self, tok: Token) -> bool:
        """The token is in the name of a party that only qualifies a place ("IS-held")."""
        m = self.by_token.get(tok.i)
        doc = self.doc
        return (
            m is not None
            and m.end + 1 < len(doc)
            and doc[m.end].text == "-"
            and doc[m.end + 1].lower_ in HOLDING
        )

    def _leads_force(self, tok: Token) -> bool:
        """A people before "-led" and a force or an attack leads it ("Saudi-led air strikes",
        "a Turkish-led offensive"): that country's forces are the party."""
        doc = self.doc
        if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-" or doc[tok.i + 2].lower_ != "led":
            return False
        return doc[tok.i + 2].head.lemma_.lower() in PARTY_HEADS

    def _backs_party(self, end: int) -> bool:
        """The name ending before token `end` backs a party or force named right after it
        ("US-backed SDF", "Iranian-backed militias"): the backer is not the party."""
        doc = self.doc
        return (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].lower_ in BACKING
            and any(
                i in self.by_token or doc[i].lemma_.lower() in FORCE_HEADS
                for i in range(end + 2, min(end + 5, len(doc)))
            )
        )

    def in_tokens(
        self, tokens: list[Token] | SpacySpan, *, violent: bool, sources: bool = False
    ) -> list[Actor]:
        """Actors mentioned among the tokens, in text order, each once."""
        found: list[Actor] = []
        seen: set[tuple[int, int]] = set()
        for tok in sorted(tokens, key=lambda t: t.i):
            m = self.by_token.get(tok.i)
            if m is not None:
                if (m.start, m.end) in seen or m.is_source != sources or self._backs_party(m.end):
                    continue
                seen.add((m.start, m.end))
                found.append(m.actor)
            elif (
                not sources
                and tok.i in self.country_at
                and tok.ent_iob_ == "B"
                and not _is_location(tok)
                and not self._ends_address(tok)
                and (
                    tok.ent_type_ != "NORP"
                    or tok.head.lemma_.lower() in FORCE_HEADS
                    or self._leads_force(tok)
                )
                and not self._owns_actor(tok)
                and not self._backs_party(tok.i + 1)
            ):
                ent = next(e for e in self.doc.ents if e.start == tok.i)
                if (ent.start, ent.end) not in seen:
                    seen.add((ent.start, ent.end))
                    span = _span(self.doc, ent.start, ent.end, self.article_id)
                    found.append(
                        country_actor(self.country_at[tok.i], ent.text, span, violent=violent)
                    )
            elif not sources and tok.i in self.demonym_at and (tok.i, tok.i + 1) not in seen:
                seen.add((tok.i, tok.i + 1))
                span = _span(self.doc, tok.i, tok.i + 1, self.article_id)
                found.append(country_actor(self.demonym_at[tok.i], tok.text, span, violent=violent))
        return found
