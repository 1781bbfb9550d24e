"""Checks that decide whether input is text we can code: binary, encoding, size, language.

Each check returns a `(code, reason)` pair on failure (codes and templates from
`marsad.errors.Reasons`) or None, so the readers can turn it into a Rejection without raising.
"""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
from functools import lru_cache
from typing import Any

from marsad.errors import Reasons
from marsad.settings import Settings

Problem = tuple[str, str]

# Signatures of formats that are certainly not articles, checked on the first bytes.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"RIFF", "RIFF (WebP/WAV/AVI)"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
)

# BOMs, longest first: UTF-32 LE starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)

# Share of characters that may be control, unassigned or replacement characters before a
# decoding is judged to be garbage (detection happily "decodes" noise into some code page).
_MAX_BAD_SHARE = 0.02

# The language is judged only on text at least this long, and only when the identifier is this
# sure: short headlines ("Syria: 5 killed") get low, often wrong scores.
LANGUAGE_MIN_CHARS = 80
LANGUAGE_MIN_PROB = 0.9
_LANGUAGE_SAMPLE = 4000


def _problem(reason: tuple[str, str], **values: Any) -> Problem:
    code, template = reason
    return code, template.format(**values)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def binary_problem(data: bytes) -> Problem | None:
    """NUL bytes or a known binary signature. UTF-16/32 with a BOM is text, not binary."""
    if bom_encoding(data):
        return None
    head = data[:8192]
    for magic, name in BINARY_MAGIC:
        if head.startswith(magic):
            code, template = Reasons.BINARY
            return code, f"{template} ({name} signature)"
    if b"\x00" in head:
        code, template = Reasons.BINARY
        offset = head.index(b"\x00")
        return code, f"{template} (NUL byte at offset {offset})"
    return None


def declared_charset(data: bytes) -> str | None:
    """Charset declared inside an HTML/XML document (meta tag or XML declaration)."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bad_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    bad = sum(
        1
        for ch in sample
        if ch == "\ufffd"
        or (unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"} and ch not in "\n\r\t\f\v")
    )
    return bad / len(sample)


def decode(data: bytes, declared: str | None = None) -> tuple[str | None, Problem | None]:
    """Bytes to str: BOM, then strict UTF-8, then the declared charset, then detection.

    Returns (text, None) or (None, problem). Only a decoding that yields plausible text is kept.
    """
    tried: list[str] = []
    candidates: list[str] = []
    bom = bom_encoding(data)
    if bom:
        candidates.append(bom)
    candidates.append("utf-8")
    for name in (declared, declared_charset(data)):
        if name and name not in candidates:
            candidates.append(name)
    for encoding in candidates:
        tried.append(encoding)
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if encoding.startswith("utf-") and text.startswith("\ufeff"):
            text = text[1:]
        if _bad_share(text) <= _MAX_BAD_SHARE:
            return text, None
    detected = _detect(data)
    if detected is not None:
        encoding, text = detected
        tried.append(f"detected {encoding}")
        if _bad_share(text) <= _MAX_BAD_SHARE:
            return text, None
    else:
        tried.append("detection found no encoding")
    return None, _problem(Reasons.UNDECODABLE, detail="tried " + ", ".join(tried))


def _detect(data: bytes) -> tuple[str, str] | None:
    try:
        import charset_normalizer
    except ImportError:  # optional: without it we give up after the declared charset
        return None
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    return best.encoding, str(best)


def normalise_newlines(text: str) -> str:
    """One of the two normalisations applied to article text (with `decode_references`):
    offsets must index into what we keep."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# A complete character reference: "&#8220;", "&#x201C;", "&amp;". Text copied out of web pages
# and feeds keeps them, and a word inside them is lost to the parser ("The &#8220;Islamic
# State&#8221; kill ..."). Only well-formed references with their ";" are decoded, so that
# "AT&T" or "R&D" stay as they are.
CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)


def decode_references(text: str) -> str:
    """HTML character references as the characters they stand for (the standard library's
    table of names, `html.unescape`, decides each one; an unknown name stays as written)."""
    return CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)


def size_problem(text: str, settings: Settings) -> Problem | None:
    cleaned = text.strip()
    if len(cleaned) < max(settings.min_chars, 1):
        return _problem(Reasons.EMPTY, chars=len(cleaned), limit=max(settings.min_chars, 1))
    if len(text) > settings.max_chars:
        return _problem(Reasons.OVERSIZED, chars=len(text), limit=settings.max_chars)
    return None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded once per process (about 1 s): the model ships inside the py3langid wheel.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    return _identifier().classify(text[:_LANGUAGE_SAMPLE])


def language_of(text: str, settings: Settings) -> tuple[str | None, Problem | None]:
    """(language, problem). language is None when the text is too short or the guess unsure.

    Rejects only when the text is long enough and the identifier confident that it is in a
    language outside settings.language_set.
    """
    sample = " ".join(text[:_LANGUAGE_SAMPLE].split())
    letters = sum(ch.isalpha() for ch in sample)
    if letters < LANGUAGE_MIN_CHARS:
        return None, None
    language, prob = identify_language(sample)
    if prob < LANGUAGE_MIN_PROB:
        return None, None
    accepted = settings.language_set
    if accepted and language not in accepted:
        code, template = Reasons.LANGUAGE
        reason = template.format(accepted="/".join(sorted(accepted)), language=language)
        return language, (code, f"{reason} (p={prob:.2f})")
    return language, None
