"""Event mentions: a trigger typed by the lexicon, with actors in roles, a date, figures, sources
and modality, each value carrying the span that supports it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from marsad import countries, lexicon
from marsad.extract.actors import (
    BACKING,
    FORCE_NOUNS,
    PERSONAL_PRONOUNS,
    ActorIndex,
    civilians_actor,
    communal_militia_actor,
    country_actor,
)
from marsad.extract.classify import NONE as CLASSIFIER_NONE
from marsad.extract.classify import EventClassifier, entry_for, retype, rule_tags
from marsad.extract.dates import (
    ResolvedDate,
    dated_in_words,
    dates_what_came_before,
    nearest_date,
    period_of,
    sentence_dates,
    told_long_ago,
    told_over_years,
)
from marsad.extract.figures import (
    DEATH_VERBS,
    HARM_STATES,
    PEOPLE,
    PERSON_HARM,
    figures_in,
    with_source,
)
from marsad.extract.modality import (
    DENY,
    FORECAST,
    HEDGE_VERBS,
    MONTH_NAMES,
    PROTEST_HELD,
    REPORTING,
    TALK,
    accord_in_force,
    attribution,
    counted_since_era,
    fled_from,
    fronted_before,
    modality,
    named_as_start,
    prior_opening,
    purpose_of_deed,
    reacted_to,
    spans_after,
    speaker_acts,
    stretch_before,
    told_as_trend,
    verdict_ground,
)
from marsad.extract.syntax import (
    ALLEGING_VERBS,
    ONE_PERSON,
    PROTESTING,
    QUANTITY_NOUNS,
    RELATIVE_PRONOUNS,
    REMAINS,
    SEIZING_VERBS,
    VIOLENT_EVENT_TYPES,
    acted_on,
    aimed_at,
    done_peacefully,
    entry_read,
    first_conjunct,
    gated_out,
    gates,
    intercepted,
    leader_named,
    object_words,
    of_objects,
    of_objects_deep,
    phrase_of,
    prep_objects,
    said,
    says,
    undergone,
    unopposed,
    would_be,
)
from marsad.model import Actor, Article, Evidence, Figure, Mention, Place, Span, When
from marsad.nlp.components import TRIGGERS_KEY, armed_with, war_armed
from marsad.nlp.paragraphs import LABEL_WORDS

VIOLENT_TYPES = VIOLENT_EVENT_TYPES | {"Riots"}
BATTLE_KEYS = {"armed_clash", "attack", "territory", "expel", "foes_neutralised"}
# ACLED's violence against civilians: its Actor 2 is the civilians struck.
ONE_SIDED = {"Attack", "Abduction/forced disappearance", "Sexual violence"}
TERRITORY_ROLES = ("territory", "expel")
# Where a gerund stands as a noun: a subject, the object of a preposition, or a clause of its own
# at the head of a sentence ("Shelling by the army, which began at dawn, killed two").
GERUND_NOUNS = ("nsubj", "csubj", "pcomp", "advcl")
# What makes one plural noun both sides of a fight ("rival factions", "opposing groups").
RIVAL_WORDS = {"rival", "opposing", "competing", "warring", "feuding"}
# "causing casualties among X", "inflicted heavy losses on X": X suffered the event.
LOSS_VERBS = {"cause", "inflict", "leave"}
# the lemmas of the words that tell losses ("dead and injured among X": "injured" is "injure")
LOSS_NOUNS = {
    "loss", "losses", "casualty", "casualties", "death", "fatality", "injury", "dead", "injure",
    "wound",
}  # fmt: skip
# Dependents that qualify a noun from its left ("Kurdish forces", "regime forces").
MODIFIERS = ("amod", "compound", "nmod")
# Ground taken told with the place as subject ("the town fell to the rebels").
PLACE_FALLS = {
    "fall to", "fall under the control", "fall under control", "come under the control",
    "fall into the hands", "fall into the hand",
}  # fmt: skip
# A game's score ("a 3-0 victory", "won 2-1").
SCORE = re.compile(r"\b\d{1,3}\s?-\s?\d{1,3}\b")  # (basketball scores run to three digits)
# Keepers of herds: the doers of an attack when they are its subject.
HERDERS = {"herder", "herdsman", "herdsmen", "pastoralist"}
# A weapon fired in a trial ("test-fired a missile", "test launch") is used on nobody.
TRIAL_WORDS = {"test", "trial"}
# Prepositions of the place phrases a trigger's "between X and Y" may hang on.
PLACE_PREPOSITIONS = {
    "in", "at", "near", "on", "of", "around", "across", "along", "outside", "inside", "within",
    "over", "into", "throughout",
}  # fmt: skip
# ACLED inter codes of armed parties: state forces, rebels, political and identity militias, and
# external forces (coalitions, missions, foreign troops: every inter-8 actor of the dictionaries).
ARMED_INTER = {1, 2, 3, 4, 8}
# Rebels, political and identity militias, protesters: a party that makes a crime political.
POLITICAL_INTER = {2, 3, 4, 6}
NON_STATE_ARMED = {2, 3, 4}
# What ordinary crime looks like in news (`_police_matter`): arrests, assaults, kidnappings and
# burglaries of the police blotter.
POLICE_MATTERS = {
    "Arrests",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Attack",
    "Armed clash",
    "Looting/property destruction",
    "Disrupted weapons use",
    "Mob violence",
}
COPULAS = {"be", "remain", "constitute", "become"}
# Words of violence that also name a sudden rise ("an explosion in HIV cases").
SURGE_WORDS = {"explosion", "blast", "explode", "surge"}
# Words of an attempt: what follows them was tried, which is a deed of its own.
ATTEMPT_WORDS = {"try", "attempt", "seek"}
# Who jails by sentencing: their "jailed" is a verdict, not an arrest.
SENTENCING_BODIES = {"court", "judge", "tribunal", "magistrate", "jury"}
TARGET_PREPS = {"against", "on", "at", "with", "targeting", "from", "upon", "into", "over"}
# What names the doer after a noun trigger ("an attack by gunmen", "fire from the militants");
# after a verb "from" is whom ground was taken from ("seized the town from IS").
NOUN_AGENT_PREPS = {"by", "from"}
SUPPORT_WORDS = {"back", "support", "assist", "aid", "help", "join", "alongside"}
# What befalls the victims of an attack named by a noun ("were killed in an attack", "died in
# the ambush"): the clause's subject is who suffered it.
HARM_VERBS = {"kill", "wound", "injure", "hurt", "maim", "behead", "execute", "abduct", "kidnap"}
# Raids that the state's forces make to search or arrest, and the words of harm that make one
# an attack ("soldiers raided the village, killing four").
SEARCH_RAIDS = {"raid", "storm"}
HARM_WORDS = {
    *HARM_VERBS, *DEATH_VERBS, "shoot", "fire", "clash", "fight", "beat", "dead", "death",
    "casualty", "wounded", "injured", "burn", "destroy", "loot", "gunfire",
}  # fmt: skip
# Of those, the words of harm done to things, not people.
PROPERTY_HARM = {"burn", "destroy", "loot"}
# Words of fighting that harm no one by themselves ("fired live rounds").
FIRING_WORDS = {"shoot", "fire", "clash", "fight", "beat", "gunfire"}
# Verbs of taking someone into custody: like the harm verbs, a headline's "Journalist detained
# in Cairo" with no object had its subject taken, whatever the tagger says.
CUSTODY_VERBS = {"arrest", "detain", "jail", "imprison"}
# The violence people were killed or hurt "in": "killed in fighting", "died during raids".
HARMED_IN = {"in", "during", "amid", "amidst"}
# Nouns that count the harmed, and the prepositions that name the violence they were harmed in:
# "the death toll from the bombing", "casualties in the shelling", "the victims of the raid".
TOLL_NOUNS = {"toll", "casualty", "death", "fatality", "victim"}
TOLL_OF = {"from", "of", "in", "during"}
# Verbs by which a bomb or an attack strikes something, besides the attack verbs ("exploded
# under a police vehicle", "a blast rocked the market", "went off near the convoy").
STRIKING_VERBS = {"explode", "go", "blow", "rock", "rip", "tear", "detonate", "destroy", "damage"}
# Verbs by which violence leaves a toll, and the words of the toll ("the attack caused 12
# casualties", "claimed 30 lives", "left five people dead").
TOLL_VERBS = {"cause", "claim", "leave", "inflict"}
TOLL_WORDS = TOLL_NOUNS | {"life", "dead", "injury", "wounded", "injured"}
# Verbs of killing, which only an animal besides a person can suffer ("attacked a truck" is an
# attack; "slaughtered the pigs" is none): the figures' verbs said of people, and "shoot".
KILLING_VERBS = (PERSON_HARM["killed"] - DEATH_VERBS) | {"shoot"}
TAKING_VERBS = {"abduct", "kidnap"}  # their "from" is where people were taken
# A toll over a whole country or over several happenings is a summary, not one event ("were
# killed across the country", "nationwide", "in separate attacks"); its figures stay the
# article's. A province or a town is not that wide: ACLED codes a province's or a town's toll.
AREA_WORDS = {"nationwide", "countrywide"}
AREA_PREPS = {"across", "throughout"}
AREA_NOUNS = {"country", "nation"}
# "in separate attacks": happenings the text itself says are apart. Not several places ("in
# three provinces", "in several areas of the countryside") nor a number ("in two raids"): GED
# codes such a toll as one event at the place that holds them all.
SEVERAL = {"separate", "different", "various", "several", "multiple", "numerous"}
SEVERAL_OF = {"incident", "attack", "clash", "strike", "raid", "bombing", "shooting"}
# Sub-types that are someone's doing whoever the sentence names: where they harmed people the
# classifier does not silence them for want of a named doer (`_someones_doing`).
SOMEONES_DOING = {"Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb"}
LAID_WEAPONS = (
    "landmine", "land mine", "anti-tank", "antitank", "anti-personnel", "antipersonnel", "ied",
    "roadside bomb", "improvised explosive", "car bomb", "booby", "laden"
)  # fmt: skip
HARMED_KINDS = {"killed", "injured", "casualties"}
PROTEST_TYPES = {"Protests", "Riots"}
# Verbs whose object is a crowd already there, even in a purpose clause ("to disperse protesters").
DISPERSAL_VERBS = {
    "disperse", "break", "clear", "scatter", "quell", "suppress", "crush", "stop", "remove",
    "evict",
}  # fmt: skip
# ACLED's Protests: a crowd that did no violence, whatever was done to it.
DEMONSTRATION_KINDS = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
}
PROTEST_KINDS = {
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
    "Violent demonstration",
}
# Deeds a crowd's riot is read from (`_crowd_did`), rather than a word of protest.
CROWD_DEEDS = ("looting", "attack", "armed_clash", "mob_violence")
# The most serious thing that happened at a protest decides its sub-type (ACLED codebook).
PROTEST_SEVERITY = {
    "Violent demonstration": 0,
    "Excessive force against protesters": 1,
    "Protest with intervention": 2,
    "Peaceful protest": 3,
}
# Sub-type families inside which the rules' reading is not overruled by the classifier's choice
# of another member: (family, the rules' sub-types that stand). Which kind of protest the
# sentence's own cues decided (lethal force, stones, tear gas: `protest_cues`) - a dozen examples
# a kind do not overrule them; who took the ground, which the actor reading knows better than
# word statistics do; and a weapon the text names, ground taken or an arrest, which are more
# specific than the generic clash, attack or protest the classifier may prefer.
TERRITORY_KINDS = {"Government regains territory", "Non-state actor overtakes territory"}
GROUND_TAKEN = "Non-state actor overtakes territory"  # the sub-type of the ground-taking words
HANDOVER = "Non-violent transfer of territory"
WEAPON_KINDS = {
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
}
# Sub-types the classifier proposes only where a word of theirs is in the sentence: an
# agreement is made, and people are arrested, in so many words ("to demand the release of the
# detained journalist" tells an arrest made before).
NAMED_KINDS = {"Agreement", "Arrests"}
# What demonstrators do that makes their protest a riot ("demonstrators torched a police post",
# "protesters clashed with soldiers"): ACLED codebook, Riots. The classifier reads the deed.
CROWD_VIOLENCE = {"Looting/property destruction", "Armed clash", "Attack"}
RIOT_KINDS = {"Mob violence", "Violent demonstration"}
FORCE_ON_PROTESTS = {"Excessive force against protesters", "Protest with intervention"}
RULES_DECIDE = (
    (PROTEST_KINDS, PROTEST_KINDS - {"Peaceful protest"}),
    (TERRITORY_KINDS | {"Armed clash"}, TERRITORY_KINDS),
    # (and the damage a named weapon did is the strike's: "drones struck a fuel depot,
    # setting off a fire")
    ({"Armed clash", "Attack", "Looting/property destruction"}, WEAPON_KINDS),
    (PROTEST_KINDS, {"Arrests"}),
    # an offensive launched or troops sent: the fighting and the ground taken are told apart
    (TERRITORY_KINDS | {"Armed clash"}, {"Change to group/activity"}),
    # ... and ground the rules read taken is no change of a group's activity
    ({"Change to group/activity"}, TERRITORY_KINDS),
    # ground seized is no weapons seizure: the rules read a place as what was taken
    ({"Disrupted weapons use"}, TERRITORY_KINDS),
    # people killed that the rules read are no arrest of the classifier's ("rounded up young
    # men and shot eight of them dead")
    ({"Arrests"}, {"Attack"}),
    # lethal force the rules read on a protest is no attack or clash of the classifier's
    ({"Attack", "Armed clash"}, {"Excessive force against protesters"}),
    # an attack foiled, a device defused or a drone shot down did not do its harm
    (
        {"Armed clash", "Attack", "Looting/property destruction"} | WEAPON_KINDS,
        {"Disrupted weapons use"},
    ),
    # arrests at a protest are the protest's intervention (ACLED codebook), and so are people
    # dragged away from it
    ({"Arrests", "Abduction/forced disappearance"}, PROTEST_KINDS - {"Peaceful protest"}),
    # people taken by the state's forces are arrested, not abducted: the rules know the taker
    ({"Abduction/forced disappearance"}, {"Arrests"}),
    # ... and people taken by armed men, or taken and never seen again, abducted
    ({"Arrests"}, {"Abduction/forced disappearance"}),
    # people abducted or detained and raped: the rules read the sexual violence (ACLED codebook)
    ({"Abduction/forced disappearance", "Arrests"}, {"Sexual violence"}),
    # captives freed under a deal are the deal, not their abduction: the rules read the release
    ({"Abduction/forced disappearance"}, {"Agreement"}),
    # people found who had been kidnapped: the abduction, not a weapon found
    ({"Disrupted weapons use"}, {"Abduction/forced disappearance"}),
    # a mass grave found is the news, not the weapons or the killings it reminds of
    (WEAPON_KINDS | {"Disrupted weapons use", "Armed clash", "Attack"}, {"Other"}),
    # a bomb driven into its target, or whose bomber died, is a suicide bombing
    ({"Remote explosive/landmine/IED"}, {"Suicide bomb"}),
    # a lynching the rules read is no arrest or abduction of the classifier's ("dragged a
    # suspect out of a police station and beat him to death")
    ({"Arrests", "Abduction/forced disappearance"}, {"Mob violence"}),
    # tear gas grenades fired at a crowd are crowd control the rules read
    ({"Grenade", "Shelling/artillery/missile attack"}, {"Protest with intervention"}),
    # a mob's attack the rules read is no peaceful protest of the classifier's
    ({"Peaceful protest"}, {"Mob violence"}),
    # crowds fire no drones or shells
    (RIOT_KINDS, WEAPON_KINDS),
    # ... nor is a crowd's violence a weapons seizure ("students assaulted a teacher who had
    # confiscated exam papers"), nor a crowd cleared with rubber bullets
    ({"Disrupted weapons use"}, RIOT_KINDS | PROTEST_KINDS - {"Peaceful protest"}),
    # a crowd that beat someone the rules read is a mob, not protesters beaten
    ({"Excessive force against protesters"}, {"Mob violence"}),
    # people killed are no weapons seizure ("... by morning 22 bodies had been recovered"),
    # nor is a bank's money seized by fighters ("seized the money found in its safe")
    ({"Disrupted weapons use"}, {"Attack", "Looting/property destruction"}),
    # fighters who accepted a deal and handed in their arms did no violence
    ({"Attack"}, {"Agreement"}),
    # ground handed over without a fight is no clash the rules read in so many words
    ({HANDOVER}, {"Armed clash"}),
    # nor an accord signed that pledges a withdrawal ("signed a ceasefire, pledging to
    # withdraw their militias")
    ({HANDOVER}, {"Agreement"}),
    # nor is a group's change of activity ("clashes went on around the town")
    ({"Change to group/activity"}, {"Armed clash"}),
    # ground its holders had left, or entered unopposed, is handed over: the rules read the
    # words that say so ("took the abandoned base after the soldiers left")
    (TERRITORY_KINDS, {HANDOVER}),
)
# Verbs of holding weapons, not using them ("a cache containing hand grenades").
STORAGE_VERBS = {"contain", "include", "store", "hide", "stockpile", "stash", "hoard"}
# Verbs that are an arrest, or a court's sentence when a term follows ("jailed for ten years").
SENTENCING_VERBS = {"jail", "imprison", "incarcerate", "lock up"}
TERM_WORDS = {"year", "month", "week", "day", "life", "term", "decade"}
REFLEXIVES = {"himself", "herself", "themselves"}
# Words of a siege, laid only by an armed party.
SIEGE_WORDS = {"lay siege", "laid siege", "laying siege", "besiege"}
BLAST_VERBS = {"blow", "detonate", "explode"}
# Verbs of ground taken back, whose object is a place whatever the tagger says.
TAKEN_BACK = {"retake", "reclaim", "liberate", "recapture", "reoccupy", "regain"}
# Doers of words, not blows ("MPs ambushed the government", "lawmakers launched an assault
# on the cabinet").
LEGISLATORS = {
    "mp", "mps", "lawmaker", "lawmakers", "legislator", "legislators", "senator", "senators",
    "parliamentarian", "parliamentarians", "congressman", "congressmen", "deputies"
}  # fmt: skip
HORS_DE_COMBAT = {"surrender", "surrendered", "capture", "captured", "disarm", "disarmed"}
RAMPAGE = {"go on the rampage", "went on the rampage", "going on the rampage", "rampage"}
# Doers of a road accident: a vehicle itself, or a driver told careless.
VEHICLES = {"truck", "lorry", "car", "bus", "minibus", "vehicle", "tanker", "train"}
CARELESS = {"drunk", "drunken", "speeding", "reckless", "careless"}
# Words that tell a shooting was not meant.
UNMEANT = {"accidentally", "mistakenly", "inadvertently", "unintentionally"}
# Guns, which make people who carry them a militia rather than a crowd.
FIREARMS = {"rifle", "gun", "firearm", "pistol", "shotgun", "kalashnikov", "ak-47", "weapon"}
# People gathered, whom force on makes force on a protest when told peaceful or a party's.
GATHERED_PEOPLE = {"crowd", "supporter", "gathering", "procession"}
# One member of a force or an armed group, whom such a pronoun may stand for.
FORCE_MEMBERS = {
    "soldier", "officer", "policeman", "policewoman", "guard", "commander", "fighter",
    "militant", "rebel", "insurgent", "militiaman", "gendarme", "trooper", "constable",
    "jihadist", "sergeant", "colonel", "captain", "lieutenant"
}  # fmt: skip
# Verbs of driving a vehicle into something ("rammed a car bomb into the gate").
RAMMING_VERBS = {"drive", "ram", "crash", "plough", "plow", "steer", "slam", "smash"}
BOMB_WORDS = {"bomb", "explosives", "explosive", "laden", "booby", "vbied"}
# Verbs whose agreeing is itself an agreement, whatever is agreed to be done later.
AGREEING_VERBS = {"agree", "accept", "consent"}
# Verbs whose subject did the deed a noun names ("the bombing, which X claimed").
DOING_VERBS = {"claim", "carry", "conduct", "launch", "stage", "mount", "perpetrate", "commit",
               "plant", "detonate", "fire", "execute"}  # fmt: skip
# Prepositions that give the reason for an act ("arrested for organising a protest").
REASON_PREPS = {"for", "over", "due", "because"}
# Words whose object is a grievance, not something that happened at a protest.
GRIEVANCE_WORDS = {
    "denounce", "decry", "condemn", "against", "oppose", "protest", "reject", "criticise",
    "criticize", "over", "about", "blame", "demand", "slam",
}  # fmt: skip
# What only people are called when arrested ("a suspected supplier", "an alleged recruiter").
SUSPECTED = {"suspected", "alleged", "wanted", "presumed"}
# Moods that make people named by any plural noun a crowd ("angry depositors smashed ...").
CROWD_MOODS = {"angry", "enraged", "irate", "furious", "incensed", "outraged"}
# Words that name a happening as the time of another ("ahead of the rallies").
TIME_PREPS = {"ahead", "before", "prior", "after", "following", "since", "until"}
# Verbs whose "for" names what a crowd asks for ("marched to call for an end to the violence").
# Not "rally" or "march": "rallied for a second day" is their time, not their demand.
APPEALS = {"call", "appeal", "plead", "clamour", "clamor"}
# What a crowd holds "for" someone: the people it is for are its cause.
HELD_FOR = {
    "hold", "vigil", "march", "rally", "protest", "demonstration", "procession", "prayer",
}  # fmt: skip
SPECIFIC_RANK = {"Chemical weapon": 0, "Suicide bomb": 1}
SPECIFIC_VAC = {"Sexual violence", "Abduction/forced disappearance"}
# Works that tell a story: the deeds told in them are theirs ("a thriller in which ...").
FICTION = {
    "film", "movie", "drama", "thriller", "novel", "docudrama", "biopic", "miniseries",
    "screenplay", "sitcom", "opera", "musical", "documentary",
}  # fmt: skip
# Verbs that liken something to a deed ("described the budget as a bombshell", "likened the
# raid to a massacre"): a figure of speech.
LIKENING = {
    "describe", "liken", "compare", "dub", "label", "brand", "characterise", "characterize",
    "portray", "depict", "equate",
}  # fmt: skip
# What fires the fire that is shooting ("sniper fire", "tank fire").
FIRE_SOURCES = {
    "sniper", "gun", "machine", "machine-gun", "machinegun", "artillery", "tank", "mortar",
    "rocket", "enemy", "army", "police", "live", "rifle", "automatic", "heavy", "small-arms",
    "cross", "crossfire", "hostile",
}  # fmt: skip
# Where and how a bomber wears the explosives ("strapped to his body").
BODY_PARTS = {"body", "waist", "chest", "torso"}
WORN_ON = {"strap", "strapped", "tie", "tied", "attach", "attached", "wrap", "wrapped"}
# Time expressions that set a deed further back than the days of the news, whatever the day of
# publication.
LONG_AGO = re.compile(
    r"\blast (month|year|summer|winter|spring|autumn)\b|\b(months|years|decades) ago\b"
    r"|\ba (month|year|decade) ago\b|\bearlier this year\b",
    re.IGNORECASE,
)
# Words for many people in one: a crowd's word though singular.
COLLECTIVES = {"crowd", "mob", "family", "gang", "horde", "throng"}
# A decade as a deed's name is written ("the 1990s war").
DECADE = re.compile(r"(19|20)\d0s")
# People taken, by the state's forces or by others.
TAKINGS = {"Arrests", "Abduction/forced disappearance"}
# Territory phrases of moving forward ("advanced", "gained ground"): ground not yet taken.
ADVANCING = {"advance", "advancement", "advancements", "gain ground"}
# Words for fire that backs a force and names no strike of its own.
SUPPORT_NAMES = {"air support", "air cover", "artillery support", "fire support"}
# Verbs of holding back or driving off: their object is the deed's other side.
HOLDING_BACK = {"prevent", "stop", "halt", "block", "force", "push", "repel", "thwart", "deter"}
# Prepositions after a deed that name the ground it reached, and the place it struck or was in.
REACHED_PREPS = ("to", "towards", "toward")
STRUCK_PREPS = ("in", "into", "on", "against", "at")
# Triggers that, beside a protest, tell what happened at it.
AT_PROTESTS = {"armed_clash", "attack", "arrests", "looting", "violent_demonstration", "grenade"}
# The longest stretch one event is told over; a deed told over a longer one is a tally.
SUMMARY_DAYS = 62
# Nouns for a number of people that stand for the people they are "of" ("groups of youths").
PEOPLE_GROUPS = {"group", "band"}
# Counts of people that make a crowd ("hundreds of men").
CROWD_COUNTS = {"hundreds", "thousands", "scores"}
# Verbs of learning of a deed: their subject did not do it ("police received reports of ...").
HEARING = {"receive", "hear", "learn", "get", "see", "witness", "document", "record", "confirm"}
# What makes a cell a party's ("a terrorist cell", "sleeper cells"), besides a party's name.
CELLS = {"terrorist", "terror", "militant", "sleeper", "jihadist", "extremist", "insurgent"}
# Words for a person, for what is done to people (not counted as a toll: "killed a father and
# a cousin" is two): the toll's words, and offices and kin ("detained the secretary general").
PERSONS = PEOPLE | {
    "cell", "cells",  # "arrested an IS cell of four members"
    "figure", "figures",  # "detained a prominent opposition figure"
    "secretary", "chairman", "chairwoman", "chairperson", "president", "spokesman",
    "spokeswoman", "spokesperson", "founder", "director", "chief", "general", "deputy",
    "senator", "legislator", "brother", "sister", "son", "daughter", "father", "mother",
    "husband", "wife", "cousin", "uncle", "nephew", "niece",
}  # fmt: skip
# What people hurt are taken to ("leaving seven hospitalised").
HOSPITALISED = {"hospitalise", "hospitalize", "hospitalised", "hospitalized"}
# Verbs of a fight, which are both sides' deed.
MUTUAL_VERBS = {"clash", "fight", "battle", "skirmish", "scuffle", "brawl", "exchange"}
# Prepositions that tell where something happened.
PLACE_PREPS = {"at", "in", "near", "outside", "inside", "around"}
# Words for people that say nothing of which side they were on.
ANYONE = {"people", "person", "man", "men", "individual", "one"}
# One person who did a crime: a word for a person, or one for what they did.
LONE_DOERS = PERSONS | {
    "suspect",
    "killer",
    "murderer",
    "gunman",
    "shooter",
    "attacker",
    "assailant",
}
# The strength of each trigger when several of the battle family share a sentence.
BATTLE_RANK = {"armed_clash": 0, "attack": 1, "territory": 2, "expel": 2}


def taken_by(sub_type: str, taker: Actor | None) -> str:
    """ACLED's two kinds of ground taken differ by who takes it: the state's forces regain
    territory, anyone else overtakes it (no named taker: the sub-type as read)."""
    if taker is None:
        return sub_type
    state = taker.inter == 1
    return "Government regains territory" if state else "Non-state actor overtakes territory"


@dataclass
class Speaker:
    name: str | None = None
    affiliation: Actor | None = None


@dataclass
class ArticleState:
    """What earlier sentences tell later ones: the narrative date, the last speaker and actor."""

    when: When | None = None
    speaker: Speaker = field(default_factory=Speaker)
    last_actor1: Actor | None = None


# Verbs of a crowd coming together or marching, which a relative clause may tell of the people
# an act befell.
GATHERING_VERBS = frozenset(
    {"gather", "assemble", "converge", "congregate", "flock", "march", "rally", "protest",
     "demonstrate"}
)  # fmt: skip
# Who calls or leads a protest is not told to be at it ("arrested the activists who organised
# the march").
PROTEST_LEADING = frozenset({"organise", "organize", "plan", "call", "lead", "announce", "urge"})


def _joined_verbs(head: Token) -> list[Token]:
    """The trigger and the verbs joined to it, which share what hangs on the last of them
    ("rounded up and tortured hundreds during last year's crackdown")."""
    first = head.head if head.dep_ == "conj" else head
    return [first, *(c for c in first.children if c.dep_ == "conj" and c.pos_ == "VERB")]


def _gathered_before(verb: Token, protest: bool = False) -> bool:
    """A relative clause telling that the people acted on had come together, in the past
    ("who had gathered outside the court", "who marched on the ministry"), or, for a protest
    told in it, had held it ("who staged a sit-in", "who tried to march"): the act befell the
    gathering. Not what they do by habit ("who organise demonstrations"), nor who called or
    led it ("who organised the march")."""
    lemma = verb.lemma_.lower()
    return (
        verb.dep_ == "relcl"
        and (lemma in GATHERING_VERBS or (protest and lemma not in PROTEST_LEADING))
        # (in the past, or at it: "who were holding a vigil")
        and (
            verb.tag_ == "VBD"
            or any(a.dep_ == "aux" and a.lower_ in ("had", "was", "were") for a in verb.children)
        )
    )


def _predicate(head: Token) -> Token:
    """The verb whose subject is the doer of a noun trigger ("troops were engaged in fighting")."""
    tok = head
    for _ in range(3):
        if tok.pos_ in ("VERB", "AUX") and tok.i != head.i:
            return tok
        if tok.dep_ in ("dobj", "pobj", "attr", "prep", "nsubjpass", "oprd", "conj", "appos"):
            tok = tok.head
        else:
            break
    return tok if tok.pos_ in ("VERB", "AUX") else head


def _prep_object_in(noun: Token, preps: tuple[str, ...], words: set[str]) -> bool:
    """The noun has one of the prepositions with one of the words as its object ("a fight
    against terrorism", "an explosion in cases")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in preps
        and any(o.lemma_.lower() in words for o in c.children)
        for c in noun.children
    )


