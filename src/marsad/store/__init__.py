"""store: upsert coded articles by deterministic ids; read events back, filtered and streamed.

from marsad import store
st = store.open("marsad.db")      # or "sqlite:///relative.db", "sqlite:////abs/path.db"
"""

from __future__ import annotations

from pathlib import Path

from marsad.errors import Errors, MarsadError
from marsad.store.query import EventQuery, InteractionQuery, QueryError, fts_query
from marsad.store.sqlite import LEDGER_TABLES, ArticleRef, EventRecord, InteractionRecord, Store

__all__ = [
    "LEDGER_TABLES",
    "ArticleRef",
    "EventQuery",
    "EventRecord",
    "InteractionQuery",
    "InteractionRecord",
    "QueryError",
    "Store",
    "fts_query",
    "open",
    "sqlite_path",
]


def sqlite_path(url_or_path: str | Path) -> str:
    """The SQLite file of a store URL: a plain path, or sqlite:///relative / sqlite:////absolute
    (SQLAlchemy's convention, so "sqlite:///" + "/abs/x.db" works too)."""
    text = str(url_or_path)
    if text == ":memory:" or text in {"sqlite://", "sqlite:///:memory:"}:
        return ":memory:"
    if text.startswith("sqlite:///"):
        return text[len("sqlite:///") :]
    if "://" in text:
        raise MarsadError(Errors.E005.format(url=text))
    return text


def open(url_or_path: str | Path) -> Store:  # noqa: A001 - the stage's one verb (STYLE.md)
    """Open (creating and migrating as needed) the store at a path or sqlite:/// URL."""
    path = sqlite_path(url_or_path)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Store(path)
