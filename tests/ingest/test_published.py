from __future__ import annotations

from datetime import date

import pytest

from marsad.ingest.published import (
    coerce_published,
    outlet_from_text,
    published_from_text,
    published_from_url,
)

BODY = "Rocket fire hit a village near the border overnight, residents said."


@pytest.mark.parametrize(
    "text,expected",
    [
        (f"Rockets hit border village\n\nUpdated March 4, 2018\n\n{BODY}", date(2018, 3, 4)),
        (f"{BODY}\n\nPublished in The Frontier Post, March 4th, 2018", date(2018, 3, 4)),
        (f"Posted on 2017-11-23\n\n{BODY}", date(2017, 11, 23)),
        (f"Last updated: 5 Jan 2020 10:00 GMT\n\n{BODY}", date(2020, 1, 5)),
        (f"First published on Sun 10 Feb 2019 14.05 GMT\n\n{BODY}", date(2019, 2, 10)),
        (f"Updated: 10:30 AM EST, Tue June 5, 2018\n\n{BODY}", date(2018, 6, 5)),
        (f"Wednesday 7 August 2019\n\n{BODY}", date(2019, 8, 7)),
        (f"ERBIL, Iraq, May 6, 2016 (Reuters) - {BODY}", date(2016, 5, 6)),
        # A publication stamp beats an update stamp, wherever it is.
        (f"Updated May 9, 2016\n\n{BODY}\n\nPublished in Dawn, May 8th, 2016", date(2016, 5, 8)),
        # No year, no guess; "may" in a sentence is not May.
        (f"ERBIL, May 6 (Reuters) - {BODY}", None),
        (f"Officials said they may return.\n\n{BODY}", None),
        (f"Published 2 hours ago\n\n{BODY}", None),
    ],
)
def test_published_from_text(text: str, expected: date | None) -> None:
    assert published_from_text(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (f"{BODY}\n\nPublished in Dawn, March 4th, 2018", "Dawn"),
        (f"{BODY}\n\nPublished in The Express Tribune, March 4th, 2018", "The Express Tribune"),
        (f"KABUL (AFP) - {BODY}", "AFP"),
        (f"ADEN, Yemen (AP) — {BODY}", "AP"),
        (f"BEIRUT (Reuters) - {BODY}", "Reuters"),
        (BODY, None),
    ],
)
def test_published_outlet(text: str, expected: str | None) -> None:
    assert outlet_from_text(text) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2019-02-11", date(2019, 2, 11)),
        ("2019-02-11T08:30:00Z", date(2019, 2, 11)),
        ("2019-02-11 08:30:00+05:00", date(2019, 2, 11)),
        ("11 February 2019", date(2019, 2, 11)),
        ("not a date at all", None),
        ("", None),
    ],
)
def test_published_coerce(value: str, expected: date | None) -> None:
    assert coerce_published(value) == expected


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://news.example.org/2019/02/11/syria-offensive/", date(2019, 2, 11)),
        ("https://news.example.org/world/2019-02-11-syria.html", date(2019, 2, 11)),
        ("https://news.example.org/world/syria-offensive", None),
        (None, None),
    ],
)
def test_published_from_url(url: str | None, expected: date | None) -> None:
    assert published_from_url(url) == expected