def _subject(verb: Token) -> tuple[list[Token], list[Token]]:
    """(doer tokens, patient tokens) of a verb, passive-aware, climbing through participles."""
    for _ in range(3):
        kids = list(verb.children)
        agent = _agents(verb)
        active = [t for c in kids if c.dep_ in ("nsubj", "csubj") for t in c.subtree]
        passive = [t for c in kids if c.dep_ == "nsubjpass" for t in c.subtree]
        if active or agent or passive:
            return (active or agent), passive
        if _misread_participle(verb) and verb.head.pos_ in ("NOUN", "PROPN"):
            # "Armed men executed 20 civilians" parsed as a clause on "men": the men did it
            inside = {t.i for t in verb.subtree}
            return [t for t in verb.head.subtree if t.i not in inside], []
        if verb.dep_ in ("xcomp", "advcl", "conj", "acl", "pcomp") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in HEDGE_VERBS:
            # "Gunmen suspected to be bandits stormed ...": the parser makes the doers the
            # subject of the doubt about them
            verb = verb.head
            continue
        break
    return [], []


def _harmed_subject(verb: Token) -> tuple[list[Token], list[Token]]:
    """`_subject`, where a headline's "two soldiers killed in ..." is passive whatever the tagger
    says: someone kills someone, so a killing with no object had its subject killed."""
    subj, passive = _subject(verb)
    # "kill and injure several citizens": the object of a conjunct is the verb's too
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    # "two farmers shot dead in ...": shooting dead harms like killing
    shot_dead = verb.lemma_.lower() == "shoot" and any(
        c.dep_ in ("oprd", "acomp") and c.lower_ == "dead" for c in verb.children
    )
    if (
        subj
        and (verb.lemma_.lower() in HARM_VERBS | CUSTODY_VERBS or shot_dead)
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("dobj", "ccomp", "agent") for v in verbs for c in v.children)
    ):
        return [], subj
    return subj, passive


def _claimed_by(noun: Token) -> list[Token]:
    """Who a relative clause says did the noun's deed: "the bombing, which the Taliban claimed",
    "an attack that militants carried out" (not "the attack, which the army repelled")."""
    return [
        t
        for c in noun.children
        if c.dep_ == "relcl" and c.lemma_.lower() in DOING_VERBS
        for s in c.children
        if s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS
        for t in s.subtree
    ]


def _targets_of(noun: Token) -> list[Token]:
    """What a trigger noun is aimed at: "an attack on an army base", "clashes against IS"; not
    where it came from ("an attack from Boko Haram militants": its doer)."""
    return [
        t
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in TARGET_PREPS - NOUN_AGENT_PREPS
        for t in c.subtree
    ]


def _doer_words(noun: Token, subject: list[Token]) -> tuple[list[Token], list[Token]]:
    """Where the doer of a trigger noun that heads its clause's subject is named, in order: the
    subject without the noun's target ("a suicide attack on an army base killed four soldiers":
    not the army), then a claim of it ("the bombing, which the Taliban claimed")."""
    aimed = {t.i for t in _targets_of(noun)}
    return [t for t in subject if t.i not in aimed], _claimed_by(noun)


def _what_it_hit(noun: Token) -> list[Token]:
    """What a trigger noun that is its clause's subject hit: its own target, and the rest of the
    clause ("a roadside bomb hit an army truck, killing two soldiers", "an attack on an army
    base killed four soldiers"). Its doer is never there: it is named on the noun ("a Taliban
    bomb", "an attack by X", "the bombing, which X claimed")."""
    verb = noun.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return []
    lists = gates()
    striking = (lists.munition_verbs | HARM_VERBS | STRIKING_VERBS) - SUPPORT_WORDS
    if verb.lemma_.lower() not in striking:
        return []  # "the blast came a day after ...", "strikes backed the rebels": none hit
    own = {t.i for t in noun.subtree}
    # not a clause joined to it, which tells something else ("air strikes hit X, and regime
    # forces shelled Y")
    joined = {
        t.i
        for c in verb.children
        if c.dep_ in ("conj", "cc", "parataxis", "ccomp")
        for t in c.subtree
    }
    rest = [t for t in verb.subtree if t.i not in own | joined and t.i != verb.i]
    return _targets_of(noun) + rest


def _sufferers(sent: SpacySpan) -> set[int]:
    """The tokens of everyone the sentence says was killed, wounded or died ("three soldiers
    killed in a roadside bomb attack"): never the doer a mention falls back on."""
    out: set[int] = set()
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in HARM_VERBS | DEATH_VERBS:
            continue
        subj, passive = _harmed_subject(verb)
        harmed = [*passive, *(subj if lemma in DEATH_VERBS else ())]
        harmed += [t for c in verb.children if c.dep_ == "dobj" for t in c.subtree]
        if verb.dep_ == "acl" and not (subj or passive):
            harmed += _phrase(verb.head)
        out.update(t.i for t in harmed)
    return out


def _losers(sent: SpacySpan) -> list[Token]:
    """Those a noun of losses says suffered them: "losses in the SDF", "casualties among the
    troops", "dead in the ranks of the army", "casualties from / of the army", also where the
    parser hangs the party on the verb that left the losses ("left 60 dead among the troops")."""
    out: list[Token] = []
    for noun in sent:
        if noun.lemma_.lower() not in LOSS_NOUNS:
            continue
        # "left 60 dead among the troops": the parser may hang the party on the verb
        # ("left 60 dead": "dead" may be read as an adjective of the number)
        counted = noun.head if noun.dep_ == "amod" and noun.head.like_num else noun
        left = (
            counted.head
            if counted.dep_ in ("dobj", "oprd") and counted.head.pos_ == "VERB"
            else None
        )
        preps = [c for h in (noun, left) if h is not None for c in h.children if c.dep_ == "prep"]
        for prep in preps:
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if prep.lower_ in ("from", "of") and prep.head.i == noun.i:
                # "casualties from the army and IS", "dead of the army", not "from the attack
                # by IS": only the parties named, without what hangs on them
                out.extend(_bare_all(objects))
                continue
            if prep.lower_ not in ("in", "among", "within"):
                continue
            for obj in objects:
                if obj.lemma_.lower() == "rank":
                    # "in the ranks of IS and the SDF (in the operations ...)": the parties
                    out.extend(_bare_all(of_objects(obj)))
                else:
                    out.extend(_phrase(obj))
    return out


ALLY_WORDS = {"loyal", "allied", "affiliated", "aligned"}
HOLDING_VERBS = {"control", "hold", "run", "occupy"}
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})


def _phrase(tok: Token, skip: frozenset[str] = CLAUSES) -> list[Token]:
    """A token's subtree without the clauses hanging off it ("villagers whose sons were
    detained by the militia" is about the villagers, not the militia), or without whatever
    other dependents `skip` names."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in skip:
            out.extend(_phrase(c, skip))
    return out


# What `_bare` leaves out besides clauses: the phrases and conjuncts hanging off a noun.
NOT_MODIFIERS = CLAUSES | {"prep", "conj", "cc", "appos"}


def _bare(tok: Token) -> list[Token]:
    """A noun with its modifiers only ("the army of the regime" -> "the army")."""
    return _phrase(tok, NOT_MODIFIERS)


def _bare_all(nouns: list[Token]) -> list[Token]:
    """The nouns and their conjuncts, each with its modifiers only (`_bare`): "the army and IS
    in the operations ..." -> "the army", "IS"."""
    return [t for n in nouns for c in (n, *n.conjuncts) for t in _bare(c)]


def _objects(tok: Token) -> list[Token]:
    """What a trigger acts on: its objects and targets ("on", "against" ...), or, with none, the
    object its verb conjunct governs ("kill and injure several citizens")."""
    out = _own_objects(tok)
    if not out and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        # "launched air strikes on rebel groups", "escalated their shelling on the town": the
        # parser hangs the target on the verb whose object the deed is
        out = [
            t
            for c in tok.head.children
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "targeting", "upon")
            for t in _phrase(c)
        ]
    if not out and tok.pos_ == "VERB":
        for c in tok.children:
            if (
                c.dep_ == "conj"
                and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            ):
                out = [t for t in _own_objects(c) if t.dep_ != "prep"]
                if out:
                    break
    if not out and tok.pos_ == "VERB":
        # "attacked farmers harvesting olives": the parser makes the people a clause's subject
        out = [
            t
            for c in tok.children
            if c.dep_ in ("ccomp", "advcl") and c.tag_ == "VBG"
            for s in c.children
            if s.dep_ == "nsubj"
            for t in _phrase(s)
        ]
    return out


def _own_objects(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "dative"):
            out.extend(_phrase(c))
            out.extend(
                t
                for g in c.children
                if g.dep_ == "prep" and g.lower_ in TARGET_PREPS
                for t in _phrase(g)
            )
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            if not (tok.pos_ == "NOUN" and c.lower_ in NOUN_AGENT_PREPS):
                out.extend(_phrase(c))
        elif c.dep_ == "prep" and c.lower_ == "to" and _sets_fire(tok):
            out.extend(_phrase(c))  # "set fire to a police station"
        elif (
            c.dep_ == "prep"
            and c.lower_ == "of"
            and tok.pos_ == "NOUN"
            and tok.lemma_.lower() in gates().of_targets
        ):
            # "its shelling of army positions" (not what hangs on them: "of Aleppo, Syria's
            # largest city")
            out.extend(_bare_all([o for o in c.children if o.dep_ == "pobj"]))
        elif c.dep_ in ("advmod", "npadvmod"):
            out.extend(
                t
                for g in c.children
                if g.dep_ == "prep" and g.lower_ in TARGET_PREPS
                for t in _phrase(g)
            )
    return out


def _held_back(verb: Token) -> list[Token]:
    """Whom a deed is done to hold back or drive off: the object of a verb of stopping or
    forcing that hangs on it ("to stop the army from reaching the town", "forcing the army to
    retreat", "aim to stop the rebels' advance")."""
    clauses = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
    clauses += [g for c in clauses for g in c.children if g.dep_ == "xcomp"]  # "aim to prevent"
    return [
        t
        for c in clauses
        if c.lemma_.lower() in HOLDING_BACK
        for o in c.children
        if o.dep_ == "dobj"
        for t in o.subtree
    ]


def _holders(place: Token) -> list[Token]:
    """Who holds the ground a word names: "a town controlled by X", "areas held by X"."""
    return [
        t
        for held in place.children
        if held.dep_ == "acl" and held.lemma_.lower() in HOLDING_VERBS
        for agent in held.children
        if agent.dep_ == "agent"
        for t in agent.subtree
    ]


def _sets_fire(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in verb.children)


def _places_left(verb: Token) -> list[Token]:
    """Where a party is driven from: "drove the rebels from the town", "pushed them out of two
    villages" (the "of" hangs from "out")."""
    out: list[Token] = []
    # "pushed back from the town": the preposition may hang from the particle
    particles = [c for c in verb.children if c.dep_ in ("prt", "advmod")]
    for prep in [*verb.children, *(g for p in particles for g in p.children)]:
        if prep.dep_ not in ("prep", "prt", "advmod") or prep.lower_ not in ("from", "out", "of"):
            continue
        out.extend(c for c in prep.children if c.dep_ == "pobj")
        out.extend(
            c for p in prep.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"
        )
    return [t for o in out for t in (o, *o.conjuncts)]


def _sentence_term(verb: Token) -> bool:
    """A term follows the verb: "for eight years", "for life", a headline's "jailed 20
    years"."""
    return any(
        o.lemma_.lower() in TERM_WORDS
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for o in prep.children
    ) or any(
        c.dep_ in ("npadvmod", "dobj")
        and c.lemma_.lower() in TERM_WORDS
        and any(n.like_num for n in c.children)
        for c in verb.children
    )


def _struck(tok: Token, verb: Token) -> bool:
    """`tok` is what `verb` hits: its object, or "on"/"at"/"against" it ("an attack on a
    market"), not a place named beside it ("a checkpoint near the village")."""
    tok = first_conjunct(tok)
    if tok.dep_ in ("dobj", "nsubjpass"):
        return tok.head.i == verb.i
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in ("on", "at", "against") and prep.head.i == verb.i


def _area_total(word: Token) -> bool:
    """Whether `word` (a trigger or the verb it hangs on) is said of a whole country or of
    several happenings: "across Syria", "throughout the country", "nationwide", "in separate
    incidents"."""
    for child in word.children:
        if child.lower_ in AREA_WORDS:
            return True
        if child.dep_ != "prep":
            continue
        for obj in (o for o in child.children if o.dep_ == "pobj"):
            if child.lower_ in AREA_PREPS and (
                obj.lemma_.lower() in AREA_NOUNS or _names_country(obj)
            ):
                return True
            if child.lower_ == "in" and obj.lemma_.lower() in SEVERAL_OF and _several(obj):
                return True
    return False


def _verb_of(word: Token) -> Token:
    """The verb a word hangs on: "150 [people] [were killed]", "[Bombings] killed", "killed 150,
    [including] 40 [soldiers] and 30 civilians". Unlike `_predicate` (the verb whose subject
    does a noun trigger), it climbs from a subject and past "including"."""
    for _ in range(4):
        if word.pos_ in ("VERB", "AUX") and word.dep_ != "prep" or word.dep_ == "ROOT":
            break
        word = word.head
    return word


def _names_country(tok: Token) -> bool:
    """ "Syria", "Sri Lanka", "the United States": the word ends a place entity that is a
    country's name."""
    if tok.ent_type_ != "GPE":
        return False
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    name = ent.text if ent is not None else tok.text
    return countries.lookup(name.removeprefix("the ")) is not None


def _several(noun: Token) -> bool:
    """ "separate attacks", "various incidents": happenings said to be apart. A number alone
    is not ("two raids on the same street": GED codes one event)."""
    return noun.tag_ == "NNS" and any(
        c.dep_ == "amod" and c.lower_ in SEVERAL for c in noun.children
    )


def _according_to(tok: Token) -> bool:
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


def _between(noun: Token) -> list[list[Token]]:
    """The parties of "between X and Y" after a noun, each conjunct's phrase on its own, or
    after the noun it counts ("an exchange of fire between X and Y"), or after the verb the noun
    is the subject of ("clashes erupted between X and Y", "fighting continues in the area
    between X and Y")."""
    # or on a word that qualifies it ("clashes ongoing between X and Y")
    holders = [noun, *(c for c in noun.children if c.dep_ == "amod")]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head  # "an exchange of fire between X and Y"
        holders.append(noun)
    if noun.dep_ == "nsubj":
        # whatever the parser made the predicate, a verb or not ("clashes aplenty between ...",
        # "renewed clashes in the desert between ...")
        holders.append(noun.head)
    # the parser may hang it on the last place named before it ("clashes in areas east of the
    # river between X and Y"): follow the trigger's own place phrases, and the places it made
    # the trigger's conjuncts ("fighting in villages west of the lake and the hills near X")
    holders += [c for c in noun.children if c.dep_ == "conj"]
    frontier = list(holders)
    for _ in range(4):
        # and through places listed together ("east of the river and the countryside of X")
        frontier = [t for h in frontier for o in _place_objects(h) for t in (o, *o.conjuncts)]
        holders += frontier
    for prep in (c for h in holders for c in h.children):
        if prep.dep_ == "prep" and prep.lower_ == "between":
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objs) == 1:
                # "between Kurdish and Turkish forces": two parties sharing one noun
                shared = objs[0]
                for m in shared.lefts:
                    if m.dep_ in MODIFIERS and m.conjuncts:
                        return [[part, shared] for part in (m, *m.conjuncts)]
                # "between the army against the rebels"
                other = next(
                    (c for c in shared.children if c.dep_ == "prep" and c.lower_ == "against"),
                    None,
                )
                if other is not None and not shared.conjuncts:
                    first = [shared, *(t for c in shared.lefts for t in _phrase(c))]
                    return [first, [t for c in other.children for t in _phrase(c)]]
            objs += [c for o in objs for c in o.conjuncts]
            return [
                [o, *(t for c in o.children if c.dep_ not in ("cc", "conj") for t in _phrase(c))]
                for o in objs
            ]
    return []


def _rivals(noun: Token) -> bool:
    """One plural noun that names both sides of a fight: "rival factions (of X)", "opposing
    groups", "two wings of the movement"."""
    return noun.tag_ in ("NNS", "NNPS") and any(
        c.lower_ in RIVAL_WORDS or (c.dep_ == "nummod" and c.lower_ in ("two", "2"))
        for c in noun.children
    )


