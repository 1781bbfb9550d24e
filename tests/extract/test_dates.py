from datetime import date

import pytest
from spacy.tokens import Doc

from marsad.extract.dates import nearest_date, resolve_date, sentence_dates

WEDNESDAY = date(2021, 3, 17)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("Tuesday", date(2021, 3, 16), date(2021, 3, 16), "day"),
        ("late Monday", date(2021, 3, 15), date(2021, 3, 15), "day"),
        ("Wednesday morning", WEDNESDAY, WEDNESDAY, "day"),
        ("yesterday", date(2021, 3, 16), date(2021, 3, 16), "day"),
        ("last week", date(2021, 3, 10), date(2021, 3, 16), "week"),
        ("November", date(2020, 11, 1), date(2020, 11, 30), "month"),
        ("March", date(2021, 3, 1), date(2021, 3, 31), "month"),
        ("2016", date(2016, 1, 1), date(2016, 12, 31), "year"),
        ("March 12", date(2021, 3, 12), date(2021, 3, 12), "day"),
        ("4 July 2019", date(2019, 7, 4), date(2019, 7, 4), "day"),
        ("earlier this month", date(2021, 3, 1), WEDNESDAY, "month"),
        # so long before publication
        ("three days ago", date(2021, 3, 14), date(2021, 3, 14), "day"),
        ("a week ago", date(2021, 3, 7), date(2021, 3, 13), "week"),
        ("a few days ago", date(2021, 3, 10), date(2021, 3, 15), "week"),
        ("two months ago", date(2021, 1, 1), date(2021, 1, 31), "month"),
        ("15 years ago", date(2006, 1, 1), date(2006, 12, 31), "year"),
        ("twenty-one years ago", date(2000, 1, 1), date(2000, 12, 31), "year"),
        ("a decade ago", date(2011, 1, 1), date(2011, 12, 31), "year"),
        ("several years ago", date(2016, 1, 1), date(2020, 12, 31), "year"),
        # two days of one month, the latest not after publication unless a year is written
        ("the night of 5-6 March", date(2021, 3, 5), date(2021, 3, 6), "day"),
        ("October 9 and 10", date(2020, 10, 9), date(2020, 10, 10), "day"),
        ("21 to 23 June 2018", date(2018, 6, 21), date(2018, 6, 23), "day"),
        # a part of a month is that month
        ("mid-January", date(2021, 1, 1), date(2021, 1, 31), "month"),
        ("overnight", date(2021, 3, 16), date(2021, 3, 16), "day"),
    ],
)
def test_dates_resolve_against_publication(text, start, end, precision):
    resolved = resolve_date(text, WEDNESDAY)
    assert resolved is not None
    assert (resolved.when.start, resolved.when.end, resolved.when.precision) == (
        start,
        end,
        precision,
    )
    assert not resolved.durative


@pytest.mark.parametrize("text", ["days", "more than a week", "two years", "hours"])
def test_dates_durations_are_not_dates(text):
    assert resolve_date(text, WEDNESDAY) is None


def test_dates_since_is_a_period_up_to_publication():
    resolved = resolve_date("since October", WEDNESDAY)
    assert resolved is not None and resolved.durative
    assert resolved.when.start == date(2020, 10, 1)
    assert resolved.when.end == WEDNESDAY


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # a stretch back from publication ("the past decade", "the last five years"), and a
        # year "since" which a deed is told, up to publication
        ("the past decade", date(2011, 3, 1)),
        ("over the last five years", date(2016, 3, 1)),
        ("the past few months", date(2020, 12, 1)),
        ("the past year", date(2020, 3, 1)),
        ("since 2014", date(2014, 1, 1)),
    ],
)
def test_dates_a_stretch_up_to_publication(text, start):
    resolved = resolve_date(text, WEDNESDAY)
    assert resolved is not None and resolved.durative
    assert (resolved.when.start, resolved.when.end) == (start, WEDNESDAY)


def test_dates_last_year_is_still_the_calendar_year():
    resolved = resolve_date("last year", WEDNESDAY)
    assert resolved is not None and not resolved.durative
    assert (resolved.when.start, resolved.when.end) == (date(2020, 1, 1), date(2020, 12, 31))


def test_dates_relative_without_publication_date_is_unresolved():
    assert resolve_date("Tuesday", None) is None
    assert resolve_date("2016", None) is not None


def test_dates_ago_needs_the_publication_date():
    assert resolve_date("three days ago", None) is None


def test_dates_the_nearer_of_two_dates_on_one_verb(nlp):
    # The parser often hangs both dates of a long sentence on one verb; the parse is given here
    # so that the test does not hang on the model's attachment.
    words = ["Guards", "died", "Saturday", ",", "as", "agents", "had", "15", "years", "ago"]
    words += ["during", "a", "raid", "."]
    heads = [1, 1, 1, 1, 6, 6, 1, 8, 9, 1, 1, 12, 10, 1]
    deps = ["nsubj", "ROOT", "npadvmod", "punct", "mark", "nsubj", "advcl", "nummod"]
    deps += ["npadvmod", "advmod", "prep", "det", "pobj", "punct"]
    ents = ["O", "O", "B-DATE", "O", "O", "O", "O", "B-DATE", "I-DATE", "I-DATE"]
    ents += ["O", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, ents=ents)
    raid = doc[12]
    dates = sentence_dates(doc[:], WEDNESDAY, "t")
    assert [d.when.precision for d in dates] == ["day", "year"]
    when = nearest_date(raid, dates)
    assert when is not None and when.precision == "year" and when.start.year == 2006


def test_dates_from_before_a_possessive_date_is_no_period(nlp):
    doc = nlp("The death toll from Sunday's bombing of the bus station has risen to 31.")
    (sunday,) = sentence_dates(doc[:], WEDNESDAY, "t")
    assert not sunday.durative
    assert sunday.when.precision == "day" and sunday.when.start == sunday.when.end
    doc = nlp("Troops have held the town from Sunday onwards.")
    assert [d.durative for d in sentence_dates(doc[:], WEDNESDAY, "t")] == [True]


def test_dates_overnight_and_a_day_range_the_recogniser_splits(nlp):
    doc = nlp("Rebels shelled the town overnight, and fighting resumed on the night of 8-9 March.")
    found = {(d.when.start, d.when.end) for d in sentence_dates(doc[:], WEDNESDAY, "t")}
    assert (date(2021, 3, 16), date(2021, 3, 16)) in found
    assert (date(2021, 3, 8), date(2021, 3, 9)) in found
