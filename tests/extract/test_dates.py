from datetime import date

import pytest

from marsad.extract.dates import resolve_date

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


def test_dates_relative_without_publication_date_is_unresolved():
    assert resolve_date("Tuesday", None) is None
    assert resolve_date("2016", None) is not None
