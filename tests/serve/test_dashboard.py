"""The dashboard in headless Debian Chromium, driven by Playwright, against a live server.

Never runs `playwright install`: the browser is Debian's (`apt-get install chromium`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad import store
from marsad.serve import create_app
from marsad.serve.api import STATIC
from tests.serve.server import running
from tests.store import sample

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium`")
    if not (STATIC / "index.html").exists():
        pytest.skip("dashboard not built: run `npm ci && npm run build` in frontend/")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright==1.65.2")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    st = store.open(tmp_path_factory.mktemp("dashboard") / "dash.db")
    for coded in [*sample.all_articles(), sample.hostile()]:
        st.save(coded)
    with running(create_app(st)) as url:
        yield url
    st.close()


@pytest.fixture()
def page(browser, base_url: str, tmp_path: Path):  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.requests = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    yield pg
    pg.screenshot(path=str(tmp_path / "dashboard.png"))
    context.close()


def wait_loaded(page, count: int = 1) -> None:  # noqa: ANN001
    # function form: a string expression would need eval, which the page's CSP forbids
    page.wait_for_function("n => Number(document.body.dataset.loaded || 0) >= n", arg=count)


def rows(page) -> list[str]:  # noqa: ANN001
    return page.eval_on_selector_all(
        "#events tbody tr[data-event-id]", "trs => trs.map(t => t.dataset.eventId)"
    )


def test_dashboard_markers_rows_timeline(page, base_url: str, tmp_path: Path):
    page.goto(base_url + "/")
    wait_loaded(page)
    assert len(rows(page)) == 5
    assert page.get_attribute("#map", "data-points") == "4"  # the province-level one has no point
    page.wait_for_selector(".leaflet-overlay-pane path.event-marker, .marker-cluster")
    # the offline basemap: Natural Earth country outlines drawn as vector paths
    page.wait_for_function(
        "() => document.querySelectorAll('.leaflet-basemap-pane path').length > 100"
    )
    assert page.get_attribute("#timeline", "data-days") == "5"
    assert page.locator("#timeline canvas").count() >= 1
    assert page.text_content("#count") == "5 events"
    # offline: every request stays on the server
    assert all(u.startswith(base_url) or u.startswith("data:") for u in page.requests)
    assert page.errors == []
    page.screenshot(path=str(tmp_path / "overview.png"))


def test_dashboard_type_filter_changes_rows_and_markers(page, base_url: str):
    page.goto(base_url + "/")
    wait_loaded(page)
    page.select_option("select[name=event_type]", "Battles")
    wait_loaded(page, 2)
    assert len(rows(page)) == 1
    assert page.get_attribute("#map", "data-points") == "1"
    assert "event_type=Battles" in page.url
    assert "event_type=Battles" in page.get_attribute("#api-link", "href")
    # the URL holds the state: reloading keeps the filter
    page.reload()
    wait_loaded(page)
    assert page.input_value("select[name=event_type]") == "Battles"
    assert len(rows(page)) == 1


def test_dashboard_sort_and_country_filter(page, base_url: str):
    page.goto(base_url + "/?country=SY&sort=-fatalities")
    wait_loaded(page)
    assert len(rows(page)) == 3
    first = page.text_content("#events tbody tr:first-child td:nth-child(8)")
    assert first == "14"


def test_dashboard_evidence_highlights_span(page, base_url: str, tmp_path: Path):
    strike = sample.syria().events[0]
    page.goto(base_url + "/")
    wait_loaded(page)
    page.click(f"#events tbody tr[data-event-id='{strike.id}']")
    page.wait_for_selector(f"#evidence[data-event-id='{strike.id}']")
    assert page.text_content("#evidence mark.ev-trigger") == "struck"
    marks = page.eval_on_selector_all("#evidence mark", "ms => ms.map(m => m.textContent)")
    assert "Maarat al-Numan" in "".join(marks)
    body = page.text_content("#evidence-body")
    assert "a local rescue worker" in body  # who is quoted
    assert "Levant Monitor" in body
    assert f"event={strike.id}" in page.url
    page.screenshot(path=str(tmp_path / "evidence.png"))
    # deep link opens the same view
    page.goto(base_url + f"/?event={strike.id}")
    page.wait_for_selector(f"#evidence[data-event-id='{strike.id}']")


def test_dashboard_untrusted_text_never_executes(page, base_url: str, tmp_path: Path):
    hostile = sample.hostile()
    event_id = hostile.events[0].id
    page.goto(base_url + f"/?event={event_id}")
    wait_loaded(page)
    page.wait_for_selector(f"#evidence[data-event-id='{event_id}']")
    page.hover(f"#events tbody tr[data-event-id='{event_id}']")
    page.hover("#evidence h3")
    page.click("#evidence-body .article-text")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__marsad_pwned") is None
    assert page.dialogs == []
    assert page.locator("img[src=x], img[src=y], #evidence svg, #evidence script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    text = page.text_content("#evidence .article-text")
    assert "<script>window.__marsad_pwned = 1</script>" in text
    assert '<img src=x onerror="window.__marsad_pwned = 2">' in text
    assert page.text_content("#evidence h3").startswith("<b onmouseover=")
    assert page.errors == []
    page.screenshot(path=str(tmp_path / "hostile.png"))


def test_dashboard_timeline_brush_sets_dates(page, base_url: str):
    page.goto(base_url + "/")
    wait_loaded(page)
    box = page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    # drag over the first half: the first days only
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    wait_loaded(page, 2)
    assert "event_date_from=2026-03-02" in page.url
    assert page.input_value("input[name=event_date_from]") == "2026-03-02"
    assert 0 < len(rows(page)) < 5
