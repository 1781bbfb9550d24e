"""Modality and attribution of an event mention, read off the dependency path to the root.

"he expected the battle to be over" (forecast), "denied carrying out the strike" (denied),
"the leader was likely not in the pocket" (hedged), "X said Y happened" (asserted, source X).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from spacy.tokens import Span, Token

from marsad.extract.syntax import of_objects

REPORTING = {
    "say", "report", "tell", "add", "state", "announce", "claim", "confirm", "accuse", "allege",
    "insist", "note", "write", "quote", "post", "tweet", "explain", "cite", "reveal", "disclose",
    "acknowledge", "declare", "indicate",
}  # fmt: skip
FORECAST = {
    "expect", "plan", "intend", "threaten", "warn", "vow", "hope", "aim", "urge", "call", "want",
    "seek", "prepare", "pledge", "promise", "fear", "predict", "propose", "demand", "ask", "order",
    "try", "attempt", "plot", "consider", "prevent", "avoid", "allow",
}  # fmt: skip
# Verbs of talk: an agreement they are about has not been made ("discussed a truce"); violence
# they are about happened before ("discussed the attack on the convoy": `REACTIONS`).
TALK = {"discuss", "debate"}
DENY = {"deny", "reject", "dismiss", "refute"}
# Talks: what they are "on" is still to be agreed ("negotiations on a prisoner exchange").
TALK_NOUNS = {"negotiation", "talk", "discussion", "consultation", "deliberation"}
HEDGE_VERBS = {"allege", "suspect", "believe", "rumour", "rumor", "speculate", "doubt", "suggest"}
# ("allegedly", like "reportedly", attributes the deed to its accusers' account rather than
# doubting it happened: "militiamen allegedly raped a girl" is coded, as ACLED codes reports)
HEDGE_ADVERBS = {
    "likely",
    "possibly",
    "probably",
    "perhaps",
    "maybe",
    "apparently",
    "unconfirmed",
}
# "continued to detain", "began to withdraw", "were able to advance": the infinitive tells what
# happens, not an aim.
ASPECTUAL = {"continue", "begin", "start", "resume", "keep", "manage", "proceed", "fail", "able"}
# Verbs by which an accord is made: failing to do them, it was not ("failed to reach a deal").
REACHING_VERBS = {"agree", "reach", "secure", "sign", "seal", "strike", "conclude", "broker"}
# "after X was killed", "because of ...": a temporal or causal clause presents its event as a
# fact whatever the main clause does ("vowed an inquiry after seven people were killed").
FACTIVE_MARKS = {"after", "since", "because", "as", "when", "while", "once", "following"}
FUTURE_AUX = {"will", "shall", "'ll", "going"}
# Month names, which date a deed further back than the days of the news ("since January").
MONTH_NAMES = {m.lower() for m in calendar.month_name if m}
MODAL_AUX = {"would", "could", "may", "might", "should", "can", "must"}


def modality(head: Token) -> str:
    """asserted | hedged | denied | forecast for the mention whose trigger head is `head`."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "ahead":
        return "forecast"  # "arrested ten members ahead of the rallies": still to come
    if _identity_in_doubt(head):
        return "asserted"  # "gunmen suspected to be bandits abducted 60 pupils"
    if _done_without(head):
        return "denied"  # "left without announcing any agreement"
    if (
        head.dep_ == "pobj"
        and head.head.lower_ in ("on", "over", "about", "for")
        and head.head.head.lemma_.lower() in TALK_NOUNS
    ):
        return "forecast"  # "negotiations on a new prisoner exchange were progressing"
    below = head  # the word the walk came up from
    for tok in [head, *head.ancestors]:
        is_trigger = tok.i == head.i
        if not is_trigger and below.dep_ == "dep":
            break  # a fragment the parser could not attach ("Somalia: fighters overrun ...")
        if (
            not is_trigger
            and below.dep_ == "advcl"
            and below.tag_ == "VBG"
            # (a participle's own clause: no mark, no subject; not "when they were bombing")
            and not any(c.dep_ in ("mark", "nsubj") for c in below.children)
        ):
            # what was done beside an attempt ("tried to force their way in, throwing stones"):
            # the participle's deed was done
            break
        if (
            not is_trigger
            and below.dep_ == "ccomp"
            and below.i < tok.i
            and any(c.lower_ == ";" and below.i < c.i < tok.i for c in tok.children)
        ):
            break  # a clause before a semicolon stands by itself ("... clashed; casualties were
            # not known")
        if (
            not is_trigger
            and below.dep_ == "aux"
            and below.tag_ == "VBD"
            and below.lemma_.lower() not in ("be", "have", "do", "get")
        ):
            break  # "jets struck suspected hideouts", parsed with "struck" an auxiliary
        if (
            not is_trigger
            and below.dep_ in ("pcomp", "pobj")
            and tok.lower_ in ("after", "since", "following")
        ):
            # "withdrew after a firefight", "has not been seen since being bundled into a
            # van": what came before was done
            break
        if (
            not is_trigger
            and tok.lemma_.lower() == "warn"
            and below.dep_ == "ccomp"
            and below.i < tok.i
            and not any(
                c.dep_ == "aux" and c.lower_ in FUTURE_AUX | MODAL_AUX for c in below.children
            )
        ):
            break  # "militiamen have set up a camp near Lopa, local leaders warned": told as done
        if not is_trigger and tok.lemma_.lower() in REPORTING and tok.pos_ != "NOUN":
            # above the reporting verb is the speaker's act, not the event's modality; a
            # report named by a noun may be denied ("denied reports that its soldiers ...")
            break
        for child in tok.children:
            lower = child.lower_
            if child.dep_ == "neg" or (
                is_trigger and child.dep_ == "det" and lower in ("no", "neither")
            ):
                return "denied"  # "did not attack", "there was no fighting"
            if (
                is_trigger
                and child.dep_ == "nsubjpass"
                and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
            ):
                return "denied"  # "no agreement was reached"
            if child.dep_ in ("aux", "auxpass"):
                if lower in FUTURE_AUX:
                    return "forecast"
                if lower in MODAL_AUX:
                    return "hedged"
                if (
                    lower == "to"
                    # a noun the parser hung on "to" is its object ("exposure to sarin")
                    and tok.tag_.startswith("VB")
                    and tok.dep_ in ("xcomp", "acl", "advcl", "ccomp", "relcl")
                    and not (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ASPECTUAL)
                ):
                    # an infinitive: a purpose or an intention ("a push to retake X"), not a fact
                    return "forecast"
            if child.dep_ == "mark" and lower in ("if", "unless", "whether"):
                return "hedged"
            if child.dep_ == "advmod" and lower in HEDGE_ADVERBS:
                return "hedged"
        if (
            not is_trigger
            and tok.lemma_.lower() == "fail"
            and below.dep_ == "xcomp"
            and (below.i == head.i or below.lemma_.lower() in REACHING_VERBS)
        ):
            # "failed to agree on a ceasefire", "failed to capture the town": it did not happen
            # (not "failed to repel the attack": the attack did)
            return "denied"
        # the trigger's own side did the demanding or the denying ("protesters demanded the
        # release of ...", "fighting threatens to spread"): it is not what was demanded
        if not is_trigger and below.dep_ != "nsubj":
            lemma = tok.lemma_.lower()
            if lemma in FORECAST and not (
                lemma == "fear" and any(c.dep_ == "oprd" for c in tok.children)
            ):
                # not "several soldiers feared dead": a toll in doubt, not a deed to come
                return "forecast"
            if lemma in DENY:
                return "denied"
            if (
                lemma in HEDGE_VERBS
                # (a rumour is in doubt, a suspect is a person: "Suspects on a motorcycle
                # hurled ...", parsed with the suspects the root)
                and not (tok.pos_ == "NOUN" and lemma == "suspect")
                and not _reduced_relative(tok, below)
                # "gunmen are suspected of abducting two engineers": who did it is in doubt,
                # not that it was done (as with "accused of")
                and not (lemma == "suspect" and below.lower_ == "of")
            ):
                return "hedged"
        if (
            tok.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in FACTIVE_MARKS for c in tok.children)
        ) or (
            # "has not been seen since Tuesday, when men forced him into a car": a clause on a
            # time word tells what happened then
            tok.dep_ == "relcl" and any(c.lower_ == "when" for c in tok.children)
        ):
            # the main clause's modality does not reach into "after ..." clauses (the clause's
            # own verb does: "after he called for a general strike")
            break
        below = tok
    return "asserted"


