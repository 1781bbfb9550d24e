"""Name folding: one key per spelling so press spellings meet GeoNames spellings.

`key` is exact-ish (case, diacritics, punctuation, spaces, Arabic article, doubled letters);
`loose` also folds vowels and transliteration pairs, and is only used when `key` finds nothing.
Both are applied identically to gazetteer names and to text, so collisions only cost ranking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Arabic article forms as written in Latin transliteration: "al-", "el-", sun-letter assimilations.
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ar",
        "as",
        "ash",
        "az",
        "at",
        "adh",
        "ath",
        "an",
        "ed",
        "er",
        "es",
        "esh",
        "ez",
        "et",
        "en",
        "ag",
    ]
)
# Words that say what kind of place a name is, not which place ("Deir Ezzor province").
GENERIC = frozenset(
    [
        "province",
        "governorate",
        "governorates",
        "muhafazat",
        "muhafazah",
        "mohafazat",
        "state",
        "region",
        "district",
        "oblast",
        "wilayat",
        "wilaya",
        "vilayet",
        "prefecture",
        "county",
        "parish",
        "department",
        # GeoNames' romanised Chinese unit names: "Jiangsu Sheng", "Xinjiang Uygur Zizhiqu"
        "sheng",
        "shi",
        "zizhiqu",
        "uygur",
        "zhuangzu",
        "huizu",
    ]
)
# Transliteration variants of common name words, folded per token ("Tell" = "Tal" = "Tall").
_WORD = {
    "tell": "tal",
    "tel": "tal",
    "tall": "tal",
    "til": "tal",
    "ain": "ayn",
    "ein": "ayn",
    "ayn": "ayn",
    "ayin": "ayn",
    "deir": "dayr",
    "dair": "dayr",
    "der": "dayr",
    "dayr": "dayr",
    "jebel": "jabal",
    "jabel": "jabal",
    "jbel": "jabal",
    "jebal": "jabal",
    "khirbet": "khirbat",
    "kherbet": "khirbat",
    "khirbit": "khirbat",
    "kfar": "kafr",
    "kafar": "kafr",
    "kefr": "kafr",
    "sheikh": "shaykh",
    "shaikh": "shaykh",
    "sheik": "shaykh",
    "shaykh": "shaykh",
    "abou": "abu",
    "um": "umm",
    "om": "umm",
    "kasr": "qasr",
    "ras": "ras",
    "rass": "ras",
    "mount": "jabal",
    "mt": "jabal",
}
_APOS = dict.fromkeys(map(ord, "'’‘`´ʿʾʻʼ\u02bf\u02be"), None)
_SEP = re.compile(r"[^0-9a-z\u0600-\u06ff]+")
_GLUED_ARTICLE = re.compile(r"^[ae]([dnrstz])\1")  # "Ezzor", "Arraqqa": assimilated article
_DOUBLE = re.compile(r"(.)\1+")
_LOOSE = (
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ie", "i"),
    ("ei", "ay"),
    ("ai", "ay"),
    ("aw", "o"),
    ("ow", "o"),
    ("dh", "z"),
    ("th", "t"),
    ("kh", "k"),
    ("gh", "g"),
    ("q", "k"),
    ("ck", "k"),
    ("ph", "f"),
    ("sh", "s"),
    ("ch", "s"),
    ("j", "g"),
    ("y", "i"),
    ("e", "a"),
    ("o", "u"),
    ("w", "u"),
    ("h", ""),
)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(name: str) -> list[str]:
    """Lower-case, accent-free word tokens of a name (apostrophes dropped, not split on)."""
    text = strip_accents(name).lower().translate(_APOS)
    return [t for t in _SEP.split(text) if t]


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """The folded key: "Deir Ezzor" == "Deir ez-Zor" == "DEIR EZ ZOR" -> "deirzor"."""
    toks = tokens(name)
    if toks and toks[0] == "the":
        toks = toks[1:]
    out: list[str] = []
    for i, tok in enumerate(toks):
        if tok in ARTICLES and i < len(toks) - 1:
            continue  # "al-Bukamal" = "Bukamal"; a final "al" is a name, not an article
        if i > 0:
            tok = _GLUED_ARTICLE.sub(r"\1", tok)
        out.append(_WORD.get(tok, tok))
    joined = "".join(out)
    return _DOUBLE.sub(r"\1", joined)


@lru_cache(maxsize=200_000)
def loose(name: str) -> str:
    """A coarser key folding transliteration pairs (ou/u, ee/i, e/a, dh/z, q/k...)."""
    text = key(name)
    for a, b in _LOOSE:
        text = text.replace(a, b)
    return _DOUBLE.sub(r"\1", text)


def strip_generic(name: str) -> str:
    """Drop leading/trailing generic words ("Deir Ezzor province", "Muhafazat Halab") so the
    rest can be looked up; inner ones stay ("District of Columbia")."""
    words = name.split()

    def generic(w: str) -> bool:
        return strip_accents(w).lower().strip(".,") in GENERIC

    while len(words) > 1 and generic(words[-1]):
        words.pop()
    while len(words) > 1 and generic(words[0]) and words[1].lower() != "of":
        words.pop(0)
    return " ".join(words)


def is_latin_or_arabic(name: str) -> bool:
    """Keep Latin and Arabic script names; other scripts never occur in English/Arabic news."""
    for ch in name:
        if ch.isalpha():
            o = ord(ch)
            if not (o < 0x250 or 0x1E00 <= o < 0x1F00 or 0x600 <= o < 0x700):
                return False
    return True


def whole_word_hits(text: str, part: str, joiners: str = "_") -> list[int]:
    """Start offsets of `part` in `text` where it stands as whole words: no letter, digit or
    joiner character touches it. str.find, not a regex built per name: names change with every
    article and would thrash the re module's pattern cache."""

    def free(i: int) -> bool:
        return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in joiners)

    hits = []
    at = text.find(part)
    while at >= 0 and part:
        if free(at - 1) and free(at + len(part)):
            hits.append(at)
        at = text.find(part, at + 1)
    return hits
