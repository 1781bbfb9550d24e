"""One reader per input format; each yields Article or Rejection, never drops an input.

Every reader ends in `article_from_text`, which applies the same checks (size, language) and
finds title, publication date, outlet and dateline in the text when metadata lacks them.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from marsad import __version__
from marsad.errors import Reasons
from marsad.ids import article_id
from marsad.ingest import checks
from marsad.ingest.dateline import find_dateline
from marsad.ingest.published import (
    coerce_published,
    outlet_from_text,
    published_from_text,
    published_from_url,
)
from marsad.model import Article, Rejection
from marsad.settings import Settings

Result = Article | Rejection

STAGE = "ingest"
FETCH_TIMEOUT = 20.0  # seconds per request: a dead server must not stall a batch
USER_AGENT = f"marsad/{__version__} (+offline conflict-event observatory)"
# HTML pages carry markup, scripts and styles around the text: allow this many bytes per
# article character before the page is refused unread.
_HTML_BYTES_PER_CHAR = 20
_TITLE_MAX = 200


def reject(source: str, reason: tuple[str, str], **values: Any) -> Rejection:
    code, template = reason
    return Rejection(source, STAGE, code, template.format(**values))


def _rejection(source: str, problem: tuple[str, str]) -> Rejection:
    return Rejection(source, STAGE, problem[0], problem[1])


# --- the one place an Article is made --------------------------------------------------------


def article_from_text(
    text: str,
    *,
    source: str = "-",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | str | None = None,
    settings: Settings | None = None,
) -> Result:
    """An Article from text and whatever metadata is known; the rest is found in the text."""
    settings = settings or Settings.from_env()
    text = checks.decode_references(checks.normalise_newlines(text))
    problem = checks.size_problem(text, settings)
    if problem:
        return _rejection(source, problem)
    language, problem = checks.language_of(text, settings)
    if problem:
        return _rejection(source, problem)
    if language is None:
        # Too short or unsure to judge: assume the first accepted language.
        accepted = [x.strip() for x in settings.languages.split(",") if x.strip()]
        language = accepted[0] if accepted else "en"

    title = _clean(title) or title_from_text(text)
    day = coerce_published(published) if published is not None else None
    day = day or published_from_text(text) or published_from_url(url)
    outlet = _clean(outlet) or outlet_from_text(text)
    dateline = find_dateline(text, skip=title)
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        url=_clean(url),
        outlet=outlet,
        published=day,
        language=language,
        dateline=dateline.place if dateline else None,
        source=source,
    )


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(checks.decode_references(value).split())
    return value or None


def title_from_text(text: str) -> str | None:
    """The first line, when it is short, does not end like a sentence and a blank line follows."""
    lines = text.lstrip("\n").split("\n")
    if len(lines) < 3 or lines[1].strip():
        return None
    first = lines[0].strip().lstrip("#").strip()
    rest = "\n".join(lines[2:]).strip()
    if not first or not rest or len(first) >= _TITLE_MAX or first[-1] in ".,;:":
        return None
    return first


# --- plain text --------------------------------------------------------------------------------


def from_text_bytes(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    declared: str | None = None,
) -> Result:
    problem = checks.binary_problem(data)
    if problem:
        return _rejection(source, problem)
    if len(data) > settings.max_chars * 4 + 4:
        # More bytes than even 4-byte UTF-8 could hold within the limit: refuse unread.
        return reject(
            source, Reasons.OVERSIZED, chars=f"at least {len(data) // 4}", limit=settings.max_chars
        )
    text, problem = checks.decode(data, declared)
    if problem or text is None:
        return _rejection(source, problem or Reasons.UNDECODABLE)
    return article_from_text(text, source=source, url=url, settings=settings)


def read_text(path: Path, settings: Settings, source: str | None = None) -> Iterator[Result]:
    """A .txt/.md (or any other text) file is one article."""
    source = source or str(path)
    data = _read_bytes(path, source, settings.max_chars * 4 + 4)
    if isinstance(data, Rejection):
        yield data
        return
    if _looks_like_html(data):
        yield from from_html_bytes(data, source, settings)
        return
    yield from_text_bytes(data, source, settings)


# --- JSON Lines --------------------------------------------------------------------------------

_JSONL_FIELDS = ("title", "url", "outlet")


def read_jsonl(path: Path, settings: Settings, source: str | None = None) -> Iterator[Result]:
    """One article per line: {"text", "title", "url", "published", "outlet", "id"}."""
    source = source or str(path)
    try:
        with path.open("rb") as handle:
            yield from _jsonl_lines(handle, source, settings)
    except OSError as exc:
        yield reject(source, Reasons.BAD_RECORD, detail=f"cannot read the file: {exc}")


def _jsonl_lines(handle: BinaryIO, source: str, settings: Settings) -> Iterator[Result]:
    head = handle.peek(8192)[:8192] if hasattr(handle, "peek") else b""
    problem = checks.binary_problem(head)
    if problem:
        yield _rejection(source, problem)
        return
    for lineno, raw in enumerate(handle, start=1):
        where = f"{source}:{lineno}"
        if not raw.strip():
            continue  # blank lines separate nothing in JSON Lines; they are not records
        try:
            yield _jsonl_record(raw, where, settings, first=lineno == 1)
        except Exception as exc:  # one bad record never stops the file
            yield reject(where, Reasons.FAILED, detail=f"{type(exc).__name__}: {exc}")


def _jsonl_record(raw: bytes, where: str, settings: Settings, *, first: bool) -> Result:
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return reject(where, Reasons.UNDECODABLE, detail=f"JSON Lines must be UTF-8: {exc}")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(where, Reasons.BAD_RECORD, detail=f"invalid JSON ({exc})")
    if not isinstance(record, dict):
        kind = type(record).__name__
        return reject(where, Reasons.BAD_RECORD, detail=f"a JSON object is needed, got {kind}")
    text = record.get("text")
    if not isinstance(text, str):
        detail = "no 'text' field" if text is None else "'text' is not a string"
        return reject(where, Reasons.BAD_RECORD, detail=detail)
    # "date" is accepted for "published": the gold corpora in ../shared use it.
    published = record.get("published", record.get("date"))
    fields = {name: record.get(name) for name in _JSONL_FIELDS}
    return article_from_text(
        text,
        source=where,
        title=_clean(fields["title"]),
        url=_clean(fields["url"]),
        outlet=_clean(fields["outlet"]),
        published=published if isinstance(published, str) else None,
        settings=settings,
    )


# --- HTML --------------------------------------------------------------------------------------


def read_html(path: Path, settings: Settings, source: str | None = None) -> Iterator[Result]:
    source = source or str(path)
    data = _read_bytes(path, source, settings.max_chars * _HTML_BYTES_PER_CHAR)
    if isinstance(data, Rejection):
        yield data
        return
    yield from from_html_bytes(data, source, settings)


def from_html_bytes(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Result]:
    problem = checks.binary_problem(data)
    if problem:
        yield _rejection(source, problem)
        return
    if len(data) > settings.max_chars * _HTML_BYTES_PER_CHAR:
        yield reject(
            source,
            Reasons.OVERSIZED,
            chars=f"a {len(data)}-byte page, probably more",
            limit=settings.max_chars,
        )
        return
    html, problem = checks.decode(data, declared)
    if problem or html is None:
        yield _rejection(source, problem or Reasons.UNDECODABLE)
        return
    import trafilatura  # imported late: 0.5 s, only for HTML

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        with_metadata=True,
        # Only dates the page declares (meta tags, <time>): guessing from body text is ours.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        yield reject(source, Reasons.NO_TEXT, detail="trafilatura found no main text")
        return
    yield article_from_text(
        text,
        source=source,
        title=getattr(doc, "title", None),
        url=getattr(doc, "url", None) or url,
        outlet=getattr(doc, "sitename", None),
        published=getattr(doc, "date", None),
        settings=settings,
    )


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


# --- RSS / Atom feeds --------------------------------------------------------------------------


def read_feed(path: Path, settings: Settings, source: str | None = None) -> Iterator[Result]:
    source = source or str(path)
    data = _read_bytes(path, source)
    if isinstance(data, Rejection):
        yield data
        return
    yield from from_feed_bytes(data, source, settings)


def from_feed_bytes(data: bytes, source: str, settings: Settings) -> Iterator[Result]:
    """Each entry is an article: its content (or summary) as text, its link and date."""
    problem = checks.binary_problem(data)
    if problem:
        yield _rejection(source, problem)
        return
    import feedparser  # imported late: only for feeds

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo"):
            detail = f"not a readable RSS/Atom feed: {feed.get('bozo_exception')}"
            yield reject(source, Reasons.BAD_RECORD, detail=detail)
        else:
            yield reject(source, Reasons.NO_TEXT, detail="the feed has no entries")
        return
    outlet = _clean(feed.feed.get("title"))
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{number}"
        try:
            yield _feed_entry(entry, where, outlet, settings)
        except Exception as exc:
            yield reject(where, Reasons.FAILED, detail=f"{type(exc).__name__}: {exc}")


def _feed_entry(entry: Any, where: str, outlet: str | None, settings: Settings) -> Result:
    bodies = [c.get("value", "") for c in entry.get("content", []) or []]
    bodies.append(entry.get("summary", "") or "")
    body = max(bodies, key=len)
    text = html_to_text(body)
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return article_from_text(
        text,
        source=where,
        title=_clean(entry.get("title")),
        url=_clean(entry.get("link")),
        outlet=outlet,
        published=_struct_date(published),
        settings=settings,
    )


def _struct_date(value: Any) -> date | None:
    return coerce_published(tuple(value)) if value else None


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, one paragraph per line (feed summaries are small HTML)."""

    _BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
    _SKIP = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in self._SKIP:
            self.skipping += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self._BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    joined = "".join(collector.parts)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", joined))
    return "\n\n".join(p for p in paragraphs if p)


