"""What a trigger word acts on, read from the dependency parse, and the gates of the lexicon
entries that need it: shared by the mention reader and the classifier's rule tags, so that both
see a trigger word only where the rules would take it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

from spacy.tokens import Span, Token

from marsad import lexicon
from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY

# Entities a trigger word can be part of without being one ("March", "Battle Creek", "the
# Chemical Weapons Act").
NOT_TRIGGER_ENTITIES = {
    "DATE", "TIME", "PERSON", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL", "LAW", "WORK_OF_ART",
}  # fmt: skip
# What a clause says someone is accused of ("men suspected of the bombing").
ALLEGING_VERBS = frozenset(
    {"accuse", "suspect", "blame", "charge", "convict", "want", "allege", "link"}
)
# Nouns that count or hold what follows "of" ("a large amount of weapons", "a cache of arms").
QUANTITY_NOUNS = {
    "amount", "quantity", "number", "cache", "haul", "stash", "stockpile", "lot", "batch",
    "consignment", "shipment", "load", "dozen", "hundred", "thousand", "score", "scores", "pile",
    "ten", "tens", "dozens", "hundreds", "thousands", "busload", "truckload", "boatload",
    "carload", "vanload",
}  # fmt: skip
# Words for people stopped on their way who are not civilians ("intercepted 15 suspected members
# of a terrorist group").
INTERCEPTED_PEOPLE = frozenset(
    {"member", "militant", "fighter", "operative", "jihadist", "insurgent"}
)
# Verbs of taking ground that take people too ("seized two aid workers", "captured a soldier").
SEIZING_VERBS = frozenset({"seize", "capture"})
# People taken who are neither civilians nor fighters stopped on their way.
TAKEN_PEOPLE = frozenset(
    {"soldier", "troop", "officer", "policeman", "guard", "commander", "hostage", "suspect",
     "serviceman", "servicemen"}
)  # fmt: skip
# Pronouns that can only stand for people ("seized him"; not "them", which may be towns)
PERSONAL_PRONOUNS = frozenset({"him", "her"})
# One person by a pronoun, as subject or object ("he was bundled into a car", "seized him").
ONE_PERSON = PERSONAL_PRONOUNS | {"he", "she"}
# Nouns of a weapon's use: a weapon word compounded with one is used ("a tank attack").
WEAPON_USE_NOUNS = {
    "attack", "fire", "strike", "barrage", "raid", "assault", "bombardment", "sortie", "airstrike",
}  # fmt: skip
# What reporters do to an event they are at: "while covering the protest" tells of them.
REPORTING_WORK = {"cover", "film", "photograph"}
# Verbs whose subject does the attack their object names ("jets carried out raids").
CONDUCTING_VERBS = {"carry", "conduct", "stage", "mount", "make", "launch"}
# Words for someone's kin, who are named by the captives they wait for ("families of the
# hostages").
KIN = {"relative", "family", "parent", "mother", "father", "wife", "husband", "son", "daughter",
       "brother", "sister", "child", "loved", "friend", "kin"}  # fmt: skip
# States things and people are found in after violence ("found homes ransacked").
RUINED_STATES = {
    "dead", "ransack", "loot", "burn", "destroy", "damage", "raze", "torch", "kill", "murder",
    "abandon", "desert", "empty", "behead", "mutilate",
}  # fmt: skip
# What is left of the dead, handed over or exchanged.
REMAINS = {"remains", "body", "bodies", "corpse", "corpses"}
# Where captives are carried off to ("into the bush", "to an unknown destination").
WILDS = {"bush", "forest", "jungle", "hill", "mountain", "wilderness", "desert", "destination",
         "captivity"}  # fmt: skip
# Verbs that make a device harmless: the device they act on was not used.
DEFUSING_VERBS = {"defuse", "dismantle", "neutralise", "neutralize", "disarm"}
# What troops are sent to do that is relief, not force ("deployed to evacuate residents").
RELIEF_PURPOSES = {"evacuate", "rescue", "distribute", "deliver", "feed", "vaccinate", "rebuild"}
# Nouns that count what they are "of" ("3,000 head of cattle", "truckloads of fuel").
COUNTED_BY = {
    "head", "herd", "flock", "truckload", "lorryload", "load", "sack", "bag", "tonne", "ton",
    "barrel", "crate", "box", "carton", "drum",
}  # fmt: skip
# Who someone is that a mob's or a vigilante's word names, no deed ("a vigilante leader").
MOB_ROLES = {
    "leader", "chief", "commander", "spokesman", "spokesperson", "member", "boss", "head",
    "coordinator", "official", "founder",
}  # fmt: skip
# Verbs of what a munition let out when it went off ("a shell released a chlorine-like gas").
RELEASING_VERBS = {"release", "emit", "spew"}
# Verbs of what a munition holds ("shells filled with chlorine").
FILLING_VERBS = {"fill", "contain", "load", "pack", "lace", "carry", *RELEASING_VERBS}
# Participles that make any people a crowd force can be aimed at ("striking teachers").
PROTESTING = {"striking", "protesting", "demonstrating", "marching", "rioting"}
# Verbs of talks that win captives' freedom ("after elders negotiated his release").
NEGOTIATING_VERBS = {"negotiate", "mediate", "broker", "secure"}
# Words of finding something hidden ("a mass grave was discovered", "the exhumation of").
FINDING_WORDS = {
    "find", "discover", "uncover", "unearth", "exhume", "locate", "identify", "dig", "reveal",
    "discovery", "exhumation", "excavation",
}  # fmt: skip
# Sub-types of munitions that crowd control fires too ("tear gas shells", "stun grenades").
CROWD_GEAR_TYPES = {"Shelling/artillery/missile attack", "Grenade"}
# Verbs whose object is a means put to the use their infinitive names ("used drones to drop
# explosives").
USING_VERBS = {"use", "employ", "deploy"}
# What munitions make when they are "of" it: "the fall of shells", "a barrage of rockets".
MUNITION_FALLS = WEAPON_USE_NOUNS | {"fall", "volley", "salvo", "hail", "rain", "wave", "impact"}


def of_objects(noun: Token) -> list[Token]:
    """What "of" attaches to a noun: "dozens of Palestinians" -> Palestinians."""
    return [
        obj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def of_objects_deep(nouns: list[Token], depth: int = 2) -> list[Token]:
    """What "of" attaches to the nouns, and to those in turn ("parts of the villages of X")."""
    found: list[Token] = []
    for _ in range(depth):
        nouns = [o for n in nouns for o in of_objects(n)]
        found.extend(nouns)
    return found


# Words that open a relative clause as its subject or object ("the group, which ...", "the men
# that they seized").
RELATIVE_PRONOUNS = {"that", "which", "who"}


def first_conjunct(tok: Token) -> Token:
    """The first of the words `tok` is listed or joined with ("IEDs, mortars and rockets",
    "burned tents and beat protesters"): the one the others hang on."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def acted_on(head: Token) -> list[Token]:
    """What a trigger verb acts on: its objects and passive subjects with their conjuncts, and
    what a quantity noun among them counts ("seized a large amount of weapons")."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects and _passive_after_prep(head):
        # "went missing after being taken away": the clause's subject was taken
        objects = [c for c in head.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not objects and head.pos_ == "VERB":
        # a headline's "Army defuses IED planted under bridge": the parser makes the object the
        # subject of a participle clause
        objects = [
            s
            for c in head.children
            if c.dep_ == "ccomp"
            and c.tag_ == "VBN"
            and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
            for s in c.children
            if s.dep_ == "nsubj"
        ]
    if (
        not objects
        and head.dep_ in ("parataxis", "ccomp", "conj")
        and any(c.dep_ == "auxpass" for c in head.children)
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        and head.head.tag_ == "VBD"
        and head.head.i < head.i
    ):
        # "rockets fired from Gaza were intercepted", parsed with "fired" the main verb: the
        # passive's subject is the one the parser gave the participle
        objects = [c for c in head.head.children if c.dep_ == "nsubj"]
    if not objects and head.dep_ == "acomp" and head.tag_ == "VBN" and head.head.lemma_ == "be":
        # "protesters were tear-gassed": a hyphenated participle the parser takes for an
        # adjective; the subject of "be" is what it befell
        objects = [c for c in head.head.children if c.dep_ == "nsubj"]
    if (
        not objects
        and head.dep_ == "acl"
        and head.tag_ == "VBN"
        and (
            head.head.dep_ == "ROOT"
            or (head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT")
            # "debris from a drone shot down over Kursk": the drone
            or brought_down(head)
        )
        # (not a deed aimed at others: "miscreants fired from hilltops at farmers")
        and not aimed_at(head)
    ):
        # a headline's "Opposition leader arrested in Uganda" (not a noun it describes
        # elsewhere: "troops stationed in Iraq sought treatment")
        objects = [head.head]
    if (
        head.dep_ == "relcl"
        and head.pos_ == "VERB"
        and not any(c.dep_ == "nsubjpass" for c in head.children)
    ):
        # "the engineers (whom) they seized": the noun the clause describes is its object
        bare = [o for o in objects if o.lower_ in RELATIVE_PRONOUNS | {"whom"}]
        own_subject = any(
            c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS for c in head.children
        )
        if bare or (not objects and own_subject):
            objects = [o for o in objects if o not in bare] + [head.head]
    if not objects and head.pos_ == "VERB":
        # "found and destroyed a cache": two verbs joined before the object they share
        objects = [
            o
            for verb in head.children
            if verb.dep_ == "conj"
            and verb.pos_ == "VERB"
            # the verbs side by side: "found and destroyed", not "withdrew from its base and
            # handed it over"
            and any(c.dep_ == "cc" and c.i == head.i + 1 for c in head.children)
            for o in verb.children
            if o.dep_ == "dobj"
        ][:1]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    objects += [
        t
        for o in objects
        # "dozens of weapons", "30 of the 45 drones"
        if o.lemma_.lower() in QUANTITY_NOUNS or o.like_num
        for obj in of_objects(o)
        for t in (obj, *obj.conjuncts)
    ]
    return objects


def _passive_after_prep(verb: Token) -> bool:
    """A passive verb with no subject of its own after a preposition ("after being taken",
    "before being freed"): what it befell is the subject of the clause it hangs on."""
    return (
        verb.dep_ == "pcomp"
        and verb.head.dep_ == "prep"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.head.head.pos_ in ("VERB", "AUX")
    )


def object_words(objects: list[Token]) -> set[str]:
    """Each object as its lemma and its word, alone and after each of its modifiers
    ("observation post", "a new military post")."""
    out: set[str] = set()
    for o in objects:
        forms = {o.lemma_.lower(), o.lower_}
        out |= forms
        for c in o.children:
            if c.dep_ in ("compound", "amod"):
                out |= {f"{c.lemma_.lower()} {f}" for f in forms}
    return out


def phrase_of(span: Span) -> str:
    """A phrase as the lexicon writes it: its lemmas, lower case."""
    return " ".join(t.lemma_.lower() for t in span)


class Gates(NamedTuple):
    """The word lists of triggers.yaml that decide whether a trigger word counts."""

    verb_only: frozenset[str]
    attack_verbs: frozenset[str]
    firing_verbs: frozenset[str]  # attack verbs whose object is the weapon used ("fired rockets")
    self_moving: frozenset[str]
    weapons: frozenset[str]
    territory: frozenset[str]
    people: frozenset[str]
    unopposed: tuple[str, ...]  # phrases that say nobody fought
    left: frozenset[str]  # words that say the holders of a place had gone from it
    freeing: frozenset[str]  # verbs and nouns that end a captivity ("released", "the release")
    unmanned: frozenset[str]  # what flies without a crew ("drones", "missiles")
    munitions: frozenset[str]  # munition nouns that count only when fired or falling
    munition_verbs: frozenset[str]  # what fires or drops them: the attack verbs and more
    foiling: frozenset[str]  # verbs whose object did not happen ("foiled a bombing")
    of_targets: frozenset[str]  # deed nouns whose "of" is what they struck ("the shelling of")
    needs_ground: frozenset[str]  # territory words that need ground as object ("took the town")
    ground: frozenset[str]  # what they need: territory words, not ways or buildings
    worn: frozenset[str]  # devices a bomber wears: a bombing only when set off or worn
    worn_use: frozenset[str]  # what a bomber does with one ("detonated", "wearing")
    undergone_only: frozenset[str]  # words of violence only when suffered ("came under fire")
    criticised: frozenset[str]  # who is under fire only in words ("the minister")
    shot_at: frozenset[str]  # what is under fire when it is shooting ("a patrol", "the town")
    campaigning: frozenset[str]  # what makes a rally a campaign's, not a protest
    festivities: frozenset[str]  # celebrations whose marchers protest nothing
    markets: frozenset[str]  # what rallies and slumps that is no crowd ("stocks rallied")
    figurative: frozenset[str]  # what violence is done to only in words ("bombed the bill")
    chemical_agents: frozenset[str]  # what fills a chemical munition ("chlorine")
    relief: frozenset[str]  # what aircraft drop that is no strike ("food", "leaflets")
    demanding: frozenset[str]  # what a crowd gathers to do that makes it a protest
    protest_props: frozenset[str]  # what a crowd carries or chants that makes it a protest
    buildings: frozenset[str]  # what is blown up as a building, not as a target of a bomb
    crowds: frozenset[str]  # a crowd force is aimed at ("tear-gassed supporters")
    exchange_terms: frozenset[str]  # what captives are freed in or under to be traded
    negotiated: frozenset[str]  # talks after which captives freed were agreed on
    halting: frozenset[str]  # verbs by which a party halts its own fighting ("suspend")
    paid: frozenset[str]  # what captives are freed for that makes no exchange ("a ransom")
    crowd_gear: frozenset[str]  # what makes a munition one of crowd control ("tear gas shells")
    killing_marks: tuple[str, ...]  # what bodies found bear that says they were killed
    objects: dict[str, frozenset[str]]  # by list name, for entries' `objects` and `not_from`


@lru_cache(maxsize=1)
def gates() -> Gates:
    data = lexicon.trigger_data()
    return Gates(
        verb_only=frozenset(data.get("verb_only", ())),
        attack_verbs=frozenset(data.get("attack_verbs", ())),
        firing_verbs=frozenset(data.get("firing_verbs", ())),
        self_moving=frozenset(data.get("self_moving_verbs", ())),
        weapons=frozenset(data.get("weapon_objects", ())),
        territory=frozenset(data.get("territory_objects", ())),
        people=frozenset(data.get("civilian_nouns", ())) | INTERCEPTED_PEOPLE,
        unopposed=tuple(str(p).lower() for p in data.get("unopposed_cues", ())),
        left=frozenset(data.get("left_cues", ())),
        freeing=frozenset(data.get("freeing_words", ())),
        unmanned=frozenset(data.get("unmanned_objects", ())),
        munitions=frozenset(data.get("fired_munitions", ())),
        munition_verbs=frozenset(data.get("munition_verbs", ()))
        | frozenset(data.get("attack_verbs", ())),
        foiling=frozenset(data.get("foiling_verbs", ())),
        of_targets=frozenset(data.get("of_target_nouns", ())),
        needs_ground=frozenset(data.get("needs_ground", ())),
        ground=frozenset(data.get("territory_objects", ()))
        - frozenset(data.get("ways_and_buildings", ())),
        worn=frozenset(data.get("worn_devices", ())),
        worn_use=frozenset(data.get("worn_device_use", ())),
        undergone_only=frozenset(data.get("undergone_only", ())),
        criticised=frozenset(data.get("criticised_nouns", ())),
        shot_at=frozenset(
            str(w)
            for key in (
                "civilian_nouns",
                "force_objects",
                "military_targets",
                "territory_objects",
                "property_objects",
                "shot_at_nouns",
            )
            for w in data.get(key, ())
        ),
        campaigning=frozenset(data.get("campaign_words", ())),
        festivities=frozenset(data.get("festivities", ())),
        markets=frozenset(data.get("market_words", ())),
        figurative=frozenset(data.get("figurative_targets", ())),
        chemical_agents=frozenset(data.get("chemical_agents", ())),
        relief=frozenset(data.get("dropped_relief", ())),
        demanding=frozenset(data.get("demanding_verbs", ())),
        protest_props=frozenset(data.get("protest_props", ())),
        buildings=frozenset(data.get("blown_up_buildings", ())),
        crowds=frozenset(
            str(w)
            for key in ("dispersed_crowds", "communal_nouns", "protester_nouns")
            for w in data.get(key, ())
        ),
        exchange_terms=frozenset(data.get("exchange_terms", ())),
        negotiated=frozenset(data.get("negotiation_terms", ())),
        halting=frozenset(lexicon.triggers()["activity_halted"].phrases),
        paid=frozenset(data.get("ransom_words", ())),
        crowd_gear=frozenset(data.get("crowd_control_munitions", ())),
        killing_marks=tuple(str(p).lower() for p in data.get("killing_marks", ())),
        objects={
            name: frozenset(str(w).lower() for w in data[name])
            for e in lexicon.triggers().values()
            for name in (e.objects, e.not_from)
            if name
        },
    )


def _texts(sent: Span, skip: set[int] | None = None) -> list[str]:
    """The sentence (without the `skip` tokens) as lemmas and as words, space-padded."""
    tokens = [t for t in sent if not skip or t.i not in skip]
    lemmas = " " + " ".join(t.lemma_.lower() for t in tokens) + " "
    words = " " + " ".join(t.lower_ for t in tokens) + " "
    # a hyphenated word is three tokens: "tear-gassed" reads "tear-gas" as a lemma too
    return [lemmas, words, lemmas.replace(" - ", "-"), words.replace(" - ", "-")]


def says(sent: Span, phrases: Sequence[str], skip: set[int] | None = None) -> bool:
    """The sentence (without the `skip` tokens) has one of the phrases, as lemmas or as words."""
    texts = _texts(sent, skip)
    return any(f" {p} " in text for p in phrases for text in texts)


def said(sent: Span, phrases: Iterable[str]) -> set[str]:
    """Which of the phrases the sentence has, as lemmas or as words."""
    texts = _texts(sent)
    return {p for p in phrases if any(f" {p} " in text for text in texts)}


# Verbs that take ground by force whatever else the sentence tells.
FORCIBLE_TAKING = {"overrun", "overran", "storm", "wrest"}
# Words that put a clause or a noun after the taking of ground.
AFTER = ("after", "following", "upon", "once", "when")


def unopposed(trigger: Span, fought: bool) -> bool:
    """Ground taken that nobody held or fought for: the sentence says so ("without
    resistance"), or the place was left to the taker ("took over the post after the officers
    left", "following the withdrawal of the troops", "seized the abandoned base") and no fight
    is told beside it (`fought`)."""
    lists = gates()
    if says(trigger.sent, lists.unopposed):
        return True
    if trigger.root.lemma_.lower() in FORCIBLE_TAKING:
        return False  # "overran the base after the troops fled": they fled the assault
    return not fought and _taken_when_left(trigger.root, lists.left)


def _taken_when_left(verb: Token, left: frozenset[str]) -> bool:
    def gone(tok: Token) -> bool:
        # (the parser may call the particle a preposition: "pulled out of the city")
        particle = next(
            (
                c.lower_
                for c in tok.children
                if c.dep_ == "prt" or (c.dep_ == "prep" and c.i == tok.i + 1)
            ),
            None,
        )
        lemma = tok.lemma_.lower()
        # (or the leaving is what was done: "after the peacekeepers completed their withdrawal")
        return (
            lemma in left
            or f"{lemma} {particle}" in left
            or any(c.dep_ == "dobj" and c.lemma_.lower() in left for c in tok.children)
        )

    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and gone(child)
            and any(m.dep_ == "mark" and m.lower_ in AFTER for m in child.children)
        ):
            return True  # "after the officers left (the area)", not "..., leaving 10 dead"
        if (
            child.dep_ == "prep"
            and child.lower_ in AFTER
            and any(gone(o) for o in child.children if o.dep_ in ("pobj", "pcomp"))
        ):
            return True  # "following the withdrawal of the troops", "after pulling out"
        if child.dep_ in ("dobj", "prep"):
            place = (
                child
                if child.dep_ == "dobj"
                else next((o for o in child.children if o.dep_ == "pobj"), None)
            )
            if place is not None and any(
                # (or joined to another: "a remote but abandoned post")
                a.dep_ in ("amod", "conj") and a.lower_ in left and a.i < place.i
                for a in place.subtree
            ):
                return True  # "the abandoned police post", "into the deserted town"
    return False


# Verbs whose "down" is falling, not downing ("mortar rounds rained down on the camp").
FALLING_VERBS = {"rain", "pour", "hail", "fall", "come", "crash"}


def intercepted(noun: Token) -> bool:
    """What the noun names was intercepted or shot down before it struck ("rockets fired from
    Gaza were intercepted", "drones launched at the city were shot down")."""
    return any(
        (t.lemma_.lower() in INTERCEPTING or brought_down(t)) and noun in acted_on(t)
        for t in noun.sent
        if t.pos_ == "VERB"
    )


def brought_down(verb: Token) -> bool:
    """ "shot down", "brought down": what the verb acts on was downed, not used."""
    return verb.lemma_.lower() not in FALLING_VERBS and any(
        c.lower_ == "down" and (c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == verb.i + 1))
        for c in verb.children
    )


def weapon_used(noun: Token, attack_verbs: frozenset[str], firing_verbs: frozenset[str]) -> bool:
    """A weapon or craft noun does something violent, or has it done with it: "jets pounded
    the town", "fired drones at", "killed by a drone", "a tank attack" (not "the jets were
    delivered"). As a verb's object only a firing verb uses it ("destroyed two tanks", "a tank
    was hit": the weapon was the target)."""
    noun = first_conjunct(noun)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "NUM"):
        noun = noun.head.head  # "a barrage of rockets hit", "dozens of shells fell"
    verb = noun.head
    if noun.dep_ == "compound":
        return verb.lemma_.lower() in WEAPON_USE_NOUNS
    if noun.dep_ == "pobj" and verb.lower_ in ("by", "with", "from"):
        verb = verb.head
    elif noun.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return False
    if noun.dep_ == "dobj" and verb.lemma_.lower() in USING_VERBS:
        # "used drones to drop explosives on houses": the craft does what it was used to do
        deeds = [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
        return any(d.lemma_.lower() in attack_verbs for d in deeds)
    # "planes breached the airspace and bombed a base": the subject of the first verb does the
    # verbs joined to it
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if noun.dep_ != "nsubj":
        if brought_down(verb):
            return False  # "shot down two drones": brought down, not used
        verbs = verbs[:1]
        if noun.dep_ in ("dobj", "nsubjpass"):
            attack_verbs = attack_verbs & firing_verbs
    relief = gates().relief
    return any(
        (v.lemma_.lower() in attack_verbs or (noun.dep_ == "nsubj" and _carried_out_attack(v)))
        # "aircraft dropped food and leaflets": no strike
        and not any(
            t.lemma_.lower() in relief for o in v.children if o.dep_ == "dobj" for t in o.subtree
        )
        for v in verbs
    )


def _carried_out_attack(verb: Token) -> bool:
    """The verb carries out an attack ("aircraft carried out raids on villages", "drones
    conducted strikes")."""
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    objects += of_objects_deep(objects)  # "carried out a string of raids"
    return verb.lemma_.lower() in CONDUCTING_VERBS and any(
        o.lemma_.lower() in WEAPON_USE_NOUNS for o in objects
    )


def munition_aside(noun: Token, lists: Gates) -> bool:
    """A munition named beside the point: after a preposition with nothing fired or falling
    ("necklaces of sea shells", "$1 billion in artillery", "with regard to the rockets"), or
    the subject or object of a verb that neither fires nor drops it ("mortars were found");
    not "hit by rockets", "under mortar fire", "the fall of shells", "shells targeting the
    town", "shells killed two". A compound counts: headline parses ("Shells target areas")
    are too loose to tell use from mention there."""
    verbs = lists.munition_verbs

    def fired(n: Token) -> bool:  # "shells targeting the town", "rockets fired at"
        return any(c.lemma_.lower() in verbs for c in n.children if c.pos_ == "VERB")

    if fired(noun):
        return False
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in LAUNCHERS:
        noun = noun.head  # "handed over rifles and a mortar tube": the launcher is the thing
    noun = first_conjunct(noun)
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "mortars were found", "sold missiles"; not "shells landed", "fired rockets"
        verb = noun.head
        # (a munition that let something out went off: "a shell released a yellow gas")
        return verb.pos_ == "VERB" and (
            verb.lemma_.lower() not in verbs | RELEASING_VERBS or brought_down(verb)
        )
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in ("by", "with", "from", "under"):
        return False
    if prep.lower_ == "of" and (
        prep.head.lemma_.lower() in MUNITION_FALLS
        or prep.head.pos_ == "NUM"
        or prep.head.lemma_.lower() in QUANTITY_NOUNS
    ):
        return False  # "the fall of shells", "dozens of rockets hit"
    return not fired(noun)


# Verbs that make a thing into another: their object is what it became ("converted a school
# into a base").
MADE_INTO = {"convert", "turn"}
# Words for whoever does something, which a present-tense clause makes a kind of people ("people
# who block highways", "anyone who attacks a journalist").
ANYONE_WHO = {"people", "person", "anyone", "anybody", "those", "whoever", "someone", "everyone"}
# ACLED's event types of armed violence (with riots, marsad's violent types: extract/mentions.py).
VIOLENT_EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# Verbs that stop a fired munition or a craft in flight.
INTERCEPTING = {"intercept", "down"}
# What a munition is fired from, named with it ("a mortar tube", "a rocket launcher").
LAUNCHERS = {"tube", "launcher", "pipe"}
# Verbs whose subject is "under" what befalls it ("came under attack", "remained under siege").
UNDERGOING_VERBS = {"come", "be", "remain", "fall"}
# What a word of being under fire names when it is criticism ("came under fire for its policy").
CRITICISM_PREPS = {"for", "over"}
# What shooting or force is aimed with ("fired on the crowd", "fired at a checkpoint", "fired
# upon", "used tear gas against students").
AIMED_PREPS = {"on", "at", "upon", "into", "against"}
# What a gun fires, which "fire" may take as its object and still be shooting ("fired live
# rounds into the crowd").
ROUNDS = {
    "round", "bullet", "shot", "ammunition", "volley", "burst", "gunshot", "weapon", "gun", "rifle",
    "pistol", "shotgun",
}  # fmt: skip


def undergone(noun: Token) -> bool:
    """A trigger noun its clause's subject is "under" ("came under attack", "the town was under
    heavy shelling"): the subject suffers it."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "under"
        and prep.head.lemma_.lower() in UNDERGOING_VERBS
    )


def _under_fire(noun: Token) -> bool:
    """Being under fire that is shooting: not criticism "for" or "over" something, nor of a
    person or an office ("the minister came under fire from lawmakers"), and only of what can
    be shot at."""
    if not undergone(noun):
        return False
    verb = noun.head.head
    if any(
        c.dep_ == "prep" and c.lower_ in CRITICISM_PREPS for c in (*verb.children, *noun.children)
    ):
        return False
    lists = gates()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        s.ent_type_ == "PERSON" or s.pos_ == "PRON" or s.lemma_.lower() in lists.criticised
        for s in subjects
    ):
        return False
    # what can be shot at: people, a force, its posts and vehicles, a place, a building
    return any(
        s.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG")
        or {s.lemma_.lower(), s.lower_} & lists.shot_at
        for s in subjects
    )


def _fired_on(verb: Token, lists: Gates) -> bool:
    """Shooting told by the verb "fire" and whom it was aimed at: "fired on a bus", "opened up
    and fired at the soldiers", "the convoy was fired upon". Not "fired the coach", "fired
    questions at the minister", "fired back at critics"."""
    if verb.pos_ != "VERB" or any(
        c.dep_ == "dobj"
        and (
            c.lemma_.lower() not in ROUNDS
            or any(g.lemma_.lower() in lists.crowd_gear for g in c.children)
        )
        for c in verb.children
    ):
        # not "fired questions at the minister" nor "fired rubber bullets at protesters"
        # (crowd control); "fired live rounds into the crowd" is shooting
        return False
    if not _aiming_preps(verb):
        return False
    # "was fired upon": with no object after the preposition, the passive's subject was aimed at
    targets = aimed_at(verb) or [c for c in verb.children if c.dep_ == "nsubjpass"]
    return any(
        t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") or {t.lemma_.lower(), t.lower_} & lists.shot_at
        for t in targets
    )


def _aiming_preps(verb: Token) -> list[Token]:
    """The verb's aiming prepositions ("fired on the bus"), also where the parser hangs one on
    where the shots came from ("fired from hilltop positions at farmers")."""
    whence = [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
    ]
    return [
        p
        for w in (verb, *whence)
        for p in w.children
        # (after the positions only "at": "from positions on the hills" is where they were)
        if p.dep_ == "prep" and p.lower_ in (AIMED_PREPS if w is verb else {"at"})
    ]


def aimed_at(verb: Token) -> list[Token]:
    """What follows the verb's aiming prepositions ("fired on the bus", "used against them")."""
    return [
        t
        for p in _aiming_preps(verb)
        for o in p.children
        # "fired at a crowd marching ...", which the parser reads as a clause after "at"
        for t in ([o] if o.dep_ == "pobj" else [c for c in o.children if c.dep_ == "nsubj"])
        if o.dep_ in ("pobj", "pcomp")
    ]


def _chemical(tok: Token, lists: Gates) -> bool:
    """A word for a chemical agent: a named one ("chlorine"), or a gas a munition is filled
    with or releases ("barrels that released a yellowish gas", "grenades filled with CS gas");
    not "tear gas canisters" or "gas cylinders", where the gas names the container."""
    if tok.lemma_.lower() in lists.chemical_agents:
        return True
    return (
        tok.lemma_.lower() == "gas"
        and tok.dep_ != "compound"
        and not any(c.lemma_.lower() in lists.crowd_gear for c in tok.children)
    )


def _found(noun: Token) -> bool:
    """The thing is told found: the object or passive subject of a verb of finding, described
    by one ("a mass grave found near the camp"), or what a finding noun is of ("the discovery
    of a mass grave")."""
    noun = first_conjunct(noun)
    finding = {w.lemma_.lower() for w in (noun.head, *noun.children) if w.i != noun.i}
    # "mass grave holding 37 bodies uncovered near ...": a participle deeper in its phrase
    finding |= {w.lemma_.lower() for w in noun.subtree if w.dep_ == "acl" and w.tag_ == "VBN"}
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "from", "in"):
        # "the discovery of", "exhumed 37 bodies from a mass grave", "found in a mass grave"
        finding.add(noun.head.head.lemma_.lower())
    return bool(finding & FINDING_WORDS)