def _done_without(head: Token) -> bool:
    """The deed is what a clause after "without" did not do ("left without announcing any
    agreement", "ended without reaching a deal")."""
    tok = head
    while tok.dep_ in ("dobj", "nsubjpass", "conj") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i != head.i and tok.dep_ == "pcomp" and tok.head.lower_ == "without"


def _identity_in_doubt(head: Token) -> bool:
    """The deed hangs on who its doers are suspected to be, as the parser reads "gunmen
    suspected to be bandits abducted 60 pupils" ("abducted" a clause on "bandits"): the doubt is
    about the doers, the deed is told as a fact."""
    be = head.head.head if head.dep_ == "acl" and head.head.dep_ == "attr" else None
    if head.dep_ == "ccomp" and head.head.lemma_.lower() == "be":
        be = head.head  # "armed men believed to be separatist fighters set fire to ..."
    return (
        be is not None
        and be.lemma_.lower() == "be"
        and be.dep_ == "xcomp"
        and be.head.lemma_.lower() in HEDGE_VERBS
    )


def _reduced_relative(tok: Token, below: Token) -> bool:
    """A bare participle saying who the doers are thought to be, which the parser made the
    clause's verb ("Gunmen suspected to be bandits stormed the village", "men believed to
    belong to JNIM seized ..."): a doubt about the doers, not about the deed, which the walk
    reached from outside the infinitive. "Are believed to have killed" has its auxiliary and
    hedges; so does the deed of the infinitive ("men believed to have planted the bomb")."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or tok.i == 0:
        return False
    infinitive = doc[tok.i + 2]
    return (
        tok.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        # the doers' noun right before it (or before a comma: "fighters, believed to belong
        # to ...,"), "to" and a verb right after (however the parser hung them)
        and doc[tok.i - (2 if doc[tok.i - 1].text == "," and tok.i > 1 else 1)].pos_
        in ("NOUN", "PROPN")
        and doc[tok.i + 1].lower_ == "to"
        and infinitive.pos_ in ("VERB", "AUX")
        and below.i != infinitive.i
        and not any(a.i == infinitive.i for a in below.ancestors)
    )


def purpose_of_deed(head: Token) -> bool:
    """The mention is the purpose of a deed that happened ("farmers blocked the highway to
    protest", "thousands gathered to demonstrate"): the deed is the protest, so it happened.
    Not the aim of an intention ("called on people to protest", "plan to march")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
        return False
    if head.dep_ in ("advcl", "xcomp"):
        deed = head.head
    elif head.dep_ == "relcl" and head.head.dep_ == "pobj" and head.head.head.lower_ == "with":
        # "charged with batons to disperse students": the parser hangs the purpose on the
        # instrument
        deed = head.head.head.head
    else:
        return False
    lemma = deed.lemma_.lower()
    return (
        deed.pos_ == "VERB"
        and lemma not in FORECAST | ASPECTUAL | REPORTING
        and modality(deed) == "asserted"
    )


# Verbs and nouns of a reaction to an event ("condemned the bombing", "arrested two men for the
# killing", "sanctions over the attack"): the event they react to happened before, and is told
# here as the reason for something else. Not "claim" or "blame": a claim of responsibility tells
# who did the event, which ACLED codes as the event's actor.
REACTIONS = {
    "condemn", "denounce", "deplore", "decry", "investigate", "probe", "mourn", "commemorate",
    "avenge", "retaliate", "revenge", "punish", "sentence", "convict", "arrest", *TALK,
    "detain", "sanction", "protest", "apologise", "apologize", "compensate", "inquiry",
    "investigation", "condemnation", "sanctions", "retaliation", "anger", "outrage",
    "trial", "funeral", "anniversary", "memorial", "vigil", "remembrance", "commemoration",
    "ceremony", "prayer", "reprisal", "reprisals",
    # a reason given for something else ("extended the emergency, citing attacks")
    "cite",
    # a place or people visited for what befell them ("visited the market where a car bomb
    # killed eleven", "toured the victims of the massacre")
    "visit", "tour",
    # a crowd's cause ("a march against the killings")
    "march", "rally", "demonstration",
}  # fmt: skip


# Works told about an event: the event is their subject, from before.
WORKS_ABOUT = {
    "documentary", "film", "movie", "book", "novel", "play", "exhibition", "memoir", "podcast",
    "series", "song", "biography",
}  # fmt: skip


# What an accord already in force is named by: kept or broken, or the time of something else
# ("violated the truce", "in breach of the ceasefire", "despite the ceasefire").
IN_FORCE_VERBS = {
    "violate", "breach", "break", "flout", "observe", "respect", "uphold", "honour", "honor",
}  # fmt: skip
IN_FORCE_PREPS = {"despite", "under", "amid", "during"}
IN_FORCE_NOUNS = {"violation", "violations", "breach", "breaches"}


def accord_in_force(head: Token) -> bool:
    """An accord told as in force, not as made: "violated the truce by shelling the town",
    "strikes despite the ceasefire", "in breach of the ceasefire agreed last month",
    "ceasefire violations"."""
    if head.dep_ == "compound":
        return head.head.lower_ in IN_FORCE_NOUNS
    if head.dep_ in ("dobj", "nsubjpass"):
        return head.head.lemma_.lower() in IN_FORCE_VERBS
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ in IN_FORCE_PREPS:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in IN_FORCE_NOUNS


# What is done to a crowd at its protest, not in reaction to it ("police detained protesters").
PROTEST_HELD = frozenset({"arrest", "detain", "protest", "march", "rally", "demonstration"})
# Feelings a deed stirs, told with what stirred them ("angered by the killings").
STIRRED = {
    "enrage", "enraged", "anger", "angered", "outrage", "outraged", "incense", "incensed",
    "infuriate", "infuriated", "shock", "shocked", "alarm", "alarmed", "frustrate",
    "frustrated",
}  # fmt: skip


def reacted_to(head: Token, ignored: frozenset[str] = frozenset()) -> bool:
    """The mention is the object of a reaction ("condemned the bombing", "a vigil for the
    victims of the massacre") or the cause after "over" ("sanctions over the bombing"); not by
    the `ignored` reactions."""
    reactions = REACTIONS - ignored
    tok = head
    if (
        tok.dep_ in ("pobj", "pcomp")
        and tok.head.lower_ in ("in", "during", "by")
        and tok.head.head.dep_ == "acl"
        and tok.head.head.tag_ == "VBN"
    ):
        # "the funeral of soldiers killed in the ambush", "of firefighters killed by shelling":
        # "soldiers"
        tok = tok.head.head.head
    elif tok.dep_ == "acl" and tok.tag_ == "VBN":
        tok = tok.head  # "soldiers killed in ...": the soldiers
    while tok.dep_ == "conj" and tok.head.pos_ == "NOUN":
        tok = tok.head  # "citing insecurity and attacks": the list's first
    clause = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj") else tok
    if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
        tok = clause.head  # "visited the market where a car bomb killed eleven": the market
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
        tok = tok.head.head  # "the victims of the massacre": go up to "victims"
        if tok.lemma_.lower() in reactions:
            return True  # "the funeral of soldiers killed in the ambush"
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in reactions
    told = tok
    while (
        told.dep_ == "pobj"
        and told.head.lower_ in ("of", "against", "on")
        and told.head.head.pos_ == "NOUN"
    ):
        told = told.head.head
    if told.dep_ == "dobj" and told.head.lemma_.lower() in reactions:
        return True  # "condemned the use of lethal force against demonstrators last week"
    stirring = tok
    while stirring.dep_ == "pobj" and stirring.head.head.i != stirring.head.i:
        if stirring.head.lower_ in ("by", "at", "over") and (
            stirring.head.head.lemma_.lower() in STIRRED
        ):
            # "enraged by a string of abductions", "angered by a youth's death in a police
            # raid": what stirred them
            return True
        stirring = stirring.head.head
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("about", "on")
        and tok.head.head.lemma_.lower() in WORKS_ABOUT
    ):
        return True  # "a documentary about the kidnapping of 276 schoolgirls won a prize"
    if _named_cause(tok):
        return True  # "flights were halted because of the fighting": told as the cause
    if tok.dep_ == "pobj" and tok.head.lower_ in ("over", "for", "against", "into"):
        over = tok.head.lower_ == "over"
        reacting = tok.head.head
        if reacting.lemma_.lower() in reactions or reacting.lower_ in reactions:
            return True
        if reacting.pos_ == "VERB" and any(
            w.lemma_.lower() in reactions
            for c in reacting.children
            if c.dep_ in ("nsubjpass", "dobj")
            for w in (c, *(m for m in c.children if m.dep_ in ("compound", "amod")))
        ):
            return True  # "a memorial service was held for the victims of the bombing"
        # "over" after a noun or verb that is not itself an event word: its cause (not where
        # something moved: "his vehicle ran over a mine")
        return (
            over
            and reacting.pos_ in ("NOUN", "VERB")
            and tok.i > reacting.i
            and reacting.lemma_.lower() not in MOVING_VERBS
        )
    return False


