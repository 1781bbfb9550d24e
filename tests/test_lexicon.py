"""The actor dictionaries (data/actors/*.yaml) as lexicon.actors() loads them, and the world
dictionary's actors found by the real spaCy pipeline."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources

import pytest

from marsad import countries, lexicon
from marsad.errors import MarsadError
from marsad.nlp.components import ACTORS_KEY, _is_acronym

# ACLED Codebook: actor type -> inter code.
ACLED_INTER = {
    "State forces": 1,
    "Rebel group": 2,
    "Political militia": 3,
    "Identity militia": 4,
    "Rioters": 5,
    "Protesters": 6,
    "Civilians": 7,
    "External/Other forces": 8,
}


def _rows(relpath: str) -> list[dict]:
    return lexicon.load_data(relpath)["actors"]


def test_lexicon_actor_files_all_loaded():
    # every actor dictionary shipped under data/actors is one that lexicon.actors() reads
    folder = resources.files("marsad") / "data" / "actors"
    shipped = {
        f"actors/{f.name}"
        for f in folder.iterdir()
        if f.name.endswith(".yaml") and "actors" in lexicon.load_data(f"actors/{f.name}")
    }
    files = [relpath for relpath, _ in lexicon.ACTOR_FILES]
    assert shipped and set(files) == shipped and len(files) == len(shipped)
    entries = lexicon.actors()
    for relpath, is_source in lexicon.ACTOR_FILES:
        for row in _rows(relpath):
            assert entries[row["id"]].is_source is is_source


def test_lexicon_world_dictionary_loads():
    rows = _rows("actors/world.yaml")
    assert 120 <= len(rows) <= 220
    entries = lexicon.actors()
    for row in rows:
        entry = entries[row["id"]]
        assert entry.name and entry.aliases and entry.tags
        assert set(row) <= {
            "id", "name", "acled_name", "kind", "inter", "country", "aliases", "tags",
        }  # fmt: skip


def test_lexicon_actor_ids_unique_across_files():
    seen: dict[str, str] = {}
    for relpath, _ in lexicon.ACTOR_FILES:
        for row in _rows(relpath):
            assert row["id"] not in seen, f"{row['id']} in {seen.get(row['id'])} and {relpath}"
            seen[row["id"]] = relpath


def test_lexicon_duplicate_actor_id_raises(monkeypatch):
    real = lexicon.load_data

    def doubled(relpath: str):
        data = real(relpath)
        if relpath == "actors/world.yaml":
            return {"actors": [*data["actors"], _rows("actors/syria_iraq.yaml")[0]]}
        return data

    lexicon.actors.cache_clear()
    monkeypatch.setattr(lexicon, "load_data", doubled)
    try:
        with pytest.raises(MarsadError, match="duplicate id"):
            lexicon.actors()
    finally:
        monkeypatch.undo()
        lexicon.actors.cache_clear()


def test_lexicon_no_alias_names_two_actors():
    """An alias picks one actor: acronyms match case-sensitively, the rest on lower case (so a
    mixed-case alias must not equal an acronym of another actor either)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in lexicon.actors().values():
        for alias in entry.aliases:
            owners[alias if _is_acronym(alias) else alias.lower()].add(entry.id)
    clashes = {alias: ids for alias, ids in owners.items() if len(ids) > 1}
    acronyms = {alias for alias in owners if _is_acronym(alias)}
    for acronym in acronyms:
        lowered = owners.get(acronym.lower())
        if acronym.lower() != acronym and lowered and lowered != owners[acronym]:
            clashes[acronym] = owners[acronym] | lowered
    assert not clashes


def test_lexicon_actor_inter_codes_and_kinds():
    for entry in lexicon.actors().values():
        if entry.is_source:
            assert entry.inter is None
            continue
        assert entry.inter in range(1, 9), entry.id
        assert ACLED_INTER[entry.kind] == entry.inter, entry.id


def test_lexicon_actor_countries_are_known():
    for entry in lexicon.actors().values():
        if entry.country is not None:
            assert countries.by_iso2(entry.country) is not None, entry.id
            assert entry.country == entry.country.upper() and len(entry.country) == 2


def test_lexicon_world_state_units_named_as_acled():
    """A named state unit ("IDF", "FARDC") is coded under its country's forces, as a country
    word would be ("Military Forces of Israel")."""
    for row in _rows("actors/world.yaml"):
        name = row.get("acled_name") or ""
        for prefix in ("Military Forces of ", "Police Forces of "):
            if name.startswith(prefix):
                assert name == prefix + lexicon.country_name(row["country"]), row["id"]


# Invented sentences, not from any dataset.
@pytest.mark.parametrize(
    ("text", "alias", "canonical"),
    [
        ("Taliban fighters attacked a police post in Kunduz on Monday.", "Taliban", "taliban"),
        (
            "Al-Shabaab fighters stormed a military base north of Mogadishu.",
            "Al-Shabaab fighters",
            "al_shabaab",
        ),
        ("Houthi rebels fired two missiles at a cargo ship.", "Houthi rebels", "houthis"),
        ("Boko Haram abducted twelve farmers near Maiduguri.", "Boko Haram", "boko_haram"),
        ("The Pakistani Taliban claimed the bombing.", "Pakistani Taliban", "ttp"),
        ("ISIS-K claimed the suicide attack at the airport.", "ISIS-K", "iskp"),
        ("The RSF shelled El Fasher overnight.", "RSF", "rsf"),
        ("M23 rebels seized the town of Sake.", "M23 rebels", "m23"),
        ("The Tatmadaw bombed a village in Sagaing.", "Tatmadaw", "myanmar_military"),
        ("The IDF said it struck a weapons depot.", "IDF", "israel_military"),
        ("JNIM claimed the ambush on the convoy.", "JNIM", "jnim"),
    ],
)
def test_lexicon_world_actors_in_pipeline(nlp, text, alias, canonical):
    doc = nlp(text)
    spans = [(s.text, s.id_) for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"]
    assert (alias, canonical) in spans


def test_lexicon_world_actors_two_in_one_sentence(nlp):
    doc = nlp("Sudanese Armed Forces clashed with the Rapid Support Forces near Omdurman.")
    spans = [(s.text, s.id_) for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"]
    assert spans == [
        ("Sudanese Armed Forces", "sudan_military"),
        ("Rapid Support Forces", "rsf"),
    ]


def test_lexicon_world_acronyms_case_sensitive(nlp):
    doc = nlp("She parked her kia outside and said the taliban text was a typo.")
    ids = {s.id_ for s in doc.spans[ACTORS_KEY] if s.label_ == "ACTOR"}
    assert "kia" not in ids  # "KIA" (Kachin Independence Army) is capitals only
    assert "taliban" in ids  # full names match in any case


def test_a_key_given_twice_in_a_data_file_is_refused(tmp_path, monkeypatch):
    """PyYAML keeps the last of two equal keys silently; a word list named twice in
    triggers.yaml would lose the first list."""
    data = tmp_path / "marsad" / "data"
    data.mkdir(parents=True)
    (data / "twice.yaml").write_text("words: [a, b]\nother: [c]\nwords: [d]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon.resources, "files", lambda _package: tmp_path / "marsad")
    with pytest.raises(MarsadError, match="given twice"):
        lexicon.load_data("twice.yaml")