def _place_objects(tok: Token) -> list[Token]:
    """The objects of the place prepositions after `tok` ("in areas", "of X"), also through a
    word of direction ("villages west of the river")."""
    holders = [tok, *(c for c in tok.children if c.dep_ in ("amod", "advmod", "npadvmod"))]
    return [
        obj
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPOSITIONS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _losses_of(tok: Token) -> list[Token]:
    """Whom an event's losses befell, told by a verb joined to it: "shelled the town, causing
    casualties among the troops", "attacked the base and inflicted heavy losses on the army"."""
    return [
        t
        for verb in tok.children
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.lemma_.lower() in LOSS_VERBS
        for loss in verb.children
        if loss.dep_ == "dobj" and loss.lemma_.lower() in LOSS_NOUNS
        for prep in (*loss.children, *verb.children)
        if prep.dep_ == "prep" and prep.lower_ in ("among", "in", "on", "to")
        for t in _phrase(prep)
    ]


def _counted_among(tok: Token) -> list[Token]:
    """The words of an "including ..." / "among them ..." phrase hanging off a token or its
    passive subject: some of the people the token's event befell."""
    holders = [tok, *(c for c in tok.children if c.dep_ == "nsubjpass")]
    return [
        t
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in ("including", "among")
        for t in c.subtree
    ]


def _controlled(trigger: SpacySpan) -> list[Token]:
    """What a "control" trigger says is controlled: "took control of / over X"."""
    holders = [t for t in trigger if t.lemma_.lower() == "control"]
    holders += [t.head for t in holders]
    return [
        o
        for h in holders
        for prep in h.children
        if prep.dep_ == "prep" and prep.lower_ in ("of", "over")
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def _origin_of_people(place: Token) -> bool:
    """ "a tourist from Canada", "a woman visiting from Canada", "workers from Nepal": where
    people come from, not where the event happened."""
    if place.dep_ != "pobj" or place.head.lower_ != "from":
        return False
    holder = place.head.head
    if holder.pos_ == "VERB" and holder.dep_ in ("acl", "relcl"):
        holder = holder.head  # "a woman visiting from Canada"
    if place.head.i > 0 and holder.pos_ == "VERB":
        if holder.lemma_.lower() not in HARM_VERBS - TAKING_VERBS:
            return False  # "abducted 20 students from Kankara": where they were taken
        holder = place.doc[place.head.i - 1]  # "killed a tourist from Canada": the parser's verb
    return holder.lower_ in PEOPLE or holder.lemma_.lower() in PEOPLE


def _harmed_in(tok: Token) -> bool:
    """The violence people were killed or hurt in, or that killed or hurt them, which no one
    need be named for: "five killed and 12 wounded in fighting", "two soldiers died in battles",
    "five dead in raids", "the death toll from the shelling", "an attack on a market killed 12
    people" (not "killed in a road accident": no trigger there)."""
    if tok.lower_ == "fight":
        return False  # "killed in a fight" is a brawl as often as a battle
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in HARM_VERBS - TAKING_VERBS:
        return any(c.dep_ == "dobj" for c in tok.head.children)
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in TOLL_VERBS:
        # "the attack caused 12 casualties", "claimed 30 lives", "left five people dead"
        return any(
            c.dep_ == "dobj" and {c.lemma_.lower(), *(g.lower_ for g in c.children)} & TOLL_WORDS
            for c in tok.head.children
        ) or any(c.dep_ in ("oprd", "ccomp") and c.lower_ in TOLL_WORDS for c in tok.head.children)
    prep = tok.head
    if tok.dep_ not in ("pobj", "pcomp"):
        return False
    harm = prep.head
    if prep.lower_ in TOLL_OF and harm.pos_ == "NOUN" and harm.lemma_.lower() in TOLL_NOUNS:
        return True  # "the death toll from the bombing rose to 20"
    if (
        prep.lower_ == "after"
        and tok.dep_ == "pcomp"
        and any(c.dep_ == "auxpass" for c in tok.children)
        and harm.lemma_.lower() in DEATH_VERBS
    ):
        return True  # "died in hospital hours after being shot": the shooting killed him
    if prep.lower_ not in HARMED_IN:
        return False
    return harm.lemma_.lower() in HARM_VERBS | DEATH_VERBS or harm.lower_ in HARM_STATES


def _gunfire(word: Token) -> bool:
    """ "fire" told as a force's shooting ("Israeli sniper fire", "machine-gun fire"), not a
    blaze."""
    return word.lemma_.lower() == "fire" and any(
        c.dep_ in ("compound", "amod", "nmod")
        and (c.lemma_.lower() in FIRE_SOURCES or c.ent_type_ == "NORP")
        for c in word.children
    )


def _names_a_thing(trigger: SpacySpan) -> bool:
    """The word of violence only modifies a thing's name ("a rocket-launching site", "a
    mortar position"): no violence told."""
    root = trigger.root
    return (
        root.dep_ in ("compound", "npadvmod", "amod")
        and (root.head.pos_ != "VERB" or root.head.dep_ in ("amod", "compound"))
        and not trigger.start <= root.head.i < trigger.end
    )


def _a_year(tok: Token) -> bool:
    """A year written in digits ("2014")."""
    return (
        tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) < 2100
    )


def _modifies(word: Token, noun: Token) -> bool:
    """The word is a modifier of the noun, directly or through other modifiers ("the 2014
    massacre", "the 2019 Easter bombings"), not through a preposition or an adverb."""
    tok = word
    while tok.i != noun.i:
        if tok.dep_ not in ("compound", "nummod", "amod", "nmod", "poss") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _misread_participle(verb: Token) -> bool:
    """A participle on a noun with an object of its own is the noun's deed the parser misread as
    a clause describing it ("Armed men executed 20 civilians", "militiamen hacked to death
    eleven villagers"): the noun did it."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and any(c.dep_ == "dobj" for c in verb.children)
    )


def _gang(actor: Actor) -> bool:
    """The party is only named a gang: armed, but no party of politics by that word alone."""
    return any("gang" in alias.lower() for alias in actor.aliases_matched)


def _held_for(deed: Token) -> bool:
    """The deed describes the people a protest is held for ("a vigil for demonstrators detained
    last week", "held a rally for the jailed students"): it came before the protest."""
    people = deed.head if deed.dep_ in ("acl", "amod", "relcl") else None
    return (
        people is not None
        and people.dep_ == "pobj"
        and people.head.lower_ == "for"
        and people.head.head.lemma_.lower() in HELD_FOR
    )


def _harm_told(sent: SpacySpan, words: set[str]) -> bool:
    """A word of harm in the sentence that does not say no one was harmed."""
    return any(t.lemma_.lower() in words and not _unharmed(t) for t in sent)


def _unharmed(word: Token) -> bool:
    """The word of harm says no one was harmed: "no casualties", "no one was hurt", "nobody
    was injured", "were not wounded"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in word.children):
        return True
    return any(
        c.dep_ == "neg"
        or (
            c.dep_ in ("nsubj", "nsubjpass")
            and (c.lower_ in ("nobody", "none") or any(d.lower_ == "no" for d in c.children))
        )
        for c in word.children
    )


def _taken_before_found(head: Token) -> bool:
    """The people a deed is told of are found dead ("the bodies of five villagers detained by
    soldiers were found", "the body of a journalist kidnapped last week"): their taking is
    what came before the news, their killing."""
    if head.dep_ not in ("acl", "relcl"):
        return False
    taken = head.head
    return taken.dep_ == "pobj" and taken.head.lower_ == "of" and taken.head.head.lower_ in REMAINS


def _told(verb: Token) -> list[Token]:
    """Whom a verb's clause is about when another verb orders or urges it: "ordered the troops
    to withdraw", "urged residents to evacuate", "ordered the pigs to be slaughtered"."""
    if verb.dep_ != "xcomp":
        return []
    return [c for c in verb.head.children if c.dep_ == "dobj"]


def _with_label(sent: SpacySpan) -> tuple[int, int]:
    """The characters of a sentence and of the headline label before it, which names where it
    happened ("Daraa: Rebels destroyed a tank", nlp/paragraphs.py)."""
    doc = sent.doc
    if sent.start > 0 and doc[sent.start - 1].text == ":":
        label = doc[sent.start - 1].sent
        if len(label) <= LABEL_WORDS + 1:
            return label.start_char, sent.end_char
    return sent.start_char, sent.end_char


def _modifiers(noun: Token) -> list[Token]:
    """Who a noun trigger names as its doer: "rebel shelling", "the army's offensive", "an
    attack by gunmen", "an attack from Boko Haram militants", "a missile fired by the army"."""
    return [
        t
        for c in noun.children
        if c.dep_ in MODIFIERS
        or c.dep_ == "poss"
        or (c.dep_ == "prep" and c.lower_ in NOUN_AGENT_PREPS and c.i > noun.i)
        # a participle's agent ("fired by X"; who backs it is no doer: "aided by X")
        or (c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() not in SUPPORT_WORDS)
        for t in (c.subtree if c.dep_ != "acl" else _agents(c))
    ]


def _agents(verb: Token) -> list[Token]:
    """The words of a passive verb's "by" agent."""
    return [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]


class MentionReader:
    def __init__(
        self,
        doc: Doc,
        article: Article,
        index: ActorIndex,
        places: list[Place],
        background_days: int,
        classifier: EventClassifier | None = None,
    ):
        self.doc = doc
        self.classifier = classifier
        self.article = article
        self.index = index
        self.places = places
        self.background_days = background_days
        self.state = ArticleState()
        self.triggers = lexicon.triggers()
        data = lexicon.trigger_data()
        self.launch_verbs = set(data["launch_verbs"])
        self.protest_cues = {
            k: tuple(str(p).lower() for p in v) for k, v in data["protest_cues"].items()
        }
        self.protester_nouns = set(data.get("protester_nouns", ()))
        self.civilian_nouns = set(data["civilian_nouns"])
        self.civilian_places = set(data.get("civilian_places", ()))
        self.needs_actor = set(data.get("needs_actor", ()))
        self.one_sided_killing = set(data.get("one_sided_killing", ()))
        self.thrown_weapons = set(data.get("thrown_weapons", ()))
        self.needs_armed_actor = set(data.get("needs_armed_actor", ())) | self.thrown_weapons
        self.vanishing_words = set(data.get("vanishing_words", ()))
        self.exercise_cues = tuple(str(p).lower() for p in data.get("exercise_cues", ()))
        self.pressing_cues = tuple(str(p).lower() for p in data.get("pressing_cues", ()))
        self.public_targets = set(data.get("public_targets", ()))
        self.private_property = set(data.get("private_property", ()))
        self.commercial = set(data.get("commercial_words", ()))
        self.causes = set(data.get("fought_for_causes", ()))
        self.lulls = set(data.get("lulls", ()))
        self.civil_campaigns = set(data.get("civil_campaigns", ()))
        self.amounts = set(data.get("surging_amounts", ()))
        self.territory_objects = gates().territory
        self.weapon_objects = gates().weapons
        self.unmanned_objects = gates().objects["unmanned_objects"]
        self.property_objects = set(data.get("property_objects", ()))
        # buildings and ground someone may own ("a police station", "an army post")
        self.military_targets = gates().objects.get("military_targets", frozenset())
        self.leader_titles = gates().objects.get("leader_objects", frozenset())
        self.owned_places = (
            self.property_objects | set(self.territory_objects) | self.military_targets
        )
        # What a force hands over or pulls out: its troops, or ground and control.
        self.moved_objects = gates().objects.get("force_objects", frozenset()) | {
            "control",
            "position",
            "positions",
        }
        self.not_people = set(data.get("not_people", ()))
        self.hazards = set(data.get("hazards", ()))
        self.industrial_hazards = set(data.get("industrial_hazards", ()))
        self.never_assailants = set(data.get("not_assailants", ()))
        self.sports_words = tuple(data.get("sports_words", ()))
        self.game_words = set(data.get("game_words", ()))
        self.accident_verbs = set(data.get("accident_verbs", ()))
        self.crewed_craft = set(data.get("crewed_craft", ()))
        self.not_assailants = self.not_people | self.never_assailants
        self.not_event_heads = set(data.get("not_event_heads", ()))
        self.abstract_heads = set(data.get("abstract_heads", ()))
        self.rough_justice = set(data.get("rough_justice", ()))
        self.executed_things = set(data.get("executed_things", ()))
        self.abstract_foes = set(data.get("abstract_foes", ()))
        self.fight_intensity = set(data.get("fight_intensity", ()))
        self.communal_nouns = set(data.get("communal_nouns", ()))
        self.not_political_detainees = set(data.get("not_political_detainees", ()))
        self.not_political_arresters = set(data.get("not_political_arresters", ()))
        self.ordinary_crimes = tuple(str(p).lower() for p in data.get("ordinary_crimes", ()))
        self.court_cues = tuple(str(p).lower() for p in data.get("court_cues", ()))
        self.political_cues = tuple(str(p).lower() for p in data.get("political_cues", ()))
        self.mass_arrest = int(data.get("mass_arrest", 10))
        self._police_matters: dict[int, bool] = {}
        self._openings: dict[int, SpacySpan | None] = {}  # `prior_opening` per sentence
        self._drills: dict[int, bool] = {}  # `exercise_cues` told, per sentence
        # Words that put a bombing in the air: the one-word air strike and aircraft triggers.
        self.air_words = {
            p
            for e in self.triggers.values()
            if e.sub_type == "Air/drone strike"
            for p in e.phrases
            if " " not in p
        } | {"air", "aerial", "airborne"}
        # Verbs whose weapon object makes the mention a seizure, not a weapon's use.
        self.seizure_verbs = (
            {p for e in self.triggers.values() if e.role == "weapon_object" for p in e.phrases}
            | {"seize", "capture", "intercept", "defuse"}
            | STORAGE_VERBS
        )
        self.dateline: tuple[int, int] | None = None
        if article.dateline and (at := article.text.find(article.dateline)) >= 0:
            self.dateline = (at, at + len(article.dateline))

    # -- per sentence -------------------------------------------------------------------------
    def read(self) -> tuple[list[Mention], list[Figure]]:
        by_sentence: dict[int, list[SpacySpan]] = {}
        for t in self.doc.spans[TRIGGERS_KEY]:
            by_sentence.setdefault(t.sent.start, []).append(t)
        mentions: list[Mention] = []
        loose_figures: list[Figure] = []
        sents = list(self.doc.sents)
        verdicts = self._classify(sents, by_sentence)
        for sent, verdict in zip(sents, verdicts, strict=True):
            dates = self._dates(sent)
            triggers = sorted(by_sentence.get(sent.start, []), key=lambda t: (t.start, -t.end))
            speaker = self._speaker_of_sentence(sent)
            figures = figures_in(sent, self.article.id)
            summary = [f for f in figures if self._area_figure(f)]
            figures = [f for f in figures if f not in summary]
            found = [
                m for t in triggers if (m := self._mention(t, sent, dates, figures)) is not None
            ]
            found = self._merge_in_sentence(found)
            if verdict is not None:
                found = self._arbitrate(sent, found, verdict, dates, figures)
            mentions.extend(found)
            used = {f.span for m in found for f in m.figures}
            source = speaker.name if speaker else None
            loose = [*summary, *(f for f in figures if f.span not in used)]
            loose_figures.extend(with_source(f, source) for f in loose)
            asserted = [d for d in dates if not d.durative and not self._is_background(d.when)]
            talks = triggers or any(i in self.index.by_token for i in range(sent.start, sent.end))
            if asserted and talks:
                self.state.when = asserted[0].when
            if speaker and speaker.name:
                self.state.speaker = speaker
        # twice, so that a kind told two sentences away reaches along the protest's telling
        told = self._protest_told_around(mentions, sents)
        return self._protest_told_around(told, sents), loose_figures

    def _area_figure(self, figure: Figure) -> bool:
        """A count said of a whole country or of several happenings ("150 people were killed
        across the country"): no single event's toll."""
        root = self._figure_root(figure)
        if root is None:
            return False
        word = _verb_of(root)
        subjects = [c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(_area_total(w) for w in (root, word, *subjects))

    def _figure_root(self, figure: Figure) -> Token | None:
        """The head word of a figure's words ("people" of "12 people")."""
        if figure.span is None:
            return None
        words = self.doc.char_span(figure.span.start, figure.span.end, alignment_mode="expand")
        return words.root if words is not None else None

    # -- the classifier's say ------------------------------------------------------------------
    def _classify(
        self, sents: list[SpacySpan], by_sentence: dict[int, list[SpacySpan]]
    ) -> list[dict[str, float] | None]:
        """Each sentence's probability per sub-type (and NONE), in one batch per article; None
        for a sentence whose verdict could change nothing: no trigger word to keep, retype or
        silence, and no party or weapon for a proposal to stand on (`_conflict_cues`). Running
        text is mostly such sentences, and skipping them is most of the classifier's cost."""
        if self.classifier is None:
            return [None] * len(sents)
        asked = [
            i
            for i, s in enumerate(sents)
            if s.start in by_sentence or self._conflict_cues(s, CLASSIFIER_NONE)
        ]
        rows = [(sents[i].text, rule_tags(self.doc, sents[i].start, sents[i].end)) for i in asked]
        verdicts: list[dict[str, float] | None] = [None] * len(sents)
        for i, verdict in zip(asked, self.classifier.distributions(rows), strict=True):
            verdicts[i] = verdict
        return verdicts

    def _arbitrate(
        self,
        sent: SpacySpan,
        found: list[Mention],
        verdict: dict[str, float],
        dates: list[ResolvedDate],
        figures: list[Figure],
    ) -> list[Mention]:
        """Rules find, the classifier decides when it is sure (thresholds in classify.py)."""
        assert self.classifier is not None
        label, p = max(verdict.items(), key=lambda kv: kv[1])
        if found:
            if label == CLASSIFIER_NONE:
                # The classifier may silence only triggers that nobody is said to do ("an
                # explosion at a chemical plant"); a named party doing it stays an event.
                # A weapon that does it ("a bomb exploded") is someone's doing.
                doerless = [
                    m
                    for m in found
                    if m.actor1 is None
                    and m.actor2 is None
                    and not self._someones_doing(m)
                    and not self._weapon_did(m)
                    and not self._fought_at(m)
                    and not self._crowd_named(m)
                ]
                if p >= self.classifier.veto and doerless:
                    return [m for m in found if m not in doerless]
                return found
            ruled = {m.sub_type for m in found}
            doubted = max(verdict.get(t, 0.0) for t in ruled) < self.classifier.doubt
            if label in ruled or (p < self.classifier.override and not doubted):
                return found
            # The sentence is about `label`: retype its first mention that is told as a fact
            # ("forces jailed 60 men suspected of plotting attacks": not the plotted attacks).
            first = min(found, key=lambda m: (m.modality != "asserted", m.trigger.start))
            if any(
                label in family and first.sub_type in decided for family, decided in RULES_DECIDE
            ):
                return found
            if label in CROWD_VIOLENCE and first.type == "Riots" and self._crowd_did(first):
                return found  # the crowd itself burned or fought: a riot, not a looting
            if label == "Looting/property destruction" and first.type in PROTEST_TYPES:
                # what a protest's crowd wrecks is its violence (ACLED: a violent demonstration,
                # decided with the protest's kind), not a looting of its own
                return found
            killed = any(f.kind == "killed" for m in found for f in m.figures)
            if (
                label in RIOT_KINDS
                and first.sub_type == "Armed clash"
                and not any(_state(a) for m in found for a in (m.actor1, m.actor2))
            ):
                # a fight the rules read where neither a crowd nor the police are named is no
                # riot ("violent clashes in the desert"); "people were injured in clashes with
                # riot police" may be one
                return found
            if (
                label == "Arrests"
                and first.sub_type == "Abduction/forced disappearance"
                and _state(first.actor1)
            ):
                # the rules read the state's taking as a disappearance in so many words ("were
                # missing after being detained by a patrol")
                return found
            if label == "Abduction/forced disappearance" and first.sub_type == "Attack" and killed:
                return found  # "killed four shepherds and stole their flock": the killing
            if (
                label == "Agreement"
                and first.sub_type == "Attack"
                and (tok := self._token(first.trigger)) is not None
                and self._hors_de_combat(self._victims(tok))
            ):
                return found  # "executed three soldiers who had surrendered": a killing
            if label == "Disrupted weapons use" and any(
                f.kind in HARMED_KINDS for f in first.figures
            ):
                # "a quadcopter dropped a mortar round on a house, wounding four children": the
                # weapon did its harm
                return found
            if (
                label in ("Armed clash", "Attack")
                and first.sub_type == "Abduction/forced disappearance"
                and not killed
            ):
                # people carried off are abducted, however the raid that took them is told
                # ("stormed a dormitory and took away dozens of pupils"); with people killed
                # ACLED codes the attack
                return found
            if first.trigger_key == "aircraft" and label == "Shelling/artillery/missile attack":
                # "its jets destroyed a missile launcher": the craft that did it is named; the
                # weapon struck is no weapon used
                return found
            if label == "Looting/property destruction" and first.type in VIOLENT_TYPES and killed:
                # "burned a village and killed nine residents": the killing is the event
                return found
            if (
                label == "Armed clash"
                and first.sub_type == "Attack"
                and (head := self._token(first.trigger)) is not None
                and (
                    self._hits_civilians(head, people_only=True)
                    or self._hors_de_combat(self._victims(head))
                    or head.lemma_.lower() in self.one_sided_killing
                )
            ):
                # "fighters killed 12 farmers", "executed 12 captured soldiers": the words name
                # civilian victims or fighters who could no longer fight
                return found
            if label == "Attack" and first.sub_type == "Armed clash" and _state(first.actor2):
                # "gunmen opened fire on a military checkpoint, killing two soldiers": the
                # rules read the state's forces struck (ACLED: a clash)
                return found
            if (
                label in RIOT_KINDS
                and first.type in ("Violence against civilians", "Battles")
                and first.actor1 is not None
                and first.actor1.inter in ARMED_INTER
            ):
                # an armed group's attack or fight is no riot (ACLED: rioters riot)
                return found
            if label in WEAPON_KINDS | NAMED_KINDS | {"Disrupted weapons use"} and (
                self._trigger_of(sent, label) is None
            ):
                # the classifier does not invent a weapon, an agreement or a weapon stopped the
                # text does not name ("looted a warehouse" is no cache seized)
                return found
            if (
                label in NAMED_KINDS
                and first.type == "Protests"
                and (named := self._trigger_of(sent, label)) is not None
                and modality(named.root) == "forecast"
            ):
                # "a vigil calling on the government to arrest those responsible", "rallied,
                # demanding that the government reach a deal": the arrest or the accord is the
                # crowd's demand
                return found
            if label in TERRITORY_KINDS | {HANDOVER} and not self._ground_told(sent):
                # nor ground taken or handed over that no word says changed hands ("raided a
                # village", "bridges were destroyed")
                return found
            if label == HANDOVER and (self._by_force(first) or self._fought(sent)):
                return found  # a party driven out, or a fight told: no ground handed over
            if (
                label in FORCE_ON_PROTESTS
                and first.type == "Protests"
                and self._kind_told(sent, []) is None
            ):
                # no force against a protest that no word of the sentence tells ("held a vigil
                # outside the army headquarters")
                return found
            if (
                label in DEMONSTRATION_KINDS
                and first.type not in PROTEST_TYPES
                and not any(self._trigger_of(sent, kind) for kind in DEMONSTRATION_KINDS)
            ):
                # no protest where no word of the sentence names one ("soldiers summarily
                # killed 30 villagers": an attack on civilians, not on a protest)
                return found
            if first.modality != "asserted":
                # Only a purpose or a plan was found ("fired live rounds to clear protests"):
                # the event the classifier reads is the sentence's own, if that is a fact (a
                # riot only where a crowd is named: not "units should not return fire").
                proposed = self._propose(sent, label, dates, figures)
                crowd = self.communal_nouns | self.protester_nouns
                if (
                    proposed is not None
                    and proposed.modality == "asserted"
                    and (label not in RIOT_KINDS or any(t.lemma_.lower() in crowd for t in sent))
                ):
                    return [*found, proposed]
            label = taken_by(label, first.actor1) if label in TERRITORY_KINDS else label
            return [retype(m, label) if m is first else m for m in found]
        if label == CLASSIFIER_NONE or p < self.classifier.propose:
            return []
        if not self._conflict_cues(sent, label):
            return []
        if label in NAMED_KINDS and self._trigger_of(sent, label) is None:
            return []  # no agreement where no word names one ("he concluded")
        proposed = self._propose(sent, label, dates, figures)
        return [proposed] if proposed is not None else []

    def _crowd_named(self, mention: Mention) -> bool:
        """A protest whose crowd the words name, though as no party ("nurses strike over
        wages", "thousands marched"): someone protested."""
        head = self._token(mention.trigger)
        if mention.type != "Protests" or head is None:
            return False
        crowd = self.civilian_nouns | self.communal_nouns | self.protester_nouns
        return any(
            {t.lemma_.lower(), t.lower_} & (crowd | QUANTITY_NOUNS)
            # workers of any trade ("dockworkers walked off the job")
            or t.lower_.endswith("workers")
            for t in self._clause_subject(head)
        )

    def _crowd_did(self, mention: Mention) -> bool:
        """The crowd of a riot the rules read is its doer: its actor, the word the event was
        found by ("protesters threw stones ..."), or the people the rules found doing a deed of
        violence ("angry youths torched ...")."""
        if mention.trigger_key in CROWD_DEEDS:
            # a riot the rules read from a deed of people who are no armed party, or from the
            # word of the crowd itself ("a mob burned down homes", "lynched")
            return True
        words = mention.trigger.text.lower().split()
        return _crowd(mention.actor1) or bool(words and words[-1] in self.protester_nouns)

    def _by_force(self, mention: Mention) -> bool:
        """Whether the rules read ground taken by driving a party out ("expelled the militants
        from the town")."""
        entry = self.triggers.get(mention.trigger_key)
        return entry is not None and entry.role == "expel"

    def _ground_told(self, sent: SpacySpan) -> bool:
        """A word of the sentence says ground was taken or handed over."""
        return any(self._trigger_of(sent, kind) is not None for kind in (GROUND_TAKEN, HANDOVER))

    def _trigger_of(self, sent: SpacySpan, sub_type: str) -> SpacySpan | None:
        """The sentence's first trigger word of `sub_type` that its gate lets through ("March"
        the month and "an open mouth" are none)."""
        for t in self.doc.spans[TRIGGERS_KEY]:
            if not sent.start <= t.start < sent.end:
                continue
            entry = entry_read(self.triggers[t.label_], t)  # "handed over their weapons"
            if entry.sub_type != sub_type or gated_out(entry, t):
                continue
            if self._names_gear(t.root):
                continue  # "rocket launchers", "missile tests": no weapon used
            return t
        return None

    def _propose(
        self, sent: SpacySpan, label: str, dates: list[ResolvedDate], figures: list[Figure]
    ) -> Mention | None:
        """A mention of the classifier's sub-type, standing on the sentence's event word."""
        head = self._stand_in(sent, label)
        return self._mention(
            self.doc[head.i : head.i + 1], sent, dates, figures, entry=entry_for(label)
        )

    def _stand_in(self, sent: SpacySpan, label: str) -> Token:
        """The word that stands for an event the classifier proposes: a trigger of its sub-type,
        else the highest verb that tells something happened (not "said", "vowed", "believes":
        their modality and speaker are read from above the event, not from the event itself)."""
        trigger = self._trigger_of(sent, label)
        if trigger is not None:
            return trigger.root
        speech = REPORTING | FORECAST | DENY | HEDGE_VERBS

        def depth(tok: Token) -> int:
            return sum(1 for _ in tok.ancestors)

        verbs = [
            t
            for t in sent
            if t.pos_ == "VERB" and t.lemma_.lower() not in speech and t.dep_ != "amod"
        ]
        return min(verbs, key=lambda t: (depth(t), t.i)) if verbs else sent.root

    def _conflict_cues(self, sent: SpacySpan, label: str) -> bool:
        """A sentence with no trigger word is proposed as an event only when it names a party to
        the conflict or a weapon ("the virus was found in birds" is not a weapons seizure)."""
        weapons = any(t.lemma_.lower() in self.weapon_objects for t in sent)
        if label == "Disrupted weapons use" or weapons:
            return weapons
        # Parties: dictionary, generic and unnamed actors, and countries named as doers.
        parties = bool(self.index.in_tokens(sent, violent=True))
        return parties or weapons

    def _dates(self, sent: SpacySpan) -> list[ResolvedDate]:
        return sentence_dates(sent, self.article.published, self.article.id)

    def _named_by_year(self, head: Token) -> bool:
        """A deed named by a year before the article's ("their role in a 2019 bombing", "the
        2014 massacre", "last year's protests") or as last week's or month's ("last week's
        ambush"): a past event told by its name; without a publication date, any year (news of
        a fresh deed does not name it by its year)."""
        if head.pos_ != "NOUN" and not (head.pos_ == "PROPN" and head.text.islower()):
            return False  # (a noun the tagger calls a name: "last month's march")
        if any(
            c.dep_ == "poss"
            and (c.lemma_.lower() in ("year", "month", "week") or c.lower_ in MONTH_NAMES)
            and any(a.lower_ in ("last", "previous") for a in c.children)
            for c in head.children
        ):
            # "last year's demonstrations", "last week's ambush", "last October's massacre"
            # (not "last Friday's attack", which may be the news of a Monday)
            return True
        # (a deed's word in a compound names it with its head: "the 1944 bombing raid")
        named = head.head if head.dep_ == "compound" and head.head.pos_ == "NOUN" else head
        for t in named.subtree:
            if t.i >= named.i:
                break
            if not _modifies(t, named):
                continue  # (not a fronted date the parser hung on the noun: "On 25 June 2024, ...")
            if _a_year(t):
                return self._before_the_news(int(t.text))
            if DECADE.fullmatch(t.text):
                # "the 1990s war": a decade's deed; the news is not told by its decade
                return self._before_the_news(int(t.text[:4]) + 9)
        # "the May 9 riots", "the October 7 attack": a deed named by its day, as one known
        return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) and any(
            t.lower_ in MONTH_NAMES
            and t.i + 1 < head.i
            and head.doc[t.i + 1].like_num
            and t.dep_ in ("compound", "nmod", "npadvmod", "amod")
            for t in head.subtree
            if t.i < head.i
        )

    def _before_the_news(self, year: int) -> bool:
        """The year is before the article's; without a publication date, any year (news of a
        fresh deed does not name it by its year)."""
        published = self.article.published
        return published is None or year < published.year

    def _is_background(self, when: When | None) -> bool:
        published = self.article.published
        if when is None:
            return False
        if published is None:
            # no day to count back from: what the words themselves set long before the news
            # ("last month", "two years ago", "earlier this year")
            return when.span is not None and LONG_AGO.search(when.span.text) is not None
        return when.end < published - timedelta(days=self.background_days)

    # -- speakers -----------------------------------------------------------------------------
    def _speaker_from_tokens(self, tokens: list[Token]) -> Speaker:
        if not tokens:
            return Speaker()
        if len(tokens) == 1 and tokens[0].lower_ in PERSONAL_PRONOUNS:
            return self.state.speaker
        if tokens[0].lower_ in ("no", "none", "nobody"):
            return Speaker()  # "no group has claimed the attack": nobody says so
        heads = [t for t in tokens if t.head not in tokens or t.head == t]
        root = heads[0]
        if root.pos_ == "VERB":
            # "a doctors' committee linked to the movement said", parsed as a clause: its subject
            root = next((c for c in root.children if c.dep_ == "nsubj" and c in tokens), root)
        sources = self.index.in_tokens(tokens, violent=False, sources=True)
        parties = self.index.in_tokens(tokens, violent=False)
        affiliation = parties[0] if parties else None
        in_actor = {i for m in self.index.mentions for i in range(m.start, m.end)}
        persons = [
            e
            for e in self.doc.ents
            if e.label_ == "PERSON"
            and e.start >= tokens[0].i
            and e.end <= tokens[-1].i + 1
            and not any(i in in_actor for i in range(e.start, e.end))
        ]
        root_mention = self.index.by_token.get(root.i)
        if persons:
            name = max(persons, key=len).text
        elif sources:
            name = sources[0].name
        elif root_mention is not None:
            name = root_mention.actor.name
        else:
            # the speaker's words only, not a clause the parser hung on them
            phrase = self.doc[max(root.left_edge.i, tokens[0].i) : root.i + 1]
            name = phrase.text
        return Speaker(name, affiliation)

    def _speaker_of_sentence(self, sent: SpacySpan) -> Speaker | None:
        """Who the sentence quotes: the subject of its reporting verb, if it has one."""
        root = sent.root
        if root.lemma_.lower() in REPORTING:
            subj = [t for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
            return self._speaker_from_tokens(subj) if subj else None
        att = attribution(root)
        return self._speaker_from_tokens(att.subject) if att and att.subject else None

    # -- one trigger --------------------------------------------------------------------------
    def _mention(
        self,
        trigger: SpacySpan,
        sent: SpacySpan,
        dates: list[ResolvedDate],
        figures: list[Figure],
        entry: lexicon.TriggerEntry | None = None,
    ) -> Mention | None:
        """A mention of the trigger's lexicon entry, or of `entry` when the classifier proposes
        an event for a sentence without a trigger (its root stands in as the trigger)."""
        proposed = entry is not None
        entry = entry or self.triggers[trigger.label_]
        if not proposed:
            entry = entry_read(entry, trigger)  # "captured 200 rifles": no ground taken
        head = trigger.root
        if not proposed and gated_out(entry, trigger):
            return None  # "March" the month, "released from jail", "set up a committee"
        if (
            entry.key == "activity_halted"
            and head.dep_ == "xcomp"
            and head.head.lemma_.lower() in AGREEING_VERBS
        ):
            entry = self.triggers["agreement"]  # "the two sides agreed to halt hostilities"
        if not proposed and _according_to(head):
            return None  # "according to vigilantes": who tells, not what happened
        pred = _predicate(head)
        if entry.role == "needs_launch" and not (
            pred.i != head.i and pred.lemma_.lower() in self.launch_verbs
        ):
            return None
        violent = (
            entry.event_type in VIOLENT_TYPES
            or entry.role in ("generic_attack", *TERRITORY_ROLES)
            or entry.key == "looting"  # violence against property
        )
        if violent and (_area_total(head) or _area_total(_verb_of(head))):
            return None  # "150 people were killed across the country": a summary

        att = attribution(head)
        speaker = self._speaker_from_tokens(att.subject) if att else Speaker()
        excluded = {t.i for t in att.subject} if att else set()
        if att is not None and (
            att.verb.i == pred.i
            or speaker_acts(head, att)
            # "Armed men executed 20 civilians, a local association said", parsed with the men
            # the speakers and the deed a clause on them: the men did it
            or (_misread_participle(head) and head.head.i in excluded)
        ):
            excluded = set()  # "X announced an offensive", "X says killed 40": X speaks and acts
        if self.dateline is not None:
            excluded |= {t.i for t in sent if self.dateline[0] <= t.idx < self.dateline[1]}

        mutual = entry.key == "armed_clash"
        actor1, actor2, assoc = self._roles(
            head, pred, speaker, excluded, violent, mutual, joint=entry.sub_type == "Agreement"
        )
        if actor1 is None and entry.role == "generic_attack":
            herders = [
                t
                for t in self._clause_subject(head)
                if t.lemma_.lower() in HERDERS
                # "armed youths raided a cattle camp": people of a place under arms
                or (
                    t.lemma_.lower() in self.communal_nouns
                    and any(c.dep_ == "amod" and c.lower_ == "armed" for c in t.children)
                )
            ]
            if herders and not _harmed_subject(head)[1]:
                # herders who attack are the armed party (ACLED: a communal militia), though
                # "herders" alone are as often the victims
                actor1 = communal_militia_actor(herders[0], self.article.id)
        if phrase_of(trigger) in PLACE_FALLS and (taker := self._taker(trigger)) is not None:
            # "the town fell to the rebels", "fell into the hands of IS": the party it fell to
            # took it; the place is no party
            actor1, actor2 = taker, (actor1 if actor1 != taker else None)
        if entry.key == "troop_movement" and actor2 is not None and actor2.inter in ARMED_INTER:
            actor1, actor2 = _force_moved(actor1, actor2)
        if entry.key == "combat_losses" and not self._combat_losses(head, actor2):
            return None
        if entry.key == "people_picked_up":
            taken = acted_on(head)
            if (
                actor1 is None
                or actor1.inter not in ARMED_INTER
                or not self._people(taken)
                or object_words(taken) & REMAINS  # "picked up the bodies of ten fighters"
            ):
                return None  # "rescuers picked up 40 migrants", "the bus picked up passengers"
            if not _state(actor1) or self._vanished(head) or self._pressed(head):
                # taken by armed men, or by agents and never seen again (ACLED codebook)
                entry = self.triggers["abduction"]
        if entry.key == "struck_force" and not (actor1 is not None and actor1.inter in ARMED_INTER):
            # a crowd's or nobody's "destroyed a police checkpoint": property destroyed
            entry = self.triggers[trigger.label_]
        if not self._plausible(entry, trigger, head, actor1, actor2):
            return None
        if (
            entry.sub_type in POLICE_MATTERS
            and not self._mob_justice(entry, trigger, head, actor1)
            and self._police_matter(sent, figures, actor1, actor2, entry)
        ):
            return None  # "was arrested and charged with aggravated arson": ordinary crime
        when, inherited, summary = self._when(head, dates)
        evidence_figures = tuple(
            with_source(f, speaker.name)
            for f in figures
            if (f.kind != "people" or entry.key == "other_development")
            and not self._told_in_other_clause(f, head)
            and not self._toll_of_past_deed(f, head)
        )
        mood = modality(head)
        crowd = head
        if crowd.dep_ in ("acl", "relcl"):
            crowd = crowd.head  # "to disperse students protesting / who were marching ..."
        if crowd.dep_ == "pobj" and crowd.head.lower_ == "of":
            crowd = crowd.head.head  # "to disperse a crowd of rioters", "hundreds of students"
        if (
            mood == "forecast"
            and entry.event_type in PROTEST_TYPES
            # (or "to disperse traders marching ...", which the parser reads as a clause)
            and (
                crowd.dep_ in ("dobj", "nsubjpass")
                or (crowd.dep_ == "ccomp" and crowd.tag_ == "VBG")
            )
            and crowd.head.lemma_.lower() in DISPERSAL_VERBS
            and (
                crowd.head.dep_ not in ("advcl", "xcomp")
                or purpose_of_deed(crowd.head)
                or crowd.head.head.lemma_.lower() in ATTEMPT_WORDS  # "tried to disperse"
            )
        ):
            mood = "asserted"  # "fired tear gas to disperse protesters": the protest is there
        if (
            mood == "forecast"
            and entry.key == "crowd_dispersed"
            and head.lemma_.lower() in DISPERSAL_VERBS
            and purpose_of_deed(head)
        ):
            mood = "asserted"  # "fired tear gas and charged to disperse students": done
        announced = head
        for _ in range(4):  # up through "a day of strikes and demonstrations"
            if announced.dep_ == "conj":
                announced = announced.head
            elif announced.dep_ == "pobj" and announced.head.lower_ == "of":
                announced = announced.head.head
            else:
                break
        if (
            entry.event_type in PROTEST_TYPES
            and head.pos_ == "NOUN"
            and announced.dep_ == "dobj"
            and announced.head.lemma_.lower() == "announce"
        ):
            # "the union announced a 48-hour strike", "a day of strikes": called, still to come
            mood = "forecast"
        if mood == "forecast" and entry.event_type in PROTEST_TYPES and purpose_of_deed(head):
            mood = "asserted"  # "farmers blocked a highway to protest ...": the protest
        # "tried to retake the town", "attempts to storm the base": the attempt is a fight that
        # happened (ACLED codes attempts), though no ground changed hands
        # (also a protest the attempted verb holds: "tried to hold a rally"; not "trying to
        # buy a nerve agent")
        held = head.dep_ == "dobj" and entry.event_type in PROTEST_TYPES
        tried = head.head if held else head
        attempted = (
            mood == "forecast"
            and (violent or entry.event_type in PROTEST_TYPES)
            and tried.dep_ in ("xcomp", "acl")
            and tried.head.lemma_.lower() in ATTEMPT_WORDS
            and modality(tried.head) == "asserted"
        )
        if attempted:
            mood = "asserted"
        if entry.sub_type == "Agreement" and head.dep_ == "dobj" and head.head.lemma_ in TALK:
            mood = "forecast"  # "discussed a possible truce": none made
        agreed = head.head if head.dep_ == "dobj" else head  # "agreed to extend the truce"
        if (
            mood == "forecast"
            and entry.sub_type == "Agreement"
            and agreed.dep_ == "xcomp"
            and agreed.head.lemma_.lower() in AGREEING_VERBS
        ):
            mood = "asserted"  # "agreed to exchange prisoners": the agreement is the event
        if (
            # "take" alone: people carried off ("police took away four students"), not
            # "taken hostage"; people bundled into vehicles by police
            (
                (
                    entry.key == "abduction"
                    and (head.lemma_.lower() in SEIZING_VERBS or phrase_of(trigger) == "take")
                )
                or entry.key == "people_snatched"
            )
            and _state(actor1)
            and not self._vanished(head)
            and not self._pressed(head)
        ):
            entry = self.triggers["arrests"]  # "troops captured 15 militants": detained
        elif entry.role == "generic_attack" and self._missing_after(head):
            # "more than 80 pupils were missing after gunmen raided a school": the raid took
            # them
            entry = self.triggers["abduction"]
        elif (
            entry.key == "arrests"
            and _state(actor1)
            and (self._vanished(head) or self._pressed(head))
        ):
            # "four boys were missing after being detained by a patrol": a forced
            # disappearance (ACLED codebook), not an arrest
            entry = self.triggers["abduction"]
        elif entry.key == "arrests" and _rules_nowhere(actor1):
            # "armed men detained two village elders": only the state or a group that rules
            # territory arrests (ACLED codebook); anyone else armed abducts
            entry = self.triggers["abduction"]
        sub_type, plover_mode = entry.sub_type, entry.mode
        if entry.role == "generic_attack":
            victims = self._victims(head)
            civilians = (
                # (the civilians struck directly decide even where a party is actor 2)
                self._hits_civilians(head)
                if actor2 is None
                else actor2.inter == 7 or self._civilians_struck_directly(victims)
            ) or self._hors_de_combat(victims)
            # ACLED codebook: killing people who cannot fight back (a massacre, the execution of
            # captives) is violence against civilians whoever the victims were.
            civilians = civilians or phrase_of(trigger) in self.one_sided_killing
            civilians = civilians or (
                phrase_of(trigger) in self.thrown_weapons
                and not (actor2 is not None and actor2.inter in ARMED_INTER)
            )
            sub_type = "Attack" if civilians else "Armed clash"
            if sub_type == "Attack" and _state(actor1) and self._protesting(head):
                # the state's fire on people chanting or demanding is lethal force on a protest
                # ("fired live ammunition at worshippers chanting slogans")
                sub_type = "Excessive force against protesters"
        elif entry.role in TERRITORY_ROLES or sub_type in TERRITORY_KINDS:
            sub_type = taken_by(sub_type, actor1)
        elif entry.key == "armed_clash" and self._communal(head, actor1, actor2):
            # "villagers clashed with sticks", "a crowd of students assaulted a teacher": no
            # armed party
            sub_type = "Mob violence"
        elif (
            entry.key == "armed_clash"
            and head.lemma_.lower() == "assault"
            and not (actor2 is not None and actor2.inter in ARMED_INTER)
            and (
                (head.pos_ == "VERB" and self._hits_civilians(head, people_only=True))
                # "an assault on the village": on a place of civilians
                or (
                    head.pos_ == "NOUN"
                    and any(
                        o.lemma_.lower() in self.civilian_places for o in prep_objects(head, "on")
                    )
                )
            )
        ):
            sub_type = "Attack"  # "masked men assaulted students and journalists": no fight
        elif (
            entry.key == "armed_clash"
            and (_state(actor2) or (actor2 is not None and actor2.inter == 8))
            and self._communal(head, actor1, None)
        ):
            # a crowd that fights the state's forces riots ("supporters clashed with police"),
            # or foreign troops ("Serbs clashed with NATO peacekeepers")
            sub_type = "Violent demonstration"
        if entry.key == "looting" and self._communal(head, actor1, None):
            # a crowd that wrecks what stands for the state or a party riots ("angry youths
            # torched the police station"); one that wrecks people's homes is a mob ("burned
            # the houses of a family accused of witchcraft")
            sub_type = (
                "Violent demonstration"
                if _state(actor2) or self._public_target(head)
                else "Mob violence"
            )
        elif (
            entry.role == "generic_attack"
            and self._communal(head, actor1, None)
            and not (actor2 is not None and actor2.inter == 8)
        ):
            # a crowd's violence (ACLED: Riots): against the state's forces a violent
            # demonstration ("youths attacked a police station"), else mob violence ("an
            # angry crowd beat a man to death"); foreign troops attacked fight back
            # a crowd that storms what stands for the state riots too ("residents stormed the
            # electricity directorate")
            struck = acted_on(head)
            if phrase_of(trigger) in RAMPAGE:
                # "youths went on the rampage, stoning police": what the rampage did
                struck = [
                    o
                    for c in head.subtree
                    if c.tag_ == "VBG" and c.dep_ in ("advcl", "conj")
                    for o in acted_on(c)
                ]
            # (what the verbs joined to it struck too: "threw rocks and set fire to a police
            # post")
            struck += [o for c in head.conjuncts if c.pos_ == "VERB" for o in acted_on(c)]
            struck += [
                o
                for c in head.conjuncts
                for p in c.children
                if p.dep_ == "prep" and p.lower_ in ("to", "at", "on")
                for o in p.children
                if o.dep_ == "pobj"
            ]
            public = bool(
                {t.lemma_.lower() for o in struck for t in o.subtree} & self.public_targets
            ) and not self._people(struck)
            # (a crowd that stones the police riots)
            forces = [o for o in struck if (a := self.index.by_token.get(o.i)) and _state(a.actor)]
            sub_type = (
                "Violent demonstration" if _state(actor2) or public or forces else "Mob violence"
            )
        if (
            entry.role in ("territory", "unopposed")
            # "the army deployed in the town after the other side's troops withdrew"
            or (
                entry.key == "troop_movement"
                and any(
                    self._territorial(o)
                    for p in ("in", "into", "to")
                    for o in prep_objects(head, p)
                )
            )
        ) and unopposed(trigger, self._fought(sent)):
            # ACLED codebook: ground taken without fighting is a non-violent transfer
            sub_type = HANDOVER
        elif (
            (entry.role == "bombing" and self._from_the_air(sent, actor1))
            or (entry.event_type not in PROTEST_TYPES and _states_strike(head, actor1))
            # "its aircraft neutralised scores of terrorists": a craft's deed
            or (
                entry.key == "foes_neutralised"
                and any(t.lemma_.lower() in self.air_words for t in _subject(head)[0])
            )
        ):
            sub_type, plover_mode = "Air/drone strike", "aerial"
        if actor2 is None and sub_type in ONE_SIDED and violent:
            # ACLED names the victims of violence against civilians as Civilians (country)
            actor2 = self._civilians_struck(head)
        if attempted and sub_type in TERRITORY_KINDS | {HANDOVER}:
            sub_type = "Armed clash"
        event_type = lexicon.sub_type_to_type()[sub_type]
        sent_span = Span(self.article.id, sent.start_char, sent.end_char, sent.text)
        sent_places = self._places_in(*_with_label(sent))
        mention = Mention(
            article_id=self.article.id,
            trigger=Span(self.article.id, trigger.start_char, trigger.end_char, trigger.text),
            sentence=sent_span,
            trigger_key=entry.key,
            type=event_type,
            sub_type=sub_type,
            plover_type=entry.plover,
            plover_mode=plover_mode,
            actor1=actor1,
            actor2=actor2,
            assoc_actors=tuple(assoc),
            when=when,
            when_inherited=inherited,
            figures=evidence_figures,
            sources=(speaker.name,) if speaker.name else (),
            modality=mood,
            # "condemned the bombing", "arrested two men for the killing": told as the cause of
            # something else, the event happened before
            background=(
                self._is_background(when)
                and not inherited
                # (no date of its own for a report with none: "after forces left last month")
                and not (
                    self.article.published is None
                    and when is not None
                    and dates_what_came_before(head, when)
                )
            )
            or summary
            or any(
                # an accord is reacted to as a deed is ("marked the anniversary of the accord")
                # and so is a protest ("condemned the force used against demonstrators")
                ((violent or entry.sub_type == "Agreement") and reacted_to(deed))
                # "a vigil for demonstrators detained last week": whom the crowd is there for
                or (entry.sub_type == "Arrests" and _held_for(deed))
                or (entry.event_type == "Protests" and reacted_to(deed, PROTEST_HELD))
                or spans_after(deed)
                or verdict_ground(deed)
                or stretch_before(deed)
                # (not a fight before ground taken, which the taking tells: "after a two-day
                # battle, the army recaptured the town")
                or (fronted_before(deed) and entry.key not in BATTLE_KEYS)
                or self._fronted_prior(deed)
                or self._named_by_year(deed)
                # "unlike in 2014, when rival fans fought": the year the clause is on
                or (
                    deed.ent_type_ == "DATE"
                    and _a_year(deed)
                    and self._before_the_news(int(deed.text))
                )
                for deed in _deed_and_antecedent(head)
            )
            # "soldiers killed in last week's ambush", "rounded up during last year's
            # crackdown": harm done in a deed named as past
            or any(
                self._named_by_year(o)
                for verb in _joined_verbs(head)
                for p in ("in", "during")
                for o in prep_objects(verb, p)
            )
            or (entry.sub_type in TAKINGS and _taken_before_found(head))
            or counted_since_era(head)
            or told_as_trend(head)
            or named_as_start(head)
            or (entry.sub_type == "Agreement" and accord_in_force(head))
            # what people flee, where no party to it is named, is the cause of their flight
            # (the parties told of the deed's own words: not "armed men rounded up women
            # fleeing the fighting")
            or (fled_from(head) and not self.index.in_tokens(list(head.subtree), violent=True)),
            places=sent_places,
            told_before=_named_again(head),
        )
        if actor1 is not None and mood == "asserted":
            self.state.last_actor1 = actor1
        return mention

    def _plausible(
        self,
        entry: lexicon.TriggerEntry,
        trigger: SpacySpan,
        head: Token,
        actor1: Actor | None,
        actor2: Actor | None,
    ) -> bool:
        """Drop readings that are not political violence: an ambiguous word with nobody acting,
        goods seized rather than ground, animals rounded up rather than people arrested."""
        phrase = phrase_of(trigger)
        if self._names_gear(head):
            # "ballistic missile tests", "arms sales", "riot police", "fighting vehicles"
            return False
        if any(
            c.lemma_.lower() in TRIAL_WORDS and c.dep_ in ("npadvmod", "compound", "amod")
            for w in (head, head.head if head.dep_ in ("dobj", "nsubjpass") else head)
            for c in w.children
        ):
            return False  # "test-fired a ballistic missile": a weapon tried, not used on anyone
        if (
            head.lemma_.lower() == "kill"
            # (or the blast of a vehicle that overturned: "a fuel tanker overturned and
            # exploded, killing nine")
            or (entry.key == "remote_explosive" and head.lemma_.lower() in ("explode", "blast"))
        ) and any(
            t.lemma_.lower() in self.accident_verbs
            # "a transport plane crashed during a training flight, killing all 15 aboard" (not
            # a drone, which crashes into what it strikes)
            or (
                t.lemma_.lower() == "crash"
                and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in self.crewed_craft for c in t.children
                )
            )
            for t in head.sent
        ):
            # "a bus carrying soldiers plunged into a gorge, killing 18": the parser may hang
            # the killing on any word of the sentence; what the attackers did is another trigger
            return False
        if entry.role == "generic_attack" and any(
            (t.lemma_.lower() in VEHICLES and not self._party_among(list(t.subtree)))
            or (
                t.lemma_.lower() in ("driver", "motorist")
                and any(c.lower_ in CARELESS for c in t.children)
            )
            for t in self._clause_subject(head)
        ):
            return False  # "a drunk driver mowed down four pedestrians": a road accident
        if (
            entry.role == "generic_attack"
            and any(c.dep_ == "advmod" and c.lower_ in UNMEANT for c in head.children)
            and not (actor1 is not None and actor1.inter in ARMED_INTER)
        ):
            # "a hunter was mistakenly shot dead by a companion": an accident (not "soldiers
            # mistakenly shot two farmers", which ACLED codes)
            return False
        if (
            phrase in SEARCH_RAIDS
            and _state(actor1)
            and not (actor2 is not None and actor2.inter in ARMED_INTER)
            and not any(t.lemma_.lower() in HARM_WORDS for t in head.sent)
        ):
            # the state's forces raiding an office or a house and harming nobody search it
            # (ACLED codes the arrests they make, not a raid): "police raided a house and
            # arrested three men"
            return False
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in self.abstract_heads
        ):
            return False  # "the threat of detention", "issues of sexual violence"
        if (
            (entry.event_type in VIOLENT_TYPES or entry.role == "needs_launch")
            and self._drill(head.sent)
            and not _harm_told(head.sent, HARM_WORDS - PROPERTY_HARM - FIRING_WORDS)
        ):
            # "artillery units shelled mock enemy positions during snap drills", "warships
            # fired live rounds at towed targets in a joint exercise": practice, no one's
            # violence
            return False
        if any(a.pos_ == "NOUN" and a.lemma_.lower() in FICTION for a in head.ancestors):
            # "a war drama in which rebels storm a village", "the hostage thriller ..., which
            # dramatises a siege": a story told
            return False
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in ("as", "to")
            and head.head.head.lemma_.lower() in LIKENING
        ) or (
            # (the parser may read "as" as a clause's mark: "described the tax as a bomb
            # dropped on the poor")
            head.dep_ == "nsubj"
            and head.head.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.head.children)
            and head.head.head.lemma_.lower() in LIKENING
        ):
            return False  # "described the bill as a grenade thrown into people's homes"
        if (violent := entry.event_type in VIOLENT_TYPES or entry.role == "needs_launch") and (
            (SCORE.search(head.sent.text) and says(head.sent, self.sports_words))
            or self._told_as_game(head.sent)
        ):
            return False  # "the Super Eagles stormed to a 3-0 victory": a game
        if violent and head.pos_ == "NOUN":
            # (an offensive or a campaign is a force's only against a foe that can fight)
            if _prep_object_in(head, ("against", "with"), self.abstract_foes):
                # "the fight against terrorism": a policy, not a battle; "a battle with cancer"
                return False
            if _prep_object_in(head, ("for",), self.causes):
                return False  # "their fight for compensation", "a battle for justice"
        if (
            head.dep_ == "pobj"
            and head.head.lower_ in ("in", "to", "of")
            and self.lulls
            & {
                head.head.head.lemma_.lower(),
                # the parser may hang the preposition on the verb ("welcomed a lull in ...")
                head.doc[max(head.head.i - 1, 0)].lemma_.lower(),
            }
        ):
            return False  # "a lull in clashes", "an end to the clashes": no fighting
        if any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.civil_campaigns
            for c in head.children
        ):
            return False  # "a polio immunization campaign", "a charm offensive"
        if (
            head.lemma_.lower() in SURGE_WORDS
            and head.pos_ == "NOUN"
            and _prep_object_in(head, ("in", "of"), self.amounts)
        ):
            return False  # "an explosion in HIV cases": a surge, not a blast
        if head.pos_ == "NOUN" and any(
            c.dep_ in MODIFIERS and c.lemma_.lower() in self.never_assailants for c in head.children
        ):
            return False  # "died of a heart attack", "a cyber attack": nobody's violence
        if (
            entry.key == "armed_clash"
            and head.pos_ == "VERB"
            and object_words([o for o in acted_on(head) if o not in trigger])
            & (self.hazards | self.abstract_foes)
        ):
            return False  # "health workers are fighting a cholera outbreak", "battled the blaze"
        # (and what the deed is blamed on: "blamed extreme heat for a series of explosions")
        subjects = self._clause_subject(head) + _blamed_on(head)
        # (craft are downed by no hazard: "destroyed by mobile fire groups")
        if entry.key != "craft_downed" and (
            any(
                t.lemma_.lower() in self.hazards
                # (not a force's fire: "killed by Israeli sniper fire")
                and not _gunfire(t)
                for s in subjects
                for t in (s, *(c for c in s.children if c.dep_ == "compound"))
            )
            or {
                w
                for w in object_words([*subjects, *([head] if head.pos_ == "NOUN" else [])])
                if " " in w
            }
            & self.hazards
            or (
                head.pos_ == "NOUN"
                and any(
                    c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.industrial_hazards
                    for c in head.children
                )
            )
        ):
            # "an earthquake struck ..., killing two", "a boiler exploded", "Hurricane Betsy
            # destroyed the church", "a gas explosion" (two-word hazards: not "a gas attack")
            return False
        if entry.key == "struck_force" and any(self._in_trigger(t, violent=True) for t in subjects):
            return False  # "jets struck militant positions": the jets' strike, one event
        objects = acted_on(head)
        lemmas = {o.lemma_.lower() for o in objects} | {o.lower_ for o in objects}
        if entry.event_type == "Explosions/Remote violence" and any(
            intercepted(t) for t in (*(t for t in trigger if t.pos_ == "NOUN"), *objects)
        ):
            return False  # "rockets fired from Gaza were intercepted": their use was disrupted
        if (
            entry.sub_type == "Disrupted weapons use"
            and head.pos_ == "NOUN"
            and head.dep_ == "pobj"
            and head.head.lower_ in PLACE_PREPS
        ):
            return False  # "explosions at an army ammunition depot": where, not what was seized
        if (
            entry.key == "heavy_weapons"
            and head.dep_ == "pobj"
            and head.head.lower_ == "by"
            and head.head.head.lemma_.lower() in SUPPORT_WORDS
        ):
            return False  # "troops backed by tanks regained the town": their gear
        # "Fighting over the town continued": a gerund subject without an object is the noun
        # ("the fighting"), which names the violence itself
        nominal = head.tag_ == "VBG" and head.dep_ in ("csubj", "csubjpass") and not objects
        if any(
            t.tag_ == "VBG" and t.dep_ == "csubj" and t.head.lemma_ in COPULAS and acted_on(t)
            for t in (head, *head.ancestors)
        ):
            return False  # "Killing civilians is a war crime": a statement, not an event
        if (
            actor1 is None
            and actor2 is None
            and phrase in self.needs_actor
            and not nominal
            and not (
                entry.event_type in VIOLENT_TYPES
                and _harmed_in(head)
                and not self._no_assailant(head)
            )
            # a crowd is named, though it is no party ("supporters of rival parties fought")
            and not (entry.event_type in VIOLENT_TYPES and self._communal(head, None, None))
            and not self._fierce_fight(entry, head)
        ):
            # Nobody named, yet no doubt who acts: weapons seized ("200 rifles were seized")
            # and people detained ("an activist was detained") are the authorities' doing.
            seized = (
                entry.sub_type == "Disrupted weapons use"
                and object_words(objects) & self.weapon_objects
            )
            # "an activist was detained", "Journalist detained in Cairo", "the arrest of the
            # opposition leader"
            taken = objects or (
                _harmed_subject(head)[1] if head.pos_ == "VERB" else of_objects(head)
            )
            detained = bool(taken) and (
                (entry.key == "arrests" and self._people(taken))
                # "seven aid workers were taken from their vehicle and their whereabouts
                # remain unknown": someone took them
                or (entry.key == "abduction" and self._people(taken) and self._vanished(head))
            )
            # "a boy was killed by army sniper fire": someone shot
            shot = head.pos_ == "VERB" and any(
                _gunfire(o) for a in _agents(head) for o in (a, *a.children)
            )
            if not (seized or detained or shot):
                return False
        if (
            phrase == "beat"
            and not any(o.lower_ == "death" for p in head.children for o in p.children)
            and not (actor1 is not None and actor1.inter in ARMED_INTER)
            and not self._mob_justice(entry, trigger, head, actor1)
        ):
            return False  # "the home side beat the champions": no beating by a party or a crowd
        if entry.key == "blockade_to_demand" and actor1 is not None and actor1.inter in ARMED_INTER:
            return False  # "militants blocked the highway demanding ...": no crowd's protest
        # "was named the new emir of the group": the leader of an armed group left unnamed
        group_leader = (
            entry.key == "leader_named"
            and actor1 is None
            and self._armed_groups_leader(leader_named(head))
        )
        armed_only = (
            # "nurses strike" is read as a protest (`entry_read`): no armed party needed
            (phrase in self.needs_armed_actor and entry.event_type != "Protests")
            or entry.role == "unopposed"
            or entry.key == "struck_force"
        )
        if (
            armed_only
            and not (
                actor1 is not None
                and actor1.inter in ARMED_INTER
                and not object_words(objects) & self.not_political_detainees
            )
            and not self._mob_justice(entry, trigger, head, actor1)
            and not group_leader
        ):
            # "rebels targeted an army post", "troops entered the town without resistance";
            # not "the sanctions target officials", "police targeted drug gangs", "pilgrims
            # entered the shrine"
            return False
        if entry.sub_type == "Agreement" and any(
            c.dep_ in ("amod", "compound") and c.lemma_.lower() in self.commercial
            for o in [head, *acted_on(head)]
            for c in o.children
        ):
            return False  # "signed a trade deal": business, not a conflict's agreement
        if entry.key == "agreement" and head.lemma_.lower() == "surrender" and self._lone(head):
            return False  # "the suspect later surrendered to police": no arms laid down
        if entry.key == "arrests" and any(
            t.lemma_.lower() in SENTENCING_BODIES for t in _subject(head)[0]
        ):
            return False  # "a court jailed the former minister": a sentence, not an arrest
        if entry.role == "weapon_object":
            # "an explosive vest"; "an aerial target was intercepted"
            aimed = self.unmanned_objects if phrase == "intercept" else set()
            return bool(object_words(objects) & (self.weapon_objects | aimed))
        if entry.role == "expel":
            # the expelled is an armed party, and the place they leave is named
            armed = actor2 is not None and actor2.inter not in (None, 7)
            return armed and any(self._territorial(o) for o in [*objects, *_places_left(head)])
        noun = first_conjunct(head)  # "IEDs, mortars and rockets were found": the first
        verb = first_conjunct(noun.head) if noun.dep_ in ("dobj", "nsubjpass", "conj") else None
        if noun.dep_ == "nsubj" and noun.head.dep_ == "ccomp" and noun in acted_on(noun.head.head):
            verb = noun.head.head  # a headline's "Army defuses IED planted ...": its object
        if verb is not None and entry.key != "weapons_found":
            # "grenades were found", "seized mortars": the weapon is the thing seized
            seized = verb.lemma_.lower() in self.seizure_verbs
            if seized and head.lemma_.lower() in self.weapon_objects:
                return False
        if entry.key == "looting" and phrase in ("burn", "destroy"):
            # "torched homes", "shops were burned"; not "suffering burns", "meteors burn"
            return bool(lemmas & self.property_objects)
        if entry.key == "transfer" and object_words(_told(head)) & self.civilian_nouns:
            # "urged residents to evacuate": who is told to go is the mover, and civilians
            # told to leave give up no ground ("ordered its troops to withdraw" is an event)
            return False
        if entry.key == "transfer" and objects:
            if phrase == "evacuate":
                # "evacuated thousands of people": a rescue, not ground given up
                return not self._people(objects)
            # "pulled out its troops", "handed over the town"; not "pulled the child out"
            # ("a swathe of territory was handed over": what the quantity is of)
            moved = [*objects, *of_objects_deep(objects, depth=1)]
            return bool(object_words(moved) & self.moved_objects) or any(
                self._territorial(o) for o in moved
            )
        if phrase in self.one_sided_killing and lemmas & self.executed_things:
            return False  # "executed the project": a plan carried out, not a killing
        victims = objects or _told(head)  # "ordered the pigs to be slaughtered"
        if (
            entry.key == "attack"
            and head.lemma_.lower() in KILLING_VERBS
            and victims
            and all({o.lemma_.lower(), o.lower_} & self.not_people for o in victims)
        ):
            return False  # killing animals: "shot two stray dogs", "pigs were slaughtered"
        if phrase == "demonstrate" and any(
            c.dep_ in ("dobj", "ccomp", "nsubjpass", "agent") for c in head.children
        ):
            return False  # "as demonstrated by", "demonstrated that": shown, not protested
        if phrase == "demonstration" and any(not self._people([o]) for o in of_objects(head)):
            return False  # "a demonstration of military power"
        if (entry.key == "suicide_bomb" and would_be(head)) or entry.key == "bomber_stopped":
            # "shot dead a would-be suicide bomber before he could detonate his vest" was
            # stopped (`bomber_stopped`); "two would-be bombers blew themselves up" was not
            blast = any(
                t.pos_ == "VERB" and t.lemma_.lower() in BLAST_VERBS and modality(t) == "asserted"
                for t in head.sent
            )
            if blast != (entry.key == "suicide_bomb"):
                return False
        if (
            entry.event_type in VIOLENT_TYPES
            and object_words(self._clause_subject(head)) & LEGISLATORS
            and not _harmed_in(head)
        ):
            return False  # "opposition MPs ambushed the government in the budget vote"
        if (
            entry.key == "abduction"
            and head.pos_ == "NOUN"
            and any(c.dep_ == "amod" and c.lower_ == "former" for c in head.children)
        ):
            return False  # "a former hostage launched his memoir": held before
        if phrase in SIEGE_WORDS and (
            head.tag_ == "VBN" or not (actor1 is not None and actor1.inter in ARMED_INTER)
        ):
            # "the besieged city", "since being besieged" (a siege told as a state, not a
            # fight); "forwards laid siege to the goal" (sport)
            return False
        if entry.key == "leader_named" and not (
            (actor1 is not None and actor1.inter in NON_STATE_ARMED) or group_leader
        ):
            return False  # "the president appointed a new army chief": no armed group changed
        if (
            entry.key == "base_established"
            and object_words(objects) & {"camp", "camps"}
            and not (actor1 is not None and actor1.inter in ARMED_INTER)
        ):
            return False  # "the UN set up a camp for the displaced": no base
        if phrase in PLACE_FALLS:
            # "the town fell to the rebels"; not "attacks fell to 2005 levels"; a name the
            # tagger does not know as a place ("Boni fell under the control of ...")
            return any(
                self._territorial(t)
                or (t.pos_ == "PROPN" and t.ent_type_ not in ("ORG", "PERSON", "NORP"))
                for t in self._clause_subject(head)
            )
        if (
            entry.role == "territory"
            and phrase.startswith("restore ")
            and any(self._territorial(o) for p in ("to", "in") for o in prep_objects(head, p))
        ):
            return True  # "restored security and stability to the district", "... in the town"
        if entry.role == "territory" and (held := _controlled(trigger)):
            # "took control of the town" or of a name the tagger misreads ("of Palmyra", an
            # armed party's "of Gudumbali" tagged an organisation), not "expanded its control
            # of the market" or "of Twitter"
            armed = actor1 is not None and actor1.inter in ARMED_INTER
            return any(
                self._territorial(o)
                or (
                    o.pos_ == "PROPN"
                    and (o.ent_type_ != "ORG" or (armed and o.i not in self.index.by_token))
                )
                for o in [*held, *of_objects_deep(held)]
            )
        if entry.role == "territory" and objects:
            # "seized parts of Raqqa", "took control of half of the district"
            if any(self._territorial(o) for o in [*objects, *of_objects_deep(objects)]):
                return True
            # a name the tagger misreads, taken from a party ("captures Bariire from al-Shabaab"),
            # not a person ("captured Ali from his home")
            from_party = any(
                o.i in self.index.by_token
                # (the parser may hang "from" on the place: "captured Marte from Boko Haram")
                for w in (head, *objects)
                for prep in w.children
                if prep.dep_ == "prep" and prep.lower_ == "from"
                for o in prep.children
            )
            # (or taken back: people are not "retaken", "retook Bouka")
            back = head.lemma_.lower() in TAKEN_BACK
            return (from_party or back) and any(
                o.pos_ == "PROPN"
                and (o.ent_type_ != "PERSON" or back)
                and o.i not in self.index.by_token
                for o in objects
            )
        if entry.key == "arrests" and phrase in SENTENCING_VERBS and _sentence_term(head):
            return False  # "jailed him for eight years": a court's sentence, not an arrest
        if entry.key in ("arrests", "abduction") and objects:
            if lemmas & self.not_people and not self._armed_cell(objects):
                return False
            if entry.key == "arrests" and object_words(objects) & self.not_political_detainees:
                return False
            if entry.key == "arrests" and (
                object_words(self._clause_subject(head)) & self.not_political_arresters
            ):
                return False  # "border guards detained 34 people": border control
            return self._people(objects)
        return True

    def _public_target(self, head: Token) -> bool:
        """What a crowd wrecked stands for the state, a party or a company ("the police
        station", "the governor's office", "the party headquarters"), not people's homes or
        goods; a wreck told without its object counts as public (riots wreck streets)."""
        objects = acted_on(head)
        # "set fire to the house", "set the house on fire": what the fire was set to
        set_to = [
            o
            for t in (head, *objects)
            for p in t.children
            if p.dep_ == "prep" and p.lower_ in ("to", "on")
            for o in p.children
            if o.dep_ == "pobj" and o.lemma_.lower() != "fire"
        ]
        objects = set_to or [o for o in objects if o.lemma_.lower() != "fire"]
        if not objects:
            return True
        words = {t.lemma_.lower() for o in objects for t in o.subtree}
        return bool(words & self.public_targets) or not words & self.private_property

    def _drill(self, sent: SpacySpan) -> bool:
        """The sentence tells military practice ("during joint drills"), read once per sentence."""
        if sent.start not in self._drills:
            self._drills[sent.start] = says(sent, self.exercise_cues)
        return self._drills[sent.start]

    def _vanishing(self, word: Token) -> bool:
        """A word that says people were not seen again ("missing", "whereabouts")."""
        return word.lemma_.lower() in self.vanishing_words or word.lower_ in self.vanishing_words

    def _pressed(self, head: Token) -> bool:
        """The people taken were taken to serve ("seized young men ... to be forced into
        service", "forcibly conscripted"): forced recruitment, which ACLED codes as an
        abduction whoever the taker."""
        return says(head.sent, self.pressing_cues)

    def _vanished(self, head: Token) -> bool:
        """The sentence says the people taken vanished ("has not been seen since agents seized
        him", "his whereabouts are unknown"): the state's taking is a forced disappearance
        (ACLED codebook), not an arrest. Not a reason or a description the taking hangs on
        ("detained ten over the disappearance of a girl", "arrested men suspected of kidnapping
        a missing businessman")."""
        told_with = {
            t.i
            for c in head.children
            if c.dep_ in ("prep", "dobj", "nsubjpass", "advcl", "acl")
            for t in c.subtree
        }
        # (but a relative clause there tells of the people: "detained the activist, whose
        # whereabouts remain unknown")
        told_with -= {
            t.i for i in list(told_with) if self.doc[i].dep_ == "relcl" for t in self.doc[i].subtree
        }
        return any(
            t.i not in told_with
            and self._vanishing(t)
            or (
                t.lemma_.lower() in ("see", "hear")
                and t.tag_ == "VBN"
                and any(c.dep_ == "neg" for c in t.children)
            )
            for t in head.sent
        )

    def _missing_after(self, head: Token) -> bool:
        """Civilians are told missing after the deed ("80 pupils were missing after gunmen
        raided the school", "dozens of villagers remain unaccounted for after the attack"),
        not soldiers after a fight."""
        told = head
        if head.dep_ == "pobj" and head.head.lower_ in ("after", "following"):
            told = head.head  # "after the attack"
        elif not (
            head.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in ("after", "when") for c in head.children)
        ):
            return False
        main = told.head
        if not any(
            self._vanishing(w)
            for w in (main, *(c for c in main.children if c.dep_ in ("acomp", "oprd", "prep")))
        ):
            return False
        people = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
        people += [o for p in people for o in of_objects(p)]  # "dozens of villagers"
        return not self._party_among(people) and any(self._civilian_word(p) for p in people)

    def _fierce_fight(self, entry: lexicon.TriggerEntry, head: Token) -> bool:
        """A fight told by its fierceness where a place is named ("fierce battles raged on the
        outskirts of Aleppo"): a battle, though its sides go unnamed."""
        if entry.key != "armed_clash" or head.pos_ != "NOUN":
            return False
        fought_over = [
            o
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("over", "for")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return (
            any(
                c.dep_ in ("amod", "compound") and c.lower_ in self.fight_intensity
                for c in head.children
            )
            # for ground, not for a budget or a title ("a fierce battle over the budget")
            and all(self._territorial(o) for o in fought_over)
            and bool(self._places_in(head.sent.start_char, head.sent.end_char))
        )

    def _police_matter(
        self,
        sent: SpacySpan,
        figures: list[Figure],
        actor1: Actor | None,
        actor2: Actor | None,
        entry: lexicon.TriggerEntry,
    ) -> bool:
        """The sentence tells ordinary crime and nothing political: no rebel, militia or
        protester among the parties, no political word, no rape by the state's forces and no
        killing by its soldiers (ACLED codes the state's violence on civilians whatever court
        takes the case up), and no drone shot down (what it carried across a border is no
        ordinary crime's). Ordinary crime is an offence such as theft or drugs named in the
        sentence, or a criminal case told through its charges and courts in an article with
        nothing political in it (a journalist charged with "resisting the authorities" is
        ACLED's business); mass arrests not for an ordinary offence stay events, and so does
        everything in a political story that names no ordinary offence."""
        downed = entry.sub_type == "Disrupted weapons use" and any(
            t.lemma_.lower() in self.unmanned_objects and intercepted(t) for t in sent
        )
        if downed or (
            _state(actor1)
            and (
                entry.sub_type == "Sexual violence"
                or (
                    entry.sub_type == "Attack"
                    and (actor1.acled_name or "").startswith("Military Forces")
                )
            )
        ):
            return False
        if any(
            a is not None
            and a.inter in POLITICAL_INTER
            # (a gang is armed, but its crimes are the police's unless told otherwise)
            and not _gang(a)
            for a in (actor1, actor2)
        ):
            return False
        if sent.start not in self._police_matters:
            mass = any(
                f.kind in ("arrested", "detained", "people")
                and (f.best or f.low or 0) >= self.mass_arrest
                for f in figures
            )
            told = self._crime_told(sent)
            self._police_matters[sent.start] = (
                (
                    told == "crime"
                    or (told == "court" and not mass and not self._political_article)
                    or self._crime_story
                )
                and not says(sent, self.political_cues, skip=_politics_denied(sent))
                and not self._political_party(sent)
            )
        return self._police_matters[sent.start]

    def _told_as_game(self, sent: SpacySpan) -> bool:
        """A word only games have, and two more words of sport: "fought back from two goals
        down to draw, the coach said" (no score told); not "shells killed a football team
        official"."""
        game = said(sent, self.game_words)
        return (
            bool(game)
            and len(game | said(sent, self.sports_words)) >= 3
            # "shells hit the stadium during a football match, killing two fans": harm done
            and not _harm_told(sent, HARM_VERBS | DEATH_VERBS | HARM_STATES | HOSPITALISED)
        )

    def _crime_told(self, sent: SpacySpan) -> str | None:
        """ "crime" when the sentence names an ordinary offence, "court" when it tells a
        criminal case by its charges and courts."""
        if says(sent, self.ordinary_crimes):
            return "crime"
        return "court" if says(sent, self.court_cues) else None

    def _political_party(self, tokens: SpacySpan) -> bool:
        """A party of politics or rebellion is named among the tokens, also one that is only
        supported or supplied ("a logistics supplier to Boko Haram" is no drug dealer)."""
        return any(
            found.actor.inter in POLITICAL_INTER and not found.is_source and not _gang(found.actor)
            for t in tokens
            if (found := self.index.by_token.get(t.i)) is not None
        )

    @cached_property
    def _crime_story(self) -> bool:
        """The whole article is a police-blotter story: two or more of its sentences tell
        ordinary crime or a criminal case, and nothing in it is political. Then its other
        arrests and assaults ("he was arrested without incident") are the same police matter."""
        told = sum(1 for s in self.doc.sents if self._crime_told(s))
        return told >= 2 and not self._political_article

    @cached_property
    def _political_article(self) -> bool:
        """Some word or party anywhere in the article is political."""
        whole = self.doc[:]
        return says(whole, self.political_cues) or self._political_party(whole)

    def _mob_justice(
        self, entry: lexicon.TriggerEntry, trigger: SpacySpan, head: Token, actor1: Actor | None
    ) -> bool:
        """A crowd punishing someone itself (ACLED: Mob violence), though no armed party is
        named and the sentence names the crime punished: "lynched a man accused of theft",
        "villagers stoned two suspected thieves"."""
        if phrase_of(trigger) in self.rough_justice:
            return True
        return entry.role == "generic_attack" and self._communal(head, actor1, None)

    def _teller(self, tok: Token) -> bool:
        """The party the token names is the subject of a verb of telling or hearing."""
        found = self.index.by_token[tok.i]
        root = self.doc[found.start : found.end].root
        while root.dep_ in ("compound", "amod", "poss") and root.head.i != root.i:
            root = root.head  # "the Columbus Police Department"
        return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in (
            REPORTING | HEARING
        )

    def _armed_cell(self, objects: list[Token]) -> bool:
        """The people taken are a party's cell ("arrested an IS cell", "a terrorist cell"), not
        a cell of the body."""
        return any(
            o.lemma_.lower() == "cell"
            and any(
                c.dep_ in MODIFIERS and (c.i in self.index.by_token or c.lemma_.lower() in CELLS)
                for c in o.children
            )
            for o in objects
        )

    def _protesting(self, head: Token) -> bool:
        """The deed's victims are told protesting: chanting or carrying their cause, or
        demanding or denouncing something ("worshippers chanting anti-government slogans")."""
        lists = gates()
        # "fired at worshippers chanting ..., killing four": the clause the deed hangs on
        deeds = [head, head.head] if head.dep_ == "advcl" else [head]
        victims = [v for d in deeds for v in self._victims(d)]
        if any(
            v.lemma_.lower() in GATHERED_PEOPLE
            and (
                any(c.dep_ == "amod" and c.lower_ in ("peaceful", "unarmed") for c in v.children)
                # a party's supporters ("PTI supporters", "supporters of the opposition")
                or (
                    v.lemma_.lower() == "supporter"
                    and self._political_party(self.doc[v.left_edge.i : v.right_edge.i + 1])
                )
            )
            for v in victims
        ):
            return True  # "opened fire on a peaceful crowd", "fired on unarmed PTI supporters"
        return any(
            t.lemma_.lower() in lists.protest_props
            # "residents banging pots to denounce the results"
            or (
                t.dep_ in ("acl", "relcl", "advcl", "xcomp") and t.lemma_.lower() in lists.demanding
            )
            # "fired on villagers peacefully blocking the road"
            or (t.dep_ in ("acl", "relcl") and done_peacefully(t))
            for v in victims
            for t in v.subtree
        )

    def _taker(self, trigger: SpacySpan) -> Actor | None:
        """Who a place fell to: the party after "to", or of "the control"/"the hands"."""
        words = [
            o for t in trigger if t.lemma_.lower() in ("control", "hand") for o in of_objects(t)
        ]
        words += prep_objects(trigger.root, "to")
        found = self.index.in_tokens([t for w in words for t in w.subtree], violent=True)
        return found[0] if found else None

    def _communal(self, head: Token, actor1: Actor | None, actor2: Actor | None) -> bool:
        """A clash between people who are no armed party: villagers, youths, supporters."""
        if any(a is not None and a.inter not in (5, 6, 7) for a in (actor1, actor2)):
            return False
        if (
            head.pos_ == "VERB"
            and _harmed_subject(head)[1]
            and not any(c.dep_ == "agent" for c in head.children)
        ):
            # "two farmers shot dead": the people suffered it (not "a man was beaten to death
            # by a crowd": the crowd did it)
            return False
        # "hundreds of angry residents", "rival groups of supporters": the people a quantity
        # or a group counts
        subjects = [
            o
            for t in self._clause_subject(head)
            for o in (
                of_objects(t)
                if t.lower_ in QUANTITY_NOUNS or t.lemma_.lower() in PEOPLE_GROUPS
                else [t]
            )
            or [t]
        ]
        # "Supporters of the ruling party and the BNP fought": the second party the parser
        # joined to "supporters" is still whose supporters they are
        subjects = [
            t
            for t in subjects
            if not (
                t.dep_ == "conj"
                and t.pos_ == "PROPN"
                and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.head.children)
            )
        ]
        if any(c.dep_ == "amod" and c.lower_ == "armed" for t in subjects for c in t.children):
            return False  # "armed youths raided a cattle camp": a militia, not a crowd
        if any(w.lemma_.lower() in FIREARMS for t in subjects for w in armed_with(t)):
            # "farmers armed with machetes and hunting rifles fought off raiders": a militia
            # (not "youths armed with clubs and machetes", a crowd)
            return False
        # "hundreds of men stormed the airport": people counted by the hundred are a crowd
        crowds = {
            o.i
            for t in self._clause_subject(head)
            if t.lower_ in CROWD_COUNTS
            for o in of_objects(t)
            if o.lemma_.lower() in ("man", "people", "person")
        }
        return bool(subjects) and all(
            t.i in crowds
            # (many of them: "his neighbour" who stabbed a man is no crowd)
            or (
                (t.lemma_.lower() in self.communal_nouns or t.lower_ in self.communal_nouns)
                and (t.tag_ in ("NNS", "NNPS") or t.lemma_.lower() in COLLECTIVES)
            )
            # "striking teachers pelted police with stones": people told protesting
            or any(c.dep_ == "amod" and c.lower_ in PROTESTING for c in t.children)
            # people of a faith or a people ("Hindus and Muslims", "Hindu and Muslim groups")
            # (plural, which the tagger may call a singular name: "Hindus")
            # (a name, not a noun the recogniser mislabels: "Raids target ...")
            or (t.ent_type_ == "NORP" and t.tag_ in ("NNP", "NNPS") and t.lower_.endswith("s"))
            or (
                t.lemma_.lower() in PEOPLE_GROUPS and any(c.ent_type_ == "NORP" for c in t.children)
            )
            # "a group of 30 men armed with bats and bottles": what a crowd picks up
            or _crudely_armed(t)
            # "angry depositors", "enraged relatives": people told in a crowd's mood
            or (
                t.pos_ == "NOUN"
                and t.tag_ == "NNS"
                and any(c.dep_ == "amod" and c.lemma_.lower() in CROWD_MOODS for c in t.children)
            )
            for t in subjects
        )

    def _territorial(self, tok: Token) -> bool:
        return (
            tok.ent_type_ in ("GPE", "LOC", "FAC")
            # with its modifiers: "the district centre"
            or bool(object_words([tok]) & self.territory_objects)
            or tok.idx in self._place_starts
        )

    @cached_property
    def _place_starts(self) -> set[int]:
        """Where the article's resolved places start ("Palmyra" tagged a person is a place)."""
        return {p.span.start for p in self.places if p.span is not None}

    @staticmethod
    def _clause_subject(head: Token) -> list[Token]:
        """The doer of a trigger's clause, or of the clause it hangs from ("X struck ..., killing
        two": X; "a volcano producing toxic gas": the volcano): the active subject or the
        passive's agent, with their conjuncts; a relative pronoun stands for its noun."""
        tok = head
        for _ in range(3):
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            # the passive's agent: "homes were destroyed by the waters"
            subjects += [
                g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
            ]
            if subjects:
                return [
                    tok.head if t.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl" else t
                    for s in subjects
                    for t in (s, *s.conjuncts)
                ]
            if (tok.dep_ == "acl" and tok.tag_ == "VBG") or _misread_participle(tok):
                return [tok.head]  # "a mud volcano giving off gas": the noun it describes
            if tok.dep_ not in ("advcl", "xcomp", "conj", "dobj") or tok.head.i == tok.i:
                break
            tok = tok.head
        return []

    def _lone(self, verb: Token) -> bool:
        """The verb's doer is one person named by a common noun and no party ("the suspect",
        "a man", "the gunman"), not "fighters", "26 Maoists" or "the group"."""
        doers = [t for t in _subject(verb)[0] if t.dep_ in ("nsubj", "nsubjpass", "pobj")]
        return bool(doers) and all(
            t.tag_ == "NN"
            and self.index.by_token.get(t.i) is None
            and (t.lemma_.lower() in LONE_DOERS or t.lemma_.lower() in self.civilian_nouns)
            for t in doers
        )

    def _people(self, objects: list[Token]) -> bool:
        """Some of the objects are people: a name, a pronoun, a word for people or a count of
        them ("detained 40 ..."), an actor, "dozens of Palestinians", or whoever is suspected
        ("a suspected logistics supplier")."""

        def person(o: Token) -> bool:
            return (
                o.ent_type_ in ("PERSON", "NORP", "ORG")
                or any(c.dep_ == "amod" and c.lower_ in SUSPECTED for c in o.children)
                or o.pos_ == "PRON"
                or o.lower_ in PERSONS
                or o.lemma_.lower() in PERSONS
                or o.lemma_.lower() in self.civilian_nouns
                # "the head of the village", "the chief of a militia"
                or o.lemma_.lower() in self.leader_titles
                or any(c.dep_ == "nummod" for c in o.children)
                or (o.like_num and o.head.pos_ != "NOUN")  # "more than 1000 abducted"
                or self.index.by_token.get(o.i) is not None
                # a title told with the name or trade beside it ("commentator Monia Ben Salem",
                # "lawyer and commentator ...")
                or any(
                    c.dep_ in ("appos", "compound", "nmod")
                    and (c.ent_type_ == "PERSON" or c.lemma_.lower() in self.civilian_nouns)
                    for c in o.children
                )
            )

        return any(person(o) or any(person(g) for g in of_objects(o)) for o in objects)

    def _from_the_air(self, sent: SpacySpan, actor1: Actor | None) -> bool:
        """A bombing is an air strike when state or external forces bomb (armies and coalitions
        bomb from aircraft; armed groups plant bombs) or when its sentence names a craft or the
        air ("barrel bombs dropped by helicopters", "an aerial bombing")."""
        if actor1 is not None and actor1.inter in (1, 8):
            return True
        return any(t.lemma_.lower() in self.air_words or t.lower_ in self.air_words for t in sent)

    @staticmethod
    def _victims(head: Token) -> list[Token]:
        """Whom a deed of violence struck: its objects and targets, the passive subject of the
        trigger or of its verb, or what the verb a noun trigger hangs on acts on."""
        victims = list(_objects(head))
        for tok in (head, head.head):
            victims.extend(t for c in tok.children if c.dep_ == "nsubjpass" for t in _phrase(c))
        if head.dep_ == "pobj" and head.head.head.i != head.i:
            victims.extend(_objects(head.head.head))
        if (
            head.dep_ == "acl"
            and head.tag_ == "VBN"
            # (not the noun's deed the parser misread: "militiamen hacked to death eleven
            # villagers"; nor one aimed at others: "miscreants fired from hilltops at farmers")
            and not _misread_participle(head)
            and not aimed_at(head)
        ):
            victims.extend(_bare(head.head))  # "the journalist kidnapped in Mali"
        if (
            head.dep_ == "advcl"
            and head.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
        ):
            # "Gunned down outside his home, the activist became the fourth ...": a fronted
            # participle's victim is the subject of its clause
            victims.extend(c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
        if head.dep_ == "amod" and head.tag_ == "VBN":
            victims.append(head.head)  # "gunned down radio journalist X", read as a modifier
        if head.dep_ == "pcomp" and any(c.dep_ == "auxpass" for c in head.children):
            # "a journalist died hours after being shot": the subject of the clause suffered it
            victims.extend(c for c in head.head.head.children if c.dep_ == "nsubj")
        if head.pos_ == "VERB":
            victims.extend(_harmed_subject(head)[1])  # a headline's "Journalist kidnapped"
        if head.dep_ == "conj" and any(t.lower_ == "them" for t in victims):
            # "robbed traders on the highway and killed two of them": the first verb's people
            victims.extend(_objects(head.head))
        return victims

    def _civilians_struck(self, head: Token) -> Actor | None:
        """The civilians a deed of violence against civilians struck, named by a word for
        people ("killed two Chinese nationals", "abducted a teacher"): ACLED's Actor 2."""
        victims = self._victims(head)
        if self._party_among(victims):
            return None  # "an attack on soldiers and civilians": the armed party is named
        nouns = [t for t in victims if t.pos_ in ("NOUN", "PROPN") and self._civilian_word(t)]
        return civilians_actor(nouns[0], self.article.id) if nouns else None

    def _party_among(self, tokens: list[Token]) -> bool:
        """A party that is not civilians is named among the tokens."""
        return any(
            (found := self.index.by_token.get(t.i)) is not None
            and found.actor.inter not in (None, 7)
            for t in tokens
        )

    @staticmethod
    def _hors_de_combat(victims: list[Token]) -> bool:
        """The deed's victims had surrendered or been captured and could no longer fight
        (ACLED codebook: their killing is violence against civilians): "shot dead three soldiers
        who had surrendered"."""
        return any(
            c.dep_ in ("relcl", "acl", "amod") and c.lemma_.lower() in HORS_DE_COMBAT
            for t in victims
            for c in t.children
        )

    def _armed_groups_leader(self, objects: list[Token]) -> bool:
        """A leader's title that is a non-state armed party's, named or told as "the group's"
        (not "a new army chief")."""
        return any(
            any(
                a.inter in NON_STATE_ARMED
                for a in self.index.in_tokens(list(o.subtree), violent=True)
            )
            or {t.lemma_.lower() for t in o.subtree} & {"group", "movement", "militia"}
            for o in objects
            if {o.lemma_.lower()} & self.leader_titles
        )

    def _party_beside(self, head: Token) -> bool:
        """The sentence names one member of a force other than the deed's doers, whom "he" or
        "she" may stand for ("the soldier was on patrol when he was shot")."""
        doers = {t.i for t in (*_subject(head)[0], *self._clause_subject(head)) for t in t.subtree}
        return any(
            t.i not in doers and t.tag_ == "NN" and t.lemma_.lower() in FORCE_MEMBERS
            for t in head.sent
        )

    def _names_gear(self, tok: Token) -> bool:
        """The word modifies a noun of gear or trade, not an event ("riot police", "missile
        tests"): the noun it hangs on, or the word right after it where the parser hung it
        elsewhere (a headline's "riot police scatter vigil")."""
        if tok.dep_ not in MODIFIERS:
            return False
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return tok.head.lemma_.lower() in self.not_event_heads or (
            # (a noun: not "some smashed store windows")
            tok.pos_ == "NOUN"
            and after is not None
            and after.lemma_.lower() in self.not_event_heads
        )

    def _civilian_word(self, tok: Token) -> bool:
        """A word for civilians, alone or with its modifier ("a barangay captain")."""
        return bool(object_words([tok]) & self.civilian_nouns)

    def _civilians_struck_directly(self, victims: list[Token]) -> bool:
        """The deed's object or passive subject is a word for civilians ("shot dead two Kurdish
        porters", "a reporter was shot dead at an RSF checkpoint"), whatever party a word
        beside it or the place names."""
        return any(
            t.dep_ in ("dobj", "nsubjpass")
            # (not "rebels killed nine people in a raid on a barracks": people of either side)
            and t.lemma_.lower() not in ANYONE
            and t.ent_type_ not in ("GPE", "LOC", "FAC")  # (not "Sheikh Meskin", a town)
            and (
                self._civilian_word(t)
                # "radio presenter Joseph Mbala": a name told with a civilian's trade
                or any(
                    c.dep_ in ("compound", "appos") and self._civilian_word(c) for c in t.children
                )
            )
            and not self._party_among([t])
            for t in victims
        )

    def _hits_civilians(self, head: Token, people_only: bool = False) -> bool:
        """The attack's victims are people who are not an armed party: "gunmen shot a farmer",
        "two journalists were killed", "an attack on worshippers", "X was stabbed" (a person);
        with `people_only`, named by a word for civilians (not a place, not a name)."""
        victims = self._victims(head)
        if self._hors_de_combat(victims):
            return True
        if self._civilians_struck_directly(victims):
            return True
        if self._party_among(victims):
            return False
        return any(
            self._civilian_word(t)
            # "a 19-year-old Palestinian": a person of a people, told with an age, is a
            # civilian (not "a 20-year-old soldier")
            or (_aged(t) and t.ent_type_ == "NORP")
            # "a member of the opposition CNL party": a party's people are civilians (ACLED)
            or (
                t.lemma_.lower() in ("member", "supporter")
                and bool({w.lemma_.lower() for w in t.subtree} & {"party", "opposition"})
            )
            # "he was shot dead outside his home": one person, not a force
            or (not people_only and t.lower_ in ONE_PERSON and not self._party_beside(head))
            or (
                not people_only
                and (
                    (t.lemma_.lower() in self.civilian_places and _struck(t, head))
                    or t.ent_type_ == "PERSON"
                    # "a wedding convoy", "a civilian convoy", "a passenger bus"
                    or any(
                        c.dep_ in ("compound", "amod")
                        and (c.lemma_.lower() in self.civilian_places or self._civilian_word(c))
                        for c in t.children
                    )
                )
            )
            for t in victims
        )

    def _places_in(self, start: int, end: int) -> tuple[Place, ...]:
        """The article's places between two character offsets that can be where an event
        happened."""
        return tuple(
            p
            for p in self.places
            if p.span is not None and start <= p.span.start < end and self._event_place(p)
        )

    def _event_place(self, place: Place) -> bool:
        """A place can be where an event happened unless it is a demonym ("Iraqi border"), part
        of an actor's name ("US-led coalition"), a backer ("US-backed factions") or the
        dateline (where the reporter files from)."""
        assert place.span is not None
        span = self.doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
        if span is None:
            return False
        if any(t.i in self.index.by_token for t in span):
            return False
        if any(t.ent_type_ == "NORP" for t in span) and _nationality_word(span.text):
            return False  # "Iraqi border"; not a city the tagger took for a people ("Aleppo")
        if _origin_of_people(span.root):
            return False
        after = self.doc[span.end : span.end + 2]
        if len(after) == 2 and after[0].text == "-" and after[1].lower_ in BACKING | {"led"}:
            return False  # "US-backed factions", "Saudi-led strikes": who backs or leads it
        return not (
            self.dateline is not None and self.dateline[0] <= place.span.start < self.dateline[1]
        )

    def _roles(
        self,
        head: Token,
        pred: Token,
        speaker: Speaker,
        excluded: set[int],
        violent: bool,
        mutual: bool = False,
        joint: bool = False,
    ) -> tuple[Actor | None, Actor | None, list[Actor]]:
        """(actor1, actor2, associated actors) of a mention. `mutual`: a clash, whose parties
        each suffer it ("fighters and regime soldiers were killed in clashes"); `joint`: a
        deed two parties do together, whose subject names both ("the army and the rebels signed
        a truce")."""
        idx = self.index

        def actors(tokens: list[Token]) -> list[Actor]:
            kept = [t for t in tokens if t.i not in excluded]
            found = idx.in_tokens(kept, violent=violent)
            if not found:
                found = self._pronoun_actor(kept, speaker)
            return found

        doers: list[Actor] = []
        patients: list[Actor] = []
        assoc: list[Actor] = []
        # "twelve were killed, including four soldiers": the soldiers are among the victims
        counted = _counted_among(head)
        if head.pos_ in ("NOUN", "PROPN"):
            doers = actors(_modifiers(head))
            patients = actors(_objects(head))
            if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":
                patients = patients or actors(_objects(head.head))
            elif _backs(head):
                # "Y, backed by X air strikes": Y is the supported party, X's partner in it.
                subj, passive = _subject(head.head.head)
                assoc.extend(actors(passive or subj))
            elif not doers and head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
                doers = actors(_modifiers(head.head))  # "coalition air strikes and artillery fire"
            if len(doers) != 1:
                # none, or several that a "between" hung on a modifier names ("clashes ongoing
                # between X and Y")
                sides, others = self._between_parties(head, actors, patients)
                if sides or not doers:
                    doers, patients = sides, others
            if (
                pred.i != head.i
                and not (head.dep_ == "pobj" and head.head.lower_ == "by")
                # not who reacts to it ("the army condemned the shelling")
                and not (violent and reacted_to(head))
            ):
                # "troops were engaged in fighting", "X launched an offensive": the predicate's
                # subject, active or passive, is the doer of a noun trigger.
                subj, passive = _harmed_subject(pred)
                harmed = pred.lemma_.lower() in (HARM_VERBS if not subj else DEATH_VERBS)
                if harmed and not (subj or passive) and pred.dep_ == "acl":
                    passive = _phrase(pred.head)  # "two soldiers killed in a bomb attack"
                subjects = actors(subj or passive)
                if undergone(head):
                    # "a convoy came under attack", "the town was under fire": the subject
                    # suffered it
                    patients = patients or subjects
                    counted = counted or (subj or passive)
                elif subjects and (harmed or not subj and all(a.inter == 7 for a in subjects)):
                    # "15 civilians were killed in the bombardment", "two soldiers were wounded
                    # in a rebel attack", "troops died in the ambush": the victims, not the
                    # doers.
                    if mutual and patients and not doers:
                        # "soldiers were killed in clashes with rebels": the other side
                        doers = patients
                        patients = subjects
                    patients = patients or subjects
                    counted = counted or (subj or passive)
                elif not doers and any(t.i == head.i for t in subj):
                    words, claim = _doer_words(head, subj)
                    doers = actors(words) or actors(claim)
                elif not doers:
                    doers = subjects
                if not doers:
                    patients = patients or actors(_objects(pred))
        else:
            subj, passive = _harmed_subject(head)
            noun = next((t for t in subj if t.dep_ == "nsubj" and t.head.i == head.i), None)
            if noun is not None and noun.pos_ == "NOUN" and self._in_trigger(noun):
                words, claim = _doer_words(noun, subj)
                doers = actors(words) or actors(claim)
            else:
                doers = actors(subj)
            if not doers and passive and head.lemma_.lower() in HARM_VERBS:
                # "a farmer was killed when gunmen sprayed his truck with bullets": the doers of
                # the clause that tells how
                doers = [
                    a
                    for c in head.children
                    if c.dep_ == "advcl"
                    and any(
                        m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as")
                        for m in c.children
                    )
                    for a in actors([t for n in c.children if n.dep_ == "nsubj" for t in n.subtree])
                ]
            patients = actors(_objects(head)) or actors(passive)
            own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
            if head.dep_ == "acl" and head.tag_ == "VBN" and not own_subject:
                # "11 members of the regime forces killed in ...", "fighters killed by
                # troops": a participle after a noun is passive, the noun its patient
                patients = patients or actors(_phrase(head.head))
                counted = counted or _counted_among(head.head)
            patients = patients or actors(counted)
            if not patients and head.dep_ in ("advcl", "conj", "xcomp"):
                patients = actors(_objects(head.head))
            patients = patients or actors(_losses_of(head))
            subjectless_root = head.dep_ == "ROOT" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "aux") for c in head.children
            )  # a headline's gerund the parser makes the root ("Fighting between X and Y ...")
            if not doers and head.tag_ == "VBG" and (head.dep_ in GERUND_NOUNS or subjectless_root):
                # a gerund without a subject of its own is the noun: "Shelling by the army
                # killed two", "Fighting continued between X and Y", "an exchange of shelling
                # between X and Y"
                doers = actors(_modifiers(head))
                if not doers:
                    doers, patients = self._between_parties(head, actors, patients)
            elif not doers and not patients:
                # "gunfire was exchanged between X and Y": a passive phrase names no doer
                doers, patients = self._between_parties(head, actors, patients)
        # "X, supported by / backed by Y": associated actors of the doer.
        for tok in [head, pred, *[c for c in pred.children]]:
            for c in tok.children:
                if c.lemma_.lower() in SUPPORT_WORDS or (
                    c.dep_ == "prep" and c.lower_ in ("alongside", "with")
                ):
                    assoc.extend(a for a in actors(list(c.subtree)) if a not in doers)
        subj_tokens, _ = _subject(pred) if pred.pos_ in ("VERB", "AUX") else ([], [])
        for tok in subj_tokens:
            for c in tok.children:
                if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in SUPPORT_WORDS:
                    assoc.extend(a for a in actors(list(c.subtree)) if a not in doers)
                if c.dep_ == "conj":
                    assoc.extend(a for a in actors(list(c.subtree)) if a not in doers)
        subject = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        if (mutual or joint) and not patients and doers and subject is not None:
            # "police and protesters clashed": the parties a clash's subject joins are its sides
            # (not who backs them: "soldiers backed by militiamen clashed"), as are those of an
            # agreement ("X and Y agreed a truce")
            joined = [a for c in subject.conjuncts for a in actors(_phrase(c))]
            patients = [a for a in joined if a != doers[0]][:1]
            doers = [d for d in doers if d not in patients]
        if len(doers) > 1:
            assoc = doers[1:] + assoc
        actor1 = doers[0] if doers else None
        actor2 = next((p for p in patients if not _same_party(p, actor1)), None)
        if actor2 is None and violent:
            # whose post or hardware the deed struck ("destroyed an army checkpoint", "shelled
            # rebel positions")
            objects = _objects(head)
            owners = [t for t in objects if self._owner(t)]
            # whose ground it struck or reached ("a town controlled by X", "advanced towards
            # the gates of a village held by X")
            after = {
                prep.lower_: [o for o in prep.children if o.dep_ == "pobj"]
                for prep in head.children
                if prep.dep_ == "prep"
            }
            # whose posts it reached or struck ("advanced in positions of IS", "an attack on
            # army posts"); who holds the place it happened in only where it struck no
            # civilians ("killed two farmers in a village held by IS": the farmers)
            owners += [
                w
                for p in REACHED_PREPS + STRUCK_PREPS
                for o in after.get(p, ())
                for t in o.subtree
                if self._owner(t)
                for w in t.subtree
            ]
            reached = [o for p in REACHED_PREPS for o in after.get(p, ())]
            if not self._hits_civilians(head):
                # "shelling on IS-held areas": where no one else is named as struck, the
                # holders of the place struck
                reached += [o for p in STRUCK_PREPS for o in after.get(p, ())]
            ground = [*objects, *reached]
            # "shelled rebel-held areas", "advanced into IS-controlled villages"
            owners += [t for o in ground for t in o.subtree if self.index.holds_place(t)]
            owners += [t for o in [*ground, *of_objects_deep(ground)] for t in _holders(o)]
            owned = [
                a for a in actors(owners) if a.inter not in (5, 6, 7) and not _same_party(a, actor1)
            ]
            # whose losses the sentence tells ("heavy losses in the police after a raid",
            # "casualties in the ranks of the army"), or at whose expense ground was won,
            # wherever the parser hangs it ("continued its operation and advanced at the
            # expense of the rebels")
            losers = _losers(head.sent) + _bare_all(
                [o for tok in head.sent if tok.lemma_.lower() == "expense" for o in of_objects(tok)]
            )
            bereft = [a for a in actors(losers) if not _same_party(a, actor1)]
            # whom the deed holds back or drives off ("fought to stop the army from reaching the
            # town", "seized the town, forcing the army to retreat")
            opposed = [
                a
                for a in actors([o for v in (head, pred) for o in _held_back(v)])
                if a.inter not in (5, 6, 7) and not _same_party(a, actor1)
            ]
            actor2 = next(iter(owned + bereft + opposed), None)
        assoc = [
            a
            for a in dict.fromkeys(assoc)
            if not _same_party(a, actor1) and not _same_party(a, actor2)
        ]
        # one side per actor, however often it is named ("the Islamic State ... IS")
        sides: list[Actor] = []
        for p in patients:
            if p.inter not in (6, 7) and not any(_same_party(p, side) for side in sides):
                sides.append(p)
        if not mutual:
            # "soldiers and fighters loyal to them": allies are one side
            sides = [side for side in sides if not self._ally(side)]
        # the dead of two armed parties, no one said to have killed them and no violence told
        # but a fight ("20 members of the army and the Islamic State were killed"): they fought
        both_dead = (
            violent
            and head.lemma_.lower() in ("kill", "die")
            and all(side.inter in ARMED_INTER for side in sides)
            and not self._violence_besides(head, "armed_clash")
        )
        if violent and (head.lemma_.lower() in LOSS_NOUNS or (mutual and len(sides) < 2)):
            # the losses of two armed parties ("casualties in the ranks of the army and IS"),
            # and a fight's sides where the sentence names them only by their losses ("the
            # fighting left 60 dead among the army and the rebels")
            for lost in actors(_losers(head.sent)):
                if (
                    lost.inter in ARMED_INTER
                    and not self._ally(lost)
                    and not any(_same_party(lost, side) for side in sides)
                ):
                    sides.append(lost)
            both_dead = not mutual
        if actor1 is None and (mutual or both_dead) and len(sides) > 1:
            # the dead are listed side by side, allies first ("soldiers and allied militiamen,
            # and 30 IS fighters")
            actor1, actor2 = sides[0], sides[1] if mutual else sides[-1]
        if (
            actor1 is None
            and not (violent and reacted_to(head))
            # a crowd that does it is named, though it is no party ("youths burned a bus and
            # threw stones at soldiers": not the soldiers)
            and not (head.pos_ == "VERB" and self._communal(head, None, None))
        ):
            # Fall back to a party named in the sentence outside the speaker's words (never a
            # crowd of civilians: they are the target of violence, not its doer), but not for a
            # deed the sentence reacts to ("the army condemned the shelling", "police detained
            # three men for the bombing": who reacts did not do it).
            victims = {t.i for t in counted} | _sufferers(head.sent)
            # nor what a device or an attack that is its clause's subject struck ("an IED
            # exploded under a police vehicle"): that is its target (a clash has sides, not
            # targets)
            struck = [] if mutual else self._hit_by_trigger(head)
            if struck:
                victims |= {t.i for t in struck}
                hit = [a for a in actors(struck) if a.inter not in (5, 6)]
                actor2 = actor2 or (hit[0] if hit else None)
            # not who holds the place it happened in ("in an IS-held village"), nor who owns
            # a building or a post ("set fire to a police station": the police are its target)
            owners = [t for t in _phrase(head.sent.root) if violent and self._owner(t)]
            if owners and actor2 is None:
                owned = [a for a in actors(owners) if a.inter not in (5, 6, 7)]
                actor2 = owned[0] if owned else None
            victims |= {t.i for t in owners}
            scope = _phrase(head.sent.root)
            own = head
            while own.dep_ not in ("ROOT", "ccomp", "parataxis") and own.head.i != own.i:
                own = own.head
            if own not in scope:
                # the deed's clause under a report ("..., M23 rebels and soldiers fought ...,
                # local sources said"), whose parties the parser may hang anywhere in it: the
                # parties it names, not a country named for its places ("Sudan's Darfur"), nor
                # who tells or hears of it ("police received reports of a shooting")
                scope += [t for t in _phrase(own) if t.i in idx.by_token and not self._teller(t)]
            if head.dep_ == "acl" and head.head.i == head.sent.root.i:
                # a headline's participle ("Eight soldiers killed during the advance of the
                # rebels"): the sentence is the participle's clause
                scope += _phrase(head)
            named = [t for t in scope if t.i not in victims and not idx.holds_place(t)]
            rest = [
                a for a in actors(named) if not _same_party(a, actor2) and a.inter not in (6, 7)
            ]
            actor1 = rest[0] if rest else None
        return actor1, actor2, assoc

    def _combat_losses(self, head: Token, actor2: Actor | None) -> bool:
        """Losses an armed party suffered, told with no other violence in the sentence ("heavy
        losses in the ranks of the army near the dam"): a fight it was in."""
        losers = actor2 is not None and actor2.inter in ARMED_INTER
        return losers and head.pos_ == "NOUN" and not self._violence_besides(head, "combat_losses")

    def _violence_besides(self, head: Token, spared: str) -> bool:
        """The trigger's sentence tells violence by another word, not of the `spared` entry."""
        return any(
            t.label_ != spared and t.root.lemma_ != head.lemma_ and self._violent(t.label_)
            for t in self.doc.spans[TRIGGERS_KEY]
            if head.sent.start <= t.start < head.sent.end
        )

    def _ally(self, actor: Actor) -> bool:
        """The party is named as another's ally ("fighters loyal to them", "allied
        militias")."""
        tok = self._token(actor.span) if actor.span is not None else None
        if tok is None:
            return False
        near = [*tok.children, *tok.ancestors]
        if tok.i + 1 < len(tok.doc):
            # the word after it, wherever the parser hangs it ("X and fighters loyal to them")
            near.append(tok.doc[tok.i + 1])
        return any(t.lemma_.lower() in ALLY_WORDS for t in near)

    def _owner(self, tok: Token) -> bool:
        """The word names whose building or ground its noun is ("police station", "army
        post"), not a force or a deed ("army troops", "a police raid")."""
        place = tok.head
        # "an army post"; as an adjective, a possessive or after "of" only a force's post or
        # hardware ("rebel positions", "the army's tanks", "positions of the army"; not "Syria's
        # largest city")
        if tok.dep_ == "pobj" and place.lower_ == "of":
            place = place.head
        owning = tok.dep_ == "compound" or (
            tok.dep_ in ("amod", "poss", "pobj") and place.lemma_.lower() in self.military_targets
        )
        return (
            owning
            and place.i != tok.i
            and place.pos_ == "NOUN"  # not a name's last word ("the Nusra Front")
            and place.i not in self.index.by_token
            and place.lemma_.lower() in self.owned_places
            and not self._in_trigger(place, violent=True)
        )

    def _hit_by_trigger(self, head: Token) -> list[Token]:
        """What the trigger noun, or the trigger noun that is its sentence's subject, struck
        ("an IED exploded under a police vehicle, wounding three officers": the police are hit
        for the IED and for the wounding alike)."""
        root = head.sent.root
        subject = None
        if head.pos_ == "VERB" and root.i in (head.i, head.head.i):
            # a verb of the same clause ("exploded ..., wounding three officers")
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        for noun in (head, subject):
            if (
                noun is not None
                and self._in_trigger(noun, violent=True)
                and (struck := _what_it_hit(noun))
            ):
                # not another happening told beside it and its parties ("... as fighting
                # between the army and the rebels went on", "amid counterattacks between X
                # and Y")
                beside = {
                    t.i
                    for other in struck
                    if other.pos_ == "NOUN" and self._in_trigger(other)
                    for t in other.subtree
                }
                return [t for t in struck if t.i not in beside]
        return []

    def _in_trigger(self, tok: Token, violent: bool = False) -> bool:
        """The word is part of a trigger; with `violent`, of a trigger of violence (a bomb, an
        attack; not a cease-fire)."""
        return any(
            t.start <= tok.i < t.end and (not violent or self._violent(t.label_))
            for t in self.doc.spans[TRIGGERS_KEY]
        )

    def _violent(self, key: str) -> bool:
        """The trigger entry names violence (a bomb, an attack, ground taken; not a cease-fire)."""
        return self.triggers[key].event_type in VIOLENT_TYPES

    def _fought(self, sent: SpacySpan) -> bool:
        """The sentence tells violence other than ground taken ("after heavy fighting")."""
        return any(
            sent.start <= t.start < sent.end
            and self._violent(t.label_)
            and self.triggers[t.label_].role not in TERRITORY_ROLES
            # (not a word of violence that names a thing: "a deserted rocket-launching site")
            and not _names_a_thing(t)
            for t in self.doc.spans[TRIGGERS_KEY]
        )

    @staticmethod
    def _between_parties(
        head: Token, actors: Callable[[list[Token]], list[Actor]], patients: list[Actor]
    ) -> tuple[list[Actor], list[Actor]]:
        """(doers, patients) of "clashes between the army and the rebels": the first party,
        then the others; no doers when the trigger has no "between" of two."""
        between = _between(head)
        if len(between) == 1 and _rivals(between[0][0]):
            # "fighting between rival factions of the SPLA-IO": the group fights itself
            return actors(between[0]), patients
        if len(between) < 2:
            return [], patients
        return actors(between[0]), [a for part in between[1:] for a in actors(part)] or patients

    def _pronoun_actor(self, tokens: list[Token], speaker: Speaker) -> list[Actor]:
        """ "his fighters", "their forces", "they": the speaker's side, else the last doer."""
        if not tokens:
            return []
        words = [t.lower_ for t in tokens]
        possessive = any(t.dep_ == "poss" and t.pos_ == "PRON" for t in tokens)
        if possessive and any(w in FORCE_NOUNS for w in words):
            if speaker.affiliation is not None:
                return [speaker.affiliation]
            if self.state.speaker.affiliation is not None:
                return [self.state.speaker.affiliation]
        if len(tokens) == 1 and words[0] in ("they", "it"):
            # "X were engaged in fighting as they advanced", "the PKK announced that it was
            # dissolving itself, its news agency reported": the subject of a clause it is told
            # in first, the nearest
            for clause in (*tokens[0].ancestors, tokens[0].sent.root):
                subject = [
                    t
                    for c in clause.children
                    if c.dep_ in ("nsubj", "nsubjpass")
                    for t in c.subtree
                ]
                if subject and tokens[0] not in subject:
                    found = self.index.in_tokens(subject, violent=True)
                    if found:
                        return found[:1]
            if self.state.last_actor1 is not None:
                return [speaker.affiliation or self.state.last_actor1]
            start = tokens[0].sent.start
            if words[0] == "they" and start > 0:
                # "The attackers arrived on motorcycles. They went from house to house,
                # shooting ...": the armed party of the sentence before
                before = list(self.doc[start - 1].sent)
                found = [
                    a for a in self.index.in_tokens(before, violent=True) if a.inter in ARMED_INTER
                ]
                if found:
                    return found[:1]
        return []

    def _when(self, head: Token, dates: list[ResolvedDate]) -> tuple[When | None, bool, bool]:
        """(when, inherited from the narrative, a summary): a deed told over a stretch longer
        than `SUMMARY_DAYS` ("air strikes have killed 1,000 civilians over the past decade",
        "since 2014") is a tally of many, not one event."""
        own = nearest_date(head, dates)
        verb = _predicate(head)
        if own is not None:
            # a date of its own may be the stretch it is tallied over ("between 2017 and 2022",
            # "900 people were killed or wounded in 2023"), or a named year's that the deed's
            # clause describes a place by ("Ghazni, captured by the Taliban in 2018, was ...")
            named_year = own.span is not None and re.search(r"\b(19|20)\d\d\b", own.span.text)
            described = bool(named_year) and _describing_participle(head)
            return (
                own,
                False,
                told_over_years(head, verb) or (described and dated_in_words(head, verb, own)),
            )
        # "clashes have continued since Friday": the stretch the deed itself spans
        period = period_of(head, verb, dates)
        if period is not None:
            return replace(period), False, (period.end - period.start).days > SUMMARY_DAYS
        summary = told_over_years(head, verb)  # a report with no date of its own
        published: date | None = self.article.published
        if published is None and told_long_ago(head, verb):
            # "two years ago", "last month": no date to resolve them against, but long past
            return None, False, True
        if self.state.when is not None:
            return replace(self.state.when), True, summary
        if published is None:
            return None, True, summary
        return When(published, published, "week", None), True, summary

    # -- merging ------------------------------------------------------------------------------
    def _merge_in_sentence(self, mentions: list[Mention]) -> list[Mention]:
        """Triggers of one happening in one sentence ("fighting ... the battle") make one mention;
        the battle family (clash, attack, territory) merges, the strongest sub-type wins."""
        # What the people acted on are said to do or to have done is why they were, not a
        # happening of this sentence: "detained people who organise demonstrations", "arrested
        # for organising a protest", "struck groups it accused of a chlorine attack". (A deed
        # given as the reason with "for" stays, as background: "detained three men for the
        # bombing"; see `reacted_to`.)
        arrests = [m for m in mentions if m.trigger_key == "arrests"]
        reasons = [
            m
            for m in mentions
            if any(a is not m and self._reason_for(m, a, why=False) for a in mentions)
            or (m.type in PROTEST_TYPES and any(self._reason_for(m, a) for a in arrests))
        ]
        out: list[Mention] = []
        for m in (m for m in mentions if m not in reasons):
            key = "battle" if m.trigger_key in BATTLE_KEYS else m.sub_type
            same = next(
                (
                    o
                    for o in out
                    if ("battle" if o.trigger_key in BATTLE_KEYS else o.sub_type) == key
                    and o.when == m.when
                    # a past deed told to describe a place is not the news beside it
                    and o.background == m.background
                ),
                None,
            )
            if same is None:
                out.append(m)
                continue
            main = self._governs(m, same) or self._taken_in_fight(m, same)
            out[out.index(same)] = merge_mentions(same, m, main)
        return self._absorb(
            self._killed_when_held(
                self._left_to(self._damage_with_harm(self._fire_in_fight(self._support_fire(out))))
            )
        )

    def _killed_when_held(self, mentions: list[Mention]) -> list[Mention]:
        """People rounded up and killed in one telling ("troops rounded up young men and shot
        eight of them dead") are an Attack (ACLED codes the killing, as for people abducted and
        killed); the arrest joins it."""
        out = list(mentions)
        for held in [m for m in mentions if m.trigger_key == "arrests"]:
            taken = self._token(held.trigger)
            if taken is None or not any(
                c.dep_ == "conj" and c.lemma_.lower() in KILLING_VERBS for c in taken.children
            ):
                continue
            killing = next(
                (
                    k
                    for k in out
                    if k.sub_type == "Attack"
                    and k.modality == held.modality
                    and k.background == held.background
                ),
                None,
            )
            if killing is not None:
                out[out.index(killing)] = combine_mentions(killing, held)
                out.remove(held)
        return out

    def _support_fire(self, mentions: list[Mention]) -> list[Mention]:
        """Air strikes or shelling that back a party's fight or advance told in the same
        sentence ("troops backed by helicopter gunships retook the village") are an event of
        their own (ACLED codes each), but not one the backed party fired."""
        deed = next(
            (m for m in mentions if m.trigger_key in BATTLE_KEYS and m.modality == "asserted"),
            None,
        )
        if deed is None or deed.actor1 is None:
            return mentions

        def backing(m: Mention) -> bool:
            # "backed by jets and mortar fire": the first of the list hangs on "by"
            tok = self._token(m.trigger)
            return (
                m.type == "Explosions/Remote violence"
                and tok is not None
                and _backs(first_conjunct(tok))
            )

        return [
            replace(m, actor1=None)
            if backing(m) and m.actor1 is not None and _same_party(m.actor1, deed.actor1)
            else m
            for m in mentions
            # "backed by air support": the support names no strike of its own
            if not (
                backing(m)
                and m.trigger.text.lower() in SUPPORT_NAMES
                and not any(f.kind in HARMED_KINDS for f in m.figures)
            )
        ]

    @staticmethod
    def _fire_in_fight(mentions: list[Mention]) -> list[Mention]:
        """Shelling or air strikes by no party but a fight's, told beside the fight whose two
        sides are named and with no toll of their own ("shelling accompanies clashes between X
        and Y"), are the fight's weapons: one Armed clash (ACLED codes the fighting, not each
        weapon in it)."""
        fight = next(
            (
                m
                for m in mentions
                if m.trigger_key == "armed_clash"  # a fight told, not a killing read as one
                and m.sub_type == "Armed clash"
                and m.actor1 is not None
                and m.actor2 is not None
                and m.modality == "asserted"
            ),
            None,
        )
        if fight is None:
            return mentions
        sides = (fight.actor1, fight.actor2)
        fire = [
            m
            for m in mentions
            if m.sub_type in ("Shelling/artillery/missile attack", "Air/drone strike")
            # no party but the fight's ("the army shelled the hills amid clashes with IS")
            and all(
                a is None or any(_same_party(a, side) for side in sides)
                for a in (m.actor1, m.actor2)
            )
            and not m.figures  # a toll of its own makes it an event of its own
            and m.when == fight.when
        ]
        if not fire:
            return mentions
        merged = fight
        for m in fire:
            merged = combine_mentions(merged, m)
        return [merged if m is fight else m for m in mentions if m not in fire]

    def _damage_with_harm(self, mentions: list[Mention]) -> list[Mention]:
        """Property destroyed beside people attacked by the same hand in one sentence ("set
        fire to a school and killed two teachers") is one attack: ACLED codes looting or
        destruction as its own event only where no other violence took place."""
        harm = next(
            (m for m in mentions if m.trigger_key == "attack" and m.modality == "asserted"), None
        )
        if harm is None or harm.actor1 is None:
            return mentions
        head = self._token(harm.trigger)

        def same_hand(m: Mention) -> bool:
            # (or a verb joined to the harm's with no subject of its own: "raided cattle camps
            # and drove away 3,000 head of cattle")
            if m.actor1 is None:
                tok = self._token(m.trigger)
                return (
                    tok is not None and head is not None and tok.dep_ == "conj" and tok.head == head
                )
            return _same_party(m.actor1, harm.actor1)

        damage = [
            m
            for m in mentions
            if m.sub_type == "Looting/property destruction"
            and m.modality == "asserted"
            # by the same hand ("... torched a police station after a man was shot by an
            # officer" tells two deeds)
            and same_hand(m)
        ]
        if (
            damage
            and head is not None
            and head.lemma_.lower() in SEARCH_RAIDS
            and not any(f.kind in HARMED_KINDS for m in mentions for f in m.figures)
            # nor a word of harm anywhere in the sentence ("stormed the village, killing five";
            # not "no casualties were reported")
            and not _harm_told(head.sent, HARM_WORDS - PROPERTY_HARM)
        ):
            # "stormed the hospital, carting away medicines": a raid that harmed no one is the
            # looting it was for
            keep, rest = damage[0], [harm, *damage[1:]]
        else:
            keep, rest = harm, damage
        merged = keep
        for m in rest:
            merged = combine_mentions(merged, m)
        return [merged if m is keep else m for m in mentions if m not in rest]

    def _left_to(self, mentions: list[Mention]) -> list[Mention]:
        """Ground taken after its holders left, told with the leaving ("took the town after
        the troops withdrew"), is one handover: who left is its Actor 2."""
        out = list(mentions)
        for taking in [m for m in mentions if m.trigger_key in TERRITORY_ROLES]:
            if taking.sub_type != HANDOVER:
                continue
            head = self._token(taking.trigger)
            for left in [m for m in out if m.trigger_key == "transfer"]:
                token = self._token(left.trigger)
                if head is None or token is None or not _holds(head, token):
                    continue
                out.remove(left)
                who_left = replace(left, actor1=None, actor2=left.actor1)
                i = out.index(taking)
                out[i] = taking = combine_mentions(taking, who_left)
        return out

    def _governs(self, a: Mention, b: Mention) -> Mention | None:
        """Of ground taken and fighting told as one happening, the one whose clause holds the
        other's, if either: "recaptured the town after a two-day battle" is ground taken,
        "clashes broke out as the army advanced" a clash. Joined verbs ("attacked ... and
        seized") hold none."""
        if a.trigger_key not in BATTLE_KEYS or b.trigger_key not in BATTLE_KEYS:
            return None
        if (a.trigger_key in TERRITORY_ROLES) == (b.trigger_key in TERRITORY_ROLES):
            return None  # two words of fighting: the stronger one's sides (BATTLE_RANK)
        ta, tb = self._token(a.trigger), self._token(b.trigger)
        if ta is None or tb is None:
            return None
        if _holds(ta, tb):
            return a
        return b if _holds(tb, ta) else None

    def _taken_in_fight(self, a: Mention, b: Mention) -> Mention | None:
        """Of ground taken and fighting told side by side, the ground taken (ACLED codebook: a
        fight in which ground changes hands is coded as the taking: "overran the base and
        killed 20 soldiers"); not an advance, no ground taken yet ("clashes erupted as the army
        advanced")."""
        taken = [
            m
            for m in (a, b)
            if m.sub_type in TERRITORY_KINDS
            and (
                words := self.doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
            )
            is not None
            and phrase_of(words) not in ADVANCING
        ]
        other = b if taken and taken[0] is a else a
        if len(taken) != 1 or other.sub_type in TERRITORY_KINDS | {HANDOVER}:
            return None
        return taken[0]

    def _absorb(self, mentions: list[Mention]) -> list[Mention]:
        """A generic word of violence beside a specific one in the same sentence is the same
        happening told twice: "killed by a roadside bomb", "a grenade attack", "raped and killed"
        make one mention of the specific sub-type; a clash, killing, arrest or burning beside a
        protest is what happened at the protest, and decides the protest's sub-type."""
        # "launched a campaign of raids and arrests, arresting 18": the campaign is told by what
        # it did, which is the news
        launches = [
            m for m in mentions if m.trigger_key == "change_activity" and m.modality == "asserted"
        ]
        done = [
            m
            for m in mentions
            if m.trigger_key != "change_activity" and m.modality == "asserted" and not m.background
        ]
        if launches and done:
            merged = done[0]
            for launch in launches:
                merged = combine_mentions(merged, launch)
            mentions = [merged if m is done[0] else m for m in mentions if m not in launches]
        if len(mentions) < 2:
            return [
                self._protest_kind(m, [])
                if m.type in PROTEST_TYPES
                else (
                    retype(m, "Suicide bomb")
                    if m.sub_type == "Remote explosive/landmine/IED" and self._bomber_died(m)
                    else m
                )
                for m in mentions
            ]
        # "arrested ten members ahead of the rallies": what happened before or after a protest
        # did not happen at it
        # nor did what happened beside a protest still to come ("arrested the MP hours before
        # he was due to address a rally")
        protests = [
            m
            for m in mentions
            if m.type in PROTEST_TYPES
            and not self._told_apart(m)
            and m.modality != "forecast"
            and not m.background  # "students beaten during last month's protests returned ..."
        ]
        specific = sorted(
            (
                m
                for m in mentions
                if m.type == "Explosions/Remote violence" or m.sub_type in SPECIFIC_VAC
            ),
            # ACLED codebook: a chemical weapon is coded as such however it is delivered, and a
            # suicide bombing before the device it used; "went off" says only that a device did;
            # a woman abducted and raped suffered sexual violence
            key=lambda m: (
                SPECIFIC_RANK.get(m.sub_type, 9),
                m.sub_type != "Sexual violence",
                m.trigger_key == "device_went_off",
            ),
        )
        # a bomb or a grenade by no state's hand that struck a protest ("a grenade was thrown
        # into a crowd at an opposition rally") is the event; the rally is where it struck
        blast = next(
            (
                m
                for m in specific
                if m.type == "Explosions/Remote violence"
                # (by no force that polices the crowd: not troops' stun grenades)
                and (m.actor1 is None or m.actor1.inter in (2, 3, 4))
                and m.modality == "asserted"
                and not m.background
                # (not the crowd's own: "miners detonated dynamite and threw stones")
                and not self._crowds_deed(m, protests)
            ),
            None,
        )
        if protests and blast is not None:
            protests, specific = [], [blast, *(m for m in specific if m is not blast)]
        if protests:
            keep, absorbed = (
                protests[0],
                [
                    m
                    for m in mentions
                    if m is not protests[0]
                    and (
                        m.trigger_key in AT_PROTESTS
                        or m.type in PROTEST_TYPES
                        or self._crowds_deed(m, protests)
                    )
                    # not what came before it ("following the arrest of their leader last week,
                    # supporters marched"); a past protest merges into it
                    and (not m.background or m.type in PROTEST_TYPES)
                ],
            )
        elif specific:
            keep = specific[0]
            absorbed = [
                m
                for m in mentions
                # a past deed is not the news beside it ("residents who fled the bombardment in
                # May heard gunfire as rebels attacked the garrison")
                if m.background == keep.background
                and (
                    (
                        m.trigger_key in ("attack", "device_went_off", "foes_neutralised")
                        and m is not keep
                        # not what a relative clause tells of someone else ("blamed Boko Haram,
                        # which has killed thousands since 2009")
                        and not self._describes_other(m, keep)
                    )
                    # "struck an army post with mortars": the strike is the weapon's
                    or (
                        m.trigger_key == "struck_force"
                        and m is not keep
                        and (told := self._token(m.trigger)) is not None
                        and (weapon := self._token(keep.trigger)) is not None
                        and weapon in told.subtree
                    )
                    # "a strike ... destroying the depot": what a weapon destroyed is its damage
                    or (
                        m.trigger_key == "looting"
                        # (or set on fire by no one else: "a depot was set ablaze after being
                        # struck by drones")
                        and (m.trigger.text.lower().startswith("destr") or m.actor1 is None)
                    )
                    # "rounded up women and raped them": the people taken are the specific
                    # violence's victims
                    or (
                        m.trigger_key == "arrests"
                        and keep.sub_type in SPECIFIC_VAC
                        and m.actor1 is not None
                        and m.actor1.inter not in (1,)
                        and m.actor1 == keep.actor1
                    )
                    # a chemical weapon or a suicide bombing is coded as such however it was
                    # delivered ("a raid from the air with chlorine", "a suicide car bomb")
                    or (keep.sub_type in SPECIFIC_RANK and m is not keep and m in specific)
                    # "abducted and gang-raped by armed men": one deed of sexual violence
                    or (
                        keep.sub_type == "Sexual violence"
                        and m.sub_type == "Abduction/forced disappearance"
                        and m.actor1 == keep.actor1
                    )
                    or (keep is blast and m.type in PROTEST_TYPES)
                )
            ]
        else:
            return mentions
        merged = keep
        for m in absorbed:
            merged = combine_mentions(merged, m)
        if protests:
            merged = self._protest_kind(merged, absorbed)
        elif merged.sub_type == "Remote explosive/landmine/IED" and self._bomber_died(merged):
            merged = retype(merged, "Suicide bomb")
        elif merged.sub_type == "Abduction/forced disappearance" and any(
            a.trigger_key == "attack"
            and a.modality == "asserted"
            and (
                # a verb of killing ("shot" harms without saying so)
                (
                    (tok := self._token(a.trigger)) is not None
                    and tok.lemma_ in KILLING_VERBS - {"shoot"}
                )
                or any(f.kind == "killed" for f in a.figures)
            )
            for a in absorbed
        ):
            # "abducted and killed a politician": with people killed ACLED codes the attack (as
            # the classifier's arbitration does)
            merged = retype(merged, "Attack")
        out = [merged if m is keep else m for m in mentions if m not in absorbed]
        return out

    def _crowds_deed(self, m: Mention, protests: list[Mention]) -> bool:
        """The blast's verb is joined to a protest's ("detonated dynamite and threw stones at
        police"): the crowd did both."""
        if m.type != "Explosions/Remote violence" or (tok := self._token(m.trigger)) is None:
            return False
        verb = tok if tok.pos_ == "VERB" else tok.head
        joined = {verb.i, *(c.i for c in verb.conjuncts)}
        return any(
            (told := self._token(p.trigger)) is not None and told.i in joined for p in protests
        )

    def _told_in_other_clause(self, figure: Figure, head: Token) -> bool:
        """The figure is in a relative clause the trigger is outside of ("blamed the group,
        which has killed thousands since 2009": not the toll of the kidnapping)."""
        root = self._figure_root(figure)
        if root is None:
            return False
        clause = self._about_a_party(root)
        return clause is not None and head not in clause.subtree

    def _toll_of_past_deed(self, figure: Figure, head: Token) -> bool:
        """The figure is told by a deed counted from or started from before the news, which is
        not this trigger's ("three weeks after a car bomb killed 12 people, soldiers and rebels
        exchanged fire": the 12 are not the clash's)."""
        root = self._figure_root(figure)
        if root is None:
            return False
        verb = _verb_of(root)
        if (
            verb.pos_ != "VERB"
            or verb.i == head.i
            or (head.pos_ != "VERB" and verb.i == _predicate(head).i)
        ):
            return False  # the trigger's own toll ("a car bomb killed 12")
        return spans_after(verb) or named_as_start(verb) or self._fronted_prior(verb)

    def _fronted_prior(self, tok: Token) -> bool:
        """The word is in an opening that tells what the sentence's news came days after or
        answered ("Two days after a car bomb killed ten, troops and militants exchanged fire",
        "In retaliation for Tuesday's rocket barrage, jets struck ..."), and the rest of the
        sentence tells an event of its own. (Alone, "two days after a raid" may be the news
        of the days: see `spans_after`.)"""
        sent = tok.sent
        if sent.start not in self._openings:
            self._openings[sent.start] = prior_opening(sent)
        opening = self._openings[sent.start]
        return (
            opening is not None
            and opening.start <= tok.i < opening.end
            and any(
                opening.end <= t.start and t.end <= tok.sent.end
                for t in self.doc.spans[TRIGGERS_KEY]
            )
        )

    def _describes_other(self, m: Mention, keep: Mention) -> bool:
        """The mention's word is in a relative clause on a party, not on `keep`'s words or its
        doers."""
        tok = self._token(m.trigger)
        if tok is None:
            return False
        clause = self._about_a_party(tok)
        if clause is None or keep.trigger.start <= clause.head.idx < keep.trigger.end:
            return False
        # (not a clause on `keep`'s own doers: "fighters who stormed a camp assaulted girls")
        kept = self._token(keep.trigger)
        return kept is None or clause.head.i not in {t.i for t in _subject(kept)[0]}

    def _about_a_party(self, tok: Token) -> Token | None:
        """The relative clause the word stands in when it tells of a party ("the ADF, which has
        killed thousands"), not of a deed ("raids that left 25 dead")."""
        clause = _relative_clause(tok)
        return clause if clause is not None and clause.head.i in self.index.by_token else None

    def _told_apart(self, m: Mention) -> bool:
        """The mention is named as the time of something else ("ahead of the rallies", "after
        the protest")."""
        tok = self._token(m.trigger)
        if tok is None or tok.dep_ != "pobj":
            return False
        return bool({tok.head.lower_, tok.head.head.lower_} & TIME_PREPS)

    def _bomber_died(self, m: Mention) -> bool:
        """Those who set off the blast killed themselves ("detonated explosives, killing
        themselves", "killing himself and five soldiers") or drove the bomb into its target
        ("drove an explosives-laden truck into the gate"): a suicide bombing."""
        sent = self.doc.char_span(m.sentence.start, m.sentence.end, alignment_mode="expand")
        if sent is None:
            return False
        if any(
            t.lemma_.lower() == "kill"
            and any(
                o.lower_ in REFLEXIVES
                for c in t.children
                if c.dep_ == "dobj"
                for o in (c, *c.conjuncts)
            )
            for t in sent
        ):
            return True
        if any(
            # (the tagger may call the participle an adjective: "strapped")
            {t.lemma_.lower(), t.lower_} & WORN_ON
            and any(w.lower_ in BODY_PARTS for w in t.subtree if w.i > t.i)
            for t in sent
        ):
            return True  # "detonated the explosives strapped to his body": worn by the bomber
        return any(
            t.lemma_.lower() in RAMMING_VERBS
            # (the parser may hang "into" on the vehicle's participle: "a car packed with
            # explosives into the gate")
            and any(c.dep_ == "prep" and c.lower_ in ("into", "through") for c in t.subtree)
            and (
                any(
                    w.lower_ in BOMB_WORDS
                    for c in t.children
                    if c.dep_ in ("dobj", "nsubj")
                    for w in c.subtree
                )
                # "an explosives-laden car driven by an attacker rammed into ...", parsed with
                # "rammed" a clause on the attacker: the vehicle above it
                or any(
                    w.lower_ in BOMB_WORDS
                    for a in t.ancestors
                    if a.pos_ == "NOUN"
                    for c in a.children
                    if c.dep_ in ("amod", "compound")
                    for w in c.subtree
                )
            )
            for t in sent
        )

    def _no_assailant(self, noun: Token) -> bool:
        """ "a heart attack", "a shark attack": no one's violence."""
        return any(
            c.dep_ in MODIFIERS and c.lemma_.lower() in self.not_assailants for c in noun.children
        )

    def _someones_doing(self, m: Mention) -> bool:
        """An air strike, shelling, a suicide bombing or a bombing that harmed people ("the
        death toll from the bombing rose to 31"): a perpetrator's act even where the text names
        none, unlike an explosion. Without a toll the word is as often something else ("shelled
        pistachios", "a think-tank"), and the classifier may silence it."""
        if m.trigger_key in ("people_snatched", "mass_grave"):
            # people bundled away, a mass grave found: someone took them, someone buried them
            return True
        entry = self.triggers.get(m.trigger_key)
        words = m.trigger.text.lower()
        kind = (
            m.sub_type in SOMEONES_DOING
            or (entry is not None and entry.role == "bombing")
            # a weapon by its name, whoever laid it ("his tractor hit an anti-tank mine")
            or any(w in words for w in LAID_WEAPONS)
        )
        return kind and any(f.kind in HARMED_KINDS for f in m.figures)

    @staticmethod
    def _fought_at(m: Mention) -> bool:
        """Fighting at a place the gazetteer knows ("sporadic clashes near Homs"): a fight
        has sides even where none is named, unlike an explosion."""
        return m.trigger_key == "armed_clash" and bool(m.places)

    def _weapon_did(self, m: Mention) -> bool:
        """A weapon does it ("a bomb killed two") or is it and went off ("a car bomb went off
        outside a hotel"): someone set it."""
        head = self._token(m.trigger)
        if head is None:
            return False
        devices = gates().objects["device_objects"]
        device = head.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in devices
        # (or a craft: "a helicopter dropped a chlorine cylinder")
        return device or any(
            t.lemma_.lower() in self.weapon_objects | self.air_words
            for t in self._clause_subject(head)
        )

    def _token(self, span: Span) -> Token | None:
        found = self.doc.char_span(span.start, span.end, alignment_mode="expand")
        return found.root if found is not None else None

    def _reason_for(self, told: Mention, act: Mention, why: bool = True) -> bool:
        """`told` hangs below `act`'s trigger through a description of the people it acts on
        ("detained people who protest", "held men accused of joining the riots", "air strikes
        on groups accused of an attack") or, with `why`, a reason ("arrested for organising a
        protest")."""
        tok, top = self._token(told.trigger), self._token(act.trigger)
        if tok is None or top is None:
            return False
        if tok.tag_ == "VBG" and tok.dep_ in ("relcl", "acl"):
            return False  # "detained students (who were) protesting outside": at the protest
        # what it acts on: a verb's objects, a noun's targets, also those of the verb that
        # launches the noun ("launched air strikes on groups ...")
        objects = {o.i for o in acted_on(top)} | {t.i for t in _objects(top)}
        tops = {top.i}
        if top.pos_ == "NOUN" and top.dep_ == "dobj":
            tops.add(top.head.i)
        through = False
        while tok.i not in tops and tok.head.i != tok.i:
            parent = tok.head
            # a clause describing the people acted on ("who protest", "accused of rioting"),
            # or a reason given for the act
            described = tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ == "VBN")
            if (
                described
                and parent.i in objects
                and act.trigger_key == "arrests"
                and _gathered_before(tok, protest=told.type == "Protests")
            ):
                return False  # "arrested 30 lawyers who had gathered to protest": at it
            reason = why and tok.dep_ == "prep" and tok.lower_ in REASON_PREPS and parent.i == top.i
            # "arrested eleven members, accusing them of inciting unrest": the charge
            reason |= (
                tok.dep_ == "advcl" and tok.lemma_.lower() in ALLEGING_VERBS and parent.i == top.i
            )
            through |= (described and parent.i in objects) or reason
            tok = parent
        return tok.i in tops and through

    def _protest_kind(self, m: Mention, absorbed: Sequence[Mention]) -> Mention:
        """ACLED's protest sub-types from what else the sentence says: demonstrators' violence
        makes a riot; lethal force against them is excessive force; dispersal is intervention."""
        sent = self.doc.char_span(m.sentence.start, m.sentence.end, alignment_mode="expand")
        if sent is None or m.sub_type == "Mob violence":
            return m
        sub = self._kind_told(sent, absorbed)
        if sub and m.trigger_key in CROWD_DEEDS:
            # a crowd's own violence stays a riot whatever else is told ("a mob attacked a
            # police van and freed a suspect who had been arrested")
            sub = min(sub, m.sub_type, key=lambda x: PROTEST_SEVERITY.get(x, 9))
        return _as_protest_kind(m, sub) if sub else m

    def _kind_told(self, sent: SpacySpan, absorbed: Sequence[Mention] = ()) -> str | None:
        """The protest sub-type a sentence tells, from its cue words and from who attacks whom
        in the mentions it absorbed; None when it tells none."""
        # "riot police", "riot gear" tell who came, not that the crowd rioted
        gear = {t.i for t in sent if self._names_gear(t)}
        # "a violent crackdown", "violent dispersal": the authorities' violence, not the crowd's
        gear |= {
            t.i
            for t in sent
            if t.dep_ == "amod" and t.head.lemma_.lower() in self.protest_cues["intervention"]
        }
        # what armed parties did is no violence of the crowd ("security forces stormed the
        # protest camp", "soldiers burned the tents")
        gear |= self._deeds_of_armed(sent)
        # "a non-violent demonstration" says the opposite of "violent"
        gear |= {
            t.i
            for t in sent
            if t.i >= 2 and self.doc[t.i - 1].text == "-" and self.doc[t.i - 2].lower_ == "non"
        }
        # what the crowd protests about did not happen at the protest ("to decry the arrests
        # and violence", "against police brutality")
        grievance = {
            t.i
            for w in sent
            if w.lemma_.lower() in GRIEVANCE_WORDS
            or (w.lower_ == "for" and w.head.lemma_.lower() in APPEALS)  # "call for an end to"
            for c in w.children
            # "demanding justice for a student killed in a clash"
            if c.dep_ in ("dobj", "pobj") or (c.dep_ == "prep" and c.lower_ == "for")
            for t in c.subtree
        }
        # ... and the people it is held for ("a vigil for demonstrators detained last week";
        # not "rallied for a second day")
        grievance |= {
            t.i
            for w in sent
            if w.lower_ == "for" and w.head.lemma_.lower() in HELD_FOR
            for c in w.children
            if c.dep_ == "pobj" and self._people([c])
            for t in c.subtree
        }
        # ... and what it calls on others to do ("calling on the government to arrest those
        # responsible")
        grievance |= {
            t.i
            for w in sent
            if w.lemma_.lower() in APPEALS | {"urge", "ask", "press", "demand"}
            for c in w.children
            if c.dep_ in ("xcomp", "ccomp")
            for t in _own_clause(c)
        }

        # "supporters of the detained leader": a participle that describes someone tells no
        # intervention at the protest, unless it describes the protesters ("tear-gassed
        # demonstrators")
        described = {
            t.i
            for t in sent
            if t.dep_ == "amod"
            and t.tag_ == "VBN"
            and t.head.lemma_.lower() not in self.protester_nouns | self.communal_nouns
        }

        # what people did "peacefully" is no violence of theirs ("villagers peacefully
        # blocking the road")
        gear |= {t.i for w in sent if done_peacefully(w) for t in w.subtree}
        # "marchers carrying flaming torches": a torch carried, no torching
        gear |= {t.i for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() == "torch"}
        # "tried to break through barricades": the police's barricades, not the crowd's
        gear |= {
            t.i
            for t in sent
            if t.lemma_.lower() == "barricade"
            and (
                (t.dep_ == "pobj" and t.head.lower_ in ("through", "past"))
                or (t.dep_ == "dobj" and t.head.lemma_.lower() in ("cross", "jump", "remove"))
            )
        }

        # a crowd that went home by itself ("before dispersing peacefully"): no one broke it up
        went_home = {
            t.i
            for t in sent
            if t.lemma_.lower() == "disperse"
            and t.pos_ == "VERB"
            and not any(c.dep_ in ("dobj", "auxpass", "agent") for c in t.children)
        }

        # what did not happen or is still to come ("they must never be beaten again"), or
        # is named as past ("a ban imposed after last year's riots", "following the arrest of
        # their leader, supporters marched")
        unreal = {t.i for t in sent if t.pos_ == "VERB" and modality(t) != "asserted"}
        # "police reported no arrests"
        unreal |= {
            t.i for t in sent if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)
        }
        unreal |= {
            t.i
            for t in sent
            if self._named_by_year(t) or fronted_before(t) or self._fronted_prior(t)
        }

        def said(key: str) -> bool:
            skip = (grievance | gear if key == "violence" else grievance) | unreal
            if key == "intervention":
                skip = skip | described | went_home
            return says(sent, self.protest_cues[key], skip)

        # what armed parties did there ("soldiers burned the tents") is no crowd's deed
        # nor what the crowd calls for ("calling on the government to arrest those responsible")
        # nor what the crowd protests about ("demanding justice for a student killed in a
        # clash")
        keys = {
            a.trigger_key
            for a in absorbed
            if (a.actor1 is None or a.actor1.inter not in ARMED_INTER)
            and a.modality != "forecast"
            and not a.background
            and not ((tok := self._token(a.trigger)) is not None and tok.i in grievance)
        }
        # who attacked whom: the authorities the crowd, or the crowd the police
        # (not beatings: "beating participants with batons" is crowd control, read by the cues)
        attacks = [
            a
            for a in absorbed
            if a.trigger_key == "attack"
            and not a.background
            and not a.trigger.text.lower().startswith("beat")
        ]
        by_crowd = any(
            (a.actor1 is not None and a.actor1.inter in (5, 6))
            # the state's forces struck, not by themselves ("stormed the camp outside the
            # army headquarters")
            or (_state(a.actor2) and not _state(a.actor1))
            for a in attacks
        )
        by_authorities = any(a.actor1 is not None and a.actor1.inter == 1 for a in attacks) or (
            not by_crowd and any(a.actor1 is None for a in attacks) and said("force_by_authorities")
        )

        def befell_protesters(verbs: Iterable[str], roles: tuple[str, ...]) -> bool:
            """A verb of `verbs` whose `roles` dependent is a protester."""
            return any(
                t.lemma_.lower() in verbs
                and any(
                    c.dep_ in roles and c.lemma_.lower() in self.protester_nouns for c in t.children
                )
                for t in sent
                if t.i not in grievance
            )

        # force on a protester's person ("police beat a demonstrator"), not on a crowd
        struck = befell_protesters(self.protest_cues["force_on_protesters"], ("dobj", "nsubjpass"))
        # protesters who died or were killed ("two protesters died after police beat them")
        killed = befell_protesters(DEATH_VERBS | {"kill"}, ("nsubj", "nsubjpass"))
        # ACLED codebook: demonstrators who use violence make a Violent demonstration whatever
        # force is used against them; lethal force on a crowd that did not is Excessive force
        if said("violence") or by_crowd or keys & {"armed_clash", "looting"}:
            return "Violent demonstration"
        if said("lethal") or by_authorities or struck or killed:
            return "Excessive force against protesters"
        if said("intervention") or "arrests" in keys:
            return "Protest with intervention"
        return None

    def _deeds_of_armed(self, sent: SpacySpan) -> set[int]:
        """The verbs of the sentence whose subject is an armed party, also through verbs joined
        to them ("soldiers burned tents and beat protesters") and participles on them."""
        out: set[int] = set()
        for verb in sent:
            first = first_conjunct(verb)
            subjects = [c for c in first.children if c.dep_ == "nsubj"]
            if (
                not subjects
                and first.dep_ in ("advcl", "xcomp")
                and first.tag_ == "VBG"
                # (a fight is both sides' deed: "police beat back the crowd, battling youths")
                and first.lemma_.lower() not in MUTUAL_VERBS
            ):
                # "gunmen opened fire, killing two and burning their tents": the participle's
                # doers are its clause's
                subjects = [c for c in first_conjunct(first.head).children if c.dep_ == "nsubj"]
            if verb.pos_ == "VERB" and any(
                (party := self._party_of(c)) is not None and party.inter in ARMED_INTER
                for c in subjects
            ):
                out.add(verb.i)
        return out

    def _party_of(self, noun: Token) -> Actor | None:
        """The party a subject noun names: its own actor ("security forces"), or the one whose
        uniform it wears ("men in the uniforms of the Rapid Support Forces"); not one it only
        supports ("PKK supporters")."""
        if noun.i in self.index.by_token:
            return self.index.by_token[noun.i].actor
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "in"):
            for worn in (o for o in prep.children if o.lemma_.lower() == "uniform"):
                for owner in of_objects(worn):
                    if owner.i in self.index.by_token:
                        return self.index.by_token[owner.i].actor
        return None

    def _protest_told_around(
        self, mentions: list[Mention], sents: list[SpacySpan]
    ) -> list[Mention]:
        """A protest is often told over several sentences: "Thousands marched on Monday. Some
        threw bottles at the police." A sentence beside a protest's that tells no event of its
        own says what happened at it; the protest takes the most serious kind told."""
        told_in: dict[int, list[Mention]] = {}
        for m in mentions:
            told_in.setdefault(m.sentence.start, []).append(m)
        out = []
        made_at: list[Mention] = []  # arrests told as the protest's ending
        for m in mentions:
            if m.type not in PROTEST_TYPES or m.sub_type == "Mob violence":
                out.append(m)
                continue
            k = next((i for i, s in enumerate(sents) if s.start_char == m.sentence.start), None)
            kinds = [m.sub_type]
            for j in (k - 1, k + 1) if k is not None else ():
                if not 0 <= j < len(sents):
                    continue
                beside = told_in.get(sents[j].start_char, [])
                if not beside:
                    kinds.append(self._kind_told(sents[j]) or m.sub_type)
                elif all(
                    b.type in PROTEST_TYPES
                    and b.sub_type != "Mob violence"
                    and b.modality == "asserted"
                    and not b.background
                    # not a protest in another town ("In Marseille, protesters ..."), unless
                    # the sentence names the crowd again ("police later broke up the gathering
                    # and took 15 marchers to the Shahbagh police station")
                    and (not self._elsewhere(m, b) or self._crowd_named_again(sents[j]))
                    for b in beside
                ):
                    # the same protest told on: "police used water cannon against farmers.
                    # Thousands had driven tractors into the capital to protest ..."
                    kinds.extend(b.sub_type for b in beside)
                elif j == k + 1 and all(self._arrests_of_a_crowd(b) for b in beside):
                    # "Protesters gathered despite a ban. Police moved in and detained about
                    # 40 people.": the protest's intervention (ACLED codebook), one event
                    kinds.append("Protest with intervention")
                    made_at.extend(beside)
                    for b in beside:
                        m = combine_mentions(m, b)
            sub = min(kinds, key=lambda x: PROTEST_SEVERITY.get(x, 9))
            out.append(_as_protest_kind(m, sub) if sub != m.sub_type else m)
        return [m for m in out if m not in made_at]

    def _crowd_named_again(self, sent: SpacySpan) -> bool:
        """The sentence names a crowd as one already told ("the gathering", "the marchers")."""
        crowds = gates().crowds
        return any(
            t.lower_ in crowds and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
            for t in sent
        )

    @staticmethod
    def _elsewhere(a: Mention, b: Mention) -> bool:
        """The two mentions name their places, and none of them is the same."""
        names_a = {p.name for p in a.places}
        names_b = {p.name for p in b.places}
        return bool(names_a and names_b and not names_a & names_b)

    @staticmethod
    def _arrests_of_a_crowd(m: Mention) -> bool:
        """Arrests of many by the state's forces ("detained about 40 people", "dozens"), told
        as a fact of the reporting window; not of one suspect."""
        return (
            m.sub_type == "Arrests"
            and (m.actor1 is None or _state(m.actor1))
            and m.modality == "asserted"
            and not m.background
            and any(
                f.kind in ("arrested", "detained") and (f.vague or (f.best or 0) >= 2)
                for f in m.figures
            )
        )


