"""UCDP GED events: the dyad and the death toll that marsad reads from each `source_headline`.

A headline is coded through the product path; its first new event gives the dyad (actor1,
actor2, mapped to UCDP's actor names) and the fatalities. Scores, as exact-match rates:
  dyad_exact      {side_a, side_b} equals marsad's {actor1, actor2} (unordered)
  side_any        at least one of marsad's actors is one of the two UCDP sides
  deaths_exact    fatalities == UCDP `best`, on the headlines that state a death toll (a number
                  or number word next to a death word: killed, dead, deaths, ...)
Headlines repeat across events of the same report; each distinct (headline, dyad, best) is
scored once.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from marsad import lexicon
from marsad.eval.common import code_texts, counts, first_event
from marsad.model import Actor
from marsad.settings import Settings

# marsad canonical ids -> UCDP GED actor names (GED codebook actor list).
UCDP_NAMES = {
    "syria_military": "Government of Syria",
    "syria_ndf": "Government of Syria",
    "state:SY": "Government of Syria",
    "islamic_state": "IS",
    "sdf": "SDF",
    "ypg": "SDF",
    "sdf_military_councils": "SDF",
    "hts": "HTS",
    "ahrar_al_sham": "Ahrar al-Sham",
    "jaysh_al_islam": "Jaysh al-Islam",
    "pkk": "PKK",
}
NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores?|hundreds?"
)
DEATH_WORDS = (
    r"kill\w*|dead|deaths?|died|die|martyr\w*|fatalit\w*|casualt\w*|bodies|lives|slain"
    r"|massacre\w*|toll"
)
STATES_DEATHS = re.compile(
    rf"\b(\d+|{NUMBER_WORDS})\b[^.;]{{0,60}}\b({DEATH_WORDS})\b|\b({DEATH_WORDS})\b[^.;]{{0,20}}\b(\d+)\b",
    re.I,
)


def ucdp_name(actor: Actor | None) -> str | None:
    """The UCDP actor name for a marsad actor (government, group, civilians), None if unknown."""
    if actor is None:
        return None
    key = actor.canonical_id or ""
    if key in UCDP_NAMES:
        return UCDP_NAMES[key]
    if actor.inter == 7 or key.startswith("generic:civilians"):
        return "Civilians"
    if key.startswith("state:") or (actor.inter == 1 and actor.country):
        country = lexicon.country_name(actor.country or key.partition(":")[2])
        return f"Government of {country}" if country else None
    if actor.inter in (2, 3) and key.startswith("generic:") and (actor.country in (None, "SY")):
        return "Syrian insurgents"
    if actor.inter == 2 and actor.country == "SY":
        return "Syrian insurgents"
    return actor.name


def _sides(value: str) -> set[str]:
    return {value.strip()}


def evaluate_ucdp_events(
    path: Path, settings: Settings | None = None, limit: int | None = None
) -> dict[str, Any]:
    settings = settings or Settings.from_env()
    seen: set[tuple[str, str, str, str]] = set()
    rows: list[dict[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            headline = (row.get("source_headline") or "").strip()
            key = (headline, row["side_a"], row["side_b"], row["best"])
            if headline and key not in seen:
                seen.add(key)
                rows.append(row)
    if limit:
        rows = rows[:limit]
    headlines = sorted({r["source_headline"].strip() for r in rows})
    coded = dict(zip(headlines, code_texts(headlines, settings, source="ucdp"), strict=True))
    dyad = side = events = 0
    with_deaths = deaths_right = deaths_found = 0
    misses: list[str] = []
    for row in rows:
        headline = row["source_headline"].strip()
        event = first_event(coded[headline])
        gold = {row["side_a"].strip(), row["side_b"].strip()}
        pred = (
            {n for n in (ucdp_name(event.actor1), ucdp_name(event.actor2)) if n} if event else set()
        )
        events += event is not None
        dyad += pred == gold
        side += bool(pred & gold)
        if pred != gold:
            misses.append(f"{' / '.join(sorted(gold))} <- {' / '.join(sorted(pred)) or 'none'}")
        if STATES_DEATHS.search(headline):
            with_deaths += 1
            found = event.fatalities if event is not None else None
            deaths_found += found is not None
            deaths_right += found is not None and str(found) == str(int(float(row["best"] or 0)))
    n = max(len(rows), 1)
    return {
        "file": str(path),
        "rows_scored": len(rows),
        "distinct_headlines": len(headlines),
        "event_found_rate": events / n,
        "dyad_exact": dyad / n,
        "side_any": side / n,
        "headlines_stating_deaths": with_deaths,
        "deaths_found_rate": deaths_found / max(with_deaths, 1),
        "deaths_exact": deaths_right / max(with_deaths, 1),
        "top_dyad_misses": dict(list(counts(misses).items())[:15]),
    }
