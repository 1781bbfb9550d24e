"""Score one coded article against a careful human reading (the format of
../shared/samples/*.expected.json): every expected event field by field, the figures that are not
events, and the background/claims/forecasts that must not be coded as new events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad import ingest
from marsad.model import Actor, CodedArticle, Event, Rejection
from marsad.settings import Settings

FIGURE_KINDS = {
    "positions_captured": "captured_positions",
    "area_km2": "area",
    "detainees": "detained",
}


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("the ", "").split())


def actor_matches(actor: Actor | None, expected: str) -> bool:
    if actor is None:
        return False
    want = _norm(expected)
    names = [actor.name, actor.acled_name or "", *(actor.aliases_matched or ())]
    return any(want == _norm(n) or (len(want) > 3 and want in _norm(n)) for n in names if n)


def _event_text(event: Event) -> str:
    return " ".join(ev.span.text for ev in event.evidence if ev.field in ("trigger", "sentence"))


def _check_event(exp: dict[str, Any], e: Event) -> dict[str, bool]:
    subs = exp["acled_sub_event_type"]
    plover = exp.get("plover")
    plovers = plover if isinstance(plover, list) else [plover]
    actors = [e.actor1, e.actor2, *e.assoc_actors]
    checks = {
        "event_type": e.type == exp["acled_event_type"],
        "sub_event_type": e.sub_type in subs,
        "plover": plover is None or e.plover_type in plovers,
        "date": e.when is not None and e.when.start.isoformat() == exp["date"],
        "time_precision": e.when is not None
        and e.when.acled_time_precision == exp.get("time_precision", 1),
        "actors": all(
            any(actor_matches(a, name) for a in actors) for name in exp.get("actors", [])
        ),
        "country": e.place is not None and e.place.country_iso2 == exp.get("country_iso"),
        "evidence": all(s in _event_text(e) for s in exp.get("evidence_contains", [])),
    }
    if "actors_any_of" in exp:
        checks["actors_any_of"] = any(
            actor_matches(a, n) for a in actors for n in exp["actors_any_of"]
        )
    if "admin1" in exp:
        checks["admin1"] = e.place is not None and _norm(e.place.admin1 or "") == _norm(
            exp["admin1"]
        )
    if "geo_precision" in exp:
        checks["geo_precision"] = e.place is not None and e.place.precision in exp["geo_precision"]
    if "figures" in exp:
        checks["figures"] = all(
            any(
                f.kind == FIGURE_KINDS.get(x["kind"], x["kind"]) and x["value"] in (f.low, f.best)
                for f in e.figures
            )
            for x in exp["figures"]
        )
    if "fatalities" in exp:
        checks["fatalities"] = e.fatalities == exp["fatalities"]
    if "sources" in exp:
        checks["sources"] = all(
            any(_norm(s) in _norm(src) for src in e.sources) for s in exp["sources"]
        )
    return checks


def score(coded: CodedArticle, expected: dict[str, Any]) -> dict[str, Any]:
    new = [e for e in coded.events if e.is_new]
    per_event: dict[str, Any] = {}
    field_totals: dict[str, list[int]] = {}
    for exp in expected["events"]:
        candidates = [
            e for e in new if any(s in _event_text(e) for s in exp.get("evidence_contains", []))
        ]
        best: tuple[int, Event | None, dict[str, bool]] = (-1, None, {})
        for e in candidates:
            checks = _check_event(exp, e)
            if sum(checks.values()) > best[0]:
                best = (sum(checks.values()), e, checks)
        _, event, checks = best
        per_event[exp["id"]] = {
            "found": event is not None,
            "event_id": event.id if event else None,
            **checks,
        }
        for name, ok in {"found": event is not None, **checks}.items():
            field_totals.setdefault(name, [0, 0])
            field_totals[name][0] += int(ok)
            field_totals[name][1] += 1
    figures = []
    for exp in expected.get("figures_not_events", []):
        kind = FIGURE_KINDS.get(exp["kind"], exp["kind"])
        all_figures = list(coded.figures) + [f for e in coded.events for f in e.figures]
        match = next(
            (f for f in all_figures if f.span and exp["evidence_contains"] in f.span.text), None
        )
        ok = match is not None and (
            match.kind == kind or kind == "detained" and match.kind in ("detained", "arrested")
        )
        if match is not None and "low" in exp:
            ok = ok and match.low == exp["low"] and match.high == exp.get("high")
        if match is not None and "value" in exp and exp["value"] is not None:
            ok = ok and exp["value"] in (match.low, match.best)
        if match is not None and exp.get("vague"):
            ok = ok and match.vague == exp["vague"]
        if match is not None and exp.get("source"):
            ok = ok and _norm(exp["source"]) in _norm(match.source or "")
        figures.append({"kind": exp["kind"], "found": match is not None, "correct": ok})
    wrongly_new = [
        exp["what"]
        for exp in expected.get("not_new_events", [])
        if any(exp["evidence_contains"] in _event_text(e) for e in new)
    ]
    matched_ids = {v["event_id"] for v in per_event.values() if v["event_id"]}
    return {
        "events_expected": len(expected["events"]),
        "events_found": sum(v["found"] for v in per_event.values()),
        "new_events_coded": len(new),
        "extra_new_events": len([e for e in new if e.id not in matched_ids]),
        "fields": {k: v[0] / v[1] for k, v in field_totals.items()},
        "figures_not_events_correct": sum(f["correct"] for f in figures) / max(len(figures), 1),
        "not_new_events_coded_as_new": len(wrongly_new),
        "not_new_events_wrongly_coded": wrongly_new,
        "per_event": per_event,
        "figures_not_events": figures,
    }


def evaluate_sample(
    article_path: Path, expected_path: Path, settings: Settings | None = None
) -> dict[str, Any]:
    from marsad.pipeline import code_article

    settings = settings or Settings.from_env()
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    results = list(ingest.read([article_path], settings))
    article = results[0]
    if isinstance(article, Rejection):
        return {"rejected": article.reason}
    return score(code_article(article, settings), expected)
