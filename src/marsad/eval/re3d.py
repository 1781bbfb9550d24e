"""re3d (dstl) entity recognition: what marsad recognises in a document, mapped onto re3d types.

marsad's layers and the re3d type each one stands for:
  actor dictionary matches (canonical actors, descriptors, monitors)  -> Organisation
  gazetteer-resolved places (geo.resolve)                             -> Location
  spaCy PERSON                                                        -> Person
  spaCy NORP                                                          -> Nationality
  spaCy ORG / GPE / LOC / FAC not claimed by the layers above         -> Organisation / Location
  spaCy DATE, TIME / MONEY / CARDINAL, QUANTITY, PERCENT              -> Temporal / Money / Quantity
  trigger-lexicon weapon words                                        -> Weapon
Types marsad has no layer for (MilitaryPlatform, Vehicle, DocumentReference, ...) score 0 and are
counted in the all-types macro F1, as ConfliBERT reports it (exact span and type, seqeval-style).
A relaxed score (same type, overlapping span) is reported beside the exact one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from marsad.eval.common import prf
from marsad.settings import Settings

MAIN_TYPES = ("Organisation", "Person", "Location", "Nationality")
SPACY_TO_RE3D = {
    "PERSON": "Person", "NORP": "Nationality", "ORG": "Organisation", "GPE": "Location",
    "LOC": "Location", "FAC": "Location", "DATE": "Temporal", "TIME": "Temporal", "MONEY": "Money",
    "CARDINAL": "Quantity",
    "QUANTITY": "Quantity", "PERCENT": "Quantity",
}  # fmt: skip
WEAPON_TRIGGERS = {"grenade", "chemical", "remote_explosive", "shelling"}
BEST_PUBLISHED = {"macro_f1": 0.664, "system": "ConfliBERT (re3d NER)"}

Entity = tuple[int, int, str]  # start, end (characters), re3d type


def predict_entities(doc: Any, places: list[Any]) -> set[Entity]:
    """marsad's recognised entities in one doc, as re3d-typed character spans."""
    from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY

    out: dict[tuple[int, int], str] = {}
    for s in doc.spans[ACTORS_KEY]:
        out[(s.start_char, s.end_char)] = "Organisation"
    for p in places:
        if p.span is not None:
            out.setdefault((p.span.start, p.span.end), "Location")
    claimed = [(a, b) for a, b in out]
    for ent in doc.ents:
        kind = SPACY_TO_RE3D.get(ent.label_)
        if kind is None:
            continue
        key = (ent.start_char, ent.end_char)
        overlaps = any(a < ent.end_char and ent.start_char < b for a, b in claimed)
        if kind in ("Person", "Nationality") or not overlaps:
            out[key] = kind
    for s in doc.spans[TRIGGERS_KEY]:
        if s.label_ in WEAPON_TRIGGERS and s.root.pos_ == "NOUN":
            out.setdefault((s.start_char, s.end_char), "Weapon")
    return {(a, b, t) for (a, b), t in out.items()}


def _relaxed(gold: set[Entity], pred: set[Entity]) -> tuple[int, int, int]:
    matched_gold = {
        g for g in gold if any(p[2] == g[2] and p[0] < g[1] and g[0] < p[1] for p in pred)
    }
    matched_pred = {
        p for p in pred if any(p[2] == g[2] and p[0] < g[1] and g[0] < p[1] for g in gold)
    }
    return len(matched_pred), len(pred) - len(matched_pred), len(gold) - len(matched_gold)


def evaluate_re3d(path: Path, settings: Settings | None = None) -> dict[str, Any]:
    from marsad import geo, ingest
    from marsad.model import Article, Rejection
    from marsad.pipeline import Pipeline

    settings = settings or Settings.from_env()
    docs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    types = sorted({e["type"] for d in docs for e in d["entities"]})
    pipeline = Pipeline(settings, classifier=None)
    exact: dict[str, list[int]] = {t: [0, 0, 0] for t in types}
    relaxed: dict[str, list[int]] = {t: [0, 0, 0] for t in types}
    texts = [d["text"] for d in docs]
    for d, doc in zip(docs, pipeline.nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
        article = ingest.article_from_text(d["text"], source=f"re3d:{d['id']}", settings=settings)
        if isinstance(article, Rejection):
            article = Article(id=str(d["id"]), text=d["text"])
        places = geo.resolve(doc, article, pipeline.gazetteer)
        pred = {e for e in predict_entities(doc, places) if e[2] in exact}
        gold = {(e["start"], e["end"], e["type"]) for e in d["entities"]}
        for t in types:
            g = {e for e in gold if e[2] == t}
            p = {e for e in pred if e[2] == t}
            tp = len(g & p)
            for acc, values in (
                (exact[t], (tp, len(p) - tp, len(g) - tp)),
                (relaxed[t], _relaxed(g, p)),
            ):
                for i in range(3):
                    acc[i] += values[i]
    per_type = {t: prf(*exact[t]) for t in types}
    per_type_relaxed = {t: prf(*relaxed[t]) for t in types}
    main = [t for t in MAIN_TYPES if t in per_type]
    main_micro = prf(*(sum(exact[t][i] for t in main) for i in range(3)))
    return {
        "file": str(path),
        "documents": len(docs),
        "gold_entities": sum(len(d["entities"]) for d in docs),
        "types": types,
        "main_types_macro_f1": sum(per_type[t]["f1"] for t in main) / max(len(main), 1),
        "main_types_micro_f1": main_micro["f1"],
        "main_types_macro_f1_relaxed": sum(per_type_relaxed[t]["f1"] for t in main)
        / max(len(main), 1),
        "all_types_macro_f1": sum(v["f1"] for v in per_type.values()) / max(len(per_type), 1),
        "all_types_macro_f1_relaxed": sum(v["f1"] for v in per_type_relaxed.values())
        / max(len(per_type), 1),
        "per_type": per_type,
        "per_type_relaxed": per_type_relaxed,
        "best_published": BEST_PUBLISHED,
    }
