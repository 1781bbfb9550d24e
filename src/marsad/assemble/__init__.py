"""Assemble stage: mentions of the same happening inside one article become one Event.

Also completes what a single sentence cannot tell: the opponent of an actor from the article's
other dyads ("backed by coalition air strikes" hits whoever the backed side is fighting), the
event's place from the article's focus when the sentence names only a country, and the country
of generic actors ("Civilians ({country})").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta

from marsad import EXTRACTOR_VERSION, ids, lexicon
from marsad.extract.figures import fatalities
from marsad.extract.mentions import PROTEST_SEVERITY, PROTEST_TYPES, WEAPON_KINDS
from marsad.model import Actor, Article, CodedArticle, Event, Evidence, Figure, Mention, Place, When

VIOLENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
# Words that tell a happening without its means ("an attack on a wedding party", "a blast at a
# checkpoint"): a later sentence that names the weapon ("the strike was carried out by a
# drone", "mortar rounds landed near a water point") tells the same happening.
UNSPECIFIC_WORDS = {
    "attack", "attacks", "assault", "explosion", "explosions", "blast", "blasts", "exploded",
}  # fmt: skip
SUB_TYPE_RANK = {
    # the weapon a later sentence names is the happening's means (ACLED codes it by it)
    **dict.fromkeys(WEAPON_KINDS, -1),
    "Armed clash": 0,
    "Non-state actor overtakes territory": 1,
    "Government regains territory": 1,
    # One protest told over several sentences is coded by the most serious thing that happened
    # at it (ACLED codebook: a demonstration that turns violent is a Violent demonstration).
    **PROTEST_SEVERITY,
}


def assemble(
    mentions: Sequence[Mention],
    figures: Sequence[Figure],
    places: Sequence[Place],
    article: Article,
) -> CodedArticle:
    mentions = _complete_opponents(list(mentions))
    focus = _focus_places(places)
    groups: list[list[Mention]] = []
    for m in sorted(mentions, key=lambda m: (m.when_inherited, m.trigger.start)):
        group = next((g for g in groups if _same_happening(g[0], m)), None)
        if group is None:
            groups.append([m])
        else:
            group.append(m)
    home = _parties_country(mentions)
    events = [
        _event(sorted(g, key=lambda m: m.trigger.start), focus, article, home) for g in groups
    ]
    events.sort(key=lambda e: e.first_offset)
    return CodedArticle(
        article=article, events=tuple(events), figures=tuple(figures), places=tuple(places)
    )


# -- opponents --------------------------------------------------------------------------------
def _key(actor: Actor | None) -> str | None:
    return actor.canonical_id or actor.name if actor is not None else None


def _complete_opponents(mentions: list[Mention]) -> list[Mention]:
    opponents: dict[str, Counter[str]] = {}
    allies: dict[str, set[str]] = {}
    actor_by_key: dict[str, Actor] = {}
    for m in mentions:
        a1, a2 = _key(m.actor1), _key(m.actor2)
        for actor in (m.actor1, m.actor2, *m.assoc_actors):
            if actor is not None:
                actor_by_key.setdefault(_key(actor) or "", actor)
        if a1 and a2 and m.type in VIOLENT_TYPES:
            opponents.setdefault(a1, Counter())[a2] += 1
            opponents.setdefault(a2, Counter())[a1] += 1
        for assoc in m.assoc_actors:
            if a1:
                allies.setdefault(a1, set()).add(_key(assoc) or "")
                allies.setdefault(_key(assoc) or "", set()).add(a1)

    out = []
    for m in mentions:
        a1 = _key(m.actor1)
        if m.actor2 is None and a1 and m.type in VIOLENT_TYPES:
            votes: Counter[str] = Counter()
            for side in {a1} | allies.get(a1, set()):
                votes.update(opponents.get(side, Counter()))
            votes.pop(a1, None)
            for ally in allies.get(a1, set()):
                votes.pop(ally, None)
            if votes:
                m = replace(m, actor2=actor_by_key[votes.most_common(1)[0][0]])
        out.append(m)
    return out


# -- grouping ---------------------------------------------------------------------------------
def _family(m: Mention) -> str:
    if m.type in PROTEST_TYPES and m.sub_type != "Mob violence":
        return "protest"
    return m.type if m.type == "Battles" else m.sub_type


def _places_meet(a: Mention, b: Mention) -> bool:
    """No two different towns: a protest in one city and one in another are two events."""
    towns_a = {p.gazetteer_id for p in a.places if p.feature not in ("country", "admin1")}
    towns_b = {p.gazetteer_id for p in b.places if p.feature not in ("country", "admin1")}
    return not towns_a or not towns_b or bool(towns_a & towns_b)


def _dates_meet(a: When | None, b: When | None, a_loose: bool, b_loose: bool) -> bool:
    if a is None or b is None:
        return True
    if a_loose or b_loose:
        # A mention dated only by the publication date or an earlier sentence can join a dated
        # happening of the same week.
        return a.start - timedelta(days=7) <= b.end and b.start - timedelta(days=7) <= a.end
    return a.start <= b.end and b.start <= a.end and a.precision == b.precision


def _compatible(x: Actor | None, y: Actor | None) -> bool:
    return x is None or y is None or _key(x) == _key(y)


def _told_unspecific(m: Mention) -> bool:
    """The mention tells violence by a word that names no means ("an attack", "a blast")."""
    return m.trigger.text.lower() in UNSPECIFIC_WORDS and (
        m.sub_type in ("Attack", "Armed clash", "Remote explosive/landmine/IED")
    )


def _means_told(a: Mention, b: Mention) -> bool:
    """`b`, in a later sentence, names the weapon of the violence `a` told without its means:
    "An attack on a wedding party killed 18. ... the strike had been carried out by a drone"."""
    return (
        _told_unspecific(a)
        and b.sub_type in WEAPON_KINDS
        and b.sub_type != a.sub_type
        and b.sentence.start > a.sentence.start
        # the next sentence, or one that names no other town
        and (b.sentence.start - a.sentence.end <= 2 or _places_meet(a, b))
    )


def _same_happening(a: Mention, b: Mention) -> bool:
    if _family(a) != _family(b) and not _means_told(a, b):
        return False
    if (a.modality == "asserted" and not a.background) != (
        b.modality == "asserted" and not b.background
    ):
        return False
    loose_a = a.when_inherited or (a.when is not None and a.when.precision == "week")
    loose_b = b.when_inherited or (b.when is not None and b.when.precision == "week")
    if not _dates_meet(a.when, b.when, loose_a, loose_b):
        return False
    if b.told_before and _places_meet(a, b) and _compatible(a.actor2, b.actor2):
        # "No group has claimed the abduction": the abduction told before, whoever is blamed
        return True
    if _family(a) == "protest":
        # Who protests is named differently from sentence to sentence ("Bahraini protesters",
        # "the demonstrators"), and the police are the second actor of one sentence only.
        return _places_meet(a, b)
    if loose_a != loose_b and a.type == "Battles":
        # An undated retelling ("X and Y fight Z", a caption or headline) joins the dated
        # happening that shares any of its parties.
        everyone_a = {_key(x) for x in (a.actor1, a.actor2, *a.assoc_actors) if x}
        everyone_b = {_key(x) for x in (b.actor1, b.actor2, *b.assoc_actors) if x}
        if everyone_a & everyone_b:
            return True
    same_pair = _compatible(a.actor1, b.actor1) and _compatible(a.actor2, b.actor2)
    crossed = _compatible(a.actor1, b.actor2) and _compatible(a.actor2, b.actor1)
    if not (same_pair or (crossed and a.type == "Battles")):
        return False
    # Two mentions with no actors in common are only merged when at least one side matches.
    keys_a = {_key(x) for x in (a.actor1, a.actor2) if x}
    keys_b = {_key(x) for x in (b.actor1, b.actor2) if x}
    return not keys_a or not keys_b or bool(keys_a & keys_b)


# -- places -----------------------------------------------------------------------------------
def _focus_places(places: Sequence[Place]) -> dict[str, Place]:
    """Per country, the first-level division the article is about (the most mentioned)."""
    counts: Counter[tuple[str, str]] = Counter()
    best: dict[tuple[str, str], Place] = {}
    for p in places:
        if p.country_iso2 and p.admin1 and p.lat is not None:
            key = (p.country_iso2, p.admin1)
            counts[key] += 1
            if key not in best or (p.feature == "admin1" and best[key].feature != "admin1"):
                best[key] = p
    focus: dict[str, Place] = {}
    for (country, _), _n in counts.most_common():
        if country not in focus:
            place = best[(country, _)]
            focus[country] = (
                place
                if place.feature == "admin1"
                else replace(place, precision=max(place.precision, 2))
            )
    return focus


def _place_for(group: list[Mention], focus: dict[str, Place]) -> Place | None:
    actor_spans = {
        a.span for m in group for a in (m.actor1, m.actor2, *m.assoc_actors) if a and a.span
    }
    candidates = [
        p for m in group for p in m.places if p.lat is not None and p.span not in actor_spans
    ]
    specific = sorted(
        (p for p in candidates if p.feature != "country"),
        key=lambda p: (p.precision, p.span.start if p.span else 0),
    )
    if specific:
        return specific[0]
    countries = [p for p in candidates if p.feature == "country"]
    if countries:
        country = countries[0].country_iso2 or ""
        return focus.get(country, countries[0])
    if len(focus) >= 1:
        return next(iter(focus.values()))
    return None


# -- the event --------------------------------------------------------------------------------
def _with_country(template: str, country: str | None) -> str:
    """ "Military Forces of {country}" for a country; with none known, the words without it
    ("Military Forces", "Islamic State"), never a country called "Unknown"."""
    if country:
        return template.format(country=country)
    for part in (" of {country}", " ({country})", "{country}"):
        template = template.replace(part, "")
    return template.strip()


def _fill_country(actor: Actor | None, iso2: str | None) -> Actor | None:
    if actor is None:
        return None
    name = lexicon.country_name(iso2) if iso2 else None
    changes: dict = {}
    if "{country}" in (actor.acled_name or "") or "{country}" in actor.name:
        # its own ("Turkish soldiers"), else the event's country
        country = lexicon.country_name(actor.country) or name
        changes["acled_name"] = _with_country(actor.acled_name or actor.name, country)
        if "{country}" in actor.name:
            changes["name"] = _with_country(actor.name, country)
        if actor.country is None and iso2:
            changes["country"] = iso2
    if (
        actor.canonical_id
        and actor.canonical_id.startswith("state:")
        and iso2
        and actor.country != iso2
    ):
        changes["inter"] = 8  # a foreign state's forces: ACLED's External/Other forces
        changes["kind"] = "External/Other forces"
    return replace(actor, **changes) if changes else actor


# ACLED inter codes of parties that fight in their own country: rebels and militias. States and
# external forces often fight abroad ("Turkish shelling" in Syria), so they name no country.
HOME_INTERS = {2, 3, 4}


def _parties_country(mentions: Sequence[Mention]) -> str | None:
    """With no place in the article, the one country the named rebels and militias of an event,
    else of the article, belong to fills in its generic actors ("Al-Shabaab fighters took the
    town after government forces withdrew": Somalia's forces)."""
    found = {
        a.country
        for m in mentions
        for a in (m.actor1, m.actor2, *m.assoc_actors)
        if a is not None
        and a.country
        and a.inter in HOME_INTERS
        and not (a.canonical_id or "").startswith("generic:")
    }
    return found.pop() if len(found) == 1 else None


def _event(
    group: list[Mention], focus: dict[str, Place], article: Article, home: str | None
) -> Event:
    head = min(
        group,
        key=lambda m: (
            SUB_TYPE_RANK.get(m.sub_type, 5),
            _told_unspecific(m),  # "the blast" names no weapon; "the drone strike" does
            m.when_inherited,
            m.trigger.start,
        ),
    )
    dated = [m for m in group if not m.when_inherited and m.when is not None]
    when = dated[0].when if dated else head.when
    place = _place_for(group, focus)
    iso2 = place.country_iso2 if place else (_parties_country(group) or home)

    ranked = sorted(group, key=lambda m: m.when_inherited)
    actor1 = _fill_country(next((m.actor1 for m in ranked if m.actor1 is not None), None), iso2)
    # Actor 2 from a mention whose Actor 1 was missing may be the party another mention made
    # Actor 1 ("no request ... to send troops"): one party is never both sides.
    actor2 = next(
        (
            filled
            for m in ranked
            if (filled := _fill_country(m.actor2, iso2)) is not None
            and _key(filled) != _key(actor1)
        ),
        None,
    )
    taken = {_key(actor1), _key(actor2)}
    # one party named in several sentences is associated once, as first named
    first_named: dict[str | None, Actor] = {}
    for a in (a for m in group for a in m.assoc_actors):
        first_named.setdefault(_key(a), a)
    assoc = tuple(_fill_country(a, iso2) for key, a in first_named.items() if key not in taken)
    figures = tuple(dict.fromkeys(f for m in group for f in m.figures))
    sources = tuple(dict.fromkeys(s for m in group for s in m.sources))

    evidence: list[Evidence] = []
    for m in group:
        evidence.append(Evidence("trigger", m.trigger))
        evidence.extend(m.extra_evidence)
        evidence.append(Evidence("sentence", m.sentence))
    for fieldname, actor in (("actor1", actor1), ("actor2", actor2)):
        if actor is not None and actor.span is not None:
            evidence.append(Evidence(fieldname, actor.span))
    if place is not None and place.span is not None:
        evidence.append(Evidence("place", place.span))
    if when is not None and when.span is not None:
        evidence.append(Evidence("date", when.span))
    evidence.extend(Evidence("figure", f.span) for f in figures if f.span is not None)
    evidence = list(dict.fromkeys(evidence))

    confidence = 0.4
    confidence += 0.15 if actor1 is not None else 0
    confidence += 0.1 if actor2 is not None else 0
    confidence += 0.1 if dated else 0
    confidence += 0.1 if place is not None and place.precision <= 2 else 0.05 if place else 0
    confidence += 0.05 * min(len(group), 2)
    offsets = [(m.trigger.start, m.trigger.end) for m in group]
    return Event(
        id=ids.event_id(article.id, EXTRACTOR_VERSION, offsets),
        article_id=article.id,
        type=head.type,
        sub_type=head.sub_type,
        plover_type=head.plover_type,
        plover_mode=head.plover_mode,
        actor1=actor1,
        actor2=actor2,
        assoc_actors=assoc,
        place=place,
        when=when,
        figures=figures,
        fatalities=fatalities(figures),
        sources=sources,
        modality=head.modality,
        background=head.background,
        confidence=round(min(confidence, 0.95), 2),
        evidence=tuple(evidence),
    )
