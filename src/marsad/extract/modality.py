"""Modality and attribution of an event mention, read off the dependency path to the root.

"he expected the battle to be over" (forecast), "denied carrying out the strike" (denied),
"the leader was likely not in the pocket" (hedged), "X said Y happened" (asserted, source X).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

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
HEDGE_VERBS = {"allege", "suspect", "believe", "rumour", "rumor", "speculate", "doubt", "suggest"}
HEDGE_ADVERBS = {
    "likely",
    "possibly",
    "probably",
    "perhaps",
    "maybe",
    "allegedly",
    "apparently",
    "unconfirmed",
}
# "continued to detain", "began to withdraw", "were able to advance": the infinitive tells what
# happens, not an aim.
ASPECTUAL = {"continue", "begin", "start", "resume", "keep", "manage", "proceed", "fail", "able"}
# "after X was killed", "because of ...": a temporal or causal clause presents its event as a
# fact whatever the main clause does ("vowed an inquiry after seven people were killed").
FACTIVE_MARKS = {"after", "since", "because", "as", "when", "while", "once", "following"}
FUTURE_AUX = {"will", "shall", "'ll", "going"}
MODAL_AUX = {"would", "could", "may", "might", "should", "can", "must"}


def modality(head: Token) -> str:
    """asserted | hedged | denied | forecast for the mention whose trigger head is `head`."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ == "ahead":
        return "forecast"  # "arrested ten members ahead of the rallies": still to come
    below = head  # the word the walk came up from
    for tok in [head, *head.ancestors]:
        is_trigger = tok.i == head.i
        if not is_trigger and below.dep_ == "dep":
            break  # a fragment the parser could not attach ("Somalia: fighters overrun ...")
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
            if child.dep_ == "mark" and lower in ("if", "unless"):
                return "hedged"
            if child.dep_ == "advmod" and lower in HEDGE_ADVERBS:
                return "hedged"
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in FACTIVE_MARKS for c in tok.children
        ):
            break  # the main clause's modality does not reach into "after ..." clauses
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
            if lemma in HEDGE_VERBS:
                return "hedged"
        below = tok
    return "asserted"


def purpose_of_deed(head: Token) -> bool:
    """The mention is the purpose of a deed that happened ("farmers blocked the highway to
    protest", "thousands gathered to demonstrate"): the deed is the protest, so it happened.
    Not the aim of an intention ("called on people to protest", "plan to march")."""
    if head.dep_ not in ("advcl", "xcomp") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in head.children
    ):
        return False
    deed = head.head
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
    "ceremony", "prayer",
}  # fmt: skip


# Works told about an event: the event is their subject, from before.
WORKS_ABOUT = {
    "documentary", "film", "movie", "book", "novel", "play", "exhibition", "memoir", "podcast",
    "series", "song", "biography",
}  # fmt: skip


def reacted_to(head: Token) -> bool:
    """The mention is the object of a reaction ("condemned the bombing", "a vigil for the
    victims of the massacre") or the cause after "over" ("sanctions over the bombing")."""
    tok = head
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("in", "during")
        and tok.head.head.dep_ == "acl"
        and tok.head.head.tag_ == "VBN"
    ):
        tok = tok.head.head.head  # "the funeral of soldiers killed in the ambush": "soldiers"
    elif tok.dep_ == "acl" and tok.tag_ == "VBN":
        tok = tok.head  # "soldiers killed in ...": the soldiers
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
        tok = tok.head.head  # "the victims of the massacre": go up to "victims"
        if tok.lemma_.lower() in REACTIONS:
            return True  # "the funeral of soldiers killed in the ambush"
    if tok.dep_ == "dobj":
        return tok.head.lemma_.lower() in REACTIONS
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
        if reacting.lemma_.lower() in REACTIONS or reacting.lower_ in REACTIONS:
            return True
        if reacting.pos_ == "VERB" and any(
            w.lemma_.lower() in REACTIONS
            for c in reacting.children
            if c.dep_ in ("nsubjpass", "dobj")
            for w in (c, *(m for m in c.children if m.dep_ in ("compound", "amod")))
        ):
            return True  # "a memorial service was held for the victims of the bombing"
        # "over" after a noun or verb that is not itself an event word: its cause
        return over and reacting.pos_ in ("NOUN", "VERB") and tok.i > reacting.i
    return False


# Verbs of flight: what people flee is told as the cause of their flight.
FLIGHT = {"flee", "escape"}


def fled_from(head: Token) -> bool:
    """The deed is what people are fleeing ("crossed into Chad fleeing renewed fighting",
    "thousands fled from the violence"): told as the cause of their displacement."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ == "from":
        tok = tok.head
    return tok.dep_ in ("dobj", "prep") and tok.head.lemma_.lower() in FLIGHT


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


# Spans of time after which a deed is told as long past ("ten years after the massacre").
LONG_SPANS = {"year", "decade", "century"}


def years_after(head: Token) -> bool:
    """The mention is what a span of years is counted from ("ten years after the massacre,
    survivors ...", "two decades since the war began", "marking ten years since the attack"):
    it happened long before the news."""
    # the deed's noun after the preposition, or its clause ("since the war began")
    tok = head.head if head.dep_ in ("nsubj", "nsubjpass") else head
    links = [c for c in tok.children if c.dep_ == "mark"]
    if tok.dep_ in ("pobj", "pcomp"):
        links.append(tok.head)
    return any(
        link.lower_ in ("after", "since")
        and any(
            c.lemma_.lower() in LONG_SPANS
            and (c.dep_ == "npadvmod" or (c.dep_ == "dobj" and c.i < link.i))
            # the span is the preposition's own modifier, or what the verb it or its clause
            # hangs on marks ("marks ten years since the schoolgirls were abducted")
            for c in (
                *link.children,
                *(link.head.children if link.dep_ == "prep" else ()),
                *(tok.head.children if link.dep_ == "mark" else ()),
            )
        )
        for link in links
    )


# What a count of harm "since" can run from that is no day of news: the start of a war or an
# insurgency ("have killed thousands since the insurgency began").
ERAS = {
    "war", "insurgency", "conflict", "crisis", "uprising", "revolution", "rebellion",
    "revolt", "occupation", "invasion", "intervention", "independence",
}  # fmt: skip
ERA_STARTS = {"begin", "start", "erupt", "break", "outbreak", "beginning", "onset"}


def counted_since_era(head: Token) -> bool:
    """The deed is a tally over a war's whole course, "since the insurgency began" or "since the
    start of the war": a total, not an event of the news. Told as such in the perfect: "the
    deadliest attack since the war began" is news."""
    if not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children):
        return False
    for c in head.children:
        if c.dep_ == "advcl" and any(m.lower_ == "since" for m in c.children if m.dep_ == "mark"):
            subjects = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            if c.lemma_.lower() in ERA_STARTS and any(s.lemma_.lower() in ERAS for s in subjects):
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
