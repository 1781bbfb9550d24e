"""re3d (dstl) entity recognition: what marsad recognises in a document, mapped onto re3d types.

marsad's layers and the re3d type each one stands for:
  actor dictionary names (canonical actors, monitors, agencies)      -> Organisation
  gazetteer-resolved places (geo.resolve)                             -> Location
  spaCy PERSON                                                        -> Person
  spaCy NORP, LANGUAGE                                                -> Nationality
  spaCy ORG / GPE / LOC / FAC not claimed by the layers above         -> Organisation / Location
  spaCy DATE, TIME / MONEY / CARDINAL, QUANTITY, PERCENT              -> Temporal / Money / Quantity
  trigger-lexicon weapon words                                        -> Weapon
Overlaps are settled longest name first; a place the gazetteer resolves beats a spaCy PERSON of
the same words ("in Raqqah"), and a proper-noun NORP ("in Aleppo") loses to the place.

re3d annotation conventions, adapted here and not in the product (they say how re3d draws a
mention, not what marsad should recognise):
- Mentions are noun phrases, ACE-style, not bare names: the determiner or possessive goes with
  the name ("the SDF", "our Kurdish partners"); a name that modifies a typed head noun is the
  whole phrase, typed by that head ("ISIL fighters", "the Syrian city of Raqqa", "Iraqi Prime
  Minister X", "Lebanese airspace"); titles go with persons ("Foreign Minister X", "Mr X").
- Nominal mentions count: noun phrases headed by a group, person or place noun ("the
  government", "a spokesman", "the town") are Organisation / Person / Location; a plural person
  noun is a group ("the men", "Syrians"): Organisation. Coordinated nominals without names are one
  mention ("women and children").
- Pronouns count: I/me/he/she/him -> Person, we/us/they -> Organisation (the pronouns re3d marks
  most consistently; "it", "his", "their" are left out).
- Mentions do not nest: only the outermost phrase is marked, so a nationality inside
  "Iraqi security forces" or a country inside "US-led coalition" is not scored on its own.
- Nationality is the adjective alone where it modifies an untyped noun ("Jordanian policy",
  "intra-Syrian talks" -> "Syrian"), languages included; not inside hyphenated modifiers
  ("Kurdish-controlled"). A country that is the subject of a verb is its government
  (Organisation); a possessive country before an untyped noun ("X's economy") is not marked.
- Quantities and sums leave out approximators ("about 50km" -> "50km") and keep the currency sign
  and unit written against the number; frequencies ("12.5 MHz") are matched by pattern; warship
  names ("HMS X") and head nouns of weapons, vehicles, platforms and documents give the minor
  re3d types.
The all-types macro F1 averages over every re3d type in the file, as ConfliBERT reports it
(exact span and type, seqeval-style). A relaxed score (same type, overlapping span) is reported
beside the exact one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from marsad.eval.common import prf
from marsad.settings import Settings

MAIN_TYPES = ("Organisation", "Person", "Location", "Nationality")
SPACY_TO_RE3D = {
    "PERSON": "Person", "NORP": "Nationality", "LANGUAGE": "Nationality", "ORG": "Organisation",
    "GPE": "Location", "LOC": "Location", "FAC": "Location", "DATE": "Temporal", "TIME": "Temporal",
    "MONEY": "Money", "CARDINAL": "Quantity", "QUANTITY": "Quantity", "PERCENT": "Quantity",
}  # fmt: skip
WEAPON_TRIGGERS = {"grenade", "chemical", "remote_explosive", "shelling"}
BEST_PUBLISHED = {"macro_f1": 0.664, "system": "ConfliBERT (re3d NER)"}

Entity = tuple[int, int, str]  # start, end (characters), re3d type


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- re3d mention extents -------------------------------------------------------------------
# Head nouns whose noun phrase re3d annotates as a mention of the given type (an annotation
# convention: re3d marks nominal mentions and pronouns, ACE-style, not only names).
ORG_HEADS = _words(
    """
    force forces fighters troops militants militias militiamen government governments regime
    army armies military coalition alliance movement group groups unit units brigade brigades
    battalion battalions division divisions council councils ministry agency media party parties
    opposition administration authorities personnel members allies partners counterparts
    communities community tribe tribesmen refugees citizens soldiers rebels terrorists jihadists
    insurgents extremists gunmen police policemen worshippers population families delegation
    command fleet navy committee commission organisation organization department staff enemy
    civilians people victims volunteers snipers users
    """
)
PERSON_HEADS = _words(
    """
    spokesman spokeswoman spokesperson man woman girl boy child resident officer analyst minister
    secretary president commander director leader envoy advisor adviser ambassador chief general
    official student owner journalist correspondent witness wife husband brother sister son
    daughter mother father doctor teacher representative commissioner premier king prince emir
    sheikh cleric governor mayor colonel captain lieutenant sergeant admiral commodore
    """
)
LOC_HEADS = _words(
    """
    city town village area region province governorate district suburb neighbourhood neighborhood
    airport base mosque hospital school schools building buildings compound territory airspace
    border frontline highway road street streets market farm farms farmland camp checkpoint
    prison bridge river mountains valley desert capital country countryside library basement
    home homes house houses restaurant station shores
    """
)
WEAPON_HEADS = _words(
    """
    bomb bombs munitions missile missiles shell shells rocket rockets mortar mortars grenade
    grenades rifle rifles artillery weapons explosives
    """
)
VEHICLE_HEADS = _words("vehicle vehicles truck trucks car cars bus buses tanker")
PLATFORM_HEADS = _words(
    """
    aircraft jet jets warplane warplanes helicopter helicopters drone drones bomber bombers
    frigate destroyer warship warships ship ships carrier submarine airlifters tanks
    """
)
DOCUMENT_HEADS = _words("report resolution communique communiqué")
# Prefixes of warship names ("USS", "HMS"): the name is a re3d MilitaryPlatform, not a person.
SHIP_PREFIXES = _words("USS HMS HMAS HMCS FS INS TCG RFS")
# Ethnic and religious groups of the region that spaCy's small model often takes for a person or
# an organisation ("the Yazidi religion"): as a single-word name they are re3d Nationality.
IDENTITIES = _words(
    """
    yazidi yezidi kurdish kurd arab turkmen assyrian chaldean alawite druze sunni shia shiite
    christian muslim circassian armenian
    """
)
PRONOUNS = {
    "i": "Person", "me": "Person", "myself": "Person", "he": "Person", "him": "Person",
    "she": "Person", "we": "Organisation", "us": "Organisation", "ourselves": "Organisation",
    "they": "Organisation",
}  # fmt: skip
LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "predet", "case"})
CLIMB_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})


def _head_type(tok: Any) -> str | None:
    """The re3d type of a noun phrase headed by `tok`, from its head noun alone (or None)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    low, lemma = tok.lower_, tok.lemma_.lower()
    plural = tok.tag_ in ("NNS", "NNPS")
    if low in PERSON_HEADS or lemma in PERSON_HEADS:
        return "Organisation" if plural else "Person"  # "the men", "police officers": a group
    if low in ORG_HEADS:
        return "Organisation"
    if low in LOC_HEADS or (low == "line" and any(c.lower_ == "front" for c in tok.lefts)):
        return "Location"
    if low in WEAPON_HEADS:
        return "Weapon"
    if low in VEHICLE_HEADS:
        return "Vehicle"
    if low in PLATFORM_HEADS:
        return "MilitaryPlatform"
    if low in DOCUMENT_HEADS:
        return "DocumentReference"
    return None


