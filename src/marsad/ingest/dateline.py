"""Datelines: the place a report is filed from, at the head of its first paragraph.

"CONOCO GAS FIELD (Syria): ...", "BEIRUT (Reuters) - ...", "BAGHDAD, Feb 10 (AFP) — ...",
"Damascus, Syria — ...", "KABUL: ...". The raw place text is kept as written ("CONOCO GAS FIELD
(Syria)"); resolving it to coordinates is the geo stage's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# News agencies whose tag follows the place: "(Reuters)". Canonical spelling as the value.
AGENCIES: dict[str, str] = {
    "reuters": "Reuters",
    "thomson reuters foundation": "Thomson Reuters Foundation",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "xinhua": "Xinhua",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "dpa": "dpa",
    "upi": "UPI",
    "sana": "SANA",
    "irna": "IRNA",
    "kuna": "KUNA",
    "wam": "WAM",
    "qna": "QNA",
    "spa": "SPA",
    "mena": "MENA",
    "efe": "EFE",
    "ians": "IANS",
    "pti": "PTI",
    "ani": "ANI",
    "app": "APP",
    "bernama": "Bernama",
    "kyodo": "Kyodo",
    "tass": "TASS",
    "interfax": "Interfax",
    "yonhap": "Yonhap",
    "bloomberg": "Bloomberg",
    "pajhwok": "Pajhwok",
    "nna": "NNA",
    "ina": "INA",
}

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
# The date inside a dateline: "Feb 10", "Feb. 10, 2019", "10 February 2019", "Sunday, Feb 10".
DATELINE_DATE = (
    rf"{_WEEKDAY}?(?:{MONTH}\s+{_DAY}(?:,?\s+\d{{4}})?|{_DAY}\s+{MONTH}(?:,?\s+\d{{4}})?)"
)

# Case-insensitive so that "(Reuters)", "(AFP)" and "(The Associated Press)" all match.
_AGENCY_NAME = (
    "(?i:" + "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True)) + ")"
)
_AGENCY_TAG = rf"\((?P<agency>(?:{_AGENCY_NAME})(?:\s*[/,&]\s*(?:{_AGENCY_NAME}))*)\)"

# One word of an all-capitals place: "OMAR", "AL-HOL", "ST.", "N'DJAMENA"; Arabic particles
# may stay lower case ("RAS al-AIN").
_UPPER_WORD = r"(?:(?:al|el|ad|ar|as|ash|at|az|ad|ul)[-‑])?[A-Z][A-Z'’.‑-]*"
_UPPER_PLACE = rf"{_UPPER_WORD}(?:[ /]{_UPPER_WORD}){{0,4}}"
_CAP_WORD = r"(?:(?:al|el|ad|ar|as|ash|at|az|ul)[-‑])?[A-Z][a-z'’]+(?:[-‑][A-Z]?[a-z'’]+)*"
_CAP_PLACE = rf"{_CAP_WORD}(?:[ ]{_CAP_WORD}){{0,3}}"
# "(Syria)" after the place: a region, as long as it is not an agency tag.
_PAREN_REGION = rf"\((?!(?:{_AGENCY_NAME})\))[A-Z][A-Za-z .'’‑-]{{1,40}}\)"
_COMMA_REGION = rf",\s*(?!{MONTH}\b|{_WEEKDAY})(?:{_CAP_PLACE}|{_UPPER_PLACE})"
_SEP = r"\s*(?::|--|[-–—―─])\s+"
_DASH_SEP = r"\s*(?:--|[-–—―─])\s+"

_UPPER = re.compile(
    rf"^(?P<place>{_UPPER_PLACE}(?:\s*{_PAREN_REGION})?(?:{_COMMA_REGION})?)"
    rf"(?:,?\s*(?P<date>{DATELINE_DATE}))?"
    rf"(?:\s*{_AGENCY_TAG})?"
    rf"{_SEP}\S"
)
# Mixed case needs more evidence that this is a dateline, not a sentence: a region and a dash
# ("Damascus, Syria — "), an agency tag ("Kabul (Reuters) - "), or a date ("Srinagar, Feb 10:").
_MIXED_REGION_DASH = re.compile(rf"^(?P<place>{_CAP_PLACE}{_COMMA_REGION}){_DASH_SEP}\S")
_MIXED_AGENCY = re.compile(
    rf"^(?P<place>{_CAP_PLACE}(?:{_COMMA_REGION})?)"
    rf"(?:,?\s*(?P<date>{DATELINE_DATE}))?\s*{_AGENCY_TAG}{_SEP}\S"
)
_MIXED_DATE = re.compile(
    rf"^(?P<place>{_CAP_PLACE}(?:{_COMMA_REGION})?),\s*(?P<date>{DATELINE_DATE}){_SEP}\S"
)

# All-capitals words that open a paragraph but are labels, not places.
_NOT_PLACES = {
    "BREAKING",
    "BREAKING NEWS",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "VIDEO",
    "PHOTO",
    "PHOTOS",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "NOTE",
    "EDITOR'S NOTE",
    "LIVE",
    "FACTBOX",
    "EXPLAINER",
    "CORRECTION",
    "WARNING",
    "READ",
    "READ MORE",
    "MORE",
    "RELATED",
    "FILE",
    "URGENT",
    "FLASH",
    "ALERT",
    "COMMENT",
    "INTERVIEW",
    "REVIEW",
    "SPONSORED",
    "SUBSCRIBE",
    "SHARE",
    "PUBLISHED",
    "POSTED",
    "SOURCE",
    "SOURCES",
    "CAPTION",
    "CREDIT",
    "TIMELINE",
    "Q",
    "A",
    "UN",
    "US",
    "UK",
    "EU",
    "IS",
    "ISIS",
    "NATO",
    "FAQ",
    "TOPICS",
    "TAGS",
    "LISTEN",
    "UPDATES",
    "DEVELOPING",
    "JUST IN",
    "SEE ALSO",
    "ALSO READ",
    "DISCLAIMER",
    "ADVERTISEMENT",
}
_NOT_PLACES_MIXED = {
    "Updated",
    "Published",
    "Posted",
    "Meanwhile",
    "However",
    "Also",
    "Photo",
    "Source",
    "Sources",
    "Note",
    "Caption",
    "Credit",
    "Read",
    "Watch",
    "Related",
    "Advertisement",
}

# How many paragraphs from the top are searched, and when a paragraph is long enough to be
# body text (after which no dateline is expected).
_MAX_PARAGRAPHS = 12
_BODY_CHARS = 150


@dataclass(frozen=True)
class Dateline:
    place: str  # raw, as written: "CONOCO GAS FIELD (Syria)", "Damascus, Syria"
    agency: str | None = None  # canonical agency name when tagged: "Reuters"
    date: str | None = None  # raw date text in the dateline: "Feb 10"
    line: int = 0  # index of the paragraph (non-empty line) it was found in


def agency_name(tag: str) -> str | None:
    """Canonical name of the first agency in a tag: "AFP/Reuters" -> "AFP"."""
    first = re.split(r"\s*[/,&]\s*", tag.strip())[0]
    return AGENCIES.get(first.lower())


def match_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of one paragraph, or None."""
    line = paragraph.strip()
    match = _UPPER.match(line)
    if match and not _label(match.group("place"), _NOT_PLACES):
        return _dateline(match)
    for pattern in (_MIXED_AGENCY, _MIXED_DATE, _MIXED_REGION_DASH):
        match = pattern.match(line)
        if match and not _label(match.group("place"), _NOT_PLACES_MIXED):
            return _dateline(match)
    return None


def find_dateline(text: str, *, skip: str | None = None) -> Dateline | None:
    """The dateline of the first paragraph that has one, looking only near the top.

    `skip` is a line not to consider (the title: headlines like "SYRIA: ..." are not datelines).
    """
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped or (skip and stripped == skip.strip()):
            continue
        found = match_dateline(stripped)
        if found:
            return Dateline(found.place, found.agency, found.date, seen)
        seen += 1
        if seen >= _MAX_PARAGRAPHS or len(stripped) >= _BODY_CHARS:
            return None
    return None


def _label(place: str, labels: set[str]) -> bool:
    head = re.split(r"[,(]", place)[0].strip()
    letters = sum(ch.isalpha() for ch in head)
    return head in labels or letters < 3


def _dateline(match: re.Match[str]) -> Dateline:
    groups = match.groupdict()
    agency = agency_name(groups["agency"]) if groups.get("agency") else None
    return Dateline(match.group("place").strip().rstrip(","), agency, groups.get("date"))
