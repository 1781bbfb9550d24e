"""Countries as ACLED names them: ISO2 -> ISO3, ISO numeric, short name and ACLED region.

Read from data/taxonomies/acled_regions.csv; the one source of country names for every stage:
actor names ("Military Forces of Syria"), the store's `country` filter (ISO2, ISO3, ISO numeric
or a name) and the ACLED export profile.
"""

from __future__ import annotations

import csv
import unicodedata
from functools import cache
from importlib import resources
from typing import NamedTuple

from marsad.errors import Errors, MarsadError


class Country(NamedTuple):
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _table() -> tuple[dict[str, Country], dict[str, Country]]:
    path = resources.files("marsad") / "data" / "taxonomies" / "acled_regions.csv"
    by_iso2: dict[str, Country] = {}
    by_key: dict[str, Country] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                country = Country(
                    row["iso2"], row["iso3"], int(row["iso_numeric"]), row["country"], row["region"]
                )
            except (KeyError, ValueError) as exc:
                raise MarsadError(Errors.E006.format(path=path, detail=exc)) from exc
            by_iso2[country.iso2] = country
            for key in (country.iso2, country.iso3, country.name):
                by_key.setdefault(_fold(key), country)
            if country.iso_numeric:
                by_key.setdefault(str(country.iso_numeric), country)
    # Official ISO names too ("Syrian Arab Republic"), without overriding ACLED's short names.
    try:
        import pycountry

        for c in pycountry.countries:
            if c.alpha_2 in by_iso2:
                for name in (
                    c.name,
                    getattr(c, "common_name", None),
                    getattr(c, "official_name", None),
                ):
                    if name:
                        by_key.setdefault(_fold(name), by_iso2[c.alpha_2])
    except ImportError:  # pragma: no cover - pycountry is a core dependency
        pass
    return by_iso2, by_key


def by_iso2(iso2: str | None) -> Country | None:
    if not iso2:
        return None
    return _table()[0].get(iso2.upper())


def lookup(value: str | int | None) -> Country | None:
    """A country from ISO2, ISO3, ISO numeric (760 or "760" or "076") or an English name."""
    if value is None:
        return None
    key = _fold(str(value))
    if key.isdigit():
        key = str(int(key))
    return _table()[1].get(key)


def demonym_forms(demonym: str) -> list[str]:
    """The demonym and, where English adds -s for the people, its plural ("Syrians",
    "Iraqis"); "Swiss", "Chinese" and "Kurdish" have none."""
    if demonym.endswith(("an", "i")):
        return [demonym, demonym + "s"]
    return [demonym]


@cache
def demonyms() -> dict[str, str]:
    """Nationality words and their plurals, lower-cased -> ISO2 (data/places/demonyms.csv)."""
    path = resources.files("marsad") / "data" / "places" / "demonyms.csv"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for form in demonym_forms(row["demonym"].strip()):
                out.setdefault(form.lower(), row["iso2"])
    return out
