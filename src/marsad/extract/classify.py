"""A sentence-level ACLED sub-event-type classifier that arbitrates the trigger rules.

The rules (mentions.py) find a trigger, its actors, date, figures and modality; they are exact
when a trigger names the event ("air strike") and blind when the wording is new. The classifier
reads the whole sentence (TF-IDF over word 1-2-grams and character 2-5-grams) plus what the rules
saw in it (trigger keys, rule sub-types, actor types, modality, entity labels) and gives a
probability per sub-type, or NONE (not an ACLED event: disasters, diplomacy, crime, claims).

How the two combine (MentionReader): a rule mention keeps its sub-type unless the classifier
prefers another with probability >= `override`; a sentence without a trigger becomes a mention
only when the classifier gives an event sub-type probability >= `propose`; a rule mention is
dropped when the classifier gives NONE probability >= `veto`.

The model is trained by scripts/train_classifier.py on labelled snippets (CASE 2021 dev) and ships
as marsad/data/models/subtype.joblib with a JSON card (training data sha256, CV scores).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from marsad import lexicon
from marsad.model import Mention
from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY

NONE = "NONE"
MODEL_FILE = "subtype.joblib"
CARD_FILE = "subtype.json"
# (text, tags): the sentence and the space-separated features the rules give for it.
Row = tuple[str, str]


def _models_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models"))


def rule_tags(doc: Doc, start: int, end: int) -> str:
    """What the rules see in tokens [start, end), before any mention is built: trigger keys,
    actor types (ACLED inter codes), monitors and entity labels."""
    from marsad import lexicon

    tags: set[str] = set()
    for s in doc.spans[TRIGGERS_KEY]:
        if start <= s.start < end:
            tags.add(f"trig_{s.label_}")
    actors = lexicon.actors()
    _, generics = lexicon.descriptors()
    for s in doc.spans[ACTORS_KEY]:
        if not start <= s.start < end:
            continue
        if s.label_ == "ACTOR" and s.id_ in actors:
            tags.add(f"inter_{actors[s.id_].inter}")
        elif s.label_ == "SOURCE":
            tags.add("source")
        elif s.label_ == "DESCRIPTOR":
            generic = s.id_.partition("|")[2]
            if generic in generics:
                tags.add(f"inter_{generics[generic]['inter']}")
    for ent in doc.ents:
        if start <= ent.start < end:
            tags.add(f"ent_{ent.label_}")
    return " ".join(sorted(tags)) or "none"


# PLOVER type and mode of a sub-type the classifier proposes or imposes (the lexicon's own entry
# where one exists; ACLED's protest and riot sub-types that have no trigger of their own here).
PLOVER_OF = {
    "Protest with intervention": ("PROTEST", "demo"),
    "Excessive force against protesters": ("ASSAULT", "firearms"),
    "Government regains territory": ("COERCE", "seize"),
    "Attack": ("ASSAULT", "firearms"),
}


@lru_cache(maxsize=64)
def entry_for(sub_type: str) -> lexicon.TriggerEntry:
    """A lexicon entry standing for a sub-type (no role: the classifier already decided)."""
    from marsad import lexicon as lex

    own = next(
        (e for e in lex.triggers().values() if e.sub_type == sub_type and e.role is None), None
    )
    plover, mode = (
        (own.plover, own.mode) if own is not None else PLOVER_OF.get(sub_type, (None, None))
    )
    return lex.TriggerEntry(
        key=own.key if own is not None else f"classifier_{_slug(sub_type)}",
        sub_type=sub_type,
        event_type=lex.sub_type_to_type()[sub_type],
        plover=plover,
        mode=mode,
        role=None,
        phrases=(),
    )


def retype(mention: Mention, sub_type: str) -> Mention:
    entry = entry_for(sub_type)
    return replace(
        mention,
        sub_type=sub_type,
        type=entry.event_type,
        plover_type=entry.plover,
        plover_mode=entry.mode,
    )


def _slug(text: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in text.lower())


def _texts(rows: Sequence[Row]) -> list[str]:
    return [r[0] for r in rows]


def _tags(rows: Sequence[Row]) -> list[str]:
    return [r[1] for r in rows]


def build_model(c: float = 10.0) -> Any:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion(
        [
            (
                "words",
                make_pipeline(
                    FunctionTransformer(_texts),
                    TfidfVectorizer(
                        ngram_range=(1, 2), sublinear_tf=True, min_df=1, lowercase=True
                    ),
                ),
            ),
            (
                "chars",
                make_pipeline(
                    FunctionTransformer(_texts),
                    TfidfVectorizer(
                        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
                    ),
                ),
            ),
            (
                "rules",
                make_pipeline(
                    FunctionTransformer(_tags),
                    CountVectorizer(token_pattern=r"\S+", binary=True, lowercase=False),
                ),
            ),
        ]
    )
    return make_pipeline(features, LogisticRegression(C=c, max_iter=3000, class_weight="balanced"))


@dataclass
class EventClassifier:
    model: Any
    # Chosen by 10-fold cross-validation on CASE 2021 dev (docs/extraction.md), then made
    # stricter for proposing so that running text does not sprout events.
    override: float = 0.65
    propose: float = 0.5
    veto: float = 0.4
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return list(self.model.classes_)

    @classmethod
    def train(cls, rows: Sequence[Row], labels: Sequence[str], **options: Any) -> EventClassifier:
        model = build_model(options.pop("c", 10.0))
        model.fit(list(rows), list(labels))
        return cls(model, **options)

    def predict(self, rows: Sequence[Row]) -> list[tuple[str, float]]:
        """(best label, its probability) per row."""
        if not rows:
            return []
        probs = self.model.predict_proba(list(rows))
        classes = self.model.classes_
        return [(str(classes[p.argmax()]), float(p.max())) for p in probs]

    def save(self, path: Path, card: dict[str, Any] | None = None) -> None:
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        thresholds = {"override": self.override, "propose": self.propose, "veto": self.veto}
        joblib.dump({"model": self.model, "thresholds": thresholds}, path, compress=3)
        if card is not None:
            self.card = {**card, "thresholds": thresholds}
            path.with_suffix(".json").write_text(
                json.dumps(self.card, indent=2) + "\n", encoding="utf-8"
            )

    @classmethod
    def load(cls, path: Path) -> EventClassifier:
        import joblib

        data = joblib.load(path)
        card_path = path.with_suffix(".json")
        card = json.loads(card_path.read_text(encoding="utf-8")) if card_path.exists() else {}
        return cls(data["model"], **data["thresholds"], card=card)


@lru_cache(maxsize=1)
def shipped() -> EventClassifier | None:
    """The model in marsad/data/models, or None (rules only) when it is not there."""
    path = _models_dir() / MODEL_FILE
    return EventClassifier.load(path) if path.exists() else None


def training_rows(texts: Sequence[str], settings: Any = None) -> list[Row]:
    """(text, rule tags) of each labelled snippet as a whole, as the classifier sees a sentence."""
    from marsad import nlp

    nlp_ = nlp.load(settings)
    return [
        (text, rule_tags(doc, 0, len(doc)))
        for text, doc in zip(texts, nlp_.pipe(texts), strict=True)
    ]
