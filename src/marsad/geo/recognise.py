"""Toponym recognition: spaCy entities, a gazetteer matcher for what spaCy misses or mislabels,
and the textual cues around each name ("province", "oil field", "near", "X, Y", the dateline)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from marsad.geo import names
from marsad.geo.gazetteer import MATCH_ALT, MATCH_NAME, Gazetteer
from marsad.model import Article
from marsad.nlp.paragraphs import ends_label

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that say what kind of place it is; the value is the feature expected.
CUE_AFTER = {
    "province": "admin1",
    "governorate": "admin1",
    "governorates": "admin1",
    "state": "admin1",
    "region": "admin1",
    "oil field": "oil field",
    "oilfield": "oil field",
    "oil fields": "oil field",
    "gas field": "gas field",
    "field": "oil field",
    "river": "river",
    "dam": "dam",
    "crossing": "border crossing",
    "border crossing": "border crossing",
    "camp": "camp",
    "air base": "base",
    "airbase": "base",
    "base": "base",
    "airport": "airport",
    "county": "admin2",
    "district": "admin2",
    "city": "populated place",
    "town": "populated place",
    "village": "populated place",
}
_CUE_RE = re.compile(
    r"\s+(" + "|".join(sorted(map(re.escape, CUE_AFTER), key=len, reverse=True)) + r")\b", re.I
)
# Words before a name that make the location approximate (ACLED precision 2).
NEAR_RE = re.compile(
    r"\b(near|nearby|outside|around|outskirts of|vicinity of|close to|(?:north|south|east|west|"
    r"north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|"
    r"northern|southern|eastern|western)(?:ern)? (?:of|outskirts of)|km (?:from|of)|"
    r"kilometres (?:from|of)|miles (?:from|of)|countryside of|countryside)\s+(?:the\s+)?$",
    re.I,
)
_TRIM_HEAD = ("the ", "The ")
_TRIM_TAIL = ("'s", "’s", "'", "’")
# Lower-case words inside a multi-word place name: the Arabic articles plus name particles.
_CONNECTORS = names.ARTICLES | frozenset(
    {"-", "abu", "bin", "ibn", "de", "du", "la", "le", "of", "'s", "’s"}
)
# Lower-case words that may end a curated name ("Conoco gas field", "al-Hol camp").
_FEATURE_WORDS = frozenset(
    [
        "oil",
        "gas",
        "field",
        "oilfield",
        "river",
        "dam",
        "camp",
        "air",
        "base",
        "airbase",
        "airport",
        "crossing",
        "border",
        "refugee",
    ]
)
_MAX_NGRAM = 6
# Labels spaCy gives to place names it misreads ("Edmonton" ORG, "Alexandria" PERSON).
MISLABELS = frozenset({"ORG", "PERSON", "PRODUCT", "NORP", "LANGUAGE", "EVENT", "WORK_OF_ART"})
# A whole entity with one of these labels is read as a place when it is a country or admin1
# unit, or a town at least this big (a person or firm rarely carries a big city's exact name).
MISLABEL_MIN_POP = {
    "ORG": 100_000,
    "PERSON": 1_000_000,
    "NORP": 100_000,
    "PRODUCT": 20_000,
    "LANGUAGE": 500_000,  # a city the tagger reads as a language ("arrived in southern Aleppo")
}
# Heads of local institutions named after their town ("Beverly Hills Police Department").
_INSTITUTION_HEADS = frozenset(
    {
        "police",
        "sheriff",
        "fire",
        "mayor",
        "city",
        "county",
        "council",
        "school",
        "schools",
        "board",
        "chamber",
        "department",
        "municipal",
        "township",
        "public",
        "high",
        "community",
        "district",
    }
)


# Capitalised words of institution names that are also some small town's name ("Soviet Union",
# "Federal Reserve", "City Hall"): never the inner place on their own.
GENERIC_INNER = frozenset(
    ["union", "federal", "national", "city", "hall", "state", "united", "royal", "central",
     "general", "capital", "valley", "centre", "center", "park", "college", "university",
     "empire", "republic", "kingdom", "institute"]
)  # fmt: skip


# Words after a name that make it a local municipality: "the Paris police", "a Jordan man",
# "Dublin City Council". Countries rarely take them; small towns sharing a famous name do.
_LOCAL_RE = re.compile(
    r"(?:'s)?\s+(?:city\s+(?:council|hall|commission|manager|schools?)|police|sheriff|mayor|"
    r"fire\s+(?:department|chief|station)|firefighters|township|school\s+(?:board|district)|"
    r"high\s+school|public\s+schools|(?:wo)?m[ae]n|residents?|natives?|teen(?:ager)?s?|"
    r"couple|boy|girl)\b",
    re.I,
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # spaCy label, or "GAZ" for the gazetteer matcher, "DATELINE"
    cue: str | None = None  # feature named by the words around it
    cue_name: str | None = None  # name with its cue word ("Conoco gas field")
    near: bool = False
    parent: Mention | None = None  # "X, Y": Y
    inside: bool = False  # the parent by "X in Y", which a list ("France, Spain") never is
    demonym: bool = False
    local: bool = False  # followed by a municipal cue ("X police", "an X man")


def recognise(doc: Doc, article: Article, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    text = doc.text if text is None else text  # Doc.text is rebuilt on every access: pass it
    mentions: list[Mention] = []
    taken = [False] * (len(text) + 1)
    ents = doc.ents  # built anew on every access: read once

    def add(start: int, end: int, label: str, demonym: bool = False) -> None:
        start, end = _trim(text, start, end)
        if end <= start or any(taken[start:end]):
            return
        for i in range(start, end):
            taken[i] = True
        mentions.append(Mention(start, end, text[start:end], label, demonym=demonym))

    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            demonym = names.key(ent.text) in gaz.demonym_keys and not gaz.key_candidates(ent.text)
            start, end = _extend(doc, ent, gaz) if not demonym else (ent.start_char, ent.end_char)
            add(start, end, ent.label_, demonym=demonym)  # GPE "Sri Lankan"
        elif ent.label_ == "NORP" and names.key(ent.text) in gaz.demonym_keys:
            add(ent.start_char, ent.end_char, "NORP", demonym=True)
    # Gazetteer matcher: capitalised runs spaCy missed or mislabelled (ORG "Euphrates",
    # "Deir ez-Zor Military Council"); never inside a person's name.
    blocked = {t.i for ent in ents if ent.label_ == "PERSON" for t in ent}
    other = {
        (ent.start_char, ent.end_char)
        for ent in ents
        if ent.label_ in ("ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")
    }
    for start, end in _gazetteer_matches(doc, gaz, blocked):
        # A whole ORG/PRODUCT entity is a place only if it is a curated feature ("Euphrates"
        # tagged ORG); a name nested in a longer one is ("Deir ez-Zor Military Council").
        if (start, end) in other and names.key(text[start:end]) not in gaz.feature_keys:
            continue
        if text[start:end].lower() in GENERIC_INNER and any(
            s <= start and end <= e for s, e in other
        ):  # "US Federal Reserve": "Federal" is no place of its own
            continue
        add(start, end, "GAZ")
    for ent in ents:
        if ent.label_ in MISLABELS and not (ent.label_ == "NORP" and mentions_demonym(ent, gaz)):
            start, end = _trim(text, ent.start_char, ent.end_char)
            if ent.label_ in ("PERSON", "ORG") and names.key(text[start:end]) in gaz.demonym_keys:
                add(start, end, "NORP", demonym=True)  # "Sri Lankan" read as a PERSON
            elif _well_known(text[start:end], ent.label_, gaz) or _has_parent(
                text[start:end], text, end, gaz
            ):
                add(start, end, "GAZ")
            else:
                if ent.label_ == "ORG":
                    _institution_prefix(ent, gaz, add)
                if ent.label_ in ("ORG", "NORP"):
                    _nested_demonyms(ent, gaz, add)
    _after_locative(doc, text, ents, gaz, add)
    _dotted_abbreviations(text, gaz, add)
    _add_dateline(text, article, gaz, mentions, add)
    _propagate(text, ents, gaz, mentions, taken, add)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        _cues(text, m)
    _parents(text, mentions)
    return mentions


def _extend(doc: Doc, ent, gaz: Gazetteer) -> tuple[int, int]:
    """A place entity spaCy cut short ("Baja [California]", "[U.S.] Virgin Islands"): the
    longest span with up to one more capitalised word before it and two after it that is a
    country, province, curated feature or big town of the gazetteer."""
    best = (ent.start_char, ent.end_char)
    n = len(doc)
    if not (ent.end < n and _capitalised(doc[ent.end])) and not (
        ent.start > 0 and _capitalised(doc[ent.start - 1])
    ):
        return best  # most entities: no capitalised word on either side
    for left in (1, 0):
        i = ent.start - left
        if i < 0 or (left and (not _capitalised(doc[i]) or doc[i].is_sent_start)):
            continue
        for right in (2, 1, 0):
            j = ent.end + right
            if j > n or not all(_capitalised(t) for t in doc[ent.end : j]):
                continue
            if not left and not right:
                return best
            span = doc[i:j]
            if names.key(span.text) in gaz.matcher_keys:
                return span.start_char, span.end_char
    return best


def mentions_demonym(ent, gaz: Gazetteer) -> bool:
    return names.key(ent.text) in gaz.demonym_keys


def _well_known(name: str, label: str, gaz: Gazetteer) -> bool:
    """A name spaCy labelled ORG/PERSON/... that is nonetheless a place: a country, an admin1
    unit or a big town, by its primary or alternate name (never a loose or fuzzy match)."""
    if not name[:1].isupper() or len(name) < 3:
        return False
    if name.isupper() and len(name) <= 4:  # "ER", "UF", "HMS": acronyms
        return False
    min_pop = MISLABEL_MIN_POP.get(label)
    if min_pop is None:
        return False
    for c in gaz.key_candidates(name):
        if c.feature in ("country", "admin1") or (
            c.feature == "populated place" and c.population >= min_pop
        ):
            return True
    return False


_PARENT_RE = re.compile(r",\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


def _has_parent(name: str, text: str, end: int, gaz: Gazetteer) -> bool:
    """ "Greer, South Carolina": a name followed by its country or first-level division, when
    the name has a reading inside that unit, is a place whatever spaCy labelled it."""
    hit = _PARENT_RE.match(text, end, min(len(text), end + 40))
    if not hit:
        return False
    words = hit.group(1).split()
    for k in range(len(words), 0, -1):
        units = [
            c for c in gaz.key_candidates(" ".join(words[:k])) if c.feature in ("country", "admin1")
        ]
        if units:
            return any(
                c.cc == u.cc and (u.feature == "country" or c.admin1 == u.admin1)
                for c in gaz.key_candidates(name)
                if c.feature not in ("country", "admin1")
                for u in units
            )
    return False


def _institution_prefix(ent, gaz: Gazetteer, add) -> None:
    """ "Beverly Hills Police Department", "Laguna Mayor": the town the institution serves."""
    toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    for k in range(min(len(toks) - 1, 3), 0, -1):
        head = toks[k]
        if head.lower_ not in _INSTITUTION_HEADS:
            continue
        span = ent.doc[toks[0].i : toks[k - 1].i + 1]
        if not all(_capitalised(t) for t in span):
            continue
        if gaz.key_candidates(span.text):
            add(span.start_char, span.end_char, "GAZ")
        elif len(span) > 1 and span[-1].lower_ in names.GENERIC:  # "Woodstock District ..."
            inner = span[:-1]
            if gaz.key_candidates(inner.text):
                add(inner.start_char, inner.end_char, "GAZ")
        return


def _nested_demonyms(ent, gaz: Gazetteer, add) -> None:
    """ "the Nigerian Army", "BBC Russian Service", "the U.S. Federal Trade Commission": the
    country the organisation belongs to."""
    for t in ent:
        if not t.text[:1].isupper():
            continue
        if names.key(t.text) in gaz.demonym_keys:
            add(t.idx, t.idx + len(t.text), "NORP", demonym=True)
        elif len(t.text) > 1 and any(
            c.feature == "country" and c.match in (MATCH_NAME, MATCH_ALT)
            for c in gaz.key_candidates(t.text)
        ):  # "the U.S. Federal Trade Commission", "Iraq Body Count"
            add(t.idx, t.idx + len(t.text), "GAZ")


def _propagate(text: str, ents, gaz: Gazetteer, mentions: list[Mention], taken, add) -> None:
    """One sense per discourse: a name read as a place once is a place wherever else it is
    written in the article, whatever spaCy labelled it there ("Edmonton" GPE, later ORG),
    except inside a longer person's name ("Benjamin Franklin")."""
    seen = {m.text for m in mentions if not m.demonym and m.text[:1].isupper()}
    persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON" and len(e) > 1]
    for name in sorted(seen, key=len, reverse=True):
        if len(name) < 3 or not gaz.key_candidates(name):
            continue
        for s in names.whole_word_hits(text, name, joiners="_-"):
            e = s + len(name)
            if taken[s] or any(ps <= s and e <= pe and (ps, pe) != (s, e) for ps, pe in persons):
                continue
            add(s, e, "DOC")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    for head in _TRIM_HEAD:
        if text.startswith(head, start) and end - start > len(head):
            start += len(head)
    for tail in _TRIM_TAIL:
        if text[start:end].endswith(tail) and end - start > len(tail):
            end -= len(tail)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha or tok.text[:1].isupper() and "-" in tok.text