def done_peacefully(verb: Token) -> bool:
    """The verb is told done "peacefully" ("gathered peacefully", "peacefully blocking")."""
    return any(c.dep_ == "advmod" and c.lower_ == "peacefully" for c in verb.children)


def _gathered_to_demand(verb: Token, lists: Gates) -> bool:
    """A gathering whose purpose is a demand ("gathered outside parliament to demand justice",
    "assembled to denounce the killings"), that is against something ("gathered against the
    new law") or that chants or carries its cause ("gathered in the square, chanting slogans",
    "holding placards")."""
    if any(t.lemma_.lower() in lists.protest_props for t in verb.subtree):
        return True
    # a noun's purpose may hang on the clause that describes it ("a strike called to denounce")
    clauses = (
        [c for c in verb.children if c.dep_ in ("acl", "relcl")] if verb.pos_ == "NOUN" else []
    )
    if verb.pos_ == "NOUN" and verb.dep_ == "nsubj" and verb.head.pos_ == "VERB":
        clauses.append(verb.head)  # "a motorcade drove to the press club to demand his release"
    if any(
        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and c.lemma_.lower() in lists.demanding
        for c in clauses
    ):
        return True  # "a strike to protest the collapse of the rial"
    if verb.pos_ == "VERB" and done_peacefully(verb):
        return True  # "supporters gathered peacefully in the capital"
    if any(
        # (a second participle the parser joins to the first or to its object: "waving flags
        # and demanding the publication of ...", "standing in silence and demanding ...")
        t.dep_ in ("advcl", "acl", "xcomp", "conj", "amod")
        and t.tag_ == "VBG"
        and t.lemma_.lower() in lists.demanding
        for t in (verb.subtree if verb.pos_ == "VERB" else verb.children)
    ):
        # "gathered outside the court demanding justice", "blocked the road demanding the
        # release of ..." (the parser may hang the participle on the road; not "an air strike
        # on a crowd demanding ...")
        return True
    blocking = verb.lemma_.lower() == "block"
    for c in (c for w in (verb, *clauses) for c in w.children):
        purposes = [c, *(j for j in c.children if j.dep_ == "conj")]  # "to lay flowers and demand"
        if (
            # (an infinitive joined to the verb is a purpose too: "gathered in support of the
            # junta and to demand the departure of French troops")
            c.dep_ in ("advcl", "xcomp", "conj")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            and any(p.lemma_.lower() in lists.demanding for p in purposes)
        ):
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and not blocking
            and any(o.lower_ == "support" and of_objects(o) for o in c.children)
        ):
            return True  # "gathered in support of the military council": a rally for a cause
        if c.dep_ == "prep" and c.lower_ == "against" and not blocking:
            return True  # (not "blocked the road against the advance")
    # "blocked the motorway (with tractors) over cheap imports" (not "over the weekend")
    return blocking and any(
        p.dep_ == "prep"
        and p.lower_ == "over"
        and any(o.dep_ == "pobj" and not o.ent_type_ for o in p.children)
        for p in verb.subtree
    )


