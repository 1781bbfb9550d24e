"""Publication date and outlet from an article's own text, when metadata lacks them.

Only lines that look like a stamp are parsed ("Updated February 11, 2019", "Published in Dawn,
February 11th, 2019", "Posted on 2019-02-11", "Last updated: 11 Feb 2019 10:00 GMT", a dated
dateline "BEIRUT, Feb 10, 2019 (Reuters) -"): the date phrase is cut out by a regex and handed to
`dateparser.parse`. `search_dates` over the whole text is slow and takes "may" for May.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from marsad.ingest.dateline import AGENCIES, MONTH, find_dateline

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thur|Thurs|Fri|Sat|Satur|Sun)(?:day)?\.?,?\s+)"
_YEAR = r"(?:19|20)\d{2}"
# A complete date (day, month and year): the only kind worth taking as a publication date.
DATE_PHRASE = (
    rf"(?:{_WEEKDAY}?(?:{MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{MONTH},?\s+{_YEAR})"
    rf"|{_YEAR}-\d{{1,2}}-\d{{1,2}}|{_YEAR}/\d{{1,2}}/\d{{1,2}})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}(?:[+-]\d{1,2})?)?)"

# Labels, best first: a publication stamp beats an update stamp, which beats a bare date line.
_PUBLISHED_LABEL = r"(?:first\s+)?(?:published|posted|released|dated|date)"
_UPDATED_LABEL = r"(?:last\s+)?(?:updated|modified|edited|revised)"
_LABELLED = re.compile(
    rf"^(?:(?P<pub>{_PUBLISHED_LABEL})|(?P<upd>{_UPDATED_LABEL}))\s*(?:on|at)?\s*[:\-–—|]?\s*"
    rf"(?:{_TIME},?\s*)?(?P<date>{DATE_PHRASE})",
    re.IGNORECASE,
)
_PUBLISHED_IN = re.compile(
    rf"^(?:first\s+)?published\s+in\s+(?P<outlet>[A-Z][^,;:\n]{{1,60}}?)\s*[,;]\s*"
    rf"(?:on\s+)?(?P<date>{DATE_PHRASE})",
    re.IGNORECASE,
)
_BARE = re.compile(rf"^(?P<date>{DATE_PHRASE})(?:\s*[,|]?\s*(?:at\s+)?{_TIME})?\s*$", re.IGNORECASE)
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:[/\-_.]|$)")

# Stamps sit at the head (under the title) or the foot of an article.
_HEAD_LINES = 15
_FOOT_LINES = 6

_RANK_PUBLISHED, _RANK_BARE, _RANK_UPDATED, _RANK_DATELINE = range(4)


@lru_cache(maxsize=4096)
def parse_date(value: str) -> date | None:
    """A date phrase (or ISO date/datetime) to a date; None when it is not a full date."""
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # imported late: 0.3 s, and only needed for non-ISO phrases

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return parsed.date() if parsed else None


def coerce_published(value: Any) -> date | None:
    """Metadata `published` (date, datetime, struct_time or string) to a date, else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except Exception:  # dateparser can raise on odd input; an unparseable field is ignored
            return None
    if isinstance(value, tuple) and len(value) >= 3:  # time.struct_time from feedparser
        try:
            return date(int(value[0]), int(value[1]), int(value[2]))
        except (TypeError, ValueError):
            return None
    return None


def _candidate_lines(text: str) -> list[tuple[int, str]]:
    lines = [(i, line.strip()) for i, line in enumerate(text.split("\n")) if line.strip()]
    head = lines[:_HEAD_LINES]
    foot = [line for line in lines[-_FOOT_LINES:] if line not in head]
    return head + foot


def published_from_text(text: str) -> date | None:
    """The publication date stated in the text, or None."""
    best: tuple[int, int, date] | None = None
    for position, line in _candidate_lines(text):
        found = _stamp(line)
        if found is None:
            continue
        rank, phrase = found
        if best is not None and (rank, position) >= best[:2]:
            continue
        parsed = parse_date(phrase)
        if parsed is not None:
            best = (rank, position, parsed)
    if best is None:
        dateline = find_dateline(text)
        if dateline and dateline.date and re.search(_YEAR, dateline.date):
            # A dateline date is used only when it carries its year: "Feb 10" alone would be
            # given the current year by any parser.
            return parse_date(dateline.date)
        return None
    return best[2]


def _stamp(line: str) -> tuple[int, str] | None:
    match = _PUBLISHED_IN.match(line)
    if match:
        return _RANK_PUBLISHED, match.group("date")
    match = _LABELLED.match(line)
    if match:
        return (_RANK_PUBLISHED if match.group("pub") else _RANK_UPDATED), match.group("date")
    match = _BARE.match(line)
    if match:
        return _RANK_BARE, match.group("date")
    return None


def published_from_url(url: str | None) -> date | None:
    """News URLs often carry the date: /2019/02/11/ or /2019-02-11-."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def outlet_from_text(text: str) -> str | None:
    """The outlet named by "Published in Dawn, ...", else the agency tag of the dateline."""
    for _, line in _candidate_lines(text):
        match = _PUBLISHED_IN.match(line)
        if match:
            return match.group("outlet").strip()
    dateline = find_dateline(text)
    if dateline and dateline.agency:
        return dateline.agency
    return None


__all__ = [
    "AGENCIES",
    "coerce_published",
    "outlet_from_text",
    "parse_date",
    "published_from_text",
    "published_from_url",
]