def _gazetteer_matches(doc: Doc, gaz: Gazetteer, blocked: set[int]) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _capitalised(tok) or (tok.is_sent_start and tok.is_stop):
            i += 1
            continue
        found = None
        for j in range(min(n, i + _MAX_NGRAM), i, -1):
            last = doc[j - 1]
            if not (_capitalised(last) or j - 1 == i or last.lower_ in _FEATURE_WORDS):
                continue
            inner = doc[i:j]
            # Inside a person's name only a curated feature counts ("Omar" + "oil field").
            if any(t.i in blocked for t in inner) and (
                last.lower_ not in _FEATURE_WORDS or names.key(inner.text) not in gaz.feature_keys
            ):
                continue
            if any(
                not (_capitalised(t) or t.lower_ in _CONNECTORS or t.lower_ in _FEATURE_WORDS)
                for t in inner
            ):
                continue
            span_text = inner.text
            if names.key(span_text) in gaz.matcher_keys and not _common_word(inner):
                found = (inner.start_char, inner.end_char)
                i = j
                break
        if found:
            out.append(found)
        else:
            i += 1
    return out


# Prepositions that introduce a location far more often than a person or firm: "in Lombard",
# "near Elbow Lake". ("to", "from", "of" and "at" are left out: "gave it to Jordan".)
_LOCATIVE = frozenset({"in", "near", "outside", "throughout", "across", "around", "inside"})
_NOT_PLACE_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"}
)