def gated_out(entry: lexicon.TriggerEntry, trigger: Span) -> bool:
    """The trigger word does not count here: it is part of a name or a date ("March", "Battle
    Creek"), it did not happen ("without a fight"), or its entry asks for something its
    sentence does not give: a verb-only word used as a noun ("released from jail"), a required
    object ("set up a committee" is no base), a craft that strikes nothing ("the jets were
    delivered"), a move into a place that nobody is said to have let happen unopposed."""
    lists = gates()
    head = trigger.root
    # a capitalised common noun opening the sentence is no name, whatever the recogniser
    # says ("Jets struck a camp": "Jets" as a PERSON)
    opening_noun = (
        # (or a proper noun, in a headline: "Grenade thrown into bar wounds 8"; not a month)
        (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.ent_type_ != "DATE"))
        and head.is_sent_start
        and head.ent_iob_ == "B"
        and (head.i + 1 >= len(head.doc) or head.doc[head.i + 1].ent_iob_ != "I")
    )
    if (
        head.ent_type_ in NOT_TRIGGER_ENTITIES
        and not opening_noun
        # a month is written with a capital: "an anti-coup march" the tagger calls a date is
        # none
        and not (head.ent_type_ == "DATE" and head.text.islower())
    ):
        return True
    if _in_body_name(trigger):
        return True  # "the Organisation for the Prohibition of Chemical Weapons"
    if any(
        a.label_ == "ACTOR"
        and a.start <= trigger.start
        and trigger.end <= a.end
        and a.root.i not in range(trigger.start, trigger.end)
        for a in trigger.doc.spans.get(ACTORS_KEY, ())
    ):
        # "the Popular Mobilization Forces": a word inside a party's name, not a mobilisation
        # (not the name's head: "Russian aircraft" is the craft)
        return True
    if entry.sub_type in CROWD_GEAR_TYPES and any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in lists.crowd_gear
        for c in head.subtree
        if c.i < head.i
    ):
        return True  # "fired tear gas shells", "stun grenades": crowd control, no weapon of war
    if entry.key == "mass_grave" and not _found(head):
        return True  # "laid wreaths at the mass grave": a grave known, no discovery
    if head.dep_ in ("pobj", "pcomp") and head.head.lower_ == "without":
        return True  # "took the town without a fight": a fight that did not happen
    if (
        head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in lists.foiling
        # (a march foiled by the police set out and was stopped: an intervention)
        and entry.event_type != "Protests"
    ):
        return True  # "foiled a suicide bombing", "an attack was thwarted": it did not happen
    if (
        entry.event_type == "Explosions/Remote violence"
        and head.dep_ in ("dobj", "nsubjpass")
        and head.head.lemma_.lower() in DEFUSING_VERBS
    ):
        return True  # "defused an explosives-laden vehicle": the device never went off
    if _reporters_work(head):
        return True  # "killed while covering clashes": the reporter's work, not the news
    if (
        entry.event_type == "Protests"
        and head.dep_ == "compound"
        and head.head.lemma_.lower() in PROTEST_PEOPLE
    ):
        return True  # "protest activist Haider al-Saadi", "the protest movement": who, not a deed
    if entry.sub_type == "Agreement" and _came_to_nothing(head):
        return True  # "as peace talks stalled", "no breakthrough on a truce"
    if _own_fighting_halted(head, lists.halting):
        return True  # "the rebels halted their attacks": the halt is the news
    if any(
        a.dep_ in ("relcl", "acl")
        and a.lemma_.lower() in ALLEGING_VERBS
        # a headline that is the accused and the charge ("Soldiers accused of raping women
        # in X") tells the allegation as its news
        and a.head.dep_ != "ROOT"
        for a in (head, *head.ancestors)
    ):
        # "groups it accused of a chlorine attack", "a man suspected of the bombing": what a
        # clause describing someone says they are accused of, not a happening of the sentence
        return True
    phrase = phrase_of(trigger)
    listed = first_conjunct(head)  # "containing rocket launchers, explosive belts and ..."
    if (
        phrase in lists.worn
        and listed.dep_ in ("dobj", "nsubjpass")
        and listed.head.lemma_.lower() not in lists.worn_use
    ):
        return True  # "police found a suicide vest": a weapon, not a bombing
    if (
        head.pos_ != "VERB"
        and phrase in lists.verb_only
        and entry.role != "needs_demand"
        and not (entry.role == "bombing" and _bomb_did(head, lists))
        # "a fresh round of strikes on radar sites": a strike noun on a force's target
        and not (
            entry.key == "struck_force"
            and object_words(_struck_at(head)) & lists.objects["military_targets"]
        )
    ):
        return True
    if entry.key == "peaceful_protest" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in lists.campaigning
        for c in head.children
    ):
        return True  # "a campaign rally": a party's gathering for votes, no protest
    if (
        entry.event_type in VIOLENT_EVENT_TYPES
        and head.pos_ == "VERB"
        and any(c.dep_ == "dobj" and c.lemma_.lower() in lists.figurative for c in head.children)
    ):
        return True  # "accused the majority of bombing every initiative": a figure of speech
    if any(
        a.dep_ == "relcl"
        and a.tag_ in ("VBP", "VBZ")
        and a.head.lemma_.lower() in ANYONE_WHO
        and not any(c.dep_ in ("det", "nummod", "poss") for c in a.head.children)
        for a in (head, *head.ancestors)
    ):
        # "prison terms for people who block highways during protests": a kind of people, and
        # what such people do, no deed
        return True
    if entry.sub_type == "Change to group/activity" and head.dep_ == "amod" and head.tag_ == "VBN":
        return True  # "wives of mobilised soldiers", "a newly formed militia": who they are
    if (
        head.lemma_.lower() == "overrun"
        and head.pos_ == "NOUN"
        and any(c.dep_ == "compound" for c in head.children)
    ):
        return True  # "cost overruns on the frigate programme": money, no ground
    if entry.event_type == "Protests" and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in lists.markets for c in head.children
    ):
        return True  # "stocks rallied on Wall Street": a market, no crowd
    if entry.key == "peaceful_protest" and _in_festivity(head, lists.festivities):
        return True  # "marchers in the annual parade": a celebration, no protest
    if phrase in lists.undergone_only and not (_under_fire(head) or _fired_on(head, lists)):
        return True  # "a fire broke out", "came under fire for its policy", "fired the coach"
    if (
        phrase in lists.needs_ground
        and phrase in entry.phrases  # not "took the crew captive", read as a whole
        and not object_words(acted_on(head)) & lists.ground
        and not carried_off(head, lists)
    ):
        return True  # "took part", "took 20 hostages": no ground
    if entry.objects:
        objects = acted_on(head)
        if not objects and head.pos_ == "NOUN":
            objects = of_objects(head)  # "the formation of a new brigade"
        if not objects and head.pos_ == "NOUN" and entry.key == "struck_force":
            objects = _struck_at(head)
        if entry.key == "leader_named":
            objects = leader_named(head)
        if phrase in MADE_INTO:
            # "converted a school into a base": what it became, when someone made it so (not
            # "the hotspots turned into makeshift camps")
            made = any(c.dep_ in ("dobj", "nsubjpass") for c in head.children)
            objects = prep_objects(head, "into") if made else []
        # "3,000 head of cattle", "two truckloads of fuel": what is counted
        objects = objects + [
            o for x in objects if x.lemma_.lower() in COUNTED_BY for o in of_objects(x)
        ]
        if not objects and phrase in lists.self_moving:
            # "troops deployed along the border": the subject moves
            objects = [c for c in head.children if c.dep_ == "nsubj"]
        if (
            not object_words(objects) & lists.objects[entry.objects]
            and not (
                # "defused an explosives-laden vehicle": a device the lexicon names as a weapon
                entry.key == "device_defused"
                and any(
                    t.start <= o.i < t.end
                    and lexicon.triggers()[t.label_].event_type == "Explosions/Remote violence"
                    for o in objects
                    for t in head.doc.spans.get(TRIGGERS_KEY, [])
                )
            )
            and not (
                # "bundled him into a van", "whisked away opposition activist Mamadou Sow": people
                # named by a pronoun or by their name
                entry.objects == "civilian_nouns"
                and any(
                    # (or, told in the passive, "he was bundled into a car")
                    o.lower_ in ONE_PERSON | {"them"} or o.ent_type_ == "PERSON"
                    for o in objects
                )
            )
        ):
            return True
        if entry.key == "activity_halted" and not any(
            _own_fighting_halted(o, lists.halting) for o in objects
        ):
            return True  # "halted an attack by the rebels": others' fighting stopped
    if entry.not_from and _taken_from(head) & lists.objects[entry.not_from]:
        return True  # "withdrew from the peace talks": no ground
    if (entry.role in ("territory", "expel") or entry.key == "arrests") and head.dep_ == "amod":
        # "a video of the captured pilot", "the recaptured town", "the jailed leader": told
        # elsewhere
        return True
    if (
        entry.key == "abduction"
        and head.pos_ == "NOUN"
        and head.dep_ == "pobj"
        and head.head.lower_ == "of"
        and head.head.head.lemma_.lower() in KIN
    ):
        return True  # "relatives of the hostages rallied": people held, named by their kin
    if entry.key == "abduction" and _set_free(head, lists.freeing):
        return True  # "released 12 hostages", "kidnapped aid workers were freed": an end
    if entry.key == "accord_signed" and head.dep_ == "pcomp":
        return True  # "after signing the deal, ...": what came before the news
    if entry.sub_type in WEAPON_GATED_KINDS and head.pos_ == "NOUN" and _armed_with(head):
        return True  # "gunmen armed with rifles and grenades attacked a post": no grenade attack
    if entry.sub_type in WEAPON_GATED_KINDS and (
        (head.lower_ == "rocket" and head.dep_ == "npadvmod")
        or any(c.lower_ == "propelled" for c in head.children)
    ):
        # "fired rocket-propelled grenades at a convoy": a small arm (ACLED: the fight is the
        # event), neither rocket fire nor a grenade thrown
        return True
    if _dug(head):
        return True  # "the town and its coltan mines": a mine that is dug
    if (
        entry.event_type in ("Protests", "Riots")
        and head.dep_ in ("advcl", "xcomp", "dobj")
        and head.head.lemma_.lower() in DIPLOMATIC_VERBS
    ):
        # "summoned the ambassador to protest the incursion", "lodged a strong protest": a
        # state's note
        return True
    if entry.key == "transfer" and (
        (head.dep_ == "pcomp" and head.head.lower_ == "before")
        or (
            head.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "before" for c in head.children)
        )
        or any(o.lower_ == "fire" for o in prep_objects(head, "under"))
    ):
        # "stormed a post, killing two, before withdrawing", "pulling back under fire": raiders
        # leaving after their deed, or driven back; no ground handed over
        return True
    if entry.key == "looting" and head.pos_ == "NOUN" and head.lemma_.lower() == "torch":
        return True  # "marchers carrying flaming torches": a torch, not a torching
    if (
        entry.sub_type in SUPPLIED_KINDS
        and head.pos_ == "NOUN"
        and _supplied(head)
        and not any(
            c.dep_ in ("relcl", "acl") and c.lemma_.lower() in lists.attack_verbs
            for c in head.subtree
        )
    ):
        return True  # "approved an arms package including artillery rounds": goods, no fire
    if entry.role == "agent_filled" and not any(
        # (the verb's words too: the parser may hang the gas a canister let out on the verb)
        _chemical(t, lists)
        for o in (*acted_on(head), head)
        for t in o.subtree
    ):
        return True  # "dropped barrels of flour": no chemical in what was dropped
    if (
        entry.key == "transfer"
        and phrase in ("evacuate", "hand over")
        and (_people_taken(acted_on(head), lists) or object_words(acted_on(head)) & REMAINS)
    ):
        # "evacuated the families from the town", "the remains were handed over to their
        # families": no ground handed over
        return True
    if entry.role == "needs_demand" and not (
        _gathered_to_demand(head, lists) or _work_stopped(head, lists)
    ):
        return True  # "people gathered for the festival": no protest
    if entry.role == "crowd_targeted" and not _crowd_targeted(head, lists.crowds):
        return True  # "the crowd dispersed", "police fired tear gas into the air"
    if entry.role == "exchanged" and not _freed_in_exchange(head, lists):
        return True  # "police released the suspects": no exchange agreed
    if entry.role == "unopposed" and not unopposed(trigger, fought=False):
        return True  # "troops entered the town": only "without resistance" makes it an event
    if entry.key in ("troop_movement", "group_change") and any(
        c.dep_ in ("xcomp", "advcl")
        and c.lemma_.lower() in RELIEF_PURPOSES
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in head.children
    ):
        return True  # "troops were deployed to evacuate residents from flooded villages"
    if (
        head.lemma_.lower() == "form"
        and trigger[-1].lemma_.lower() == "chain"
        and any(
            (c.dep_ == "prep" and c.lower_ == "of")
            or (c.dep_ == "compound" and c.lower_ != "human")
            for c in trigger[-1].children
        )
    ):
        return True  # "formed a chain of command", "a supply chain": no people's chain
    if phrase == "target" and head.dep_ == "amod" and head.head.pos_ == "NOUN":
        return True  # "ethnically targeted killings": how the killings were done, no deed
    if (
        entry.key == "mob_violence"
        and head.pos_ == "NOUN"
        and head.dep_ in ("compound", "amod", "nmod")
        and head.head.lemma_.lower() in MOB_ROLES
    ):
        return True  # "a vigilante leader said", "a mob boss": who someone is, no deed
    if head.pos_ == "NOUN" and phrase in lists.munitions and munition_aside(head, lists):
        return True  # "necklaces of sea shells", "$1 billion in artillery"
    return entry.role == "weapon" and not weapon_used(head, lists.attack_verbs, lists.firing_verbs)


