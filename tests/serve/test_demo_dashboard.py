"""Acceptance of the dashboard on the demo data: `marsad demo`, then the served page shows the
example articles' events on the map, timeline and table, filters them by type, and the evidence
view highlights the words that support an event."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.serve import create_app
from tests.serve.server import running
from tests.serve.test_dashboard import browser, rows, wait_loaded  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory, gazetteer) -> Iterator[str]:
    db = tmp_path_factory.mktemp("demo") / "marsad-demo.db"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with running(create_app(str(db))) as url:
        yield url


@pytest.fixture()
def demo_page(browser, tmp_path: Path):  # noqa: ANN001, F811
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    page.screenshot(path=str(tmp_path / "demo.png"))
    context.close()


def test_demo_dashboard_shows_and_filters_the_example_events(demo_page, demo_url):
    demo_page.goto(demo_url + "/")
    wait_loaded(demo_page)
    shown = len(rows(demo_page))
    # three example articles, each with at least one event of its reporting day
    assert shown >= 3
    assert int(demo_page.get_attribute("#map", "data-points")) == shown
    assert int(demo_page.get_attribute("#timeline", "data-days")) >= 3
    demo_page.select_option("select[name=event_type]", "Protests")
    wait_loaded(demo_page, 2)
    assert len(rows(demo_page)) == 1
    assert int(demo_page.get_attribute("#map", "data-points")) == 1


def test_demo_dashboard_evidence_highlights_the_toll_and_its_source(demo_page, demo_url, tmp_path):
    demo_page.goto(demo_url + "/?event_type=Protests")
    wait_loaded(demo_page)
    (protest,) = rows(demo_page)
    demo_page.click(f"#events tbody tr[data-event-id='{protest}']")
    demo_page.wait_for_selector(f"#evidence[data-event-id='{protest}']")
    marked = "".join(
        demo_page.eval_on_selector_all("#evidence mark", "ms => ms.map(m => m.textContent)")
    )
    assert "dozens" in marked
    assert "opening fire" in demo_page.eval_on_selector_all(
        "#evidence mark.ev-trigger", "ms => ms.map(m => m.textContent)"
    )
    assert "doctors' committee" in demo_page.text_content("#evidence-body")
    demo_page.screenshot(path=str(tmp_path / "demo-evidence.png"))
