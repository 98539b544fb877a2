"""The dashboard in headless Chromium (Debian's chromium, driven by Playwright): the overview, a dyad's
chart with points, a click listing a period's events, an event page highlighting its evidence, and no
script from an article ever running. Screenshots go to test-artifacts/."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from detente.api.app import STATIC, VENDOR_FILES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium from the system package (never a downloaded browser build)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    missing = [f for f in VENDOR_FILES if not (STATIC / f).is_file()]
    if missing:
        pytest.fail(f"dashboard assets missing ({', '.join(missing)}): run `make assets`")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        executable = CHROMIUM if CHROMIUM.exists() else Path(str(shutil.which("chromium")))
        b = p.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live_server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.problems = problems
    yield pg
    context.close()


def no_script_ran(pg: Any) -> None:
    assert pg.evaluate("window.__pwned === undefined"), "an article's script ran"
    assert not pg.problems, pg.problems


def test_overview_lists_dyads_and_alerts(page: Any) -> None:
    page.goto("/")
    assert page.locator("#top-dyads tbody tr").count() > 0
    assert page.locator("#alerts tbody a").count() > 0
    page.screenshot(path=str(ARTIFACTS / "overview.png"), full_page=True)
    no_script_ran(page)


def test_dyad_chart_has_points_and_a_click_lists_events(page: Any) -> None:
    page.goto("/")
    page.locator("#top-dyads a", has_text="PRK → KOR").first.click()
    page.wait_for_url("**/dyads/PRK/KOR")
    chart = page.locator("#chart[data-ready='true']")
    chart.wait_for(timeout=15_000)
    assert int(chart.get_attribute("data-points")) > 5
    assert page.locator("#chart canvas").count() >= 1
    drawn = page.evaluate("""() => {
        const c = echarts.getInstanceByDom(document.getElementById('chart'));
        return c.getOption().series.map((s) => s.data.filter((v) => v !== null && v !== 0).length);
    }""")
    assert drawn[0] > 0 and drawn[1] > 0 and drawn[2] > 0  # cooperation, conflict, Goldstein line
    # click the week of the clashes on the chart itself
    spike = page.evaluate("""() => {
        const c = echarts.getInstanceByDom(document.getElementById('chart'));
        const weeks = c.getOption().xAxis[0].data;
        const i = weeks.indexOf('2018-03-05');
        return c.convertToPixel({seriesIndex: 1}, [i, -1]);
    }""")
    box = chart.bounding_box()
    page.mouse.click(box["x"] + spike[0], box["y"] + spike[1])
    rows = page.locator("#period-events tbody tr")
    rows.first.wait_for(timeout=10_000)
    assert rows.count() >= 4
    assert "2018-03-05" in page.locator("#period-title").inner_text()
    page.screenshot(path=str(ARTIFACTS / "dyad-explorer.png"), full_page=True)
    no_script_ran(page)


def test_event_page_highlights_its_evidence(page: Any) -> None:
    page.goto("/events?dyad=PRK:KOR&type=ASSAULT")
    page.locator("table.events tbody a").first.click()
    page.wait_for_url("**/events/*")
    for role in ("source", "trigger", "target"):
        assert page.locator(f"blockquote.sentence mark.ev-{role}").count() == 1, role
    trigger = page.locator("blockquote.sentence mark.ev-trigger").inner_text()
    assert trigger in page.locator("blockquote.sentence").inner_text()
    assert page.locator("a.article[href^='https://news.example/']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    no_script_ran(page)


def test_hostile_article_shows_as_text_and_runs_nothing(page: Any) -> None:
    page.goto("/events?dyad=PRK:KOR&from=2018-03-19&to=2018-03-19")
    page.locator("table.events tbody a", has_text="__pwned").first.click()
    page.wait_for_url("**/events/*")
    sentence = page.locator("blockquote.sentence").first
    assert "<script>window.__pwned = 'text'</script>" in sentence.inner_text()
    assert page.locator("blockquote.sentence script, blockquote.sentence img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    page.screenshot(path=str(ARTIFACTS / "hostile-event.png"), full_page=True)
    no_script_ran(page)


def test_map_and_network_draw(page: Any) -> None:
    page.goto("/map")
    page.locator("#map[data-ready='true']").wait_for(timeout=15_000)
    assert page.locator("#map path.leaflet-interactive").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "map.png"))
    page.goto("/network")
    page.locator("#network[data-ready='true']").wait_for(timeout=15_000)
    assert int(page.locator("#network").get_attribute("data-nodes")) >= 3
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    no_script_ran(page)
