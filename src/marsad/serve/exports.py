"""Exports: ACLED CSV, JSON Lines, GeoJSON and Parquet, streamed event by event.

One implementation serves the CLI (`write_export` to a file) and the API (`iter_export` chunks
into a streaming response); nothing holds all events in memory.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from marsad.errors import Errors, MarsadError
from marsad.model import Event
from marsad.serve.acled import ACLED_COLUMNS, acled_row, event_json
from marsad.store import EventRecord, Store

TEXT_FORMATS = ("acled-csv", "jsonl", "geojson")
FORMATS = (*TEXT_FORMATS, "parquet")
MEDIA_TYPES = {
    "acled-csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "geojson": "application/geo+json",
    "parquet": "application/vnd.apache.parquet",
}
EXTENSIONS = {"acled-csv": "csv", "jsonl": "jsonl", "geojson": "geojson", "parquet": "parquet"}
_ALIASES = {"csv": "acled-csv", "acled": "acled-csv", "json-lines": "jsonl", "ndjson": "jsonl"}

CHUNK_ROWS = 500  # rows per text chunk handed to the writer / the HTTP response
ROW_GROUP = 20_000  # events per Parquet row group (bounds memory: ~200 MB at most)


def normalise_format(fmt: str) -> str:
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise MarsadError(Errors.E003.format(fmt=fmt, choices=", ".join(FORMATS)))
    return name


def as_records(
    events: Iterable[Event | EventRecord], store: Store | None = None
) -> Iterator[EventRecord]:
    """EventRecords from Events (looking up article and timestamp in the store) or records."""
    if store is not None:
        article_ref = lru_cache(maxsize=4096)(store.article_ref)
    for item in events:
        if isinstance(item, EventRecord):
            yield item
        elif store is None:
            yield EventRecord(item, 0, None)
        else:
            updated = store.event_updated_at(item.id)
            yield EventRecord(item, updated or 0, article_ref(item.article_id))


def _cell(value: Any) -> Any:
    return "" if value is None else value


def iter_csv_rows(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], counts: dict[str, int]
) -> Iterator[str]:
    """CSV text in chunks of CHUNK_ROWS rows: a header, then each row's `columns` (None empty).
    Events (ACLED columns) and interactions share it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
        n += 1
        if n % CHUNK_ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    counts["written"] = n
    yield buffer.getvalue()


def iter_json_lines(items: Iterable[dict[str, Any]], counts: dict[str, int]) -> Iterator[str]:
    """JSON Lines in chunks of CHUNK_ROWS lines (events and interactions)."""
    lines: list[str] = []
    n = 0
    for item in items:
        lines.append(json.dumps(item, ensure_ascii=False))
        n += 1
        if len(lines) >= CHUNK_ROWS:
            yield "\n".join(lines) + "\n"
            lines.clear()
    counts["written"] = n
    if lines:
        yield "\n".join(lines) + "\n"


def iter_csv(records: Iterable[EventRecord], counts: dict[str, int]) -> Iterator[str]:
    return iter_csv_rows((acled_row(r) for r in records), ACLED_COLUMNS, counts)


def iter_jsonl(records: Iterable[EventRecord], counts: dict[str, int]) -> Iterator[str]:
    return iter_json_lines((event_json(r) for r in records), counts)


def feature(record: EventRecord) -> dict[str, Any] | None:
    """A GeoJSON Feature of an event, or None when its place has no coordinates."""
    place = record.event.place
    if place is None or place.lat is None or place.lon is None:
        return None
    return {
        "type": "Feature",
        "id": record.event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": event_json(record, evidence=False),
    }


