"""Figures: how many were killed, injured, displaced, arrested, captured... with low/best/high.

A number phrase ("more than 12,000", "at least 12", "six", "dozens") is read off the tokens
before a counted noun; its kind comes from the noun and the verb that governs it. A number with
no noun after it counts the killed or wounded when it is the subject or object of a verb of
killing or wounding ("140 were killed", "strikes killed 12"), and the killed when it is what a
death toll rises or comes to ("the death toll rose to 45").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from marsad import lexicon
from marsad.model import Figure, Span
from marsad.nlp.components import ACTORS_KEY

# Small by design: number words in news copy stop at "million"; a library for this would be a
# dependency for twenty lines.
_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if i >= 2
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {
    "dozens", "hundreds", "thousands", "tens", "scores", "several", "many", "numerous", "few",
    "some", "a number", "millions",
}  # fmt: skip
# ACLED's conservative fatality rule for vague reports (ACLED Codebook 2023, "Fatalities"):
# "several"/"many" are coded 10, "dozens" 12, "hundreds" 100; anything else vague is 0.
ACLED_VAGUE_FATALITIES = {"several": 10, "many": 10, "dozens": 12, "hundreds": 100, "scores": 20}

LOWER_BOUND = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "no fewer than",
    "no less than",
)
UPPER_BOUND = (
    "up to",
    "as many as",
    "nearly",
    "almost",
    "fewer than",
    "less than",
    "at most",
    "under",
)
APPROX = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated")

PEOPLE = {
    "people", "person", "persons", "civilian", "civilians", "child", "children", "woman", "women",
    "man", "men", "fighter", "fighters", "soldier", "soldiers", "militant", "militants", "member",
    "members", "resident", "residents", "protester", "protesters", "demonstrator", "demonstrators",
    "picketer", "picketers", "marcher", "marchers",
    "foreigner", "foreigners", "family", "families", "policeman", "policemen", "officer",
    "officers", "troop", "troops", "refugee", "refugees", "student", "students", "worker",
    "workers", "villager", "villagers", "jihadist", "jihadists", "insurgent", "insurgents",
    "rebel", "rebels", "cadre", "cadres", "gunman", "gunmen", "victim", "victims", "body",
    "bodies", "pilgrim", "pilgrims", "journalist", "journalists", "prisoner", "prisoners",
    "detainee", "detainees", "hostage", "hostages", "combatant", "combatants", "personnel",
    "recruit", "recruits",
    "suspect", "suspects", "activist", "activists", "leader", "leaders", "opponent", "opponents",
    "terrorist", "terrorists", "supporter", "supporters", "worshipper", "worshippers",
    "official", "officials", "politician", "politicians", "lawmaker", "lawmakers", "mayor",
    "governor", "minister", "candidate", "candidates", "lawyer", "lawyers", "doctor", "doctors",
    "teacher", "teachers", "farmer", "farmers", "fisherman", "fishermen", "youth", "youths",
    "boy", "boys", "girl", "girls", "teenager", "teenagers", "citizen", "citizens", "national",
    "nationals", "employee", "employees", "staff", "volunteer", "volunteers", "dissident",
    "dissidents", "cleric", "clerics", "priest", "priests", "blogger", "bloggers", "reporter",
    "reporters", "critic", "critics", "actor", "actors", "artist", "artists", "businessman",
    "businessmen", "trader", "traders", "driver", "drivers", "relative", "relatives", "martyr",
    "martyrs", "others", "commander", "commanders", "pilot", "pilots", "guard", "guards",
    "tourist", "tourists", "visitor", "visitors", "migrant", "migrants",
}  # fmt: skip
# Singular nouns that name more than one person ("a family was killed" is not one death).
COLLECTIVE = {"family", "staff", "personnel", "people", "others", "youth"}
# Counted with the killed and the wounded together, unless the sentence says which
# (`_casualties_kind`); never fatalities on their own (ACLED codes the dead it is told of).
CASUALTIES = {"casualty", "casualties"}
POSITIONS = {
    "position",
    "positions",
    "post",
    "posts",
    "checkpoint",
    "checkpoints",
    "village",
    "villages",
    "town",
    "towns",
    "base",
    "bases",
    "outpost",
    "outposts",
    "hill",
    "hills",
}
AREA = re.compile(
    r"^(square kilometres?|square kilometers?|sq km|km2|square miles?|hectares?)$", re.I
)

# Verb or adjective lemmas that make a count of people a count of a kind.
KIND_WORDS = {
    "killed": {
        "kill",
        "dead",
        "die",
        "death",
        "killed",
        "slay",
        "execute",
        "massacre",
        "fatality",
        "toll",
        "lose",
        "behead",
        "shoot dead",
        "perish",
        "murder",
        "slaughter",
        "martyr",
        "martyred",
        "martyrs",
    },
    "injured": {"injure", "wound", "hurt", "injured", "wounded", "injury", "injuries"},
    "displaced": {
        "flee",
        "displace",
        "displaced",
        "uproot",
        "evacuate",
        "leave",
        "escape",
        "refugee",
    },
    "arrested": {"arrest", "detain", "round", "apprehend", "capture", "nab"},
    "detained": {"hold", "custody", "jail", "imprison", "detention"},
    "abducted": {"abduct", "kidnap", "hostage", "seize"},
}
# What leaves its victims dead ("the victims of a massacre")
KILLINGS = {"massacre", "killing", "execution", "murder", "slaughter", "assassination"}
# "to death" that is a court's sentence, not a killing
SENTENCED = {"sentence", "condemn"}
# Verbs that leave their object in a state: "left 8 fighters dead", "found two men dead".
LEAVING = {"leave", "find"}
# "members of / from the regime forces"
PARTITIVE = {"of", "from", "among"}
# "claimed / took / cost the lives of 11 people"
LIFE_TAKERS = {"claim", "take", "cost"}
POSITION_VERBS = {"capture", "seize", "take", "overrun", "retake", "recapture", "liberate", "gain"}


def parse_number(tokens: list[Token]) -> float | None:
    """Digits ("12,000", "1.5 million") or words ("twenty-seven", "two hundred")."""
    return number_in(" ".join(t.text for t in tokens))


def number_in(text: str) -> float | None:
    """`parse_number` of a phrase's text."""
    text = text.lower().replace(",", "")
    text = text.replace("-", " ").replace(" .", ".")
    words = text.split()
    if not words:
        return None
    try:
        value = float(words[0])
        scale = _SCALES.get(words[1], 1) if len(words) > 1 else 1
        return value * scale
    except ValueError:
        pass
    total, current = 0, 0
    seen = False
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
        elif w in ("and", "a"):
            continue
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _qualifier(tokens_before: str) -> str | None:
    for group, words in (("low", LOWER_BOUND), ("high", UPPER_BOUND), ("approx", APPROX)):
        if any(tokens_before.endswith(w) for w in words):
            return group
    return None