_BREAKS = frozenset({",", ";", ":", "(", ")", '"', "“", "”", "-", "–", "—"})


def _breaks(tok: Any) -> bool:
    if tok.dep_ in ("cc", "conj", "appos"):
        return True
    if tok.text == "-":  # a hyphen inside a word ("US-led") joins; a spaced one separates
        return bool(tok.whitespace_) or (tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_))
    return tok.text in _BREAKS


def _clean(tokens: Any) -> bool:
    return not any(_breaks(t) for t in tokens)


def _extent(head: Any) -> tuple[int, int]:
    """Token range of the noun phrase `head` heads, as re3d marks it: determiner or possessive,
    adjectives and compounds before the head, and an "of"/"for" phrase naming a proper noun after
    it ("the village of X", "Minister for the Middle East"); no appositions or clauses."""
    start = head.i
    # A number is part of a person mention ("one child") but rarely of a group's ("15 civilians").
    deps = LEFT_DEPS | {"nummod"} if _head_type(head) == "Person" else LEFT_DEPS
    for child in reversed(list(head.lefts)):
        sub = list(child.subtree)
        if (
            child.dep_ not in deps
            or sub[-1].i != start - 1
            or not _clean(sub)
            or child.tag_ == "WP$"
        ):
            break
        start = child.left_edge.i
    end = head.i + 1
    prep = next(head.rights, None)
    preps = ("of", "for") if head.is_title else ("of",)  # "Minister for X"; not "a man for X"
    if prep is not None and prep.i == end and prep.dep_ == "prep" and prep.lower_ in preps:
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        named = objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_)
        if named and _clean(head.doc[prep.i : objs[0].i + 1]):
            end = objs[0].i + 1
    return start, end


