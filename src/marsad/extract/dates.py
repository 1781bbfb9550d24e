"""Time expressions resolved against the publication date, with a precision.

spaCy finds the DATE entities; relative news phrasing ("on Sunday", "late Saturday", "in September",
"since December") is resolved here by calendar arithmetic, which is exact and needs no guessing;
absolute dates ("February 10", "10 Feb 2019") go to dateparser, anchored on the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from marsad.extract.figures import number_in
from marsad.model import Span, When

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9

# Words around a date that do not change the day it names.
_NOISE = re.compile(
    r"\b(on|late|early|earlier|later|last|this|past|the|of|in|at|by|during|around|"
    r"morning|afternoon|evening|night|overnight|midday|noon|dawn|hours)\b",
    re.I,
)
_DURATION = re.compile(
    r"^(\W*(more than|less than|over|about|nearly|almost|some|a|an|few|several|many|\d+|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|couple of)\s+)*"
    r"(days?|weeks?|months?|years?|decades?|hours?|minutes?)\b",
    re.I,
)
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d\d)$")
# "three days ago", "a week ago", "15 years ago", "a few months ago"
_AGO = re.compile(
    r"^(?:about |some |nearly |almost |more than |over )?(?P<count>an?|a few|few|several|"
    r"some|a couple of|couple of|[\w-]+) (?P<unit>day|week|month|year|decade)s? ago$"
)
# "between 2017 and 2022", "from 2015 to 2019", "2014-2016"
_YEAR_SPAN = re.compile(
    r"^(?:between |from )?(?P<a>(?:19|20)\d\d)\s*(?:and|to|-|–)\s*(?P<b>(?:19|20)\d\d)$"
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# the months as words, lower case (a month written so is no date: "an anti-coup march")
_MONTH_WORDS = frozenset(_MONTHS.split("|"))
# "between January and March": a stretch of months
_MONTH_SPAN = re.compile(
    rf"^(?:between |from )?(?P<a>{_MONTHS})(?: (?:19|20)\d\d)?\s*(?:and|to|-|–)\s*"
    rf"(?P<b>{_MONTHS})(?: (?:19|20)\d\d)?$"
)
# "the past decade", "the last five years": a stretch up to publication ("in recent months"
# is too often a yardstick: "the most intense fighting in recent months")
_LOOKBACK = re.compile(
    r"^(?:over |in |during |for )?(?:the )?(?:past|last)\s+(?P<count>a few|few|several|"
    r"couple of|[\w-]+)?\s*(?P<unit>decade|year|quarter|month)s?$"
)
# "the first quarter of the year", "the first six months of 2023": a stretch of months
_PART_OF_YEAR = re.compile(
    r"^(?:in |during |over |for )?(?:the )?(?:first|second|third|fourth|last|past) "
    r"(?:quarter|half|three months|six months|nine months) of (?:the|this|last)? ?"
    r"(?:year|(?:19|20)\d\d)$"
)
# "more than a decade", "years", "nearly two years": how long a deed has gone on, when it is
# told "for" so long
_LONG_DURATION = re.compile(
    r"^(?:more than |over |nearly |almost |about |some )?(?:a|an|one|two|three|four|five|six|"
    r"several|many|\d+)? ?(?:decades?|years?)$"
)
_VAGUE_COUNTS = {"a few": 3, "few": 3, "several": 3, "some": 3, "a couple of": 2, "couple of": 2}
# Two days of one month: "3-4 March", "March 3 and 4", "the night of 3 to 4 March".
_DAYS = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(?P<d2>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_AFTER = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
_DAY_RANGES = (
    re.compile(rf"\b{_DAYS}\s+(?P<m>[a-z]+)\b{_YEAR_AFTER}"),
    re.compile(rf"\b(?P<m>[a-z]+)\s+{_DAYS}\b{_YEAR_AFTER}"),
)
# Words that say a part of a month without changing which month it is ("mid-February").
_MONTH_PART = re.compile(r"\b(mid|early|late)-?\s*", re.I)


@dataclass(frozen=True)
class ResolvedDate:
    when: When
    durative: bool  # "since December": a period up to now, not the date of one happening


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _last_weekday(anchor: date, weekday: int) -> date:
    # A weekday in news copy names the most recent such day (the same day when they match).
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def resolve_date(
    text: str, published: date | None, span: Span | None = None
) -> ResolvedDate | None:
    """Resolve one time expression; None for durations and anything not anchored in time."""
    raw = " ".join(text.split())
    lowered = raw.lower()
    durative = lowered.startswith(("since", "from"))
    lowered = re.sub(r"^(since|from|until|till|before|after)\s+", "", lowered)
    if published is not None and (ago := _AGO.match(lowered)):
        when = _ago(ago, published, span)
        return ResolvedDate(when, durative) if when is not None else None
    if (
        published is not None
        and (back := _LOOKBACK.match(lowered))
        and (period := _lookback(back, published, span)) is not None
    ):
        return period
    if _DURATION.match(lowered):
        return None
    year = _YEAR.match(lowered)
    if year:
        y = int(year.group(1))
        # "since 2009": from that year up to publication
        end = published if durative and published is not None else date(y, 12, 31)
        return ResolvedDate(When(date(y, 1, 1), end, "year", span), durative)
    if published is None:
        return None

    core = " ".join(_NOISE.sub(" ", lowered).split())
    when: When | None = None
    if core in ("yesterday",) or lowered.strip() in ("last night", "overnight"):
        day = published - timedelta(days=1)
        when = When(day, day, "day", span)
    elif core in ("today", "") and re.search(
        r"\b(today|tonight|this morning|this afternoon|this evening)\b", lowered
    ):
        when = When(published, published, "day", span)
    elif core in WEEKDAYS:
        day = _last_weekday(published, WEEKDAYS[core])
        when = When(day, day, "day", span)
    elif core == "week" or "week" in core.split():
        if "last" in lowered.split() or "past" in lowered.split():
            when = When(published - timedelta(days=7), published - timedelta(days=1), "week", span)
        elif "this" in lowered.split() or "earlier" in lowered.split():
            when = When(published - timedelta(days=published.weekday()), published, "week", span)
    elif (days := _day_range(lowered, published, span)) is not None:
        when = days
    elif _MONTH_PART.sub("", core) in MONTHS:
        month = MONTHS[_MONTH_PART.sub("", core)]
        y = published.year if month <= published.month else published.year - 1
        if "last" in lowered.split() and month == published.month:
            y -= 1
        when = When(date(y, month, 1), _month_end(y, month), "month", span)
    elif core == "month" and ("earlier" in lowered or "this" in lowered):
        when = When(published.replace(day=1), published, "month", span)
    elif core == "month" and "last" in lowered:
        first = published.replace(day=1) - timedelta(days=1)
        when = When(first.replace(day=1), first, "month", span)
    elif core == "year" and ("earlier" in lowered or "this" in lowered):
        when = When(date(published.year, 1, 1), published, "year", span)
    elif core == "year" and "last" in lowered:
        y = published.year - 1
        when = When(date(y, 1, 1), date(y, 12, 31), "year", span)
    elif re.search(r"\d", core) or any(w in MONTHS for w in re.findall(r"[a-z]+", core)):
        when = _absolute(raw, published, span)
    if when is None:
        return None
    if durative:
        when = When(when.start, published, when.precision, span)
    return ResolvedDate(when, durative)


def _day_range(text: str, published: date, span: Span | None) -> When | None:
    """Two days of one month ("3-4 March", "March 3 and 4"), the latest such that is not after
    publication when no year is written: a two-day stretch, day precision."""
    match = next(
        (m for pattern in _DAY_RANGES for m in pattern.finditer(text) if m["m"] in MONTHS), None
    )
    if match is None:
        return None
    month = MONTHS[match["m"]]
    first, last = int(match["d1"]), int(match["d2"])
    if not 1 <= first < last <= 31:
        return None
    written = match["y"]
    year = int(written) if written else published.year
    if not written and (month, first) > (published.month, published.day):
        year -= 1
    if last > calendar.monthrange(year, month)[1]:
        return None
    return When(date(year, month, first), date(year, month, last), "day", span)


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _lookback(match: re.Match[str], published: date, span: Span | None) -> ResolvedDate | None:
    """ "the past decade", "the last five years", "the past quarter": a period up to publication
    (durative). "last year" and "last month" name the calendar one and are read elsewhere; a
    stretch of one unit is read here only with "past" ("the past year")."""
    count, unit = match["count"], match["unit"]
    plural = match.group(0).rstrip().endswith("s")
    if count is None:
        if unit != "decade" and not plural and "past" not in match.group(0):
            return None
        n = 3 if plural else 1
    elif count in _VAGUE_COUNTS:
        n = _VAGUE_COUNTS[count]
    else:
        number = number_in(count)
        if number is None or number < 1:
            return None
        n = int(number)
    months = n * {"decade": 120, "year": 12, "quarter": 3, "month": 1}[unit]
    start = _months_before(published, months)
    return ResolvedDate(When(start, published, "year" if months >= 12 else "month", span), True)


def _ago(match: re.Match[str], published: date, span: Span | None) -> When | None:
    """ "three days ago" is a day; a number of weeks, months or years ago is that week, month
    or year; a vague count ("a few days ago", "several years ago") is the stretch it spans."""
    count, unit = match["count"], match["unit"]
    vague = count in _VAGUE_COUNTS
    if vague:
        n = _VAGUE_COUNTS[count]
    elif count in ("a", "an"):
        n = 1
    else:
        number = number_in(count)
        if number is None or number < 1:
            return None
        n = int(number)
    if unit == "decade":
        unit, n = "year", n * 10
    if unit == "day":
        if vague:
            return When(published - timedelta(days=7), published - timedelta(days=2), "week", span)
        day = published - timedelta(days=n)
        return When(day, day, "day", span)
    if unit == "week":
        if vague:
            return When(
                published - timedelta(weeks=n + 1), published - timedelta(weeks=1), "week", span
            )
        middle = published - timedelta(weeks=n)
        return When(middle - timedelta(days=3), middle + timedelta(days=3), "week", span)
    if unit == "month":
        first = _months_before(published, n + (1 if vague else 0))
        last = _months_before(published, max(n - 1, 1) if vague else n)
        return When(first, _month_end(last.year, last.month), "month", span)
    # years
    start_year = published.year - n - (2 if vague else 0)
    end_year = published.year - (1 if vague else n)
    return When(date(start_year, 1, 1), date(end_year, 12, 31), "year", span)


def _absolute(text: str, published: date, span: Span | None) -> When | None:
    cleaned = re.sub(r"\b(on|in|of|the|late|early|since|until)\b", " ", text, flags=re.I)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    has_day = bool(re.search(r"\b\d{1,2}\b", cleaned)) or bool(
        re.search(r"\d{4}-\d\d-\d\d", cleaned)
    )
    has_year = bool(re.search(r"\b(19|20)\d\d\b", cleaned))
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["month"],
        },
    )
    if parsed is None:
        return None
    day = parsed.date()
    if has_day and (has_year or re.search(r"[A-Za-z]", cleaned)):
        return When(day, day, "day", span)
    if has_year or day.day == 1:
        return When(day.replace(day=1), _month_end(day.year, day.month), "month", span)
    return When(day, day, "day", span)


def sentence_dates(sent: SpacySpan, published: date | None, article_id: str) -> list[ResolvedDate]:
    """Every time expression of a sentence (spaCy's DATE entities), resolved; "since" and
    "from" before an entity are read with it, since they make it a period (not before a
    possessive: "from Sunday's bombing")."""
    doc = sent.doc
    out = []
    dated = {i for ent in sent.ents if ent.label_ == "DATE" for i in range(ent.start, ent.end)}
    for tok in sent:
        if tok.lower_ == "overnight" and tok.i not in dated and published is not None:
            # "militants attacked the base overnight": the night before publication (the
            # recogniser seldom makes the word a date)
            span = Span(article_id, tok.idx, tok.idx + len(tok.text), tok.text)
            resolved = resolve_date("overnight", published, span)
            if resolved is not None:
                out.append(resolved)
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        if len(ent) == 1 and ent.text in _MONTH_WORDS:
            continue  # "an anti-coup march", "may": a month is written with a capital
        text = ent.text
        start = ent.start
        before = doc[max(sent.start, ent.start - 3) : ent.start]
        if (
            len(before) == 3
            and before[0].like_num
            and before[2].like_num
            and (before[1].lower_ in ("-", "–", "to", "and"))
        ):
            # "3-4 March": the recogniser keeps only the month
            text, start = f"{before.text} {text}", before.start
        # spaCy leaves "since" / "from" outside the entity; durative dates need it.
        prev = doc[start - 1] if start > sent.start else None
        # not before a possessive: "the toll from Sunday's bombing" is from the bombing
        possessive = ent.end < len(doc) and doc[ent.end].tag_ == "POS"
        if prev is not None and prev.lower_ in ("since", "from") and not possessive:
            text = f"{prev.text} {text}"
        span = Span(article_id, doc[start].idx, ent.end_char, doc[start : ent.end].text)
        resolved = resolve_date(text, published, span)
        if resolved is not None:
            out.append(resolved)
    return out


def nearest_date(head: Token, dates: list[ResolvedDate]) -> When | None:
    """The point in time (not a period) nearest the word `head` in the parse tree: "met on
    Monday after Friday's vote" is Monday. None when the sentence names no point in time."""
    candidates = [d for d in dates if not d.durative]
    if not candidates:
        return None
    up = {t.i: n for n, t in enumerate([head, *head.ancestors])}

    def distance(d: ResolvedDate) -> tuple[int, int]:
        root = _root(head.doc, d)
        tree = next((n + up[t.i] for n, t in enumerate([root, *root.ancestors]) if t.i in up), 99)
        # a tie in the tree goes to the nearer in the text (the parser often hangs both dates of
        # a long sentence on one verb)
        return tree, abs(root.i - head.i)

    return min(candidates, key=distance).when


def told_over_years(head: Token, verb: Token) -> bool:
    """The deed is told over a stretch of months or years back from the report, whatever the
    publication date ("killed 1,000 civilians over the past decade", "since 2009"): read from
    the words, so it holds where the report carries no date."""
    for ent in head.sent.ents:
        if ent.label_ != "DATE":
            continue
        text = " ".join(ent.text.lower().split())
        # the deed, its verb, or the verb a deed that is its subject does ("clashes killed 900
        # in 2023"); not a verb the deed is the object of, which a year may date otherwise
        doers = {head, verb} | ({head.head} if head.dep_ in ("nsubj", "nsubjpass") else set())
        if _YEAR.match(text) and _whole_year(ent) and _in_own_clause(ent.root, doers):
            return True  # "900 people were killed or wounded in 2023": a year's tally
        months = _MONTH_SPAN.match(text)
        if months is not None and months["a"] != months["b"] and _in_own_clause(ent.root, doers):
            return True  # "executions of 45 civilians between January and March": a tally
        years = _YEAR_SPAN.match(text)
        if (
            years is not None
            and years["a"] != years["b"]
            and any(a.i in (head.i, head.head.i, verb.i) for a in ent.root.ancestors)
            # not a name's modifier ("a year after the 2014-2016 war")
            and ent.root.dep_ not in ("nummod", "compound", "amod", "poss")
        ):
            # "killings by security forces in the regions between 2017 and 2022": a tally
            # over years, however deep under the deed or its verb the span hangs
            return True
        if not _told_of(ent.root, head, verb):
            continue
        before = head.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if before == "since" and _YEAR.match(text):
            return True
        back = _LOOKBACK.match(text)
        if back is not None and (back["unit"] != "month" or back.group(0).rstrip().endswith("s")):
            return True
        if _PART_OF_YEAR.match(text):
            return True  # "31 militant attacks in the first quarter of the year"
        if before == "for" and _LONG_DURATION.match(text):
            return True  # "a group which has been fighting the army for more than a decade"
        so_far = head.doc[max(ent.start - 2, 0) : ent.start].text.lower() == "so far"
        if so_far and (text in ("this year", "this month") or _YEAR.match(text)):
            return True  # "143 officers have been killed so far this year": a tally
    return False


# What dates a deed at least a month back from any report ("two years ago", "last month").
_LONG_AGO_UNITS = {"month", "year", "decade"}
_LAST_STRETCH = re.compile(
    r"^(?:the )?(?:last|previous) (?:month|year|decade|january|february|march|april|may|june|"
    r"july|august|september|october|november|december)$"
)


def told_long_ago(head: Token, verb: Token) -> bool:
    """The deed's own date says it lies a month or more back, whatever the report's date ("a
    bombing at the same mosque two years ago", "fighting emptied the town last month", "last
    June"): for a
    report with no date of its own, where such dates cannot be resolved."""
    for ent in head.sent.ents:
        if ent.label_ != "DATE":
            continue
        text = " ".join(ent.text.lower().split())
        ago = _AGO.match(text)
        long_ago = (ago is not None and ago["unit"] in _LONG_AGO_UNITS) or bool(
            _LAST_STRETCH.match(text)
        )
        if long_ago and _in_own_clause(ent.root, {head, verb, head.head}):
            return True
    return False


def _in_own_clause(root: Token, doers: set[Token]) -> bool:
    """The date's words hang under one of the `doers` within their clause: not through a clause
    that describes something ("the city, which it held many months ago", "relatives who
    surrendered in 2009") nor a phrase of time of its own ("after the deaths of 300 people in
    2019, jets struck the town again")."""
    tok = root
    while tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl", "ccomp") or tok.lower_ in TIME_LINKS:
            return False
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TIME_LINKS for c in tok.children
        ):
            return False  # "set up a base after government forces pulled out last month"
        tok = tok.head
        if tok in doers:
            return True
    return False