def _crudely_armed(people: Token) -> bool:
    """The people are told armed only with what a crowd picks up ("men armed with bats and
    bottles", "youths armed with clubs and whips")."""
    return bool(armed_with(people)) and not war_armed(people)


def _nationality_word(text: str) -> bool:
    """A people's or a nation's adjective ("Iraqi", "Kurdish", "Alawite"), not a place name."""
    word = text.lower()
    return word in countries.demonyms() or word.endswith(("ish", "ian", "ese", "ite"))


def _own_clause(verb: Token) -> list[Token]:
    """The verb's words without the clauses under it that have a subject of their own ("to
    back them ... while troops fired on them": not the troops' firing)."""
    apart = {
        t.i
        for c in verb.subtree
        if c.i != verb.i
        and c.pos_ in ("VERB", "AUX")
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for t in c.subtree
    }
    return [t for t in verb.subtree if t.i not in apart]


def _describing_participle(head: Token) -> bool:
    """A past participle's clause that describes something ("Ghazni, captured by the Taliban in
    2018, ...", "the town, retaken in May 2022, came under fire"), not a clause of time ("after
    being retaken")."""
    return (
        head.tag_ == "VBN"
        and head.dep_ in ("acl", "relcl", "advcl")
        and not any(c.dep_ in ("mark", "auxpass", "aux") for c in head.children)
    )


