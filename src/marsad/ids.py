"""Deterministic ids: the same input always gets the same id, so re-runs upsert, never duplicate."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Unicode NFC, whitespace runs collapsed: cosmetic re-encodings keep the same id."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def hash_id(*parts: object, length: int = 16) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def article_id(text: str) -> str:
    return "a" + hash_id(normalise_text(text))


def event_id(article_id: str, extractor_version: str, offsets: Iterable[tuple[int, int]]) -> str:
    return "e" + hash_id(article_id, extractor_version, *sorted(offsets))


def interaction_id(
    article_id: str, sentence_start: int | None, trigger: tuple[int, int] | None
) -> str:
    """A PLOVER reading is one per sentence: where it stands in the article names it."""
    return "i" + hash_id(article_id, sentence_start, *(trigger or (None, None)))