def _own_clause_words(noun: Token) -> set[str]:
    """Lemmas that say what happened to the counted noun: its head, the head's dependants and
    relative clauses whose subject is the noun itself ("children who were killed", not
    "villagers whose sons are held")."""
    words = {noun.head.lemma_.lower(), noun.head.text.lower()}
    words.update(c.lemma_.lower() for c in noun.head.children)
    if noun.head.head is not None and noun.dep_ in ("pobj", "npadvmod", "appos", "conj"):
        words.add(noun.head.head.lemma_.lower())
    for child in noun.children:
        if child.dep_ == "relcl":
            subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
            if all(c.tag_ in ("WP", "WDT") for c in subjects):
                words.add(child.lemma_.lower())
        elif child.dep_ in ("acl", "amod"):
            words.add(child.lemma_.lower())
    return words


def _harm_kind(words: set[str]) -> str | None:
    """killed, injured, or casualties when the words say both ("killed and wounded")."""
    kinds = [k for k in BARE_KINDS if words & KIND_WORDS[k]]
    return "casualties" if len(kinds) == 2 else (kinds[0] if kinds else None)


def _counts(tok: Token) -> bool:
    """A number or a vague quantity of its own ("several wounded", "tens of injuries")."""
    return tok.like_num or tok.lower_ in VAGUE