def _aged(noun: Token) -> bool:
    """The noun is told with an age: "a 19-year-old Palestinian", "a man aged 60"."""
    before = " ".join(t.lower_ for t in noun.subtree if t.i < noun.i)
    after = [t for t in noun.children if t.i > noun.i and t.lower_ == "aged"]
    return "year - old" in before or "year-old" in before or bool(after)


def _deed_and_antecedent(head: Token) -> list[Token]:
    """The trigger's word and, where it is told in a relative clause, the noun the clause
    describes ("the 2014 massacre, in which militants killed 1,700 recruits"): the clause's
    deed is that noun's, and so is its time."""
    # the clause the word is, or is the object of ("in which militants took 1,100 hostages"),
    # or is joined in ("the raid that destroyed the city and killed hundreds")
    clause = head.head if head.dep_ in ("dobj", "nsubjpass", "nsubj") else head
    while clause.dep_ == "conj" and clause.pos_ == "VERB" and clause.head.pos_ == "VERB":
        clause = clause.head
    when = clause.dep_ == "relcl" and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children
    )
    if when and clause.head.ent_type_ == "DATE" and _a_year(clause.head):
        return [head, clause.head]  # "unlike in 2014, when rival fans fought": that year's
    if clause.dep_ == "relcl" and clause.head.pos_ == "NOUN":
        noun = clause.head
        triggers = head.doc.spans.get(TRIGGERS_KEY, [])
        if (
            # (or a trigger names it in a compound: "the 1944 bombing raid")
            any(
                t.start <= w.i < t.end
                for t in triggers
                for w in (noun, *(c for c in noun.children if c.dep_ == "compound"))
            )
            or any(
                c.dep_ == "prep" and any(w.lower_ == "which" for w in c.children)
                for c in clause.children
            )
            # "since the 2015 elections, when clashes left scores dead": the time it names
            or when
        ):
            # not "arrested the men who killed two farmers"; "the school siege in which
            # militants took 1,100 hostages": a happening's noun, whatever the word
            return [head, noun]
    if head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.dep_ == "pobj":
        return [
            head,
            head.head,
        ]  # "in retaliation for Tuesday's rocket barrage": the barrage's place
    return [head]