_LOCATIVE_RE = re.compile(r"\b(?:" + "|".join(sorted(_LOCATIVE)) + r")\s+(?=[A-Z])", re.I)


def _after_locative(doc: Doc, text: str, ents, gaz: Gazetteer, add) -> None:
    """A capitalised name right after a locative preposition ("in Lombard", "near Parkers
    Prairie") that is a town or county in the gazetteer is a place, whatever spaCy labelled it
    (PERSON, ORG or nothing): small towns are below the matcher's population floor."""
    skip = {t.i for e in ents if e.label_ in _NOT_PLACE_LABELS for t in e}
    n = len(doc)
    for hit in _LOCATIVE_RE.finditer(text):  # a regex pass: most articles have few
        first = doc.char_span(hit.end(), hit.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        i = first.start
        if i in skip or not _capitalised(doc[i]) or doc[i - 1].lower_ not in _LOCATIVE:
            continue
        j = i
        while j < n and j - i < 4 and j not in skip and _capitalised(doc[j]):
            j += 1
        for k in range(j, i, -1):
            span = doc[i:k]
            if _common_word(span):
                continue
            if any(
                c.feature in ("populated place", "admin2") for c in gaz.key_candidates(span.text)
            ):
                add(span.start_char, span.end_char, "GAZ")
                break


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}")


