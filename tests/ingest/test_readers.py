from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from marsad import ingest
from marsad.errors import MarsadError, Reasons
from marsad.ids import article_id
from marsad.ingest import readers
from marsad.model import Article, Rejection
from marsad.settings import Settings

from .inputs import ARABIC, ENGLISH, FRENCH, HTML_PAGE, RSS_FEED, TEXT_ARTICLE, make_corpus

SETTINGS = Settings(max_chars=5000)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path)


EMPTY, BINARY, UNDECODABLE, OVERSIZED, LANGUAGE, BAD_RECORD, NO_TEXT, _ = (
    code for code, _template in (
        Reasons.EMPTY, Reasons.BINARY, Reasons.UNDECODABLE, Reasons.OVERSIZED,
        Reasons.LANGUAGE, Reasons.BAD_RECORD, Reasons.NO_TEXT, Reasons.FAILED,
    )
)  # fmt: skip

# Every input of the corpus fixture and what it must end as: "article" or a rejection code.
EXPECTED = {
    "good.txt": "article",
    "page.html": "article",
    "records.jsonl:1": "article",
    "records.jsonl:2": BAD_RECORD,
    "records.jsonl:3": BAD_RECORD,
    "records.jsonl:4": "article",
    "scan.pdf.txt": BINARY,
    "image.bin": BINARY,
    "nul.txt": BINARY,
    "empty.txt": EMPTY,
    "blank.md": EMPTY,
    "undecodable.txt": UNDECODABLE,
    "nested/huge.txt": OVERSIZED,
    "nested/french.txt": LANGUAGE,
    "nested/arabic.txt": LANGUAGE,
    "feed.rss#1": "article",
    "feed.rss#2": "article",
    "feed.rss#3": EMPTY,
}


def _outcomes(results: list[Article | Rejection], root: Path) -> dict[str, str]:
    prefix = str(root) + "/"
    out = {}
    for r in results:
        key = (r.source or "").removeprefix(prefix)
        out[key] = "article" if isinstance(r, Article) else r.code
    return out


def test_readers_folder_every_input_accounted(corpus: Path) -> None:
    results = list(ingest.read([corpus], SETTINGS))
    assert _outcomes(results, corpus) == EXPECTED
    for r in results:
        if isinstance(r, Rejection):
            assert r.stage == "ingest"
            assert r.reason  # says what was wrong


def test_readers_folder_order_is_deterministic(corpus: Path) -> None:
    first = [r.source for r in ingest.read([corpus], SETTINGS)]
    second = [r.source for r in ingest.read([corpus], SETTINGS)]
    assert first == second
    assert first.index(str(corpus / "empty.txt")) < first.index(str(corpus / "nested/arabic.txt"))


@pytest.mark.parametrize(
    "name,fragment",
    [
        ("nested/huge.txt", "more than the limit of 5000"),
        ("nested/french.txt", "looks like 'fr'"),
        ("nested/arabic.txt", "looks like 'ar'"),
        ("scan.pdf.txt", "PDF"),
        ("image.bin", "PNG"),
        ("nul.txt", "NUL"),
        ("undecodable.txt", "utf-8"),
        ("records.jsonl:2", "invalid JSON"),
        ("records.jsonl:3", "no 'text' field"),
    ],
)
def test_readers_rejection_says_why(corpus: Path, name: str, fragment: str) -> None:
    results = {r.source: r for r in ingest.read([corpus], SETTINGS)}
    rejection = results[str(corpus / name)]
    assert isinstance(rejection, Rejection)
    assert fragment in rejection.reason


def test_readers_text_article(corpus: Path) -> None:
    [article] = ingest.read([corpus / "good.txt"], SETTINGS)
    assert isinstance(article, Article)
    assert article.text == TEXT_ARTICLE  # the full text, title and dateline included
    assert article.id == article_id(TEXT_ARTICLE)
    assert article.title == "Shelling wounds six near provincial capital"
    assert article.published == date(2018, 3, 6)
    assert article.outlet == "The Levant Ledger"
    assert article.dateline == "HAMA (Syria)"
    assert article.language == "en"