def _shared_harm(tok: Token) -> set[str]:
    """The words of killing and wounding coordinated with `tok` that share its count ("kills and
    wounds 60 people", "14 killed or wounded", "13 dead and wounded"); not a conjunct with a
    count or an object of its own ("killed 12 and wounded 30")."""
    own = ("dobj", "nsubjpass", "nsubj")  # a later conjunct's subject is its own
    shared = [
        c
        for c in tok.children
        if c.dep_ == "conj" and not any(g.dep_ in own or _counts(g) for g in c.children)
    ]
    if tok.dep_ == "conj" and not any(
        g.dep_ in ("dobj", "nsubjpass") or _counts(g) for g in tok.head.children
    ):
        shared.append(tok.head)  # the first conjunct's subject is shared: "X killed and wounded"
    return {c.lemma_.lower() for c in shared} | {c.lower_ for c in shared}


def _harm_of(noun: Token) -> str | None:
    """killed / injured / casualties, from the verb or participle that says what befell the
    counted noun and the words coordinated with it ("12 people were killed", "casualties killed
    in shelling", "kills and wounds 60 people")."""
    if _put_to_death(noun):
        return "killed"
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl", "amod")]
    if noun.dep_ in ("dobj", "nsubjpass", "nsubj") and not _doer(noun):
        verbs.append(noun.head)
    elif noun.dep_ == "ROOT":
        # a headline's "11 members from the regime forces killed": the parser hangs the
        # participle on the group the members are of
        verbs += [
            v
            for p in noun.children
            if p.dep_ == "prep" and p.lower_ in PARTITIVE
            for group in p.children
            if group.dep_ == "pobj"
            for v in group.children
            if v.dep_ == "acl"
        ]
    for verb in verbs:
        if kind := _harm_kind({verb.lemma_.lower(), verb.lower_}):
            return _with_conjuncts(kind, verb)
    return None


def _harmed_by_name(noun: Token) -> str | None:
    """killed / injured for a noun the people list does not hold, when a verb of killing or
    wounding says it befell them ("two shepherds were killed", "gunmen shot dead three
    engineers"): only people are killed so; not livestock, and not "lost three tanks"."""
    if noun.pos_ != "NOUN" or {noun.lemma_.lower(), noun.lower_} & _not_people():
        return None
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ in ("dobj", "nsubjpass"):
        verbs.append(noun.head)
    elif noun.dep_ == "nsubj" and noun.head.lemma_.lower() in DEATH_VERBS:
        verbs.append(noun.head)  # "two pilots died"; the subject of "kill" may be a weapon
    for verb in verbs:
        if _across_break(noun, verb):
            continue  # a verb the parser joined across a headline's semicolon
        lemma = verb.lemma_.lower()
        if lemma == "shoot" and any(c.lower_ == "dead" for c in verb.children):
            return "killed"  # "shot dead three engineers"
        kinds = {k for k, words in PERSON_HARM.items() if lemma in words}
        if len(kinds) == 1:
            return _with_conjuncts(kinds.pop(), verb)
    return None


@cache
def _not_people() -> frozenset[str]:
    """What is killed or executed without being people (triggers.yaml: livestock, vehicles,
    plans carried out)."""
    data = lexicon.trigger_data()
    return frozenset(map(str, (*data.get("not_people", ()), *data.get("executed_things", ()))))


def _doer(noun: Token) -> bool:
    """The subject of a verb that acts on something other than its own harm: "five gunmen killed
    two policemen", "20 fighters attacked the base, killing three" (not "two soldiers killed in
    attack", a headline's passive, nor "12 soldiers suffered wounds", "lost their lives")."""
    if noun.dep_ != "nsubj":
        return False
    return any(
        c.dep_ == "dobj"
        and not {c.lemma_.lower(), c.lower_} & OWN_HARM
        # not an object the parser found past a semicolon or a colon (a headline's address)
        and not _across_break(noun.head, c)
        for c in noun.head.children
    )


def _across_break(a: Token, b: Token, marks: tuple[str, ...] = (";", ":")) -> bool:
    """A semicolon (or colon) stands between two words: what the parser joined across it are
    two statements (joined headlines, "an ambush ;132 were killed yesterday")."""
    low, high = sorted((a.i, b.i))
    return any(t.text in marks for t in a.doc[low + 1 : high])


