"""What a trigger word acts on, read from the dependency parse, and the gates of the lexicon
entries that need it: shared by the mention reader and the classifier's rule tags, so that both
see a trigger word only where the rules would take it."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from marsad import lexicon

# Nouns that count or hold what follows "of" ("a large amount of weapons", "a cache of arms").
QUANTITY_NOUNS = {
    "amount", "quantity", "number", "cache", "haul", "stash", "stockpile", "lot", "batch",
    "consignment", "shipment", "load", "dozen", "hundred", "thousand", "scores", "pile",
}  # fmt: skip
# Nouns of a weapon's use: a weapon word compounded with one is used ("a tank attack").
WEAPON_USE_NOUNS = {"attack", "fire", "strike", "barrage", "raid", "assault", "bombardment"}


def of_objects(noun: Token) -> list[Token]:
    """What "of" attaches to a noun: "dozens of Palestinians" -> Palestinians."""
    return [
        obj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def acted_on(head: Token) -> list[Token]:
    """What a trigger verb acts on: its objects and passive subjects with their conjuncts, and
    what a quantity noun among them counts ("seized a large amount of weapons")."""
    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    objects += [
        t
        for o in objects
        if o.lemma_.lower() in QUANTITY_NOUNS
        for obj in of_objects(o)
        for t in (obj, *obj.conjuncts)
    ]
    return objects


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


@lru_cache(maxsize=1)
def _gates() -> tuple[frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    data = lexicon.trigger_data()
    lists = {
        e.objects: frozenset(str(w).lower() for w in data[e.objects])
        for e in lexicon.triggers().values()
        if e.objects
    }
    return (
        frozenset(data.get("verb_only", ())),
        frozenset(data.get("attack_verbs", ())),
        frozenset(data.get("self_moving_verbs", ())),
        lists,
    )


def weapon_used(noun: Token, attack_verbs: frozenset[str]) -> bool:
    """A weapon or craft noun does something violent, or has it done with it: "jets pounded
    the town", "fired drones at", "killed by a drone", "a tank attack" (not "the jets were
    delivered")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ == "compound":
        return verb.lemma_.lower() in WEAPON_USE_NOUNS
    if noun.dep_ == "pobj" and verb.lower_ in ("by", "with", "from"):
        verb = verb.head
    elif noun.dep_ not in ("nsubj", "dobj", "nsubjpass"):
        return False
    return verb.lemma_.lower() in attack_verbs


def gated_out(entry: lexicon.TriggerEntry, trigger: Span) -> bool:
    """The trigger's entry asks for something its sentence does not give: a verb-only word used
    as a noun ("released from jail"), a required object ("set up a committee" is no base), a
    craft that strikes nothing ("the jets were delivered")."""
    verb_only, attack_verbs, self_moving, lists = _gates()
    head = trigger.root
    phrase = " ".join(t.lemma_.lower() for t in trigger)
    if head.pos_ != "VERB" and phrase in verb_only:
        return True
    if entry.objects:
        objects = acted_on(head)
        if not objects and phrase in self_moving:
            # "troops deployed along the border": the subject moves
            objects = [c for c in head.children if c.dep_ == "nsubj"]
        if not object_words(objects) & lists[entry.objects]:
            return True
    return entry.role == "weapon" and not weapon_used(head, attack_verbs)