# Verbs of moving, whose "over" is a place crossed ("ran over a mine").
MOVING_VERBS = {"run", "drive", "step", "roll", "walk", "fly", "pass", "cross", "jump", "ride"}
# Verbs of flight: what people flee is told as the cause of their flight.
FLIGHT = {"flee", "escape"}


def fled_from(head: Token) -> bool:
    """The deed is what people are fleeing ("crossed into Chad fleeing renewed fighting",
    "thousands fled from the violence", "fled as the fighting moved closer"): told as the
    cause of their displacement."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ == "from":
        tok = tok.head
    if tok.dep_ == "nsubj" and tok.head.dep_ == "advcl":
        tok = tok.head  # "residents had fled when the fighting moved closer"
    return tok.dep_ in ("dobj", "prep", "advcl") and tok.head.lemma_.lower() in FLIGHT


# Words of people harmed: a deed given as their cause is the event told.
HARM_TOLD = {
    "kill", "die", "dead", "death", "casualty", "wound", "injure", "injury", "toll", "victim",
    "martyr", "hurt", "loss",
}  # fmt: skip


def _named_cause(tok: Token) -> bool:
    """The deed, named as one already known ("the fighting"), is the cause of something else
    the sentence tells: "flights were halted because of the fighting"; not of its own harm
    ("the toll rose to 33 due to the air strikes", "killed due to the fighting")."""
    start = tok.left_edge.i
    before = " ".join(t.lower_ for t in tok.doc[max(start - 2, 0) : start])
    return (
        tok.dep_ == "pobj"
        and before in ("because of", "due to", "owing to")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(t.lemma_.lower() in HARM_TOLD for t in tok.sent)
    )


# Spans of time after which a deed is told as past, the news being what came after it ("ten
# years after the massacre", "three weeks after a car bomb killed 12, ..."); not hours or days
# ("hours after the bombing, police arrested ...", a headline's "two days after a raid ..."
# tell the deed as the news of the days: UCDP GED dev headlines lost three events with days).
PAST_SPANS = {"week", "month", "year", "decade", "century"}


# A court's verdicts and charges: what they are "for" or "of" was done before ("convicted him
# of rape and pillage", "sentenced to 15 years in prison for killing protesters").
VERDICTS = {
    "sentence", "convict", "acquit", "jail", "imprison", "guilty", "indict", "prosecute",
    "charge", "try",
}  # fmt: skip


# What one had in a deed ("for his role in the massacres").
PARTS = {"role", "part", "involvement", "participation", "complicity"}


def verdict_ground(head: Token) -> bool:
    """The deed is what a court judges ("sentenced a commander to life imprisonment for
    massacres committed in 2017", "convicted of rape and pillage committed in Ituri",
    "found guilty of killing protesters"): a past deed, however far the preposition hangs
    from the verdict."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "of rape and pillage": the first of the list
    if tok.dep_ == "dobj" and tok.head.dep_ == "pcomp":
        tok = tok.head  # "for killing protesters": the protesters' part in the killing
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lemma_.lower() in PARTS:
        tok = tok.head.head  # "for his role in massacres"
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ not in ("for", "of"):
        return False
    word = tok.head.head
    for _ in range(4):
        if word.lemma_.lower() in VERDICTS or word.lower_ in VERDICTS:
            return True
        if word.dep_ not in ("pobj", "prep", "dobj", "acomp", "attr") or word.head.i == word.i:
            return False
        word = word.head  # "to 15 years in prison for ...": up to "sentenced"
    return False


