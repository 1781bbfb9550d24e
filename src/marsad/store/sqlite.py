"""The SQLite store: one file, WAL, FTS5 over evidence, R*Tree over event points.

Every Event is kept whole as JSON (exact reconstruction) and spread over real tables for queries
(events, event_actors, evidence, figures, event_sources, events_rtree); so is every PLOVER
Interaction (interactions, interaction_docs). Writes are atomic per article and idempotent:
saving identical content changes no row and no timestamp.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import math
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from marsad import __version__, ids
from marsad.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Figure,
    Interaction,
    Rejection,
    When,
)
from marsad.settings import Settings
from marsad.store import codec, migrations
from marsad.store.codec import to_compact, to_dict
from marsad.store.query import (
    EVIDENCE_SHIFT,
    INTERACTION_ORDER,
    EventQuery,
    InteractionQuery,
    fts_query,
    order_by,
    split_names,
    walk_index,
)

# Tables that grow with every run; everything else is content (see `Store.dump`).
LEDGER_TABLES = ("runs", "run_articles", "run_rejections")

# Paging plans (Store._page). A filter with M matches among N events costs about M row reads
# to sort, or (offset + limit) * N / M to walk the sort's index and stop at LIMIT: it is "dense",
# and walked, from M = sqrt((offset + limit) * N) (10,000 for a page of 100 among a million),
# times DENSE. A walk that has not filled the page within WALK_BUDGET_MS (the filters together
# are sparser than each alone) gives way to the sort.
DENSE = 1.0
WALK_BUDGET_MS = 60


class ArticleRef(NamedTuple):
    id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None


class EventRecord(NamedTuple):
    """An event with what the store knows beside it: when it last changed, and its article."""

    event: Event
    updated_at: int
    article: ArticleRef | None


class InteractionRecord(NamedTuple):
    """A PLOVER interaction with what the store knows beside it: its id (ids.interaction_id),
    article, place among the article's readings and when it was last written."""

    id: str
    article_id: str
    ord: int
    interaction: Interaction
    updated_at: int
    article: ArticleRef | None


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Store:
    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._memory = self.path == ":memory:"
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.RLock()
        self._closed = False
        self._wal = False
        conn = self._conn()
        migrations.apply(conn)

    # -- connections -------------------------------------------------------------------------

    @property
    def concurrent_reads(self) -> bool:
        """Whether reads from several threads run on connections of their own (and so overlap);
        an in-memory store has one connection."""
        return not self._memory

    def connect(self) -> sqlite3.Connection:
        """A new connection (callers close it); readers that stream use their own."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self._memory:
            if not self._wal:  # persistent in the file: once per store is enough
                conn.execute("PRAGMA journal_mode = WAL")
                self._wal = True
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA temp_store = MEMORY")
        if not self._memory:
            # Read pages straight from the OS cache (no copy into each connection's cache):
            # random row lookups over a large store (counts, pages) get about twice as fast.
            conn.execute("PRAGMA mmap_size = 8589934592")
        return conn

    def _conn(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("store is closed")
        if self._memory:  # one connection: each new one would be a new, empty database
            if not self._connections:
                self._connections.append(self.connect())
            return self._connections[0]
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.connect()
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            conn = self._conn()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def _reader(self, own: bool = True) -> Iterator[sqlite3.Connection]:
        if self._memory or not own:
            yield self._conn()
            return
        conn = self.connect()
        try:
            yield conn
        finally:
            conn.close()

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a bulk load) and merge FTS segments."""
        with self._lock:
            conn = self._conn()
            conn.execute("ANALYZE")
            conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('optimize')")
            conn.execute("PRAGMA optimize")

    def close(self) -> None:
        with self._lock:
            for conn in self._connections:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._connections.clear()
            self._closed = True

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writes ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        row = self._conn().execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def save(self, coded: CodedArticle, run_id: str | None = None) -> int:
        """Upsert one article and its events in one transaction; return the number of events.

        Events of the article that are not in `coded` any more are deleted and recorded in
        `deleted_events`; unchanged rows are not touched (their `updated_at` stays)."""
        with self._write() as conn:
            return self._save(conn, coded, run_id, int(time.time()))

    def save_many(
        self,
        items: Iterable[CodedArticle],
        run_id: str | None = None,
        batch: int = 200,
        *,
        bulk: bool = False,
    ) -> int:
        """`save` for many articles, committing every `batch` articles.

        bulk=True is the fast path for loading a large corpus: the full-text index is not
        updated row by row but rebuilt once at the end (the whole index, so use it for big loads,
        not for a few articles into a big store). Readers meanwhile see no full-text matches
        for the new rows."""
        total = 0
        pending: list[CodedArticle] = []

        def flush() -> None:
            nonlocal total
            if pending:
                with self._write() as conn:
                    now = int(time.time())
                    for coded in pending:
                        total += self._save(conn, coded, run_id, now)
                pending.clear()

        if bulk:
            # Random-key index inserts into a big file: a large page cache avoids re-reading.
            self._conn().execute("PRAGMA cache_size = -1048576")
            with self._write() as conn:
                conn.execute("DROP TRIGGER IF EXISTS evidence_ai")
                conn.execute("DROP TRIGGER IF EXISTS evidence_ad")
        try:
            for coded in items:
                pending.append(coded)
                if len(pending) >= batch:
                    flush()
            flush()
        finally:
            if bulk:
                with self._write() as conn:
                    conn.execute("INSERT INTO evidence_fts(evidence_fts) VALUES ('rebuild')")
                    migrations.script(conn, migrations.EVIDENCE_FTS_TRIGGERS)
                self._conn().execute("PRAGMA cache_size = -65536")
        return total

    def _save(
        self, conn: sqlite3.Connection, coded: CodedArticle, run_id: str | None, now: int
    ) -> int:
        art = coded.article
        coded_json = _dumps(
            {
                "figures": [to_dict(f) for f in coded.figures],
                "places": [to_dict(p) for p in coded.places],
                "actors": [to_dict(a) for a in coded.actors],
                "extra": coded.extra,
            }
        )
        art_values = (
            art.title,
            art.url,
            art.outlet,
            art.published.isoformat() if art.published else None,
            art.language,
            art.dateline,
            art.source,
            art.text,
            coded_json,
        )
        art_hash = _hash(_dumps(art_values))
        row = conn.execute("SELECT content_hash FROM articles WHERE id = ?", (art.id,)).fetchone()
        if row is None or row[0] != art_hash:
            conn.execute(
                "INSERT INTO articles (id, title, url, outlet, published, language, dateline,"
                " source, text, coded, content_hash, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET title=excluded.title, url=excluded.url,"
                " outlet=excluded.outlet, published=excluded.published, language=excluded.language,"
                " dateline=excluded.dateline, source=excluded.source, text=excluded.text,"
                " coded=excluded.coded, content_hash=excluded.content_hash,"
                " updated_at=excluded.updated_at",
                (art.id, *art_values, art_hash, now),
            )
            conn.execute("DELETE FROM figures WHERE article_id = ? AND event_pk IS NULL", (art.id,))
            for ord_, fig in enumerate(coded.figures):
                self._insert_figure(conn, art.id, None, None, ord_, fig)

        existing = {
            r[0]: (r[1], r[2])
            for r in conn.execute(
                "SELECT id, pk, content_hash FROM events WHERE article_id = ?", (art.id,)
            )
        }
        seen: set[str] = set()
        for event in coded.events:
            if event.id in seen:
                warnings.warn(
                    f"event {event.id} appears twice in article {art.id}; kept the first",
                    stacklevel=2,
                )
                continue
            if event.article_id != art.id:
                raise ValueError(
                    f"event {event.id} belongs to article {event.article_id}, not {art.id}"
                )
            seen.add(event.id)
            doc = _dumps(to_compact(event))
            digest = _hash(doc)
            if event.id in existing:
                pk, old = existing[event.id]
                if old == digest:
                    continue
                self._delete_children(conn, pk)
                self._write_event(conn, event, doc, digest, now, pk)
            else:
                other = conn.execute("SELECT pk FROM events WHERE id = ?", (event.id,)).fetchone()
                if other:  # the same id under another article: move it here
                    self._delete_children(conn, other[0])
                self._write_event(conn, event, doc, digest, now, other[0] if other else None)
                conn.execute("DELETE FROM deleted_events WHERE id = ?", (event.id,))
        for gone, (pk, _) in existing.items():
            if gone in seen:
                continue
            self._delete_children(conn, pk)
            conn.execute("DELETE FROM events WHERE pk = ?", (pk,))
            conn.execute("DELETE FROM event_docs WHERE pk = ?", (pk,))
            conn.execute(
                "INSERT INTO deleted_events (id, article_id, deleted_at) VALUES (?, ?, ?)"
                " ON CONFLICT(id) DO UPDATE SET deleted_at = excluded.deleted_at",
                (gone, art.id, now),
            )
        self._save_interactions(conn, coded, now)
        if run_id:
            conn.execute(
                "INSERT OR IGNORE INTO run_articles (run_id, article_id) VALUES (?, ?)",
                (run_id, art.id),
            )
        return len(seen)

    def _save_interactions(self, conn: sqlite3.Connection, coded: CodedArticle, now: int) -> None:
        """Replace the article's interactions when a re-code changed them. Their JSON is hashed
        apart from the article's own hash (which skips the article row), so new readings of an
        unchanged text are written and unchanged ones touch no row."""
        art_id = coded.article.id
        docs: list[tuple[str, Interaction, str]] = []
        seen: set[str] = set()
        for it in coded.interactions:
            for span in (it.trigger, it.sentence, it.source and it.source.span):
                if span is not None and span.article_id != art_id:
                    raise ValueError(
                        f"interaction {it.type} at {span.start} belongs to article"
                        f" {span.article_id}, not {art_id}"
                    )
            trig, sent = it.trigger, it.sentence
            iid = ids.interaction_id(
                art_id, sent.start if sent else None, (trig.start, trig.end) if trig else None
            )
            if iid in seen:
                warnings.warn(
                    f"interaction {iid} appears twice in article {art_id}; kept the first",
                    stacklevel=3,
                )
                continue
            seen.add(iid)
            docs.append((iid, it, _dumps(to_compact(it))))
        digest = _hash("\n".join(d for _, _, d in docs)) if docs else None
        row = conn.execute(
            "SELECT interactions_hash FROM articles WHERE id = ?", (art_id,)
        ).fetchone()
        if row is not None and row[0] == digest:
            return
        conn.execute(
            "DELETE FROM interaction_docs WHERE pk IN"
            " (SELECT pk FROM interactions WHERE article_id = ?)",
            (art_id,),
        )
        conn.execute("DELETE FROM interactions WHERE article_id = ?", (art_id,))
        for ord_, (iid, it, doc) in enumerate(docs):
            trig, sent, when = it.trigger, it.sentence, it.when
            values = {
                "id": iid,
                "article_id": art_id,
                "ord": ord_,
                "sentence_start": sent.start if sent else None,
                "sentence_end": sent.end if sent else None,
                "trigger_start": trig.start if trig else None,
                "trigger_end": trig.end if trig else None,
                "trigger": trig.text if trig else None,
                "plover_type": it.type,
                "plover_mode": it.mode,
                "modality": it.modality,
                **party_columns("source", it.source),
                **party_columns("target", it.target),
                **date_columns(when),
                "updated_at": now,
            }
            cur = conn.execute(
                f"INSERT INTO interactions ({','.join(values)})"
                f" VALUES ({','.join('?' * len(values))})",
                list(values.values()),
            )
            conn.execute(
                "INSERT INTO interaction_docs (pk, json) VALUES (?, ?)", (cur.lastrowid, doc)
            )
        conn.execute("UPDATE articles SET interactions_hash = ? WHERE id = ?", (digest, art_id))

    def _write_event(
        self, conn: sqlite3.Connection, e: Event, doc: str, digest: str, now: int, pk: int | None
    ) -> None:
        place, when = e.place, e.when
        a1, a2 = e.actor1, e.actor2
        values = {
            "id": e.id,
            "article_id": e.article_id,
            "first_offset": e.first_offset,
            "event_date": when.start.isoformat() if when else None,
            "date_end": when.end.isoformat() if when else None,
            "date_precision": when.precision if when else None,
            "time_precision": when.acled_time_precision if when else None,
            "event_type": e.type,
            "sub_event_type": e.sub_type,
            "plover_type": e.plover_type,
            "plover_mode": e.plover_mode,
            "actor1": (a1.acled_name or a1.name) if a1 else None,
            "actor2": (a2.acled_name or a2.name) if a2 else None,
            "inter1": a1.inter if a1 else None,
            "inter2": a2.inter if a2 else None,
            "country_iso2": place.country_iso2 if place else None,
            "admin1": place.admin1 if place else None,
            "admin2": place.admin2 if place else None,
            "location": place.name if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "geo_precision": place.precision if place else None,
            "fatalities": e.fatalities,
            "modality": e.modality,
            "background": int(e.background),
            "is_new": int(e.is_new),
            "confidence": e.confidence,
            "content_hash": digest,
            "updated_at": now,
        }
        cols = list(values)
        if pk is None:
            cur = conn.execute(
                f"INSERT INTO events ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                list(values.values()),
            )
            pk = cur.lastrowid
        else:
            conn.execute(
                f"UPDATE events SET {','.join(c + '=?' for c in cols)} WHERE pk = ?",
                [*values.values(), pk],
            )
        assert pk is not None
        conn.execute("INSERT OR REPLACE INTO event_docs (pk, json) VALUES (?, ?)", (pk, doc))
        if len(e.evidence) >= 1 << EVIDENCE_SHIFT:
            raise ValueError(f"event {e.id} has {len(e.evidence)} evidence spans; at most 1023")
        actors = [("actor1", 0, a1), ("actor2", 0, a2)]
        actors += [("assoc", i, a) for i, a in enumerate(e.assoc_actors)]
        conn.executemany(
            "INSERT INTO event_actors (event_pk, role, ord, name, acled_name, canonical_id, kind,"
            " inter, country) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (pk, role, o, a.name, a.acled_name, a.canonical_id, a.kind, a.inter, a.country)
                for role, o, a in actors
                if a is not None
            ],
        )
        conn.executemany(
            'INSERT INTO evidence (id, event_pk, event_id, ord, field, article_id, start, "end",'
            " text) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    pk << EVIDENCE_SHIFT | o,
                    pk,
                    e.id,
                    o,
                    ev.field,
                    ev.span.article_id,
                    ev.span.start,
                    ev.span.end,
                    ev.span.text,
                )
                for o, ev in enumerate(e.evidence)
            ],
        )
        for o, fig in enumerate(e.figures):
            self._insert_figure(conn, e.article_id, pk, e.id, o, fig)
        conn.executemany(
            "INSERT INTO event_sources (event_pk, ord, source) VALUES (?,?,?)",
            [(pk, o, s) for o, s in enumerate(e.sources)],
        )
        if place is not None and place.lat is not None and place.lon is not None:
            conn.execute(
                "INSERT INTO events_rtree (id, minlon, maxlon, minlat, maxlat) VALUES (?,?,?,?,?)",
                (pk, place.lon, place.lon, place.lat, place.lat),
            )

    @staticmethod
    def _insert_figure(
        conn: sqlite3.Connection,
        article_id: str,
        event_pk: int | None,
        event_id: str | None,
        ord_: int,
        f: Figure,
    ) -> None:
        span = f.span
        conn.execute(
            "INSERT INTO figures (article_id, event_pk, event_id, ord, kind, low, best, high, unit,"
            ' vague, source, start, "end", text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            (
                article_id,
                event_pk,
                event_id,
                ord_,
                f.kind,
                f.low,
                f.best,
                f.high,
                f.unit,
                f.vague,
                f.source,
                span.start if span else None,
                span.end if span else None,
                span.text if span else None,
            ),
        )

    @staticmethod
    def _delete_children(conn: sqlite3.Connection, pk: int) -> None:
        conn.execute("DELETE FROM event_actors WHERE event_pk = ?", (pk,))
        low = pk << EVIDENCE_SHIFT  # an event's evidence rows are one id range
        conn.execute("DELETE FROM evidence WHERE id BETWEEN ? AND ?", (low, low | 1023))
        conn.execute("DELETE FROM figures WHERE event_pk = ?", (pk,))
        conn.execute("DELETE FROM event_sources WHERE event_pk = ?", (pk,))
        conn.execute("DELETE FROM events_rtree WHERE id = ?", (pk,))

    def reject(self, rejection: Rejection, run_id: str | None = None) -> None:
        """Keep a rejection (once per source/stage/code/reason) and link it to the run."""
        r = rejection
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO rejections (source, stage, code, reason) VALUES (?,?,?,?)",
                (r.source, r.stage, r.code, r.reason),
            )
            if run_id:
                (rid,) = conn.execute(
                    "SELECT id FROM rejections WHERE source=? AND stage=? AND code=? AND reason=?",
                    (r.source, r.stage, r.code, r.reason),
                ).fetchone()
                conn.execute(
                    "INSERT OR IGNORE INTO run_rejections (run_id, rejection_id) VALUES (?, ?)",
                    (run_id, rid),
                )

    # -- run ledger --------------------------------------------------------------------------

    def start_run(self, inputs: list[str], settings: Settings | None = None) -> str:
        started = datetime.now(UTC).isoformat(timespec="seconds")
        run_id = (
            "r"
            + hashlib.sha256(
                f"{time.time_ns()}\x1f{threading.get_ident()}\x1f{inputs}".encode()
            ).hexdigest()[:16]
        )
        with self._write() as conn:
            conn.execute(
                "INSERT INTO runs (id, started_at, version, inputs, settings) VALUES (?,?,?,?,?)",
                (
                    run_id,
                    started,
                    __version__,
                    _dumps(list(inputs)),
                    _dumps(dataclasses.asdict(settings) if settings else {}),
                ),
            )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                (datetime.now(UTC).isoformat(timespec="seconds"), _dumps(counts), run_id),
            )

    def runs(self) -> list[dict[str, Any]]:
        rows = self._conn().execute(
            "SELECT id, started_at, finished_at, version, inputs, settings, counts FROM runs"
            " ORDER BY started_at, id"
        )
        return [
            {
                "id": r[0],
                "started_at": r[1],
                "finished_at": r[2],
                "version": r[3],
                "inputs": json.loads(r[4]),
                "settings": json.loads(r[5]),
                "counts": json.loads(r[6]) if r[6] else None,
            }
            for r in rows
        ]

    def rejections(self, run_id: str | None = None) -> list[Rejection]:
        if run_id is None:
            rows = self._conn().execute(
                "SELECT source, stage, code, reason FROM rejections ORDER BY id"
            )
        else:
            rows = self._conn().execute(
                "SELECT r.source, r.stage, r.code, r.reason FROM rejections r"
                " JOIN run_rejections rr ON rr.rejection_id = r.id WHERE rr.run_id = ?"
                " ORDER BY r.id",
                (run_id,),
            )
        return [Rejection(*r) for r in rows]

    # -- reads -------------------------------------------------------------------------------

    def events(
        self,
        *,
        country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        admin1: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        q: str | None = None,
        updated_since: int | None = None,
        min_precision: int | None = None,
        include_background: bool = False,
        article_id: str | None = None,
        sort: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Event]:
        """Stream Events, by default only new ones (asserted, not background), ordered by
        article then first evidence offset."""
        query = EventQuery(
            country=country,
            since=since,
            until=until,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor=actor,
            admin1=admin1,
            bbox=bbox,
            q=q,
            updated_since=updated_since,
            min_precision=min_precision,
            include_background=include_background,
            article_id=article_id,
        )
        for record in self.records(query, sort=sort, limit=limit, offset=offset):
            yield record.event

    def records(
        self,
        query: EventQuery | None = None,
        *,
        sort: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        stream: bool = False,
    ) -> Iterator[EventRecord]:
        """Stream EventRecords. stream=True reads on a connection of its own, so the iterator
        may be consumed from any thread (a streaming HTTP response); otherwise the calling
        thread's connection (warm cache) is used."""
        query = query or EventQuery()
        where, params = query.where()
        order = order_by(sort)
        with self._reader(own=stream) as conn:
            if limit is None and not offset:
                # Everything, streamed in order: one query, rows joined as they come.
                sql = f"{_RECORD_SELECT} WHERE {where} {order}"
                for row in conn.execute(sql, params):
                    yield _record(row)
                return
            # A page: filter and sort the narrow rows first, then fetch just these documents.
            pks = self._page(conn, query, sort, limit, offset)
            for row in _rows_by_pk(conn, _RECORD_SELECT, "e.pk", pks):
                yield _record(row)

    def interactions(
        self,
        *,
        plover_type: str | Iterable[str] | None = None,
        modality: str | Iterable[str] | None = None,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        country: str | None = None,
        source_country: str | None = None,
        target_country: str | None = None,
        since: date | None = None,
        until: date | None = None,
        article_id: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[Interaction]:
        """Stream PLOVER Interactions, exactly as saved, ordered by article then offset.
        `plover_type` and `modality` take one name, several, or "CONSULT,AGREE"."""
        query = InteractionQuery(
            plover_types=split_names(plover_type),
            modalities=split_names(modality),
            source=source,
            target=target,
            actor=actor,
            country=country,
            source_country=source_country,
            target_country=target_country,
            since=since,
            until=until,
            article_id=article_id,
        )
        for record in self.interaction_records(query, limit=limit, offset=offset):
            yield record.interaction

    def interaction_records(
        self,
        query: InteractionQuery | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        stream: bool = False,
    ) -> Iterator[InteractionRecord]:
        """Stream InteractionRecords (stream=True: on a connection of its own, as `records`)."""
        where, params = (query or InteractionQuery()).where()
        with self._reader(own=stream) as conn:
            if limit is None and not offset:
                sql = f"{_INTERACTION_SELECT} WHERE {where} {INTERACTION_ORDER}"
                for row in conn.execute(sql, params):
                    yield _interaction_record(row)
                return
            # A page: filter and order the narrow rows, then read just these documents.
            pks = [
                r[0]
                for r in conn.execute(
                    f"SELECT i.pk FROM interactions i WHERE {where} {INTERACTION_ORDER}"
                    " LIMIT ? OFFSET ?",
                    [*params, -1 if limit is None else int(limit), int(offset)],
                )
            ]
            for row in _rows_by_pk(conn, _INTERACTION_SELECT, "i.pk", pks):
                yield _interaction_record(row)

    def count_interactions(
        self, query: InteractionQuery | None = None, *, cap: int | None = None
    ) -> int:
        """The number of matching interactions; with `cap`, counting stops there."""
        where, params = (query or InteractionQuery()).where()
        limit = f" LIMIT {int(cap)}" if cap is not None else ""
        sql = f"SELECT count(*) FROM (SELECT 1 FROM interactions i WHERE {where}{limit})"
        return self._conn().execute(sql, params).fetchone()[0]

    def _page(
        self,
        conn: sqlite3.Connection,
        query: EventQuery,
        sort: str | None,
        limit: int | None,
        offset: int,
    ) -> list[int]:
        """The pks of one page, in order. Both plans give the same rows: a dense filter walks
        the sort index in order and stops at offset + limit; otherwise (or when the walk runs
        out of budget) the matches are collected through the most selective filter and sorted."""
        if limit is not None and limit > 0:
            index = walk_index(sort, country=bool(query.country))
            (size,) = conn.execute("SELECT coalesce(max(pk), 0) FROM events").fetchone()
            dense = math.ceil(DENSE * math.sqrt((int(offset) + int(limit)) * size))
            if index is not None and self._candidates(conn, query, dense) >= dense:
                where, params = query.where(fts="row", rtree="row")
                pks = self._budgeted(
                    conn,
                    f"SELECT e.pk FROM events e INDEXED BY {index} WHERE {where}"
                    f" {order_by(sort)} LIMIT ?",
                    [*params, int(offset) + int(limit)],
                    WALK_BUDGET_MS,
                )
                if pks is not None:
                    return [r[0] for r in pks[int(offset) :]]
        where, params = query.where()
        sql = (
            f"SELECT e.pk FROM events e WHERE {where} {order_by(sort, by_index=False)}"
            " LIMIT ? OFFSET ?"
        )
        return [
            r[0]
            for r in conn.execute(sql, [*params, -1 if limit is None else int(limit), int(offset)])
        ]

    @staticmethod
    def _candidates(conn: sqlite3.Connection, query: EventQuery, cap: int) -> int:
        """A cheap upper bound of the matches, counted up to `cap`: the full-text hits or the
        R*Tree hits when there are such filters (streamed, not joined), else the matches."""
        found = []
        if query.q:
            found.append(
                conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM evidence_fts WHERE evidence_fts MATCH ?"
                    " LIMIT ?)",
                    (fts_query(query.q), cap),
                ).fetchone()[0]
            )
        if query.bbox:
            minlon, minlat, maxlon, maxlat = query.bbox
            found.append(
                conn.execute(
                    "SELECT count(*) FROM (SELECT 1 FROM events_rtree WHERE minlon >= ?"
                    " AND maxlon <= ? AND minlat >= ? AND maxlat <= ? LIMIT ?)",
                    (minlon, maxlon, minlat, maxlat, cap),
                ).fetchone()[0]
            )
        if not found:
            where, params = query.where()
            found.append(
                conn.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT ?)",
                    [*params, cap],
                ).fetchone()[0]
            )
        return min(found)

    @staticmethod
    def _budgeted(
        conn: sqlite3.Connection,
        sql: str,
        params: list[Any],
        budget_ms: float,
        every: int = 2_000,
    ) -> list[tuple[Any, ...]] | None:
        """All rows of `sql`, or None when that takes longer than budget_ms (the clock is read
        every `every` SQLite virtual-machine steps)."""
        deadline = time.perf_counter() + budget_ms / 1000
        conn.set_progress_handler(lambda: time.perf_counter() > deadline, every)
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                return None
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def count(
        self,
        query: EventQuery | None = None,
        *,
        cap: int | None = None,
        budget_ms: int | None = None,
    ) -> int | None:
        """The number of matching events. With `cap`, counting stops there (the result is at
        most cap); with `budget_ms`, a count that takes longer is abandoned and gives None."""
        query = query or EventQuery()
        where, params = query.where()
        sql = f"SELECT count(*) FROM events e WHERE {where}"
        # With a cap, stream the candidates and stop there (an IN list would first collect every
        # full-text or R*Tree hit): through an index on the other filters when there is one
        # (the hits then become a list probed per row), else through the hits themselves.
        indexed = any(
            (
                query.country,
                query.since,
                query.until,
                query.event_type,
                query.sub_event_type,
                query.article_id,
                query.ids is not None,
                query.updated_since is not None,
            )
        )
        if cap is not None and (query.q or query.bbox) and indexed:
            where, params = query.where(fts="probe", rtree="probe")
            sql = f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT {int(cap)})"
        elif cap is not None and query.q:
            where, params = query.where(fts="omit")
            sql = (
                f"SELECT count(*) FROM (SELECT DISTINCT e.pk FROM evidence_fts f"
                f" CROSS JOIN events e {_narrow(where)}ON e.pk = f.rowid >> {EVIDENCE_SHIFT}"
                f" WHERE evidence_fts MATCH ? AND {where} LIMIT {int(cap)})"
            )
            params = [fts_query(query.q), *params]
        elif cap is not None and query.bbox:
            minlon, minlat, maxlon, maxlat = query.bbox
            where, params = query.where(rtree="omit")
            sql = (
                f"SELECT count(*) FROM (SELECT 1 FROM events_rtree r CROSS JOIN events e"
                f" {_narrow(where)}ON e.pk = r.id WHERE r.minlon >= ? AND r.maxlon <= ?"
                f" AND r.minlat >= ? AND r.maxlat <= ? AND {where} LIMIT {int(cap)})"
            )
            params = [minlon, maxlon, minlat, maxlat, *params]
        elif cap is not None:
            sql = f"SELECT count(*) FROM (SELECT 1 FROM events e WHERE {where} LIMIT {int(cap)})"
        conn = self._conn()
        if budget_ms is None:
            return conn.execute(sql, params).fetchone()[0]
        rows = self._budgeted(conn, sql, params, budget_ms, every=10_000)
        return None if rows is None else rows[0][0]

    def event(self, event_id: str) -> Event | None:
        record = self.record(event_id)
        return record.event if record else None

    def record(self, event_id: str) -> EventRecord | None:
        row = self._conn().execute(f"{_RECORD_SELECT} WHERE e.id = ?", (event_id,)).fetchone()
        return _record(row) if row else None

    def article_ref(self, article_id: str) -> ArticleRef | None:
        row = (
            self._conn()
            .execute(
                "SELECT id, url, outlet, title, published FROM articles WHERE id = ?", (article_id,)
            )
            .fetchone()
        )
        return ArticleRef(*row) if row else None

    def event_updated_at(self, event_id: str) -> int | None:
        row = (
            self._conn()
            .execute("SELECT updated_at FROM events WHERE id = ?", (event_id,))
            .fetchone()
        )
        return row[0] if row else None

    _ARTICLE_COLS = "id, text, title, url, outlet, published, language, dateline, source"

    def article(self, article_id: str) -> Article | None:
        row = (
            self._conn()
            .execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        return _article(row) if row else None

    def articles(self) -> Iterator[Article]:
        with self._reader() as conn:
            for row in conn.execute(f"SELECT {self._ARTICLE_COLS} FROM articles ORDER BY id"):
                yield _article(row)

    def article_figures(self, article_id: str) -> list[Figure]:
        """The article-level figures (not tied to an event), exactly as saved."""
        row = (
            self._conn()
            .execute("SELECT coded FROM articles WHERE id = ?", (article_id,))
            .fetchone()
        )
        if not row:
            return []
        return [codec.figure_from(f) for f in json.loads(row[0]).get("figures", [])]

    def article_events(self, article_id: str, include_background: bool = True) -> list[Event]:
        return list(self.events(article_id=article_id, include_background=include_background))

    def deleted(self, since: int | None = None) -> list[dict[str, Any]]:
        rows = self._conn().execute(
            "SELECT id, article_id, deleted_at FROM deleted_events WHERE deleted_at >= ?"
            " ORDER BY deleted_at, id",
            (int(since or 0),),
        )
        return [{"event_id": r[0], "article_id": r[1], "deleted_at": r[2]} for r in rows]

    def stats(self) -> dict[str, int]:
        conn = self._conn()

        def one(sql: str) -> int:
            return conn.execute(sql).fetchone()[0]

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "new_events": one("SELECT count(*) FROM events WHERE is_new = 1"),
            "deleted_events": one("SELECT count(*) FROM deleted_events"),
            "interactions": one("SELECT count(*) FROM interactions"),
            "rejections": one("SELECT count(*) FROM rejections"),
            "runs": one("SELECT count(*) FROM runs"),
        }

    def counts(self, query: EventQuery | None = None, by: str = "day") -> list[dict[str, Any]]:
        """Event and fatality counts grouped by day, event type or country (the timeline)."""
        groups = {
            "day": "e.event_date",
            "type": "e.event_type",
            "sub_type": "e.sub_event_type",
            "country": "e.country_iso2",
        }
        if by == "day_type":
            keys = "e.event_date, e.event_type"
            names = ["event_date", "event_type"]
        elif by in groups:
            keys = groups[by]
            names = [
                {
                    "day": "event_date",
                    "type": "event_type",
                    "sub_type": "sub_event_type",
                    "country": "country_iso2",
                }[by]
            ]
        else:
            raise ValueError(
                f"unknown grouping {by!r}: use day, type, sub_type, country or day_type"
            )
        where, params = (query or EventQuery()).where()
        rows = self._conn().execute(
            f"SELECT {keys}, count(*), coalesce(sum(e.fatalities), 0) FROM events e WHERE {where}"
            f" GROUP BY {keys} ORDER BY {keys}",
            params,
        )
        out = []
        for row in rows:
            item = dict(zip(names, row[: len(names)], strict=True))
            item["events"], item["fatalities"] = row[len(names)], row[len(names) + 1]
            out.append(item)
        return out

    def event_types(self) -> list[str]:
        """The distinct event types in the store (a skip scan over the type index: each step is
        one index seek, so it stays fast however many events there are)."""
        rows = self._conn().execute(
            "WITH RECURSIVE t(v) AS ("
            " SELECT (SELECT event_type FROM events ORDER BY event_type COLLATE NOCASE LIMIT 1)"
            " UNION ALL"
            " SELECT (SELECT event_type FROM events WHERE event_type > t.v COLLATE NOCASE"
            "  ORDER BY event_type COLLATE NOCASE LIMIT 1) FROM t WHERE t.v IS NOT NULL"
            ") SELECT v FROM t WHERE v IS NOT NULL"
        )
        return [r[0] for r in rows]

    def dump(self, exclude: Iterable[str] = LEDGER_TABLES) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table but `exclude`, sorted: compare two dumps to prove a re-run
        changed nothing."""
        conn = self._conn()
        skip = set(exclude)
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        out: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            # Index internals (FTS segments, R*Tree nodes) are derived from the tables dumped
            # here and their bytes depend on merge history: compare the content instead.
            if (
                name in skip
                or name.startswith("sqlite_")
                or name.startswith("evidence_fts")
                or name.startswith("events_rtree_")
            ):
                continue
            rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            out[name] = sorted(rows, key=repr)
        return out


def _narrow(where: str) -> str:
    """INDEXED BY the narrow (is_new, pk) index when that is all a join on pk needs to read."""
    return "INDEXED BY events_new " if where == "e.is_new = 1" else ""


_RECORD_SELECT = (
    "SELECT d.json, e.updated_at, a.id, a.url, a.outlet, a.title, a.published, e.pk"
    " FROM events e JOIN event_docs d ON d.pk = e.pk LEFT JOIN articles a ON a.id = e.article_id"
)


def _rows_by_pk(
    conn: sqlite3.Connection, select: str, key: str, pks: list[int]
) -> Iterator[tuple[Any, ...]]:
    """The rows of `select` (its last column the primary key `key`) for `pks`, in their order;
    in chunks of 500 to stay under SQLite's limit on bound variables."""
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        rows = conn.execute(
            f"{select} WHERE {key} IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall()
        by_pk = {r[-1]: r for r in rows}
        for pk in chunk:
            if pk in by_pk:
                yield by_pk[pk]


def _record(row: tuple[Any, ...]) -> EventRecord:
    event = codec.event_from(json.loads(row[0]))
    article = ArticleRef(*row[2:7]) if row[2] is not None else None
    return EventRecord(event, row[1], article)


_INTERACTION_SELECT = (
    "SELECT i.id, i.article_id, i.ord, d.json, i.updated_at, a.id, a.url, a.outlet, a.title,"
    " a.published, i.pk FROM interactions i JOIN interaction_docs d ON d.pk = i.pk"
    " LEFT JOIN articles a ON a.id = i.article_id"
)


def _interaction_record(row: tuple[Any, ...]) -> InteractionRecord:
    article = ArticleRef(*row[5:10]) if row[5] is not None else None
    interaction = codec.interaction_from(json.loads(row[3]))
    return InteractionRecord(row[0], row[1], row[2], interaction, row[4], article)


PARTY_FIELDS = ("name", "text", "id", "kind", "country")


def date_columns(when: When | None) -> dict[str, Any]:
    """`date_start`, `date_end`, `date_precision` (UCDP's names) of a date or interval; the
    interactions table, its CSV and the events' JSON export use the same."""
    return {
        "date_start": when.start.isoformat() if when else None,
        "date_end": when.end.isoformat() if when else None,
        "date_precision": when.precision if when else None,
    }


def party_columns(role: str, actor: Actor | None) -> dict[str, Any]:
    """The columns of an interaction's source or target (`source_name`, ...): the name
    (canonical when the actor dictionary knows the party), the words as written, the canonical
    id, the ACLED actor type and the ISO2 country. The exports use the same."""
    if actor is None:
        return {f"{role}_{f}": None for f in PARTY_FIELDS}
    written = actor.span.text if actor.span else (actor.aliases_matched or (actor.name,))[0]
    return {
        f"{role}_name": actor.name,
        f"{role}_text": written,
        f"{role}_id": actor.canonical_id,
        f"{role}_kind": actor.kind,
        f"{role}_country": actor.country,
    }


def _article(row: tuple[Any, ...]) -> Article:
    keys = ("id", "text", "title", "url", "outlet", "published", "language", "dateline", "source")
    return codec.article_from(dict(zip(keys, row, strict=True)))
