"""What every gold-data evaluation shares: coding texts through the product path, picking the
event an outside tool would read first, and precision/recall/F1 from counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from marsad import ingest
from marsad.model import CodedArticle, Event, Rejection
from marsad.settings import Settings


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def new_events(coded: CodedArticle | Rejection) -> list[Event]:
    """The events a JSON Lines export lists as news, in export order (first evidence offset)."""
    if isinstance(coded, Rejection):
        return []
    return sorted((e for e in coded.events if e.is_new), key=lambda e: e.first_offset)


def first_event(coded: CodedArticle | Rejection) -> Event | None:
    events = new_events(coded)
    return events[0] if events else None


def code_texts(
    texts: Sequence[str],
    settings: Settings | None = None,
    pipeline: Any = None,
    source: str = "eval",
) -> list[CodedArticle | Rejection]:
    """Each text through the product path: ingest.article_from_text, then Pipeline.code_many.

    Order is kept; a text that ingest rejects (too short, not English) stays a Rejection."""
    from marsad.pipeline import Pipeline

    settings = settings or Settings.from_env()
    pipeline = pipeline or Pipeline(settings)
    articles = [
        ingest.article_from_text(t, source=f"{source}:{i}", settings=settings)
        for i, t in enumerate(texts)
    ]
    accepted = [a for a in articles if not isinstance(a, Rejection)]
    coded = iter(list(pipeline.code_many(accepted)))
    return [a if isinstance(a, Rejection) else next(coded) for a in articles]


def counts(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))