def _reporters_work(head: Token) -> bool:
    """The event is what reporters were at: the object of "covering" or "filming" ("killed
    while covering clashes"; the parser may make the verb an adjective of the noun); not a
    misread "with air cover advance"."""
    work = [head.head] if head.dep_ == "dobj" else []
    work += [c for c in head.children if c.dep_ == "amod"]
    return any(w.lemma_.lower() in REPORTING_WORK and w.tag_ == "VBG" for w in work)


def _in_festivity(head: Token, festivities: frozenset[str]) -> bool:
    """The marchers or the march belong to a celebration ("marchers in the annual parade", "a
    march at the carnival")."""
    return any(
        o.lemma_.lower() in festivities
        for p in head.children
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "of")
        for o in p.children
    )


def _own_fighting_halted(head: Token, halting: frozenset[str]) -> bool:
    """The word is the fighting a party halts ("suspended its operations", "halted attacks"),
    not an attack by others that was stopped ("halted an attack by the rebels")."""
    verb = head.head
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    said = {verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {p}" for p in particles)}
    return (
        head.dep_ == "dobj"
        and bool(said & halting)
        and not any(c.dep_ == "prep" and c.lower_ == "by" for c in head.children)
    )


# Who and what a protest word before them names ("a protest activist", "the protest
# movement"): people and bodies, no protest held.
PROTEST_PEOPLE = {
    "activist", "leader", "movement", "organiser", "organizer", "organisation", "organization",
    "group", "figure", "coordinator", "committee", "icon", "song", "slogan",
}  # fmt: skip
# Verbs of throwing by hand.
THROWING_VERBS = {"throw", "hurl", "lob", "toss"}
# Participles that make people captives ("a kidnapped army sergeant").
CAPTIVE_MAKERS = {"kidnap", "abduct", "capture", "kidnapped", "abducted", "captured", "hold"}
# Go-betweens captives are handed to, whose part makes their release agreed.
INTERMEDIARIES = {
    "red cross", "icrc", "mediator", "mediators", "intermediary", "intermediaries",
    "humanitarian commission", "delegation", "humanitarian mission", "mission",
}  # fmt: skip
# Verbs of talks or accords that came to nothing ("the peace talks stalled").
FAILING_VERBS = {"stall", "collapse", "fail", "falter", "founder", "deadlock", "unravel"}


def _struck_at(noun: Token) -> list[Token]:
    """What a noun of striking is "on" or "against" ("strikes on radar sites")."""
    return [o for p in ("on", "against") for o in prep_objects(noun, p)]


def _came_to_nothing(head: Token) -> bool:
    """The accord or the talks are told as failing ("peace talks stalled", "the truce
    collapsed", "talks broke down") or as what nothing came of ("no breakthrough on a
    truce")."""
    head = first_conjunct(head)
    verb = head.head
    if head.dep_ == "nsubj" and (
        verb.lemma_.lower() in FAILING_VERBS
        or (verb.lemma_.lower() == "break" and any(c.lower_ == "down" for c in verb.children))
    ):
        return True
    return (
        head.dep_ == "pobj"
        and verb.lower_ in ("on", "over", "towards", "toward")
        and any(c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children)
    )


def _in_body_name(trigger: Span) -> bool:
    """Capitalised words after "of" or "for" in an organisation's name ("the Organisation for
    the Prohibition of Chemical Weapons", "the Committee for the Defence of Detainees"): what the
    body deals with, not a happening."""
    head = trigger.root
    if head.ent_type_ != "ORG" or not head.is_title or head.is_sent_start:
        return False
    name = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return name is not None and any(
        t.lower_ in ("of", "for") for t in head.doc[name.start : trigger.start]
    )


def _crowd_targeted(head: Token, crowds: frozenset[str]) -> bool:
    """Force aimed at a crowd: its verb's object ("dispersed a crowd of students", "tear-gassed
    supporters"), what it was fired at or used against ("fired tear gas at students"), or what
    it was used to disperse ("used water cannon to disperse hundreds") - not its subject."""
    verb = head if head.pos_ == "VERB" else head.head
    if head.dep_ == "pobj":
        verb = head.head.head  # "dispersed them with tear gas"
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "advcl", "conj"))]
    aimed = [t for v in verbs for t in (*acted_on(v), *aimed_at(v))]
    # "water cannon were turned on activists", the parser reading the people as the verb's
    # predicate
    aimed += [c for v in verbs for c in v.children if c.dep_ == "oprd"]
    # "police use water cannon on climate activists": what the gear itself was turned on
    aimed += [o for p in head.children if p.lower_ in AIMED_PREPS for o in p.children]
    if verb.dep_ == "amod" and verb.tag_ == "VBN":
        aimed.append(verb.head)  # "tear-gassed students", read as an adjective of its object
    aimed += of_objects_deep(aimed)
    return any(
        {t.lemma_.lower(), t.lower_} & crowds
        # "striking teachers were dispersed with tear gas": people told protesting
        or any(c.dep_ == "amod" and c.lower_ in PROTESTING for c in t.children)
        # "fired tear gas at students marching towards parliament" (which the parser may read
        # as "the federation's marching")
        or any(c.dep_ == "acl" and c.lower_ in PROTESTING for c in t.children)
        or t.lower_ in PROTESTING
        for t in aimed
    )


