"""Hand-built coded articles for store and serve tests: invented reports, real model values.

The sentences are written for these tests (never copied from a corpus or the dev gold); spans are
computed from the text, so `span.text == article.text[start:end]` always holds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad import ids
from marsad.model import (
    Actor,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Figure,
    Place,
    Span,
    When,
)

SYRIA_TEXT = (
    "BEIRUT, March 3 (Levant Monitor) - Government aircraft struck a vegetable market in "
    "Maarat al-Numan on Tuesday, killing at least 14 civilians, a local rescue worker said. "
    "In the desert east of Homs, Islamic State fighters attacked an army checkpoint near "
    "Palmyra and the clashes lasted until dawn, according to the Observatory. "
    "Residents said more than 2,000 families had fled the area since February."
)

IRAQ_TEXT = (
    "BASRA, Iraq - Several hundred people protested outside the provincial council in Basra on "
    "Monday, demanding electricity and jobs. Police fired tear gas to disperse the crowd and two "
    "protesters were wounded, a medic at the city hospital said."
)

CONTEXT_TEXT = (
    "AMMAN, March 4 - Officials in Damascus said the army may soon launch an offensive on "
    "Ras al-Ain. In 2019, an air strike on the same town killed nine people. "
    "Unidentified gunmen abducted a teacher somewhere in Deir ez-Zor province on Wednesday."
)

ARMY_SY = Actor(
    name="Syrian army",
    canonical_id="sy-army",
    kind="State forces",
    inter=1,
    country="SY",
    acled_name="Military Forces of Syria (2000-)",
)
CIVILIANS_SY = Actor(
    name="civilians", kind="Civilians", inter=7, country="SY", acled_name="Civilians (Syria)"
)
IS_SY = Actor(
    name="Islamic State",
    canonical_id="isis",
    kind="Rebel group",
    inter=2,
    country="SY",
    acled_name="Islamic State (Syria)",
)
PROTESTERS_IQ = Actor(
    name="protesters", kind="Protesters", inter=6, country="IQ", acled_name="Protesters (Iraq)"
)
POLICE_IQ = Actor(
    name="Police",
    canonical_id="iq-police",
    kind="State forces",
    inter=1,
    country="IQ",
    acled_name="Police Forces of Iraq (2018-)",
)
GUNMEN_SY = Actor(
    name="Unidentified gunmen",
    kind="Political militia",
    inter=3,
    country="SY",
    acled_name="Unidentified Armed Group (Syria)",
)


def span(article: Article, text: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(text, start + 1)
    return Span(article.id, start, start + len(text), text)


def article(text: str, **meta: object) -> Article:
    return Article(id=ids.article_id(text), text=text, **meta)  # type: ignore[arg-type]


def event(a: Article, trigger: str, sentence: str, **fields: object) -> Event:
    trig = span(a, trigger)
    sent = span(a, sentence)
    evidence = [Evidence("trigger", trig), Evidence("sentence", sent)]
    evidence += list(fields.pop("extra_evidence", ()))  # type: ignore[call-overload]
    return Event(
        id=ids.event_id(a.id, "1", [(trig.start, trig.end)]),
        article_id=a.id,
        evidence=tuple(evidence),
        **fields,  # type: ignore[arg-type]
    )


def syria() -> CodedArticle:
    a = article(
        SYRIA_TEXT,
        title="Strike on market kills 14",
        url="https://levant.example/strike",
        outlet="Levant Monitor",
        published=date(2026, 3, 3),
        dateline="BEIRUT",
        source="syria.txt",
    )
    s1 = "Government aircraft struck a vegetable market in Maarat al-Numan on Tuesday, killing at least 14 civilians, a local rescue worker said."  # noqa: E501
    killed = Figure(
        "killed", low=14, best=14, span=span(a, "at least 14"), source="a local rescue worker"
    )
    strike = event(
        a,
        "struck",
        s1,
        type="Explosions/Remote violence",
        sub_type="Air/drone strike",
        plover_type="ASSAULT",
        plover_mode="aerial",
        actor1=replace(ARMY_SY, span=span(a, "Government aircraft")),
        actor2=CIVILIANS_SY,
        place=Place(
            "Maarat al-Numan",
            gazetteer_id="gn:170017",
            lat=35.6433,
            lon=36.6733,
            country_iso2="SY",
            admin1="Idlib",
            admin2="Maarrat an Nu'man",
            feature="populated place",
            precision=1,
            span=span(a, "Maarat al-Numan"),
        ),
        when=When(date(2026, 3, 3), date(2026, 3, 3), "day", span(a, "Tuesday")),
        figures=(killed,),
        fatalities=14,
        sources=("a local rescue worker",),
        confidence=0.8,
        extra_evidence=[
            Evidence("place", span(a, "Maarat al-Numan")),
            Evidence("fatalities", span(a, "at least 14")),
        ],
    )
    s2 = "In the desert east of Homs, Islamic State fighters attacked an army checkpoint near Palmyra and the clashes lasted until dawn, according to the Observatory."  # noqa: E501
    clash = event(
        a,
        "clashes",
        s2,
        type="Battles",
        sub_type="Armed clash",
        plover_type="FIGHT",
        plover_mode="small arms",
        actor1=IS_SY,
        actor2=ARMY_SY,
        assoc_actors=(Actor(name="tribal fighters", kind="Identity militia", inter=4),),
        place=Place(
            "Palmyra",
            gazetteer_id="gn:163345",
            lat=34.5515,
            lon=38.2696,
            country_iso2="SY",
            admin1="Homs",
            feature="populated place",
            precision=2,
        ),
        when=When(date(2026, 3, 3), date(2026, 3, 3), "day"),
        sources=("the Observatory",),
        confidence=0.7,
    )
    families = Figure(
        "displaced",
        low=2000,
        unit="families",
        span=span(a, "more than 2,000 families"),
        source="Residents",
    )
    return CodedArticle(article=a, events=(strike, clash), figures=(families,))


def iraq() -> CodedArticle:
    a = article(
        IRAQ_TEXT,
        title="Basra protest over power cuts",
        url="https://gulf.example/basra",
        outlet="Gulf Courier",
        published=date(2026, 3, 2),
    )
    s = "Police fired tear gas to disperse the crowd and two protesters were wounded, a medic at the city hospital said."  # noqa: E501
    protest = event(
        a,
        "protested",
        "BASRA, Iraq - Several hundred people protested outside the provincial council in Basra on Monday, demanding electricity and jobs.",  # noqa: E501
        type="Protests",
        sub_type="Protest with intervention",
        plover_type="PROTEST",
        plover_mode="demonstrate",
        actor1=PROTESTERS_IQ,
        actor2=POLICE_IQ,
        place=Place(
            "Basra",
            gazetteer_id="gn:99532",
            lat=30.5085,
            lon=47.7804,
            country_iso2="IQ",
            admin1="Basra",
            feature="populated place",
            precision=1,
        ),
        when=When(date(2026, 3, 2), date(2026, 3, 2), "day"),
        figures=(
            Figure("people", vague="several hundred", span=span(a, "Several hundred")),
            Figure("injured", low=2, best=2, span=span(a, "two protesters"), source="a medic"),
        ),
        fatalities=0,
        sources=("a medic at the city hospital",),
        confidence=0.9,
        extra_evidence=[Evidence("intervention", span(a, s))],
    )
    return CodedArticle(article=a, events=(protest,))


def context() -> CodedArticle:
    """A forecast, a background event and an event placed only at province level (no point)."""
    a = article(
        CONTEXT_TEXT,
        title="Offensive expected",
        outlet="Levant Monitor",
        published=date(2026, 3, 4),
    )
    forecast = event(
        a,
        "launch an offensive",
        "AMMAN, March 4 - Officials in Damascus said the army may soon launch an offensive on Ras al-Ain.",  # noqa: E501
        type="Battles",
        sub_type="Armed clash",
        actor1=ARMY_SY,
        modality="forecast",
        place=Place(
            "Ras al-Ain",
            lat=36.8500,
            lon=40.0700,
            country_iso2="SY",
            admin1="Al Hasakah",
            precision=1,
        ),
        sources=("Officials in Damascus",),
    )
    background = event(
        a,
        "air strike",
        "In 2019, an air strike on the same town killed nine people.",
        type="Explosions/Remote violence",
        sub_type="Air/drone strike",
        background=True,
        place=Place(
            "Ras al-Ain",
            lat=36.8500,
            lon=40.0700,
            country_iso2="SY",
            admin1="Al Hasakah",
            precision=1,
        ),
        when=When(date(2019, 1, 1), date(2019, 12, 31), "year"),
        fatalities=9,
        figures=(Figure("killed", low=9, best=9, span=span(a, "nine people")),),
    )
    abduction = event(
        a,
        "abducted",
        "Unidentified gunmen abducted a teacher somewhere in Deir ez-Zor province on Wednesday.",  # noqa: E501
        type="Violence against civilians",
        sub_type="Abduction/forced disappearance",
        actor1=GUNMEN_SY,
        actor2=CIVILIANS_SY,
        place=Place(
            "Deir ez-Zor", country_iso2="SY", admin1="Deir ez-Zor", feature="admin1", precision=3
        ),
        when=When(date(2026, 3, 4), date(2026, 3, 4), "day"),
    )
    return CodedArticle(article=a, events=(forecast, background, abduction))


def all_articles() -> list[CodedArticle]:
    return [syria(), iraq(), context()]


HOSTILE_TEXT = (
    "<script>window.__marsad_pwned = 1</script> KHARTOUM - Armed men "
    '<img src=x onerror="window.__marsad_pwned = 2"> looted shops in the main market of '
    "Omdurman on Friday, witnesses said."
)


def hostile() -> CodedArticle:
    """An article whose text, title, outlet, URL and actor names carry markup and script."""
    a = article(
        HOSTILE_TEXT,
        title='<b onmouseover="window.__marsad_pwned = 3">Market looted</b>',
        url="javascript:window.__marsad_pwned = 4",
        outlet='<svg onload="window.__marsad_pwned = 5">',
        published=date(2026, 3, 6),
    )
    sentence = a.text[a.text.index("KHARTOUM") :]
    looting = event(
        a,
        "looted",
        sentence,
        type="Strategic developments",
        sub_type="Looting/property destruction",
        actor1=Actor(name='<i onclick="window.__marsad_pwned = 6">Armed men</i>', inter=3),
        place=Place(
            "Omdurman", lat=15.6445, lon=32.4777, country_iso2="SD", admin1="Khartoum", precision=1
        ),
        when=When(date(2026, 3, 6), date(2026, 3, 6), "day"),
        sources=('<img src=y onerror="window.__marsad_pwned = 7">',),
        extra_evidence=[Evidence("actor1", span(a, "Armed men"))],
    )
    return CodedArticle(article=a, events=(looting,))