def _states_strike(head: Token, actor1: Actor | None) -> bool:
    """The deed is a state's strike with no weapon named ("an Israeli strike on a car killed
    two", "killed in a US strike"): states strike from the air, as the bombs they drop do (not
    "a missile strike", "a general strike")."""
    doers = [head, *(c for c in head.children if c.dep_ == "nsubj")]
    doers += [o for p in head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    if head.dep_ == "advcl":
        # "carried out strikes on militant hideouts, killing 20 fighters"
        doers += [c for c in head.head.children if c.dep_ == "dobj"]
    if head.dep_ == "acl":
        # "Israeli strikes on a building ... killed 14": the parser hangs the verb on the
        # target; the strike is what it hangs from
        doers += [a for a in head.ancestors if a.pos_ == "NOUN"]
    for t in doers:
        if t.pos_ != "NOUN" or t.lemma_.lower() != "strike":
            continue
        owners = [c for c in t.children if c.dep_ in ("compound", "amod", "poss")]
        if any(c.dep_ == "compound" and c.ent_type_ not in ("GPE", "NORP") for c in owners):
            return False  # "a missile strike", "a drone strike": their own words say how
        return (actor1 is not None and actor1.inter in (1, 8)) or any(
            c.ent_type_ in ("GPE", "NORP") for c in owners
        )
    return False


def _state(actor: Actor | None) -> bool:
    """The state's forces (ACLED inter code 1)."""
    return actor is not None and actor.inter == 1


def _blamed_on(head: Token) -> list[Token]:
    """What the deed is blamed on ("officials blamed extreme heat for a series of explosions"):
    its cause, as a subject would be."""
    tok = head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # "a series of explosions"
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() == "blame":
        return [c for c in tok.head.head.children if c.dep_ == "dobj"]
    return []


def _politics_denied(sent: SpacySpan) -> set[int]:
    """The words of politics a sentence denies ("the killing had no political motive", "was
    not politically motivated", "no indication of a political motive")."""

    def denied(word: Token) -> bool:
        return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children)

    return {
        t.i
        for t in sent
        if t.lemma_.lower() in ("political", "politically")
        and (
            denied(t.head)
            or (t.head.dep_ == "pobj" and t.head.head.lower_ == "of" and denied(t.head.head.head))
        )
    }


