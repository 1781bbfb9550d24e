"""Schema changes as named migrations, applied once each and recorded in `_migrations`
(the sqlite-utils migrations pattern). Never edit a released migration: append a new one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

Migration = tuple[str, Callable[[sqlite3.Connection], None]]


# Keep evidence_fts (external content) in step with evidence; dropped and rebuilt around a bulk
# load (Store.save_many(bulk=True)), which is faster than indexing row by row.
EVIDENCE_FTS_TRIGGERS = """
CREATE TRIGGER evidence_ai AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER evidence_ad AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts(evidence_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
"""


def m001_initial(conn: sqlite3.Connection) -> None:
    script(
        conn,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            title TEXT,
            url TEXT,
            outlet TEXT,
            published TEXT,
            language TEXT,
            dateline TEXT,
            source TEXT,
            text TEXT NOT NULL,
            coded TEXT NOT NULL,          -- JSON: article-level figures, places, actors, extra
            content_hash TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX articles_published ON articles(published);

        CREATE TABLE events (
            pk INTEGER PRIMARY KEY,       -- stable while the event exists: the R*Tree id
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL,
            first_offset INTEGER NOT NULL,
            event_date TEXT,
            date_end TEXT,
            date_precision TEXT,
            time_precision INTEGER,
            event_type TEXT NOT NULL,
            sub_event_type TEXT NOT NULL,
            plover_type TEXT,
            plover_mode TEXT,
            actor1 TEXT,
            actor2 TEXT,
            inter1 INTEGER,
            inter2 INTEGER,
            country_iso2 TEXT,
            admin1 TEXT,
            admin2 TEXT,
            location TEXT,
            lat REAL,
            lon REAL,
            geo_precision INTEGER,
            fatalities INTEGER,
            modality TEXT NOT NULL,
            background INTEGER NOT NULL,
            is_new INTEGER NOT NULL,
            confidence REAL,
            content_hash TEXT NOT NULL,   -- of the JSON in event_docs: unchanged -> not written
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX events_article ON events(article_id, first_offset, id);
        -- covering the timeline's GROUP BY day, type (with and without a country)
        CREATE INDEX events_country_date ON events(
            country_iso2, event_date, event_type, is_new, fatalities
        );
        CREATE INDEX events_date ON events(event_date, event_type, is_new, fatalities);
        CREATE INDEX events_type_date ON events(
            event_type COLLATE NOCASE, event_date, is_new, fatalities
        );
        CREATE INDEX events_subtype_date ON events(sub_event_type COLLATE NOCASE, event_date);
        CREATE INDEX events_updated ON events(updated_at);
        CREATE INDEX events_fatalities ON events(coalesce(fatalities, 0));

        -- The whole event (to_compact JSON: to_dict without default values), apart from the
        -- narrow query rows above so that filtering and sorting never read it.
        CREATE TABLE event_docs (
            pk INTEGER PRIMARY KEY,       -- events.pk
            json TEXT NOT NULL
        );

        CREATE TABLE event_actors (
            event_pk INTEGER NOT NULL,
            role TEXT NOT NULL,           -- actor1 | actor2 | assoc
            ord INTEGER NOT NULL,
            name TEXT NOT NULL,
            acled_name TEXT,
            canonical_id TEXT,
            kind TEXT,
            inter INTEGER,
            country TEXT,
            PRIMARY KEY (event_pk, role, ord)
        ) WITHOUT ROWID;
        CREATE INDEX event_actors_canonical ON event_actors(canonical_id);

        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,       -- event_pk << 10 | ord: FTS hits give the event directly
            event_pk INTEGER NOT NULL,
            event_id TEXT NOT NULL,
            ord INTEGER NOT NULL,
            field TEXT NOT NULL,
            article_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE evidence_fts USING fts5(
            text, content='evidence', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );

        CREATE TABLE figures (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL,
            event_pk INTEGER,             -- NULL: an article-level figure, tied to no event
            event_id TEXT,
            ord INTEGER NOT NULL,
            kind TEXT NOT NULL,
            low REAL,
            best REAL,
            high REAL,
            unit TEXT,
            vague TEXT,
            source TEXT,
            start INTEGER,
            "end" INTEGER,
            text TEXT
        );
        CREATE INDEX figures_event ON figures(event_pk, ord);
        CREATE INDEX figures_article ON figures(article_id, event_pk);

        CREATE TABLE event_sources (
            event_pk INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (event_pk, ord)
        ) WITHOUT ROWID;

        CREATE VIRTUAL TABLE events_rtree USING rtree(id, minlon, maxlon, minlat, maxlat);

        CREATE TABLE deleted_events (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL,
            deleted_at INTEGER NOT NULL
        );
        CREATE INDEX deleted_events_at ON deleted_events(deleted_at);

        CREATE TABLE rejections (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            stage TEXT NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            UNIQUE (source, stage, code, reason)
        );

        -- The run ledger: which run did what. Everything above is content and is unchanged
        -- by re-running the same input; these tables grow with every run.
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            version TEXT,
            inputs TEXT NOT NULL,
            settings TEXT NOT NULL,
            counts TEXT
        );
        CREATE TABLE run_articles (
            run_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            PRIMARY KEY (run_id, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE run_rejections (
            run_id TEXT NOT NULL,
            rejection_id INTEGER NOT NULL,
            PRIMARY KEY (run_id, rejection_id)
        ) WITHOUT ROWID;
        """,
    )
    script(conn, EVIDENCE_FTS_TRIGGERS)