# --- standard input ----------------------------------------------------------------------------


def read_stdin(settings: Settings, stream: BinaryIO | None = None) -> Iterator[Result]:
    """Standard input ("-"): the format is sniffed (JSON Lines, feed, HTML or text)."""
    stream = stream or sys.stdin.buffer
    data = stream.read()
    yield from from_bytes(data, "-", settings)


def from_bytes(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    content_type: str = "",
    url: str | None = None,
    declared: str | None = None,
) -> Iterator[Result]:
    """Bytes of unknown format (stdin, a fetched URL): dispatch on content type, then content."""
    kind = _sniff(data, content_type)
    if kind == "html":
        yield from from_html_bytes(data, source, settings, url=url, declared=declared)
    elif kind == "feed":
        yield from from_feed_bytes(data, source, settings)
    elif kind == "jsonl":
        import io

        yield from _jsonl_lines(io.BufferedReader(io.BytesIO(data)), source, settings)
    else:
        yield from_text_bytes(data, source, settings, url=url, declared=declared)


def _sniff(data: bytes, content_type: str) -> str:
    content_type = content_type.lower()
    if "html" in content_type:
        return "html"
    if any(k in content_type for k in ("rss", "atom", "xml")):
        return "feed"
    if "ndjson" in content_type or "jsonl" in content_type:
        return "jsonl"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
        return "feed"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


