"""Batch runs: read inputs, code them in spaCy batches, store, and keep the run ledger.

At-least-once execution plus idempotent upserts: an article already in the store is skipped as a
duplicate, so re-running the same input changes nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TypeVar

from marsad import ingest
from marsad.model import Article, CodedArticle, Rejection
from marsad.pipeline import Pipeline
from marsad.settings import Settings
from marsad.store import Store

T = TypeVar("T")


@dataclass
class RunSummary:
    run_id: str = ""
    coded: int = 0
    duplicates: int = 0
    events: int = 0
    interactions: int = 0  # PLOVER readings stored
    rejected: Counter[str] = field(default_factory=Counter)  # reason code -> count
    rejections: list[Rejection] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "coded": self.coded,
            "duplicates": self.duplicates,
            "events": self.events,
            "interactions": self.interactions,
            "rejected": sum(self.rejected.values()),
            "rejected_by_code": dict(self.rejected),
        }


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest_paths(
    sources: list[str | Path],
    store: Store,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    progress: bool = False,
) -> RunSummary:
    """Code every input into the store; each ends coded, duplicate or rejected-with-reason."""
    pipeline = pipeline or Pipeline(settings)
    seen: set[str] = set()
    with _run(store, [str(s) for s in sources], settings, progress, "coding") as (summary, tick):
        for chunk in _chunks(ingest.read(sources, settings), settings.batch_size * 4):
            fresh: list[Article] = []
            for item in chunk:
                if isinstance(item, Rejection):
                    _reject(store, summary, item)
                elif item.id in seen or store.has_article(item.id):
                    summary.duplicates += 1
                else:
                    seen.add(item.id)
                    fresh.append(item)
            _code_into(store, summary, pipeline, fresh)
            tick(len(chunk))
    return summary


def recode_store(
    store: Store,
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    progress: bool = False,
) -> RunSummary:
    """Code every stored article again with the current pipeline: after a new model or new
    rules, or to fill what a migration added to an older store (the PLOVER readings). Each
    article's events, figures and readings are replaced; events no longer read go to the
    deletions feed, and an article that fails keeps what it had and is recorded as rejected."""
    pipeline = pipeline or Pipeline(settings)
    with _run(store, ["recode"], settings, progress, "re-coding") as (summary, tick):
        # The stored articles are read on a connection of their own (a WAL snapshot), so the
        # saves below do not disturb the walk.
        for chunk in _chunks(store.articles(), settings.batch_size * 4):
            _code_into(store, summary, pipeline, chunk)
            tick(len(chunk))
    return summary


@contextmanager
def _run(
    store: Store, inputs: list[str], settings: Settings, progress: bool, desc: str
) -> Iterator[tuple[RunSummary, Callable[[int], None]]]:
    """A run in the ledger with its summary and progress bar; the ledger records its counts
    however it ends."""
    summary = RunSummary(run_id=store.start_run(inputs, settings))
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(unit=" articles", desc=desc, leave=False)
    try:
        yield summary, (bar.update if bar is not None else lambda n: None)
    finally:
        if bar is not None:
            bar.close()
        store.finish_run(summary.run_id, summary.as_dict())


def _code_into(
    store: Store, summary: RunSummary, pipeline: Pipeline, articles: Sequence[Article]
) -> None:
    for result in pipeline.code_many(articles):
        if isinstance(result, Rejection):
            _reject(store, summary, result)
            continue
        _save(store, summary, result)


def _reject(store: Store, summary: RunSummary, rejection: Rejection) -> None:
    store.reject(rejection, summary.run_id)
    summary.rejected[rejection.code] += 1
    summary.rejections.append(rejection)


def _save(store: Store, summary: RunSummary, coded: CodedArticle) -> None:
    store.save(coded, summary.run_id)
    summary.coded += 1
    summary.events += sum(1 for e in coded.events if e.is_new)
    summary.interactions += len(coded.interactions)