# Words that put a date under a phrase of time of its own ("after the deaths of 300 in 2019").
TIME_LINKS = ("after", "before", "following", "since", "until")
AFTER_LINKS = ("after", "following")


def _whole_year(ent: Span) -> bool:
    """The date is a bare year as the object of "in" or "during" ("killed in 2024")."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "during", "throughout")


def dated_in_words(head: Token, verb: Token, when: When) -> bool:
    """The date `when` was read from words that hang on the deed's word, its head or its verb,
    or anywhere under the deed's word ("overrun by insurgents in 2021"); not a date the
    sentence tells of something else."""
    if when.span is None:
        return False
    span = head.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    return span is not None and (_told_of(span.root, head, verb) or head in span.root.ancestors)


def period_of(head: Token, verb: Token, dates: list[ResolvedDate]) -> When | None:
    """The period a deed itself is told to span, from a "since" or "from" date that hangs on
    its word or the verb it is told by ("clashes have continued since Friday"); None for a
    period that belongs to something else ("the town, held since 2014, was shelled")."""
    for d in dates:
        if d.durative and _told_of(_root(head.doc, d), head, verb):
            return d.when
    return None


def _told_of(root: Token, head: Token, verb: Token) -> bool:
    """A date's words hang on the deed's word, its head or the verb it is told by, directly or
    through a preposition ("killed ... over the past decade")."""
    governing = {head.i, head.head.i, verb.i}
    deed = head
    while deed.dep_ == "conj" and deed.head.i != deed.i:
        deed = deed.head
    if deed.dep_ == "pobj" and deed.head.lower_ == "of":
        governing.add(deed.head.head.i)  # "a pattern of assassinations over the past year"
    return root.head.i in governing or (root.head.dep_ == "prep" and root.head.head.i in governing)


def dates_what_came_before(head: Token, when: When) -> bool:
    """The date's words hang in a phrase or clause of what came before the deed ("set up a base
    after government forces pulled out last month", "chose a new emir following the death of
    its leader last month"), which the deed's word is outside of."""
    if when.span is None:
        return False
    span = head.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")
    if span is None:
        return False
    above = {t.i for t in (head, *head.ancestors)}
    for tok in (span.root, *span.root.ancestors):
        if tok.i in above:
            return False
        if tok.lower_ in AFTER_LINKS or any(
            c.dep_ == "mark" and c.lower_ in AFTER_LINKS for c in tok.children
        ):
            return True
    return False


def _root(doc: Doc, resolved: ResolvedDate) -> Token:
    """The token a resolved date's words hang from."""
    assert resolved.when.span is not None
    span = resolved.when.span
    return doc.char_span(span.start, span.end, alignment_mode="expand").root