SORT_INDEXES = (
    "events_date_pk",
    "events_country_date_pk",
    "events_geo_precision",
    "events_confidence",
    "events_type",
    "events_country",
)


def m002_sort_indexes(conn: sqlite3.Connection) -> None:
    """Indexes in exactly the (sort key, pk) order of each sort (query.SORT_INDEX), so a page of
    a dense filter walks one and stops at LIMIT instead of sorting every match."""
    script(
        conn,
        """
        CREATE INDEX IF NOT EXISTS events_date_pk ON events(event_date);
        CREATE INDEX IF NOT EXISTS events_country_date_pk ON events(country_iso2, event_date);
        CREATE INDEX IF NOT EXISTS events_geo_precision ON events(geo_precision);
        CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence);
        CREATE INDEX IF NOT EXISTS events_type ON events(event_type);
        CREATE INDEX IF NOT EXISTS events_country ON events(country_iso2);
        """,
    )
    # A store analysed before has statistics for the old indexes only: the planner would take
    # the new ones for far more selective than they are (and prefer them to covering ones).
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        for index in SORT_INDEXES:
            conn.execute(f"ANALYZE {index}")


def m003_events_new(conn: sqlite3.Connection) -> None:
    """(is_new, pk): a few MB that stay cached, for counting the full-text or R*Tree hits that
    are new events without reading the rows (Store.count)."""
    conn.execute("CREATE INDEX IF NOT EXISTS events_new ON events(is_new)")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        conn.execute("ANALYZE events_new")


def m004_interactions(conn: sqlite3.Connection) -> None:
    """PLOVER interactions (who did what to whom, one per sentence that tells of one), kept
    beside the ACLED events: narrow rows to filter on, the whole value as JSON apart, as for
    events. An article's readings are replaced together; `articles.interactions_hash` (of their
    JSON, NULL when there are none) tells whether a re-code changed them."""
    script(
        conn,
        """
        CREATE TABLE interactions (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,      -- ids.interaction_id: article + sentence + trigger
            article_id TEXT NOT NULL,
            ord INTEGER NOT NULL,         -- its place among the article's readings
            sentence_start INTEGER,
            sentence_end INTEGER,
            trigger_start INTEGER,
            trigger_end INTEGER,
            trigger TEXT,                 -- the words of the act
            plover_type TEXT NOT NULL,
            plover_mode TEXT,
            modality TEXT NOT NULL,
            source_name TEXT,             -- canonical name when the dictionary knows the party
            source_text TEXT,             -- the words as written
            source_id TEXT,
            source_kind TEXT,             -- ACLED actor type
            source_country TEXT,          -- ISO2
            target_name TEXT,
            target_text TEXT,
            target_id TEXT,
            target_kind TEXT,
            target_country TEXT,
            date_start TEXT,
            date_end TEXT,
            date_precision TEXT,          -- day | week | month | year
            updated_at INTEGER NOT NULL
        );
        -- the default order (article, then offset), an article's rows, and each filter
        CREATE INDEX interactions_article ON interactions(
            article_id, sentence_start, trigger_start
        );
        CREATE INDEX interactions_type_date ON interactions(plover_type, date_start);
        CREATE INDEX interactions_date ON interactions(date_start);
        CREATE INDEX interactions_source_country ON interactions(source_country, date_start);
        CREATE INDEX interactions_target_country ON interactions(target_country, date_start);
        CREATE INDEX interactions_modality ON interactions(modality, date_start);
        CREATE TABLE interaction_docs (
            pk INTEGER PRIMARY KEY,       -- interactions.pk
            json TEXT NOT NULL
        );
        ALTER TABLE articles ADD COLUMN interactions_hash TEXT;
        """,
    )


MIGRATIONS: tuple[Migration, ...] = (
    ("001_initial", m001_initial),
    ("002_sort_indexes", m002_sort_indexes),
    ("003_events_new", m003_events_new),
    ("004_interactions", m004_interactions),
)


def apply(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded, each in its own transaction; return their names."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied: list[str] = []
    for name, migrate in migrations:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("ROLLBACK")  # another process applied it meanwhile
                continue
            migrate(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def script(conn: sqlite3.Connection, sql: str) -> None:
    """Run a SQL script inside the open transaction (executescript() would commit first)."""
    for statement in _split(sql):
        conn.execute(statement)


def _split(script: str) -> list[str]:
    """Split a SQL script into complete statements (triggers contain inner semicolons)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