def _put_to_death(noun: Token) -> bool:
    """ "stoned a woman to death", "beat two men to death", "were hacked to death": "to death"
    on the verb or on its object."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.lemma_.lower() in SENTENCED:
        return False  # not "sentenced two men to death"
    return any(
        p.dep_ == "prep" and p.lower_ == "to" and any(o.lower_ == "death" for o in p.children)
        for p in (*noun.children, *noun.head.children)
    )


def _with_conjuncts(kind: str, tok: Token) -> str:
    """`kind`, or casualties when a word of the other harm shares the count ("killed or
    wounded")."""
    other = _harm_kind(_shared_harm(tok))
    return kind if other in (None, kind) else "casualties"


def _lives_taken(noun: Token) -> bool:
    """ "claimed / took / cost the lives of 11 people" (not "saved the lives of")."""
    of = noun.head
    lives = of.head
    return (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and lives.lemma_.lower() == "life"
        and lives.head.lemma_.lower() in LIFE_TAKERS
    )


def _victims_of_killing(noun: Token) -> bool:
    """ "12 victims of the massacre", "nine children were (among) the victims of a massacre": the
    victims of a killing are its dead."""
    victims = [noun] if noun.lemma_.lower() == "victim" else []
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for c in noun.head.children:
            if c.dep_ == "attr":
                victims.append(c)
            elif c.dep_ == "prep" and c.lower_ == "among":
                victims += [o for o in c.children if o.dep_ == "pobj"]
    return any(
        v.lemma_.lower() == "victim"
        and any(
            o.lemma_.lower() in KILLINGS
            for p in v.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children
        )
        for v in victims
    )


def _left_harmed(noun: Token) -> str | None:
    """ "left 8 fighters dead", "leaves 12 people wounded": the state the verb leaves them in
    (the parser may hang "dead" on any noun of the object's phrase)."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "nsubj", "nsubjpass") or verb.lemma_.lower() not in LEAVING:
        return None  # not "5 relatives of the man killed yesterday were arrested"
    states = [
        c
        for c in verb.subtree
        if c.i > noun.i
        and c.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "advcl", "amod", "acl")
        and c.lower_ in ALL_HARM
        and (c.head.i == verb.i or c.head.i in {t.i for t in noun.subtree})
    ]
    if not states and verb.lemma_.lower() == "leave":
        # the parser may hang the state anywhere; it is still the word after the object phrase
        end = max(t.i for t in noun.subtree) + 1
        if end < len(noun.doc) and noun.doc[end].lower_ in ALL_HARM:
            states = [noun.doc[end]]
    for state in states:
        if kind := _harm_kind({state.lower_}):
            return _with_conjuncts(kind, state)
    return None


def _casualties_kind(noun: Token, sent: SpacySpan) -> str:
    """ "casualties" counts the killed and the wounded together, unless the sentence says which:
    "casualties ... were killed", or the wounded counted apart ("7 casualties and tens of
    injuries", "5 casualties and several wounded"), which leaves the casualties the dead."""
    kind = _harm_of(noun)
    if kind in ("killed", "casualties"):
        return kind  # ("wounded" casualties is a misparse of "casualties and tens of wounded")
    if _harm_kind(_shared_harm(noun)) is not None:
        return "casualties"  # "15 casualties and injuries", "casualties and dead": together
    own = {noun.i} | {t.i for c in noun.children if c.dep_ not in ("conj", "cc") for t in c.subtree}
    wounded_apart = any(
        t.i not in own and {t.lemma_.lower(), t.lower_} & KIND_WORDS["injured"] for t in sent
    )
    return "killed" if wounded_apart else "casualties"


def _names_group(noun: Token) -> bool:
    """A group's or a people's name counts its members: "killed 8 ISIS", "12 Houthis"."""
    if noun.ent_type_ in ("ORG", "NORP"):
        return True
    actors = noun.doc.spans.get(ACTORS_KEY, ())
    return any(s.start <= noun.i < s.end and s.label_ == "ACTOR" for s in actors)


def _kind_for(noun: Token, sent: SpacySpan, quantity: Token | None = None) -> str | None:
    lemma = noun.lemma_.lower()
    text = noun.text.lower()
    if AREA.match(
        " ".join(t.text for t in noun.doc[noun.i - 1 : noun.i + 1]).lower()
    ) or AREA.match(text):
        return "area"
    if any(t is not None and t.dep_ == "pobj" and t.head.dep_ == "agent" for t in (noun, quantity)):
        return "people"  # "killed by two gunmen", "by dozens of militants": the doers
    for kind in BARE_KINDS:
        if text in KIND_WORDS[kind]:
            # "dozens wounded", "12 dead"; "140 martyrs and wounded" counts both
            return _with_conjuncts(kind, noun)
    context = _own_clause_words(noun)
    if quantity is not None and noun.i not in (quantity.i, quantity.head.i):
        # "hundreds of foreigners": the verb governs the quantity word, not the noun.
        context |= _own_clause_words(quantity)
    if lemma in CASUALTIES:
        return _casualties_kind(noun, sent)
    if text in POSITIONS or lemma in POSITIONS:
        return "captured_positions" if context & POSITION_VERBS else None
    if text not in PEOPLE and lemma not in PEOPLE and not _names_group(noun):
        return _harmed_by_name(noun)
    if (harmed := _harm_of(noun) or _left_harmed(noun)) is not None:
        return harmed
    if _lives_taken(noun) or _victims_of_killing(noun):
        return "killed"
    doer = _doer(noun)
    for kind, words in KIND_WORDS.items():
        if context & words and not (doer and kind in BARE_KINDS):
            return kind
    # "custody" often sits further away: "holds N ... in its custody".
    if "custody" in {t.lemma_.lower() for t in sent} and context & {"hold", "keep"}:
        return "detained"
    return "people"


def figures_in(sent: SpacySpan, article_id: str) -> list[Figure]:
    """Every counted quantity in one sentence."""
    figures: list[Figure] = []
    # the token that stands in the clause for each count of the harmed: its noun, or the number
    # when the number heads the phrase ("two of her children")
    harmed: list[tuple[Figure, Token]] = []
    doc = sent.doc
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        low_text = tok.text.lower()
        if (
            tok.like_num
            and (
                tok.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL")
                or _misread_date(tok)
            )
            # "no one was hurt": nobody, not one person
            and not (low_text == "one" and i > sent.start and doc[i - 1].lower_ == "no")
        ):
            j = i
            while j + 1 < sent.end and (
                doc[j + 1].like_num or doc[j + 1].lower_ in _SCALES or doc[j + 1].text == "-"
            ):
                j += 1
            number = parse_number(list(doc[i : j + 1]))
            if number is not None and (found := _range(doc, sent, i, j, number, article_id)):
                # "between five and ten people", "10 to 15 soldiers": a low and a high bound
                figures.append(found[0])
                i = found[1]
                continue
            noun = _counted_noun(doc, j, sent)
            if number is not None:
                if noun is None:
                    # "140 were killed", "strikes killed 12", "the death toll rose to 45"
                    kind, counted = _bare_count_kind(doc[j]), doc[j]
                else:
                    kind, counted = _kind_for(noun, sent, doc[j]), noun
                if kind:
                    qualifier = _qualifier(doc[max(sent.start, i - 4) : i].text.lower())
                    figures.append(_figure(kind, number, qualifier, doc, i, counted, article_id))
                    anchor = counted if doc[j].head.i == counted.i else doc[j]
                    harmed.append((figures[-1], anchor))
            i = j + 1
            continue
        if kind := _one_harmed(tok):
            # "a soldier was killed": one, as ACLED counts it
            start, end = _noun_phrase_start(tok), tok.idx + len(tok.text)
            span = Span(article_id, start, end, doc.text[start:end])
            figures.append(Figure(kind=kind, low=1.0, best=1.0, high=1.0, span=span))
            harmed.append((figures[-1], tok))
        if low_text in VAGUE and low_text not in ("some", "few", "many") or low_text == "dozens":
            noun = _counted_noun(doc, i, sent)
            kind = _kind_for(noun, sent, tok) if noun is not None else _bare_count_kind(tok)
            if kind:
                # "dozens of villagers were killed"; "dozens were killed"
                noun = noun if noun is not None else tok
                start, end = doc[i].idx, noun.idx + len(noun.text)
                figures.append(
                    Figure(
                        kind=kind,
                        vague=low_text,
                        unit="km2" if kind == "area" else None,
                        span=Span(article_id, start, end, doc.text[start:end]),
                    )
                )
        i += 1
    return figures + _totals(harmed, doc, article_id)


def _range(
    doc, sent: SpacySpan, i: int, j: int, low: float, article_id: str
) -> tuple[Figure, int] | None:
    """A range of two numbers before one counted noun: "between five and ten people", "10 to 15
    soldiers" (not "rose from 12 to 20", a change): the figure and where reading goes on."""
    between = i > sent.start and doc[i - 1].lower_ == "between"
    joint = doc[j + 1] if j + 1 < sent.end else None
    if joint is None or not (
        (joint.lower_ == "and" and between)
        or (joint.lower_ == "to" and not (i > sent.start and doc[i - 1].lower_ == "from"))
    ):
        return None
    k = j + 2
    if k >= sent.end or not doc[k].like_num:
        return None
    while k + 1 < sent.end and (doc[k + 1].like_num or doc[k + 1].lower_ in _SCALES):
        k += 1
    high = parse_number(list(doc[j + 2 : k + 1]))
    noun = _counted_noun(doc, k, sent)
    if high is None or high < low or noun is None or not (kind := _kind_for(noun, sent, doc[k])):
        return None
    start = doc[i - 1].idx if between else doc[i].idx
    end = noun.idx + len(noun.text)
    span = Span(article_id, start, end, doc.text[start:end])
    unit = "km2" if kind == "area" else None
    return Figure(kind=kind, low=low, high=high, unit=unit, span=span), k + 1


def _totals(harmed: list[tuple[Figure, Token]], doc, article_id: str) -> list[Figure]:
    """The total of counts of one kind joined by "and" ("killed three soldiers and two
    civilians", "a woman and two of her children"): ACLED's fatalities are the whole of it,
    not its largest part. Not a count inside another ("30 people, including 7 soldiers")."""
    totals: list[Figure] = []
    for kind in BARE_KINDS:
        parts = [(f, a) for f, a in harmed if f.kind == kind]
        groups: list[list[tuple[Figure, Token]]] = []
        for part in parts:
            group = next((g for g in groups if _joined(g[0][1], part[1])), None)
            if group is not None:
                group.append(part)
            else:
                groups.append([part])
        for group in groups:
            if len(group) < 2:
                continue
            figs = [f for f, _ in group]
            start = min(f.span.start for f in figs if f.span)
            end = max(f.span.end for f in figs if f.span)
            total = {
                bound: sum(values)
                if None not in (values := [getattr(f, bound) for f in figs])
                else None
                for bound in ("low", "best", "high")
            }
            if all(v is None for v in total.values()):
                continue  # "up to 30 people and at least 5 soldiers": no bound of the whole
            span = Span(article_id, start, end, doc.text[start:end])
            totals.append(Figure(kind=kind, span=span, **total))
    return totals


def _joined(first: Token, second: Token) -> bool:
    """Conjuncts, or two words in one role of one head with "and" between them (the parser may
    give both the role: "Twelve soldiers and at least five rebels were killed"). Never across a
    semicolon: what follows it is another statement, often another count."""
    if _across_break(first, second, (";",)):
        return False
    if second in first.conjuncts:
        return True
    return (
        first.head.i == second.head.i
        and first.dep_ == second.dep_
        and any(t.dep_ == "cc" for t in first.doc[first.i + 1 : second.i])
    )


# Counts with no noun after them: the number itself is the subject or object of a verb of killing
# or wounding ("140 were killed", "strikes killed 12"), or what a death toll rises or comes to
# ("the death toll rose to 45", "raised the toll to 30", "the toll reached 70").
BARE_KINDS = ("killed", "injured")
ALL_HARM = KIND_WORDS["killed"] | KIND_WORDS["injured"]
TOLL_WORDS = {"toll"}
# Verbs that are said of people only (unlike "lose", "destroy"): what they befall is people.
PERSON_HARM = {
    "killed": {
        "kill", "die", "execute", "behead", "murder", "massacre", "slay", "assassinate",
        "slaughter",
    },
    "injured": {"wound", "injure"},
}  # fmt: skip
# What befalls the subject itself ("suffered wounds", "lost their lives", "sustained injuries").
OWN_HARM = KIND_WORDS["killed"] | KIND_WORDS["injured"] | CASUALTIES | {"life", "lives", "loss"}
TALLY_NOUNS = {"number", "count", "tally"}  # "the number of deaths rose to 40"
# Punctuation that ends a noun phrase (a hyphen does not: "21 Turkey-backed rebels").
CLAUSE_PUNCT = {",", ";", ":", ".", "!", "?"}
_YEAR = re.compile(r"^(19|20)\d\d$")
# What people are left in after violence: "five dead", "12 wounded".
HARM_STATES = {"dead", "wounded", "injured"}
# Words of a range of numbers ("between six and nine")
RANGE_WORDS = {"between", "and", "to"}
# Verbs whose subject is the dead ("the soldier died").
DEATH_VERBS = {"die", "perish", "succumb"}


def _one_harmed(noun: Token) -> str | None:
    """killed / injured for one person named by a singular noun ("a soldier was killed", "the
    commander died", "Turkish soldier killed in attack"); not a group ("a family"), a number
    ("one soldier" is counted as a number) or the doer ("a soldier killed two")."""
    if (
        noun.tag_ != "NN"
        or noun.lower_ not in PEOPLE
        or noun.lower_ in COLLECTIVE
        or any(c.dep_ == "nummod" or c.lower_ in VAGUE for c in noun.children)
    ):
        return None
    verb = noun.head
    if _put_to_death(noun):
        return "killed"
    if noun.dep_ == "ROOT":
        # a headline: "Turkish soldier killed in attack"
        verbs = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    elif (
        noun.dep_ == "nsubjpass"
        or (noun.dep_ == "dobj" and verb.pos_ == "VERB")
        or (noun.dep_ == "nsubj" and verb.lemma_.lower() in DEATH_VERBS)
    ):
        verbs = [verb]  # "was killed", "killed a soldier", "the soldier died"
    else:
        return None
    for v in verbs:
        if kind := _harm_kind({v.lemma_.lower(), v.lower_}):
            return _with_conjuncts(kind, v)
    return None


def _noun_phrase_start(noun: Token) -> int:
    """Where the words before a noun that belong to it begin ("a Turkish soldier")."""
    left = [c for c in noun.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "poss")]
    return min((t.idx for c in left for t in c.subtree), default=noun.idx)


def _misread_date(tok: Token) -> bool:
    """A count the tagger took for a date: "136 died yesterday" (never a year, as in "1990"),
    "between six and nine people" (numbers alone before a person noun)."""
    if tok.ent_type_ != "DATE":
        return False
    if (
        tok.text.isdigit()
        and int(tok.text) < 1000
        and tok.dep_ in ("nsubj", "nsubjpass")
        and _bare_count_kind(tok) is not None
    ):
        return True
    doc, k = tok.doc, tok.i
    while k < len(doc) and doc[k].ent_type_ == "DATE" and (k == tok.i or doc[k].ent_iob_ == "I"):
        if not (doc[k].like_num or doc[k].lower_ in RANGE_WORDS) or _YEAR.match(doc[k].text):
            return False  # "six days", "nine months ago", "2014 to 2015"
        k += 1
    return k < len(doc) and (doc[k].lower_ in PEOPLE or doc[k].lemma_.lower() in PEOPLE)


def _bare_count_kind(num: Token) -> str | None:
    if num.dep_ in ("nsubj", "nsubjpass", "dobj"):
        verb = num.head
    elif num.dep_ == "pobj" and num.head.lower_ in ("to", "at") and num.head.dep_ == "prep":
        verb = num.head.head
    elif num.dep_ == "pobj" and num.head.lower_ == "of":
        # "leading to the death of 7", "the killing of 12"
        noun = num.head.head
        if noun.lemma_.lower() in ("death", "killing", "murder", "execution"):
            return "killed"
        return None
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == num.i:
        return None
    lemma = verb.lemma_.lower()
    if num.dep_ != "pobj":
        for kind in BARE_KINDS:
            if lemma in KIND_WORDS[kind] or verb.lower_ in KIND_WORDS[kind]:
                return kind
    tallies = {
        _tally_kind(c)
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != num.i
    }
    # "further deaths bring the toll to 12": the toll says which
    return next((kind for kind in (*BARE_KINDS, "casualties") if kind in tallies), None)


def _tally_kind(noun: Token) -> str | None:
    """What a noun that keeps count counts: "the death toll" and "the number of deaths" the
    killed, "the number of wounded" the injured, "casualties" both ("the toll rose to 45",
    "the number of the dead reached 30", "casualties climbed to 14")."""
    lemma = noun.lemma_.lower()
    if lemma in TOLL_WORDS:
        return "killed"
    if noun.lower_ in CASUALTIES:
        return _casualties_kind(noun, noun.sent)
    if lemma not in TALLY_NOUNS:
        return None
    counted = [o for c in noun.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    for kind in BARE_KINDS:
        if any(
            o.lemma_.lower() in KIND_WORDS[kind] or o.lower_ in KIND_WORDS[kind] for o in counted
        ):
            return kind
    casualties = [o for o in counted if o.lower_ in CASUALTIES]
    return _casualties_kind(casualties[0], noun.sent) if casualties else None


def _counted_noun(doc, j: int, sent: SpacySpan) -> Token | None:
    """The noun a number counts: the next noun ("12 checkpoints", "hundreds of prisoners")."""
    k = j + 1
    if k < sent.end and doc[k].lower_ == "of":
        k += 1
    while k < sent.end and k <= j + 6:
        tok = doc[k]
        if (
            tok.dep_ in ("compound", "npadvmod", "nmod", "amod", "punct")
            and tok.lower_ not in PEOPLE
            and tok.text not in CLAUSE_PUNCT  # "rose to 20, activists said"
            and k < tok.head.i <= j + 6
            and tok.head.i < sent.end
        ):
            # "104 ISIS militants", "12 regime soldiers", "21 Turkey-backed rebels", "four Iran
            # army special forces troops": the noun the words qualify.
            k += 1
            continue
        if (
            tok.pos_ in ("NOUN", "PROPN")
            or tok.lower_ in PEOPLE
            or _names_group(tok)
            or (
                tok.lower_ in HARM_STATES | {"killed"}
                # "12 killed", not "2013 killed 40 people": a verb with its own object
                and not any(c.dep_ == "dobj" for c in tok.children)
            )
        ):
            if tok.lower_ == "square" and k + 1 < sent.end:
                return doc[k + 1]
            # "children who" / "people, mostly ..." stop at the first noun.
            return tok
        if (
            tok.pos_ not in ("ADJ", "NUM", "DET", "ADV")
            and tok.tag_ != "PRP$"  # "two of her children"
            and tok.lower_ not in ("more", "other")
        ):
            return None
        k += 1
    return None


def _figure(
    kind: str, number: float, qualifier: str | None, doc, i: int, noun: Token, article_id: str
) -> Figure:
    start = doc[i].idx
    # Include a bound word before the number in the evidence ("more than 12,000").
    for words in (LOWER_BOUND, UPPER_BOUND, APPROX):
        for w in words:
            n = len(w.split())
            if i - n >= 0 and doc[i - n : i].text.lower() == w:
                start = doc[i - n].idx
    end = noun.idx + len(noun.text)
    span = Span(article_id, start, end, doc.text[start:end])
    unit = "km2" if kind == "area" else None
    if qualifier == "low":
        return Figure(kind=kind, low=number, unit=unit, span=span)
    if qualifier == "high":
        return Figure(kind=kind, high=number, unit=unit, span=span)
    if qualifier == "approx":
        return Figure(kind=kind, best=number, unit=unit, span=span)
    return Figure(kind=kind, low=number, best=number, high=number, unit=unit, span=span)


def with_source(figure: Figure, source: str | None) -> Figure:
    return replace(figure, source=source) if source else figure


def fatalities(figures: list[Figure] | tuple[Figure, ...]) -> int | None:
    """ACLED's conservative count: the lowest credible number of killed; vague words by rule."""
    killed = [f for f in figures if f.kind == "killed"]
    if not killed:
        return None
    counts = []
    for f in killed:
        if f.low is not None:
            counts.append(int(f.low))
        elif f.best is not None:
            counts.append(int(f.best))
        elif f.vague:
            counts.append(ACLED_VAGUE_FATALITIES.get(f.vague, 0))
        elif f.high is not None:
            counts.append(int(f.high))
    return max(counts) if counts else None
