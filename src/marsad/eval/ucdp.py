"""UCDP GED events: the dyad and the death toll that marsad reads from each `source_headline`.

A headline is coded through the product path; its first new event gives the dyad (actor1,
actor2, mapped to UCDP's actor names) and the fatalities. Scores, as exact-match rates:
  dyad_exact      {side_a, side_b} equals marsad's {actor1, actor2} (unordered)
  side_any        at least one of marsad's actors is one of the two UCDP sides
  deaths_exact    fatalities == UCDP `best`, on the headlines that state a death toll (a number
                  or number word next to a death word: killed, dead, deaths, ...)
Headlines repeat across events of the same report; each distinct (headline, dyad, best) is
scored once.

UCDP codes each event from the whole report, so many headlines name one side or none ("Clashes
in the Eastern Ghouta"). The same scores are also given on the rows whose headline names the
sides, which is what a headline coder can be asked for:
  names_both_sides  rows whose headline names both UCDP sides: dyad_exact, side_any
  names_a_side      rows whose headline names at least one: side_any, and named_side_found (one
                    of the sides the headline names is among marsad's actors)
  states_best       rows whose headline states UCDP's `best` itself as a toll (the number, in
                    digits or as a word, and a death word): deaths_found, deaths_exact
"Names a side" is decided by SIDE_FORMS below, a fixed list of the English names, acronyms and
descriptions news use for each UCDP side ("regime forces", "loyalists", "the factions", "ISIS",
"Daesh", "QSD", "YPG", "citizens"), written from the GED actor list and common usage and kept
apart from marsad's own actor dictionaries on purpose: the subsets must not grow or shrink when
marsad's recognition changes, or before/after numbers would not compare. A side not in the list
counts as named when one of its comma-separated names appears in the headline. Descriptions that
need the report to resolve ("the organization", "warplanes", "helicopters") do not name a side.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

from marsad import lexicon
from marsad.eval.common import code_texts, counts, first_event
from marsad.model import Actor, CodedArticle, Event, Rejection
from marsad.settings import Settings

# marsad canonical ids -> UCDP GED actor names (GED codebook actor list).
UCDP_NAMES = {
    "syria_military": "Government of Syria",
    "syria_ndf": "Government of Syria",
    "liwa_al_quds": "Government of Syria",
    "state:SY": "Government of Syria",
    "islamic_state": "IS",
    "sdf": "SDF",
    "ypg": "SDF",
    "sdf_military_councils": "SDF",
    "hts": "HTS",
    # UCDP keeps one actor for al-Nusra Front under its later name
    "jabhat_fateh_al_sham": "Jabhat Fateh al-Sham",
    "nusra_front": "Jabhat Fateh al-Sham",
    "ahrar_al_sham": "Ahrar al-Sham",
    "jaysh_al_islam": "Jaysh al-Islam",
    "pkk": "PKK",
}
# UCDP rebel groups that fight the Government of Syria under UCDP's collective "Syrian
# insurgents" (and under their own names in conflicts between non-state groups).
_GROUP_FORMS = {
    "HTS": r"\bHTS\b|Tahrir[ -]al[ -]?Sham|Hay['a]+t Tahrir",
    "Jabhat Fateh al-Sham": r"Fat[ae]?h[ -]al[ -]?Sham|\bJFS\b|Nusra",
    "Ahrar al-Sham": r"Ahrar[ -]al[ -]?Sham",
    "Jaysh al-Islam": r"Ja[iy]sh[ -]al[ -]?Islam|Army of Islam",
    "Rahman Corps": r"Rahman Corps|Fa[iy]laq[ -]al[ -]?Rahman",
    "Nour al-Din al-Zenki": r"N[ou]+r al-Din al-Zenki|Zenki",
    "Southern Front": r"Southern Front",
    "Fatah Halab": r"Fatah Halab",
    "Liwa al-Aqsa": r"Liwa[ -]al[ -]?Aqsa|Jund[ -]al[ -]?Aqsa",
    "FSA": r"Free Syrian Army|\bFSA\b",
}
SIDE_FORMS = {
    "Government of Syria": r"regime|loyalists?\b|pro-government|government (?:forces|troops|"
    r"soldiers)|Syrian (?:army|forces|troops|soldiers|military|government|warplanes|jets|"
    r"helicopters|air force)|Syrian Arab Army|\bSAA\b|Assad|National Defen[cs]e Forces|\bNDF\b",
    "IS": r"Islamic State|\bIS\b|\bISIS\b|\bISIL\b|Daesh|Daish|Da['’]esh",
    "SDF": r"\bSDF\b|\bQSD\b|Syria[n]? Democratic Forces|\bYPG\b|\bYPJ\b|Protection Units"
    r"|Kurdish (?:forces|fighters|units|militia)",
    "Syrian insurgents": r"\brebels?\b|\bfactions?\b|\binsurgents?\b|\bopposition (?:fighters|"
    r"forces|factions|groups)\b|" + "|".join(_GROUP_FORMS.values()),
    "Civilians": r"\bcivilians?\b|\bcitizens\b",
    "Government of Turkey": r"\bTurkey\b|Turkish (?:forces|army|troops|soldiers|military|"
    r"warplanes|jets|aircraft|planes|artillery|tanks|drones?)",
    "Government of Iraq": r"Iraqi (?:forces|army|troops|soldiers|military|government|warplanes"
    r"|jets|aircraft)|Popular Mobili[sz]ation|Hashd",
    "Government of Russia (Soviet Union)": r"\bRussia\b|Russian (?:forces|army|troops|soldiers|"
    r"military|warplanes|jets|aircraft|planes)",
    **_GROUP_FORMS,
}
# "IS" is matched case-sensitively (never the verb "is").
_SIDE_RE = {n: re.compile(f, re.I if n != "IS" else 0) for n, f in SIDE_FORMS.items()}
# UCDP GED codes each event to the primary dyad of its conflict. The states fighting beside the
# Syrian government (Russia, Iran; Hezbollah and the militias Iran sends with them) are secondary
# parties on its side, so their strikes are the government's in GED.
GOVERNMENT_BACKERS = {
    "SY": {
        "russia_military",
        "state:RU",
        "iran_military",
        "state:IR",
        "hezbollah",
        "iran_backed_foreign_militias",
    },
}
# The armed opposition fighting a government is one side in UCDP's state-based conflicts
# ("Syrian insurgents"); the groups that UCDP also names on their own (in conflicts between
# non-state groups, and for one-sided violence) are folded into it when they face the government
# or no one else is named.
COLLECTIVE_SIDES = {
    "SY": ("Syrian insurgents", {"HTS", "Ahrar al-Sham", "Jaysh al-Islam", "Jabhat Fateh al-Sham"}),
}
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?"
)
DEATH_WORDS = (
    r"kill\w*|dead|deaths?|died|die|martyr\w*|fatalit\w*|casualt\w*|bodies|lives|slain"
    r"|massacre\w*|toll"
)
_WORDS = NUMBER_WORDS.split("|")[:12]
STATES_DEATHS = re.compile(
    rf"\b(\d+|{NUMBER_WORDS})\b[^.;]{{0,60}}\b({DEATH_WORDS})\b|\b({DEATH_WORDS})\b[^.;]{{0,20}}\b(\d+)\b",
    re.I,
)


def names_side(headline: str, side: str) -> bool:
    """Whether the headline names a UCDP side (SIDE_FORMS, else one of its comma-separated names
    written out)."""
    if side in _SIDE_RE:
        return bool(_SIDE_RE[side].search(headline))
    parts = [p.strip() for p in side.split(",") if p.strip()]
    if len(parts) > 1:
        return any(names_side(headline, p) for p in parts)
    words = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", side))
    return bool(re.search(rf"\b{words}\b", headline, re.I))


def states_number(headline: str, number: int) -> bool:
    """Whether the headline states a death toll (STATES_DEATHS) and writes `number` in it, in
    digits or as a word ("98 dead yesterday, among them 20 soldiers" states both 98 and
    20)."""
    if number <= 0 or not STATES_DEATHS.search(headline):
        return False
    written = [str(number)] + ([_WORDS[number - 1]] if number <= len(_WORDS) else [])
    return bool(re.search(r"\b(?:" + "|".join(written) + r")\b", headline, re.I))


def _government(iso2: str | None) -> str | None:
    """UCDP's name for a country's government side ("Government of Syria")."""
    country = lexicon.country_name(iso2) if iso2 else None
    return f"Government of {country}" if country else None


def ucdp_name(actor: Actor | None) -> str | None:
    """The UCDP actor name for a marsad actor (government, group, civilians), None if unknown."""
    if actor is None:
        return None
    key = actor.canonical_id or ""
    if key in UCDP_NAMES:
        return UCDP_NAMES[key]
    if key.startswith("generic:pro_government_militia") and actor.country:
        # UCDP counts the militias that fight for a government on the government's side.
        return _government(actor.country)
    if actor.inter == 7 or key.startswith("generic:civilians"):
        return "Civilians"
    if key.startswith("state:") or (actor.inter == 1 and actor.country):
        return _government(actor.country or key.partition(":")[2])
    # an unnamed armed group in Syria, or a Syrian rebel group UCDP does not name on its own
    unnamed = actor.inter in (2, 3) and key.startswith("generic:") and actor.country in (None, "SY")
    if unnamed or (actor.inter == 2 and actor.country == "SY"):
        return "Syrian insurgents"
    return actor.name


def ucdp_sides(event: Event | None) -> set[str]:
    """The UCDP names of an event's two actors, read the way GED codes a dyad: the government's
    foreign backers fighting in its country count as the government (GOVERNMENT_BACKERS), and a
    rebel group that fights the government, or no one named, is that conflict's collective side
    (COLLECTIVE_SIDES: "Syrian insurgents"); groups keep their own names against other non-state
    groups and civilians."""
    if event is None:
        return set()
    actors = (event.actor1, event.actor2)
    names = [ucdp_name(a) for a in actors]
    country = event.place.country_iso2 if event.place is not None else None
    government = _government(country)
    for i, actor in enumerate(actors):
        key = (actor.canonical_id or "") if actor is not None else ""
        if government and key in GOVERNMENT_BACKERS.get(country or "", ()):
            names[i] = government
    collective = COLLECTIVE_SIDES.get(country or "")
    if collective is not None:
        for i in (0, 1):
            other = names[1 - i]
            if names[i] in collective[1] and other in (government, None):
                names[i] = collective[0]
    return {n for n in names if n}


def read_rows(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    """The GED rows with a headline, each distinct (headline, side_a, side_b, best) once."""
    seen: set[tuple[str, str, str, str]] = set()
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            headline = (row.get("source_headline") or "").strip()
            key = (headline, row["side_a"], row["side_b"], row["best"])
            if headline and key not in seen:
                seen.add(key)
                rows.append(row)
    return rows[:limit] if limit else rows


def evaluate_ucdp_events(
    path: Path, settings: Settings | None = None, limit: int | None = None
) -> dict[str, Any]:
    settings = settings or Settings.from_env()
    rows = read_rows(path, limit)
    headlines = sorted({r["source_headline"].strip() for r in rows})
    coded = dict(zip(headlines, code_texts(headlines, settings, source="ucdp"), strict=True))
    return {"file": str(path), **score_rows(rows, coded)}


def score_rows(
    rows: list[dict[str, str]], coded: dict[str, CodedArticle | Rejection]
) -> dict[str, Any]:
    """The scores of the rows, given each headline coded."""
    tally: Counter[str] = Counter()
    misses: list[str] = []
    named_misses: list[str] = []
    for row in rows:
        headline = row["source_headline"].strip()
        event = first_event(coded[headline])
        sides = [row["side_a"].strip(), row["side_b"].strip()]
        gold = set(sides)
        pred = ucdp_sides(event)
        said = " / ".join(sorted(pred)) or "none"
        tally["events"] += event is not None
        tally["dyad"] += pred == gold
        tally["side"] += bool(pred & gold)
        if pred != gold:
            misses.append(f"{' / '.join(sorted(gold))} <- {said}")
        named = {s for s in sides if names_side(headline, s)}
        if named:
            tally["one"] += 1
            tally["one_side"] += bool(pred & gold)
            tally["one_named_found"] += bool(pred & named)
            if not pred & named:
                named_misses.append(f"{' / '.join(sorted(named))} named <- {said}")
        if named == gold:
            tally["both"] += 1
            tally["both_dyad"] += pred == gold
            tally["both_side"] += bool(pred & gold)
        found = event.fatalities if event is not None else None
        best = int(float(row["best"] or 0))
        for subset, applies in (
            ("with_deaths", bool(STATES_DEATHS.search(headline))),
            ("best_stated", states_number(headline, best)),
        ):
            if applies:
                tally[subset] += 1
                tally[f"{subset}_found"] += found is not None
                tally[f"{subset}_right"] += found is not None and found == best

    def share(key: str, of: str) -> float:
        return tally[key] / max(tally[of], 1)

    tally["rows"] = len(rows)
    return {
        "rows_scored": len(rows),
        "distinct_headlines": len({r["source_headline"].strip() for r in rows}),
        "event_found_rate": share("events", "rows"),
        "dyad_exact": share("dyad", "rows"),
        "side_any": share("side", "rows"),
        "headlines_stating_deaths": tally["with_deaths"],
        "deaths_found_rate": share("with_deaths_found", "with_deaths"),
        "deaths_exact": share("with_deaths_right", "with_deaths"),
        "names_both_sides": {
            "rows": tally["both"],
            "dyad_exact": share("both_dyad", "both"),
            "side_any": share("both_side", "both"),
        },
        "names_a_side": {
            "rows": tally["one"],
            "side_any": share("one_side", "one"),
            "named_side_found": share("one_named_found", "one"),
        },
        "states_best": {
            "rows": tally["best_stated"],
            "deaths_found_rate": share("best_stated_found", "best_stated"),
            "deaths_exact": share("best_stated_right", "best_stated"),
        },
        "top_dyad_misses": dict(list(counts(misses).items())[:15]),
        "top_named_side_misses": dict(list(counts(named_misses).items())[:10]),
    }
