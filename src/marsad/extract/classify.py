"""A sentence-level ACLED sub-event-type classifier that arbitrates the trigger rules.

The rules (mentions.py) find a trigger, its actors, date, figures and modality; they are exact
when a trigger names the event ("air strike") and blind when the wording is new. The classifier
reads the whole sentence (TF-IDF over word 1-2-grams and character 2-5-grams) plus what the rules
saw in it (trigger keys, rule sub-types, actor types, modality, entity labels) and gives a
probability per sub-type, or NONE (not an ACLED event: disasters, diplomacy, crime, claims).

Sentences where the rules saw a trigger (`needs_embedding`) are also read by a second
logistic regression over the sentence's all-MiniLM-L6-v2 embedding (extract/embed.py), and their
probabilities are the weighted mean of both models' (stacking; the weight `mix` was chosen by
10-fold CV). Only those sentences are embedded, in one batch per article, and not those where the
TF-IDF model already gives the trigger's own sub-type with p >= `agree_skip`, so running text
without conflict words costs nothing extra; the other sentences get the TF-IDF model's verdict.

How the two combine (MentionReader): a rule mention keeps its sub-type unless the classifier
prefers another with probability >= `override`, or gives the rule's own sub-type < `doubt`; a
sentence without a trigger becomes a mention only when the classifier gives an event sub-type
probability >= `propose`; a rule mention is dropped when the classifier gives NONE probability
>= `veto`.

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
from marsad.extract.syntax import entry_read, finds_people, gated_out
from marsad.model import Mention
from marsad.nlp.components import ACTORS_KEY, TRIGGERS_KEY

NONE = "NONE"
MODEL_FILE = "subtype.joblib"
CARD_FILE = "subtype.json"
# Weight of the embedding model's probabilities in the mean with the TF-IDF model's, chosen by
# 10-fold cross-validation on CASE 2021 dev (classifier alone, then the product path).
EMBEDDING_WEIGHT = 0.7
# With the embedding model in the mean the classifier is right more often (10-fold CV, classifier
# alone, every snippet embedded: 0.75 weighted F1 against 0.68) but its top probability is
# lower, so it overrides a rule mention from p >= 0.35 (product-path CV over 0.25-0.65: best at
# 0.25-0.35, violent false alarms unchanged); the TF-IDF model alone keeps 0.65.
OVERRIDE_WITH_EMBEDDING = 0.35
# Rows where the rules and the TF-IDF model agree from this probability on are not embedded, to
# keep the pipeline at >= 50% of raw spaCy's speed (bench/throughput.py; the encoder runs at about
# 1,900 word pieces/s on one core): on the Wikinews corpus this leaves 7.6k of the 12.8k word
# pieces of trigger sentences (9.6k at 0.6: ratio 0.47-0.54 between runs on a shared machine).
# Product-path CV on CASE 2021 dev: 0.671 weighted F1 at 0.5, 0.679 at 0.6 and 0.8 (as with every
# row embedded), 0.657 at 0.3, 0.654 at 0 (trigger-or-party rows then; trigger rows alone gave
# the same scores at 0.5 and 0.6).
AGREE_SKIP = 0.5
# Below `override`, a rule mention is still retyped when the classifier gives the rules' own
# sub-types less than this probability. Product-path CV on CASE 2021 dev (with the world actor
# dictionary and the unnamed-actor reading): 0.695 weighted F1 without it, 0.700 at 0.05,
# 0.707 at 0.1, 0.713 at 0.12, 0.697 at 0.2 (a noisy peak: the round value is kept); violent
# false alarms unchanged.
DOUBT = 0.1
# (text, tags): the sentence and the space-separated features the rules give for it.
Row = tuple[str, str]


def _models_dir() -> Path:
    return Path(str(resources.files("marsad") / "data" / "models"))


def rule_tags(doc: Doc, start: int, end: int) -> str:
    """What the rules see in tokens [start, end), before any mention is built: trigger keys,
    actor types (ACLED inter codes), monitors and entity labels."""
    from marsad import lexicon
    from marsad.extract.actors import descriptor_of

    tags: set[str] = set()
    triggers = lexicon.triggers()
    for s in doc.spans[TRIGGERS_KEY]:
        # "March" the month, "Battle Creek" the town, "set up a committee": no trigger, as for
        # the rules themselves
        if start <= s.start < end and not gated_out(triggers[s.label_], s):
            read = entry_read(triggers[s.label_], s)
            if read.role == "weapon_object" and finds_people(s):
                continue  # "an activist was found dead", "bodies were found": no weapon found
            tags.add(f"trig_{read.key}")
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
            reading = descriptor_of(s)  # None: "the sanctions regime", as for the rules
            if reading is not None and reading[1] in generics:
                tags.add(f"inter_{generics[reading[1]]['inter']}")
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


def needs_embedding(tags: str) -> bool:
    """A sentence with a trigger word: one whose rule mention the classifier may keep, retype or
    silence, so one worth embedding. (Sentences with a party but no trigger, which the
    classifier may only propose as events, were embedded too at first: same CV scores, 20% more
    encoder work on news text.)"""
    return any(t.startswith("trig_") for t in tags.split())


def rule_sub_types(tags: str) -> set[str]:
    """The sub-types of the trigger keys among a row's tags."""
    from marsad import lexicon as lex

    triggers = lex.triggers()
    return {
        triggers[key].sub_type
        for t in tags.split()
        if t.startswith("trig_") and (key := t[5:]) in triggers
    }