def _base_entities(doc: Any, places: list[Any]) -> list[tuple[Any, str]]:
    """Non-overlapping names marsad recognises, longest first: (span, re3d type)."""
    from marsad.nlp.components import ACTORS_KEY

    cands: list[tuple[Any, str, int]] = []
    place_spans: set[tuple[int, int]] = set()
    for s in doc.spans[ACTORS_KEY]:
        if s.label_ != "DESCRIPTOR":  # descriptors are nominals: the head-noun rule covers them
            cands.append((s, "Organisation", 0))  # the curated dictionary beats spaCy's labels
    for p in places:
        if p.span is not None:
            span = doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
            if span is not None:
                cands.append((span, "Location", 3))
                place_spans.add((span.start_char, span.end_char))
    for ent in doc.ents:
        kind = SPACY_TO_RE3D.get(ent.label_)
        if len(ent) == 1 and ent.root.lower_ in IDENTITIES:
            kind = "Nationality"
        elif ent.start > 0 and doc[ent.start - 1].text in SHIP_PREFIXES:
            ent, kind = doc[ent.start - 1 : ent.end], "MilitaryPlatform"
        elif ent[0].text in SHIP_PREFIXES and len(ent) > 1:
            kind = "MilitaryPlatform"
        if kind == "MilitaryPlatform":
            cands.append((ent, kind, 0))
        elif kind in MAIN_TYPES:
            rank = {"Person": 1, "Nationality": 2, "Organisation": 4, "Location": 5}[kind]
            if kind == "Person" and (ent.start_char, ent.end_char) in place_spans:
                rank = 6  # a gazetteer place spaCy took for a name ("in Raqqah")
            if kind == "Nationality" and ent.root.pos_ == "PROPN" and ent.root.tag_ == "NNP":
                rank = 6  # a place name spaCy took for a group ("in Aleppo"): the gazetteer wins
            cands.append((ent, kind, rank))
    cands.sort(key=lambda c: (-(c[0].end - c[0].start), c[2]))
    taken: set[int] = set()
    out = []
    for span, kind, _ in cands:
        span = _trim(span)
        if span is None or any(i in taken for i in range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        out.append((span, kind))
    return out


def _trim(span: Any) -> Any:
    """Drop a leading "the" and a trailing possessive or punctuation from a name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _following_head(base: Any) -> Any:
    """A typed head noun right after a name the parser did not attach to it ("IS fighters"):
    only nouns and adjectives in between, and the head ends the phrase."""
    doc = base.doc
    for j in range(base.end, min(base.end + 3, len(doc))):
        tok = doc[j]
        if tok.pos_ not in ("NOUN", "ADJ") or tok.ent_type_:
            return None
        if _head_type(tok) and (j + 1 == len(doc) or doc[j + 1].pos_ not in ("NOUN", "PROPN")):
            return tok
    return None


_LOWER_PREFIX = re.compile(r"[a-z]+-(?=[A-Z])")


def _in_hyphen_compound(span: Any, *, before: bool = True) -> bool:
    """`span` is joined by a hyphen to the next word ("Kurdish-speaking"), or to the previous."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    joined_before = prev is not None and prev.text == "-" and not prev.whitespace_
    joined_after = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
    return joined_after or (before and joined_before)


def _mention(base: Any, kind: str) -> tuple[int, int, str] | None:
    """The re3d mention a recognised name stands in: the name grows to the noun phrase of a
    head noun it modifies when that head has a type ("ISIL fighters", "the Syrian city of X",
    "Iraqi Prime Minister Y")."""
    root = base.root
    best, cur = root, root
    while (
        (cur.dep_ in CLIMB_DEPS or (cur.dep_ == "poss" and _head_type(cur.head)))
        and cur.head.i > cur.i
        and cur.head.pos_ in ("NOUN", "PROPN")
    ):
        if not _clean(base.doc[cur.i + 1 : cur.head.i]):
            break
        cur = cur.head
        if _head_type(cur):
            best = cur
    if best is root and kind in ("Organisation", "Nationality"):
        best = _following_head(base) or root
    if best is not root:
        kind = _head_type(best) or kind
    elif kind == "Nationality" and root.tag_ in ("NNS", "NNPS"):
        kind = "Organisation"  # "the Iraqis": a group of people, not the nationality
    elif kind == "Location" and _in_hyphen_compound(base):
        return None  # "UK-France talks", "Jordan-made": a modifier, not a place mention
    elif kind == "Nationality" and _in_hyphen_compound(base, before=False):
        return None  # "Kurdish-controlled town": part of a modifier, not marked
    elif kind == "Location" and root.dep_ == "poss":
        return None  # re3d leaves the possessor of an untyped phrase unmarked ("X's economy")
    elif kind == "Location" and root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX"):
        kind = "Organisation"  # a country that acts or speaks is its government ("X said")
    elif kind == "Organisation" and root.lower_ in PERSON_HEADS and root.tag_ == "NNP":
        kind = "Person"  # an office named as an organisation ("the Minister of X")
    start, end = _extent(best)
    if best is root and kind != "Person":
        # A name keeps its determiner ("the SDF"), a place its adjectives ("northern Iraq");
        # a nationality is the adjective alone ("Jordanian policy"). Titles go with persons.
        keep = {"Organisation": ("det", "poss"), "Location": ("det", "poss", "amod")}.get(kind, ())
        if root.dep_ == "poss":
            keep = ()  # "the SDF's fight": "the" belongs to the fight
        first = base.start
        while first > start:
            prev = base.doc[first - 1]
            if prev.dep_ == "case":  # the "'s" of a possessor: take the possessor
                prev = prev.head
            if prev.dep_ not in keep or prev.i >= first:
                break
            first = prev.left_edge.i
        start, end = first, base.end
    return min(start, base.start), max(end, base.end), kind


def _with_conjuncts(head: Any, start: int, end: int) -> tuple[int, int]:
    """Coordinated nominals of one type are one re3d mention ("women and children")."""
    kind = _head_type(head)
    if kind != "Organisation":  # places and weapons are listed one by one
        return start, end
    doc = head.doc
    for c in head.children:
        if c.dep_ != "conj" or _head_type(c) != kind:
            continue
        c_start, c_end = _extent(c)
        gap = doc[end:c_start]
        tokens = doc[start:c_end]
        # Not when the second has its own determiner ("the army and the police") or either
        # is named ("Kurdish fighters and Shia militiamen" are two groups).
        if (
            all(t.dep_ == "cc" or t.text == "," for t in gap)
            and not any(t.dep_ in ("det", "poss") for t in c.lefts)
            and not any(t.ent_type_ for t in tokens)
        ):
            end = _with_conjuncts(c, c_start, c_end)[1]
    return start, end


# Words before a number that re3d leaves out of a Quantity or Money ("about 50", "nearly $5m").
APPROXIMATORS = _words(
    "about around approximately roughly nearly almost some only just more less fewer than "
    "up to at least most an additional"
)
_FREQUENCY = re.compile(r"\b\d+(?:\.\d+)?\s?(?:[kMG]Hz|MHZ|GHZ)\b")


def _chars(span: Any) -> tuple[int, int]:
    return span.start_char, span.end_char


def _amount(ent: Any) -> tuple[int, int]:
    """A number as re3d marks it: no approximating words before it, and with the currency sign
    and unit written against it ("$100m", "15km")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end - 1 and doc[start].lower_ in APPROXIMATORS:
        start += 1
    if start > 0 and doc[start - 1].is_currency and not doc[start - 1].whitespace_:
        start -= 1
    if end < len(doc) and doc[end].is_alpha and len(doc[end]) <= 3 and not doc[end - 1].whitespace_:
        end += 1  # "$100m", "15km"
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def predict_entities(doc: Any, places: list[Any]) -> set[Entity]:
    """marsad's recognised entities in one doc, as re3d-typed character spans."""
    from marsad.nlp.components import TRIGGERS_KEY

    mentions: list[tuple[int, int, str]] = []
    claimed: set[int] = set()
    for base, kind in _base_entities(doc, places):
        m = _mention(base, kind)
        if m is not None:
            mentions.append(m)
            claimed.update(range(m[0], m[1]))
    for tok in doc:
        if tok.i in claimed:
            continue
        if tok.lower_ in PRONOUNS and tok.pos_ == "PRON":
            mentions.append((tok.i, tok.i + 1, PRONOUNS[tok.lower_]))
            continue
        kind = _head_type(tok)
        if (
            kind
            and (tok.pos_ == "NOUN" or not tok.ent_type_)
            and not (
                tok.dep_ in CLIMB_DEPS and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")
            )
        ):
            mentions.append((*_with_conjuncts(tok, *_extent(tok)), kind))
    # re3d mentions do not nest: keep the longest of overlapping ones.
    mentions.sort(key=lambda m: (m[0] - m[1], m[0]))
    used: set[int] = set()
    out: dict[tuple[int, int], str] = {}
    for a, b, kind in mentions:
        if any(i in used for i in range(a, b)):
            continue
        used.update(range(a, b))
        span = doc[a:b]
        start = span.start_char
        prefix = _LOWER_PREFIX.match(span.text)
        if kind == "Nationality" and prefix:  # "intra-Syrian talks": the nationality is "Syrian"
            start += prefix.end()
        out[(start, span.end_char)] = kind
    for m in _FREQUENCY.finditer(doc.text):
        out.setdefault(m.span(), "Frequency")
    for ent in doc.ents:
        kind = SPACY_TO_RE3D.get(ent.label_)
        if (
            kind is None
            or kind in MAIN_TYPES
            or any(
                a < ent.end_char and ent.start_char < b
                for (a, b), t in out.items()
                if t == "Frequency"
            )
        ):
            continue
        out.setdefault(_amount(ent) if kind in ("Money", "Quantity") else _chars(ent), kind)
    for s in doc.spans[TRIGGERS_KEY]:
        if s.label_ in WEAPON_TRIGGERS and s.root.pos_ == "NOUN":
            out.setdefault((s.start_char, s.end_char), "Weapon")
    return {(a, b, t) for (a, b), t in out.items()}


def _relaxed(gold: set[Entity], pred: set[Entity]) -> tuple[int, int, int]:
    matched_gold = {
        g for g in gold if any(p[2] == g[2] and p[0] < g[1] and g[0] < p[1] for p in pred)
    }
    matched_pred = {
        p for p in pred if any(p[2] == g[2] and p[0] < g[1] and g[0] < p[1] for g in gold)
    }
    return len(matched_pred), len(pred) - len(matched_pred), len(gold) - len(matched_gold)


def evaluate_re3d(path: Path, settings: Settings | None = None) -> dict[str, Any]:
    from marsad import geo, ingest
    from marsad.model import Article, Rejection
    from marsad.pipeline import Pipeline

    settings = settings or Settings.from_env()
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    types = sorted({e["type"] for d in docs for e in d["entities"]})
    pipeline = Pipeline(settings, classifier=None)
    exact: dict[str, list[int]] = {t: [0, 0, 0] for t in types}
    relaxed: dict[str, list[int]] = {t: [0, 0, 0] for t in types}
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, pipeline.nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        article = ingest.article_from_text(d["text"], source=f"re3d:{d['id']}", settings=settings)
        if isinstance(article, Rejection):
            article = Article(id=str(d["id"]), text=d["text"])
        places = geo.resolve(doc, article, pipeline.gazetteer)
        pred = {e for e in predict_entities(doc, places) if e[2] in exact}
        gold = {(e["start"], e["end"], e["type"]) for e in d["entities"]}
        for t in types:
            g = {e for e in gold if e[2] == t}
            p = {e for e in pred if e[2] == t}
            tp = len(g & p)
            for acc, values in (
                (exact[t], (tp, len(p) - tp, len(g) - tp)),
                (relaxed[t], _relaxed(g, p)),
            ):
                for i in range(3):
                    acc[i] += values[i]
    per_type = {t: prf(*exact[t]) for t in types}
    per_type_relaxed = {t: prf(*relaxed[t]) for t in types}
    main = [t for t in MAIN_TYPES if t in per_type]
    main_micro = prf(*(sum(exact[t][i] for t in main) for i in range(3)))
    return {
        "file": str(path),
        "documents": len(docs),
        "gold_entities": sum(len(d["entities"]) for d in docs),
        "types": types,
        "main_types_macro_f1": sum(per_type[t]["f1"] for t in main) / max(len(main), 1),
        "main_types_micro_f1": main_micro["f1"],
        "main_types_macro_f1_relaxed": sum(per_type_relaxed[t]["f1"] for t in main)
        / max(len(main), 1),
        "all_types_macro_f1": sum(v["f1"] for v in per_type.values()) / max(len(per_type), 1),
        "all_types_macro_f1_relaxed": sum(v["f1"] for v in per_type_relaxed.values())
        / max(len(per_type), 1),
        "per_type": per_type,
        "per_type_relaxed": per_type_relaxed,
        "best_published": BEST_PUBLISHED,
    }