def _freed_in_exchange(verb: Token, lists: Gates) -> bool:
    """People freed in exchange for others or under a deal ("released 12 hostages in exchange
    for jailed comrades", "three soldiers were freed under a deal"), not for a ransom."""
    freed = acted_on(verb)
    if verb.pos_ != "VERB" or not (
        _people_taken(freed, lists)
        or object_words(freed) & lists.objects["captive_objects"]
        # "a kidnapped army sergeant", "soldiers held captive by the militia"
        or any(
            c.dep_ in ("amod", "acl") and c.lemma_.lower() in CAPTIVE_MAKERS
            for o in freed
            for c in o.children
        )
    ):
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "agree":
        return True  # "Armenia and Azerbaijan agreed to release 34 servicemen"
    # (or on a verb joined to it: "were released and flown home under an exchange")
    for prep in (c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "prep"):
        terms = [o for o in prep.children if o.dep_ == "pobj"]
        if prep.lower_ in ("after", "following") and (
            object_words(terms) & lists.negotiated
            # "after elders negotiated with them", which the parser reads as a phrase
            or any(
                a.dep_ == "acl" and a.lemma_.lower() in NEGOTIATING_VERBS
                for t in terms
                for a in t.children
            )
        ):
            return True  # "freed 15 hostages after negotiations with elders"
        if prep.lower_ == "to" and object_words(terms) & INTERMEDIARIES:
            return True  # "released the hostages to the Red Cross": through a go-between
        if prep.lower_ in ("in", "under") and any(
            o.lemma_.lower() in lists.exchange_terms for o in terms
        ):
            paid = [o for t in terms for p in t.children if p.lower_ == "for" for o in p.children]
            return not object_words(paid) & lists.paid
    # "freed the engineer after elders negotiated his release"; the parser may hang the clause
    # on the captives' description ("freed 23 pupils abducted from a school after leaders
    # negotiated with the gang")
    described = [a for o in freed for a in o.children if a.dep_ in ("acl", "relcl")]
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("after", "once") for m in c.children)
        and c.lemma_.lower() in NEGOTIATING_VERBS
        for w in (verb, *described)
        for c in w.children
    )