def spans_after(head: Token) -> bool:
    """The mention is what a span of weeks or more is counted from ("ten years after the
    massacre, survivors ...", "weeks after clashes forced residents out, fighters looted ...",
    "marking ten years since the attack"): it happened before the news."""
    # the deed's noun after the preposition, or its clause ("since the war began")
    tok = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
    links = [c for c in tok.children if c.dep_ == "mark"]
    if tok.dep_ in ("pobj", "pcomp"):
        links.append(tok.head)
        # "a year after its founder was killed in a drone strike": the clause the deed's
        # noun hangs in
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ == "advcl":
            tok = verb
            links += [c for c in verb.children if c.dep_ == "mark"]
    return any(
        link.lower_ in ("after", "since")
        and any(
            c.lemma_.lower() in PAST_SPANS
            and (c.dep_ == "npadvmod" or (c.dep_ == "dobj" and c.i < link.i))
            # the span is the preposition's own modifier, or what the verb it or its clause
            # hangs on marks ("marks ten years since the schoolgirls were abducted")
            for c in (
                *link.children,
                *(link.head.children if link.dep_ == "prep" else ()),
                *(tok.head.children if link.dep_ == "mark" else ()),
                # "a year after its founder was killed": the clause's own span
                *(tok.children if link.dep_ == "mark" else ()),
            )
        )
        for link in links
    )