def test_readers_html_page(corpus: Path) -> None:
    [article] = ingest.read([corpus / "page.html"], SETTINGS)
    assert isinstance(article, Article)
    assert article.title == "Drone strike hits convoy near border"
    assert article.outlet == "Frontier Daily"
    assert article.published == date(2019, 7, 14)
    assert article.dateline == "MIRANSHAH (Pakistan)"
    assert "killing at least four people" in article.text
    assert "COMMENT-MARKER" not in article.text
    assert "All rights reserved" not in article.text


def test_readers_jsonl_fields(corpus: Path) -> None:
    results = list(ingest.read([corpus / "records.jsonl"], SETTINGS))
    first, last = results[0], results[-1]
    assert isinstance(first, Article) and isinstance(last, Article)
    assert first.title == "Shelling"
    assert first.published == date(2018, 3, 6)
    assert last.published is None  # unparseable metadata date is ignored, not a rejection


def test_readers_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH.replace(" ", "  ") + "\r\n", encoding="utf-8")
    a, b = ingest.read([tmp_path], SETTINGS)
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == b.id


def test_readers_character_references_are_decoded(tmp_path: Path) -> None:
    """Text pasted out of a web page keeps "&#8220;" and "&amp;"; the parser must see the
    characters. Ampersands that start no reference stay."""
    record = {
        "title": "Rebels &amp; army trade fire",
        "text": "The &#8220;Northern Front&#8221; and the army traded fire near the dam on "
        "Monday, a spokesman for AT&T's local office said &mdash; and R&D staff fled.",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = ingest.read([tmp_path], SETTINGS)
    assert isinstance(article, Article)
    assert article.title == "Rebels & army trade fire"
    assert article.text.startswith("The \u201cNorthern Front\u201d and the army")
    assert "AT&T's local office said \u2014 and R&D staff" in article.text


@pytest.mark.parametrize(
    "data,expected",
    [
        ("\ufeff" + ENGLISH, "utf-8 BOM"),
        (ENGLISH.replace("officials", "officials’ café"), "utf-8"),
    ],
)
def test_readers_encodings_utf8(tmp_path: Path, data: str, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(data, encoding="utf-8")
    [article] = ingest.read([path], SETTINGS)
    assert isinstance(article, Article), expected
    assert not article.text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "latin-1"])
def test_readers_encodings_detected(tmp_path: Path, encoding: str) -> None:
    text = ENGLISH.replace("officials", "officials (café owners)")
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [article] = ingest.read([path], SETTINGS)
    assert isinstance(article, Article)
    assert "café" in article.text