def _dotted_abbreviations(text: str, gaz: Gazetteer, add) -> None:
    """ "S.C.", "N.D.", "N.Y.": dotted abbreviations of states and countries, too short for the
    name matcher (which skips two-letter keys: "IN", "OR" and "ME" are words)."""
    for hit in _DOTTED.finditer(text):
        if any(c.feature in ("country", "admin1") for c in gaz.key_candidates(hit.group())):
            add(hit.start(), hit.end(), "GAZ")


def _common_word(span) -> bool:
    """A single capitalised common word ("March", "Reading", "Sunday") is not a place by itself;
    all-capitals datelines and proper nouns are."""
    if len(span) > 1:
        return False
    tok = span[0]
    if tok.text.isupper() and len(tok.text) > 3:
        return False
    if _labels_a_headline(tok):
        return False  # "Daraa: Rebels shell ...": the tagger's NOUN is the headline's place
    return tok.pos_ not in ("PROPN",) or tok.is_stop


def _labels_a_headline(tok) -> bool:
    """The one word of a headline's label, alone before its colon at a line's start (a label
    as the paragraphs component reads one: no verb, a capitalised word after the colon)."""
    doc = tok.doc
    at_start = tok.i == 0 or (doc[tok.i - 1].is_space and "\n" in doc[tok.i - 1].text)
    colon = tok.i + 1
    return (
        at_start
        and colon < len(doc) - 1
        and doc[colon].text == ":"
        and ends_label(doc, tok.i, colon)
    )