def _embeddings(rows: Sequence[Row]) -> Any:
    from marsad.extract.embed import embed

    return embed(_texts(rows))


def build_model(c: float = 10.0) -> Any:
    """TF-IDF words + characters + rule tags -> logistic regression."""
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


def build_embedding_model(c: float = 10.0) -> Any:
    """The sentence's all-MiniLM-L6-v2 embedding -> logistic regression."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    return make_pipeline(
        FunctionTransformer(_embeddings),
        LogisticRegression(C=c, max_iter=3000, class_weight="balanced"),
    )


@dataclass
class EventClassifier:
    model: Any
    # Chosen by 10-fold cross-validation on CASE 2021 dev (docs/extraction.md), then made
    # stricter for proposing so that running text does not sprout events.
    override: float = 0.65
    propose: float = 0.5
    veto: float = 0.4
    # Below `override`, the classifier still retypes a rule mention whose own sub-type it
    # finds this unlikely (0: never).
    doubt: float = 0.0
    card: dict[str, Any] = field(default_factory=dict)
    # The embedding model, for the rows that `needs_embedding`, and the weight of its
    # probabilities in the mean with the TF-IDF model's; None: the TF-IDF model alone.
    embedded: Any = None
    mix: float = 0.0
    # A row whose TF-IDF verdict is its trigger's own sub-type with at least this probability is
    # not embedded (see `predict`).
    agree_skip: float = AGREE_SKIP

    @property
    def labels(self) -> list[str]:
        return list(self.model.classes_)

    @classmethod
    def train(cls, rows: Sequence[Row], labels: Sequence[str], **options: Any) -> EventClassifier:
        """`c`: inverse regularisation; `embeddings`: weight of the embedding model in the mean
        (0: the TF-IDF model alone, no embedding)."""
        c = options.pop("c", 10.0)
        mix = options.pop("embeddings", EMBEDDING_WEIGHT)
        model = build_model(c)
        model.fit(list(rows), list(labels))
        embedded = None
        if mix > 0:
            embedded = build_embedding_model(c)
            embedded.fit(list(rows), list(labels))
        if embedded is not None:
            options.setdefault("override", OVERRIDE_WITH_EMBEDDING)
        options.setdefault("doubt", DOUBT)
        return cls(model, embedded=embedded, mix=mix if embedded is not None else 0.0, **options)

    def predict(self, rows: Sequence[Row]) -> list[tuple[str, float]]:
        """(best label, its probability) per row."""
        return [max(d.items(), key=lambda kv: kv[1]) for d in self.distributions(rows)]

    def distributions(self, rows: Sequence[Row]) -> list[dict[str, float]]:
        """Each row's probability per label (sub-types and NONE)."""
        rows = list(rows)
        if not rows:
            return []
        classes = self.model.classes_
        probs = self.model.predict_proba(rows)
        # Embedded: the rows with a trigger, except where the TF-IDF model's best label is the
        # trigger's own sub-type with p >= agree_skip (rules and classifier agree and are sure).
        rich = [
            i
            for i, r in enumerate(rows)
            if self.embedded is not None
            and needs_embedding(r[1])
            and not (
                probs[i].max() >= self.agree_skip
                and str(classes[probs[i].argmax()]) in rule_sub_types(r[1])
            )
        ]
        if rich:
            assert list(self.embedded.classes_) == list(classes)
            semantic = self.embedded.predict_proba([rows[i] for i in rich])
            probs[rich] = (1.0 - self.mix) * probs[rich] + self.mix * semantic
        labels = [str(c) for c in classes]
        return [dict(zip(labels, map(float, p), strict=True)) for p in probs]

    def save(self, path: Path, card: dict[str, Any] | None = None) -> None:
        import joblib

        path.parent.mkdir(parents=True, exist_ok=True)
        thresholds = {
            "override": self.override,
            "propose": self.propose,
            "veto": self.veto,
            "doubt": self.doubt,
        }
        joblib.dump(
            {
                "model": self.model,
                "embedded": self.embedded,
                "mix": self.mix,
                "agree_skip": self.agree_skip,
                "thresholds": thresholds,
            },
            path,
            compress=3,
        )
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
        return cls(
            data["model"],
            **data["thresholds"],
            card=card,
            embedded=data.get("embedded"),
            mix=data.get("mix", 0.0),
            agree_skip=data.get("agree_skip", AGREE_SKIP),
        )


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