# Units a sentence's opening counts its news from ("two days after", "weeks after"); not hours
# ("hours after a bomb killed five, police arrested three" tells both as the day's news).
PRIOR_UNITS = {"day", "night", "week", "month", "year"}
# Words of a run of deeds, before which an opening's "after" puts them ("after a spate of").
SERIES = {"spate", "series", "string", "wave", "rash", "spree", "succession"}
# Openings that name what the news answered.
ANSWERING = {
    ("in", "retaliation", "for"),
    ("in", "response", "to"),
    ("in", "revenge", "for"),
    ("in", "reprisal", "for"),
}


def prior_opening(sent: Span) -> Span | None:
    """The sentence's opening, up to its first comma, when it tells what came before the
    news: "Two days after a car bomb killed ten,", "In retaliation for the rocket fire,",
    "Having driven rival factions from the area,", "Following a spate of attacks,". Read from
    the words, as the parser often hangs such an opening's verb as the sentence's root."""
    comma = next((t.i for t in sent if t.text == ","), None)
    if comma is None or comma - sent.start < 3:
        return None
    opening = sent.doc[sent.start : comma]
    words = tuple(t.lower_ for t in opening[:3])
    link = next((t for t in opening[:5] if t.lower_ == "after"), None)
    if (
        words in ANSWERING
        or (words[0] == "having" and opening[1].tag_ == "VBN")
        # "Following a spate of attacks on aid convoys,"
        or (words[0] in ("after", "following") and words[2] in SERIES)
        or (
            link is not None
            and any(t.lemma_.lower() in PRIOR_UNITS for t in opening[: link.i - sent.start])
        )
    ):
        return opening
    return None


