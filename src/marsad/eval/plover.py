"""PLOVER gold-standard records (openeventdata/PLOVER): who did what to whom, one sentence each.

Each record's text goes through the product path; marsad's answer is its first event in export
order (any modality: PLOVER codes threats, demands and claims as events too). Scores:
  event type accuracy   the event's plover_type equals the record's `event` ("none" if no event)
  source / target F1    actor1 against `source`, actor2 against `target`; an actor matches a gold
                        actor when their texts overlap (the matched alias inside the gold text or
                        the other way round) or their countries agree (ISO alpha-3 = CAMEO's first
                        three letters)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.eval.common import code_texts, counts, prf
from marsad.model import Actor, CodedArticle, Event, Rejection
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
    if gold_text and any(t and (t in gold_text or gold_text in t) for t in texts):
        return True
    code = str(gold.get("code") or "")
    iso3 = _iso3(actor.country)
    return bool(iso3 and code[:3] == iso3)


def _first(coded: CodedArticle | Rejection) -> Event | None:
    if isinstance(coded, Rejection) or not coded.events:
        return None
    return min(coded.events, key=lambda e: e.first_offset)


def evaluate_plover(
    path: Path, settings: Settings | None = None, classifier: Any = "default"
) -> dict[str, Any]:
    from marsad.pipeline import Pipeline

    settings = settings or Settings.from_env()
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    pipeline = Pipeline(settings, classifier=classifier)
    coded = code_texts([r["text"] for r in records], settings, pipeline, source="plover")
    roles = {"source": [0, 0, 0], "target": [0, 0, 0]}
    right = 0
    confusion: list[str] = []
    for record, result in zip(records, coded, strict=True):
        event = _first(result)
        predicted = (event.plover_type if event is not None else None) or "none"
        right += predicted == record["event"]
        if predicted != record["event"]:
            confusion.append(f"{record['event']} -> {predicted}")
        for role, actor in (
            ("source", event.actor1 if event else None),
            ("target", event.actor2 if event else None),
        ):
            gold = record.get(role) or []
            acc = roles[role]
            if actor is not None and any(actor_matches(actor, g) for g in gold):
                acc[0] += 1
            else:
                acc[1] += actor is not None
                acc[2] += bool(gold)
    source, target = prf(*roles["source"]), prf(*roles["target"])
    return {
        "file": str(path),
        "records": len(records),
        "event_type_accuracy": right / max(len(records), 1),
        "source_f1": source["f1"],
        "target_f1": target["f1"],
        "actors_mean_f1": (source["f1"] + target["f1"]) / 2,
        "source": source,
        "target": target,
        "gold_event_types": counts(r["event"] for r in records),
        "errors_by_type": counts(confusion),
        "best_published": BEST_PUBLISHED,
    }
