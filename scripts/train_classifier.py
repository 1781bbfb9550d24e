"""Train marsad's sentence-level ACLED sub-event-type classifier (extract/classify.py) on labelled
snippets in the CASE 2021 task 2 format and save it, with a JSON card, in marsad/data/models.

    python scripts/train_classifier.py ../shared/eval/case21-t2-dev.tsv [--cv 10] [--out DIR]

The card records the training file's sha256, the label counts, the thresholds and, with --cv, the
cross-validated scores: the classifier alone on the snippets, and the product path (each fold's
snippets coded by marsad with the model trained on the other folds). Snippets labelled outside
ACLED's 25 sub-types are trained as NONE (no event). With embeddings (the default) the card also
has the product path's CV scores without them, so what the embedding earns is on record.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("tsv", type=Path)
    parser.add_argument(
        "--cv", type=int, default=10, help="Folds for the cross-validated scores (0: skip)."
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="Folder for the model (default: the package's)."
    )
    parser.add_argument(
        "--c", type=float, default=10.0, help="Inverse regularisation of the logistic regression."
    )
    parser.add_argument(
        "--embeddings",
        type=float,
        default=None,
        help="Weight of the all-MiniLM-L6-v2 embedding model's probabilities in the mean with "
        "the TF-IDF model's (0: TF-IDF and rule tags only; default: classify.EMBEDDING_WEIGHT).",
    )
    args = parser.parse_args()

    import sklearn
    from sklearn.metrics import f1_score

    from marsad.eval.case21 import CASE_TO_ACLED, OUTSIDE, evaluate_case21, folds, read_case21
    from marsad.extract.classify import (
        AGREE_SKIP,
        EMBEDDING_WEIGHT,
        MODEL_FILE,
        NONE,
        EventClassifier,
        _models_dir,
        needs_embedding,
        training_rows,
    )
    from marsad.settings import Settings

    weight = EMBEDDING_WEIGHT if args.embeddings is None else args.embeddings
    options = {"c": args.c, "embeddings": weight}

    settings = Settings.from_env()
    rows = read_case21(args.tsv)
    labels = [NONE if r.label in OUTSIDE else r.label for r in rows]
    features = training_rows([r.text for r in rows], settings)
    card: dict = {
        "task": "ACLED sub-event type of a sentence (25 sub-types + NONE)",
        "training_file": args.tsv.name,
        "training_sha256": hashlib.sha256(args.tsv.read_bytes()).hexdigest(),
        "training_rows": len(rows),
        "label_counts": {lab: labels.count(lab) for lab in sorted(set(labels))},
        "model": (
            f"TF-IDF word 1-2 + char_wb 2-5 + rule tags; LogisticRegression(C={args.c}, balanced)"
            + (
                f"; on rows with a trigger tag, mean with weight {weight} of a second "
                f"LogisticRegression(C={args.c}, balanced) over the all-MiniLM-L6-v2 embedding "
                f"(not computed where the TF-IDF model gives the trigger's sub-type with "
                f"p >= {AGREE_SKIP})"
                if weight > 0
                else ""
            )
        ),
        "embedding_weight": weight,
        "scikit_learn": sklearn.__version__,
    }
    if args.cv:
        gold = [r.label for r in rows]
        # The fold's model as trained, then its parts: TF-IDF + rule tags alone (mix 0) and,
        # on the rows that are embedded, the embedding model alone (mix 1).
        mixes = {"combined": weight, "tfidf_rules": 0.0, "embedding": 1.0} if weight > 0 else {}
        preds = {name: [NONE] * len(rows) for name in mixes or {"combined": 0.0}}
        for held in folds(len(rows), args.cv):
            held_set = set(held)
            train = [i for i in range(len(rows)) if i not in held_set]
            model = EventClassifier.train(
                [features[i] for i in train], [labels[i] for i in train], **options
            )
            for name, pred in preds.items():
                model.mix = mixes.get(name, model.mix)
                verdicts = model.predict([features[i] for i in held])
                for i, (label, _) in zip(held, verdicts, strict=True):
                    pred[i] = label
        acled = list(CASE_TO_ACLED.values())
        card["cv_folds"] = args.cv
        card["cv_classifier_only_weighted_f1"] = f1_score(
            gold, preds["combined"], labels=acled, average="weighted", zero_division=0
        )
        card["cv_classifier_only_macro_f1"] = f1_score(
            gold, preds["combined"], labels=acled, average="macro", zero_division=0
        )
        if mixes:
            card["cv_classifier_only_parts"] = {
                name: {
                    "weighted_f1": f1_score(
                        gold, pred, labels=acled, average="weighted", zero_division=0
                    ),
                    "macro_f1": f1_score(
                        gold, pred, labels=acled, average="macro", zero_division=0
                    ),
                }
                for name, pred in preds.items()
            }
        card["rows_with_embedding"] = sum(needs_embedding(tags) for _, tags in features)
        product = evaluate_case21(args.tsv, settings, cv=args.cv, train_options=options)
        parts = [("cv_product_path", product)]
        if weight > 0:
            tfidf = evaluate_case21(
                args.tsv, settings, cv=args.cv, train_options={**options, "embeddings": 0.0}
            )
            parts.append(("cv_product_path_without_embeddings", tfidf))
        parts.append(("rules_only", evaluate_case21(args.tsv, settings, classifier=None)))
        for name, result in parts:
            card[name] = {
                k: result[k] for k in ("weighted_f1", "macro_f1", "accuracy", "false_alarm_violent")
            }
        print(
            json.dumps({k: v for k, v in card.items() if k.startswith(("cv", "rules"))}, indent=2),
            file=sys.stderr,
        )
    model = EventClassifier.train(features, labels, **options)
    path = (args.out or _models_dir()) / MODEL_FILE
    model.save(path, card)
    print(f"saved {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