def _set_free(head: Token, freeing: frozenset[str]) -> bool:
    """The captives a trigger names are being freed: the object of a freeing verb ("released
    12 hostages", "two kidnapped workers were freed") or "of" a freeing noun ("the release of
    the abducted girls")."""
    captives = head
    while captives.dep_ in ("amod", "compound", "nummod") and captives.head.i != captives.i:
        captives = captives.head
    if captives.dep_ in ("dobj", "nsubjpass"):
        return captives.head.lemma_.lower() in freeing
    return (
        captives.dep_ == "pobj"
        and captives.head.lower_ == "of"
        and captives.head.head.lemma_.lower() in freeing
    )


def _taken_from(head: Token) -> set[str]:
    """The words of what a trigger is "from" ("withdrew from the talks")."""
    froms = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"]
    objects = [o for p in froms for o in p.children if o.dep_ == "pobj"]
    # an organisation named by its acronym is a body, no ground ("withdrew from ECOWAS")
    bodies = {
        "organisation"
        for o in objects
        if o.text.isupper() and len(o.text) > 2 and o.ent_type_ not in ("GPE", "LOC", "FAC")
    }
    return object_words(objects) | bodies


# What a crowd burns as a barricade (`entry_read`: a riot, not property destroyed).
TYRES = {"tyre", "tyres", "tire", "tires"}
# What is dug from a mine that is no weapon ("coltan mines", "a gold mine").
MINED = {
    "coltan", "gold", "coal", "copper", "cobalt", "diamond", "tin", "salt", "iron", "uranium",
    "artisanal", "open-pit", "opencast"
}  # fmt: skip
# Weapon sub-types a weapon's word decides, which a weapon only carried does not.
WEAPON_GATED_KINDS = {
    "Shelling/artillery/missile attack", "Grenade", "Air/drone strike",
    "Remote explosive/landmine/IED"
}  # fmt: skip
# Weapons that may be told as goods, and the verbs that tell them so (`_supplied`).
SUPPLIED_KINDS = {"Shelling/artillery/missile attack", "Air/drone strike"}
SUPPLYING_VERBS = {
    "sign", "approve", "supply", "deliver", "send", "sell", "buy", "purchase", "provide",
    "donate", "pledge", "ship", "transfer", "produce", "manufacture", "order", "acquire",
    "export", "import", "procure", "announce"
}  # fmt: skip
# Verbs of a state's diplomacy, whose "to protest" is a note, not a demonstration.
DIPLOMATIC_VERBS = {"summon", "recall", "lodge", "convene"}
GOODS_DEALS = {
    "deal", "contract", "sale", "purchase", "package", "order", "shipment", "delivery",
    "consignment", "aid", "export", "import"
}  # fmt: skip
# Deeds an armed party is pushed or driven back from: the fight, not the ground.
REPELLED_DEEDS = {
    "attack", "attacks", "incursion", "incursions", "assault", "assaults", "offensive",
    "advance", "raid", "raids", "infiltration", "counteroffensive", "counter-offensive",
    "onslaught"
}  # fmt: skip
# What tells a strike as work stopped by its kind or length ("an indefinite strike", "a 48-hour
# strike", "a two-day strike"), and the verbs that start one ("began a strike to demand ...").
LABOUR_STRIKE_KINDS = {
    "indefinite", "open-ended", "nationwide", "wildcat", "sit-down", "warning", "token",
    "labour", "labor", "teachers", "workers", "pay", "wage"
}  # fmt: skip
STRIKE_LENGTHS = {"hour", "day", "week"}
STRIKE_STARTERS = {
    "begin", "start", "stage", "hold", "call", "declare", "observe", "launch", "continue",
    "extend", "resume"
}  # fmt: skip
# What a bomb does that tells it went off ("a bomb killed two", "struck by a bomb").
BOMB_DEEDS = {"kill", "wound", "injure", "explode", "detonate", "hit", "strike", "rip", "tear"}


