from __future__ import annotations

import pytest

from marsad.ingest.dateline import find_dateline, match_dateline


@pytest.mark.parametrize(
    "paragraph,place,agency",
    [
        ("OMAR OIL FIELD (Syria): Fighters pushed east on Monday.", "OMAR OIL FIELD (Syria)", None),
        ("BEIRUT (Reuters) - Shelling hit a market town.", "BEIRUT", "Reuters"),
        ("BAGHDAD, Feb 10 (AFP) — Two car bombs went off.", "BAGHDAD", "AFP"),
        ("MOSUL, Iraq, March 3, 2017 (AFP) -- Troops advanced.", "MOSUL, Iraq", "AFP"),
        ("Damascus, Syria — Residents queued for bread.", "Damascus, Syria", None),
        ("KABUL: A roadside bomb struck a bus.", "KABUL", None),
        ("ISLAMABAD, Pakistan (AP) — Police detained ten men.", "ISLAMABAD, Pakistan", "AP"),
        ("GAZA CITY/JERUSALEM (Reuters) - Sirens sounded.", "GAZA CITY/JERUSALEM", "Reuters"),
        ("AL-HOL CAMP, Syria (AP) — Aid trucks arrived.", "AL-HOL CAMP, Syria", "AP"),
        ("RAS al-AIN, Syria (Reuters) - Guns fell silent.", "RAS al-AIN, Syria", "Reuters"),
        ("ANKARA, Oct 9 (Xinhua) -- Jets struck targets.", "ANKARA", "Xinhua"),
        ("Kandahar, June 2 (Pajhwok): Gunmen opened fire.", "Kandahar", "Pajhwok"),
        ("Srinagar, Feb 10: A gunfight broke out.", "Srinagar", None),
        ("TRIPOLI, Libya (AFP/Reuters) - Militias clashed.", "TRIPOLI, Libya", "AFP"),
    ],
)
def test_dateline_agencies(paragraph: str, place: str, agency: str | None) -> None:
    found = match_dateline(paragraph)
    assert found is not None
    assert found.place == place
    assert found.agency == agency


@pytest.mark.parametrize(
    "paragraph",
    [
        "US-backed forces were locked in fighting on Sunday.",
        "The commander said: we will advance.",
        "BREAKING: Heavy clashes reported near the border.",
        "Meanwhile, Syria — and its allies — kept silent.",
        "However, officials — speaking privately — disagreed.",
        "In Idlib, rebels — many of them exhausted — withdrew.",
        "UN: talks to resume next week",
        "Aleppo residents said the shelling lasted all night.",
    ],
)
def test_dateline_not_sentences(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Army retakes hill\n\nUpdated March 2, 2018\n\nA caption line\n\n"
            "HAMA (Syria): Government troops took the hill.",
            "HAMA (Syria)",
        ),
        ("SYRIA: fighting flares\n\nThe fighting went on for hours and no dateline is here.", None),
        ("x" * 200 + "\n\nBEIRUT (Reuters) - too deep, after a body paragraph.", None),
    ],
)
def test_dateline_find(text: str, expected: str | None) -> None:
    found = find_dateline(text, skip="SYRIA: fighting flares")
    assert (found.place if found else None) == expected