def fronted_before(head: Token) -> bool:
    """The deed opens the sentence, dated, as what came before its news ("Following the arrest
    of the opposition leader last week, his supporters gathered ..."): the time of the clause's
    deed, not itself the news. Undated, it is often the news itself ("After an intense
    bombardment of the countryside, an aid convoy entered the town", a UCDP GED headline)."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("after", "following"):
        return False
    return (
        prep.i == head.sent.start
        and prep.head.pos_ == "VERB"
        and head.i < prep.head.i
        and any(t.ent_type_ == "DATE" for t in head.subtree)
    )


def stretch_before(head: Token) -> bool:
    """The deed is what a stretch of time before the news was filled with ("after more than a
    year of fighting, the two sides signed", "following weeks of shelling, troops retook the
    town", "a district emptied by months of fighting", "wounds from years of war")."""
    if not (head.dep_ == "pobj" and head.head.lower_ == "of"):
        return False
    stretch = head.head.head
    return stretch.lemma_.lower() in PAST_SPANS and (
        (
            stretch.dep_ == "pobj"
            # (or the backdrop of the news: "passed the law despite weeks of protests")
            and stretch.head.lower_ in ("after", "following", "by", "from", "despite")
        )
        # "the killing followed years of violence between rival gangs"
        or (stretch.dep_ == "dobj" and stretch.head.lemma_.lower() == "follow")
        # "two years of fighting have left thousands captive": what a stretch has done
        or (
            stretch.dep_ == "nsubj"
            and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in stretch.head.children)
        )
    )