def _rules_nowhere(actor: Actor | None) -> bool:
    """A rebel group or militia that rules no territory (unnamed armed men, or a named group
    without the `de-facto-authority` tag of the actor dictionary)."""
    if actor is None or actor.inter not in (2, 3):
        return False
    entry = lexicon.actors().get(actor.canonical_id)
    return entry is None or "de-facto-authority" not in entry.tags


def _crowd(actor: Actor | None) -> bool:
    """Demonstrators or rioters (ACLED inter codes 6 and 5)."""
    return actor is not None and actor.inter in (5, 6)


def _as_protest_kind(m: Mention, sub: str) -> Mention:
    return replace(
        m,
        sub_type=sub,
        type=lexicon.sub_type_to_type()[sub],
        plover_mode="riot" if sub == "Violent demonstration" else m.plover_mode,
    )


def _holds(upper: Token, lower: Token) -> bool:
    """Whether `lower` stands in `upper`'s clause, not joined to it ("and")."""
    tok = lower
    while tok.i != upper.i:
        if tok.dep_ == "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return lower.i != upper.i


def merge_mentions(a: Mention, b: Mention, main: Mention | None = None) -> Mention:
    """One mention from two of the same happening: asserted wins, then the `main` one (whose
    clause holds the other's), else the stronger sub-type."""
    if main is not None:
        first, second = (a, b) if main is a else (b, a)
    else:
        first, second = (
            (a, b)
            if BATTLE_RANK.get(a.trigger_key, 9) <= BATTLE_RANK.get(b.trigger_key, 9)
            else (b, a)
        )
    if first.modality != "asserted" and second.modality == "asserted":
        first, second = second, first
    if (
        first.trigger_key == second.trigger_key == "attack"
        and first.sub_type == "Armed clash"
        and second.sub_type == "Attack"
    ):
        # "opened fire on a minibus, killing three passengers": the victims one verb names
        # were civilians, so the attack was on civilians
        first = retype(first, "Attack")
    return combine_mentions(first, second)


