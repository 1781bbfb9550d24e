"""PLOVER interactions as flat records, POLECAT-style (who did what to whom, when, in which
words): one shape for the API's JSON, `marsad interactions --json` and the CSV, so a column
means the same wherever it is read. Keys only grow, as for the event exports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from marsad.serve.acled import evidence_json
from marsad.serve.exports import iter_csv_rows, iter_json_lines
from marsad.store import InteractionRecord
from marsad.store.sqlite import PARTY_FIELDS, date_columns, party_columns

# The flat fields of an interaction, in order; the JSON item adds `article` and `evidence`.
INTERACTION_FIELDS: tuple[str, ...] = (
    "interaction_id",
    "article_id",
    "ord",
    "date_start",
    "date_end",
    "date_precision",
    "plover_type",
    "plover_mode",
    "modality",
    *(f"source_{f}" for f in PARTY_FIELDS),
    *(f"target_{f}" for f in PARTY_FIELDS),
    "trigger",
    "sentence",
    "updated_at",
)
ARTICLE_FIELDS = ("url", "outlet", "title", "published")
CSV_COLUMNS: tuple[str, ...] = (*INTERACTION_FIELDS, *(f"article_{f}" for f in ARTICLE_FIELDS))
FORMATS = ("csv", "jsonl")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def interaction_row(record: InteractionRecord) -> dict[str, Any]:
    """The flat fields and the article's, as the CSV has them."""
    it, when, art = record.interaction, record.interaction.when, record.article
    row: dict[str, Any] = {
        "interaction_id": record.id,
        "article_id": record.article_id,
        "ord": record.ord,
        **date_columns(when),
        "plover_type": it.type,
        "plover_mode": it.mode,
        "modality": it.modality,
        **party_columns("source", it.source),
        **party_columns("target", it.target),
        "trigger": it.trigger.text if it.trigger else None,
        "sentence": it.sentence.text if it.sentence else None,
        "updated_at": record.updated_at,
    }
    for f in ARTICLE_FIELDS:
        row[f"article_{f}"] = getattr(art, f) if art else None
    return row


def interaction_json(record: InteractionRecord) -> dict[str, Any]:
    """The JSON item: the flat fields, the article, and every span with the field it supports
    (trigger, sentence, source, target, date), offsets into the article's text."""
    row = interaction_row(record)
    item = {k: row[k] for k in INTERACTION_FIELDS}
    item["article"] = {"id": record.article_id} | {f: row[f"article_{f}"] for f in ARTICLE_FIELDS}
    it = record.interaction
    spans = (
        ("trigger", it.trigger),
        ("sentence", it.sentence),
        ("source", it.source.span if it.source else None),
        ("target", it.target.span if it.target else None),
        ("date", it.when.span if it.when else None),
    )
    item["evidence"] = [evidence_json(f, span) for f, span in spans if span is not None]
    return item


def iter_interactions(
    records: Iterable[InteractionRecord], fmt: str, counts: dict[str, int] | None = None
) -> Iterator[str]:
    """CSV (CSV_COLUMNS) or JSON Lines (interaction_json items), streamed in chunks."""
    counts = {} if counts is None else counts
    if fmt == "csv":
        return iter_csv_rows((interaction_row(r) for r in records), CSV_COLUMNS, counts)
    if fmt == "jsonl":
        return iter_json_lines((interaction_json(r) for r in records), counts)
    raise ValueError(f"unknown interaction format {fmt!r}: use one of {', '.join(FORMATS)}")