def _bomb_did(noun: Token, lists: Gates) -> bool:
    """The noun "bomb" is what did harm: the subject of a deed of harm ("a bomb that killed
    three", "a bomb ripped through the market") or its agent ("was struck by a bomb"); not
    "bomb threats", "a bomb factory" or "the bomb squad"."""
    lemmas = BOMB_DEEDS | lists.attack_verbs
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in lemmas:
        return True
    by = noun.head  # "struck by a bomb"
    if noun.dep_ == "pobj" and by.dep_ == "agent" and by.head.lemma_.lower() in lemmas:
        return True
    return any(c.dep_ == "relcl" and c.lemma_.lower() in lemmas for c in noun.children)


def prep_objects(head: Token, prep: str) -> list[Token]:
    """What the word's preposition `prep` takes ("fell to the rebels" -> rebels)."""
    return [
        o
        for c in head.children
        if c.dep_ == "prep" and c.lower_ == prep
        for o in c.children
        if o.dep_ == "pobj"
    ]


def carried_off(head: Token, lists: Gates) -> bool:
    """ "Take" whose object is people, carried away or off from where they were, or by someone,
    and to nowhere named ("taken from his home by men in plain clothes", "took away three aid
    workers"; not "the wounded were taken to hospital")."""
    if head.lemma_.lower() != "take" or not _people_taken(acted_on(head), lists):
        return False
    preps = {c.lower_ for c in head.children if c.dep_ == "prep"}
    if preps & {"to", "into"}:
        # "took 15 passengers into the bush", "to an unknown destination": carried off; not
        # "taken to hospital"
        return bool(
            {o.lemma_.lower() for p in ("to", "into") for o in prep_objects(head, p)} & WILDS
        )
    away = any(c.lower_ in ("away", "off") for c in head.children if c.dep_ in ("advmod", "prt"))
    by = any(c.dep_ == "agent" for c in head.children)
    return away or by or "from" in preps


def _people_taken(objects: list[Token], lists: Gates) -> bool:
    """The objects are people, and no ground is among them ("captured the town and 20
    soldiers" is ground taken)."""
    words = object_words(objects)
    if not objects or words & lists.territory:
        return False
    return any(
        o.ent_type_ in ("PERSON", "NORP")
        or {o.lemma_.lower(), o.lower_} & (lists.people | TAKEN_PEOPLE | PERSONAL_PRONOUNS)
        # the people of a passive ("she was taken away"), not "it" (a town taken)
        or (o.dep_ == "nsubjpass" and o.lower_ in ("he", "she", "they", "we"))
        for o in objects
    )


@lru_cache(maxsize=1)
def _entries_by_phrase() -> dict[str, list[lexicon.TriggerEntry]]:
    """Each trigger phrase with every entry that lists it."""
    out: dict[str, list[lexicon.TriggerEntry]] = {}
    for entry in lexicon.triggers().values():
        for phrase in entry.phrases:
            out.setdefault(phrase, []).append(entry)
    return out


def leader_named(verb: Token) -> list[Token]:
    """Who or what a naming verb names: the title it gives ("was appointed as its new leader",
    "has been named the new emir of the group"), else its objects. A title decides: "the
    group's former deputy leader was appointed minister" names no leader of the group."""
    titles = [c for c in verb.children if c.dep_ in ("oprd", "attr")] + prep_objects(verb, "as")
    return titles or acted_on(verb)


def _dug(noun: Token) -> bool:
    """A mine that is dug, not laid ("its coltan mines", "a gold mine")."""
    return noun.lemma_.lower() == "mine" and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in MINED for c in noun.children
    )


def would_be(noun: Token) -> bool:
    """The noun is told "would-be" ("a would-be suicide bomber"): what it names was not done."""
    return any(
        c.lower_ == "be" and any(a.lower_ == "would" for a in c.children) for c in noun.children
    ) or noun.doc[max(noun.i - 4, 0) : noun.i].text.lower().replace(" ", "").endswith(
        ("would-be", "would-besuicide")
    )


def _armed_with(noun: Token) -> bool:
    """The weapon is what the doers are told armed with ("gunmen armed with rifles and
    rocket-propelled grenades"): how they came, not the weapon of the deed."""
    noun = first_conjunct(noun)
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and noun.head.head.lemma_.lower() == "arm"
    )


def _split_phrase(trigger: Span) -> bool:
    """A noun phrase of several words read onto words the parse does not join, a noun and a
    verb that each hang elsewhere: the lemma ruler reads "grenade attack" in "rifles and
    grenades attacked a post"."""
    if len(trigger) < 2 or trigger[-1].pos_ != "VERB" or trigger[0].pos_ == "VERB":
        return False  # (a noun phrase read onto a noun and a verb only)
    outside = [t for t in trigger if t.head.i == t.i or not trigger.start <= t.head.i < trigger.end]
    # (the verb has a subject of its own: "gunmen armed with grenades attacked")
    verb = trigger[-1]
    return len(outside) > 1 and any(
        c.dep_ == "nsubj" and not trigger.start <= c.i < trigger.end for c in verb.children
    )


def _supplied(noun: Token) -> bool:
    """The weapon is told as goods: what is supplied, sold, bought or made, with the words
    that list it ("approved a package including 155mm artillery rounds", "delivered rockets
    and shells to the army")."""
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ == "including":
            continue  # a list's opener, which the tagger makes a verb
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in SUPPLYING_VERBS
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in GOODS_DEALS:
            return True  # "a $1.2 billion deal for 40 armed drones and anti-tank missiles"
    return False


def _work_stopped(strike: Token, lists: Gates) -> bool:
    """A strike noun told as work stopped: by its kind ("an indefinite strike", "a 48-hour
    strike"), by who strikes ("a strike by teachers", "the nurses' strike", "doctors began a
    strike") or by the demand of the clause that starts it ("began a strike to demand pay")."""
    if any(
        c.dep_ in ("amod", "compound", "nummod")
        and c.lower_ in LABOUR_STRIKE_KINDS
        or (c.dep_ in ("amod", "compound") and c.lower_.split("-")[-1] in STRIKE_LENGTHS)
        for c in strike.children
    ):
        return True
    strikers = [
        o
        for c in strike.children
        for o in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
    ]
    if any({o.lemma_.lower(), o.lower_} & lists.people for o in strikers):
        return True
    starter = strike.head
    if strike.dep_ != "dobj" or starter.lemma_.lower() not in STRIKE_STARTERS:
        return False
    return _gathered_to_demand(starter, lists) or _people_subject(starter, lists)