def combine_mentions(first: Mention, second: Mention) -> Mention:
    """`first` with what `second` adds: its missing actors, figures, sources, places, evidence."""
    evidence = (
        *first.extra_evidence,
        *second.extra_evidence,
        _evidence_of(second),
    )
    actor1 = first.actor1 or second.actor1
    actor2 = next(
        (
            a
            for a in (first.actor2, second.actor2)
            if a is not None
            and not _same_party(a, actor1)
            # civilians are no side of a battle (ACLED: one between armed, organised groups)
            and not (a.inter == 7 and first.type == "Battles")
        ),
        None,
    )
    if (
        actor2 is None
        and second.actor1 is not None
        and second.actor2 is not None
        and _same_party(second.actor2, actor1)
    ):
        # "rebels target regime troops ... and fierce battles": the one side the first names
        # is a side of the pair the second names, so the pair is the event's
        actor1, actor2 = second.actor1, second.actor2
    return replace(
        first,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=tuple(dict.fromkeys(first.assoc_actors + second.assoc_actors)),
        figures=tuple(dict.fromkeys(first.figures + second.figures)),
        sources=tuple(dict.fromkeys(first.sources + second.sources)),
        when=first.when if not first.when_inherited else (second.when or first.when),
        when_inherited=first.when_inherited and second.when_inherited,
        places=tuple(dict.fromkeys(first.places + second.places)),
        extra_evidence=evidence,
    )


def _force_moved(sender: Actor | None, moved: Actor) -> tuple[Actor | None, Actor | None]:
    """ACLED codes the force that moves as Actor 1 ("the army was dispatched", "the army sent
    reinforcements", "Kenya deployed 400 soldiers": Kenya's military), with no Actor 2."""
    if sender is None or _same_party(moved, sender):
        return moved, None
    if (
        sender.country
        and (sender.canonical_id or "").startswith("state:")
        and (moved.canonical_id or "").startswith("generic:state_forces")
    ):
        return country_actor(sender.country, sender.name, sender.span, violent=True), None
    return sender, moved


def _named_again(head: Token) -> bool:
    """A noun trigger with a definite determiner and nothing of its own ("the abduction",
    "this attack"; not "the first attack", "the attack on a bus"): a happening told before."""
    return (
        head.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        and not any(
            c.dep_ in ("amod", "nummod", "compound", "prep", "acl", "relcl") for c in head.children
        )
    )


def _relative_clause(tok: Token) -> Token | None:
    """The relative clause the word stands in, opened by a relative pronoun ("the group, which
    has killed thousands", "a man who was shot"); not a clause the parser only labels so."""
    clause = next((a for a in (tok, *tok.ancestors) if a.dep_ == "relcl"), None)
    if clause is None or not any(
        c.lower_ in RELATIVE_PRONOUNS | {"whom", "whose"} for c in clause.children
    ):
        return None
    return clause


def _backs(tok: Token) -> bool:
    """The word is the agent of a verb of backing ("troops backed by air strikes", "supported
    by artillery")."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "by"
        and tok.head.head.lemma_.lower() in SUPPORT_WORDS
    )


def _same_party(a: Actor, b: Actor | None) -> bool:
    """One party however it is named: the same dictionary or generic actor, or the same name,
    of the same country ("Indian soldiers clashed with Pakistani soldiers" has two)."""
    if b is None or (a.country and b.country and a.country != b.country):
        return False
    return (a.canonical_id is not None and a.canonical_id == b.canonical_id) or a.name == b.name


def _evidence_of(m: Mention) -> Evidence:
    return Evidence("trigger", m.trigger)