def test_readers_html_declared_charset(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("security officials said", "security officials said at a café")
    path = tmp_path / "page.htm"
    path.write_bytes(page.encode("cp1252"))
    [article] = ingest.read([path], SETTINGS)
    assert isinstance(article, Article)
    assert "café" in article.text


@pytest.mark.parametrize(
    "data",
    [gzip.compress(ENGLISH.encode()), b"PK\x03\x04" + b"\x14" * 40],
    ids=["gzip", "zip"],
)
def test_readers_binary_magic(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "archive.txt"
    path.write_bytes(data)
    [rejection] = ingest.read([path], SETTINGS)
    assert isinstance(rejection, Rejection)
    assert rejection.code == BINARY


def test_readers_feed(corpus: Path) -> None:
    results = list(ingest.read([corpus / "feed.rss"], SETTINGS))
    first, second = results[0], results[1]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Curfew imposed after clashes in market town"
    assert first.url == "https://frontier-daily.example/2020/03/02/curfew-market-town"
    assert first.published == date(2020, 3, 2)
    assert first.outlet == "Frontier Daily - World"
    assert first.text.startswith("Authorities imposed a curfew")
    assert "<p>" not in first.text
    assert second.published == date(2020, 3, 3)


@pytest.mark.parametrize(
    "payload,expected",
    [
        (TEXT_ARTICLE.encode(), "article"),
        (b"\n".join(json.dumps({"text": t}).encode() for t in (ENGLISH, FRENCH)), "jsonl"),
        (RSS_FEED.encode(), "feed"),
        (HTML_PAGE.encode(), "article"),
        (ARABIC.encode(), LANGUAGE),
    ],
)
def test_readers_stdin_sniffs_format(payload: bytes, expected: str) -> None:
    results = list(readers.read_stdin(SETTINGS, io.BytesIO(payload)))
    if expected == "jsonl":
        assert [type(r).__name__ for r in results] == ["Article", "Rejection"]
        assert results[1].source == "-:2"
    elif expected == "feed":
        assert [r.source for r in results] == ["-#1", "-#2", "-#3"]
    elif expected == "article":
        assert isinstance(results[0], Article)
    else:
        assert results[0].code == expected


def test_readers_dash_reads_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(TEXT_ARTICLE.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    [article] = ingest.read(["-"], SETTINGS)
    assert isinstance(article, Article)
    assert article.source == "-"
    assert article.dateline == "HAMA (Syria)"


def test_readers_missing_path_raises(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="E004"):
        ingest.read([tmp_path / "nope.txt"], SETTINGS)


def test_readers_url_list_not_fetched_from_folder(tmp_path: Path) -> None:
    (tmp_path / "list.urls").write_text("http://127.0.0.1:9/x\n", encoding="utf-8")
    [rejection] = ingest.read([tmp_path], SETTINGS)
    assert isinstance(rejection, Rejection)
    assert "read_urls" in rejection.reason


@pytest.mark.parametrize(
    "text,title",
    [
        ("Short headline\n\nBody text follows here and goes on.", "Short headline"),
        ("# Markdown headline\n\nBody text follows here and goes on.", "Markdown headline"),
        ("A sentence that ends.\n\nBody text follows here and goes on.", None),
        ("Headline without blank line\nBody text follows here and goes on.", None),
        ("x" * 250 + "\n\nBody text follows here and goes on.", None),
    ],
)
def test_readers_title_from_text(text: str, title: str | None) -> None:
    assert readers.title_from_text(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "Syria: five killed as shells hit Idlib market",
        "Taliban attack checkpoint in Kandahar, police say",
        "Deir Ezzor: SDF clash with IS near Baghuz",
    ],
)
def test_readers_short_english_not_rejected(text: str) -> None:
    result = ingest.article_from_text(text, settings=SETTINGS)
    assert isinstance(result, Article)


# --- URL lists against a local server ----------------------------------------------------------

PAGES: dict[str, tuple[int, str, bytes]] = {
    "/page.html": (200, "text/html; charset=utf-8", HTML_PAGE.encode()),
    "/feed.xml": (200, "application/rss+xml", RSS_FEED.encode()),
    "/story.txt": (200, "text/plain; charset=utf-8", TEXT_ARTICLE.encode()),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4\n binary"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        status, content_type, body = PAGES.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def test_readers_url_list(server: str, tmp_path: Path) -> None:
    listing = tmp_path / "news.urls"
    paths = ["/page.html", "/feed.xml", "/story.txt", "/report.pdf", "/missing.html"]
    listing.write_text(
        "# a comment\n\n" + "\n".join(server + p for p in paths) + "\n", encoding="utf-8"
    )
    results = list(ingest.read_urls(listing, SETTINGS, timeout=5))
    outcome = [
        (r.source.removeprefix(server), "article" if isinstance(r, Article) else r.code)
        for r in results
    ]
    assert outcome == [
        ("/page.html", "article"),
        ("/feed.xml#1", "article"),
        ("/feed.xml#2", "article"),
        ("/feed.xml#3", EMPTY),
        ("/story.txt", "article"),
        ("/report.pdf", BINARY),
        ("/missing.html", NO_TEXT),
    ]
    page = results[0]
    assert isinstance(page, Article)
    assert page.outlet == "Frontier Daily"
    assert "HTTP 404" in results[-1].reason


def test_readers_url_unreachable_is_rejected() -> None:
    # Port 9 (discard) on 127.0.0.1: nothing listens, the connection is refused at once.
    [rejection] = ingest.read_urls(["http://127.0.0.1:9/x"], SETTINGS, timeout=2)
    assert isinstance(rejection, Rejection)
    assert rejection.code == NO_TEXT
    assert "fetch failed" in rejection.reason
