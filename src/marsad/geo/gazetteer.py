"""Read side of the gazetteer: one read-only SQLite connection per process, cached lookups.

Lookup order (never a scan of the whole table): exact folded key, loose key, then an FTS5
trigram shortlist re-scored with rapidfuzz.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from marsad.errors import Errors, MarsadError
from marsad.geo import names
from marsad.geo.schema import BUILD_VERSION, KIND_ALT, KIND_DEMONYM, KIND_NAME
from marsad.model import Place
from marsad.settings import Settings

# How a candidate matched the query, best first; rank.py turns it into a score.
MATCH_NAME, MATCH_ALT, MATCH_DEMONYM, MATCH_LOOSE, MATCH_FUZZY = range(5)
_KIND_TO_MATCH = {KIND_NAME: MATCH_NAME, KIND_ALT: MATCH_ALT, KIND_DEMONYM: MATCH_DEMONYM}


@dataclass(frozen=True)
class Candidate:
    pid: int
    gid: str
    name: str
    lat: float | None
    lon: float | None
    cc: str | None
    admin1: str | None  # code, e.g. "SY.07"
    feature: str
    population: int
    precision: int
    match: int
    similarity: float  # 0-1, 1 for key matches
    capital: int = 0


_OPEN: dict[Path, Gazetteer] = {}
_LOCK = threading.Lock()


class Gazetteer:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, check_same_thread=False
            )
            meta = dict(self.db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error as err:
            raise MarsadError(Errors.E002.format(path=self.path)) from err
        self.version = meta.get("build_version")
        self.admin1_names: dict[str, str] = dict(self.db.execute("SELECT code, name FROM admin1"))
        self._countries = {
            row[5]: row for row in self.db.execute(f"{_SELECT} WHERE feature = 'country'")
        }
        # Names the in-text matcher looks for beyond spaCy's entities: countries, provinces,
        # curated features and towns big enough to be news (small ones only via spaCy).
        self.matcher_keys: frozenset[str] = frozenset(
            k
            for (k,) in self.db.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place "
                "WHERE (p.feature != 'populated place' OR p.population >= 100000 "
                "OR p.gid LIKE 'sup:%') AND n.kind != ? AND length(n.key) >= 3",
                (KIND_DEMONYM,),
            )
        )
        self.feature_keys: frozenset[str] = frozenset(
            k
            for (k,) in self.db.execute(
                "SELECT DISTINCT n.key FROM names n JOIN places p ON p.id = n.place "
                "WHERE p.gid LIKE 'sup:%' OR p.feature = 'country'"
            )
        )
        self.demonym_keys: frozenset[str] = frozenset(
            k for (k,) in self.db.execute("SELECT key FROM names WHERE kind = ?", (KIND_DEMONYM,))
        )
        self._lookup = lru_cache(maxsize=100_000)(self._lookup_uncached)

    @classmethod
    def open(cls, settings: Settings | None = None) -> Gazetteer:
        """The gazetteer at settings.gazetteer_path, built there first if missing or stale."""
        settings = settings or Settings.from_env()
        path = settings.gazetteer_path
        with _LOCK:
            if path in _OPEN:
                return _OPEN[path]
            if not path.exists() or _version(path) != BUILD_VERSION:
                from marsad.geo.build import build

                build(path)
            gaz = cls(path)
            _OPEN[path] = gaz
            return gaz

    # -- public API -------------------------------------------------------------------------

    def lookup(self, name: str, country: str | None = None, limit: int = 10) -> list[Place]:
        """Candidate places for a name, best first (span=None)."""
        from marsad.geo.rank import score_plain

        cands = self.candidates(name, country)
        cands = sorted(cands, key=lambda c: -score_plain(c))[:limit]
        return [self.to_place(c) for c in cands]

    def country(self, iso2: str) -> Place:
        row = self._countries.get(iso2.upper())
        if row is None:
            raise KeyError(iso2)
        return self.to_place(_candidate(row, MATCH_NAME, 1.0))

    def country_name(self, iso2: str) -> str:
        row = self._countries.get(iso2.upper())
        return row[2] if row else iso2

    def admin1_name(self, code: str | None) -> str | None:
        return self.admin1_names.get(code) if code else None

    def get(self, gid: str) -> Place | None:
        row = self.db.execute(f"{_SELECT} WHERE gid = ?", (gid,)).fetchone()
        return self.to_place(_candidate(row, MATCH_NAME, 1.0)) if row else None

    # -- internals --------------------------------------------------------------------------

    def candidates(self, name: str, country: str | None = None) -> tuple[Candidate, ...]:
        cands = self._lookup(names.key(name), names.loose(name), False)
        if not cands:
            bare = names.strip_generic(name)
            if bare != name:  # "Deir Ezzor province": the name without the generic word
                cands = self._lookup(names.key(bare), names.loose(bare), False)
            if not cands:
                cands = self._lookup(names.key(bare), names.loose(bare), True)
        if country:
            cands = tuple(c for c in cands if c.cc == country.upper())
        return cands

    def key_candidates(self, name: str) -> tuple[Candidate, ...]:
        """Places whose name or alternate name folds to the same key as `name` (no loose or
        fuzzy match): the cheap test recognition uses to ask "is this a known place name?"."""
        return tuple(
            c
            for c in self._lookup(names.key(name), names.loose(name), False)
            if c.match in (MATCH_NAME, MATCH_ALT)
        )

    def to_place(
        self, c: Candidate, span=None, precision: int | None = None, name: str | None = None
    ) -> Place:
        return Place(
            name=name or c.name,
            gazetteer_id=c.gid,
            lat=c.lat,
            lon=c.lon,
            country_iso2=c.cc,
            admin1=self.admin1_name(c.admin1),
            admin2=None,
            feature=c.feature,
            precision=precision if precision is not None else c.precision,
            span=span,
        )

    def _lookup_uncached(self, key: str, loose: str, fuzzy: bool) -> tuple[Candidate, ...]:
        if not key:
            return ()
        found: dict[int, Candidate] = {}
        for row in self.db.execute(_BY_KEY, (key,)):
            c = _candidate(row[:-1], _KIND_TO_MATCH[row[-1]], 1.0)
            found.setdefault(c.pid, c)
        if len(loose) >= 4:
            for row in self.db.execute(_BY_LOOSE, (loose,)):
                c = _candidate(row[:-1], MATCH_LOOSE, 0.9)
                if c.pid not in found and row[-1] != KIND_DEMONYM:
                    found[c.pid] = c
        if fuzzy and not found and len(key) >= 5:
            for k, sim in self._fuzzy_keys(key):
                for row in self.db.execute(_BY_KEY, (k,)):
                    c = _candidate(row[:-1], MATCH_FUZZY, sim)
                    if row[-1] != KIND_DEMONYM:
                        found.setdefault(c.pid, c)
        return tuple(found.values())

    def _fuzzy_keys(
        self, key: str, rare: int = 3, shortlist: int = 1000
    ) -> list[tuple[str, float]]:
        """FTS5 trigram shortlist: keys sharing one of the query's rarest trigrams (a typo
        rarely hits all of them), re-scored by rapidfuzz. Common trigrams are skipped because
        OR-ing them would fetch a large part of the table."""
        grams = sorted({key[i : i + 3] for i in range(len(key) - 2)})
        freq = sorted((self._gram_freq(g), g) for g in grams)
        picked = [g for n, g in freq if n > 0][:rare]
        if not picked:
            return []
        query = " OR ".join(f'"{g}"' for g in picked)
        rows = self.db.execute(
            "SELECT key FROM keys WHERE id IN "
            "(SELECT rowid FROM keys_fts WHERE keys_fts MATCH ? LIMIT ?)",
            (query, shortlist),
        ).fetchall()
        keys = [r[0] for r in rows]
        hits = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=85, limit=5)
        return [(k, s / 100) for k, s, _ in hits]

    @lru_cache(maxsize=50_000)  # noqa: B019 - one Gazetteer per process, kept for its life
    def _gram_freq(self, gram: str) -> int:
        row = self.db.execute("SELECT doc FROM keys_vocab WHERE term = ?", (gram,)).fetchone()
        return row[0] if row else 0


_SELECT = (
    "SELECT id, gid, name, lat, lon, cc, admin1, feature, population, precision, capital "
    "FROM places"
)
_BY_KEY = (
    "SELECT p.id, p.gid, p.name, p.lat, p.lon, p.cc, p.admin1, p.feature, p.population, "
    "p.precision, p.capital, n.kind FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?"
)
_BY_LOOSE = _BY_KEY.replace("n.key = ?", "n.loose = ?")


def _candidate(row: tuple, match: int, similarity: float) -> Candidate:
    pid, gid, name, lat, lon, cc, admin1, feature, population, precision, capital = row
    return Candidate(
        pid,
        gid,
        name,
        lat,
        lon,
        cc,
        admin1,
        feature,
        population,
        precision,
        match,
        similarity,
        capital,
    )


def _version(path: Path) -> str | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'build_version'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None