# What a count of harm "since" can run from that is no day of news: the start of a war or an
# insurgency ("have killed thousands since the insurgency began").
ERAS = {
    "war", "insurgency", "conflict", "crisis", "uprising", "revolution", "rebellion",
    "revolt", "occupation", "invasion", "intervention", "independence",
}  # fmt: skip
ERA_STARTS = {"begin", "start", "erupt", "break", "outbreak", "beginning", "onset"}


def _telling_verb(head: Token) -> Token:
    """The verb a deed's noun is told by ("have claimed dozens of attacks", "300 protesters had
    been killed"); a verb trigger is its own."""
    verb = head
    if verb.tag_ == "VBG" and verb.dep_ == "nsubj" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # "fighting has killed 80 people since March": a gerund the subject
    while (
        verb.pos_ != "VERB"
        and verb.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass")
        and verb.head.i != verb.i
    ):
        verb = verb.head
    return verb


def counted_since_era(head: Token) -> bool:
    """The deed is a tally over a war's whole course, "since the insurgency began" or "since the
    start of the war": a total, not an event of the news. Told as such in the perfect: "the
    deadliest attack since the war began" is news."""
    verb = _telling_verb(head)
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "had neutralised 1,240 and arrested 860 ... since January"
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in first.children):
        return False
    joined = [first, *(c for c in first.children if c.dep_ == "conj")]
    if (head.pos_ == "VERB" or verb is not head) and any(
        _since_month_or_year(c) for v in joined for c in v.children
    ):
        return True  # "have killed 300 since January", "since late 2023": months' count
    for c in head.children:
        if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children if m.dep_ == "mark"):
            subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            if c.lemma_.lower() in ERA_STARTS and any(s.lemma_.lower() in ERAS for s in subjects):
                return True
            if any(_month_or_year(t) for t in c.subtree):
                # "have been killed since Russian forces withdrew in November 2022"
                return True
        if c.dep_ == "prep" and c.lower_ == "since":
            for o in (o for o in c.children if o.dep_ == "pobj"):
                # "since the war", "since the start of the conflict"
                of_words = of_objects(o)
                lemma = o.lemma_.lower()
                if lemma in ERAS or (
                    # and "since the start of the year": a tally, not a day's news
                    lemma in ERA_STARTS
                    and any(w.lemma_.lower() in ERAS | {"year"} for w in of_words)
                ):
                    return True
    return False


# Adverbs that tell a deed as a trend or a habit, in the perfect or the present ("have
# increasingly targeted Christians", "have long fought over land", "often clash").
TREND_ADVERBS = {
    "increasingly", "repeatedly", "frequently", "regularly", "often", "routinely", "long",
    "constantly", "persistently", "periodically", "habitually", "usually", "typically",
}  # fmt: skip


