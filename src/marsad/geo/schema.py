"""Gazetteer file layout and version, shared by the builder and the reader."""

# Bump when the schema, folding or sources change: a cached file with another version is rebuilt.
BUILD_VERSION = "geo-12"

# Ranking priors by kind of name: primary names beat alternates, which beat demonyms.
KIND_NAME, KIND_ALT, KIND_DEMONYM = 0, 1, 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, gid TEXT UNIQUE NOT NULL, name TEXT NOT NULL, lat REAL, lon REAL,
    cc TEXT, admin1 TEXT, feature TEXT NOT NULL, population INTEGER NOT NULL,
    precision INTEGER NOT NULL, approximate INTEGER NOT NULL DEFAULT 0,
    capital INTEGER NOT NULL DEFAULT 0);
CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL, cc TEXT NOT NULL, iso TEXT);
CREATE TABLE names (key TEXT NOT NULL, loose TEXT NOT NULL, place INTEGER NOT NULL,
    kind INTEGER NOT NULL, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE keys (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL);
CREATE VIRTUAL TABLE keys_fts USING fts5(key, content='keys', content_rowid='id',
    tokenize='trigram');
CREATE VIRTUAL TABLE keys_vocab USING fts5vocab(keys_fts, 'row');
CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
"""
INDEXES = """
CREATE INDEX names_loose ON names (loose);
CREATE INDEX places_cc_admin1 ON places (cc, admin1);
"""
