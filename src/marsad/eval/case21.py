"""CASE 2021 task 2 (fine-grained event classification of news snippets into ACLED sub-types).

Each snippet goes through the product path (ingest.article_from_text -> Pipeline.code_many); its
predicted label is the sub-event type of its first new event in export order, "NONE" when it has
none. Scores: weighted and macro F1 over the 25 ACLED sub-types (sklearn), accuracy, per-class
P/R/F, and the false-alarm rate on snippets whose label lies outside ACLED (disasters, diplomacy,
crime, attribution): the share coded as a violent event.

With `cv=K` the shipped classifier is replaced, fold by fold, by one trained on the other folds,
so no snippet is scored by a model that saw it.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.eval.common import code_texts, counts, first_event
from marsad.settings import Settings

# CASE 2021 codes -> ACLED sub-event types (ACLED codebook names).
CASE_TO_ACLED: dict[str, str] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
OUTSIDE = ("ATTRIB", "DIPLO", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME")
NONE = "NONE"
VIOLENT_EVENT_TYPES = {
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
}
VIOLENT_SUB_TYPES = {"Excessive force against protesters"}
BEST_PUBLISHED = {"weighted_f1": 0.839, "system": "best CASE 2021 task 2 system"}


@dataclass(frozen=True)
class Snippet:
    id: str
    text: str
    label: str  # an ACLED sub-type, or one of OUTSIDE


def read_case21(path: Path) -> list[Snippet]:
    """`id \\t EventSnippet \\t SubType` with a header line and no quoting."""
    rows: list[Snippet] = []
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            return rows
        for row in reader:
            if len(row) < 3:
                continue
            code = row[2].strip()
            rows.append(Snippet(row[0].strip(), row[1], CASE_TO_ACLED.get(code, code)))
    return rows


def is_violent(sub_type: str) -> bool:
    from marsad import lexicon

    return (
        sub_type in VIOLENT_SUB_TYPES
        or lexicon.sub_type_to_type().get(sub_type) in VIOLENT_EVENT_TYPES
    )


def predict(texts: Sequence[str], settings: Settings, classifier: Any = "default") -> list[str]:
    """The product-path label of each text: its first new event's sub-type, else NONE."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(settings, classifier=classifier)
    out = []
    for coded in code_texts(texts, settings, pipeline, source="case21"):
        event = first_event(coded)
        out.append(event.sub_type if event is not None else NONE)
    return out


def score(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    labels = list(CASE_TO_ACLED.values())
    inside = [i for i, g in enumerate(gold) if g not in OUTSIDE]
    outside = [i for i, g in enumerate(gold) if g in OUTSIDE]
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per_class = {
        lab: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, lab in enumerate(labels)
    }
    false_alarms = [i for i in outside if is_violent(pred[i])]
    any_event = [i for i in outside if pred[i] != NONE]
    return {
        "snippets": len(gold),
        "inside_acled": len(inside),
        "outside_acled": len(outside),
        "weighted_f1": float(
            f1_score(gold, pred, labels=labels, average="weighted", zero_division=0)
        ),
        "macro_f1": float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)),
        "accuracy": sum(gold[i] == pred[i] for i in inside) / max(len(inside), 1),
        "no_event_rate": sum(pred[i] == NONE for i in inside) / max(len(inside), 1),
        "false_alarm_violent": len(false_alarms) / max(len(outside), 1),
        "false_alarm_any_event": len(any_event) / max(len(outside), 1),
        "false_alarms_by_label": counts(f"{gold[i]} -> {pred[i]}" for i in false_alarms),
        "per_class": per_class,
        "best_published": BEST_PUBLISHED,
    }


def folds(n: int, k: int) -> list[list[int]]:
    """K interleaved folds over row order (deterministic, no shuffling needed: rows are sampled)."""
    return [list(range(i, n, k)) for i in range(k)]


def evaluate_case21(
    path: Path,
    settings: Settings | None = None,
    *,
    cv: int | None = None,
    classifier: Any = "default",
    errors: bool = False,
    train_options: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Score the product path on a CASE 2021 file; `cv=K` scores a K-fold cross-validated
    classifier (trained on the other folds each time, with `train_options` for
    EventClassifier.train) instead of the shipped one."""
    settings = settings or Settings.from_env()
    rows = read_case21(path)
    gold = [r.label for r in rows]
    if cv:
        from marsad.extract.classify import EventClassifier, training_rows

        pred: list[str] = [NONE] * len(rows)
        features = training_rows([r.text for r in rows], settings)
        for held in folds(len(rows), cv):
            held_set = set(held)
            train = [i for i in range(len(rows)) if i not in held_set]
            model = EventClassifier.train(
                [features[i] for i in train],
                [_train_label(gold[i]) for i in train],
                **(train_options or {}),
            )
            for i, label in zip(
                held, predict([rows[i].text for i in held], settings, model), strict=True
            ):
                pred[i] = label
        mode = f"{cv}-fold cross-validation (classifier trained on the other folds)"
    else:
        pred = predict([r.text for r in rows], settings, classifier)
        mode = (
            "rules only"
            if classifier is None
            else "shipped model"
            if classifier == "default"
            else "given model"
        )
    result = {"file": str(path), "mode": mode, **score(gold, pred)}
    if errors:
        result["errors"] = [
            {"id": r.id, "gold": g, "pred": p, "text": r.text[:200]}
            for r, g, p in zip(rows, gold, pred, strict=True)
            if g != p and not (g in OUTSIDE and p == NONE)
        ]
    return result


def _train_label(label: str) -> str:
    return NONE if label in OUTSIDE else label