def iter_geojson(records: Iterable[EventRecord], counts: dict[str, int]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": [\n'
    n = skipped = 0
    parts: list[str] = []
    for record in records:
        feat = feature(record)
        if feat is None:
            skipped += 1
            continue
        parts.append(("" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
        n += 1
        if len(parts) >= CHUNK_ROWS:
            yield "".join(parts)
            parts.clear()
    counts["written"] = n
    counts["skipped_no_coordinates"] = skipped
    yield "".join(parts) + "\n]}\n"


_TEXT_WRITERS: dict[str, Callable[[Iterable[EventRecord], dict[str, int]], Iterator[str]]] = {
    "acled-csv": iter_csv,
    "jsonl": iter_jsonl,
    "geojson": iter_geojson,
}


def parquet_schema() -> Any:
    import pyarrow as pa

    types = {
        "year": pa.int32(),
        "time_precision": pa.int8(),
        "inter1": pa.int8(),
        "inter2": pa.int8(),
        "interaction": pa.int16(),
        "iso": pa.int32(),
        "latitude": pa.float64(),
        "longitude": pa.float64(),
        "geo_precision": pa.int8(),
        "fatalities": pa.int32(),
        "timestamp": pa.int64(),
    }
    fields = [pa.field(c, types.get(c, pa.string())) for c in ACLED_COLUMNS]
    fields += [
        pa.field("event_id", pa.string()),
        pa.field("article_id", pa.string()),
        pa.field("article_url", pa.string()),
        pa.field("article_outlet", pa.string()),
        pa.field("article_title", pa.string()),
        pa.field("article_published", pa.string()),
        pa.field("modality", pa.string()),
        pa.field("background", pa.bool_()),
        pa.field("plover_type", pa.string()),
        pa.field("plover_mode", pa.string()),
        pa.field("date_start", pa.string()),
        pa.field("date_end", pa.string()),
        pa.field("date_precision", pa.string()),
        pa.field("confidence", pa.float64()),
        pa.field("actor1_id", pa.string()),
        pa.field("actor2_id", pa.string()),
        pa.field("figures", pa.string()),  # JSON
        pa.field("evidence", pa.string()),  # JSON
    ]
    return pa.schema(fields)


def _parquet_row(record: EventRecord) -> dict[str, Any]:
    data = event_json(record)
    row = {c: data[c] for c in ACLED_COLUMNS}
    for c in ACLED_COLUMNS:
        if row[c] == "" and c not in {"actor1", "event_type", "sub_event_type"}:
            row[c] = None
    article = data["article"]
    row.update(
        event_id=data["event_id"],
        article_id=data["article_id"],
        article_url=article["url"],
        article_outlet=article["outlet"],
        article_title=article["title"],
        article_published=article["published"],
        modality=data["modality"],
        background=data["background"],
        plover_type=data["plover_type"],
        plover_mode=data["plover_mode"],
        date_start=data["date_start"],
        date_end=data["date_end"],
        date_precision=data["date_precision"],
        confidence=data["confidence"],
        actor1_id=data["actor1_id"],
        actor2_id=data["actor2_id"],
        figures=json.dumps(data["figures"], ensure_ascii=False),
        evidence=json.dumps(data["evidence"], ensure_ascii=False),
    )
    return row


def write_parquet(
    records: Iterable[EventRecord], sink: str | os.PathLike[str] | IO[bytes], counts: dict[str, int]
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with pq.ParquetWriter(sink, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for record in records:
            batch.append(_parquet_row(record))
            n += 1
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    counts["written"] = n
    return n


class _ChunkSink(io.RawIOBase):
    """A write-only file that hands its bytes out in chunks (Parquet over HTTP)."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self.chunks.append(chunk)
        self.position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self.position

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks.clear()
        return out


def iter_parquet(records: Iterable[EventRecord], counts: dict[str, int]) -> Iterator[bytes]:
    """Parquet bytes, one row group at a time (the footer comes last)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    sink = _ChunkSink()
    n = 0
    writer = pq.ParquetWriter(sink, schema, compression="zstd")
    batch: list[dict[str, Any]] = []
    try:
        for record in records:
            batch.append(_parquet_row(record))
            n += 1
            if len(batch) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
                yield sink.take()
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    finally:
        writer.close()
    counts["written"] = n
    yield sink.take()


def iter_export(
    events: Iterable[Event | EventRecord],
    fmt: str,
    *,
    store: Store | None = None,
    counts: dict[str, int] | None = None,
) -> Iterator[str] | Iterator[bytes]:
    """Chunks of an export: str for the text formats, bytes for Parquet."""
    fmt = normalise_format(fmt)
    counts = {} if counts is None else counts
    records = as_records(events, store)
    if fmt == "parquet":
        return iter_parquet(records, counts)
    return _TEXT_WRITERS[fmt](records, counts)


def write_export(
    events: Iterable[Event | EventRecord],
    fmt: str,
    out: str | os.PathLike[str] | IO[str] | IO[bytes],
    *,
    store: Store | None = None,
    counts: dict[str, int] | None = None,
) -> int:
    """Write events in `fmt` to a path or an open file; return the number written.

    `store` supplies each event's article (url, outlet, title, published) and last update time
    when plain Events are given; `counts` receives {"written", "skipped_no_coordinates"}."""
    fmt = normalise_format(fmt)
    counts = {} if counts is None else counts
    records = as_records(events, store)
    if fmt == "parquet":
        if isinstance(out, str | os.PathLike):
            return write_parquet(records, os.fspath(out), counts)
        return write_parquet(records, out, counts)  # type: ignore[arg-type]
    if isinstance(out, str | os.PathLike):
        path = Path(out)
        tmp = path.with_name(path.name + ".part")
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            for chunk in _TEXT_WRITERS[fmt](records, counts):
                handle.write(chunk)
        tmp.replace(path)  # atomic: a reader never sees half an export
        return counts.get("written", 0)
    handle: IO[str] = out  # type: ignore[assignment]
    if isinstance(out, io.RawIOBase | io.BufferedIOBase) or "b" in getattr(out, "mode", ""):
        handle = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)  # type: ignore[arg-type]
    for chunk in _TEXT_WRITERS[fmt](records, counts):
        handle.write(chunk)
    handle.flush()
    if handle is not out:
        handle.detach()  # type: ignore[attr-defined]
    return counts.get("written", 0)