def _workers_strike(verb: Token, objects: list[Token], lists: Gates) -> bool:
    """People who strike with nothing struck stop work ("nurses strike over unpaid wages",
    "doctors are striking")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "strike" or objects:
        return False
    return _people_subject(verb, lists)


def _people_subject(verb: Token, lists: Gates) -> bool:
    """The verb's subjects are all people ("nurses strike", "doctors began a strike")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all({t.lemma_.lower(), t.lower_} & lists.people for t in subjects)


def _object_fitted(
    entry: lexicon.TriggerEntry, trigger: Span, objects: list[Token], lists: Gates
) -> lexicon.TriggerEntry:
    """Of the entries that share the trigger's phrase, the one whose required object it acts
    on ("struck a deal": an accord, not a blow; "bulldozed homes": property, not crops). The
    phrase rulers give a phrase one label, the first entry's."""
    words = object_words(objects)
    if not words or (entry.objects and words & lists.objects[entry.objects]):
        return entry
    return next(
        (
            other
            for other in _entries_by_phrase().get(phrase_of(trigger), ())
            if other.key != entry.key and other.objects and words & lists.objects[other.objects]
        ),
        entry,
    )


def finds_people(trigger: Span) -> bool:
    """What a word of finding acts on is people, their bodies or what violence left, and no
    weapon ("an activist was found dead", "the bodies of three farmers were found", "found homes
    ransacked")."""
    found = acted_on(trigger.root)
    ruined = any(
        c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.lemma_.lower() in RUINED_STATES
        for c in trigger.root.children
    )  # "found homes ransacked", "was found dead"
    words = object_words(found)
    return not words & gates().weapons and bool(
        ruined or _people_taken(found, gates()) or words & REMAINS
    )


# What makes a truce one party's own ("a unilateral ceasefire").
UNILATERAL = {"unilateral", "one-sided", "self-declared"}


def entry_read(entry: lexicon.TriggerEntry, trigger: Span) -> lexicon.TriggerEntry:
    """The entry a trigger word stands for where its object decides: "captured 200 rifles" is
    weapons seized, not ground taken; "recovered the border districts" is ground taken and
    "intercepted 15 suspected members" people detained, not weapons found."""
    lists, head = gates(), trigger.root
    if _split_phrase(trigger) and (alone := _entries_by_phrase().get(head.lemma_.lower())):
        # "rifles and grenades attacked a post": the verb's own reading, not "grenade attack"
        return alone[0]
    objects = acted_on(head)
    entry = _object_fitted(entry, trigger, objects, lists)
    # "rifles", "an explosive vest"; not "the town and its coltan mines"
    weapons = bool(object_words([o for o in objects if not _dug(o)]) & lists.weapons)
    # the verb that tells what the munition held or let out: a clause on it ("grenades filled
    # with CS gas") or the verb it is the subject of ("a barrel bomb released a yellowish gas")
    holding = [c for c in head.children if c.dep_ in ("acl", "relcl")]
    # "a barrel bomb they said contained chlorine": the clause a relative clause reports
    holding += [
        g for c in holding if c.dep_ == "relcl" for g in c.children if g.dep_ in ("ccomp", "xcomp")
    ]
    if head.dep_ == "compound":
        # "mortar rounds loaded with a toxic agent": the noun the munition word names
        holding += [c for c in head.head.children if c.dep_ == "acl"]
    if head.dep_ == "nsubj":
        holding.append(head.head)
        # "shells dropped by the military released a gas", parsed with "dropped" the verb and
        # "released" a clause beside it without a subject: the munitions' too
        clause = head.head
        holding += [
            v
            for v in clause.head.children
            if v.dep_ in ("ccomp", "conj")
            and v.i > clause.i
            and v.tag_ == "VBD"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        ]
    if (
        entry.sub_type in CROWD_GEAR_TYPES | {"Air/drone strike"}
        and head.pos_ == "NOUN"
        and any(
            c.lemma_.lower() in FILLING_VERBS
            and (
                any(_chemical(t, lists) for o in c.children if o.dep_ != "nsubj" for t in o.subtree)
                # (the parser may hang the agent elsewhere: "a bomb they said contained
                # chlorine hit ...")
                or (c.i + 1 < len(c.doc) and _chemical(c.doc[c.i + 1], lists))
            )
            for c in holding
        )
    ):
        # "grenades filled with CS gas", "shells containing chlorine": ACLED codes the chemical
        # weapon however it is delivered
        return lexicon.triggers()["chemical"]
    if entry.role in ("territory", "expel") and weapons:
        return lexicon.triggers()["weapons_found"]
    if entry.key == "agreement" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in UNILATERAL for c in head.children
    ):
        # "declared a unilateral ceasefire": one party's halt, no accord between two (ACLED:
        # Change to group/activity)
        return lexicon.triggers()["group_change"]
    if (
        entry.key == "weapons_found"
        and object_words(objects) & REMAINS
        and says(head.sent, lists.killing_marks)
    ):
        # "three bodies bearing gunshot wounds were found", "found with their hands bound":
        # people killed, whoever left them there
        return lexicon.triggers()["bodies_found_killed"]
    if entry.role == "expel" and object_words(objects) & REPELLED_DEEDS:
        # "pushed back an incursion", "drove back the assault": a fight, no ground taken
        return lexicon.triggers()["armed_clash"]
    thrower = first_conjunct(head)
    if (
        entry.sub_type == "Remote explosive/landmine/IED"
        and thrower.dep_ == "dobj"
        and thrower.head.lemma_.lower() in THROWING_VERBS
    ):
        # "threw homemade explosive devices at a jeep": an explosive thrown by hand is a
        # grenade (ACLED codebook)
        return lexicon.triggers()["grenade"]
    if (
        entry.key == "transfer"
        and phrase_of(trigger) in ("hand over", "hand")
        and _freed_in_exchange(head, lists)
    ):
        # "handed over four hostages to the Red Cross": captives freed through a go-between
        return lexicon.triggers()["captives_freed_in_exchange"]
    if entry.key == "transfer" and weapons:
        # "gunmen handed over their weapons to the army": arms laid down, as in a surrender
        # (an agreement), not ground handed over
        return lexicon.triggers()["agreement"]
    if entry.role == "territory" and (
        (head.lemma_.lower() in SEIZING_VERBS and _people_taken(objects, lists))
        or carried_off(head, lists)
    ):
        # "gunmen seized two aid workers", "was taken from his home by men in plain clothes":
        # people taken, not ground (by the state's forces an arrest, decided once the taker is
        # known)
        return lexicon.triggers()["abduction"]
    if entry.key == "struck_force" and _workers_strike(head, objects, lists):
        return lexicon.triggers()["peaceful_protest"]  # "nurses strike over unpaid wages"
    if (
        entry.key == "struck_force"
        and head.pos_ == "NOUN"
        and (_gathered_to_demand(head, lists) or _work_stopped(head, lists))
        and not any(
            o.pos_ == "PROPN" or object_words([o]) & lists.objects["military_targets"]
            for o in prep_objects(head, "against")
        )
    ):
        # "a strike called to denounce taxes", "a strike against the reform"; not "the strike
        # against the rebel base" or "against IS"
        return lexicon.triggers()["strike_to_demand"]
    if entry.key == "looting" and object_words(objects) & lists.objects["military_targets"]:
        return lexicon.triggers()["struck_force"]  # "destroyed two tanks": an attack on a force
    if entry.key == "looting" and object_words(objects) & lists.objects["unmanned_objects"]:
        # "air defences destroyed 11 drones", "drones were destroyed by electronic warfare":
        # downed, as "shot down"
        return lexicon.triggers()["craft_downed"]
    burned = {t.lemma_.lower() for t in (*objects, *trigger) if t.pos_ == "NOUN"}
    if entry.key == "looting" and burned and burned <= TYRES:
        # tyres are burned in the street by a crowd, as a barricade (ACLED: a violent
        # demonstration), not as anyone's property destroyed
        return lexicon.triggers()["violent_demonstration"]
    if (
        entry.key == "remote_explosive"
        and phrase_of(trigger) == "blow up"
        and object_words(objects) & lists.buildings
    ):
        # "blew up the house of a tribal leader": a building destroyed (ACLED: property
        # destruction), the explosives the means
        return lexicon.triggers()["looting"]
    if entry.key == "attack" and brought_down(head) and object_words(objects) & lists.unmanned:
        return lexicon.triggers()["disrupted_weapons"]  # "shot down two drones"
    if entry.role != "weapon_object" or weapons:
        return entry
    verb = head.lemma_.lower()
    if verb == "recover" and object_words(objects) & lists.territory:
        return lexicon.triggers()["territory"]
    if verb == "intercept" and any(
        o.ent_type_ in ("PERSON", "NORP") or o.lemma_.lower() in lists.people for o in objects
    ):
        return lexicon.triggers()["arrests"]  # "intercepted 15 suspected members": detained
    return entry