# --- URLs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def fetch(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = 50_000_000) -> Fetched:
    """GET one http(s) URL with a timeout; raises OSError/ValueError on failure."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"only http(s) URLs are fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        data = response.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise ValueError(f"response larger than {max_bytes} bytes")
        return Fetched(
            url=response.geturl(),
            data=data,
            content_type=response.headers.get_content_type() or "",
            charset=response.headers.get_content_charset(),
        )


def read_url(url: str, settings: Settings, *, timeout: float = FETCH_TIMEOUT) -> Iterator[Result]:
    """Fetch one URL: a page becomes one article, a feed one article per entry."""
    try:
        got = fetch(url, timeout=timeout)
    except (OSError, ValueError) as exc:  # URLError, HTTPError, timeouts are OSErrors
        yield reject(url, Reasons.NO_TEXT, detail=f"fetch failed: {_fetch_error(exc)}")
        return
    yield from from_bytes(
        got.data,
        url,
        settings,
        content_type=got.content_type,
        url=got.url,
        declared=got.charset,
    )


def _fetch_error(exc: Exception) -> str:
    if isinstance(exc, urllib.error.HTTPError):
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, urllib.error.URLError):
        return str(exc.reason)
    return f"{type(exc).__name__}: {exc}"


def read_urls(
    urls: str | Path | Iterable[str],
    settings: Settings,
    *,
    timeout: float = FETCH_TIMEOUT,
) -> Iterator[Result]:
    """A URL list (a .urls/.txt file, one URL a line, # comments) or an iterable of URLs."""
    if isinstance(urls, str | Path):
        lines = Path(urls).read_text(encoding="utf-8-sig").splitlines()
    else:
        lines = list(urls)
    for line in lines:
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        try:
            yield from read_url(url, settings, timeout=timeout)
        except Exception as exc:
            yield reject(url, Reasons.FAILED, detail=f"{type(exc).__name__}: {exc}")


# --- helpers -----------------------------------------------------------------------------------


def _read_bytes(path: Path, source: str, limit: int | None = None) -> bytes | Rejection:
    """The file's bytes, or at most limit + 1 of them (enough to see that it is too big)."""
    try:
        with path.open("rb") as handle:
            return handle.read(-1 if limit is None else limit + 1)
    except OSError as exc:
        return reject(source, Reasons.BAD_RECORD, detail=f"cannot read the file: {exc}")
