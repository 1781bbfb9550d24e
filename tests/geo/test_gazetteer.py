from __future__ import annotations

import sqlite3

import pytest

from marsad.geo import Gazetteer
from marsad.geo.build import BUILD_VERSION, build


@pytest.mark.parametrize("iso2,name", [("SY", "Syria"), ("IQ", "Iraq"), ("IR", "Iran")])
def test_gazetteer_country_name(gazetteer, iso2: str, name: str) -> None:
    assert gazetteer.country_name(iso2) == name
    place = gazetteer.country(iso2)
    assert place.feature == "country" and place.precision == 3
    assert place.gazetteer_id == f"iso:{iso2}"


@pytest.mark.parametrize(
    "name,gid", [("Al-Bukamal", "gn:174448"), ("Deir Ezzor", "gn:170794"), ("Kobane", "gn:172256")]
)
def test_gazetteer_lookup_spellings(gazetteer, name: str, gid: str) -> None:
    assert gid in [p.gazetteer_id for p in gazetteer.lookup(name, country="SY")]


@pytest.mark.parametrize("name", ["Damscus"])
def test_gazetteer_lookup_fuzzy(gazetteer, name: str) -> None:
    places = gazetteer.lookup(name, limit=3)
    assert places and places[0].country_iso2 == "SY"


def _dump(path) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return [
            *db.execute("SELECT gid, name, lat, lon, cc, admin1, feature, precision FROM places"),
            *db.execute("SELECT key, loose, place, kind FROM names"),
        ]
    finally:
        db.close()


@pytest.mark.slow
def test_gazetteer_build_slice_is_deterministic(tmp_path) -> None:
    a = build(tmp_path / "a.sqlite", countries=["SY"])
    b = build(tmp_path / "b.sqlite", countries=["SY"])
    rows = _dump(a)
    assert rows == _dump(b)
    gaz = Gazetteer(a)
    assert gaz.version == BUILD_VERSION
    assert gaz.admin1_name("SY.07") == "Deir ez-Zor"
    assert gaz.country_name("SY") == "Syria"
    ids = {p.gazetteer_id for p in gaz.lookup("Euphrates")}
    assert "sup:euphrates" in ids
    assert all(r[4] == "SY" for r in rows if len(r) == 8)
