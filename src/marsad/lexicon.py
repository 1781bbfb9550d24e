"""Loads the package's data files (taxonomies, actor dictionaries, trigger lexicon) once.

Data lives in marsad/data as YAML; this module only parses and validates it, no rules here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from marsad import countries
from marsad.errors import Errors, MarsadError


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping: PyYAML keeps the last one
    silently, and a word list named twice in a data file would lose the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_data(relpath: str) -> Any:
    """A YAML file under marsad/data, parsed (a clear error if it is missing or malformed, or
    gives a key twice)."""
    path = resources.files("marsad") / "data" / relpath
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (OSError, yaml.YAMLError) as err:
        raise MarsadError(Errors.E006.format(path=relpath, detail=err)) from err


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    inter: int | None
    country: str | None
    acled_name: str | None
    aliases: tuple[str, ...]
    tags: tuple[str, ...]
    is_source: bool  # reports on the conflict (monitor, agency), never a party to it


@dataclass(frozen=True)
class TriggerEntry:
    key: str
    sub_type: str
    event_type: str
    plover: str | None
    mode: str | None
    role: str | None
    phrases: tuple[str, ...]
    # The name of a word list in triggers.yaml that the trigger must act on ("set up" counts
    # only when what is set up is a base), None when anything goes.
    objects: str | None = None
    # The name of a word list of things the trigger may not be "from" ("withdrew from the
    # talks" hands over no ground), None when anything goes.
    not_from: str | None = None


# Actor dictionaries, in load order: (data file, is_source). Parties to conflict first (the Syria
# and Iraq wars, then the rest of the world), then the organisations that only report on it.
ACTOR_FILES = (
    ("actors/syria_iraq.yaml", False),
    ("actors/world.yaml", False),
    ("actors/sources.yaml", True),
)


@lru_cache(maxsize=1)
def actors() -> dict[str, ActorEntry]:
    """Every canonical actor by id, across ACTOR_FILES (an id defined twice is an error)."""
    out: dict[str, ActorEntry] = {}
    for relpath, is_source in ACTOR_FILES:
        for row in load_data(relpath)["actors"]:
            if row["id"] in out:
                raise MarsadError(
                    Errors.E006.format(path=relpath, detail=f"duplicate id {row['id']}")
                )
            out[row["id"]] = ActorEntry(
                id=row["id"],
                name=row["name"],
                kind=row["kind"],
                inter=row.get("inter"),
                country=row.get("country"),
                acled_name=row.get("acled_name"),
                aliases=tuple(str(a) for a in row.get("aliases", ())),
                tags=tuple(row.get("tags", ())),
                is_source=is_source,
            )
    return out


@lru_cache(maxsize=1)
def _descriptor_data() -> dict[str, Any]:
    return load_data("actors/descriptors.yaml")


def descriptors() -> tuple[list[dict[str, str]], dict[str, dict[str, Any]]]:
    data = _descriptor_data()
    return data["descriptors"], data["generics"]


def unnamed_actor_cues() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(head nouns, name words) that make an organisation or people the dictionary does not
    know an actor of a given ACLED type: "Baloch fighters", "X Liberation Front"."""
    data = _descriptor_data()
    return data["named_heads"], data["armed_name_words"]


@lru_cache(maxsize=1)
def acled() -> dict[str, Any]:
    return load_data("taxonomies/acled.yaml")


@lru_cache(maxsize=1)
def sub_type_to_type() -> dict[str, str]:
    return {
        sub: event_type
        for event_type, spec in acled()["event_types"].items()
        for sub in spec["sub_types"]
    }


def disorder_type(event_type: str, sub_type: str) -> str:
    """ACLED's disorder type of a sub-event type (its event type's, unless overridden); empty
    for types outside the taxonomy."""
    tax = acled()
    if sub_type in tax["disorder_overrides"]:
        return tax["disorder_overrides"][sub_type]
    event_type = sub_type_to_type().get(sub_type, event_type)
    return tax["event_types"].get(event_type, {}).get("disorder_type", "")


@lru_cache(maxsize=1)
def trigger_data() -> dict[str, Any]:
    return load_data("taxonomies/triggers.yaml")


@lru_cache(maxsize=1)
def triggers() -> dict[str, TriggerEntry]:
    types = sub_type_to_type()
    out: dict[str, TriggerEntry] = {}
    for row in trigger_data()["triggers"]:
        if row["sub_type"] not in types:
            raise MarsadError(
                Errors.E006.format(
                    path="triggers.yaml", detail=f"unknown sub-type {row['sub_type']}"
                )
            )
        for list_key in ("objects", "not_from"):
            if row.get(list_key) and row[list_key] not in trigger_data():
                raise MarsadError(
                    Errors.E006.format(
                        path="triggers.yaml", detail=f"unknown word list {row[list_key]}"
                    )
                )
        out[row["key"]] = TriggerEntry(
            key=row["key"],
            sub_type=row["sub_type"],
            event_type=types[row["sub_type"]],
            plover=row.get("plover"),
            mode=row.get("mode"),
            role=row.get("role"),
            phrases=tuple(str(p) for p in row["phrases"]),
            objects=row.get("objects"),
            not_from=row.get("not_from"),
        )
    return out


def country_name(iso2: str | None) -> str | None:
    """The country's short English name as ACLED writes it ("Syria", not "Syrian Arab Republic")."""
    country = countries.by_iso2(iso2)
    return country.name if country else None


@lru_cache(maxsize=1)
def plover_types() -> dict[str, str]:
    """Every PLOVER name a user may write, upper-cased -> its v1 type: the 16 v1 types and the
    names earlier releases used (DEMAND -> REQUEST), from taxonomies/plover.yaml."""
    data = load_data("taxonomies/plover.yaml")
    out = {str(t).upper(): str(t) for t in data["types"]}
    out.update({str(k).upper(): str(v) for k, v in data.get("legacy_types", {}).items()})
    return out
