"""PLOVER gold-standard records (openeventdata/PLOVER): who did what to whom, one sentence each.

Each record's text goes through the product path; marsad's answer is the first sentence-level
PLOVER reading of the coded article (`CodedArticle.interactions`, extract/interactions.py), or,
when there is none, its first event in export order (any modality: PLOVER codes threats, demands
and claims as events too). Scores:
  event type accuracy   the reading's type equals the record's `event` ("none" if no reading);
                        the 2016 records use PLOVER v0.5 names, compared in v1 names
                        (DEMAND=REQUEST, DISAPPROVE and INVESTIGATE=ACCUSE, FIGHT=ASSAULT, from
                        taxonomies/plover.yaml); `event_type_accuracy_strict` compares the names
                        as written
  source / target F1    source against `source`, target against `target`; an actor matches a
                        gold actor when their texts overlap on word boundaries (the matched alias
                        inside the gold text or the other way round) or their countries agree
                        (ISO alpha-3 = CAMEO's first three letters). A reciprocal actor, marked
                        `(SRC/TAR: ...)` in the markup, is gold for both roles (the records list
                        it under `source` only).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.eval.common import code_texts, counts, prf
from marsad.model import Actor, CodedArticle, Event, Interaction, Rejection
from marsad.settings import Settings

BEST_PUBLISHED = {"score": 0.7445, "system": "best published PLOVER coder"}


def _norm(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _iso3(iso2: str | None) -> str | None:
    if not iso2:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=iso2.upper())
    return country.alpha_3 if country else None


def actor_matches(actor: Actor, gold: dict[str, Any]) -> bool:
    gold_text = _norm(str(gold.get("actorText") or ""))
    texts = [
        _norm(t)
        for t in (*actor.aliases_matched, actor.span.text if actor.span else "", actor.name)
        if t
    ]
    padded = f" {gold_text} "
    if gold_text and any(t and (f" {t} " in padded or padded in f" {t} ") for t in texts):
        return True
    code = str(gold.get("code") or "")
    iso3 = _iso3(actor.country)
    return bool(iso3 and code[:3] == iso3)


def _first(coded: CodedArticle | Rejection) -> Event | None:
    if isinstance(coded, Rejection) or not coded.events:
        return None
    return min(coded.events, key=lambda e: e.first_offset)


def _reading(coded: CodedArticle | Rejection) -> tuple[str | None, Actor | None, Actor | None]:
    """(PLOVER type, source, target): the first interaction, else the first event's reading."""
    if not isinstance(coded, Rejection) and coded.interactions:
        first: Interaction = coded.interactions[0]
        return first.type, first.source, first.target
    event = _first(coded)
    if event is None:
        return None, None, None
    return event.plover_type, event.actor1, event.actor2


def legacy_types() -> dict[str, str]:
    """PLOVER v0.5 type names -> v1 (taxonomies/plover.yaml `legacy_types`)."""
    from marsad.extract.interactions import reading

    return reading().legacy


def gold_roles(record: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The record's source and target actors, reciprocal (SRC/TAR) actors in both roles."""
    roles = {"source": list(record.get("source") or []), "target": list(record.get("target") or [])}
    reciprocal = {
        _norm(str(m.get("text") or ""))
        for m in record.get("marks") or []
        if m.get("tag") == "SRC/TAR"
    }
    if reciprocal:
        for role, other in (("source", "target"), ("target", "source")):
            for actor in roles[other]:
                text = _norm(str(actor.get("actorText") or ""))
                matched = any(text and (text in r or r in text) for r in reciprocal if r)
                if matched and actor not in roles[role]:
                    roles[role].append(actor)
    return roles


def evaluate_plover(
    path: Path, settings: Settings | None = None, classifier: Any = "default"
) -> dict[str, Any]:
    from marsad.pipeline import Pipeline

    settings = settings or Settings.from_env()
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    pipeline = Pipeline(settings, classifier=classifier)
    coded = code_texts([r["text"] for r in records], settings, pipeline, source="plover")
    legacy = legacy_types()
    roles = {"source": [0, 0, 0], "target": [0, 0, 0]}
    right = strict = 0
    per_type: dict[str, list[int]] = {}
    confusion: list[str] = []
    for record, result in zip(records, coded, strict=True):
        plover_type, source, target = _reading(result)
        predicted = plover_type or "none"
        gold_type = legacy.get(record["event"], record["event"])
        hit = legacy.get(predicted, predicted) == gold_type
        right += hit
        strict += predicted == record["event"]
        per_type.setdefault(gold_type, [0, 0])
        per_type[gold_type][0] += hit
        per_type[gold_type][1] += 1
        if not hit:
            confusion.append(f"{gold_type} -> {predicted}")
        gold = gold_roles(record)
        for role, actor in (("source", source), ("target", target)):
            acc = roles[role]
            if actor is not None and any(actor_matches(actor, g) for g in gold[role]):
                acc[0] += 1
            else:
                acc[1] += actor is not None
                acc[2] += bool(gold[role])
    source_prf, target_prf = prf(*roles["source"]), prf(*roles["target"])
    return {
        "file": str(path),
        "records": len(records),
        "event_type_accuracy": right / max(len(records), 1),
        "event_type_accuracy_strict": strict / max(len(records), 1),
        "source_f1": source_prf["f1"],
        "target_f1": target_prf["f1"],
        "actors_mean_f1": (source_prf["f1"] + target_prf["f1"]) / 2,
        "source": source_prf,
        "target": target_prf,
        "per_type_accuracy": {
            t: {"right": r, "records": n, "accuracy": r / n}
            for t, (r, n) in sorted(per_type.items())
        },
        "gold_event_types": counts(r["event"] for r in records),
        "errors_by_type": counts(confusion),
        "best_published": BEST_PUBLISHED,
    }
