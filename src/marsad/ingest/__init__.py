"""Ingest: inputs (files, folders, stdin, feeds, URLs) to Article, or Rejection with a reason.

`read` is the stage's one verb. A reader never drops an input silently, and one bad document
never stops a batch: it becomes a Rejection (code from marsad.errors.Reasons) and reading goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from marsad.errors import Errors, MarsadError, Reasons
from marsad.ingest.readers import (
    Result,
    article_from_text,
    fetch,
    read_feed,
    read_html,
    read_jsonl,
    read_stdin,
    read_text,
    read_url,
    read_urls,
    reject,
)
from marsad.model import Article, Rejection
from marsad.settings import Settings

__all__ = [
    "Article",
    "Rejection",
    "article_from_text",
    "fetch",
    "read",
    "read_path",
    "read_urls",
]

Reader = Callable[[Path, Settings, str | None], Iterator[Result]]

READERS: dict[str, Reader] = {
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}


def read(sources: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Result]:
    """Articles and rejections from files, folders (recursive, sorted), "-" (stdin) and URLs.

    Missing paths raise MarsadError (E004) before anything is read: that is a usage fault, not
    bad input.
    """
    settings = settings or Settings.from_env()
    sources = list(sources)
    for source in sources:
        text = str(source)
        if text != "-" and not _is_url(text) and not Path(source).exists():
            raise MarsadError(Errors.E004.format(path=text))
    return _read_all(sources, settings)


def _read_all(sources: list[str | Path], settings: Settings) -> Iterator[Result]:
    for source in sources:
        text = str(source)
        if text == "-":
            try:
                yield from read_stdin(settings)
            except Exception as exc:  # as in _read_file: one bad input never ends the batch
                yield reject(text, Reasons.FAILED, detail=f"{type(exc).__name__}: {exc}")
        elif _is_url(text):
            yield from read_url(text, settings)
        else:
            yield from read_path(Path(source), settings)


def read_path(path: Path, settings: Settings) -> Iterator[Result]:
    """A file, or every file under a folder in sorted order (hidden files and folders skipped)."""
    if path.is_dir():
        for member in sorted(path.rglob("*")):
            relative = member.relative_to(path)
            if member.is_file() and not any(p.startswith(".") for p in relative.parts):
                yield from _read_file(member, settings)
    else:
        yield from _read_file(path, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[Result]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".urls":
        # Fetching is never a side effect of reading a folder: URL lists need read_urls.
        yield reject(
            source,
            Reasons.BAD_RECORD,
            detail="a URL list is fetched only when asked (ingest.read_urls)",
        )
        return
    reader = READERS.get(suffix, read_text)
    try:
        yield from reader(path, settings, source)
    except Exception as exc:  # a reader bug must not end the batch
        yield reject(source, Reasons.FAILED, detail=f"{type(exc).__name__}: {exc}")


def _is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))