def told_as_trend(head: Token) -> bool:
    """The deed is told as what keeps happening, not as a happening: a trend adverb on its verb
    in the perfect or the present ("jihadists have increasingly targeted churches", "herders
    often clash with farmers"); "repeatedly shelled the town on Monday" is news."""
    verb = _telling_verb(head)
    if verb.pos_ != "VERB":
        return False
    perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    present = verb.tag_ in ("VBZ", "VBP")
    return (perfect or present) and any(
        c.dep_ == "advmod" and c.lower_ in TREND_ADVERBS for c in verb.children
    )


def named_as_start(head: Token) -> bool:
    """The deed is what something else is counted from ("the heaviest fighting since the
    ceasefire", "a lull since peace talks resumed in February"): it happened before the news.
    Not a clause dated by a day of the news ("missing since he was taken away on Sunday")."""
    if head.dep_ == "pobj" and head.head.lower_ == "since":
        return True
    tok = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
    return (
        tok.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "since" for c in tok.children)
        and any(_month_or_year(t) for t in tok.subtree)
    )


def _since_month_or_year(prep: Token) -> bool:
    """ "since January", "since late 2023": a count runs from a month or a year (not "since
    Monday": the days of the news)."""
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "since"
        and any(_month_or_year(t) for o in prep.children if o.dep_ == "pobj" for t in o.subtree)
    )


def _month_or_year(tok: Token) -> bool:
    """A date's word naming a month or a year ("January", "2023")."""
    return tok.ent_type_ == "DATE" and (
        tok.lower_ in MONTH_NAMES or (tok.like_num and len(tok.text) == 4)
    )


@dataclass(frozen=True)
class Attribution:
    verb: Token
    subject: list[Token]  # the speaker's tokens (may be empty: "it was reported")


def _tail_speaker(verb: Token) -> list[Token]:
    """ "..., the monitor said.": when the parser hangs the speaker elsewhere, the words between
    the last comma and the reporting verb are the speaker."""
    tokens: list[Token] = []
    i = verb.i - 1
    while (
        i >= verb.sent.start
        and verb.doc[i].text not in (",", ";", "\u201d", '"')
        and len(tokens) < 12
    ):
        tokens.insert(0, verb.doc[i])
        i -= 1
    return tokens if tokens and i >= verb.sent.start and verb.doc[i].text == "," else []


def attribution(head: Token) -> Attribution | None:
    """The reporting verb that governs the mention and its subject, or "according to X"."""
    for tok in head.ancestors:
        if tok.lemma_.lower() in REPORTING and tok.pos_ in ("VERB", "AUX"):
            subject = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            tokens = [t for s in subject for t in s.subtree] or _tail_speaker(tok)
            return Attribution(tok, tokens)
    sent = head.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
            to = tok.nbor()
            objects = [c for c in to.children if c.dep_ == "pobj"]
            tokens = [t for o in objects for t in o.subtree]
            return Attribution(tok, tokens)
    # A reporting verb whose clause the mention sits beside: "..., the monitor says." Not a
    # headline's source tag ("... in Syria: reports"), a noun the parser may make the root with
    # the whole headline for its subject.
    for tok in sent:
        if (
            tok.lemma_.lower() in REPORTING
            and tok.dep_ in ("parataxis", "ROOT")
            and tok.i > head.i
            and tok.pos_ in ("VERB", "AUX")
        ):
            subject = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subject:
                return Attribution(tok, [t for s in subject for t in s.subtree])
    return None


def speaker_acts(head: Token, att: Attribution) -> bool:
    """A headline that drops the subject the speaker shares with its report: "Kenyan army says
    killed 40 militants", "military says hits 30 targets". The verb is the report's clause, has
    an object and no subject of its own."""
    return (
        head.pos_ == "VERB"
        and head.dep_ in ("ccomp", "xcomp")
        and head.head.i == att.verb.i
        and head.tag_ in ("VBD", "VBZ", "VBP", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children)
        and any(c.dep_ == "dobj" for c in head.children)
    )