def _add_dateline(text: str, article: Article, gaz: Gazetteer, mentions, add) -> None:
    """The dateline ("CONOCO GAS FIELD (Syria)", "BAGHDAD") is a place mention where it appears."""
    if not article.dateline:
        return
    place = article.dateline.split("(")[0].strip(" ,:-—")
    if not place:
        return
    pos = text.find(place, 0, 2000)
    if pos >= 0:
        add(pos, pos + len(place), "DATELINE")


def _cues(text: str, m: Mention) -> None:
    after = _CUE_RE.match(text, m.end, min(len(text), m.end + 30))
    if after:
        word = after.group(1).lower()
        m.cue = CUE_AFTER[word]
        m.cue_name = f"{m.text} {word}"
    else:
        low = m.text.lower()
        for word, feature in CUE_AFTER.items():
            if low.endswith(" " + word) and feature not in ("populated place",):
                m.cue = feature
                break
    before = text[max(0, m.start - 40) : m.start]
    m.near = bool(NEAR_RE.search(before))
    m.local = bool(_LOCAL_RE.match(text, m.end, min(len(text), m.end + 40)))


# "X in Y", "X area in the Y": the second place holds the first.
_INSIDE_RE = re.compile(
    r"\s+(?:(?:area|district|town|village|city|neighbou?rhood|region|countryside)\s+)?"
    r"in\s+(?:the\s+)?"
)


def _parents(text: str, mentions: list[Mention]) -> None:
    """ "Alexandria, Louisiana" / "Hajin, Deir Ezzor" / "Al-Marj area in the Eastern Ghouta":
    the second names the first's parent."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        between = text[a.end : b.start]
        if between.strip() in (",", "(") and len(between) <= 3:
            a.parent = b
        elif _INSIDE_RE.fullmatch(between):
            a.parent, a.inside = b, True
